// SPDX-License-Identifier: GPL-2.0-only
/* error.c - (being written) */
#include "imacarry-internal.h"
