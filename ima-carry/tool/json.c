// SPDX-License-Identifier: GPL-2.0-only
/* json.c - dump --json: entries with their fields by id, strings escaped */
#include <stdio.h>
#include <string.h>

#include "shared/util.h"

#include "imacarry.h"

#include "json.h"
#include "tool.h"

/* Length of the valid UTF-8 sequence at @p, or 0 if it is not one. */
static size_t utf8_len(const uint8_t *p, size_t len)
{
	uint8_t lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		if (p[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;	/* overlong */
		if (p[0] == 0xf4)
			hi = 0x8f;	/* over U+10FFFF */
	} else {
		return 0;
	}
	if (len < n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

/*
 * File names are bytes, JSON is UTF-8: bytes that are not valid UTF-8
 * become U+FFFD. The ascii dump keeps the exact bytes.
 */
static void json_esc(const uint8_t *p, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		if (p[i] == '"' || p[i] == '\\') {
			putchar('\\');
			putchar(p[i++]);
			continue;
		}
		if (p[i] < 0x20) {
			printf("\\u%04x", p[i++]);
			continue;
		}
		n = utf8_len(p + i, len - i);
		if (!n) {
			fputs("\\ufffd", stdout);
			i++;
			continue;
		}
		fwrite(p + i, 1, n, stdout);
		i += n;
	}
}

static void json_str(const uint8_t *p, size_t len)
{
	putchar('"');
	json_esc(p, len);
	putchar('"');
}

static void json_cstr(const char *s)
{
	json_str((const uint8_t *)s, strlen(s));
}

static void put_hex(const uint8_t *p, size_t len)
{
	char hex[2 * 64];
	size_t n;

	while (len) {
		n = len < sizeof(hex) / 2 ? len : sizeof(hex) / 2;
		ic_hex(hex, p, n);
		fwrite(hex, 1, 2 * n, stdout);
		p += n;
		len -= n;
	}
}

static void json_hex(const uint8_t *p, size_t len)
{
	putchar('"');
	put_hex(p, len);
	putchar('"');
}

/*
 * A field as the kernel shows it (imacarry_entry_field()), typed: an
 * unsigned value is a number, anything else the string the ascii dump
 * shows, its text escaped and its bytes in hex. A field the kernel shows
 * nothing for, empty or an iuid of an odd size, is "" for that reason,
 * and a d-ng prefix without its NUL runs on into the digest here as well.
 */
static void json_value(const struct imacarry_value *v)
{
	if (v->fmt == IMACARRY_FMT_UINT) {
		printf("%llu", (unsigned long long)v->value);
		return;
	}
	putchar('"');
	json_esc(v->text, v->text_len);
	put_hex(v->hex, v->hex_len);
	putchar('"');
}

void json_begin(const char *file, const char *kind,
		const struct imacarry_list *list)
{
	fputs("{\"file\":", stdout);
	json_cstr(file);
	printf(",\"kind\":\"%s\",\"digest_size\":%u,\"byte_order\":\"%s\"",
	       kind, list->digest_size,
	       list->big_endian ? "big-endian" : "little-endian");
}

void json_header(const struct imacarry_blob_hdr *h, size_t blob_off)
{
	printf(",\"header\":{\"offset\":%zu,\"version\":%u,\"hdr_size\":%u,"
	       "\"flags\":%u,\"zlib\":%s,\"big_endian\":%s,\"count\":%llu,"
	       "\"raw_len\":%llu,\"payload_len\":%llu,"
	       "\"payload_crc\":\"%08x\",\"hdr_crc\":\"%08x\",\"check\":\"ok\"}",
	       blob_off, h->version, h->hdr_size, h->flags,
	       h->flags & IMACARRY_F_ZLIB ? "true" : "false",
	       h->flags & IMACARRY_F_BIG_ENDIAN ? "true" : "false",
	       (unsigned long long)h->count, (unsigned long long)h->raw_len,
	       (unsigned long long)h->payload_len, h->payload_crc,
	       h->hdr_crc);
}

int json_entry(const struct imacarry_list *list,
	       const struct imacarry_entry *e, uint64_t n)
{
	struct imacarry_value v;
	unsigned int i, j, dup;
	const char *id;
	int ret;

	printf("%s\n{\"index\":%llu,\"offset\":%llu,\"pcr\":%u,\"digest\":",
	       n ? "," : "", (unsigned long long)n,
	       (unsigned long long)e->offset, e->pcr);
	json_hex(e->digest, list->digest_size);
	fputs(",\"template\":", stdout);
	json_str((const uint8_t *)e->name, e->name_len);
	printf(",\"violation\":%s,\"fields\":{",
	       e->violation ? "true" : "false");
	for (i = 0; i < e->nfields; i++) {
		ret = imacarry_entry_field(list, e, i, &v);
		if (ret < 0)
			return ret;
		id = imacarry_field_name(e->field_id[i]);
		if (i)
			putchar(',');
		printf("\"%s", id ? id : "?");
		/* A custom format may repeat an id: keys must stay unique. */
		dup = 1;
		for (j = 0; j < i; j++)
			dup += e->field_id[j] == e->field_id[i];
		if (dup > 1)
			printf("#%u", dup);
		fputs("\":", stdout);
		json_value(&v);
	}
	fputs("}}", stdout);
	return 0;
}
