// SPDX-License-Identifier: GPL-2.0-only
/* kbuf.c - the kexec buffer: struct ima_kexec_hdr and the list, uncompressed */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "imacarry-internal.h"

/* struct ima_kexec_hdr offsets, as in blob.c. */
#define KHDR_BUF_SIZE	8
#define KHDR_COUNT	16

/* The smallest record, as in blob.c: a bound on a header's count. */
#define MIN_RECORD	33

size_t imacarry_kbuf_size(size_t list_len)
{
	if (list_len > IMACARRY_MAX_RAW - IMACARRY_KEXEC_HDR_SIZE)
		return 0;
	return IMACARRY_KEXEC_HDR_SIZE + list_len;
}

int imacarry_kbuf_pack(const struct imacarry_list *list, void *out,
		       size_t out_size, size_t *out_len, uint64_t *count,
		       struct imacarry_where *where)
{
	uint8_t *o = out;
	size_t size;
	uint64_t n;
	int ret;

	ic_where(where, 0, 0);
	if (!out || !out_len)
		return -IMACARRY_ERR_BADARG;
	ret = ic_pack_check(list, &n, where);
	if (ret < 0)
		return ret;
	/* ic_pack_check() refused a list over the cap: size is not 0. */
	size = imacarry_kbuf_size(list->len);
	if (out_size < size)
		return -IMACARRY_ERR_NOSPACE;
	/*
	 * The header in the list's own byte order: the next kernel reads
	 * both the same way (ima_canonical_fmt or its native order), just
	 * as it reads what ima_dump_measurement_list() wrote.
	 */
	ic_put_kexec_hdr(o, list->big_endian, size, n);
	if (list->len)
		memcpy(o + IMACARRY_KEXEC_HDR_SIZE, list->buf, list->len);
	*out_len = size;
	if (count)
		*count = n;
	return 0;
}

/* Version 1 in either byte order, then both reserved fields zero. */
static int kbuf_order(const uint8_t *k, bool *big_endian)
{
	static const uint8_t le[8] = { 1, 0, 0, 0, 0, 0, 0, 0 };
	static const uint8_t be[8] = { 0, 1, 0, 0, 0, 0, 0, 0 };

	if (!memcmp(k, le, sizeof(le)))
		*big_endian = false;
	else if (!memcmp(k, be, sizeof(be)))
		*big_endian = true;
	else
		return -IMACARRY_ERR_FORMAT;
	return 0;
}

int imacarry_kbuf_list(const void *buf, size_t len,
		       struct imacarry_list *list, uint64_t *count,
		       struct imacarry_where *where)
{
	const uint8_t *k = buf;
	uint64_t bufsz, n, i;
	bool be;
	int ret;

	ic_where_at(where, IMACARRY_ORIGIN_PAYLOAD, 0, 0);
	if (!buf || !list)
		return -IMACARRY_ERR_BADARG;
	if (len < IMACARRY_KEXEC_HDR_SIZE)
		return -IMACARRY_ERR_FORMAT;
	ret = kbuf_order(k, &be);
	if (ret < 0)
		return ret;
	bufsz = ic_get64(be, k + KHDR_BUF_SIZE);
	if (bufsz < IMACARRY_KEXEC_HDR_SIZE || bufsz > len) {
		ic_where_at(where, IMACARRY_ORIGIN_PAYLOAD, KHDR_BUF_SIZE, 0);
		return -IMACARRY_ERR_BADLEN;
	}
	/*
	 * A segment is whole pages: what follows buffer_size is the zero
	 * padding that kexec adds, never more list.
	 */
	for (i = bufsz; i < len; i++) {
		if (k[i]) {
			ic_where_at(where, IMACARRY_ORIGIN_PAYLOAD, i, 0);
			return -IMACARRY_ERR_BADLEN;
		}
	}
	n = ic_get64(be, k + KHDR_COUNT);
	if (n > (bufsz - IMACARRY_KEXEC_HDR_SIZE) / MIN_RECORD) {
		ic_where_at(where, IMACARRY_ORIGIN_PAYLOAD, KHDR_COUNT, 0);
		return -IMACARRY_ERR_COUNT;
	}
	ret = imacarry_payload_list(buf, (size_t)bufsz, be, list, NULL, where);
	if (ret < 0)
		return ret;
	if (count)
		*count = n;
	return 0;
}
