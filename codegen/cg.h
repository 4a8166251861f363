/*
 * cg.h: codegen's internal header (typed AST -> LLVM IR via the LLVM-C API).
 *
 * Value model (ARCHITECTURE.md "GC pointers"): a Go value is a list of LLVM
 * scalars ("flattened"): string = {ptr addrspace(1), i64}, slice = {ptr, i64,
 * i64}, interface = {ptr, ptr addrspace(1)}, structs and small arrays are the
 * concatenation of their fields. GC pointers are `ptr addrspace(1)` SSA values
 * so that rewrite-statepoints-for-gc sees every one of them. Locals live in one
 * alloca per scalar (promoted by mem2reg, which runs at every -O level);
 * variables whose address is taken or that closures capture live on the heap.
 * In memory, values use Go's layout (types_layout offsets); bool is i1 in SSA
 * and i8 in memory.
 *
 * Big aggregates are the exception: a struct or array type of more than
 * CG.maxssa scalars is "in memory" (cg_inmem). Its value is one scalar, a
 * `ptr addrspace(1)` to a copy in the heap that nobody writes: loads copy
 * (cg_load), stores copy (cg_store), a field or element of such a value is a
 * load from inside the copy (cg_field, cg_elem; an in-memory field is just
 * the interior pointer), and variables of such types always live in heap
 * cells. Flattened types never contain in-memory ones (a part has at most
 * as many scalars as its whole), so only tuples mix the two.
 *
 * Sections follow the .c files.
 */
#ifndef CG_H
#define CG_H

#include "ast.h"
#include "frontend.h"
#include "codegen.h"

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Comdat.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct CG CG;
typedef struct Fn Fn;
typedef struct Val Val;
typedef struct LVal LVal;

/* a flattened Go value */
struct Val {
	int n;
	LLVMValueRef *v;
	Type *t;
};

typedef enum LValKind {
	LV_BLANK,       // _
	LV_LOCAL,       // scalars in allocas (slots)
	LV_MEM,         // Go memory at base+off (base: ptr addrspace(1) or a global ptr)
	LV_MAPINDEX,    // m[k]
} LValKind;

struct LVal {
	LValKind kind;
	Type *t;
	LLVMValueRef *slots;    /* LV_LOCAL: one alloca per scalar */
	LLVMValueRef addr;      /* LV_MEM: the address of the value */
	Val map, key;           /* LV_MAPINDEX */
};

/* a local variable's storage (Obj.cg) */
typedef struct Local {
	bool heap;              /* lives in a heap cell: addr is the cell */
	LLVMValueRef *slots;    /* !heap: allocas */
	LLVMValueRef addr;      /* heap: ptr addrspace(1) value (an SSA value in the entry) */
} Local;

/* call-site table entry (goabi.h GoCallSite) */
typedef struct Site {
	int func;               /* index into CG.funcs */
	int line, col;
	int flags;              /* GO_SITE_* */
	int parent;             /* -1 or index of the site this one was inlined into */
} Site;

/* function table entry (goabi.h GoFuncInfo) */
typedef struct FuncRec {
	const char *name;       /* Go name: main.f, main.(*T).m */
	const char *llname;     /* LLVM symbol */
	const char *file;       /* absolute path */
	int line;
	int flags;              /* GO_FUNC_* */
	uint64_t est;
	LLVMMetadataRef sp;     /* DISubprogram */
	Type *rsig;             /* the signature reflect calls it by (receiver first), or NULL */
	LLVMValueRef ftype;     /* rsig's descriptor, when the function's address is taken */
} FuncRec;

/* per-function state */
struct Fn {
	Obj *obj;               /* NULL for adapters */
	Type *sig;
	LLVMValueRef fn;
	LLVMTypeRef fnty;
	int rec;                /* index into CG.funcs */
	LLVMBasicBlockRef entry;    /* allocas, then the prologue check */
	LLVMBasicBlockRef body;     /* first block of the body */
	LLVMValueRef *results;  /* named/unnamed result storage (Local per result) */
	Local **resloc;
	/* branch targets: break/continue blocks of enclosing statements */
	struct Target { Node *stmt; LLVMBasicBlockRef brk, cont; } *targets;
	int ntargets, captargets;
	struct LabelBB { Node *stmt; LLVMBasicBlockRef bb; } *labels;
	int nlabels, caplabels;
};

struct CG {
	LLVMContextRef ctx;
	LLVMModuleRef mod;
	LLVMBuilderRef b;
	LLVMTargetMachineRef tm;
	LLVMTargetDataRef td;
	const char *triple;
	bool arm64;
	int optlevel;
	const char *bigframes;  /* CgOptions.bigframes */
	bool fieldtrack;        /* CgOptions.fieldtrack */
	int maxssa;           /* cg_inmem: more scalars than this live in memory */
	LLVMValueRef *keep;   /* globals kept through the passes (llvm.compiler.used) */
	int nkeep, capkeep;
	Package *pkg;
	Obj **vars;             /* package-level variables this module defines (define_globals) */
	int nvars, capvars;
	Arena *fnarena;
	/* common LLVM types */
	LLVMTypeRef i1, i8, i16, i32, i64, f32, f64, vd, ptr, gptr;
	/* debug info */
	LLVMDIBuilderRef di;
	LLVMMetadataRef dicu;
	LLVMMetadataRef *difiles;   /* by SrcFile index */
	int ndifiles;
	LLVMMetadataRef disubty;
	/* tables */
	Site *sites;            /* index = statepoint ID; sites[0] unused */
	int nsites, capsites;
	FuncRec *funcs;
	int nfuncs, capfuncs;
	Fn *fn;                 /* current function */
	Pos pos;                /* current source position (debug location) */
	int nstrings;           /* string literal counter */
	int nclosures;
};

/* cg_module.c */
#define CG_INTTOPTR "golc.inttoptr"  /* uintptr -> unsafe.Pointer until statepoints exist */
void cg_fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void cg_unsupported(CG *cg, Node *n, const char *what) __attribute__((noreturn));
Val cg_mkval(CG *cg, int n, Type *t);
LLVMAttributeRef cg_strattr(CG *cg, const char *k, const char *v);
LLVMAttributeRef cg_enumattr(CG *cg, const char *k);

/* cg_types.c */
int cg_nscalars(CG *cg, Type *t);
bool cg_inmem(CG *cg, Type *t);
void cg_scalars(CG *cg, Type *t, LLVMTypeRef *tys, int64_t *offs);
void cg_scalars_mem(CG *cg, Type *t, LLVMTypeRef *tys, int64_t *offs, Type **mem);
LLVMTypeRef cg_memtype(CG *cg, LLVMTypeRef scalar);   /* i1 -> i8 */
LLVMTypeRef cg_fntype(CG *cg, Type *sig, bool closure);
LLVMTypeRef cg_result_type(CG *cg, Type *sig);
bool cg_sret(CG *cg, Type *sig);
bool cg_is_gcptr(CG *cg, LLVMTypeRef t);
bool cg_has_pointers(Type *t);
int64_t cg_gcmask(CG *cg, Type *t, int64_t base, uint8_t *mask);  /* GC-pointer words in memory */

/* cg_sites.c */
int cg_func_rec(CG *cg, const char *name, const char *llname, Pos pos, int flags);
Type *cg_func_value_sig(Type *sig);     /* a method's signature as a function's: receiver first */
void cg_reflect_sigs(CG *cg);           /* descriptors of address-taken functions' signatures */
void cg_keep(CG *cg, LLVMValueRef g);   /* keep g through the passes */
void cg_emit_kept(CG *cg);              /* llvm.compiler.used, once, before the passes */
int cg_site(CG *cg, Pos pos, int flags);
void cg_set_site(CG *cg, LLVMValueRef call, int id);
void cg_debug_init(CG *cg);
LLVMMetadataRef cg_subprogram(CG *cg, FuncRec *r, Pos pos, LLVMValueRef fn);
void cg_set_pos(CG *cg, Pos pos);
void cg_renumber_statepoints(CG *cg);
void cg_emit_module_desc(CG *cg);

/* cg_rt.c */
LLVMValueRef cg_rt_fn(CG *cg, const char *name, LLVMTypeRef ret, LLVMTypeRef *params, int n, bool leaf);
LLVMValueRef cg_rt_call(CG *cg, const char *name, LLVMTypeRef ret, LLVMValueRef *args, int n, bool leaf);
void cg_rt_panic_call(CG *cg, const char *name, LLVMValueRef *args, int n);
LLVMValueRef cg_load_g(CG *cg);
LLVMValueRef cg_typedesc(CG *cg, Type *t);
LLVMValueRef cg_new(CG *cg, Type *t);
LLVMValueRef cg_scratch(CG *cg, Type *t, const char *name, LLVMValueRef *cell);
void cg_keepalive(CG *cg, LLVMValueRef p);
LLVMValueRef cg_call(CG *cg, LLVMTypeRef fty, LLVMValueRef fn, LLVMValueRef *args, int n, Pos pos);

/* cg_typedesc.c */
const char *cg_type_gcstring(Type *t);
const char *cg_typedesc_name(Type *t);
bool cg_direct_iface(Type *t);
LLVMValueRef cg_itab(CG *cg, Type *t, Type *iface);
void cg_typedesc_finish(CG *cg);

/* cg_iface.c */
LLVMValueRef cg_iface_dyntype(CG *cg, Val v, Type *it);
Val cg_typeassert(CG *cg, Node *n);
bool cg_assert_commaok(CG *cg, Node *n, Val *out);
LLVMValueRef cg_iface_is(CG *cg, LLVMValueRef typ, Type *t, Pos pos);
Val cg_iface_as(CG *cg, Val x, LLVMValueRef typ, Type *t, Pos pos);
Val cg_iface_eq(CG *cg, Op op, Val x, Val y, Type *t, Pos pos);
LLVMValueRef cg_iface_method_fn(CG *cg, Val x, Type *it, Obj *m, Pos pos);
int cg_field_scalar_index(CG *cg, Type *st, int field);  /* first scalar of a struct field */
Val cg_iface_recv(CG *cg, Node *sel, Type **it);
Val cg_delete_vals(CG *cg, Node *at, Type *mt, Val m, Val k);
Val cg_copy_vals(CG *cg, Type *dt, Val d, Val s);
/* receiver value v of type t -> through embedded fields path -> the receiver m takes (cg_funcval.c) */
Val cg_recv_path(CG *cg, Val v, Type *t, int *path, int npath, Obj *m, Pos pos, Type **outt);         /* x.M, M an interface method: the interface value */

/* cg_panic.c */
void cg_gopanic(CG *cg, Val e, Pos pos);

/* cg_typeswitch.c */
void cg_typeswitch(CG *cg, Node *n);

/* cg_func.c */
/* where the builder is in the function being emitted, kept while a helper
 * function (adapter, wrapper, thunk) is emitted in the middle of it */
typedef struct BuilderState {
	Fn *fn;
	LLVMBasicBlockRef bb;
	LLVMMetadataRef loc;
	Pos pos;
} BuilderState;
BuilderState cg_builder_save(CG *cg);
void cg_builder_restore(CG *cg, BuilderState st);
void cg_func(CG *cg, Obj *fn, Node *decl);
LLVMValueRef cg_func_decl(CG *cg, Obj *fn);
const char *cg_func_name(CG *cg, Obj *fn);
LLVMValueRef cg_alloca(CG *cg, LLVMTypeRef t, const char *name);
Local *cg_local(CG *cg, Obj *o);
LLVMBasicBlockRef cg_block(CG *cg, const char *name);
void cg_position(CG *cg, LLVMBasicBlockRef bb);
bool cg_terminated(CG *cg);
void cg_insert_prologues(CG *cg);

/* cg_stmt.c */
void cg_stmt(CG *cg, Node *n);
void cg_stmt_list(CG *cg, NodeList *l);
void cg_push_target(CG *cg, Node *stmt, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont);

/* cg_expr.c */
Val cg_expr(CG *cg, Node *n);
Val cg_expr_to(CG *cg, Node *n, Type *t);
Val cg_convert(CG *cg, Val v, Type *to);
Val cg_zero(CG *cg, Type *t);
Val cg_const(CG *cg, Const *c, Type *t);
LLVMValueRef cg_cond(CG *cg, Node *n);
LLVMValueRef cg_bool(CG *cg, Val v);
Val cg_val1(CG *cg, LLVMValueRef v, Type *t);
Val cg_load(CG *cg, LLVMValueRef addr, Type *t);
Val cg_load_imm(CG *cg, LLVMValueRef addr, Type *t);   /* from memory nobody writes */
Val cg_field(CG *cg, Val v, Type *st, int field);
Val cg_elem(CG *cg, Val v, Type *at, int64_t i);
void cg_store(CG *cg, LLVMValueRef addr, Val v);
LLVMValueRef cg_addr_off(CG *cg, LLVMValueRef base, int64_t off);
LVal cg_lval(CG *cg, Node *n);
Val cg_lval_load(CG *cg, LVal *lv);
void cg_lval_store(CG *cg, LVal *lv, Val v);
LLVMValueRef cg_nilcheck(CG *cg, LLVMValueRef p, Pos pos);
Val cg_string_lit(CG *cg, const char *s, size_t n);
Val cg_binary(CG *cg, Op op, Val x, Val y, Type *t, Pos pos);
Val cg_shift(CG *cg, Op op, Val x, Val s, Type *t, Type *st, Pos pos);
Val cg_compare_vals(CG *cg, Op op, Val x, Val y, Type *t, Pos pos);
Val cg_to_iface(CG *cg, Val v, Type *to);
LLVMValueRef cg_global(CG *cg, Obj *o);
void cg_global_init(CG *cg, Node *spec);
void cg_declare_local(CG *cg, Obj *o, Val *v);
void cg_func_begin(CG *cg, Fn *f, Pos pos);
void cg_func_end(CG *cg, Fn *f);
void cg_pending_closures(CG *cg);
Val cg_extract(CG *cg, Val v, int from, int count, Type *t);

/* cg_slice.c */
Val cg_make(CG *cg, Node *n);
Val cg_slice_lit(CG *cg, Node *n);
Val cg_append(CG *cg, Node *n);
Val cg_copy(CG *cg, Node *n);
Val cg_slice_expr(CG *cg, Node *n);
bool cg_convert_slice(CG *cg, Val v, Type *to, Val *out);
Val cg_lencap(CG *cg, Node *n, bool iscap);
Val cg_int_arg(CG *cg, Node *n);
LLVMValueRef cg_gptr(CG *cg, LLVMValueRef p);
void cg_memmove(CG *cg, LLVMValueRef dst, LLVMValueRef src, LLVMValueRef nbytes);

/* cg_map.c */
Val cg_makemap(CG *cg, Node *n);
Val cg_map_lit(CG *cg, Node *n);
LVal cg_map_lval(CG *cg, Node *n);
Val cg_map_lval_load(CG *cg, LVal *lv);
void cg_map_lval_store(CG *cg, LVal *lv, Val v);
Val cg_map_index(CG *cg, Node *n);
Val cg_commaok(CG *cg, Node *r, Val *ok);
Val cg_delete(CG *cg, Node *n);
LLVMValueRef cg_mapdesc(CG *cg, Node *at, Type *mt);

/* cg_intrinsic.c */
void cg_intrinsic_bodies(CG *cg);
bool cg_intrinsic_call(CG *cg, Node *call, Obj *fn, Val *out);

/* cg_chan.c */
Val cg_makechan(CG *cg, Node *n);
void cg_chansend(CG *cg, Val ch, Val v, Type *ct, Pos pos);
Val cg_chanrecv(CG *cg, Val ch, Type *ct, Pos pos, Val *ok);
void cg_send_stmt(CG *cg, Node *n);
Val cg_close(CG *cg, Val ch, Pos pos);
LLVMValueRef cg_chanlencap(CG *cg, Val ch, bool iscap);
void cg_select(CG *cg, Node *n);

/* cg_range.c */
void cg_range(CG *cg, Node *n);
void cg_push_target(CG *cg, Node *stmt, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont);
/* cg_funcval.c */
Val cg_func_value(CG *cg, Obj *fn, Type *t);
Val cg_funclit(CG *cg, Node *n);
Val cg_method_value(CG *cg, Node *n);
Val cg_method_expr(CG *cg, Node *n);
LLVMValueRef cg_call_funcval(CG *cg, Type *sig, LLVMValueRef fv, LLVMValueRef *args, int n, Pos pos);

/* cg_defer.c */
bool cg_defer_needed(Node *body);
void cg_defer_begin(CG *cg);
bool cg_defer_return(CG *cg, Val *vals);
void cg_defer_end(CG *cg);
void cg_defer_stmt(CG *cg, Node *n);
void cg_go_stmt(CG *cg, Node *n);
Val cg_recover(CG *cg, Node *n);

/* cg_call.c */
int cg_call_args_flat(CG *cg, Node *call, Type *sig, LLVMValueRef **out);
int cg_call_args_keep(CG *cg, Node *call, Type *sig, LLVMValueRef **out, LLVMValueRef **keep, int *nkeep);
Val cg_method_recv(CG *cg, Node *sel, Obj *m);
void cg_print_vals(CG *cg, Val *vals, int n, bool ln);
Val cg_call_expr(CG *cg, Node *n);
Val cg_builtin(CG *cg, Node *n, Builtin b);
Val cg_results(CG *cg, LLVMValueRef r, Type *sig);

#endif
