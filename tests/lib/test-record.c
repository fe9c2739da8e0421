// SPDX-License-Identifier: GPL-2.0-only
/* test-record.c - unit tests for record.c and kexec's argv rewriting for it */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "imacarry.h"

#include "ima-carry-argv.h"
#include "test-file.h"

/* Over one copy chunk (64 KiB), and not a multiple of it. */
#define KERNEL_SIZE	(200u << 10 | 123)

struct fix {
	char top[64];		/* the parent of the rundir */
	char rundir[128];
	char kernel[128];	/* "boot dir/vmlinuz 6.1": spaces on purpose */
	char initrd[128];
	char rk[192];		/* rundir/kernel */
	char ri[192];		/* rundir/initrd */
};

/* Reads a whole file; *len gets its size. */
static char *read_file(const char *path, size_t *len)
{
	struct stat st;
	char *buf;
	FILE *f;

	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fstat(fileno(f), &st), 0);
	buf = malloc((size_t)st.st_size + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)st.st_size, f),
			 (size_t)st.st_size);
	assert_int_equal(fclose(f), 0);
	*len = (size_t)st.st_size;
	return buf;
}

static int fix_setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));
	char dir[96], *k;
	size_t i;

	assert_non_null(f);
	strcpy(f->top, "/tmp/ima-carry-recordXXXXXX");
	assert_non_null(mkdtemp(f->top));
	snprintf(f->rundir, sizeof(f->rundir), "%s/ima-carry", f->top);
	snprintf(dir, sizeof(dir), "%s/boot dir", f->top);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(f->kernel, sizeof(f->kernel), "%s/vmlinuz 6.1", dir);
	snprintf(f->initrd, sizeof(f->initrd), "%s/initrd.img", dir);
	snprintf(f->rk, sizeof(f->rk), "%s/kernel", f->rundir);
	snprintf(f->ri, sizeof(f->ri), "%s/initrd", f->rundir);

	k = malloc(KERNEL_SIZE);
	assert_non_null(k);
	for (i = 0; i < KERNEL_SIZE; i++)
		k[i] = (char)(i * 7 + i / 251);
	write_file(f->kernel, k, KERNEL_SIZE);
	free(k);
	write_file(f->initrd, "initrd\n", 7);
	*state = f;
	return 0;
}

/* Removes at most two levels: top/{ima-carry,boot dir,…}/files. */
static void rm_tree(const char *path, int depth)
{
	char sub[PATH_MAX];
	struct dirent *d;
	DIR *dir;

	dir = opendir(path);
	if (!dir) {
		unlink(path);
		return;
	}
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, d->d_name);
		if (depth > 0)
			rm_tree(sub, depth - 1);
		else
			unlink(sub);
	}
	closedir(dir);
	rmdir(path);
}

static int fix_teardown(void **state)
{
	struct fix *f = *state;

	rm_tree(f->top, 2);
	free(f);
	return 0;
}

/* The names in f->top other than "boot dir", sorted, joined by ','. */
static void list_top(const struct fix *f, char *out, size_t size)
{
	struct dirent **names;
	int i, n;

	n = scandir(f->top, &names, NULL, alphasort);
	assert_true(n >= 0);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") &&
		    strcmp(names[i]->d_name, "..") &&
		    strcmp(names[i]->d_name, "boot dir")) {
			if (out[0])
				strncat(out, ",", size - strlen(out) - 1);
			strncat(out, names[i]->d_name, size - strlen(out) - 1);
		}
		free(names[i]);
	}
	free(names);
}

/* Checks the argv file against @n words. */
static void check_argv(const struct fix *f, const char *const *want, int n)
{
	char path[256], *buf;
	size_t len, off = 0;
	int i;

	snprintf(path, sizeof(path), "%s/argv", f->rundir);
	buf = read_file(path, &len);
	for (i = 0; i < n; i++) {
		assert_true(off < len);
		assert_string_equal(buf + off, want[i]);
		off += strlen(want[i]) + 1;
	}
	assert_int_equal(off, len);
	free(buf);
}

static void check_mode(const char *path, mode_t mode)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, mode);
}

static void check_same(const char *a, const char *b)
{
	size_t la, lb;
	char *ba = read_file(a, &la), *bb = read_file(b, &lb);

	assert_int_equal(la, lb);
	assert_memory_equal(ba, bb, la);
	free(ba);
	free(bb);
}

static void test_initrd_eq(void **state)
{
	struct fix *f = *state;
	char initrd_opt[256], want_opt[256], argv_path[256], names[64];
	char *argv[] = { "kexec", "--ima-carry", "-l", f->kernel, initrd_opt,
			 "--append=root=/dev/vda  quiet ", "", NULL };
	const char *want[] = { "--ima-carry", "-l", f->rk, want_opt,
			       "--append=root=/dev/vda  quiet ", "" };

	snprintf(initrd_opt, sizeof(initrd_opt), "--initrd=%s", f->initrd);
	snprintf(want_opt, sizeof(want_opt), "--initrd=%s", f->ri);
	assert_int_equal(ima_carry_record_load(f->rundir, 7, argv, f->kernel,
					      f->initrd), 0);
	check_argv(f, want, 6);
	check_same(f->kernel, f->rk);
	check_same(f->initrd, f->ri);
	check_mode(f->rundir, 0700);
	check_mode(f->rk, 0600);
	check_mode(f->ri, 0600);
	snprintf(argv_path, sizeof(argv_path), "%s/argv", f->rundir);
	check_mode(argv_path, 0600);
	list_top(f, names, sizeof(names));
	assert_string_equal(names, "ima-carry");
}

static void test_initrd_forms(void **state)
{
	struct fix *f = *state;
	char kcopy[128], ram_opt[256], want_ram[256];
	char *argv[] = { "kexec", "--initrd", f->initrd, "--ima-carry",
			 "--ramdisk", f->initrd, ram_opt, "-l", kcopy, NULL };
	const char *want[] = { "--initrd", f->ri, "--ima-carry", "--ramdisk",
			       f->ri, want_ram, "-l", f->rk };

	/* A copy of the kernel string: matched by value, not by pointer. */
	strcpy(kcopy, f->kernel);
	snprintf(ram_opt, sizeof(ram_opt), "--ramdisk=%s", f->initrd);
	snprintf(want_ram, sizeof(want_ram), "--ramdisk=%s", f->ri);
	assert_int_equal(ima_carry_record_load(f->rundir, 9, argv, f->kernel,
					      f->initrd), 0);
	check_argv(f, want, 8);
}

static void test_kernel_match(void **state)
{
	struct fix *f = *state;
	char early[128], late[128];
	char *argv[] = { "kexec", "--command-line", early, "-l", late, NULL };
	const char *by_value[] = { "--command-line", f->kernel, "-l", f->rk };
	const char *by_ptr[] = { "--command-line", f->rk, "-l", f->kernel };
	char path[256];

	/* By value the last equal word is the kernel (getopt moved it). */
	strcpy(early, f->kernel);
	strcpy(late, f->kernel);
	assert_int_equal(ima_carry_record_load(f->rundir, 5, argv, f->kernel,
					      NULL), 0);
	check_argv(f, by_value, 4);
	snprintf(path, sizeof(path), "%s/initrd", f->rundir);
	assert_int_equal(access(path, F_OK), -1);

	/* The pointer kexec hands over wins over any equal string. */
	assert_int_equal(ima_carry_record_load(f->rundir, 5, argv, early,
					      NULL), 0);
	check_argv(f, by_ptr, 4);
}

static void test_replace(void **state)
{
	struct fix *f = *state;
	char *argv[] = { "kexec", "-l", f->kernel, NULL };
	const char *want[] = { "-l", f->rk };
	char *argv2[] = { "kexec", "--ima-carry", "-l", f->rk, NULL };
	const char *want2[] = { "--ima-carry", "-l", f->rk };
	struct stat before, after;
	char names[64];
	size_t len;
	char *buf;

	assert_int_equal(ima_carry_record_load(f->rundir, 3, argv, f->kernel,
					      NULL), 0);
	check_argv(f, want, 2);

	/*
	 * The reload in the hook records from the record itself: the files
	 * are linked, not copied, so /run does not need twice their size.
	 */
	write_file(f->kernel, "new kernel", 10);
	assert_int_equal(stat(f->rk, &before), 0);
	assert_int_equal(ima_carry_record_load(f->rundir, 4, argv2, f->rk,
					      NULL), 0);
	check_argv(f, want2, 3);
	buf = read_file(f->rk, &len);
	assert_int_equal(len, KERNEL_SIZE);
	free(buf);
	assert_int_equal(stat(f->rk, &after), 0);
	assert_int_equal(after.st_ino, before.st_ino);
	assert_int_equal(after.st_nlink, 1);

	assert_int_equal(ima_carry_record_load(f->rundir, 3, argv, f->kernel,
					      NULL), 0);
	check_same(f->kernel, f->rk);
	list_top(f, names, sizeof(names));
	assert_string_equal(names, "ima-carry");
	check_mode(f->rundir, 0700);
}

/* Every failure: the old record (or none) stays, and no temporary is left. */
static void expect_fail(const struct fix *f, int err, const char *rundir,
			int argc, char **argv, const char *kernel,
			const char *initrd, const char *names_want)
{
	char names[64];

	assert_int_equal(ima_carry_record_load(rundir, argc, argv, kernel,
					      initrd), -err);
	list_top(f, names, sizeof(names));
	assert_string_equal(names, names_want);
}

static void test_fail_clean(void **state)
{
	struct fix *f = *state;
	char missing[256], rel[] = "run/ima-carry", nodir[256], eq[256];
	char *argv[] = { "kexec", "-l", f->kernel, "--initrd", missing, NULL };
	char *plain[] = { "kexec", "-l", f->kernel, NULL };
	char *dangling[] = { "kexec", "-l", f->kernel, "--initrd", NULL };
	char *eqform[] = { "kexec", "-l", f->kernel, eq, NULL };
	char *dirk[] = { "kexec", "-l", f->top, NULL };
	const char *want_plain[] = { "-l", f->rk };

	snprintf(missing, sizeof(missing), "%s/no-such-initrd", f->top);
	snprintf(eq, sizeof(eq), "--ramdisk=%s", f->initrd);

	/* A copy fails half-way: the kernel was already copied. */
	expect_fail(f, IMACARRY_ERR_IO, f->rundir, 5, argv, f->kernel,
		    missing, "");
	assert_int_equal(errno, ENOENT);

	/* Argument errors are caught before anything is created. */
	expect_fail(f, IMACARRY_ERR_BADARG, f->rundir, 3, plain, "vmlinuz",
		    NULL, "");
	expect_fail(f, IMACARRY_ERR_BADARG, f->rundir, 3, plain, f->kernel,
		    f->initrd, "");
	expect_fail(f, IMACARRY_ERR_BADARG, f->rundir, 4, eqform, f->kernel,
		    NULL, "");
	expect_fail(f, IMACARRY_ERR_BADARG, f->rundir, 4, dangling, f->kernel,
		    f->initrd, "");
	expect_fail(f, IMACARRY_ERR_BADARG, rel, 3, plain, f->kernel, NULL,
		    "");
	expect_fail(f, IMACARRY_ERR_BADARG, f->rundir, 1, plain, f->kernel,
		    NULL, "");
	expect_fail(f, IMACARRY_ERR_BADARG, f->rundir, 3, NULL, f->kernel,
		    NULL, "");
	expect_fail(f, IMACARRY_ERR_BADARG, NULL, 1, plain, f->kernel, NULL,
		    "");
	/* A directory is not a kernel that can be read again later. */
	expect_fail(f, IMACARRY_ERR_BADARG, f->rundir, 3, dirk, f->top,
		    NULL, "");

	/* An old record survives every failure untouched. */
	assert_int_equal(ima_carry_record_load(f->rundir, 3, plain, f->kernel,
					      NULL), 0);
	expect_fail(f, IMACARRY_ERR_IO, f->rundir, 5, argv, f->kernel,
		    missing, "ima-carry");
	check_argv(f, want_plain, 2);
	check_same(f->kernel, f->rk);

	/* No parent directory: nothing to clean up, a plain I/O error. */
	snprintf(nodir, sizeof(nodir), "%s/missing/ima-carry", f->top);
	expect_fail(f, IMACARRY_ERR_IO, nodir, 3, plain, f->kernel, NULL,
		    "ima-carry");
	assert_int_equal(errno, ENOENT);
}

/*
 * The library records the argv it is given, word for word: pointing it at
 * the copies is kexec's part (ima_carry_record_load() above).
 */
static void test_argv_as_given(void **state)
{
	struct fix *f = *state;
	char *argv[] = { "kexec", "-l", f->kernel, "--initrd", f->initrd,
			 "--append=x", NULL };
	const char *want[] = { "-l", f->kernel, "--initrd", f->initrd,
			       "--append=x" };
	char *holes[] = { "kexec", "-l", NULL, NULL };

	assert_int_equal(imacarry_record_load(f->rundir, 6, argv, f->kernel,
					      f->initrd), 0);
	check_argv(f, want, 5);
	check_same(f->kernel, f->rk);
	check_same(f->initrd, f->ri);
	/* A NULL word is refused before anything is created. */
	assert_int_equal(imacarry_record_load(f->rundir, 3, holes, f->kernel,
					      NULL), -IMACARRY_ERR_BADARG);
	check_argv(f, want, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_initrd_eq, fix_setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(test_initrd_forms, fix_setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(test_kernel_match, fix_setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(test_replace, fix_setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(test_fail_clean, fix_setup,
						fix_teardown),
		cmocka_unit_test_setup_teardown(test_argv_as_given, fix_setup,
						fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
