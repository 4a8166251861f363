/* test_stack.c: the segment allocator and the morestack/lessstack logic
 * (stack.c), driven directly from C on the thread's own stack.
 * `test_stack canary` overwrites a canary and must die (checked by run.sh;
 * no fork here: a forked child hangs under qemu-aarch64). */
#define _GNU_SOURCE
#include "rt.h"
#include "testhelper.h"

#include <stdlib.h>
#include <string.h>

static int overlaps(Seg **s, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			if (i != j && s[i]->lo < s[j]->lo + s[j]->size && s[j]->lo < s[i]->lo + s[i]->size)
				return 1;
	return 0;
}

int main(int argc, char **argv)
{
	StackStats *st = &rt_stack_stats;
	if (argc > 1 && !strcmp(argv[1], "canary")) {
		/* run.sh expects: fatal error: stack: segment overflow ..., exit 2 */
		Seg *s = rt_seg_alloc(RT_STACK_MIN);
		*(uint64_t *)s->lo = 0;
		rt_seg_free(s);
		return 0;
	}
	CHECK_BODY("stack: 2 KB first segment layout")
	{
		Seg *s = rt_seg_alloc(RT_STACK_MIN);
		result = s->size == RT_STACK_MIN && s->cls == 0 && (uintptr_t)s == s->lo + RT_STACK_MIN - sizeof(Seg);
		result = result && (uintptr_t)s % 16 == 0 && s->lo % 4096 == 0;
		result = result && *(uint64_t *)s->lo == RT_SEG_CANARY && rt_seg_guard(s) == s->lo + RT_STACK_SLACK;
		result = result && !s->prev && !s->next && !s->fr_fp && !s->fr_ra;
		memset((void *)(s->lo + 8), 0xAA, s->size - 8 - sizeof(Seg));  /* usable */
		rt_seg_free(s);
	}
	CHECK_BODY("stack: size classes round up")
	{
		Seg *a = rt_seg_alloc(8193), *b = rt_seg_alloc(100000), *c = rt_seg_alloc((size_t)16 << 20);
		result = a->size == 16384 && a->cls == 3 && b->size == 131072 && b->cls == 6;  /* 2 KB << k */
		result = result && c->size == (size_t)16 << 20 && c->cls == RT_SEG_NCLASS - 1;
		rt_seg_free(a), rt_seg_free(b), rt_seg_free(c);
	}
	CHECK_BODY("stack: free lists reuse segments")
	{
		long carved = st->carved, reused = st->reused;
		Seg *s[64];
		for (int i = 0; i < 64; i++)
			s[i] = rt_seg_alloc(RT_STACK_MIN);
		result = !overlaps(s, 64);
		for (int i = 0; i < 64; i++)
			rt_seg_free(s[i]);
		for (int i = 0; i < 64; i++)
			s[i] = rt_seg_alloc(RT_STACK_MIN);
		result = result && !overlaps(s, 64) && st->reused - reused >= 64 && st->carved - carved <= 64;
		for (int i = 0; i < 64; i++)
			rt_seg_free(s[i]);
	}
	CHECK_BODY("stack: segments come from 64 MB arenas, not one mmap each")
	{
		long arenas = st->arenas;
		Seg *s[40];
		for (int i = 0; i < 40; i++)
			s[i] = rt_seg_alloc(4 << 20);   /* 40 x 4 MB: three more arenas at most */
		result = !overlaps(s, 40) && st->arenas - arenas <= 3 && st->arenas - arenas >= 2;
		for (int i = 0; i < 40; i++)
			rt_seg_free(s[i]);
	}
	CHECK_BODY("stack: huge requests get their own mapping")
	{
		long huge = st->huge;
		Seg *s = rt_seg_alloc((size_t)40 << 20);
		result = s->cls == RT_SEG_HUGE && s->size >= (size_t)40 << 20 && st->huge == huge + 1;
		rt_seg_free(s);
	}

	static G g;
	rt_stack_init_g(&g, RT_STACK_MIN);
	rt_curg = &g;
	Seg *s0 = g.seg0;
	CHECK("stack: a new G's guard is its segment's", g.stackguard == rt_seg_guard(s0) && g.seg == s0);
	CHECK_BODY("stack: morestack splits when short, lessstack returns")
	{
		uintptr_t sp = rt_seg_guard(s0) + 64;
		long splits = st->splits;
		Seg *n = (Seg *)rt_morestack_c(NULL, 128, sp, 0x1111, 0x2222);
		result = n && g.seg == n && n->prev == s0 && s0->next == n && st->splits == splits + 1;
		result = result && n->old_sp == sp && n->fr_ra == 0x1111 && n->fr_fp == 0x2222;
		result = result && g.stackguard == rt_seg_guard(n) && g.sched.sp == sp && g.sched.ra == 0x1111;
		result = result && rt_lessstack_c(n) == sp && g.seg == s0 && g.stackguard == rt_seg_guard(s0);
		result = result && s0->next == n;       /* cached */
	}
	CHECK_BODY("stack: the cached segment is reused (no hot split allocation)")
	{
		long carved = st->carved, reused = st->reused;
		Seg *cached = s0->next;
		for (int i = 0; i < 1000; i++) {
			Seg *n = (Seg *)rt_morestack_c(NULL, 0, rt_seg_guard(s0) - 8, 1, 2);
			result = result && n == cached;
			rt_lessstack_c(n);
		}
		result = result && st->carved == carved && st->reused == reused;
	}
	CHECK_BODY("stack: a big estimate replaces the cached segment")
	{
		Seg *n = (Seg *)rt_morestack_c(NULL, 50000, rt_seg_guard(s0) + 100, 1, 2);
		result = n->size >= 50000 + RT_STACK_SLACK && s0->next == n;
		rt_lessstack_c(n);
	}
	CHECK_BODY("stack: a poisoned guard is a preemption, not a split")
	{
		/* morestack returns 0 with the request pending; back on the
		 * goroutine stack rt_preempt_check (not called here: it yields to
		 * the scheduler) clears it and resets the guard */
		long splits = st->splits;
		rt_preempt_request(&g);
		result = g.stackguard == RT_STACK_PREEMPT;
		uintptr_t r = rt_morestack_c(NULL, 0, rt_seg_guard(s0) + 4000, 1, 2);
		result = result && r == 0 && st->splits == splits && g.preempt;
		g.preempt = 0;
		g.stackguard = rt_seg_guard(s0);
		/* written directly by someone else (no flag): served the same way */
		g.stackguard = RT_STACK_PREEMPT;
		r = rt_morestack_c(NULL, 0, rt_seg_guard(s0) + 4000, 1, 2);
		result = result && r == 0 && st->splits == splits && g.preempt;
		g.preempt = 0;
		g.stackguard = rt_seg_guard(s0);
	}
	CHECK_BODY("stack: preempted and short: split, request stays pending")
	{
		rt_preempt_request(&g);
		Seg *n = (Seg *)rt_morestack_c(NULL, 0, rt_seg_guard(s0) - 8, 1, 2);
		result = n && g.seg == n && g.stackguard == RT_STACK_PREEMPT && g.preempt;
		uintptr_t r = rt_morestack_c(NULL, 0, (uintptr_t)n - 256, 3, 4);
		result = result && r == 0 && g.preempt;     /* served by rt_preempt_check */
		g.preempt = 0;
		g.stackguard = rt_seg_guard(n);
		rt_lessstack_c(n);
	}
	return print_test_summary();
}
