/*
 * reflectcall.c: calls between reflect's ABI0 frames and golc's calling
 * convention, through libffi (../shared/stdlib/REFLECT.md section 2).
 *
 * internal/abi is built from abi_generic.go (no argument registers), so
 * reflect describes every call as a gc ABI0 stack frame: each argument at
 * its type's alignment (a method's receiver is one word first), results
 * from align(args, 8). golc code takes the flattened scalars of its
 * parameters (cg_types.c) and returns one scalar, a pair of scalars of one
 * class, or, through a leading pointer, a struct of them (cg_sret). A Shape
 * maps the one to the other for a func type descriptor and holds the
 * ffi_cif built from the same scalars; the descriptors are walked here the
 * way codegen flattens Go types (count/fill), so the two always agree.
 *
 *   reflect.call(frametype, fn, frame, ...)   Value.Call, Method(i).Func...
 *       the signature comes from the code pointer: GoFuncInfo.ftype (every
 *       address-taken function names it), or the MakeFunc / method-value
 *       context; ffi_call_go(cif, code, ..., closure = fn) puts fn in the
 *       `nest` register (r10 / x18), as golc's func value calls do.
 *   reflect.makeFuncStub / methodValueCall    (asm_*.S)
 *       a golc call of a MakeFunc value enters the stub with the context in
 *       the nest register; the stub finds the Shape's ffi_go_closure
 *       (rt_makefunc_closure), leaves the context in rt_mkfunc_ctx and jumps
 *       to libffi's trampoline, which calls rt_makefunc_cb with the
 *       arguments; that builds the frame and calls reflect.callReflect /
 *       callMethod.
 *
 * Go code called from here runs through rt_callgo: on a fresh segment (the
 * C frames and libffi's stack arguments need more than the slack under the
 * guard), with a call-in record from which the walker (traceback.c) goes
 * on to the Go frame that entered the C code. A recovered panic drops the
 * records of the C code it unwinds (rt_callin_unwind).
 *
 * The collector (gcroots.c): a call-in's C frame keeps the ABI0 frame it
 * writes results into (reflect.call) or reads results from (MakeFunc) in
 * the call-in's roots while the Go code runs; the MakeFunc frame is
 * allocated with the Shape's frame type (a pointer mask built from the
 * scalars), in-memory copies with their own type. Shapes are C memory;
 * their types are roots (a func type reflect.FuncOf made is in the heap).
 *
 * Invariant: a Shape's retoff equals reflect's retOffset for the same type
 * (checked on every reflect.call).
 */
#include "rt.h"

#include <ffi.h>
#include <stdlib.h>
#include <string.h>

/* scalar kinds, as cg_types.c flattens Go values */
enum { SK_I1, SK_I8, SK_I16, SK_I32, SK_I64, SK_F32, SK_F64, SK_PTR, SK_MEM };

typedef struct Scalar {
	uint8_t kind;
	uint32_t off;           /* in the ABI0 frame */
	const GoType *mem;      /* SK_MEM: the in-memory aggregate's type */
} Scalar;

typedef struct Shape {
	const GoType *ftype;
	int nargs, nres;        /* scalars */
	Scalar *args, *res;
	int sret;               /* results through a leading pointer */
	uint32_t *sretoff;      /* result scalar i in the sret struct */
	size_t sretsize;
	uintptr_t retoff;       /* ABI0: first result */
	uintptr_t framesize;    /* ABI0: arguments and results */
	GoType frametype;       /* the ABI0 frame for the collector (size, ptrdata, gcdata) */
	ffi_cif cif;
	ffi_type **atypes;
	ffi_type pair;          /* two results: struct of two 8-byte members */
	ffi_type *pairel[3];
	ffi_go_closure closure; /* MakeFunc / method values: rt_makefunc_cb */
	struct Shape *next;
} Shape;

static const uint8_t sk_size[] = {1, 1, 2, 4, 8, 4, 8, 8, 8};

static uint64_t maxssa(void)
{
	static uint64_t m;
	if (!m) {
		m = 64;
		extern const GoModule *const __start_golc_modules[] __attribute__((weak));
		extern const GoModule *const __stop_golc_modules[] __attribute__((weak));
		if (__start_golc_modules != __stop_golc_modules && __start_golc_modules[0]->maxssa)
			m = __start_golc_modules[0]->maxssa;
	}
	return m;
}

/* ---------------------------------------------------------------- flattening */

static const FuncExt *func_ext(const GoType *t) { return (const FuncExt *)((const uint8_t *)t + 48); }

/* parameter types (in, then out) of a func type */
static const GoType *const *func_params(const GoType *t)
{
	return (const GoType *const *)((const uint8_t *)t + 56 + ((t->tflag & 1) ? sizeof(Uncommon) : 0));
}

/* cg_types.c count(): scalars of a value of t, not counting the in-memory rule */
static uint64_t count(const GoType *t)
{
	switch (t->kind & GO_KIND_MASK) {
	case GO_KIND_COMPLEX64: case GO_KIND_COMPLEX128: case GO_KIND_STRING: case GO_KIND_INTERFACE:
		return 2;
	case GO_KIND_SLICE:
		return 3;
	case GO_KIND_STRUCT: {
		const StructExt *se = (const StructExt *)((const uint8_t *)t + 48);
		uint64_t n = 0;
		for (intptr_t i = 0; i < se->len; i++) n += count(se->f[i].typ);
		return n > (1u << 20) ? 1u << 20 : n;
	}
	case GO_KIND_ARRAY: {
		const ArrayExt *ae = (const ArrayExt *)((const uint8_t *)t + 48);
		if (ae->len > 4096) return 1u << 20;
		uint64_t n = ae->len * count(ae->elem);
		return n > (1u << 20) ? 1u << 20 : n;
	}
	default:
		return 1;
	}
}

static int inmem(const GoType *t)
{
	unsigned k = t->kind & GO_KIND_MASK;
	return (k == GO_KIND_STRUCT || k == GO_KIND_ARRAY) && count(t) > maxssa();
}

typedef struct {
	Scalar *v;
	int n, cap;
} SVec;

static void push(SVec *s, int kind, uintptr_t off, const GoType *mem)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = realloc(s->v, sizeof(Scalar) * s->cap);
		if (!s->v) rt_throw("reflect call: out of memory");
	}
	s->v[s->n++] = (Scalar){(uint8_t)kind, (uint32_t)off, mem};
}

/* cg_types.c fill(): the scalars of a t at frame offset off */
static void fill(SVec *s, const GoType *t, uintptr_t off)
{
	if (inmem(t)) {
		push(s, SK_MEM, off, t);
		return;
	}
	switch (t->kind & GO_KIND_MASK) {
	case GO_KIND_BOOL: push(s, SK_I1, off, NULL); return;
	case GO_KIND_INT8: case GO_KIND_UINT8: push(s, SK_I8, off, NULL); return;
	case GO_KIND_INT16: case GO_KIND_UINT16: push(s, SK_I16, off, NULL); return;
	case GO_KIND_INT32: case GO_KIND_UINT32: push(s, SK_I32, off, NULL); return;
	case GO_KIND_INT: case GO_KIND_INT64: case GO_KIND_UINT: case GO_KIND_UINT64: case GO_KIND_UINTPTR:
		push(s, SK_I64, off, NULL);
		return;
	case GO_KIND_FLOAT32: push(s, SK_F32, off, NULL); return;
	case GO_KIND_FLOAT64: push(s, SK_F64, off, NULL); return;
	case GO_KIND_COMPLEX64: push(s, SK_F32, off, NULL); push(s, SK_F32, off + 4, NULL); return;
	case GO_KIND_COMPLEX128: push(s, SK_F64, off, NULL); push(s, SK_F64, off + 8, NULL); return;
	case GO_KIND_STRING: push(s, SK_PTR, off, NULL); push(s, SK_I64, off + 8, NULL); return;
	case GO_KIND_SLICE:
		push(s, SK_PTR, off, NULL);
		push(s, SK_I64, off + 8, NULL);
		push(s, SK_I64, off + 16, NULL);
		return;
	case GO_KIND_INTERFACE: push(s, SK_PTR, off, NULL); push(s, SK_PTR, off + 8, NULL); return;
	case GO_KIND_STRUCT: {
		const StructExt *se = (const StructExt *)((const uint8_t *)t + 48);
		for (intptr_t i = 0; i < se->len; i++) fill(s, se->f[i].typ, off + se->f[i].off);
		return;
	}
	case GO_KIND_ARRAY: {
		const ArrayExt *ae = (const ArrayExt *)((const uint8_t *)t + 48);
		if (count(ae->elem) == 0) return;
		for (uintptr_t i = 0; i < ae->len; i++) fill(s, ae->elem, off + i * ae->elem->size);
		return;
	}
	default: /* pointers, maps, channels, funcs, unsafe.Pointer */
		push(s, SK_PTR, off, NULL);
		return;
	}
}

static uintptr_t align_up(uintptr_t x, uintptr_t a) { return a ? (x + a - 1) & ~(a - 1) : x; }

static ffi_type *ffi_of(int kind)
{
	switch (kind) {
	case SK_I1: case SK_I8: return &ffi_type_uint8;
	case SK_I16: return &ffi_type_uint16;
	case SK_I32: return &ffi_type_uint32;
	case SK_I64: return &ffi_type_uint64;
	case SK_F32: return &ffi_type_float;
	case SK_F64: return &ffi_type_double;
	default: return &ffi_type_pointer;
	}
}

static int is_fp(int kind) { return kind == SK_F32 || kind == SK_F64; }

/* the pointer words of an ABI0 frame holding scalars v[0..n) */
static void frame_mask(uint8_t *mask, uintptr_t *ptrdata, const Scalar *v, int n)
{
	for (int i = 0; i < n; i++) {
		uintptr_t w = v[i].off / 8;
		if (v[i].kind == SK_PTR) {
			mask[w / 8] |= (uint8_t)(1u << (w % 8));
			if (8 * (w + 1) > *ptrdata) *ptrdata = 8 * (w + 1);
		} else if (v[i].kind == SK_MEM) {
			/* an in-memory aggregate with pointers is 8-aligned */
			const GoType *t = v[i].mem;
			for (uintptr_t j = 0; j < t->ptrdata / 8; j++) {
				if (!(t->gcdata[j / 8] >> (j % 8) & 1)) continue;
				mask[(w + j) / 8] |= (uint8_t)(1u << ((w + j) % 8));
				if (8 * (w + j + 1) > *ptrdata) *ptrdata = 8 * (w + j + 1);
			}
		}
	}
}

static void rt_makefunc_cb(ffi_cif *cif, void *rv, void **av, void *closure);

/* builds the Shape of func type ft (system stack or a call-in segment: mallocs) */
static Shape *make_shape(const GoType *ft)
{
	Shape *sh = calloc(1, sizeof *sh);
	if (!sh) rt_throw("reflect call: out of memory");
	sh->ftype = ft;
	const FuncExt *fe = func_ext(ft);
	int nin = fe->in, nout = fe->out & 0x7fff;
	const GoType *const *ps = func_params(ft);
	SVec a = {0}, r = {0};
	uintptr_t off = 0;
	for (int i = 0; i < nin; i++) {
		off = align_up(off, ps[i]->align);
		fill(&a, ps[i], off);
		off += ps[i]->size;
	}
	sh->retoff = off = align_up(off, 8);
	for (int i = 0; i < nout; i++) {
		const GoType *t = ps[nin + i];
		off = align_up(off, t->align);
		fill(&r, t, off);
		off += t->size;
	}
	sh->framesize = align_up(off, 8);
	sh->nargs = a.n;
	sh->args = a.v;
	sh->nres = r.n;
	sh->res = r.v;
	uint8_t *mask = calloc(sh->framesize / 64 + 1, 1);
	if (!mask) rt_throw("reflect call: out of memory");
	uintptr_t ptrdata = 0;
	frame_mask(mask, &ptrdata, a.v, a.n);
	frame_mask(mask, &ptrdata, r.v, r.n);
	sh->frametype = (GoType){.size = sh->framesize, .ptrdata = ptrdata, .align = 8, .fieldalign = 8,
	                         .kind = GO_KIND_STRUCT, .gcdata = mask};
	/* cg_sret: more than two results, or two of different classes */
	sh->sret = r.n > 2 || (r.n == 2 && is_fp(r.v[0].kind) != is_fp(r.v[1].kind));
	int na = a.n + (sh->sret ? 1 : 0), k = 0;
	sh->atypes = calloc(na + 1, sizeof(ffi_type *));
	if (!sh->atypes) rt_throw("reflect call: out of memory");
	if (sh->sret) {
		sh->atypes[k++] = &ffi_type_pointer;
		sh->sretoff = calloc(r.n, sizeof(uint32_t));
		size_t so = 0, al = 1;
		for (int i = 0; i < r.n; i++) {
			size_t sz = sk_size[r.v[i].kind];
			so = align_up(so, sz);
			sh->sretoff[i] = (uint32_t)so;
			so += sz;
			if (sz > al) al = sz;
		}
		sh->sretsize = align_up(so, al);
	}
	for (int i = 0; i < a.n; i++) sh->atypes[k++] = ffi_of(a.v[i].kind);
	ffi_type *rt = &ffi_type_void;
	if (!sh->sret && r.n == 1) {
		rt = ffi_of(r.v[0].kind);
	} else if (!sh->sret && r.n == 2) {
		/* LLVM returns {a, b} in the first two registers of their class:
		 * the C struct of two 8-byte members of that class lands there */
		ffi_type *m = is_fp(r.v[0].kind) ? &ffi_type_double : &ffi_type_uint64;
		sh->pairel[0] = sh->pairel[1] = m;
		sh->pair.type = FFI_TYPE_STRUCT;
		sh->pair.elements = sh->pairel;
		rt = &sh->pair;
	}
	if (ffi_prep_cif(&sh->cif, FFI_DEFAULT_ABI, na, rt, sh->atypes) != FFI_OK)
		rt_throw("reflect call: ffi_prep_cif failed");
	if (ffi_prep_go_closure(&sh->closure, &sh->cif, rt_makefunc_cb) != FFI_OK)
		rt_throw("reflect call: ffi_prep_go_closure failed");
	return sh;
}

/* ---------------------------------------------------------------- shape cache */

#define NSHAPES 256
static Shape *shapes[NSHAPES];
static RtLock shapelock;

static Shape *find_shape(const GoType *ft)
{
	for (Shape *s = __atomic_load_n(&shapes[((uintptr_t)ft >> 4) % NSHAPES], __ATOMIC_ACQUIRE); s; s = s->next)
		if (s->ftype == ft) return s;
	return NULL;
}

typedef struct {
	const GoType *ft;
	Shape *sh;
} ShapeReq;

static void shape_sys(void *arg)
{
	ShapeReq *q = arg;
	rt_lock(&shapelock);
	Shape *s = find_shape(q->ft);
	if (!s) {
		s = make_shape(q->ft);
		Shape **b = &shapes[((uintptr_t)q->ft >> 4) % NSHAPES];
		s->next = *b;
		__atomic_store_n(b, s, __ATOMIC_RELEASE);
	}
	rt_unlock(&shapelock);
	q->sh = s;
}

/* the Shape of func type ft; small stack on the fast path */
static Shape *shape_of(const GoType *ft)
{
	Shape *s = find_shape(ft);
	if (s) return s;
	ShapeReq q = {ft, NULL};
	rt_systemstack(shape_sys, &q);
	return q.sh;
}

/* ---------------------------------------------------------------- call-ins */

void rt_callgo(void (*fn)(void *), void *arg, RtRoots *roots)
{
	G *g = rt_getg();
	CallIn ci = {g->sched, g->seg, g->defer, roots, g->callin};
	g->callin = &ci;
	Seg *s = rt_seg_enter(64 << 10);
	rt_callon(s, fn, arg);
	rt_seg_leave(s);
	g->callin = ci.link;
	g->sched = ci.sched;
}

/* is record a older than d (reachable from d's link)? NULL is the oldest */
static int older(const GoDeferRec *a, const GoDeferRec *d)
{
	if (!a) return 1;
	for (const GoDeferRec *x = d->link; x; x = x->link)
		if (x == a) return 1;
	return 0;
}

void rt_callin_unwind(G *g, GoDeferRec *d)
{
	/* a call-in stays if d belongs to a frame inside its callee */
	while (g->callin && !older(g->callin->defer, d))
		g->callin = g->callin->link;
}

/* ---------------------------------------------------------------- reflect.call */

/* reflect's makeFuncImpl / methodValue (makefunc.go) under abi_generic.go:
 * makeFuncCtxt {fn, stack, argLen, regPtrs [0]uint8} is 32 bytes */
typedef struct {
	void *fn, *stack;
	uintptr_t arglen;
	uint64_t regptrs_pad;
} MakeFuncCtxt;
typedef struct {
	MakeFuncCtxt c;
	const GoType *ftyp;
	void *gofn;
} MakeFuncImpl;
typedef struct {
	const GoType *typ;
	void *ptr;
	uintptr_t flag;
} RValue;
typedef struct {
	MakeFuncCtxt c;
	intptr_t method;
	RValue rcvr;
} MethodValue;

extern char rt_makefuncstub[] __asm__("reflect.makeFuncStub");
extern char rt_methodvaluecall[] __asm__("reflect.methodValueCall");
/* weak: programs without reflect link libruntime too (the stubs that lead
 * here exist only in programs that make MakeFunc and method values) */
void rt_go_callreflect(void *ctxt, void *frame, int8_t *retvalid, void *regs) __asm__("reflect.callReflect")
	__attribute__((weak));
void rt_go_callmethod(void *ctxt, void *frame, int8_t *retvalid, void *regs) __asm__("reflect.callMethod")
	__attribute__((weak));

/* the type of method value mv's method (reflect's methodReceiver) */
static const GoType *method_value_type(const MethodValue *mv)
{
	const GoType *t = mv->rcvr.typ;
	intptr_t i = mv->method;
	if ((t->kind & GO_KIND_MASK) == GO_KIND_INTERFACE) {
		const IfaceExt *ie = (const IfaceExt *)((const uint8_t *)t + 48);
		if (i < 0 || i >= ie->len) rt_throw("reflect: internal error: invalid method index");
		return rt_resolve_off((uint8_t *)t, ie->m[i].typ);
	}
	const Uncommon *u = rt_type_uncommon(t);
	if (!u || i < 0 || i >= u->xcount) rt_throw("reflect: internal error: invalid method index");
	const Method *ms = (const Method *)((const uint8_t *)u + u->moff);
	return rt_resolve_off((uint8_t *)t, ms[i].mtyp);
}

/* the signature a func value is called by */
static const GoType *signature(void *fv)
{
	void *code = *(void **)fv;
	if (code == rt_makefuncstub) return ((const MakeFuncImpl *)fv)->ftyp;
	if (code == rt_methodvaluecall) return method_value_type(fv);
	const FuncEntry *f = rt_symtab_find((uintptr_t)code);
	if (!f || !f->info->ftype)
		rt_throw("reflect.call: no signature recorded for the function");
	return f->info->ftype;
}

typedef struct {
	void *fn;
	uint8_t *frame;
	uint32_t retoff;
	const GoType *ft;       /* the signature if known, else from fn */
} CallReq;

/* a result scalar from a libffi return slot (8 bytes, little-endian) */
static void store_result(uint8_t *frame, const Scalar *s, const void *slot)
{
	if (s->kind == SK_MEM) {
		const void *p = *(void *const *)slot;
		memcpy(frame + s->off, p, s->mem->size);
	} else {
		memcpy(frame + s->off, slot, sk_size[s->kind]);
	}
}

/* on the call-in segment */
static void call_go(void *arg)
{
	CallReq *q = arg;
	Shape *sh = shape_of(q->ft ? q->ft : signature(q->fn));
	if (!q->ft && sh->retoff != q->retoff)
		rt_throw("reflect.call: frame layout disagrees with the function's signature");
	int na = sh->nargs + (sh->sret ? 1 : 0), k = 0;
	void **av = __builtin_alloca(sizeof(void *) * (na + 1));
	void **mem = __builtin_alloca(sizeof(void *) * (sh->nargs + 1));
	uint8_t *sret = NULL;
	if (sh->sret) {
		sret = __builtin_alloca(sh->sretsize + 8);
		av[k++] = &sret;
	}
	for (int i = 0; i < sh->nargs; i++) {
		const Scalar *s = &sh->args[i];
		if (s->kind == SK_MEM) {
			/* in-memory values are immutable copies: the frame is reused */
			mem[i] = rt_mallocgc(s->mem->size, s->mem);
			memcpy(mem[i], q->frame + s->off, s->mem->size);
			av[k++] = &mem[i];
		} else {
			av[k++] = q->frame + s->off;
		}
	}
	uint64_t rv[2] = {0, 0};
	ffi_call_go(&sh->cif, FFI_FN(*(void **)q->fn), rv, av, q->fn);
	for (int i = 0; i < sh->nres; i++)
		store_result(q->frame, &sh->res[i], sh->sret ? (void *)(sret + sh->sretoff[i]) : (void *)&rv[i]);
}

/* Body of reflect.call (an RT_GOENTRY trampoline): call fn with the ABI0
 * frame's arguments and store its results into the frame. */
void rt_r_call_c(const GoType *frametype, void *fn, void *frame, uint32_t argsize, uint32_t retoff,
                 uint32_t framesize, void *regs)
{
	(void)frametype, (void)argsize, (void)framesize;    /* the Shape has them */
	(void)regs;     /* abi_generic.go: no argument registers */
	CallReq q = {fn, frame, retoff, NULL};
	RtRoots roots = {&q.frame, 1, sizeof(void *), 1, NULL};  /* the results go there */
	rt_callgo(call_go, &q, &roots);
}

/* calls the func value fn of type ft with an ABI0 frame of
 * rt_func_framesize(ft) bytes (finalizers: mfinal.c) */
void rt_reflectcall(void *fn, const GoType *ft, void *frame)
{
	CallReq q = {fn, frame, 0, ft};
	rt_callgo(call_go, &q, NULL);
}

uintptr_t rt_func_framesize(const GoType *ft) { return shape_of(ft)->framesize; }

const GoType *rt_func_param(const GoType *ft, int i) { return func_params(ft)[i]; }

/* ---------------------------------------------------------------- MakeFunc */

/* set by rt_makefunc_closure, read by rt_makefunc_cb: nothing but libffi's
 * trampoline runs in between, on this thread */
static __thread void *mkfunc_ctx;
static __thread int mkfunc_method;

/* Called by the stubs (asm_*.S) with the context from the nest register,
 * on the goroutine stack below the Go caller: returns the ffi_go_closure to
 * jump to. kind: 0 makeFuncStub, 1 methodValueCall. */
ffi_go_closure *rt_makefunc_closure(void *ctx, int kind)
{
	const GoType *ft = kind ? method_value_type(ctx) : ((const MakeFuncImpl *)ctx)->ftyp;
	Shape *sh = shape_of(ft);
	mkfunc_ctx = ctx;
	mkfunc_method = kind;
	return &sh->closure;
}

typedef struct {
	uint8_t *frame;         /* the ABI0 frame (first: the call-in's root) */
	Shape *sh;
	void *ctx;
	int method;
	void *rv;
	void **av;
} CallbackReq;

/* on the call-in segment */
static void makefunc_go(void *arg)
{
	CallbackReq *q = arg;
	Shape *sh = q->sh;
	uint8_t *frame = q->frame = rt_mallocgc(sh->framesize, &sh->frametype);
	int k = sh->sret ? 1 : 0;
	for (int i = 0; i < sh->nargs; i++) {
		const Scalar *s = &sh->args[i];
		if (s->kind == SK_MEM) memcpy(frame + s->off, *(void **)q->av[k++], s->mem->size);
		else memcpy(frame + s->off, q->av[k++], sk_size[s->kind]);
	}
	int8_t retvalid = 0;
	uint64_t regs[2] = {0, 0};   /* abi.RegArgs is empty under abi_generic.go */
	if (q->method) rt_go_callmethod(q->ctx, frame, &retvalid, regs);
	else rt_go_callreflect(q->ctx, frame, &retvalid, regs);
	uint8_t *sret = sh->sret ? *(uint8_t **)q->av[0] : NULL;
	for (int i = 0; i < sh->nres; i++) {
		const Scalar *s = &sh->res[i];
		uint8_t *dst = sret ? sret + sh->sretoff[i] : (uint8_t *)q->rv + 8 * i;
		if (s->kind == SK_MEM) {
			void *copy = rt_mallocgc(s->mem->size, s->mem);
			memcpy(copy, frame + s->off, s->mem->size);
			memcpy(dst, &copy, sizeof copy);
		} else if (!sret && sh->nres == 1 && s->kind <= SK_I32) {
			/* libffi widens small integer results to an ffi_arg */
			uint64_t v = 0;
			memcpy(&v, frame + s->off, sk_size[s->kind]);
			memcpy(dst, &v, sizeof v);
		} else {
			memcpy(dst, frame + s->off, sk_size[s->kind]);
		}
	}
}

/* libffi's Go-closure callback: a golc call of a MakeFunc value or a method
 * value (asm stubs), with the stub's Go caller in g->sched */
static void rt_makefunc_cb(ffi_cif *cif, void *rv, void **av, void *closure)
{
	(void)cif;
	CallbackReq q = {NULL, (Shape *)((char *)closure - offsetof(Shape, closure)), mkfunc_ctx, mkfunc_method, rv, av};
	RtRoots roots = {&q.frame, 1, sizeof(void *), 1, NULL};  /* the results come from there */
	rt_callgo(makefunc_go, &q, &roots);
}

/* the collector's view (world stopped): the types the cached Shapes hold */
void rt_reflectcall_roots(RootVisitor fn, void *arg)
{
	for (int b = 0; b < NSHAPES; b++)
		for (Shape *s = __atomic_load_n(&shapes[b], __ATOMIC_ACQUIRE); s; s = s->next) {
			fn((uintptr_t *)&s->ftype, (uintptr_t *)&s->ftype, arg);
			for (int i = 0; i < s->nargs; i++)
				fn((uintptr_t *)&s->args[i].mem, (uintptr_t *)&s->args[i].mem, arg);
			for (int i = 0; i < s->nres; i++)
				fn((uintptr_t *)&s->res[i].mem, (uintptr_t *)&s->res[i].mem, arg);
		}
}
