// SPDX-License-Identifier: GPL-2.0-only
/* algo.c - bank algorithm names and sizes, free of OpenSSL */
#include <stddef.h>
#include <strings.h>

#include "imacarry-internal.h"

/*
 * Kept apart from replay.c so that a static link of the list, blob and
 * snapshot code (kexec) does not pull in libcrypto.
 */
static const struct {
	const char *name;	/* the kernel's hash_algo_name[] */
	const char *ossl;	/* OpenSSL's fetch name */
	unsigned int size;
} ic_algos[IMACARRY_ALGO__MAX] = {
	[IMACARRY_ALGO_SHA1] = { "sha1", "SHA1", 20 },
	[IMACARRY_ALGO_SHA256] = { "sha256", "SHA256", 32 },
	[IMACARRY_ALGO_SHA384] = { "sha384", "SHA384", 48 },
	[IMACARRY_ALGO_SHA512] = { "sha512", "SHA512", 64 },
	[IMACARRY_ALGO_SM3] = { "sm3", "SM3", 32 },
};

int imacarry_algo_by_name(const char *name)
{
	unsigned int i;

	if (!name)
		return -IMACARRY_ERR_ALGO;
	/* TPM and tooling names for SM3 differ from the kernel's. */
	if (!strcasecmp(name, "sm3_256") || !strcasecmp(name, "sm3-256"))
		return IMACARRY_ALGO_SM3;
	for (i = 0; i < IMACARRY_ALGO__MAX; i++)
		if (!strcasecmp(name, ic_algos[i].name))
			return (int)i;
	return -IMACARRY_ERR_ALGO;
}

const char *imacarry_algo_name(enum imacarry_algo algo)
{
	if ((unsigned int)algo >= IMACARRY_ALGO__MAX)
		return NULL;
	return ic_algos[algo].name;
}

unsigned int imacarry_algo_size(enum imacarry_algo algo)
{
	if ((unsigned int)algo >= IMACARRY_ALGO__MAX)
		return 0;
	return ic_algos[algo].size;
}

const char *ic_algo_ossl_name(enum imacarry_algo algo)
{
	if ((unsigned int)algo >= IMACARRY_ALGO__MAX)
		return NULL;
	return ic_algos[algo].ossl;
}
