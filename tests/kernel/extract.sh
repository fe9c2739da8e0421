#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# extract.sh PATCH PATH - print the file PATH that PATCH creates, as created.
# The tests build the kernel's ima_carry.c from the patch itself, so that
# what they check is exactly what a kernel gets.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 PATCH PATH" >&2; exit 2; }
awk -v path="$2" '
	$0 == "+++ b/" path { want = 1; next }
	want && /^@@ -0,0 \+1(,[0-9]+)? @@/ {
		n = $3; sub(/^\+1,?/, "", n); if (n == "") n = 1
		want = 0; left = n + 0; found = 1; next
	}
	left > 0 {
		if (substr($0, 1, 1) != "+") { bad = 1; exit }
		print substr($0, 2); left--
	}
	END {
		if (!found || bad || left) {
			print "extract.sh: no new file " path " in the patch" > "/dev/stderr"
			exit 1
		}
	}' "$1"
