/*
 * check_generic.c: the first slice of generics — generic type declarations
 * (`type P[T any] struct{...}`), their methods (receivers `*P[T]` bind T to
 * the type's parameters by position) and the identity instantiation P[T]
 * inside them. A generic named type keeps its parameters in targs with
 * orig == itself. Instantiation P[A] substitutes the arguments into the
 * underlying type and the method signatures (instances are cached, so equal
 * instantiations are one Type). Methods of a type parameter's value come from
 * its constraint interface.
 *
 * Generic functions: their type parameters live in a scope between the
 * enclosing one and the function's (check_func_tparams); the signature keeps
 * them in tparams. A call infers missing type arguments as types2 does
 * (check_infer_call): function argument inference by unification of typed
 * arguments, constraint type inference through core types, default types of
 * untyped arguments, constraint inference again; then every type argument
 * must satisfy its (instantiated) constraint. The instantiated signature
 * becomes the callee's type and its type arguments are recorded in the
 * callee's TypeAndValue for codegen.
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
		n->tset = NULL;
		n->hash = 0;
		n->cg = NULL;
		return n;
	}
	case TY_UNION: {
		Field *f = subst_fields(t->fields, t->nfields, from, to, k, &ch);
		if (!ch) return t;
		Type *n = type_new(TY_UNION);
		*n = *t;
		n->fields = f;
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
	if (inst->underlying && inst->underlying->kind == TY_INVALID) return;   /* an instantiation cycle */
	Obj **ms = arena_alloc(&perm, sizeof(Obj *) * (g->nmethods + 1));
	for (int i = 0; i < g->nmethods; i++)
		ms[i] = subst_obj(g->methods[i], subst(g->methods[i]->type, g->targs, inst->targs, g->ntargs));
	inst->methods = ms;
	inst->nmethods = g->nmethods;
}

/* Instantiations whose underlying type and methods are being substituted,
 * innermost first. Substitution instantiates the generic types they name;
 * when g is instantiated inside MAXEXPAND instantiations of itself, its
 * arguments grow without bound (type G[T any] struct{ x *G[[]T] }): the
 * expansion stops, the instances left with an invalid underlying type and no
 * methods. A generic type once found in such a cycle stops at its first
 * nested instantiation (branching cycles, R[R[P]] and R[*P], would take
 * exponential time otherwise). types2 finds such cycles statically (mono.go,
 * which also reports the edge: "T instantiated as []T") and, like it, only
 * the first is reported. Methods are filled eagerly here, so a method whose
 * signature nests its own type (func (L[P]) m() L[L[P]]) is reported too,
 * where types2, instantiating methods lazily, accepts it. */
typedef struct Expanding {
	Type *g;
	struct Expanding *up;
} Expanding;

enum { MAXEXPAND = 64 };

static Expanding *expanding;
static bool cycle;              /* found: stop expanding until the outermost returns */
static bool cycle_reported;
static Type *cyclic[16];        /* generic types found in a cycle */
static int ncyclic;

static bool expansion_cycle(Type *g)
{
	int n = 0, max = MAXEXPAND;
	for (Expanding *e = expanding; e; e = e->up) n += e->g == g;
	for (int i = 0; i < ncyclic; i++)
		if (cyclic[i] == g) max = 1;
	if (n < max) return false;
	if (max == MAXEXPAND && ncyclic < (int)(sizeof cyclic / sizeof cyclic[0])) cyclic[ncyclic++] = g;
	return true;
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
	if (cycle || expansion_cycle(g)) {
		if (!cycle_reported) diag_errorf(g->targs[0]->obj ? g->targs[0]->obj->pos : g->obj->pos, "instantiation cycle");
		cycle = cycle_reported = true;
		t->underlying = types_basic[TY_INVALID];
		return t;
	}
	Expanding e = {g, expanding};
	expanding = &e;
	t->underlying = subst(g->underlying, g->targs, args, n);
	if (methods_ready(g->obj->pkg)) fill_methods(t);
	expanding = e.up;
	if (!expanding) cycle = false;
	return t;
}

/* ------------------------------------------------------------ generic functions */

/* a constraint: an interface, or a bare type element wrapped as interface{elem} */
static Type *constraint_of(Checker *c, Node *e)
{
	Type *ct = check_type(c, e);
	if (ct->kind == TY_INVALID) return type_any;
	Type *u = type_under(ct);
	if (u->kind == TY_INTERFACE) return ct;
	if (u->kind == TY_TYPEPARAM) {
		check_errorf(c, node_startpos(e), "cannot use a type parameter as constraint");
		return type_any;
	}
	Type *it = type_new(TY_INTERFACE);
	it->embeds = arena_alloc(&perm, sizeof(Type *));
	it->embeds[0] = ct;
	it->nembeds = 1;
	it->complete = true;
	it->implicit = true;
	return it;
}

/* declares the type parameters of a list in s (all names first: constraints
 * may refer to any of them) and returns them with their constraints */
static Type **declare_tparams(Checker *c, NodeList *l, Scope *s, int *count)
{
	int n = 0;
	for (int i = 0; i < l->n; i++) n += l->v[i]->field.names.n;
	Type **tps = arena_alloc(&perm, sizeof(Type *) * (size_t)(n + 1));
	int k = 0;
	for (int i = 0; i < l->n; i++) {
		Node *f = l->v[i];
		for (int j = 0; j < f->field.names.n; j++) {
			Node *id = f->field.names.v[j];
			Type *tp = type_new(TY_TYPEPARAM);
			Obj *po = obj_new(OBJ_TYPE, id->ident.name, id->pos, c->pkg);
			po->type = tp;
			tp->obj = po;
			id->ident.obj = po;
			tps[k++] = tp;
			if (id->ident.name != intern_cstr("_") && scope_insert(s, po))
				check_errorf(c, id->pos, "%s redeclared", id->ident.name);
		}
	}
	Scope *saved = c->scope;
	c->scope = s;
	for (int i = 0, m = 0; i < l->n; i++) {
		Node *f = l->v[i];
		Type *ct = f->field.type ? constraint_of(c, f->field.type) : type_any;
		for (int j = 0; j < f->field.names.n; j++) tps[m++]->constraint = ct;
	}
	c->scope = saved;
	*count = n;
	return tps;
}

void check_func_tparams(Checker *c, NodeList *tparams, Scope *s, Type *sig)
{
	sig->tparams = declare_tparams(c, tparams, s, &sig->ntparams);
}

/* ---- unification (function argument and constraint type inference) */

typedef struct Unifier {
	Type **tparams, **targs;
	int n;
} Unifier;

static int tp_index(Unifier *u, Type *t)
{
	if (!t || t->kind != TY_TYPEPARAM) return -1;
	for (int i = 0; i < u->n; i++)
		if (u->tparams[i] == t) return i;
	return -1;
}

static bool unify(Unifier *u, Type *x, Type *y, int depth)
{
	if (!x || !y || depth > 64) return false;
	if (x == y) return true;
	int i = tp_index(u, x), j = tp_index(u, y);
	if (i >= 0 && j >= 0) {
		if (u->targs[i] && u->targs[j]) return unify(u, u->targs[i], u->targs[j], depth + 1);
		if (u->targs[i]) u->targs[j] = u->targs[i];
		else if (u->targs[j]) u->targs[i] = u->targs[j];
		return true;
	}
	if (j >= 0) {
		Type *t = x;
		x = y;
		y = t;
		i = j;
	}
	if (i >= 0) {
		if (u->targs[i]) return unify(u, u->targs[i], y, depth + 1);
		u->targs[i] = y;
		return true;
	}
	/* inexact: a defined type matches a type literal through its underlying type */
	if (x->kind == TY_NAMED && y->kind != TY_NAMED && y->kind != TY_TYPEPARAM) x = type_under(x);
	else if (y->kind == TY_NAMED && x->kind != TY_NAMED && x->kind != TY_TYPEPARAM) y = type_under(y);
	if (x->kind != y->kind) return false;
	switch (x->kind) {
	case TY_NAMED:
		if (x->orig && x->orig == y->orig && x->ntargs == y->ntargs) {
			for (int k = 0; k < x->ntargs; k++)
				if (!unify(u, x->targs[k], y->targs[k], depth + 1)) return false;
			return true;
		}
		return type_identical(x, y);
	case TY_ARRAY:
		return x->len == y->len && unify(u, x->elem, y->elem, depth + 1);
	case TY_SLICE:
	case TY_POINTER:
		return unify(u, x->elem, y->elem, depth + 1);
	case TY_CHAN: /* inexact: directions may differ (assignability checks them) */
		return unify(u, x->elem, y->elem, depth + 1);
	case TY_MAP:
		return unify(u, x->key, y->key, depth + 1) && unify(u, x->elem, y->elem, depth + 1);
	case TY_STRUCT:
		if (x->nfields != y->nfields) return false;
		for (int k = 0; k < x->nfields; k++) {
			Field *a = &x->fields[k], *b = &y->fields[k];
			if (a->name != b->name || a->embedded != b->embedded) return false;
			if (!unify(u, a->type, b->type, depth + 1)) return false;
		}
		return true;
	case TY_FUNC:
	case TY_TUPLE:
		if (x->nfields != y->nfields || x->nresults != y->nresults || x->variadic != y->variadic) return false;
		for (int k = 0; k < x->nfields; k++)
			if (!unify(u, x->fields[k].type, y->fields[k].type, depth + 1)) return false;
		for (int k = 0; k < x->nresults; k++)
			if (!unify(u, x->results[k].type, y->results[k].type, depth + 1)) return false;
		return true;
	case TY_INTERFACE:
		if (x->nmethods != y->nmethods) return false;
		for (int k = 0; k < x->nmethods; k++)
			if (x->methods[k]->name != y->methods[k]->name ||
			    !unify(u, x->methods[k]->type, y->methods[k]->type, depth + 1))
				return false;
		return type_identical(x, y) || x->nembeds == y->nembeds;
	default:
		return type_identical(x, y);
	}
}

static bool mentions(Type *t, Type **tps, int n, int depth)
{
	if (!t || depth > 32) return false;
	switch (t->kind) {
	case TY_TYPEPARAM:
		for (int i = 0; i < n; i++)
			if (tps[i] == t) return true;
		return false;
	case TY_NAMED:
		for (int i = 0; i < t->ntargs; i++)
			if (t->orig != t && mentions(t->targs[i], tps, n, depth + 1)) return true;
		return false;
	case TY_ARRAY: case TY_SLICE: case TY_POINTER: case TY_CHAN:
		return mentions(t->elem, tps, n, depth + 1);
	case TY_MAP:
		return mentions(t->key, tps, n, depth + 1) || mentions(t->elem, tps, n, depth + 1);
	case TY_STRUCT: case TY_FUNC: case TY_TUPLE:
		for (int i = 0; i < t->nfields; i++)
			if (mentions(t->fields[i].type, tps, n, depth + 1)) return true;
		for (int i = 0; i < t->nresults; i++)
			if (mentions(t->results[i].type, tps, n, depth + 1)) return true;
		return false;
	case TY_INTERFACE:
		for (int i = 0; i < t->nmethods; i++)
			if (mentions(t->methods[i]->type, tps, n, depth + 1)) return true;
		return false;
	default:
		return false;
	}
}

/* the single term every type of a constraint shares (types2's core term) */
static bool core_term(Type *constraint, Term *out)
{
	Type *ci = constraint ? type_under(constraint) : NULL;
	if (!ci || ci->kind != TY_INTERFACE) return false;
	TypeSet *s = type_typeset(ci);
	if (s->all || s->nterms == 0) return false;
	if (s->nterms == 1) {
		*out = s->terms[0];
		return true;
	}
	Type *core = type_under(s->terms[0].type);
	for (int i = 1; i < s->nterms; i++)
		if (!type_identical(type_under(s->terms[i].type), core)) return false;
	*out = (Term){core, true};
	return true;
}

/* constraint type inference; false after a reported error */
static bool infer_from_constraints(Checker *c, Unifier *u, Pos pos)
{
	for (int round = 0; round < u->n + 2; round++) {
		bool changed = false;
		for (int i = 0; i < u->n; i++) {
			Term core;
			if (!core_term(u->tparams[i]->constraint, &core)) continue;
			Type *before[64];
			int nb = u->n < 64 ? u->n : 64;
			memcpy(before, u->targs, sizeof(Type *) * (size_t)nb);
			Type *ta = u->targs[i];
			if (ta) {
				Type *against = core.tilde ? type_under(ta) : ta;
				if (type_under(against)->kind == TY_TYPEPARAM) {
					/* a type parameter of the caller: through its core type */
					against = type_core(against);
					if (!against) continue;
				}
				if (!unify(u, core.type, against, 0)) {
					check_errorf(c, pos, "%s does not match %s%s", type_string(ta, c->pkg), core.tilde ? "~" : "",
					             type_string(core.type, c->pkg));
					return false;
				}
			} else if (!core.tilde) {
				u->targs[i] = core.type;
			}
			for (int k = 0; k < nb; k++) changed |= before[k] != u->targs[k];
		}
		if (!changed) break;
	}
	return true;
}

/* replaces the type parameters mentioned by inferred arguments by their arguments */
static void simplify_targs(Unifier *u)
{
	for (int round = 0; round < u->n + 1; round++) {
		bool again = false;
		for (int i = 0; i < u->n; i++) {
			if (!u->targs[i] || !mentions(u->targs[i], u->tparams, u->n, 0)) continue;
			Type *t = u->targs[i];
			bool ok = true;
			for (int k = 0; k < u->n; k++)
				if (!u->targs[k] && mentions(t, &u->tparams[k], 1, 0)) ok = false;
			if (!ok) continue;
			u->targs[i] = subst(t, u->tparams, u->targs, u->n);
			again = true;
		}
		if (!again) break;
	}
}

/* is V in the type set of the constraint C (instantiated)? reports why not */
static bool satisfies(Checker *c, Pos pos, Type *V, Type *C)
{
	Type *ci = type_under(C);
	if (!ci || ci->kind != TY_INTERFACE || type_under(V)->kind == TY_INVALID) return true;
	const char *vs = type_string(V, c->pkg), *cs = type_string(C, c->pkg);
	TypeSet *ts = type_typeset(ci);
	if (!ts->all && ts->nterms == 0) {
		check_errorf(c, pos, "cannot implement %s (empty type set)", cs);
		return false;
	}
	const char *missing = NULL;
	if (ci->nmethods && !check_implements(V, ci, &missing)) {
		check_errorf(c, pos, "%s does not implement %s (missing %s method)", vs, cs, missing ? missing : "?");
		return false;
	}
	Type *vu = type_under(V);
	bool strictly = type_is_comparable(V) && vu->kind != TY_INTERFACE;
	if (vu->kind == TY_TYPEPARAM) strictly = type_is_comparable(V);
	for (int i = 0; strictly && vu->kind == TY_STRUCT && i < vu->nfields; i++)
		strictly = !type_is_interface(vu->fields[i].type);
	if (ts->all) {
		if (ts->comparable && !strictly) {
			check_errorf(c, pos, "%s does not implement comparable", vs);
			return false;
		}
		return true;
	}
	if (vu->kind == TY_TYPEPARAM || vu->kind == TY_INTERFACE) {
		TypeSet *vs_set = vu->kind == TY_TYPEPARAM ? typeparam_typeset(vu) : type_typeset(vu);
		bool sub = !vs_set->all;
		for (int i = 0; sub && i < vs_set->nterms; i++) {
			Term t = vs_set->terms[i];
			bool in = false;
			for (int k = 0; k < ts->nterms && !in; k++) {
				Term x = ts->terms[k];
				in = x.tilde ? type_identical(type_under(t.type), x.type)
				             : !t.tilde && type_identical(t.type, x.type);
			}
			sub = in;
		}
		if (!sub) {
			check_errorf(c, pos, "%s does not implement %s", vs, cs);
			return false;
		}
	} else if (!typeset_includes(ts, V)) {
		for (int k = 0; k < ts->nterms; k++) {
			Term x = ts->terms[k];
			if (!x.tilde && type_identical(type_under(V), x.type) && type_identical(x.type, type_under(x.type))) {
				check_errorf(c, pos, "%s does not implement %s (possibly missing ~ for %s in constraint %s)", vs, cs,
				             type_string(x.type, c->pkg), cs);
				return false;
			}
		}
		check_errorf(c, pos, "%s does not implement %s (%s missing in %s)", vs, cs, vs, typeset_string(ts, c->pkg));
		return false;
	}
	if (ts->comparable && !strictly) {
		check_errorf(c, pos, "%s does not implement comparable", vs);
		return false;
	}
	return true;
}

static bool explicit_has(int nexplicit, int i) { return i < nexplicit; }

/* sig instantiated with targs (all known); NULL after a reported error.
 * poss: where to report a failed constraint for each argument */
static Type *instantiate_func(Checker *c, Type *sig, Type **targs, Pos *poss)
{
	bool ok = true;
	for (int i = 0; i < sig->ntparams; i++) {
		Type *ct = subst(sig->tparams[i]->constraint, sig->tparams, targs, sig->ntparams);
		if (!satisfies(c, poss[i], targs[i], ct)) {
			ok = false;
			break;
		}
	}
	if (!ok) return NULL;
	Type *g = type_new(TY_FUNC);
	*g = *sig;
	g->tparams = NULL;
	g->ntparams = 0;
	Type *inst = subst(g, sig->tparams, targs, sig->ntparams);
	if (inst == g) {
		inst = type_new(TY_FUNC);
		*inst = *g;
	}
	return inst;
}

/* the parameter type the i-th of nargs arguments is passed to */
static Type *param_for(Type *sig, int i, bool dots)
{
	int np = sig->nfields;
	if (!sig->variadic || i < np - 1) return i < np ? sig->fields[i].type : NULL;
	return dots ? sig->fields[np - 1].type : sig->fields[np - 1].type->elem;
}

Type *check_infer_call(Checker *c, Node *call, Type *sig, Type **explicit, int nexplicit, Type ***out)
{
	int n = sig->ntparams;
	/* fresh copies of the type parameters: a recursive call's arguments may
	 * have the very types being inferred */
	Type **fresh = arena_alloc(&perm, sizeof(Type *) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		fresh[i] = type_new(TY_TYPEPARAM);
		*fresh[i] = *sig->tparams[i];
	}
	for (int i = 0; i < n; i++) fresh[i]->constraint = subst(sig->tparams[i]->constraint, sig->tparams, fresh, n);
	Type *plain = type_new(TY_FUNC);
	*plain = *sig;
	plain->tparams = NULL;
	plain->ntparams = 0;
	Type *fsig = subst(plain, sig->tparams, fresh, n);
	Unifier u = {fresh, arena_alloc(&perm, sizeof(Type *) * (size_t)(n + 1)), n};
	for (int i = 0; i < nexplicit && i < n; i++) u.targs[i] = explicit[i];
	/* the arguments' types, a multi-value call spread */
	NodeList *args = &call->call.args;
	int na = args->n;
	Type **at = arena_alloc(&perm, sizeof(Type *) * (size_t)(na + 1));
	Node **an = arena_alloc(&perm, sizeof(Node *) * (size_t)(na + 1));
	for (int i = 0; i < na; i++) {
		at[i] = args->v[i]->tv.type;
		an[i] = args->v[i];
	}
	if (na == 1 && at[0] && at[0]->kind == TY_TUPLE) {
		Type *tt = at[0];
		na = tt->nfields;
		at = arena_alloc(&perm, sizeof(Type *) * (size_t)(na + 1));
		an = arena_alloc(&perm, sizeof(Node *) * (size_t)(na + 1));
		for (int i = 0; i < na; i++) {
			at[i] = tt->fields[i].type;
			an[i] = args->v[0];
		}
	}
	bool complete = nexplicit >= n;
	/* typed arguments */
	for (int i = 0; i < na && !complete; i++) {
		Type *pt = param_for(fsig, i, call->call.dots);
		if (!pt || !at[i] || an[i]->tv.mode == MODE_INVALID || type_is_untyped(at[i])) continue;
		if (!mentions(pt, fresh, n, 0)) continue;
		Type *before[64];
		int nb = n < 64 ? n : 64;
		memcpy(before, u.targs, sizeof(Type *) * (size_t)nb);
		if (!unify(&u, pt, at[i], 0)) {
			int tp = tp_index(&u, pt);
			if (tp >= 0 && before[tp])
				check_errorf(c, node_startpos(an[i]), "type %s of %s does not match inferred type %s for %s",
				             type_string(at[i], c->pkg), ast_string(an[i]), type_string(before[tp], c->pkg),
				             type_string(pt, c->pkg));
			else
				check_errorf(c, node_startpos(an[i]), "type %s of %s does not match %s", type_string(at[i], c->pkg),
				             ast_string(an[i]), type_string(pt, c->pkg));
			return NULL;
		}
	}
	if (!infer_from_constraints(c, &u, call->pos)) return NULL;
	/* untyped constant arguments for bare type parameters: their default types */
	for (int i = 0; i < na; i++) {
		Type *pt = param_for(fsig, i, call->call.dots);
		int tp = tp_index(&u, pt);
		if (tp < 0 || !at[i] || !type_is_untyped(at[i]) || at[i]->kind == TY_UNTYPED_NIL) continue;
		Type *d = type_default(at[i]);
		if (!u.targs[tp]) {
			u.targs[tp] = d;
		} else if (!type_identical(u.targs[tp], d) && !explicit_has(nexplicit, tp)) {
			Type *inferred = u.targs[tp];
			bool from_untyped = false;
			for (int k = 0; k < i; k++)
				if (tp_index(&u, param_for(fsig, k, call->call.dots)) == tp && at[k] && type_is_untyped(at[k]))
					from_untyped = true;
			if (from_untyped)
				check_errorf(c, node_startpos(an[i]), "default type %s of %s does not match inferred type %s for %s",
				             type_string(d, c->pkg), ast_string(an[i]), type_string(inferred, c->pkg),
				             type_string(pt, c->pkg));
			if (from_untyped) return NULL;
		}
	}
	if (!infer_from_constraints(c, &u, call->pos)) return NULL;
	simplify_targs(&u);
	for (int i = 0; i < n; i++) {
		if (!u.targs[i] || mentions(u.targs[i], u.tparams, n, 0)) {
			Obj *o = sig->tparams[i]->obj;
			check_errorf(c, call->pos, "cannot infer %s (%s)", o->name, diag_posstr(o->pos));
			return NULL;
		}
	}
	Pos *poss = arena_alloc(&perm, sizeof(Pos) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) poss[i] = call->pos;
	Node *fun = ast_unparen(call->call.fun);
	if (fun->kind == N_INDEX)
		for (int i = 0; i < fun->index.index.n && i < n; i++) poss[i] = node_startpos(fun->index.index.v[i]);
	Type *inst = instantiate_func(c, sig, u.targs, poss);
	if (inst) *out = u.targs;
	return inst;
}

/* an expression denoting a generic function used without (full) instantiation */
bool check_generic_uninstantiated(Checker *c, Node *n)
{
	Type *t = n->tv.type;
	if (n->tv.mode == MODE_INVALID || !t || t->kind != TY_FUNC || t->ntparams == 0) return false;
	check_errorf(c, node_startpos(n), "cannot use generic function %s without instantiation", ast_string(n));
	n->tv.mode = MODE_INVALID;
	n->tv.type = types_basic[TY_INVALID];
	return true;
}

/* f[A, B] with f a generic function: full or (for calls) partial instantiation */
static bool func_index(Checker *c, Node *n)
{
	Node *x = n->index.x;
	Type *sig = x->tv.type;
	int na = n->index.index.n;
	Type **args = arena_alloc(&perm, sizeof(Type *) * (size_t)(na + 1));
	bool bad = false;
	for (int i = 0; i < na; i++) {
		args[i] = check_type(c, n->index.index.v[i]);
		bad |= args[i]->kind == TY_INVALID;
	}
	if (na > sig->ntparams) {
		check_errorf(c, node_startpos(n->index.index.v[sig->ntparams]), "got %d type arguments but want %d", na,
		             sig->ntparams);
		bad = true;
	}
	if (bad) {
		n->tv.mode = MODE_INVALID;
		n->tv.type = types_basic[TY_INVALID];
		return true;
	}
	n->tv.mode = MODE_VALUE;
	n->tv.targs = args;
	n->tv.ntargs = na;
	if (na < sig->ntparams) {
		n->tv.type = sig;       /* the call infers the rest */
		return true;
	}
	Pos *poss = arena_alloc(&perm, sizeof(Pos) * (size_t)(na + 1));
	for (int i = 0; i < na; i++) poss[i] = node_startpos(n->index.index.v[i]);
	Type *inst = instantiate_func(c, sig, args, poss);
	if (!inst) {
		n->tv.mode = MODE_INVALID;
		n->tv.type = types_basic[TY_INVALID];
		return true;
	}
	n->tv.type = inst;
	return true;
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
	Type *t = type_new(TY_NAMED);
	t->obj = o;
	t->orig = t;
	o->type = t;
	t->targs = declare_tparams(c, &s->typespec.tparams, ts, &t->ntargs);
	Scope *saved = c->scope;
	c->scope = ts;
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
		Obj *po = obj_new(OBJ_TYPE, id->ident.name, id->pos, c->pkg);
		po->type = g->targs[i];
		id->ident.obj = po;
		if (id->ident.name != intern_cstr("_")) scope_insert(s, po);
	}
	return s;
}

/* x[T...] with x a generic type: the identity instantiation only */
bool check_generic_index(Checker *c, Node *n)
{
	Node *x = n->index.x;
	if (x->tv.mode == MODE_VALUE && x->tv.type && x->tv.type->kind == TY_FUNC && x->tv.type->ntparams > 0 &&
	    x->tv.ntargs == 0)
		return func_index(c, n);
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

/* forgets every instance and package (they live in perm, which the caller resets next) */
void check_generic_reset(void)
{
	instances = NULL;
	ninstances = 0;
	nready = 0;
	cycle_reported = false;
	ncyclic = 0;
}
