#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# ppc64le-dump.sh - in both boots of a carry, ima-carry dump of the live
# list is byte-identical to the kernel's ascii_runtime_measurements. The
# body is e2e_cross_dump in lib-cross.sh; lib-ppc64le.sh sets the machine.
. "$(dirname "$0")/lib-ppc64le.sh"
e2e_cross_dump
