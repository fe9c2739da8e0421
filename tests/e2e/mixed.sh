#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# mixed.sh - scenario 7: a kexec -s hop, then a kexec --ima-carry hop.
#
# Hop 1 uses the kernel's own carry (CONFIG_IMA_KEXEC, linux,ima-kexec-buffer);
# hop 2 uses ours.  Boot 3's device tree must not hold the stale
# linux,ima-kexec-buffer that /sys/firmware/fdt handed to kexec, and every
# boot's list must replay to PCR 10.
. "$(dirname "$0")/lib.sh"
e2e_init mixed
E2E_NEED_CARRY=1 E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1

e2e_hop 1 <<'GUEST'
e2e_snapshot boot1
e2e_kexec -s
GUEST
e2e_hop 2 <<'GUEST'
e2e_snapshot boot2
e2e_chosen chosen2
e2e_verify verify2
e2e_kexec --ima-carry=inline
GUEST
e2e_hop 3 <<'GUEST'
e2e_snapshot boot3
e2e_chosen chosen3
e2e_verify verify3
GUEST
e2e_run
e2e_hops_done 3
[ "$(e2e_val kexec.load | sort -u)" = ok ] || e2e_fail "a kexec load failed"

command -v fdtget >/dev/null || e2e_skip "fdtget is missing (device-tree-compiler)"
e2e_fdt_chosen chosen2 >"$W/chosen2.props"
e2e_fdt_chosen chosen3 >"$W/chosen3.props"
grep -qx linux,ima-kexec-buffer "$W/chosen2.props" ||
	e2e_fail "boot 2 got no linux,ima-kexec-buffer: kexec -s did not carry"
e2e_check_carry preexec1 boot2
e2e_check_guest_verify verify2
grep -qx linux,ima-kexec-buffer "$W/chosen3.props" &&
	e2e_fail "boot 3's DTB still holds the stale linux,ima-kexec-buffer"
# Its /memreserve/ must have gone with it: that memory gets reused.
read -r a1 a0 s1 s0 < <(fdtget -t x "$W/chosen2.fdt" /chosen linux,ima-kexec-buffer)
buf=$(printf '%x' $(( (0x$a1 << 32) | 0x$a0 )))
fdtdump "$W/chosen2.fdt" 2>/dev/null | grep '^/memreserve/' >"$W/memreserve2" || true
fdtdump "$W/chosen3.fdt" 2>/dev/null | grep '^/memreserve/' >"$W/memreserve3" || true
grep -qi "^/memreserve/ 0x0*$buf " "$W/memreserve2" ||
	e2e_fail "boot 2's DTB does not reserve its buffer at 0x$buf (check is vacuous)"
grep -qi "^/memreserve/ 0x0*$buf " "$W/memreserve3" &&
	e2e_fail "boot 3's DTB still reserves the stale buffer at 0x$buf"
e2e_check_carry preexec2 boot3
e2e_check_guest_verify verify3
e2e_story "kexec -s: $(e2e_val boot2.count) measurements in boot 2;" \
	"kexec --ima-carry: $(e2e_val boot3.count) in boot 3; stale buffer gone"
e2e_pass "kexec_file_load then kexec --ima-carry: replay matches in every boot" \
	"($(e2e_secs) s)"
