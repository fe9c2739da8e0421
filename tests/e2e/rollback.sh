#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# rollback.sh - a list that restore refuses halfway leaves nothing behind,
# and the counters stay right for the next kexec_file_load.
#
# Boot 1 is handed a blob whose first 300 records are sound and whose last
# names a template field this kernel does not know ("d-ng|unknown"): the
# blob and the record walk accept it, restore refuses it at record 300.
# Restore takes a list whole or not at all (patch 0006), so boot 1 must
# log that it dropped the list and start fresh, and binary_runtime_size
# must not count the 300: kexec_file_load (kexec -s) sizes its segment from
# it, ALIGN(size + 24 + PAGE_SIZE / 2, PAGE_SIZE), and boot 2 sees that
# size in linux,ima-kexec-buffer. Boot 2's list must start with boot 1's
# byte for byte, and both replay to PCR 10: the TPM never saw the 300.
. "$(dirname "$0")/lib.sh"
e2e_init rollback
E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1
command -v fdtget >/dev/null || e2e_skip "fdtget is missing (device-tree-compiler)"
e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_KEXEC ||
	e2e_skip "the test kernel has no IMA_KEXEC: kexec -s hands nothing over"

e2e_dump_dtb "$W/base.dtb"
python3 - "$W" <<'PY' || e2e_fail "could not make the half-restorable blob"
import hashlib, struct, sys, zlib
w = sys.argv[1]
def record(name, i):
    f1 = b'sha256:\0' + hashlib.sha256(b'%d' % i).digest()
    path = b'/usr/lib/rollback/file%d\0' % i
    data = struct.pack('<I', len(f1)) + f1 + struct.pack('<I', len(path)) + path
    return (struct.pack('<I', 10) + hashlib.sha1(data).digest() +
            struct.pack('<I', len(name)) + name + struct.pack('<I', len(data)) + data)
recs = [record(b'ima-ng', i) for i in range(300)] + [record(b'd-ng|unknown', 300)]
body = b''.join(recs)
raw = struct.pack('<HHIQQ', 1, 0, 0, 24 + len(body), len(recs)) + body
z = zlib.compress(raw, 6)
h = bytearray(b'IMACARRY' + struct.pack('<HHIQQQII', 1, 48, 1, len(recs),
                                        len(raw), len(z), zlib.crc32(z), 0))
struct.pack_into('<I', h, 44, zlib.crc32(bytes(h[:44])))
open(w + '/half.blob', 'wb').write(bytes(h) + z)
dts = open(w + '/base.dts').read()
open(w + '/half.dts', 'w').write(
    dts + '\n/ { chosen { linux,ima-carry = /incbin/("%s/half.blob"); }; };\n' % w)
PY
dtc -q -I dts -O dtb -o "$W/half.dtb" "$W/half.dts" || e2e_fail "dtc failed"

e2e_hop 1 <<'GUEST'
e2e_dmesg dmesg1
e2e_val pagesize "$(getconf PAGESIZE 2>/dev/null || echo 4096)"
e2e_kexec -s
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_chosen chosen2
GUEST
E2E_BOOT_DTB=$W/half.dtb e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec -s -l failed in boot 1"

e2e_get dmesg1 "$W/dmesg1"
grep -q 'ima: /chosen/linux,ima-carry dropped: restore refused the list (-22)$' \
	"$W/dmesg1" ||
	e2e_fail "boot 1 did not drop the half-restorable list:" \
		"$(grep 'ima: ' "$W/dmesg1" | head -5)"
n1=$(e2e_val preexec1.count)
[ "$n1" -lt 300 ] ||
	e2e_fail "boot 1 lists $n1 measurements: the 300 refused ones stayed"
e2e_check_carry preexec1 boot2

# The segment kexec_file_load sized from binary_runtime_size.
e2e_get chosen2.fdt "$W/chosen2.fdt"
read -r a1 a0 s1 s0 < <(fdtget -t x "$W/chosen2.fdt" /chosen linux,ima-kexec-buffer) ||
	e2e_fail "boot 2 got no linux,ima-kexec-buffer"
size=$(( (0x$s1 << 32) | 0x$s0 ))
page=$(e2e_val pagesize)
len=$(stat -c %s "$W/preexec1.bin")
want=$(( (len + 24 + page / 2 + page - 1) / page * page ))
[ "$size" -eq "$want" ] ||
	e2e_fail "kexec_file_load's segment is $size bytes, not $want for boot 1's" \
		"$len-byte list: binary_runtime_size still counts the dropped list?"
e2e_pass "a list refused at record 300 left nothing: boot 1 fresh ($n1)," \
	"its kexec -s segment $size bytes as its $len-byte list asks, boot 2" \
	"carries it ($(e2e_secs) s)"
