#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# biglist.sh - scenario 6: about 20k measurements carried inline and compressed.
#
# Boot 1 opens E2E_BIG (20000) fresh files on the ramfs root, each one an
# ima-ng entry, then jumps with --ima-carry.  Reports the blob's raw and
# compressed size, the import time from boot 2's dmesg timestamps and where
# the 2 MiB DTB limit of kexec-tools' arm64 loader would fall.
# Under TCG, creating and measuring 20k files takes about 90 s of guest time
# on the SLUB test kernel (ten minutes on SLOB), so this run gets a longer
# QEMU timeout.
: "${E2E_TIMEOUT:=600}"
. "$(dirname "$0")/lib.sh"
e2e_init biglist
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1
big=${E2E_BIG:-20000}

e2e_hop 1 <<GUEST
mkdir -p /big
cd /big
seq 1 $big | sed 's|^|/big/measured-file-|' | xargs touch
e2e_val uptime1.created "\$(cut -d' ' -f1 /proc/uptime)"
ls | xargs cat >/dev/null
e2e_val uptime1.measured "\$(cut -d' ' -f1 /proc/uptime)"
cd /
e2e_snapshot boot1
e2e_kexec $E2E_INLINE
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_verify verify2
e2e_dmesg dmesg2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry -l failed"

e2e_check_carry preexec1 boot2
e2e_check_guest_verify verify2
n=$(e2e_val preexec1.count)
[ "$n" -ge "$big" ] || e2e_fail "only $n measurements in boot 1, expected >= $big"

"$E2E_HOST_TOOL" -q pack -o "$W/big.blob" "$W/preexec1.bin" >/dev/null ||
	e2e_fail "ima-carry pack failed"
raw=$(( $(stat -c %s "$W/preexec1.bin") + 24 ))
blob=$(stat -c %s "$W/big.blob")
e2e_get dmesg2 "$W/dmesg2"
# Import time: from the first IMA line of boot 2 to the carry line.
t=$(awk -F'[][]' '/\] ima: / && !s { s = $2 } /\] ima: .*carr/ && s { print $2 - s; exit }' \
	"$W/dmesg2")
per=$(echo "scale=1; $blob / $n" | bc)
cap=$(( 2 * 1024 * 1024 * n / blob ))
e2e_story "measurements carried: $n"
e2e_story "blob: raw $raw bytes, compressed $blob bytes ($per bytes/entry)"
e2e_story "kernel: $(grep -m1 -E '\] ima: .*carr' "$W/dmesg2" | sed 's/^<[0-9]*>//')"
e2e_story "import time (dmesg): ${t:-?} s"
e2e_story "boot 1 (guest clock): /init at $(e2e_val uptime1.init) s, files" \
	"created at $(e2e_val uptime1.created) s, measured at" \
	"$(e2e_val uptime1.measured) s, kexec -e at $(e2e_val uptime1.kexec) s"
e2e_story "boot 2 (guest clock): /init at $(e2e_val uptime2.init) s"
e2e_story "2 MiB DTB cap: reached at about $cap measurements of this kind"
e2e_pass "$n measurements carried in a $blob-byte blob ($(e2e_secs) s)"
