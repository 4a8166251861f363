/*
 * string.c: string operations generated code calls: equality, ordering,
 * concatenation, conversions, and printing of slices and interfaces.
 *
 * Strings are {data, len} pairs; data may point into the heap or into
 * read-only data (literals). Results are fresh heap strings (rt_alloc,
 * RT_ALLOC_NOSCAN: bytes hold no pointers).
 */
#include "rt.h"

#include <string.h>

int8_t rt_eqstring(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn)
{
	if (an != bn) return 0;
	if (a == b || an == 0) return 1;
	return memcmp(a, b, an) == 0;
}

intptr_t rt_cmpstring(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn)
{
	intptr_t n = an < bn ? an : bn;
	int c = n ? memcmp(a, b, n) : 0;
	if (c) return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

GoString rt_concatstring2(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn)
{
	if (an == 0) return (GoString){b, bn};
	if (bn == 0) return (GoString){a, an};
	uint8_t *p = rt_alloc(an + bn, RT_ALLOC_NOSCAN);
	memcpy(p, a, an);
	memcpy(p + an, b, bn);
	return (GoString){p, an + bn};
}

/* string(rune): UTF-8 of v, or U+FFFD for invalid code points */
GoString rt_intstring(int64_t v)
{
	uint32_t r = v < 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) ? 0xFFFD : (uint32_t)v;
	uint8_t buf[4];
	intptr_t n;
	if (r < 0x80) buf[0] = r, n = 1;
	else if (r < 0x800) buf[0] = 0xC0 | (r >> 6), buf[1] = 0x80 | (r & 0x3F), n = 2;
	else if (r < 0x10000)
		buf[0] = 0xE0 | (r >> 12), buf[1] = 0x80 | ((r >> 6) & 0x3F), buf[2] = 0x80 | (r & 0x3F), n = 3;
	else
		buf[0] = 0xF0 | (r >> 18), buf[1] = 0x80 | ((r >> 12) & 0x3F), buf[2] = 0x80 | ((r >> 6) & 0x3F),
		buf[3] = 0x80 | (r & 0x3F), n = 4;
	uint8_t *p = rt_alloc(n, RT_ALLOC_NOSCAN);
	memcpy(p, buf, n);
	return (GoString){p, n};
}

/* print(slice): gc prints [len/cap]0xptr */
void rt_printslice(void *p, intptr_t len, intptr_t cap)
{
	rt_print_bytes("[", 1);
	rt_printint(len);
	rt_print_bytes("/", 1);
	rt_printint(cap);
	rt_print_bytes("]", 1);
	rt_printpointer(p);
}

/* print(interface): gc prints (0xtype,0xdata) */
void rt_printeface(const void *t, void *data)
{
	rt_print_bytes("(", 1);
	rt_printhex((uintptr_t)t);
	rt_print_bytes(",", 1);
	rt_printhex((uintptr_t)data);
	rt_print_bytes(")", 1);
}

/*
 * A safepoint poll at a loop back edge found g->stackguard poisoned
 * (RT_STACK_PREEMPT): serve the request. With no scheduler yet, serving
 * means restoring the real guard (re-poisoned if another request raced).
 */
void rt_safepoint_slow(void)
{
	G *g = rt_curg;
	g->preempt = 0;
	__atomic_store_n(&g->stackguard, rt_seg_guard(g->seg), __ATOMIC_RELEASE);
	if (g->preempt) __atomic_store_n(&g->stackguard, RT_STACK_PREEMPT, __ATOMIC_RELEASE);
	rt_stack_stats.preempts++;
}
