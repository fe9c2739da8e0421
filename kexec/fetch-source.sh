#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# fetch-source.sh - unpack Debian's kexec-tools source once, into a cache dir
#
# usage: fetch-source.sh VERSION SUITES CACHEDIR
#   VERSION   Debian source version, e.g. 1:2.0.25-3+deb12u3
#   SUITES    the suites whose deb-src may hold it, e.g. "bookworm bookworm-updates"
#   CACHEDIR  e.g. /var/cache/ima-carry/kexec-tools
# Prints the unpacked tree (Debian's own patches applied by dpkg-source -x).
# The tree is keyed on VERSION and never changes once there; the rename at the
# end makes a half-unpacked tree impossible even when two builds race.
set -eu

[ $# -eq 3 ] || { echo "usage: $0 VERSION SUITES CACHEDIR" >&2; exit 2; }
version=$1
suites=$2
cache=$3
upver=${version#*:}
tree=$cache/$upver/src

if [ -f "$tree/.ima-carry-complete" ]; then
	echo "$tree"
	exit 0
fi

have_source() {
	apt-cache showsrc kexec-tools 2>/dev/null |
		grep -qx "Version: $version"
}

# Add deb-src lines only when apt knows no source for this version: a machine
# that already has its own deb-src (a mirror, a snapshot) keeps it untouched.
if ! have_source; then
	list=/etc/apt/sources.list.d/ima-carry-src-$(echo "$suites" |
		cut -d' ' -f1).sources
	if [ ! -f "$list" ]; then
		if [ "$(id -u)" -ne 0 ]; then
			echo "$0: no deb-src entry for kexec-tools $version;" \
			     "run as root or add one for: $suites" >&2
			exit 1
		fi
		echo "$0: no deb-src entry for kexec-tools $version:" \
		     "adding $list ($suites)" >&2
		sec=
		for s in $suites; do
			case $s in
			*-*) ;;
			*) sec="$sec $s-security" ;;
			esac
		done
		cat >"$list.tmp" <<EOF
# Added by ima-carry's kexec/fetch-source.sh: source packages only, to build
# kexec-tools with the --ima-carry series. Safe to remove.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites:$sec
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
		mv "$list.tmp" "$list"
	fi
	apt-get update -qq >&2
	if ! have_source; then
		echo "$0: apt has no source for kexec-tools $version" >&2
		exit 1
	fi
fi

mkdir -p "$cache/$upver"
work=$(mktemp -d "$cache/$upver/fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
(
	cd "$work"
	# apt-get runs as root here; it says so and carries on unsandboxed.
	apt-get source -qq "kexec-tools=$version" >&2
)
unpacked=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'kexec-tools-*')
[ -n "$unpacked" ] && [ -f "$unpacked/kexec/kexec.c" ] || {
	echo "$0: apt-get source gave no kexec-tools tree" >&2
	exit 1
}
touch "$unpacked/.ima-carry-complete"
if ! mv -T "$unpacked" "$tree" 2>/dev/null; then
	# Another build won the race; its tree is identical.
	[ -f "$tree/.ima-carry-complete" ] || {
		echo "$0: cannot create $tree" >&2
		exit 1
	}
fi
echo "$tree"
