#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# roundtrip.sh - argv recorded by libimacarry comes back to kexec unchanged
# (spaces, empty words, newlines, both --initrd forms), and the reload's own
# record replaces the old one in place.
. "$(dirname "$0")/lib.sh"
sd_setup

REC=$top_builddir/tests/shutdown/record-load
[ -x "$REC" ] || { echo "FAIL: $REC not built"; exit 1; }

mkdir "$T/boot dir"
printf 'kernel image\n' >"$T/boot dir/vmlinuz 6.1"
printf 'initrd image\n' >"$T/boot dir/initrd.img"
kernel="$T/boot dir/vmlinuz 6.1"
initrd="$T/boot dir/initrd.img"

# The fake kexec records itself again, as kexec --ima-carry -l does.
cat >"$T/bin/kexec-rec" <<FAKE
#!/bin/bash
printf '%s\\0' "\$@" >>"\$FAKE_DIR/seen"
exec "$REC" "\$IMACARRY_RUNDIR" "$RUNDIR/kernel" "$RUNDIR/initrd" kexec "\$@"
FAKE
chmod +x "$T/bin/kexec-rec"

check_form() {
	local name=$1
	shift
	local -a load=("$@") want=() got=()
	local a skip=

	rm -rf "$RUNDIR" "$T/seen"
	"$REC" "$RUNDIR" "$kernel" "$initrd" kexec "${load[@]}" ||
		{ check "$name: recorded" 0 1; return; }
	check "$name: rundir is 0700" 700 "$(stat -c %a "$RUNDIR")"
	check "$name: kernel copied" "kernel image" "$(cat "$RUNDIR/kernel")"
	check "$name: initrd copied" "initrd image" "$(cat "$RUNDIR/initrd")"
	for a in "${load[@]}"; do
		if [ -n "$skip" ]; then
			want+=("$RUNDIR/initrd")
			skip=
			continue
		fi
		case $a in
		"$kernel") want+=("$RUNDIR/kernel") ;;
		--initrd=*) want+=("--initrd=$RUNDIR/initrd") ;;
		--ramdisk=*) want+=("--ramdisk=$RUNDIR/initrd") ;;
		--initrd | --ramdisk) want+=("$a"); skip=1 ;;
		*) want+=("$a") ;;
		esac
	done

	SD_KEXEC=$T/bin/kexec-rec sd_hook kexec
	check "$name: hook exit 0" 0 "$rc"
	mapfile -d '' -t got <"$T/seen"
	check "$name: word count" "${#want[@]}" "${#got[@]}"
	check "$name: words" "$(printf '[%s]' "${want[@]}")" \
		"$(printf '[%s]' "${got[@]}")"
	# The reload recorded the same thing over the old record.
	check "$name: record stable across the reload" \
		"$(printf '%s\0' "${want[@]}" | od -c)" "$(od -c <"$RUNDIR/argv")"
	check "$name: kernel still there" "kernel image" \
		"$(cat "$RUNDIR/kernel")"
	check "$name: no temporary left" "ima-carry" "$(ls "$T/run")"
}

check_form "--initrd=" --ima-carry -l "$kernel" "--initrd=$initrd" \
	"--append=root=/dev/vda  console=ttyAMA0 quiet  " ""
check_form "--initrd F" --ima-carry --initrd "$initrd" -l "$kernel" \
	--append "a b" "--command-line=x"$'\n'"y"
check_form "--ramdisk=" -l --ima-carry "--ramdisk=$initrd" "$kernel" \
	--reuse-cmdline
check_form "--ramdisk F" --ramdisk "$initrd" --ima-carry -l "$kernel"

finish
