// SPDX-License-Identifier: GPL-2.0-only
/* test-list.c - unit tests for list.c: records, framing, detection, faults */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "imacarry.h"
#include "imacarry-internal.h"
#include "test-core.h"

static void put32(uint8_t *p, bool be, uint32_t v)
{
	struct tc_list t = { .be = be };

	tc_u32(&t, v);
	memcpy(p, t.buf, 4);
}

/* Walks @list to the end or the first fault; returns next()'s last value. */
static int walk(const struct imacarry_list *list, uint64_t *count,
		struct imacarry_where *w)
{
	struct imacarry_entry e;
	uint64_t pos = 0, n = 0;
	int ret;

	while ((ret = imacarry_list_next(list, &pos, &e, w)) > 0) {
		assert_int_equal(e.index, n);
		n++;
	}
	*count = n;
	return ret;
}

static void test_empty(void **state)
{
	struct imacarry_list list, p;
	struct imacarry_entry e;
	uint64_t pos = 0, count = 7;

	assert_int_equal(imacarry_list_init(&list, NULL, 0, 0, -1, NULL), 0);
	assert_int_equal(list.digest_size, 20);
	assert_false(list.big_endian);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 0);
	assert_int_equal(imacarry_list_check(&list, true, &count, NULL), 0);
	assert_int_equal(count, 0);
	assert_int_equal(ic_list_prefix(&list, 10, &p, NULL), 0);
	assert_int_equal(p.len, 0);
	assert_int_equal(p.count, 0);
}

static void test_bad_args(void **state)
{
	struct imacarry_list list;
	struct imacarry_entry e;
	struct imacarry_where w;
	struct tc_list l = { .ds = 20 };
	uint64_t pos;

	tc_ima_ng(&l, 10, 1, "/a");
	assert_int_equal(imacarry_list_init(NULL, l.buf, l.len, 20, 0, NULL),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_list_init(&list, NULL, 4, 20, 0, NULL),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_list_init(&list, l.buf, l.len, 20, 2, NULL),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_list_init(&list, l.buf, l.len, 20, -2,
					    NULL), -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_list_init(&list, l.buf, l.len, 21, 0, NULL),
			 -IMACARRY_ERR_DIGESTSIZE);
	assert_int_equal(imacarry_list_init(&list, l.buf, l.len, 16, 0, NULL),
			 -IMACARRY_ERR_DIGESTSIZE);
	assert_int_equal(tc_init(&list, &l), 0);
	/* A position past the end is the caller's mistake, not the list's. */
	pos = l.len + 1;
	e.index = 0;
	assert_int_equal(imacarry_list_next(&list, &pos, &e, &w),
			 -IMACARRY_ERR_BADARG);
	pos = l.len;
	assert_int_equal(imacarry_list_next(&list, &pos, &e, &w), 0);
	assert_int_equal(imacarry_list_next(NULL, &pos, &e, &w),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(ic_list_prefix(&list, 1, NULL, NULL),
			 -IMACARRY_ERR_BADARG);
}

static void test_ima_ng_record(void **state)
{
	struct imacarry_list list;
	struct imacarry_entry e;
	struct tc_list l = { .ds = 20 };
	uint64_t pos = 0;

	tc_ima_ng(&l, 10, 0x11, "/usr/bin/true");
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_int_equal(pos, l.len);
	assert_int_equal(e.offset, 0);
	assert_int_equal(e.index, 0);
	assert_int_equal(e.size, l.len);
	assert_int_equal(e.pcr, 10);
	assert_ptr_equal(e.digest, l.buf + 4);
	assert_int_equal(e.name_len, 6);
	assert_memory_equal(e.name, "ima-ng", 6);
	assert_false(e.legacy_ima);
	assert_false(e.violation);
	/* The data is everything after its length: what the kernel hashes. */
	assert_ptr_equal(e.data, l.buf + 4 + 20 + 4 + 6 + 4);
	assert_int_equal(e.data_len, 4 + 40 + 4 + 14);
	assert_int_equal(e.nfields, 2);
	assert_int_equal(e.field_id[0], IMACARRY_FIELD_D_NG);
	assert_int_equal(e.field_id[1], IMACARRY_FIELD_N_NG);
	assert_int_equal(e.field[0].len, 40);
	assert_memory_equal(e.field[0].data, "sha256:", 8);
	assert_int_equal(e.field[1].len, 14);
	assert_string_equal((const char *)e.field[1].data, "/usr/bin/true");
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 0);
}

static void test_legacy_ima(void **state)
{
	struct imacarry_list list;
	struct imacarry_entry e;
	struct imacarry_where w;
	struct tc_list l = { .ds = 20 };
	uint64_t pos = 0, count;
	size_t first;

	tc_ima_ng(&l, 10, 1, "/first");
	first = l.len;
	tc_ima(&l, 10, 2, "/usr/bin/bash");
	tc_ima_ng(&l, 10, 3, "/third");
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_true(e.legacy_ima);
	assert_int_equal(e.index, 1);
	assert_null(e.data);
	assert_int_equal(e.data_len, 0);
	assert_int_equal(e.nfields, 2);
	assert_int_equal(e.field_id[0], IMACARRY_FIELD_D);
	assert_int_equal(e.field_id[1], IMACARRY_FIELD_N);
	assert_int_equal(e.field[0].len, 20);
	assert_int_equal(e.field[0].data[0], 0xcd);
	assert_int_equal(e.field[1].len, 13);
	assert_memory_equal(e.field[1].data, "/usr/bin/bash", 13);
	assert_int_equal(e.size, 4 + 20 + 4 + 3 + 20 + 4 + 13);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_false(e.legacy_ima);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 0);

	assert_int_equal(imacarry_list_check(&list, false, &count, &w), 0);
	assert_int_equal(count, 3);
	/* Packing refuses it: the kernel cannot restore an 'ima' entry. */
	assert_int_equal(imacarry_list_check(&list, true, &count, &w),
			 -IMACARRY_ERR_LEGACY_IMA);
	assert_int_equal(w.index, 1);
	assert_int_equal(w.offset, first);
	assert_int_equal(count, 1);
}

static void test_violation_and_pcr(void **state)
{
	struct imacarry_list list;
	struct imacarry_entry e;
	struct imacarry_where w;
	struct tc_list l = { .ds = 32, .be = true };
	uint64_t pos = 0;

	tc_ima_ng(&l, 0, 0, "/v");
	tc_ima_ng(&l, 23, 0x80, "/w");
	tc_ima_ng(&l, 24, 0x80, "/x");
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, &w), 1);
	assert_true(e.violation);
	assert_int_equal(e.pcr, 0);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, &w), 1);
	assert_false(e.violation);
	assert_int_equal(e.pcr, 23);
	assert_int_equal(imacarry_list_next(&list, &pos, &e, &w),
			 -IMACARRY_ERR_PCR);
	assert_int_equal(w.index, 2);
	assert_int_equal(w.offset, pos);
}

/* Every prefix of a list: whole records parse, the cut one is TRUNCATED. */
static void test_truncated_everywhere(void **state)
{
	static const char *const sig[3] = { "sha1:\0aaaaaaaaaaaaaaaaaaaa",
					    "/s", "\x03\x02" };
	static const uint32_t sig_lens[3] = { 26, 3, 2 };
	uint64_t ends[4] = { 0 };
	struct tc_list l = { .ds = 20 };
	unsigned int o, nrec = 3;
	size_t cut;

	for (o = 0; o < 2; o++) {
		l.be = o;
		l.len = 0;
		tc_ima_ng(&l, 10, 1, "/usr/lib/libc.so.6");
		ends[1] = l.len;
		tc_ima(&l, 10, 2, "/bin/sh");
		ends[2] = l.len;
		tc_record(&l, 11, 3, "ima-sig", 3, sig, sig_lens);
		ends[3] = l.len;

		for (cut = 0; cut < l.len; cut++) {
			struct imacarry_list list, p;
			struct imacarry_where w;
			uint64_t count;
			uint8_t *copy = malloc(cut ? cut : 1);
			unsigned int whole = 0;
			int ret;

			/* An exact-size copy lets ASan see any overread. */
			memcpy(copy, l.buf, cut);
			while (whole < nrec && ends[whole + 1] <= cut)
				whole++;
			assert_int_equal(imacarry_list_init(&list, copy, cut,
							    20, o, &w), 0);
			ret = walk(&list, &count, &w);
			assert_int_equal(count, whole);
			if (cut == ends[whole]) {
				assert_int_equal(ret, 0);
			} else {
				assert_int_equal(ret, -IMACARRY_ERR_TRUNCATED);
				assert_int_equal(w.index, whole);
				assert_true(w.offset >= ends[whole]);
				assert_true(w.offset <= cut);
			}
			/* The snapshot's trim keeps just the whole records. */
			assert_int_equal(ic_list_prefix(&list, 100, &p, &w),
					 0);
			assert_int_equal(p.len, ends[whole]);
			assert_int_equal(p.count, whole);
			assert_true(p.checked);
			free(copy);
		}
	}
}

static void test_prefix_max(void **state)
{
	struct imacarry_list list, p;
	struct tc_list l = { .ds = 20 };
	size_t one;

	tc_ima_ng(&l, 10, 1, "/a");
	one = l.len;
	tc_ima_ng(&l, 10, 1, "/b");
	tc_ima_ng(&l, 10, 1, "/c");
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(ic_list_prefix(&list, 0, &p, NULL), 0);
	assert_int_equal(p.len, 0);
	assert_int_equal(p.count, 0);
	assert_int_equal(ic_list_prefix(&list, 1, &p, NULL), 0);
	assert_int_equal(p.len, one);
	assert_int_equal(p.count, 1);
	assert_int_equal(ic_list_prefix(&list, 3, &p, NULL), 0);
	assert_int_equal(p.len, l.len);
	assert_int_equal(p.count, 3);
	assert_int_equal(ic_list_prefix(&list, UINT64_MAX, &p, NULL), 0);
	assert_int_equal(p.len, l.len);
	/* A broken record inside the prefix is an error, not a trim. */
	put32(l.buf + one + 4 + 20, false, 69);
	assert_int_equal(ic_list_prefix(&list, 3, &p, NULL),
			 -IMACARRY_ERR_NAMELEN);
	assert_int_equal(ic_list_prefix(&list, 1, &p, NULL), 0);
}

/* Corrupts one u32 of a good 2-record list; expects @err at @off. */
static void corrupt(const struct tc_list *good, size_t at, uint32_t v,
		    int err, uint64_t off)
{
	struct imacarry_list list;
	struct imacarry_where w = { 0 };
	struct tc_list l = *good;
	uint64_t count;

	put32(l.buf + at, l.be, v);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(walk(&list, &count, &w), err);
	assert_int_equal(w.index, 1);
	assert_int_equal(w.offset, off);
	assert_int_equal(count, 1);
	assert_int_equal(imacarry_list_check(&list, false, &count, &w), err);
}

static void test_bad_lengths(void **state)
{
	struct tc_list l = { .ds = 20 };
	size_t r, name, data, f0, f1;
	unsigned int o;

	for (o = 0; o < 2; o++) {
		l.be = o;
		l.len = 0;
		tc_ima_ng(&l, 10, 1, "/a");
		r = l.len;
		tc_ima_ng(&l, 10, 1, "/b");
		name = r + 4 + 20;
		data = name + 4 + 6;
		f0 = data + 4;
		f1 = f0 + 4 + 40;

		/* Template name: empty, over 68, 4 GiB. */
		corrupt(&l, name, 0, -IMACARRY_ERR_NAMELEN, name);
		corrupt(&l, name, 69, -IMACARRY_ERR_NAMELEN, name);
		corrupt(&l, name, UINT32_MAX, -IMACARRY_ERR_NAMELEN, name);
		/* Template data past the end, and 4 GiB of it. */
		corrupt(&l, data, 4 + 40 + 4 + 3 + 1,
			-IMACARRY_ERR_TRUNCATED, data);
		corrupt(&l, data, UINT32_MAX, -IMACARRY_ERR_TRUNCATED, data);
		corrupt(&l, data, UINT32_MAX - 3, -IMACARRY_ERR_TRUNCATED,
			data);
		/* Fields: past the data, 4 GiB, wrapping, too few, too many. */
		corrupt(&l, f0, 41 + 4 + 3, -IMACARRY_ERR_BADLEN, f0);
		corrupt(&l, f0, UINT32_MAX, -IMACARRY_ERR_BADLEN, f0);
		corrupt(&l, f0, UINT32_MAX - 3, -IMACARRY_ERR_BADLEN, f0);
		corrupt(&l, f1, 4, -IMACARRY_ERR_BADLEN, f1);
		corrupt(&l, f1, UINT32_MAX, -IMACARRY_ERR_BADLEN, f1);
		/* The second field shrunk: 2 bytes left over, a third field. */
		corrupt(&l, f1, 1, -IMACARRY_ERR_FIELDS, f1 + 4 + 1);
		/* The data shrunk to hold only the first field. */
		corrupt(&l, data, 4 + 40, -IMACARRY_ERR_FIELDS, f1);
		corrupt(&l, data, 0, -IMACARRY_ERR_FIELDS, f0);
		/* PCR 24 and 4 GiB. */
		corrupt(&l, r, 24, -IMACARRY_ERR_PCR, r);
		corrupt(&l, r, UINT32_MAX, -IMACARRY_ERR_PCR, r);
	}
}

static void test_field_count_mismatch(void **state)
{
	static const char *const f[3] = { "sha1:\0xxxxxxxxxxxxxxxxxxxx", "/a",
					  "" };
	static const uint32_t lens[3] = { 26, 3, 0 };
	struct imacarry_list list;
	struct imacarry_where w;
	struct tc_list l = { .ds = 20 };
	uint64_t count;

	/* ima-ng with three fields, ima-sig with two. */
	tc_record(&l, 10, 1, "ima-ng", 3, f, lens);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_FIELDS);
	l.len = 0;
	tc_record(&l, 10, 1, "ima-sig", 2, f, lens);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_FIELDS);
	/* ima-sig with an empty third field is fine. */
	l.len = 0;
	tc_record(&l, 10, 1, "ima-sig", 3, f, lens);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(walk(&list, &count, &w), 0);
	assert_int_equal(count, 1);
}

static void test_bad_template(void **state)
{
	static const char *const f[2] = { "sha1:\0xxxxxxxxxxxxxxxxxxxx", "/a" };
	static const uint32_t lens[2] = { 26, 3 };
	struct imacarry_list list;
	struct imacarry_where w;
	struct tc_list l = { .ds = 20 };
	char name[70];
	uint64_t count;

	tc_ima_ng(&l, 10, 1, "/ok");
	tc_record(&l, 10, 1, "ima-foo", 2, f, lens);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_TEMPLATE);
	assert_int_equal(w.index, 1);
	assert_int_equal(count, 1);

	/* 69 bytes of valid-looking fields are still over the limit. */
	l.len = 0;
	memset(name, 0, sizeof(name));
	strcpy(name, "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|"
		     "iuid|igid|imodes");
	assert_int_equal(strlen(name), 69);
	tc_record(&l, 10, 1, name, 2, f, lens);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_NAMELEN);
	assert_int_equal(w.offset, 4 + 20);
}

static void test_legacy_faults(void **state)
{
	struct imacarry_list list;
	struct imacarry_where w;
	struct tc_list l = { .ds = 20 };
	uint64_t count;
	size_t nlen;

	tc_ima(&l, 10, 1, "/bin/sh");
	nlen = 4 + 20 + 4 + 3 + 20;
	/* The kernel's 'n' is at most 255 bytes; 4 GiB is past the end. */
	put32(l.buf + nlen, false, 256);
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_BADLEN);
	assert_int_equal(w.offset, nlen);
	put32(l.buf + nlen, false, UINT32_MAX);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_BADLEN);
	put32(l.buf + nlen, false, 8);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_TRUNCATED);
	/* An empty name is fine; the 7 bytes left are a cut record. */
	put32(l.buf + nlen, false, 0);
	assert_int_equal(walk(&list, &count, &w), -IMACARRY_ERR_TRUNCATED);
	assert_int_equal(count, 1);
	assert_int_equal(w.offset, nlen + 4);
}

/* Alternating templates: the cached template must follow every change. */
static void test_template_cache(void **state)
{
	static const char *const f[3] = { "sha1:\0xxxxxxxxxxxxxxxxxxxx", "/a",
					  "\x01\x02\x03\x04" };
	static const uint32_t lens[3] = { 26, 3, 4 };
	static const char *const names[] = { "ima-ng", "ima-sig", "ima-ng",
					     "ima-buf", "ima", "n-ng|d-ng|sig",
					     "ima-sig" };
	struct imacarry_list list;
	struct imacarry_entry e;
	struct tc_list l = { .ds = 20 };
	uint64_t pos = 0;
	unsigned int i;

	for (i = 0; i < 7; i++) {
		if (!strcmp(names[i], "ima"))
			tc_ima(&l, 10, 1, "/x");
		else
			tc_record(&l, 10, 1, names[i],
				  strcmp(names[i], "ima-ng") ? 3 : 2, f, lens);
	}
	assert_int_equal(tc_init(&list, &l), 0);
	for (i = 0; i < 7; i++) {
		assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
		assert_int_equal(e.name_len, strlen(names[i]));
		assert_memory_equal(e.name, names[i], e.name_len);
		if (i == 5) {
			assert_int_equal(e.field_id[0], IMACARRY_FIELD_N_NG);
			assert_int_equal(e.field_id[2], IMACARRY_FIELD_SIG);
		} else if (i == 3) {
			assert_int_equal(e.field_id[2], IMACARRY_FIELD_BUF);
		} else if (i == 4) {
			assert_int_equal(e.field_id[0], IMACARRY_FIELD_D);
		} else {
			assert_int_equal(e.field_id[0], IMACARRY_FIELD_D_NG);
		}
		assert_int_equal(e.nfields, i == 0 || i == 2 || i == 4 ? 2 : 3);
	}
	/* A fresh walk over a garbage entry struct starts clean. */
	memset(&e, 0x5a, sizeof(e));
	pos = 0;
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_int_equal(e.index, 0);
	assert_int_equal(e.nfields, 2);
	/*
	 * Mid-walk, an entry whose name lies outside the list is no cache,
	 * whatever its ids say: record 2 (ima-ng) is parsed afresh.
	 */
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	e.name = names[2];
	e.name_len = 6;
	memset(e.field_id, IMACARRY_FIELD_SIG, sizeof(e.field_id));
	e.nfields = IMACARRY_FIELDS_MAX;
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_int_equal(e.index, 2);
	assert_int_equal(e.nfields, 2);
	assert_int_equal(e.field_id[0], IMACARRY_FIELD_D_NG);
	assert_int_equal(e.field_id[1], IMACARRY_FIELD_N_NG);
}

/* Digest size and byte order, detected, for every size and order. */
static void test_detect(void **state)
{
	static const unsigned int sizes[] = { 20, 32, 48, 64 };
	unsigned int s, o;

	for (s = 0; s < 4; s++) {
		for (o = 0; o < 2; o++) {
			struct tc_list l = { .ds = sizes[s], .be = o };
			struct imacarry_list list;
			struct imacarry_where w;
			uint64_t count;
			size_t one;

			tc_ima_ng(&l, 10, 0, "/violation/first");
			one = l.len;
			tc_ima(&l, 10, 7, "/legacy");
			tc_ima_ng(&l, 11, 9, "/x");
			assert_int_equal(imacarry_list_init(&list, l.buf, l.len,
							    0, -1, &w), 0);
			assert_int_equal(list.digest_size, sizes[s]);
			assert_int_equal(list.big_endian, o);
			assert_int_equal(imacarry_list_init(&list, l.buf, l.len,
							    sizes[s], -1, &w),
					 0);
			assert_int_equal(list.big_endian, o);
			assert_int_equal(imacarry_list_init(&list, l.buf, l.len,
							    0, o, &w), 0);
			assert_int_equal(list.digest_size, sizes[s]);
			assert_int_equal(walk(&list, &count, &w), 0);
			assert_int_equal(count, 3);
			/* A single record is enough to tell. */
			assert_int_equal(imacarry_list_init(&list, l.buf, one,
							    0, -1, &w), 0);
			assert_int_equal(list.digest_size, sizes[s]);
		}
	}
}

static void test_detect_fails(void **state)
{
	struct imacarry_list list;
	struct imacarry_where w;
	uint8_t junk[256];
	struct tc_list l = { .ds = 32 };
	unsigned int i;

	for (i = 0; i < sizeof(junk); i++)
		junk[i] = (uint8_t)(i * 37 + 11);
	assert_true(imacarry_list_init(&list, junk, sizeof(junk), 0, -1, &w) <
		    0);
	/* A truncated record reports where the likeliest layout broke. */
	tc_ima_ng(&l, 10, 1, "/usr/bin/python3");
	assert_int_equal(imacarry_list_init(&list, l.buf, l.len - 1, 0, -1,
					    &w), -IMACARRY_ERR_TRUNCATED);
	assert_int_equal(w.index, 0);
	/* A broken third record does not hide behind detection. */
	tc_ima_ng(&l, 10, 1, "/b");
	tc_ima_ng(&l, 99, 1, "/c");
	assert_int_equal(imacarry_list_init(&list, l.buf, l.len, 0, -1, &w),
			 -IMACARRY_ERR_PCR);
	assert_int_equal(w.index, 2);
}

static void test_fixtures(void **state)
{
	struct tc_fixture fx[32];
	int n, i;

	n = tc_fixtures(fx, 32);
	assert_true(n >= 16);
	for (i = 0; i < n; i++) {
		struct imacarry_list list;
		struct imacarry_where w = { 0 };
		size_t len, alen, k;
		uint64_t count, lines = 0;
		uint8_t *buf = tc_fixture_file(&fx[i], "bin", &len);
		uint8_t *ascii = tc_fixture_file(&fx[i], "ascii", &alen);
		int ret;

		assert_non_null(buf);
		assert_non_null(ascii);
		for (k = 0; k < alen; k++)
			lines += ascii[k] == '\n';
		ret = imacarry_list_init(&list, buf, len, 0, -1, &w);
		if (ret)
			fail_msg("%s: offset %llu, entry %llu: %s", fx[i].stem,
				 (unsigned long long)w.offset,
				 (unsigned long long)w.index,
				 imacarry_strerror(ret));
		assert_int_equal(list.digest_size, fx[i].digest_size);
		assert_int_equal(list.big_endian, fx[i].big_endian);
		assert_int_equal(imacarry_list_check(&list, false, &count, &w),
				 0);
		assert_int_equal(count, lines);
		free(buf);
		free(ascii);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_bad_args),
		cmocka_unit_test(test_ima_ng_record),
		cmocka_unit_test(test_legacy_ima),
		cmocka_unit_test(test_violation_and_pcr),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_prefix_max),
		cmocka_unit_test(test_bad_lengths),
		cmocka_unit_test(test_field_count_mismatch),
		cmocka_unit_test(test_bad_template),
		cmocka_unit_test(test_legacy_faults),
		cmocka_unit_test(test_template_cache),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_detect_fails),
		cmocka_unit_test(test_fixtures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
