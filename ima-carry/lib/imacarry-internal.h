/* SPDX-License-Identifier: GPL-2.0-only */
/* imacarry-internal.h - helpers shared by libimacarry's files, not exported */
#ifndef IMACARRY_INTERNAL_H
#define IMACARRY_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "imacarry.h"

/* Internal symbols use ic_; libimacarry.sym exports only imacarry_*. */

/* Unaligned loads and stores: memcpy compiles to one move. */
static inline uint16_t ic_get_le16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)(b[0] | b[1] << 8);
}

static inline uint32_t ic_get_le32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] | (uint32_t)b[1] << 8 |
	       (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static inline uint64_t ic_get_le64(const void *p)
{
	return (uint64_t)ic_get_le32(p) |
	       (uint64_t)ic_get_le32((const uint8_t *)p + 4) << 32;
}

static inline uint16_t ic_get_be16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)(b[0] << 8 | b[1]);
}

static inline uint32_t ic_get_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | (uint32_t)b[3];
}

static inline uint64_t ic_get_be64(const void *p)
{
	return (uint64_t)ic_get_be32(p) << 32 |
	       (uint64_t)ic_get_be32((const uint8_t *)p + 4);
}

static inline void ic_put_le16(void *p, uint16_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
}

static inline void ic_put_le32(void *p, uint32_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

static inline void ic_put_le64(void *p, uint64_t v)
{
	ic_put_le32(p, (uint32_t)v);
	ic_put_le32((uint8_t *)p + 4, (uint32_t)(v >> 32));
}

static inline void ic_put_be16(void *p, uint16_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static inline void ic_put_be32(void *p, uint32_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static inline void ic_put_be64(void *p, uint64_t v)
{
	ic_put_be32(p, (uint32_t)(v >> 32));
	ic_put_be32((uint8_t *)p + 4, (uint32_t)v);
}

/* Loads in a list's byte order. */
static inline uint32_t ic_get32(bool big_endian, const void *p)
{
	return big_endian ? ic_get_be32(p) : ic_get_le32(p);
}

static inline uint64_t ic_get64(bool big_endian, const void *p)
{
	return big_endian ? ic_get_be64(p) : ic_get_le64(p);
}

/* Sets @w (may be NULL): @off bytes from @origin, entry @idx. */
static inline void ic_where_at(struct imacarry_where *w,
			       enum imacarry_origin origin, uint64_t off,
			       uint64_t idx)
{
	if (w) {
		w->offset = off;
		w->index = idx;
		w->origin = origin;
	}
}

/* A position in a list, the origin of every record walk. */
static inline void ic_where(struct imacarry_where *w, uint64_t offset,
			    uint64_t index)
{
	ic_where_at(w, IMACARRY_ORIGIN_LIST, offset, index);
}

#define IC_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* template.c: parses a template name ("ima-ng", or a "d-ng|n-ng" format). */
int ic_template_parse(const char *name, uint32_t name_len,
		      uint8_t *field_id, unsigned int *nfields);

/*
 * blob.c: struct ima_kexec_hdr (IMACARRY_KEXEC_HDR_SIZE bytes) in the
 * list's byte order, as the blob's payload and the kexec buffer start.
 */
void ic_put_kexec_hdr(uint8_t *k, bool big_endian, uint64_t raw_len,
		      uint64_t count);

/*
 * blob.c: refuses a list the next kernel could not restore, walking it
 * unless it is checked; sets *@n to its entries.
 */
int ic_pack_check(const struct imacarry_list *list, uint64_t *n,
		  struct imacarry_where *where);

/*
 * list.c: makes @prefix a checked view of the longest prefix of @list that
 * holds at most @max whole records (for trimming a live snapshot): a
 * record cut off by the end of @list is left out, any other fault is an
 * error. One walk.
 */
int ic_list_prefix(const struct imacarry_list *list, uint64_t max,
		   struct imacarry_list *prefix, struct imacarry_where *where);

/* snapshot.c: reads runtime_measurements_count. */
int ic_snapshot_count(const char *securityfs, uint64_t *count);

/*
 * fdt.c: how much imacarry_fdt_put() of a @blob_len-byte blob and
 * imacarry_fdt_put_kbuf() may grow a tree, at most.
 */
size_t ic_fdt_need(size_t blob_len);
size_t ic_fdt_kbuf_need(void);

/*
 * fdt.c: removes /chosen/linux,ima-carry (the buffer must hold the tree's
 * totalsize). Returns 0, or -IMACARRY_ERR_NOTFOUND if absent,
 * -IMACARRY_ERR_NOCHOSEN, -IMACARRY_ERR_FDT, -IMACARRY_ERR_BADARG.
 */
int ic_fdt_del(void *fdt);

/* algo.c: OpenSSL's fetch name of a bank algorithm. */
const char *ic_algo_ossl_name(enum imacarry_algo algo);

#endif /* IMACARRY_INTERNAL_H */
