/*
 * cg_func.c: lowers function declarations: symbol names, parameters and
 * results, local variable storage, and the split-stack prologue.
 *
 * Prologue (ARCHITECTURE.md "Split-stack prologues"; prototypes/splitstack):
 *   entry: allocas; blk = alloca {fn, params..., results}
 *          g = current G (inline asm); guard = g->stackguard; sp = read_register
 *          br (sp <u guard), more, body        ; est = 0: frames stay small
 *   more:  pack fn and params into blk
 *          r = rt_morestack(blk, adapter, 0)   ; statepoint, GO_SITE_MORESTACK
 *          br r != 0, done, body               ; 0: only a preemption was served
 *   done:  return blk.results                  ; the call ran on a new segment
 * The adapter (one per LLVM signature, hidden in tracebacks) unpacks blk,
 * calls fn and stores the results. Functions that make no calls (leaves) get
 * no check: their frame fits in the guard's slack.
 */
#include "cg.h"
#include "goabi.h"

#include <stdlib.h>
#include <string.h>

LLVMBasicBlockRef cg_block(CG *cg, const char *name)
{
	return LLVMAppendBasicBlockInContext(cg->ctx, cg->fn->fn, name);
}

void cg_position(CG *cg, LLVMBasicBlockRef bb) { LLVMPositionBuilderAtEnd(cg->b, bb); }

bool cg_terminated(CG *cg)
{
	LLVMBasicBlockRef bb = LLVMGetInsertBlock(cg->b);
	return bb && LLVMGetBasicBlockTerminator(bb) != NULL;
}

/* an alloca in the entry block (static frame size, promotable by mem2reg) */
LLVMValueRef cg_alloca(CG *cg, LLVMTypeRef t, const char *name)
{
	LLVMBuilderRef b = LLVMCreateBuilderInContext(cg->ctx);
	LLVMValueRef first = LLVMGetFirstInstruction(cg->fn->entry);
	if (first) LLVMPositionBuilderBefore(b, first);
	else LLVMPositionBuilderAtEnd(b, cg->fn->entry);
	LLVMValueRef a = LLVMBuildAlloca(b, t, name);
	LLVMDisposeBuilder(b);
	return a;
}

/* ------------------------------------------------------------ names */

static const char *pkg_prefix(CG *cg, Obj *fn)
{
	Package *p = fn->pkg ? fn->pkg : cg->pkg;
	return p->path;
}

const char *cg_func_name(CG *cg, Obj *fn)
{
	char buf[512];
	Type *sig = fn->type;
	/* golc's own runtime package may name another symbol for a bodyless
	 * function (//go:linkname F sym: libruntime implements sym).
	 * Elsewhere libruntime provides std's bodyless functions under their
	 * own names, so std's pull-style linknames are ignored. */
	Node *d = fn->decl;
	if (d && d->kind == N_FUNCDECL && !d->funcdecl.body && d->funcdecl.linkname && fn->pkg &&
	    !strcmp(fn->pkg->path, "runtime"))
		return d->funcdecl.linkname;
	if (sig && sig->recv) {
		Type *rt = sig->recv->type;
		bool ptr = type_under(rt)->kind == TY_POINTER && rt->kind != TY_NAMED;
		Type *base = ptr ? rt->elem : rt;
		const char *bn = base->kind == TY_NAMED ? base->obj->name : "?";
		if (ptr) snprintf(buf, sizeof buf, "%s.(*%s).%s", pkg_prefix(cg, fn), bn, fn->name);
		else snprintf(buf, sizeof buf, "%s.%s.%s", pkg_prefix(cg, fn), bn, fn->name);
	} else if (fn->decl && fn->decl->kind == N_FUNCDECL && fn->name == intern_cstr("init")) {
		/* init functions are numbered like gc's: main.init.0, main.init.1 */
		int idx = 0;
		Package *p = cg->pkg;
		for (int i = 0; i < p->ninitfuncs; i++)
			if (p->initfuncs[i] == fn) idx = i;
		snprintf(buf, sizeof buf, "%s.init.%d", pkg_prefix(cg, fn), idx);
	} else {
		snprintf(buf, sizeof buf, "%s.%s", pkg_prefix(cg, fn), fn->name);
	}
	return arena_strndup(&perm, buf, strlen(buf));
}

/* Every Go function: the statepoint GC strategy, frame pointers (tracebacks
 * and the GC walk follow the FP chain), and no tail calls or tail-recursion
 * elimination (gc has neither; every frame shows in tracebacks). */
static void gc_function_attrs(CG *cg, LLVMValueRef f)
{
	LLVMSetGC(f, "statepoint-example");
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "frame-pointer", "all"));
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "disable-tail-calls", "true"));
}

/* the LLVM function of a Go function (declared on first use) */
static bool has_typeparam(Type *t, int depth);

/* a generic function, or a method of a generic type (only instances are
 * code; generic code is not lowered yet) */
static bool generic_sig(Obj *fn)
{
	return has_typeparam(fn->type, 0);
}

/* ... or a method of an instance whose generic declaration is. (Generic
 * functions and methods whose signatures do not depend on the type
 * parameters are emitted once and shared by every instance.) */
static bool is_generic(Obj *fn)
{
	if (generic_sig(fn)) return true;
	Obj *d = fn->decl && fn->decl->kind == N_FUNCDECL ? fn->decl->funcdecl.fn : NULL;
	return d && d != fn && generic_sig(d);
}

LLVMValueRef cg_func_decl(CG *cg, Obj *fn)
{
	if (fn->cg) return fn->cg;
	if (is_generic(fn)) cg_unsupported(cg, fn->decl ? fn->decl->funcdecl.name : NULL, "generic code");
	const char *name = cg_func_name(cg, fn);
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, name);
	if (!f) {
		f = LLVMAddFunction(cg->mod, name, cg_fntype(cg, fn->type, false));
		gc_function_attrs(cg, f);
		if (fn->decl && fn->decl->kind == N_FUNCDECL && (fn->decl->funcdecl.pragma & PRAGMA_NOINLINE))
			LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noinline"));
	}
	fn->cg = f;
	return f;
}

/* ------------------------------------------------------------ locals */

/* does a value of type t hold an array (itself or in a field)? */
static bool holds_array(Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_ARRAY) return u->len > 0;
	if (u->kind != TY_STRUCT) return false;
	for (int i = 0; i < u->nfields; i++)
		if (holds_array(u->fields[i].type)) return true;
	return false;
}

static Local *new_local(CG *cg, Obj *o)
{
	Local *l = arena_alloc(cg->fnarena, sizeof *l);
	/* arrays live in memory so that they can be indexed with variables
	 * (x[i], s.a[i], s.t.a[i]), and so do values of in-memory types */
	l->heap = o->addrtaken || o->captured || holds_array(o->type) || cg_inmem(cg, o->type);
	if (l->heap) {
		l->addr = cg_alloca(cg, cg->gptr, o->name);
	} else {
		int n = cg_nscalars(cg, o->type);
		LLVMTypeRef *tys = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 1));
		cg_scalars(cg, o->type, tys, NULL);
		l->slots = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (n + 1));
		for (int i = 0; i < n; i++) l->slots[i] = cg_alloca(cg, tys[i], o->name);
	}
	o->cg = l;
	return l;
}

/* storage of a local variable; heap cells are allocated by cg_declare_local */
Local *cg_local(CG *cg, Obj *o)
{
	if (o->cg) return o->cg;
	return new_local(cg, o);
}

/* the variable o comes into existence (its declaration executes) with value v */
void cg_declare_local(CG *cg, Obj *o, Val *v)
{
	if (!o || o->name == intern_cstr("_")) return;
	Local *l = cg_local(cg, o);
	if (l->heap) {
		LLVMValueRef cell = cg_new(cg, o->type);   /* zeroed */
		LLVMBuildStore(cg->b, cell, l->addr);
		if (v) {
			Val x = *v;
			x.t = o->type;
			cg_store(cg, cell, x);
		}
		return;
	}
	Val z = v ? *v : cg_zero(cg, o->type);
	for (int i = 0; i < z.n; i++) LLVMBuildStore(cg->b, z.v[i], l->slots[i]);
}

BuilderState cg_builder_save(CG *cg)
{
	return (BuilderState){cg->fn, LLVMGetInsertBlock(cg->b), LLVMGetCurrentDebugLocation2(cg->b), cg->pos};
}

void cg_builder_restore(CG *cg, BuilderState st)
{
	cg->fn = st.fn;
	cg->pos = st.pos;
	if (st.bb) LLVMPositionBuilderAtEnd(cg->b, st.bb);
	LLVMSetCurrentDebugLocation2(cg->b, st.loc);
}

/* ------------------------------------------------------------ adapters */

static LLVMTypeRef blk_type(CG *cg, LLVMTypeRef fty)
{
	unsigned n = LLVMCountParamTypes(fty);
	LLVMTypeRef *el = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 3));
	LLVMGetParamTypes(fty, el + 1);
	el[0] = cg->ptr;
	unsigned ne = n + 1;
	LLVMTypeRef rt = LLVMGetReturnType(fty);
	if (LLVMGetTypeKind(rt) != LLVMVoidTypeKind) el[ne++] = rt;
	return LLVMStructTypeInContext(cg->ctx, el, ne, 0);
}

static void sig_key(CG *cg, LLVMTypeRef t, char *out, size_t cap)
{
	char *s = LLVMPrintTypeToString(t);
	size_t k = strlen(out);
	for (char *p = s; *p && k + 2 < cap; p++) {
		char ch = *p;
		out[k++] = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : '_';
	}
	out[k] = 0;
	LLVMDisposeMessage(s);
}

/* void adapter(blk*): blk->result = blk->fn(blk->args...); nest: 1 + the
 * index of a closure-context (`nest`) parameter, or 0 */
static LLVMValueRef get_adapter(CG *cg, LLVMTypeRef fty, unsigned nest)
{
	char name[512] = "golc.adapt.";
	if (nest) snprintf(name, sizeof name, "golc.adapt.nest%u.", nest);
	sig_key(cg, fty, name, sizeof name);
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, name);
	if (f) return f;
	f = LLVMAddFunction(cg->mod, name, LLVMFunctionType(cg->vd, &cg->ptr, 1, 0));
	LLVMSetLinkage(f, LLVMInternalLinkage);
	gc_function_attrs(cg, f);
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_enumattr(cg, "noinline"));
	BuilderState saved = cg_builder_save(cg);
	Fn af = {.fn = f, .fnty = LLVMGlobalGetValueType(f)};
	Pos pos = saved.fn && saved.fn->obj ? saved.fn->obj->pos : (Pos){0};
	af.rec = cg_func_rec(cg, arena_strndup(&perm, name, strlen(name)), arena_strndup(&perm, name, strlen(name)), pos,
	                     GO_FUNC_WRAPPER);
	LLVMMetadataRef asp = cg_subprogram(cg, &cg->funcs[af.rec], pos, f);
	cg->fn = &af;
	LLVMBasicBlockRef bb = LLVMAppendBasicBlockInContext(cg->ctx, f, "entry");
	LLVMPositionBuilderAtEnd(cg->b, bb);
	cg_set_pos(cg, pos);
	LLVMTypeRef bt = blk_type(cg, fty);
	unsigned n = LLVMCountParamTypes(fty);
	LLVMTypeRef *ps = arena_alloc(cg->fnarena, sizeof(LLVMTypeRef) * (n + 1));
	LLVMGetParamTypes(fty, ps);
	LLVMValueRef blk = LLVMGetParam(f, 0);
	LLVMValueRef fn = LLVMBuildLoad2(cg->b, cg->ptr, LLVMBuildStructGEP2(cg->b, bt, blk, 0, ""), "fn");
	LLVMValueRef *args = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (n + 1));
	for (unsigned i = 0; i < n; i++)
		args[i] = LLVMBuildLoad2(cg->b, ps[i], LLVMBuildStructGEP2(cg->b, bt, blk, i + 1, ""), "a");
	LLVMValueRef r = cg_call(cg, fty, fn, args, n, pos);
	if (nest) LLVMAddCallSiteAttribute(r, nest, cg_enumattr(cg, "nest"));
	if (LLVMGetTypeKind(LLVMGetReturnType(fty)) != LLVMVoidTypeKind)
		LLVMBuildStore(cg->b, r, LLVMBuildStructGEP2(cg->b, bt, blk, n + 1, ""));
	LLVMBuildRetVoid(cg->b);
	LLVMDIBuilderFinalizeSubprogram(cg->di, asp);
	cg_builder_restore(cg, saved);
	return f;
}

/* ------------------------------------------------------------ functions */

void cg_func_begin(CG *cg, Fn *f, Pos pos)
{
	gc_function_attrs(cg, f->fn);
	if (!cg->funcs[f->rec].sp) cg_subprogram(cg, &cg->funcs[f->rec], pos, f->fn);
	f->entry = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "entry");
	f->body = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "body");
	LLVMPositionBuilderAtEnd(cg->b, f->body);
	cg->pos = pos;
	cg_set_pos(cg, pos);
}

/* does f call anything that is a statepoint (not an intrinsic, inline asm
 * or gc-leaf runtime function)? */
static bool makes_calls(LLVMValueRef f)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
			if (LLVMGetInstructionOpcode(in) != LLVMCall) continue;
			LLVMValueRef callee = LLVMGetCalledValue(in);
			if (LLVMIsAInlineAsm(callee)) continue;
			if (LLVMGetValueKind(callee) == LLVMFunctionValueKind) {
				size_t len;
				const char *name = LLVMGetValueName2(callee, &len);
				if (len > 5 && !strncmp(name, "llvm.", 5)) continue;
			}
			if (LLVMGetCallSiteStringAttribute(in, LLVMAttributeFunctionIndex, "gc-leaf-function", 16)) continue;
			return true;
		}
	return false;
}

/*
 * Insert the split-stack check in front of f's entry block. Runs after the
 * optimization pipeline, so inlined callees bring no checks of their own and
 * leaves are known exactly; static allocas move to the new entry block.
 */
/* 1 + the index of fn's closure-context (`nest`) parameter, or 0 */
static unsigned nest_param(LLVMValueRef fn)
{
	unsigned kind = LLVMGetEnumAttributeKindForName("nest", 4), nest = 0;
	for (unsigned i = 0, n = LLVMCountParams(fn); i < n; i++)
		if (LLVMGetEnumAttributeAtIndex(fn, i + 1, kind)) nest = i + 1;
	return nest;
}

static void add_prologue(CG *cg, LLVMValueRef fn, int rec, uint64_t est)
{
	LLVMBasicBlockRef old = LLVMGetEntryBasicBlock(fn);
	LLVMBasicBlockRef entry = LLVMInsertBasicBlockInContext(cg->ctx, old, "ss.entry");
	LLVMPositionBuilderAtEnd(cg->b, entry);
	/* (the builder stamps its location on inserted instructions: set it first) */
	FuncRec *r = &cg->funcs[rec];
	LLVMMetadataRef loc = r->sp ? LLVMDIBuilderCreateDebugLocation(cg->ctx, r->line, 1, r->sp, NULL) : NULL;
	LLVMSetCurrentDebugLocation2(cg->b, loc);
	for (LLVMValueRef in = LLVMGetFirstInstruction(old), next; in; in = next) {
		next = LLVMGetNextInstruction(in);
		if (LLVMGetInstructionOpcode(in) != LLVMAlloca) continue;
		LLVMInstructionRemoveFromParent(in);
		LLVMInsertIntoBuilder(cg->b, in);
	}
	LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
	LLVMTypeRef bt = blk_type(cg, fty);
	LLVMValueRef blk = LLVMBuildAlloca(cg->b, bt, "ss.blk");
	LLVMValueRef g = cg_load_g(cg);
	LLVMValueRef guard = LLVMBuildLoad2(cg->b, cg->i64, g, "guard");
	LLVMSetVolatile(guard, 1);
	const char *spname = cg->arm64 ? "sp" : "rsp";
	LLVMMetadataRef md = LLVMMDStringInContext2(cg->ctx, spname, strlen(spname));
	LLVMValueRef mdarg = LLVMMetadataAsValue(cg->ctx, LLVMMDNodeInContext2(cg->ctx, &md, 1));
	unsigned rrid = LLVMLookupIntrinsicID("llvm.read_register", 18);
	LLVMValueRef rr = LLVMGetIntrinsicDeclaration(cg->mod, rrid, &cg->i64, 1);
	LLVMValueRef sp = LLVMBuildCall2(cg->b, LLVMIntrinsicGetType(cg->ctx, rrid, &cg->i64, 1), rr, &mdarg, 1, "sp");
	LLVMValueRef lim = est ? LLVMBuildSub(cg->b, sp, LLVMConstInt(cg->i64, est, 0), "lim") : sp;
	LLVMValueRef isshort = LLVMBuildICmp(cg->b, LLVMIntULT, lim, guard, "short");
	LLVMBasicBlockRef more = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ss.more");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ss.done");
	LLVMValueRef br = LLVMBuildCondBr(cg->b, isshort, more, old);
	LLVMMetadataRef w[3] = {LLVMMDStringInContext2(cg->ctx, "branch_weights", 14),
	                        LLVMValueAsMetadata(LLVMConstInt(cg->i32, 1, 0)),
	                        LLVMValueAsMetadata(LLVMConstInt(cg->i32, 2000, 0))};
	LLVMSetMetadata(br, LLVMGetMDKindIDInContext(cg->ctx, "prof", 4),
	                LLVMMetadataAsValue(cg->ctx, LLVMMDNodeInContext2(cg->ctx, w, 3)));

	LLVMPositionBuilderAtEnd(cg->b, more);
	LLVMBuildStore(cg->b, fn, LLVMBuildStructGEP2(cg->b, bt, blk, 0, ""));
	unsigned n = LLVMCountParams(fn);
	for (unsigned i = 0; i < n; i++)
		LLVMBuildStore(cg->b, LLVMGetParam(fn, i), LLVMBuildStructGEP2(cg->b, bt, blk, i + 1, ""));
	unsigned nest = nest_param(fn);
	LLVMValueRef adapter = get_adapter(cg, fty, nest);
	LLVMPositionBuilderAtEnd(cg->b, more);
	LLVMSetCurrentDebugLocation2(cg->b, loc);
	LLVMValueRef ms = cg_rt_fn(cg, "rt_morestack", cg->i64, (LLVMTypeRef[]){cg->ptr, cg->ptr, cg->i64}, 3, false);
	LLVMValueRef args[3] = {blk, adapter, LLVMConstInt(cg->i64, est, 0)};
	LLVMValueRef ran = LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(ms), ms, args, 3, "ran");
	Fn *saved = cg->fn;
	Fn tmp = {.rec = rec};
	cg->fn = &tmp;
	cg_set_site(cg, ran, cg_site(cg, (Pos){0, r->line, 1}, GO_SITE_MORESTACK));
	cg->fn = saved;
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, ran, LLVMConstInt(cg->i64, 0, 0), ""), done, old);

	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMTypeRef rt = LLVMGetReturnType(fty);
	if (LLVMGetTypeKind(rt) == LLVMVoidTypeKind) LLVMBuildRetVoid(cg->b);
	else LLVMBuildRet(cg->b, LLVMBuildLoad2(cg->b, rt, LLVMBuildStructGEP2(cg->b, bt, blk, n + 1, ""), "res"));
}

/* bytes of f's static allocas (what survived SROA: arrays, big structs) */
static uint64_t alloca_bytes(CG *cg, LLVMValueRef f)
{
	uint64_t n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
			if (LLVMGetInstructionOpcode(in) != LLVMAlloca) continue;
			LLVMValueRef cnt = LLVMGetOperand(in, 0);
			uint64_t k = LLVMIsAConstantInt(cnt) ? LLVMConstIntGetZExtValue(cnt) : 1;
			n += LLVMABISizeOfType(cg->td, LLVMGetAllocatedType(in)) * k + LLVMGetAlignment(in);
		}
	return n;
}

/*
 * Big frames (ARCHITECTURE.md; prototypes/splitstack big_fn): the check of a
 * function runs after its frame exists, so a frame must fit in the guard's
 * slack. A function whose allocas alone come near that gets a trampoline:
 *
 *   f:       check sp - est <u guard (est = allocas + BIG_EXTRA), then
 *            musttail call f.body(args)    ; gc-leaf: no statepoint
 *   f.body:  the function, internal, no check of its own
 *
 * so the big frame is built only after a check that covers it. Callers,
 * function values and method tables keep using f. f.body carries the
 * function's record (tracebacks name it main.f); f is a hidden wrapper whose
 * own morestack call has a record of its own. check_frames (cg_module.c)
 * verifies each body's frame against its est after code generation.
 */
#define BIG_ALLOCAS 256         /* trampoline above this many bytes of allocas */
#define BIG_EXTRA 512           /* allowance for spills on top of the allocas */

static void add_trampoline(CG *cg, LLVMValueRef fn, int rec, uint64_t est)
{
	LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
	/* (a copy: a record's llname may be the LLVM value's own name storage) */
	const char *llname = arena_strndup(&perm, cg->funcs[rec].llname, strlen(cg->funcs[rec].llname));
	char *bodyname = arena_alloc(&perm, strlen(llname) + 6);
	sprintf(bodyname, "%s.body", llname);
	LLVMValueRef t = LLVMAddFunction(cg->mod, "golc.tramp.tmp", fty);
	LLVMReplaceAllUsesWith(fn, t);
	LLVMSetValueName2(fn, bodyname, strlen(bodyname));
	LLVMSetValueName2(t, llname, strlen(llname));
	LLVMSetLinkage(t, LLVMGetLinkage(fn));
	LLVMSetVisibility(t, LLVMGetVisibility(fn));
	if (LLVMGetComdat(fn)) {
		LLVMSetComdat(t, LLVMGetComdat(fn));
		LLVMSetComdat(fn, NULL);
	}
	LLVMSetLinkage(fn, LLVMInternalLinkage);
	LLVMSetGC(t, LLVMGetGC(fn));
	unsigned n = LLVMCountParams(fn), nest = nest_param(fn);
	if (nest) LLVMAddAttributeAtIndex(t, nest, cg_enumattr(cg, "nest"));
	LLVMAddAttributeAtIndex(t, LLVMAttributeFunctionIndex, cg_strattr(cg, "frame-pointer", "all"));

	/* the body: f's record; the trampoline: a hidden wrapper with the check */
	FuncRec *r = &cg->funcs[rec];
	r->llname = bodyname;
	r->flags |= GO_FUNC_BIGFRAME;
	r->est = est;
	int trec = cg_func_rec(cg, cg->funcs[rec].name, llname, (Pos){0}, GO_FUNC_WRAPPER | GO_FUNC_CHECKED | GO_FUNC_BIGFRAME);
	cg->funcs[trec].est = est;
	cg->funcs[trec].file = cg->funcs[rec].file;
	cg->funcs[trec].line = cg->funcs[rec].line;
	cg->funcs[trec].ftype = cg->funcs[rec].ftype;   /* funcvals and method tables point here */

	LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(cg->ctx, t, "entry");
	LLVMPositionBuilderAtEnd(cg->b, entry);
	LLVMSetCurrentDebugLocation2(cg->b, NULL);
	LLVMValueRef *args = arena_alloc(&perm, sizeof(LLVMValueRef) * (n + 1));
	for (unsigned i = 0; i < n; i++) args[i] = LLVMGetParam(t, i);
	LLVMValueRef c = LLVMBuildCall2(cg->b, fty, fn, args, n, "");
	LLVMSetTailCallKind(c, LLVMTailCallKindMustTail);
	if (nest) LLVMAddCallSiteAttribute(c, nest, cg_enumattr(cg, "nest"));
	LLVMAddCallSiteAttribute(c, LLVMAttributeFunctionIndex, cg_strattr(cg, "gc-leaf-function", ""));
	if (LLVMGetTypeKind(LLVMGetReturnType(fty)) == LLVMVoidTypeKind) LLVMBuildRetVoid(cg->b);
	else LLVMBuildRet(cg->b, c);
	add_prologue(cg, t, trec, est);
}

/* the frame an earlier attempt measured for llname (CgOptions.bigframes), or 0 */
static uint64_t measured_frame(CG *cg, const char *llname)
{
	size_t n = strlen(llname);
	for (const char *p = cg->bigframes; p && *p;) {
		char *end;
		uint64_t size = strtoull(p, &end, 10);
		const char *name = end + 1, *nl = strchr(name, '\n');
		size_t k = nl ? (size_t)(nl - name) : strlen(name);
		if (k == n && !memcmp(name, llname, n)) return size;
		p = nl ? nl + 1 : name + k;
	}
	return 0;
}

/* After optimization: every Go function that makes calls gets the check;
 * functions with big frames get a trampoline that checks for them: big
 * allocas are seen here, big spill areas only in the object's stack maps
 * (check_frames asks for a second attempt, which finds them measured). */
void cg_insert_prologues(CG *cg)
{
	int nfuncs = cg->nfuncs;        /* trampolines add records */
	for (int i = 0; i < nfuncs; i++) {
		FuncRec *r = &cg->funcs[i];
		if ((r->flags & GO_FUNC_WRAPPER) && !(r->flags & GO_FUNC_CHECKED)) continue;
		LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, r->llname);
		if (!fn || LLVMIsDeclaration(fn)) continue;
		uint64_t a = alloca_bytes(cg, fn), m = measured_frame(cg, r->llname);
		if (m) add_trampoline(cg, fn, i, m + 64);
		else if (a > BIG_ALLOCAS) add_trampoline(cg, fn, i, a + BIG_EXTRA);
		else if (makes_calls(fn)) add_prologue(cg, fn, i, 0);
	}
}

void cg_func_end(CG *cg, Fn *f)
{
	if (!cg_terminated(cg)) {
		if (LLVMGetTypeKind(LLVMGetReturnType(f->fnty)) == LLVMVoidTypeKind) LLVMBuildRetVoid(cg->b);
		else LLVMBuildUnreachable(cg->b);
	}
	LLVMPositionBuilderAtEnd(cg->b, f->entry);
	LLVMBuildBr(cg->b, f->body);
	arena_reset(cg->fnarena);
}

/* bind incoming scalars (params from index *k) to the variable of field f */
static void bind_param(CG *cg, Fn *f, Field *fl, unsigned *k)
{
	int n = cg_nscalars(cg, fl->type);
	Val v = {.n = n, .v = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (n + 1)), .t = fl->type};
	for (int i = 0; i < n; i++) v.v[i] = LLVMGetParam(f->fn, (*k)++);
	if (fl->obj && fl->name && fl->name != intern_cstr("_")) cg_declare_local(cg, fl->obj, &v);
}

/* does t mention a type parameter (generic code is not lowered yet)? */
static bool has_typeparam(Type *t, int depth)
{
	if (!t || depth > 16) return false;
	switch (t->kind) {
	case TY_TYPEPARAM: return true;
	case TY_NAMED:
		/* an instance matters only if its layout depends on a type parameter */
		return t->ntargs && has_typeparam(t->underlying, depth + 1);
	case TY_POINTER: case TY_SLICE: case TY_ARRAY: case TY_CHAN:
		return has_typeparam(t->elem, depth + 1);
	case TY_MAP:
		return has_typeparam(t->key, depth + 1) || has_typeparam(t->elem, depth + 1);
	case TY_STRUCT: case TY_FUNC: case TY_TUPLE:
		for (int i = 0; i < t->nfields; i++)
			if (has_typeparam(t->fields[i].type, depth + 1)) return true;
		for (int i = 0; t->kind == TY_FUNC && i < t->nresults; i++)
			if (has_typeparam(t->results[i].type, depth + 1)) return true;
		return t->kind == TY_FUNC && t->recv && has_typeparam(t->recv->type, depth + 1);
	default:
		return false;
	}
}

void cg_func(CG *cg, Obj *fn, Node *decl)
{
	Type *sig = fn->type;
	if (generic_sig(fn)) return;    /* emitted per instance (not yet: cg_func_decl refuses uses) */
	Fn f = {.obj = fn, .sig = sig};
	f.fn = cg_func_decl(cg, fn);
	f.fnty = LLVMGlobalGetValueType(f.fn);
	if (LLVMCountBasicBlocks(f.fn)) return; /* already emitted */
	/* copies: a trampoline renames the function (f.body) */
	const char *nm = arena_strndup(&perm, LLVMGetValueName(f.fn), strlen(LLVMGetValueName(f.fn)));
	/* gc flags these WRAPPER: tracebacks hide them and recover() looks
	 * through them (MakeFunc functions run deferred; test/recover.go) */
	bool hidden = !strcmp(cg->pkg->path, "reflect") && (!strcmp(nm, "reflect.callReflect") ||
	                                                    !strcmp(nm, "reflect.callMethod"));
	f.rec = cg_func_rec(cg, nm, nm, decl->funcdecl.name->pos, hidden ? GO_FUNC_HIDDEN : 0);
	cg->funcs[f.rec].rsig = cg_func_value_sig(sig);
	cg->fn = &f;
	cg_func_begin(cg, &f, decl->funcdecl.name->pos);
	unsigned k = cg_sret(cg, sig) ? 1 : 0;
	if (sig->recv) bind_param(cg, &f, sig->recv, &k);
	for (int i = 0; i < sig->nfields; i++) bind_param(cg, &f, &sig->fields[i], &k);
	/* results are variables too (zero at entry; named ones are visible) */
	f.resloc = arena_alloc(cg->fnarena, sizeof(Local *) * (sig->nresults + 1));
	bool hasdefer = cg_defer_needed(decl->funcdecl.body);
	for (int i = 0; i < sig->nresults; i++) {
		Obj *o = sig->results[i].obj;
		if (!o || o->name == intern_cstr("_")) {
			o = obj_new(OBJ_VAR, intern_cstr("~r"), decl->pos, cg->pkg);
			o->type = sig->results[i].type;
			sig->results[i].obj = o;
		}
		if (hasdefer) o->addrtaken = true; /* a heap cell: see cg_defer.c */
		cg_declare_local(cg, o, NULL);
		f.resloc[i] = o->cg;
	}
	if (hasdefer) cg_defer_begin(cg);
	cg_stmt_list(cg, &decl->funcdecl.body->block.stmts);
	cg_defer_end(cg);
	cg_func_end(cg, &f);
	/* locals' storage belongs to this function only */
	cg->fn = NULL;
}


