/*
 * check_generic.c: the first slice of generics — generic type declarations
 * (`type P[T any] struct{...}`), their methods (receivers `*P[T]` bind T to
 * the type's parameters by position) and the identity instantiation P[T]
 * inside them. A generic named type keeps its parameters in targs with
 * orig == itself. Instantiation P[A] substitutes the arguments into the
 * underlying type and the method signatures (instances are cached, so equal
 * instantiations are one Type). Methods of a type parameter's value come from
 * its constraint interface. Constraint satisfaction is not verified yet and
 * generic functions are still reported as not supported.
 */
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

static Type **instances;        /* every instance, for the cache and method filling */
static int ninstances;
static Package **ready;         /* packages whose methods are attached */
static int nready;

static bool methods_ready(Package *p)
{
	if (!p) return true;
	for (int i = 0; i < nready; i++)
		if (ready[i] == p) return true;
	return false;
}

static Type *instantiate(Type *g, Type **args, int n);

static Obj *subst_obj(Obj *o, Type *t)
{
	if (!o || o->type == t) return o;
	Obj *c = arena_alloc(&perm, sizeof *c);
	*c = *o;
	c->type = t;
	return c;
}

static Field *subst_fields(Field *f, int n, Type **from, Type **to, int k, bool *changed);

static Type *subst(Type *t, Type **from, Type **to, int k)
{
	if (!t) return t;
	bool ch = false;
	switch (t->kind) {
	case TY_TYPEPARAM:
		for (int i = 0; i < k; i++)
			if (from[i] == t) return to[i];
		return t;
	case TY_NAMED: {
		if (!t->orig || !t->ntargs) return t;
		Type **a = arena_alloc(&perm, sizeof(Type *) * t->ntargs);
		for (int i = 0; i < t->ntargs; i++) {
			a[i] = subst(t->targs[i], from, to, k);
			ch |= a[i] != t->targs[i];
		}
		return ch ? instantiate(t->orig, a, t->ntargs) : t;
	}
	case TY_POINTER:
	case TY_SLICE:
	case TY_ARRAY:
	case TY_CHAN: {
		Type *e = subst(t->elem, from, to, k);
		if (e == t->elem) return t;
		if (t->kind == TY_POINTER) return type_pointer(e);
		if (t->kind == TY_SLICE) return type_slice(e);
		if (t->kind == TY_ARRAY) return type_array(e, t->len);
		return type_chan(e, t->dir);
	}
	case TY_MAP: {
		Type *kk = subst(t->key, from, to, k), *e = subst(t->elem, from, to, k);
		return kk == t->key && e == t->elem ? t : type_map(kk, e);
	}
	case TY_STRUCT:
	case TY_TUPLE:
	case TY_FUNC: {
		Field *f = subst_fields(t->fields, t->nfields, from, to, k, &ch);
		Field *r = subst_fields(t->results, t->nresults, from, to, k, &ch);
		Field *rv = t->recv ? subst_fields(t->recv, 1, from, to, k, &ch) : NULL;
		if (!ch) return t;
		Type *n = type_new(t->kind);
		*n = *t;
		n->fields = f;
		n->results = r;
		n->recv = rv;
		n->size = n->align = -1;
		n->hash = 0;
		n->cg = NULL;
		return n;
	}
	case TY_INTERFACE: {
		Obj **ms = arena_alloc(&perm, sizeof(Obj *) * (t->nmethods + 1));
		for (int i = 0; i < t->nmethods; i++) {
			Type *mt = subst(t->methods[i]->type, from, to, k);
			ch |= mt != t->methods[i]->type;
			ms[i] = subst_obj(t->methods[i], mt);
		}
		Type **es = arena_alloc(&perm, sizeof(Type *) * (t->nembeds + 1));
		for (int i = 0; i < t->nembeds; i++) {
			es[i] = subst(t->embeds[i], from, to, k);
			ch |= es[i] != t->embeds[i];
		}
		if (!ch) return t;
		Type *n = type_new(TY_INTERFACE);
		*n = *t;
		n->methods = ms;
		n->embeds = es;
		n->hash = 0;
		n->cg = NULL;
		return n;
	}
	default:
		return t;
	}
}

static Field *subst_fields(Field *f, int n, Type **from, Type **to, int k, bool *changed)
{
	if (!f || !n) return f;
	Field *nf = arena_alloc(&perm, sizeof(Field) * (n + 1));
	bool ch = false;
	for (int i = 0; i < n; i++) {
		nf[i] = f[i];
		nf[i].type = subst(f[i].type, from, to, k);
		if (nf[i].type != f[i].type) {
			ch = true;
			nf[i].obj = subst_obj(f[i].obj, nf[i].type);
		}
	}
	if (!ch) return f;
	*changed = true;
	return nf;
}

static void fill_methods(Type *inst)
{
	Type *g = inst->orig;
	if (inst->nmethods || !g->nmethods) return;
	Obj **ms = arena_alloc(&perm, sizeof(Obj *) * (g->nmethods + 1));
	for (int i = 0; i < g->nmethods; i++)
		ms[i] = subst_obj(g->methods[i], subst(g->methods[i]->type, g->targs, inst->targs, g->ntargs));
	inst->methods = ms;
	inst->nmethods = g->nmethods;
}

static Type *instantiate(Type *g, Type **args, int n)
{
	for (int i = 0; i < ninstances; i++) {
		Type *t = instances[i];
		if (t->orig != g) continue;
		bool same = true;
		for (int k = 0; k < n && same; k++) same = type_identical(t->targs[k], args[k]);
		if (same) return t;
	}
	Type *t = type_new(TY_NAMED);
	t->obj = g->obj;
	t->orig = g;
	t->targs = args;
	t->ntargs = n;
	if ((ninstances & (ninstances - 1)) == 0) {
		Type **v = arena_alloc(&perm, sizeof(Type *) * (ninstances ? ninstances * 2 : 8));
		if (ninstances) memcpy(v, instances, sizeof(Type *) * ninstances);
		instances = v;
	}
	instances[ninstances++] = t;
	t->underlying = subst(g->underlying, g->targs, args, n);
	if (methods_ready(g->obj->pkg)) fill_methods(t);
	return t;
}

/* methods of pkg's generic types are attached: give them to their instances */
void check_generic_methods_ready(Package *pkg)
{
	ready = realloc(ready, sizeof(Package *) * (nready + 1));
	ready[nready++] = pkg;
	for (int i = 0; i < ninstances; i++) {
		Type *t = instances[i];
		if (t->orig->obj->pkg != pkg) continue;
		if (!t->underlying && t->orig->underlying)
			t->underlying = subst(t->orig->underlying, t->orig->targs, t->targs, t->ntargs);
		fill_methods(t);
	}
}

static bool is_generic(Type *t) { return t && t->kind == TY_NAMED && t->orig == t && t->ntargs > 0; }

void check_generic_type(Checker *c, Obj *o)
{
	Node *s = o->decl;
	Scope *ts = scope_new(c->scope, s);
	int n = 0;
	for (int i = 0; i < s->typespec.tparams.n; i++) n += s->typespec.tparams.v[i]->field.names.n;
	Type *t = type_new(TY_NAMED);
	t->obj = o;
	t->orig = t;
	t->targs = arena_alloc(&perm, sizeof(Type *) * (n + 1));
	o->type = t;
	for (int i = 0; i < s->typespec.tparams.n; i++) {
		Node *f = s->typespec.tparams.v[i];
		for (int k = 0; k < f->field.names.n; k++) {
			Node *id = f->field.names.v[k];
			Type *tp = type_new(TY_TYPEPARAM);
			Obj *po = obj_new(OBJ_TYPE, id->ident.name, id->pos, c->pkg);
			po->type = tp;
			tp->obj = po;
			id->ident.obj = po;
			t->targs[t->ntargs++] = tp;
			if (scope_insert(ts, po)) check_errorf(c, id->pos, "%s redeclared", id->ident.name);
		}
	}
	Scope *saved = c->scope;
	c->scope = ts;
	for (int i = 0, k = 0; i < s->typespec.tparams.n; i++) {
		Node *f = s->typespec.tparams.v[i];
		Type *ct = f->field.type ? check_type(c, f->field.type) : type_any;
		for (int j = 0; j < f->field.names.n; j++) t->targs[k++]->constraint = ct;
	}
	Type *u = check_type(c, s->typespec.type);
	c->scope = saved;
	check_named_underlying(c, t, u);
}

/* the scope binding a generic receiver's type parameter names */
Scope *check_recv_tparams(Checker *c, Node *recv, Scope *parent)
{
	Node *t = ast_unparen(recv->field.type);
	if (t->kind == N_STAR) t = ast_unparen(t->unary.x);
	if (t->kind != N_INDEX || t->index.x->kind != N_IDENT) return parent;
	Obj *o = scope_lookup_local(c->pkg->scope, t->index.x->ident.name);
	if (!o || o->kind != OBJ_TYPE) return parent;
	check_resolve_obj(c, o);
	Type *g = o->type;
	if (!is_generic(g)) return parent;
	if (t->index.index.n != g->ntargs) {
		check_errorf(c, node_startpos(t), "got %d type parameters, but receiver base type declares %d",
		             t->index.index.n, g->ntargs);
		return parent;
	}
	Scope *s = scope_new(parent, recv);
	for (int i = 0; i < t->index.index.n; i++) {
		Node *id = t->index.index.v[i];
		if (id->kind != N_IDENT) {
			check_errorf(c, node_startpos(id), "receiver type parameter %s must be an identifier", ast_string(id));
			continue;
		}
		if (id->ident.name == intern_cstr("_")) continue;
		Obj *po = obj_new(OBJ_TYPE, id->ident.name, id->pos, c->pkg);
		po->type = g->targs[i];
		id->ident.obj = po;
		scope_insert(s, po);
	}
	return s;
}

/* x[T...] with x a generic type: the identity instantiation only */
bool check_generic_index(Checker *c, Node *n)
{
	Node *x = n->index.x;
	if (x->tv.mode != MODE_TYPE || !is_generic(x->tv.type)) return false;
	Type *g = x->tv.type;
	int na = n->index.index.n;
	bool same = na == g->ntargs, bad = false;
	Type **args = arena_alloc(&perm, sizeof(Type *) * (na + 1));
	for (int i = 0; i < na; i++) {
		args[i] = check_type(c, n->index.index.v[i]);
		bad |= args[i]->kind == TY_INVALID;
		if (same && args[i] != g->targs[i]) same = false;
	}
	if (na != g->ntargs) {
		check_errorf(c, node_startpos(n), "got %d arguments but %d type parameters", na, g->ntargs);
		bad = true;
	}
	if (bad) {
		n->tv.mode = MODE_INVALID;
		n->tv.type = types_basic[TY_INVALID];
		return true;
	}
	n->tv.mode = MODE_TYPE;
	n->tv.type = same ? g : instantiate(g, args, na);
	return true;
}
