#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# bench-quick.sh - `make bench` in quick mode: every measured command runs and agrees
#
# Asserts nothing about time. It fails when a measured command fails, when
# ima-carry, evmctl, the hash floor and the generator disagree on a PCR value,
# when verify or evmctl accept wrong values, or when a blob does not decode.
set -eu
: "${top_srcdir:?run me from make check}" "${top_builddir:?run me from make check}"

rc=0
python3 "$top_srcdir/bench/run-bench" --quick \
	--srcdir "$top_srcdir" --builddir "$top_builddir" \
	--out "$top_builddir/bench/results-quick.json" || rc=$?
if [ "$rc" -eq 77 ]; then
	echo "SKIP: bench-quick: a tool the bench drives is missing (see above)" >&2
fi
exit "$rc"
