// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-measure.c - the x86 e2e guests' measurement maker (x86-biglist.sh).
 *
 * usage: x86-measure DIR N PREFIX
 *
 * Creates N empty files DIR/PREFIX1 .. DIR/PREFIXN, then opens each one for
 * reading and reads it.  On the guest's ramfs root the tcb policy measures
 * each open by root: N new ima-ng entries, one per distinct path, with no
 * fork or exec per entry (a busybox shell loop pays two of those).  On tmpfs
 * (not measured) the same run shows what the syscalls alone cost.
 *
 * Prints, on stdout, "N CREATE_SECS OPEN_SECS" (CLOCK_MONOTONIC).  Built
 * static on the host (gcc -static) by the scenario; runs in the guest.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *path)
{
	fprintf(stderr, "x86-measure: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

int main(int argc, char **argv)
{
	char path[4096], buf[64];
	double t0, t1, t2;
	long i, n;
	char *end;
	int fd;

	if (argc != 4) {
		fprintf(stderr, "usage: x86-measure DIR N PREFIX\n");
		return 2;
	}
	errno = 0;
	n = strtol(argv[2], &end, 10);
	if (errno || *end || n < 0) {
		fprintf(stderr, "x86-measure: bad count '%s'\n", argv[2]);
		return 2;
	}
	t0 = now();
	for (i = 1; i <= n; i++) {
		snprintf(path, sizeof(path), "%s/%s%ld", argv[1], argv[3], i);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0)
			die("cannot create", path);
		if (close(fd))
			die("cannot close", path);
	}
	t1 = now();
	for (i = 1; i <= n; i++) {
		snprintf(path, sizeof(path), "%s/%s%ld", argv[1], argv[3], i);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			die("cannot open", path);
		if (read(fd, buf, sizeof(buf)) < 0)
			die("cannot read", path);
		if (close(fd))
			die("cannot close", path);
	}
	t2 = now();
	printf("%ld %.3f %.3f\n", n, t1 - t0, t2 - t1);
	return 0;
}
