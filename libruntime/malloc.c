/*
 * malloc.c: the heap, for now a bump allocator (no collector yet).
 *
 * Concepts:
 *  - Chunk: 4 MB mmapped, carved by a bump pointer in 16-byte granules.
 *    Objects above CHUNK_SIZE / 4 get a chunk of their own ("large").
 *  - Object starts: one bit per granule (`starts`) marks where an object
 *    begins; an object ends at the next start or at the chunk's bump
 *    pointer, so any address can be resolved to its object (rt_heap_find),
 *    which GOLC_GCSTRESS and, later, a conservative check or the marker need.
 *  - Zeroing is free: chunk memory comes zeroed from mmap and is never
 *    reused while there is no collector.
 *
 * Invariants:
 *  - [base, top) of a chunk is covered by objects without gaps; the granule
 *    at base has its start bit set when top > base.
 *  - `chunks` is sorted by base; chunks never overlap.
 *  - The fast path (a fit in the current chunk) runs on the goroutine
 *    segment: no libc, small frame. Anything that maps memory runs on the
 *    system stack.
 *
 * Rejected (for now): size classes and spans (come with the collector);
 * libc malloc for Go objects (no object boundaries, no type information,
 * and its frames are too big for a goroutine segment's slack).
 */
#include "rt.h"

#include <stdlib.h>

#define CHUNK_SIZE ((size_t)4 << 20)
#define GRANULE 16
#define LARGE (CHUNK_SIZE / 4)
#define PAGE 4096

typedef struct {
	uintptr_t base;         /* [base, end) mapped */
	uintptr_t end;
	uintptr_t top;          /* [base, top) allocated */
	uint64_t *starts;       /* a bit per granule; NULL: one large object */
} Chunk;

uint8_t rt_zerobase[8];         /* the address of every zero-sized object */

static RtLock heaplock;
static Chunk *cur;              /* bump chunk */
static Chunk **chunks;          /* sorted by base */
static size_t nchunks, chunkcap;

static void mark_start(Chunk *c, uintptr_t p)
{
	size_t g = (p - c->base) / GRANULE;
	c->starts[g / 64] |= (uint64_t)1 << (g % 64);
}

static void insert_chunk(Chunk *c)
{
	if (nchunks == chunkcap) {
		size_t ncap = chunkcap ? 2 * chunkcap : 64;
		Chunk **n = realloc(chunks, ncap * sizeof *n);
		if (!n)
			rt_throw("out of memory");
		chunks = n;
		chunkcap = ncap;
	}
	size_t i = nchunks;
	while (i > 0 && chunks[i - 1]->base > c->base) {
		chunks[i] = chunks[i - 1];
		i--;
	}
	chunks[i] = c;
	nchunks++;
}

static Chunk *new_chunk(size_t size, int large)
{
	void *p;
	Chunk *c = calloc(1, sizeof *c);
	if (!c || rt_os_mmap(&p, size, 0))
		rt_throw("out of memory");
	c->base = c->top = (uintptr_t)p;
	c->end = c->base + size;
	if (!large) {
		void *bits;
		if (rt_os_mmap(&bits, size / GRANULE / 8, 0))
			rt_throw("out of memory");
		c->starts = bits;
	}
	insert_chunk(c);
	return c;
}

typedef struct {
	size_t size;
	void *p;
} Slow;

/* System stack: allocate from a new chunk. */
static void alloc_slow(void *arg)
{
	Slow *s = arg;
	rt_lock(&heaplock);
	if (s->size > LARGE) {
		Chunk *c = new_chunk((s->size + PAGE - 1) & ~(size_t)(PAGE - 1), 1);
		c->top = c->base + s->size;
		s->p = (void *)c->base;
	} else {
		if (!cur || cur->end - cur->top < s->size)
			cur = new_chunk(CHUNK_SIZE, 0);
		s->p = (void *)cur->top;
		mark_start(cur, cur->top);
		cur->top += s->size;
	}
	rt_unlock(&heaplock);
}

/* Startup (system stack): map the first chunk. */
void rt_malloc_init(void)
{
	rt_lock(&heaplock);
	if (!cur)
		cur = new_chunk(CHUNK_SIZE, 0);
	rt_unlock(&heaplock);
}

/* Zeroed memory for `size` bytes; flags: RT_ALLOC_*. */
void *rt_alloc(size_t size, unsigned flags)
{
	(void)flags;
	if (size == 0)
		return rt_zerobase;
	size = (size + GRANULE - 1) & ~(size_t)(GRANULE - 1);
	if (size <= LARGE) {
		rt_lock(&heaplock);
		Chunk *c = cur;
		if (c && c->end - c->top >= size) {
			uintptr_t p = c->top;
			mark_start(c, p);
			c->top += size;
			rt_unlock(&heaplock);
			return (void *)p;
		}
		rt_unlock(&heaplock);
	}
	Slow s = {size, NULL};
	rt_systemstack(alloc_slow, &s);
	return s.p;
}

void *rt_mallocgc(size_t size, const GoType *t)
{
	return rt_alloc(size, t && t->ptrdata ? 0 : RT_ALLOC_NOSCAN);
}

/* Body of runtime.newobject (an RT_GOENTRY trampoline: g->sched is the
 * caller, so GOLC_GCSTRESS can walk the stack from here). */
void *rt_newobject_c(const GoType *t)
{
	if (RT_UNLIKELY(rt_gcstress))
		rt_gcstress_check(rt_getg());
	return rt_alloc(t->size, t->ptrdata ? 0 : RT_ALLOC_NOSCAN);
}

static int highest_bit_at_or_below(const uint64_t *bits, size_t g, size_t *out)
{
	size_t w = g / 64;
	uint64_t m = bits[w] & (~(uint64_t)0 >> (63 - g % 64));
	for (;;) {
		if (m) {
			*out = w * 64 + 63 - (size_t)__builtin_clzll(m);
			return 1;
		}
		if (w == 0)
			return 0;
		m = bits[--w];
	}
}

static size_t next_start(const Chunk *c, size_t g, size_t limit)
{
	for (g++; g < limit; g++)
		if (c->starts[g / 64] >> (g % 64) & 1)
			return g;
	return limit;
}

/*
 * Classifies address p: RT_HEAP_OUTSIDE, RT_HEAP_FREE (in a chunk, not in an
 * object) or RT_HEAP_OBJECT with the object's [start, end).
 */
int rt_heap_find(uintptr_t p, uintptr_t *start, uintptr_t *end)
{
	int kind = RT_HEAP_OUTSIDE;
	rt_lock(&heaplock);
	size_t lo = 0, hi = nchunks;
	while (lo < hi) {       /* first chunk with base > p */
		size_t mid = lo + (hi - lo) / 2;
		if (chunks[mid]->base <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	const Chunk *c = lo ? chunks[lo - 1] : NULL;
	if (c && p < c->end) {
		kind = RT_HEAP_FREE;
		size_t g;
		if (p < c->top && !c->starts) {
			*start = c->base;
			*end = c->top;
			kind = RT_HEAP_OBJECT;
		} else if (p < c->top && highest_bit_at_or_below(c->starts, (p - c->base) / GRANULE, &g)) {
			size_t limit = (c->top - c->base) / GRANULE;
			*start = c->base + g * GRANULE;
			*end = c->base + next_start(c, g, limit) * GRANULE;
			kind = RT_HEAP_OBJECT;
		}
	}
	rt_unlock(&heaplock);
	return kind;
}
