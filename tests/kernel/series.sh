#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# series.sh - the kernel patch series: each applies with patch -p1 and git
# apply to a pristine Debian source and is checkpatch-clean (0 errors, 0
# warnings) when that source is installed. That they carry the same code is
# tests/series.sh's job: both are generated from kernel-patch/ima_carry.c.
set -u
top=${top_srcdir:-.}
work=${top_builddir:-.}/tests/kernel/series.tmp
fail=0 skipped=0

bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

rm -rf "$work"
mkdir -p "$work" || exit 1
trap 'rm -rf "$work"' EXIT

# series VERSION: the patches of that series, in order, without the cover.
series() {
	(cd "$top/kernel-patch/$1" && ls 0*.patch | grep -v '^0000-')
}

for v in 6.1 6.12; do
	[ -n "$(series $v)" ] || bad "kernel-patch/$v has no patches"
	for p in 0000-cover-letter.patch $(series $v); do
		f=$top/kernel-patch/$v/$p
		[ -f "$f" ] || { bad "$f missing"; continue; }
		grep -q '^Signed-off-by: ' "$f" || [ "$p" = 0000-cover-letter.patch ] ||
			bad "$f has no Signed-off-by"
		grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE \*\*\*' "$f" &&
			bad "$f has format-patch placeholders"
	done
done

for v in 6.1 6.12; do
	tarball=/usr/src/linux-source-$v.tar.xz
	if [ ! -f "$tarball" ]; then
		echo "SKIP: $tarball missing: apply and checkpatch not run for $v" >&2
		skipped=1
		continue
	fi
	src=$work/linux-source-$v
	tar -xJf "$tarball" -C "$work" linux-source-$v/MAINTAINERS \
		linux-source-$v/security/integrity \
		linux-source-$v/Documentation/security \
		linux-source-$v/drivers/of/kexec.c \
		linux-source-$v/drivers/of/Makefile \
		linux-source-$v/include/linux/ima.h \
		linux-source-$v/scripts/checkpatch.pl \
		linux-source-$v/scripts/spelling.txt \
		linux-source-$v/scripts/const_structs.checkpatch ||
		{ bad "cannot extract $tarball"; continue; }
	before=$fail
	# git apply (what git am uses), in order, then back out again.
	list=$(series $v)
	rev=$(printf '%s\n' $list | sort -r)
	(cd "$src" && git init -q . &&
	 for p in $list; do git apply "$top/kernel-patch/$v/$p" || exit 1; done &&
	 for p in $rev; do git apply -R "$top/kernel-patch/$v/$p" || exit 1; done) ||
		bad "git apply fails on $v"
	for p in $list; do
		patch -d "$src" -p1 -s --no-backup-if-mismatch -F0 \
			< "$top/kernel-patch/$v/$p" || bad "$p does not apply to $v"
		out=$(cd "$src" && perl scripts/checkpatch.pl --strict --no-tree \
			--no-summary "$top/kernel-patch/$v/$p" 2>&1 | grep -E '^(WARNING|ERROR)')
		[ -z "$out" ] || bad "checkpatch --strict on $v $p: $out"
	done
	[ "$fail" = "$before" ] &&
		echo "ok: the $v series applies (patch -p1, fuzz 0; git apply) and is checkpatch-clean"
done

[ "$fail" -eq 0 ] || exit 1
[ "$skipped" -eq 0 ] || exit 77
exit 0
