# SPDX-License-Identifier: GPL-2.0-only
# lib-x86.sh - the x86_64 half of the e2e harness, on Debian 12's stock kernels.
#
# A scenario sources this instead of lib.sh: the same hops, chain, QEMU run
# and judging (lib.sh, with E2E_ARCH=amd64: q35 under TCG, ttyS0, tpm-tis),
# plus what only x86 needs:
#   - the kernels are Debian's own signed amd64 images (debian-kernel.sh),
#     not built: 6.1 (the newest ABI apt knows) and 6.12 (bookworm-security);
#   - the guest kexec is the project's static x86_64 kexec when the build
#     tree has one (kexec/out/x86_64/kexec), else Debian's dynamic 2.0.25
#     with its libraries (debian-kexec.sh amd64) where that is enough;
#   - the banks judged (E2E_BANKS): stock 6.1 extends sha384 and sha512
#     with the SHA-1 template digest zero-padded (its sha512 is a module),
#     6.12 in their own hashes.  sha1 and sha256 always; with
#     E2E_X86_ALL_BANKS=1 (a chain of one kernel series) also sha384 and
#     sha512, when the host's verify matches a bank as zero-padded SHA-1
#     (e2e_x86_banks; e2e_x86_bank_spec names a bank for replay --bank).
#     A chain mixing 6.1 and 6.12 extends those banks both ways, which no
#     per-bank replay reproduces: sha1 and sha256 only there.
E2E_ARCH=amd64
E2E_BANKS_SET=${E2E_BANKS:+1}
E2E_BANKS=${E2E_BANKS:-sha1 sha256}
E2E_STAMPS=${E2E_STAMPS:-1}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# e2e_x86_kernel 6.1|6.12: the cached stock vmlinuz of that series.  Skips
# if apt does not have it or it lacks what the scenarios need.
e2e_x86_kernel() {
	local series=$1 dir rc=0 o
	dir=$("$E2E_DIR/debian-kernel.sh" "$E2E_CACHE" "$series" 2>"$W/kernel-$series.err") ||
		rc=$?
	case $rc in
	0) ;;
	77) e2e_skip "Debian's $series amd64 kernel: $(tail -n1 "$W/kernel-$series.err")" ;;
	*) e2e_fail "cannot unpack Debian's $series amd64 kernel: $(tail -n1 "$W/kernel-$series.err")" ;;
	esac
	for o in CONFIG_KEXEC CONFIG_HAVE_IMA_KEXEC CONFIG_IMA CONFIG_TCG_TIS \
		CONFIG_SECURITYFS CONFIG_SERIAL_8250_CONSOLE CONFIG_RD_GZIP; do
		grep -qx "$o=y" "$dir/config" ||
			e2e_skip "$(cut -d' ' -f1,2 "$dir/package") has no $o=y"
	done
	echo "$dir/vmlinuz"
}

# e2e_x86_package VMLINUZ: "NAME VERSION" of the Debian package it came from.
e2e_x86_package() {
	cut -d' ' -f1,2 "$(dirname "$1")/package"
}

# e2e_x86_static FILE: a static x86-64 ELF executable (runs in the guest).
e2e_x86_static() {
	readelf -h "$1" 2>/dev/null | grep -q 'Machine:.*X86-64' &&
		! readelf -l "$1" 2>/dev/null | grep -q 'Requesting program interpreter'
}

# The project's static x86_64 kexec (E2E_X86_KEXEC, else the build tree's
# kexec/out/x86_64/kexec) into E2E_GUEST_KEXEC; with E2E_DEBIAN_KEXEC=1,
# Debian's dynamic amd64 kexec when ours is not there.
e2e_x86_guest_kexec() {
	local k=${E2E_X86_KEXEC:-${top_builddir:-$PWD}/kexec/out/x86_64/kexec}
	# E2E_LOCAL_DEBS: the kexec (and ima-carry) of the packages `make deb`
	# built, dynamic, with their libraries: what a Debian user installs.
	if [ -n "${E2E_LOCAL_DEBS:-}" ]; then
		E2E_KEXEC_KIND=package
		E2E_GUEST_KEXEC=$("$E2E_DIR/debian-kexec.sh" "$E2E_CACHE/guest" \
			amd64) || e2e_fail "cannot unpack the packages' kexec"
		return 0
	fi
	if [ -f "$k" ]; then
		e2e_x86_static "$k" ||
			e2e_fail "$k is not a static x86-64 executable"
		E2E_KEXEC_KIND=project
		E2E_GUEST_KEXEC=$k
		return 0
	fi
	[ "${E2E_DEBIAN_KEXEC:-0}" = 1 ] || return 1
	E2E_KEXEC_KIND=debian
	E2E_GUEST_KEXEC=$("$E2E_DIR/debian-kexec.sh" "$E2E_CACHE/guest" amd64) ||
		e2e_skip "cannot assemble Debian's amd64 kexec"
}

# Whether the guest kexec knows --ima-carry (its own help, run on the host:
# the same architecture).
e2e_x86_kexec_has_carry() {
	local root=$E2E_GUEST_KEXEC lib=lib/x86_64-linux-gnu
	case ${E2E_KEXEC_KIND:-} in
	project) "$E2E_GUEST_KEXEC" --help 2>&1 | grep -q -- --ima-carry ;;
	package) "$root/$lib/ld-linux-x86-64.so.2" --library-path "$root/$lib" \
			"$root/sbin/kexec" --help 2>&1 | grep -q -- --ima-carry ;;
	*) return 1 ;;
	esac
}

# e2e_x86_setup [6.1|6.12]: busybox, kernel, host tool, guest kexec and tool.
# E2E_NEED_CARRY=1 skips unless the guest kexec has --ima-carry (the stock
# kernels restore a SETUP_IMA list already: HAVE_IMA_KEXEC, no patch).
e2e_x86_setup() {
	local series=${1:-6.1} t
	command -v readelf >/dev/null || e2e_skip "readelf (binutils) is missing"
	E2E_BUSYBOX=$(e2e_busybox)
	E2E_KERNEL=$(e2e_x86_kernel "$series")
	E2E_HOST_TOOL=$(e2e_host_tool) ||
		e2e_skip "the host ima-carry tool is not built yet"
	e2e_x86_guest_kexec ||
		e2e_skip "no static x86_64 kexec at ${E2E_X86_KEXEC:-${top_builddir:-$PWD}/kexec/out/x86_64/kexec} yet"
	E2E_GUEST_TOOL=
	t=${E2E_X86_TOOL:-$(dirname "${E2E_X86_KEXEC:-${top_builddir:-$PWD}/kexec/out/x86_64/kexec}")/ima-carry}
	if [ "$E2E_KEXEC_KIND" = package ]; then
		# The packaged tool, in the root e2e_stage copies whole.
		[ -x "$E2E_GUEST_KEXEC/bin/ima-carry" ] ||
			e2e_fail "the packages hold no ima-carry tool"
		E2E_GUEST_TOOL=$E2E_GUEST_KEXEC/bin/ima-carry
	elif [ -f "$t" ]; then
		e2e_x86_static "$t" || e2e_fail "$t is not a static x86-64 executable"
		E2E_GUEST_TOOL=$t
	fi
	if [ "${E2E_NEED_CARRY:-0}" = 1 ]; then
		e2e_x86_kexec_has_carry ||
			e2e_skip "the guest kexec has no --ima-carry yet" \
				"($E2E_KEXEC_KIND: $E2E_GUEST_KEXEC)"
	fi
	e2e_x86_banks
	e2e_say "kernel $(e2e_x86_package "$E2E_KERNEL"); guest kexec:" \
		"$E2E_KEXEC_KIND; guest ima-carry: ${E2E_GUEST_TOOL:-none (host judges)};" \
		"banks judged: $E2E_BANKS"
	return 0
}

# e2e_x86_banks: all four banks with E2E_X86_ALL_BANKS=1 and a host tool
# that matches padded banks (unless E2E_BANKS was given).
e2e_x86_banks() {
	[ -z "${E2E_BANKS_SET:-}" ] && [ "${E2E_X86_ALL_BANKS:-0}" = 1 ] || return 0
	if "$E2E_HOST_TOOL" verify --help 2>&1 | grep -q 'zero-padded'; then
		E2E_BANKS="sha1 sha256 sha384 sha512"
	else
		e2e_say "*** the host's ima-carry cannot match padded banks:" \
			"judging sha1 and sha256 only ***"
	fi
}

# e2e_x86_bank_spec ALG: ALG, or ALG:padded if the guest kernel said it
# could not allocate ALG at IMA init (so extends it as padded SHA-1).
e2e_x86_bank_spec() {
	if grep -q "ima: Can not allocate $1 " "$E2E_LOG"; then
		echo "$1:padded"
	else
		echo "$1"
	fi
}

# e2e_x86_hop N [KERNEL]: e2e_hop, with guest-x86's helpers in the script.
e2e_x86_hop() {
	{ cat "$E2E_DIR/guest-x86"; cat; } >"$W/hop$1.in"
	e2e_hop "$@" <"$W/hop$1.in"
}

# e2e_x86_kernels N: N kernels really booted one after the other: N
# banners on the console, and N different boot_ids (a kernel draws its own
# at boot; guest-x86's e2e_x86_check prints it).
e2e_x86_kernels() {
	local n=$1 got
	got=$(awk '/^(\[ *[0-9.]+\] )?Linux version / { n++ } END { print n + 0 }' "$E2E_LOG")
	[ "$got" -eq "$n" ] ||
		e2e_fail "$got kernel banners on the console, expected $n"
	got=$(sed -n 's/^@@E2E boot[0-9]*\.bootid //p' "$E2E_LOG" | sort -u | wc -l)
	[ "$got" -eq "$n" ] ||
		e2e_fail "$got different boot_ids in $n boots: not a fresh kernel each time"
}

# e2e_x86_ima_active NAME: the guest saw IMA and the TPM working in that
# snapshot (e2e_x86_check in guest-x86 printed NAME.ima).
e2e_x86_ima_active() {
	local v
	v=$(e2e_val "$1.ima")
	[ "$v" = ok ] || e2e_fail "IMA is not active in $1: ${v:-nothing printed}"
}

# e2e_x86_times N: boot to /init, each hop and the whole chain, as seen on
# the host's clock (e2e_stamps), then the guest's own uptimes.
e2e_x86_times() {
	local n=$1 i a b line
	line="boot to hop 1's /init $(e2e_stamp '^@@E2E hop 1$') s"
	line="$line (kernel: $(e2e_val uptime1.init) s)"
	for ((i = 2; i <= n; i++)); do
		a=$(e2e_stamp "^@@E2E uptime$((i - 1))\\.kexec ")
		b=$(e2e_stamp "^@@E2E hop $i\$")
		line="$line; hop $((i - 1))->$i $(echo "$b - $a" | bc) s"
		line="$line (kernel: $(e2e_val "uptime$i.init") s)"
	done
	line="$line; QEMU $(printf '%.1f' "$E2E_BOOT_SECS") s; scenario $(e2e_secs) s"
	echo "$line" >"$W/times"
	e2e_say "$line"
}
