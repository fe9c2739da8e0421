/* SPDX-License-Identifier: GPL-2.0-only */
/* test-file.h - a test's input files, written or the test fails; include it after <cmocka.h> */
#ifndef TEST_FILE_H
#define TEST_FILE_H

#include <stdio.h>

/* Writes @len bytes of @buf to @path. */
static inline void write_file(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	if (len)
		assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

#endif /* TEST_FILE_H */
