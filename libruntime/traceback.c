/*
 * traceback.c: the frame walker, GC root enumeration, gc-format tracebacks.
 *
 * A walk starts at g->sched {sp, ra, fp}: the Go frame that called into the
 * runtime through RT_GOENTRY (or whose prologue called rt_morestack). For
 * each frame, the return address selects a stack-map record; then
 *
 *   x86_64   caller SP = SP + stacksize + 8   RA = *(caller SP - 8)  FP = *FP
 *   aarch64  caller SP = SP + stacksize       RA = FP[1]             FP = FP[0]
 *
 * (on arm64 the frame record is not at the caller's SP: SPs come from the
 * stack map, return addresses from the frame-pointer chain).
 *
 * Segment boundaries: a function that ran on a new segment returns to
 * rt_morestack_ret; there SP must equal the segment's Seg header, and the walk
 * continues at {old_sp, fr_ra, fr_fp} on the previous segment (the frame
 * stuck in its prologue's rt_morestack call, a GO_SITE_MORESTACK site).
 *
 * Deferred calls run by a panic return to rt_defercall_ret with FP = the
 * panic's PanicSite (defer.c): the walk continues at the panicking frame
 * (the runtime's C frames in between hold no Go pointers).
 *
 * Go code called by runtime C code (rt_callgo: reflect.call, MakeFunc stubs)
 * returns into C: the first RA without a record that is met while call-ins
 * are pending continues at the innermost one's Go frame (g->callin, newest
 * first; the C frames and libffi's in between hold no Go pointers of their
 * own).
 *
 * End: an RA with no record on the first segment is the C code that started
 * the goroutine (rt_gostart_asm's callee). Anywhere else it is an error.
 *
 * Invariants checked on every frame: SP lies in its segment and grows; on
 * x86_64 FP == caller SP - 16 (every compiled function keeps frame
 * pointers); on arm64 the frame record lies inside the frame.
 *
 * Tracebacks print gc's format: innermost first, inlined calls (site
 * parents) as extra `name(...)` frames without an offset, adapters
 * (GO_FUNC_WRAPPER) and prologue morestack sites hidden (except as the
 * first frame: the function whose prologue overflowed), `+0x<RA - entry>`
 * on physical frames, at most 100 frames counting the runtime frames gc
 * would have walked but hidden (gopanic, goPanicIndex, ...).
 */
#include "rt.h"

#if defined(__x86_64__)
enum { RA_SIZE = 8, DW_SP = 7, DW_FP = 6 };
#elif defined(__aarch64__)
enum { RA_SIZE = 0, DW_SP = 31, DW_FP = 29 };
#else
#error "unsupported architecture"
#endif

#define TRACEBACK_MAX 100

const char *rt_walk_error(int code)
{
	switch (code) {
	case RT_WALK_OK: return "ok";
	case RT_WALK_STOPPED: return "stopped";
	case RT_WALK_NOCTX: return "no Go context recorded";
	case RT_WALK_LOST: return "unknown return address";
	case RT_WALK_BADSP: return "frame outside its stack segment";
	case RT_WALK_BADBOUNDARY: return "bad stack segment boundary";
	}
	return "?";
}

static int in_seg(const Seg *s, uintptr_t p)
{
	return p >= s->lo && p <= (uintptr_t)s;
}

int rt_walk_stack(G *g, FrameVisitor fn, void *arg)
{
	Frame f = {.sp = g->sched.sp, .ra = g->sched.ra, .fp = g->sched.fp};
	const Seg *seg = g->seg;
	const CallIn *ci = g->callin;
	int nseg = 1;
	if (!f.sp || !seg)
		return RT_WALK_NOCTX;
	for (;;) {
		if (f.ra == (uintptr_t)rt_morestack_ret) {
			const Seg *s = (const Seg *)f.sp;
			if (s != seg || !s->prev || f.fp != f.sp)
				return RT_WALK_BADBOUNDARY;
			f.sp = s->old_sp;
			f.ra = s->fr_ra;
			f.fp = s->fr_fp;
			seg = s->prev;
			nseg++;
			continue;
		}
		if (f.ra == (uintptr_t)rt_defercall_ret) {
			/* a deferred call run by a panic: on to the panicking frame */
			const PanicSite *ps = (const PanicSite *)f.fp;
			f.sp = ps->sp;
			f.ra = ps->ra;
			f.fp = ps->fp;
			seg = ps->seg;
			f.hops++;
			f.hopsite = ps;
			continue;
		}
		const StackRecord *r = rt_stackmap_lookup(f.ra);
		if (!r && ci) {
			/* a return into runtime C code that called Go code
			 * (rt_callgo): on to the Go frame that entered the C code */
			f.sp = ci->sched.sp;
			f.ra = ci->sched.ra;
			f.fp = ci->sched.fp;
			seg = ci->seg;
			ci = ci->link;
			continue;
		}
		if (!r)
			return seg == g->seg0 ? RT_WALK_OK : RT_WALK_LOST;
		if (!in_seg(seg, f.sp))
			return RT_WALK_BADSP;
		f.rec = r;
		f.seg = seg;
		f.nseg = nseg;
		if (fn(&f, arg))
			return RT_WALK_STOPPED;
		uintptr_t nsp = f.sp + r->stacksize + RA_SIZE;
		if (nsp <= f.sp || !in_seg(seg, nsp))
			return RT_WALK_BADSP;
		if (RA_SIZE) {
			if (f.fp != nsp - 16)
				return RT_WALK_BADSP;
			f.ra = *(const uintptr_t *)(nsp - 8);
		} else {
			if (f.fp < f.sp || f.fp + 16 > nsp)
				return RT_WALK_BADSP;
			f.ra = ((const uintptr_t *)f.fp)[1];
		}
		f.fp = *(const uintptr_t *)f.fp;
		f.sp = nsp;
	}
}

static int base_reg_ok(const StackLoc *l)
{
	switch (l->kind) {
	case SL_INDIRECT:
		return l->reg == DW_SP || l->reg == DW_FP;
	case SL_CONSTANT:
	case SL_CONSTINDEX:
		return 1;       /* a constant (null) GC value: no slot */
	}
	return 0;
}

/* Startup check: every GC location is a stack slot or a constant. */
void rt_stackmap_check_locs(void)
{
	for (size_t i = 0; i < rt_nrecords; i++) {
		const StackRecord *r = &rt_records[i];
		for (unsigned k = 0; k < 2u * r->nroots; k++)
			if (!base_reg_ok(&r->roots[k]))
				rt_throw("stackmap: unsupported GC root location");
	}
}

static uintptr_t *loc_slot(const Frame *f, const StackLoc *l)
{
	if (l->kind != SL_INDIRECT)
		return NULL;
	uintptr_t base = l->reg == DW_SP ? f->sp : f->fp;
	return (uintptr_t *)(base + (intptr_t)l->off);
}

/* Calls fn(base slot, derived slot) for every GC pointer pair of the frame
 * that lives in a stack slot. Pairs may share slots: a mover must read all
 * slots of a frame before writing any. */
void rt_frame_roots(const Frame *f, RootVisitor fn, void *arg)
{
	const StackRecord *r = f->rec;
	for (unsigned i = 0; i < r->nroots; i++) {
		uintptr_t *b = loc_slot(f, &r->roots[2 * i]);
		uintptr_t *d = loc_slot(f, &r->roots[2 * i + 1]);
		if (b)
			fn(b, d ? d : b, arg);
	}
}

/* ------------------------------------------------------------ printing */

typedef struct {
	int visited;            /* frames seen, hidden ones included */
	int shown;              /* physical frames printed */
	int max;
} Traceback;

static int has_noargs(const GoFuncInfo *fi)
{
	static const char *const known[] = {"main.main", "main.init"};
	if (fi->flags & GO_FUNC_NOARGS)
		return 1;
	for (unsigned i = 0; i < sizeof known / sizeof known[0]; i++) {
		const char *a = fi->name, *b = known[i];
		while (*a && *a == *b)
			a++, b++;
		if (*a == *b)
			return 1;
	}
	return 0;
}

static void print_pos(const char *file, const GoCallSite *s)
{
	rt_print_cstr("\t");
	rt_print_cstr(file ? file : "?");
	rt_print_cstr(":");
	if (s)
		rt_printuint(s->line);
	else
		rt_print_cstr("?");
}

static int print_frame(const Frame *f, void *arg)
{
	Traceback *tb = arg;
	const StackRecord *r = f->rec;
	const FuncEntry *fe = r->func;
	const GoModule *m = fe->mod;
	const GoCallSite *s = rt_record_site(r);
	int first = tb->visited++ == 0;
	if (fe->info->flags & (GO_FUNC_WRAPPER | GO_FUNC_HIDDEN))
		return 0;
	/* a prologue's morestack call is shown only where the walk starts
	 * (a throw from rt_morestack_c, e.g. stack overflow) */
	if (s && (s->flags & GO_SITE_MORESTACK) && !first)
		return 0;
	if (tb->shown >= tb->max)
		return 1;
	tb->shown++;
	/* inlined calls, innermost first: site -> parent -> ... */
	while (s && s->parent >= 0) {
		const GoFuncInfo *fi = &m->funcs[s->func];
		rt_print_cstr(fi->name);
		rt_print_cstr("(...)\n");
		print_pos(fi->file, s);
		rt_print_cstr("\n");
		s = (uint64_t)s->parent < m->nsites ? &m->sites[s->parent] : NULL;
		if (s && s->func >= m->nfuncs)
			s = NULL;
	}
	rt_print_cstr(fe->info->name);
	rt_print_cstr(has_noargs(fe->info) ? "()\n" : "(...)\n");
	print_pos(fe->info->file, s);
	rt_print_cstr(" +");
	rt_printhex(f->ra - fe->entry);
	rt_print_cstr("\n");
	return 0;
}

/* Prints `goroutine N [running]:` and g's frames. Run it on the system stack. */
void rt_traceback(G *g, int hidden)
{
	Traceback tb = {0, 0, TRACEBACK_MAX - hidden};
	rt_print_cstr("goroutine ");
	rt_printint(g->goid);
	rt_print_cstr(" [");
	const char *state = "running";
	switch (g->status) {
	case G_WAITING: state = g->waitreason ? g->waitreason : "waiting"; break;
	case G_RUNNABLE: state = "runnable"; break;
	case G_SYSCALL: state = "syscall"; break;
	}
	rt_print_cstr(state);
	rt_print_cstr("]:\n");
	int err = rt_walk_stack(g, print_frame, &tb);
	if (err != RT_WALK_OK && err != RT_WALK_STOPPED) {
		rt_print_cstr("runtime: traceback stopped: ");
		rt_print_cstr(rt_walk_error(err));
		rt_print_cstr("\n");
	}
	/* where a goroutine was started: the go statement's call of newproc */
	const StackRecord *r = g->gopc ? rt_stackmap_lookup(g->gopc) : NULL;
	if (r) {
		const FuncEntry *fe = r->func;
		rt_print_cstr("created by ");
		rt_print_cstr(fe->info->name);
		rt_print_cstr("\n");
		print_pos(fe->info->file, rt_record_site(r));
		rt_print_cstr(" +");
		rt_printhex(g->gopc - fe->entry);
		rt_print_cstr("\n");
	}
	rt_print_flush();
}
