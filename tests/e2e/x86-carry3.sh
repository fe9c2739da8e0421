#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# x86-carry3.sh - x86_64 carry, three chained hops on Debian's stock kernels,
# 6.1 -> 6.1 -> 6.12 -> 6.12: every boot's list starts with its
# predecessor's and replays to PCR 10.
#
# Boot N measures files of its own and jumps with `kexec --ima-carry -l`, so
# each hop carries a longer list, and one hop goes from 6.1 to 6.12 (with
# 6.12 unknown to apt, every boot is 6.1, and the scenario says so).  Every
# bank the TPM has is judged, on the host and in the guest: stock 6.1
# extends sha384 and sha512 as zero-padded SHA-1, 6.12 in their own hashes,
# so from boot 3 on those banks match only boot by boot (ima-carry verify
# says which boots were in which form, and that must be what each boot's
# kernel said at IMA init on the console).  Skips
# (77) while the guest kexec has no --ima-carry; E2E_NEED_CARRY=0
# E2E_DEBIAN_KEXEC=1 E2E_KEXEC_ARGS=-c runs it on Debian's plain kexec,
# where it must fail.
. "$(dirname "$0")/lib-x86.sh"
e2e_init x86-carry3
E2E_NEED_CARRY=${E2E_NEED_CARRY:-1} e2e_x86_setup 6.1
k61=$E2E_KERNEL
rc=0
k612=$("$E2E_DIR/debian-kernel.sh" "$E2E_CACHE" 6.12 2>"$W/kernel-6.12.err") || rc=$?
case $rc in
0) k612=$k612/vmlinuz ;;
77) e2e_say "*** no 6.12: $(tail -n1 "$W/kernel-6.12.err"); every boot is 6.1 ***"
	k612=$k61 ;;
*) e2e_fail "cannot unpack Debian's 6.12 amd64 kernel: $(tail -n1 "$W/kernel-6.12.err")" ;;
esac
# Every bank: the host takes all the guest prints, the guest all its TPM has.
E2E_BANKS=
"$E2E_HOST_TOOL" verify --help 2>&1 | grep -q 'each boot' ||
	e2e_fail "the host's ima-carry verify cannot match a bank boot by boot"
e2e_say "banks judged after all: every bank the guest's TPM has"
verify=
[ -n "$E2E_GUEST_TOOL" ] &&
	verify="e2e_x86_verify verify\$hop \$(ls -d \"\$TPM\"/pcr-* | sed 's,.*/pcr-,,')"
kernels=("$k61" "$k61" "$k612" "$k612")

for h in 1 2 3; do
	e2e_x86_hop "$h" "${kernels[h - 1]}" <<GUEST
e2e_x86_measure $h boot$h
e2e_x86_check boot$h
e2e_snapshot boot$h
$verify
e2e_kexec ${E2E_KEXEC_ARGS---ima-carry}
GUEST
done
e2e_x86_hop 4 "${kernels[3]}" <<GUEST
e2e_x86_measure 4 boot4
e2e_x86_check boot4
e2e_snapshot boot4
$verify
GUEST
e2e_run
e2e_hops_done 4
[ "$(e2e_val kexec.load | sort -u)" = ok ] ||
	e2e_fail "a kexec ${E2E_KEXEC_ARGS---ima-carry} -l failed"
e2e_x86_kernels 4
# Each boot ran the kernel it was meant to.
want=
for h in 1 2 3 4; do
	want="$want $(cut -d' ' -f3 "$(dirname "${kernels[h - 1]}")/package")"
done
got=$(e2e_val kernel | tr '\n' ' ')
[ "$got" = "${want# } " ] || e2e_fail "kernels booted: '$got', expected '${want# }'"

# padded BOOT ALG: boot BOOT's kernel could not allocate ALG at IMA init
# (so extended it as zero-padded SHA-1): what its console said.
padded() {
	awk -v b="$1" -v msg="ima: Can not allocate $2 " '
		/^(\[ *[0-9.]+\] )?Linux version / { n++ }
		n == b && index($0, msg) { found = 1 }
		END { exit !found }' "$E2E_LOG"
}

# expect_forms N ALG: what verify must say of ALG for boot N's list of boots
# 1..N: nothing (all in ALG), "as zero-padded SHA-1" (all padded), or the
# boots in each form, as verify words it.
expect_forms() {
	local n=$1 alg=$2 i j f g text= np=0 sep=
	for ((i = 1; i <= n; i = j)); do
		f=in; padded "$i" "$alg" && f=as
		for ((j = i + 1; j <= n; j++)); do
			g=in; padded "$j" "$alg" && g=as
			[ "$g" = "$f" ] || break
		done
		[ "$f" = as ] && np=$((np + j - i))
		if [ $((j - i)) -eq 1 ]; then
			text="$text${sep}boot $i"
		else
			text="$text${sep}boots $i-$((j - 1))"
		fi
		if [ "$f" = as ]; then
			text="$text as zero-padded SHA-1"
		else
			text="$text in $alg"
		fi
		sep=", "
	done
	if [ "$np" -eq 0 ]; then
		echo
	elif [ "$np" -eq "$n" ]; then
		echo "$alg: matches, as zero-padded SHA-1: the kernel had no $alg at IMA init"
	elif [ "$np" -eq 1 ]; then
		echo "$alg: matches, $text: the kernel had no $alg at IMA init in that boot"
	else
		echo "$alg: matches, $text: the kernel had no $alg at IMA init in those boots"
	fi
}

# judged NAME OUT: OUT (verify's output for NAME's list) matched in every
# bank NAME's TPM has, each in the forms its boots' kernels extended.
judged() {
	local name=$1 out=$2 h=${1//[!0-9]/} banks alg want
	banks=$(e2e_val "$name.banks" | sed 's/ /, /g')
	[ -n "$banks" ] || banks=$(e2e_val "boot$h.banks" | sed 's/ /, /g')
	grep -q ": ok: [0-9]* entries match .* in $banks\$" "$out" ||
		e2e_fail "$name: verify did not match every bank the TPM has ($banks): $(cat "$out")"
	for alg in ${banks//,/}; do
		want=$(expect_forms "$h" "$alg")
		if [ -n "$want" ]; then
			grep -qF ": $want" "$out" ||
				e2e_fail "$name: verify did not say '$want': $(cat "$out")"
		elif grep -q ": $alg: matches," "$out"; then
			e2e_fail "$name: $alg called padded though no boot said so: $(cat "$out")"
		fi
	done
}

counts=
for h in 1 2 3 4; do
	e2e_x86_ima_active "boot$h"
	e2e_verify_host "boot$h"
	judged "boot$h" "$W/boot$h.hostverify"
	if [ -n "$E2E_GUEST_TOOL" ]; then
		e2e_check_guest_verify "verify$h"
		judged "boot$h" "$W/verify$h.out"
	fi
	if [ "$h" -gt 1 ]; then
		e2e_verify_host "preexec$((h - 1))"
		e2e_check_carry "preexec$((h - 1))" "boot$h"
	fi
	counts="$counts $(e2e_val "boot$h.count")"
done
banks=$(e2e_val boot4.banks)
mixed=$(grep -ho ': sha[0-9]*: matches, boot.*IMA init' "$W/boot4.hostverify" |
	sed 's/^: //; s/: the kernel.*//' | paste -sd ';' | sed 's/;/; /g')
# Every boot's files are in the last list: 1 + 2 + 3 + 4.
"$E2E_HOST_TOOL" dump "$W/boot4.bin" >"$W/boot4.ascii" || e2e_fail "ima-carry dump failed"
[ "$(grep -c ' /e2e/m-boot[1-4]-' "$W/boot4.ascii")" -eq 10 ] ||
	e2e_fail "boot 4's list lacks files the boots before measured"

e2e_x86_times 4
e2e_pass "3 hops,${want}: measurements per boot:$counts; every list starts" \
	"with its predecessor's and replays to PCR 10 in $banks" \
	"${mixed:+(boot 4: $mixed) }($(e2e_secs) s)"
