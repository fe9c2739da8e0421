#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# packaging/update-symbols.sh - debian/libimacarry0.symbols from libimacarry.sym
#
#   update-symbols.sh [--check] [TOP_SRCDIR]
#
# Writes the symbols file with every global of ima-carry/lib/libimacarry.sym,
# in its version node. A symbol already in the symbols file keeps its
# version; a new one gets the upstream version of configure.ac (the release
# that first has it). --check writes nothing and fails, with a diff, when the
# file is not what it would write: the build itself (dpkg-gensymbols -c4,
# debian/rules) fails as well when the built library differs from the file.
set -euo pipefail

check=
[ "${1-}" = --check ] && { check=1; shift; }
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
sym=$top/ima-carry/lib/libimacarry.sym
out=$top/debian/libimacarry0.symbols
version=$(sed -n 's/^AC_INIT(\[[^]]*\], *\[\([^]]*\)\].*/\1/p' "$top/configure.ac")
[ -n "$version" ] || { echo "$0: no version in configure.ac" >&2; exit 1; }

# node: the version script's one node; globals between global: and local:.
node=$(sed -n 's/^\([A-Za-z_][A-Za-z0-9_.]*\)[[:space:]]*{.*/\1/p' "$sym")
[ "$(echo "$node" | wc -l)" -eq 1 ] && [ -n "$node" ] ||
	{ echo "$0: expected one version node in $sym, found: $node" >&2; exit 1; }
globals=$(sed -n '/^[[:space:]]*global:/,/^[[:space:]]*local:/s/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*/\1/p' "$sym" | sort -u)
[ -n "$globals" ] || { echo "$0: no globals in $sym" >&2; exit 1; }

old_version() {
	if [ -f "$out" ]; then awk -v s="$1@$node" '$1 == s { print $2 }' "$out"; fi
}

new=$(mktemp)
trap 'rm -f "$new"' EXIT
{
	echo "libimacarry.so.0 libimacarry0 #MINVER#"
	echo "* Build-Depends-Package: libimacarry-dev"
	v=$(old_version "$node"); echo " $node@$node ${v:-$version}"
	for s in $globals; do
		v=$(old_version "$s")
		echo " $s@$node ${v:-$version}"
	done
} >"$new"

if [ -n "$check" ]; then
	if ! diff -u "$out" "$new"; then
		echo "$0: $out is out of date: run packaging/update-symbols.sh" >&2
		exit 1
	fi
	exit 0
fi
cp "$new" "$out"
echo "wrote $out ($(echo "$globals" | wc -l) symbols)"
