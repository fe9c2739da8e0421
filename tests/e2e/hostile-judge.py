#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""hostile-judge.py - one boot of hostile.sh: did the kernel keep its word?

usage: hostile-judge.py CASE.json CONSOLE.log LIST.bin

Passes (exit 0, one line on stdout) when the guest reached /init and
finished, the console shows no oops, KASAN or UBSAN report, warning, soft
lockup or hung task, a carry case logged exactly one ima-carry line (a kbuf
case none), and the measurement list is either the one handed over (its
records' PCRs and template data, in order, then this boot's
boot_aggregate) or fresh (boot_aggregate first). A carried list must say
whether it replays to PCR 10: on the guest's fresh TPM it does only when
it has no PCR 10 entry.
"""
import json
import os
import re
import struct
import sys

KHDR = 24
BAD = re.compile(r'BUG: |UBSAN: |Oops|Unable to handle kernel|soft lockup|'
                 r'hung_task|blocked for more than|Call trace:|WARNING: CPU: |'
                 r'Kernel panic|kernel BUG|general protection|stack-protector')
OURS = re.compile(r'ima: (carried \d+ measurements|/chosen/linux,ima-carry )')


def parse(buf, pos=0, limit=None):
    """(pcr, name, data) of each record; stops where a record is cut."""
    out = []
    while pos + 28 <= len(buf) and (limit is None or len(out) < limit):
        pcr = struct.unpack_from('<I', buf, pos)[0]
        nl = struct.unpack_from('<I', buf, pos + 24)[0]
        if pos + 32 + nl > len(buf):
            break
        name = buf[pos + 28:pos + 28 + nl]
        dl = struct.unpack_from('<I', buf, pos + 28 + nl)[0]
        if pos + 32 + nl + dl > len(buf):
            break
        out.append((pcr, name, buf[pos + 32 + nl:pos + 32 + nl + dl]))
        pos += 32 + nl + dl
    return out


def event_name(data):
    """The second field (n-ng) of a record's template data."""
    if len(data) < 4:
        return b''
    l0 = struct.unpack_from('<I', data, 0)[0]
    p = 4 + l0
    if p + 4 > len(data):
        return b''
    l1 = struct.unpack_from('<I', data, p)[0]
    return data[p + 4:p + 4 + l1]


def is_aggregate(rec):
    return event_name(rec[2]) == b'boot_aggregate\0'


def main():
    c = json.load(open(sys.argv[1]))
    log = open(sys.argv[2], errors='replace').read().splitlines()
    lst = parse(open(sys.argv[3], 'rb').read())
    raw = open(c['raw'], 'rb').read()
    what = 'case %d %s (%s)' % (c['id'], c['kind'], c['desc'])

    def fail(why):
        print('FAIL %s: %s' % (what, why))
        sys.exit(1)

    bad = [l for l in log if BAD.search(l)]
    if bad:
        fail('console: %s' % bad[0].strip())
    if not any(l == '@@E2E hop 1' for l in log) or \
            not any(l == '@@E2E done 1' for l in log):
        fail('the guest did not reach /init and finish')
    ours = [re.sub(r'^\[[ 0-9.]+\] ', '', l) for l in log if OURS.search(l)]
    if c['carry'] and len(ours) != 1:
        fail('%d ima-carry lines, not one: %s' % (len(ours), ours))
    if not c['carry'] and ours:
        fail('an ima-carry line without a blob: %s' % ours[0])
    if not lst:
        fail('the guest list is empty')

    if c['carry']:
        m = re.match(r'ima: carried (\d+) measurements', ours[0])
        got = int(m.group(1)) if m else None
        want = parse(raw, KHDR)
    else:
        count = struct.unpack_from('<Q', raw, 16)[0] if len(raw) >= 24 else 0
        want = parse(raw, KHDR, limit=count)
        got = None if is_aggregate(lst[0]) else len(want)
    if got is None:
        if not is_aggregate(lst[0]):
            fail('refused, but the list does not start fresh')
        print('ok %s: fresh: %s' % (what, ours[0] if ours else 'no line'))
        return
    if got != len(want) or len(lst) <= got:
        fail('imported %s, handed over %d, list has %d' %
             (got, len(want), len(lst)))
    for i, (w, g) in enumerate(zip(want, lst)):
        if (w[0], w[2]) != (g[0], g[2]):
            fail('entry %d differs from the one handed over' % i)
    if not is_aggregate(lst[got]):
        fail('entry %d after the carried ones is not boot_aggregate' % got)
    # HOSTILE_KERNEL (another kernel, debugging) may not know the diagnosis.
    if c['carry'] and not os.environ.get('HOSTILE_KERNEL'):
        pcr10 = any(w[0] == 10 for w in want)
        says = 'does not match PCR 10' if pcr10 else 'matches PCR 10'
        if says not in ours[0]:
            fail('the line does not say "%s": %s' % (says, ours[0]))
    print('ok %s: carried %d: %s' % (what, got, ours[0] if ours else
                                     'kexec buffer restored'))


if __name__ == '__main__':
    main()
