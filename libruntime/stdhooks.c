/*
 * stdhooks.c: the functions Go's standard library declares without a body
 * and expects from the runtime (../shared/stdlib/bodyless-*.tsv), for
 * internal/bytealg, sync, sync/atomic, os, syscall, internal/poll,
 * runtime/debug and internal/reflectlite. Timers and clocks are in timer.c,
 * semaphores and notify lists in sema.c; bodies golc compiles itself
 * (atomics, math.arch*, internal/cpu) in codegen/cg_intrinsic.c.
 *
 * Calling convention (goabi.h): Go strings and slices arrive flattened
 * ({p, n} / {p, len, cap}); results of three or more scalars are written
 * through a pointer passed first; bools arrive as bytes whose low bit is
 * the value.
 *
 * System calls made through package syscall tell the scheduler
 * (entersyscall/exitsyscall: the P can go to another thread meanwhile, and
 * the collector walks the goroutine's stack from its Go caller);
 * internal/poll's netpoller is in netpoll.c.
 */
#define _GNU_SOURCE
#include "rt.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static void nul_copy(char *buf, size_t size, const uint8_t *p, intptr_t n)
{
	size_t k = (size_t)n < size - 1 ? (size_t)n : size - 1;
	memcpy(buf, p, k);
	buf[k] = 0;
}

/* ---------------------------------------------------------- internal/bytealg */

intptr_t rt_bytealg_compare(const uint8_t *a, intptr_t an, intptr_t ac, const uint8_t *b, intptr_t bn, intptr_t bc)
	__asm__("internal/bytealg.Compare");
intptr_t rt_bytealg_compare(const uint8_t *a, intptr_t an, intptr_t ac, const uint8_t *b, intptr_t bn, intptr_t bc)
{
	(void)ac, (void)bc;
	intptr_t n = an < bn ? an : bn;
	int c = n ? memcmp(a, b, (size_t)n) : 0;
	if (c) return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

static intptr_t count(const uint8_t *p, intptr_t n, uint8_t c)
{
	intptr_t k = 0;
	for (intptr_t i = 0; i < n; i++) k += p[i] == c;
	return k;
}

intptr_t rt_bytealg_count(const uint8_t *p, intptr_t n, intptr_t cap, uint8_t c) __asm__("internal/bytealg.Count");
intptr_t rt_bytealg_count(const uint8_t *p, intptr_t n, intptr_t cap, uint8_t c)
{
	(void)cap;
	return count(p, n, c);
}

intptr_t rt_bytealg_countstring(const uint8_t *p, intptr_t n, uint8_t c) __asm__("internal/bytealg.CountString");
intptr_t rt_bytealg_countstring(const uint8_t *p, intptr_t n, uint8_t c) { return count(p, n, c); }

static intptr_t index_of(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn)
{
	if (bn == 0) return 0;
	if (bn > an) return -1;
	const uint8_t *r = memmem(a, (size_t)an, b, (size_t)bn);
	return r ? r - a : -1;
}

intptr_t rt_bytealg_index(const uint8_t *a, intptr_t an, intptr_t ac, const uint8_t *b, intptr_t bn, intptr_t bc)
	__asm__("internal/bytealg.Index");
intptr_t rt_bytealg_index(const uint8_t *a, intptr_t an, intptr_t ac, const uint8_t *b, intptr_t bn, intptr_t bc)
{
	(void)ac, (void)bc;
	return index_of(a, an, b, bn);
}

intptr_t rt_bytealg_indexstring(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn)
	__asm__("internal/bytealg.IndexString");
intptr_t rt_bytealg_indexstring(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn) { return index_of(a, an, b, bn); }

static intptr_t index_byte(const uint8_t *p, intptr_t n, uint8_t c)
{
	const uint8_t *r = n ? memchr(p, c, (size_t)n) : NULL;
	return r ? r - p : -1;
}

intptr_t rt_bytealg_indexbyte(const uint8_t *p, intptr_t n, intptr_t cap, uint8_t c) __asm__("internal/bytealg.IndexByte");
intptr_t rt_bytealg_indexbyte(const uint8_t *p, intptr_t n, intptr_t cap, uint8_t c)
{
	(void)cap;
	return index_byte(p, n, c);
}

intptr_t rt_bytealg_indexbytestring(const uint8_t *p, intptr_t n, uint8_t c) __asm__("internal/bytealg.IndexByteString");
intptr_t rt_bytealg_indexbytestring(const uint8_t *p, intptr_t n, uint8_t c) { return index_byte(p, n, c); }

/* ---------------------------------------------------------- sync, sync/atomic */

static void throw_string(const uint8_t *p, intptr_t n)
{
	static char buf[256];
	nul_copy(buf, sizeof buf, p, n);
	rt_throw(buf);
}

void rt_sync_throw(const uint8_t *p, intptr_t n) __asm__("sync.throw");
void rt_sync_throw(const uint8_t *p, intptr_t n) { throw_string(p, n); }
void rt_sync_fatal(const uint8_t *p, intptr_t n) __asm__("sync.fatal");
void rt_sync_fatal(const uint8_t *p, intptr_t n) { throw_string(p, n); }

uint32_t rt_sync_fastrandn(uint32_t n) __asm__("sync.fastrandn");
uint32_t rt_sync_fastrandn(uint32_t n) { return rt_fastrandn(n); }
uint32_t rt_os_fastrand(void) __asm__("os.fastrand");
uint32_t rt_os_fastrand(void) { return (uint32_t)rt_fastrand(); }

/* sync.Pool's cleanup runs at the start of every collection (issue #7);
 * the func value is a root (rt_stdhooks_roots) */
void *rt_pool_cleanup;
void rt_sync_registerpoolcleanup(void *fv) __asm__("sync.runtime_registerPoolCleanup");
void rt_sync_registerpoolcleanup(void *fv) { rt_pool_cleanup = fv; }

void rt_stdhooks_roots(RootVisitor fn, void *arg)
{
	fn((uintptr_t *)&rt_pool_cleanup, (uintptr_t *)&rt_pool_cleanup, arg);
}

/* procPin: the current P's id; no preemption until procUnpin (proc.c) */
intptr_t rt_sync_procpin(void) __asm__("sync.runtime_procPin");
intptr_t rt_sync_procpin(void) { return rt_procpin(); }
void rt_sync_procunpin(void) __asm__("sync.runtime_procUnpin");
void rt_sync_procunpin(void) { rt_procunpin(); }
intptr_t rt_atomic_procpin(void) __asm__("sync/atomic.runtime_procPin");
intptr_t rt_atomic_procpin(void) { return rt_procpin(); }
void rt_atomic_procunpin(void) __asm__("sync/atomic.runtime_procUnpin");
void rt_atomic_procunpin(void) { rt_procunpin(); }

uintptr_t rt_sync_loadacq(uintptr_t *p) __asm__("sync.runtime_LoadAcquintptr");
uintptr_t rt_sync_loadacq(uintptr_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
uintptr_t rt_sync_storerel(uintptr_t *p, uintptr_t v) __asm__("sync.runtime_StoreReluintptr");
uintptr_t rt_sync_storerel(uintptr_t *p, uintptr_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELEASE);
	return v;
}

/* spinning helps only when another thread may release the lock (proc.c) */
int8_t rt_sync_canspin(intptr_t i) __asm__("sync.runtime_canSpin");
int8_t rt_sync_canspin(intptr_t i) { return (int8_t)rt_canspin(i); }
void rt_sync_dospin(void) __asm__("sync.runtime_doSpin");
void rt_sync_dospin(void)
{
	for (int i = 0; i < 30; i++) {
#if defined(__x86_64__)
		__asm__ volatile("pause");
#else
		__asm__ volatile("yield");
#endif
	}
}

/* ---------------------------------------------------------- os, syscall */

static GoSlice strings_of(char **v, int n)
{
	GoString *s = rt_mallocgc(sizeof(GoString) * (size_t)(n ? n : 1), &rt_gctype_string);
	for (int i = 0; i < n; i++) s[i] = (GoString){(const uint8_t *)v[i], (intptr_t)strlen(v[i])};
	return (GoSlice){s, n, n};
}

void rt_os_args(GoSlice *out) __asm__("os.runtime_args");
void rt_os_args(GoSlice *out) { *out = strings_of(rt_argv, rt_argc); }

void rt_syscall_envs(GoSlice *out) __asm__("syscall.runtime_envs");
void rt_syscall_envs(GoSlice *out)
{
	int n = 0;
	while (rt_envp && rt_envp[n]) n++;
	*out = strings_of(rt_envp, n);
}

/* writing to a broken pipe on stdout/stderr: die of SIGPIPE, as gc does */
void rt_os_sigpipe(void) __asm__("os.sigpipe");
void rt_os_sigpipe(void)
{
	rt_print_flush();
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
}

void rt_os_beforeexit(void) __asm__("os.runtime_beforeExit");
void rt_os_beforeexit(void) { rt_print_flush(); }

/* without cgo the runtime keeps no C environment: nothing to update */
void rt_syscall_setenv(const uint8_t *k, intptr_t kn, const uint8_t *v, intptr_t vn) __asm__("syscall.setenv_c");
void rt_syscall_setenv(const uint8_t *k, intptr_t kn, const uint8_t *v, intptr_t vn) { (void)k, (void)kn, (void)v, (void)vn; }
void rt_syscall_unsetenv(const uint8_t *k, intptr_t kn) __asm__("syscall.unsetenv_c");
void rt_syscall_unsetenv(const uint8_t *k, intptr_t kn) { (void)k, (void)kn; }

/* fork/exec bracketing: nothing to stop with one thread */
#define NOP_HOOK(sym, c) \
	void c(void) __asm__(sym); \
	void c(void) {}
NOP_HOOK("syscall.runtime_BeforeFork", rt_syscall_beforefork)
NOP_HOOK("syscall.runtime_AfterFork", rt_syscall_afterfork)
NOP_HOOK("syscall.runtime_AfterForkInChild", rt_syscall_afterforkinchild)
NOP_HOOK("syscall.runtime_BeforeExec", rt_syscall_beforeexec)
NOP_HOOK("syscall.runtime_AfterExec", rt_syscall_afterexec)
/* syscall.runtime_entersyscall / runtime_exitsyscall are RT_GOENTRY
 * trampolines to rt_entersyscall / rt_exitsyscall (proc.c): g->sched names
 * the Go caller while the goroutine is in the call (its stack is walked
 * then, its C frames are not) */
NOP_HOOK("internal/poll.runtime_pollServerInit", rt_poll_serverinit)

intptr_t rt_syscall_getpagesize(void) __asm__("syscall.Getpagesize");
intptr_t rt_syscall_getpagesize(void) { return (intptr_t)sysconf(_SC_PAGESIZE); }

void rt_syscall_exit(intptr_t code) __asm__("syscall.Exit");
void rt_syscall_exit(intptr_t code)
{
	rt_print_flush();
	rt_os_exit((int)code);
}

typedef struct Sys3 {
	uintptr_t r1, r2, err;
} Sys3;

static Sys3 sys(long nr, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4, uintptr_t a5, uintptr_t a6)
{
	long r = rt_syscall6(nr, (long)a1, (long)a2, (long)a3, (long)a4, (long)a5, (long)a6);
	if (r < 0 && r > -4096) return (Sys3){(uintptr_t)-1, 0, (uintptr_t)-r};
	return (Sys3){(uintptr_t)r, 0, 0};
}

/* body of syscall.RawSyscall6, an RT_GOENTRY trampoline: between
 * entersyscall and exitsyscall (Syscall, Syscall6) the goroutine blocks
 * here, and its stack is walked from this call's site, whose stack map
 * describes the frame as it is during the call (entersyscall's site was
 * one call earlier) */
void rt_syscall_rawsyscall6_c(Sys3 *out, uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4,
                              uintptr_t a5, uintptr_t a6)
{
	*out = sys((long)trap, a1, a2, a3, a4, a5, a6);
}

typedef struct Sys2 {
	uintptr_t r1, r2;
} Sys2;

Sys2 rt_syscall_rawnoerror(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3) __asm__("syscall.rawSyscallNoError");
Sys2 rt_syscall_rawnoerror(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3)
{
	long r = rt_syscall6((long)trap, (long)a1, (long)a2, (long)a3, 0, 0, 0);
	return (Sys2){(uintptr_t)r, 0};
}

/* setuid and friends on every thread: there is one */
void rt_syscall_allthreads(Sys3 *out, uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4,
                           uintptr_t a5, uintptr_t a6) __asm__("syscall.runtime_doAllThreadsSyscall");
void rt_syscall_allthreads(Sys3 *out, uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4,
                           uintptr_t a5, uintptr_t a6)
{
	*out = sys((long)trap, a1, a2, a3, a4, a5, a6);
}

uintptr_t rt_syscall_cgocaller(void *fn, void *p, intptr_t n, intptr_t cap) __asm__("syscall.cgocaller");
uintptr_t rt_syscall_cgocaller(void *fn, void *p, intptr_t n, intptr_t cap)
{
	(void)fn, (void)p, (void)n, (void)cap;
	rt_throw("cgo is not supported");
}

#if defined(__x86_64__)
uintptr_t rt_syscall_gettimeofday(struct timeval *tv) __asm__("syscall.gettimeofday");
uintptr_t rt_syscall_gettimeofday(struct timeval *tv) { return gettimeofday(tv, NULL) ? (uintptr_t)errno : 0; }
#endif

/* syscall.forkExec's clone(CLONE_VM|CLONE_VFORK): a plain fork instead.
 * The child (a copy, not sharing memory) returns here a second time and runs
 * forkAndExecInChild's raw system calls up to execve; the parent goes on at
 * once rather than when the child execs, which forkExec's pipe covers. */
Sys2 rt_syscall_rawvfork(uintptr_t trap, uintptr_t a1) __asm__("syscall.rawVforkSyscall");
Sys2 rt_syscall_rawvfork(uintptr_t trap, uintptr_t a1)
{
	uintptr_t flags = a1 & ~(uintptr_t)(0x100 /* CLONE_VM */ | 0x4000 /* CLONE_VFORK */);
	long r = rt_syscall6((long)trap, (long)flags, 0, 0, 0, 0, 0);
	if (r < 0 && r > -4096) return (Sys2){(uintptr_t)-1, (uintptr_t)-r};
	return (Sys2){(uintptr_t)r, 0};
}

/* internal/poll's netpoller hooks: netpoll.c */

/* ---------------------------------------------------------- runtime/debug */
/* the knobs are recorded here and acted on by the scheduler; the
 * collector's (GC percent, memory limit, freeOSMemory, readGCStats) are in
 * mgc.c */

intptr_t rt_maxstack = RT_STACK_MAX;
int rt_panic_on_fault;

intptr_t rt_debug_setmaxstack(intptr_t n) __asm__("runtime/debug.setMaxStack");
intptr_t rt_debug_setmaxstack(intptr_t n)
{
	intptr_t old = rt_maxstack;
	rt_maxstack = n;
	return old;
}

intptr_t rt_debug_setmaxthreads(intptr_t n) __asm__("runtime/debug.setMaxThreads");
intptr_t rt_debug_setmaxthreads(intptr_t n) { return rt_set_maxthreads(n); }

int8_t rt_debug_setpaniconfault(int8_t on) __asm__("runtime/debug.setPanicOnFault");
int8_t rt_debug_setpaniconfault(int8_t on)
{
	int8_t old = (int8_t)rt_panic_on_fault;
	rt_panic_on_fault = on & 1;
	return old;
}

static char traceback_level[32] = "single";
void rt_debug_settraceback(const uint8_t *p, intptr_t n) __asm__("runtime/debug.SetTraceback");
void rt_debug_settraceback(const uint8_t *p, intptr_t n) { nul_copy(traceback_level, sizeof traceback_level, p, n); }

void rt_debug_writeheapdump(uintptr_t fd) __asm__("runtime/debug.WriteHeapDump");
void rt_debug_writeheapdump(uintptr_t fd) { (void)fd; }

GoString rt_debug_modinfo(void) __asm__("runtime/debug.modinfo");
GoString rt_debug_modinfo(void) { return (GoString){NULL, 0}; }

/* ---------------------------------------------------------- internal/reflectlite */
/* name and type offsets in golc's descriptors are relative to the rtype
 * that holds them (codegen/cg_typedesc.c) */

void *rt_rl_resolvenameoff(uint8_t *base, int32_t off) __asm__("internal/reflectlite.resolveNameOff");
void *rt_rl_resolvenameoff(uint8_t *base, int32_t off) { return rt_resolve_off(base, off); }
void *rt_rl_resolvetypeoff(uint8_t *base, int32_t off) __asm__("internal/reflectlite.resolveTypeOff");
void *rt_rl_resolvetypeoff(uint8_t *base, int32_t off) { return rt_resolve_off(base, off); }

intptr_t rt_rl_chanlen(Hchan *c) __asm__("internal/reflectlite.chanlen");
intptr_t rt_rl_chanlen(Hchan *c) { return rt_chanlen(c); }
intptr_t rt_rl_maplen(intptr_t *m) __asm__("internal/reflectlite.maplen");
intptr_t rt_rl_maplen(intptr_t *m) { return m ? m[0] : 0; }

void rt_rl_typedmemmove(const GoType *t, void *dst, const void *src) __asm__("internal/reflectlite.typedmemmove");
void rt_rl_typedmemmove(const GoType *t, void *dst, const void *src)
{
	if (dst != src && t->size) memmove(dst, src, t->size);
}

/* dst (a non-empty interface) = src (an empty one) converted to type t
 * (internal/reflectlite.ifaceE2I and reflect.ifaceE2I) */
void rt_rl_ifacee2i_c(const GoType *t, const GoType *st, void *sd, void **dst)
{
	dst[0] = rt_getitab_c(t, st, 0);
	dst[1] = sd;
}
