/*
 * build_tags.c: build constraints, as go/build applies them to select the
 * files of a package: `//go:build` expressions, `// +build` lines (used only
 * when there is no //go:build line), and _GOOS / _GOARCH / _GOOS_GOARCH
 * file-name suffixes. The target is linux/<goarch> with the tags gc, golc,
 * unix and go1.1..go1.19, and math_big_pure_go and purego (golc assembles no
 * .s files: packages choose their Go versions); cgo and goexperiment.* are
 * off.
 */
#include "frontend.h"

#include <stddef.h>
#include <string.h>

static const char *target_goarch = "amd64";

static const char *const known_os[] = {
	"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
	"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos", NULL,
};

static const char *const known_arch[] = {
	"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
	"mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
	"riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm", NULL,
};

void build_set_goarch(const char *goarch) { target_goarch = goarch; }

static bool in_list(const char *const *l, const char *s, size_t n)
{
	for (; *l; l++)
		if (strlen(*l) == n && !memcmp(*l, s, n)) return true;
	return false;
}

static bool eq(const char *s, size_t n, const char *w) { return strlen(w) == n && !memcmp(s, w, n); }

/* is the build tag s[:n] satisfied? */
bool build_tag_ok(const char *s, size_t n)
{
	if (eq(s, n, "linux") || eq(s, n, "unix") || eq(s, n, "gc") || eq(s, n, "golc")) return true;
	/* packages with assembly: their pure-Go variants (golc assembles no .s files) */
	if (eq(s, n, "math_big_pure_go") || eq(s, n, "purego")) return true;
	if (eq(s, n, target_goarch)) return true;
	if (n > 4 && !memcmp(s, "go1.", 4)) {
		int minor = 0;
		for (size_t i = 4; i < n; i++) {
			if (s[i] < '0' || s[i] > '9') return false;
			minor = minor * 10 + (s[i] - '0');
		}
		return minor >= 1 && minor <= 19;
	}
	return false;
}

/* ---- //go:build expressions: || && ! ( ) and tags ---- */

typedef struct Expr {
	const char *s;
	bool err;
} Expr;

static void skip_space(Expr *e)
{
	while (*e->s == ' ' || *e->s == '\t') e->s++;
}

static bool is_tag_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static bool parse_or(Expr *e);

static bool parse_not(Expr *e)
{
	skip_space(e);
	if (*e->s == '!') {
		e->s++;
		return !parse_not(e);
	}
	if (*e->s == '(') {
		e->s++;
		bool v = parse_or(e);
		skip_space(e);
		if (*e->s != ')') e->err = true;
		else e->s++;
		return v;
	}
	const char *start = e->s;
	while (is_tag_char(*e->s)) e->s++;
	if (e->s == start) {
		e->err = true;
		return false;
	}
	return build_tag_ok(start, e->s - start);
}

static bool parse_and(Expr *e)
{
	bool v = parse_not(e);
	for (;;) {
		skip_space(e);
		if (e->s[0] != '&' || e->s[1] != '&') return v;
		e->s += 2;
		bool w = parse_not(e);
		v = v && w;
	}
}

static bool parse_or(Expr *e)
{
	bool v = parse_and(e);
	for (;;) {
		skip_space(e);
		if (e->s[0] != '|' || e->s[1] != '|') return v;
		e->s += 2;
		bool w = parse_and(e);
		v = v || w;
	}
}

/* evaluates a //go:build expression; *ok is false on a syntax error */
bool build_eval_expr(const char *expr, bool *ok)
{
	Expr e = {expr, false};
	bool v = parse_or(&e);
	skip_space(&e);
	if (*e.s) e.err = true;
	if (ok) *ok = !e.err;
	return v && !e.err;
}

/* one `// +build` line: space-separated OR of comma-separated AND of [!]tag */
static bool plus_line(const char *s)
{
	bool any = false;
	while (*s) {
		while (*s == ' ' || *s == '\t') s++;
		if (!*s) break;
		bool term = true;
		while (*s && *s != ' ' && *s != '\t') {
			const char *w = s;
			while (*s && *s != ',' && *s != ' ' && *s != '\t') s++;
			bool neg = false;
			const char *t = w;
			if (*t == '!') {
				neg = true;
				t++;
			}
			bool v = t < s && build_tag_ok(t, s - t);
			if (neg) v = t < s && !v;
			term = term && v;
			if (*s == ',') s++;
		}
		any = any || term;
	}
	return any;
}

bool build_eval_plus(const char **lines, int n)
{
	for (int i = 0; i < n; i++)
		if (!plus_line(lines[i])) return false;
	return true;
}

/* golc's explicit file choices, overriding the build constraints: +1 always
 * use the file, -1 never, 0 apply the usual rules. internal/abi is built
 * from abi_generic.go in place of abi_<arch>.go: no register arguments, so
 * reflect builds gc's ABI0 stack frames, which libruntime turns into calls
 * through libffi (docs/design.md "reflect calls"). */
/* packages whose architecture files need assembly golc does not have: the
 * portable file replaces them (it fails its own build constraint) */
static const struct {
	const char *dir, *use, *drop[2];
} overrides[] = {
	{"/internal/abi/", "abi_generic.go", {"abi_amd64.go", "abi_arm64.go"}},
	{"/hash/crc32/", "crc32_otherarch.go", {"crc32_amd64.go", "crc32_arm64.go"}},
};

int build_file_override(const char *path)
{
	const char *b = strrchr(path, '/');
	if (!b) return 0;
	for (size_t i = 0; i < sizeof overrides / sizeof overrides[0]; i++) {
		size_t n = strlen(overrides[i].dir);
		if (b + 1 - path < (ptrdiff_t)n || memcmp(b + 1 - n, overrides[i].dir, n)) continue;
		if (!strcmp(b + 1, overrides[i].use)) return 1;
		for (int k = 0; k < 2; k++)
			if (!strcmp(b + 1, overrides[i].drop[k])) return -1;
		return 0;
	}
	return 0;
}

/* file-name rules: _test.go, leading _ or ., _GOOS/_GOARCH suffixes */
bool build_match_name(const char *name)
{
	const char *b = strrchr(name, '/');
	b = b ? b + 1 : name;
	if (b[0] == '_' || b[0] == '.') return false;
	size_t n = strlen(b);
	if (n < 3 || strcmp(b + n - 3, ".go")) return false;
	const char *dot = strchr(b, '.');
	n = dot - b;
	if (n >= 5 && !memcmp(b + n - 5, "_test", 5)) return false;
	/* the parts after the first '_' */
	const char *u = memchr(b, '_', n);
	if (!u) return true;
	const char *parts[64];
	size_t lens[64];
	int np = 0;
	const char *p = u + 1, *end = b + n;
	while (p <= end && np < 64) {
		const char *q = memchr(p, '_', end - p);
		if (!q) q = end;
		parts[np] = p;
		lens[np++] = q - p;
		p = q + 1;
	}
	const char *last = parts[np - 1];
	size_t ll = lens[np - 1];
	if (np >= 2 && in_list(known_os, parts[np - 2], lens[np - 2]) && in_list(known_arch, last, ll))
		return eq(parts[np - 2], lens[np - 2], "linux") && eq(last, ll, target_goarch);
	if (in_list(known_os, last, ll)) return eq(last, ll, "linux");
	if (in_list(known_arch, last, ll)) return eq(last, ll, target_goarch);
	return true;
}
