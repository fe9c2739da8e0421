# SPDX-License-Identifier: GPL-2.0-only
# lib-ppc64le.sh - the ppc64le half of the e2e harness: QEMU pseries under
# TCG (power9, 1 GiB, hvc0), swtpm behind tpm-spapr (the kernel's IBM vTPM
# driver), Linux 6.1 with the patch built as a little-endian vmlinux
# (build-kernel.sh --arch ppc64le), and the project's static ppc64le kexec
# and ima-carry (make kexec-ppc64le).  A scenario sources this instead of
# lib.sh and calls one of lib-cross.sh's scenario functions.
#
# ppc64's kexec-tools builds the next tree itself from /proc/device-tree
# (fs2dt) and reserves it with a /memreserve/ entry it patches in last;
# every segment goes below the RMA (the first memory node, capped at
# 768 MiB).  e2e_ppc_tree_check checks that of the tree kexec built.
E2E_ARCH=ppc64el
E2E_KARCH=ppc64le
E2E_KCROSS=powerpc64le-linux-gnu-
E2E_KEXEC_ARCH=ppc64le
E2E_QEMU_USER=qemu-ppc64le-static
E2E_ELF_MACHINE=PowerPC64
E2E_TAG=ppc64le
E2E_CROSS_STALE_SRC=live
. "$(dirname "${BASH_SOURCE[0]}")/lib-cross.sh"

# e2e_ppc_tree_check: in the tree kexec built in boot 1 (the dry run), the
# last /memreserve/ is the tree itself, at the address and of the size it
# was loaded with, all of it below the RMA; boot 2 was handed that entry.
e2e_ppc_tree_check() {
	local rsv last addr size total mem rma
	rsv=$(e2e_cross_rsv "$W/next1.fdt")
	[ -n "$rsv" ] || e2e_fail "the dry run's tree has no /memreserve/ at all"
	last=$(printf '%s\n' "$rsv" | tail -n1)
	addr=$(( ${last% *} ))
	size=$(( ${last#* } ))
	total=$(( 0x$(od -An -j4 -N4 -tx1 "$W/next1.fdt" | tr -d ' \n') ))
	[ "$size" -eq "$total" ] ||
		e2e_fail "the tree's own /memreserve/ is $size bytes, the tree $total"
	[ "$addr" -gt 0 ] || e2e_fail "the tree's own /memreserve/ was never patched"
	mem=$(e2e_val mem1)
	[ ${#mem} -eq 32 ] || e2e_fail "boot 1's memory@0 reg is '$mem'"
	rma=$(( 0x${mem:16:16} ))
	[ "$rma" -gt $((0x30000000)) ] && rma=$((0x30000000))
	[ $(( addr + size )) -le "$rma" ] ||
		e2e_fail "the tree lies at $addr+$size, above the RMA top $rma"
	printf '%s\n' "$(e2e_cross_rsv "$W/chosen2.fdt")" | grep -qx "$last" ||
		e2e_fail "boot 2's tree lacks the /memreserve/ $last of the tree"
	e2e_story "tree at $(printf '0x%x' "$addr"), $size bytes with the blob, below the RMA top $(printf '0x%x' "$rma"); reserved: $last"
}
E2E_CROSS_TREE_CHECK=e2e_ppc_tree_check
