/*
 * cg_iface.c: lowers interface values: conversions to interfaces (boxing,
 * static itabs, interface-to-interface through runtime.getitab), type
 * assertions x.(T) and v, ok := x.(T), dynamic types, and == / != on
 * interface values (runtime.efaceeq).
 *
 * eface = {type descriptor, data}, iface = {itab, data}; itab->typ is at +8.
 * Pointer-shaped types (kindDirectIface) are stored in the data word, others
 * in a heap cell. Dynamic types are compared by descriptor pointer (comdat
 * dedup), never by itab pointer (runtime-built itabs differ from static ones).
 */
#include "cg.h"
#include "goabi.h"

static bool nonempty(Type *t) { return type_under(t)->nmethods > 0; }

/* the dynamic type descriptor of interface value v (NULL for nil) */
LLVMValueRef cg_iface_dyntype(CG *cg, Val v, Type *it)
{
	if (!nonempty(it)) return v.v[0];
	LLVMValueRef tab = v.v[0];
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef load = cg_block(cg, "itab.typ"), join = cg_block(cg, "itab.join");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, tab, LLVMConstPointerNull(cg->ptr), ""), join, load);
	cg_position(cg, load);
	LLVMValueRef tp = LLVMBuildGEP2(cg->b, cg->i8, tab, (LLVMValueRef[]){LLVMConstInt(cg->i64, 8, 0)}, 1, "");
	LLVMValueRef typ = LLVMBuildLoad2(cg->b, cg->ptr, tp, "typ");
	LLVMBuildBr(cg->b, join);
	cg_position(cg, join);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->ptr, "dyntype");
	LLVMAddIncoming(phi, (LLVMValueRef[]){LLVMConstPointerNull(cg->ptr), typ}, (LLVMBasicBlockRef[]){from, load}, 2);
	return phi;
}

/* the value of type t held in data word d */
static Val unbox(CG *cg, LLVMValueRef d, Type *t)
{
	if (cg_direct_iface(t)) {
		Val r = cg_mkval(cg, cg_nscalars(cg, t), t);
		if (r.n != 1) cg_unsupported(cg, NULL, "this pointer-shaped interface value");
		r.v[0] = d;
		return r;
	}
	return cg_load(cg, d, t);
}

/* runtime.getitab(inter, typ, canfail) */
static LLVMValueRef getitab(CG *cg, Type *it, LLVMValueRef typ, bool canfail)
{
	LLVMValueRef a[3] = {cg_typedesc(cg, it), typ, LLVMConstInt(cg->i8, canfail, 0)};
	return cg_rt_call(cg, "runtime.getitab", cg->ptr, a, 3, false);
}

/* interface value v (of interface type v.t) -> interface type to */
static Val iface_to_iface(CG *cg, Val v, Type *to)
{
	Val r = cg_mkval(cg, 2, to);
	r.v[1] = v.v[1];
	LLVMValueRef typ = cg_iface_dyntype(cg, v, v.t);
	if (!nonempty(to)) {
		r.v[0] = typ;
		return r;
	}
	/* nil stays nil; otherwise the itab of (to, dynamic type) */
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef conv = cg_block(cg, "i2i"), join = cg_block(cg, "i2i.join");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, typ, LLVMConstPointerNull(cg->ptr), ""), join, conv);
	cg_position(cg, conv);
	LLVMValueRef tab = getitab(cg, to, typ, false);
	LLVMBasicBlockRef convend = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, join);
	cg_position(cg, join);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->ptr, "itab");
	LLVMAddIncoming(phi, (LLVMValueRef[]){LLVMConstPointerNull(cg->ptr), tab}, (LLVMBasicBlockRef[]){from, convend}, 2);
	r.v[0] = phi;
	return r;
}

/* v -> interface type to: {type or itab, data} */
Val cg_to_iface(CG *cg, Val v, Type *to)
{
	if (type_is_interface(v.t)) return iface_to_iface(cg, v, to);
	Val r = cg_mkval(cg, 2, to);
	r.v[0] = nonempty(to) ? cg_itab(cg, v.t, to) : cg_typedesc(cg, v.t);
	if (cg_direct_iface(v.t) && v.n == 1) {
		r.v[1] = v.v[0];
	} else {
		LLVMValueRef box = cg_new(cg, v.t);
		cg_store(cg, box, v);
		r.v[1] = box;
	}
	return r;
}

/* ------------------------------------------------------------ assertions */

/* x.(T): the value and (commaok) an i1 ok flag; on failure without commaok
 * it panics like gc (interface conversion: ...) */
static Val assert_val(CG *cg, Val x, Type *xt, Type *t, bool commaok, LLVMValueRef *okp, Pos pos)
{
	LLVMValueRef typ = cg_iface_dyntype(cg, x, xt);
	int n = cg_nscalars(cg, t);
	Val r = cg_mkval(cg, n, t);
	if (type_is_interface(t)) {
		LLVMValueRef word0;
		if (!nonempty(t)) {
			word0 = typ;
			if (!commaok) {
				LLVMBasicBlockRef bad = cg_block(cg, "assert.nil"), ok = cg_block(cg, "assert.ok");
				LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, typ, LLVMConstPointerNull(cg->ptr), ""), bad, ok);
				cg_position(cg, bad);
				cg_set_pos(cg, pos);
				LLVMValueRef a[3] = {LLVMConstPointerNull(cg->ptr), cg_typedesc(cg, t), LLVMConstPointerNull(cg->ptr)};
				cg_rt_panic_call(cg, "runtime.panicdottypeE", a, 3);
				cg_position(cg, ok);
			}
		} else {
			cg_set_pos(cg, pos);
			word0 = getitab(cg, t, typ, commaok);
		}
		LLVMValueRef ok = LLVMBuildICmp(cg->b, LLVMIntNE, word0, LLVMConstPointerNull(cg->ptr), "ok");
		r.v[0] = word0;
		/* failed comma-ok: the zero value (nil data word) */
		r.v[1] = LLVMBuildSelect(cg->b, ok, x.v[1], LLVMConstPointerNull(cg->gptr), "");
		if (okp) *okp = ok;
		return r;
	}
	LLVMValueRef want = cg_typedesc(cg, t);
	LLVMValueRef match = LLVMBuildICmp(cg->b, LLVMIntEQ, typ, want, "match");
	LLVMBasicBlockRef from, yes = cg_block(cg, "assert.yes"), no = cg_block(cg, "assert.no");
	LLVMBuildCondBr(cg->b, match, yes, no);
	if (!commaok) {
		cg_position(cg, no);
		cg_set_pos(cg, pos);
		LLVMValueRef a[3] = {typ, want, cg_typedesc(cg, xt)};
		cg_rt_panic_call(cg, "runtime.panicdottypeE", a, 3);
		cg_position(cg, yes);
		return unbox(cg, x.v[1], t);
	}
	LLVMBasicBlockRef join = cg_block(cg, "assert.join");
	cg_position(cg, no);
	Val z = cg_zero(cg, t);
	LLVMBuildBr(cg->b, join);
	cg_position(cg, yes);
	Val v = unbox(cg, x.v[1], t);
	from = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, join);
	cg_position(cg, join);
	for (int i = 0; i < n; i++) {
		r.v[i] = LLVMBuildPhi(cg->b, LLVMTypeOf(v.v[i]), "");
		LLVMAddIncoming(r.v[i], (LLVMValueRef[]){v.v[i], z.v[i]}, (LLVMBasicBlockRef[]){from, no}, 2);
	}
	if (okp) {
		*okp = LLVMBuildPhi(cg->b, cg->i1, "ok");
		LLVMAddIncoming(*okp, (LLVMValueRef[]){LLVMConstInt(cg->i1, 1, 0), LLVMConstInt(cg->i1, 0, 0)},
		                (LLVMBasicBlockRef[]){from, no}, 2);
	}
	return r;
}

/* x.(T) in a single-value context */
Val cg_typeassert(CG *cg, Node *n)
{
	Node *x = n->typeassert.x;
	Val xv = cg_expr(cg, x);
	xv.t = x->tv.type;
	return assert_val(cg, xv, x->tv.type, n->tv.type, false, NULL, n->pos);
}

/* v, ok := x.(T): a tuple value (T, bool), or false if n is not a type assertion */
bool cg_assert_commaok(CG *cg, Node *n, Val *out)
{
	n = ast_unparen(n);
	if (n->kind != N_TYPEASSERT) return false;
	Node *x = n->typeassert.x;
	Val xv = cg_expr(cg, x);
	xv.t = x->tv.type;
	LLVMValueRef ok;
	Val v = assert_val(cg, xv, x->tv.type, n->tv.type, true, &ok, n->pos);
	Field f[2] = {{.type = n->tv.type}, {.type = types_basic[TY_BOOL]}};
	Field *fs = arena_alloc(&perm, sizeof f);
	fs[0] = f[0];
	fs[1] = f[1];
	Val r = cg_mkval(cg, v.n + 1, type_tuple(fs, 2));
	for (int i = 0; i < v.n; i++) r.v[i] = v.v[i];
	r.v[v.n] = ok;
	*out = r;
	return true;
}

/* does x (of interface type xt) hold type t? (type switches; t NULL: nil) */
LLVMValueRef cg_iface_is(CG *cg, LLVMValueRef typ, Type *t, Pos pos)
{
	if (!t) return LLVMBuildICmp(cg->b, LLVMIntEQ, typ, LLVMConstPointerNull(cg->ptr), "");
	if (!type_is_interface(t)) return LLVMBuildICmp(cg->b, LLVMIntEQ, typ, cg_typedesc(cg, t), "");
	LLVMValueRef notnil = LLVMBuildICmp(cg->b, LLVMIntNE, typ, LLVMConstPointerNull(cg->ptr), "");
	if (!nonempty(t)) return notnil;
	cg_set_pos(cg, pos);
	LLVMValueRef tab = getitab(cg, t, typ, true);
	return LLVMBuildICmp(cg->b, LLVMIntNE, tab, LLVMConstPointerNull(cg->ptr), "");
}

/* the clause value of a type switch: x as type t (x holds t) */
Val cg_iface_as(CG *cg, Val x, LLVMValueRef typ, Type *t, Pos pos)
{
	if (!type_is_interface(t)) return unbox(cg, x.v[1], t);
	Val r = cg_mkval(cg, 2, t);
	r.v[1] = x.v[1];
	if (!nonempty(t)) r.v[0] = typ;
	else {
		cg_set_pos(cg, pos);
		r.v[0] = getitab(cg, t, typ, false);
	}
	return r;
}

/* the code pointer of method m of interface value x (of interface type it):
 * itab->fun[i], i = m's index in the sorted method set; nil panics */
LLVMValueRef cg_iface_method_fn(CG *cg, Val x, Type *it, Obj *m, Pos pos)
{
	Type *iu = type_under(it);
	int idx = 0;
	for (int i = 0; i < iu->nmethods; i++)
		if (iu->methods[i] == m || iu->methods[i]->name == m->name) idx = i;
	cg_nilcheck(cg, x.v[0], pos);
	LLVMValueRef slot = LLVMBuildGEP2(cg->b, cg->i8, x.v[0], (LLVMValueRef[]){LLVMConstInt(cg->i64, 24 + 8 * idx, 0)}, 1, "");
	return LLVMBuildLoad2(cg->b, cg->ptr, slot, "ifn");
}

/* ------------------------------------------------------------ comparison */

/* x == y (or !=) for two values of interface type t */
Val cg_iface_eq(CG *cg, Op op, Val x, Val y, Type *t, Pos pos)
{
	LLVMValueRef tx = cg_iface_dyntype(cg, x, t);
	LLVMValueRef ty = cg_iface_dyntype(cg, y, t);
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef cmp = cg_block(cg, "ifeq.data"), join = cg_block(cg, "ifeq.join");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, tx, ty, ""), cmp, join);
	cg_position(cg, cmp);
	cg_set_pos(cg, pos);
	LLVMValueRef a[3] = {tx, x.v[1], y.v[1]};
	LLVMValueRef eq = cg_rt_call(cg, "runtime.efaceeq", cg->i8, a, 3, false);
	eq = LLVMBuildICmp(cg->b, LLVMIntNE, eq, LLVMConstInt(cg->i8, 0, 0), "");
	LLVMBasicBlockRef cmpend = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, join);
	cg_position(cg, join);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i1, "ifeq");
	LLVMAddIncoming(phi, (LLVMValueRef[]){LLVMConstInt(cg->i1, 0, 0), eq}, (LLVMBasicBlockRef[]){from, cmpend}, 2);
	if (op == OP_NEQ) phi = LLVMBuildNot(cg->b, phi, "");
	return cg_val1(cg, phi, types_basic[TY_BOOL]);
}
