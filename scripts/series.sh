#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# series.sh [--check] - every patch series ima-carry ships, from its files.
#
# Regenerates kexec/patches* (one per kexec-tools version of
# kexec/kexec-tools.sh) and kernel-patch/VERSION/ (one per kernel version
# below) with scripts/gen-series, from the edit files (kexec/series/,
# kernel-patch/series/), the real files they copy in, and the pristine
# sources: Debian's kexec-tools source (kexec/fetch-source.sh) and
# /usr/src/linux-source-VERSION.tar.xz. With --check, writes nothing and
# fails when a committed series is not what its files generate; exits 77
# when a source is missing. `make series` runs it without --check.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${IMACARRY_CACHE:-/var/cache/ima-carry}
check=0
case ${1:-} in
--check) check=1 ;;
"") ;;
*) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac
. "$top/kexec/kexec-tools.sh"
# Kernel versions, and where each includes get_unaligned_le32() from.
KERNELS="6.1:asm/unaligned.h 6.12:linux/unaligned.h"

work=$(mktemp -d "${TMPDIR:-/tmp}/series.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
fail=0 skipped=0

# one NAME EDITDIR SOURCE DEST [-D NAME=VALUE]...
one() {
	name=$1 edits=$2 src=$3 dest=$4
	shift 4
	out=$dest
	[ $check -eq 0 ] || out=$work/$name
	if ! python3 "$top/scripts/gen-series" "$@" "$edits" "$src" "$out"; then
		echo "FAIL: $name: gen-series failed"
		fail=1
		return
	fi
	if [ $check -eq 0 ]; then
		echo "$name: $(ls "$dest" | wc -l) patches in ${dest#$top/}"
	elif diff -ru "$dest" "$out" >"$work/$name.diff"; then
		echo "ok: ${dest#$top/} is what its edit files generate"
	else
		echo "FAIL: ${dest#$top/} is not what its edit files generate;" \
			"'make series' regenerates it:"
		head -n 60 "$work/$name.diff"
		fail=1
	fi
}

for v in $KEXEC_TOOLS_ALL; do
	kexec_tools "$v" || exit 2
	if ! src=$("$top/kexec/fetch-source.sh" "$version" "$suites" \
			"$cache/kexec-tools"); then
		echo "SKIP: no source of kexec-tools $version: ${series} not checked"
		skipped=1
		continue
	fi
	one "kexec-tools-$v" "$top/kexec/series" "$src" "$top/kexec/$series"
done

for k in $KERNELS; do
	v=${k%%:*}
	tarball=/usr/src/linux-source-$v.tar.xz
	if [ ! -f "$tarball" ]; then
		echo "SKIP: $tarball missing: kernel-patch/$v not checked"
		skipped=1
		continue
	fi
	one "linux-$v" "$top/kernel-patch/series" "$tarball" \
		"$top/kernel-patch/$v" -D "version=$v" -D "unaligned=${k#*:}"
done

[ $fail -eq 0 ] || exit 1
[ $skipped -eq 0 ] || exit 77
exit 0
