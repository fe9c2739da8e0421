#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# corpus.sh - the hostile corpus (tests/corpus/) through the kernel parser.
# Under --enable-sanitizers a crash or an out-of-bounds read fails here.
# tests/corpus/EXPECTED gives the library's verdict per file. The kernel
# must import what the library finds valid, and refuse what is malformed
# in shape: the blob, its inflate, the inner header, record lengths. What
# only the library judges (PCR range, template and field names, digests)
# is the business of restore and of the verifier, and is only reported;
# so is a damaged tree, which the kernel's FDT code handles.
set -u
corpus=${top_srcdir:-.}/tests/corpus
kcorpus=${top_builddir:-.}/tests/kernel/kcorpus
expect=$corpus/EXPECTED
if [ ! -f "$expect" ]; then
	echo "SKIP: $expect missing: the corpus is not there" >&2
	exit 77
fi

good=0 bad=0 info=0
while read -r file kind want rest; do
	case $file in ''|'#'*) continue ;; esac
	case $kind in
	blob) opt= ;;
	list) opt=--list ;;
	dtb) opt=--dtb ;;
	*) echo "FAIL $file: unknown kind $kind"; bad=$((bad + 1)); continue ;;
	esac
	out=$("$kcorpus" $opt "$corpus/$file") || {
		echo "FAIL $file: kcorpus crashed or failed"
		bad=$((bad + 1))
		continue
	}
	verdict=$(printf '%s\n' "$out" | cut -f2)
	why=$(printf '%s\n' "$out" | cut -f3)
	# A list alone is wrapped with the cap as its count (see kcorpus.c).
	[ "$kind" = list ] && [ "$why" = "fewer entries than the count" ] &&
		verdict=ok
	case $kind:$want in
	*:OK)
		must=ok ;;
	dtb:NOCHOSEN|dtb:NOTFOUND)
		must=noprop ;;
	# Whether a damaged tree yields a property is the business of the
	# kernel's FDT code (a duplicate property: of_find_property() takes
	# the first), not of this parser.
	dtb:FDT|*:PCR|*:TEMPLATE|*:FIELDS|*:DIGEST|*:DIGESTSIZE|*:ALGO)
		must=any ;;
	*)
		must=refused ;;
	esac
	if [ "$must" = any ]; then
		echo "info $file: library $want, kernel $verdict${why:+: $why}"
		info=$((info + 1))
	elif [ "$verdict" = "$must" ] ||
	     { [ "$must" = noprop ] && [ "$verdict" = refused ]; }; then
		echo "ok   $file: library $want, kernel $verdict${why:+: $why}"
		good=$((good + 1))
	else
		echo "FAIL $file: library $want, kernel $verdict${why:+: $why}"
		bad=$((bad + 1))
	fi
done < "$expect"

echo "kernel parser over the corpus: $good files as expected, $bad not, $info left to restore"
[ $((good + bad + info)) -gt 0 ] || { echo "corpus.sh: $expect lists no file" >&2; exit 1; }
[ "$bad" -eq 0 ]
