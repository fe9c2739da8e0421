#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# corpus.sh - the tool on the hostile corpus: one clear line and exit 1, never a crash
. "$top_srcdir/tests/tool/lib.sh"

C="$top_srcdir/tests/corpus"
[ -r "$C/EXPECTED" ] || { echo "ERROR: $C/EXPECTED missing" >&2; exit 99; }
dts base '/dts-v1/; / { chosen { }; };'

# The writer that checks a kind the way tests/corpus/EXPECTED means it:
# a list to be carried (pack), a blob to be injected (checked like the next
# kernel does, list included), a device tree to extract from.
n=0
while read -r path kind expect; do
	case $path in '#'* | '') continue ;; esac
	f="$C/$path"
	n=$((n + 1))
	rm -f "$T/o"
	case $kind in
	list) set -- pack -q -o "$T/o" "$f" ;;
	blob) set -- inject --blob "$f" -o "$T/o" "$T/base.dtb" ;;
	dtb) set -- extract -o "$T/o" "$f" ;;
	*) fail "$path: unknown kind $kind"; continue ;;
	esac
	if [ "$expect" = OK ]; then
		run 0 "$IC" "$@" && err_lines 0
		checks=$((checks + 1))
		[ -s "$T/o" ] || fail "$path: no output"
		rm -f "$T/o"
		run 0 "$IC" check "$f" && out_has "$f: ok: "
		run 0 "$IC" dump "$f"
		continue
	fi
	# One line, naming the file, exit 1, nothing written.
	run 1 "$IC" "$@" && {
		err_has "ima-carry: $f: "
		err_lines 1
	}
	absent "$T/o"
	# The readers never crash; they refuse all but a carried 'ima' entry.
	for cmd in check dump "replay --bank sha1" "verify --pcrs $T/zero.pcrs"; do
		[ "$cmd" = "verify --pcrs $T/zero.pcrs" ] &&
			printf 'sha1 10 %040d\n' 0 >"$T/zero.pcrs"
		if [ "$expect" = LEGACY_IMA ]; then
			"$IC" $cmd "$f" >/dev/null 2>"$T/err"
			rc=$?
			checks=$((checks + 1))
			[ "$rc" -le 1 ] || fail "$cmd $path: exit $rc"
			continue
		fi
		run 1 "$IC" $cmd "$f" && err_has "ima-carry: $f: "
	done
done <"$C/EXPECTED"
[ "$n" -ge 30 ] || fail "only $n corpus files"
checks=$((checks + 1))

finish
