/*
 * cg_map.c: lowers maps: make(map[K]V[, n]), map literals, m[k] (zero value
 * when missing), v, ok := m[k], m[k] = v and m[k] op= v (LV_MAPINDEX),
 * delete, and the map descriptors the runtime hashes keys with.
 *
 * A map is an HMap pointer (libruntime/map.c; nil is NULL). Every operation
 * passes the map's descriptor (`mapdesc:<type>`, goabi.h GoMapDesc: key and
 * value type descriptors and sizes, and the key's hashing program) and the
 * key: string keys as {p, n} to the _faststr entry points, others in memory:
 * an entry-block alloca for pointer-free keys, a fresh heap cell otherwise
 * (no GC pointer may sit in an alloca across a call). The
 * runtime returns the address of the value slot; values are loaded and
 * stored with cg_load/cg_store right there, before any other call.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

static LLVMValueRef i64c(CG *cg, int64_t x) { return LLVMConstInt(cg->i64, (unsigned long long)x, 0); }

/* the key's hashing/equality program: (offset << 8 | GO_MAPALG_*) per scalar */
static void key_alg(CG *cg, Node *at, Type *t, int64_t off, uint32_t **alg, int *n, int *cap)
{
	Type *u = type_under(t);
	int kind = 0;
	switch (u->kind) {
	case TY_BOOL: case TY_INT8: case TY_UINT8: kind = GO_MAPALG_MEM1; break;
	case TY_INT16: case TY_UINT16: kind = GO_MAPALG_MEM2; break;
	case TY_INT32: case TY_UINT32: kind = GO_MAPALG_MEM4; break;
	case TY_INT: case TY_INT64: case TY_UINT: case TY_UINT64: case TY_UINTPTR: case TY_POINTER:
	case TY_CHAN: case TY_UNSAFEPTR:
		kind = GO_MAPALG_MEM8;
		break;
	case TY_FLOAT32: kind = GO_MAPALG_F32; break;
	case TY_FLOAT64: kind = GO_MAPALG_F64; break;
	case TY_COMPLEX64:
		key_alg(cg, at, types_basic[TY_FLOAT32], off, alg, n, cap);
		key_alg(cg, at, types_basic[TY_FLOAT32], off + 4, alg, n, cap);
		return;
	case TY_COMPLEX128:
		key_alg(cg, at, types_basic[TY_FLOAT64], off, alg, n, cap);
		key_alg(cg, at, types_basic[TY_FLOAT64], off + 8, alg, n, cap);
		return;
	case TY_STRING: kind = GO_MAPALG_STRING; break;
	case TY_INTERFACE:
		kind = u->nmethods ? GO_MAPALG_ITAB : GO_MAPALG_IFACE;
		break;
	case TY_STRUCT:
		types_layout(u);
		for (int i = 0; i < u->nfields; i++)
			if (u->fields[i].name != intern_cstr("_")) key_alg(cg, at, u->fields[i].type, off + u->fields[i].offset, alg, n, cap);
		return;
	case TY_ARRAY:
		for (int64_t i = 0; i < u->len; i++) key_alg(cg, at, u->elem, off + i * type_size(u->elem), alg, n, cap);
		return;
	default:
		cg_unsupported(cg, at, "maps with interface keys");
	}
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 16;
		uint32_t *na = arena_alloc(cg->fnarena, sizeof(uint32_t) * nc);
		if (*n) memcpy(na, *alg, sizeof(uint32_t) * *n);
		*alg = na, *cap = nc;
	}
	(*alg)[(*n)++] = (uint32_t)(off << 8 | kind);
}

LLVMValueRef cg_mapdesc(CG *cg, Node *at, Type *mt)
{
	Type *u = type_under(mt);
	/* named after the type descriptor's link name: local types of the same
	 * name in different scopes are different maps */
	const char *tn = cg_typedesc_name(mt) + strlen("type:");
	size_t tl = strlen(tn) + 16;
	char *name = arena_alloc(cg->fnarena, tl), *aname = arena_alloc(cg->fnarena, tl);
	snprintf(name, tl, "mapdesc:%s", tn);
	LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
	if (g) return g;
	uint32_t *alg = NULL;
	int n = 0, cap = 0;
	key_alg(cg, at, u->key, 0, &alg, &n, &cap);
	LLVMValueRef *avals = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (n + 1));
	for (int i = 0; i < n; i++) avals[i] = LLVMConstInt(cg->i32, alg[i], 0);
	LLVMValueRef ainit = LLVMConstArray2(cg->i32, avals, n);
	snprintf(aname, tl, "mapalg:%s", tn);
	LLVMValueRef ag = LLVMAddGlobal(cg->mod, LLVMTypeOf(ainit), aname);
	LLVMSetInitializer(ag, ainit);
	LLVMSetGlobalConstant(ag, 1);
	LLVMSetLinkage(ag, LLVMLinkOnceODRLinkage);
	LLVMSetComdat(ag, LLVMGetOrInsertComdat(cg->mod, aname));
	LLVMTypeRef fields[] = {cg->ptr, cg->ptr, cg->i64, cg->i64, cg->i32, cg->i32, cg->ptr};
	LLVMTypeRef st = LLVMStructTypeInContext(cg->ctx, fields, 7, 0);
	LLVMValueRef vals[] = {cg_typedesc(cg, u->key), cg_typedesc(cg, u->elem), i64c(cg, type_size(u->key)),
	                       i64c(cg, type_size(u->elem)), LLVMConstInt(cg->i32, n, 0), LLVMConstInt(cg->i32, 0, 0), ag};
	g = LLVMAddGlobal(cg->mod, st, name);
	LLVMSetInitializer(g, LLVMConstStructInContext(cg->ctx, vals, 7, 0));
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
	LLVMSetComdat(g, LLVMGetOrInsertComdat(cg->mod, name));
	LLVMSetAlignment(g, 8);
	return g;
}

/* the key k (of the map's key type) in memory, as a plain ptr: the runtime
 * only reads it during the call (an addrspacecast of an alloca to
 * addrspace(1) would confuse RS4GC's base-pointer search); *cell gets the
 * heap memory behind it as a GC pointer, or NULL (cg_scratch) */
static LLVMValueRef key_ptr(CG *cg, Val k, Type *kt, LLVMValueRef *cell)
{
	k.t = kt;
	if (cg_inmem(cg, kt)) { /* the immutable copy: nobody writes it */
		*cell = k.v[0];
		return LLVMBuildAddrSpaceCast(cg->b, k.v[0], cg->ptr, "");
	}
	LLVMValueRef a = cg_scratch(cg, kt, "mapkey", cell);
	cg_store(cg, a, k);
	return a;
}

/* runtime.<name>(md, m, key): string keys go as scalars to <name>_faststr;
 * the key's memory stays live until the call returns (cg_keepalive) */
static LLVMValueRef rt3(CG *cg, const char *name, LLVMTypeRef ret, Type *mt, Val m, Val k)
{
	Type *kt = type_under(mt)->key;
	LLVMValueRef md = cg_mapdesc(cg, NULL, mt);
	if (type_is_string(type_under(kt))) {
		char fast[64];
		snprintf(fast, sizeof fast, "%s_faststr", name);
		LLVMValueRef a[4] = {md, m.v[0], k.v[0], k.v[1]};
		return cg_rt_call(cg, fast, ret, a, 4, false);
	}
	LLVMValueRef cell;
	LLVMValueRef a[3] = {md, m.v[0], key_ptr(cg, k, kt, &cell)};
	LLVMValueRef r = cg_rt_call(cg, name, ret, a, 3, false);
	cg_keepalive(cg, cell);
	return r;
}

Val cg_makemap(CG *cg, Node *n)
{
	NodeList *args = &n->call.args;
	extern Val cg_int_arg(CG *, Node *);
	LLVMValueRef hint = args->n > 1 ? cg_int_arg(cg, args->v[1]).v[0] : i64c(cg, 0);
	cg_set_pos(cg, n->pos);
	LLVMValueRef a[2] = {cg_mapdesc(cg, n, n->tv.type), hint};
	return cg_val1(cg, cg_rt_call(cg, "runtime.makemap", cg->gptr, a, 2, false), n->tv.type);
}

/* m[k] = v */
static void map_store(CG *cg, Type *mt, Val m, Val k, Val v)
{
	Type *u = type_under(mt);
	LLVMValueRef slot = rt3(cg, "runtime.mapassign", cg->gptr, mt, m, k);
	v.t = u->elem;
	cg_store(cg, slot, v);
}

Val cg_map_lit(CG *cg, Node *n)
{
	Type *t = n->tv.type, *u = type_under(t);
	NodeList *elts = &n->complit.elts;
	cg_set_pos(cg, n->pos);
	LLVMValueRef a[2] = {cg_mapdesc(cg, n, t), i64c(cg, elts->n)};
	Val m = cg_val1(cg, cg_rt_call(cg, "runtime.makemap", cg->gptr, a, 2, false), t);
	for (int i = 0; i < elts->n; i++) {
		Node *e = elts->v[i];
		Val k = cg_expr_to(cg, e->binary.x, u->key);
		Val v = cg_expr_to(cg, e->binary.y, u->elem);
		cg_set_pos(cg, e->pos);
		map_store(cg, t, m, k, v);
	}
	return m;
}

/* m[k]: the value (zero if missing) and whether it was there */
static Val map_load(CG *cg, Type *mt, Val m, Val k, LLVMValueRef *okp)
{
	Type *u = type_under(mt);
	LLVMValueRef slot = rt3(cg, "runtime.mapaccess", cg->gptr, mt, m, k);
	LLVMValueRef ok = LLVMBuildICmp(cg->b, LLVMIntNE, slot, LLVMConstPointerNull(cg->gptr), "");
	LLVMBasicBlockRef ld = cg_block(cg, "map.found"), zb = cg_block(cg, "map.zero"), done = cg_block(cg, "map.done");
	LLVMBuildCondBr(cg->b, ok, ld, zb);
	cg_position(cg, ld);
	Val v = cg_load(cg, slot, u->elem);
	LLVMBasicBlockRef ldend = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	cg_position(cg, zb);
	Val z = cg_zero(cg, u->elem);   /* an allocation for in-memory types */
	LLVMBasicBlockRef zend = LLVMGetInsertBlock(cg->b);
	LLVMBuildBr(cg->b, done);
	cg_position(cg, done);
	Val r = cg_mkval(cg, v.n, u->elem);
	for (int i = 0; i < v.n; i++) {
		r.v[i] = LLVMBuildPhi(cg->b, LLVMTypeOf(v.v[i]), "");
		LLVMAddIncoming(r.v[i], (LLVMValueRef[]){z.v[i], v.v[i]}, (LLVMBasicBlockRef[]){zend, ldend}, 2);
	}
	if (okp) *okp = ok;
	return r;
}

LVal cg_map_lval(CG *cg, Node *n)
{
	Node *u = ast_unparen(n);
	Type *mt = u->index.x->tv.type;
	LVal lv = {.kind = LV_MAPINDEX, .t = n->tv.type};
	lv.map = cg_expr(cg, u->index.x);
	lv.map.t = mt;
	lv.key = cg_expr_to(cg, u->index.index.v[0], type_under(mt)->key);
	return lv;
}

Val cg_map_lval_load(CG *cg, LVal *lv)
{
	Val v = map_load(cg, lv->map.t, lv->map, lv->key, NULL);
	v.t = lv->t;
	return v;
}

void cg_map_lval_store(CG *cg, LVal *lv, Val v)
{
	map_store(cg, lv->map.t, lv->map, lv->key, v);
}

Val cg_map_index(CG *cg, Node *n)
{
	LVal lv = cg_map_lval(cg, n);
	return cg_map_lval_load(cg, &lv);
}

/* v, ok = m[k] and v, ok = x.(T) (receives: not yet); returns v, sets *ok */
Val cg_commaok(CG *cg, Node *r, Val *ok)
{
	Node *u = ast_unparen(r);
	if (u->kind == N_INDEX && type_under(u->index.x->tv.type)->kind == TY_MAP) {
		LVal lv = cg_map_lval(cg, u);
		LLVMValueRef okv;
		Val v = map_load(cg, lv.map.t, lv.map, lv.key, &okv);
		*ok = cg_val1(cg, okv, types_basic[TY_BOOL]);
		return v;
	}
	if (u->kind == N_UNARY && u->unary.op == OP_ARROW) {   /* v, ok := <-ch */
		Val ch = cg_expr(cg, u->unary.x);
		return cg_chanrecv(cg, ch, u->unary.x->tv.type, u->pos, ok);
	}
	Val t;
	if (cg_assert_commaok(cg, r, &t)) { /* v, ok := x.(T): t = {v scalars..., ok} */
		*ok = cg_val1(cg, t.v[t.n - 1], types_basic[TY_BOOL]);
		return cg_extract(cg, t, 0, t.n - 1, u->tv.type);
	}
	cg_unsupported(cg, r, "this comma-ok expression");
}

Val cg_delete(CG *cg, Node *n)
{
	Node *mn = n->call.args.v[0];
	if (n->call.args.n == 1) {      /* delete(f()) */
		Type *tt = mn->tv.type, *mt = tt->fields[0].type;
		Val t = cg_expr(cg, mn);
		int n0 = cg_nscalars(cg, mt);
		Val m = cg_extract(cg, t, 0, n0, mt);
		Val k = cg_convert(cg, cg_extract(cg, t, n0, cg_nscalars(cg, tt->fields[1].type), tt->fields[1].type),
		                   type_under(mt)->key);
		cg_set_pos(cg, n->pos);
		return cg_delete_vals(cg, n, mt, m, k);
	}
	Type *mt = mn->tv.type;
	Val m = cg_expr(cg, mn);
	Val k = cg_expr_to(cg, n->call.args.v[1], type_under(mt)->key);
	cg_set_pos(cg, n->pos);
	return cg_delete_vals(cg, n, mt, m, k);
}

/* delete(m, k) on evaluated operands (also for deferred deletes) */
Val cg_delete_vals(CG *cg, Node *at, Type *mt, Val m, Val k)
{
	cg_mapdesc(cg, at, mt); /* diagnoses unsupported key types at the call */
	rt3(cg, "runtime.mapdelete", cg->vd, mt, m, k);
	return cg_mkval(cg, 0, NULL);
}
