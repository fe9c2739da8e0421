# SPDX-License-Identifier: GPL-2.0-only
# lib-cross.sh - what the ppc64le and 32-bit arm halves of the e2e harness
# share: kernels built from linux-source for another architecture, the
# project's static kexec and ima-carry of that architecture, and the four
# scenarios, one function each (ppc64le-*.sh and arm-*.sh call them).
#
# lib-ppc64le.sh and lib-arm.sh set, then source this file:
#   E2E_ARCH         the Debian architecture (lib.sh's machine: ppc64el, armhf)
#   E2E_KARCH        build-kernel.sh --arch (ppc64le, armhf)
#   E2E_KCROSS       the kernel's cross compiler prefix
#   E2E_KEXEC_ARCH   kexec/out/<this>/ of the build tree (make kexec-<this>)
#   E2E_QEMU_USER    qemu-*-static, to ask the guest kexec for --ima-carry
#   E2E_ELF_MACHINE  readelf's Machine: of a guest executable
#   E2E_TAG          the scenario names' prefix (ppc64le, arm)
# The hops, chain, QEMU run and judging are lib.sh's.
E2E_STAMPS=${E2E_STAMPS:-1}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# e2e_cross_kernel VERSION: the cached kernel of that version for E2E_KARCH,
# built if needed (one kernel build at a time: build-kernel.sh locks), or
# E2E_CROSS_KERNEL (an image with its config beside it) when set.
e2e_cross_kernel() {
	local ver=$1 img
	if [ -n "${E2E_CROSS_KERNEL:-}" ]; then
		[ -f "$E2E_CROSS_KERNEL" ] && [ -f "$(dirname "$E2E_CROSS_KERNEL")/config" ] ||
			e2e_fail "E2E_CROSS_KERNEL=$E2E_CROSS_KERNEL: no such image with a config beside it"
		echo "$E2E_CROSS_KERNEL"
		return 0
	fi
	[ -f "/usr/src/linux-source-$ver.tar.xz" ] ||
		e2e_skip "linux-source-$ver is not installed"
	command -v "${E2E_KCROSS}gcc" >/dev/null ||
		e2e_skip "${E2E_KCROSS}gcc is not installed (./quickstart deps)"
	img=$("$E2E_DIR/build-kernel.sh" --arch "$E2E_KARCH" "$ver") ||
		e2e_fail "linux $ver $E2E_KARCH kernel build failed"
	echo "$img"
}

# e2e_cross_static FILE: a static executable for the guest's machine.
e2e_cross_static() {
	readelf -h "$1" 2>/dev/null | grep -Eq "Machine:[[:space:]]+$E2E_ELF_MACHINE\$" &&
		! readelf -l "$1" 2>/dev/null | grep -q 'Requesting program interpreter'
}

# e2e_cross_setup [VERSION]: busybox, kernel, host tool, the guest's static
# kexec (E2E_CROSS_KEXEC, else the build tree's kexec/out/ARCH/kexec) and
# ima-carry beside it.  E2E_NEED_CARRY=1 skips unless the kernel has
# CONFIG_IMA_CARRY and the kexec --ima-carry; E2E_NEED_GUEST_TOOL=1 skips
# without the guest ima-carry.
e2e_cross_setup() {
	local ver=${1:-6.1} k t
	command -v readelf >/dev/null || e2e_skip "readelf (binutils) is missing"
	command -v "$E2E_QEMU_USER" >/dev/null ||
		e2e_skip "$E2E_QEMU_USER is missing (qemu-user-static)"
	command -v dtc >/dev/null && command -v fdtget >/dev/null ||
		e2e_skip "dtc and fdtget are missing (device-tree-compiler)"
	E2E_BUSYBOX=$(e2e_busybox)
	E2E_KERNEL=$(e2e_cross_kernel "$ver")
	E2E_HOST_TOOL=$(e2e_host_tool) ||
		e2e_skip "the host ima-carry tool is not built yet"
	k=${E2E_CROSS_KEXEC:-${top_builddir:-$PWD}/kexec/out/$E2E_KEXEC_ARCH/kexec}
	[ -f "$k" ] ||
		e2e_skip "no static $E2E_KEXEC_ARCH kexec at $k yet (make kexec-$E2E_KEXEC_ARCH)"
	e2e_cross_static "$k" ||
		e2e_fail "$k is not a static $E2E_ELF_MACHINE executable"
	E2E_KEXEC_KIND=project
	E2E_GUEST_KEXEC=$k
	E2E_GUEST_TOOL=
	t=$(dirname "$k")/ima-carry
	if [ -f "$t" ]; then
		e2e_cross_static "$t" ||
			e2e_fail "$t is not a static $E2E_ELF_MACHINE executable"
		E2E_GUEST_TOOL=$t
	fi
	if [ "${E2E_NEED_CARRY:-0}" = 1 ]; then
		e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_CARRY ||
			e2e_skip "linux $ver $E2E_KARCH has no CONFIG_IMA_CARRY"
		"$E2E_QEMU_USER" "$k" --help 2>&1 | grep -- --ima-carry >/dev/null ||
			e2e_skip "the guest kexec $k has no --ima-carry"
	fi
	if [ "${E2E_NEED_GUEST_TOOL:-0}" = 1 ] && [ -z "$E2E_GUEST_TOOL" ]; then
		e2e_skip "no static $E2E_KEXEC_ARCH ima-carry beside $k"
	fi
	e2e_say "kernel $E2E_KERNEL; guest kexec $k"
	return 0
}

# Where plain kexec takes the running kernel's tree from: fdt
# (/sys/firmware/fdt, arm) or live (/proc/device-tree, ppc64's fs2dt).
E2E_CROSS_STALE_SRC=${E2E_CROSS_STALE_SRC:-fdt}

# The carrier the carry scenarios ask for: the inline blob alone when lib.sh
# names that option (E2E_INLINE), else --ima-carry.  Hop scripts say $carry.
# E2E_CROSS_CARRY replaces it: E2E_CROSS_CARRY=-d (no carrier) must fail.
E2E_CROSS_CARRY=${E2E_CROSS_CARRY:-${E2E_INLINE:---ima-carry}}

# e2e_cross_hop N: e2e_hop, with guest-cross's helpers and $carry in the
# script.
e2e_cross_hop() {
	{ cat "$E2E_DIR/guest-cross"; echo "carry='$E2E_CROSS_CARRY'"; cat; } >"$W/hop$1.in"
	e2e_hop "$@" <"$W/hop$1.in"
}

# e2e_cross_kernels N: N kernels really booted one after the other: N
# banners on the console, and N different boot_ids.
e2e_cross_kernels() {
	local n=$1 got
	got=$(awk '/^(\[ *[0-9.]+\] )?Linux version / { n++ } END { print n + 0 }' "$E2E_LOG")
	[ "$got" -eq "$n" ] ||
		e2e_fail "$got kernel banners on the console, expected $n"
	got=$(sed -n 's/^@@E2E boot[0-9]*\.bootid //p' "$E2E_LOG" | sort -u | wc -l)
	[ "$got" -eq "$n" ] ||
		e2e_fail "$got different boot_ids in $n boots: not a fresh kernel each time"
}

# e2e_cross_times N: boot to hop 1's /init and each kexec hop on the host's
# clock, the guest's own uptimes, and the whole run.
e2e_cross_times() {
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

# e2e_cross_blob FDT: the /chosen/linux,ima-carry bytes of FDT, in hex
# (empty when there is none).
e2e_cross_blob() {
	fdtget -t bx "$1" /chosen linux,ima-carry 2>/dev/null || :
}

# e2e_cross_props FDT: /chosen's property names of FDT, one per line.
e2e_cross_props() {
	fdtget -p "$1" /chosen || e2e_fail "fdtget cannot read $1"
}

# e2e_cross_rsv FDT: FDT's /memreserve/ entries, "ADDR SIZE" in hex.
e2e_cross_rsv() {
	dtc -q -I dtb -O dts "$1" 2>/dev/null |
		sed -n 's,^/memreserve/[[:space:]]*\(0x[0-9a-f]*\)[[:space:]]*\(0x[0-9a-f]*\);,\1 \2,p'
}

# e2e_cross_check_dryrun NAME CARRY: the dry run NAME succeeded and wrote a
# tree with no linux,ima-kexec-buffer; with CARRY=1 it holds a valid
# linux,ima-carry (what it carries the caller checks), with CARRY=0 none:
# the stale carrier of a carried boot is gone.
e2e_cross_check_dryrun() {
	local n=$1 carry=$2
	[ "$(e2e_val "$n.rc")" = 0 ] || {
		e2e_get "$n.out" "$W/$n.out"
		e2e_fail "kexec --dry-run $n failed: $(tail -n3 "$W/$n.out")"
	}
	e2e_get "$n.fdt" "$W/$n.fdt"
	e2e_get "$n.out" "$W/$n.out"
	e2e_cross_props "$W/$n.fdt" >"$W/$n.props"
	grep -qx 'linux,ima-kexec-buffer' "$W/$n.props" &&
		e2e_fail "$n: the next tree keeps a stale linux,ima-kexec-buffer"
	if [ "$carry" = 1 ]; then
		grep -qx 'linux,ima-carry' "$W/$n.props" ||
			e2e_fail "$n: kexec --ima-carry left no linux,ima-carry in the next tree"
		"$E2E_HOST_TOOL" check "$W/$n.fdt" >"$W/$n.check" 2>&1 ||
			e2e_fail "$n: ima-carry check of the next tree: $(cat "$W/$n.check")"
	else
		grep -qx 'linux,ima-carry' "$W/$n.props" &&
			e2e_fail "$n: plain kexec kept a stale linux,ima-carry in the next tree"
	fi
	return 0
}

# --- the scenarios -----------------------------------------------------

# e2e_cross_carry_once: boot 1 measures 5 files and jumps with
# $E2E_CROSS_CARRY (dry run first, its kexec buffer kept when there is one),
# boot 2 measures 3; then boot 2's list must start with boot 1's at the jump
# and both replay to PCR 10 (host and guest); boot2.ascii is its dump.
e2e_cross_carry_once() {
	e2e_cross_hop 1 <<'GUEST'
e2e_cross_ids boot1
e2e_cross_memory mem1
e2e_cross_measure 5 boot1
e2e_snapshot boot1
e2e_verify verify1
e2e_cross_dryrun next1 $carry
[ -f /run/next1.fdt.ima-buffer ] && e2e_emit next1.kbuf /run/next1.fdt.ima-buffer
e2e_snapshot dry1
e2e_kexec $carry
GUEST
	e2e_cross_hop 2 <<'GUEST'
e2e_cross_ids boot2
e2e_cross_measure 3 boot2
e2e_snapshot boot2
e2e_verify verify2
e2e_dmesg dmesg2
e2e_chosen chosen2
GUEST
	e2e_run
	e2e_hops_done 2
	[ "$(e2e_val kexec.load)" = ok ] ||
		e2e_fail "kexec ${E2E_CROSS_CARRY:---ima-carry} -l failed in boot 1"
	e2e_cross_kernels 2

	# The list first: without a carrier, this is where a scenario fails.
	e2e_verify_host preexec1
	e2e_check_carry preexec1 boot2
	e2e_check_guest_verify verify1
	e2e_check_guest_verify verify2
	# n1, n2: the caller's (local there), for its own checks and story.
	n1=$(e2e_val preexec1.count)
	n2=$(e2e_val boot2.count)
	[ "$n2" -gt "$n1" ] || e2e_fail "boot 2 lists $n2 measurements, boot 1 had $n1"
	"$E2E_HOST_TOOL" dump "$W/boot2.bin" >"$W/boot2.ascii" || e2e_fail "ima-carry dump failed"
	[ "$(grep -c ' /e2e/m-boot[12]-' "$W/boot2.ascii")" -eq 8 ] ||
		e2e_fail "boot 2's list lacks the 5 + 3 files boot 1 and boot 2 measured"
}

# carry, one hop: boot 2's list starts with boot 1's at the jump, replays to
# PCR 10 (host and guest); the tree boot 2 was handed holds the blob that
# kexec's dry run showed, byte for byte; per-arch checks in E2E_CROSS_TREE_CHECK.
e2e_cross_carry1() {
	e2e_init "$E2E_TAG-carry1"
	E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_cross_setup 6.1
	local n1 n2 carried
	e2e_cross_carry_once

	# The dry run's tree carried the list as it was then, and nothing was
	# measured between the dry run and the load: the tree boot 2 booted
	# with (its /sys/firmware/fdt) holds that very blob.
	e2e_cross_check_dryrun next1 1
	e2e_get dry1.list "$W/dry1.bin"
	"$E2E_HOST_TOOL" extract --list -o "$W/next1.list" "$W/next1.fdt" >/dev/null 2>&1 ||
		e2e_fail "ima-carry extract --list of the dry run's tree failed"
	cmp -s "$W/next1.list" "$W/dry1.bin" ||
		e2e_fail "the dry run's tree does not carry the list as it was"
	cmp -s "$W/dry1.bin" "$W/preexec1.bin" ||
		e2e_fail "something was measured between the dry run and the load"
	e2e_get chosen2.fdt "$W/chosen2.fdt"
	local want got
	want=$(e2e_cross_blob "$W/next1.fdt")
	got=$(e2e_cross_blob "$W/chosen2.fdt")
	[ -n "$got" ] || e2e_fail "boot 2's /sys/firmware/fdt has no linux,ima-carry"
	[ "$got" = "$want" ] ||
		e2e_fail "the blob in boot 2's tree is not the one kexec put in the tree it loaded"
	"$E2E_HOST_TOOL" check "$W/chosen2.fdt" >"$W/chosen2.check" 2>&1 ||
		e2e_fail "ima-carry check of boot 2's tree: $(cat "$W/chosen2.check")"
	[ -n "${E2E_CROSS_TREE_CHECK:-}" ] && "$E2E_CROSS_TREE_CHECK"

	e2e_get dmesg2 "$W/dmesg2"
	carried=$(grep -m1 -E '\] ima: .*carr' "$W/dmesg2" | sed 's/^<[0-9]*>//') ||
		e2e_fail "boot 2's kernel logged no carry line"
	e2e_story "kernel: $carried"
	e2e_cross_times 2
	e2e_pass "linux 6.1 $E2E_KARCH: $n1 measurements carried in" \
		"$(( $(stat -c %s "$W/chosen2.fdt") )) bytes of tree; boot 2's $n2 replay" \
		"to PCR 10 (host and guest; $(e2e_secs) s)"
}

# carry, three hops: every boot's list starts with its predecessor's and
# replays to PCR 10; in each carried boot a plain kexec's dry run drops the
# stale linux,ima-carry the running kernel was handed.
e2e_cross_carry3() {
	e2e_init "$E2E_TAG-carry3"
	E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_cross_setup 6.1
	local h counts=
	for h in 1 2 3; do
		e2e_cross_hop "$h" <<'GUEST'
e2e_cross_ids boot$hop
e2e_cross_measure 2 boot$hop
e2e_snapshot boot$hop
e2e_verify verify$hop
[ "$hop" -gt 1 ] && e2e_val chosen$hop.live $(ls /proc/device-tree/chosen)
[ "$hop" -gt 1 ] && e2e_chosen chosen$hop
[ "$hop" -gt 1 ] && e2e_cross_dryrun stale$hop
e2e_kexec $carry
GUEST
	done
	e2e_cross_hop 4 <<'GUEST'
e2e_cross_ids boot4
e2e_snapshot boot4
e2e_verify verify4
GUEST
	e2e_run
	e2e_hops_done 4
	[ "$(e2e_val kexec.load | sort -u)" = ok ] || e2e_fail "a kexec --ima-carry -l failed"
	e2e_cross_kernels 4
	for h in 1 2 3 4; do
		e2e_verify_host "boot$h"
		e2e_check_guest_verify "verify$h"
		[ "$h" -gt 1 ] && e2e_check_carry "preexec$((h - 1))" "boot$h"
		counts="$counts $(e2e_val "boot$h.count")"
	done
	# Not vacuous: the tree plain kexec starts from held the stale carrier
	# (arm: /sys/firmware/fdt; ppc64: /proc/device-tree, which fs2dt reads,
	# holds it only if the kernel keeps it in its live tree: said, not
	# required, and the dry run must drop it either way).
	local src
	for h in 2 3; do
		e2e_cross_check_dryrun "stale$h" 0
		e2e_get "chosen$h.fdt" "$W/chosen$h.fdt"
		e2e_cross_props "$W/chosen$h.fdt" | grep -qx 'linux,ima-carry' ||
			e2e_fail "boot $h's /sys/firmware/fdt holds no linux,ima-carry"
		if [ "$E2E_CROSS_STALE_SRC" = fdt ] ||
			e2e_val "chosen$h.live" | tr ' ' '\n' | grep -qx 'linux,ima-carry'; then
			src="the tree kexec read held it"
		else
			src="the live tree kexec read did not hold it"
		fi
		e2e_story "boot $h: plain kexec's next tree has no linux,ima-carry ($src)"
	done
	e2e_cross_times 4
	e2e_story "measurements per boot:$counts; PCR 10 matched in every boot"
	e2e_story "/chosen of boot 2 (live): $(e2e_val chosen2.live)"
	e2e_pass "linux 6.1 $E2E_KARCH, 3 hops: every boot's list starts with its" \
		"predecessor's and replays to PCR 10; plain kexec drops the stale" \
		"carrier ($(e2e_secs) s)"
}

# control: plain kexec_load (our kexec, without --ima-carry) loses the list;
# boot 2's replay must not match PCR 10, and boot 1's last PCR 10 plus boot
# 2's list must.  Fails if boot 2's list replays after all.
e2e_cross_control() {
	e2e_init "$E2E_TAG-control"
	e2e_cross_setup 6.1
	e2e_cross_hop 1 <<'GUEST'
e2e_cross_ids boot1
e2e_cross_measure 3 boot1
e2e_snapshot boot1
e2e_kexec
GUEST
	e2e_cross_hop 2 <<'GUEST'
e2e_cross_ids boot2
e2e_snapshot boot2
GUEST
	e2e_run
	e2e_hops_done 2
	[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec -l failed in boot 1"
	e2e_cross_kernels 2

	local tool=$E2E_HOST_TOOL n1 rc=0 alg pcr hex
	local initial=()
	e2e_get boot1.list "$W/boot1.bin"
	e2e_get boot2.list "$W/boot2.bin"
	e2e_pcrs boot1.pcr "$W/boot1.pcrs"
	e2e_pcrs boot2.pcr "$W/boot2.pcrs"
	e2e_pcrs preexec1.pcr "$W/preexec1.pcrs"
	"$tool" verify --pcrs "$W/boot1.pcrs" "$W/boot1.bin" >"$W/verify1.out" 2>&1 ||
		e2e_fail "boot 1's list does not replay to boot 1's PCR 10: $(cat "$W/verify1.out")"
	n1=$(stat -c %s "$W/boot1.bin")
	if cmp -s -n "$n1" "$W/boot1.bin" "$W/boot2.bin"; then
		e2e_fail "boot 2's list starts with boot 1's: plain kexec_load carried it?"
	fi
	"$tool" verify --pcrs "$W/boot2.pcrs" "$W/boot2.bin" >"$W/verify2.out" 2>&1 || rc=$?
	case $rc in
	0) e2e_fail "boot 2's fresh list replays to PCR 10: the mismatch was not seen" ;;
	1) ;;
	*) e2e_fail "ima-carry verify failed with $rc: $(cat "$W/verify2.out")" ;;
	esac
	while read -r alg pcr hex; do
		initial+=(--bank "$alg" --initial "$alg:$pcr:$hex")
	done <"$W/preexec1.pcrs"
	"$tool" replay --pcr 10 "${initial[@]}" "$W/boot2.bin" >"$W/replay2.out" ||
		e2e_fail "ima-carry replay failed"
	while read -r alg pcr hex; do
		grep -qx "$alg $pcr $hex" "$W/replay2.out" ||
			e2e_fail "boot 1's last PCR 10 + boot 2's list != TPM $alg PCR 10"
	done <"$W/boot2.pcrs"
	e2e_cross_times 2
	e2e_pass "linux 6.1 $E2E_KARCH, kexec_load without --ima-carry: boot 2 lists" \
		"$(e2e_val boot2.count) of $(( $(e2e_val preexec1.count) + $(e2e_val boot2.count) ))" \
		"measurements in PCR 10; replay != TPM PCR 10 (as expected)"
}

# dump: in both boots, the guest's `ima-carry dump` of the live list is
# byte-identical to the kernel's ascii_runtime_measurements, and so is the
# host's dump of the binary list; boot 2's list is a carried one.
e2e_cross_dump() {
	e2e_init "$E2E_TAG-dump"
	E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_cross_setup 6.1
	e2e_cross_hop 1 <<'GUEST'
e2e_cross_ids boot1
mkdir -p /data
for n in plain 'with space' 'tab	in' 'ünïcode' '%s\\n'; do
	echo "$n" >"/data/$n"
	cat "/data/$n" >/dev/null
done
e2e_cross_dump live1
e2e_snapshot boot1
e2e_kexec $carry
GUEST
	e2e_cross_hop 2 <<'GUEST'
e2e_cross_ids boot2
mkdir -p /data
echo two >/data/second
cat /data/second >/dev/null
e2e_cross_dump live2
e2e_snapshot boot2
GUEST
	e2e_run
	e2e_hops_done 2
	[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry -l failed in boot 1"
	e2e_cross_kernels 2
	local h
	for h in 1 2; do
		[ "$(e2e_val "live$h.rc")" = 0 ] || {
			e2e_get "live$h.dump" "$W/live$h.dump"
			e2e_fail "in-guest ima-carry dump failed in boot $h: $(tail -n2 "$W/live$h.dump")"
		}
		e2e_get "live$h.dump" "$W/live$h.dump"
		e2e_get "live$h.kascii" "$W/live$h.kascii"
		[ -s "$W/live$h.kascii" ] || e2e_fail "boot $h's ascii list is empty"
		cmp "$W/live$h.kascii" "$W/live$h.dump" >"$W/cmp$h" 2>&1 ||
			e2e_fail "boot $h: in-guest dump of the live list != ascii_runtime_measurements:" \
				"$(cat "$W/cmp$h")"
		# Nothing is measured between the live dump and the snapshot.
		e2e_get "boot$h.list" "$W/boot$h.bin"
		"$E2E_HOST_TOOL" dump "$W/boot$h.bin" >"$W/hostdump$h" ||
			e2e_fail "host ima-carry dump failed on boot $h's list"
		cmp "$W/live$h.kascii" "$W/hostdump$h" >"$W/hcmp$h" 2>&1 ||
			e2e_fail "boot $h: the host's dump of the list != the kernel's ascii:" \
				"$(cat "$W/hcmp$h")"
		e2e_story "boot $h: $(wc -l <"$W/live$h.kascii") lines, dump == ascii"
	done
	# Boot 2's ascii starts with boot 1's, line for line: a carried list.
	head -n "$(wc -l <"$W/live1.kascii")" "$W/live2.kascii" |
		cmp -s - "$W/live1.kascii" ||
		e2e_fail "boot 2's ascii list does not start with boot 1's: nothing carried"
	grep -q ' /data/with_space$' "$W/live2.kascii" ||
		e2e_fail "boot 2's ascii list lacks boot 1's /data/with space"
	e2e_pass "linux 6.1 $E2E_KARCH: ima-carry dump of the live list is byte-identical" \
		"to the kernel's ascii list, before and after the carry ($(e2e_secs) s)"
}
