# SPDX-License-Identifier: GPL-2.0-only
# lib-arm.sh - the 32-bit arm half of the e2e harness: QEMU virt under TCG
# (cortex-a15, 512 MiB, all lowmem, ttyAMA0), swtpm behind tpm-tis-device,
# Linux 6.1 with the patch built as an ARMv7 multiplatform zImage
# (build-kernel.sh --arch armhf), and the project's static armhf kexec and
# ima-carry (make kexec-armhf).  A scenario sources this instead of lib.sh
# and calls one of lib-cross.sh's scenario functions.
#
# arm's kexec-tools takes the running kernel's /sys/firmware/fdt, adds
# bootargs and the initrd, and (patch 0008) the carrier, then places the
# tree after the initrd: e2e_arm_tree_check checks that the segment kexec
# loaded covers the grown tree.
E2E_ARCH=armhf
E2E_KARCH=armhf
E2E_KCROSS=arm-linux-gnueabihf-
E2E_KEXEC_ARCH=armhf
E2E_QEMU_USER=qemu-arm-static
E2E_ELF_MACHINE=ARM
E2E_TAG=arm
. "$(dirname "${BASH_SOURCE[0]}")/lib-cross.sh"

# e2e_arm_tree_check: kexec -d's "DT" line in boot 1's dry run: the segment
# is at least the grown tree's totalsize, and under 1 MiB (the limit that
# always fits the kernel's early mapping).
e2e_arm_tree_check() {
	local line size total
	line=$(grep -m1 -E '^DT +: address=0x[0-9a-f]+ size=0x[0-9a-f]+' "$W/next1.out") ||
		e2e_fail "kexec -d printed no DT segment: $(tail -n3 "$W/next1.out")"
	size=$(( $(echo "$line" | sed 's/.*size=//') ))
	total=$(( 0x$(od -An -j4 -N4 -tx1 "$W/next1.fdt" | tr -d ' \n') ))
	[ "$size" -ge "$total" ] ||
		e2e_fail "the DT segment ($size bytes) is smaller than the tree ($total)"
	[ "$total" -le $((1024 * 1024)) ] || e2e_fail "the tree is $total bytes, over 1 MiB"
	e2e_story "kexec: $line; the tree with the blob is $total bytes"
}
E2E_CROSS_TREE_CHECK=e2e_arm_tree_check
