// SPDX-License-Identifier: GPL-2.0-only
/* replay.c - PCR values recomputed from a list, one OpenSSL context per bank */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "imacarry-internal.h"

struct ic_bank {
	enum imacarry_algo algo;
	unsigned int size;
	bool padded;		/* IMACARRY_FORM_PADDED_SHA1 */
	EVP_MD *md;
	EVP_MD_CTX *ctx;
	/* The template digest last extended, for ..._extend_value(). */
	bool extended;
	uint8_t last[IMACARRY_DIGEST_MAX];
	uint8_t pcr[IMACARRY_PCR_MAX][IMACARRY_DIGEST_MAX];
};

struct imacarry_replay {
	unsigned int nbanks;
	uint32_t touched;	/* bit n: PCR n was extended */
	/* The list's own algorithm for the digest check, if no bank has it. */
	EVP_MD *check_md[4];
	EVP_MD_CTX *check_ctx;
	/* SHA-1 for the padded banks: the sha1 bank's or check_md's. */
	const EVP_MD *sha1_md;
	struct ic_bank bank[];
};

/* A list's template digest size names its algorithm (0 if none does). */
static int ic_list_algo(unsigned int digest_size)
{
	switch (digest_size) {
	case 20:
		return IMACARRY_ALGO_SHA1;
	case 32:
		return IMACARRY_ALGO_SHA256;
	case 48:
		return IMACARRY_ALGO_SHA384;
	case 64:
		return IMACARRY_ALGO_SHA512;
	default:
		return -IMACARRY_ERR_DIGESTSIZE;
	}
}

void imacarry_replay_free(struct imacarry_replay *r)
{
	unsigned int i;

	if (!r)
		return;
	for (i = 0; i < r->nbanks; i++) {
		EVP_MD_CTX_free(r->bank[i].ctx);
		EVP_MD_free(r->bank[i].md);
	}
	for (i = 0; i < IC_ARRAY_SIZE(r->check_md); i++)
		EVP_MD_free(r->check_md[i]);
	EVP_MD_CTX_free(r->check_ctx);
	free(r);
}

static struct ic_bank *ic_bank_of(const struct imacarry_replay *r,
				  unsigned int algo)
{
	unsigned int i;

	for (i = 0; i < r->nbanks; i++)
		if (r->bank[i].algo == algo)
			return (struct ic_bank *)&r->bank[i];
	return NULL;
}

int imacarry_replay_new(struct imacarry_replay **rp,
			const enum imacarry_algo *banks, unsigned int nbanks)
{
	return imacarry_replay_new_forms(rp, banks, NULL, nbanks);
}

/* A bank that hashes the template in its own algorithm, if any. */
static bool ic_hashes_in(const struct imacarry_replay *r, unsigned int algo)
{
	const struct ic_bank *b = ic_bank_of(r, algo);

	return b && !b->padded;
}

int imacarry_replay_new_forms(struct imacarry_replay **rp,
			      const enum imacarry_algo *banks,
			      const enum imacarry_form *forms,
			      unsigned int nbanks)
{
	struct imacarry_replay *r;
	unsigned int i;
	int ret = -IMACARRY_ERR_NOMEM;

	if (!rp || (!banks && nbanks) || nbanks > IMACARRY_ALGO__MAX)
		return -IMACARRY_ERR_BADARG;
	*rp = NULL;
	for (i = 0; i < nbanks; i++) {
		unsigned int j;

		if ((unsigned int)banks[i] >= IMACARRY_ALGO__MAX)
			return -IMACARRY_ERR_ALGO;
		if (forms && (unsigned int)forms[i] >= IMACARRY_FORM__MAX)
			return -IMACARRY_ERR_BADARG;
		/* One bank twice would only be replayed twice as slowly. */
		for (j = 0; j < i; j++)
			if (banks[j] == banks[i])
				return -IMACARRY_ERR_BADARG;
	}
	r = calloc(1, sizeof(*r) + nbanks * sizeof(r->bank[0]));
	if (!r)
		return -IMACARRY_ERR_NOMEM;
	/* Fetch once: EVP_DigestInit_ex2() then costs no lookup per entry. */
	for (i = 0; i < nbanks; i++) {
		struct ic_bank *b = &r->bank[i];

		b->algo = banks[i];
		b->size = imacarry_algo_size(banks[i]);
		/* Padded SHA-1 is SHA-1 itself: one code path for the bank. */
		b->padded = forms && forms[i] == IMACARRY_FORM_PADDED_SHA1 &&
			    banks[i] != IMACARRY_ALGO_SHA1;
		r->nbanks = i + 1;
		b->md = EVP_MD_fetch(NULL, ic_algo_ossl_name(banks[i]), NULL);
		if (!b->md) {
			ret = -IMACARRY_ERR_ALGO;
			goto fail;
		}
		b->ctx = EVP_MD_CTX_new();
		if (!b->ctx)
			goto fail;
	}
	for (i = 0; i < IC_ARRAY_SIZE(r->check_md); i++) {
		if (ic_hashes_in(r, i))
			continue;
		r->check_md[i] = EVP_MD_fetch(NULL, ic_algo_ossl_name(i), NULL);
		if (!r->check_md[i]) {
			ret = -IMACARRY_ERR_ALGO;
			goto fail;
		}
	}
	r->check_ctx = EVP_MD_CTX_new();
	if (!r->check_ctx)
		goto fail;
	if (ic_hashes_in(r, IMACARRY_ALGO_SHA1))
		r->sha1_md = ic_bank_of(r, IMACARRY_ALGO_SHA1)->md;
	else
		r->sha1_md = r->check_md[IMACARRY_ALGO_SHA1];
	*rp = r;
	return 0;
fail:
	imacarry_replay_free(r);
	return ret;
}

/* The checks of replay_set() and replay_get(): finds @algo's bank. */
static int pcr_bank(const struct imacarry_replay *r, const void *buf,
		    enum imacarry_algo algo, unsigned int pcr,
		    struct ic_bank **b)
{
	if (!r || !buf)
		return -IMACARRY_ERR_BADARG;
	if (pcr >= IMACARRY_PCR_MAX)
		return -IMACARRY_ERR_PCR;
	*b = ic_bank_of(r, algo);
	return *b ? 0 : -IMACARRY_ERR_ALGO;
}

int imacarry_replay_set(struct imacarry_replay *r, enum imacarry_algo algo,
			unsigned int pcr, const uint8_t *value, size_t len)
{
	struct ic_bank *b;
	int err;

	err = pcr_bank(r, value, algo, pcr, &b);
	if (err)
		return err;
	if (len != b->size)
		return -IMACARRY_ERR_BADLEN;
	memcpy(b->pcr[pcr], value, len);
	return 0;
}

/*
 * The template hash as ima_calc_field_array_hash() makes it: the template
 * data as listed (each field's length, in the list's byte order, then the
 * field), or for 'ima' the digest and the name zero-padded to 256 bytes.
 */
static int ic_template_hash(EVP_MD_CTX *ctx, const EVP_MD *md,
			    const struct imacarry_entry *e, uint8_t *out)
{
	static const uint8_t zeros[IMACARRY_IMA_NAME_PAD];

	if (!EVP_DigestInit_ex2(ctx, md, NULL))
		return -IMACARRY_ERR_ALGO;
	if (e->legacy_ima) {
		const struct imacarry_field *d = &e->field[0];
		const struct imacarry_field *n = &e->field[1];

		if (e->nfields != 2 || n->len > IMACARRY_IMA_NAME_PAD)
			return -IMACARRY_ERR_BADARG;
		if (!EVP_DigestUpdate(ctx, d->data, d->len) ||
		    !EVP_DigestUpdate(ctx, n->data, n->len) ||
		    !EVP_DigestUpdate(ctx, zeros,
				      IMACARRY_IMA_NAME_PAD - n->len))
			return -IMACARRY_ERR_ALGO;
	} else if (!EVP_DigestUpdate(ctx, e->data, e->data_len)) {
		return -IMACARRY_ERR_ALGO;
	}
	if (!EVP_DigestFinal_ex(ctx, out, NULL))
		return -IMACARRY_ERR_ALGO;
	return 0;
}

/* A TPM extend: @value becomes H(@value || @th), both of the bank's size. */
static int ic_extend(struct ic_bank *b, uint8_t *value, const uint8_t *th)
{
	if (!EVP_DigestInit_ex2(b->ctx, b->md, NULL) ||
	    !EVP_DigestUpdate(b->ctx, value, b->size) ||
	    !EVP_DigestUpdate(b->ctx, th, b->size) ||
	    !EVP_DigestFinal_ex(b->ctx, value, NULL))
		return -IMACARRY_ERR_ALGO;
	return 0;
}

int imacarry_replay_extend(struct imacarry_replay *r,
			   const struct imacarry_list *list,
			   const struct imacarry_entry *e)
{
	uint8_t check[IMACARRY_DIGEST_MAX];
	uint8_t sha1[IMACARRY_SHA1_SIZE];
	bool have_sha1 = false, checked = false, mismatch = false;
	int list_algo;
	unsigned int i;
	int ret;

	if (!r || !list || !e)
		return -IMACARRY_ERR_BADARG;
	/* On an error, no bank has a digest for ..._extend_value(). */
	for (i = 0; i < r->nbanks; i++)
		r->bank[i].extended = false;
	if (e->pcr >= IMACARRY_PCR_MAX)
		return -IMACARRY_ERR_PCR;
	list_algo = ic_list_algo(list->digest_size);
	if (list_algo < 0)
		return list_algo;

	for (i = 0; i < r->nbanks; i++) {
		struct ic_bank *b = &r->bank[i];
		uint8_t *th = b->last;

		if (e->violation) {
			/*
			 * A violation invalidates the PCR: extend 0xff…, not
			 * zero. Padded banks too get 0xff… of their full
			 * size: ima_init_digests() cuts it to SHA-1's size
			 * only for a TPM algorithm the kernel cannot name,
			 * and every imacarry_algo is one it can.
			 */
			memset(th, 0xff, b->size);
		} else if (b->padded || b->algo == IMACARRY_ALGO_SHA1) {
			/* The SHA-1 digest once for every bank that uses it. */
			if (!have_sha1) {
				ret = ic_template_hash(b->ctx, r->sha1_md, e,
						       sha1);
				if (ret < 0)
					return ret;
				have_sha1 = true;
			}
			/* ima_calc_field_array_hash(): copied into zeros. */
			memcpy(th, sha1, sizeof(sha1));
			memset(th + sizeof(sha1), 0, b->size - sizeof(sha1));
		} else {
			ret = ic_template_hash(b->ctx, b->md, e, th);
			if (ret < 0)
				return ret;
		}
		if (!e->violation && !b->padded &&
		    b->algo == (unsigned int)list_algo) {
			mismatch = memcmp(th, e->digest, b->size);
			checked = true;
		}
		ret = ic_extend(b, b->pcr[e->pcr], th);
		if (ret < 0)
			return ret;
		b->extended = true;
	}
	r->touched |= 1u << e->pcr;

	/* No bank hashed in the list's own algorithm: hash once more. */
	if (!e->violation && !checked) {
		if (list_algo == IMACARRY_ALGO_SHA1 && have_sha1) {
			memcpy(check, sha1, sizeof(sha1));
		} else {
			ret = ic_template_hash(r->check_ctx,
					       r->check_md[list_algo], e,
					       check);
			if (ret < 0)
				return ret;
		}
		mismatch = memcmp(check, e->digest, list->digest_size);
	}
	return mismatch ? -IMACARRY_ERR_DIGEST : 0;
}

int imacarry_replay_extend_value(struct imacarry_replay *r,
				 enum imacarry_algo algo, uint8_t *value,
				 size_t len)
{
	struct ic_bank *b;

	if (!r || !value)
		return -IMACARRY_ERR_BADARG;
	b = ic_bank_of(r, algo);
	if (!b)
		return -IMACARRY_ERR_ALGO;
	if (len != b->size)
		return -IMACARRY_ERR_BADLEN;
	if (!b->extended)
		return -IMACARRY_ERR_BADARG;
	return ic_extend(b, value, b->last);
}

int imacarry_replay_get(const struct imacarry_replay *r,
			enum imacarry_algo algo, unsigned int pcr,
			uint8_t *out, size_t size)
{
	struct ic_bank *b;
	int err;

	err = pcr_bank(r, out, algo, pcr, &b);
	if (err)
		return err;
	if (size < b->size)
		return -IMACARRY_ERR_NOSPACE;
	memcpy(out, b->pcr[pcr], b->size);
	return (int)b->size;
}

bool imacarry_replay_touched(const struct imacarry_replay *r, unsigned int pcr)
{
	return r && pcr < IMACARRY_PCR_MAX && (r->touched >> pcr) & 1;
}
