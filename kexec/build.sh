#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# build.sh - build Debian's kexec-tools with the --ima-carry series
#
# usage: build.sh native|aarch64 TOP_SRCDIR WORKDIR OUTDIR
#
# 1. libimacarry for the target: a static-only configure of this project in
#    WORKDIR/lib (no sanitizers: kexec-tools links it as a plain archive).
#    For aarch64 the same build also makes a static `ima-carry` tool.
# 2. A private copy of it: the objects kexec needs, `ld -r` with Debian's
#    libfdt.a and only imacarry_* left global, because kexec-tools links
#    its own old libfdt and the two must never resolve to each other.
# 3. kexec-tools (fetch-source.sh), patched with kexec/patches/*.patch and
#    configured --with-imacarry; aarch64 is static, for the QEMU initramfs.
#    The result is cached under $IMACARRY_CACHE (/var/cache/ima-carry), keyed
#    on every input, so a rebuild of unchanged inputs costs nothing.
# Outputs: OUTDIR/kexec, and for aarch64 also OUTDIR/ima-carry.
set -eu

[ $# -eq 4 ] || { echo "usage: $0 native|aarch64 TOP_SRCDIR WORKDIR OUTDIR" >&2; exit 2; }
arch=$1
top=$(cd "$2" && pwd)
mkdir -p "$3" "$4"
work=$(cd "$3" && pwd)
out=$(cd "$4" && pwd)
here=$top/kexec
cache=${IMACARRY_CACHE:-/var/cache/ima-carry}
# IMACARRY_KEXEC_TOOLS=2.0.29: Debian 13's kexec-tools with the same series,
# rebased (kexec/patches-2.0.29); needs a trixie deb-src entry (added).
case ${IMACARRY_KEXEC_TOOLS:-2.0.25} in
2.0.25)
	version=1:2.0.25-3+deb12u3
	suites="bookworm bookworm-updates"
	series=$here/patches
	;;
2.0.29)
	version=1:2.0.29-2
	suites=trixie
	series=$here/patches-2.0.29
	;;
*)
	echo "$0: unknown IMACARRY_KEXEC_TOOLS" >&2
	exit 2
	;;
esac
jobs=${IMACARRY_JOBS:-2}

# Called from make: the outer make's flags and jobserver are not ours.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL

log() { printf 'kexec/build.sh (%s): %s\n' "$arch" "$*" >&2; }

case $arch in
native)
	host=
	cc=${CC:-gcc}
	tool_prefix=
	fdt_a=$($cc -print-file-name=libfdt.a)
	lib_env=
	static=
	;;
aarch64)
	host=aarch64-linux-gnu
	cc=$host-gcc
	tool_prefix=$host-
	sysroot=$("$here/cross-deps.sh" "$cache/cross")
	fdt_a=$sysroot/usr/lib/$host/libfdt.a
	lib_env="PKG_CONFIG_LIBDIR=/usr/lib/$host/pkgconfig:/usr/share/pkgconfig"
	static=-static
	;;
*)
	echo "$0: unknown target '$arch'" >&2
	exit 2
	;;
esac
[ -f "$fdt_a" ] || { echo "$0: no libfdt.a for $arch ($fdt_a)" >&2; exit 1; }

# 1. libimacarry (and, for aarch64, the tool) for the target.
lib=$work/lib
mkdir -p "$lib"
if [ ! -f "$lib/Makefile" ] || [ "$lib/config.status" -ot "$top/configure" ]; then
	log "configure libimacarry${host:+ for $host}"
	(
		cd "$lib"
		env $lib_env "$top/configure" -q ${host:+--host=$host} \
			--disable-shared --enable-static \
			${sysroot:+LDFLAGS=-L$sysroot/usr/lib/$host} \
			CFLAGS="-O2 -g -ffunction-sections -fdata-sections" \
			>configure.log 2>&1
	) || { cat "$lib/configure.log" >&2; exit 1; }
fi
log "make libimacarry"
make -C "$lib" -s -j"$jobs" ima-carry/lib/libimacarry.la >&2
if [ "$arch" = aarch64 ]; then
	log "make static ima-carry tool"
	# -all-static: libtool otherwise drops a plain -static for programs
	# and links libcrypto dynamically. glibc warns that libcrypto's
	# unused dlopen/getaddrinfo paths need a matching libc at run time.
	make -C "$lib" -s -j"$jobs" ima-carry/tool/ima-carry \
		LDFLAGS="-all-static -L$sysroot/usr/lib/$host" >"$lib/tool.log" 2>&1 ||
		{ cat "$lib/tool.log" >&2; exit 1; }
	# Stripped: it goes into the guest's initramfs.
	${tool_prefix}strip -o "$out/ima-carry.tmp" "$lib/ima-carry/tool/ima-carry"
	mv "$out/ima-carry.tmp" "$out/ima-carry"
fi

# 2. The private archive: only what kexec calls, libfdt inside and hidden.
priv=$work/imacarry
rm -rf "$priv"
mkdir -p "$priv"
cp "$top/ima-carry/lib/imacarry.h" "$priv/"
sed -n 's/^[[:space:]]*\(imacarry_[a-z0-9_]*\);.*/\1/p' \
	"$top/ima-carry/lib/libimacarry.sym" >"$priv/keep.txt"
# The functions the series calls, from the series itself.
uses=$(cat "$series"/*.patch | grep -o 'imacarry_[a-z0-9_]*(' |
	tr -d '(' | sort -u)
undef=
for s in $uses; do
	undef="$undef -u $s"
done
# --gc-sections keeps only what those reach, function by function, so that
# nothing that needs libcrypto (replay.c) comes along.
${tool_prefix}ld -r --gc-sections -o "$priv/imacarry.o" $undef \
	"$lib/ima-carry/lib/.libs/libimacarry.a" "$fdt_a"
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
	cat "$0" "$series"/*.patch
	cat "$priv/imacarry.h" "$priv/libimacarry.a"
} | sha256sum | cut -c1-16)
cached=$cache/kexec-build/$arch-$key
if [ ! -x "$cached/kexec" ]; then
	src=$("$here/fetch-source.sh" "$version" "$suites" "$cache/kexec-tools")
	kt=$work/kexec-tools
	rm -rf "$kt"
	cp -a "$src" "$kt"
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
