// SPDX-License-Identifier: GPL-2.0-only
/* test-template.c - unit tests for template.c: built-ins and custom formats */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "imacarry-internal.h"

enum {
	D = IMACARRY_FIELD_D,
	N = IMACARRY_FIELD_N,
	DNG = IMACARRY_FIELD_D_NG,
	DNGV2 = IMACARRY_FIELD_D_NGV2,
	NNG = IMACARRY_FIELD_N_NG,
	SIG = IMACARRY_FIELD_SIG,
	BUF = IMACARRY_FIELD_BUF,
	DMODSIG = IMACARRY_FIELD_D_MODSIG,
	MODSIG = IMACARRY_FIELD_MODSIG,
	EVMSIG = IMACARRY_FIELD_EVMSIG,
	IUID = IMACARRY_FIELD_IUID,
	IGID = IMACARRY_FIELD_IGID,
	IMODE = IMACARRY_FIELD_IMODE,
	XNAMES = IMACARRY_FIELD_XATTRNAMES,
	XLENS = IMACARRY_FIELD_XATTRLENGTHS,
	XVALS = IMACARRY_FIELD_XATTRVALUES,
	END = 0xff,
};

static int parse(const char *name, uint8_t *ids, unsigned int *n)
{
	return ic_template_parse(name, (uint32_t)strlen(name), ids, n);
}

static void expect(const char *name, const uint8_t *want)
{
	uint8_t ids[IMACARRY_FIELDS_MAX];
	unsigned int n = 0, i;

	assert_int_equal(parse(name, ids, &n), 0);
	for (i = 0; want[i] != END; i++) {
		assert_true(i < n);
		assert_int_equal(ids[i], want[i]);
	}
	assert_int_equal(n, i);
}

/* The kernel's builtin_templates[], one by one. */
static void test_builtin(void **state)
{
	expect("ima", (const uint8_t[]){ D, N, END });
	expect("ima-ng", (const uint8_t[]){ DNG, NNG, END });
	expect("ima-ngv2", (const uint8_t[]){ DNGV2, NNG, END });
	expect("ima-sig", (const uint8_t[]){ DNG, NNG, SIG, END });
	expect("ima-sigv2", (const uint8_t[]){ DNGV2, NNG, SIG, END });
	expect("ima-buf", (const uint8_t[]){ DNG, NNG, BUF, END });
	expect("ima-modsig",
	       (const uint8_t[]){ DNG, NNG, SIG, DMODSIG, MODSIG, END });
	expect("evm-sig", (const uint8_t[]){ DNG, NNG, EVMSIG, XNAMES, XLENS,
					     XVALS, IUID, IGID, IMODE, END });
}

static void test_custom(void **state)
{
	expect("d-ng|n-ng|iuid", (const uint8_t[]){ DNG, NNG, IUID, END });
	expect("n-ng|sig|d-ng", (const uint8_t[]){ NNG, SIG, DNG, END });
	expect("d|n", (const uint8_t[]){ D, N, END });
	expect("buf", (const uint8_t[]){ BUF, END });
	expect("imode|igid|xattrvalues",
	       (const uint8_t[]){ IMODE, IGID, XVALS, END });
	/* The longest name the kernel restores: 68 bytes, 9 fields. */
	expect("d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|iuid|"
	       "igid|imode", (const uint8_t[]){ DNG, NNG, EVMSIG, XNAMES,
						XLENS, XVALS, IUID, IGID,
						IMODE, END });
	/* Fifteen fields is IMA_TEMPLATE_NUM_FIELDS_MAX. */
	expect("d|n|d|n|d|n|d|n|d|n|d|n|d|n|d",
	       (const uint8_t[]){ D, N, D, N, D, N, D, N, D, N, D, N, D, N,
				  D, END });
}

static void test_refused(void **state)
{
	uint8_t ids[IMACARRY_FIELDS_MAX];
	unsigned int n;
	char name[80];

	assert_int_equal(parse("ima-foo", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("IMA-NG", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("d-n", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("d-ngx", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("d-ng ", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("|", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("d-ng|", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("|d-ng", ids, &n), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("d-ng||n-ng", ids, &n),
			 -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(parse("xattrvaluesxxxxxxxxx", ids, &n),
			 -IMACARRY_ERR_TEMPLATE);
	/* Sixteen fields: one over the kernel's limit. */
	assert_int_equal(parse("d|n|d|n|d|n|d|n|d|n|d|n|d|n|d|n", ids, &n),
			 -IMACARRY_ERR_TEMPLATE);
	/* Empty, and 69 bytes. */
	assert_int_equal(ic_template_parse("", 0, ids, &n),
			 -IMACARRY_ERR_NAMELEN);
	memset(name, 'd', sizeof(name));
	assert_int_equal(ic_template_parse(name, 69, ids, &n),
			 -IMACARRY_ERR_NAMELEN);
	assert_int_equal(ic_template_parse(name, UINT32_MAX, ids, &n),
			 -IMACARRY_ERR_NAMELEN);
	/* A NUL inside: the kernel would read a shorter name. */
	assert_int_equal(ic_template_parse("ima-ng\0x", 8, ids, &n),
			 -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(ic_template_parse("ima\0", 4, ids, &n),
			 -IMACARRY_ERR_TEMPLATE);
}

/* The name is not NUL-terminated in a list: only name_len bytes count. */
static void test_not_terminated(void **state)
{
	uint8_t ids[IMACARRY_FIELDS_MAX];
	unsigned int n = 0;

	assert_int_equal(ic_template_parse("ima-ngXXXX", 6, ids, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], DNG);
	assert_int_equal(ic_template_parse("ima-sig", 3, ids, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], D);
}

static void test_field_names(void **state)
{
	static const char *const names[] = {
		"d", "n", "d-ng", "d-ngv2", "n-ng", "sig", "buf", "d-modsig",
		"modsig", "evmsig", "iuid", "igid", "imode", "xattrnames",
		"xattrlengths", "xattrvalues",
	};
	unsigned int i;

	assert_int_equal(IMACARRY_FIELD__MAX, 16);
	for (i = 0; i < IMACARRY_FIELD__MAX; i++) {
		uint8_t ids[IMACARRY_FIELDS_MAX];
		unsigned int n = 0;

		assert_string_equal(imacarry_field_name(i), names[i]);
		/* Each name parses back to its id. */
		assert_int_equal(parse(names[i], ids, &n), 0);
		assert_int_equal(n, 1);
		assert_int_equal(ids[0], i);
	}
	assert_null(imacarry_field_name(IMACARRY_FIELD__MAX));
	assert_null(imacarry_field_name((enum imacarry_field_id)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_custom),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_not_terminated),
		cmocka_unit_test(test_field_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
