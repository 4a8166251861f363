/*
 * cg_defer.c: lowers defer statements, recover() and the return path of
 * functions with defer (goabi.h "defer records"; prototypes/defer-panic).
 *
 * A function whose body (not counting nested function literals) contains a
 * defer statement gets, after its parameters and results are bound:
 *
 *   rec = alloca {link, head, ctx[...]}       ; one record per activation
 *   rec.head = null; rec.link = g->defer; g->defer = &rec
 *   r = call rt_setjmp(&rec.ctx)              ; returns_twice + gc-leaf
 *   br r != 0, defer.return, body
 *
 * `defer f(args)` evaluates f (or the receiver) and the arguments, stores
 * them in a heap GoDefer {code = thunk, link = rec.head, operands...} (a
 * struct type, so its pointer mask covers the operands) and pushes it on
 * rec.head. The thunk `<fn>.deferwrapN` (a GO_FUNC_WRAPPER, hidden in
 * tracebacks and skipped by recover's frame check) receives the GoDefer as
 * its `nest` context and makes the call.
 *
 * Every return stores the results into the result variables and branches to
 * defer.return, which pops and calls the pending GoDefers, unlinks the record
 * and returns the result variables (so deferred closures can change named
 * results). A panic runs the pending calls from the runtime; when one
 * recovers, rt_setjmp returns 1 and the frame continues at defer.return.
 *
 * The rule from the prototype: after rt_setjmp returns the second time, the
 * code may rely only on frame addresses, constants and values that never
 * change after the setjmp. The result variables of a function with defer are
 * therefore heap cells (their cell pointers are set before the setjmp and
 * never change; their contents are memory), the record is an alloca whose
 * address escapes to g->defer, and `g` is re-read. The result cells'
 * pointers are also in the record (its roots, scanned by the
 * collector): after a panic's noreturn call no stack map holds them.
 *
 * Functions with defer and functions calling recover() are `noinline` (a
 * recover() inlined into another function would check the wrong frame).
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

typedef struct DeferState {
	Fn *fn;                 /* the function being emitted (NULL: none) */
	LLVMValueRef rec;       /* the record alloca */
	LLVMBasicBlockRef ret;  /* defer.return */
	int nthunks;
} DeferState;

static DeferState cur;

static int ctx_words(CG *cg) { return cg->arm64 ? 21 : 8; }

/* ------------------------------------------------------------ detection */

static bool has_defer_list(NodeList *l);

static bool has_defer(Node *n)
{
	if (!n) return false;
	switch (n->kind) {
	case N_DEFERSTMT: return true;
	case N_BLOCK: return has_defer_list(&n->block.stmts);
	case N_LABELED: return has_defer(n->labeled.stmt);
	case N_IF: return has_defer(n->ifstmt.then) || has_defer(n->ifstmt.els);
	case N_FOR: return has_defer(n->forstmt.body);
	case N_RANGE: return has_defer(n->rangestmt.body);
	case N_SWITCH: case N_TYPESWITCH: return has_defer_list(&n->switchstmt.clauses);
	case N_CASECLAUSE: return has_defer_list(&n->caseclause.body);
	case N_SELECT: return has_defer_list(&n->selectstmt.clauses);
	case N_COMMCLAUSE: return has_defer_list(&n->commclause.body);
	default: return false;
	}
}

static bool has_defer_list(NodeList *l)
{
	for (int i = 0; i < l->n; i++)
		if (has_defer(l->v[i])) return true;
	return false;
}

/* Does this body need a defer record? Then its results must be heap cells
 * (the caller marks them before declaring them). */
bool cg_defer_needed(Node *body) { return body && has_defer(body); }

/* ------------------------------------------------------------ function entry */

static LLVMValueRef g_defer_addr(CG *cg)
{
	LLVMValueRef g = cg_load_g(cg);
	LLVMValueRef off = LLVMConstInt(cg->i64, GO_G_DEFER, 0);
	return LLVMBuildGEP2(cg->b, cg->i8, g, &off, 1, "g.defer");
}

void cg_defer_begin(CG *cg)
{
	Fn *f = cg->fn;
	memset(&cur, 0, sizeof cur);
	cur.fn = f;
	LLVMAddAttributeAtIndex(f->fn, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noinline"));
	int ncells = 0;
	for (int i = 0; i < f->sig->nresults; i++) ncells += f->resloc[i] && f->resloc[i]->heap;
	LLVMTypeRef rt = LLVMArrayType2(cg->i64, 2 + ctx_words(cg) + 1 + ncells);
	cur.rec = cg_alloca(cg, rt, "defer.rec");
	LLVMSetAlignment(cur.rec, 16);
	/* the result cells as roots: a panic's stack map no longer has them */
	int off = 8 * (2 + ctx_words(cg));
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i64, (unsigned long long)ncells, 0), cg_addr_off(cg, cur.rec, off));
	for (int i = 0, k = 0; i < f->sig->nresults; i++) {
		if (!f->resloc[i] || !f->resloc[i]->heap) continue;
		LLVMValueRef cell = LLVMBuildLoad2(cg->b, cg->gptr, f->resloc[i]->addr, "");
		LLVMBuildStore(cg->b, cell, cg_addr_off(cg, cur.rec, off + 8 * ++k));
	}
	LLVMValueRef gd = g_defer_addr(cg);
	LLVMValueRef old = LLVMBuildLoad2(cg->b, cg->ptr, gd, "defer.link");
	LLVMBuildStore(cg->b, old, cur.rec);
	LLVMBuildStore(cg->b, LLVMConstPointerNull(cg->gptr), cg_addr_off(cg, cur.rec, 8));
	LLVMBuildStore(cg->b, cur.rec, gd);
	LLVMValueRef sj = cg_rt_fn(cg, "rt_setjmp", cg->i32, &cg->ptr, 1, true);
	LLVMValueRef ctx = cg_addr_off(cg, cur.rec, GO_DEFER_CTX);
	LLVMValueRef r = LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(sj), sj, &ctx, 1, "setjmp");
	/* on the call site: RS4GC would drop a callee attribute (REPORT.md E1) */
	LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, cg_enumattr(cg, "returns_twice"));
	LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
	cur.ret = cg_block(cg, "defer.return");
	LLVMBasicBlockRef body = cg_block(cg, "defer.body");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, r, LLVMConstInt(cg->i32, 0, 0), ""), cur.ret, body);
	cg_position(cg, body);
}

/* ------------------------------------------------------------ returns */

static Val load_result(CG *cg, Fn *f, int i)
{
	Local *l = f->resloc[i];
	Type *t = f->sig->results[i].type;
	if (l->heap) return cg_load(cg, LLVMBuildLoad2(cg->b, cg->gptr, l->addr, ""), t);
	int n = cg_nscalars(cg, t);
	LLVMTypeRef *tys = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 1));
	cg_scalars(cg, t, tys, NULL);
	Val v = cg_mkval(cg, n, t);
	for (int j = 0; j < n; j++) v.v[j] = LLVMBuildLoad2(cg->b, tys[j], l->slots[j], "");
	return v;
}

/* `return vals` in a function with defer: assign the results, then run the
 * deferred calls. Returns false if the function has no defer record. */
bool cg_defer_return(CG *cg, Val *vals)
{
	Fn *f = cg->fn;
	if (cur.fn != f || !cur.rec) return false;
	for (int i = 0; i < f->sig->nresults; i++) {
		Local *l = f->resloc[i];
		Val v = vals[i];
		v.t = f->sig->results[i].type;
		if (l->heap) cg_store(cg, LLVMBuildLoad2(cg->b, cg->gptr, l->addr, ""), v);
		else
			for (int j = 0; j < v.n; j++) LLVMBuildStore(cg->b, v.v[j], l->slots[j]);
	}
	LLVMBuildBr(cg->b, cur.ret);
	cg_position(cg, cg_block(cg, "dead"));
	return true;
}

/* defer.return: pop and call every pending GoDefer, unlink, return */
void cg_defer_end(CG *cg)
{
	Fn *f = cg->fn;
	if (cur.fn != f || !cur.rec) return;
	if (!cg_terminated(cg)) LLVMBuildBr(cg->b, cur.ret);
	cg_position(cg, cur.ret);
	LLVMBasicBlockRef loop = cg_block(cg, "defer.loop"), call = cg_block(cg, "defer.call"), done = cg_block(cg, "defer.done");
	LLVMBuildBr(cg->b, loop);
	cg_position(cg, loop);
	LLVMValueRef headp = cg_addr_off(cg, cur.rec, 8);
	LLVMValueRef e = LLVMBuildLoad2(cg->b, cg->gptr, headp, "defer.head");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, e, LLVMConstPointerNull(cg->gptr), ""), done, call);
	cg_position(cg, call);
	LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->gptr, cg_addr_off(cg, e, 8), ""), headp);
	LLVMValueRef code = LLVMBuildLoad2(cg->b, cg->ptr, e, "defer.code");
	LLVMTypeRef fty = LLVMFunctionType(cg->vd, &cg->gptr, 1, 0);
	LLVMValueRef c = cg_call(cg, fty, code, &e, 1, cg->pos);
	LLVMAddCallSiteAttribute(c, 1, cg_enumattr(cg, "nest"));
	LLVMBuildBr(cg->b, loop);
	cg_position(cg, done);
	Type *sig = f->sig;
	Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (sig->nresults + 1));
	int n = 0;
	for (int i = 0; i < sig->nresults; i++) {
		vals[i] = load_result(cg, f, i);
		n += vals[i].n;
	}
	/* unlink after the last load from the record's frame (REPORT.md rule 4) */
	LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->ptr, cur.rec, "defer.link"), g_defer_addr(cg));
	LLVMTypeRef rt = LLVMGetReturnType(f->fnty);
	bool sret = cg_sret(cg, sig);
	if (sret || (n > 1)) {
		LLVMTypeRef st = sret ? cg_result_type(cg, sig) : rt;
		LLVMValueRef agg = LLVMGetUndef(st);
		int k = 0;
		for (int i = 0; i < sig->nresults; i++)
			for (int j = 0; j < vals[i].n; j++) agg = LLVMBuildInsertValue(cg->b, agg, vals[i].v[j], k++, "");
		if (sret) {
			LLVMBuildStore(cg->b, agg, LLVMGetParam(f->fn, 0));
			LLVMBuildRetVoid(cg->b);
		} else {
			LLVMBuildRet(cg->b, agg);
		}
	} else if (n == 1) {
		for (int i = 0; i < sig->nresults; i++)
			if (vals[i].n) LLVMBuildRet(cg->b, vals[i].v[0]);
	} else {
		LLVMBuildRetVoid(cg->b);
	}
	memset(&cur, 0, sizeof cur);
}

/* ------------------------------------------------------------ defer statements */

/* DK_RECOVER: `defer recover()` / `go recover()`: runtime.gorecoverdefer,
 * for which the function that deferred it is recover's caller: it recovers
 * when that function is itself a deferred call run by the panic (gc;
 * test/recover.go test4), never in the panicking function itself */
enum { DK_FUNCVAL, DK_METHOD, DK_PANIC, DK_PRINT, DK_PRINTLN, DK_DELETE, DK_COPY, DK_CLOSE, DK_RECOVER };

/* struct {F uintptr; L unsafe.Pointer; V <vt>; P0 <params[0]>; ...} */
/* {F code, L link, V head, P0.. arguments[, K pointers kept alive]} */
static Type *entry_type(Type *vt, Type *sig, int nkeep)
{
	int np = sig ? sig->nfields : 0;
	Type *st = type_new(TY_STRUCT);
	st->cg_record = true;
	st->nfields = 3 + np + (nkeep > 0);
	st->fields = arena_alloc(&perm, sizeof(Field) * st->nfields);
	memset(st->fields, 0, sizeof(Field) * st->nfields);
	st->fields[0].name = intern_cstr("F");
	st->fields[0].type = types_basic[TY_UINTPTR];
	st->fields[1].name = intern_cstr("L");
	st->fields[1].type = types_basic[TY_UNSAFEPTR];
	st->fields[2].name = intern_cstr("V");
	st->fields[2].type = vt;
	for (int i = 0; i < np; i++) {
		char nm[16];
		snprintf(nm, sizeof nm, "P%d", i);
		st->fields[3 + i].name = intern_cstr(nm);
		st->fields[3 + i].type = sig->fields[i].type;
	}
	if (nkeep > 0) {
		Type *kt = type_new(TY_ARRAY);
		kt->elem = types_basic[TY_UNSAFEPTR];
		kt->len = nkeep;
		st->fields[3 + np].name = intern_cstr("K");
		st->fields[3 + np].type = kt;
	}
	types_layout(st);
	return st;
}

/* the thunk: void <fn>.deferwrapN(nest GoDefer *e) makes the deferred call */
static LLVMValueRef make_thunk(CG *cg, int kind, Type *et, Type *sig, Obj *m, Pos pos, int nkeep)
{
	char name[600];
	snprintf(name, sizeof name, "%s.deferwrap%d", LLVMGetValueName(cg->fn->fn), ++cur.nthunks);
	LLVMValueRef f = LLVMAddFunction(cg->mod, name, LLVMFunctionType(cg->vd, &cg->gptr, 1, 0));
	LLVMSetLinkage(f, LLVMInternalLinkage);
	LLVMSetGC(f, "statepoint-example");
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "frame-pointer", "all"));
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "disable-tail-calls", "true"));
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noinline"));
	LLVMAddAttributeAtIndex(f, 1, cg_enumattr(cg, "nest"));
	BuilderState saved = cg_builder_save(cg);
	const char *pname = arena_strndup(&perm, name, strlen(name));
	Fn tf = {.fn = f, .fnty = LLVMGlobalGetValueType(f), .sig = sig};
	/* a results buffer in the frame may be big: then it needs the check */
	tf.rec = cg_func_rec(cg, pname, pname, pos, GO_FUNC_WRAPPER | (sig && cg_sret(cg, sig) ? GO_FUNC_CHECKED : 0));
	LLVMMetadataRef sp = cg_subprogram(cg, &cg->funcs[tf.rec], pos, f);
	cg->fn = &tf;
	tf.entry = LLVMAppendBasicBlockInContext(cg->ctx, f, "entry");
	tf.body = tf.entry;
	LLVMPositionBuilderAtEnd(cg->b, tf.entry);
	cg_set_pos(cg, pos);
	LLVMValueRef e = LLVMGetParam(f, 0);
	Val v = cg_load(cg, e, et);
	int nv = cg_nscalars(cg, et->fields[2].type);
	if (kind == DK_RECOVER) {
		LLVMTypeRef two[2] = {cg->ptr, cg->gptr};
		cg_rt_call(cg, "runtime.gorecoverdefer", LLVMStructTypeInContext(cg->ctx, two, 2, 0), NULL, 0, false);
		LLVMBuildRetVoid(cg->b);
	} else if (kind == DK_PRINT || kind == DK_PRINTLN) {
		Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (sig->nfields + 1));
		int k = 2 + nv;
		for (int i = 0; i < sig->nfields; i++) {
			int m1 = cg_nscalars(cg, sig->fields[i].type);
			vals[i] = cg_extract(cg, v, k, m1, sig->fields[i].type);
			k += m1;
		}
		cg_print_vals(cg, vals, sig->nfields, kind == DK_PRINTLN);
		LLVMBuildRetVoid(cg->b);
	} else if (kind == DK_CLOSE) {
		cg_close(cg, cg_extract(cg, v, 2 + nv, 1, sig->fields[0].type), pos);
		LLVMBuildRetVoid(cg->b);
	} else if (kind == DK_DELETE || kind == DK_COPY) {
		Val a[2];
		for (int i = 0, k = 2 + nv; i < 2; i++) {
			int m1 = cg_nscalars(cg, sig->fields[i].type);
			a[i] = cg_extract(cg, v, k, m1, sig->fields[i].type);
			k += m1;
		}
		if (kind == DK_DELETE) cg_delete_vals(cg, NULL, sig->fields[0].type, a[0], a[1]);
		else cg_copy_vals(cg, sig->fields[0].type, a[0], a[1]);
		LLVMBuildRetVoid(cg->b);
	} else if (kind == DK_PANIC) {
		LLVMValueRef a[2] = {v.v[2], v.v[3]};
		cg_rt_panic_call(cg, "runtime.gopanic", a, 2);
	} else {
		bool sret = cg_sret(cg, sig);
		int nv2 = v.n - nkeep;  /* the kept pointers (uintptr arguments' objects) are last */
		int nargs = nv2 - 2 + (sret ? 1 : 0) + 1;
		LLVMValueRef *args = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (nargs + 1));
		int k = 0;
		if (sret) args[k++] = cg_alloca(cg, cg_result_type(cg, sig), "results");
		if (kind == DK_FUNCVAL) {
			for (int i = 2 + nv; i < nv2; i++) args[k++] = v.v[i];
			args[k++] = NULL; /* the context */
			cg_call_funcval(cg, sig, v.v[2], args, k, pos);
		} else {
			for (int i = 2; i < nv2; i++) args[k++] = v.v[i];
			LLVMValueRef fn = cg_func_decl(cg, m);
			cg_call(cg, LLVMGlobalGetValueType(fn), fn, args, k, pos);
		}
		for (int i = nv2; i < v.n; i++) cg_keepalive(cg, v.v[i]);
		LLVMBuildRetVoid(cg->b);
	}
	LLVMDIBuilderFinalizeSubprogram(cg->di, sp);
	cg_builder_restore(cg, saved);
	return f;
}

/* the operands of the call in `defer call` / `go call`, evaluated now, in a
 * heap GoDefer {code, link, operands...} whose code is a thunk making the
 * call with them */
static LLVMValueRef call_entry(CG *cg, Node *n, LLVMValueRef link)
{
	Node *call = ast_unparen(n->gostmt.call);
	if (call->kind != N_CALL) cg_unsupported(cg, n, "this defer statement");
	Node *fun = ast_unparen(call->call.fun);
	int kind = DK_FUNCVAL;
	Type *sig = NULL, *vt;
	Obj *m = NULL;
	Val head = {0};
	LLVMValueRef *args = NULL;
	int nargs = 0;
	LLVMValueRef *keep = NULL;     /* objects of GC pointers passed as uintptr */
	int nkeep = 0;
	if (fun->tv.mode == MODE_BUILTIN) {
		Obj *o = fun->kind == N_IDENT ? fun->ident.obj : fun->selector.sel->ident.obj;
		if (o->builtin == BI_PANIC) {
			kind = DK_PANIC;
			vt = type_any;
			head = cg_expr_to(cg, call->call.args.v[0], type_any);
		} else if (o->builtin == BI_PRINT || o->builtin == BI_PRINTLN || o->builtin == BI_DELETE ||
		           o->builtin == BI_COPY || o->builtin == BI_CLOSE || o->builtin == BI_RECOVER) {
			/* the arguments (default types) become the operands */
			NodeList *al = &call->call.args;
			kind = o->builtin == BI_PRINT ? DK_PRINT : o->builtin == BI_PRINTLN ? DK_PRINTLN
			     : o->builtin == BI_DELETE ? DK_DELETE : o->builtin == BI_CLOSE ? DK_CLOSE
			     : o->builtin == BI_RECOVER ? DK_RECOVER : DK_COPY;
			bool pair = (kind == DK_DELETE || kind == DK_COPY) && al->n == 1;  /* copy(f()), delete(f()) */
			Type *pt = pair ? al->v[0]->tv.type : NULL;
			if (kind == DK_DELETE) cg_mapdesc(cg, call, pair ? pt->fields[0].type : al->v[0]->tv.type);
			vt = type_new(TY_STRUCT);
			vt->cg_record = true;
			sig = type_new(TY_FUNC);
			sig->nfields = pair ? 2 : al->n;
			sig->fields = arena_alloc(&perm, sizeof(Field) * (sig->nfields + 1));
			memset(sig->fields, 0, sizeof(Field) * (sig->nfields + 1));
			Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (sig->nfields + 1));
			int tot = 0;
			if (pair) {
				Val t = cg_expr(cg, al->v[0]);
				int n0 = cg_nscalars(cg, pt->fields[0].type);
				sig->fields[0].type = pt->fields[0].type;
				sig->fields[1].type = kind == DK_DELETE ? type_under(pt->fields[0].type)->key : pt->fields[1].type;
				vals[0] = cg_extract(cg, t, 0, n0, pt->fields[0].type);
				vals[1] = cg_convert(cg, cg_extract(cg, t, n0, cg_nscalars(cg, pt->fields[1].type), pt->fields[1].type),
				                     sig->fields[1].type);
				tot = vals[0].n + vals[1].n;
			}
			for (int i = 0; i < al->n && !pair; i++) {
				Type *t = al->v[i]->tv.type;
				if (type_is_untyped(t)) t = type_default(t);
				if (kind == DK_DELETE && i == 1) t = type_under(al->v[0]->tv.type)->key;
				if (kind == DK_COPY && i == 1 && type_is_string(t)) t = types_basic[TY_STRING];
				sig->fields[i].type = t;
				vals[i] = cg_expr_to(cg, al->v[i], t);
				tot += vals[i].n;
			}
			args = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (tot + 1));
			for (int i = 0; i < sig->nfields; i++)
				for (int j = 0; j < vals[i].n; j++) args[nargs++] = vals[i].v[j];
			head = cg_mkval(cg, 0, vt);
		} else {
			cg_unsupported(cg, n, "deferring this builtin");
		}
	} else if (fun->tv.mode == MODE_TYPE) {
		cg_unsupported(cg, n, "this defer statement");
	} else if (fun->kind == N_SELECTOR && fun->selector.info && fun->selector.info->kind == SEL_METHOD) {
		kind = DK_METHOD;
		m = fun->selector.info->obj;
		sig = m->type;
		vt = sig->recv->type;
		head = cg_method_recv(cg, fun, m);
		nargs = cg_call_args_keep(cg, call, sig, &args, &keep, &nkeep);
	} else {
		sig = type_under(fun->tv.type);
		vt = fun->tv.type;
		head = cg_expr(cg, fun);
		nargs = cg_call_args_keep(cg, call, sig, &args, &keep, &nkeep);
	}
	if (nkeep > 64) nkeep = 0;      /* stays flattened (cg_inmem's default limit) */
	Type *et = entry_type(vt, kind == DK_PANIC ? NULL : sig, nkeep);
	types_layout(vt);
	LLVMValueRef thunk = make_thunk(cg, kind, et, sig, m, n->pos, nkeep);
	cg_set_pos(cg, n->pos);
	LLVMValueRef e = cg_new(cg, et);
	Val v = cg_mkval(cg, 2 + head.n + nargs + nkeep, et);
	v.v[0] = LLVMBuildPtrToInt(cg->b, thunk, cg->i64, "");
	v.v[1] = link ? link : LLVMConstPointerNull(cg->gptr);
	for (int i = 0; i < head.n; i++) v.v[2 + i] = head.v[i];
	for (int i = 0; i < nargs; i++) v.v[2 + head.n + i] = args[i];
	for (int i = 0; i < nkeep; i++) v.v[2 + head.n + nargs + i] = keep[i];
	cg_store(cg, e, v);
	return e;
}

void cg_defer_stmt(CG *cg, Node *n)
{
	if (cur.fn != cg->fn || !cur.rec) cg_fatal("defer outside a function with a defer record");
	LLVMValueRef headp = cg_addr_off(cg, cur.rec, 8);
	LLVMValueRef e = call_entry(cg, n, LLVMBuildLoad2(cg->b, cg->gptr, headp, ""));
	LLVMBuildStore(cg->b, e, headp);
}

/* go call: the runtime runs the entry's thunk on a new goroutine */
void cg_go_stmt(CG *cg, Node *n)
{
	LLVMValueRef e = call_entry(cg, n, NULL);
	cg_set_pos(cg, n->pos);
	cg_rt_call(cg, "runtime.newproc", cg->vd, &e, 1, false);
}

/* ------------------------------------------------------------ recover */

Val cg_recover(CG *cg, Node *n)
{
	LLVMAddAttributeAtIndex(cg->fn->fn, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noinline"));
	LLVMTypeRef two[2] = {cg->ptr, cg->gptr};
	LLVMTypeRef st = LLVMStructTypeInContext(cg->ctx, two, 2, 0);
	cg_set_pos(cg, n->pos);
	LLVMValueRef r = cg_rt_call(cg, "runtime.gorecover", st, NULL, 0, false);
	Val v = cg_mkval(cg, 2, n->tv.type);
	v.v[0] = LLVMBuildExtractValue(cg->b, r, 0, "");
	v.v[1] = LLVMBuildExtractValue(cg->b, r, 1, "");
	return v;
}
