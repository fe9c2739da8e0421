// SPDX-License-Identifier: GPL-2.0-only
/* io.c - whole reads and writes that resume after short counts and signals */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/uio.h>
#include <unistd.h>

#include "shared/util.h"

#define IC_READ_CHUNK	((size_t)64 << 10)

int ic_read_all(int fd, uint8_t **buf, size_t *cap, size_t *len)
{
	uint8_t *p;
	size_t ncap;
	ssize_t n;

	*len = 0;
	for (;;) {
		if (*len == *cap) {
			if (*cap >= IC_READ_MAX)
				return IC_READ_TOOBIG;
			ncap = *cap ? *cap * 2 : IC_READ_CHUNK;
			p = realloc(*buf, ncap);
			if (!p)
				return IC_READ_NOMEM;
			*buf = p;
			*cap = ncap;
		}
		n = read(fd, *buf + *len, *cap - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return IC_READ_FAILED;
		if (n == 0)
			return 0;
		*len += (size_t)n;
	}
}

int ic_writev_all(int fd, struct iovec *iov, int iovcnt)
{
	ssize_t n;
	size_t left;

	while (iovcnt) {
		if (!iov->iov_len) {
			iov++;
			iovcnt--;
			continue;
		}
		n = writev(fd, iov, iovcnt > IOV_MAX ? IOV_MAX : iovcnt);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		/* Nothing written of a non-empty vector: never loop on it. */
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		left = (size_t)n;
		while (iovcnt && left >= iov->iov_len) {
			left -= iov->iov_len;
			iov++;
			iovcnt--;
		}
		if (left) {
			iov->iov_base = (uint8_t *)iov->iov_base + left;
			iov->iov_len -= left;
		}
	}
	return 0;
}

int ic_write_all(int fd, const void *buf, size_t len)
{
	struct iovec iov = { (void *)buf, len };

	return ic_writev_all(fd, &iov, 1);
}
