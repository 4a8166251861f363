/*
 * main.c: the golc command.
 *
 *   golc build [-o out] [-O0|-O1|-O2] [-emit-llvm] [-e] [-target triple] files.go... | dir
 *   golc run [build flags] files.go... [args]
 *   golc test [build and test flags] [dir | importpath] [test flags]   (gotest.c)
 *   golc typecheck [-e] files.go... | dir | importpath
 *   golc version | env
 *
 * The pipeline for one package is visible in compile():
 *   srcfile_load -> parse_file -> check_package -> cg_package -> link.
 * Exit codes follow the go command: 1 for compile errors (and for `golc run`
 * when the program exits non-zero, after printing "exit status N"), 2 for
 * usage errors.
 */
#include "frontend.h"
#include "codegen.h"
#include "driver.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef GOLC_VERSION
#define GOLC_VERSION "dev"
#endif

typedef struct Options {
	const char *out;
	int optlevel;
	bool emit_llvm;
	bool compile_only;      /* -c: write an object file, do not link */
	bool all_errors;
	const char *triple;
	const char *goarch;
	const char **files;
	int nfiles;
	const char *keep;       /* GOLC_KEEP: keep the object file here */
	const char *importpath; /* typecheck: an import path instead of files */
	const char *pkgpath;    /* -p: the package's import path (build -c), default main */
	bool from_dir;          /* files listed from a directory: build constraints select */
} Options;

static void usage(void)
{
	fprintf(stderr,
	        "usage: golc build [-o out] [-c [-p importpath]] [-O0|-O1|-O2] [-emit-llvm] [-e] [-lang=go1.N] [-target triple] files.go... | dir\n"
	        "       golc run [build flags] files.go... [arguments...]\n"
	        "       golc test [build and test flags] [dir | importpath] [test flags] [-args ...]\n"
	        "       golc typecheck [-e] files.go... | dir | importpath\n"
	        "       golc version\n"
	        "       golc env\n");
	exit(2);
}

/* GOARCH (amd64, arm64) -> target triple */
const char *goarch_triple(const char *goarch)
{
	if (!strcmp(goarch, "amd64")) return "x86_64-unknown-linux-gnu";
	if (!strcmp(goarch, "arm64")) return "aarch64-unknown-linux-gnu";
	return NULL;
}

const char *goarch_host(void)
{
#if defined(__aarch64__)
	return "arm64";
#else
	return "amd64";
#endif
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && !strcmp(s + n - m, suf);
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* the .go files of a directory (no tests), sorted like the go command */
static void add_dir(Options *o, const char *dir, const char ***list, int *n)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "golc: %s: %s\n", dir, strerror(errno));
		exit(1);
	}
	struct dirent *e;
	int start = *n;
	while ((e = readdir(d))) {
		if (!has_suffix(e->d_name, ".go") || has_suffix(e->d_name, "_test.go") || e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		char *p = malloc(strlen(dir) + strlen(e->d_name) + 2);
		sprintf(p, "%s/%s", dir, e->d_name);
		*list = realloc(*list, sizeof(char *) * (*n + 1));
		(*list)[(*n)++] = p;
	}
	closedir(d);
	qsort(*list + start, *n - start, sizeof(char *), cmpstr);
	o->from_dir = true;    /* build constraints select among them (load.c) */
}

/* parse flags; returns the index of the first non-flag, non-file argument for `run` */
static int parse_args(Options *o, int argc, char **argv, bool run, bool typecheck)
{
	o->optlevel = 2;
	o->goarch = getenv("GOARCH");
	if (!o->goarch || !*o->goarch) o->goarch = goarch_host();
	int i = 0;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || !strcmp(a, "-")) break;
		if (!strcmp(a, "-o") && i + 1 < argc) o->out = argv[++i];
		else if (!strcmp(a, "-O0")) o->optlevel = 0;
		else if (!strcmp(a, "-O1")) o->optlevel = 1;
		else if (!strcmp(a, "-O2")) o->optlevel = 2;
		else if (!strcmp(a, "-emit-llvm")) o->emit_llvm = true;
		else if (!strcmp(a, "-c")) o->compile_only = true;
		else if (!strcmp(a, "-e")) o->all_errors = true;
		else if (!strcmp(a, "-p") && i + 1 < argc) o->pkgpath = argv[++i];
		else if (!strncmp(a, "-lang=go1.", 10)) check_lang_minor = atoi(a + 10);
		else if (!strcmp(a, "-target") && i + 1 < argc) o->triple = argv[++i];
		else if (!strncmp(a, "-target=", 8)) o->triple = a + 8;
		else {
			fprintf(stderr, "golc: unknown flag %s\n", a);
			usage();
		}
	}
	const char **files = NULL;
	int n = 0;
	for (; i < argc; i++) {
		struct stat st;
		if (has_suffix(argv[i], ".go")) {
			files = realloc(files, sizeof(char *) * (n + 1));
			files[n++] = argv[i];
		} else if (typecheck && argv[i][0] != '.' && argv[i][0] != '/' && n == 0 && i + 1 == argc) {
			o->importpath = argv[i];
			i++;
			break;
		} else if (!run && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			add_dir(o, argv[i], &files, &n);
		} else if (!run) {
			fprintf(stderr, "golc: %s: not a .go file or directory\n", argv[i]);
			exit(1);
		} else {
			break;
		}
	}
	if (n == 0 && !o->importpath) {
		fprintf(stderr, "golc: no Go files listed\n");
		exit(1);
	}
	o->files = files;
	o->nfiles = n;
	if (!o->triple) {
		o->triple = goarch_triple(o->goarch);
		if (!o->triple) {
			fprintf(stderr, "golc: unsupported GOARCH %s (amd64, arm64)\n", o->goarch);
			exit(2);
		}
	} else {
		o->goarch = strncmp(o->triple, "aarch64", 7) == 0 ? "arm64" : "amd64";
	}
	return i;
}

/* parse + typecheck the package of o->files; exits 1 on errors */
static Package *frontend(Options *o)
{
	diag_set_all(o->all_errors);
	load_init(GOLC_GOROOT, GOLC_SOURCE_DIR "/libruntime/go", o->goarch);
	load_push_main(o->pkgpath ? o->pkgpath : "command-line-arguments");
	Package *p = load_files(o->pkgpath ? o->pkgpath : "main", o->files, o->nfiles, o->from_dir ? LOAD_SELECT : 0);
	if (diag_count()) {
		diag_flush();
		exit(1);
	}
	return p;
}

static char *default_output(const char *file)
{
	const char *b = strrchr(file, '/');
	b = b ? b + 1 : file;
	char *out = strdup(b);
	if (has_suffix(out, ".go")) out[strlen(out) - 3] = 0;
	return out;
}

/* is experiment name on in GOEXPERIMENT (a comma list, as the go command's)? */
static bool goexperiment(const char *name)
{
	const char *e = getenv("GOEXPERIMENT");
	size_t n = strlen(name);
	while (e && *e) {
		const char *c = strchr(e, ',');
		size_t w = c ? (size_t)(c - e) : strlen(e);
		if (w == n && strncmp(e, name, n) == 0) return true;
		e = c ? c + 1 : NULL;
	}
	return false;
}

/* remove dir and everything below it (a build's temporary directory) */
void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
		char p[PATH_MAX];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (e->d_type == DT_DIR) remove_tree(p);
		else unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

/* the code generator's options for a build (GOEXPERIMENT and GOLC_* switches included) */
CgOptions build_options(const char *triple, int optlevel)
{
	return (CgOptions){.triple = triple, .optlevel = optlevel, .fieldtrack = goexperiment("fieldtrack"),
	                   .maxssa = getenv("GOLC_MAXSSA") ? atoi(getenv("GOLC_MAXSSA")) : 0,
	                   .ll_before = getenv("GOLC_IR_BEFORE")};
}

/* compile the package (and, to link it, everything it imports: build.c),
 * then link; returns the exit code */
static int compile(Options *o, const char *out)
{
	Package *p = frontend(o);
	bool link = !o->emit_llvm && !o->compile_only;
	if (link && strcmp(p->name, "main") != 0) {
		fprintf(stderr, "golc: cannot build non-main package %s\n", p->name);
		return 1;
	}
	if (link) {
		/* gc reports this when linking, not when compiling */
		Obj *m = scope_lookup_local(p->scope, intern_cstr("main"));
		if (!m || m->kind != OBJ_FUNC) {
			fprintf(stderr, "function main is undeclared in the main package\n");
			return 1;
		}
	}
	CgOptions co = build_options(o->triple, o->optlevel);
	if (o->emit_llvm) {
		co.ll_out = out ? out : "-";
		co.bigframes = getenv("GOLC_BIGFRAMES");
		return cg_package(p, &co);
	}
	if (o->compile_only) {
		co.obj_out = out;
		return build_unit(p, &co);
	}
	return build_program(p, &co, out);
}

/* a checked main package p: its imports (build.c), itself, linked to out */
int build_program(Package *p, CgOptions *co, const char *out)
{
	char tmpdir[] = "/tmp/golc-XXXXXX";
	if (!mkdtemp(tmpdir)) {
		perror("golc: mkdtemp");
		return 1;
	}
	const char **deps;
	int ndeps;
	int rc = build_deps(p, co, tmpdir, &deps, &ndeps);
	char obj[PATH_MAX];
	snprintf(obj, sizeof obj, "%s/main.o", tmpdir);
	co->obj_out = obj;
	if (rc == 0) rc = build_unit(p, co);
	if (rc == 0) {
		const char **objs = malloc(sizeof(char *) * (ndeps + 1));
		objs[0] = obj;
		memcpy(objs + 1, deps, sizeof(char *) * ndeps);
		rc = link_program(co->triple, objs, ndeps + 1, out);
		free(objs);
	}
	remove_tree(tmpdir);
	return rc;
}

static int cmd_build(int argc, char **argv)
{
	Options o = {0};
	parse_args(&o, argc, argv, false, false);
	const char *out = o.out;
	if (!out && o.compile_only) {
		char *d = default_output(o.files[0]);
		char *obj = malloc(strlen(d) + 3);
		sprintf(obj, "%s.o", d);
		out = obj;
	}
	if (!out && !o.emit_llvm) out = default_output(o.files[0]);
	if (o.emit_llvm && out && !strcmp(out, "-")) out = NULL;
	return compile(&o, out);
}

static int cmd_run(int argc, char **argv)
{
	Options o = {0};
	int first = parse_args(&o, argc, argv, true, false);
	char tmpdir[] = "/tmp/golc-run-XXXXXX";
	if (!mkdtemp(tmpdir)) {
		perror("golc: mkdtemp");
		return 1;
	}
	char exe[512];
	snprintf(exe, sizeof exe, "%s/%s", tmpdir, default_output(o.files[0]));
	int rc = compile(&o, exe);
	if (rc != 0) {
		rmdir(tmpdir);
		return rc;
	}
	int status = run_program(o.goarch, exe, argc - first, argv + first);
	unlink(exe);
	rmdir(tmpdir);
	if (WIFEXITED(status)) {
		int code = WEXITSTATUS(status);
		if (code != 0) {
			fprintf(stderr, "exit status %d\n", code);
			return 1;
		}
		return 0;
	}
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "signal: %s\n", strsignal(WTERMSIG(status)));
		return 1;
	}
	return 1;
}

static int cmd_typecheck(int argc, char **argv)
{
	Options o = {0};
	parse_args(&o, argc, argv, false, true);
	if (o.importpath) {
		diag_set_all(o.all_errors);
		load_init(GOLC_GOROOT, GOLC_SOURCE_DIR "/libruntime/go", o.goarch);
		return load_import(o.importpath, (Pos){0}) ? 0 : (diag_flush(), 1);
	}
	frontend(&o);
	return 0;
}

static int cmd_env(void)
{
	const char *goarch = getenv("GOARCH");
	if (!goarch || !*goarch) goarch = goarch_host();
	printf("GOARCH=\"%s\"\n", goarch);
	printf("GOOS=\"linux\"\n");
	printf("GOROOT=\"%s\"\n", GOLC_GOROOT);
	printf("GOLC_LIBDIR=\"%s\"\n", golc_libdir());
	printf("GOLC_VERSION=\"%s\"\n", GOLC_VERSION);
	return 0;
}

typedef struct Args {
	int argc;
	char **argv;
} Args;

static int golc_main(void *p)
{
	int argc = ((Args *)p)->argc;
	char **argv = ((Args *)p)->argv;
	if (argc < 2) usage();
	const char *cmd = argv[1];
	if (!strcmp(cmd, "build")) return cmd_build(argc - 2, argv + 2);
	if (!strcmp(cmd, "run")) return cmd_run(argc - 2, argv + 2);
	if (!strcmp(cmd, "test")) return cmd_test(argc - 2, argv + 2);
	if (!strcmp(cmd, "typecheck")) return cmd_typecheck(argc - 2, argv + 2);
	if (!strcmp(cmd, "version")) {
		printf("golc version %s (go1.19 linux/%s, LLVM 19)\n", GOLC_VERSION, goarch_host());
		return 0;
	}
	if (!strcmp(cmd, "env")) return cmd_env();
	if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) usage();
	fprintf(stderr, "golc %s: unknown command\nRun 'golc help' for usage.\n", cmd);
	return 2;
}

/* the compiler recurses over the syntax tree: it runs on a large stack (bigstack.c) */
int main(int argc, char **argv)
{
	return bigstack_run(golc_main, &(Args){argc, argv});
}
