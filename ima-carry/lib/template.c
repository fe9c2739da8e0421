// SPDX-License-Identifier: GPL-2.0-only
/* template.c - IMA template names and formats mapped to field ids */
#include <stdint.h>
#include <string.h>

#include "imacarry-internal.h"

/* Indexed by enum imacarry_field_id, as the kernel's supported_fields[]. */
static const char *const ic_field_names[IMACARRY_FIELD__MAX] = {
	[IMACARRY_FIELD_D] = "d",
	[IMACARRY_FIELD_N] = "n",
	[IMACARRY_FIELD_D_NG] = "d-ng",
	[IMACARRY_FIELD_D_NGV2] = "d-ngv2",
	[IMACARRY_FIELD_N_NG] = "n-ng",
	[IMACARRY_FIELD_SIG] = "sig",
	[IMACARRY_FIELD_BUF] = "buf",
	[IMACARRY_FIELD_D_MODSIG] = "d-modsig",
	[IMACARRY_FIELD_MODSIG] = "modsig",
	[IMACARRY_FIELD_EVMSIG] = "evmsig",
	[IMACARRY_FIELD_IUID] = "iuid",
	[IMACARRY_FIELD_IGID] = "igid",
	[IMACARRY_FIELD_IMODE] = "imode",
	[IMACARRY_FIELD_XATTRNAMES] = "xattrnames",
	[IMACARRY_FIELD_XATTRLENGTHS] = "xattrlengths",
	[IMACARRY_FIELD_XATTRVALUES] = "xattrvalues",
};

/* The kernel's builtin_templates[]: a record names one of these or a fmt. */
static const struct {
	const char *name;
	const char *fmt;
} ic_builtin[] = {
	{ "ima", "d|n" },
	{ "ima-ng", "d-ng|n-ng" },
	{ "ima-sig", "d-ng|n-ng|sig" },
	{ "ima-ngv2", "d-ngv2|n-ng" },
	{ "ima-sigv2", "d-ngv2|n-ng|sig" },
	{ "ima-buf", "d-ng|n-ng|buf" },
	{ "ima-modsig", "d-ng|n-ng|sig|d-modsig|modsig" },
	{ "evm-sig", "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|"
		     "iuid|igid|imode" },
};

const char *imacarry_field_name(enum imacarry_field_id id)
{
	if ((unsigned int)id >= IMACARRY_FIELD__MAX)
		return NULL;
	return ic_field_names[id];
}

static int ic_field_lookup(const char *id, size_t len)
{
	unsigned int i;

	for (i = 0; i < IMACARRY_FIELD__MAX; i++)
		if (strlen(ic_field_names[i]) == len &&
		    !memcmp(ic_field_names[i], id, len))
			return (int)i;
	return -IMACARRY_ERR_TEMPLATE;
}

/* Parses a '|'-separated field list, as template_desc_init_fields() does. */
static int ic_fmt_parse(const char *fmt, size_t len, uint8_t *field_id,
			unsigned int *nfields)
{
	const char *end = fmt + len;
	unsigned int n = 0;

	for (;;) {
		const char *bar = memchr(fmt, '|', (size_t)(end - fmt));
		size_t flen = bar ? (size_t)(bar - fmt) : (size_t)(end - fmt);
		int id;

		/* "a||b" and a trailing '|' are empty ids, refused too. */
		if (!flen || n == IMACARRY_FIELDS_MAX)
			return -IMACARRY_ERR_TEMPLATE;
		id = ic_field_lookup(fmt, flen);
		if (id < 0)
			return id;
		field_id[n++] = (uint8_t)id;
		if (!bar)
			break;
		fmt = bar + 1;
	}
	*nfields = n;
	return 0;
}

/*
 * The kernel compares names as C strings; a NUL inside the record's name
 * would make it read a different name than the one written, so it is
 * refused rather than guessed at.
 */
int ic_template_parse(const char *name, uint32_t name_len,
		      uint8_t *field_id, unsigned int *nfields)
{
	unsigned int i;

	if (!name_len || name_len > IMACARRY_NAME_MAX)
		return -IMACARRY_ERR_NAMELEN;
	if (memchr(name, '\0', name_len))
		return -IMACARRY_ERR_TEMPLATE;
	for (i = 0; i < IC_ARRAY_SIZE(ic_builtin); i++)
		if (strlen(ic_builtin[i].name) == name_len &&
		    !memcmp(ic_builtin[i].name, name, name_len))
			return ic_fmt_parse(ic_builtin[i].fmt,
					    strlen(ic_builtin[i].fmt),
					    field_id, nfields);
	return ic_fmt_parse(name, name_len, field_id, nfields);
}
