#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# kbuf.sh - dump and check read a kexec buffer (struct ima_kexec_hdr + list)
. "$top_srcdir/tests/tool/lib.sh"

# kbuf LIST OUT BE PAD [COUNT]: the payload kexec --dry-run writes, built
# here from struct ima_kexec_hdr, not by the library.
kbuf() {
	python3 - "$@" <<'PY' || exit 99
import struct, sys
src, out, be, pad = sys.argv[1], sys.argv[2], sys.argv[3] == "1", int(sys.argv[4])
lst = open(src, "rb").read()
count = int(sys.argv[5]) if len(sys.argv) > 5 else None
if count is None:
    count = sum(1 for _ in open(src.replace(".bin", ".ascii"), "rb"))
hdr = struct.pack(">HHIQQ" if be else "<HHIQQ", 1, 0, 0, 24 + len(lst), count)
open(out, "wb").write(hdr + lst + b"\0" * pad)
PY
}

for be in 0 1; do
	opt=
	[ "$be" = 1 ] && opt=--big-endian
	gen "l$be" --count 300 --violations 3 $opt
	for pad in 0 4000; do
		kbuf "$T/l$be.bin" "$T/k.bin" "$be" "$pad"
		run 0 "$IC" dump "$T/k.bin" &&
			same "$T/out" "$T/l$be.ascii" "dump kbuf be=$be pad=$pad"
		run 0 "$IC" check "$T/k.bin" &&
			out_has ": ok: 300 entries" &&
			out_has "after a struct ima_kexec_hdr"
		run 0 "$IC" dump --header "$T/k.bin" &&
			out_has "# count: 300" && out_has "# padding: $pad"
	done
done

# The header's count must match the list.
kbuf "$T/l0.bin" "$T/k.bin" 0 0 299
run 1 "$IC" check "$T/k.bin" && err_has "299" && err_lines 1

# A record error names the file offset: the header's 24 bytes included.
gen short --count 2
python3 -c '
import struct, sys
lst = open(sys.argv[1], "rb").read()
bad = lst[:4] + lst[4:24] + struct.pack("<I", 0) + lst[28:]
open(sys.argv[2], "wb").write(struct.pack("<HHIQQ", 1, 0, 0, 24 + len(bad), 2) + bad)
' "$T/short.bin" "$T/k.bin" || exit 99
run 1 "$IC" check "$T/k.bin" && err_has "offset 48" && err_lines 1

finish
