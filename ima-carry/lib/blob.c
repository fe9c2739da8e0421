// SPDX-License-Identifier: GPL-2.0-only
/* blob.c - (being written) */
#include "imacarry-internal.h"
