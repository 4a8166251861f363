/*
 * proc.c: the goroutine scheduler (startup: rt0.c).
 *
 * rt_sched_main makes G 1 (an RT_STACK_MIN first segment) and runs the
 * scheduler loop on the thread's own stack, its system stack; the program
 * ends when G 1 returns from main.main (other goroutines simply stop).
 *
 * The scheduler is a first slice of issue #6: one thread runs every
 * goroutine (M:1), switching only where a goroutine parks (channels,
 * select), yields (runtime.Gosched) or exits. The scheduler loop runs on
 * the system stack; a switch saves the callee-saved registers, SP and PC of
 * one side in its Ctx and loads the other's (rt_sched_run /
 * rt_sched_return, asm_*.S). Runnable goroutines wait in one FIFO run
 * queue. When the queue is empty while goroutines are parked, none can ever
 * run again: gc's `fatal error: all goroutines are asleep - deadlock!` with
 * the trace of every goroutine, exit 2.
 *
 * Parking (rt_gopark) records why (the state tracebacks print: "chan
 * receive", ...), switches to the scheduler and releases the caller's lock
 * there, after the goroutine is off its stack; rt_goready puts a parked
 * goroutine back on the run queue.
 *
 * Preemption: once a program has a second goroutine, a monitor thread
 * (sysmon) wakes every 10 ms; when the same goroutine has been running
 * since its last look (no switch in between: schedtick unchanged), it
 * poisons that goroutine's stack guard. The goroutine's next prologue check
 * or loop back-edge poll fails (stack.c), and it yields to the back of the
 * run queue (stack.c rt_preempt_check), as gc's 10 ms time slices do. G structs are
 * never freed (a free list reuses them), so a late write by the monitor
 * lands in a G, at worst one that no longer runs: a spurious yield.
 */
#define _GNU_SOURCE             /* pthread_sigmask, nanosleep under -std=c17 */
#include "rt.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int rt_argc;                    /* set by rt0.c's main */
char **rt_argv;
char **rt_envp;

static G g1;
static Ctx sched_ctx;           /* the scheduler loop's context (system stack) */
static G *runq_head, *runq_tail;
static G *allg;                 /* every goroutine not yet exited, newest first */
static G *gfree;                /* exited goroutines' G structs, for reuse */
static int64_t ngoroutines, next_goid = 1;
static G *volatile sched_running;       /* the goroutine running now (sysmon) */
static volatile uint64_t schedtick;     /* switches so far (sysmon) */

static void runq_put(G *g)
{
	g->schedlink = NULL;
	if (runq_tail) runq_tail->schedlink = g;
	else runq_head = g;
	runq_tail = g;
}

static G *runq_get(void)
{
	G *g = runq_head;
	if (g) {
		runq_head = g->schedlink;
		if (!runq_head) runq_tail = NULL;
	}
	return g;
}

extern char rt_gentry_asm[];

/* a goroutine that will call fn(a0, a1, a2) with `nest` = nest on a fresh
 * stack (C functions: fn(arg); Go functions: their flattened arguments) */
static void initg(G *g, void *fn, void *nest, uintptr_t a0, uintptr_t a1, uintptr_t a2)
{
	g->goid = next_goid++;
	rt_stack_init_g(g, RT_STACK_MIN);
	uintptr_t top = (uintptr_t)g->seg0;     /* its zeroed frame record ends FP chains */
	g->ctx.pc = (uintptr_t)rt_gentry_asm;
	g->ctx.sp = top;
	g->ctx.fp = top;
	g->ctx.regs[RT_CTX_FN] = (uintptr_t)fn;
	g->ctx.regs[RT_CTX_NEST] = (uintptr_t)nest;
	g->ctx.regs[RT_CTX_A0] = a0;
	g->ctx.regs[RT_CTX_A1] = a1;
	g->ctx.regs[RT_CTX_A2] = a2;
	g->alllink = allg;
	allg = g;
	ngoroutines++;
}

G *rt_newg(void *fn, void *nest, uintptr_t a0, uintptr_t a1, uintptr_t a2)
{
	G *g = gfree;
	if (g) {
		gfree = g->schedlink;
		memset(g, 0, sizeof *g);
	} else {
		g = calloc(1, sizeof(G));
		if (!g) rt_throw("out of memory allocating a goroutine");
	}
	initg(g, fn, nest, a0, a1, a2);
	return g;
}

static int main_goexited;      /* G 1 called runtime.Goexit */

static void freeg(G *g)
{
	for (G **p = &allg; *p; p = &(*p)->alllink)
		if (*p == g) {
			*p = g->alllink;
			break;
		}
	Seg *s0 = g->seg0;
	for (Seg *s = s0->next, *n; s; s = n) {
		n = s->next;
		rt_seg_free(s);
	}
	rt_seg_free(s0);
	if (g != &g1) {
		g->schedlink = gfree;
		gfree = g;
	}
	ngoroutines--;
}

/* the traces of every goroutine, goroutine 1 first, as gc prints them for
 * a fatal error (system stack) */
static void trace_all(void)
{
	int n = 0;
	for (G *g = allg; g; g = g->alllink) n++;
	G **order = malloc(sizeof(G *) * (size_t)(n ? n : 1));
	int k = n;
	for (G *g = allg; g; g = g->alllink) order[--k] = g;
	for (int i = 0; i < n; i++) {
		if (i) rt_print_cstr("\n");
		rt_traceback(order[i], 0);
	}
	free(order);
}

static RT_NORETURN void deadlock(void)
{
	rt_printlock();
	if (main_goexited) {
		rt_print_cstr("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
		rt_printunlock();
		rt_print_flush();
		rt_os_exit(2);
	}
	rt_print_cstr("fatal error: all goroutines are asleep - deadlock!\n\n");
	trace_all();
	rt_printunlock();
	rt_print_flush();
	rt_os_exit(2);
}

/* the scheduler loop (system stack) */
static RT_NORETURN void schedule(void)
{
	for (;;) {
		int64_t next = rt_timers_run();
		G *g = runq_get();
		if (!g) {
			if (next >= 0) {        /* only timers can make progress: wait for one */
				rt_timers_sleep_until(next);
				continue;
			}
			deadlock();
		}
		g->waitreason = NULL;
		rt_curg = g;
		__atomic_store_n(&schedtick, schedtick + 1, __ATOMIC_RELEASE);
		__atomic_store_n(&sched_running, g, __ATOMIC_RELEASE);
		rt_sched_run(&sched_ctx, &g->ctx);
		/* back on the system stack: g parked, yielded or exited */
		__atomic_store_n(&sched_running, NULL, __ATOMIC_RELEASE);
		G *prev = rt_curg;
		if (prev->dead) {
			freeg(prev);
		} else if (prev->unlockf) {
			void (*f)(void *) = prev->unlockf;
			prev->unlockf = NULL;
			f(prev->unlockarg);
		}
	}
}

void rt_gopark(void (*unlockf)(void *), void *arg, const char *reason)
{
	G *g = rt_curg;
	g->waitreason = reason;
	g->unlockf = unlockf;
	g->unlockarg = arg;
	rt_sched_return(&g->ctx, &sched_ctx);
}

void rt_goready(G *g)
{
	runq_put(g);
}

/* runtime.Gosched: to the back of the run queue */
void rt_gosched_c(void)
{
	G *g = rt_curg;
	runq_put(g);
	rt_sched_return(&g->ctx, &sched_ctx);
}

/* ---------------------------------------------------------------- sysmon */

#define SYSMON_PERIOD_NS (10 * 1000 * 1000)     /* gc's forcePreemptNS */

static void *sysmon(void *arg)
{
	(void)arg;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	G *lastg = NULL;
	uint64_t lasttick = 0;
	for (;;) {
		struct timespec ts = {0, SYSMON_PERIOD_NS};
		nanosleep(&ts, NULL);
		G *g = __atomic_load_n(&sched_running, __ATOMIC_ACQUIRE);
		uint64_t t = __atomic_load_n(&schedtick, __ATOMIC_ACQUIRE);
		if (g && g == lastg && t == lasttick) {
			g->preempt = 1;
			__atomic_store_n(&g->stackguard, RT_STACK_PREEMPT, __ATOMIC_RELEASE);
		}
		lastg = g;
		lasttick = t;
	}
	return NULL;
}

static void start_sysmon(void *arg)
{
	(void)arg;
	pthread_t t;
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&a, 64 << 10);
	if (pthread_create(&t, &a, sysmon, NULL) != 0) rt_throw("cannot start the monitor thread");
	pthread_attr_destroy(&a);
}

/* a goroutine's function returned (rt_gentry_asm) */
void rt_goexit_c(void)
{
	G *g = rt_curg;
	g->dead = 1;
	rt_sched_return(&g->ctx, &sched_ctx);
	__builtin_unreachable();
}

/* runtime.Goexit: the deferred calls run (recover() returns nil in them),
 * then the goroutine ends; when G 1 does this, the program goes on until
 * every other goroutine is done, then dies as gc's does */
void rt_goexit_entry_c(void)
{
	G *g = rt_curg;
	Panic p = {.goexit = 1};
	p.site = (PanicSite){g->sched.fp, g->sched.ra, g->sched.sp, g->seg};
	p.link = g->panic;
	g->panic = &p;
	if (g->defer) rt_run_defers(&p);
	g->panic = p.link;
	if (g == &g1) main_goexited = 1;
	rt_goexit_c();
}

/* go f(args): codegen packs the call into a GoDefer {code, link, operands}
 * whose code makes the call (cg_defer.c); it runs on the new goroutine with
 * `nest` = the entry */
void rt_newproc_c(void *entry)
{
	void *code = *(void **)entry;
	static int sysmon_started;
	if (!sysmon_started) {          /* two goroutines: time slices matter */
		sysmon_started = 1;
		rt_systemstack(start_sysmon, NULL);
	}
	G *g = rt_newg(code, entry, (uintptr_t)entry, 0, 0);
	g->gopc = rt_curg->sched.ra;    /* RT_GOENTRY: the creator's call site */
	runq_put(g);
}

int64_t rt_numgoroutine(void) { return ngoroutines; }

/* run fn (G 1's function) on the main goroutine; never returns (rt0.c) */
RT_NORETURN void rt_sched_main(void (*fn)(void *))
{
	initg(&g1, (void *)fn, NULL, 0, 0, 0);
	runq_put(&g1);
	schedule();
}
