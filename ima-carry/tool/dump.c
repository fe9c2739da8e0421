// SPDX-License-Identifier: GPL-2.0-only
/* dump.c - `ima-carry dump`: any input as the kernel's ascii, or as JSON */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imacarry.h"

#include "tool.h"
#include "json.h"

#define CMD	"dump"

/* Dumps can be large: stdout writes them in big blocks. */
static char obuf[1 << 16];

static const char usage[] =
	"Usage: " TOOL_PROG " " CMD " [--json] [--header] [--digest-size N] [FILE]\n"
	"Print a measurement list exactly as the kernel's\n"
	"ascii_runtime_measurements does.\n"
	"\n"
	"FILE is a list, a carry blob or a device tree; '-' reads stdin; without\n"
	"FILE, the live list in $IMACARRY_SECURITYFS (default /sys/kernel/security).\n"
	"\n";

static const struct tool_opt opt_table[] = {
	{ "json", no_argument, 'j', NULL, "one JSON document instead" },
	{ "header", no_argument, 'H', NULL,
	  "the blob header and its checks first" },
	{ "digest-size", required_argument, 'd', "N",
	  "template digest size of a list: 20, 32, 48, 64\n"
	  "(default: detect)" },
	{ NULL }
};

static const char *kind_name(const struct tool_input *in)
{
	if (in->live)
		return "live";
	if (in->kbuf)
		return "kexec-buffer";
	switch (in->kind) {
	case IMACARRY_KIND_BLOB:
		return "blob";
	case IMACARRY_KIND_FDT:
		return "dtb";
	default:
		return "list";
	}
}

/* The header as comment lines, so the entries below stay parseable. */
static int print_header(const struct tool_input *in)
{
	const struct imacarry_blob_hdr *h = &in->open.hdr;
	char at[128];

	if (in->kbuf) {
		printf("# %s: a kexec buffer: struct ima_kexec_hdr, then the list\n"
		       "# count: %llu\n"
		       "# buffer_size: %zu\n"
		       "# padding: %zu\n",
		       in->name, (unsigned long long)in->count,
		       IMACARRY_KEXEC_HDR_SIZE + in->list.len,
		       in->file.len - IMACARRY_KEXEC_HDR_SIZE - in->list.len);
		return 0;
	}
	if (!in->blob) {
		printf("# %s: a measurement list, no carry header\n",
		       in->name);
		return 0;
	}
	if (in->kind == IMACARRY_KIND_FDT)
		printf("# /chosen/" IMACARRY_PROP ": %zu bytes at offset %zu\n",
		       in->blob_len, in->blob_off);
	if (in->blob_len < IMACARRY_HDR_SIZE) {
		printf("# header: truncated (%zu bytes)\n", in->blob_len);
	} else {
		printf("# version: %u\n"
		       "# hdr_size: %u\n"
		       "# flags: 0x%x%s%s\n"
		       "# count: %llu\n"
		       "# raw_len: %llu\n"
		       "# payload_len: %llu\n"
		       "# payload_crc: 0x%08x\n"
		       "# hdr_crc: 0x%08x\n",
		       h->version, h->hdr_size, h->flags,
		       h->flags & IMACARRY_F_ZLIB ? " zlib" : "",
		       h->flags & IMACARRY_F_BIG_ENDIAN ? " big-endian" : "",
		       (unsigned long long)h->count,
		       (unsigned long long)h->raw_len,
		       (unsigned long long)h->payload_len, h->payload_crc,
		       h->hdr_crc);
	}
	/* The one check of the blob, made on open; both CRCs in it. */
	if (!in->open.checked) {
		/* The line above says where the property is. */
		tool_input_where(in, &in->open_where, false, at, sizeof(at));
		printf("# check: %s: %s\n", at,
		       imacarry_strerror(in->open_err));
	} else {
		printf("# check: ok (hdr_crc ok, payload_crc ok)\n");
	}
	return 0;
}

static int dump_ascii(struct tool_input *in)
{
	struct imacarry_where w = { 0 };
	struct imacarry_entry e;
	uint64_t pos = 0, n_entries = 0;
	size_t size = 4096;
	char *line, *nline;
	int ret, n;

	/* One line buffer for the whole walk; it only grows for huge lines. */
	line = malloc(size);
	if (!line) {
		tool_err_at(in->name, -IMACARRY_ERR_NOMEM);
		return -1;
	}
	memset(&e, 0, sizeof(e));
	while ((ret = tool_input_next(in, &pos, &e, n_entries, &w)) > 0) {
		n = imacarry_ascii_entry(&in->list, &e, line, size);
		if (n < 0) {
			w.offset = e.offset;
			w.index = e.index;
			tool_input_err(in, n, &w);
			free(line);
			return -1;
		}
		if ((size_t)n >= size) {
			size = (size_t)n + 1;
			nline = realloc(line, size);
			if (!nline) {
				tool_err_at(in->name, -IMACARRY_ERR_NOMEM);
				free(line);
				return -1;
			}
			line = nline;
			n = imacarry_ascii_entry(&in->list, &e, line, size);
		}
		fwrite(line, 1, (size_t)n, stdout);
		n_entries++;
	}
	free(line);
	if (ret < 0) {
		tool_input_err(in, ret, &w);
		return -1;
	}
	return tool_input_end(in, n_entries);
}

static int dump_json(struct tool_input *in, bool header)
{
	struct imacarry_where w = { 0 };
	struct imacarry_entry e;
	uint64_t pos = 0, n = 0;
	int ret;

	json_begin(in->name, kind_name(in), &in->list);
	if (header && in->blob)
		json_header(&in->open.hdr, in->blob_off);
	fputs(",\"entries\":[", stdout);
	memset(&e, 0, sizeof(e));
	while ((ret = tool_input_next(in, &pos, &e, n, &w)) > 0) {
		ret = json_entry(&in->list, &e, n);
		if (ret < 0) {
			w.offset = e.offset;
			w.index = e.index;
			break;
		}
		n++;
	}
	if (ret < 0) {
		fputs("\n", stdout);
		tool_input_err(in, ret, &w);
		return -1;
	}
	if (tool_input_end(in, n) < 0)
		return -1;
	printf("\n],\"count\":%llu}\n", (unsigned long long)n);
	return 0;
}

static int do_dump(int argc, char *argv[])
{
	bool json = false, header = false;
	struct tool_input in;
	const char *path;
	struct tool_args a = { 0 };
	int c, ret;

	while ((c = tool_getopt(argc, argv, &tool_cmd_dump, &a)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'H':
			header = true;
			break;
		}
	}
	if (a.status >= 0)
		return a.status;
	if (tool_opt_operand(CMD, argc, argv, &path))
		return TOOL_EXIT_USAGE;

	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	/* The live list unchecked: the walk that renders it is the one walk. */
	if (tool_input_read(&in, path, TOOL_INPUT_UNCHECKED) < 0) {
		tool_input_close(&in);
		return TOOL_EXIT_INVALID;
	}
	if (header && !json)
		print_header(&in);
	ret = tool_input_list(&in, a.digest_size);
	if (ret == 0)
		ret = json ? dump_json(&in, header) : dump_ascii(&in);
	tool_input_close(&in);
	return ret < 0 ? TOOL_EXIT_INVALID : TOOL_EXIT_OK;
}

const struct tool_cmd tool_cmd_dump = {
	.name = CMD,
	.cmd = do_dump,
	.help = "print a list, blob or DTB as the kernel's ascii (or --json)",
	.usage = usage,
	.opts = opt_table,
	.col = 23,
};
