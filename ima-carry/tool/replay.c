// SPDX-License-Identifier: GPL-2.0-only
/* replay.c - `ima-carry replay`: the PCR values a list extends to, per bank */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "imacarry.h"

#include "tool.h"

#define CMD	"replay"

static const char usage[] =
	"Usage: " TOOL_PROG " " CMD " [--bank ALG[:padded]]... [--pcr N] [--initial ALG:PCR:HEX]...\n"
	"                        [--digest-size N] [FILE]\n"
	"Replay a list and print one 'ALG PCR HEX' line per bank and PCR.\n"
	"Template digests that do not match their data are reported on stderr\n"
	"(exit status 1).\n"
	"\n"
	"FILE is a list, a carry blob or a device tree; '-' reads stdin; without\n"
	"FILE, the live list in $IMACARRY_SECURITYFS.\n"
	"\n";

static const struct tool_opt opt_table[] = {
	{ "bank", required_argument, 'b', "ALG[:padded]",
	  "sha1, sha256, sha384, sha512 or sm3 (repeatable;\n"
	  "default: sha1 and sha256); ALG:padded replays\n"
	  "the bank as a kernel that had no ALG at IMA init\n"
	  "extends it: SHA-1 template digests, zero-padded" },
	{ "pcr", required_argument, 'p', "N",
	  "only PCR N (default: every PCR the list extends)" },
	{ "initial", required_argument, 'i', "ALG:PCR:HEX",
	  "start PCR in bank ALG at HEX, not zero" },
	{ "digest-size", required_argument, 'd', "N",
	  "template digest size of a list: 20, 32, 48, 64" },
	{ NULL }
};

struct initial {
	enum imacarry_algo algo;
	unsigned int pcr;
	uint8_t value[IMACARRY_DIGEST_MAX];
	unsigned int len;
};

#define MAX_INITIAL	(IMACARRY_ALGO__MAX * IMACARRY_PCR_MAX)

/* ALG:PCR:HEX, the hex exactly the bank's size. */
static bool parse_initial(const char *s, struct initial *ini)
{
	const char *c1 = strchr(s, ':'), *c2;
	char name[16], num[8];
	unsigned long pcr;
	int algo;

	if (!c1 || (size_t)(c1 - s) >= sizeof(name))
		return false;
	c2 = strchr(c1 + 1, ':');
	if (!c2 || (size_t)(c2 - c1 - 1) >= sizeof(num))
		return false;
	memcpy(name, s, (size_t)(c1 - s));
	name[c1 - s] = '\0';
	memcpy(num, c1 + 1, (size_t)(c2 - c1 - 1));
	num[c2 - c1 - 1] = '\0';
	algo = imacarry_algo_by_name(name);
	if (algo < 0 ||
	    !tool_parse_uint(num, 0, IMACARRY_PCR_MAX - 1, &pcr))
		return false;
	ini->algo = (enum imacarry_algo)algo;
	ini->pcr = (unsigned int)pcr;
	ini->len = imacarry_algo_size(ini->algo);
	return tool_parse_hex(c2 + 1, strlen(c2 + 1), ini->value, ini->len);
}

static bool has_bank(const enum imacarry_algo *banks, unsigned int n,
		     enum imacarry_algo a)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (banks[i] == a)
			return true;
	return false;
}

/* ALG or ALG:padded: 0, -1 for an unknown ALG, -2 for another form. */
static int parse_bank(const char *s, enum imacarry_algo *algo,
		      enum imacarry_form *form)
{
	const char *colon = strchr(s, ':');
	char name[16];
	size_t len = colon ? (size_t)(colon - s) : strlen(s);
	int a;

	if (len >= sizeof(name))
		return -1;
	memcpy(name, s, len);
	name[len] = '\0';
	a = imacarry_algo_by_name(name);
	if (a < 0)
		return -1;
	if (colon && strcmp(colon + 1, "padded"))
		return -2;
	*algo = (enum imacarry_algo)a;
	*form = colon ? IMACARRY_FORM_PADDED_SHA1 : IMACARRY_FORM_HASH;
	return 0;
}

/* Adds a --bank; the same one again is fine, in another form it is not. */
static int add_bank(enum imacarry_algo *banks, enum imacarry_form *forms,
		    unsigned int *n, const char *arg)
{
	enum imacarry_algo a;
	enum imacarry_form f;
	unsigned int i;

	switch (parse_bank(arg, &a, &f)) {
	case -1:
		return tool_usage(CMD, "unknown bank '%s' (sha1, sha256, sha384, sha512 or sm3)",
				  arg);
	case -2:
		return tool_usage(CMD, "unknown form of bank '%s' (ALG or ALG:padded)",
				  arg);
	}
	for (i = 0; i < *n; i++) {
		if (banks[i] != a)
			continue;
		if (forms[i] == f)
			return 0;
		/* One PCR value per bank: a TPM's bank has only one. */
		return tool_usage(CMD, "bank %s given both as %s and as %s:padded",
				  imacarry_algo_name(a), imacarry_algo_name(a),
				  imacarry_algo_name(a));
	}
	banks[*n] = a;
	forms[(*n)++] = f;
	return 0;
}

/* Extends every entry; a digest mismatch is reported and the walk goes on. */
static int walk(struct tool_input *in, struct imacarry_replay *r,
		unsigned int *bad)
{
	struct imacarry_where w = { 0 };
	struct imacarry_entry e;
	uint64_t pos = 0, n = 0;
	int ret;

	memset(&e, 0, sizeof(e));
	while ((ret = imacarry_list_next(&in->list, &pos, &e, &w)) > 0) {
		n++;
		ret = imacarry_replay_extend(r, &in->list, &e);
		if (ret == -IMACARRY_ERR_DIGEST) {
			w.offset = e.offset;
			w.index = e.index;
			tool_input_err(in, ret, &w);
			(*bad)++;
			continue;
		}
		if (ret < 0) {
			tool_err_at(in->name, ret);
			return -1;
		}
	}
	if (ret < 0) {
		tool_input_err(in, ret, &w);
		return -1;
	}
	return tool_input_end(in, n);
}

static void print(const struct imacarry_replay *r,
		  const enum imacarry_algo *banks, unsigned int nbanks,
		  int only_pcr, const bool *initial)
{
	uint8_t v[IMACARRY_DIGEST_MAX];
	char hex[2 * IMACARRY_DIGEST_MAX + 1];
	unsigned int b, pcr;
	int len;

	for (b = 0; b < nbanks; b++) {
		for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++) {
			if (only_pcr >= 0 && pcr != (unsigned int)only_pcr)
				continue;
			if (only_pcr < 0 && !imacarry_replay_touched(r, pcr) &&
			    !initial[pcr])
				continue;
			len = imacarry_replay_get(r, banks[b], pcr, v,
						  sizeof(v));
			if (len < 0)
				continue;
			tool_hex(v, (size_t)len, hex);
			printf("%s %u %s\n", imacarry_algo_name(banks[b]), pcr,
			       hex);
		}
	}
}

static int do_replay(int argc, char *argv[])
{
	enum imacarry_algo banks[IMACARRY_ALGO__MAX];
	enum imacarry_form forms[IMACARRY_ALGO__MAX];
	struct initial inis[MAX_INITIAL];
	bool initial[IMACARRY_PCR_MAX] = { false };
	unsigned int nbanks = 0, ninis = 0, bad = 0, i;
	struct imacarry_replay *r;
	struct tool_input in;
	unsigned long pcr;
	const char *path;
	int only_pcr = -1;
	struct tool_args a = { 0 };
	int c, ret;

	while ((c = tool_getopt(argc, argv, &tool_cmd_replay, &a)) != -1) {
		switch (c) {
		case 'b':
			if (add_bank(banks, forms, &nbanks, optarg))
				return TOOL_EXIT_USAGE;
			break;
		case 'p':
			if (!tool_parse_uint(optarg, 0, IMACARRY_PCR_MAX - 1,
					     &pcr))
				return tool_usage(CMD, "invalid PCR '%s' (0..23)",
						  optarg);
			only_pcr = (int)pcr;
			break;
		case 'i':
			if (ninis == MAX_INITIAL)
				return tool_usage(CMD, "too many --initial");
			if (!parse_initial(optarg, &inis[ninis]))
				return tool_usage(CMD, "invalid --initial '%s' (ALG:PCR:HEX, HEX the bank's size)",
						  optarg);
			ninis++;
			break;
		}
	}
	if (a.status >= 0)
		return a.status;
	if (tool_opt_operand(CMD, argc, argv, &path))
		return TOOL_EXIT_USAGE;
	if (!nbanks) {
		forms[nbanks] = IMACARRY_FORM_HASH;
		banks[nbanks++] = IMACARRY_ALGO_SHA1;
		forms[nbanks] = IMACARRY_FORM_HASH;
		banks[nbanks++] = IMACARRY_ALGO_SHA256;
	}
	for (i = 0; i < ninis; i++)
		if (!has_bank(banks, nbanks, inis[i].algo))
			return tool_usage(CMD, "--initial for %s, which is not a --bank",
					  imacarry_algo_name(inis[i].algo));

	if (tool_input_open(&in, path,
			    a.digest_size) < 0)
		return TOOL_EXIT_INVALID;
	ret = imacarry_replay_new_forms(&r, banks, forms, nbanks);
	if (ret < 0) {
		tool_err("replay: %s", imacarry_strerror(ret));
		tool_input_close(&in);
		return TOOL_EXIT_INVALID;
	}
	for (i = 0, ret = 0; i < ninis && ret >= 0; i++) {
		ret = imacarry_replay_set(r, inis[i].algo, inis[i].pcr,
					  inis[i].value, inis[i].len);
		if (ret < 0)
			tool_err("--initial %s:%u: %s",
				 imacarry_algo_name(inis[i].algo), inis[i].pcr,
				 imacarry_strerror(ret));
		initial[inis[i].pcr] = true;
	}
	if (ret >= 0)
		ret = walk(&in, r, &bad);
	if (ret == 0)
		print(r, banks, nbanks, only_pcr, initial);
	imacarry_replay_free(r);
	tool_input_close(&in);
	if (ret < 0 || bad)
		return TOOL_EXIT_INVALID;
	return TOOL_EXIT_OK;
}

const struct tool_cmd tool_cmd_replay = {
	.name = CMD,
	.cmd = do_replay,
	.help = "print the PCR values a list extends to, per bank",
	.usage = usage,
	.opts = opt_table,
	.col = 24,
};
