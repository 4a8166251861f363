/*
 * link.c: links objects with libruntime using clang-19 + lld, and runs
 * programs (natively, or under qemu-aarch64 for arm64 on an x86_64 host).
 *
 * The .llvm_stackmaps section is kept by stackmaps.ld (KEEP between
 * __stackmaps_start/__stackmaps_end, INSERT AFTER .rodata) and programs
 * are linked -no-pie (LLVM19-NOTES.md "Statepoints / stack maps"); arm64
 * programs statically, with GNU ld (see link_program).
 */
#define _GNU_SOURCE
#include "driver.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *golc_libdir(void)
{
	static char dir[PATH_MAX];
	if (dir[0]) return dir;
	const char *env = getenv("GOLC_LIBDIR");
	if (env && *env) {
		snprintf(dir, sizeof dir, "%s", env);
		return dir;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n < 0) return "lib/golc";
	exe[n] = 0;
	snprintf(dir, sizeof dir, "%s/../lib/golc", dirname(exe));
	char *real = realpath(dir, NULL);
	if (real) {
		snprintf(dir, sizeof dir, "%s", real);
		free(real);
	}
	return dir;
}

static int spawn(char **argv)
{
	if (getenv("GOLC_VERBOSE")) {
		for (char **a = argv; *a; a++) fprintf(stderr, "%s ", *a);
		fprintf(stderr, "\n");
	}
	pid_t pid = fork();
	if (pid < 0) return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "golc: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) return -1;
	return status;
}

int link_program(const char *triple, const char **objs, int nobjs, const char *out)
{
	const char *lib = golc_libdir();
	const char *arch = strncmp(triple, "aarch64", 7) == 0 ? "aarch64" : "x86_64";
	char target[64], rt[PATH_MAX], gort[PATH_MAX], ld[PATH_MAX];
	snprintf(target, sizeof target, "--target=%s-linux-gnu", arch);
	snprintf(rt, sizeof rt, "%s/%s/libruntime.a", lib, arch);
	snprintf(gort, sizeof gort, "%s/%s/runtime.o", lib, arch);
	snprintf(ld, sizeof ld, "-Wl,-T,%s/stackmaps.ld", lib);
	if (access(rt, R_OK) != 0 || access(gort, R_OK) != 0) {
		fprintf(stderr, "golc: runtime library %s not found (build golc first)\n", access(rt, R_OK) ? rt : gort);
		return 1;
	}
	char **argv = calloc(nobjs + 16, sizeof(char *));
	int k = 0;
	argv[k++] = "clang-19";
	argv[k++] = target;
	argv[k++] = strcmp(arch, "aarch64") ? "-fuse-ld=lld" : "-fuse-ld=bfd";
	/* arm64: static, like gc's binaries, and with GNU ld. qemu-aarch64 7.2
	 * with the cross sysroot's dynamic glibc hangs in pthread_create (the
	 * preemption monitor's thread); static binaries also need no sysroot
	 * to run. lld's static link of the arm64 glibc leaves GOT slots that
	 * __tls_pre_init_tp reads unfilled (NULL stores at startup) once the
	 * program is big (testing); GNU ld's does not. Both are
	 * position-dependent (LLVM19-NOTES: stack maps). */
	argv[k++] = strcmp(arch, "aarch64") ? "-no-pie" : "-static";
	argv[k++] = "-o";
	argv[k++] = (char *)out;
	for (int i = 0; i < nobjs; i++) argv[k++] = (char *)objs[i];
	argv[k++] = gort;
	argv[k++] = rt;
	argv[k++] = ld;
	argv[k++] = "-l:libffi.a";     /* reflect calls (libruntime/reflectcall.c), static: qemu finds no arm64 .so */
	argv[k++] = "-lpthread";
	argv[k++] = "-lm";
	/* no lazy binding: the resolver saves the vector registers on the
	 * stack, and libc calls from runtime hooks run on goroutine segments
	 * with only the guard's slack below them */
	argv[k++] = "-Wl,-z,now";
	if (strcmp(arch, "aarch64")) argv[k++] = "-Wl,--error-limit=0";   /* lld only */
	argv[k] = NULL;
	int st = spawn(argv);
	free(argv);
	if (st != 0) {
		fprintf(stderr, "golc: link failed\n");
		return 1;
	}
	return 0;
}

/* the command line that runs exe: through qemu for arm64 on another host */
char **program_argv(const char *goarch, const char *exe, int argc, char **args)
{
	char **argv = calloc(argc + 5, sizeof(char *));
	int k = 0;
	bool cross = strcmp(goarch, "arm64") == 0;
#if defined(__aarch64__)
	cross = false;
#endif
	if (cross) {
		argv[k++] = "qemu-aarch64";
		argv[k++] = "-L";
		argv[k++] = "/usr/aarch64-linux-gnu";
	}
	argv[k++] = (char *)exe;
	for (int i = 0; i < argc; i++) argv[k++] = args[i];
	argv[k] = NULL;
	return argv;
}

int run_program(const char *goarch, const char *exe, int argc, char **args)
{
	char **argv = program_argv(goarch, exe, argc, args);
	fflush(stdout);
	fflush(stderr);
	int st = spawn(argv);
	free(argv);
	return st;
}
