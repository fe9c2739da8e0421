#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# kexec-fails.sh - a failed reload is logged, exits 1 and unloads nothing
. "$(dirname "$0")/lib.sh"
sd_setup

sd_record --ima-carry -l "$RUNDIR/kernel"
FAKE_FAIL_AT=1 sd_hook kexec
check "first reload fails: exit 1" 1 "$rc"
check "first reload fails: no retry, no unload" 1 "$(sd_calls)"
check "first reload fails: kmsg names kexec's first line" \
	"<3>ima-carry: reload 1 of 5 failed ($T/bin/kexec exit 3: kexec: cannot load); the image loaded earlier stays loaded" \
	"$(sd_kmsg)"

sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
FAKE_GROW=5 FAKE_FAIL_AT=2 sd_hook kexec
check "second reload fails: exit 1" 1 "$rc"
check "second reload fails: two calls" 2 "$(sd_calls)"
check "second reload fails: kmsg" \
	"<3>ima-carry: reload 2 of 5 failed ($T/bin/kexec exit 3: kexec: cannot load); the image loaded earlier stays loaded" \
	"$(sd_kmsg)"

sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
SD_KEXEC=$T/bin/no-such-kexec sd_hook kexec
check "no kexec binary: exit 1" 1 "$rc"
check "no kexec binary: logged" 1 "$(grep -c 'reload 1 of 5 failed' "$T/kmsg")"

# An empty or unreadable record is a failure, not a silent no-op.
sd_reset
: >"$RUNDIR/argv"
sd_hook kexec
check "empty argv: exit 1" 1 "$rc"
check "empty argv: no call" 0 "$(sd_calls)"
check "empty argv: kmsg" \
	"<3>ima-carry: $RUNDIR/argv is empty or unreadable; the image loaded earlier stays loaded" \
	"$(sd_kmsg)"

# A count that is not a number.
sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
echo garbage >"$T/sfs/ima/runtime_measurements_count"
sd_hook kexec
check "bad count: exit 1" 1 "$rc"
check "bad count: no call" 0 "$(sd_calls)"

# No /dev/kmsg: the line goes to stderr instead of being lost.
sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
rm -f "$T/kmsg"
mkdir "$T/kmsg"
FAKE_FAIL_AT=1 sd_hook kexec
check "kmsg unwritable: stderr" \
	"ima-carry: reload 1 of 5 failed ($T/bin/kexec exit 3: kexec: cannot load); the image loaded earlier stays loaded" \
	"$(cat "$T/out")"

finish
