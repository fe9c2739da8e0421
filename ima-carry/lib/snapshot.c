// SPDX-License-Identifier: GPL-2.0-only
/* snapshot.c - (being written) */
#include "imacarry-internal.h"
