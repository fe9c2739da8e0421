#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# gen-corpus.py - regenerate the hostile corpus (lists, blobs, DTBs) and EXPECTED
#
# Usage: tests/corpus/gen-corpus.py [DIR]   (default: the directory of this script)
#
# Every file is built here from first principles (struct, zlib, dtc), not with
# libimacarry, so the corpus checks the library instead of agreeing with it.
# The output is deterministic: rerunning must leave `git status` clean.
import os
import struct
import subprocess
import sys
import tempfile
import zlib

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__))
expected = []  # (path, kind, error)


def emit(kind, name, data, err):
    path = f"{kind}/{name}"
    os.makedirs(os.path.join(OUT, kind), exist_ok=True)
    with open(os.path.join(OUT, path), "wb") as f:
        f.write(data)
    expected.append((path, kind, err))


# ---- lists: the SHA-1 binary_runtime_measurements framing, little-endian ----

def u32(v):
    return struct.pack("<I", v & 0xFFFFFFFF)


def field(b):
    return u32(len(b)) + b


def ng_data(path, seed):
    digest = bytes((seed * 31 + i) & 0xFF for i in range(32))
    return field(b"sha256:\0" + digest) + field(path.encode() + b"\0")


def record(data, name=b"ima-ng", pcr=10, digest=None):
    import hashlib
    if digest is None:
        digest = hashlib.sha1(data).digest()
    return u32(pcr) + digest + u32(len(name)) + name + u32(len(data)) + data


def good(n=3):
    return b"".join(record(ng_data(f"/usr/bin/tool{i}", i)) for i in range(n))


ONE = record(ng_data("/usr/bin/true", 7))
D20 = bytes(range(20))

emit("list", "ok-ima-ng", good(), "OK")
emit("list", "ok-empty", b"", "OK")
emit("list", "ok-violation", record(ng_data("/etc/shadow", 1), digest=bytes(20)), "OK")
emit("list", "ok-custom-format", record(field(b"sha256:\0" + bytes(32)) + field(b"/x\0") + field(b""),
                                        name=b"d-ng|n-ng|sig"), "OK")
# Truncated at every field of the first record.
emit("list", "trunc-pcr", ONE[:2], "TRUNCATED")
emit("list", "trunc-digest", ONE[:4 + 10], "TRUNCATED")
emit("list", "trunc-name-len", ONE[:4 + 20 + 2], "TRUNCATED")
emit("list", "trunc-name", ONE[:4 + 20 + 4 + 3], "TRUNCATED")
emit("list", "trunc-data-len", ONE[:4 + 20 + 4 + 6 + 2], "TRUNCATED")
emit("list", "trunc-data", ONE[:-5], "TRUNCATED")
emit("list", "trunc-second-record", good(2) + ONE[:40], "TRUNCATED")
# Lengths past the end, and 4 GiB lengths.
emit("list", "data-len-past-end", ONE[:34] + u32(len(ONE) - 34 - 4 + 1) + ONE[38:], "TRUNCATED")
emit("list", "data-len-4g", ONE[:34] + u32(0xFFFFFFFF) + ONE[38:], "TRUNCATED")
emit("list", "name-len-4g", ONE[:24] + u32(0xFFFFFFFF) + ONE[28:], "NAMELEN")
emit("list", "name-len-69", record(ng_data("/a", 1), name=b"d-ng|" * 13 + b"n-ng"), "NAMELEN")
emit("list", "name-len-0", record(ng_data("/a", 1), name=b""), "NAMELEN")
emit("list", "pcr-24", record(ng_data("/a", 1), pcr=24), "PCR")
emit("list", "pcr-4g", record(ng_data("/a", 1), pcr=0xFFFFFFFF), "PCR")
emit("list", "unknown-template", record(ng_data("/a", 1), name=b"ima-foo"), "TEMPLATE")
emit("list", "unknown-field-id", record(ng_data("/a", 1), name=b"d-ng|xyz"), "TEMPLATE")
emit("list", "fields-missing", record(field(b"sha256:\0" + bytes(32))), "FIELDS")
emit("list", "fields-extra", record(ng_data("/a", 1) + field(b"x")), "FIELDS")
emit("list", "field-len-past-data", record(field(b"sha256:\0" + bytes(32)) + u32(100) + b"/a\0"), "BADLEN")
emit("list", "field-len-4g", record(field(b"sha256:\0" + bytes(32)) + u32(0xFFFFFFFF) + b"/a\0"), "BADLEN")
emit("list", "field-len-short", record(field(b"sha256:\0" + bytes(32)) + b"\x01\x00"), "FIELDS")
# The kernel can't restore 'ima' entries: carrying them is refused.
emit("list", "legacy-ima", good(1) + u32(10) + D20 + u32(3) + b"ima" + D20 + u32(5) + b"/init",
     "LEGACY_IMA")


# ---- blobs: docs/FORMAT.md section 3 ----

MAGIC = b"IMACARRY"
F_ZLIB, F_BE = 1, 2


def kexec_hdr(raw_len, count, version=1):
    return struct.pack("<HHIQQ", version, 0, 0, raw_len, count)


def blob(lst=None, count=3, compress=True, raw=None, payload=None, **over):
    """Builds a blob; keyword overrides rewrite header fields (CRCs follow
    unless given too)."""
    if lst is None:
        lst = good()
    if raw is None:
        raw = kexec_hdr(24 + len(lst), count) + lst
    if payload is None:
        payload = zlib.compress(raw, 6) if compress else raw
    h = dict(magic=MAGIC, version=1, hdr_size=48, flags=F_ZLIB if compress else 0,
             count=count, raw_len=len(raw), payload_len=len(payload),
             payload_crc=zlib.crc32(payload))
    h.update({k: v for k, v in over.items() if k != "hdr_crc"})
    hdr = h["magic"] + struct.pack("<HHIQQQI", h["version"], h["hdr_size"], h["flags"],
                                   h["count"], h["raw_len"], h["payload_len"],
                                   h["payload_crc"])
    hdr += struct.pack("<I", over.get("hdr_crc", zlib.crc32(hdr)))
    return hdr + payload


OK = blob()
emit("blob", "ok-zlib", OK, "OK")
emit("blob", "ok-stored", blob(compress=False), "OK")
emit("blob", "ok-empty-list", blob(b"", count=0, compress=False), "OK")
emit("blob", "trunc-header", OK[:20], "TRUNCATED")
emit("blob", "trunc-header-crc", OK[:46], "TRUNCATED")
emit("blob", "trunc-payload", OK[:-10], "TRUNCATED")
emit("blob", "payload-len-4g", blob(payload_len=1 << 32), "TRUNCATED")
emit("blob", "bad-magic", blob(magic=b"IMACARRZ"), "MAGIC")
emit("blob", "bad-version", blob(version=2), "VERSION")
emit("blob", "bad-hdr-size", blob(hdr_size=64), "HDRSIZE")
emit("blob", "bad-flags", blob(flags=F_ZLIB | 4), "FLAGS")
emit("blob", "bad-hdr-crc", blob(hdr_crc=0x12345678), "HDRCRC")
emit("blob", "bad-payload-crc", blob(payload_crc=zlib.crc32(b"x")), "CRC")
emit("blob", "trailing-bytes", OK + b"\0", "BADLEN")
emit("blob", "raw-len-4g", blob(raw_len=1 << 32), "TOOBIG")
emit("blob", "raw-len-over-cap", blob(raw_len=(256 << 20) + 1), "TOOBIG")
emit("blob", "raw-len-under-24", blob(raw_len=23, compress=False, payload=bytes(23)), "BADLEN")
emit("blob", "stored-len-mismatch", blob(compress=False, raw_len=24 + len(good()) - 1), "BADLEN")
emit("blob", "ratio-lie", blob(raw_len=len(zlib.compress(kexec_hdr(24 + len(good()), 3) + good())) * 33),
     "RATIO")
# An inflate bomb: 16 MiB of zeros deflate to 16 KiB.
BOMB_RAW = kexec_hdr(16 << 20, 0) + bytes((16 << 20) - 24)
emit("blob", "bomb", blob(count=0, raw=BOMB_RAW, payload=zlib.compress(BOMB_RAW, 9)), "RATIO")
emit("blob", "count-over-cap", blob(count=(24 + len(good()) - 24) // 33 + 1), "COUNT")
emit("blob", "raw-len-lie-short", blob(raw_len=24 + len(good()) - 1), "INFLATE")
emit("blob", "raw-len-lie-long", blob(raw_len=24 + len(good()) + 1), "INFLATE")
emit("blob", "zlib-garbage", blob(payload=b"\x78\x9c" + b"\xff" * 60), "INFLATE")
emit("blob", "zlib-trailing", blob(payload=zlib.compress(kexec_hdr(24 + len(good()), 3) + good()) + b"\0",
                                   raw_len=24 + len(good())), "INFLATE")
emit("blob", "zlib-bad-adler", blob(payload=zlib.compress(kexec_hdr(24 + len(good()), 3) + good())[:-1] + b"\0",
                                    raw_len=24 + len(good())), "INFLATE")
RAWDEFL = zlib.compressobj(6, zlib.DEFLATED, -15)
emit("blob", "deflate-raw-no-zlib-header",
     blob(payload=RAWDEFL.compress(kexec_hdr(24 + len(good()), 3) + good()) + RAWDEFL.flush(),
          raw_len=24 + len(good())), "INFLATE")
emit("blob", "outer-count-lie", blob(count=2, raw=kexec_hdr(24 + len(good()), 3) + good()), "COUNT")
emit("blob", "inner-count-lie", blob(count=2, raw=kexec_hdr(24 + len(good()), 2) + good()), "COUNT")
emit("blob", "inner-version", blob(raw=kexec_hdr(24 + len(good()), 3, version=2) + good()), "VERSION")
emit("blob", "inner-buffer-size", blob(raw=kexec_hdr(24 + len(good()) - 1, 3) + good()), "BADLEN")
emit("blob", "inner-buffer-size-4g", blob(raw=kexec_hdr(1 << 32, 3) + good()), "BADLEN")
emit("blob", "byte-order-lie", blob(flags=F_ZLIB | F_BE), "VERSION")
emit("blob", "carries-legacy-ima", blob(lst=good(1) + u32(10) + D20 + u32(3) + b"ima" + D20 + u32(2) + b"/x",
                                        count=2), "LEGACY_IMA")
emit("blob", "carries-truncated-list", blob(lst=good(2) + ONE[:30], count=2), "TRUNCATED")
emit("blob", "carries-bad-pcr", blob(lst=record(ng_data("/a", 1), pcr=99), count=1), "PCR")


# ---- device trees, through dtc ----

def dtb(body, memreserve="", force=False):
    src = "/dts-v1/;\n" + memreserve + "/ {\n\t#address-cells = <2>;\n\t#size-cells = <2>;\n" \
          "\tmodel = \"ima-carry corpus\";\n" + body + "};\n"
    with tempfile.TemporaryDirectory() as tmp:
        dts, out = os.path.join(tmp, "t.dts"), os.path.join(tmp, "t.dtb")
        with open(dts, "w") as f:
            f.write(src)
        cmd = ["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out] + (["-f"] if force else []) + [dts]
        # A forced tree (dtc knows it is broken) keeps dtc's complaint quiet.
        subprocess.run(cmd, check=not force,
                       stderr=subprocess.DEVNULL if force else None)
        with open(out, "rb") as f:
            return f.read()


def hexprop(b):
    return "[" + " ".join(f"{x:02x}" for x in b) + "]"


def chosen(*props):
    return "\tchosen {\n\t\tbootargs = \"console=ttyAMA0\";\n" + \
        "".join(f"\t\t{p};\n" for p in props) + "\t};\n"


CARRY = f"linux,ima-carry = {hexprop(OK)}"
OKDTB = dtb(chosen(CARRY))
emit("dtb", "ok", OKDTB, "OK")
emit("dtb", "ok-stale-kexec-buffer",
     dtb(chosen(CARRY, "linux,ima-kexec-buffer = <0x0 0x7f000000 0x0 0x23000>"),
         memreserve="/memreserve/ 0x7f000000 0x23000;\n"), "OK")
emit("dtb", "no-chosen", dtb(""), "NOCHOSEN")
emit("dtb", "no-carrier", dtb(chosen()), "NOTFOUND")
emit("dtb", "carrier-elsewhere", dtb("\tfirmware { " + CARRY + "; };\n" + chosen()), "NOTFOUND")
emit("dtb", "dup-carrier", dtb(chosen(CARRY, CARRY), force=True), "FDT")
emit("dtb", "bad-magic", b"\xd0\x0d\xfe\xee" + OKDTB[4:], "FDT")
emit("dtb", "truncated", OKDTB[:len(OKDTB) // 2], "FDT")
emit("dtb", "trunc-header", OKDTB[:20], "FDT")
emit("dtb", "totalsize-past-end", OKDTB[:4] + struct.pack(">I", len(OKDTB) + 64) + OKDTB[8:], "FDT")
emit("dtb", "struct-offset-past-end", OKDTB[:8] + struct.pack(">I", 0x7FFFFFF0) + OKDTB[12:], "FDT")
# Only version 17 is taken. Version 3: libfdt 1.6.1's fdt_check_full() crashes on it.
emit("dtb", "old-version-3", bytes.fromhex(
    "d00dfeed000000fa00000038000000c000000028000000030000000000000000"
    "0000003a00000088000000000000000000000000000000000000000100100002"
    "000000020000000973697a65656c6c08001100000000"), "FDT")
emit("dtb", "old-version-16", OKDTB[:20] + struct.pack(">I", 16) + OKDTB[24:], "FDT")
# Version 16 that fdt_check_full() accepts but fdt_open_into() mangles (make fuzz).
emit("dtb", "old-version-16-mangled", bytes.fromhex(
    "d00dfeed0000021600000038000001dc00000028000000100000001000000000"
    "00000000000001a4000000000000000000000000000000000000000100000000"
    "0000000300000004000000000000000200000003000000040000000f00000002"
    "00000003000000110000001b696d612d636172727920636f7270757300000000"
    "0000000163686f73656e0000000000030000001000000021636f6e736f6c653d"
    "747479414d413000000000030000011a0000002a494d41434152525901003000"
    "0100000003000000000000004701000000000000ea00000000000000084ae910"
    "639a66d2876395648000774608cd0ce5730171e882037cf7a75d6297cddce0c5"
    "c5dfec13dcb8f3351b503c333751372fdd1ec8d200e2e28c442353332b060646"
    "2666165636760e4e2e6e1e5e3e7e014121611151317109492969195939797ea0"
    "5afdd2e222fda4cc3cfd92fcfc1c03b0258b63972e7436e850c8b8b6842ff835"
    "d79e6db31402715b22afa0a8a4aca2aaa6aea1a9a5ada3aba76f6068646c626a"
    "666e6169656d636b87618921d89235a1b3ca55bac3ebdbf41a4d9cae2f4ad4e0"
    "f3cdc06d899dbd83a393b38bab9bbb87a797b78faf9f7f406050704868587844"
    "6454744c2c8625460c00de38496e000000000002000000020000000923616464"
    "726573732d63656c6c73002373697a652d63656c6c73006d6f64656c00626f6f"
    "7461726773006c696e75782c696d612d636172727900"), "FDT")
emit("dtb", "carries-bad-magic", dtb(chosen(f"linux,ima-carry = {hexprop(blob(magic=b'NOTCARRY'))}")),
     "MAGIC")
emit("dtb", "carries-empty", dtb(chosen("linux,ima-carry")), "TRUNCATED")
emit("dtb", "carries-trailing-pad", dtb(chosen(f"linux,ima-carry = {hexprop(OK + bytes(3))}")), "BADLEN")
emit("dtb", "carries-bomb", dtb(chosen(f"linux,ima-carry = {hexprop(blob(count=0, raw=kexec_hdr(1 << 20, 0) + bytes((1 << 20) - 24), payload=zlib.compress(kexec_hdr(1 << 20, 0) + bytes((1 << 20) - 24), 9)))}")), "RATIO")

with open(os.path.join(OUT, "EXPECTED"), "w") as f:
    f.write("# EXPECTED - what libimacarry must say about each corpus file.\n"
            "# Generated by gen-corpus.py; one line per file: PATH KIND ERROR\n"
            "#   PATH   relative to this directory\n"
            "#   KIND   list: a SHA-1 little-endian binary_runtime_measurements to be carried\n"
            "#          blob: a linux,ima-carry value (docs/FORMAT.md), checked, unpacked, and\n"
            "#                its list walked; the walk's count must equal the header's\n"
            "#          dtb:  a device tree whose /chosen/linux,ima-carry is then a blob\n"
            "#   ERROR  OK, or the IMACARRY_ERR_ name without its prefix\n")
    for path, kind, err in expected:
        f.write(f"{path} {kind} {err}\n")
print(f"gen-corpus: {len(expected)} files in {OUT}")
