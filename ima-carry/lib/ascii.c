// SPDX-License-Identifier: GPL-2.0-only
/* ascii.c - (being written) */
#include "imacarry-internal.h"
