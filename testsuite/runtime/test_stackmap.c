/* test_stackmap.c: the v3 stack-map parser (stackmap.c).
 * Linked with sm_input.o (sm_input.ll through RS4GC + llc-19) and
 * stackmaps.ld, so the section holds a real table; synthetic tables built
 * here check exact field decoding, concatenation, deopt skipping and errors. */
#include "rt.h"
#include "testhelper.h"

#include <stdlib.h>
#include <string.h>

void sm_none(void);
long sm_two(void *, void *);
long sm_derived(void *);
void *sm_alloc(void);

/* callees of sm_input.ll (never called) */
void ext(void);
void *alloc(void);
void ext(void) {}
void *alloc(void) { return NULL; }

/* a little-endian table writer */
typedef struct {
	uint8_t b[1024];
	size_t n;
} Buf;

static void put(Buf *w, uint64_t v, int size)
{
	memcpy(w->b + w->n, &v, (size_t)size);
	w->n += (size_t)size;
}

static void pad8(Buf *w)
{
	while (w->n % 8)
		w->b[w->n++] = 0;
}

static void loc(Buf *w, uint8_t kind, uint16_t reg, int32_t off)
{
	put(w, kind, 1), put(w, 0, 1), put(w, 8, 2), put(w, reg, 2), put(w, 0, 2), put(w, (uint32_t)off, 4);
}

static void header(Buf *w, uint32_t nf, uint32_t nc, uint32_t nr)
{
	put(w, 3, 1), put(w, 0, 1), put(w, 0, 2), put(w, nf, 4), put(w, nc, 4), put(w, nr, 4);
}

static void record_end(Buf *w)
{
	pad8(w);
	put(w, 0, 2), put(w, 0, 2);     /* padding, no live-outs */
	pad8(w);
}

/* table 1: one function, one constant, two records; table 2: a deopt operand */
static size_t build(Buf *w)
{
	memset(w, 0, sizeof *w);
	header(w, 1, 1, 2);
	put(w, 0x1000, 8), put(w, 48, 8), put(w, 2, 8);
	put(w, 0x1234, 8);
	put(w, 7, 8), put(w, 0x10, 4), put(w, 0, 2), put(w, 5, 2);
	loc(w, SL_CONSTANT, 0, 0), loc(w, SL_CONSTANT, 0, 0), loc(w, SL_CONSTANT, 0, 0);
	loc(w, SL_INDIRECT, 7, 8), loc(w, SL_INDIRECT, 7, 16);
	record_end(w);
	put(w, 9, 8), put(w, 0x20, 4), put(w, 0, 2), put(w, 3, 2);
	loc(w, SL_CONSTANT, 0, 0), loc(w, SL_CONSTANT, 0, 0), loc(w, SL_CONSTANT, 0, 0);
	record_end(w);
	size_t first = w->n;
	header(w, 1, 0, 1);
	put(w, 0x2000, 8), put(w, 16, 8), put(w, 1, 8);
	put(w, 11, 8), put(w, 0x4, 4), put(w, 0, 2), put(w, 6, 2);
	loc(w, SL_CONSTANT, 0, 0), loc(w, SL_CONSTANT, 0, 0), loc(w, SL_CONSTANT, 0, 1);
	loc(w, SL_CONSTANT, 0, 99), loc(w, SL_INDIRECT, 7, 24), loc(w, SL_INDIRECT, 7, 32);
	record_end(w);
	return first;
}

/* a record of sm_input.ll's functions (not of runtime.o's) */
static int ours(const StackRecord *r)
{
	return r->fn == (uintptr_t)sm_none || r->fn == (uintptr_t)sm_two || r->fn == (uintptr_t)sm_derived ||
	       r->fn == (uintptr_t)sm_alloc;
}

static const StackRecord *by_id(size_t from, uint64_t id)
{
	for (size_t i = from; i < rt_nrecords; i++)
		if (rt_records[i].id == id && (from > 0 || ours(&rt_records[i])))
			return &rt_records[i];
	return NULL;
}

int main(void)
{
	rt_stackmap_init();
	/* runtime.o (the runtime's Go part, in every link) brings its own
	 * records: run.sh passes their counts */
	const char *gr = getenv("GORT_RECORDS"), *gf = getenv("GORT_FUNCS");
	size_t linked = rt_nrecords, extra_rec = gr ? strtoul(gr, NULL, 10) : 0, extra_fn = gf ? strtoul(gf, NULL, 10) : 0;
	CHECK("stackmap: linked section has 5 records in 4 functions (+ runtime.o's)",
	      linked == 5 + extra_rec && rt_nsmfuncs == 4 + extra_fn);
	CHECK_BODY("stackmap: IDs, functions and roots of the linked records")
	{
		const StackRecord *a = by_id(0, 101), *b = by_id(0, 102), *c = by_id(0, 103);
		const StackRecord *d = by_id(0, 104), *e = by_id(0, 105);
		result = a && b && c && d && e;
		result = result && a->fn == (uintptr_t)sm_none && a->nroots == 0 && a->nloc == 3;
		result = result && b->fn == (uintptr_t)sm_two && b->nroots == 2;
		result = result && c->fn == (uintptr_t)sm_derived && c->nroots == 1;
		result = result && d->fn == (uintptr_t)sm_alloc && d->nroots == 0;
		result = result && e->fn == (uintptr_t)sm_alloc && e->nroots == 1;
		for (size_t i = 0; result && i < linked; i++) {
			const StackRecord *r = &rt_records[i];
			if (!ours(r)) continue;
			result = r->ra == r->fn + r->off && r->off > 0 && r->off < 256;
			for (unsigned k = 0; k < 2u * r->nroots; k++)
				result = result && r->roots[k].kind == SL_INDIRECT;
		}
	}
	CHECK_BODY("stackmap: lookup by return address")
	{
		for (size_t i = 0; i < linked; i++)
			result = result && rt_stackmap_lookup(rt_records[i].ra) == &rt_records[i];
		result = result && !rt_stackmap_lookup((uintptr_t)sm_none) && !rt_stackmap_lookup(1);
	}

	Buf w;
	size_t second = build(&w);
	const char *err = NULL;
	size_t base = rt_nrecords;
	CHECK("stackmap: synthetic tables parse", rt_stackmap_parse(w.b, w.b + w.n, &err) == 0 && rt_nrecords == base + 3);
	CHECK_BODY("stackmap: synthetic fields decode exactly")
	{
		const StackRecord *r7 = by_id(base, 7), *r9 = by_id(base, 9), *r11 = by_id(base, 11);
		result = r7 && r9 && r11;
		result = result && r7->fn == 0x1000 && r7->off == 0x10 && r7->ra == 0x1010 && r7->stacksize == 48;
		result = result && r7->nloc == 5 && r7->nroots == 1 && r7->roots[0].off == 8 && r7->roots[1].off == 16;
		result = result && r9->ra == 0x1020 && r9->nroots == 0 && r9->nloc == 3;
		/* table 2 (concatenated): one deopt operand is skipped */
		result = result && r11->fn == 0x2000 && r11->stacksize == 16 && r11->nloc == 6;
		result = result && r11->nroots == 1 && r11->roots[0].off == 24 && r11->roots[1].off == 32;
	}
	CHECK_BODY("stackmap: a bad version is rejected")
	{
		Buf v = w;
		v.b[0] = 2;
		result = rt_stackmap_parse(v.b, v.b + v.n, &err) == -1 && !strcmp(err, "unsupported stack map version");
	}
	CHECK_BODY("stackmap: a truncated table is rejected")
	{
		result = rt_stackmap_parse(w.b, w.b + second - 20, &err) == -1 && strstr(err, "truncated");
	}
	CHECK_BODY("stackmap: a record count mismatch is rejected")
	{
		Buf v = w;
		v.b[12] = 3;    /* header says 3 records, functions hold 2 */
		result = rt_stackmap_parse(v.b, v.b + second, &err) == -1 && strstr(err, "mismatch");
	}
	return print_test_summary();
}
