// SPDX-License-Identifier: GPL-2.0-only
/* replay.c - (being written) */
#include "imacarry-internal.h"
