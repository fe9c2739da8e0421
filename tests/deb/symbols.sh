#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/symbols.sh TOP_SRCDIR DEBDIR - the symbols file, libimacarry.sym
# and the built libimacarry0 agree (the build already fails otherwise:
# dpkg-gensymbols -c4 in debian/rules).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 TOP_SRCDIR DEBDIR" >&2; exit 2; }
top=$1
rc=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
if "$top/packaging/update-symbols.sh" --check "$top"; then
	echo "PASS: debian/libimacarry0.symbols lists libimacarry.sym"
else
	echo "FAIL: debian/libimacarry0.symbols is not libimacarry.sym's"
	rc=1
fi
dpkg-deb -x "$2"/libimacarry0_*.deb "$t/x"
dpkg-deb -e "$2"/libimacarry0_*.deb "$t/c"
# nm: NAME@@NODE for a default version, the node itself as NODE.
built=$(nm -D --defined-only "$t"/x/usr/lib/*/libimacarry.so.0 |
	awk '{ s = $3; sub(/@@/, "@", s); if (s !~ /@/) s = s "@" s; print s }' | sort)
listed=$(awk '/^ / { print $1 }' "$t/c/symbols" | sort)
if [ "$built" = "$listed" ]; then
	echo "PASS: the built library exports exactly its symbols file ($(echo "$built" | wc -l))"
else
	echo "FAIL: the built library and its symbols file differ:"
	diff <(echo "$built") <(echo "$listed") || :
	rc=1
fi
exit "$rc"
