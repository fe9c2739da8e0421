#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# build.sh - build Debian's kexec-tools with the --ima-carry series
#
# usage: build.sh native|aarch64|x86_64|ppc64le|armhf TOP_SRCDIR WORKDIR OUTDIR
#
# Environment (set by kexec/local.mk from what automake knows, so that it
# is written once): IMACARRY_VERSION, the package version; IMACARRY_LIB_SRCS
# and, for the static targets, IMACARRY_TOOL_SRCS, the library's and the
# tool's sources relative to TOP_SRCDIR.
#
# 1. libimacarry for the target, compiled straight from the sources into
#    WORKDIR/lib (no sub-configure, so in-tree and out-of-tree builds of
#    this project both work). The static targets (all but native) also
#    link a static `ima-carry` tool, for QEMU guests.
# 2. A private copy of it: the objects kexec needs, `ld -r` with Debian's
#    libfdt.a and only imacarry_* left global, because kexec-tools links
#    its own old libfdt and the two must never resolve to each other.
# 3. kexec-tools (fetch-source.sh), with the glue kexec/ima-carry.[ch] and
#    kexec/ima-carry-argv.h copied in and the series kexec/patches/*.patch applied, configured
#    --with-imacarry; static for the guests. The result is cached under
#    $IMACARRY_CACHE (/var/cache/ima-carry), keyed on every input.
# Outputs: OUTDIR/kexec, and for the static targets also OUTDIR/ima-carry.
set -eu

[ $# -eq 4 ] || { echo "usage: $0 native|aarch64|x86_64|ppc64le|armhf TOP_SRCDIR WORKDIR OUTDIR" >&2; exit 2; }
arch=$1
top=$(cd "$2" && pwd)
mkdir -p "$3" "$4"
work=$(cd "$3" && pwd)
out=$(cd "$4" && pwd)
here=$top/kexec
cache=${IMACARRY_CACHE:-/var/cache/ima-carry}
: "${IMACARRY_LIB_SRCS:?set by kexec/local.mk}"
: "${IMACARRY_VERSION:?set by kexec/local.mk}"
# IMACARRY_KEXEC_TOOLS=2.0.29: Debian 13's kexec-tools with the same series,
# generated for it (kexec/patches-2.0.29); needs a trixie deb-src entry (added).
. "$here/kexec-tools.sh"
kexec_tools "${IMACARRY_KEXEC_TOOLS:-2.0.25}" || exit 2
series=$here/$series
jobs=${IMACARRY_JOBS:-2}
glue="$here/ima-carry.c $here/ima-carry.h $here/ima-carry-argv.h"

# Called from make: the outer make's flags and jobserver are not ours.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL

log() { printf 'kexec/build.sh (%s): %s\n' "$arch" "$*" >&2; }

sysroot=
case $arch in
native)
	host=
	cc=${CC:-gcc}
	tool_prefix=
	fdt_a=$($cc -print-file-name=libfdt.a)
	static=
	;;
aarch64)
	host=aarch64-linux-gnu
	cc=$host-gcc
	tool_prefix=$host-
	sysroot=$("$here/cross-deps.sh" "$cache/cross")
	fdt_a=$sysroot/usr/lib/$host/libfdt.a
	static=-static
	;;
x86_64)
	host=x86_64-linux-gnu
	cc=$host-gcc
	tool_prefix=$host-
	fdt_a=$($cc -print-file-name=libfdt.a)
	static=-static
	;;
ppc64le|armhf)
	# Debian's ppc64el or armhf zlib and libcrypto through multiarch,
	# its libfdt unpacked (cross-deps.sh), as for aarch64.
	case $arch in
	ppc64le) host=powerpc64le-linux-gnu dpkg_arch=ppc64el ;;
	armhf) host=arm-linux-gnueabihf dpkg_arch=armhf ;;
	esac
	cc=$host-gcc
	tool_prefix=$host-
	command -v "$cc" >/dev/null ||
		{ echo "$0: $cc missing: apt-get install gcc-$host" >&2; exit 1; }
	sysroot=$("$here/cross-deps.sh" "$dpkg_arch" "$cache/cross")
	fdt_a=$sysroot/usr/lib/$host/libfdt.a
	static=-static
	;;
*)
	echo "$0: unknown target '$arch'" >&2
	exit 2
	;;
esac
[ -f "$fdt_a" ] || { echo "$0: no libfdt.a for $arch ($fdt_a)" >&2; exit 1; }

# compile DIR FILE...: each .c of FILE... (relative to $top) into DIR.
compile() {
	local dir=$1 f o
	shift
	mkdir -p "$dir"
	for f in "$@"; do
		case $f in *.c) ;; *) continue ;; esac
		o=$dir/$(basename "$f" .c).o
		$cc -std=gnu11 -D_GNU_SOURCE \
			-DPACKAGE_VERSION="\"$IMACARRY_VERSION\"" -O2 -g \
			-ffunction-sections -fdata-sections \
			-I"$top" -I"$top/ima-carry/lib" -c -o "$o" "$top/$f" || exit 1
	done
}

# 1. libimacarry (and, for the static targets, the tool) for the target.
lib=$work/lib
log "compile libimacarry${host:+ for $host}"
compile "$lib/obj" $IMACARRY_LIB_SRCS
# Objects of files no longer in the list must not linger in the archive.
rm -f "$lib/libimacarry.a"
${tool_prefix}ar rcs "$lib/libimacarry.a" "$lib"/obj/*.o
if [ -n "$static" ]; then
	: "${IMACARRY_TOOL_SRCS:?set by kexec/local.mk}"
	log "link static ima-carry tool"
	compile "$lib/tool" $IMACARRY_TOOL_SRCS
	# glibc warns that libcrypto's unused dlopen/getaddrinfo paths need
	# a matching libc at run time; the guests never take them.
	$cc -static -o "$lib/ima-carry" "$lib"/tool/*.o "$lib/libimacarry.a" \
		"$fdt_a" ${sysroot:+-L$sysroot/usr/lib/$host} -lcrypto -lz \
		>"$lib/tool.log" 2>&1 || { cat "$lib/tool.log" >&2; exit 1; }
	# Stripped: it goes into the guest's initramfs.
	${tool_prefix}strip -o "$out/ima-carry.tmp" "$lib/ima-carry"
	mv "$out/ima-carry.tmp" "$out/ima-carry"
fi

# 2. The private archive: only what kexec calls, libfdt inside and hidden.
priv=$work/imacarry
rm -rf "$priv"
mkdir -p "$priv"
cp "$top/ima-carry/lib/imacarry.h" "$priv/"
sed -n 's/^[[:space:]]*\(imacarry_[a-z0-9_]*\);.*/\1/p' \
	"$top/ima-carry/lib/libimacarry.sym" >"$priv/keep.txt"
# The functions the glue calls, from the glue itself.
uses=$(cat $glue | grep -o 'imacarry_[a-z0-9_]*(' | tr -d '(' | sort -u)
undef=
for s in $uses; do
	undef="$undef -u $s"
done
# --gc-sections keeps only what those reach, function by function, so that
# nothing that needs libcrypto (replay.c) comes along.
${tool_prefix}ld -r --gc-sections -o "$priv/imacarry.o" $undef \
	"$lib/libimacarry.a" "$fdt_a"
# --strip-unneeded drops the undefined symbols the removed sections left.
${tool_prefix}objcopy --strip-unneeded --keep-global-symbols="$priv/keep.txt" \
	"$priv/imacarry.o"
leak=$(${tool_prefix}nm -g --defined-only "$priv/imacarry.o" |
	awk '$3 !~ /^imacarry_/ { print $3 }')
crypto=$(${tool_prefix}nm -u "$priv/imacarry.o" | grep -E ' (EVP|OPENSSL|ERR)_' || :)
if [ -n "$crypto" ]; then
	echo "$0: private libimacarry needs libcrypto:" $crypto >&2
	exit 1
fi
if [ -n "$leak" ]; then
	echo "$0: private libimacarry exports more than imacarry_*:" $leak >&2
	exit 1
fi
for s in $uses; do
	${tool_prefix}nm -g --defined-only "$priv/imacarry.o" |
		grep -q " $s\$" || {
		echo "$0: libimacarry has no $s yet" >&2
		exit 1
	}
done
${tool_prefix}ar rcs "$priv/libimacarry.a" "$priv/imacarry.o"

# 3. kexec-tools, cached on every input.
key=$( {
	echo "$version $arch $static"
	$cc --version | head -1
	cat "$0" $glue "$series"/*.patch
	cat "$priv/imacarry.h" "$priv/libimacarry.a"
} | sha256sum | cut -c1-16)
cached=$cache/kexec-build/$arch-$key
if [ ! -x "$cached/kexec" ]; then
	src=$("$here/fetch-source.sh" "$version" "$suites" "$cache/kexec-tools")
	kt=$work/kexec-tools
	rm -rf "$kt"
	cp -a "$src" "$kt"
	cp $glue "$kt/kexec/"
	for p in "$series"/*.patch; do
		patch -d "$kt" -p1 -s --no-backup-if-mismatch <"$p" || {
			echo "$0: $(basename "$p") does not apply" >&2
			exit 1
		}
	done
	log "configure kexec-tools $version"
	(
		cd "$kt"
		autoreconf -fi >build.log 2>&1
		./configure ${host:+--host=$host} --with-imacarry \
			CPPFLAGS="-I$priv" LDFLAGS="-L$priv $static" \
			>>build.log 2>&1
		grep -q 'define HAVE_LIBIMACARRY 1' include/config.h
	) || { tail -30 "$kt/build.log" >&2; exit 1; }
	log "make kexec-tools"
	make -C "$kt" -j"$jobs" >>"$kt/build.log" 2>&1 ||
		{ tail -30 "$kt/build.log" >&2; exit 1; }
	mkdir -p "$cache/kexec-build"
	tmp=$(mktemp -d "$cache/kexec-build/tmp.XXXXXX")
	cp "$kt/build/sbin/kexec" "$tmp/kexec"
	mv -T "$tmp" "$cached" 2>/dev/null || rm -rf "$tmp"
fi
${tool_prefix}strip -o "$out/kexec.tmp" "$cached/kexec"
mv "$out/kexec.tmp" "$out/kexec"
log "$out/kexec ($(wc -c <"$out/kexec") bytes)"
