// SPDX-License-Identifier: GPL-2.0-only
/* test-ascii.c - unit tests for ascii.c: every field rendering, exactly */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "imacarry.h"
#include "test-core.h"

/* "11" repeated: the hex of a template digest filled with 0x11. */
static const char *digest_hex(unsigned int ds)
{
	static char hex[2 * 64 + 1];

	memset(hex, '1', 2 * ds);
	hex[2 * ds] = '\0';
	return hex;
}

/* Renders the first record of @l and compares it with @want. */
static void expect_line(const struct tc_list *l, const char *want)
{
	struct imacarry_list list;
	struct imacarry_entry e;
	uint64_t pos = 0;
	char line[4096];
	int n;

	assert_int_equal(tc_init(&list, l), 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	n = imacarry_ascii_entry(&list, &e, line, sizeof(line));
	assert_int_equal(n, strlen(want));
	assert_string_equal(line, want);
}

static void test_ima_ng(void **state)
{
	struct tc_list l = { .ds = 20 };
	char want[512];

	tc_ima_ng(&l, 10, 0x11, "/usr/bin/true");
	snprintf(want, sizeof(want), "10 %s ima-ng sha256:%s /usr/bin/true\n",
		 digest_hex(20),
		 "abababababababababababababababababababababababababababababab"
		 "abab");
	expect_line(&l, want);
}

/* The legacy template: 'd' in hex, 'n' as the string it is. */
static void test_legacy(void **state)
{
	struct tc_list l = { .ds = 32, .be = true };
	char want[512];

	tc_ima(&l, 7, 0x11, "/bin/sh");
	snprintf(want, sizeof(want), " 7 %s ima %s /bin/sh\n", digest_hex(32),
		 "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd");
	expect_line(&l, want);
}

/* A one-field custom template, so each case shows one rendering. */
static void one(const char *tmpl, const char *field, uint32_t len, bool be,
		const char *rendered)
{
	struct tc_list l = { .ds = 20, .be = be };
	char want[512];

	tc_record(&l, 10, 0x11, tmpl, 1, &field, &len);
	snprintf(want, sizeof(want), "10 %s %s %s\n", digest_hex(20), tmpl,
		 rendered);
	expect_line(&l, want);
}

static void test_digest_algo(void **state)
{
	static const char *const ids[] = { "d-ng", "d-ngv2", "d-modsig" };
	unsigned int i;

	for (i = 0; i < 3; i++) {
		one(ids[i], "sha1:\0\x01\x02\xfe", 9, false, "sha1:0102fe");
		one(ids[i], "ima:sha256:\0\xab", 13, false, "ima:sha256:ab");
		one(ids[i], "verity:sha256:\0\xab", 16, true,
		    "verity:sha256:ab");
		/* A ':' first: the kernel prints no prefix. */
		one(ids[i], ":\0\x01\x02", 4, false, "0102");
		/* Text after the last ':' is printed, then skipped over. */
		one(ids[i], "sha1:x\0\x01", 8, false, "sha1:x0001");
		/* Only the prefix: nothing after it. */
		one(ids[i], "sha1:\0", 6, false, "sha1:");
		/*
		 * ':' as the last byte: a stock kernel reads past the end;
		 * kernel-patch 0005, the kernel that restores such a field,
		 * shows it whole in hex (this said "sha1:" before).
		 */
		one(ids[i], "sha1:", 5, false, "736861313a");
		one(ids[i], "sha1:\x01", 6, false, "sha1:\x01");
		/*
		 * A prefix without its NUL: the string runs on into the
		 * digest (to its first NUL, else to the end), the byte after
		 * the ':' is skipped all the same, and the rest is hex.
		 */
		one(ids[i], "sha1:\x41\x42\x43", 8, false, "sha1:ABC4243");
		one(ids[i], "sha1:\x41\0\x43", 8, false, "sha1:A0043");
		/* No ':' at all: the kernel would fault; we print hex. */
		one(ids[i], "abc", 3, false, "616263");
		one(ids[i], "ab\0:", 4, false, "6162003a");
		/* The ':' search stops at the NUL, as strrchr() does. */
		one(ids[i], "a:b\0:\x01", 6, false, "a:b003a01");
	}
}

static void test_hex_fields(void **state)
{
	static const char *const ids[] = { "d", "sig", "buf", "modsig",
					   "evmsig", "xattrlengths",
					   "xattrvalues" };
	unsigned int i;

	for (i = 0; i < 7; i++) {
		one(ids[i], "\x00\x01\x7f\x80\xff", 5, false, "00017f80ff");
		one(ids[i], "a:\0b", 4, true, "613a0062");
	}
}

static void test_string_fields(void **state)
{
	static const char *const ids[] = { "n", "n-ng", "xattrnames" };
	unsigned int i;

	for (i = 0; i < 3; i++) {
		one(ids[i], "/a/b\0", 5, false, "/a/b");
		/* Stops at the first NUL, and never goes past the field. */
		one(ids[i], "ab\0cd", 5, false, "ab");
		one(ids[i], "abc", 3, false, "abc");
		one(ids[i], "security.ima|security.evm\0", 27, false,
		    "security.ima|security.evm");
		one(ids[i], "\0", 1, false, "");
	}
}

static void test_uint_fields(void **state)
{
	static const char *const ids[] = { "iuid", "igid", "imode" };
	unsigned int i;

	for (i = 0; i < 3; i++) {
		one(ids[i], "\xff", 1, false, "255");
		one(ids[i], "\x34\x12", 2, false, "4660");
		one(ids[i], "\x34\x12", 2, true, "13330");
		one(ids[i], "\xe8\x03\0\0", 4, false, "1000");
		one(ids[i], "\0\0\x03\xe8", 4, true, "1000");
		one(ids[i], "\xff\xff\xff\xff", 4, false, "4294967295");
		one(ids[i], "\x01\0\0\0\0\0\0\0", 8, false, "1");
		one(ids[i], "\0\0\0\0\0\0\0\x01", 8, true, "1");
		one(ids[i], "\xff\xff\xff\xff\xff\xff\xff\xff", 8, false,
		    "18446744073709551615");
		/* Other sizes print nothing; the separator stays. */
		one(ids[i], "\x01\x02\x03", 3, false, "");
		one(ids[i], "\x01\x02\x03\x04\x05", 5, false, "");
	}
}

/* Empty fields keep their separator: ascii lines end in spaces. */
static void test_trailing_spaces(void **state)
{
	static const char *const f[5] = { "sha1:\0\xaa", "/m.ko\0", "", "",
					  "" };
	static const uint32_t lens[5] = { 7, 6, 0, 0, 0 };
	struct tc_list l = { .ds = 20 };
	char want[256];

	tc_record(&l, 10, 0x11, "ima-modsig", 5, f, lens);
	snprintf(want, sizeof(want), "10 %s ima-modsig sha1:aa /m.ko   \n",
		 digest_hex(20));
	expect_line(&l, want);
	l.len = 0;
	tc_record(&l, 10, 0x11, "sig|sig", 2, f + 2, lens + 2);
	snprintf(want, sizeof(want), "10 %s sig|sig  \n", digest_hex(20));
	expect_line(&l, want);
}

static void test_pcr_and_digest_sizes(void **state)
{
	static const unsigned int sizes[] = { 20, 32, 48, 64 };
	unsigned int s;

	for (s = 0; s < 4; s++) {
		struct tc_list l = { .ds = sizes[s] };
		char want[512];

		tc_record(&l, 0, 0x11, "buf", 1,
			  (const char *const[]){ "\x01" },
			  (const uint32_t[]){ 1 });
		snprintf(want, sizeof(want), " 0 %s buf 01\n",
			 digest_hex(sizes[s]));
		expect_line(&l, want);
		l.len = 0;
		tc_record(&l, 23, 0x11, "buf", 1,
			  (const char *const[]){ "\x01" },
			  (const uint32_t[]){ 1 });
		snprintf(want, sizeof(want), "23 %s buf 01\n",
			 digest_hex(sizes[s]));
		expect_line(&l, want);
	}
}

/* Like snprintf(): the full length always, the text cut and terminated. */
static void test_short_buffer(void **state)
{
	struct imacarry_list list;
	struct imacarry_entry e;
	struct tc_list l = { .ds = 20 };
	uint64_t pos = 0;
	char full[512];
	int n, size;

	tc_ima_ng(&l, 10, 0x11, "/usr/bin/true");
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	n = imacarry_ascii_entry(&list, &e, full, sizeof(full));
	assert_true(n > 0);
	assert_int_equal(imacarry_ascii_entry(&list, &e, NULL, 0), n);
	for (size = 1; size <= n + 1; size++) {
		char *buf = malloc(size);

		assert_int_equal(imacarry_ascii_entry(&list, &e, buf, size),
				 n);
		assert_int_equal(strlen(buf), size - 1 < n ? size - 1 : n);
		assert_memory_equal(buf, full, strlen(buf));
		free(buf);
	}
	assert_int_equal(imacarry_ascii_entry(NULL, &e, full, 10),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_ascii_entry(&list, NULL, full, 10),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_ascii_entry(&list, &e, NULL, 10),
			 -IMACARRY_ERR_BADARG);
}

/* The generator's lists, rendered and compared with its ascii files. */
static void test_fixtures(void **state)
{
	struct tc_fixture fx[32];
	int n, i;

	n = tc_fixtures(fx, 32);
	assert_true(n >= 16);
	for (i = 0; i < n; i++) {
		struct imacarry_list list;
		struct imacarry_entry e;
		size_t len, alen, at = 0;
		uint64_t pos = 0;
		uint8_t *buf = tc_fixture_file(&fx[i], "bin", &len);
		uint8_t *ascii = tc_fixture_file(&fx[i], "ascii", &alen);
		char line[8192];
		int ret;

		assert_non_null(buf);
		assert_non_null(ascii);
		assert_int_equal(imacarry_list_init(&list, buf, len,
						    fx[i].digest_size,
						    fx[i].big_endian, NULL), 0);
		while ((ret = imacarry_list_next(&list, &pos, &e, NULL)) > 0) {
			int k = imacarry_ascii_entry(&list, &e, line,
						     sizeof(line));

			assert_true(k > 0 && k < (int)sizeof(line));
			if (at + k > alen || memcmp(ascii + at, line, k))
				fail_msg("%s: entry %llu differs:\n got %s",
					 fx[i].stem,
					 (unsigned long long)e.index, line);
			at += k;
		}
		assert_int_equal(ret, 0);
		assert_int_equal(at, alen);
		free(buf);
		free(ascii);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ima_ng),
		cmocka_unit_test(test_legacy),
		cmocka_unit_test(test_digest_algo),
		cmocka_unit_test(test_hex_fields),
		cmocka_unit_test(test_string_fields),
		cmocka_unit_test(test_uint_fields),
		cmocka_unit_test(test_trailing_spaces),
		cmocka_unit_test(test_pcr_and_digest_sizes),
		cmocka_unit_test(test_short_buffer),
		cmocka_unit_test(test_fixtures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
