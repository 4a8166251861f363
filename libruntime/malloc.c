/*
 * malloc.c: the Go heap — pages in arenas, spans of size-classed slots,
 * per-P caches and per-class central lists. The collector is mgc.c.
 *
 * Concepts:
 *  - Arena: 64 MB of address space, aligned to 64 MB, reserved on demand
 *    (MAP_NORESERVE). A flat index (`l1`, one entry per 64 MB of
 *    the 48-bit address space) maps any address to its arena, and the
 *    arena's `spans` table maps each 8 KB page to the span that owns it, so
 *    an interior pointer finds its object in a few loads (rt_span_of).
 *  - Page heap: each arena has a free-page bitmap and a dirty bitmap (1 =
 *    the page may hold old data; fresh and released pages read as zero).
 *    Runs of pages are found first-fit under `heaplock`. Objects bigger
 *    than an arena get a run of fresh, contiguous arenas.
 *  - Span: a run of pages cut into `nelems` slots of one size class (or one
 *    large object, class 0). `allocbits` says which slots held live objects
 *    at the last sweep; slots below `freeindex` were handed out since.
 *    `alloccache` is the complement of one allocbits word, so the next
 *    free slot is one count-trailing-zeros away.
 *  - Pointer bits: a span of a scan class has one bit per 8-byte word
 *    (`ptrbits`), written from the type's gcdata mask when a slot is
 *    handed out (an array of the type when the size is a multiple of it).
 *    A large object keeps its type in the span. Noscan spans hold only
 *    pointer-free objects and are never scanned.
 *  - Span class = size class * 2 + noscan. Each P caches one span per span
 *    class (MCache: no lock on the fast path); a cache miss takes a span
 *    with free slots from the class's Central list, or a new span.
 *
 * Invariants:
 *  - Every page of an in-use span maps to it in its arena's `spans`;
 *    pages of free runs map to NULL and have their free bit set.
 *  - A span is in exactly one place: one P's cache, its central's
 *    `partial` (has free slots) or `full` list, the `large` list, or the
 *    free span-struct list.
 *  - heap_live counts the live bytes the last collection found plus the
 *    bytes allocated since, as of each span's last trip through a cache
 *    (a span adds what was allocated from it when it leaves the cache).
 *    Counting a cached span as fully used (gc's way) made tiny goals
 *    (GOGC=1) collect after every few allocations.
 *
 * Collections never start inside the allocator: when heap_live reaches the
 * trigger, the allocating goroutine gets a preemption request and collects
 * at its next safepoint (mgc.c), where every live pointer is in a stack map.
 *
 * Rejected: one type pointer per object (8 bytes on a 16-byte object); a
 * header word in every object (changes addresses, breaks interior-pointer
 * arithmetic); libc malloc (no object boundaries, no type information).
 */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_SHIFT 26     /* also in rt_span_of_inline (rt.h) */
#define ARENA_SIZE ((uintptr_t)1 << ARENA_SHIFT)
#define ARENA_PAGES (ARENA_SIZE / RT_PAGE_SIZE)
#define ADDR_BITS 48
#define L1_SIZE ((size_t)1 << (ADDR_BITS - ARENA_SHIFT))

uint8_t rt_zerobase[8];         /* the address of every zero-sized object */

RtClass rt_classes[RT_MAX_CLASSES];
int rt_nclasses;
static uint8_t class_small[RT_SMALL_LIMIT / 16 + 1];            /* (size + 15) / 16 */
static uint8_t class_big[RT_MAX_SMALL / 128 + 1];               /* (size + 127) / 128 */

static RtLock heaplock;
Arena **rt_arena_l1;
Arena **rt_arenas;
size_t rt_narenas;
static size_t arenacap;
static Span *freespans;         /* recycled Span structs (heaplock) */

Central rt_central[2 * RT_MAX_CLASSES];
Span *rt_large;                 /* in-use large spans (largelock) */
RtLock rt_largelock;
static MCache nopcache;         /* for allocations without a P (nopcachelock) */
static RtLock nopcachelock;

HeapStats rt_heapstats;
volatile int64_t rt_heap_live;
volatile int64_t rt_gc_trigger = INT64_MAX;

/* ----------------------------------------------------------- size classes */

/*
 * Classes step by 16 bytes up to 256, then by about 1/8 of the size
 * (multiples of 16 up to 1 KB, of 128 above, so both lookup tables are
 * exact). A class's span is the fewest pages (at most 16) that waste no
 * more than 1/8 of the span.
 */
static void init_classes(void)
{
	int n = 1;              /* class 0: large objects */
	for (size_t s = 16; s <= RT_MAX_SMALL;) {
		size_t np = 1;
		while (np < 16 && (np * RT_PAGE_SIZE) % s * 8 > np * RT_PAGE_SIZE) np++;
		RtClass *c = &rt_classes[n];
		c->size = (uint32_t)s;
		c->npages = (uint32_t)np;
		c->nelems = (uint32_t)(np * RT_PAGE_SIZE / s);
		c->divmul = (uint32_t)(((uint64_t)1 << 32) / s + 1);
		n++;
		size_t step = s < 256 ? 16 : s <= 1024 ? (s / 8) & ~(size_t)15 : (s / 8) & ~(size_t)127;
		if (s < RT_MAX_SMALL && s + step > RT_MAX_SMALL) step = RT_MAX_SMALL - s;
		s += step;
	}
	rt_nclasses = n;
	int c = 1;
	for (size_t i = 0; i <= RT_SMALL_LIMIT / 16; i++) {
		while (rt_classes[c].size < i * 16) c++;
		class_small[i] = (uint8_t)c;
	}
	c = 1;
	for (size_t i = 0; i <= RT_MAX_SMALL / 128; i++) {
		while (rt_classes[c].size < i * 128) c++;
		class_big[i] = (uint8_t)c;
	}
}

int rt_size_class(size_t size)
{
	if (size <= RT_SMALL_LIMIT) return class_small[(size + 15) / 16];
	return class_big[(size + 127) / 128];
}

/* ------------------------------------------------------------- page heap */

static inline int bit(const uint64_t *b, size_t i) { return (int)(b[i / 64] >> (i % 64) & 1); }

static void set_bits(uint64_t *b, size_t i, size_t n, int v)
{
	while (n) {
		size_t k = 64 - i % 64 < n ? 64 - i % 64 : n;
		uint64_t m = (k == 64 ? ~(uint64_t)0 : (((uint64_t)1 << k) - 1)) << (i % 64);
		if (v) b[i / 64] |= m; else b[i / 64] &= ~m;
		i += k;
		n -= k;
	}
}

static int any_bits(const uint64_t *b, size_t i, size_t n)
{
	while (n) {
		size_t k = 64 - i % 64 < n ? 64 - i % 64 : n;
		uint64_t m = (k == 64 ? ~(uint64_t)0 : (((uint64_t)1 << k) - 1)) << (i % 64);
		if (b[i / 64] & m) return 1;
		i += k;
		n -= k;
	}
	return 0;
}

/* first run of n free pages in a, or -1 */
static long find_run(const Arena *a, size_t n)
{
	size_t run = 0, start = 0;
	for (size_t i = 0; i < ARENA_PAGES;) {
		uint64_t w = a->freebits[i / 64];
		if (i % 64 == 0 && w == 0) {
			run = 0;
			i += 64;
			continue;
		}
		if (i % 64 == 0 && w == ~(uint64_t)0) {
			if (!run) start = i;
			run += 64;
			if (run >= n) return (long)start;
			i += 64;
			continue;
		}
		if (w >> (i % 64) & 1) {
			if (!run) start = i;
			if (++run == n) return (long)start;
		} else {
			run = 0;
		}
		i++;
	}
	return -1;
}

static void add_arena(Arena *a)
{
	if (rt_narenas == arenacap) {
		size_t ncap = arenacap ? 2 * arenacap : 16;
		Arena **n = realloc(rt_arenas, ncap * sizeof *n);
		if (!n) rt_throw("out of memory");
		rt_arenas = n;
		arenacap = ncap;
	}
	rt_arenas[rt_narenas++] = a;
	__atomic_store_n(&rt_arena_l1[a->base >> ARENA_SHIFT], a, __ATOMIC_RELEASE);
}

/* k fresh contiguous arenas (heaplock held, system stack); the first one */
static Arena *new_arenas(size_t k)
{
	void *p;
	size_t len = (k + 1) * ARENA_SIZE;
	if (rt_os_mmap(&p, len, 1)) return NULL;
	uintptr_t base = ((uintptr_t)p + ARENA_SIZE - 1) & ~(ARENA_SIZE - 1);
	if (base > (uintptr_t)p) rt_os_munmap(p, base - (uintptr_t)p);
	uintptr_t end = (uintptr_t)p + len;
	if (end > base + k * ARENA_SIZE) rt_os_munmap((void *)(base + k * ARENA_SIZE), end - (base + k * ARENA_SIZE));
	if ((base + k * ARENA_SIZE - 1) >> ADDR_BITS) rt_throw("heap address beyond 48 bits");
	Arena *first = NULL;
	for (size_t i = 0; i < k; i++) {
		Arena *a = calloc(1, sizeof *a);
		if (!a) rt_throw("out of memory");
		a->base = base + i * ARENA_SIZE;
		a->nfree = ARENA_PAGES;
		memset(a->freebits, 0xff, sizeof a->freebits);
		add_arena(a);
		if (!first) first = a;
	}
	rt_heapstats.sys += k * ARENA_SIZE;
	return first;
}

static Span *new_span_struct(void)
{
	Span *s = freespans;
	if (s) {
		freespans = s->next;
		memset(s, 0, sizeof *s);
	} else if (!(s = calloc(1, sizeof *s))) {
		rt_throw("out of memory");
	}
	return s;
}

/* claims [page, page+n) of a for s; returns whether any page was dirty */
static int claim(Arena *a, size_t page, size_t n, Span *s)
{
	set_bits(a->freebits, page, n, 0);
	int dirty = any_bits(a->dirty, page, n);
	set_bits(a->dirty, page, n, 1);
	a->nfree -= (uint32_t)n;
	for (size_t i = 0; i < n; i++) a->spans[page + i] = s;
	return dirty;
}

/* a span of npages (heaplock held, system stack); NULL: out of memory */
static Span *alloc_pages(size_t npages)
{
	Span *s = new_span_struct();
	s->npages = (uint32_t)npages;
	if (npages <= ARENA_PAGES) {
		for (size_t i = 0;; i++) {
			Arena *a;
			long page = -1;
			if (i < rt_narenas) {
				a = rt_arenas[i];
				if (a->nfree < npages || (page = find_run(a, npages)) < 0) continue;
			} else {
				if (!(a = new_arenas(1))) goto oom;
				page = 0;
			}
			s->base = a->base + (uintptr_t)page * RT_PAGE_SIZE;
			s->needzero = (uint8_t)claim(a, (size_t)page, npages, s);
			break;
		}
	} else {
		size_t k = (npages + ARENA_PAGES - 1) / ARENA_PAGES;
		Arena *a = new_arenas(k);
		if (!a) goto oom;
		s->base = a->base;
		size_t left = npages;
		for (uintptr_t p = a->base; left; p += ARENA_SIZE) {
			size_t n = left < ARENA_PAGES ? left : ARENA_PAGES;
			claim(rt_arena_l1[p >> ARENA_SHIFT], 0, n, s);
			left -= n;
		}
	}
	rt_heapstats.inuse += npages * RT_PAGE_SIZE;
	return s;
oom:
	s->next = freespans;
	freespans = s;
	return NULL;
}

/* gives s's pages back (heaplock held) */
static void free_pages(Span *s)
{
	size_t left = s->npages;
	for (uintptr_t p = s->base; left;) {
		Arena *a = rt_arena_l1[p >> ARENA_SHIFT];
		size_t page = (p - a->base) / RT_PAGE_SIZE;
		size_t n = ARENA_PAGES - page < left ? ARENA_PAGES - page : left;
		for (size_t i = 0; i < n; i++) a->spans[page + i] = NULL;
		set_bits(a->freebits, page, n, 1);
		a->nfree += (uint32_t)n;
		p += n * RT_PAGE_SIZE;
		left -= n;
	}
	rt_heapstats.inuse -= (uint64_t)s->npages * RT_PAGE_SIZE;
	free(s->allocbits);
	free(s->markbits);
	free(s->ptrbits);
	s->state = SPAN_FREE;
	s->next = freespans;
	freespans = s;
}

/*
 * Returns free, dirty pages to the OS until at most `keep` bytes of them
 * stay (heaplock taken; system stack). Returns the bytes released.
 */
uint64_t rt_heap_scavenge(uint64_t keep)
{
	uint64_t released = 0, dirtyfree = 0;
	rt_lock(&heaplock);
	for (size_t i = 0; i < rt_narenas; i++) {
		Arena *a = rt_arenas[i];
		for (size_t w = 0; w < ARENA_PAGES / 64; w++)
			dirtyfree += (uint64_t)__builtin_popcountll(a->freebits[w] & a->dirty[w]) * RT_PAGE_SIZE;
	}
	for (size_t i = 0; i < rt_narenas && dirtyfree > keep; i++) {
		Arena *a = rt_arenas[i];
		for (size_t p = 0; p < ARENA_PAGES && dirtyfree > keep;) {
			if (!(bit(a->freebits, p) && bit(a->dirty, p))) {
				p++;
				continue;
			}
			size_t q = p;
			while (q < ARENA_PAGES && bit(a->freebits, q) && bit(a->dirty, q)) q++;
			size_t len = (q - p) * RT_PAGE_SIZE;
			rt_os_release((void *)(a->base + p * RT_PAGE_SIZE), len);
			set_bits(a->dirty, p, q - p, 0);
			released += len;
			dirtyfree -= len < dirtyfree ? len : dirtyfree;
			p = q;
		}
	}
	rt_heapstats.released += released;
	rt_unlock(&heaplock);
	return released;
}

/* pages of the spans on `list` (linked by next) go back to the page heap */
void rt_heap_free_spans(Span *list)
{
	rt_lock(&heaplock);
	for (Span *s = list, *next; s; s = next) {
		next = s->next;
		free_pages(s);
	}
	rt_unlock(&heaplock);
}

/* ----------------------------------------------------------------- spans */

/* the span owning address p, or NULL (outside the heap, or a free page) */
Span *rt_span_of(uintptr_t p) { return rt_span_of_inline(p); }

static uint64_t *bits_alloc(size_t nbits)
{
	uint64_t *b = calloc((nbits + 63) / 64 ? (nbits + 63) / 64 : 1, 8);
	if (!b) rt_throw("out of memory");
	return b;
}

/* resets the allocation cursor after allocbits changed */
void rt_span_reset_cursor(Span *s)
{
	s->freeindex = 0;
	s->cacheidx = 0;
	s->alloccache = s->nelems ? ~s->allocbits[0] : 0;
}

/* a fresh span of span class sc (heaplock held, system stack) */
static Span *new_small_span(int sc)
{
	const RtClass *c = &rt_classes[sc >> 1];
	Span *s = alloc_pages(c->npages);
	if (!s) return NULL;
	s->cls = (uint8_t)(sc >> 1);
	s->noscan = (uint8_t)(sc & 1);
	s->elemsize = c->size;
	s->nelems = c->nelems;
	s->divmul = c->divmul;
	s->limit = s->base + (uintptr_t)c->nelems * c->size;
	s->allocbits = bits_alloc(c->nelems);
	s->markbits = bits_alloc(c->nelems);
	if (!s->noscan) s->ptrbits = bits_alloc((size_t)c->npages * RT_PAGE_SIZE / 8);
	s->state = SPAN_INUSE;
	rt_span_reset_cursor(s);
	return s;
}

/* central lists: doubly linked, the head's prev is NULL */
void rt_span_push(Span **list, Span *s)
{
	s->prev = NULL;
	s->next = *list;
	if (*list) (*list)->prev = s;
	*list = s;
}

void rt_span_remove(Span **list, Span *s)
{
	if (s->prev) s->prev->next = s->next; else *list = s->next;
	if (s->next) s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

static inline int span_full(const Span *s) { return s->nalloc >= s->nelems; }

/* a span that leaves a cache goes back to its central list; its unused slots
 * stop counting as live */
void rt_mcache_release(Span *s)
{
	Central *c = &rt_central[s->cls * 2 + s->noscan];
	rt_lock(&c->lock);
	rt_span_push(span_full(s) ? &c->full : &c->partial, s);
	rt_unlock(&c->lock);
	__atomic_fetch_add(&rt_heap_live, (int64_t)(s->nalloc - s->nalloccached) * s->elemsize, __ATOMIC_RELAXED);
}

typedef struct Refill {
	MCache *mc;
	int sc;
	int oom;
} Refill;

static void check_trigger(void)
{
	if (__atomic_load_n(&rt_heap_live, __ATOMIC_RELAXED) >= __atomic_load_n(&rt_gc_trigger, __ATOMIC_RELAXED))
		rt_gc_request();
}

/* System stack: a span with free slots for mc->alloc[sc]. */
static void refill(void *arg)
{
	Refill *r = arg;
	Span *old = r->mc->alloc[r->sc];
	if (old) rt_mcache_release(old);
	r->mc->alloc[r->sc] = NULL;
	Central *c = &rt_central[r->sc];
	rt_lock(&c->lock);
	Span *s = c->partial;
	if (s) rt_span_remove(&c->partial, s);
	rt_unlock(&c->lock);
	if (!s) {
		rt_lock(&heaplock);
		s = new_small_span(r->sc);
		rt_unlock(&heaplock);
		if (!s) {
			r->oom = 1;
			return;
		}
	}
	r->mc->alloc[r->sc] = s;
	s->nalloccached = s->nalloc;
	check_trigger();
}

typedef struct Large {
	size_t size;
	const GoType *t;
	void *p;
} Large;

static void alloc_large(void *arg)
{
	Large *l = arg;
	size_t npages = (l->size + RT_PAGE_SIZE - 1) / RT_PAGE_SIZE;
	rt_lock(&heaplock);
	Span *s = alloc_pages(npages);
	rt_unlock(&heaplock);
	if (!s) return;
	s->cls = 0;
	s->noscan = !l->t || !l->t->ptrdata;
	s->elemsize = (uint32_t)(npages * RT_PAGE_SIZE > UINT32_MAX ? 0 : npages * RT_PAGE_SIZE);
	s->nelems = 1;
	s->size = l->size;
	s->limit = s->base + l->size;
	s->type = s->noscan ? NULL : l->t;
	s->allocbits = bits_alloc(1);
	s->markbits = bits_alloc(1);
	s->allocbits[0] = 1;
	s->nalloc = 1;
	s->freeindex = 1;
	if (s->needzero) memset((void *)s->base, 0, l->size);
	s->state = SPAN_INUSE;
	rt_lock(&rt_largelock);
	rt_span_push(&rt_large, s);
	rt_unlock(&rt_largelock);
	__atomic_fetch_add(&rt_heap_live, (int64_t)l->size, __ATOMIC_RELAXED);
	__atomic_fetch_add(&rt_heapstats.nlarge, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&rt_heapstats.largebytes, l->size, __ATOMIC_RELAXED);
	l->p = (void *)s->base;
	check_trigger();
}

static RT_NORETURN void out_of_memory(size_t size)
{
	rt_print_cstr("runtime: out of memory: cannot allocate ");
	rt_printuint(size);
	rt_print_cstr("-byte block\n");
	rt_throw("out of memory");
}

/* ------------------------------------------------------------ pointer bits */

/* the pointer bits of the object at p (slot of s, `size` bytes of t) */
static void heapbits_set(Span *s, uintptr_t p, size_t size, const GoType *t)
{
	size_t w0 = (p - s->base) / 8;
	set_bits(s->ptrbits, w0, s->elemsize / 8, 0);
	size_t esz = t->size / 8, pw = t->ptrdata / 8;
	const uint8_t *mask = t->gcdata;
	for (size_t e = 0; e * t->size < size; e++) {
		size_t base = w0 + e * esz;
		for (size_t k = 0; k < pw; k++)
			if (mask[k / 8] >> (k % 8) & 1) s->ptrbits[(base + k) / 64] |= (uint64_t)1 << ((base + k) % 64);
	}
}

/* ------------------------------------------------------------- allocation */

void rt_malloc_init(void)
{
	init_classes();
	void *p;
	if (rt_os_mmap(&p, L1_SIZE * sizeof(Arena *), 1)) rt_throw("runtime: cannot reserve the arena index");
	rt_arena_l1 = p;
	rt_gc_init();
}

/* the current P's cache, or the shared one (locked) */
static MCache *mcache_get(int *locked)
{
	M *m = rt_getm();
	P *p = m ? m->p : NULL;
	if (RT_LIKELY(p != NULL)) {
		*locked = 0;
		return &p->mcache;
	}
	rt_lock(&nopcachelock);
	*locked = 1;
	return &nopcache;
}

void *rt_mallocgc(size_t size, const GoType *t)
{
	if (size == 0) return rt_zerobase;
	int noscan = !t || !t->ptrdata;
	if (size > RT_MAX_SMALL) {
		Large l = {size, t, NULL};
		rt_systemstack(alloc_large, &l);
		if (!l.p) out_of_memory(size);
		return l.p;
	}
	int sc = rt_size_class(size) * 2 + noscan;
	int locked;
	MCache *mc = mcache_get(&locked);
	Span *s = mc->alloc[sc];
	uintptr_t p = s ? rt_span_take(s) : 0;
	if (RT_UNLIKELY(!p)) {
		Refill r = {mc, sc, 0};
		rt_systemstack(refill, &r);
		if (r.oom) out_of_memory(size);
		s = mc->alloc[sc];
		p = rt_span_take(s);
	}
	mc->nmalloc++;
	mc->nbytes += s->elemsize;
	if (RT_UNLIKELY(rt_gcstress_every) && --mc->stress <= 0) {
		mc->stress = rt_gcstress_every;
		rt_gc_request();
	}
	if (s->needzero) memset((void *)p, 0, s->elemsize);
	if (!noscan) heapbits_set(s, p, size, t);
	if (locked) rt_unlock(&nopcachelock);
	return (void *)p;
}

/* Body of runtime.newobject (an RT_GOENTRY trampoline: g->sched is the
 * caller, so GOLC_GCSTRESS can walk the stack from here). */
void *rt_newobject_c(const GoType *t)
{
	if (RT_UNLIKELY(rt_gcstress))
		rt_gcstress_check(rt_getg());
	return rt_mallocgc(t->size, t);
}

/* whether slot i of s holds an object (allocated before the last sweep and
 * kept, or handed out since) */
int rt_span_allocated(const Span *s, uint32_t i)
{
	return i < s->freeindex || bit(s->allocbits, i);
}

/*
 * Classifies address p: RT_HEAP_OUTSIDE, RT_HEAP_FREE (in a heap arena, not
 * in an object) or RT_HEAP_OBJECT with the object's [start, end).
 */
int rt_heap_find(uintptr_t p, uintptr_t *start, uintptr_t *end)
{
	if (p >> ADDR_BITS || !rt_arena_l1 || !__atomic_load_n(&rt_arena_l1[p >> ARENA_SHIFT], __ATOMIC_ACQUIRE))
		return RT_HEAP_OUTSIDE;
	Span *s = rt_span_of(p);
	if (!s || s->state != SPAN_INUSE || p >= s->limit) return RT_HEAP_FREE;
	uint32_t i = rt_span_index(s, p);
	if (!rt_span_allocated(s, i)) return RT_HEAP_FREE;
	*start = s->base + (uintptr_t)i * s->elemsize;
	*end = s->cls ? *start + s->elemsize : s->limit;
	return RT_HEAP_OBJECT;
}
