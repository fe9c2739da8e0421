#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# corrupt.sh - scenario 4: a bad-CRC blob, then a lying-length one; no panic.
#
# The host packs a small list and damages it twice: a flipped payload byte
# (payload CRC), and a payload_len larger than the property with a valid
# header CRC (so only the length check can catch it).  The guest injects the
# good blob into its own DTB with `ima-carry inject`, damages it there, and
# jumps with `kexec --dtb`.
# Each next kernel must log one error line, boot on, and start a fresh list.
. "$(dirname "$0")/lib.sh"
e2e_init corrupt
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1
command -v python3 >/dev/null || e2e_skip "python3 is missing"
command -v fdtget >/dev/null || e2e_skip "fdtget is missing (device-tree-compiler)"

python3 "$E2E_TOP/tests/gen/imagen.py" --count 40 --seed 4 -o "$W/list" ||
	e2e_fail "imagen.py failed"
"$E2E_HOST_TOOL" -q pack -o "$W/good.blob" "$W/list" >/dev/null ||
	e2e_fail "ima-carry pack failed"
# ima-carry inject checks the blob it is given, so the guest injects the good
# blob and then overwrites bytes of it in place: /e2e/patch.bin at offset
# /e2e/patch.off from the blob's start.
mkdir -p "$W/hop1.files/e2e" "$W/hop2.files/e2e"
cp "$W/good.blob" "$W/hop1.files/e2e/good.blob"
cp "$W/good.blob" "$W/hop2.files/e2e/good.blob"
python3 - "$W/good.blob" "$W/hop1.files/e2e" "$W/hop2.files/e2e" <<'PY'
# Header layout: docs/FORMAT.md section 3 (payload_len at 32, hdr_crc at 44).
import struct, sys, zlib
good = bytes(open(sys.argv[1], "rb").read())
def out(d, off, data, whole):
    open(d + "/patch.off", "w").write("%d\n" % off)
    open(d + "/patch.bin", "wb").write(data)
    open(d + "/bad.blob", "wb").write(whole)
# A flipped last payload byte: the payload CRC no longer matches.
crc = bytearray(good)
crc[-1] ^= 0x01
out(sys.argv[2], len(good) - 1, bytes(crc[-1:]), crc)
# payload_len 4 KiB longer than the property, with a valid header CRC.
lie = bytearray(good)
struct.pack_into("<Q", lie, 32, struct.unpack_from("<Q", lie, 32)[0] + 4096)
struct.pack_into("<I", lie, 44, zlib.crc32(bytes(lie[:44])))
out(sys.argv[3], 32, bytes(lie[32:48]), lie)
PY
for h in 1 2; do
	"$E2E_HOST_TOOL" check "$W/hop$h.files/e2e/bad.blob" >/dev/null 2>&1 &&
		e2e_fail "corrupt blob $h passes ima-carry check: the test is vacuous"
	rm "$W/hop$h.files/e2e/bad.blob"
done

for h in 1 2; do
	e2e_hop "$h" <<'GUEST'
e2e_snapshot boot$hop
e2e_dmesg dmesg$hop
e2e_chosen chosen$hop
rc=0
ima-carry inject --blob /e2e/good.blob -o /run/next.dtb /sys/firmware/fdt || rc=$?
off=$(xxd -p /run/next.dtb | tr -d '\n' |
	awk '{ i = index($0, "494d414341525259"); print (i % 2) ? (i - 1) / 2 : -1 }')
[ "$off" -ge 0 ] || rc=99
dd if=/e2e/patch.bin of=/run/next.dtb bs=1 seek=$((off + $(cat /e2e/patch.off))) \
	conv=notrunc 2>/dev/null || rc=98
e2e_val inject$hop "$rc"
e2e_kexec --dtb /run/next.dtb
GUEST
done
e2e_hop 3 <<'GUEST'
e2e_snapshot boot3
e2e_dmesg dmesg3
e2e_chosen chosen3
GUEST
e2e_run
e2e_hops_done 3

what=([2]="bad payload CRC" [3]="lying payload_len")
for h in 2 3; do
	p=$((h - 1))
	[ "$(e2e_val "inject$p")" = 0 ] || e2e_fail "ima-carry inject failed in boot $p"
	e2e_fdt_chosen "chosen$h" >"$W/chosen$h.props"
	grep -qx linux,ima-carry "$W/chosen$h.props" ||
		e2e_fail "boot $h's DTB has no linux,ima-carry: kexec --dtb dropped it"
	e2e_get "dmesg$h" "$W/dmesg$h"
	grep -E '^<[0-3]>.*(ima|IMA)[:_ -]' "$W/dmesg$h" >"$W/err$h" || true
	[ "$(wc -l <"$W/err$h")" -eq 1 ] ||
		e2e_fail "boot $h (${what[$h]}) logged $(wc -l <"$W/err$h") IMA error" \
			"lines, expected one: $(cat "$W/err$h")"
	e2e_get "boot$h.list" "$W/boot$h.bin"
	e2e_get "preexec$p.list" "$W/preexec$p.bin"
	cmp -s -n "$(stat -c %s "$W/preexec$p.bin")" "$W/preexec$p.bin" \
		"$W/boot$h.bin" && e2e_fail "boot $h imported a corrupt blob"
	# Fresh, and consistent with the TPM: boot h-1's PCR 10 at the jump
	# plus boot h's list gives the TPM's value.
	e2e_pcrs "preexec$p.pcr" "$W/preexec$p.pcrs"
	e2e_pcrs "boot$h.pcr" "$W/boot$h.pcrs"
	args=()
	while read -r alg pcr hex; do
		args+=(--bank "$alg" --initial "$alg:$pcr:$hex")
	done <"$W/preexec$p.pcrs"
	"$E2E_HOST_TOOL" replay --pcr 10 "${args[@]}" "$W/boot$h.bin" \
		>"$W/replay$h" || e2e_fail "ima-carry replay failed"
	diff <(sort "$W/replay$h") <(sort "$W/boot$h.pcrs") >/dev/null ||
		e2e_fail "boot $h: PCR 10 is not boot $p's plus boot $h's fresh list"
	e2e_story "${what[$h]}: $(sed 's/^<[0-9]*>\[[^]]*\] *//' "$W/err$h"); fresh list of" \
		"$(e2e_val "boot$h.count") entries"
done
e2e_pass "both corrupt blobs refused with one error line each; no panic;" \
	"fresh lists ($(e2e_secs) s)"
