// SPDX-License-Identifier: GPL-2.0-only
/* extract.c - `ima-carry extract`: the carry blob (or its list) out of a DTB */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "imacarry.h"

#include "tool.h"

#define CMD	"extract"

static const char usage[] =
	"Usage: " TOOL_PROG " " CMD " [--list] -o OUT IN.dtb\n"
	"Write the blob in /chosen/" IMACARRY_PROP " of IN.dtb to OUT.\n"
	"The blob and its list are checked first; nothing is written if they\n"
	"are invalid.\n"
	"\n";

static const struct tool_opt opt_table[] = {
	{ "list", no_argument, 'l', NULL,
	  "write the carried list instead (the bytes of\n"
	  "binary_runtime_measurements, no header)" },
	{ "output", required_argument, 'o', "OUT",
	  "the output file ('-': stdout)" },
	{ NULL }
};

static int extract(struct tool_input *in, bool list, const char *out)
{
	struct imacarry_where w = { 0 };
	uint64_t n;
	int ret;

	if (in->kind != IMACARRY_KIND_FDT) {
		tool_err("%s: not a device tree blob", in->name);
		return -1;
	}
	if (tool_input_list(in, 0) < 0)
		return -1;
	/* Legacy entries are fine here: the list is only shown. */
	ret = imacarry_list_check(&in->list, false, &n, &w);
	if (ret < 0) {
		tool_input_err(in, ret, &w);
		return -1;
	}
	if (tool_input_end(in, n) < 0)
		return -1;
	if (list)
		return tool_write_file(out, in->list.buf, in->list.len);
	return tool_write_file(out, in->blob, in->blob_len);
}

static int do_extract(int argc, char *argv[])
{
	const char *out = NULL;
	struct tool_input in;
	bool list = false;
	struct tool_args a = { 0 };
	int c, ret;

	while ((c = tool_getopt(argc, argv, &tool_cmd_extract, &a)) != -1) {
		switch (c) {
		case 'l':
			list = true;
			break;
		case 'o':
			out = optarg;
			break;
		}
	}
	if (a.status >= 0)
		return a.status;
	if (!out)
		return tool_usage(CMD, "missing -o OUT");
	if (tool_check_output(CMD, out))
		return TOOL_EXIT_USAGE;
	if (argc - optind != 1)
		return tool_usage(CMD, "give exactly one IN.dtb");

	ret = tool_input_read(&in, argv[optind], 0);
	if (ret == 0)
		ret = extract(&in, list, out);
	tool_input_close(&in);
	return ret < 0 ? TOOL_EXIT_INVALID : TOOL_EXIT_OK;
}

const struct tool_cmd tool_cmd_extract = {
	.name = CMD,
	.cmd = do_extract,
	.help = "write the blob (or, with --list, its list) of a DTB to a file",
	.usage = usage,
	.opts = opt_table,
	.col = 20,
};
