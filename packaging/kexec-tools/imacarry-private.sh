#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# debian/imacarry-private.sh - the private libimacarry archive kexec links
# (added to kexec-tools' debian/ by ima-carry's packaging/kexec-tools; the
# same steps as ima-carry's kexec/build.sh, from the installed -dev packages)
#
#   imacarry-private.sh DIR MULTIARCH GLUE...   write DIR/libimacarry.a
#   imacarry-private.sh --check KEXEC           check a built kexec
set -eu

if [ "$1" = --check ]; then
	kexec=$2
	"$kexec" --help | grep -q -- '--ima-carry' ||
		{ echo "$0: $kexec has no --ima-carry" >&2; exit 1; }
	if readelf -d "$kexec" | grep -q 'NEEDED.*libimacarry'; then
		echo "$0: $kexec links libimacarry.so, not the private copy" >&2
		exit 1
	fi
	nm "$kexec" | grep -q ' imacarry_fdt_strip$' ||
		{ echo "$0: $kexec has no libimacarry inside" >&2; exit 1; }
	echo "$0: $kexec: --ima-carry, libimacarry private"
	exit 0
fi

priv=$1
multi=$2
shift 2
lib=/usr/lib/$multi/libimacarry.a
fdt=/usr/lib/$multi/libfdt.a
for f in "$lib" "$fdt"; do
	[ -f "$f" ] || { echo "$0: $f missing" >&2; exit 1; }
done
rm -rf "$priv"
mkdir -p "$priv"
# The functions the glue calls, from the glue itself.
uses=$(cat "$@" | grep -o 'imacarry_[a-z0-9_]*(' | tr -d '(' | sort -u)
[ -n "$uses" ] || { echo "$0: the glue calls no imacarry_*" >&2; exit 1; }
printf '%s\n' $uses >"$priv/keep.txt"
undef=
for s in $uses; do
	undef="$undef -u $s"
done
# --gc-sections keeps only what those reach, function by function (the
# archive is built with -ffunction-sections), so nothing that needs
# libcrypto comes along; only the called functions stay global.
ld -r --gc-sections -o "$priv/imacarry.o" $undef "$lib" "$fdt"
objcopy --strip-unneeded --keep-global-symbols="$priv/keep.txt" "$priv/imacarry.o"
leak=$(nm -g --defined-only "$priv/imacarry.o" | awk '$3 !~ /^imacarry_/ { print $3 }')
[ -z "$leak" ] || { echo "$0: private libimacarry exports" $leak >&2; exit 1; }
crypto=$(nm -u "$priv/imacarry.o" | grep -E ' (EVP|OPENSSL|ERR)_' || :)
[ -z "$crypto" ] || { echo "$0: private libimacarry needs libcrypto:" $crypto >&2; exit 1; }
for s in $uses; do
	nm -g --defined-only "$priv/imacarry.o" | grep -q " $s\$" ||
		{ echo "$0: libimacarry has no $s" >&2; exit 1; }
done
ar rcs "$priv/libimacarry.a" "$priv/imacarry.o"
echo "$0: $priv/libimacarry.a:" $(echo $uses | wc -w) "functions of libimacarry, libfdt hidden"
