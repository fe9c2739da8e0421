#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""hostile-gen.py - the hostile carried lists of hostile.sh, seeded.

usage: hostile-gen.py SEED FIRST COUNT OUTDIR

Writes cases FIRST..FIRST+COUNT-1 into OUTDIR, each as case-N.json (what
it is, and what the guest's kernel is handed) beside its payload files.
Case N depends only on SEED and N, so a campaign and any one case of it
can be rebuilt from the seed. Kinds rotate with N, so any run of 15
consecutive cases covers every kind.

A carry case is a /chosen/linux,ima-carry property (docs/FORMAT.md), with
both CRCs recomputed after the mutation unless the mutation is of a CRC,
so that the inner header, the record walk and restore see it. A kbuf case
is a linux,ima-kexec-buffer property and the memory it points at. Each
case names the records it handed over ("records"): a kernel that says it
imported the list must show exactly those first (pcr and template data;
restore recomputes the digests and may name a template by its builtin
name), and one that refused it must start fresh.
"""
import hashlib
import json
import os
import random
import struct
import sys
import zlib

MAGIC = b'IMACARRY'
HDR = 48
KHDR = 24
# Where kbuf cases put the list: 1 GiB of RAM from 0x40000000, well above
# where QEMU puts the kernel, the initrd and the DTB.
KBUF_ADDR = 0x70000000

FIELDS = ['d', 'n', 'd-ng', 'd-ngv2', 'n-ng', 'sig', 'buf', 'd-modsig',
          'modsig', 'evmsig', 'iuid', 'igid', 'imode', 'xattrnames',
          'xattrlengths', 'xattrvalues']
BUILTIN = {'ima-ng': 2, 'ima-sig': 3, 'ima-buf': 3, 'ima-ngv2': 2,
           'ima-sigv2': 3, 'ima-modsig': 5, 'evm-sig': 9}


def u32(v):
    return struct.pack('<I', v & 0xffffffff)


def field_data(rng, n, path):
    """Template data of n fields: a digest, a path, then small blobs."""
    out = []
    d = b'sha256:\0' + bytes(rng.getrandbits(8) for _ in range(32))
    out.append(d)
    if n > 1:
        out.append(path.encode() + b'\0')
    for _ in range(n - 2):
        out.append(bytes(rng.getrandbits(8)
                         for _ in range(rng.choice([0, 1, 4, 16]))))
    return b''.join(u32(len(f)) + f for f in out)


def record(pcr, name, data, violation=False):
    digest = bytes(20) if violation else hashlib.sha1(data).digest()
    if isinstance(name, str):
        name = name.encode()
    return u32(pcr) + digest + u32(len(name)) + name + u32(len(data)) + data


def records(rng, n, names=None, nfields=None):
    out = []
    for i in range(n):
        name = names[i % len(names)] if names else 'ima-ng'
        nf = nfields[i % len(nfields)] if nfields else \
            BUILTIN.get(name if isinstance(name, str) else '', 2)
        data = field_data(rng, nf, '/usr/lib/hostile/f%d-%d' %
                          (i, rng.getrandbits(16)))
        out.append(record(10 if rng.random() < 0.9 else 11, name, data,
                          violation=rng.random() < 0.02))
    return out


def khdr(recs, count=None, size=None, version=1):
    body = b''.join(recs)
    total = KHDR + len(body)
    return struct.pack('<HHIQQ', version, 0, 0,
                       total if size is None else size,
                       len(recs) if count is None else count) + body


def blob(raw, zlib_on=True, count=None, raw_len=None, payload=None,
         flags=None, version=1, hdr_size=HDR):
    if payload is None:
        payload = zlib.compress(raw, 6) if zlib_on else raw
    if count is None:
        count = struct.unpack_from('<Q', raw, 16)[0] if len(raw) >= 24 else 0
    h = bytearray(MAGIC + struct.pack(
        '<HHIQQQII', version, hdr_size,
        (1 if zlib_on else 0) if flags is None else flags, count,
        len(raw) if raw_len is None else raw_len, len(payload),
        zlib.crc32(payload), 0))
    struct.pack_into('<I', h, 44, zlib.crc32(bytes(h[:44])))
    return bytes(h) + payload


def recrc(b):
    """Both CRCs of a blob made right again after a mutation."""
    b = bytearray(b)
    if len(b) >= HDR:
        struct.pack_into('<I', b, 40, zlib.crc32(bytes(b[HDR:])))
        struct.pack_into('<I', b, 44, zlib.crc32(bytes(b[:44])))
    return bytes(b)


def flip(rng, data, k, lo=0):
    data = bytearray(data)
    for _ in range(k):
        i = rng.randrange(lo, len(data))
        data[i] ^= 1 << rng.randrange(8) if rng.random() < 0.7 \
            else rng.getrandbits(8) | 1
    return bytes(data)


INTERESTING = [0, 1, 2, 3, 4, 67, 68, 69, 0x7f, 0x80, 0xff, 0x100, 0xffff,
               0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]


def rec_offsets(raw):
    offs, pos = [], KHDR
    while pos + 28 <= len(raw):
        nl = struct.unpack_from('<I', raw, pos + 24)[0]
        if pos + 32 + nl > len(raw):
            break
        dl = struct.unpack_from('<I', raw, pos + 28 + nl)[0]
        offs.append((pos, nl, dl))
        pos += 32 + nl + dl
    return offs


def case(seed, n):
    rng = random.Random(seed * 1000003 + n)
    kind = KINDS[n % len(KINDS)]
    c = {'id': n, 'kind': kind.__name__[2:], 'carry': None, 'kbuf': None,
         'records': None}
    kind(rng, c)
    return c


def hand(c, raw, b, desc):
    """The case hands over blob @b, made from @raw."""
    c['desc'] = desc
    c['carry'] = b
    c['raw'] = raw


def k_valid(rng, c):
    raw = khdr(records(rng, rng.choice([1, 3, 40, 300, 2000])))
    z = rng.random() < 0.7
    hand(c, raw, blob(raw, z), 'valid, %s' % ('deflated' if z else 'stored'))


def k_flip_raw(rng, c):
    raw = khdr(records(rng, rng.choice([3, 40, 300])))
    k = rng.choice([1, 1, 2, 8, 64])
    bad = flip(rng, raw, k)
    z = rng.random() < 0.6
    hand(c, bad, blob(bad, z, count=struct.unpack_from('<Q', raw, 16)[0],
                      raw_len=len(bad)),
         '%d byte(s) of the list flipped, CRCs recomputed' % k)


def k_flip_header(rng, c):
    raw = khdr(records(rng, 40))
    b = bytearray(blob(raw, rng.random() < 0.7))
    field = rng.choice([(8, 2), (10, 2), (12, 4), (16, 8), (24, 8), (32, 8)])
    off, size = field
    v = rng.choice([0, 1, 0xff, 1 << 63, (1 << (8 * size)) - 1,
                    int.from_bytes(b[off:off + size], 'little') + 1,
                    int.from_bytes(b[off:off + size], 'little') - 1,
                    rng.getrandbits(8 * size)]) % (1 << (8 * size))
    b[off:off + size] = v.to_bytes(size, 'little')
    fix = rng.random() < 0.8
    if fix:
        struct.pack_into('<I', b, 44, zlib.crc32(bytes(b[:44])))
    hand(c, raw, bytes(b), 'header field at %d set to %#x%s' %
         (off, v, ', header CRC recomputed' if fix else ''))


def k_lying_length(rng, c):
    raw = bytearray(khdr(records(rng, rng.choice([3, 40]))))
    offs = rec_offsets(bytes(raw))
    pos, nl, dl = rng.choice(offs)
    what = rng.choice(['name_len', 'data_len', 'field_len'])
    v = rng.choice(INTERESTING + [nl + 1, dl + 1, dl - 1, rng.getrandbits(32)])
    if what == 'name_len':
        struct.pack_into('<I', raw, pos + 24, v & 0xffffffff)
    elif what == 'data_len':
        struct.pack_into('<I', raw, pos + 28 + nl, v & 0xffffffff)
    else:
        struct.pack_into('<I', raw, pos + 32 + nl, v & 0xffffffff)
    raw = bytes(raw)
    hand(c, raw, blob(raw, rng.random() < 0.6),
         'record at %d: %s = %#x' % (pos, what, v & 0xffffffff))


def k_khdr_lie(rng, c):
    recs = records(rng, 40)
    raw = khdr(recs)
    what = rng.choice(['buffer_size', 'count', 'version'])
    if what == 'buffer_size':
        v = rng.choice([0, 24, len(raw) - 1, len(raw) + 1, 1 << 40,
                        (1 << 64) - 1])
        bad = khdr(recs, size=v)
    elif what == 'count':
        v = rng.choice([0, 39, 41, 1 << 40, (1 << 64) - 1])
        bad = khdr(recs, count=v)
    else:
        v = rng.choice([0, 2, 0xffff])
        bad = khdr(recs, version=v)
    # The outer header agrees with the inner one where it can.
    hand(c, bad, blob(bad, rng.random() < 0.6, count=min(
        struct.unpack_from('<Q', bad, 16)[0], 40)),
         'ima_kexec_hdr %s = %#x' % (what, v))


def k_bomb(rng, c):
    kind = rng.choice(['ratio', 'past', 'short', 'cut', 'trailing',
                       'two-streams', 'huge-raw'])
    raw = khdr(records(rng, 40))
    z = zlib.compress(raw, 9)
    if kind == 'ratio':
        zeros = zlib.compress(bytes(rng.choice([1 << 20, 4 << 20])), 9)
        b = blob(raw, payload=zeros, raw_len=len(zeros) * 33, count=1)
    elif kind == 'past':
        zeros = zlib.compress(bytes(1 << 20), 9)
        b = blob(raw, payload=zeros, raw_len=len(zeros) * 32, count=1)
    elif kind == 'short':
        b = blob(raw, payload=z, raw_len=len(raw) + 100)
    elif kind == 'cut':
        b = blob(raw, payload=z[:rng.randrange(2, len(z) - 1)])
    elif kind == 'trailing':
        b = blob(raw, payload=z + bytes(rng.choice([1, 7, 100])))
    elif kind == 'two-streams':
        b = blob(raw, payload=z + zlib.compress(raw, 1),
                 raw_len=2 * len(raw))
    else:
        b = blob(raw, payload=z, raw_len=(256 << 20) + rng.choice([0, 1]))
    hand(c, raw, b, 'inflate bomb: %s' % kind)


HOSTILE_NAMES = [b'\x1b[2J\x1b[31mpwned', b'%s%s%n%p', b'a\nima: carried 9',
                 b'ima', b'\x00ima-ng', b'ima-ng\x00junk', b'x' * 67,
                 b'y' * 68, b'd-ng|n-ng|' + b'z' * 56, b'd-ng|nope',
                 b'|||', b'd-ng||n-ng', b'\xff\xfe\xfd', b'ima-sig ',
                 b'n-ng|' * 13 + b'n-ng']


def k_names(rng, c):
    name = rng.choice(HOSTILE_NAMES)
    n = rng.choice([1, 3, 40])
    recs = records(rng, n)
    i = rng.randrange(n)
    offs = rec_offsets(khdr(recs))
    pos, nl, dl = offs[i]
    r = recs[i]
    data = r[28 + nl + 4:]
    recs[i] = record(10, name, data)
    raw = khdr(recs)
    hand(c, raw, blob(raw, rng.random() < 0.6),
         'record %d named %r' % (i, name[:24]))


def distinct_formats(rng, n):
    """n distinct valid custom formats (not builtin fmts), with field counts."""
    seen, out = {'d-ng|n-ng', 'd-ng|n-ng|sig', 'd-ngv2|n-ng',
                 'd-ngv2|n-ng|sig', 'd-ng|n-ng|buf'}, []
    while len(out) < n:
        k = rng.randrange(1, 9)
        fmt = '|'.join(rng.choice(FIELDS) for _ in range(k))
        # Restore takes names of at most 68 bytes: reach it.
        if len(fmt) <= 68 and fmt not in seen:
            seen.add(fmt)
            out.append((fmt, k))
    return out


def k_formats(rng, c):
    n = rng.choice([2, 32, 33, 1000, 3000])
    fmts = distinct_formats(rng, n)
    recs = records(rng, n, names=[f for f, _ in fmts],
                   nfields=[k for _, k in fmts])
    raw = khdr(recs)
    hand(c, raw, blob(raw, True), '%d distinct custom formats' % n)


def k_fields(rng, c):
    n = 40
    nf = rng.choice([[1], [3], [15], [2, 2, 2, 4]])
    names = rng.choice([['ima-ng'], ['ima-sig'], ['evm-sig'], ['d-ng|unknown'],
                        ['d-ng|n-ng|sig|sig|sig']])
    recs = records(rng, n, names=names, nfields=nf)
    raw = khdr(recs)
    hand(c, raw, blob(raw, rng.random() < 0.6),
         'templates %s with %s fields' % (names, nf))


def k_garbage(rng, c):
    size = rng.choice([24, 25, 100, 4096, 65536])
    raw = bytes(rng.getrandbits(8) for _ in range(size))
    z = rng.random() < 0.5
    hand(c, raw, blob(raw, z, count=rng.choice([0, 1, 2, 100])),
         '%d random bytes, valid CRCs' % size)


def k_truncated(rng, c):
    raw = khdr(records(rng, 40))
    b = blob(raw, rng.random() < 0.6)
    cut = rng.choice([0, 1, 8, 47, 48, 49, len(b) // 2, len(b) - 1])
    hand(c, raw, b[:cut], 'blob cut to %d of %d bytes' % (cut, len(b)))


def kbuf(c, raw, addr, size, cells, desc, mem=None):
    c['desc'] = desc
    c['raw'] = raw if mem is None else mem
    c['kbuf'] = {'addr': addr, 'size': size, 'cells': cells,
                 'memreserve': size and addr == KBUF_ADDR and size < 1 << 26}


def k_kbuf(rng, c):
    recs = records(rng, rng.choice([3, 40, 300]))
    raw = khdr(recs)
    what = rng.choice(['valid', 'flip', 'size', 'count', 'fields', 'page'])
    if what == 'flip':
        raw = flip(rng, raw, rng.choice([1, 4, 32]))
    elif what == 'size':
        raw = khdr(recs, size=rng.choice([len(raw) + 4096, 1 << 32,
                                          (1 << 64) - 1]))
    elif what == 'count':
        raw = khdr(recs, count=rng.choice([0, len(recs) + 1, (1 << 64) - 2]))
    elif what == 'fields':
        recs[-1] = record(10, 'ima-ng', field_data(rng, 3, '/x'))
        raw = khdr(recs)
    size = len(raw) if what != 'page' else (len(raw) + 4095) & ~4095
    kbuf(c, raw, KBUF_ADDR, size, [KBUF_ADDR >> 32, KBUF_ADDR & 0xffffffff,
                                   0, size], 'kexec buffer: %s' % what)


def k_kbuf_addr(rng, c):
    raw = khdr(records(rng, 3))
    addr, size = rng.choice([(0x1000, 4096), (0xfffff000, 4096),
                             (1 << 40, 4096), (KBUF_ADDR, 0),
                             (KBUF_ADDR, 1 << 40), ((1 << 64) - 4096, 8192),
                             (0x3ffff000, 8192), (0x7ffff000, 8192)])
    short = rng.random() < 0.2
    cells = [addr >> 32, addr & 0xffffffff, (size >> 32) & 0xffffffff,
             size & 0xffffffff]
    if short:
        cells = cells[:rng.randrange(0, 4)]
    kbuf(c, raw, addr, size, cells, 'kexec buffer at %#x size %#x%s' %
         (addr, size, ' (property of %d cells)' % len(cells) if short else ''))
    c['kbuf']['load'] = addr == KBUF_ADDR or (0x40000000 <= addr < 0x80000000)


KINDS = [k_valid, k_flip_raw, k_flip_header, k_lying_length, k_khdr_lie,
         k_bomb, k_names, k_formats, k_fields, k_garbage, k_truncated,
         k_kbuf, k_kbuf_addr, k_flip_raw, k_lying_length]


def main():
    seed, first, count, out = (int(sys.argv[1]), int(sys.argv[2]),
                               int(sys.argv[3]), sys.argv[4])
    os.makedirs(out, exist_ok=True)
    for n in range(first, first + count):
        c = case(seed, n)
        base = os.path.join(out, 'case-%d' % n)
        if c['carry'] is not None:
            open(base + '.blob', 'wb').write(c['carry'])
            c['carry'] = base + '.blob'
        if c['kbuf'] is not None:
            open(base + '.kbuf', 'wb').write(c['raw'])
            c['kbuf']['file'] = base + '.kbuf'
        raw = c.pop('raw')
        open(base + '.raw', 'wb').write(raw)
        c['raw'] = base + '.raw'
        with open(base + '.json', 'w') as f:
            json.dump(c, f)
        print('%d %s %s' % (n, c['kind'], c['desc']))


if __name__ == '__main__':
    main()
