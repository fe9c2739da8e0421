/* SPDX-License-Identifier: GPL-2.0-only */
/* ima-carry-argv.h - kexec's command line, pointed at a load record's copies */
#ifndef IMA_CARRY_ARGV_H
#define IMA_CARRY_ARGV_H

/*
 * imacarry_record_load() records an argv as it is given; which words name
 * the kernel and the initrd is kexec's business, so it lives here, with
 * the glue. It is a header of static functions, not a file of the library,
 * because the glue reaches only libimacarry's exported API (kexec/build.sh
 * keeps nothing else), and not a part of kexec/ima-carry.c, because that
 * needs kexec-tools' headers: so the glue and the unit tests
 * (tests/lib/test-record.c, tests/shutdown/record-load.c) compile the same
 * code, and no series hunk is needed for it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <imacarry.h>

/* The initrd options of kexec-tools, in both the "X F" and "X=F" forms. */
static const char *const ima_carry_initrd_opts[] = { "--initrd", "--ramdisk" };

/* Matches "--initrd" (value in the next word) or "--initrd=F". */
static const char *ima_carry_initrd_value(const char *arg, bool *next)
{
	size_t i, n;

	for (i = 0; i < sizeof(ima_carry_initrd_opts) /
			sizeof(ima_carry_initrd_opts[0]); i++) {
		n = strlen(ima_carry_initrd_opts[i]);
		if (strncmp(arg, ima_carry_initrd_opts[i], n))
			continue;
		if (!arg[n]) {
			*next = true;
			return arg + n;
		}
		if (arg[n] == '=') {
			*next = false;
			return arg + n + 1;
		}
	}
	return NULL;
}

/*
 * The kernel is argv[optind] of kexec: the caller usually hands us that
 * very pointer, which is exact. A copy of the string is matched by value,
 * last one first, because kexec-tools takes the first non-option word and
 * getopt has moved the non-options to the end.
 */
static int ima_carry_kernel_index(int argc, char *const argv[],
				  const char *kernel)
{
	int i;

	for (i = 1; i < argc; i++)
		if (argv[i] == kernel)
			return i;
	for (i = argc - 1; i >= 1; i--)
		if (!strcmp(argv[i], kernel))
			return i;
	return -1;
}

/*
 * Checks that every initrd option can be pointed at the copy: a record
 * whose argv still names /boot would fail exactly when it is needed.
 */
static int ima_carry_check_initrd_opts(int argc, char *const argv[],
				       int kidx, const char *initrd)
{
	bool next, seen = false;
	int i;

	for (i = 1; i < argc; i++) {
		if (i == kidx || !ima_carry_initrd_value(argv[i], &next))
			continue;
		if (next && (i + 1 >= argc || i + 1 == kidx))
			return -IMACARRY_ERR_BADARG;
		seen = true;
		if (next)
			i++;
	}
	if (seen != (initrd != NULL))
		return -IMACARRY_ERR_BADARG;
	return 0;
}

/* A malloc'd "@opt_len bytes of @opt" "@rundir/@name". */
static char *ima_carry_copy_path(const char *opt, size_t opt_len,
				 const char *rundir, const char *name)
{
	size_t n = opt_len + strlen(rundir) + 1 + strlen(name) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%.*s%s/%s", (int)opt_len, opt, rundir, name);
	return s;
}

/*
 * Records a load as imacarry_record_load() does, with @argv's kernel
 * argument (the pointer @kernel, else the last word equal to it) and every
 * --initrd / --ramdisk value pointing at the record's copies
 * (@rundir/kernel and @rundir/initrd; IMACARRY_RUNDIR when @rundir is NULL).
 * Returns what imacarry_record_load() returns, or, before anything is
 * created, -IMACARRY_ERR_BADARG (errno EINVAL): no @kernel among @argv,
 * or initrd options that do not match @initrd; -IMACARRY_ERR_NOMEM.
 */
static int ima_carry_record_load(const char *rundir, int argc,
				 char *const argv[], const char *kernel,
				 const char *initrd)
{
	const char *value;
	bool next, skip = false;
	int i, kidx, ret;
	char **rec;

	if (!rundir)
		rundir = IMACARRY_RUNDIR;
	if (argc < 2 || !argv || !kernel) {
		errno = EINVAL;
		return -IMACARRY_ERR_BADARG;
	}
	kidx = ima_carry_kernel_index(argc, argv, kernel);
	ret = kidx < 0 ? -IMACARRY_ERR_BADARG :
	      ima_carry_check_initrd_opts(argc, argv, kidx, initrd);
	if (ret) {
		errno = EINVAL;
		return ret;
	}
	rec = calloc((size_t)argc + 1, sizeof(*rec));
	if (!rec)
		return -IMACARRY_ERR_NOMEM;
	for (i = 1; i < argc; i++) {
		if (i == kidx) {
			rec[i] = ima_carry_copy_path("", 0, rundir, "kernel");
		} else if (skip) {
			skip = false;
			rec[i] = ima_carry_copy_path("", 0, rundir, "initrd");
		} else {
			value = ima_carry_initrd_value(argv[i], &next);
			skip = value && next;
			if (value && !next)
				rec[i] = ima_carry_copy_path(argv[i],
					(size_t)(value - argv[i]), rundir,
					"initrd");
			else
				rec[i] = strdup(argv[i]);
		}
		if (!rec[i]) {
			ret = -IMACARRY_ERR_NOMEM;
			goto out;
		}
	}
	rec[0] = argv[0];
	ret = imacarry_record_load(rundir, argc, rec, kernel, initrd);
out:
	for (i = 1; i < argc; i++)
		free(rec[i]);
	free(rec);
	return ret;
}

#endif /* IMA_CARRY_ARGV_H */
