/* SPDX-License-Identifier: GPL-2.0-only */
/* imacarry.h - the public API of libimacarry: carry the IMA list across kexec_load */
#ifndef IMACARRY_H
#define IMACARRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Conventions (after libfdt):
 *  - Functions work on caller-owned buffers and never allocate, unless their
 *    name says so (imacarry_snapshot_read(), imacarry_replay_new()) or
 *    their documentation does (imacarry_blob_open()).
 *  - They return 0 (or a positive count) on success and a negative
 *    IMACARRY_ERR_* code on failure; imacarry_strerror() turns it into text.
 *    Each function's comment lists the codes it returns, and when.
 *  - errno is meaningful only after -IMACARRY_ERR_IO, where it is the
 *    failed system call's; after any other code, do not read it.
 *  - Parsers fill a struct imacarry_where with the byte offset and the entry
 *    index of the fault, so that callers can print "FILE: offset N, entry M: …".
 *    The offset counts from the origin that @where->origin names, never
 *    from anything else: a caller that knows where that origin lies in its
 *    file turns it into a file offset (see enum imacarry_origin).
 */

/* Error codes, returned negated. */
enum imacarry_error {
	IMACARRY_OK = 0,
	IMACARRY_ERR_TRUNCATED,		/* a record or field runs past the end */
	IMACARRY_ERR_BADLEN,		/* a length field is impossible */
	IMACARRY_ERR_TEMPLATE,		/* unknown template or field id */
	IMACARRY_ERR_NAMELEN,		/* template name empty or over 68 bytes */
	IMACARRY_ERR_FIELDS,		/* template data has the wrong field count */
	IMACARRY_ERR_PCR,		/* PCR index out of range (0..23) */
	IMACARRY_ERR_DIGESTSIZE,	/* digest size unknown or undetectable */
	IMACARRY_ERR_MAGIC,		/* not a carry blob */
	IMACARRY_ERR_VERSION,		/* unknown blob or ima_kexec_hdr version */
	IMACARRY_ERR_HDRSIZE,		/* wrong blob header size */
	IMACARRY_ERR_FLAGS,		/* unknown flag bits */
	IMACARRY_ERR_HDRCRC,		/* blob header CRC-32 mismatch */
	IMACARRY_ERR_CRC,		/* blob payload CRC-32 mismatch */
	IMACARRY_ERR_TOOBIG,		/* a size is over a hard cap */
	IMACARRY_ERR_RATIO,		/* inflate ratio over the cap (a bomb) */
	IMACARRY_ERR_INFLATE,		/* zlib refused the payload */
	IMACARRY_ERR_COUNT,		/* entry count disagrees with the header */
	IMACARRY_ERR_NOSPACE,		/* caller's buffer is too small */
	IMACARRY_ERR_LEGACY_IMA,	/* 'ima' template: the kernel can't restore it */
	IMACARRY_ERR_FDT,		/* libfdt refused the device tree */
	IMACARRY_ERR_NOCHOSEN,		/* the device tree has no /chosen */
	IMACARRY_ERR_NOTFOUND,		/* no linux,ima-carry property */
	IMACARRY_ERR_DIGEST,		/* template digest doesn't match its data */
	IMACARRY_ERR_ALGO,		/* unknown or unavailable hash algorithm */
	IMACARRY_ERR_NOMEM,		/* out of memory */
	IMACARRY_ERR_IO,		/* a system call failed; see errno */
	IMACARRY_ERR_NOIMA,		/* no securityfs, or no IMA in it */
	IMACARRY_ERR_FORMAT,		/* not a list, a blob or a device tree */
	IMACARRY_ERR_BADARG,		/* invalid argument */
	IMACARRY_ERR__MAX
};

/* Returns a static, one-line description of a (negative or positive) code. */
const char *imacarry_strerror(int err);

/*
 * Where an offset counts from. Whatever walks records (imacarry_list_*(),
 * the pack functions, imacarry_snapshot_read(), and the list step of
 * imacarry_payload_list() and imacarry_kbuf_list()) says LIST, so a fault
 * in a carried list reads the same as in a list file; a list in a payload
 * starts IMACARRY_KEXEC_HDR_SIZE bytes into it. Only LIST offsets come
 * with an entry index; the others leave @index 0.
 */
enum imacarry_origin {
	IMACARRY_ORIGIN_LIST,		/* the list's first record (list->buf) */
	IMACARRY_ORIGIN_BLOB,		/* the blob's first byte, its magic */
	IMACARRY_ORIGIN_PAYLOAD,	/* the raw payload's struct ima_kexec_hdr,
					 * inflated if the blob is deflated */
};

/* Where a parser stopped: byte offset, entry index, and what they count in. */
struct imacarry_where {
	uint64_t offset;		/* bytes from @origin */
	uint64_t index;			/* the entry, for IMACARRY_ORIGIN_LIST */
	enum imacarry_origin origin;	/* where @offset counts from */
};

/* ---- Measurement lists (binary_runtime_measurements) ---- */

#define IMACARRY_PCR_MAX		24	/* PCR indices are 0..23 */
#define IMACARRY_DIGEST_MAX		64	/* largest bank digest (sha512) */
#define IMACARRY_SHA1_SIZE		20
#define IMACARRY_NAME_MAX		68	/* longest template name */
#define IMACARRY_FIELDS_MAX		15	/* IMA_TEMPLATE_NUM_FIELDS_MAX */
#define IMACARRY_IMA_NAME_PAD		256	/* 'ima' name is hashed padded */

/* Template field identifiers, in the kernel's supported_fields[] order. */
enum imacarry_field_id {
	IMACARRY_FIELD_D,
	IMACARRY_FIELD_N,
	IMACARRY_FIELD_D_NG,
	IMACARRY_FIELD_D_NGV2,
	IMACARRY_FIELD_N_NG,
	IMACARRY_FIELD_SIG,
	IMACARRY_FIELD_BUF,
	IMACARRY_FIELD_D_MODSIG,
	IMACARRY_FIELD_MODSIG,
	IMACARRY_FIELD_EVMSIG,
	IMACARRY_FIELD_IUID,
	IMACARRY_FIELD_IGID,
	IMACARRY_FIELD_IMODE,
	IMACARRY_FIELD_XATTRNAMES,
	IMACARRY_FIELD_XATTRLENGTHS,
	IMACARRY_FIELD_XATTRVALUES,
	IMACARRY_FIELD__MAX
};

/* Returns "d-ng", "iuid", …, or NULL: @id is no enum imacarry_field_id. */
const char *imacarry_field_name(enum imacarry_field_id id);

/*
 * A read-only view of a list in a caller-owned buffer. A view that has been
 * walked to its end says so (@checked) with what the walk found, and the
 * pack functions then trust it instead of walking it again: change @buf or
 * @len and the view is no longer checked (clear @checked, or make a new
 * one with imacarry_list_init()).
 */
struct imacarry_list {
	const uint8_t *buf;
	size_t len;
	unsigned int digest_size;	/* 20 (sha1 list), 32, 48 or 64 */
	bool big_endian;		/* lengths and PCR are big-endian */
	/* set by a whole walk: imacarry_list_check(), imacarry_snapshot_read() */
	bool checked;			/* every record of @len bytes parses */
	uint64_t count;			/* how many records, when @checked */
	uint64_t legacy;		/* how many of them are 'ima' entries */
	struct imacarry_where legacy_at;	/* the first of those */
};

/* One template data field; data points into the list buffer. */
struct imacarry_field {
	const uint8_t *data;
	uint32_t len;
};

/*
 * How the kernel shows a template field in ascii_runtime_measurements: the
 * data format its ima_show_template_*() function passes on
 * (security/integrity/ima/ima_template_lib.c).
 */
enum imacarry_fmt {
	IMACARRY_FMT_NONE,		/* nothing: a uint of no integer size */
	IMACARRY_FMT_DIGEST,		/* 'd': the digest in hex */
	IMACARRY_FMT_DIGEST_ALGO,	/* d-ng, d-ngv2, d-modsig: "sha256:" hex */
	IMACARRY_FMT_STRING,		/* n, n-ng, xattrnames: text to a NUL */
	IMACARRY_FMT_HEX,		/* sig, buf, modsig, evmsig, xattrlengths,
					 * xattrvalues; a d-ng without "<algo>:" */
	IMACARRY_FMT_UINT,		/* iuid, igid, imode: in decimal */
};

/*
 * One field, decoded by the kernel's rules: it shows @text as it is, then
 * @hex in lower-case hex, or, for IMACARRY_FMT_UINT, @value in decimal.
 * The pointers point into the list buffer.
 */
struct imacarry_value {
	enum imacarry_fmt fmt;
	const uint8_t *text;	/* STRING: the name; DIGEST_ALGO: the prefix */
	uint32_t text_len;
	uint32_t algo_len;	/* DIGEST_ALGO: @text's bytes before its last
				 * ':' ("sha256", "ima:sha256"); may be 0 */
	const uint8_t *hex;	/* DIGEST, HEX: all; DIGEST_ALGO: the digest */
	uint32_t hex_len;
	uint64_t value;		/* UINT: 1, 2, 4 or 8 bytes in list order */
};

/*
 * One record, as iterated: every pointer points into the list buffer.
 * Reuse one imacarry_entry for a whole walk: imacarry_list_next() takes
 * the previous record's name and field ids for the next record's when the
 * template name repeats, which keeps iteration allocation-free and fast.
 */
struct imacarry_entry {
	uint64_t offset;		/* byte offset of the record */
	uint64_t index;			/* 0-based entry number */
	uint32_t size;			/* record size in bytes */
	uint32_t pcr;
	const uint8_t *digest;		/* template digest, digest_size bytes */
	const char *name;		/* template name, not NUL-terminated */
	uint32_t name_len;
	const uint8_t *data;		/* template data, as hashed (not 'ima') */
	uint32_t data_len;
	bool legacy_ima;		/* the 'ima' template (d|n, no data len) */
	bool violation;			/* template digest is all zero */
	unsigned int nfields;
	uint8_t field_id[IMACARRY_FIELDS_MAX];	/* enum imacarry_field_id */
	struct imacarry_field field[IMACARRY_FIELDS_MAX];
};

/*
 * Sets up a view of @len bytes at @buf, not yet checked. @digest_size 0
 * detects it (20, 32, 48 or 64) from the first records; @order -1 detects
 * the byte order, 0 is little-endian, 1 big-endian. Given both, nothing is
 * parsed. An empty list is valid.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @list, no @buf with a @len, @order not -1..1;
 *	-IMACARRY_ERR_DIGESTSIZE: @digest_size not 0, 20, 32, 48 or 64, or
 *		two layouts both parse the first records (no guess is made);
 *	any imacarry_list_next() error of the layout that got furthest, with
 *		@where set.
 */
int imacarry_list_init(struct imacarry_list *list, const void *buf,
		       size_t len, unsigned int digest_size, int order,
		       struct imacarry_where *where);

/*
 * Parses the record at *@pos into @e and advances *@pos. Start with
 * *@pos = 0 and e->index = 0 is set for you; later calls number the entry
 * e->index + 1. On error *@pos stays at the faulty record, and @where (may
 * be NULL) holds the offset of the faulty field itself, from list->buf
 * (IMACARRY_ORIGIN_LIST).
 * Returns 1 for an entry, 0 at the end of the list, or
 *	-IMACARRY_ERR_BADARG: no @list, @pos or @e, no buf with a len, or
 *		*@pos past the end;
 *	-IMACARRY_ERR_TRUNCATED: the record runs past the end;
 *	-IMACARRY_ERR_PCR: a PCR index over 23;
 *	-IMACARRY_ERR_NAMELEN: a template name empty or over 68 bytes;
 *	-IMACARRY_ERR_TEMPLATE: a NUL in the name, an unknown field id, or
 *		over 15 fields;
 *	-IMACARRY_ERR_BADLEN: a field runs past the template data, or an
 *		'ima' name is over 255 bytes;
 *	-IMACARRY_ERR_FIELDS: the data ends within a field's length, or has
 *		bytes after the last field;
 *	-IMACARRY_ERR_TOOBIG: the record is over 4 GiB.
 */
int imacarry_list_next(const struct imacarry_list *list, uint64_t *pos,
		       struct imacarry_entry *e, struct imacarry_where *where);

/*
 * Walks the whole list and sets *@count (may be NULL) to the records that
 * parsed, also on failure. When the walk reaches the end, @list becomes
 * checked: @list->count, @list->legacy and @list->legacy_at hold what it
 * found, so that packing @list walks no more.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @list, or no buffer with a length;
 *	-IMACARRY_ERR_LEGACY_IMA: with @no_legacy, an 'ima' template entry
 *		(@where names it; the walk stops there, @list stays unchecked);
 *	any imacarry_list_next() error, with @where set.
 */
int imacarry_list_check(struct imacarry_list *list, bool no_legacy,
			uint64_t *count, struct imacarry_where *where);

/*
 * Decodes field @i of @e as the kernel shows it, into @v. The ascii dump
 * and any other rendering (the tool's JSON) take their rules from here.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @list, @e or @v, or @i >= @e->nfields;
 *	-IMACARRY_ERR_TEMPLATE: the field's id is no enum imacarry_field_id.
 */
int imacarry_entry_field(const struct imacarry_list *list,
			 const struct imacarry_entry *e, unsigned int i,
			 struct imacarry_value *v);

/* ---- ASCII rendering (ascii_runtime_measurements) ---- */

/*
 * Renders @e exactly as the kernel's ascii_runtime_measurements line,
 * newline included, into @buf, each field by imacarry_entry_field().
 * Returns the line length like snprintf(): if it is >= @size, the output
 * was cut (and terminated) and the caller should retry bigger; or
 *	-IMACARRY_ERR_BADARG: no @list or @e, no @buf with a @size, or over
 *		15 fields;
 *	-IMACARRY_ERR_TEMPLATE: a field id is no enum imacarry_field_id;
 *	-IMACARRY_ERR_TOOBIG: the line is over INT_MAX bytes.
 */
int imacarry_ascii_entry(const struct imacarry_list *list,
			 const struct imacarry_entry *e, char *buf, size_t size);

/* ---- Replay: PCR values from a list ---- */

/* Bank algorithms. */
enum imacarry_algo {
	IMACARRY_ALGO_SHA1,
	IMACARRY_ALGO_SHA256,
	IMACARRY_ALGO_SHA384,
	IMACARRY_ALGO_SHA512,
	IMACARRY_ALGO_SM3,
	IMACARRY_ALGO__MAX
};

/*
 * Looks a bank up by the kernel's name, in any case ("sm3_256" and
 * "sm3-256" too). Returns its enum imacarry_algo ("sha1" →
 * IMACARRY_ALGO_SHA1), or -IMACARRY_ERR_ALGO: no @name, or no such bank.
 */
int imacarry_algo_by_name(const char *name);

/* Returns "sha1", "sha256", …, or NULL: @algo is no bank. */
const char *imacarry_algo_name(enum imacarry_algo algo);

/* Returns the digest size in bytes, or 0: @algo is no bank. */
unsigned int imacarry_algo_size(enum imacarry_algo algo);

struct imacarry_replay;

/*
 * Allocates a replay over @nbanks banks, one hash context each, every PCR
 * starting at zero: imacarry_replay_new_forms() with @forms NULL, and its
 * return values.
 */
int imacarry_replay_new(struct imacarry_replay **r,
			const enum imacarry_algo *banks, unsigned int nbanks);

/*
 * How a bank's template digests are made. A kernel extends every TPM bank,
 * but hashes the template only for banks whose hash it could allocate at
 * IMA init; into the others it extends the SHA-1 template digest zero-padded
 * to the bank's size (ima_calc_field_array_hash()). Debian's kernels, whose
 * sha384 and sha512 are modules, do so for those two banks.
 */
enum imacarry_form {
	IMACARRY_FORM_HASH,		/* the bank's own hash of the template */
	IMACARRY_FORM_PADDED_SHA1,	/* SHA-1, zero-padded to the bank size */
	IMACARRY_FORM__MAX
};

/*
 * imacarry_replay_new() with a form per bank; @forms NULL means every bank
 * IMACARRY_FORM_HASH. A padded bank still extends a violation as 0xff… of
 * its full size, as the kernel does for every hash it can name
 * (ima_init_digests()). SHA-1 is the same in both forms. Padded banks take
 * no part in the template digest check, which stays in the list's own
 * algorithm.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @r, no @banks with @nbanks, more banks than
 *		IMACARRY_ALGO__MAX, a bank twice, or an unknown form;
 *	-IMACARRY_ERR_ALGO: an unknown bank, or OpenSSL lacks its hash;
 *	-IMACARRY_ERR_NOMEM: out of memory.
 */
int imacarry_replay_new_forms(struct imacarry_replay **r,
			      const enum imacarry_algo *banks,
			      const enum imacarry_form *forms,
			      unsigned int nbanks);
/* Frees @r (NULL is fine). */
void imacarry_replay_free(struct imacarry_replay *r);

/*
 * Sets a starting value (for trimmed or staged lists).
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @r or @value;
 *	-IMACARRY_ERR_PCR: @pcr over 23;
 *	-IMACARRY_ERR_ALGO: no bank @algo in @r;
 *	-IMACARRY_ERR_BADLEN: @len is not the bank's size.
 */
int imacarry_replay_set(struct imacarry_replay *r, enum imacarry_algo algo,
			unsigned int pcr, const uint8_t *value, size_t len);

/*
 * Extends @e into every bank. A violation extends 0xff… of the bank's size.
 * Returns 0, or
 *	-IMACARRY_ERR_DIGEST: after extending every bank, the record's
 *		template digest does not match its data in the list's own
 *		algorithm;
 *	-IMACARRY_ERR_BADARG: no @r, @list or @e, or an 'ima' entry that is
 *		not a digest and a name of at most 256 bytes;
 *	-IMACARRY_ERR_PCR: @e's PCR over 23;
 *	-IMACARRY_ERR_DIGESTSIZE: @list's digest size is none of 20, 32,
 *		48 or 64;
 *	-IMACARRY_ERR_ALGO: OpenSSL failed.
 * On an error other than -IMACARRY_ERR_DIGEST, the banks may be extended
 * in part.
 */
int imacarry_replay_extend(struct imacarry_replay *r,
			   const struct imacarry_list *list,
			   const struct imacarry_entry *e);

/*
 * Extends @value, a PCR value of bank @algo that the caller keeps, with the
 * template digest the last imacarry_replay_extend() extended into that bank
 * (in its form: own hash, zero-padded SHA-1, or 0xff… for a violation), as
 * a TPM does: @value = H(@value || digest). This follows one bank from other
 * starting values, e.g. each boot of a chained list in either form, without
 * hashing the template again.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @r or @value, or the last
 *		imacarry_replay_extend() did not get to extend the bank;
 *	-IMACARRY_ERR_ALGO: no bank @algo in @r, or OpenSSL failed;
 *	-IMACARRY_ERR_BADLEN: @len is not the bank's size.
 */
int imacarry_replay_extend_value(struct imacarry_replay *r,
				 enum imacarry_algo algo, uint8_t *value,
				 size_t len);

/*
 * Copies the value of @pcr in bank @algo to @out.
 * Returns the value's size (the bank's digest size), or
 *	-IMACARRY_ERR_BADARG: no @r or @out;
 *	-IMACARRY_ERR_PCR: @pcr over 23;
 *	-IMACARRY_ERR_ALGO: no bank @algo in @r;
 *	-IMACARRY_ERR_NOSPACE: @size is under the bank's size.
 */
int imacarry_replay_get(const struct imacarry_replay *r,
			enum imacarry_algo algo, unsigned int pcr,
			uint8_t *out, size_t size);

/*
 * Returns true if the list extended @pcr at least once, false otherwise
 * (also for no @r or @pcr over 23).
 */
bool imacarry_replay_touched(const struct imacarry_replay *r, unsigned int pcr);

/* ---- The carry blob (docs/FORMAT.md) ---- */

#define IMACARRY_MAGIC			"IMACARRY"
#define IMACARRY_MAGIC_SIZE		8
#define IMACARRY_VERSION		1
#define IMACARRY_HDR_SIZE		48
#define IMACARRY_KEXEC_HDR_SIZE		24	/* struct ima_kexec_hdr */
#define IMACARRY_F_ZLIB			0x1	/* payload is zlib-deflated */
#define IMACARRY_F_BIG_ENDIAN		0x2	/* payload is big-endian */
#define IMACARRY_F_MASK			0x3
#define IMACARRY_MAX_RAW		(256u << 20)	/* largest raw payload */
#define IMACARRY_MAX_RATIO		32	/* raw_len <= 32 * payload_len */
#define IMACARRY_PROP			"linux,ima-carry"

/* The blob header, decoded to host order. */
struct imacarry_blob_hdr {
	uint16_t version;
	uint16_t hdr_size;
	uint32_t flags;
	uint64_t count;
	uint64_t raw_len;
	uint64_t payload_len;
	uint32_t payload_crc;
	uint32_t hdr_crc;
};

/* Pack flags. */
#define IMACARRY_PACK_NO_COMPRESS	0x1
/*
 * Stored, and only the first IMACARRY_STORED_PREFIX_SIZE bytes: the blob
 * header and struct ima_kexec_hdr, whose CRC covers the list where it
 * lies. The blob is then those bytes followed by the list's buffer, byte
 * for byte what IMACARRY_PACK_NO_COMPRESS writes, without a copy.
 */
#define IMACARRY_PACK_PREFIX		0x2
#define IMACARRY_STORED_PREFIX_SIZE	(IMACARRY_HDR_SIZE + \
					 IMACARRY_KEXEC_HDR_SIZE)

/*
 * Checks a blob of @len bytes before anything else reads a length: magic,
 * version, header size, flags, header CRC, caps, the ratio, then the payload
 * CRC. Fills @hdr (may be NULL) when all pass. Trailing bytes after the
 * payload are refused. @where names the field at fault, from the blob's
 * first byte (IMACARRY_ORIGIN_BLOB).
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @blob with a @len;
 *	-IMACARRY_ERR_TRUNCATED: shorter than the header, or the payload;
 *	-IMACARRY_ERR_MAGIC, -IMACARRY_ERR_VERSION, -IMACARRY_ERR_HDRSIZE,
 *		-IMACARRY_ERR_FLAGS: not a blob this library reads;
 *	-IMACARRY_ERR_HDRCRC, -IMACARRY_ERR_CRC: a CRC-32 mismatch;
 *	-IMACARRY_ERR_BADLEN: trailing bytes, raw_len under 24, or a stored
 *		payload whose raw_len is not its length;
 *	-IMACARRY_ERR_TOOBIG: raw_len over IMACARRY_MAX_RAW;
 *	-IMACARRY_ERR_RATIO: a deflated payload over IMACARRY_MAX_RATIO;
 *	-IMACARRY_ERR_COUNT: a count no payload of raw_len can hold.
 */
int imacarry_blob_check(const void *blob, size_t len,
			struct imacarry_blob_hdr *hdr,
			struct imacarry_where *where);

/* Worst-case blob size for a list of @list_len bytes (0 if over the cap). */
size_t imacarry_blob_bound(size_t list_len);

/*
 * Packs @list (its whole buffer) into @out: a checked view (see struct
 * imacarry_list) as it is, any other after one walk of its own. The
 * payload is deflated unless @flags has IMACARRY_PACK_NO_COMPRESS or
 * deflate would not make it smaller; IMACARRY_PACK_PREFIX writes only
 * the stored blob's prefix. Sets *@out_len to the bytes written, and @hdr
 * (may be NULL) to the header written. @out_size >= imacarry_blob_bound()
 * always suffices.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @list, @out or @out_len, or unknown @flags;
 *	-IMACARRY_ERR_DIGESTSIZE: not the SHA-1 list (the kernel restores
 *		20-byte template digests only);
 *	-IMACARRY_ERR_TOOBIG: over IMACARRY_MAX_RAW;
 *	-IMACARRY_ERR_LEGACY_IMA: an 'ima' template entry, which the next
 *		kernel cannot restore (@where names the first);
 *	any imacarry_list_next() error, with @where set (an unchecked @list);
 *	-IMACARRY_ERR_NOSPACE: @out_size is too small;
 *	-IMACARRY_ERR_NOMEM: zlib could not allocate its state;
 *	-IMACARRY_ERR_INFLATE: zlib failed.
 */
int imacarry_blob_pack(const struct imacarry_list *list, unsigned int flags,
		       void *out, size_t out_size, size_t *out_len,
		       struct imacarry_blob_hdr *hdr,
		       struct imacarry_where *where);

/*
 * Checks @blob, then writes its raw payload (struct ima_kexec_hdr and the
 * list) to @raw, which must hold hdr.raw_len bytes. Requires an exact
 * inflate size and checks the inner header against the outer one. @where
 * names the origin as imacarry_blob_open() does.
 */
int imacarry_blob_unpack(const void *blob, size_t len, void *raw,
			 size_t raw_size, struct imacarry_blob_hdr *hdr,
			 struct imacarry_where *where);

/* What imacarry_blob_open() found. */
struct imacarry_blob {
	struct imacarry_blob_hdr hdr;	/* as decoded, even if a check failed */
	bool checked;			/* header, caps and both CRCs passed */
	struct imacarry_list list;	/* the carried list, not yet walked */
	void *raw;			/* the inflated payload, or NULL */
};

/*
 * Opens a blob of @len bytes at @blob in one pass: checks it as
 * imacarry_blob_check() does (once), then makes @ob->list a view of the
 * carried list after checking the inner header as imacarry_blob_unpack()
 * does. A stored payload is viewed where it lies in @blob; a deflated one
 * is inflated into @ob->raw, malloc'd for it: release it with
 * imacarry_blob_close(). The list is not walked: the caller's walk checks
 * it, and should compare its count with @ob->hdr.count. @ob->hdr holds the
 * header's fields as they are whenever @len holds a header, and
 * @ob->checked says the checks passed, also when a later step fails (for
 * showing a broken blob).
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @ob, or no @blob with a @len;
 *	any imacarry_blob_check() error, @where into @blob (ORIGIN_BLOB);
 *	-IMACARRY_ERR_NOMEM: no memory for the inflated payload;
 *	-IMACARRY_ERR_INFLATE: zlib refused the payload, or it does not
 *		inflate to exactly hdr.raw_len bytes (@where: how far zlib
 *		read, ORIGIN_BLOB);
 *	-IMACARRY_ERR_VERSION, -IMACARRY_ERR_BADLEN, -IMACARRY_ERR_COUNT:
 *		the inner header disagrees (@where into the inflated
 *		payload, ORIGIN_PAYLOAD);
 *	any imacarry_payload_list() error.
 * On failure @ob->raw is NULL and @ob->list empty.
 */
int imacarry_blob_open(const void *blob, size_t len, struct imacarry_blob *ob,
		       struct imacarry_where *where);

/* Frees what imacarry_blob_open() allocated; @ob->hdr stays. NULL is ok. */
void imacarry_blob_close(struct imacarry_blob *ob);

/*
 * Makes a list view of a raw payload (after struct ima_kexec_hdr) and checks
 * the inner header: version 1, buffer_size <= @raw_len.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @raw or @list;
 *	-IMACARRY_ERR_TRUNCATED, -IMACARRY_ERR_VERSION, -IMACARRY_ERR_BADLEN:
 *		the inner header (@where into @raw, IMACARRY_ORIGIN_PAYLOAD);
 *	any imacarry_list_init() error, @where into the list
 *		(IMACARRY_ORIGIN_LIST: @raw + IMACARRY_KEXEC_HDR_SIZE).
 */
int imacarry_payload_list(const void *raw, size_t raw_len, bool big_endian,
			  struct imacarry_list *list, uint64_t *count,
			  struct imacarry_where *where);

/* ---- The kexec buffer (linux,ima-kexec-buffer, x86 SETUP_IMA) ---- */

/*
 * What kexec_file_load hands the next kernel and what an unmodified kernel
 * restores (ima_load_kexec_buffer()): struct ima_kexec_hdr, then the SHA-1
 * list exactly as securityfs gave it, uncompressed, at a physical address
 * that the device tree or x86's setup_data names.
 */

/*
 * The payload size for a list of @list_len bytes: IMACARRY_KEXEC_HDR_SIZE
 * + @list_len, or 0 when that is over IMACARRY_MAX_RAW.
 */
size_t imacarry_kbuf_size(size_t list_len);

/*
 * Writes struct ima_kexec_hdr (version 1, buffer_size = the payload size,
 * count) in @list's byte order, then @list's buffer byte for byte, to @out.
 * A checked @list is not walked again. Sets *@out_len and *@count (may be
 * NULL) to the entries.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @list, @out or @out_len;
 *	-IMACARRY_ERR_DIGESTSIZE: not the SHA-1 list;
 *	-IMACARRY_ERR_TOOBIG: over IMACARRY_MAX_RAW;
 *	-IMACARRY_ERR_LEGACY_IMA or any imacarry_list_next() error, as
 *		imacarry_blob_pack() (@where names the entry);
 *	-IMACARRY_ERR_NOSPACE: @out_size < imacarry_kbuf_size(@list->len).
 */
int imacarry_kbuf_pack(const struct imacarry_list *list, void *out,
		       size_t out_size, size_t *out_len, uint64_t *count,
		       struct imacarry_where *where);

/*
 * Recognises a payload of @len bytes at @buf (a file, or a whole segment
 * with its zero padding) and makes @list a view of its list. Sets *@count
 * (may be NULL) to the header's count.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @buf or @list;
 *	-IMACARRY_ERR_FORMAT: no version 1 header in either byte order;
 *	-IMACARRY_ERR_BADLEN: buffer_size under 24 or over @len, or a
 *		non-zero byte after it (@where names it);
 *	-IMACARRY_ERR_COUNT: a count no list of that size can hold;
 *	any imacarry_payload_list() error.
 * @where counts from @buf (IMACARRY_ORIGIN_PAYLOAD), but in the list
 * (IMACARRY_ORIGIN_LIST) for a record's fault.
 */
int imacarry_kbuf_list(const void *buf, size_t len,
		       struct imacarry_list *list, uint64_t *count,
		       struct imacarry_where *where);

/* ---- Device trees (/chosen/linux,ima-carry) ---- */

/*
 * Trees must be 8-byte aligned (libfdt refuses others) and of version 17
 * (what dtc and Linux write). Every call checks the whole tree with
 * fdt_check_full() first. imacarry_fdt_strip() takes no size, so, as in
 * libfdt, the buffer must hold the header's totalsize bytes: check that
 * against the file length before calling it. The writers report the size
 * they need, so that callers need no libfdt of their own.
 */

/*
 * Removes stale carriers from @fdt: linux,ima-carry, and
 * linux,ima-kexec-buffer together with its exact /memreserve/.
 * Returns the number of things removed, or
 *	-IMACARRY_ERR_BADARG: no @fdt;
 *	-IMACARRY_ERR_FDT: an unsound tree, or libfdt failed.
 */
int imacarry_fdt_strip(void *fdt);

/*
 * Grows @fdt in place to @bufsize (fdt_open_into), strips stale carriers and
 * sets /chosen/linux,ima-carry to @blob. The result is packed (fdt_pack).
 * Returns 0 with *@size (may be NULL) set to the packed tree's size, what
 * to write out, or
 *	-IMACARRY_ERR_BADARG: no @fdt, no @blob with a @blob_len, or a size
 *		over 2 GiB;
 *	-IMACARRY_ERR_FDT: an unsound tree (or one over @bufsize), or libfdt
 *		failed;
 *	-IMACARRY_ERR_NOSPACE: @bufsize may be too small: *@size is a
 *		@bufsize that suffices, and the tree is left as it was.
 * So a call with @bufsize the tree's size asks what to allocate.
 */
int imacarry_fdt_put(void *fdt, size_t bufsize, const void *blob,
		     size_t blob_len, size_t *size);

/*
 * Finds the blob in @fdt (checked with fdt_check_full()).
 * Returns 0, or -IMACARRY_ERR_BADARG, -IMACARRY_ERR_TOOBIG (@fdt_len over
 * 2 GiB), -IMACARRY_ERR_FDT (an unsound tree, or the property twice),
 * -IMACARRY_ERR_NOCHOSEN, -IMACARRY_ERR_NOTFOUND.
 */
int imacarry_fdt_get(const void *fdt, size_t fdt_len, const void **blob,
		     size_t *blob_len);

#define IMACARRY_KEXEC_BUFFER_PROP	"linux,ima-kexec-buffer"

/*
 * Grows @fdt in place to @bufsize, replaces any linux,ima-kexec-buffer
 * (with its exact /memreserve/) by <@addr @size> in the root's
 * #address-cells and #size-cells, and adds a /memreserve/ of exactly @addr
 * and @size. linux,ima-carry is kept: call this after imacarry_fdt_put().
 * The result is packed. With IMACARRY_FDT_RSV_NOT_LAST in @flags the new
 * entry goes before the last one, which ppc64's kexec patches with the
 * tree's own address once the tree is placed.
 * Returns 0 with *@need (may be NULL) set to the packed tree's size, or
 *	-IMACARRY_ERR_BADARG: no @fdt, @size 0, unknown @flags, the range wraps, or @addr or
 *		@size does not fit the root's cells;
 *	-IMACARRY_ERR_FDT: an unsound tree, or a root without
 *		#address-cells and #size-cells of 1 or 2;
 *	-IMACARRY_ERR_NOSPACE: @bufsize may be too small: *@need is a
 *		@bufsize that suffices, and the tree is left as it was.
 */
#define IMACARRY_FDT_RSV_NOT_LAST	0x1
int imacarry_fdt_put_kbuf(void *fdt, size_t bufsize, uint64_t addr,
			  uint64_t size, unsigned int flags, size_t *need);

/*
 * Reads /chosen/linux,ima-kexec-buffer in the root's cells.
 * Returns 0, or -IMACARRY_ERR_BADARG, -IMACARRY_ERR_TOOBIG (@fdt_len over
 * 2 GiB), -IMACARRY_ERR_FDT (an unsound tree, the property twice, or of
 * the wrong length), -IMACARRY_ERR_NOCHOSEN, -IMACARRY_ERR_NOTFOUND.
 */
int imacarry_fdt_get_kbuf(const void *fdt, size_t fdt_len, uint64_t *addr,
			  uint64_t *size);

/* ---- Reading the live list (securityfs) ---- */

#define IMACARRY_SECURITYFS		"/sys/kernel/security"

/*
 * Reads @file ("binary_runtime_measurements" when NULL) below
 * @securityfs/ima (IMACARRY_SECURITYFS when NULL) into a malloc'd *@buf,
 * which the caller frees, and makes @list a checked view of it (see struct
 * imacarry_list): its digest size (from @file's name, else detected), byte
 * order and count are known, and packing it walks no more. The list grows
 * while it is read, so this compares runtime_measurements_count before and
 * after and views a consistent prefix that ends on a record boundary.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @buf or @list, or a '/' in @file;
 *	-IMACARRY_ERR_NOIMA: no securityfs at @securityfs, or no IMA in it;
 *	-IMACARRY_ERR_IO: a system call failed, and errno says why;
 *	-IMACARRY_ERR_FORMAT: runtime_measurements_count is not a number;
 *	-IMACARRY_ERR_TOOBIG: the file is over 1 GiB;
 *	-IMACARRY_ERR_NOMEM: out of memory;
 *	-IMACARRY_ERR_COUNT: fewer whole records than counted (@where: where
 *		they end);
 *	any imacarry_list_init() or imacarry_list_next() error, with @where.
 * On failure *@buf is NULL and nothing is left allocated.
 */
int imacarry_snapshot_read(const char *securityfs, const char *file,
			   void **buf, struct imacarry_list *list,
			   struct imacarry_where *where);

/*
 * imacarry_snapshot_read() without its walk, for a caller whose own walk
 * is to be the one walk (ima-carry dump renders as it walks): @list is an
 * unchecked view of all that was read, and *@count is the
 * runtime_measurements_count taken before the read. The kernel adds an
 * entry before it counts it, so the first *@count records are whole and
 * consistent, and any after them may have been added during the read: walk
 * at most *@count records. A walk that ends, or meets a record cut off
 * (-IMACARRY_ERR_TRUNCATED), before *@count records is what
 * imacarry_snapshot_read() calls -IMACARRY_ERR_COUNT.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: no @buf, @list or @count, or a '/' in @file;
 *	-IMACARRY_ERR_NOIMA, -IMACARRY_ERR_IO, -IMACARRY_ERR_FORMAT,
 *	-IMACARRY_ERR_TOOBIG, -IMACARRY_ERR_NOMEM: as imacarry_snapshot_read();
 *	any imacarry_list_init() error, with @where.
 * On failure *@buf is NULL and nothing is left allocated.
 */
int imacarry_snapshot_read_unchecked(const char *securityfs,
				     const char *file, void **buf,
				     struct imacarry_list *list,
				     uint64_t *count,
				     struct imacarry_where *where);

/* ---- Recording a load for the shutdown hook (shutdown/README.md) ---- */

#define IMACARRY_RUNDIR		"/run/ima-carry"

/*
 * Called by kexec --ima-carry -l after a successful load. Replaces @rundir
 * (IMACARRY_RUNDIR when NULL; must be absolute) in one rename with a 0700
 * directory holding "kernel" and "initrd", copies of @kernel and @initrd
 * (NULL: none), and "argv": @argv[1..@argc-1] as they are, each
 * NUL-terminated. Which words of @argv name the kernel and the initrd is
 * the caller's to know: it points them at @rundir/kernel and
 * @rundir/initrd before the call (kexec/ima-carry-argv.h does, for kexec).
 * On failure nothing changes.
 * Returns 0, or
 *	-IMACARRY_ERR_BADARG: a relative @rundir, @argc under 2, no @argv
 *		or @kernel, a NULL word, a @rundir too long (errno
 *		ENAMETOOLONG), or a @kernel or @initrd that is no regular file;
 *	-IMACARRY_ERR_IO: a system call failed, and errno says why.
 */
int imacarry_record_load(const char *rundir, int argc, char *const argv[],
			 const char *kernel, const char *initrd);

/* ---- Recognising inputs ---- */

enum imacarry_kind {
	IMACARRY_KIND_UNKNOWN,
	IMACARRY_KIND_LIST,
	IMACARRY_KIND_BLOB,
	IMACARRY_KIND_FDT,
};

/* Guesses what @buf holds from its magic (a list has none). */
enum imacarry_kind imacarry_kind_of(const void *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* IMACARRY_H */
