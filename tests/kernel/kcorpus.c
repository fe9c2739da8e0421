// SPDX-License-Identifier: GPL-2.0-only
/* kcorpus.c - run files through the kernel patch's parser, one verdict a line */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "kparse.h"

static void *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t size = 4096, n = 0, got;
	char *buf = NULL, *p;

	if (!f)
		return NULL;
	for (;;) {
		p = realloc(buf, size);
		if (!p) {
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = p;
		got = fread(buf + n, 1, size - n, f);
		n += got;
		if (n < size)
			break;
		size *= 2;
	}
	fclose(f);
	*len = n;
	return buf;
}

/*
 * Prints "FILE<TAB>ok<TAB>COUNT" or "FILE<TAB>refused<TAB>WHY". The kernel
 * is taken to be of the blob's own byte order, as the one it was made for;
 * test-kparse checks the refusal of the other order.
 */
int main(int argc, char **argv)
{
	struct kparse_result r;
	const unsigned char *b;
	bool be;
	size_t len;
	void *buf;
	int i, ret = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		buf = slurp(argv[i], &len);
		if (!buf) {
			perror(argv[i]);
			ret = 1;
			continue;
		}
		b = buf;
		be = len >= 16 && (b[12] & 2);
		if (kparse_load(buf, len, be, NULL, 0, &r) == 0)
			printf("%s\tok\t%llu\n", argv[i],
			       (unsigned long long)r.count);
		else
			printf("%s\trefused\t%s\n", argv[i], r.why);
		free(buf);
		kshim_reset();
	}
	return ret;
}
