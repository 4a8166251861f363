/*
 * rt.h: libruntime's internal header, one section per .c file.
 *
 * The first section holds constants the assembly files (asm_*.S) need; they
 * include this header with __ASSEMBLER__ defined and see nothing else.
 * Layouts shared with generated code live in include/goabi.h.
 */
#ifndef RT_H
#define RT_H

/* ------------------------------------------------ asm-visible constants */
/* struct G offsets used by asm_*.S (checked by _Static_assert in stack.c) */
#define RT_G_STACKGUARD 0       /* = GO_G_STACKGUARD */
#define RT_G_SCHED_SP 8         /* Gobuf sched: Go caller context (RT_GOENTRY) */
#define RT_G_SCHED_RA 16
#define RT_G_SCHED_FP 24

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "goabi.h"

typedef struct G G;
typedef struct Gobuf Gobuf;
typedef struct Seg Seg;
typedef struct StackLoc StackLoc;
typedef struct StackRecord StackRecord;
typedef struct FuncEntry FuncEntry;
typedef struct Frame Frame;
typedef struct RtRoots RtRoots;

#define RT_NORETURN __attribute__((noreturn))

/* a C function implementing the bodyless Go function `sym` (std hooks) */
#define RT_HOOK(ret, c, sym, params) \
	ret c params __asm__(sym); \
	ret c params
#define RT_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ------------------------------------------------------------ os_linux.c */
/* OS calls return 0 or an errno. The raw-syscall ones (write, exit, yield)
 * use no libc and little stack: they are safe on a goroutine segment. */
int rt_os_write(int fd, const void *p, size_t n);       /* writes all of it */
RT_NORETURN void rt_os_exit(int code);                  /* exit_group, no atexit */
void rt_os_yield(void);
int rt_os_mmap(void **out, size_t len, int noreserve);  /* RW anonymous, zeroed */
int rt_os_munmap(void *p, size_t len);
void rt_os_hugepages(void *p, size_t len);              /* MADV_HUGEPAGE */
void rt_os_release(void *p, size_t len);                /* MADV_DONTNEED: reads as zero */
const char *rt_os_getenv(const char *name);             /* startup only (libc) */
long rt_syscall6(long nr, long a, long b, long c, long d, long e, long f); /* asm; -errno */

/* A test-and-set lock for short critical sections; never held across a park. */
typedef struct { volatile uint32_t v; } RtLock;
void rt_lock(RtLock *l);
int rt_trylock(RtLock *l);      /* 1: taken */
void rt_unlock(RtLock *l);

/* ---------------------------------------------------------------- debug.c */
enum {
	RT_DBG_STACKMAPS = 1 << 0,  /* dump the stack-map records at startup */
	RT_DBG_STACK = 1 << 1,      /* segment statistics at exit */
	RT_DBG_GCSTRESS = 1 << 2,   /* GOLC_GCSTRESS statistics at exit */
	RT_DBG_GLOBALS = 1 << 3,    /* global roots per module at startup */
};
extern unsigned rt_debug;       /* GOLC_DEBUG switches, RT_DBG_* */
extern int rt_gcstress;         /* GOLC_GCSTRESS=1: verify roots at every allocation;
                                 * all (2): every goroutine's (GOMAXPROCS=1) */
extern long rt_gcstress_every;  /* GOLC_GCSTRESS=gc:N: collect after every N allocations */
void rt_debug_init(void);
unsigned rt_debug_parse(const char *s, void (*unknown)(const char *name, size_t n));

/* ---------------------------------------------------------------- stack.c */
/*
 * Segment layout (grows down; no guard page, see stack.c):
 *
 *   lo          guard = lo + RT_STACK_SLACK              top = (Seg *)
 *   | canary .. slack | frames of compiled code ...   | Seg header |
 */
struct Seg {
	uintptr_t fr_fp;        /* +0  frame record {old FP, old RA}: FP chain crosses */
	uintptr_t fr_ra;        /* +8  */
	uintptr_t old_sp;       /* +16 SP of the frame that called rt_morestack */
	Seg *prev;              /* older segment (NULL on the first) */
	Seg *next;              /* cached younger segment (hot-split avoidance) */
	uintptr_t lo;           /* lowest usable address; holds RT_SEG_CANARY */
	size_t size;            /* bytes from lo to the end of this header */
	uint32_t cls;           /* size class; RT_SEG_HUGE: a mapping of its own */
	uint32_t _pad;
} __attribute__((aligned(16)));

struct Gobuf {
	uintptr_t sp;           /* Go caller's SP at the call (stack-map base) */
	uintptr_t ra;           /* return address into the Go caller */
	uintptr_t fp;           /* Go caller's frame pointer */
};

/* a goroutine's registers while it is not running (asm_*.S: rt_sched_run) */
#if defined(__aarch64__)
#define RT_CTX_NREGS 18         /* x19..x28, d8..d15 */
#define RT_CTX_FN 0             /* rt_gentry_asm: fn, nest, arguments */
#define RT_CTX_NEST 1
#define RT_CTX_A0 2
#define RT_CTX_A1 3
#define RT_CTX_A2 4
#else
#define RT_CTX_NREGS 5          /* rbx, r12..r15 */
#define RT_CTX_FN 1             /* r12 */
#define RT_CTX_NEST 2           /* r13 */
#define RT_CTX_A0 3             /* r14 */
#define RT_CTX_A1 4             /* r15 */
#define RT_CTX_A2 0             /* rbx */
#endif
typedef struct Ctx {
	uintptr_t pc, sp, fp;
	uintptr_t regs[RT_CTX_NREGS];
} Ctx;

struct G {
	volatile uintptr_t stackguard;  /* +0 compared by every prologue; RT_STACK_PREEMPT */
	Gobuf sched;                    /* +8 set by RT_GOENTRY / rt_morestack_c */
	Seg *seg;                       /* current segment */
	Seg *seg0;                      /* first segment: the walk ends here */
	size_t stacksize;               /* bytes in segments from seg0 to seg */
	volatile int preempt;           /* a preemption request is pending */
	int64_t goid;
	GoDeferRec *defer;              /* +72 GO_G_DEFER: innermost defer record */
	struct Panic *panic;            /* innermost panic in progress (defer.c) */
	/* scheduler (proc.c) */
	Ctx ctx;                        /* registers while not running */
	G *schedlink;                   /* run queue */
	G *alllink;                     /* every live goroutine */
	const char *waitreason;         /* parked: why (tracebacks); NULL: running/runnable */
	void (*unlockf)(void *);        /* parked: released by the scheduler */
	void *unlockarg;
	int dead;
	uintptr_t gopc;                 /* return address of the go statement's newproc call */
	struct CallIn *callin;          /* innermost C -> Go call in progress (reflectcall.c) */
	uint32_t lockedext;             /* runtime.LockOSThread nesting (runtimeapi.c) */
	volatile uint32_t status;       /* G_* (proc.c) */
	struct M *m;                    /* the M running it (or that ran it last) */
	struct M *lockedm;              /* LockOSThread: only this M runs it */
	void *labels;                   /* runtime/pprof's labels (runtimeapi.c) */
	int system;                     /* a runtime goroutine (finalizers): not counted, not shown */
	RtRoots *parkroots;             /* parked: C words holding Go pointers (rt_gopark) */
	uint32_t startptrs;             /* not started yet: RT_START_* ctx words holding Go pointers */
};

#define RT_STACK_MIN 2048               /* first and smallest segment */
#define RT_SEG_NCLASS 14                /* 2 KB << 0 .. 2 KB << 13 (16 MB) */
#define RT_SEG_HUGE 0xffffffffu
#define RT_SEG_CANARY 0x5354414b43414e59ull
#define RT_STACK_MAX ((size_t)1000000000)  /* gc's default max stack (64-bit) */

extern __thread G *rt_curg __attribute__((tls_model("initial-exec")));
extern __thread struct M *rt_curm __attribute__((tls_model("initial-exec")));

/*
 * The current G / M. C code that can park (and so resume on another
 * thread) must not let the compiler reuse a thread-local address computed
 * before the park: these reads are volatile asm, never CSE'd or hoisted
 * (ARCHITECTURE.md "g and thread-local state"). The scheduler's own loop,
 * which never leaves its thread, may use rt_curg / rt_curm directly.
 */
static inline G *rt_getg(void)
{
	G *g;
#if defined(__aarch64__)
	uintptr_t off;
	__asm__ volatile("mrs %0, TPIDR_EL0\n\tadrp %1, :gottprel:rt_curg\n\t"
	                 "ldr %1, [%1, #:gottprel_lo12:rt_curg]\n\tldr %0, [%0, %1]"
	                 : "=&r"(g), "=&r"(off));
#else
	__asm__ volatile("movq rt_curg@GOTTPOFF(%%rip), %0\n\tmovq %%fs:(%0), %0" : "=r"(g));
#endif
	return g;
}

static inline struct M *rt_getm(void)
{
	struct M *m;
#if defined(__aarch64__)
	uintptr_t off;
	__asm__ volatile("mrs %0, TPIDR_EL0\n\tadrp %1, :gottprel:rt_curm\n\t"
	                 "ldr %1, [%1, #:gottprel_lo12:rt_curm]\n\tldr %0, [%0, %1]"
	                 : "=&r"(m), "=&r"(off));
#else
	__asm__ volatile("movq rt_curm@GOTTPOFF(%%rip), %0\n\tmovq %%fs:(%0), %0" : "=r"(m));
#endif
	return m;
}
extern __thread uintptr_t rt_g0sp __attribute__((tls_model("initial-exec")));
extern __thread int rt_onsys __attribute__((tls_model("initial-exec")));

typedef struct {
	long splits, lessstacks, preempts, arenas, carved, huge, reused;
} StackStats;
extern StackStats rt_stack_stats;

Seg *rt_seg_alloc(size_t size);         /* size: total bytes, rounded up to a class */
void rt_seg_free(Seg *s);
static inline uintptr_t rt_seg_guard(const Seg *s) { return s->lo + RT_STACK_SLACK; }
void rt_stack_init_g(G *g, size_t size);
void rt_preempt_request(G *g);
uintptr_t rt_morestack_c(void *blk, uintptr_t need, uintptr_t old_sp, uintptr_t old_ra, uintptr_t old_fp);
uintptr_t rt_lessstack_c(Seg *s);
void rt_stack_report(void);
void rt_safepoint_slow_c(void);         /* body of runtime.safepointSlow */

/* asm_*.S */
extern char rt_morestack_ret[];
void rt_gostart_asm(void (*fn)(void *), void *arg, void *top);
void rt_systemstack(void (*fn)(void *), void *arg);

/* ------------------------------------------------------------- stackmap.c */
/* LLVM stack map v3 location (12 bytes, as in the section) */
struct StackLoc {
	uint8_t kind;           /* SL_* */
	uint8_t _rsv;
	uint16_t size;
	uint16_t reg;           /* DWARF register number */
	uint16_t _rsv2;
	int32_t off;
};
enum {
	SL_REGISTER = 1, SL_DIRECT = 2, SL_INDIRECT = 3, SL_CONSTANT = 4, SL_CONSTINDEX = 5,
};

struct StackRecord {
	uintptr_t ra;           /* absolute return address = fn + off */
	uintptr_t fn;           /* function entry (stack-map function table) */
	uint64_t id;            /* statepoint ID: index into the module's sites */
	uint32_t off;           /* instruction offset of the return address */
	uint32_t stacksize;     /* frame size (x86: excludes the pushed RA) */
	uint16_t nloc;          /* all locations, header constants included */
	uint16_t nroots;        /* GC base/derived pairs */
	const StackLoc *roots;  /* first GC location: pairs {base, derived} */
	const FuncEntry *func;  /* bound by symtab.c; never NULL after startup */
};

extern StackRecord *rt_records;
extern size_t rt_nrecords;
extern size_t rt_nsmfuncs;      /* stack-map function entries */
int rt_stackmap_parse(const uint8_t *p, const uint8_t *end, const char **err);
void rt_stackmap_init(void);
const StackRecord *rt_stackmap_lookup(uintptr_t ra);

/* --------------------------------------------------------------- symtab.c */
struct FuncEntry {
	uintptr_t entry;
	const GoFuncInfo *info;
	const GoModule *mod;
};
extern size_t rt_nmodules;
void rt_symtab_init(void);
const FuncEntry *rt_symtab_find(uintptr_t entry);
const GoCallSite *rt_record_site(const StackRecord *r);  /* NULL if out of range */
void rt_stackmap_dump(void);
/* calls fn for every word of every module's package-level variables that
 * holds a GC pointer (goabi.h GoGlobal masks) */
void rt_globals_roots(void (*fn)(uintptr_t *slot, void *arg), void *arg);

/* ------------------------------------------------------------ traceback.c */
struct Frame {
	const StackRecord *rec;
	uintptr_t sp;           /* frame's SP at the call (stack-map base) */
	uintptr_t fp;
	uintptr_t ra;
	const Seg *seg;         /* segment holding this frame */
	int nseg;               /* segments entered so far (1 on the first) */
	int hops;               /* deferred-call -> panicking-frame hops so far */
	const struct PanicSite *hopsite;  /* the last hop's panic site */
};
enum {
	RT_WALK_OK = 0,
	RT_WALK_STOPPED,        /* the visitor asked to stop */
	RT_WALK_NOCTX,          /* no recorded Go context */
	RT_WALK_LOST,           /* unknown return address above the first segment */
	RT_WALK_BADSP,          /* SP outside its segment / not increasing */
	RT_WALK_BADBOUNDARY,    /* rt_morestack_ret frame does not match the segment */
};
typedef int (*FrameVisitor)(const Frame *f, void *arg);   /* nonzero: stop */
typedef void (*RootVisitor)(uintptr_t *base, uintptr_t *derived, void *arg);
int rt_walk_stack(G *g, FrameVisitor fn, void *arg);
void rt_frame_roots(const Frame *f, RootVisitor fn, void *arg);
void rt_traceback(G *g, int hidden);    /* hidden: runtime frames gc would count */
const char *rt_walk_error(int code);
void rt_stackmap_check_locs(void);   /* startup: every GC location is usable */

/* ---------------------------------------------------------------- print.c */
/* Buffered writes to fd 2 (the buffer is flushed at printnl/printunlock and
 * when no print statement is open). Small frames: safe on a segment. */
void rt_print_bytes(const void *p, size_t n);
void rt_print_cstr(const char *s);
void rt_print_flush(void);
int rt_format_float(char *buf, double v);       /* gc's printfloat; returns length */

/* ---------------------------------------------------------------- defer.c */
/* Where a panic started: the panicking Go frame (g->sched at the runtime
 * entry) and its segment. Starts with a frame record {fp, ra}: deferred calls
 * run by a panic get FP = &site, so FP chains and the walker continue from a
 * deferred call into the panicking frame (RA = rt_defercall_ret). */
typedef struct PanicSite {
	uintptr_t fp, ra, sp;
	Seg *seg;
} PanicSite;

typedef struct Panic {
	int kind;               /* P_* (panic.c) */
	const GoType *t;        /* P_VALUE: the interface value */
	void *data;
	intptr_t x, len;        /* P_INDEX */
	const char *msg;        /* P_THROW, P_ERROR */
	int code;               /* P_SLICE: RT_SLICE_*; P_ERROR: 1 = "runtime error: " prefix */
	const GoType *have, *want, *iface;      /* P_ASSERT (t: P_UNCOMP) */
	const uint8_t *missing; /* P_ASSERT: name of the missing method */
	GoString text;          /* P_VALUE: Error()/String() of the value, if any */
	PanicSite site;
	struct Panic *link;     /* older panic still in progress */
	GoDeferRec *rec;        /* record whose deferred call this panic runs */
	int recovered, aborted;
	int goexit;             /* runtime.Goexit: recover() does not see it */
} Panic;

/* ----------------------------------------------------------- reflectcall.c */
/* A call from runtime C code (on the goroutine stack) into Go code: the Go
 * frame that entered the C code (g->sched then) and its segment. The walker
 * goes on there when it meets the return address into C (rt_walk_stack). */
typedef struct CallIn {
	Gobuf sched;
	Seg *seg;
	GoDeferRec *defer;      /* g->defer at the call: records newer than it are the callee's */
	RtRoots *roots;         /* Go pointers the C caller needs after the call (gcroots.c) */
	struct CallIn *link;    /* older call-in */
} CallIn;
/* fn(arg) on a fresh segment, may call Go; roots (or NULL) stay reachable meanwhile */
void rt_callgo(void (*fn)(void *), void *arg, RtRoots *roots);
void rt_reflectcall(void *fn, const GoType *ft, void *frame);  /* fn of type ft, ABI0 frame */
uintptr_t rt_func_framesize(const GoType *ft);
const GoType *rt_func_param(const GoType *ft, int i);
void rt_callin_unwind(G *g, GoDeferRec *d);     /* resuming d's frame: drop the call-ins inside */
/* asm_*.S: fn(arg) with SP = top (a Seg header: its frame record continues the FP chain) */
void rt_callon(Seg *top, void (*fn)(void *), void *arg);
Seg *rt_seg_enter(size_t est);          /* stack.c: a younger segment for rt_callgo */
void rt_preempt_check(void);            /* stack.c: yield if a preemption is pending */
void rt_gosched_c(void);                /* proc.c: runtime.Gosched's body (also preemption) */
void rt_lockosthread_c(void);           /* runtimeapi.c: runtime.LockOSThread's body */
void rt_seg_leave(Seg *s);

void rt_run_defers(Panic *p);           /* returns only if nothing recovered */
GoEface rt_gorecover_c(void);
GoEface rt_gorecoverdefer_c(void);     /* `defer recover()` (its thunk is the caller) */
void rt_unwind_segs(Seg *target);       /* rt_resume, system stack */
GoEface rt_panic_value(Panic *p);       /* panic.c: what recover() returns */
/* asm_*.S */
extern char rt_defercall_ret[];
int rt_setjmp(uintptr_t *ctx) __attribute__((returns_twice));
RT_NORETURN void rt_resume(uintptr_t *ctx, Seg *target);
void rt_calldefer(GoDefer *e, PanicSite *site);

/* ---------------------------------------------------------------- panic.c */
RT_NORETURN void rt_throw(const char *msg);
/* C bodies of the RT_GOENTRY trampolines (goabi.h names the Go symbols) */
RT_NORETURN void rt_gopanic_c(const GoType *t, void *data);
RT_NORETURN void rt_panicdivide_c(void);
RT_NORETURN void rt_panicmem_c(void);
RT_NORETURN void rt_panicshift_c(void);
RT_NORETURN void rt_panicindex_c(intptr_t x, intptr_t len);
RT_NORETURN void rt_panicindexu_c(intptr_t x, intptr_t len);
RT_NORETURN void rt_gopanicmsg_c(const GoType *t, void *data, const uint8_t *p, intptr_t n);
RT_NORETURN void rt_panicassert_c(const GoType *have, const GoType *want, const GoType *iface, const uint8_t *missing);
RT_NORETURN void rt_panicdottype_c(const GoType *have, const GoType *want, const GoType *iface);
RT_NORETURN void rt_panicuncomparable_c(const GoType *t);

/* ---------------------------------------------------------------- iface.c */
/* descriptor parts after the 48-byte GoType (../shared/stdlib/REFLECT.md) */
typedef struct { int32_t pkgpath; uint16_t mcount, xcount; uint32_t moff, pad; } Uncommon;
typedef struct { int32_t name, mtyp, ifn, tfn; } Method;
typedef struct { int32_t name, typ; } IMethod;
typedef struct { const void *pkgpath; const IMethod *m; intptr_t len, cap; } IfaceExt;
typedef struct { const uint8_t *name; const GoType *typ; uintptr_t off; } SField;
typedef struct { const void *pkgpath; const SField *f; intptr_t len, cap; } StructExt;
typedef struct { const GoType *elem, *slice; uintptr_t len; } ArrayExt;
typedef struct { uint16_t in, out; uint32_t pad; } FuncExt;   /* out: bit 15 = variadic */
const Uncommon *rt_type_uncommon(const GoType *t);     /* NULL: no uncommonType */
GoString rt_typestring(const GoType *t);
GoString rt_namestring(const uint8_t *name);    /* iface.c: a name's bytes */
GoString rt_gostring(const char *s);            /* string.c: a C string, not copied */
void rt_printtypestring(const GoType *t);
struct Itab *rt_getitab_c(const GoType *inter, const GoType *t, int8_t canfail);
int8_t rt_efaceeq_c(const GoType *t, void *x, void *y);
const GoType *rt_itab_type(const void *itab);                   /* NULL for NULL */
const GoType *rt_array_elem(const GoType *t, uintptr_t *len);
intptr_t rt_struct_nfields(const GoType *t);
const GoType *rt_struct_field(const GoType *t, intptr_t i, uintptr_t *off); /* NULL: blank */
bool rt_iface_has_methods(const GoType *t);
RT_NORETURN void rt_panicunhashable(const GoType *t);           /* panic.c */
RT_NORETURN void rt_panic_error(const char *msg, int rterr);   /* rterr: "runtime error: " prefix */
RT_NORETURN void rt_panicslice_c(intptr_t code, intptr_t x, intptr_t y);
void rt_print_slice_error(int code, intptr_t x, intptr_t y);   /* slice.c */
uint64_t rt_fastrand(void);                                    /* map.c */
uint32_t rt_fastrandn(uint32_t n);                              /* uniform in [0, n) */

/* map.c, chan.c: entry points other runtime files (reflect's hooks) use */
typedef struct { void *k, *v; } KVPair;
typedef struct Hchan Hchan;
typedef struct HMap HMap;
typedef struct Iter MapIter;
typedef struct { Hchan *c; void *elem; } RtScase;
typedef struct { intptr_t chosen; int8_t recvok; } RtSelectResult;
uint64_t rt_typehash(const GoType *t, const void *p, uint64_t seed);
void *rt_resolve_off(uint8_t *base, int32_t off);              /* reflecthooks.c */
HMap *rt_makemap_c(const GoMapDesc *md, intptr_t hint);
void *rt_mapaccess_c(const GoMapDesc *md, HMap *m, const uint8_t *k);
void *rt_mapassign_c(const GoMapDesc *md, HMap *m, const uint8_t *k);
void rt_mapdelete_c(const GoMapDesc *md, HMap *m, const uint8_t *k);
void *rt_mapaccess_faststr_c(const GoMapDesc *md, HMap *m, const uint8_t *p, intptr_t n);
void *rt_mapassign_faststr_c(const GoMapDesc *md, HMap *m, const uint8_t *p, intptr_t n);
void rt_mapdelete_faststr_c(const GoMapDesc *md, HMap *m, const uint8_t *p, intptr_t n);
MapIter *rt_mapiterinit_c(const GoMapDesc *md, HMap *m);
KVPair rt_mapiternext_c(MapIter *it);
Hchan *rt_makechan_c(const GoType *chantype, intptr_t size);
void rt_closechan_c(Hchan *c);
int rt_chansend(Hchan *c, void *elem, int block);              /* 1: sent */
intptr_t rt_chanlen(Hchan *c) __asm__("runtime.chanlen");
intptr_t rt_chancap(Hchan *c) __asm__("runtime.chancap");
int rt_chanrecv(Hchan *c, void *elem, int block);              /* bit 0 received, bit 1 done */
RtSelectResult rt_selectgo_c(RtScase *cases, intptr_t nsends, intptr_t nrecvs, int8_t block);
/* caller: C words of the caller's to keep reachable while parked, or NULL */
RtSelectResult rt_select(RtScase *cases, intptr_t nsends, intptr_t nrecvs, int8_t block, RtRoots *caller);

/* --------------------------------------------------------------- malloc.c */
enum {
	RT_HEAP_OUTSIDE = 0,    /* not in any heap arena (static data, C memory) */
	RT_HEAP_OBJECT,         /* inside an allocated object: [*start, *end) */
	RT_HEAP_FREE,           /* inside an arena but in no allocated object */
};
#define RT_LIKELY(x) __builtin_expect(!!(x), 1)
#define RT_PAGE_SHIFT 13
#define RT_PAGE_SIZE ((size_t)1 << RT_PAGE_SHIFT)
#define RT_MAX_SMALL 32768      /* bigger objects get a span of their own */
#define RT_SMALL_LIMIT 1024     /* classes up to here are multiples of 16 */
#define RT_MAX_CLASSES 80

typedef struct RtClass {
	uint32_t size, npages, nelems, divmul;
} RtClass;

enum { SPAN_FREE, SPAN_INUSE };

typedef struct Span Span;
struct Span {
	uintptr_t base;
	uintptr_t limit;        /* end of the last slot (large: of the object) */
	uint32_t npages;
	uint32_t elemsize;      /* slot bytes (large: 0) */
	uint32_t nelems;
	uint32_t divmul;        /* slot index = (p - base) * divmul >> 32 */
	uint8_t cls;            /* size class; 0: one large object */
	uint8_t noscan;
	uint8_t state;          /* SPAN_* */
	uint8_t needzero;       /* free slots may hold old data */
	uint32_t freeindex;     /* slots below it are allocated (or allocbits say so) */
	uint32_t cacheidx;      /* first slot alloccache describes (a multiple of 64) */
	uint32_t nalloc;        /* objects allocated */
	uint32_t nalloccached;  /* nalloc when it entered a cache (heap_live accounting) */
	uint64_t alloccache;    /* 1 = free, from cacheidx; bits below freeindex clear */
	uint64_t *allocbits;    /* objects kept by the last sweep */
	uint64_t *markbits;     /* objects marked in this cycle */
	uint64_t *ptrbits;      /* scan classes: 1 = the word holds a pointer */
	const GoType *type;     /* large scan object: its (element) type */
	uintptr_t size;         /* large: bytes requested */
	Span *next, *prev;
};

#define RT_ARENA_PAGES 8192     /* 64 MB arenas */
typedef struct Arena {
	uintptr_t base;
	uint32_t nfree;
	uint64_t freebits[RT_ARENA_PAGES / 64]; /* 1 = free page */
	uint64_t dirty[RT_ARENA_PAGES / 64];    /* 1 = may hold old data */
	Span *spans[RT_ARENA_PAGES];
} Arena;

typedef struct Central {
	RtLock lock;
	Span *partial;          /* spans with free slots */
	Span *full;
} Central;

/* a P's allocation cache (no lock) */
typedef struct MCache {
	Span *alloc[2 * RT_MAX_CLASSES];        /* by span class: class * 2 + noscan */
	uint64_t nmalloc;                       /* small objects allocated */
	uint64_t nbytes;                        /* their slot bytes */
	long stress;                            /* GOLC_GCSTRESS=gc:N countdown */
} MCache;

typedef struct HeapStats {
	uint64_t sys;           /* arena bytes reserved */
	uint64_t inuse;         /* bytes in in-use spans */
	uint64_t released;      /* bytes returned to the OS (total) */
	uint64_t nlarge;        /* large objects allocated */
	uint64_t largebytes;    /* their bytes */
	uint64_t nfree;         /* objects freed by sweeps */
	uint64_t freebytes;     /* their bytes */
} HeapStats;

extern uint8_t rt_zerobase[8];
extern RtClass rt_classes[RT_MAX_CLASSES];
extern int rt_nclasses;
extern Arena **rt_arena_l1;
extern Arena **rt_arenas;
extern size_t rt_narenas;
extern Central rt_central[2 * RT_MAX_CLASSES];
extern Span *rt_large;
extern RtLock rt_largelock;
extern HeapStats rt_heapstats;
extern volatile int64_t rt_heap_live;   /* bytes in use or cached (the trigger's measure) */
extern volatile int64_t rt_gc_trigger;
void rt_malloc_init(void);
/* Zeroed memory for `size` bytes holding values of type t: one value, or an
 * array of them when size is a multiple of t->size (the collector scans each
 * element with t's pointer mask). t == NULL or t->ptrdata == 0: no pointers
 * (noscan). Every allocation of memory that holds Go pointers must use this
 * with the right type; the collector scans nothing else. */
void *rt_mallocgc(size_t size, const GoType *t);
int rt_heap_find(uintptr_t p, uintptr_t *start, uintptr_t *end);
void *rt_newobject_c(const GoType *t);  /* body of runtime.newobject */
int rt_size_class(size_t size);
Span *rt_span_of(uintptr_t p);
int rt_span_allocated(const Span *s, uint32_t i);
void rt_span_reset_cursor(Span *s);
void rt_span_push(Span **list, Span *s);
void rt_span_remove(Span **list, Span *s);
void rt_mcache_release(Span *s);
uint64_t rt_heap_scavenge(uint64_t keep);

/* rt_span_of's body, for the marker's inner loop (48-bit addresses, 64 MB arenas) */
static inline Span *rt_span_of_inline(uintptr_t p)
{
	if (p >> 48) return NULL;
	Arena *a = __atomic_load_n(&rt_arena_l1[p >> 26], __ATOMIC_ACQUIRE);
	if (!a) return NULL;
	return a->spans[(p - a->base) >> RT_PAGE_SHIFT];
}

static inline uint32_t rt_span_index(const Span *s, uintptr_t p)
{
	return s->cls ? (uint32_t)(((uint64_t)(p - s->base) * s->divmul) >> 32) : 0;
}

/* the next free slot of s (marked allocated), or 0 if s is full */
static inline uintptr_t rt_span_take(Span *s)
{
	for (;;) {
		uint64_t c = s->alloccache;
		if (c) {
			uint32_t i = s->cacheidx + (uint32_t)__builtin_ctzll(c);
			if (i >= s->nelems) return 0;
			s->alloccache = c & (c - 1);
			s->freeindex = i + 1;
			s->nalloc++;
			return s->base + (uintptr_t)i * s->elemsize;
		}
		uint32_t n = s->cacheidx + 64;
		if (n >= s->nelems) return 0;
		s->cacheidx = n;
		s->alloccache = ~s->allocbits[n / 64];
	}
}

/* ------------------------------------------------------------------ mgc.c */
typedef struct GCState {
	int enabled;            /* on unless GOLC_GC=0 */
	int trace;              /* GODEBUG=gctrace=1 */
	volatile int pending;   /* a goroutine will collect at its next safepoint */
	int forced;
	int64_t percent;        /* GOGC; -1: off */
	int64_t memlimit;       /* GOMEMLIMIT / debug.SetMemoryLimit */
	uint64_t goal;          /* heap bytes at which the next cycle runs */
	uint64_t marked;        /* live bytes after the last cycle */
	uint64_t numgc;
	uint64_t pause[256];    /* ns, circular by cycle */
	uint64_t pauseend[256];
	uint64_t pausetotal, maxpause;
	int64_t lastgc, start;
	uint64_t nmalloc;       /* small objects counted by flushed caches */
	uint64_t nbytes;        /* their bytes */
	uint64_t numforced;
	int64_t walloffset;     /* unix time - nanotime, at startup */
	uint64_t markedobjs, roots;
	size_t lastnfin;        /* finalizers the last cycle queued */
} GCState;
extern GCState rt_gc;
void rt_gc_init(void);
void rt_gc_request(void);
void rt_gc_pending_check(void);
void rt_gc_collect(int forced);
void rt_stw_acquire(void);
void rt_stw_release(void);
void rt_heap_free_spans(Span *list);    /* malloc.c: pages of empty spans back (heaplock) */

/* mfinal.c: finalizers (world stopped for the first three) */
void rt_fin_roots(RootVisitor fn, void *arg);
void rt_fin_scan(void (*scan)(uintptr_t obj));
size_t rt_fin_collect(int (*marked)(uintptr_t obj), void (*mark)(uintptr_t obj));
void rt_fin_wake(void);

/* --------------------------------------------------------------- string.c */
GoString rt_concatstring2_c(const uint8_t *p, intptr_t n, const uint8_t *q, intptr_t m);
GoString rt_intstring_c(int64_t v);

/* ------------------------------------------------------------- gcstress.c */
void rt_gcstress_check(G *g);
void rt_gcstress_report(void);

/* ----------------------------------------------------------------- proc.c */
enum {                          /* G.status */
	G_IDLE, G_RUNNABLE, G_RUNNING, G_SYSCALL, G_WAITING, G_DEAD,
};
enum {                          /* P.status */
	P_IDLE, P_RUNNING, P_SYSCALL, P_GCSTOP, P_DEAD,
};
#define RT_RUNQ_SIZE 256
#define RT_MAX_PROCS 1024

/* a one-shot futex event: sleep until woken (rt_notesleep), wake once */
typedef struct Note { volatile uint32_t key; } Note;
void rt_noteclear(Note *n);
void rt_notewakeup(Note *n);
void rt_notesleep(Note *n);
int rt_notetsleep(Note *n, int64_t ns);         /* 1: woken, 0: timed out */

typedef struct P P;
typedef struct M M;

/* a P's timers (timer.c) */
typedef struct TimerHeap {
	RtLock lock;
	struct TimerEntry *e;
	int n, cap;
	volatile int64_t next;          /* the earliest deadline, 0: none (read without the lock) */
} TimerHeap;

/* a processor: the right to run Go code, with its local run queue */
struct P {
	int32_t id;
	volatile uint32_t status;       /* P_* */
	M *m;                           /* the M holding it (NULL when idle or in a syscall) */
	P *link;                        /* idle list / lists of Ps to start */
	volatile uint32_t runqhead, runqtail;
	G *volatile runnext;            /* runs next, inheriting the time slice */
	G *runq[RT_RUNQ_SIZE];
	volatile uint32_t schedtick;    /* goroutines started with a new time slice */
	volatile uint32_t syscalltick;  /* system calls entered */
	TimerHeap timers;
	MCache mcache;                  /* malloc.c */
	/* sysmon's view (sysmon only) */
	uint32_t sm_schedtick, sm_syscalltick;
	int64_t sm_schedwhen, sm_syscallwhen;
};

/* a thread running Go code; its own stack is the system stack (g0) */
struct M {
	Ctx g0ctx;                      /* the scheduler loop's context */
	int64_t id;
	P *p;                           /* the P it holds */
	P *nextp;                       /* the P to take when woken */
	P *oldp;                        /* the P it held before a system call */
	G *curg;                        /* the goroutine it runs */
	G *lockedg;                     /* LockOSThread: the only goroutine it runs */
	G *(*afterfn)(M *, G *);        /* mcall: what the scheduler does for curg */
	int spinning;                   /* looking for work while holding a P */
	Note park;
	M *schedlink;                   /* idle list */
	M *alllink;
	uint64_t fastrand;
	int locks;                      /* procPin: no preemption */
};

extern volatile int32_t rt_gomaxprocs;
/* parks the current goroutine; roots (or NULL): the C words holding Go
 * pointers its C frames need after it wakes (reported while it is parked) */
void rt_gopark(void (*unlockf)(void *), void *arg, const char *reason, RtRoots *roots);
void rt_goready(G *g);
int64_t rt_numgoroutine(void);
intptr_t rt_mcount(void);               /* Ms made (threads running Go code) */
RT_NORETURN void rt_sched_main(void (*fn)(void *));
enum {                          /* rt_newg: arguments that are Go pointers */
	RT_START_NEST = 1, RT_START_A0 = 2, RT_START_A1 = 4, RT_START_A2 = 8,
};
/* not yet runnable; ptrs: RT_START_* (reported by rt_g_roots until it runs) */
G *rt_newg(void *fn, void *nest, uintptr_t a0, uintptr_t a1, uintptr_t a2, uint32_t ptrs);
void rt_forall_g(void (*fn)(G *g, void *arg), void *arg);      /* every G struct (allg) */
void rt_proc_roots(RootVisitor fn, void *arg);  /* every P's timers (world stopped) */
void rt_entersyscall(void);
void rt_exitsyscall(void);
intptr_t rt_set_gomaxprocs(intptr_t n);                        /* returns the old value */
void rt_ready_new(G *g);                /* a goroutine from rt_newg becomes runnable */
void rt_mark_system_g(G *g);
int rt_spawn_thread(void *(*fn)(void *), void *arg);   /* a helper thread (no Go code); 0: ok */            /* before rt_ready_new: a runtime goroutine */
void rt_wake_netpoller(int64_t when);   /* a timer was added */
void rt_gopreempt(void);                /* stack.c: a preemption request is served */
intptr_t rt_procpin(void);
void rt_procunpin(void);
int rt_canspin(intptr_t i);
void rt_unlockosthread(void);
void rt_stoptheworld(void);             /* system stack, holding a P, under rt_stw_acquire */
void rt_starttheworld(void);
void rt_forallp(void (*fn)(P *p, void *arg), void *arg);      /* every P ever made */
intptr_t rt_set_maxthreads(intptr_t n);         /* debug.SetMaxThreads; returns the old limit */
long rt_numcpu(void);                   /* runtimeapi.c */
void rt_sched_run(Ctx *save, const Ctx *g);            /* asm */
void rt_sched_return(Ctx *save, const Ctx *sched);     /* asm */
intptr_t rt_gomaxprocs_default(void);                   /* runtimeapi.c */
extern int rt_argc;
extern char **rt_argv;
extern char **rt_envp;

/* timer.c */
typedef struct RtTimer {
	void (*f)(void *arg);
	void *arg;
	P *p;                   /* the P whose heap holds it, NULL: not pending (timer.c) */
	int idx;                /* heap index + 1 */
} RtTimer;
void rt_ctimer_set(RtTimer *c, int64_t when);   /* (re)arms, on the current P */
void rt_ctimer_stop(RtTimer *c);
int64_t rt_timers_run(P *p);            /* runs p's due timers; p's next deadline or 0 */
void rt_timer_roots(P *p, RootVisitor fn, void *arg);  /* package time's timers in p's heap */
void rt_timers_move(P *p, P *to);       /* world stopped */
int64_t rt_nanotime(void);

/* netpoll.c: epoll; also the wait of an idle M for the next timer */
void rt_netpoll_init(void);
int rt_netpoll_inited(void);
G *rt_netpoll(int64_t delay);           /* ready goroutines (linked by schedlink); delay < 0 blocks */
void rt_netpoll_break(void);
extern volatile int32_t rt_netpoll_waiters;

/* --------------------------------------------------------------- gcroots.c */
/*
 * Go heap pointers held in runtime C memory (docs/gc-roots.md). The
 * collector scans a heap object only through the type it was allocated
 * with and a goroutine's Go frames through the stack maps; C frames are
 * never scanned, so every other word of C memory that holds a Go pointer
 * is reported here. Both call fn(w, w, arg) for each such word w (its
 * value may be nil, interior to an object, or outside the heap: static
 * data, a goroutine stack). The world is stopped while they run.
 */
void rt_runtime_roots(RootVisitor fn, void *arg);       /* process-wide */
void rt_g_roots(G *g, RootVisitor fn, void *arg);       /* one goroutine's */

/* C words a goroutine's C frames need while it is parked (rt_gopark) or
 * runs Go code called from C (rt_callgo): n elements of `stride` bytes
 * from base, whose first nptr words hold Go pointers */
struct RtRoots {
	void *base;
	uint32_t n, stride, nptr;
	RtRoots *link;          /* more runs of the same frame, or NULL */
};

/* A runtime-internal type for rt_mallocgc (never seen by reflect): nwords
 * words (at most 64), bit i of mask set when word i holds a Go pointer. */
#define RT_GCTYPE(nwords, mask) \
	{ \
		.size = 8 * (nwords), .ptrdata = (mask) ? 8 * (64 - __builtin_clzll(mask)) : 0, \
		.align = 8, .fieldalign = 8, .kind = GO_KIND_STRUCT, .gcdata = (const uint8_t[8]){ \
			RT_MASKBYTE(mask, 0), RT_MASKBYTE(mask, 1), RT_MASKBYTE(mask, 2), RT_MASKBYTE(mask, 3), \
			RT_MASKBYTE(mask, 4), RT_MASKBYTE(mask, 5), RT_MASKBYTE(mask, 6), RT_MASKBYTE(mask, 7)}, \
	}
#define RT_MASKBYTE(mask, i) ((uint8_t)((uint64_t)(mask) >> (8 * (i))))
extern const GoType rt_gctype_ptr;      /* one pointer word */
extern const GoType rt_gctype_string;   /* {p, n} */
extern const GoType rt_gctype_slice;    /* {p, len, cap} */

/* the parts of rt_runtime_roots, one per file (called in this order) */
void rt_iface_roots(RootVisitor fn, void *arg);         /* iface.c: cached itabs */
void rt_reflect_roots(RootVisitor fn, void *arg);       /* reflecthooks.c: addReflectOff, map descriptors */
void rt_reflectcall_roots(RootVisitor fn, void *arg);   /* reflectcall.c: call shapes */
void rt_stdhooks_roots(RootVisitor fn, void *arg);      /* stdhooks.c: sync.Pool's cleanup */

#endif /* __ASSEMBLER__ */
#endif
