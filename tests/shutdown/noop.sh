#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# noop.sh - the hook does nothing unless asked for kexec with a live record
. "$(dirname "$0")/lib.sh"
sd_setup

sd_record --ima-carry -l "$RUNDIR/kernel"
for verb in reboot poweroff halt ""; do
	sd_hook $verb
	check "verb '$verb': exit 0" 0 "$rc"
	check "verb '$verb': no kexec call" 0 "$(sd_calls)"
	check "verb '$verb': nothing logged" "" "$(sd_kmsg)"
done

rm -rf "$RUNDIR"
sd_hook kexec
check "no record: exit 0" 0 "$rc"
check "no record: no kexec call" 0 "$(sd_calls)"
check "no record: nothing logged" "" "$(sd_kmsg)$(cat "$T/out")"

# After kexec -u the record is stale: never load it again.
sd_record --ima-carry -l "$RUNDIR/kernel"
echo 0 >"$T/kexec_loaded"
sd_hook kexec
check "unloaded: exit 0" 0 "$rc"
check "unloaded: no kexec call" 0 "$(sd_calls)"
check "unloaded: one log line" \
	"<4>ima-carry: no kexec image loaded; not reloading $RUNDIR" "$(sd_kmsg)"

finish
