#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# kdump.sh - a crash kernel imports nothing, even when its tree holds a blob.
#
# Boot 1 hands its list to boot 2 with kexec --ima-carry; boot 2 imports
# it. Boot 2 then loads a crash kernel (kexec -p) with its own
# /sys/firmware/fdt as the tree, as a kexec that knows nothing of the carry
# would (--ima-carry refuses -p), so the crash kernel's /chosen still holds
# boot 1's blob, and panics. The crash kernel (is_kdump_kernel(): it has
# elfcorehdr) must say it ignores the blob, in one line, and list only its
# own measurements: the list of the kernel that crashed is not its own.
. "$(dirname "$0")/lib.sh"
e2e_init kdump
# A patched kernel that can be a crash kernel, and panic on request.
export E2E_KERNEL_FRAGMENTS=$E2E_DIR/kernel-kdump.config
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1
e2e_kernel_has "$E2E_KERNEL" CONFIG_CRASH_DUMP ||
	e2e_fail "the kdump kernel has no CRASH_DUMP: the test is vacuous"
E2E_APPEND="crashkernel=192M"
E2E_EXPECT_PANIC="sysrq triggered crash"

e2e_hop 1 <<'GUEST'
e2e_snapshot boot1
e2e_kexec --ima-carry=inline
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_dmesg dmesg2
if kexec -p /next/Image --initrd /next/initrd --reuse-cmdline \
	--dtb /sys/firmware/fdt >/run/kexec-p.out 2>&1; then
	e2e_val crash.load ok
	echo c >/proc/sysrq-trigger
else
	cat /run/kexec-p.out
	e2e_val crash.load failed
fi
GUEST
e2e_hop 3 <<'GUEST'
e2e_val crash.elfcorehdr "$(ls /proc/vmcore 2>/dev/null)"
e2e_snapshot boot3
e2e_chosen chosen3
e2e_dmesg dmesg3
GUEST
e2e_run
e2e_hops_done 3
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry -l failed in boot 1"
[ "$(e2e_val crash.load)" = ok ] || e2e_fail "kexec -p failed in boot 2"
[ "$(e2e_val crash.elfcorehdr)" = /proc/vmcore ] ||
	e2e_fail "boot 3 has no /proc/vmcore: not a crash kernel"

n1=$(e2e_val preexec1.count)
e2e_get dmesg2 "$W/dmesg2"
e2e_get dmesg3 "$W/dmesg3"
grep -qE "ima: carried $n1 measurements " "$W/dmesg2" ||
	e2e_fail "boot 2 did not import boot 1's $n1 measurements"
# The crash kernel was handed the blob: else the check below is vacuous.
command -v fdtget >/dev/null || e2e_skip "fdtget is missing (device-tree-compiler)"
e2e_get chosen3.fdt "$W/chosen3.fdt"
fdtget "$W/chosen3.fdt" /chosen linux,elfcorehdr >/dev/null 2>&1 ||
	e2e_fail "boot 3's tree has no linux,elfcorehdr"
fdtget -t bx "$W/chosen3.fdt" /chosen linux,ima-carry >/dev/null 2>&1 ||
	e2e_fail "boot 3's tree holds no linux,ima-carry: the test is vacuous"
pat='[]] ima: .*(ima-carry|ima-kexec-buffer|carried)'
lines=$(grep -cE "$pat" "$W/dmesg3")
[ "$lines" -eq 1 ] && grep -q 'ima: /chosen/linux,ima-carry ignored: crash kernel$' "$W/dmesg3" ||
	e2e_fail "the crash kernel did not say, once, that it ignores the blob:" \
		"$(grep -E "$pat" "$W/dmesg3")"
n3=$(e2e_val boot3.count)
[ "$n3" -lt "$n1" ] ||
	e2e_fail "the crash kernel lists $n3 measurements, boot 1 had $n1: imported?"
e2e_pass "the crash kernel ignored the blob its tree held ($n1 measurements)," \
	"in one line, and lists only its own $n3 ($(e2e_secs) s)"
