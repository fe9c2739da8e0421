// SPDX-License-Identifier: GPL-2.0-only
/* test-field.c - unit tests for field.c: each field decoded by the kernel's rules */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "imacarry.h"
#include "test-core.h"

/* The first field of a one-field record of template @tmpl, decoded. */
static void decode(const char *tmpl, const char *field, uint32_t len,
		   bool be, struct imacarry_value *v)
{
	static struct tc_list l;
	static struct imacarry_list list;
	static struct imacarry_entry e;
	uint64_t pos = 0;

	memset(&l, 0, sizeof(l));
	l.ds = 20;
	l.be = be;
	tc_record(&l, 10, 0x11, tmpl, 1, &field, &len);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_int_equal(imacarry_entry_field(&list, &e, 0, v), 0);
}

static void expect_mem(const uint8_t *p, uint32_t len, const char *want,
		       uint32_t want_len)
{
	assert_int_equal(len, want_len);
	if (len)
		assert_memory_equal(p, want, len);
}

/* A digest with an algorithm prefix: its text, algorithm and hex part. */
static void expect_algo(const char *tmpl, const char *field, uint32_t len,
			bool be, const char *text, uint32_t algo_len,
			const char *hex, uint32_t hex_len)
{
	struct imacarry_value v;

	decode(tmpl, field, len, be, &v);
	assert_int_equal(v.fmt, IMACARRY_FMT_DIGEST_ALGO);
	expect_mem(v.text, v.text_len, text, (uint32_t)strlen(text));
	assert_int_equal(v.algo_len, algo_len);
	expect_mem(v.hex, v.hex_len, hex, hex_len);
}

static void test_digest_algo(void **state)
{
	expect_algo("d-ng", "sha256:\0\x01\x02", 10, false, "sha256:", 6,
		    "\x01\x02", 2);
	/* d-ngv2: the algorithm follows the last ':' but one. */
	expect_algo("d-ngv2", "ima:sha1:\0\xff", 11, true, "ima:sha1:", 8,
		    "\xff", 1);
	/* A ':' first: no text, hex from two bytes on. */
	expect_algo("d-modsig", ":\0\x01", 3, false, "", 0, "\x01", 1);
}

/*
 * The disputed case: "sha1:" and the digest with no NUL between them. The
 * kernel (strrchr(), then "skip ':' and '\0'") prints the string as far as
 * it runs, to the digest's first NUL, and hex from the ':' + 2.
 */
static void test_digest_algo_no_nul(void **state)
{
	expect_algo("d-ng", "sha1:\x41\x42\x43", 8, false, "sha1:ABC", 4,
		    "\x42\x43", 2);
	expect_algo("d-ng", "sha1:\x41\0\x43", 8, false, "sha1:A", 4,
		    "\0\x43", 2);
	/* A ':' in the digest bytes is the last one: strrchr() takes it. */
	expect_algo("d-ng", "sha1:\x01:\x02\x03", 9, false,
		    "sha1:\x01:\x02\x03", 6, "\x03", 1);
}

/* No "<algo>:" the kernel can skip: kernel-patch 0005 shows it in hex. */
static void test_digest_algo_as_hex(void **state)
{
	static const struct {
		const char *f;
		uint32_t len;
	} c[] = {
		{ "abc", 3 },		/* no ':' */
		{ "ab\0:", 4 },		/* the ':' after the NUL */
		{ "sha1:", 5 },		/* the ':' last */
	};
	struct imacarry_value v;
	unsigned int i;

	for (i = 0; i < 3; i++) {
		decode("d-ng", c[i].f, c[i].len, false, &v);
		assert_int_equal(v.fmt, IMACARRY_FMT_HEX);
		assert_int_equal(v.text_len, 0);
		expect_mem(v.hex, v.hex_len, c[i].f, c[i].len);
	}
	/* One byte after the ':' is enough: it is the one skipped. */
	decode("d-ng", "sha1:\0", 6, false, &v);
	assert_int_equal(v.fmt, IMACARRY_FMT_DIGEST_ALGO);
	assert_int_equal(v.hex_len, 0);
}

static void test_other_kinds(void **state)
{
	struct imacarry_value v;

	decode("d", "\x01\x02", 2, false, &v);
	assert_int_equal(v.fmt, IMACARRY_FMT_DIGEST);
	expect_mem(v.hex, v.hex_len, "\x01\x02", 2);
	decode("sig", "a\0b", 3, false, &v);
	assert_int_equal(v.fmt, IMACARRY_FMT_HEX);
	expect_mem(v.hex, v.hex_len, "a\0b", 3);
	decode("xattrnames", "security.ima|security.evm\0", 26, false, &v);
	assert_int_equal(v.fmt, IMACARRY_FMT_STRING);
	expect_mem(v.text, v.text_len, "security.ima|security.evm", 25);
	assert_int_equal(v.hex_len, 0);
	decode("n-ng", "/a\0/b", 5, false, &v);
	expect_mem(v.text, v.text_len, "/a", 2);
}

static void test_uint(void **state)
{
	struct imacarry_value v;

	decode("iuid", "\xe8\x03\0\0", 4, false, &v);
	assert_int_equal(v.fmt, IMACARRY_FMT_UINT);
	assert_int_equal(v.value, 1000);
	decode("iuid", "\0\0\x03\xe8", 4, true, &v);
	assert_int_equal(v.value, 1000);
	/* imode is a u16: "%u" of two bytes, in the list's byte order. */
	decode("imode", "\xa4\x81", 2, false, &v);
	assert_int_equal(v.value, 0100644);
	decode("imode", "\x81\xa4", 2, true, &v);
	assert_int_equal(v.value, 0100644);
	decode("igid", "\x07", 1, false, &v);
	assert_int_equal(v.value, 7);
	decode("igid", "\0\0\0\0\0\0\0\x09", 8, true, &v);
	assert_int_equal(v.value, 9);
}

/* The disputed case: an odd size matches no case and shows nothing. */
static void test_uint_odd_size(void **state)
{
	static const uint32_t lens[] = { 3, 5, 6, 7, 9 };
	struct imacarry_value v;
	unsigned int i;

	for (i = 0; i < 5; i++) {
		decode("iuid", "\x01\x02\x03\x04\x05\x06\x07\x08\x09", lens[i],
		       false, &v);
		assert_int_equal(v.fmt, IMACARRY_FMT_NONE);
		assert_int_equal(v.text_len, 0);
		assert_int_equal(v.hex_len, 0);
		assert_int_equal(v.value, 0);
	}
}

static void test_badarg(void **state)
{
	struct tc_list l = { .ds = 20 };
	struct imacarry_list list;
	struct imacarry_entry e;
	struct imacarry_value v;
	uint64_t pos = 0;

	tc_ima_ng(&l, 10, 0x11, "/bin/true");
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_int_equal(imacarry_entry_field(&list, &e, 1, &v), 0);
	assert_int_equal(imacarry_entry_field(&list, &e, 2, &v),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_entry_field(NULL, &e, 0, &v),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_entry_field(&list, NULL, 0, &v),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_entry_field(&list, &e, 0, NULL),
			 -IMACARRY_ERR_BADARG);
	e.field_id[0] = IMACARRY_FIELD__MAX;
	assert_int_equal(imacarry_entry_field(&list, &e, 0, &v),
			 -IMACARRY_ERR_TEMPLATE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digest_algo),
		cmocka_unit_test(test_digest_algo_no_nul),
		cmocka_unit_test(test_digest_algo_as_hex),
		cmocka_unit_test(test_other_kinds),
		cmocka_unit_test(test_uint),
		cmocka_unit_test(test_uint_odd_size),
		cmocka_unit_test(test_badarg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
