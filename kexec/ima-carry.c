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
 *
 * Unmodified kernels restore the list from a buffer instead, as
 * kexec_file_load hands it over: struct ima_kexec_hdr and the list in a
 * segment of its own, named by /chosen/linux,ima-kexec-buffer (device tree
 * loaders call ima_carry_buffer() first) or by an x86 setup_data node of type
 * SETUP_IMA (ima_carry_setup_ima()). Both carriers hand over one snapshot.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kexec.h"
#include "kexec-syscall.h"
#include "ima-carry.h"
#ifdef HAVE_LIBIMACARRY
#include <imacarry.h>
#include "ima-carry-argv.h"
#endif

/* What the command line asked for; set by ima_carry_opt(). */
enum {
	CARRY_OFF,
	CARRY_DEFAULT,	/* every carrier there is; the buffer alone if need be */
	CARRY_INLINE,	/* /chosen/linux,ima-carry only */
	CARRY_BUFFER,	/* linux,ima-kexec-buffer or SETUP_IMA only */
	CARRY_BOTH,	/* both, or nothing */
};
static int ima_carry;

/* x86: where physical KASLR starts at the latest (docs/x86-setup-ima.md),
 * and the first MiB, which the kernel keeps for itself. */
#define X86_KASLR_MIN	(512UL << 20)
#define X86_LOW_END	(1UL << 20)
#define SETUP_IMA	8
static int dry_run;
static const char *dry_run_file;

/* The tree handed to the next kernel, for --dry-run=FILE. */
static const char *final_dtb;
static off_t final_dtb_size;
static int have_dtb;
static const char *carry_initrd;

/* The buffer segment, once placed. */
static struct {
	char *payload;
	size_t len;
	unsigned long addr;
	unsigned long memsz;
	int keep_last_rsv;
} kbuf;
static int have_setup_ima;
static int kbuf_named;		/* linux,ima-kexec-buffer is in the tree */

/* Takes --ima-carry and --dry-run[=FILE] from kexec's option loop. */
void ima_carry_opt(int opt, const char *arg)
{
	if (opt == OPT_IMA_CARRY) {
		if (!arg)
			ima_carry = CARRY_DEFAULT;
		else if (!strcmp(arg, "inline"))
			ima_carry = CARRY_INLINE;
		else if (!strcmp(arg, "buffer"))
			ima_carry = CARRY_BUFFER;
		else if (!strcmp(arg, "both"))
			ima_carry = CARRY_BOTH;
		else
			die("kexec: --ima-carry=%s: say inline, buffer or both\n",
			    arg);
	}
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

/*
 * The one snapshot every carrier hands over, read at first use: a checked
 * view, so that packing it for each carrier walks it no more.
 */
static struct {
	int read;
	void *buf;
	struct imacarry_list list;
} snap;

static struct imacarry_list *live_list(void)
{
	const char *root = getenv("IMACARRY_SECURITYFS");
	struct imacarry_where where = { 0 };
	int err;

	if (snap.read)
		return &snap.list;
	if (!root || !*root)
		root = IMACARRY_SECURITYFS;
	err = imacarry_snapshot_read(root, NULL, &snap.buf, &snap.list,
				     &where);
	if (err < 0)
		list_failed(root, err, &where);
	/* The next kernel cannot restore 'ima' entries: name the first. */
	if (snap.list.legacy)
		list_failed(root, -IMACARRY_ERR_LEGACY_IMA,
			    &snap.list.legacy_at);
	snap.read = 1;
	return &snap.list;
}

/* The flags imacarry_fdt_put_kbuf() takes for this load. */
static unsigned int kbuf_flags(void)
{
	return kbuf.keep_last_rsv ? IMACARRY_FDT_RSV_NOT_LAST : 0;
}

/*
 * Packs the live list into /chosen/linux,ima-carry of *dtb. Returns 0, or
 * -1 when the default choice drops the inline copy because the tree would
 * outgrow @max and the buffer carries the list alone: *dtb is then as it
 * was, since the blob went into a copy.
 */
static int carry(char **dtb, off_t *size, off_t max)
{
	struct imacarry_list *list = live_list();
	size_t bound, blob_len, len, total;
	char *blob, *tree;
	int err;

	bound = imacarry_blob_bound(list->len);
	if (!bound)
		die("kexec: --ima-carry: the IMA list (%zu bytes) is over the carry limit; nothing loaded\n",
		    list->len);
	blob = xmalloc(bound);
	err = imacarry_blob_pack(list, 0, blob, bound, &blob_len, NULL, NULL);
	if (err < 0)
		die("kexec: --ima-carry: cannot pack the IMA list: %s\n",
		    imacarry_strerror(err));

	/* The library says how big the tree must be, and it becomes that. */
	tree = xmalloc(*size);
	memcpy(tree, *dtb, *size);
	err = imacarry_fdt_put(tree, *size, blob, blob_len, &len);
	if (err == -IMACARRY_ERR_NOSPACE) {
		tree = xrealloc(tree, len);
		err = imacarry_fdt_put(tree, len, blob, blob_len, &len);
	}
	if (err < 0)
		die("kexec: --ima-carry: cannot add the IMA list to the device tree: %s\n",
		    imacarry_strerror(err));
	total = len;
	/* Asked with the tree's own size, it says what the buffer adds. */
	if (kbuf.addr &&
	    imacarry_fdt_put_kbuf(tree, len, kbuf.addr, kbuf.memsz,
				  kbuf_flags(), &total) != -IMACARRY_ERR_NOSPACE)
		total = len;
	if (max && (off_t)total > max && ima_carry == CARRY_DEFAULT &&
	    kbuf.addr) {
		fprintf(stderr, "kexec: --ima-carry: the IMA list (%" PRIu64
			" entries, %zu bytes packed) does not fit in the device tree; carried in linux,ima-kexec-buffer only\n",
			list->count, blob_len);
		free(tree);
		free(blob);
		return -1;
	}
	free(*dtb);
	*dtb = tree;
	*size = len;
	if (max && *size > max)
		die("kexec: --ima-carry: the device tree with the IMA list (%" PRIu64
		    " entries) needs %lld bytes, %lld are available; nothing loaded\n",
		    list->count, (long long)*size, (long long)max);
	dbgprintf("ima-carry: %" PRIu64 " entries, list %zu bytes, blob %zu bytes, dtb %lld bytes\n",
		  list->count, list->len, blob_len, (long long)*size);
	free(blob);
	return 0;
}

/* Names the buffer in /chosen, with its exact /memreserve/. */
static void carry_kbuf(char **dtb, off_t *size, int strip)
{
	size_t len;
	int err;

	if (strip) {
		err = imacarry_fdt_strip(*dtb);
		if (err < 0)
			die("kexec: --ima-carry: cannot remove stale IMA carriers from the device tree: %s\n",
			    imacarry_strerror(err));
	}
	err = imacarry_fdt_put_kbuf(*dtb, *size, kbuf.addr, kbuf.memsz,
				    kbuf_flags(), &len);
	if (err == -IMACARRY_ERR_NOSPACE) {
		*dtb = xrealloc(*dtb, len);
		err = imacarry_fdt_put_kbuf(*dtb, len, kbuf.addr, kbuf.memsz,
					    kbuf_flags(), &len);
	}
	if (err < 0)
		die("kexec: --ima-carry: cannot add linux,ima-kexec-buffer to the device tree: %s; nothing loaded\n",
		    imacarry_strerror(err));
	kbuf_named = 1;
	*size = len;
	dbgprintf("ima-carry: linux,ima-kexec-buffer = <0x%lx 0x%lx>, /memreserve/ 0x%lx 0x%lx\n",
		  kbuf.addr, kbuf.memsz, kbuf.addr, kbuf.memsz);
}

/* A whole word of @cmdline starting with @word ("mem=", "ima_canonical_fmt"). */
static const char *cmdline_word(const char *cmdline, const char *word,
				const char *from)
{
	size_t n = strlen(word);
	const char *p = from ? from : cmdline;

	for (; cmdline && (p = strstr(p, word)); p += n) {
		if (p != cmdline && p[-1] != ' ')
			continue;
		if (word[n - 1] != '=' && p[n] && p[n] != ' ')
			continue;
		return p;
	}
	return NULL;
}

/*
 * The next kernel reads the header and the list in one byte order:
 * ima_canonical_fmt's little-endian, else its own. The list is in the
 * running kernel's; a buffer in the other order would only be refused.
 */
static int order_ok(const struct imacarry_list *list, const char *cmdline)
{
	int want_be = 0;
	uint16_t probe = 1;

	if (*(uint8_t *)&probe == 0 &&
	    !cmdline_word(cmdline, "ima_canonical_fmt", NULL))
		want_be = 1;
	return !list->len || list->big_endian == want_be;
}

/*
 * locate_hole(), without its own "Could not find a free area" on stderr:
 * when there is no room, the one line --ima-carry fails with is ours.
 */
static unsigned long hole_quietly(struct kexec_info *info, unsigned long size,
				  unsigned long align, unsigned long hole_min,
				  unsigned long hole_max, int hole_end)
{
	unsigned long base;
	int saved, null;

	fflush(stderr);
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	base = locate_hole(info, size, align, hole_min, hole_max, hole_end);
	fflush(stderr);
	if (saved >= 0 && null >= 0)
		dup2(saved, STDERR_FILENO);
	if (saved >= 0)
		close(saved);
	if (null >= 0)
		close(null);
	return base;
}

/*
 * Puts the kexec buffer into a segment of its own: page aligned, in RAM
 * within [@hole_min, @hole_max], lowest first when @hole_end > 0.
 * Returns 0, or -1 when the default choice goes without it.
 */
static int place_kbuf(struct kexec_info *info, const char *cmdline,
		      unsigned long hole_min, unsigned long hole_max,
		      int hole_end, const char *where)
{
	struct imacarry_list *list = live_list();
	unsigned long page = getpagesize(), base;
	size_t size;
	int err;

	if (!order_ok(list, cmdline)) {
		if (ima_carry == CARRY_BUFFER || ima_carry == CARRY_BOTH)
			die("kexec: --ima-carry: the IMA list is %s-endian and the next kernel reads %s: no %s; nothing loaded\n",
			    list->big_endian ? "big" : "little",
			    list->big_endian ? "little-endian (ima_canonical_fmt)" : "big-endian",
			    where);
		fprintf(stderr, "kexec: --ima-carry: the next kernel reads the other byte order: no %s\n",
			where);
		return -1;
	}
	size = imacarry_kbuf_size(list->len);
	if (!size)
		die("kexec: --ima-carry: the IMA list (%zu bytes) is over the carry limit; nothing loaded\n",
		    list->len);
	kbuf.payload = xmalloc(size);
	err = imacarry_kbuf_pack(list, kbuf.payload, size, &kbuf.len, NULL,
				 NULL);
	if (err < 0)
		die("kexec: --ima-carry: cannot pack the IMA list: %s; nothing loaded\n",
		    imacarry_strerror(err));
	kbuf.memsz = _ALIGN(kbuf.len, page);
	/* First for our own message; locate_hole() wants sorted segments. */
	if (sort_segments(info) < 0)
		die("kexec: --ima-carry: overlapping segments; nothing loaded\n");
	base = hole_quietly(info, kbuf.memsz, page, hole_min, hole_max,
			    hole_end);
	if (base == ULONG_MAX)
		die("kexec: --ima-carry: no room for the %lu-byte %s in 0x%lx-0x%lx; nothing loaded\n",
		    kbuf.memsz, where, hole_min, hole_max);
	/* As the loaders add theirs: arm64's add_segment() wants more. */
	kbuf.addr = add_buffer(info, kbuf.payload, kbuf.len, kbuf.memsz, page,
			       hole_min, hole_max, hole_end);
	dbgprintf("ima-carry: %s: %" PRIu64 " entries, %zu bytes at 0x%lx (segment 0x%lx bytes)\n",
		  where, list->count, kbuf.len, kbuf.addr, kbuf.memsz);
	return 0;
}

/*
 * x86: the lowest address the next kernel's physical KASLR may choose, and
 * what mem= and memmap= leave of RAM (docs/x86-setup-ima.md). Returns the
 * end of the window, exclusive.
 */
static unsigned long x86_window_end(unsigned long kernel, const char *cmdline)
{
	unsigned long end = kernel < X86_KASLR_MIN ? kernel : X86_KASLR_MIN;
	unsigned long long v, start;
	const char *p = NULL;
	char *e;

	while ((p = cmdline_word(cmdline, "mem=", p))) {
		p += 4;
		v = strtoull(p, &e, 0);
		if (e == p)
			continue;	/* mem=nopentium */
		switch (*e) {
		case 'G': case 'g':
			v <<= 10;
			/* fall through */
		case 'M': case 'm':
			v <<= 10;
			/* fall through */
		case 'K': case 'k':
			v <<= 10;
		}
		if (v < end)
			end = v;
	}
	while ((p = cmdline_word(cmdline, "memmap=", p))) {
		p += 7;
		if (!strncmp(p, "exactmap", 8))
			die("kexec: --ima-carry: memmap=exactmap: cannot tell where the next kernel has RAM for SETUP_IMA; nothing loaded\n");
		v = strtoull(p, &e, 0);
		while (*e && strchr("KMGkmg", *e))
			e++;
		if (*e != '$' && *e != '!' && *e != '#')
			continue;	/* memmap=size@start adds RAM */
		start = strtoull(e + 1, NULL, 0);
		if (v && start < end)
			end = start;
	}
	return end;
}
#endif

/*
 * Device tree loaders: the kexec buffer, placed like the loader's own
 * segments, before the tree is final. @keep_last_rsv: the loader patches
 * the last /memreserve/ later (ppc64).
 */
void ima_carry_buffer(struct kexec_info *info, const char *cmdline,
		      unsigned long hole_min, unsigned long hole_max,
		      int hole_end, int keep_last_rsv)
{
#ifdef HAVE_LIBIMACARRY
	if (ima_carry != CARRY_DEFAULT && ima_carry != CARRY_BUFFER &&
	    ima_carry != CARRY_BOTH)
		return;
	if (place_kbuf(info, cmdline, hole_min, hole_max, hole_end,
		       "linux,ima-kexec-buffer") == 0)
		kbuf.keep_last_rsv = keep_last_rsv;
#endif
}

/*
 * x86 bzImage: the kexec buffer below where KASLR can put the kernel,
 * named by a SETUP_IMA node chained to @setup_data (boot_params' field,
 * possibly unaligned). @kernel: where the kernel segment went.
 */
void ima_carry_setup_ima(struct kexec_info *info, void *setup_data,
			 unsigned long kernel, const char *cmdline)
{
#ifdef HAVE_LIBIMACARRY
	struct {
		uint64_t next;
		uint32_t type;
		uint32_t len;
		uint64_t addr;
		uint64_t size;
	} __attribute__((packed)) *sd;
	unsigned long end, node;

	if (ima_carry == CARRY_OFF || ima_carry == CARRY_INLINE)
		return;
	end = x86_window_end(kernel, cmdline);
	if (end <= X86_LOW_END)
		die("kexec: --ima-carry: no RAM for SETUP_IMA below 0x%lx; nothing loaded\n",
		    end);
	if (place_kbuf(info, cmdline, X86_LOW_END, end - 1, 1, "SETUP_IMA buffer"))
		return;
	sd = xmalloc(sizeof(*sd));
	memcpy(&sd->next, setup_data, sizeof(sd->next));
	sd->type = SETUP_IMA;
	sd->len = 2 * sizeof(uint64_t);
	sd->addr = kbuf.addr;
	sd->size = kbuf.memsz;
	/* Where add_setup_data() puts nodes: KASLR avoids every node. */
	node = add_buffer(info, sd, sizeof(*sd), sizeof(*sd), getpagesize(),
			  X86_LOW_END, ULONG_MAX, INT_MAX);
	memcpy(setup_data, &(uint64_t){ node }, sizeof(uint64_t));
	have_setup_ima = 1;
	dbgprintf("ima-carry: setup_data 0x%lx: SETUP_IMA addr 0x%lx size 0x%lx, next 0x%" PRIx64 "\n",
		  node, kbuf.addr, kbuf.memsz, sd->next);
#endif
}

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

	int inline_ok = 0;

	if (ima_carry) {
		if (ima_carry != CARRY_BUFFER)
			inline_ok = carry(dtb, size, max) == 0;
		/* Without the inline copy, nothing has stripped the tree yet. */
		if (kbuf.addr)
			carry_kbuf(dtb, size, !inline_ok);
		if (max && *size > max)
			die("kexec: --ima-carry: the device tree needs %lld bytes, %lld are available; nothing loaded\n",
			    (long long)*size, (long long)max);
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

/*
 * After the loader: every carrier asked for is there, and the buffer did
 * not push the image over what kexec_load accepts.
 */
void ima_carry_loaded(const char *type, struct kexec_info *info)
{
	unsigned long long ram = 0, segs = 0;
	int buffer = kbuf.addr && (have_setup_ima || kbuf_named);
	int i;

	if (!ima_carry)
		return;
	if ((ima_carry == CARRY_INLINE || ima_carry == CARRY_BOTH ||
	     (ima_carry == CARRY_DEFAULT && !buffer)) && !have_dtb)
		die("kexec: --ima-carry%s: the %s loader passes no device tree to the next kernel, so there is nowhere to carry the IMA list%s; nothing loaded\n",
		    ima_carry == CARRY_DEFAULT ? "" :
		    ima_carry == CARRY_INLINE ? "=inline" : "=both", type,
		    ima_carry == CARRY_DEFAULT ? "" : " inline");
	if ((ima_carry == CARRY_BUFFER || ima_carry == CARRY_BOTH) && !buffer)
		die("kexec: --ima-carry=%s: the %s loader has no kexec buffer carrier (linux,ima-kexec-buffer, SETUP_IMA); nothing loaded\n",
		    ima_carry == CARRY_BUFFER ? "buffer" : "both", type);
	if (!kbuf.addr)
		return;
	/* sanity_check_segment_list(): at most half of RAM. */
	for (i = 0; i < info->memory_ranges; i++)
		if (info->memory_range[i].type == RANGE_RAM)
			ram += info->memory_range[i].end -
			       info->memory_range[i].start + 1;
	for (i = 0; i < info->nr_segments; i++)
		segs += info->segment[i].memsz;
	if (ram && segs > ram / 2)
		die("kexec: --ima-carry: the image with the IMA list needs %llu bytes, over half of the %llu bytes of RAM that kexec_load accepts; nothing loaded\n",
		    segs, ram);
}

/* Writes @buf to a temporary file renamed over @path: never half a file. */
static void write_file(const char *path, const char *buf, off_t size)
{
	size_t len = strlen(path) + sizeof(".XXXXXX");
	char *tmp = xmalloc(len);
	const char *p = buf;
	off_t left = size;
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
	char *kfile = NULL;
	size_t n;

	if (dry_run_file && !have_dtb && !kbuf.addr)
		die("kexec: --dry-run=%s: this loader passes no device tree to the next kernel; nothing written\n",
		    dry_run_file);
	if (dry_run_file && have_dtb)
		write_file(dry_run_file, final_dtb, final_dtb_size);
	/* The kexec buffer's segment, as ima-carry dump reads it. */
	if (dry_run_file && kbuf.addr) {
		n = strlen(dry_run_file) + sizeof(".ima-buffer");
		kfile = xmalloc(n);
		snprintf(kfile, n, "%s.ima-buffer", dry_run_file);
		write_file(kfile, kbuf.payload, kbuf.len);
	}
	fprintf(stderr, "kexec: dry run: nothing loaded%s%s%s%s\n",
		dry_run_file && have_dtb ? "; device tree written to " : "",
		dry_run_file && have_dtb ? dry_run_file : "",
		kfile ? "; kexec buffer written to " : "", kfile ? kfile : "");
	free(kfile);
	return 1;
}

/*
 * Loaders that build no device tree (x86) name their initrd here: the
 * record copies it and points the recorded --initrd at the copy.
 */
void ima_carry_initrd(const char *initrd)
{
	carry_initrd = initrd;
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
	err = ima_carry_record_load(rundir && *rundir ? rundir : NULL, argc,
				    argv, kernel, carry_initrd);
	if (err < 0)
		fprintf(stderr, "kexec: --ima-carry: loaded, but the load was not recorded for the shutdown hook: %s\n",
			imacarry_strerror(err));
#endif
}
