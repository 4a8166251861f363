/*
 * check_later.c: checks that need complete types, run once the package's
 * declarations and bodies are checked (types2's check.later): map key
 * types and embedded field types may name a type still being resolved
 * (type S struct { m map[S]bool }, type T *struct{ T }).
 */
#include "frontend.h"

#include <stdlib.h>

typedef struct Later {
	bool mapkey;            /* else an embedded field */
	Type *t;
	Pos pos;
} Later;

static Later *laters;
static int nlaters, caplaters;

static void add(bool mapkey, Type *t, Pos pos)
{
	if (nlaters == caplaters) {
		caplaters = caplaters ? caplaters * 2 : 16;
		laters = realloc(laters, sizeof(Later) * (size_t)caplaters);
	}
	laters[nlaters++] = (Later){mapkey, t, pos};
}

void check_later_map_key(Type *k, Pos pos) { add(true, k, pos); }
void check_later_embedded(Type *t, Pos pos) { add(false, t, pos); }

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
	/* checks of other packages (dependencies are checked first) are dropped */
	for (int i = 0; i < nlaters; i++) {
		if (laters[i].mapkey) map_key(c, &laters[i]);
		else embedded(c, &laters[i]);
	}
	nlaters = 0;
}
