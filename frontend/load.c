/*
 * load.c: the package loader. Resolves an import path to a directory
 * (golc's own package sources in <srcdir>/libruntime/go/<path> take precedence
 * over <goroot>/src/<path>), selects its files by build constraints
 * (build_tags.c), parses them, loads their imports first (recursively,
 * cached by path, import cycles reported), then type-checks the package.
 * check_importer is pointed at load_lookup so the checker resolves imports
 * to already checked packages. Errors in a dependency are printed under a
 * "# path" header and stop the compilation (exit status 1), like the go
 * command does.
 */
#include "frontend.h"

static bool check_import_path(const char *s, size_t n, Pos pos);

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct Loaded {
	const char *path;           /* interned */
	Package *pkg;               /* NULL while loading (cycle detection) */
	struct Loaded *next;
} Loaded;

static const char *goroot = "/usr/share/go-1.19";
static const char *overlay;     /* libruntime/go */
static Loaded *loaded;
/* import paths whose files the caller chose (load_set_files) */
typedef struct Chosen {
	const char *path;           /* interned */
	const char **files;
	int n;
	struct Chosen *next;
} Chosen;
static Chosen *chosen;
static const char *module_path, *module_dir;    /* load_set_module */
static const char **stack;      /* import paths being loaded, for cycle messages */
static int nstack;

void load_init(const char *root, const char *overlay_dir, const char *goarch)
{
	const char *env = getenv("GOLC_GOROOT");
	goroot = env && *env ? env : root;
	overlay = overlay_dir;
	build_set_goarch(goarch);
	/* GOLC_NOLOAD=1: imports are not loaded ("could not import"); the test/ tree sweep
	 * uses it so that it does not re-check fmt and its imports 3,000 times */
	const char *noload = getenv("GOLC_NOLOAD");
	check_importer = noload && *noload == '1' ? NULL : load_lookup;
}

static Loaded *find(const char *path)
{
	for (Loaded *l = loaded; l; l = l->next)
		if (l->path == path) return l;
	return NULL;
}

Package *load_lookup(const char *path, Pos pos)
{
	Loaded *l = find(intern_cstr(path));
	return l ? l->pkg : NULL;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* does the file's header satisfy the build constraints? */
static bool file_selected(int32_t f)
{
	const char *name, *gobuild, **plus;
	int nplus;
	parse_header(f, &name, &gobuild, &plus, &nplus);
	if (gobuild) return build_eval_expr(gobuild, NULL);
	return build_eval_plus(plus, nplus);
}

/* the selected .go files of dir, sorted; returns the count */
int load_dir_files(const char *dir, const char ***out)
{
	DIR *d = opendir(dir);
	if (!d) return -1;
	const char **v = NULL;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!build_match_name(e->d_name)) continue;
		char *p = malloc(strlen(dir) + strlen(e->d_name) + 2);
		sprintf(p, "%s/%s", dir, e->d_name);
		v = realloc(v, sizeof(char *) * (n + 1));
		v[n++] = p;
	}
	closedir(d);
	qsort(v, n, sizeof(char *), cmpstr);
	*out = v;
	return n;
}

static void dep_errors(const char *path)
{
	if (!diag_count()) return;
	fprintf(stderr, "# %s\n", path);
	diag_flush();
	exit(1);
}

static bool imports_C(Node *file)
{
	for (int k = 0; k < file->file.decls.n; k++) {
		Node *d = file->file.decls.v[k];
		if (d->kind != N_GENDECL || d->gendecl.kind != DECL_IMPORT) continue;
		for (int j = 0; j < d->gendecl.specs.n; j++) {
			Node *lit = d->gendecl.specs.v[j]->importspec.path;
			if (lit->lit.len == 3 && !memcmp(lit->lit.raw, "\"C\"", 3)) return true;
		}
	}
	return false;
}

/* parse the files (already build-selected), load their imports, check */
Package *load_files(const char *path, const char **paths, int n, int flags)
{
	bool is_dep = flags & LOAD_DEP, select = flags & (LOAD_DEP | LOAD_SELECT);
	Node **files = calloc(n + 1, sizeof(Node *));
	int nf = 0;
	for (int i = 0; i < n; i++) {
		int ov = select ? build_file_override(paths[i]) : 0;
		if (ov < 0 || ((flags & LOAD_SELECT) && !ov && !build_match_name(paths[i]))) continue;
		int32_t f = srcfile_load(paths[i]);
		if (f < 0) {
			fprintf(stderr, "golc: open %s: %s\n", paths[i], strerror(errno));
			exit(1);
		}
		if (select && !ov && !file_selected(f)) continue;
		Node *file = parse_file(f);
		if (select && imports_C(file)) continue;    /* cgo is off */
		files[nf++] = file;
	}
	if (diag_hard_count()) {
		if (is_dep) dep_errors(path);
		diag_flush();
		exit(1);
	}
	/* imports first */
	Package **imps = NULL;
	int nimps = 0;
	for (int i = 0; i < nf; i++) {
		Node *file = files[i];
		for (int k = 0; k < file->file.decls.n; k++) {
			Node *d = file->file.decls.v[k];
			if (d->kind != N_GENDECL || d->gendecl.kind != DECL_IMPORT) continue;
			for (int j = 0; j < d->gendecl.specs.n; j++) {
				Node *s = d->gendecl.specs.v[j];
				size_t len;
				const char *ip = const_unquote(s->importspec.path->lit.raw, s->importspec.path->lit.len, &len);
				if (!ip || !check_import_path(ip, len, s->importspec.path->pos)) continue;
				ip = intern(ip, len);
				if (ip == intern_cstr("unsafe") || ip == intern_cstr("C") || !check_importer) continue;
				Package *p = load_import(ip, s->importspec.path->pos);
				if (!p) continue;
				bool dup = false;
				for (int m = 0; m < nimps; m++) dup |= imps[m] == p;
				if (!dup) {
					imps = realloc(imps, sizeof(Package *) * (nimps + 1));
					imps[nimps++] = p;
				}
			}
		}
	}
	if (diag_hard_count()) {
		if (is_dep) dep_errors(path);
		diag_flush();
		exit(1);
	}
	Package *p = check_package(path, files, nf);
	p->imports = imps;
	p->nimports = nimps;
	if (is_dep) dep_errors(path);
	return p;
}

/* the directory of an import path, or NULL */
char *load_import_dir(const char *path)
{
	size_t mn = module_path ? strlen(module_path) : 0;
	if (mn && !strncmp(path, module_path, mn) && (!path[mn] || path[mn] == '/')) {
		char *dir = malloc(strlen(module_dir) + strlen(path) + 2);
		sprintf(dir, "%s%s", module_dir, path + mn);
		if (is_dir(dir)) return dir;
		free(dir);
		return NULL;
	}
	char *dir = malloc(strlen(goroot) + strlen(path) + (overlay ? strlen(overlay) : 0) + 16);
	if (overlay) {
		/* an overlay directory without .go files (testing/ above
		 * testing/internal/testdeps) does not hide GOROOT's */
		sprintf(dir, "%s/%s", overlay, path);
		const char **files;
		int n = is_dir(dir) ? load_dir_files(dir, &files) : 0;
		if (n > 0) {
			for (int i = 0; i < n; i++) free((char *)files[i]);
			free(files);
			return dir;
		}
	}
	sprintf(dir, "%s/src/%s", goroot, path);
	if (is_dir(dir)) return dir;
	/* std's vendored golang.org/x packages */
	const char *slash = strchr(path, '/');
	if (memchr(path, '.', slash ? (size_t)(slash - path) : strlen(path))) {
		sprintf(dir, "%s/src/vendor/%s", goroot, path);
		if (is_dir(dir)) return dir;
	}
	free(dir);
	return NULL;
}

static bool valid_import_path(const char *path)
{
	if (!*path || path[0] == '/' || path[strlen(path) - 1] == '/') return false;
	for (const char *s = path; *s; s++) {
		if (*s == '\\' || *s == ' ' || *s == '"' || *s == '\'' || *s == ':') return false;
		if (*s == '.' && (s == path || s[-1] == '/') && (s[1] == '.' || s[1] == '/' || !s[1])) return false;
	}
	return true;
}

/* Go's path.Clean, for "non-canonical import path" */
static char *clean_path(const char *p)
{
	size_t n = strlen(p);
	char *out = malloc(n + 2);
	size_t w = 0;
	bool rooted = p[0] == '/';
	size_t i = 0;
	if (rooted) out[w++] = '/', i = 1;
	size_t dotdot = w;
	while (i < n) {
		if (p[i] == '/') {
			i++;
		} else if (p[i] == '.' && (i + 1 == n || p[i + 1] == '/')) {
			i++;
		} else if (p[i] == '.' && p[i + 1] == '.' && (i + 2 == n || p[i + 2] == '/')) {
			i += 2;
			if (w > dotdot) {
				w--;
				while (w > dotdot && out[w] != '/') w--;
			} else if (!rooted) {
				if (w > 0) out[w++] = '/';
				out[w++] = '.', out[w++] = '.';
				dotdot = w;
			}
		} else {
			if ((rooted && w != 1) || (!rooted && w != 0)) out[w++] = '/';
			while (i < n && p[i] != '/') out[w++] = p[i++];
		}
	}
	if (w == 0) out[w++] = '.';
	out[w] = 0;
	return out;
}

/* types2's validatedImportPath and gc's canonical-path check; false after an error */
static bool check_import_path(const char *s, size_t n, Pos pos)
{
	if (n == 0) {
		diag_errorf(pos, "invalid import path (empty string)");
		return false;
	}
	for (size_t i = 0; i < n;) {
		int w;
		int32_t r = utf8_decode_rune(s + i, n - i, &w);
		i += (size_t)w;
		bool space = r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
		if (!is_unicode_print(r) || space || r == 0xFFFD || (r < 0x80 && strchr("!\"#$%&'()*,:;<=>?[\\]^{|}`", (int)r))) {
			if (r == 0xFFFD)
				diag_errorf(pos, "invalid import path (invalid character U+FFFD '\xEF\xBF\xBD')");
			else if (r >= 0x20 && r != 0x7f && is_unicode_print(r))
				diag_errorf(pos, "invalid import path (invalid character U+%04X '%.*s')", (unsigned)r, w, s + i - w);
			else
				diag_errorf(pos, "invalid import path (invalid character U+%04X)", (unsigned)r);
			return false;
		}
	}
	if (s[0] == '/') {
		diag_errorf(pos, "could not import %s (import path cannot be absolute path)", s);
		return false;
	}
	char *q = clean_path(s);
	bool ok = strcmp(q, s) == 0 || s[0] == '.';
	if (!ok) diag_errorf(pos, "could not import %s (non-canonical import path \"%s\" (should be \"%s\"))", s, s, q);
	free(q);
	return ok;
}

Package *load_import(const char *path, Pos pos)
{
	path = intern_cstr(path);
	Loaded *l = find(path);
	if (l && l->pkg) return l->pkg;
	if (l) {
		/* in progress: a cycle */
		fprintf(stderr, "package %s\n", nstack ? stack[0] : path);
		for (int i = 1; i < nstack; i++) fprintf(stderr, "\timports %s\n", stack[i]);
		fprintf(stderr, "\timports %s: import cycle not allowed\n", path);
		exit(1);
	}
	if (!valid_import_path(path) || !strcmp(path, "main")) {
		diag_errorf(pos, "invalid import path: \"%s\"", path);
		return NULL;
	}
	const char **files;
	int n = 0;
	Chosen *c = chosen;
	while (c && c->path != path) c = c->next;
	if (c) {
		files = c->files;
		n = c->n;
	} else {
		char *dir = load_import_dir(path);
		if (!dir) {
			diag_errorf(pos, "package %s is not in GOROOT (%s/src/%s)", path, goroot, path);
			return NULL;
		}
		n = load_dir_files(dir, &files);
		if (n <= 0) {
			diag_errorf(pos, "no Go files in %s", dir);
			return NULL;
		}
	}
	l = calloc(1, sizeof *l);
	l->path = path;
	l->next = loaded;
	loaded = l;
	stack = realloc(stack, sizeof(char *) * (nstack + 1));
	stack[nstack++] = path;
	l->pkg = load_files(path, files, n, LOAD_DEP);
	nstack--;
	return l->pkg;
}

/* golc test (driver/gotest.c): the package at path is made of these files
 * (build constraints still apply), not of its directory's. Every importer
 * then sees this one package: the package under test with its _test.go
 * files, the external test package, a directory's package under its path. */
void load_set_files(const char *path, const char **files, int n)
{
	Chosen *c = calloc(1, sizeof *c);
	c->path = intern_cstr(path);
	c->files = files;
	c->n = n;
	c->next = chosen;
	chosen = c;
}

/* golc test of a directory in a module: import paths below the module's path
 * resolve to directories below its root */
void load_set_module(const char *path, const char *dir)
{
	module_path = path;
	module_dir = dir;
}

/* the package clause's name of a file, or NULL when the file cannot be read
 * or its build constraints exclude it */
const char *load_file_package(const char *path)
{
	int ov = build_file_override(path);
	if (ov < 0) return NULL;
	int32_t f = srcfile_load(path);
	if (f < 0) return NULL;
	if (!ov && !file_selected(f)) return NULL;
	const char *name;
	return parse_header(f, &name, NULL, NULL, NULL) ? name : NULL;
}

/* forgets every loaded package (they live in perm, which the caller resets next) */
void load_reset(void)
{
	while (loaded) {
		Loaded *next = loaded->next;
		free(loaded);
		loaded = next;
	}
	nstack = 0;
}

/* the main package's own path on the stack (cycle messages) */
void load_push_main(const char *path)
{
	stack = realloc(stack, sizeof(char *) * (nstack + 1));
	stack[nstack++] = intern_cstr(path);
}
