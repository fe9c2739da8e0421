#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# errors.sh - ima-carry check, and every error path: one line, file, offset, exit 1
. "$top_srcdir/tests/tool/lib.sh"

gen l --count 30 --violations 0
gen be --count 5 --big-endian
gen legacy --template ima --count 3
: >"$T/empty.bin"

# An independent writer of docs/FORMAT.md blobs, to corrupt one field at a
# time with the CRCs still right, so that each later check is reached.
cat >"$T/mkblob.py" <<'PY'
import struct, sys, zlib
src, out = sys.argv[1], sys.argv[2]
opts = dict(a.split("=") for a in sys.argv[3:])
lst = open(src, "rb").read()
count = int(opts.get("count", -1))
inner_count = int(opts.get("inner_count", count))
raw = struct.pack("<HHIQQ", 1, 0, 0, 24 + len(lst), inner_count) + lst
payload = zlib.compress(raw) if opts.get("zlib", "1") == "1" else raw
flags = int(opts.get("flags", "1" if opts.get("zlib", "1") == "1" else "0"), 0)
f = {"version": 1, "hdr_size": 48, "flags": flags, "count": count,
     "raw_len": len(raw), "payload_len": len(payload)}
for k in f:
    if k in opts:
        f[k] = int(opts[k], 0)
payload += bytes.fromhex(opts.get("append", ""))
pcrc = zlib.crc32(payload) if "payload_crc" not in opts else int(opts["payload_crc"], 0)
hdr = b"IMACARRY" + struct.pack("<HHIQQQI", f["version"], f["hdr_size"],
    f["flags"], f["count"], f["raw_len"], f["payload_len"], pcrc)
hdr += struct.pack("<I", zlib.crc32(hdr) ^ int(opts.get("hdr_crc_xor", "0"), 0))
open(out, "wb").write(hdr + payload)
PY
mkblob() {
	python3 "$T/mkblob.py" "$@" || { echo "ERROR: mkblob" >&2; exit 99; }
}
dts base '/dts-v1/; / { chosen { bootargs = "x"; }; };'

# The independent writer and the tool agree on a stored blob, byte for byte.
mkblob "$T/l.bin" "$T/ind.blob" count=30 zlib=0
run 0 "$IC" pack -q --no-compress -o "$T/tool.blob" "$T/l.bin" &&
	same "$T/tool.blob" "$T/ind.blob" "pack --no-compress vs. FORMAT.md"
mkblob "$T/l.bin" "$T/indz.blob" count=30
run 0 "$IC" dump "$T/indz.blob" && same "$T/out" "$T/l.ascii" "an independent zlib blob"

# check: one ok line per kind.
run 0 "$IC" check "$T/l.bin" && {
	out_has "$T/l.bin: ok: 30 entries, 20-byte digests, little-endian, $(wc -c <"$T/l.bin") bytes"
	[ "$(wc -l <"$T/out")" -eq 1 ] || fail "check printed more than one line"
}
run 0 "$IC" check "$T/be.bin" && out_has "ok: 5 entries, 20-byte digests, big-endian"
run 0 "$IC" check "$T/indz.blob" && out_has "$T/indz.blob: ok: 30 entries, 20-byte digests, little-endian, zlib blob v1 at offset 0"
run 0 "$IC" inject --blob "$T/indz.blob" -o "$T/ok.dtb" "$T/base.dtb"
run 0 "$IC" check "$T/ok.dtb" && out_has ", in /chosen/linux,ima-carry"
run 0 "$IC" check "$T/empty.bin" && out_has "$T/empty.bin: ok: 0 entries"
run 0 "$IC" check "$T/legacy.bin" && out_has "3 legacy 'ima' entries cannot be carried"
run 0 "$IC" check - <"$T/l.bin" && out_has "<stdin>: ok: 30 entries"
run 0 "$IC" -q check "$T/l.bin" && [ ! -s "$T/out" ] || fail "-q check printed"

# bad NAME 'TEXT' FILE: every reader refuses FILE with one line naming it,
# with TEXT; writers leave nothing behind.
bad() {
	name=$1 text=$2 f=$3
	for cmd in check dump replay; do
		run 1 "$IC" $cmd "$f" || continue
		err_has "$f: "
		err_has "$text"
		err_lines 1
	done
	run 1 "$IC" inject --blob "$f" -o "$T/out.dtb" "$T/base.dtb" && err_has "$f: "
	absent "$T/out.dtb"
	run 1 "$IC" pack -o "$T/out.blob" "$f" && err_has "$f: "
	absent "$T/out.blob"
}

# Blobs: each header check, in the reader's order, with an offset.
b="$T/b"
mkblob "$T/l.bin" $b.version count=30 version=2
bad version "offset 8: unknown format version" $b.version
mkblob "$T/l.bin" $b.hdrsize count=30 hdr_size=40
bad hdrsize "offset 10: wrong blob header size" $b.hdrsize
mkblob "$T/l.bin" $b.flags count=30 flags=5
bad flags "offset 12: unknown blob flag bits" $b.flags
mkblob "$T/l.bin" $b.hdrcrc count=30 hdr_crc_xor=1
bad hdrcrc "offset 44: blob header CRC-32 mismatch" $b.hdrcrc
mkblob "$T/l.bin" $b.crc count=30 payload_crc=0x12345678
bad crc "offset 40: blob payload CRC-32 mismatch" $b.crc
mkblob "$T/l.bin" $b.trailing count=30 append=00
bad trailing "$b.trailing: offset" $b.trailing
mkblob "$T/l.bin" $b.toobig count=30 raw_len=0x20000000 zlib=0
bad toobig "offset" $b.toobig
mkblob "$T/l.bin" $b.bomb count=30 raw_len=0x1000000
bad bomb "offset" $b.bomb
mkblob "$T/l.bin" $b.count count=31
bad count "entry count disagrees with the header" $b.count
mkblob "$T/l.bin" $b.inner count=30 inner_count=29
bad inner "entry count disagrees with the header" $b.inner
mkblob "$T/l.bin" $b.be count=30 flags=3
bad be "$b.be: " $b.be
head -c 47 "$T/indz.blob" >$b.short
bad short "$b.short: " $b.short
head -c $(($(wc -c <"$T/indz.blob") - 1)) "$T/indz.blob" >$b.cut
bad cut "$b.cut: offset " $b.cut
# The inner struct ima_kexec_hdr of a deflated payload: its offsets count
# in the payload, never in the file (offset 8 there is the blob's version).
C="$top_srcdir/tests/corpus/blob"
bad innerversion "$C/inner-version: offset 0 in the carried payload: unknown format version" "$C/inner-version"
bad innersize "$C/inner-buffer-size: offset 8 in the carried payload: impossible length field" "$C/inner-buffer-size"
bad innersize4g "$C/inner-buffer-size-4g: offset 8 in the carried payload: impossible length field" "$C/inner-buffer-size-4g"
bad innerorder "$C/byte-order-lie: offset 0 in the carried payload: unknown format version" "$C/byte-order-lie"
# A carried list with a broken record: the offset counts in that list.
head -c 2000 "$T/l.bin" >"$T/cut.bin"
mkblob "$T/cut.bin" $b.list count=17
bad list "in the carried list, entry " $b.list
# A legacy list inside a blob dumps, but is refused by inject and pack.
mkblob "$T/legacy.bin" $b.legacy count=3
run 0 "$IC" dump $b.legacy && same "$T/out" "$T/legacy.ascii" "dump of a legacy blob"
run 1 "$IC" inject --blob $b.legacy -o "$T/out.dtb" "$T/base.dtb" &&
	err_has "$b.legacy: offset 0 in the carried list, entry 0: 'ima' template"
absent "$T/out.dtb"

# Lists: a record's fault names its offset and entry.
off=$(entry_offset "$T/l.bin" 3)
cp "$T/l.bin" "$T/pcr.bin" && poke "$T/pcr.bin" "$off" 18000000
bad pcr "$T/pcr.bin: offset $off, entry 3: PCR index out of range (0..23)" "$T/pcr.bin"
cp "$T/l.bin" "$T/name.bin" && poke "$T/name.bin" $((off + 24)) 45000000
bad namelen "entry 3: template name empty or over 68 bytes" "$T/name.bin"
cp "$T/l.bin" "$T/huge.bin" && poke "$T/huge.bin" $((off + 34)) ffffffff
bad huge "entry 3: " "$T/huge.bin"
head -c $((off + 10)) "$T/l.bin" >"$T/trunc.bin"
bad trunc "entry 3: record or field runs past the end" "$T/trunc.bin"
printf 'this is not a list\n' >"$T/text.bin"
bad text "$T/text.bin: offset 0" "$T/text.bin"

# Device trees: no carrier, a broken tree, a broken blob inside.
run 1 "$IC" check "$T/base.dtb" && err_has "$T/base.dtb: no linux,ima-carry property"
run 1 "$IC" extract -o "$T/x.blob" "$T/base.dtb" && err_has "no linux,ima-carry"
absent "$T/x.blob"
head -c 40 "$T/ok.dtb" >"$T/cut.dtb"
run 1 "$IC" check "$T/cut.dtb" && err_has "$T/cut.dtb: invalid device tree"
run 1 "$IC" inject --blob "$T/indz.blob" -o "$T/x.dtb" "$T/cut.dtb" &&
	err_has "$T/cut.dtb: "
absent "$T/x.dtb"
run 1 "$IC" inject --blob "$T/indz.blob" -o "$T/x.dtb" "$T/l.bin" &&
	err_has "$T/l.bin: not a device tree blob"
absent "$T/x.dtb"
run 1 "$IC" extract -o "$T/x.blob" "$T/indz.blob" &&
	err_has "$T/indz.blob: not a device tree blob"
absent "$T/x.blob"
# A DTB whose blob has a bad header CRC: the offset in the file, and in
# the property. dtc writes the bytes as they are.
hex=$(od -An -v -tx1 $b.hdrcrc | tr -s ' \n' ' ')
dts badblob "/dts-v1/; / { chosen { linux,ima-carry = [$hex]; }; };"
pos=$(python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
print(d.index(b"IMACARRY"))' "$T/badblob.dtb")
for cmd in check dump replay; do
	run 1 "$IC" $cmd "$T/badblob.dtb" &&
		err_has "$T/badblob.dtb: offset $((pos + 44)) (linux,ima-carry + 44): blob header CRC-32 mismatch"
done
run 1 "$IC" extract -o "$T/x.blob" "$T/badblob.dtb" && err_has "CRC-32"
absent "$T/x.blob"
run 1 "$IC" extract --list -o "$T/x.bin" "$T/badblob.dtb"
absent "$T/x.bin"
run 1 "$IC" dump --header "$T/badblob.dtb" &&
	out_has "# check: offset $((pos + 44)): blob header CRC-32 mismatch"
# A failed extract keeps an older OUT.
echo keep >"$T/keep"
run 1 "$IC" extract -o "$T/keep" "$T/badblob.dtb" && [ "$(cat "$T/keep")" = keep ] ||
	fail "a failed extract touched OUT"
no_temps "$T/keep"

finish
