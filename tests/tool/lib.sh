# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - what the ima-carry tool tests share: checks, fixtures, fake sysfs trees
#
# Sourced by tests/tool/*.sh. Every check counts; finish() exits 1 if any
# failed, so a test can always fail. The tool runs for real against a fake
# securityfs ($IMACARRY_SECURITYFS) and a fake /sys/class/tpm/tpm0.

: "${top_srcdir:?run me through make check}"
: "${top_builddir:?run me through make check}"

IC="$top_builddir/ima-carry/tool/ima-carry"
GEN="$top_srcdir/tests/gen/imagen.py"
T=$(mktemp -d "${TMPDIR:-/tmp}/ima-carry-tool.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
fails=0
checks=0

fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

# The tools every test needs are declared dependencies: missing is an error.
command -v python3 >/dev/null || { echo "ERROR: python3 missing" >&2; exit 99; }
command -v dtc >/dev/null ||
	{ echo "ERROR: dtc missing: install device-tree-compiler" >&2; exit 99; }
[ -x "$IC" ] || { echo "ERROR: $IC not built" >&2; exit 99; }

# make check-tool-valgrind: every tool run under valgrind; its own errors
# exit 99, which no check expects.
if [ -n "${IMACARRY_TOOL_VALGRIND:-}" ]; then
	cat >"$T/ima-carry" <<EOF
#!/bin/sh
exec "$top_builddir/libtool" --mode=execute valgrind --quiet \\
	--error-exitcode=99 --leak-check=full \\
	--errors-for-leak-kinds=definite,indirect \\
	"$IC" "\$@"
EOF
	chmod +x "$T/ima-carry"
	IC="$T/ima-carry"
fi

# run RC CMD...: runs CMD with stdout in $T/out, stderr in $T/err; checks RC.
run() {
	_want=$1
	shift
	checks=$((checks + 1))
	"$@" >"$T/out" 2>"$T/err"
	_rc=$?
	if [ "$_rc" -ne "$_want" ]; then
		fail "exit $_rc, want $_want: $*"
		sed 's/^/    stderr: /' "$T/err" >&2
		return 1
	fi
	return 0
}

# err_has TEXT / out_has TEXT: fixed-string search in the last run's output.
err_has() {
	checks=$((checks + 1))
	grep -qF -- "$1" "$T/err" && return 0
	fail "stderr lacks '$1'"
	sed 's/^/    stderr: /' "$T/err" >&2
	return 1
}

out_has() {
	checks=$((checks + 1))
	grep -qF -- "$1" "$T/out" && return 0
	fail "stdout lacks '$1'"
	sed 's/^/    stdout: /' "$T/out" >&2
	return 1
}

# err_lines N: the last run printed exactly N lines on stderr.
err_lines() {
	checks=$((checks + 1))
	_n=$(wc -l <"$T/err")
	[ "$_n" -eq "$1" ] && return 0
	fail "stderr has $_n lines, want $1"
	sed 's/^/    stderr: /' "$T/err" >&2
	return 1
}

same() {
	checks=$((checks + 1))
	cmp -s "$1" "$2" && return 0
	fail "${3:-compare}: $1 and $2 differ"
	return 1
}

# absent PATH: PATH does not exist, nor any temporary file of it.
absent() {
	checks=$((checks + 1))
	set -- "$1" "$1".??????
	for _f; do
		case $_f in *'??????') continue ;; esac
		if [ -e "$_f" ]; then
			fail "$_f was left behind"
			return 1
		fi
	done
	return 0
}

# no_temps PATH: no temporary file of PATH was left behind.
no_temps() {
	checks=$((checks + 1))
	for _f in "$1".??????; do
		[ -e "$_f" ] || continue
		fail "$_f was left behind"
		return 1
	done
	return 0
}

finish() {
	if [ "$fails" -ne 0 ]; then
		echo "$fails of $checks checks failed"
		exit 1
	fi
	echo "all $checks checks passed"
	exit 0
}

skip() {
	echo "SKIP: $*" >&2
	echo "SKIP: $*"
	exit 77
}

# gen NAME [imagen options]: NAME.bin, NAME.ascii and NAME.pcrs in $T.
gen() {
	_name=$1
	shift
	python3 "$GEN" "$@" -o "$T/$_name.bin" --expect-ascii "$T/$_name.ascii" \
		--expect-pcrs "$T/$_name.pcrs" || { echo "ERROR: imagen.py" >&2; exit 99; }
}

# securityfs DIR NAME: a fake securityfs at DIR holding list $T/NAME.bin.
securityfs() {
	mkdir -p "$1/ima"
	cp "$T/$2.bin" "$1/ima/binary_runtime_measurements"
	cp "$T/$2.ascii" "$1/ima/ascii_runtime_measurements"
	wc -l <"$T/$2.ascii" | tr -d ' ' >"$1/ima/runtime_measurements_count"
}

# tpm DIR PCRS: a fake /sys/class/tpm/tpm0 with the values of a PCRS file,
# written like the kernel does (upper-case hex, a newline); the PCRs the file
# does not name are zero, except PCR 0, which firmware extended.
tpm() {
	python3 - "$1" "$2" <<'EOF'
import os, sys
root, pcrs = sys.argv[1], sys.argv[2]
vals = {}
for line in open(pcrs):
    alg, pcr, hexv = line.split()
    vals.setdefault(alg, {})[int(pcr)] = hexv
for alg, banks in vals.items():
    size = len(next(iter(banks.values()))) // 2
    d = os.path.join(root, "pcr-" + alg)
    os.makedirs(d, exist_ok=True)
    for n in range(24):
        v = banks.get(n, ("5a" if n == 0 else "00") * size)
        with open(os.path.join(d, str(n)), "w") as f:
            f.write(v.upper() + "\n")
EOF
}

# dts NAME TEXT: compiles device tree source TEXT into $T/NAME.dtb.
dts() {
	printf '%s\n' "$2" >"$T/$1.dts"
	dtc -q -I dts -O dtb -o "$T/$1.dtb" "$T/$1.dts" ||
		{ echo "ERROR: dtc" >&2; exit 99; }
}

# poke FILE OFFSET HEX: overwrites bytes of FILE at OFFSET.
poke() {
	python3 - "$@" <<'EOF'
import sys
path, off, data = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3])
with open(path, "r+b") as f:
    f.seek(off)
    f.write(data)
EOF
}

# entry_offset LIST INDEX: the byte offset of entry INDEX, as dump --json says.
entry_offset() {
	"$IC" dump --json "$1" | python3 -c '
import json, sys
print(json.load(sys.stdin)["entries"][int(sys.argv[1])]["offset"])' "$2"
}
