// SPDX-License-Identifier: GPL-2.0-only
/* run-corpus.c - check every hostile corpus file against EXPECTED */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus-check.h"

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL, *p;
	size_t cap = 0, n;

	if (!f)
		return NULL;
	*len = 0;
	do {
		if (*len == cap) {
			cap = cap ? cap * 2 : 4096;
			p = realloc(buf, cap);
			if (!p) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n);
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("top_srcdir");
	char dir[4096], path[8192], line[1024], name[512], kind[16], err[32];
	unsigned int files = 0, failed = 0;
	FILE *exp;

	if (argc > 1)
		snprintf(dir, sizeof(dir), "%s", argv[1]);
	else
		snprintf(dir, sizeof(dir), "%s/tests/corpus",
			 srcdir ? srcdir : ".");
	snprintf(path, sizeof(path), "%s/EXPECTED", dir);
	exp = fopen(path, "r");
	if (!exp) {
		fprintf(stderr, "run-corpus: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), exp)) {
		struct imacarry_where w = { 0 };
		int k, want, got;
		uint8_t *buf;
		size_t len;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%511s %15s %31s", name, kind, err) != 3 ||
		    (k = corpus_kind_by_name(kind)) < 0 ||
		    (want = corpus_err_by_name(err)) > 0) {
			fprintf(stderr, "run-corpus: EXPECTED: bad line: %s",
				line);
			failed++;
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		buf = slurp(path, &len);
		if (!buf) {
			fprintf(stderr, "run-corpus: %s: cannot read\n", path);
			failed++;
			continue;
		}
		files++;
		got = corpus_check((enum corpus_kind)k, buf, len, &w);
		if (got != want) {
			failed++;
			printf("FAIL %s: got %s (offset %llu, entry %llu: %s), "
			       "want %s\n", name, corpus_err_name(got),
			       (unsigned long long)w.offset,
			       (unsigned long long)w.index,
			       imacarry_strerror(got), err);
		} else {
			printf("ok   %s: %s (offset %llu, entry %llu)\n", name,
			       err, (unsigned long long)w.offset,
			       (unsigned long long)w.index);
		}
		free(buf);
	}
	fclose(exp);
	printf("run-corpus: %u files, %u failed\n", files, failed);
	return failed || !files ? 1 : 0;
}
