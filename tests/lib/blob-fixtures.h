/* SPDX-License-Identifier: GPL-2.0-only */
/* blob-fixtures.h - small IMA lists, built byte by byte, for libblob's tests */
#ifndef BLOB_FIXTURES_H
#define BLOB_FIXTURES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

/*
 * Written from the kernel's ima_measurements_show() framing, on purpose
 * without libimacarry, so that the tests don't check the library against
 * itself. Lengths are in the list's byte order; digests are real SHA-1 of
 * the template data unless the entry is a violation.
 */
struct fx_list {
	uint8_t *buf;
	size_t len;
	size_t cap;
	bool be;
	uint64_t count;
};

static inline void fx_bytes(struct fx_list *l, const void *p, size_t n)
{
	if (l->len + n > l->cap) {
		l->cap = (l->len + n) * 2 + 256;
		l->buf = realloc(l->buf, l->cap);
		if (!l->buf)
			abort();
	}
	if (n)
		memcpy(l->buf + l->len, p, n);
	l->len += n;
}

static inline void fx_u32(struct fx_list *l, uint32_t v)
{
	uint8_t b[4];

	if (l->be) {
		b[0] = v >> 24; b[1] = v >> 16; b[2] = v >> 8; b[3] = v;
	} else {
		b[0] = v; b[1] = v >> 8; b[2] = v >> 16; b[3] = v >> 24;
	}
	fx_bytes(l, b, 4);
}

static inline void fx_put_u32(bool be, uint8_t *b, uint32_t v)
{
	if (be) {
		b[0] = v >> 24; b[1] = v >> 16; b[2] = v >> 8; b[3] = v;
	} else {
		b[0] = v; b[1] = v >> 8; b[2] = v >> 16; b[3] = v >> 24;
	}
}

/*
 * Builds ima-ng template data for @path with a sha256 file digest derived
 * from @seed into @data (room for 4 + 8 + 32 + 4 + 256 bytes); returns its
 * length.
 */
static inline size_t fx_ng_data(bool be, const char *path, unsigned int seed,
				 uint8_t *data)
{
	static const char algo[] = "sha256:";	/* with its NUL */
	size_t plen = strlen(path) + 1, n = 0;
	unsigned int i;

	fx_put_u32(be, data, sizeof(algo) + 32);
	n += 4;
	memcpy(data + n, algo, sizeof(algo));
	n += sizeof(algo);
	for (i = 0; i < 32; i++)
		data[n++] = (uint8_t)(seed * 31 + i);
	fx_put_u32(be, data + n, (uint32_t)plen);
	n += 4;
	memcpy(data + n, path, plen);
	return n + plen;
}

/* Appends one ima-ng record; a violation gets an all-zero digest. */
static inline void fx_add_ng(struct fx_list *l, uint32_t pcr, const char *path,
			     unsigned int seed, bool violation)
{
	uint8_t data[4 + 8 + 32 + 4 + 256], digest[20] = { 0 };
	size_t n = fx_ng_data(l->be, path, seed, data);

	if (!violation &&
	    !EVP_Digest(data, n, digest, NULL, EVP_sha1(), NULL))
		abort();
	fx_u32(l, pcr);
	fx_bytes(l, digest, sizeof(digest));
	fx_u32(l, 6);
	fx_bytes(l, "ima-ng", 6);
	fx_u32(l, (uint32_t)n);
	fx_bytes(l, data, n);
	l->count++;
}

/* Appends one legacy 'ima' record: digest, then name with no data length. */
static inline void fx_add_ima(struct fx_list *l, uint32_t pcr, const char *path)
{
	uint8_t digest[20], fdig[20];
	uint32_t plen = (uint32_t)strlen(path);

	memset(fdig, 0x5a, sizeof(fdig));
	memset(digest, 0xa5, sizeof(digest));
	fx_u32(l, pcr);
	fx_bytes(l, digest, sizeof(digest));
	fx_u32(l, 3);
	fx_bytes(l, "ima", 3);
	fx_bytes(l, fdig, sizeof(fdig));
	fx_u32(l, plen);
	fx_bytes(l, path, plen);
	l->count++;
}

/* A list of @n ima-ng entries with paths that compress like real ones. */
static inline void fx_make(struct fx_list *l, bool be, unsigned int n)
{
	char path[64];
	unsigned int i;

	memset(l, 0, sizeof(*l));
	l->be = be;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path),
			 "/usr/lib/x86_64-linux-gnu/lib%u.so", i);
		fx_add_ng(l, 10, path, i, i == 3);
	}
}

static inline void fx_free(struct fx_list *l)
{
	free(l->buf);
	memset(l, 0, sizeof(*l));
}

#endif /* BLOB_FIXTURES_H */
