#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# hostile-kbuf.sh - a kernel without KEXEC_FILE restores linux,ima-kexec-buffer.
#
# Patch 0006 builds the receiving half of the IMA kexec buffer
# (ima_get_kexec_buffer(), ima_load_kexec_buffer()) on IMA_KEXEC_RESTORE,
# not on HAVE_IMA_KEXEC, which arm64 selects from KEXEC_FILE only. The
# kernel here has KEXEC_FILE off, as Debian's arm64 one
# (kernel-nokexecfile.config). Boot 1 loads it with kexec
# --ima-carry=buffer, which hands the list over in a segment named by
# /chosen/linux,ima-kexec-buffer and /memreserve/'d, and no
# linux,ima-carry. Boot 2's list must start with boot 1's byte for byte and
# replay to PCR 10, and the kernel must log no ima-carry line.
. "$(dirname "$0")/lib.sh"
e2e_init hostile-kbuf
# The hostile kernel has KEXEC_FILE off (and KASAN).
. "$E2E_DIR/hostile-lib.sh"
hostile_setup
e2e_kernel_has "$E2E_KERNEL" CONFIG_KEXEC_FILE &&
	e2e_fail "the kernel has KEXEC_FILE: the test is vacuous"
e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_KEXEC_RESTORE ||
	e2e_fail "the kernel has no IMA_KEXEC_RESTORE"
qemu-aarch64-static "$E2E_GUEST_KEXEC" --help 2>&1 | grep -q 'ima-carry\[=.*buffer' ||
	e2e_skip "the guest kexec has no --ima-carry=buffer yet"

e2e_hop 1 <<'GUEST'
e2e_snapshot boot1
e2e_kexec --ima-carry=buffer
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_verify verify2
e2e_dmesg dmesg2
e2e_chosen chosen2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry=buffer -l failed"
props=$(e2e_fdt_chosen chosen2)
grep -qx linux,ima-kexec-buffer <<<"$props" ||
	e2e_fail "boot 2's tree has no linux,ima-kexec-buffer: $props"
grep -qx linux,ima-carry <<<"$props" &&
	e2e_fail "boot 2's tree has linux,ima-carry: the test is vacuous"
e2e_check_carry preexec1 boot2
e2e_check_guest_verify verify2
e2e_get dmesg2 "$W/dmesg2"
grep -E 'ima: (carried |/chosen/linux,ima-carry )' "$W/dmesg2" &&
	e2e_fail "boot 2 logged an ima-carry line without the property"
n1=$(e2e_val preexec1.count)
e2e_pass "KEXEC_FILE=n: $n1 measurements restored from linux,ima-kexec-buffer," \
	"replay = PCR 10 ($(e2e_secs) s)"
