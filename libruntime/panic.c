/*
 * panic.c: Go panics (fatal for now) and the runtime's throw.
 *
 * Entry points called from Go (runtime.gopanic, runtime.panicdivide, ...)
 * are RT_GOENTRY trampolines (asm_*.S): g->sched holds the panicking Go
 * frame when the C body runs. The bodies run on the goroutine segment with
 * only the guard slack below them, so they immediately switch to the system
 * stack (rt_systemstack) and print there:
 *
 *   panic: <value or runtime error>
 *   [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]   (panicmem only)
 *   <blank>
 *   goroutine 1 [running]:
 *   <frames>
 *
 * then exit with status 2, as gc does. rt_throw prints `fatal error: <msg>`
 * instead and is for broken invariants (never recoverable).
 *
 * Panics (not throws) first run the deferred calls (defer.c); a recovery
 * never comes back here. The message is the chain of panics in progress
 * (`panic: a [recovered]` / `\tpanic: b`), as gc prints it.
 *
 * Error and Stringer values print Error()/String(): codegen's panic helper
 * calls the method and passes the text (runtime.gopanicmsg), since C cannot
 * call Go here; other values print as gc's printpanicval / printanycustomtype.
 */
#include "rt.h"

#include <stdbool.h>
#include <string.h>

enum {
	P_VALUE,        /* panic(v) */
	P_DIVIDE,
	P_MEM,
	P_SHIFT,
	P_INDEX,
	P_THROW,
	P_ASSERT,       /* failed type assertion (runtime.TypeAssertionError) */
	P_UNCOMP,       /* comparing uncomparable type */
	P_UNHASH,       /* hash of unhashable type */
	P_ERROR,        /* runtime error / plain error with a fixed text */
	P_SLICE,        /* slice bounds: code, x, y */
};

static __thread int dying __attribute__((tls_model("initial-exec")));

/* Prints an interface value the way gc's printpanicval does: predeclared
 * basic types by value, other basic kinds as T(v) (printanycustomtype),
 * anything else as (T) 0xaddr. */
static void print_value(const GoType *t, void *data)
{
	if (!t) {
		rt_print_cstr("nil");
		return;
	}
	const void *v = (t->kind & GO_KIND_DIRECT_IFACE) ? (const void *)&data : data;
	GoString ts = rt_typestring(t);
	bool custom = !(t->tflag & 4);
	for (intptr_t i = 0; i < ts.n; i++) custom |= ts.p[i] == '.';
	int k = t->kind & GO_KIND_MASK;
	bool basic = (k >= GO_KIND_BOOL && k <= GO_KIND_COMPLEX128) || k == GO_KIND_STRING;
	if (!basic) {
		rt_print_cstr("(");
		rt_printstring(ts.p, ts.n);
		rt_print_cstr(") ");
		rt_printpointer(data);
		return;
	}
	if (custom) {
		rt_printstring(ts.p, ts.n);
		if (k == GO_KIND_STRING) rt_print_cstr("(\"");
		else if (k != GO_KIND_COMPLEX64 && k != GO_KIND_COMPLEX128) rt_print_cstr("(");
	}
	switch (k) {
	case GO_KIND_BOOL: rt_printbool(*(const int8_t *)v); break;
	case GO_KIND_INT:
	case GO_KIND_INT64: rt_printint(*(const int64_t *)v); break;
	case GO_KIND_INT8: rt_printint(*(const int8_t *)v); break;
	case GO_KIND_INT16: rt_printint(*(const int16_t *)v); break;
	case GO_KIND_INT32: rt_printint(*(const int32_t *)v); break;
	case GO_KIND_UINT:
	case GO_KIND_UINT64:
	case GO_KIND_UINTPTR: rt_printuint(*(const uint64_t *)v); break;
	case GO_KIND_UINT8: rt_printuint(*(const uint8_t *)v); break;
	case GO_KIND_UINT16: rt_printuint(*(const uint16_t *)v); break;
	case GO_KIND_UINT32: rt_printuint(*(const uint32_t *)v); break;
	case GO_KIND_FLOAT32: rt_printfloat(*(const float *)v); break;
	case GO_KIND_FLOAT64: rt_printfloat(*(const double *)v); break;
	case GO_KIND_COMPLEX64:
		rt_printcomplex(((const float *)v)[0], ((const float *)v)[1]);
		break;
	case GO_KIND_COMPLEX128:
		rt_printcomplex(((const double *)v)[0], ((const double *)v)[1]);
		break;
	case GO_KIND_STRING: {
		const GoString *s = v;
		rt_printstring(s->p, s->n);
		break;
	}
	}
	if (custom) {
		if (k == GO_KIND_STRING) rt_print_cstr("\")");
		else if (k != GO_KIND_COMPLEX64 && k != GO_KIND_COMPLEX128) rt_print_cstr(")");
	}
}

/* gc's _type.pkgpath(): the uncommonType's, else a struct's or an
 * interface's own */
static GoString type_pkgpath(const GoType *t)
{
	GoString none = {0, 0};
	const void *name = NULL;
	const Uncommon *u = rt_type_uncommon(t);
	if (u) {
		if (u->pkgpath) name = rt_resolve_off((uint8_t *)t, u->pkgpath);
	} else if ((t->kind & GO_KIND_MASK) == GO_KIND_STRUCT) {
		name = ((const StructExt *)((const uint8_t *)t + 48))->pkgpath;
	} else if ((t->kind & GO_KIND_MASK) == GO_KIND_INTERFACE) {
		name = ((const IfaceExt *)((const uint8_t *)t + 48))->pkgpath;
	}
	return name ? rt_namestring(name) : none;
}

static bool same_pkgpath(const GoType *a, const GoType *b)
{
	GoString x = type_pkgpath(a), y = type_pkgpath(b);
	return x.n == y.n && (x.n == 0 || !memcmp(x.p, y.p, (size_t)x.n));
}

/* runtime.TypeAssertionError.Error() */
static void print_assert(const Panic *p)
{
	rt_print_cstr("interface conversion: ");
	if (p->missing) {
		GoString m = rt_namestring(p->missing);
		rt_printtypestring(p->have);
		rt_print_cstr(" is not ");
		rt_printtypestring(p->want);
		rt_print_cstr(": missing method ");
		rt_printstring(m.p, m.n);
		return;
	}
	if (p->iface) rt_printtypestring(p->iface);
	else rt_print_cstr("interface");
	rt_print_cstr(" is ");
	if (p->have) rt_printtypestring(p->have);
	else rt_print_cstr("nil");
	rt_print_cstr(", not ");
	rt_printtypestring(p->want);
	if (p->have) {
		GoString h = rt_typestring(p->have), w = rt_typestring(p->want);
		if (h.n == w.n && !memcmp(h.p, w.p, (size_t)h.n))
			rt_print_cstr(same_pkgpath(p->have, p->want) ? " (types from different scopes)"
			                                             : " (types from different packages)");
	}
}

/* the text after "panic: " (without the newline) */
static void print_desc(const Panic *p)
{
	switch (p->kind) {
	case P_VALUE:
		if (p->text.p) rt_printstring(p->text.p, p->text.n);
		else print_value(p->t, p->data);
		break;
	case P_ASSERT:
		print_assert(p);
		break;
	case P_UNCOMP:
		rt_print_cstr("runtime error: comparing uncomparable type ");
		rt_printtypestring(p->t);
		break;
	case P_UNHASH:
		rt_print_cstr("runtime error: hash of unhashable type ");
		rt_printtypestring(p->t);
		break;
	case P_ERROR:
		if (p->code) rt_print_cstr("runtime error: ");
		rt_print_cstr(p->msg);
		break;
	case P_SLICE:
		rt_print_slice_error(p->code, p->x, p->len);
		break;
	case P_DIVIDE:
		rt_print_cstr("runtime error: integer divide by zero");
		break;
	case P_MEM:
		rt_print_cstr("runtime error: invalid memory address or nil pointer dereference");
		break;
	case P_SHIFT:
		rt_print_cstr("runtime error: negative shift amount");
		break;
	case P_INDEX:
		/* boundsError.Error(): a negative signed index has no length */
		rt_print_cstr("runtime error: index out of range [");
		if (p->code) rt_printuint((uint64_t)p->x);
		else rt_printint(p->x);
		if (p->code || p->x >= 0) {
			rt_print_cstr("] with length ");
			rt_printint(p->len);
		} else {
			rt_print_cstr("]");
		}
		break;
	}
}

static void print_chain(const Panic *p)
{
	if (p->link) {
		print_chain(p->link);
		rt_print_cstr("\t");
	}
	rt_print_cstr("panic: ");
	print_desc(p);
	if (p->recovered)
		rt_print_cstr(" [recovered]");
	rt_print_cstr("\n");
}

/*
 * recover()'s value for a run-time panic: the error value gc's runtime
 * panics with (runtime/error.go's types, compiled from
 * libruntime/go/runtime/error.go into every program).
 */
extern const GoType rt_errorString_type __asm__("type:runtime.errorString");
extern const GoType rt_plainError_type __asm__("type:runtime.plainError");
extern const GoType rt_boundsError_type __asm__("type:runtime.boundsError");
extern const GoType rt_assertError_type __asm__("type:runtime.TypeAssertionError");
extern const GoType rt_assertErrorPtr_type __asm__("type:*runtime.TypeAssertionError");

typedef struct BoundsError {    /* runtime.boundsError */
	int64_t x;
	intptr_t y;
	bool sig;
	uint8_t code;           /* boundsErrorCode: 0 index, 1..7 slices, 8 convert */
} BoundsError;

typedef struct AssertError {    /* runtime.TypeAssertionError */
	GoString iface, concrete, asserted, missing;
	bool samepkg;
} AssertError;

/* errorString / plainError value holding the text a ++ b */
static GoEface text_error(const GoType *t, GoString a, GoString b)
{
	GoString *v = rt_newobject_c(t);
	if (b.n == 0) {
		*v = a;
	} else {
		uint8_t *p = rt_mallocgc((size_t)(a.n + b.n), NULL);
		for (intptr_t i = 0; i < a.n; i++) p[i] = a.p[i];
		for (intptr_t i = 0; i < b.n; i++) p[a.n + i] = b.p[i];
		*v = (GoString){p, a.n + b.n};
	}
	return (GoEface){t, v};
}

static GoEface bounds_error(int64_t x, intptr_t y, bool sig, int code)
{
	BoundsError *v = rt_newobject_c(&rt_boundsError_type);
	*v = (BoundsError){x, y, sig, (uint8_t)code};
	return (GoEface){&rt_boundsError_type, v};
}

static GoEface assert_error(const Panic *p)
{
	AssertError *v = rt_newobject_c(&rt_assertError_type);
	if (p->iface) v->iface = rt_typestring(p->iface);
	if (p->have) v->concrete = rt_typestring(p->have);
	v->asserted = rt_typestring(p->want);
	if (p->missing) v->missing = rt_namestring(p->missing);
	v->samepkg = p->have && same_pkgpath(p->have, p->want);
	/* a pointer: the interface's data word is v itself */
	return (GoEface){&rt_assertErrorPtr_type, v};
}

GoEface rt_panic_value(Panic *p)
{
	const GoType *es = &rt_errorString_type;
	switch (p->kind) {
	case P_VALUE:
		return (GoEface){p->t, p->data};
	case P_DIVIDE:
		return text_error(es, rt_gostring("integer divide by zero"), (GoString){0});
	case P_MEM:
		return text_error(es, rt_gostring("invalid memory address or nil pointer dereference"), (GoString){0});
	case P_SHIFT:
		return text_error(es, rt_gostring("negative shift amount"), (GoString){0});
	case P_INDEX:
		return bounds_error(p->x, p->len, !p->code, 0);
	case P_SLICE: {
		int kind = p->code & 15;
		return bounds_error(p->x, p->len, (p->code & RT_SLICE_SIGNED) || kind == RT_SLICE_CONVERT, kind + 1);
	}
	case P_ASSERT:
		return assert_error(p);
	case P_UNCOMP:
		return text_error(es, rt_gostring("comparing uncomparable type "), rt_typestring(p->t));
	case P_UNHASH:
		return text_error(es, rt_gostring("hash of unhashable type "), rt_typestring(p->t));
	case P_ERROR:
		return text_error(p->code ? es : &rt_plainError_type, rt_gostring(p->msg), (GoString){0});
	}
	return (GoEface){0};
}

static void die(void *arg)
{
	const Panic *p = arg;
	G *g = rt_getg();
	if (dying++) {
		rt_print_cstr(p->kind == P_THROW ? "fatal error: " : "panic: ");
		rt_print_cstr(p->kind == P_THROW ? p->msg : "(while dying)");
		rt_print_cstr("\nfatal error: panic during panic\n");
		rt_print_flush();
		rt_os_exit(2);
	}
	rt_printlock();
	int hidden = p->kind == P_VALUE ? 1 : 2; /* gc walks runtime.goPanicIndex + gopanic (hidden) */
	if (p->kind == P_THROW) {
		rt_print_cstr("fatal error: ");
		rt_print_cstr(p->msg);
		hidden = 0;
	} else {
		/* the chain of panics in progress, oldest first (gc's printpanics) */
		print_chain(p);
		if (p->kind == P_MEM)
			rt_print_cstr("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]");
	}
	if (p->kind == P_THROW || p->kind == P_MEM)
		rt_print_cstr("\n");
	if (g && g->sched.sp) {
		rt_print_cstr("\n");
		rt_traceback(g, hidden);
	}
	rt_printunlock();
	rt_os_exit(2);
}

/* A panic: run the deferred calls (rt_run_defers returns only if none
 * recovered), then print and exit. Runs on the goroutine stack below the
 * panicking frame (g->sched, set by the RT_GOENTRY trampoline). */
static RT_NORETURN void dopanic(Panic *p)
{
	G *g = rt_getg();
	if (p->kind != P_THROW && g && g->sched.sp) {
		p->site = (PanicSite){g->sched.fp, g->sched.ra, g->sched.sp, g->seg};
		p->link = g->panic;
		g->panic = p;
		if (g->defer)
			rt_run_defers(p);
		/* deferred calls entered the runtime: trace from the panic again */
		g->sched = (Gobuf){p->site.sp, p->site.ra, p->site.fp};
	}
	rt_systemstack(die, p);
	__builtin_unreachable();
}

void rt_gopanic_c(const GoType *t, void *data)
{
	Panic p = {.kind = P_VALUE, .t = t, .data = data};
	dopanic(&p);
}

void rt_panicdivide_c(void)
{
	Panic p = {.kind = P_DIVIDE};
	dopanic(&p);
}

void rt_panicmem_c(void)
{
	Panic p = {.kind = P_MEM};
	dopanic(&p);
}

void rt_panicshift_c(void)
{
	Panic p = {.kind = P_SHIFT};
	dopanic(&p);
}

void rt_panicindex_c(intptr_t x, intptr_t len)
{
	Panic p = {.kind = P_INDEX, .x = x, .len = len};
	dopanic(&p);
}

/* an index of an unsigned type (code 1: printed unsigned) */
void rt_panicindexu_c(intptr_t x, intptr_t len)
{
	Panic p = {.kind = P_INDEX, .x = x, .len = len, .code = 1};
	dopanic(&p);
}

/* panic(v) where v is an error or Stringer: text is v.Error() / v.String()
 * (codegen's golc.gopanic helper called it on the goroutine) */
void rt_gopanicmsg_c(const GoType *t, void *data, const uint8_t *p, intptr_t n)
{
	Panic pn = {.kind = P_VALUE, .t = t, .data = data, .text = {p ? p : (const uint8_t *)"", n}};
	dopanic(&pn);
}

void rt_panicassert_c(const GoType *have, const GoType *want, const GoType *iface, const uint8_t *missing)
{
	Panic p = {.kind = P_ASSERT, .have = have, .want = want, .iface = iface, .missing = missing};
	dopanic(&p);
}

void rt_panicdottype_c(const GoType *have, const GoType *want, const GoType *iface)
{
	rt_panicassert_c(have, want, iface, NULL);
}

void rt_panicuncomparable_c(const GoType *t)
{
	Panic p = {.kind = P_UNCOMP, .t = t};
	dopanic(&p);
}

void rt_panicunhashable(const GoType *t)
{
	Panic p = {.kind = P_UNHASH, .t = t};
	dopanic(&p);
}

void rt_panic_error(const char *msg, int rterr)
{
	Panic p = {.kind = P_ERROR, .msg = msg, .code = rterr};
	dopanic(&p);
}

void rt_panicslice_c(intptr_t code, intptr_t x, intptr_t y)
{
	Panic p = {.kind = P_SLICE, .code = (int)code, .x = x, .len = y};
	dopanic(&p);
}

/* A broken invariant: print, trace the current goroutine, exit 2. */
void rt_throw(const char *msg)
{
	Panic p = {.kind = P_THROW, .msg = msg};
	dopanic(&p);
}
