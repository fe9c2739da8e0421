#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# dump.sh - scenario 5: `ima-carry dump` equals the kernel's ascii list.
#
# One chain, Linux 6.1 then 6.12 (kexec --ima-carry when both pieces exist,
# plain kexec_load otherwise), so that both kernels' renderings are checked.
# Each boot reads files with awkward names to widen the list.  The guest's
# static tool and the host's tool must both reproduce the kernel's text.
. "$(dirname "$0")/lib.sh"
e2e_init dump
E2E_NEED_GUEST_TOOL=1 e2e_setup 6.1
k612=$(e2e_kernel 6.12)
carry=
if e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_CARRY &&
	e2e_kernel_has "$k612" CONFIG_IMA_CARRY &&
	e2e_kexec_has_carry "$E2E_GUEST_KEXEC"; then
	carry=$E2E_INLINE
fi

e2e_hop 1 <<GUEST
mkdir -p /data
for n in plain 'with space' 'tab	in' 'ünïcode' '%s\\\\n'; do
	echo "\$n" >"/data/\$n"
	cat "/data/\$n" >/dev/null
done
e2e_snapshot boot1
ima-carry dump /run/boot1.bin >/run/dump1 2>&1 || echo "dump failed: \$?" >>/run/dump1
e2e_emit ascii1 /run/boot1.ascii
e2e_emit dump1 /run/dump1
e2e_kexec $carry
GUEST
e2e_hop 2 "$k612" <<'GUEST'
mkdir -p /data
echo two >/data/second
cat /data/second >/dev/null
e2e_snapshot boot2
ima-carry dump /run/boot2.bin >/run/dump2 2>&1 || echo "dump failed: $?" >>/run/dump2
e2e_emit ascii2 /run/boot2.ascii
e2e_emit dump2 /run/dump2
GUEST
e2e_run
e2e_hops_done 2

kern=([1]=6.1 [2]=6.12)
for h in 1 2; do
	e2e_get "ascii$h" "$W/ascii$h"
	e2e_get "dump$h" "$W/dump$h"
	e2e_get "boot$h.list" "$W/boot$h.bin"
	[ -s "$W/ascii$h" ] || e2e_fail "boot $h's ascii list is empty"
	cmp "$W/ascii$h" "$W/dump$h" >"$W/cmp$h" 2>&1 ||
		e2e_fail "linux ${kern[$h]}: in-guest dump != ascii_runtime_measurements:" \
			"$(cat "$W/cmp$h")"
	"$E2E_HOST_TOOL" dump "$W/boot$h.bin" >"$W/hostdump$h" ||
		e2e_fail "host ima-carry dump failed on boot $h's list"
	cmp "$W/ascii$h" "$W/hostdump$h" >"$W/cmp$h" 2>&1 ||
		e2e_fail "linux ${kern[$h]}: host dump != ascii_runtime_measurements:" \
			"$(cat "$W/cmp$h")"
	e2e_story "linux ${kern[$h]}: $(wc -l <"$W/ascii$h") lines, dump == ascii" \
		"(guest and host)"
done
e2e_pass "dump is byte-identical to the kernel's ascii list on 6.1 and 6.12" \
	"(${carry:-plain kexec_load}) ($(e2e_secs) s)"
