// SPDX-License-Identifier: GPL-2.0-only
/* test-dump-walk.c - `ima-carry dump` of the live list walks it once */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "imacarry.h"
#include "imacarry-internal.h"
#include "blob-fixtures.h"

#include "tool.h"
#include "../lib/test-file.h"

/*
 * Linked with --wrap: calls between objects come here. The tool's walk
 * calls imacarry_list_next(); the library's walks (ic_walk() in list.c)
 * start at ic_list_prefix() or imacarry_list_check().
 */
static unsigned int n_next, n_lib_walks;

int __real_imacarry_list_next(const struct imacarry_list *list,
			      uint64_t *pos, struct imacarry_entry *e,
			      struct imacarry_where *where);
int __real_ic_list_prefix(const struct imacarry_list *list, uint64_t max,
			  struct imacarry_list *prefix,
			  struct imacarry_where *where);
int __real_imacarry_list_check(struct imacarry_list *list, bool no_legacy,
			       struct imacarry_where *where);

int __wrap_imacarry_list_next(const struct imacarry_list *list,
			      uint64_t *pos, struct imacarry_entry *e,
			      struct imacarry_where *where);
int __wrap_ic_list_prefix(const struct imacarry_list *list, uint64_t max,
			  struct imacarry_list *prefix,
			  struct imacarry_where *where);
int __wrap_imacarry_list_check(struct imacarry_list *list, bool no_legacy,
			       struct imacarry_where *where);

int __wrap_imacarry_list_next(const struct imacarry_list *list,
			      uint64_t *pos, struct imacarry_entry *e,
			      struct imacarry_where *where)
{
	n_next++;
	return __real_imacarry_list_next(list, pos, e, where);
}

int __wrap_ic_list_prefix(const struct imacarry_list *list, uint64_t max,
			  struct imacarry_list *prefix,
			  struct imacarry_where *where)
{
	n_lib_walks++;
	return __real_ic_list_prefix(list, max, prefix, where);
}

int __wrap_imacarry_list_check(struct imacarry_list *list, bool no_legacy,
			       struct imacarry_where *where)
{
	n_lib_walks++;
	return __real_imacarry_list_check(list, no_legacy, where);
}

/* `dump [--json]` of @n records under a count of @count; its exit code. */
static int dump_live(unsigned int n, unsigned int count, bool json)
{
	char root[] = "/tmp/ima-carry-dumpXXXXXX", path[128], text[32];
	char *argv[] = { "dump", json ? "--json" : NULL, NULL };
	struct fx_list l;
	int ret;

	assert_non_null(mkdtemp(root));
	snprintf(path, sizeof(path), "%s/ima", root);
	assert_int_equal(mkdir(path, 0755), 0);
	fx_make(&l, false, n);
	snprintf(path, sizeof(path), "%s/ima/binary_runtime_measurements",
		 root);
	write_file(path, l.buf, l.len);
	fx_free(&l);
	snprintf(path, sizeof(path), "%s/ima/runtime_measurements_count",
		 root);
	snprintf(text, sizeof(text), "%u\n", count);
	write_file(path, text, strlen(text));
	assert_int_equal(setenv("IMACARRY_SECURITYFS", root, 1), 0);

	n_next = 0;
	n_lib_walks = 0;
	optind = 1;
	ret = tool_cmd_dump.cmd(json ? 2 : 1, argv);
	fflush(stdout);

	unlink(path);
	snprintf(path, sizeof(path), "%s/ima/binary_runtime_measurements",
		 root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/ima", root);
	rmdir(path);
	rmdir(root);
	return ret;
}

static void test_one_walk(void **state)
{
	(void)state;
	/* Five counted: five calls, no walk of the library's before them. */
	assert_int_equal(dump_live(5, 5, false), TOOL_EXIT_OK);
	assert_int_equal(n_lib_walks, 0);
	assert_int_equal(n_next, 5);
	assert_int_equal(dump_live(5, 5, true), TOOL_EXIT_OK);
	assert_int_equal(n_lib_walks, 0);
	assert_int_equal(n_next, 5);
}

static void test_added_during_read(void **state)
{
	(void)state;
	/* Records after the count are not walked. */
	assert_int_equal(dump_live(7, 4, false), TOOL_EXIT_OK);
	assert_int_equal(n_lib_walks, 0);
	assert_int_equal(n_next, 4);
}

static void test_fewer_than_counted(void **state)
{
	(void)state;
	/* The one walk finds the end early: refused, as the snapshot did. */
	assert_int_equal(dump_live(5, 7, false), TOOL_EXIT_INVALID);
	assert_int_equal(n_lib_walks, 0);
	assert_int_equal(n_next, 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_walk),
		cmocka_unit_test(test_added_during_read),
		cmocka_unit_test(test_fewer_than_counted),
	};

	/* The dumps' output is not what this test looks at. */
	if (!freopen("/dev/null", "w", stdout))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
