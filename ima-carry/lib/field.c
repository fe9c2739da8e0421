// SPDX-License-Identifier: GPL-2.0-only
/* field.c - template fields decoded by the kernel's rules for showing them */
#include <stdint.h>
#include <string.h>

#include "imacarry-internal.h"

/*
 * "%s" of a field: the kernel's copy of a restored field always ends in a
 * NUL (ima_restore_template_data() allocates len + 1), so the string stops
 * at the first NUL or at the end of the field, never after it.
 */
static uint32_t ic_strnlen(const struct imacarry_field *f)
{
	const uint8_t *nul = memchr(f->data, '\0', f->len);

	return nul ? (uint32_t)(nul - f->data) : f->len;
}

static void ic_hex_all(const struct imacarry_field *f,
		       struct imacarry_value *v)
{
	v->fmt = IMACARRY_FMT_HEX;
	v->hex = f->data;
	v->hex_len = f->len;
}

/*
 * DATA_FMT_DIGEST_WITH_ALGO and _WITH_TYPE_AND_ALGO: the kernel takes the
 * last ':' of the string (strrchr()), prints the string unless it starts
 * with that ':', skips the ':' and the byte after it, and prints the rest
 * in hex. The skipped byte is meant to be the prefix's NUL; a prefix
 * without one ("sha256:" then the digest) is shown as the kernel shows it:
 * the digest's bytes as text up to the first NUL, then in hex from its
 * second byte on. A field with no ':', or with the ':' as its last byte,
 * makes a stock kernel read NULL + 2 or past the field; our kernel patch
 * 0005 shows it whole in hex, as DATA_FMT_HEX does, and so do we.
 */
static void ic_digest_algo(const struct imacarry_field *f,
			   struct imacarry_value *v)
{
	uint32_t slen = ic_strnlen(f), colon;

	for (colon = slen; colon > 0; colon--)
		if (f->data[colon - 1] == ':')
			break;
	if (!colon || (uint64_t)colon + 1 > f->len) {
		ic_hex_all(f, v);
		return;
	}
	colon--;	/* now the index of the ':' */
	v->fmt = IMACARRY_FMT_DIGEST_ALGO;
	v->text = f->data;
	v->text_len = colon ? slen : 0;
	v->algo_len = colon;
	v->hex = f->data + colon + 2;
	v->hex_len = f->len - colon - 2;
}

/*
 * DATA_FMT_UINT: "%u" of a u8, u16 or u32, "%llu" of a u64, in the byte
 * order of the kernel that wrote the list. Any other size, an odd one
 * included, matches no case of the kernel's switch and prints nothing.
 */
static void ic_uint(bool be, const struct imacarry_field *f,
		    struct imacarry_value *v)
{
	const uint8_t *p = f->data;

	v->fmt = IMACARRY_FMT_UINT;
	switch (f->len) {
	case 1:
		v->value = p[0];
		break;
	case 2:
		v->value = be ? ic_get_be16(p) : ic_get_le16(p);
		break;
	case 4:
		v->value = ic_get32(be, p);
		break;
	case 8:
		v->value = ic_get64(be, p);
		break;
	default:
		v->fmt = IMACARRY_FMT_NONE;
		break;
	}
}

int imacarry_entry_field(const struct imacarry_list *list,
			 const struct imacarry_entry *e, unsigned int i,
			 struct imacarry_value *v)
{
	const struct imacarry_field *f;

	if (!list || !e || !v || i >= e->nfields || i >= IMACARRY_FIELDS_MAX)
		return -IMACARRY_ERR_BADARG;
	f = &e->field[i];
	memset(v, 0, sizeof(*v));
	switch (e->field_id[i]) {
	case IMACARRY_FIELD_D:
		v->fmt = IMACARRY_FMT_DIGEST;
		v->hex = f->data;
		v->hex_len = f->len;
		break;
	case IMACARRY_FIELD_SIG:
	case IMACARRY_FIELD_BUF:
	case IMACARRY_FIELD_MODSIG:
	case IMACARRY_FIELD_EVMSIG:
	case IMACARRY_FIELD_XATTRLENGTHS:
	case IMACARRY_FIELD_XATTRVALUES:
		ic_hex_all(f, v);
		break;
	case IMACARRY_FIELD_N:
	case IMACARRY_FIELD_N_NG:
	case IMACARRY_FIELD_XATTRNAMES:
		v->fmt = IMACARRY_FMT_STRING;
		v->text = f->data;
		v->text_len = ic_strnlen(f);
		break;
	case IMACARRY_FIELD_D_NG:
	case IMACARRY_FIELD_D_NGV2:
	case IMACARRY_FIELD_D_MODSIG:
		ic_digest_algo(f, v);
		break;
	case IMACARRY_FIELD_IUID:
	case IMACARRY_FIELD_IGID:
	case IMACARRY_FIELD_IMODE:
		ic_uint(list->big_endian, f, v);
		break;
	default:
		return -IMACARRY_ERR_TEMPLATE;
	}
	return 0;
}
