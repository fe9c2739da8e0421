// SPDX-License-Identifier: GPL-2.0-only
/* template.c - (being written) */
#include "imacarry-internal.h"
