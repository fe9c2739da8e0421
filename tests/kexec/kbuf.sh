#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# kbuf.sh - the kexec buffer unmodified kernels restore, and the choice of carrier
#
# --ima-carry[=inline|buffer|both] on the aarch64 build (fixture Image and
# board tree, under qemu-aarch64-static) and on the x86_64 builds (Debian's
# stock 6.1 bzImage). The buffer is checked where the next kernel finds it:
# /chosen/linux,ima-kexec-buffer in the root's cells with its exact
# /memreserve/, or the SETUP_IMA node that -d prints, below 1 MiB..min(the
# kernel, 512 MiB, mem=); and byte for byte in FILE.ima-buffer, which
# --dry-run=FILE writes: struct ima_kexec_hdr, 24 bytes, then the list.
. "$top_srcdir/tests/kexec/lib.sh"

command -v fdtput >/dev/null || { echo "ERROR: fdtput missing" >&2; exit 99; }
PAGE=$(getconf PAGESIZE) || exit 99
MiB=1048576

# ck WHAT TEST...: one check; TEST (a command, often [ ... ]) must succeed.
ck() {
	ck_what=$1
	shift
	checks=$((checks + 1))
	"$@" || fail "$ck_what"
}

# not CMD...: CMD fails. prop DTB NAME: /chosen has NAME.
not() {
	! "$@"
}
prop() {
	fdtget "$1" /chosen "$2" >/dev/null 2>&1
}

# sfs LIST: make LIST the live list of the fake securityfs.
sfs() {
	fakesfs "$T/sfs.$(basename "$1")" "$1"
	IMACARRY_SECURITYFS="$T/sfs.$(basename "$1")"
	export IMACARRY_SECURITYFS
}

# payload_ok NAME KBUF LIST ASCII: KBUF is an ima_kexec_hdr (version 1,
# buffer_size = the file's size, count = the entries) and then LIST; the
# tool's dump of it is the generator's ASCII.
payload_ok() {
	tail -c +25 "$2" >"$T/payload"
	ck "$1: the buffer's list differs from securityfs's" \
		cmp -s "$T/payload" "$3"
	set -- "$1" "$2" "$3" "$4" $(python3 -c '
import struct, sys
print(*struct.unpack("<HHIQQ", open(sys.argv[1], "rb").read(24)))' "$2")
	ck "$1: ima_kexec_hdr version $5, want 1" [ "${5:-x}" = 1 ]
	ck "$1: ima_kexec_hdr reserved fields $6 $7, want 0 0" \
		[ "${6:-x} ${7:-x}" = "0 0" ]
	ck "$1: ima_kexec_hdr buffer_size ${8:-?}, want $(wc -c <"$2")" \
		[ "${8:-x}" = "$(wc -c <"$2")" ]
	ck "$1: ima_kexec_hdr count ${9:-?}, want $(wc -l <"$4")" \
		[ "${9:-x}" = "$(wc -l <"$4")" ]
	run 0 "$IC" dump "$2" &&
		ck "$1: ima-carry dump of the buffer differs from the ascii" \
			cmp -s "$T/out" "$4"
}

# kbuf_of DTB: "ADDR SIZE" (decimal) of /chosen/linux,ima-kexec-buffer, read
# in the root's #address-cells and #size-cells; fails when it is missing or
# has another length.
kbuf_of() {
	kb_ac=$(fdtget -t u "$1" / '#address-cells') || return 1
	kb_sc=$(fdtget -t u "$1" / '#size-cells') || return 1
	set -- $(fdtget -t x "$1" /chosen linux,ima-kexec-buffer 2>/dev/null)
	[ $# -gt 0 ] && [ $# -eq $((kb_ac + kb_sc)) ] || return 1
	kb_a=0
	while [ "$kb_ac" -gt 0 ]; do
		kb_a=$(((kb_a << 32) | 0x$1))
		kb_ac=$((kb_ac - 1))
		shift
	done
	kb_s=0
	while [ $# -gt 0 ]; do
		kb_s=$(((kb_s << 32) | 0x$1))
		shift
	done
	echo "$kb_a $kb_s"
}

# rsv_of DTB: its /memreserve/ entries, "ADDR SIZE" in decimal, one a line.
rsv_of() {
	dtc -q -I dtb -O dts "$1" |
		sed -n 's|^/memreserve/[[:space:]]*\(0x[0-9a-fA-F]*\) \(0x[0-9a-fA-F]*\);$|\1 \2|p' |
		while read -r ra rs; do echo "$((ra)) $((rs))"; done
}

# stale_gone NAME DTB: the board tree's stale carriers and /memreserve/ are
# gone, its other /memreserve/ is kept.
stale_gone() {
	rsv_of "$2" >"$T/rsv"
	ck "$1: the stale ima-kexec-buffer /memreserve/ was kept" \
		not grep -q "^$((0x48000000)) " "$T/rsv"
	ck "$1: an unrelated /memreserve/ was removed" \
		grep -qx "$((0x49000000)) $((0x1000))" "$T/rsv"
	ck "$1: the stale linux,ima-carry was kept" not sh -c \
		'fdtget -t bx "$1" /chosen linux,ima-carry 2>/dev/null |
		grep -qx "0x49 0x4d 0x41 0x43 0x41 0x52 0x52 0x59 0x1 0x0"' \
		sh "$2"
}

# named NAME DTB LIST ASCII CELLS: DTB names the buffer --dry-run wrote
# beside it, in CELLS ("2 2", "1 1") cells, with an exact /memreserve/; the
# address and size are the ones -d printed.
named() {
	ck "$1: the root's cells are not $5" [ "$(fdtget -t u "$2" / \
		'#address-cells') $(fdtget -t u "$2" / '#size-cells')" = "$5" ]
	kb=$(kbuf_of "$2")
	ck "$1: no linux,ima-kexec-buffer in the root's cells" [ -n "$kb" ]
	[ -n "$kb" ] || return
	set -- "$1" "$2" "$3" "$4" "$5" ${kb}
	ck "$1: linux,ima-kexec-buffer at $6 is not page aligned" \
		[ $(($6 % PAGE)) -eq 0 ]
	ck "$1: linux,ima-kexec-buffer size $7 is not the buffer's pages" \
		[ "$7" -eq $((($(wc -c <"$2.ima-buffer") + PAGE - 1) / PAGE * PAGE)) ]
	ck "$1: -d printed another buffer than the tree names" \
		grep -qx "ima-carry: linux,ima-kexec-buffer = <$(printf '0x%x 0x%x' \
		"$6" "$7")>, /memreserve/ $(printf '0x%x 0x%x' "$6" "$7")" "$T/kerr"
	rsv_of "$2" >"$T/rsv"
	ck "$1: no /memreserve/ with exactly the buffer's address and size" \
		[ "$(grep -cx "$6 $7" "$T/rsv")" -eq 1 ]
	ck "$1: /memreserve/ entries other than the buffer's and the board's" \
		[ "$(wc -l <"$T/rsv")" -eq 2 ]
	payload_ok "$1" "$2.ima-buffer" "$3" "$4"
}

# carrier_lines RE: the --ima-carry lines on kexec's stderr ($T/kerr) are exactly one that
# matches RE, or none for RE "".
carrier_lines() {
	grep '^kexec: --ima-carry' "$T/kerr" >"$T/lines"
	if [ -z "$1" ]; then
		[ ! -s "$T/lines" ]
	else
		[ "$(wc -l <"$T/lines")" -eq 1 ] && grep -Eq -- "$1" "$T/lines"
	fi
}

# a64 MODE DTB [ARGS...]: a dry run of the aarch64 kexec into $T/next.dtb.
a64() {
	a64_mode=$1
	a64_dtb=$2
	shift 2
	rm -f "$T/next.dtb" "$T/next.dtb.ima-buffer"
	dry_ok "$T/next.dtb" kexec_a64 --ima-carry$a64_mode \
		--dry-run="$T/next.dtb" -d -l "$T/Image" --dtb "$a64_dtb" \
		--append "root=/dev/vda" "$@" || return
	cp "$T/err" "$T/kerr"
}

python3 "$GEN" --template ima-ng --count 300 --seed 21 -o "$T/ng.list" \
	--expect-ascii "$T/ng.ascii" || exit 99
# Over the 2 MiB arm64 tree inline, whatever the packing: distinct digests.
python3 "$GEN" --template ima-ng --count 40000 --violations 0 --seed 22 \
	-o "$T/big.list" --expect-ascii "$T/big.ascii" || exit 99
[ "$(cut -d' ' -f2 "$T/big.ascii" | sort -u | wc -l)" -eq 40000 ] || exit 99

# The board tree with a 1/1 root: the same fixture, its cells rewritten.
cp "$T/board.dtb" "$T/board11.dtb" &&
	fdtput -t u "$T/board11.dtb" / '#address-cells' 1 &&
	fdtput -t u "$T/board11.dtb" / '#size-cells' 1 &&
	fdtput -t x "$T/board11.dtb" /memory@40000000 reg 40000000 40000000 &&
	fdtput -t x "$T/board11.dtb" /chosen linux,ima-kexec-buffer \
		48000000 10000 || exit 99

# ---- aarch64 ----
sfs "$T/ng.list"
for cells in "2 2" "1 1"; do
	dtb=$T/board.dtb
	[ "$cells" = "1 1" ] && dtb=$T/board11.dtb
	name="aarch64 default, $cells root"
	a64 "" "$dtb" || continue
	ck "$name: stderr has --ima-carry lines" carrier_lines ""
	ck "$name: no linux,ima-carry" prop "$T/next.dtb" linux,ima-carry
	run 0 "$IC" extract --list -o "$T/got" "$T/next.dtb" &&
		ck "$name: linux,ima-carry holds another list" \
			cmp -s "$T/got" "$T/ng.list"
	named "$name" "$T/next.dtb" "$T/ng.list" "$T/ng.ascii" "$cells"
	stale_gone "$name" "$T/next.dtb"
	echo "ok: $name: both carriers"
done

name="aarch64 =inline"
if a64 =inline "$T/board.dtb"; then
	run 0 "$IC" extract --list -o "$T/got" "$T/next.dtb" &&
		ck "$name: linux,ima-carry holds another list" \
			cmp -s "$T/got" "$T/ng.list"
	ck "$name: linux,ima-kexec-buffer in the tree" \
		not prop "$T/next.dtb" linux,ima-kexec-buffer
	ck "$name: $T/next.dtb.ima-buffer written" [ ! -e "$T/next.dtb.ima-buffer" ]
	ck "$name: the dry run says it wrote a kexec buffer" \
		not grep -q "kexec buffer written" "$T/kerr"
	stale_gone "$name" "$T/next.dtb"
	ck "$name: /memreserve/ entries other than the board's" \
		[ "$(rsv_of "$T/next.dtb")" = "$((0x49000000)) $((0x1000))" ]
	echo "ok: $name: the inline blob alone"
fi

name="aarch64 =buffer"
if a64 =buffer "$T/board.dtb"; then
	ck "$name: linux,ima-carry in the tree" \
		not prop "$T/next.dtb" linux,ima-carry
	named "$name" "$T/next.dtb" "$T/ng.list" "$T/ng.ascii" "2 2"
	stale_gone "$name" "$T/next.dtb"
	echo "ok: $name: the buffer alone"
fi

name="aarch64 =both"
if a64 =both "$T/board.dtb"; then
	ck "$name: no linux,ima-carry" prop "$T/next.dtb" linux,ima-carry
	named "$name" "$T/next.dtb" "$T/ng.list" "$T/ng.ascii" "2 2"
	echo "ok: $name"
fi

rm -f "$T/next.dtb.ima-buffer"
refused "aarch64 =bogus" \
	"^kexec: --ima-carry=bogus: say inline, buffer or both$" \
	"$T/next.dtb" kexec_a64 --ima-carry=bogus --dry-run="$T/next.dtb" \
	-l "$T/Image" --dtb "$T/board.dtb"

# 40000 entries: more than the 2 MiB tree holds inline.
sfs "$T/big.list"
name="aarch64 default, 40000 entries"
if a64 "" "$T/board.dtb"; then
	ck "$name: not one line saying the buffer carries it alone" \
		carrier_lines "^kexec: --ima-carry: the IMA list \(40000 entries, [0-9]+ bytes packed\) does not fit in the device tree; carried in linux,ima-kexec-buffer only$"
	ck "$name: linux,ima-carry in the tree" \
		not prop "$T/next.dtb" linux,ima-carry
	ck "$name: the tree is over 2 MiB" \
		[ "$(wc -c <"$T/next.dtb")" -le $((2 * MiB)) ]
	named "$name" "$T/next.dtb" "$T/big.list" "$T/big.ascii" "2 2"
	stale_gone "$name" "$T/next.dtb"
	echo "ok: $name: by the buffer alone: $(cat "$T/lines")"
fi
for mode in inline both; do
	rm -f "$T/next.dtb.ima-buffer"
	refused "aarch64 =$mode, 40000 entries" \
		"^kexec: --ima-carry: the device tree with the IMA list \(40000 entries\) needs [0-9]+ bytes, 2097152 are available; nothing loaded$" \
		"$T/next.dtb" kexec_a64 --ima-carry=$mode --dry-run="$T/next.dtb" \
		-l "$T/Image" --dtb "$T/board.dtb"
done

# ---- x86_64: SETUP_IMA ----

# x86_ok NAME KEXEC LIST ASCII LIMIT APPEND [MODE]: a dry run into $T/x86;
# -d shows one SETUP_IMA node whose buffer lies in [1 MiB, min(the kernel,
# 512 MiB, LIMIT)) and is the segment that $T/x86.ima-buffer holds.
x86_ok() {
	rm -f "$T/x86"
	dry_ok "$T/x86.ima-buffer" guard "$2" --ima-carry${7-} \
		--dry-run="$T/x86" -d -l "$vmlinuz" --append="$6" || return
	cp "$T/err" "$T/kerr"
	ck "$1: a device tree was written" [ ! -e "$T/x86" ]
	ck "$1: stderr has --ima-carry lines" carrier_lines ""
	sed -n 's/^ima-carry: setup_data \(0x[0-9a-f]*\): SETUP_IMA addr \(0x[0-9a-f]*\) size \(0x[0-9a-f]*\), next \(0x[0-9a-f]*\)$/\1 \2 \3 \4/p' \
		"$T/kerr" >"$T/node"
	ck "$1: -d shows $(wc -l <"$T/node") SETUP_IMA nodes, want one" \
		[ "$(wc -l <"$T/node")" -eq 1 ]
	kernel=$(sed -n 's/^Loaded 64bit kernel at \(0x[0-9a-f]*\)$/\1/p' "$T/kerr")
	ck "$1: -d shows no kernel load address" [ -n "$kernel" ]
	# mem memsz bufsz of each segment, decimal
	awk -F' = ' '/^segment\[[0-9]+\]\.bufsz/ { b = $2 }
		/^segment\[[0-9]+\]\.mem / { m = $2 }
		/^segment\[[0-9]+\]\.memsz/ { print m, $2, b }' "$T/kerr" |
		while read -r sm ss sb; do echo "$((sm)) $((ss)) $((sb))"; done \
		>"$T/segs"
	[ "$(wc -l <"$T/node")" -eq 1 ] && [ -n "$kernel" ] || return
	read -r node addr size next <"$T/node"
	node=$((node)) addr=$((addr)) size=$((size)) next=$((next))
	kernel=$((kernel))
	len=$(wc -c <"$T/x86.ima-buffer")
	ck "$1: SETUP_IMA addr $addr is not page aligned" \
		[ $((addr % PAGE)) -eq 0 ]
	ck "$1: SETUP_IMA addr $addr is below 1 MiB" [ "$addr" -ge "$MiB" ]
	ck "$1: SETUP_IMA buffer $addr+$size reaches 512 MiB" \
		[ $((addr + size)) -le $((512 * MiB)) ]
	ck "$1: SETUP_IMA buffer $addr+$size reaches the kernel at $kernel" \
		[ $((addr + size)) -le "$kernel" ]
	ck "$1: SETUP_IMA buffer $addr+$size reaches $5 (mem=)" \
		[ $((addr + size)) -le "$5" ]
	ck "$1: SETUP_IMA size $size is not the buffer's pages" \
		[ "$size" -eq $(((len + PAGE - 1) / PAGE * PAGE)) ]
	ck "$1: no segment $addr+$size holding the $len-byte buffer" \
		grep -qx "$addr $size $len" "$T/segs"
	ck "$1: no segment holds the SETUP_IMA node at $node" \
		grep -q "^$node " "$T/segs"
	ck "$1: the node's next ($next) is neither 0 nor a segment" \
		[ "$next" -eq 0 -o -n "$(grep "^$next " "$T/segs")" ]
	payload_ok "$1" "$T/x86.ima-buffer" "$3" "$4"
	echo "ok: $1: SETUP_IMA at 0x$(printf %x "$node"): addr 0x$(printf %x \
		"$addr") size 0x$(printf %x "$size"), kernel at 0x$(printf %x "$kernel")"
}

# x86_refused NAME KEXEC RE APPEND MODE
x86_refused() {
	rm -f "$T/x86.ima-buffer"
	refused "$1" "$3" "$T/x86" guard "$2" --ima-carry$5 --dry-run="$T/x86" \
		-l "$vmlinuz" --append="$4"
}

x86_cases() {
	x="x86_64 $1"
	sfs "$T/ng.list"
	x86_ok "$x default" "$2" "$T/ng.list" "$T/ng.ascii" $((1 << 62)) \
		"console=ttyS0"
	x86_ok "$x =buffer" "$2" "$T/ng.list" "$T/ng.ascii" $((1 << 62)) \
		"console=ttyS0" =buffer
	for mode in inline both; do
		x86_refused "$x =$mode" "$2" \
			"^kexec: --ima-carry=$mode: the bzImage64 loader passes no device tree to the next kernel, so there is nowhere to carry the IMA list inline; nothing loaded$" \
			"console=ttyS0" =$mode
	done
	x86_refused "$x mem=1M" "$2" \
		"^kexec: --ima-carry: no RAM for SETUP_IMA below 0x100000; nothing loaded$" \
		"console=ttyS0 mem=1M"
	x86_refused "$x memmap=exactmap" "$2" \
		"^kexec: --ima-carry: memmap=exactmap: cannot tell where the next kernel has RAM for SETUP_IMA; nothing loaded$" \
		"console=ttyS0 memmap=exactmap memmap=640K@0 memmap=1G@1M"
	sfs "$T/big.list"
	x86_ok "$x default, 40000 entries" "$2" "$T/big.list" "$T/big.ascii" \
		$((1 << 62)) "console=ttyS0"
	x86_ok "$x 40000 entries, mem=64M" "$2" "$T/big.list" "$T/big.ascii" \
		$((64 * MiB)) "console=ttyS0 mem=64M"
	x86_refused "$x 40000 entries, mem=4M" "$2" \
		"^kexec: --ima-carry: no room for the [0-9]+-byte SETUP_IMA buffer in 0x100000-0x3fffff; nothing loaded$" \
		"console=ttyS0 mem=4M"
}

if [ "$(uname -m)" != x86_64 ]; then
	echo "SKIP: the x86_64 cases need an x86_64 host" >&2
	echo "SKIP: the x86_64 cases need an x86_64 host"
	finish
fi
kdir=$(bash "$top_srcdir/tests/e2e/debian-kernel.sh" \
	"${IMACARRY_CACHE:-/var/cache/ima-carry}" 6.1)
krc=$?
vmlinuz=$kdir/vmlinuz
if [ "$krc" -eq 77 ]; then
	echo "SKIP: no Debian 6.1 bzImage (debian-kernel.sh exit 77): the x86_64 SETUP_IMA cases did not run" >&2
	echo "SKIP: no Debian 6.1 bzImage: the x86_64 SETUP_IMA cases did not run"
	finish
fi
checks=$((checks + 1))
if [ "$krc" -ne 0 ] || [ ! -s "$vmlinuz" ]; then
	fail "debian-kernel.sh exit $krc, no $vmlinuz"
	finish
fi
x86_cases native "$KEXEC_NATIVE"
if [ -x "$kout/x86_64/kexec" ]; then
	x86_cases static "$kout/x86_64/kexec"
else
	echo "SKIP: $kout/x86_64/kexec not built (make kexec-x86_64): static cases" >&2
fi

finish
