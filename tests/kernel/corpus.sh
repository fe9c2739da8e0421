#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# corpus.sh - the hostile blob corpus (tests/corpus/) through the kernel parser.
# Under --enable-sanitizers a crash or an out-of-bounds read fails here.
# Each blob the corpus expects to be valid must be imported, each other
# refused. The corpus names the library's error; the kernel's own reason
# is printed beside it for the reader, not compared: the kernel checks
# the records too, which the library's blob check leaves to the list parser.
set -u
corpus=${top_srcdir:-.}/tests/corpus
kcorpus=${top_builddir:-.}/tests/kernel/kcorpus
expect=
for f in "$corpus/EXPECT" "$corpus/expect" "$corpus/EXPECTATIONS" \
	 "$corpus/expectations" "$corpus/expected.txt" "$corpus/expect.txt"; do
	[ -f "$f" ] && { expect=$f; break; }
done
if [ -z "$expect" ]; then
	echo "SKIP: no expectations file in $corpus yet (the corpus is pending)" >&2
	exit 77
fi

pass=0 fail=0
# Lines: FILE EXPECTED [anything]; EXPECTED is ok/valid or an error name.
while read -r file want rest; do
	case $file in ''|'#'*) continue ;; esac
	path=$corpus/$file
	[ -f "$path" ] || { echo "FAIL $file: listed but missing"; fail=$((fail + 1)); continue; }
	out=$("$kcorpus" "$path") || {
		echo "FAIL $file: kcorpus crashed or failed (exit $?)"
		fail=$((fail + 1))
		continue
	}
	verdict=$(printf '%s\n' "$out" | cut -f2)
	why=$(printf '%s\n' "$out" | cut -f3)
	case $want in
	ok|OK|valid|VALID|0|IMACARRY_OK)
		if [ "$verdict" = ok ]; then
			pass=$((pass + 1))
		else
			echo "FAIL $file: expected valid, kernel refused: $why"
			fail=$((fail + 1))
		fi ;;
	*)
		if [ "$verdict" = refused ]; then
			echo "ok   $file: $want, kernel: $why"
			pass=$((pass + 1))
		else
			echo "FAIL $file: expected $want, kernel imported it"
			fail=$((fail + 1))
		fi ;;
	esac
done < "$expect"

echo "kernel parser over the corpus: $pass files as expected, $fail not"
[ $((pass + fail)) -gt 0 ] || { echo "corpus.sh: $expect lists no file" >&2; exit 1; }
[ "$fail" -eq 0 ]
