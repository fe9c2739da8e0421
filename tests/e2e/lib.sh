# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - host side of the e2e scenarios: artifacts, initramfs chain, QEMU.
#
# A scenario sources this file, calls e2e_init, writes one shell script per hop
# (e2e_hop), boots the chain (e2e_run) and judges what the guest printed
# (e2e_get, e2e_val) with the host's ima-carry.  Exit codes: 0 pass, 1 fail,
# 77 skip (always with a loud reason).
#
# E2E_ARCH (a Debian architecture) picks the guest machine: arm64 (the
# default: QEMU virt, a kernel built from linux-source) or amd64 (QEMU q35,
# Debian's stock kernels; lib-x86.sh sets it and adds the x86 artifacts);
# ppc64el and armhf (lib-ppc64le.sh, lib-arm.sh: kernels built from
# linux-source too).
set -euo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
E2E_TOP=$(cd "$E2E_DIR/../.." && pwd)
E2E_CACHE=${IMACARRY_CACHE:-/var/cache/ima-carry}
E2E_TIMEOUT=${E2E_TIMEOUT:-300}
# The kernel patch's own path: the inline blob alone. Scenarios that prove
# the patch use it; plain --ima-carry also adds linux,ima-kexec-buffer,
# which a HAVE_IMA_KEXEC kernel restores first (carriers.sh covers that).
E2E_INLINE=--ima-carry=inline
E2E_ARCH=${E2E_ARCH:-arm64}
# E2E_QEMU_MACHINE: the machine, CPU and memory; E2E_TPM_DEVICE: QEMU's TPM
# TIS front end for it (swtpm behind it either way).
case $E2E_ARCH in
arm64)
	E2E_QEMU=qemu-system-aarch64
	E2E_QEMU_MACHINE=(-M virt -cpu max,pauth-impdef=on -smp 1 -m 1G)
	E2E_TPM_DEVICE=tpm-tis-device
	E2E_CONSOLE=ttyAMA0
	;;
amd64)
	E2E_QEMU=qemu-system-x86_64
	E2E_QEMU_MACHINE=(-M q35 -accel tcg -smp 1 -m 1G)
	E2E_TPM_DEVICE=tpm-tis
	E2E_CONSOLE=ttyS0
	;;
ppc64el)
	# lib-ppc64le.sh: pseries under TCG, the IBM vTPM, hvc0.
	E2E_QEMU=qemu-system-ppc64
	E2E_QEMU_MACHINE=(-M pseries -accel tcg -cpu power9 -smp 1 -m 1G)
	E2E_TPM_DEVICE=tpm-spapr
	E2E_CONSOLE=hvc0
	;;
armhf)
	# lib-arm.sh: 32-bit virt under TCG, RAM all in lowmem.
	E2E_QEMU=qemu-system-arm
	E2E_QEMU_MACHINE=(-M virt,highmem=off -cpu cortex-a15 -smp 1 -m 512M)
	E2E_TPM_DEVICE=tpm-tis-device
	E2E_CONSOLE=ttyAMA0
	;;
*)
	echo "lib.sh: unknown E2E_ARCH '$E2E_ARCH' (arm64, amd64, ppc64el, armhf)" >&2
	exit 1
	;;
esac
# E2E_BANKS: the PCR banks the host judges (empty: every bank the guest shows).
E2E_BANKS=${E2E_BANKS:-}
E2E_CMDLINE="console=$E2E_CONSOLE rdinit=/init rootfstype=ramfs ima_policy=tcb"
E2E_CMDLINE="$E2E_CMDLINE ima_template=ima-ng ima_hash=sha256 panic=-1"

# Artifacts for others to reuse go to tests/e2e/out of the source tree, or of
# the build tree when the source is read-only (distcheck).
if [ -z "${E2E_OUT:-}" ]; then
	E2E_OUT=$E2E_DIR/out
	mkdir -p "$E2E_OUT" 2>/dev/null && [ -w "$E2E_OUT" ] ||
		E2E_OUT=${top_builddir:-$PWD}/tests/e2e/out
fi
mkdir -p "$E2E_OUT"

e2e_say() { printf 'e2e[%s]: %s\n' "${E2E_NAME:-?}" "$*" >&2; }

# e2e_story LINE: one plain line of what happened (the demo shows these).
e2e_story() { printf '  %s\n' "$*"; }

e2e_secs() { echo $(( $(date +%s) - E2E_T0 )); }

e2e_skip() {
	printf '\n*** SKIP e2e %s: %s ***\n\n' "${E2E_NAME:-?}" "$*" >&2
	exit 77
}

e2e_fail() {
	printf '\n*** FAIL e2e %s: %s ***\n' "${E2E_NAME:-?}" "$*" >&2
	[ -n "${E2E_LOG:-}" ] && [ -f "$E2E_LOG" ] &&
		printf '    console log: %s\n' "$E2E_LOG" >&2
	echo >&2
	exit 1
}

e2e_pass() {
	printf 'PASS e2e %s: %s\n' "${E2E_NAME:-?}" "$*" >&2
	exit 0
}

# e2e_init NAME: fresh work directory $W for this scenario.
e2e_init() {
	E2E_NAME=$1
	W=${top_builddir:-$PWD}/tests/e2e/work/$E2E_NAME
	rm -rf "$W"
	mkdir -p "$W"
	E2E_LOG=
	E2E_T0=$(date +%s)
	local t
	for t in "$E2E_QEMU" swtpm cpio gzip base64 timeout; do
		command -v "$t" >/dev/null ||
			e2e_skip "$t is missing (./quickstart deps installs it)"
	done
}

# e2e_kernel VERSION: the cached arm64 Image of that version, built if needed.
e2e_kernel() {
	local ver=$1 img
	[ -f "/usr/src/linux-source-$ver.tar.xz" ] ||
		e2e_skip "linux-source-$ver is not installed"
	command -v aarch64-linux-gnu-gcc >/dev/null ||
		e2e_skip "gcc-aarch64-linux-gnu is not installed"
	img=$("$E2E_DIR/build-kernel.sh" "$ver") ||
		e2e_fail "kernel $ver build failed"
	# Publish 6.1's patched Image for others to reuse (not a scenario's own).
	if [ "$ver" = 6.1 ] && [ -z "${E2E_KERNEL_PATCHES:-}" ] &&
		[ -z "${E2E_KERNEL_FRAGMENTS:-}" ]; then
		cp "$img" "$E2E_OUT/.Image.$$" &&
			mv "$E2E_OUT/.Image.$$" "$E2E_OUT/Image"
	fi
	echo "$img"
}

# e2e_kernel_has IMAGE OPTION: whether that cached kernel has OPTION=y.
e2e_kernel_has() {
	grep -qx "$2=y" "$(dirname "$1")/config"
}

# Debian's busybox-static for $E2E_ARCH, unpacked into the cache (never
# into /).  arm64's directory keeps its old name, busybox-VERSION.
e2e_busybox() {
	local dir=$E2E_CACHE/guest debs ver a=$E2E_ARCH sub
	if [ "$a" != "$(dpkg --print-architecture)" ] &&
		! dpkg --print-foreign-architectures | grep -qx "$a"; then
		[ "$(id -u)" -eq 0 ] ||
			e2e_skip "dpkg has no $a architecture; run as root once"
		dpkg --add-architecture "$a"
		apt-get update -qq >&2
	fi
	ver=$(apt-cache show --no-all-versions "busybox-static:$a" 2>/dev/null |
		sed -n 's/^Version: //p')
	[ -n "$ver" ] || { apt-get update -qq >&2; ver=$(apt-cache show \
		--no-all-versions "busybox-static:$a" | sed -n 's/^Version: //p'); }
	[ -n "$ver" ] || e2e_skip "busybox-static:$a is not available from apt"
	ver=${ver//:/_}
	sub=busybox-$ver
	[ "$a" = arm64 ] || sub=busybox-$a-$ver
	if [ ! -x "$dir/$sub/bin/busybox" ]; then
		mkdir -p "$E2E_CACHE"
		debs=$(mktemp -d "$E2E_CACHE/dl.XXXXXX")
		(cd "$debs" && apt-get -o APT::Sandbox::User=root download \
			-qq "busybox-static:$a" >&2) ||
			e2e_skip "cannot download busybox-static:$a"
		rm -rf "${dir:?}/$sub"
		mkdir -p "$dir/$sub"
		dpkg -x "$debs"/busybox-static_*.deb "$dir/$sub"
		rm -rf "$debs"
	fi
	echo "$dir/$sub/bin/busybox"
}

# The project's static aarch64 kexec into E2E_GUEST_KEXEC; E2E_DEBIAN_KEXEC=1
# allows Debian's dynamic one (a root overlay with its libraries) while ours is
# not built yet.
e2e_guest_kexec() {
	if [ -x "$E2E_OUT/kexec" ]; then
		E2E_KEXEC_KIND=project
		E2E_GUEST_KEXEC=$E2E_OUT/kexec
		return 0
	fi
	[ "${E2E_DEBIAN_KEXEC:-0}" = 1 ] || return 1
	E2E_KEXEC_KIND=debian
	E2E_GUEST_KEXEC=$("$E2E_DIR/debian-kexec.sh" "$E2E_CACHE/guest") ||
		e2e_skip "cannot assemble Debian's arm64 kexec"
}

# Whether the guest kexec knows --ima-carry (the static binary's own help).
e2e_kexec_has_carry() {
	[ "${E2E_KEXEC_KIND:-}" = project ] || return 1
	command -v qemu-aarch64-static >/dev/null || return 0
	qemu-aarch64-static "$1" --help 2>&1 | grep -q -- --ima-carry
}

# The host's ima-carry: the one this build tree made.
e2e_host_tool() {
	local t
	for t in "${IMA_CARRY:-}" "${top_builddir:-}/ima-carry/tool/ima-carry" \
		"${top_builddir:-}/ima-carry-tool" "${top_builddir:-}/ima-carry"; do
		[ -n "$t" ] && [ -f "$t" ] && [ -x "$t" ] && { echo "$t"; return 0; }
	done
	return 1
}

# e2e_hop N [KERNEL]: read hop N's guest script from stdin.  Optional files
# for that hop go under $W/hop$N.files/ (copied to the guest's /).
e2e_hop() {
	cat >"$W/hop$1.sh"
	[ $# -ge 2 ] && echo "$2" >"$W/hop$1.kernel"
	mkdir -p "$W/hop$1.files"
	E2E_HOPS=$(( $1 > ${E2E_HOPS:-0} ? $1 : ${E2E_HOPS:-0} ))
}

# e2e_stage DIR HOP: one hop's root filesystem, without the next hop.
e2e_stage() {
	local dir=$1 hop=$2
	mkdir -p "$dir"/{bin,sbin,usr/bin,usr/sbin,lib,dev,proc,sys,run,tmp,e2e,next}
	cp "$E2E_BUSYBOX" "$dir/bin/busybox"
	ln -s busybox "$dir/bin/sh"
	cp "$E2E_DIR/guest-init" "$dir/init"
	chmod 755 "$dir/init"
	mknod -m 600 "$dir/dev/console" c 5 1
	mknod -m 666 "$dir/dev/null" c 1 3
	echo "$hop" >"$dir/e2e/hop"
	cp "$W/hop$hop.sh" "$dir/e2e/script"
	if [ -n "${E2E_GUEST_KEXEC:-}" ]; then
		if [ "$E2E_KEXEC_KIND" != project ]; then
			cp -a "$E2E_GUEST_KEXEC"/. "$dir/"
		else
			cp "$E2E_GUEST_KEXEC" "$dir/sbin/kexec"
		fi
	fi
	[ -n "${E2E_GUEST_TOOL:-}" ] && cp "$E2E_GUEST_TOOL" "$dir/bin/ima-carry"
	cp -a "$W/hop$hop.files"/. "$dir/"
}

e2e_cpio() {
	(cd "$1" && find . | LC_ALL=C sort |
		cpio -o -H newc -R 0:0 --quiet) | gzip -6 >"$2"
}

e2e_hop_kernel() {
	if [ -f "$W/hop$1.kernel" ]; then
		cat "$W/hop$1.kernel"
	else
		echo "$E2E_KERNEL"
	fi
}

# e2e_chain: nested initramfs, hop N inside hop N-1; prints hop 1's initrd.
e2e_chain() {
	local n=$E2E_HOPS i next=
	for ((i = n; i >= 1; i--)); do
		rm -rf "$W/stage$i"
		e2e_stage "$W/stage$i" "$i"
		if [ -n "$next" ]; then
			cp "$(e2e_hop_kernel $((i + 1)))" "$W/stage$i/next/Image"
			mv "$next" "$W/stage$i/next/initrd"
		fi
		e2e_cpio "$W/stage$i" "$W/initrd$i.cpio.gz"
		rm -rf "$W/stage$i"
		next=$W/initrd$i.cpio.gz
	done
	echo "$next"
}

# e2e_boot_dtb INITRD: set e2e_run's boot=() to boot arm64 with the tree
# $E2E_BOOT_DTB exactly as it is, plus bootargs and the initrd. QEMU's -dtb
# does not: load_device_tree() grows a tree to twice its size plus 20,000
# bytes, and arm64 refuses a tree over 2 MiB (MAX_FDT_SIZE) before it has a
# console, so a -dtb file over 1,038,576 bytes boots to silence. Instead the
# generic loader puts the kernel, initrd and tree in RAM, and six
# instructions enter the kernel as the arm64 boot protocol says (x0 = the
# tree, x1-x3 = 0). QEMU's own tree stays at the start of RAM, unused.
e2e_boot_dtb() {
	local initrd=$1 dtb=$W/boot.dtb stub=$W/boot.stub
	local kaddr=0x40200000 iaddr=0x48000000 daddr=0x4a000000
	[ "$E2E_ARCH" = arm64 ] || e2e_fail "E2E_BOOT_DTB boots arm64 only"
	cp "$E2E_BOOT_DTB" "$dtb"
	fdtput -t s "$dtb" /chosen bootargs "$E2E_CMDLINE ${E2E_APPEND:-}" &&
		fdtput -t x "$dtb" /chosen linux,initrd-start "${iaddr#0x}" &&
		fdtput -t x "$dtb" /chosen linux,initrd-end \
			"$(printf %x $((iaddr + $(stat -c %s "$initrd"))))" ||
		e2e_fail "fdtput could not set /chosen in $E2E_BOOT_DTB"
	[ $((iaddr + $(stat -c %s "$initrd"))) -le $((daddr)) ] ||
		e2e_fail "the initrd runs into the tree at $daddr"
	# ldr x0, =tree; mov x1..x3, xzr; ldr x4, =kernel; br x4
	python3 -c 'import struct, sys
sys.stdout.buffer.write(struct.pack("<6I2Q", 0x580000c0, 0xaa1f03e1,
    0xaa1f03e2, 0xaa1f03e3, 0x58000084, 0xd61f0080,
    int(sys.argv[1], 0), int(sys.argv[2], 0)))' "$daddr" "$kaddr" >"$stub"
	boot=(-device "loader,file=$stub,addr=0x40100000,cpu-num=0"
		-device "loader,file=$(e2e_hop_kernel 1),addr=$kaddr,force-raw=on"
		-device "loader,file=$initrd,addr=$iaddr,force-raw=on"
		-device "loader,file=$dtb,addr=$daddr,force-raw=on")
}

# e2e_tpm_args DIR: QEMU's arguments for the swtpm of DIR, one a line;
# none with E2E_NO_TPM=1 (a machine without a TPM).
e2e_tpm_args() {
	[ "${E2E_NO_TPM:-0}" = 1 ] && return 0
	printf '%s\n' -chardev "socket,id=chrtpm,path=$1/ctrl" \
		-tpmdev emulator,id=tpm0,chardev=chrtpm \
		-device "$E2E_TPM_DEVICE,tpmdev=tpm0"
}

# e2e_dump_dtb OUT: the machine's own tree, with its TPM unless E2E_NO_TPM=1,
# as OUT (dtb) and OUT's .dts twin, for scenarios that boot a tree they made.
e2e_dump_dtb() {
	local out=$1 tpm=$W/dumptpm spid
	rm -rf "$tpm"
	mkdir -p "$tpm"
	swtpm socket --tpm2 --tpmstate dir="$tpm" \
		--ctrl type=unixio,path="$tpm/ctrl" --terminate &
	spid=$!
	for _ in $(seq 100); do [ -S "$tpm/ctrl" ] && break; sleep 0.1; done
	# shellcheck disable=SC2046 # one argument a line, none with spaces
	"$E2E_QEMU" "${E2E_QEMU_MACHINE[@]}" -machine dumpdtb="$out" \
		-display none $(e2e_tpm_args "$tpm") >/dev/null 2>&1 ||
		e2e_fail "QEMU cannot dump its device tree"
	# Without a TPM device nothing connects to swtpm: stop it. With one it
	# has ended already, and its status says nothing about the tree.
	kill "$spid" 2>/dev/null || :
	wait "$spid" 2>/dev/null || :
	dtc -q -I dtb -O dts -o "${out%.dtb}.dts" "$out" || e2e_fail "dtc failed"
}

# e2e_run: boot the chain once, with a fresh software TPM.  Sets E2E_LOG.
# With E2E_BOOT_DTB, boot 1 gets that tree as it is (e2e_boot_dtb).
e2e_run() {
	local initrd tpm=$W/tpm rc=0 t0 spid ppid
	initrd=$(e2e_chain)
	E2E_LOG=$W/console.log
	rm -rf "$tpm"
	mkdir -p "$tpm"
	swtpm socket --tpm2 --tpmstate dir="$tpm" \
		--ctrl type=unixio,path="$tpm/ctrl" --terminate \
		--log file="$W/swtpm.log" &
	spid=$!
	for _ in $(seq 100); do [ -S "$tpm/ctrl" ] && break; sleep 0.1; done
	if [ ! -S "$tpm/ctrl" ]; then
		kill "$spid" 2>/dev/null
		e2e_fail "swtpm did not start"
	fi
	t0=$(date +%s.%N)
	: >"$E2E_LOG"
	ppid= tpid=
	if [ "${E2E_PROGRESS:-0}" = 1 ]; then
		e2e_progress &
		ppid=$!
	fi
	if [ "${E2E_STAMPS:-0}" = 1 ]; then
		e2e_stamps "$t0" >"$W/stamps" &
		tpid=$!
	fi
	local boot=(-kernel "$(e2e_hop_kernel 1)" -initrd "$initrd"
		-append "$E2E_CMDLINE ${E2E_APPEND:-}")
	[ -z "${E2E_BOOT_DTB:-}" ] || e2e_boot_dtb "$initrd"
	timeout -k 10 "$E2E_TIMEOUT" "$E2E_QEMU" "${E2E_QEMU_MACHINE[@]}" \
		-display none -monitor none -serial stdio -nic none -no-reboot \
		"${boot[@]}" $(e2e_tpm_args "$tpm") \
		</dev/null >"$E2E_LOG" 2>"$W/qemu.err" || rc=$?
	E2E_BOOT_SECS=$(echo "$(date +%s.%N) - $t0" | bc)
	echo "@@E2E-HOST exit" >>"$E2E_LOG"
	[ -n "$ppid" ] && wait "$ppid"
	if [ -n "$tpid" ]; then
		wait "$tpid" || e2e_fail "the console stamper failed"
	fi
	kill "$spid" 2>/dev/null || true
	wait "$spid" 2>/dev/null || true
	tr -d '\r' <"$E2E_LOG" >"$E2E_LOG.tmp" && mv "$E2E_LOG.tmp" "$E2E_LOG"
	[ "$rc" -eq 124 ] && e2e_fail "QEMU timed out after ${E2E_TIMEOUT}s"
	[ "$rc" -eq 0 ] ||
		e2e_fail "QEMU exited with $rc: $(head -c 300 "$W/qemu.err")"
	# E2E_EXPECT_PANIC: the one panic a scenario causes on purpose (kdump.sh)
	if grep 'Kernel panic' "$E2E_LOG" |
		grep -qv "Kernel panic - not syncing: ${E2E_EXPECT_PANIC:-@@none@@}\$"; then
		e2e_fail "guest kernel panic: $(grep -m1 'Kernel panic' "$E2E_LOG")"
	fi
	e2e_say "boot chain of $E2E_HOPS hop(s):" \
		"$(printf '%.1f' "$E2E_BOOT_SECS") s wall"
}

# e2e_progress: a line per step while the guest runs (for make demo).  It
# polls the console log until e2e_run appends its exit marker.
e2e_progress() {
	local seen=0 n line
	while :; do
		n=$(wc -l <"$E2E_LOG")
		if [ "$n" -gt "$seen" ]; then
			sed -n "$((seen + 1)),${n}p" "$E2E_LOG" | tr -d '\r' |
			while IFS= read -r line; do
				case $line in
				"@@E2E hop "*)
					e2e_story "[boot ${line#@@E2E hop }] up, measuring" ;;
				"@@E2E kexec.load ok")
					e2e_story "[kexec] next kernel loaded; kexec -e" ;;
				"@@E2E kexec.load failed")
					e2e_story "[kexec] load FAILED" ;;
				"@@E2E done "*)
					e2e_story "[boot ${line#@@E2E done }] done, powering off" ;;
				esac
			done
			seen=$n
		fi
		grep -q '^@@E2E-HOST exit' "$E2E_LOG" && return 0
		sleep 0.2
	done
}

# e2e_stamps T0: with E2E_STAMPS=1, the host's wall-clock seconds since T0 at
# which each kernel's banner and each hop's markers reached the console, as
# `SECS LINE` (polled every 0.1 s: that is the resolution).  e2e_stamp reads
# them back.
e2e_stamps() {
	local seen=0 n line now
	while :; do
		n=$(wc -l <"$E2E_LOG")
		if [ "$n" -gt "$seen" ]; then
			now=$(echo "$(date +%s.%N) - $1" | bc)
			sed -n "$((seen + 1)),${n}p" "$E2E_LOG" | tr -d '\r' |
				sed -n -E '/^(@@E2E (hop|kexec\.load|uptime[0-9]+\.kexec|done) |(\[ *[0-9.]+\] )?Linux version )/p' |
				while IFS= read -r line; do
					printf '%.1f %s\n' "$now" "${line:0:60}"
				done
			seen=$n
		fi
		grep -q '^@@E2E-HOST exit' "$E2E_LOG" && return 0
		sleep 0.1
	done
}

# e2e_stamp PATTERN: the first stamp of a console line matching PATTERN (ERE).
e2e_stamp() {
	awk -v p="$1" '{ s = $1; sub(/^[^ ]* /, "") } $0 ~ p { print s; exit }' \
		"$W/stamps"
}

# e2e_val NAME: the values the guest printed with e2e_val NAME (all lines).
e2e_val() {
	sed -n "s/^@@E2E $1 //p" "$E2E_LOG"
}

# e2e_get NAME OUT: decode the file the guest printed with e2e_emit NAME.
e2e_get() {
	grep -q "^@@E2E-END $1\$" "$E2E_LOG" ||
		e2e_fail "guest did not print $1"
	sed -n "/^@@E2E-BEGIN $1\$/,/^@@E2E-END $1\$/p" "$E2E_LOG" |
		sed '1d;$d' | base64 -d | gzip -dc >"$2" ||
		e2e_fail "cannot decode $1"
}

# e2e_pcrs NAME OUT: the PCR 10 values the guest printed, as a --pcrs file;
# with E2E_BANKS, only those banks, and each of them must be there.
e2e_pcrs() {
	local b
	e2e_val "$1" | tr 'A-F' 'a-f' >"$2.all"
	[ -s "$2.all" ] || e2e_fail "guest printed no PCR values for $1"
	if [ -z "$E2E_BANKS" ]; then
		mv "$2.all" "$2"
		return 0
	fi
	: >"$2"
	for b in $E2E_BANKS; do
		grep "^$b " "$2.all" >>"$2" ||
			e2e_fail "guest printed no $b PCR 10 for $1"
	done
}

# e2e_hops_done N: the guest booted hops 1..N in order and finished hop N.
e2e_hops_done() {
	local seen want
	seen=$(e2e_val hop | tr '\n' ' ')
	want=$(seq -s ' ' 1 "$1")
	[ "$seen" = "$want " ] ||
		e2e_fail "guest booted hops '${seen% }', expected '$want'"
	e2e_val done | grep -qx "$1" || e2e_fail "hop $1 did not finish"
}

# Common setup: kernel, busybox, guest tools.  E2E_NEED_CARRY=1 skips unless
# the kernel patch and kexec --ima-carry are both there.
e2e_setup() {
	local ver=${1:-6.1}
	E2E_BUSYBOX=$(e2e_busybox)
	E2E_KERNEL=$(e2e_kernel "$ver")
	E2E_HOST_TOOL=$(e2e_host_tool) ||
		e2e_skip "the host ima-carry tool is not built yet"
	e2e_guest_kexec ||
		e2e_skip "no static aarch64 kexec at $E2E_OUT/kexec yet (make e2e builds it)"
	E2E_GUEST_TOOL=
	[ -x "$E2E_OUT/ima-carry" ] && E2E_GUEST_TOOL=$E2E_OUT/ima-carry
	if [ "${E2E_NEED_CARRY:-0}" = 1 ]; then
		e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_CARRY ||
			e2e_skip "linux $ver has no CONFIG_IMA_CARRY: kernel-patch/ not there yet"
		e2e_kexec_has_carry "$E2E_GUEST_KEXEC" ||
			e2e_skip "the guest kexec has no --ima-carry yet"
	fi
	if [ "${E2E_NEED_GUEST_TOOL:-0}" = 1 ] && [ -z "$E2E_GUEST_TOOL" ]; then
		e2e_skip "no static aarch64 ima-carry at $E2E_OUT/ima-carry yet"
	fi
	return 0
}

# e2e_check_carry PREV CUR: CUR's list starts with PREV's byte for byte, and
# the host's replay of CUR's list gives CUR's PCR 10 in every bank.
e2e_check_carry() {
	local prev=$1 cur=$2 n
	e2e_get "$prev.list" "$W/$prev.bin"
	e2e_get "$cur.list" "$W/$cur.bin"
	e2e_pcrs "$cur.pcr" "$W/$cur.pcrs"
	n=$(stat -c %s "$W/$prev.bin")
	cmp -n "$n" "$W/$prev.bin" "$W/$cur.bin" >"$W/$cur.cmp" 2>&1 ||
		e2e_fail "$cur's list does not start with $prev's list:" \
			"$(head -c 200 "$W/$cur.cmp")"
	e2e_verify_host "$cur"
}

# e2e_verify_host NAME: the host's replay of NAME's list matches its PCR 10.
e2e_verify_host() {
	[ -f "$W/$1.bin" ] || e2e_get "$1.list" "$W/$1.bin"
	[ -f "$W/$1.pcrs" ] || e2e_pcrs "$1.pcr" "$W/$1.pcrs"
	"$E2E_HOST_TOOL" verify --pcrs "$W/$1.pcrs" "$W/$1.bin" \
		>"$W/$1.hostverify" 2>&1 ||
		e2e_fail "host replay of $1's list != its TPM PCR 10:" \
			"$(cat "$W/$1.hostverify")"
}

# e2e_check_guest_verify NAME: `ima-carry verify --tpm` in the guest passed,
# for sha1 and sha256 at least.
e2e_check_guest_verify() {
	local rc
	rc=$(e2e_val "$1.rc")
	e2e_get "$1" "$W/$1.out"
	[ "$rc" = 0 ] ||
		e2e_fail "in-guest ima-carry verify --tpm failed ($rc): $(cat "$W/$1.out")"
	grep -q sha1 "$W/$1.out" && grep -q sha256 "$W/$1.out" ||
		e2e_fail "in-guest verify did not cover sha1 and sha256: $(cat "$W/$1.out")"
}

# e2e_pcr NAME ALG: one bank's PCR 10 as the guest printed it.
e2e_pcr() {
	e2e_val "$1.pcr" | awk -v a="$2" '$1 == a { print tolower($3) }'
}

# e2e_fdt_chosen NAME: the /chosen property names of the flattened tree the
# guest printed with e2e_chosen NAME (into $W/NAME.fdt).
e2e_fdt_chosen() {
	[ -f "$W/$1.fdt" ] || e2e_get "$1.fdt" "$W/$1.fdt"
	fdtget -p "$W/$1.fdt" /chosen || e2e_fail "fdtget cannot read $1's tree"
}
