# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - what the kexec host tests share: the binaries, fixtures, a guard
#
# Sourced by tests/kexec/*.sh. The patched kexec runs for real, far enough to
# build the next kernel's DTB, and stops there: every run is a --dry-run, and
# runs without CAP_SYS_BOOT besides, so kexec_load can never succeed on the
# machine that runs the tests. The aarch64 build runs under
# qemu-aarch64-static; the list comes from a fake securityfs
# (IMACARRY_SECURITYFS). Every check counts; finish() exits 1 if any failed.

: "${top_srcdir:?run me through make check}"
: "${top_builddir:?run me through make check}"

# IMACARRY_TEST_KEXEC=2.0.29 tests the series rebased on Debian 13's
# kexec-tools (make kexec-2.0.29) instead.
kout="$top_builddir/kexec/out${IMACARRY_TEST_KEXEC:+/$IMACARRY_TEST_KEXEC}"
KEXEC_A64="$kout/aarch64/kexec"
TOOL_A64="$top_builddir/kexec/out/aarch64/ima-carry"
KEXEC_NATIVE="$kout/kexec"
IC="$top_builddir/ima-carry/tool/ima-carry"
GEN="$top_srcdir/tests/gen/imagen.py"
T=$(mktemp -d "${TMPDIR:-/tmp}/ima-carry-kexec.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
fails=0
checks=0

fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

skip() {
	echo "SKIP: $*" >&2
	echo "SKIP: $*"
	exit 77
}

finish() {
	echo "$checks checks, $fails failed"
	[ "$fails" -eq 0 ]
	exit
}

for b in "$KEXEC_A64" "$TOOL_A64" "$KEXEC_NATIVE" "$IC"; do
	[ -x "$b" ] || { echo "ERROR: $b not built (make kexec)" >&2; exit 99; }
done
for p in python3 dtc fdtget setpriv; do
	command -v "$p" >/dev/null || { echo "ERROR: $p missing" >&2; exit 99; }
done
command -v qemu-aarch64-static >/dev/null ||
	skip "qemu-aarch64-static missing: install qemu-user-static"

# guard CMD...: CMD without CAP_SYS_BOOT, so kexec_load fails with EPERM even
# if a bug got past --dry-run. Refuse to run anything if that can't be had.
guard() {
	setpriv --bounding-set -sys_boot -- "$@"
}
capeff=$(guard sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)
if [ -z "$capeff" ] || [ $((0x$capeff >> 22 & 1)) -ne 0 ]; then
	skip "cannot drop CAP_SYS_BOOT with setpriv; not running kexec here"
fi
loaded_before=$(cat /sys/kernel/kexec_loaded 2>/dev/null || echo none)

kexec_a64() {
	guard qemu-aarch64-static "$KEXEC_A64" "$@"
}

kexec_native() {
	guard "$KEXEC_NATIVE" "$@"
}

# A 64 KiB arm64 Image: just the header kexec probes (booting.rst: text
# offset 0, image size, flags LE/4K/anywhere, magic "ARM\x64").
python3 - "$T/Image" <<'EOF'
import struct, sys
h = struct.pack('<IIQQQQQQII', 0, 0, 0, 0x10000, 0xa, 0, 0, 0, 0x644d5241, 0)
open(sys.argv[1], 'wb').write(h + bytes(0x10000 - len(h)))
EOF

# mkdtb OUT [EXTRA-NODE-LINES]: a board tree whose /chosen holds the stale
# carriers a running kernel hands down: an old linux,ima-carry and a
# linux,ima-kexec-buffer with its /memreserve/.
mkdtb() {
	cat >"$T/dts" <<EOF
/dts-v1/;
/memreserve/ 0x48000000 0x10000;
/memreserve/ 0x49000000 0x1000;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	model = "ima-carry kexec test";
	${2-}
	chosen {
		bootargs = "console=ttyAMA0";
		linux,ima-kexec-buffer = <0x0 0x48000000 0x0 0x10000>;
		linux,ima-carry = [49 4d 41 43 41 52 52 59 01 00];
	};
	memory@40000000 {
		device_type = "memory";
		reg = <0x0 0x40000000 0x0 0x40000000>;
	};
};
EOF
	dtc -q -I dts -O dtb -o "$1" "$T/dts"
}
mkdtb "$T/board.dtb"

# fakesfs DIR LIST: a securityfs root with LIST as the live list.
fakesfs() {
	rm -rf "$1"
	mkdir -p "$1/ima"
	cp "$2" "$1/ima/binary_runtime_measurements"
	"$IC" dump "$2" | wc -l >"$1/ima/runtime_measurements_count"
}

# run RC CMD...: stdout to $T/out, stderr to $T/err; checks the exit code.
run() {
	want=$1
	shift
	checks=$((checks + 1))
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		fail "exit $rc, want $want: $*"
		sed 's/^/    stderr: /' "$T/err" >&2
		return 1
	fi
}

# refused WHAT REGEX OUT CMD...: CMD fails with exactly one line on stderr
# that matches REGEX, writes no OUT (nor a temporary beside it), and the
# machine has no more kexec image loaded than before.
refused() {
	what=$1
	re=$2
	out=$3
	shift 3
	rm -f "$out"
	checks=$((checks + 1))
	"$@" >"$T/out" 2>"$T/err.all"
	rc=$?
	# Upstream arm64 kexec's notes about the host: an x86 machine running
	# the aarch64 build has no arm64 /proc/kcore to read VA_BITS from.
	grep -Ev "^(Can't open \(/proc/kcore\)\.|Warning, can't get the VA_BITS from kcore)$" \
		"$T/err.all" >"$T/err"
	if [ "$rc" -eq 0 ]; then
		fail "$what: exit 0, want a refusal"
	elif [ "$(wc -l <"$T/err")" -ne 1 ]; then
		fail "$what: $(wc -l <"$T/err") lines on stderr, want one"
	elif ! grep -Eq -- "$re" "$T/err"; then
		fail "$what: stderr does not match /$re/"
	elif [ -e "$out" ] || ls "$out".* >/dev/null 2>&1; then
		fail "$what: $out written"
	elif [ "$(cat /sys/kernel/kexec_loaded 2>/dev/null || echo none)" != \
	       "$loaded_before" ]; then
		fail "$what: /sys/kernel/kexec_loaded changed"
	else
		echo "ok: $what: $(cat "$T/err")"
		return 0
	fi
	sed 's/^/    stderr: /' "$T/err" >&2
}

# dry_ok OUT CMD...: a dry run that wrote OUT and said it loaded nothing.
dry_ok() {
	out=$1
	shift
	rm -f "$out"
	run 0 "$@" || return 1
	checks=$((checks + 1))
	if [ ! -s "$out" ]; then
		fail "no $out after: $*"
		return 1
	fi
	if ! tail -n 1 "$T/err" | grep -q "^kexec: dry run: nothing loaded"; then
		fail "no dry-run notice after: $*"
		return 1
	fi
}
