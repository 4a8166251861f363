/*
 * check_stmt.c: statements and function bodies: scopes, assignments and
 * short variable declarations, control flow, labels and branch targets,
 * terminating statements ("missing return") and unused variables.
 *
 * Branch targets: every break/continue/goto gets branch.target = the
 * statement it leaves or continues (N_FOR, N_RANGE, N_SWITCH, N_TYPESWITCH,
 * N_SELECT) or, for goto, the N_LABELED statement. Codegen relies on it.
 */
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void check_default_untyped(Checker *c, Node *n);

typedef struct Body {
	Obj **vars;             /* locals declared in this function, for "declared but not used" */
	int nvars, capvars;
	Node **targets;         /* enclosing breakable statements (innermost last) */
	int ntargets, captargets;
	Scope *labels;          /* label scope of the function */
	Node **gotos;           /* goto statements to resolve at the end */
	int ngotos, capgotos;
} Body;

static Body *cur;           /* body being checked (function literals nest) */

static void push(void ***v, int *n, int *cap, void *x)
{
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 8;
		void **nv = arena_alloc(&perm, sizeof(void *) * nc);
		if (*n) memcpy(nv, *v, sizeof(void *) * *n);
		*v = nv;
		*cap = nc;
	}
	(*v)[(*n)++] = x;
}

static void open_scope(Checker *c, Node *n) { c->scope = scope_new(c->scope, n); }
static void close_scope(Checker *c) { c->scope = c->scope->parent; }

static Obj *declare_var(Checker *c, Node *id, Type *t)
{
	Obj *o = obj_new(OBJ_VAR, id->ident.name, id->pos, c->pkg);
	o->type = t;
	o->decl = id;
	o->fn = c->fn ? c->fn->fn : NULL;
	id->ident.obj = o;
	id->tv.mode = MODE_VAR;
	id->tv.type = t;
	return o;
}

static void add_to_scope(Checker *c, Obj *o)
{
	if (o->name == intern_cstr("_")) {
		o->used = true;
		return;
	}
	Obj *prev = scope_insert(c->scope, o);
	if (prev) {
		check_errorf(c, o->pos, "%s redeclared in this block", o->name);
		return;
	}
	if (o->kind == OBJ_VAR) push((void ***)&cur->vars, &cur->nvars, &cur->capvars, o);
}

/* ------------------------------------------------------------ assignments */

/* check an assignment target; returns its type (NULL for the blank identifier) */
/* x op= y and x++ use x (types2 evaluates x as an operand) */
static void mark_used(Node *x)
{
	Node *ux = ast_unparen(x);
	if (ux->kind == N_IDENT && ux->ident.obj && ux->ident.obj->kind == OBJ_VAR) ux->ident.obj->used = true;
}

static Type *check_lhs(Checker *c, Node *x)
{
	Node *ux = ast_unparen(x);
	if (ux->kind == N_IDENT && ux->ident.name == intern_cstr("_")) {
		ux->ident.obj = NULL;
		x->tv.mode = MODE_VAR;
		x->tv.type = NULL;
		return NULL;
	}
	/* assigning to a local variable does not "use" it */
	Obj *o = NULL;
	bool used = false;
	if (ux->kind == N_IDENT) {
		o = scope_lookup(c->scope, ux->ident.name, NULL);
		if (o && o->kind == OBJ_VAR) used = o->used;
		else o = NULL;
	}
	check_expr(c, x, NULL);
	if (o) o->used = used;
	if (x->tv.mode == MODE_INVALID) return types_basic[TY_INVALID];
	if (x->tv.mode != MODE_VAR && x->tv.mode != MODE_MAPINDEX) {
		Node *s = ast_unparen(x);
		if (x->tv.mode == MODE_TYPE)
			check_errorf(c, node_startpos(x), "%s (type) is not an expression", ast_string(x));
		else if (x->tv.mode == MODE_BUILTIN)
			check_errorf(c, node_startpos(x), "%s (built-in) must be called", ast_string(x));
		else if (s->kind == N_SELECTOR && s->selector.x->tv.mode == MODE_MAPINDEX)
			check_errorf(c, node_startpos(x), "cannot assign to struct field %s in map", ast_string(x));
		else
			check_errorf(c, node_startpos(x), "cannot assign to %s", check_describe(c, x));
		return types_basic[TY_INVALID];
	}
	return x->tv.type;
}

static void assign_mismatch(Checker *c, Pos pos, int nl, int nr, Node *rhs0)
{
	if (nr == 1 && rhs0 && ast_unparen(rhs0)->kind == N_CALL) {
		int nv = rhs0->tv.type && rhs0->tv.type->kind == TY_TUPLE ? rhs0->tv.type->nfields
		       : rhs0->tv.mode == MODE_NOVALUE ? 0 : 1;
		check_errorf(c, node_startpos(rhs0), "assignment mismatch: %d variable%s but %s returns %d value%s", nl,
		             nl == 1 ? "" : "s", ast_string(ast_unparen(rhs0)->call.fun), nv, nv == 1 ? "" : "s");
	} else
		check_errorf(c, pos, "assignment mismatch: %d variable%s but %d value%s", nl, nl == 1 ? "" : "s", nr,
		             nr == 1 ? "" : "s");
}

/* types of the right-hand side values; handles f() with several results and
 * comma-ok forms (v, ok := m[k]). Returns NULL after reporting a mismatch. */
static Type **rhs_types(Checker *c, NodeList *rhs, int nl, Pos pos, Type **hints, bool assign)
{
	Type **ts = arena_alloc(&perm, sizeof(Type *) * (nl + 1));
	if (assign && nl == 1 && rhs->n == 1 && ast_unparen(rhs->v[0])->kind == N_CALL) {
		/* x = f() / x := f(): the call's results are counted (types2's assignVars) */
		Node *r = rhs->v[0];
		check_multi(c, r);
		if (r->tv.mode == MODE_INVALID) return NULL;
		if (r->tv.mode == MODE_NOVALUE || (r->tv.type && r->tv.type->kind == TY_TUPLE)) {
			assign_mismatch(c, pos, nl, 1, r);
			return NULL;
		}
		check_use(c, r);
		ts[0] = r->tv.type;
		return ts;
	}
	if (rhs->n == nl) {
		for (int i = 0; i < nl; i++) {
			check_expr(c, rhs->v[i], hints ? hints[i] : NULL);
			check_use(c, rhs->v[i]);
			ts[i] = rhs->v[i]->tv.type;
		}
		return ts;
	}
	if (rhs->n == 1) {
		Node *r = rhs->v[0];
		check_multi(c, r);
		if (r->tv.mode == MODE_INVALID) return NULL;
		if (r->tv.type && r->tv.type->kind == TY_TUPLE && r->tv.type->nfields == nl) {
			for (int i = 0; i < nl; i++) ts[i] = r->tv.type->fields[i].type;
			return ts;
		}
		if (nl == 2 && (r->tv.mode == MODE_COMMAOK || r->tv.mode == MODE_MAPINDEX)) {
			ts[0] = r->tv.type;
			ts[1] = types_basic[TY_UNTYPED_BOOL];
			r->tv.mode = MODE_COMMAOK;
			return ts;
		}
		assign_mismatch(c, pos, nl, 1, r);
		return NULL;
	}
	for (int i = 0; i < rhs->n; i++) check_expr(c, rhs->v[i], NULL);
	assign_mismatch(c, pos, nl, rhs->n, NULL);
	return NULL;
}

/* a value of type t (from a tuple) assigned to a target of type want */
static void assign_type(Checker *c, Node *at, Type *t, Type *want, const char *ctx)
{
	if (!want || !t || t->kind == TY_INVALID || want->kind == TY_INVALID) return;
	Node tmp = {.kind = N_BAD, .pos = at->pos};
	tmp.tv.mode = MODE_VALUE;
	tmp.tv.type = t;
	check_assignable(c, &tmp, want, ctx);
}

static void check_assign(Checker *c, Node *n)
{
	NodeList *lhs = &n->assign.lhs, *rhs = &n->assign.rhs;
	if (n->assign.op != OP_ASSIGN && n->assign.op != OP_DEFINE) {
		/* x op= y */
		Node *x = lhs->v[0], *y = rhs->v[0];
		Type *t = check_lhs(c, x);
		mark_used(x);
		Node bin = {.kind = N_BINARY, .pos = n->pos};
		bin.binary.op = n->assign.op;
		bin.binary.x = x;
		bin.binary.y = y;
		/* x is already checked: check y and the operation via a synthetic node */
		check_expr(c, y, NULL);
		if (!t || t->kind == TY_INVALID || y->tv.mode == MODE_INVALID) return;
		Node xc = *x;
		xc.tv.mode = MODE_VALUE;
		bin.binary.x = &xc;
		/* re-run the binary checker on already-typed operands */
		Node *ops[2] = {&xc, y};
		(void)ops;
		if (n->assign.op == OP_SHL || n->assign.op == OP_SHR) {
			if (y->tv.mode == MODE_CONST) {
				if (!const_to_int(y->tv.val) || const_sign(y->tv.val) < 0) {
					check_errorf(c, node_startpos(y), "invalid shift count %s", check_describe(c, y));
					return;
				}
				if (type_is_untyped(y->tv.type)) check_convert_untyped(c, y, types_basic[TY_UINT]);
			} else if (!type_is_integer(y->tv.type)) {
				check_errorf(c, node_startpos(y), "invalid shift count %s", check_describe(c, y));
				return;
			}
			if (!type_is_integer(t)) {
				check_errorf(c, node_startpos(x), "invalid operation: shifted operand %s must be integer",
				             check_describe(c, x));
			}
			return;
		}
		if (type_is_untyped(y->tv.type)) check_convert_untyped(c, y, t);
		if (y->tv.mode == MODE_INVALID) return;
		if (!type_identical(t, y->tv.type)) {
			check_errorf(c, n->pos, "invalid operation: %s %s= %s (mismatched types %s and %s)", ast_string(x),
			             op_string(n->assign.op), ast_string(y), type_string(t, c->pkg),
			             type_string(y->tv.type, c->pkg));
			return;
		}
		bool ok;
		switch (n->assign.op) {
		case OP_ADD: ok = type_is_numeric(t) || type_is_string(t); break;
		case OP_SUB: case OP_MUL: case OP_QUO: ok = type_is_numeric(t); break;
		default: ok = type_is_integer(t); break;
		}
		if (!ok) {
			check_errorf(c, n->pos, "invalid operation: operator %s not defined on %s", op_string(n->assign.op),
			             check_describe(c, x));
			return;
		}
		if ((n->assign.op == OP_QUO || n->assign.op == OP_REM) && y->tv.mode == MODE_CONST && const_is_zero(y->tv.val) &&
		    type_is_integer(t))
			check_errorf(c, node_startpos(y), "invalid operation: division by zero");
		return;
	}
	if (n->assign.op == OP_DEFINE) {
		/* short variable declaration: at least one new non-blank variable */
		int nl = lhs->n;
		Obj **objs = arena_alloc(&perm, sizeof(Obj *) * nl);
		Type **hints = arena_alloc(&perm, sizeof(Type *) * nl);
		bool anynew = false, haserr = false;
		for (int i = 0; i < nl; i++) {
			Node *id = lhs->v[i];
			if (id->kind != N_IDENT) {
				check_lhs(c, id);
				check_errorf(c, node_startpos(id), "non-name %s on left side of :=", ast_string(id));
				haserr = true;
				continue;
			}
			Obj *prev = scope_lookup_local(c->scope, id->ident.name);
			if (prev && id->ident.name != intern_cstr("_")) {
				id->ident.obj = prev;
				if (prev->kind == OBJ_VAR) {
					hints[i] = prev->type;
					id->tv.mode = MODE_VAR;
					id->tv.type = prev->type;
				}
				continue;
			}
			bool repeated = false;
			for (int k = 0; k < i && !repeated; k++)
				if (lhs->v[k]->kind == N_IDENT && lhs->v[k]->ident.name == id->ident.name && id->ident.name != intern_cstr("_"))
					repeated = true;
			if (repeated) {
				check_errorf(c, id->pos, "%s repeated on left side of :=", id->ident.name);
				haserr = true;
				continue;
			}
			if (id->ident.name != intern_cstr("_")) anynew = true;
			objs[i] = declare_var(c, id, NULL);
		}
		if (!anynew && !haserr) check_errorf(c, n->pos, "no new variables on left side of :=");
		Type **ts = rhs_types(c, rhs, nl, n->pos, hints, true);
		for (int i = 0; i < nl; i++) {
			Type *t = ts ? ts[i] : types_basic[TY_INVALID];
			if (t && t->kind == TY_TUPLE) t = types_basic[TY_INVALID];
			if (objs[i]) {
				if (ts && rhs->n == nl) {
					Node *r = rhs->v[i];
					if (r->tv.mode != MODE_INVALID && r->tv.type->kind == TY_UNTYPED_NIL) {
						check_errorf(c, node_startpos(r), "use of untyped nil in assignment");
						t = types_basic[TY_INVALID];
					} else {
						check_default_untyped(c, r);
						t = r->tv.type;
					}
				} else if (t && type_is_untyped(t)) {
					t = type_default(t);
					if (rhs->n == 1) rhs->v[0]->tv.type = rhs->v[0]->tv.type; /* comma-ok: bool */
				}
				objs[i]->type = t ? t : types_basic[TY_INVALID];
				lhs->v[i]->tv.type = objs[i]->type;
			} else if (ts && lhs->v[i]->kind == N_IDENT && lhs->v[i]->ident.obj &&
			           lhs->v[i]->ident.obj->kind == OBJ_VAR) {
				if (rhs->n == nl) check_assignable(c, rhs->v[i], lhs->v[i]->ident.obj->type, "assignment");
				else assign_type(c, lhs->v[i], t, lhs->v[i]->ident.obj->type, "assignment");
			} else if (lhs->v[i]->kind == N_IDENT && lhs->v[i]->ident.name == intern_cstr("_") && ts && rhs->n == nl) {
				check_default_untyped(c, rhs->v[i]);
			}
		}
		/* types2: no "declared but not used" after a failed initialization */
		bool failed = !ts;
		for (int i = 0; i < rhs->n; i++)
			if (rhs->v[i]->tv.mode == MODE_INVALID) failed = true;
		for (int i = 0; i < nl; i++)
			if (objs[i]) {
				if (failed) objs[i]->used = true;
				add_to_scope(c, objs[i]);
			}
		return;
	}
	/* plain assignment */
	int nl = lhs->n;
	Type **lt = arena_alloc(&perm, sizeof(Type *) * nl);
	for (int i = 0; i < nl; i++) lt[i] = check_lhs(c, lhs->v[i]);
	Type **ts = rhs_types(c, rhs, nl, n->pos, lt, true);
	if (!ts) return;
	for (int i = 0; i < nl; i++) {
		if (rhs->n == nl) {
			Node *r = rhs->v[i];
			if (r->tv.mode == MODE_INVALID) continue;
			if (!lt[i]) {
				if (r->tv.type->kind == TY_UNTYPED_NIL) check_errorf(c, node_startpos(r), "use of untyped nil in assignment");
				check_default_untyped(c, r);
			} else {
				check_assignable(c, r, lt[i], "assignment");
			}
		} else {
			assign_type(c, lhs->v[i], ts[i], lt[i], "assignment");
		}
	}
	if (rhs->n == 1 && nl == 2 && rhs->v[0]->tv.mode == MODE_COMMAOK) {
		/* v, ok = m[k]: the ok result is assigned to a typed or untyped bool */
	}
}

/* ------------------------------------------------------------ declarations in bodies */

/* inside a generic function or a method of a generic type (closures included) */
static bool in_generic_func(Checker *c)
{
	for (FuncCtx *f = c->fn; f; f = f->outer) {
		Type *sig = f->sig;
		if (!sig) continue;
		if (sig->ntparams) return true;
		if (sig->recv) {
			Type *r = sig->recv->type;
			if (type_under(r)->kind == TY_POINTER) r = type_under(r)->elem;
			if (r->kind == TY_NAMED && r->ntargs && r->orig == r) return true;
		}
	}
	return false;
}

/* "extra init expr x" / "missing init expr for x" for var a, b = 1, 2, 3;
 * returns how many variables have an initializer */
int var_arity_error(Checker *c, Node *s)
{
	int nn = s->valuespec.names.n, nv = s->valuespec.values.n;
	if (nv > nn)
		check_errorf(c, node_startpos(s->valuespec.values.v[nn]), "extra init expr %s", ast_string(s->valuespec.values.v[nn]));
	else
		check_errorf(c, s->valuespec.names.v[nv]->pos, "missing init expr for %s", s->valuespec.names.v[nv]->ident.name);
	return nv < nn ? nv : nn;
}

static void check_local_decl(Checker *c, Node *d)
{
	for (int i = 0; i < d->gendecl.specs.n; i++) {
		Node *s = d->gendecl.specs.v[i];
		switch (d->gendecl.kind) {
		case DECL_VAR: {
			int nn = s->valuespec.names.n;
			Type *t = s->valuespec.type ? check_type(c, s->valuespec.type) : NULL;
			Obj **objs = arena_alloc(&perm, sizeof(Obj *) * nn);
			for (int k = 0; k < nn; k++) objs[k] = declare_var(c, s->valuespec.names.v[k], t);
			if (s->valuespec.values.n > 1 && s->valuespec.values.n != nn) {
				/* types2: each variable is initialized on its own, then the arity error */
				int m = var_arity_error(c, s);
				for (int k = 0; k < nn; k++) {
					if (k < m) {
						Node *r = s->valuespec.values.v[k];
						check_expr(c, r, t);
						check_use(c, r);
						if (r->tv.mode != MODE_INVALID && t) check_assignable(c, r, t, "variable declaration");
						else if (r->tv.mode != MODE_INVALID && r->tv.type->kind != TY_UNTYPED_NIL) {
							check_default_untyped(c, r);
							objs[k]->type = r->tv.type;
						}
					} else {
						objs[k]->used = true;
					}
					if (!objs[k]->type) objs[k]->type = types_basic[TY_INVALID];
					add_to_scope(c, objs[k]);
				}
				break;
			}
			if (s->valuespec.values.n) {
				Type **hints = arena_alloc(&perm, sizeof(Type *) * nn);
				for (int k = 0; k < nn; k++) hints[k] = t;
				Type **ts = rhs_types(c, &s->valuespec.values, nn, s->pos, hints, false);
				for (int k = 0; k < nn; k++) {
					if (s->valuespec.values.n == nn) {
						Node *r = s->valuespec.values.v[k];
						if (r->tv.mode == MODE_INVALID) {
							if (!t) objs[k]->type = types_basic[TY_INVALID];
							continue;
						}
						if (t) {
							check_assignable(c, r, t, "variable declaration");
						} else if (r->tv.type->kind == TY_UNTYPED_NIL) {
							check_errorf(c, node_startpos(r), "use of untyped nil in variable declaration");
							objs[k]->type = types_basic[TY_INVALID];
						} else {
							check_default_untyped(c, r);
							objs[k]->type = r->tv.type;
						}
					} else if (ts) {
						if (t) assign_type(c, s->valuespec.names.v[k], ts[k], t, "variable declaration");
						else objs[k]->type = type_default(ts[k]);
					} else if (!t) {
						objs[k]->type = types_basic[TY_INVALID];
					}
					s->valuespec.names.v[k]->tv.type = objs[k]->type;
				}
			}
			bool failed = false;
			for (int k = 0; k < s->valuespec.values.n; k++)
				if (s->valuespec.values.v[k]->tv.mode == MODE_INVALID) failed = true;
			for (int k = 0; k < nn; k++) {
				if (!objs[k]->type) objs[k]->type = types_basic[TY_INVALID];
				if (failed) objs[k]->used = true;
				add_to_scope(c, objs[k]);
			}
			break;
		}
		case DECL_CONST: {
			Node *vs = s->valuespec.values.n || s->valuespec.type || !s->valuespec.group_prev ? s : s->valuespec.group_prev;
			Type *t = vs->valuespec.type ? check_type(c, vs->valuespec.type) : NULL;
			for (int k = 0; k < s->valuespec.names.n; k++) {
				Node *id = s->valuespec.names.v[k];
				Obj *o = obj_new(OBJ_CONST, id->ident.name, id->pos, c->pkg);
				o->decl = s;
				o->used = true;
				id->ident.obj = o;
				if (k < vs->valuespec.values.n) {
					Node *saved = c->iota_spec;
					int64_t siota = c->iota;
					c->iota_spec = s;
					c->iota = s->valuespec.iota;
					Node *e = vs->valuespec.values.v[k];
					check_expr(c, e, NULL);
					c->iota_spec = saved;
					c->iota = siota;
					if (e->tv.mode == MODE_CONST) {
						if (t) check_assignable(c, e, t, "constant declaration");
						o->type = t ? t : e->tv.type;
						o->val = e->tv.val;
					} else if (e->tv.mode != MODE_INVALID) {
						check_errorf(c, node_startpos(e), "%s is not constant", check_describe(c, e));
					}
				} else {
					check_errorf(c, id->pos, "missing init expr for %s", id->ident.name);
				}
				if (!o->type) o->type = types_basic[TY_INVALID];
				Obj *prev = id->ident.name == intern_cstr("_") ? NULL : scope_insert(c->scope, o);
				if (prev) check_errorf(c, id->pos, "%s redeclared in this block", id->ident.name);
			}
			break;
		}
		case DECL_TYPE: {
			Node *id = s->typespec.name;
			Obj *o = obj_new(OBJ_TYPE, id->ident.name, id->pos, c->pkg);
			o->decl = s;
			o->used = true;
			id->ident.obj = o;
			if (in_generic_func(c)) {
				check_errorf(c, d->pos, "type declarations inside generic functions are not currently supported");
				o->type = types_basic[TY_INVALID];
				if (id->ident.name != intern_cstr("_")) scope_insert(c->scope, o);
				continue;
			}
			if (s->typespec.tparams.n && !s->typespec.alias) {
				if (id->ident.name != intern_cstr("_")) scope_insert(c->scope, o);
				check_generic_type(c, o);
				continue;
			}
			if (s->typespec.alias) {
				o->type = check_type(c, s->typespec.type);
			} else {
				Type *t = type_new(TY_NAMED);
				t->obj = o;
				o->type = t;
				if (id->ident.name != intern_cstr("_")) scope_insert(c->scope, o);
				Type *u = check_type(c, s->typespec.type);
				check_named_underlying(c, t, u);
				continue;
			}
			if (id->ident.name != intern_cstr("_") && scope_insert(c->scope, o))
				check_errorf(c, id->pos, "%s redeclared in this block", id->ident.name);
			break;
		}
		default:
			break;
		}
	}
}

/* ------------------------------------------------------------ statements */

static void check_stmt(Checker *c, Node *n);

static void check_block(Checker *c, Node *b)
{
	open_scope(c, b);
	check_stmt_list(c, &b->block.stmts);
	close_scope(c);
}

void check_stmt_list(Checker *c, NodeList *l)
{
	for (int i = 0; i < l->n; i++) {
		check_stmt(c, l->v[i]);
	}
}

static Node *find_target(Checker *c, Node *n, bool cont)
{
	const char *label = n->branch.label ? n->branch.label->ident.name : NULL;
	for (int i = cur->ntargets - 1; i >= 0; i--) {
		Node *t = cur->targets[i];
		if (t->kind == N_LABELED) continue;
		Node *lab = NULL;
		switch (t->kind) {
		case N_FOR: lab = t->forstmt.label; break;
		case N_RANGE: lab = t->rangestmt.label; break;
		case N_SWITCH: case N_TYPESWITCH: lab = t->switchstmt.label; break;
		case N_SELECT: lab = t->selectstmt.label; break;
		default: break;
		}
		if (label && lab && lab->ident.name == label && lab->ident.obj) lab->ident.obj->used = true;
		if (cont && t->kind != N_FOR && t->kind != N_RANGE) {
			if (label && lab && lab->ident.name == label) {
				check_errorf(c, n->branch.label->pos, "invalid continue label %s", label);
				return NULL;
			}
			continue;
		}
		if (!label || (lab && lab->ident.name == label)) return t;
	}
	if (label) {
		Obj *o = scope_lookup_local(cur->labels, label);
		if (o) {
			o->used = true;
			check_errorf(c, n->branch.label->pos, "invalid %s label %s", cont ? "continue" : "break", label);
		} else {
			check_errorf(c, n->branch.label->pos, "%s label not defined: %s", cont ? "continue" : "break", label);
		}
	} else {
		check_errorf(c, n->pos, cont ? "continue is not in a loop" : "break is not in a loop, switch, or select");
	}
	return NULL;
}

/* "multiple defaults (first at POS)" for switch and select clauses */
static void check_multiple_defaults(Checker *c, NodeList *clauses)
{
	Node *first = NULL;
	for (int i = 0; i < clauses->n; i++) {
		Node *cl = clauses->v[i];
		bool def = cl->kind == N_CASECLAUSE ? cl->caseclause.is_default : !cl->commclause.comm;
		if (!def) continue;
		if (first) check_errorf(c, cl->pos, "multiple defaults (first at %s)", diag_posstr(first->pos));
		else first = cl;
	}
}

/* a select case: ch <- v, <-ch, x = <-ch, x, ok := <-ch */
static bool is_send_or_receive(Node *s)
{
	Node *rhs = NULL;
	if (s->kind == N_SENDSTMT) return true;
	if (s->kind == N_EXPRSTMT) rhs = s->exprstmt.x;
	else if (s->kind == N_ASSIGN && s->assign.rhs.n == 1) rhs = s->assign.rhs.v[0];
	rhs = rhs ? ast_unparen(rhs) : NULL;
	return rhs && rhs->kind == N_UNARY && rhs->unary.op == OP_ARROW;
}

static void check_case_values(Checker *c, Node *sw, Node *tag)
{
	for (int i = 0; i < sw->switchstmt.clauses.n; i++) {
		Node *cl = sw->switchstmt.clauses.v[i];
		for (int k = 0; k < cl->caseclause.list.n; k++) {
			Node *e = cl->caseclause.list.v[k];
			check_expr(c, e, tag ? tag->tv.type : NULL);
			if (e->tv.mode == MODE_INVALID) continue;
			check_use(c, e);
			if (e->tv.mode == MODE_INVALID) continue;
			if (!tag) {
				/* compared with the constant true: an interface that bool implements is fine */
				Type *eu = type_under(e->tv.type);
				if (eu->kind == TY_INTERFACE && eu->nmethods == 0) continue;
				check_assignable(c, e, types_basic[TY_BOOL], "switch case");
				if (e->tv.mode != MODE_INVALID && !type_is_boolean(e->tv.type))
					check_errorf(c, node_startpos(e), "invalid case %s in switch (mismatched types %s and bool)",
					             ast_string(e), type_string(e->tv.type, c->pkg));
				continue;
			}
			if (tag->tv.mode == MODE_INVALID) continue;
			/* case values are compared with the tag: e == tag must be valid */
			if (type_is_untyped(e->tv.type)) check_convert_untyped(c, e, tag->tv.type);
			else if (type_is_untyped(tag->tv.type)) check_convert_untyped(c, tag, e->tv.type);
			if (e->tv.mode == MODE_INVALID) continue;
			Node *errop;
			const char *cause = check_comparison_cause(c, e, tag, OP_EQL, &errop);
			if (cause) {
				check_errorf(c, node_startpos(e), "invalid case %s in switch on %s (%s)", ast_string(e), ast_string(tag), cause);
				continue;
			}
			/* duplicate constant cases */
			if (e->tv.mode == MODE_CONST) {
				for (int pi = 0; pi <= i; pi++) {
					Node *pc = sw->switchstmt.clauses.v[pi];
					int lim = pi == i ? k : pc->caseclause.list.n;
					for (int pk = 0; pk < lim; pk++) {
						Node *pe = pc->caseclause.list.v[pk];
						if (pe->tv.mode == MODE_CONST && pe->tv.val && e->tv.val && pe->tv.val->kind == e->tv.val->kind &&
						    type_identical(pe->tv.type, e->tv.type) && const_compare(OP_EQL, pe->tv.val, e->tv.val)) {
							check_errorf(c, node_startpos(e), "duplicate case %s in expression switch\n\t%s: previous case",
							             check_describe(c, e), diag_posstr(node_startpos(pe)));
							pk = lim;
							pi = i + 1;
						}
					}
				}
			}
		}
	}
}

static void check_clause_bodies(Checker *c, Node *sw, bool allow_fallthrough)
{
	for (int i = 0; i < sw->switchstmt.clauses.n; i++) {
		Node *cl = sw->switchstmt.clauses.v[i];
		open_scope(c, cl);
		if (cl->caseclause.tsvar) {
			add_to_scope(c, cl->caseclause.tsvar);
		}
		NodeList *b = &cl->caseclause.body;
		int last = b->n - 1; /* trailing empty statements do not count */
		while (last >= 0 && b->v[last]->kind == N_EMPTYSTMT) last--;
		for (int k = 0; k < b->n; k++) {
			Node *s = b->v[k];
			if (s->kind == N_BRANCH && s->branch.kind == BR_FALLTHROUGH) {
				if (!allow_fallthrough) check_errorf(c, s->pos, "cannot fallthrough in type switch");
				else if (k != last) check_errorf(c, s->pos, "fallthrough statement out of place");
				else if (i == sw->switchstmt.clauses.n - 1) check_errorf(c, s->pos, "cannot fallthrough final case in switch");
				continue;
			}
			check_stmt(c, s);
		}
		close_scope(c);
	}
}

typedef struct CaseType {
	Node *e;
	Type *t;                /* NULL for nil */
} CaseType;

/* records case type t (NULL: nil); false after reporting a duplicate */
static bool note_case_type(Checker *c, CaseType **seen, int *n, Node *e, Type *t)
{
	for (int i = 0; i < *n; i++) {
		Type *o = (*seen)[i].t;
		if ((!o && !t) || (o && t && type_identical(o, t))) {
			check_errorf(c, node_startpos(e), "duplicate case %s in type switch\n\t%s: previous case",
			             t ? type_string(t, c->pkg) : "nil", diag_posstr(node_startpos((*seen)[i].e)));
			return false;
		}
	}
	CaseType *nv = arena_alloc(&perm, sizeof(CaseType) * (*n + 1));
	if (*n) memcpy(nv, *seen, sizeof(CaseType) * *n);
	nv[*n] = (CaseType){e, t};
	*seen = nv;
	(*n)++;
	return true;
}

static void check_typeswitch(Checker *c, Node *n)
{
	Node *g = n->switchstmt.tag;
	Node *lhs = NULL, *ta;
	if (g->kind == N_ASSIGN) {
		lhs = g->assign.lhs.v[0];
		ta = g->assign.rhs.v[0];
	} else {
		ta = g->exprstmt.x;
	}
	ta = ast_unparen(ta);
	Node *x = ta->typeassert.x;
	check_expr(c, x, NULL);
	if (x->tv.mode != MODE_INVALID && !type_is_interface(x->tv.type)) {
		check_errorf(c, node_startpos(x), "%s is not an interface", check_describe(c, x));
		x->tv.mode = MODE_INVALID;
	}
	if (lhs && lhs->ident.name == intern_cstr("_")) {
		check_errorf(c, lhs->pos, "no new variable on left side of :=");
		lhs = NULL;
	}
	bool anyused = false;
	Obj **vars = arena_alloc(&perm, sizeof(Obj *) * (n->switchstmt.clauses.n + 1));
	CaseType *seen = NULL;
	int nseen = 0;
	for (int i = 0; i < n->switchstmt.clauses.n; i++) {
		Node *cl = n->switchstmt.clauses.v[i];
		Type *single = NULL;
		for (int k = 0; k < cl->caseclause.list.n; k++) {
			Node *e = cl->caseclause.list.v[k];
			Node *ue = ast_unparen(e);
			if (ue->kind == N_IDENT && ue->ident.name == intern_cstr("nil")) {
				check_expr(c, e, NULL);
				single = cl->caseclause.list.n == 1 ? x->tv.type : NULL;
				note_case_type(c, &seen, &nseen, e, NULL);
				continue;
			}
			Type *t = check_type(c, e);
			if (cl->caseclause.list.n == 1) single = t;
			if (t->kind != TY_INVALID && !note_case_type(c, &seen, &nseen, e, t)) continue;
			if (t->kind != TY_INVALID && x->tv.mode != MODE_INVALID && !type_is_interface(t) &&
			    type_under(t)->kind != TY_TYPEPARAM) {
				const char *missing = NULL, *why = "missing %s method";
				Type *iu = type_under(x->tv.type);
				if (!check_implements(t, iu, &missing) && missing) {
					int *path, np;
					bool ind;
					Obj *f = lookup_field_or_method(type_pointer(t), false, c->pkg, missing, &path, &np, &ind);
					if (f && f->kind == OBJ_FUNC) why = "%s method has pointer receiver";
					char cause[256];
					snprintf(cause, sizeof cause, why, missing);
					check_errorf(c, node_startpos(e), "impossible type switch case: %s\n\t%s cannot have dynamic type %s (%s)",
					             ast_string(e), check_describe(c, x), type_string(t, c->pkg), cause);
				}
			}
		}
		if (lhs) {
			Type *vt = single ? single : x->tv.type;
			Obj *o = obj_new(OBJ_VAR, lhs->ident.name, lhs->pos, c->pkg);
			o->type = vt;
			o->decl = lhs;
			o->fn = c->fn ? c->fn->fn : NULL;
			cl->caseclause.tsvar = o;
			vars[i] = o;
		}
	}
	if (lhs) {
		lhs->tv.mode = MODE_VAR;
		lhs->tv.type = x->tv.type;
	}
	check_clause_bodies(c, n, false);
	if (lhs) {
		for (int i = 0; i < n->switchstmt.clauses.n; i++)
			if (vars[i] && vars[i]->used) anyused = true;
		for (int i = 0; i < n->switchstmt.clauses.n; i++)
			if (vars[i]) vars[i]->used = true; /* reported once below, not per clause */
		if (!anyused && lhs->ident.name != intern_cstr("_"))
			check_errorf(c, lhs->pos, "%s declared but not used", lhs->ident.name);
	}
}

static void check_range(Checker *c, Node *n)
{
	Node *x = n->rangestmt.x;
	check_expr(c, x, NULL);
	Type *kt = NULL, *vt = NULL;
	if (x->tv.mode != MODE_INVALID) {
		Type *u = type_core(x->tv.type);
		if (!u) u = type_under(x->tv.type);
		if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY) u = type_under(u->elem);
		switch (u->kind) {
		case TY_STRING:
		case TY_UNTYPED_STRING:
			check_default_untyped(c, x);
			kt = types_basic[TY_INT], vt = types_basic[TY_INT32];
			break;
		case TY_ARRAY:
		case TY_SLICE:
			kt = types_basic[TY_INT], vt = u->elem;
			break;
		case TY_MAP:
			kt = u->key, vt = u->elem;
			break;
		case TY_CHAN:
			kt = u->elem;
			if (u->dir == CHAN_SEND) check_errorf(c, node_startpos(x), "invalid operation: range %s: receive from send-only channel", ast_string(x));
			if (n->rangestmt.value) check_errorf(c, node_startpos(n->rangestmt.value), "range over %s permits only one iteration variable", check_describe(c, x));
			break;
		default:
			check_errorf(c, node_startpos(x), "cannot range over %s", check_describe(c, x));
			break;
		}
	}
	open_scope(c, n);
	Node *vars[2] = {n->rangestmt.key, n->rangestmt.value};
	Type *types[2] = {kt, vt};
	if (n->rangestmt.op == OP_DEFINE) {
		Obj *objs[2] = {0};
		for (int i = 0; i < 2; i++) {
			if (!vars[i]) continue;
			if (vars[i]->kind != N_IDENT) {
				check_errorf(c, node_startpos(vars[i]), "non-name %s on left side of :=", ast_string(vars[i]));
				continue;
			}
			objs[i] = declare_var(c, vars[i], types[i] ? types[i] : types_basic[TY_INVALID]);
		}
		for (int i = 0; i < 2; i++)
			if (objs[i]) add_to_scope(c, objs[i]);
	} else if (n->rangestmt.op == OP_ASSIGN) {
		for (int i = 0; i < 2; i++) {
			if (!vars[i]) continue;
			Type *t = check_lhs(c, vars[i]);
			if (t && types[i]) assign_type(c, vars[i], types[i], t, "range");
		}
	}
	push((void ***)&cur->targets, &cur->ntargets, &cur->captargets, n);
	check_block(c, n->rangestmt.body);
	cur->ntargets--;
	close_scope(c);
}

static void declare_label(Checker *c, Node *lab, Node *stmt)
{
	Obj *o = obj_new(OBJ_LABEL, lab->ident.name, lab->pos, c->pkg);
	o->decl = stmt;
	lab->ident.obj = o;
	if (lab->ident.name == intern_cstr("_")) return;
	Obj *prev = scope_insert(cur->labels, o);
	if (prev) {
		o->used = true; /* only the first declaration counts */
		check_errorf(c, lab->pos, "label %s already defined at %s", lab->ident.name, diag_posstr(prev->pos));
	}
}

/* a call of a builtin that yields a value (len, append, unsafe.Sizeof, ...) */
static bool value_builtin(Node *call)
{
	Node *f = ast_unparen(call->call.fun);
	if (f->tv.mode != MODE_BUILTIN) return false;
	Obj *o = f->kind == N_IDENT ? f->ident.obj : f->kind == N_SELECTOR ? f->selector.sel->ident.obj : NULL;
	Builtin b = o ? o->builtin : BI_NONE;
	return b == BI_APPEND || b == BI_CAP || b == BI_COMPLEX || b == BI_IMAG || b == BI_LEN || b == BI_MAKE ||
	       b == BI_NEW || b == BI_REAL || b >= BI_ALIGNOF;
}

static void check_stmt(Checker *c, Node *n)
{
	switch (n->kind) {
	case N_EMPTYSTMT:
	case N_BADSTMT:
		return;
	case N_DECLSTMT:
		check_local_decl(c, n->declstmt.decl);
		return;
	case N_LABELED: {
		Node *s = n->labeled.stmt;
		switch (s->kind) {
		case N_FOR: s->forstmt.label = n->labeled.label; break;
		case N_RANGE: s->rangestmt.label = n->labeled.label; break;
		case N_SWITCH: case N_TYPESWITCH: s->switchstmt.label = n->labeled.label; break;
		case N_SELECT: s->selectstmt.label = n->labeled.label; break;
		default: break;
		}
		check_stmt(c, s);
		return;
	}
	case N_EXPRSTMT: {
		Node *x = n->exprstmt.x;
		check_multi(c, x);
		if (x->tv.mode == MODE_INVALID) return;
		Node *ux = ast_unparen(x);
		bool ok = ux->kind == N_CALL && x->tv.mode != MODE_TYPE;
		if (ux->kind == N_UNARY && ux->unary.op == OP_ARROW) ok = true;
		if (ok && ux->kind == N_CALL && (value_builtin(ux) || ast_unparen(ux->call.fun)->tv.mode == MODE_TYPE)) ok = false;
		if (!ok) {
			if (x->tv.mode == MODE_TYPE) check_errorf(c, node_startpos(x), "%s (type) is not an expression", ast_string(x));
			else if (x->tv.mode == MODE_BUILTIN) check_errorf(c, node_startpos(x), "%s (built-in) must be called", ast_string(x));
			else check_errorf(c, node_startpos(x), "%s is not used", check_describe(c, x));
		}
		return;
	}
	case N_SENDSTMT: {
		check_expr(c, n->send.ch, NULL);
		check_expr(c, n->send.value, NULL);
		if (n->send.ch->tv.mode == MODE_INVALID) return;
		Type *u = type_core(n->send.ch->tv.type);
		if (!u) u = type_under(n->send.ch->tv.type);
		if (u->kind != TY_CHAN) {
			check_errorf(c, n->pos, "invalid operation: cannot send to non-channel %s", check_describe(c, n->send.ch));
			return;
		}
		if (u->dir == CHAN_RECV) {
			check_errorf(c, n->pos, "invalid operation: cannot send to receive-only channel %s", check_describe(c, n->send.ch));
			return;
		}
		check_assignable(c, n->send.value, u->elem, "send");
		return;
	}
	case N_INCDEC: {
		Type *t = check_lhs(c, n->incdec.x);
		mark_used(n->incdec.x);
		if (t && t->kind != TY_INVALID && !type_is_numeric(t))
			check_errorf(c, n->pos, "invalid operation: %s%s (non-numeric type %s)", ast_string(n->incdec.x),
			             n->incdec.inc ? "++" : "--", type_string(t, c->pkg));
		return;
	}
	case N_ASSIGN:
		check_assign(c, n);
		return;
	case N_GOSTMT:
	case N_DEFERSTMT: {
		Node *call = n->gostmt.call;
		check_multi(c, call);
		if (ast_unparen(call)->kind != N_CALL) {
			check_errorf(c, node_startpos(call), "expression in %s must be function call", n->kind == N_GOSTMT ? "go" : "defer");
			return;
		}
		/* types2's suspendedCall */
		const char *kw = n->kind == N_GOSTMT ? "go" : "defer";
		Node *f = ast_unparen(ast_unparen(call)->call.fun);
		if (call->tv.mode == MODE_INVALID) return;
		if (f->tv.mode == MODE_TYPE)
			check_errorf(c, node_startpos(call), "%s requires function call, not conversion %s", kw, check_describe(c, call));
		else if (value_builtin(ast_unparen(call)))
			check_errorf(c, node_startpos(call), "%s discards result of %s", kw, check_describe(c, call));
		return;
	}
	case N_RETURN: {
		Type *sig = c->fn->sig;
		NodeList *r = &n->ret.results;
		if (r->n == 0) {
			if (sig->nresults > 0 && !sig->results[0].name) check_errorf(c, n->pos, "not enough return values\n\thave ()\n\twant %s",
			                                                             type_string(type_tuple(sig->results, sig->nresults), c->pkg));
			else if (sig->nresults > 0) {
				/* naked return: result names must not be shadowed */
				for (int i = 0; i < sig->nresults; i++) {
					Obj *o = sig->results[i].obj;
					if (!o || o->name == intern_cstr("_")) continue;
					Obj *v = scope_lookup(c->scope, o->name, NULL);
					if (v != o) {
						check_errorf(c, n->pos, "result parameter %s not in scope at return", o->name);
						if (v) check_errorf(c, v->pos, "\tinner declaration of %s", o->name);
					}
				}
			}
			return;
		}
		if (sig->nresults == 0) {
			bool bad = false;
			for (int i = 0; i < r->n; i++) {
				check_expr(c, r->v[i], NULL);
				if (r->v[i]->tv.mode == MODE_INVALID) bad = true;
			}
			if (!bad) check_errorf(c, node_startpos(r->v[0]), "too many return values\n\thave %s\n\twant ()",
			             check_values_string(c, r));
			return;
		}
		Type **hints = arena_alloc(&perm, sizeof(Type *) * sig->nresults);
		for (int i = 0; i < sig->nresults; i++) hints[i] = sig->results[i].type;
		if (r->n != sig->nresults && r->n != 1) {
			for (int i = 0; i < r->n; i++) check_expr(c, r->v[i], NULL);
			/* types2: at the first extra value, or at the last one */
			check_errorf(c, node_startpos(r->v[r->n < sig->nresults ? r->n - 1 : sig->nresults]), "%s return values\n\thave %s\n\twant %s",
			             r->n < sig->nresults ? "not enough" : "too many", check_values_string(c, r),
			             type_string(type_tuple(sig->results, sig->nresults), c->pkg));
			return;
		}
		if (r->n == 1 && sig->nresults != 1) {
			check_multi(c, r->v[0]);
			Type *t = r->v[0]->tv.type;
			if (r->v[0]->tv.mode == MODE_INVALID) return;
			if (!t || t->kind != TY_TUPLE || t->nfields != sig->nresults) {
				bool many = t && t->kind == TY_TUPLE && t->nfields > sig->nresults;
				check_errorf(c, node_startpos(r->v[0]), "%s return values\n\thave %s\n\twant %s", many ? "too many" : "not enough",
				             t && t->kind == TY_TUPLE ? type_string(t, c->pkg) : check_values_string(c, r),
				             type_string(type_tuple(sig->results, sig->nresults), c->pkg));
				return;
			}
			for (int i = 0; i < t->nfields; i++) assign_type(c, r->v[0], t->fields[i].type, hints[i], "return statement");
			return;
		}
		for (int i = 0; i < r->n; i++) {
			check_expr(c, r->v[i], hints[i]);
			if (r->v[i]->tv.mode == MODE_INVALID) continue;
			check_use(c, r->v[i]);
			if (r->v[i]->tv.type && r->v[i]->tv.type->kind == TY_TUPLE) {
				check_errorf(c, node_startpos(r->v[i]), "multiple-value %s in single-value context", ast_string(r->v[i]));
				continue;
			}
			check_assignable(c, r->v[i], hints[i], "return statement");
		}
		return;
	}
	case N_BRANCH:
		switch (n->branch.kind) {
		case BR_BREAK: n->branch.target = find_target(c, n, false); return;
		case BR_CONTINUE: n->branch.target = find_target(c, n, true); return;
		case BR_GOTO: push((void ***)&cur->gotos, &cur->ngotos, &cur->capgotos, n); return;
		case BR_FALLTHROUGH: check_errorf(c, n->pos, "fallthrough statement out of place"); return;
		}
		return;
	case N_BLOCK:
		check_block(c, n);
		return;
	case N_IF:
		open_scope(c, n);
		if (n->ifstmt.init) check_stmt(c, n->ifstmt.init);
		check_expr(c, n->ifstmt.cond, NULL);
		if (n->ifstmt.cond->tv.mode != MODE_INVALID) {
			check_use(c, n->ifstmt.cond);
			if (n->ifstmt.cond->tv.mode != MODE_INVALID && !type_is_boolean(n->ifstmt.cond->tv.type))
				check_errorf(c, node_startpos(n->ifstmt.cond), "non-boolean condition in if statement");
			else check_default_untyped(c, n->ifstmt.cond);
		}
		check_block(c, n->ifstmt.then);
		if (n->ifstmt.els) check_stmt(c, n->ifstmt.els);
		close_scope(c);
		return;
	case N_SWITCH:
		open_scope(c, n);
		if (n->switchstmt.init) check_stmt(c, n->switchstmt.init);
		if (n->switchstmt.tag) {
			Node *tag = n->switchstmt.tag;
			check_expr(c, tag, NULL);
			check_use(c, tag);
			check_default_untyped(c, tag);
			if (tag->tv.mode != MODE_INVALID && !type_is_comparable(tag->tv.type) && !type_has_nil(tag->tv.type)) {
				check_errorf(c, node_startpos(tag), "cannot switch on %s (%s is not comparable)", check_describe(c, tag),
				             type_string(tag->tv.type, c->pkg));
				tag->tv.mode = MODE_INVALID;
			}
		}
		check_multiple_defaults(c, &n->switchstmt.clauses);
		check_case_values(c, n, n->switchstmt.tag);
		push((void ***)&cur->targets, &cur->ntargets, &cur->captargets, n);
		check_clause_bodies(c, n, true);
		cur->ntargets--;
		close_scope(c);
		return;
	case N_TYPESWITCH:
		open_scope(c, n);
		if (n->switchstmt.init) check_stmt(c, n->switchstmt.init);
		check_multiple_defaults(c, &n->switchstmt.clauses);
		push((void ***)&cur->targets, &cur->ntargets, &cur->captargets, n);
		check_typeswitch(c, n);
		cur->ntargets--;
		close_scope(c);
		return;
	case N_SELECT:
		check_multiple_defaults(c, &n->selectstmt.clauses);
		push((void ***)&cur->targets, &cur->ntargets, &cur->captargets, n);
		for (int i = 0; i < n->selectstmt.clauses.n; i++) {
			Node *cl = n->selectstmt.clauses.v[i];
			open_scope(c, cl);
			if (cl->commclause.comm && !is_send_or_receive(cl->commclause.comm))
				check_errorf(c, node_startpos(cl->commclause.comm), "select case must be send or receive (possibly with assignment)");
			else if (cl->commclause.comm) check_stmt(c, cl->commclause.comm);
			check_stmt_list(c, &cl->commclause.body);
			close_scope(c);
		}
		cur->ntargets--;
		return;
	case N_FOR:
		open_scope(c, n);
		if (n->forstmt.init) check_stmt(c, n->forstmt.init);
		if (n->forstmt.cond) {
			check_expr(c, n->forstmt.cond, NULL);
			if (n->forstmt.cond->tv.mode != MODE_INVALID) {
				check_use(c, n->forstmt.cond);
				if (n->forstmt.cond->tv.mode != MODE_INVALID && !type_is_boolean(n->forstmt.cond->tv.type))
					check_errorf(c, node_startpos(n->forstmt.cond), "non-boolean condition in for statement");
				else check_default_untyped(c, n->forstmt.cond);
			}
		}
		if (n->forstmt.post) {
			if (n->forstmt.post->kind == N_ASSIGN && n->forstmt.post->assign.op == OP_DEFINE)
				check_errorf(c, n->forstmt.post->pos, "cannot declare in post statement of for loop");
			else check_stmt(c, n->forstmt.post);
		}
		push((void ***)&cur->targets, &cur->ntargets, &cur->captargets, n);
		check_block(c, n->forstmt.body);
		cur->ntargets--;
		close_scope(c);
		return;
	case N_RANGE:
		check_range(c, n);
		return;
	default:
		check_errorf(c, n->pos, "invalid statement");
		return;
	}
}

/* collect labels of a function body (they are visible in the whole body) */
static void collect_labels(Checker *c, NodeList *l)
{
	for (int i = 0; i < l->n; i++) {
		Node *s = l->v[i];
		while (s->kind == N_LABELED) {
			declare_label(c, s->labeled.label, s);
			s = s->labeled.stmt;
		}
		switch (s->kind) {
		case N_BLOCK: collect_labels(c, &s->block.stmts); break;
		case N_IF:
			collect_labels(c, &s->ifstmt.then->block.stmts);
			if (s->ifstmt.els) {
				NodeList one = {.v = &s->ifstmt.els, .n = 1};
				collect_labels(c, &one);
			}
			break;
		case N_FOR: collect_labels(c, &s->forstmt.body->block.stmts); break;
		case N_RANGE: collect_labels(c, &s->rangestmt.body->block.stmts); break;
		case N_SWITCH:
		case N_TYPESWITCH:
			for (int k = 0; k < s->switchstmt.clauses.n; k++) collect_labels(c, &s->switchstmt.clauses.v[k]->caseclause.body);
			break;
		case N_SELECT:
			for (int k = 0; k < s->selectstmt.clauses.n; k++) collect_labels(c, &s->selectstmt.clauses.v[k]->commclause.body);
			break;
		default: break;
		}
	}
}

static int cmp_obj_pos(const void *a, const void *b)
{
	const Obj *x = *(Obj *const *)a, *y = *(Obj *const *)b;
	if (x->pos.file != y->pos.file) return x->pos.file - y->pos.file;
	if (x->pos.line != y->pos.line) return x->pos.line - y->pos.line;
	return x->pos.col - y->pos.col;
}

/* Check a function body. The parameters are already declared in c->scope. */
void check_func_body(Checker *c, Obj *fn, Type *sig, Node *body)
{
	if (!body) return;
	FuncCtx ctx = {.fn = fn, .sig = sig, .outer = c->fn, .body = body};
	Body b = {0}, *saved = cur;
	b.labels = scope_new(NULL, body);
	cur = &b;
	FuncCtx *savedfn = c->fn;
	c->fn = &ctx;
	/* parameters belong to this function (closure capture detection) */
	for (int i = 0; i < sig->nfields; i++)
		if (sig->fields[i].obj) sig->fields[i].obj->fn = fn;
	for (int i = 0; i < sig->nresults; i++)
		if (sig->results[i].obj) sig->results[i].obj->fn = fn;
	if (sig->recv && sig->recv->obj) sig->recv->obj->fn = fn;
	collect_labels(c, &body->block.stmts);
	/* the body shares the parameters' scope (Go: same block) */
	check_stmt_list(c, &body->block.stmts);
	for (int i = 0; i < b.ngotos; i++) {
		Node *g = b.gotos[i];
		Obj *o = scope_lookup_local(b.labels, g->branch.label->ident.name);
		if (!o) {
			check_errorf(c, g->branch.label->pos, "label %s not defined", g->branch.label->ident.name);
			continue;
		}
		o->used = true;
		g->branch.target = o->decl;
	}
	check_labels(c, body);
	if (sig->nresults > 0 && !check_is_terminating(body, NULL))
		check_errorf(c, body->block.rbrace, "missing return");
	qsort(b.vars, b.nvars, sizeof(Obj *), cmp_obj_pos);
	for (int i = 0; i < b.nvars; i++)
		if (!b.vars[i]->used) check_errorf(c, b.vars[i]->pos, "%s declared but not used", b.vars[i]->name);
	c->fn = savedfn;
	cur = saved;
}

/* ------------------------------------------------------------ terminating statements */

static bool has_break(Node *n, Node *target, bool implicit);

static bool list_has_break(NodeList *l, Node *target, bool implicit)
{
	for (int i = 0; i < l->n; i++)
		if (has_break(l->v[i], target, implicit)) return true;
	return false;
}

/* does n contain a break that leaves target? implicit: unlabeled breaks count */
static bool has_break(Node *n, Node *target, bool implicit)
{
	if (!n) return false;
	switch (n->kind) {
	case N_BRANCH:
		return n->branch.kind == BR_BREAK && n->branch.target == target;
	case N_BLOCK: return list_has_break(&n->block.stmts, target, implicit);
	case N_LABELED: return has_break(n->labeled.stmt, target, implicit);
	case N_IF: return has_break(n->ifstmt.then, target, implicit) || has_break(n->ifstmt.els, target, implicit);
	case N_CASECLAUSE: return list_has_break(&n->caseclause.body, target, implicit);
	case N_COMMCLAUSE: return list_has_break(&n->commclause.body, target, implicit);
	case N_SWITCH:
	case N_TYPESWITCH:
		for (int i = 0; i < n->switchstmt.clauses.n; i++)
			if (has_break(n->switchstmt.clauses.v[i], target, false)) return true;
		return false;
	case N_SELECT:
		for (int i = 0; i < n->selectstmt.clauses.n; i++)
			if (has_break(n->selectstmt.clauses.v[i], target, false)) return true;
		return false;
	case N_FOR: return has_break(n->forstmt.body, target, false);
	case N_RANGE: return has_break(n->rangestmt.body, target, false);
	default: return false;
	}
}

bool check_is_terminating(Node *s, const char *label)
{
	if (!s) return false;
	switch (s->kind) {
	case N_RETURN:
		return true;
	case N_BRANCH:
		return s->branch.kind == BR_GOTO || s->branch.kind == BR_FALLTHROUGH;
	case N_EXPRSTMT: {
		Node *x = ast_unparen(s->exprstmt.x);
		if (x->kind == N_CALL) {
			Node *f = ast_unparen(x->call.fun);
			if (f->kind == N_IDENT && f->ident.obj && f->ident.obj->kind == OBJ_BUILTIN && f->ident.obj->builtin == BI_PANIC)
				return true;
		}
		return false;
	}
	case N_BLOCK:
		return s->block.stmts.n > 0 && check_is_terminating(s->block.stmts.v[s->block.stmts.n - 1], NULL);
	case N_LABELED:
		return check_is_terminating(s->labeled.stmt, s->labeled.label->ident.name);
	case N_IF:
		return s->ifstmt.els && check_is_terminating(s->ifstmt.then, NULL) && check_is_terminating(s->ifstmt.els, NULL);
	case N_FOR:
		return !s->forstmt.cond && !has_break(s->forstmt.body, s, true);
	case N_SWITCH:
	case N_TYPESWITCH: {
		bool hasdef = false;
		for (int i = 0; i < s->switchstmt.clauses.n; i++) {
			Node *cl = s->switchstmt.clauses.v[i];
			if (cl->caseclause.is_default) hasdef = true;
			NodeList *b = &cl->caseclause.body;
			if (b->n == 0) return false;
			Node *last = b->v[b->n - 1];
			if (!check_is_terminating(last, NULL)) return false;
			if (has_break(cl, s, true)) return false;
		}
		return hasdef;
	}
	case N_SELECT:
		for (int i = 0; i < s->selectstmt.clauses.n; i++) {
			Node *cl = s->selectstmt.clauses.v[i];
			NodeList *b = &cl->commclause.body;
			if (b->n == 0 || !check_is_terminating(b->v[b->n - 1], NULL)) return false;
			if (has_break(cl, s, true)) return false;
		}
		return true;
	default:
		return false;
	}
}
