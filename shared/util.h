/* SPDX-License-Identifier: GPL-2.0-only */
/* util.h - helpers the library and the tool both build in; none exported */
#ifndef IMACARRY_SHARED_UTIL_H
#define IMACARRY_SHARED_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

/* hex.c */

/* Writes @len bytes as 2 * @len lower-case hex digits, no NUL, at @out. */
void ic_hex(char *out, const uint8_t *p, size_t len);

/* io.c */

/* Nothing we read legitimately comes near this: a DTB, or a 256 MiB list. */
#define IC_READ_MAX	((size_t)1 << 30)

enum {
	IC_READ_NOMEM = -1,
	IC_READ_TOOBIG = -2,	/* IC_READ_MAX reached */
	IC_READ_FAILED = -3,	/* read(2) failed; errno says why */
};

/*
 * Reads @fd to its end into the malloc'd *@buf of *@cap bytes (NULL and 0
 * to start), doubling it from 64 KiB: pipes, sysfs and securityfs report
 * no useful size. Sets *@len; returns 0 or an IC_READ_* code, and leaves
 * *@buf to the caller either way.
 */
int ic_read_all(int fd, uint8_t **buf, size_t *cap, size_t *len);

/*
 * Writes all of @iov, resuming after short writes and signals; advances
 * @iov. Returns 0, or -1 with errno set.
 */
int ic_writev_all(int fd, struct iovec *iov, int iovcnt);

/* ic_writev_all() of one buffer. */
int ic_write_all(int fd, const void *buf, size_t len);

#endif /* IMACARRY_SHARED_UTIL_H */
