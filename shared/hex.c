// SPDX-License-Identifier: GPL-2.0-only
/* hex.c - the one hex encoder of the library and the tool */
#include <stddef.h>
#include <stdint.h>

#include "shared/util.h"

void ic_hex(char *out, const uint8_t *p, size_t len)
{
	/* A table, not "%02x": dumps print every digest this way. */
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 0xf];
	}
}
