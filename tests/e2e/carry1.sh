#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# carry1.sh - scenario 1: kexec --ima-carry, one hop; list and PCR 10 agree.
#
# Boot 1 measures and loads the next kernel with --ima-carry; boot 2's list
# must start with boot 1's list (as it was at the jump) byte for byte, the
# guest's own `ima-carry verify --tpm` must pass, and so must the host's
# replay.  E2E_KVER picks the kernel (linux612.sh runs this on 6.12);
# E2E_KEXEC_ARGS replaces --ima-carry (to see the scenario fail without it).
. "$(dirname "$0")/lib.sh"
kver=${E2E_KVER:-6.1}
e2e_init "${E2E_SCENARIO:-carry1}"
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_setup "$kver"

e2e_story "boot 1: measure, then kexec --ima-carry -l Image --initrd ... --reuse-cmdline"
e2e_hop 1 <<GUEST
e2e_snapshot boot1
e2e_kexec ${E2E_KEXEC_ARGS-$E2E_INLINE}
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_verify verify2
e2e_dmesg dmesg2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry -l failed in boot 1"

e2e_check_carry preexec1 boot2
e2e_check_guest_verify verify2

n1=$(e2e_val preexec1.count)
n2=$(e2e_val boot2.count)
"$E2E_HOST_TOOL" -q pack -o "$W/carried.blob" "$W/preexec1.bin" >/dev/null ||
	e2e_fail "host cannot pack boot 1's list"
raw=$(stat -c %s "$W/preexec1.bin")
blob=$(stat -c %s "$W/carried.blob")
e2e_get dmesg2 "$W/dmesg2"
carried=$(grep -m1 -E '\] ima: .*carr' "$W/dmesg2" | sed 's/^<[0-9]*>//') || true

e2e_story "PCR 10 before kexec (sha256): $(e2e_pcr preexec1 sha256)"
e2e_story "carried: $n1 measurements, list $raw bytes, blob $blob bytes"
e2e_story "kernel:  ${carried:-(no carry line in dmesg)}"
e2e_story "PCR 10 after boot 2 (sha256): $(e2e_pcr boot2 sha256)"
e2e_story "boot 2 lists $n2 measurements: replay = TPM ✔ ($(tail -n1 "$W/boot2.hostverify" | sed 's/.*: ok: //'))"
e2e_pass "linux $kver: $n1 measurements carried, boot 2's list replays to PCR 10" \
	"on the host and in the guest ($(e2e_secs) s)"
