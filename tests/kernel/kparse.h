/* SPDX-License-Identifier: GPL-2.0-only */
/* kparse.h - drive the kernel patch's parser and import hook from tests */
#ifndef KPARSE_H
#define KPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What ima_carry_load() made of a blob. */
struct kparse_result {
	bool ok;
	const char *why;	/* the reason the kernel would log */
	bool in_list;		/* offset is into the inflated payload */
	uint64_t offset;
	uint64_t entry;		/* UINT64_MAX: not about one entry */
	uint32_t flags;
	uint64_t count;
	uint64_t raw_len;
	uint64_t payload_len;
};

/*
 * Runs the kernel's check, inflate and walk over @blob as a kernel in
 * byte order @want_be would. On success the raw payload is copied to @raw
 * when it holds it (@raw may be NULL). Returns 0 or -1.
 */
int kparse_load(const void *blob, size_t len, bool want_be,
		void *raw, size_t raw_size, struct kparse_result *r);

/* Runs ima_carry_import() against the fake /chosen set up by kshim_*(). */
void kparse_import(void);

/* ---- The fakes' controls (kshim.c) ---- */

/* Captured printk lines, and how many of each level. */
extern char kshim_log[8192];
extern unsigned int kshim_nerr, kshim_nwarn, kshim_ninfo;

/* Fail the Nth kvmalloc() from now on (1-based); 0 never fails. */
extern unsigned int kshim_fail_kvmalloc_at;
extern unsigned int kshim_nkvmalloc;

/*
 * Puts @blob as /chosen/linux,ima-carry, in read-only memory: the kernel
 * must never restore in place. NULL removes /chosen altogether.
 */
void kshim_set_prop(const void *blob, size_t len);
extern bool kshim_prop_removed;

/*
 * Puts @blob as /chosen/linux,ima-carry of the booted flattened tree
 * (initial_boot_params) and leaves no live tree (of_chosen NULL), as on
 * arm64 booted with ACPI. NULL: a /chosen without the property.
 */
void kshim_set_fdt_prop(const void *blob, size_t len);

/* A crash kernel (is_kdump_kernel()). */
extern bool kshim_kdump;

/*
 * A fake TPM with one bank per name ("sha1", "sha256", ..., or anything
 * else for a bank the kernel cannot hash); n == 0: no TPM. PCR 10 of bank
 * i reads as kshim_pcr10[i], or tpm_pcr_read() fails with
 * kshim_pcr_read_ret. kshim_fail_shash fails crypto_alloc_shash(), and
 * kshim_no_shash only for that one name.
 */
void kshim_set_tpm(const char *const *algos, unsigned int n);
extern unsigned char kshim_pcr10[8][64];
extern int kshim_pcr_read_ret;
extern bool kshim_fail_shash;
extern const char *kshim_no_shash;

/* Restore stops after this many entries with kshim_restore_ret (-1: no). */
extern long kshim_restore_stop_after;
extern int kshim_restore_ret;
extern unsigned int kshim_restore_calls;

/* Measurements restored so far (the fake list), and their PCR sum. */
long kshim_list_len(void);
uint64_t kshim_list_pcr_sum(void);

/* Sets ima_canonical_fmt, the ima_canonical_fmt boot option. */
void kshim_set_canonical(bool on);

/* Forgets everything above: printk log, list, property, fault injection. */
void kshim_reset(void);

#endif /* KPARSE_H */
