#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# cross-deps.sh - Debian's zlib, libcrypto and libfdt of another
# architecture, for static cross builds
#
# usage: cross-deps.sh [ARCH] CACHEDIR
# ARCH is a Debian architecture: arm64 (the default), ppc64el or armhf.
# Prints a sysroot directory that holds usr/lib/TRIPLET/libfdt.a.
#
# zlib1g-dev and libssl-dev are Multi-Arch: same, so their ARCH builds
# install beside the amd64 ones and the cross compiler finds them in
# /usr/lib/TRIPLET. libfdt-dev is not: installing libfdt-dev:ARCH would
# remove the amd64 one, so its .deb is only unpacked into a cache dir.
set -eu

case $# in
1) arch=arm64 ;;
2) arch=$1; shift ;;
*) echo "usage: $0 [ARCH] CACHEDIR" >&2; exit 2 ;;
esac
cache=$1
case $arch in
arm64) triplet=aarch64-linux-gnu ;;
ppc64el) triplet=powerpc64le-linux-gnu ;;
armhf) triplet=arm-linux-gnueabihf ;;
*) echo "$0: unknown architecture '$arch' (arm64, ppc64el, armhf)" >&2; exit 2 ;;
esac

need_root() {
	[ "$(id -u)" -eq 0 ] && return 0
	echo "$0: $1; run as root once" >&2
	exit 1
}

apt_get() {
	apt-get -o DPkg::Lock::Timeout=300 "$@"
}

if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
	need_root "dpkg has no $arch architecture"
	echo "$0: adding dpkg architecture $arch for the cross build" >&2
	dpkg --add-architecture "$arch"
	apt_get update -qq >&2
fi

missing=
for p in zlib1g-dev libssl-dev; do
	dpkg-query -W -f='${Status}' "$p:$arch" 2>/dev/null |
		grep -q 'install ok installed' || missing="$missing $p:$arch"
done
if [ -n "$missing" ]; then
	need_root "missing$missing"
	echo "$0: installing$missing" >&2
	apt_get install -y -qq --no-install-recommends $missing >&2 || {
		apt_get update -qq >&2
		apt_get install -y -qq --no-install-recommends $missing >&2
	}
fi

# libfdt-dev:$arch, unpacked, keyed on the amd64 version so both match.
ver=$(dpkg-query -W -f='${Version}' libfdt-dev)
root=$cache/libfdt-dev-$arch-$ver
if [ ! -f "$root/usr/lib/$triplet/libfdt.a" ]; then
	mkdir -p "$cache"
	work=$(mktemp -d "$cache/fetch.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	(cd "$work" && apt_get download -qq "libfdt-dev:$arch=$ver" >&2) || {
		apt_get update -qq >&2
		(cd "$work" && apt_get download -qq "libfdt-dev:$arch=$ver" >&2)
	}
	dpkg-deb -x "$work"/libfdt-dev_*_"$arch".deb "$work/root"
	[ -f "$work/root/usr/lib/$triplet/libfdt.a" ] || {
		echo "$0: libfdt-dev:$arch has no libfdt.a" >&2
		exit 1
	}
	mv -T "$work/root" "$root" 2>/dev/null ||
		[ -f "$root/usr/lib/$triplet/libfdt.a" ]
fi
echo "$root"
