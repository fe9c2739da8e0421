#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# linux612.sh - scenario 8: scenario 1 (carry, one hop) on Linux 6.12.
E2E_KVER=6.12 E2E_SCENARIO=linux612 exec "$(dirname "$0")/carry1.sh"
