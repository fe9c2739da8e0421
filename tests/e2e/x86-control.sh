#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# x86-control.sh - x86_64 control: plain kexec_load on Debian's stock 6.1
# loses the list; boot 2's list must not replay to PCR 10.
#
# The x86 half of control.sh, on Debian's own amd64 kernel under TCG.  Boot 1
# measures some files and loads the same kernel with kexec_load (-c: the
# kexec_load syscall, never kexec_file_load; no --ima-carry) and jumps.  The
# host first makes sure the scenario can fail: boot 1's list replays to boot
# 1's PCR 10 and boot 2 is a second kernel; then that boot 2's fresh list
# does NOT replay to the TPM's PCR 10, and that boot 1's PCR 10 at the jump
# plus boot 2's list does.  Every bank is judged, sha384 and sha512 as
# zero-padded SHA-1 where the kernel extends them so (lib-x86.sh).
# E2E_KVER=6.12 runs it on Debian's 6.12.
. "$(dirname "$0")/lib-x86.sh"
e2e_init "${E2E_SCENARIO:-x86-control}"
# No --ima-carry here: Debian's own kexec may stand in until ours is built.
E2E_DEBIAN_KEXEC=${E2E_DEBIAN_KEXEC:-1}
E2E_X86_ALL_BANKS=1 e2e_x86_setup "${E2E_KVER:-6.1}"

e2e_x86_hop 1 <<'GUEST'
e2e_x86_measure 5 boot1
e2e_x86_check boot1
e2e_snapshot boot1
e2e_kexec -c
GUEST
e2e_x86_hop 2 <<'GUEST'
e2e_x86_check boot2
e2e_snapshot boot2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec -c -l failed in boot 1"
e2e_x86_ima_active boot1
e2e_x86_ima_active boot2
e2e_x86_kernels 2

tool=$E2E_HOST_TOOL
e2e_get boot1.list "$W/boot1.bin"
e2e_get boot2.list "$W/boot2.bin"
e2e_pcrs boot1.pcr "$W/boot1.pcrs"
e2e_pcrs boot2.pcr "$W/boot2.pcrs"
e2e_pcrs preexec1.pcr "$W/preexec1.pcrs"

# The harness itself must be sound: boot 1 replays to its own PCR 10, and
# so does its list at the jump (kexec and its libraries measured too).
"$tool" verify --pcrs "$W/boot1.pcrs" "$W/boot1.bin" >"$W/verify1.out" 2>&1 ||
	e2e_fail "boot 1's list does not replay to boot 1's PCR 10: $(cat "$W/verify1.out")"
e2e_get preexec1.list "$W/preexec1.bin"
"$tool" verify --pcrs "$W/preexec1.pcrs" "$W/preexec1.bin" >"$W/verifyx.out" 2>&1 ||
	e2e_fail "boot 1's list at kexec -e does not replay to its PCR 10: $(cat "$W/verifyx.out")"
# The files boot 1 measured are in its list.
"$tool" dump "$W/boot1.bin" >"$W/boot1.ascii" || e2e_fail "ima-carry dump failed"
[ "$(grep -c ' /e2e/m-boot1-' "$W/boot1.ascii")" -eq 5 ] ||
	e2e_fail "boot 1's list lacks the 5 files it measured"

# Boot 2's list is fresh: it does not hold boot 1's list, and PCR 10 moved.
n1=$(stat -c %s "$W/boot1.bin")
if cmp -s -n "$n1" "$W/boot1.bin" "$W/boot2.bin"; then
	e2e_fail "boot 2's list starts with boot 1's: plain kexec_load carried it?"
fi
if grep -q ' /e2e/m-boot1-' <("$tool" dump "$W/boot2.bin"); then
	e2e_fail "boot 2's list holds boot 1's files"
fi

# The point: boot 2's list no longer replays to the TPM's PCR 10.
rc=0
"$tool" verify --pcrs "$W/boot2.pcrs" "$W/boot2.bin" >"$W/verify2.out" 2>&1 || rc=$?
case $rc in
0) e2e_fail "boot 2's fresh list replays to PCR 10: the mismatch was not seen" ;;
1) ;;
*) e2e_fail "ima-carry verify failed with $rc: $(cat "$W/verify2.out")" ;;
esac
for b in $E2E_BANKS; do
	grep -q "$b" "$W/verify2.out" ||
		e2e_fail "verify of boot 2 says nothing about $b: $(cat "$W/verify2.out")"
done

# And why: the TPM kept boot 1's extends.  Replaying boot 2's list on top of
# PCR 10 as boot 1 left it at kexec -e gives the TPM's value exactly.
initial=()
while read -r alg pcr hex; do
	initial+=(--bank "$(e2e_x86_bank_spec "$alg")" --initial "$alg:$pcr:$hex")
done <"$W/preexec1.pcrs"
"$tool" replay --pcr 10 "${initial[@]}" "$W/boot2.bin" >"$W/replay2.out" ||
	e2e_fail "ima-carry replay failed"
while read -r alg pcr hex; do
	grep -qx "$alg $pcr $hex" "$W/replay2.out" ||
		e2e_fail "boot 1's last PCR 10 + boot 2's list != TPM $alg PCR 10"
done <"$W/boot2.pcrs"

e2e_x86_times 2
e2e_pass "$(e2e_x86_package "$E2E_KERNEL"), $E2E_KEXEC_KIND kexec_load without" \
	"--ima-carry: boot 2 lists $(e2e_val boot2.count) of" \
	"$(( $(e2e_val preexec1.count) + $(e2e_val boot2.count) )) measurements in PCR 10;" \
	"replay != TPM PCR 10 in $E2E_BANKS (as expected)"
