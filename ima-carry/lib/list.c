// SPDX-License-Identifier: GPL-2.0-only
/* list.c - parsing and walking binary_runtime_measurements */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "imacarry-internal.h"

/* The kernel caps an 'n' field (the 'ima' template's name) at 255 bytes. */
#define IC_IMA_NAME_MAX		(IMACARRY_IMA_NAME_PAD - 1)

/* Records parsed, per candidate, to detect the digest size and byte order. */
#define IC_PROBE_RECORDS	16

static bool ic_digest_size_ok(unsigned int size)
{
	return size == 20 || size == 32 || size == 48 || size == 64;
}

static int ic_fail(struct imacarry_where *where, uint64_t offset,
		   uint64_t index, int err)
{
	ic_where(where, offset, index);
	return -err;
}

/*
 * Whether @e still describes a record of @list: what the previous call
 * left, and not whatever a fresh walk's entry holds. Its name must lie
 * in the buffer before it is read, its field count fit the array.
 */
static bool ic_entry_reusable(const struct imacarry_list *list,
			      const struct imacarry_entry *e)
{
	uintptr_t lo = (uintptr_t)list->buf, at = (uintptr_t)e->name;

	return e->name && at >= lo && e->name_len <= IMACARRY_NAME_MAX &&
	       e->name_len <= list->len && at - lo <= list->len - e->name_len &&
	       e->nfields && e->nfields <= IMACARRY_FIELDS_MAX;
}

/*
 * Looks the template up. A list almost always repeats one or two names,
 * so when the previous record of this walk had the same one, its field
 * ids serve again: the entry itself is the cache, and the field list is
 * parsed once per change of name. Name, ids and count change together.
 */
static int ic_entry_template(const struct imacarry_list *list,
			     struct imacarry_entry *e, bool fresh,
			     const uint8_t *name, uint32_t name_len)
{
	unsigned int nfields;
	int ret;

	if (!fresh && ic_entry_reusable(list, e) && e->name_len == name_len &&
	    !memcmp(e->name, name, name_len))
		goto out;
	ret = ic_template_parse((const char *)name, name_len, e->field_id,
				&nfields);
	if (ret < 0) {
		e->name = NULL;
		return ret;
	}
	e->nfields = nfields;
out:
	e->name = (const char *)name;
	e->name_len = name_len;
	return 0;
}

static bool ic_all_zero(const uint8_t *p, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

/* Splits the template data into its fields, as ima_parse_buf() would. */
static int ic_parse_fields(const struct imacarry_list *list,
			   struct imacarry_entry *e, uint64_t data_off,
			   struct imacarry_where *where, uint64_t index)
{
	const uint8_t *q = e->data;
	uint32_t rem = e->data_len;
	unsigned int i;

	for (i = 0; i < e->nfields; i++) {
		uint64_t off = data_off + (uint64_t)(q - e->data);
		uint32_t flen;

		if (rem < 4)
			return ic_fail(where, off, index,
				       IMACARRY_ERR_FIELDS);
		flen = ic_get32(list->big_endian, q);
		q += 4;
		rem -= 4;
		if (flen > rem)
			return ic_fail(where, off, index,
				       IMACARRY_ERR_BADLEN);
		e->field[i].data = q;
		e->field[i].len = flen;
		q += flen;
		rem -= flen;
	}
	/* Bytes after the last field would be one more field. */
	if (rem)
		return ic_fail(where, data_off + (uint64_t)(q - e->data),
			       index, IMACARRY_ERR_FIELDS);
	return 0;
}

/* The 'ima' template: a 20-byte digest, then the name without its NUL. */
static int ic_parse_legacy(const struct imacarry_list *list,
			   struct imacarry_entry *e, const uint8_t *p,
			   uint64_t rem, uint64_t off,
			   struct imacarry_where *where, uint64_t index,
			   uint64_t *used)
{
	uint32_t nlen;

	if (rem < IMACARRY_SHA1_SIZE + 4)
		return ic_fail(where, off, index, IMACARRY_ERR_TRUNCATED);
	nlen = ic_get32(list->big_endian, p + IMACARRY_SHA1_SIZE);
	if (nlen > IC_IMA_NAME_MAX)
		return ic_fail(where, off + IMACARRY_SHA1_SIZE, index,
			       IMACARRY_ERR_BADLEN);
	if (nlen > rem - IMACARRY_SHA1_SIZE - 4)
		return ic_fail(where, off + IMACARRY_SHA1_SIZE + 4, index,
			       IMACARRY_ERR_TRUNCATED);
	e->field[0].data = p;
	e->field[0].len = IMACARRY_SHA1_SIZE;
	e->field[1].data = p + IMACARRY_SHA1_SIZE + 4;
	e->field[1].len = nlen;
	e->nfields = 2;
	e->data = NULL;
	e->data_len = 0;
	*used = IMACARRY_SHA1_SIZE + 4 + (uint64_t)nlen;
	return 0;
}

/*
 * Parses one record at @pos. Every length is compared with what is left of
 * the buffer before it is used, in 64-bit arithmetic, so a 4 GiB length
 * cannot wrap around.
 */
static int ic_parse(const struct imacarry_list *list, uint64_t pos,
		    uint64_t index, struct imacarry_entry *e,
		    struct imacarry_where *where)
{
	const unsigned int ds = list->digest_size;
	const uint8_t *p = list->buf + pos;
	uint64_t rem = list->len - pos;
	uint64_t off = pos, used;
	uint32_t name_len;
	int ret;

	if (rem < 4 + (uint64_t)ds + 4)
		return ic_fail(where, off, index, IMACARRY_ERR_TRUNCATED);
	e->pcr = ic_get32(list->big_endian, p);
	if (e->pcr >= IMACARRY_PCR_MAX)
		return ic_fail(where, off, index, IMACARRY_ERR_PCR);
	e->digest = p + 4;
	name_len = ic_get32(list->big_endian, p + 4 + ds);
	p += 4 + ds + 4;
	rem -= 4 + ds + 4;
	off += 4 + ds + 4;
	if (!name_len || name_len > IMACARRY_NAME_MAX)
		return ic_fail(where, off - 4, index, IMACARRY_ERR_NAMELEN);
	if (name_len > rem)
		return ic_fail(where, off, index, IMACARRY_ERR_TRUNCATED);
	ret = ic_entry_template(list, e, index == 0, p, name_len);
	if (ret < 0)
		return ic_fail(where, off, index, (unsigned int)-ret);
	p += name_len;
	rem -= name_len;
	off += name_len;

	/* Exactly the name "ima": the kernel keys the old framing on it. */
	e->legacy_ima = name_len == 3 && !memcmp(e->name, "ima", 3);
	if (e->legacy_ima) {
		ret = ic_parse_legacy(list, e, p, rem, off, where, index,
				      &used);
		if (ret < 0)
			return ret;
	} else {
		if (rem < 4)
			return ic_fail(where, off, index,
				       IMACARRY_ERR_TRUNCATED);
		e->data_len = ic_get32(list->big_endian, p);
		if (e->data_len > rem - 4)
			return ic_fail(where, off, index,
				       IMACARRY_ERR_TRUNCATED);
		e->data = p + 4;
		ret = ic_parse_fields(list, e, off + 4, where, index);
		if (ret < 0)
			return ret;
		used = 4 + (uint64_t)e->data_len;
	}
	used += off - pos;
	if (used > UINT32_MAX)
		return ic_fail(where, pos, index, IMACARRY_ERR_TOOBIG);
	e->size = (uint32_t)used;
	e->offset = pos;
	e->index = index;
	e->violation = ic_all_zero(e->digest, ds);
	return 1;
}

int imacarry_list_next(const struct imacarry_list *list, uint64_t *pos,
		       struct imacarry_entry *e, struct imacarry_where *where)
{
	uint64_t index;
	int ret;

	if (!list || !pos || !e || (!list->buf && list->len))
		return -IMACARRY_ERR_BADARG;
	/* A fresh walk: the caller's entry may hold anything. */
	index = *pos == 0 ? 0 : e->index + 1;
	if (*pos >= list->len) {
		if (*pos > list->len)
			return ic_fail(where, *pos, index, IMACARRY_ERR_BADARG);
		return 0;
	}
	ret = ic_parse(list, *pos, index, e, where);
	if (ret < 0)
		return ret;
	*pos += e->size;
	return 1;
}

/*
 * Parses up to IC_PROBE_RECORDS records with one candidate layout. Returns
 * how many parsed; *@complete says the probe met no error, *@fault holds
 * the error and where it happened otherwise.
 */
static unsigned int ic_probe(const struct imacarry_list *list, bool *complete,
			     int *err, struct imacarry_where *fault)
{
	struct imacarry_entry e;
	uint64_t pos = 0;
	unsigned int n;
	int ret = 0;

	for (n = 0; n < IC_PROBE_RECORDS; n++) {
		ret = imacarry_list_next(list, &pos, &e, fault);
		if (ret <= 0)
			break;
	}
	*complete = ret >= 0;
	*err = ret;
	return n;
}

/*
 * A wrong layout nearly always trips over the record header (PCR, name
 * length, name); a fault further in is likelier the list's own.
 */
static unsigned int ic_fault_rank(int err)
{
	switch (-err) {
	case IMACARRY_ERR_PCR:
	case IMACARRY_ERR_NAMELEN:
	case IMACARRY_ERR_TEMPLATE:
		return 0;
	default:
		return 1;
	}
}

int imacarry_list_init(struct imacarry_list *list, const void *buf,
		       size_t len, unsigned int digest_size, int order,
		       struct imacarry_where *where)
{
	static const unsigned int sizes[] = { 20, 32, 48, 64 };
	struct imacarry_where best_where = { 0 };
	struct imacarry_list best = { 0 }, cand;
	unsigned int best_rank = 0, rank, s, o;
	bool found = false, ambiguous = false;
	int best_err = -IMACARRY_ERR_DIGESTSIZE;

	ic_where(where, 0, 0);
	if (!list || (!buf && len) || order < -1 || order > 1)
		return -IMACARRY_ERR_BADARG;
	if (digest_size && !ic_digest_size_ok(digest_size))
		return -IMACARRY_ERR_DIGESTSIZE;

	/* Nothing to detect from: an empty list is little-endian SHA-1. */
	if (!len || (digest_size && order >= 0)) {
		memset(list, 0, sizeof(*list));
		list->buf = buf;
		list->len = len;
		list->digest_size = digest_size ? digest_size : 20;
		list->big_endian = order == 1;
		return 0;
	}
	memset(&cand, 0, sizeof(cand));
	cand.buf = buf;
	cand.len = len;

	/*
	 * Try every layout left open; keep the one that parses the most
	 * records. Two layouts that both parse the whole probe cleanly are a
	 * guess we refuse to make.
	 */
	for (o = 0; o < 2; o++) {
		if (order >= 0 && o != (unsigned int)order)
			continue;
		for (s = 0; s < IC_ARRAY_SIZE(sizes); s++) {
			struct imacarry_where fault = { 0 };
			unsigned int n;
			bool complete;
			int err;

			if (digest_size && sizes[s] != digest_size)
				continue;
			cand.digest_size = sizes[s];
			cand.big_endian = o;
			n = ic_probe(&cand, &complete, &err, &fault);
			if (complete) {
				if (found)
					ambiguous = true;
				found = true;
				best = cand;
				continue;
			}
			if (found)
				continue;
			/* More records, then a deeper fault, then later. */
			rank = 2 * n + ic_fault_rank(err);
			if (best_err != -IMACARRY_ERR_DIGESTSIZE &&
			    (rank < best_rank || (rank == best_rank &&
			     fault.offset <= best_where.offset)))
				continue;
			best_rank = rank;
			best_where = fault;
			best_err = err;
		}
	}
	if (ambiguous)
		return -IMACARRY_ERR_DIGESTSIZE;
	if (!found) {
		/* Report the fault of the layout that got furthest. */
		ic_where(where, best_where.offset, best_where.index);
		return best_err;
	}
	*list = best;
	return 0;
}

/*
 * Walks @list from its start, at most @max records, and tallies them into
 * @t (count, legacy, legacy_at; the rest of @t is left alone). *@end is
 * where the walk stopped: the end of the last whole record. Returns 0 at
 * the end of the list or after @max records, else the error.
 */
static int ic_walk(const struct imacarry_list *list, uint64_t max,
		   bool no_legacy, struct imacarry_list *t, uint64_t *end,
		   struct imacarry_where *where)
{
	struct imacarry_entry e;
	uint64_t pos = 0;
	int ret = 0;

	t->count = 0;
	t->legacy = 0;
	ic_where(&t->legacy_at, 0, 0);
	while (t->count < max &&
	       (ret = imacarry_list_next(list, &pos, &e, where)) > 0) {
		if (e.legacy_ima) {
			if (no_legacy)
				return ic_fail(where, e.offset, e.index,
					       IMACARRY_ERR_LEGACY_IMA);
			if (!t->legacy++)
				ic_where(&t->legacy_at, e.offset, e.index);
		}
		t->count++;
		*end = pos;
	}
	return ret < 0 ? ret : 0;
}

int imacarry_list_check(struct imacarry_list *list, bool no_legacy,
			uint64_t *count, struct imacarry_where *where)
{
	struct imacarry_list t;
	uint64_t end = 0;
	int ret;

	if (!list)
		return -IMACARRY_ERR_BADARG;
	list->checked = false;
	ret = ic_walk(list, UINT64_MAX, no_legacy, &t, &end, where);
	/* Also on failure: the records before the fault are good. */
	if (count)
		*count = t.count;
	if (ret < 0)
		return ret;
	list->count = t.count;
	list->legacy = t.legacy;
	list->legacy_at = t.legacy_at;
	list->checked = true;
	return 0;
}

int ic_list_prefix(const struct imacarry_list *list, uint64_t max,
		   struct imacarry_list *prefix, struct imacarry_where *where)
{
	struct imacarry_list p;
	uint64_t end = 0;
	int ret;

	if (!list || !prefix)
		return -IMACARRY_ERR_BADARG;
	p = *list;
	ret = ic_walk(list, max, false, &p, &end, where);
	/* A record cut off by the end is not whole: it is left out. */
	if (ret < 0 && ret != -IMACARRY_ERR_TRUNCATED)
		return ret;
	p.len = (size_t)end;
	p.checked = true;
	*prefix = p;
	return 0;
}
