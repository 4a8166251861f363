/*
 * check_generic.c: the first slice of generics — generic type declarations
 * (`type P[T any] struct{...}`), their methods (receivers `*P[T]` bind T to
 * the type's parameters by position) and the identity instantiation P[T]
 * inside them. A generic named type keeps its parameters in targs with
 * orig == itself. Any other instantiation and generic functions are still
 * reported as not supported. Enough for sync/atomic's Pointer[T].
 */
#include "frontend.h"

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
	bool same = n->index.index.n == g->ntargs;
	for (int i = 0; i < n->index.index.n; i++) {
		Type *a = check_type(c, n->index.index.v[i]);
		if (same && a != g->targs[i]) same = false;
	}
	if (!same) {
		check_errorf(c, n->pos, "generic instantiation not supported yet");
		n->tv.mode = MODE_INVALID;
		n->tv.type = types_basic[TY_INVALID];
		return true;
	}
	n->tv.mode = MODE_TYPE;
	n->tv.type = g;
	return true;
}
