#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# giveup.sh - a list that never stops growing: give up after N reloads
. "$(dirname "$0")/lib.sh"
sd_setup

sd_record --ima-carry -l "$RUNDIR/kernel"
FAKE_GROW=1000 sd_hook kexec
check "default: exit 1" 1 "$rc"
check "default: 5 reloads" 5 "$(sd_calls)"
check "default: kmsg" \
	"<3>ima-carry: list still growing after 5 reloads (104 measurements before the last one, 105 after); the image loaded earlier stays loaded" \
	"$(sd_kmsg)"
check "default: no unload" "" "$(cat "$T"/calls/* | tr '\0' '\n' | grep -x -- -u)"

sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
FAKE_GROW=1000 SD_TRIES=2 sd_hook kexec
check "IMACARRY_TRIES=2: exit 1" 1 "$rc"
check "IMACARRY_TRIES=2: 2 reloads" 2 "$(sd_calls)"

# systemd-shutdown passes no environment: the config file sets it.
sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
echo IMACARRY_TRIES=3 >"$T/config"
FAKE_GROW=1000 SD_CONFIG=$T/config sd_hook kexec
check "config file: exit 1" 1 "$rc"
check "config file: 3 reloads" 3 "$(sd_calls)"

# Converging on the last allowed try is a success.
sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
FAKE_GROW=2 SD_TRIES=3 sd_hook kexec
check "converges on the last try: exit 0" 0 "$rc"
check "converges on the last try: 3 reloads" 3 "$(sd_calls)"

sd_reset
sd_record --ima-carry -l "$RUNDIR/kernel"
SD_TRIES=zero sd_hook kexec
check "bad IMACARRY_TRIES: still reloads" 1 "$(sd_calls)"
check "bad IMACARRY_TRIES: warns, uses 5" \
	"<4>ima-carry: IMACARRY_TRIES='zero' is not a positive number; using 5
<6>ima-carry: reloaded kexec image with 100 measurements (1 try)" "$(sd_kmsg)"

finish
