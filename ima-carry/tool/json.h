/* SPDX-License-Identifier: GPL-2.0-only */
/* json.h - dump --json: one streamed JSON document, written to stdout */
#ifndef IMACARRY_TOOL_JSON_H
#define IMACARRY_TOOL_JSON_H

#include <stdint.h>

#include "imacarry.h"

/* Opens the document: file, kind, digest size, byte order. */
void json_begin(const char *file, const char *kind,
		const struct imacarry_list *list);

/* The checked blob header, as a "header" member. */
void json_header(const struct imacarry_blob_hdr *hdr, size_t blob_off);

/*
 * Entry @n of the "entries" array (@n > 0 gets its comma). Returns 0, or
 * imacarry_entry_field()'s error.
 */
int json_entry(const struct imacarry_list *list,
	       const struct imacarry_entry *e, uint64_t n);

#endif /* IMACARRY_TOOL_JSON_H */
