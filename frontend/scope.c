/* scope.c: lexical scopes (open-addressed tables keyed by interned names). */
#include "frontend.h"

#include <string.h>

Scope *scope_new(Scope *parent, Node *node)
{
	Scope *s = arena_alloc(&perm, sizeof *s);
	s->parent = parent;
	s->node = node;
	return s;
}

Obj *obj_new(ObjKind k, const char *name, Pos pos, Package *pkg)
{
	Obj *o = arena_alloc(&perm, sizeof *o);
	o->kind = k;
	o->name = name;
	o->pos = pos;
	o->pkg = pkg;
	return o;
}

static unsigned hash_ptr(const char *p) { return (unsigned)(((uintptr_t)p * 0x9E3779B97F4A7C15ull) >> 32); }

Obj *scope_lookup_local(Scope *s, const char *name)
{
	if (!s->cap) return NULL;
	for (unsigned h = hash_ptr(name) & (s->cap - 1);; h = (h + 1) & (s->cap - 1)) {
		Obj *o = s->objs[h];
		if (!o) return NULL;
		if (o->name == name) return o;
	}
}

Obj *scope_lookup(Scope *s, const char *name, Scope **found)
{
	for (; s; s = s->parent) {
		Obj *o = scope_lookup_local(s, name);
		if (o) {
			if (found) *found = s;
			return o;
		}
	}
	return NULL;
}

static void grow(Scope *s)
{
	int ncap = s->cap ? s->cap * 2 : 8;
	Obj **old = s->objs;
	int ocap = s->cap;
	s->objs = arena_alloc(&perm, sizeof(Obj *) * ncap);
	s->cap = ncap;
	for (int i = 0; i < ocap; i++) {
		if (!old[i]) continue;
		unsigned h = hash_ptr(old[i]->name) & (ncap - 1);
		while (s->objs[h]) h = (h + 1) & (ncap - 1);
		s->objs[h] = old[i];
	}
}

Obj *scope_insert(Scope *s, Obj *o)
{
	Obj *prev = scope_lookup_local(s, o->name);
	if (prev) return prev;
	if ((s->n + 1) * 4 > s->cap * 3) grow(s);
	unsigned h = hash_ptr(o->name) & (s->cap - 1);
	while (s->objs[h]) h = (h + 1) & (s->cap - 1);
	s->objs[h] = o;
	s->n++;
	if (!o->scope) o->scope = s;
	return NULL;
}
