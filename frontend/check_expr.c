/*
 * check_expr.c: typing of expressions (operands, constants, operators,
 * conversions of untyped values, index/slice, composite literals).
 *
 * Every checked expression gets Node.tv = {mode, type, val}. Untyped
 * constant and comparison results keep an untyped type until their context
 * fixes it: check_convert_untyped walks back into the expression and sets the
 * final type on each untyped node, so codegen only ever sees typed nodes
 * (constants carry their rounded value in tv.val).
 */
#include "frontend.h"

#include <stdlib.h>
#include <string.h>


void check_errorf(Checker *c, Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verrorf(pos, fmt, ap);
	va_end(ap);
}

static void invalid(Node *n)
{
	n->tv.mode = MODE_INVALID;
	n->tv.type = types_basic[TY_INVALID];
	n->tv.val = NULL;
}

static bool is_invalid(Node *n) { return n->tv.mode == MODE_INVALID; }

/* ------------------------------------------------------------ printing */

/* types2-style operand description: "x (variable of type int)" */
const char *check_describe(Checker *c, Node *x)
{
	char buf[1024];
	const char *e = ast_string(x);
	const char *ts = type_string(x->tv.type, c->pkg);
	if (x->tv.type && x->tv.type->kind == TY_TYPEPARAM && x->tv.mode != MODE_TYPE) {
		/* types2: "x (variable of type T constrained by C)" */
		const char *cs = type_string(x->tv.type->constraint ? x->tv.type->constraint : type_any, c->pkg);
		char *b2 = arena_alloc(&perm, strlen(ts) + strlen(cs) + 20);
		sprintf(b2, "%s constrained by %s", ts, cs);
		ts = b2;
	}
	switch (x->tv.mode) {
	case MODE_CONST:
		/* the value is shown when its go/constant spelling differs from the expression */
		{
			const char *v = x->tv.val ? const_string(x->tv.val) : "?";
			if (strcmp(v, e) == 0) {
				if (type_is_untyped(x->tv.type)) snprintf(buf, sizeof buf, "%s (%s constant)", e, ts);
				else snprintf(buf, sizeof buf, "%s (constant of type %s)", e, ts);
			} else if (type_is_untyped(x->tv.type)) {
				snprintf(buf, sizeof buf, "%s (%s constant %s)", e, ts, v);
			} else {
				snprintf(buf, sizeof buf, "%s (constant %s of type %s)", e, v, ts);
			}
		}
		break;
	case MODE_VAR:
		snprintf(buf, sizeof buf, "%s (variable of type %s)", e, ts);
		break;
	case MODE_MAPINDEX:
		snprintf(buf, sizeof buf, "%s (map index expression of type %s)", e, ts);
		break;
	case MODE_COMMAOK:
		snprintf(buf, sizeof buf, "%s (comma, ok expression of type %s)", e, ts);
		break;
	case MODE_NOVALUE:
		snprintf(buf, sizeof buf, "%s (no value)", e);
		break;
	case MODE_TYPE:
		snprintf(buf, sizeof buf, "%s (type)", e);
		break;
	case MODE_BUILTIN:
		snprintf(buf, sizeof buf, "%s (built-in)", e);
		break;
	default:
		if (x->tv.type && x->tv.type->kind == TY_UNTYPED_NIL) snprintf(buf, sizeof buf, "nil");
		else snprintf(buf, sizeof buf, "%s (value of type %s)", e, ts);
		break;
	}
	return arena_strndup(&perm, buf, strlen(buf));
}

/* ------------------------------------------------------------ untyped values */

/* "(T1, T2)" for diagnostics; untyped numeric constants print as "number" */
const char *check_values_string(Checker *c, NodeList *l)
{
	char buf[1024] = "(";
	for (int i = 0; i < l->n; i++) {
		Node *x = l->v[i];
		Type *t = x->tv.type;
		/* types2's typesSummary: untyped numbers are "number", other untyped kinds lose "untyped " */
		const char *ts = !t || x->tv.mode == MODE_INVALID ? "<T>"
		               : type_is_untyped(t) && type_is_numeric(t) ? "number"
		               : type_is_untyped(t) ? type_string(t, c->pkg) + strlen("untyped ")
		               : type_string(t, c->pkg);
		if (i) strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
		strncat(buf, ts, sizeof buf - strlen(buf) - 1);
	}
	strncat(buf, ")", sizeof buf - strlen(buf) - 1);
	return arena_strndup(&perm, buf, strlen(buf));
}

/* Give the untyped expression x (and its untyped operands) the type t. */
static void set_untyped_type(Node *x, Type *t)
{
	Node *u = x;
	for (;;) {
		u->tv.type = t;
		if (u->kind == N_PAREN) {
			u = u->unary.x;
			continue;
		}
		if (u->tv.mode == MODE_CONST) return;
		if (u->kind == N_UNARY && u->unary.op != OP_NOT) {
			u = u->unary.x;
			continue;
		}
		if (u->kind == N_BINARY) {
			Op op = u->binary.op;
			if (op >= OP_EQL && op <= OP_GEQ) return;          /* operands keep their types */
			if (op == OP_SHL || op == OP_SHR) {
				u = u->binary.x;
				continue;
			}
			if (type_is_untyped(u->binary.x->tv.type)) set_untyped_type(u->binary.x, t);
			if (type_is_untyped(u->binary.y->tv.type)) set_untyped_type(u->binary.y, t);
			return;
		}
		return;
	}
}

/* types2 (updateExprType): the untyped left operand of a non-constant shift
 * must end up an integer when x gets its final type t; false after an error */
static bool shifts_ok(Checker *c, Node *x, Type *t)
{
	Node *u = ast_unparen(x);
	if (u->tv.mode == MODE_CONST || type_is_untyped(t) || type_under(t)->kind == TY_TYPEPARAM) return true;
	if (u->kind == N_UNARY && u->unary.op != OP_NOT) return shifts_ok(c, u->unary.x, t);
	if (u->kind != N_BINARY || (u->binary.op >= OP_EQL && u->binary.op <= OP_GEQ)) return true;
	if (u->binary.op == OP_SHL || u->binary.op == OP_SHR) {
		if (!type_is_untyped(u->binary.x->tv.type)) return true;
		if (!type_is_integer(t)) {
			check_errorf(c, node_startpos(u->binary.x), "invalid operation: %s (shift of type %s)", ast_string(u),
			             type_string(t, c->pkg));
			return false;
		}
		return shifts_ok(c, u->binary.x, t);
	}
	bool ok = true;
	if (type_is_untyped(u->binary.x->tv.type)) ok = shifts_ok(c, u->binary.x, t);
	if (ok && type_is_untyped(u->binary.y->tv.type)) ok = shifts_ok(c, u->binary.y, t);
	return ok;
}

static bool representable(Checker *c, Node *x, Type *t, bool report)
{
	Type *u = type_under(t);
	Const *r;
	if (!x->tv.val) return true;
	if (const_representable(x->tv.val, u->kind, &r)) {
		x->tv.val = r;
		return true;
	}
	if (!report) return false;
	Const *v = x->tv.val;
	bool numeric = v->kind == CONST_INT || v->kind == CONST_FLOAT || v->kind == CONST_COMPLEX;
	if (numeric && type_is_numeric(u)) {
		if (type_is_integer(u) && !const_to_int(v))
			check_errorf(c, node_startpos(x), "%s truncated to %s", check_describe(c, x), type_string(t, c->pkg));
		else
			check_errorf(c, node_startpos(x), "cannot use %s as %s value in %s (overflows)",
			             check_describe(c, x), type_string(t, c->pkg), "assignment");
	} else {
		check_errorf(c, node_startpos(x), "cannot convert %s to type %s", check_describe(c, x),
		             type_string(t, c->pkg));
	}
	return false;
}

/* The constant x overflows type t: gc's wording is "cannot use ... (overflows)"
 * in assignments and "constant 300 overflows byte" in conversions/arithmetic. */
static void overflow_error(Checker *c, Node *x, Type *t)
{
	check_errorf(c, node_startpos(x), "constant %s overflows %s", const_string(x->tv.val), type_string(t, c->pkg));
}

/* An untyped x used as a value of type parameter type target: valid for
 * every type of its type set. Constants keep their value (codegen converts
 * it for each instantiation). */
static bool untyped_to_tparam(Checker *c, Node *x, Type *target, const char *context)
{
	Type *xt = x->tv.type, *u = type_under(target);
	if (xt->kind == TY_UNTYPED_NIL) {
		if (!type_has_nil(u)) {
			check_errorf(c, node_startpos(x), "cannot use nil as %s value in %s", type_string(target, c->pkg), context);
			invalid(x);
			return false;
		}
		x->tv.type = target;
		return true;
	}
	TypeSet *ts = typeparam_typeset(u);
	bool ok = !ts->all && ts->nterms > 0;
	const char *why = NULL;
	for (int i = 0; ok && i < ts->nterms; i++) {
		Type *tt = type_under(ts->terms[i].type);
		switch (xt->kind) {
		case TY_UNTYPED_BOOL: ok = type_is_boolean(tt); break;
		case TY_UNTYPED_STRING: ok = type_is_string(tt); break;
		default: ok = type_is_numeric(tt); break;
		}
		Const *r;
		if (ok && x->tv.mode == MODE_CONST && x->tv.val && !const_representable(x->tv.val, tt->kind, &r)) {
			ok = false;
			why = type_is_integer(tt) && !const_to_int(x->tv.val) ? " (truncated)" : " (overflows)";
		}
	}
	if (!ok) {
		check_errorf(c, node_startpos(x), "cannot use %s as %s value in %s%s", check_describe(c, x),
		             type_string(target, c->pkg), context, why ? why : "");
		invalid(x);
		return false;
	}
	set_untyped_type(x, target);
	return true;
}

/* Convert an untyped operand x to the type target (typed or untyped). */
void check_convert_untyped(Checker *c, Node *x, Type *target)
{
	if (is_invalid(x) || !type_is_untyped(x->tv.type) || target->kind == TY_INVALID) return;
	Type *xt = x->tv.type;
	if (type_is_untyped(target)) {
		/* both untyped: the "larger" kind wins (int < rune < float < complex) */
		if (xt->kind == TY_UNTYPED_NIL || target->kind == TY_UNTYPED_NIL) return;
		if (type_is_numeric(xt) && type_is_numeric(target) && target->kind > xt->kind) {
			if (x->tv.mode == MODE_CONST) {
				Const *r;
				const_representable(x->tv.val, target->kind, &r);
				x->tv.val = r;
			}
			set_untyped_type(x, target);
		}
		return;
	}
	Type *u = type_under(target);
	if (u->kind == TY_TYPEPARAM) {
		untyped_to_tparam(c, x, target, "assignment");
		return;
	}
	if (u->kind == TY_INTERFACE) {
		/* untyped value assigned to an interface: its default type */
		if (xt->kind == TY_UNTYPED_NIL) {
			x->tv.type = target;
			return;
		}
		Type *d = type_default(xt);
		if (u->kind == TY_INTERFACE && u->nmethods > 0) {
			/* untyped values never convert to non-empty interfaces (assignments default them first) */
			check_errorf(c, node_startpos(x), "cannot convert %s to %s", check_describe(c, x), type_string(u, c->pkg));
			invalid(x);
			return;
		}
		if (x->tv.mode == MODE_CONST) representable(c, x, d, true);
		if (!shifts_ok(c, x, d)) {
			invalid(x);
			return;
		}
		set_untyped_type(x, d);
		return;
	}
	if (xt->kind == TY_UNTYPED_NIL) {
		if (!type_has_nil(u)) {
			check_errorf(c, node_startpos(x), "cannot use nil as %s value in %s", type_string(target, c->pkg),
			             "assignment");
			invalid(x);
			return;
		}
		x->tv.type = target;
		return;
	}
	bool ok;
	switch (xt->kind) {
	case TY_UNTYPED_BOOL: ok = type_is_boolean(u); break;
	case TY_UNTYPED_STRING: ok = type_is_string(u); break;
	default: ok = type_is_numeric(u); break;
	}
	/* types2's invalidConversion: the target printed is its underlying type */
	const char *us = type_string(u, c->pkg);
	if (!ok) {
		if (x->tv.mode != MODE_CONST && !shifts_ok(c, x, target)) {
			invalid(x);
			return;
		}
		check_errorf(c, node_startpos(x), "cannot convert %s to %s", check_describe(c, x), us);
		invalid(x);
		return;
	}
	if (x->tv.mode == MODE_CONST) {
		Const *r;
		if (!const_representable(x->tv.val, u->kind, &r)) {
			if (type_is_integer(u) && xt->kind != TY_UNTYPED_INT && xt->kind != TY_UNTYPED_RUNE)
				check_errorf(c, node_startpos(x), "%s truncated to %s", check_describe(c, x), us);
			else
				check_errorf(c, node_startpos(x), "%s overflows %s", check_describe(c, x), us);
			invalid(x);
			return;
		}
		x->tv.val = r;
	}
	if (!shifts_ok(c, x, target)) {
		invalid(x);
		return;
	}
	set_untyped_type(x, target);
}

/* Final type of an untyped value used without context (x := 1). */
static void default_untyped(Checker *c, Node *x)
{
	if (type_is_untyped(x->tv.type) && x->tv.type->kind != TY_UNTYPED_NIL)
		check_convert_untyped(c, x, type_default(x->tv.type));
}

/* ------------------------------------------------------------ assignability */

static bool implements(Type *t, Type *iface, const char **missing);

/* defined types, predeclared types and type parameters have names (spec "Types") */
static bool is_named(Type *t)
{
	return t->kind == TY_NAMED || t->kind == TY_TYPEPARAM || (t->kind >= TY_BOOL && t->kind <= TY_UNSAFEPTR);
}

/* a value of type v is assignable to type t (types only, no untyped values) */
static bool assignable_types(Type *v, Type *t)
{
	if (type_identical(v, t)) return true;
	Type *vu = type_under(v), *tu = type_under(t);
	if (type_identical(vu, tu) && (!is_named(v) || !is_named(t)) && vu->kind != TY_TYPEPARAM)
		return true;
	const char *missing;
	if (tu->kind == TY_INTERFACE) return implements(v, tu, &missing);
	return vu->kind == TY_CHAN && tu->kind == TY_CHAN && vu->dir == CHAN_BOTH && type_identical(vu->elem, tu->elem) &&
	       (!is_named(v) || !is_named(t));
}

/* x is assignable to a variable of type t; reports an error otherwise */
void check_assignable(Checker *c, Node *x, Type *t, const char *context)
{
	if (is_invalid(x) || !t || t->kind == TY_INVALID) return;
	if (x->tv.mode == MODE_TYPE) {
		check_errorf(c, node_startpos(x), "%s (type) is not an expression", ast_string(x));
		invalid(x);
		return;
	}
	if (x->tv.mode == MODE_NOVALUE) {
		check_errorf(c, node_startpos(x), "%s (no value) used as value", ast_string(x));
		invalid(x);
		return;
	}
	if (type_is_untyped(x->tv.type)) {
		Type *u = type_under(t);
		if (u->kind == TY_TYPEPARAM) {
			untyped_to_tparam(c, x, t, context);
			return;
		}
		if (u->kind == TY_INTERFACE && x->tv.type->kind != TY_UNTYPED_NIL) {
			default_untyped(c, x);
		} else {
			Type *xt = x->tv.type;
			bool ok = true;
			if (xt->kind == TY_UNTYPED_NIL) ok = type_has_nil(u);
			else if (xt->kind == TY_UNTYPED_BOOL) ok = type_is_boolean(u);
			else if (xt->kind == TY_UNTYPED_STRING) ok = type_is_string(u);
			else ok = type_is_numeric(u);
			if (!ok) {
				if (xt->kind == TY_UNTYPED_NIL)
					check_errorf(c, node_startpos(x), "cannot use nil as %s value in %s", type_string(t, c->pkg), context);
				else
					check_errorf(c, node_startpos(x), "cannot use %s as %s value in %s", check_describe(c, x),
					             type_string(t, c->pkg), context);
				invalid(x);
				return;
			}
			if (x->tv.mode == MODE_CONST) {
				Const *r;
				if (!const_representable(x->tv.val, u->kind, &r)) {
					bool trunc = type_is_integer(u) && xt->kind != TY_UNTYPED_INT && xt->kind != TY_UNTYPED_RUNE;
					check_errorf(c, node_startpos(x), "cannot use %s as %s value in %s (%s)", check_describe(c, x),
					             type_string(t, c->pkg), context, trunc ? "truncated" : "overflows");
					invalid(x);
					return;
				}
				x->tv.val = r;
			}
			if (!shifts_ok(c, x, t)) {
				invalid(x);
				return;
			}
			set_untyped_type(x, t);
			return;
		}
	}
	Type *v = x->tv.type;
	if (type_identical(v, t)) return;
	Type *vu = type_under(v), *tu = type_under(t);
	/* identical underlying types and at least one is not a named type */
	if (type_identical(vu, tu) && (!is_named(v) || !is_named(t)) &&
	    vu->kind != TY_TYPEPARAM)
		return;
	/* interface */
	if (tu->kind == TY_INTERFACE) {
		const char *missing = NULL;
		if (implements(v, tu, &missing)) return;
		check_errorf(c, node_startpos(x), "cannot use %s as type %s in %s:\n\t%s does not implement %s (missing %s method)",
		             check_describe(c, x), type_string(t, c->pkg), context, type_string(v, c->pkg),
		             type_string(t, c->pkg), missing ? missing : "?");
		invalid(x);
		return;
	}
	/* bidirectional channel to directional channel with identical elements */
	if (vu->kind == TY_CHAN && tu->kind == TY_CHAN && vu->dir == CHAN_BOTH && type_identical(vu->elem, tu->elem) &&
	    (!is_named(v) || !is_named(t)))
		return;
	/* type parameters: every type of the set must be assignable */
	if (tu->kind == TY_TYPEPARAM && v->kind != TY_NAMED && vu->kind != TY_TYPEPARAM && typeparam_has_terms(tu)) {
		TypeSet *ts = typeparam_typeset(tu);
		bool ok = true;
		for (int i = 0; ok && i < ts->nterms; i++) ok = assignable_types(v, ts->terms[i].type);
		if (ok) return;
	}
	if (vu->kind == TY_TYPEPARAM && t->kind != TY_NAMED && tu->kind != TY_TYPEPARAM && typeparam_has_terms(vu)) {
		TypeSet *ts = typeparam_typeset(vu);
		bool ok = true;
		for (int i = 0; ok && i < ts->nterms; i++) ok = assignable_types(ts->terms[i].type, t);
		if (ok) return;
	}
	check_errorf(c, node_startpos(x), "cannot use %s as type %s in %s", check_describe(c, x), type_string(t, c->pkg),
	             context);
	invalid(x);
}

/* method set check: does t implement the interface iface (underlying)? */
static bool implements(Type *t, Type *iface, const char **missing)
{
	for (int i = 0; i < iface->nmethods; i++) {
		Obj *m = iface->methods[i];
		int *path, npath;
		bool indirect;
		Obj *f = lookup_field_or_method(t, false, m->pkg, m->name, &path, &npath, &indirect);
		if (!f || f->kind != OBJ_FUNC || !type_identical(f->type, m->type)) {
			/* methods with pointer receivers are not in T's method set */
			*missing = m->name;
			return false;
		}
		if (f->type->recv && type_under(f->type->recv->type)->kind == TY_POINTER && type_under(t)->kind != TY_POINTER &&
		    !type_is_interface(t) && !indirect) {
			*missing = m->name;
			return false;
		}
	}
	return true;
}

bool check_implements(Type *t, Type *iface, const char **missing)
{
	return implements(t, iface, missing);
}

/* &x, &x.f, &x[i] (array), x.m() with a pointer method: the variable at
 * the root lives in memory (codegen allocates it on the heap) */
void check_mark_addrtaken(Node *x)
{
	for (;;) {
		x = ast_unparen(x);
		if (x->kind == N_IDENT) {
			if (x->ident.obj && x->ident.obj->kind == OBJ_VAR) x->ident.obj->addrtaken = true;
			return;
		}
		if (x->kind == N_SELECTOR && x->selector.info && x->selector.info->kind == SEL_FIELD &&
		    !x->selector.info->indirect && type_under(x->selector.x->tv.type)->kind != TY_POINTER) {
			x = x->selector.x;
			continue;
		}
		if (x->kind == N_INDEX && type_under(x->index.x->tv.type)->kind == TY_ARRAY) {
			x = x->index.x;
			continue;
		}
		return;
	}
}

/* ------------------------------------------------------------ identifiers */

static void check_ident(Checker *c, Node *n)
{
	const char *name = n->ident.name;
	if (name == intern_cstr("_") && n->ident.obj && n->ident.obj->kind == OBJ_TYPE) {
		/* a blank receiver type parameter (func (T[_]) m()), bound by check_recv_tparams */
		n->tv.mode = MODE_TYPE;
		n->tv.type = n->ident.obj->type;
		return;
	}
	if (name == intern_cstr("_")) {
		check_errorf(c, n->pos, "cannot use _ as value or type");
		invalid(n);
		return;
	}
	Scope *found;
	Obj *o = scope_lookup(c->scope, name, &found);
	if (!o) {
		check_errorf(c, n->pos, "undefined: %s", name);
		invalid(n);
		return;
	}
	n->ident.obj = o;
	if (o->pkg && o->pkg != c->pkg && found && found->node && found->node->kind == N_FILE) check_note_dot_use(found, o);
	switch (o->kind) {
	case OBJ_PKGNAME:
		check_errorf(c, n->pos, "use of package %s not in selector", name);
		invalid(n);
		return;
	case OBJ_CONST:
		check_resolve_obj(c, o);
		o->used = true;
		if (o == universe_iota) {
			if (!c->iota_spec) {
				check_errorf(c, n->pos, "cannot use iota outside constant declaration");
				invalid(n);
				return;
			}
			n->tv.mode = MODE_CONST;
			n->tv.type = types_basic[TY_UNTYPED_INT];
			n->tv.val = const_make_int64(c->iota);
			return;
		}
		if (!o->type || o->type->kind == TY_INVALID || !o->val) {
			invalid(n);
			return;
		}
		n->tv.mode = MODE_CONST;
		n->tv.type = o->type;
		n->tv.val = o->val;
		return;
	case OBJ_TYPE:
		check_resolve_obj(c, o);
		o->used = true;
		if (!o->type) { /* an alias referring to itself while being resolved */
			check_errorf(c, n->pos, "invalid recursive type %s", o->name);
			o->type = types_basic[TY_INVALID];
		}
		n->tv.mode = o->type->kind == TY_INVALID ? MODE_INVALID : MODE_TYPE;
		n->tv.type = o->type;
		return;
	case OBJ_VAR:
		if (o->global) check_resolve_obj(c, o);
		o->used = true;
		if (o->fn && c->fn && o->fn != c->fn->fn) o->captured = true;
		n->tv.mode = MODE_VAR;
		n->tv.type = o->type ? o->type : types_basic[TY_INVALID];
		if (!o->type || o->type->kind == TY_INVALID) invalid(n);
		return;
	case OBJ_FUNC:
		check_resolve_obj(c, o);
		o->used = true;
		n->tv.mode = MODE_VALUE;
		n->tv.type = o->type;
		return;
	case OBJ_BUILTIN:
		n->tv.mode = MODE_BUILTIN;
		n->tv.type = types_basic[TY_INVALID];
		return;
	case OBJ_NIL:
		n->tv.mode = MODE_VALUE;
		n->tv.type = types_basic[TY_UNTYPED_NIL];
		return;
	default:
		invalid(n);
		return;
	}
}

/* ------------------------------------------------------------ literals */

static void check_basiclit(Checker *c, Node *n)
{
	bool ok;
	Const *v = const_from_lit(n, &ok);
	if (!ok || !v) {
		invalid(n);
		return;
	}
	static const TypeKind kinds[] = {[LIT_INT] = TY_UNTYPED_INT, [LIT_FLOAT] = TY_UNTYPED_FLOAT,
	                                 [LIT_IMAG] = TY_UNTYPED_COMPLEX, [LIT_RUNE] = TY_UNTYPED_RUNE,
	                                 [LIT_STRING] = TY_UNTYPED_STRING};
	/* gc limits untyped integer constants to 512 bits of mantissa */
	if (v->kind == CONST_INT && const_bitlen(v) > 512) {
		check_errorf(c, n->pos, "constant overflow");
		invalid(n);
		return;
	}
	n->tv.mode = MODE_CONST;
	n->tv.type = types_basic[kinds[n->lit.kind]];
	n->tv.val = v;
}

/* ------------------------------------------------------------ operators */

/* the predeclared nil (possibly already converted to the other operand's type) */
static bool is_nil(Node *x)
{
	Node *u = ast_unparen(x);
	return x->tv.type->kind == TY_UNTYPED_NIL ||
	       (u->kind == N_IDENT && u->ident.obj && u->ident.obj->kind == OBJ_NIL);
}

static bool is_comparison(Op op) { return op >= OP_EQL && op <= OP_GEQ; }

/* Make the operands of a binary operation agree in type (untyped conversion). */
/* types2's canMix: may an untyped operand be converted to the other's type? */
static bool can_mix(Node *x, Node *y)
{
	Type *xt = x->tv.type, *yt = y->tv.type;
	if (xt->kind == TY_UNTYPED_NIL) return type_has_nil(yt);
	if (yt->kind == TY_UNTYPED_NIL) return type_has_nil(xt);
	if (type_is_interface(xt) || type_is_interface(yt)) return true;
	if (type_is_numeric(xt) != type_is_numeric(yt)) return false;
	if (type_is_string(xt) != type_is_string(yt)) return false;
	if (type_is_boolean(xt) != type_is_boolean(yt)) return false;
	return true;
}

/* Make the operands of a binary operation agree in type (untyped conversion). */
static bool match_types(Checker *c, Node *x, Node *y)
{
	bool xu = type_is_untyped(x->tv.type), yu = type_is_untyped(y->tv.type);
	if ((xu || yu) && !can_mix(x, y)) return true; /* reported as mismatched types */
	if (xu && !yu) check_convert_untyped(c, x, y->tv.type);
	else if (yu && !xu) check_convert_untyped(c, y, x->tv.type);
	else if (xu && yu) {
		Type *xt = x->tv.type, *yt = y->tv.type;
		if (type_is_numeric(xt) && type_is_numeric(yt)) {
			if (xt->kind < yt->kind) check_convert_untyped(c, x, yt);
			else if (yt->kind < xt->kind) check_convert_untyped(c, y, xt);
		}
	}
	return !is_invalid(x) && !is_invalid(y);
}

static bool numeric_or_string(Type *t) { return type_is_numeric(t) || type_is_string(t); }

static bool op_allowed(Op op, Type *t)
{
	Type *u = type_under(t);
	switch (op) {
	case OP_ADD:
		return numeric_or_string(t) || (u->kind == TY_TYPEPARAM && typeparam_all(u, numeric_or_string));
	case OP_SUB: case OP_MUL: case OP_QUO: return type_is_numeric(t);
	case OP_REM: case OP_AND: case OP_OR: case OP_XOR: case OP_ANDNOT: return type_is_integer(t);
	case OP_LAND: case OP_LOR: return type_is_boolean(t);
	default: return false;
	}
}

static const char *op_desc(Op op)
{
	switch (op) {
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_QUO: return "operator";
	default: return "operator";
	}
}

static void check_shift(Checker *c, Node *n)
{
	Node *x = n->binary.x, *y = n->binary.y;
	/* the right operand: integer (untyped constants must be non-negative ints) */
	if (y->tv.mode == MODE_CONST) {
		Const *iv = const_to_int(y->tv.val);
		if (!iv || y->tv.val->kind == CONST_BOOL || y->tv.val->kind == CONST_STRING) {
			check_errorf(c, node_startpos(y), "invalid shift count %s", check_describe(c, y));
			invalid(n);
			return;
		}
		if (const_sign(iv) < 0) {
			check_errorf(c, node_startpos(y), "invalid shift count %s (must be non-negative)", check_describe(c, y));
			invalid(n);
			return;
		}
		if (type_is_untyped(y->tv.type)) {
			y->tv.val = iv;
			check_convert_untyped(c, y, types_basic[TY_UINT]);
		}
	} else if (type_is_untyped(y->tv.type) && type_is_numeric(y->tv.type)) {
		/* a non-constant untyped count (1.0 << s) becomes a uint */
		check_convert_untyped(c, y, types_basic[TY_UINT]);
		if (y->tv.mode == MODE_INVALID) {
			invalid(n);
			return;
		}
	} else if (!type_is_integer(y->tv.type)) {
		check_errorf(c, node_startpos(y), "invalid shift count %s", check_describe(c, y));
		invalid(n);
		return;
	}
	if (x->tv.mode == MODE_CONST) {
		Const *xi = const_to_int(x->tv.val);
		if (!xi || x->tv.val->kind == CONST_BOOL || x->tv.val->kind == CONST_STRING) {
			check_errorf(c, node_startpos(x), "invalid operation: shifted operand %s must be integer",
			             check_describe(c, x));
			invalid(n);
			return;
		}
		if (y->tv.mode == MODE_CONST) {
			uint64_t s = const_uint64(y->tv.val);
			if (s > 10000) {
				check_errorf(c, node_startpos(y), "invalid shift count %s", check_describe(c, y));
				invalid(n);
				return;
			}
			n->tv.mode = MODE_CONST;
			n->tv.type = x->tv.type;
			if (type_is_untyped(x->tv.type) && x->tv.type->kind > TY_UNTYPED_RUNE)
				n->tv.type = types_basic[TY_UNTYPED_INT];
			n->tv.val = const_shift(n->binary.op, xi, s);
			if (!type_is_untyped(n->tv.type)) {
				Const *r;
				if (!const_representable(n->tv.val, type_under(n->tv.type)->kind, &r)) {
					overflow_error(c, n, n->tv.type);
					invalid(n);
					return;
				}
			} else if (const_bitlen(n->tv.val) > 512) {
				check_errorf(c, node_startpos(n), "constant shift overflow");
				invalid(n);
				return;
			}
			return;
		}
		if (type_is_untyped(x->tv.type)) {
			/* non-constant shift of an untyped constant: the result is untyped
			 * and takes its type from the context (spec: as if the shift were
			 * replaced by its left operand); set_untyped_type reaches x */
			x->tv.val = xi;
			n->tv.mode = MODE_VALUE;
			n->tv.type = x->tv.type; /* 1.0 << s stays untyped float: shifts_ok checks the final type */
			return;
		}
	}
	if (!type_is_integer(x->tv.type)) {
		check_errorf(c, node_startpos(x), "invalid operation: shifted operand %s must be integer",
		             check_describe(c, x));
		invalid(n);
		return;
	}
	n->tv.mode = MODE_VALUE;
	n->tv.type = x->tv.type;
}

static void check_binary(Checker *c, Node *n, Type *hint)
{
	Node *x = n->binary.x, *y = n->binary.y;
	Op op = n->binary.op;
	check_expr(c, x, NULL);
	check_expr(c, y, NULL);
	if (is_invalid(x) || is_invalid(y)) {
		invalid(n);
		return;
	}
	for (int i = 0; i < 2; i++) {
		Node *o = i ? y : x;
		if (o->tv.mode == MODE_TYPE || o->tv.mode == MODE_NOVALUE || o->tv.mode == MODE_BUILTIN) {
			check_errorf(c, node_startpos(o), o->tv.mode == MODE_NOVALUE ? "%s (no value) used as value"
			                                   : "%s (type) is not an expression", ast_string(o));
			invalid(n);
			return;
		}
	}
	if (op == OP_SHL || op == OP_SHR) {
		check_shift(c, n);
		return;
	}
	if (!match_types(c, x, y)) {
		invalid(n);
		return;
	}
	if (is_comparison(op)) {
		Type *xt = x->tv.type, *yt = y->tv.type;
		bool ok = true;
		const char *why = NULL;
		bool xnil = is_nil(x), ynil = is_nil(y);
		if (xnil || ynil) {
			Type *other = xnil ? yt : xt;
			if (xnil && ynil) {
				ok = false;
				why = "operator == not defined on nil";
			} else if (!type_has_nil(other)) {
				ok = false;
			} else {
				(xnil ? x : y)->tv.type = other;
			}
		} else if (!type_identical(xt, yt) && xt->kind != TY_TYPEPARAM && yt->kind != TY_TYPEPARAM &&
		           !assignable_types(xt, yt) && !assignable_types(yt, xt)) {
			check_errorf(c, node_startpos(y), "invalid operation: %s (mismatched types %s and %s)", ast_string(n),
			             type_string(xt, c->pkg), type_string(yt, c->pkg));
			invalid(n);
			return;
		} else if (op == OP_EQL || op == OP_NEQ ? !type_is_comparable(xt) || !type_is_comparable(yt)
		                                        : !type_is_ordered(xt) || !type_is_ordered(yt)) {
			Node *errop;
			const char *cause = check_comparison_cause(c, x, y, op, &errop);
			check_errorf(c, node_startpos(errop), "invalid operation: %s (%s)", ast_string(n), cause ? cause : "?");
			invalid(n);
			return;
		}
		if (!ok) {
			if (why) check_errorf(c, n->pos, "invalid operation: %s (%s)", ast_string(n), why);
			else check_errorf(c, n->pos, "invalid operation: %s (mismatched types %s and %s)", ast_string(n),
			                  type_string(xt, c->pkg), type_string(yt, c->pkg));
			invalid(n);
			return;
		}
		if (x->tv.mode == MODE_CONST && y->tv.mode == MODE_CONST) {
			n->tv.mode = MODE_CONST;
			n->tv.val = const_make_bool(const_compare(op, x->tv.val, y->tv.val));
		} else {
			n->tv.mode = MODE_VALUE;
			/* untyped operands of a non-constant comparison get their default type */
			default_untyped(c, x);
			default_untyped(c, y);
		}
		n->tv.type = types_basic[TY_UNTYPED_BOOL];
		return;
	}
	Type *xt = x->tv.type, *yt = y->tv.type;
	if (!type_identical(xt, yt)) {
		check_errorf(c, node_startpos(n), "invalid operation: %s (mismatched types %s and %s)", ast_string(n),
		             type_string(xt, c->pkg), type_string(yt, c->pkg));
		invalid(n);
		return;
	}
	if (!op_allowed(op, xt)) {
		check_errorf(c, node_startpos(x), "invalid operation: %s %s not defined on %s", op_desc(op), op_string(op),
		             check_describe(c, x));
		invalid(n);
		return;
	}
	if ((op == OP_QUO || op == OP_REM) && y->tv.mode == MODE_CONST && const_is_zero(y->tv.val) &&
	    (x->tv.mode == MODE_CONST || type_is_integer(xt))) {
		check_errorf(c, node_startpos(y), "invalid operation: division by zero");
		invalid(n);
		return;
	}
	if (x->tv.mode == MODE_CONST && y->tv.mode == MODE_CONST) {
		bool intdiv = type_is_integer(xt);
		Const *v = const_binop(op, x->tv.val, y->tv.val, intdiv);
		if (!v) {
			invalid(n);
			return;
		}
		n->tv.mode = MODE_CONST;
		n->tv.type = xt;
		n->tv.val = v;
		if (!type_is_untyped(xt)) {
			Const *r;
			if (!const_representable(v, type_under(xt)->kind, &r)) {
				check_errorf(c, node_startpos(n), "constant %s overflows %s", const_string(v), type_string(xt, c->pkg));
				invalid(n);
				return;
			}
			n->tv.val = r;
		} else if (v->kind == CONST_INT && const_bitlen(v) > 512) {
			check_errorf(c, node_startpos(n), "constant overflow");
			invalid(n);
			return;
		}
		return;
	}
	n->tv.mode = MODE_VALUE;
	n->tv.type = xt;
}

static void check_unary(Checker *c, Node *n, Type *hint)
{
	Node *x = n->unary.x;
	Op op = n->unary.op;
	if (op == OP_AND) {
		Node *ux = ast_unparen(x);
		if (ux->kind == N_COMPOSITELIT) {
			Type *h = hint && type_under(hint)->kind == TY_POINTER ? type_under(hint)->elem : NULL;
			check_expr(c, ux, h);
			if (x != ux) x->tv = ux->tv;
			if (is_invalid(x)) {
				invalid(n);
				return;
			}
			n->tv.mode = MODE_VALUE;
			n->tv.type = type_pointer(x->tv.type);
			return;
		}
		check_expr(c, x, NULL);
		if (is_invalid(x)) {
			invalid(n);
			return;
		}
		if (x->tv.mode != MODE_VAR) {
			check_errorf(c, n->pos, "invalid operation: cannot take address of %s", check_describe(c, x));
			invalid(n);
			return;
		}
		check_mark_addrtaken(x);
		n->tv.mode = MODE_VALUE;
		n->tv.type = type_pointer(x->tv.type);
		return;
	}
	if (op == OP_ARROW) {
		check_expr(c, x, NULL);
		if (is_invalid(x)) {
			invalid(n);
			return;
		}
		Type *u = type_core(x->tv.type);
		if (!u) u = type_under(x->tv.type);
		if (u->kind != TY_CHAN) {
			check_errorf(c, n->pos, "invalid operation: cannot receive from non-channel %s", check_describe(c, x));
			invalid(n);
			return;
		}
		if (u->dir == CHAN_SEND) {
			check_errorf(c, n->pos, "invalid operation: cannot receive from send-only channel %s", check_describe(c, x));
			invalid(n);
			return;
		}
		n->tv.mode = MODE_COMMAOK;
		n->tv.type = u->elem;
		return;
	}
	check_expr(c, x, NULL);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	bool ok;
	switch (op) {
	case OP_ADD: case OP_SUB: ok = type_is_numeric(x->tv.type); break;
	case OP_XOR: ok = type_is_integer(x->tv.type); break;
	case OP_NOT: ok = type_is_boolean(x->tv.type); break;
	default: ok = false; break;
	}
	if (!ok) {
		check_errorf(c, n->pos, "invalid operation: operator %s not defined on %s", op_string(op), check_describe(c, x));
		invalid(n);
		return;
	}
	if (x->tv.mode == MODE_CONST) {
		int ubits = 0;
		if (op == OP_XOR && type_is_unsigned(x->tv.type)) ubits = type_int_bits(x->tv.type);
		Const *v = const_unop(op, x->tv.val, ubits);
		n->tv.mode = MODE_CONST;
		n->tv.type = x->tv.type;
		n->tv.val = v;
		if (!type_is_untyped(x->tv.type)) {
			Const *r;
			if (!const_representable(v, type_under(x->tv.type)->kind, &r)) {
				check_errorf(c, node_startpos(n), "constant %s overflows %s", const_string(v),
				             type_string(x->tv.type, c->pkg));
				invalid(n);
				return;
			}
			n->tv.val = r;
		}
		return;
	}
	n->tv.mode = MODE_VALUE;
	n->tv.type = x->tv.type;
}

/* ------------------------------------------------------------ index, slice */

static int64_t const_index(Checker *c, Node *i, int64_t max, bool allow_max, const char *what)
{
	check_expr(c, i, NULL);
	if (!check_valid_index(c, i, what, false)) return -2;
	if (i->tv.mode != MODE_CONST) return -1;
	int64_t v = const_int64(i->tv.val);
	if (max >= 0 && (allow_max ? v > max : v >= max)) {
		check_errorf(c, node_startpos(i), "invalid argument: %s %s out of bounds [0:%lld]", what, const_string(i->tv.val),
		             (long long)(allow_max ? max + 1 : max));
		return -2;
	}
	return v;
}

/* x[i] with x of type parameter type: every type of its set must be
 * indexable with the same element type (maps only with maps) */
static void index_tparam(Checker *c, Node *n, Type *tp)
{
	Node *x = n->index.x, *i = n->index.index.v[0];
	TypeSet *ts = typeparam_typeset(tp);
	bool ok = !ts->all && ts->nterms > 0, str = false, map = false, other = false;
	Type *elem = NULL, *key = NULL;
	for (int k = 0; ok && k < ts->nterms; k++) {
		Type *tu = type_under(ts->terms[k].type), *e = NULL;
		if (tu->kind == TY_POINTER && type_under(tu->elem)->kind == TY_ARRAY) tu = type_under(tu->elem);
		if (type_is_string(tu)) {
			e = types_basic[TY_UINT8];
			str = true;
		} else if (tu->kind == TY_ARRAY || tu->kind == TY_SLICE) {
			e = tu->elem;
			other = true;
		} else if (tu->kind == TY_MAP) {
			if (key && !type_identical(key, tu->key)) ok = false;
			key = tu->key;
			e = tu->elem;
			map = true;
		} else {
			ok = false;
		}
		if (ok && elem && !type_identical(elem, e)) ok = false;
		elem = e;
	}
	if (!ok || (map && (str || other))) {
		check_errorf(c, n->pos, "invalid operation: cannot index %s", check_describe(c, x));
		invalid(n);
		return;
	}
	if (map) {
		check_expr(c, i, key);
		check_assignable(c, i, key, "map index");
		n->tv.mode = MODE_MAPINDEX;
	} else {
		if (const_index(c, i, -1, false, "index") == -2) {
			invalid(n);
			return;
		}
		n->tv.mode = str ? MODE_VALUE : MODE_VAR;
	}
	n->tv.type = elem;
}

static void check_index(Checker *c, Node *n)
{
	Node *x = n->index.x;
	check_expr_or_type(c, x);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	if (check_generic_index(c, n)) return;
	if (n->index.index.n != 1) {
		check_errorf(c, n->pos, "generic instantiation not supported yet");
		invalid(n);
		return;
	}
	Node *i = n->index.index.v[0];
	Type *t = x->tv.type, *u = type_under(t);
	if (u->kind == TY_TYPEPARAM) {
		index_tparam(c, n, u);
		return;
	}
	if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY) u = type_under(u->elem);
	switch (u->kind) {
	case TY_STRING:
	case TY_UNTYPED_STRING: {
		int64_t max = x->tv.mode == MODE_CONST ? (int64_t)x->tv.val->slen : -1;
		int64_t v = const_index(c, i, max, false, "index");
		if (v == -2) {
			invalid(n);
			return;
		}
		if (x->tv.mode == MODE_CONST && v >= 0) {
			n->tv.mode = MODE_CONST;
			n->tv.val = const_make_int64((unsigned char)x->tv.val->s[v]);
		} else {
			n->tv.mode = MODE_VALUE;
		}
		if (type_is_untyped(x->tv.type)) default_untyped(c, x);
		n->tv.type = universe_byte(); /* types2 prints byte */
		return;
	}
	case TY_ARRAY:
		if (const_index(c, i, u->len, false, "index") == -2) {
			invalid(n);
			return;
		}
		n->tv.mode = x->tv.mode == MODE_VAR || type_under(x->tv.type)->kind == TY_POINTER ? MODE_VAR : MODE_VALUE;
		n->tv.type = u->elem;
		return;
	case TY_SLICE:
		if (const_index(c, i, -1, false, "index") == -2) {
			invalid(n);
			return;
		}
		n->tv.mode = MODE_VAR;
		n->tv.type = u->elem;
		return;
	case TY_MAP:
		check_expr(c, i, u->key);
		check_assignable(c, i, u->key, "map index");
		n->tv.mode = MODE_MAPINDEX;
		n->tv.type = u->elem;
		return;
	default:
		check_errorf(c, n->pos, "invalid operation: cannot index %s", check_describe(c, x));
		invalid(n);
		return;
	}
}

static void check_slice(Checker *c, Node *n)
{
	Node *x = n->slice.x;
	check_expr(c, x, NULL);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	Type *t = x->tv.type, *u = type_core(t);
	if (!u) u = type_under(t);
	int64_t max = -1;
	switch (u->kind) {
	case TY_STRING:
	case TY_UNTYPED_STRING:
		if (n->slice.slice3) {
			check_errorf(c, n->slice.max ? node_startpos(n->slice.max) : n->pos, "invalid operation: 3-index slice of string");
			invalid(n);
			return;
		}
		if (x->tv.mode == MODE_CONST) max = x->tv.val->slen;
		default_untyped(c, x);
		n->tv.type = x->tv.type;
		break;
	case TY_ARRAY:
		if (x->tv.mode != MODE_VAR) {
			check_errorf(c, node_startpos(x), "invalid operation: %s (slice of unaddressable value)", check_describe(c, x));
			invalid(n);
			return;
		}
		max = u->len;
		n->tv.type = type_slice(u->elem);
		break;
	case TY_POINTER:
		if (type_under(u->elem)->kind == TY_ARRAY) {
			max = type_under(u->elem)->len;
			n->tv.type = type_slice(type_under(u->elem)->elem);
			break;
		}
		/* fallthrough */
	default:
		if (u->kind == TY_SLICE) {
			n->tv.type = t;
			break;
		}
		check_errorf(c, n->pos, "cannot slice %s", check_describe(c, x));
		invalid(n);
		return;
	}
	Node *idx[3] = {n->slice.lo, n->slice.hi, n->slice.max};
	int64_t vals[3] = {-1, -1, -1};
	for (int k = 0; k < 3; k++) {
		if (!idx[k]) continue;
		vals[k] = const_index(c, idx[k], max, true, "index");
		if (vals[k] == -2) {
			invalid(n);
			return;
		}
	}
	for (int a = 0; a < 3; a++)
		for (int b = a + 1; b < 3; b++)
			if (vals[a] >= 0 && vals[b] >= 0 && vals[a] > vals[b]) {
				check_errorf(c, node_startpos(idx[b]), "invalid slice indices: %lld < %lld", (long long)vals[b],
				             (long long)vals[a]);
				invalid(n);
				return;
			}
	n->tv.mode = MODE_VALUE;
}

/* ------------------------------------------------------------ composite literals */

/* a struct field value cannot elide its type: "missing type in composite literal" */
static bool elided_type(Checker *c, Node *v)
{
	if (v->kind != N_COMPOSITELIT || v->complit.type) return false;
	check_errorf(c, v->pos, "missing type in composite literal");
	invalid(v);
	return true;
}

/* indexes of an array or slice literal already given a value */
typedef struct IndexSet {
	unsigned char *bits;
	int64_t cap;            /* in bits */
} IndexSet;

/* marks index k; true if it was marked already (huge indexes are not tracked) */
static bool index_seen(IndexSet *s, int64_t k)
{
	if (k < 0 || k >= ((int64_t)1 << 26)) return false;
	if (k >= s->cap) {
		int64_t nc = s->cap ? s->cap : 1024;
		while (nc <= k) nc *= 2;
		s->bits = realloc(s->bits, (size_t)nc / 8);
		memset(s->bits + s->cap / 8, 0, (size_t)(nc - s->cap) / 8);
		s->cap = nc;
	}
	bool had = s->bits[k / 8] & (1u << (k % 8));
	s->bits[k / 8] |= (unsigned char)(1u << (k % 8));
	return had;
}

/* the constant key of element i equals an earlier one (for interface keys,
 * of an identical type too) */
static bool duplicate_map_key(Node *lit, int i, bool iface)
{
	Node *x = lit->complit.elts.v[i]->binary.x;
	if (x->tv.mode != MODE_CONST || !x->tv.val) return false;
	for (int k = 0; k < i; k++) {
		Node *e = lit->complit.elts.v[k];
		if (e->kind != N_KEYVALUE) continue;
		Node *y = e->binary.x;
		if (y->tv.mode != MODE_CONST || !y->tv.val) continue;
		bool numeric = x->tv.val->kind >= CONST_INT && y->tv.val->kind >= CONST_INT;
		if (x->tv.val->kind != y->tv.val->kind && !numeric) continue;
		if (iface && !type_identical(x->tv.type, y->tv.type)) continue;
		if (const_compare(OP_EQL, x->tv.val, y->tv.val)) return true;
	}
	return false;
}

static void check_complit(Checker *c, Node *n, Type *hint)
{
	Type *t;
	if (n->complit.type) {
		Node *tn = n->complit.type;
		if (tn->kind == N_ARRAYTYPE && tn->arraytype.len && tn->arraytype.len->kind == N_ELLIPSIS) {
			Type *elem = check_type(c, tn->arraytype.elem);
			t = type_array(elem, -1); /* length from the elements below */
			tn->tv.mode = MODE_TYPE;
			tn->tv.type = t;
		} else {
			t = check_type(c, tn);
		}
	} else if (hint) {
		t = hint;
		Type *hc = type_core(t);
		if (hc && hc->kind == TY_POINTER) t = hc->elem; /* &T elided in []*T{{...}} */
	} else {
		check_errorf(c, n->pos, "invalid composite literal type: missing type");
		invalid(n);
		return;
	}
	Type *u = type_core(t);
	if (!u) u = type_under(t);
	switch (u->kind) {
	case TY_STRUCT: {
		if (n->complit.elts.n == 0) break;
		bool keyed = n->complit.elts.v[0]->kind == N_KEYVALUE;
		if (keyed) {
			bool *seen = arena_alloc(&perm, u->nfields + 1);
			for (int i = 0; i < n->complit.elts.n; i++) {
				Node *kv = n->complit.elts.v[i];
				if (kv->kind != N_KEYVALUE) {
					check_errorf(c, node_startpos(kv), "mixture of field:value and value elements in struct literal");
					check_expr(c, kv, NULL);
					continue;
				}
				Node *key = kv->binary.x;
				if (key->kind != N_IDENT) {
					check_errorf(c, node_startpos(key), "invalid field name %s in struct literal", ast_string(key));
					check_expr(c, kv->binary.y, NULL);
					continue;
				}
				int fi = -1;
				for (int k = 0; k < u->nfields; k++)
					if (u->fields[k].name == key->ident.name && key->ident.name != intern_cstr("_")) fi = k;
				if (fi < 0) {
					check_errorf(c, key->pos, "unknown field '%s' in struct literal of type %s", key->ident.name,
					             type_string(t, c->pkg));
					check_expr(c, kv->binary.y, NULL);
					continue;
				}
				if (seen[fi]) check_errorf(c, key->pos, "duplicate field name %s in struct literal", key->ident.name);
				seen[fi] = true;
				key->ident.obj = u->fields[fi].obj;
				key->tv.mode = MODE_VAR;
				key->tv.type = u->fields[fi].type;
				if (elided_type(c, kv->binary.y)) continue;
				check_expr(c, kv->binary.y, u->fields[fi].type);
				check_assignable(c, kv->binary.y, u->fields[fi].type, "struct literal");
			}
		} else {
			int i;
			for (i = 0; i < n->complit.elts.n && i < u->nfields; i++) {
				Node *e = n->complit.elts.v[i];
				if (e->kind == N_KEYVALUE) {
					check_errorf(c, node_startpos(e), "mixture of field:value and value elements in struct literal");
					continue;
				}
				if (elided_type(c, e)) continue;
				check_expr(c, e, u->fields[i].type);
				check_assignable(c, e, u->fields[i].type, "struct literal");
			}
			if (n->complit.elts.n > u->nfields)
				check_errorf(c, node_startpos(n->complit.elts.v[u->nfields]), "too many values in struct literal of type %s",
				             type_string(t, c->pkg));
			else if (n->complit.elts.n < u->nfields)
				check_errorf(c, n->complit.rbrace, "too few values in struct literal of type %s", type_string(t, c->pkg));
		}
		break;
	}
	case TY_ARRAY:
	case TY_SLICE: {
		int64_t idx = 0, maxidx = 0;
		IndexSet seen = {0};
		for (int i = 0; i < n->complit.elts.n; i++) {
			Node *e = n->complit.elts.v[i];
			if (e->kind == N_KEYVALUE) {
				int64_t k = const_index(c, e->binary.x, u->kind == TY_ARRAY && u->len >= 0 ? u->len : -1, false, "index");
				if (k >= 0) idx = k;
				else if (k == -1) check_errorf(c, node_startpos(e->binary.x), "index %s must be integer constant",
				                               ast_string(e->binary.x));
				if (k >= 0 && index_seen(&seen, k))
					check_errorf(c, e->pos, "duplicate index %lld in array or slice literal", (long long)k);
				e = e->binary.y;
			} else if (u->kind == TY_ARRAY && u->len >= 0 && idx >= u->len) {
				check_errorf(c, node_startpos(e), "index %lld out of bounds [0:%lld]", (long long)idx, (long long)u->len);
			}
			else index_seen(&seen, idx);
			check_expr(c, e, u->elem);
			check_assignable(c, e, u->elem, "array or slice literal");
			idx++;
			if (idx > maxidx) maxidx = idx;
		}
		free(seen.bits);
		if (u->kind == TY_ARRAY && u->len < 0) {
			u->len = maxidx;
			u->size = -1;
		}
		break;
	}
	case TY_MAP:
		for (int i = 0; i < n->complit.elts.n; i++) {
			Node *e = n->complit.elts.v[i];
			if (e->kind != N_KEYVALUE) {
				check_errorf(c, node_startpos(e), "missing key in map literal");
				check_expr(c, e, NULL);
				continue;
			}
			check_expr(c, e->binary.x, u->key);
			check_assignable(c, e->binary.x, u->key, "map literal");
			if (duplicate_map_key(n, i, type_is_interface(u->key)))
				check_errorf(c, node_startpos(e->binary.x), "duplicate key %s in map literal", const_string(e->binary.x->tv.val));
			check_expr(c, e->binary.y, u->elem);
			check_assignable(c, e->binary.y, u->elem, "map literal");
		}
		break;
	default:
		if (u->kind != TY_INVALID)
			check_errorf(c, n->pos, "invalid composite literal type %s", type_string(t, c->pkg));
		invalid(n);
		return;
	}
	n->tv.mode = MODE_VALUE;
	n->tv.type = t;
	/* an elided &T{...} has type *T */
	if (!n->complit.type && hint) {
		Type *hc = type_core(hint);
		if (hc && hc->kind == TY_POINTER && hc->elem == t) n->tv.type = hint;
	}
}

/* ------------------------------------------------------------ dispatch */

static void check_typeassert(Checker *c, Node *n)
{
	Node *x = n->typeassert.x;
	check_expr(c, x, NULL);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	if (!n->typeassert.type) {
		check_errorf(c, n->pos, "invalid syntax tree: use of .(type) outside type switch");
		invalid(n);
		return;
	}
	if (!type_is_interface(x->tv.type)) {
		check_errorf(c, node_startpos(x), "invalid operation: %s is not an interface", check_describe(c, x));
		invalid(n);
		return;
	}
	Type *t = check_type(c, n->typeassert.type);
	n->tv.mode = MODE_COMMAOK;
	n->tv.type = t;
}

static void check_funclit(Checker *c, Node *n)
{
	Scope *s = scope_new(c->scope, n);
	s->is_func = true;
	Type *sig = check_signature(c, n->funclit.type, NULL, s);
	Obj *fn = obj_new(OBJ_FUNC, intern_cstr("func"), n->pos, c->pkg);
	fn->type = sig;
	fn->decl = n;
	fn->fn = c->fn ? c->fn->fn : NULL;
	n->funclit.fn = fn;
	package_add_func(c->pkg, fn);
	Scope *saved = c->scope;
	c->scope = s;
	check_func_body(c, fn, sig, n->funclit.body);
	c->scope = saved;
	n->tv.mode = MODE_VALUE;
	n->tv.type = sig;
}

static void check_star(Checker *c, Node *n)
{
	Node *x = n->unary.x;
	check_expr_or_type(c, x);
	if (is_invalid(x)) {
		invalid(n);
		return;
	}
	if (x->tv.mode == MODE_TYPE) {
		n->tv.mode = MODE_TYPE;
		n->tv.type = type_pointer(x->tv.type);
		return;
	}
	if (x->tv.type->kind == TY_UNTYPED_NIL) {
		check_errorf(c, n->pos, "invalid operation: cannot indirect nil");
		invalid(n);
		return;
	}
	Type *u = type_under(x->tv.type);
	if (u->kind != TY_POINTER) {
		check_errorf(c, n->pos, "invalid operation: cannot indirect %s", check_describe(c, x));
		invalid(n);
		return;
	}
	n->tv.mode = MODE_VAR;
	n->tv.type = u->elem;
}

/* check n, which may be a type or an expression */
void check_expr_or_type(Checker *c, Node *n)
{
	switch (n->kind) {
	case N_IDENT: check_ident(c, n); break;
	case N_BASICLIT: check_basiclit(c, n); break;
	case N_PAREN:
		check_expr_or_type(c, n->unary.x);
		n->tv = n->unary.x->tv;
		break;
	case N_BINARY: check_binary(c, n, NULL); break;
	case N_UNARY: check_unary(c, n, NULL); break;
	case N_STAR: check_star(c, n); break;
	case N_CALL: check_call(c, n); break;
	case N_SELECTOR: check_selector(c, n); break;
	case N_INDEX: check_index(c, n); break;
	case N_SLICE: check_slice(c, n); break;
	case N_COMPOSITELIT: check_complit(c, n, NULL); break;
	case N_FUNCLIT: check_funclit(c, n); break;
	case N_TYPEASSERT: check_typeassert(c, n); break;
	case N_ARRAYTYPE: case N_STRUCTTYPE: case N_FUNCTYPE: case N_INTERFACETYPE:
	case N_MAPTYPE: case N_CHANTYPE:
		check_type(c, n);
		break;
	case N_KEYVALUE:
		check_errorf(c, n->pos, "unexpected key:value expression");
		invalid(n);
		break;
	case N_BAD: /* the parser reported it */
		invalid(n);
		break;
	default:
		check_errorf(c, n->pos, "invalid expression");
		invalid(n);
		break;
	}
}

/* check an expression that must produce a single value; hint is the type the
 * context expects, used for composite literals with elided types */
void check_expr(Checker *c, Node *n, Type *hint)
{
	if (n->kind == N_COMPOSITELIT) {
		check_complit(c, n, hint);
		return;
	}
	if (n->kind == N_UNARY && n->unary.op == OP_AND) {
		check_unary(c, n, hint);
		return;
	}
	check_expr_or_type(c, n);
	if (check_generic_uninstantiated(c, n)) return;
	if (n->tv.mode == MODE_NOVALUE) {
		check_errorf(c, node_startpos(n), "%s (no value) used as value", ast_string(n));
		invalid(n);
	} else if (n->tv.type && n->tv.type->kind == TY_TUPLE && n->tv.mode != MODE_INVALID) {
		check_errorf(c, node_startpos(n), "multiple-value %s (value of type %s) in single-value context",
		             ast_string(n), type_string(n->tv.type, c->pkg));
		invalid(n);
	}
}

/* check an expression that may produce several values (call on the rhs of =) */
void check_multi(Checker *c, Node *n)
{
	check_expr_or_type(c, n);
}

/* a value is used: complain about types, builtins and void calls */
void check_use(Checker *c, Node *n)
{
	if (n->tv.mode == MODE_TYPE) {
		check_errorf(c, node_startpos(n), "%s (type) is not an expression", ast_string(n));
		invalid(n);
	} else if (n->tv.mode == MODE_BUILTIN) {
		check_errorf(c, node_startpos(n), "%s (built-in) must be called", ast_string(n));
		invalid(n);
	} else if (n->tv.mode == MODE_NOVALUE) {
		check_errorf(c, node_startpos(n), "%s (no value) used as value", ast_string(n));
		invalid(n);
	}
}

void check_default_untyped(Checker *c, Node *n) { default_untyped(c, n); }
