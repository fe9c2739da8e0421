#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/run.sh TOP_SRCDIR DEBDIR - make check-deb: every test of the
# packages that make deb (packaging/make-deb.sh) wrote to DEBDIR, timed.
set -uo pipefail
[ $# -eq 2 ] || { echo "usage: $0 TOP_SRCDIR DEBDIR" >&2; exit 2; }
top=$(cd "$1" && pwd)
deb=$(cd "$2" && pwd)
here=$top/tests/deb
pass=0 fail=0 skip=0
run() { # NAME COMMAND...
	local name=$1 t rc
	shift
	t=$(date +%s)
	"$@" >"$deb/test-$name.log" 2>&1
	rc=$?
	sed 's/^/  /' "$deb/test-$name.log" | grep -E '^  (PASS|FAIL|SKIP|W:|E:)' || :
	case $rc in
	0) echo "PASS: $name ($(($(date +%s) - t)) s)"; pass=$((pass + 1)) ;;
	77) echo "SKIP: $name"; skip=$((skip + 1)) ;;
	*) echo "FAIL: $name ($(($(date +%s) - t)) s; $deb/test-$name.log)"; fail=$((fail + 1)) ;;
	esac
}
run symbols bash "$here/symbols.sh" "$top" "$deb"
run versions bash "$here/versions.sh" "$deb"
run lintian bash "$here/lintian.sh" "$deb"
run install bash "$here/install.sh" "$deb"
# The packaged kexec carries the list across a real soft reboot: the stock
# x86_64 scenario, its guest kexec and ima-carry taken from the .debs.
debs=$(ls "$deb"/kexec-tools_*_amd64.deb "$deb"/ima-carry_*_amd64.deb \
	"$deb"/libimacarry0_*_amd64.deb 2>/dev/null | tr '\n' ' ')
if [ "$(echo $debs | wc -w)" -ne 3 ]; then
	# Never fall back to the build tree's kexec: that proves nothing here.
	echo "FAIL: qemu-x86 (no kexec-tools, ima-carry and libimacarry0 .deb in $deb)"
	fail=$((fail + 1))
else
	run qemu-x86 env E2E_LOCAL_DEBS="$debs" E2E_SCENARIO=x86-deb \
		top_srcdir="$top" \
		top_builddir="${top_builddir:?set by make check-deb}" \
		bash "$top/tests/e2e/x86-carry1.sh"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
