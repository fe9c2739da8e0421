# SPDX-License-Identifier: GPL-2.0-only
# kexec-tools.sh - the kexec-tools versions the series is made for, sourced
# by build.sh and scripts/series.sh so that each version is named once.
#
# kexec_tools NAME sets version (Debian's source version), suites (where its
# deb-src lives) and series (the generated patch directory, relative to
# kexec/). NAME is 2.0.25 (Debian 12, the default) or 2.0.29 (Debian 13).
KEXEC_TOOLS_ALL="2.0.25 2.0.29"

kexec_tools() {
	case $1 in
	2.0.25)
		version=1:2.0.25-3+deb12u3
		suites="bookworm bookworm-updates"
		series=patches
		;;
	2.0.29)
		version=1:2.0.29-2
		suites=trixie
		series=patches-2.0.29
		;;
	*)
		echo "unknown kexec-tools version '$1' (known: $KEXEC_TOOLS_ALL)" >&2
		return 2
		;;
	esac
}
