// SPDX-License-Identifier: GPL-2.0-only
/* fuzz-blob.c - libFuzzer harness: blob check, unpack and repack */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "corpus-check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whatever unpacks cleanly must pack back to the same raw payload. */
static void repack(const uint8_t *data, size_t size)
{
	struct imacarry_blob_hdr h, ph;
	struct imacarry_list list;
	struct imacarry_where w;
	uint8_t *raw, *out, *raw2;
	uint64_t count;
	size_t bound, len;

	if (imacarry_blob_check(data, size, &h, &w) < 0)
		return;
	raw = malloc(h.raw_len);
	if (!raw)
		return;
	if (imacarry_blob_unpack(data, size, raw, h.raw_len, NULL, &w) < 0 ||
	    imacarry_payload_list(raw, h.raw_len,
				  h.flags & IMACARRY_F_BIG_ENDIAN, &list,
				  &count, &w) < 0) {
		free(raw);
		return;
	}
	bound = imacarry_blob_bound(list.len);
	out = malloc(bound);
	raw2 = malloc(h.raw_len);
	if (out && raw2 &&
	    !imacarry_blob_pack(&list, 0, out, bound, &len, &ph, &w) &&
	    ph.count == count) {
		if (imacarry_blob_unpack(out, len, raw2, h.raw_len, NULL, &w))
			abort();
		/* The inner header's reserved words are not carried over. */
		if (memcmp(raw, raw2, 2) ||
		    memcmp(raw + 8, raw2 + 8, h.raw_len - 8))
			abort();
	}
	free(raw2);
	free(out);
	free(raw);
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imacarry_where w;
	uint8_t *fixed;

	corpus_check(CORPUS_BLOB, data, size, &w);
	imacarry_kind_of(data, size);
	repack(data, size);

	/*
	 * Mutations almost never keep both CRC-32s right, which would stop
	 * the fuzzer at step 5: run a copy with them fixed, so that inflate,
	 * the inner header and the list get fuzzed too.
	 */
	if (size < IMACARRY_HDR_SIZE)
		return 0;
	fixed = malloc(size);
	if (!fixed)
		return 0;
	memcpy(fixed, data, size);
	put_le32(fixed + 40, (uint32_t)crc32_z(0, fixed + IMACARRY_HDR_SIZE,
					       size - IMACARRY_HDR_SIZE));
	put_le32(fixed + 44, (uint32_t)crc32_z(0, fixed, 44));
	corpus_check(CORPUS_BLOB, fixed, size, &w);
	repack(fixed, size);
	free(fixed);
	return 0;
}
