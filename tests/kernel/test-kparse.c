// SPDX-License-Identifier: GPL-2.0-only
/* test-kparse.c - the kernel patch's blob parser and import hook, in userspace */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/evp.h>
#include <zlib.h>

#include "imacarry.h"

#include "kparse.h"

#define HDR	48
#define KHDR	24

/* ---- building blobs by hand, the way docs/FORMAT.md says ---- */

struct raw {
	uint8_t buf[1 << 16];
	size_t len;
	uint64_t count;
	bool be;
};

static void put(uint8_t *p, uint64_t v, int size, bool be)
{
	int i;

	for (i = 0; i < size; i++)
		p[be ? size - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

static void raw_init(struct raw *r, bool be)
{
	memset(r, 0, sizeof(*r));
	r->be = be;
	r->len = KHDR;
}

/* Appends bytes, or a number in the payload's order. */
static void raw_bytes(struct raw *r, const void *p, size_t n)
{
	assert_true(r->len + n <= sizeof(r->buf));
	memcpy(r->buf + r->len, p, n);
	r->len += n;
}

static void raw_u32(struct raw *r, uint32_t v)
{
	assert_true(r->len + 4 <= sizeof(r->buf));
	put(r->buf + r->len, v, 4, r->be);
	r->len += 4;
}

/* A little-endian list begun with PCR 10 and a zero digest. */
static void raw_record_head(struct raw *r)
{
	static const uint8_t digest[20];

	raw_init(r, false);
	raw_u32(r, 10);
	raw_bytes(r, digest, sizeof(digest));
}

/* An ima-ng record: d-ng and n-ng fields. */
static void raw_entry(struct raw *r, uint32_t pcr, const char *path)
{
	uint8_t digest[20], fdigest[32];
	const char algo[] = "sha256:";

	uLong seed = crc32(0, (const Bytef *)path, (uInt)strlen(path));
	size_t i;

	/* Digests vary like real ones, or deflate would be too good. */
	for (i = 0; i < sizeof(fdigest); i++) {
		seed = seed * 1103515245 + 12345;
		fdigest[i] = (uint8_t)(seed >> 16);
		if (i < sizeof(digest))
			digest[i] = (uint8_t)(seed >> 8);
	}
	raw_u32(r, pcr);
	raw_bytes(r, digest, sizeof(digest));
	raw_u32(r, 6);
	raw_bytes(r, "ima-ng", 6);
	raw_u32(r, (uint32_t)(4 + sizeof(algo) + 32 + 4 + strlen(path) + 1));
	raw_u32(r, (uint32_t)(sizeof(algo) + 32));
	raw_bytes(r, algo, sizeof(algo));
	raw_bytes(r, fdigest, sizeof(fdigest));
	raw_u32(r, (uint32_t)strlen(path) + 1);
	raw_bytes(r, path, strlen(path) + 1);
	r->count++;
}

/* Writes the inner struct ima_kexec_hdr, as ima_dump_measurement_list(). */
static void raw_seal(struct raw *r)
{
	memset(r->buf, 0, KHDR);
	put(r->buf, 1, 2, r->be);
	put(r->buf + 8, r->len, 8, r->be);
	put(r->buf + 16, r->count, 8, r->be);
}

static void three_entries(struct raw *r, bool be)
{
	raw_init(r, be);
	raw_entry(r, 10, "boot_aggregate");
	raw_entry(r, 10, "/init");
	raw_entry(r, 11, "/bin/busybox");
	raw_seal(r);
}

static void hdr_crc(uint8_t *b)
{
	put(b + 44, crc32(0, b, 44), 4, false);
}

static void payload_crc(uint8_t *b, size_t len)
{
	put(b + 40, crc32(0, b + HDR, (uInt)(len - HDR)), 4, false);
	hdr_crc(b);
}

/* The blob for @r, deflated or stored; returns its length. */
static size_t blob(uint8_t *out, size_t size, const struct raw *r, bool zlib)
{
	uLongf plen = size - HDR;
	uint32_t flags = 0;

	if (zlib) {
		assert_int_equal(compress2(out + HDR, &plen, r->buf, r->len, 9),
				 Z_OK);
		flags |= 1;
	} else {
		assert_true(r->len <= plen);
		memcpy(out + HDR, r->buf, r->len);
		plen = r->len;
	}
	if (r->be)
		flags |= 2;
	memcpy(out, "IMACARRY", 8);
	put(out + 8, 1, 2, false);
	put(out + 10, HDR, 2, false);
	put(out + 12, flags, 4, false);
	put(out + 16, r->count, 8, false);
	put(out + 24, r->len, 8, false);
	put(out + 32, plen, 8, false);
	payload_crc(out, HDR + plen);
	return HDR + plen;
}

static uint8_t b[1 << 17];
static uint8_t rawout[1 << 17];

/* Loads @len bytes of b and expects the kernel to refuse them for @why. */
static void refused(size_t len, bool want_be, const char *why)
{
	struct kparse_result res;

	assert_int_equal(kparse_load(b, len, want_be, NULL, 0, &res), -1);
	assert_false(res.ok);
	assert_non_null(res.why);
	assert_string_equal(res.why, why);
}

static int setup(void **state)
{
	(void)state;
	kshim_reset();
	return 0;
}

/* ---- valid blobs ---- */

static void test_valid(void **state)
{
	struct kparse_result res;
	struct raw r;
	int be, z;
	size_t len;

	(void)state;
	for (be = 0; be < 2; be++) {
		for (z = 0; z < 2; z++) {
			three_entries(&r, be);
			len = blob(b, sizeof(b), &r, z);
			memset(rawout, 0, sizeof(rawout));
			assert_int_equal(kparse_load(b, len, be, rawout,
						     sizeof(rawout), &res), 0);
			assert_true(res.ok);
			assert_null(res.why);
			assert_int_equal(res.count, 3);
			assert_int_equal(res.raw_len, r.len);
			assert_memory_equal(rawout, r.buf, r.len);
		}
	}
}

static void test_empty_list(void **state)
{
	struct kparse_result res;
	struct raw r;
	size_t len;

	(void)state;
	raw_init(&r, false);
	raw_seal(&r);
	len = blob(b, sizeof(b), &r, false);
	assert_int_equal(kparse_load(b, len, false, NULL, 0, &res), 0);
	assert_int_equal(res.count, 0);
}

/* ---- the outer header, in the order the kernel checks it ---- */

static void test_header(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, false);

	refused(0, false, "shorter than its header");
	refused(47, false, "shorter than its header");

	b[0] = 'i';
	refused(len, false, "bad magic");
	b[0] = 'I';

	put(b + 8, 2, 2, false);
	refused(len, false, "unknown version");
	put(b + 8, 1, 2, false);

	put(b + 10, 64, 2, false);
	refused(len, false, "bad header size");
	put(b + 10, 48, 2, false);

	put(b + 12, 4, 4, false);
	refused(len, false, "unknown flags");
	put(b + 12, 0, 4, false);

	b[20] ^= 1;	/* count, with the old header CRC */
	refused(len, false, "bad header CRC");
	b[20] ^= 1;

	b[HDR + 30] ^= 0x40;
	refused(len, false, "bad payload CRC");
	b[HDR + 30] ^= 0x40;

	/* A blob for the other byte order. */
	refused(len, true, "not in this kernel's byte order");
}

static void test_lengths(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, false);

	/* The property is cut short, or has a byte too many. */
	refused(len - 1, false, "payload runs past the property");
	b[len] = 0;
	refused(len + 1, false, "trailing bytes after the payload");

	/* Stored: raw_len must equal payload_len. */
	put(b + 24, r.len + 1, 8, false);
	hdr_crc(b);
	refused(len, false, "stored and raw lengths differ");

	put(b + 24, 23, 8, false);
	hdr_crc(b);
	refused(len, false, "raw length too small");

	put(b + 24, (256ull << 20) + 1, 8, false);
	hdr_crc(b);
	refused(len, false, "raw length over 256 MiB");
	put(b + 24, r.len, 8, false);

	/* Each record is at least 33 bytes. */
	put(b + 16, (r.len - KHDR) / 33 + 1, 8, false);
	hdr_crc(b);
	refused(len, false, "count too large for raw length");
}

static void test_ratio(void **state)
{
	struct raw r;
	size_t len;
	uint64_t plen;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, true);
	plen = len - HDR;

	/* 32 times is the most a payload may grow: a bomb stops here. */
	put(b + 24, plen * 32, 8, false);
	hdr_crc(b);
	refused(len, false, "payload inflates short of raw length");
	put(b + 24, plen * 32 + 1, 8, false);
	hdr_crc(b);
	refused(len, false, "inflate ratio over 32");
}

/* ---- the zlib stream ---- */

static void test_zlib(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);

	/* Corrupt deflate data, with valid CRCs. */
	len = blob(b, sizeof(b), &r, true);
	b[HDR] ^= 0xff;
	payload_crc(b, len);
	refused(len, false, "zlib refused the payload");

	/* The Adler-32 trailer is checked too. */
	len = blob(b, sizeof(b), &r, true);
	b[len - 1] ^= 1;
	payload_crc(b, len);
	refused(len, false, "zlib refused the payload");

	/* The stream is cut short. */
	len = blob(b, sizeof(b), &r, true);
	put(b + 32, len - HDR - 5, 8, false);
	payload_crc(b, len - 5);
	refused(len - 5, false, "zlib stream cut short");

	/* It holds more than raw_len... */
	len = blob(b, sizeof(b), &r, true);
	put(b + 24, r.len - 1, 8, false);
	hdr_crc(b);
	refused(len, false, "payload inflates past raw length");

	/* ...or less... */
	put(b + 24, r.len + 1, 8, false);
	hdr_crc(b);
	refused(len, false, "payload inflates short of raw length");

	/* ...or is followed by more bytes. */
	len = blob(b, sizeof(b), &r, true);
	b[len] = 0;
	put(b + 32, len + 1 - HDR, 8, false);
	payload_crc(b, len + 1);
	refused(len + 1, false, "bytes after the zlib stream");
}

/* ---- the inner header and the records ---- */

/* Seals @r into a stored blob and expects @why at @entry. */
static void refused_list(struct raw *r, bool seal, const char *why,
			 uint64_t entry)
{
	struct kparse_result res;
	size_t len;

	if (seal)
		raw_seal(r);
	len = blob(b, sizeof(b), r, false);
	assert_int_equal(kparse_load(b, len, false, NULL, 0, &res), -1);
	assert_string_equal(res.why, why);
	assert_true(res.in_list);
	assert_int_equal(res.entry, entry);
}

static void test_inner_header(void **state)
{
	struct raw r;

	(void)state;
	three_entries(&r, false);
	put(r.buf, 2, 2, false);
	refused_list(&r, false, "unknown ima_kexec_hdr version", UINT64_MAX);

	three_entries(&r, false);
	put(r.buf + 8, r.len - 1, 8, false);
	refused_list(&r, false,
		     "ima_kexec_hdr buffer_size is not the raw length",
		     UINT64_MAX);

	three_entries(&r, false);
	put(r.buf + 16, 2, 8, false);
	refused_list(&r, false, "ima_kexec_hdr count is not the header's",
		     UINT64_MAX);
}

static void test_records(void **state)
{
	uint8_t zero[64] = { 0 };
	struct raw r;
	int i;

	(void)state;
	/* The outer count says 2, the list has 3. */
	three_entries(&r, false);
	r.count = 2;
	refused_list(&r, true, "bytes after the last entry", 2);

	/* The outer count says 4. */
	three_entries(&r, false);
	r.count = 4;
	refused_list(&r, true, "fewer entries than the count", 3);

	/* A record cut inside its head. */
	three_entries(&r, false);
	raw_bytes(&r, zero, 10);
	r.count++;
	refused_list(&r, true, "truncated entry", 3);

	raw_init(&r, false);
	raw_entry(&r, 10, "/a");
	raw_u32(&r, 10);
	raw_bytes(&r, zero, 20);
	raw_u32(&r, 0);
	raw_bytes(&r, zero, 8);
	r.count++;
	refused_list(&r, true, "bad template name length", 1);

	raw_record_head(&r);
	raw_u32(&r, 69);
	raw_bytes(&r, zero, 40);
	r.count++;
	refused_list(&r, true, "bad template name length", 0);

	raw_record_head(&r);
	raw_u32(&r, 68);
	raw_bytes(&r, zero, 40);
	r.count++;
	refused_list(&r, true, "truncated template name", 0);

	/* The legacy template: no data length, restore can't read it. */
	raw_record_head(&r);
	raw_u32(&r, 3);
	raw_bytes(&r, "ima", 3);
	raw_bytes(&r, zero, 20);
	raw_bytes(&r, zero, 8);
	r.count++;
	refused_list(&r, true, "'ima' template entries cannot be restored", 0);

	/* Data length over the end; no room for it at all. */
	raw_record_head(&r);
	raw_u32(&r, 4);
	raw_bytes(&r, "ab|c", 4);
	raw_u32(&r, 9);
	raw_bytes(&r, zero, 8);
	r.count++;
	refused_list(&r, true, "truncated template data", 0);

	raw_record_head(&r);
	raw_u32(&r, 5);
	raw_bytes(&r, "ab|cd", 5);
	/* 2 bytes where the data length should be */
	raw_bytes(&r, zero, 2);
	r.count++;
	refused_list(&r, true, "truncated entry", 0);

	/* Template data that is not whole fields. */
	raw_record_head(&r);
	raw_u32(&r, 4);
	raw_bytes(&r, "d-ng", 4);
	raw_u32(&r, 6);
	raw_u32(&r, 3);
	raw_bytes(&r, "ab", 2);
	r.count++;
	refused_list(&r, true, "bad template data fields", 0);

	/* No field at all. */
	raw_record_head(&r);
	raw_u32(&r, 4);
	raw_bytes(&r, "d-ng", 4);
	raw_u32(&r, 0);
	r.count++;
	refused_list(&r, true, "bad template data fields", 0);

	/* 16 fields: more than any template has. */
	raw_record_head(&r);
	raw_u32(&r, 4);
	raw_bytes(&r, "d-ng", 4);
	raw_u32(&r, 16 * 4);
	for (i = 0; i < 16; i++)
		raw_u32(&r, 0);
	r.count++;
	refused_list(&r, true, "bad template data fields", 0);

	/* 15 empty fields are fine for the parser; restore judges them. */
	raw_record_head(&r);
	raw_u32(&r, 4);
	raw_bytes(&r, "d-ng", 4);
	raw_u32(&r, 15 * 4);
	for (i = 0; i < 15; i++)
		raw_u32(&r, 0);
	r.count++;
	raw_seal(&r);
	{
		struct kparse_result res;
		size_t len = blob(b, sizeof(b), &r, false);

		assert_int_equal(kparse_load(b, len, false, NULL, 0, &res),
				 0);
	}
}

/* ---- no memory ---- */

static void test_nomem(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, true);
	kshim_nkvmalloc = 0;
	kshim_fail_kvmalloc_at = 1;
	refused(len, false, "no memory for the list");
	kshim_nkvmalloc = 0;
	kshim_fail_kvmalloc_at = 2;
	refused(len, false, "no memory for zlib");
	kshim_fail_kvmalloc_at = 0;
}

/* ---- the import hook ---- */

static void test_import_none(void **state)
{
	(void)state;
	kshim_set_prop(NULL, 0);	/* no /chosen */
	kparse_import();
	assert_int_equal(kshim_nerr + kshim_nwarn + kshim_ninfo, 0);
	assert_int_equal(kshim_restore_calls, 0);
}

static void test_import_ok(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, false);
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_ninfo, 1);
	assert_int_equal(kshim_nerr + kshim_nwarn, 0);
	assert_string_equal(kshim_log,
		"ima: carried 3 measurements (1 KiB, uncompressed) from /chosen; no TPM to replay against\n");
	assert_true(kshim_prop_removed);
	assert_int_equal(kshim_list_len(), 3);
	assert_int_equal(kshim_list_pcr_sum(), 31);
}

static void test_import_zlib(void **state)
{
	struct raw r;
	size_t len;
	char want[128], path[64];
	int i;

	(void)state;
	raw_init(&r, false);
	for (i = 0; i < 400; i++) {
		snprintf(path, sizeof(path), "/usr/lib/python3/mod%d.py", i);
		raw_entry(&r, 10, path);
	}
	raw_seal(&r);
	len = blob(b, sizeof(b), &r, true);
	kshim_set_prop(b, len);
	kparse_import();
	snprintf(want, sizeof(want),
		 "ima: carried 400 measurements (%zu KiB, %zu KiB compressed) from /chosen; no TPM to replay against\n",
		 (r.len + 1023) / 1024, (len - HDR + 1023) / 1024);
	assert_string_equal(kshim_log, want);
	assert_int_equal(kshim_list_len(), 400);
	assert_true(kshim_prop_removed);
}

static void test_import_refused(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, false);
	b[HDR + 40] ^= 1;
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_nerr, 1);
	assert_int_equal(kshim_ninfo + kshim_nwarn, 0);
	assert_string_equal(kshim_log,
		"ima: /chosen/linux,ima-carry refused: bad payload CRC (blob offset 40)\n");
	assert_int_equal(kshim_restore_calls, 0);
	assert_int_equal(kshim_list_len(), 0);
	assert_true(kshim_prop_removed);
}

static void test_import_refused_entry(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	r.count = 2;
	raw_seal(&r);
	len = blob(b, sizeof(b), &r, true);
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_nerr, 1);
	assert_non_null(strstr(kshim_log,
		"refused: bytes after the last entry (entry 2 at list offset "));
	assert_int_equal(kshim_list_len(), 0);
}

/* Restore refuses the list, even halfway through: nothing stays. */
static void test_import_partial(void **state)
{
	struct raw r;
	size_t len;
	int ret;

	(void)state;
	for (ret = 0; ret >= -22; ret -= 22) {
		kshim_reset();
		three_entries(&r, false);
		len = blob(b, sizeof(b), &r, false);
		kshim_set_prop(b, len);
		kshim_restore_stop_after = 2;
		kshim_restore_ret = ret;
		kparse_import();
		assert_int_equal(kshim_restore_calls, 1);
		assert_int_equal(kshim_nerr, 1);
		assert_int_equal(kshim_ninfo, 0);
		assert_int_equal(kshim_list_len(), 0);
		assert_true(kshim_prop_removed);
	}
	assert_string_equal(kshim_log,
		"ima: /chosen/linux,ima-carry dropped: restore refused the list (-22)\n");
}

/* After kexec_file_load's buffer, a carried list is never added. */
static void test_import_twice(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, false);
	kshim_set_prop(b, len);
	kparse_import();
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_list_len(), 3);
	assert_int_equal(kshim_restore_calls, 1);
	assert_true(kshim_prop_removed);
	/* The same list in both carriers: the normal case, no warning. */
	assert_int_equal(kshim_nwarn, 0);
	assert_non_null(strstr(kshim_log,
		"ima: /chosen/linux,ima-carry ignored: kexec's buffer restored the same 3 measurements\n"));

	/* Another count (a stale property), or a bad blob: a warning. */
	kshim_reset();
	kshim_set_prop(b, len);
	kparse_import();
	raw_init(&r, false);
	raw_entry(&r, 10, "boot_aggregate");
	raw_seal(&r);
	len = blob(b, sizeof(b), &r, false);
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_nwarn, 1);
	assert_non_null(strstr(kshim_log,
		"ima: /chosen/linux,ima-carry ignored: 3 measurements already restored\n"));
	assert_int_equal(kshim_list_len(), 3);

	kshim_reset();
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, false);
	kshim_set_prop(b, len);
	kparse_import();
	b[HDR + 40] ^= 1;
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_nwarn, 1);
	assert_int_equal(kshim_list_len(), 3);
}

/* arm64 with ACPI: no live tree, the blob is read from the booted FDT. */
static void test_import_acpi(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, true);
	kshim_set_fdt_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_ninfo, 1);
	assert_int_equal(kshim_nerr + kshim_nwarn, 0);
	assert_non_null(strstr(kshim_log, "ima: carried 3 measurements ("));
	assert_int_equal(kshim_list_len(), 3);
	/* Nothing to remove: /proc/device-tree shows no booted tree. */
	assert_false(kshim_prop_removed);

	/* A refused blob is refused the same way. */
	kshim_reset();
	b[HDR + 40] ^= 1;
	kshim_set_fdt_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_nerr, 1);
	assert_int_equal(kshim_list_len(), 0);

	/* A booted tree without the property, or none at all: silence. */
	kshim_reset();
	kshim_set_fdt_prop(NULL, 0);
	kparse_import();
	kshim_set_prop(NULL, 0);
	kparse_import();
	assert_int_equal(kshim_nerr + kshim_nwarn + kshim_ninfo, 0);
	assert_int_equal(kshim_restore_calls, 0);
}

/* A crash kernel imports nothing, and says so once. */
static void test_import_kdump(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, false);
	kshim_set_prop(b, len);
	kshim_kdump = true;
	kparse_import();
	assert_string_equal(kshim_log,
		"ima: /chosen/linux,ima-carry ignored: crash kernel\n");
	assert_int_equal(kshim_restore_calls, 0);
	assert_int_equal(kshim_list_len(), 0);
	assert_true(kshim_prop_removed);
}

/*
 * PCR 10 of @alg as the TPM would hold it after the list @r (little
 * endian): each PCR 10 record's template digest, the hash of its template
 * data, or all ones for a violation (zero SHA-1), extended in order.
 */
static void replay10(const struct raw *r, const char *alg, uint8_t *pcr)
{
	static const uint8_t zero[20];
	const EVP_MD *md = EVP_get_digestbyname(alg);
	uint8_t d[64], ext[128];
	size_t pos = KHDR, n = (size_t)EVP_MD_get_size(md);
	uint32_t name_len, data_len, rpcr;

	memset(pcr, 0, n);
	while (pos < r->len) {
		rpcr = (uint32_t)r->buf[pos] | (uint32_t)r->buf[pos + 1] << 8;
		memcpy(&name_len, r->buf + pos + 24, 4);
		memcpy(&data_len, r->buf + pos + 28 + name_len, 4);
		if (memcmp(r->buf + pos + 4, zero, 20))
			assert_true(EVP_Digest(r->buf + pos + 32 + name_len,
					       data_len, d, NULL, md, NULL));
		else
			memset(d, 0xff, n);
		if (rpcr == 10) {
			memcpy(ext, pcr, n);
			memcpy(ext + n, d, n);
			assert_true(EVP_Digest(ext, 2 * n, pcr, NULL, md, NULL));
		}
		pos += 32 + name_len + data_len;
	}
}

/* Three entries, then a violation (zero template digest) on PCR 10. */
static void with_violation(struct raw *r)
{
	raw_init(r, false);
	raw_entry(r, 10, "boot_aggregate");
	raw_entry(r, 10, "/init");
	raw_entry(r, 11, "/bin/busybox");
	raw_entry(r, 10, "/etc/passwd");
	memset(r->buf + r->len - 86 - 12 + 4, 0, 20);
	raw_seal(r);
}

/*
 * A TPM of the three @banks, of which the kernel cannot hash @missing: the
 * list @r (blob of @len bytes in b) is replayed in @alg, bank @i.
 */
static void replay_after_missing(const struct raw *r, size_t len,
				 const char *const *banks, const char *missing,
				 const char *alg, int i)
{
	char want[64];

	kshim_reset();
	kshim_set_tpm(banks, 3);
	kshim_no_shash = missing;
	replay10(r, alg, kshim_pcr10[i]);
	kshim_set_prop(b, len);
	kparse_import();
	snprintf(want, sizeof(want), "; replay matches PCR 10 (%s)\n", alg);
	assert_non_null(strstr(kshim_log, want));
}

/* The one line says whether the list replays to the TPM's PCR 10. */
static void test_import_pcr(void **state)
{
	static const char *const banks[] = { "sha256", "sha1", "sha384" };
	static const char *const odd[] = { "sm3_256" };
	static const char *const same[] = { "sha256", "sha256", "sha384" };
	struct raw r;
	size_t len;

	(void)state;
	with_violation(&r);
	len = blob(b, sizeof(b), &r, true);

	/* The cheapest bank the kernel can hash: sha1, the TPM's second. */
	kshim_set_tpm(banks, 3);
	replay10(&r, "sha1", kshim_pcr10[1]);
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_ninfo, 1);
	assert_non_null(strstr(kshim_log,
		" from /chosen; replay matches PCR 10 (sha1)\n"));
	assert_int_equal(kshim_list_len(), 4);

	/* A stale list: imported all the same, with the diagnosis. */
	kshim_reset();
	kshim_set_tpm(banks, 3);
	replay10(&r, "sha1", kshim_pcr10[1]);
	kshim_pcr10[1][7] ^= 1;
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_ninfo, 1);
	assert_int_equal(kshim_nerr + kshim_nwarn, 0);
	assert_non_null(strstr(kshim_log,
		" from /chosen; replay does not match PCR 10 (sha1)\n"));
	assert_int_equal(kshim_list_len(), 4);

	/* With only sha384, that bank; a violation there is 48 bytes of ones. */
	kshim_reset();
	kshim_set_tpm(banks + 2, 1);
	replay10(&r, "sha384", kshim_pcr10[0]);
	kshim_set_prop(b, len);
	kparse_import();
	assert_non_null(strstr(kshim_log, "; replay matches PCR 10 (sha384)\n"));

	/* What cannot be checked is said, and the list still imported. */
	kshim_reset();
	kshim_set_tpm(banks, 3);
	kshim_pcr_read_ret = -5;
	kshim_set_prop(b, len);
	kparse_import();
	assert_non_null(strstr(kshim_log, "; replay not checked (-5)\n"));
	assert_int_equal(kshim_list_len(), 4);

	kshim_reset();
	kshim_set_tpm(banks, 3);
	kshim_fail_shash = true;
	kshim_set_prop(b, len);
	kparse_import();
	assert_non_null(strstr(kshim_log, "; replay not checked (-2)\n"));

	/* A bank the kernel cannot hash: the next cheapest. */
	replay_after_missing(&r, len, banks, "sha1", "sha256", 0);
	replay_after_missing(&r, len, banks, "sha256", "sha1", 1);
	/* Equal sizes keep the TPM's order; the last bank left is tried. */
	replay_after_missing(&r, len, same, "sha256", "sha384", 2);

	kshim_reset();
	kshim_set_tpm(odd, 1);
	kshim_set_prop(b, len);
	kparse_import();
	assert_non_null(strstr(kshim_log, "; no TPM bank to replay in\n"));
	assert_int_equal(kshim_ninfo, 1);
	assert_int_equal(kshim_list_len(), 4);
}

/* With ima_canonical_fmt, a little-endian list is right on any CPU. */
static void test_import_canonical(void **state)
{
	struct raw r;
	size_t len;

	(void)state;
	kshim_set_canonical(true);
	three_entries(&r, false);
	len = blob(b, sizeof(b), &r, true);
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_ninfo, 1);
	assert_int_equal(kshim_list_len(), 3);

	/* A big-endian list is not, even on a big-endian CPU. */
	kshim_reset();
	kshim_set_canonical(true);
	three_entries(&r, true);
	len = blob(b, sizeof(b), &r, true);
	kshim_set_prop(b, len);
	kparse_import();
	assert_int_equal(kshim_nerr, 1);
	assert_int_equal(kshim_list_len(), 0);
}

/* ---- blobs packed by libimacarry, from real lists ---- */

static void *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Packs @list both ways with the library and imports each blob. */
static void lib_roundtrip(const void *list_buf, size_t list_len)
{
	struct imacarry_where where;
	struct imacarry_list list;
	struct kparse_result res;
	size_t size = imacarry_blob_bound(list_len), out_len;
	uint64_t count;
	uint8_t *out, *raw;
	unsigned int flags;

	assert_int_equal(imacarry_list_init(&list, list_buf, list_len, 20, 0,
					    &where), 0);
	assert_int_equal(imacarry_list_check(&list, true, &count, &where), 0);
	out = malloc(size);
	raw = malloc(KHDR + list_len);
	assert_non_null(out);
	assert_non_null(raw);
	for (flags = 0; flags < 2; flags++) {
		assert_int_equal(imacarry_blob_pack(&list, flags, out,
						    size, &out_len, NULL,
						    NULL), 0);
		assert_int_equal(kparse_load(out, out_len, false, raw,
					     KHDR + list_len, &res), 0);
		assert_int_equal(res.count, count);
		assert_memory_equal(raw + KHDR, list_buf, list_len);

		kshim_reset();
		kshim_set_prop(out, out_len);
		kparse_import();
		assert_int_equal(kshim_ninfo, 1);
		assert_int_equal(kshim_nerr + kshim_nwarn, 0);
		assert_int_equal(kshim_list_len(), (long)count);
	}
	free(raw);
	free(out);
}

static void test_real_lists(void **state)
{
	static const char *const names[] = {
		"franczar-ima_ng", "puiterwijk-imang", "ibmtss-sha1.log",
		"hyperf-binary_runtime_measurements_sha1",
	};
	const char *dir = getenv("IMACARRY_TESTDATA");
	char path[4096];
	unsigned int i, done = 0;
	size_t len;
	void *buf;

	(void)state;
	for (i = 0; dir && i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		buf = slurp(path, &len);
		if (!buf)
			continue;
		lib_roundtrip(buf, len);
		free(buf);
		done++;
	}
	if (!done) {
		fprintf(stderr, "SKIP: no real lists in IMACARRY_TESTDATA=%s\n",
			dir ? dir : "(unset)");
		skip();
	}
}

/* 20,000 generated entries, about a real machine's day. */
static void test_big_list(void **state)
{
	const size_t n = 20000;
	uint8_t *list, *p;
	char path[64];
	size_t i, len = 0, plen;

	(void)state;
	list = malloc(n * 128);
	assert_non_null(list);
	for (i = 0; i < n; i++) {
		p = list + len;
		plen = (size_t)snprintf(path, sizeof(path),
					"/usr/lib/python3/dist-%zu.py", i) + 1;
		put(p, 10, 4, false);
		memset(p + 4, (int)(i & 0xff) | 1, 20);
		put(p + 24, 6, 4, false);
		memcpy(p + 28, "ima-ng", 6);
		put(p + 34, 4 + 40 + 4 + plen, 4, false);
		put(p + 38, 40, 4, false);
		memcpy(p + 42, "sha256:", 8);
		memset(p + 50, (int)(i * 7 & 0xff), 32);
		put(p + 82, plen, 4, false);
		memcpy(p + 86, path, plen);
		len += 86 + plen;
	}
	lib_roundtrip(list, len);
	free(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_valid, setup),
		cmocka_unit_test_setup(test_empty_list, setup),
		cmocka_unit_test_setup(test_header, setup),
		cmocka_unit_test_setup(test_lengths, setup),
		cmocka_unit_test_setup(test_ratio, setup),
		cmocka_unit_test_setup(test_zlib, setup),
		cmocka_unit_test_setup(test_inner_header, setup),
		cmocka_unit_test_setup(test_records, setup),
		cmocka_unit_test_setup(test_nomem, setup),
		cmocka_unit_test_setup(test_import_none, setup),
		cmocka_unit_test_setup(test_import_ok, setup),
		cmocka_unit_test_setup(test_import_zlib, setup),
		cmocka_unit_test_setup(test_import_refused, setup),
		cmocka_unit_test_setup(test_import_refused_entry, setup),
		cmocka_unit_test_setup(test_import_partial, setup),
		cmocka_unit_test_setup(test_import_twice, setup),
		cmocka_unit_test_setup(test_import_acpi, setup),
		cmocka_unit_test_setup(test_import_kdump, setup),
		cmocka_unit_test_setup(test_import_pcr, setup),
		cmocka_unit_test_setup(test_import_canonical, setup),
		cmocka_unit_test_setup(test_real_lists, setup),
		cmocka_unit_test_setup(test_big_list, setup),
	};
	int ret;

	ret = cmocka_run_group_tests_name("kernel parser", tests, NULL, NULL);
	kshim_reset();
	return ret;
}
