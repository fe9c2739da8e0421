#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# roundtrip.sh - pack -> inject -> extract -> dump is byte for byte the list's ascii
. "$top_srcdir/tests/tool/lib.sh"

gen le --count 500
gen be --count 120 --big-endian
gen small --count 1 --violations 0
gen other --count 7 --seed other

dts base '/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	model = "ima-carry test";
	chosen { bootargs = "console=ttyAMA0 ima_template=ima-ng"; };
	memory@40000000 { device_type = "memory"; reg = <0 0x40000000 0 0x8000000>; };
};'
dts nochosen '/dts-v1/; / { model = "no chosen"; };'

for name in le be small; do
	for nc in "" --no-compress; do
		tag="$name${nc:+ $nc}"
		run 0 "$IC" pack -q $nc -o "$T/$name.blob" "$T/$name.bin" ||
			continue
		run 0 "$IC" inject --blob "$T/$name.blob" -o "$T/$name.dtb" \
			"$T/base.dtb" || continue
		run 0 "$IC" extract -o "$T/$name.out.blob" "$T/$name.dtb" &&
			same "$T/$name.out.blob" "$T/$name.blob" "extract $tag"
		run 0 "$IC" dump "$T/$name.out.blob" &&
			same "$T/out" "$T/$name.ascii" "pack-inject-extract-dump $tag"
		run 0 "$IC" dump "$T/$name.dtb" &&
			same "$T/out" "$T/$name.ascii" "dump of the DTB, $tag"
		run 0 "$IC" extract --list -o "$T/$name.out.bin" "$T/$name.dtb" &&
			same "$T/$name.out.bin" "$T/$name.bin" "extract --list $tag"
		# The rest of the tree is intact, and dtc can read it.
		run 0 dtc -q -I dtb -O dts "$T/$name.dtb" && {
			out_has 'bootargs = "console=ttyAMA0 ima_template=ima-ng";'
			out_has 'model = "ima-carry test";'
			out_has 'linux,ima-carry = [49 4d 41 43 41 52 52 59 01 00 30 00'
		}
	done
done

# inject --list packs on the way, with or without compression.
run 0 "$IC" inject --list "$T/le.bin" -o "$T/l.dtb" "$T/base.dtb" &&
	run 0 "$IC" extract -o "$T/l.blob" "$T/l.dtb" &&
	run 0 "$IC" pack -q -o "$T/le.z.blob" "$T/le.bin" &&
	same "$T/l.blob" "$T/le.z.blob" "inject --list"
run 0 "$IC" inject --no-compress --list - -o "$T/l2.dtb" "$T/base.dtb" \
	<"$T/le.bin" && run 0 "$IC" dump --header "$T/l2.dtb" &&
	out_has "# flags: 0x0"

# A tree without /chosen gets one.
run 0 "$IC" inject --blob "$T/small.blob" -o "$T/nc.dtb" "$T/nochosen.dtb" &&
	run 0 "$IC" dump "$T/nc.dtb" && same "$T/out" "$T/small.ascii" "no /chosen"

# Injecting again replaces the carrier: one property, the new list.
run 0 "$IC" pack -q -o "$T/other.blob" "$T/other.bin"
run 0 "$IC" inject --blob "$T/other.blob" -o "$T/again.dtb" "$T/le.dtb" &&
	run 0 "$IC" dump "$T/again.dtb" &&
	same "$T/out" "$T/other.ascii" "re-inject"
run 0 dtc -q -I dtb -O dts "$T/again.dtb" &&
	[ "$(grep -c 'linux,ima-carry' "$T/out")" -eq 1 ] ||
	fail "re-inject left more than one linux,ima-carry"
checks=$((checks + 1))
# The same inputs make the same tree, byte for byte.
run 0 "$IC" inject --blob "$T/other.blob" -o "$T/again2.dtb" "$T/le.dtb" &&
	same "$T/again2.dtb" "$T/again.dtb" "inject is deterministic"
# Output over the input is fine: it is renamed into place at the end.
cp "$T/le.dtb" "$T/inplace.dtb"
run 0 "$IC" inject --blob "$T/other.blob" -o "$T/inplace.dtb" "$T/inplace.dtb" &&
	same "$T/inplace.dtb" "$T/again.dtb" "inject in place"

# A stale kexec_file_load carrier from /sys/firmware/fdt goes, with its
# /memreserve/; other reservations stay.
dts stale '/dts-v1/;
/memreserve/ 0x48000000 0x10000;
/memreserve/ 0x50000000 0x2000;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	chosen {
		linux,ima-kexec-buffer = <0 0x48000000 0 0x10000>;
		linux,ima-carry = [00 01 02];
	};
};'
run 0 "$IC" inject --blob "$T/small.blob" -o "$T/fresh.dtb" "$T/stale.dtb" &&
	run 0 dtc -q -I dtb -O dts "$T/fresh.dtb" && {
		checks=$((checks + 1))
		grep -q 'ima-kexec-buffer' "$T/out" &&
			fail "stale linux,ima-kexec-buffer kept"
		grep -q '0x48000000' "$T/out" && fail "its /memreserve/ kept"
		out_has '/memreserve/	0x0000000050000000 0x0000000000002000;'
	}
run 0 "$IC" dump "$T/fresh.dtb" && same "$T/out" "$T/small.ascii" "stale replaced"

# The DTB can come from stdin, the output can go to stdout.
run 0 "$IC" inject --blob "$T/small.blob" -o - - <"$T/base.dtb" &&
	cp "$T/out" "$T/piped.dtb" &&
	run 0 "$IC" extract -o - "$T/piped.dtb" &&
	same "$T/out" "$T/small.blob" "inject - | extract -o -"

finish
