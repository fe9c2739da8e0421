#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# debian-kernel.sh - one of Debian 12's stock amd64 kernels, unpacked into a cache.
#
# usage: debian-kernel.sh CACHEDIR 6.1|6.12
# Prints a directory holding vmlinuz, config and package ("NAME VERSION").
#   6.1   the package linux-image-amd64 depends on (linux-image-6.1.0-N-amd64,
#         the newest 6.1 ABI apt knows)
#   6.12  the package linux-image-6.12-amd64 depends on
#         (linux-image-6.12.N+deb12-amd64, from bookworm-security/backports)
# The cache is keyed on the package's name and version.  The .deb is fetched
# with apt-get download and unpacked with dpkg -x into the cache, never into /;
# only the kernel and its config are kept.  Exit 77 (with the reason on
# stderr) if apt does not have it, 1 on any other failure.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 CACHEDIR 6.1|6.12" >&2; exit 2; }
cache=$1
series=$2
case $series in
6.1)  meta=linux-image-amd64 pat='linux-image-6\.1\.0-[0-9]+-amd64' ;;
6.12) meta=linux-image-6.12-amd64 pat='linux-image-6\.12\.[0-9]+\+deb12-amd64' ;;
*) echo "$0: unknown series '$series' (6.1 or 6.12)" >&2; exit 2 ;;
esac

unavailable() { echo "$0: $*" >&2; exit 77; }

# apt-cache show VAR FIELD PKG: one field of the candidate version.
field() {
	apt-cache show --no-all-versions "$2:amd64" 2>/dev/null |
		sed -n "s/^$1: //p" | head -n1
}

dep=$(field Depends "$meta")
if [ -z "$dep" ]; then
	# An old or missing package list: refresh it once. If that fails too,
	# the second look-up below says what is missing.
	apt-get update -qq >&2 ||
		echo "$0: apt-get update failed; looking in the lists apt has" >&2
	dep=$(field Depends "$meta")
fi
[ -n "$dep" ] || unavailable "apt knows no $meta (amd64)"
pkg=$(printf '%s\n' "$dep" | tr ',' '\n' | sed 's/^ *//;s/ .*//' |
	grep -Ex "$pat" | head -n1) ||
	unavailable "$meta depends on no $pat ($dep)"
ver=$(field Version "$pkg")
[ -n "$ver" ] || unavailable "apt knows no $pkg"

dir=$cache/debian-kernel/${pkg}_${ver//:/_}
if [ -f "$dir/vmlinuz" ] && [ -f "$dir/config" ] && [ -f "$dir/package" ]; then
	echo "$dir"
	exit 0
fi

mkdir -p "$cache/debian-kernel"
tmp=$(mktemp -d "$cache/debian-kernel/dl.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "$0: fetching $pkg $ver" >&2
(cd "$tmp" && apt-get -o APT::Sandbox::User=root download -qq "$pkg=$ver" >&2) ||
	unavailable "apt-get download $pkg=$ver failed"
deb=$(ls "$tmp"/*.deb)
mkdir "$tmp/x"
dpkg -x "$deb" "$tmp/x"
kver=$(ls "$tmp/x/boot" | sed -n 's/^vmlinuz-//p' | head -n1)
[ -n "$kver" ] && [ -f "$tmp/x/boot/config-$kver" ] ||
	{ echo "$0: $deb has no boot/vmlinuz-* and config-*" >&2; exit 1; }
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp"
cp "$tmp/x/boot/vmlinuz-$kver" "$dir.tmp/vmlinuz"
cp "$tmp/x/boot/config-$kver" "$dir.tmp/config"
echo "$pkg $ver $kver" >"$dir.tmp/package"
mv "$dir.tmp" "$dir"
echo "$dir"
