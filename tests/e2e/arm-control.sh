#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# arm-control.sh - plain kexec_load (no --ima-carry) loses the list: boot
# 2's replay must not match PCR 10, boot 1's last PCR 10 plus boot 2's list
# must. The body is e2e_cross_control in lib-cross.sh; lib-arm.sh sets the
# machine.
. "$(dirname "$0")/lib-arm.sh"
e2e_cross_control
