#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# install.sh - make install DESTDIR lays out the hook, drop-in and man page;
# make uninstall leaves no file behind
. "$(dirname "$0")/lib.sh"
sd_setup

# A clean make: not the jobserver or the variables of the make running us.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
mk() { make --no-print-directory -C "$top_builddir" "$@"; }
# The value only: a Makefile regenerated on the way prints its own chatter.
var() {
	printf 'print-var:\n\t@echo "=$(%s)"\n' "$1" |
		mk -s -f Makefile -f - print-var 2>/dev/null | sed -n 's/^=//p'
}
mk Makefile >/dev/null 2>&1

hookdir=$(var systemshutdowndir)
dropdir=$(var kexecdefaultdir)
man8dir=$(var man8dir)
[ -n "$hookdir" ] && [ -n "$dropdir" ] && [ -n "$man8dir" ] ||
	{ echo "FAIL: cannot read the install dirs from the Makefile"; exit 1; }
# Configured with the defaults, the fixed system paths are used.
if ! "$top_builddir/config.status" --config | grep -q systemshutdowndir; then
	check "default hook dir" /usr/lib/systemd/system-shutdown "$hookdir"
	check "default drop-in dir" /etc/default/kexec.d "$dropdir"
fi

D=$T/destdir
mk install DESTDIR="$D" >"$T/install.log" 2>&1
rc=$?
check "make install exit 0" 0 $rc
[ $rc -eq 0 ] || tail -20 "$T/install.log"

f=$D$hookdir/ima-carry.shutdown
check "hook installed" yes "$([ -f "$f" ] && echo yes)"
check "hook executable" 755 "$(stat -c %a "$f" 2>/dev/null)"
check "hook is the source" "" "$(cmp "$f" "$HOOK" 2>&1)"
f=$D$dropdir/ima-carry
check "drop-in installed, not executable" 644 "$(stat -c %a "$f" 2>/dev/null)"
# run-parts --list skips names with dots: the drop-in must have none.
check "drop-in name run-parts accepts" ima-carry \
	"$(run-parts --list "$D$dropdir" 2>/dev/null | xargs -r -n1 basename)"
f=$D$man8dir/ima-carry.shutdown.8
check "man page installed" yes "$([ -f "$f" ] && echo yes)"
if command -v man >/dev/null; then
	man -l "$f" >/dev/null 2>"$T/man.err"
	check "man page renders without warnings" "" "$(cat "$T/man.err")"
fi

mk uninstall DESTDIR="$D" >"$T/uninstall.log" 2>&1
rc=$?
check "make uninstall exit 0" 0 $rc
check "uninstall leaves no file" "" "$(find "$D" ! -type d)"

finish
