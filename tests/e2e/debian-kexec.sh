#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# debian-kexec.sh - Debian's dynamic kexec and its libraries, for a guest.
#
# usage: debian-kexec.sh CACHEDIR [arm64|amd64]
# Prints a directory holding sbin/kexec, the loader and every library it
# needs, for that Debian architecture (default arm64).  Only a stand-in for
# the control scenarios while the project's static kexec is not built
# (E2E_DEBIAN_KEXEC=1); the harness prefers the project's.
#
# E2E_LOCAL_DEBS: .deb files to take instead of Debian's (what `make deb`
# built: our kexec-tools, ima-carry, libimacarry0).  Their packages win over
# the archive's, and a packaged ima-carry comes along as bin/ima-carry with
# its own libraries, so that the guest runs exactly what the packages hold.
set -euo pipefail

[ $# -eq 1 ] || [ $# -eq 2 ] ||
	{ echo "usage: $0 CACHEDIR [arm64|amd64]" >&2; exit 2; }
cache=$1
arch=${2:-arm64}
case $arch in
arm64)
	tri=aarch64-linux-gnu
	readelf=aarch64-linux-gnu-readelf
	# PT_INTERP: /lib/ld-linux-aarch64.so.1
	interp_dir=lib
	interp=ld-linux-aarch64.so.1
	sub=debian-kexec
	;;
amd64)
	tri=x86_64-linux-gnu
	readelf=readelf
	# PT_INTERP: /lib64/ld-linux-x86-64.so.2
	interp_dir=lib64
	interp=ld-linux-x86-64.so.2
	sub=debian-kexec-amd64
	;;
*) echo "$0: unknown architecture '$arch'" >&2; exit 2 ;;
esac
command -v "$readelf" >/dev/null || { echo "$0: no $readelf" >&2; exit 1; }
# kexec-tools links libxenctrl, which pulls in the small Xen libraries.
pkgs="kexec-tools libc6 zlib1g libxenmisc4.17 libxentoollog1 libxencall1
	libxenevtchn1 libxengnttab1 libxenforeignmemory1 libxendevicemodel1
	libxentoolcore1"

local_debs=${E2E_LOCAL_DEBS:-}
if [ -n "$local_debs" ]; then
	# Keyed on the packages themselves: a rebuilt .deb is a new root.
	ver=local-$(cat $local_debs | sha256sum | cut -c1-16)
	pkgs="$pkgs libssl3"
else
	ver=$(apt-cache show --no-all-versions "kexec-tools:$arch" |
		sed -n 's/^Version: //p')
	[ -n "$ver" ] || { echo "$0: kexec-tools:$arch unknown to apt" >&2; exit 1; }
fi
dir=$cache/$sub-${ver//:/_}
if [ -x "$dir/root/sbin/kexec" ]; then
	echo "$dir/root"
	exit 0
fi

rm -rf "$dir"
mkdir -p "$dir/debs" "$dir/sysroot" "$dir/root/sbin" "$dir/root/lib/$tri"
mine=
for d in $local_debs; do
	cp "$d" "$dir/debs/"
	mine="$mine $(dpkg-deb -f "$d" Package)"
done
for p in $pkgs; do
	case " $mine " in *" $p "*) continue ;; esac
	(cd "$dir/debs" && apt-get -o APT::Sandbox::User=root download -qq "$p:$arch" >&2)
done
for d in "$dir"/debs/*.deb; do
	dpkg -x "$d" "$dir/sysroot"
done
cp "$dir/sysroot/sbin/kexec" "$dir/root/sbin/kexec"
bins=$dir/root/sbin/kexec
if [ -x "$dir/sysroot/usr/sbin/ima-carry" ]; then
	mkdir -p "$dir/root/bin"
	cp "$dir/sysroot/usr/sbin/ima-carry" "$dir/root/bin/ima-carry"
	bins="$bins $dir/root/bin/ima-carry"
fi

# Copy the NEEDED closure, found in the unpacked packages.
find_lib() {
	find "$dir/sysroot/lib/$tri" "$dir/sysroot/usr/lib/$tri" \
		-name "$1" 2>/dev/null | head -n1
}
todo=$(for b in $bins; do "$readelf" -d "$b"; done |
	sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
while [ -n "$todo" ]; do
	next=
	for l in $todo; do
		[ -e "$dir/root/lib/$tri/$l" ] && continue
		f=$(find_lib "$l")
		[ -n "$f" ] || { echo "$0: $l not found" >&2; exit 1; }
		cp -L "$f" "$dir/root/lib/$tri/$l"
		next="$next $("$readelf" -d "$f" |
			sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
	done
	todo=$next
done
[ -e "$dir/root/lib/$tri/$interp" ] ||
	{ echo "$0: the closure has no $interp" >&2; exit 1; }
mkdir -p "$dir/root/$interp_dir"
ln -s "../lib/$tri/$interp" "$dir/root/$interp_dir/$interp"
rm -rf "$dir/debs" "$dir/sysroot"
echo "$dir/root"
