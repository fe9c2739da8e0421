// SPDX-License-Identifier: GPL-2.0-only
/* error.c - error texts, and telling a list, a blob and a device tree apart */
#include <stdint.h>
#include <string.h>

#include "imacarry-internal.h"

/* One line each: callers prefix it with the file, offset and entry index. */
static const char *const ic_errors[IMACARRY_ERR__MAX] = {
	[IMACARRY_OK] = "success",
	[IMACARRY_ERR_TRUNCATED] = "record or field runs past the end",
	[IMACARRY_ERR_BADLEN] = "impossible length field",
	[IMACARRY_ERR_TEMPLATE] = "unknown template or field id",
	[IMACARRY_ERR_NAMELEN] = "template name empty or over 68 bytes",
	[IMACARRY_ERR_FIELDS] = "template data has the wrong number of fields",
	[IMACARRY_ERR_PCR] = "PCR index out of range (0..23)",
	[IMACARRY_ERR_DIGESTSIZE] =
		"template digest size unknown or undetectable",
	[IMACARRY_ERR_MAGIC] = "not an ima-carry blob (bad magic)",
	[IMACARRY_ERR_VERSION] = "unknown format version",
	[IMACARRY_ERR_HDRSIZE] = "wrong blob header size",
	[IMACARRY_ERR_FLAGS] = "unknown blob flag bits",
	[IMACARRY_ERR_HDRCRC] = "blob header CRC-32 mismatch",
	[IMACARRY_ERR_CRC] = "blob payload CRC-32 mismatch",
	[IMACARRY_ERR_TOOBIG] = "size over a hard limit",
	[IMACARRY_ERR_RATIO] = "inflate ratio over the limit (deflate bomb?)",
	[IMACARRY_ERR_INFLATE] = "zlib refused the payload",
	[IMACARRY_ERR_COUNT] = "entry count disagrees with the header",
	[IMACARRY_ERR_NOSPACE] = "buffer too small",
	[IMACARRY_ERR_LEGACY_IMA] =
		"'ima' template: Linux cannot restore it; use ima_template=ima-ng",
	[IMACARRY_ERR_FDT] = "invalid device tree",
	[IMACARRY_ERR_NOCHOSEN] = "device tree has no /chosen node",
	[IMACARRY_ERR_NOTFOUND] = "no linux,ima-carry property",
	[IMACARRY_ERR_DIGEST] = "template digest does not match its data",
	[IMACARRY_ERR_ALGO] = "unknown or unavailable hash algorithm",
	[IMACARRY_ERR_NOMEM] = "out of memory",
	[IMACARRY_ERR_IO] = "system call failed",
	[IMACARRY_ERR_NOIMA] = "no securityfs, or no IMA in it",
	[IMACARRY_ERR_FORMAT] =
		"not a measurement list, a carry blob or a device tree",
	[IMACARRY_ERR_BADARG] = "invalid argument",
};

const char *imacarry_strerror(int err)
{
	unsigned int code = err < 0 ? -(unsigned int)err : (unsigned int)err;

	if (code >= IC_ARRAY_SIZE(ic_errors) || !ic_errors[code])
		return "unknown error";
	return ic_errors[code];
}

enum imacarry_kind imacarry_kind_of(const void *buf, size_t len)
{
	if (!buf)
		return IMACARRY_KIND_UNKNOWN;
	if (len >= IMACARRY_MAGIC_SIZE &&
	    !memcmp(buf, IMACARRY_MAGIC, IMACARRY_MAGIC_SIZE))
		return IMACARRY_KIND_BLOB;
	/* FDT headers are big-endian on every architecture. */
	if (len >= 4 && ic_get_be32(buf) == 0xd00dfeed)
		return IMACARRY_KIND_FDT;
	/* A list has no magic; an empty list is still a list. */
	return IMACARRY_KIND_LIST;
}
