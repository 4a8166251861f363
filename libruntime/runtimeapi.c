/*
 * runtimeapi.c: package runtime's exported functions declared without a
 * body in libruntime/go/runtime (api.go, symtab.go), as far as the
 * scheduler and the collector exist; and internal/syscall/unix's socket
 * hooks.
 *
 * Pending, with their issues: the collector (#7: GC, SetFinalizer,
 * KeepAlive need nothing yet, since nothing is freed), GOMAXPROCS beyond
 * recording the setting (#6: one thread runs every goroutine), and the
 * call-stack queries Caller, Callers and Frames (#8: they report no frames).
 */
#define _GNU_SOURCE
#include "rt.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>

static intptr_t rt_numcpu(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
	return 1;
}

RT_HOOK(void, rt_api_keepalive, "runtime.KeepAlive", (const GoType *t, void *p)) { (void)t, (void)p; }
RT_HOOK(void, rt_api_gc, "runtime.GC", (void)) {}
RT_HOOK(void, rt_api_setfinalizer, "runtime.SetFinalizer", (const GoType *ot, void *o, const GoType *ft, void *f))
{
	(void)ot, (void)o, (void)ft, (void)f;
}

RT_HOOK(GoString, rt_api_goroot, "runtime.GOROOT", (void))
{
	const char *r = getenv("GOROOT");
	if (!r || !*r) r = "/usr/lib/go-1.19";
	return (GoString){(const uint8_t *)r, (intptr_t)strlen(r)};
}

static intptr_t gomaxprocs;

RT_HOOK(intptr_t, rt_api_gomaxprocs, "runtime.GOMAXPROCS", (intptr_t n))
{
	if (!gomaxprocs) {
		const char *e = getenv("GOMAXPROCS");
		long v = e ? strtol(e, NULL, 10) : 0;
		gomaxprocs = v > 0 ? v : rt_numcpu();
		if (gomaxprocs > 1024) gomaxprocs = 1024;
	}
	intptr_t old = gomaxprocs;
	if (n > 0) gomaxprocs = n > 1024 ? 1024 : n;
	return old;
}

RT_HOOK(intptr_t, rt_api_numcpu, "runtime.NumCPU", (void)) { return rt_numcpu(); }
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

RT_HOOK(intptr_t, rt_api_callers, "runtime.Callers", (intptr_t skip, uintptr_t *pc, intptr_t n, intptr_t cap))
{
	(void)skip, (void)pc, (void)n, (void)cap;
	return 0;
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

/* MemStats: all zero until the collector keeps statistics (issue #7) */
RT_HOOK(void, rt_api_readmemstats, "runtime.ReadMemStats", (void *m)) { (void)m; }

/* a goroutine dump into buf: issue #8 (runtime.Stack reports nothing yet) */
RT_HOOK(intptr_t, rt_api_stack, "runtime.Stack", (uint8_t *p, intptr_t n, intptr_t cap, int8_t all))
{
	(void)p, (void)n, (void)cap, (void)all;
	return 0;
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
