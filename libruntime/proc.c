/*
 * proc.c: the G-M-P scheduler (startup: rt0.c).
 *
 * Gs are goroutines, Ms threads, Ps the right to run Go code: an M runs
 * goroutines only while it holds a P, and there are GOMAXPROCS Ps. Each P
 * has a local run queue (a ring of RT_RUNQ_SIZE that its M takes from the
 * head and puts at the tail without a lock; other Ms steal half of it with
 * a CAS on the head) and a `runnext` slot: a goroutine made ready by the
 * running one runs next and inherits the time slice, so a pair passing a
 * value back and forth stays on one thread. A global queue (under
 * sched.lock) takes what overflows a ring, preempted and yielding
 * goroutines, and the goroutines of an M that lost its P.
 *
 * Every M runs the scheduler loop (schedule) on its own thread stack, the
 * system stack. A switch to a goroutine and back saves the callee-saved
 * registers, SP and PC of one side in its Ctx and loads the other's
 * (rt_sched_run / rt_sched_return, asm_*.S). A goroutine that stops
 * running does so through mcall: it saves its context, the loop runs the
 * given function (park, yield, exit, a system call's end) for it on the
 * system stack, after the goroutine is off its stack; only then may another
 * M run it. A parked goroutine's lock (a channel's, a semaphore's) is
 * released there, so whoever readies it finds it parked.
 *
 * findrunnable looks, in order: due timers, the global queue every 61st
 * time (fairness), the local queue, the global queue, the netpoller, then
 * steals from the other Ps (spinning: at most half of the busy Ps' Ms spin).
 * With nothing to do the M gives up its P, checks every queue once more,
 * and sleeps on its futex note; the last one to go idle while timers or
 * pollers are pending waits in the netpoller until the next timer instead.
 * A goroutine made ready while Ps are idle and no M spins wakes one (wakep).
 * When the last M goes idle and every goroutine is parked, none can ever
 * run again: gc's `fatal error: all goroutines are asleep - deadlock!` with
 * the trace of every goroutine, exit 2 (checkdead).
 *
 * System calls: entersyscall leaves the P in state P_SYSCALL; exitsyscall
 * takes it back with a CAS, else an idle P, else queues the goroutine
 * globally and sleeps. The monitor thread (sysmon, started with the second
 * goroutine) retakes the P of a call that outlasts one of its ticks and
 * hands it to another M when there is work (handoffp), and poisons the
 * stack guard of a goroutine that has run for a whole 10 ms slice: its
 * next prologue check or loop poll yields it (stack.c), as gc's time
 * slices do.
 *
 * Stopping the world (GOMAXPROCS(n)) sets sched.gcwaiting, preempts every
 * running goroutine and collects every P (idle, in a system call, or given
 * up by its M at its next schedule) in state P_GCSTOP; procresize then
 * makes or retires Ps (retired ones are kept for reuse, their goroutines
 * go to the global queue) and the world restarts.
 *
 * G and M structs are never freed (a free list reuses Gs), so a racy read
 * by the monitor always lands in one.
 */
#define _GNU_SOURCE             /* pthread_sigmask, nanosleep under -std=c17 */
#include "rt.h"

#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>

int rt_argc;                    /* set by rt0.c's main */
char **rt_argv;
char **rt_envp;

__thread M *rt_curm __attribute__((tls_model("initial-exec")));

static struct {
	RtLock lock;
	M *midle;                       /* idle Ms */
	int32_t nmidle, nmidlelocked;   /* idle; idle holding a locked goroutine */
	int32_t mcount;                 /* Ms created */
	int32_t maxmcount;              /* debug.SetMaxThreads */
	P *pidle;                       /* idle Ps */
	volatile int32_t npidle;
	volatile int32_t nmspinning;
	G *runqhead, *runqtail;         /* the global run queue */
	volatile int32_t runqsize;
	volatile int32_t gcwaiting;     /* a stop-the-world is in progress */
	int32_t stopwait;               /* Ps still to stop */
	Note stopnote;
	volatile int64_t lastpoll;      /* 0: an M is blocked in the netpoller */
	volatile int64_t polluntil;     /* when it will wake */
} sched;

static sigset_t initsigmask;     /* the main thread's at startup: every thread starts with it */

/* the template thread (LockOSThread) */
static struct {
	RtLock lock;
	M *list;                        /* Ms whose threads it must create */
	Note wake;
	int started;
} tmpl;

volatile int32_t rt_gomaxprocs;
static P *allp[RT_MAX_PROCS];   /* [0, rt_gomaxprocs) in use; retired ones kept */
static M m0;
static M *allm;
static G g1;
static RtLock allglock;
static G *allg;                 /* every G struct ever made (dead ones are reused), newest first */
static RtLock gflock;
static G *gfree;                /* exited goroutines' G structs, for reuse */
static volatile int64_t ngoroutines, next_goid = 1;
static volatile int main_started;       /* a second goroutine exists: sysmon runs */
static int main_goexited;               /* G 1 called runtime.Goexit */

#define load(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define store(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define cas(p, old, new) __sync_bool_compare_and_swap((p), (old), (new))
#define xadd(p, d) __atomic_add_fetch((p), (d), __ATOMIC_SEQ_CST)

static void wakep(void);
static void startm(P *p, int spinning);
static int64_t timers_next(void);
static void create_thread(M *m);

/* ----------------------------------------------------------------- notes */

static long futex(volatile uint32_t *addr, int op, uint32_t val, const struct timespec *ts)
{
	return rt_syscall6(SYS_futex, (long)addr, op, (long)val, (long)ts, 0, 0);
}

void rt_noteclear(Note *n) { store(&n->key, 0); }

void rt_notewakeup(Note *n)
{
	if (__atomic_exchange_n(&n->key, 1, __ATOMIC_SEQ_CST)) rt_throw("notewakeup - double wakeup");
	futex(&n->key, FUTEX_WAKE_PRIVATE, 1, NULL);
}

void rt_notesleep(Note *n)
{
	while (!load(&n->key)) futex(&n->key, FUTEX_WAIT_PRIVATE, 0, NULL);
}

int rt_notetsleep(Note *n, int64_t ns)
{
	int64_t deadline = rt_nanotime() + ns;
	while (!load(&n->key)) {
		int64_t d = deadline - rt_nanotime();
		if (d <= 0) return 0;
		struct timespec ts = {d / 1000000000, d % 1000000000};
		futex(&n->key, FUTEX_WAIT_PRIVATE, 0, &ts);
	}
	return 1;
}

/* the earliest timer of all Ps, 0: none */
static int64_t timers_next(void)
{
	int64_t next = 0;
	for (int32_t i = 0; i < load(&rt_gomaxprocs); i++) {
		int64_t w = load(&allp[i]->timers.next);
		if (w && (!next || w < next)) next = w;
	}
	return next;
}

/* runs every P's due timers (an M looking for work, system stack) */
static void run_all_timers(void)
{
	int64_t now = rt_nanotime();
	for (int32_t i = 0; i < load(&rt_gomaxprocs); i++) {
		int64_t w = load(&allp[i]->timers.next);
		if (w && w <= now) rt_timers_run(allp[i]);
	}
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__)
	__asm__ volatile("pause");
#else
	__asm__ volatile("yield");
#endif
}

/* ------------------------------------------------------------ run queues */

static int runqempty(P *p)
{
	for (;;) {
		uint32_t h = load(&p->runqhead), t = load(&p->runqtail);
		G *next = load(&p->runnext);
		if (t == load(&p->runqtail)) return h == t && !next;
	}
}

/* the global queue (sched.lock held) */
static void globrunqput(G *g)
{
	g->schedlink = NULL;
	if (sched.runqtail) sched.runqtail->schedlink = g;
	else sched.runqhead = g;
	sched.runqtail = g;
	sched.runqsize++;
}

static void globrunqputhead(G *g)
{
	g->schedlink = sched.runqhead;
	sched.runqhead = g;
	if (!sched.runqtail) sched.runqtail = g;
	sched.runqsize++;
}

static G *globrunqpop(void)
{
	G *g = sched.runqhead;
	if (g) {
		sched.runqhead = g->schedlink;
		if (!sched.runqhead) sched.runqtail = NULL;
		sched.runqsize--;
	}
	return g;
}

/* moves half of a full ring and g to the global queue; 0: the ring
 * changed. Only the owner writes ring slots, so once the CAS has taken
 * [h, h+n) from the thieves, the slots can be read at leisure (no batch
 * array: this runs on goroutine stacks, within the guard's slack). */
static int runqputslow(P *p, G *g, uint32_t h, uint32_t t)
{
	uint32_t n = (t - h) / 2;
	if (n != RT_RUNQ_SIZE / 2) rt_throw("runqputslow: queue is not full");
	if (!cas(&p->runqhead, h, h + n)) return 0;
	rt_lock(&sched.lock);
	for (uint32_t i = 0; i < n; i++) globrunqput(__atomic_load_n(&p->runq[(h + i) % RT_RUNQ_SIZE], __ATOMIC_RELAXED));
	globrunqput(g);
	rt_unlock(&sched.lock);
	return 1;
}

/* only p's own M puts; next: into runnext (the old one goes to the tail) */
static void runqput(P *p, G *g, int next)
{
	if (next) {
		G *old;
		do old = load(&p->runnext);
		while (!cas(&p->runnext, old, g));
		if (!old) return;
		g = old;
	}
	for (;;) {
		uint32_t h = load(&p->runqhead), t = p->runqtail;
		if (t - h < RT_RUNQ_SIZE) {
			__atomic_store_n(&p->runq[t % RT_RUNQ_SIZE], g, __ATOMIC_RELAXED);
			store(&p->runqtail, t + 1);
			return;
		}
		if (runqputslow(p, g, h, t)) return;
	}
}

/* only p's own M takes; *inherit: g came from runnext */
static G *runqget(P *p, int *inherit)
{
	G *next = load(&p->runnext);
	if (next && cas(&p->runnext, next, NULL)) {
		*inherit = 1;
		return next;
	}
	*inherit = 0;
	for (;;) {
		uint32_t h = load(&p->runqhead), t = p->runqtail;
		if (t == h) return NULL;
		G *g = __atomic_load_n(&p->runq[h % RT_RUNQ_SIZE], __ATOMIC_RELAXED);
		if (cas(&p->runqhead, h, h + 1)) return g;
	}
}

/* takes half of p's queue into batch[bhead...]; returns how many */
static uint32_t runqgrab(P *p, G **batch, uint32_t bhead, int stealnext)
{
	for (;;) {
		uint32_t h = load(&p->runqhead), t = load(&p->runqtail);
		uint32_t n = t - h;
		n -= n / 2;
		if (n == 0) {
			if (stealnext) {
				G *next = load(&p->runnext);
				if (next && load(&p->status) == P_RUNNING) {
					/* its owner is about to run it (a goroutine that just
					 * readied another usually parks next): give it ~3 us */
					int64_t until = rt_nanotime() + 3000;
					while (load(&p->runnext) == next && rt_nanotime() < until) cpu_relax();
					next = load(&p->runnext);
				}
				if (next) {
					if (!cas(&p->runnext, next, NULL)) continue;
					__atomic_store_n(&batch[bhead % RT_RUNQ_SIZE], next, __ATOMIC_RELAXED);
					return 1;
				}
			}
			return 0;
		}
		if (n > RT_RUNQ_SIZE / 2) continue;     /* read h and t at different times */
		for (uint32_t i = 0; i < n; i++) {
			G *g = __atomic_load_n(&p->runq[(h + i) % RT_RUNQ_SIZE], __ATOMIC_RELAXED);
			__atomic_store_n(&batch[(bhead + i) % RT_RUNQ_SIZE], g, __ATOMIC_RELAXED);
		}
		if (cas(&p->runqhead, h, h + n)) return n;
	}
}

/* steals half of p2's queue into p's; returns one of them to run */
static G *runqsteal(P *p, P *p2, int stealnext)
{
	uint32_t t = p->runqtail;
	uint32_t n = runqgrab(p2, p->runq, t, stealnext);
	if (n == 0) return NULL;
	n--;
	G *g = __atomic_load_n(&p->runq[(t + n) % RT_RUNQ_SIZE], __ATOMIC_RELAXED);
	if (n == 0) return g;
	uint32_t h = load(&p->runqhead);
	if (t - h + n >= RT_RUNQ_SIZE) rt_throw("runqsteal: runq overflow");
	store(&p->runqtail, t + n);
	return g;
}

/* a batch from the global queue: one to run, more into p's ring (max > 0: at most max) */
static G *globrunqget(P *p, int32_t max)
{
	if (sched.runqsize == 0) return NULL;
	int32_t n = sched.runqsize / rt_gomaxprocs + 1;
	if (n > sched.runqsize) n = sched.runqsize;
	if (max > 0 && n > max) n = max;
	if (n > RT_RUNQ_SIZE / 2) n = RT_RUNQ_SIZE / 2;
	G *g = globrunqpop();
	for (n--; n > 0; n--) runqput(p, globrunqpop(), 0);
	return g;
}

/* --------------------------------------------------------- idle Ps and Ms */

/* sched.lock held */
static void pidleput(P *p)
{
	if (!runqempty(p)) rt_throw("pidleput: P has non-empty run queue");
	p->link = sched.pidle;
	sched.pidle = p;
	xadd(&sched.npidle, 1);
}

static P *pidleget(void)
{
	P *p = sched.pidle;
	if (p) {
		sched.pidle = p->link;
		xadd(&sched.npidle, -1);
	}
	return p;
}

static void checkdead(void);

static void mput(M *m)
{
	m->schedlink = sched.midle;
	sched.midle = m;
	sched.nmidle++;
	checkdead();
}

static M *mget(void)
{
	M *m = sched.midle;
	if (m) {
		sched.midle = m->schedlink;
		sched.nmidle--;
	}
	return m;
}

static void acquirep(M *m, P *p)
{
	if (p->m || p->status != P_IDLE) rt_throw("acquirep: invalid p state");
	m->p = p;
	p->m = m;
	store(&p->status, P_RUNNING);
}

static P *releasep(M *m)
{
	P *p = m->p;
	if (!p || p->m != m || p->status != P_RUNNING) rt_throw("releasep: invalid p state");
	m->p = NULL;
	p->m = NULL;
	store(&p->status, P_IDLE);
	return p;
}

/* sleeps until another M hands over a P (m->nextp) */
static void stopm(M *m)
{
	if (m->p) rt_throw("stopm holding p");
	if (m->spinning) rt_throw("stopm spinning");
	rt_lock(&sched.lock);
	mput(m);
	rt_unlock(&sched.lock);
	rt_notesleep(&m->park);
	rt_noteclear(&m->park);
	P *p = m->nextp;
	m->nextp = NULL;
	acquirep(m, p);
}

/* ------------------------------------------------------------- threads */

static RT_NORETURN void schedule(M *m);

static void *mstart(void *arg)
{
	M *m = arg;
	rt_curm = m;
	m->fastrand = ((uint64_t)rt_nanotime() ^ ((uint64_t)m->id << 32)) | 1;
	P *p = m->nextp;
	m->nextp = NULL;
	acquirep(m, p);
	schedule(m);
}

typedef struct NewM {
	P *p;
	int spinning;
} NewM;

static void newm_sys(void *arg)
{
	NewM *a = arg;
	M *m = calloc(1, sizeof(M));
	if (!m) rt_throw("out of memory allocating an M");
	m->nextp = a->p;
	m->spinning = a->spinning;
	rt_lock(&sched.lock);
	m->id = sched.mcount++;
	if (sched.mcount + (main_started ? 1 : 0) > sched.maxmcount) {
		rt_unlock(&sched.lock);
		rt_printlock();
		rt_print_cstr("runtime: program exceeds ");
		rt_printint(sched.maxmcount);
		rt_print_cstr("-thread limit\n");
		rt_printunlock();
		rt_throw("thread exhaustion");
	}
	m->alllink = allm;
	store(&allm, m);
	rt_unlock(&sched.lock);
	M *cur = rt_curm;
	if (tmpl.started && (!cur || cur->lockedg)) {      /* a thread in an unknown state */
		rt_lock(&tmpl.lock);
		m->schedlink = tmpl.list;
		tmpl.list = m;
		if (!load(&tmpl.wake.key)) rt_notewakeup(&tmpl.wake);
		rt_unlock(&tmpl.lock);
		return;
	}
	create_thread(m);
}

/* a detached thread running fn(arg); it starts with the process's initial
 * signal mask, whatever the creating thread's is (0: failed) */
static int spawn_thread(void *(*fn)(void *), void *arg, size_t stack)
{
	pthread_attr_t at;
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&at, stack);
	sigset_t old;
	pthread_sigmask(SIG_SETMASK, &initsigmask, &old);
	pthread_t t;
	int err = pthread_create(&t, &at, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&at);
	return !err;
}

/* a runtime helper thread that never runs Go code (gc workers); 0: ok */
int rt_spawn_thread(void *(*fn)(void *), void *arg)
{
	return !spawn_thread(fn, arg, 256 << 10);
}

static void create_thread(M *m)
{
	if (!spawn_thread(mstart, m, 256 << 10)) rt_throw("newosproc: cannot create a thread");
}

/* a new M to run p (its thread is made on the system stack) */
static void newm(P *p, int spinning)
{
	NewM a = {p, spinning};
	rt_systemstack(newm_sys, &a);
}

/* runs p (an idle one if NULL) on an idle or new M; spinning: the M looks
 * for work (the caller counted it in nmspinning) */
static void startm(P *p, int spinning)
{
	rt_lock(&sched.lock);
	if (!p) {
		p = pidleget();
		if (!p) {
			rt_unlock(&sched.lock);
			if (spinning) xadd(&sched.nmspinning, -1);
			return;
		}
	}
	M *nm = mget();
	rt_unlock(&sched.lock);
	if (!nm) {
		newm(p, spinning);
		return;
	}
	if (nm->spinning || nm->nextp) rt_throw("startm: m is spinning or has a p");
	nm->spinning = spinning;
	nm->nextp = p;
	rt_notewakeup(&nm->park);
}

/* a goroutine became runnable: make sure an M looks for it if a P is idle */
static void wakep(void)
{
	if (load(&sched.npidle) == 0) return;
	if (load(&sched.nmspinning) != 0 || !cas(&sched.nmspinning, 0, 1)) return;
	startm(NULL, 1);
}

/* p lost its M (a system call); give it to one if there is work */
static void handoffp(P *p)
{
	if (!runqempty(p) || load(&sched.runqsize)) {
		startm(p, 0);
		return;
	}
	if (load(&sched.nmspinning) + load(&sched.npidle) == 0 && cas(&sched.nmspinning, 0, 1)) {
		startm(p, 1);
		return;
	}
	rt_lock(&sched.lock);
	if (sched.gcwaiting) {
		store(&p->status, P_GCSTOP);
		if (--sched.stopwait == 0) rt_notewakeup(&sched.stopnote);
		rt_unlock(&sched.lock);
		return;
	}
	if (sched.runqsize) {
		rt_unlock(&sched.lock);
		startm(p, 0);
		return;
	}
	/* the last running P: someone must wait for the timers */
	if (sched.npidle == rt_gomaxprocs - 1 && load(&sched.lastpoll) != 0 && timers_next()) {
		rt_unlock(&sched.lock);
		startm(p, 0);
		return;
	}
	pidleput(p);
	rt_unlock(&sched.lock);
}

static void resetspinning(M *m)
{
	m->spinning = 0;
	if (xadd(&sched.nmspinning, -1) < 0) rt_throw("findrunnable: negative nmspinning");
	wakep();        /* one spinning M at a time keeps looking */
}

/* ------------------------------------------------------------ goroutines */

extern char rt_gentry_asm[];

/* a goroutine that will call fn(a0, a1, a2) with `nest` = nest on a fresh
 * stack (C functions: fn(arg); Go functions: their flattened arguments) */
static void initg(G *g, void *fn, void *nest, uintptr_t a0, uintptr_t a1, uintptr_t a2, uint32_t ptrs)
{
	g->goid = __atomic_fetch_add(&next_goid, 1, __ATOMIC_RELAXED);
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
	g->startptrs = ptrs;
	g->status = G_RUNNABLE;
	xadd(&ngoroutines, 1);
}

void rt_mark_system_g(G *g)
{
	g->system = 1;
	xadd(&ngoroutines, -1);
}

/* system stack (it may map memory) */
G *rt_newg(void *fn, void *nest, uintptr_t a0, uintptr_t a1, uintptr_t a2, uint32_t ptrs)
{
	rt_lock(&gflock);
	G *g = gfree;
	if (g) gfree = g->schedlink;
	rt_unlock(&gflock);
	if (g) {
		G *link = g->alllink;
		memset(g, 0, sizeof *g);
		g->alllink = link;
		initg(g, fn, nest, a0, a1, a2, ptrs);
	} else {
		g = calloc(1, sizeof(G));
		if (!g) rt_throw("out of memory allocating a goroutine");
		initg(g, fn, nest, a0, a1, a2, ptrs);
		rt_lock(&allglock);
		g->alllink = allg;
		allg = g;
		rt_unlock(&allglock);
	}
	return g;
}

static void freeg(G *g)
{
	Seg *s0 = g->seg0;
	for (Seg *s = s0->next, *n; s; s = n) {
		n = s->next;
		rt_seg_free(s);
	}
	rt_seg_free(s0);
	if (!g->system) xadd(&ngoroutines, -1);
	if (g != &g1) {
		rt_lock(&gflock);
		g->schedlink = gfree;
		gfree = g;
		rt_unlock(&gflock);
	}
}

static int by_goid(const void *a, const void *b)
{
	int64_t x = (*(G *const *)a)->goid, y = (*(G *const *)b)->goid;
	return x < y ? -1 : x > y;
}

/* the traces of every goroutine, goroutine 1 first, as gc prints them for
 * a fatal error (system stack) */
static void trace_all(void)
{
	rt_lock(&allglock);
	int n = 0;
	for (G *g = allg; g; g = g->alllink) n += g->status != G_DEAD && !g->system;
	G **order = malloc(sizeof(G *) * (size_t)(n ? n : 1));
	int k = 0;
	for (G *g = allg; g; g = g->alllink)
		if (g->status != G_DEAD && !g->system) order[k++] = g;
	rt_unlock(&allglock);
	qsort(order, (size_t)n, sizeof(G *), by_goid);
	for (int i = 0; i < n; i++) {
		if (i) rt_print_cstr("\n");
		rt_traceback(order[i], 0);
	}
	free(order);
}

static RT_NORETURN void fatal_deadlock(const char *msg, int traces)
{
	rt_unlock(&sched.lock);
	rt_printlock();
	rt_print_cstr("fatal error: ");
	rt_print_cstr(msg);
	rt_print_cstr("\n");
	if (traces) {
		rt_print_cstr("\n");
		trace_all();
	}
	rt_printunlock();
	rt_print_flush();
	rt_os_exit(2);
}

/* sched.lock held, an M just went idle: if no M runs Go code and nothing
 * can wake a goroutine, the program is deadlocked */
static void checkdead(void)
{
	int32_t run = sched.mcount - sched.nmidle - sched.nmidlelocked;
	if (run > 0) return;
	if (run < 0) rt_throw("checkdead: inconsistent counts");
	int grunning = 0;
	rt_lock(&allglock);
	for (G *g = allg; g; g = g->alllink) {
		switch (load(&g->status)) {
		case G_WAITING: grunning += !g->system; break;
		case G_RUNNABLE: case G_RUNNING: case G_SYSCALL:
			rt_unlock(&allglock);
			rt_throw("checkdead: runnable g");
		}
	}
	rt_unlock(&allglock);
	if (grunning == 0 && main_goexited) fatal_deadlock("no goroutines (main called runtime.Goexit) - deadlock!", 0);
	if (timers_next()) return;   /* an M waits for it in the netpoller */
	fatal_deadlock("all goroutines are asleep - deadlock!", 1);
}

/* -------------------------------------------------------- stop the world */

static void preemptone(P *p)
{
	M *m = load(&p->m);
	G *g = m ? load(&m->curg) : NULL;
	if (g && load(&g->status) == G_RUNNING) rt_preempt_request(g);
}

static void preemptall(void)
{
	for (int32_t i = 0; i < load(&rt_gomaxprocs); i++)
		if (load(&allp[i]->status) == P_RUNNING) preemptone(allp[i]);
}

/* the calling M (holding a P, on the system stack) stops every other P */
static void stoptheworld(M *m)
{
	rt_lock(&sched.lock);
	sched.stopwait = rt_gomaxprocs;
	store(&sched.gcwaiting, 1);
	preemptall();
	store(&m->p->status, P_GCSTOP);
	sched.stopwait--;
	for (int32_t i = 0; i < rt_gomaxprocs; i++) {
		P *p = allp[i];
		if (cas(&p->status, P_SYSCALL, P_GCSTOP)) {
			p->syscalltick++;
			sched.stopwait--;
		}
	}
	for (P *p; (p = pidleget());) {
		store(&p->status, P_GCSTOP);
		sched.stopwait--;
	}
	int wait = sched.stopwait > 0;
	rt_unlock(&sched.lock);
	while (wait) {
		if (rt_notetsleep(&sched.stopnote, 100 * 1000)) {
			rt_noteclear(&sched.stopnote);
			break;
		}
		preemptall();
	}
	for (int32_t i = 0; i < rt_gomaxprocs; i++)
		if (load(&allp[i]->status) != P_GCSTOP) rt_throw("stopTheWorld: not stopped");
}

/* this M gives its P to the stop in progress and sleeps */
static void gcstopm(M *m)
{
	if (m->spinning) {
		m->spinning = 0;
		xadd(&sched.nmspinning, -1);
	}
	P *p = releasep(m);
	rt_lock(&sched.lock);
	store(&p->status, P_GCSTOP);
	if (--sched.stopwait == 0) rt_notewakeup(&sched.stopnote);
	rt_unlock(&sched.lock);
	stopm(m);
}

static P *newp(int32_t id)
{
	P *p = calloc(1, sizeof(P));
	if (!p) rt_throw("out of memory allocating a P");
	p->id = id;
	p->status = P_GCSTOP;
	return p;
}

/* a retired P's goroutines go to the global queue, in order (sched.lock held) */
static void destroyp(P *p)
{
	for (;;) {
		uint32_t h = p->runqhead, t = p->runqtail;
		if (h == t) break;
		G *g = p->runq[(t - 1) % RT_RUNQ_SIZE];
		p->runqtail = t - 1;
		globrunqputhead(g);
	}
	if (p->runnext) {
		globrunqputhead(p->runnext);
		p->runnext = NULL;
	}
	store(&p->status, P_DEAD);
}

/* GOMAXPROCS = n with the world stopped (sched.lock held); m keeps or
 * gets a P; returns the other Ps that have work, each with an M or none */
static P *procresize(M *m, int32_t n)
{
	int32_t old = rt_gomaxprocs;
	for (int32_t i = old; i < n; i++) {
		if (!allp[i]) allp[i] = newp(i);
		allp[i]->status = P_GCSTOP;
	}
	for (int32_t i = n; i < old; i++) {
		destroyp(allp[i]);
		rt_timers_move(allp[i], allp[0]);
	}
	P *cur = m->p;
	if (cur && cur->id < n) {
		store(&cur->status, P_RUNNING);
	} else {
		if (cur) cur->m = NULL;
		m->p = NULL;
		allp[0]->m = NULL;
		allp[0]->status = P_IDLE;
		acquirep(m, allp[0]);
	}
	store(&rt_gomaxprocs, n);
	P *runnable = NULL;
	for (int32_t i = n - 1; i >= 0; i--) {
		P *p = allp[i];
		if (p == m->p) continue;
		p->m = NULL;
		store(&p->status, P_IDLE);
		if (runqempty(p)) {
			pidleput(p);
		} else {
			p->m = mget();
			p->link = runnable;
			runnable = p;
		}
	}
	return runnable;
}

static void starttheworld(M *m, int32_t n)
{
	rt_lock(&sched.lock);
	P *runnable = procresize(m, n);
	store(&sched.gcwaiting, 0);
	rt_unlock(&sched.lock);
	while (runnable) {
		P *p = runnable;
		runnable = p->link;
		M *mp = p->m;
		if (mp) {
			p->m = NULL;
			mp->nextp = p;
			rt_notewakeup(&mp->park);
		} else {
			startm(p, 0);
		}
	}
	wakep();
}

void rt_stoptheworld(void)
{
	stoptheworld(rt_curm);
}

void rt_starttheworld(void)
{
	starttheworld(rt_curm, rt_gomaxprocs);
}

void rt_forallp(void (*fn)(P *p, void *arg), void *arg)
{
	for (int i = 0; i < RT_MAX_PROCS && allp[i]; i++) fn(allp[i], arg);
}

typedef struct Resize {
	intptr_t n, old;
} Resize;

static void gomaxprocs_sys(void *arg)
{
	Resize *r = arg;
	M *m = rt_curm;
	r->old = rt_gomaxprocs;
	if (r->n == r->old) return;
	stoptheworld(m);
	starttheworld(m, (int32_t)r->n);
}

intptr_t rt_set_gomaxprocs(intptr_t n)
{
	if (n <= 0) return load(&rt_gomaxprocs);
	Resize r = {n > RT_MAX_PROCS ? RT_MAX_PROCS : n, 0};
	rt_stw_acquire();
	rt_systemstack(gomaxprocs_sys, &r);
	rt_stw_release();
	return r.old;
}

/* ----------------------------------------------------------- scheduling */

/* gc's fastrandn for the steal order, per M */
static uint32_t mrand(M *m)
{
	uint64_t x = m->fastrand;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	m->fastrand = x;
	return (uint32_t)(x >> 32);
}

/* blocks until a goroutine is ready to run; *inherit: it shares the slice */
static G *findrunnable(M *m, int *inherit)
{
	G *g;
	*inherit = 0;
top:
	if (load(&sched.gcwaiting)) {
		gcstopm(m);
		goto top;
	}
	P *p = m->p;
	rt_timers_run(p);
	if (p->schedtick % 61 == 0 && load(&sched.runqsize) > 0) {
		rt_lock(&sched.lock);
		g = globrunqget(p, 1);
		rt_unlock(&sched.lock);
		if (g) return g;
	}
	if ((g = runqget(p, inherit))) return g;
	if (load(&sched.runqsize)) {
		rt_lock(&sched.lock);
		g = globrunqget(p, 0);
		rt_unlock(&sched.lock);
		if (g) return g;
	}
	if (rt_netpoll_inited() && load(&rt_netpoll_waiters) > 0 && load(&sched.lastpoll) != 0) {
		G *list = rt_netpoll(0);
		if (list) {
			g = list;
			for (G *n, *r = list->schedlink; r; r = n) {
				n = r->schedlink;
				store(&r->status, G_RUNNABLE);
				runqput(p, r, 0);
			}
			store(&g->status, G_RUNNABLE);
			return g;
		}
	}
	/* timers of other Ps (idle ones have no M to run them) */
	run_all_timers();
	if ((g = runqget(p, inherit))) return g;
	/* steal, unless enough Ms already spin */
	int32_t procs = load(&rt_gomaxprocs);
	if (m->spinning || 2 * load(&sched.nmspinning) < procs - load(&sched.npidle)) {
		if (!m->spinning) {
			m->spinning = 1;
			xadd(&sched.nmspinning, 1);
		}
		for (int i = 0; i < 4; i++) {
			uint32_t start = mrand(m) % (uint32_t)procs;
			for (int32_t k = 0; k < procs; k++) {
				if (load(&sched.gcwaiting)) goto top;
				P *p2 = allp[(start + (uint32_t)k) % (uint32_t)procs];
				if (p2 == p || runqempty(p2)) continue;
				if ((g = runqsteal(p, p2, i == 3))) return g;
			}
		}
	}
	/* nothing: give up the P */
	rt_lock(&sched.lock);
	if (sched.gcwaiting) {
		rt_unlock(&sched.lock);
		goto top;
	}
	if (sched.runqsize) {
		g = globrunqget(p, 0);
		rt_unlock(&sched.lock);
		return g;
	}
	releasep(m);
	pidleput(p);
	rt_unlock(&sched.lock);
	int wasspinning = m->spinning;
	if (m->spinning) {
		m->spinning = 0;
		if (xadd(&sched.nmspinning, -1) < 0) rt_throw("findrunnable: negative nmspinning");
	}
	/* a goroutine readied between the last look and the release finds no
	 * spinning M: look again */
	for (int32_t i = 0; i < load(&rt_gomaxprocs); i++) {
		if (runqempty(allp[i])) continue;
		rt_lock(&sched.lock);
		p = pidleget();
		rt_unlock(&sched.lock);
		if (p) {
			acquirep(m, p);
			if (wasspinning) {
				m->spinning = 1;
				xadd(&sched.nmspinning, 1);
			}
			goto top;
		}
		break;
	}
	/* wait in the netpoller for the next timer or I/O, if nobody else does */
	int64_t next = timers_next();
	if (rt_netpoll_inited() && (next || load(&rt_netpoll_waiters) > 0) &&
	    __atomic_exchange_n(&sched.lastpoll, 0, __ATOMIC_SEQ_CST) != 0) {
		int64_t delay = -1;
		if (next) {
			delay = next - rt_nanotime();
			if (delay < 0) delay = 0;
		}
		store(&sched.polluntil, next);
		G *list = rt_netpoll(delay);
		store(&sched.polluntil, 0);
		store(&sched.lastpoll, rt_nanotime());
		rt_lock(&sched.lock);
		p = pidleget();
		if (!p) {
			for (G *n; list; list = n) {
				n = list->schedlink;
				store(&list->status, G_RUNNABLE);
				globrunqput(list);
			}
		}
		rt_unlock(&sched.lock);
		if (p) {
			acquirep(m, p);
			for (G *n; list; list = n) {
				n = list->schedlink;
				store(&list->status, G_RUNNABLE);
				runqput(p, list, 0);
			}
			goto top;
		}
		if (load(&sched.runqsize)) wakep();
	} else if (next && load(&sched.polluntil) > next) {
		rt_netpoll_break();     /* the poller must wake earlier */
	}
	stopm(m);
	goto top;
}

/* runs g on m until it stops through mcall */
static void execute(M *m, G *g, int inherit)
{
	g->m = m;
	store(&m->curg, g);
	g->waitreason = NULL;
	g->startptrs = 0;       /* its first function has its arguments now */
	store(&g->status, G_RUNNING);
	if (!inherit) m->p->schedtick++;
	rt_curg = g;
	rt_sched_run(&m->g0ctx, &g->ctx);
	rt_curg = NULL;
}

static void stoplockedm(M *m);
static void startlockedm(M *m, G *g);

static RT_NORETURN void schedule(M *m)
{
	G *g = NULL;
	int inherit = 0;
	for (;;) {
		if (!g && m->lockedg) {         /* this M runs its locked goroutine or nothing */
			stoplockedm(m);
			g = m->lockedg;
		}
		if (!g) {
			g = findrunnable(m, &inherit);
			if (m->spinning) resetspinning(m);
			if (g->lockedm && g->lockedm != m) {
				startlockedm(m, g);
				g = NULL;
				continue;
			}
		}
		execute(m, g, inherit);
		G *(*f)(M *, G *) = m->afterfn;
		m->afterfn = NULL;
		g = f(m, m->curg);
		inherit = 0;
	}
}

/* leaves the goroutine's stack; f(m, g) runs on the system stack */
static void mcall(G *(*f)(M *, G *))
{
	G *g = rt_getg();
	M *m = g->m;
	m->afterfn = f;
	rt_sched_return(&g->ctx, &m->g0ctx);
}

static G *park_m(M *m, G *g)
{
	store(&m->curg, NULL);
	void (*f)(void *) = g->unlockf;
	g->unlockf = NULL;
	store(&g->status, G_WAITING);
	if (f) f(g->unlockarg);
	return NULL;
}

void rt_gopark(void (*unlockf)(void *), void *arg, const char *reason, RtRoots *roots)
{
	G *g = rt_getg();
	g->waitreason = reason;
	g->unlockf = unlockf;
	g->unlockarg = arg;
	g->parkroots = roots;
	mcall(park_m);
	g->parkroots = NULL;    /* same G on whichever thread it resumes */
}

void rt_goready(G *g)
{
	if (!cas(&g->status, G_WAITING, G_RUNNABLE)) rt_throw("goready: bad g status");
	M *m = rt_getm();
	P *p = m ? m->p : NULL;
	if (p) {
		runqput(p, g, 1);
	} else {
		rt_lock(&sched.lock);
		globrunqput(g);
		rt_unlock(&sched.lock);
	}
	wakep();
}

/* a goroutine fresh from rt_newg (timer functions) */
void rt_ready_new(G *g)
{
	M *m = rt_getm();
	if (m && m->p) {
		runqput(m->p, g, 1);
	} else {
		rt_lock(&sched.lock);
		globrunqput(g);
		rt_unlock(&sched.lock);
	}
	wakep();
}

/* a timer was added at `when`: the M waiting in the netpoller must wake by
 * then; with none waiting, an idle P's M will look (gc's wakeNetPoller) */
void rt_wake_netpoller(int64_t when)
{
	if (load(&sched.lastpoll) == 0) {
		int64_t until = load(&sched.polluntil);
		if (until == 0 || until > when) rt_netpoll_break();
	} else {
		wakep();
	}
}

/* sync's procPin: no preemption until procUnpin; the P's id */
intptr_t rt_procpin(void)
{
	M *m = rt_getg()->m;
	m->locks++;
	return m->p->id;
}

void rt_procunpin(void) { rt_getg()->m->locks--; }

/* sync.Mutex spins only while other Ms run and this P has no work */
int rt_canspin(intptr_t i)
{
	if (i >= 4 || rt_numcpu() <= 1) return 0;
	if (load(&rt_gomaxprocs) <= load(&sched.npidle) + load(&sched.nmspinning) + 1) return 0;
	return runqempty(rt_getg()->m->p);
}

/* to the global queue (Gosched, preemption) */
static G *gosched_m(M *m, G *g)
{
	store(&m->curg, NULL);
	store(&g->status, G_RUNNABLE);
	rt_lock(&sched.lock);
	globrunqput(g);
	rt_unlock(&sched.lock);
	return NULL;
}

void rt_gosched_c(void)
{
	mcall(gosched_m);
}

/* a preemption request came through (stack.c); only a goroutine that holds
 * its P yields */
void rt_gopreempt(void)
{
	G *g = rt_getg();
	if (load(&g->status) != G_RUNNING || !g->m || !g->m->p || g->m->locks) return;
	mcall(gosched_m);
}

static RT_NORETURN void mexit(M *m);

static G *goexit_m(M *m, G *g)
{
	store(&m->curg, NULL);
	store(&g->status, G_DEAD);
	int locked = g->lockedext != 0;
	g->lockedm = NULL;
	m->lockedg = NULL;
	freeg(g);
	if (locked) mexit(m);   /* its thread may be in any state: it goes too */
	return NULL;
}

/* a goroutine's function returned (rt_gentry_asm) */
void rt_goexit_c(void)
{
	mcall(goexit_m);
	__builtin_unreachable();
}

/* runtime.Goexit: the deferred calls run (recover() returns nil in them),
 * then the goroutine ends; when G 1 does this, the program goes on until
 * every other goroutine is done, then dies as gc's does */
void rt_goexit_entry_c(void)
{
	G *g = rt_getg();
	Panic p = {.goexit = 1};
	p.site = (PanicSite){g->sched.fp, g->sched.ra, g->sched.sp, g->seg};
	p.link = g->panic;
	g->panic = &p;
	if (g->defer) rt_run_defers(&p);
	g->panic = p.link;
	if (g == &g1) main_goexited = 1;
	rt_goexit_c();
}

/* ---------------------------------------------------------- LockOSThread */

/*
 * A locked goroutine runs only on its M, and its M runs nothing else: when
 * the goroutine parks, the M gives its P away and sleeps (stoplockedm);
 * the M that later finds the goroutine in a run queue hands it its own P
 * and wakes it (startlockedm). A goroutine that exits while locked takes
 * its thread with it (mexit; the main thread only sleeps forever, as gc's
 * does). New Ms are made by a template thread once anything has been
 * locked: a locked thread may have changed its signal mask or other
 * per-thread state, which a thread it created would inherit.
 */

static void incidlelocked(int d)
{
	rt_lock(&sched.lock);
	sched.nmidlelocked += d;
	if (d > 0) checkdead();
	rt_unlock(&sched.lock);
}

static void stoplockedm(M *m)
{
	if (m->p) handoffp(releasep(m));
	incidlelocked(1);
	rt_notesleep(&m->park);
	rt_noteclear(&m->park);
	P *p = m->nextp;
	m->nextp = NULL;
	acquirep(m, p);
}

static void startlockedm(M *m, G *g)
{
	M *lm = g->lockedm;
	if (lm == m) rt_throw("startlockedm: locked to me");
	if (lm->nextp) rt_throw("startlockedm: m has p");
	incidlelocked(-1);
	lm->nextp = releasep(m);
	rt_notewakeup(&lm->park);
	stopm(m);
}

static RT_NORETURN void mexit(M *m)
{
	handoffp(releasep(m));
	rt_lock(&sched.lock);
	sched.mcount--;
	checkdead();
	rt_unlock(&sched.lock);
	if (m == &m0) {                 /* the process lives on: park the main thread */
		Note never = {0};
		for (;;) rt_notesleep(&never);
	}
	pthread_exit(NULL);
}


static void *template_thread(void *arg)
{
	(void)arg;
	for (;;) {
		rt_lock(&tmpl.lock);
		M *l = tmpl.list;
		tmpl.list = NULL;
		if (!l) rt_noteclear(&tmpl.wake);
		rt_unlock(&tmpl.lock);
		if (!l) {
			rt_notesleep(&tmpl.wake);
			continue;
		}
		for (M *n; l; l = n) {
			n = l->schedlink;
			l->schedlink = NULL;
			create_thread(l);
		}
	}
	return NULL;
}

static void start_template_sys(void *arg)
{
	(void)arg;
	rt_lock(&sched.lock);
	if (tmpl.started) {
		rt_unlock(&sched.lock);
		return;
	}
	tmpl.started = 1;
	sched.mcount++;                 /* counts as a thread, as gc's does */
	rt_unlock(&sched.lock);
	if (!spawn_thread(template_thread, NULL, 64 << 10)) rt_throw("cannot start the template thread");
}

/* body of runtime.LockOSThread (an RT_GOENTRY trampoline: it may panic) */
void rt_lockosthread_c(void)
{
	G *g = rt_getg();
	if (!tmpl.started) {
		rt_systemstack(start_template_sys, NULL);
		g = rt_getg();
	}
	if (++g->lockedext == 0) {
		g->lockedext--;
		rt_panic_error("LockOSThread nesting overflow", 0);
	}
	g->lockedm = g->m;
	g->m->lockedg = g;
}

void rt_unlockosthread(void)
{
	G *g = rt_getg();
	if (!g->lockedext) return;
	if (--g->lockedext == 0) {
		g->m->lockedg = NULL;
		g->lockedm = NULL;
	}
}

/* debug.SetMaxThreads */
intptr_t rt_set_maxthreads(intptr_t n)
{
	rt_lock(&sched.lock);
	intptr_t old = sched.maxmcount;
	sched.maxmcount = n > 0x7fffffff ? 0x7fffffff : (int32_t)n;
	int32_t count = sched.mcount + (main_started ? 1 : 0);        /* sysmon too */
	rt_unlock(&sched.lock);
	if (count > sched.maxmcount) {
		rt_printlock();
		rt_print_cstr("runtime: program exceeds ");
		rt_printint(sched.maxmcount);
		rt_print_cstr("-thread limit\n");
		rt_printunlock();
		rt_throw("thread exhaustion");
	}
	return old;
}

/* ----------------------------------------------------------- system calls */

/* the goroutine is about to block in the kernel: its P may go elsewhere */
void rt_entersyscall(void)
{
	G *g = rt_getg();
	M *m = g->m;
	P *p = m->p;
	store(&g->status, G_SYSCALL);
	p->syscalltick++;
	m->oldp = p;
	m->p = NULL;
	store(&p->m, NULL);
	store(&p->status, P_SYSCALL);
	if (load(&sched.gcwaiting)) {
		rt_lock(&sched.lock);
		if (sched.stopwait > 0 && cas(&p->status, P_SYSCALL, P_GCSTOP)) {
			if (--sched.stopwait == 0) rt_notewakeup(&sched.stopnote);
		}
		rt_unlock(&sched.lock);
	}
}

/* no P to be had: queue g and sleep */
static G *exitsyscall0(M *m, G *g)
{
	store(&m->curg, NULL);
	store(&g->status, G_RUNNABLE);
	rt_lock(&sched.lock);
	P *p = sched.gcwaiting ? NULL : pidleget();
	if (!p) globrunqput(g);
	rt_unlock(&sched.lock);
	if (p) {
		acquirep(m, p);
		return g;
	}
	if (!m->lockedg) stopm(m);      /* (a locked M waits in schedule for g) */
	return NULL;
}

void rt_exitsyscall(void)
{
	G *g = rt_getg();
	M *m = g->m;
	P *p = m->oldp;
	m->oldp = NULL;
	if (p && cas(&p->status, P_SYSCALL, P_RUNNING)) {
		m->p = p;
		store(&p->m, m);
		p->syscalltick++;
		store(&g->status, G_RUNNING);
		return;
	}
	if (load(&sched.pidle) && !load(&sched.gcwaiting)) {
		rt_lock(&sched.lock);
		p = sched.gcwaiting ? NULL : pidleget();
		rt_unlock(&sched.lock);
		if (p) {
			acquirep(m, p);
			store(&g->status, G_RUNNING);
			return;
		}
	}
	mcall(exitsyscall0);
}

/* ---------------------------------------------------------------- sysmon */

#define FORCE_PREEMPT_NS (10 * 1000 * 1000)     /* gc's forcePreemptNS */

/* preempts long-running goroutines, retakes Ps blocked in system calls;
 * returns how many Ps it retook */
static int retake(int64_t now)
{
	int n = 0;
	for (int32_t i = 0; i < load(&rt_gomaxprocs); i++) {
		P *p = allp[i];
		uint32_t s = load(&p->status);
		if (s == P_RUNNING || s == P_SYSCALL) {
			uint32_t t = load(&p->schedtick);
			if (p->sm_schedtick != t) {
				p->sm_schedtick = t;
				p->sm_schedwhen = now;
			} else if (p->sm_schedwhen + FORCE_PREEMPT_NS <= now) {
				preemptone(p);
				p->sm_schedwhen = now;
			}
		}
		if (s == P_SYSCALL) {
			uint32_t t = load(&p->syscalltick);
			if (p->sm_syscalltick != t) {
				p->sm_syscalltick = t;
				p->sm_syscallwhen = now;
				continue;
			}
			if (runqempty(p) && load(&sched.nmspinning) + load(&sched.npidle) > 0 &&
			    p->sm_syscallwhen + FORCE_PREEMPT_NS > now)
				continue;
			if (cas(&p->status, P_SYSCALL, P_IDLE)) {
				n++;
				p->syscalltick++;
				handoffp(p);
			}
		}
	}
	return n;
}

static void *sysmon(void *arg)
{
	(void)arg;
	int idle = 0;
	int64_t delay = 20 * 1000;
	for (;;) {
		if (idle == 0) delay = 20 * 1000;
		else if (idle > 50) delay *= 2;
		if (delay > 10 * 1000 * 1000) delay = 10 * 1000 * 1000;
		struct timespec ts = {0, delay};
		nanosleep(&ts, NULL);
		int64_t now = rt_nanotime();
		if (retake(now)) idle = 0;
		else idle++;
		/* a due timer nobody waits for (every P busy or in a call) */
		int64_t next = timers_next();
		if (next && next < now && load(&sched.lastpoll) != 0) wakep();
	}
	return NULL;
}

static void start_sysmon(void *arg)
{
	(void)arg;
	if (!spawn_thread(sysmon, NULL, 64 << 10)) rt_throw("cannot start the monitor thread");
}

/* ------------------------------------------------------------------- go */

typedef struct NewProc {
	void *entry;
	uintptr_t gopc;
} NewProc;

static void newproc_sys(void *arg)
{
	NewProc *a = arg;
	void *code = *(void **)a->entry;
	if (!main_started) {            /* two goroutines: other Ms and time slices matter */
		main_started = 1;
		start_sysmon(NULL);
	}
	G *g = rt_newg(code, a->entry, (uintptr_t)a->entry, 0, 0, RT_START_NEST | RT_START_A0);
	g->gopc = a->gopc;
	runqput(rt_curm->p, g, 1);
	wakep();
}

/* go f(args): codegen packs the call into a GoDefer {code, link, operands}
 * whose code makes the call (cg_defer.c); it runs on the new goroutine with
 * `nest` = the entry */
void rt_newproc_c(void *entry)
{
	NewProc a = {entry, rt_getg()->sched.ra};       /* RT_GOENTRY: the creator's call site */
	rt_systemstack(newproc_sys, &a);
}

int64_t rt_numgoroutine(void) { return load(&ngoroutines); }

/* every G struct, dead ones too (the collector: world stopped) */
void rt_forall_g(void (*fn)(G *g, void *arg), void *arg)
{
	rt_lock(&allglock);
	G *first = allg;
	rt_unlock(&allglock);
	for (G *g = first; g; g = g->alllink) fn(g, arg);
}

/* the Go pointers the scheduler's structures hold: every P's timer heap
 * (retired Ps' heaps are empty) */
void rt_proc_roots(RootVisitor fn, void *arg)
{
	for (int32_t i = 0; i < RT_MAX_PROCS && allp[i]; i++) rt_timer_roots(allp[i], fn, arg);
}
intptr_t rt_mcount(void) { return load(&sched.mcount); }

/* run fn (G 1's function) on the main goroutine; never returns (rt0.c) */
RT_NORETURN void rt_sched_main(void (*fn)(void *))
{
	M *m = &m0;
	rt_curm = m;
	pthread_sigmask(SIG_SETMASK, NULL, &initsigmask);
	m->fastrand = (uint64_t)rt_nanotime() | 1;
	sched.mcount = 1;
	sched.maxmcount = 10000;
	sched.lastpoll = rt_nanotime();
	allm = m;
	intptr_t n = rt_gomaxprocs_default();
	rt_lock(&sched.lock);
	procresize(m, (int32_t)n);
	rt_unlock(&sched.lock);
	rt_netpoll_init();
	initg(&g1, (void *)fn, NULL, 0, 0, 0, 0);
	allg = &g1;
	runqput(m->p, &g1, 0);
	schedule(m);
}
