/*
 * stack.c: goroutine stacks as linked segments ("split stacks").
 *
 * Every non-leaf compiled function starts with a check (goabi.h):
 * SP - est <u g->stackguard calls rt_morestack (asm_*.S), which switches to
 * the thread's system stack, asks rt_morestack_c for a segment, runs the
 * function again on that segment through its adapter and, when it returns,
 * comes back through rt_morestack_ret -> rt_lessstack_c.
 *
 * Concepts:
 *  - Segment: [lo, lo + size) carved from an arena; the Seg header sits at
 *    the top and starts with a real frame record {old FP, old RA}, so the
 *    frame-pointer chain runs from a segment into the one below it and the
 *    walker (traceback.c) hops segments where RA == rt_morestack_ret.
 *  - Slack: RT_STACK_SLACK bytes between lo and the guard hold a callee's
 *    small frame (est = 0), the call into rt_morestack and nosplit runtime C
 *    code; anything bigger switches to the system stack (rt_systemstack).
 *  - Arena: 64 MB reserved with MAP_NORESERVE (only touched pages cost
 *    memory), 2 MB aligned and advised to use huge pages: spawning
 *    goroutines is otherwise mostly page faults. Segments are size classes
 *    2 KB << k (k < RT_SEG_NCLASS) with one free list per class; bigger
 *    requests get a mapping of their own.
 *  - Growth: a goroutine starts with 2 KB (RT_STACK_MIN, like gc's; a
 *    parked goroutine costs ~2.4 KB with its G); each split asks for twice
 *    the current segment (up to 1 MB, then 1 MB steps) or what the frame
 *    needs, so deep recursion splits O(log depth) times plus once per MB.
 *  - Cached next segment: when a function returns across a boundary its
 *    segment stays linked as prev->next, so a call made again at the same
 *    depth does not allocate (Go's old "hot split" problem).
 *  - Preemption: the guard word doubles as a request. RT_STACK_PREEMPT makes
 *    the next prologue check fail; if the stack is not really short,
 *    rt_morestack_c serves the request (for now: resets the guard) and
 *    returns 0, and the function continues on the same segment.
 *
 * Invariants:
 *  - g->stackguard is rt_seg_guard(g->seg), or RT_STACK_PREEMPT.
 *  - g->seg->next is the only cached younger segment; nothing lies beyond it.
 *  - A segment's first word is RT_SEG_CANARY while it is in use; it is
 *    checked whenever the segment is left or freed.
 *  - rt_morestack_c runs on the system stack; rt_lessstack_c on the top of
 *    the segment being left (which is empty by then).
 *
 * Rejected:
 *  - One mmap and a PROT_NONE guard page per segment (the prototype): ~17 us
 *    per segment and two VMAs each, against Linux's 65,530-mapping limit.
 *    Overflow into the slack is caught by the canary instead.
 *  - libgcc's __morestack with LLVM's "split-stack" attribute: x86_64 only,
 *    and its frames break our frame-pointer walk.
 *  - Contiguous stacks that are copied when they grow: LLVM's stack maps do
 *    not describe every pointer into the stack (allocas, spilled derived
 *    pointers), so frames cannot be moved.
 */
#include "rt.h"

#include <stddef.h>

_Static_assert(offsetof(G, stackguard) == RT_G_STACKGUARD, "G layout");
_Static_assert(offsetof(G, stackguard) == GO_G_STACKGUARD, "G layout");
_Static_assert(offsetof(G, sched) + offsetof(Gobuf, sp) == RT_G_SCHED_SP, "G layout");
_Static_assert(offsetof(G, sched) + offsetof(Gobuf, ra) == RT_G_SCHED_RA, "G layout");
_Static_assert(offsetof(G, sched) + offsetof(Gobuf, fp) == RT_G_SCHED_FP, "G layout");
_Static_assert(sizeof(Seg) % 16 == 0, "Seg keeps the stack 16-byte aligned");

#define ARENA_SIZE ((size_t)64 << 20)
#define PAGE 4096
#define HUGE_PAGE ((size_t)2 << 20)
#define MORESTACK_EXTRA 512     /* adapter + rt_morestack frames on a new segment */
#define RT_SEG_DOUBLE_MAX ((size_t)1 << 20)     /* segments double up to 1 MB */

__thread G *rt_curg __attribute__((tls_model("initial-exec")));
__thread uintptr_t rt_g0sp __attribute__((tls_model("initial-exec")));
__thread int rt_onsys __attribute__((tls_model("initial-exec"))) = 1; /* threads start on their system stack */

StackStats rt_stack_stats;

static RtLock seglock;
static Seg *freelist[RT_SEG_NCLASS];
static uintptr_t arena_next, arena_end;

static size_t class_size(unsigned c)
{
	return (size_t)RT_STACK_MIN << c;
}

static Seg *seg_init(uintptr_t base, size_t size, uint32_t cls)
{
	Seg *s = (Seg *)(base + size - sizeof(Seg));
	*s = (Seg){.lo = base, .size = size, .cls = cls};
	*(uint64_t *)base = RT_SEG_CANARY;
	return s;
}

/* Carves `size` bytes from the current arena, reserving a new one if needed
 * (the old arena's tail is abandoned: it is reserved address space only). */
static uintptr_t arena_carve(size_t size)
{
	if (arena_end - arena_next < size) {
		void *p;
		int err = rt_os_mmap(&p, ARENA_SIZE + HUGE_PAGE, 1);
		if (err)
			rt_throw("stack: cannot reserve a segment arena");
		/* huge pages: a fault maps 2 MB of segments at once instead of two
		 * 2 KB segments (spawning goroutines is mostly page faults otherwise) */
		arena_next = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
		arena_end = arena_next + ARENA_SIZE;
		rt_os_hugepages((void *)arena_next, ARENA_SIZE);
		rt_stack_stats.arenas++;
	}
	uintptr_t base = arena_next;
	arena_next += size;
	rt_stack_stats.carved++;
	return base;
}

/* Returns a segment of at least `size` bytes (header included). May call
 * mmap: system stack or startup only. */
Seg *rt_seg_alloc(size_t size)
{
	unsigned c = 0;
	while (c < RT_SEG_NCLASS && class_size(c) < size)
		c++;
	if (c == RT_SEG_NCLASS) {
		void *p;
		size = (size + PAGE - 1) & ~(size_t)(PAGE - 1);
		if (rt_os_mmap(&p, size, 1))
			rt_throw("stack: out of memory for a huge segment");
		rt_stack_stats.huge++;
		return seg_init((uintptr_t)p, size, RT_SEG_HUGE);
	}
	rt_lock(&seglock);
	Seg *s = freelist[c];
	uintptr_t base;
	if (s) {
		freelist[c] = s->next;
		base = s->lo;
		rt_stack_stats.reused++;
	} else {
		base = arena_carve(class_size(c));
	}
	rt_unlock(&seglock);
	return seg_init(base, class_size(c), c);
}

static void check_canary(const Seg *s)
{
	if (RT_UNLIKELY(*(const uint64_t *)s->lo != RT_SEG_CANARY))
		rt_throw("stack: segment overflow (canary overwritten)");
}

void rt_seg_free(Seg *s)
{
	check_canary(s);
	if (s->cls == RT_SEG_HUGE) {
		rt_os_munmap((void *)s->lo, s->size);
		return;
	}
	rt_lock(&seglock);
	s->next = freelist[s->cls];
	freelist[s->cls] = s;
	rt_unlock(&seglock);
}

/* Stores the guard, re-poisoning it if a request is pending (a request that
 * raced with this store must not be lost). */
static void set_guard(G *g, uintptr_t guard)
{
	__atomic_store_n(&g->stackguard, guard, __ATOMIC_RELEASE);
	if (g->preempt)
		__atomic_store_n(&g->stackguard, RT_STACK_PREEMPT, __ATOMIC_RELEASE);
}

void rt_preempt_request(G *g)
{
	g->preempt = 1;
	__atomic_store_n(&g->stackguard, RT_STACK_PREEMPT, __ATOMIC_RELEASE);
}

void rt_stack_init_g(G *g, size_t size)
{
	g->seg = g->seg0 = rt_seg_alloc(size);
	g->stacksize = g->seg0->size;
	g->stackguard = rt_seg_guard(g->seg0);
}

/* makes a segment of at least `size` bytes (the cached one if it is big
 * enough) the current one, younger than g->seg */
static Seg *push_seg(G *g, size_t size)
{
	Seg *cur = g->seg;
	Seg *s = cur->next;
	if (s && s->size < size) {
		rt_seg_free(s);
		s = cur->next = NULL;
	}
	if (!s) {
		s = rt_seg_alloc(size);
		s->prev = cur;
		cur->next = s;
	}
	if (g->stacksize + s->size > RT_STACK_MAX) {
		rt_print_cstr("runtime: goroutine stack exceeds 1000000000-byte limit\n");
		rt_throw("stack overflow");
	}
	g->seg = s;
	g->stacksize += s->size;
	set_guard(g, rt_seg_guard(s));
	return s;
}

/*
 * Called by rt_morestack on the system stack. (old_sp, old_ra, old_fp)
 * describe the frame whose check failed (its call of rt_morestack is a
 * GO_SITE_MORESTACK statepoint). Returns the new stack top (a Seg whose
 * frame record is filled in) or 0 when only a preemption was served.
 */
uintptr_t rt_morestack_c(void *blk, uintptr_t est, uintptr_t old_sp, uintptr_t old_ra, uintptr_t old_fp)
{
	(void)blk;
	G *g = rt_getg();
	Seg *cur = g->seg;
	g->sched = (Gobuf){old_sp, old_ra, old_fp};
	if (g->stackguard == RT_STACK_PREEMPT)
		g->preempt = 1;
	if (old_sp - est >= rt_seg_guard(cur)) {
		/* not short: the guard was poisoned (or raced with its reset). A
		 * preemption request stays pending: back on the goroutine stack,
		 * rt_morestack calls rt_preempt_check, which yields */
		set_guard(g, rt_seg_guard(cur));
		return 0;
	}
	/* Really short. A pending preemption stays pending: the new segment's
	 * guard is poisoned again, so it is served up there, where the function's
	 * GC arguments are in its frame rather than in blk (not a GC root). */
	size_t need = est + RT_STACK_SLACK + sizeof(Seg) + MORESTACK_EXTRA;
	size_t want = cur->size < RT_SEG_DOUBLE_MAX ? 2 * cur->size : cur->size;  /* geometric growth */
	Seg *s = push_seg(g, need > want ? need : want);
	s->fr_fp = old_fp;
	s->fr_ra = old_ra;
	s->old_sp = old_sp;
	rt_stack_stats.splits++;
	return (uintptr_t)s;
}

typedef struct {
	size_t size;
	Seg *s;
} EnterArgs;

static void enter_sys(void *arg)
{
	EnterArgs *a = arg;
	a->s = push_seg(rt_getg(), a->size);
}

/* rt_callgo's segment (reflectcall.c): C code that calls Go code runs on a
 * younger segment of at least est bytes, not in the slack below the
 * guard. Its frame record is filled in by rt_callon; old_sp is unused (the
 * walker leaves it through the call-in record, not rt_morestack_ret). */
Seg *rt_seg_enter(size_t est)
{
	EnterArgs a = {est + RT_STACK_SLACK + sizeof(Seg), NULL};
	rt_systemstack(enter_sys, &a);
	a.s->old_sp = 0;
	return a.s;
}

static void leave_sys(void *arg)
{
	rt_lessstack_c(arg);
}

void rt_seg_leave(Seg *s)
{
	rt_systemstack(leave_sys, s);
}

/*
 * Called by rt_morestack on the top of the segment it leaves. Keeps that
 * segment cached (prev->next), frees the one cached beyond it, and returns
 * the SP to go back to.
 */
uintptr_t rt_lessstack_c(Seg *s)
{
	G *g = rt_getg();
	check_canary(s);
	if (s->next) {
		rt_seg_free(s->next);
		s->next = NULL;
	}
	g->seg = s->prev;
	g->stacksize -= s->size;
	set_guard(g, rt_seg_guard(s->prev));
	rt_stack_stats.lessstacks++;
	return s->old_sp;
}

/* Body of runtime.safepointSlow (an RT_GOENTRY trampoline): a loop's poll
 * saw the poisoned guard. Serves the request: resets the guard and yields
 * (the caller's frame is a statepoint: its state is all in its frame). */
void rt_safepoint_slow_c(void)
{
	G *g = rt_getg();
	if (g->stackguard != RT_STACK_PREEMPT && !g->preempt)
		return;
	g->preempt = 1;
	rt_preempt_check();
}

/* Called by rt_morestack (asm) on the goroutine stack after a check that
 * failed only because of a preemption request (g->sched is the function
 * stuck in its prologue), and by the loop polls' slow path: yields the
 * processor if a request is pending (proc.c). */
void rt_preempt_check(void)
{
	G *g = rt_getg();
	if (!g || !g->preempt)
		return;
	g->preempt = 0;
	set_guard(g, rt_seg_guard(g->seg));
	rt_stack_stats.preempts++;
	rt_gc_pending_check();
	rt_gopreempt();         /* to the global run queue, like Gosched */
}

static void print_stat(const char *name, long v)
{
	rt_print_cstr(name);
	rt_printint(v);
}

/* GOLC_DEBUG=stack: one parseable line at exit */
void rt_stack_report(void)
{
	StackStats *st = &rt_stack_stats;
	print_stat("stack: splits=", st->splits);
	print_stat(" lessstacks=", st->lessstacks);
	print_stat(" preempts=", st->preempts);
	print_stat(" carved=", st->carved);
	print_stat(" reused=", st->reused);
	print_stat(" arenas=", st->arenas);
	print_stat(" huge=", st->huge);
	rt_print_cstr("\n");
	rt_print_flush();
}
