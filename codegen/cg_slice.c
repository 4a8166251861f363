/*
 * cg_slice.c: lowers slices: make([]T, n, c), slice literals, append, copy,
 * slice expressions (of slices, strings, addressable arrays and pointers to
 * arrays) with gc's bounds checks, and the string <-> []byte / []rune
 * conversions.
 *
 * A slice is {ptr addrspace(1), len, cap}. A slice expression whose result
 * has capacity 0 keeps the old base pointer (as gc does) so that no GC
 * pointer ever points past the end of its object. Memory is moved with
 * runtime.memmove (a leaf: no libc call runs on a goroutine segment).
 */
#include "cg.h"
#include "goabi.h"

static LLVMTypeRef pair_ty(CG *cg, LLVMTypeRef a, LLVMTypeRef b)
{
	return LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){a, b}, 2, 0);
}

static Val mkslice(CG *cg, LLVMValueRef p, LLVMValueRef len, LLVMValueRef cap, Type *t)
{
	Val v = cg_mkval(cg, 3, t);
	v.v[0] = p, v.v[1] = len, v.v[2] = cap;
	return v;
}

static LLVMValueRef i64c(CG *cg, int64_t x) { return LLVMConstInt(cg->i64, (unsigned long long)x, 0); }

LLVMValueRef cg_gptr(CG *cg, LLVMValueRef p)
{
	if (LLVMTypeOf(p) != cg->gptr) p = LLVMBuildAddrSpaceCast(cg->b, p, cg->gptr, "");
	return p;
}

static LLVMValueRef elem_addr(CG *cg, LLVMValueRef base, LLVMValueRef i, Type *et)
{
	LLVMValueRef off = LLVMBuildMul(cg->b, i, i64c(cg, type_size(et)), "");
	return LLVMBuildGEP2(cg->b, cg->i8, base, &off, 1, "");
}

void cg_memmove(CG *cg, LLVMValueRef dst, LLVMValueRef src, LLVMValueRef nbytes)
{
	LLVMValueRef a[3] = {cg_gptr(cg, dst), cg_gptr(cg, src), nbytes};
	cg_rt_call(cg, "runtime.memmove", cg->vd, a, 3, true);
}

/* an integer operand (len, cap, index) as an int */
Val cg_int_arg(CG *cg, Node *n)
{
	if (n->tv.mode == MODE_CONST || type_is_untyped(n->tv.type)) return cg_expr_to(cg, n, types_basic[TY_INT]);
	return cg_convert(cg, cg_expr(cg, n), types_basic[TY_INT]);
}

static bool signed_operand(Node *n)
{
	Type *u = type_under(n->tv.type);
	return type_is_untyped(u) || (u->kind >= TY_INT && u->kind <= TY_INT64);
}

/* ------------------------------------------------------------ make / literals */

static Val new_slice(CG *cg, Type *st, LLVMValueRef len, LLVMValueRef cap)
{
	LLVMValueRef a[3] = {cg_typedesc(cg, type_under(st)->elem), len, cap};
	LLVMValueRef p = cg_rt_call(cg, "runtime.makeslice", cg->gptr, a, 3, false);
	return mkslice(cg, p, len, cap, st);
}

Val cg_make(CG *cg, Node *n)
{
	NodeList *args = &n->call.args;
	Type *t = n->tv.type, *u = type_under(t);
	if (u->kind == TY_MAP) {
		extern Val cg_makemap(CG *, Node *);
		return cg_makemap(cg, n);
	}
	if (u->kind == TY_CHAN) return cg_makechan(cg, n);
	Val len = cg_int_arg(cg, args->v[1]);
	Val cap = args->n > 2 ? cg_int_arg(cg, args->v[2]) : len;
	cg_set_pos(cg, n->pos);
	return new_slice(cg, t, len.v[0], cap.v[0]);
}

Val cg_slice_lit(CG *cg, Node *n)
{
	Type *t = n->tv.type, *et = type_under(t)->elem;
	NodeList *elts = &n->complit.elts;
	int64_t idx = 0, len = 0;
	int64_t *pos = arena_alloc(cg->fnarena, sizeof(int64_t) * (elts->n + 1));
	for (int i = 0; i < elts->n; i++) {
		Node *e = elts->v[i];
		if (e->kind == N_KEYVALUE) idx = const_int64(e->binary.x->tv.val);
		pos[i] = idx++;
		if (idx > len) len = idx;
	}
	cg_set_pos(cg, n->pos);
	Val s = new_slice(cg, t, i64c(cg, len), i64c(cg, len));
	for (int i = 0; i < elts->n; i++) {
		Node *e = elts->v[i];
		if (e->kind == N_KEYVALUE) e = e->binary.y;
		Val v = cg_expr_to(cg, e, et);
		v.t = et;
		cg_store(cg, cg_addr_off(cg, s.v[0], pos[i] * type_size(et)), v);
	}
	return s;
}

/* ------------------------------------------------------------ append / copy */

/* grow s (a slice value) so that it holds newlen elements: {p, newlen, cap} */
static Val grow(CG *cg, Val s, LLVMValueRef newlen, Type *st)
{
	Type *et = type_under(st)->elem;
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef gb = cg_block(cg, "append.grow"), done = cg_block(cg, "append.done");
	LLVMValueRef need = LLVMBuildICmp(cg->b, LLVMIntUGT, newlen, s.v[2], "");
	LLVMBuildCondBr(cg->b, need, gb, done);
	cg_position(cg, gb);
	LLVMValueRef a[5] = {cg_typedesc(cg, et), s.v[0], s.v[1], s.v[2], newlen};
	LLVMValueRef r = cg_rt_call(cg, "runtime.growslice", pair_ty(cg, cg->gptr, cg->i64), a, 5, false);
	LLVMValueRef np = LLVMBuildExtractValue(cg->b, r, 0, ""), ncap = LLVMBuildExtractValue(cg->b, r, 1, "");
	LLVMBasicBlockRef gend = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	cg_position(cg, done);
	LLVMValueRef p = LLVMBuildPhi(cg->b, cg->gptr, "");
	LLVMAddIncoming(p, (LLVMValueRef[]){s.v[0], np}, (LLVMBasicBlockRef[]){from, gend}, 2);
	LLVMValueRef c = LLVMBuildPhi(cg->b, cg->i64, "");
	LLVMAddIncoming(c, (LLVMValueRef[]){s.v[2], ncap}, (LLVMBasicBlockRef[]){from, gend}, 2);
	return mkslice(cg, p, newlen, c, st);
}

Val cg_append(CG *cg, Node *n)
{
	NodeList *args = &n->call.args;
	Type *st = n->tv.type, *et = type_under(st)->elem;
	Type *tt = args->n == 1 ? args->v[0]->tv.type : NULL;
	if (tt && tt->kind == TY_TUPLE) {
		/* append(f()) with f returning the slice and the elements */
		Val t = cg_expr(cg, args->v[0]);
		int k = cg_nscalars(cg, tt->fields[0].type);
		Val s = cg_extract(cg, t, 0, k, tt->fields[0].type);
		s.t = st;
		int ne = tt->nfields - 1;
		if (ne == 0) return s;
		Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (ne + 1));
		for (int i = 0; i < ne; i++) {
			int m = cg_nscalars(cg, tt->fields[i + 1].type);
			vals[i] = cg_convert(cg, cg_extract(cg, t, k, m, tt->fields[i + 1].type), et);
			vals[i].t = et;
			k += m;
		}
		LLVMValueRef oldlen = s.v[1];
		cg_set_pos(cg, n->pos);
		Val r = grow(cg, s, LLVMBuildAdd(cg->b, oldlen, i64c(cg, ne), ""), st);
		LLVMValueRef base = elem_addr(cg, r.v[0], oldlen, et);
		for (int i = 0; i < ne; i++) cg_store(cg, cg_addr_off(cg, base, i * type_size(et)), vals[i]);
		return r;
	}
	Val s = cg_expr_to(cg, args->v[0], st);
	if (args->n == 1) return s;
	if (n->call.dots) {
		Node *x = args->v[1];
		Val t = type_is_string(x->tv.type) ? cg_expr_to(cg, x, types_basic[TY_STRING]) : cg_expr(cg, x);
		LLVMValueRef oldlen = s.v[1];
		cg_set_pos(cg, n->pos);
		Val r = grow(cg, s, LLVMBuildAdd(cg->b, oldlen, t.v[1], ""), st);
		cg_memmove(cg, elem_addr(cg, r.v[0], oldlen, et), t.v[0], LLVMBuildMul(cg->b, t.v[1], i64c(cg, type_size(et)), ""));
		return r;
	}
	int k = args->n - 1;
	Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (k + 1));
	for (int i = 0; i < k; i++) {
		vals[i] = cg_expr_to(cg, args->v[i + 1], et);
		vals[i].t = et;
	}
	LLVMValueRef oldlen = s.v[1];
	cg_set_pos(cg, n->pos);
	Val r = grow(cg, s, LLVMBuildAdd(cg->b, oldlen, i64c(cg, k), ""), st);
	LLVMValueRef base = elem_addr(cg, r.v[0], oldlen, et);
	for (int i = 0; i < k; i++) cg_store(cg, cg_addr_off(cg, base, i * type_size(et)), vals[i]);
	return r;
}

Val cg_copy(CG *cg, Node *n)
{
	NodeList *args = &n->call.args;
	if (args->n == 1) {     /* copy(f()) */
		Type *tt = args->v[0]->tv.type, *dt = tt->fields[0].type, *st = tt->fields[1].type;
		Val t = cg_expr(cg, args->v[0]);
		int n0 = cg_nscalars(cg, dt);
		Val d = cg_extract(cg, t, 0, n0, dt), s = cg_extract(cg, t, n0, cg_nscalars(cg, st), st);
		return cg_copy_vals(cg, dt, d, s);
	}
	Node *dn = args->v[0], *sn = args->v[1];
	Val d = cg_expr(cg, dn);
	Val s = type_is_string(sn->tv.type) ? cg_expr_to(cg, sn, types_basic[TY_STRING]) : cg_expr(cg, sn);
	return cg_copy_vals(cg, dn->tv.type, d, s);
}

/* copy(d, s) on evaluated operands (also for deferred copies) */
Val cg_copy_vals(CG *cg, Type *dt, Val d, Val s)
{
	Type *et = type_under(dt)->elem;
	LLVMValueRef lt = LLVMBuildICmp(cg->b, LLVMIntSLT, d.v[1], s.v[1], "");
	LLVMValueRef cnt = LLVMBuildSelect(cg->b, lt, d.v[1], s.v[1], "");
	cg_memmove(cg, d.v[0], s.v[0], LLVMBuildMul(cg->b, cnt, i64c(cg, type_size(et)), ""));
	return cg_val1(cg, cnt, types_basic[TY_INT]);
}

/* ------------------------------------------------------------ slice expressions */

/* if x >u bound: panicSlice(code, x, bound) */
static void slice_check(CG *cg, LLVMValueRef x, LLVMValueRef bound, int code, bool sig, Pos pos)
{
	if (LLVMIsConstant(x) && LLVMIsConstant(bound) &&
	    LLVMConstIntGetZExtValue(x) <= LLVMConstIntGetZExtValue(bound))
		return;
	LLVMBasicBlockRef bad = cg_block(cg, "slice.oob"), ok = cg_block(cg, "slice.ok");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGT, x, bound, ""), bad, ok);
	cg_position(cg, bad);
	cg_set_pos(cg, pos);
	LLVMValueRef a[3] = {i64c(cg, code | (sig ? RT_SLICE_SIGNED : 0)), x, bound};
	cg_rt_panic_call(cg, "runtime.panicSlice", a, 3);
	cg_position(cg, ok);
}

Val cg_slice_expr(CG *cg, Node *n)
{
	Node *x = n->slice.x;
	Type *xt = type_under(x->tv.type), *rt = n->tv.type;
	LLVMValueRef base, len, cap;
	Type *et;
	bool isslice = xt->kind == TY_SLICE, isstr = type_is_string(xt);
	if (isstr) {
		Val s = cg_expr_to(cg, x, types_basic[TY_STRING]);
		base = s.v[0], len = cap = s.v[1];
		et = types_basic[TY_UINT8];
	} else if (isslice) {
		Val s = cg_expr(cg, x);
		base = s.v[0], len = s.v[1], cap = s.v[2];
		et = xt->elem;
	} else {
		Type *at = xt;
		if (xt->kind == TY_POINTER) {
			Val p = cg_expr(cg, x);
			base = cg_nilcheck(cg, p.v[0], n->pos);
			at = type_under(xt->elem);
		} else {
			LVal lv = cg_lval(cg, x);
			if (lv.kind == LV_LOCAL && type_size(at) == 0) {
				/* a zero-size array: any non-nil address will do */
				LLVMValueRef zb = LLVMGetNamedGlobal(cg->mod, "rt_zerobase");
				if (!zb) zb = LLVMAddGlobal(cg->mod, LLVMArrayType2(cg->i8, 8), "rt_zerobase");
				base = LLVMConstAddrSpaceCast(zb, cg->gptr);
			} else {
				if (lv.kind != LV_MEM) cg_unsupported(cg, n, "slicing this array");
				base = cg_gptr(cg, lv.addr);
			}
		}
		len = cap = i64c(cg, at->len);
		et = at->elem;
	}
	Val lo = n->slice.lo ? cg_int_arg(cg, n->slice.lo) : cg_val1(cg, i64c(cg, 0), types_basic[TY_INT]);
	Val hi = n->slice.hi ? cg_int_arg(cg, n->slice.hi) : cg_val1(cg, len, types_basic[TY_INT]);
	Val mx = n->slice.max ? cg_int_arg(cg, n->slice.max) : cg_val1(cg, cap, types_basic[TY_INT]);
	bool slo = n->slice.lo && signed_operand(n->slice.lo), shi = n->slice.hi && signed_operand(n->slice.hi);
	if (n->slice.slice3) {
		slice_check(cg, mx.v[0], cap, isslice ? RT_SLICE3_ACAP : RT_SLICE3_ALEN, signed_operand(n->slice.max), n->pos);
		slice_check(cg, hi.v[0], mx.v[0], RT_SLICE3_B, shi, n->pos);
		slice_check(cg, lo.v[0], hi.v[0], RT_SLICE3_C, slo, n->pos);
	} else {
		if (n->slice.hi) slice_check(cg, hi.v[0], cap, isslice ? RT_SLICE_ACAP : RT_SLICE_ALEN, shi, n->pos);
		slice_check(cg, lo.v[0], hi.v[0], RT_SLICE_B, slo, n->pos);
	}
	LLVMValueRef rlen = LLVMBuildSub(cg->b, hi.v[0], lo.v[0], "");
	LLVMValueRef rcap = isstr ? rlen : LLVMBuildSub(cg->b, mx.v[0], lo.v[0], "");
	/* an empty result keeps the base: never point past the object */
	LLVMValueRef empty = LLVMBuildICmp(cg->b, LLVMIntEQ, rcap, i64c(cg, 0), "");
	LLVMValueRef p = LLVMBuildSelect(cg->b, empty, base, elem_addr(cg, base, lo.v[0], et), "");
	if (isstr) {
		Val r = cg_mkval(cg, 2, rt);
		r.v[0] = p, r.v[1] = rlen;
		return r;
	}
	return mkslice(cg, p, rlen, rcap, rt);
}

/* ------------------------------------------------------------ conversions */

/* string <-> []byte / []rune conversions; false if v -> to is none of them */
bool cg_convert_slice(CG *cg, Val v, Type *to, Val *out)
{
	Type *fu = type_under(v.t), *tu = type_under(to);
	LLVMTypeRef pi = pair_ty(cg, cg->gptr, cg->i64);
	if (type_is_string(tu) && fu->kind == TY_SLICE) {
		bool rune = type_under(fu->elem)->kind == TY_INT32;
		LLVMValueRef a[2] = {v.v[0], v.v[1]};
		LLVMValueRef r = cg_rt_call(cg, rune ? "runtime.slicerunetostring" : "runtime.slicebytetostring", pi, a, 2, false);
		*out = cg_mkval(cg, 2, to);
		out->v[0] = LLVMBuildExtractValue(cg->b, r, 0, "");
		out->v[1] = LLVMBuildExtractValue(cg->b, r, 1, "");
		return true;
	}
	if (tu->kind == TY_SLICE && type_is_string(fu)) {
		bool rune = type_under(tu->elem)->kind == TY_INT32;
		LLVMValueRef a[2] = {v.v[0], v.v[1]};
		LLVMValueRef r = cg_rt_call(cg, rune ? "runtime.stringtoslicerune" : "runtime.stringtoslicebyte", pi, a, 2, false);
		LLVMValueRef p = LLVMBuildExtractValue(cg->b, r, 0, ""), c = LLVMBuildExtractValue(cg->b, r, 1, "");
		LLVMValueRef len = v.v[1];
		if (rune) {
			/* the rune count: the runtime returns the capacity; count again with a leaf call */
			LLVMValueRef a2[2] = {v.v[0], v.v[1]};
			len = cg_rt_call(cg, "runtime.countrunes", cg->i64, a2, 2, true);
		}
		/* gc converts a constant string into an exactly sized array */
		if (LLVMIsConstant(v.v[0]) && LLVMIsConstant(v.v[1])) c = len;
		*out = mkslice(cg, p, len, c, to);
		return true;
	}
	return false;
}

/* len/cap of arrays, pointers to arrays and maps (strings and slices: cg_builtin) */
Val cg_lencap(CG *cg, Node *n, bool iscap)
{
	Node *x = n->call.args.v[0];
	Type *u = type_under(x->tv.type);
	if (u->kind == TY_POINTER) u = type_under(u->elem);
	if (u->kind == TY_ARRAY) {
		cg_expr(cg, x); /* evaluated for its effects (gc: and a nil *array is fine) */
		return cg_val1(cg, i64c(cg, u->len), types_basic[TY_INT]);
	}
	if (u->kind == TY_MAP && !iscap) {
		Val m = cg_expr(cg, x);
		LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b), ld = cg_block(cg, "maplen"), done = cg_block(cg, "maplen.done");
		LLVMValueRef isnil = LLVMBuildICmp(cg->b, LLVMIntEQ, m.v[0], LLVMConstPointerNull(cg->gptr), "");
		LLVMBuildCondBr(cg->b, isnil, done, ld);
		cg_position(cg, ld);
		LLVMValueRef c = LLVMBuildLoad2(cg->b, cg->i64, m.v[0], "");
		LLVMBuildBr(cg->b, done);
		cg_position(cg, done);
		LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i64, "");
		LLVMAddIncoming(phi, (LLVMValueRef[]){i64c(cg, 0), c}, (LLVMBasicBlockRef[]){from, ld}, 2);
		return cg_val1(cg, phi, types_basic[TY_INT]);
	}
	if (u->kind == TY_CHAN) {
		Val c = cg_expr(cg, x);
		return cg_val1(cg, cg_chanlencap(cg, c, iscap), types_basic[TY_INT]);
	}
	cg_unsupported(cg, n, "len/cap of this type");
}
