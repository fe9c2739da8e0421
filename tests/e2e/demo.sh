#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# demo.sh - make demo: scenario 1 (carry, one hop) told as a short story.
#
# Runs carry1.sh with a progress line per step and keeps only the story lines
# (and any FAIL or SKIP reason) of its output.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)

echo "ima-carry demo: a real soft reboot (kexec -e) of arm64 Linux 6.1 in QEMU,"
echo "with a software TPM (swtpm) whose PCR 10 survives the jump."
echo "  [kernel] linux 6.1 + kernel-patch/ (the first build takes a few minutes)"
E2E_PROGRESS=1 "$here/carry1.sh" 2>&1 |
	sed -u -n -e '/^build-kernel: \(cached\|building\|built\)/{
		s/^build-kernel: /  [kernel] /p;d;}' \
		-e '/^  /p' -e '/^\*\*\* /p' -e '/^PASS /p'
rc=${PIPESTATUS[0]}
case $rc in
0) echo "ima-carry demo: done." ;;
77) echo "ima-carry demo: could not run (see SKIP above)." >&2; exit 1 ;;
*) echo "ima-carry demo: FAILED (exit $rc)." >&2; exit 1 ;;
esac
