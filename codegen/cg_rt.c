/*
 * cg_rt.c: calls into libruntime (goabi.h), the current-G read and heap
 * allocation (type descriptors: cg_typedesc.c).
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

/* new(T): zeroed heap memory, a GC pointer. runtime.newobject is declared
 * an allocation function (allockind "alloc,zeroed"), so LLVM deletes an
 * allocation nothing reads or lets escape (`t := &T{}; _ = t`). */
LLVMValueRef cg_new(CG *cg, Type *t)
{
	LLVMValueRef td = cg_typedesc(cg, t);
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, "runtime.newobject");
	if (!f) {
		LLVMTypeRef p = LLVMTypeOf(td);
		f = cg_rt_fn(cg, "runtime.newobject", cg->gptr, &p, 1, false);
		unsigned k = LLVMGetEnumAttributeKindForName("allockind", 9);
		LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(cg->ctx, k, 1 | 16));
		LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "alloc-family", "golc"));
	}
	return cg_rt_call(cg, "runtime.newobject", cg->gptr, &td, 1, false);
}

/*
 * memory for one value of type t that the runtime reads or fills during a
 * call (map keys, channel elements), as a plain ptr: an entry-block alloca
 * for pointer-free types, a fresh heap cell otherwise, so that no GC
 * pointer sits in a frame outside the stack maps while the call runs.
 * *cell gets the heap cell as a GC pointer (NULL for an alloca): the plain
 * ptr is invisible to rewrite-statepoints-for-gc, so the caller must
 * cg_keepalive(*cell) after the call (and after its last use of the
 * memory), or the cell is not a root while the runtime holds it.
 */
LLVMValueRef cg_scratch(CG *cg, Type *t, const char *name, LLVMValueRef *cell)
{
	*cell = NULL;
	if (cg_has_pointers(t)) {
		*cell = cg_new(cg, t);
		return LLVMBuildAddrSpaceCast(cg->b, *cell, cg->ptr, "");
	}
	int64_t sz = type_size(t);
	return cg_alloca(cg, LLVMArrayType2(cg->i64, (uint64_t)(sz + 7) / 8 + 1), name);
}

/*
 * Keep the GC pointer p live up to this point: an empty inline asm that
 * takes it in a register. rewrite-statepoints-for-gc tracks SSA values
 * only, so a heap object passed to a call only in some other form (a plain
 * ptr made by an addrspacecast, a pointer stored in a frame's memory) is
 * no root while the call runs (it may allocate, and so collect, or park);
 * a use after the call puts p in the call's gc-live set (and the asm gets
 * the relocated value). The asm is "sideeffect", so no pass deletes it, and
 * "gc-leaf-function", so it is no statepoint itself. Constants (static
 * data, nil) need nothing. The collector does not move objects, so plain
 * pointers derived from p before the call stay valid.
 */
void cg_keepalive(CG *cg, LLVMValueRef p)
{
	if (!p || LLVMTypeOf(p) != cg->gptr || LLVMIsConstant(p)) return;
	LLVMTypeRef fty = LLVMFunctionType(cg->vd, &cg->gptr, 1, 0);
	LLVMValueRef ia = LLVMGetInlineAsm(fty, "", 0, "r", 1, 1, 0, LLVMInlineAsmDialectATT, 0);
	LLVMValueRef c = LLVMBuildCall2(cg->b, fty, ia, &p, 1, "");
	LLVMAddCallSiteAttribute(c, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
}
