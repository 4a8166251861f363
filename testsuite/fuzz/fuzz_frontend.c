/*
 * fuzz_frontend.c: the libFuzzer target over golc's frontend (docs/fuzzing.md).
 *
 * Each input is one Go source file, fuzz.go. It goes through what
 * `golc typecheck -e` does to a file: the build-constraint header
 * (parse_header, build_eval_*), the lexer and parser, and, when it parsed
 * without errors (load_files checks only then), the type checker as package
 * main. Imports are not read from disk: every import path but "unsafe" and
 * "C" resolves to a stub package checked from the fixed source below, named
 * after the path's last element, so that qualified identifiers, imported
 * types, methods and generic instances are exercised at a fixed small cost.
 * Diagnostics are dropped unprinted. The inputs are checked with as much
 * stack as golc has (big_main_stack below).
 *
 * After each input frontend_reset() empties every frontend table and the
 * permanent arena, and the GMP storage of constants (which const.c takes
 * from malloc through GMP and never frees) is released: all of it was
 * allocated through gmp_alloc below, which keeps every live block on a list.
 * The next input starts from the state of a fresh process, and nothing leaks.
 */
#include "frontend.h"

#include <gmp.h>
#include <mpfr.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ------------------------------------------------------------ GMP storage */

typedef struct Block {
	struct Block *prev, *next;
	_Alignas(16) char data[];
} Block;

static Block blocks = {&blocks, &blocks};   /* every live GMP block */

static Block *block_of(void *p) { return (Block *)((char *)p - offsetof(Block, data)); }

static void link_block(Block *b)
{
	b->prev = &blocks;
	b->next = blocks.next;
	blocks.next->prev = b;
	blocks.next = b;
}

static void unlink_block(Block *b)
{
	b->prev->next = b->next;
	b->next->prev = b->prev;
}

static void *gmp_alloc(size_t n)
{
	Block *b = malloc(sizeof(Block) + n);
	if (!b) abort();
	link_block(b);
	return b->data;
}

static void *gmp_realloc(void *p, size_t old, size_t n)
{
	Block *b = block_of(p);
	unlink_block(b);
	b = realloc(b, sizeof(Block) + n);
	if (!b) abort();
	link_block(b);
	return b->data;
}

static void gmp_free(void *p, size_t n)
{
	Block *b = block_of(p);
	unlink_block(b);
	free(b);
}

/* frees what the constants of the last input still hold */
static void gmp_free_all(void)
{
	mpfr_free_cache();
	while (blocks.next != &blocks) {
		Block *b = blocks.next;
		unlink_block(b);
		free(b);
	}
}

/* ------------------------------------------------------------ stub imports */

static const char stub_src[] =
	"package %s\n"
	"\n"
	"import \"unsafe\"\n"
	"\n"
	"type T struct {\n"
	"\tX, Y int\n"
	"\ts    string\n"
	"\t*E\n"
	"}\n"
	"type E struct{ Z float64 }\n"
	"\n"
	"func (e *E) Ptr() *E                      { return e }\n"
	"func (t T) M() int                        { return t.X }\n"
	"func (t *T) Set(v ...interface{}) error   { return nil }\n"
	"func (t T) String() string                { return t.s }\n"
	"\n"
	"type I interface{ M() int }\n"
	"type Stringer interface{ String() string }\n"
	"type S []byte\n"
	"type Map map[string][]int\n"
	"type Ch chan<- T\n"
	"type Fn func(int, ...string) (bool, error)\n"
	"type G[P any, Q comparable] struct {\n"
	"\tV P\n"
	"\tK map[Q]P\n"
	"}\n"
	"\n"
	"func (g *G[P, Q]) Get(k Q) P { return g.K[k] }\n"
	"\n"
	"type Number interface{ ~int | ~int64 | float64 }\n"
	"\n"
	"const (\n"
	"\tC   = 1 << 62\n"
	"\tPi  = 3.14159\n"
	"\tStr = \"stub\"\n"
	"\tK   int = 7\n"
	")\n"
	"\n"
	"var (\n"
	"\tV   int\n"
	"\tErr error\n"
	"\tPtr unsafe.Pointer\n"
	"\tTv  = T{X: 1}\n"
	")\n"
	"\n"
	"func F(args ...any) (int, error)                     { return 0, nil }\n"
	"func Print(a ...any) (n int, err error)              { return }\n"
	"func Println(a ...any) (n int, err error)            { return }\n"
	"func Printf(format string, a ...any) (n int, err error) { return }\n"
	"func Sprint(a ...any) string                         { return \"\" }\n"
	"func Sprintf(format string, a ...any) string         { return \"\" }\n"
	"func Errorf(format string, a ...any) error           { return nil }\n"
	"func New(text string) error                          { return nil }\n";

enum { MAXSTUBS = 8 };

typedef struct Stub {
	const char *path;           /* interned import path */
	Package *pkg;
} Stub;

static Stub stubs[MAXSTUBS];
static int nstubs;

static bool is_keyword(const char *s, size_t n)
{
	static const char *const kw[] = {
		"break", "case", "chan", "const", "continue", "default", "defer", "else",
		"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
		"map", "package", "range", "return", "select", "struct", "switch", "type", "var",
	};
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strlen(kw[i]) == n && !memcmp(kw[i], s, n)) return true;
	return false;
}

/* the stub's package name: the path's last element if it is a plain identifier */
static const char *stub_name(const char *path)
{
	const char *s = strrchr(path, '/');
	s = s ? s + 1 : path;
	size_t n = strlen(s);
	bool ok = n > 0 && n < 64 && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'));
	for (size_t i = 0; ok && i < n; i++)
		ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		     (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
	if (!ok || is_keyword(s, n)) return "p";
	return intern(s, n);
}

static Package *stub_check(const char *path)
{
	const char *name = stub_name(path);
	size_t cap = sizeof stub_src + strlen(name);
	char *src = arena_alloc(&perm, cap);
	int len = snprintf(src, cap, stub_src, name);
	char *file = arena_alloc(&perm, strlen(name) + 16);
	sprintf(file, "stub/%s.go", name);
	Node *f = parse_file(srcfile_add(file, src, (size_t)len));
	Node **files = arena_alloc(&perm, sizeof(Node *));
	files[0] = f;
	Package *p = diag_count() ? NULL : check_package(path, files, 1);
	if (diag_count()) {
		diag_reset();
		return NULL;
	}
	return p;
}

static Package *stub_lookup(const char *path, Pos pos)
{
	path = intern_cstr(path);
	for (int i = 0; i < nstubs; i++)
		if (stubs[i].path == path) return stubs[i].pkg;
	return NULL;
}

/* checks a stub for each import path of file, as load_files loads imports */
static void stub_imports(Node *file)
{
	for (int k = 0; k < file->file.decls.n; k++) {
		Node *d = file->file.decls.v[k];
		if (d->kind != N_GENDECL || d->gendecl.kind != DECL_IMPORT) continue;
		for (int j = 0; j < d->gendecl.specs.n; j++) {
			Node *lit = d->gendecl.specs.v[j]->importspec.path;
			size_t len;
			const char *raw = const_unquote(lit->lit.raw, lit->lit.len, &len);
			const char *path = intern(raw, len);
			if (path == intern_cstr("unsafe") || path == intern_cstr("C") || !*path) continue;
			if (stub_lookup(path, lit->pos) || nstubs == MAXSTUBS) continue;
			Package *p = stub_check(path);
			if (p) stubs[nstubs++] = (Stub){path, p};
		}
	}
}

/* ------------------------------------------------------------ one input */

static void check_source(const uint8_t *data, size_t size)
{
	char *src = arena_strndup(&perm, (const char *)data, size);
	int32_t f = srcfile_add("fuzz.go", src, size);
	const char *name, *gobuild, **plus;
	int nplus;
	parse_header(f, &name, &gobuild, &plus, &nplus);
	if (gobuild) build_eval_expr(gobuild, NULL);
	build_eval_plus(plus, nplus);
	Node *file = parse_file(f);
	if (diag_count()) return;
	stub_imports(file);
	Node **files = arena_alloc(&perm, sizeof(Node *));
	files[0] = file;
	check_package("main", files, 1);
}

/* back to a fresh process's state */
static void reset(void)
{
	nstubs = 0;
	frontend_reset();
	gmp_free_all();
}

/* ------------------------------------------------------------ the stack */

enum { STACK = 1 << 30 };       /* bigstack.c's */

/* golc runs the frontend on a 1 GB stack (bigstack.c). libFuzzer runs the
 * inputs on the main thread (its -timeout only works there), whose stack
 * grows up to RLIMIT_STACK: raise that and start again, so that the memory
 * layout leaves room for it too. Without room (a hard limit), deep inputs
 * may overflow: say so. */
static void big_main_stack(char **argv)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_STACK, &rl) || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= STACK) return;
	if (rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= STACK) {
		rl.rlim_cur = STACK;
		if (!setrlimit(RLIMIT_STACK, &rl)) execv("/proc/self/exe", argv);
	}
	fprintf(stderr, "fuzz_frontend: cannot get a 1 GB stack; deep inputs may overflow\n");
}

/* ------------------------------------------------------------ the target */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	big_main_stack(*argv);
	mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
	build_set_goarch("amd64");
	diag_set_all(true);
	check_importer = stub_lookup;
	/* the stub must check cleanly, or imports would go untested */
	if (!stub_check("fmt")) {
		fprintf(stderr, "fuzz_frontend: the stub package has errors\n");
		abort();
	}
	reset();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_source(data, size);
	reset();
	return 0;
}
