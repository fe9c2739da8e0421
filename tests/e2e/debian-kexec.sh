#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# debian-kexec.sh - Debian's dynamic arm64 kexec and its libraries, for a guest.
#
# usage: debian-kexec.sh CACHEDIR
# Prints a directory holding sbin/kexec, the loader and every library it
# needs.  Only a stand-in for the control scenario while the project's static
# kexec is not built (E2E_DEBIAN_KEXEC=1); the harness prefers out/kexec.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 CACHEDIR" >&2; exit 2; }
cache=$1
tri=aarch64-linux-gnu
# kexec-tools links libxenctrl, which pulls in the small Xen libraries.
pkgs="kexec-tools libc6 zlib1g libxenmisc4.17 libxentoollog1 libxencall1
	libxenevtchn1 libxengnttab1 libxenforeignmemory1 libxendevicemodel1
	libxentoolcore1"

ver=$(apt-cache show --no-all-versions kexec-tools:arm64 | sed -n 's/^Version: //p')
[ -n "$ver" ] || { echo "$0: kexec-tools:arm64 unknown to apt" >&2; exit 1; }
dir=$cache/debian-kexec-${ver//:/_}
if [ -x "$dir/root/sbin/kexec" ]; then
	echo "$dir/root"
	exit 0
fi

rm -rf "$dir"
mkdir -p "$dir/debs" "$dir/sysroot" "$dir/root/sbin" "$dir/root/lib/$tri"
for p in $pkgs; do
	(cd "$dir/debs" && apt-get -o APT::Sandbox::User=root download -qq "$p:arm64" >&2)
done
for d in "$dir"/debs/*.deb; do
	dpkg -x "$d" "$dir/sysroot"
done
cp "$dir/sysroot/sbin/kexec" "$dir/root/sbin/kexec"

# Copy the NEEDED closure, found in the unpacked packages.
find_lib() {
	find "$dir/sysroot/lib/$tri" "$dir/sysroot/usr/lib/$tri" \
		-name "$1" 2>/dev/null | head -n1
}
todo=$(aarch64-linux-gnu-readelf -d "$dir/root/sbin/kexec" |
	sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
while [ -n "$todo" ]; do
	next=
	for l in $todo; do
		[ -e "$dir/root/lib/$tri/$l" ] && continue
		f=$(find_lib "$l")
		[ -n "$f" ] || { echo "$0: $l not found" >&2; exit 1; }
		cp -L "$f" "$dir/root/lib/$tri/$l"
		next="$next $(aarch64-linux-gnu-readelf -d "$f" |
			sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
	done
	todo=$next
done
ln -s "$tri/ld-linux-aarch64.so.1" "$dir/root/lib/ld-linux-aarch64.so.1"
rm -rf "$dir/debs" "$dir/sysroot"
echo "$dir/root"
