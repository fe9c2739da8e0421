// SPDX-License-Identifier: GPL-2.0-only
/* test-snapshot.c - unit tests for snapshot.c against a fake securityfs */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "imacarry.h"
#include "imacarry-internal.h"
#include "blob-fixtures.h"
#include "test-file.h"

struct fake {
	char root[64];
	char ima[96];
	char list[160];
	char count[160];
};

static void write_count(const char *path, unsigned long long n)
{
	char text[32];

	snprintf(text, sizeof(text), "%llu\n", n);
	write_file(path, text, strlen(text));
}

/* root/ima/{binary_runtime_measurements,runtime_measurements_count} */
static void fake_init(struct fake *f, const struct fx_list *l, uint64_t count)
{
	strcpy(f->root, "/tmp/ima-carry-snapXXXXXX");
	assert_non_null(mkdtemp(f->root));
	snprintf(f->ima, sizeof(f->ima), "%s/ima", f->root);
	assert_int_equal(mkdir(f->ima, 0755), 0);
	snprintf(f->list, sizeof(f->list), "%s/binary_runtime_measurements",
		 f->ima);
	snprintf(f->count, sizeof(f->count), "%s/runtime_measurements_count",
		 f->ima);
	if (l)
		write_file(f->list, l->buf, l->len);
	write_count(f->count, count);
}

static void fake_fini(struct fake *f)
{
	unlink(f->list);
	unlink(f->count);
	rmdir(f->ima);
	rmdir(f->root);
}

/* Bytes taken by the first @n records of @l. */
static size_t prefix_len(const struct fx_list *l, unsigned int n)
{
	struct fx_list p;
	size_t len;

	fx_make(&p, l->be, n);
	len = p.len;
	fx_free(&p);
	return len;
}

static void snapshot(struct fake *f, int want, const struct fx_list *l,
		     uint64_t want_count)
{
	struct imacarry_list v;
	struct imacarry_where w;
	uint64_t count;
	size_t len;
	void *buf = NULL;

	assert_int_equal(imacarry_snapshot_read(f->root, NULL, &buf, &v, &w),
			 want);
	if (want)
		return;
	/* A checked view: the walk that trimmed it is the one walk. */
	assert_true(v.checked);
	assert_int_equal(v.digest_size, 20);
	assert_ptr_equal(v.buf, buf);
	count = v.count;
	len = v.len;
	assert_int_equal(count, want_count);
	assert_int_equal(len, prefix_len(l, (unsigned int)want_count));
	assert_memory_equal(buf, l->buf, len);
	free(buf);
}

static void test_consistent(void **state)
{
	struct fake f;
	struct fx_list l;

	fx_make(&l, false, 5);
	fake_init(&f, &l, 5);
	snapshot(&f, 0, &l, 5);
	fake_fini(&f);
	fx_free(&l);
}

/* Bigger than the first read chunk, so the buffer has to grow. */
static void test_large(void **state)
{
	struct fake f;
	struct fx_list l;

	fx_make(&l, false, 3000);
	assert_true(l.len > 4 * 65536);
	fake_init(&f, &l, 3000);
	snapshot(&f, 0, &l, 3000);
	fake_fini(&f);
	fx_free(&l);
}

static void test_empty(void **state)
{
	struct fake f;
	struct fx_list l;

	fx_make(&l, false, 0);
	fake_init(&f, &l, 0);
	snapshot(&f, 0, &l, 0);
	fake_fini(&f);
}

/* The file holds entries that were not counted yet: keep the counted ones. */
static void test_list_ahead(void **state)
{
	struct fake f;
	struct fx_list l;

	fx_make(&l, false, 9);
	fake_init(&f, &l, 4);
	snapshot(&f, 0, &l, 4);
	fake_fini(&f);
	fx_free(&l);
}

/* A torn last record (never from a real kernel) is not part of the prefix. */
static void test_torn_tail(void **state)
{
	struct fake f;
	struct fx_list l;

	fx_make(&l, false, 6);
	l.len -= 7;
	fake_init(&f, &l, 5);
	snapshot(&f, 0, &l, 5);
	fake_fini(&f);
	fx_free(&l);
}

/* Per-bank files (Linux >= 6.10) are read by name; sha1 is the same list. */
static void test_bank_file(void **state)
{
	struct fake f;
	struct fx_list l;
	char path[200];
	struct imacarry_list v;
	void *buf;

	fx_make(&l, false, 3);
	fake_init(&f, NULL, 3);
	snprintf(path, sizeof(path), "%s/binary_runtime_measurements_sha1",
		 f.ima);
	write_file(path, l.buf, l.len);
	assert_int_equal(imacarry_snapshot_read(f.root,
			 "binary_runtime_measurements_sha1", &buf, &v, NULL),
			 0);
	assert_int_equal(v.count, 3);
	assert_int_equal(v.len, l.len);
	free(buf);
	/* A sha256 file of 20-byte records does not parse as one. */
	snprintf(path, sizeof(path), "%s/binary_runtime_measurements_sha256",
		 f.ima);
	write_file(path, l.buf, l.len);
	assert_true(imacarry_snapshot_read(f.root,
		    "binary_runtime_measurements_sha256", &buf, &v, NULL) < 0);
	assert_null(buf);
	unlink(path);
	snprintf(path, sizeof(path), "%s/binary_runtime_measurements_sha1",
		 f.ima);
	unlink(path);
	fake_fini(&f);
	fx_free(&l);
}

/* Fewer records than counted: this is not a live IMA list. */
static void test_list_behind(void **state)
{
	struct fake f;
	struct fx_list l;

	fx_make(&l, false, 5);
	fake_init(&f, &l, 7);
	snapshot(&f, -IMACARRY_ERR_COUNT, &l, 0);
	fake_fini(&f);
	fx_free(&l);
}

static void test_noima(void **state)
{
	struct fake f;
	struct fx_list l;
	struct imacarry_list v;
	uint64_t count;
	void *buf;

	fx_make(&l, false, 1);
	assert_int_equal(imacarry_snapshot_read("/nonexistent/securityfs",
						NULL, &buf, &v, NULL),
			 -IMACARRY_ERR_NOIMA);
	assert_int_equal(ic_snapshot_count("/nonexistent", &count),
			 -IMACARRY_ERR_NOIMA);
	/* A securityfs without ima/: a kernel built without IMA. */
	fake_init(&f, &l, 1);
	fake_fini(&f);
	assert_int_equal(mkdir(f.root, 0755), 0);
	assert_int_equal(imacarry_snapshot_read(f.root, NULL, &buf, &v, NULL),
			 -IMACARRY_ERR_NOIMA);
	rmdir(f.root);
	/* The count is there, but not the list. */
	fake_init(&f, NULL, 0);
	assert_int_equal(imacarry_snapshot_read(f.root, NULL, &buf, &v, NULL),
			 -IMACARRY_ERR_NOIMA);
	assert_int_equal(imacarry_snapshot_read(f.root, "../x", &buf, &v,
						NULL),
			 -IMACARRY_ERR_BADARG);
	fake_fini(&f);
	fx_free(&l);
}

static void test_count(void **state)
{
	static const struct {
		const char *text;
		int err;
		uint64_t want;
	} cases[] = {
		{ "0\n", 0, 0 },
		{ "42\n", 0, 42 },
		{ "18446744073709551615\n", 0, UINT64_MAX },
		{ "18446744073709551616\n", -IMACARRY_ERR_FORMAT, 0 },
		{ "", -IMACARRY_ERR_FORMAT, 0 },
		{ "-1\n", -IMACARRY_ERR_FORMAT, 0 },
		{ " 5\n", -IMACARRY_ERR_FORMAT, 0 },
		{ "5 apples\n", -IMACARRY_ERR_FORMAT, 0 },
		{ "5\n\n", -IMACARRY_ERR_FORMAT, 0 },
	};
	struct fake f;
	uint64_t count;
	unsigned int i;

	fake_init(&f, NULL, 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		write_file(f.count, cases[i].text, strlen(cases[i].text));
		count = 12345;
		assert_int_equal(ic_snapshot_count(f.root, &count),
				 cases[i].err);
		if (!cases[i].err)
			assert_int_equal(count, cases[i].want);
	}
	fake_fini(&f);
}

/*
 * A live list: the count is a FIFO that a thread feeds, one value per
 * open, so the count grows between the reads before and after the list.
 * Each value gets its own FIFO: the next one is renamed into place while
 * the current one is still held, so a reader's next open can never meet
 * the previous writer.
 */
struct feeder {
	const char *path;
	char next[200];
	const unsigned long long *vals;
	unsigned int n;
	atomic_bool done;
};

static void *feed(void *arg)
{
	struct feeder *fd = arg;
	struct pollfd pfd;
	char text[32];
	unsigned int i;
	int fifo;

	for (i = 0; i < fd->n; i++) {
		fifo = open(fd->path, O_WRONLY);
		if (fifo < 0)
			break;
		if (atomic_load(&fd->done) || mkfifo(fd->next, 0600) ||
		    rename(fd->next, fd->path)) {
			close(fifo);
			break;
		}
		snprintf(text, sizeof(text), "%llu\n", fd->vals[i]);
		if (write(fifo, text, strlen(text)) < 0) {
			close(fifo);
			break;
		}
		/* Hold it until the reader is done (POLLERR on our end). */
		pfd.fd = fifo;
		pfd.events = 0;
		while (poll(&pfd, 1, -1) >= 0 && !(pfd.revents & POLLERR))
			;
		close(fifo);
	}
	return NULL;
}

static void growing(const unsigned long long *vals, unsigned int n,
		    unsigned int entries, uint64_t want)
{
	struct feeder fd = { .vals = vals, .n = n };
	struct fake f;
	struct fx_list l;
	pthread_t t;
	int fifo;

	fx_make(&l, false, entries);
	fake_init(&f, &l, 0);
	unlink(f.count);
	assert_int_equal(mkfifo(f.count, 0600), 0);
	fd.path = f.count;
	snprintf(fd.next, sizeof(fd.next), "%s.next", f.count);
	atomic_init(&fd.done, false);
	signal(SIGPIPE, SIG_IGN);
	assert_int_equal(pthread_create(&t, NULL, feed, &fd), 0);
	snapshot(&f, 0, &l, want);
	/* Release a feeder still waiting for a reader that won't come. */
	atomic_store(&fd.done, true);
	do {
		fifo = open(f.count, O_RDONLY | O_NONBLOCK);
		if (fifo >= 0)
			close(fifo);
	} while (pthread_tryjoin_np(t, NULL) == EBUSY && !usleep(1000));
	unlink(fd.next);
	fake_fini(&f);
	fx_free(&l);
}

/* Grows once, then holds still: the second try is consistent. */
static void test_growing_once(void **state)
{
	static const unsigned long long vals[] = { 3, 5, 6, 6 };

	growing(vals, 4, 8, 6);
}

/* Never holds still: after the last try, the counted prefix is kept. */
static void test_growing_always(void **state)
{
	static const unsigned long long vals[] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	growing(vals, 8, 10, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consistent),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_list_ahead),
		cmocka_unit_test(test_torn_tail),
		cmocka_unit_test(test_bank_file),
		cmocka_unit_test(test_list_behind),
		cmocka_unit_test(test_noima),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_growing_once),
		cmocka_unit_test(test_growing_always),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
