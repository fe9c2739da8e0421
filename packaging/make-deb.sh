#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# packaging/make-deb.sh - every Debian package: ima-carry's and kexec-tools
#
#   make-deb.sh TOP_SRCDIR OUTDIR        (make deb: OUTDIR is deb/)
#
# 1. ima-carry from `git archive HEAD` of TOP_SRCDIR (what is committed),
#    built on this machine with dpkg-buildpackage -us -uc -b: ima-carry,
#    libimacarry0, libimacarry-dev (and their -dbgsym).
# 2. kexec-tools 1:2.0.25-3+deb12u3+imacarry1 (packaging/kexec-tools), built
#    the way a build daemon would: in a fresh Debian 12 root (packaging/
#    chroot.sh, buildd variant), its Build-Depends installed by apt from
#    Debian and, for libimacarry-dev, from the .debs of step 1.
# OUTDIR gets the .debs, .changes, .buildinfo, the build logs and the
# source they were built from (ima-carry-src.tar, for tests/deb/); those are
# removed first. Needs root, and Debian's archive for step 2 (and for the
# first kexec-tools source download). Both builds use at most 2 jobs.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 TOP_SRCDIR OUTDIR" >&2; exit 2; }
top=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
here=$top/packaging
jobs=${IMACARRY_JOBS:-2}
[ "$(id -u)" -eq 0 ] || { echo "$0: run as root (chroot, apt)" >&2; exit 1; }
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL

log() { printf '==> make-deb: %s\n' "$*" >&2; }
t0=$(date +%s)
elapsed() { echo "$(($(date +%s) - t0)) s"; }

work=$(mktemp -d /tmp/ima-carry-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
find "$out" -mindepth 1 -maxdepth 1 \( -name '*.deb' -o -name '*.udeb' \
	-o -name '*.changes' -o -name '*.buildinfo' -o -name '*.log' \
	-o -name ima-carry-src.tar \) -delete

# 1. ima-carry.
version=$(git -C "$top" show HEAD:debian/changelog | dpkg-parsechangelog -l - -S Version)
upstream=${version%-*}
src=$work/ima-carry-$upstream
mkdir -p "$src"
git -C "$top" archive -o "$out/ima-carry-src.tar" HEAD
tar -x -C "$src" -f "$out/ima-carry-src.tar"
log "ima-carry $version from $(git -C "$top" rev-parse --short HEAD)"
if ! (cd "$src" && dpkg-checkbuilddeps) 2>"$work/deps"; then
	cat "$work/deps" >&2
	log "installing ima-carry's Build-Depends on this machine"
	apt-get build-dep -y -qq --no-install-recommends "$src" >&2
fi
if ! (cd "$src" && DEB_BUILD_OPTIONS="parallel=$jobs ${DEB_BUILD_OPTIONS-}" \
	dpkg-buildpackage -us -uc -b) >"$out/ima-carry-build.log" 2>&1; then
	tail -40 "$out/ima-carry-build.log" >&2
	echo "$0: ima-carry failed to build; see $out/ima-carry-build.log" >&2
	exit 1
fi
cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out/"
log "ima-carry built ($(elapsed))"

# 2. kexec-tools, in a fresh build root.
kt=$("$here/kexec-tools/debianize.sh" "$src" "$work")
ktver=$(cd "$kt" && dpkg-parsechangelog -S Version)
log "kexec-tools $ktver in a fresh Debian 12 build root"
base=$("$here/chroot.sh" base buildd)
root=$work/root
io=$work/io
mkdir -p "$io"
cp -a "$kt" "$io/"
cp "$out"/libimacarry0_*.deb "$out"/libimacarry-dev_*.deb "$io/"
# The build runs in /build of the root: the root is thrown away after.
cat >"$io/build.sh" <<'SCRIPT'
set -eu
mkdir /build
cp -a /io/kexec-tools-* /io/*.deb /build/
cd /build
apt-get update -qq
apt-get install -y -qq --no-install-recommends ./libimacarry0_*.deb ./libimacarry-dev_*.deb
apt-get build-dep -y -qq --no-install-recommends ./kexec-tools-*/
cd kexec-tools-*/
DEB_BUILD_OPTIONS="parallel=$1" dpkg-buildpackage -us -uc -b
cd /build
cp kexec-tools*.deb kexec-tools*.udeb kexec-tools*.changes kexec-tools*.buildinfo /io/
SCRIPT
if ! "$here/chroot.sh" run "$base" "$work/root" --bind "$io:/io" \
	/bin/sh /io/build.sh "$jobs" >"$out/kexec-tools-build.log" 2>&1; then
	tail -40 "$out/kexec-tools-build.log" >&2
	echo "$0: kexec-tools failed to build; see $out/kexec-tools-build.log" >&2
	exit 1
fi
cp "$io"/kexec-tools*.deb "$io"/kexec-tools*.udeb "$io"/kexec-tools*.changes \
	"$io"/kexec-tools*.buildinfo "$out/"
log "kexec-tools built ($(elapsed))"
ls -l "$out"/*.deb "$out"/*.udeb >&2
