// SPDX-License-Identifier: GPL-2.0-only
/* pack.c - `ima-carry pack`: a measurement list into a carry blob */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "imacarry.h"

#include "tool.h"

#define CMD	"pack"

static const char usage[] =
	"Usage: " TOOL_PROG " " CMD " [--no-compress] [-q] [-o OUT] [LIST]\n"
	"Pack a SHA-1 measurement list into a carry blob (docs/FORMAT.md).\n"
	"\n"
	"LIST is a list file ('-': stdin; a blob or DTB is repacked); without\n"
	"LIST, a consistent snapshot of the live list in $IMACARRY_SECURITYFS.\n"
	"\n";

static const struct tool_opt opt_table[] = {
	{ "output", required_argument, 'o', "OUT",
	  "write the blob to OUT (default: stdout)" },
	{ "no-compress", no_argument, 'n', NULL,
	  "store the payload uncompressed" },
	{ "quiet", no_argument, 'q', NULL, "no summary on stderr" },
	{ NULL }
};

static void summary(const struct tool_input *in,
		    const struct imacarry_blob_hdr *hdr)
{
	tool_note("%s: packed %llu entries: %zu bytes raw, %zu bytes stored%s",
		  in->name, (unsigned long long)hdr->count,
		  (size_t)hdr->raw_len, (size_t)hdr->payload_len,
		  hdr->flags & IMACARRY_F_ZLIB ? " (zlib)" : "");
}

static int pack_zlib(const struct tool_input *in, unsigned int flags,
		     const char *out)
{
	struct imacarry_blob_hdr hdr;
	uint8_t *blob;
	size_t blob_len;
	int ret;

	ret = tool_input_pack(in, flags, &blob, &blob_len, &hdr);
	if (ret < 0)
		return ret;
	ret = tool_write_file(out, blob, blob_len);
	if (ret == 0)
		summary(in, &hdr);
	free(blob);
	return ret;
}

/*
 * Uncompressed, the blob is a 72-byte prefix and the list as it is: write
 * the two straight from where they are (the list is mapped), no copy.
 */
static int pack_stored(const struct tool_input *in, const char *out)
{
	uint8_t prefix[IMACARRY_STORED_PREFIX_SIZE];
	struct imacarry_blob_hdr hdr;
	struct iovec iov[2];
	int ret;

	ret = tool_input_pack_stored(in, prefix, &hdr);
	if (ret < 0)
		return ret;
	iov[0].iov_base = prefix;
	iov[0].iov_len = sizeof(prefix);
	iov[1].iov_base = (void *)in->list.buf;
	iov[1].iov_len = in->list.len;
	ret = tool_write_filev(out, iov, 2);
	if (ret == 0)
		summary(in, &hdr);
	return ret;
}

static int do_pack(int argc, char *argv[])
{
	const char *out = "-", *path;
	unsigned int flags = 0;
	struct tool_input in;
	struct tool_args a = { 0 };
	int c, ret;

	while ((c = tool_getopt(argc, argv, &tool_cmd_pack, &a)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'n':
			flags |= IMACARRY_PACK_NO_COMPRESS;
			break;
		case 'q':
			tool_quiet = true;
			break;
		}
	}
	if (a.status >= 0)
		return a.status;
	if (tool_opt_operand(CMD, argc, argv, &path))
		return TOOL_EXIT_USAGE;
	if (tool_check_output(CMD, out))
		return TOOL_EXIT_USAGE;

	if (tool_input_open(&in, path, 0) < 0)
		return TOOL_EXIT_INVALID;
	if (flags & IMACARRY_PACK_NO_COMPRESS)
		ret = pack_stored(&in, out);
	else
		ret = pack_zlib(&in, flags, out);
	tool_input_close(&in);
	return ret < 0 ? TOOL_EXIT_INVALID : TOOL_EXIT_OK;
}

const struct tool_cmd tool_cmd_pack = {
	.name = CMD,
	.cmd = do_pack,
	.help = "pack a list (default: the live one) into a carry blob",
	.usage = usage,
	.opts = opt_table,
	.col = 21,
};
