// SPDX-License-Identifier: GPL-2.0-only
/* test-kbuf.c - unit tests for kbuf.c: the kexec buffer payload, both ways */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "imacarry.h"

#include "blob-fixtures.h"

/* Written from struct ima_kexec_hdr, not from the library. */
static uint64_t get64(bool be, const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)p[be ? 7 - i : i] << (8 * i);
	return v;
}

static uint16_t get16(bool be, const uint8_t *p)
{
	return be ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static struct imacarry_list view(const struct fx_list *l)
{
	struct imacarry_list v = {
		.buf = l->buf, .len = l->len, .digest_size = 20,
		.big_endian = l->be,
	};
	return v;
}

static uint8_t *pack(const struct fx_list *l, size_t *len)
{
	struct imacarry_list v = view(l);
	size_t size = imacarry_kbuf_size(l->len);
	uint64_t count;
	uint8_t *b;

	assert_int_equal(size, 24 + l->len);
	b = malloc(size);
	assert_non_null(b);
	assert_int_equal(imacarry_kbuf_pack(&v, b, size, len, &count, NULL),
			 0);
	assert_int_equal(*len, size);
	assert_int_equal(count, l->count);
	return b;
}

/* The layout ima_dump_measurement_list() writes, in both byte orders. */
static void layout(bool be)
{
	struct fx_list l;
	uint8_t *b;
	size_t len;

	fx_make(&l, be, 7);
	b = pack(&l, &len);
	assert_int_equal(get16(be, b), 1);
	assert_int_equal(get16(be, b + 2), 0);
	assert_int_equal(b[4] | b[5] | b[6] | b[7], 0);
	assert_int_equal(get64(be, b + 8), len);
	assert_int_equal(get64(be, b + 16), 7);
	/* The list exactly as securityfs gave it. */
	assert_memory_equal(b + 24, l.buf, l.len);
	free(b);
	fx_free(&l);
}

static void test_layout_le(void **state)
{
	layout(false);
}

static void test_layout_be(void **state)
{
	layout(true);
}

/* Packed, then read back as a file or as a page-padded segment. */
static void round_trip(bool be, unsigned int n, size_t pad)
{
	struct imacarry_where w;
	struct imacarry_list got;
	struct fx_list l;
	uint64_t count;
	uint8_t *b;
	size_t len;

	fx_make(&l, be, n);
	b = pack(&l, &len);
	b = realloc(b, len + pad);
	assert_non_null(b);
	memset(b + len, 0, pad);
	assert_int_equal(imacarry_kbuf_list(b, len + pad, &got, &count, &w),
			 0);
	assert_int_equal(count, n);
	assert_int_equal(got.len, l.len);
	assert_int_equal(got.big_endian, be);
	assert_int_equal(got.digest_size, 20);
	if (l.len)
		assert_memory_equal(got.buf, l.buf, l.len);
	assert_int_equal(imacarry_list_check(&got, true, &count, &w), 0);
	assert_int_equal(count, n);
	free(b);
	fx_free(&l);
}

static void test_round_trip(void **state)
{
	round_trip(false, 0, 0);
	round_trip(false, 50, 0);
	round_trip(true, 50, 0);
	round_trip(false, 50, 4096);
	round_trip(true, 1, 1);
}

/* What imacarry_blob_pack() refuses, this refuses too. */
static void test_refuses(void **state)
{
	struct imacarry_list v;
	struct fx_list l;
	uint8_t out[4096];
	size_t len;

	fx_make(&l, false, 2);
	fx_add_ima(&l, 10, "/init");
	v = view(&l);
	assert_int_equal(imacarry_kbuf_pack(&v, out, sizeof(out), &len, NULL,
					    NULL), -IMACARRY_ERR_LEGACY_IMA);
	fx_free(&l);

	fx_make(&l, false, 2);
	v = view(&l);
	v.digest_size = 32;
	assert_int_equal(imacarry_kbuf_pack(&v, out, sizeof(out), &len, NULL,
					    NULL), -IMACARRY_ERR_DIGESTSIZE);
	v = view(&l);
	assert_int_equal(imacarry_kbuf_pack(&v, out, 24 + l.len - 1, &len,
					    NULL, NULL), -IMACARRY_ERR_NOSPACE);
	assert_int_equal(imacarry_kbuf_pack(&v, NULL, sizeof(out), &len,
					    NULL, NULL), -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_kbuf_pack(NULL, out, sizeof(out), &len,
					    NULL, NULL), -IMACARRY_ERR_BADARG);
	/* A list cut inside a record. */
	v.len--;
	assert_int_equal(imacarry_kbuf_pack(&v, out, sizeof(out), &len, NULL,
					    NULL), -IMACARRY_ERR_TRUNCATED);
	fx_free(&l);
	assert_int_equal(imacarry_kbuf_size(IMACARRY_MAX_RAW), 0);
	assert_int_equal(imacarry_kbuf_size(IMACARRY_MAX_RAW - 24),
			 IMACARRY_MAX_RAW);
}

static void test_list_refuses(void **state)
{
	struct imacarry_where w;
	struct imacarry_list got;
	struct fx_list l;
	uint8_t *b;
	size_t len;

	fx_make(&l, false, 5);
	b = pack(&l, &len);

	/* A bare list is not a kexec buffer: dump keeps reading it as one. */
	assert_int_equal(imacarry_kbuf_list(l.buf, l.len, &got, NULL, &w),
			 -IMACARRY_ERR_FORMAT);
	assert_int_equal(imacarry_kbuf_list(b, 23, &got, NULL, &w),
			 -IMACARRY_ERR_FORMAT);
	assert_int_equal(imacarry_kbuf_list(NULL, len, &got, NULL, &w),
			 -IMACARRY_ERR_BADARG);

	/* Padding must be zero. */
	b = realloc(b, len + 8);
	assert_non_null(b);
	memset(b + len, 0, 8);
	b[len + 5] = 1;
	assert_int_equal(imacarry_kbuf_list(b, len + 8, &got, NULL, &w),
			 -IMACARRY_ERR_BADLEN);
	assert_int_equal(w.offset, len + 5);
	/* The file is the payload: its offsets, not the list's. */
	assert_int_equal(w.origin, IMACARRY_ORIGIN_PAYLOAD);

	/* buffer_size past the end, or under the header. */
	b[8] = (uint8_t)(len + 1);
	b[9] = (uint8_t)((len + 1) >> 8);
	assert_int_equal(imacarry_kbuf_list(b, len, &got, NULL, &w),
			 -IMACARRY_ERR_BADLEN);
	assert_int_equal(w.offset, 8);
	assert_int_equal(w.origin, IMACARRY_ORIGIN_PAYLOAD);
	b[8] = 23;
	b[9] = 0;
	assert_int_equal(imacarry_kbuf_list(b, len, &got, NULL, &w),
			 -IMACARRY_ERR_BADLEN);
	b[8] = (uint8_t)len;
	b[9] = (uint8_t)(len >> 8);

	/* A count no list of that size holds. */
	b[23] = 1;
	assert_int_equal(imacarry_kbuf_list(b, len, &got, NULL, &w),
			 -IMACARRY_ERR_COUNT);
	b[23] = 0;

	/* Version 2, or a reserved field set. */
	b[0] = 2;
	assert_int_equal(imacarry_kbuf_list(b, len, &got, NULL, &w),
			 -IMACARRY_ERR_FORMAT);
	b[0] = 1;
	b[6] = 1;
	assert_int_equal(imacarry_kbuf_list(b, len, &got, NULL, &w),
			 -IMACARRY_ERR_FORMAT);
	b[6] = 0;
	assert_int_equal(imacarry_kbuf_list(b, len, &got, NULL, &w), 0);
	free(b);
	fx_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_le),
		cmocka_unit_test(test_layout_be),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refuses),
		cmocka_unit_test(test_list_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
