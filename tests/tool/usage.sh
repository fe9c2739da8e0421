#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# usage.sh - ima-carry's help, version and usage errors (exit 2, one clear line)
. "$top_srcdir/tests/tool/lib.sh"

gen l --count 5

# Help comes from the command table, both ways, and lists every command.
run 0 "$IC" --help
for c in dump pack inject extract replay verify check help; do
	out_has "  $c "
done
cp "$T/out" "$T/help1"
run 0 "$IC" help
same "$T/out" "$T/help1" "--help and help"
run 0 "$IC" --version
out_has "ima-carry "

# Every subcommand has --help (exit 0, a Usage line), also via 'help CMD'.
for c in dump pack inject extract replay verify check; do
	run 0 "$IC" "$c" --help && out_has "Usage: ima-carry $c"
	run 0 "$IC" help "$c" && out_has "Usage: ima-carry $c"
done

# Usage errors: exit 2 and a message naming the command.
run 2 "$IC" && err_has "missing command"
run 2 "$IC" frobnicate && err_has "unknown command 'frobnicate'"
run 2 "$IC" --bogus
run 2 "$IC" help frobnicate
run 2 "$IC" dump --bogus "$T/l.bin" && err_has "ima-carry dump: unknown option '--bogus'"
run 2 "$IC" dump -Z "$T/l.bin" && err_has "unknown option '-Z'"
run 2 "$IC" dump --digest-size 21 "$T/l.bin" && err_has "invalid digest size '21'"
run 2 "$IC" dump --digest-size "$T/l.bin"
run 2 "$IC" dump a b && err_has "too many arguments"
run 2 "$IC" pack -o && err_has "option '-o' needs an argument"
run 2 "$IC" pack --output && err_has "option '--output' needs an argument"
run 2 "$IC" pack -o "$T/x" a b
run 2 "$IC" inject -o "$T/x" "$T/l.bin" && err_has "exactly one of --blob and --list"
run 2 "$IC" inject --blob a --list b -o "$T/x" in.dtb
run 2 "$IC" inject --list "$T/l.bin" in.dtb && err_has "missing -o OUT"
run 2 "$IC" inject --list "$T/l.bin" -o "$T/x" && err_has "exactly one IN.dtb"
run 2 "$IC" inject --blob a --no-compress -o "$T/x" in.dtb
run 2 "$IC" extract in.dtb && err_has "missing -o OUT"
run 2 "$IC" extract -o "$T/x" && err_has "exactly one IN.dtb"
run 2 "$IC" extract -o "$T/x" a b
run 2 "$IC" replay --bank md5 "$T/l.bin" && err_has "unknown bank 'md5'"
run 2 "$IC" replay --pcr 24 "$T/l.bin" && err_has "invalid PCR '24'"
run 2 "$IC" replay --pcr x "$T/l.bin"
run 2 "$IC" replay --pcr -1 "$T/l.bin"
run 2 "$IC" replay --initial sha1:10:00 "$T/l.bin" && err_has "invalid --initial"
run 2 "$IC" replay --initial sha1:24:0000000000000000000000000000000000000000 "$T/l.bin"
run 2 "$IC" replay --initial nope:10:00 "$T/l.bin"
run 2 "$IC" replay --initial sha384:10:$(printf '%096d' 0) "$T/l.bin" &&
	err_has "not a --bank"
run 2 "$IC" verify "$T/l.bin" && err_has "exactly one of --pcrs and --tpm"
run 2 "$IC" verify --pcrs a --tpm b "$T/l.bin"
run 2 "$IC" check && err_has "exactly one FILE"
run 2 "$IC" check a b

# Binary output never goes to a terminal; script(1) provides one.
if command -v script >/dev/null; then
	for c in "pack $T/l.bin" "extract -o - $T/l.bin" \
		"inject --list $T/l.bin -o - $T/l.bin"; do
		run 2 script -qec "$IC $c" /dev/null &&
			out_has "not writing binary data to a terminal"
	done
fi

# A usage error writes nothing.
absent "$T/x"

# The hint points at the command's own help.
run 2 "$IC" replay --bogus
err_has "Try 'ima-carry replay --help'."

finish
