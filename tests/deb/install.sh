#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/install.sh DEBDIR - install, check and purge the .debs in a fresh
# Debian 12 root (mmdebstrap, apt variant: Essential and apt only, so apt
# must resolve every dependency), then run the autopkgtests there
# (tests/deb/in-root.sh). Root, and Debian's archive.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DEBDIR" >&2; exit 2; }
deb=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
packaging=$here/../../packaging
[ "$(id -u)" -eq 0 ] || { echo "SKIP: not root"; exit 77; }
command -v mmdebstrap >/dev/null || { echo "SKIP: no mmdebstrap"; exit 77; }

work=$(mktemp -d /tmp/ima-carry-debtest.XXXXXX)
trap 'rm -rf "$work"' EXIT
io=$work/io
mkdir -p "$io/src"
cp "$deb"/*.deb "$io/"
rm -f "$io"/*-dbgsym_*.deb
tar -x -C "$io/src" -f "$deb/ima-carry-src.tar"
cp "$here/in-root.sh" "$io/"
base=$("$packaging/chroot.sh" base apt)
"$packaging/chroot.sh" run "$base" "$work/root" --bind "$io:/io" \
	/bin/bash /io/in-root.sh
