/*
 * cg_sites.c: call-site and function tables, debug locations, statepoint
 * renumbering and the module descriptor (goabi.h "module descriptors").
 *
 * Every call codegen emits carries "statepoint-id"=N, N indexing this
 * module's call-site table. Optimization copies call sites (inlining) and
 * adds new ones (safepoint polls, with LLVM's default ID), so after all passes
 * cg_renumber_statepoints walks every gc.statepoint: an ID is kept if this is
 * its first use and the statepoint's debug location still says what the table
 * entry says; otherwise the statepoint gets a fresh entry built from its debug
 * location, whose inlinedAt chain becomes the entry's parent chain (inlined
 * frames in tracebacks). The table is emitted only after that, as part of the
 * GoModule descriptor, together with the function table and the global
 * roots (package-level variables holding GC pointers, with a pointer mask
 * per variable from cg_gcmask).
 */
#include "cg.h"
#include "goabi.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_STATEPOINT_ID 0xABCDEF00ull

int cg_func_rec(CG *cg, const char *name, const char *llname, Pos pos, int flags)
{
	if (cg->nfuncs == cg->capfuncs) {
		cg->capfuncs = cg->capfuncs ? cg->capfuncs * 2 : 64;
		cg->funcs = realloc(cg->funcs, sizeof(FuncRec) * cg->capfuncs);
	}
	FuncRec *r = &cg->funcs[cg->nfuncs];
	memset(r, 0, sizeof *r);
	r->name = name;
	r->llname = llname;
	SrcFile *sf = pos.file >= 0 && pos.line ? srcfile_get(pos.file) : NULL;
	r->file = sf ? sf->abspath : "?";
	r->line = pos.line;
	r->flags = flags;
	return cg->nfuncs++;
}

static int add_site(CG *cg, int func, int line, int col, int flags, int parent)
{
	if (cg->nsites == cg->capsites) {
		cg->capsites = cg->capsites ? cg->capsites * 2 : 256;
		cg->sites = realloc(cg->sites, sizeof(Site) * cg->capsites);
	}
	if (cg->nsites == 0) cg->sites[cg->nsites++] = (Site){.func = 0, .parent = -1}; /* ID 0 unused */
	cg->sites[cg->nsites] = (Site){func, line, col, flags, parent};
	return cg->nsites++;
}

int cg_site(CG *cg, Pos pos, int flags)
{
	int func = cg->fn ? cg->fn->rec : 0;
	return add_site(cg, func, pos.line, pos.col, flags, -1);
}

void cg_set_site(CG *cg, LLVMValueRef call, int id)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%d", id);
	LLVMAddCallSiteAttribute(call, LLVMAttributeFunctionIndex, cg_strattr(cg, "statepoint-id", buf));
}

/* ------------------------------------------------------------ debug info */

static LLVMMetadataRef difile(CG *cg, int32_t file)
{
	if (file < 0) file = 0;
	if (file >= cg->ndifiles) {
		int n = file + 16;
		cg->difiles = realloc(cg->difiles, sizeof(LLVMMetadataRef) * n);
		memset(cg->difiles + cg->ndifiles, 0, sizeof(LLVMMetadataRef) * (n - cg->ndifiles));
		cg->ndifiles = n;
	}
	if (!cg->difiles[file]) {
		SrcFile *sf = srcfile_get(file);
		const char *path = sf ? sf->abspath : "?";
		char *d = strdup(path), *b = strdup(path);
		const char *dn = dirname(d), *bn = basename(b);
		cg->difiles[file] = LLVMDIBuilderCreateFile(cg->di, bn, strlen(bn), dn, strlen(dn));
		free(d);
		free(b);
	}
	return cg->difiles[file];
}

void cg_debug_init(CG *cg)
{
	cg->di = LLVMCreateDIBuilder(cg->mod);
	LLVMMetadataRef f = difile(cg, cg->pkg->nfiles ? cg->pkg->files[0]->file.file : 0);
	cg->dicu = LLVMDIBuilderCreateCompileUnit(cg->di, LLVMDWARFSourceLanguageGo, f, "golc", 4, cg->optlevel > 0, "", 0,
	                                          0, "", 0, LLVMDWARFEmissionLineTablesOnly, 0, 0, 0, "", 0, "", 0);
	LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Debug Info Version", 18,
	                  LLVMValueAsMetadata(LLVMConstInt(cg->i32, LLVMDebugMetadataVersion(), 0)));
	LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13,
	                  LLVMValueAsMetadata(LLVMConstInt(cg->i32, 4, 0)));
	cg->disubty = LLVMDIBuilderCreateSubroutineType(cg->di, f, NULL, 0, LLVMDIFlagZero);
}

LLVMMetadataRef cg_subprogram(CG *cg, FuncRec *r, Pos pos, LLVMValueRef fn)
{
	LLVMMetadataRef f = difile(cg, pos.file);
	LLVMMetadataRef sp = LLVMDIBuilderCreateFunction(cg->di, f, r->name, strlen(r->name), r->llname, strlen(r->llname),
	                                                  f, pos.line, cg->disubty, 0, 1, pos.line, LLVMDIFlagZero,
	                                                  cg->optlevel > 0);
	LLVMSetSubprogram(fn, sp);
	r->sp = sp;
	return sp;
}

void cg_set_pos(CG *cg, Pos pos)
{
	if (!cg->fn || !cg->funcs[cg->fn->rec].sp) return;
	if (pos.line == 0) pos = cg->pos;
	cg->pos = pos;
	LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(cg->ctx, pos.line, pos.col, cg->funcs[cg->fn->rec].sp, NULL);
	LLVMSetCurrentDebugLocation2(cg->b, loc);
}

/* ------------------------------------------------------------ renumbering */

static int rec_of_sp(CG *cg, LLVMMetadataRef sp)
{
	for (int i = 0; i < cg->nfuncs; i++)
		if (cg->funcs[i].sp == sp) return i;
	return -1;
}

static int rec_of_fn(CG *cg, LLVMValueRef fn)
{
	size_t len;
	const char *name = LLVMGetValueName2(fn, &len);
	for (int i = 0; i < cg->nfuncs; i++)
		if (strlen(cg->funcs[i].llname) == len && memcmp(cg->funcs[i].llname, name, len) == 0) return i;
	return 0;
}

/* the site a debug location describes (with its inlinedAt chain) */
static int site_of_loc(CG *cg, LLVMMetadataRef loc, int flags, int *func)
{
	LLVMMetadataRef scope = LLVMDILocationGetScope(loc);
	int f = rec_of_sp(cg, scope);
	if (f < 0) f = 0;
	*func = f;
	LLVMMetadataRef inl = LLVMDILocationGetInlinedAt(loc);
	int parent = -1;
	if (inl) {
		int pf;
		parent = site_of_loc(cg, inl, 0, &pf);
	}
	unsigned line = LLVMDILocationGetLine(loc), col = LLVMDILocationGetColumn(loc);
	/* reuse an identical parent entry (inlined call sites repeat) */
	if (flags == 0)
		for (int i = cg->nsites - 1; i > 0 && i > cg->nsites - 64; i--) {
			Site *s = &cg->sites[i];
			if (s->func == f && s->line == (int)line && s->col == (int)col && s->parent == parent && s->flags == 0 &&
			    parent >= 0)
				return i;
		}
	return add_site(cg, f, line, col, flags, parent);
}

/* nearest debug location in the block around I (polls inserted by LLVM have none) */
static LLVMMetadataRef nearby_loc(LLVMValueRef inst)
{
	for (LLVMValueRef i = inst; i; i = LLVMGetPreviousInstruction(i)) {
		LLVMMetadataRef l = LLVMInstructionGetDebugLoc(i);
		if (l) return l;
	}
	for (LLVMValueRef i = inst; i; i = LLVMGetNextInstruction(i)) {
		LLVMMetadataRef l = LLVMInstructionGetDebugLoc(i);
		if (l) return l;
	}
	return NULL;
}

void cg_renumber_statepoints(CG *cg)
{
	int n0 = cg->nsites;
	char *used = calloc(n0 + 1, 1);
	LLVMTypeRef i64 = cg->i64;
	for (LLVMValueRef f = LLVMGetFirstFunction(cg->mod); f; f = LLVMGetNextFunction(f)) {
		if (LLVMIsDeclaration(f)) continue;
		int frec = -2;
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb)) {
			for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
				if (LLVMGetInstructionOpcode(in) != LLVMCall) continue;
				LLVMValueRef callee = LLVMGetCalledValue(in);
				if (!callee || LLVMGetValueKind(callee) != LLVMFunctionValueKind) continue;
				size_t len;
				const char *cn = LLVMGetValueName2(callee, &len);
				if (len < 31 || strncmp(cn, "llvm.experimental.gc.statepoint", 31) != 0) continue;
				uint64_t id = LLVMConstIntGetZExtValue(LLVMGetOperand(in, 0));
				LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(in);
				bool poll = id == DEFAULT_STATEPOINT_ID;
				if (!loc) loc = nearby_loc(in);
				int flags = id > 0 && id < (uint64_t)n0 ? cg->sites[id].flags : poll ? GO_SITE_POLL : 0;
				if (id > 0 && id < (uint64_t)n0 && !used[id]) {
					Site *s = &cg->sites[id];
					bool ok = true;
					if (loc) {
						int lf = rec_of_sp(cg, LLVMDILocationGetScope(loc));
						ok = !LLVMDILocationGetInlinedAt(loc) && lf == s->func;
					}
					if (ok) {
						used[id] = 1;
						continue;
					}
				}
				int nid, func;
				if (loc) {
					nid = site_of_loc(cg, loc, flags, &func);
				} else {
					if (frec == -2) frec = rec_of_fn(cg, f);
					nid = add_site(cg, frec, 0, 0, flags, -1);
				}
				LLVMSetOperand(in, 0, LLVMConstInt(i64, nid, 0));
			}
		}
	}
	free(used);
}

/* ------------------------------------------------------------ module descriptor */

static LLVMValueRef cstring(CG *cg, const char *s)
{
	LLVMValueRef init = LLVMConstStringInContext(cg->ctx, s, strlen(s), 0);
	LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), ".str.tab");
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMPrivateLinkage);
	LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
	return g;
}

/* GoGlobal rows for the package-level variables that hold GC pointers (in
 * declaration order): {addr, size, mask}; *n gets their count */
static LLVMValueRef global_roots(CG *cg, uint64_t *n)
{
	LLVMTypeRef gfields[] = {cg->ptr, cg->i64, cg->ptr};
	LLVMTypeRef gty = LLVMStructTypeInContext(cg->ctx, gfields, 3, 0);
	LLVMValueRef *rows = calloc(cg->nvars + 1, sizeof(LLVMValueRef));
	*n = 0;
	for (int i = 0; i < cg->nvars; i++) {
		Obj *o = cg->vars[i];
		if (!cg_has_pointers(o->type)) continue;
		int64_t size = type_size(o->type), nbytes = (size / 8 + 7) / 8;
		uint8_t *mask = calloc((size_t)nbytes + 1, 1);
		if (!mask || !rows) cg_fatal("out of memory");
		if (cg_gcmask(cg, o->type, 0, mask) == 0) {
			free(mask);
			continue;
		}
		LLVMValueRef init = LLVMConstStringInContext(cg->ctx, (const char *)mask, (unsigned)nbytes, 1);
		free(mask);
		char name[600];
		snprintf(name, sizeof name, "golc.gcmask.%s", LLVMGetValueName(cg_global(cg, o)));
		LLVMValueRef mg = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), name);
		LLVMSetInitializer(mg, init);
		LLVMSetGlobalConstant(mg, 1);
		LLVMSetLinkage(mg, LLVMPrivateLinkage);
		LLVMValueRef v[] = {cg_global(cg, o), LLVMConstInt(cg->i64, (unsigned long long)size, 0), mg};
		rows[(*n)++] = LLVMConstStructInContext(cg->ctx, v, 3, 0);
	}
	LLVMValueRef tab = LLVMConstPointerNull(cg->ptr);
	if (*n) {
		tab = LLVMAddGlobal(cg->mod, LLVMArrayType2(gty, *n), "golc.globals");
		LLVMSetInitializer(tab, LLVMConstArray2(gty, rows, *n));
		LLVMSetGlobalConstant(tab, 1);
		LLVMSetLinkage(tab, LLVMPrivateLinkage);
	}
	free(rows);
	return tab;
}

void cg_emit_module_desc(CG *cg)
{
	LLVMTypeRef ffields[] = {cg->ptr, cg->ptr, cg->ptr, cg->i32, cg->i32, cg->i64, cg->ptr};
	LLVMTypeRef fty = LLVMStructTypeInContext(cg->ctx, ffields, 7, 0);
	LLVMValueRef *frows = calloc(cg->nfuncs + 1, sizeof(LLVMValueRef));
	LLVMValueRef *strs = calloc(cg->nfuncs + 1, sizeof(LLVMValueRef));
	for (int i = 0; i < cg->nfuncs; i++) {
		FuncRec *r = &cg->funcs[i];
		LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, r->llname);
		LLVMValueRef entry = fn && !LLVMIsDeclaration(fn) ? fn : LLVMConstPointerNull(cg->ptr);
		LLVMValueRef file = NULL;
		for (int k = 0; k < i; k++)
			if (!strcmp(cg->funcs[k].file, r->file)) file = strs[k];
		if (!file) file = cstring(cg, r->file);
		strs[i] = file;
		LLVMValueRef v[] = {entry, cstring(cg, r->name), file, LLVMConstInt(cg->i32, r->line, 0),
		                    LLVMConstInt(cg->i32, r->flags, 0), LLVMConstInt(cg->i64, r->est, 0),
		                    r->ftype ? r->ftype : LLVMConstPointerNull(cg->ptr)};
		frows[i] = LLVMConstStructInContext(cg->ctx, v, 7, 0);
	}
	LLVMValueRef ftab = LLVMAddGlobal(cg->mod, LLVMArrayType2(fty, cg->nfuncs), "golc.functab");
	LLVMSetInitializer(ftab, LLVMConstArray2(fty, frows, cg->nfuncs));
	LLVMSetGlobalConstant(ftab, 1);
	LLVMSetLinkage(ftab, LLVMPrivateLinkage);

	if (cg->nsites == 0) add_site(cg, 0, 0, 0, 0, -1), cg->nsites = 1;
	LLVMTypeRef sfields[] = {cg->i32, cg->i32, cg->i16, cg->i16, cg->i32};
	LLVMTypeRef sty = LLVMStructTypeInContext(cg->ctx, sfields, 5, 0);
	LLVMValueRef *srows = calloc(cg->nsites, sizeof(LLVMValueRef));
	for (int i = 0; i < cg->nsites; i++) {
		Site *s = &cg->sites[i];
		LLVMValueRef v[] = {LLVMConstInt(cg->i32, s->func, 0), LLVMConstInt(cg->i32, s->line, 0),
		                    LLVMConstInt(cg->i16, s->col, 0), LLVMConstInt(cg->i16, s->flags, 0),
		                    LLVMConstInt(cg->i32, (uint32_t)s->parent, 0)};
		srows[i] = LLVMConstStructInContext(cg->ctx, v, 5, 0);
	}
	LLVMValueRef stab = LLVMAddGlobal(cg->mod, LLVMArrayType2(sty, cg->nsites), "golc.sitetab");
	LLVMSetInitializer(stab, LLVMConstArray2(sty, srows, cg->nsites));
	LLVMSetGlobalConstant(stab, 1);
	LLVMSetLinkage(stab, LLVMPrivateLinkage);

	uint64_t nglobals;
	LLVMValueRef gtab = global_roots(cg, &nglobals);
	/* goabi.h GoModule */
	LLVMTypeRef mfields[] = {cg->ptr, cg->i64, cg->ptr, cg->i64, cg->ptr, cg->i64, cg->i64, cg->ptr};
	LLVMTypeRef mty = LLVMStructTypeInContext(cg->ctx, mfields, 8, 0);
	LLVMValueRef mv[] = {cstring(cg, cg->pkg->path), LLVMConstInt(cg->i64, cg->nfuncs, 0), ftab,
	                     LLVMConstInt(cg->i64, cg->nsites, 0), stab, LLVMConstInt(cg->i64, cg->maxssa, 0),
	                     LLVMConstInt(cg->i64, nglobals, 0), gtab};
	char name[256];
	snprintf(name, sizeof name, "golc.module.%s", cg->pkg->path);
	LLVMValueRef mod = LLVMAddGlobal(cg->mod, mty, name);
	LLVMSetInitializer(mod, LLVMConstStructInContext(cg->ctx, mv, 8, 0));
	LLVMSetGlobalConstant(mod, 1);
	LLVMSetLinkage(mod, LLVMInternalLinkage);

	snprintf(name, sizeof name, "golc.moduleptr.%s", cg->pkg->path);
	LLVMValueRef p = LLVMAddGlobal(cg->mod, cg->ptr, name);
	LLVMSetInitializer(p, mod);
	LLVMSetGlobalConstant(p, 1);
	LLVMSetLinkage(p, LLVMInternalLinkage);
	LLVMSetSection(p, "golc_modules");
	LLVMSetAlignment(p, 8);
	/* keep it: nothing references the section's contents by name */
	LLVMValueRef used = LLVMAddGlobal(cg->mod, LLVMArrayType2(cg->ptr, 1), "llvm.used");
	LLVMSetInitializer(used, LLVMConstArray2(cg->ptr, &p, 1));
	LLVMSetLinkage(used, LLVMAppendingLinkage);
	LLVMSetSection(used, "llvm.metadata");
	free(frows);
	free(strs);
	free(srows);
}
