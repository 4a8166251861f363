/*
 * types.c: type constructors, predicates, identity, type strings and layout.
 *
 * Composite types are structural: two identical unnamed types may be two Type
 * objects, so compare with type_identical, never with ==. Named types are
 * unique per declaration (== works for them). Layout follows gc on 64-bit
 * targets (amd64 and arm64 agree): int/uint/uintptr/pointers are 8 bytes,
 * strings 16, slices 24, interfaces 16, structs padded to their alignment,
 * a struct ending in a zero-size field gets one byte of padding.
 */
#include "frontend.h"

#include <string.h>

Type *type_new(TypeKind k)
{
	Type *t = arena_alloc(&perm, sizeof *t);
	t->kind = k;
	t->size = -1;
	t->len = -1;
	return t;
}

Type *type_pointer(Type *elem)
{
	Type *t = type_new(TY_POINTER);
	t->elem = elem;
	return t;
}

Type *type_slice(Type *elem)
{
	Type *t = type_new(TY_SLICE);
	t->elem = elem;
	return t;
}

Type *type_array(Type *elem, int64_t len)
{
	Type *t = type_new(TY_ARRAY);
	t->elem = elem;
	t->len = len;
	return t;
}

Type *type_map(Type *key, Type *elem)
{
	Type *t = type_new(TY_MAP);
	t->key = key;
	t->elem = elem;
	return t;
}

Type *type_chan(Type *elem, ChanDir dir)
{
	Type *t = type_new(TY_CHAN);
	t->elem = elem;
	t->dir = dir;
	return t;
}

Type *type_tuple(Field *f, int n)
{
	Type *t = type_new(TY_TUPLE);
	t->fields = f;
	t->nfields = n;
	return t;
}

Type *type_under(Type *t)
{
	while (t && t->kind == TY_NAMED) {
		if (!t->underlying) return types_basic[TY_INVALID];
		t = t->underlying;
	}
	if (t && t->kind == TY_TYPEPARAM) return t;
	return t;
}

bool type_is_untyped(Type *t) { return t && t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL; }

static bool is_tparam(Type *t)
{
	t = type_under(t);
	return t && t->kind == TY_TYPEPARAM;
}

/* A predicate of a type parameter holds if it holds for every type of its
 * type set (and the set is given by terms). */
#define TPARAM_ALL(t, pred) \
	do { \
		if (is_tparam(t)) return typeparam_all(type_under(t), pred); \
	} while (0)

static TypeKind ukind(Type *t)
{
	t = type_under(t);
	return t ? t->kind : TY_INVALID;
}

bool type_is_basic(Type *t) { TypeKind k = ukind(t); return k >= TY_BOOL && k <= TY_UNTYPED_NIL; }
bool type_is_integer(Type *t)
{
	TPARAM_ALL(t, type_is_integer);
	TypeKind k = ukind(t);
	return (k >= TY_INT && k <= TY_UINTPTR) || k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE;
}
bool type_is_unsigned(Type *t)
{
	TPARAM_ALL(t, type_is_unsigned);
	TypeKind k = ukind(t);
	return k >= TY_UINT && k <= TY_UINTPTR;
}
bool type_is_float(Type *t)
{
	TPARAM_ALL(t, type_is_float);
	TypeKind k = ukind(t);
	return k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_UNTYPED_FLOAT;
}
bool type_is_complex(Type *t)
{
	TPARAM_ALL(t, type_is_complex);
	TypeKind k = ukind(t);
	return k == TY_COMPLEX64 || k == TY_COMPLEX128 || k == TY_UNTYPED_COMPLEX;
}
bool type_is_numeric(Type *t)
{
	TPARAM_ALL(t, type_is_numeric);
	return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}
bool type_is_string(Type *t)
{
	TPARAM_ALL(t, type_is_string);
	TypeKind k = ukind(t);
	return k == TY_STRING || k == TY_UNTYPED_STRING;
}
bool type_is_boolean(Type *t)
{
	TPARAM_ALL(t, type_is_boolean);
	TypeKind k = ukind(t);
	return k == TY_BOOL || k == TY_UNTYPED_BOOL;
}
bool type_is_interface(Type *t) { return ukind(t) == TY_INTERFACE; }

bool type_is_ordered(Type *t)
{
	TPARAM_ALL(t, type_is_ordered);
	return type_is_integer(t) || type_is_float(t) || type_is_string(t);
}

bool type_has_nil(Type *t)
{
	TPARAM_ALL(t, type_has_nil);
	switch (ukind(t)) {
	case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_FUNC:
	case TY_INTERFACE: case TY_UNSAFEPTR: case TY_UNTYPED_NIL:
		return true;
	default:
		return false;
	}
}

bool type_is_comparable(Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_TYPEPARAM) {
		TypeSet *ts = typeparam_typeset(u);
		return ts->comparable || typeparam_all(u, type_is_comparable);
	}
	switch (u->kind) {
	case TY_SLICE: case TY_MAP: case TY_FUNC:
		return false;
	case TY_ARRAY:
		return type_is_comparable(u->elem);
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			if (!type_is_comparable(u->fields[i].type)) return false;
		return true;
	default:
		return true;
	}
}

Type *type_default(Type *t)
{
	switch (t->kind) {
	case TY_UNTYPED_BOOL: return types_basic[TY_BOOL];
	case TY_UNTYPED_INT: return types_basic[TY_INT];
	case TY_UNTYPED_RUNE: return types_basic[TY_INT32];
	case TY_UNTYPED_FLOAT: return types_basic[TY_FLOAT64];
	case TY_UNTYPED_COMPLEX: return types_basic[TY_COMPLEX128];
	case TY_UNTYPED_STRING: return types_basic[TY_STRING];
	default: return t;
	}
}

int type_int_bits(Type *t)
{
	switch (ukind(t)) {
	case TY_INT8: case TY_UINT8: return 8;
	case TY_INT16: case TY_UINT16: return 16;
	case TY_INT32: case TY_UINT32: return 32;
	default: return 64;
	}
}

/* ------------------------------------------------------------ identity */

static bool identical(Type *a, Type *b, bool tags);

static bool fields_identical(Field *a, int na, Field *b, int nb, bool names, bool tags)
{
	if (na != nb) return false;
	for (int i = 0; i < na; i++) {
		if (names) {
			if (a[i].name != b[i].name || a[i].embedded != b[i].embedded) return false;
			const char *ta = a[i].tag ? a[i].tag : "", *tb = b[i].tag ? b[i].tag : "";
			if (tags && strcmp(ta, tb) != 0) return false;
			/* unexported names from different packages differ */
			if (a[i].obj && b[i].obj && a[i].obj->pkg != b[i].obj->pkg &&
			    !(a[i].name[0] >= 'A' && a[i].name[0] <= 'Z'))
				return false;
		}
		if (!identical(a[i].type, b[i].type, tags)) return false;
	}
	return true;
}

/* tags: struct tags count (they do not for conversions) */
static bool identical(Type *a, Type *b, bool tags)
{
	if (a == b) return true;
	if (!a || !b || a->kind != b->kind) return false;
	switch (a->kind) {
	case TY_NAMED:
		if (a->orig && a->orig == b->orig && a->ntargs == b->ntargs) {
			for (int i = 0; i < a->ntargs; i++)
				if (!identical(a->targs[i], b->targs[i], tags)) return false;
			return true;
		}
		return false;
	case TY_TYPEPARAM:
		return false;
	case TY_ARRAY:
		return a->len == b->len && identical(a->elem, b->elem, tags);
	case TY_SLICE:
	case TY_POINTER:
		return identical(a->elem, b->elem, tags);
	case TY_MAP:
		return identical(a->key, b->key, tags) && identical(a->elem, b->elem, tags);
	case TY_CHAN:
		return a->dir == b->dir && identical(a->elem, b->elem, tags);
	case TY_STRUCT:
		return fields_identical(a->fields, a->nfields, b->fields, b->nfields, true, tags);
	case TY_FUNC:
		return a->variadic == b->variadic &&
		       fields_identical(a->fields, a->nfields, b->fields, b->nfields, false, tags) &&
		       fields_identical(a->results, a->nresults, b->results, b->nresults, false, tags);
	case TY_TUPLE:
		return fields_identical(a->fields, a->nfields, b->fields, b->nfields, false, tags);
	case TY_UNION:
		if (a->nfields != b->nfields) return false;
		for (int i = 0; i < a->nfields; i++)
			if (a->fields[i].embedded != b->fields[i].embedded || !identical(a->fields[i].type, b->fields[i].type, tags))
				return false;
		return true;
	case TY_INTERFACE:
		if (a->nmethods != b->nmethods || a->nembeds != b->nembeds) return false;
		for (int i = 0; i < a->nmethods; i++) {
			Obj *x = a->methods[i], *y = b->methods[i];
			if (x->name != y->name || !identical(x->type, y->type, tags)) return false;
		}
		for (int i = 0; i < a->nembeds; i++)
			if (!identical(a->embeds[i], b->embeds[i], tags)) return false;
		return true;
	default:
		return true; /* basic kinds: same kind, same type */
	}
}

bool type_identical(Type *a, Type *b)
{
	return identical(a, b, true);
}

bool type_identical_ignore_tags(Type *a, Type *b)
{
	return identical(a, b, false);
}

/* ------------------------------------------------------------ strings */

typedef struct Buf {
	char *s;
	size_t n, cap;
} Buf;

static void put(Buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->n + n + 1 > b->cap) {
		size_t ncap = (b->cap + n + 1) * 2;
		char *ns = arena_alloc(&perm, ncap);
		if (b->n) memcpy(ns, b->s, b->n);
		b->s = ns;
		b->cap = ncap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
}

static const char *basic_names[] = {
	[TY_INVALID] = "invalid type", [TY_BOOL] = "bool", [TY_INT] = "int", [TY_INT8] = "int8",
	[TY_INT16] = "int16", [TY_INT32] = "int32", [TY_INT64] = "int64", [TY_UINT] = "uint",
	[TY_UINT8] = "uint8", [TY_UINT16] = "uint16", [TY_UINT32] = "uint32", [TY_UINT64] = "uint64",
	[TY_UINTPTR] = "uintptr", [TY_FLOAT32] = "float32", [TY_FLOAT64] = "float64",
	[TY_COMPLEX64] = "complex64", [TY_COMPLEX128] = "complex128", [TY_STRING] = "string",
	[TY_UNSAFEPTR] = "unsafe.Pointer", [TY_UNTYPED_BOOL] = "untyped bool",
	[TY_UNTYPED_INT] = "untyped int", [TY_UNTYPED_RUNE] = "untyped rune",
	[TY_UNTYPED_FLOAT] = "untyped float", [TY_UNTYPED_COMPLEX] = "untyped complex",
	[TY_UNTYPED_STRING] = "untyped string", [TY_UNTYPED_NIL] = "untyped nil",
};

static void write_type(Buf *b, Type *t, Package *rel);

static void write_params(Buf *b, Field *f, int n, bool variadic, Package *rel)
{
	put(b, "(");
	for (int i = 0; i < n; i++) {
		if (i) put(b, ", ");
		if (variadic && i == n - 1) {
			put(b, "...");
			write_type(b, f[i].type->elem, rel);
		} else {
			write_type(b, f[i].type, rel);
		}
	}
	put(b, ")");
}

static void write_sig(Buf *b, Type *t, Package *rel)
{
	write_params(b, t->fields, t->nfields, t->variadic, rel);
	if (t->nresults == 1 && !t->results[0].name) {
		put(b, " ");
		write_type(b, t->results[0].type, rel);
	} else if (t->nresults > 0) {
		put(b, " ");
		write_params(b, t->results, t->nresults, false, rel);
	}
}

static void write_type(Buf *b, Type *t, Package *rel)
{
	if (!t) {
		put(b, "<nil>");
		return;
	}
	switch (t->kind) {
	case TY_NAMED:
	case TY_TYPEPARAM:
		if (t->obj->pkg && t->obj->pkg != rel && t->kind == TY_NAMED) {
			put(b, t->obj->pkg->name);
			put(b, ".");
		}
		put(b, t->obj->name);
		if (t->ntargs) {
			put(b, "[");
			for (int i = 0; i < t->ntargs; i++) {
				if (i) put(b, ",");
				write_type(b, t->targs[i], rel);
			}
			put(b, "]");
		}
		return;
	case TY_ARRAY: {
		char num[32];
		snprintf(num, sizeof num, "[%lld]", (long long)t->len);
		put(b, num);
		write_type(b, t->elem, rel);
		return;
	}
	case TY_SLICE:
		put(b, "[]");
		write_type(b, t->elem, rel);
		return;
	case TY_POINTER:
		put(b, "*");
		write_type(b, t->elem, rel);
		return;
	case TY_MAP:
		put(b, "map[");
		write_type(b, t->key, rel);
		put(b, "]");
		write_type(b, t->elem, rel);
		return;
	case TY_CHAN:
		put(b, t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ");
		if (t->dir == CHAN_BOTH && t->elem->kind == TY_CHAN && t->elem->dir == CHAN_RECV) {
			put(b, "(");
			write_type(b, t->elem, rel);
			put(b, ")");
		} else {
			write_type(b, t->elem, rel);
		}
		return;
	case TY_FUNC:
		put(b, "func");
		write_sig(b, t, rel);
		return;
	case TY_STRUCT:
		put(b, "struct{");
		for (int i = 0; i < t->nfields; i++) {
			if (i) put(b, "; ");
			if (!t->fields[i].embedded) {
				put(b, t->fields[i].name);
				put(b, " ");
			}
			write_type(b, t->fields[i].type, rel);
			if (t->fields[i].tag) {
				put(b, " \"");
				put(b, t->fields[i].tag);
				put(b, "\"");
			}
		}
		put(b, "}");
		return;
	case TY_INTERFACE:
		if (t == type_any) {
			put(b, "any");
			return;
		}
		if (t->implicit && t->nembeds == 1) {
			write_type(b, t->embeds[0], rel);
			return;
		}
		if (t->is_comparable && !t->nmethods && !t->nembeds) {
			put(b, "comparable");
			return;
		}
		put(b, "interface{");
		if (t->is_comparable) put(b, t->nmethods || t->nembeds ? "comparable; " : "comparable");
		for (int i = 0; i < t->nmethods; i++) {
			if (i) put(b, "; ");
			put(b, t->methods[i]->name);
			write_sig(b, t->methods[i]->type, rel);
		}
		for (int i = 0; i < t->nembeds; i++) {
			if (i || t->nmethods) put(b, "; ");
			write_type(b, t->embeds[i], rel);
		}
		put(b, "}");
		return;
	case TY_TUPLE:
		write_params(b, t->fields, t->nfields, false, rel);
		return;
	case TY_UNION:
		for (int i = 0; i < t->nfields; i++) {
			if (i) put(b, "|");
			if (t->fields[i].embedded) put(b, "~");
			write_type(b, t->fields[i].type, rel);
		}
		return;
	default:
		/* byte and rune print by their alias name (universe objects) */
		put(b, t->obj && t->kind <= TY_UNTYPED_NIL ? t->obj->name : basic_names[t->kind]);
		return;
	}
}

const char *type_string(Type *t, Package *rel)
{
	Buf b = {0};
	put(&b, "");
	write_type(&b, t, rel);
	return b.s;
}

/* ------------------------------------------------------------ layout */

static int64_t align_up(int64_t x, int64_t a) { return (x + a - 1) / a * a; }

void types_layout(Type *t)
{
	if (t->size >= 0) return;
	Type *u = type_under(t);
	int64_t size = 0, align = 1;
	switch (u->kind) {
	case TY_BOOL: case TY_INT8: case TY_UINT8: size = align = 1; break;
	case TY_INT16: case TY_UINT16: size = align = 2; break;
	case TY_INT32: case TY_UINT32: case TY_FLOAT32: size = align = 4; break;
	case TY_INT: case TY_INT64: case TY_UINT: case TY_UINT64: case TY_UINTPTR:
	case TY_FLOAT64: case TY_UNSAFEPTR: case TY_POINTER: case TY_MAP: case TY_CHAN:
	case TY_FUNC:
		size = align = 8;
		break;
	case TY_COMPLEX64: size = 8, align = 4; break;
	case TY_COMPLEX128: size = 16, align = 8; break;
	case TY_STRING: case TY_INTERFACE: size = 16, align = 8; break;
	case TY_SLICE: size = 24, align = 8; break;
	case TY_ARRAY:
		types_layout(u->elem);
		size = u->elem->size * (u->len < 0 ? 0 : u->len);
		align = u->elem->align;
		break;
	case TY_STRUCT: {
		int64_t off = 0;
		for (int i = 0; i < u->nfields; i++) {
			Type *ft = u->fields[i].type;
			types_layout(ft);
			off = align_up(off, ft->align);
			u->fields[i].offset = off;
			off += ft->size;
			if (ft->align > align) align = ft->align;
		}
		/* a final zero-size field would point past the object: pad it */
		if (u->nfields && u->fields[u->nfields - 1].type->size == 0 && off > 0) off++;
		size = align_up(off, align);
		break;
	}
	default:
		size = 8, align = 8;
		break;
	}
	t->size = size;
	t->align = align;
	if (u != t) u->size = size, u->align = align;
}

int64_t type_size(Type *t)
{
	types_layout(t);
	return t->size;
}

int64_t type_align(Type *t)
{
	types_layout(t);
	return t->align;
}
