/*
 * gcstress.c: GOLC_GCSTRESS=1 walks the allocating goroutine's stack at
 * every allocation and checks every GC root, standing in for a collection.
 *
 * A root (the base of a {base, derived} pair in a stack slot) is good if it
 * is null, lies outside the heap (static data, zerobase, C memory) or lies
 * inside an allocated object. A root inside a heap chunk but in no object
 * is fatal: `fatal error: gcstress: bad root`. Derived pointers are only
 * counted: LLVM may legally form out-of-bounds derived values (loop end
 * pointers, negative offsets), and the collector marks through the base.
 * A walk that does not end cleanly on the first segment is fatal too.
 *
 * The goroutine's roots held by C (rt_g_roots: defer records, panics,
 * labels, call-in roots) get the same check, named "C roots".
 *
 * GOLC_GCSTRESS=all also walks and checks every other goroutine that has
 * started and is not running (parked, runnable, in a system call), as a
 * collection would, when GOMAXPROCS is 1: then no other goroutine can run
 * Go code during the check (a parked one may be readied, a system call may
 * return, but neither gets the only P), so their stacks hold still. This
 * verifies that every way of stopping leaves g->sched at a Go frame
 * (RT_GOENTRY) and that parked C frames' RtRoots are sound. A stale
 * g->sched (an entry point that parks without being an RT_GOENTRY) would
 * still walk, from an older frame, skipping the newer ones: so for a
 * goroutine stopped through mcall, the frame-pointer chain from its saved
 * context must reach g->sched's frame through C frames only.
 *
 * Runs on the system stack; the walk starts at g->sched, which
 * runtime.newobject's RT_GOENTRY trampoline has just recorded.
 */
#include "rt.h"

typedef struct {
	long walks, frames, roots, derived, maxframes, maxsegs;
	long others;            /* GOLC_GCSTRESS=all: walks of goroutines not running */
} Stats;

static Stats st;

typedef struct {
	const Frame *frame;
	long frames;
	int nseg;
} Walk;

static void check_root(uintptr_t *base, uintptr_t *derived, void *arg)
{
	Walk *w = arg;
	uintptr_t v = *base, s, e;
	st.roots++;
	if (derived != base && *derived != v)
		st.derived++;
	if (v == 0 || rt_heap_find(v, &s, &e) != RT_HEAP_FREE)
		return;
	rt_print_cstr("runtime: gcstress: root ");
	rt_printpointer((void *)v);
	rt_print_cstr(" in ");
	rt_print_cstr(w->frame ? w->frame->rec->func->info->name : "C roots");
	rt_print_cstr(" points into the heap but not into an object\n");
	rt_throw("gcstress: bad root");
}

static int visit(const Frame *f, void *arg)
{
	Walk *w = arg;
	w->frame = f;
	w->frames++;
	w->nseg = f->nseg;
	rt_frame_roots(f, check_root, w);
	return 0;
}

static Walk check_g(G *g)
{
	Walk w = {0};
	int err = rt_walk_stack(g, visit, &w);
	if (err != RT_WALK_OK) {
		rt_print_cstr("runtime: gcstress: goroutine ");
		rt_printint(g->goid);
		rt_print_cstr(": ");
		rt_print_cstr(rt_walk_error(err));
		rt_print_cstr("\n");
		rt_throw("gcstress: stack walk failed");
	}
	w.frame = NULL;
	rt_g_roots(g, check_root, &w);
	return w;
}

static RT_NORETURN void stale(G *g, const char *why)
{
	rt_print_cstr("runtime: gcstress: goroutine ");
	rt_printint(g->goid);
	rt_print_cstr(" (");
	rt_print_cstr(g->waitreason ? g->waitreason : "runnable");
	rt_print_cstr("): ");
	rt_print_cstr(why);
	rt_print_cstr("\n");
	rt_throw("gcstress: stale g->sched");
}

/* frame records {previous FP, return address} from the context mcall saved
 * up to g->sched's frame: only C return addresses (no stack-map record) in
 * between, except the RT_GOENTRY body's own, which is g->sched.ra */
static void check_fresh(G *g)
{
	uintptr_t fp = g->ctx.fp;
	for (int i = 0; i < 256 && fp; i++) {
		if (fp == g->sched.fp)
			return;
		uintptr_t ra = ((const uintptr_t *)fp)[1];
		if (ra != g->sched.ra && rt_stackmap_lookup(ra))
			stale(g, "a Go frame lies below g->sched");
		uintptr_t up = ((const uintptr_t *)fp)[0];
		if (up <= fp)
			break;
		fp = up;
	}
	stale(g, "g->sched's frame is not above its saved context");
}

static void check_other(G *g, void *self)
{
	uint32_t s = __atomic_load_n(&g->status, __ATOMIC_ACQUIRE);
	if (g == self || (s != G_WAITING && s != G_RUNNABLE && s != G_SYSCALL))
		return;
	if (g->startptrs || !g->sched.sp) {
		Walk w = {0};   /* not started: no Go frames yet, only its arguments */
		rt_g_roots(g, check_root, &w);
		return;
	}
	if (s != G_SYSCALL)     /* (in a system call: no saved context) */
		check_fresh(g);
	check_g(g);
	st.others++;
}

static void check(void *arg)
{
	G *g = arg;
	Walk w = check_g(g);
	if (rt_gcstress > 1 && __atomic_load_n(&rt_gomaxprocs, __ATOMIC_ACQUIRE) == 1)
		rt_forall_g(check_other, g);
	st.walks++;
	st.frames += w.frames;
	if (w.frames > st.maxframes)
		st.maxframes = w.frames;
	if (w.nseg > st.maxsegs)
		st.maxsegs = w.nseg;
}

void rt_gcstress_check(G *g)
{
	if (g)
		rt_systemstack(check, g);
}

/* GOLC_DEBUG=gcstress: one parseable line at exit */
void rt_gcstress_report(void)
{
	rt_print_cstr("gcstress: walks=");
	rt_printint(st.walks);
	rt_print_cstr(" frames=");
	rt_printint(st.frames);
	rt_print_cstr(" roots=");
	rt_printint(st.roots);
	rt_print_cstr(" derived=");
	rt_printint(st.derived);
	rt_print_cstr(" maxframes=");
	rt_printint(st.maxframes);
	rt_print_cstr(" maxsegs=");
	rt_printint(st.maxsegs);
	rt_print_cstr(" others=");
	rt_printint(st.others);
	rt_print_cstr("\n");
	rt_print_flush();
}
