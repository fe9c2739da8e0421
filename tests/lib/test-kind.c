// SPDX-License-Identifier: GPL-2.0-only
/* test-kind.c - unit tests for imacarry_kind_of(): list, blob or device tree */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "imacarry.h"
#include "blob-fixtures.h"

static void test_blob(void **state)
{
	struct fx_list l;
	struct imacarry_list v;
	uint8_t out[4096];
	size_t len;

	fx_make(&l, false, 4);
	v = (struct imacarry_list){ .buf = l.buf, .len = l.len,
				    .digest_size = 20 };
	assert_int_equal(imacarry_blob_pack(&v, 0, out, sizeof(out), &len,
					    NULL, NULL), 0);
	assert_int_equal(imacarry_kind_of(out, len), IMACARRY_KIND_BLOB);
	/* Just the magic is enough to call it a blob (and then refuse it). */
	assert_int_equal(imacarry_kind_of("IMACARRY", 8), IMACARRY_KIND_BLOB);
	assert_int_equal(imacarry_kind_of(l.buf, l.len), IMACARRY_KIND_LIST);
	fx_free(&l);
}

static void test_fdt(void **state)
{
	uint64_t tree[64];

	assert_int_equal(fdt_create_empty_tree(tree, sizeof(tree)), 0);
	assert_int_equal(imacarry_kind_of(tree, fdt_totalsize(tree)),
			 IMACARRY_KIND_FDT);
	/* The FDT magic is big-endian everywhere. */
	assert_int_equal(imacarry_kind_of("\xd0\x0d\xfe\xed", 4),
			 IMACARRY_KIND_FDT);
	assert_int_not_equal(imacarry_kind_of("\xed\xfe\x0d\xd0", 4),
			     IMACARRY_KIND_FDT);
}

static void test_other(void **state)
{
	/* A list has no magic: anything else, even empty, may be one. */
	assert_int_equal(imacarry_kind_of("", 0), IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of("IMACARR", 7), IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of("\xd0\x0d\xfe", 3),
			 IMACARRY_KIND_LIST);
	assert_int_equal(imacarry_kind_of(NULL, 0), IMACARRY_KIND_UNKNOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blob),
		cmocka_unit_test(test_fdt),
		cmocka_unit_test(test_other),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
