#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# arm-carry1.sh - kexec --ima-carry, one hop: boot 2's list starts with
# boot 1's and replays to PCR 10 (host and guest), and the tree boot 2 was
# handed holds the very blob kexec built. The body is e2e_cross_carry1 in
# lib-cross.sh; lib-arm.sh sets the machine.
. "$(dirname "$0")/lib-arm.sh"
e2e_cross_carry1
