/*
 * cg_types.c: Go types -> flattened LLVM scalars and function types.
 *
 * | Go type                         | scalars                          |
 * |---------------------------------|----------------------------------|
 * | bool                            | i1 (i8 in memory)                |
 * | intN/uintN/uintptr              | iN                               |
 * | float32/64                      | float/double                     |
 * | complex64/128                   | 2 x float/double                 |
 * | string                          | ptr addrspace(1), i64            |
 * | slice                           | ptr addrspace(1), i64, i64       |
 * | pointer, map, chan, func, unsafe.Pointer | ptr addrspace(1)        |
 * | interface                       | ptr (type/itab), ptr addrspace(1)|
 * | struct / array                  | fields / elements in order       |
 * Offsets are Go's memory layout (types_layout), shared with the runtime's
 * type descriptors.
 */
#include "cg.h"

#include <string.h>

static int count(CG *cg, Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_COMPLEX64: case TY_COMPLEX128: case TY_STRING: case TY_INTERFACE: return 2;
	case TY_SLICE: return 3;
	case TY_STRUCT: {
		int n = 0;
		for (int i = 0; i < u->nfields; i++) n += count(cg, u->fields[i].type);
		return n > (1 << 20) ? 1 << 20 : n;
	}
	case TY_ARRAY: {
		if (u->len > 4096) return 1 << 20;
		int64_t n = u->len * count(cg, u->elem);
		return n > (1 << 20) ? 1 << 20 : (int)n;
	}
	case TY_TUPLE: {
		int n = 0;
		for (int i = 0; i < u->nfields; i++) n += count(cg, u->fields[i].type);
		return n;
	}
	default: return 1;
	}
}

/* Values are flattened into SSA scalars up to a limit; a struct or array
 * type of more scalars than that is an "in-memory" type (cg_inmem): its
 * values are one `ptr addrspace(1)` to an immutable copy (cg.h). The limit is
 * CG.maxssa (GOLC_MAXSSA in the driver, for tests; default 64). */
bool cg_inmem(CG *cg, Type *t)
{
	Type *u = type_under(t);
	if ((u->kind != TY_STRUCT || u->cg_record) && u->kind != TY_ARRAY) return false;
	return count(cg, u) > cg->maxssa;
}

int cg_nscalars(CG *cg, Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_TUPLE || u->cg_record) {
		int n = 0;
		for (int i = 0; i < u->nfields; i++) n += cg_nscalars(cg, u->fields[i].type);
		return n;
	}
	if (cg_inmem(cg, u)) return 1;
	return count(cg, t);
}

/* the scalars of t: their LLVM types, offsets in memory from base, and
 * for the pointer standing for an in-memory part, that part's type (mem[i];
 * other entries are left alone) */
static int fill(CG *cg, Type *t, LLVMTypeRef *tys, int64_t *offs, Type **mem, int64_t base)
{
	Type *u = type_under(t);
	LLVMTypeRef s;
	if (cg_inmem(cg, u)) {
		if (tys) tys[0] = cg->gptr;
		if (offs) offs[0] = base;
		if (mem) mem[0] = u;
		return 1;
	}
	switch (u->kind) {
	case TY_BOOL: s = cg->i1; break;
	case TY_INT8: case TY_UINT8: s = cg->i8; break;
	case TY_INT16: case TY_UINT16: s = cg->i16; break;
	case TY_INT32: case TY_UINT32: s = cg->i32; break;
	case TY_INT: case TY_INT64: case TY_UINT: case TY_UINT64: case TY_UINTPTR: s = cg->i64; break;
	case TY_FLOAT32: s = cg->f32; break;
	case TY_FLOAT64: s = cg->f64; break;
	case TY_COMPLEX64:
	case TY_COMPLEX128: {
		LLVMTypeRef f = u->kind == TY_COMPLEX64 ? cg->f32 : cg->f64;
		int64_t sz = u->kind == TY_COMPLEX64 ? 4 : 8;
		if (tys) tys[0] = tys[1] = f;
		if (offs) offs[0] = base, offs[1] = base + sz;
		return 2;
	}
	case TY_STRING:
		if (tys) tys[0] = cg->gptr, tys[1] = cg->i64;
		if (offs) offs[0] = base, offs[1] = base + 8;
		return 2;
	case TY_SLICE:
		if (tys) tys[0] = cg->gptr, tys[1] = cg->i64, tys[2] = cg->i64;
		if (offs) offs[0] = base, offs[1] = base + 8, offs[2] = base + 16;
		return 3;
	case TY_INTERFACE:
		if (tys) tys[0] = cg->ptr, tys[1] = cg->gptr;
		if (offs) offs[0] = base, offs[1] = base + 8;
		return 2;
	case TY_STRUCT: {
		types_layout(u);
		int n = 0;
		for (int i = 0; i < u->nfields; i++)
			n += fill(cg, u->fields[i].type, tys ? tys + n : NULL, offs ? offs + n : NULL, mem ? mem + n : NULL,
			          base + u->fields[i].offset);
		return n;
	}
	case TY_ARRAY: {
		types_layout(u);
		int n = 0;
		int64_t esz = type_size(u->elem);
		if (count(cg, u->elem) == 0) return 0;
		for (int64_t i = 0; i < u->len; i++)
			n += fill(cg, u->elem, tys ? tys + n : NULL, offs ? offs + n : NULL, mem ? mem + n : NULL, base + i * esz);
		return n;
	}
	case TY_TUPLE: {
		int n = 0;
		for (int i = 0; i < u->nfields; i++)
			n += fill(cg, u->fields[i].type, tys ? tys + n : NULL, NULL, mem ? mem + n : NULL, 0);
		return n;
	}
	default: /* pointers, maps, chans, funcs, unsafe.Pointer */
		s = cg->gptr;
		break;
	}
	if (tys) tys[0] = s;
	if (offs) offs[0] = base;
	return 1;
}

void cg_scalars(CG *cg, Type *t, LLVMTypeRef *tys, int64_t *offs) { fill(cg, t, tys, offs, NULL, 0); }
/* cg_scalars, and mem[i]: the in-memory type scalar i points to, or NULL */
void cg_scalars_mem(CG *cg, Type *t, LLVMTypeRef *tys, int64_t *offs, Type **mem)
{
	memset(mem, 0, sizeof(Type *) * cg_nscalars(cg, t));
	fill(cg, t, tys, offs, mem, 0);
}

LLVMTypeRef cg_memtype(CG *cg, LLVMTypeRef s) { return s == cg->i1 ? cg->i8 : s; }

bool cg_is_gcptr(CG *cg, LLVMTypeRef t) { return t == cg->gptr; }

/*
 * The GC-pointer words of a value of type t stored in memory at base (Go's
 * layout, as cg_store writes it): bit (base + off) / 8 of mask for every
 * scalar of type `ptr addrspace(1)`. Structs and arrays are walked in place
 * whether or not they are in-memory types (an in-memory value is a pointer
 * only in SSA; in memory it is laid out like any other); the leaves'
 * scalars come from fill, so the mask follows the flattening table above.
 * Returns the number of bits set. The module's global roots (goabi.h
 * GoGlobal) are described this way.
 */
int64_t cg_gcmask(CG *cg, Type *t, int64_t base, uint8_t *mask)
{
	Type *u = type_under(t);
	int64_t nptr = 0;
	if (u->kind == TY_STRUCT) {
		types_layout(u);
		for (int i = 0; i < u->nfields; i++) nptr += cg_gcmask(cg, u->fields[i].type, base + u->fields[i].offset, mask);
		return nptr;
	}
	if (u->kind == TY_ARRAY) {
		if (!cg_has_pointers(u->elem)) return 0;
		int64_t esz = type_size(u->elem);
		for (int64_t i = 0; i < u->len; i++) nptr += cg_gcmask(cg, u->elem, base + i * esz, mask);
		return nptr;
	}
	LLVMTypeRef tys[3];
	int64_t offs[3];
	int n = fill(cg, u, tys, offs, NULL, base);
	for (int i = 0; i < n; i++) {
		if (!cg_is_gcptr(cg, tys[i])) continue;
		if (offs[i] % 8) cg_fatal("GC pointer at offset %lld", (long long)offs[i]);
		mask[offs[i] / 64] |= (uint8_t)(1u << ((offs[i] / 8) % 8));
		nptr++;
	}
	return nptr;
}

bool cg_has_pointers(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_BOOL: case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
	case TY_FLOAT32: case TY_FLOAT64: case TY_COMPLEX64: case TY_COMPLEX128:
		return false;
	case TY_ARRAY: return u->len > 0 && cg_has_pointers(u->elem);
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			if (cg_has_pointers(u->fields[i].type)) return true;
		return false;
	default:
		return true;
	}
}

/* results: void, one scalar, or a literal struct of all result scalars */
LLVMTypeRef cg_result_type(CG *cg, Type *sig)
{
	int n = 0;
	for (int i = 0; i < sig->nresults; i++) n += cg_nscalars(cg, sig->results[i].type);
	if (n == 0) return cg->vd;
	LLVMTypeRef *tys = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * n);
	int k = 0;
	for (int i = 0; i < sig->nresults; i++) {
		cg_scalars(cg, sig->results[i].type, tys + k, NULL);
		k += cg_nscalars(cg, sig->results[i].type);
	}
	if (n == 1) return tys[0];
	return LLVMStructTypeInContext(cg->ctx, tys, n, 0);
}

/* Results of more than two scalars, or of two scalars of different classes
 * (integer/pointer and floating point), are returned through memory: the
 * caller passes a pointer to a {results...} struct in its frame as the first
 * parameter. (LLVM would demote such returns to sret itself, but a demoted
 * return cannot be a gc.result of a statepoint.) The callee stores the
 * results just before returning and the caller loads them right after the
 * call, with no safepoint in between, so GC pointers passing through this
 * memory are never missed.
 * The class rule keeps every register return expressible as a C struct of
 * two 8-byte members, which is how libffi calls golc code (reflect.call,
 * MakeFunc; libruntime/reflectcall.c): LLVM returns {i64, double} in x0, d0
 * on arm64, while C returns struct {uint64_t; double} in x0, x1. */
static bool fp_scalar(LLVMTypeRef t)
{
	LLVMTypeKind k = LLVMGetTypeKind(t);
	return k == LLVMFloatTypeKind || k == LLVMDoubleTypeKind;
}

bool cg_sret(CG *cg, Type *sig)
{
	int n = 0;
	for (int i = 0; i < sig->nresults; i++) n += cg_nscalars(cg, sig->results[i].type);
	if (n != 2) return n > 2;
	LLVMTypeRef tys[2];
	int k = 0;
	for (int i = 0; i < sig->nresults; i++) {
		cg_scalars(cg, sig->results[i].type, tys + k, NULL);
		k += cg_nscalars(cg, sig->results[i].type);
	}
	return fp_scalar(tys[0]) != fp_scalar(tys[1]);
}

/* params: [results pointer], receiver (if any), parameters (flattened), then
 * [closure context] (`nest`, last: a top-level function called through a
 * func value receives one extra trailing argument, which it ignores and
 * which positional inlining drops; cg_funcval.c) */
LLVMTypeRef cg_fntype(CG *cg, Type *sig, bool closure)
{
	bool sret = cg_sret(cg, sig);
	int n = (closure ? 1 : 0) + (sret ? 1 : 0);
	if (sig->recv) n += cg_nscalars(cg, sig->recv->type);
	for (int i = 0; i < sig->nfields; i++) n += cg_nscalars(cg, sig->fields[i].type);
	LLVMTypeRef *ps = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 1));
	int k = 0;
	if (sret) ps[k++] = cg->ptr;
	if (sig->recv) {
		cg_scalars(cg, sig->recv->type, ps + k, NULL);
		k += cg_nscalars(cg, sig->recv->type);
	}
	for (int i = 0; i < sig->nfields; i++) {
		cg_scalars(cg, sig->fields[i].type, ps + k, NULL);
		k += cg_nscalars(cg, sig->fields[i].type);
	}
	if (closure) ps[k++] = cg->gptr;
	return LLVMFunctionType(sret ? cg->vd : cg_result_type(cg, sig), ps, n, 0);
}
