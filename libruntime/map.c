/*
 * map.c: Go maps: an open-addressing hash table with linear probing.
 *
 * Layout (all through rt_mallocgc, typed, so the collector sees every pointer):
 *   HMap  {count, seed, cap, used, ctrl*, keys*, vals*, desc*}  hmap_type
 *   ctrl  cap bytes (noscan): 0 empty, 1 deleted (tombstone), 0x80|h7 full
 *   keys  cap keys   (an array of desc->key: scanned iff the key has pointers)
 *   vals  cap values (an array of desc->elem)
 *   Iter  {m*, ctrl*, keys*, vals*, cap, start, i}               hiter_type
 * (desc is static, or C memory for reflect's run-time map types: not traced.)
 * A nil map is a NULL HMap*; `count` is the first word (codegen reads len(m)
 * from it). The key's hashing and equality follow GoMapDesc.alg, a list of
 * (offset, kind) scalars codegen derives from the key type: blank fields and
 * padding are skipped, floats compare as floats (NaN != NaN, +0 == -0, every
 * NaN hashes differently), strings by content.
 *
 * Invariants:
 *  - cap is 0 (no arrays yet) or a power of two >= 8; used = full + deleted
 *    slots; used * 4 <= cap * 3 after every insertion (so probes end).
 *  - A slot never moves while the arrays live: delete leaves a tombstone.
 *    Growth allocates new arrays and reinserts; the old ones stay intact.
 *  - An iterator walks a snapshot of {ctrl, keys, vals} from a random start.
 *    While m still uses the snapshot's arrays, slots are read directly
 *    (deletions show as tombstones, updates in place). After a growth, each
 *    snapshot key is looked up in m again: deleted keys are skipped and the
 *    current value is produced, as the Go spec allows. Entries added during
 *    the iteration may or may not be produced.
 *
 * Entry points (all RT_GOENTRY trampolines, called as statepoints):
 * runtime.makemap, runtime.mapassign, runtime.mapiterinit allocate (and
 * GOLC_GCSTRESS checks there); runtime.mapaccess, runtime.mapdelete and
 * runtime.mapiternext never allocate but may panic while hashing an
 * interface key, so the traceback needs g->sched too.
 * Rejected: gc's bucket layout (8-slot buckets, overflow chains, incremental
 * evacuation): more code for the same observable behaviour; incremental
 * growth can come back if pause times matter.
 */
#include "rt.h"

struct HMap {
	intptr_t count;
	uint64_t seed;
	uintptr_t cap, used;
	uint8_t *ctrl;
	uint8_t *keys;
	uint8_t *vals;
	const GoMapDesc *md;
};

typedef struct Iter Iter;
struct Iter {
	HMap *m;
	uint8_t *ctrl, *keys, *vals;
	uintptr_t cap, start, i;
};

static const GoType hmap_type = RT_GCTYPE(sizeof(HMap) / 8, 0x70);    /* ctrl, keys, vals */
static const GoType hiter_type = RT_GCTYPE(sizeof(Iter) / 8, 0x0F);   /* m, ctrl, keys, vals */
_Static_assert(offsetof(HMap, ctrl) == 32 && offsetof(HMap, vals) == 48, "HMap mask");
_Static_assert(offsetof(Iter, vals) == 24, "Iter mask");

typedef KVPair KV;

enum { EMPTY = 0, DELETED = 1, FULL = 0x80 };

static uint64_t randstate;      /* before the scheduler runs (unit tests) */

uint32_t rt_fastrandn(uint32_t n) { return (uint32_t)(((uint64_t)(uint32_t)rt_fastrand() * n) >> 32); }

/* per M, as gc's fastrand */
uint64_t rt_fastrand(void)
{
	M *m = rt_getm();
	uint64_t *state = m ? &m->fastrand : &randstate;
	uint64_t x = *state;
	if (x == 0) {
		uint64_t t;
#if defined(__x86_64__)
		uint32_t lo, hi;
		__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
		t = (uint64_t)hi << 32 | lo;
#else
		__asm__ volatile("mrs %0, cntvct_el0" : "=r"(t));
#endif
		x = t ^ (uintptr_t)&t ^ 0x9E3779B97F4A7C15ull;
		if (x == 0)
			x = 1;
	}
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 29);
}

/*
 * Interface keys {type or itab, data}: the dynamic value hashes by walking
 * its descriptor (scalars as the GO_MAPALG_* programs hash them, strings,
 * arrays and structs field by field, nested interfaces by their dynamic
 * value) and compares as == does (rt_efaceeq_c). A dynamic type without an
 * equal function panics as gc's "hash of unhashable type T". Descriptors are
 * unique per type (linkonce_odr), so equal types have equal descriptor
 * pointers.
 */
static uint64_t hash(const GoMapDesc *md, const uint8_t *k, uint64_t seed);
static int equal(const GoMapDesc *md, const uint8_t *a, const uint8_t *b);
static uint64_t hash_scalar(uint32_t alg, const uint8_t *p, uint64_t h);
static uint64_t hash_dynamic(const GoType *t, void *word, uint64_t h);

/* the value of type t at p */
static uint64_t hash_typed(const GoType *t, const uint8_t *p, uint64_t h);

/* reflect.typehash: the hash of a value of type t at p */
uint64_t rt_typehash(const GoType *t, const void *p, uint64_t seed) { return hash_typed(t, p, seed); }

static uint64_t hash_typed(const GoType *t, const uint8_t *p, uint64_t h)
{
	switch (t->kind & GO_KIND_MASK) {
	case GO_KIND_BOOL: case GO_KIND_INT8: case GO_KIND_UINT8: return hash_scalar(GO_MAPALG_MEM1, p, h);
	case GO_KIND_INT16: case GO_KIND_UINT16: return hash_scalar(GO_MAPALG_MEM2, p, h);
	case GO_KIND_INT32: case GO_KIND_UINT32: return hash_scalar(GO_MAPALG_MEM4, p, h);
	case GO_KIND_FLOAT32: return hash_scalar(GO_MAPALG_F32, p, h);
	case GO_KIND_FLOAT64: return hash_scalar(GO_MAPALG_F64, p, h);
	case GO_KIND_COMPLEX64: return hash_scalar(GO_MAPALG_F32, p + 4, hash_scalar(GO_MAPALG_F32, p, h));
	case GO_KIND_COMPLEX128: return hash_scalar(GO_MAPALG_F64, p + 8, hash_scalar(GO_MAPALG_F64, p, h));
	case GO_KIND_STRING: return hash_scalar(GO_MAPALG_STRING, p, h);
	case GO_KIND_INTERFACE: {
		void *const *w = (void *const *)p;
		const GoType *dt = rt_iface_has_methods(t) ? rt_itab_type(w[0]) : w[0];
		return hash_dynamic(dt, w[1], h);
	}
	case GO_KIND_ARRAY: {
		uintptr_t n;
		const GoType *e = rt_array_elem(t, &n);
		for (uintptr_t i = 0; i < n; i++)
			h = hash_typed(e, p + i * e->size, h);
		return h;
	}
	case GO_KIND_STRUCT:
		for (intptr_t i = 0, n = rt_struct_nfields(t); i < n; i++) {
			uintptr_t off;
			const GoType *ft = rt_struct_field(t, i, &off);
			if (ft)
				h = hash_typed(ft, p + off, h);
		}
		return h;
	default:        /* ints, pointers, channels: the word */
		return hash_scalar(GO_MAPALG_MEM8, p, h);
	}
}

/* an interface's dynamic value: type t (NULL: nil), data word */
static uint64_t hash_dynamic(const GoType *t, void *word, uint64_t h)
{
	if (!t)
		return h * 31 + 7;
	if (!t->equal)
		rt_panicunhashable(t);
	const uint8_t *v = (t->kind & GO_KIND_DIRECT_IFACE) ? (const uint8_t *)&word : (const uint8_t *)word;
	return hash_typed(t, v, h ^ t->hash);
}

static uint64_t hash_iface(const uint8_t *p, uint64_t h, int itab)
{
	void *const *w = (void *const *)p;
	return hash_dynamic(itab ? rt_itab_type(w[0]) : w[0], w[1], h);
}

static int equal_iface(const uint8_t *p, const uint8_t *q, int itab)
{
	void *const *a = (void *const *)p, *const *b = (void *const *)q;
	const GoType *t = itab ? rt_itab_type(a[0]) : a[0], *u = itab ? rt_itab_type(b[0]) : b[0];
	return t == u && rt_efaceeq_c(t, a[1], b[1]);
}

static uint64_t hash_scalar(uint32_t alg, const uint8_t *p, uint64_t h)
{
	switch (alg) {
	case GO_MAPALG_MEM1: return mix(h, *p);
	case GO_MAPALG_MEM2: return mix(h, *(const uint16_t *)p);
	case GO_MAPALG_MEM4: return mix(h, *(const uint32_t *)p);
	case GO_MAPALG_MEM8: return mix(h, *(const uint64_t *)p);
	case GO_MAPALG_STRING: {
		const GoString *s = (const GoString *)p;
		uint64_t x = 0xCBF29CE484222325ull;
		for (intptr_t j = 0; j < s->n; j++)
			x = (x ^ s->p[j]) * 0x100000001B3ull;
		return mix(h, x ^ (uint64_t)s->n);
	}
	case GO_MAPALG_F32: {
		float f = *(const float *)p;
		if (f != f)
			return mix(h, rt_fastrand());
		return mix(h, f != 0 ? *(const uint32_t *)p : 0);
	}
	case GO_MAPALG_F64: {
		double f = *(const double *)p;
		if (f != f)
			return mix(h, rt_fastrand());
		return mix(h, f != 0 ? *(const uint64_t *)p : 0);
	}
	case GO_MAPALG_IFACE: return hash_iface(p, h, 0);
	case GO_MAPALG_ITAB: return hash_iface(p, h, 1);
	}
	rt_throw("map: bad key program");
}

static uint64_t hash(const GoMapDesc *md, const uint8_t *k, uint64_t seed)
{
	uint64_t h = seed;
	for (uint32_t i = 0; i < md->nalg; i++)
		h = hash_scalar(md->alg[i] & 0xFF, k + (md->alg[i] >> 8), h);
	return mix(h, 0x51);
}

static int equal(const GoMapDesc *md, const uint8_t *a, const uint8_t *b)
{
	for (uint32_t i = 0; i < md->nalg; i++) {
		uint32_t off = md->alg[i] >> 8;
		const uint8_t *p = a + off, *q = b + off;
		switch (md->alg[i] & 0xFF) {
		case GO_MAPALG_MEM1: if (*p != *q) return 0; break;
		case GO_MAPALG_MEM2: if (*(const uint16_t *)p != *(const uint16_t *)q) return 0; break;
		case GO_MAPALG_MEM4: if (*(const uint32_t *)p != *(const uint32_t *)q) return 0; break;
		case GO_MAPALG_MEM8: if (*(const uint64_t *)p != *(const uint64_t *)q) return 0; break;
		case GO_MAPALG_STRING: {
			const GoString *s = (const GoString *)p, *t = (const GoString *)q;
			if (!rt_eqstring(s->p, s->n, t->p, t->n))
				return 0;
			break;
		}
		case GO_MAPALG_F32: if (*(const float *)p != *(const float *)q) return 0; break;
		case GO_MAPALG_F64: if (*(const double *)p != *(const double *)q) return 0; break;
		case GO_MAPALG_IFACE: if (!equal_iface(p, q, 0)) return 0; break;
		case GO_MAPALG_ITAB: if (!equal_iface(p, q, 1)) return 0; break;
		default: rt_panic_error("comparing uncomparable type", 1);
		}
	}
	return 1;
}

static void copy_bytes(uint8_t *d, const uint8_t *s, uintptr_t n)
{
	for (uintptr_t i = 0; i < n; i++)
		d[i] = s[i];
}

static void *alloc_array(const GoType *t, uintptr_t n)
{
	return rt_mallocgc(t->size * n, t);
}

/* the slot holding key k, or -1 */
static intptr_t find(HMap *m, const uint8_t *k, uint64_t h)
{
	if (!m || m->count == 0)
		return -1;
	const GoMapDesc *md = m->md;
	uintptr_t mask = m->cap - 1, i = h & mask;
	uint8_t tag = FULL | (uint8_t)(h >> 57);
	for (;;) {
		uint8_t c = m->ctrl[i];
		if (c == EMPTY)
			return -1;
		if (c == tag && equal(md, m->keys + i * md->keysize, k))
			return (intptr_t)i;
		i = (i + 1) & mask;
	}
}

/* a free slot for hash h (the table has room) */
static uintptr_t free_slot(HMap *m, uint64_t h)
{
	uintptr_t mask = m->cap - 1, i = h & mask;
	while (m->ctrl[i] & FULL)
		i = (i + 1) & mask;
	return i;
}

static void resize(HMap *m, uintptr_t ncap)
{
	const GoMapDesc *md = m->md;
	uint8_t *octrl = m->ctrl, *okeys = m->keys, *ovals = m->vals;
	uintptr_t ocap = m->cap;
	m->ctrl = rt_mallocgc(ncap, NULL);
	m->keys = alloc_array(md->key, ncap);
	m->vals = alloc_array(md->elem, ncap);
	m->cap = ncap;
	m->used = m->count;
	for (uintptr_t i = 0; i < ocap; i++) {
		if (!(octrl[i] & FULL))
			continue;
		const uint8_t *k = okeys + i * md->keysize;
		uint64_t h = hash(md, k, m->seed);
		uintptr_t j = free_slot(m, h);
		m->ctrl[j] = FULL | (uint8_t)(h >> 57);
		copy_bytes(m->keys + j * md->keysize, k, md->keysize);
		copy_bytes(m->vals + j * md->elemsize, ovals + i * md->elemsize, md->elemsize);
	}
}

HMap *rt_makemap_c(const GoMapDesc *md, intptr_t hint)
{
	if (RT_UNLIKELY(rt_gcstress))
		rt_gcstress_check(rt_getg());
	/* gc treats a negative (or huge) hint as no hint */
	HMap *m = rt_mallocgc(sizeof(HMap), &hmap_type);
	m->md = md;
	m->seed = rt_fastrand();
	if (hint > 0) {
		uintptr_t cap = 8;
		while (cap * 3 / 4 < (uintptr_t)hint && cap < ((uintptr_t)1 << 40))
			cap *= 2;
		resize(m, cap);
	}
	return m;
}

/* keys holding interfaces may be unhashable: gc hashes them even when the
 * map is nil or empty so that m[k] and delete(m, k) panic the same way */
static int hash_might_panic(const GoMapDesc *md)
{
	for (uint32_t i = 0; i < md->nalg; i++)
		if ((md->alg[i] & 0xff) == GO_MAPALG_IFACE || (md->alg[i] & 0xff) == GO_MAPALG_ITAB)
			return 1;
	return 0;
}

void *rt_mapaccess_c(const GoMapDesc *md, HMap *m, const uint8_t *k)
{
	if (!m || m->count == 0) {
		if (hash_might_panic(md))
			hash(md, k, 0);
		return 0;
	}
	intptr_t i = find(m, k, hash(md, k, m->seed));
	return i < 0 ? 0 : m->vals + (uintptr_t)i * md->elemsize;
}

void *rt_mapassign_c(const GoMapDesc *md, HMap *m, const uint8_t *k)
{
	if (RT_UNLIKELY(rt_gcstress))
		rt_gcstress_check(rt_getg());
	if (!m)
		rt_panic_error("assignment to entry in nil map", 0);
	uint64_t h = hash(md, k, m->seed);
	intptr_t i = find(m, k, h);
	if (i >= 0)
		return m->vals + (uintptr_t)i * md->elemsize;
	if (m->cap == 0 || (m->used + 1) * 4 > m->cap * 3)
		resize(m, m->cap == 0 ? 8 : ((uintptr_t)(m->count + 1) * 2 > m->cap ? m->cap * 2 : m->cap));
	uintptr_t j = free_slot(m, h);
	if (m->ctrl[j] == EMPTY)
		m->used++;
	m->ctrl[j] = FULL | (uint8_t)(h >> 57);
	copy_bytes(m->keys + j * md->keysize, k, md->keysize);
	m->count++;
	return m->vals + j * md->elemsize;
}

void rt_mapdelete_c(const GoMapDesc *md, HMap *m, const uint8_t *k)
{
	if (!m || m->count == 0) {
		if (hash_might_panic(md))
			hash(md, k, 0);
		return;
	}
	intptr_t i = find(m, k, hash(md, k, m->seed));
	if (i < 0)
		return;
	m->ctrl[i] = DELETED;
	/* clear the slot so the collector does not keep its referents alive */
	uint8_t *kp = m->keys + (uintptr_t)i * md->keysize, *vp = m->vals + (uintptr_t)i * md->elemsize;
	for (uint64_t j = 0; j < md->keysize; j++)
		kp[j] = 0;
	for (uint64_t j = 0; j < md->elemsize; j++)
		vp[j] = 0;
	m->count--;
}

Iter *rt_mapiterinit_c(const GoMapDesc *md, HMap *m)
{
	(void)md;
	if (RT_UNLIKELY(rt_gcstress))
		rt_gcstress_check(rt_getg());
	if (!m || m->count == 0)
		return 0;
	Iter *it = rt_mallocgc(sizeof(Iter), &hiter_type);
	it->m = m;
	it->ctrl = m->ctrl;
	it->keys = m->keys;
	it->vals = m->vals;
	it->cap = m->cap;
	it->start = rt_fastrand() & (m->cap - 1);
	it->i = 0;
	return it;
}

/* the next entry {key ptr, value ptr}; {NULL, NULL} at the end */
KV rt_mapiternext_c(Iter *it)
{
	if (!it)
		return (KV){0, 0};
	HMap *m = it->m;
	const GoMapDesc *md = m->md;
	while (it->i < it->cap) {
		uintptr_t s = (it->start + it->i++) & (it->cap - 1);
		if (!(it->ctrl[s] & FULL))
			continue;
		uint8_t *k = it->keys + s * md->keysize;
		if (m->ctrl == it->ctrl)
			return (KV){k, it->vals + s * md->elemsize};
		/* m grew since the iteration started: the entry counts if still present */
		intptr_t j = find(m, k, hash(md, k, m->seed));
		if (j >= 0)
			return (KV){m->keys + (uintptr_t)j * md->keysize, m->vals + (uintptr_t)j * md->elemsize};
	}
	return (KV){0, 0};
}

/* string keys passed as {p, n} scalars: no key cell for the most common case */
void *rt_mapaccess_faststr_c(const GoMapDesc *md, HMap *m, const uint8_t *p, intptr_t n)
{
	GoString k = {p, n};
	return rt_mapaccess_c(md, m, (const uint8_t *)&k);
}

void *rt_mapassign_faststr_c(const GoMapDesc *md, HMap *m, const uint8_t *p, intptr_t n)
{
	GoString k = {p, n};
	return rt_mapassign_c(md, m, (const uint8_t *)&k);
}

void rt_mapdelete_faststr_c(const GoMapDesc *md, HMap *m, const uint8_t *p, intptr_t n)
{
	GoString k = {p, n};
	rt_mapdelete_c(md, m, (const uint8_t *)&k);
}
