/*
 * cg_call.c: lowers calls (functions, methods, interface methods, builtins).
 *
 * Arguments are flattened in order (receiver first); results come back as
 * one scalar or a literal struct that is split immediately, so no aggregate
 * holding GC pointers stays live across another call.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

Val cg_results(CG *cg, LLVMValueRef r, Type *sig)
{
	int n = 0;
	for (int i = 0; i < sig->nresults; i++) n += cg_nscalars(cg, sig->results[i].type);
	Type *t = sig->nresults == 1 ? sig->results[0].type : type_tuple(sig->results, sig->nresults);
	Val v = cg_mkval(cg, n, t);
	if (n == 1) v.v[0] = r;
	else
		for (int i = 0; i < n; i++) v.v[i] = LLVMBuildExtractValue(cg->b, r, i, "");
	return v;
}

/* ------------------------------------------------------------ arguments */

typedef struct Args {
	LLVMValueRef *v;
	int n, cap;
	LLVMValueRef *keep;     /* GC pointers converted to uintptr in variadic elements */
	int nkeep, keepcap;
} Args;

/* the GC pointer behind a uintptr(unsafe.Pointer(p)) value, or NULL */
static LLVMValueRef uintptr_source(CG *cg, LLVMValueRef v)
{
	if (!v || !LLVMIsAPtrToIntInst(v)) return NULL;
	LLVMValueRef p = LLVMGetOperand(v, 0);
	if (LLVMIsAAddrSpaceCastInst(p)) p = LLVMGetOperand(p, 0);
	return LLVMTypeOf(p) == cg->gptr ? p : NULL;
}

static void push_keep(CG *cg, Args *a, LLVMValueRef p)
{
	if (a->nkeep == a->keepcap) {
		int nc = a->keepcap * 2 + 4;
		LLVMValueRef *nv = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * nc);
		if (a->nkeep) memcpy(nv, a->keep, sizeof(LLVMValueRef) * a->nkeep);
		a->keep = nv;
		a->keepcap = nc;
	}
	a->keep[a->nkeep++] = p;
}

static void push_val(CG *cg, Args *a, Val v)
{
	if (a->n + v.n > a->cap) {
		int nc = (a->n + v.n) * 2 + 8;
		LLVMValueRef *nv = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * nc);
		if (a->n) memcpy(nv, a->v, sizeof(LLVMValueRef) * a->n);
		a->v = nv;
		a->cap = nc;
	}
	for (int i = 0; i < v.n; i++) a->v[a->n++] = v.v[i];
}

/* evaluate call arguments against the signature, including f(g()) and
 * variadic packing */
static void call_args(CG *cg, Node *call, Type *sig, Args *a)
{
	NodeList *args = &call->call.args;
	int np = sig->nfields;
	Val *tv = NULL;     /* f(g()): g's results */
	int nargs = args->n;
	if (args->n == 1 && args->v[0]->tv.type && args->v[0]->tv.type->kind == TY_TUPLE) {
		Val t = cg_expr(cg, args->v[0]);
		Type *tt = args->v[0]->tv.type;
		nargs = tt->nfields;
		tv = arena_alloc(cg->fnarena, sizeof(Val) * (nargs + 1));
		for (int i = 0, k = 0; i < nargs; i++) {
			int n = cg_nscalars(cg, tt->fields[i].type);
			tv[i] = cg_extract(cg, t, k, n, tt->fields[i].type);
			k += n;
		}
	}
#define ARG(i, t) (tv ? cg_convert(cg, tv[i], (t)) : cg_expr_to(cg, args->v[i], (t)))
	int nfixed = sig->variadic && !call->call.dots ? np - 1 : np;
	for (int i = 0; i < nfixed && i < nargs; i++) push_val(cg, a, ARG(i, sig->fields[i].type));
	if (sig->variadic && !call->call.dots) {
		Type *st = sig->fields[np - 1].type, *et = type_under(st)->elem;
		int extra = nargs - nfixed;
		Val s = cg_zero(cg, st);
		if (extra > 0) {
			Type *at = type_new(TY_ARRAY);
			at->elem = et;
			at->len = extra;
			LLVMValueRef arr = cg_new(cg, at);
			int64_t esz = type_size(et);
			for (int i = 0; i < extra; i++) {
				Val e = ARG(nfixed + i, et);
				e.t = et;
				for (int j = 0; j < e.n; j++) {
					LLVMValueRef src = uintptr_source(cg, e.v[j]);
					if (src) push_keep(cg, a, src);
				}
				cg_store(cg, cg_addr_off(cg, arr, i * esz), e);
			}
			s.v[0] = arr;
			s.v[1] = s.v[2] = LLVMConstInt(cg->i64, extra, 0);
		}
		push_val(cg, a, s);
	}
#undef ARG
}

/* the flattened arguments of call against sig (cg_defer.c) */
int cg_call_args_flat(CG *cg, Node *call, Type *sig, LLVMValueRef **out)
{
	return cg_call_args_keep(cg, call, sig, out, NULL, NULL);
}

/* the same, plus the GC pointers converted to uintptr among them (direct
 * arguments and variadic elements), which must outlive the call */
int cg_call_args_keep(CG *cg, Node *call, Type *sig, LLVMValueRef **out, LLVMValueRef **keep, int *nkeep)
{
	Args a = {0};
	call_args(cg, call, sig, &a);
	*out = a.v;
	if (keep) {
		for (int i = 0; i < a.n; i++) {
			LLVMValueRef p = uintptr_source(cg, a.v[i]);
			if (p) push_keep(cg, &a, p);
		}
		*keep = a.keep;
		*nkeep = a.nkeep;
	}
	return a.n;
}

/* ------------------------------------------------------------ calls */

/* An argument that is a GC pointer converted to uintptr in the call itself
 * (`syscall.Syscall(..., uintptr(unsafe.Pointer(&b[0])), ...)`) keeps its
 * object alive until the call returns, as gc's //go:uintptrkeepalive rule
 * says: the kernel may still write there while the collector runs. */
static void keep_uintptr_args(CG *cg, const Args *a)
{
	for (int i = 0; i < a->n; i++) {
		LLVMValueRef p = uintptr_source(cg, a->v[i]);
		if (p) cg_keepalive(cg, p);
	}
	for (int i = 0; i < a->nkeep; i++) cg_keepalive(cg, a->keep[i]);
}

static Val call_direct(CG *cg, Node *n, Obj *fn, Val *recv)
{
	Val iv;
	if (!recv && cg_intrinsic_call(cg, n, fn, &iv)) return iv;
	LLVMValueRef f = cg_func_decl(cg, fn);
	Args a = {0};
	LLVMValueRef out = NULL;
	LLVMTypeRef rt = NULL;
	if (cg_sret(cg, fn->type)) {
		rt = cg_result_type(cg, fn->type);
		out = cg_alloca(cg, rt, "results");
		push_val(cg, &a, cg_val1(cg, out, NULL));
	}
	if (recv) push_val(cg, &a, *recv);
	call_args(cg, n, fn->type, &a);
	cg_set_pos(cg, n->pos);
	LLVMValueRef r = cg_call(cg, LLVMGlobalGetValueType(f), f, a.v, a.n, n->pos);
	keep_uintptr_args(cg, &a);
	if (out) r = LLVMBuildLoad2(cg->b, rt, out, "");
	return cg_results(cg, r, fn->type);
}

/* x.m(...) for interface x: itab->fun[i](data, args...), i = m's index in
 * the interface's sorted method set; a nil interface panics (nil deref) */
static Val call_iface(CG *cg, Node *n, Node *sel, Val xv, Type *it)
{
	Obj *m = sel->selector.info->obj;
	Type *sig = m->type;
	Type *isig = type_new(TY_FUNC);
	*isig = *sig;
	Field *rf = arena_alloc(&perm, sizeof(Field));
	rf->type = types_basic[TY_UNSAFEPTR];
	isig->recv = rf;
	isig->cg = NULL;
	LLVMValueRef fn = cg_iface_method_fn(cg, xv, it, m, sel->pos);
	Args a = {0};
	LLVMValueRef out = NULL;
	LLVMTypeRef rt = NULL;
	if (cg_sret(cg, sig)) {
		rt = cg_result_type(cg, sig);
		out = cg_alloca(cg, rt, "results");
		push_val(cg, &a, cg_val1(cg, out, NULL));
	}
	push_val(cg, &a, cg_val1(cg, xv.v[1], NULL));
	call_args(cg, n, sig, &a);
	cg_set_pos(cg, n->pos);
	LLVMValueRef r = cg_call(cg, cg_fntype(cg, isig, false), fn, a.v, a.n, n->pos);
	keep_uintptr_args(cg, &a);
	if (out) r = LLVMBuildLoad2(cg->b, rt, out, "");
	return cg_results(cg, r, sig);
}

/* f(args) for a func value f (cg_funcval.c): [sret], context, args */
static Val call_value(CG *cg, Node *n)
{
	Type *sig = type_under(n->call.fun->tv.type);
	if (sig->kind != TY_FUNC) cg_unsupported(cg, n, "this call");
	Val fv = cg_expr(cg, n->call.fun);
	Args a = {0};
	LLVMValueRef out = NULL;
	LLVMTypeRef rt = NULL;
	if (cg_sret(cg, sig)) {
		rt = cg_result_type(cg, sig);
		out = cg_alloca(cg, rt, "results");
		push_val(cg, &a, cg_val1(cg, out, NULL));
	}
	call_args(cg, n, sig, &a);
	push_val(cg, &a, fv); /* the context (last) */
	LLVMValueRef r = cg_call_funcval(cg, sig, fv.v[0], a.v, a.n, n->pos);
	keep_uintptr_args(cg, &a);
	if (out) r = LLVMBuildLoad2(cg->b, rt, out, "");
	return cg_results(cg, r, sig);
}

/* the receiver value of x.m() for method m (value or pointer receiver) */
static Val method_recv(CG *cg, Node *sel, Obj *m)
{
	Selection *s = sel->selector.info;
	Node *x = sel->selector.x;
	Type *rt = m->type->recv ? m->type->recv->type : NULL; /* NULL: promoted interface method */
	bool wantptr = rt && type_under(rt)->kind == TY_POINTER && rt->kind != TY_NAMED;
	Type *xt = x->tv.type;
	bool isptr = type_under(xt)->kind == TY_POINTER;
	if (s->npath > 0) {
		/* promoted through embedded fields: build the selector of the embedded field */
		Type *t = isptr ? type_under(xt)->elem : xt;
		Val base;
		LVal lv;
		bool haveaddr = false;
		if (isptr) {
			Val p = cg_expr(cg, x);
			cg_nilcheck(cg, p.v[0], sel->pos);
			lv = (LVal){.kind = LV_MEM, .addr = p.v[0]};
			haveaddr = true;
		} else if (x->tv.mode == MODE_VAR) {
			lv = cg_lval(cg, x);
			haveaddr = lv.kind == LV_MEM;
		} else {
			Type *ft;
			return cg_recv_path(cg, cg_expr(cg, x), xt, s->path, s->npath, m, sel->pos, &ft);
		}
		for (int i = 0; i < s->npath; i++) {
			Type *st = type_under(t);
			types_layout(st);
			int fi = s->path[i];
			if (lv.kind == LV_MEM) lv.addr = cg_addr_off(cg, lv.addr, st->fields[fi].offset);
			else {
				int k = 0;
				for (int j = 0; j < fi; j++) k += cg_nscalars(cg, st->fields[j].type);
				lv.slots += k;
			}
			t = st->fields[fi].type;
			if (type_under(t)->kind == TY_POINTER && (i + 1 < s->npath || !wantptr || true)) {
				lv.t = t;
				Val p = cg_lval_load(cg, &lv);
				if (i + 1 == s->npath) {
					if (wantptr) return p;
					cg_nilcheck(cg, p.v[0], sel->pos);
					return cg_load(cg, p.v[0], type_under(t)->elem);
				}
				cg_nilcheck(cg, p.v[0], sel->pos);
				lv = (LVal){.kind = LV_MEM, .addr = p.v[0]};
				t = type_under(t)->elem;
				haveaddr = true;
			}
		}
		lv.t = t;
		if (wantptr) {
			if (lv.kind != LV_MEM) cg_unsupported(cg, sel, "pointer method on a local embedded value");
			return cg_val1(cg, cg_gptr(cg, lv.addr), rt);
		}
		(void)haveaddr;
		base = cg_lval_load(cg, &lv);
		return base;
	}
	if (wantptr) {
		if (isptr) return cg_expr(cg, x);
		LVal lv = cg_lval(cg, x);
		if (lv.kind != LV_MEM) cg_unsupported(cg, sel, "pointer method on this value");
		return cg_val1(cg, cg_gptr(cg, lv.addr), rt);
	}
	if (isptr) {
		Val p = cg_expr(cg, x);
		cg_nilcheck(cg, p.v[0], sel->pos);
		return cg_load(cg, p.v[0], type_under(xt)->elem);
	}
	return cg_expr(cg, x);
}

Val cg_iface_recv(CG *cg, Node *sel, Type **it)
{
	Selection *s = sel->selector.info;
	Node *x = sel->selector.x;
	Type *t = x->tv.type;
	for (int i = 0; i < s->npath; i++) {
		if (type_under(t)->kind == TY_POINTER) t = type_under(t)->elem;
		t = type_under(t)->fields[s->path[i]].type;
	}
	*it = t;
	if (s->npath == 0) return cg_expr(cg, x);
	Val v = method_recv(cg, sel, s->obj);
	v.t = t;
	return v;
}

Val cg_method_recv(CG *cg, Node *sel, Obj *m)
{
	Val r = method_recv(cg, sel, m);
	r.t = m->type->recv->type;
	return r;
}

Val cg_call_expr(CG *cg, Node *n)
{
	Node *fun = ast_unparen(n->call.fun);
	if (fun->tv.mode == MODE_TYPE) {
		Node *x = n->call.args.v[0];
		Val v = cg_expr(cg, x);
		if (x->tv.type->kind == TY_UNTYPED_NIL) return cg_zero(cg, n->tv.type);
		return cg_convert(cg, v, n->tv.type);
	}
	if (fun->tv.mode == MODE_BUILTIN) {
		Obj *o = fun->kind == N_IDENT ? fun->ident.obj : fun->selector.sel->ident.obj;
		return cg_builtin(cg, n, o->builtin);
	}
	if (fun->kind == N_IDENT && fun->ident.obj && fun->ident.obj->kind == OBJ_FUNC)
		return call_direct(cg, n, fun->ident.obj, NULL);
	if (fun->kind == N_SELECTOR && fun->selector.info) {
		Selection *s = fun->selector.info;
		if (s->kind == SEL_PKG && s->obj->kind == OBJ_FUNC) return call_direct(cg, n, s->obj, NULL);
		if (s->kind == SEL_IFACE && s->npath == 0) {
			Node *x = fun->selector.x;
			return call_iface(cg, n, fun, cg_expr(cg, x), x->tv.type);
		}
		if ((s->kind == SEL_METHOD || s->kind == SEL_IFACE) && !s->obj->type->recv) {
			/* promoted from an embedded interface field: the field's value */
			Val iv = method_recv(cg, fun, s->obj);
			Type *it = fun->selector.x->tv.type;
			for (int i = 0; i < s->npath; i++) {
				if (type_under(it)->kind == TY_POINTER) it = type_under(it)->elem;
				it = type_under(it)->fields[s->path[i]].type;
			}
			return call_iface(cg, n, fun, iv, it);
		}
		if (s->kind == SEL_METHOD) {
			Val r = method_recv(cg, fun, s->obj);
			r.t = s->obj->type->recv->type;
			return call_direct(cg, n, s->obj, &r);
		}
	}
	return call_value(cg, n);
}

/* ------------------------------------------------------------ builtins */

static void print_value(CG *cg, Val v, Type *t)
{
	Type *u = type_under(t);
	LLVMValueRef x = v.v[0];
	switch (u->kind) {
	case TY_BOOL:
		x = LLVMBuildZExt(cg->b, x, cg->i8, "");
		cg_rt_call(cg, "runtime.printbool", cg->vd, &x, 1, true);
		return;
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
		if (type_int_bits(u) < 64) x = LLVMBuildSExt(cg->b, x, cg->i64, "");
		cg_rt_call(cg, "runtime.printint", cg->vd, &x, 1, true);
		return;
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
		if (type_int_bits(u) < 64) x = LLVMBuildZExt(cg->b, x, cg->i64, "");
		cg_rt_call(cg, "runtime.printuint", cg->vd, &x, 1, true);
		return;
	case TY_FLOAT32: case TY_FLOAT64:
		if (u->kind == TY_FLOAT32) x = LLVMBuildFPExt(cg->b, x, cg->f64, "");
		cg_rt_call(cg, "runtime.printfloat", cg->vd, &x, 1, true);
		return;
	case TY_COMPLEX64: case TY_COMPLEX128: {
		LLVMValueRef a[2] = {v.v[0], v.v[1]};
		if (u->kind == TY_COMPLEX64) a[0] = LLVMBuildFPExt(cg->b, a[0], cg->f64, ""), a[1] = LLVMBuildFPExt(cg->b, a[1], cg->f64, "");
		cg_rt_call(cg, "runtime.printcomplex", cg->vd, a, 2, true);
		return;
	}
	case TY_STRING: {
		LLVMValueRef a[2] = {v.v[0], v.v[1]};
		cg_rt_call(cg, "runtime.printstring", cg->vd, a, 2, true);
		return;
	}
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR:
		cg_rt_call(cg, "runtime.printpointer", cg->vd, &x, 1, true);
		return;
	case TY_SLICE: {
		LLVMValueRef a[3] = {v.v[0], v.v[1], v.v[2]};
		cg_rt_call(cg, "runtime.printslice", cg->vd, a, 3, true);
		return;
	}
	case TY_INTERFACE: {
		LLVMValueRef a[2] = {v.v[0], v.v[1]};
		cg_rt_call(cg, "runtime.printeface", cg->vd, a, 2, true);
		return;
	}
	default:
		cg_unsupported(cg, NULL, "printing this type");
	}
}

static Val novalue(CG *cg) { return cg_mkval(cg, 0, NULL); }

/* print/println of evaluated values under the print lock (gc's order) */
void cg_print_vals(CG *cg, Val *vals, int n, bool ln)
{
	cg_rt_call(cg, "runtime.printlock", cg->vd, NULL, 0, true);
	for (int i = 0; i < n; i++) {
		if (ln && i > 0) cg_rt_call(cg, "runtime.printsp", cg->vd, NULL, 0, true);
		print_value(cg, vals[i], vals[i].t);
	}
	if (ln) cg_rt_call(cg, "runtime.printnl", cg->vd, NULL, 0, true);
	cg_rt_call(cg, "runtime.printunlock", cg->vd, NULL, 0, true);
}

Val cg_builtin(CG *cg, Node *n, Builtin b)
{
	NodeList *args = &n->call.args;
	switch (b) {
	case BI_PRINT:
	case BI_PRINTLN: {
		/* evaluate all arguments first, then print under the print lock (gc) */
		Type *tt = args->n == 1 ? args->v[0]->tv.type : NULL;
		if (tt && tt->kind == TY_TUPLE) {
			/* println(f()): every result of f */
			Val t = cg_expr(cg, args->v[0]);
			Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (tt->nfields + 1));
			for (int i = 0, k = 0; i < tt->nfields; i++) {
				int ns = cg_nscalars(cg, tt->fields[i].type);
				vals[i] = cg_extract(cg, t, k, ns, tt->fields[i].type);
				k += ns;
			}
			cg_set_pos(cg, n->pos);
			cg_print_vals(cg, vals, tt->nfields, b == BI_PRINTLN);
			return novalue(cg);
		}
		Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (args->n + 1));
		for (int i = 0; i < args->n; i++) {
			Type *t = args->v[i]->tv.type;
			if (type_is_untyped(t)) t = type_default(t);
			vals[i] = cg_expr_to(cg, args->v[i], t);
			vals[i].t = t;
		}
		cg_set_pos(cg, n->pos);
		cg_rt_call(cg, "runtime.printlock", cg->vd, NULL, 0, true);
		for (int i = 0; i < args->n; i++) {
			if (b == BI_PRINTLN && i > 0) cg_rt_call(cg, "runtime.printsp", cg->vd, NULL, 0, true);
			print_value(cg, vals[i], vals[i].t);
		}
		if (b == BI_PRINTLN) cg_rt_call(cg, "runtime.printnl", cg->vd, NULL, 0, true);
		cg_rt_call(cg, "runtime.printunlock", cg->vd, NULL, 0, true);
		return novalue(cg);
	}
	case BI_PANIC: {
		Val v = cg_expr_to(cg, args->v[0], type_any);
		cg_set_pos(cg, n->pos);
		cg_gopanic(cg, v, n->pos);
		/* code after panic is unreachable: continue in a fresh (dead) block */
		cg_position(cg, cg_block(cg, "afterpanic"));
		return novalue(cg);
	}
	case BI_LEN:
	case BI_CAP: {
		Node *x = args->v[0];
		Type *u = type_under(x->tv.type);
		if (type_is_string(u)) {
			Val s = cg_expr_to(cg, x, types_basic[TY_STRING]);
			return cg_val1(cg, s.v[1], types_basic[TY_INT]);
		}
		if (u->kind == TY_SLICE) {
			Val s = cg_expr(cg, x);
			return cg_val1(cg, s.v[b == BI_LEN ? 1 : 2], types_basic[TY_INT]);
		}
		return cg_lencap(cg, n, b == BI_CAP);
	}
	case BI_MAKE:
		return cg_make(cg, n);
	case BI_APPEND:
		return cg_append(cg, n);
	case BI_COPY:
		return cg_copy(cg, n);
	case BI_DELETE:
		return cg_delete(cg, n);
	case BI_RECOVER:
		return cg_recover(cg, n);
	case BI_COMPLEX: {
		/* complex(re, im) with non-constant parts: float32 -> complex64, float64 -> complex128 */
		Type *ft = type_under(n->tv.type)->kind == TY_COMPLEX64 ? types_basic[TY_FLOAT32] : types_basic[TY_FLOAT64];
		Val re, im;
		if (args->n == 1) { /* complex(f()) */
			Val t = cg_expr(cg, args->v[0]);
			re = cg_extract(cg, t, 0, 1, ft);
			im = cg_extract(cg, t, 1, 1, ft);
		} else {
			re = cg_expr_to(cg, args->v[0], ft);
			im = cg_expr_to(cg, args->v[1], ft);
		}
		Val v = cg_mkval(cg, 2, n->tv.type);
		v.v[0] = re.v[0];
		v.v[1] = im.v[0];
		return v;
	}
	case BI_REAL:
	case BI_IMAG: {
		Val c = cg_expr(cg, args->v[0]);
		return cg_val1(cg, c.v[b == BI_REAL ? 0 : 1], n->tv.type);
	}
	case BI_NEW: {
		Type *t = type_under(n->tv.type)->elem;
		return cg_val1(cg, cg_new(cg, t), n->tv.type);
	}
	case BI_CLOSE:
		return cg_close(cg, cg_expr(cg, args->v[0]), n->pos);
	case BI_ADD: {    /* unsafe.Add(p, len): an address derived from p */
		Val p = cg_expr(cg, args->v[0]);
		Val k = cg_int_arg(cg, args->v[1]);
		return cg_val1(cg, LLVMBuildGEP2(cg->b, cg->i8, p.v[0], &k.v[0], 1, ""), n->tv.type);
	}
	case BI_SLICE: {  /* unsafe.Slice(p, len), with gc's checks */
		Val p = cg_expr(cg, args->v[0]);
		Node *ln = args->v[1];
		Val k = cg_int_arg(cg, ln);
		Type *et = type_under(args->v[0]->tv.type)->elem;
		cg_set_pos(cg, n->pos);
		LLVMValueRef a[3] = {cg_typedesc(cg, et), p.v[0], k.v[0]};
		cg_rt_call(cg, "runtime.unsafeslicecheck", cg->vd, a, 3, false);
		Val s = cg_mkval(cg, 3, n->tv.type);
		s.v[0] = p.v[0];
		s.v[1] = s.v[2] = k.v[0];
		return s;
	}
	default:
		cg_unsupported(cg, n, "this builtin");
	}
}
