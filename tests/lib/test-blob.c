// SPDX-License-Identifier: GPL-2.0-only
/* test-blob.c - unit tests for blob.c: round trips, every bad field, bombs */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "imacarry.h"
#include "blob-fixtures.h"

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}

static void put_le64(uint8_t *p, uint64_t v)
{
	put_le32(p, (uint32_t)v);
	put_le32(p + 4, (uint32_t)(v >> 32));
}

/* Makes both CRCs right again, so a test reaches the check it aims at. */
static void refix(uint8_t *b, size_t len)
{
	put_le32(b + 40, (uint32_t)crc32_z(0, b + 48, len - 48));
	put_le32(b + 44, (uint32_t)crc32_z(0, b, 44));
}

static struct imacarry_list view(const struct fx_list *l)
{
	struct imacarry_list v = {
		.buf = l->buf, .len = l->len, .digest_size = 20,
		.big_endian = l->be,
	};

	return v;
}

/* Packs @l and returns a malloc'd blob. */
static uint8_t *pack(const struct fx_list *l, unsigned int flags, size_t *len)
{
	struct imacarry_list v = view(l);
	size_t bound = imacarry_blob_bound(l->len);
	uint8_t *b;

	assert_true(bound > 0);
	b = malloc(bound);
	assert_non_null(b);
	assert_int_equal(imacarry_blob_pack(&v, flags, b, bound, len, NULL,
					    NULL),
			 0);
	assert_true(*len <= bound);
	return b;
}

static void round_trip(bool be, unsigned int n, unsigned int flags,
		       bool want_zlib)
{
	struct imacarry_blob_hdr h;
	struct imacarry_where w;
	struct imacarry_list pl;
	struct fx_list l;
	uint64_t count;
	uint8_t *b, *raw;
	size_t len;

	fx_make(&l, be, n);
	b = pack(&l, flags, &len);
	assert_int_equal(imacarry_blob_check(b, len, &h, &w), 0);
	assert_int_equal(h.version, 1);
	assert_int_equal(h.hdr_size, 48);
	assert_int_equal(h.count, n);
	assert_int_equal(h.raw_len, 24 + l.len);
	assert_int_equal(h.payload_len, len - 48);
	assert_int_equal(!!(h.flags & IMACARRY_F_ZLIB), want_zlib);
	assert_int_equal(!!(h.flags & IMACARRY_F_BIG_ENDIAN), be);
	if (!want_zlib)
		assert_memory_equal(b + 48 + 24, l.buf, l.len);

	/* One spare byte: unpack needs at least raw_len, not exactly. */
	raw = malloc(h.raw_len + 1);
	assert_non_null(raw);
	assert_int_equal(imacarry_blob_unpack(b, len, raw, h.raw_len + 1, NULL,
					      &w), 0);
	assert_memory_equal(raw + 24, l.buf, l.len);
	assert_int_equal(imacarry_payload_list(raw, h.raw_len, be, &pl, &count,
					       &w), 0);
	assert_int_equal(count, n);
	assert_int_equal(pl.len, l.len);
	assert_ptr_equal(pl.buf, raw + 24);
	assert_int_equal(pl.big_endian, be);
	assert_int_equal(imacarry_blob_unpack(b, len, raw, h.raw_len - 1, NULL,
					      &w), -IMACARRY_ERR_NOSPACE);
	free(raw);
	free(b);
	fx_free(&l);
}

static void test_round_trip_le(void **state)
{
	round_trip(false, 200, 0, true);
}

static void test_round_trip_be(void **state)
{
	round_trip(true, 200, 0, true);
}

static void test_round_trip_stored(void **state)
{
	round_trip(false, 50, IMACARRY_PACK_NO_COMPRESS, false);
	round_trip(true, 50, IMACARRY_PACK_NO_COMPRESS, false);
}

/* The empty list: just the inner header, whose zeros still deflate. */
static void test_round_trip_empty(void **state)
{
	round_trip(false, 0, 0, true);
	round_trip(true, 0, 0, true);
	round_trip(false, 0, IMACARRY_PACK_NO_COMPRESS, false);
}

/*
 * Deflate is kept exactly when it is smaller. A record whose path is noise
 * does not shrink (stored blocks cost 11 bytes), a repetitive one does.
 */
static void test_incompressible(void **state)
{
	uint8_t junk[250], raw[1024];
	uint32_t x = 2463534242u;
	unsigned int round;
	uLongf zlen;
	size_t len, i;
	uint8_t *b;

	for (round = 0; round < 2; round++) {
		struct fx_list l = { 0 };
		bool zlib;

		for (i = 0; i < sizeof(junk) - 1; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			junk[i] = round ? 'a' : (uint8_t)(1 + x % 255);
		}
		junk[sizeof(junk) - 1] = 0;
		fx_add_ng(&l, 10, (char *)junk, 1, false);
		b = pack(&l, 0, &len);
		/* The raw payload, deflated independently. */
		memset(raw, 0, 24);
		raw[0] = 1;
		put_le64(raw + 8, 24 + l.len);
		put_le64(raw + 16, 1);
		memcpy(raw + 24, l.buf, l.len);
		zlen = sizeof(junk) * 4;
		{
			uint8_t z[sizeof(junk) * 4];

			assert_int_equal(compress2(z, &zlen, raw, 24 + l.len,
						   Z_DEFAULT_COMPRESSION),
					 Z_OK);
		}
		zlib = le32(b + 12) & IMACARRY_F_ZLIB;
		assert_int_equal(zlib, zlen < 24 + l.len);
		assert_int_equal(zlib, round == 1);
		assert_int_equal(len, 48 + (zlib ? zlen : 24 + l.len));
		free(b);
		fx_free(&l);
	}
}

/*
 * Many violations of one file deflate far past the 32x cap that readers
 * hold as a bomb: pack must store them, and the blob must pass the check.
 */
static void test_repetitive_stored(void **state)
{
	struct fx_list l = { 0 };
	size_t len;
	uint8_t *b;
	unsigned int i;

	for (i = 0; i < 4000; i++)
		fx_add_ng(&l, 10, "/var/log/tomtou", 1, true);
	b = pack(&l, 0, &len);
	assert_false(le32(b + 12) & IMACARRY_F_ZLIB);
	assert_int_equal(len, 48 + 24 + l.len);
	assert_int_equal(imacarry_blob_check(b, len, NULL, NULL), 0);
	free(b);
	fx_free(&l);
}

static void test_pack_legacy_ima(void **state)
{
	struct fx_list l;
	struct imacarry_list v;
	uint8_t out[4096];
	size_t len;

	struct imacarry_where w = { 0 };
	uint64_t at;

	fx_make(&l, false, 3);
	at = l.len;
	fx_add_ima(&l, 10, "/init");
	v = view(&l);
	assert_int_equal(imacarry_blob_pack(&v, 0, out, sizeof(out), &len,
					    NULL, &w), -IMACARRY_ERR_LEGACY_IMA);
	/* Pack names the entry itself: nobody walks again to find it. */
	assert_int_equal(w.offset, at);
	assert_int_equal(w.index, 3);
	/* A checked view says the same without a walk. */
	assert_int_equal(imacarry_list_check(&v, false, NULL, NULL), 0);
	assert_true(v.checked);
	assert_int_equal(v.legacy, 1);
	memset(&w, 0, sizeof(w));
	assert_int_equal(imacarry_blob_pack(&v, 0, out, sizeof(out), &len,
					    NULL, &w), -IMACARRY_ERR_LEGACY_IMA);
	assert_int_equal(w.offset, at);
	assert_int_equal(w.index, 3);
	fx_free(&l);
}

/*
 * A checked view is packed as it is: spoil the list after the check, and
 * pack still takes it, which only a pack that does not walk can do. The
 * same view unchecked is walked, and refused with the fault's position.
 */
static void test_pack_checked(void **state)
{
	struct imacarry_where w = { 0 };
	struct imacarry_blob_hdr h;
	struct fx_list l;
	struct imacarry_list v;
	uint8_t out[8192];
	size_t len;

	fx_make(&l, false, 10);
	v = view(&l);
	assert_int_equal(imacarry_list_check(&v, true, NULL, NULL), 0);
	assert_true(v.checked);
	assert_int_equal(v.count, 10);
	assert_int_equal(v.legacy, 0);
	l.buf[0] = 99;		/* PCR 99 */
	assert_int_equal(imacarry_blob_pack(&v, 0, out, sizeof(out), &len, &h,
					    &w), 0);
	assert_int_equal(h.count, 10);
	assert_int_equal(imacarry_blob_check(out, len, NULL, NULL), 0);
	assert_int_equal(imacarry_kbuf_pack(&v, out, sizeof(out), &len, NULL,
					    &w), 0);
	v.checked = false;
	assert_int_equal(imacarry_blob_pack(&v, 0, out, sizeof(out), &len, &h,
					    &w), -IMACARRY_ERR_PCR);
	assert_int_equal(w.offset, 0);
	assert_int_equal(w.index, 0);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_LIST);
	w.origin = IMACARRY_ORIGIN_PAYLOAD;
	assert_int_equal(imacarry_kbuf_pack(&v, out, sizeof(out), &len, NULL,
					    &w), -IMACARRY_ERR_PCR);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_LIST);
	fx_free(&l);
}

static void test_pack_args(void **state)
{
	struct imacarry_blob_hdr h;
	struct fx_list l;
	struct imacarry_list v;
	uint8_t out[8192];
	size_t len, need;

	fx_make(&l, false, 10);
	v = view(&l);
	/* The count is the list's own: the walk's, not the caller's. */
	assert_int_equal(imacarry_blob_pack(&v, 0, out, sizeof(out), &len, &h,
					    NULL), 0);
	assert_int_equal(h.count, 10);
	assert_int_equal(imacarry_blob_pack(&v, 0x80, out, sizeof(out), &len,
					    NULL, NULL), -IMACARRY_ERR_BADARG);
	/* Only the SHA-1 list can be restored by the kernel. */
	v.digest_size = 32;
	assert_int_equal(imacarry_blob_pack(&v, 0, out, sizeof(out), &len,
					    NULL, NULL), -IMACARRY_ERR_DIGESTSIZE);
	v.digest_size = 20;

	/* Stored needs all of the bound; deflated needs less. */
	need = imacarry_blob_bound(l.len);
	assert_int_equal(imacarry_blob_pack(&v, IMACARRY_PACK_NO_COMPRESS, out,
					    need - 1, &len, NULL, NULL),
			 -IMACARRY_ERR_NOSPACE);
	assert_int_equal(imacarry_blob_pack(&v, IMACARRY_PACK_NO_COMPRESS, out,
					    need, &len, NULL, NULL), 0);
	assert_int_equal(len, need);
	assert_int_equal(imacarry_blob_pack(&v, 0, out, 47, &len, NULL,
					    NULL), -IMACARRY_ERR_NOSPACE);
	/* Too small for the deflated payload, and storing is bigger still. */
	assert_int_equal(imacarry_blob_pack(&v, 0, out, 60, &len, NULL,
					    NULL), -IMACARRY_ERR_NOSPACE);
	assert_int_equal(imacarry_blob_bound(IMACARRY_MAX_RAW), 0);
	assert_int_equal(imacarry_blob_bound(IMACARRY_MAX_RAW - 24),
			 48 + IMACARRY_MAX_RAW);
	fx_free(&l);
}

/* The stored blob's prefix, as pack --no-compress asks for it. */
static int stored(const struct imacarry_list *v, uint8_t *prefix,
		  uint64_t *count)
{
	struct imacarry_blob_hdr h;
	size_t len;
	int ret;

	ret = imacarry_blob_pack(v, IMACARRY_PACK_PREFIX, prefix,
				 IMACARRY_STORED_PREFIX_SIZE, &len, &h, NULL);
	if (ret == 0) {
		assert_int_equal(len, IMACARRY_STORED_PREFIX_SIZE);
		if (count)
			*count = h.count;
	}
	return ret;
}

/* The stored prefix, then the list: byte for byte what pack stores. */
static void stored_same(bool be, unsigned int n)
{
	uint8_t prefix[IMACARRY_STORED_PREFIX_SIZE];
	struct imacarry_list v;
	struct fx_list l;
	uint64_t count = ~0ULL;
	uint8_t *b;
	size_t len;

	fx_make(&l, be, n);
	v = view(&l);
	b = pack(&l, IMACARRY_PACK_NO_COMPRESS, &len);
	memset(prefix, 0xa5, sizeof(prefix));
	assert_int_equal(stored(&v, prefix, &count), 0);
	assert_int_equal(count, n);
	assert_int_equal(len, sizeof(prefix) + l.len);
	assert_memory_equal(b, prefix, sizeof(prefix));
	if (l.len)
		assert_memory_equal(b + sizeof(prefix), l.buf, l.len);
	assert_int_equal(imacarry_blob_check(b, len, NULL, NULL), 0);
	/* The count is optional. */
	assert_int_equal(stored(&v, prefix, NULL), 0);
	assert_memory_equal(b, prefix, sizeof(prefix));
	free(b);
	fx_free(&l);
}

static void test_stored_prefix(void **state)
{
	assert_int_equal(IMACARRY_STORED_PREFIX_SIZE, 72);
	stored_same(false, 50);
	stored_same(true, 50);
	stored_same(false, 0);
	stored_same(true, 0);
}

/* The stored prefix refuses what pack refuses, with the same codes. */
static void test_stored_prefix_refuses(void **state)
{
	uint8_t prefix[IMACARRY_STORED_PREFIX_SIZE];
	uint8_t out[8192];
	struct imacarry_list v;
	struct fx_list l;
	uint64_t count;
	size_t len;

	fx_make(&l, false, 3);
	fx_add_ima(&l, 10, "/init");
	v = view(&l);
	assert_int_equal(stored(&v, prefix, &count),
			 -IMACARRY_ERR_LEGACY_IMA);
	fx_free(&l);

	fx_make(&l, false, 10);
	v = view(&l);
	v.digest_size = 32;
	assert_int_equal(stored(&v, prefix, &count),
			 -IMACARRY_ERR_DIGESTSIZE);
	v.digest_size = 20;
	/* A list cut inside its last entry: both refuse it alike. */
	v.len--;
	assert_int_equal(stored(&v, prefix, &count),
			 imacarry_blob_pack(&v, IMACARRY_PACK_NO_COMPRESS, out,
					    sizeof(out), &len, NULL, NULL));
	assert_true(stored(&v, prefix, &count) < 0);
	v.len = IMACARRY_MAX_RAW;
	assert_int_equal(stored(&v, prefix, &count),
			 -IMACARRY_ERR_TOOBIG);
	v.len = l.len;
	assert_int_equal(stored(NULL, prefix, &count),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(stored(&v, NULL, &count),
			 -IMACARRY_ERR_BADARG);
	v.buf = NULL;
	assert_int_equal(stored(&v, prefix, &count),
			 -IMACARRY_ERR_BADARG);
	v.buf = l.buf;
	assert_int_equal(imacarry_blob_pack(&v, IMACARRY_PACK_PREFIX, prefix,
					    IMACARRY_STORED_PREFIX_SIZE - 1,
					    &len, NULL, NULL),
			 -IMACARRY_ERR_NOSPACE);
	fx_free(&l);
}

struct bad {
	size_t off;		/* byte to change */
	uint64_t val;		/* new value */
	unsigned int width;	/* 1, 2, 4 or 8 bytes */
	bool fix;		/* recompute the CRCs */
	int err;
	uint64_t where;
};

static void put(uint8_t *p, uint64_t v, unsigned int width)
{
	unsigned int i;

	for (i = 0; i < width; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* Every header field, refused with its own code and offset. */
static void test_bad_fields(void **state)
{
	struct fx_list l;
	struct imacarry_where w;
	uint8_t *b, *c;
	size_t len;
	unsigned int i;

	fx_make(&l, false, 100);
	b = pack(&l, 0, &len);
	{
		uint64_t raw = le64(b + 24), pay = le64(b + 32);
		const struct bad bad[] = {
			{ 0, 'J', 1, true, IMACARRY_ERR_MAGIC, 0 },
			{ 7, 0, 1, true, IMACARRY_ERR_MAGIC, 0 },
			{ 8, 2, 2, true, IMACARRY_ERR_VERSION, 8 },
			{ 8, 0, 2, true, IMACARRY_ERR_VERSION, 8 },
			{ 10, 56, 2, true, IMACARRY_ERR_HDRSIZE, 10 },
			{ 12, 0x5, 4, true, IMACARRY_ERR_FLAGS, 12 },
			{ 12, 0x80000001, 4, true, IMACARRY_ERR_FLAGS, 12 },
			{ 44, le32(b + 44) ^ 1, 4, false,
			  IMACARRY_ERR_HDRCRC, 44 },
			{ 16, 101, 8, false, IMACARRY_ERR_HDRCRC, 44 },
			{ 32, pay + 1, 8, true, IMACARRY_ERR_TRUNCATED, 32 },
			{ 32, UINT64_MAX, 8, true,
			  IMACARRY_ERR_TRUNCATED, 32 },
			{ 32, pay - 1, 8, true, IMACARRY_ERR_BADLEN,
			  48 + pay - 1 },
			{ 24, 23, 8, true, IMACARRY_ERR_BADLEN, 24 },
			{ 24, 0, 8, true, IMACARRY_ERR_BADLEN, 24 },
			{ 24, IMACARRY_MAX_RAW + 1ULL, 8, true,
			  IMACARRY_ERR_TOOBIG, 24 },
			{ 24, 1ULL << 32, 8, true, IMACARRY_ERR_TOOBIG, 24 },
			{ 24, UINT64_MAX, 8, true, IMACARRY_ERR_TOOBIG, 24 },
			{ 24, pay * 32 + 1, 8, true, IMACARRY_ERR_RATIO, 24 },
			{ 16, (raw - 24) / 33 + 1, 8, true,
			  IMACARRY_ERR_COUNT, 16 },
			{ 16, UINT64_MAX, 8, true, IMACARRY_ERR_COUNT, 16 },
			{ 40, le32(b + 40) ^ 0x100, 4, false,
			  IMACARRY_ERR_HDRCRC, 44 },
			{ 60, b[60] ^ 0x40, 1, false, IMACARRY_ERR_CRC, 40 },
		};

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			c = malloc(len);
			assert_non_null(c);
			memcpy(c, b, len);
			put(c + bad[i].off, bad[i].val, bad[i].width);
			if (bad[i].fix && bad[i].off < 40)
				put_le32(c + 44, (uint32_t)crc32_z(0, c, 44));
			print_message("case %u: offset %zu\n", i, bad[i].off);
			assert_int_equal(imacarry_blob_check(c, len, NULL, &w),
					 -bad[i].err);
			assert_int_equal(w.offset, bad[i].where);
			free(c);
		}
	}
	free(b);
	fx_free(&l);
}

/* Stored payloads must match raw_len exactly. */
static void test_stored_len(void **state)
{
	struct fx_list l;
	struct imacarry_where w;
	uint8_t *b;
	size_t len;

	fx_make(&l, false, 5);
	b = pack(&l, IMACARRY_PACK_NO_COMPRESS, &len);
	put_le64(b + 24, le64(b + 24) - 1);
	refix(b, len);
	assert_int_equal(imacarry_blob_check(b, len, NULL, &w),
			 -IMACARRY_ERR_BADLEN);
	assert_int_equal(w.offset, 24);
	free(b);
	fx_free(&l);
}

static void test_truncated(void **state)
{
	struct fx_list l;
	struct imacarry_where w;
	uint8_t *b;
	size_t len, cut;

	fx_make(&l, false, 20);
	b = pack(&l, 0, &len);
	for (cut = 0; cut < len; cut++) {
		int err = imacarry_blob_check(b, cut, NULL, &w);

		assert_int_equal(err, -IMACARRY_ERR_TRUNCATED);
		assert_int_equal(w.offset, cut < 48 ? cut : 32);
	}
	assert_int_equal(imacarry_blob_check(NULL, 0, NULL, &w),
			 -IMACARRY_ERR_TRUNCATED);
	assert_int_equal(imacarry_blob_check(NULL, 5, NULL, &w),
			 -IMACARRY_ERR_BADARG);
	free(b);
	fx_free(&l);
}

/* A real bomb: 8 MiB of zeros deflate to a few KiB and are refused early. */
static void test_bomb(void **state)
{
	size_t zlen = compressBound(8u << 20), raw_len = 8u << 20;
	uint8_t *zeros = calloc(1, raw_len), *b;
	struct imacarry_where w;
	uLongf dlen = zlen;

	assert_non_null(zeros);
	b = malloc(48 + zlen);
	assert_non_null(b);
	assert_int_equal(compress2(b + 48, &dlen, zeros, raw_len, 9), Z_OK);
	memcpy(b, "IMACARRY", 8);
	put(b + 8, 1, 2);
	put(b + 10, 48, 2);
	put_le32(b + 12, IMACARRY_F_ZLIB);
	put_le64(b + 16, 0);
	put_le64(b + 24, raw_len);
	put_le64(b + 32, dlen);
	refix(b, 48 + dlen);
	assert_true(raw_len > 32 * dlen);
	/* No raw buffer at all: the refusal can't depend on one. */
	assert_int_equal(imacarry_blob_unpack(b, 48 + dlen, NULL, 0, NULL, &w),
			 -IMACARRY_ERR_RATIO);
	assert_int_equal(w.offset, 24);
	free(b);
	free(zeros);
}

/* A deflated blob with its lengths rewritten, CRCs fixed up. */
static uint8_t *lie(bool no_compress, size_t off, uint64_t val,
		    unsigned int width, size_t *len)
{
	struct fx_list l;
	uint8_t *b;

	fx_make(&l, false, 100);
	b = pack(&l, no_compress ? IMACARRY_PACK_NO_COMPRESS : 0, len);
	put(b + off, val, width);
	refix(b, *len);
	fx_free(&l);
	return b;
}

static void expect_unpack(uint8_t *b, size_t len, int err)
{
	struct imacarry_where w;
	uint8_t *raw = malloc(IMACARRY_MAX_RAW / 64);

	assert_non_null(raw);
	assert_int_equal(imacarry_blob_check(b, len, NULL, &w), 0);
	assert_int_equal(imacarry_blob_unpack(b, len, raw,
					      IMACARRY_MAX_RAW / 64, NULL, &w),
			 err);
	free(raw);
	free(b);
}

/* Inflate must give exactly raw_len: not one byte less or more. */
static void test_raw_len_lies(void **state)
{
	size_t len;
	uint8_t *b;

	b = lie(false, 0, 0, 0, &len);
	expect_unpack(b, len, 0);
	b = lie(false, 24, 0, 0, &len);
	put_le64(b + 24, le64(b + 24) + 1);
	refix(b, len);
	expect_unpack(b, len, -IMACARRY_ERR_INFLATE);
	b = lie(false, 24, 0, 0, &len);
	put_le64(b + 24, le64(b + 24) - 1);
	refix(b, len);
	expect_unpack(b, len, -IMACARRY_ERR_INFLATE);
	b = lie(false, 24, 5000, 8, &len);
	expect_unpack(b, len, -IMACARRY_ERR_INFLATE);
}

/* The inner header must agree with the outer one. */
static void test_inner_header(void **state)
{
	size_t len;
	uint8_t *b;

	/* Stored, so the inner header can be edited in place. */
	b = lie(true, 48, 2, 2, &len);
	expect_unpack(b, len, -IMACARRY_ERR_VERSION);
	b = lie(true, 48 + 8, 99, 8, &len);
	expect_unpack(b, len, -IMACARRY_ERR_BADLEN);
	b = lie(true, 48 + 16, 99, 8, &len);
	expect_unpack(b, len, -IMACARRY_ERR_COUNT);
	/* The outer count, within its cap, against the inner one. */
	b = lie(true, 16, 7, 8, &len);
	expect_unpack(b, len, -IMACARRY_ERR_COUNT);
	/* Byte order flag that disagrees with the payload. */
	b = lie(true, 12, IMACARRY_F_BIG_ENDIAN, 4, &len);
	expect_unpack(b, len, -IMACARRY_ERR_VERSION);
}

/* Bytes after the zlib stream, still inside payload_len, are refused. */
static void test_zlib_trailing(void **state)
{
	struct fx_list l;
	uint8_t *b, *c;
	size_t len;

	fx_make(&l, false, 100);
	b = pack(&l, 0, &len);
	c = malloc(len + 1);
	assert_non_null(c);
	memcpy(c, b, len);
	c[len] = 0;
	put_le64(c + 32, le64(c + 32) + 1);
	refix(c, len + 1);
	expect_unpack(c, len + 1, -IMACARRY_ERR_INFLATE);
	/* Garbage instead of a zlib stream. */
	memset(b + 48, 0x41, len - 48);
	refix(b, len);
	expect_unpack(b, len, -IMACARRY_ERR_INFLATE);
	fx_free(&l);
}

static void test_payload_list(void **state)
{
	uint8_t raw[24 + 8] = { 1, 0 };
	struct imacarry_list pl;
	struct imacarry_where w;
	uint64_t count;

	put_le64(raw + 8, 24);
	assert_int_equal(imacarry_payload_list(raw, sizeof(raw), false, &pl,
					       &count, &w), 0);
	assert_int_equal(pl.len, 0);
	assert_int_equal(count, 0);
	assert_int_equal(imacarry_payload_list(raw, 23, false, &pl, &count,
					       &w), -IMACARRY_ERR_TRUNCATED);
	put_le64(raw + 8, sizeof(raw) + 1);
	assert_int_equal(imacarry_payload_list(raw, sizeof(raw), false, &pl,
					       &count, &w),
			 -IMACARRY_ERR_BADLEN);
	assert_int_equal(w.offset, 8);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_PAYLOAD);
	put_le64(raw + 8, 23);
	assert_int_equal(imacarry_payload_list(raw, sizeof(raw), false, &pl,
					       &count, &w),
			 -IMACARRY_ERR_BADLEN);
	/* Little-endian version 1 read as big-endian is 256. */
	put_le64(raw + 8, 24);
	assert_int_equal(imacarry_payload_list(raw, sizeof(raw), true, &pl,
					       &count, &w),
			 -IMACARRY_ERR_VERSION);
}

/*
 * A stored blob @b, its CRCs fixed, whose inner header fails with @err at
 * @offset into the payload (@w starts at another origin).
 */
static void expect_inner(uint8_t *b, size_t len, int err, uint64_t offset)
{
	struct imacarry_where w = { .origin = IMACARRY_ORIGIN_BLOB };
	struct imacarry_blob ob;

	refix(b, len);
	assert_int_equal(imacarry_blob_open(b, len, &ob, &w), err);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_PAYLOAD);
	assert_int_equal(w.offset, offset);
	assert_null(ob.raw);
}

/*
 * imacarry_blob_open(): a stored payload viewed where it lies, a deflated
 * one inflated once; the header kept for a broken blob; the list left for
 * the caller's walk, which is the one walk.
 */
static void test_open(void **state)
{
	struct imacarry_where w = { 0 };
	struct imacarry_blob ob;
	struct imacarry_entry e;
	struct fx_list l;
	uint64_t pos = 0;
	uint8_t *b;
	size_t len;

	fx_make(&l, false, 10);
	b = pack(&l, IMACARRY_PACK_NO_COMPRESS, &len);
	assert_int_equal(imacarry_blob_open(b, len, &ob, &w), 0);
	assert_true(ob.checked);
	assert_null(ob.raw);
	assert_ptr_equal(ob.list.buf, b + 48 + 24);
	assert_int_equal(ob.list.len, l.len);
	assert_false(ob.list.checked);
	assert_int_equal(ob.hdr.count, 10);
	imacarry_blob_close(&ob);

	/*
	 * The list is not walked: a bad record inside passes the open. Each
	 * check below starts @w at another origin, to see the one it sets:
	 * a record's offset counts in the list.
	 */
	b[48 + 24] = 99;	/* PCR 99 */
	refix(b, len);
	assert_int_equal(imacarry_blob_open(b, len, &ob, &w), 0);
	w.origin = IMACARRY_ORIGIN_PAYLOAD;
	assert_int_equal(imacarry_list_next(&ob.list, &pos, &e, &w),
			 -IMACARRY_ERR_PCR);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_LIST);
	assert_int_equal(w.offset, 0);
	imacarry_blob_close(&ob);

	/* The inner struct ima_kexec_hdr counts in the payload. */
	b[48] = 2;
	expect_inner(b, len, -IMACARRY_ERR_VERSION, 0);
	b[48] = 1;
	b[48 + 8] ^= 1;		/* buffer_size */
	expect_inner(b, len, -IMACARRY_ERR_BADLEN, 8);
	b[48 + 8] ^= 1;
	refix(b, len);

	/* A broken blob: its header as it is, and where the check failed. */
	b[44] ^= 1;
	w.origin = IMACARRY_ORIGIN_PAYLOAD;
	assert_int_equal(imacarry_blob_open(b, len, &ob, &w),
			 -IMACARRY_ERR_HDRCRC);
	assert_false(ob.checked);
	assert_int_equal(w.offset, 44);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_BLOB);
	assert_int_equal(ob.hdr.count, 10);
	assert_int_equal(ob.hdr.raw_len, 24 + l.len);
	assert_null(ob.raw);
	imacarry_blob_close(&ob);
	free(b);

	b = pack(&l, 0, &len);
	assert_true(le32(b + 12) & IMACARRY_F_ZLIB);
	assert_int_equal(imacarry_blob_open(b, len, &ob, &w), 0);
	assert_non_null(ob.raw);
	assert_ptr_equal(ob.list.buf, (uint8_t *)ob.raw + 24);
	assert_memory_equal(ob.list.buf, l.buf, l.len);
	imacarry_blob_close(&ob);
	assert_null(ob.raw);
	/*
	 * Checked, then refused in the payload: checked stays true. How far
	 * zlib read counts in the blob.
	 */
	b[len - 1] ^= 0xff;
	refix(b, len);
	w.origin = IMACARRY_ORIGIN_PAYLOAD;
	assert_int_equal(imacarry_blob_open(b, len, &ob, &w),
			 -IMACARRY_ERR_INFLATE);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_BLOB);
	assert_true(w.offset >= 48 && w.offset <= len);
	assert_true(ob.checked);
	assert_null(ob.raw);
	imacarry_blob_close(&ob);
	free(b);

	assert_int_equal(imacarry_blob_open(l.buf, 10, NULL, &w),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_blob_open(NULL, 10, &ob, &w),
			 -IMACARRY_ERR_BADARG);
	fx_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_le),
		cmocka_unit_test(test_round_trip_be),
		cmocka_unit_test(test_round_trip_stored),
		cmocka_unit_test(test_round_trip_empty),
		cmocka_unit_test(test_incompressible),
		cmocka_unit_test(test_repetitive_stored),
		cmocka_unit_test(test_pack_legacy_ima),
		cmocka_unit_test(test_pack_checked),
		cmocka_unit_test(test_pack_args),
		cmocka_unit_test(test_stored_prefix),
		cmocka_unit_test(test_stored_prefix_refuses),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_stored_len),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bomb),
		cmocka_unit_test(test_raw_len_lies),
		cmocka_unit_test(test_inner_header),
		cmocka_unit_test(test_zlib_trailing),
		cmocka_unit_test(test_payload_list),
		cmocka_unit_test(test_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
