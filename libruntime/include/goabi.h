/*
 * goabi.h: the contract between golc's codegen and libruntime.
 *
 * Everything generated code touches in the runtime is declared here, once:
 * data layouts it reads or emits (G prefix, module descriptors, call-site
 * tables, type descriptors) and the Go-visible entry points it calls, named
 * with their Go symbol (`__asm__("runtime.printint")`), as gccgo's libgo does.
 * codegen/ mirrors the layouts in cg_rt.c and cg_sites.c; change both at once.
 *
 * Calling convention (codegen <-> runtime):
 *  - Go values are flattened to scalars: string = {ptr addrspace(1), i64},
 *    slice = {ptr, i64, i64}, interface = {type/itab ptr, data ptr}; a C
 *    function taking a Go string takes (const uint8_t *p, intptr_t n).
 *  - Multiple results come back as an LLVM struct (a C struct of scalars).
 *  - GC pointers are `ptr addrspace(1)` in IR; C sees plain pointers.
 *
 * Stack-walk contract: runtime entry points that may walk the stack (panic,
 * allocation with GOLC_GCSTRESS, later the scheduler) are reached through a
 * small asm trampoline (RT_GOENTRY in asm_*.S) that records the Go caller's
 * {sp, ra, fp} in g->sched before jumping to the C body, so the walker starts
 * at a known compiled frame.
 */
#ifndef GOABI_H
#define GOABI_H

#include <stdint.h>

/* ---------------------------------------------------------------- G prefix */
/*
 * The first words of struct G (rt.h) are read by generated code:
 *   +0  stackguard   every split-stack prologue compares SP - est with it;
 *                    RT_STACK_PREEMPT there requests a preemption / STW.
 * The current G is the initial-exec TLS variable `rt_curg` (G *). Codegen
 * loads it once at function entry (a goroutine keeps its G when it migrates).
 */
#define GO_G_STACKGUARD 0
#define RT_STACK_PREEMPT ((uintptr_t)-1314)

/* Guard slack: bytes between a segment's low end and its stack guard. A small
 * function (frame <= RT_SMALL_FRAME) checks with est = 0; bigger frames check
 * SP - est before building the frame (trampoline + musttail body). */
#define RT_STACK_SLACK 1024
#define RT_SMALL_FRAME 256

/*
 * Split-stack prologue (emitted by codegen in every non-leaf function):
 *   if (SP - est <u g->stackguard) {
 *       blk = {adapter-visible fn, args..., result};
 *       if (rt_morestack(&blk, adapter, est)) return blk.result;   // ran on a new segment
 *       // else: only a preemption request was served; continue in the body
 *   }
 * adapter(blk) unpacks blk, calls blk.fn(args...) and stores the result.
 * rt_morestack is asm: it switches to the system stack, asks the C side for a
 * segment, runs adapter(blk) on it with FP = the segment header (a frame record
 * {old FP, old RA}) and returns through rt_morestack_ret.
 */
uint64_t rt_morestack(void *blk, void (*adapter)(void *), uint64_t est);

/* ------------------------------------------------------ defer records */
/*
 * A function containing `defer` (codegen/cg_defer.c) keeps one record per
 * activation in its frame, linked on g->defer (G offset GO_G_DEFER):
 *   +0  link   older record
 *   +8  head   newest pending deferred call (a GoDefer on the heap), or NULL
 *   +16 ctx    rt_setjmp context (GO_DEFER_CTX_WORDS words)
 *   then nroots and the result variables' heap cells: a panic's stack map
 *   (at a noreturn call) no longer holds them, but the recovered frame
 *   returns through them
 * A deferred call is a funcval with a link: {code, link, operands...}; it is
 * called as code(nest = the GoDefer) (a "deferwrap" thunk that calls the
 * deferred function with the saved operands). Normal returns pop and call
 * the list in generated code; a panic pops and calls it in rt_run_defers.
 * The records hold GC pointers (head) outside stack maps: the collector
 * must scan every record on g->defer (and the panic values on g->panic).
 */
#define GO_G_DEFER 72
#define GO_DEFER_CTX 16
#if defined(__aarch64__)
#define GO_DEFER_CTX_WORDS 21   /* pc(x30), sp, x29, x19..x28, d8..d15 */
#else
#define GO_DEFER_CTX_WORDS 8    /* pc, sp, rbp, rbx, r12..r15 */
#endif

typedef struct GoDefer {
	void *code;             /* thunk: void(nest GoDefer *) */
	struct GoDefer *link;   /* older deferred call of the same record */
} GoDefer;

typedef struct GoDeferRec {
	struct GoDeferRec *link;
	GoDefer *head;
	uintptr_t ctx[GO_DEFER_CTX_WORDS];
	uintptr_t nroots;       /* heap cells of the result variables, which the  */
	void *roots[];          /* frame needs after a recovery (GC roots) */
} GoDeferRec;

typedef struct GoEface {
	const struct GoType *t;
	void *data;
} GoEface;

/* ----------------------------------------------- module descriptors (tables) */
/*
 * Every object file (one Go package) emits one GoModule and a pointer to it in
 * the section "golc_modules"; the runtime iterates
 * __start_golc_modules..__stop_golc_modules at startup.
 *
 * Stack-map records (.llvm_stackmaps, kept by stackmaps.ld between
 * __stackmaps_start and __stackmaps_end) carry a statepoint ID. The ID indexes
 * the call-site table of the module that owns the record's function:
 *     record.fn_addr -> GoFuncInfo (by entry) -> GoModule -> sites[record.id]
 * IDs are unique within a module; 0 is never used.
 */
enum {
	GO_SITE_MORESTACK = 1,  /* the prologue's call to rt_morestack: hidden in tracebacks */
	GO_SITE_POLL = 2,       /* a safepoint poll (loop back edge) */
};

enum {
	GO_FUNC_WRAPPER = 1,    /* adapter / trampoline: hidden in tracebacks */
	GO_FUNC_BIGFRAME = 2,   /* checked with est = frame (trampoline + body) */
	GO_FUNC_NOARGS = 4,     /* no parameters or receiver: traceback prints name() */
	GO_FUNC_CHECKED = 8,    /* a wrapper that still gets the split-stack check (big frame) */
	GO_FUNC_HIDDEN = 16,    /* an ordinary function that tracebacks and recover() treat as
	                         * a wrapper (gc's WRAPPER flag on reflect.callReflect/callMethod) */
};

typedef struct GoFuncInfo {
	void *entry;            /* code address; NULL if only inlined copies exist */
	const char *name;       /* gc's name: "main.f", "main.(*T).m", "main.f.func1" */
	const char *file;       /* absolute path of the source file */
	uint32_t line;          /* line of the declaration */
	uint32_t flags;         /* GO_FUNC_* */
	uint64_t est;           /* bytes the prologue checks below SP (0 for small frames) */
	const struct GoType *ftype; /* signature (receiver first) if its address is taken:
	                         * what reflect.call calls it by; else NULL */
} GoFuncInfo;

typedef struct GoCallSite {
	uint32_t func;          /* index into GoModule.funcs: the (innermost) function */
	uint32_t line;          /* source position of the call */
	uint16_t col;
	uint16_t flags;         /* GO_SITE_* */
	int32_t parent;         /* site this one was inlined into (its caller's call), -1 */
} GoCallSite;

/*
 * Global roots: one GoGlobal per package-level variable of the module whose
 * memory holds GC pointers. The mask describes the variable as codegen
 * stores it (Go's memory layout, codegen/cg_types.c cg_gcmask): bit i
 * (byte i / 8, bit i % 8, LSB first) is set when the 8-byte word at
 * addr + 8 * i holds a `ptr addrspace(1)`: the pointer word of a string,
 * slice, pointer, map, chan, func or unsafe.Pointer and the data word of an
 * interface. An interface's type/itab word is not a GC pointer (addrspace 0,
 * as in stack maps), unlike in a GoType's gcdata, which follows gc.
 */
typedef struct GoGlobal {
	void *addr;             /* the variable's storage */
	uint64_t size;          /* bytes */
	const uint8_t *mask;    /* one bit per word of [addr, addr+size), LSB first: 1 = GC pointer */
} GoGlobal;

typedef struct GoModule {
	const char *pkgpath;    /* "main", "fmt", ... */
	uint64_t nfuncs;
	const GoFuncInfo *funcs;
	uint64_t nsites;        /* sites[0] is unused (ID 0 is never emitted) */
	const GoCallSite *sites;
	uint64_t maxssa;        /* scalars of the biggest aggregate held in SSA values
	                         * (GOLC_MAXSSA): the calling convention's in-memory rule */
	uint64_t nglobals;      /* package-level variables holding GC pointers */
	const GoGlobal *globals;
} GoModule;

/* ------------------------------------------------------- type descriptors */
/*
 * gc 1.19's runtime._type (48 bytes); kind-specific extensions follow it
 * (see ../shared/stdlib/REFLECT.md). Identical types share one descriptor.
 */
typedef struct GoType {
	uintptr_t size;
	uintptr_t ptrdata;      /* bytes of prefix holding pointers */
	uint32_t hash;
	uint8_t tflag;
	uint8_t align;
	uint8_t fieldalign;
	uint8_t kind;           /* GO_KIND_* | GO_KIND_DIRECT_IFACE | GO_KIND_GCPROG */
	void *equal;            /* funcval of func(a, b unsafe.Pointer) bool; NULL: not comparable */
	const uint8_t *gcdata;  /* pointer mask, one bit per word */
	int32_t str;            /* nameOff of the type's string */
	int32_t ptrtothis;      /* typeOff */
} GoType;

enum {
	GO_KIND_BOOL = 1, GO_KIND_INT, GO_KIND_INT8, GO_KIND_INT16, GO_KIND_INT32,
	GO_KIND_INT64, GO_KIND_UINT, GO_KIND_UINT8, GO_KIND_UINT16, GO_KIND_UINT32,
	GO_KIND_UINT64, GO_KIND_UINTPTR, GO_KIND_FLOAT32, GO_KIND_FLOAT64,
	GO_KIND_COMPLEX64, GO_KIND_COMPLEX128, GO_KIND_ARRAY, GO_KIND_CHAN,
	GO_KIND_FUNC, GO_KIND_INTERFACE, GO_KIND_MAP, GO_KIND_POINTER,
	GO_KIND_SLICE, GO_KIND_STRING, GO_KIND_STRUCT, GO_KIND_UNSAFE_POINTER,
	GO_KIND_MASK = 31,
	GO_KIND_DIRECT_IFACE = 1 << 5,
	GO_KIND_GCPROG = 1 << 6,
};

typedef struct GoString {
	const uint8_t *p;
	intptr_t n;
} GoString;

typedef struct GoSlice {
	void *p;
	intptr_t len, cap;
} GoSlice;

/* ------------------------------------------------- Go-visible entry points */
/*
 * Statepoints: calls of entry points that walk the stack (gopanic, the
 * panic* helpers, newobject) must be statepoints with a call-site ID, since
 * the walk starts at their caller's record. The print* functions never walk
 * or collect: mark their call sites "gc-leaf-function". Adapters called by
 * rt_morestack are listed in the module with GO_FUNC_WRAPPER; the prologue's
 * rt_morestack call site has GO_SITE_MORESTACK.
 */

/* print/println builtins (stderr, gc's formatting); codegen brackets each
 * statement with printlock/printunlock as gc does. */
void rt_printlock(void) __asm__("runtime.printlock");
void rt_printunlock(void) __asm__("runtime.printunlock");
void rt_printbool(int8_t b) __asm__("runtime.printbool");
void rt_printint(int64_t v) __asm__("runtime.printint");
void rt_printuint(uint64_t v) __asm__("runtime.printuint");
void rt_printhex(uint64_t v) __asm__("runtime.printhex");
void rt_printfloat(double v) __asm__("runtime.printfloat");
void rt_printcomplex(double re, double im) __asm__("runtime.printcomplex");
void rt_printstring(const uint8_t *p, intptr_t n) __asm__("runtime.printstring");
void rt_printpointer(void *p) __asm__("runtime.printpointer");
void rt_printsp(void) __asm__("runtime.printsp");
void rt_printnl(void) __asm__("runtime.printnl");

/* panics: these never return. gopanic takes an interface{} value. */
void rt_gopanic(const GoType *t, void *data) __asm__("runtime.gopanic") __attribute__((noreturn));
/* panic(v) of an error/Stringer v: text = v.Error() / v.String() (printed) */
void rt_gopanicmsg(const GoType *t, void *data, const uint8_t *p, intptr_t n) __asm__("runtime.gopanicmsg")
	__attribute__((noreturn));
void rt_panicdivide(void) __asm__("runtime.panicdivide") __attribute__((noreturn));
void rt_panicmem(void) __asm__("runtime.panicmem") __attribute__((noreturn));
void rt_panicshift(void) __asm__("runtime.panicshift") __attribute__((noreturn));
void rt_panicindex(intptr_t x, intptr_t len) __asm__("runtime.goPanicIndex") __attribute__((noreturn));
void rt_panicindexu(intptr_t x, intptr_t len) __asm__("runtime.goPanicIndexU") __attribute__((noreturn));

/* strings (string.c; concatstring2 and intstring allocate and are RT_GOENTRY
 * trampolines), printing of slices and interfaces (print.c) */
int8_t rt_eqstring(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn) __asm__("runtime.eqstring");
intptr_t rt_cmpstring(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn) __asm__("runtime.cmpstring");
GoString rt_concatstring2(const uint8_t *a, intptr_t an, const uint8_t *b, intptr_t bn) __asm__("runtime.concatstring2");
GoString rt_intstring(int64_t v) __asm__("runtime.intstring");
void rt_printslice(void *p, intptr_t len, intptr_t cap) __asm__("runtime.printslice");
void rt_printeface(const void *t, void *data) __asm__("runtime.printeface");

/* interfaces (iface.c; RT_GOENTRY trampolines: they may panic). getitab
 * returns the itab {inter, typ, hash, pad, fun[]} of (inter, t), NULL when
 * canfail and t lacks a method (or t is nil), else panics like gc's
 * TypeAssertionError. efaceeq compares two data words of dynamic type t
 * (panics for uncomparable types). panicdottypeE: x.(T) failed. */
void *rt_getitab(const GoType *inter, const GoType *t, int8_t canfail) __asm__("runtime.getitab");
int8_t rt_efaceeq(const GoType *t, void *x, void *y) __asm__("runtime.efaceeq");
void rt_panicdottypeE(const GoType *have, const GoType *want, const GoType *iface) __asm__("runtime.panicdottypeE")
	__attribute__((noreturn));
/* slices (slice.c): allocation and growth (RT_GOENTRY), conversions, and
 * slice-bounds panics: code = RT_SLICE_* | RT_SLICE_SIGNED (x is signed) */
enum {
	RT_SLICE_ALEN, RT_SLICE_ACAP, RT_SLICE_B,               /* s[:x] > len / cap, s[x:y] */
	RT_SLICE3_ALEN, RT_SLICE3_ACAP, RT_SLICE3_B, RT_SLICE3_C, /* s[::x], s[:x:y], s[x:y:] */
	RT_SLICE_CONVERT,                                        /* (*[y]T)(s) with len(s) = x < y */
	RT_SLICE_SIGNED = 16,
};
void *rt_makeslice(const GoType *et, intptr_t len, intptr_t cap) __asm__("runtime.makeslice");
void rt_memmove(uint8_t *d, const uint8_t *s, uintptr_t n) __asm__("runtime.memmove");
intptr_t rt_countrunes(const uint8_t *p, intptr_t n) __asm__("runtime.countrunes");
void rt_panicslice(intptr_t code, intptr_t x, intptr_t y) __asm__("runtime.panicSlice") __attribute__((noreturn));

/* maps (map.c): see the design comment there; GoMapDesc is emitted by codegen */
typedef struct GoMapDesc {
	const GoType *key, *elem;
	uint64_t keysize, elemsize;
	uint32_t nalg;          /* key hashing/equality program: nalg entries */
	uint32_t pad;
	const uint32_t *alg;    /* entry: offset << 8 | GO_MAPALG_* */
} GoMapDesc;
enum {
	GO_MAPALG_MEM1 = 1, GO_MAPALG_MEM2, GO_MAPALG_MEM4, GO_MAPALG_MEM8,
	GO_MAPALG_STRING, GO_MAPALG_F32, GO_MAPALG_F64, GO_MAPALG_IFACE,
	GO_MAPALG_ITAB,         /* non-empty interface: {itab, data} */
};

/* runtime.makemap(md, hint) -> map, runtime.mapassign(md, m, key*) -> value
 * slot, runtime.mapiterinit(md, m) -> iterator allocate; runtime.mapaccess(md,
 * m, key*) -> value slot or NULL, runtime.mapdelete, runtime.mapiternext(it)
 * -> {key*, value*} (NULL at the end) may panic (interface keys): all are
 * RT_GOENTRY statepoints; the _faststr variants take a string key as {p, n}.
 * runtime.decoderune(p, n, k) -> {rune, next k}: leaf. */
/* recover(): the current panic's value if called directly by a deferred
 * call the panic runs (an RT_GOENTRY trampoline); else nil */
GoEface rt_gorecover(void) __asm__("runtime.gorecover");

/* complex division x/y with Go's semantics (complex.c; leaf) */
typedef struct GoComplex128 {
	double re, im;
} GoComplex128;
GoComplex128 rt_complex128div(double a, double b, double c, double d) __asm__("runtime.complex128div");

/* a loop back-edge poll found the stack guard poisoned (preemption / STW);
 * an RT_GOENTRY trampoline (stack.c) */
void rt_safepoint_slow(void) __asm__("runtime.safepointSlow");

/* allocation: zeroed memory for one value of type t */
void *rt_newobject(const GoType *t) __asm__("runtime.newobject");

/* program entry: the runtime's C main() runs, on the main goroutine's stack,
 * main.init (emitted by codegen: imported packages' inits, then package
 * variable initialization, then the init functions) and then main.main. */
void go_main_init(void) __asm__("main.init");
void go_main_main(void) __asm__("main.main");

#endif
