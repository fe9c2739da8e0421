// SPDX-License-Identifier: GPL-2.0-only
/* zfloor.c - zlib's own deflate or CRC-32 of a file: the floors for a packed blob */

/*
 * The bench's lower bound for `ima-carry pack`: map the raw payload (the
 * struct ima_kexec_hdr and the list, the bytes the library deflates) into
 * memory, deflate it in one call at @level with zlib's defaults
 * (compress2()), and write the zlib stream to OUT. With the library's level
 * the output is byte-identical to the blob's payload, which the bench checks
 * to make sure both sides did the same work.
 *
 * LEVEL "crc" instead writes the CRC-32 of IN (zlib's crc32_z(), little-
 * endian) to OUT: the one pass over the bytes that even an uncompressed
 * blob costs, next to which `cat LIST` is measured.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "map.h"

static int write_crc(const char *path, const unsigned char *buf, size_t len)
{
	unsigned long crc = crc32_z(0, buf, len);
	unsigned char le[4] = {
		(unsigned char)crc, (unsigned char)(crc >> 8),
		(unsigned char)(crc >> 16), (unsigned char)(crc >> 24),
	};
	FILE *f;

	f = fopen(path, "wb");
	if (!f || fwrite(le, 1, sizeof(le), f) != sizeof(le)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		if (f)
			fclose(f);
		return 1;
	}
	if (fclose(f)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const unsigned char *in;
	unsigned char *out = NULL;
	size_t in_len;
	uLongf out_len;
	char *end;
	long level;
	int ret = 1, zret;
	FILE *f;

	if (argc != 4) {
		fprintf(stderr, "usage: %s LEVEL|crc IN OUT\n", argv[0]);
		return 2;
	}
	if (!strcmp(argv[1], "crc")) {
		level = -1;
	} else {
		level = strtol(argv[1], &end, 10);
		if (*end || end == argv[1] || level < 0 || level > 9) {
			fprintf(stderr, "%s: level must be 0..9 or crc\n",
				argv[0]);
			return 2;
		}
	}
	in = map_file(argv[2], &in_len);
	if (!in) {
		fprintf(stderr, "%s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	if (level < 0) {
		ret = write_crc(argv[3], in, in_len);
		unmap_file(in, in_len);
		return ret;
	}
	/* compress2() takes a uLong; lists over 4 GiB are out of scope here. */
	if (in_len != (uLong)in_len) {
		fprintf(stderr, "%s: too big\n", argv[2]);
		goto out;
	}
	out_len = compressBound((uLong)in_len);
	out = malloc(out_len);
	if (!out) {
		fprintf(stderr, "%s: out of memory\n", argv[0]);
		goto out;
	}
	zret = compress2(out, &out_len, in, (uLong)in_len, (int)level);
	if (zret != Z_OK) {
		fprintf(stderr, "%s: deflate failed: %d\n", argv[2], zret);
		goto out;
	}
	f = fopen(argv[3], "wb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", argv[3], strerror(errno));
		goto out;
	}
	if (fwrite(out, 1, out_len, f) != out_len) {
		fprintf(stderr, "%s: short write\n", argv[3]);
		fclose(f);
		goto out;
	}
	if (fclose(f)) {
		fprintf(stderr, "%s: %s\n", argv[3], strerror(errno));
		goto out;
	}
	ret = 0;
out:
	free(out);
	unmap_file(in, in_len);
	return ret;
}
