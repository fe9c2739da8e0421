#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# stale.sh - stale IMA carriers never reach the next kernel unasked
#
# The running kernel's tree (/sys/firmware/fdt) can hold a linux,ima-carry
# and a linux,ima-kexec-buffer with its /memreserve/ from the boot before:
# kexec removes them with or without --ima-carry. A --dtb file is the user's
# and is kept as given without --ima-carry: that is how the QEMU test hands
# the next kernel a deliberately broken blob. /sys/firmware/fdt is faked in
# a private mount namespace (unshare -m), so the test needs root.
. "$top_srcdir/tests/kexec/lib.sh"

python3 "$GEN" --template ima-ng --count 40 --seed 6 -o "$T/ng.list" || exit 99
fakesfs "$T/sfs" "$T/ng.list"
IMACARRY_SECURITYFS="$T/sfs"
export IMACARRY_SECURITYFS
out="$T/next.dtb"

# no_stale NAME: the stale carriers and their /memreserve/ are gone.
no_stale() {
	before=$fails
	checks=$((checks + 1))
	# With --ima-carry a fresh buffer takes its place: never the stale one.
	if [ "$(fdtget -t x "$out" /chosen linux,ima-kexec-buffer 2>/dev/null)" = \
	     "0 48000000 0 10000" ]; then
		fail "$1: linux,ima-kexec-buffer kept"
	fi
	dtc -q -I dtb -O dts "$out" >"$T/next.dts"
	checks=$((checks + 1))
	grep -q '/memreserve/.*0x0*48000000 ' "$T/next.dts" &&
		fail "$1: the ima-kexec-buffer /memreserve/ kept"
	checks=$((checks + 1))
	grep -q '/memreserve/.*0x0*49000000 ' "$T/next.dts" ||
		fail "$1: an unrelated /memreserve/ removed"
	[ "$fails" -eq "$before" ] && echo "ok: $1"
}

# 1. A --dtb file without --ima-carry: kept as given, broken blob and all.
dry_ok "$out" kexec_a64 --dry-run="$out" -l "$T/Image" --dtb "$T/board.dtb"
checks=$((checks + 1))
if [ "$(fdtget -t bx "$out" /chosen linux,ima-carry)" = \
     "$(fdtget -t bx "$T/board.dtb" /chosen linux,ima-carry)" ] &&
   fdtget "$out" /chosen linux,ima-kexec-buffer >/dev/null; then
	echo "ok: a user --dtb keeps its own linux,ima-carry without --ima-carry"
else
	fail "a user --dtb was changed without --ima-carry"
fi

# 2. The same file with --ima-carry: its carriers are replaced.
dry_ok "$out" kexec_a64 --ima-carry --dry-run="$out" -l "$T/Image" \
	--dtb "$T/board.dtb"
no_stale "a user --dtb with --ima-carry"
run 0 "$IC" extract --list -o "$T/got" "$out"
checks=$((checks + 1))
cmp -s "$T/got" "$T/ng.list" || fail "the live list is not what was carried"

# 3. The running kernel's tree, without and with --ima-carry.
# fwrun CMD...: CMD with the board tree as /sys/firmware/fdt, guarded.
fwrun() {
	guard unshare -m --propagation private sh -c '
		mount -t tmpfs ima-carry-test /sys/firmware &&
		cp "$1" /sys/firmware/fdt && shift && exec "$@"' \
		sh "$T/board.dtb" "$@"
}
if ! fwrun true 2>/dev/null; then
	echo "SKIP: cannot fake /sys/firmware/fdt (unshare -m needs root)" >&2
	finish
fi
dry_ok "$out" fwrun qemu-aarch64-static "$KEXEC_A64" \
	--dry-run="$out" -l "$T/Image"
no_stale "the running kernel's tree without --ima-carry"
checks=$((checks + 1))
fdtget "$out" /chosen linux,ima-carry >/dev/null 2>&1 &&
	fail "a stale linux,ima-carry from /sys/firmware/fdt kept"

dry_ok "$out" fwrun qemu-aarch64-static "$KEXEC_A64" --ima-carry \
	--dry-run="$out" -l "$T/Image"
no_stale "the running kernel's tree with --ima-carry"
run 0 "$IC" extract --list -o "$T/got" "$out"
checks=$((checks + 1))
cmp -s "$T/got" "$T/ng.list" ||
	fail "the running kernel's tree: the live list is not what was carried"

finish
