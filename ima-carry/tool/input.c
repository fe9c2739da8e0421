// SPDX-License-Identifier: GPL-2.0-only
/* input.c - any input (list, blob, device tree, live list) as a list view */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imacarry.h"

#include "tool.h"

#define SECURITYFS_ENV	"IMACARRY_SECURITYFS"

/* The live list's name, as messages show it. */
static char live_name[4096];

static int read_live(struct tool_input *in, unsigned int flags)
{
	const char *root = getenv(SECURITYFS_ENV);
	struct imacarry_where w = { 0 };
	void *buf;
	int ret;

	if (!root || !*root)
		root = IMACARRY_SECURITYFS;
	snprintf(live_name, sizeof(live_name),
		 "%s/ima/binary_runtime_measurements", root);
	in->name = live_name;
	in->live = true;
	/*
	 * A checked view: the commands' own walk is the only one after. Or
	 * none, and the caller's walk, bounded by the count, is the only one.
	 */
	if (flags & TOOL_INPUT_UNCHECKED)
		ret = imacarry_snapshot_read_unchecked(root, NULL, &buf,
						       &in->list, &in->count,
						       &w);
	else
		ret = imacarry_snapshot_read(root, NULL, &buf, &in->list, &w);
	if (ret < 0) {
		if (ret == -IMACARRY_ERR_IO)
			tool_err("%s: %s: %s", in->name, imacarry_strerror(ret),
				 strerror(errno));
		else if (ret == -IMACARRY_ERR_NOIMA ||
			 ret == -IMACARRY_ERR_NOMEM)
			tool_err_at(in->name, ret);
		else
			tool_input_err(in, ret, &w);
		return -1;
	}
	in->file.buf = buf;
	in->file.len = in->list.len;
	in->bounded = flags & TOOL_INPUT_UNCHECKED;
	if (!in->bounded)
		in->count = in->list.count;
	in->has_count = true;
	in->kind = IMACARRY_KIND_LIST;
	return 0;
}

int tool_input_read(struct tool_input *in, const char *path,
		    unsigned int flags)
{
	const void *blob;
	int ret;

	memset(in, 0, sizeof(*in));
	if (!path)
		return read_live(in, flags);

	in->name = strcmp(path, "-") ? path : "<stdin>";
	if (tool_read_file(path, &in->file) < 0)
		return -1;
	in->kind = imacarry_kind_of(in->file.buf, in->file.len);
	switch (in->kind) {
	case IMACARRY_KIND_BLOB:
		in->blob = in->file.buf;
		in->blob_len = in->file.len;
		break;
	case IMACARRY_KIND_FDT:
		ret = imacarry_fdt_get(in->file.buf, in->file.len, &blob,
				       &in->blob_len);
		if (ret < 0) {
			tool_err_at(in->name, ret);
			return -1;
		}
		in->blob = blob;
		in->blob_off = (size_t)(in->blob - in->file.buf);
		break;
	case IMACARRY_KIND_LIST:
		/*
		 * What kexec --dry-run writes for linux,ima-kexec-buffer and
		 * SETUP_IMA. A list never starts with a version 1 header
		 * whose sizes and padding all add up.
		 */
		in->kbuf = !imacarry_kbuf_list(in->file.buf, in->file.len,
					       &in->list, &in->count, NULL);
		return 0;
	default:
		tool_err_at(in->name, -IMACARRY_ERR_FORMAT);
		return -1;
	}
	/* dump --header shows the header and this verdict before the list. */
	in->open_err = imacarry_blob_open(in->blob, in->blob_len, &in->open,
					  &in->open_where);
	return 0;
}

/* The list of the blob opened by tool_input_read(). */
static int blob_list(struct tool_input *in)
{
	if (in->open_err < 0) {
		tool_input_err(in, in->open_err, &in->open_where);
		return -1;
	}
	in->list = in->open.list;
	in->count = in->open.hdr.count;
	in->has_count = true;
	return 0;
}

int tool_input_list(struct tool_input *in, unsigned int digest_size)
{
	struct imacarry_where w = { 0 };
	int ret;

	if (in->blob)
		return blob_list(in);
	/* The live list's view is made (checked, unless read unchecked). */
	if (in->live && (!digest_size || digest_size == in->list.digest_size))
		return 0;
	/* The list view is made; like a blob's, its digests are SHA-1. */
	if (in->kbuf) {
		in->has_count = true;
		return 0;
	}
	ret = imacarry_list_init(&in->list, in->file.buf, in->file.len,
				 digest_size, -1, &w);
	if (ret < 0) {
		tool_input_err(in, ret, &w);
		return -1;
	}
	return 0;
}

int tool_input_open(struct tool_input *in, const char *path,
		    unsigned int digest_size)
{
	if (tool_input_read(in, path, 0) < 0 ||
	    tool_input_list(in, digest_size) < 0) {
		tool_input_close(in);
		return -1;
	}
	return 0;
}

void tool_input_close(struct tool_input *in)
{
	imacarry_blob_close(&in->open);
	tool_file_free(&in->file);
	memset(in, 0, sizeof(*in));
}

void tool_input_where(const struct tool_input *in,
		      const struct imacarry_where *w, bool prop, char *buf,
		      size_t size)
{
	unsigned long long off = w->offset, idx = w->index;

	switch (w->origin) {
	case IMACARRY_ORIGIN_BLOB:
		if (in->kind == IMACARRY_KIND_FDT && prop)
			snprintf(buf, size,
				 "offset %llu (" IMACARRY_PROP " + %llu)",
				 off + in->blob_off, off);
		else
			snprintf(buf, size, "offset %llu", off + in->blob_off);
		return;
	case IMACARRY_ORIGIN_PAYLOAD:
		/*
		 * A blob's payload may be deflated, so its offsets need not
		 * point into the file; a kexec buffer file is the payload.
		 */
		if (in->blob)
			snprintf(buf, size,
				 "offset %llu in the carried payload", off);
		else
			snprintf(buf, size, "offset %llu", off);
		return;
	case IMACARRY_ORIGIN_LIST:
		break;
	}
	if (in->blob)
		snprintf(buf, size,
			 "offset %llu in the carried list, entry %llu", off,
			 idx);
	else
		snprintf(buf, size, "offset %llu, entry %llu",
			 off + (in->kbuf ? IMACARRY_KEXEC_HDR_SIZE : 0), idx);
}

void tool_input_err(const struct tool_input *in, int err,
		    const struct imacarry_where *w)
{
	char at[128];

	if (!w) {
		tool_err_at(in->name, err);
		return;
	}
	tool_input_where(in, w, true, at, sizeof(at));
	tool_err("%s: %s: %s", in->name, at, imacarry_strerror(err));
}

int tool_input_next(const struct tool_input *in, uint64_t *pos,
		    struct imacarry_entry *e, uint64_t n,
		    struct imacarry_where *w)
{
	int ret;

	if (!in->bounded)
		return imacarry_list_next(&in->list, pos, e, w);
	/* Records after the count may have been added during the read. */
	if (n == in->count)
		return 0;
	ret = imacarry_list_next(&in->list, pos, e, w);
	/* Fewer whole records than counted, as imacarry_snapshot_read() says. */
	if (ret == 0 || ret == -IMACARRY_ERR_TRUNCATED) {
		w->origin = IMACARRY_ORIGIN_LIST;
		w->offset = *pos;
		w->index = n;
		return -IMACARRY_ERR_COUNT;
	}
	return ret;
}

int tool_input_end(const struct tool_input *in, uint64_t n)
{
	if (!in->has_count || n == in->count)
		return 0;
	tool_err("%s: %s: %llu entries, the header says %llu", in->name,
		 imacarry_strerror(-IMACARRY_ERR_COUNT), (unsigned long long)n,
		 (unsigned long long)in->count);
	return -1;
}

/*
 * What can be refused before any walk: the kernel restores 20-byte
 * template digests only, and a list up to the cap.
 */
static int pack_precheck(const struct tool_input *in)
{
	if (in->list.digest_size != IMACARRY_SHA1_SIZE) {
		tool_err("%s: %u-byte template digests: only the SHA-1 list (binary_runtime_measurements) can be carried",
			 in->name, in->list.digest_size);
		return -1;
	}
	if (!imacarry_blob_bound(in->list.len)) {
		tool_err_at(in->name, -IMACARRY_ERR_TOOBIG);
		return -1;
	}
	return 0;
}

/*
 * A refusal from the library's walk of the list names its entry (and a
 * legacy 'ima' entry's text suggests ima_template=ima-ng); zlib's do not.
 */
static void pack_err(const struct tool_input *in, int err,
		     const struct imacarry_where *w)
{
	if (err == -IMACARRY_ERR_NOMEM || err == -IMACARRY_ERR_INFLATE)
		tool_err_at(in->name, err);
	else
		tool_input_err(in, err, w);
}

/* imacarry_blob_pack() of in->list into @out, with the tool's messages. */
static int pack_into(const struct tool_input *in, unsigned int flags,
		     uint8_t *out, size_t size, size_t *len,
		     struct imacarry_blob_hdr *hdr)
{
	struct imacarry_where w = { 0 };
	int ret;

	/* One walk, the library's, unless the view is checked already. */
	ret = imacarry_blob_pack(&in->list, flags, out, size, len, hdr, &w);
	if (ret < 0) {
		pack_err(in, ret, &w);
		return -1;
	}
	return tool_input_end(in, hdr->count);
}

int tool_input_pack(const struct tool_input *in, unsigned int flags,
		    uint8_t **blobp, size_t *blob_len,
		    struct imacarry_blob_hdr *hdr)
{
	uint8_t *blob;
	size_t size;

	if (pack_precheck(in) < 0)
		return -1;
	size = imacarry_blob_bound(in->list.len);
	blob = malloc(size);
	if (!blob) {
		tool_err_at(in->name, -IMACARRY_ERR_NOMEM);
		return -1;
	}
	if (pack_into(in, flags, blob, size, blob_len, hdr) < 0) {
		free(blob);
		return -1;
	}
	*blobp = blob;
	return 0;
}

int tool_input_pack_stored(const struct tool_input *in,
			   uint8_t prefix[IMACARRY_STORED_PREFIX_SIZE],
			   struct imacarry_blob_hdr *hdr)
{
	size_t len;

	if (pack_precheck(in) < 0)
		return -1;
	return pack_into(in, IMACARRY_PACK_PREFIX, prefix,
			 IMACARRY_STORED_PREFIX_SIZE, &len, hdr);
}
