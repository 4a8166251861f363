/* test_gcroots.c: rt_g_roots and rt_runtime_roots (gcroots.c) report the Go
 * pointers runtime C memory holds: a parked sender's sudog (its element cell
 * and channel), a big select's sudogs, a semaphore waiter's address, a
 * goroutine's arguments before it starts, defer records, panics, pprof
 * labels, call-in roots, package time's timers, cached itabs and sync.Pool's
 * cleanup. Goroutines are C functions on the real scheduler (rt_sched_main);
 * every check runs on the system stack (goroutine segments are small). */
#define _GNU_SOURCE
#include "rt.h"
#include "testhelper.h"

#include <string.h>

/* ---------------------------------------------------------------- types */

static const GoType ptrtype = {.size = 8, .ptrdata = 8, .align = 8, .fieldalign = 8,
                               .kind = GO_KIND_POINTER, .gcdata = (const uint8_t[]){1}};
static const struct {
	GoType t;
	const GoType *elem;
	uintptr_t dir;
} chantype = {{.size = 8, .ptrdata = 8, .align = 8, .fieldalign = 8, .kind = GO_KIND_CHAN,
               .gcdata = (const uint8_t[]){1}},
              &ptrtype, 3};
static const struct {
	GoType t;
	IfaceExt x;
} emptyiface = {{.size = 16, .ptrdata = 16, .align = 8, .fieldalign = 8, .kind = GO_KIND_INTERFACE,
                 .gcdata = (const uint8_t[]){3}},
                {NULL, NULL, 0, 0}};

/* package time's runtimeTimer, behind a word as in time.Timer{C, r} */
typedef struct {
	uintptr_t pp;
	int64_t when, period;
	void *f;
	GoEface arg;
	uintptr_t seq;
	int64_t nextwhen;
	uint32_t status;
} Timer;

void rt_time_starttimer(Timer *t) __asm__("time.startTimer");
int8_t rt_time_stoptimer(Timer *t) __asm__("time.stopTimer");
void rt_sync_semacquire_c(uint32_t *addr);
void rt_sync_semrelease(uint32_t *addr, int8_t handoff, intptr_t skip) __asm__("sync.runtime_Semrelease");
void rt_sync_registerpoolcleanup(void *fv) __asm__("sync.runtime_registerPoolCleanup");
void rt_chansend1_c(Hchan *c, void *elem);

/* ---------------------------------------------------------------- root sets */

enum { MAXROOTS = 4096 };
typedef struct {
	uintptr_t v[MAXROOTS];
	int n;
	int nonbase;    /* a call with base != derived */
} Roots;

static void collect(uintptr_t *base, uintptr_t *derived, void *arg)
{
	Roots *r = arg;
	if (base != derived) r->nonbase++;
	if (r->n < MAXROOTS) r->v[r->n++] = *base;
}

static int has(const Roots *r, const void *p)
{
	for (int i = 0; i < r->n; i++)
		if (r->v[i] == (uintptr_t)p) return 1;
	return 0;
}

static Roots groots, rroots;

static void g_roots_of(G *g)
{
	groots.n = groots.nonbase = 0;
	rt_g_roots(g, collect, &groots);
}

static void runtime_roots(void)
{
	rroots.n = rroots.nonbase = 0;
	rt_runtime_roots(collect, &rroots);
}

/* ---------------------------------------------------------------- goroutines */

typedef struct {
	void *fn;
	uintptr_t a0, a1, a2;
	uint32_t ptrs;
	G *g;
} Spawn;

static void spawn_sys(void *arg)
{
	Spawn *s = arg;
	s->g = rt_newg(s->fn, NULL, s->a0, s->a1, s->a2, s->ptrs);
}

static G *spawn(void *fn, uintptr_t a0, uintptr_t a1, uintptr_t a2, uint32_t ptrs)
{
	Spawn s = {fn, a0, a1, a2, ptrs, NULL};
	rt_systemstack(spawn_sys, &s);
	return s.g;
}

static void wait_parked(G *g)
{
	while (__atomic_load_n(&g->status, __ATOMIC_ACQUIRE) != G_WAITING) rt_gosched_c();
}

static void sender(uintptr_t c, uintptr_t cell, uintptr_t unused)
{
	(void)unused;
	rt_chansend1_c((Hchan *)c, (void *)cell);
}

enum { NSEL = 6 };      /* above select's inline arrays */
static Hchan *selchans[NSEL];
static void *selcells[NSEL];

static void selecter(uintptr_t a0, uintptr_t a1, uintptr_t a2)
{
	(void)a0, (void)a1, (void)a2;
	RtScase cases[NSEL];
	for (int i = 0; i < NSEL; i++) cases[i] = (RtScase){selchans[i], selcells[i]};
	rt_selectgo_c(cases, 0, NSEL, 1);
}

static void acquirer(uintptr_t addr, uintptr_t a1, uintptr_t a2)
{
	(void)a1, (void)a2;
	rt_sync_semacquire_c((uint32_t *)addr);
}

/* ---------------------------------------------------------------- checks */

static Hchan *chan;
static void **cell;
static G *g2, *g3, *g4;
static uint32_t *sema;
static Timer *timer;

static void check_unstarted(void *arg)
{
	(void)arg;
	CHECK_BODY("gcroots: a goroutine not started yet: its pointer arguments, not the others")
	{
		g_roots_of(g2);
		/* a0, a1 and the (nil) labels word; a2 is an integer */
		result = groots.n == 3 && has(&groots, chan) && has(&groots, cell) && !has(&groots, (void *)0x5eed) &&
		         !groots.nonbase;
	}
}

static void check_sender(void *arg)
{
	(void)arg;
	CHECK_BODY("gcroots: a parked sender: its sudog's element cell and channel")
	{
		g_roots_of(g2);
		result = g2->startptrs == 0 && g2->parkroots && has(&groots, chan) && has(&groots, cell);
	}
}

static void check_select(void *arg)
{
	(void)arg;
	CHECK_BODY("gcroots: a parked select of 6 cases: every channel, every cell, its heap arrays")
	{
		g_roots_of(g3);
		result = 1;
		for (int i = 0; i < NSEL; i++) result = result && has(&groots, selchans[i]) && has(&groots, selcells[i]);
		int inheap = 0;
		for (int i = 0; i < groots.n; i++) {
			uintptr_t s, e;
			if (rt_heap_find(groots.v[i], &s, &e) == RT_HEAP_OBJECT) inheap++;
		}
		/* 6 channels + 6 cells + order, locks, sudogs */
		result = result && inheap >= 2 * NSEL + 3;
	}
}

static void check_sema(void *arg)
{
	(void)arg;
	CHECK_BODY("gcroots: a semaphore waiter: the semaphore's address (interior)")
	{
		g_roots_of(g4);
		result = has(&groots, sema);
	}
}

static void check_runtime(void *arg)
{
	(void)arg;
	CHECK_BODY("gcroots: a pending package time timer is a root; a stopped one is not")
	{
		runtime_roots();
		result = has(&rroots, timer) && !rroots.nonbase;
		rt_time_stoptimer(timer);
		runtime_roots();
		result = result && !has(&rroots, timer);
	}
	CHECK_BODY("gcroots: cached itabs report their types")
	{
		static const GoType t = {.size = 8, .align = 8, .fieldalign = 8, .kind = GO_KIND_INT};
		void *tab = rt_getitab_c(&emptyiface.t, &t, 1);
		uintptr_t s, e;
		runtime_roots();
		result = tab && rt_getitab_c(&emptyiface.t, &t, 1) == tab && has(&rroots, &t) &&
		         has(&rroots, &emptyiface.t) && rt_heap_find((uintptr_t)tab, &s, &e) == RT_HEAP_OUTSIDE;
	}
	CHECK_BODY("gcroots: sync.Pool's cleanup func value")
	{
		void *fv = rt_mallocgc(8, NULL);
		rt_sync_registerpoolcleanup(fv);
		runtime_roots();
		result = has(&rroots, fv);
		rt_sync_registerpoolcleanup(NULL);
	}
}

/* a G that never ran, with records as generated code and the runtime make them */
static void check_records(void *arg)
{
	(void)arg;
	static G fake;
	GoDefer *d1 = rt_mallocgc(16, &ptrtype), *d2 = rt_mallocgc(16, &ptrtype);
	GoDeferRec inner = {.head = d1}, outer = {.head = d2};
	inner.link = &outer;
	void *pv = rt_mallocgc(8, NULL), *ptext = rt_mallocgc(8, NULL);
	Panic older = {.data = pv}, newer = {.text = {ptext, 1}, .link = &older};
	void *labels = rt_mallocgc(8, NULL), *callin = rt_mallocgc(8, NULL), *park = rt_mallocgc(8, NULL);
	void *cw[2] = {NULL, callin};
	RtRoots cr = {cw, 2, sizeof(void *), 1, NULL};
	CallIn ci = {.roots = &cr};
	RtRoots pr = {&park, 1, sizeof(void *), 1, NULL};
	memset(&fake, 0, sizeof fake);
	fake.status = G_WAITING;
	fake.defer = &inner;
	fake.panic = &newer;
	fake.labels = labels;
	fake.callin = &ci;
	fake.parkroots = &pr;
	CHECK_BODY("gcroots: defer records, panics, labels, call-in and park roots")
	{
		g_roots_of(&fake);
		result = has(&groots, d1) && has(&groots, d2) && has(&groots, pv) && has(&groots, ptext) &&
		         has(&groots, labels) && has(&groots, callin) && has(&groots, park);
	}
	CHECK_BODY("gcroots: a dead goroutine reports nothing")
	{
		fake.status = G_DEAD;
		g_roots_of(&fake);
		result = groots.n == 0;
	}
}

static void finish(void *arg)
{
	(void)arg;
	rt_os_exit(print_test_summary());
}

/* G 1 */
static void test_main(void *arg)
{
	(void)arg;
	rt_systemstack(check_records, NULL);

	chan = rt_makechan_c(&chantype.t, 0);
	cell = rt_mallocgc(8, &ptrtype);
	*cell = cell;
	g2 = spawn((void *)sender, (uintptr_t)chan, (uintptr_t)cell, 0x5eed, RT_START_A0 | RT_START_A1);
	rt_systemstack(check_unstarted, NULL);
	rt_ready_new(g2);
	wait_parked(g2);
	rt_systemstack(check_sender, NULL);
	void *got = NULL;
	rt_chanrecv(chan, &got, 1);

	for (int i = 0; i < NSEL; i++) {
		selchans[i] = rt_makechan_c(&chantype.t, 0);
		selcells[i] = rt_mallocgc(8, &ptrtype);
	}
	g3 = spawn((void *)selecter, 0, 0, 0, 0);
	rt_ready_new(g3);
	wait_parked(g3);
	rt_systemstack(check_select, NULL);
	rt_chansend1_c(selchans[NSEL - 1], &got);

	sema = (uint32_t *)rt_mallocgc(16, NULL) + 2;
	g4 = spawn((void *)acquirer, (uintptr_t)sema, 0, 0, 0);
	rt_ready_new(g4);
	wait_parked(g4);
	rt_systemstack(check_sema, NULL);
	rt_sync_semrelease(sema, 0, 0);

	timer = (Timer *)((void **)rt_mallocgc(8 + sizeof(Timer), NULL) + 1);
	timer->when = rt_nanotime() + (int64_t)3600 * 1000000000;
	rt_time_starttimer(timer);
	rt_systemstack(check_runtime, NULL);
	rt_systemstack(finish, NULL);
}

int main(void)
{
	rt_malloc_init();
	rt_sched_main(test_main);
}
