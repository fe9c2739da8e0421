#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# imagen.py - an independent writer of IMA binary measurement lists for tests
"""Writes binary_runtime_measurements files together with what the kernel
would show for them: the ascii_runtime_measurements text and the PCR values
of the sha1, sha256, sha384 and sha512 banks.

It is written from the kernel's behaviour (security/integrity/ima:
ima_fs.c, ima_template.c, ima_template_lib.c, ima_crypto.c), not from
libimacarry, so that the C library can be checked against it. Python's
standard library only.

  imagen.py --fixtures DIR
      the fixture set: every template, violations, custom formats, the
      legacy 'ima' template, 20/32/48/64-byte template digests and both
      byte orders; DIR/INDEX lists them. STEM.padded.pcrs holds the PCR
      values of a kernel that had no sha256, sha384 or sha512 at IMA init.
  imagen.py [--template T] [--count N] [--violations F] [--digest-size N]
            [--big-endian] [--seed S] [--padded BANKS] [--boots K]
            [--padded-boots LIST] -o LIST [--expect-ascii F] [--expect-pcrs F]
      a synthetic list of N entries (the first one boot_aggregate) with
      realistic paths and a fraction F of violations; with --boots K, a
      chained list of K boots (kexec carried it), each starting with its
      own boot_aggregate.
  imagen.py --render LIST [--digest-size N] [--big-endian] [--padded BANKS]
            [--expect-ascii F] [--expect-pcrs F]
      reads an existing list and writes what the kernel would show for it.

--padded sha384,sha512 writes those banks' PCR values as a kernel extends
them when it could not allocate their hash at IMA init; with
--padded-boots 1,2 only boots 1 and 2 did (Debian's 6.1 before a soft
reboot into its 6.12), the others extended the banks in their own hash.
"""

import argparse
import hashlib
import os
import random
import struct
import sys

BANKS = ("sha1", "sha256", "sha384", "sha512")
LIST_ALGO = {20: "sha1", 32: "sha256", 48: "sha384", 64: "sha512"}

# ima_template.c: builtin_templates[].
BUILTIN = {
    "ima": "d|n",
    "ima-ng": "d-ng|n-ng",
    "ima-sig": "d-ng|n-ng|sig",
    "ima-ngv2": "d-ngv2|n-ng",
    "ima-sigv2": "d-ngv2|n-ng|sig",
    "ima-buf": "d-ng|n-ng|buf",
    "ima-modsig": "d-ng|n-ng|sig|d-modsig|modsig",
    "evm-sig": "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|"
               "iuid|igid|imode",
}

# ima_template.c: supported_fields[] and the data format each one shows.
SHOW = {
    "d": "hex", "n": "string", "d-ng": "algo", "d-ngv2": "algo",
    "n-ng": "string", "sig": "hex", "buf": "hex", "d-modsig": "algo",
    "modsig": "hex", "evmsig": "hex", "iuid": "uint", "igid": "uint",
    "imode": "uint", "xattrnames": "string", "xattrlengths": "hex",
    "xattrvalues": "hex",
}


def fields_of(template):
    return BUILTIN.get(template, template).split("|")


class Entry:
    """One measurement: PCR, template name, field values, violation flag."""

    def __init__(self, pcr, template, fields, violation=False, boot=1):
        self.pcr = pcr
        self.template = template
        self.fields = fields
        self.violation = violation
        self.boot = boot
        assert len(fields) == len(fields_of(template)), template


class Order:
    def __init__(self, big_endian):
        self.big_endian = big_endian
        self.c = ">" if big_endian else "<"

    def u16(self, v):
        return struct.pack(self.c + "H", v)

    def u32(self, v):
        return struct.pack(self.c + "I", v)

    def u64(self, v):
        return struct.pack(self.c + "Q", v)


def template_data(e, o):
    """What ima_measurements_show() writes after the data length."""
    if e.template == "ima":
        d, n = e.fields
        return d + o.u32(len(n)) + n
    return b"".join(o.u32(len(f)) + f for f in e.fields)


def template_hash(algo, e, o):
    """ima_calc_field_array_hash_tfm(): 'ima' pads its name to 256 bytes."""
    h = hashlib.new(algo)
    if e.template == "ima":
        d, n = e.fields
        h.update(d)
        h.update(n + bytes(256 - len(n)))
    else:
        h.update(template_data(e, o))
    return h.digest()


def record(e, o, digest_size):
    name = e.template.encode()
    if e.violation:
        digest = bytes(digest_size)
    else:
        digest = template_hash(LIST_ALGO[digest_size], e, o)
    out = o.u32(e.pcr) + digest + o.u32(len(name)) + name
    data = template_data(e, o)
    if e.template != "ima":
        out += o.u32(len(data))
    return out + data


# ---- ascii_runtime_measurements, from ima_show_template_data_ascii() ----

def show_string(f):
    # The kernel's copy ends in a NUL; "%s" stops at the first one.
    nul = f.find(b"\0")
    return f if nul < 0 else f[:nul]


def show_algo(f):
    s = show_string(f)
    colon = s.rfind(b":")
    assert colon >= 0 and colon + 2 <= len(f), "kernel would fault"
    out = s if colon != 0 else b""
    return out + f[colon + 2:].hex().encode()


def show_uint(f, o):
    fmt = {1: "B", 2: "H", 4: "I", 8: "Q"}.get(len(f))
    if not fmt:
        return b""
    return b"%d" % struct.unpack(o.c + fmt, f)[0]


def ascii_line(e, o, digest):
    out = b"%2d " % e.pcr + digest.hex().encode() + b" " + e.template.encode()
    for fid, f in zip(fields_of(e.template), e.fields):
        out += b" "
        if not f:
            continue
        show = SHOW[fid]
        if show == "hex":
            out += f.hex().encode()
        elif show == "string":
            out += show_string(f)
        elif show == "algo":
            out += show_algo(f)
        else:
            out += show_uint(f, o)
    return out + b"\n"


# ---- PCR replay, from ima_add_template_entry() and ima_pcr_extend() ----

class Pcrs:
    """padded_boots: the boots (Entry.boot) that extend padded; None: all."""

    def __init__(self, padded=(), padded_boots=None):
        self.v = {b: {} for b in BANKS}
        self.padded = padded
        self.padded_boots = padded_boots

    def extend(self, e, o):
        padded = self.padded
        if self.padded_boots is not None and e.boot not in self.padded_boots:
            padded = ()
        for bank in BANKS:
            size = hashlib.new(bank).digest_size
            if e.violation:
                # ima_init_digests(): 0xff of the bank's full size, padded
                # or not, for every algorithm the kernel can name.
                th = b"\xff" * size
            elif bank in padded:
                # ima_calc_field_array_hash(): no tfm for the bank, so the
                # SHA-1 digest is copied into the zeroed digest buffer.
                th = template_hash("sha1", e, o).ljust(size, b"\0")
            else:
                th = template_hash(bank, e, o)
            old = self.v[bank].get(e.pcr, bytes(size))
            self.v[bank][e.pcr] = hashlib.new(bank, old + th).digest()

    def text(self):
        lines = []
        for bank in BANKS:
            for pcr in sorted(self.v[bank]):
                lines.append("%s %d %s\n" % (bank, pcr,
                                             self.v[bank][pcr].hex()))
        return "".join(lines)


def write_all(entries, o, digest_size, out, ascii_out, pcrs_out,
              padded=(), padded_out=None, padded_boots=None):
    """With padded_out, pcrs_out holds every bank hashed in its own
    algorithm, and padded_out the values with the banks in padded extended
    as padded SHA-1; without it, pcrs_out has those banks padded (in the
    boots padded_boots only, unless it is None)."""
    blob = bytearray()
    text = bytearray()
    pcrs = Pcrs(() if padded_out else padded, padded_boots)
    ppcrs = Pcrs(padded)
    for e in entries:
        rec = record(e, o, digest_size)
        blob += rec
        if ascii_out:
            digest = rec[4:4 + digest_size]
            text += ascii_line(e, o, digest)
        if pcrs_out:
            pcrs.extend(e, o)
        if padded_out:
            ppcrs.extend(e, o)
    writes = [(out, bytes(blob))]
    if ascii_out:
        writes.append((ascii_out, bytes(text)))
    if pcrs_out:
        writes.append((pcrs_out, pcrs.text().encode()))
    if padded_out:
        writes.append((padded_out, ppcrs.text().encode()))
    for path, data in writes:
        # Never leave a half-written file behind a failed run.
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)


# ---- field values, shaped as the kernel's *_init() functions make them ----

def d_ng(algo, digest, prefix=None):
    """ima_eventdigest_init_common(): "<algo>:" NUL digest."""
    return (prefix or algo + ":").encode() + b"\0" + digest


def violation_d_ng(algo):
    return d_ng(algo, bytes(hashlib.new(algo).digest_size))


def name_ng(path):
    """ima_write_template_field_data(): spaces become '_', NUL added."""
    if isinstance(path, str):
        path = path.encode()
    return path.replace(b" ", b"_") + b"\0"


def fdigest(algo, seed):
    # A file digest is only a value here; sm3 may be missing from hashlib.
    if algo == "sm3":
        return hashlib.sha256(b"sm3" + seed.encode()).digest()
    return hashlib.new(algo, seed.encode()).digest()


def fixture_entries(o):
    """Every template and every rendering case the kernel defines."""
    E = []
    sha256 = "sha256"
    ba = fdigest(sha256, "boot")
    E.append(Entry(10, "ima-ng", [d_ng(sha256, ba),
                                  name_ng("boot_aggregate")]))
    for algo in ("sha1", "sha256", "sha384", "sha512", "md5", "sm3"):
        E.append(Entry(10, "ima-ng",
                       [d_ng(algo, fdigest(algo, algo)),
                        name_ng("/usr/bin/" + algo + "sum")]))
    # A violation: zero template digest, zero file digest, 0xff extended.
    E.append(Entry(10, "ima-ng", [violation_d_ng(sha256),
                                  name_ng("/var/log/syslog")], True))
    # The legacy template: 20-byte 'd', 'n' without its NUL.
    E.append(Entry(10, "ima", [fdigest("sha1", "bash"), b"/usr/bin/bash"]))
    E.append(Entry(10, "ima", [bytes(20), b"/tmp/violated"], True))
    E.append(Entry(10, "ima", [fdigest("sha1", "x"), b"x" * 255]))
    E.append(Entry(10, "ima", [fdigest("sha1", "empty"), b""]))
    E.append(Entry(10, "ima-ngv2",
                   [d_ng(sha256, fdigest(sha256, "v2"), "ima:sha256:"),
                    name_ng("/usr/sbin/init")]))
    E.append(Entry(10, "ima-ngv2",
                   [d_ng(sha256, fdigest(sha256, "verity"),
                         "verity:sha256:"),
                    name_ng("/usr/lib/verity.img")]))
    E.append(Entry(10, "ima-ngv2", [d_ng(sha256, bytes(32), "ima:sha256:"),
                                    name_ng("/dev/shm/v")], True))
    E.append(Entry(10, "ima-sig", [d_ng(sha256, fdigest(sha256, "ns")),
                                   name_ng("/usr/bin/unsigned"), b""]))
    sig = bytes.fromhex("030204") + bytes(range(1, 72))
    E.append(Entry(10, "ima-sig", [d_ng(sha256, fdigest(sha256, "s")),
                                   name_ng("/usr/bin/signed"), sig]))
    E.append(Entry(10, "ima-sigv2",
                   [d_ng(sha256, fdigest(sha256, "s2"), "ima:sha256:"),
                    name_ng("/usr/bin/signed2"), sig]))
    cmdline = b"root=/dev/vda rw console=ttyAMA0 ima_template=ima-sig"
    E.append(Entry(10, "ima-buf", [d_ng(sha256, hashlib.sha256(cmdline)
                                        .digest()),
                                   name_ng("kexec-cmdline"), cmdline]))
    E.append(Entry(10, "ima-modsig",
                   [d_ng(sha256, fdigest(sha256, "m0")),
                    name_ng("/lib/modules/x.ko"), b"", b"", b""]))
    modsig = bytes(range(0x30, 0x30 + 90))
    E.append(Entry(10, "ima-modsig",
                   [d_ng(sha256, fdigest(sha256, "m1")),
                    name_ng("/lib/modules/y.ko"), b"",
                    d_ng("sha512", fdigest("sha512", "m1")), modsig]))
    names = b"security.selinux|security.ima\0"
    evmsig = bytes.fromhex("0502") + bytes(range(40))
    E.append(Entry(10, "evm-sig",
                   [d_ng(sha256, fdigest(sha256, "e")),
                    name_ng("/etc/passwd"), evmsig, names,
                    o.u32(27) + o.u32(10),
                    b"system_u:object_r:etc_t:s0" + b"\0" + bytes(10),
                    o.u32(1000), o.u32(100), o.u16(0o100644)]))
    # No file: every optional field empty, hence a row of trailing spaces.
    E.append(Entry(10, "evm-sig",
                   [d_ng(sha256, fdigest(sha256, "e2")),
                    name_ng("/proc/self"), b"", b"", b"", b"", b"", b"",
                    b""]))
    # Custom formats (ima_template_fmt=), named by their field list.
    E.append(Entry(10, "d-ng|n-ng|iuid|igid|imode",
                   [d_ng(sha256, fdigest(sha256, "c")),
                    name_ng("/usr/bin/sudo"), o.u32(0), o.u32(4294967295),
                    o.u16(0o104755)]))
    E.append(Entry(10, "n-ng|sig|d-ng",
                   [name_ng("/usr/bin/c2"), sig,
                    d_ng("sha1", fdigest("sha1", "c2"))]))
    E.append(Entry(10, "d|n-ng", [fdigest("sha1", "c3"),
                                  name_ng("/usr/bin/c3")]))
    E.append(Entry(10, "d-ng|n", [d_ng(sha256, fdigest(sha256, "c4")),
                                  name_ng("/usr/bin/c4")]))
    E.append(Entry(10, "buf", [b"\x00\x01\xfe\xff"]))
    E.append(Entry(10, "sig", [b""]))
    # DATA_FMT_UINT prints u8, u16, u32, u64 and nothing for other sizes.
    E.append(Entry(10, "iuid|igid|imode|iuid",
                   [b"\x07", o.u64(18446744073709551615), b"abc",
                    o.u16(65535)]))
    # The longest name the kernel restores (68 bytes), and 15 fields.
    E.append(Entry(10, BUILTIN["evm-sig"],
                   [d_ng(sha256, fdigest(sha256, "long")),
                    name_ng("/usr/bin/long"), b"", b"", b"", b"",
                    o.u32(1), o.u32(2), o.u16(3)]))
    fifteen = "d|n|d-ng|n-ng|sig|buf|iuid|igid|imode|d|n|sig|buf|iuid|igid"
    E.append(Entry(10, fifteen,
                   [fdigest("sha1", "15"), name_ng("/f"),
                    d_ng("sha1", fdigest("sha1", "15")), name_ng("/g"),
                    b"\x01", b"\x02", o.u32(3), o.u32(4), o.u16(5),
                    b"", b"", b"", b"", b"", b""]))
    # Kernel quirks with a defined output: a ':' first prints no prefix,
    # a string without NUL ends at the field (restore appends one),
    # anything between the last ':' and the NUL is printed and skipped.
    E.append(Entry(10, "ima-ng", [b":\0" + fdigest("sha1", "q1"),
                                  b"/no/nul/here"]))
    E.append(Entry(10, "ima-ng", [b"sha1:x\0" + fdigest("sha1", "q2"),
                                  name_ng("/usr/bin/quirk")]))
    E.append(Entry(10, "ima-ng", [d_ng(sha256, fdigest(sha256, "u")),
                                  name_ng("/home/j\xfcrgen/na me.txt")]))
    E.append(Entry(10, "ima-ng", [d_ng(sha256, fdigest(sha256, "e")),
                                  b""]))
    # Other PCRs: "%2d" pads one digit, and each PCR replays alone.
    E.append(Entry(0, "ima-ng", [d_ng(sha256, fdigest(sha256, "p0")),
                                 name_ng("/pcr0")]))
    E.append(Entry(11, "ima-sig", [d_ng(sha256, fdigest(sha256, "p11")),
                                   name_ng("/pcr11"), sig]))
    E.append(Entry(23, "ima-ng", [violation_d_ng("sha1"),
                                  name_ng("/pcr23")], True))
    E.append(Entry(10, "ima-ng", [d_ng(sha256, fdigest(sha256, "last")),
                                  name_ng("/usr/bin/last")]))
    return E


# ---- synthetic lists for benchmarks and walks ----

DIRS = ("/usr/bin", "/usr/sbin", "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/systemd", "/usr/libexec", "/etc", "/usr/share/locale",
        "/usr/lib/python3/dist-packages",
        "/usr/lib/modules/6.1.0-13-amd64/kernel/drivers/net")
STEMS = ("ssh", "libc", "libssl", "systemd-udevd", "bash", "python3",
         "libcrypto", "journald", "nft", "dbus-daemon", "virtio_net",
         "resolved", "gzip", "coreutils", "libz", "cron", "sudo")
SUFFIXES = ("", ".so.3", ".so.6", ".conf", ".ko", ".py", "-helper", ".mo")


def synth_entry(rng, template, i, violation, o):
    path = "%s/%s%d%s" % (rng.choice(DIRS), rng.choice(STEMS), i,
                          rng.choice(SUFFIXES))
    digest = hashlib.sha256(path.encode()).digest()
    vals = []
    for fid in fields_of(template):
        if fid == "d":
            vals.append(bytes(20) if violation else digest[:20])
        elif fid == "n":
            vals.append(path.encode()[:255] if template == "ima"
                        else name_ng(path))
        elif fid in ("d-ng", "d-modsig"):
            vals.append(violation_d_ng("sha256") if violation
                        else d_ng("sha256", digest))
        elif fid == "d-ngv2":
            vals.append(d_ng("sha256", bytes(32) if violation else digest,
                             "ima:sha256:"))
        elif fid == "n-ng":
            vals.append(name_ng(path))
        elif fid in ("iuid", "igid"):
            vals.append(o.u32(rng.choice((0, 0, 1000, 65534))))
        elif fid == "imode":
            vals.append(o.u16(rng.choice((0o100755, 0o100644))))
        elif fid == "xattrnames":
            vals.append(b"security.ima\0")
        elif fid == "xattrlengths":
            vals.append(o.u32(34))
        elif rng.random() < 0.3:
            vals.append(bytes.fromhex("030204") + digest)
        else:
            vals.append(b"")
    return Entry(10, template, vals, violation)


def synth_entries(template, count, violations, seed, o, boots=1):
    """Boot b (1-based) starts at entry (b - 1) * count // boots with its
    own boot_aggregate, as each kernel of a kexec chain measures first."""
    rng = random.Random(seed)
    starts = {b * count // boots: b + 1 for b in range(boots)}
    boot = 1
    for i in range(count):
        boot = starts.get(i, boot)
        if i in starts and template != "ima":
            seed = "boot" if boot == 1 else "boot%d" % boot
            vals = [d_ng("sha256", fdigest("sha256", seed)),
                    name_ng("boot_aggregate")]
            vals += [b""] * (len(fields_of(template)) - 2)
            if fields_of(template)[:2] == ["d-ng", "n-ng"]:
                yield Entry(10, template, vals, boot=boot)
                continue
        e = synth_entry(rng, template, i, rng.random() < violations, o)
        e.boot = boot
        yield e


# ---- reading a list back, for --render ----

def parse(data, digest_size, o):
    pos = 0
    c = o.c
    while pos < len(data):
        pcr, = struct.unpack_from(c + "I", data, pos)
        digest = data[pos + 4:pos + 4 + digest_size]
        pos += 4 + digest_size
        nlen, = struct.unpack_from(c + "I", data, pos)
        name = data[pos + 4:pos + 4 + nlen].decode()
        pos += 4 + nlen
        if name == "ima":
            d = data[pos:pos + 20]
            n_len, = struct.unpack_from(c + "I", data, pos + 20)
            fields = [d, data[pos + 24:pos + 24 + n_len]]
            pos += 24 + n_len
        else:
            dlen, = struct.unpack_from(c + "I", data, pos)
            end = pos + 4 + dlen
            pos += 4
            fields = []
            while pos < end:
                flen, = struct.unpack_from(c + "I", data, pos)
                fields.append(data[pos + 4:pos + 4 + flen])
                pos += 4 + flen
            if pos != end:
                raise ValueError("template data length mismatch")
        yield Entry(pcr, name, fields, not any(digest)), digest


def render(path, digest_size, o, ascii_out, pcrs_out, padded=()):
    with open(path, "rb") as f:
        data = f.read()
    text = bytearray()
    pcrs = Pcrs(padded)
    for e, digest in parse(data, digest_size, o):
        text += ascii_line(e, o, digest)
        pcrs.extend(e, o)
    if ascii_out:
        with open(ascii_out, "wb") as f:
            f.write(text)
    if pcrs_out:
        with open(pcrs_out, "w") as f:
            f.write(pcrs.text())
    if not ascii_out and not pcrs_out:
        sys.stdout.buffer.write(text)


def fixtures(outdir):
    os.makedirs(outdir, exist_ok=True)
    index = []
    for digest_size in (20, 32, 48, 64):
        for big_endian in (False, True):
            o = Order(big_endian)
            stem = "mixed-%d-%s" % (digest_size, "be" if big_endian else "le")
            base = os.path.join(outdir, stem)
            write_all(fixture_entries(o), o, digest_size, base + ".bin",
                      base + ".ascii", base + ".pcrs", BANKS[1:],
                      base + ".padded.pcrs")
            index.append("%s %d %d\n" % (stem, digest_size, big_endian))
    o = Order(False)
    for template in sorted(BUILTIN):
        stem = "synth-" + template
        base = os.path.join(outdir, stem)
        write_all(synth_entries(template, 300, 0.05, template, o), o, 20,
                  base + ".bin", base + ".ascii", base + ".pcrs")
        index.append("%s 20 0\n" % stem)
    with open(os.path.join(outdir, "INDEX.tmp"), "w") as f:
        f.writelines(index)
    os.replace(os.path.join(outdir, "INDEX.tmp"),
               os.path.join(outdir, "INDEX"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fixtures", metavar="DIR")
    ap.add_argument("--render", metavar="LIST")
    ap.add_argument("--template", default="ima-ng")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--violations", type=float, default=0.01)
    ap.add_argument("--digest-size", type=int, default=20,
                    choices=sorted(LIST_ALGO))
    ap.add_argument("--big-endian", action="store_true")
    ap.add_argument("--seed", default="imagen")
    ap.add_argument("-o", "--output", metavar="LIST")
    ap.add_argument("--expect-ascii", metavar="FILE")
    ap.add_argument("--expect-pcrs", metavar="FILE")
    ap.add_argument("--padded", metavar="BANKS", default="",
                    help="comma-separated banks extended as padded SHA-1")
    ap.add_argument("--boots", type=int, default=1, metavar="K",
                    help="a chained list of K boots")
    ap.add_argument("--padded-boots", metavar="LIST",
                    help="comma-separated boots (1-based) in which the "
                    "--padded banks were padded; default: every boot")
    args = ap.parse_args()
    o = Order(args.big_endian)
    padded = tuple(b for b in args.padded.split(",") if b)
    for b in padded:
        if b not in BANKS:
            ap.error("--padded: unknown bank %s" % b)
    if not 1 <= args.boots <= args.count:
        ap.error("--boots: 1 to --count")
    padded_boots = None
    if args.padded_boots is not None:
        try:
            padded_boots = {int(b) for b in args.padded_boots.split(",")
                            if b}
        except ValueError:
            ap.error("--padded-boots: comma-separated boot numbers")
        if not padded_boots <= set(range(1, args.boots + 1)):
            ap.error("--padded-boots: boots are 1 to --boots")

    if args.fixtures:
        fixtures(args.fixtures)
        return 0
    if args.render:
        render(args.render, args.digest_size, o, args.expect_ascii,
               args.expect_pcrs, padded)
        return 0
    if not args.output:
        ap.error("one of --fixtures, --render or -o is required")
    try:
        fields_of(args.template)
        for fid in fields_of(args.template):
            SHOW[fid]
    except KeyError as err:
        ap.error("unknown template field %s" % err)
    write_all(synth_entries(args.template, args.count, args.violations,
                            args.seed, o, args.boots),
              o, args.digest_size, args.output, args.expect_ascii,
              args.expect_pcrs, padded, padded_boots=padded_boots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
