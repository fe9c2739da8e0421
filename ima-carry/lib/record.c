// SPDX-License-Identifier: GPL-2.0-only
/* record.c - record a kexec --ima-carry load for the shutdown hook to redo */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shared/util.h"

#include "imacarry-internal.h"

#define COPY_CHUNK	(64u << 10)

/* What a rundir holds; removal knows exactly these names. */
static const char *const record_files[] = { "kernel", "initrd", "argv" };

static int write_all(int fd, const void *buf, size_t len)
{
	return ic_write_all(fd, buf, len) < 0 ? -IMACARRY_ERR_IO : 0;
}

static int create_file(int dirfd, const char *name)
{
	int fd;

	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    0600);
	if (fd < 0)
		return -IMACARRY_ERR_IO;
	/* The umask may have taken bits away; the hook only needs root's. */
	if (fchmod(fd, 0600)) {
		close(fd);
		return -IMACARRY_ERR_IO;
	}
	return fd;
}

/*
 * The hook's reload loads from the record itself: link those files into the
 * new record instead of copying them, so that a big initrd does not need
 * twice its size in /run at shutdown. Same directory, same file system.
 */
static bool link_from_record(const char *src, const char *rundir, int dirfd,
			     const char *name)
{
	size_t n = strlen(rundir);

	if (strncmp(src, rundir, n) || src[n] != '/' ||
	    strchr(src + n + 1, '/'))
		return false;
	return !linkat(AT_FDCWD, src, dirfd, name, 0);
}

/*
 * Streams @src into @name below @dirfd: /boot may be unmounted by the time
 * the hook reloads, so the record keeps its own copy.
 */
static int copy_file(const char *src, const char *rundir, int dirfd,
		     const char *name)
{
	char buf[COPY_CHUNK];
	struct stat st;
	ssize_t n;
	int in, out, ret, saved;

	if (link_from_record(src, rundir, dirfd, name))
		return 0;
	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -IMACARRY_ERR_IO;
	if (fstat(in, &st)) {
		ret = -IMACARRY_ERR_IO;
		goto out_in;
	}
	/* A pipe or a device cannot be read a second time at shutdown. */
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		ret = -IMACARRY_ERR_BADARG;
		goto out_in;
	}
	out = create_file(dirfd, name);
	if (out < 0) {
		ret = out;
		goto out_in;
	}
	for (;;) {
		n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = -IMACARRY_ERR_IO;
			break;
		}
		if (n == 0) {
			ret = 0;
			break;
		}
		ret = write_all(out, buf, (size_t)n);
		if (ret)
			break;
	}
	saved = errno;
	if (close(out) && !ret)
		ret = -IMACARRY_ERR_IO;
	else
		errno = saved;
out_in:
	saved = errno;
	close(in);
	errno = saved;
	return ret;
}

/* argv[1..argc-1], each NUL-terminated, for bash's mapfile -d ''. */
static int write_argv(int dirfd, int argc, char *const argv[])
{
	int fd, i, ret = 0;

	fd = create_file(dirfd, "argv");
	if (fd < 0)
		return fd;
	for (i = 1; i < argc && !ret; i++)
		ret = write_all(fd, argv[i], strlen(argv[i]) + 1);
	if (close(fd) && !ret)
		ret = -IMACARRY_ERR_IO;
	return ret;
}

/*
 * Removes a record directory: only the names a record holds, so that a
 * wrong path can never turn this into rm -r. errno is kept for the caller.
 */
static void remove_record(const char *dir)
{
	int saved = errno;
	size_t i;
	int fd;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		for (i = 0; i < IC_ARRAY_SIZE(record_files); i++)
			unlinkat(fd, record_files[i], 0);
		close(fd);
		rmdir(dir);
	} else {
		unlink(dir);
	}
	errno = saved;
}

/* Puts @tmp in place of @rundir in one step, so readers see old or new. */
static int install(const char *tmp, const char *rundir)
{
	if (!rename(tmp, rundir))
		return 0;
	if (errno != EEXIST && errno != ENOTEMPTY && errno != ENOTDIR &&
	    errno != EISDIR)
		return -IMACARRY_ERR_IO;
	/* tmpfs, where /run lives, has had RENAME_EXCHANGE since Linux 3.17. */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, rundir, RENAME_EXCHANGE))
		return -IMACARRY_ERR_IO;
	remove_record(tmp);
	return 0;
}

int imacarry_record_load(const char *rundir, int argc, char *const argv[],
			 const char *kernel, const char *initrd)
{
	char tmp[PATH_MAX];
	int dirfd, i, n, ret;

	if (!rundir)
		rundir = IMACARRY_RUNDIR;
	if (rundir[0] != '/' || argc < 2 || !argv || !kernel) {
		errno = EINVAL;
		return -IMACARRY_ERR_BADARG;
	}
	for (i = 1; i < argc; i++) {
		if (!argv[i]) {
			errno = EINVAL;
			return -IMACARRY_ERR_BADARG;
		}
	}
	/* Room for "RUNDIR/initrd", the copies' names, and a mkdtemp suffix. */
	n = snprintf(tmp, sizeof(tmp), "%s.XXXXXX", rundir);
	if (n < 0 || (size_t)n + sizeof("/initrd") >= sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -IMACARRY_ERR_BADARG;
	}

	/* mkdtemp makes it 0700; the record is root's alone. */
	if (!mkdtemp(tmp))
		return -IMACARRY_ERR_IO;
	dirfd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		ret = -IMACARRY_ERR_IO;
		goto fail;
	}
	ret = fchmod(dirfd, 0700) ? -IMACARRY_ERR_IO : 0;
	if (!ret)
		ret = copy_file(kernel, rundir, dirfd, "kernel");
	if (!ret && initrd)
		ret = copy_file(initrd, rundir, dirfd, "initrd");
	if (!ret)
		ret = write_argv(dirfd, argc, argv);
	close(dirfd);
	if (!ret)
		ret = install(tmp, rundir);
	if (!ret)
		return 0;
fail:
	remove_record(tmp);
	return ret;
}
