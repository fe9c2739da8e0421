#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/lintian.sh DEBDIR - lintian --pedantic on every .changes: no
# error, and no warning that tests/deb/lintian-expected does not list (with
# the reason it is kept).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DEBDIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
command -v lintian >/dev/null || { echo "SKIP: no lintian"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
rc=0
lintian --pedantic --info "$1"/*.changes 2>&1 | grep -E '^[EWIPX]: ' | sort -u >"$out" || :
cat "$out"
expected=$(grep -v '^#' "$here/lintian-expected" | grep .)
if grep -q '^E: ' "$out"; then
	echo "FAIL: lintian reports errors"
	rc=1
fi
while IFS= read -r line; do
	tag=$(echo "$line" | awk '{ print $2, $3 }')
	if ! printf '%s\n' "$expected" | grep -qxF "$tag"; then
		echo "FAIL: unexpected warning: $line"
		rc=1
	fi
done < <(grep '^W: ' "$out")
[ "$rc" -eq 0 ] && echo "PASS: lintian: no errors, only the expected warnings"
exit "$rc"
