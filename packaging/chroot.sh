#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# packaging/chroot.sh - fresh Debian 12 roots from mmdebstrap, cached per day
#
#   chroot.sh base VARIANT       print the cached tarball of a bookworm root
#                                (VARIANT: apt or buildd), making it first
#                                when today's is missing
#   chroot.sh run TARBALL DIR [--bind HOSTDIR:PATH] CMD...
#                                unpack TARBALL into DIR (which must not
#                                exist) and run CMD in it as root, in a
#                                private mount namespace (proc, dev, sys, and
#                                HOSTDIR at PATH), so that nothing stays
#                                mounted when it ends
#
# The tarballs live in $IMACARRY_CACHE/mmdebstrap (/var/cache/ima-carry), as
# bookworm-VARIANT-YYYYMMDD.tar: keyed on the suite and the day, so an archive
# that moved on (a point release, a security update) gives a new root the next
# day, and older ones are removed. The sources are deb.debian.org's bookworm,
# bookworm-updates and bookworm-security, as a fresh install has them.
set -euo pipefail

cache=${IMACARRY_CACHE:-/var/cache/ima-carry}/mmdebstrap
suite=bookworm
mirror=${IMACARRY_MIRROR:-http://deb.debian.org/debian}
security=${IMACARRY_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

base() {
	local variant=$1 day tar tmp
	case $variant in apt | buildd) ;; *) echo "$0: variant apt or buildd" >&2; exit 2 ;; esac
	day=$(date -u +%Y%m%d)
	tar=$cache/$suite-$variant-$day.tar
	if [ ! -s "$tar" ]; then
		mkdir -p "$cache"
		echo "chroot.sh: mmdebstrap $suite ($variant) into $tar" >&2
		tmp=$(mktemp "$cache/.tmp.XXXXXX.tar")
		# mmdebstrap writes its own log to stderr; keep it for a failure only.
		if ! mmdebstrap --quiet --mode=root --variant="$variant" \
			--aptopt='Acquire::Retries "3"' \
			"$suite" "$tmp" \
			"deb $mirror $suite main" \
			"deb $mirror $suite-updates main" \
			"deb $security $suite-security main" >&2; then
			rm -f "$tmp"
			echo "$0: mmdebstrap failed" >&2
			exit 1
		fi
		mv "$tmp" "$tar"
		# Yesterday's roots are stale now.
		find "$cache" -maxdepth 1 -name "$suite-$variant-*.tar" ! -name "${tar##*/}" -delete
	fi
	echo "$tar"
}

run() {
	local tar=$1 dir=$2 bind=
	shift 2
	if [ "$1" = --bind ]; then
		bind=$2
		shift 2
	fi
	[ ! -e "$dir" ] || { echo "$0: $dir exists" >&2; exit 1; }
	mkdir -p "$dir"
	tar -C "$dir" -xf "$tar"
	cp /etc/resolv.conf "$dir/etc/resolv.conf"
	# A private mount namespace: the mounts end with the command.
	unshare --mount --propagation private -- /bin/sh -c '
		set -e
		r=$1 bind=$2
		shift 2
		if [ -n "$bind" ]; then
			mkdir -p "$r${bind#*:}"
			mount --bind "${bind%%:*}" "$r${bind#*:}"
		fi
		mount -t proc proc "$r/proc"
		mount --rbind /dev "$r/dev"
		mount --rbind /sys "$r/sys"
		mount -t tmpfs tmpfs "$r/run"
		mount -t tmpfs tmpfs "$r/tmp"
		exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
			HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
	' sh "$dir" "$bind" "$@"
}

case ${1-} in
base) [ $# -eq 2 ] || exit 2; base "$2" ;;
run) [ $# -ge 4 ] || exit 2; shift; run "$@" ;;
*) echo "usage: $0 base VARIANT | run TARBALL DIR [--bind HOSTDIR:PATH] CMD..." >&2; exit 2 ;;
esac
