// SPDX-License-Identifier: GPL-2.0-only
/* corpus-check.c - a checker per input kind, for run-corpus and the fuzzers */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "corpus-check.h"

/* In enum imacarry_error order, as EXPECTED spells them. */
static const char *const err_names[] = {
	"OK", "TRUNCATED", "BADLEN", "TEMPLATE", "NAMELEN", "FIELDS", "PCR",
	"DIGESTSIZE", "MAGIC", "VERSION", "HDRSIZE", "FLAGS", "HDRCRC", "CRC",
	"TOOBIG", "RATIO", "INFLATE", "COUNT", "NOSPACE", "LEGACY_IMA", "FDT",
	"NOCHOSEN", "NOTFOUND", "DIGEST", "ALGO", "NOMEM", "IO", "NOIMA",
	"FORMAT", "BADARG",
};

_Static_assert(sizeof(err_names) / sizeof(err_names[0]) == IMACARRY_ERR__MAX,
	       "err_names must follow enum imacarry_error");

int corpus_kind_by_name(const char *name)
{
	if (!strcmp(name, "list"))
		return CORPUS_LIST;
	if (!strcmp(name, "blob"))
		return CORPUS_BLOB;
	if (!strcmp(name, "dtb"))
		return CORPUS_DTB;
	return -1;
}

int corpus_err_by_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < IMACARRY_ERR__MAX; i++)
		if (!strcmp(name, err_names[i]))
			return -(int)i;
	return 1;
}

const char *corpus_err_name(int err)
{
	unsigned int code = err < 0 ? -(unsigned int)err : (unsigned int)err;

	return code < IMACARRY_ERR__MAX ? err_names[code] : "?";
}

static int check_list(struct imacarry_list *list, uint64_t *count,
		      struct imacarry_where *where)
{
	return imacarry_list_check(list, true, count, where);
}

static int check_blob(const uint8_t *buf, size_t len,
		      struct imacarry_where *where)
{
	struct imacarry_blob_hdr h;
	struct imacarry_list list;
	uint64_t count, n;
	uint8_t *raw;
	int ret;

	/* Check first: raw_len is only trusted (and allocated) after it. */
	ret = imacarry_blob_check(buf, len, &h, where);
	if (ret < 0)
		return ret;
	raw = malloc(h.raw_len);
	if (!raw)
		return -IMACARRY_ERR_NOMEM;
	ret = imacarry_blob_unpack(buf, len, raw, h.raw_len, NULL, where);
	if (!ret)
		ret = imacarry_payload_list(raw, h.raw_len,
					    h.flags & IMACARRY_F_BIG_ENDIAN,
					    &list, &count, where);
	if (!ret)
		ret = check_list(&list, &n, where);
	/* What restore would find, against what the header promised. */
	if (!ret && n != h.count)
		ret = -IMACARRY_ERR_COUNT;
	free(raw);
	return ret;
}

static int check_dtb(const uint8_t *buf, size_t len,
		     struct imacarry_where *where)
{
	const void *blob;
	size_t blob_len;
	void *fdt;
	int ret;

	/* libfdt wants an 8-byte aligned tree; a file's bytes may not be. */
	fdt = malloc(len ? len : 1);
	if (!fdt)
		return -IMACARRY_ERR_NOMEM;
	if (len)
		memcpy(fdt, buf, len);
	ret = imacarry_fdt_get(fdt, len, &blob, &blob_len);
	if (!ret)
		ret = check_blob(blob, blob_len, where);
	free(fdt);
	return ret;
}

int corpus_check(enum corpus_kind kind, const uint8_t *buf, size_t len,
		 struct imacarry_where *where)
{
	struct imacarry_list list;
	uint64_t n;
	int ret;

	switch (kind) {
	case CORPUS_LIST:
		ret = imacarry_list_init(&list, buf, len, IMACARRY_SHA1_SIZE,
					 0, where);
		return ret < 0 ? ret : check_list(&list, &n, where);
	case CORPUS_BLOB:
		return check_blob(buf, len, where);
	case CORPUS_DTB:
		return check_dtb(buf, len, where);
	}
	return -IMACARRY_ERR_BADARG;
}
