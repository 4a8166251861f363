/*
 * reflecthooks.c: the runtime side of package reflect (its bodyless
 * functions), on golc's gc-layout type descriptors (codegen/cg_typedesc.c).
 *
 * Maps: a map type's descriptor carries golc's GoMapDesc where gc has its
 * bucket type, so reflect's map operations use the same hashing as
 * compiled code. reflect's hiter keeps our iterator in its `h` word.
 * Offsets in descriptors (names, types, methods' code) are relative to the
 * descriptor holding them.
 *
 * Types reflect makes at run time (PtrTo, SliceOf, FuncOf, ...) live in the
 * heap; the names and types they refer to are registered with
 * addReflectOff, which hands out ids, and a name or type offset held by a
 * descriptor in the heap is such an id. typelinks lists the program's
 * unnamed composite types, so ChanOf, MapOf, ... return the program's own
 * descriptor when it has one; map types that exist only at run time get
 * a GoMapDesc built from their key type (mapdesc).
 *
 * reflect.call, makeFuncStub, methodValueCall: reflectcall.c.
 */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- map descriptors */

/* Was descriptor (or name) p made by reflect at run time? The program's
 * own are in its image; reflect's are in the heap. (A bounds check, not a
 * heap lookup: resolveNameOff/TypeOff and map operations call this often.) */
extern const char __executable_start[], _end[];
static int made_at_run_time(const void *p)
{
	return (const char *)p < __executable_start || (const char *)p >= _end;
}

typedef struct {
	uint32_t *v;
	uint32_t n, cap;
} AlgVec;

static void alg_push(AlgVec *a, uintptr_t off, int kind)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 16;
		a->v = realloc(a->v, sizeof(uint32_t) * a->cap);
		if (!a->v) rt_throw("out of memory in reflect.MapOf");
	}
	a->v[a->n++] = (uint32_t)(off << 8 | (uintptr_t)kind);
}

/* the key hashing program of a key type, as codegen's key_alg (cg_map.c)
 * builds it for the program's own map types */
static void key_alg(const GoType *t, uintptr_t off, AlgVec *a)
{
	switch (t->kind & GO_KIND_MASK) {
	case GO_KIND_BOOL: case GO_KIND_INT8: case GO_KIND_UINT8: alg_push(a, off, GO_MAPALG_MEM1); return;
	case GO_KIND_INT16: case GO_KIND_UINT16: alg_push(a, off, GO_MAPALG_MEM2); return;
	case GO_KIND_INT32: case GO_KIND_UINT32: alg_push(a, off, GO_MAPALG_MEM4); return;
	case GO_KIND_INT: case GO_KIND_INT64: case GO_KIND_UINT: case GO_KIND_UINT64: case GO_KIND_UINTPTR:
	case GO_KIND_POINTER: case GO_KIND_CHAN: case GO_KIND_UNSAFE_POINTER:
		alg_push(a, off, GO_MAPALG_MEM8);
		return;
	case GO_KIND_FLOAT32: alg_push(a, off, GO_MAPALG_F32); return;
	case GO_KIND_FLOAT64: alg_push(a, off, GO_MAPALG_F64); return;
	case GO_KIND_COMPLEX64: alg_push(a, off, GO_MAPALG_F32); alg_push(a, off + 4, GO_MAPALG_F32); return;
	case GO_KIND_COMPLEX128: alg_push(a, off, GO_MAPALG_F64); alg_push(a, off + 8, GO_MAPALG_F64); return;
	case GO_KIND_STRING: alg_push(a, off, GO_MAPALG_STRING); return;
	case GO_KIND_INTERFACE:
		alg_push(a, off, ((const IfaceExt *)((const uint8_t *)t + 48))->len ? GO_MAPALG_ITAB : GO_MAPALG_IFACE);
		return;
	case GO_KIND_STRUCT: {
		const StructExt *se = (const StructExt *)((const uint8_t *)t + 48);
		for (intptr_t i = 0; i < se->len; i++) {
			GoString nm = rt_namestring(se->f[i].name);
			if (nm.n == 1 && nm.p[0] == '_') continue;
			key_alg(se->f[i].typ, off + se->f[i].off, a);
		}
		return;
	}
	case GO_KIND_ARRAY: {
		const ArrayExt *ae = (const ArrayExt *)((const uint8_t *)t + 48);
		for (uintptr_t i = 0; i < ae->len; i++) key_alg(ae->elem, off + i * ae->elem->size, a);
		return;
	}
	default:
		rt_throw("reflect: map key type is not comparable");
	}
}

typedef struct RtMapDesc {
	const GoType *t;
	GoMapDesc md;
	struct RtMapDesc *next;
} RtMapDesc;
static RtMapDesc *rtmaps;
static RtLock rtmaplock;

typedef struct {
	const GoType *t;
	const GoMapDesc *md;
} MapDescReq;

static void rtmapdesc_sys(void *arg)
{
	MapDescReq *q = arg;
	rt_lock(&rtmaplock);
	for (RtMapDesc *r = rtmaps; r; r = r->next)
		if (r->t == q->t) q->md = &r->md;
	if (!q->md) {
		const GoType *key = *(const GoType *const *)((const uint8_t *)q->t + 48);
		const GoType *elem = *(const GoType *const *)((const uint8_t *)q->t + 56);
		AlgVec a = {0};
		key_alg(key, 0, &a);
		RtMapDesc *r = calloc(1, sizeof *r);
		if (!r) rt_throw("out of memory in reflect.MapOf");
		r->t = q->t;
		r->md = (GoMapDesc){key, elem, key->size, elem->size, a.n, 0, a.v};
		r->next = rtmaps;
		__atomic_store_n(&rtmaps, r, __ATOMIC_RELEASE);
		q->md = &r->md;
	}
	rt_unlock(&rtmaplock);
}

/* The GoMapDesc of map type t: the program's own types carry it in the
 * bucket word; a type reflect.MapOf made at run time (in the heap, its
 * bucket word a reflect-made bucket type) gets one built from its key type
 * (kept for the program's life, like the type in reflect's cache). */
static const GoMapDesc *mapdesc(const GoType *t)
{
	if (!made_at_run_time(t))
		return *(const GoMapDesc *const *)((const uint8_t *)t + 64);
	for (RtMapDesc *r = __atomic_load_n(&rtmaps, __ATOMIC_ACQUIRE); r; r = r->next)
		if (r->t == t) return &r->md;
	MapDescReq q = {t, NULL};
	rt_systemstack(rtmapdesc_sys, &q);
	return q.md;
}

/* addReflectOff ids - 1 -> pointers, in pages that never move (readers
 * take no lock) */
enum { OFFPAGE = 1024, OFFPAGES = 1024 };
static void **reflect_offs[OFFPAGES];
static volatile int32_t nreflect_offs;
static RtLock offlock;

void *rt_resolve_off(uint8_t *base, int32_t off)
{
	if (made_at_run_time(base)) {
		if (off < 1 || off > __atomic_load_n(&nreflect_offs, __ATOMIC_ACQUIRE)) rt_throw("reflect: bad run-time type offset");
		return reflect_offs[(off - 1) / OFFPAGE][(off - 1) % OFFPAGE];
	}
	return base + off;
}

RT_HOOK(void *, rt_r_resolvenameoff, "reflect.resolveNameOff", (uint8_t *base, int32_t off)) { return rt_resolve_off(base, off); }
RT_HOOK(void *, rt_r_resolvetypeoff, "reflect.resolveTypeOff", (uint8_t *base, int32_t off)) { return rt_resolve_off(base, off); }
RT_HOOK(void *, rt_r_resolvetextoff, "reflect.resolveTextOff", (uint8_t *base, int32_t off)) { return rt_resolve_off(base, off); }

static void addreflectoff_sys(void *arg)
{
	void **pp = arg;
	void *p = *pp;
	rt_lock(&offlock);
	int32_t n = nreflect_offs, id = 0;
	for (int32_t i = 0; i < n && !id; i++)
		if (reflect_offs[i / OFFPAGE][i % OFFPAGE] == p) id = i + 1;
	if (!id) {
		if (n == OFFPAGE * OFFPAGES) rt_throw("reflect: too many run-time type offsets");
		if (!reflect_offs[n / OFFPAGE]) {
			reflect_offs[n / OFFPAGE] = calloc(OFFPAGE, sizeof(void *));
			if (!reflect_offs[n / OFFPAGE]) rt_throw("out of memory in addReflectOff");
		}
		reflect_offs[n / OFFPAGE][n % OFFPAGE] = p;
		__atomic_store_n(&nreflect_offs, n + 1, __ATOMIC_RELEASE);
		id = n + 1;
	}
	rt_unlock(&offlock);
	*pp = (void *)(intptr_t)id;
}

RT_HOOK(int32_t, rt_r_addreflectoff, "reflect.addReflectOff", (void *p))
{
	rt_systemstack(addreflectoff_sys, &p);
	return (int32_t)(intptr_t)p;
}

static void root(const void *w, RootVisitor fn, void *arg) { fn((uintptr_t *)w, (uintptr_t *)w, arg); }

/* The collector's view (world stopped): addReflectOff's table holds the
 * names and types reflect made (heap objects), and run-time map descriptors
 * hold their map, key and element types; both are C memory. (reflect's own
 * caches keep those types alive too; these roots do not depend on it.) */
void rt_reflect_roots(RootVisitor fn, void *arg)
{
	int32_t n = __atomic_load_n(&nreflect_offs, __ATOMIC_ACQUIRE);
	for (int32_t i = 0; i < n; i++) root(&reflect_offs[i / OFFPAGE][i % OFFPAGE], fn, arg);
	for (RtMapDesc *r = __atomic_load_n(&rtmaps, __ATOMIC_ACQUIRE); r; r = r->next) {
		root(&r->t, fn, arg);
		root(&r->md.key, fn, arg);
		root(&r->md.elem, fn, arg);
	}
}

/* typelinks() (sections []unsafe.Pointer, offset [][]int32): the unnamed
 * composite types of the program (section golc_typelinks: a pointer per
 * descriptor, one per comdat) as one "section" based at the lowest of them,
 * sorted by type string as reflect's typesByString expects */
typedef struct Typelinks {
	GoSlice sections, offsets;
} Typelinks;

extern const GoType *const __start_golc_typelinks[] __attribute__((weak));
extern const GoType *const __stop_golc_typelinks[] __attribute__((weak));

static int cmp_typestring(const void *a, const void *b)
{
	GoString x = rt_typestring(*(const GoType *const *)a), y = rt_typestring(*(const GoType *const *)b);
	intptr_t n = x.n < y.n ? x.n : y.n;
	int c = memcmp(x.p, y.p, (size_t)n);
	return c ? c : (x.n > y.n) - (x.n < y.n);
}

static struct {
	uintptr_t base;
	int32_t *offs;
	intptr_t n;
} links;

static void build_typelinks(void *arg)
{
	(void)arg;
	intptr_t n = __stop_golc_typelinks - __start_golc_typelinks;
	const GoType **v = malloc(sizeof(GoType *) * (size_t)(n + 1));
	if (!v) rt_throw("out of memory in typelinks");
	memcpy(v, __start_golc_typelinks, sizeof(GoType *) * (size_t)n);
	qsort(v, (size_t)n, sizeof *v, cmp_typestring);
	uintptr_t base = UINTPTR_MAX;
	for (intptr_t i = 0; i < n; i++)
		if ((uintptr_t)v[i] < base) base = (uintptr_t)v[i];
	int32_t *offs = malloc(sizeof(int32_t) * (size_t)(n + 1));
	if (!offs) rt_throw("out of memory in typelinks");
	for (intptr_t i = 0; i < n; i++) {
		uintptr_t d = (uintptr_t)v[i] - base;
		if (d > INT32_MAX) rt_throw("typelinks: type descriptors span more than 2 GB");
		offs[i] = (int32_t)d;
	}
	free(v);
	links.base = base;
	links.n = n;
	__atomic_store_n(&links.offs, offs, __ATOMIC_RELEASE);
}

RT_HOOK(void, rt_r_typelinks, "reflect.typelinks", (Typelinks * out))
{
	if (!__atomic_load_n(&links.offs, __ATOMIC_ACQUIRE))
		rt_systemstack(build_typelinks, NULL);
	/* fresh Go slices: reflect does not write them, but they are Go values */
	void **sec = rt_mallocgc(sizeof(void *), &rt_gctype_ptr);
	sec[0] = (void *)links.base;
	GoSlice *offs = rt_mallocgc(sizeof(GoSlice), &rt_gctype_slice);
	*offs = (GoSlice){links.offs, links.n, links.n};
	out->sections = (GoSlice){sec, 1, 1};
	out->offsets = (GoSlice){offs, 1, 1};
}

RT_HOOK(intptr_t, rt_r_chancap, "reflect.chancap", (Hchan * c)) { return rt_chancap(c); }
RT_HOOK(intptr_t, rt_r_chanlen, "reflect.chanlen", (Hchan * c)) { return rt_chanlen(c); }
RT_HOOK(intptr_t, rt_r_maplen, "reflect.maplen", (intptr_t * m)) { return m ? m[0] : 0; }

RT_HOOK(void, rt_r_memmove, "reflect.memmove", (void *d, const void *s, uintptr_t n))
{
	if (n) memmove(d, s, n);
}
RT_HOOK(void, rt_r_typedmemmove, "reflect.typedmemmove", (const GoType *t, void *d, const void *s))
{
	if (d != s && t->size) memmove(d, s, t->size);
}
RT_HOOK(void, rt_r_typedmemclr, "reflect.typedmemclr", (const GoType *t, void *p)) { memset(p, 0, t->size); }
RT_HOOK(void, rt_r_typedmemclrpartial, "reflect.typedmemclrpartial", (const GoType *t, uint8_t *p, uintptr_t off, uintptr_t n))
{
	(void)t;
	memset(p + off, 0, n);
}
RT_HOOK(intptr_t, rt_r_typedslicecopy, "reflect.typedslicecopy",
     (const GoType *et, void *dp, intptr_t dl, intptr_t dc, void *sp, intptr_t sl, intptr_t sc))
{
	(void)dc, (void)sc;
	intptr_t n = dl < sl ? dl : sl;
	if (n > 0 && dp != sp) memmove(dp, sp, (uintptr_t)n * et->size);
	return n;
}
RT_HOOK(int8_t, rt_r_verifynotinheap, "reflect.verifyNotInHeapPtr", (uintptr_t p))
{
	(void)p;
	return 1;
}
RT_HOOK(uintptr_t, rt_r_typehash, "reflect.typehash", (const GoType *t, void *p, uintptr_t h))
{
	return (uintptr_t)rt_typehash(t, p, h);
}

/* ---------------------------------------------------------- RT_GOENTRY bodies */

void *rt_r_unsafe_newarray_c(const GoType *t, intptr_t n)
{
	if (n < 0 || (t->size && (uintptr_t)n > ((uintptr_t)1 << 47) / t->size)) rt_panic_error("reflect.unsafe_NewArray: len out of range", 0);
	return rt_mallocgc(t->size * (uintptr_t)n, t);
}

void *rt_r_makemap_c(const GoType *t, intptr_t cap) { return rt_makemap_c(mapdesc(t), cap); }
void *rt_r_mapaccess_c(const GoType *t, void *m, const uint8_t *k) { return m ? rt_mapaccess_c(mapdesc(t), m, k) : NULL; }
void *rt_r_mapaccess_faststr_c(const GoType *t, void *m, const uint8_t *p, intptr_t n)
{
	return m ? rt_mapaccess_faststr_c(mapdesc(t), m, p, n) : NULL;
}

void rt_r_mapassign_c(const GoType *t, void *m, const uint8_t *k, const void *v)
{
	const GoMapDesc *md = mapdesc(t);
	void *slot = rt_mapassign_c(md, m, k);
	memmove(slot, v, md->elemsize);
}

void rt_r_mapassign_faststr_c(const GoType *t, void *m, const uint8_t *p, intptr_t n, const void *v)
{
	const GoMapDesc *md = mapdesc(t);
	void *slot = rt_mapassign_faststr_c(md, m, p, n);
	memmove(slot, v, md->elemsize);
}

void rt_r_mapdelete_c(const GoType *t, void *m, const uint8_t *k)
{
	if (m) rt_mapdelete_c(mapdesc(t), m, k);
}
void rt_r_mapdelete_faststr_c(const GoType *t, void *m, const uint8_t *p, intptr_t n)
{
	if (m) rt_mapdelete_faststr_c(mapdesc(t), m, p, n);
}

/* reflect's hiter: key, elem, then `t` and `h` words (we keep our iterator in h) */
typedef struct RHiter {
	void *key, *elem, *t, *h;
} RHiter;

void rt_r_mapiternext_c(RHiter *it)
{
	KVPair kv = rt_mapiternext_c(it->h);
	it->key = kv.k;
	it->elem = kv.v;
}

void rt_r_mapiterinit_c(const GoType *t, void *m, RHiter *it)
{
	it->t = (void *)t;
	it->h = m ? rt_mapiterinit_c(mapdesc(t), m) : NULL;
	rt_r_mapiternext_c(it);
}

RT_HOOK(void *, rt_r_mapiterkey, "reflect.mapiterkey", (RHiter * it)) { return it->key; }
RT_HOOK(void *, rt_r_mapiterelem, "reflect.mapiterelem", (RHiter * it)) { return it->elem; }

void *rt_r_makechan_c(const GoType *t, intptr_t size) { return rt_makechan_c(t, size); }
void rt_r_chanclose_c(void *c) { rt_closechan_c(c); }

/* chansend(ch, val, nb) (selected bool) */
int8_t rt_r_chansend_c(void *c, void *val, int8_t nb) { return (int8_t)rt_chansend(c, val, !(nb & 1)); }

/* chanrecv(ch, nb, val) (selected, received bool) */
typedef struct RecvResult {
	int8_t selected, received;
} RecvResult;
RecvResult rt_r_chanrecv_c(void *c, int8_t nb, void *val)
{
	int r = rt_chanrecv(c, val, !(nb & 1));
	return (RecvResult){(int8_t)(r >> 1 & 1), (int8_t)(r & 1)};
}

/* rselect(cases []runtimeSelect) (chosen int, recvOK bool) */
typedef struct RSelect {
	uintptr_t dir;          /* 1 send, 2 recv, 3 default */
	const GoType *typ;
	void *ch, *val;
} RSelect;
typedef struct SelResult {
	intptr_t chosen;
	int8_t recvok;
} SelResult;

static const GoType scase_type = RT_GCTYPE(2, 0x3);      /* RtScase {c, elem} */

SelResult rt_r_rselect_c(RSelect *cs, intptr_t n, intptr_t cap)
{
	(void)cap;
	RtScase *sc = rt_mallocgc(sizeof(RtScase) * (size_t)(n ? n : 1), &scase_type);
	intptr_t *back = rt_mallocgc(sizeof(intptr_t) * (size_t)(n ? n : 1), NULL);
	/* needed after a park: back (the select reads neither sc nor cs then) */
	void *keep[1] = {back};
	RtRoots roots = {keep, 1, sizeof(void *), 1, NULL};
	intptr_t ns = 0, nr = 0, def = -1;
	for (intptr_t i = 0; i < n; i++)
		if (cs[i].dir == 1) back[ns] = i, sc[ns++] = (RtScase){cs[i].ch, cs[i].val};
	for (intptr_t i = 0; i < n; i++) {
		if (cs[i].dir == 2) back[ns + nr] = i, sc[ns + nr++] = (RtScase){cs[i].ch, cs[i].val};
		if (cs[i].dir == 3) def = i;
	}
	RtSelectResult r = rt_select(sc, ns, nr, def < 0, &roots);
	if (r.chosen < 0) return (SelResult){def, 0};
	return (SelResult){back[r.chosen], r.recvok};
}

/* ---------------------------------------------------------- not yet */

/* reflect.call, makeFuncStub, methodValueCall: reflectcall.c and asm_*.S */
