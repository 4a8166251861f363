/*
 * mgc.c: the collector — precise, non-moving mark and sweep with the world
 * stopped.
 *
 * A cycle (gc_cycle, on the system stack of the M whose goroutine asked):
 *   1. stop the world (proc.c); every other goroutine is parked, runnable
 *      at a safepoint, in a system call, or not started;
 *   2. flush every P's allocation cache back to the central lists;
 *   3. mark from the roots: package globals (codegen's tables,
 *      rt_globals_roots), every goroutine's Go frames (stack maps, walked
 *      across segments), the runtime's own holders of Go pointers
 *      (rt_runtime_roots, rt_g_roots); then drain the gray stack, scanning
 *      each object through its span's pointer bits (or a large object's
 *      type);
 *   4. sweep every span: the mark bits become the allocation bits, spans
 *      with no marked object give their pages back;
 *   5. set the next trigger (GOGC), restart the world, return free pages
 *      above the retention target to the OS.
 *
 * When: malloc.c calls rt_gc_request when the live heap reaches the trigger;
 * the request poisons the goroutine's stack guard, so its next safepoint
 * (loop poll or prologue) runs the cycle (rt_gc_pending_check). No cycle
 * ever starts inside runtime C code that holds pointers in C locals.
 *
 * Rejected for now: concurrent marking (needs the write barrier in codegen)
 * and lazy sweeping; both come later. Marking is single-threaded.
 */
#define _GNU_SOURCE
#include "rt.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>



GCState rt_gc;
static RtLock stwlock;

/* ---------------------------------------------------------- workers */

/*
 * Marking and sweeping run on up to RT_GC_MAXWORKERS threads: the M that
 * runs the cycle plus helper threads (made on first use, parked on a note
 * between phases). Work: a job counter over the root jobs (globals and
 * runtime roots, then one goroutine stack each) or the span classes; gray
 * objects on a per-worker stack whose surplus goes to a shared pool of
 * buffers. Mark bits are set with an atomic OR. A worker with nothing to do
 * counts itself idle; the phase ends when all are idle with the pool empty.
 */
#define RT_GC_MAXWORKERS 16
#define BUF_N 256

typedef struct WorkBuf {
	struct WorkBuf *next;
	size_t n;
	uintptr_t e[BUF_N];
} WorkBuf;

typedef struct Worker {
	uintptr_t *gray;
	size_t ngray, graycap;
	uint64_t marked, roots;
	Span *empty;                    /* sweep: spans left with no object */
	uint64_t nfree, freebytes, live;
	Note wake;
	int started;
} Worker;

static Worker workers[RT_GC_MAXWORKERS];
static int nworkers;                    /* in the current phase */
static volatile int phase;              /* PH_* */
enum { PH_MARK = 1, PH_SWEEP };
static volatile long nextjob, njobs;
static G **jobg;                        /* the goroutines to scan (mark jobs 2..) */
static RtLock poollock;
static WorkBuf *pool, *freebufs;
static volatile long poolsize, nidle, nrunning;
static Note phasedone;

static void pool_put(Worker *w)
{
	rt_lock(&poollock);
	WorkBuf *b = freebufs;
	if (b) freebufs = b->next;
	rt_unlock(&poollock);
	if (!b && !(b = malloc(sizeof *b))) rt_throw("out of memory (gc work buffer)");
	w->ngray -= BUF_N;
	memcpy(b->e, w->gray + w->ngray, sizeof b->e);
	b->n = BUF_N;
	rt_lock(&poollock);
	b->next = pool;
	pool = b;
	poolsize++;
	rt_unlock(&poollock);
}

static void gray_reserve(Worker *w, size_t n)
{
	if (w->ngray + n <= w->graycap) return;
	size_t ncap = w->graycap ? 2 * w->graycap : 4096;
	while (ncap < w->ngray + n) ncap *= 2;
	uintptr_t *p = realloc(w->gray, ncap * sizeof *p);
	if (!p) rt_throw("out of memory (gc work stack)");
	w->gray = p;
	w->graycap = ncap;
}

static int pool_get(Worker *w)
{
	if (!__atomic_load_n(&poolsize, __ATOMIC_RELAXED)) return 0;
	gray_reserve(w, BUF_N);
	rt_lock(&poollock);
	WorkBuf *b = pool;
	if (b) {
		pool = b->next;
		poolsize--;
	}
	rt_unlock(&poollock);
	if (!b) return 0;
	memcpy(w->gray + w->ngray, b->e, b->n * sizeof b->e[0]);
	w->ngray += b->n;
	rt_lock(&poollock);
	b->next = freebufs;
	freebufs = b;
	rt_unlock(&poollock);
	return 1;
}

static void gray_push(Worker *w, uintptr_t p)
{
	gray_reserve(w, 1);
	__builtin_prefetch((const void *)p);
	w->gray[w->ngray++] = p;
	/* share when others may be starving */
	if (w->ngray >= 2 * BUF_N && nworkers > 1 && __atomic_load_n(&nidle, __ATOMIC_RELAXED)) pool_put(w);
}

/* marks the object containing p, if p points into one */
static inline void mark(Worker *w, uintptr_t p)
{
	Span *s = rt_span_of_inline(p);
	if (!s || s->state != SPAN_INUSE || p >= s->limit || p < s->base) return;
	uint32_t i = rt_span_index(s, p);
	uint64_t m = (uint64_t)1 << (i % 64);
	uint64_t *word = &s->markbits[i / 64];
	if (__atomic_load_n(word, __ATOMIC_RELAXED) & m) return;
	if (__atomic_fetch_or(word, m, __ATOMIC_RELAXED) & m) return;
	w->marked++;
	if (!s->noscan) gray_push(w, s->base + (uintptr_t)i * s->elemsize);
}

static void scan_words(Worker *w, const uint64_t *bits, size_t w0, size_t nw, const uintptr_t *obj)
{
	for (size_t k = 0; k < nw;) {
		size_t x = w0 + k;
		uint64_t b = bits[x / 64] >> (x % 64);
		size_t avail = 64 - x % 64;
		if (avail > nw - k) {
			avail = nw - k;
			b &= ((uint64_t)1 << avail) - 1;
		}
		while (b) {
			unsigned j = (unsigned)__builtin_ctzll(b);
			b &= b - 1;
			uintptr_t v = obj[k + j];
			if (v) mark(w, v);
		}
		k += avail;
	}
}

static void scan_object(Worker *w, uintptr_t p)
{
	Span *s = rt_span_of(p);
	if (s->cls) {
		scan_words(w, s->ptrbits, (p - s->base) / 8, s->elemsize / 8, (const uintptr_t *)p);
		return;
	}
	const GoType *t = s->type;
	size_t pw = t->ptrdata / 8;
	for (uintptr_t e = p; e < p + s->size; e += t->size) {
		const uintptr_t *x = (const uintptr_t *)e;
		for (size_t k = 0; k < pw; k++)
			if ((t->gcdata[k / 8] >> (k % 8) & 1) && x[k]) mark(w, x[k]);
	}
}

static void drain(Worker *w)
{
	while (w->ngray) scan_object(w, w->gray[--w->ngray]);
}

/* finalizers (coordinator only, after the parallel mark): what a
 * finalizable object points to, not the object itself */
static void scan_inner(uintptr_t p)
{
	Span *s = rt_span_of(p);
	if (!s || s->state != SPAN_INUSE || s->noscan) return;
	scan_object(&workers[0], s->base + (uintptr_t)rt_span_index(s, p) * s->elemsize);
}

static int is_marked(uintptr_t p)
{
	Span *s = rt_span_of(p);
	if (!s || s->state != SPAN_INUSE) return 1;
	uint32_t i = rt_span_index(s, p);
	return (int)(s->markbits[i / 64] >> (i % 64) & 1);
}

static void mark_fn(uintptr_t p) { mark(&workers[0], p); }

/* ---------------------------------------------------------------- roots */

static void mark_slot(uintptr_t *slot, void *arg)
{
	if (*slot) mark(arg, *slot);
}

static void mark_root(uintptr_t *base, uintptr_t *derived, void *arg)
{
	(void)derived;
	Worker *w = arg;
	w->roots++;
	if (*base) mark(w, *base);
}

static int mark_frame(const Frame *f, void *arg)
{
	rt_frame_roots(f, mark_root, arg);
	return 0;
}

static void mark_g(Worker *w, G *g)
{
	if (g->status == G_DEAD) return;
	int rc = rt_walk_stack(g, mark_frame, w);
	if (rc != RT_WALK_OK && rc != RT_WALK_NOCTX) {
		rt_print_cstr("runtime: gc: goroutine ");
		rt_printint(g->goid);
		rt_print_cstr(": ");
		rt_print_cstr(rt_walk_error(rc));
		rt_print_cstr("\n");
		rt_throw("gc: stack walk failed");
	}
	rt_g_roots(g, mark_root, w);
}

static void mark_job(Worker *w, long j)
{
	if (j == 0) {
		rt_globals_roots(mark_slot, w);
	} else if (j == 1) {
		rt_runtime_roots(mark_root, w);
		rt_fin_roots(mark_root, w);
	} else {
		mark_g(w, jobg[j - 2]);
	}
}

/* ---------------------------------------------------------------- sweep */

/* GOLC_GCSTRESS=gc: freed slots get a pattern, so a use after free shows */
static void poison_freed(Span *s)
{
	for (uint32_t i = 0; i < s->nelems; i++) {
		uint64_t m = (uint64_t)1 << (i % 64);
		if (rt_span_allocated(s, i) && !(s->markbits[i / 64] & m))
			memset((void *)(s->base + (uintptr_t)i * s->elemsize), 0xdb, s->elemsize);
	}
}

static void sweep_span(Worker *w, Span *s)
{
	uint32_t words = (s->nelems + 63) / 64;
	uint32_t before = s->nalloc, live = 0;
	if (rt_gcstress_every) poison_freed(s);
	for (uint32_t i = 0; i < words; i++) {
		live += (uint32_t)__builtin_popcountll(s->markbits[i]);
		s->allocbits[i] = s->markbits[i];
		s->markbits[i] = 0;
	}
	s->nalloc = live;
	if (live < before) {
		s->needzero = 1;
		w->nfree += before - live;
		w->freebytes += (uint64_t)(before - live) * s->elemsize;
	}
	w->live += (uint64_t)live * s->elemsize;
	rt_span_reset_cursor(s);
}

/* sweeps every span on list, sorting them onto the central's new lists */
static void sweep_list(Worker *w, Span *list, Span **partial, Span **full)
{
	for (Span *s = list, *next; s; s = next) {
		next = s->next;
		sweep_span(w, s);
		rt_span_push(s->nalloc == 0 ? &w->empty : s->nalloc < s->nelems ? partial : full, s);
	}
}

/* job 0: the large objects; job j: span class j + 1 (class 1 and up) */
static void sweep_job(Worker *w, long j)
{
	if (j == 0) {
		for (Span *s = rt_large, *next; s; s = next) {
			next = s->next;
			if (s->markbits[0] & 1) {
				s->markbits[0] = 0;
				w->live += s->size;
			} else {
				rt_span_remove(&rt_large, s);
				rt_span_push(&w->empty, s);
				w->nfree++;
				w->freebytes += s->size;
			}
		}
		return;
	}
	Central *c = &rt_central[j + 1];
	Span *full = c->full, *partial = c->partial;
	c->full = c->partial = NULL;
	sweep_list(w, full, &c->partial, &c->full);
	sweep_list(w, partial, &c->partial, &c->full);
}

/* --------------------------------------------------------------- phases */

static long take_job(void)
{
	if (__atomic_load_n(&nextjob, __ATOMIC_RELAXED) >= njobs) return -1;
	long j = __atomic_fetch_add(&nextjob, 1, __ATOMIC_RELAXED);
	return j < njobs ? j : -1;
}

static void run_phase(Worker *w)
{
	if (phase == PH_SWEEP) {
		for (long j; (j = take_job()) >= 0;) sweep_job(w, j);
		return;
	}
	for (;;) {
		drain(w);
		long j = take_job();
		if (j >= 0) {
			mark_job(w, j);
			continue;
		}
		if (pool_get(w)) continue;
		/* idle: done when everyone is, with no shared work left */
		__atomic_fetch_add(&nidle, 1, __ATOMIC_SEQ_CST);
		for (int spins = 0;; spins++) {
			if (__atomic_load_n(&poolsize, __ATOMIC_SEQ_CST)) {
				__atomic_fetch_sub(&nidle, 1, __ATOMIC_SEQ_CST);
				break;
			}
			if (__atomic_load_n(&nidle, __ATOMIC_SEQ_CST) == nworkers) return;
			if (spins > 100) rt_os_yield();
		}
	}
}

static void *worker_main(void *arg)
{
	Worker *w = arg;
	for (;;) {
		rt_notesleep(&w->wake);
		rt_noteclear(&w->wake);
		run_phase(w);
		if (__atomic_sub_fetch(&nrunning, 1, __ATOMIC_ACQ_REL) == 0) rt_notewakeup(&phasedone);
	}
	return NULL;
}

/* runs phase ph on the coordinator (worker 0) and the helpers */
static void parallel(int ph, long jobs)
{
	phase = ph;
	nextjob = 0;
	njobs = jobs;
	nidle = 0;
	nrunning = nworkers - 1;
	rt_noteclear(&phasedone);
	for (int i = 1; i < nworkers; i++) {
		Worker *w = &workers[i];
		if (!w->started) {
			w->started = 1;
			if (rt_spawn_thread(worker_main, w)) rt_throw("gc: cannot start a worker thread");
		}
		rt_notewakeup(&w->wake);
	}
	run_phase(&workers[0]);
	if (nworkers > 1) rt_notesleep(&phasedone);
}

/* the goroutines as a job array (world stopped) */
static G **gs;
static size_t ngs, gscap;

static void collect_g(G *g, void *arg)
{
	(void)arg;
	if (g->status == G_DEAD) return;
	if (ngs == gscap) {
		gscap = gscap ? 2 * gscap : 256;
		gs = realloc(gs, gscap * sizeof *gs);
		if (!gs) rt_throw("out of memory (gc)");
	}
	gs[ngs++] = g;
}

/* mark from every root; the finalizer steps run on the coordinator.
 * Returns the finalizers queued. */
static size_t mark_all(void)
{
	ngs = 0;
	rt_forall_g(collect_g, NULL);
	jobg = gs;
	parallel(PH_MARK, 2 + (long)ngs);
	nidle = 0;      /* the coordinator alone from here: nothing goes to the pool */
	Worker *w0 = &workers[0];
	rt_fin_scan(scan_inner);
	drain(w0);
	size_t nfin = rt_fin_collect(is_marked, mark_fn);
	drain(w0);
	return nfin;
}

/* sweep every span; returns the bytes of live objects */
static uint64_t sweep_all(void)
{
	parallel(PH_SWEEP, 2 * (long)rt_nclasses - 1);
	uint64_t live = 0;
	for (int i = 0; i < nworkers; i++) {
		Worker *w = &workers[i];
		live += w->live;
		rt_heapstats.nfree += w->nfree;
		rt_heapstats.freebytes += w->freebytes;
		rt_gc.markedobjs += w->marked;
		rt_gc.roots += w->roots;
		rt_heap_free_spans(w->empty);
		w->empty = NULL;
		w->live = w->nfree = w->freebytes = w->marked = w->roots = 0;
	}
	return live;
}

/* ---------------------------------------------------------------- cycle */

/* gc's gctrace number format: milliseconds with about two significant digits */
static void print_ms(int64_t ns)
{
	if (ns < 0) ns = 0;
	if (ns >= 10000000) {
		rt_printint(ns / 1000000);
		return;
	}
	int64_t scale = 1000000, digits = 0;
	int64_t v = ns;
	while (v < 100000 && digits < 3) { /* under 0.1 ms: one more decimal */
		v *= 10;
		digits++;
	}
	int64_t dec = digits + 1;
	int64_t div = scale;
	for (int64_t i = 0; i < dec; i++) div /= 10;
	int64_t q = (ns + div / 2) / div;
	int64_t p10 = 1;
	for (int64_t i = 0; i < dec; i++) p10 *= 10;
	rt_printint(q / p10);
	rt_print_cstr(".");
	char buf[8];
	for (int64_t i = dec - 1; i >= 0; i--) {
		buf[i] = (char)('0' + q % 10);
		q /= 10;
	}
	rt_print_bytes(buf, (size_t)dec);
}

static void print_seconds(int64_t ns)
{
	int64_t ms = ns / 1000000;
	char buf[4] = {(char)('0' + ms / 100 % 10), (char)('0' + ms / 10 % 10), (char)('0' + ms % 10), 0};
	rt_printint(ms / 1000);
	rt_print_cstr(".");
	rt_print_cstr(buf);
}

static void flush_mcache(P *p, void *arg)
{
	(void)arg;
	MCache *mc = &p->mcache;
	for (int sc = 0; sc < 2 * RT_MAX_CLASSES; sc++) {
		if (mc->alloc[sc]) {
			rt_mcache_release(mc->alloc[sc]);
			mc->alloc[sc] = NULL;
		}
	}
	rt_gc.nmalloc += mc->nmalloc;
	rt_gc.nbytes += mc->nbytes;
	mc->nmalloc = 0;
	mc->nbytes = 0;
}

static RtLock knoblock;          /* percent, memlimit, goal */

/* the next goal from the live heap: GOGC, bounded by the memory limit while
 * the live heap fits under it; above it the heap grows by 1/16 per cycle
 * rather than collecting without end (knoblock held) */
static void set_goal(uint64_t live)
{
	int64_t pct = rt_gc.percent;
	uint64_t goal;
	if (pct < 0) {
		goal = (uint64_t)INT64_MAX;
	} else {
		uint64_t min = ((uint64_t)4 << 20) * (uint64_t)pct / 100;
		goal = live + live / 100 * (uint64_t)pct;
		if (goal < min) goal = min;
		if (goal < live + RT_PAGE_SIZE) goal = live + RT_PAGE_SIZE;
	}
	if (rt_gc.memlimit < INT64_MAX) {
		uint64_t lim = (uint64_t)rt_gc.memlimit;
		if (goal > lim) goal = lim > live + live / 16 ? lim : live + live / 16 + RT_PAGE_SIZE;
	}
	rt_gc.goal = goal;
	__atomic_store_n(&rt_gc_trigger, (int64_t)(goal > INT64_MAX ? INT64_MAX : goal), __ATOMIC_RELAXED);
}

static int64_t t0, t1;

static void gc_stop(void *arg)
{
	(void)arg;
	t0 = rt_nanotime();
	rt_stoptheworld();
	t1 = rt_nanotime();
}

/* sync.Pool's cleanup (stdhooks.c records it): Go code, run with the world
 * stopped on the collecting goroutine's stack */
extern void *rt_pool_cleanup;

static void call_pool_cleanup(void *fv)
{
	((void (*)(void)) * (void **)fv)();
}

static void gc_cycle(void *arg)
{
	(void)arg;
	uint64_t before = (uint64_t)rt_heap_live;
	rt_forallp(flush_mcache, NULL);
	rt_gc.markedobjs = 0;
	rt_gc.roots = 0;
	nworkers = rt_gomaxprocs < RT_GC_MAXWORKERS ? rt_gomaxprocs : RT_GC_MAXWORKERS;
	if (nworkers > rt_numcpu()) nworkers = (int)rt_numcpu();
	if (nworkers < 1) nworkers = 1;
	size_t nfin = mark_all();
	int64_t t2 = rt_nanotime();
	uint64_t live = sweep_all();
	__atomic_store_n(&rt_heap_live, (int64_t)live, __ATOMIC_RELAXED);
	rt_gc.marked = live;
	rt_lock(&knoblock);
	set_goal(live);
	rt_unlock(&knoblock);
	__atomic_store_n(&rt_gc.pending, 0, __ATOMIC_RELAXED);
	int64_t t3 = rt_nanotime();
	uint64_t n = rt_gc.numgc++;
	rt_gc.numforced += rt_gc.forced;
	rt_gc.pause[n % 256] = (uint64_t)(t3 - t0);
	rt_gc.pauseend[n % 256] = (uint64_t)t3;
	rt_gc.pausetotal += (uint64_t)(t3 - t0);
	rt_gc.lastgc = t3;
	if (rt_gc.maxpause < (uint64_t)(t3 - t0)) rt_gc.maxpause = (uint64_t)(t3 - t0);
	rt_starttheworld();
	if (nfin) rt_fin_wake();
	rt_gc.lastnfin = nfin;
	if (rt_gc.trace) {
		/* gc's gctrace line; mark and sweep both happen in the pause */
		rt_print_cstr("gc ");
		rt_printuint(rt_gc.numgc);
		rt_print_cstr(" @");
		print_seconds(t0 - rt_gc.start);
		rt_print_cstr("s 0%: ");
		print_ms(t1 - t0);
		rt_print_cstr("+");
		print_ms(t2 - t1);
		rt_print_cstr("+");
		print_ms(t3 - t2);
		rt_print_cstr(" ms clock, ");
		print_ms(t1 - t0);
		rt_print_cstr("+");
		print_ms(t2 - t1);
		rt_print_cstr("/0/0+");
		print_ms(t3 - t2);
		rt_print_cstr(" ms cpu, ");
		rt_printuint(before >> 20);
		rt_print_cstr("->");
		rt_printuint(before >> 20);
		rt_print_cstr("->");
		rt_printuint(live >> 20);
		rt_print_cstr(" MB, ");
		rt_printuint(rt_gc.goal >> 20);
		rt_print_cstr(" MB goal, 0 MB stacks, 0 MB globals, ");
		rt_printint(rt_gomaxprocs);
		rt_print_cstr(" P");
		if (rt_gc.forced) rt_print_cstr(" (forced)");
		rt_print_cstr("\n");
		rt_print_flush();
	}
	/* keep free pages up to 10% of the goal (at least 4 MB: a tiny goal
	 * must not madvise and fault the same pages in every cycle) */
	rt_heap_scavenge(rt_gc.goal / 10 > ((uint64_t)4 << 20) ? rt_gc.goal / 10 : (uint64_t)4 << 20);
}

/*
 * Runs a full cycle now (the caller's goroutine is at a safepoint: its Go
 * frames are described by g->sched). `forced`: runtime.GC, not the trigger.
 * If another goroutine is stopping the world, this one yields until it is
 * done; a trigger-driven cycle that another one made unnecessary is skipped.
 */
void rt_gc_collect(int forced)
{
	if (!rt_gc.enabled) return;
	while (!rt_trylock(&stwlock)) {
		rt_gosched_c();
		if (!forced && !__atomic_load_n(&rt_gc.pending, __ATOMIC_RELAXED)) return;
	}
	if (forced || __atomic_load_n(&rt_gc.pending, __ATOMIC_RELAXED)) {
		rt_gc.forced = forced;
		M *m = rt_getm();
		m->locks++;     /* no preemption while the world is stopped */
		rt_systemstack(gc_stop, NULL);
		if (rt_pool_cleanup) rt_callgo(call_pool_cleanup, rt_pool_cleanup, NULL);
		rt_systemstack(gc_cycle, NULL);
		m->locks--;
	}
	rt_unlock(&stwlock);
	/* gc's runtime.GC blocks its caller until the cycle is over, so the
	 * finalizers it queued get to run first; here the caller yields to the
	 * finalizer goroutine (readied on this P) */
	if (forced && rt_gc.lastnfin) rt_gosched_c();
}

/* the world-stopping lock for other users (GOMAXPROCS, ReadMemStats) */
void rt_stw_acquire(void)
{
	while (!rt_trylock(&stwlock)) rt_gosched_c();
}

void rt_stw_release(void)
{
	rt_unlock(&stwlock);
}

/* malloc.c: the live heap reached the trigger. The current goroutine
 * collects at its next safepoint. */
void rt_gc_request(void)
{
	if (!rt_gc.enabled) return;
	__atomic_store_n(&rt_gc.pending, 1, __ATOMIC_RELAXED);
	G *g = rt_getg();
	if (g) rt_preempt_request(g);
}

/* at a safepoint (stack.c): run a requested cycle */
void rt_gc_pending_check(void)
{
	if (!__atomic_load_n(&rt_gc.pending, __ATOMIC_RELAXED)) return;
	M *m = rt_getm();
	if (!m || !m->p || m->locks) return;
	rt_gc_collect(0);
}

/* GOMEMLIMIT: bytes with an optional B/KiB/MiB/GiB/TiB suffix, or "off";
 * -1 if malformed */
static int64_t parse_memlimit(const char *s)
{
	if (!strcmp(s, "off")) return INT64_MAX;
	uint64_t v = 0;
	const char *p = s;
	if (*p < '0' || *p > '9') return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (uint64_t)(*p - '0');
		if (v > (uint64_t)INT64_MAX) return INT64_MAX;
	}
	static const struct { const char *suf; int shift; } units[] = {
		{"", 0}, {"B", 0}, {"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"TiB", 40},
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (strcmp(p, units[i].suf)) continue;
		if (units[i].shift && v > (uint64_t)INT64_MAX >> units[i].shift) return INT64_MAX;
		return (int64_t)(v << units[i].shift);
	}
	return -1;
}

static int64_t parse_gogc(const char *s)
{
	if (!s || !*s) return 100;
	if (!strcmp(s, "off")) return -1;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9') return 100;
		v = v * 10 + (*p - '0');
		if (v > 1000000000) break;
	}
	return v;
}

/* startup (system stack, after rt_debug_init) */
void rt_gc_init(void)
{
	rt_gc.percent = parse_gogc(rt_os_getenv("GOGC"));
	rt_gc.memlimit = INT64_MAX;
	const char *ml = rt_os_getenv("GOMEMLIMIT");
	if (ml && *ml) {
		int64_t v = parse_memlimit(ml);
		if (v < 0) {
			rt_print_cstr("GOMEMLIMIT=");
			rt_print_cstr(ml);
			rt_print_cstr("\n");
			rt_throw("malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
		}
		rt_gc.memlimit = v;
	}
	rt_gc.start = rt_nanotime();
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	rt_gc.walloffset = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec - rt_gc.start;
	const char *e = rt_os_getenv("GOLC_GC");
	rt_gc.enabled = !(e && e[0] == '0') || rt_gcstress_every;
	const char *d = rt_os_getenv("GODEBUG");
	if (d) {
		for (const char *p = d; *p;) {
			if (!strncmp(p, "gctrace=1", 9) && (p[9] == 0 || p[9] == ',')) rt_gc.trace = 1;
			while (*p && *p != ',') p++;
			if (*p) p++;
		}
	}
	set_goal(0);
}

/* ------------------------------------------------- runtime and runtime/debug */

int32_t rt_debug_setgcpercent(int32_t p) __asm__("runtime/debug.setGCPercent");
int32_t rt_debug_setgcpercent(int32_t p)
{
	rt_lock(&knoblock);
	int32_t old = (int32_t)rt_gc.percent;
	rt_gc.percent = p < 0 ? -1 : p;
	set_goal(rt_gc.marked);
	rt_unlock(&knoblock);
	if (__atomic_load_n(&rt_heap_live, __ATOMIC_RELAXED) >= __atomic_load_n(&rt_gc_trigger, __ATOMIC_RELAXED))
		rt_gc_request();        /* takes effect at the next safepoint */
	return old;
}

int64_t rt_debug_setmemorylimit(int64_t l) __asm__("runtime/debug.setMemoryLimit");
int64_t rt_debug_setmemorylimit(int64_t l)
{
	rt_lock(&knoblock);
	int64_t old = rt_gc.memlimit;
	if (l >= 0) {
		rt_gc.memlimit = l;
		set_goal(rt_gc.marked);
	}
	rt_unlock(&knoblock);
	if (l >= 0 && __atomic_load_n(&rt_heap_live, __ATOMIC_RELAXED) >= __atomic_load_n(&rt_gc_trigger, __ATOMIC_RELAXED))
		rt_gc_request();
	return old;
}

/* body of runtime/debug.freeOSMemory (RT_GOENTRY): a full cycle, then every
 * free page goes back to the OS */
void rt_freeosmemory_c(void)
{
	rt_gc_collect(1);
	rt_heap_scavenge(0);
}

/* pauses most recent first, their end times, last GC, number of GCs, total
 * pause (runtime/debug.ReadGCStats's layout) */
void rt_debug_readgcstats(GoSlice *pauses) __asm__("runtime/debug.readGCStats");
void rt_debug_readgcstats(GoSlice *pauses)
{
	if (pauses->cap < 2 * 256 + 3) rt_throw("short slice passed to readGCStats");
	uint64_t *p = pauses->p;
	uint64_t n = rt_gc.numgc < 256 ? rt_gc.numgc : 256;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t j = (rt_gc.numgc - 1 - i) % 256;
		p[i] = rt_gc.pause[j];
		p[n + i] = rt_gc.pauseend[j] + (uint64_t)rt_gc.walloffset;
	}
	p[n + n] = rt_gc.numgc ? (uint64_t)(rt_gc.lastgc + rt_gc.walloffset) : 0;
	p[n + n + 1] = rt_gc.numgc;
	p[n + n + 2] = rt_gc.pausetotal;
	pauses->len = (intptr_t)(n + n + 3);
}

/* runtime.MemStats (Go 1.19 layout) */
typedef struct MemStats {
	uint64_t alloc, totalalloc, sys, lookups, mallocs, frees;
	uint64_t heapalloc, heapsys, heapidle, heapinuse, heapreleased, heapobjects;
	uint64_t stackinuse, stacksys, mspaninuse, mspansys, mcacheinuse, mcachesys;
	uint64_t buckhashsys, gcsys, othersys;
	uint64_t nextgc, lastgc, pausetotalns;
	uint64_t pausens[256], pauseend[256];
	uint32_t numgc, numforcedgc;
	double gccpufraction;
	int8_t enablegc, debuggc;
	struct { uint32_t size; uint64_t mallocs, frees; } bysize[61];
} MemStats;

static void count_cache(P *p, void *arg)
{
	uint64_t *c = arg;
	c[0] += __atomic_load_n(&p->mcache.nmalloc, __ATOMIC_RELAXED);
	c[1] += __atomic_load_n(&p->mcache.nbytes, __ATOMIC_RELAXED);
}

/* free pages that read as zero (never used, or released) */
static uint64_t released_bytes(void)
{
	uint64_t n = 0;
	for (size_t i = 0; i < rt_narenas; i++) {
		Arena *a = rt_arenas[i];
		for (size_t w = 0; w < RT_ARENA_PAGES / 64; w++)
			n += (uint64_t)__builtin_popcountll(a->freebits[w] & ~a->dirty[w]);
	}
	return n * RT_PAGE_SIZE;
}

RT_HOOK(void, rt_api_readmemstats, "runtime.ReadMemStats", (MemStats *m))
{
	uint64_t c[2] = {0, 0};
	rt_forallp(count_cache, c);
	memset(m, 0, sizeof *m);
	m->mallocs = rt_gc.nmalloc + c[0] + rt_heapstats.nlarge;
	m->totalalloc = rt_gc.nbytes + c[1] + rt_heapstats.largebytes;
	m->frees = rt_heapstats.nfree;
	m->heapalloc = m->alloc = m->totalalloc - rt_heapstats.freebytes;
	m->heapobjects = m->mallocs - m->frees;
	m->heapsys = rt_heapstats.sys;
	m->heapinuse = rt_heapstats.inuse;
	m->heapidle = m->heapsys - m->heapinuse;
	m->heapreleased = released_bytes();
	m->stackinuse = m->stacksys = (uint64_t)rt_stack_stats.arenas * ((uint64_t)64 << 20);
	m->mspaninuse = m->mspansys = (uint64_t)rt_narenas * sizeof(Arena);
	m->mcacheinuse = m->mcachesys = (uint64_t)rt_gomaxprocs * sizeof(MCache);
	m->sys = m->heapsys + m->stacksys + m->mspansys + m->mcachesys;
	m->nextgc = rt_gc.goal;
	m->lastgc = rt_gc.numgc ? (uint64_t)(rt_gc.lastgc + rt_gc.walloffset) : 0;
	m->pausetotalns = rt_gc.pausetotal;
	for (int i = 0; i < 256; i++) {
		m->pausens[i] = rt_gc.pause[i];
		m->pauseend[i] = rt_gc.pauseend[i] ? rt_gc.pauseend[i] + (uint64_t)rt_gc.walloffset : 0;
	}
	m->numgc = (uint32_t)rt_gc.numgc;
	m->numforcedgc = (uint32_t)rt_gc.numforced;
	int64_t elapsed = rt_nanotime() - rt_gc.start;
	if (elapsed > 0) m->gccpufraction = (double)rt_gc.pausetotal * rt_gomaxprocs / ((double)elapsed * rt_gomaxprocs);
	m->enablegc = 1;
	for (int i = 0; i < 61 && i < rt_nclasses; i++) m->bysize[i].size = rt_classes[i].size;
}
