/*
 * gcroots.c: the Go heap pointers that live in runtime C memory, reported
 * to the collector (docs/gc-roots.md has the whole table).
 *
 * The collector finds Go pointers in three places: heap objects (through
 * the type each was allocated with: rt_mallocgc), goroutines' Go frames
 * (stack maps, walked from g->sched) and package globals (codegen's
 * tables). Everything else is here:
 *
 *   rt_runtime_roots   C globals and C-allocated structures: every P's
 *                      timer heap (package time's timers), the itab cache,
 *                      reflect's addReflectOff table and run-time map
 *                      descriptors, reflect.call's shapes, sync.Pool's
 *                      cleanup. Each file reports its own (rt_*_roots).
 *   rt_g_roots         one goroutine's: the arguments of a goroutine not
 *                      started yet (ctx registers), its defer records'
 *                      pending calls, its panics' values, its pprof labels,
 *                      and the C words its parked or calling-into-Go C frames
 *                      registered (G.parkroots, CallIn.roots: RtRoots runs).
 *
 * Invariants:
 *  - A goroutine's C frames are live but unscanned whenever it is parked,
 *    in a system call, or running Go code called from C. Any Go pointer a
 *    C frame uses after such a point is in an RtRoots run registered for
 *    it (rt_gopark's or rt_callgo's argument), in a typed heap object
 *    reachable from one, or in a structure reported here.
 *  - Reported words hold nil, a Go pointer (possibly interior), or a
 *    pointer outside the heap (static data, a stack); never an integer.
 *
 * Rejected: scanning C frames conservatively (stale words and integers
 * would keep garbage alive, and a moving collector could not update them);
 * Go's sudog list per G (RtRoots covers sudogs, semaphore waiters, select's
 * arrays and reflect's frames with one mechanism).
 */
#include "rt.h"

const GoType rt_gctype_ptr = RT_GCTYPE(1, 0x1);
const GoType rt_gctype_string = RT_GCTYPE(2, 0x1);
const GoType rt_gctype_slice = RT_GCTYPE(3, 0x1);

static void word(void *w, RootVisitor fn, void *arg)
{
	fn((uintptr_t *)w, (uintptr_t *)w, arg);
}

static void runs(const RtRoots *r, RootVisitor fn, void *arg)
{
	for (; r; r = r->link)
		for (uint32_t i = 0; i < r->n; i++) {
			uintptr_t *e = (uintptr_t *)((uint8_t *)r->base + (size_t)i * r->stride);
			for (uint32_t k = 0; k < r->nptr; k++)
				word(&e[k], fn, arg);
		}
}

void rt_runtime_roots(RootVisitor fn, void *arg)
{
	rt_proc_roots(fn, arg);
	rt_iface_roots(fn, arg);
	rt_reflect_roots(fn, arg);
	rt_reflectcall_roots(fn, arg);
	rt_stdhooks_roots(fn, arg);
}

/* the ctx registers rt_gentry_asm passes to a new goroutine (RT_START_*) */
static const int startregs[] = {RT_CTX_NEST, RT_CTX_A0, RT_CTX_A1, RT_CTX_A2};

void rt_g_roots(G *g, RootVisitor fn, void *arg)
{
	if (g->status == G_DEAD)
		return;
	for (int i = 0; i < 4; i++)
		if (g->startptrs >> i & 1)
			word(&g->ctx.regs[startregs[i]], fn, arg);
	/* records live in Go frames, outside the stack maps */
	for (GoDeferRec *d = g->defer; d; d = d->link) {
		word(&d->head, fn, arg);
		for (uintptr_t i = 0; i < d->nroots; i++) word(&d->roots[i], fn, arg);
	}
	/* Panic structs live in the C frames of the panicking runtime calls */
	for (Panic *p = g->panic; p; p = p->link) {
		word(&p->t, fn, arg);
		word(&p->data, fn, arg);
		word(&p->text.p, fn, arg);
		word(&p->have, fn, arg);
		word(&p->want, fn, arg);
		word(&p->iface, fn, arg);
	}
	word(&g->labels, fn, arg);
	runs(g->parkroots, fn, arg);
	for (CallIn *ci = g->callin; ci; ci = ci->link)
		runs(ci->roots, fn, arg);
}
