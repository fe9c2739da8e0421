// SPDX-License-Identifier: GPL-2.0-only
/* inject.c - `ima-carry inject`: a carry blob into a device tree's /chosen */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imacarry.h"

#include "tool.h"

#define CMD	"inject"

static const char usage[] =
	"Usage: " TOOL_PROG " " CMD " (--blob FILE | --list FILE) -o OUT IN.dtb\n"
	"Write IN.dtb to OUT with the blob in /chosen/" IMACARRY_PROP ",\n"
	"replacing stale linux,ima-carry and linux,ima-kexec-buffer carriers.\n"
	"\n";

static const struct tool_opt opt_table[] = {
	{ "blob", required_argument, 'b', "FILE",
	  "a carry blob (from 'pack'); it is fully checked" },
	{ "list", required_argument, 'l', "FILE",
	  "a SHA-1 list, packed on the way" },
	{ "no-compress", no_argument, 'n', NULL,
	  "with --list: store the payload uncompressed" },
	{ "output", required_argument, 'o', "OUT",
	  "the new device tree ('-': stdout)" },
	{ NULL }
};

/*
 * Checks a --blob the way the next kernel will, list included, so that
 * a blob it would refuse never reaches a tree. Takes the blob's bytes.
 */
static int take_blob(struct tool_input *in, const uint8_t **blob,
		     size_t *len)
{
	struct imacarry_where w = { 0 };
	uint64_t n;
	int ret;

	if (in->kind != IMACARRY_KIND_BLOB) {
		tool_err("%s: not a carry blob (no " IMACARRY_MAGIC " magic)",
			 in->name);
		return -1;
	}
	ret = imacarry_list_check(&in->list, true, &n, &w);
	if (ret < 0) {
		tool_input_err(in, ret, &w);
		return -1;
	}
	if (tool_input_end(in, n) < 0)
		return -1;
	/* The bytes stay in @in (maybe mapped) until it is closed. */
	*blob = in->file.buf;
	*len = in->file.len;
	return 0;
}

static int inject(const char *dtb, const uint8_t *blob, size_t blob_len,
		  const char *out)
{
	struct tool_file fdt;
	uint8_t *tree, *grown;
	size_t size;
	int ret;

	if (tool_read_file(dtb, &fdt) < 0)
		return -1;
	if (imacarry_kind_of(fdt.buf, fdt.len) != IMACARRY_KIND_FDT) {
		tool_err("%s: not a device tree blob", dtb);
		tool_file_free(&fdt);
		return -1;
	}
	size = fdt.len;
	tree = malloc(size);
	if (tree)
		memcpy(tree, fdt.buf, size);
	tool_file_free(&fdt);
	ret = tree ? imacarry_fdt_put(tree, size, blob, blob_len, &size) :
		     -IMACARRY_ERR_NOMEM;
	/* Too small: the library said what suffices. */
	if (ret == -IMACARRY_ERR_NOSPACE) {
		grown = realloc(tree, size);
		ret = grown ? imacarry_fdt_put(grown, size, blob, blob_len,
					       &size) : -IMACARRY_ERR_NOMEM;
		if (grown)
			tree = grown;
	}
	if (ret < 0) {
		tool_err_at(dtb, ret);
		free(tree);
		return -1;
	}
	/* The packed tree's size, as fdt_put said: what to write. */
	ret = tool_write_file(out, tree, size);
	free(tree);
	return ret;
}

static int do_inject(int argc, char *argv[])
{
	const char *blob_path = NULL, *list_path = NULL, *out = NULL;
	unsigned int flags = 0;
	struct tool_input in;
	const uint8_t *blob = NULL;
	uint8_t *packed = NULL;
	struct imacarry_blob_hdr hdr;
	size_t blob_len;
	struct tool_args a = { 0 };
	int c, ret;

	while ((c = tool_getopt(argc, argv, &tool_cmd_inject, &a)) != -1) {
		switch (c) {
		case 'b':
			blob_path = optarg;
			break;
		case 'l':
			list_path = optarg;
			break;
		case 'n':
			flags |= IMACARRY_PACK_NO_COMPRESS;
			break;
		case 'o':
			out = optarg;
			break;
		}
	}
	if (a.status >= 0)
		return a.status;
	if (!blob_path == !list_path)
		return tool_usage(CMD, "give exactly one of --blob and --list");
	if (!out)
		return tool_usage(CMD, "missing -o OUT");
	if (tool_check_output(CMD, out))
		return TOOL_EXIT_USAGE;
	if (argc - optind != 1)
		return tool_usage(CMD, "give exactly one IN.dtb");
	if (blob_path && flags)
		return tool_usage(CMD, "--no-compress goes with --list");

	if (tool_input_open(&in, blob_path ? blob_path : list_path, 0) < 0)
		return TOOL_EXIT_INVALID;
	if (blob_path) {
		ret = take_blob(&in, &blob, &blob_len);
	} else {
		ret = tool_input_pack(&in, flags, &packed, &blob_len, &hdr);
		blob = packed;
	}
	if (ret == 0)
		ret = inject(argv[optind], blob, blob_len, out);
	free(packed);
	tool_input_close(&in);
	return ret < 0 ? TOOL_EXIT_INVALID : TOOL_EXIT_OK;
}

const struct tool_cmd tool_cmd_inject = {
	.name = CMD,
	.cmd = do_inject,
	.help = "put a blob (or a list, packed) into a DTB's /chosen",
	.usage = usage,
	.opts = opt_table,
	.col = 22,
};
