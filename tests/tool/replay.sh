#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# replay.sh - ima-carry replay: every bank, --pcr, --initial, digest mismatches
. "$top_srcdir/tests/tool/lib.sh"

all="--bank sha1 --bank sha256 --bank sha384 --bank sha512"

# The generator's fixtures: every PCR they extend, in all four banks.
python3 "$GEN" --fixtures "$T/fx" || exit 99
padded="--bank sha1 --bank sha256:padded --bank sha384:padded --bank sha512:padded"
while read -r stem size be; do
	run 0 "$IC" replay $all "$T/fx/$stem.bin" &&
		same "$T/out" "$T/fx/$stem.pcrs" "replay $stem"
	# ... and as a kernel without those hashes extends them.
	[ -e "$T/fx/$stem.padded.pcrs" ] || continue
	run 0 "$IC" replay $padded "$T/fx/$stem.bin" &&
		same "$T/out" "$T/fx/$stem.padded.pcrs" "replay $stem padded"
done <"$T/fx/INDEX"

gen l50 --count 50
gen l40 --count 40
# The generator is deterministic: 40 entries are a prefix of 50.
head -c "$(wc -c <"$T/l40.bin")" "$T/l50.bin" | cmp -s - "$T/l40.bin" ||
	{ echo "ERROR: imagen.py prefix" >&2; exit 99; }

# Default banks: sha1 and sha256, lower-case hex.
run 0 "$IC" replay "$T/l50.bin" && {
	grep -E '^sha(1|256) ' "$T/l50.pcrs" >"$T/want"
	same "$T/out" "$T/want" "replay default banks"
}
grep -q '[A-F]' "$T/out" && fail "upper-case hex"
checks=$((checks + 1))
# Bank order follows the options; --pcr picks one PCR.
run 0 "$IC" replay --bank sha512 --bank sha1 --pcr 10 "$T/l50.bin" && {
	{ grep '^sha512 10 ' "$T/l50.pcrs"; grep '^sha1 10 ' "$T/l50.pcrs"; } >"$T/want"
	same "$T/out" "$T/want" "replay bank order"
}
# A PCR the list never extends: zero.
run 0 "$IC" replay --bank sha1 --pcr 11 "$T/l50.bin" &&
	out_has "sha1 11 0000000000000000000000000000000000000000"
# Blobs, DTBs and stdin replay the same.
run 0 "$IC" pack -q -o "$T/l50.blob" "$T/l50.bin"
dts base '/dts-v1/; / { chosen { }; };'
run 0 "$IC" inject --blob "$T/l50.blob" -o "$T/l50.dtb" "$T/base.dtb"
for f in "$T/l50.blob" "$T/l50.dtb"; do
	run 0 "$IC" replay $all "$f" && same "$T/out" "$T/l50.pcrs" "replay $f"
done
run 0 "$IC" replay $all - <"$T/l50.bin" && same "$T/out" "$T/l50.pcrs" "replay -"
# The live list.
securityfs "$T/sfs" l50
IMACARRY_SECURITYFS="$T/sfs" run 0 "$IC" replay $all &&
	same "$T/out" "$T/l50.pcrs" "replay (live)"

# --initial: the last 10 entries, started from the 40-entry values,
# reach the 50-entry values (a trimmed or staged list).
tail -c +"$(($(wc -c <"$T/l40.bin") + 1))" "$T/l50.bin" >"$T/tail.bin"
set --
while read -r alg pcr hex; do
	set -- "$@" --bank "$alg" --initial "$alg:$pcr:$hex"
done <"$T/l40.pcrs"
run 0 "$IC" replay "$@" "$T/tail.bin" && same "$T/out" "$T/l50.pcrs" "--initial"
# Upper-case hex is fine in --initial.
up=$(grep '^sha1 10' "$T/l40.pcrs" | cut -d' ' -f3 | tr a-f A-F)
run 0 "$IC" replay --bank sha1 --initial "sha1:10:$up" "$T/tail.bin" &&
	out_has "$(grep '^sha1 10' "$T/l50.pcrs")"
# --initial of a PCR the list does not extend is printed too.
run 0 "$IC" replay --bank sha1 --initial "sha1:3:$up" "$T/tail.bin" &&
	out_has "sha1 3 $(echo "$up" | tr A-F a-f)"

# ALG:padded: the bank as a kernel with no ALG at IMA init extends it,
# printed under the bank's name, as the TPM's bank holds it.
gen p50 --count 50 --padded sha384,sha512
gen p40 --count 40 --padded sha384,sha512
run 0 "$IC" replay --bank sha384:padded --bank sha512 "$T/l50.bin" && {
	{ grep '^sha384 ' "$T/p50.pcrs"; grep '^sha512 ' "$T/l50.pcrs"; } >"$T/want"
	same "$T/out" "$T/want" "replay --bank sha384:padded"
}
grep -q "^sha384 10 $(grep '^sha384 10' "$T/l50.pcrs" | cut -d' ' -f3)" \
	"$T/out" && fail "padded sha384 equals its own hash"
checks=$((checks + 1))
# SHA-1 padded to its own size is SHA-1; the same spelling twice is one bank.
run 0 "$IC" replay --bank sha1:padded --bank SHA1:padded "$T/l50.bin" && {
	grep '^sha1 ' "$T/l50.pcrs" >"$T/want"
	same "$T/out" "$T/want" "replay --bank sha1:padded"
}
# --initial starts a padded bank as it does any other.
tail -c +"$(($(wc -c <"$T/l40.bin") + 1))" "$T/l50.bin" >"$T/ptail.bin"
run 0 "$IC" replay --bank sha384:padded \
	--initial "sha384:10:$(grep '^sha384 10' "$T/p40.pcrs" | cut -d' ' -f3)" \
	"$T/ptail.bin" && out_has "$(grep '^sha384 10' "$T/p50.pcrs")"
# Its output is what verify reads, and verify finds the form itself.
run 0 "$IC" replay --bank sha1 --bank sha384:padded "$T/l50.bin" &&
	cp "$T/out" "$T/p.pcrs"
run 0 "$IC" verify --pcrs "$T/p.pcrs" "$T/l50.bin" &&
	out_has "sha384: matches, as zero-padded SHA-1"
# Bad spellings are usage errors that say what is wrong.
run 2 "$IC" replay --bank sha384:pad "$T/l50.bin" &&
	err_has "replay: unknown form of bank 'sha384:pad' (ALG or ALG:padded)"
run 2 "$IC" replay --bank sha384: "$T/l50.bin" &&
	err_has "unknown form of bank 'sha384:'"
run 2 "$IC" replay --bank md5:padded "$T/l50.bin" &&
	err_has "replay: unknown bank 'md5:padded'"
run 2 "$IC" replay --bank :padded "$T/l50.bin" &&
	err_has "unknown bank ':padded'"
run 2 "$IC" replay --bank sha384 --bank sha384:padded "$T/l50.bin" &&
	err_has "replay: bank sha384 given both as sha384 and as sha384:padded"
[ -s "$T/out" ] && fail "values printed for a usage error"
checks=$((checks + 1))

# Template data that no longer matches its digest: one line each, with the
# offset and entry; the values are still printed; exit 1.
cp "$T/l50.bin" "$T/bad.bin"
off=$(entry_offset "$T/l50.bin" 49)
size=$(wc -c <"$T/bad.bin")
poke "$T/bad.bin" $((size - 2)) 58
off7=$(entry_offset "$T/l50.bin" 7)
off8=$(entry_offset "$T/l50.bin" 8)
poke "$T/bad.bin" $((off8 - 2)) 58
run 1 "$IC" replay "$T/bad.bin" && {
	err_has "$T/bad.bin: offset $off7, entry 7: template digest does not match its data"
	err_has "$T/bad.bin: offset $off, entry 49: template digest does not match its data"
	err_lines 2
	out_has "sha1 10 "
}
# A broken record stops the replay: offset and entry, exit 1, no values.
head -c $((size - 5)) "$T/l50.bin" >"$T/cut.bin"
run 1 "$IC" replay "$T/cut.bin" && {
	err_has "$T/cut.bin: offset "
	err_has ", entry 49: "
	[ -s "$T/out" ] && fail "values printed for a broken list"
}

finish
