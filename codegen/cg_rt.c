/*
 * cg_rt.c: calls into libruntime (goabi.h), the current-G read, type
 * descriptors and heap allocation.
 *
 * Runtime functions that can never park, allocate or walk the stack are
 * called as "gc-leaf-function" (no statepoint); every other call carries a
 * "statepoint-id" naming its call-site table entry.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

LLVMValueRef cg_rt_fn(CG *cg, const char *name, LLVMTypeRef ret, LLVMTypeRef *params, int n, bool leaf)
{
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, name);
	if (f) return f;
	f = LLVMAddFunction(cg->mod, name, LLVMFunctionType(ret, params, n, 0));
	(void)leaf;
	return f;
}

/* a call that may be a statepoint: it gets a call-site ID */
LLVMValueRef cg_call(CG *cg, LLVMTypeRef fty, LLVMValueRef fn, LLVMValueRef *args, int n, Pos pos)
{
	LLVMValueRef c = LLVMBuildCall2(cg->b, fty, fn, args, n, "");
	cg_set_site(cg, c, cg_site(cg, pos, 0));
	return c;
}

LLVMValueRef cg_rt_call(CG *cg, const char *name, LLVMTypeRef ret, LLVMValueRef *args, int n, bool leaf)
{
	LLVMTypeRef ps[16];
	for (int i = 0; i < n; i++) ps[i] = LLVMTypeOf(args[i]);
	LLVMValueRef f = cg_rt_fn(cg, name, ret, ps, n, leaf);
	LLVMTypeRef fty = LLVMGlobalGetValueType(f);
	if (leaf) {
		LLVMValueRef c = LLVMBuildCall2(cg->b, fty, f, args, n, "");
		LLVMAddCallSiteAttribute(c, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
		return c;
	}
	return cg_call(cg, fty, f, args, n, cg->pos);
}

/* a runtime call that never returns (panics); ends the block */
void cg_rt_panic_call(CG *cg, const char *name, LLVMValueRef *args, int n)
{
	LLVMValueRef c = cg_rt_call(cg, name, cg->vd, args, n, false);
	LLVMAddCallSiteAttribute(c, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noreturn"));
	LLVMBuildUnreachable(cg->b);
}

/*
 * The current G. Read through inline asm, not a TLS global load: LLVM may
 * reuse a thread-local address across calls, but a goroutine can resume on
 * another thread after any call that parks (ARCHITECTURE.md "g and
 * thread-local state"). Codegen reads it once per function (the G of a
 * goroutine never changes) and in safepoint polls.
 */
LLVMValueRef cg_load_g(CG *cg)
{
	LLVMTypeRef fty;
	const char *asmstr, *cons;
	if (cg->arm64) {
		LLVMTypeRef two[2] = {cg->ptr, cg->i64};
		fty = LLVMFunctionType(LLVMStructTypeInContext(cg->ctx, two, 2, 0), NULL, 0, 0);
		asmstr = "mrs $0, TPIDR_EL0\n\tadrp $1, :gottprel:rt_curg\n\tldr $1, [$1, #:gottprel_lo12:rt_curg]\n\tldr $0, [$0, $1]";
		cons = "=&r,=&r";
	} else {
		fty = LLVMFunctionType(cg->ptr, NULL, 0, 0);
		asmstr = "movq rt_curg@GOTTPOFF(%rip), $0\n\tmovq %fs:($0), $0";
		cons = "=r";
	}
	LLVMValueRef ia = LLVMGetInlineAsm(fty, (char *)asmstr, strlen(asmstr), (char *)cons, strlen(cons), 1, 0,
	                                   LLVMInlineAsmDialectATT, 0);
	LLVMValueRef r = LLVMBuildCall2(cg->b, fty, ia, NULL, 0, "g");
	/* RS4GC would wrap the asm call in a statepoint otherwise */
	LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
	if (cg->arm64) r = LLVMBuildExtractValue(cg->b, r, 0, "g");
	return r;
}

/* ------------------------------------------------------------ type descriptors */

static uint8_t kind_of(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_BOOL: return GO_KIND_BOOL;
	case TY_INT: return GO_KIND_INT;
	case TY_INT8: return GO_KIND_INT8;
	case TY_INT16: return GO_KIND_INT16;
	case TY_INT32: return GO_KIND_INT32;
	case TY_INT64: return GO_KIND_INT64;
	case TY_UINT: return GO_KIND_UINT;
	case TY_UINT8: return GO_KIND_UINT8;
	case TY_UINT16: return GO_KIND_UINT16;
	case TY_UINT32: return GO_KIND_UINT32;
	case TY_UINT64: return GO_KIND_UINT64;
	case TY_UINTPTR: return GO_KIND_UINTPTR;
	case TY_FLOAT32: return GO_KIND_FLOAT32;
	case TY_FLOAT64: return GO_KIND_FLOAT64;
	case TY_COMPLEX64: return GO_KIND_COMPLEX64;
	case TY_COMPLEX128: return GO_KIND_COMPLEX128;
	case TY_ARRAY: return GO_KIND_ARRAY;
	case TY_CHAN: return GO_KIND_CHAN;
	case TY_FUNC: return GO_KIND_FUNC;
	case TY_INTERFACE: return GO_KIND_INTERFACE;
	case TY_MAP: return GO_KIND_MAP;
	case TY_POINTER: return GO_KIND_POINTER;
	case TY_SLICE: return GO_KIND_SLICE;
	case TY_STRING: return GO_KIND_STRING;
	case TY_STRUCT: return GO_KIND_STRUCT;
	case TY_UNSAFEPTR: return GO_KIND_UNSAFE_POINTER;
	default: return 0;
	}
}

/* pointer words of t's memory layout (gc's convention: both interface words) */
static void ptrmask(CG *cg, Type *t, int64_t base, uint8_t *mask, int64_t *ptrdata)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_STRING: case TY_SLICE: case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC:
	case TY_UNSAFEPTR:
		mask[base / 64] |= 1 << ((base / 8) % 8);
		if (base + 8 > *ptrdata) *ptrdata = base + 8;
		return;
	case TY_INTERFACE:
		mask[base / 64] |= 1 << ((base / 8) % 8);
		mask[(base + 8) / 64] |= 1 << (((base + 8) / 8) % 8);
		if (base + 16 > *ptrdata) *ptrdata = base + 16;
		return;
	case TY_STRUCT:
		types_layout(u);
		for (int i = 0; i < u->nfields; i++) ptrmask(cg, u->fields[i].type, base + u->fields[i].offset, mask, ptrdata);
		return;
	case TY_ARRAY: {
		int64_t esz = type_size(u->elem);
		if (!cg_has_pointers(u->elem)) return;
		for (int64_t i = 0; i < u->len; i++) ptrmask(cg, u->elem, base + i * esz, mask, ptrdata);
		return;
	}
	default:
		return;
	}
}

static bool direct_iface(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR: return true;
	case TY_STRUCT: return u->nfields == 1 && direct_iface(u->fields[0].type);
	case TY_ARRAY: return u->len == 1 && direct_iface(u->elem);
	default: return false;
	}
}

static uint32_t fnv(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

/* runtime._type of t (gc 1.19 layout, goabi.h GoType), deduplicated by name */
LLVMValueRef cg_typedesc(CG *cg, Type *t)
{
	if (t->kind >= TY_BOOL && t->kind <= TY_UNSAFEPTR) t = types_basic[t->kind]; /* byte is uint8 */
	const char *ts = type_string(t, NULL);
	char name[512];
	snprintf(name, sizeof name, "type:%s", ts);
	LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
	if (g) return g;
	int64_t size = type_size(t);
	int64_t words = (size + 7) / 8;
	uint8_t *mask = arena_alloc(cg->fnarena, (size_t)(words + 8) / 8 + 1);
	int64_t ptrdata = 0;
	ptrmask(cg, t, 0, mask, &ptrdata);
	/* gcdata bytes */
	int nmask = (int)((ptrdata / 8 + 7) / 8);
	LLVMValueRef gcdata = LLVMConstPointerNull(cg->ptr);
	if (nmask > 0) {
		char mname[520];
		snprintf(mname, sizeof mname, "gcmask:%s", ts);
		gcdata = LLVMGetNamedGlobal(cg->mod, mname);
		if (!gcdata) {
			LLVMValueRef init = LLVMConstStringInContext(cg->ctx, (const char *)mask, nmask, 1);
			gcdata = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), mname);
			LLVMSetInitializer(gcdata, init);
			LLVMSetGlobalConstant(gcdata, 1);
			LLVMSetLinkage(gcdata, LLVMLinkOnceODRLinkage);
			LLVMSetComdat(gcdata, LLVMGetOrInsertComdat(cg->mod, mname));
		}
	}
	LLVMTypeRef fields[] = {cg->i64, cg->i64, cg->i32, cg->i8, cg->i8, cg->i8, cg->i8, cg->ptr, cg->ptr, cg->i32, cg->i32};
	LLVMTypeRef st = LLVMStructTypeInContext(cg->ctx, fields, 11, 0);
	uint8_t kind = kind_of(t) | (direct_iface(t) ? GO_KIND_DIRECT_IFACE : 0);
	uint8_t tflag = t->kind == TY_NAMED ? 4 : 0; /* tflagNamed */
	LLVMValueRef vals[] = {
		LLVMConstInt(cg->i64, size, 0), LLVMConstInt(cg->i64, ptrdata, 0), LLVMConstInt(cg->i32, fnv(ts), 0),
		LLVMConstInt(cg->i8, tflag, 0), LLVMConstInt(cg->i8, type_align(t), 0), LLVMConstInt(cg->i8, type_align(t), 0),
		LLVMConstInt(cg->i8, kind, 0), LLVMConstPointerNull(cg->ptr), gcdata, LLVMConstInt(cg->i32, 0, 0),
		LLVMConstInt(cg->i32, 0, 0),
	};
	g = LLVMAddGlobal(cg->mod, st, name);
	LLVMSetInitializer(g, LLVMConstStructInContext(cg->ctx, vals, 11, 0));
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
	LLVMSetComdat(g, LLVMGetOrInsertComdat(cg->mod, name));
	LLVMSetAlignment(g, 8);
	return g;
}

/* new(T): zeroed heap memory, a GC pointer */
LLVMValueRef cg_new(CG *cg, Type *t)
{
	LLVMValueRef td = cg_typedesc(cg, t);
	return cg_rt_call(cg, "runtime.newobject", cg->gptr, &td, 1, false);
}
