// SPDX-License-Identifier: GPL-2.0-only
/* ima-carry.c - main(): global options, then the subcommand from the table */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "imacarry.h"

#include "tool.h"

static const struct tool_cmd *const cmds[] = {
	&tool_cmd_dump,
	&tool_cmd_pack,
	&tool_cmd_inject,
	&tool_cmd_extract,
	&tool_cmd_replay,
	&tool_cmd_verify,
	&tool_cmd_check,
};

#define NCMDS	(sizeof(cmds) / sizeof(cmds[0]))

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};

static void help(FILE *f)
{
	size_t i;

	fputs("Usage: " TOOL_PROG " [-q] COMMAND [OPTIONS] [ARGS]\n"
	      "Carry the IMA measurement list across kexec_load, and check it.\n"
	      "\n"
	      "Options:\n"
	      "  -q, --quiet     print errors only\n"
	      "  -V, --version   show the version\n"
	      "  -h, --help      show this help\n"
	      "\n"
	      "Commands:\n", f);
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  %-9s %s\n", cmds[i]->name, cmds[i]->help);
	fputs("  help      show this help, or a command's: help COMMAND\n"
	      "\n"
	      "Exit status: 0 ok, 1 invalid input or mismatch, 2 usage.\n"
	      "See ima-carry(8).\n", f);
}

static const struct tool_cmd *lookup(const char *name)
{
	size_t i;

	for (i = 0; i < NCMDS; i++)
		if (!strcmp(cmds[i]->name, name))
			return cmds[i];
	return NULL;
}

static int run(const struct tool_cmd *cmd, int argc, char *argv[])
{
	int ret;

	/* Each command parses its own options from scratch. */
	optind = 0;
	ret = cmd->cmd(argc, argv);
	if (tool_flush_stdout() < 0 && ret == TOOL_EXIT_OK)
		ret = TOOL_EXIT_INVALID;
	return ret;
}

static int help_cmd(int argc, char *argv[])
{
	const struct tool_cmd *cmd;
	char *hargv[] = { NULL, (char *)"--help", NULL };

	if (argc < 2) {
		help(stdout);
		return TOOL_EXIT_OK;
	}
	if (argc > 2) {
		fputs(TOOL_PROG " help: too many arguments\n", stderr);
		return TOOL_EXIT_USAGE;
	}
	cmd = lookup(argv[1]);
	if (!cmd) {
		fprintf(stderr, TOOL_PROG ": unknown command '%s'\n", argv[1]);
		return TOOL_EXIT_USAGE;
	}
	hargv[0] = argv[1];
	return run(cmd, 2, hargv);
}

int main(int argc, char *argv[])
{
	const struct tool_cmd *cmd;
	int c;

	/* "+": stop at the command name; what follows is the command's. */
	while ((c = getopt_long(argc, argv, "+hVq", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			help(stdout);
			return TOOL_EXIT_OK;
		case 'V':
			puts(TOOL_PROG " " PACKAGE_VERSION);
			return TOOL_EXIT_OK;
		case 'q':
			tool_quiet = true;
			break;
		default:
			fputs("Try '" TOOL_PROG " --help'.\n", stderr);
			return TOOL_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(TOOL_PROG ": missing command\n", stderr);
		help(stderr);
		return TOOL_EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (!strcmp(argv[0], "help"))
		return help_cmd(argc, argv);
	cmd = lookup(argv[0]);
	if (!cmd) {
		fprintf(stderr, TOOL_PROG ": unknown command '%s'\n"
			"Try '" TOOL_PROG " --help'.\n", argv[0]);
		return TOOL_EXIT_USAGE;
	}
	return run(cmd, argc, argv);
}
