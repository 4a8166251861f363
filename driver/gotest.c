/*
 * gotest.c: golc test, the go command's `go test` for one package.
 *
 *   golc test [-c] [-o file] [-O0|-O1|-O2] [test flags] [dir | importpath] [test flags] [-args ...]
 *
 * The package (an import path under GOROOT's src, or a directory: "./x",
 * "/abs", the current one when none is given; a directory's import path
 * comes from the go.mod above it, else it is "_" + its absolute path) is
 * loaded with its _test.go files:
 *
 *  - files of the package's own name (internal tests, export_test.go) join
 *    the package itself. load_set_files makes the loader take exactly this
 *    file list for the import path, so every importer in the program
 *    (testing, fmt, ... when the package is strings) sees this one variant:
 *    the go command recompiles the dependents against the test variant, and
 *    so does golc's build cache, whose keys cover every file of a package
 *    and of its imports;
 *  - files of package <name>_test form the external test package, import
 *    path <importpath>_test, which imports the variant like everyone else.
 *
 * testmain.c finds the tests, benchmarks, fuzz targets and examples and
 * writes the main package; it is built like `golc build` does, then run in
 * the package's directory (tests read testdata/ relative to it) with the
 * test flags as -test.*, plus -test.paniconexit0 and -test.timeout=10m0s
 * unless given, as the go command does. Output is gathered and shown only
 * for a failure, or as it comes with -v, -list, -bench or -fuzz; then
 * "ok  \t<pkg>\t<time>s" or "FAIL\t<pkg>\t<time>s" (exit status 1), or
 * "FAIL\t<pkg> [build failed]" after compile errors. The binary is killed one
 * minute after its -test.timeout, as the go command does.
 *
 * Tests of std packages that need what golc lacks are skipped by name:
 * driver/testskips.txt ("<importpath> <TestName> <reason>" lines) becomes
 * the generated main's -test.skip regexp (GOLC_TESTSKIPS=off ignores the
 * file); the user's -skip regexp is added to it.
 */
#define _GNU_SOURCE
#include "driver.h"

#include "ast.h"
#include "frontend.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef GOLC_SOURCE_DIR
#define GOLC_SOURCE_DIR "."
#endif

typedef struct TestOpts {
	const char *pkgarg;     /* dir or import path */
	char **args;            /* for the test binary */
	int nargs;
	bool show;              /* -v, -list, -bench, -fuzz: output as it comes */
	bool compile_only;      /* -c */
	const char *out;        /* -o */
	int optlevel;
	double timeout;         /* seconds; 0 none */
	bool has_timeout;
	const char *skip;       /* the user's -skip regexp */
} TestOpts;

/* test flags with a value, and boolean ones (go help testflag) */
static const char *const value_flags[] = {
	"bench", "benchtime", "blockprofile", "blockprofilerate", "count", "coverprofile", "cpu",
	"cpuprofile", "fuzz", "fuzzcachedir", "fuzzminimizetime", "fuzztime", "list", "memprofile",
	"memprofilerate", "mutexprofile", "mutexprofilefraction", "outputdir", "parallel", "run",
	"shuffle", "skip", "timeout", "trace", NULL,
};
static const char *const bool_flags[] = {
	"v", "short", "failfast", "benchmem", "paniconexit0", NULL,
};

static bool in(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, s, n)) return true;
	return false;
}

static void test_usage(void)
{
	fprintf(stderr, "usage: golc test [-c] [-o file] [-O0|-O1|-O2] [test flags] [dir | importpath] [test flags] [-args ...]\n");
	exit(2);
}

static void add_arg(TestOpts *o, const char *a)
{
	o->args = realloc(o->args, sizeof(char *) * (o->nargs + 2));
	o->args[o->nargs++] = strdup(a);
}

/* a Go duration ("10m0s", "90s", "1h", "500ms") in seconds; -1 if malformed */
static double parse_duration(const char *s)
{
	double total = 0;
	if (!strcmp(s, "0")) return 0;
	while (*s) {
		char *end;
		double v = strtod(s, &end);
		if (end == s) return -1;
		s = end;
		double unit;
		if (!strncmp(s, "ns", 2)) unit = 1e-9, s += 2;
		else if (!strncmp(s, "us", 2) || !strncmp(s, "\xc2\xb5s", 3)) unit = 1e-6, s += s[0] == 'u' ? 2 : 3;
		else if (!strncmp(s, "ms", 2)) unit = 1e-3, s += 2;
		else if (*s == 's') unit = 1, s++;
		else if (*s == 'm') unit = 60, s++;
		else if (*s == 'h') unit = 3600, s++;
		else return -1;
		total += v * unit;
	}
	return total;
}

static void parse_test_args(TestOpts *o, int argc, char **argv)
{
	o->optlevel = 2;
	o->timeout = 600;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-args") || !strcmp(a, "--args")) {
			for (i++; i < argc; i++) add_arg(o, argv[i]);
			break;
		}
		if (a[0] != '-' || !a[1]) {
			if (o->pkgarg) {
				fprintf(stderr, "golc test: one package at a time (%s, %s)\n", o->pkgarg, a);
				exit(2);
			}
			o->pkgarg = a;
			continue;
		}
		const char *name = a + 1 + (a[1] == '-');
		if (!strncmp(name, "test.", 5)) name += 5;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		if (!eq && (!strcmp(name, "O0") || !strcmp(name, "O1") || !strcmp(name, "O2"))) {
			o->optlevel = name[1] - '0';
		} else if (n == 1 && name[0] == 'c') {
			o->compile_only = true;
		} else if (n == 1 && name[0] == 'o') {
			if (!eq && i + 1 >= argc) test_usage();
			o->out = eq ? eq + 1 : argv[++i];
		} else if (in(value_flags, name, n)) {
			if (!eq && i + 1 >= argc) {
				fprintf(stderr, "golc test: flag needs an argument: -%.*s\n", (int)n, name);
				test_usage();
			}
			const char *v = eq ? eq + 1 : argv[++i];
			if (n == 4 && !memcmp(name, "skip", 4)) {
				o->skip = v;
				continue;
			}
			if (n == 7 && !memcmp(name, "timeout", 7)) {
				o->has_timeout = true;
				o->timeout = parse_duration(v);
				if (o->timeout < 0) {
					fprintf(stderr, "golc test: invalid value \"%s\" for flag -timeout\n", v);
					exit(2);
				}
			}
			/* the go command streams the output of -list, -bench and -fuzz */
			if ((n == 4 && !memcmp(name, "list", 4)) || (n == 5 && !memcmp(name, "bench", 5)) ||
			    (n == 4 && !memcmp(name, "fuzz", 4)))
				o->show = true;
			char *f = malloc(n + strlen(v) + 8);
			sprintf(f, "-test.%.*s=%s", (int)n, name, v);
			add_arg(o, f);
			free(f);
		} else if (in(bool_flags, name, n)) {
			if (n == 1 && name[0] == 'v') o->show = !eq || strcmp(eq + 1, "false") != 0;
			char *f = malloc(strlen(name) + 8);
			sprintf(f, "-test.%s", name);
			add_arg(o, f);
			free(f);
		} else {
			fprintf(stderr, "golc test: flag provided but not defined: %s\n", a);
			test_usage();
		}
	}
	if (!o->pkgarg) {
		/* the go command's local directory mode: the output streams */
		o->pkgarg = ".";
		o->show = true;
	}
}

/* ------------------------------------------------------------ the package */

static bool is_test_go(const char *name)
{
	size_t n = strlen(name);
	return n > 8 && !strcmp(name + n - 8, "_test.go");
}

/* the go command's file-name rules for a directory entry (a test file's
 * _GOOS/_GOARCH suffix comes before _test) */
static bool match_name(const char *name)
{
	if (!is_test_go(name)) return build_match_name(name);
	char *plain = strdup(name);
	strcpy(plain + strlen(plain) - 8, ".go");
	bool ok = plain[0] != '.' && build_match_name(plain) && name[0] != '_';
	free(plain);
	return ok;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

typedef struct FileList {
	const char **v;
	int n;
} FileList;

static void push(FileList *l, const char *s)
{
	l->v = realloc(l->v, sizeof(char *) * (l->n + 1));
	l->v[l->n++] = s;
}

/* the module path of the go.mod in dir or above it (its root in *root), or NULL */
static char *find_module(const char *dir, char **root)
{
	char *d = strdup(dir);
	for (;;) {
		char p[PATH_MAX];
		snprintf(p, sizeof p, "%s/go.mod", d);
		FILE *f = fopen(p, "r");
		if (f) {
			char line[1024];
			char *mod = NULL;
			while (!mod && fgets(line, sizeof line, f)) {
				char *s = line;
				while (*s == ' ' || *s == '\t') s++;
				if (strncmp(s, "module", 6) || (s[6] != ' ' && s[6] != '\t')) continue;
				s += 6;
				while (*s == ' ' || *s == '\t') s++;
				size_t n = strcspn(s, " \t\r\n/");
				if (*s == '"') s++, n = strcspn(s, "\"");
				else n = strcspn(s, " \t\r\n");
				mod = strndup(s, n);
			}
			fclose(f);
			if (mod) {
				*root = d;
				return mod;
			}
		}
		char *slash = strrchr(d, '/');
		if (!slash || slash == d) break;
		*slash = 0;
	}
	free(d);
	return NULL;
}

/* ------------------------------------------------------------ the skip list */

/* "^(A|B|...)$" of the tests driver/testskips.txt lists for importpath, or NULL */
static char *listed_skips(const char *importpath)
{
	const char *e = getenv("GOLC_TESTSKIPS");
	if (e && !strcmp(e, "off")) return NULL;
	FILE *f = fopen(GOLC_SOURCE_DIR "/driver/testskips.txt", "r");
	if (!f) return NULL;
	char line[2048];
	char *re = NULL;
	size_t len = 0;
	while (fgets(line, sizeof line, f)) {
		char pkg[512], name[512];
		if (line[0] == '#' || sscanf(line, "%511s %511s", pkg, name) != 2 || strcmp(pkg, importpath)) continue;
		re = realloc(re, len + strlen(name) + 8);
		len += (size_t)sprintf(re + len, "%s%s", len ? "|" : "^(", name);
	}
	fclose(f);
	if (re) strcpy(re + len, ")$");
	return re;
}

/* ------------------------------------------------------------ build failures */

static const char *failing_pkg;     /* set while building: exit(1) from the loader prints FAIL */
static pid_t driver_pid;
static char tmpdir[] = "/tmp/golc-test-XXXXXX";
static bool have_tmpdir;

static void at_exit(void)
{
	if (getpid() != driver_pid) return;
	if (failing_pkg) {
		fflush(stderr);
		printf("FAIL\t%s [build failed]\nFAIL\n", failing_pkg);
		fflush(stdout);
	}
	if (have_tmpdir) remove_tree(tmpdir);
}

static int build_failed(void)
{
	diag_flush();
	exit(1);
}

/* ------------------------------------------------------------ running */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct Output {
	char *s;
	size_t n, cap;
} Output;

/* runs the binary in dir, its stdout and stderr gathered in *out (and echoed
 * when show); kills it after kill_after seconds (0: never); returns the wait status */
static int run_test(const char *goarch, const char *exe, const char *dir, TestOpts *o, double kill_after, Output *out, bool *killed)
{
	int fds[2];
	if (pipe(fds) != 0) {
		perror("golc: pipe");
		exit(1);
	}
	char **argv = program_argv(goarch, exe, o->nargs, o->args);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		perror("golc: fork");
		exit(1);
	}
	if (pid == 0) {
		setpgid(0, 0);
		close(fds[0]);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[1]);
		if (chdir(dir) != 0) {
			fprintf(stderr, "golc: chdir %s: %s\n", dir, strerror(errno));
			_exit(127);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "golc: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	free(argv);
	close(fds[1]);
	double deadline = kill_after > 0 ? now() + kill_after : 0;
	*killed = false;
	for (;;) {
		struct pollfd p = {.fd = fds[0], .events = POLLIN};
		int ms = -1;
		if (deadline) {
			double left = deadline - now();
			ms = left <= 0 ? 0 : left > 3600 ? 3600000 : (int)(left * 1000) + 1;
		}
		int r = poll(&p, 1, ms);
		if (r < 0 && errno == EINTR) continue;
		if (r == 0) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			*killed = true;
			break;
		}
		char buf[65536];
		ssize_t k = read(fds[0], buf, sizeof buf);
		if (k < 0 && errno == EINTR) continue;
		if (k <= 0) break;
		if (o->show) {
			fwrite(buf, 1, (size_t)k, stdout);
			fflush(stdout);
		}
		if (out->n + (size_t)k + 1 > out->cap) {
			out->cap = (out->n + (size_t)k + 1) * 2;
			out->s = realloc(out->s, out->cap);
		}
		memcpy(out->s + out->n, buf, (size_t)k);
		out->n += (size_t)k;
		out->s[out->n] = 0;
	}
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) return -1;
	return status;
}

static bool contains(const Output *o, const char *s)
{
	return o->s && memmem(o->s, o->n, s, strlen(s)) != NULL;
}

/* ------------------------------------------------------------ golc test */

int cmd_test(int argc, char **argv)
{
	TestOpts o = {0};
	parse_test_args(&o, argc, argv);
	const char *goarch = getenv("GOARCH");
	if (!goarch || !*goarch) goarch = goarch_host();
	const char *triple = goarch_triple(goarch);
	if (!triple) {
		fprintf(stderr, "golc: unsupported GOARCH %s (amd64, arm64)\n", goarch);
		return 2;
	}
	driver_pid = getpid();
	atexit(at_exit);
	load_init(GOLC_GOROOT, GOLC_SOURCE_DIR "/libruntime/go", goarch);

	/* the directory and the import path */
	const char *arg = o.pkgarg;
	char *dir, *importpath;
	bool std = false;
	if (arg[0] == '.' || arg[0] == '/') {
		dir = realpath(arg, NULL);
		struct stat st;
		if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, "golc test: %s: not a directory\n", arg);
			return 1;
		}
		char *root;
		char *mod = find_module(dir, &root);
		if (mod) {
			importpath = malloc(strlen(mod) + strlen(dir) + 2);
			sprintf(importpath, "%s%s", mod, dir + strlen(root));
			load_set_module(mod, root);
		} else {
			importpath = malloc(strlen(dir) + 2);
			sprintf(importpath, "_%s", dir);
		}
	} else {
		importpath = strdup(arg);
		dir = load_import_dir(arg);
		if (!dir) {
			fprintf(stderr, "package %s is not in GOROOT (%s/src/%s)\n", arg, GOLC_GOROOT, arg);
			return 1;
		}
		std = true;
	}

	/* its files: the package's, internal tests, external tests */
	/* files are named as the user named the directory (./x_test.go, as the go
	 * command prints them) */
	const char *fdir = std ? dir : arg;
	size_t fl = strlen(fdir);
	while (fl > 1 && fdir[fl - 1] == '/') fl--;
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "golc test: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	FileList all = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 3 || strcmp(e->d_name + n - 3, ".go") || !match_name(e->d_name)) continue;
		char *p = malloc(fl + n + 2);
		sprintf(p, "%.*s/%s", (int)fl, fdir, e->d_name);
		push(&all, p);
	}
	closedir(d);
	qsort(all.v, all.n, sizeof(char *), cmpstr);
	const char **names = calloc(all.n + 1, sizeof(char *));
	const char *pkgname = NULL, *pkgfile = NULL;
	for (int i = 0; i < all.n; i++) {
		names[i] = load_file_package(all.v[i]);
		if (!names[i] || is_test_go(all.v[i])) continue;
		if (!pkgname) {
			pkgname = names[i];
			pkgfile = all.v[i];
		} else if (strcmp(pkgname, names[i])) {
			fprintf(stderr, "found packages %s (%s) and %s (%s) in %s\n", pkgname, strrchr(pkgfile, '/') + 1,
			        names[i], strrchr(all.v[i], '/') + 1, dir);
			return 1;
		}
	}
	for (int i = 0; i < all.n && !pkgname; i++) {
		if (!names[i]) continue;
		size_t n = strlen(names[i]);
		pkgname = n > 5 && !strcmp(names[i] + n - 5, "_test") ? intern(names[i], n - 5) : names[i];
	}
	FileList pfiles = {0}, xfiles = {0};
	int ntests = 0;
	for (int i = 0; i < all.n; i++) {
		if (!names[i]) continue;
		if (!is_test_go(all.v[i])) {
			push(&pfiles, all.v[i]);
			continue;
		}
		size_t n = strlen(pkgname);
		if (!strcmp(names[i], pkgname)) {
			push(&pfiles, all.v[i]);
		} else if (!strncmp(names[i], pkgname, n) && !strcmp(names[i] + n, "_test")) {
			push(&xfiles, all.v[i]);
		} else {
			fprintf(stderr, "found packages %s and %s (%s) in %s\n", pkgname, names[i], strrchr(all.v[i], '/') + 1, dir);
			return 1;
		}
		ntests++;
	}
	if (ntests == 0) {
		printf("?   \t%s\t[no test files]\n", importpath);
		return 0;
	}
	char *xpath = malloc(strlen(importpath) + 6);
	sprintf(xpath, "%s_test", importpath);

	/* load and check: the package (every importer sees this variant), the
	 * external tests, then the generated main */
	failing_pkg = importpath;
	load_push_main(importpath);
	Package *p = NULL, *x = NULL;
	if (pfiles.n) {
		load_set_files(importpath, pfiles.v, pfiles.n);
		p = load_import(importpath, (Pos){0});
	}
	if (xfiles.n && !diag_count()) {
		load_set_files(xpath, xfiles.v, xfiles.n);
		x = load_import(xpath, (Pos){0});
	}
	if (diag_count()) return build_failed();
	TestSet *ts = testmain_new();
	if (p) testmain_collect(ts, p, "_test");
	if (x) testmain_collect(ts, x, "_xtest");
	if (diag_count()) return build_failed();
	char *src = testmain_source(ts, importpath, p != NULL, x != NULL);
	if (!mkdtemp(tmpdir)) {
		perror("golc: mkdtemp");
		return 1;
	}
	have_tmpdir = true;
	char mainfile[PATH_MAX];
	snprintf(mainfile, sizeof mainfile, "%s/_testmain.go", tmpdir);
	FILE *f = fopen(mainfile, "w");
	if (!f || fputs(src, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "golc: %s: %s\n", mainfile, strerror(errno));
		return 1;
	}
	free(src);
	const char *mf = mainfile;
	Package *m = load_files("main", &mf, 1, 0);
	if (diag_count()) return build_failed();

	/* build */
	const char *base = strrchr(importpath, '/');
	base = base ? base + 1 : importpath;
	char exe[PATH_MAX];
	if (o.out) snprintf(exe, sizeof exe, "%s", o.out);
	else if (o.compile_only) snprintf(exe, sizeof exe, "%s.test", base);
	else snprintf(exe, sizeof exe, "%s/%s.test", tmpdir, base);
	CgOptions co = build_options(triple, o.optlevel);
	if (build_program(m, &co, exe) != 0) return build_failed();
	failing_pkg = NULL;
	if (o.compile_only) return 0;

	/* run */
	if (!o.has_timeout) add_arg(&o, "-test.timeout=10m0s");
	add_arg(&o, "-test.paniconexit0");
	char *skips = std ? listed_skips(importpath) : NULL;
	if (skips || o.skip) {
		char *re = malloc((skips ? strlen(skips) : 0) + (o.skip ? strlen(o.skip) : 0) + 32);
		if (skips && o.skip) sprintf(re, "-test.skip=(%s)|%s", o.skip, skips);
		else sprintf(re, "-test.skip=%s", skips ? skips : o.skip);
		add_arg(&o, re);
		free(re);
	}
	Output out = {0};
	bool killed;
	double t0 = now();
	int status = run_test(goarch, exe, dir, &o, o.timeout > 0 ? o.timeout + 60 : 0, &out, &killed);
	double t = now() - t0;
	bool ok = status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (ok) {
		const char *norun = "";
		if (contains(&out, "\ntesting: warning: no tests to run\n") ||
		    (out.n && !strncmp(out.s, "testing: warning: no tests to run\n", 34)))
			norun = " [no tests to run]";
		if (o.show && out.n && out.s[out.n - 1] != '\n') putchar('\n');
		printf("ok  \t%s\t%.3fs%s\n", importpath, t, norun);
		return 0;
	}
	if (!o.show && out.n) fwrite(out.s, 1, out.n, stdout);
	if (killed) printf("*** Test killed: ran too long (%.0fs).\n", o.timeout + 60);
	if (out.n == 0) {
		if (status >= 0 && WIFEXITED(status)) printf("exit status %d\n", WEXITSTATUS(status));
		else if (status >= 0 && WIFSIGNALED(status)) printf("signal: %s\n", strsignal(WTERMSIG(status)));
	} else if (out.s[out.n - 1] != '\n') {
		putchar('\n');
	}
	printf("FAIL\t%s\t%.3fs\nFAIL\n", importpath, t);
	return 1;
}
