#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# scenario-late-hook.sh - measurements between kexec -l and kexec -e: the shutdown hook carries them.
#
# Boot 1 loads the next kernel with --ima-carry (which records the load in
# /run/ima-carry), then measures LATE new files, as services stopping after
# an early distro load do. Three runs:
#   hook   the hook runs exactly as systemd-shutdown would
#          (ima-carry.shutdown kexec), then kexec -e: boot 2 replays to PCR 10;
#   none   no hook: boot 2 mismatches and ima-carry verify names the
#          missing-measurements case (and the hook);
#   after  the hook, then AFTER more files measured after its last read (what
#          it cannot close): boot 2 mismatches the same way.
# The guest needs bash for the hook: Debian's bash-static:arm64.
. "$(dirname "$0")/lib.sh"

LATE=${E2E_LATE:-5}
AFTER=${E2E_AFTER:-2}
HOOK_SRC=$E2E_TOP/shutdown/ima-carry.shutdown
HOOK_DIR=/usr/lib/systemd/system-shutdown

# Debian's static bash for arm64, unpacked into the cache (never into /).
late_bash() {
	local dir=$E2E_CACHE/guest ver debs
	ver=$(apt-cache show --no-all-versions bash-static:arm64 2>/dev/null |
		sed -n 's/^Version: //p')
	[ -n "$ver" ] || e2e_skip "bash-static:arm64 is not available from apt"
	ver=${ver//:/_}
	if [ ! -x "$dir/bash-static-$ver/bin/bash-static" ]; then
		mkdir -p "$dir"
		debs=$(mktemp -d "$E2E_CACHE/dl.XXXXXX")
		(cd "$debs" && apt-get -o APT::Sandbox::User=root download \
			-qq bash-static:arm64 >&2) ||
			e2e_skip "cannot download bash-static:arm64"
		rm -rf "$dir/bash-static-$ver.tmp"
		dpkg -x "$debs"/bash-static_*.deb "$dir/bash-static-$ver.tmp"
		rm -rf "$debs"
		mv -T "$dir/bash-static-$ver.tmp" "$dir/bash-static-$ver" 2>/dev/null ||
			rm -rf "$dir/bash-static-$ver.tmp"
	fi
	echo "$dir/bash-static-$ver/bin/bash-static"
}

# late_run MODE: one boot chain; MODE is hook, none or after.
late_run() {
	local mode=$1 hook=: after=0
	e2e_init "late-hook-$mode"
	E2E_HOPS=0
	[ "$mode" = none ] || hook="$HOOK_DIR/ima-carry.shutdown kexec"
	[ "$mode" = after ] && after=$AFTER

	e2e_hop 1 <<GUEST
e2e_snapshot boot1
if kexec --ima-carry -l /next/Image --initrd /next/initrd --reuse-cmdline \
	>/run/kexec.out 2>&1; then
	e2e_val kexec.load ok
else
	cat /run/kexec.out
	e2e_val kexec.load failed
fi
e2e_val load.count "\$(cat \$IMA/runtime_measurements_count)"
e2e_val record \$(ls /run/ima-carry)
# Services stopping after the load read new files (ramfs is measured).
mkdir -p /late
for i in \$(seq $LATE); do
	echo "late \$i" >/late/f\$i
	cat /late/f\$i >/dev/null
done
e2e_val late.count "\$(cat \$IMA/runtime_measurements_count)"
rc=0
$hook || rc=\$?
e2e_val hook.rc \$rc
e2e_val hook.log "\$(dmesg | sed -n 's/.*\(ima-carry: .*\)/\1/p' | tail -n1)"
e2e_val hook.count "\$(cat \$IMA/runtime_measurements_count)"
# What the hook cannot close: measured after its last read.
for i in \$(seq $after); do
	echo "after \$i" >/late/a\$i
	cat /late/a\$i >/dev/null
done
e2e_snapshot preexec1
kexec -e
e2e_val kexec.exec failed
GUEST
	e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
GUEST
	mkdir -p "$W/hop1.files$HOOK_DIR" "$W/hop1.files/bin"
	cp "$HOOK_SRC" "$W/hop1.files$HOOK_DIR/ima-carry.shutdown"
	chmod 755 "$W/hop1.files$HOOK_DIR/ima-carry.shutdown"
	cp "$E2E_BASH" "$W/hop1.files/bin/bash"
	e2e_run
	e2e_hops_done 2
	[ "$(e2e_val kexec.load)" = ok ] ||
		e2e_fail "kexec --ima-carry -l failed in boot 1"
	[ "$(e2e_val record)" = "argv initrd kernel" ] ||
		e2e_fail "kexec did not record the load: /run/ima-carry has" \
			"'$(e2e_val record)'"
	e2e_get preexec1.list "$W/preexec1.bin"
	e2e_get boot2.list "$W/boot2.bin"
	e2e_pcrs boot2.pcr "$W/boot2.pcrs"
	# The harness is sound: the list at the jump replays to PCR 10 there.
	e2e_verify_host preexec1
	load=$(e2e_val load.count)
	late=$(e2e_val late.count)
	jump=$(e2e_val preexec1.count)
	[ "$late" -ge $((load + LATE)) ] ||
		e2e_fail "the late files were not measured ($load -> $late)"
}

# late_verify2: ima-carry verify of boot 2's list; sets rc and out.
late_verify2() {
	rc=0
	"$E2E_HOST_TOOL" verify --pcrs "$W/boot2.pcrs" "$W/boot2.bin" \
		>"$W/verify2.out" 2>&1 || rc=$?
	out=$(cat "$W/verify2.out")
}

# late_missing: verify must fail and name the missing measurements.
late_missing() {
	late_verify2
	[ "$rc" = 1 ] ||
		e2e_fail "boot 2 should mismatch (verify exit 1), got $rc: $out"
	grep -q 'missing measurements' "$W/verify2.out" ||
		e2e_fail "verify did not name the missing measurements: $out"
	grep -q 'ima-carry.shutdown' "$W/verify2.out" ||
		e2e_fail "verify did not name the shutdown hook: $out"
}

E2E_NEED_CARRY=1 e2e_init late-hook
E2E_NEED_CARRY=1 e2e_setup 6.1
E2E_BASH=$(late_bash)
[ -x "$E2E_BASH" ] || e2e_skip "no bash-static for the guest"

late_run hook
[ "$(e2e_val hook.rc)" = 0 ] ||
	e2e_fail "the hook failed ($(e2e_val hook.rc)): $(e2e_val hook.log)"
log=$(e2e_val hook.log)
hook_n=$(echo "$log" | sed -n 's/.*reloaded kexec image with \([0-9]*\) measurements.*/\1/p')
tries=$(echo "$log" | sed -n 's/.*(\([0-9]*\) tr[a-z]*)$/\1/p')
[ -n "$hook_n" ] || e2e_fail "no hook line in boot 1's kernel log: '$log'"
[ "$hook_n" -ge "$late" ] ||
	e2e_fail "the hook carried $hook_n measurements, fewer than $late"
[ "$jump" = "$hook_n" ] ||
	e2e_fail "measured between the hook and kexec -e: $hook_n -> $jump"
e2e_check_carry preexec1 boot2
e2e_story "hook: loaded with $load measurements, $((late - load)) late;" \
	"the hook reloaded with $hook_n (tries: $tries): boot 2 replays to PCR 10"
hook_line=$log

late_run none
late_missing
e2e_story "no hook: $((jump - load)) measurements after the load are missing;" \
	"verify: $(grep -m1 'missing' "$W/verify2.out")"
none_missing=$((jump - load))

late_run after
[ "$(e2e_val hook.rc)" = 0 ] || e2e_fail "the hook failed: $(e2e_val hook.log)"
hook_after=$(e2e_val hook.count)
[ "$jump" -ge $((hook_after + AFTER)) ] ||
	e2e_fail "the files after the hook were not measured"
late_missing
e2e_story "after the hook: $((jump - hook_after)) measurements after its" \
	"last read are missing, as documented"

E2E_NAME=late-hook
e2e_pass "hook: '$hook_line', replay = PCR 10; without it $none_missing" \
	"missing and diagnosed; after it $((jump - hook_after)) missing" \
	"($(e2e_secs) s for the last run)"
