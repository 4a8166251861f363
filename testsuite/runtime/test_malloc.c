/* test_malloc.c: the heap (malloc.c) — size classes, slot lookup, typed
 * pointer bits, reuse after a sweep — called from C on the system stack,
 * without a P (the shared cache). */
#include "rt.h"
#include "testhelper.h"

#include <string.h>

/* a struct {int; *T; int; *T} and a pointer-free type */
static const uint8_t mask2[] = {0x0a};
static const GoType tptr = {.size = 32, .ptrdata = 32, .kind = GO_KIND_STRUCT, .gcdata = mask2};
static const GoType tint = {.size = 8, .ptrdata = 0, .kind = GO_KIND_INT};

static int ptrbit(const Span *s, uintptr_t p)
{
	size_t w = (p - s->base) / 8;
	return (int)(s->ptrbits[w / 64] >> (w % 64) & 1);
}

int main(void)
{
	rt_malloc_init();
	CHECK_BODY("malloc: size classes cover 1..32768 tightly")
	{
		for (size_t sz = 1; sz <= RT_MAX_SMALL && result; sz++) {
			int c = rt_size_class(sz);
			result = c > 0 && c < rt_nclasses && rt_classes[c].size >= sz &&
			         (c == 1 || rt_classes[c - 1].size < sz);
		}
		result = result && rt_classes[rt_nclasses - 1].size == RT_MAX_SMALL && rt_nclasses <= RT_MAX_CLASSES;
	}
	CHECK_BODY("malloc: classes waste at most 1/8 of their spans")
	{
		for (int c = 1; c < rt_nclasses && result; c++) {
			size_t span = (size_t)rt_classes[c].npages * RT_PAGE_SIZE;
			result = rt_classes[c].nelems == span / rt_classes[c].size &&
			         (span % rt_classes[c].size) * 8 <= span && rt_classes[c].size % 16 == 0;
		}
	}
	CHECK_BODY("malloc: slot index by reciprocal is exact for every offset")
	{
		for (int c = 1; c < rt_nclasses && result; c++) {
			Span s = {.base = 0, .cls = (uint8_t)c, .divmul = rt_classes[c].divmul};
			size_t span = (size_t)rt_classes[c].npages * RT_PAGE_SIZE;
			for (size_t off = 0; off < span && result; off++)
				result = rt_span_index(&s, off) == off / rt_classes[c].size;
		}
	}
	CHECK_BODY("malloc: small objects are zeroed, distinct and found with interior pointers")
	{
		uint8_t *p[100];
		for (int i = 0; i < 100 && result; i++) {
			p[i] = rt_mallocgc(48, NULL);
			for (int k = 0; k < 48; k++) result = result && p[i][k] == 0;
			memset(p[i], 0xaa, 48);
		}
		for (int i = 0; i < 100 && result; i++) {
			uintptr_t st, en;
			result = rt_heap_find((uintptr_t)p[i] + 17, &st, &en) == RT_HEAP_OBJECT && st == (uintptr_t)p[i] &&
			         en == st + 48;
			for (int j = 0; j < i && result; j++) result = p[i] != p[j];
		}
	}
	CHECK_BODY("malloc: scan objects get their type's pointer bits, arrays repeat them")
	{
		uintptr_t a = (uintptr_t)rt_mallocgc(32, &tptr);
		uintptr_t b = (uintptr_t)rt_mallocgc(96, &tptr);
		Span *sa = rt_span_of(a), *sb = rt_span_of(b);
		result = sa && sb && !sa->noscan && !ptrbit(sa, a) && ptrbit(sa, a + 8) && !ptrbit(sa, a + 16) &&
		         ptrbit(sa, a + 24);
		for (int e = 0; e < 3 && result; e++)
			result = !ptrbit(sb, b + 32 * e) && ptrbit(sb, b + 32 * e + 8) && ptrbit(sb, b + 32 * e + 24);
		uintptr_t n = (uintptr_t)rt_mallocgc(32, &tint);
		result = result && rt_span_of(n)->noscan;
	}
	CHECK_BODY("malloc: large objects have a span of their own")
	{
		size_t sz = 200000;
		uint8_t *p = rt_mallocgc(sz, &tptr);
		Span *s = rt_span_of((uintptr_t)p + sz - 1);
		uintptr_t st, en;
		result = s && s->cls == 0 && s->base == (uintptr_t)p && s->type == &tptr &&
		         rt_heap_find((uintptr_t)p + 1000, &st, &en) == RT_HEAP_OBJECT && st == (uintptr_t)p &&
		         en == (uintptr_t)p + sz && p[sz - 1] == 0;
		uintptr_t hs, he;
		result = result && rt_heap_find((uintptr_t)p + sz + 100, &hs, &he) != RT_HEAP_OBJECT;
	}
	CHECK_BODY("malloc: a huge object spans several arenas")
	{
		size_t sz = (size_t)150 << 20;
		uint8_t *p = rt_mallocgc(sz, NULL);
		uintptr_t st, en;
		result = p && rt_span_of((uintptr_t)p + sz - 1) == rt_span_of((uintptr_t)p) &&
		         rt_heap_find((uintptr_t)p + (100 << 20), &st, &en) == RT_HEAP_OBJECT && st == (uintptr_t)p;
	}
	CHECK_BODY("malloc: a sweep frees unmarked slots, which are reused and zeroed")
	{
		/* fill one span of 64-byte objects, keep every other one */
		uintptr_t first = (uintptr_t)rt_mallocgc(64, NULL);
		Span *s = rt_span_of(first);
		uint32_t n = s->nelems;
		uintptr_t objs[1024];
		objs[0] = first;
		uint32_t k = 1;
		while (k < 1024 && rt_span_of(objs[k - 1]) == s && s->nalloc < n) objs[k++] = (uintptr_t)rt_mallocgc(64, NULL);
		for (uint32_t i = 0; i < k; i++) memset((void *)objs[i], 0x55, 64);
		/* emulate a cycle on this span: mark the even slots, sweep */
		memset(s->markbits, 0, (n + 63) / 64 * 8);
		for (uint32_t i = 0; i < n; i += 2) s->markbits[i / 64] |= (uint64_t)1 << (i % 64);
		for (uint32_t w = 0; w < (n + 63) / 64; w++) {
			s->allocbits[w] = s->markbits[w];
			s->markbits[w] = 0;
		}
		s->nalloc = (n + 1) / 2;
		s->needzero = 1;
		rt_span_reset_cursor(s);
		uintptr_t r = rt_span_take(s);
		uintptr_t st, en;
		result = r == s->base + 64 && rt_heap_find(s->base + 64 * 3 + 5, &st, &en) == RT_HEAP_FREE &&
		         rt_heap_find(s->base + 64 * 2 + 5, &st, &en) == RT_HEAP_OBJECT &&
		         rt_heap_find(r + 5, &st, &en) == RT_HEAP_OBJECT;
		uintptr_t r2 = rt_span_take(s);
		result = result && r2 == s->base + 64 * 3;
	}
	CHECK_BODY("malloc: addresses outside the heap are outside")
	{
		static int x;
		uintptr_t st, en;
		result = rt_heap_find((uintptr_t)&x, &st, &en) == RT_HEAP_OUTSIDE &&
		         rt_heap_find((uintptr_t)1 << 60, &st, &en) == RT_HEAP_OUTSIDE;
	}
	return print_test_summary();
}
