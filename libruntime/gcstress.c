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
 * Runs on the system stack; the walk starts at g->sched, which
 * runtime.newobject's RT_GOENTRY trampoline has just recorded.
 */
#include "rt.h"

typedef struct {
	long walks, frames, roots, derived, maxframes, maxsegs;
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

static void check(void *arg)
{
	G *g = arg;
	Walk w = {0};
	int err = rt_walk_stack(g, visit, &w);
	if (err != RT_WALK_OK) {
		rt_print_cstr("runtime: gcstress: ");
		rt_print_cstr(rt_walk_error(err));
		rt_print_cstr("\n");
		rt_throw("gcstress: stack walk failed");
	}
	w.frame = NULL;
	rt_g_roots(g, check_root, &w);
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
	rt_print_cstr("\n");
	rt_print_flush();
}
