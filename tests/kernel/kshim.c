// SPDX-License-Identifier: GPL-2.0-only
/* kshim.c - the fakes behind kshim.h: printk, allocation, /chosen, restore */
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ima.h"

#include "kparse.h"

char kshim_log[8192];
unsigned int kshim_nerr, kshim_nwarn, kshim_ninfo;
unsigned int kshim_fail_kvmalloc_at;
unsigned int kshim_nkvmalloc;
bool kshim_prop_removed;
long kshim_restore_stop_after = -1;
int kshim_restore_ret;
unsigned int kshim_restore_calls;

bool kshim_kdump;
int kshim_pcr_read_ret;
unsigned char kshim_pcr10[TPM2_MAX_PCR_BANKS][TPM2_MAX_DIGEST_SIZE];
bool kshim_fail_shash;
const char *kshim_no_shash;

bool ima_canonical_fmt;
struct tpm_chip *ima_tpm_chip;
void *initial_boot_params;
const char *const hash_algo_name[HASH_ALGO__LAST] = {
	"sha1", "sha256", "sha384", "sha512"
};
static struct tpm_chip chip;
static void *fdt_map;
static size_t fdt_map_len;
struct ima_h_table ima_htable;
struct list_head ima_measurements = { &ima_measurements, &ima_measurements };

static struct device_node chosen = { "/chosen" };
struct device_node *of_chosen;
static struct property prop = { "linux,ima-carry", 0, NULL };
static void *prop_map;
static size_t prop_map_len;

void kshim_printk(int level, const char *fmt, ...)
{
	size_t used = strlen(kshim_log);
	va_list ap;

	if (level == KSHIM_ERR)
		kshim_nerr++;
	else if (level == KSHIM_WARNING)
		kshim_nwarn++;
	else
		kshim_ninfo++;
	va_start(ap, fmt);
	vsnprintf(kshim_log + used, sizeof(kshim_log) - used, fmt, ap);
	va_end(ap);
}

void *kvmalloc(size_t size, unsigned int gfp)
{
	(void)gfp;
	if (++kshim_nkvmalloc == kshim_fail_kvmalloc_at)
		return NULL;
	/* malloc(0) may return NULL; the kernel's never gets asked for 0. */
	return malloc(size ? size : 1);
}

void kvfree(const void *p)
{
	free((void *)p);
}

void *kmalloc(size_t size, unsigned int gfp)
{
	(void)gfp;
	return malloc(size ? size : 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

/* ---- /chosen ---- */

static void unmap_prop(void)
{
	if (prop_map)
		munmap(prop_map, prop_map_len);
	prop_map = NULL;
	prop.value = NULL;
	prop.length = 0;
}

void kshim_set_prop(const void *blob, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	void *map;

	unmap_prop();
	kshim_prop_removed = false;
	if (!blob) {
		of_chosen = NULL;
		return;
	}
	of_chosen = &chosen;
	prop_map_len = (len + page - 1) / page * page;
	if (!prop_map_len)
		prop_map_len = page;
	map = mmap(NULL, prop_map_len, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		abort();
	/* Flush the blob against the end, so reading past it faults. */
	memcpy((char *)map + prop_map_len - len, blob, len);
	if (mprotect(map, prop_map_len, PROT_READ))
		abort();
	prop_map = map;
	prop.value = (char *)map + prop_map_len - len;
	prop.length = (int)len;
}

struct property *of_find_property(const struct device_node *np,
				  const char *name, int *lenp)
{
	if (!np || np != &chosen || !prop.value || kshim_prop_removed ||
	    strcmp(name, prop.name))
		return NULL;
	if (lenp)
		*lenp = prop.length;
	return &prop;
}

int of_remove_property(struct device_node *np, struct property *p)
{
	if (np != &chosen || p != &prop || kshim_prop_removed)
		abort();
	kshim_prop_removed = true;
	return 0;
}

/* ---- the booted flattened tree, as arm64 with ACPI leaves it ---- */

static void unmap_fdt(void)
{
	if (fdt_map)
		munmap(fdt_map, fdt_map_len);
	fdt_map = NULL;
	initial_boot_params = NULL;
}

void kshim_set_fdt_prop(const void *blob, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	int node;

	kshim_set_prop(NULL, 0);
	unmap_fdt();
	fdt_map_len = (len + 4096 + page - 1) / page * page;
	fdt_map = mmap(NULL, fdt_map_len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (fdt_map == MAP_FAILED)
		abort();
	if (fdt_create_empty_tree(fdt_map, (int)fdt_map_len))
		abort();
	node = fdt_add_subnode(fdt_map, 0, "chosen");
	if (node < 0)
		abort();
	if (blob && fdt_setprop(fdt_map, node, "linux,ima-carry", blob,
				(int)len))
		abort();
	/* The kernel only reads the booted tree: arm64 maps it read-only. */
	if (mprotect(fdt_map, fdt_map_len, PROT_READ))
		abort();
	initial_boot_params = fdt_map;
}

/* ---- the TPM ---- */

void kshim_set_tpm(const char *const *algos, unsigned int n)
{
	unsigned int i, a;

	memset(&chip, 0, sizeof(chip));
	ima_tpm_chip = n ? &chip : NULL;
	for (i = 0; i < n && i < TPM2_MAX_PCR_BANKS; i++) {
		for (a = 0; a < HASH_ALGO__LAST; a++)
			if (!strcmp(algos[i], hash_algo_name[a]))
				break;
		chip.allocated_banks[i].alg_id = (u16)(0x100 + i);
		chip.allocated_banks[i].crypto_id = (u16)a;
		chip.allocated_banks[i].digest_size = a == HASH_ALGO__LAST ?
			20 : (u16)EVP_MD_get_size(EVP_get_digestbyname(algos[i]));
	}
	chip.nr_allocated_banks = (int)i;
}

int tpm_pcr_read(struct tpm_chip *c, u32 pcr_idx, struct tpm_digest *digest)
{
	int i;

	if (c != &chip || pcr_idx != 10)
		abort();
	if (kshim_pcr_read_ret)
		return kshim_pcr_read_ret;
	for (i = 0; i < chip.nr_allocated_banks; i++)
		if (chip.allocated_banks[i].alg_id == digest->alg_id)
			break;
	if (i == chip.nr_allocated_banks)
		abort();
	memcpy(digest->digest, kshim_pcr10[i], TPM2_MAX_DIGEST_SIZE);
	return 0;
}

/* ---- crypto_shash ---- */

struct crypto_shash *crypto_alloc_shash(const char *name, u32 type, u32 mask)
{
	struct crypto_shash *tfm;

	(void)type;
	(void)mask;
	if (kshim_fail_shash || (kshim_no_shash && !strcmp(name, kshim_no_shash)))
		return ERR_PTR(-ENOENT);
	tfm = malloc(sizeof(*tfm));
	if (!tfm)
		abort();
	tfm->md = EVP_get_digestbyname(name);
	if (!tfm->md)
		abort();
	return tfm;
}

void crypto_free_shash(struct crypto_shash *tfm)
{
	free(tfm);
}

int crypto_shash_init(struct shash_desc *desc)
{
	if (desc->ctx)
		abort();
	desc->ctx = EVP_MD_CTX_new();
	if (!desc->ctx || !EVP_DigestInit_ex(desc->ctx, desc->tfm->md, NULL))
		abort();
	return 0;
}

int crypto_shash_update(struct shash_desc *desc, const u8 *data,
			unsigned int len)
{
	if (!EVP_DigestUpdate(desc->ctx, data, len))
		abort();
	return 0;
}

int crypto_shash_finup(struct shash_desc *desc, const u8 *data,
		       unsigned int len, u8 *out)
{
	crypto_shash_update(desc, data, len);
	if (!EVP_DigestFinal_ex(desc->ctx, out, NULL))
		abort();
	return 0;
}

void shash_desc_zero(struct shash_desc *desc)
{
	EVP_MD_CTX_free(desc->ctx);
	desc->ctx = NULL;
}

/* ---- zlib, the kernel's way ---- */

int zlib_inflate_workspacesize(void)
{
	return 64;	/* userspace zlib allocates its own state */
}

int zlib_inflateInit(struct kshim_z_stream *strm)
{
	int ret;

	if (!strm->workspace)
		abort();
	memset(&strm->z, 0, sizeof(strm->z));
	ret = inflateInit(&strm->z);
	strm->live = ret == Z_OK;
	return ret;
}

int zlib_inflate(struct kshim_z_stream *strm, int flush)
{
	int ret;

	/* Test blobs are far below 4 GiB: one uInt holds every length. */
	if (strm->avail_in > UINT_MAX || strm->avail_out > UINT_MAX)
		abort();
	strm->z.next_in = (Bytef *)strm->next_in;
	strm->z.avail_in = (uInt)strm->avail_in;
	strm->z.next_out = strm->next_out;
	strm->z.avail_out = (uInt)strm->avail_out;
	ret = inflate(&strm->z, flush);
	strm->next_in = strm->z.next_in;
	strm->avail_in = strm->z.avail_in;
	strm->total_in = strm->z.total_in;
	strm->next_out = strm->z.next_out;
	strm->avail_out = strm->z.avail_out;
	strm->total_out = strm->z.total_out;
	strm->msg = strm->z.msg;
	return ret;
}

int zlib_inflateEnd(struct kshim_z_stream *strm)
{
	if (!strm->live)
		abort();
	strm->live = false;
	return inflateEnd(&strm->z);
}

/* ---- the IMA list and restore ---- */

static u32 get32(const u8 *p)
{
	u32 v;

	if (ima_canonical_fmt)
		return get_unaligned_le32(p);
	memcpy(&v, p, sizeof(v));
	return v;
}

void ima_free_template_entry(struct ima_template_entry *entry)
{
	free(entry->digests);
	free(entry->data);
	free(entry);
}

/*
 * The template digest of every TPM bank, as restore computes them: the
 * hash of the template data, or zeros for a violation (a zero SHA-1).
 */
static void fake_digests(struct ima_template_entry *e, const u8 *sha1)
{
	static const u8 zero[20];
	int i;

	e->digests = calloc(TPM2_MAX_PCR_BANKS, sizeof(*e->digests));
	if (!e->digests)
		abort();
	if (!ima_tpm_chip || !memcmp(sha1, zero, sizeof(zero)))
		return;
	for (i = 0; i < ima_tpm_chip->nr_allocated_banks; i++) {
		const struct tpm_bank_info *b = &ima_tpm_chip->allocated_banks[i];

		if (b->crypto_id == HASH_ALGO__LAST)
			continue;
		if (!EVP_Digest(e->data, e->data_len, e->digests[i].digest, NULL,
				EVP_get_digestbyname(hash_algo_name[b->crypto_id]),
				NULL))
			abort();
	}
}

static void free_private(struct list_head *list)
{
	struct ima_queue_entry *qe;

	while (!list_empty(list)) {
		qe = list_last_entry(list, struct ima_queue_entry, later);
		list_del(&qe->later);
		ima_free_template_entry(qe->entry);
		free(qe);
	}
}

/*
 * Like upstream restore: converts the header in place (so a read-only
 * buffer faults), then appends a copy of each entry. It trusts the shape
 * the kernel patch checked, and aborts if that trust was misplaced.
 */
int ima_restore_measurement_list(loff_t size, void *buf)
{
	struct ima_kexec_hdr *khdr = buf;
	const u8 *p = buf;
	struct ima_template_entry *e;
	struct ima_queue_entry *qe;
	struct list_head restored = { &restored, &restored };
	u64 pos, i;
	u32 name_len, data_len;

	kshim_restore_calls++;
	if (!buf || size < (loff_t)sizeof(*khdr))
		return 0;
	if (ima_canonical_fmt) {
		khdr->version = get_unaligned_le16(&khdr->version);
		khdr->buffer_size = get_unaligned_le64(&khdr->buffer_size);
		khdr->count = get_unaligned_le64(&khdr->count);
	}
	if (khdr->version != 1 || khdr->buffer_size != (u64)size)
		abort();

	pos = sizeof(*khdr);
	for (i = 0; i < khdr->count; i++) {
		/* Like the real one now: all or nothing, never silent. */
		if ((long)i == kshim_restore_stop_after) {
			free_private(&restored);
			return kshim_restore_ret ? kshim_restore_ret : -EINVAL;
		}
		if (size - pos < 28)
			abort();
		name_len = get32(p + pos + 24);
		if (name_len > size - pos - 28)
			abort();
		pos += 28 + name_len;
		if (size - pos < 4)
			abort();
		data_len = get32(p + pos);
		pos += 4;
		if (data_len > size - pos)
			abort();

		e = calloc(1, sizeof(*e));
		qe = calloc(1, sizeof(*qe));
		if (!e || !qe)
			abort();
		e->pcr = get32(p + pos - 32 - name_len);
		e->data_len = data_len;
		e->data = malloc(data_len ? data_len : 1);
		if (!e->data)
			abort();
		memcpy(e->data, p + pos, data_len);
		fake_digests(e, p + pos - 28 - name_len);
		pos += data_len;
		qe->entry = e;
		list_add_tail(&qe->later, &restored);
	}
	if (pos != (u64)size)
		abort();
	while (!list_empty(&restored)) {
		qe = container_of(restored.next, struct ima_queue_entry, later);
		list_del(&qe->later);
		list_add_tail(&qe->later, &ima_measurements);
		atomic_long_inc(&ima_htable.len);
	}
	return 0;
}

long kshim_list_len(void)
{
	return atomic_long_read(&ima_htable.len);
}

uint64_t kshim_list_pcr_sum(void)
{
	struct list_head *l;
	uint64_t sum = 0;

	for (l = ima_measurements.next; l != &ima_measurements; l = l->next)
		sum += container_of(l, struct ima_queue_entry, later)->entry->pcr;
	return sum;
}

void kshim_set_canonical(bool on)
{
	ima_canonical_fmt = on;
}

void kshim_reset(void)
{
	struct ima_queue_entry *qe;

	while (!list_empty(&ima_measurements)) {
		qe = list_last_entry(&ima_measurements, struct ima_queue_entry,
				     later);
		list_del(&qe->later);
		ima_free_template_entry(qe->entry);
		free(qe);
	}
	ima_htable.len.counter = 0;
	kshim_log[0] = '\0';
	kshim_nerr = 0;
	kshim_nwarn = 0;
	kshim_ninfo = 0;
	kshim_fail_kvmalloc_at = 0;
	kshim_nkvmalloc = 0;
	kshim_restore_stop_after = -1;
	kshim_restore_ret = 0;
	kshim_restore_calls = 0;
	ima_canonical_fmt = false;
	kshim_kdump = false;
	kshim_pcr_read_ret = 0;
	kshim_fail_shash = false;
	kshim_no_shash = NULL;
	memset(kshim_pcr10, 0, sizeof(kshim_pcr10));
	kshim_set_tpm(NULL, 0);
	kshim_set_prop(NULL, 0);
	unmap_fdt();
}
