# SPDX-License-Identifier: GPL-2.0-only
# hostile-lib.sh - the hostile kernel, which hostile.sh, hostile-kbuf.sh and
# acpi.sh share: patched 6.1, kernel.config plus UEFI and ACPI, no
# KEXEC_FILE, KASAN and UBSAN. One build serves all three.
HOSTILE_FRAGMENTS="$E2E_DIR/kernel-acpi.config $E2E_DIR/kernel-nokexecfile.config $E2E_DIR/kernel-kasan.config"

# hostile_kernel: the hostile kernel's Image, built if need be;
# HOSTILE_KERNEL: another Image, to debug a scenario.
hostile_kernel() {
	if [ -n "${HOSTILE_KERNEL:-}" ]; then
		echo "$HOSTILE_KERNEL"
		return 0
	fi
	[ -f /usr/src/linux-source-6.1.tar.xz ] ||
		e2e_skip "linux-source-6.1 is not installed"
	command -v aarch64-linux-gnu-gcc >/dev/null ||
		e2e_skip "gcc-aarch64-linux-gnu is not installed"
	E2E_KERNEL_FRAGMENTS=$HOSTILE_FRAGMENTS "$E2E_DIR/build-kernel.sh" 6.1 ||
		e2e_fail "the hostile kernel's build failed"
}

# hostile_setup: e2e_setup with the hostile kernel instead of the default
# one (which it does not build): busybox, the host and guest tools, and
# the guest kexec with --ima-carry.
hostile_setup() {
	E2E_BUSYBOX=$(e2e_busybox)
	E2E_KERNEL=$(hostile_kernel) || exit
	e2e_kernel_has "$E2E_KERNEL" CONFIG_IMA_CARRY ||
		e2e_skip "the hostile kernel has no CONFIG_IMA_CARRY"
	E2E_HOST_TOOL=$(e2e_host_tool) ||
		e2e_skip "the host ima-carry tool is not built yet"
	e2e_guest_kexec ||
		e2e_skip "no static aarch64 kexec at $E2E_OUT/kexec yet (make e2e builds it)"
	e2e_kexec_has_carry "$E2E_GUEST_KEXEC" ||
		e2e_skip "the guest kexec has no --ima-carry yet"
	[ -x "$E2E_OUT/ima-carry" ] ||
		e2e_skip "no static aarch64 ima-carry at $E2E_OUT/ima-carry yet"
	E2E_GUEST_TOOL=$E2E_OUT/ima-carry
}
