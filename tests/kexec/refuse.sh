#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# refuse.sh - kexec --ima-carry fails closed: one line, nothing loaded
#
# Each case must exit non-zero with exactly one line on stderr that says
# why, write no DTB, and leave no kexec image loaded.
. "$top_srcdir/tests/kexec/lib.sh"

python3 "$GEN" --template ima-ng --count 50 --seed 3 -o "$T/ng.list" || exit 99
fakesfs "$T/sfs" "$T/ng.list"
IMACARRY_SECURITYFS="$T/sfs"
export IMACARRY_SECURITYFS
out="$T/next.dtb"
load="-l $T/Image --dtb $T/board.dtb"

# The same command without --ima-carry loads fine: each refusal below is
# about the option, not the fixture.
dry_ok "$out" kexec_a64 --dry-run="$out" $load

IMACARRY_SECURITYFS="$T/nonexistent" refused "no securityfs" \
	"^kexec: --ima-carry: $T/nonexistent/ima: no securityfs, or no IMA in it; nothing loaded$" \
	"$out" kexec_a64 --ima-carry --dry-run="$out" $load

mkdir -p "$T/noima"
IMACARRY_SECURITYFS="$T/noima" refused "securityfs without IMA" \
	"no securityfs, or no IMA in it; nothing loaded$" \
	"$out" kexec_a64 --ima-carry --dry-run="$out" $load

# An 'ima' template entry after good ones: the kernel could not restore it.
python3 "$GEN" --template ima --count 3 --seed 4 -o "$T/legacy.list" || exit 99
cat "$T/ng.list" "$T/legacy.list" >"$T/mixed.list"
fakesfs "$T/legacy" "$T/mixed.list"
IMACARRY_SECURITYFS="$T/legacy" refused "'ima' template entries" \
	"^kexec: --ima-carry: $T/legacy/ima/binary_runtime_measurements: offset $(wc -c <"$T/ng.list"), entry 50: 'ima' template.*ima_template=ima-ng; nothing loaded$" \
	"$out" kexec_a64 --ima-carry --dry-run="$out" $load

if [ -n "${IMACARRY_TESTDATA:-}" ] && [ -f "$IMACARRY_TESTDATA/ibmtss-imatest.log" ]; then
	fakesfs "$T/real" "$IMACARRY_TESTDATA/ibmtss-imatest.log"
	IMACARRY_SECURITYFS="$T/real" refused "'ima' entries in a real list" \
		"entry [0-9]+: 'ima' template.*ima_template=ima-ng; nothing loaded$" \
		"$out" kexec_a64 --ima-carry --dry-run="$out" $load
else
	echo "SKIP: IMACARRY_TESTDATA/ibmtss-imatest.log not there" >&2
fi

# A board tree that fits under the 2 MiB arm64 cap by itself, but not with
# the list: the message says what was needed and what was there.
python3 "$GEN" --template ima-ng --count 400 --seed 5 -o "$T/400.list" || exit 99
fakesfs "$T/400" "$T/400.list"
head -c 2090000 /dev/zero >"$T/filler"
mkdtb "$T/big.dtb" "filler = /incbin/(\"$T/filler\");"
dry_ok "$out" kexec_a64 --dry-run="$out" -l "$T/Image" --dtb "$T/big.dtb"
IMACARRY_SECURITYFS="$T/400" refused "over the 2 MiB arm64 DTB cap" \
	"^kexec: --ima-carry: the device tree with the IMA list \(400 entries\) needs [0-9]+ bytes, 2097152 are available; nothing loaded$" \
	"$out" kexec_a64 --ima-carry=inline --dry-run="$out" -l "$T/Image" \
	--dtb "$T/big.dtb"

refused "-s (kexec_file_load)" \
	"^kexec: --ima-carry refuses -s: under kexec_file_load the kernel carries the IMA list itself \(CONFIG_IMA_KEXEC\)$" \
	"$out" kexec_a64 --ima-carry -s --dry-run="$out" $load

refused "-p (crash kernel)" \
	"^kexec: --ima-carry refuses -p: a crash kernel would boot with the IMA list as it is now, stale by then$" \
	"$out" kexec_a64 --ima-carry -p --dry-run="$out" $load

refused "--dry-run with -s" \
	"^kexec: --dry-run works with kexec_load only, not with -s$" \
	"$out" kexec_a64 -s --dry-run="$out" $load

# x86 hands the next kernel no device tree: nowhere to carry the list.
case $(uname -m) in
x86_64)
	printf 'void _start(void) { for (;;); }\n' >"$T/k.c"
	${CC:-cc} -static -nostdlib -no-pie -O2 -o "$T/vmlinux" "$T/k.c" \
		-Wl,-Ttext=0x1000000 || exit 99
	run 0 kexec_native --dry-run -l "$T/vmlinux"
	checks=$((checks + 1))
	grep -q "^kexec: dry run: nothing loaded$" "$T/err" ||
		fail "native dry run without --ima-carry did not finish"
	refused "x86 without a device tree" \
		"^kexec: --ima-carry: the elf-x86_64 loader passes no device tree to the next kernel, so there is nowhere to carry the IMA list; nothing loaded$" \
		"$out" kexec_native --ima-carry --dry-run="$out" -l "$T/vmlinux"
	;;
*)
	echo "SKIP: the x86 case needs an x86_64 host" >&2
	;;
esac

finish
