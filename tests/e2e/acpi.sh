#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# acpi.sh - arm64 booted through UEFI with ACPI: the carry still arrives.
#
# On arm64, a kernel that finds ACPI tables never unflattens its device tree
# (setup_arch() calls unflatten_device_tree() only when acpi_disabled), so
# of_chosen is NULL and the import reads /chosen/linux,ima-carry from
# initial_boot_params instead. Boot 1 is QEMU virt under EDK2
# (qemu-efi-aarch64's QEMU_EFI.fd) with the kernel as an EFI stub: the stub
# builds a tree of /chosen alone (bootargs, initrd, the UEFI system table
# and memory map) and the kernel runs on ACPI. Its kexec --ima-carry takes
# that tree from /sys/firmware/fdt, as kexec-tools does on every UEFI
# machine, and adds the blob; boot 2 is entered by kexec, not by firmware,
# finds the same UEFI pointers, so again ACPI and no live tree, and must
# import the list with its one line, replay = PCR 10.
. "$(dirname "$0")/lib.sh"
e2e_init acpi
fw=${E2E_EFI_FW:-/usr/share/qemu-efi-aarch64/QEMU_EFI.fd}
[ -f "$fw" ] || e2e_skip "$fw is missing (apt-get install qemu-efi-aarch64)"
# The hostile kernel has UEFI and ACPI (and KASAN, which costs boot time
# only here, not in every scenario).
. "$E2E_DIR/hostile-lib.sh"
hostile_setup
e2e_kernel_has "$E2E_KERNEL" CONFIG_ACPI || e2e_fail "the kernel has no ACPI"
E2E_QEMU_MACHINE=("${E2E_QEMU_MACHINE[@]}" -bios "$fw")
E2E_TIMEOUT=${E2E_TIMEOUT:-600}
# The console as soon as SPCR names it, should ACPI fail to bind the PL011.
E2E_APPEND=${E2E_APPEND:-earlycon}

guest_acpi='
	e2e_val $1.acpi "$([ -d /sys/firmware/acpi/tables ] && echo yes || echo no)"
	e2e_val $1.livetree "$([ -d /proc/device-tree ] && ls /proc/device-tree | tr "\n" " " || echo none)"
	e2e_val $1.efi "$([ -d /sys/firmware/efi ] && echo yes || echo no)"'
e2e_hop 1 <<GUEST
acpi() { $guest_acpi
}
acpi boot1
e2e_snapshot boot1
e2e_chosen chosen1
e2e_kexec $E2E_INLINE
GUEST
e2e_hop 2 <<GUEST
acpi() { $guest_acpi
}
acpi boot2
e2e_snapshot boot2
e2e_verify verify2
e2e_dmesg dmesg2
GUEST
e2e_run
e2e_hops_done 2
[ "$(e2e_val kexec.load)" = ok ] || e2e_fail "kexec --ima-carry -l failed in boot 1"
for b in boot1 boot2; do
	[ "$(e2e_val $b.acpi)" = yes ] || e2e_fail "$b did not run on ACPI"
done
[ "$(e2e_val boot1.efi)" = yes ] || e2e_fail "boot 1 did not boot through UEFI"
e2e_say "live tree: boot 1 '$(e2e_val boot1.livetree)', boot 2 '$(e2e_val boot2.livetree)'"

e2e_check_carry preexec1 boot2
e2e_check_guest_verify verify2
e2e_get dmesg2 "$W/dmesg2"
n1=$(e2e_val preexec1.count)
lines=$(grep -cE 'ima: (carried |/chosen/linux,ima-carry )' "$W/dmesg2") || true
[ "$lines" = 1 ] || e2e_fail "boot 2 logged $lines ima-carry lines, not one"
line=$(grep -m1 -E 'ima: carried ' "$W/dmesg2" | sed 's/^<[0-9]*>//') ||
	e2e_fail "boot 2 did not import: $(grep -m1 'ima-carry' "$W/dmesg2")"
case $line in
*"carried $n1 measurements "*"; replay matches PCR 10 ("*) ;;
*) e2e_fail "boot 2's line is not 'carried $n1 ... replay matches PCR 10': $line" ;;
esac
e2e_story "boot 2 (ACPI, no live tree): $line"
e2e_pass "UEFI+ACPI: $n1 measurements carried by kexec --ima-carry through" \
	"/sys/firmware/fdt, imported from initial_boot_params, replay = PCR 10" \
	"($(e2e_secs) s)"
