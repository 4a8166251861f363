/*
 * runtimeapi.c: package runtime's exported functions declared without a
 * body in libruntime/go/runtime (api.go, symtab.go), as far as the
 * scheduler and the collector exist; and internal/syscall/unix's socket
 * hooks.
 *
 * GOMAXPROCS and LockOSThread are the scheduler's (proc.c, behind RT_GOENTRY
 * trampolines, as is runtime/pprof.readProfile, which parks); GC and
 * ReadMemStats the collector's (mgc.c), SetFinalizer mfinal.c's. Pending
 * (#8): the call-stack queries Caller, Callers and Frames report one frame
 * or none.
 */
#define _GNU_SOURCE
#include "rt.h"

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long ncpu;                /* at startup, as gc's NumCPU */

long rt_numcpu(void) { return ncpu; }

/* direct calls of KeepAlive never get here: codegen lowers them to a use of
 * the pointer (cg_intrinsic_call); this serves func values, defer and go,
 * whose record or argument keeps the object reachable until the call */
RT_HOOK(void, rt_api_keepalive, "runtime.KeepAlive", (const GoType *t, void *p)) { (void)t, (void)p; }
/* body of runtime.GC (an RT_GOENTRY trampoline: the caller is at a safepoint) */
void rt_gc_entry_c(void) { rt_gc_collect(1); }

RT_HOOK(GoString, rt_api_goroot, "runtime.GOROOT", (void))
{
	const char *r = getenv("GOROOT");
	if (!r || !*r) r = "/usr/lib/go-1.19";
	return (GoString){(const uint8_t *)r, (intptr_t)strlen(r)};
}

/* ---------------------------------------------------------------- GOMAXPROCS */

#define MAX_GOMAXPROCS 1024     /* the specified ceiling (../shared/spec) */

/* a positive decimal number, or 0 (gc's atoi32: nothing else allowed) */
static long parse_pos(const char *s)
{
	long v = 0;
	if (!s || !*s) return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (1L << 31)) return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* max(1, ceil(quota / period)) from "QUOTA PERIOD" (cgroup v2 cpu.max;
 * "max" means none) or from v1's two files; 0 without a quota */
static long quota_procs(long quota, long period)
{
	if (quota <= 0 || period <= 0) return 0;
	long n = (quota + period - 1) / period;
	return n < 1 ? 1 : n;
}

static int read_file(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "r");
	if (!f) return 0;
	size_t k = fread(buf, 1, n - 1, f);
	fclose(f);
	buf[k] = 0;
	return k > 0;
}

/* GOLC_CGROUP_ROOT (tests): a directory standing for / in the paths below */
static const char *cg_root = "";

static long cgroup_v2(const char *dir)
{
	char path[4200], buf[128];
	snprintf(path, sizeof path, "%s/sys/fs/cgroup%s/cpu.max", cg_root, dir);
	if (!read_file(path, buf, sizeof buf) || !strncmp(buf, "max", 3)) return 0;
	long q = 0, p = 0;
	if (sscanf(buf, "%ld %ld", &q, &p) != 2) return 0;
	return quota_procs(q, p);
}

static long cgroup_v1(const char *dir)
{
	char path[4200], buf[64];
	long q, p;
	snprintf(path, sizeof path, "%s%s/cpu.cfs_quota_us", cg_root, dir);
	if (!read_file(path, buf, sizeof buf)) return 0;
	q = strtol(buf, NULL, 10);
	snprintf(path, sizeof path, "%s%s/cpu.cfs_period_us", cg_root, dir);
	if (!read_file(path, buf, sizeof buf)) return 0;
	p = strtol(buf, NULL, 10);
	return quota_procs(q, p);
}

/* the CPU quota of this process's cgroup (v2, else v1), in CPUs; 0: none */
static long cgroup_cpus(void)
{
	char line[4200];
	const char *r = getenv("GOLC_CGROUP_ROOT");
	if (r) cg_root = r;
	snprintf(line, sizeof line, "%s/proc/self/cgroup", cg_root);
	FILE *f = fopen(line, "r");
	long n = 0;
	if (f) {
		while (!n && fgets(line, sizeof line, f)) {
			line[strcspn(line, "\n")] = 0;
			if (!strncmp(line, "0::", 3)) {
				n = cgroup_v2(line + 3);
			} else {
				char *c = strchr(line, ':'), *p = c ? strchr(c + 1, ':') : NULL;
				if (!p) continue;
				*p = 0;
				if (strstr(c + 1, "cpu") && !strstr(c + 1, "cpuset")) {
					char dir[4300];
					snprintf(dir, sizeof dir, "/sys/fs/cgroup/%s%s", c + 1, p + 1);
					n = cgroup_v1(dir);
				}
			}
		}
		fclose(f);
	}
	if (!n) n = cgroup_v2("");
	if (!n) n = cgroup_v1("/sys/fs/cgroup/cpu");
	if (!n) n = cgroup_v1("/sys/fs/cgroup/cpu,cpuacct");
	return n;
}

/* startup (system stack): NumCPU, and GOMAXPROCS's default: $GOMAXPROCS,
 * else the cgroup CPU quota, else NumCPU */
intptr_t rt_gomaxprocs_default(void)
{
	cpu_set_t set;
	ncpu = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
	long n = parse_pos(getenv("GOMAXPROCS"));
	if (n <= 0) n = cgroup_cpus();
	if (n <= 0) n = ncpu;
	return n > MAX_GOMAXPROCS ? MAX_GOMAXPROCS : n;
}

/* GOMAXPROCS(n): n <= 0 only reads; else stops the world and resizes the
 * P set, clamping n to 1024: rt_set_gomaxprocs (proc.c) behind an
 * RT_GOENTRY trampoline (g->sched is valid while the world is stopped) */

/* ---------------------------------------------------------------- LockOSThread */

/* runtime.LockOSThread's body is rt_lockosthread_c (proc.c, behind an
 * RT_GOENTRY trampoline: it may panic) */
RT_HOOK(void, rt_api_unlockosthread, "runtime.UnlockOSThread", (void)) { rt_unlockosthread(); }

RT_HOOK(int64_t, rt_api_numcgocall, "runtime.NumCgoCall", (void)) { return 0; }

RT_HOOK(intptr_t, rt_api_numcpu, "runtime.NumCPU", (void)) { return ncpu; }
RT_HOOK(intptr_t, rt_api_numgoroutine, "runtime.NumGoroutine", (void)) { return (intptr_t)rt_numgoroutine(); }

typedef struct CallerResult {
	uintptr_t pc;
	GoString file;
	intptr_t line;
	int8_t ok;
} CallerResult;

RT_HOOK(void, rt_api_caller, "runtime.Caller", (CallerResult * out, intptr_t skip))
{
	(void)skip;
	memset(out, 0, sizeof *out);
}

/* one frame, its Go caller's return address, whatever skip is, until the
 * walk serves Go's API (#8): testing's tRunner panics ("zero callers
 * found") on 0; CallersFrames gives no names for it, so testing's
 * file:line prefixes read "???:1" */
RT_HOOK(intptr_t, rt_api_callers, "runtime.Callers", (intptr_t skip, uintptr_t *pc, intptr_t n, intptr_t cap))
{
	(void)skip, (void)cap;
	if (n < 1) return 0;
	pc[0] = (uintptr_t)__builtin_return_address(0);
	return 1;
}

typedef struct FrameResult {
	uintptr_t pc;
	void *fn;
	GoString function, file;
	intptr_t line;
	uintptr_t entry, funcinfo;
	int8_t more;
} FrameResult;

RT_HOOK(void, rt_api_frames_next, "runtime.(*Frames).Next", (FrameResult * out, void *frames))
{
	(void)frames;
	memset(out, 0, sizeof *out);
}

/* ---------------------------------------------------------- internal/syscall/unix */
/* the net package's socket calls with IPv4/IPv6 addresses: not yet */

#define NET_HOOK(name) \
	RT_HOOK(void, rt_unix_##name, "internal/syscall/unix." #name, (void)) \
	{ \
		rt_throw("internal/syscall/unix." #name " is not supported yet"); \
	}
NET_HOOK(RecvfromInet4)
NET_HOOK(RecvfromInet6)
NET_HOOK(SendtoInet4)
NET_HOOK(SendtoInet6)
NET_HOOK(SendmsgNInet4)
NET_HOOK(SendmsgNInet6)
NET_HOOK(RecvmsgInet4)
NET_HOOK(RecvmsgInet6)

/* ---------------------------------------------------------- more of package runtime */

/* the version of the Go release whose sources golc compiles, as gc reports it */
RT_HOOK(GoString, rt_api_version, "runtime.Version", (void))
{
	static const char v[] = "go1.19.8";
	return (GoString){(const uint8_t *)v, sizeof v - 1};
}


/* a goroutine dump into buf: issue #8 (runtime.Stack reports nothing yet) */
RT_HOOK(intptr_t, rt_api_stack, "runtime.Stack", (uint8_t *p, intptr_t n, intptr_t cap, int8_t all))
{
	(void)p, (void)n, (void)cap, (void)all;
	return 0;
}

/* runtime/pprof: no CPU samples are taken, stacks are empty until #8;
 * labels are kept per goroutine */
RT_HOOK(int64_t, rt_pprof_cyclespersecond, "runtime/pprof.runtime_cyclesPerSecond", (void)) { return 1000000000; }
RT_HOOK(void, rt_pprof_setproflabel, "runtime/pprof.runtime_setProfLabel", (void *l)) { rt_getg()->labels = l; }
RT_HOOK(void *, rt_pprof_getproflabel, "runtime/pprof.runtime_getProfLabel", (void)) { return rt_getg()->labels; }
RT_HOOK(void, rt_pprof_expandfinalinlineframe, "runtime/pprof.runtime_expandFinalInlineFrame",
        (GoSlice * out, uintptr_t *p, intptr_t n, intptr_t cap))
{
	*out = (GoSlice){p, n, cap};
}

/* CPU profiling: the profile has its header (the rate) and no samples.
 * readProfile returns the header first, then blocks until profiling stops
 * and reports the end (gc's protocol with pprof's profileWriter). */
static RtLock proflock;
static intptr_t profhz;
static int profheader;
static G *profwaiter;
static uint64_t profhdr[3];
static void *profhdrtag[1];

static void unlock_prof(void *arg)
{
	(void)arg;
	rt_unlock(&proflock);
}

typedef struct ReadProfile {
	GoSlice data, tags;
	int8_t eof;
} ReadProfile;
/* body of runtime/pprof.readProfile (an RT_GOENTRY trampoline: it parks) */
void rt_pprof_readprofile_c(ReadProfile *out)
{
	memset(out, 0, sizeof *out);
	for (;;) {
		rt_lock(&proflock);
		if (profheader) {
			profheader = 0;
			rt_unlock(&proflock);
			out->data = (GoSlice){profhdr, 3, 3};
			out->tags = (GoSlice){profhdrtag, 1, 1};
			return;
		}
		if (!profhz) {
			rt_unlock(&proflock);
			out->eof = 1;
			return;
		}
		profwaiter = rt_getg();
		rt_gopark(unlock_prof, NULL, "profiling reader", NULL);
	}
}

RT_HOOK(void, rt_api_setcpuprofilerate, "runtime.SetCPUProfileRate", (intptr_t hz))
{
	if (hz < 0) hz = 0;
	rt_lock(&proflock);
	if (hz > 0 && profhz) {
		rt_unlock(&proflock);
		rt_printlock();
		rt_print_cstr("runtime: cannot set cpu profile rate until previous profile has finished.\n");
		rt_printunlock();
		return;
	}
	profhz = hz;
	if (hz > 0) {           /* the header stays readable after a stop */
		profheader = 1;
		profhdr[0] = 3, profhdr[1] = 0, profhdr[2] = (uint64_t)hz;
	}
	G *w = hz ? NULL : profwaiter;
	if (w) profwaiter = NULL;
	rt_unlock(&proflock);
	if (w) rt_goready(w);
}

typedef struct ProfileResult {
	intptr_t n;
	int8_t ok;
} ProfileResult;
/* (n int, ok bool): n goroutine records (StackRecord is [32]uintptr), all
 * empty for now, if p has room for them */
RT_HOOK(ProfileResult, rt_pprof_goroutineprofile, "runtime/pprof.runtime_goroutineProfileWithLabels",
        (uintptr_t (*p)[32], intptr_t plen, intptr_t pcap, void **labels, intptr_t llen, intptr_t lcap))
{
	(void)pcap, (void)lcap;
	intptr_t n = (intptr_t)rt_numgoroutine();
	if (plen < n) return (ProfileResult){n, 0};
	memset(p, 0, sizeof *p * (size_t)n);
	if (labels && llen >= n) memset(labels, 0, sizeof(void *) * (size_t)n);
	return (ProfileResult){n, 1};
}

/* package runtime's profiles: no allocation, block or mutex samples are
 * kept (no records); the thread-creation profile has one empty record per
 * thread made */
RT_HOOK(ProfileResult, rt_api_memprofile, "runtime.MemProfile", (void *p, intptr_t n, intptr_t cap, int8_t inusezero))
{
	(void)p, (void)n, (void)cap, (void)inusezero;
	return (ProfileResult){0, 1};
}
RT_HOOK(ProfileResult, rt_api_blockprofile, "runtime.BlockProfile", (void *p, intptr_t n, intptr_t cap))
{
	(void)p, (void)n, (void)cap;
	return (ProfileResult){0, 1};
}
RT_HOOK(ProfileResult, rt_api_mutexprofile, "runtime.MutexProfile", (void *p, intptr_t n, intptr_t cap))
{
	(void)p, (void)n, (void)cap;
	return (ProfileResult){0, 1};
}
RT_HOOK(ProfileResult, rt_api_threadcreateprofile, "runtime.ThreadCreateProfile", (uintptr_t (*p)[32], intptr_t n, intptr_t cap))
{
	(void)cap;
	intptr_t m = rt_mcount();
	if (n < m) return (ProfileResult){m, 0};
	memset(p, 0, sizeof *p * (size_t)m);
	return (ProfileResult){m, 1};
}

/* profiling and execution tracing: not collected */
RT_HOOK(void, rt_api_setblockprofilerate, "runtime.SetBlockProfileRate", (intptr_t r)) { (void)r; }
static intptr_t mutex_fraction;
RT_HOOK(intptr_t, rt_api_setmutexprofilefraction, "runtime.SetMutexProfileFraction", (intptr_t r))
{
	intptr_t old = mutex_fraction;
	if (r >= 0) mutex_fraction = r;
	return old;
}
RT_HOOK(void, rt_api_readtrace, "runtime.ReadTrace", (GoSlice * out)) { memset(out, 0, sizeof *out); }
RT_HOOK(GoEface, rt_api_starttrace, "runtime.StartTrace", (void)) { return (GoEface){0, 0}; }
RT_HOOK(void, rt_api_stoptrace, "runtime.StopTrace", (void)) {}
RT_HOOK(void, rt_trace_usertaskcreate, "runtime/trace.userTaskCreate", (uint64_t id, uint64_t parent, const uint8_t *p, intptr_t n))
{
	(void)id, (void)parent, (void)p, (void)n;
}
RT_HOOK(void, rt_trace_usertaskend, "runtime/trace.userTaskEnd", (uint64_t id)) { (void)id; }
RT_HOOK(void, rt_trace_userregion, "runtime/trace.userRegion", (uint64_t id, uint64_t mode, const uint8_t *p, intptr_t n))
{
	(void)id, (void)mode, (void)p, (void)n;
}
RT_HOOK(void, rt_trace_userlog, "runtime/trace.userLog",
     (uint64_t id, const uint8_t *c, intptr_t cn, const uint8_t *m, intptr_t mn))
{
	(void)id, (void)c, (void)cn, (void)m, (void)mn;
}

/* a breakpoint trap, as gc's (the program stops unless a debugger takes it) */
RT_HOOK(void, rt_api_breakpoint, "runtime.Breakpoint", (void)) { __builtin_debugtrap(); }
