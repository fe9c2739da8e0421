#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# hostile.sh - boot the patched 6.1 with KASAN and UBSAN on hostile carried
# lists; every boot must reach /init clean, with one line and a whole list.
#
# hostile-gen.py makes the cases from HOSTILE_SEED (default 1): valid
# blobs, then random and targeted mutations of them with the CRCs
# recomputed (so that the inner header, the record walk and restore see
# them), lying lengths, inflate bombs, hostile and unknown template names,
# thousands of distinct custom formats, random payloads, cut blobs, and
# hostile linux,ima-kexec-buffer properties (the list loaded into guest RAM
# with QEMU's loader device, /memreserve/'d). x86's SETUP_IMA is not
# covered here: it needs an x86 guest. Each case goes into QEMU's own DTB
# (dumpdtb, then dtc), so no kexec hop is needed; hostile-judge.py judges
# each boot. HOSTILE_CASES cases from HOSTILE_FIRST (default 0): make
# check runs the first 24, make e2e-hostile 210. A failing case leaves its
# console log and files in the work directory, and is rebuilt alone with
# HOSTILE_FIRST=N HOSTILE_CASES=1.
. "$(dirname "$0")/lib.sh"
e2e_init hostile
for t in python3 dtc; do
	command -v $t >/dev/null || e2e_skip "$t is missing"
done
seed=${HOSTILE_SEED:-1}
first=${HOSTILE_FIRST:-0}
cases=${HOSTILE_CASES:-24}
E2E_TIMEOUT=${E2E_TIMEOUT:-240}

E2E_BUSYBOX=$(e2e_busybox)
. "$E2E_DIR/hostile-lib.sh"
E2E_KERNEL=$(hostile_kernel) || exit
e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_CARRY ||
	e2e_skip "the kernel has no CONFIG_IMA_CARRY"
e2e_kernel_has "$E2E_KERNEL" CONFIG_KASAN || [ -n "${HOSTILE_KERNEL:-}" ] ||
	e2e_fail "the hostile kernel has no KASAN"

python3 "$E2E_DIR/hostile-gen.py" "$seed" "$first" "$cases" "$W/cases" \
	>"$W/cases.txt" || e2e_fail "hostile-gen.py failed"

e2e_hop 1 <<'GUEST'
e2e_snapshot s
e2e_val chosen $(ls /proc/device-tree/chosen)
GUEST

machine=("${E2E_QEMU_MACHINE[@]}")
# QEMU's own tree for this machine, TPM included, as the base of each case.
e2e_dump_dtb "$W/base.dtb"

# case_dtb JSON DTB: the base tree with the case's property (and reserve).
case_dtb() {
	python3 - "$1" "$W/base.dts" "$2.dts" <<'PY'
import json, os, sys
c = json.load(open(sys.argv[1]))
dts = open(sys.argv[2]).read()
head, _, body = dts.partition('\n')
extra, reserve = '', ''
if c['carry']:
    # dtc is quadratic in a [..] byte string; /incbin/ is not.
    extra = 'linux,ima-carry = /incbin/("%s");' % os.path.abspath(c['carry'])
if c['kbuf']:
    k = c['kbuf']
    cells = ' '.join('%#x' % v for v in k['cells'])
    extra = ('linux,ima-kexec-buffer = <%s>;' % cells) if cells else \
        'linux,ima-kexec-buffer;'
    if k['memreserve']:
        reserve = '/memreserve/ %#x %#x;\n' % (k['addr'], k['size'])
open(sys.argv[3], 'w').write(head + '\n' + reserve + body +
                             '\n/ { chosen { %s }; };\n' % extra)
PY
	dtc -q -I dts -O dtb -o "$2" "$2.dts"
}

n=0 carried=0 fresh=0 t0=$(date +%s)
for json in $(ls "$W"/cases/case-*.json | sort -V); do
	id=$(basename "$json" .json)
	case_dtb "$json" "$W/$id.dtb" || e2e_fail "$id: dtc failed"
	E2E_QEMU_MACHINE=("${machine[@]}" -dtb "$W/$id.dtb")
	load=$(python3 -c 'import json,sys; k=json.load(open(sys.argv[1]))["kbuf"]
print(k["file"] + " " + hex(k["addr"]) if k and k.get("load", k["memreserve"]) else "")' "$json")
	if [ -n "$load" ]; then
		E2E_QEMU_MACHINE+=(-device "loader,file=${load% *},addr=${load#* },force-raw=on")
	fi
	e2e_run 2>>"$W/runs.err"
	cp "$E2E_LOG" "$W/$id.console"
	e2e_get s.list "$W/$id.list"
	verdict=$(python3 "$E2E_DIR/hostile-judge.py" "$json" "$W/$id.console" \
		"$W/$id.list") || e2e_fail "$verdict (console: $W/$id.console)"
	echo "$verdict" >>"$W/verdicts"
	case $verdict in
	*": carried "*) carried=$((carried + 1)) ;;
	*) fresh=$((fresh + 1)) ;;
	esac
	n=$((n + 1))
	rm -f "$W/$id.dtb.dts" "$W/$id.dtb"
done
[ "$n" -eq "$cases" ] || e2e_fail "ran $n of $cases cases"
secs=$(( $(date +%s) - t0 ))
e2e_say "verdicts: $W/verdicts"
e2e_pass "seed $seed, cases $first..$((first + cases - 1)): $n boots clean" \
	"under KASAN+UBSAN ($carried carried, $fresh fresh), ${secs} s"
