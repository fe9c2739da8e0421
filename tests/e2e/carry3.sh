#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# carry3.sh - scenario 2: three chained kexec --ima-carry hops, matching each time.
#
# Every boot adds measurements of its own (its hop file and script differ), so
# each hop carries a longer list; every boot's list must start with the list
# its predecessor had at the jump and replay to the TPM's PCR 10.
. "$(dirname "$0")/lib.sh"
e2e_init carry3
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1

for h in 1 2 3; do
	e2e_hop "$h" <<'GUEST'
e2e_snapshot boot$hop
e2e_verify verify$hop
e2e_kexec --ima-carry=inline
GUEST
done
e2e_hop 4 <<'GUEST'
e2e_snapshot boot4
e2e_verify verify4
GUEST
e2e_run
e2e_hops_done 4
[ "$(e2e_val kexec.load | sort -u)" = ok ] || e2e_fail "a kexec --ima-carry -l failed"

counts=
for h in 1 2 3 4; do
	e2e_verify_host "boot$h"
	e2e_check_guest_verify "verify$h"
	[ "$h" -gt 1 ] && e2e_check_carry "preexec$((h - 1))" "boot$h"
	counts="$counts $(e2e_val "boot$h.count")"
done
e2e_story "measurements per boot:$counts; PCR 10 matched in every boot"
e2e_pass "3 hops: every boot's list starts with its predecessor's and" \
	"replays to PCR 10 ($(e2e_secs) s)"
