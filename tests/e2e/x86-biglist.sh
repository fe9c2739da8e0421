#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# x86-biglist.sh - a big list carried on x86_64: E2E_X86_BIG measurements
# (make e2e: 100000) across kexec_load on Debian's stock 6.1.
#
# Boot 1 makes the measurements with x86-measure (x86-measure.c, built here
# with gcc -static): it creates E2E_X86_BIG empty files on the ramfs root and
# opens each one, one ima-ng entry per file and no fork per entry.  Before
# that it times what an entry costs: the same helper on E2E_X86_CTL (5000)
# files on tmpfs (syscalls, no measurement), and E2E_X86_SHELL (200)
# entries made by guest-x86's busybox loop (two forks each).  Then
# `kexec --ima-carry -l` and the jump; the list at
# the jump is too long to print twice, so boot 1 prints its size and
# SHA-256 and boot 2 its whole list: the host checks that boot 2's list
# starts with exactly those bytes and replays to boot 2's PCR 10 in every
# bank (sha384/sha512 as zero-padded SHA-1), as the guest's ima-carry
# verify does against the live TPM.
: "${E2E_X86_BIG:=20000}"
: "${E2E_X86_SHELL:=200}"
: "${E2E_X86_CTL:=$(( E2E_X86_BIG < 5000 ? E2E_X86_BIG : 5000 ))}"
# Under TCG on a shared core: about 1.6 ms to measure an entry, and each
# read of the list from securityfs grows with its square (seq_file walks
# the list from the head for every page: 20k entries 0.3 s, 100k 25 s;
# kexec, the timed read, two snapshots and verify: five reads).  100k: about
# 10 minutes, so make check runs 20k.
: "${E2E_TIMEOUT:=$((300 + E2E_X86_BIG / 100 * 2))}"
. "$(dirname "$0")/lib-x86.sh"
big=$E2E_X86_BIG
e2e_init x86-biglist
E2E_X86_ALL_BANKS=1 E2E_NEED_CARRY=${E2E_NEED_CARRY:-1} e2e_x86_setup 6.1
[ -n "$E2E_GUEST_TOOL" ] || e2e_skip "no static x86_64 ima-carry for the guest"
command -v gcc >/dev/null || e2e_skip "gcc is missing"
gcc -static -O2 -o "$W/x86-measure" "$E2E_DIR/x86-measure.c" 2>"$W/gcc.err" ||
	e2e_skip "cannot build x86-measure static: $(head -c 300 "$W/gcc.err")"
carry=${E2E_KEXEC_ARGS---ima-carry}
for h in 1 2; do
	mkdir -p "$W/hop$h.files/bin"
	cp "$W/x86-measure" "$W/hop$h.files/bin/x86-measure"
done

e2e_x86_hop 1 <<GUEST
mkdir -p /run/ctl /big
e2e_val big.tmpfs "\$(x86-measure /run/ctl $E2E_X86_CTL c)"
rm -rf /run/ctl
a=\$(cut -d' ' -f1 /proc/uptime)
e2e_x86_measure $E2E_X86_SHELL shell
e2e_val big.shell $E2E_X86_SHELL \$a \$(cut -d' ' -f1 /proc/uptime)
e2e_val big.ramfs "\$(x86-measure /big $big f)"
e2e_x86_check boot1
a=\$(cut -d' ' -f1 /proc/uptime)
cat \$IMA/binary_runtime_measurements >/dev/null
e2e_val big.read \$a \$(cut -d' ' -f1 /proc/uptime)
e2e_x86_jump e2e_x86_digest /next/initrd $carry
GUEST
e2e_x86_hop 2 <<GUEST
e2e_x86_check boot2
e2e_snapshot boot2
e2e_x86_verify verify2 $E2E_BANKS
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec $carry -l failed in boot 1"
e2e_x86_ima_active boot1
e2e_x86_ima_active boot2
e2e_x86_kernels 2

n1=$(e2e_val preexec1.count)
s1=$(e2e_val preexec1.size)
d1=$(e2e_val preexec1.sha256)
[ "$n1" -ge "$big" ] || e2e_fail "only $n1 measurements at the jump, expected >= $big"
e2e_get boot2.list "$W/boot2.bin"
e2e_pcrs boot2.pcr "$W/boot2.pcrs"
s2=$(stat -c %s "$W/boot2.bin")
[ "$s2" -gt "$s1" ] || e2e_fail "boot 2's list has $s2 bytes, boot 1's had $s1 at the jump"
d=$(head -c "$s1" "$W/boot2.bin" | sha256sum | cut -d' ' -f1)
[ "$d" = "$d1" ] ||
	e2e_fail "boot 2's first $s1 bytes are not boot 1's list at the jump (sha256 $d, boot 1: $d1)"
e2e_verify_host boot2
e2e_check_guest_verify verify2
"$E2E_HOST_TOOL" dump "$W/boot2.bin" >"$W/boot2.ascii" || e2e_fail "ima-carry dump failed"
got=$(awk '/ \/big\/f[0-9]+$/ { n++ } END { print n + 0 }' "$W/boot2.ascii")
[ "$got" -eq "$big" ] || e2e_fail "boot 2's list holds $got of the $big /big files"
got=$(awk '/ \/big\/f[0-9]+$/ { print $NF }' "$W/boot2.ascii" | sort -u | wc -l)
[ "$got" -eq "$big" ] || e2e_fail "boot 2's list holds only $got distinct /big files"

# Costs per entry, in the guest's clock.
read -r nc tc to <<<"$(e2e_val big.tmpfs)"
read -r _ rc ro <<<"$(e2e_val big.ramfs)"
read -r ns sa sb <<<"$(e2e_val big.shell)"
us() { echo "scale=9; x = 1000000 * ($1) / ($2); scale=0; x / 1" | bc; }
e2e_story "kernel $(e2e_x86_package "$E2E_KERNEL"); $big files by x86-measure"
e2e_story "tmpfs (not measured): create $(us "$tc" "$nc") us, open+read $(us "$to" "$nc") us per file ($nc files)"
e2e_story "ramfs (measured): create $(us "$rc" "$big") us, open+read+measure $(us "$ro" "$big") us per file;" \
	"IMA and the TPM extend: $(us "$ro / $big - $to / $nc" 1) us per entry"
read -r ra rb <<<"$(e2e_val big.read)"
e2e_story "one read of the $n1-entry list from securityfs: $(echo "$rb - $ra" | bc) s"
e2e_story "busybox shell loop (guest-x86): $(us "$sb - $sa" "$ns") us per entry ($ns entries)"
e2e_story "carried: $n1 measurements, $s1 bytes (the arm64 DTB's 2 MiB cap: $((2 * 1024 * 1024 * n1 / s1)) entries)"
e2e_story "boot 1: /init at $(e2e_val uptime1.init) s, kexec -e at $(e2e_val uptime1.kexec) s;" \
	"boot 2: /init at $(e2e_val uptime2.init) s (guest clocks)"
e2e_x86_times 2
e2e_pass "$n1 measurements ($s1 bytes) carried; boot 2's $(e2e_val boot2.count)" \
	"replay to PCR 10 in $E2E_BANKS (host and guest; $(e2e_secs) s)"
