/*
 * cg_module.c: one package -> one LLVM module -> one object file.
 *
 * The pass order lives in cg_package (one function, as in QBE's func()):
 *   emit IR -> verify -> default<O2> (sroa+mem2reg at -O0) -> split-stack
 *   prologues -> add the internal gc.safepoint_poll -> place-safepoints (loop back edges only) +
 *   rewrite-statepoints-for-gc -> delete the poll function -> renumber
 *   statepoints -> emit call-site/function tables -> verify -> object / IR.
 */
#include "cg.h"
#include "goabi.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/Object.h>
#include <llvm-c/Support.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cg_fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "golc: internal compiler error: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(3);
}

/* a construct codegen does not lower yet: a diagnostic and exit 1, never a crash */
void cg_unsupported(CG *cg, Node *n, const char *what)
{
	Pos p = n ? node_startpos(n) : cg->pos;
	SrcFile *sf = srcfile_get(p.file);
	fprintf(stderr, "%s:%d:%d: golc: %s not supported yet\n", sf ? sf->path : "?", p.line, p.col, what);
	exit(1);
}

/* an empty flattened value of n scalars (per-function arena) */
Val cg_mkval(CG *cg, int n, Type *t)
{
	Val v = {.n = n, .v = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (n + 1)), .t = t};
	return v;
}

LLVMAttributeRef cg_strattr(CG *cg, const char *k, const char *v)
{
	return LLVMCreateStringAttribute(cg->ctx, k, strlen(k), v, strlen(v));
}

LLVMAttributeRef cg_enumattr(CG *cg, const char *k)
{
	return LLVMCreateEnumAttribute(cg->ctx, LLVMGetEnumAttributeKindForName(k, strlen(k)), 0);
}

static void init_llvm(void)
{
	static bool done;
	if (done) return;
	done = true;
	/* x86's call-frame optimization passes stack arguments with pushes, so
	 * SP at a call site sits below the frame size the stack map records and
	 * the frame walker loses its way: keep call frames reserved */
	const char *const opts[] = {"golc", "-no-x86-call-frame-opt"};
	LLVMParseCommandLineOptions(2, opts, NULL);
	LLVMInitializeX86TargetInfo();
	LLVMInitializeX86Target();
	LLVMInitializeX86TargetMC();
	LLVMInitializeX86AsmPrinter();
	LLVMInitializeX86AsmParser();
	LLVMInitializeAArch64TargetInfo();
	LLVMInitializeAArch64Target();
	LLVMInitializeAArch64TargetMC();
	LLVMInitializeAArch64AsmPrinter();
	LLVMInitializeAArch64AsmParser();
	/* polls at every loop back edge (counted loops too), none at entry: the
	 * split-stack check is the entry poll (ARCHITECTURE.md "Safepoint polls") */
	const char *args[] = {"golc", "-spp-no-entry", "-spp-all-backedges"};
	LLVMParseCommandLineOptions(3, args, "golc");
}

static void setup(CG *cg, const CgOptions *opt)
{
	char *err = NULL;
	cg->triple = LLVMNormalizeTargetTriple(opt->triple);
	cg->arm64 = strncmp(cg->triple, "aarch64", 7) == 0;
	LLVMTargetRef target;
	if (LLVMGetTargetFromTriple(cg->triple, &target, &err)) cg_fatal("target %s: %s", cg->triple, err);
	cg->tm = LLVMCreateTargetMachine(target, cg->triple, "generic", "", LLVMCodeGenLevelDefault, LLVMRelocStatic,
	                                 LLVMCodeModelDefault);
	cg->ctx = LLVMContextCreate();
	cg->mod = LLVMModuleCreateWithNameInContext(cg->pkg->path, cg->ctx);
	LLVMSetTarget(cg->mod, cg->triple);
	cg->td = LLVMCreateTargetDataLayout(cg->tm);
	char *dl = LLVMCopyStringRepOfTargetData(cg->td);
	char *dlni = malloc(strlen(dl) + 8);
	sprintf(dlni, "%s-ni:1", dl); /* GC pointers are non-integral (RS4GC assumes it) */
	LLVMSetDataLayout(cg->mod, dlni);
	free(dlni);
	LLVMDisposeMessage(dl);
	cg->b = LLVMCreateBuilderInContext(cg->ctx);
	cg->i1 = LLVMInt1TypeInContext(cg->ctx);
	cg->i8 = LLVMInt8TypeInContext(cg->ctx);
	cg->i16 = LLVMInt16TypeInContext(cg->ctx);
	cg->i32 = LLVMInt32TypeInContext(cg->ctx);
	cg->i64 = LLVMInt64TypeInContext(cg->ctx);
	cg->f32 = LLVMFloatTypeInContext(cg->ctx);
	cg->f64 = LLVMDoubleTypeInContext(cg->ctx);
	cg->vd = LLVMVoidTypeInContext(cg->ctx);
	cg->ptr = LLVMPointerTypeInContext(cg->ctx, 0);
	cg->gptr = LLVMPointerTypeInContext(cg->ctx, 1);
}

static void run_passes(CG *cg, const char *pipeline)
{
	LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
	LLVMErrorRef e = LLVMRunPasses(cg->mod, pipeline, cg->tm, pbo);
	if (e) {
		char *m = LLVMGetErrorMessage(e);
		cg_fatal("passes \"%s\": %s", pipeline, m);
	}
	LLVMDisposePassBuilderOptions(pbo);
}

static void verify(CG *cg, const char *when)
{
	char *err = NULL;
	if (LLVMVerifyModule(cg->mod, LLVMReturnStatusAction, &err)) {
		if (getenv("GOLC_DUMP_BAD_IR")) LLVMPrintModuleToFile(cg->mod, getenv("GOLC_DUMP_BAD_IR"), NULL);
		cg_fatal("invalid IR %s: %s", when, err);
	}
	LLVMDisposeMessage(err);
}

/* gc.safepoint_poll: if (g->stackguard == RT_STACK_PREEMPT) runtime.safepointSlow() */
static LLVMValueRef add_poll_function(CG *cg)
{
	LLVMValueRef f = LLVMAddFunction(cg->mod, "gc.safepoint_poll", LLVMFunctionType(cg->vd, NULL, 0, 0));
	LLVMSetLinkage(f, LLVMInternalLinkage);
	LLVMBasicBlockRef e = LLVMAppendBasicBlockInContext(cg->ctx, f, "entry");
	LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, f, "slow");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, f, "done");
	LLVMClearInsertionPosition(cg->b);
	LLVMPositionBuilderAtEnd(cg->b, e);
	LLVMSetCurrentDebugLocation2(cg->b, NULL);
	Fn *saved = cg->fn;
	cg->fn = NULL;
	LLVMValueRef g = cg_load_g(cg);
	LLVMValueRef guard = LLVMBuildLoad2(cg->b, cg->i64, g, "guard");
	LLVMSetVolatile(guard, 1);
	LLVMValueRef c = LLVMBuildICmp(cg->b, LLVMIntEQ, guard, LLVMConstInt(cg->i64, RT_STACK_PREEMPT, 0), "preempt");
	LLVMBuildCondBr(cg->b, c, slow, done);
	LLVMPositionBuilderAtEnd(cg->b, slow);
	LLVMValueRef sf = cg_rt_fn(cg, "runtime.safepointSlow", cg->vd, NULL, 0, false);
	LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(sf), sf, NULL, 0, "");
	LLVMBuildBr(cg->b, done);
	LLVMPositionBuilderAtEnd(cg->b, done);
	LLVMBuildRetVoid(cg->b);
	cg->fn = saved;
	return f;
}

/* after rewrite-statepoints-for-gc: golc.inttoptr(x) -> addrspacecast
 * (inttoptr x) (cg_convert) */
static void lower_inttoptr(CG *cg)
{
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, CG_INTTOPTR);
	if (!f) return;
	for (LLVMUseRef u; (u = LLVMGetFirstUse(f));) {
		LLVMValueRef call = LLVMGetUser(u);
		LLVMPositionBuilderBefore(cg->b, call);
		LLVMValueRef p = LLVMBuildIntToPtr(cg->b, LLVMGetOperand(call, 0), cg->ptr, "");
		LLVMValueRef g = LLVMBuildAddrSpaceCast(cg->b, p, cg->gptr, "");
		LLVMReplaceAllUsesWith(call, g);
		LLVMInstructionEraseFromParent(call);
	}
	LLVMDeleteFunction(f);
}

/* every package-level variable is defined in its package's object, also
 * those only other packages use; cg->vars lists them for the module
 * descriptor's global roots (cg_sites.c) */
static void define_globals(CG *cg)
{
	Package *p = cg->pkg;
	for (int i = 0; i < p->nfiles; i++) {
		NodeList *decls = &p->files[i]->file.decls;
		for (int k = 0; k < decls->n; k++) {
			Node *d = decls->v[k];
			if (d->kind != N_GENDECL || d->gendecl.kind != DECL_VAR) continue;
			for (int j = 0; j < d->gendecl.specs.n; j++) {
				NodeList *names = &d->gendecl.specs.v[j]->valuespec.names;
				for (int m = 0; m < names->n; m++) {
					Obj *o = names->v[m]->ident.obj;
					if (!o || o->name == intern_cstr("_")) continue;
					cg_global(cg, o);
					if (cg->nvars == cg->capvars) {
						cg->capvars = cg->capvars ? 2 * cg->capvars : 16;
						cg->vars = realloc(cg->vars, sizeof(Obj *) * cg->capvars);
						if (!cg->vars) cg_fatal("out of memory");
					}
					cg->vars[cg->nvars++] = o;
				}
			}
		}
	}
}

/* does initializing p do anything (its variables, its init functions, or
 * those of a package it imports)? Packages that do not are never called. */
static bool needs_init(Package *p)
{
	if (p->cg_needs_init) return p->cg_needs_init == 2;
	p->cg_needs_init = 1;   /* no cycles among imports */
	bool yes = p->ninitassigns > 0 || p->ninitfuncs > 0;
	for (int i = 0; !yes && i < p->nimports; i++) yes = needs_init(p->imports[i]);
	p->cg_needs_init = yes ? 2 : 1;
	return yes;
}

/* <path>.init: once per program (a flag), the imported packages that need
 * it in import order, then the package variables in dependency order, then
 * the init functions in source order. The runtime calls main.init. */
/* arm64 programs are linked statically: every symbol is the program's own,
 * so the module's globals and functions get hidden visibility, which makes
 * them dso_local (LLVM-C has no setter for that). Otherwise AArch64 reaches
 * every global of another object through the GOT, and a program as big as a
 * test binary overflows the 4,096 GOT entries libc.a's -fpic code can address
 * ("relocation truncated to fit: R_AARCH64_LD64_GOTPAGE_LO15"). amd64
 * programs link against the shared glibc, and x86's static relocation model
 * needs no GOT for them anyway. */
static void hide_symbols(CG *cg)
{
	for (LLVMValueRef g = LLVMGetFirstGlobal(cg->mod); g; g = LLVMGetNextGlobal(g)) {
		LLVMLinkage l = LLVMGetLinkage(g);
		if (l == LLVMExternalWeakLinkage || l == LLVMInternalLinkage || l == LLVMPrivateLinkage) continue;
		if (!strncmp(LLVMGetValueName(g), "llvm.", 5) || (LLVMIsDeclaration(g) && !LLVMGetFirstUse(g))) continue;
		LLVMSetVisibility(g, LLVMHiddenVisibility);
	}
	for (LLVMValueRef f = LLVMGetFirstFunction(cg->mod); f; f = LLVMGetNextFunction(f)) {
		LLVMLinkage l = LLVMGetLinkage(f);
		if (l == LLVMExternalWeakLinkage || l == LLVMInternalLinkage || l == LLVMPrivateLinkage) continue;
		/* unused declarations (RS4GC leaves __tmp_use) would become
		 * undefined hidden symbols */
		if (!strncmp(LLVMGetValueName(f), "llvm.", 5) || (LLVMIsDeclaration(f) && !LLVMGetFirstUse(f))) continue;
		LLVMSetVisibility(f, LLVMHiddenVisibility);
	}
}

static void emit_package_init(CG *cg)
{
	Package *p = cg->pkg;
	char name[600];
	snprintf(name, sizeof name, "%s.init", p->path);
	LLVMValueRef f = LLVMAddFunction(cg->mod, name, LLVMFunctionType(cg->vd, NULL, 0, 0));
	Fn fn = {.fn = f, .fnty = LLVMGlobalGetValueType(f)};
	Pos pos = p->nfiles ? p->files[0]->file.pkgname->pos : (Pos){0};
	fn.rec = cg_func_rec(cg, arena_strndup(&perm, name, strlen(name)), arena_strndup(&perm, name, strlen(name)), pos, 0);
	cg->fn = &fn;
	extern void cg_func_begin(CG *, Fn *, Pos);
	extern void cg_func_end(CG *, Fn *);
	cg_func_begin(cg, &fn, pos);
	char gname[620];
	snprintf(gname, sizeof gname, "%s..initdone", p->path);
	LLVMValueRef done = LLVMAddGlobal(cg->mod, cg->i8, gname);
	LLVMSetInitializer(done, LLVMConstInt(cg->i8, 0, 0));
	LLVMSetLinkage(done, LLVMInternalLinkage);
	LLVMBasicBlockRef first = cg_block(cg, "init.first"), again = cg_block(cg, "init.again");
	LLVMValueRef was = LLVMBuildLoad2(cg->b, cg->i8, done, "");
	LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, was, LLVMConstInt(cg->i8, 0, 0), ""), again, first);
	cg_position(cg, again);
	LLVMBuildRetVoid(cg->b);
	cg_position(cg, first);
	LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 1, 0), done);
	for (int i = 0; i < p->nimports; i++) {
		Package *q = p->imports[i];
		if (q->is_unsafe || !needs_init(q)) continue;
		char qn[600];
		snprintf(qn, sizeof qn, "%s.init", q->path);
		LLVMValueRef qf = LLVMGetNamedFunction(cg->mod, qn);
		if (!qf) qf = cg_rt_fn(cg, qn, cg->vd, NULL, 0, false);
		cg_call(cg, LLVMGlobalGetValueType(qf), qf, NULL, 0, pos);
	}
	extern void cg_global_init(CG *, Node *);
	for (int i = 0; i < p->ninitassigns; i++) cg_global_init(cg, p->initassigns[i]);
	for (int i = 0; i < p->ninitfuncs; i++) {
		Obj *init = p->initfuncs[i];
		LLVMValueRef fv = cg_func_decl(cg, init);
		cg_set_pos(cg, init->pos);
		cg_call(cg, LLVMGlobalGetValueType(fv), fv, NULL, 0, init->pos);
	}
	LLVMBuildRetVoid(cg->b);
	cg_func_end(cg, &fn);
	cg->fn = NULL;
}

/*
 * Every split-stack check compares SP with the guard after the function's
 * frame exists (est = 0), so a frame must fit in the guard's slack together
 * with the C runtime code it may call; functions with big allocas get a
 * trampoline whose check covers est bytes (cg_func.c). Frames are known only
 * after code generation: read them from the object's .llvm_stackmaps and
 * refuse the program rather than let a frame (spills beyond the estimate)
 * write below a segment.
 */
/* A frame is allocated before its check runs: if SP was just above the guard
 * at entry, the frame reaches up to its size below the guard, within the
 * slack. A failed check then only calls rt_morestack, which pushes its
 * return address and switches to the system stack at once (asm_*.S); C code
 * called after a passed check starts above the guard and has the whole
 * slack. So a frame may take the slack but for the two return addresses
 * (the caller's call and the morestack call) and a margin. */
#define MAX_FRAME (RT_STACK_SLACK - 64)

static bool has_statepoint(LLVMValueRef fn)
{
	if (LLVMIsDeclaration(fn)) return false;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
			if (LLVMGetInstructionOpcode(in) != LLVMCall) continue;
			LLVMValueRef c = LLVMGetCalledValue(in);
			size_t len;
			const char *n = c && LLVMGetValueKind(c) == LLVMFunctionValueKind ? LLVMGetValueName2(c, &len) : NULL;
			if (n && len > 31 && !strncmp(n, "llvm.experimental.gc.statepoint", 31)) return true;
		}
	return false;
}

static int check_frames(CG *cg, LLVMMemoryBufferRef buf, CgOptions *opt)
{
	size_t tlen = 0;
	char *err = NULL;
	LLVMBinaryRef bin = LLVMCreateBinary(buf, cg->ctx, &err);
	if (!bin) return 0;
	LLVMSectionIteratorRef si = LLVMObjectFileCopySectionIterator(bin);
	int bad = 0;
	for (; !LLVMObjectFileIsSectionIteratorAtEnd(bin, si); LLVMMoveToNextSection(si)) {
		const char *name = LLVMGetSectionName(si);
		if (!name || strcmp(name, ".llvm_stackmaps") != 0) continue;
		const uint8_t *p = (const uint8_t *)LLVMGetSectionContents(si);
		uint64_t size = LLVMGetSectionSize(si);
		if (size < 16 || p[0] != 3) break;
		uint32_t nfuncs;
		memcpy(&nfuncs, p + 4, 4);
		/* function records follow in module order of the functions with statepoints */
		LLVMValueRef fn = LLVMGetFirstFunction(cg->mod);
		for (uint32_t i = 0; i < nfuncs && 16 + 24 * (i + 1) <= size; i++) {
			uint64_t frame;
			memcpy(&frame, p + 16 + 24 * i + 8, 8);
			while (fn && !has_statepoint(fn)) fn = LLVMGetNextFunction(fn);
			const char *fname = fn ? LLVMGetValueName(fn) : "?";
			if (fn) fn = LLVMGetNextFunction(fn);
			uint64_t est = 0;       /* a trampoline's body: its check covered est bytes */
			size_t flen = strlen(fname);
			for (int k = 0; k < cg->nfuncs; k++)
				if ((cg->funcs[k].flags & GO_FUNC_BIGFRAME) && !(cg->funcs[k].flags & GO_FUNC_WRAPPER) &&
				    !strcmp(cg->funcs[k].llname, fname)) {
					est = cg->funcs[k].est;
					flen -= 5;      /* measured under the function's own name, not f.body */
				}
			if (frame <= MAX_FRAME + est) continue;
			if (!cg->bigframes) {   /* first attempt: measure, then retry with trampolines */
				size_t k = flen + 32;
				opt->toobig = realloc(opt->toobig, tlen + k);
				tlen += (size_t)snprintf(opt->toobig + tlen, k, "%llu %.*s\n", (unsigned long long)frame, (int)flen, fname);
				bad = CG_RETRY;
			} else {
				fprintf(stderr, "golc: internal compiler error: %s: stack frame of %llu bytes exceeds its check (%llu)\n",
				        fname, (unsigned long long)frame, (unsigned long long)(MAX_FRAME + est));
				bad = 1;
			}
		}
		break;
	}
	LLVMDisposeSectionIterator(si);
	LLVMDisposeBinary(bin);
	return bad;
}

int cg_package(Package *pkg, CgOptions *opt)
{
	init_llvm();
	CG cgs = {.pkg = pkg, .optlevel = opt->optlevel, .bigframes = opt->bigframes, .fieldtrack = opt->fieldtrack,
	            .maxssa = opt->maxssa > 0 ? opt->maxssa : 64};
	CG *cg = &cgs;
	static Arena fnarena;
	cg->fnarena = &fnarena;
	setup(cg, opt);
	cg_debug_init(cg);

	/* 1. IR for every function with a body, then the package initializer */
	for (int i = 0; i < pkg->nfuncs; i++) {
		Obj *fn = pkg->funcs[i];
		if (fn->decl && fn->decl->kind == N_FUNCDECL) cg_func(cg, fn, fn->decl);
	}
	cg_intrinsic_bodies(cg);
	define_globals(cg);
	emit_package_init(cg);
	cg_pending_closures(cg); /* after main.init: package initializers have closures too */
	cg_typedesc_finish(cg);  /* last: closures may need descriptors too */
	cg_reflect_sigs(cg);
	cg_emit_kept(cg);
	LLVMDIBuilderFinalize(cg->di);
	if (opt->ll_before) LLVMPrintModuleToFile(cg->mod, opt->ll_before, NULL);
	verify(cg, "after codegen");

	/* 2. optimization (SROA + mem2reg always: GC pointers must be SSA values) */
	static const char *pipelines[] = {"function(sroa,mem2reg,instsimplify,simplifycfg)", "default<O1>", "default<O2>"};
	run_passes(cg, pipelines[opt->optlevel < 0 ? 0 : opt->optlevel > 2 ? 2 : opt->optlevel]);

	/* 3. split-stack checks (functions that still make calls), safepoint polls
	 * at loop back edges, then statepoints + stack maps */
	cg_insert_prologues(cg);
	verify(cg, "after prologues");
	LLVMValueRef poll = add_poll_function(cg);
	run_passes(cg, "function(place-safepoints),rewrite-statepoints-for-gc");
	if (LLVMGetFirstUse(poll)) cg_fatal("gc.safepoint_poll still referenced");
	LLVMDeleteFunction(poll);
	lower_inttoptr(cg);

	/* 4. call-site IDs and the module descriptor */
	cg_renumber_statepoints(cg);
	cg_emit_module_desc(cg);
	verify(cg, "after passes");

	if (!strncmp(cg->triple, "aarch64", 7)) hide_symbols(cg);

	/* 5. output */
	char *err = NULL;
	if (opt->ll_out) {
		if (!strcmp(opt->ll_out, "-")) {
			char *s = LLVMPrintModuleToString(cg->mod);
			fputs(s, stdout);
			LLVMDisposeMessage(s);
		} else if (LLVMPrintModuleToFile(cg->mod, opt->ll_out, &err)) {
			fprintf(stderr, "golc: %s: %s\n", opt->ll_out, err);
			return 1;
		}
	}
	if (opt->obj_out) {
		LLVMMemoryBufferRef buf;
		if (LLVMTargetMachineEmitToMemoryBuffer(cg->tm, cg->mod, LLVMObjectFile, &err, &buf)) {
			fprintf(stderr, "golc: %s: %s\n", opt->obj_out, err);
			return 1;
		}
		int fr = check_frames(cg, buf, opt);
		if (fr) return fr;
		FILE *f = fopen(opt->obj_out, "wb");
		if (!f || fwrite(LLVMGetBufferStart(buf), 1, LLVMGetBufferSize(buf), f) != LLVMGetBufferSize(buf) || fclose(f)) {
			fprintf(stderr, "golc: %s: cannot write\n", opt->obj_out);
			return 1;
		}
		LLVMDisposeMemoryBuffer(buf);
	}
	return 0;
}
