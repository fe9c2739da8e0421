// SPDX-License-Identifier: GPL-2.0-only
/* test-tpm-softreboot.c - a soft reboot against an in-process libtpms TPM */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>
#include <libtpms/tpm_error.h>
#include <libtpms/tpm_library.h>
#include <openssl/evp.h>

#include "imacarry.h"
#include "blob-fixtures.h"

/*
 * The TPM keeps PCR 10 across kexec; the list is what ima-carry carries.
 * Boot 1 measures and extends, its list goes through pack, a device tree,
 * extract and unpack (what the next kernel does), boot 2 appends to it and
 * extends too: the carried list then replays to the TPM's PCR 10 in every
 * bank, and boot 2's own entries alone do not.
 *
 * Both kernels lack sha384 at IMA init, as Debian's do (it is a module
 * there): they extend that bank with the SHA-1 template digest padded with
 * zeros, and only the padded replay of the bank matches the TPM.
 */

#define PCR		10
#define TPM_ALG_SHA1	0x0004
#define TPM_ALG_SHA256	0x000b
#define TPM_ALG_SHA384	0x000c

/* ---- libtpms NVRAM in memory: one slot per name ---- */

struct nv_slot {
	char name[64];
	unsigned char *data;
	uint32_t len;
};

#define IC_NV_SLOTS	8

static struct nv_slot nv[IC_NV_SLOTS];

static struct nv_slot *nv_find(const char *name, bool create)
{
	unsigned int i;

	for (i = 0; i < IC_NV_SLOTS; i++)
		if (nv[i].data && !strcmp(nv[i].name, name))
			return &nv[i];
	if (!create)
		return NULL;
	for (i = 0; i < IC_NV_SLOTS; i++)
		if (!nv[i].data) {
			snprintf(nv[i].name, sizeof(nv[i].name), "%s", name);
			return &nv[i];
		}
	return NULL;
}

static TPM_RESULT nv_init(void)
{
	return TPM_SUCCESS;
}

static TPM_RESULT nv_load(unsigned char **data, uint32_t *length,
			  uint32_t tpm_number, const char *name)
{
	struct nv_slot *s = nv_find(name, false);

	/* TPM_RETRY: nothing stored yet, so libtpms manufactures a TPM. */
	if (!s)
		return TPM_RETRY;
	*data = malloc(s->len);
	if (!*data)
		return TPM_FAIL;
	memcpy(*data, s->data, s->len);
	*length = s->len;
	return TPM_SUCCESS;
}

static TPM_RESULT nv_store(const unsigned char *data, uint32_t length,
			   uint32_t tpm_number, const char *name)
{
	struct nv_slot *s = nv_find(name, true);
	unsigned char *copy;

	if (!s)
		return TPM_FAIL;
	copy = malloc(length ? length : 1);
	if (!copy)
		return TPM_FAIL;
	memcpy(copy, data, length);
	free(s->data);
	s->data = copy;
	s->len = length;
	return TPM_SUCCESS;
}

static TPM_RESULT nv_delete(uint32_t tpm_number, const char *name,
			    TPM_BOOL must_exist)
{
	struct nv_slot *s = nv_find(name, false);

	if (!s)
		return must_exist ? TPM_FAIL : TPM_SUCCESS;
	free(s->data);
	memset(s, 0, sizeof(*s));
	return TPM_SUCCESS;
}

static TPM_RESULT io_init(void)
{
	return TPM_SUCCESS;
}

static TPM_RESULT io_locality(TPM_MODIFIER_INDICATOR *loc, uint32_t tpm_number)
{
	*loc = 0;
	return TPM_SUCCESS;
}

static TPM_RESULT io_pp(TPM_BOOL *pp, uint32_t tpm_number)
{
	*pp = FALSE;
	return TPM_SUCCESS;
}

/* ---- TPM 2.0 commands, built byte by byte (TPM 2.0 Part 3) ---- */

static unsigned char *resp;
static uint32_t resp_size, resp_cap;

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Sends @len bytes of @cmd (its size field is filled in here). */
static void tpm_cmd(uint8_t *cmd, uint32_t len)
{
	put32(cmd + 2, len);
	assert_int_equal(TPMLIB_Process(&resp, &resp_size, &resp_cap, cmd,
					len), TPM_SUCCESS);
	assert_true(resp_size >= 10);
	/* The response code. */
	assert_int_equal(get32(resp + 6), 0);
}

static void tpm_startup(void)
{
	uint8_t cmd[12] = { 0x80, 0x01 };

	put32(cmd + 6, 0x00000144);	/* TPM2_Startup */
	put16(cmd + 10, 0x0000);	/* TPM_SU_CLEAR */
	tpm_cmd(cmd, sizeof(cmd));
}

/* TPM2_PCR_Extend of PCR 10 with a SHA-1, SHA-256 and SHA-384 digest. */
static void tpm_extend(const uint8_t *sha1, const uint8_t *sha256,
		       const uint8_t *sha384)
{
	uint8_t cmd[192] = { 0x80, 0x02 };
	uint32_t n = 10;

	put32(cmd + 6, 0x00000182);	/* TPM2_PCR_Extend */
	put32(cmd + n, PCR);
	n += 4;
	/* One password session with an empty password. */
	put32(cmd + n, 9);
	n += 4;
	put32(cmd + n, 0x40000009);	/* TPM_RS_PW */
	n += 4;
	put16(cmd + n, 0);		/* nonce */
	n += 2;
	cmd[n++] = 0;			/* session attributes */
	put16(cmd + n, 0);		/* hmac */
	n += 2;
	put32(cmd + n, 3);		/* TPML_DIGEST_VALUES.count */
	n += 4;
	put16(cmd + n, TPM_ALG_SHA1);
	n += 2;
	memcpy(cmd + n, sha1, 20);
	n += 20;
	put16(cmd + n, TPM_ALG_SHA256);
	n += 2;
	memcpy(cmd + n, sha256, 32);
	n += 32;
	put16(cmd + n, TPM_ALG_SHA384);
	n += 2;
	memcpy(cmd + n, sha384, 48);
	n += 48;
	tpm_cmd(cmd, n);
}

/* TPM2_PCR_Read of PCR 10 in one bank. */
static void tpm_read(uint16_t alg, uint8_t *out, unsigned int size)
{
	uint8_t cmd[20] = { 0x80, 0x01 };
	const uint8_t *p;

	put32(cmd + 6, 0x0000017e);	/* TPM2_PCR_Read */
	put32(cmd + 10, 1);		/* TPML_PCR_SELECTION.count */
	put16(cmd + 14, alg);
	cmd[16] = 3;			/* sizeofSelect */
	cmd[17] = 0;
	cmd[18] = 1 << (PCR - 8);	/* PCR 10: byte 1, bit 2 */
	cmd[19] = 0;
	tpm_cmd(cmd, sizeof(cmd));
	/* header, pcrUpdateCounter, the selection echoed, digest count */
	p = resp + 10 + 4 + (4 + 2 + 1 + 3);
	assert_true(resp_size >= 10 + 4 + 10 + 4 + 2 + size);
	assert_int_equal(get32(p), 1);
	p += 4;
	assert_int_equal(p[0] << 8 | p[1], size);
	memcpy(out, p + 2, size);
}

/* ---- the two boots ---- */

/* Measures @n files: the list gets the records, the TPM the extends. */
static void boot(struct fx_list *l, unsigned int first, unsigned int n)
{
	uint8_t data[4 + 8 + 32 + 4 + 256], sha1[20], sha256[32], sha384[48];
	char path[64];
	unsigned int i;
	size_t len;

	for (i = first; i < first + n; i++) {
		bool violation = i % 5 == 3;

		snprintf(path, sizeof(path), "/usr/lib/boot/file%u", i);
		fx_add_ng(l, PCR, path, i, violation);
		/*
		 * A violation extends all ones, as ima_add_violation() does,
		 * in the padded bank too: ima_init_digests() fills all of a
		 * bank whose algorithm the kernel can name.
		 */
		if (violation) {
			memset(sha1, 0xff, sizeof(sha1));
			memset(sha256, 0xff, sizeof(sha256));
			memset(sha384, 0xff, sizeof(sha384));
		} else {
			len = fx_ng_data(l->be, path, i, data);
			assert_true(EVP_Digest(data, len, sha1, NULL,
					       EVP_sha1(), NULL));
			assert_true(EVP_Digest(data, len, sha256, NULL,
					       EVP_sha256(), NULL));
			/* No sha384 tfm: ima_calc_field_array_hash() pads. */
			memset(sha384, 0, sizeof(sha384));
			memcpy(sha384, sha1, sizeof(sha1));
		}
		tpm_extend(sha1, sha256, sha384);
	}
}

/*
 * Replays @buf into PCR 10 and compares with the TPM in every bank, sha384
 * in @sha384_form; returns how many banks match.
 */
static unsigned int replay_same(const uint8_t *buf, size_t len,
				enum imacarry_form sha384_form)
{
	static const enum imacarry_algo banks[] = {
		IMACARRY_ALGO_SHA1, IMACARRY_ALGO_SHA256, IMACARRY_ALGO_SHA384,
	};
	static const uint16_t tpm_alg[] = {
		TPM_ALG_SHA1, TPM_ALG_SHA256, TPM_ALG_SHA384,
	};
	const enum imacarry_form forms[] = {
		IMACARRY_FORM_HASH, IMACARRY_FORM_HASH, sha384_form,
	};
	uint8_t mine[IMACARRY_DIGEST_MAX], tpm[IMACARRY_DIGEST_MAX];
	struct imacarry_replay *r;
	struct imacarry_list list;
	struct imacarry_entry e;
	struct imacarry_where w;
	unsigned int i, same = 0;
	uint64_t pos = 0;
	int ret, size;

	assert_int_equal(imacarry_list_init(&list, buf, len, 20, 0, &w), 0);
	assert_int_equal(imacarry_replay_new_forms(&r, banks, forms, 3), 0);
	while ((ret = imacarry_list_next(&list, &pos, &e, &w)) > 0)
		assert_int_equal(imacarry_replay_extend(r, &list, &e), 0);
	assert_int_equal(ret, 0);
	for (i = 0; i < 3; i++) {
		size = imacarry_replay_get(r, banks[i], PCR, mine,
					   sizeof(mine));
		assert_int_equal(size, imacarry_algo_size(banks[i]));
		tpm_read(tpm_alg[i], tpm, (unsigned int)size);
		same += !memcmp(mine, tpm, (size_t)size);
	}
	imacarry_replay_free(r);
	return same;
}

static bool replay_matches(const uint8_t *buf, size_t len)
{
	unsigned int same = replay_same(buf, len, IMACARRY_FORM_PADDED_SHA1);

	/* Every bank agrees, or none does: a part match would be a bug. */
	assert_true(same == 0 || same == 3);
	return same == 3;
}

static void test_soft_reboot(void **state)
{
	struct libtpms_callbacks cbs = {
		.sizeOfStruct = sizeof(cbs),
		.tpm_nvram_init = nv_init,
		.tpm_nvram_loaddata = nv_load,
		.tpm_nvram_storedata = nv_store,
		.tpm_nvram_deletename = nv_delete,
		.tpm_io_init = io_init,
		.tpm_io_getlocality = io_locality,
		.tpm_io_getphysicalpresence = io_pp,
	};
	struct fx_list boot1 = { 0 }, boot2 = { 0 }, next = { 0 };
	struct imacarry_blob_hdr h;
	struct imacarry_list view = { .digest_size = 20 }, carried;
	struct imacarry_where w;
	uint64_t tree[2048], count;
	const void *prop;
	size_t blob_len, prop_len, need;
	uint8_t *blob, *raw;

	assert_int_equal(TPMLIB_ChooseTPMVersion(TPMLIB_TPM_VERSION_2),
			 TPM_SUCCESS);
	assert_int_equal(TPMLIB_RegisterCallbacks(&cbs), TPM_SUCCESS);
	assert_int_equal(TPMLIB_MainInit(), TPM_SUCCESS);
	tpm_startup();

	/* Boot 1: measure, and carry the list over a kexec_load. */
	boot(&boot1, 0, 40);
	assert_true(replay_matches(boot1.buf, boot1.len));
	view.buf = boot1.buf;
	view.len = boot1.len;
	blob = malloc(imacarry_blob_bound(boot1.len));
	assert_non_null(blob);
	assert_int_equal(imacarry_blob_pack(&view, 0, blob,
					    imacarry_blob_bound(boot1.len),
					    &blob_len, NULL, NULL), 0);
	assert_int_equal(fdt_create_empty_tree(tree, 256), 0);
	assert_int_equal(imacarry_fdt_put(tree, 256, blob, blob_len, &need),
			 -IMACARRY_ERR_NOSPACE);
	assert_true(need <= sizeof(tree));
	assert_int_equal(imacarry_fdt_put(tree, sizeof(tree), blob, blob_len,
					  NULL),
			 0);
	free(blob);

	/* The next kernel: find, check and unpack the blob. */
	assert_int_equal(imacarry_fdt_get(tree, fdt_totalsize(tree), &prop,
					  &prop_len), 0);
	assert_int_equal(imacarry_blob_check(prop, prop_len, &h, &w), 0);
	raw = malloc(h.raw_len);
	assert_non_null(raw);
	assert_int_equal(imacarry_blob_unpack(prop, prop_len, raw, h.raw_len,
					      NULL, &w), 0);
	assert_int_equal(imacarry_payload_list(raw, h.raw_len, false, &carried,
					       &count, &w), 0);
	assert_int_equal(count, boot1.count);

	/* Boot 2 restores the carried list and measures on after it. */
	fx_bytes(&next, carried.buf, carried.len);
	free(raw);
	boot(&boot2, 40, 25);
	fx_bytes(&next, boot2.buf, boot2.len);

	assert_true(replay_matches(next.buf, next.len));
	/* sha384 in its own hash is not what these kernels extended. */
	assert_int_equal(replay_same(next.buf, next.len, IMACARRY_FORM_HASH),
			 2);
	/* Without the carried list, attestation fails: the reason for all. */
	assert_false(replay_matches(boot2.buf, boot2.len));

	fx_free(&boot1);
	fx_free(&boot2);
	fx_free(&next);
	TPMLIB_Terminate();
	free(resp);
	for (count = 0; count < IC_NV_SLOTS; count++)
		free(nv[count].data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_soft_reboot),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
