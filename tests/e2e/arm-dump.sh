#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# arm-dump.sh - in both boots of a carry, ima-carry dump of the live list
# is byte-identical to the kernel's ascii_runtime_measurements. The body is
# e2e_cross_dump in lib-cross.sh; lib-arm.sh sets the machine.
. "$(dirname "$0")/lib-arm.sh"
e2e_cross_dump
