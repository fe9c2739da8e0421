// SPDX-License-Identifier: GPL-2.0-only
/* fuzz-dtb.c - libFuzzer harness: device-tree get, then put, strip and del */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus-check.h"
#include "imacarry-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t blob[] = "a stand-in for a blob; fdt.c never looks inside";

static uint32_t totalsize(const uint8_t *d)
{
	return (uint32_t)d[4] << 24 | (uint32_t)d[5] << 16 |
	       (uint32_t)d[6] << 8 | d[7];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imacarry_where w;
	size_t bufsize;
	const void *got;
	size_t len;
	void *fdt;

	corpus_check(CORPUS_DTB, data, size, &w);

	/* The writers edit whatever tree they are given: put, strip, del. */
	bufsize = size + ic_fdt_need(sizeof(blob)) + 64;
	fdt = calloc(1, bufsize);
	if (!fdt)
		return 0;
	memcpy(fdt, data, size);
	if (!imacarry_fdt_put(fdt, bufsize, blob, sizeof(blob), NULL)) {
		/* After a put, the tree is sound and holds exactly the blob. */
		if (imacarry_fdt_get(fdt, bufsize, &got, &len) ||
		    len != sizeof(blob) || memcmp(got, blob, len))
			abort();
		if (imacarry_fdt_strip(fdt) < 1 ||
		    ic_fdt_del(fdt) != -IMACARRY_ERR_NOTFOUND)
			abort();
	}
	/*
	 * strip and del take no size: like libfdt, they trust the header's
	 * totalsize, so callers (and this harness) must hold that much.
	 */
	memcpy(fdt, data, size);
	if (size >= 8 && totalsize(data) <= bufsize) {
		imacarry_fdt_strip(fdt);
		memcpy(fdt, data, size);
		ic_fdt_del(fdt);
	}
	free(fdt);
	return 0;
}
