#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# verify.sh - ima-carry verify against a PCRS file and a fake TPM, and its diagnosis
. "$top_srcdir/tests/tool/lib.sh"

gen l50 --count 50
gen l40 --count 40
head -c "$(wc -c <"$T/l40.bin")" "$T/l50.bin" | cmp -s - "$T/l40.bin" ||
	{ echo "ERROR: imagen.py prefix" >&2; exit 99; }
tpm "$T/tpm50" "$T/l50.pcrs"
tpm "$T/tpm40" "$T/l40.pcrs"

# Matches: every bank of the file, every bank of the TPM; one ok line.
run 0 "$IC" verify --pcrs "$T/l50.pcrs" "$T/l50.bin" && {
	out_has "$T/l50.bin: ok: 50 entries match $T/l50.pcrs in sha1, sha256, sha384, sha512"
	err_lines 0
}
run 0 "$IC" verify --tpm "$T/tpm50" "$T/l50.bin" &&
	out_has "ok: 50 entries match $T/tpm50 in sha1, sha256, sha384, sha512"
run 0 "$IC" -q verify --tpm "$T/tpm50" "$T/l50.bin" && {
	[ -s "$T/out" ] && fail "-q verify printed"
	err_lines 0
}
# A TPM with only some banks is verified in those.
mkdir -p "$T/tpm1" && cp -r "$T/tpm50/pcr-sha256" "$T/tpm1/"
run 0 "$IC" verify --tpm "$T/tpm1" "$T/l50.bin" && out_has "in sha256"
# A file may hold comments and blank lines; its hex may be upper case.
{ echo "# PCR 10 after boot"; echo; tr a-f A-F <"$T/l50.pcrs"; } >"$T/c.pcrs"
run 0 "$IC" verify --pcrs "$T/c.pcrs" "$T/l50.bin"
# Blobs, DTBs and the live list verify too.
run 0 "$IC" pack -q -o "$T/l50.blob" "$T/l50.bin"
dts base '/dts-v1/; / { chosen { }; };'
run 0 "$IC" inject --blob "$T/l50.blob" -o "$T/l50.dtb" "$T/base.dtb"
run 0 "$IC" verify --tpm "$T/tpm50" "$T/l50.blob"
run 0 "$IC" verify --tpm "$T/tpm50" "$T/l50.dtb"
securityfs "$T/sfs" l50
IMACARRY_SECURITYFS="$T/sfs" run 0 "$IC" verify --tpm "$T/tpm50" &&
	out_has "$T/sfs/ima/binary_runtime_measurements: ok: 50 entries"

# Diagnosis 1: the list has entries the TPM value had not seen yet (the
# quote was taken after entry 39). One replay pass finds entry 39.
for src in "--pcrs $T/l40.pcrs" "--tpm $T/tpm40"; do
	run 1 "$IC" verify $src "$T/l50.bin" || continue
	err_has "$T/l50.bin: bank sha1 PCR 10 does not match"
	err_has "replay $(grep '^sha1 10' "$T/l50.pcrs" | cut -d' ' -f3), expected $(grep '^sha1 10' "$T/l40.pcrs" | cut -d' ' -f3)"
	err_has "$T/l50.bin: bank sha256 PCR 10: the list has 10 extra entries after entry 39; the quote was taken earlier"
	err_has "bank sha512 PCR 10: the list has 10 extra entries after entry 39"
	[ -s "$T/out" ] && fail "ok line on a mismatch"
	checks=$((checks + 1))
done

# Diagnosis 2: the TPM saw measurements the list lacks: the load->execute
# gap of a soft reboot. The carried DTB of the 40-entry list, checked
# against a TPM that saw all 50.
run 0 "$IC" inject --list "$T/l40.bin" -o "$T/l40.dtb" "$T/base.dtb"
for f in "$T/l40.bin" "$T/l40.dtb"; do
	run 1 "$IC" verify --tpm "$T/tpm50" "$f" || continue
	err_has "$f: bank sha1 PCR 10 does not match $T/tpm50"
	err_has "$f: bank sha1: the list is missing measurements — the load→execute gap; see the ima-carry.shutdown hook"
	err_has "$f: bank sha256: the list is missing measurements"
	err_lines 8
done

# Diagnosis 3: the value is the one before any entry (an empty PCR).
printf 'sha1 10 %040d\n' 0 >"$T/zero.pcrs"
run 1 "$IC" verify --pcrs "$T/zero.pcrs" "$T/l40.bin" &&
	err_has "the list has 40 extra entries from its start; the quote was taken before any of them"
# ... and an empty list against a non-empty PCR is missing measurements.
: >"$T/empty.bin"
run 1 "$IC" verify --tpm "$T/tpm40" "$T/empty.bin" &&
	err_has "bank sha1: the list is missing measurements"
# An empty list matches an untouched PCR 10.
printf 'sha256 10 %064d\n' 0 >"$T/zero256.pcrs"
run 0 "$IC" verify --pcrs "$T/zero256.pcrs" "$T/empty.bin"

# A TPM's firmware PCRs are not the list's business; a PCRS file's are.
printf 'sha1 0 %s\n' "$(printf '5a%.0s' $(seq 20))" >>"$T/fw.pcrs"
cat "$T/l50.pcrs" >>"$T/fw.pcrs"
run 1 "$IC" verify --pcrs "$T/fw.pcrs" "$T/l50.bin" &&
	err_has "bank sha1 PCR 0 does not match"

# A template digest that does not match its data fails verify, with the
# offset and entry, even where no PCR is involved.
cp "$T/l50.bin" "$T/bad.bin"
poke "$T/bad.bin" $(($(wc -c <"$T/bad.bin") - 2)) 58
run 1 "$IC" verify --tpm "$T/tpm50" "$T/bad.bin" && {
	err_has "$T/bad.bin: offset $(entry_offset "$T/l50.bin" 49), entry 49: template digest does not match its data"
	err_has "$T/bad.bin: 1 template digests do not match their data"
}

# Banks the kernel had no hash for at IMA init hold zero-padded SHA-1
# extends (Debian's sha384 and sha512 are modules): they match in that form,
# and verify says so; banks in their own hash say nothing of the kind.
gen p50 --count 50 --padded sha384,sha512
gen p40 --count 40 --padded sha384,sha512
same "$T/p50.bin" "$T/l50.bin" "imagen.py --padded list"
tpm "$T/tpmpad" "$T/p50.pcrs"
tpm "$T/tpmpad40" "$T/p40.pcrs"
run 0 "$IC" verify --tpm "$T/tpm50" "$T/l50.bin" &&
	grep -q padded "$T/out" "$T/err" && fail "own-hash banks called padded"
checks=$((checks + 1))
for src in "--tpm $T/tpmpad" "--pcrs $T/p50.pcrs"; do
	run 0 "$IC" verify $src "$T/l50.bin" || continue
	out_has "$T/l50.bin: sha384: matches, as zero-padded SHA-1: the kernel had no sha384 at IMA init"
	out_has "$T/l50.bin: sha512: matches, as zero-padded SHA-1: the kernel had no sha512 at IMA init"
	out_has "$T/l50.bin: ok: 50 entries match ${src#* } in sha1, sha256, sha384, sha512"
	grep -qE 'sha(1|256): matches' "$T/out" && fail "sha1/sha256 called padded"
	err_lines 0
	checks=$((checks + 1))
done
run 0 "$IC" -q verify --tpm "$T/tpmpad" "$T/l50.bin" &&
	{ [ -s "$T/out" ] && fail "-q verify printed"; err_lines 0; }
# One bank padded, the other in its own hash: each in its form.
gen p384 --count 50 --padded sha384
tpm "$T/tpm384" "$T/p384.pcrs"
run 0 "$IC" verify --tpm "$T/tpm384" "$T/l50.bin" && {
	out_has "sha384: matches, as zero-padded SHA-1"
	grep -q "sha512: matches" "$T/out" && fail "sha512 called padded"
	checks=$((checks + 1))
}
# A padded bank whose quote was taken earlier is diagnosed in that form.
run 1 "$IC" verify --tpm "$T/tpmpad40" "$T/l50.bin" && {
	err_has "$T/l50.bin: bank sha384 PCR 10 does not match $T/tpmpad40: replay $(grep '^sha384 10' "$T/p50.pcrs" | cut -d' ' -f3) as zero-padded SHA-1, expected $(grep '^sha384 10' "$T/p40.pcrs" | cut -d' ' -f3)"
	err_has "$T/l50.bin: bank sha384 PCR 10: as zero-padded SHA-1, the list has 10 extra entries after entry 39; the quote was taken earlier"
	err_has "$T/l50.bin: bank sha256 PCR 10: the list has 10 extra entries after entry 39; the quote was taken earlier"
	[ -s "$T/out" ] && fail "ok line on a mismatch"
	checks=$((checks + 1))
}
# A real gap on such a TPM is still the gap, in every bank, and no bank
# is put down to padding.
run 1 "$IC" verify --tpm "$T/tpmpad" "$T/l40.bin" && {
	err_has "$T/l40.bin: bank sha384 PCR 10 does not match $T/tpmpad: replay $(grep '^sha384 10' "$T/l40.pcrs" | cut -d' ' -f3), expected"
	err_has "$T/l40.bin: bank sha384: the list is missing measurements — the load→execute gap"
	err_has "$T/l40.bin: bank sha512: the list is missing measurements"
	err_has "$T/l40.bin: bank sha1: the list is missing measurements"
	err_lines 8
	grep -q padded "$T/out" "$T/err" && fail "a gap put down to padding"
	checks=$((checks + 1))
}
# A bank that matches in neither form is a mismatch, not a padded match.
cp -r "$T/tpmpad" "$T/tpmmix"
printf '5A%.0s' $(seq 48) >"$T/tpmmix/pcr-sha384/10"
run 1 "$IC" verify --tpm "$T/tpmmix" "$T/l50.bin" && {
	out_has "sha512: matches, as zero-padded SHA-1"
	err_has "bank sha384: the list is missing measurements"
	err_lines 2
}

# Bad expectations are invalid input (exit 1) naming the file and line.
printf 'sha1 10 %040d\nsha1 10 zz\n' 0 >"$T/bad1.pcrs"
run 1 "$IC" verify --pcrs "$T/bad1.pcrs" "$T/l50.bin" &&
	err_has "$T/bad1.pcrs: line 2: expected 'ALG PCR HEX'"
printf 'md5 10 %032d\n' 0 >"$T/bad2.pcrs"
run 1 "$IC" verify --pcrs "$T/bad2.pcrs" "$T/l50.bin" && err_has "line 1"
printf 'sha1 24 %040d\n' 0 >"$T/bad3.pcrs"
run 1 "$IC" verify --pcrs "$T/bad3.pcrs" "$T/l50.bin" && err_has "line 1"
printf 'sha1 10 %040d extra\n' 0 >"$T/bad4.pcrs"
run 1 "$IC" verify --pcrs "$T/bad4.pcrs" "$T/l50.bin" && err_has "line 1"
printf '# nothing\n' >"$T/none.pcrs"
run 1 "$IC" verify --pcrs "$T/none.pcrs" "$T/l50.bin" && err_has "no PCR value"
run 1 "$IC" verify --pcrs "$T/missing.pcrs" "$T/l50.bin" &&
	err_has "$T/missing.pcrs: No such file or directory"
mkdir -p "$T/notpm"
run 1 "$IC" verify --tpm "$T/notpm" "$T/l50.bin" && err_has "no pcr-ALG directories"
cp -r "$T/tpm50" "$T/tpmbad" && echo "XYZ" >"$T/tpmbad/pcr-sha1/10"
run 1 "$IC" verify --tpm "$T/tpmbad" "$T/l50.bin" &&
	err_has "$T/tpmbad/pcr-sha1/10: not 20 bytes of hex"
# A broken list: offset and entry.
head -c 3000 "$T/l50.bin" >"$T/cut.bin"
run 1 "$IC" verify --tpm "$T/tpm50" "$T/cut.bin" && err_has "$T/cut.bin: offset "

finish
