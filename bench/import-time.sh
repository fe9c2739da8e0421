#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# import-time.sh - the kernel's import time: ima-carry's own cost against
# upstream's restore of the same list, in the same kernel (make bench).
#
# The kernel is the patched 6.1 of tests/e2e/kernel-nokexecfile.config:
# KEXEC_FILE off as Debian's arm64, and SLUB, as every test kernel
# (IMPORT_SLOB=1 also times a SLOB kernel, tests/e2e/kernel-slob.config,
# whose restore grows quadratically under SLOB's first-fit free lists, up to
# IMPORT_SLOB_MAX entries, 20000). For each size the same list boots three
# ways, the blob or buffer put straight into the machine's own tree
# (dumpdtb, dtc), booted as it is (E2E_BOOT_DTB: QEMU's -dtb would double
# a tree past arm64's 2 MiB), so no kexec hop runs:
#   none    no list
#   buffer  linux,ima-kexec-buffer (the list in guest RAM by QEMU's loader
#           device, /memreserve/'d): upstream's ima_load_kexec_buffer()
#   carry   /chosen/linux,ima-carry (deflated): ima_carry_import()
# each with the TPM and again on a machine without one (-notpm), where the
# PCR 10 diagnosis has nothing to replay against. `initcall_debug` gives
# init_ima()'s time (the initcall that returns after IMA's first line:
# tinyconfig has no KALLSYMS). restore = buffer - none; our overhead =
# carry - buffer: without a TPM the header and payload CRCs, inflate and the
# record walk, which the target (<= 10% of restore) is about; with one, the
# PCR 10 replay too (diag, the difference). Medians of IMPORT_RUNS (3)
# rounds of every mode, sizes IMPORT_SIZES (10000
# 20000 50000). The lists are ima-ng records of typical path lengths whose
# file digests cycle through 64 values, near enough for deflate's 32 KiB
# window, so that 50,000 entries still deflate below the 2 MiB an arm64
# kernel maps its tree in (1.42 MB; the SHA-1 template digests do not
# deflate); restore's work does not depend on the digests' values.
# Writes bench/import-time.json and a table on stdout; exits 77 (skip)
# without QEMU, swtpm or the kernel sources.
set -euo pipefail
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$PWD}
. "$top_srcdir/tests/e2e/lib.sh"
e2e_init import-time
for t in python3 dtc; do
	command -v $t >/dev/null || e2e_skip "$t is missing"
done
[ -f /usr/src/linux-source-6.1.tar.xz ] || e2e_skip "linux-source-6.1 missing"
sizes=${IMPORT_SIZES:-10000 20000 50000}
modes="none buffer carry none-notpm buffer-notpm carry-notpm"
runs=${IMPORT_RUNS:-3}
out=${IMPORT_OUT:-$top_builddir/bench/import-time.json}
E2E_TIMEOUT=${E2E_TIMEOUT:-600}
E2E_APPEND="initcall_debug ignore_loglevel"
E2E_BUSYBOX=$(e2e_busybox)
slub=$(E2E_KERNEL_FRAGMENTS=$E2E_DIR/kernel-nokexecfile.config \
	"$E2E_DIR/build-kernel.sh" 6.1) || e2e_fail "kernel build failed"
kernels="slub:$slub"
if [ "${IMPORT_SLOB:-0}" = 1 ]; then
	slob=$(E2E_KERNEL_FRAGMENTS="$E2E_DIR/kernel-nokexecfile.config $E2E_DIR/kernel-slob.config" \
		"$E2E_DIR/build-kernel.sh" 6.1) || e2e_fail "kernel build failed"
	kernels="$kernels slob:$slob"
fi

e2e_hop 1 <<'GUEST'
e2e_val count "$(cat $IMA/runtime_measurements_count)"
e2e_val line "$(dmesg | grep -m1 -E 'ima: (carried|/chosen)' | sed 's/^[^]]*] //')"
GUEST

# -icount: the guest's clock counts instructions (one a nanosecond), so a
# time is what the guest executed, not what the host's load let it run.
machine=("${E2E_QEMU_MACHINE[@]}")
[ "${IMPORT_ICOUNT:-1}" = 1 ] && machine+=(-icount shift=0,align=off)
e2e_dump_dtb "$W/base.dtb"
E2E_NO_TPM=1 e2e_dump_dtb "$W/base-notpm.dtb"

# mk N: $W/N.{kbuf,blob} (the list with its ima_kexec_hdr; packed) and a
# tree for each mode, $W/N-{none,buffer,carry}[-notpm].dtb.
mk() {
	python3 - "$1" "$W" <<'PY'
import hashlib, struct, sys, zlib
n, w = int(sys.argv[1]), sys.argv[2]
recs = []
for i in range(n):
    fd = hashlib.sha256(b'%d' % (i % 64)).digest()
    path = b'/usr/lib/python3/dist-packages/pkg%d/mod%d.py\0' % (i // 97, i)
    f1 = b'sha256:\0' + fd
    data = struct.pack('<I', len(f1)) + f1 + struct.pack('<I', len(path)) + path
    recs.append(struct.pack('<I', 10) + hashlib.sha1(data).digest() +
                struct.pack('<I', 6) + b'ima-ng' + struct.pack('<I', len(data)) + data)
body = b''.join(recs)
raw = struct.pack('<HHIQQ', 1, 0, 0, 24 + len(body), n) + body
open('%s/%d.kbuf' % (w, n), 'wb').write(raw)
z = zlib.compress(raw, 6)
h = bytearray(b'IMACARRY' + struct.pack('<HHIQQQII', 1, 48, 1, n, len(raw),
                                        len(z), zlib.crc32(z), 0))
struct.pack_into('<I', h, 44, zlib.crc32(bytes(h[:44])))
open('%s/%d.blob' % (w, n), 'wb').write(bytes(h) + z)
addr = 0x70000000
for base, suffix in (('base', ''), ('base-notpm', '-notpm')):
    dts = open('%s/%s.dts' % (w, base)).read()
    head, _, tail = dts.partition('\n')
    open('%s/%d-none%s.dts' % (w, n, suffix), 'w').write(dts)
    open('%s/%d-buffer%s.dts' % (w, n, suffix), 'w').write(
        head + '\n/memreserve/ %#x %#x;\n' % (addr, len(raw)) + tail +
        '\n/ { chosen { linux,ima-kexec-buffer = <0 %#x 0 %#x>; }; };\n' % (addr, len(raw)))
    open('%s/%d-carry%s.dts' % (w, n, suffix), 'w').write(
        dts + '\n/ { chosen { linux,ima-carry = /incbin/("%s/%d.blob"); }; };\n' % (w, n))
print('%d entries: list %d bytes, blob %d bytes' % (n, len(raw), len(h) + len(z)))
PY
	local m
	for m in $modes; do
		dtc -q -I dts -O dtb -o "$W/$1-$m.dtb" "$W/$1-$m.dts"
		rm -f "$W/$1-$m.dts"
	done
}

: >"$W/results"
for n in $sizes; do
	e2e_say "$(mk "$n")"
	for k in $kernels; do
		E2E_KERNEL=${k#*:}
		# SLOB's restore is quadratic: 50k would take minutes a boot
		[ "${k%%:*}" = slob ] && [ "$n" -gt "${IMPORT_SLOB_MAX:-20000}" ] && continue
		# Round by round, so that a change of load hits every mode alike.
		for r in $(seq "$runs"); do
			for m in $modes; do
				E2E_BOOT_DTB=$W/$n-$m.dtb
				E2E_QEMU_MACHINE=("${machine[@]}")
				case $m in buffer*) E2E_QEMU_MACHINE+=(-device \
					"loader,file=$W/$n.kbuf,addr=0x70000000,force-raw=on") ;;
				esac
				E2E_NO_TPM=0
				case $m in *-notpm) E2E_NO_TPM=1 ;; esac
				e2e_run 2>>"$W/runs.err"
				# Without KALLSYMS initcalls are addresses: init_ima()
				# is the one that returns after IMA's first line.
				us=$(awk '/\] ima: / { seen = 1 }
					seen && / returned -?[0-9]+ after [0-9]+ usecs/ {
						sub(/ usecs.*/, ""); sub(/.* after /, ""); print; exit }' \
					"$E2E_LOG")
				c=$(e2e_val count)
				[ -n "$us" ] || e2e_fail "no init_ima initcall time ($n $m)"
				# boot_aggregate and what the guest runs, after the list
				want=1
				case $m in none*) ;; *) want=$((n + 1)) ;; esac
				[ "$c" -ge "$want" ] && [ "$c" -le $((want + 20)) ] ||
					e2e_fail "$k $n $m: $c measurements, expected $want: $(e2e_val line)"
				echo "${k%%:*} $n $m $us" >>"$W/results"
			done
		done
	done
done

python3 - "$W/results" "$out" <<'PY'
import json, statistics, sys
t = {}
for line in open(sys.argv[1]):
    k, n, m, us = line.split()
    t.setdefault((k, int(n), m), []).append(int(us))
res = []
# restore: upstream's, buffer - none; ours: carry - buffer, with the TPM
# (and so the PCR 10 diagnosis) and without it (checks, CRCs, inflate and
# the walk alone, against the restore of a machine without a TPM).
print('%-5s %7s %10s %10s %8s %14s %8s %8s' % ('slab', 'entries',
      'restore ms', 'ours ms', 'ours %', 'no-TPM: ours', 'ours %', 'diag ms'))
for (k, n) in sorted({(k, n) for k, n, _ in t}):
    med = {m: statistics.median(v) / 1000
           for (kk, nn, m), v in t.items() if (kk, nn) == (k, n)}
    def diff(a, b):
        return med[a] - med[b] if a in med and b in med else None
    restore, ours = diff('buffer', 'none'), diff('carry', 'buffer')
    restore_nt = diff('buffer-notpm', 'none-notpm')
    ours_nt = diff('carry-notpm', 'buffer-notpm')
    diag = ours - ours_nt if ours is not None and ours_nt is not None else None
    def pct(a, b):
        return '%.1f%%' % (100 * a / b) if a is not None and b else '-'
    def ms(a):
        return '-' if a is None else '%.1f' % a
    res.append({'slab': k, 'entries': n, 'median_ms': med,
                'runs_us': {m: v for (kk, nn, m), v in t.items()
                            if (kk, nn) == (k, n)},
                'restore_ms': restore, 'overhead_ms': ours,
                'overhead_ratio': ours / restore if ours is not None else None,
                'restore_notpm_ms': restore_nt, 'overhead_notpm_ms': ours_nt,
                'overhead_notpm_ratio': ours_nt / restore_nt
                if ours_nt is not None and restore_nt else None,
                'diagnosis_ms': diag})
    print('%-5s %7d %10s %10s %8s %14s %8s %8s' % (k, n, ms(restore),
          ms(ours), pct(ours, restore), ms(ours_nt), pct(ours_nt, restore_nt),
          ms(diag)))
json.dump(res, open(sys.argv[2], 'w'), indent=1)
PY
e2e_pass "import times in $out"
