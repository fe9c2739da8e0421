// SPDX-License-Identifier: GPL-2.0-only
/* list.c - (being written) */
#include "imacarry-internal.h"
