// SPDX-License-Identifier: GPL-2.0-only
/* util.c - the tool's plumbing: messages, number parsing, whole-file I/O */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "shared/util.h"

#include "imacarry.h"

#include "tool.h"


bool tool_quiet;

static void vmsg(const char *fmt, va_list ap)
{
	fputs(TOOL_PROG ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void tool_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void tool_note(const char *fmt, ...)
{
	va_list ap;

	if (tool_quiet)
		return;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

int tool_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, TOOL_PROG " %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '" TOOL_PROG " %s --help'.\n", cmd);
	return TOOL_EXIT_USAGE;
}

void tool_err_at(const char *file, int err)
{
	tool_err("%s: %s", file, imacarry_strerror(err));
}

bool tool_parse_uint(const char *s, unsigned long min, unsigned long max,
		     unsigned long *out)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

int tool_opt_digest_size(const char *cmd, const char *s, unsigned int *out)
{
	unsigned long v;

	if (!tool_parse_uint(s, 0, 64, &v) ||
	    (v != 0 && v != 20 && v != 32 && v != 48 && v != 64))
		return tool_usage(cmd, "invalid digest size '%s' (20, 32, 48 or 64)",
				  s);
	*out = (unsigned int)v;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool tool_parse_hex(const char *s, size_t slen, uint8_t *out, size_t size)
{
	size_t i;

	if (slen != 2 * size)
		return false;
	for (i = 0; i < size; i++) {
		int hi = hexval(s[2 * i]);
		int lo = hexval(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

void tool_hex(const uint8_t *p, size_t len, char *out)
{
	ic_hex(out, p, len);
	out[2 * len] = '\0';
}

/*
 * Pipes, sysfs and securityfs report no useful size: read them into a
 * buffer that grows geometrically.
 */
static int read_fd(int fd, const char *name, struct tool_file *f)
{
	uint8_t *buf = NULL;
	size_t cap = 0, len;
	const char *msg;
	int ret;

	ret = ic_read_all(fd, &buf, &cap, &len);
	if (ret < 0) {
		if (ret == IC_READ_TOOBIG)
			msg = imacarry_strerror(-IMACARRY_ERR_TOOBIG);
		else if (ret == IC_READ_NOMEM)
			msg = strerror(ENOMEM);
		else
			msg = strerror(errno);
		tool_err("%s: %s", name, msg);
		free(buf);
		return -1;
	}
	f->buf = buf;
	f->len = len;
	f->mapped = false;
	return 0;
}

/*
 * A regular file is mapped rather than read: no copy, and no fresh pages
 * to fault in and zero. MAP_POPULATE because every caller reads it all.
 */
static int map_fd(int fd, const char *name, size_t size, struct tool_file *f)
{
	void *p;

	p = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	/* sysfs files (the TPM's pcr-ALG/N) are regular but can't be mapped */
	if (p == MAP_FAILED)
		return read_fd(fd, name, f);
	f->buf = p;
	f->len = size;
	f->mapped = true;
	return 0;
}

static int read_file(int fd, const char *name, struct tool_file *f)
{
	struct stat st;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0)
		return read_fd(fd, name, f);
	if ((uint64_t)st.st_size >= IC_READ_MAX) {
		tool_err("%s: %s", name,
			 imacarry_strerror(-IMACARRY_ERR_TOOBIG));
		return -1;
	}
	return map_fd(fd, name, (size_t)st.st_size, f);
}

int tool_read_file(const char *path, struct tool_file *f)
{
	int fd, ret;

	memset(f, 0, sizeof(*f));
	if (!strcmp(path, "-"))
		return read_file(STDIN_FILENO, "<stdin>", f);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		tool_err("%s: %s", path, strerror(errno));
		return -1;
	}
	ret = read_file(fd, path, f);
	close(fd);
	return ret;
}

void tool_file_free(struct tool_file *f)
{
	if (f->mapped)
		munmap((void *)f->buf, f->len);
	else
		free((void *)f->buf);
	memset(f, 0, sizeof(*f));
}

int tool_write_filev(const char *path, const struct iovec *parts, int n)
{
	size_t plen = strlen(path);
	struct iovec iov[TOOL_WRITE_PARTS];
	char *tmp;
	int fd;

	/* ic_writev_all() advances its vector: give it a copy. */
	if (n < 0 || n > TOOL_WRITE_PARTS) {
		tool_err("%s: %s", path, strerror(EINVAL));
		return -1;
	}
	memcpy(iov, parts, (size_t)n * sizeof(*iov));

	if (!strcmp(path, "-")) {
		if (ic_writev_all(STDOUT_FILENO, iov, n) < 0) {
			tool_err("<stdout>: %s", strerror(errno));
			return -1;
		}
		return 0;
	}

	/* Same directory as @path, so that rename(2) is atomic. */
	tmp = malloc(plen + sizeof(".XXXXXX"));
	if (!tmp) {
		tool_err("%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".XXXXXX", sizeof(".XXXXXX"));
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		tool_err("%s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	/*
	 * mkostemp's 0600 stays: the output holds the measurement list,
	 * which securityfs shows to root only. fsync because the usual
	 * reader is the next kernel, right after a kexec.
	 */
	if (ic_writev_all(fd, iov, n) < 0 || fsync(fd) < 0) {
		tool_err("%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		tool_err("%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int tool_write_file(const char *path, const void *buf, size_t len)
{
	struct iovec iov = { (void *)buf, len };

	return tool_write_filev(path, &iov, 1);
}

int tool_check_output(const char *cmd, const char *out)
{
	if (strcmp(out, "-") || !isatty(STDOUT_FILENO))
		return 0;
	return tool_usage(cmd, "not writing binary data to a terminal; use -o OUT");
}

int tool_flush_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	tool_err("<stdout>: %s", strerror(errno ? errno : EIO));
	return -1;
}
