#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# x86-carry3.sh - x86_64 carry, three chained hops on Debian's stock kernels,
# 6.1 -> 6.1 -> 6.12 -> 6.12: every boot's list starts with its
# predecessor's and replays to PCR 10.
#
# Boot N measures files of its own and jumps with `kexec --ima-carry -l`, so
# each hop carries a longer list, and one hop goes from 6.1 to 6.12 (with
# 6.12 unknown to apt, every boot is 6.1, and the scenario says so).  Skips
# (77) while the guest kexec has no --ima-carry; E2E_NEED_CARRY=0
# E2E_DEBIAN_KEXEC=1 E2E_KEXEC_ARGS=-c runs it on Debian's plain kexec,
# where it must fail.
. "$(dirname "$0")/lib-x86.sh"
e2e_init x86-carry3
E2E_NEED_CARRY=${E2E_NEED_CARRY:-1} e2e_x86_setup 6.1
k61=$E2E_KERNEL
rc=0
k612=$("$E2E_DIR/debian-kernel.sh" "$E2E_CACHE" 6.12 2>"$W/kernel-6.12.err") || rc=$?
case $rc in
0) k612=$k612/vmlinuz ;;
77) e2e_say "*** no 6.12: $(tail -n1 "$W/kernel-6.12.err"); every boot is 6.1 ***"
	k612=$k61 ;;
*) e2e_fail "cannot unpack Debian's 6.12 amd64 kernel: $(tail -n1 "$W/kernel-6.12.err")" ;;
esac
verify=
[ -n "$E2E_GUEST_TOOL" ] && verify="e2e_x86_verify verify\$hop $E2E_BANKS"
kernels=("$k61" "$k61" "$k612" "$k612")

for h in 1 2 3; do
	e2e_x86_hop "$h" "${kernels[h - 1]}" <<GUEST
e2e_x86_measure $h boot$h
e2e_x86_check boot$h
e2e_snapshot boot$h
$verify
e2e_kexec ${E2E_KEXEC_ARGS---ima-carry}
GUEST
done
e2e_x86_hop 4 "${kernels[3]}" <<GUEST
e2e_x86_measure 4 boot4
e2e_x86_check boot4
e2e_snapshot boot4
$verify
GUEST
e2e_run
e2e_hops_done 4
[ "$(e2e_val kexec.load | sort -u)" = ok ] ||
	e2e_fail "a kexec ${E2E_KEXEC_ARGS---ima-carry} -l failed"
e2e_x86_kernels 4
# Each boot ran the kernel it was meant to.
want=
for h in 1 2 3 4; do
	want="$want $(cut -d' ' -f3 "$(dirname "${kernels[h - 1]}")/package")"
done
got=$(e2e_val kernel | tr '\n' ' ')
[ "$got" = "${want# } " ] || e2e_fail "kernels booted: '$got', expected '${want# }'"

counts=
for h in 1 2 3 4; do
	e2e_x86_ima_active "boot$h"
	e2e_verify_host "boot$h"
	[ -n "$E2E_GUEST_TOOL" ] && e2e_check_guest_verify "verify$h"
	if [ "$h" -gt 1 ]; then
		e2e_verify_host "preexec$((h - 1))"
		e2e_check_carry "preexec$((h - 1))" "boot$h"
	fi
	counts="$counts $(e2e_val "boot$h.count")"
done
# Every boot's files are in the last list: 1 + 2 + 3 + 4.
"$E2E_HOST_TOOL" dump "$W/boot4.bin" >"$W/boot4.ascii" || e2e_fail "ima-carry dump failed"
[ "$(grep -c ' /e2e/m-boot[1-4]-' "$W/boot4.ascii")" -eq 10 ] ||
	e2e_fail "boot 4's list lacks files the boots before measured"

e2e_x86_times 4
e2e_pass "3 hops,${want}: measurements per boot:$counts; every list starts" \
	"with its predecessor's and replays to PCR 10 in $E2E_BANKS ($(e2e_secs) s)"
