#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# dump.sh - ima-carry dump: the kernel's ascii byte for byte, --json, --header, live
. "$top_srcdir/tests/tool/lib.sh"

# Every template, violations, custom formats, 'ima', all digest sizes and
# both byte orders, as the independent generator renders them.
python3 "$GEN" --fixtures "$T/fx" || exit 99
n=0
while read -r stem size be; do
	n=$((n + 1))
	run 0 "$IC" dump "$T/fx/$stem.bin" &&
		same "$T/out" "$T/fx/$stem.ascii" "dump $stem"
	run 0 "$IC" dump --digest-size "$size" "$T/fx/$stem.bin" &&
		same "$T/out" "$T/fx/$stem.ascii" "dump --digest-size $size $stem"
	# --json is one valid document with every entry.
	run 0 "$IC" dump --json "$T/fx/$stem.bin" &&
		python3 - "$T/out" "$T/fx/$stem.ascii" "$size" "$be" <<'PY' ||
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
lines = open(sys.argv[2], "rb").read().splitlines()
assert doc["count"] == len(lines) == len(doc["entries"]), "count"
assert doc["digest_size"] == int(sys.argv[3]), "digest_size"
assert doc["byte_order"] == ("big-endian" if sys.argv[4] == "1" else "little-endian")
for i, (e, l) in enumerate(zip(doc["entries"], lines)):
    w = l.lstrip(b" ").split(b" ")
    assert e["index"] == i
    assert int(w[0]) == e["pcr"], (i, "pcr")
    assert w[1].decode() == e["digest"], (i, "digest")
    assert w[2].decode() == e["template"], (i, "template")
    assert len(e["fields"]) == len(w) - 3 or e["template"] == "ima", (i, "fields")
    # d-ng/n-ng render like the ascii file, and a violation is all zero.
    if "d-ng" in e["fields"]:
        assert e["fields"]["d-ng"].encode() in w, (i, "d-ng")
    if "n-ng" in e["fields"] and " " not in e["fields"]["n-ng"]:
        assert e["fields"]["n-ng"].encode("utf-8", "replace") in l, (i, "n-ng")
    assert e["violation"] == (set(e["digest"]) == {"0"}), (i, "violation")
PY
		fail "dump --json $stem"
	checks=$((checks + 1))
done <"$T/fx/INDEX"
[ "$n" -ge 16 ] || fail "only $n fixtures"

# Standard input.
run 0 "$IC" dump - <"$T/fx/mixed-32-be.bin" &&
	same "$T/out" "$T/fx/mixed-32-be.ascii" "dump -"

# The live list, through a fake securityfs.
gen live --count 200
securityfs "$T/sfs" live
IMACARRY_SECURITYFS="$T/sfs" run 0 "$IC" dump &&
	same "$T/out" "$T/sfs/ima/ascii_runtime_measurements" "dump (live)"
IMACARRY_SECURITYFS="$T/sfs" run 0 "$IC" dump --json && out_has '"kind":"live"'
# A missing securityfs names the file it wanted.
IMACARRY_SECURITYFS="$T/nowhere" run 1 "$IC" dump &&
	err_has "$T/nowhere/ima/binary_runtime_measurements"

# A blob and a DTB dump their carried list; --header shows the header first.
run 0 "$IC" pack -q -o "$T/live.blob" "$T/live.bin"
dts base '/dts-v1/; / { chosen { bootargs = "console=ttyAMA0"; }; };'
run 0 "$IC" inject --blob "$T/live.blob" -o "$T/live.dtb" "$T/base.dtb"
for f in live.blob live.dtb; do
	run 0 "$IC" dump "$T/$f" && same "$T/out" "$T/live.ascii" "dump $f"
	run 0 "$IC" dump --header "$T/$f" || continue
	out_has "# version: 1"
	out_has "# hdr_size: 48"
	out_has "# flags: 0x1 zlib"
	out_has "# count: 200"
	out_has "# check: ok (hdr_crc ok, payload_crc ok)"
	grep -v '^#' "$T/out" >"$T/body"
	same "$T/body" "$T/live.ascii" "dump --header $f entries"
	run 0 "$IC" dump --json --header "$T/$f" &&
		python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
h = d["header"]
assert h["version"] == 1 and h["count"] == 200 and h["zlib"] and h["check"] == "ok"
assert d["count"] == 200
' "$T/out" || fail "dump --json --header $f"
done
run 0 "$IC" dump --header "$T/live.dtb" && out_has "# /chosen/linux,ima-carry:"
run 0 "$IC" dump --header "$T/live.bin" && out_has "no carry header"

# A blob with a bad payload CRC: --header still shows the header and says why;
# the dump fails, naming the file and the offset.
cp "$T/live.blob" "$T/badcrc.blob"
poke "$T/badcrc.blob" 60 ff
run 1 "$IC" dump --header "$T/badcrc.blob" && {
	out_has "# count: 200"
	out_has "# check: offset"
	err_has "$T/badcrc.blob: offset"
	err_lines 1
}

# A line longer than any first guess (an 8 KiB ima-buf): the line buffer
# grows; the generator renders it independently.
python3 - "$T/long.bin" <<'PY'
import hashlib, struct, sys
def field(b):
    return struct.pack("<I", len(b)) + b
d = b"sha256:\0" + hashlib.sha256(b"x").digest()
data = field(d) + field(b"kexec-cmdline\0") + field(bytes(range(256)) * 32)
rec = (struct.pack("<I", 10) + hashlib.sha1(data).digest() +
       field(b"ima-buf") + field(data))
open(sys.argv[1], "wb").write(rec * 3)
PY
python3 "$GEN" --render "$T/long.bin" --expect-ascii "$T/long.ascii" || exit 99
run 0 "$IC" dump "$T/long.bin" && same "$T/out" "$T/long.ascii" "dump of long lines"

# JSON escapes names: quotes, backslashes, control bytes and invalid UTF-8.
python3 - "$T/odd.bin" <<'PY'
import hashlib, struct, sys
def rec(name):
    d = b"sha256:\0" + bytes(32)
    data = struct.pack("<I", len(d)) + d + struct.pack("<I", len(name) + 1) + name + b"\0"
    return (struct.pack("<I", 10) + hashlib.sha1(data).digest() +
            struct.pack("<I", 6) + b"ima-ng" + struct.pack("<I", len(data)) + data)
open(sys.argv[1], "wb").write(rec(b'/a "q" \\b\x01\x7f\xff\xc3\xa9'))
PY
run 0 "$IC" dump --json "$T/odd.bin" &&
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["entries"][0]["fields"]["n-ng"] == "/a \"q\" \\b\x01\x7f\ufffd\u00e9", d
' "$T/out" || fail "dump --json escaping"
checks=$((checks + 1))

# The two cases the ascii and JSON dumps once decided apart, now by the
# kernel's rules for both: a d-ng prefix without its NUL runs on into the
# digest, the byte after the ':' skipped; a ':' last shows the field in hex
# (kernel-patch 0005); an iuid of an odd size shows nothing, "" in JSON.
python3 - "$T/disputed.bin" <<'PY'
import struct, sys
def rec(*fields):
    data = b"".join(struct.pack("<I", len(f)) + f for f in fields)
    name = b"d-ng|iuid"
    return (struct.pack("<I", 10) + bytes([0x11]) * 20 +
            struct.pack("<I", len(name)) + name + struct.pack("<I", len(data)) + data)
open(sys.argv[1], "wb").write(rec(b"sha1:ABC", b"\x01\x02\x03") +
                              rec(b"sha1:", b"\xe8\x03\0\0"))
PY
printf '10 %s d-ng|iuid sha1:ABC4243 \n10 %s d-ng|iuid 736861313a 1000\n' \
	1111111111111111111111111111111111111111 \
	1111111111111111111111111111111111111111 >"$T/disputed.ascii"
run 0 "$IC" dump "$T/disputed.bin" &&
	same "$T/out" "$T/disputed.ascii" "dump of the disputed fields"
run 0 "$IC" dump --json "$T/disputed.bin" &&
	python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))["entries"]
assert e[0]["fields"] == {"d-ng": "sha1:ABC4243", "iuid": ""}, e
assert e[1]["fields"] == {"d-ng": "736861313a", "iuid": 1000}, e
' "$T/out" || fail "dump --json of the disputed fields"
checks=$((checks + 1))

finish
