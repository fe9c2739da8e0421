#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# real.sh - ima-carry on lists written by real kernels, with their TPMs' PCR 10
. "$top_srcdir/tests/tool/lib.sh"

R=${IMACARRY_TESTDATA:-}
[ -n "$R" ] && [ -d "$R" ] ||
	skip "real lists: IMACARRY_TESTDATA='$R' is not a directory"
for f in hyperf-binary_runtime_measurements_sha1 hyperf.pcrs ibmtss.pcrs; do
	[ -r "$R/$f" ] || skip "real lists: $R/$f missing"
done

# The kernel's own ascii rendering, byte for byte.
run 0 "$IC" dump "$R/hyperf-binary_runtime_measurements_sha256" &&
	same "$T/out" "$R/hyperf-ascii_runtime_measurements_sha256" "hyperf dump"

# Every list replays to its TPM's values in every bank, and verifies, also
# against a fake sysfs TPM holding them.
tpm "$T/hyperf-tpm" "$R/hyperf.pcrs"
tpm "$T/ibmtss-tpm" "$R/ibmtss.pcrs"
for f in "$R"/hyperf-binary_runtime_measurements_sha*; do
	run 0 "$IC" replay --bank sha1 --bank sha256 --bank sha384 "$f" &&
		same "$T/out" "$R/hyperf.pcrs" "replay $f"
	run 0 "$IC" verify --pcrs "$R/hyperf.pcrs" "$f" && out_has "ok: 43 entries"
	run 0 "$IC" verify --tpm "$T/hyperf-tpm" "$f"
done
for f in "$R"/ibmtss-sha*.log; do
	run 0 "$IC" replay --bank sha1 --bank sha256 --bank sha384 \
		--bank sha512 "$f" && same "$T/out" "$R/ibmtss.pcrs" "replay $f"
	run 0 "$IC" verify --pcrs "$R/ibmtss.pcrs" "$f" && out_has "ok: 362 entries"
	run 0 "$IC" verify --tpm "$T/ibmtss-tpm" "$f"
done
# Another machine's values: never reached, so "missing measurements".
run 1 "$IC" verify --pcrs "$R/ibmtss.pcrs" "$R/hyperf-binary_runtime_measurements_sha1" &&
	err_has "bank sha1: the list is missing measurements"

# Every list parses; the parse-and-dump vector dumps with every template.
for f in franczar-ima_ng puiterwijk-imang ibmtss-imatest.log; do
	run 0 "$IC" check "$R/$f" && out_has "$R/$f: ok: "
	run 0 "$IC" dump "$R/$f"
	run 0 "$IC" dump --json "$R/$f" &&
		python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T/out" ||
		fail "dump --json $f"
done

# Carry the real SHA-1 lists: pack -> inject -> extract -> dump, and the
# carried list still replays to the TPM's values.
dts base '/dts-v1/; / { chosen { bootargs = "root=/dev/vda"; }; };'
for f in hyperf-binary_runtime_measurements_sha1 ibmtss-sha1.log franczar-ima_ng; do
	run 0 "$IC" dump "$R/$f" && cp "$T/out" "$T/$f.ascii"
	run 0 "$IC" pack -q -o "$T/$f.blob" "$R/$f" &&
		run 0 "$IC" inject --blob "$T/$f.blob" -o "$T/$f.dtb" "$T/base.dtb" &&
		run 0 "$IC" extract -o "$T/$f.out" "$T/$f.dtb" &&
		run 0 "$IC" dump "$T/$f.out" &&
		same "$T/out" "$T/$f.ascii" "carry $f"
	run 0 "$IC" extract --list -o "$T/$f.list" "$T/$f.dtb" &&
		same "$T/$f.list" "$R/$f" "extract --list $f"
done
run 0 "$IC" verify --tpm "$T/hyperf-tpm" "$T/hyperf-binary_runtime_measurements_sha1.dtb"
run 0 "$IC" verify --pcrs "$R/ibmtss.pcrs" "$T/ibmtss-sha1.log.dtb"
# The legacy 'ima' entry of the vector cannot be carried.
run 1 "$IC" pack -o "$T/imatest.blob" "$R/ibmtss-imatest.log" &&
	err_has "ima_template=ima-ng"
absent "$T/imatest.blob"

finish
