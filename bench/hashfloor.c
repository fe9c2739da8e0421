// SPDX-License-Identifier: GPL-2.0-only
/* hashfloor.c - the hashing a sha1+sha256 replay cannot avoid, and nothing else */

/*
 * The bench's lower bound for `ima-carry replay --bank sha1 --bank sha256`:
 * for every record of a little-endian SHA-1 list it hashes the template
 * data with sha1 and with sha256 and extends both into the record's PCR, one
 * EVP context per bank, over the whole file mapped into memory at once. It
 * parses only what it must to find the data and checks only what keeps it
 * in bounds; it does not compare template digests, so it does a little less
 * work than a real replay. It prints "ALG PCR HEX" lines, the format of the
 * project's *.pcrs files, for every PCR the list extended.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "map.h"

#define NPCRS		24
#define SHA1_LEN	20
#define NBANKS		2

struct bank {
	const char *name;
	EVP_MD *md;
	EVP_MD_CTX *ctx;
	unsigned int len;
	uint8_t pcr[NPCRS][EVP_MAX_MD_SIZE];
	uint8_t ff[EVP_MAX_MD_SIZE];	/* what a violation extends */
};

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int bank_init(struct bank *b, const char *name)
{
	b->name = name;
	/* An explicit fetch keeps OpenSSL's per-init name lookup out of the loop. */
	b->md = EVP_MD_fetch(NULL, name, NULL);
	b->ctx = EVP_MD_CTX_new();
	if (!b->md || !b->ctx)
		return -1;
	b->len = (unsigned int)EVP_MD_get_size(b->md);
	memset(b->pcr, 0, sizeof(b->pcr));
	memset(b->ff, 0xff, sizeof(b->ff));
	return 0;
}

static void bank_free(struct bank *b)
{
	EVP_MD_CTX_free(b->ctx);
	EVP_MD_free(b->md);
}

/* pcr = H(pcr || digest) */
static int bank_extend(struct bank *b, unsigned int pcr, const uint8_t *digest)
{
	if (!EVP_DigestInit_ex2(b->ctx, b->md, NULL) ||
	    !EVP_DigestUpdate(b->ctx, b->pcr[pcr], b->len) ||
	    !EVP_DigestUpdate(b->ctx, digest, b->len) ||
	    !EVP_DigestFinal_ex(b->ctx, b->pcr[pcr], NULL))
		return -1;
	return 0;
}

static int bank_entry(struct bank *b, unsigned int pcr, bool violation,
		      const uint8_t *data, uint32_t len)
{
	uint8_t digest[EVP_MAX_MD_SIZE];

	if (violation)
		return bank_extend(b, pcr, b->ff);
	if (!EVP_DigestInit_ex2(b->ctx, b->md, NULL) ||
	    !EVP_DigestUpdate(b->ctx, data, len) ||
	    !EVP_DigestFinal_ex(b->ctx, digest, NULL))
		return -1;
	return bank_extend(b, pcr, digest);
}

static bool all_zero(const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

/* Returns the number of records, or -1 with a message naming the offset. */
static long long replay(const char *path, const uint8_t *buf, size_t len,
			struct bank *banks, bool *touched)
{
	size_t pos = 0, rec;
	long long n = 0;
	uint32_t pcr, name_len, data_len;
	const uint8_t *digest;
	bool violation;
	int i;

	while (pos < len) {
		rec = pos;
		if (len - pos < 4 + SHA1_LEN + 4)
			goto truncated;
		pcr = get_le32(buf + pos);
		digest = buf + pos + 4;
		name_len = get_le32(buf + pos + 4 + SHA1_LEN);
		pos += 4 + SHA1_LEN + 4;
		if (pcr >= NPCRS) {
			fprintf(stderr, "%s: offset %zu, entry %lld: PCR %u out of range\n",
				path, rec, n, pcr);
			return -1;
		}
		if (len - pos < name_len || len - pos - name_len < 4)
			goto truncated;
		if (name_len == 3 && !memcmp(buf + pos, "ima", 3)) {
			fprintf(stderr, "%s: offset %zu, entry %lld: legacy 'ima' template is not benchmarked\n",
				path, rec, n);
			return -1;
		}
		pos += name_len;
		data_len = get_le32(buf + pos);
		pos += 4;
		if (len - pos < data_len)
			goto truncated;
		violation = all_zero(digest, SHA1_LEN);
		for (i = 0; i < NBANKS; i++)
			if (bank_entry(&banks[i], pcr, violation, buf + pos,
				       data_len) < 0) {
				fprintf(stderr, "%s: offset %zu, entry %lld: %s failed\n",
					path, rec, n, banks[i].name);
				return -1;
			}
		touched[pcr] = true;
		pos += data_len;
		n++;
	}
	return n;

truncated:
	fprintf(stderr, "%s: offset %zu, entry %lld: record runs past the end\n",
		path, rec, n);
	return -1;
}

int main(int argc, char **argv)
{
	struct bank banks[NBANKS];
	bool touched[NPCRS] = { false };
	unsigned int pcr, j;
	int i, ret = 1;
	const uint8_t *buf;
	size_t len;

	if (argc != 2) {
		fprintf(stderr, "usage: %s LIST\n", argv[0]);
		return 2;
	}
	buf = map_file(argv[1], &len);
	if (!buf) {
		fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	memset(banks, 0, sizeof(banks));
	if (bank_init(&banks[0], "SHA1") < 0 ||
	    bank_init(&banks[1], "SHA256") < 0) {
		fprintf(stderr, "%s: OpenSSL has no sha1 or sha256\n", argv[0]);
		goto out;
	}
	if (replay(argv[1], buf, len, banks, touched) < 0)
		goto out;
	for (i = 0; i < NBANKS; i++)
		for (pcr = 0; pcr < NPCRS; pcr++) {
			if (!touched[pcr])
				continue;
			printf("%s %u ", i ? "sha256" : "sha1", pcr);
			for (j = 0; j < banks[i].len; j++)
				printf("%02x", banks[i].pcr[pcr][j]);
			putchar('\n');
		}
	ret = fflush(stdout) ? 1 : 0;
out:
	for (i = 0; i < NBANKS; i++)
		bank_free(&banks[i]);
	unmap_file(buf, len);
	return ret;
}
