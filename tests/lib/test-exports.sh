#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# test-exports.sh - libimacarry.so exports imacarry_* only, and no libfdt at all
#
# kexec-tools links its own old libfdt: if libimacarry exported fdt_*, or
# imported them from libfdt.so, one process would mix two libfdts.
set -eu
so="${top_builddir:-.}/ima-carry/lib/.libs/libimacarry.so"
if [ ! -f "$so" ]; then
	echo "SKIP: $so not built (--disable-shared?)"
	exit 77
fi
command -v nm >/dev/null || { echo "SKIP: no nm"; exit 77; }

exports=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' |
	sed 's/@.*//')
bad=$(printf '%s\n' "$exports" | grep -v '^imacarry_' || true)
if [ -n "$bad" ]; then
	echo "FAIL: $so exports more than imacarry_*:" $bad
	exit 1
fi
fdt=$(nm -D "$so" | grep -w 'fdt_[a-z_]*' || true)
if [ -n "$fdt" ]; then
	echo "FAIL: $so has dynamic libfdt symbols:"
	echo "$fdt"
	exit 1
fi
if objdump -p "$so" | grep -q 'NEEDED.*libfdt'; then
	echo "FAIL: $so needs libfdt.so; it must carry libfdt privately"
	exit 1
fi
n=$(printf '%s\n' "$exports" | grep -c '^imacarry_')
syms=$(grep -c '^	imacarry_' "${top_srcdir:-.}/ima-carry/lib/libimacarry.sym")
if [ "$n" -ne "$syms" ]; then
	echo "FAIL: $n imacarry_* exported, libimacarry.sym lists $syms"
	exit 1
fi
echo "ok: $n imacarry_* symbols exported, no fdt_ symbol, no libfdt.so"
