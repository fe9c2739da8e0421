#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# pack.sh - ima-carry pack: files and the live list, summaries, and refusals
. "$top_srcdir/tests/tool/lib.sh"

gen ng --count 300
gen be --count 50 --big-endian
gen sha256 --count 20 --digest-size 32
gen legacy --template ima --count 10

# A file: the blob checks, and carries every entry; a summary on stderr.
run 0 "$IC" pack -o "$T/ng.blob" "$T/ng.bin" && {
	err_has "$T/ng.bin: packed 300 entries:"
	err_has "bytes stored (zlib)"
	err_lines 1
}
run 0 "$IC" check "$T/ng.blob" && out_has "$T/ng.blob: ok: 300 entries"
run 0 "$IC" dump "$T/ng.blob" && same "$T/out" "$T/ng.ascii" "dump ng.blob"

# Raw = 24-byte ima_kexec_hdr + the list; the blob is smaller when deflated.
run 0 "$IC" dump --header "$T/ng.blob" && {
	out_has "# raw_len: $(($(wc -c <"$T/ng.bin") + 24))"
	out_has "# count: 300"
}
[ "$(wc -c <"$T/ng.blob")" -lt "$(wc -c <"$T/ng.bin")" ] ||
	fail "a deflated blob is not smaller than its list"
checks=$((checks + 1))

# --no-compress stores the payload: payload_len == raw_len, no zlib flag.
run 0 "$IC" pack --no-compress -o "$T/ng-raw.blob" "$T/ng.bin" &&
	err_has "bytes stored"
run 0 "$IC" dump --header "$T/ng-raw.blob" && {
	out_has "# flags: 0x0"
	out_has "# payload_len: $(($(wc -c <"$T/ng.bin") + 24))"
}
run 0 "$IC" dump "$T/ng-raw.blob" && same "$T/out" "$T/ng.ascii" "dump ng-raw.blob"

# -q, globally or per command, keeps stderr empty; stdout carries the blob.
run 0 "$IC" -q pack -o "$T/q1.blob" "$T/ng.bin" && err_lines 0
run 0 "$IC" pack -q -o "$T/q2.blob" "$T/ng.bin" && err_lines 0
same "$T/q1.blob" "$T/ng.blob" "pack is deterministic"
run 0 "$IC" pack -q "$T/ng.bin" && same "$T/out" "$T/ng.blob" "pack to stdout"
run 0 "$IC" pack -q -o - - <"$T/ng.bin" && same "$T/out" "$T/ng.blob" "pack - to -"

# A big-endian list keeps its order, and says so.
run 0 "$IC" pack -q -o "$T/be.blob" "$T/be.bin"
run 0 "$IC" dump --header "$T/be.blob" && out_has "big-endian"
run 0 "$IC" dump "$T/be.blob" && same "$T/out" "$T/be.ascii" "dump be.blob"

# The live list, through a fake securityfs; its count file bounds it.
securityfs "$T/sfs" ng
IMACARRY_SECURITYFS="$T/sfs" run 0 "$IC" pack -o "$T/live.blob" &&
	err_has "$T/sfs/ima/binary_runtime_measurements: packed 300 entries"
same "$T/live.blob" "$T/ng.blob" "pack (live)"
# The list grew after the count was read: the snapshot keeps 299 entries.
echo 299 >"$T/sfs/ima/runtime_measurements_count"
IMACARRY_SECURITYFS="$T/sfs" run 0 "$IC" pack -o "$T/live299.blob" &&
	err_has "packed 299 entries"
run 0 "$IC" dump "$T/live299.blob" && {
	head -n 299 "$T/ng.ascii" >"$T/ng299.ascii"
	same "$T/out" "$T/ng299.ascii" "pack (live, trimmed)"
}
IMACARRY_SECURITYFS="$T/nowhere" run 1 "$IC" pack -o "$T/none.blob" &&
	err_has "$T/nowhere/ima/binary_runtime_measurements"
absent "$T/none.blob"

# The legacy 'ima' template: refused, naming the entry and the fix.
run 1 "$IC" pack -o "$T/legacy.blob" "$T/legacy.bin" && {
	err_has "$T/legacy.bin: offset 0, entry 0:"
	err_has "ima_template=ima-ng"
	err_lines 1
}
absent "$T/legacy.blob"
# ... also when it comes late in the list.
cat "$T/ng.bin" "$T/legacy.bin" >"$T/mixed.bin"
run 1 "$IC" pack -o "$T/mixed.blob" "$T/mixed.bin" &&
	err_has "$T/mixed.bin: offset $(wc -c <"$T/ng.bin"), entry 300:"
absent "$T/mixed.blob"

# Per-bank lists cannot be restored by the kernel.
run 1 "$IC" pack -o "$T/sha256.blob" "$T/sha256.bin" &&
	err_has "32-byte template digests"
absent "$T/sha256.blob"

# A broken list names the offset and entry; an old OUT stays as it was.
head -c 1000 "$T/ng.bin" >"$T/cut.bin"
cp "$T/ng.blob" "$T/keep.blob"
run 1 "$IC" pack -o "$T/keep.blob" "$T/cut.bin" && {
	err_has "$T/cut.bin: offset "
	err_has ", entry "
}
same "$T/keep.blob" "$T/ng.blob" "a failed pack kept the old OUT"
no_temps "$T/keep.blob"
# A missing input, and an OUT in a directory that does not exist.
run 1 "$IC" pack -o "$T/x.blob" "$T/missing.bin" &&
	err_has "$T/missing.bin: No such file or directory"
absent "$T/x.blob"
run 1 "$IC" pack -o "$T/nodir/x.blob" "$T/ng.bin" && err_has "$T/nodir/x.blob"

# --no-compress writes the prefix and the (mapped) list as they are: the
# same bytes from a file, a pipe, to stdout; empty lists too.
run 0 "$IC" pack -q --no-compress "$T/ng.bin" &&
	same "$T/out" "$T/ng-raw.blob" "pack --no-compress to stdout"
run 0 "$IC" pack -q --no-compress -o - - <"$T/ng.bin" &&
	same "$T/out" "$T/ng-raw.blob" "pack --no-compress from stdin (a file)"
cat "$T/ng.bin" | "$IC" pack -q --no-compress -o - - >"$T/pipe.blob" ||
	fail "pack --no-compress from a pipe failed"
same "$T/pipe.blob" "$T/ng-raw.blob" "pack --no-compress from a pipe"
run 0 "$IC" pack -q --no-compress -o "$T/be-raw.blob" "$T/be.bin" &&
	run 0 "$IC" dump "$T/be-raw.blob" &&
	same "$T/out" "$T/be.ascii" "dump be-raw.blob"
: >"$T/empty.bin"
run 0 "$IC" pack --no-compress -o "$T/empty.blob" "$T/empty.bin" &&
	err_has "packed 0 entries: 24 bytes raw, 24 bytes stored"
run 0 "$IC" check "$T/empty.blob" && out_has "ok: 0 entries"
tail -c +73 "$T/ng-raw.blob" >"$T/tail.bin"
same "$T/tail.bin" "$T/ng.bin" "the stored blob ends in the list itself"
# Its refusals name file, offset and entry as pack's do; nothing written.
run 1 "$IC" pack --no-compress -o "$T/mixed.blob" "$T/mixed.bin" && {
	err_has "$T/mixed.bin: offset $(wc -c <"$T/ng.bin"), entry 300:"
	err_has "ima_template=ima-ng"
	err_lines 1
}
absent "$T/mixed.blob"
run 1 "$IC" pack --no-compress -o "$T/sha256.blob" "$T/sha256.bin" &&
	err_has "32-byte template digests"
absent "$T/sha256.blob"
run 1 "$IC" pack --no-compress -o "$T/keep.blob" "$T/cut.bin" && {
	err_has "$T/cut.bin: offset "
	err_has ", entry "
	err_lines 1
}
same "$T/keep.blob" "$T/ng.blob" "a failed pack --no-compress kept OUT"
no_temps "$T/keep.blob"
IMACARRY_SECURITYFS="$T/sfs" run 0 "$IC" pack -q --no-compress \
	-o "$T/live-raw.blob" && run 0 "$IC" check "$T/live-raw.blob" &&
	out_has "ok: 299 entries"

# A blob or a DTB is repacked from its carried list.
run 0 "$IC" pack -q --no-compress -o "$T/re.blob" "$T/ng.blob" &&
	same "$T/re.blob" "$T/ng-raw.blob" "repack"

finish
