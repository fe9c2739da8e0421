// SPDX-License-Identifier: GPL-2.0-only
/* kparse.c - the kernel patch's ima_carry.c itself, built for userspace */
#include "ima.h"

/* kernel-patch/ima_carry.c: the file the generated series ship. */
#include "ima_carry.c"

#include "kparse.h"

int kparse_load(const void *blob, size_t len, bool want_be,
		void *raw, size_t raw_size, struct kparse_result *r)
{
	struct ima_carry_fault f = { .entry = IMA_CARRY_NO_ENTRY };
	struct ima_carry ic = { 0 };
	void *out;

	out = ima_carry_load(blob, len, want_be, &ic, &f);
	memset(r, 0, sizeof(*r));
	r->ok = out != NULL;
	r->why = f.why;
	r->in_list = f.in_list;
	r->offset = f.offset;
	r->entry = f.entry;
	r->flags = ic.flags;
	r->count = ic.count;
	r->raw_len = ic.raw_len;
	r->payload_len = ic.payload_len;
	if (!out)
		return -1;
	if (raw && raw_size >= ic.raw_len)
		memcpy(raw, out, ic.raw_len);
	kvfree(out);
	return 0;
}

void kparse_import(void)
{
	ima_carry_import();
}
