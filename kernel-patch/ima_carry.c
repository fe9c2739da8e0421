// SPDX-License-Identifier: GPL-2.0-only
/*
 * ima_carry.c - restore a measurement list carried across kexec_load
 *
 * kexec_file_load hands the measurement list to the next kernel in
 * linux,ima-kexec-buffer. kexec_load cannot: userspace builds the next
 * kernel's device tree, and the kernel never sees it. So userspace
 * (kexec --ima-carry) packs the list into the /chosen/linux,ima-carry
 * property instead: a 48-byte little-endian header with two CRC-32s, then
 * the struct ima_kexec_hdr and binary_runtime_measurements that
 * kexec_file_load would have handed over, usually zlib-deflated.
 * Documentation/security/IMA-carry.rst describes the blob.
 *
 * The carried list proves nothing by itself: a verifier replays it against
 * a TPM quote of PCR 10, and a forged list does not replay. So nothing here
 * judges the content. It only refuses what it cannot restore safely, and
 * every refusal leaves a fresh list behind and IMA working.
 */

#include <crypto/hash.h>
#include <linux/crash_dump.h>
#include <linux/crc32.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/libfdt.h>
#include <linux/list.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/of_fdt.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tpm.h>
#include <linux/unaligned.h>
#include <linux/zlib.h>

#include "ima.h"

#define IMA_CARRY_PROP		"linux,ima-carry"
#define IMA_CARRY_MAGIC		"IMACARRY"
#define IMA_CARRY_MAGIC_SIZE	8
#define IMA_CARRY_VERSION	1
#define IMA_CARRY_HDR_SIZE	48
#define IMA_CARRY_F_ZLIB	BIT(0)
#define IMA_CARRY_F_BIG_ENDIAN	BIT(1)
#define IMA_CARRY_F_MASK	(IMA_CARRY_F_ZLIB | IMA_CARRY_F_BIG_ENDIAN)

/* Blob header fields: little-endian, and only 4-byte aligned in an FDT. */
#define IMA_CARRY_OFF_VERSION		8
#define IMA_CARRY_OFF_HDR_SIZE		10
#define IMA_CARRY_OFF_FLAGS		12
#define IMA_CARRY_OFF_COUNT		16
#define IMA_CARRY_OFF_RAW_LEN		24
#define IMA_CARRY_OFF_PAYLOAD_LEN	32
#define IMA_CARRY_OFF_PAYLOAD_CRC	40
#define IMA_CARRY_OFF_HDR_CRC		44

/* Bound the one allocation made here, before it is made. */
#define IMA_CARRY_MAX_RAW	SZ_256M
/* Real lists inflate 2-4 times; more than this is a deflate bomb. */
#define IMA_CARRY_MAX_RATIO	32

/* struct ima_kexec_hdr fields, in the payload's byte order. */
#define IMA_CARRY_KHDR_VERSION	0
#define IMA_CARRY_KHDR_SIZE	8
#define IMA_CARRY_KHDR_COUNT	16

/*
 * A record: PCR, SHA-1 template digest, template name length and name,
 * then (for every template but 'ima') the template data length and data.
 * The smallest has a one-byte name and no data.
 */
#define IMA_CARRY_REC_HEAD	(sizeof(u32) + TPM_DIGEST_SIZE + sizeof(u32))
#define IMA_CARRY_MIN_RECORD	(IMA_CARRY_REC_HEAD + 1 + sizeof(u32))
/* Restore takes names shorter than MAX_TEMPLATE_NAME_LEN (ima_template.c). */
#define IMA_CARRY_NAME_MAX	68

#define IMA_CARRY_NO_ENTRY	U64_MAX

/* The blob header, checked and decoded. */
struct ima_carry {
	u32 flags;
	u64 count;
	u64 raw_len;
	u64 payload_len;
	const u8 *payload;
};

/* Why a blob was refused, and where, for the one line that says so. */
struct ima_carry_fault {
	const char *why;
	bool in_list;		/* offset is into the inflated payload */
	u64 offset;
	u64 entry;
};

static int __init ima_carry_fail(struct ima_carry_fault *f, int err,
				 const char *why, bool in_list, u64 offset,
				 u64 entry)
{
	f->why = why;
	f->in_list = in_list;
	f->offset = offset;
	f->entry = entry;
	return err;
}

static int __init ima_carry_bad_blob(struct ima_carry_fault *f,
				     const char *why, u64 offset)
{
	return ima_carry_fail(f, -EINVAL, why, false, offset,
			      IMA_CARRY_NO_ENTRY);
}

static int __init ima_carry_bad_list(struct ima_carry_fault *f,
				     const char *why, u64 offset, u64 entry)
{
	return ima_carry_fail(f, -EINVAL, why, true, offset, entry);
}

/* zlib's crc32(0, p, len), the CRC-32 userspace writes. */
static u32 __init ima_carry_crc(const u8 *p, size_t len)
{
	return ~crc32_le(~0, p, len);
}

/*
 * Steps 1 to 6 of the reader procedure: every length is checked against
 * the property and the caps before it is used, and the CRCs before the
 * payload is touched.
 */
static int __init ima_carry_check(const u8 *blob, size_t len, bool want_be,
				  struct ima_carry *ic,
				  struct ima_carry_fault *f)
{
	u64 stored;

	if (len < IMA_CARRY_HDR_SIZE)
		return ima_carry_bad_blob(f, "shorter than its header", len);
	if (memcmp(blob, IMA_CARRY_MAGIC, IMA_CARRY_MAGIC_SIZE))
		return ima_carry_bad_blob(f, "bad magic", 0);
	if (get_unaligned_le16(blob + IMA_CARRY_OFF_VERSION) !=
	    IMA_CARRY_VERSION)
		return ima_carry_bad_blob(f, "unknown version",
					  IMA_CARRY_OFF_VERSION);
	if (get_unaligned_le16(blob + IMA_CARRY_OFF_HDR_SIZE) !=
	    IMA_CARRY_HDR_SIZE)
		return ima_carry_bad_blob(f, "bad header size",
					  IMA_CARRY_OFF_HDR_SIZE);
	ic->flags = get_unaligned_le32(blob + IMA_CARRY_OFF_FLAGS);
	if (ic->flags & ~IMA_CARRY_F_MASK)
		return ima_carry_bad_blob(f, "unknown flags",
					  IMA_CARRY_OFF_FLAGS);

	/* The header CRC covers every length read below. */
	if (ima_carry_crc(blob, IMA_CARRY_OFF_HDR_CRC) !=
	    get_unaligned_le32(blob + IMA_CARRY_OFF_HDR_CRC))
		return ima_carry_bad_blob(f, "bad header CRC",
					  IMA_CARRY_OFF_HDR_CRC);

	ic->count = get_unaligned_le64(blob + IMA_CARRY_OFF_COUNT);
	ic->raw_len = get_unaligned_le64(blob + IMA_CARRY_OFF_RAW_LEN);
	ic->payload_len = get_unaligned_le64(blob + IMA_CARRY_OFF_PAYLOAD_LEN);
	stored = len - IMA_CARRY_HDR_SIZE;
	if (ic->payload_len > stored)
		return ima_carry_bad_blob(f, "payload runs past the property",
					  IMA_CARRY_OFF_PAYLOAD_LEN);
	if (ic->payload_len < stored)
		return ima_carry_bad_blob(f, "trailing bytes after the payload",
					  IMA_CARRY_HDR_SIZE + ic->payload_len);
	if (ic->raw_len < sizeof(struct ima_kexec_hdr))
		return ima_carry_bad_blob(f, "raw length too small",
					  IMA_CARRY_OFF_RAW_LEN);
	if (ic->raw_len > IMA_CARRY_MAX_RAW)
		return ima_carry_bad_blob(f, "raw length over 256 MiB",
					  IMA_CARRY_OFF_RAW_LEN);
	if (ic->flags & IMA_CARRY_F_ZLIB) {
		/* raw_len <= 32 * payload_len, without an overflow */
		if (ic->payload_len < DIV_ROUND_UP(ic->raw_len,
						   IMA_CARRY_MAX_RATIO))
			return ima_carry_bad_blob(f, "inflate ratio over 32",
						  IMA_CARRY_OFF_RAW_LEN);
	} else if (ic->raw_len != ic->payload_len) {
		return ima_carry_bad_blob(f, "stored and raw lengths differ",
					  IMA_CARRY_OFF_RAW_LEN);
	}
	if (ic->count > div_u64(ic->raw_len - sizeof(struct ima_kexec_hdr),
				IMA_CARRY_MIN_RECORD))
		return ima_carry_bad_blob(f, "count too large for raw length",
					  IMA_CARRY_OFF_COUNT);

	ic->payload = blob + IMA_CARRY_HDR_SIZE;
	if (ima_carry_crc(ic->payload, ic->payload_len) !=
	    get_unaligned_le32(blob + IMA_CARRY_OFF_PAYLOAD_CRC))
		return ima_carry_bad_blob(f, "bad payload CRC",
					  IMA_CARRY_OFF_PAYLOAD_CRC);

	if (!!(ic->flags & IMA_CARRY_F_BIG_ENDIAN) != want_be)
		return ima_carry_bad_blob(f, "not in this kernel's byte order",
					  IMA_CARRY_OFF_FLAGS);
	return 0;
}

/*
 * Inflates the payload into @raw, exactly raw_len bytes. One Z_FINISH call
 * with room for the whole output either ends the stream or fails: there is
 * no loop to spin in, whatever the input.
 */
static int __init ima_carry_inflate(const struct ima_carry *ic, u8 *raw,
				    struct ima_carry_fault *f)
{
	struct z_stream_s strm = { };
	int ret;

	strm.workspace = kvmalloc(zlib_inflate_workspacesize(),
				  GFP_KERNEL | __GFP_NOWARN);
	if (!strm.workspace)
		return ima_carry_fail(f, -ENOMEM, "no memory for zlib", false,
				      IMA_CARRY_HDR_SIZE, IMA_CARRY_NO_ENTRY);

	strm.next_in = ic->payload;
	strm.avail_in = ic->payload_len;
	strm.next_out = raw;
	strm.avail_out = ic->raw_len;
	ret = zlib_inflateInit(&strm);
	if (ret == Z_OK) {
		ret = zlib_inflate(&strm, Z_FINISH);
		zlib_inflateEnd(&strm);
	}
	kvfree(strm.workspace);

	/* Z_FINISH could not finish: out of input, or out of room */
	if (ret == Z_BUF_ERROR && !strm.avail_in)
		return ima_carry_bad_blob(f, "zlib stream cut short",
					  IMA_CARRY_HDR_SIZE + strm.total_in);
	if (ret == Z_BUF_ERROR && !strm.avail_out)
		return ima_carry_bad_blob(f, "payload inflates past raw length",
					  IMA_CARRY_HDR_SIZE + strm.total_in);
	if (ret != Z_STREAM_END)
		return ima_carry_bad_blob(f, "zlib refused the payload",
					  IMA_CARRY_HDR_SIZE + strm.total_in);
	if (strm.avail_out)
		return ima_carry_bad_blob(f, "payload inflates short of raw length",
					  IMA_CARRY_HDR_SIZE + strm.total_in);
	if (strm.avail_in)
		return ima_carry_bad_blob(f, "bytes after the zlib stream",
					  IMA_CARRY_HDR_SIZE + strm.total_in);
	return 0;
}

static u16 __init ima_carry_get16(const u8 *p, bool be)
{
	return be ? get_unaligned_be16(p) : get_unaligned_le16(p);
}

static u32 __init ima_carry_get32(const u8 *p, bool be)
{
	return be ? get_unaligned_be32(p) : get_unaligned_le32(p);
}

static u64 __init ima_carry_get64(const u8 *p, bool be)
{
	return be ? get_unaligned_be64(p) : get_unaligned_le64(p);
}

/*
 * Template data is a run of (length, bytes) fields, as many as the
 * template has (at most IMA_TEMPLATE_NUM_FIELDS_MAX), filling it exactly.
 * Which template needs how many is restore's business.
 */
static bool __init ima_carry_fields_ok(const u8 *p, u32 len, bool be)
{
	u32 pos = 0, n, flen;

	for (n = 0; pos < len; n++) {
		if (n == IMA_TEMPLATE_NUM_FIELDS_MAX || len - pos < sizeof(u32))
			return false;
		flen = ima_carry_get32(p + pos, be);
		pos += sizeof(u32);
		if (flen > len - pos)
			return false;
		pos += flen;
	}
	return n > 0;
}

/*
 * Step 8, and more: the inner header, then every record's lengths, so that
 * restore never meets a record it would stop at halfway for its shape.
 * Restore only checks what it must not overrun, and stops silently at
 * some faults; this walk names the entry.
 */
static int __init ima_carry_walk(const u8 *raw, const struct ima_carry *ic,
				 struct ima_carry_fault *f)
{
	bool be = ic->flags & IMA_CARRY_F_BIG_ENDIAN;
	u64 len = ic->raw_len, pos, start, i;
	u32 name_len, data_len;

	if (ima_carry_get16(raw + IMA_CARRY_KHDR_VERSION, be) != 1)
		return ima_carry_bad_list(f, "unknown ima_kexec_hdr version",
					  IMA_CARRY_KHDR_VERSION,
					  IMA_CARRY_NO_ENTRY);
	if (ima_carry_get64(raw + IMA_CARRY_KHDR_SIZE, be) != len)
		return ima_carry_bad_list(f, "ima_kexec_hdr buffer_size is not the raw length",
					  IMA_CARRY_KHDR_SIZE,
					  IMA_CARRY_NO_ENTRY);
	if (ima_carry_get64(raw + IMA_CARRY_KHDR_COUNT, be) != ic->count)
		return ima_carry_bad_list(f, "ima_kexec_hdr count is not the header's",
					  IMA_CARRY_KHDR_COUNT,
					  IMA_CARRY_NO_ENTRY);

	pos = sizeof(struct ima_kexec_hdr);
	for (i = 0; pos < len; i++) {
		start = pos;
		if (i == ic->count)
			return ima_carry_bad_list(f, "bytes after the last entry",
						  start, i);
		if (len - pos < IMA_CARRY_REC_HEAD)
			return ima_carry_bad_list(f, "truncated entry",
						  start, i);
		name_len = ima_carry_get32(raw + pos + IMA_CARRY_REC_HEAD -
					   sizeof(u32), be);
		pos += IMA_CARRY_REC_HEAD;
		if (!name_len || name_len > IMA_CARRY_NAME_MAX)
			return ima_carry_bad_list(f, "bad template name length",
						  start, i);
		if (name_len > len - pos)
			return ima_carry_bad_list(f, "truncated template name",
						  start, i);
		/* 'ima' records have no data length: restore can't read them */
		if (name_len == 3 && !memcmp(raw + pos, "ima", 3))
			return ima_carry_bad_list(f, "'ima' template entries cannot be restored",
						  start, i);
		pos += name_len;
		if (len - pos < sizeof(u32))
			return ima_carry_bad_list(f, "truncated entry",
						  start, i);
		data_len = ima_carry_get32(raw + pos, be);
		pos += sizeof(u32);
		if (data_len > len - pos)
			return ima_carry_bad_list(f, "truncated template data",
						  start, i);
		if (!ima_carry_fields_ok(raw + pos, data_len, be))
			return ima_carry_bad_list(f, "bad template data fields",
						  start, i);
		pos += data_len;
	}
	if (i != ic->count)
		return ima_carry_bad_list(f, "fewer entries than the count",
					  pos, i);
	return 0;
}

/*
 * Checks a blob and returns a fresh kvmalloc'd copy of its raw payload for
 * ima_restore_measurement_list(), or NULL with @f saying why. Never restore
 * in place: restore rewrites the inner header, and the FDT can be mapped
 * read-only (it is on arm64).
 */
static void * __init ima_carry_load(const void *blob, size_t len,
				    bool want_be, struct ima_carry *ic,
				    struct ima_carry_fault *f)
{
	u8 *raw;
	int ret;

	if (ima_carry_check(blob, len, want_be, ic, f))
		return NULL;

	raw = kvmalloc(ic->raw_len, GFP_KERNEL | __GFP_NOWARN);
	if (!raw) {
		ima_carry_fail(f, -ENOMEM, "no memory for the list", false,
			       IMA_CARRY_OFF_RAW_LEN, IMA_CARRY_NO_ENTRY);
		return NULL;
	}

	if (ic->flags & IMA_CARRY_F_ZLIB) {
		ret = ima_carry_inflate(ic, raw, f);
	} else {
		memcpy(raw, ic->payload, ic->raw_len);
		ret = 0;
	}
	if (!ret)
		ret = ima_carry_walk(raw, ic, f);
	if (ret) {
		kvfree(raw);
		return NULL;
	}
	return raw;
}

/* Restore reads what ima_fs writes: canonical (little-endian) or native. */
static bool __init ima_carry_want_big_endian(void)
{
	return !ima_canonical_fmt && IS_ENABLED(CONFIG_CPU_BIG_ENDIAN);
}

static void __init ima_carry_report(const struct ima_carry_fault *f)
{
	if (f->entry != IMA_CARRY_NO_ENTRY)
		pr_err("/chosen/%s refused: %s (entry %llu at list offset %llu)\n",
		       IMA_CARRY_PROP, f->why, f->entry, f->offset);
	else if (f->in_list)
		pr_err("/chosen/%s refused: %s (list offset %llu)\n",
		       IMA_CARRY_PROP, f->why, f->offset);
	else
		pr_err("/chosen/%s refused: %s (blob offset %llu)\n",
		       IMA_CARRY_PROP, f->why, f->offset);
}

/* Cheaper first: the smaller digest, then the TPM's own order. */
static bool __init ima_carry_bank_before(int a, int b)
{
	const struct tpm_bank_info *banks = ima_tpm_chip->allocated_banks;

	return banks[a].digest_size < banks[b].digest_size ||
	       (banks[a].digest_size == banks[b].digest_size && a < b);
}

/*
 * The TPM's banks to replay in, cheapest first: the one after @prev (-1 for
 * the first), or -1. Restore computed the template digests of every bank.
 */
static int __init ima_carry_next_bank(int prev)
{
	const struct tpm_bank_info *b;
	int i, best = -1;

	for (i = 0; i < ima_tpm_chip->nr_allocated_banks; i++) {
		b = &ima_tpm_chip->allocated_banks[i];
		if (b->crypto_id == HASH_ALGO__LAST ||
		    b->digest_size > TPM2_MAX_DIGEST_SIZE)
			continue;
		if (prev >= 0 && !ima_carry_bank_before(prev, i))
			continue;
		if (best < 0 || ima_carry_bank_before(i, best))
			best = i;
	}
	return best;
}

/*
 * Replays the restored entries of PCR 10 in @bank into @pcr, as the
 * previous kernels extended them: a violation (all-zero digests) as all
 * ones. Nothing appends to the list yet: the hooks start after ima_init().
 * -ENOENT: this kernel has no such hash.
 */
static int __init ima_carry_replay(int bank, u8 *pcr)
{
	const struct tpm_bank_info *b = &ima_tpm_chip->allocated_banks[bank];
	struct crypto_shash *tfm;
	struct ima_queue_entry *qe;
	u8 ones[TPM2_MAX_DIGEST_SIZE];
	const u8 *d;
	int ret = 0;

	tfm = crypto_alloc_shash(hash_algo_name[b->crypto_id], 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	memset(ones, 0xff, sizeof(ones));
	memset(pcr, 0, b->digest_size);
	list_for_each_entry(qe, &ima_measurements, later) {
		SHASH_DESC_ON_STACK(desc, tfm);

		if (qe->entry->pcr != CONFIG_IMA_MEASURE_PCR_IDX)
			continue;
		d = qe->entry->digests[bank].digest;
		if (!memchr_inv(d, 0, b->digest_size))
			d = ones;
		desc->tfm = tfm;
		ret = crypto_shash_init(desc);
		if (!ret)
			ret = crypto_shash_update(desc, pcr, b->digest_size);
		if (!ret)
			ret = crypto_shash_finup(desc, d, b->digest_size, pcr);
		shash_desc_zero(desc);
		if (ret)
			break;
		cond_resched();
	}
	crypto_free_shash(tfm);
	return ret;
}

/*
 * Diagnosis for the boot log, never a verdict: whether the restored list
 * replays to PCR 10 as the TPM holds it before this boot's aggregate. A
 * stale or partial list does not; the verifier judges either way.
 */
static void __init ima_carry_diagnose(char *buf, size_t size)
{
	const struct tpm_bank_info *b;
	struct tpm_digest tpm = { };
	u8 pcr[TPM2_MAX_DIGEST_SIZE];
	int bank, next, ret;

	if (!ima_tpm_chip) {
		scnprintf(buf, size, "no TPM to replay against");
		return;
	}
	bank = ima_carry_next_bank(-1);
	if (bank < 0) {
		scnprintf(buf, size, "no TPM bank to replay in");
		return;
	}
	/* A bank this kernel cannot hash (sm3_256, say): try a dearer one. */
	for (;;) {
		ret = ima_carry_replay(bank, pcr);
		next = ima_carry_next_bank(bank);
		if (ret != -ENOENT || next < 0)
			break;
		bank = next;
	}
	b = &ima_tpm_chip->allocated_banks[bank];
	tpm.alg_id = b->alg_id;
	if (!ret)
		ret = tpm_pcr_read(ima_tpm_chip, CONFIG_IMA_MEASURE_PCR_IDX,
				   &tpm);
	if (ret)
		scnprintf(buf, size, "replay not checked (%d)", ret);
	else if (memcmp(pcr, tpm.digest, b->digest_size))
		scnprintf(buf, size, "replay does not match PCR %d (%s)",
			  CONFIG_IMA_MEASURE_PCR_IDX,
			  hash_algo_name[b->crypto_id]);
	else
		scnprintf(buf, size, "replay matches PCR %d (%s)",
			  CONFIG_IMA_MEASURE_PCR_IDX,
			  hash_algo_name[b->crypto_id]);
}

/*
 * The blob, from the live tree, or where there is none (arm64 booted with
 * ACPI never unflattens it) from the tree the kernel was booted with.
 */
static const void * __init ima_carry_find(struct property **prop, int *len)
{
	int node;

	*prop = NULL;
	if (of_chosen) {
		*prop = of_find_property(of_chosen, IMA_CARRY_PROP, len);
		return *prop ? (*prop)->value : NULL;
	}
	if (!initial_boot_params)
		return NULL;
	node = fdt_path_offset(initial_boot_params, "/chosen");
	if (node < 0)
		return NULL;
	return fdt_getprop(initial_boot_params, node, IMA_CARRY_PROP, len);
}

/*
 * kexec --ima-carry hands the list to every carrier the next kernel may
 * read, and linux,ima-kexec-buffer (or SETUP_IMA) is restored first. The
 * same count is that normal case; another is a stale property or a writer
 * bug, worth a warning.
 */
static void __init ima_carry_skip(const void *blob, int len, long restored)
{
	struct ima_carry_fault f = { };
	struct ima_carry ic;

	if (!ima_carry_check(blob, len, ima_carry_want_big_endian(), &ic, &f) &&
	    ic.count == (u64)restored)
		pr_info("/chosen/%s ignored: kexec's buffer restored the same %ld measurements\n",
			IMA_CARRY_PROP, restored);
	else
		pr_warn("/chosen/%s ignored: %ld measurements already restored\n",
			IMA_CARRY_PROP, restored);
}

void __init ima_carry_import(void)
{
	struct ima_carry_fault f = { };
	struct property *prop;
	struct ima_carry ic;
	const void *blob;
	char diag[64];
	long before;
	void *raw;
	int len, ret;

	blob = ima_carry_find(&prop, &len);
	if (!blob)
		return;

	/* The list of the kernel that crashed is not this one's to carry. */
	if (is_kdump_kernel()) {
		pr_info("/chosen/%s ignored: crash kernel\n", IMA_CARRY_PROP);
		goto out;
	}

	/* kexec's own buffer came first: never import twice. */
	before = atomic_long_read(&ima_htable.len);
	if (before) {
		ima_carry_skip(blob, len, before);
		goto out;
	}

	raw = ima_carry_load(blob, len, ima_carry_want_big_endian(), &ic, &f);
	if (!raw) {
		ima_carry_report(&f);
		goto out;
	}

	/* All or nothing: a refused list leaves nothing behind. */
	ret = ima_restore_measurement_list(ic.raw_len, raw);
	/* Restore copied every field it kept (ima_restore_template_data()). */
	kvfree(raw);
	if (ret) {
		pr_err("/chosen/%s dropped: restore refused the list (%d)\n",
		       IMA_CARRY_PROP, ret);
		goto out;
	}

	ima_carry_diagnose(diag, sizeof(diag));
	if (ic.flags & IMA_CARRY_F_ZLIB)
		pr_info("carried %llu measurements (%llu KiB, %llu KiB compressed) from /chosen; %s\n",
			ic.count, DIV_ROUND_UP_ULL(ic.raw_len, SZ_1K),
			DIV_ROUND_UP_ULL(ic.payload_len, SZ_1K), diag);
	else
		pr_info("carried %llu measurements (%llu KiB, uncompressed) from /chosen; %s\n",
			ic.count, DIV_ROUND_UP_ULL(ic.raw_len, SZ_1K), diag);
out:
	/*
	 * /proc/device-tree is world-readable, the list in securityfs 0440.
	 * The blob stays in /sys/firmware/fdt, which only root can read.
	 * Without a live tree there is no /proc/device-tree to clean.
	 */
	if (prop)
		of_remove_property(of_chosen, prop);
}
