// SPDX-License-Identifier: GPL-2.0-only
/* kcorpus.c - run files through the kernel patch's parser, one verdict a line */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>
#include <zlib.h>

#include "kparse.h"

static void *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t size = 4096, n = 0, got;
	char *buf = NULL, *p;

	if (!f)
		return NULL;
	for (;;) {
		p = realloc(buf, size);
		if (!p) {
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = p;
		got = fread(buf + n, 1, size - n, f);
		n += got;
		if (n < size)
			break;
		size *= 2;
	}
	fclose(f);
	*len = n;
	return buf;
}

static void put_le(uint8_t *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/*
 * A list alone goes into a stored blob whose count is the cap, the most
 * records that fit: a list that is whole but shorter then stops with
 * "fewer entries than the count", which says its shape is right.
 */
static void *wrap_list(const void *list, size_t len, size_t *out_len)
{
	uint64_t raw_len = 24 + (uint64_t)len, count = len / 33;
	uint8_t *b = malloc(48 + 24 + len + 1);

	if (!b)
		return NULL;
	memcpy(b, "IMACARRY", 8);
	put_le(b + 8, 1, 2);
	put_le(b + 10, 48, 2);
	put_le(b + 12, 0, 4);
	put_le(b + 16, count, 8);
	put_le(b + 24, raw_len, 8);
	put_le(b + 32, raw_len, 8);
	memset(b + 48, 0, 24);
	put_le(b + 48, 1, 2);
	put_le(b + 56, raw_len, 8);
	put_le(b + 64, count, 8);
	if (len)
		memcpy(b + 72, list, len);
	put_le(b + 40, crc32(0, b + 48, (uInt)raw_len), 4);
	put_le(b + 44, crc32(0, b, 44), 4);
	*out_len = 48 + raw_len;
	return b;
}

/* The property as the kernel's unflattened tree would hold it. */
static void *dtb_prop(const void *fdt, size_t len, size_t *out_len)
{
	const void *val;
	void *copy;
	int node, plen;

	if (len < 40 || fdt_check_full(fdt, len))
		return NULL;
	node = fdt_path_offset(fdt, "/chosen");
	if (node < 0)
		return NULL;
	val = fdt_getprop(fdt, node, "linux,ima-carry", &plen);
	if (!val || plen < 0)
		return NULL;
	copy = malloc((size_t)plen + 1);
	if (copy && plen)
		memcpy(copy, val, (size_t)plen);
	*out_len = (size_t)plen;
	return copy;
}

/*
 * kcorpus [--list|--dtb] FILE...: prints "FILE<TAB>ok<TAB>COUNT",
 * "FILE<TAB>refused<TAB>WHY", or, for a tree the kernel would not get a
 * property from, "FILE<TAB>noprop". The kernel is taken to be of the
 * blob's own byte order, the one it was made for; test-kparse checks the
 * refusal of the other order.
 */
int main(int argc, char **argv)
{
	struct kparse_result r;
	const unsigned char *b;
	int i = 1, ret = 0, mode = 0;
	void *buf, *blob;
	size_t len, blen;
	bool be;

	if (argc > 1 && !strcmp(argv[1], "--list"))
		mode = 1;
	else if (argc > 1 && !strcmp(argv[1], "--dtb"))
		mode = 2;
	i += mode != 0;
	if (i >= argc) {
		fprintf(stderr, "usage: %s [--list|--dtb] FILE...\n", argv[0]);
		return 2;
	}
	for (; i < argc; i++) {
		buf = slurp(argv[i], &len);
		if (!buf) {
			perror(argv[i]);
			ret = 1;
			continue;
		}
		blob = buf;
		blen = len;
		if (mode == 1)
			blob = wrap_list(buf, len, &blen);
		else if (mode == 2)
			blob = dtb_prop(buf, len, &blen);
		if (!blob) {
			printf("%s\tnoprop\n", argv[i]);
			free(buf);
			continue;
		}
		b = blob;
		be = blen >= 16 && (b[12] & 2);
		if (kparse_load(blob, blen, be, NULL, 0, &r) == 0)
			printf("%s\tok\t%llu\n", argv[i],
			       (unsigned long long)r.count);
		else
			printf("%s\trefused\t%s\n", argv[i], r.why);
		if (blob != buf)
			free(blob);
		free(buf);
		kshim_reset();
	}
	return ret;
}
