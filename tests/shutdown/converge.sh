#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# converge.sh - reload until the count holds still across one reload
. "$(dirname "$0")/lib.sh"
sd_setup

args=(--ima-carry -l "$RUNDIR/kernel" "--initrd=$RUNDIR/initrd" --reuse-cmdline)
want=$(printf '%s\n' "${args[@]}")

# Nothing measured since the load: one reload, and it already matches.
sd_record "${args[@]}"
FAKE_GROW=0 sd_hook kexec
check "1 try: exit 0" 0 "$rc"
check "1 try: one kexec call" 1 "$(sd_calls)"
check "1 try: the recorded argv" "$want" "$(sd_call 1)"
check "1 try: kmsg" \
	"<6>ima-carry: reloaded kexec image with 100 measurements (1 try)" \
	"$(sd_kmsg)"
check "1 try: quiet on the console" "" "$(cat "$T/out")"

# Each of the first two reloads races with a new measurement.
sd_reset
sd_record "${args[@]}"
FAKE_GROW=2 sd_hook kexec
check "3 tries: exit 0" 0 "$rc"
check "3 tries: three kexec calls" 3 "$(sd_calls)"
check "3 tries: same argv each time" "$want" "$(sd_call 3)"
check "3 tries: kmsg" \
	"<6>ima-carry: reloaded kexec image with 102 measurements (3 tries)" \
	"$(sd_kmsg)"

# The reload must write its new record where the hook looks.
sd_reset
sd_record "${args[@]}"
cat >"$T/bin/kexec-env" <<'FAKE'
#!/bin/bash
echo "$IMACARRY_RUNDIR" >"$FAKE_DIR/rundir-seen"
FAKE
chmod +x "$T/bin/kexec-env"
SD_KEXEC=$T/bin/kexec-env sd_hook kexec
check "IMACARRY_RUNDIR passed to kexec" "$RUNDIR" "$(cat "$T/rundir-seen")"

# Also when it comes from the config file rather than the environment.
rm -f "$T/rundir-seen"
echo "IMACARRY_RUNDIR='$RUNDIR'" >"$T/config"
SD_RUNDIR_FROM_CONFIG=1 SD_CONFIG=$T/config SD_KEXEC=$T/bin/kexec-env sd_hook kexec
check "IMACARRY_RUNDIR from the config passed to kexec" "$RUNDIR" \
	"$(cat "$T/rundir-seen" 2>/dev/null)"

finish
