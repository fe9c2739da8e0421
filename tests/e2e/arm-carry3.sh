#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# arm-carry3.sh - three chained kexec --ima-carry hops, PCR 10 matched in
# every boot; in each carried boot a plain kexec drops the stale carrier.
# The body is e2e_cross_carry3 in lib-cross.sh; lib-arm.sh sets the machine.
. "$(dirname "$0")/lib-arm.sh"
e2e_cross_carry3
