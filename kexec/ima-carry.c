// SPDX-License-Identifier: GPL-2.0-only
/*
 * ima-carry.c - the IMA measurement list in the next kernel's device tree
 *
 * A kernel started by kexec_load gets no IMA measurement list from its
 * predecessor, while the TPM keeps every extend of PCR 10, so remote
 * attestation of the new kernel fails. kexec_file_load hands the list over
 * itself (CONFIG_IMA_KEXEC); for kexec_load, libimacarry packs it into
 * /chosen/linux,ima-carry of the device tree built here, and a kernel with
 * the matching IMA patch restores it at boot.
 *
 * Loaders that build a device tree call ima_carry_dtb() on the final tree,
 * once the kernel, initrd and tree were read: their own measurements, if the
 * policy takes them, are then already in the list that is carried.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libfdt.h>
#include "kexec.h"
#include "kexec-syscall.h"
#include "ima-carry.h"
#ifdef HAVE_LIBIMACARRY
#include <imacarry.h>
#endif

/* What the command line asked for; set by ima_carry_opt(). */
static int ima_carry;
static int dry_run;
static const char *dry_run_file;

/* The tree handed to the next kernel, for --dry-run=FILE. */
static const char *final_dtb;
static off_t final_dtb_size;
static int have_dtb;
static const char *carry_initrd;

/* Takes --ima-carry and --dry-run[=FILE] from kexec's option loop. */
void ima_carry_opt(int opt, const char *arg)
{
	if (opt == OPT_IMA_CARRY)
		ima_carry = 1;
	if (opt == OPT_DRY_RUN) {
		dry_run = 1;
		dry_run_file = arg;
	}
}

/*
 * Checks the options against each other once all are parsed, and switches
 * to kexec_load. Returns 1 for a dry run: the caller then turns off every
 * step that would touch the running system.
 */
int ima_carry_options(int *file_syscall, int fallback, unsigned long flags)
{
	if (!ima_carry && !dry_run)
		return 0;
#ifndef HAVE_LIBIMACARRY
	if (ima_carry)
		die("kexec: --ima-carry: this kexec was built without libimacarry\n");
#endif
	/* -s alone means kexec_file_load only; -a may fall back, so it can
	 * go straight to kexec_load. */
	if (*file_syscall && !fallback && ima_carry)
		die("kexec: --ima-carry refuses -s: under kexec_file_load the kernel carries the IMA list itself (CONFIG_IMA_KEXEC)\n");
	if (*file_syscall && !fallback)
		die("kexec: --dry-run works with kexec_load only, not with -s\n");
	if (ima_carry && (flags & KEXEC_ON_CRASH))
		die("kexec: --ima-carry refuses -p: a crash kernel would boot with the IMA list as it is now, stale by then\n");
	*file_syscall = 0;
	return dry_run;
}

#ifdef HAVE_LIBIMACARRY
static void list_failed(const char *root, int err,
			const struct imacarry_where *w)
{
	if (err == -IMACARRY_ERR_NOIMA)
		die("kexec: --ima-carry: %s/ima: no securityfs, or no IMA in it; nothing loaded\n",
		    root);
	if (err == -IMACARRY_ERR_IO)
		die("kexec: --ima-carry: %s/ima/binary_runtime_measurements: %s; nothing loaded\n",
		    root, strerror(errno));
	die("kexec: --ima-carry: %s/ima/binary_runtime_measurements: offset %" PRIu64
	    ", entry %" PRIu64 ": %s; nothing loaded\n", root, w->offset,
	    w->index, imacarry_strerror(err));
}

/* Packs the live list into /chosen/linux,ima-carry of *dtb. */
static void carry(char **dtb, off_t *size, off_t max)
{
	const char *root = getenv("IMACARRY_SECURITYFS");
	struct imacarry_where where = { 0, 0 };
	struct imacarry_list list;
	size_t len, bound, blob_len, total;
	uint64_t count;
	void *buf;
	char *blob;
	int err;

	if (!root || !*root)
		root = IMACARRY_SECURITYFS;
	err = imacarry_snapshot_read(root, NULL, &buf, &len, &count, &where);
	if (err < 0)
		list_failed(root, err, &where);
	err = imacarry_list_init(&list, buf, len, IMACARRY_SHA1_SIZE, -1,
				 &where);
	if (err >= 0)
		err = imacarry_list_check(&list, true, &count, &where);
	if (err < 0)
		list_failed(root, err, &where);

	bound = imacarry_blob_bound(len);
	if (!bound)
		die("kexec: --ima-carry: the IMA list (%zu bytes) is over the carry limit; nothing loaded\n",
		    len);
	blob = xmalloc(bound);
	err = imacarry_blob_pack(&list, count, 0, blob, bound, &blob_len);
	if (err < 0)
		die("kexec: --ima-carry: cannot pack the IMA list: %s\n",
		    imacarry_strerror(err));

	total = fdt_totalsize(*dtb) + imacarry_fdt_need(*dtb, blob_len);
	*dtb = xrealloc(*dtb, total);
	err = imacarry_fdt_put(*dtb, total, blob, blob_len);
	if (err < 0)
		die("kexec: --ima-carry: cannot add the IMA list to the device tree: %s\n",
		    imacarry_strerror(err));
	*size = fdt_totalsize(*dtb);
	if (max && *size > max)
		die("kexec: --ima-carry: the device tree with the IMA list (%" PRIu64
		    " entries) needs %lld bytes, %lld are available; nothing loaded\n",
		    count, (long long)*size, (long long)max);
	dbgprintf("ima-carry: %" PRIu64 " entries, list %zu bytes, blob %zu bytes, dtb %lld bytes\n",
		  count, len, blob_len, (long long)*size);
	free(blob);
	free(buf);
}
#endif

/*
 * Called by the loader with the tree it will hand to the next kernel. A
 * tree read from the running kernel carries stale linux,ima-carry and
 * linux,ima-kexec-buffer properties (the latter points at memory that is
 * about to be reused): they always go. A --dtb file is the user's own: it is
 * left as it is unless --ima-carry replaces its carriers, which is also how a
 * test hands the next kernel a deliberately broken blob.
 */
void ima_carry_dtb(char **dtb, off_t *size, int user_dtb, off_t max,
		   const char *initrd)
{
#ifdef HAVE_LIBIMACARRY
	int err;

	if (ima_carry) {
		carry(dtb, size, max);
	} else if (!user_dtb) {
		err = imacarry_fdt_strip(*dtb);
		if (err < 0)
			die("kexec: cannot remove stale IMA carriers from the device tree: %s\n",
			    imacarry_strerror(err));
		if (err > 0)
			dbgprintf("ima-carry: removed %d stale carriers\n", err);
	}
#endif
	final_dtb = *dtb;
	final_dtb_size = *size;
	have_dtb = 1;
	carry_initrd = initrd;
}

void ima_carry_loaded(const char *type)
{
	if (ima_carry && !have_dtb)
		die("kexec: --ima-carry: the %s loader passes no device tree to the next kernel, so there is nowhere to carry the IMA list; nothing loaded\n",
		    type);
}

/* Writes the tree to a temporary file renamed over @path: never half a file. */
static void write_dtb(const char *path)
{
	size_t len = strlen(path) + sizeof(".XXXXXX");
	char *tmp = xmalloc(len);
	const char *p = final_dtb;
	off_t left = final_dtb_size;
	ssize_t n;
	int fd, err = 0;

	snprintf(tmp, len, "%s.XXXXXX", path);
	fd = mkstemp(tmp);	/* 0600: the IMA list is not for everyone */
	if (fd < 0)
		die("kexec: --dry-run=%s: %s\n", path, strerror(errno));
	while (left > 0 && !err) {
		n = write(fd, p, left);
		if (n < 0 && errno != EINTR)
			err = errno;
		if (n == 0)
			err = EIO;
		if (n > 0) {
			p += n;
			left -= n;
		}
	}
	if (!err && fsync(fd) < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) < 0)
		err = errno;
	if (err) {
		unlink(tmp);
		die("kexec: --dry-run=%s: %s\n", path, strerror(err));
	}
	free(tmp);
}

/* Stops before kexec_load: returns 1 when this is a dry run. */
int ima_carry_dry_run(void)
{
	if (!dry_run)
		return 0;
	if (dry_run_file && !have_dtb)
		die("kexec: --dry-run=%s: this loader passes no device tree to the next kernel; nothing written\n",
		    dry_run_file);
	if (dry_run_file)
		write_dtb(dry_run_file);
	fprintf(stderr, "kexec: dry run: nothing loaded%s%s\n",
		dry_run_file ? "; device tree written to " : "",
		dry_run_file ? dry_run_file : "");
	return 1;
}

/*
 * After a successful --ima-carry load: the list carried is a snapshot, and
 * whatever is measured before kexec -e is missing from it. A shutdown hook
 * redoes the load at the last moment from this record (IMACARRY_RUNDIR,
 * else /run/ima-carry), which keeps copies of the kernel and initrd because
 * /boot may be unmounted by then. The image is loaded either way, so a
 * failure here only warns.
 */
void ima_carry_record(int argc, char **argv, const char *kernel)
{
#ifdef HAVE_LIBIMACARRY
	const char *rundir = getenv("IMACARRY_RUNDIR");
	int err;

	if (!ima_carry)
		return;
	err = imacarry_record_load(rundir && *rundir ? rundir : NULL, argc,
				   argv, kernel, carry_initrd);
	if (err < 0)
		fprintf(stderr, "kexec: --ima-carry: loaded, but the load was not recorded for the shutdown hook: %s\n",
			imacarry_strerror(err));
#endif
}
