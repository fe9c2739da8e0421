#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# control.sh - scenario 3: plain kexec_load loses the list; replay must mismatch.
#
# This is the problem ima-carry solves, shown on today's kexec: boot 2 starts
# a fresh list while the TPM kept every extend of boot 1.  The scenario fails
# if boot 2's list replays to the TPM's PCR 10 after all.
. "$(dirname "$0")/lib.sh"
e2e_init control
# No --ima-carry here: Debian's own kexec may stand in until ours is built.
E2E_DEBIAN_KEXEC=${E2E_DEBIAN_KEXEC:-1}
e2e_setup 6.1

e2e_hop 1 <<'GUEST'
e2e_snapshot boot1
e2e_kexec
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec -l failed in boot 1"

tool=$E2E_HOST_TOOL
e2e_get boot1.list "$W/boot1.bin"
e2e_get boot2.list "$W/boot2.bin"
e2e_pcrs boot1.pcr "$W/boot1.pcrs"
e2e_pcrs boot2.pcr "$W/boot2.pcrs"
e2e_pcrs preexec1.pcr "$W/preexec1.pcrs"

# The harness itself must be sound: boot 1 replays to its own PCR 10.
"$tool" verify --pcrs "$W/boot1.pcrs" "$W/boot1.bin" >"$W/verify1.out" 2>&1 ||
	e2e_fail "boot 1's list does not replay to boot 1's PCR 10: $(cat "$W/verify1.out")"

# Boot 2's list is fresh: it does not hold boot 1's list.
n1=$(stat -c %s "$W/boot1.bin")
if cmp -s -n "$n1" "$W/boot1.bin" "$W/boot2.bin"; then
	e2e_fail "boot 2's list starts with boot 1's: plain kexec_load carried it?"
fi

# The point: boot 2's list no longer replays to the TPM's PCR 10.
rc=0
"$tool" verify --pcrs "$W/boot2.pcrs" "$W/boot2.bin" >"$W/verify2.out" 2>&1 || rc=$?
case $rc in
0) e2e_fail "boot 2's fresh list replays to PCR 10: the mismatch was not seen" ;;
1) ;;
*) e2e_fail "ima-carry verify failed with $rc: $(cat "$W/verify2.out")" ;;
esac

# And why: the TPM kept boot 1's extends.  Replaying boot 2's list on top of
# PCR 10 as boot 1 left it at kexec -e gives the TPM's value exactly.
initial=()
while read -r alg pcr hex; do
	initial+=(--bank "$alg" --initial "$alg:$pcr:$hex")
done <"$W/preexec1.pcrs"
"$tool" replay --pcr 10 "${initial[@]}" "$W/boot2.bin" >"$W/replay2.out" ||
	e2e_fail "ima-carry replay failed"
while read -r alg pcr hex; do
	grep -qx "$alg $pcr $hex" "$W/replay2.out" ||
		e2e_fail "boot 1's last PCR 10 + boot 2's list != TPM $alg PCR 10"
done <"$W/boot2.pcrs"

e2e_pass "kexec_load without --ima-carry: boot 2 lists $(e2e_val boot2.count) of" \
	"$(( $(e2e_val preexec1.count) + $(e2e_val boot2.count) )) measurements in PCR 10;" \
	"replay != TPM PCR 10 (as expected)"
