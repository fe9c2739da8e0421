/* SPDX-License-Identifier: GPL-2.0-only */
/* tool.h - what the ima-carry subcommands share: command table, helpers */
#ifndef IMACARRY_TOOL_H
#define IMACARRY_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#include "imacarry.h"

/* Exit codes, as documented in ima-carry(8). */
enum {
	TOOL_EXIT_OK = 0,
	TOOL_EXIT_INVALID = 1,	/* invalid input, I/O error or mismatch */
	TOOL_EXIT_USAGE = 2,
};

/* One option of a subcommand; -h/--help is added to every table. */
struct tool_opt {
	const char *name;	/* the long name */
	int has_arg;		/* no_argument or required_argument */
	int val;		/* the short option, returned by tool_getopt() */
	const char *arg;	/* the argument's name in the help, or NULL */
	const char *help;	/* '\n' starts a line at the help column */
};

/* The most options a table holds, -h/--help not counted. */
#define TOOL_OPTS_MAX	8

/* One subcommand: kmod's shape, one file per entry. */
struct tool_cmd {
	const char *name;
	int (*cmd)(int argc, char *argv[]);
	const char *help;		/* its line in the tool's help */
	const char *usage;		/* --help: the text above the options */
	const struct tool_opt *opts;	/* ends with an entry without name */
	int col;			/* --help: where options' help starts */
};

extern const struct tool_cmd tool_cmd_dump;
extern const struct tool_cmd tool_cmd_pack;
extern const struct tool_cmd tool_cmd_inject;
extern const struct tool_cmd tool_cmd_extract;
extern const struct tool_cmd tool_cmd_replay;
extern const struct tool_cmd tool_cmd_verify;
extern const struct tool_cmd tool_cmd_check;

/* Set by the global -q: no summaries on stderr, errors only. */
extern bool tool_quiet;

/* ---- util.c: messages, numbers, whole files in and out ---- */

#define TOOL_PROG	"ima-carry"

void tool_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tool_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "CMD: MSG" and a hint to --help; returns TOOL_EXIT_USAGE. */
int tool_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));


/* "FILE: <strerror>"; tool_input_err() adds where, for an input's fault. */
void tool_err_at(const char *file, int err);

/* Parses a decimal in [min, max]; false on anything else. */
bool tool_parse_uint(const char *s, unsigned long min, unsigned long max,
		     unsigned long *out);

/*
 * Parses a --digest-size value: 0 (detect), 20, 32, 48 or 64. Returns 0, or
 * the usage exit code after saying what is wrong.
 */
int tool_opt_digest_size(const char *cmd, const char *s, unsigned int *out);

/* Parses exactly @size bytes of hex (either case); false otherwise. */
bool tool_parse_hex(const char *s, size_t slen, uint8_t *out, size_t size);

/* Writes @len bytes as lower-case hex into @out (2 * @len + 1 bytes). */
void tool_hex(const uint8_t *p, size_t len, char *out);

/* A whole input file: mapped when it is a regular file, read otherwise. */
struct tool_file {
	const uint8_t *buf;
	size_t len;
	bool mapped;		/* mmap(2)ed, else malloc'd */
};

/*
 * Reads all of @path ("-" = stdin): a non-empty regular file is mapped
 * read-only; anything else, or what mmap refuses (a pipe, securityfs, a
 * sysfs attribute), is read into a growing buffer.
 * Release with tool_file_free(). Prints its error.
 */
int tool_read_file(const char *path, struct tool_file *f);

/* Releases what tool_read_file() (or a malloc'd f->buf) holds. */
void tool_file_free(struct tool_file *f);

/*
 * Writes @len bytes to @path through a temporary file in the same directory
 * and rename(2), so that a failure never leaves a half-written @path; "-"
 * writes to stdout. Prints its error.
 */
int tool_write_file(const char *path, const void *buf, size_t len);

/* The most parts tool_write_filev() takes. */
#define TOOL_WRITE_PARTS	4

/* tool_write_file() of @n (<= TOOL_WRITE_PARTS) buffers in a row. */
int tool_write_filev(const char *path, const struct iovec *iov, int n);

/* -o OUT check before any work: binary data never goes to a terminal. */
int tool_check_output(const char *cmd, const char *out);

/* Flushes stdout and reports a write error (a full disk, a closed pipe). */
int tool_flush_stdout(void);

/* ---- options.c: one table drives getopt_long and --help ---- */

/* Prints @cmd's usage and its options' help to stdout. */
void tool_help(const struct tool_cmd *cmd);

/* What tool_getopt() leaves for the command. */
struct tool_args {
	int status;		/* -1: go on; else the exit code */
	unsigned int digest_size;	/* --digest-size (0: detect) */
};

/*
 * getopt_long() over @cmd's options: returns the next option's val, or -1
 * when the command is done with options. Then a->status is -1 if the
 * command goes on (optind is its first operand), or its exit code: -h or
 * --help printed the help, or an unknown option, a missing argument or a
 * bad value was reported. It parses -d/--digest-size, which dump, replay
 * and check take alike, into a->digest_size.
 */
int tool_getopt(int argc, char *argv[], const struct tool_cmd *cmd,
		struct tool_args *a);

/*
 * After tool_getopt(), the operand of a command that takes at most one:
 * sets *@arg (NULL without one). Returns 0, or the usage exit code after
 * saying there are too many.
 */
int tool_opt_operand(const char *cmd, int argc, char *argv[],
		     const char **arg);

/* ---- input.c: any input (list, blob, device tree, live) as a list ---- */

struct tool_input {
	const char *name;		/* for messages */
	struct tool_file file;		/* the bytes read, owned */
	enum imacarry_kind kind;	/* what the bytes hold */
	bool live;			/* read from securityfs */

	/* blob and device tree inputs */
	const uint8_t *blob;		/* points into buf */
	size_t blob_len;
	size_t blob_off;		/* where the blob starts in the file */
	struct imacarry_blob open;	/* the blob opened, checked once */
	int open_err;			/* what imacarry_blob_open() said */
	struct imacarry_where open_where;

	/* a kexec buffer: struct ima_kexec_hdr, then the list */
	bool kbuf;

	struct imacarry_list list;
	bool has_count;			/* count is known up front */
	uint64_t count;
	bool bounded;			/* a live list read unchecked: the
					 * walk stops after count records */
};

/* tool_input_read(): the live list unchecked (see tool_input_next()). */
#define TOOL_INPUT_UNCHECKED	1u

/*
 * Reads @path (NULL: the live list, "-": stdin), finds the blob in it and
 * opens it (in->open: checked once; an error waits for tool_input_list()).
 * @flags: TOOL_INPUT_UNCHECKED leaves the live list unwalked, for a caller
 * that walks it with tool_input_next().
 */
int tool_input_read(struct tool_input *in, const char *path,
		    unsigned int flags);

/*
 * Makes in->list: a list view of a list file, or of a checked and unpacked
 * blob. @digest_size is --digest-size (0: detect); blobs carry SHA-1 lists.
 */
int tool_input_list(struct tool_input *in, unsigned int digest_size);

/* tool_input_read() and tool_input_list() together. */
int tool_input_open(struct tool_input *in, const char *path,
		    unsigned int digest_size);

void tool_input_close(struct tool_input *in);

/*
 * imacarry_list_next() of in->list, where @n records were walked so far.
 * A live list read with TOOL_INPUT_UNCHECKED ends after in->count records,
 * and -IMACARRY_ERR_COUNT (@w: where the whole records end) is a walk that
 * ends or meets a cut-off record before them, as imacarry_snapshot_read()
 * says: this walk is the one walk.
 */
int tool_input_next(const struct tool_input *in, uint64_t *pos,
		    struct imacarry_entry *e, uint64_t n,
		    struct imacarry_where *w);

/*
 * Writes where @w points in @in, as messages show it: an offset in the
 * file where the file holds @w's origin byte for byte (a device tree's
 * blob also "(linux,ima-carry + N)" with @prop), else the offset in what
 * it counts in ("offset N in the carried list"); ", entry M" for a list.
 */
void tool_input_where(const struct tool_input *in,
		      const struct imacarry_where *w, bool prop, char *buf,
		      size_t size);

/* Reports "FILE: offset N[, entry M]: <strerror>" (NULL @w: no position). */
void tool_input_err(const struct tool_input *in, int err,
		    const struct imacarry_where *w);

/* After a walk of @n entries: refuses a count other than the header's. */
int tool_input_end(const struct tool_input *in, uint64_t n);

/*
 * Packs in->list into a malloc'd blob, walking it once unless it is
 * checked. Refuses lists that are not SHA-1 lists and, naming the entry,
 * the legacy 'ima' template. Sets @hdr to the header written.
 */
int tool_input_pack(const struct tool_input *in, unsigned int flags,
		    uint8_t **blob, size_t *blob_len,
		    struct imacarry_blob_hdr *hdr);

/*
 * The uncompressed pack without a copy: the blob is @prefix followed by
 * in->list's bytes. Refuses what tool_input_pack() refuses, with the same
 * messages. Sets @hdr.
 */
int tool_input_pack_stored(const struct tool_input *in,
			   uint8_t prefix[IMACARRY_STORED_PREFIX_SIZE],
			   struct imacarry_blob_hdr *hdr);

#endif /* IMACARRY_TOOL_H */
