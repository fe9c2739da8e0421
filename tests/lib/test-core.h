/* SPDX-License-Identifier: GPL-2.0-only */
/* test-core.h - helpers for the list, ascii and replay tests: files, records */
#ifndef TEST_CORE_H
#define TEST_CORE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imacarry.h"

/* Set by tests/local.mk: the generator's output in the build tree. */
#ifndef IC_FIXTURES
#define IC_FIXTURES "tests/gen/fixtures"
#endif

/* Reads a whole file into a malloc'd buffer; NULL if it cannot. */
static inline uint8_t *tc_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0, got;

	*len = 0;
	if (!f)
		return NULL;
	do {
		if (n == cap) {
			uint8_t *nb;

			cap = cap ? 2 * cap : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	fclose(f);
	*len = n;
	return buf;
}

/* One line of the generator's INDEX: "stem digest_size big_endian". */
struct tc_fixture {
	char stem[64];
	unsigned int digest_size;
	int big_endian;
};

static inline int tc_fixtures(struct tc_fixture *fx, int max)
{
	FILE *f = fopen(IC_FIXTURES "/INDEX", "r");
	int n = 0;

	if (!f)
		return -1;
	while (n < max && fscanf(f, "%63s %u %d", fx[n].stem,
				 &fx[n].digest_size, &fx[n].big_endian) == 3)
		n++;
	fclose(f);
	return n;
}

static inline uint8_t *tc_fixture_file(const struct tc_fixture *fx,
				       const char *ext, size_t *len)
{
	char path[4096];

	*len = 0;
	if (snprintf(path, sizeof(path), "%s/%s.%s", IC_FIXTURES, fx->stem,
		     ext) >= (int)sizeof(path))
		return NULL;
	return tc_read(path, len);
}

/* A list being built by hand, in one byte order. */
struct tc_list {
	uint8_t buf[8192];
	size_t len;
	bool be;
	unsigned int ds;
};

static inline void tc_bytes(struct tc_list *l, const void *p, size_t n)
{
	if (l->len + n > sizeof(l->buf))
		abort();
	memcpy(l->buf + l->len, p, n);
	l->len += n;
}

static inline void tc_u32(struct tc_list *l, uint32_t v)
{
	uint8_t b[4];

	if (l->be) {
		b[0] = v >> 24; b[1] = v >> 16; b[2] = v >> 8; b[3] = v;
	} else {
		b[0] = v; b[1] = v >> 8; b[2] = v >> 16; b[3] = v >> 24;
	}
	tc_bytes(l, b, 4);
}

/* Record header: PCR, a digest filled with @fill, the template name. */
static inline void tc_head(struct tc_list *l, uint32_t pcr, uint8_t fill,
			   const char *name)
{
	uint8_t d[64];

	memset(d, fill, sizeof(d));
	tc_u32(l, pcr);
	tc_bytes(l, d, l->ds);
	tc_u32(l, (uint32_t)strlen(name));
	tc_bytes(l, name, strlen(name));
}

/* A whole record with @n fields given as strings (NUL not included). */
static inline void tc_record(struct tc_list *l, uint32_t pcr, uint8_t fill,
			     const char *name, unsigned int n,
			     const char *const *fields, const uint32_t *lens)
{
	uint32_t total = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		total += 4 + lens[i];
	tc_head(l, pcr, fill, name);
	tc_u32(l, total);
	for (i = 0; i < n; i++) {
		tc_u32(l, lens[i]);
		tc_bytes(l, fields[i], lens[i]);
	}
}

/* The usual ima-ng record: "sha256:\0" + 32 bytes, then a path. */
static inline void tc_ima_ng(struct tc_list *l, uint32_t pcr, uint8_t fill,
			     const char *path)
{
	char dng[7 + 1 + 32];
	const char *f[2] = { dng, path };
	uint32_t lens[2] = { sizeof(dng), (uint32_t)strlen(path) + 1 };

	memcpy(dng, "sha256:", 8);
	memset(dng + 8, 0xab, 32);
	tc_record(l, pcr, fill, "ima-ng", 2, f, lens);
}

/* The legacy framing: 20-byte digest, then the name without its NUL. */
static inline void tc_ima(struct tc_list *l, uint32_t pcr, uint8_t fill,
			  const char *path)
{
	uint8_t d[20];

	memset(d, 0xcd, sizeof(d));
	tc_head(l, pcr, fill, "ima");
	tc_bytes(l, d, sizeof(d));
	tc_u32(l, (uint32_t)strlen(path));
	tc_bytes(l, path, strlen(path));
}

static inline int tc_init(struct imacarry_list *list, const struct tc_list *l)
{
	return imacarry_list_init(list, l->buf, l->len, l->ds, l->be, NULL);
}

#endif /* TEST_CORE_H */
