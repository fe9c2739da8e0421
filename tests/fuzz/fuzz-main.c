// SPDX-License-Identifier: GPL-2.0-only
/* fuzz-main.c - run a fuzz harness over the corpus in make check */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned int runs;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long len;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return -1;
	}
	/* An exact-size copy, so ASan sees any read past the input. */
	buf = malloc(len ? (size_t)len : 1);
	if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)len);
	/* And every prefix of small inputs: truncation at each byte. */
	if (len <= 512) {
		long cut;

		for (cut = 0; cut < len; cut++) {
			uint8_t *p = malloc(cut ? (size_t)cut : 1);

			if (!p)
				break;
			memcpy(p, buf, (size_t)cut);
			LLVMFuzzerTestOneInput(p, (size_t)cut);
			free(p);
			runs++;
		}
	}
	free(buf);
	runs++;
	return 0;
}

static int run_dir(const char *dir)
{
	char path[4096];
	struct dirent *d;
	struct stat st;
	DIR *dp = opendir(dir);
	int ret = 0;

	if (!dp)
		return run_file(dir);
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		if (stat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			ret |= run_dir(path);
		else if (strcmp(d->d_name, "EXPECTED") &&
			 !strchr(d->d_name, '.'))
			ret |= run_file(path);
	}
	closedir(dp);
	return ret;
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("top_srcdir");
	char dir[4096];
	int i, ret = 0;

	if (argc < 2) {
		snprintf(dir, sizeof(dir), "%s/tests/corpus",
			 srcdir ? srcdir : ".");
		ret = run_dir(dir);
	}
	for (i = 1; i < argc; i++)
		ret |= run_dir(argv[i]);
	printf("%s: %u inputs, no crash\n", argv[0], runs);
	return ret ? 1 : 0;
}
