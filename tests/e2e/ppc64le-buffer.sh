#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# ppc64le-buffer.sh - kexec --ima-carry=buffer, one hop: the patched kernel
# restores boot 1's list from /chosen/linux,ima-kexec-buffer alone.
#
# kexec_load, so the kernel's own receive path (ima_load_kexec_buffer(),
# built on IMA_KEXEC_RESTORE, patch 0007) and not our inline blob: the tree
# kexec built holds no linux,ima-carry, the kernel logs no "carried" line,
# and it removed linux,ima-kexec-buffer from its live tree, which only
# ima_free_kexec_buffer() does once the buffer was found. Boot 2's list
# starts with boot 1's and replays to PCR 10 in every bank (host and
# guest). The segment and its /memreserve/ lie below the RMA, and the tree's
# own /memreserve/ is still the last one. E2E_CROSS_CARRY=-d (no carrier)
# or =--ima-carry=inline must fail.
E2E_CROSS_CARRY=${E2E_CROSS_CARRY:---ima-carry=buffer}
. "$(dirname "$0")/lib-ppc64le.sh"
e2e_init ppc64le-buffer
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_cross_setup 6.1
e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_KEXEC_RESTORE ||
	e2e_fail "the patched kernel has no IMA_KEXEC_RESTORE: nothing reads the buffer"

e2e_cross_carry_once
aggs=$(awk '/ boot_aggregate$/ { n++ } END { print n + 0 }' "$W/boot2.ascii")
[ "$aggs" -eq 2 ] ||
	e2e_fail "boot 2's list has $aggs boot_aggregate entries, not 2: imported twice?"

# The dry run's tree names the buffer and nothing else carries the list.
[ "$(e2e_val next1.rc)" = 0 ] || {
	e2e_get next1.out "$W/next1.out"
	e2e_fail "kexec --dry-run failed: $(tail -n3 "$W/next1.out")"
}
e2e_get next1.fdt "$W/next1.fdt"
e2e_cross_props "$W/next1.fdt" >"$W/next1.props"
grep -qx 'linux,ima-kexec-buffer' "$W/next1.props" ||
	e2e_fail "kexec $E2E_CROSS_CARRY left no linux,ima-kexec-buffer in the next tree"
grep -qx 'linux,ima-carry' "$W/next1.props" &&
	e2e_fail "kexec $E2E_CROSS_CARRY put a linux,ima-carry in the next tree too"

# The segment holds the list as it was at the dry run, byte for byte after
# the 24-byte struct ima_kexec_hdr, and nothing was measured between the
# dry run and the load.
e2e_get next1.kbuf "$W/next1.kbuf"
e2e_get dry1.list "$W/dry1.bin"
cmp -s "$W/dry1.bin" "$W/preexec1.bin" ||
	e2e_fail "something was measured between the dry run and the load"
tail -c +25 "$W/next1.kbuf" | cmp -s - "$W/dry1.bin" ||
	e2e_fail "the kexec buffer does not hold the list as it was at the dry run"
"$E2E_HOST_TOOL" dump "$W/next1.kbuf" >"$W/next1.kbuf.ascii" 2>&1 ||
	e2e_fail "ima-carry dump of the kexec buffer: $(cat "$W/next1.kbuf.ascii")"
"$E2E_HOST_TOOL" dump "$W/dry1.bin" | cmp -s - "$W/next1.kbuf.ascii" ||
	e2e_fail "the kexec buffer's header and list do not read as the list"

# linux,ima-kexec-buffer = <addr size> (two cells each on pseries), reserved
# by a /memreserve/ of its own, all of it below the RMA.
cells=$(fdtget -t x "$W/next1.fdt" /chosen linux,ima-kexec-buffer) ||
	e2e_fail "fdtget cannot read the dry run's linux,ima-kexec-buffer"
read -r a0 a1 s0 s1 extra <<<"$cells"
[ -n "${s1:-}" ] && [ -z "${extra:-}" ] ||
	e2e_fail "linux,ima-kexec-buffer is not <addr size> in two cells each"
kaddr=$(( (0x$a0 << 32) | 0x$a1 ))
ksize=$(( (0x$s0 << 32) | 0x$s1 ))
[ "$ksize" -ge "$(stat -c %s "$W/next1.kbuf")" ] ||
	e2e_fail "linux,ima-kexec-buffer names $ksize bytes, the segment holds more"
found=0
while read -r ra rs; do
	if [ $((ra)) -eq "$kaddr" ] && [ $((rs)) -eq "$ksize" ]; then
		found=1
	fi
done < <(e2e_cross_rsv "$W/next1.fdt" | sed '$d')
[ "$found" = 1 ] ||
	e2e_fail "no /memreserve/ (before the tree's own) reserves the buffer at $kaddr+$ksize"
e2e_get chosen2.fdt "$W/chosen2.fdt"
e2e_ppc_tree_check
mem=$(e2e_val mem1)
rma=$(( 0x${mem:16:16} ))
[ "$rma" -gt $((0x30000000)) ] && rma=$((0x30000000))
[ $(( kaddr + ksize )) -le "$rma" ] ||
	e2e_fail "the buffer lies at $kaddr+$ksize, above the RMA top $rma"

# Boot 2 was handed that very property, and its kernel consumed it: the
# flat tree still names it, the live tree no longer does.
[ "$(fdtget -t x "$W/chosen2.fdt" /chosen linux,ima-kexec-buffer)" = \
	"$(fdtget -t x "$W/next1.fdt" /chosen linux,ima-kexec-buffer)" ] ||
	e2e_fail "boot 2's tree does not name the buffer kexec placed"
e2e_cross_props "$W/chosen2.fdt" | grep -x 'linux,ima-carry' >/dev/null &&
	e2e_fail "boot 2's tree holds a linux,ima-carry: not the buffer alone"
e2e_val chosen2 | tr ' ' '\n' | grep -x 'linux,ima-kexec-buffer' >/dev/null &&
	e2e_fail "boot 2's live /chosen keeps linux,ima-kexec-buffer: the kernel never took it"

# ima_load_kexec_buffer() is silent when it restores (pr_debug otherwise);
# what it and the restore log when they refuse is an error or a warning.
e2e_get dmesg2 "$W/dmesg2"
grep -E '\] ima: .*carried .* from /chosen' "$W/dmesg2" &&
	e2e_fail "boot 2's kernel imported an inline blob"
grep -E '^<[0-4]>.*\] ima: ' "$W/dmesg2" >"$W/dmesg2.err" &&
	e2e_fail "boot 2's kernel complained: $(cat "$W/dmesg2.err")"
e2e_story "buffer at $(printf '0x%x' "$kaddr"), $ksize bytes reserved, below the RMA top $(printf '0x%x' "$rma")"
e2e_story "boot 2 /chosen (live): $(e2e_val chosen2)"
e2e_story "kernel, every ima line: $(grep '\] ima: ' "$W/dmesg2" | sed 's/^<[0-9]*>//' | tr '\n' ';')"
e2e_cross_times 2
e2e_pass "linux 6.1 $E2E_KARCH: $n1 measurements restored from" \
	"linux,ima-kexec-buffer; boot 2's $n2 replay to PCR 10 (host and guest;" \
	"$(e2e_secs) s)"
