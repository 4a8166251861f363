/*
 * testmain.c: the main package of a test binary (golc test, gotest.c).
 *
 * testmain_collect walks the _test.go files of a checked package (the
 * package under test with its internal test files, imported by the main
 * package as _test, or the external test package <name>_test, as _xtest)
 * and records, file by file in declaration order, as the go command does:
 *
 *   TestXxx(t *testing.T), BenchmarkXxx(b *testing.B), FuzzXxx(f *testing.F),
 *   TestMain(m *testing.M), and ExampleXxx() with an output comment.
 *
 * "Xxx" must not start with a lower-case letter. A Test/Benchmark/Fuzz
 * function or TestMain of another signature is an error. An example runs
 * when the last comment group of its body starts with "Output:" or
 * "Unordered output:" (any case, after white space); the rest of that group's
 * text (go/ast's CommentGroup.Text rules) is the expected output, which the
 * testing package compares with the printed output after trimming space on
 * both sides. Examples without such a comment are compiled, not run.
 *
 * testmain_source then writes the main package: the four tables
 * (testing.InternalTest, ...), testdeps.ImportPath, and main(), which takes
 * golc's -test.skip=regexp out of os.Args and drops the tests, benchmarks,
 * fuzz targets and examples whose names it matches (Go 1.19's testing has
 * no -skip; golc test passes its list of tests that need missing features
 * this way), then calls testing.MainStart with testdeps.TestDeps and runs
 * TestMain(m) or m.Run().
 */
#include "driver.h"

#include "ast.h"
#include "frontend.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum TestKind {
	TK_TEST,        // TestXxx(t *testing.T)
	TK_BENCH,       // BenchmarkXxx(b *testing.B)
	TK_FUZZ,        // FuzzXxx(f *testing.F)
	TK_EXAMPLE,     // ExampleXxx() with an output comment
	TK_NKINDS
} TestKind;

typedef struct TestFunc {
	const char *alias;      /* "_test" or "_xtest" */
	const char *name;
	const char *output;     /* examples: the expected output */
	bool unordered;         /* examples: "Unordered output:" */
} TestFunc;

struct TestSet {
	TestFunc *funcs[TK_NKINDS];
	int n[TK_NKINDS];
	TestFunc testmain;      /* name NULL: none */
	bool used[2];           /* _test, _xtest referenced */
};

TestSet *testmain_new(void)
{
	return calloc(1, sizeof(TestSet));
}

int testmain_count(TestSet *s)
{
	int n = 0;
	for (int k = 0; k < TK_NKINDS; k++) n += s->n[k];
	return n + (s->testmain.name != NULL);
}

static void add(TestSet *s, TestKind k, const char *alias, const char *name, const char *output, bool unordered)
{
	s->funcs[k] = realloc(s->funcs[k], sizeof(TestFunc) * (s->n[k] + 1));
	s->funcs[k][s->n[k]++] = (TestFunc){alias, name, output, unordered};
	s->used[!strcmp(alias, "_xtest")] = true;
}

/* the go command's isTest: name is prefix, or prefix followed by a
 * character that is not a lower-case letter (only ASCII ones are known
 * here: a test named TestÄ counts, one named Testä would too) */
static bool is_test_name(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(name, prefix, n)) return false;
	if (!name[n]) return true;
	return !(name[n] >= 'a' && name[n] <= 'z');
}

/* func(x *testing.<arg>) with no results and no type parameters */
static bool has_test_signature(Obj *fn, const char *arg)
{
	Type *t = fn ? fn->type : NULL;
	if (!t || t->kind != TY_FUNC || t->nfields != 1 || t->nresults != 0 || t->ntparams != 0 || t->variadic) return false;
	Type *p = t->fields[0].type;
	if (!p || p->kind != TY_POINTER || !p->elem || p->elem->kind != TY_NAMED) return false;
	Obj *o = p->elem->obj;
	return o && !strcmp(o->name, arg) && o->pkg && !strcmp(o->pkg->path, "testing");
}

static void check_test_signature(Node *d, Obj *fn, const char *arg)
{
	if (has_test_signature(fn, arg)) return;
	char lower[2] = {(char)tolower((unsigned char)arg[0]), 0};
	const char *name = d->funcdecl.name->ident.name;
	diag_errorf(d->pos, "wrong signature for %s, must be: func %s(%s *testing.%s)", name, name, lower, arg);
}

/* ------------------------------------------------------------ example output */

/* byte offset of a position (1-based line, byte column) in f */
static size_t offset_of(SrcFile *f, Pos pos)
{
	size_t off = 0;
	for (int line = 1; line < pos.line && off < f->len; off++)
		if (f->src[off] == '\n') line++;
	off += pos.col > 0 ? (size_t)pos.col - 1 : 0;
	return off < f->len ? off : f->len;
}

typedef struct Comment {
	size_t start, end;      /* the comment's bytes, markers included */
	int line, endline;
	bool after_code;        /* code precedes it on its line */
	bool code_before;       /* code between the previous comment and this one */
} Comment;

/* the comments of src[lo, hi), skipping string, raw string and rune literals */
static int scan_comments(const char *src, size_t lo, size_t hi, int line, Comment **out)
{
	Comment *v = NULL;
	int n = 0;
	bool code_on_line = false, code_since = false;
	size_t i = lo;
	while (i < hi) {
		char c = src[i];
		if (c == '\n') {
			line++;
			code_on_line = false;
			i++;
		} else if (c == '/' && i + 1 < hi && (src[i + 1] == '/' || src[i + 1] == '*')) {
			Comment cm = {.start = i, .line = line, .after_code = code_on_line, .code_before = code_since};
			if (src[i + 1] == '/') {
				while (i < hi && src[i] != '\n') i++;
			} else {
				i += 2;
				while (i + 1 < hi && !(src[i] == '*' && src[i + 1] == '/')) {
					if (src[i] == '\n') line++;
					i++;
				}
				i = i + 2 < hi ? i + 2 : hi;
			}
			cm.end = i;
			cm.endline = line;
			v = realloc(v, sizeof(Comment) * (n + 1));
			v[n++] = cm;
			code_since = false;
		} else if (c == '"' || c == '\'' || c == '`') {
			i++;
			while (i < hi && src[i] != c) {
				if (c != '`' && src[i] == '\n') break;
				if (src[i] == '\n') line++;
				if (c != '`' && src[i] == '\\') i++;
				i++;
			}
			i++;
			code_on_line = code_since = true;
		} else {
			if (c != ' ' && c != '\t' && c != '\r') code_on_line = code_since = true;
			i++;
		}
	}
	*out = v;
	return n;
}

typedef struct Buf {
	char *s;
	size_t n, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
}

static void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *t = malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(t, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_add(b, t, (size_t)n);
	free(t);
}

/* "//[a-z0-9]+:[a-z0-9]": a directive such as //go:noinline, which comment text omits */
static bool is_directive(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]))) i++;
	return i > 0 && i + 1 < n && s[i] == ':' && (islower((unsigned char)s[i + 1]) || isdigit((unsigned char)s[i + 1]));
}

/* the text of a comment group, as go/ast's CommentGroup.Text: markers, the
 * first space of line comments and directives removed, trailing white space
 * of lines removed, no leading or trailing blank lines, runs of blank lines
 * as one; newline-terminated unless empty */
static char *group_text(const char *src, Comment *g, int n)
{
	const char **lines = NULL;
	size_t *lens = NULL;
	int nl = 0;
	for (int k = 0; k < n; k++) {
		const char *c = src + g[k].start;
		size_t len = g[k].end - g[k].start;
		if (c[1] == '/') {
			c += 2, len -= 2;
			if (len > 0 && c[0] == ' ') c++, len--;
			else if (is_directive(c, len)) continue;
		} else {
			c += 2;
			len = len >= 4 ? len - 4 : 0;
		}
		const char *e = c + len;
		for (;;) {
			const char *nlp = memchr(c, '\n', (size_t)(e - c));
			const char *le = nlp ? nlp : e;
			size_t w = (size_t)(le - c);
			while (w > 0 && strchr(" \t\n\r", c[w - 1])) w--;
			lines = realloc(lines, sizeof(char *) * (nl + 1));
			lens = realloc(lens, sizeof(size_t) * (nl + 1));
			lines[nl] = c;
			lens[nl++] = w;
			if (!nlp) break;
			c = nlp + 1;
		}
	}
	Buf b = {0};
	buf_add(&b, "", 0);
	int first = 0, last = nl;
	while (first < last && lens[first] == 0) first++;
	while (last > first && lens[last - 1] == 0) last--;
	for (int i = first; i < last; i++) {
		if (lens[i] == 0 && i > first && lens[i - 1] == 0) continue;
		buf_add(&b, lines[i], lens[i]);
		buf_add(&b, "\n", 1);
	}
	free(lines);
	free(lens);
	return b.s;
}

static bool prefix_fold(const char *s, const char *p)
{
	for (; *p; s++, p++)
		if (tolower((unsigned char)*s) != *p) return false;
	return true;
}

/* the expected output of an example body: false when its last comment
 * group is not an output comment */
static bool example_output(SrcFile *f, Node *body, const char **out, bool *unordered)
{
	size_t lo = offset_of(f, body->pos), hi = offset_of(f, body->block.rbrace);
	Comment *c;
	int n = scan_comments(f->src, lo, hi, body->pos.line, &c);
	if (n == 0) return false;
	/* the last group: go/parser joins comments with no code between them that
	 * start at most one line below the previous one's end (on the same line
	 * after a comment that follows code) */
	int g = n - 1;
	while (g > 0 && !c[g].code_before && !c[g].after_code && c[g].line <= c[g - 1].endline + !c[g - 1].after_code)
		g--;
	char *text = group_text(f->src, c + g, n - g);
	free(c);
	const char *t = text;
	while (*t && strchr(" \t\n\v\f\r", *t)) t++;
	*unordered = prefix_fold(t, "unordered ");
	if (*unordered) t += 10;
	if (!prefix_fold(t, "output:")) {
		free(text);
		return false;
	}
	t += 7;
	while (*t == ' ') t++;
	if (*t == '\n') t++;
	*out = strdup(t);
	free(text);
	return true;
}

/* ------------------------------------------------------------ collecting */

static bool is_test_file(SrcFile *f)
{
	size_t n = strlen(f->path);
	return n >= 8 && !strcmp(f->path + n - 8, "_test.go");
}

void testmain_collect(TestSet *s, Package *p, const char *alias)
{
	for (int i = 0; i < p->nfiles; i++) {
		Node *file = p->files[i];
		SrcFile *f = srcfile_get(file->file.file);
		if (!f || !is_test_file(f)) continue;
		for (int k = 0; k < file->file.decls.n; k++) {
			Node *d = file->file.decls.v[k];
			if (d->kind != N_FUNCDECL || d->funcdecl.recv) continue;
			const char *name = d->funcdecl.name->ident.name;
			Obj *fn = d->funcdecl.fn;
			if (!strcmp(name, "TestMain")) {
				if (has_test_signature(fn, "T")) {
					add(s, TK_TEST, alias, name, NULL, false);
				} else if (s->testmain.name) {
					diag_errorf(d->pos, "multiple definitions of TestMain");
				} else {
					check_test_signature(d, fn, "M");
					s->testmain = (TestFunc){alias, name, NULL, false};
					s->used[!strcmp(alias, "_xtest")] = true;
				}
			} else if (is_test_name(name, "Test")) {
				check_test_signature(d, fn, "T");
				add(s, TK_TEST, alias, name, NULL, false);
			} else if (is_test_name(name, "Benchmark")) {
				check_test_signature(d, fn, "B");
				add(s, TK_BENCH, alias, name, NULL, false);
			} else if (is_test_name(name, "Fuzz")) {
				check_test_signature(d, fn, "F");
				add(s, TK_FUZZ, alias, name, NULL, false);
			} else if (is_test_name(name, "Example") && d->funcdecl.body && fn && fn->type &&
			           fn->type->nfields == 0 && fn->type->nresults == 0 && fn->type->ntparams == 0) {
				const char *out;
				bool unordered;
				if (example_output(f, d->funcdecl.body, &out, &unordered))
					add(s, TK_EXAMPLE, alias, name, out, unordered);
			}
		}
	}
}

/* ------------------------------------------------------------ the source */

/* a Go string literal with the bytes of s */
static void quote(Buf *b, const char *s)
{
	buf_add(b, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') buf_printf(b, "\\%c", c);
		else if (c == '\n') buf_add(b, "\\n", 2);
		else if (c == '\t') buf_add(b, "\\t", 2);
		else if (c < 0x20 || c >= 0x7f) buf_printf(b, "\\x%02x", c);
		else buf_add(b, (const char *)s, 1);
	}
	buf_add(b, "\"", 1);
}

static const char *const table_type[TK_NKINDS] = {
	"InternalTest", "InternalBenchmark", "InternalFuzzTarget", "InternalExample",
};
static const char *const table_name[TK_NKINDS] = {
	"tests", "benchmarks", "fuzzTargets", "examples",
};

char *testmain_source(TestSet *s, const char *importpath, bool has_ptest, bool has_xtest)
{
	Buf b = {0};
	buf_printf(&b, "// Code generated by golc test. DO NOT EDIT.\n\npackage main\n\nimport (\n"
	               "\t\"os\"\n");
	if (s->testmain.name) buf_printf(&b, "\t\"reflect\"\n");
	buf_printf(&b, "\t\"regexp\"\n\t\"testing\"\n\t\"testing/internal/testdeps\"\n\n");
	if (has_ptest) {
		buf_printf(&b, "\t%s ", s->used[0] ? "_test" : "_");
		quote(&b, importpath);
		buf_add(&b, "\n", 1);
	}
	if (has_xtest) {
		buf_printf(&b, "\t%s ", s->used[1] ? "_xtest" : "_");
		char *x = malloc(strlen(importpath) + 6);
		sprintf(x, "%s_test", importpath);
		quote(&b, x);
		free(x);
		buf_add(&b, "\n", 1);
	}
	buf_printf(&b, ")\n");
	for (int k = 0; k < TK_NKINDS; k++) {
		buf_printf(&b, "\nvar %s = []testing.%s{\n", table_name[k], table_type[k]);
		for (int i = 0; i < s->n[k]; i++) {
			TestFunc *t = &s->funcs[k][i];
			buf_printf(&b, "\t{");
			quote(&b, t->name);
			buf_printf(&b, ", %s.%s", t->alias, t->name);
			if (k == TK_EXAMPLE) {
				buf_printf(&b, ", ");
				quote(&b, t->output);
				buf_printf(&b, ", %s", t->unordered ? "true" : "false");
			}
			buf_printf(&b, "},\n");
		}
		buf_printf(&b, "}\n");
	}
	buf_printf(&b, "\nfunc init() {\n\ttestdeps.ImportPath = ");
	quote(&b, importpath);
	buf_printf(&b, "\n}\n");
	/* -test.skip: taken out of os.Args before the testing package parses it */
	buf_printf(&b,
	           "\n// golcSkip removes -test.skip=regexp from the arguments and drops the\n"
	           "// tests, benchmarks, fuzz targets and examples whose names match it.\n"
	           "func golcSkip() {\n"
	           "\tpat := \"\"\n"
	           "\targs := os.Args[:1]\n"
	           "\tfor i := 1; i < len(os.Args); i++ {\n"
	           "\t\ta := os.Args[i]\n"
	           "\t\tif a == \"-test.skip\" || a == \"--test.skip\" {\n"
	           "\t\t\tif i+1 < len(os.Args) {\n"
	           "\t\t\t\ti++\n"
	           "\t\t\t\tpat = os.Args[i]\n"
	           "\t\t\t}\n"
	           "\t\t\tcontinue\n"
	           "\t\t}\n"
	           "\t\tif len(a) > 11 && a[:11] == \"-test.skip=\" {\n"
	           "\t\t\tpat = a[11:]\n"
	           "\t\t\tcontinue\n"
	           "\t\t}\n"
	           "\t\targs = append(args, a)\n"
	           "\t}\n"
	           "\tos.Args = args\n"
	           "\tif pat == \"\" {\n"
	           "\t\treturn\n"
	           "\t}\n"
	           "\tre, err := regexp.Compile(pat)\n"
	           "\tif err != nil {\n"
	           "\t\tos.Stderr.WriteString(\"testing: invalid regexp for -test.skip: \" + err.Error() + \"\\n\")\n"
	           "\t\tos.Exit(1)\n"
	           "\t}\n");
	for (int k = 0; k < TK_NKINDS; k++) {
		const char *v = table_name[k];
		buf_printf(&b,
		           "\tvar %s1 []testing.%s\n"
		           "\tfor _, t := range %s {\n"
		           "\t\tif !re.MatchString(t.%s) {\n"
		           "\t\t\t%s1 = append(%s1, t)\n"
		           "\t\t}\n"
		           "\t}\n"
		           "\t%s = %s1\n",
		           v, table_type[k], v, "Name", v, v, v, v);
	}
	buf_printf(&b, "}\n");
	buf_printf(&b, "\nfunc main() {\n\tgolcSkip()\n"
	               "\tm := testing.MainStart(testdeps.TestDeps{}, tests, benchmarks, fuzzTargets, examples)\n");
	if (s->testmain.name)
		buf_printf(&b, "\t%s.TestMain(m)\n"
		               "\tos.Exit(int(reflect.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n",
		           s->testmain.alias);
	else
		buf_printf(&b, "\tos.Exit(m.Run())\n");
	buf_printf(&b, "}\n");
	return b.s;
}
