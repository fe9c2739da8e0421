/* SPDX-License-Identifier: GPL-2.0-only */
/* corpus-check.h - check one input the way the carry path reads it */
#ifndef CORPUS_CHECK_H
#define CORPUS_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "imacarry.h"

enum corpus_kind {
	CORPUS_LIST,	/* a SHA-1 LE list to be carried */
	CORPUS_BLOB,	/* a linux,ima-carry value */
	CORPUS_DTB,	/* a device tree holding one */
};

/* "list", "blob", "dtb" → kind; -1 for anything else. */
int corpus_kind_by_name(const char *name);

/* "OK", "TRUNCATED", … → 0 or a negative IMACARRY_ERR_*; 1 if unknown. */
int corpus_err_by_name(const char *name);
const char *corpus_err_name(int err);

/*
 * Checks @buf like the carry path: a list is walked (no 'ima' entries); a
 * blob is checked, unpacked and its list walked, and the walk must count
 * what the header says; a device tree gives up its blob, which is then
 * checked as one. Returns 0 or a negative IMACARRY_ERR_* code.
 */
int corpus_check(enum corpus_kind kind, const uint8_t *buf, size_t len,
		 struct imacarry_where *where);

#endif /* CORPUS_CHECK_H */
