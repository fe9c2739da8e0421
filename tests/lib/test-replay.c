// SPDX-License-Identifier: GPL-2.0-only
/* test-replay.c - unit tests for replay.c: banks, forms, violations, checks */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/evp.h>

#include "imacarry.h"
#include "test-core.h"

static const enum imacarry_algo four[] = {
	IMACARRY_ALGO_SHA1, IMACARRY_ALGO_SHA256, IMACARRY_ALGO_SHA384,
	IMACARRY_ALGO_SHA512,
};

/* The generator's STEM.padded.pcrs: every bank but SHA-1 padded. */
static const enum imacarry_form padded3[] = {
	IMACARRY_FORM_HASH, IMACARRY_FORM_PADDED_SHA1,
	IMACARRY_FORM_PADDED_SHA1, IMACARRY_FORM_PADDED_SHA1,
};

static void hex(const uint8_t *p, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
	out[2 * n] = '\0';
}

/* Replays @list into @r; returns how many records failed the check. */
static int replay_all(struct imacarry_replay *r,
		      const struct imacarry_list *list)
{
	struct imacarry_entry e;
	uint64_t pos = 0;
	int ret, bad = 0;

	while ((ret = imacarry_list_next(list, &pos, &e, NULL)) > 0) {
		ret = imacarry_replay_extend(r, list, &e);
		if (ret == -IMACARRY_ERR_DIGEST)
			bad++;
		else
			assert_int_equal(ret, 0);
	}
	assert_int_equal(ret, 0);
	return bad;
}

/* Compares every bank and PCR of @r with the "ALG PCR HEX" lines. */
static void expect_pcrs(const struct imacarry_replay *r, const char *text,
			const char *what)
{
	uint32_t listed = 0;
	const char *p = text;
	char alg[16], want[160], got[160];
	unsigned int pcr, n = 0;
	int used;

	while (sscanf(p, "%15s %u %159s%n", alg, &pcr, want, &used) == 3) {
		uint8_t v[IMACARRY_DIGEST_MAX];
		int algo = imacarry_algo_by_name(alg), size;

		p += used;
		assert_true(algo >= 0);
		assert_true(pcr < IMACARRY_PCR_MAX);
		size = imacarry_replay_get(r, algo, pcr, v, sizeof(v));
		assert_int_equal(size, imacarry_algo_size(algo));
		hex(v, size, got);
		if (strcmp(got, want))
			fail_msg("%s: %s PCR %u: got %s, want %s", what, alg,
				 pcr, got, want);
		listed |= 1u << pcr;
		n++;
	}
	assert_true(n > 0);
	for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++)
		assert_int_equal(imacarry_replay_touched(r, pcr),
				 (listed >> pcr) & 1);
}

/* The generator's lists replay to its PCR values, in all four banks. */
static void test_fixtures(void **state)
{
	struct tc_fixture fx[32];
	int n, i;

	n = tc_fixtures(fx, 32);
	assert_true(n >= 16);
	for (i = 0; i < n; i++) {
		struct imacarry_replay *r;
		struct imacarry_list list;
		size_t len, plen;
		uint8_t *buf = tc_fixture_file(&fx[i], "bin", &len);
		uint8_t *pcrs = tc_fixture_file(&fx[i], "pcrs", &plen);
		char *text;

		assert_non_null(buf);
		assert_non_null(pcrs);
		text = calloc(1, plen + 1);
		memcpy(text, pcrs, plen);
		assert_int_equal(imacarry_list_init(&list, buf, len, 0, -1,
						    NULL), 0);
		assert_int_equal(imacarry_replay_new(&r, four, 4), 0);
		assert_int_equal(replay_all(r, &list), 0);
		expect_pcrs(r, text, fx[i].stem);
		imacarry_replay_free(r);

		/* One bank at a time: the check then hashes on its own. */
		assert_int_equal(imacarry_replay_new(&r, &four[(i + 1) % 4],
						     1), 0);
		assert_int_equal(replay_all(r, &list), 0);
		imacarry_replay_free(r);
		free(text);
		free(buf);
		free(pcrs);
	}
}

static void test_algos(void **state)
{
	static const char *const names[] = { "sha1", "sha256", "sha384",
					     "sha512", "sm3" };
	static const unsigned int sizes[] = { 20, 32, 48, 64, 32 };
	unsigned int i;

	for (i = 0; i < IMACARRY_ALGO__MAX; i++) {
		assert_string_equal(imacarry_algo_name(i), names[i]);
		assert_int_equal(imacarry_algo_size(i), sizes[i]);
		assert_int_equal(imacarry_algo_by_name(names[i]), i);
	}
	assert_int_equal(imacarry_algo_by_name("SHA256"),
			 IMACARRY_ALGO_SHA256);
	assert_int_equal(imacarry_algo_by_name("sm3_256"), IMACARRY_ALGO_SM3);
	assert_int_equal(imacarry_algo_by_name("md5"), -IMACARRY_ERR_ALGO);
	assert_int_equal(imacarry_algo_by_name("sha"), -IMACARRY_ERR_ALGO);
	assert_int_equal(imacarry_algo_by_name(""), -IMACARRY_ERR_ALGO);
	assert_int_equal(imacarry_algo_by_name(NULL), -IMACARRY_ERR_ALGO);
	assert_null(imacarry_algo_name(IMACARRY_ALGO__MAX));
	assert_int_equal(imacarry_algo_size(IMACARRY_ALGO__MAX), 0);
}

static void test_new_and_args(void **state)
{
	static const enum imacarry_algo dup[] = { IMACARRY_ALGO_SHA1,
						  IMACARRY_ALGO_SHA1 };
	static const enum imacarry_algo bad[] = { IMACARRY_ALGO__MAX };
	enum imacarry_algo sm3 = IMACARRY_ALGO_SM3;
	struct imacarry_replay *r = (void *)1;
	uint8_t v[64] = { 0 };
	int ret;

	assert_int_equal(imacarry_replay_new(&r, dup, 2),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_replay_new(&r, bad, 1), -IMACARRY_ERR_ALGO);
	assert_int_equal(imacarry_replay_new(NULL, four, 4),
			 -IMACARRY_ERR_BADARG);
	/* SM3 when this OpenSSL has it, a clean ALGO error when not. */
	ret = imacarry_replay_new(&r, &sm3, 1);
	if (ret == 0) {
		assert_int_equal(imacarry_replay_get(r, sm3, 10, v, 64), 32);
		imacarry_replay_free(r);
	} else {
		assert_int_equal(ret, -IMACARRY_ERR_ALGO);
	}

	assert_int_equal(imacarry_replay_new(&r, four + 1, 1), 0);
	assert_int_equal(imacarry_replay_get(r, IMACARRY_ALGO_SHA1, 10, v, 64),
			 -IMACARRY_ERR_ALGO);
	assert_int_equal(imacarry_replay_get(r, IMACARRY_ALGO_SHA256, 24, v,
					     64), -IMACARRY_ERR_PCR);
	assert_int_equal(imacarry_replay_get(r, IMACARRY_ALGO_SHA256, 10, v,
					     31), -IMACARRY_ERR_NOSPACE);
	assert_int_equal(imacarry_replay_get(r, IMACARRY_ALGO_SHA256, 10, v,
					     32), 32);
	assert_true(v[0] == 0 && !memcmp(v, v + 1, 31));
	assert_int_equal(imacarry_replay_set(r, IMACARRY_ALGO_SHA256, 10, v,
					     20), -IMACARRY_ERR_BADLEN);
	assert_int_equal(imacarry_replay_set(r, IMACARRY_ALGO_SHA1, 10, v,
					     20), -IMACARRY_ERR_ALGO);
	assert_int_equal(imacarry_replay_set(r, IMACARRY_ALGO_SHA256, 24, v,
					     32), -IMACARRY_ERR_PCR);
	assert_false(imacarry_replay_touched(r, 10));
	assert_false(imacarry_replay_touched(r, 99));
	assert_false(imacarry_replay_touched(NULL, 10));
	imacarry_replay_free(r);
	imacarry_replay_free(NULL);
}

/* PCR_new = H(PCR_old || H(template data)), worked out here with EVP. */
static void sha256(const void *a, size_t alen, const void *b, size_t blen,
		   uint8_t *out)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	assert_non_null(ctx);
	assert_true(EVP_DigestInit_ex(ctx, EVP_sha256(), NULL));
	assert_true(EVP_DigestUpdate(ctx, a, alen));
	if (blen)
		assert_true(EVP_DigestUpdate(ctx, b, blen));
	assert_true(EVP_DigestFinal_ex(ctx, out, NULL));
	EVP_MD_CTX_free(ctx);
}

static void test_extend_rules(void **state)
{
	enum imacarry_algo bank = IMACARRY_ALGO_SHA256;
	uint8_t th[32], pcr[32] = { 0 }, ff[32], got[32], pad[256] = { 0 };
	struct imacarry_replay *r;
	struct imacarry_list list;
	struct imacarry_entry e;
	struct tc_list l = { .ds = 32 };
	uint64_t pos = 0;

	tc_ima_ng(&l, 10, 0, "/violation");
	tc_ima_ng(&l, 10, 1, "/data");
	tc_ima(&l, 10, 2, "/legacy");
	assert_int_equal(tc_init(&list, &l), 0);
	assert_int_equal(imacarry_replay_new(&r, &bank, 1), 0);

	/* A violation extends 0xff…, not its zero digest. */
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_true(e.violation);
	assert_int_equal(imacarry_replay_extend(r, &list, &e), 0);
	memset(ff, 0xff, sizeof(ff));
	sha256(pcr, 32, ff, 32, pcr);
	assert_int_equal(imacarry_replay_get(r, bank, 10, got, 32), 32);
	assert_memory_equal(got, pcr, 32);
	assert_true(imacarry_replay_touched(r, 10));
	assert_false(imacarry_replay_touched(r, 11));

	/* The record's digest (0x01…) is wrong: extended, then reported. */
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_int_equal(imacarry_replay_extend(r, &list, &e),
			 -IMACARRY_ERR_DIGEST);
	sha256(e.data, e.data_len, NULL, 0, th);
	sha256(pcr, 32, th, 32, pcr);
	assert_int_equal(imacarry_replay_get(r, bank, 10, got, 32), 32);
	assert_memory_equal(got, pcr, 32);

	/* 'ima': the digest, then the name zero-padded to 256 bytes. */
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	assert_true(e.legacy_ima);
	assert_int_equal(imacarry_replay_extend(r, &list, &e),
			 -IMACARRY_ERR_DIGEST);
	memcpy(pad, "/legacy", 7);
	sha256(e.field[0].data, 20, pad, 256, th);
	sha256(pcr, 32, th, 32, pcr);
	assert_int_equal(imacarry_replay_get(r, bank, 10, got, 32), 32);
	assert_memory_equal(got, pcr, 32);

	/* A record whose digest is right passes the check. */
	memcpy(l.buf + e.offset + 4, th, 32);
	assert_int_equal(imacarry_replay_extend(r, &list, &e), 0);

	e.pcr = 24;
	assert_int_equal(imacarry_replay_extend(r, &list, &e),
			 -IMACARRY_ERR_PCR);
	assert_int_equal(imacarry_replay_extend(NULL, &list, &e),
			 -IMACARRY_ERR_BADARG);
	imacarry_replay_free(r);
}

/* A flipped digest is caught whichever banks are replayed. */
static void test_digest_check(void **state)
{
	struct tc_fixture fx[32];
	int n, i, b;

	n = tc_fixtures(fx, 32);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		struct imacarry_list list;
		struct imacarry_entry e;
		size_t len;
		uint64_t pos = 0;
		uint8_t *buf = tc_fixture_file(&fx[i], "bin", &len);

		if (strncmp(fx[i].stem, "mixed-", 6))
			goto next;
		assert_int_equal(imacarry_list_init(&list, buf, len, 0, -1,
						    NULL), 0);
		assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
		assert_false(e.violation);
		buf[e.offset + 4 + list.digest_size - 1] ^= 1;
		for (b = 0; b < 4; b++) {
			struct imacarry_replay *r;

			assert_int_equal(imacarry_replay_new(&r, &four[b], 1),
					 0);
			assert_int_equal(replay_all(r, &list), 1);
			imacarry_replay_free(r);
			/* A padded bank alone still checks the list's algo. */
			assert_int_equal(imacarry_replay_new_forms(&r, &four[b],
								   &padded3[1],
								   1), 0);
			assert_int_equal(replay_all(r, &list), 1);
			imacarry_replay_free(r);
		}
next:
		free(buf);
	}
}

/* A list split anywhere: the second half from the first half's values. */
static void test_initial_values(void **state)
{
	struct tc_fixture fx[32];
	struct imacarry_replay *full, *first, *second;
	struct imacarry_list list, tail;
	struct imacarry_entry e;
	size_t len;
	uint64_t pos = 0, k;
	uint8_t *buf;
	unsigned int b, pcr;

	assert_true(tc_fixtures(fx, 32) > 0);
	buf = tc_fixture_file(&fx[0], "bin", &len);
	assert_non_null(buf);
	assert_int_equal(imacarry_list_init(&list, buf, len, 0, -1, NULL), 0);
	assert_int_equal(imacarry_replay_new(&full, four, 4), 0);
	assert_int_equal(replay_all(full, &list), 0);

	assert_int_equal(imacarry_replay_new(&first, four, 4), 0);
	for (k = 0; k < 9; k++) {
		assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
		assert_int_equal(imacarry_replay_extend(first, &list, &e), 0);
	}
	assert_int_equal(imacarry_replay_new(&second, four, 4), 0);
	for (b = 0; b < 4; b++) {
		for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++) {
			uint8_t v[64];
			int n = imacarry_replay_get(first, four[b], pcr, v, 64);

			assert_int_equal(imacarry_replay_set(second, four[b],
							     pcr, v, n), 0);
		}
	}
	assert_int_equal(imacarry_list_init(&tail, buf + pos, len - pos,
					    list.digest_size, list.big_endian,
					    NULL), 0);
	assert_int_equal(replay_all(second, &tail), 0);
	for (b = 0; b < 4; b++) {
		for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++) {
			uint8_t v[64], w[64];
			int n = imacarry_replay_get(full, four[b], pcr, v, 64);

			assert_int_equal(imacarry_replay_get(second, four[b],
							     pcr, w, 64), n);
			assert_memory_equal(v, w, n);
		}
	}
	imacarry_replay_free(full);
	imacarry_replay_free(first);
	imacarry_replay_free(second);
	free(buf);
}

/* The generator's lists replay to its padded values, and check clean. */
static void test_padded_fixtures(void **state)
{
	struct tc_fixture fx[32];
	int n, i;

	n = tc_fixtures(fx, 32);
	assert_true(n >= 16);
	for (i = 0; i < n; i++) {
		struct tc_fixture pfx = fx[i];
		struct imacarry_replay *r;
		struct imacarry_list list;
		size_t len, plen;
		uint8_t *buf = tc_fixture_file(&fx[i], "bin", &len);
		size_t sl = strlen(fx[i].stem);
		uint8_t *pcrs;
		char *text;

		assert_true(sl + sizeof(".padded") <= sizeof(pfx.stem));
		memcpy(pfx.stem + sl, ".padded", sizeof(".padded"));
		pcrs = tc_fixture_file(&pfx, "pcrs", &plen);
		if (strncmp(fx[i].stem, "mixed-", 6)) {
			/* Only the mixed set has padded values. */
			free(buf);
			free(pcrs);
			continue;
		}
		assert_non_null(buf);
		assert_non_null(pcrs);
		text = calloc(1, plen + 1);
		memcpy(text, pcrs, plen);
		assert_int_equal(imacarry_list_init(&list, buf, len, 0, -1,
						    NULL), 0);
		assert_int_equal(imacarry_replay_new_forms(&r, four, padded3,
							   4), 0);
		/* 32/48/64-byte lists: checked in their own hash still. */
		assert_int_equal(replay_all(r, &list), 0);
		expect_pcrs(r, text, pfx.stem);
		imacarry_replay_free(r);
		free(text);
		free(buf);
		free(pcrs);
	}
}

/* H(a || b) in @md, for vectors worked out here rather than in replay.c. */
static void md2(const EVP_MD *md, const void *a, size_t alen, const void *b,
		size_t blen, uint8_t *out)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	assert_non_null(ctx);
	assert_true(EVP_DigestInit_ex(ctx, md, NULL));
	assert_true(EVP_DigestUpdate(ctx, a, alen));
	if (blen)
		assert_true(EVP_DigestUpdate(ctx, b, blen));
	assert_true(EVP_DigestFinal_ex(ctx, out, NULL));
	EVP_MD_CTX_free(ctx);
}

/* Two records and a violation: SHA-1 template digests set right. */
static void padded_list(struct tc_list *l, struct imacarry_list *list)
{
	struct imacarry_entry e;
	uint64_t pos = 0;

	l->ds = 20;
	tc_ima_ng(l, 10, 1, "/usr/bin/padded");
	tc_ima_ng(l, 10, 0, "/violation");
	tc_ima(l, 11, 2, "/legacy");
	assert_int_equal(tc_init(list, l), 0);
	while (imacarry_list_next(list, &pos, &e, NULL) > 0) {
		uint8_t pad[256] = { 0 };

		if (e.violation)
			continue;
		if (e.legacy_ima) {
			memcpy(pad, e.field[1].data, e.field[1].len);
			md2(EVP_sha1(), e.field[0].data, 20, pad, 256,
			    l->buf + e.offset + 4);
		} else {
			md2(EVP_sha1(), e.data, e.data_len, NULL, 0,
			    l->buf + e.offset + 4);
		}
	}
}

/*
 * The padded form, by hand: every template digest is the SHA-1 one with
 * zeros up to the bank's size; a violation is 0xff… of the full size.
 */
static void test_padded_rules(void **state)
{
	static const enum imacarry_algo banks[] = {
		IMACARRY_ALGO_SHA384, IMACARRY_ALGO_SHA1,
		IMACARRY_ALGO_SHA512, IMACARRY_ALGO_SHA256,
	};
	static const enum imacarry_form forms[] = {
		IMACARRY_FORM_PADDED_SHA1, IMACARRY_FORM_HASH,
		IMACARRY_FORM_HASH, IMACARRY_FORM_PADDED_SHA1,
	};
	const EVP_MD *md[] = { EVP_sha384(), EVP_sha1(), EVP_sha512(),
			       EVP_sha256() };
	uint8_t want[4][2][64] = { { { 0 } } }, got[64], th[64], ff[64];
	struct imacarry_replay *r, *alone;
	struct imacarry_list list;
	struct imacarry_entry e;
	struct tc_list l = { .ds = 20 };
	uint64_t pos = 0;
	unsigned int b, size;

	padded_list(&l, &list);
	assert_int_equal(imacarry_replay_new_forms(&r, banks, forms, 4), 0);
	assert_int_equal(imacarry_replay_new_forms(&alone, banks, forms, 1),
			 0);
	memset(ff, 0xff, sizeof(ff));
	while (imacarry_list_next(&list, &pos, &e, NULL) > 0) {
		uint8_t pad[256] = { 0 };

		assert_int_equal(imacarry_replay_extend(r, &list, &e), 0);
		assert_int_equal(imacarry_replay_extend(alone, &list, &e), 0);
		for (b = 0; b < 4; b++) {
			uint8_t *pcr = want[b][e.pcr == 11];

			size = imacarry_algo_size(banks[b]);
			if (e.violation) {
				md2(md[b], pcr, size, ff, size, pcr);
				continue;
			}
			if (forms[b] == IMACARRY_FORM_HASH && e.legacy_ima) {
				memcpy(pad, e.field[1].data, e.field[1].len);
				md2(md[b], e.field[0].data, 20, pad, 256, th);
			} else if (forms[b] == IMACARRY_FORM_HASH) {
				md2(md[b], e.data, e.data_len, NULL, 0, th);
			} else {
				/* The list's own digest, zero-padded. */
				memset(th, 0, sizeof(th));
				memcpy(th, e.digest, 20);
			}
			md2(md[b], pcr, size, th, size, pcr);
		}
	}
	for (b = 0; b < 4; b++) {
		size = imacarry_algo_size(banks[b]);
		assert_int_equal(imacarry_replay_get(r, banks[b], 10, got, 64),
				 size);
		assert_memory_equal(got, want[b][0], size);
		assert_int_equal(imacarry_replay_get(r, banks[b], 11, got, 64),
				 size);
		assert_memory_equal(got, want[b][1], size);
	}
	/* Alone, the padded bank hashes SHA-1 itself and gets the same. */
	assert_int_equal(imacarry_replay_get(alone, banks[0], 10, got, 64), 48);
	assert_memory_equal(got, want[0][0], 48);
	assert_int_equal(imacarry_replay_get(alone, banks[0], 11, got, 64), 48);
	assert_memory_equal(got, want[0][1], 48);
	assert_true(memcmp(want[0][0], want[0][1], 48));

	/* A wrong SHA-1 digest is caught with no SHA-1 bank at all. */
	pos = 0;
	assert_int_equal(imacarry_list_next(&list, &pos, &e, NULL), 1);
	l.buf[e.offset + 4] ^= 0x80;
	assert_int_equal(imacarry_replay_extend(alone, &list, &e),
			 -IMACARRY_ERR_DIGEST);
	assert_int_equal(imacarry_replay_extend(r, &list, &e),
			 -IMACARRY_ERR_DIGEST);
	imacarry_replay_free(alone);
	imacarry_replay_free(r);
}

static void test_forms_args(void **state)
{
	enum imacarry_form bad = IMACARRY_FORM__MAX;
	enum imacarry_form padded = IMACARRY_FORM_PADDED_SHA1;
	enum imacarry_algo sha1 = IMACARRY_ALGO_SHA1;
	struct imacarry_replay *r = (void *)1, *p, *h;
	struct imacarry_list list;
	struct imacarry_entry e;
	struct tc_list l = { .ds = 20 };
	uint8_t a[20], b[20];
	uint64_t pos = 0;

	assert_int_equal(imacarry_replay_new_forms(&r, four, &bad, 1),
			 -IMACARRY_ERR_BADARG);
	assert_null(r);
	assert_int_equal(imacarry_replay_new_forms(NULL, four, padded3, 4),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_replay_new_forms(&r, NULL, padded3, 1),
			 -IMACARRY_ERR_BADARG);
	/* One bank twice is refused in any mix of forms. */
	{
		const enum imacarry_algo two[] = { IMACARRY_ALGO_SHA384,
						   IMACARRY_ALGO_SHA384 };
		const enum imacarry_form mix[] = { IMACARRY_FORM_HASH,
						   IMACARRY_FORM_PADDED_SHA1 };

		assert_int_equal(imacarry_replay_new_forms(&r, two, mix, 2),
				 -IMACARRY_ERR_BADARG);
	}
	/* NULL forms: every bank in its own hash, as imacarry_replay_new(). */
	assert_int_equal(imacarry_replay_new_forms(&r, four, NULL, 4), 0);
	imacarry_replay_free(r);

	/* SHA-1 padded to its own size is SHA-1. */
	padded_list(&l, &list);
	assert_int_equal(imacarry_replay_new_forms(&p, &sha1, &padded, 1), 0);
	assert_int_equal(imacarry_replay_new(&h, &sha1, 1), 0);
	while (imacarry_list_next(&list, &pos, &e, NULL) > 0) {
		assert_int_equal(imacarry_replay_extend(p, &list, &e), 0);
		assert_int_equal(imacarry_replay_extend(h, &list, &e), 0);
	}
	assert_int_equal(imacarry_replay_get(p, sha1, 10, a, 20), 20);
	assert_int_equal(imacarry_replay_get(h, sha1, 10, b, 20), 20);
	assert_memory_equal(a, b, 20);
	imacarry_replay_free(p);
	imacarry_replay_free(h);
}

/*
 * imacarry_replay_extend_value(): a value the caller keeps follows the
 * bank from another start, in whichever form's replay it is extended from:
 * here the first entry as padded SHA-1, the others in sha384, by hand.
 */
static void test_extend_value(void **state)
{
	const enum imacarry_algo sha384 = IMACARRY_ALGO_SHA384;
	const enum imacarry_form padded = IMACARRY_FORM_PADDED_SHA1;
	uint8_t start[48], value[48], want[48], th[64], pad[256], pcr[48];
	struct imacarry_replay *h, *p;
	struct imacarry_list list;
	struct imacarry_entry e;
	struct tc_list l = { .ds = 20 };
	uint64_t pos = 0;

	padded_list(&l, &list);
	assert_int_equal(imacarry_replay_new(&h, &sha384, 1), 0);
	assert_int_equal(imacarry_replay_new_forms(&p, &sha384, &padded, 1), 0);
	memset(start, 0x5a, sizeof(start));
	memcpy(value, start, sizeof(value));
	memcpy(want, start, sizeof(want));
	/* Nothing extended yet: no digest to follow. */
	assert_int_equal(imacarry_replay_extend_value(h, sha384, value, 48),
			 -IMACARRY_ERR_BADARG);
	while (imacarry_list_next(&list, &pos, &e, NULL) > 0) {
		struct imacarry_replay *from = e.index ? h : p;

		assert_int_equal(imacarry_replay_extend(h, &list, &e), 0);
		assert_int_equal(imacarry_replay_extend(p, &list, &e), 0);
		assert_int_equal(imacarry_replay_extend_value(from, sha384,
							      value, 48), 0);
		memset(th, 0, sizeof(th));
		if (e.violation) {
			memset(th, 0xff, 48);
		} else if (!e.index) {
			memcpy(th, e.digest, 20);
		} else if (e.legacy_ima) {
			memset(pad, 0, sizeof(pad));
			memcpy(pad, e.field[1].data, e.field[1].len);
			md2(EVP_sha384(), e.field[0].data, 20, pad, 256, th);
		} else {
			md2(EVP_sha384(), e.data, e.data_len, NULL, 0, th);
		}
		md2(EVP_sha384(), want, 48, th, 48, want);
		assert_memory_equal(value, want, 48);
	}
	assert_true(memcmp(value, start, 48));
	/* The replay's own PCRs are not the caller's value. */
	assert_int_equal(imacarry_replay_get(h, sha384, 10, pcr, 48), 48);
	assert_true(memcmp(pcr, value, 48));

	assert_int_equal(imacarry_replay_extend_value(NULL, sha384, value, 48),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_replay_extend_value(h, sha384, NULL, 48),
			 -IMACARRY_ERR_BADARG);
	assert_int_equal(imacarry_replay_extend_value(h, IMACARRY_ALGO_SHA256,
						      value, 32),
			 -IMACARRY_ERR_ALGO);
	assert_int_equal(imacarry_replay_extend_value(h, sha384, value, 32),
			 -IMACARRY_ERR_BADLEN);
	/* A failed extend leaves no digest behind to follow. */
	e.pcr = IMACARRY_PCR_MAX;
	assert_int_equal(imacarry_replay_extend(h, &list, &e),
			 -IMACARRY_ERR_PCR);
	memcpy(want, value, sizeof(want));
	assert_int_equal(imacarry_replay_extend_value(h, sha384, value, 48),
			 -IMACARRY_ERR_BADARG);
	assert_memory_equal(value, want, 48);
	imacarry_replay_free(h);
	imacarry_replay_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_algos),
		cmocka_unit_test(test_new_and_args),
		cmocka_unit_test(test_extend_rules),
		cmocka_unit_test(test_digest_check),
		cmocka_unit_test(test_initial_values),
		cmocka_unit_test(test_padded_fixtures),
		cmocka_unit_test(test_padded_rules),
		cmocka_unit_test(test_forms_args),
		cmocka_unit_test(test_extend_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
