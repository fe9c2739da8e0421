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

# A list carried across soft reboots from Debian's 6.1 (sha384 and sha512
# padded) into its 6.12 (native): boots 1-2 padded, 3-4 not. Neither whole
# form replays it; each boot, from its boot_aggregate, in its form does.
gen c4 --count 64 --boots 4 --padded sha384,sha512 --padded-boots 1,2
gen c3 --count 48 --boots 3 --padded sha384,sha512 --padded-boots 1,2
gen c4all --count 64 --boots 4
same "$T/c4.bin" "$T/c4all.bin" "imagen.py --padded-boots list"
head -c "$(wc -c <"$T/c3.bin")" "$T/c4.bin" | cmp -s - "$T/c3.bin" ||
	{ echo "ERROR: imagen.py --boots prefix" >&2; exit 99; }
[ "$(grep -c ' boot_aggregate$' "$T/c4.ascii")" -eq 4 ] ||
	{ echo "ERROR: imagen.py --boots 4: not 4 boot_aggregate entries" >&2; exit 99; }
tpm "$T/tpmc4" "$T/c4.pcrs"
tpm "$T/tpmc3" "$T/c3.pcrs"
# The fixture really mixes: sha384 and sha512 differ from both whole forms.
gen c4pad --count 64 --boots 4 --padded sha384,sha512
grep '^sha384 10 ' "$T/c4.pcrs" >"$T/c4.sha384"
grep -qxFf "$T/c4.sha384" "$T/c4all.pcrs" "$T/c4pad.pcrs" &&
	fail "imagen.py --padded-boots 1,2: sha384 is a whole-list form"
checks=$((checks + 1))
for src in "--tpm $T/tpmc4" "--pcrs $T/c4.pcrs"; do
	run 0 "$IC" verify $src "$T/c4.bin" || continue
	out_has "$T/c4.bin: sha384: matches, boots 1-2 as zero-padded SHA-1, boots 3-4 in sha384: the kernel had no sha384 at IMA init in those boots"
	out_has "$T/c4.bin: sha512: matches, boots 1-2 as zero-padded SHA-1, boots 3-4 in sha512: the kernel had no sha512 at IMA init in those boots"
	out_has "$T/c4.bin: ok: 64 entries match ${src#* } in sha1, sha256, sha384, sha512"
	grep -qE 'sha(1|256): matches' "$T/out" && fail "sha1/sha256 called padded"
	err_lines 0
	checks=$((checks + 1))
done
run 0 "$IC" -q verify --tpm "$T/tpmc4" "$T/c4.bin" &&
	{ [ -s "$T/out" ] && fail "-q verify printed"; err_lines 0; }
# Two boots, the padded one second (a downgrade), one bank mixed; a carried
# blob of it verifies the same.
gen c2 --count 40 --boots 2 --padded sha384 --padded-boots 2
run 0 "$IC" pack -q -o "$T/c2.blob" "$T/c2.bin"
for f in "$T/c2.bin" "$T/c2.blob"; do
	run 0 "$IC" verify --pcrs "$T/c2.pcrs" "$f" || continue
	out_has "$f: sha384: matches, boot 1 in sha384, boot 2 as zero-padded SHA-1: the kernel had no sha384 at IMA init in that boot"
	grep -q "sha512: matches" "$T/out" && fail "sha512 called padded"
	out_has "$f: ok: 40 entries match"
	checks=$((checks + 1))
done
# Alternating boots.
gen c13 --count 64 --boots 4 --padded sha512 --padded-boots 1,3
run 0 "$IC" verify --pcrs "$T/c13.pcrs" "$T/c13.bin" &&
	out_has "sha512: matches, boot 1 as zero-padded SHA-1, boot 2 in sha512, boot 3 as zero-padded SHA-1, boot 4 in sha512: the kernel had no sha512 at IMA init in those boots"
# A real gap in such a chain is still the gap, in every bank, and no bank
# is put down to padding: boots 1-3 listed, the TPM saw boot 4 too.
run 1 "$IC" verify --tpm "$T/tpmc4" "$T/c3.bin" && {
	err_has "$T/c3.bin: bank sha384: the list is missing measurements — the load→execute gap"
	err_has "$T/c3.bin: bank sha512: the list is missing measurements"
	err_has "$T/c3.bin: bank sha256: the list is missing measurements"
	err_lines 8
	grep -q 'padded\|matches' "$T/out" "$T/err" && fail "a gap put down to padding"
	checks=$((checks + 1))
}
# A quote taken after boot 3 of the chain: the extra entries, said in the
# forms each boot took.
run 1 "$IC" verify --tpm "$T/tpmc3" "$T/c4.bin" && {
	err_has "$T/c4.bin: bank sha384 PCR 10: with boots 1-2 as zero-padded SHA-1, boot 3 in sha384, the list has 16 extra entries after entry 47; the quote was taken earlier"
	err_has "$T/c4.bin: bank sha512 PCR 10: with boots 1-2 as zero-padded SHA-1, boot 3 in sha512, the list has 16 extra entries after entry 47"
	err_has "$T/c4.bin: bank sha256 PCR 10: the list has 16 extra entries after entry 47; the quote was taken earlier"
	grep -q 'missing' "$T/err" && fail "an earlier quote called a gap"
	[ -s "$T/out" ] && fail "ok line on a mismatch"
	checks=$((checks + 1))
}
# Forms that no choice per boot combines to: a sha384 value none reaches.
cp -r "$T/tpmc4" "$T/tpmc4bad"
printf '5A%.0s' $(seq 48) >"$T/tpmc4bad/pcr-sha384/10"
run 1 "$IC" verify --tpm "$T/tpmc4bad" "$T/c4.bin" && {
	out_has "sha512: matches, boots 1-2 as zero-padded SHA-1"
	err_has "bank sha384: the list is missing measurements"
	err_lines 2
}
# The other way round (an upgrade undone), and each bank in its own mix.
gen r4 --count 64 --boots 4 --padded sha384,sha512 --padded-boots 3,4
run 0 "$IC" verify --pcrs "$T/r4.pcrs" "$T/c4.bin" &&
	out_has "sha384: matches, boots 1-2 in sha384, boots 3-4 as zero-padded SHA-1"
{ grep -v '^sha384' "$T/c4.pcrs"; grep '^sha384' "$T/r4.pcrs"; } >"$T/c4r.pcrs"
run 0 "$IC" verify --pcrs "$T/c4r.pcrs" "$T/c4.bin" && {
	out_has "sha384: matches, boots 1-2 in sha384, boots 3-4 as zero-padded SHA-1"
	out_has "sha512: matches, boots 1-2 as zero-padded SHA-1, boots 3-4 in sha512"
}
# Past the bound (13 boots: 8192 values) a bank is not searched, and a
# mismatch is not called a gap for sure.
gen c13b --count 30 --boots 13 --padded sha384 --padded-boots 1
run 1 "$IC" verify --pcrs "$T/c13b.pcrs" "$T/c13b.bin" && {
	err_has "$T/c13b.bin: bank sha384: the list is missing measurements, or its 13 boots extended the bank in different forms: each boot in either form would be more than 4096 PCR values to follow, not tried"
	err_lines 2
}
gen c12 --count 30 --boots 12 --padded sha384 --padded-boots 1,12
run 0 "$IC" verify --pcrs "$T/c12.pcrs" "$T/c12.bin" &&
	out_has "sha384: matches, boot 1 as zero-padded SHA-1, boots 2-11 in sha384, boot 12 as zero-padded SHA-1: the kernel had no sha384 at IMA init in those boots"

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
