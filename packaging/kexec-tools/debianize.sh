#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# packaging/kexec-tools/debianize.sh - Debian's kexec-tools source, with the
# --ima-carry series added to its debian/patches
#
#   debianize.sh IMACARRY_TREE WORKDIR
#
# IMACARRY_TREE is an export of ima-carry (make-deb.sh: `git archive HEAD`).
# Prints the prepared kexec-tools tree, WORKDIR/kexec-tools-UPSTREAM:
#  - Debian's source, from kexec/fetch-source.sh (apt-get source, cached);
#  - debian/patches/ima-carry-0000-glue.patch, which adds kexec/ima-carry.c,
#    kexec/ima-carry.h and kexec/ima-carry-argv.h as they are in
#    IMACARRY_TREE, then the generated
#    series kexec/patches/*.patch, appended to debian/patches/series;
#  - debian.diff (control, rules), ima-carry.mk and imacarry-private.sh;
#  - a changelog entry VERSION+imacarryN: above Debian's, below the next
#    Debian revision (tests/deb/versions.sh checks both).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 IMACARRY_TREE WORKDIR" >&2; exit 2; }
tree=$(cd "$1" && pwd)
work=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cache=${IMACARRY_CACHE:-/var/cache/ima-carry}
# The local revision: raise it for each rebuild of the same Debian version.
revision=${IMACARRY_KEXEC_REVISION:-1}

. "$tree/kexec/kexec-tools.sh"
kexec_tools 2.0.25
src=$("$tree/kexec/fetch-source.sh" "$version" "$suites" "$cache/kexec-tools")
upstream=${version#*:}
upstream=${upstream%-*}
kt=$work/kexec-tools-$upstream
rm -rf "$kt"
cp -a "$src" "$kt"
rm -f "$kt/.ima-carry-complete"
cd "$kt"

have=$(dpkg-parsechangelog -S Version)
[ "$have" = "$version" ] ||
	{ echo "$0: $src is kexec-tools $have, not $version" >&2; exit 1; }

patch -p1 -s --no-backup-if-mismatch <"$here/debian.diff"
install -m 0644 "$here/ima-carry.mk" debian/ima-carry.mk
install -m 0755 "$here/imacarry-private.sh" debian/imacarry-private.sh

from=$(sed -n 's/^From: //p;/^---$/q' "$tree"/kexec/series/0001-*.edit | head -1)
date=$(dpkg-parsechangelog -l "$tree/debian/changelog" -S Date)

# The glue, as one patch that creates its files.
glue=debian/patches/ima-carry-0000-glue.patch
{
	cat <<HDR
From: $from
Date: $date
Subject: kexec: add the ima-carry glue, kexec/ima-carry.[ch] and ima-carry-argv.h

The hooks that the ima-carry series calls from kexec-tools' own files. They
are kept, built and tested as files of their own in ima-carry's tree
(kexec/), and are generated into this patch from there when the package is
prepared (ima-carry's packaging/kexec-tools/debianize.sh).

Forwarded: not-needed
---
HDR
	for f in kexec/ima-carry.h kexec/ima-carry-argv.h kexec/ima-carry.c; do
		diff -u --label /dev/null --label "b/$f" /dev/null "$tree/$f" || [ $? -eq 1 ]
	done
} >"$glue"
echo "${glue#debian/patches/}" >>debian/patches/series

n=0
for p in "$tree"/kexec/patches/*.patch; do
	name=ima-carry-${p##*/}
	cp "$p" "debian/patches/$name"
	echo "$name" >>debian/patches/series
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "$0: no patches in $tree/kexec/patches" >&2; exit 1; }

{
	echo "kexec-tools ($version+imacarry$revision) bookworm; urgency=medium"
	echo
	echo "  * Rebuild with ima-carry's --ima-carry series (ima-carry $(dpkg-parsechangelog -l "$tree/debian/changelog" -S Version)):"
	echo "    - ima-carry-0000-glue.patch: kexec/ima-carry.c, kexec/ima-carry.h and"
	echo "      kexec/ima-carry-argv.h."
	for p in "$tree"/kexec/patches/*.patch; do
		# The Subject header, unfolded, without [PATCH n/m].
		subj=$(awk '/^Subject: / { s = $0; f = 1; next }
			f && /^[ \t]/ { s = s $0; next }
			f { print s; exit }' "$p" |
			sed 's/^Subject: *\(\[PATCH[^]]*\] *\)\{0,1\}//; s/[ \t][ \t]*/ /g')
		printf '    - %s\n' "$subj" | fold -s -w 76 | sed 's/ *$//; 2,$s/^/      /'
	done
	echo "  * Build-Depends: libimacarry-dev, libfdt-dev, zlib1g-dev (kexec links a"
	echo "    private copy of libimacarry, debian/imacarry-private.sh). Built-Using"
	echo "    names ima-carry and device-tree-compiler."
	echo "  * Provides: kexec-ima-carry."
	echo "  * lintian overrides: the init.d ones in the form and under the names"
	echo "    of bookworm's lintian, so that they match again."
	echo
	echo " -- $from  $date"
	echo
	cat debian/changelog
} >debian/changelog.new
mv debian/changelog.new debian/changelog
echo "$kt"
