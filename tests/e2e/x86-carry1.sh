#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# x86-carry1.sh - x86_64 carry, one hop, on Debian's stock kernel: boot 2's
# list starts with boot 1's and replays to PCR 10.
#
# Boot 1 measures some files and loads the same stock kernel with
# `kexec --ima-carry -l` (kexec_load; the list goes in a SETUP_IMA
# setup_data, which the stock kernel's HAVE_IMA_KEXEC restores: no kernel
# patch) and jumps.  Boot 2 measures more.  The host checks that boot 2's
# list starts with boot 1's list as it was at the jump, byte for byte, and
# replays to boot 2's PCR 10 in every bank; the guest's own ima-carry
# verify too, when the build tree has a static x86_64 one.
#
# Skips (77) while the guest kexec has no --ima-carry.  E2E_KVER picks the
# series (6.1, 6.12); E2E_NEED_CARRY=0 E2E_DEBIAN_KEXEC=1 E2E_KEXEC_ARGS=-c
# runs it on Debian's plain kexec, where it must fail.
. "$(dirname "$0")/lib-x86.sh"
kver=${E2E_KVER:-6.1}
e2e_init "${E2E_SCENARIO:-x86-carry1}"
E2E_X86_ALL_BANKS=1 E2E_NEED_CARRY=${E2E_NEED_CARRY:-1} e2e_x86_setup "$kver"
verify=
[ -n "$E2E_GUEST_TOOL" ] && verify="e2e_x86_verify verify\$hop $E2E_BANKS"

e2e_x86_hop 1 <<GUEST
e2e_x86_measure 5 boot1
e2e_x86_check boot1
e2e_snapshot boot1
$verify
e2e_kexec ${E2E_KEXEC_ARGS---ima-carry}
GUEST
e2e_x86_hop 2 <<GUEST
e2e_x86_measure 3 boot2
e2e_x86_check boot2
e2e_snapshot boot2
$verify
e2e_dmesg dmesg2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] ||
	e2e_fail "kexec ${E2E_KEXEC_ARGS---ima-carry} -l failed in boot 1"
# The load was recorded for the shutdown hook, initrd included.
! grep -q 'not recorded for the shutdown hook' "$E2E_LOG" ||
	e2e_fail "kexec loaded but did not record the load:" \
		"$(grep 'not recorded' "$E2E_LOG")"
e2e_x86_ima_active boot1
e2e_x86_ima_active boot2
e2e_x86_kernels 2

# Not vacuous: boot 1's list replayed to its PCR 10 at the jump.
e2e_verify_host preexec1
e2e_check_carry preexec1 boot2
n1=$(e2e_val preexec1.count)
n2=$(e2e_val boot2.count)
[ "$n2" -gt "$n1" ] || e2e_fail "boot 2 lists $n2 measurements, boot 1 had $n1"
"$E2E_HOST_TOOL" dump "$W/boot2.bin" >"$W/boot2.ascii" || e2e_fail "ima-carry dump failed"
[ "$(grep -c ' /e2e/m-boot[12]-' "$W/boot2.ascii")" -eq 8 ] ||
	e2e_fail "boot 2's list lacks the 5 + 3 files boot 1 and boot 2 measured"
if [ -n "$E2E_GUEST_TOOL" ]; then
	e2e_check_guest_verify verify1
	e2e_check_guest_verify verify2
fi

e2e_story "boot 2 was handed setup_data of types: $(e2e_val boot2.setup_data) (SETUP_IMA is 8 or 0x8)"
e2e_x86_times 2
e2e_pass "$(e2e_x86_package "$E2E_KERNEL"): $n1 measurements carried;" \
	"boot 2's $n2 replay to PCR 10 in $E2E_BANKS" \
	"(host${E2E_GUEST_TOOL:+ and guest}; $(e2e_secs) s)"
