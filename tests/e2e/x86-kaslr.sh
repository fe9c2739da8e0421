#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# x86-kaslr.sh - x86_64 carry under KASLR: a chain of kexec_load hops of
# Debian's stock 6.1, each boot at a fresh random physical and virtual
# address, never loses or damages the list.
#
# One QEMU run of E2E_KASLR_BOOTS boots (default 6; make e2e runs 21): the
# cold boot, then boot after boot of the same kernel loaded with
# `kexec --ima-carry -l` (guest-x86's e2e_x86_kexec_self: one initramfs,
# re-wrapped with the next hop number, so the chain does not nest).  KASLR is
# Debian's default: the kernel has CONFIG_RANDOMIZE_BASE=y, nothing puts
# nokaslr on the command line, and on kexec_load the decompressor
# randomises again.  Each boot prints where it runs ("Kernel code" in
# /proc/iomem, _text in /proc/kallsyms); at least 3/4 of the boots must
# show distinct physical and distinct virtual addresses.
#
# Every boot's list starts with its predecessor's at the jump byte for byte
# and replays to its PCR 10 (sha1, sha256, and sha384/sha512 as zero-padded
# SHA-1 where 6.1 extends them so); the last boot's too, in the guest's own
# ima-carry verify.  The last hop puts mem=E2E_KASLR_MEM (768M) on the next
# kernel's command line: the SETUP_IMA buffer must lie below it
# (docs/x86-setup-ima.md) and the list still arrive.
#
# E2E_KEXEC_ARGS=-c (plain kexec_load) must fail.
boots=${E2E_KASLR_BOOTS:-6}
mem=${E2E_KASLR_MEM:-768M}
[ "$boots" -ge 3 ] || { echo "E2E_KASLR_BOOTS must be >= 3" >&2; exit 2; }
# 20 to 35 s a hop under TCG on a shared core, plus headroom.
: "${E2E_TIMEOUT:=$((120 + 45 * boots))}"
. "$(dirname "$0")/lib-x86.sh"
e2e_init x86-kaslr
E2E_X86_ALL_BANKS=1 E2E_NEED_CARRY=${E2E_NEED_CARRY:-1} e2e_x86_setup 6.1
kconfig=$(dirname "$E2E_KERNEL")/config
grep -qx CONFIG_RANDOMIZE_BASE=y "$kconfig" ||
	e2e_skip "$(e2e_x86_package "$E2E_KERNEL") has no CONFIG_RANDOMIZE_BASE=y"
case " $E2E_CMDLINE ${E2E_APPEND:-} " in
*" nokaslr "*) e2e_fail "nokaslr is on the command line: $E2E_CMDLINE ${E2E_APPEND:-}" ;;
esac
verify=
[ -n "$E2E_GUEST_TOOL" ] && verify="e2e_x86_verify verify\$hop $E2E_BANKS"
carry=${E2E_KEXEC_ARGS---ima-carry}

# The same script in every boot; guest-init sets $hop.
e2e_x86_hop 1 <<GUEST
e2e_x86_measure 2 boot\$hop
e2e_x86_check boot\$hop
e2e_x86_kaslr boot\$hop
e2e_x86_ima_buf boot\$hop
e2e_snapshot boot\$hop
if [ "\$hop" -lt $((boots - 1)) ]; then
	e2e_x86_kexec_self \$((hop + 1)) $carry
elif [ "\$hop" -eq $((boots - 1)) ]; then
	e2e_x86_kexec_self \$((hop + 1)) $carry --append=mem=$mem
else
	e2e_val memtotal "\$(sed -n 's/^MemTotal: *//p' /proc/meminfo)"
	$verify
fi
GUEST
# The base initramfs (busybox, init, script, kexec, ima-carry; no /next),
# then hop 1's: the base plus /next/Image and /next/initrd = the base.
e2e_stage "$W/base" 1
e2e_cpio "$W/base" "$W/base.cpio.gz"
rm -rf "$W/base"
mkdir -p "$W/hop1.files/next"
cp "$E2E_KERNEL" "$W/hop1.files/next/Image"
cp "$W/base.cpio.gz" "$W/hop1.files/next/initrd"
e2e_run
loads=$(e2e_val kexec.load | wc -l)
if [ "$(e2e_val kexec.load | sort -u)" != ok ]; then
	e2e_fail "a kexec $carry -l failed ($(e2e_val kexec.load | tr '\n' ' '))"
fi
e2e_hops_done "$boots"
[ "$loads" -eq $((boots - 1)) ] || e2e_fail "$loads kexec loads, expected $((boots - 1))"
e2e_x86_kernels "$boots"

# KASLR was on in every boot, and each kexec'd kernel moved.
e2e_val cmdline | grep -qw nokaslr && e2e_fail "a boot ran with nokaslr"
for ((h = 1; h <= boots; h++)); do
	p=$(e2e_val "boot$h.phys")
	v=$(e2e_val "boot$h.virt")
	[[ $p =~ ^[0-9a-f]+$ ]] || e2e_fail "boot $h printed no physical kernel address ('$p')"
	[[ $v =~ ^ffffffff[0-9a-f]{8}$ ]] || e2e_fail "boot $h printed no _text address ('$v')"
	echo "$h $p $v"
done >"$W/addresses"
nphys=$(cut -d' ' -f2 "$W/addresses" | sort -u | wc -l)
nvirt=$(cut -d' ' -f3 "$W/addresses" | sort -u | wc -l)
want=$(( (3 * boots + 3) / 4 ))
[ "$nphys" -ge "$want" ] ||
	e2e_fail "only $nphys distinct physical kernel addresses in $boots boots (want >= $want): $(cut -d' ' -f2 "$W/addresses" | tr '\n' ' ')"
[ "$nvirt" -ge "$want" ] ||
	e2e_fail "only $nvirt distinct _text addresses in $boots boots (want >= $want): $(cut -d' ' -f3 "$W/addresses" | tr '\n' ' ')"

# Never lost, never damaged: hop by hop.
counts=
for ((h = 1; h <= boots; h++)); do
	e2e_x86_ima_active "boot$h"
	e2e_verify_host "boot$h"
	if [ "$h" -gt 1 ]; then
		e2e_verify_host "preexec$((h - 1))"
		e2e_check_carry "preexec$((h - 1))" "boot$h"
		[ -n "$(e2e_val "boot$h.ima_buf")" ] ||
			e2e_fail "boot $h was handed no SETUP_IMA node"
	fi
	counts="$counts $(e2e_val "boot$h.count")"
done
[ -n "$E2E_GUEST_TOOL" ] && e2e_check_guest_verify "verify$boots"
"$E2E_HOST_TOOL" dump "$W/boot$boots.bin" >"$W/last.ascii" || e2e_fail "ima-carry dump failed"
got=$(awk '/ \/e2e\/m-boot[0-9]+-[12]$/ { n++ } END { print n + 0 }' "$W/last.ascii")
[ "$got" -eq $((2 * boots)) ] ||
	e2e_fail "the last list holds $got of the $((2 * boots)) files the boots measured"

# The mem= hop: the buffer lay below the limit, and the kernel kept no RAM
# above it.
lim=$(numfmt --from=iec "$mem")
read -r baddr bsize <<<"$(e2e_val "boot$boots.ima_buf")"
ram=$(e2e_val "boot$boots.ram")
(( 16#$baddr + 16#$bsize <= lim )) ||
	e2e_fail "the IMA buffer at 0x$baddr+0x$bsize is not below mem=$mem"
(( 16#$ram < lim )) || e2e_fail "boot $boots has RAM up to 0x$ram despite mem=$mem"
e2e_val "cmdline" | tail -n1 | grep -qw "mem=$mem" ||
	e2e_fail "the last boot's command line has no mem=$mem"
(( 16#$(e2e_val "boot$(( boots - 1 )).ram") >= lim )) ||
	e2e_fail "boot $((boots - 1)) already had no RAM above mem=$mem: the hop shows nothing"

e2e_story "kernel $(e2e_x86_package "$E2E_KERNEL"), CONFIG_RANDOMIZE_BASE=y, no nokaslr"
e2e_story "boot: physical (Kernel code) / virtual (_text) / IMA buffer:"
for ((h = 1; h <= boots; h++)); do
	read -r _ p v <<<"$(sed -n "${h}p" "$W/addresses")"
	e2e_story "  $h: 0x$p / 0x$v / $(e2e_val "boot$h.ima_buf" | sed 's/\([0-9a-f]*\) \([0-9a-f]*\)/0x\1 +0x\2/')"
done
e2e_story "distinct: $nphys physical, $nvirt virtual of $boots boots (want >= $want)"
e2e_story "last hop with mem=$mem: RAM ends at 0x$ram, buffer at 0x$baddr; MemTotal $(e2e_val memtotal)"
e2e_x86_times "$boots"
e2e_pass "$boots boots under KASLR ($nphys/$nvirt distinct physical/virtual" \
	"addresses), measurements per boot:$counts; every list starts with its" \
	"predecessor's and replays to PCR 10 in $E2E_BANKS ($(e2e_secs) s)"
