// SPDX-License-Identifier: GPL-2.0-only
/* snapshot.c - read a consistent prefix of the live IMA list from securityfs */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shared/util.h"

#include "imacarry-internal.h"

#define LIST_FILE	"binary_runtime_measurements"
#define COUNT_FILE	"runtime_measurements_count"

/* A read is retried this often before trimming to the first count. */
#define SNAPSHOT_TRIES	4

static int open_ima(const char *securityfs, const char *name)
{
	char path[PATH_MAX];
	int n;

	if (!securityfs)
		securityfs = IMACARRY_SECURITYFS;
	n = snprintf(path, sizeof(path), "%s/ima/%s", securityfs, name);
	if (n < 0 || (size_t)n >= sizeof(path)) {
		errno = ENAMETOOLONG;
		return -IMACARRY_ERR_IO;
	}
	n = open(path, O_RDONLY | O_CLOEXEC);
	if (n >= 0)
		return n;
	/* No securityfs mounted, or a kernel without IMA. */
	if (errno == ENOENT || errno == ENOTDIR)
		return -IMACARRY_ERR_NOIMA;
	return -IMACARRY_ERR_IO;
}

/* close(2) after a failed read must not change the errno it left. */
static void close_keep_errno(int fd)
{
	int saved = errno;

	close(fd);
	errno = saved;
}

int ic_snapshot_count(const char *securityfs, uint64_t *count)
{
	char text[32], *end;
	unsigned long long v;
	ssize_t n;
	size_t got = 0;
	int fd;

	if (!count)
		return -IMACARRY_ERR_BADARG;
	fd = open_ima(securityfs, COUNT_FILE);
	if (fd < 0)
		return fd;
	/* One line: stop at its newline rather than wait for the end. */
	do {
		n = read(fd, text + got, sizeof(text) - 1 - got);
		if (n > 0) {
			got += (size_t)n;
			if (memchr(text + got - n, '\n', (size_t)n))
				break;
		}
	} while ((n > 0 && got < sizeof(text) - 1) ||
		 (n < 0 && errno == EINTR));
	close_keep_errno(fd);
	if (n < 0)
		return -IMACARRY_ERR_IO;
	text[got] = '\0';

	if (text[0] < '0' || text[0] > '9')
		return -IMACARRY_ERR_FORMAT;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno || (*end && strcmp(end, "\n")))
		return -IMACARRY_ERR_FORMAT;
	*count = v;
	return 0;
}

/* ic_read_all() in the library's error codes. */
static int read_all(int fd, uint8_t **buf, size_t *cap, size_t *len)
{
	switch (ic_read_all(fd, buf, cap, len)) {
	case 0:
		return 0;
	case IC_READ_TOOBIG:
		return -IMACARRY_ERR_TOOBIG;
	case IC_READ_NOMEM:
		return -IMACARRY_ERR_NOMEM;
	default:
		return -IMACARRY_ERR_IO;
	}
}

/*
 * binary_runtime_measurements_sha256 holds 32-byte digests, and so on. A
 * table of its own: snapshot.c must not pull replay.c and OpenSSL into
 * kexec-tools, which links this file without them.
 */
static unsigned int digest_size_of(const char *file)
{
	static const struct {
		const char *suffix;
		unsigned int size;
	} banks[] = {
		{ "", IMACARRY_SHA1_SIZE },
		{ "_sha1", 20 },
		{ "_sha256", 32 },
		{ "_sm3", 32 },
		{ "_sha384", 48 },
		{ "_sha512", 64 },
	};
	const size_t n = sizeof(LIST_FILE) - 1;
	unsigned int i;

	if (strncmp(file, LIST_FILE, n))
		return 0;
	for (i = 0; i < IC_ARRAY_SIZE(banks); i++)
		if (!strcmp(file + n, banks[i].suffix))
			return banks[i].size;
	/* Another bank: let the list tell its digest size. */
	return 0;
}

static bool host_is_le(void)
{
	const uint16_t one = 1;

	return *(const uint8_t *)&one == 1;
}

static int snapshot_once(const char *securityfs, const char *file,
			 uint8_t **buf, size_t *cap, size_t *len,
			 uint64_t *before, uint64_t *after)
{
	int fd, ret;

	ret = ic_snapshot_count(securityfs, before);
	if (ret < 0)
		return ret;
	fd = open_ima(securityfs, file);
	if (fd < 0)
		return fd;
	ret = read_all(fd, buf, cap, len);
	close_keep_errno(fd);
	if (ret < 0)
		return ret;
	return ic_snapshot_count(securityfs, after);
}

/*
 * Reads @file until runtime_measurements_count agrees before and after (or
 * the tries run out) and views all that was read, unchecked; *@before is
 * the count taken before that read.
 */
static int snapshot_take(const char *securityfs, const char *file,
			 uint8_t **bufp, struct imacarry_list *list,
			 uint64_t *before, struct imacarry_where *where)
{
	uint8_t *b = NULL;
	size_t cap = 0, got = 0;
	uint64_t after = 0;
	int tries, ret;

	ic_where(where, 0, 0);
	if (!bufp || !list)
		return -IMACARRY_ERR_BADARG;
	*bufp = NULL;
	if (!file)
		file = LIST_FILE;
	if (strchr(file, '/'))
		return -IMACARRY_ERR_BADARG;

	for (tries = 0; tries < SNAPSHOT_TRIES; tries++) {
		ret = snapshot_once(securityfs, file, &b, &cap, &got, before,
				    &after);
		if (ret < 0)
			goto err;
		if (*before == after)
			break;
	}

	/*
	 * securityfs writes the list in the CPU's byte order, or little-endian
	 * with ima_canonical_fmt: only a big-endian CPU has to tell them apart.
	 */
	ret = imacarry_list_init(list, b, got, digest_size_of(file),
				 host_is_le() ? 0 : -1, where);
	if (ret < 0)
		goto err;
	*bufp = b;
	return 0;
err:
	free(b);
	return ret;
}

int imacarry_snapshot_read(const char *securityfs, const char *file,
			   void **buf, struct imacarry_list *list,
			   struct imacarry_where *where)
{
	struct imacarry_list whole;
	uint8_t *b;
	uint64_t before = 0;
	int ret;

	if (!buf || !list) {
		ic_where(where, 0, 0);
		return -IMACARRY_ERR_BADARG;
	}
	ret = snapshot_take(securityfs, file, &b, &whole, &before, where);
	if (ret < 0) {
		*buf = NULL;
		return ret;
	}
	/*
	 * The kernel adds an entry before it counts it, so the file holds at
	 * least the @before entries counted before the read started: those
	 * form a prefix that is complete whatever was added meanwhile. This
	 * walk is the one walk: the view it makes is checked.
	 */
	ret = ic_list_prefix(&whole, before, list, where);
	if (ret < 0)
		goto err;
	if (list->count != before) {
		/* Fewer records than counted: not a live IMA list. */
		ic_where(where, list->len, list->count);
		ret = -IMACARRY_ERR_COUNT;
		goto err;
	}
	*buf = b;
	return 0;
err:
	free(b);
	*buf = NULL;
	return ret;
}

int imacarry_snapshot_read_unchecked(const char *securityfs,
				     const char *file, void **buf,
				     struct imacarry_list *list,
				     uint64_t *count,
				     struct imacarry_where *where)
{
	uint8_t *b;
	int ret;

	if (!buf || !list || !count) {
		ic_where(where, 0, 0);
		return -IMACARRY_ERR_BADARG;
	}
	ret = snapshot_take(securityfs, file, &b, list, count, where);
	*buf = ret < 0 ? NULL : b;
	return ret;
}
