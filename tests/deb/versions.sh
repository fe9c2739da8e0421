#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/versions.sh DEBDIR - kexec-tools +imacarryN upgrades cleanly over
# Debian's, and Debian's next one (a stable update, a point release, trixie)
# upgrades over it.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DEBDIR" >&2; exit 2; }
ours=$(dpkg-deb -f "$1"/kexec-tools_*.deb Version)
debian=1:2.0.25-3+deb12u3
rc=0
cmp() { # A OP B
	if dpkg --compare-versions "$1" "$2" "$3"; then
		echo "PASS: $1 $2 $3"
	else
		echo "FAIL: $1 $2 $3"
		rc=1
	fi
}
case $ours in "$debian"+imacarry[0-9]*) echo "PASS: $ours is $debian with a local suffix" ;;
*) echo "FAIL: $ours is not $debian+imacarryN"; rc=1 ;; esac
cmp "$ours" gt "$debian"            # over Debian's
cmp "$ours" gt 1:2.0.25-3+deb12u2   # over older ones
cmp "$ours" gt 1:2.0.25-3
cmp "$ours" lt 1:2.0.25-3+deb12u4   # Debian's next stable update over ours
cmp "$ours" lt 1:2.0.25-4           # a new Debian revision
cmp "$ours" lt 1:2.0.29-2           # trixie's
cmp "$ours" gt 2.0.30-1             # the epoch: no unepoched version wins
cmp "$ours" lt "$debian+imacarry$((${ours##*+imacarry} + 1))"  # our next rebuild
exit "$rc"
