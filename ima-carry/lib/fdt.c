// SPDX-License-Identifier: GPL-2.0-only
/* fdt.c - (being written) */
#include "imacarry-internal.h"
