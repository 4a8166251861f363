/*
 * diag.c: error collection and gc-style reporting.
 *
 * Like gc: one syntax error per line (the first reported), identical
 * messages on one line shown once, output sorted by position, and at
 * most 10 errors (then "too many errors") unless diag_set_all.
 */
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

typedef struct Diag {
	Pos pos;
	const char *msg;
	int seq;                    /* report order, for a stable sort */
} Diag;

static Diag *diags;
static int ndiags, capdiags;
static int nsyntax;             /* recorded messages starting "syntax error" */
static bool all;
static Pos last_syntax, last_other;
static const char *last_msg;

void diag_set_all(bool a)
{
	all = a;
}

int diag_count(void)
{
	return ndiags;
}

/* errors reported so far that do not stop type checking (gc's noder errors
 * about directives): the loader goes on when all errors are soft */
static int nsoft;
static int ncont;   /* of which parser errors (gc's syntax package, not "syntax error") */

void diag_note_soft(void)
{
	nsoft++;
}

void diag_note_soft_parse(void)
{
	nsoft++;
	ncont++;
}

int diag_hard_count(void)
{
	return ndiags - nsoft;
}

int diag_parse_count(void)
{
	return ndiags - nsoft + ncont;
}

int diag_syntax_count(void)
{
	return nsyntax;
}

static bool sameline(Pos a, Pos b)
{
	return a.file == b.file && a.line == b.line && a.line != 0;
}

void diag_verrorf(Pos pos, const char *fmt, va_list ap)
{
	char small[1024], *buf = small;
	va_list ap2;
	va_copy(ap2, ap);
	int len = vsnprintf(small, sizeof small, fmt, ap);
	if (len >= (int)sizeof small) {
		buf = arena_alloc(&perm, (size_t)len + 1);
		vsnprintf(buf, (size_t)len + 1, fmt, ap2);
	}
	va_end(ap2);
	if (strncmp(buf, "syntax error", 12) == 0) {
		if (sameline(last_syntax, pos))
			return;
		last_syntax = pos;
	} else {
		if (sameline(last_other, pos) && last_msg && strcmp(last_msg, buf) == 0)
			return;
		last_other = pos;
	}
	if (ndiags == capdiags) {
		capdiags = capdiags ? 2 * capdiags : 64;
		diags = realloc(diags, capdiags * sizeof *diags);
		if (!diags)
			abort();
	}
	Diag *d = &diags[ndiags];
	d->pos = pos;
	d->msg = buf == small ? arena_strndup(&perm, buf, strlen(buf)) : buf;
	d->seq = ndiags++;
	if (strncmp(buf, "syntax error", 12) != 0)
		last_msg = d->msg;
	else
		nsyntax++;
}

void diag_errorf(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verrorf(pos, fmt, ap);
	va_end(ap);
}

static int cmp(const void *a, const void *b)
{
	const Diag *x = a, *y = b;
	if (x->pos.file != y->pos.file)
		return x->pos.file < y->pos.file ? -1 : 1;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

const char *diag_posstr(Pos pos)
{
	SrcFile *f = srcfile_get(pos.file);
	char buf[1200];
	if (pos.col == 0)
		snprintf(buf, sizeof buf, "%s:%d", f ? f->path : "<unknown>", pos.line);
	else
		snprintf(buf, sizeof buf, "%s:%d:%d", f ? f->path : "<unknown>", pos.line, pos.col);
	return arena_strndup(&perm, buf, strlen(buf));
}

static void print(Diag *d)
{
	SrcFile *f = srcfile_get(d->pos.file);
	const char *path = f ? f->path : "<unknown>";
	if (d->pos.col == 0)
		fprintf(stderr, "%s:%d: %s\n", path, d->pos.line, d->msg);
	else
		fprintf(stderr, "%s:%d:%d: %s\n", path, d->pos.line, d->pos.col, d->msg);
}

/* gc prints a message once if the same text at the same position follows */
static bool same(Diag *a, Diag *b)
{
	SrcFile *fa = srcfile_get(a->pos.file), *fb = srcfile_get(b->pos.file);
	const char *pa = fa ? fa->path : "", *pb = fb ? fb->path : "";
	return a->pos.line == b->pos.line && a->pos.col == b->pos.col && strcmp(pa, pb) == 0 &&
	       strcmp(a->msg, b->msg) == 0;
}

int diag_flush(void)
{
	int n = ndiags, shown = n;
	if (!all && shown > 10)
		shown = 10;
	if (n == 0)
		return 0;
	Pos tenth = diags[shown - 1].pos;
	qsort(diags, shown, sizeof *diags, cmp);
	for (int i = 0; i < shown; i++) {
		if (i == 0 || !same(&diags[i], &diags[i - 1]))
			print(&diags[i]);
	}
	if (!all && n >= 10) {
		SrcFile *f = srcfile_get(tenth.file);
		if (tenth.col)
			fprintf(stderr, "%s:%d:%d: too many errors\n", f ? f->path : "<unknown>",
			        tenth.line, tenth.col);
		else
			fprintf(stderr, "%s:%d: too many errors\n", f ? f->path : "<unknown>", tenth.line);
	}
	diag_reset();
	return n;
}

/* drops the recorded errors unprinted */
void diag_reset(void)
{
	ndiags = nsyntax = nsoft = ncont = 0;
	last_syntax = last_other = (Pos){0};
	last_msg = NULL;
}
