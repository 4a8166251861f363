/*
 * check_later.c: checks that need complete types, run once the package's
 * declarations and bodies are checked (types2's check.later): map key
 * types and embedded field types may name a type still being resolved
 * (type S struct { m map[S]bool }, type T *struct{ T }); channel element
 * and array sizes need complete types too.
 */
#include "frontend.h"

#include <stdlib.h>

typedef enum LaterKind { L_MAPKEY, L_EMBEDDED, L_CHANELEM, L_ARRAY } LaterKind;

typedef struct Later {
	LaterKind kind;
	Type *t;
	Pos pos;
} Later;

static Later *laters;
static int nlaters, caplaters;

static void add(LaterKind kind, Type *t, Pos pos)
{
	if (nlaters == caplaters) {
		caplaters = caplaters ? caplaters * 2 : 16;
		laters = realloc(laters, sizeof(Later) * (size_t)caplaters);
	}
	laters[nlaters++] = (Later){kind, t, pos};
}

void check_later_map_key(Type *k, Pos pos) { add(L_MAPKEY, k, pos); }
void check_later_embedded(Type *t, Pos pos) { add(L_EMBEDDED, t, pos); }
void check_later_chan_elem(Type *t, Pos pos) { add(L_CHANELEM, t, pos); }
void check_later_array(Type *t, Pos pos) { add(L_ARRAY, t, pos); }

/* gc's size limits (types.CalcSize): size in bytes, or -1 if 2^63 or more */
static int64_t size_of(Type *t)
{
	Type *u = type_under(t);
	if (!u || u->kind == TY_INVALID || u->kind == TY_TYPEPARAM) return 0;
	if (u->kind == TY_ARRAY) {
		int64_t e = size_of(u->elem), r;
		if (e < 0) return u->len > 0 ? -1 : 0;
		if (u->len < 0) return 0;
		return __builtin_mul_overflow(e, u->len, &r) ? -1 : r;
	}
	if (u->kind == TY_STRUCT) {
		int64_t total = 0;
		for (int i = 0; i < u->nfields; i++) {
			int64_t f = size_of(u->fields[i].type);
			if (f < 0 || __builtin_add_overflow(total, f, &total)) return -1;
		}
		return total;
	}
	return type_size(t);
}

static void sizes(Checker *c, Later *l)
{
	int64_t n = size_of(l->t);
	if (l->kind == L_CHANELEM && (n < 0 || n >= 1 << 16))
		check_errorf(c, l->pos, "channel element type too large (>64kB)");
	else if (l->kind == L_ARRAY && (n < 0 || n >= (int64_t)1 << 50))
		check_errorf(c, l->pos, "type %s larger than address space", type_string(l->t, c->pkg));
}

static void map_key(Checker *c, Later *l)
{
	Type *u = type_under(l->t);
	if (!u || u->kind == TY_INVALID || u->kind == TY_TYPEPARAM || l->t->kind == TY_TYPEPARAM) return;
	if (!type_is_comparable(l->t)) check_errorf(c, l->pos, "invalid map key type %s", type_string(l->t, c->pkg));
}

/* the embedded type, or T for the *T form, must not be a pointer (types2) */
static void embedded(Checker *c, Later *l)
{
	Type *t = l->t;
	bool ptr = t->kind == TY_POINTER;
	if (ptr) t = t->elem;
	Type *u = type_under(t);
	if (!u || u->kind == TY_INVALID) return;
	if (u->kind == TY_UNSAFEPTR) check_errorf(c, l->pos, "embedded field type cannot be unsafe.Pointer");
	else if (u->kind == TY_POINTER) check_errorf(c, l->pos, "embedded field type cannot be a pointer");
	else if (u->kind == TY_INTERFACE && t->kind == TY_TYPEPARAM)
		check_errorf(c, l->pos, "embedded field type cannot be a (pointer to a) type parameter");
	else if (u->kind == TY_INTERFACE && ptr)
		check_errorf(c, l->pos, "embedded field type cannot be a pointer to an interface");
}

void check_run_later(Checker *c)
{
	/* sizes only in packages without errors (invalid recursive types have none) */
	bool sized = diag_count() == 0;
	for (int i = 0; i < nlaters; i++) {
		switch (laters[i].kind) {
		case L_MAPKEY: map_key(c, &laters[i]); break;
		case L_EMBEDDED: embedded(c, &laters[i]); break;
		default:
			if (sized) sizes(c, &laters[i]);
			break;
		}
	}
	nlaters = 0;
}
