// SPDX-License-Identifier: GPL-2.0-only
/* test-real.c - lists written by real kernels: replay to the TPM, dump as-is */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "imacarry.h"
#include "test-core.h"

/* Set by tests/local.mk: the independent generator, which can render. */
#ifndef IC_IMAGEN
#define IC_IMAGEN "tests/gen/imagen.py"
#endif

static const char *testdata;

/* Every list in shared/testdata/real, with what is known about it. */
static const struct real_list {
	const char *file;
	unsigned int digest_size;
	uint64_t count;
	const char *pcrs;	/* the TPM's values, or NULL */
} lists[] = {
	{ "ibmtss-sha1.log", 20, 362, "ibmtss.pcrs" },
	{ "ibmtss-sha256.log", 32, 362, "ibmtss.pcrs" },
	{ "ibmtss-sha384.log", 48, 362, "ibmtss.pcrs" },
	{ "ibmtss-sha512.log", 64, 362, "ibmtss.pcrs" },
	{ "hyperf-binary_runtime_measurements_sha1", 20, 43, "hyperf.pcrs" },
	{ "hyperf-binary_runtime_measurements_sha256", 32, 43, "hyperf.pcrs" },
	{ "hyperf-binary_runtime_measurements_sha384", 48, 43, "hyperf.pcrs" },
	{ "franczar-ima_ng", 20, 254, NULL },
	{ "puiterwijk-imang", 20, 3, NULL },
	{ "ibmtss-imatest.log", 20, 17, NULL },
};

static uint8_t *read_data(const char *name, size_t *len)
{
	char path[1024];
	uint8_t *buf;

	snprintf(path, sizeof(path), "%s/%s", testdata, name);
	buf = tc_read(path, len);
	if (!buf)
		fail_msg("%s: cannot read it", path);
	return buf;
}

static void open_list(const struct real_list *rl, uint8_t **buf,
		      struct imacarry_list *list)
{
	struct imacarry_where w = { 0 };
	size_t len;
	int ret;

	*buf = read_data(rl->file, &len);
	ret = imacarry_list_init(list, *buf, len, 0, -1, &w);
	if (ret)
		fail_msg("%s: offset %llu, entry %llu: %s", rl->file,
			 (unsigned long long)w.offset,
			 (unsigned long long)w.index, imacarry_strerror(ret));
	assert_int_equal(list->digest_size, rl->digest_size);
	assert_false(list->big_endian);
}

/* Every list parses whole, with the number of entries it is known to have. */
static void test_parse(void **state)
{
	unsigned int i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		struct imacarry_list list;
		struct imacarry_where w = { 0 };
		uint64_t count = 0;
		uint8_t *buf;
		int ret;

		open_list(&lists[i], &buf, &list);
		ret = imacarry_list_check(&list, false, &count, &w);
		if (ret)
			fail_msg("%s: offset %llu, entry %llu: %s",
				 lists[i].file, (unsigned long long)w.offset,
				 (unsigned long long)w.index,
				 imacarry_strerror(ret));
		assert_int_equal(count, lists[i].count);
		free(buf);
	}
}

/* Replays every list in every bank its .pcrs file names: the TPM's values. */
static void test_replay(void **state)
{
	unsigned int i, checked = 0;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		const struct real_list *rl = &lists[i];
		struct imacarry_replay *r;
		struct imacarry_list list;
		struct imacarry_entry e;
		enum imacarry_algo banks[IMACARRY_ALGO__MAX];
		unsigned int nbanks = 0, pcrs[IMACARRY_ALGO__MAX];
		char alg[16], want[IMACARRY_ALGO__MAX][160];
		uint64_t pos = 0;
		uint8_t *buf, *text;
		const char *p;
		size_t tlen;
		int ret, used, b;

		if (!rl->pcrs)
			continue;
		text = read_data(rl->pcrs, &tlen);
		text = realloc(text, tlen + 1);
		text[tlen] = '\0';
		/* The last line of ibmtss.pcrs has no newline. */
		for (p = (const char *)text;
		     nbanks < IMACARRY_ALGO__MAX &&
		     sscanf(p, "%15s %u %159s%n", alg, &pcrs[nbanks],
			    want[nbanks], &used) == 3; p += used) {
			ret = imacarry_algo_by_name(alg);
			assert_true(ret >= 0);
			banks[nbanks++] = ret;
		}
		assert_true(nbanks >= 3);

		open_list(rl, &buf, &list);
		assert_int_equal(imacarry_replay_new(&r, banks, nbanks), 0);
		while ((ret = imacarry_list_next(&list, &pos, &e, NULL)) > 0) {
			ret = imacarry_replay_extend(r, &list, &e);
			if (ret)
				fail_msg("%s: entry %llu: %s", rl->file,
					 (unsigned long long)e.index,
					 imacarry_strerror(ret));
		}
		assert_int_equal(ret, 0);
		for (b = 0; b < (int)nbanks; b++) {
			uint8_t v[IMACARRY_DIGEST_MAX];
			char got[160];
			int n = imacarry_replay_get(r, banks[b], pcrs[b], v,
						    sizeof(v)), k;

			assert_true(n > 0);
			for (k = 0; k < n; k++)
				sprintf(got + 2 * k, "%02x", v[k]);
			if (strcmp(got, want[b]))
				fail_msg("%s: %s PCR %u: replay %s, TPM %s",
					 rl->file, imacarry_algo_name(banks[b]),
					 pcrs[b], got, want[b]);
			checked++;
		}
		imacarry_replay_free(r);
		free(buf);
		free(text);
	}
	/* 4 lists x 4 banks + 3 lists x 3 banks. */
	assert_int_equal(checked, 25);
}

/* Renders a whole list into a malloc'd string. */
static char *dump(const struct imacarry_list *list, size_t *out_len)
{
	struct imacarry_entry e;
	size_t cap = 1 << 16, len = 0;
	char *out = malloc(cap);
	uint64_t pos = 0;
	int ret;

	assert_non_null(out);
	while ((ret = imacarry_list_next(list, &pos, &e, NULL)) > 0) {
		int n = imacarry_ascii_entry(list, &e, out + len, cap - len);

		assert_true(n > 0);
		if ((size_t)n >= cap - len) {
			cap = 2 * (cap + n);
			out = realloc(out, cap);
			assert_non_null(out);
			n = imacarry_ascii_entry(list, &e, out + len,
						 cap - len);
		}
		len += n;
	}
	assert_int_equal(ret, 0);
	*out_len = len;
	return out;
}

/* The kernel's own ascii file, byte for byte. */
static void test_dump_hyperf(void **state)
{
	struct imacarry_list list;
	size_t len, want_len;
	uint8_t *buf, *want;
	char *got;

	open_list(&lists[5], &buf, &list);
	want = read_data("hyperf-ascii_runtime_measurements_sha256",
			 &want_len);
	got = dump(&list, &len);
	assert_int_equal(len, want_len);
	assert_memory_equal(got, want, len);
	free(got);
	free(want);
	free(buf);
}

/*
 * ibmtss-imatest.log has no ascii twin; its custom formats and legacy
 * entries are rendered by the independent generator and compared.
 */
static void test_dump_imatest(void **state)
{
	struct imacarry_list list;
	char cmd[2048], tmp[] = "/tmp/test-real-XXXXXX";
	size_t len, want_len;
	uint8_t *buf, *want;
	char *got;
	int fd;

	if (system("python3 -c '' 2>/dev/null")) {
		fprintf(stderr, "SKIP: no python3 to render imatest\n");
		skip();
	}
	fd = mkstemp(tmp);
	assert_true(fd >= 0);
	close(fd);
	snprintf(cmd, sizeof(cmd), "python3 '%s' --render '%s/%s' "
		 "--expect-ascii '%s'", IC_IMAGEN, testdata, lists[9].file,
		 tmp);
	assert_int_equal(system(cmd), 0);
	want = tc_read(tmp, &want_len);
	unlink(tmp);
	assert_non_null(want);
	open_list(&lists[9], &buf, &list);
	got = dump(&list, &len);
	assert_int_equal(len, want_len);
	assert_memory_equal(got, want, len);
	/* Its legacy 'ima' entry and custom formats are really there. */
	assert_non_null(strstr(got, " ima 00000000000000000000000000000000"
				    "00000000 boot_aggregate\n"));
	assert_non_null(strstr(got, " n-ng|sig|d-ng boot_aggregate  sha1:"));
	free(got);
	free(want);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_dump_hyperf),
		cmocka_unit_test(test_dump_imatest),
	};
	struct stat st;

	testdata = getenv("IMACARRY_TESTDATA");
	if (!testdata || stat(testdata, &st) || !S_ISDIR(st.st_mode)) {
		fprintf(stderr,
			"SKIP: test-real: no real lists: IMACARRY_TESTDATA=%s "
			"is not a directory (../shared/testdata/real)\n",
			testdata ? testdata : "(unset)");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
