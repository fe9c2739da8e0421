// SPDX-License-Identifier: GPL-2.0-only
/* blob.c - check, pack and unpack the carry blob of docs/FORMAT.md */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "imacarry-internal.h"

/* Blob header offsets (docs/FORMAT.md, section 3). */
#define HDR_MAGIC	0
#define HDR_VERSION	8
#define HDR_HDR_SIZE	10
#define HDR_FLAGS	12
#define HDR_COUNT	16
#define HDR_RAW_LEN	24
#define HDR_PAYLOAD_LEN	32
#define HDR_PAYLOAD_CRC	40
#define HDR_HDR_CRC	44

/* struct ima_kexec_hdr offsets, in the payload's byte order. */
#define KHDR_VERSION	0
#define KHDR_BUF_SIZE	8
#define KHDR_COUNT	16

/* The smallest record: PCR, SHA-1 digest, name length, 1-byte name and
 * data length. */
#define MIN_RECORD	33

/*
 * Level 6 (Z_DEFAULT_COMPRESSION), measured on the real SHA-1 lists in
 * ../shared/testdata/real (36-49 KB, ratio 1.9-2.0): level 9 saves only
 * 0.5-1.2% more at 2.3-3x the time, level 1 is 4-5x faster but 4.5% bigger.
 * Both ends are milliseconds even for a 1.4 MB list (30/65/211 ms for
 * levels 1/6/9), and the blob sits in reserved kexec memory until the next
 * kernel frees it, so the default is the sensible middle.
 */
#define IC_ZLIB_LEVEL	Z_DEFAULT_COMPRESSION

/* A fault in a blob's header or stream: from its first byte, no entry. */
static int blob_fail(struct imacarry_where *where, uint64_t offset, int err)
{
	ic_where_at(where, IMACARRY_ORIGIN_BLOB, offset, 0);
	return -err;
}

/* A fault in the raw payload's struct ima_kexec_hdr: from its first byte. */
static int payload_fail(struct imacarry_where *where, uint64_t offset,
			int err)
{
	ic_where_at(where, IMACARRY_ORIGIN_PAYLOAD, offset, 0);
	return -err;
}

/* Decodes every header field as it is, judging none (@len >= the header). */
static void decode_hdr(const uint8_t *b, struct imacarry_blob_hdr *h)
{
	h->version = ic_get_le16(b + HDR_VERSION);
	h->hdr_size = ic_get_le16(b + HDR_HDR_SIZE);
	h->flags = ic_get_le32(b + HDR_FLAGS);
	h->count = ic_get_le64(b + HDR_COUNT);
	h->raw_len = ic_get_le64(b + HDR_RAW_LEN);
	h->payload_len = ic_get_le64(b + HDR_PAYLOAD_LEN);
	h->payload_crc = ic_get_le32(b + HDR_PAYLOAD_CRC);
	h->hdr_crc = ic_get_le32(b + HDR_HDR_CRC);
}

/*
 * imacarry_blob_check() into @h, which holds the decoded header whenever
 * @len does, whatever the checks then find.
 */
static int check_blob(const uint8_t *b, size_t len,
		      struct imacarry_blob_hdr *h, struct imacarry_where *where)
{
	ic_where_at(where, IMACARRY_ORIGIN_BLOB, 0, 0);
	memset(h, 0, sizeof(*h));
	if (!b && len)
		return -IMACARRY_ERR_BADARG;

	/* 1. Enough bytes for the fixed header. */
	if (len < IMACARRY_HDR_SIZE)
		return blob_fail(where, len, IMACARRY_ERR_TRUNCATED);
	decode_hdr(b, h);

	/* 2. Identity, before trusting any length. */
	if (memcmp(b + HDR_MAGIC, IMACARRY_MAGIC, IMACARRY_MAGIC_SIZE))
		return blob_fail(where, HDR_MAGIC, IMACARRY_ERR_MAGIC);
	if (h->version != IMACARRY_VERSION)
		return blob_fail(where, HDR_VERSION, IMACARRY_ERR_VERSION);
	if (h->hdr_size != IMACARRY_HDR_SIZE)
		return blob_fail(where, HDR_HDR_SIZE, IMACARRY_ERR_HDRSIZE);
	if (h->flags & ~(uint32_t)IMACARRY_F_MASK)
		return blob_fail(where, HDR_FLAGS, IMACARRY_ERR_FLAGS);

	/* 3. The header CRC covers every field read below. */
	if (crc32_z(0, b, HDR_HDR_CRC) != h->hdr_crc)
		return blob_fail(where, HDR_HDR_CRC, IMACARRY_ERR_HDRCRC);

	/* 4. Lengths and caps. */
	if (h->payload_len > len - IMACARRY_HDR_SIZE)
		return blob_fail(where, HDR_PAYLOAD_LEN,
				 IMACARRY_ERR_TRUNCATED);
	if (h->payload_len < len - IMACARRY_HDR_SIZE)	/* trailing bytes */
		return blob_fail(where, IMACARRY_HDR_SIZE + h->payload_len,
				 IMACARRY_ERR_BADLEN);
	if (h->raw_len < IMACARRY_KEXEC_HDR_SIZE)
		return blob_fail(where, HDR_RAW_LEN, IMACARRY_ERR_BADLEN);
	if (h->raw_len > IMACARRY_MAX_RAW)
		return blob_fail(where, HDR_RAW_LEN, IMACARRY_ERR_TOOBIG);
	if (h->flags & IMACARRY_F_ZLIB) {
		/* raw_len <= 32 * payload_len, without overflow. */
		if (h->payload_len < (h->raw_len + IMACARRY_MAX_RATIO - 1) /
				     IMACARRY_MAX_RATIO)
			return blob_fail(where, HDR_RAW_LEN,
					 IMACARRY_ERR_RATIO);
	} else if (h->raw_len != h->payload_len) {
		return blob_fail(where, HDR_RAW_LEN, IMACARRY_ERR_BADLEN);
	}
	if (h->count > (h->raw_len - IMACARRY_KEXEC_HDR_SIZE) / MIN_RECORD)
		return blob_fail(where, HDR_COUNT, IMACARRY_ERR_COUNT);

	/* 5. The payload as stored. */
	if (crc32_z(0, b + IMACARRY_HDR_SIZE, (size_t)h->payload_len) !=
	    h->payload_crc)
		return blob_fail(where, HDR_PAYLOAD_CRC, IMACARRY_ERR_CRC);
	return 0;
}

int imacarry_blob_check(const void *blob, size_t len,
			struct imacarry_blob_hdr *hdr,
			struct imacarry_where *where)
{
	struct imacarry_blob_hdr h;
	int ret;

	ret = check_blob(blob, len, &h, where);
	if (ret == 0 && hdr)
		*hdr = h;
	return ret;
}

size_t imacarry_blob_bound(size_t list_len)
{
	if (list_len > IMACARRY_MAX_RAW - IMACARRY_KEXEC_HDR_SIZE)
		return 0;
	/* Deflate is only kept when smaller, so storing is the worst case. */
	return IMACARRY_HDR_SIZE + IMACARRY_KEXEC_HDR_SIZE + list_len;
}

void ic_put_kexec_hdr(uint8_t *k, bool big_endian, uint64_t raw_len,
		      uint64_t count)
{
	memset(k, 0, IMACARRY_KEXEC_HDR_SIZE);
	if (big_endian) {
		ic_put_be16(k + KHDR_VERSION, 1);
		ic_put_be64(k + KHDR_BUF_SIZE, raw_len);
		ic_put_be64(k + KHDR_COUNT, count);
	} else {
		ic_put_le16(k + KHDR_VERSION, 1);
		ic_put_le64(k + KHDR_BUF_SIZE, raw_len);
		ic_put_le64(k + KHDR_COUNT, count);
	}
}

/*
 * Deflates the inner header and the list, as two inputs, straight into
 * @out. Returns the payload length, 0 when the result would not be smaller
 * than @raw_len (or does not fit in @avail), or a negative error.
 */
static long long deflate_payload(const uint8_t *khdr, const uint8_t *list,
				 size_t list_len, uint8_t *out, size_t avail,
				 uint64_t raw_len)
{
	z_stream zs;
	long long ret;
	int zret;

	memset(&zs, 0, sizeof(zs));
	if (deflateInit(&zs, IC_ZLIB_LEVEL) != Z_OK)
		return -IMACARRY_ERR_NOMEM;

	/* Smaller than raw_len, or not worth it: storing wins then. */
	if (avail > raw_len - 1)
		avail = (size_t)raw_len - 1;
	zs.next_out = out;
	zs.avail_out = (uInt)avail;

	zs.next_in = (Bytef *)khdr;
	zs.avail_in = IMACARRY_KEXEC_HDR_SIZE;
	zret = deflate(&zs, Z_NO_FLUSH);
	if (zret == Z_OK && zs.avail_in == 0) {
		/* raw_len <= 256 MiB, so the list fits one uInt. */
		zs.next_in = (Bytef *)list;
		zs.avail_in = (uInt)list_len;
		zret = deflate(&zs, Z_FINISH);
	}
	if (zret == Z_STREAM_END)
		ret = (long long)zs.total_out;
	else if (zret == Z_OK || zret == Z_BUF_ERROR)
		ret = 0;
	else
		ret = -IMACARRY_ERR_INFLATE;
	deflateEnd(&zs);
	return ret;
}

/*
 * What every pack function refuses: a list the next kernel could not
 * restore. A checked @list is trusted; any other is walked once. Sets *@n
 * to the entries.
 */
int ic_pack_check(const struct imacarry_list *list, uint64_t *n,
		  struct imacarry_where *where)
{
	struct imacarry_list walked;

	ic_where(where, 0, 0);
	if (!list || (!list->buf && list->len))
		return -IMACARRY_ERR_BADARG;
	/* Restore reads 20-byte digests: only the SHA-1 list can be carried. */
	if (list->digest_size != IMACARRY_SHA1_SIZE)
		return -IMACARRY_ERR_DIGESTSIZE;
	if (list->len > IMACARRY_MAX_RAW - IMACARRY_KEXEC_HDR_SIZE)
		return -IMACARRY_ERR_TOOBIG;
	/* The kernel can't restore what it can't parse, nor 'ima' entries. */
	if (!list->checked) {
		walked = *list;
		return imacarry_list_check(&walked, true, n, where);
	}
	if (list->legacy) {
		ic_where(where, list->legacy_at.offset, list->legacy_at.index);
		return -IMACARRY_ERR_LEGACY_IMA;
	}
	*n = list->count;
	return 0;
}

/* Writes @h, whose hdr_crc it sets, as the first IMACARRY_HDR_SIZE bytes. */
static void put_blob_hdr(uint8_t *o, struct imacarry_blob_hdr *h)
{
	memcpy(o + HDR_MAGIC, IMACARRY_MAGIC, IMACARRY_MAGIC_SIZE);
	ic_put_le16(o + HDR_VERSION, h->version);
	ic_put_le16(o + HDR_HDR_SIZE, h->hdr_size);
	ic_put_le32(o + HDR_FLAGS, h->flags);
	ic_put_le64(o + HDR_COUNT, h->count);
	ic_put_le64(o + HDR_RAW_LEN, h->raw_len);
	ic_put_le64(o + HDR_PAYLOAD_LEN, h->payload_len);
	ic_put_le32(o + HDR_PAYLOAD_CRC, h->payload_crc);
	h->hdr_crc = (uint32_t)crc32_z(0, o, HDR_HDR_CRC);
	ic_put_le32(o + HDR_HDR_CRC, h->hdr_crc);
}

/* The header of a blob of @list's @count entries, CRCs and payload aside. */
static void blob_hdr_for(struct imacarry_blob_hdr *h,
			 const struct imacarry_list *list, uint64_t count)
{
	memset(h, 0, sizeof(*h));
	h->version = IMACARRY_VERSION;
	h->hdr_size = IMACARRY_HDR_SIZE;
	h->flags = list->big_endian ? IMACARRY_F_BIG_ENDIAN : 0;
	h->count = count;
	h->raw_len = IMACARRY_KEXEC_HDR_SIZE + (uint64_t)list->len;
	h->payload_len = h->raw_len;
}

/*
 * The stored blob's first IMACARRY_HDR_SIZE + IMACARRY_KEXEC_HDR_SIZE
 * bytes, for a checked list of @count entries. The payload CRC runs over
 * the inner header and the caller's list where it lies, so the list itself
 * is never copied here.
 */
static void put_stored_prefix(uint8_t *prefix,
			      const struct imacarry_list *list, uint64_t count,
			      struct imacarry_blob_hdr *h)
{
	uint8_t *khdr = prefix + IMACARRY_HDR_SIZE;
	uLong crc;

	blob_hdr_for(h, list, count);
	ic_put_kexec_hdr(khdr, list->big_endian, h->raw_len, count);
	crc = crc32_z(0, khdr, IMACARRY_KEXEC_HDR_SIZE);
	if (list->len)
		crc = crc32_z(crc, list->buf, list->len);
	h->payload_crc = (uint32_t)crc;
	put_blob_hdr(prefix, h);
}

int imacarry_blob_pack(const struct imacarry_list *list, unsigned int flags,
		       void *out, size_t out_size, size_t *out_len,
		       struct imacarry_blob_hdr *hdr,
		       struct imacarry_where *where)
{
	uint8_t khdr[IMACARRY_KEXEC_HDR_SIZE];
	struct imacarry_blob_hdr h;
	uint8_t *o = out;
	uint64_t n;
	long long z;
	int ret;

	ic_where(where, 0, 0);
	if (!out || !out_len ||
	    (flags & ~(unsigned int)(IMACARRY_PACK_NO_COMPRESS |
				     IMACARRY_PACK_PREFIX)))
		return -IMACARRY_ERR_BADARG;
	if (flags & IMACARRY_PACK_PREFIX)
		flags |= IMACARRY_PACK_NO_COMPRESS;
	ret = ic_pack_check(list, &n, where);
	if (ret < 0)
		return ret;
	if (out_size < IMACARRY_HDR_SIZE)
		return -IMACARRY_ERR_NOSPACE;
	blob_hdr_for(&h, list, n);

	if (!(flags & IMACARRY_PACK_NO_COMPRESS)) {
		ic_put_kexec_hdr(khdr, list->big_endian, h.raw_len, n);
		z = deflate_payload(khdr, list->buf, list->len,
				    o + IMACARRY_HDR_SIZE,
				    out_size - IMACARRY_HDR_SIZE, h.raw_len);
		if (z < 0)
			return (int)z;
		/*
		 * Readers refuse a ratio over the cap as a bomb, and a
		 * list of repeated entries (violations of one file) can
		 * deflate that well: store such a payload instead.
		 */
		if (z > 0 && h.raw_len <= (uint64_t)z * IMACARRY_MAX_RATIO) {
			h.flags |= IMACARRY_F_ZLIB;
			h.payload_len = (uint64_t)z;
			h.payload_crc = (uint32_t)crc32_z(0,
				o + IMACARRY_HDR_SIZE, (size_t)z);
			put_blob_hdr(o, &h);
			goto done;
		}
	}

	/* Stored: the prefix, then the list, unless the caller writes it. */
	if (flags & IMACARRY_PACK_PREFIX) {
		if (out_size < IMACARRY_STORED_PREFIX_SIZE)
			return -IMACARRY_ERR_NOSPACE;
		put_stored_prefix(o, list, n, &h);
		*out_len = IMACARRY_STORED_PREFIX_SIZE;
		goto hdr;
	}
	if (out_size - IMACARRY_HDR_SIZE < h.raw_len)
		return -IMACARRY_ERR_NOSPACE;
	put_stored_prefix(o, list, n, &h);
	if (list->len)
		memcpy(o + IMACARRY_HDR_SIZE + IMACARRY_KEXEC_HDR_SIZE,
		       list->buf, list->len);
done:
	*out_len = IMACARRY_HDR_SIZE + (size_t)h.payload_len;
hdr:
	if (hdr)
		*hdr = h;
	return 0;
}

/*
 * Inflates exactly @raw_len bytes: the stream must end (Z_STREAM_END) right
 * when the output is full, and use up the whole payload.
 */
static int inflate_payload(const uint8_t *in, uint64_t in_len, uint8_t *raw,
			   uint64_t raw_len, struct imacarry_where *where)
{
	uint64_t left = in_len;
	z_stream zs;
	int zret;

	memset(&zs, 0, sizeof(zs));
	if (inflateInit(&zs) != Z_OK)
		return -IMACARRY_ERR_NOMEM;
	zs.next_out = raw;
	zs.avail_out = (uInt)raw_len;	/* <= 256 MiB */
	do {
		/* Feed a payload over 4 GiB in pieces (avail_in is a uInt). */
		if (zs.avail_in == 0) {
			zs.next_in = (Bytef *)in + (in_len - left);
			zs.avail_in = left > UINT_MAX ? UINT_MAX : (uInt)left;
			left -= zs.avail_in;
		}
		zret = inflate(&zs, Z_FINISH);
	} while ((zret == Z_OK || zret == Z_BUF_ERROR) && zs.avail_out &&
		 (zs.avail_in || left));

	/* total_in is a uLong; in_len is bounded by a size_t, so it's fine. */
	ic_where_at(where, IMACARRY_ORIGIN_BLOB,
		    IMACARRY_HDR_SIZE + zs.total_in, 0);
	inflateEnd(&zs);
	if (zret != Z_STREAM_END || zs.avail_out || zs.avail_in || left)
		return -IMACARRY_ERR_INFLATE;
	return 0;
}

int imacarry_payload_list(const void *raw, size_t raw_len, bool big_endian,
			  struct imacarry_list *list, uint64_t *count,
			  struct imacarry_where *where)
{
	const uint8_t *k = raw;
	uint64_t bufsz;
	int ret;

	ic_where_at(where, IMACARRY_ORIGIN_PAYLOAD, 0, 0);
	if (!raw || !list)
		return -IMACARRY_ERR_BADARG;
	if (raw_len < IMACARRY_KEXEC_HDR_SIZE)
		return payload_fail(where, raw_len, IMACARRY_ERR_TRUNCATED);
	if ((big_endian ? ic_get_be16(k + KHDR_VERSION) :
			  ic_get_le16(k + KHDR_VERSION)) != 1)
		return payload_fail(where, KHDR_VERSION, IMACARRY_ERR_VERSION);
	bufsz = ic_get64(big_endian, k + KHDR_BUF_SIZE);
	if (bufsz < IMACARRY_KEXEC_HDR_SIZE || bufsz > raw_len)
		return payload_fail(where, KHDR_BUF_SIZE, IMACARRY_ERR_BADLEN);

	/*
	 * The list's own offsets (IMACARRY_ORIGIN_LIST), as the caller's walk
	 * of @list will give them: one record fault reads the same wherever
	 * it is found.
	 */
	ret = imacarry_list_init(list, k + IMACARRY_KEXEC_HDR_SIZE,
				 (size_t)bufsz - IMACARRY_KEXEC_HDR_SIZE,
				 IMACARRY_SHA1_SIZE, big_endian ? 1 : 0, where);
	if (ret < 0)
		return ret;
	if (count)
		*count = ic_get64(big_endian, k + KHDR_COUNT);
	return 0;
}

/*
 * 8. The inner header of a checked blob's raw payload at @r. Offsets from
 * here on count in the raw payload (IMACARRY_ORIGIN_PAYLOAD), since a
 * deflated payload has no byte-for-byte mapping to the blob.
 */
static int payload_view(const uint8_t *r, const struct imacarry_blob_hdr *h,
			struct imacarry_list *list,
			struct imacarry_where *where)
{
	bool be = h->flags & IMACARRY_F_BIG_ENDIAN;
	uint64_t count;
	int ret;

	ret = imacarry_payload_list(r, (size_t)h->raw_len, be, list, &count,
				    where);
	if (ret < 0)
		return ret;
	if (ic_get64(be, r + KHDR_BUF_SIZE) != h->raw_len)
		return payload_fail(where, KHDR_BUF_SIZE, IMACARRY_ERR_BADLEN);
	if (count != h->count)
		return payload_fail(where, KHDR_COUNT, IMACARRY_ERR_COUNT);
	return 0;
}

int imacarry_blob_unpack(const void *blob, size_t len, void *raw,
			 size_t raw_size, struct imacarry_blob_hdr *hdr,
			 struct imacarry_where *where)
{
	const uint8_t *b = blob;
	struct imacarry_blob_hdr h;
	struct imacarry_list list;
	int ret;

	ret = imacarry_blob_check(blob, len, &h, where);
	if (ret < 0)
		return ret;
	if (hdr)
		*hdr = h;
	if (!raw)
		return -IMACARRY_ERR_BADARG;
	if (raw_size < h.raw_len)
		return -IMACARRY_ERR_NOSPACE;

	/* 7. Never in place: the caller's buffer gets a fresh copy. */
	if (h.flags & IMACARRY_F_ZLIB) {
		ret = inflate_payload(b + IMACARRY_HDR_SIZE, h.payload_len, raw,
				      h.raw_len, where);
		if (ret < 0)
			return ret;
	} else {
		memcpy(raw, b + IMACARRY_HDR_SIZE, (size_t)h.raw_len);
	}
	return payload_view(raw, &h, &list, where);
}

int imacarry_blob_open(const void *blob, size_t len, struct imacarry_blob *ob,
		       struct imacarry_where *where)
{
	const uint8_t *b = blob;
	const uint8_t *r;
	int ret;

	ic_where_at(where, IMACARRY_ORIGIN_BLOB, 0, 0);
	if (!ob)
		return -IMACARRY_ERR_BADARG;
	memset(ob, 0, sizeof(*ob));
	ret = check_blob(b, len, &ob->hdr, where);
	if (ret < 0)
		return ret;
	ob->checked = true;

	/* 7. A stored payload is the raw payload: view it where it lies. */
	r = b + IMACARRY_HDR_SIZE;
	if (ob->hdr.flags & IMACARRY_F_ZLIB) {
		/* blob_check capped raw_len at IMACARRY_MAX_RAW. */
		ob->raw = malloc((size_t)ob->hdr.raw_len);
		if (!ob->raw)
			return -IMACARRY_ERR_NOMEM;
		ret = inflate_payload(r, ob->hdr.payload_len, ob->raw,
				      ob->hdr.raw_len, where);
		r = ob->raw;
	}
	if (ret == 0)
		ret = payload_view(r, &ob->hdr, &ob->list, where);
	if (ret < 0)
		imacarry_blob_close(ob);
	return ret;
}

void imacarry_blob_close(struct imacarry_blob *ob)
{
	if (!ob)
		return;
	free(ob->raw);
	ob->raw = NULL;
	memset(&ob->list, 0, sizeof(ob->list));
}
