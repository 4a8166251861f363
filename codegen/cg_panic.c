/*
 * cg_panic.c: lowers panic(v).
 *
 * gc prints a panic value that is an error or a Stringer with its Error()
 * or String() result (runtime.preprintpanics). golc's runtime cannot call
 * Go methods from its C panic path (C frames would break the stack walk), so
 * every panic site calls one module-internal helper, emitted here:
 *
 *   golc.gopanic(t, data):                       ; noinline, hidden wrapper
 *       if tab := runtime.getitab(error, t, 1); tab != nil {
 *           s := tab.fun[0](data); runtime.gopanicmsg(t, data, s)
 *       }
 *       same for interface { String() string }
 *       runtime.gopanic(t, data)
 *
 * The value itself is unchanged (recover will see it); only the printed text
 * is computed early, at the panic rather than after deferred calls ran.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

static Type *stringer_type(void)
{
	static Type *t;
	if (t) return t;
	Type *sig = type_new(TY_FUNC);
	sig->results = arena_alloc(&perm, sizeof(Field));
	sig->results[0].type = types_basic[TY_STRING];
	sig->nresults = 1;
	Obj *m = obj_new(OBJ_FUNC, intern_cstr("String"), (Pos){0}, NULL);
	m->type = sig;
	t = type_new(TY_INTERFACE);
	t->methods = arena_alloc(&perm, sizeof(Obj *));
	t->methods[0] = m;
	t->nmethods = 1;
	t->complete = true;
	return t;
}

/* if t implements it (one method returning a string): print that string */
static void try_method(CG *cg, Type *it, LLVMValueRef t, LLVMValueRef d, Pos pos)
{
	LLVMValueRef a[3] = {cg_typedesc(cg, it), t, LLVMConstInt(cg->i8, 1, 0)};
	LLVMValueRef tab = cg_rt_call(cg, "runtime.getitab", cg->ptr, a, 3, false);
	LLVMBasicBlockRef yes = cg_block(cg, "has"), no = cg_block(cg, "hasnot");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, tab, LLVMConstPointerNull(cg->ptr), ""), yes, no);
	cg_position(cg, yes);
	LLVMValueRef slot = LLVMBuildGEP2(cg->b, cg->i8, tab, (LLVMValueRef[]){LLVMConstInt(cg->i64, 24, 0)}, 1, "");
	LLVMValueRef fn = LLVMBuildLoad2(cg->b, cg->ptr, slot, "");
	LLVMTypeRef st = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->gptr, cg->i64}, 2, 0);
	LLVMValueRef s = cg_call(cg, LLVMFunctionType(st, &cg->gptr, 1, 0), fn, &d, 1, pos);
	LLVMValueRef m[4] = {t, d, LLVMBuildExtractValue(cg->b, s, 0, ""), LLVMBuildExtractValue(cg->b, s, 1, "")};
	cg_rt_panic_call(cg, "runtime.gopanicmsg", m, 4);
	cg_position(cg, no);
}

static LLVMValueRef helper(CG *cg)
{
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, "golc.gopanic");
	if (f) return f;
	f = LLVMAddFunction(cg->mod, "golc.gopanic", LLVMFunctionType(cg->vd, (LLVMTypeRef[]){cg->ptr, cg->gptr}, 2, 0));
	LLVMSetLinkage(f, LLVMInternalLinkage);
	BuilderState saved = cg_builder_save(cg);
	Pos pos = saved.pos;
	Fn hf = {.fn = f, .fnty = LLVMGlobalGetValueType(f)};
	hf.rec = cg_func_rec(cg, "runtime.gopanic", "golc.gopanic", pos, GO_FUNC_WRAPPER);
	cg->fn = &hf;
	cg_func_begin(cg, &hf, pos);
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noinline"));
	LLVMValueRef t = LLVMGetParam(f, 0), d = LLVMGetParam(f, 1);
	try_method(cg, type_error, t, d, pos);
	try_method(cg, stringer_type(), t, d, pos);
	LLVMValueRef a[2] = {t, d};
	cg_rt_panic_call(cg, "runtime.gopanic", a, 2);
	LLVMPositionBuilderAtEnd(cg->b, hf.entry);
	LLVMBuildBr(cg->b, hf.body);
	cg_builder_restore(cg, saved);
	return f;
}

/* panic(v) for v already converted to interface{} */
void cg_gopanic(CG *cg, Val e, Pos pos)
{
	LLVMValueRef f = helper(cg);
	LLVMValueRef a[2] = {e.v[0], e.v[1]};
	cg_set_pos(cg, pos);
	LLVMValueRef c = cg_call(cg, LLVMGlobalGetValueType(f), f, a, 2, pos);
	LLVMAddCallSiteAttribute(c, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noreturn"));
	LLVMBuildUnreachable(cg->b);
}
