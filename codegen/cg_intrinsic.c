/*
 * cg_intrinsic.c: bodies for functions the Go sources declare without one
 * because gc implements them in assembly or as compiler intrinsics.
 *
 * When golc compiles such a package, the object defines the function with
 * a body made here (so calls inside the package inline it):
 *   math.archSqrt/Floor/Ceil/Trunc   LLVM intrinsics
 *   math.archMax/archMin             llvm.maximum/minimum, with Go's rule
 *                                    that +Inf (-Inf) wins over NaN
 *   math.archExp/Log/Hypot/Exp2/Modf the package's own pure-Go versions
 *                                    (exp, log, ...), as on other arches
 *   sync/atomic.Load*, Store*, Add*, Swap*, CompareAndSwap*
 *                                    sequentially consistent LLVM atomics
 *   internal/abi.FuncPCABI0/Internal the code pointer of a func value
 *   internal/cpu.cpuid, xgetbv       inline asm (amd64)
 *   internal/cpu.getGOAMD64level     1 (golc targets x86-64 v1)
 *   internal/cpu.getisar0, getMIDR   0 (arm64: features come from HWCAP)
 *   any X of a package that also has XGeneric or xGeneric (crypto's block
 *   functions, ...): a call of that pure-Go version
 * Every other bodyless function is provided by libruntime under its Go
 * name (../shared/stdlib/bodyless-*.tsv lists them per package).
 *
 * Some calls are lowered in place instead (cg_intrinsic_call), in any
 * package; the function itself still exists for func values, defer and go:
 *   runtime.KeepAlive(x)             cg_keepalive of x's data word, no call
 */
#include "cg.h"

#include <string.h>

typedef void (*Emit)(CG *cg, Fn *f, const char *arg);

static LLVMValueRef param(Fn *f, unsigned i) { return LLVMGetParam(f->fn, i); }

static LLVMValueRef intrinsic(CG *cg, const char *name, LLVMTypeRef ret, LLVMTypeRef *ps, int n)
{
	LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
	if (!fn) fn = LLVMAddFunction(cg->mod, name, LLVMFunctionType(ret, ps, n, 0));
	return fn;
}

static LLVMValueRef call(CG *cg, LLVMValueRef fn, LLVMValueRef *args, int n)
{
	return LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(fn), fn, args, n, "");
}

/* x -> llvm.<arg>.f64(x) */
static void emit_unary(CG *cg, Fn *f, const char *arg)
{
	char name[64];
	snprintf(name, sizeof name, "llvm.%s.f64", arg);
	LLVMValueRef x = param(f, 0);
	LLVMBuildRet(cg->b, call(cg, intrinsic(cg, name, cg->f64, &cg->f64, 1), &x, 1));
}

/* Go's Max/Min: +Inf/-Inf first, then NaN, then -0 < +0 (llvm.maximum) */
static void emit_maxmin(CG *cg, Fn *f, const char *arg)
{
	bool max = !strcmp(arg, "max");
	LLVMValueRef x = param(f, 0), y = param(f, 1);
	LLVMTypeRef two[2] = {cg->f64, cg->f64};
	LLVMValueRef m = call(cg, intrinsic(cg, max ? "llvm.maximum.f64" : "llvm.minimum.f64", cg->f64, two, 2),
	                      (LLVMValueRef[]){x, y}, 2);
	LLVMValueRef inf = LLVMConstReal(cg->f64, max ? __builtin_inf() : -__builtin_inf());
	LLVMValueRef isinf = LLVMBuildOr(cg->b, LLVMBuildFCmp(cg->b, LLVMRealOEQ, x, inf, ""),
	                                 LLVMBuildFCmp(cg->b, LLVMRealOEQ, y, inf, ""), "");
	LLVMBuildRet(cg->b, LLVMBuildSelect(cg->b, isinf, inf, m, ""));
}

/* archX(args) = x(args): the package's pure-Go function */
static void emit_sibling(CG *cg, Fn *f, const char *arg)
{
	Obj *o = scope_lookup_local(cg->pkg->scope, intern_cstr(arg));
	if (!o || o->kind != OBJ_FUNC) cg_fatal("intrinsic body: %s.%s missing", cg->pkg->path, arg);
	LLVMValueRef fn = cg_func_decl(cg, o);
	unsigned n = LLVMCountParams(f->fn);
	LLVMValueRef args[8];
	for (unsigned i = 0; i < n && i < 8; i++) args[i] = param(f, i);
	LLVMValueRef r = cg_call(cg, LLVMGlobalGetValueType(fn), fn, args, (int)n, cg->pos);
	if (LLVMGetTypeKind(LLVMGetReturnType(f->fnty)) == LLVMVoidTypeKind) LLVMBuildRetVoid(cg->b);
	else LLVMBuildRet(cg->b, r);
}

/* sync/atomic: the operation is the name's prefix, the width the value's */
static void emit_atomic(CG *cg, Fn *f, const char *arg)
{
	LLVMAtomicOrdering sc = LLVMAtomicOrderingSequentiallyConsistent;
	LLVMValueRef p = param(f, 0);
	if (!strcmp(arg, "load")) {
		LLVMTypeRef t = LLVMGetReturnType(f->fnty);
		LLVMValueRef v = LLVMBuildLoad2(cg->b, t, p, "");
		LLVMSetOrdering(v, sc);
		LLVMSetAlignment(v, LLVMABISizeOfType(cg->td, t));
		LLVMBuildRet(cg->b, v);
		return;
	}
	LLVMValueRef v = param(f, 1);
	unsigned align = (unsigned)LLVMABISizeOfType(cg->td, LLVMTypeOf(v));
	if (!strcmp(arg, "store")) {
		LLVMValueRef s = LLVMBuildStore(cg->b, v, p);
		LLVMSetOrdering(s, sc);
		LLVMSetAlignment(s, align);
		LLVMBuildRetVoid(cg->b);
	} else if (!strcmp(arg, "cas")) {
		LLVMValueRef x = LLVMBuildAtomicCmpXchg(cg->b, p, v, param(f, 2), sc, sc, 0);
		LLVMBuildRet(cg->b, LLVMBuildExtractValue(cg->b, x, 1, ""));
	} else {
		bool add = !strcmp(arg, "add");
		LLVMValueRef old = LLVMBuildAtomicRMW(cg->b, add ? LLVMAtomicRMWBinOpAdd : LLVMAtomicRMWBinOpXchg, p, v, sc, 0);
		LLVMBuildRet(cg->b, add ? LLVMBuildAdd(cg->b, old, v, "") : old);
	}
}

/* FuncPCABI0(f interface{}) uintptr: f holds a func value (a pointer to its
 * funcval), whose first word is the code pointer */
static void emit_funcpc(CG *cg, Fn *f, const char *arg)
{
	(void)arg;
	LLVMValueRef fv = param(f, 1);
	LLVMBuildRet(cg->b, LLVMBuildLoad2(cg->b, cg->i64, fv, ""));
}

static void emit_const(CG *cg, Fn *f, const char *arg)
{
	LLVMBuildRet(cg->b, LLVMConstInt(LLVMGetReturnType(f->fnty), (unsigned long long)atoll(arg), 0));
}

/* cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32): four results
 * come back through the results buffer (parameter 0) */
static void emit_cpuid(CG *cg, Fn *f, const char *arg)
{
	(void)arg;
	LLVMTypeRef i32 = cg->i32;
	LLVMTypeRef rt = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){i32, i32, i32, i32}, 4, 0);
	LLVMTypeRef ft = LLVMFunctionType(rt, (LLVMTypeRef[]){i32, i32}, 2, 0);
	const char *c = "={ax},={bx},={cx},={dx},{ax},{cx}";
	LLVMValueRef asmv = LLVMGetInlineAsm(ft, "cpuid", 5, c, strlen(c), 1, 0, LLVMInlineAsmDialectATT, 0);
	LLVMValueRef r = LLVMBuildCall2(cg->b, ft, asmv, (LLVMValueRef[]){param(f, 1), param(f, 2)}, 2, "");
	LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
	LLVMValueRef out = param(f, 0);
	LLVMTypeRef bt = cg_result_type(cg, f->sig);
	for (unsigned i = 0; i < 4; i++)
		LLVMBuildStore(cg->b, LLVMBuildExtractValue(cg->b, r, i, ""), LLVMBuildStructGEP2(cg->b, bt, out, i, ""));
	LLVMBuildRetVoid(cg->b);
}

/* xgetbv() (eax, edx uint32) with ecx = 0 */
static void emit_xgetbv(CG *cg, Fn *f, const char *arg)
{
	(void)arg;
	LLVMTypeRef i32 = cg->i32;
	LLVMTypeRef rt = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){i32, i32}, 2, 0);
	LLVMTypeRef ft = LLVMFunctionType(rt, &i32, 1, 0);
	const char *c = "={ax},={dx},{cx}";
	LLVMValueRef asmv = LLVMGetInlineAsm(ft, "xgetbv", 6, c, strlen(c), 1, 0, LLVMInlineAsmDialectATT, 0);
	LLVMValueRef r = LLVMBuildCall2(cg->b, ft, asmv, (LLVMValueRef[]){LLVMConstInt(i32, 0, 0)}, 1, "");
	LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
	LLVMBuildRet(cg->b, r);
}

static const struct Body {
	const char *pkg, *name;
	Emit emit;
	const char *arg;
	int arch;               /* 0 both, 1 amd64, 2 arm64 */
} bodies[] = {
	{"math", "archSqrt", emit_unary, "sqrt", 0},
	{"math", "archFloor", emit_unary, "floor", 0},
	{"math", "archCeil", emit_unary, "ceil", 0},
	{"math", "archTrunc", emit_unary, "trunc", 0},
	{"math", "archMax", emit_maxmin, "max", 0},
	{"math", "archMin", emit_maxmin, "min", 0},
	{"math", "archExp", emit_sibling, "exp", 0},
	{"math", "archExp2", emit_sibling, "exp2", 0},
	{"math", "archLog", emit_sibling, "log", 0},
	{"math", "archHypot", emit_sibling, "hypot", 0},
	{"math", "archModf", emit_sibling, "modf", 0},
	{"internal/abi", "FuncPCABI0", emit_funcpc, NULL, 0},
	{"internal/abi", "FuncPCABIInternal", emit_funcpc, NULL, 0},
	{"internal/cpu", "cpuid", emit_cpuid, NULL, 1},
	{"internal/cpu", "xgetbv", emit_xgetbv, NULL, 1},
	{"internal/cpu", "getGOAMD64level", emit_const, "1", 1},
	{"internal/cpu", "getisar0", emit_const, "0", 2},
	{"internal/cpu", "getMIDR", emit_const, "0", 2},
};

static const char *atomic_op(const char *name)
{
	static const char *const pre[][2] = {{"Load", "load"}, {"Store", "store"}, {"Add", "add"},
	                                     {"Swap", "swap"}, {"CompareAndSwap", "cas"}};
	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
		if (!strncmp(name, pre[i][0], strlen(pre[i][0]))) return pre[i][1];
	return NULL;
}

static bool find_body(CG *cg, Obj *fn, Emit *emit, const char **arg)
{
	const char *pkg = cg->pkg->path;
	if (!strcmp(pkg, "sync/atomic") && !fn->type->recv && (*arg = atomic_op(fn->name))) {
		*emit = emit_atomic;
		return true;
	}
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		const struct Body *b = &bodies[i];
		if (b->arch && b->arch != (cg->arm64 ? 2 : 1)) continue;
		if (!strcmp(b->pkg, pkg) && !strcmp(b->name, fn->name)) {
			*emit = b->emit;
			*arg = b->arg;
			return true;
		}
	}
	/* internal/bytealg has generic versions too, but libruntime's C (memchr,
	 * memmem) is faster */
	if (fn->type->recv || !strcmp(pkg, "internal/bytealg")) return false;
	char g[256];
	for (int lower = 0; lower < 2; lower++) {
		snprintf(g, sizeof g, "%sGeneric", fn->name);
		if (lower) g[0] = (char)(g[0] | 0x20);
		Obj *o = scope_lookup_local(cg->pkg->scope, intern_cstr(g));
		if (o && o->kind == OBJ_FUNC && o->decl && o->decl->funcdecl.body && type_identical(o->type, fn->type)) {
			*emit = emit_sibling;
			*arg = o->name;
			return true;
		}
	}
	return false;
}

/* give the package's bodyless functions that golc implements their bodies */
void cg_intrinsic_bodies(CG *cg)
{
	Package *p = cg->pkg;
	for (int i = 0; i < p->nfiles; i++) {
		NodeList *decls = &p->files[i]->file.decls;
		for (int k = 0; k < decls->n; k++) {
			Node *d = decls->v[k];
			if (d->kind != N_FUNCDECL || d->funcdecl.body || !d->funcdecl.fn) continue;
			Obj *o = d->funcdecl.fn;
			Emit emit;
			const char *arg;
			if (!find_body(cg, o, &emit, &arg)) continue;
			Fn f = {.obj = o, .sig = o->type};
			f.fn = cg_func_decl(cg, o);
			if (LLVMCountBasicBlocks(f.fn)) continue;
			f.fnty = LLVMGlobalGetValueType(f.fn);
			const char *nm = LLVMGetValueName(f.fn);
			f.rec = cg_func_rec(cg, nm, nm, d->funcdecl.name->pos, 0);
			cg->fn = &f;
			cg_func_begin(cg, &f, d->funcdecl.name->pos);
			emit(cg, &f, arg);
			cg_func_end(cg, &f);
			cg->fn = NULL;
		}
	}
}

/* a direct call of fn that golc lowers without a call: *out gets its value */
bool cg_intrinsic_call(CG *cg, Node *call, Obj *fn, Val *out)
{
	if (!fn->pkg || strcmp(fn->pkg->path, "runtime") != 0 || fn->type->recv) return false;
	if (!strcmp(fn->name, "KeepAlive")) {
		LLVMValueRef *a;
		int n = cg_call_args_flat(cg, call, fn->type, &a);   /* x as an interface {type, data} */
		if (n != 2) cg_fatal("runtime.KeepAlive: %d argument scalars", n);
		cg_keepalive(cg, a[1]);
		*out = cg_mkval(cg, 0, NULL);
		return true;
	}
	return false;
}
