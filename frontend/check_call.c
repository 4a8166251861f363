/*
 * check_call.c: calls, conversions, builtin functions and selectors
 * (fields, methods and promoted members through embedded fields).
 */
#include "frontend.h"

#include <string.h>

void check_default_untyped(Checker *c, Node *n);

static Type *core_under(Type *t);

static void invalid(Node *n)
{
	n->tv.mode = MODE_INVALID;
	n->tv.type = types_basic[TY_INVALID];
	n->tv.val = NULL;
}

static bool is_invalid(Node *n) { return n->tv.mode == MODE_INVALID; }

/* ------------------------------------------------------------ lookup */

typedef struct Found {
	Obj *obj;
	int path[16];
	int npath;
	bool indirect;
	int depth;
	int count;              /* objects found at the shallowest depth (ambiguity) */
} Found;

static bool exported(const char *name) { return name[0] >= 'A' && name[0] <= 'Z'; }

static bool same_name(Obj *o, Package *pkg, const char *name)
{
	if (o->name != name) return false;
	return exported(name) || !o->pkg || !pkg || o->pkg == pkg;
}

static void search(Type *t, Package *pkg, const char *name, int depth, int *path, int npath, bool indirect,
                   Found *best)
{
	if (depth > 8 || (best->obj && depth > best->depth)) return;
	bool ind = indirect;
	Type *named = t;
	if (type_under(t)->kind == TY_POINTER && depth > 0) {
		named = type_under(t)->elem;
		ind = true;
	}
	if (named->kind == TY_NAMED) {
		for (int i = 0; i < named->nmethods; i++) {
			Obj *m = named->methods[i];
			if (same_name(m, pkg, name)) {
				if (best->obj && best->depth == depth && best->obj != m) {
					best->count++;
					return;
				}
				best->obj = m;
				best->depth = depth;
				memcpy(best->path, path, sizeof(int) * npath);
				best->npath = npath;
				best->indirect = ind;
				best->count = 1;
				return;
			}
		}
	}
	Type *u = type_under(named);
	if (u->kind == TY_TYPEPARAM && u->constraint) u = type_under(u->constraint);   /* methods of the constraint */
	if (u->kind == TY_INTERFACE) {
		for (int i = 0; i < u->nmethods; i++) {
			if (same_name(u->methods[i], pkg, name)) {
				if (best->obj && best->depth == depth) {
					best->count++;
					return;
				}
				best->obj = u->methods[i];
				best->depth = depth;
				memcpy(best->path, path, sizeof(int) * npath);
				best->npath = npath;
				best->indirect = ind;
				best->count = 1;
			}
		}
		return;
	}
	if (u->kind != TY_STRUCT) return;
	for (int i = 0; i < u->nfields; i++) {
		Field *f = &u->fields[i];
		if (f->name && same_name(f->obj, pkg, name)) {
			path[npath] = i;
			if (best->obj && best->depth == depth) {
				best->count++;
				return;
			}
			best->obj = f->obj;
			best->depth = depth;
			memcpy(best->path, path, sizeof(int) * (npath + 1));
			best->npath = npath + 1;
			best->indirect = ind;
			best->count = 1;
		}
	}
	for (int i = 0; i < u->nfields; i++) {
		Field *f = &u->fields[i];
		if (!f->embedded || npath >= 15) continue;
		path[npath] = i;
		search(f->type, pkg, name, depth + 1, path, npath + 1, ind, best);
	}
}

/* Find field or method name in t (which may be a pointer to a named type). */
Obj *lookup_field_or_method(Type *t, bool addressable, Package *pkg, const char *name, int **path, int *npath,
                            bool *indirect)
{
	Found best = {0};
	int tmp[16];
	bool ind = false;
	Type *base = t;
	if (name == intern_cstr("_")) return NULL; /* blank fields and methods cannot be selected */
	if (t->kind != TY_NAMED && type_under(t)->kind == TY_POINTER) {
		base = type_under(t)->elem;
		ind = true;
	} else if (t->kind == TY_NAMED && type_under(t)->kind == TY_POINTER) {
		/* a named pointer type has no methods, but fields of *T are reachable */
		base = type_under(t)->elem;
		ind = true;
	}
	/* breadth-first by depth: try increasing maximum depths */
	for (int d = 0; d <= 8 && !best.obj; d++) {
		Found f = {0};
		f.depth = d;
		search(base, pkg, name, 0, tmp, 0, ind, &f);
		if (f.obj) best = f;
		break;
	}
	if (!best.obj || best.count > 1) return NULL;
	if (t->kind == TY_NAMED && type_under(t)->kind == TY_POINTER && best.obj->kind == OBJ_FUNC) return NULL;
	*path = arena_alloc(&perm, sizeof(int) * (best.npath + 1));
	memcpy(*path, best.path, sizeof(int) * best.npath);
	*npath = best.npath;
	*indirect = best.indirect;
	return best.obj;
}

void check_selector(Checker *c, Node *n)
{
	Node *x = n->selector.x, *sel = n->selector.sel;
	const char *name = sel->ident.name;
	/* qualified identifier pkg.Name */
	if (x->kind == N_IDENT) {
		Obj *po = scope_lookup(c->scope, x->ident.name, NULL);
		if (po && po->kind == OBJ_PKGNAME) {
			po->used = true;
			x->ident.obj = po;
			Package *p = po->imported;
			Obj *o = p ? scope_lookup_local(p->scope, name) : NULL;
			if (!o || (!exported(name) && !p->is_unsafe)) {
				/* gc only sees exported objects in export data: "undefined" either way */
				check_errorf(c, sel->pos, "undefined: %s.%s", x->ident.name, name);
				invalid(n);
				return;
			}
			sel->ident.obj = o;
			Selection *s = arena_alloc(&perm, sizeof *s);
			s->kind = SEL_PKG;
			s->obj = o;
			n->selector.info = s;
			switch (o->kind) {
			case OBJ_CONST: n->tv.mode = MODE_CONST; n->tv.type = o->type; n->tv.val = o->val; break;
			case OBJ_TYPE: n->tv.mode = MODE_TYPE; n->tv.type = o->type; break;
			case OBJ_VAR: n->tv.mode = MODE_VAR; n->tv.type = o->type; break;
			case OBJ_FUNC: n->tv.mode = MODE_VALUE; n->tv.type = o->type; break;
			case OBJ_BUILTIN: n->tv.mode = MODE_BUILTIN; n->tv.type = types_basic[TY_INVALID]; break;
			default: invalid(n); break;
			}
			if (!n->tv.type) invalid(n);
			return;
		}
	}
	check_expr_or_type(c, x);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	if (x->tv.mode == MODE_TYPE) {
		/* method expression T.m */
		int *path, npath;
		bool indirect;
		Obj *m = lookup_field_or_method(x->tv.type, false, c->pkg, name, &path, &npath, &indirect);
		if (!m || m->kind != OBJ_FUNC) {
			check_errorf(c, sel->pos, "%s undefined (type %s has no method %s)", ast_string(n),
			             type_string(x->tv.type, c->pkg), name);
			invalid(n);
			return;
		}
		Selection *s = arena_alloc(&perm, sizeof *s);
		s->kind = SEL_METHODEXPR;
		s->obj = m;
		s->recv = x->tv.type;
		s->path = path;
		s->npath = npath;
		s->indirect = indirect;
		n->selector.info = s;
		/* func(recv, params...) results */
		Type *mt = m->type, *f = type_new(TY_FUNC);
		f->nfields = mt->nfields + 1;
		f->fields = arena_alloc(&perm, sizeof(Field) * f->nfields);
		f->fields[0].type = x->tv.type;
		memcpy(f->fields + 1, mt->fields, sizeof(Field) * mt->nfields);
		f->results = mt->results;
		f->nresults = mt->nresults;
		f->variadic = mt->variadic;
		n->tv.mode = MODE_VALUE;
		n->tv.type = f;
		return;
	}
	if (x->tv.mode == MODE_NOVALUE || x->tv.mode == MODE_BUILTIN) {
		check_use(c, x);
		invalid(n);
		return;
	}
	int *path, npath;
	bool indirect;
	Type *xt = x->tv.type;
	Obj *o = lookup_field_or_method(xt, x->tv.mode == MODE_VAR, c->pkg, name, &path, &npath, &indirect);
	if (!o) {
		const char *what = "field or method";
		if (type_under(xt)->kind == TY_POINTER && type_under(type_under(xt)->elem)->kind == TY_POINTER)
			check_errorf(c, sel->pos, "%s undefined (type %s has no field or method %s)", ast_string(n),
			             type_string(xt, c->pkg), name);
		else
			check_errorf(c, sel->pos, "%s undefined (type %s has no %s %s)", ast_string(n), type_string(xt, c->pkg),
			             what, name);
		invalid(n);
		return;
	}
	Selection *s = arena_alloc(&perm, sizeof *s);
	s->obj = o;
	s->recv = xt;
	s->path = path;
	s->npath = npath;
	s->indirect = indirect;
	n->selector.info = s;
	sel->ident.obj = o;
	if (o->kind == OBJ_VAR) {
		s->kind = SEL_FIELD;
		n->tv.mode = (x->tv.mode == MODE_VAR || indirect) ? MODE_VAR : MODE_VALUE;
		n->tv.type = o->type;
		return;
	}
	s->kind = type_is_interface(xt) || (o->type && !o->type->recv) ? SEL_IFACE : SEL_METHOD;
	if (s->kind == SEL_METHOD && o->type->recv && type_under(o->type->recv->type)->kind == TY_POINTER && !indirect &&
	    type_under(xt)->kind != TY_POINTER) {
		if (x->tv.mode != MODE_VAR) {
			check_errorf(c, sel->pos, "cannot call pointer method %s on %s", name, type_string(xt, c->pkg));
			invalid(n);
			return;
		}
		check_mark_addrtaken(x);
	}
	n->tv.mode = MODE_VALUE;
	n->tv.type = o->type;
	if (o->type && o->type->recv) {
		/* the method value x.m: the signature without the receiver */
		Type *mt = o->type, *f = type_new(TY_FUNC);
		f->fields = mt->fields;
		f->nfields = mt->nfields;
		f->results = mt->results;
		f->nresults = mt->nresults;
		f->variadic = mt->variadic;
		n->tv.type = f;
	}
}

/* ------------------------------------------------------------ conversions */

static bool convertible(Type *from, Type *to);

/* conversions involving type parameters hold for every pair of their types */
static bool convertible_tparams(Type *from, Type *to)
{
	Type *fu = type_under(from), *tu = type_under(to);
	TypeSet one_f = {.nterms = 1, .terms = &(Term){from, false}};
	TypeSet one_t = {.nterms = 1, .terms = &(Term){to, false}};
	TypeSet *fs = fu->kind == TY_TYPEPARAM ? typeparam_typeset(fu) : &one_f;
	TypeSet *ts = tu->kind == TY_TYPEPARAM ? typeparam_typeset(tu) : &one_t;
	if (fs->all || !fs->nterms || ts->all || !ts->nterms) return false;
	for (int i = 0; i < fs->nterms; i++)
		for (int k = 0; k < ts->nterms; k++)
			if (!convertible(fs->terms[i].type, ts->terms[k].type)) return false;
	return true;
}

static bool convertible(Type *from, Type *to)
{
	Type *fu = type_under(from), *tu = type_under(to);
	if (type_identical_ignore_tags(fu, tu)) return true;
	if (tu->kind == TY_INTERFACE) return true; /* checked by assignability */
	if (fu->kind == TY_TYPEPARAM || tu->kind == TY_TYPEPARAM) return convertible_tparams(from, to);
	if (from->kind == TY_POINTER && to->kind == TY_POINTER && /* unnamed pointer types only */
	    type_identical_ignore_tags(type_under(fu->elem), type_under(tu->elem)))
		return true;
	if (type_is_numeric(fu) && type_is_numeric(tu)) {
		return (type_is_complex(fu) == type_is_complex(tu));
	}
	if (type_is_string(tu) && type_is_integer(fu)) return true;
	if (type_is_string(tu) && fu->kind == TY_SLICE) {
		TypeKind ek = type_under(fu->elem)->kind;
		return ek == TY_UINT8 || ek == TY_INT32;
	}
	if (type_is_string(fu) && tu->kind == TY_SLICE) {
		TypeKind ek = type_under(tu->elem)->kind;
		return ek == TY_UINT8 || ek == TY_INT32;
	}
	if ((fu->kind == TY_UNSAFEPTR && (tu->kind == TY_POINTER || tu->kind == TY_UINTPTR)) ||
	    (tu->kind == TY_UNSAFEPTR && (fu->kind == TY_POINTER || fu->kind == TY_UINTPTR)))
		return true;
	if (fu->kind == TY_SLICE && tu->kind == TY_POINTER && type_under(tu->elem)->kind == TY_ARRAY &&
	    type_identical(fu->elem, type_under(tu->elem)->elem))
		return true;
	/* assignable: a bidirectional channel to a directional one of its element type */
	if (fu->kind == TY_CHAN && tu->kind == TY_CHAN && fu->dir == CHAN_BOTH && type_identical(fu->elem, tu->elem) &&
	    (from->kind != TY_NAMED || to->kind != TY_NAMED))
		return true;
	return false;
}

/* types2's isValidIndex for the checked expression x: an untyped constant
 * becomes an int; x must be an integer, a constant one non-negative (unless
 * allowneg) and representable as an int */
bool check_valid_index(Checker *c, Node *x, const char *what, bool allowneg)
{
	if (is_invalid(x)) return false;
	if (type_is_untyped(x->tv.type)) {
		check_convert_untyped(c, x, types_basic[TY_INT]);
		if (is_invalid(x)) return false;
	}
	if (!type_is_integer(x->tv.type)) {
		check_errorf(c, node_startpos(x), "invalid argument: %s %s must be integer", what, check_describe(c, x));
		return false;
	}
	if (x->tv.mode == MODE_CONST) {
		Const *r;
		if (!allowneg && const_sign(x->tv.val) < 0) {
			check_errorf(c, node_startpos(x), "invalid argument: %s %s must not be negative", what, check_describe(c, x));
			return false;
		}
		if (!const_representable(x->tv.val, TY_INT, &r)) {
			check_errorf(c, node_startpos(x), "invalid argument: %s %s overflows int", what, check_describe(c, x));
			return false;
		}
	}
	return true;
}

static void check_conversion(Checker *c, Node *n, Type *t)
{
	if (n->call.args.n != 1) {
		check_errorf(c, n->call.args.n ? node_startpos(n->call.args.v[1]) : n->call.rparen,
		             n->call.args.n ? "too many arguments in conversion to %s" : "missing argument in conversion to %s",
		             type_string(t, c->pkg));
		for (int i = 0; i < n->call.args.n; i++) check_expr(c, n->call.args.v[i], NULL);
		invalid(n);
		return;
	}
	Node *x = n->call.args.v[0];
	check_expr(c, x, t);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	check_use(c, x);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	Type *tu = type_under(t);
	const char *xdesc = check_describe(c, x); /* before untyped operands get a type */
	if (x->tv.mode == MODE_CONST && type_is_basic(tu) && tu->kind != TY_UNSAFEPTR) {
		Const *v = x->tv.val, *r;
		if (type_is_string(tu) && type_is_integer(x->tv.type)) {
			/* string(rune) */
			Const *iv = const_to_int(v);
			int64_t cp = iv ? const_int64(iv) : 0xFFFD;
			if (!iv || cp < 0 || cp > 0x10FFFF || const_bitlen(iv) > 63) cp = 0xFFFD;
			char buf[4];
			size_t len = utf8_encode_rune(buf, (uint32_t)cp);
			n->tv.mode = MODE_CONST;
			n->tv.type = t;
			n->tv.val = const_make_string(arena_strndup(&perm, buf, len), len);
			/* string(1<<100) is "\uFFFD": no overflow error for the operand */
			if (iv && const_bitlen(iv) > 63 && type_is_untyped(x->tv.type)) x->tv.type = types_basic[TY_INT];
			else check_default_untyped(c, x);
			return;
		}
		/* constant conversions between numeric types only need representability */
		bool ok = convertible(x->tv.type, t) || type_is_untyped(x->tv.type) ||
		          (type_is_numeric(tu) && type_is_numeric(x->tv.type));
		if (ok && const_representable(v, tu->kind, &r)) {
			n->tv.mode = MODE_CONST;
			n->tv.type = t;
			n->tv.val = r;
			if (type_is_untyped(x->tv.type)) {
				x->tv.type = type_is_numeric(tu) && type_is_numeric(x->tv.type) ? t : type_default(x->tv.type);
				if (type_is_numeric(tu) != type_is_numeric(x->tv.type)) x->tv.type = t;
			}
			return;
		}
		if (ok && type_is_numeric(tu) && (v->kind == CONST_INT || v->kind == CONST_FLOAT || v->kind == CONST_COMPLEX)) {
			check_errorf(c, node_startpos(x), "cannot convert %s to type %s", check_describe(c, x),
			             type_string(t, c->pkg));
			invalid(n);
			return;
		}
	}
	if (type_is_untyped(x->tv.type)) {
		if (x->tv.type->kind == TY_UNTYPED_NIL) {
			if (!type_has_nil(tu)) {
				check_errorf(c, node_startpos(x), "cannot convert nil to type %s", type_string(t, c->pkg));
				invalid(n);
				return;
			}
			x->tv.type = t;
		} else if (type_is_numeric(x->tv.type) && type_is_numeric(tu)) {
			check_convert_untyped(c, x, t);
		} else if (x->tv.mode != MODE_CONST && type_is_basic(tu) && ast_unparen(x)->kind == N_BINARY &&
		           (ast_unparen(x)->binary.op == OP_SHL || ast_unparen(x)->binary.op == OP_SHR)) {
			check_convert_untyped(c, x, t); /* string(1 << s): the shift takes type string */
		} else {
			check_default_untyped(c, x);
		}
		if (is_invalid(x)) {
			invalid(n);
			return;
		}
	}
	if (!convertible(x->tv.type, t)) {
		check_errorf(c, node_startpos(x), "cannot convert %s to type %s", xdesc, type_string(t, c->pkg));
		invalid(n);
		return;
	}
	const char *missing = NULL;
	if (tu->kind == TY_INTERFACE && x->tv.type->kind != TY_UNTYPED_NIL && !check_implements(x->tv.type, tu, &missing)) {
		check_errorf(c, node_startpos(x), "cannot convert %s to type %s:\n\t%s does not implement %s (missing %s method)",
		             xdesc, type_string(t, c->pkg), type_string(x->tv.type, c->pkg), type_string(t, c->pkg),
		             missing ? missing : "?");
		invalid(n);
		return;
	}
	n->tv.mode = MODE_VALUE;
	n->tv.type = t;
}

/* ------------------------------------------------------------ calls */

/* evaluated: the arguments were checked already (generic calls infer from them) */
static void check_args(Checker *c, Node *n, Type *sig, bool evaluated)
{
	NodeList *args = &n->call.args;
	int np = sig->nfields;
	char ctx[300];
	snprintf(ctx, sizeof ctx, "argument to %s", ast_string(n->call.fun));
	/* f(g()) where g returns several values */
	if (args->n == 1 && !n->call.dots) {
		Node *a = args->v[0];
		if (!evaluated) check_multi(c, a);
		if (is_invalid(a)) return;
		if (a->tv.type && a->tv.type->kind == TY_TUPLE) {
			Type *tt = a->tv.type;
			bool ok = sig->variadic ? tt->nfields >= np - 1 : tt->nfields == np;
			if (!ok) {
				check_errorf(c, tt->nfields < np ? n->call.rparen : node_startpos(a), "%s arguments in call to %s\n\thave %s\n\twant %s",
				             tt->nfields < np ? "not enough" : "too many", ast_string(n->call.fun),
				             type_string(tt, c->pkg), type_string(type_tuple(sig->fields, np), c->pkg));
				return;
			}
			for (int i = 0; i < tt->nfields; i++) {
				Type *pt = i < np - (sig->variadic ? 1 : 0) ? sig->fields[i].type : sig->fields[np - 1].type->elem;
				Node tmp = {.kind = N_BAD, .pos = a->pos};
				tmp.tv.mode = MODE_VALUE;
				tmp.tv.type = tt->fields[i].type;
				check_assignable(c, &tmp, pt, ctx);
			}
			return;
		}
	}
	int nfixed = sig->variadic ? np - 1 : np;
	Type **pts = arena_alloc(&perm, sizeof(Type *) * (args->n + 1));
	for (int i = 0; i < args->n; i++) {
		Node *a = args->v[i];
		if (i < nfixed) pts[i] = sig->fields[i].type;
		else if (sig->variadic) pts[i] = n->call.dots ? sig->fields[np - 1].type : sig->fields[np - 1].type->elem;
		if (!evaluated) {
			if (!(args->n == 1 && !n->call.dots && i == 0)) check_expr(c, a, pts[i]);
			if (!is_invalid(a)) check_use(c, a);
		}
	}
	if (n->call.dots && !sig->variadic) {
		check_errorf(c, n->call.rparen, "have (...) but function is not variadic: %s", ast_string(n->call.fun));
		return;
	}
	if (args->n < nfixed || (!sig->variadic && args->n > np) || (n->call.dots && args->n != np)) {
		bool few = args->n < nfixed;
		const char *wantstr = type_string(type_tuple(sig->fields, np), c->pkg);
		if (sig->variadic) {
			/* print the variadic parameter as ...T */
			Type *tmp = type_new(TY_FUNC);
			tmp->fields = sig->fields;
			tmp->nfields = np;
			tmp->variadic = true;
			wantstr = type_string(tmp, c->pkg) + 4;
		}
		few = few || args->n <= np;
		check_errorf(c, few ? n->call.rparen : node_startpos(args->v[np]), "%s arguments in call to %s\n\thave %s\n\twant %s",
		             few ? "not enough" : "too many", ast_string(n->call.fun), check_values_string(c, args), wantstr);
		return;
	}
	for (int i = 0; i < args->n; i++)
		if (pts[i] && !is_invalid(args->v[i])) check_assignable(c, args->v[i], pts[i], ctx);
}

void check_call(Checker *c, Node *n)
{
	Node *fun = n->call.fun;
	check_expr_or_type(c, fun);
	if (is_invalid(fun)) {
		for (int i = 0; i < n->call.args.n; i++) check_expr_or_type(c, n->call.args.v[i]);
		invalid(n);
		return;
	}
	if (fun->tv.mode == MODE_TYPE) {
		check_conversion(c, n, fun->tv.type);
		return;
	}
	if (fun->tv.mode == MODE_BUILTIN) {
		Node *id = ast_unparen(fun);
		Obj *o = id->kind == N_IDENT ? id->ident.obj : id->selector.sel->ident.obj;
		if (!check_builtin(c, n, o->builtin)) invalid(n);
		return;
	}
	Type *ft = core_under(fun->tv.type);
	if (ft->kind != TY_FUNC) {
		check_errorf(c, n->pos, "invalid operation: cannot call non-function %s", check_describe(c, fun));
		for (int i = 0; i < n->call.args.n; i++) check_expr_or_type(c, n->call.args.v[i]);
		invalid(n);
		return;
	}
	if (ft->ntparams > 0) {
		/* a generic function: infer its type arguments from the arguments */
		NodeList *args = &n->call.args;
		for (int i = 0; i < args->n; i++) {
			Node *a = args->v[i];
			if (args->n == 1 && !n->call.dots) check_multi(c, a);
			else check_expr(c, a, NULL);
			if (!is_invalid(a)) check_use(c, a);
			if (!is_invalid(a) && a->tv.type && a->tv.type->kind == TY_TUPLE && args->n != 1) invalid(a);
		}
		Type **targs = NULL;
		Type *inst = check_infer_call(c, n, ft, fun->tv.targs, fun->tv.ntargs, &targs);
		if (!inst) {
			invalid(n);
			return;
		}
		fun->tv.type = inst;
		fun->tv.targs = targs;
		fun->tv.ntargs = ft->ntparams;
		ft = inst;
		check_args(c, n, ft, true);
	} else {
		check_args(c, n, ft, false);
	}
	if (ft->nresults == 0) {
		n->tv.mode = MODE_NOVALUE;
		n->tv.type = type_tuple(NULL, 0);
	} else if (ft->nresults == 1) {
		n->tv.mode = MODE_VALUE;
		n->tv.type = ft->results[0].type;
	} else {
		n->tv.mode = MODE_VALUE;
		n->tv.type = type_tuple(ft->results, ft->nresults);
	}
}

/* ------------------------------------------------------------ builtins */

/* the underlying type, or a type parameter's core type (or the parameter itself without one) */
static Type *core_under(Type *t)
{
	Type *c = type_core(t);
	return c ? c : type_under(t);
}

static bool lennable(Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY) return true;
	return u->kind == TY_ARRAY || u->kind == TY_SLICE || u->kind == TY_CHAN || type_is_string(u) || u->kind == TY_MAP;
}

static bool capable(Type *t)
{
	Type *u = type_under(t);
	if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY) return true;
	return u->kind == TY_ARRAY || u->kind == TY_SLICE || u->kind == TY_CHAN;
}

static bool bytes_or_string(Type *t)
{
	Type *u = type_under(t);
	return type_is_string(u) || (u->kind == TY_SLICE && type_under(u->elem)->kind == TY_UINT8);
}

static const char *builtin_names[BI_COUNT] = {
	[BI_APPEND] = "append", [BI_CAP] = "cap", [BI_CLOSE] = "close", [BI_COMPLEX] = "complex",
	[BI_COPY] = "copy", [BI_DELETE] = "delete", [BI_IMAG] = "imag", [BI_LEN] = "len",
	[BI_MAKE] = "make", [BI_NEW] = "new", [BI_PANIC] = "panic", [BI_PRINT] = "print",
	[BI_PRINTLN] = "println", [BI_REAL] = "real", [BI_RECOVER] = "recover",
	[BI_ALIGNOF] = "unsafe.Alignof", [BI_OFFSETOF] = "unsafe.Offsetof", [BI_SIZEOF] = "unsafe.Sizeof",
	[BI_ADD] = "unsafe.Add", [BI_SLICE] = "unsafe.Slice",
};

static bool nargs(Checker *c, Node *n, Builtin b, int min, int max)
{
	int k = n->call.args.n;
	if (k < min || (max >= 0 && k > max)) {
		/* the arguments are still evaluated (their variables are used) */
		for (int i = 0; i < k; i++) check_expr_or_type(c, n->call.args.v[i]);
		Type *t0 = k == 1 ? n->call.args.v[0]->tv.type : NULL;
		/* f() with several results counts them (builtins taking a tuple check it themselves) */
		if (t0 && t0->kind == TY_TUPLE && (t0->nfields < min || (max >= 0 && t0->nfields > max))) k = t0->nfields;
		check_errorf(c, node_startpos(n), "invalid operation: %s arguments for %s (expected %d, found %d)",
		             k < min ? "not enough" : "too many", ast_string(n), k < min ? min : max, k);
		return false;
	}
	(void)b;
	return true;
}

static void set_value(Node *n, Type *t)
{
	n->tv.mode = MODE_VALUE;
	n->tv.type = t;
}

/* does the (checked) expression contain a function call that is not
 * constant or a receive? (len/cap of an array is then not constant) */
bool has_call_or_recv(Node *n)
{
	if (!n || n->tv.mode == MODE_CONST || n->tv.mode == MODE_TYPE) return false;
	switch (n->kind) {
	case N_CALL: {
		Node *f = ast_unparen(n->call.fun);
		if (f->tv.mode != MODE_TYPE) return true;       /* not a conversion */
		for (int i = 0; i < n->call.args.n; i++)
			if (has_call_or_recv(n->call.args.v[i])) return true;
		return false;
	}
	case N_UNARY:
		return n->unary.op == OP_ARROW || has_call_or_recv(n->unary.x);
	case N_PAREN: case N_STAR:
		return has_call_or_recv(n->unary.x);
	case N_BINARY: case N_KEYVALUE:
		return has_call_or_recv(n->binary.x) || has_call_or_recv(n->binary.y);
	case N_SELECTOR:
		return has_call_or_recv(n->selector.x);
	case N_INDEX:
		for (int i = 0; i < n->index.index.n; i++)
			if (has_call_or_recv(n->index.index.v[i])) return true;
		return has_call_or_recv(n->index.x);
	case N_SLICE:
		return has_call_or_recv(n->slice.x) || has_call_or_recv(n->slice.lo) || has_call_or_recv(n->slice.hi) ||
		       has_call_or_recv(n->slice.max);
	case N_TYPEASSERT:
		return has_call_or_recv(n->typeassert.x);
	case N_COMPOSITELIT:
		for (int i = 0; i < n->complit.elts.n; i++)
			if (has_call_or_recv(n->complit.elts.v[i])) return true;
		return false;
	default:
		return false;
	}
}

/* copy(f()) / delete(f()): the only argument is a call of a function with
 * two results: their tuple type; NULL when the call is not of that form;
 * PAIR_INVALID after an error */
#define PAIR_INVALID ((Type *)-1)
static Type *pair_call(Checker *c, Node *n, NodeList *a)
{
	(void)n;
	if (a->n != 1 || ast_unparen(a->v[0])->kind != N_CALL) return NULL;
	check_multi(c, a->v[0]);
	if (is_invalid(a->v[0])) return PAIR_INVALID;
	Type *tt = a->v[0]->tv.type;
	return tt && tt->kind == TY_TUPLE && tt->nfields == 2 ? tt : NULL;
}

bool check_builtin(Checker *c, Node *n, Builtin b)
{
	NodeList *a = &n->call.args;
	if (n->call.dots && b != BI_APPEND) {
		check_errorf(c, n->call.rparen, "invalid operation: invalid use of ... with built-in %s", builtin_names[b]);
		return false;
	}
	switch (b) {
	case BI_PRINT:
	case BI_PRINTLN:
		if (a->n == 1 && ast_unparen(a->v[0])->kind == N_CALL) {
			/* println(f()) with a multi-value f prints every result */
			check_multi(c, a->v[0]);
			Type *tt = a->v[0]->tv.type;
			if (!is_invalid(a->v[0]) && tt && tt->kind == TY_TUPLE && tt->nfields > 1) {
				n->tv.mode = MODE_NOVALUE;
				n->tv.type = type_tuple(NULL, 0);
				return true;
			}
		}
		for (int i = 0; i < a->n; i++) {
			if (!(a->n == 1 && ast_unparen(a->v[0])->kind == N_CALL)) check_expr(c, a->v[i], NULL);
			if (is_invalid(a->v[i])) continue;
			check_use(c, a->v[i]);
			if (a->v[i]->tv.type->kind == TY_UNTYPED_NIL) {
				check_errorf(c, node_startpos(a->v[i]), "use of untyped nil in argument to built-in %s", builtin_names[b]);
				continue;
			}
			check_default_untyped(c, a->v[i]);
		}
		n->tv.mode = MODE_NOVALUE;
		n->tv.type = type_tuple(NULL, 0);
		return true;
	case BI_PANIC:
		if (!nargs(c, n, b, 1, 1)) return false;
		check_expr(c, a->v[0], type_any);
		if (is_invalid(a->v[0])) return false;
		check_use(c, a->v[0]);
		check_assignable(c, a->v[0], type_any, "argument to panic");
		n->tv.mode = MODE_NOVALUE;
		n->tv.type = type_tuple(NULL, 0);
		return true;
	case BI_RECOVER:
		if (!nargs(c, n, b, 0, 0)) return false;
		set_value(n, type_any);
		return true;
	case BI_LEN:
	case BI_CAP: {
		if (!nargs(c, n, b, 1, 1)) return false;
		Node *x = a->v[0];
		check_expr(c, x, NULL);
		if (is_invalid(x)) return false;
		Type *u = type_under(x->tv.type);
		if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY) u = type_under(u->elem);
		bool ok = u->kind == TY_ARRAY || u->kind == TY_SLICE || u->kind == TY_CHAN ||
		          (b == BI_LEN && (type_is_string(u) || u->kind == TY_MAP));
		if (u->kind == TY_TYPEPARAM) ok = typeparam_all(u, b == BI_LEN ? lennable : capable);
		if (!ok) {
			check_errorf(c, node_startpos(x), "invalid argument: %s for %s", check_describe(c, x), builtin_names[b]);
			return false;
		}
		if (x->tv.mode == MODE_CONST && type_is_string(u)) {
			n->tv.mode = MODE_CONST;
			n->tv.type = types_basic[TY_INT];
			n->tv.val = const_make_int64((int64_t)x->tv.val->slen);
			check_default_untyped(c, x);
			return true;
		}
		if (u->kind == TY_ARRAY && !has_call_or_recv(x) && type_under(x->tv.type)->kind != TY_TYPEPARAM) {
			/* len of an array without calls or receives is constant */
			n->tv.mode = MODE_CONST;
			n->tv.type = types_basic[TY_INT];
			n->tv.val = const_make_int64(u->len);
			return true;
		}
		check_default_untyped(c, x);
		set_value(n, types_basic[TY_INT]);
		return true;
	}
	case BI_NEW: {
		if (!nargs(c, n, b, 1, 1)) return false;
		Type *t = check_type(c, a->v[0]);
		if (t->kind == TY_INVALID) return false;
		set_value(n, type_pointer(t));
		return true;
	}
	case BI_MAKE: {
		if (!nargs(c, n, b, 1, 3)) return false;
		Type *t = check_type(c, a->v[0]);
		if (t->kind == TY_INVALID) return false;
		Type *u = core_under(t);
		int min = 1, max = 1;
		if (u->kind == TY_SLICE) min = 2, max = 3;
		else if (u->kind == TY_MAP || u->kind == TY_CHAN) max = 2;
		else {
			check_errorf(c, node_startpos(a->v[0]), "invalid argument: cannot make %s; type must be slice, map, or channel",
			             ast_string(a->v[0]));
			return false;
		}
		if (a->n < min + 0 + (min == 2 ? 0 : 0) && min == 2) {
			check_errorf(c, n->call.rparen, "invalid operation: %s expects %d or %d arguments; found %d", ast_string(n), 2,
			             3, a->n);
			return false;
		}
		if (a->n > max) {
			check_errorf(c, n->pos, "invalid operation: %s expects %d or %d arguments; found %d", ast_string(n), min,
			             max, a->n);
			return false;
		}
		int64_t sizes[2] = {-1, -1};
		for (int i = 1; i < a->n; i++) {
			Node *x = a->v[i];
			check_expr(c, x, NULL);
			if (!check_valid_index(c, x, "index", false)) return false;
			if (x->tv.mode == MODE_CONST) sizes[i - 1] = const_int64(x->tv.val);
		}
		if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
			check_errorf(c, node_startpos(a->v[1]), "invalid argument: length and capacity swapped");
			return false;
		}
		set_value(n, t);
		return true;
	}
	case BI_APPEND: {
		if (!nargs(c, n, b, 1, -1)) return false;
		Node *s = a->v[0];
		if (a->n == 1 && !n->call.dots && ast_unparen(s)->kind == N_CALL) {
			/* append(f()) with f returning the slice and the elements */
			check_multi(c, s);
			if (is_invalid(s)) return false;
			Type *tt = s->tv.type;
			if (tt && tt->kind == TY_TUPLE && tt->nfields > 1) {
				Type *u = core_under(tt->fields[0].type);
				if (u->kind != TY_SLICE) {
					check_errorf(c, node_startpos(s), "invalid argument: %s (value of type %s) is not a slice",
					             ast_string(s), type_string(tt->fields[0].type, c->pkg));
					return false;
				}
				for (int i = 1; i < tt->nfields; i++) {
					Node tmp = {.kind = N_BAD, .pos = s->pos};
					tmp.tv.mode = MODE_VALUE;
					tmp.tv.type = tt->fields[i].type;
					check_assignable(c, &tmp, u->elem, "argument to append");
					if (tmp.tv.mode == MODE_INVALID) return false;
				}
				set_value(n, tt->fields[0].type);
				return true;
			}
		} else {
			check_expr(c, s, NULL);
		}
		if (is_invalid(s)) return false;
		Type *st = s->tv.type;
		if (st->kind == TY_UNTYPED_NIL) {
			check_errorf(c, node_startpos(s), "first argument to append must be a typed slice; have untyped nil");
			return false;
		}
		Type *u = core_under(st);
		if (u->kind != TY_SLICE) {
			check_errorf(c, node_startpos(s), "invalid argument: %s is not a slice", check_describe(c, s));
			return false;
		}
		if (n->call.dots) {
			if (a->n != 2) {
				/* types2 checks append(s, x...) as a call of func([]E, ...E) */
				for (int i = 1; i < a->n; i++) check_expr(c, a->v[i], NULL);
				const char *ts = type_string(st, c->pkg), *es = type_string(u->elem, c->pkg);
				check_errorf(c, node_startpos(a->v[a->n < 2 ? a->n - 1 : 2]),
				             "%s arguments in call to append\n\thave %s\n\twant (%s, ...%s)",
				             a->n < 2 ? "not enough" : "too many", check_values_string(c, a), ts, es);
				return false;
			}
			Node *x = a->v[1];
			check_expr(c, x, st);
			if (is_invalid(x)) return false;
			Type *xu = type_under(x->tv.type);
			if (type_under(u->elem)->kind == TY_UINT8 &&
			    (type_is_string(x->tv.type) || (xu->kind == TY_TYPEPARAM && typeparam_all(xu, bytes_or_string)))) {
				check_default_untyped(c, x);
			} else {
				check_assignable(c, x, type_slice(u->elem), "append");
			}
		} else {
			for (int i = 1; i < a->n; i++) {
				check_expr(c, a->v[i], u->elem);
				if (is_invalid(a->v[i])) continue;
				check_assignable(c, a->v[i], u->elem, "argument to append");
			}
		}
		set_value(n, st);
		return true;
	}
	case BI_COPY: {
		Type *pr = pair_call(c, n, a);
		if (pr == PAIR_INVALID) return false;
		if (pr) {       /* copy(f()) */
			Type *d = core_under(pr->fields[0].type), *s = core_under(pr->fields[1].type);
			Type *se = s->kind == TY_SLICE ? s->elem : type_is_string(s) ? universe_byte() : NULL;
			if (d->kind != TY_SLICE || !se || !type_identical(d->elem, se)) {
				check_errorf(c, node_startpos(a->v[0]), "invalid argument: copy expects slice arguments; found %s",
				             type_string(pr, c->pkg));
				return false;
			}
			set_value(n, types_basic[TY_INT]);
			return true;
		}
		if (!nargs(c, n, b, 2, 2)) return false;
		check_expr(c, a->v[0], NULL);
		check_expr(c, a->v[1], NULL);
		if (is_invalid(a->v[0]) || is_invalid(a->v[1])) return false;
		Type *d = core_under(a->v[0]->tv.type), *s = core_under(a->v[1]->tv.type);
		Type *su = type_under(a->v[1]->tv.type);
		if (su->kind == TY_TYPEPARAM && s == su && typeparam_all(su, bytes_or_string)) s = types_basic[TY_STRING];
		if (d->kind != TY_SLICE || (s->kind != TY_SLICE && !type_is_string(s))) {
			check_errorf(c, n->pos, "invalid argument: copy expects slice arguments; found %s and %s",
			             check_describe(c, a->v[0]), check_describe(c, a->v[1]));
			return false;
		}
		Type *se = s->kind == TY_SLICE ? s->elem : universe_byte();
		if (!type_identical(d->elem, se)) {
			check_errorf(c, node_startpos(a->v[0]), "invalid argument: arguments to copy %s and %s have different element types %s and %s",
			             check_describe(c, a->v[0]), check_describe(c, a->v[1]), type_string(d->elem, c->pkg),
			             type_string(se, c->pkg));
			return false;
		}
		check_default_untyped(c, a->v[1]);
		set_value(n, types_basic[TY_INT]);
		return true;
	}
	case BI_DELETE: {
		Type *pr = pair_call(c, n, a);
		if (pr == PAIR_INVALID) return false;
		if (pr) {       /* delete(f()) */
			Type *m = core_under(pr->fields[0].type);
			if (m->kind != TY_MAP || !check_types_assignable(pr->fields[1].type, m->key)) {
				check_errorf(c, node_startpos(a->v[0]), "invalid argument: delete expects a map and its key; found %s",
				             type_string(pr, c->pkg));
				return false;
			}
			n->tv.mode = MODE_NOVALUE;
			n->tv.type = type_tuple(NULL, 0);
			return true;
		}
		if (!nargs(c, n, b, 2, 2)) return false;
		check_expr(c, a->v[0], NULL);
		if (is_invalid(a->v[0])) return false;
		Type *m = core_under(a->v[0]->tv.type);
		if (m->kind != TY_MAP) {
			check_errorf(c, node_startpos(a->v[0]), "invalid argument: %s is not a map", check_describe(c, a->v[0]));
			return false;
		}
		check_expr(c, a->v[1], m->key);
		check_assignable(c, a->v[1], m->key, "argument to delete");
		n->tv.mode = MODE_NOVALUE;
		n->tv.type = type_tuple(NULL, 0);
		return true;
	}
	case BI_CLOSE: {
		if (!nargs(c, n, b, 1, 1)) return false;
		check_expr(c, a->v[0], NULL);
		if (is_invalid(a->v[0])) return false;
		Type *ch = core_under(a->v[0]->tv.type);
		if (ch->kind != TY_CHAN) {
			check_errorf(c, node_startpos(a->v[0]), "invalid operation: cannot close non-channel %s", check_describe(c, a->v[0]));
			return false;
		}
		if (ch->dir == CHAN_RECV) {
			check_errorf(c, node_startpos(a->v[0]), "invalid operation: cannot close receive-only channel %s",
			             check_describe(c, a->v[0]));
			return false;
		}
		n->tv.mode = MODE_NOVALUE;
		n->tv.type = type_tuple(NULL, 0);
		return true;
	}
	case BI_COMPLEX: {
		if (a->n == 1 && ast_unparen(a->v[0])->kind == N_CALL) {
			/* complex(f()) with f returning two floats */
			Node *m = a->v[0];
			check_multi(c, m);
			if (is_invalid(m)) return false;
			Type *tt = m->tv.type;
			if (tt->kind == TY_TUPLE && tt->nfields == 2) {
				Type *ft = tt->fields[0].type;
				TypeKind k = type_under(ft)->kind;
				if (!type_identical(ft, tt->fields[1].type) || (k != TY_FLOAT32 && k != TY_FLOAT64)) {
					check_errorf(c, node_startpos(m), "invalid argument: arguments have type %s, expected floating-point",
					             type_string(tt, c->pkg));
					return false;
				}
				set_value(n, types_basic[k == TY_FLOAT32 ? TY_COMPLEX64 : TY_COMPLEX128]);
				return true;
			}
			int found = tt->kind == TY_TUPLE ? tt->nfields : 1;
			check_errorf(c, node_startpos(n), "invalid operation: %s arguments for %s (expected 2, found %d)",
			             found < 2 ? "not enough" : "too many", ast_string(n), found);
			return false;
		}
		if (!nargs(c, n, b, 2, 2)) return false;
		Node *x = a->v[0], *y = a->v[1];
		check_expr(c, x, NULL);
		check_expr(c, y, NULL);
		if (is_invalid(x) || is_invalid(y)) return false;
		bool xu = type_is_untyped(x->tv.type), yu = type_is_untyped(y->tv.type);
		if (xu && !yu) check_convert_untyped(c, x, y->tv.type);
		if (yu && !xu) check_convert_untyped(c, y, x->tv.type);
		if (x->tv.mode == MODE_CONST && y->tv.mode == MODE_CONST && xu && yu) {
			Const *re = const_to_float(x->tv.val), *im = const_to_float(y->tv.val);
			Const *r = const_to_complex(re);
			Const *ci = const_binop(OP_MUL, const_to_complex(im), const_from_lit(&(Node){.kind = N_BASICLIT, .lit = {LIT_IMAG, "1i", 2}}, &(bool){0}), false);
			n->tv.mode = MODE_CONST;
			n->tv.type = types_basic[TY_UNTYPED_COMPLEX];
			n->tv.val = const_binop(OP_ADD, r, ci, false);
			return true;
		}
		if (xu) check_convert_untyped(c, x, types_basic[TY_FLOAT64]);
		if (yu) check_convert_untyped(c, y, types_basic[TY_FLOAT64]);
		if (is_invalid(x) || is_invalid(y)) return false;
		if (!type_identical(x->tv.type, y->tv.type)) {
			check_errorf(c, n->pos, "invalid operation: %s (mismatched types %s and %s)", ast_string(n),
			             type_string(x->tv.type, c->pkg), type_string(y->tv.type, c->pkg));
			return false;
		}
		TypeKind k = type_under(x->tv.type)->kind;
		if (k != TY_FLOAT32 && k != TY_FLOAT64) {
			check_errorf(c, node_startpos(x), "invalid argument: arguments have type %s, expected floating-point",
			             type_string(x->tv.type, c->pkg));
			return false;
		}
		set_value(n, types_basic[k == TY_FLOAT32 ? TY_COMPLEX64 : TY_COMPLEX128]);
		return true;
	}
	case BI_REAL:
	case BI_IMAG: {
		if (!nargs(c, n, b, 1, 1)) return false;
		Node *x = a->v[0];
		check_expr(c, x, NULL);
		if (is_invalid(x)) return false;
		if (x->tv.mode == MODE_CONST && type_is_untyped(x->tv.type) && type_is_numeric(x->tv.type)) {
			double re, im;
			Const *cv = const_to_complex(x->tv.val);
			const_complex(cv, &re, &im);
			n->tv.mode = MODE_CONST;
			n->tv.type = types_basic[TY_UNTYPED_FLOAT];
			Const *part = arena_alloc(&perm, sizeof *part); /* outlives this call */
			part->kind = CONST_FLOAT;
			part->num = b == BI_REAL ? cv->num : cv->imag;
			n->tv.val = part;
			return true;
		}
		TypeKind k = type_under(x->tv.type)->kind;
		if (k != TY_COMPLEX64 && k != TY_COMPLEX128) {
			check_errorf(c, node_startpos(x), "invalid argument: %s must be of complex type", check_describe(c, x));
			return false;
		}
		set_value(n, types_basic[k == TY_COMPLEX64 ? TY_FLOAT32 : TY_FLOAT64]);
		return true;
	}
	case BI_SIZEOF:
	case BI_ALIGNOF: {
		if (!nargs(c, n, b, 1, 1)) return false;
		check_expr(c, a->v[0], NULL);
		if (is_invalid(a->v[0])) return false;
		check_default_untyped(c, a->v[0]);
		Type *t = a->v[0]->tv.type;
		n->tv.mode = MODE_CONST;
		n->tv.type = types_basic[TY_UINTPTR];
		n->tv.val = const_make_int64(b == BI_SIZEOF ? type_size(t) : type_align(t));
		return true;
	}
	case BI_OFFSETOF: {
		if (!nargs(c, n, b, 1, 1)) return false;
		Node *x = ast_unparen(a->v[0]);
		if (x->kind != N_SELECTOR) {
			check_errorf(c, node_startpos(x), "invalid argument: %s is not a selector expression", ast_string(x));
			return false;
		}
		check_expr(c, x, NULL);
		if (is_invalid(x)) return false;
		Selection *s = x->selector.info;
		if (!s || s->kind != SEL_FIELD) {
			check_errorf(c, node_startpos(x), "invalid argument: %s is a method value", ast_string(x));
			return false;
		}
		Type *t = s->recv;
		int64_t off = 0;
		for (int i = 0; i < s->npath; i++) {
			Type *u = type_under(t);
			if (u->kind == TY_POINTER) u = type_under(u->elem);
			types_layout(u);
			off += u->fields[s->path[i]].offset;
			t = u->fields[s->path[i]].type;
		}
		n->tv.mode = MODE_CONST;
		n->tv.type = types_basic[TY_UINTPTR];
		n->tv.val = const_make_int64(off);
		return true;
	}
	case BI_ADD: {
		if (!nargs(c, n, b, 2, 2)) return false;
		check_expr(c, a->v[0], NULL);
		check_expr(c, a->v[1], NULL);
		if (is_invalid(a->v[0]) || is_invalid(a->v[1])) return false;
		check_assignable(c, a->v[0], types_basic[TY_UNSAFEPTR], "argument to unsafe.Add");
		check_default_untyped(c, a->v[1]);
		set_value(n, types_basic[TY_UNSAFEPTR]);
		return true;
	}
	case BI_SLICE: {
		if (!nargs(c, n, b, 2, 2)) return false;
		check_expr(c, a->v[0], NULL);
		check_expr(c, a->v[1], NULL);
		if (is_invalid(a->v[0]) || is_invalid(a->v[1])) return false;
		Type *p = type_under(a->v[0]->tv.type);
		if (p->kind != TY_POINTER) {
			check_errorf(c, node_startpos(a->v[0]), "invalid argument: %s is not a pointer", check_describe(c, a->v[0]));
			return false;
		}
		check_default_untyped(c, a->v[1]);
		set_value(n, type_slice(p->elem));
		return true;
	}
	default:
		return false;
	}
}
