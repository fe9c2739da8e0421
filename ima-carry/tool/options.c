// SPDX-License-Identifier: GPL-2.0-only
/* options.c - one table per subcommand drives both getopt_long and --help */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "tool.h"

/* Every command takes -h/--help; the tables leave it out. */
static const struct tool_opt help_opt = {
	"help", no_argument, 'h', NULL, "show this help",
};

static void opt_line(const struct tool_opt *opt, int col)
{
	const char *help = opt->help;
	const char *nl;
	int n;

	n = printf("  -%c, --%s", opt->val, opt->name);
	if (opt->arg)
		n += printf(" %s", opt->arg);
	/* A long left side gets its help on the next line. */
	if (n + 2 > col) {
		putchar('\n');
		n = 0;
	}
	for (;;) {
		printf("%*s", col - n, "");
		nl = strchr(help, '\n');
		if (!nl) {
			printf("%s\n", help);
			return;
		}
		printf("%.*s\n", (int)(nl - help), help);
		help = nl + 1;
		n = 0;
	}
}

void tool_help(const struct tool_cmd *cmd)
{
	const struct tool_opt *opt;

	fputs(cmd->usage, stdout);
	for (opt = cmd->opts; opt->name; opt++)
		opt_line(opt, cmd->col);
	opt_line(&help_opt, cmd->col);
}

static int bad_option(const char *cmd, int c, char *argv[])
{
	const char *arg = argv[optind - 1];
	char shortopt[3] = { '-', (char)optopt, '\0' };

	/* A long option is in argv; optopt names a short one. */
	if (strncmp(arg, "--", 2) && optopt)
		arg = shortopt;
	if (c == ':')
		return tool_usage(cmd, "option '%s' needs an argument", arg);
	return tool_usage(cmd, "unknown option '%s'", arg);
}

int tool_getopt(int argc, char *argv[], const struct tool_cmd *cmd,
		struct tool_args *a)
{
	struct option lo[TOOL_OPTS_MAX + 2];
	/* ':', then up to "x:" per option and 'h' */
	char so[1 + 2 * (TOOL_OPTS_MAX + 1) + 1];
	const struct tool_opt *opt;
	size_t i, s = 0;
	int c;

	so[s++] = ':';
	for (i = 0; i < TOOL_OPTS_MAX && cmd->opts[i].name; i++) {
		opt = &cmd->opts[i];
		lo[i] = (struct option){ opt->name, opt->has_arg, NULL,
					 opt->val };
		so[s++] = (char)opt->val;
		if (opt->has_arg == required_argument)
			so[s++] = ':';
	}
	lo[i++] = (struct option){ help_opt.name, no_argument, NULL, 'h' };
	lo[i] = (struct option){ NULL, 0, NULL, 0 };
	so[s++] = 'h';
	so[s] = '\0';

	for (;;) {
		c = getopt_long(argc, argv, so, lo, NULL);
		switch (c) {
		case 'd':
			if (tool_opt_digest_size(cmd->name, optarg,
						 &a->digest_size)) {
				a->status = TOOL_EXIT_USAGE;
				return -1;
			}
			continue;
		case 'h':
			tool_help(cmd);
			a->status = TOOL_EXIT_OK;
			return -1;
		case '?':
		case ':':
			a->status = bad_option(cmd->name, c, argv);
			return -1;
		case -1:
			a->status = -1;
			return -1;
		default:
			return c;
		}
	}
}

int tool_opt_operand(const char *cmd, int argc, char *argv[],
		     const char **arg)
{
	if (argc - optind > 1)
		return tool_usage(cmd, "too many arguments");
	*arg = optind < argc ? argv[optind] : NULL;
	return 0;
}
