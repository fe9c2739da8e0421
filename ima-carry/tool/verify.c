// SPDX-License-Identifier: GPL-2.0-only
/* verify.c - `ima-carry verify`: replay against PCR values, and say why not */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "imacarry.h"

#include "tool.h"

#define CMD	"verify"

/* Where IMA extends by default (CONFIG_IMA_MEASURE_PCR_IDX). */
#define IMA_PCR	10

static const char usage[] =
	"Usage: " TOOL_PROG " " CMD " (--pcrs FILE | --tpm DIR) [FILE]\n"
	"Replay a list and compare it with PCR values; exit 0 only if every bank\n"
	"matches and every template digest matches its data. A bank matches in\n"
	"its own hash or as zero-padded SHA-1, which is what a kernel that had\n"
	"no such hash at IMA init extends, or, in a list carried across soft\n"
	"reboots, each boot (from its boot_aggregate) in either form; which one\n"
	"is said. On a mismatch, say whether the list has entries the PCR value\n"
	"had not seen yet (the quote was taken earlier) or lacks measurements\n"
	"(the load->execute gap).\n"
	"\n"
	"FILE is a list, a carry blob or a device tree; '-' reads stdin; without\n"
	"FILE, the live list in $IMACARRY_SECURITYFS.\n"
	"\n";

static const struct tool_opt opt_table[] = {
	{ "pcrs", required_argument, 'p', "FILE",
	  "'ALG PCR HEX' lines (as 'replay' prints them)" },
	{ "tpm", required_argument, 't', "DIR",
	  "a TPM's sysfs directory, e.g. /sys/class/tpm/tpm0:\n"
	  "reads DIR/pcr-ALG/N for every bank it has" },
	{ NULL }
};

/* What one replay learnt about an expected value. */
struct seen {
	bool reached;		/* the replay passed through the value */
	bool at_start;		/* ... before the first entry */
	uint64_t reached_at;	/* entry index where it did */
	uint64_t extra;		/* extends of the PCR after that */
};

/* One expected PCR value, followed in both forms of its bank. */
struct expect {
	bool want;
	uint8_t value[IMACARRY_DIGEST_MAX];
	struct seen seen[IMACARRY_FORM__MAX];
};

/*
 * Every bank is replayed twice in the one pass: in its own hash (r[HASH],
 * every bank) and as zero-padded SHA-1 (r[PADDED], every bank but SHA-1,
 * which is the same in both). Which form a TPM's bank is in depends on the
 * kernel's crypto at IMA init, which the PCR values do not say.
 */
struct verify {
	const char *source;	/* the --pcrs file or --tpm dir */
	struct expect exp[IMACARRY_ALGO__MAX][IMACARRY_PCR_MAX];
	enum imacarry_algo banks[IMACARRY_ALGO__MAX];
	unsigned int nbanks;
	struct imacarry_replay *r[IMACARRY_FORM__MAX];
	bool tpm;
	unsigned int nboots;	/* boot_aggregate entries, the first one too */
	struct search *search[IMACARRY_ALGO__MAX];	/* by bank index */
};

/*
 * A chained list (kexec carrying it from kernel to kernel) can hold boots
 * whose kernels extended a bank in different forms: Debian's 6.1 extends
 * sha384 padded, its 6.12 natively. Each boot is then in one form, so a
 * bank that matches in neither whole-list form is searched per boot: the
 * set of PCR values reachable after each boot, every boot in either form.
 *
 * Extends are sequential (PCR = H(PCR || d)), so a boot's part cannot be
 * summed up and combined later: each boot is replayed from every value
 * reachable before it. That happens in one more walk of the list, taken
 * only for such banks: each entry's template digest is hashed once per
 * form (imacarry_replay_extend()), and every candidate value is extended
 * with it (imacarry_replay_extend_value()), which costs one extend per
 * candidate and entry. Memory is allocated per boot, never per entry: the
 * candidate values of the boot being walked, and each boot's step record
 * (which value and form each surviving value came from), to name the forms.
 * Values that coincide are merged, yet k boots still reach up to 2^k
 * values: SEARCH_STATES bounds it.
 */
#define SEARCH_STATES	4096
#define FORM_EITHER	IMACARRY_FORM__MAX	/* both forms extend the same */

/* How one value after a boot was reached: from which value before it. */
struct step {
	unsigned int parent;	/* index into the previous boot's values */
	unsigned int form;	/* enum imacarry_form, or FORM_EITHER */
};

/* Where a candidate first passed through an expected value. */
struct search_seen {
	bool reached;
	uint64_t reached_at;	/* entry index */
	uint64_t extra;		/* extends of the PCR after it */
	unsigned int boot;	/* 1-based */
	unsigned int cand;
};

struct search {
	unsigned int b;			/* index into v->banks */
	size_t size;			/* the bank's digest size */
	unsigned int nslots;		/* the compared PCRs, one slot each */
	int slot[IMACARRY_PCR_MAX];	/* PCR -> slot, -1 if not compared */
	unsigned int pcr[IMACARRY_PCR_MAX];	/* slot -> PCR */
	bool over;			/* gave up: over SEARCH_STATES */
	unsigned int total;		/* boots in the list */
	/*
	 * Boot nboots's candidates: candidate j is value j / 2 after the boot
	 * before (hist[nboots - 1]) with this boot in form j % 2.
	 */
	unsigned int nboots;
	unsigned int ncand;
	uint8_t *cand;			/* ncand * nslots * size bytes */
	struct step **hist;		/* hist[i]: the values after boot i */
	unsigned int *nhist;
	struct search_seen seen[IMACARRY_PCR_MAX];	/* by slot */
	bool matched;
	unsigned int match;		/* the matching candidate */
};

/* The text that says a value is of the padded form. */
#define PADDED_TEXT	"zero-padded SHA-1"

static int set_expect(struct verify *v, enum imacarry_algo algo,
		      unsigned int pcr, const char *hex, size_t hexlen)
{
	struct expect *x = &v->exp[algo][pcr];

	if (!tool_parse_hex(hex, hexlen, x->value, imacarry_algo_size(algo)))
		return -1;
	x->want = true;
	return 0;
}

/* Splits off the next blank-separated word of [*p, end). */
static size_t word(const char **p, const char *end, const char **w)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	*w = s;
	while (s < end && *s != ' ' && *s != '\t' && *s != '\r')
		s++;
	*p = s;
	return (size_t)(s - *w);
}

static int parse_pcrs_line(struct verify *v, const char *p, const char *end)
{
	const char *alg, *num, *hex, *rest;
	size_t alen, nlen, hlen;
	char name[16], pcrs[8];
	unsigned long pcr;
	int algo;

	alen = word(&p, end, &alg);
	if (!alen || *alg == '#')
		return 0;
	nlen = word(&p, end, &num);
	hlen = word(&p, end, &hex);
	if (word(&p, end, &rest) || !nlen || !hlen ||
	    alen >= sizeof(name) || nlen >= sizeof(pcrs))
		return -1;
	memcpy(name, alg, alen);
	name[alen] = '\0';
	memcpy(pcrs, num, nlen);
	pcrs[nlen] = '\0';
	algo = imacarry_algo_by_name(name);
	if (algo < 0 || !tool_parse_uint(pcrs, 0, IMACARRY_PCR_MAX - 1, &pcr))
		return -1;
	return set_expect(v, (enum imacarry_algo)algo, (unsigned int)pcr,
			  hex, hlen);
}

static int read_pcrs(struct verify *v, const char *path)
{
	const char *p, *end, *nl;
	unsigned int line = 0;
	struct tool_file f;

	if (tool_read_file(path, &f) < 0)
		return -1;
	p = (const char *)f.buf;
	end = p + f.len;
	for (; p < end; p = nl + 1) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		if (parse_pcrs_line(v, p, nl) < 0) {
			tool_err("%s: line %u: expected 'ALG PCR HEX' (a known bank, PCR 0..23, HEX the bank's size)",
				 path, line);
			tool_file_free(&f);
			return -1;
		}
	}
	tool_file_free(&f);
	return 0;
}

/* DIR/pcr-ALG/N: hex, upper case in Linux, with a newline. */
static int read_tpm_pcr(struct verify *v, enum imacarry_algo algo,
			const char *dir, unsigned int pcr)
{
	char path[4096];
	struct tool_file f;
	size_t len;
	int ret;

	snprintf(path, sizeof(path), "%s/pcr-%s/%u", dir,
		 imacarry_algo_name(algo), pcr);
	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 0;
	if (tool_read_file(path, &f) < 0)
		return -1;
	len = f.len;
	while (len && (f.buf[len - 1] == '\n' || f.buf[len - 1] == '\r'))
		len--;
	ret = set_expect(v, algo, pcr, (const char *)f.buf, len);
	if (ret < 0)
		tool_err("%s: not %u bytes of hex", path,
			 imacarry_algo_size(algo));
	tool_file_free(&f);
	return ret;
}

static int read_tpm(struct verify *v, const char *dir)
{
	char path[4096];
	struct stat st;
	enum imacarry_algo a;
	unsigned int pcr;
	bool any = false;

	for (a = 0; a < IMACARRY_ALGO__MAX; a++) {
		snprintf(path, sizeof(path), "%s/pcr-%s", dir,
			 imacarry_algo_name(a));
		if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		any = true;
		for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++)
			if (read_tpm_pcr(v, a, dir, pcr) < 0)
				return -1;
	}
	if (!any) {
		tool_err("%s: no pcr-ALG directories (a TPM 2.0 on Linux >= 5.12 has them)",
			 dir);
		return -1;
	}
	return 0;
}

/* The banks to replay: those with a value and a hash OpenSSL has. */
static int pick_banks(struct verify *v)
{
	struct imacarry_replay *probe;
	enum imacarry_algo a;
	unsigned int pcr;
	bool want;

	for (a = 0; a < IMACARRY_ALGO__MAX; a++) {
		for (want = false, pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++)
			want |= v->exp[a][pcr].want;
		if (!want)
			continue;
		if (imacarry_replay_new(&probe, &a, 1) < 0) {
			tool_err("%s: bank %s: %s; not verified", v->source,
				 imacarry_algo_name(a),
				 imacarry_strerror(-IMACARRY_ERR_ALGO));
			continue;
		}
		imacarry_replay_free(probe);
		v->banks[v->nbanks++] = a;
	}
	if (!v->nbanks) {
		tool_err("%s: no PCR value to verify", v->source);
		return -1;
	}
	return 0;
}

/* Replays both forms of the banks that have a value. */
static int new_replays(struct verify *v)
{
	struct imacarry_replay **padded = &v->r[IMACARRY_FORM_PADDED_SHA1];
	enum imacarry_algo pbanks[IMACARRY_ALGO__MAX];
	enum imacarry_form forms[IMACARRY_ALGO__MAX];
	unsigned int b, n = 0;
	int ret;

	ret = imacarry_replay_new(&v->r[IMACARRY_FORM_HASH], v->banks,
				  v->nbanks);
	for (b = 0; b < v->nbanks && ret == 0; b++) {
		if (v->banks[b] == IMACARRY_ALGO_SHA1)
			continue;
		pbanks[n] = v->banks[b];
		forms[n++] = IMACARRY_FORM_PADDED_SHA1;
	}
	if (ret == 0 && n)
		ret = imacarry_replay_new_forms(padded, pbanks, forms, n);
	if (ret < 0)
		tool_err("replay: %s", imacarry_strerror(ret));
	return ret;
}

/* The value may be one the replay passes through: note where. */
static void track(struct verify *v, unsigned int pcr,
		  const struct imacarry_entry *e)
{
	uint8_t cur[IMACARRY_DIGEST_MAX];
	struct expect *x;
	struct seen *s;
	unsigned int b, f;
	int len;

	for (b = 0; b < v->nbanks; b++) {
		x = &v->exp[v->banks[b]][pcr];
		if (!x->want)
			continue;
		for (f = 0; f < IMACARRY_FORM__MAX; f++) {
			s = &x->seen[f];
			if (s->reached) {
				s->extra++;
				continue;
			}
			/* SHA-1 has no padded replay: its get fails. */
			len = v->r[f] ? imacarry_replay_get(v->r[f],
							    v->banks[b], pcr,
							    cur, sizeof(cur))
				      : -1;
			if (len > 0 && !memcmp(cur, x->value, (size_t)len)) {
				s->reached = true;
				s->at_start = !e;
				s->reached_at = e ? e->index : 0;
			}
		}
	}
}

/*
 * A boot's first entry: the first of the list, or the one a kernel measures
 * first of all (ima_add_boot_aggregate()), whatever its template. Files are
 * measured by path, so no file is named so.
 */
static bool boot_start(const struct imacarry_entry *e)
{
	static const char name[] = "boot_aggregate";
	const struct imacarry_field *f;
	unsigned int i;
	uint32_t len;

	if (!e->index)
		return true;
	for (i = 0; i < e->nfields; i++) {
		if (e->field_id[i] != IMACARRY_FIELD_N_NG &&
		    e->field_id[i] != IMACARRY_FIELD_N)
			continue;
		f = &e->field[i];
		/* n-ng ends in its NUL, the 'ima' template's n does not. */
		len = f->len && !f->data[f->len - 1] ? f->len - 1 : f->len;
		return len == sizeof(name) - 1 && !memcmp(f->data, name, len);
	}
	return false;
}

/* One pass: extend, then compare the PCR just extended. */
static int walk(struct verify *v, struct tool_input *in, unsigned int *bad,
		uint64_t *count)
{
	struct imacarry_replay *padded = v->r[IMACARRY_FORM_PADDED_SHA1];
	struct imacarry_where w = { 0 };
	struct imacarry_entry e;
	uint64_t pos = 0, n = 0;
	unsigned int pcr;
	int ret, pret;

	for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++)
		track(v, pcr, NULL);
	memset(&e, 0, sizeof(e));
	while ((ret = imacarry_list_next(&in->list, &pos, &e, &w)) > 0) {
		n++;
		v->nboots += boot_start(&e);
		ret = imacarry_replay_extend(v->r[IMACARRY_FORM_HASH],
					     &in->list, &e);
		if (padded && (ret == 0 || ret == -IMACARRY_ERR_DIGEST)) {
			/* It checks the same digest as the first: once. */
			pret = imacarry_replay_extend(padded, &in->list, &e);
			if (pret < 0 && pret != -IMACARRY_ERR_DIGEST)
				ret = pret;
		}
		if (ret == -IMACARRY_ERR_DIGEST) {
			w.offset = e.offset;
			w.index = e.index;
			tool_input_err(in, ret, &w);
			(*bad)++;
		} else if (ret < 0) {
			tool_err_at(in->name, ret);
			return -1;
		}
		track(v, e.pcr, &e);
	}
	if (ret < 0) {
		tool_input_err(in, ret, &w);
		return -1;
	}
	*count = n;
	return tool_input_end(in, n);
}

/* The PCRs of bank @b that are compared. */
static bool compared(const struct verify *v, unsigned int b, unsigned int pcr)
{
	if (!v->exp[v->banks[b]][pcr].want)
		return false;
	/*
	 * A TPM has every PCR; the list speaks for the IMA PCR and those it
	 * extends, not the firmware's.
	 */
	return !v->tpm || pcr == IMA_PCR ||
	       imacarry_replay_touched(v->r[IMACARRY_FORM_HASH], pcr);
}

/* Copies bank @b's PCR in form @f to @got; its size, or 0 if none. */
static size_t value(const struct verify *v, unsigned int b,
		    enum imacarry_form f, unsigned int pcr, uint8_t *got)
{
	int len;

	if (!v->r[f])
		return 0;
	len = imacarry_replay_get(v->r[f], v->banks[b], pcr, got,
				  IMACARRY_DIGEST_MAX);
	return len > 0 ? (size_t)len : 0;
}

/* A bank is in one form for all its PCRs: does @f match them all? */
static bool bank_matches(const struct verify *v, unsigned int b,
			 enum imacarry_form f)
{
	uint8_t got[IMACARRY_DIGEST_MAX];
	unsigned int pcr;
	size_t len;

	for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++) {
		if (!compared(v, b, pcr))
			continue;
		len = value(v, b, f, pcr, got);
		if (!len || memcmp(got, v->exp[v->banks[b]][pcr].value, len))
			return false;
	}
	return true;
}

static void search_free(struct search *s, unsigned int nboots)
{
	unsigned int i;

	if (!s)
		return;
	for (i = 0; s->hist && i <= nboots; i++)
		free(s->hist[i]);
	free(s->hist);
	free(s->nhist);
	free(s->cand);
	free(s);
}

/* Boot 1's candidates: both forms from all zeros, as a PCR starts. */
static struct search *search_new(const struct verify *v, unsigned int b)
{
	struct search *s = calloc(1, sizeof(*s));
	unsigned int pcr;

	if (!s)
		return NULL;
	s->b = b;
	s->size = imacarry_algo_size(v->banks[b]);
	for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++) {
		s->slot[pcr] = -1;
		if (!compared(v, b, pcr))
			continue;
		s->slot[pcr] = (int)s->nslots;
		s->pcr[s->nslots++] = pcr;
	}
	s->total = v->nboots;
	s->nboots = 1;
	s->ncand = 2;
	s->hist = calloc(v->nboots + 1, sizeof(*s->hist));
	s->nhist = calloc(v->nboots + 1, sizeof(*s->nhist));
	s->cand = calloc(s->ncand, s->nslots * s->size);
	if (!s->hist || !s->nhist || !s->cand) {
		search_free(s, v->nboots);
		return NULL;
	}
	return s;
}

/* Candidate @j's value of slot @slot. */
static uint8_t *cand_at(const struct search *s, unsigned int j,
			unsigned int slot)
{
	return s->cand + ((size_t)j * s->nslots + slot) * s->size;
}

struct cand_key {
	const uint8_t *val;
	size_t len;
	unsigned int cand;
};

/* By value, then by candidate: the first of equal ones comes first. */
static int cand_cmp(const void *a, const void *b)
{
	const struct cand_key *x = a, *y = b;
	int c = memcmp(x->val, y->val, x->len);

	if (c)
		return c;
	return x->cand < y->cand ? -1 : x->cand > y->cand;
}

/*
 * A new boot starts: the candidates become the values after the boot that
 * ended (equal ones merged), and each of them starts this boot in either
 * form. Returns 0 or -1 (out of memory); sets s->over past the bound.
 */
static int search_next_boot(struct search *s)
{
	size_t w = s->nslots * s->size;
	struct cand_key *keys;
	struct step *st;
	uint8_t *cand = NULL;
	unsigned int i, j, n = 0;

	keys = malloc(s->ncand * sizeof(*keys));
	st = malloc(s->ncand * sizeof(*st));
	if (!keys || !st)
		goto fail;
	for (j = 0; j < s->ncand; j++) {
		keys[j].val = cand_at(s, j, 0);
		keys[j].len = w;
		keys[j].cand = j;
	}
	qsort(keys, s->ncand, sizeof(*keys), cand_cmp);
	for (i = 0; i < s->ncand; i = j) {
		st[n].parent = keys[i].cand / 2;
		st[n].form = keys[i].cand % 2;
		/* Only violations alone extend the same in both forms. */
		for (j = i + 1; j < s->ncand &&
		     !memcmp(keys[i].val, keys[j].val, w); j++)
			if (keys[j].cand / 2 == keys[i].cand / 2)
				st[n].form = FORM_EITHER;
		keys[n++].val = keys[i].val;
	}
	if (2 * n > SEARCH_STATES) {
		s->over = true;
		free(keys);
		free(st);
		free(s->cand);
		s->cand = NULL;
		return 0;
	}
	cand = malloc(2 * n * w);
	if (!cand)
		goto fail;
	for (i = 0; i < n; i++) {
		memcpy(cand + 2 * i * w, keys[i].val, w);
		memcpy(cand + (2 * i + 1) * w, keys[i].val, w);
	}
	s->hist[s->nboots] = st;
	s->nhist[s->nboots] = n;
	s->nboots++;
	free(s->cand);
	s->cand = cand;
	s->ncand = 2 * n;
	free(keys);
	return 0;
fail:
	free(keys);
	free(st);
	tool_err("%s", imacarry_strerror(-IMACARRY_ERR_NOMEM));
	return -1;
}

/* Extends every candidate with @e's digest in its form; notes a reach. */
static int search_extend(const struct verify *v, struct search *s,
			 struct imacarry_replay *const *r,
			 const struct imacarry_entry *e)
{
	enum imacarry_algo algo = v->banks[s->b];
	const uint8_t *want = v->exp[algo][e->pcr].value;
	struct search_seen *seen;
	unsigned int j;
	uint8_t *val;
	int slot = s->slot[e->pcr], ret;

	if (slot < 0)
		return 0;
	seen = &s->seen[slot];
	if (seen->reached)
		seen->extra++;
	for (j = 0; j < s->ncand; j++) {
		val = cand_at(s, j, (unsigned int)slot);
		ret = imacarry_replay_extend_value(r[j % 2], algo, val,
						   s->size);
		if (ret < 0) {
			tool_err("replay: %s", imacarry_strerror(ret));
			return -1;
		}
		if (seen->reached || memcmp(val, want, s->size))
			continue;
		seen->reached = true;
		seen->reached_at = e->index;
		seen->boot = s->nboots;
		seen->cand = j;
	}
	return 0;
}

/* The last boot's candidates: one whose every compared PCR matches? */
static void search_end(const struct verify *v, struct search *s)
{
	const struct expect *x;
	unsigned int j, slot;

	for (j = 0; j < s->ncand; j++) {
		for (slot = 0; slot < s->nslots; slot++) {
			x = &v->exp[v->banks[s->b]][s->pcr[slot]];
			if (memcmp(cand_at(s, j, slot), x->value, s->size))
				break;
		}
		if (slot == s->nslots) {
			s->matched = true;
			s->match = j;
			return;
		}
	}
}

/*
 * One more walk of the list for the banks to search: both forms' digests
 * of each entry once, every candidate extended with them. Digest checks
 * were reported by the first walk.
 */
static int search_walk(struct verify *v, struct tool_input *in)
{
	struct imacarry_replay *r[IMACARRY_FORM__MAX] = { NULL };
	enum imacarry_algo banks[IMACARRY_ALGO__MAX];
	enum imacarry_form forms[IMACARRY_ALGO__MAX];
	struct imacarry_where w = { 0 };
	struct imacarry_entry e;
	struct search *s;
	uint64_t pos = 0;
	unsigned int b, f, n = 0;
	int ret, next;

	for (b = 0; b < v->nbanks; b++) {
		if (!v->search[b])
			continue;
		banks[n] = v->banks[b];
		forms[n++] = IMACARRY_FORM_PADDED_SHA1;
	}
	ret = imacarry_replay_new(&r[IMACARRY_FORM_HASH], banks, n);
	if (ret == 0)
		ret = imacarry_replay_new_forms(&r[IMACARRY_FORM_PADDED_SHA1],
						banks, forms, n);
	if (ret < 0) {
		tool_err("replay: %s", imacarry_strerror(ret));
		goto out;
	}
	memset(&e, 0, sizeof(e));
	while ((next = imacarry_list_next(&in->list, &pos, &e, &w)) > 0) {
		for (f = 0; f < IMACARRY_FORM__MAX; f++) {
			ret = imacarry_replay_extend(r[f], &in->list, &e);
			if (ret < 0 && ret != -IMACARRY_ERR_DIGEST) {
				tool_err_at(in->name, ret);
				goto out;
			}
		}
		ret = 0;
		for (b = 0; b < v->nbanks && ret == 0; b++) {
			s = v->search[b];
			if (!s || s->over)
				continue;
			if (e.index && boot_start(&e))
				ret = search_next_boot(s);
			if (ret == 0 && !s->over)
				ret = search_extend(v, s, r, &e);
		}
		if (ret < 0)
			goto out;
	}
	if (next < 0) {
		tool_input_err(in, next, &w);
		ret = -1;
		goto out;
	}
	for (b = 0; b < v->nbanks; b++)
		if (v->search[b] && !v->search[b]->over)
			search_end(v, v->search[b]);
out:
	for (f = 0; f < IMACARRY_FORM__MAX; f++)
		imacarry_replay_free(r[f]);
	return ret < 0 ? -1 : 0;
}

/*
 * Banks of another size than SHA-1's that match in neither whole-list
 * form, in a list of more than one boot, are searched per boot.
 */
static int search_banks(struct verify *v, struct tool_input *in)
{
	unsigned int b;
	bool any = false;

	if (v->nboots < 2)
		return 0;
	for (b = 0; b < v->nbanks; b++) {
		if (imacarry_algo_size(v->banks[b]) == IMACARRY_SHA1_SIZE ||
		    bank_matches(v, b, IMACARRY_FORM_HASH) ||
		    bank_matches(v, b, IMACARRY_FORM_PADDED_SHA1))
			continue;
		v->search[b] = search_new(v, b);
		if (!v->search[b]) {
			tool_err("%s", imacarry_strerror(-IMACARRY_ERR_NOMEM));
			return -1;
		}
		any = true;
	}
	return any ? search_walk(v, in) : 0;
}

/* The forms of boots 1..@boot that candidate @cand of boot @boot took. */
static void search_trace(const struct search *s, unsigned int boot,
			 unsigned int cand, unsigned int *forms)
{
	unsigned int m = cand / 2, i;

	forms[boot - 1] = cand % 2;
	for (i = boot - 1; i >= 1; i--) {
		forms[i - 1] = s->hist[i][m].form;
		m = s->hist[i][m].parent;
	}
}

/*
 * "boots 1-2 as zero-padded SHA-1, boots 3-4 in sha384" into @buf; sets
 * *@npadded to the number of boots in the padded form.
 */
static void forms_text(const unsigned int *forms, unsigned int n,
		       const char *alg, char *buf, size_t size,
		       unsigned int *npadded)
{
	static const char *const as[] = {
		[IMACARRY_FORM_HASH] = "in ",
		[IMACARRY_FORM_PADDED_SHA1] = "as " PADDED_TEXT,
		[FORM_EITHER] = "either way",
	};
	unsigned int i, j;
	size_t len = 0;
	int k;

	*npadded = 0;
	buf[0] = '\0';
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && forms[j] == forms[i]; j++)
			;
		if (forms[i] == IMACARRY_FORM_PADDED_SHA1)
			*npadded += j - i;
		if (j - i == 1)
			k = snprintf(buf + len, size - len, "%sboot %u %s%s",
				     i ? ", " : "", i + 1, as[forms[i]],
				     forms[i] == IMACARRY_FORM_HASH ? alg : "");
		else
			k = snprintf(buf + len, size - len, "%sboots %u-%u %s%s",
				     i ? ", " : "", i + 1, j, as[forms[i]],
				     forms[i] == IMACARRY_FORM_HASH ? alg : "");
		if (k < 0 || (size_t)k >= size - len)
			return;
		len += (size_t)k;
	}
}

/* The match line of a bank whose boots are in different forms. */
static void search_matched(const struct verify *v,
			   const struct tool_input *in, const struct search *s)
{
	const char *alg = imacarry_algo_name(v->banks[s->b]);
	unsigned int *forms, npadded, j = s->match, slot;
	char text[1024];
	bool either = true;

	if (tool_quiet)
		return;
	forms = malloc(s->nboots * sizeof(*forms));
	if (!forms) {
		tool_err("%s", imacarry_strerror(-IMACARRY_ERR_NOMEM));
		return;
	}
	search_trace(s, s->nboots, j, forms);
	/* Its sibling may match too: the last boot is then either way. */
	for (slot = 0; slot < s->nslots; slot++)
		either &= !memcmp(cand_at(s, j, slot), cand_at(s, j ^ 1, slot),
				  s->size);
	if (either)
		forms[s->nboots - 1] = FORM_EITHER;
	forms_text(forms, s->nboots, alg, text, sizeof(text), &npadded);
	printf("%s: %s: matches, %s: the kernel had no %s at IMA init in %s\n",
	       in->name, alg, text, alg,
	       npadded == 1 ? "that boot" : "those boots");
	free(forms);
}

/*
 * The form to explain a mismatch in: padded only if the padded replay
 * passed through a value and the bank's own hash never did, so that a
 * real gap is never put down to padding.
 */
static enum imacarry_form diagnosis_form(const struct verify *v,
					 unsigned int b)
{
	const struct expect *x;
	bool hash = false, padded = false;
	unsigned int pcr;

	for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++) {
		if (!compared(v, b, pcr))
			continue;
		x = &v->exp[v->banks[b]][pcr];
		hash |= x->seen[IMACARRY_FORM_HASH].reached;
		padded |= x->seen[IMACARRY_FORM_PADDED_SHA1].reached;
	}
	return !hash && padded ? IMACARRY_FORM_PADDED_SHA1 : IMACARRY_FORM_HASH;
}

/*
 * A candidate of the per-boot search passed through the value: "with boots
 * 1-2 as zero-padded SHA-1, boot 3 in sha384, the list has N extra ...".
 */
static bool diagnose_search(const struct tool_input *in, const char *alg,
			    unsigned int pcr, const struct search *s)
{
	const struct search_seen *seen;
	unsigned int *forms, npadded;
	char text[1024];

	if (!s || s->over || s->slot[pcr] < 0)
		return false;
	seen = &s->seen[s->slot[pcr]];
	if (!seen->reached)
		return false;
	forms = malloc(seen->boot * sizeof(*forms));
	if (!forms)
		return false;
	search_trace(s, seen->boot, seen->cand, forms);
	forms_text(forms, seen->boot, alg, text, sizeof(text), &npadded);
	free(forms);
	tool_err("%s: bank %s PCR %u: with %s, the list has %llu extra entries after entry %llu; the quote was taken earlier",
		 in->name, alg, pcr, text, (unsigned long long)seen->extra,
		 (unsigned long long)seen->reached_at);
	return true;
}

static void diagnose(const struct tool_input *in, const char *alg,
		     unsigned int pcr, const struct expect *x,
		     enum imacarry_form f, const struct search *search)
{
	const struct seen *s = &x->seen[f];
	const char *as = f == IMACARRY_FORM_HASH ? "" :
			 "as " PADDED_TEXT ", ";

	if (!s->reached && diagnose_search(in, alg, pcr, search))
		return;
	/* Not searched through: a gap and mixed forms look the same. */
	if (!s->reached && search && search->over) {
		tool_err("%s: bank %s: the list is missing measurements, or its %u boots extended the bank in different forms: each boot in either form would be more than %d PCR values to follow, not tried",
			 in->name, alg, search->total, SEARCH_STATES);
		return;
	}
	if (s->reached && s->at_start)
		tool_err("%s: bank %s PCR %u: %sthe list has %llu extra entries from its start; the quote was taken before any of them",
			 in->name, alg, pcr, as, (unsigned long long)s->extra);
	else if (s->reached)
		tool_err("%s: bank %s PCR %u: %sthe list has %llu extra entries after entry %llu; the quote was taken earlier",
			 in->name, alg, pcr, as, (unsigned long long)s->extra,
			 (unsigned long long)s->reached_at);
	else
		tool_err("%s: bank %s: the list is missing measurements \u2014 the load\u2192execute gap; see the ima-carry.shutdown hook",
			 in->name, alg);
}

/* Reports every mismatching PCR of bank @b in form @f. */
static unsigned int report(const struct verify *v,
			   const struct tool_input *in, unsigned int b,
			   enum imacarry_form f)
{
	char got_hex[2 * IMACARRY_DIGEST_MAX + 1];
	char want_hex[2 * IMACARRY_DIGEST_MAX + 1];
	const char *alg = imacarry_algo_name(v->banks[b]);
	uint8_t got[IMACARRY_DIGEST_MAX];
	const struct expect *x;
	unsigned int pcr, bad = 0;
	size_t len;

	for (pcr = 0; pcr < IMACARRY_PCR_MAX; pcr++) {
		if (!compared(v, b, pcr))
			continue;
		x = &v->exp[v->banks[b]][pcr];
		len = value(v, b, f, pcr, got);
		if (len && !memcmp(got, x->value, len))
			continue;
		tool_hex(got, len, got_hex);
		tool_hex(x->value, imacarry_algo_size(v->banks[b]), want_hex);
		tool_err("%s: bank %s PCR %u does not match %s: replay %s%s, expected %s",
			 in->name, alg, pcr, v->source, got_hex,
			 f == IMACARRY_FORM_HASH ? "" : " as " PADDED_TEXT,
			 want_hex);
		diagnose(in, alg, pcr, x, f, v->search[b]);
		bad++;
	}
	return bad;
}

/*
 * Compares final values, each bank in its own hash, then as padded SHA-1,
 * then each boot in its form; says which matched; returns the number of
 * mismatches.
 */
static unsigned int compare(const struct verify *v,
			    const struct tool_input *in)
{
	const enum imacarry_form padded = IMACARRY_FORM_PADDED_SHA1;
	const struct search *s;
	unsigned int b, bad = 0;
	const char *alg;

	for (b = 0; b < v->nbanks; b++) {
		alg = imacarry_algo_name(v->banks[b]);
		if (bank_matches(v, b, IMACARRY_FORM_HASH))
			continue;
		if (bank_matches(v, b, padded)) {
			if (!tool_quiet)
				printf("%s: %s: matches, as " PADDED_TEXT ": the kernel had no %s at IMA init\n",
				       in->name, alg, alg);
			continue;
		}
		s = v->search[b];
		if (s && s->matched) {
			search_matched(v, in, s);
			continue;
		}
		bad += report(v, in, b, diagnosis_form(v, b));
	}
	return bad;
}

static void ok_line(const struct verify *v, const struct tool_input *in,
		    uint64_t n)
{
	unsigned int b;

	if (tool_quiet)
		return;
	printf("%s: ok: %llu entries match %s in", in->name,
	       (unsigned long long)n, v->source);
	for (b = 0; b < v->nbanks; b++)
		printf("%s %s", b ? "," : "", imacarry_algo_name(v->banks[b]));
	putchar('\n');
}

static int do_verify(int argc, char *argv[])
{
	const char *pcrs = NULL, *tpm = NULL, *path;
	unsigned int bad = 0, mismatch, f;
	struct tool_input in;
	struct verify *v;
	uint64_t n = 0;
	struct tool_args a = { 0 };
	int c, ret;

	while ((c = tool_getopt(argc, argv, &tool_cmd_verify, &a)) != -1) {
		switch (c) {
		case 'p':
			pcrs = optarg;
			break;
		case 't':
			tpm = optarg;
			break;
		}
	}
	if (a.status >= 0)
		return a.status;
	if (!pcrs == !tpm)
		return tool_usage(CMD, "give exactly one of --pcrs and --tpm");
	if (tool_opt_operand(CMD, argc, argv, &path))
		return TOOL_EXIT_USAGE;

	v = calloc(1, sizeof(*v));
	if (!v) {
		tool_err("%s", imacarry_strerror(-IMACARRY_ERR_NOMEM));
		return TOOL_EXIT_INVALID;
	}
	v->source = pcrs ? pcrs : tpm;
	v->tpm = !pcrs;
	ret = pcrs ? read_pcrs(v, pcrs) : read_tpm(v, tpm);
	if (ret == 0)
		ret = pick_banks(v);
	if (ret < 0) {
		free(v);
		return TOOL_EXIT_INVALID;
	}
	if (tool_input_open(&in, path, 0) < 0) {
		free(v);
		return TOOL_EXIT_INVALID;
	}
	ret = new_replays(v);
	if (ret == 0)
		ret = walk(v, &in, &bad, &n);
	if (ret == 0)
		ret = search_banks(v, &in);
	if (ret == 0) {
		mismatch = compare(v, &in);
		if (!mismatch && !bad)
			ok_line(v, &in, n);
		if (bad)
			tool_err("%s: %u template digests do not match their data",
				 in.name, bad);
		if (mismatch || bad)
			ret = -1;
	}
	for (f = 0; f < IMACARRY_FORM__MAX; f++)
		imacarry_replay_free(v->r[f]);
	for (f = 0; f < v->nbanks; f++)
		search_free(v->search[f], v->nboots);
	tool_input_close(&in);
	free(v);
	return ret < 0 ? TOOL_EXIT_INVALID : TOOL_EXIT_OK;
}

const struct tool_cmd tool_cmd_verify = {
	.name = CMD,
	.cmd = do_verify,
	.help = "replay a list against PCR values (a file or a TPM); diagnose",
	.usage = usage,
	.opts = opt_table,
	.col = 19,
};
