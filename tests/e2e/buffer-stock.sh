#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# buffer-stock.sh - a kernel without our patch restores the list that
# kexec --ima-carry hands over in linux,ima-kexec-buffer.
#
# Linux 6.1 as Debian ships it, no kernel-patch/ at all, but KEXEC_FILE=y
# and so HAVE_IMA_KEXEC, as several distributions build arm64: upstream's
# own receive path (ima_load_kexec_buffer()) restores the buffer segment
# and its /memreserve/ that kexec_load was given. Boot 2's list must start
# with boot 1's byte for byte and replay to PCR 10, in the guest and on the
# host, with each measurement once.
. "$(dirname "$0")/lib.sh"
e2e_init buffer-stock
# An empty patch directory: build-kernel.sh builds the vanilla kernel.
mkdir -p "$W/no-patches"
export E2E_KERNEL_PATCHES=$W/no-patches
E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1
e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_CARRY &&
	e2e_fail "the vanilla kernel has CONFIG_IMA_CARRY: the test is vacuous"
e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_KEXEC ||
	e2e_fail "the vanilla kernel has no IMA_KEXEC: nothing can receive"
e2e_kexec_has_carry "$E2E_GUEST_KEXEC" ||
	e2e_skip "the guest kexec has no --ima-carry yet"

e2e_hop 1 <<'GUEST'
e2e_snapshot boot1
e2e_kexec --ima-carry
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_verify verify2
e2e_dmesg dmesg2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry -l failed in boot 1"

e2e_check_carry preexec1 boot2
e2e_check_guest_verify verify2
"$E2E_HOST_TOOL" dump "$W/boot2.bin" >"$W/boot2.ascii" ||
	e2e_fail "ima-carry dump failed on boot 2's list"
aggs=$(grep -c ' boot_aggregate$' "$W/boot2.ascii")
[ "$aggs" -eq 2 ] ||
	e2e_fail "boot 2's list has $aggs boot_aggregate entries, not 2"
n1=$(e2e_val preexec1.count)
e2e_pass "unpatched linux 6.1 restored $n1 measurements from linux,ima-kexec-buffer; replay = PCR 10 ($(e2e_secs) s)"
