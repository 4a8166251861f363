/*
 * defer.c: running deferred calls for panics, recover(), and resuming a
 * frame that recovered (prototypes/defer-panic, REPORT.md).
 *
 * Records (goabi.h GoDeferRec) live in the frames of functions with defer,
 * linked on g->defer, innermost first. A panic (panic.c dopanic) runs on the
 * goroutine stack right below the panicking frame and calls rt_run_defers:
 *
 *   for each record d on g->defer:
 *       no pending calls: unlink d (its frame dies) and go on
 *       pop one call e (before calling it: it must not run twice) and run it
 *       through rt_calldefer with FP = &panic.site, RA = rt_defercall_ret
 *       if it recovered: rt_resume(d->ctx): d's frame sees rt_setjmp return
 *       1, runs its remaining deferred calls and returns its results
 *
 * Nested panics: a newer panic that reaches the record an older one was
 * running a deferred call of marks the older one aborted; a recovery drops
 * the recovered panic and the aborted ones below it (gc's semantics, and its
 * "panic: x [recovered]" chains when the newest one is not recovered).
 *
 * recover() (runtime.gorecover, RT_GOENTRY) succeeds only when its caller
 * is the deferred function itself: walking up from the caller, only wrapper
 * frames (the deferwrap thunk, split-stack adapters) and the caller's own
 * first invocation stuck in its prologue (a morestack site) may come before
 * the hop rt_defercall_ret -> the current panic's site.
 *
 * Resuming (rt_resume, asm) switches to the system stack, frees the
 * segments newer than the recovering frame's (one stays cached, like
 * rt_lessstack_c) and restores the rt_setjmp context.
 *
 * runtime.Goexit (proc.c) runs the deferred calls as a panic that recover()
 * does not see, then ends the goroutine. Not yet: panics raised by signals
 * (every panic starts at a call).
 */
#include "rt.h"

#include <stddef.h>

_Static_assert(offsetof(G, defer) == GO_G_DEFER, "G layout");
_Static_assert(offsetof(GoDeferRec, ctx) == GO_DEFER_CTX, "defer record layout");

static Seg *seg_of(G *g, uintptr_t p)
{
	for (Seg *s = g->seg; s; s = s->prev)
		if (p >= s->lo && p < (uintptr_t)s)
			return s;
	rt_throw("defer record on no stack segment");
}

/* rt_resume's C part (system stack): `t` holds the frame being resumed;
 * everything newer is dead. Keeps t->next cached, frees the rest. */
void rt_unwind_segs(Seg *t)
{
	G *g = rt_getg();
	for (Seg *s = g->seg; s != t; s = s->prev)
		g->stacksize -= s->size;
	Seg *c = t->next;
	if (c) {
		for (Seg *s = c->next, *n; s; s = n) {
			n = s->next;
			rt_seg_free(s);
		}
		c->next = NULL;
	}
	g->seg = t;
	g->stackguard = rt_seg_guard(t);
}

void rt_run_defers(Panic *p)
{
	G *g = rt_getg();
	for (GoDeferRec *d; (d = g->defer);) {
		for (Panic *q = p->link; q; q = q->link)
			if (q->rec == d)
				q->aborted = 1;   /* we got past the deferred call q was running */
		GoDefer *e = d->head;
		if (!e) {
			g->defer = d->link;
			continue;
		}
		d->head = e->link;
		p->rec = d;
		rt_calldefer(e, &p->site);
		if (p->recovered) {
			g->panic = p->link;
			while (g->panic && g->panic->aborted)
				g->panic = g->panic->link;
			rt_callin_unwind(g, d);
			rt_resume(d->ctx, seg_of(g, (uintptr_t)d));
		}
	}
}

typedef struct {
	int n;                  /* frames seen */
	int hops0;              /* hops at the first frame (recover's caller) */
	int thunk;              /* `defer recover()`: the first frame is its thunk */
	const PanicSite *want;
	int ok;
} RecoverWalk;

static int recover_visit(const Frame *f, void *arg)
{
	RecoverWalk *w = arg;
	if (w->n++ == 0) {
		w->hops0 = f->hops;
		return 0;
	}
	if (f->hops != w->hops0) {
		w->ok = !w->thunk && f->hops == w->hops0 + 1 && f->hopsite == w->want;
		return 1;
	}
	const GoCallSite *s = rt_record_site(f->rec);
	int wrapper = (f->rec->func->info->flags & (GO_FUNC_WRAPPER | GO_FUNC_HIDDEN)) ||
	              (s && (s->flags & GO_SITE_MORESTACK));
	if (w->thunk) {
		/* the function that deferred recover(): walk on from it as
		 * from recover's caller */
		if (!wrapper) w->thunk = 0;
		return 0;
	}
	return !wrapper;
}

typedef struct {
	Panic *p;
	int thunk;
	int ok;
} RecoverCall;

static void recover_sys(void *arg)
{
	RecoverCall *rc = arg;
	RecoverWalk w = {.want = &rc->p->site, .thunk = rc->thunk};
	rt_walk_stack(rt_getg(), recover_visit, &w);
	rc->ok = w.ok;
}

static GoEface do_recover(int thunk)
{
	G *g = rt_getg();
	Panic *p = g ? g->panic : NULL;
	GoEface r = {0, 0};
	if (!p || p->recovered || p->goexit)
		return r;
	RecoverCall rc = {p, thunk, 0};
	rt_systemstack(recover_sys, &rc);
	if (!rc.ok)
		return r;
	p->recovered = 1;
	return rt_panic_value(p);
}

GoEface rt_gorecover_c(void) { return do_recover(0); }
GoEface rt_gorecoverdefer_c(void) { return do_recover(1); }
