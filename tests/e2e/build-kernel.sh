#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# build-kernel.sh - build, or take from the cache, an e2e guest kernel.
#
# usage: build-kernel.sh [--arch ARCH] VERSION [OUT]
#   ARCH     arm64 (the default: Image, kernel.config), ppc64le (pseries
#            vmlinux, kernel-ppc64le.config) or armhf (virt zImage,
#            kernel-arm.config); each is tinyconfig plus its fragment
#   VERSION  6.1 or 6.12: Debian's /usr/src/linux-source-VERSION.tar.xz
#   OUT      where to copy the kernel image (optional)
# Prints the cached image's path on stdout; progress goes to stderr.
#
# The image is cached under $IMACARRY_CACHE/kernel/<key>/ (<VERSION>-<ARCH>-
# <key>/ for the other architectures), key = sha256 of the kernel package
# version, the compiler, the config fragment, the patch series and this
# script (and the architecture, but for arm64), so that a warm run never
# rebuilds.  Environment:
#   IMACARRY_CACHE      cache root (default /var/cache/ima-carry)
#   E2E_KERNEL_PATCHES  patch directory (default <srcdir>/kernel-patch);
#                       set it to an empty directory for a vanilla kernel
#   E2E_KERNEL_FRAGMENTS  more fragments, merged after kernel.config, for a
#                       scenario's own kernel (ACPI, KASAN, no KEXEC_FILE);
#                       an option they set replaces kernel.config's, and
#                       CONFIG_X=n must end up unset
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cache=${IMACARRY_CACHE:-/var/cache/ima-carry}
lockfile=/tmp/ima-carry-kbuild.lock

say() { printf 'build-kernel: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

arch=arm64
if [ "${1:-}" = --arch ]; then
	[ $# -ge 2 ] || { echo "usage: $0 [--arch ARCH] VERSION [OUT]" >&2; exit 2; }
	arch=$2
	shift 2
fi
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 [--arch ARCH] VERSION [OUT]" >&2; exit 2; }
ver=$1
out=${2:-}
# karch, cross, target, image and fragment of each architecture; the image
# keeps its kbuild name in the cache.  arm64 keeps its old directory names.
case $arch in
arm64)
	karch=arm64 cross=aarch64-linux-gnu- target=Image
	image=arch/arm64/boot/Image fragment=$here/kernel.config
	;;
ppc64le)
	karch=powerpc cross=powerpc64le-linux-gnu- target=vmlinux
	image=vmlinux fragment=$here/kernel-ppc64le.config
	;;
armhf)
	karch=arm cross=arm-linux-gnueabihf- target=zImage
	image=arch/arm/boot/zImage fragment=$here/kernel-arm.config
	;;
*)
	echo "$0: unknown architecture '$arch' (arm64, ppc64le, armhf)" >&2
	exit 2
	;;
esac
name=$(basename "$image")
tarball=/usr/src/linux-source-$ver.tar.xz
[ -f "$tarball" ] || die "$tarball missing: apt-get install linux-source-$ver"

# A per-version series wins over the common one; a cover letter has no diff.
pdir=${E2E_KERNEL_PATCHES:-$top/kernel-patch}
[ -d "$pdir/$ver" ] && pdir=$pdir/$ver
patches=()
for p in "$pdir"/*.patch; do
	[ -f "$p" ] || continue
	grep -q '^diff --git' "$p" || continue
	patches+=("$p")
done

# Without our patch CONFIG_IMA_CARRY cannot exist: leave it out, loudly, so
# that the control scenario still runs on a vanilla kernel.
want=$(grep -E '^CONFIG_[A-Z0-9_]+=' "$fragment")
for f in ${E2E_KERNEL_FRAGMENTS:-}; do
	[ -f "$f" ] || die "kernel fragment $f missing"
	extra=$(grep -E '^CONFIG_[A-Z0-9_]+=' "$f")
	syms=$(printf '%s\n' "$extra" | sed 's/=.*//' | paste -sd'|')
	want=$(printf '%s\n' "$want" | grep -vE "^($syms)="; printf '%s\n' "$extra")
done
if [ ${#patches[@]} -eq 0 ]; then
	say "NOTE: no kernel patch in $pdir:" \
		"vanilla kernel without CONFIG_IMA_CARRY"
	want=$(printf '%s\n' "$want" | grep -v '^CONFIG_IMA_CARRY=')
fi

pkgver=$(dpkg-query -W -f='${Version}' "linux-source-$ver" 2>/dev/null) ||
	pkgver=$(sha256sum "$tarball" | cut -d' ' -f1)
cc=${cross}gcc
command -v "$cc" >/dev/null || die "$cc missing: apt-get install gcc-${cross%-}"
ccver=$($cc --version | head -n1)
key=$( {
	[ "$arch" = arm64 ] || printf 'arch %s\n' "$arch"
	printf 'linux-source-%s %s\n%s\n' "$ver" "$pkgver" "$ccver"
	printf '%s\n' "$want"
	for p in "${patches[@]}"; do
		printf '%s\n' "$(basename "$p")"
		cat "$p"
	done
	cat "$0"
} | sha256sum | cut -c1-16)
sub=$ver
[ "$arch" = arm64 ] || sub=$ver-$arch
kdir=$cache/kernel/$sub-$key

finish() {
	if [ -n "$out" ]; then
		mkdir -p "$(dirname "$out")"
		cp "$kdir/$name" "$out.tmp.$$"
		mv "$out.tmp.$$" "$out"
	fi
	echo "$kdir/$name"
}

if [ -f "$kdir/$name" ]; then
	say "cached: linux $ver $arch ($pkgver), ${#patches[@]} patch(es), $kdir"
	finish
	exit 0
fi

# One kernel build at a time on this machine: others build kernels too.
mkdir -p "$cache/kernel" "$cache/ccache" "$cache/kbuild"
exec 9>"$lockfile"
say "waiting for $lockfile"
flock 9
if [ -f "$kdir/$name" ]; then
	say "built meanwhile by someone else: $kdir"
	finish
	exit 0
fi

start=$(date +%s)
src=$cache/kbuild/linux-$sub
say "extracting $tarball into $src"
rm -rf "$src"
mkdir -p "$src"
tar -xJf "$tarball" -C "$src" --strip-components=1

for p in "${patches[@]}"; do
	say "applying $(basename "$p")"
	patch -d "$src" -p1 --batch --forward -s <"$p" ||
		die "$(basename "$p") does not apply to linux-source-$ver"
done

kmake() {
	make -C "$src" ARCH=$karch CROSS_COMPILE=$cross \
		CC="ccache $cc" KBUILD_BUILD_USER=e2e \
		KBUILD_BUILD_HOST=ima-carry \
		"$@"
}
export CCACHE_DIR=$cache/ccache
printf '%s\n' "$want" >"$src/e2e.config"
kmake -s tinyconfig >&2
"$src/scripts/kconfig/merge_config.sh" -m -O "$src" "$src/.config" \
	"$src/e2e.config" >/dev/null
kmake -s olddefconfig >&2

# Kconfig drops what it cannot satisfy without a word: check every option.
lost=()
while IFS= read -r line; do
	case $line in
	*=n) grep -q "^${line%=n}=" "$src/.config" && lost+=("$line") ;;
	*) grep -qxF "$line" "$src/.config" || lost+=("$line") ;;
	esac
done <<<"$want"
if [ ${#lost[@]} -gt 0 ]; then
	say "fragment options that did not survive olddefconfig:"
	printf '  %s\n' "${lost[@]}" >&2
	die "kernel config incomplete"
fi

say "building $target (linux $ver $arch, -j2, ccache $CCACHE_DIR)"
kmake -s -j2 "$target" >&2 || die "kernel build failed"

tmp=$cache/kernel/.tmp-$sub-$key.$$
rm -rf "$tmp"
mkdir -p "$tmp"
cp "$src/$image" "$tmp/$name"
cp "$src/.config" "$tmp/config"
{
	echo "linux-source-$ver $pkgver"
	for p in "${patches[@]}"; do basename "$p"; done
} >"$tmp/inputs"
rm -rf "$kdir"
mv "$tmp" "$kdir"
say "built in $(( $(date +%s) - start )) s: $kdir"
finish
