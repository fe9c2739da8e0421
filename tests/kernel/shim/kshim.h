/* SPDX-License-Identifier: GPL-2.0-only */
/* kshim.h - the few kernel APIs ima_carry.c uses, over libc and zlib */
#ifndef KSHIM_H
#define KSHIM_H

/*
 * The kernel patch's ima_carry.c is compiled here unchanged, so that the
 * hostile corpus and the fuzzer run against the kernel's own parser. Every
 * kernel header it includes maps to this one file. The OF, allocation and
 * IMA list calls are fakes the tests steer (kshim.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <libfdt.h>
#include <openssl/evp.h>
#include <zlib.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
/* The kernel's u64 is unsigned long long everywhere: %llu must match. */
typedef unsigned long long u64;

#define U64_MAX		(~0ULL)
#define BIT(n)		(1UL << (n))
#define SZ_1K		0x400
#define SZ_256M		0x10000000

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define DIV_ROUND_UP_ULL(n, d)	DIV_ROUND_UP((unsigned long long)(n), (d))

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

#define __init
#define __pure

/* IS_ENABLED(CONFIG_X) looks up kshim_enabled_CONFIG_X. */
#define IS_ENABLED(option)	kshim_enabled_##option
#define kshim_enabled_CONFIG_CPU_BIG_ENDIAN \
	(__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)

#define container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))

/* ---- printk: captured, so tests can count and read the lines ---- */
#define KSHIM_ERR	3
#define KSHIM_WARNING	4
#define KSHIM_INFO	6

void kshim_printk(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define pr_fmt(fmt)		"ima: " fmt
#define pr_err(fmt, ...)	kshim_printk(KSHIM_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	kshim_printk(KSHIM_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	kshim_printk(KSHIM_INFO, pr_fmt(fmt), ##__VA_ARGS__)

/* ---- allocation, with failure injection ---- */
#define GFP_KERNEL	0x1u
#define __GFP_NOWARN	0x2u

void *kvmalloc(size_t size, unsigned int gfp);
void kvfree(const void *p);
void *kmalloc(size_t size, unsigned int gfp);
void kfree(const void *p);

/* ---- CRC-32 (lib/crc32.c) from zlib: crc32_le() has no pre/post ~ ---- */
static inline u32 crc32_le(u32 crc, const unsigned char *p, size_t len)
{
	return (u32)~crc32_z(~crc & 0xffffffffu, p, len);
}

/* ---- unaligned loads ---- */
static inline u16 get_unaligned_le16(const void *p)
{
	const u8 *b = p;

	return (u16)(b[0] | b[1] << 8);
}

static inline u32 get_unaligned_le32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] | (u32)b[1] << 8 | (u32)b[2] << 16 | (u32)b[3] << 24;
}

static inline u64 get_unaligned_le64(const void *p)
{
	return get_unaligned_le32(p) |
	       (u64)get_unaligned_le32((const u8 *)p + 4) << 32;
}

static inline u16 get_unaligned_be16(const void *p)
{
	const u8 *b = p;

	return (u16)(b[0] << 8 | b[1]);
}

static inline u32 get_unaligned_be32(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | (u32)b[3];
}

static inline u64 get_unaligned_be64(const void *p)
{
	return (u64)get_unaligned_be32(p) << 32 |
	       get_unaligned_be32((const u8 *)p + 4);
}

/* ---- lists and atomics: single-threaded stand-ins ---- */
struct list_head {
	struct list_head *next, *prev;
};

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

static inline void list_add_tail(struct list_head *e, struct list_head *head)
{
	e->prev = head->prev;
	e->next = head;
	head->prev->next = e;
	head->prev = e;
}

static inline void list_del(struct list_head *e)
{
	e->prev->next = e->next;
	e->next->prev = e->prev;
	e->next = NULL;
	e->prev = NULL;
}

#define list_last_entry(head, type, member) \
	container_of((head)->prev, type, member)

#define list_for_each_entry(pos, head, member) \
	for (pos = container_of((head)->next, __typeof__(*pos), member); \
	     &pos->member != (head); \
	     pos = container_of(pos->member.next, __typeof__(*pos), member))

typedef struct {
	long counter;
} atomic_long_t;

static inline long atomic_long_read(const atomic_long_t *v)
{
	return v->counter;
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	v->counter++;
}

static inline void atomic_long_dec(atomic_long_t *v)
{
	v->counter--;
}

/* ---- strings, scheduling, crash kernels ---- */
#define scnprintf	snprintf

static inline void *memchr_inv(const void *p, int c, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != (unsigned char)c)
			return (void *)(b + i);
	return NULL;
}

#define cond_resched()	do { } while (0)

extern bool kshim_kdump;
static inline bool is_kdump_kernel(void)
{
	return kshim_kdump;
}

/* ---- errors in pointers ---- */
#define ERR_PTR(err)	((void *)(long)(err))
#define PTR_ERR(p)	((long)(p))
#define IS_ERR(p)	((unsigned long)(p) >= (unsigned long)-4095)

/* ---- the TPM: a fake chip whose banks and PCR 10 the tests set ---- */
#define TPM2_MAX_DIGEST_SIZE	64
#define TPM2_MAX_PCR_BANKS	8

struct tpm_bank_info {
	u16 alg_id;
	u16 digest_size;
	u16 crypto_id;
};

struct tpm_chip {
	int nr_allocated_banks;
	struct tpm_bank_info allocated_banks[TPM2_MAX_PCR_BANKS];
};

struct tpm_digest {
	u16 alg_id;
	u8 digest[TPM2_MAX_DIGEST_SIZE];
};

int tpm_pcr_read(struct tpm_chip *chip, u32 pcr_idx,
		 struct tpm_digest *digest);

/* ---- crypto_shash over OpenSSL's EVP ---- */
struct crypto_shash {
	const EVP_MD *md;
};

struct shash_desc {
	struct crypto_shash *tfm;
	EVP_MD_CTX *ctx;
};

#define SHASH_DESC_ON_STACK(shash, ctx) \
	struct shash_desc __##shash##_desc = { NULL, NULL }; \
	struct shash_desc *shash = &__##shash##_desc

struct crypto_shash *crypto_alloc_shash(const char *name, u32 type,
					u32 mask);
void crypto_free_shash(struct crypto_shash *tfm);
int crypto_shash_init(struct shash_desc *desc);
int crypto_shash_update(struct shash_desc *desc, const u8 *data,
			unsigned int len);
int crypto_shash_finup(struct shash_desc *desc, const u8 *data,
		       unsigned int len, u8 *out);
void shash_desc_zero(struct shash_desc *desc);

/* ---- the flattened tree the kernel was booted with (libfdt) ---- */
extern void *initial_boot_params;

/* ---- OF: one fake /chosen with at most one property ---- */
struct device_node {
	const char *full_name;
};

struct property {
	const char *name;
	int length;
	void *value;
};

extern struct device_node *of_chosen;
struct property *of_find_property(const struct device_node *np,
				  const char *name, int *lenp);
int of_remove_property(struct device_node *np, struct property *prop);

/*
 * ---- The kernel zlib API (include/linux/zlib.h) over userspace zlib ----
 * The kernel's stream carries its own workspace; ours wraps a z_stream.
 */
struct kshim_z_stream {
	const Byte *next_in;
	unsigned long avail_in;
	unsigned long total_in;
	Byte *next_out;
	unsigned long avail_out;
	unsigned long total_out;
	char *msg;
	void *workspace;
	z_stream z;
	bool live;
};

#define z_stream_s kshim_z_stream

int zlib_inflate_workspacesize(void);
int zlib_inflateInit(struct kshim_z_stream *strm);
int zlib_inflate(struct kshim_z_stream *strm, int flush);
int zlib_inflateEnd(struct kshim_z_stream *strm);

#endif /* KSHIM_H */
