#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# carriers.sh - plain --ima-carry hands a patched kernel both carriers; the
# list is imported exactly once.
#
# With no =MODE, kexec puts the list in /chosen/linux,ima-carry and in a
# linux,ima-kexec-buffer segment. The test kernel has our patch and
# HAVE_IMA_KEXEC, so it could restore either: boot 2's list must start with
# boot 1's list byte for byte, replay to PCR 10, and hold each measurement
# once (two boot_aggregate entries, one per boot, and the count adds up).
. "$(dirname "$0")/lib.sh"
e2e_init carriers
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1
e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_KEXEC ||
	e2e_skip "the test kernel has no IMA_KEXEC: nothing reads the buffer"

e2e_hop 1 <<'GUEST'
e2e_snapshot boot1
e2e_kexec --ima-carry
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_chosen chosen2
e2e_verify verify2
e2e_dmesg dmesg2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry -l failed in boot 1"

e2e_check_carry preexec1 boot2
e2e_check_guest_verify verify2
# Both carriers really reached the kernel: the flattened tree has both.
e2e_fdt_chosen chosen2 >"$W/chosen2.props"
for p in linux,ima-carry linux,ima-kexec-buffer; do
	grep -qx "$p" "$W/chosen2.props" ||
		e2e_fail "boot 2's device tree has no $p: the test is vacuous"
done
"$E2E_HOST_TOOL" dump "$W/boot2.bin" >"$W/boot2.ascii" ||
	e2e_fail "ima-carry dump failed on boot 2's list"
aggs=$(grep -c ' boot_aggregate$' "$W/boot2.ascii")
[ "$aggs" -eq 2 ] ||
	e2e_fail "boot 2's list has $aggs boot_aggregate entries, not 2: imported twice?"
n1=$(e2e_val preexec1.count)
n2=$(e2e_val boot2.count)
[ "$n2" -lt $((2 * n1)) ] ||
	e2e_fail "boot 2 lists $n2 measurements after $n1 carried: imported twice?"
e2e_get dmesg2 "$W/dmesg2"
pat='[]] ima: .*(ima-carry|ima-kexec-buffer|carried)'
lines=$(awk -v p="$pat" '$0 ~ p { n++ } END { print n + 0 }' "$W/dmesg2")
[ "$lines" -le 1 ] ||
	e2e_fail "boot 2 logged $lines lines about the carriers, not at most 1:" \
		"$(grep -E "$pat" "$W/dmesg2")"
# The buffer came first and the blob held as many: said, but not a warning.
skip="ima: /chosen/linux,ima-carry ignored: kexec's buffer restored the same [0-9]+ measurements"
grep -Eq "$skip\$" "$W/dmesg2" ||
	e2e_fail "boot 2 did not say it skipped the blob for the same list:" \
		"$(grep -E "$pat" "$W/dmesg2")"
e2e_pass "both carriers handed over, $n1 measurements imported once, replay = PCR 10 ($(e2e_secs) s)"
