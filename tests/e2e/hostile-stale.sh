#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# hostile-stale.sh - a stale blob is imported, and said not to match PCR 10.
#
# Boot 1 loads boot 2 with kexec --ima-carry. Boot 2 loads boot 3 with a
# kexec that knows nothing of the carry, handing on its own
# /sys/firmware/fdt: the tree still holds boot 1's blob, which lacks boot
# 2's measurements (its boot_aggregate at least), while the TPM's PCR 10
# holds them. Boot 3 cannot tell a stale blob from a fresh one, so it
# imports it (the verifier judges), with one line that says the replay
# does not match PCR 10. Its list is boot 1's list, then its own.
. "$(dirname "$0")/lib.sh"
e2e_init hostile-stale
# Any patched kernel will do: the hostile one (KASAN) is there anyway.
. "$E2E_DIR/hostile-lib.sh"
hostile_setup

e2e_hop 1 <<GUEST
e2e_snapshot boot1
e2e_kexec $E2E_INLINE
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_dmesg dmesg2
e2e_kexec --dtb /sys/firmware/fdt
GUEST
e2e_hop 3 <<'GUEST'
e2e_snapshot boot3
e2e_dmesg dmesg3
GUEST
e2e_run
e2e_hops_done 3
[ "$(e2e_val kexec.load | tr '\n' ' ')" = "ok ok " ] ||
	e2e_fail "a kexec load failed: $(e2e_val kexec.load | tr '\n' ' ')"
n1=$(e2e_val preexec1.count)
e2e_get dmesg2 "$W/dmesg2"
e2e_get dmesg3 "$W/dmesg3"
grep -qE "ima: carried $n1 measurements .*; replay matches PCR 10 " "$W/dmesg2" ||
	e2e_fail "boot 2 did not import boot 1's list with a match:" \
		"$(grep -m1 'ima: .*carr' "$W/dmesg2")"
lines=$(grep -cE 'ima: (carried |/chosen/linux,ima-carry )' "$W/dmesg3") || true
[ "$lines" = 1 ] || e2e_fail "boot 3 logged $lines ima-carry lines, not one"
line=$(grep -m1 -E 'ima: carried ' "$W/dmesg3" | sed 's/^<[0-9]*>//') ||
	e2e_fail "boot 3 did not import the stale blob"
case $line in
*"carried $n1 measurements "*"; replay does not match PCR 10 ("*) ;;
*) e2e_fail "boot 3's line is not 'carried $n1 ... does not match PCR 10': $line" ;;
esac
# Boot 3's list is boot 1's, then its own: stale, as the line says.
e2e_get preexec1.list "$W/preexec1.bin"
e2e_get boot3.list "$W/boot3.bin"
cmp -n "$(stat -c %s "$W/preexec1.bin")" "$W/preexec1.bin" "$W/boot3.bin" \
	>/dev/null || e2e_fail "boot 3's list does not start with boot 1's"
e2e_pcrs boot3.pcr "$W/boot3.pcrs"
"$E2E_HOST_TOOL" verify --pcrs "$W/boot3.pcrs" "$W/boot3.bin" \
	>"$W/boot3.hostverify" 2>&1 &&
	e2e_fail "boot 3's stale list replays to PCR 10: the test is vacuous"
e2e_story "boot 3: $line"
e2e_pass "stale blob: $n1 measurements imported, 'does not match PCR 10'," \
	"and the host's replay agrees ($(e2e_secs) s)"
