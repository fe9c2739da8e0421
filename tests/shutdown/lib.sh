# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - a fake securityfs, a fake kexec and a kmsg file for the hook tests
#
# A test sources this, calls sd_setup, writes a record (sd_record), runs the
# hook (sd_hook) and checks what the fake kexec saw (sd_calls, sd_call N)
# and what went to the kernel log (sd_kmsg). The fake kexec makes the count
# grow by one for each of its first $FAKE_GROW calls and fails its call
# number $FAKE_FAIL_AT (0: never) with the message "kexec: cannot load".
set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
HOOK=$top_srcdir/shutdown/ima-carry.shutdown
failures=0

sd_setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/ima-carry-shutdown.XXXXXX")
	trap 'rm -rf "$T"' EXIT
	mkdir -p "$T/sfs/ima" "$T/run" "$T/bin" "$T/calls"
	echo 100 >"$T/sfs/ima/runtime_measurements_count"
	echo 1 >"$T/kexec_loaded"
	: >"$T/kmsg"
	RUNDIR=$T/run/ima-carry
	cat >"$T/bin/kexec" <<'FAKE'
#!/bin/bash
# fake kexec: record the call, grow the count, fail when told
n=$(($(ls "$FAKE_DIR/calls" | wc -l) + 1))
printf '%s\0' "$@" >"$FAKE_DIR/calls/$n"
if [ "$n" -eq "${FAKE_FAIL_AT:-0}" ]; then
	echo "kexec: cannot load" >&2
	echo "second line" >&2
	exit 3
fi
if [ "$n" -le "${FAKE_GROW:-0}" ]; then
	c=$(cat "$FAKE_DIR/sfs/ima/runtime_measurements_count")
	echo $((c + 1)) >"$FAKE_DIR/sfs/ima/runtime_measurements_count"
fi
exit 0
FAKE
	chmod +x "$T/bin/kexec"
	export FAKE_DIR=$T
}

# sd_record ARGS...: a record as kexec --ima-carry would leave it.
sd_record() {
	mkdir -p "$RUNDIR"
	printf '%s\0' "$@" >"$RUNDIR/argv"
}

# sd_hook ARGS...: runs the hook against the fakes; sets $rc.
sd_hook() {
	local rd=(IMACARRY_RUNDIR="$RUNDIR")

	# SD_RUNDIR_FROM_CONFIG=1: not in the environment at all.
	[ -n "${SD_RUNDIR_FROM_CONFIG:-}" ] && rd=()
	env -i PATH="$T/bin:/usr/bin:/bin" "${rd[@]}" \
		IMACARRY_SECURITYFS="$T/sfs" \
		IMACARRY_KEXEC="${SD_KEXEC:-$T/bin/kexec}" \
		IMACARRY_KMSG="$T/kmsg" \
		IMACARRY_KEXEC_LOADED="$T/kexec_loaded" \
		IMACARRY_CONFIG="${SD_CONFIG:-$T/no-config}" \
		${SD_TRIES:+IMACARRY_TRIES="$SD_TRIES"} \
		FAKE_DIR="$T" FAKE_GROW="${FAKE_GROW:-0}" \
		FAKE_FAIL_AT="${FAKE_FAIL_AT:-0}" \
		bash "$HOOK" "$@" >"$T/out" 2>&1
	rc=$?
}

sd_calls() { find "$T/calls" -type f | wc -l; }

# sd_call N: the arguments of call N, one per line (tests avoid newlines).
sd_call() { tr '\0' '\n' <"$T/calls/$1"; }

sd_kmsg() { cat "$T/kmsg"; }

sd_reset() {
	rm -f "$T"/calls/* "$RUNDIR/argv"
	: >"$T/kmsg"
	echo 100 >"$T/sfs/ima/runtime_measurements_count"
}

check() {
	local what=$1 want=$2 got=$3

	if [ "$want" = "$got" ]; then
		echo "ok: $what"
		return
	fi
	echo "FAIL: $what"
	echo "  want: $(printf '%q' "$want")"
	echo "  got:  $(printf '%q' "$got")"
	[ -s "$T/out" ] && sed 's/^/  hook: /' "$T/out"
	failures=$((failures + 1))
}

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures check(s) failed"
		exit 1
	fi
	exit 0
}
