// SPDX-License-Identifier: GPL-2.0-only
/* test-error.c - unit tests for error.c: error texts and input kinds */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "imacarry.h"

static void test_every_code_has_a_line(void **state)
{
	int i, j;

	for (i = 0; i < IMACARRY_ERR__MAX; i++) {
		const char *s = imacarry_strerror(-i);

		assert_non_null(s);
		assert_true(strlen(s) > 0);
		assert_null(strchr(s, '\n'));
		assert_string_not_equal(s, "unknown error");
		/* Positive and negative codes mean the same. */
		assert_string_equal(s, imacarry_strerror(i));
		for (j = 0; j < i; j++)
			assert_string_not_equal(s, imacarry_strerror(-j));
	}
}

static void test_unknown_codes(void **state)
{
	assert_string_equal(imacarry_strerror(IMACARRY_ERR__MAX),
			    "unknown error");
	assert_string_equal(imacarry_strerror(-IMACARRY_ERR__MAX),
			    "unknown error");
	assert_string_equal(imacarry_strerror(-100000), "unknown error");
	assert_string_equal(imacarry_strerror(INT_MIN), "unknown error");
	assert_string_equal(imacarry_strerror(INT_MAX), "unknown error");
}

static void test_legacy_text_suggests_ima_ng(void **state)
{
	assert_non_null(strstr(imacarry_strerror(-IMACARRY_ERR_LEGACY_IMA),
			       "ima_template=ima-ng"));
}

static void test_kind(void **state)
{
	static const uint8_t fdt[] = { 0xd0, 0x0d, 0xfe, 0xed, 0, 0, 0, 0x48 };
	static const uint8_t fdt_le[] = { 0xed, 0xfe, 0x0d, 0xd0 };
	static const uint8_t list[] = { 10, 0, 0, 0, 1, 2, 3 };

	assert_int_equal(imacarry_kind_of("IMACARRY\x01\x00", 10),
			 IMACARRY_KIND_BLOB);
	assert_int_equal(imacarry_kind_of("IMACARRY", 8), IMACARRY_KIND_BLOB);
	/* Seven bytes of the magic are not the magic. */
	assert_int_equal(imacarry_kind_of("IMACARR", 7), IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of("imacarry", 8), IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of(fdt, sizeof(fdt)), IMACARRY_KIND_FDT);
	assert_int_equal(imacarry_kind_of(fdt, 4), IMACARRY_KIND_FDT);
	assert_int_equal(imacarry_kind_of(fdt, 3), IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of(fdt_le, 4), IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of(list, sizeof(list)),
			 IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of(list, 0), IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of(NULL, 0), IMACARRY_KIND_UNKNOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_has_a_line),
		cmocka_unit_test(test_unknown_codes),
		cmocka_unit_test(test_legacy_text_suggests_ima_ng),
		cmocka_unit_test(test_kind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
