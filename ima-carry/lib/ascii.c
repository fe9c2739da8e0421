// SPDX-License-Identifier: GPL-2.0-only
/* ascii.c - entries rendered as the kernel's ascii_runtime_measurements */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "shared/util.h"

#include "imacarry-internal.h"

/*
 * An snprintf()-like sink: it counts every byte, stores what fits before
 * the NUL, and so lets the caller retry with a bigger buffer.
 */
struct ic_out {
	char *buf;
	uint64_t cap;		/* bytes storable before the NUL */
	uint64_t len;		/* bytes produced so far */
};

static void ic_put(struct ic_out *o, const void *s, uint64_t n)
{
	if (n && o->len < o->cap) {
		uint64_t room = o->cap - o->len;

		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

static void ic_putc(struct ic_out *o, char c)
{
	if (o->len < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

/* ima_print_digest(): "%02x" per byte; what fits of it. */
static void ic_put_hex(struct ic_out *o, const uint8_t *p, uint64_t n)
{
	char last[2];
	uint64_t k;

	if (o->len < o->cap) {
		k = (o->cap - o->len) / 2;
		if (k > n)
			k = n;
		ic_hex(o->buf + o->len, p, (size_t)k);
		/* Room for one digit more: the high one of the next byte. */
		if (k < n && (o->cap - o->len) % 2) {
			ic_hex(last, p + k, 1);
			o->buf[o->len + 2 * k] = last[0];
		}
	}
	o->len += 2 * n;
}

static void ic_dec(struct ic_out *o, uint64_t v, unsigned int width)
{
	char tmp[24];
	unsigned int n = 0;

	do {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width)
		tmp[sizeof(tmp) - 1 - n++] = ' ';
	ic_put(o, tmp + sizeof(tmp) - n, n);
}

/*
 * DATA_FMT_STRING: "%s". The kernel's copy of a field always ends in a NUL
 * (restore appends one), so the string stops at the first NUL or at the
 * end of the field, never after it.
 */
static uint64_t ic_strnlen(const struct imacarry_field *f)
{
	const uint8_t *nul = memchr(f->data, '\0', f->len);

	return nul ? (uint64_t)(nul - f->data) : f->len;
}

/*
 * DATA_FMT_DIGEST_WITH_ALGO and _WITH_TYPE_AND_ALGO: the kernel finds the
 * last ':' of the string, prints the string unless it starts with that ':',
 * skips the ':' and the byte after it (the NUL), and prints the rest in hex.
 * Where the kernel would read out of bounds we stay inside the field: with
 * no ':' at all the whole field is printed in hex, and a skip past the end
 * prints nothing more.
 */
static void ic_digest_algo(struct ic_out *o, const struct imacarry_field *f)
{
	uint64_t slen = ic_strnlen(f), colon, skip;

	for (colon = slen; colon > 0; colon--)
		if (f->data[colon - 1] == ':')
			break;
	if (!colon) {
		ic_put_hex(o, f->data, f->len);
		return;
	}
	colon--;
	if (colon)
		ic_put(o, f->data, slen);
	skip = colon + 2;
	if (skip < f->len)
		ic_put_hex(o, f->data + skip, f->len - skip);
}

/* DATA_FMT_UINT: "%u" of a u8/u16/u32/u64; other sizes print nothing. */
static void ic_uint(struct ic_out *o, bool be, const struct imacarry_field *f)
{
	const uint8_t *p = f->data;

	switch (f->len) {
	case 1:
		ic_dec(o, p[0], 0);
		break;
	case 2:
		ic_dec(o, be ? ic_get_be16(p) : ic_get_le16(p), 0);
		break;
	case 4:
		ic_dec(o, ic_get32(be, p), 0);
		break;
	case 8:
		ic_dec(o, ic_get64(be, p), 0);
		break;
	default:
		break;
	}
}

static void ic_field(struct ic_out *o, bool be, unsigned int id,
		     const struct imacarry_field *f)
{
	switch (id) {
	case IMACARRY_FIELD_D:
	case IMACARRY_FIELD_SIG:
	case IMACARRY_FIELD_BUF:
	case IMACARRY_FIELD_MODSIG:
	case IMACARRY_FIELD_EVMSIG:
	case IMACARRY_FIELD_XATTRLENGTHS:
	case IMACARRY_FIELD_XATTRVALUES:
		ic_put_hex(o, f->data, f->len);
		break;
	case IMACARRY_FIELD_N:
	case IMACARRY_FIELD_N_NG:
	case IMACARRY_FIELD_XATTRNAMES:
		ic_put(o, f->data, ic_strnlen(f));
		break;
	case IMACARRY_FIELD_D_NG:
	case IMACARRY_FIELD_D_NGV2:
	case IMACARRY_FIELD_D_MODSIG:
		ic_digest_algo(o, f);
		break;
	case IMACARRY_FIELD_IUID:
	case IMACARRY_FIELD_IGID:
	case IMACARRY_FIELD_IMODE:
		ic_uint(o, be, f);
		break;
	default:
		break;
	}
}

int imacarry_ascii_entry(const struct imacarry_list *list,
			 const struct imacarry_entry *e, char *buf, size_t size)
{
	struct ic_out o = { buf, size ? size - 1 : 0, 0 };
	unsigned int i;

	if (!list || !e || (!buf && size) || e->nfields > IMACARRY_FIELDS_MAX)
		return -IMACARRY_ERR_BADARG;

	/* "%2d ", the template digest of this list's bank, " %s" name. */
	ic_dec(&o, e->pcr, 2);
	ic_putc(&o, ' ');
	ic_put_hex(&o, e->digest, list->digest_size);
	ic_putc(&o, ' ');
	ic_put(&o, e->name, e->name_len);
	for (i = 0; i < e->nfields; i++) {
		/* An empty field leaves its separator: trailing spaces. */
		ic_putc(&o, ' ');
		if (e->field[i].len)
			ic_field(&o, list->big_endian, e->field_id[i],
				 &e->field[i]);
	}
	ic_putc(&o, '\n');

	if (size)
		buf[o.len < o.cap ? o.len : o.cap] = '\0';
	if (o.len > INT_MAX)
		return -IMACARRY_ERR_TOOBIG;
	return (int)o.len;
}
