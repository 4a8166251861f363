/*
 * cg_expr.c: lowers expressions to flattened values (Val), and addressable
 * expressions to LVals (local slots, Go memory, map entries).
 *
 * Runtime checks are explicit compares that call the runtime (every panic
 * starts at a call: ARCHITECTURE.md "Panics"): nil dereference, index out of
 * range, integer division by zero, negative shift counts.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

void cg_declare_local(CG *cg, Obj *o, Val *v);

Val cg_val1(CG *cg, LLVMValueRef x, Type *t)
{
	Val v = cg_mkval(cg, 1, t);
	v.v[0] = x;
	return v;
}

Val cg_extract(CG *cg, Val v, int from, int count, Type *t)
{
	Val r = cg_mkval(cg, count, t);
	for (int i = 0; i < count; i++) r.v[i] = v.v[from + i];
	return r;
}

LLVMValueRef cg_bool(CG *cg, Val v) { return v.v[0]; }

/* ------------------------------------------------------------ constants */

Val cg_zero(CG *cg, Type *t)
{
	if (cg_inmem(cg, t)) return cg_val1(cg, cg_new(cg, t), t);  /* fresh, zeroed */
	int n = cg_nscalars(cg, t);
	LLVMTypeRef *tys = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 1));
	cg_scalars(cg, t, tys, NULL);
	Val v = cg_mkval(cg, n, t);
	for (int i = 0; i < n; i++) v.v[i] = LLVMConstNull(tys[i]);
	return v;
}

static LLVMValueRef gconst_ptr(CG *cg, LLVMValueRef g)
{
	return LLVMConstAddrSpaceCast(g, cg->gptr);
}

/* string constant: data in .rodata (not heap: the GC ignores such pointers) */
Val cg_string_lit(CG *cg, const char *s, size_t n)
{
	Val v = cg_mkval(cg, 2, types_basic[TY_STRING]);
	if (n == 0) {
		v.v[0] = LLVMConstPointerNull(cg->gptr);
	} else {
		LLVMValueRef init = LLVMConstStringInContext(cg->ctx, s, n, 1);
		char name[32];
		snprintf(name, sizeof name, "go.string.%d", cg->nstrings++);
		LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), name);
		LLVMSetInitializer(g, init);
		LLVMSetGlobalConstant(g, 1);
		LLVMSetLinkage(g, LLVMPrivateLinkage);
		LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
		LLVMSetAlignment(g, 1);
		v.v[0] = gconst_ptr(cg, g);
	}
	v.v[1] = LLVMConstInt(cg->i64, n, 0);
	return v;
}

Val cg_const(CG *cg, Const *c, Type *t)
{
	Type *u = type_under(t);
	if (type_is_untyped(u)) {
		t = type_default(u);
		u = t;
	}
	switch (u->kind) {
	case TY_BOOL: return cg_val1(cg, LLVMConstInt(cg->i1, c->b, 0), t);
	case TY_STRING: {
		Val v = cg_string_lit(cg, c->s, c->slen);
		v.t = t;
		return v;
	}
	case TY_FLOAT32: return cg_val1(cg, LLVMConstReal(cg->f32, const_float32(c)), t);
	case TY_FLOAT64: return cg_val1(cg, LLVMConstReal(cg->f64, const_double(c)), t);
	case TY_COMPLEX64:
	case TY_COMPLEX128: {
		double re, im;
		const_complex(c, &re, &im);
		LLVMTypeRef f = u->kind == TY_COMPLEX64 ? cg->f32 : cg->f64;
		Val v = cg_mkval(cg, 2, t);
		v.v[0] = LLVMConstReal(f, re);
		v.v[1] = LLVMConstReal(f, im);
		return v;
	}
	case TY_INTERFACE:
	case TY_POINTER:
	case TY_SLICE:
	case TY_MAP:
	case TY_CHAN:
	case TY_FUNC:
	case TY_UNSAFEPTR:
		return cg_zero(cg, t);
	default: {
		LLVMTypeRef it;
		cg_scalars(cg, t, &it, NULL);
		return cg_val1(cg, LLVMConstInt(it, const_uint64(c), 0), t);
	}
	}
}

/* ------------------------------------------------------------ memory */

LLVMValueRef cg_addr_off(CG *cg, LLVMValueRef base, int64_t off)
{
	if (off == 0) return base;
	LLVMValueRef idx = LLVMConstInt(cg->i64, off, 0);
	return LLVMBuildGEP2(cg->b, cg->i8, base, &idx, 1, "");
}

static LLVMValueRef size_of(CG *cg, Type *t) { return LLVMConstInt(cg->i64, (unsigned long long)type_size(t), 0); }

Val cg_load(CG *cg, LLVMValueRef addr, Type *t)
{
	if (cg_inmem(cg, t)) {
		LLVMValueRef p = cg_new(cg, t);
		cg_memmove(cg, p, addr, size_of(cg, t));
		return cg_val1(cg, p, t);
	}
	int n = cg_nscalars(cg, t);
	LLVMTypeRef *tys = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 1));
	int64_t *offs = arena_alloc(cg->fnarena, sizeof(int64_t) * (n + 1));
	Type **mem = arena_alloc(cg->fnarena, sizeof(Type *) * (n + 1));
	cg_scalars_mem(cg, t, tys, offs, mem);
	Val v = cg_mkval(cg, n, t);
	for (int i = 0; i < n; i++) {
		if (mem[i]) {   /* an in-memory part of a record or tuple */
			v.v[i] = cg_load(cg, cg_addr_off(cg, addr, offs[i]), mem[i]).v[0];
			continue;
		}
		LLVMTypeRef mt = cg_memtype(cg, tys[i]);
		LLVMValueRef x = LLVMBuildLoad2(cg->b, mt, cg_addr_off(cg, addr, offs[i]), "");
		if (mt != tys[i]) x = LLVMBuildTrunc(cg->b, x, tys[i], "");
		v.v[i] = x;
	}
	return v;
}

/* a value in memory that is never written again (an in-memory value's copy,
 * an interface's data): in-memory types use it in place */
Val cg_load_imm(CG *cg, LLVMValueRef addr, Type *t)
{
	if (cg_inmem(cg, t)) return cg_val1(cg, cg_gptr(cg, addr), t);
	return cg_load(cg, addr, t);
}

/* field fi of a struct value / element i of an array value */
Val cg_field(CG *cg, Val v, Type *st, int fi)
{
	Type *u = type_under(st), *ft = u->fields[fi].type;
	types_layout(u);
	if (cg_inmem(cg, u)) return cg_load_imm(cg, cg_addr_off(cg, v.v[0], u->fields[fi].offset), ft);
	return cg_extract(cg, v, cg_field_scalar_index(cg, u, fi), cg_nscalars(cg, ft), ft);
}

Val cg_elem(CG *cg, Val v, Type *at, int64_t i)
{
	Type *u = type_under(at);
	if (cg_inmem(cg, u)) return cg_load_imm(cg, cg_addr_off(cg, v.v[0], i * type_size(u->elem)), u->elem);
	int k = cg_nscalars(cg, u->elem);
	return cg_extract(cg, v, (int)(i * k), k, u->elem);
}

void cg_store(CG *cg, LLVMValueRef addr, Val v)
{
	if (cg_inmem(cg, v.t)) {
		cg_memmove(cg, addr, v.v[0], size_of(cg, v.t));
		return;
	}
	int64_t *offs = arena_alloc(cg->fnarena, sizeof(int64_t) * (v.n + 1));
	LLVMTypeRef *tys = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (v.n + 1));
	Type **mem = arena_alloc(cg->fnarena, sizeof(Type *) * (v.n + 1));
	cg_scalars_mem(cg, v.t, tys, offs, mem);
	for (int i = 0; i < v.n; i++) {
		LLVMValueRef x = v.v[i];
		if (mem[i]) {
			cg_memmove(cg, cg_addr_off(cg, addr, offs[i]), x, size_of(cg, mem[i]));
			continue;
		}
		if (tys[i] == cg->i1) x = LLVMBuildZExt(cg->b, x, cg->i8, "");
		LLVMBuildStore(cg->b, x, cg_addr_off(cg, addr, offs[i]));
	}
}

/* if p == nil: panic (runtime.panicmem); returns p */
LLVMValueRef cg_nilcheck(CG *cg, LLVMValueRef p, Pos pos)
{
	if (LLVMIsConstant(p) && !LLVMIsNull(p)) return p;
	LLVMBasicBlockRef bad = cg_block(cg, "nil"), ok = cg_block(cg, "nonnil");
	LLVMValueRef isnil = LLVMBuildICmp(cg->b, LLVMIntEQ, p, LLVMConstPointerNull(LLVMTypeOf(p)), "");
	LLVMValueRef br = LLVMBuildCondBr(cg->b, isnil, bad, ok);
	(void)br;
	cg_position(cg, bad);
	cg_set_pos(cg, pos);
	cg_rt_panic_call(cg, "runtime.panicmem", NULL, 0);
	cg_position(cg, ok);
	return p;
}

/* idx: the index operand (unsigned types report their index unsigned) */
static void bounds_check(CG *cg, LLVMValueRef i, LLVMValueRef len, Pos pos, Node *idx)
{
	LLVMBasicBlockRef bad = cg_block(cg, "oob"), ok = cg_block(cg, "inb");
	LLVMValueRef out = LLVMBuildICmp(cg->b, LLVMIntUGE, i, len, "");
	LLVMBuildCondBr(cg->b, out, bad, ok);
	cg_position(cg, bad);
	cg_set_pos(cg, pos);
	LLVMValueRef args[2] = {i, len};
	bool uns = idx->tv.mode != MODE_CONST && !type_is_untyped(idx->tv.type) && type_is_unsigned(idx->tv.type);
	cg_rt_panic_call(cg, uns ? "runtime.goPanicIndexU" : "runtime.goPanicIndex", args, 2);
	cg_position(cg, ok);
}

/* an index operand (any integer type) as an int: signed types sign-extend, so
 * negative indexes fail the unsigned bounds check */
static Val index_val(CG *cg, Node *n)
{
	Type *t = n->tv.type;
	if (n->tv.mode == MODE_CONST || type_is_untyped(t)) return cg_expr_to(cg, n, types_basic[TY_INT]);
	Val v = cg_expr(cg, n);
	return cg_convert(cg, v, types_basic[TY_INT]);
}

/* ------------------------------------------------------------ lvalues */

int cg_field_scalar_index(CG *cg, Type *st, int field)
{
	Type *u = type_under(st);
	int k = 0;
	for (int i = 0; i < field; i++) k += cg_nscalars(cg, u->fields[i].type);
	return k;
}

static LVal lv_local(CG *cg, Obj *o)
{
	LVal lv = {.t = o->type};
	Local *l = o->global ? NULL : cg_local(cg, o);
	if (o->global) {
		extern LLVMValueRef cg_global(CG *, Obj *);
		lv.kind = LV_MEM;
		lv.addr = cg_global(cg, o);
	} else if (l->heap) {
		lv.kind = LV_MEM;
		lv.addr = LLVMBuildLoad2(cg->b, cg->gptr, l->addr, o->name);
	} else {
		lv.kind = LV_LOCAL;
		lv.slots = l->slots;
	}
	return lv;
}

LVal cg_lval(CG *cg, Node *n)
{
	Node *u = ast_unparen(n);
	switch (u->kind) {
	case N_IDENT: {
		Obj *o = u->ident.obj;
		if (!o || u->ident.name == intern_cstr("_")) return (LVal){.kind = LV_BLANK, .t = n->tv.type};
		return lv_local(cg, o);
	}
	case N_STAR: {
		Val p = cg_expr(cg, u->unary.x);
		cg_nilcheck(cg, p.v[0], u->pos);
		return (LVal){.kind = LV_MEM, .t = n->tv.type, .addr = p.v[0]};
	}
	case N_SELECTOR: {
		Selection *s = u->selector.info;
		if (s && s->kind == SEL_PKG && s->obj->kind == OBJ_VAR) return lv_local(cg, s->obj);  /* pkg.V */
		if (!s || s->kind != SEL_FIELD) break;
		if (s->kind == SEL_FIELD && s->npath == 0) break;
		/* walk the path: values or pointers */
		Type *t = u->selector.x->tv.type;
		LVal base;
		bool viaptr = type_under(t)->kind == TY_POINTER;
		if (viaptr) {
			Val p = cg_expr(cg, u->selector.x);
			cg_nilcheck(cg, p.v[0], u->pos);
			base = (LVal){.kind = LV_MEM, .addr = p.v[0]};
			t = type_under(t)->elem;
		} else {
			base = cg_lval(cg, u->selector.x);
		}
		for (int i = 0; i < s->npath; i++) {
			Type *st = type_under(t);
			types_layout(st);
			int fi = s->path[i];
			Type *ft = st->fields[fi].type;
			if (base.kind == LV_MEM) {
				base.addr = cg_addr_off(cg, base.addr, st->fields[fi].offset);
			} else if (base.kind == LV_LOCAL) {
				base.slots += cg_field_scalar_index(cg, st, fi);
			}
			t = ft;
			if (i + 1 < s->npath && type_under(t)->kind == TY_POINTER) {
				Val p = base.kind == LV_MEM ? cg_load(cg, base.addr, t) : cg_lval_load(cg, &(LVal){.kind = LV_LOCAL, .slots = base.slots, .t = t});
				cg_nilcheck(cg, p.v[0], u->pos);
				base = (LVal){.kind = LV_MEM, .addr = p.v[0]};
				t = type_under(t)->elem;
			}
		}
		base.t = n->tv.type;
		return base;
	}
	case N_INDEX: {
		Type *xt = type_under(u->index.x->tv.type);
		if (xt->kind == TY_MAP) return cg_map_lval(cg, n);
		if (xt->kind == TY_SLICE) {
			Val s = cg_expr(cg, u->index.x);
			Val i = index_val(cg, u->index.index.v[0]);
			bounds_check(cg, i.v[0], s.v[1], u->pos, u->index.index.v[0]);
			LLVMValueRef off = LLVMBuildMul(cg->b, i.v[0], LLVMConstInt(cg->i64, type_size(xt->elem), 0), "");
			LLVMValueRef a = LLVMBuildGEP2(cg->b, cg->i8, s.v[0], &off, 1, "");
			return (LVal){.kind = LV_MEM, .t = n->tv.type, .addr = a};
		}
		if (xt->kind == TY_ARRAY || (xt->kind == TY_POINTER && type_under(xt->elem)->kind == TY_ARRAY)) {
			LLVMValueRef base;
			Type *at = xt;
			if (xt->kind == TY_POINTER) {
				Val p = cg_expr(cg, u->index.x);
				base = cg_nilcheck(cg, p.v[0], u->pos);
				at = type_under(xt->elem);
			} else {
				LVal b = cg_lval(cg, u->index.x);
				if (b.kind == LV_LOCAL) {
					Node *in = u->index.index.v[0];
					if (in->tv.mode != MODE_CONST) cg_unsupported(cg, n, "indexing this array");
					int k = cg_nscalars(cg, at->elem);
					b.slots += const_int64(in->tv.val) * k;
					b.t = n->tv.type;
					return b;
				}
				base = b.addr;
			}
			Val i = index_val(cg, u->index.index.v[0]);
			bounds_check(cg, i.v[0], LLVMConstInt(cg->i64, at->len, 0), u->pos, u->index.index.v[0]);
			LLVMValueRef off = LLVMBuildMul(cg->b, i.v[0], LLVMConstInt(cg->i64, type_size(at->elem), 0), "");
			LLVMValueRef a = LLVMBuildGEP2(cg->b, cg->i8, base, &off, 1, "");
			return (LVal){.kind = LV_MEM, .t = n->tv.type, .addr = a};
		}
		cg_unsupported(cg, n, "indexing this kind of value");
	}
	default:
		break;
	}
	cg_unsupported(cg, n, "this assignment target");
}

Val cg_lval_load(CG *cg, LVal *lv)
{
	switch (lv->kind) {
	case LV_LOCAL: {
		int n = cg_nscalars(cg, lv->t);
		LLVMTypeRef *tys = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 1));
		cg_scalars(cg, lv->t, tys, NULL);
		Val v = cg_mkval(cg, n, lv->t);
		for (int i = 0; i < n; i++) v.v[i] = LLVMBuildLoad2(cg->b, tys[i], lv->slots[i], "");
		return v;
	}
	case LV_MEM:
		return cg_load(cg, lv->addr, lv->t);
	case LV_MAPINDEX:
		return cg_map_lval_load(cg, lv);
	default:
		cg_fatal("load from blank or map lvalue");
	}
}

void cg_lval_store(CG *cg, LVal *lv, Val v)
{
	switch (lv->kind) {
	case LV_BLANK:
		return;
	case LV_LOCAL:
		for (int i = 0; i < v.n; i++) LLVMBuildStore(cg->b, v.v[i], lv->slots[i]);
		return;
	case LV_MEM:
		v.t = lv->t;
		cg_store(cg, lv->addr, v);
		return;
	case LV_MAPINDEX:
		cg_map_lval_store(cg, lv, v);
		return;
	default:
		cg_fatal("store to map lvalue");
	}
}

/* ------------------------------------------------------------ conversions */

static bool is_signed(Type *t)
{
	TypeKind k = type_under(t)->kind;
	return k >= TY_INT && k <= TY_INT64;
}

Val cg_convert(CG *cg, Val v, Type *to)
{
	Type *from = v.t, *fu = type_under(from), *tu = type_under(to);
	if (type_identical(fu, tu) || (fu->kind == TY_POINTER && tu->kind == TY_POINTER) ||
	    (fu->kind == TY_CHAN && tu->kind == TY_CHAN)) {
		v.t = to;
		return v;
	}
	if (tu->kind == TY_INTERFACE) {
		return cg_to_iface(cg, v, to);
	}
	LLVMTypeRef tt;
	if (type_is_integer(tu) && type_is_integer(fu)) {
		cg_scalars(cg, to, &tt, NULL);
		int fb = type_int_bits(fu), tb = type_int_bits(tu);
		LLVMValueRef x = v.v[0];
		if (tb < fb) x = LLVMBuildTrunc(cg->b, x, tt, "");
		else if (tb > fb) x = is_signed(fu) ? LLVMBuildSExt(cg->b, x, tt, "") : LLVMBuildZExt(cg->b, x, tt, "");
		return cg_val1(cg, x, to);
	}
	if (type_is_float(tu) && type_is_integer(fu)) {
		cg_scalars(cg, to, &tt, NULL);
		LLVMValueRef x = is_signed(fu) ? LLVMBuildSIToFP(cg->b, v.v[0], tt, "") : LLVMBuildUIToFP(cg->b, v.v[0], tt, "");
		return cg_val1(cg, x, to);
	}
	if (type_is_integer(tu) && type_is_float(fu)) {
		cg_scalars(cg, to, &tt, NULL);
		/* Go: implementation-defined for out-of-range values; avoid LLVM poison */
		LLVMValueRef x = is_signed(tu) ? LLVMBuildFPToSI(cg->b, LLVMBuildFreeze(cg->b, v.v[0], ""), tt, "")
		                               : LLVMBuildFPToUI(cg->b, LLVMBuildFreeze(cg->b, v.v[0], ""), tt, "");
		return cg_val1(cg, LLVMBuildFreeze(cg->b, x, ""), to);
	}
	if (type_is_float(tu) && type_is_float(fu)) {
		cg_scalars(cg, to, &tt, NULL);
		LLVMValueRef x = tu->kind == TY_FLOAT32 ? LLVMBuildFPTrunc(cg->b, v.v[0], tt, "") : LLVMBuildFPExt(cg->b, v.v[0], tt, "");
		return cg_val1(cg, x, to);
	}
	if (type_is_complex(tu) && type_is_complex(fu)) {
		LLVMTypeRef ft = tu->kind == TY_COMPLEX64 ? cg->f32 : cg->f64;
		Val r = cg_mkval(cg, 2, to);
		for (int i = 0; i < 2; i++)
			r.v[i] = tu->kind == TY_COMPLEX64 ? LLVMBuildFPTrunc(cg->b, v.v[i], ft, "") : LLVMBuildFPExt(cg->b, v.v[i], ft, "");
		return r;
	}
	if (tu->kind == TY_UNSAFEPTR && fu->kind == TY_UINTPTR) {
		/* uintptr -> unsafe.Pointer: a call rewrite-statepoints-for-gc takes
		 * for a base pointer (it cannot trace an inttoptr); cg_module.c turns
		 * it into inttoptr + addrspacecast afterwards */
		LLVMValueRef f = LLVMGetNamedFunction(cg->mod, CG_INTTOPTR);
		if (!f) {
			f = LLVMAddFunction(cg->mod, CG_INTTOPTR, LLVMFunctionType(cg->gptr, &cg->i64, 1, 0));
			LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
			static const char *const attrs[] = {"memory", "nounwind", "willreturn", "nosync", "nofree"};
			for (int i = 0; i < 5; i++) LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_enumattr(cg, attrs[i]));
		}
		LLVMValueRef c = LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(f), f, &v.v[0], 1, "");
		LLVMAddCallSiteAttribute(c, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
		return cg_val1(cg, c, to);
	}
	if (tu->kind == TY_UINTPTR && fu->kind == TY_UNSAFEPTR) {
		LLVMValueRef p = LLVMBuildAddrSpaceCast(cg->b, v.v[0], cg->ptr, "");
		return cg_val1(cg, LLVMBuildPtrToInt(cg->b, p, cg->i64, ""), to);
	}
	if ((tu->kind == TY_UNSAFEPTR && fu->kind == TY_POINTER) || (tu->kind == TY_POINTER && fu->kind == TY_UNSAFEPTR)) {
		v.t = to;
		return v;
	}
	if (tu->kind == TY_STRING && type_is_integer(fu)) {
		LLVMValueRef x = type_int_bits(fu) < 64 ? (is_signed(fu) ? LLVMBuildSExt(cg->b, v.v[0], cg->i64, "")
		                                                        : LLVMBuildZExt(cg->b, v.v[0], cg->i64, ""))
		                                       : v.v[0];
		LLVMValueRef r = cg_rt_call(cg, "runtime.intstring", LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->gptr, cg->i64}, 2, 0), &x, 1, false);
		Val s = cg_mkval(cg, 2, to);
		s.v[0] = LLVMBuildExtractValue(cg->b, r, 0, "");
		s.v[1] = LLVMBuildExtractValue(cg->b, r, 1, "");
		return s;
	}
	if (fu->kind == TY_SLICE && tu->kind == TY_POINTER && type_under(tu->elem)->kind == TY_ARRAY) {
		/* (*[n]T)(s): len(s) >= n, else gc's panic; the pointer is s's array */
		LLVMValueRef n = LLVMConstInt(cg->i64, (unsigned long long)type_under(tu->elem)->len, 0);
		LLVMBasicBlockRef bad = cg_block(cg, "conv.short"), ok = cg_block(cg, "conv.ok");
		LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, v.v[1], n, ""), bad, ok);
		cg_position(cg, bad);
		LLVMValueRef a[3] = {LLVMConstInt(cg->i64, RT_SLICE_CONVERT | RT_SLICE_SIGNED, 0), v.v[1], n};
		cg_rt_panic_call(cg, "runtime.panicSlice", a, 3);
		cg_position(cg, ok);
		return cg_val1(cg, v.v[0], to);
	}
	Val sv;
	if (cg_convert_slice(cg, v, to, &sv)) return sv;
	cg_unsupported(cg, NULL, "this conversion");
}

/* evaluate n and convert it to type t (assignability conversions) */
Val cg_expr_to(CG *cg, Node *n, Type *t)
{
	if (n->tv.mode == MODE_CONST) {
		if (type_under(t)->kind != TY_INTERFACE) return cg_const(cg, n->tv.val, t);
		Type *ct = type_is_untyped(n->tv.type) ? type_default(n->tv.type) : n->tv.type;
		return cg_convert(cg, cg_const(cg, n->tv.val, ct), t);
	}
	Val v = cg_expr(cg, n);
	if (n->tv.type && n->tv.type->kind == TY_UNTYPED_NIL) return cg_zero(cg, t);
	if (type_under(t)->kind == TY_INTERFACE &&
	    (type_under(v.t)->kind != TY_INTERFACE || !type_identical(type_under(v.t), type_under(t))))
		return cg_convert(cg, v, t);
	v.t = t;
	return v;
}

/* ------------------------------------------------------------ operators */

static LLVMValueRef strcall2(CG *cg, const char *name, LLVMTypeRef ret, Val x, Val y, bool leaf)
{
	LLVMValueRef args[4] = {x.v[0], x.v[1], y.v[0], y.v[1]};
	return cg_rt_call(cg, name, ret, args, 4, leaf);
}

/* x == y for in-memory arrays at x and y: a loop over the elements that
 * stops at the first difference */
static LLVMValueRef array_eq_loop(CG *cg, LLVMValueRef x, LLVMValueRef y, Type *at, Pos pos)
{
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef loop = cg_block(cg, "aeq.loop"), next = cg_block(cg, "aeq.next"), done = cg_block(cg, "aeq.done");
	LLVMBuildBr(cg->b, loop);
	cg_position(cg, loop);
	LLVMValueRef i = LLVMBuildPhi(cg->b, cg->i64, "i");
	LLVMValueRef off = LLVMBuildMul(cg->b, i, size_of(cg, at->elem), "");
	Val a = cg_load_imm(cg, LLVMBuildGEP2(cg->b, cg->i8, x, &off, 1, ""), at->elem);
	Val b = cg_load_imm(cg, LLVMBuildGEP2(cg->b, cg->i8, y, &off, 1, ""), at->elem);
	LLVMValueRef eq = cg_compare_vals(cg, OP_EQL, a, b, at->elem, pos).v[0];
	LLVMBasicBlockRef ne = LLVMGetInsertBlock(cg->b);
	LLVMBuildCondBr(cg->b, eq, next, done);
	cg_position(cg, next);
	LLVMValueRef i1 = LLVMBuildAdd(cg->b, i, LLVMConstInt(cg->i64, 1, 0), "");
	LLVMValueRef more = LLVMBuildICmp(cg->b, LLVMIntULT, i1, LLVMConstInt(cg->i64, (unsigned long long)at->len, 0), "");
	LLVMBuildCondBr(cg->b, more, loop, done);
	LLVMAddIncoming(i, (LLVMValueRef[]){LLVMConstInt(cg->i64, 0, 0), i1}, (LLVMBasicBlockRef[]){from, next}, 2);
	cg_position(cg, done);
	LLVMValueRef r = LLVMBuildPhi(cg->b, cg->i1, "");
	LLVMAddIncoming(r, (LLVMValueRef[]){LLVMConstInt(cg->i1, 0, 0), LLVMConstInt(cg->i1, 1, 0)},
	                (LLVMBasicBlockRef[]){ne, next}, 2);
	return r;
}

/* x == y for structs and arrays, as gc orders it: the leaves (fields and
 * elements, recursively) left to right, stopping at the first difference,
 * in groups separated by the leaves that can panic (interfaces, compared
 * in place); within a group the comparisons that call the runtime come
 * last (string bytes after the lengths, loops over in-memory arrays). So a
 * struct whose cheap fields differ never reads its strings' bytes, and an
 * uncomparable interface value panics exactly when gc's would. */
typedef struct Leaf {
	Val x, y;
	Type *t;
} Leaf;

static void leaves(CG *cg, Val x, Val y, Type *t, Leaf **v, int *n, int *cap)
{
	Type *u = type_under(t);
	if (u->kind == TY_STRUCT) {
		for (int i = 0; i < u->nfields; i++)
			if (u->fields[i].name != intern_cstr("_"))
				leaves(cg, cg_field(cg, x, u, i), cg_field(cg, y, u, i), u->fields[i].type, v, n, cap);
		return;
	}
	if (u->kind == TY_ARRAY && !cg_inmem(cg, u)) {
		for (int64_t i = 0; i < u->len; i++) leaves(cg, cg_elem(cg, x, u, i), cg_elem(cg, y, u, i), u->elem, v, n, cap);
		return;
	}
	if (*n == *cap) {
		int nc = *cap ? 2 * *cap : 16;
		Leaf *nv = arena_alloc(cg->fnarena, sizeof(Leaf) * (size_t)nc);
		if (*n) memcpy(nv, *v, sizeof(Leaf) * (size_t)*n);
		*v = nv, *cap = nc;
	}
	(*v)[(*n)++] = (Leaf){x, y, t};
}

/* can comparing values of type t panic (an interface somewhere inside)? */
static bool eq_can_panic(Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_INTERFACE) return true;
	if (u->kind == TY_ARRAY) return u->len > 0 && eq_can_panic(u->elem);
	if (u->kind == TY_STRUCT)
		for (int i = 0; i < u->nfields; i++)
			if (eq_can_panic(u->fields[i].type)) return true;
	return false;
}

/* branch to ne unless c */
static void eq_or(CG *cg, LLVMValueRef c, LLVMBasicBlockRef ne)
{
	LLVMBasicBlockRef next = cg_block(cg, "aggeq.next");
	LLVMBuildCondBr(cg->b, c, next, ne);
	cg_position(cg, next);
}

/* the comparisons of leaves [from, to) (a group without panicking leaves):
 * cheap ones first, then those that call the runtime */
static void eq_group(CG *cg, Leaf *v, int from, int to, LLVMBasicBlockRef ne, Pos pos)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = from; i < to; i++) {
			Type *lu = type_under(v[i].t);
			bool str = type_is_string(lu), loop = lu->kind == TY_ARRAY;
			if (pass == 0 && loop) continue;
			if (pass == 1 && !str && !loop) continue;
			if (pass == 0 && str) eq_or(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, v[i].x.v[1], v[i].y.v[1], ""), ne);
			else eq_or(cg, cg_compare_vals(cg, OP_EQL, v[i].x, v[i].y, v[i].t, pos).v[0], ne);
		}
}

static LLVMValueRef aggregate_eq(CG *cg, Val x, Val y, Type *t, Pos pos)
{
	Leaf *v = NULL;
	int n = 0, cap = 0;
	leaves(cg, x, y, t, &v, &n, &cap);
	LLVMBasicBlockRef ne = cg_block(cg, "aggeq.ne"), eq = cg_block(cg, "aggeq.eq"), done = cg_block(cg, "aggeq.done");
	int start = 0;
	for (int i = 0; i <= n; i++) {
		if (i < n && !eq_can_panic(v[i].t)) continue;
		eq_group(cg, v, start, i, ne, pos);
		if (i < n) eq_or(cg, cg_compare_vals(cg, OP_EQL, v[i].x, v[i].y, v[i].t, pos).v[0], ne);
		start = i + 1;
	}
	LLVMBuildBr(cg->b, eq);
	cg_position(cg, eq);
	LLVMBuildBr(cg->b, done);
	cg_position(cg, ne);
	LLVMBuildBr(cg->b, done);
	cg_position(cg, done);
	LLVMValueRef r = LLVMBuildPhi(cg->b, cg->i1, "");
	LLVMAddIncoming(r, (LLVMValueRef[]){LLVMConstInt(cg->i1, 1, 0), LLVMConstInt(cg->i1, 0, 0)},
	                (LLVMBasicBlockRef[]){eq, ne}, 2);
	return r;
}

Val cg_compare_vals(CG *cg, Op op, Val x, Val y, Type *ot, Pos pos)
{
	Type *u = type_under(ot);
	LLVMValueRef r;
	static const LLVMIntPredicate spred[] = {[OP_EQL] = LLVMIntEQ, [OP_NEQ] = LLVMIntNE, [OP_LSS] = LLVMIntSLT,
	                                         [OP_LEQ] = LLVMIntSLE, [OP_GTR] = LLVMIntSGT, [OP_GEQ] = LLVMIntSGE};
	static const LLVMIntPredicate upred[] = {[OP_EQL] = LLVMIntEQ, [OP_NEQ] = LLVMIntNE, [OP_LSS] = LLVMIntULT,
	                                         [OP_LEQ] = LLVMIntULE, [OP_GTR] = LLVMIntUGT, [OP_GEQ] = LLVMIntUGE};
	static const LLVMRealPredicate fpred[] = {[OP_EQL] = LLVMRealOEQ, [OP_NEQ] = LLVMRealUNE, [OP_LSS] = LLVMRealOLT,
	                                          [OP_LEQ] = LLVMRealOLE, [OP_GTR] = LLVMRealOGT, [OP_GEQ] = LLVMRealOGE};
	if (type_is_string(u)) {
		if (op == OP_EQL || op == OP_NEQ) {
			/* equal lengths and equal bytes */
			LLVMValueRef eq = LLVMBuildZExt(cg->b, strcall2(cg, "runtime.eqstring", cg->i8, x, y, true), cg->i64, "");
			r = LLVMBuildICmp(cg->b, op == OP_EQL ? LLVMIntNE : LLVMIntEQ, eq, LLVMConstInt(cg->i64, 0, 0), "");
		} else {
			LLVMValueRef c = strcall2(cg, "runtime.cmpstring", cg->i64, x, y, true);
			r = LLVMBuildICmp(cg->b, spred[op], c, LLVMConstInt(cg->i64, 0, 0), "");
		}
	} else if (type_is_float(u)) {
		r = LLVMBuildFCmp(cg->b, fpred[op], x.v[0], y.v[0], "");
	} else if (type_is_complex(u)) {
		LLVMValueRef re = LLVMBuildFCmp(cg->b, LLVMRealOEQ, x.v[0], y.v[0], "");
		LLVMValueRef im = LLVMBuildFCmp(cg->b, LLVMRealOEQ, x.v[1], y.v[1], "");
		r = LLVMBuildAnd(cg->b, re, im, "");
		if (op == OP_NEQ) r = LLVMBuildNot(cg->b, r, "");
	} else if (u->kind == TY_STRUCT || u->kind == TY_ARRAY || u->kind == TY_INTERFACE) {
		if (u->kind == TY_INTERFACE) return cg_iface_eq(cg, op, x, y, ot, pos);
		r = cg_inmem(cg, u) && u->kind == TY_ARRAY ? array_eq_loop(cg, x.v[0], y.v[0], u, pos) : aggregate_eq(cg, x, y, u, pos);
		if (op == OP_NEQ) r = LLVMBuildNot(cg->b, r, "");
	} else if (type_is_unsigned(u) || u->kind == TY_POINTER || u->kind == TY_BOOL || u->kind == TY_UNSAFEPTR ||
	           u->kind == TY_MAP || u->kind == TY_CHAN || u->kind == TY_FUNC || u->kind == TY_SLICE) {
		r = LLVMBuildICmp(cg->b, upred[op], x.v[0], y.v[0], "");
	} else {
		r = LLVMBuildICmp(cg->b, spred[op], x.v[0], y.v[0], "");
	}
	return cg_val1(cg, r, types_basic[TY_BOOL]);
}

static LLVMValueRef divcheck(CG *cg, LLVMValueRef y, Pos pos)
{
	LLVMBasicBlockRef bad = cg_block(cg, "divzero"), ok = cg_block(cg, "divok");
	LLVMValueRef z = LLVMBuildICmp(cg->b, LLVMIntEQ, y, LLVMConstNull(LLVMTypeOf(y)), "");
	LLVMBuildCondBr(cg->b, z, bad, ok);
	cg_position(cg, bad);
	cg_set_pos(cg, pos);
	cg_rt_panic_call(cg, "runtime.panicdivide", NULL, 0);
	cg_position(cg, ok);
	return y;
}

/* x / y and x % y for signed integers: Go defines MinInt / -1 = MinInt and
 * MinInt % -1 = 0, where LLVM (and x86) would trap */
static LLVMValueRef sdiv(CG *cg, Op op, LLVMValueRef x, LLVMValueRef y)
{
	LLVMTypeRef t = LLVMTypeOf(x);
	LLVMBasicBlockRef neg1 = cg_block(cg, "divm1"), norm = cg_block(cg, "div"), join = cg_block(cg, "divjoin");
	LLVMValueRef ism1 = LLVMBuildICmp(cg->b, LLVMIntEQ, y, LLVMConstAllOnes(t), "");
	LLVMBuildCondBr(cg->b, ism1, neg1, norm);
	cg_position(cg, neg1);
	LLVMValueRef a = op == OP_QUO ? LLVMBuildSub(cg->b, LLVMConstNull(t), x, "") : LLVMConstNull(t);
	LLVMBuildBr(cg->b, join);
	cg_position(cg, norm);
	LLVMValueRef b = op == OP_QUO ? LLVMBuildSDiv(cg->b, x, y, "") : LLVMBuildSRem(cg->b, x, y, "");
	LLVMBuildBr(cg->b, join);
	cg_position(cg, join);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, t, "");
	LLVMAddIncoming(phi, (LLVMValueRef[]){a, b}, (LLVMBasicBlockRef[]){neg1, norm}, 2);
	return phi;
}

Val cg_shift(CG *cg, Op op, Val x, Val s, Type *t, Type *st, Pos pos)
{
	LLVMTypeRef xt = LLVMTypeOf(x.v[0]);
	LLVMValueRef cnt = s.v[0];
	int sb = type_int_bits(st);
	if (is_signed(st)) {
		/* negative shift count: panic */
		LLVMBasicBlockRef bad = cg_block(cg, "negshift"), ok = cg_block(cg, "shiftok");
		LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, cnt, LLVMConstNull(LLVMTypeOf(cnt)), "");
		LLVMBuildCondBr(cg->b, neg, bad, ok);
		cg_position(cg, bad);
		cg_set_pos(cg, pos);
		cg_rt_panic_call(cg, "runtime.panicshift", NULL, 0);
		cg_position(cg, ok);
	}
	/* widen the count to 64 bits unsigned */
	if (sb < 64) cnt = LLVMBuildZExt(cg->b, cnt, cg->i64, "");
	int xb = type_int_bits(t);
	LLVMValueRef big = LLVMBuildICmp(cg->b, LLVMIntUGE, cnt, LLVMConstInt(cg->i64, xb, 0), "");
	LLVMValueRef c = xb < 64 ? LLVMBuildTrunc(cg->b, LLVMBuildSelect(cg->b, big, LLVMConstInt(cg->i64, xb - 1, 0), cnt, ""), xt, "")
	                         : LLVMBuildSelect(cg->b, big, LLVMConstInt(cg->i64, xb - 1, 0), cnt, "");
	LLVMValueRef r;
	if (op == OP_SHL) {
		r = LLVMBuildShl(cg->b, x.v[0], c, "");
		r = LLVMBuildSelect(cg->b, big, LLVMConstNull(xt), r, "");
	} else if (is_signed(t)) {
		r = LLVMBuildAShr(cg->b, x.v[0], c, ""); /* count clamped to width-1: sign fill */
	} else {
		r = LLVMBuildLShr(cg->b, x.v[0], c, "");
		r = LLVMBuildSelect(cg->b, big, LLVMConstNull(xt), r, "");
	}
	return cg_val1(cg, r, t);
}

Val cg_binary(CG *cg, Op op, Val x, Val y, Type *t, Pos pos)
{
	Type *u = type_under(t);
	if (type_is_string(u)) {
		if (op != OP_ADD) cg_fatal("string op %d", op);
		LLVMTypeRef st = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->gptr, cg->i64}, 2, 0);
		LLVMValueRef r = strcall2(cg, "runtime.concatstring2", st, x, y, false);
		Val v = cg_mkval(cg, 2, t);
		v.v[0] = LLVMBuildExtractValue(cg->b, r, 0, "");
		v.v[1] = LLVMBuildExtractValue(cg->b, r, 1, "");
		return v;
	}
	if (type_is_float(u)) {
		LLVMValueRef r;
		switch (op) {
		case OP_ADD: r = LLVMBuildFAdd(cg->b, x.v[0], y.v[0], ""); break;
		case OP_SUB: r = LLVMBuildFSub(cg->b, x.v[0], y.v[0], ""); break;
		case OP_MUL: r = LLVMBuildFMul(cg->b, x.v[0], y.v[0], ""); break;
		case OP_QUO: r = LLVMBuildFDiv(cg->b, x.v[0], y.v[0], ""); break;
		default: cg_fatal("float op %d", op);
		}
		return cg_val1(cg, r, t);
	}
	if (type_is_complex(u)) {
		LLVMValueRef a = x.v[0], b = x.v[1], c = y.v[0], d = y.v[1], re, im;
		switch (op) {
		case OP_ADD: re = LLVMBuildFAdd(cg->b, a, c, ""); im = LLVMBuildFAdd(cg->b, b, d, ""); break;
		case OP_SUB: re = LLVMBuildFSub(cg->b, a, c, ""); im = LLVMBuildFSub(cg->b, b, d, ""); break;
		case OP_MUL:
			re = LLVMBuildFSub(cg->b, LLVMBuildFMul(cg->b, a, c, ""), LLVMBuildFMul(cg->b, b, d, ""), "");
			im = LLVMBuildFAdd(cg->b, LLVMBuildFMul(cg->b, a, d, ""), LLVMBuildFMul(cg->b, b, c, ""), "");
			break;
		case OP_QUO: {
			/* runtime.complex128div (Smith's method + C99 Annex G), in double precision */
			bool c64 = u->kind == TY_COMPLEX64;
			LLVMValueRef args[4] = {a, b, c, d};
			for (int i = 0; c64 && i < 4; i++) args[i] = LLVMBuildFPExt(cg->b, args[i], cg->f64, "");
			LLVMTypeRef rt = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->f64, cg->f64}, 2, 0);
			LLVMValueRef q = cg_rt_call(cg, "runtime.complex128div", rt, args, 4, true);
			re = LLVMBuildExtractValue(cg->b, q, 0, "");
			im = LLVMBuildExtractValue(cg->b, q, 1, "");
			if (c64) re = LLVMBuildFPTrunc(cg->b, re, cg->f32, ""), im = LLVMBuildFPTrunc(cg->b, im, cg->f32, "");
			break;
		}
		default: cg_unsupported(cg, NULL, "complex division");
		}
		Val v = cg_mkval(cg, 2, t);
		v.v[0] = re;
		v.v[1] = im;
		return v;
	}
	LLVMValueRef a = x.v[0], b = y.v[0], r;
	bool sg = is_signed(u);
	switch (op) {
	case OP_ADD: r = LLVMBuildAdd(cg->b, a, b, ""); break;
	case OP_SUB: r = LLVMBuildSub(cg->b, a, b, ""); break;
	case OP_MUL: r = LLVMBuildMul(cg->b, a, b, ""); break;
	case OP_QUO:
	case OP_REM:
		divcheck(cg, b, pos);
		if (sg) r = sdiv(cg, op, a, b);
		else r = op == OP_QUO ? LLVMBuildUDiv(cg->b, a, b, "") : LLVMBuildURem(cg->b, a, b, "");
		break;
	case OP_AND: r = LLVMBuildAnd(cg->b, a, b, ""); break;
	case OP_OR: r = LLVMBuildOr(cg->b, a, b, ""); break;
	case OP_XOR: r = LLVMBuildXor(cg->b, a, b, ""); break;
	case OP_ANDNOT: r = LLVMBuildAnd(cg->b, a, LLVMBuildNot(cg->b, b, ""), ""); break;
	default: cg_fatal("int op %d", op);
	}
	return cg_val1(cg, r, t);
}

static Val logical(CG *cg, Node *n)
{
	bool isand = n->binary.op == OP_LAND;
	LLVMValueRef l = cg_cond(cg, n->binary.x);
	LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
	LLVMBasicBlockRef rhs = cg_block(cg, isand ? "and.rhs" : "or.rhs"), join = cg_block(cg, "logic.join");
	if (isand) LLVMBuildCondBr(cg->b, l, rhs, join);
	else LLVMBuildCondBr(cg->b, l, join, rhs);
	cg_position(cg, rhs);
	LLVMValueRef r = cg_cond(cg, n->binary.y);
	LLVMBasicBlockRef rend = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, join);
	cg_position(cg, join);
	LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->i1, "");
	LLVMAddIncoming(phi, (LLVMValueRef[]){LLVMConstInt(cg->i1, isand ? 0 : 1, 0), r}, (LLVMBasicBlockRef[]){from, rend}, 2);
	return cg_val1(cg, phi, n->tv.type);
}

LLVMValueRef cg_cond(CG *cg, Node *n)
{
	Val v = cg_expr(cg, n);
	return v.v[0];
}

static bool is_nil(Node *n)
{
	n = ast_unparen(n);
	return n->tv.type->kind == TY_UNTYPED_NIL || (n->kind == N_IDENT && n->ident.obj && n->ident.obj->kind == OBJ_NIL);
}

/* string(b) of a []byte b as an operand of a comparison: the bytes in place,
 * without the copy (gc's slicebytetostringtmp), since the comparison keeps
 * nothing. gc evaluates the other operand's calls before the comparison, so it
 * too compares the bytes as they are then. */
static bool bytes_operand(CG *cg, Node *x, Val *out)
{
	x = ast_unparen(x);
	if (x->kind != N_CALL || x->call.fun->tv.mode != MODE_TYPE || x->call.args.n != 1 || x->call.dots) return false;
	Node *a = x->call.args.v[0];
	Type *tu = type_under(x->tv.type), *fu = type_under(a->tv.type);
	if (tu->kind != TY_STRING || fu->kind != TY_SLICE || type_under(fu->elem)->kind != TY_UINT8) return false;
	Val s = cg_expr(cg, a);
	*out = cg_mkval(cg, 2, x->tv.type);
	out->v[0] = s.v[0];
	out->v[1] = s.v[1];
	return true;
}

static Val binary_expr(CG *cg, Node *n)
{
	Op op = n->binary.op;
	if (op == OP_LAND || op == OP_LOR) return logical(cg, n);
	Node *x = n->binary.x, *y = n->binary.y;
	if (op >= OP_EQL && op <= OP_GEQ) {
		/* operands have one type (or one is nil / an interface) */
		Type *ot = x->tv.type;
		if (ot->kind == TY_UNTYPED_NIL || type_is_untyped(ot)) ot = y->tv.type;
		if (type_is_untyped(ot)) ot = type_default(ot);
		if (type_is_interface(x->tv.type) != type_is_interface(y->tv.type) && x->tv.type->kind != TY_UNTYPED_NIL &&
		    y->tv.type->kind != TY_UNTYPED_NIL)
			ot = type_is_interface(x->tv.type) ? x->tv.type : y->tv.type; /* the concrete operand is converted */
		Val a, b;
		if (!type_is_string(ot) || !bytes_operand(cg, x, &a)) a = cg_expr_to(cg, x, ot);
		if (!type_is_string(ot) || !bytes_operand(cg, y, &b)) b = cg_expr_to(cg, y, ot);
		if (type_is_interface(ot) && (is_nil(x) || is_nil(y))) {
			/* i == nil: the type word alone */
			LLVMValueRef w = is_nil(x) ? b.v[0] : a.v[0];
			LLVMValueRef c = LLVMBuildICmp(cg->b, op == OP_EQL ? LLVMIntEQ : LLVMIntNE, w, LLVMConstNull(LLVMTypeOf(w)), "");
			return cg_val1(cg, c, types_basic[TY_BOOL]);
		}
		return cg_compare_vals(cg, op, a, b, ot, n->pos);
	}
	if (op == OP_SHL || op == OP_SHR) {
		Val a = cg_expr_to(cg, x, n->tv.type);
		Type *st = y->tv.type;
		if (type_is_untyped(st)) st = types_basic[TY_UINT];
		Val b = cg_expr_to(cg, y, st);
		return cg_shift(cg, op, a, b, n->tv.type, st, n->pos);
	}
	Val a = cg_expr_to(cg, x, n->tv.type), b = cg_expr_to(cg, y, n->tv.type);
	return cg_binary(cg, op, a, b, n->tv.type, n->pos);
}

static Val unary_expr(CG *cg, Node *n)
{
	Node *x = n->unary.x;
	switch (n->unary.op) {
	case OP_ADD:
		return cg_expr_to(cg, x, n->tv.type);
	case OP_SUB: {
		Val v = cg_expr_to(cg, x, n->tv.type);
		Type *u = type_under(n->tv.type);
		if (type_is_float(u)) return cg_val1(cg, LLVMBuildFNeg(cg->b, v.v[0], ""), n->tv.type);
		if (type_is_complex(u)) {
			Val r = cg_mkval(cg, 2, n->tv.type);
			r.v[0] = LLVMBuildFNeg(cg->b, v.v[0], "");
			r.v[1] = LLVMBuildFNeg(cg->b, v.v[1], "");
			return r;
		}
		return cg_val1(cg, LLVMBuildNeg(cg->b, v.v[0], ""), n->tv.type);
	}
	case OP_XOR: {
		Val v = cg_expr_to(cg, x, n->tv.type);
		return cg_val1(cg, LLVMBuildNot(cg->b, v.v[0], ""), n->tv.type);
	}
	case OP_NOT: {
		LLVMValueRef c = cg_cond(cg, x);
		return cg_val1(cg, LLVMBuildNot(cg->b, c, ""), n->tv.type);
	}
	case OP_ARROW: {
		Val ch = cg_expr(cg, x);
		Val v = cg_chanrecv(cg, ch, x->tv.type, n->pos, NULL);
		v.t = n->tv.type;
		return v;
	}
	case OP_AND: {
		Node *ux = ast_unparen(x);
		if (ux->kind == N_COMPOSITELIT) {
			LLVMValueRef p = cg_new(cg, ux->tv.type);
			Val v = cg_expr(cg, ux);
			cg_store(cg, p, v);
			return cg_val1(cg, p, n->tv.type);
		}
		LVal lv = cg_lval(cg, x);
		if (lv.kind != LV_MEM) cg_unsupported(cg, n, "taking this address");
		LLVMValueRef a = lv.addr;
		if (LLVMTypeOf(a) == cg->ptr) a = LLVMBuildAddrSpaceCast(cg->b, a, cg->gptr, "");
		return cg_val1(cg, a, n->tv.type);
	}
	default:
		cg_unsupported(cg, n, "this unary operator");
	}
}

/* ------------------------------------------------------------ composite literals */

/* a composite literal of an in-memory type: built in a fresh heap copy */
static Val complit_mem(CG *cg, Node *n)
{
	Type *t = n->tv.type, *u = type_under(t);
	types_layout(u);
	LLVMValueRef p = cg_new(cg, t);
	int64_t idx = 0;
	for (int i = 0; i < n->complit.elts.n; i++) {
		Node *e = n->complit.elts.v[i];
		Type *et;
		int64_t off;
		if (u->kind == TY_STRUCT) {
			int fi = i;
			if (e->kind == N_KEYVALUE) {
				for (int k = 0; k < u->nfields; k++)
					if (u->fields[k].name == e->binary.x->ident.name) fi = k;
				e = e->binary.y;
			}
			et = u->fields[fi].type;
			off = u->fields[fi].offset;
		} else {
			if (e->kind == N_KEYVALUE) {
				idx = const_int64(e->binary.x->tv.val);
				e = e->binary.y;
			}
			et = u->elem;
			off = idx++ * type_size(et);
		}
		Val f = cg_expr_to(cg, e, et);
		f.t = et;
		if (u->kind == TY_STRUCT && u->fields[(int)(i < u->nfields ? i : 0)].name == intern_cstr("_") &&
		    n->complit.elts.v[i]->kind != N_KEYVALUE)
			continue;   /* a blank field: evaluated, not stored (gc) */
		cg_store(cg, cg_addr_off(cg, p, off), f);
	}
	return cg_val1(cg, p, t);
}

static Val complit(CG *cg, Node *n)
{
	Type *t = n->tv.type, *u = type_under(t);
	if (cg_inmem(cg, t)) return complit_mem(cg, n);
	Val v = cg_zero(cg, t);
	if (u->kind == TY_STRUCT) {
		for (int i = 0; i < n->complit.elts.n; i++) {
			Node *e = n->complit.elts.v[i];
			int fi = i;
			if (e->kind == N_KEYVALUE) {
				for (int k = 0; k < u->nfields; k++)
					if (u->fields[k].name == e->binary.x->ident.name) fi = k;
				e = e->binary.y;
			}
			Type *ft = u->fields[fi].type;
			Val f = cg_expr_to(cg, e, ft);
			if (u->fields[fi].name == intern_cstr("_")) continue;  /* evaluated, not stored (gc) */
			int k = cg_field_scalar_index(cg, u, fi);
			for (int j = 0; j < f.n; j++) v.v[k + j] = f.v[j];
		}
		return v;
	}
	if (u->kind == TY_ARRAY) {
		int n1 = cg_nscalars(cg, u->elem);
		int64_t idx = 0;
		for (int i = 0; i < n->complit.elts.n; i++) {
			Node *e = n->complit.elts.v[i];
			if (e->kind == N_KEYVALUE) {
				idx = const_int64(e->binary.x->tv.val);
				e = e->binary.y;
			}
			Val f = cg_expr_to(cg, e, u->elem);
			for (int j = 0; j < f.n; j++) v.v[idx * n1 + j] = f.v[j];
			idx++;
		}
		return v;
	}
	if (u->kind == TY_SLICE) return cg_slice_lit(cg, n);
	if (u->kind == TY_MAP) return cg_map_lit(cg, n);
	if (u->kind == TY_POINTER) {
		/* an element of a literal whose &T is elided: []*T{{...}} */
		Type *et = u->elem;
		n->tv.type = et;
		Val v = complit(cg, n);
		n->tv.type = t;
		LLVMValueRef p = cg_new(cg, et);
		v.t = et;
		cg_store(cg, p, v);
		return cg_val1(cg, p, t);
	}
	cg_unsupported(cg, n, "this composite literal");
}

/* ------------------------------------------------------------ dispatch */

static Val ident_expr(CG *cg, Node *n)
{
	Obj *o = n->ident.obj;
	if (!o) cg_fatal("unresolved identifier %s", n->ident.name);
	switch (o->kind) {
	case OBJ_VAR: {
		LVal lv = lv_local(cg, o);
		Val v = cg_lval_load(cg, &lv);
		v.t = n->tv.type;
		return v;
	}
	case OBJ_NIL:
		return cg_zero(cg, n->tv.type);
	case OBJ_FUNC:
		return cg_func_value(cg, o, n->tv.type);
	default:
		cg_fatal("identifier %s of kind %d", n->ident.name, o->kind);
	}
}

static Val selector_expr(CG *cg, Node *n)
{
	Selection *s = n->selector.info;
	if (s && s->kind == SEL_PKG) {
		Obj *o = s->obj;
		if (o->kind == OBJ_VAR) {
			LVal lv = lv_local(cg, o);
			return cg_lval_load(cg, &lv);
		}
		if (o->kind == OBJ_FUNC) return cg_func_value(cg, o, n->tv.type);
		cg_unsupported(cg, n, "this qualified identifier");
	}
	if (s && s->kind == SEL_FIELD) {
		/* a field of a value that is not addressable: extract from the value */
		Node *x = n->selector.x;
		if (x->tv.mode != MODE_VAR && type_under(x->tv.type)->kind != TY_POINTER && !s->indirect) {
			Val v = cg_expr(cg, x);
			Type *t = x->tv.type;
			for (int i = 0; i < s->npath; i++) {
				v = cg_field(cg, v, t, s->path[i]);
				t = type_under(t)->fields[s->path[i]].type;
			}
			v.t = n->tv.type;
			return v;
		}
		LVal lv = cg_lval(cg, n);
		return cg_lval_load(cg, &lv);
	}
	if (s && (s->kind == SEL_METHOD || s->kind == SEL_IFACE)) return cg_method_value(cg, n);
	if (s && s->kind == SEL_METHODEXPR) return cg_method_expr(cg, n);
	cg_unsupported(cg, n, "method values");
}

static Val index_expr(CG *cg, Node *n)
{
	Node *x = n->index.x;
	Type *xt = type_under(x->tv.type);
	if (type_is_string(xt)) {
		Val s = cg_expr_to(cg, x, types_basic[TY_STRING]);
		Val i = index_val(cg, n->index.index.v[0]);
		bounds_check(cg, i.v[0], s.v[1], n->pos, n->index.index.v[0]);
		LLVMValueRef p = LLVMBuildGEP2(cg->b, cg->i8, s.v[0], &i.v[0], 1, "");
		return cg_val1(cg, LLVMBuildLoad2(cg->b, cg->i8, p, ""), n->tv.type);
	}
	if (xt->kind == TY_SLICE) {
		LVal lv = cg_lval(cg, n);
		return cg_lval_load(cg, &lv);
	}
	if (xt->kind == TY_MAP) return cg_map_index(cg, n);
	if (xt->kind == TY_ARRAY || xt->kind == TY_POINTER) {
		Node *in = n->index.index.v[0];
		if (xt->kind == TY_POINTER || x->tv.mode == MODE_VAR) {
			LVal lv = cg_lval(cg, n);
			return cg_lval_load(cg, &lv);
		}
		Val a = cg_expr(cg, x);
		if (in->tv.mode == MODE_CONST) {
			Val e = cg_elem(cg, a, xt, const_int64(in->tv.val));
			e.t = n->tv.type;
			return e;
		}
		/* a computed array value indexed by a variable: in memory (or spilled there) */
		LLVMValueRef tmp = a.v[0];
		if (!cg_inmem(cg, xt)) {
			tmp = cg_new(cg, x->tv.type);
			cg_store(cg, tmp, a);
		}
		Val i = index_val(cg, in);
		bounds_check(cg, i.v[0], LLVMConstInt(cg->i64, xt->len, 0), n->pos, in);
		LLVMValueRef off = LLVMBuildMul(cg->b, i.v[0], LLVMConstInt(cg->i64, type_size(xt->elem), 0), "");
		return cg_load_imm(cg, LLVMBuildGEP2(cg->b, cg->i8, tmp, &off, 1, ""), n->tv.type);
	}
	cg_unsupported(cg, n, "this index expression");
}

Val cg_expr(CG *cg, Node *n)
{
	if (n->tv.mode == MODE_CONST) return cg_const(cg, n->tv.val, n->tv.type);
	cg_set_pos(cg, n->pos);
	switch (n->kind) {
	case N_PAREN: {
		Val v = cg_expr(cg, n->unary.x);
		v.t = n->tv.type;
		return v;
	}
	case N_IDENT: return ident_expr(cg, n);
	case N_BINARY: return binary_expr(cg, n);
	case N_UNARY: return unary_expr(cg, n);
	case N_STAR: {
		Val p = cg_expr(cg, n->unary.x);
		cg_nilcheck(cg, p.v[0], n->pos);
		return cg_load(cg, p.v[0], n->tv.type);
	}
	case N_CALL: return cg_call_expr(cg, n);
	case N_SELECTOR: return selector_expr(cg, n);
	case N_INDEX: return index_expr(cg, n);
	case N_COMPOSITELIT: return complit(cg, n);
	case N_TYPEASSERT: return cg_typeassert(cg, n);
	case N_SLICE: return cg_slice_expr(cg, n);
	case N_FUNCLIT: return cg_funclit(cg, n);
	default:
		cg_unsupported(cg, n, "this expression");
	}
}
