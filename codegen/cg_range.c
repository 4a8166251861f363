/*
 * cg_range.c: lowers `for k, v := range x` (and `= range`, `for range x`)
 * over arrays, pointers to arrays, slices, strings, maps and channels.
 *
 * The range expression is evaluated once, before the loop. Go 1.19 declares
 * the iteration variables once per loop (not per iteration). Index loops keep
 * the counter in an alloca (an integer: no GC pointer in memory); the data
 * pointer stays an SSA value, so RS4GC relocates it across the body's calls.
 * An array value is copied into a heap cell first (range over an array
 * ranges over a copy). Strings decode UTF-8 inline for ASCII and call
 * runtime.decoderune (a leaf) otherwise: invalid bytes give U+FFFD, width 1.
 * Maps use runtime.mapiterinit / mapiternext (libruntime/map.c: random
 * start, deletions during the loop respected). `continue` goes to the
 * increment (index loops) or to the next-entry call (maps).
 */
#include "cg.h"
#include "goabi.h"

static LLVMValueRef i64c(CG *cg, int64_t x) { return LLVMConstInt(cg->i64, (unsigned long long)x, 0); }

static bool blank(Node *v) { return !v || (v->kind == N_IDENT && v->ident.name == intern_cstr("_")); }

/* assign an iteration value to the key or value variable */
static void set_var(CG *cg, Node *var, Val v)
{
	if (blank(var)) return;
	LVal lv = cg_lval(cg, var);
	v = cg_convert(cg, v, lv.t);
	cg_lval_store(cg, &lv, v);
}

/* assign the key and value: both left-hand sides' operands are evaluated
 * first, as in any assignment (`for i, x[i] = range y` stores into the old
 * i's element) */
static void set_vars(CG *cg, Node *kv, Val k, Node *vv, Val v)
{
	bool hk = !blank(kv), hv = !blank(vv);
	LVal lk = {0}, lv = {0};
	if (hk) lk = cg_lval(cg, kv);
	if (hv) lv = cg_lval(cg, vv);
	if (hk) cg_lval_store(cg, &lk, cg_convert(cg, k, lk.t));
	if (hv) cg_lval_store(cg, &lv, cg_convert(cg, v, lv.t));
}

static void body(CG *cg, Node *n, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont, LLVMBasicBlockRef after)
{
	cg_push_target(cg, n, brk, cont);
	cg_stmt_list(cg, &n->rangestmt.body->block.stmts);
	cg->fn->ntargets--;
	if (!cg_terminated(cg)) LLVMBuildBr(cg->b, after);
}

static void range_index(CG *cg, Node *n, Type *xt)
{
	Node *x = n->rangestmt.x, *kv = n->rangestmt.key, *vv = n->rangestmt.value;
	bool wantv = !blank(vv);
	LLVMValueRef base = NULL, len;
	Type *et;
	bool isstr = type_is_string(xt);
	if (isstr) {
		Val s = cg_expr_to(cg, x, types_basic[TY_STRING]);
		base = s.v[0], len = s.v[1];
		et = types_basic[TY_INT32];
	} else if (xt->kind == TY_SLICE) {
		Val s = cg_expr(cg, x);
		base = s.v[0], len = s.v[1];
		et = xt->elem;
	} else if (xt->kind == TY_POINTER) {
		Type *at = type_under(xt->elem);
		Val p = cg_expr(cg, x);
		if (wantv) base = cg_nilcheck(cg, p.v[0], x->pos);
		len = i64c(cg, at->len);
		et = at->elem;
	} else {
		len = i64c(cg, xt->len);
		et = xt->elem;
		if (wantv && x->tv.mode == MODE_VAR) {
			/* copy an array variable memory to memory (no flattening) */
			LVal lv = cg_lval(cg, x);
			if (lv.kind == LV_MEM) {
				LLVMValueRef src = cg_gptr(cg, lv.addr);
				base = cg_new(cg, x->tv.type);
				cg_memmove(cg, base, src, i64c(cg, type_size(x->tv.type)));
			}
		}
		if (wantv && !base) {
			Val a = cg_expr(cg, x);
			base = cg_new(cg, x->tv.type);
			a.t = x->tv.type;
			cg_store(cg, base, a);
		} else if (!wantv && has_call_or_recv(x)) {
			cg_expr(cg, x);     /* len(x) is not constant: x is evaluated (the spec) */
		}
	}
	LLVMValueRef islot = cg_alloca(cg, cg->i64, "range.i"), nslot = cg_alloca(cg, cg->i64, "range.next");
	LLVMBuildStore(cg->b, i64c(cg, 0), islot);
	LLVMBasicBlockRef cond = cg_block(cg, "range.cond"), bb = cg_block(cg, "range.body");
	LLVMBasicBlockRef post = cg_block(cg, "range.post"), done = cg_block(cg, "range.done");
	LLVMBuildBr(cg->b, cond);
	cg_position(cg, cond);
	LLVMValueRef i = LLVMBuildLoad2(cg->b, cg->i64, islot, "");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, i, len, ""), bb, done);
	cg_position(cg, bb);
	if (isstr) {
		/* ASCII inline, runtime.decoderune otherwise */
		LLVMValueRef b = LLVMBuildLoad2(cg->b, cg->i8, LLVMBuildGEP2(cg->b, cg->i8, base, &i, 1, ""), "");
		LLVMBasicBlockRef ascii = LLVMGetInsertBlock(cg->b), multi = cg_block(cg, "range.utf8"), join = cg_block(cg, "range.rune");
		LLVMValueRef r1 = LLVMBuildZExt(cg->b, b, cg->i32, ""), n1 = LLVMBuildAdd(cg->b, i, i64c(cg, 1), "");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, b, LLVMConstInt(cg->i8, 0x80, 0), ""), join, multi);
		cg_position(cg, multi);
		LLVMValueRef a[3] = {base, len, i};
		LLVMTypeRef rt = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->i32, cg->i64}, 2, 0);
		LLVMValueRef d = cg_rt_call(cg, "runtime.decoderune", rt, a, 3, true);
		LLVMValueRef r2 = LLVMBuildExtractValue(cg->b, d, 0, ""), n2 = LLVMBuildExtractValue(cg->b, d, 1, "");
		LLVMBasicBlockRef mend = LLVMGetInsertBlock(cg->b);
		LLVMBuildBr(cg->b, join);
		cg_position(cg, join);
		LLVMValueRef r = LLVMBuildPhi(cg->b, cg->i32, ""), nx = LLVMBuildPhi(cg->b, cg->i64, "");
		LLVMAddIncoming(r, (LLVMValueRef[]){r1, r2}, (LLVMBasicBlockRef[]){ascii, mend}, 2);
		LLVMAddIncoming(nx, (LLVMValueRef[]){n1, n2}, (LLVMBasicBlockRef[]){ascii, mend}, 2);
		LLVMBuildStore(cg->b, nx, nslot);
		set_vars(cg, kv, cg_val1(cg, i, types_basic[TY_INT]), vv, cg_val1(cg, r, types_basic[TY_INT32]));
	} else {
		LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, i, i64c(cg, 1), ""), nslot);
		if (wantv) {
			LLVMValueRef off = LLVMBuildMul(cg->b, i, i64c(cg, type_size(et)), "");
			Val v = cg_load(cg, LLVMBuildGEP2(cg->b, cg->i8, base, &off, 1, ""), et);
			set_vars(cg, kv, cg_val1(cg, i, types_basic[TY_INT]), vv, v);
		} else {
			set_var(cg, kv, cg_val1(cg, i, types_basic[TY_INT]));
		}
	}
	body(cg, n, done, post, post);
	cg_position(cg, post);
	LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->i64, nslot, ""), islot);
	LLVMBuildBr(cg->b, cond);
	cg_position(cg, done);
}

static void range_map(CG *cg, Node *n, Type *mt)
{
	extern LLVMValueRef cg_mapdesc(CG *, Node *, Type *);
	Node *x = n->rangestmt.x, *kv = n->rangestmt.key, *vv = n->rangestmt.value;
	Type *u = type_under(mt);
	Val m = cg_expr(cg, x);
	LLVMValueRef md = cg_mapdesc(cg, x, mt);
	cg_set_pos(cg, n->pos);
	LLVMValueRef a[2] = {md, m.v[0]};
	LLVMValueRef it = cg_rt_call(cg, "runtime.mapiterinit", cg->gptr, a, 2, false);
	LLVMBasicBlockRef next = cg_block(cg, "range.next"), bb = cg_block(cg, "range.body"), done = cg_block(cg, "range.done");
	LLVMBuildBr(cg->b, next);
	cg_position(cg, next);
	LLVMTypeRef rt = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->gptr, cg->gptr}, 2, 0);
	LLVMValueRef r = cg_rt_call(cg, "runtime.mapiternext", rt, &it, 1, false);
	LLVMValueRef kp = LLVMBuildExtractValue(cg->b, r, 0, ""), vp = LLVMBuildExtractValue(cg->b, r, 1, "");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, kp, LLVMConstPointerNull(cg->gptr), ""), done, bb);
	cg_position(cg, bb);
	Val k = cg_load(cg, kp, u->key);
	Val v = blank(vv) ? (Val){0} : cg_load(cg, vp, u->elem);
	set_vars(cg, kv, k, vv, v);
	body(cg, n, done, next, next);
	cg_position(cg, done);
}

/* for v := range ch: receive until the channel is closed and drained */
static void range_chan(CG *cg, Node *n, Type *ct)
{
	Val ch = cg_expr(cg, n->rangestmt.x);
	LLVMBasicBlockRef next = cg_block(cg, "range.next"), bb = cg_block(cg, "range.body"), done = cg_block(cg, "range.done");
	LLVMBuildBr(cg->b, next);
	cg_position(cg, next);
	Val ok;
	Val v = cg_chanrecv(cg, ch, ct, n->pos, &ok);
	LLVMBuildCondBr(cg->b, ok.v[0], bb, done);
	cg_position(cg, bb);
	set_var(cg, n->rangestmt.key, v);
	body(cg, n, done, next, next);
	cg_position(cg, done);
}

void cg_range(CG *cg, Node *n)
{
	Node *x = n->rangestmt.x;
	Type *xt = type_under(x->tv.type);
	if (type_is_untyped(xt)) xt = types_basic[TY_STRING];
	if (n->rangestmt.op == OP_DEFINE) {
		Node *vars[2] = {n->rangestmt.key, n->rangestmt.value};
		for (int i = 0; i < 2; i++)
			if (!blank(vars[i]) && vars[i]->ident.obj) cg_declare_local(cg, vars[i]->ident.obj, NULL);
	}
	switch (xt->kind) {
	case TY_MAP:
		range_map(cg, n, x->tv.type);
		return;
	case TY_CHAN:
		range_chan(cg, n, x->tv.type);
		return;
	default:
		range_index(cg, n, xt);
		return;
	}
}
