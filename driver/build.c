/*
 * build.c: compiles a program's packages to objects, with a build cache.
 *
 * When golc builds a program, the frontend has already loaded and checked
 * every package the main package imports, transitively. Each of them
 * (but unsafe, and runtime, which is lib/golc/<arch>/runtime.o) becomes one
 * object file in the build cache, named by a key that covers everything
 * its code depends on:
 *
 *   key(p) = XXH3-128("golc-build-1", the golc executable's own hash,
 *                     target triple, -O level, GOLC_MAXSSA, fieldtrack,
 *                     p's import path, each selected file's path and bytes,
 *                     key(q) for each import q)
 *
 * so a change anywhere below a package (a file, an import's file, golc
 * itself) gives it a new key, and `golc build hello.go` compiles fmt and
 * its 40-odd dependencies once. Missing objects are compiled in parallel
 * (GOLC_JOBS, default the CPU count) by forked children of the driver: the
 * whole program is type-checked in the parent, so a child only runs codegen
 * for its package. Objects are written to a temporary name and renamed
 * into place, so concurrent golc processes may share the cache.
 *
 * The cache lives in $GOLCCACHE, else $XDG_CACHE_HOME/golc, else
 * $HOME/.cache/golc; GOLCCACHE=off compiles into a temporary directory.
 *
 * A child whose package has frames too big for the plain split-stack check
 * (cg_package returns CG_RETRY) hands the measurements back in a file; the
 * package is compiled again, in a fresh child, with them (cg_func.c).
 */
#define _GNU_SOURCE
#include "driver.h"

#include "ast.h"
#include "frontend.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xxhash.h>

typedef struct Unit {
	Package *pkg;
	XXH128_hash_t key;
	char obj[PATH_MAX];
	bool compile;           /* not in the cache yet */
	char *frames;           /* a retry's frame measurements */
	pid_t pid;
	char tmp[PATH_MAX];
} Unit;

static bool provided(Package *p)
{
	return p->is_unsafe || strcmp(p->path, "runtime") == 0;
}

/* post-order: every package after its imports */
static void collect(Package *p, Unit **v, int *n, int *cap)
{
	for (int i = 0; i < *n; i++)
		if ((*v)[i].pkg == p) return;
	for (int i = 0; i < p->nimports; i++) collect(p->imports[i], v, n, cap);
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = realloc(*v, sizeof(Unit) * *cap);
	}
	memset(&(*v)[*n], 0, sizeof(Unit));
	(*v)[(*n)++].pkg = p;
}

static XXH128_hash_t compiler_hash(void)
{
	static XXH128_hash_t h;
	static bool done;
	if (done) return h;
	XXH3_state_t *st = XXH3_createState();
	XXH3_128bits_reset(st);
	int fd = open("/proc/self/exe", O_RDONLY);
	char buf[1 << 16];
	ssize_t r;
	while (fd >= 0 && (r = read(fd, buf, sizeof buf)) > 0) XXH3_128bits_update(st, buf, (size_t)r);
	if (fd >= 0) close(fd);
	h = XXH3_128bits_digest(st);
	XXH3_freeState(st);
	done = true;
	return h;
}

static void upd_str(XXH3_state_t *st, const char *s)
{
	XXH3_128bits_update(st, s, strlen(s) + 1);
}

static XXH128_hash_t unit_key(Unit *u, Unit *all, int n, const CgOptions *co)
{
	XXH3_state_t *st = XXH3_createState();
	XXH3_128bits_reset(st);
	upd_str(st, "golc-build-1");
	XXH128_hash_t ch = compiler_hash();
	XXH3_128bits_update(st, &ch, sizeof ch);
	upd_str(st, co->triple);
	int opts[3] = {co->optlevel, co->maxssa, co->fieldtrack};
	XXH3_128bits_update(st, opts, sizeof opts);
	Package *p = u->pkg;
	upd_str(st, p->path);
	for (int i = 0; i < p->nfiles; i++) {
		SrcFile *f = srcfile_get(p->files[i]->file.file);
		upd_str(st, f->abspath ? f->abspath : f->path);
		XXH3_128bits_update(st, f->src, f->len);
	}
	for (int i = 0; i < p->nimports; i++)
		for (int j = 0; j < n; j++)
			if (all[j].pkg == p->imports[i]) XXH3_128bits_update(st, &all[j].key, sizeof all[j].key);
	XXH128_hash_t h = XXH3_128bits_digest(st);
	XXH3_freeState(st);
	return h;
}

static int mkdirs(char *path)
{
	for (char *s = path + 1; *s; s++) {
		if (*s != '/') continue;
		*s = 0;
		int r = mkdir(path, 0777);
		*s = '/';
		if (r != 0 && errno != EEXIST) return -1;
	}
	if (mkdir(path, 0777) != 0 && errno != EEXIST) return -1;
	return 0;
}

/* the cache directory, created; NULL when the cache is off (GOLCCACHE=off) */
static const char *cache_dir(void)
{
	static char dir[PATH_MAX];
	if (dir[0]) return dir;
	const char *e = getenv("GOLCCACHE");
	if (e && strcmp(e, "off") == 0) return NULL;
	if (e && *e) snprintf(dir, sizeof dir, "%s", e);
	else if ((e = getenv("XDG_CACHE_HOME")) && *e) snprintf(dir, sizeof dir, "%s/golc", e);
	else if ((e = getenv("HOME")) && *e) snprintf(dir, sizeof dir, "%s/.cache/golc", e);
	else return NULL;
	if (mkdirs(dir) != 0) {
		fprintf(stderr, "golc: build cache %s: %s (set GOLCCACHE)\n", dir, strerror(errno));
		exit(1);
	}
	return dir;
}

static int jobs(void)
{
	const char *e = getenv("GOLC_JOBS");
	long n = e ? strtol(e, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) return NULL;
	char *s = NULL;
	size_t n = 0;
	ssize_t r = getdelim(&s, &n, 0, f);
	fclose(f);
	if (r < 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* fork a child that compiles p to obj; in the child, a CG_RETRY leaves the
 * measurements in obj.frames */
static pid_t spawn_codegen(Package *p, const CgOptions *base, const char *obj, const char *frames)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid != 0) return pid;
	CgOptions co = *base;
	co.obj_out = obj;
	co.ll_out = NULL;
	co.bigframes = frames;
	int rc = cg_package(p, &co);
	if (rc == CG_RETRY) {
		char fp[PATH_MAX + 8];
		snprintf(fp, sizeof fp, "%s.frames", obj);
		FILE *f = fopen(fp, "w");
		if (!f || fputs(co.toobig, f) < 0 || fclose(f) != 0) rc = 1;
	}
	fflush(stderr);
	_exit(rc);
}

/* a finished child: 0 done, 1 failed, 2 must run again (u->frames set) */
static int reap(Unit *u, int status, const char *obj)
{
	int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (rc == CG_RETRY && !u->frames) {
		char fp[PATH_MAX + 8];
		snprintf(fp, sizeof fp, "%s.frames", obj);
		u->frames = read_file(fp);
		unlink(fp);
		if (u->frames) return 2;
	}
	if (rc != 0) {
		if (!WIFEXITED(status)) fprintf(stderr, "golc: compiling %s: killed by signal %d\n", u->pkg->path, WTERMSIG(status));
		return 1;
	}
	return 0;
}

int build_unit(Package *p, const CgOptions *co)
{
	Unit u = {.pkg = p};
	for (;;) {
		pid_t pid = spawn_codegen(p, co, co->obj_out, u.frames);
		if (pid < 0) {
			perror("golc: fork");
			return 1;
		}
		int status;
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR) return 1;
		int r = reap(&u, status, co->obj_out);
		if (r != 2) {
			free(u.frames);
			return r;
		}
	}
}

int build_deps(Package *main, const CgOptions *co, const char *nocache_dir, const char ***objs, int *nobjs)
{
	Unit *v = NULL;
	int n = 0, cap = 0;
	for (int i = 0; i < main->nimports; i++) collect(main->imports[i], &v, &n, &cap);
	const char *dir = cache_dir();
	if (!dir) dir = nocache_dir;
	bool verbose = getenv("GOLC_VERBOSE") != NULL;
	*objs = malloc(sizeof(char *) * (n + 1));
	*nobjs = 0;
	int pending = 0;
	for (int i = 0; i < n; i++) {
		Unit *u = &v[i];
		u->key = unit_key(u, v, i, co);
		if (provided(u->pkg)) continue;
		snprintf(u->obj, sizeof u->obj, "%s/%02x/%016llx%016llx.o", dir, (unsigned)(u->key.high64 >> 56),
		         (unsigned long long)u->key.high64, (unsigned long long)u->key.low64);
		(*objs)[(*nobjs)++] = u->obj;
		if (access(u->obj, R_OK) == 0) continue;
		char sub[PATH_MAX];
		snprintf(sub, sizeof sub, "%s", u->obj);
		*strrchr(sub, '/') = 0;
		if (mkdirs(sub) != 0) {
			fprintf(stderr, "golc: %s: %s\n", sub, strerror(errno));
			return 1;
		}
		u->compile = true;
		pending++;
	}
	/* compile what is missing, jobs() at a time */
	int running = 0, failed = 0, next = 0, max = jobs();
	while (pending > 0 || running > 0) {
		while (!failed && running < max && next < n) {
			Unit *u = &v[next];
			if (!u->compile || u->pid) {
				next++;
				continue;
			}
			snprintf(u->tmp, sizeof u->tmp, "%s.%d.tmp", u->obj, (int)getpid());
			if (verbose) fprintf(stderr, "golc: compiling %s\n", u->pkg->path);
			u->pid = spawn_codegen(u->pkg, co, u->tmp, u->frames);
			if (u->pid < 0) {
				perror("golc: fork");
				failed = 1;
				break;
			}
			running++;
			pending--;
			next++;
		}
		if (running == 0) break;
		int status;
		pid_t pid = wait(&status);
		if (pid < 0) {
			if (errno == EINTR) continue;
			break;
		}
		Unit *u = NULL;
		for (int i = 0; i < n; i++)
			if (v[i].pid == pid) u = &v[i];
		if (!u) continue;
		running--;
		int r = reap(u, status, u->tmp);
		if (r == 2) {           /* again with the measurements */
			u->pid = 0;
			pending++;
			next = u - v < next ? (int)(u - v) : next;
			continue;
		}
		if (r == 0 && rename(u->tmp, u->obj) != 0) {
			fprintf(stderr, "golc: %s: %s\n", u->obj, strerror(errno));
			r = 1;
		}
		if (r != 0) {
			unlink(u->tmp);
			failed = 1;
		}
	}
	return failed;
}
