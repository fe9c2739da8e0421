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

/* A field as the kernel shows it; the rules are field.c's. */
static void ic_value(struct ic_out *o, const struct imacarry_value *v)
{
	if (v->fmt == IMACARRY_FMT_UINT) {
		ic_dec(o, v->value, 0);
		return;
	}
	ic_put(o, v->text, v->text_len);
	ic_put_hex(o, v->hex, v->hex_len);
}

int imacarry_ascii_entry(const struct imacarry_list *list,
			 const struct imacarry_entry *e, char *buf, size_t size)
{
	struct ic_out o = { buf, size ? size - 1 : 0, 0 };
	struct imacarry_value v;
	unsigned int i;
	int ret;

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
		if (!e->field[i].len)
			continue;
		ret = imacarry_entry_field(list, e, i, &v);
		if (ret < 0)
			return ret;
		ic_value(&o, &v);
	}
	ic_putc(&o, '\n');

	if (size)
		buf[o.len < o.cap ? o.len : o.cap] = '\0';
	if (o.len > INT_MAX)
		return -IMACARRY_ERR_TOOBIG;
	return (int)o.len;
}
