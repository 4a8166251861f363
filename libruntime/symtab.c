/*
 * symtab.c: module descriptors -> function table; binds stack-map records.
 *
 * Every object file (one Go package) emits a GoModule and a pointer to it in
 * section "golc_modules" (goabi.h); the linker gathers the pointers between
 * __start_golc_modules and __stop_golc_modules (weak: a program without
 * modules still links). At startup:
 *
 *   1. every GoFuncInfo with an entry goes into one table sorted by entry;
 *   2. every stack-map record is bound to its function (record.fn ->
 *      FuncEntry): a record whose function no module lists is fatal
 *      ("stackmap record for unknown function"), so tracebacks and the GC
 *      can rely on record->func;
 *   3. softer inconsistencies (an ID outside the module's site table, a site
 *      naming a bad function index, a function listed twice) are reported
 *      under GOLC_DEBUG=stackmaps only; tracebacks print "?" for them.
 *
 * Lookup chain: return address -> StackRecord (stackmap.c hash) -> func ->
 * module -> sites[record.id] -> GoFuncInfo / line, inlined parents.
 *
 * Global roots: each module lists its package-level variables that hold GC
 * pointers (GoGlobal: address, size, one mask bit per word);
 * rt_globals_roots hands the collector every word whose bit is set.
 *
 * Rejected: a global call-site table indexed by a link-time ID (objects are
 * compiled and cached separately; IDs are per module).
 */
#include "rt.h"

#include <stdlib.h>

extern const GoModule *const __start_golc_modules[] __attribute__((weak));
extern const GoModule *const __stop_golc_modules[] __attribute__((weak));

size_t rt_nmodules;
static FuncEntry *funcs;
static size_t nfuncs;

static int cmp_entry(const void *a, const void *b)
{
	uintptr_t x = ((const FuncEntry *)a)->entry, y = ((const FuncEntry *)b)->entry;
	return x < y ? -1 : x > y;
}

const FuncEntry *rt_symtab_find(uintptr_t entry)
{
	size_t lo = 0, hi = nfuncs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (funcs[mid].entry < entry)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nfuncs && funcs[lo].entry == entry ? &funcs[lo] : NULL;
}

const GoCallSite *rt_record_site(const StackRecord *r)
{
	const GoModule *m = r->func ? r->func->mod : NULL;
	if (!m || r->id == 0 || r->id >= m->nsites)
		return NULL;
	const GoCallSite *s = &m->sites[r->id];
	return s->func < m->nfuncs ? s : NULL;
}

static void warn(const char *what, const StackRecord *r)
{
	if (!(rt_debug & RT_DBG_STACKMAPS))
		return;
	rt_print_cstr("stackmaps: warning: ");
	rt_print_cstr(what);
	if (r) {
		rt_print_cstr(" (record id=");
		rt_printuint(r->id);
		rt_print_cstr(" fn=");
		rt_print_cstr(r->func ? r->func->info->name : "?");
		rt_print_cstr(")");
	}
	rt_print_cstr("\n");
}

static void load_modules(void)
{
	const GoModule *const *b = __start_golc_modules, *const *e = __stop_golc_modules;
	size_t n = 0;
	if (!b || !e)
		return;
	for (const GoModule *const *m = b; m < e; m++)
		if (*m)
			n += (*m)->nfuncs;
	funcs = calloc(n ? n : 1, sizeof *funcs);
	if (!funcs)
		rt_throw("symtab: out of memory");
	for (const GoModule *const *m = b; m < e; m++) {
		if (!*m)
			continue;
		rt_nmodules++;
		for (uint64_t i = 0; i < (*m)->nfuncs; i++) {
			const GoFuncInfo *fi = &(*m)->funcs[i];
			if (fi->entry)
				funcs[nfuncs++] = (FuncEntry){(uintptr_t)fi->entry, fi, *m};
		}
	}
	qsort(funcs, nfuncs, sizeof *funcs, cmp_entry);
	for (size_t i = 1; i < nfuncs; i++)
		if (funcs[i].entry == funcs[i - 1].entry)
			warn("function listed twice", NULL);
}

static void bind_records(void)
{
	for (size_t i = 0; i < rt_nrecords; i++) {
		StackRecord *r = &rt_records[i];
		r->func = rt_symtab_find(r->fn);
		if (!r->func)
			rt_throw("stackmap record for unknown function");
		if (!rt_record_site(r))
			warn("statepoint ID outside the module's call-site table", r);
	}
}

static void module_roots(const GoModule *m, void (*fn)(uintptr_t *slot, void *arg), void *arg)
{
	for (uint64_t i = 0; i < m->nglobals; i++) {
		const GoGlobal *g = &m->globals[i];
		uintptr_t *words = g->addr;
		uint64_t nwords = g->size / 8;
		for (uint64_t b = 0; b * 8 < nwords; b++) {
			uint8_t bits = g->mask[b];
			for (unsigned k = 0; bits; k++, bits >>= 1)
				if ((bits & 1) && b * 8 + k < nwords)
					fn(&words[b * 8 + k], arg);
		}
	}
}

void rt_globals_roots(void (*fn)(uintptr_t *slot, void *arg), void *arg)
{
	const GoModule *const *b = __start_golc_modules, *const *e = __stop_golc_modules;
	if (!b || !e)
		return;
	for (const GoModule *const *m = b; m < e; m++)
		if (*m)
			module_roots(*m, fn, arg);
}

static void count_word(uintptr_t *slot, void *arg)
{
	(void)slot;
	++*(uint64_t *)arg;
}

/* GOLC_DEBUG=globals: one line per module that has global roots */
static void dump_globals(void)
{
	const GoModule *const *b = __start_golc_modules, *const *e = __stop_golc_modules;
	if (!b || !e)
		return;
	for (const GoModule *const *m = b; m < e; m++) {
		if (!*m || !(*m)->nglobals)
			continue;
		uint64_t words = 0;
		module_roots(*m, count_word, &words);
		rt_print_cstr("globals: ");
		rt_print_cstr((*m)->pkgpath);
		rt_print_cstr(" ");
		rt_printuint((*m)->nglobals);
		rt_print_cstr(" vars ");
		rt_printuint(words);
		rt_print_cstr(" pointer words\n");
	}
}

void rt_symtab_init(void)
{
	load_modules();
	if (rt_debug & RT_DBG_STACKMAPS)
		rt_stackmap_dump();
	if (rt_debug & RT_DBG_GLOBALS)
		dump_globals();
	bind_records();
}

/* GOLC_DEBUG=stackmaps: one summary line, then one line per record. */
void rt_stackmap_dump(void)
{
	rt_print_cstr("stackmaps: ");
	rt_printuint(rt_nrecords);
	rt_print_cstr(" records, ");
	rt_printuint(rt_nsmfuncs);
	rt_print_cstr(" functions, ");
	rt_printuint(rt_nmodules);
	rt_print_cstr(" modules\n");
	for (size_t i = 0; i < rt_nrecords; i++) {
		const StackRecord *r = &rt_records[i];
		const FuncEntry *fe = rt_symtab_find(r->fn);
		rt_print_cstr("record id=");
		rt_printuint(r->id);
		rt_print_cstr(" fn=");
		rt_print_cstr(fe ? fe->info->name : "?");
		rt_print_cstr(" off=");
		rt_printuint(r->off);
		rt_print_cstr(" stack=");
		rt_printuint(r->stacksize);
		rt_print_cstr(" locs=");
		rt_printuint(r->nloc);
		rt_print_cstr(" roots=");
		rt_printuint(r->nroots);
		rt_print_cstr("\n");
	}
}

/*
 * runtime.FuncForPC and the *runtime.Func methods. A *Func is the
 * FuncEntry of the function: the last entry at or below pc (Go functions
 * lie together in each module's text; a pc in C code between two modules
 * is attributed to the function before it).
 */
const FuncEntry *rt_funcforpc(uintptr_t pc) __asm__("runtime.FuncForPC");
const FuncEntry *rt_funcforpc(uintptr_t pc)
{
	size_t lo = 0, hi = nfuncs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (funcs[mid].entry <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &funcs[lo - 1] : NULL;
}

GoString rt_funcname(const FuncEntry *f) __asm__("runtime.(*Func).Name");
GoString rt_funcname(const FuncEntry *f)
{
	return f ? rt_gostring(f->info->name) : (GoString){0};
}

uintptr_t rt_funcentry(const FuncEntry *f) __asm__("runtime.(*Func).Entry");
uintptr_t rt_funcentry(const FuncEntry *f)
{
	return f ? f->entry : 0;
}

/* (file string, line int) through the caller's result slot. pc is a call's
 * return address (runtime.Callers, Caller) or one less; any other pc of the
 * function gets the function's declaration line. */
typedef struct FileLine {
	GoString file;
	intptr_t line;
} FileLine;

void rt_funcfileline(FileLine *r, const FuncEntry *f, uintptr_t pc) __asm__("runtime.(*Func).FileLine");
void rt_funcfileline(FileLine *r, const FuncEntry *f, uintptr_t pc)
{
	*r = (FileLine){0};
	if (!f)
		return;
	const GoFuncInfo *fi = f->info;
	intptr_t line = fi->line;
	for (uintptr_t ra = pc; ra <= pc + 1; ra++) {
		const StackRecord *rec = rt_stackmap_lookup(ra);
		const GoCallSite *s = rec && rec->func == f ? rt_record_site(rec) : NULL;
		if (s) {
			fi = &f->mod->funcs[s->func];
			line = s->line;
			break;
		}
	}
	*r = (FileLine){rt_gostring(fi->file), line};
}
