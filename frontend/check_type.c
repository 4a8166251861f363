/* check_type.c: type expressions, struct/interface/func types, signatures. */
#include "frontend.h"

#include <stdlib.h>
#include <string.h>


static Type *bad(Node *n)
{
	n->tv.mode = MODE_INVALID;
	n->tv.type = types_basic[TY_INVALID];
	return n->tv.type;
}

static Type *done(Node *n, Type *t)
{
	n->tv.mode = MODE_TYPE;
	n->tv.type = t;
	return t;
}

static Type *struct_type(Checker *c, Node *n)
{
	Type *t = type_new(TY_STRUCT);
	int cnt = 0;
	for (int i = 0; i < n->structtype.fields.n; i++) {
		Node *f = n->structtype.fields.v[i];
		cnt += f->field.names.n ? f->field.names.n : 1;
	}
	t->fields = arena_alloc(&perm, sizeof(Field) * (cnt + 1));
	Scope *seen = scope_new(NULL, NULL);
	for (int i = 0; i < n->structtype.fields.n; i++) {
		Node *f = n->structtype.fields.v[i];
		Type *ft = check_type(c, f->field.type);
		const char *tag = NULL;
		if (f->field.tag) {
			size_t len;
			tag = const_unquote(f->field.tag->lit.raw, f->field.tag->lit.len, &len);
		}
		if (f->field.names.n == 0) {
			/* embedded field: T, *T, pkg.T, *pkg.T; its name is the type name */
			Node *tn = ast_unparen(f->field.type);
			if (tn->kind == N_STAR) tn = ast_unparen(tn->unary.x);
			if (tn->kind == N_INDEX) tn = tn->index.x;
			const char *name = tn->kind == N_SELECTOR ? tn->selector.sel->ident.name
			                 : tn->kind == N_IDENT ? tn->ident.name : intern_cstr("?");
			check_later_embedded(ft, node_startpos(f->field.type));
			Field *fl = &t->fields[t->nfields++];
			fl->name = name;
			fl->type = ft;
			fl->embedded = true;
			fl->tag = tag;
			fl->pos = node_startpos(f->field.type);
			fl->obj = obj_new(OBJ_VAR, name, fl->pos, c->pkg);
			fl->obj->type = ft;
			fl->obj->field = fl->obj->embedded = true;
			if (name != intern_cstr("_") && scope_insert(seen, obj_new(OBJ_VAR, name, fl->pos, NULL)))
				check_errorf(c, fl->pos, "%s redeclared", name);
			continue;
		}
		for (int k = 0; k < f->field.names.n; k++) {
			Node *id = f->field.names.v[k];
			Field *fl = &t->fields[t->nfields++];
			fl->name = id->ident.name;
			fl->type = ft;
			fl->tag = tag;
			fl->pos = id->pos;
			fl->obj = obj_new(OBJ_VAR, id->ident.name, id->pos, c->pkg);
			fl->obj->type = ft;
			fl->obj->field = true;
			id->ident.obj = fl->obj;
			if (fl->name != intern_cstr("_") && scope_insert(seen, obj_new(OBJ_VAR, fl->name, fl->pos, NULL)))
				check_errorf(c, id->pos, "%s redeclared", fl->name);
		}
	}
	return t;
}

static int cmp_method(const void *a, const void *b)
{
	return strcmp((*(Obj *const *)a)->name, (*(Obj *const *)b)->name);
}

/* complete the method set of an interface (embedded interfaces flattened);
 * embeds keeps the type elements only, its own and the embedded ones
 * (typeset.c intersects them) */
static void iface_complete(Checker *c, Type *t)
{
	if (t->complete) return;
	t->complete = true;
	int cap = t->nmethods + 8, n = t->nmethods;
	Obj **ms = arena_alloc(&perm, sizeof(Obj *) * cap);
	memcpy(ms, t->methods, sizeof(Obj *) * n);
	int tcap = t->nembeds + 8, nterms = 0;
	Type **terms = arena_alloc(&perm, sizeof(Type *) * tcap);
	for (int i = 0; i < t->nembeds; i++) {
		Type *e = t->embeds[i];
		Type *u = type_under(e);
		if (u->kind != TY_INTERFACE) {
			/* a type element (type or union) of a constraint interface */
			terms[nterms++] = e;
			continue;
		}
		iface_complete(c, u);
		t->is_comparable |= u->is_comparable;
		for (int k = 0; k < u->nmethods; k++) {
			bool dup = false;
			for (int j = 0; j < n; j++)
				if (ms[j]->name == u->methods[k]->name) dup = true;
			if (dup) continue;
			if (n == cap) {
				Obj **nm = arena_alloc(&perm, sizeof(Obj *) * cap * 2);
				memcpy(nm, ms, sizeof(Obj *) * n);
				ms = nm;
				cap *= 2;
			}
			ms[n++] = u->methods[k];
		}
		if (nterms + u->nembeds + t->nembeds > tcap) {
			int ncap = (nterms + u->nembeds + t->nembeds) * 2;
			Type **nt = arena_alloc(&perm, sizeof(Type *) * ncap);
			memcpy(nt, terms, sizeof(Type *) * nterms);
			terms = nt;
			tcap = ncap;
		}
		for (int k = 0; k < u->nembeds; k++) terms[nterms++] = u->embeds[k];
	}
	qsort(ms, n, sizeof(Obj *), cmp_method);
	t->methods = ms;
	t->nmethods = n;
	t->embeds = terms;
	t->nembeds = nterms;
}

static Type *interface_type(Checker *c, Node *n)
{
	Type *t = type_new(TY_INTERFACE);
	int cnt = n->ifacetype.elems.n;
	t->methods = arena_alloc(&perm, sizeof(Obj *) * (cnt + 1));
	t->embeds = arena_alloc(&perm, sizeof(Type *) * (cnt + 1));
	for (int i = 0; i < cnt; i++) {
		Node *f = n->ifacetype.elems.v[i];
		if (f->field.names.n) {
			Node *id = f->field.names.v[0];
			Scope *s = scope_new(c->scope, f);
			Type *sig = check_signature(c, f->field.type, NULL, s);
			Obj *m = obj_new(OBJ_FUNC, id->ident.name, id->pos, c->pkg);
			m->type = sig;
			id->ident.obj = m;
			for (int k = 0; k < t->nmethods; k++)
				if (t->methods[k]->name == m->name) check_errorf(c, id->pos, "duplicate method %s", m->name);
			t->methods[t->nmethods++] = m;
		} else {
			Type *e = check_type(c, f->field.type);
			if (e->kind == TY_NAMED && !e->underlying && e->obj) {
				/* a type being declared: the interface would contain itself (and
				 * copying its elements doubled per level: T2 interface{ T1; T1 }) */
				check_errorf(c, e->obj->pos, "invalid recursive type %s", e->obj->name);
				continue;
			}
			if (e->kind != TY_INVALID) t->embeds[t->nembeds++] = e;
		}
	}
	t->complete = false;
	iface_complete(c, t);
	return t;
}

static void union_terms(Checker *c, Node *n, Field *terms, int *k, int cap)
{
	if (n->kind == N_BINARY && n->binary.op == OP_OR) {
		union_terms(c, n->binary.x, terms, k, cap);
		union_terms(c, n->binary.y, terms, k, cap);
		return;
	}
	bool tilde = n->kind == N_UNARY && n->unary.op == OP_TILDE;
	Node *tn = tilde ? n->unary.x : n;
	Type *t = check_type(c, tn);
	if (t->kind == TY_INVALID || *k == cap) return;
	Type *u = type_under(t);
	if (u->kind == TY_TYPEPARAM) {
		check_errorf(c, node_startpos(tn), tilde ? "type in term %s cannot be a type parameter"
		                                          : "term cannot be a type parameter", ast_string(n));
		return;
	}
	if (tilde && !type_identical(t, u)) {
		check_errorf(c, node_startpos(n), "invalid use of ~ (underlying type of %s is %s)", type_string(t, c->pkg),
		             type_string(u, c->pkg));
		return;
	}
	if (u->kind == TY_INTERFACE && (tilde || u->nmethods || u->is_comparable)) {
		if (u->is_comparable && !u->nmethods)
			check_errorf(c, node_startpos(tn), "cannot use comparable in union");
		else if (!tilde)
			check_errorf(c, node_startpos(tn), "cannot use %s in union (%s contains methods)", type_string(t, c->pkg),
			             type_string(t, c->pkg));
		else
			check_errorf(c, node_startpos(n), "invalid use of ~ (%s is an interface)", type_string(t, c->pkg));
		return;
	}
	terms[*k].type = t;
	terms[*k].embedded = tilde;
	terms[*k].pos = node_startpos(n);
	(*k)++;
}

static int count_terms(Node *n)
{
	if (n->kind == N_BINARY && n->binary.op == OP_OR) return count_terms(n->binary.x) + count_terms(n->binary.y);
	return 1;
}

/* t1 | ~t2 | ... (or a single ~t): a constraint union */
static Type *union_type(Checker *c, Node *n)
{
	int cap = count_terms(n);
	Type *t = type_new(TY_UNION);
	t->fields = arena_alloc(&perm, sizeof(Field) * (size_t)(cap + 1));
	union_terms(c, n, t->fields, &t->nfields, cap);
	return t;
}

static int64_t array_length(Checker *c, Node *len)
{
	/* types2: a name that is not a constant may be a type parameter list
	 * missing its constraint; it is not evaluated (nor marked used) */
	if (len->kind == N_IDENT) {
		Obj *o = scope_lookup(c->scope, len->ident.name, NULL);
		if (!o) {
			check_errorf(c, len->pos, "undeclared name %s for array length", len->ident.name);
			return -1;
		}
		if (o->kind != OBJ_CONST) {
			check_errorf(c, len->pos, "invalid array length %s", len->ident.name);
			return -1;
		}
	}
	check_expr(c, len, NULL);
	if (len->tv.mode == MODE_INVALID) return -1;
	if (len->tv.mode != MODE_CONST) {
		if (len->tv.mode == MODE_TYPE) check_errorf(c, node_startpos(len), "invalid array length %s", ast_string(len));
		else check_errorf(c, node_startpos(len), "array length %s must be constant", check_describe(c, len));
		return -1;
	}
	Const *iv = const_to_int(len->tv.val);
	if (!iv || len->tv.val->kind == CONST_STRING || len->tv.val->kind == CONST_BOOL ||
	    (!type_is_untyped(len->tv.type) && !type_is_integer(len->tv.type))) {
		check_errorf(c, node_startpos(len), "array length %s must be integer", check_describe(c, len));
		return -1;
	}
	if (const_sign(iv) < 0 || const_bitlen(iv) > 62) {
		check_errorf(c, node_startpos(len), "invalid array length %s", check_describe(c, len));
		return -1;
	}
	if (type_is_untyped(len->tv.type)) {
		len->tv.val = iv;
		check_convert_untyped(c, len, types_basic[TY_INT]);
	}
	return const_int64(iv);
}

static Type *type_expr(Checker *c, Node *n)
{
	switch (n->kind) {
	case N_IDENT:
	case N_SELECTOR:
		check_expr_or_type(c, n);
		if (n->tv.mode == MODE_INVALID) return n->tv.type;
		if (n->tv.mode != MODE_TYPE) {
			check_errorf(c, node_startpos(n), "%s is not a type", ast_string(n));
			return bad(n);
		}
		return n->tv.type;
	case N_PAREN: {
		Type *t = check_type(c, n->unary.x);
		n->tv = n->unary.x->tv;
		return t;
	}
	case N_STAR: {
		Type *e = check_type(c, n->unary.x);
		if (e->kind == TY_INVALID) return bad(n);
		return done(n, type_pointer(e));
	}
	case N_ARRAYTYPE: {
		if (!n->arraytype.len) {
			Type *e = check_type(c, n->arraytype.elem);
			return done(n, type_slice(e));
		}
		if (n->arraytype.len->kind == N_ELLIPSIS) {
			check_errorf(c, n->pos, "invalid use of [...] array (outside a composite literal)");
			check_type(c, n->arraytype.elem);
			return bad(n);
		}
		int64_t len = array_length(c, n->arraytype.len);
		Type *e = check_type(c, n->arraytype.elem);
		if (len < 0) return bad(n);
		Type *at = type_array(e, len);
		check_later_array(at, node_startpos(n));
		return done(n, at);
	}
	case N_MAPTYPE: {
		Type *k = check_type(c, n->maptype.key), *v = check_type(c, n->maptype.value);
		if (k->kind != TY_INVALID) check_later_map_key(k, node_startpos(n->maptype.key));
		return done(n, type_map(k, v));
	}
	case N_CHANTYPE: {
		Type *elem = check_type(c, n->chantype.elem);
		check_later_chan_elem(elem, node_startpos(n));
		return done(n, type_chan(elem, n->chantype.dir));
	}
	case N_FUNCTYPE: {
		Scope *s = scope_new(c->scope, n);
		return done(n, check_signature(c, n, NULL, s));
	}
	case N_STRUCTTYPE:
		return done(n, struct_type(c, n));
	case N_INTERFACETYPE:
		return done(n, interface_type(c, n));
	case N_BINARY:
	case N_UNARY:
		if ((n->kind == N_UNARY && n->unary.op == OP_TILDE) || (n->kind == N_BINARY && n->binary.op == OP_OR))
			return done(n, union_type(c, n));
		/* fallthrough */
	default:
		check_expr_or_type(c, n);
		if (n->tv.mode == MODE_INVALID) return n->tv.type;
		if (n->tv.mode != MODE_TYPE) {
			check_errorf(c, node_startpos(n), "%s is not a type", ast_string(n));
			return bad(n);
		}
		return n->tv.type;
	}
}

/* check a type expression; never NULL (invalid types are TY_INVALID) */
Type *check_type(Checker *c, Node *n)
{
	Type *t = type_expr(c, n);
	if (!t) t = bad(n);
	return t;
}

static Field *collect_params(Checker *c, NodeList *l, Scope *scope, int *count, bool *variadic, bool results)
{
	int cnt = 0;
	for (int i = 0; i < l->n; i++) cnt += l->v[i]->field.names.n ? l->v[i]->field.names.n : 1;
	Field *fs = arena_alloc(&perm, sizeof(Field) * (cnt + 1));
	int k = 0;
	for (int i = 0; i < l->n; i++) {
		Node *f = l->v[i];
		Node *tn = f->field.type;
		Type *t;
		if (tn->kind == N_ELLIPSIS) {
			if (results || i != l->n - 1 || f->field.names.n > 1) {
				check_errorf(c, tn->pos, "can only use ... with final parameter in list");
				t = type_slice(check_type(c, tn->ellipsis.elem));
			} else {
				t = type_slice(check_type(c, tn->ellipsis.elem));
				*variadic = true;
			}
			tn->tv.mode = MODE_TYPE;
			tn->tv.type = t;
		} else {
			t = check_type(c, tn);
		}
		if (!f->field.names.n) {
			fs[k].type = t;
			fs[k].pos = node_startpos(tn);
			k++;
			continue;
		}
		for (int j = 0; j < f->field.names.n; j++) {
			Node *id = f->field.names.v[j];
			Obj *o = obj_new(OBJ_VAR, id->ident.name, id->pos, c->pkg);
			o->type = t;
			o->param = true;
			o->used = true;
			o->decl = id;
			id->ident.obj = o;
			fs[k].name = id->ident.name;
			fs[k].type = t;
			fs[k].obj = o;
			fs[k].pos = id->pos;
			k++;
			if (scope && id->ident.name != intern_cstr("_")) {
				Obj *prev = scope_insert(scope, o);
				if (prev) check_errorf(c, id->pos, "duplicate argument %s", id->ident.name);
			}
		}
	}
	*count = k;
	return fs;
}

/* Build the signature of a N_FUNCTYPE; parameters are declared in scope. */
Type *check_signature(Checker *c, Node *ftype, Node *recv, Scope *scope)
{
	Type *t = type_new(TY_FUNC);
	Scope *saved = c->scope;
	if (ftype->functype.tparams.n) {
		/* type parameters: a scope between the enclosing one and the parameters' */
		Scope *ts = scope_new(c->scope, ftype);
		if (scope && scope->parent == c->scope) scope->parent = ts;
		check_func_tparams(c, &ftype->functype.tparams, ts, t);
		c->scope = ts;
	}
	if (recv) {
		NodeList l = {.v = &recv, .n = 1};
		int n;
		bool v = false;
		Field *rf = collect_params(c, &l, scope, &n, &v, false);
		t->recv = rf;
	}
	bool variadic = false, dummy = false;
	t->fields = collect_params(c, &ftype->functype.params, scope, &t->nfields, &variadic, false);
	t->variadic = variadic;
	t->results = collect_params(c, &ftype->functype.results, scope, &t->nresults, &dummy, true);
	c->scope = saved;
	return t;
}
