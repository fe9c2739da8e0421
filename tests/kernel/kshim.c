// SPDX-License-Identifier: GPL-2.0-only
/* kshim.c - the fakes behind kshim.h: printk, allocation, /chosen, restore */
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ima.h"

#include "kparse.h"

char kshim_log[8192];
unsigned int kshim_nerr, kshim_nwarn, kshim_ninfo;
unsigned int kshim_fail_kvmalloc_at;
unsigned int kshim_nkvmalloc;
bool kshim_prop_removed;
long kshim_restore_stop_after = -1;
int kshim_restore_ret;
unsigned int kshim_restore_calls;

bool ima_canonical_fmt;
struct ima_h_table ima_htable;
struct list_head ima_measurements = { &ima_measurements, &ima_measurements };

static struct device_node chosen = { "/chosen" };
struct device_node *of_chosen;
static struct property prop = { "linux,ima-carry", 0, NULL };
static void *prop_map;
static size_t prop_map_len;

void kshim_printk(int level, const char *fmt, ...)
{
	size_t used = strlen(kshim_log);
	va_list ap;

	if (level == KSHIM_ERR)
		kshim_nerr++;
	else if (level == KSHIM_WARNING)
		kshim_nwarn++;
	else
		kshim_ninfo++;
	va_start(ap, fmt);
	vsnprintf(kshim_log + used, sizeof(kshim_log) - used, fmt, ap);
	va_end(ap);
}

void *kvmalloc(size_t size, unsigned int gfp)
{
	(void)gfp;
	if (++kshim_nkvmalloc == kshim_fail_kvmalloc_at)
		return NULL;
	/* malloc(0) may return NULL; the kernel's never gets asked for 0. */
	return malloc(size ? size : 1);
}

void kvfree(const void *p)
{
	free((void *)p);
}

void *kmalloc(size_t size, unsigned int gfp)
{
	(void)gfp;
	return malloc(size ? size : 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

/* ---- /chosen ---- */

static void unmap_prop(void)
{
	if (prop_map)
		munmap(prop_map, prop_map_len);
	prop_map = NULL;
	prop.value = NULL;
	prop.length = 0;
}

void kshim_set_prop(const void *blob, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	void *map;

	unmap_prop();
	kshim_prop_removed = false;
	if (!blob) {
		of_chosen = NULL;
		return;
	}
	of_chosen = &chosen;
	prop_map_len = (len + page - 1) / page * page;
	if (!prop_map_len)
		prop_map_len = page;
	map = mmap(NULL, prop_map_len, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		abort();
	/* Flush the blob against the end, so reading past it faults. */
	memcpy((char *)map + prop_map_len - len, blob, len);
	if (mprotect(map, prop_map_len, PROT_READ))
		abort();
	prop_map = map;
	prop.value = (char *)map + prop_map_len - len;
	prop.length = (int)len;
}

struct property *of_find_property(const struct device_node *np,
				  const char *name, int *lenp)
{
	if (!np || np != &chosen || !prop.value || kshim_prop_removed ||
	    strcmp(name, prop.name))
		return NULL;
	if (lenp)
		*lenp = prop.length;
	return &prop;
}

int of_remove_property(struct device_node *np, struct property *p)
{
	if (np != &chosen || p != &prop || kshim_prop_removed)
		abort();
	kshim_prop_removed = true;
	return 0;
}

/* ---- zlib, the kernel's way ---- */

int zlib_inflate_workspacesize(void)
{
	return 64;	/* userspace zlib allocates its own state */
}

int zlib_inflateInit(struct kshim_z_stream *strm)
{
	int ret;

	if (!strm->workspace)
		abort();
	memset(&strm->z, 0, sizeof(strm->z));
	ret = inflateInit(&strm->z);
	strm->live = ret == Z_OK;
	return ret;
}

int zlib_inflate(struct kshim_z_stream *strm, int flush)
{
	int ret;

	/* Test blobs are far below 4 GiB: one uInt holds every length. */
	if (strm->avail_in > UINT_MAX || strm->avail_out > UINT_MAX)
		abort();
	strm->z.next_in = (Bytef *)strm->next_in;
	strm->z.avail_in = (uInt)strm->avail_in;
	strm->z.next_out = strm->next_out;
	strm->z.avail_out = (uInt)strm->avail_out;
	ret = inflate(&strm->z, flush);
	strm->next_in = strm->z.next_in;
	strm->avail_in = strm->z.avail_in;
	strm->total_in = strm->z.total_in;
	strm->next_out = strm->z.next_out;
	strm->avail_out = strm->z.avail_out;
	strm->total_out = strm->z.total_out;
	strm->msg = strm->z.msg;
	return ret;
}

int zlib_inflateEnd(struct kshim_z_stream *strm)
{
	if (!strm->live)
		abort();
	strm->live = false;
	return inflateEnd(&strm->z);
}

/* ---- the IMA list and restore ---- */

static u32 get32(const u8 *p)
{
	u32 v;

	if (ima_canonical_fmt)
		return get_unaligned_le32(p);
	memcpy(&v, p, sizeof(v));
	return v;
}

void ima_free_template_entry(struct ima_template_entry *entry)
{
	free(entry->data);
	free(entry);
}

/*
 * Like upstream restore: converts the header in place (so a read-only
 * buffer faults), then appends a copy of each entry. It trusts the shape
 * the kernel patch checked, and aborts if that trust was misplaced.
 */
int ima_restore_measurement_list(loff_t size, void *buf)
{
	struct ima_kexec_hdr *khdr = buf;
	const u8 *p = buf;
	struct ima_template_entry *e;
	struct ima_queue_entry *qe;
	u64 pos, i;
	u32 name_len, data_len;

	kshim_restore_calls++;
	if (!buf || size < (loff_t)sizeof(*khdr))
		return 0;
	if (ima_canonical_fmt) {
		khdr->version = get_unaligned_le16(&khdr->version);
		khdr->buffer_size = get_unaligned_le64(&khdr->buffer_size);
		khdr->count = get_unaligned_le64(&khdr->count);
	}
	if (khdr->version != 1 || khdr->buffer_size != (u64)size)
		abort();

	pos = sizeof(*khdr);
	for (i = 0; i < khdr->count; i++) {
		if ((long)i == kshim_restore_stop_after)
			return kshim_restore_ret;
		if (size - pos < 28)
			abort();
		name_len = get32(p + pos + 24);
		if (name_len > size - pos - 28)
			abort();
		pos += 28 + name_len;
		if (size - pos < 4)
			abort();
		data_len = get32(p + pos);
		pos += 4;
		if (data_len > size - pos)
			abort();

		e = calloc(1, sizeof(*e));
		qe = calloc(1, sizeof(*qe));
		if (!e || !qe)
			abort();
		e->pcr = get32(p + pos - 32 - name_len);
		e->data_len = data_len;
		e->data = malloc(data_len ? data_len : 1);
		if (!e->data)
			abort();
		memcpy(e->data, p + pos, data_len);
		pos += data_len;
		qe->entry = e;
		list_add_tail(&qe->later, &ima_measurements);
		atomic_long_inc(&ima_htable.len);
	}
	if (pos != (u64)size)
		abort();
	return 0;
}

long kshim_list_len(void)
{
	return atomic_long_read(&ima_htable.len);
}

uint64_t kshim_list_pcr_sum(void)
{
	struct list_head *l;
	uint64_t sum = 0;

	for (l = ima_measurements.next; l != &ima_measurements; l = l->next)
		sum += container_of(l, struct ima_queue_entry, later)->entry->pcr;
	return sum;
}

void kshim_set_canonical(bool on)
{
	ima_canonical_fmt = on;
}

void kshim_reset(void)
{
	struct ima_queue_entry *qe;

	while (!list_empty(&ima_measurements)) {
		qe = list_last_entry(&ima_measurements, struct ima_queue_entry,
				     later);
		list_del(&qe->later);
		ima_free_template_entry(qe->entry);
		free(qe);
	}
	ima_htable.len.counter = 0;
	kshim_log[0] = '\0';
	kshim_nerr = 0;
	kshim_nwarn = 0;
	kshim_ninfo = 0;
	kshim_fail_kvmalloc_at = 0;
	kshim_nkvmalloc = 0;
	kshim_restore_stop_after = -1;
	kshim_restore_ret = 0;
	kshim_restore_calls = 0;
	ima_canonical_fmt = false;
	kshim_set_prop(NULL, 0);
}
