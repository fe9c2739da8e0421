// SPDX-License-Identifier: GPL-2.0-only
/* fuzz-list.c - libFuzzer harness: list parsing, detection, walk, ascii */
#include <stddef.h>
#include <stdint.h>

#include "corpus-check.h"
#include "imacarry-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imacarry_list list, prefix;
	struct imacarry_entry e;
	struct imacarry_where w;
	uint64_t pos = 0;
	char line[8192];

	/* As carried: SHA-1, little-endian, no 'ima'. */
	corpus_check(CORPUS_LIST, data, size, &w);

	/* As dumped: digest size and byte order detected, every line drawn. */
	if (imacarry_list_init(&list, data, size, 0, -1, &w) < 0)
		return 0;
	while (imacarry_list_next(&list, &pos, &e, &w) > 0)
		imacarry_ascii_entry(&list, &e, line, sizeof(line));
	ic_list_prefix(&list, size / 64, &prefix, &w);
	return 0;
}
