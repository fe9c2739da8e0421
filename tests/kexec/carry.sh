#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# carry.sh - kexec --ima-carry puts exactly the live list into the next DTB
#
# The aarch64 kexec, under qemu-aarch64-static, builds the DTB for a fixture
# Image and board tree and writes it with --dry-run; the library (through the
# ima-carry tool) then takes the list back out, and it must equal the fake
# securityfs's list byte for byte. Generated lists always run; the real
# lists in $IMACARRY_TESTDATA when they are there.
. "$top_srcdir/tests/kexec/lib.sh"

# carried NAME LIST [ASCII]: carry LIST; compare what the DTB holds.
carried() {
	name=$1
	list=$2
	fakesfs "$T/sfs" "$list"
	dry_ok "$T/next.dtb" kexec_a64 --ima-carry --dry-run="$T/next.dtb" -l "$T/Image" \
		--dtb "$T/board.dtb" --append "root=/dev/vda" || return
	run 0 "$IC" extract --list -o "$T/got" "$T/next.dtb" || return
	checks=$((checks + 1))
	if cmp -s "$T/got" "$list"; then
		echo "ok: $name: $(wc -c <"$list") bytes carried byte for byte"
	else
		fail "$name: the DTB carries a different list"
	fi
	if [ -n "${3-}" ]; then
		run 0 "$IC" dump "$T/next.dtb"
		checks=$((checks + 1))
		cmp -s "$T/out" "$3" ||
			fail "$name: dump of the DTB differs from the kernel's ascii"
	fi
	# The static aarch64 tool, as the guest runs it, agrees.
	run 0 guard qemu-aarch64-static "$TOOL_A64" check "$T/next.dtb"
	# Stale carriers from the board tree are gone, the rest is kept.
	checks=$((checks + 1))
	if [ "$(fdtget -t x "$T/next.dtb" /chosen linux,ima-kexec-buffer)" = \
	     "0 48000000 0 10000" ]; then
		fail "$name: stale linux,ima-kexec-buffer kept"
	fi
	# The fresh one, for unmodified kernels: header, then the same list.
	checks=$((checks + 1))
	tail -c +25 "$T/next.dtb.ima-buffer" | cmp -s - "$list" ||
		fail "$name: the kexec buffer carries a different list"
	dtc -q -I dtb -O dts "$T/next.dtb" >"$T/next.dts"
	checks=$((checks + 1))
	grep -q '/memreserve/.*0x0*48000000 ' "$T/next.dts" &&
		fail "$name: the ima-kexec-buffer /memreserve/ was kept"
	checks=$((checks + 1))
	grep -q '/memreserve/.*0x0*49000000 ' "$T/next.dts" ||
		fail "$name: an unrelated /memreserve/ was removed"
	checks=$((checks + 1))
	grep -q 'bootargs = "root=/dev/vda' "$T/next.dts" ||
		fail "$name: bootargs not set by kexec"
}

IMACARRY_SECURITYFS="$T/sfs"
export IMACARRY_SECURITYFS

python3 "$GEN" --template ima-ng --count 300 --seed 1 -o "$T/ng.list" \
	--expect-ascii "$T/ng.ascii" || exit 99
carried "ima-ng, 300 generated entries" "$T/ng.list" "$T/ng.ascii"

python3 "$GEN" --template ima-sig --count 120 --violations 0.05 --seed 2 \
	-o "$T/sig.list" --expect-ascii "$T/sig.ascii" || exit 99
carried "ima-sig with violations" "$T/sig.list" "$T/sig.ascii"

: >"$T/empty.list"
carried "an empty list" "$T/empty.list"

real=${IMACARRY_TESTDATA:-}
if [ -n "$real" ] && [ -d "$real" ]; then
	for f in franczar-ima_ng puiterwijk-imang ibmtss-sha1.log \
		 hyperf-binary_runtime_measurements_sha1; do
		if [ -f "$real/$f" ]; then
			carried "real list $f" "$real/$f"
		else
			echo "SKIP: real list $f missing in $real" >&2
		fi
	done
else
	echo "SKIP: IMACARRY_TESTDATA (real lists) not there; generated lists only" >&2
fi

finish
