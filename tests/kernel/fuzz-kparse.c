// SPDX-License-Identifier: GPL-2.0-only
/* fuzz-kparse.c - libFuzzer over the kernel patch's parser and import hook */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "kparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void put_le(uint8_t *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/*
 * Wraps @raw in a header with valid CRCs, so that the fuzzer gets past them
 * to inflate and the record walk. @mode 1 stores @raw, 2 takes it as the
 * zlib stream itself, 3 deflates it first.
 */
static uint8_t *wrap(const uint8_t *raw, size_t len, int mode, bool be,
		     size_t *out_len)
{
	uLongf plen = compressBound(len);
	uint64_t raw_len = len, count = 0;
	uint8_t *b = malloc(48 + plen + 1);

	if (!b)
		abort();
	if (mode == 3) {
		if (compress2(b + 48, &plen, raw, len, 1) != Z_OK)
			abort();
	} else {
		memcpy(b + 48, raw, len);
		plen = len;
	}
	/* the inner header, when there is one, tells the sizes */
	if (len >= 24 && mode != 2) {
		for (int i = 0; i < 8; i++)
			count |= (uint64_t)raw[16 + (be ? 7 - i : i)] << (8 * i);
	} else if (mode == 2 && len >= 8) {
		memcpy(&raw_len, raw, 4);
		raw_len &= 0xffffff;
		count = raw[4];
	}
	memcpy(b, "IMACARRY", 8);
	put_le(b + 8, 1, 2);
	put_le(b + 10, 48, 2);
	put_le(b + 12, (mode == 1 ? 0 : 1) | (be ? 2 : 0), 4);
	put_le(b + 16, count, 8);
	put_le(b + 24, raw_len, 8);
	put_le(b + 32, plen, 8);
	put_le(b + 40, crc32(0, b + 48, (uInt)plen), 4);
	put_le(b + 44, crc32(0, b, 44), 4);
	*out_len = 48 + plen;
	return b;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kparse_result r;
	uint8_t *b;
	size_t len;
	int mode;
	bool be;

	if (size < 1)
		return 0;
	kshim_reset();
	if (size >= 16 && !memcmp(data, "IMACARRY", 8)) {
		/* A blob as it is, such as the corpus's: no mode byte. */
		be = data[12] & 2;
		kparse_load(data, size, be, NULL, 0, &r);
		kshim_set_prop(data, size);
		if (!be || __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
			kparse_import();
		goto out;
	}
	mode = data[0] & 3;
	be = data[0] & 4;
	if (mode == 0) {
		/* The bytes as the property: the whole check from the start. */
		kparse_load(data + 1, size - 1, be, NULL, 0, &r);
		kshim_set_prop(data + 1, size - 1);
		kparse_import();
	} else {
		b = wrap(data + 1, size - 1, mode, be, &len);
		kparse_load(b, len, be, NULL, 0, &r);
		if (!be || __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__) {
			kshim_set_prop(b, len);
			kparse_import();
		}
		free(b);
	}
out:
	/* Exactly one line, whatever happened, when there was a property. */
	if (kshim_nerr + kshim_nwarn + kshim_ninfo > 1)
		abort();
	kshim_reset();
	return 0;
}
