#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# demo.sh - make demo: a carry, one hop, told as a short story.
#
# usage: demo.sh [arm64|x86_64|all]   (make demo DEMO=..., ./quickstart demo ...)
#   arm64   (the default) carry1.sh: arm64 Linux 6.1 with kernel-patch/
#   x86_64  x86-carry1.sh: Debian 12's own amd64 kernel, unpatched, with
#           kexec --ima-carry (the SETUP_IMA carrier)
#   all     both, arm64 first
# Runs the scenario with a progress line per step and keeps only the story
# lines (and any FAIL or SKIP reason) of its output.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
what=${1:-arm64}

# story CMD...: run a scenario, keep the story; its exit code.
story() {
	E2E_PROGRESS=1 "$@" 2>&1 |
		sed -u -n -e '/^build-kernel: \(cached\|building\|built\)/{
			s/^build-kernel: /  [kernel] /p;d;}' \
			-e '/^debian-kernel.sh: fetching/{s/^.*: /  [kernel] /p;d;}' \
			-e '/^  /p' -e '/^\*\*\* /p' -e '/^PASS /p'
	return "${PIPESTATUS[0]}"
}

arm64() {
	echo "ima-carry demo: a real soft reboot (kexec -e) of arm64 Linux 6.1 in QEMU,"
	echo "with a software TPM (swtpm) whose PCR 10 survives the jump."
	echo "  [kernel] linux 6.1 + kernel-patch/ (the first build takes a few minutes)"
	story "$here/carry1.sh"
}

# x86-carry1.sh tells little itself: the story is read from its work
# directory with the host's ima-carry once it passed.
x86_64() {
	local rc=0 w=${top_builddir:-$PWD}/tests/e2e/work/x86-carry1 tool n1 n2
	echo "ima-carry demo: a real soft reboot (kexec -e) of Debian 12's own x86_64"
	echo "kernel (6.1, unpatched) in QEMU, with a software TPM (swtpm)."
	echo "  [kernel] Debian's signed linux-image-amd64, fetched once with apt-get download"
	echo "  boot 1: measure, then kexec --ima-carry -l vmlinuz --initrd ... --reuse-cmdline"
	story "$here/x86-carry1.sh" || rc=$?
	[ "$rc" -eq 0 ] || return "$rc"
	tool=${top_builddir:-$PWD}/ima-carry/tool/ima-carry
	n1=$("$tool" dump "$w/preexec1.bin" | wc -l)
	n2=$("$tool" dump "$w/boot2.bin" | wc -l)
	echo "  PCR 10 before kexec (sha256): $(awk '$1 == "sha256" { print $3 }' "$w/preexec1.pcrs")"
	echo "  carried: $n1 measurements, list $(stat -c %s "$w/preexec1.bin") bytes, in a SETUP_IMA setup_data (no kernel patch)"
	echo "  PCR 10 after boot 2 (sha256): $(awk '$1 == "sha256" { print $3 }' "$w/boot2.pcrs")"
	echo "  boot 2 lists $n2 measurements, the first $n1 boot 1's byte for byte:" \
		"replay = TPM ✔ ($(tail -n1 "$w/boot2.hostverify" |
			sed 's/.*: ok: //; s| match [^ ]* in | match PCR 10 in |'))"
}

case $what in
arm64 | x86_64) runs=$what ;;
all) runs="arm64 x86_64" ;;
*) echo "usage: $0 [arm64|x86_64|all]" >&2; exit 2 ;;
esac
for r in $runs; do
	rc=0
	"$r" || rc=$?
	case $rc in
	0) echo "ima-carry demo ($r): done." ;;
	77) echo "ima-carry demo ($r): could not run (see SKIP above)." >&2; exit 1 ;;
	*) echo "ima-carry demo ($r): FAILED (exit $rc)." >&2; exit 1 ;;
	esac
done
