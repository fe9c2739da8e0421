/* SPDX-License-Identifier: GPL-2.0-only */
/* ima.h - the parts of security/integrity/ima/ima.h that ima_carry.c uses */
#ifndef KSHIM_IMA_H
#define KSHIM_IMA_H

#include "kshim.h"

#define TPM_DIGEST_SIZE			20
#define IMA_TEMPLATE_NUM_FIELDS_MAX	15
#define CONFIG_IMA_MEASURE_PCR_IDX	10

/* crypto/hash_info.h: the few algorithms the fake TPM has banks of */
enum hash_algo {
	HASH_ALGO_SHA1,
	HASH_ALGO_SHA256,
	HASH_ALGO_SHA384,
	HASH_ALGO_SHA512,
	HASH_ALGO__LAST
};

extern const char *const hash_algo_name[HASH_ALGO__LAST];
extern struct tpm_chip *ima_tpm_chip;

/* The same layout as the kernel's: restore reads it in place. */
struct ima_kexec_hdr {
	u16 version;
	u16 _reserved0;
	u32 _reserved1;
	u64 buffer_size;
	u64 count;
};

extern bool ima_canonical_fmt;

/* The fake restore keeps only what the tests look at. */
struct ima_template_entry {
	u32 pcr;
	u32 data_len;
	u8 *data;		/* a copy, as the real restore makes */
	struct tpm_digest *digests;	/* one per TPM bank */
};

struct ima_queue_entry {
	struct list_head later;
	struct ima_template_entry *entry;
};

extern struct list_head ima_measurements;

struct ima_h_table {
	atomic_long_t len;
};

extern struct ima_h_table ima_htable;

int ima_restore_measurement_list(loff_t bufsize, void *buf);
void ima_free_template_entry(struct ima_template_entry *entry);

void ima_carry_import(void);

#endif /* KSHIM_IMA_H */
