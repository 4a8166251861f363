/*
 * iface.c: interface support: itabs built at run time (getitab), interface
 * equality (efaceeq), failed type assertions, and reading type descriptors
 * (names, method tables) emitted by codegen (codegen/cg_typedesc.c,
 * ../shared/stdlib/REFLECT.md).
 *
 * Descriptors hold 32-bit offsets (nameOff/typeOff/textOff) relative to the
 * rtype that contains them; they resolve as base + off (0 = none). Type
 * identity is pointer identity (descriptors are comdat-deduplicated), so
 * getitab matches a method by name bytes and by its mtyp pointer.
 *
 * getitab caches the itabs it builds in a small chained hash table (added
 * under a lock, read without one). Itabs and table entries are C memory,
 * never freed, like gc's persistentalloc'd itabs: generated code keeps an
 * interface's itab word outside the GC pointers (addrspace(0)), so an itab
 * must not be a heap object. Their type words are roots (rt_iface_roots):
 * a type reflect made at run time lives in the heap. The itab for a pair
 * may differ from a static one codegen emitted, so codegen compares dynamic
 * types, never itab pointers.
 *
 * These bodies run on goroutine segments (RT_GOENTRY trampolines): small
 * frames, no libc; panics switch to the system stack in panic.c.
 */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

#include <stdbool.h>

/* ---------------------------------------------------------------- names */

static const uint8_t *name_bytes(const uint8_t *n, intptr_t *len)
{
	intptr_t l = 0;
	int shift = 0, i = 1;
	for (;; i++) {
		uint8_t b = n[i];
		l |= (intptr_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80)) break;
	}
	*len = l;
	return n + i + 1;
}

/* the bytes of a `name:` (flag byte, uvarint length, bytes) */
GoString rt_namestring(const uint8_t *n)
{
	GoString s;
	s.p = name_bytes(n, &s.n);
	return s;
}

static const void *resolve(const void *base, int32_t off) { return off ? (const uint8_t *)base + off : NULL; }

GoString rt_typestring(const GoType *t)
{
	GoString s = {(const uint8_t *)"?", 1};
	if (!t || !t->str) return s;
	s.p = name_bytes(resolve(t, t->str), &s.n);
	return s;
}

void rt_printtypestring(const GoType *t)
{
	GoString s = rt_typestring(t);
	rt_printstring(s.p, s.n);
}

/* t's uncommonType (it follows the kind-specific struct), or NULL */
const Uncommon *rt_type_uncommon(const GoType *t)
{
	if (!(t->tflag & 1)) return NULL;
	uintptr_t ext;
	switch (t->kind & GO_KIND_MASK) {
	case GO_KIND_POINTER: case GO_KIND_SLICE: case GO_KIND_FUNC: ext = 56; break;
	case GO_KIND_ARRAY: ext = 72; break;
	case GO_KIND_CHAN: ext = 64; break;
	case GO_KIND_MAP: ext = 88; break;
	case GO_KIND_INTERFACE: case GO_KIND_STRUCT: ext = 80; break;
	default: ext = 48; break;
	}
	return (const Uncommon *)((const uint8_t *)t + ext);
}

typedef struct Itab {
	const GoType *inter;
	const GoType *type;
	uint32_t hash;
	uint8_t pad[4];
	void *fun[];
} Itab;

static const IfaceExt *iface_ext(const GoType *t) { return (const IfaceExt *)((const uint8_t *)t + 48); }

static bool name_eq(const uint8_t *a, const uint8_t *b)
{
	intptr_t la, lb;
	const uint8_t *pa = name_bytes(a, &la), *pb = name_bytes(b, &lb);
	if (la != lb) return false;
	for (intptr_t i = 0; i < la; i++)
		if (pa[i] != pb[i]) return false;
	return true;
}

/* ---------------------------------------------------------------- getitab */

#define NBUCKETS 256
typedef struct Entry { struct Entry *next; Itab *tab; } Entry;
static Entry *cache[NBUCKETS];   /* entries are added under cachelock, never removed */
static RtLock cachelock;

RT_NORETURN static void assert_fail(const GoType *have, const GoType *want, const GoType *iface, const uint8_t *missing)
{
	rt_panicassert_c(have, want, iface, missing);
}

/* t's methods for inter's, in order, into fun (NULL: only check); returns
 * the name of the first method t lacks, or NULL */
static const uint8_t *match_methods(const GoType *inter, const GoType *t, void **fun)
{
	const IfaceExt *ie = iface_ext(inter);
	const Uncommon *u = rt_type_uncommon(t);
	const Method *ms = u ? (const Method *)((const uint8_t *)u + u->moff) : NULL;
	int nm = u ? u->mcount : 0, k = 0;
	for (intptr_t i = 0; i < ie->len; i++) {
		const uint8_t *iname = resolve(inter, ie->m[i].name);
		const void *ityp = resolve(inter, ie->m[i].typ);
		void *fn = NULL;
		for (; k < nm; k++) {
			const uint8_t *mname = resolve(t, ms[k].name);
			if (name_eq(mname, iname)) {
				if (resolve(t, ms[k].mtyp) == ityp) fn = (void *)resolve(t, ms[k].ifn);
				k++;
				break;
			}
		}
		if (!fn) return iname;
		if (fun) fun[i] = fn;
	}
	return NULL;
}

typedef struct {
	size_t size;
	void *p;
} PersistReq;

static void persist_sys(void *arg)
{
	PersistReq *q = arg;
	if (q->size) {
		q->p = calloc(1, q->size);
		if (!q->p) rt_throw("out of memory allocating an itab");
	} else {
		free(q->p);
	}
}

/* zeroed C memory for the cache (libc runs on the system stack) */
static void *persist_alloc(size_t size)
{
	PersistReq q = {size, NULL};
	rt_systemstack(persist_sys, &q);
	return q.p;
}

static void persist_free(void *p)
{
	PersistReq q = {0, p};
	rt_systemstack(persist_sys, &q);
}

/* the itab of (inter, t), or NULL (canfail) / a panic when t lacks a method */
Itab *rt_getitab_c(const GoType *inter, const GoType *t, int8_t canfail)
{
	if (!t) {
		if (canfail) return NULL;
		assert_fail(NULL, inter, NULL, NULL);
	}
	uintptr_t h = (((uintptr_t)inter >> 3) ^ ((uintptr_t)t >> 3) * 31) % NBUCKETS;
	for (Entry *e = __atomic_load_n(&cache[h], __ATOMIC_ACQUIRE); e; e = e->next)
		if (e->tab->inter == inter && e->tab->type == t) return e->tab;
	/* check first: only a complete itab is allocated (and kept for good) */
	const uint8_t *missing = match_methods(inter, t, NULL);
	if (missing) {
		if (canfail) return NULL;
		assert_fail(t, inter, NULL, missing);
	}
	intptr_t ni = iface_ext(inter)->len;
	Itab *tab = persist_alloc(sizeof(Itab) + sizeof(void *) * (ni ? ni : 1));
	match_methods(inter, t, tab->fun);
	tab->inter = inter;
	tab->type = t;
	tab->hash = t->hash;
	Entry *e = persist_alloc(sizeof(Entry));
	e->tab = tab;
	rt_lock(&cachelock);
	for (Entry *o = cache[h]; o; o = o->next)
		if (o->tab->inter == inter && o->tab->type == t) {     /* another thread was first */
			rt_unlock(&cachelock);
			persist_free(tab);
			persist_free(e);
			return o->tab;
		}
	e->next = cache[h];
	__atomic_store_n(&cache[h], e, __ATOMIC_RELEASE);
	rt_unlock(&cachelock);
	return tab;
}

/* the collector's view (world stopped): every cached itab's two type words */
void rt_iface_roots(RootVisitor fn, void *arg)
{
	for (int h = 0; h < NBUCKETS; h++)
		for (Entry *e = __atomic_load_n(&cache[h], __ATOMIC_ACQUIRE); e; e = e->next) {
			fn((uintptr_t *)&e->tab->inter, (uintptr_t *)&e->tab->inter, arg);
			fn((uintptr_t *)&e->tab->type, (uintptr_t *)&e->tab->type, arg);
		}
}

/* ---------------------------------------------------------------- equality */

static bool equal_mem(const GoType *t, const void *p, const void *q);
static bool equal_aggregate(const GoType *t, const void *p, const void *q);

/* interface values {type or itab, data} with the dynamic types resolved */
static bool efaceeq(const GoType *t, void *x, void *y)
{
	if (!t) return true;
	if (!t->equal) rt_panicuncomparable_c(t);
	if (t->kind & GO_KIND_DIRECT_IFACE) return x == y;
	return equal_mem(t, x, y);
}

/*
 * Arrays and structs compare as gc's generated equality does (and as
 * codegen's inline == does, cg_expr.c aggregate_eq): their leaves (fields
 * and elements, recursively) in order, stopping at the first difference,
 * in groups separated by the leaves that can panic (interfaces, compared
 * in place); inside a group the cheap comparisons come first and string
 * bytes last. A walk visits the leaves numbered [lo, hi) in one mode:
 */
enum { LEAF_COUNT, LEAF_CHEAP, LEAF_BYTES, LEAF_FIND };

typedef struct LeafWalk {
	int mode;
	uintptr_t idx, lo, hi;  /* leaf counter, range */
	uintptr_t found;        /* LEAF_FIND: first leaf >= lo that can panic */
	bool ne;                /* a difference was seen */
} LeafWalk;

static bool can_panic(const GoType *t)
{
	switch (t->kind & GO_KIND_MASK) {
	case GO_KIND_INTERFACE: return true;
	case GO_KIND_ARRAY: {
		uintptr_t n;
		const GoType *e = rt_array_elem(t, &n);
		return n && can_panic(e);
	}
	case GO_KIND_STRUCT: {
		const StructExt *se = (const StructExt *)((const uint8_t *)t + 48);
		for (intptr_t i = 0; i < se->len; i++)
			if (can_panic(se->f[i].typ)) return true;
		return false;
	}
	default: return false;
	}
}

/* returns false to stop the walk */
static bool walk_leaves(LeafWalk *w, const GoType *t, const uint8_t *p, const uint8_t *q)
{
	int k = t->kind & GO_KIND_MASK;
	if (k == GO_KIND_ARRAY) {
		uintptr_t n;
		const GoType *e = rt_array_elem(t, &n);
		for (uintptr_t i = 0; i < n; i++)
			if (!walk_leaves(w, e, p + i * e->size, q + i * e->size)) return false;
		return true;
	}
	if (k == GO_KIND_STRUCT) {
		const StructExt *se = (const StructExt *)((const uint8_t *)t + 48);
		for (intptr_t i = 0; i < se->len; i++) {
			const SField *f = &se->f[i];
			intptr_t nl;
			const uint8_t *nb = name_bytes(f->name, &nl);
			if (nl == 1 && nb[0] == '_') continue;
			if (!walk_leaves(w, f->typ, p + f->off, q + f->off)) return false;
		}
		return true;
	}
	uintptr_t i = w->idx++;
	if (w->mode == LEAF_COUNT) return true;
	if (w->mode == LEAF_FIND) {
		if (i >= w->lo && k == GO_KIND_INTERFACE) {
			w->found = i;
			return false;
		}
		return true;
	}
	if (i < w->lo) return true;
	if (i >= w->hi) return false;
	bool eq;
	if (k == GO_KIND_STRING) {
		const GoString *a = (const GoString *)p, *b = (const GoString *)q;
		eq = w->mode == LEAF_CHEAP ? a->n == b->n : (a->n == 0 || memcmp(a->p, b->p, (size_t)a->n) == 0);
	} else if (w->mode == LEAF_BYTES) {
		return true;
	} else {
		eq = equal_mem(t, p, q);        /* scalars, and interfaces when hi - lo == 1 */
	}
	if (!eq) w->ne = true;
	return eq;
}

static bool equal_aggregate(const GoType *t, const void *p, const void *q)
{
	LeafWalk w = {.mode = LEAF_COUNT};
	walk_leaves(&w, t, p, q);
	uintptr_t n = w.idx;
	bool panics = can_panic(t);
	for (uintptr_t start = 0; start <= n;) {
		uintptr_t stop = n;
		if (panics) {
			w = (LeafWalk){.mode = LEAF_FIND, .lo = start, .found = n};
			walk_leaves(&w, t, p, q);
			stop = w.found;
		}
		for (int mode = LEAF_CHEAP; mode <= LEAF_BYTES && start < stop; mode++) {
			w = (LeafWalk){.mode = mode, .lo = start, .hi = stop};
			walk_leaves(&w, t, p, q);
			if (w.ne) return false;
		}
		if (stop < n) {         /* the interface leaf, in place */
			w = (LeafWalk){.mode = LEAF_CHEAP, .lo = stop, .hi = stop + 1};
			walk_leaves(&w, t, p, q);
			if (w.ne) return false;
		}
		start = stop + 1;
	}
	return true;
}

static bool equal_mem(const GoType *t, const void *p, const void *q)
{
	switch (t->kind & GO_KIND_MASK) {
	case GO_KIND_FLOAT32: return *(const float *)p == *(const float *)q;
	case GO_KIND_FLOAT64: return *(const double *)p == *(const double *)q;
	case GO_KIND_COMPLEX64:
		return ((const float *)p)[0] == ((const float *)q)[0] && ((const float *)p)[1] == ((const float *)q)[1];
	case GO_KIND_COMPLEX128:
		return ((const double *)p)[0] == ((const double *)q)[0] && ((const double *)p)[1] == ((const double *)q)[1];
	case GO_KIND_STRING: {
		const GoString *a = p, *b = q;
		if (a->n != b->n) return false;
		for (intptr_t i = 0; i < a->n; i++)
			if (a->p[i] != b->p[i]) return false;
		return true;
	}
	case GO_KIND_INTERFACE: {
		void *const *a = p, *const *b = q;
		const GoType *ta = a[0], *tb = b[0];
		if (iface_ext(t)->len) {
			ta = ta ? ((const Itab *)ta)->type : NULL;
			tb = tb ? ((const Itab *)tb)->type : NULL;
		}
		if (ta != tb) return false;
		return efaceeq(ta, a[1], b[1]);
	}
	case GO_KIND_ARRAY:
	case GO_KIND_STRUCT:
		return equal_aggregate(t, p, q);
	default: {
		const uint8_t *a = p, *b = q;
		for (uintptr_t i = 0; i < t->size; i++)
			if (a[i] != b[i]) return false;
		return true;
	}
	}
}

/* x == y for interface values of the same dynamic type t */
int8_t rt_efaceeq_c(const GoType *t, void *x, void *y) { return efaceeq(t, x, y); }

/* type walks for map.c's hashing of interface keys */
const GoType *rt_itab_type(const void *itab) { return itab ? ((const Itab *)itab)->type : NULL; }

const GoType *rt_array_elem(const GoType *t, uintptr_t *len)
{
	*len = *(const uintptr_t *)((const uint8_t *)t + 64);
	return *(const GoType *const *)((const uint8_t *)t + 48);
}

/* field i of struct type t: its type and offset; NULL for a blank field */
const GoType *rt_struct_field(const GoType *t, intptr_t i, uintptr_t *off)
{
	const StructExt *se = (const StructExt *)((const uint8_t *)t + 48);
	if (i >= se->len) return NULL;
	intptr_t nl;
	const uint8_t *nb = name_bytes(se->f[i].name, &nl);
	*off = se->f[i].off;
	return nl == 1 && nb[0] == '_' ? NULL : se->f[i].typ;
}

intptr_t rt_struct_nfields(const GoType *t) { return ((const StructExt *)((const uint8_t *)t + 48))->len; }

bool rt_iface_has_methods(const GoType *t) { return iface_ext(t)->len != 0; }

/* t.equal's code pointer: never called from Go yet (reflect will) */
void rt_golcequal(void) __asm__("runtime.golcequal");
void rt_golcequal(void) { rt_throw("runtime.golcequal called"); }
