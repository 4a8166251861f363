/*
 * mfinal.c: finalizers — runtime.SetFinalizer, the table the collector
 * consults, and the finalizer goroutine.
 *
 * Concepts:
 *  - The table maps an object address to its finalizer {fn, ft, fint, ot}
 *    (open addressing, finlock). The object is NOT a root: the collector
 *    scans what it points to (so an object reachable only from a
 *    finalizable one is not finalized in the same cycle, and gc's order
 *    for chains holds), then moves every entry whose object is still
 *    unmarked to the queue and marks the object: it survives this cycle
 *    for its finalizer and is freed by a later one if nothing resurrected it.
 *  - The finalizer goroutine (runtime.runfinq, started by the first
 *    SetFinalizer; a system goroutine: not counted by NumGoroutine or the
 *    deadlock check) runs queued finalizers one at a time: finqrun parks
 *    while the queue is empty, converts the object to the finalizer's
 *    parameter type and calls the function through libffi
 *    (rt_reflectcall). A panic there is an unrecovered goroutine panic.
 *  - Roots: the table's functions, the queue's objects and functions, and
 *    the entry being run (rt_fin_roots).
 *
 * Invariant: an object is in the table at most once; a queued entry is no
 * longer in the table, so a finalizer runs at most once.
 */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

typedef struct Fin {
	uintptr_t obj;          /* 0: empty slot, 1: deleted */
	void *fn;               /* funcval */
	const GoType *ft, *fint, *ot;
} Fin;

static RtLock finlock;
static Fin *tab;
static size_t tabcap, tabn, tabused;    /* used: live + deleted */
static Fin *queue;
static size_t qhead, qn, qcap;
static Fin running;             /* the finalizer being called (a root) */
static void *running_frame;     /* its frame, if on the heap (a root) */
static G *fing;                 /* the finalizer goroutine */
static volatile int fingwait;   /* fing is parked for work */

extern char rt_runfinq[] __asm__("runtime.runfinq") __attribute__((weak));

static size_t hash(uintptr_t p) { return (size_t)((p >> 4) * 0x9e3779b97f4a7c15ull); }

static Fin *lookup(uintptr_t obj)
{
	if (!tabcap) return NULL;
	for (size_t i = hash(obj) & (tabcap - 1);; i = (i + 1) & (tabcap - 1)) {
		if (tab[i].obj == obj) return &tab[i];
		if (tab[i].obj == 0) return NULL;
	}
}

static void insert(const Fin *f);

static void grow(void)
{
	Fin *old = tab;
	size_t oldcap = tabcap;
	tabcap = tabcap ? (tabn * 4 > tabcap ? tabcap * 2 : tabcap) : 64;
	tab = calloc(tabcap, sizeof *tab);
	if (!tab) rt_throw("out of memory (finalizer table)");
	tabn = tabused = 0;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].obj > 1) insert(&old[i]);
	free(old);
}

static void insert(const Fin *f)
{
	if ((tabused + 1) * 4 > tabcap * 3) grow();
	size_t i = hash(f->obj) & (tabcap - 1);
	while (tab[i].obj > 1) i = (i + 1) & (tabcap - 1);
	if (tab[i].obj == 0) tabused++;
	tab[i] = *f;
	tabn++;
}

static void qpush(const Fin *f)
{
	if (qn == qcap) {
		size_t ncap = qcap ? 2 * qcap : 64;
		Fin *n = malloc(ncap * sizeof *n);
		if (!n) rt_throw("out of memory (finalizer queue)");
		for (size_t i = 0; i < qn; i++) n[i] = queue[(qhead + i) % qcap];
		free(queue);
		queue = n;
		qcap = ncap;
		qhead = 0;
	}
	queue[(qhead + qn++) % qcap] = *f;
}

/* ------------------------------------------------------------ collector */

/* world stopped: every Go pointer the finalizer machinery holds */
void rt_fin_roots(RootVisitor fn, void *arg)
{
	for (size_t i = 0; i < tabcap; i++)
		if (tab[i].obj > 1) fn((uintptr_t *)&tab[i].fn, (uintptr_t *)&tab[i].fn, arg);
	for (size_t i = 0; i < qn; i++) {
		Fin *f = &queue[(qhead + i) % qcap];
		fn(&f->obj, &f->obj, arg);
		fn((uintptr_t *)&f->fn, (uintptr_t *)&f->fn, arg);
	}
	if (running.obj) {
		fn(&running.obj, &running.obj, arg);
		fn((uintptr_t *)&running.fn, (uintptr_t *)&running.fn, arg);
	}
	if (running_frame) fn((uintptr_t *)&running_frame, (uintptr_t *)&running_frame, arg);
}

/* world stopped, after marking: scan what finalizable objects point to */
void rt_fin_scan(void (*scan)(uintptr_t obj))
{
	for (size_t i = 0; i < tabcap; i++)
		if (tab[i].obj > 1) scan(tab[i].obj);
}

/* world stopped, after rt_fin_scan and draining: queue the entries whose
 * object is unmarked and mark it (it lives until its finalizer ran);
 * returns the number queued */
size_t rt_fin_collect(int (*marked)(uintptr_t obj), void (*mark)(uintptr_t obj))
{
	size_t n = 0;
	for (size_t i = 0; i < tabcap; i++) {
		if (tab[i].obj <= 1 || marked(tab[i].obj)) continue;
		qpush(&tab[i]);
		mark(tab[i].obj);
		tab[i].obj = 1;
		tabn--;
		n++;
	}
	return n;
}

/* after the world restarted: wake the finalizer goroutine if it waits */
void rt_fin_wake(void)
{
	rt_lock(&finlock);
	G *g = NULL;
	if (qn && fingwait) {
		fingwait = 0;
		g = fing;
	}
	rt_unlock(&finlock);
	if (g) rt_goready(g);
}

/* ------------------------------------------------------ SetFinalizer */

static RT_NORETURN void fail(const char *a, const GoType *t1, const char *b, const GoType *t2, const char *c)
{
	static char buf[512];
	size_t n = 0;
	const char *parts[3] = {a, b, c};
	const GoType *types[2] = {t1, t2};
	for (int i = 0; i < 3; i++) {
		for (const char *p = parts[i]; p && *p && n < sizeof buf - 1; p++) buf[n++] = *p;
		if (i < 2 && types[i]) {
			GoString s = rt_typestring(types[i]);
			for (intptr_t k = 0; k < s.n && n < sizeof buf - 1; k++) buf[n++] = (char)s.p[k];
		}
	}
	buf[n] = 0;
	rt_throw(buf);
}

static const GoType *ptr_elem(const GoType *t) { return *(const GoType *const *)((const uint8_t *)t + 48); }

static void start_fing(void *arg)
{
	(void)arg;
	G *g = rt_newg(rt_runfinq, NULL, 0, 0, 0, 0);
	rt_mark_system_g(g);
	fing = g;
	rt_ready_new(g);
}

/* runtime.SetFinalizer(obj any, finalizer any) */
RT_HOOK(void, rt_api_setfinalizer, "runtime.SetFinalizer", (const GoType *ot, void *o, const GoType *ft, void *f))
{
	if (!ot) rt_throw("runtime.SetFinalizer: first argument is nil");
	if ((ot->kind & GO_KIND_MASK) != GO_KIND_POINTER)
		fail("runtime.SetFinalizer: first argument is ", ot, ", not pointer", NULL, "");
	const GoType *elem = ptr_elem(ot);
	if (!elem) rt_throw("nil elem type!");
	uintptr_t st, en;
	int k = rt_heap_find((uintptr_t)o, &st, &en);
	if (k == RT_HEAP_OUTSIDE) return;       /* zero-sized objects, globals: never freed */
	if (k == RT_HEAP_FREE) rt_throw("runtime.SetFinalizer: pointer not in allocated block");
	if (st != (uintptr_t)o && (elem->ptrdata || elem->size >= 16))
		rt_throw("runtime.SetFinalizer: pointer not at beginning of allocated block");
	if (!ft) {
		rt_lock(&finlock);
		Fin *e = lookup((uintptr_t)o);
		if (e) {
			e->obj = 1;
			tabn--;
		}
		rt_unlock(&finlock);
		return;
	}
	if ((ft->kind & GO_KIND_MASK) != GO_KIND_FUNC)
		fail("runtime.SetFinalizer: second argument is ", ft, ", not a function", NULL, "");
	const FuncExt *fx = (const FuncExt *)((const uint8_t *)ft + 48);
	if (fx->out & 0x8000)
		fail("runtime.SetFinalizer: cannot pass ", ot, " to finalizer ", ft, " because dotdotdot");
	if (fx->in != 1) fail("runtime.SetFinalizer: cannot pass ", ot, " to finalizer ", ft, "");
	const GoType *fint = rt_func_param(ft, 0);
	int ok = fint == ot;
	if (!ok && (fint->kind & GO_KIND_MASK) == GO_KIND_POINTER)
		ok = (!rt_type_uncommon(fint) || !rt_type_uncommon(ot)) && ptr_elem(fint) == elem;
	if (!ok && (fint->kind & GO_KIND_MASK) == GO_KIND_INTERFACE)
		ok = !rt_iface_has_methods(fint) || rt_getitab_c(fint, ot, 1) != NULL;
	if (!ok) fail("runtime.SetFinalizer: cannot pass ", ot, " to finalizer ", ft, "");
	if (!fing && rt_runfinq) {
		rt_lock(&finlock);
		int start = !fing;
		if (start) fing = (G *)1;       /* claimed */
		rt_unlock(&finlock);
		if (start) rt_systemstack(start_fing, NULL);
	}
	rt_lock(&finlock);
	if (lookup((uintptr_t)o)) {
		rt_unlock(&finlock);
		rt_throw("runtime.SetFinalizer: finalizer already set");
	}
	Fin e = {(uintptr_t)o, f, ft, fint, ot};
	insert(&e);
	rt_unlock(&finlock);
}

/* ------------------------------------------------- the finalizer goroutine */

static void unlock_fin(void *arg) { rt_unlock(arg); }

/* Body of runtime.finqrun (RT_GOENTRY: it parks): waits for a queued
 * finalizer and calls it. */
void rt_finqrun_c(void)
{
	rt_lock(&finlock);
	while (!qn) {
		fingwait = 1;
		rt_gopark(unlock_fin, &finlock, "finalizer wait", NULL);
		rt_lock(&finlock);
	}
	running = queue[qhead];
	qhead = (qhead + 1) % qcap;
	qn--;
	rt_unlock(&finlock);
	/* the argument: the object as the parameter's type (ABI0 frame) */
	uintptr_t frame[4] = {0, 0, 0, 0};
	void *fr = frame;
	size_t size = rt_func_framesize(running.ft);
	if (size > sizeof frame) {
		fr = rt_mallocgc(size, NULL);
		running_frame = fr;
	}
	uintptr_t *w = fr;
	if ((running.fint->kind & GO_KIND_MASK) == GO_KIND_INTERFACE) {
		w[0] = rt_iface_has_methods(running.fint) ? (uintptr_t)rt_getitab_c(running.fint, running.ot, 0)
		                                           : (uintptr_t)running.ot;
		w[1] = running.obj;
	} else {
		w[0] = running.obj;
	}
	rt_reflectcall(running.fn, running.ft, fr);
	running = (Fin){0};
	running_frame = NULL;
}
