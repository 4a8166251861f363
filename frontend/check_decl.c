/*
 * check_decl.c: package-level declarations.
 *
 * Phases: (1) collect every package-level object into the package scope and
 * imports into per-file scopes; (2) resolve objects lazily (a reference to an
 * unresolved object resolves it first, with white/grey/black colouring to find
 * cycles) — constants get values, types their underlying types, variables
 * their types and initializers, functions their signatures; methods are
 * attached to their receiver's named type; (3) check function bodies;
 * (4) report unused imports.
 *
 * Package variables are initialized in the order their resolution completes,
 * which puts dependencies first (Go spec "Package initialization") for
 * references through expressions; references made only through function
 * bodies are not yet followed.
 */
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

void check_default_untyped(Checker *c, Node *n);

/* the importer: the driver sets it to load and check imported packages */
Package *(*check_importer)(const char *path, Pos pos);

void package_add_func(Package *p, Obj *fn)
{
	if ((p->nfuncs & (p->nfuncs - 1)) == 0) {
		Obj **v = arena_alloc(&perm, sizeof(Obj *) * (p->nfuncs ? p->nfuncs * 2 : 4));
		if (p->nfuncs) memcpy(v, p->funcs, sizeof(Obj *) * p->nfuncs);
		p->funcs = v;
	}
	p->funcs[p->nfuncs++] = fn;
}

static void push_obj(Obj ***v, int *n, Obj *o)
{
	if ((*n & (*n - 1)) == 0) {
		Obj **nv = arena_alloc(&perm, sizeof(Obj *) * (*n ? *n * 2 : 4));
		if (*n) memcpy(nv, *v, sizeof(Obj *) * *n);
		*v = nv;
	}
	(*v)[(*n)++] = o;
}

static void push_node(Node ***v, int *n, Node *x)
{
	if ((*n & (*n - 1)) == 0) {
		Node **nv = arena_alloc(&perm, sizeof(Node *) * (*n ? *n * 2 : 4));
		if (*n) memcpy(nv, *v, sizeof(Node *) * *n);
		*v = nv;
	}
	(*v)[(*n)++] = x;
}

static void declare_pkg(Checker *c, Obj *o, Scope *fs)
{
	o->global = true;
	o->filescope = fs;
	if (o->name == intern_cstr("_")) return;
	if (o->kind != OBJ_FUNC && o->name == intern_cstr("init")) {
		check_errorf(c, o->pos, "cannot declare init - must be func");
		return;
	}
	if (o->kind != OBJ_FUNC && o->name == intern_cstr("main") && c->pkg->name == intern_cstr("main")) {
		check_errorf(c, o->pos, "cannot declare main - must be func");
		return;
	}
	Obj *prev = scope_insert(c->pkg->scope, o);
	if (prev) {
		check_errorf(c, o->pos, "%s redeclared in this block", o->name);
		return;
	}
	Obj *imp = scope_lookup_local(fs, o->name);
	if (imp && imp->kind == OBJ_PKGNAME)
		check_errorf(c, o->pos, "%s already declared through import of package %s (\"%s\")", o->name,
		             imp->imported->name, imp->imported->path);
	else if (imp && imp->pkg && imp->pkg != c->pkg)
		check_errorf(c, o->pos, "%s already declared through dot-import of package %s (\"%s\")\n\t%s: other declaration of %s",
		             o->name, imp->pkg->name, imp->pkg->path, diag_posstr(imp->pos), o->name);
}

/* imports of the package being checked, for "imported and not used"; a dot
 * import is an OBJ_PKGNAME named "." that is not in any scope */
typedef struct Import {
	Obj *name;
	Scope *fs;
} Import;
static Import *imports;
static int nimports;

static void note_import(Obj *o, Scope *fs)
{
	if ((nimports & (nimports - 1)) == 0) {
		Import *nv = arena_alloc(&perm, sizeof(Import) * (nimports ? nimports * 2 : 4));
		if (nimports) memcpy(nv, imports, sizeof(Import) * nimports);
		imports = nv;
	}
	imports[nimports++] = (Import){o, fs};
}

void check_note_dot_use(Scope *fs, Obj *o)
{
	for (int i = 0; i < nimports; i++)
		if (imports[i].fs == fs && imports[i].name->name == intern_cstr(".") && imports[i].name->imported == o->pkg)
			imports[i].name->used = true;
}

/* ------------------------------------------------------------ collection */

static Node **methods;       /* method FuncDecls, attached after collection */
static int nmethods;

static void collect_import(Checker *c, Node *spec, Scope *fs)
{
	size_t n;
	const char *path = const_unquote(spec->importspec.path->lit.raw, spec->importspec.path->lit.len, &n);
	path = intern(path, n);
	Package *p = NULL;
	if (path == intern_cstr("unsafe")) p = unsafe_package();
	else if (check_importer) p = check_importer(path, spec->importspec.path->pos);
	if (!p) {
		if (!check_importer)
			check_errorf(c, spec->importspec.path->pos, "could not import %s (package not found)", path);
		return;
	}
	spec->importspec.pkg = p;
	Node *name = spec->importspec.name;
	const char *local = name ? name->ident.name : p->name;
	if (local == intern_cstr("_")) return;
	if (local == intern_cstr("init")) {
		check_errorf(c, name ? name->pos : spec->importspec.path->pos, "cannot import package as init - init must be a func");
		return;
	}
	Obj *o = obj_new(OBJ_PKGNAME, local, name ? name->pos : spec->importspec.path->pos, c->pkg);
	o->imported = p;
	o->decl = spec;
	note_import(o, fs);
	if (local == intern_cstr(".")) {
		/* dot import: every exported object becomes visible in the file */
		for (int i = 0; i < p->scope->cap; i++) {
			Obj *e = p->scope->objs[i];
			if (e && e->name[0] >= 'A' && e->name[0] <= 'Z') scope_insert(fs, e);
		}
		return;
	}
	Obj *prev = scope_insert(fs, o);
	if (prev) check_errorf(c, o->pos, "%s redeclared in this block\n\t%s: other declaration of %s", local,
	                       diag_posstr(prev->pos), local);
}

static void collect(Checker *c, Node *file, Scope *fs)
{
	for (int i = 0; i < file->file.decls.n; i++) {
		Node *d = file->file.decls.v[i];
		if (d->kind == N_FUNCDECL) {
			Node *id = d->funcdecl.name;
			Obj *o = obj_new(OBJ_FUNC, id->ident.name, id->pos, c->pkg);
			o->decl = d;
			o->filescope = fs;
			o->global = true;
			id->ident.obj = o;
			d->funcdecl.fn = o;
			if (d->funcdecl.recv) {
				push_node(&methods, &nmethods, d);
				continue;
			}
			if (id->ident.name == intern_cstr("init")) {
				if (d->funcdecl.type->functype.params.n || d->funcdecl.type->functype.results.n)
					check_errorf(c, id->pos, "func init must have no arguments and no return values");
				if (!d->funcdecl.body) check_errorf(c, id->pos, "missing function body");
				push_obj(&c->pkg->initfuncs, &c->pkg->ninitfuncs, o);
				continue;
			}
			if (id->ident.name == intern_cstr("main") && c->pkg->name == intern_cstr("main")) {
				if (d->funcdecl.type->functype.params.n || d->funcdecl.type->functype.results.n)
					check_errorf(c, id->pos, "func main must have no arguments and no return values");
			}
			declare_pkg(c, o, fs);
			continue;
		}
		if (d->kind != N_GENDECL) continue;
		for (int k = 0; k < d->gendecl.specs.n; k++) {
			Node *s = d->gendecl.specs.v[k];
			switch (d->gendecl.kind) {
			case DECL_IMPORT:
				collect_import(c, s, fs);
				break;
			case DECL_CONST:
			case DECL_VAR:
				for (int j = 0; j < s->valuespec.names.n; j++) {
					Node *id = s->valuespec.names.v[j];
					Obj *o = obj_new(d->gendecl.kind == DECL_CONST ? OBJ_CONST : OBJ_VAR, id->ident.name, id->pos, c->pkg);
					o->decl = s;
					o->initidx = j;
					o->iota = s->valuespec.iota;
					id->ident.obj = o;
					declare_pkg(c, o, fs);
					if (o->name == intern_cstr("_")) {
						/* still resolved (its initializer runs) */
						o->filescope = fs;
						o->global = true;
						push_obj(&c->pkg->inits, &c->pkg->ninits, NULL);
						c->pkg->ninits--;
					}
				}
				break;
			case DECL_TYPE: {
				Node *id = s->typespec.name;
				Obj *o = obj_new(OBJ_TYPE, id->ident.name, id->pos, c->pkg);
				o->decl = s;
				id->ident.obj = o;
				declare_pkg(c, o, fs);
				break;
			}
			}
		}
	}
}

/* ------------------------------------------------------------ resolution */

static void resolve_const(Checker *c, Obj *o)
{
	Node *s = o->decl;
	Node *vs = s->valuespec.values.n || s->valuespec.type || !s->valuespec.group_prev ? s : s->valuespec.group_prev;
	Type *t = vs->valuespec.type ? check_type(c, vs->valuespec.type) : NULL;
	if (t && t->kind != TY_INVALID && !type_is_basic(t)) {
		check_errorf(c, node_startpos(vs->valuespec.type), "invalid constant type %s", type_string(t, c->pkg));
		o->type = types_basic[TY_INVALID];
		return;
	}
	if (o->initidx >= vs->valuespec.values.n) {
		check_errorf(c, o->pos, "missing init expr for %s", o->name);
		o->type = types_basic[TY_INVALID];
		return;
	}
	Node *e = vs->valuespec.values.v[o->initidx];
	Node *saved = c->iota_spec;
	int64_t siota = c->iota;
	c->iota_spec = s;
	c->iota = s->valuespec.iota;
	check_expr(c, e, NULL);
	c->iota_spec = saved;
	c->iota = siota;
	if (e->tv.mode == MODE_INVALID) {
		o->type = types_basic[TY_INVALID];
		return;
	}
	if (e->tv.mode != MODE_CONST) {
		check_errorf(c, node_startpos(e), "%s is not constant", check_describe(c, e));
		o->type = types_basic[TY_INVALID];
		return;
	}
	if (t) {
		check_assignable(c, e, t, "constant declaration");
		if (e->tv.mode == MODE_INVALID) {
			o->type = types_basic[TY_INVALID];
			return;
		}
	}
	o->type = t ? t : e->tv.type;
	o->val = e->tv.val;
}

static void resolve_var_spec(Checker *c, Node *s)
{
	int nn = s->valuespec.names.n;
	Type *t = s->valuespec.type ? check_type(c, s->valuespec.type) : NULL;
	for (int k = 0; k < nn; k++) {
		Obj *o = s->valuespec.names.v[k]->ident.obj;
		o->type = t;
		o->color = 1;
	}
	if (s->valuespec.values.n == 0) {
		if (!t) check_errorf(c, s->pos, "missing type or init expr");
	} else if (s->valuespec.values.n == nn) {
		for (int k = 0; k < nn; k++) {
			Obj *o = s->valuespec.names.v[k]->ident.obj;
			Node *e = s->valuespec.values.v[k];
			check_expr(c, e, t);
			if (e->tv.mode == MODE_INVALID) {
				if (!t) o->type = types_basic[TY_INVALID];
				continue;
			}
			check_use(c, e);
			if (t) check_assignable(c, e, t, "variable declaration");
			else if (e->tv.type->kind == TY_UNTYPED_NIL) {
				check_errorf(c, node_startpos(e), "use of untyped nil in variable declaration");
				o->type = types_basic[TY_INVALID];
			} else {
				check_default_untyped(c, e);
				o->type = e->tv.type;
			}
		}
	} else if (s->valuespec.values.n == 1) {
		Node *e = s->valuespec.values.v[0];
		check_multi(c, e);
		Type *et = e->tv.type;
		if (e->tv.mode != MODE_INVALID) {
			if (et && et->kind == TY_TUPLE && et->nfields == nn) {
				for (int k = 0; k < nn; k++) {
					Obj *o = s->valuespec.names.v[k]->ident.obj;
					if (!t) o->type = et->fields[k].type;
				}
			} else if (nn == 2 && (e->tv.mode == MODE_COMMAOK || e->tv.mode == MODE_MAPINDEX)) {
				e->tv.mode = MODE_COMMAOK;
				Obj *o0 = s->valuespec.names.v[0]->ident.obj, *o1 = s->valuespec.names.v[1]->ident.obj;
				if (!t) o0->type = et, o1->type = types_basic[TY_BOOL];
			} else {
				check_errorf(c, s->pos, "assignment mismatch: %d variables but %s returns %d value%s", nn, ast_string(e),
				             et && et->kind == TY_TUPLE ? et->nfields : 1, et && et->kind == TY_TUPLE && et->nfields != 1 ? "s" : "");
			}
		}
	} else {
		int m = var_arity_error(c, s);
		for (int k = 0; k < m; k++) {
			Obj *o = s->valuespec.names.v[k]->ident.obj;
			Node *e = s->valuespec.values.v[k];
			check_expr(c, e, t);
			check_use(c, e);
			if (e->tv.mode == MODE_INVALID) continue;
			if (t) check_assignable(c, e, t, "variable declaration");
			else if (e->tv.type->kind != TY_UNTYPED_NIL) {
				check_default_untyped(c, e);
				o->type = e->tv.type;
			}
		}
	}
	for (int k = 0; k < nn; k++) {
		Obj *o = s->valuespec.names.v[k]->ident.obj;
		if (!o->type) o->type = types_basic[TY_INVALID];
		o->color = 2;
		if (o->name != intern_cstr("_") || s->valuespec.values.n) push_obj(&c->pkg->inits, &c->pkg->ninits, o);
	}
	push_node(&c->pkg->initassigns, &c->pkg->ninitassigns, s);
}

static void resolve_type(Checker *c, Obj *o)
{
	Node *s = o->decl;
	if (s->typespec.tparams.n) {
		if (s->typespec.alias) {
			check_errorf(c, s->pos, "generic type cannot be alias");
			o->type = types_basic[TY_INVALID];
			return;
		}
		check_generic_type(c, o);
		return;
	}
	if (s->typespec.alias) {
		o->type = check_type(c, s->typespec.type);
		return;
	}
	Type *t = type_new(TY_NAMED);
	t->obj = o;
	o->type = t;
	Type *u = check_type(c, s->typespec.type);
	check_named_underlying(c, t, u);
}

/* does t contain target by value (struct fields, array elements)? Such a
 * type would have infinite size. */
static bool contains(Type *t, Type *target, int depth)
{
	if (!t || depth > 64) return false;
	if (t == target) return true;
	Type *u = t->kind == TY_NAMED ? t->underlying : t;
	if (!u) return false;
	if (u->kind == TY_ARRAY) return contains(u->elem, target, depth + 1);
	if (u->kind == TY_STRUCT)
		for (int i = 0; i < u->nfields; i++)
			if (contains(u->fields[i].type, target, depth + 1)) return true;
	return false;
}

/* set the underlying type of the named type t declared as `type T u`,
 * rejecting invalid recursive types (T T, struct{ T }, [2]T) */
/* `type T2 T1` met while T1's literal type is being built (T1 struct{ p *T2 }):
 * T2 takes T1's underlying type once T1 has it */
typedef struct Pending {
	Type *t, *src;
} Pending;
static Pending *pending;
static int npending, cappending;

static bool literal_decl(Type *u)
{
	if (u->orig || !u->obj || !u->obj->decl || u->obj->decl->kind != N_TYPESPEC) return false;
	Node *e = ast_unparen(u->obj->decl->typespec.type);
	switch (e->kind) {
	case N_STRUCTTYPE: case N_ARRAYTYPE: case N_STAR: case N_FUNCTYPE: case N_INTERFACETYPE:
	case N_MAPTYPE: case N_CHANTYPE:
		return true;
	default:
		return false;
	}
}

static bool is_pending(Type *t)
{
	for (int i = 0; i < npending; i++)
		if (pending[i].t == t) return true;
	return false;
}

void check_named_underlying(Checker *c, Type *t, Type *u)
{
	if (u->kind == TY_NAMED && !u->underlying && u != t && (literal_decl(u) || is_pending(u))) {
		if (npending == cappending) {
			cappending = cappending ? 2 * cappending : 16;
			pending = realloc(pending, sizeof(Pending) * (size_t)cappending);
		}
		pending[npending++] = (Pending){t, u};
		return;
	}
	Type *uu = type_under(u);
	bool bad = !uu || (u->kind == TY_NAMED && !u->underlying) || u == t;
	if (!bad) {
		t->underlying = uu;
		if (uu->kind == TY_STRUCT || uu->kind == TY_ARRAY) {
			Type *probe = uu;
			if (probe->kind == TY_ARRAY) bad = contains(probe->elem, t, 0);
			else
				for (int i = 0; i < probe->nfields && !bad; i++) bad = contains(probe->fields[i].type, t, 0);
		}
	}
	if (bad) {
		check_errorf(c, t->obj->pos, "invalid recursive type %s", t->obj->name);
		uu = types_basic[TY_INVALID];
	}
	t->underlying = uu;
	for (int i = 0; i < npending; i++)
		if (pending[i].src == t) {
			Pending p = pending[i];
			pending[i] = pending[--npending];
			i = -1;
			check_named_underlying(c, p.t, t);
		}
}

/* the named type a method's receiver refers to (T or *T) */
static Type *recv_base(Checker *c, Node *recv)
{
	Node *t = ast_unparen(recv->field.type);
	if (t->kind == N_STAR) t = ast_unparen(t->unary.x);
	if (t->kind == N_INDEX) t = t->index.x;
	if (t->kind != N_IDENT) return NULL;
	Obj *o = scope_lookup_local(c->pkg->scope, t->ident.name);
	if (!o || o->kind != OBJ_TYPE) return NULL;
	check_resolve_obj(c, o);
	return o->type && o->type->kind == TY_NAMED ? o->type : NULL;
}

static void resolve_func(Checker *c, Obj *o)
{
	Node *d = o->decl;
	Scope *outer = d->funcdecl.recv ? check_recv_tparams(c, d->funcdecl.recv, o->filescope) : o->filescope;
	Scope *s = scope_new(outer, d);
	s->is_func = true;
	Scope *saved = c->scope;
	c->scope = outer;
	o->type = type_new(TY_FUNC);    /* func() while the signature is checked, as types2 (cycles) */
	o->type = check_signature(c, d->funcdecl.type, d->funcdecl.recv, s);
	c->scope = saved;
	if (!d->funcdecl.body && !(d->funcdecl.pragma & PRAGMA_LINKNAME)) {
		/* bodyless declarations are provided by the runtime or assembly */
	}
	/* the parameter scope is kept for the body check */
	d->funcdecl.type->tv.type = o->type;
	o->scope = s;
}

/* package-level objects being resolved, outermost first (for cycle reports) */
static Obj **resolving;
static int nresolving, capresolving;

/* gc: "initialization loop for x", then "x refers to" ... back to x */
static void report_decl_cycle(Obj *o)
{
	int k = nresolving - 1;
	while (k > 0 && resolving[k] != o) k--;
	char msg[2048];
	size_t len = (size_t)snprintf(msg, sizeof msg, "initialization loop for %s", o->name);
	for (int i = k; i < nresolving && len < sizeof msg - 200; i++)
		len += (size_t)snprintf(msg + len, sizeof msg - len, "\n\t%s: %s refers to", diag_posstr(resolving[i]->pos),
		                        resolving[i]->name);
	snprintf(msg + len, sizeof msg - len, "\n\t%s: %s", diag_posstr(o->pos), o->name);
	diag_errorf(o->pos, "%s", msg);
}

void check_resolve_obj(Checker *c, Obj *o)
{
	if (o->color == 2 || !o->global || !o->decl) return;
	if (o->color == 1) {
		if (o->kind == OBJ_TYPE || o->kind == OBJ_FUNC) return; /* recursion through pointers/bodies is fine */
		if (o->kind == OBJ_VAR || o->kind == OBJ_CONST) {
			report_decl_cycle(o);
			if (!o->type) o->type = types_basic[TY_INVALID];
		}
		return;
	}
	o->color = 1;
	if (nresolving == capresolving) {
		capresolving = capresolving ? capresolving * 2 : 16;
		resolving = realloc(resolving, sizeof(Obj *) * capresolving);
	}
	resolving[nresolving++] = o;
	Scope *saved = c->scope;
	FuncCtx *savedfn = c->fn;
	Node *saved_iota = c->iota_spec;
	c->scope = o->filescope;
	c->fn = NULL;
	c->iota_spec = NULL;
	switch (o->kind) {
	case OBJ_CONST: resolve_const(c, o); break;
	case OBJ_VAR: resolve_var_spec(c, o->decl); break;
	case OBJ_TYPE: resolve_type(c, o); break;
	case OBJ_FUNC: resolve_func(c, o); break;
	default: break;
	}
	c->scope = saved;
	c->fn = savedfn;
	c->iota_spec = saved_iota;
	o->color = 2;
	nresolving--;
}

/* a receiver whose base type is not a named type of this package (types2's validRecv) */
static void report_bad_recv(Checker *c, Node *d)
{
	Node *t = ast_unparen(d->funcdecl.recv->field.type);
	if (t->kind == N_STAR) t = ast_unparen(t->unary.x);
	Type *rt = d->funcdecl.fn->type && d->funcdecl.fn->type->recv ? d->funcdecl.fn->type->recv->type : NULL;
	if (rt && rt->kind == TY_POINTER && ast_unparen(d->funcdecl.recv->field.type)->kind == N_STAR) rt = rt->elem;
	if (!rt || rt->kind == TY_INVALID) return; /* reported by the signature check */
	if ((rt->kind == TY_NAMED && rt->obj && rt->obj->pkg != c->pkg) || rt->kind < TY_ARRAY)
		check_errorf(c, node_startpos(t), "cannot define new methods on non-local type %s", type_string(rt, c->pkg));
	else
		check_errorf(c, node_startpos(t), "invalid receiver type %s", type_string(rt, c->pkg));
}

static void attach_method(Checker *c, Node *d)
{
	Obj *m = d->funcdecl.fn;
	Type *base = recv_base(c, d->funcdecl.recv);
	resolve_func(c, m);
	m->color = 2;
	if (!base) {
		report_bad_recv(c, d);
		return;
	}
	if (base->obj->pkg != c->pkg) {
		check_errorf(c, d->funcdecl.name->pos, "cannot define new methods on non-local type %s", type_string(base, c->pkg));
		return;
	}
	Type *u = type_under(base);
	if (u->kind == TY_POINTER || u->kind == TY_INTERFACE) {
		check_errorf(c, node_startpos(d->funcdecl.recv->field.type), "invalid receiver type %s (pointer or interface type)",
		             type_string(base, c->pkg));
		return;
	}
	if (m->name == intern_cstr("_")) return;
	for (int i = 0; i < base->nmethods; i++)
		if (base->methods[i]->name == m->name) {
			check_errorf(c, d->funcdecl.name->pos, "%s.%s redeclared in this block\n\t%s: other declaration of %s",
			             base->obj->name, m->name, diag_posstr(base->methods[i]->pos), m->name);
			return;
		}
	if (u->kind == TY_STRUCT)
		for (int i = 0; i < u->nfields; i++)
			if (u->fields[i].name == m->name) {
				check_errorf(c, d->funcdecl.name->pos, "field and method with the same name %s", m->name);
				return;
			}
	push_obj(&base->methods, &base->nmethods, m);
}

/* ------------------------------------------------------------ the package */

int check_lang_minor = 19;

/* //go:linkname directives name a package-level func or var, once (gc's
 * noder; before go1.18 ineffectual ones were ignored) */
static void check_linknames(Checker *c)
{
	Package *p = c->pkg;
	const char **seen = NULL;
	int nseen = 0;
	for (int i = 0; i < p->nfiles; i++) {
		Node *f = p->files[i];
		bool unsafe = false;
		for (int k = 0; k < f->file.imports.n; k++) {
			Package *ip = f->file.imports.v[k]->importspec.pkg;
			if (ip && ip->path == intern_cstr("unsafe")) unsafe = true;
		}
		for (int k = 0; k < f->file.linknames.n; k++) {
			Node *kv = f->file.linknames.v[k];
			const char *local = kv->binary.x->ident.name;
			if (!unsafe) {
				check_errorf(c, kv->pos, "//go:linkname only allowed in Go files that import \"unsafe\"");
				continue;
			}
			Obj *o = scope_lookup_local(p->scope, local);
			if (!o || (o->kind != OBJ_FUNC && o->kind != OBJ_VAR)) {
				if (check_lang_minor < 18) continue;
				check_errorf(c, kv->pos, "//go:linkname must refer to declared function or variable");
				continue;
			}
			if (!kv->binary.y) continue;
			bool dup = false;
			for (int m = 0; m < nseen; m++) dup |= seen[m] == local;
			if (dup) {
				check_errorf(c, kv->pos, "duplicate //go:linkname for %s", local);
				continue;
			}
			seen = realloc(seen, sizeof(char *) * (size_t)(nseen + 1));
			seen[nseen++] = local;
		}
	}
	free(seen);
}

void check_package_files(Checker *c)
{
	Package *p = c->pkg;
	universe_init();
	p->scope = scope_new(universe, NULL);
	methods = NULL;
	nmethods = 0;
	imports = NULL;
	nimports = 0;
	npending = 0;       /* a previous package's unresolved ones (after its errors) */
	Scope **fscopes = arena_alloc(&perm, sizeof(Scope *) * (p->nfiles + 1));
	for (int i = 0; i < p->nfiles; i++) {
		fscopes[i] = scope_new(p->scope, p->files[i]);
		collect(c, p->files[i], fscopes[i]);
	}
	for (int i = 0; i < p->nfiles; i++) {
		Node *f = p->files[i];
		for (int k = 0; k < f->file.decls.n; k++) {
			Node *d = f->file.decls.v[k];
			if (d->kind == N_GENDECL && d->gendecl.kind == DECL_TYPE)
				for (int j = 0; j < d->gendecl.specs.n; j++)
					check_resolve_obj(c, d->gendecl.specs.v[j]->typespec.name->ident.obj);
		}
	}
	for (int i = 0; i < nmethods; i++) attach_method(c, methods[i]);
	check_generic_methods_ready(p);
	/* everything else, in source order */
	for (int i = 0; i < p->nfiles; i++) {
		Node *f = p->files[i];
		for (int k = 0; k < f->file.decls.n; k++) {
			Node *d = f->file.decls.v[k];
			if (d->kind == N_FUNCDECL) {
				if (!d->funcdecl.recv) check_resolve_obj(c, d->funcdecl.fn);
				continue;
			}
			if (d->kind != N_GENDECL || d->gendecl.kind == DECL_IMPORT || d->gendecl.kind == DECL_TYPE) continue;
			for (int j = 0; j < d->gendecl.specs.n; j++) {
				Node *s = d->gendecl.specs.v[j];
				for (int n = 0; n < s->valuespec.names.n; n++) check_resolve_obj(c, s->valuespec.names.v[n]->ident.obj);
			}
		}
	}
	/* function bodies */
	for (int i = 0; i < p->nfiles; i++) {
		Node *f = p->files[i];
		for (int k = 0; k < f->file.decls.n; k++) {
			Node *d = f->file.decls.v[k];
			if (d->kind != N_FUNCDECL || !d->funcdecl.body) continue;
			Obj *fn = d->funcdecl.fn;
			if (!fn->type) continue;
			if (!fn->scope) resolve_func(c, fn);
			package_add_func(p, fn);
			Scope *saved = c->scope;
			c->scope = fn->scope;
			check_func_body(c, fn, fn->type, d->funcdecl.body);
			c->scope = saved;
		}
	}
	check_run_later(c);
	check_linknames(c);
	if (!diag_count()) check_init_order(c);
	/* unused imports: named as the last path element, they print without "as" */
	for (int i = 0; i < nimports; i++) {
		Obj *o = imports[i].name;
		if (o->used) continue;
		const char *path = o->imported->path, *elem = strrchr(path, '/');
		elem = elem ? elem + 1 : path;
		if (o->name == intern_cstr(".") || strcmp(o->name, elem) == 0)
			check_errorf(c, o->pos, "imported and not used: \"%s\"", path);
		else
			check_errorf(c, o->pos, "imported and not used: \"%s\" as %s", path, o->name);
	}
	nimports = 0;
	p->checked = true;
}

/* Type-check a package made of already parsed files. */
Package *check_package(const char *path, Node **files, int nfiles)
{
	Package *p = arena_alloc(&perm, sizeof *p);
	p->path = intern_cstr(path);
	p->name = nfiles ? files[0]->file.pkgname->ident.name : p->path;
	p->files = files;
	p->nfiles = nfiles;
	if (nfiles && p->name == intern_cstr("_")) diag_errorf(files[0]->file.pkgname->pos, "invalid package name _");
	for (int i = 1; i < nfiles; i++) {
		Node *pn = files[i]->file.pkgname;
		if (pn->ident.name != p->name)
			diag_errorf(pn->pos, "package %s; expected package %s", pn->ident.name, p->name);
	}
	Checker c = {.pkg = p};
	check_package_files(&c);
	return p;
}
