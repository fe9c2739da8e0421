// SPDX-License-Identifier: GPL-2.0-only
/* check.c - `ima-carry check`: validate a list, a blob or a DTB, in one line */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "imacarry.h"

#include "tool.h"

#define CMD	"check"

static const char usage[] =
	"Usage: " TOOL_PROG " " CMD " [--digest-size N] FILE\n"
	"Validate a list, a carry blob or a device tree ('-': stdin) the way the\n"
	"next kernel would, and print 'FILE: ok: N entries, ...' or the error.\n"
	"\n";

static const struct tool_opt opt_table[] = {
	{ "digest-size", required_argument, 'd', "N",
	  "template digest size of a list: 20, 32, 48, 64" },
	{ NULL }
};

struct tally {
	uint64_t entries;
	uint64_t violations;
	uint64_t legacy;
};

static int walk(const struct tool_input *in, struct tally *t)
{
	struct imacarry_where w = { 0 };
	struct imacarry_entry e;
	uint64_t pos = 0;
	int ret;

	memset(&e, 0, sizeof(e));
	while ((ret = imacarry_list_next(&in->list, &pos, &e, &w)) > 0) {
		t->entries++;
		t->violations += e.violation;
		t->legacy += e.legacy_ima;
	}
	if (ret < 0) {
		tool_input_err(in, ret, &w);
		return -1;
	}
	return tool_input_end(in, t->entries);
}

static void ok_line(const struct tool_input *in, const struct tally *t)
{
	const struct imacarry_list *l = &in->list;

	printf("%s: ok: %llu entries", in->name,
	       (unsigned long long)t->entries);
	if (t->violations)
		printf(" (%llu violation%s)",
		       (unsigned long long)t->violations,
		       t->violations == 1 ? "" : "s");
	printf(", %u-byte digests, %s", l->digest_size,
	       l->big_endian ? "big-endian" : "little-endian");
	if (in->blob)
		printf(", %s blob v%u at offset %zu: %zu bytes, %llu raw",
		       in->open.hdr.flags & IMACARRY_F_ZLIB ? "zlib" : "stored",
		       in->open.hdr.version, in->blob_off, in->blob_len,
		       (unsigned long long)in->open.hdr.raw_len);
	else
		printf(", %zu bytes", l->len);
	if (in->kbuf)
		fputs(", after a struct ima_kexec_hdr", stdout);
	if (in->kind == IMACARRY_KIND_FDT)
		fputs(", in /chosen/" IMACARRY_PROP, stdout);
	/* Valid, but the next kernel's restore would stop there. */
	if (t->legacy)
		printf("; %llu legacy 'ima' entr%s cannot be carried",
		       (unsigned long long)t->legacy,
		       t->legacy == 1 ? "y" : "ies");
	putchar('\n');
}

static int do_check(int argc, char *argv[])
{
	struct tally t = { 0 };
	struct tool_input in;
	struct tool_args a = { 0 };
	int ret;

	/* --digest-size, which tool_getopt() parses, is all check takes. */
	while (tool_getopt(argc, argv, &tool_cmd_check, &a) != -1)
		;
	if (a.status >= 0)
		return a.status;
	if (argc - optind != 1)
		return tool_usage(CMD, "give exactly one FILE");

	if (tool_input_open(&in, argv[optind], a.digest_size) < 0)
		return TOOL_EXIT_INVALID;
	ret = walk(&in, &t);
	if (ret == 0 && !tool_quiet)
		ok_line(&in, &t);
	tool_input_close(&in);
	return ret < 0 ? TOOL_EXIT_INVALID : TOOL_EXIT_OK;
}

const struct tool_cmd tool_cmd_check = {
	.name = CMD,
	.cmd = do_check,
	.help = "validate a list, a blob or a DTB; one line: ok or the error",
	.usage = usage,
	.opts = opt_table,
	.col = 23,
};
