#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# mount.sh - securityfs unmounted late in shutdown: mount it, or fail clearly
. "$(dirname "$0")/lib.sh"
sd_setup

rm -rf "$T/sfs/ima"
cat >"$T/bin/mount" <<'FAKE'
#!/bin/bash
# fake mount: log the call, then "mount" securityfs when allowed
printf '%s\n' "$*" >>"$FAKE_DIR/mount-calls"
[ -n "$(cat "$FAKE_DIR/mount-ok" 2>/dev/null)" ] || exit 32
mkdir -p "$FAKE_DIR/sfs/ima"
echo 7 >"$FAKE_DIR/sfs/ima/runtime_measurements_count"
FAKE
chmod +x "$T/bin/mount"

sd_record --ima-carry -l "$RUNDIR/kernel"
sd_hook kexec
check "mount fails: exit 1" 1 "$rc"
check "mount fails: tried securityfs" "-t securityfs securityfs $T/sfs" \
	"$(cat "$T/mount-calls")"
check "mount fails: no reload" 0 "$(sd_calls)"
check "mount fails: kmsg" \
	"<3>ima-carry: no IMA in securityfs at $T/sfs; the image loaded earlier stays loaded" \
	"$(sd_kmsg)"

: >"$T/kmsg"
echo yes >"$T/mount-ok"
sd_hook kexec
check "mounted: exit 0" 0 "$rc"
check "mounted: reloaded" 1 "$(sd_calls)"
check "mounted: kmsg" \
	"<6>ima-carry: reloaded kexec image with 7 measurements (1 try)" \
	"$(sd_kmsg)"

finish
