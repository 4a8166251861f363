/*
 * check_compare.c: why a comparison x op y is invalid, in types2's words
 * (its comparison, kindString and incomparableCause): the cause text
 * "mismatched types T1 and T2", "slice can only be compared to nil",
 * "struct containing []int cannot be compared", "operator < not defined
 * on interface". Used by switch case values ("invalid case x in switch on
 * y (cause)") and by binary comparisons.
 */
#include "frontend.h"

#include <stdio.h>
#include <string.h>

static const char *fmt(const char *f, const char *a, const char *b)
{
	char buf[1024];
	snprintf(buf, sizeof buf, f, a, b);
	return arena_strndup(&perm, buf, strlen(buf));
}

/* types2's kindString: the kind for composite types, else the type itself */
const char *check_kind_string(Checker *c, Type *t)
{
	switch (type_under(t)->kind) {
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "pointer";
	case TY_FUNC: return "func";
	case TY_INTERFACE: return t->kind == TY_TYPEPARAM ? fmt("type parameter %s", type_string(t, c->pkg), "") : "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	default: return type_string(t, c->pkg);
	}
}

/* the reason values of the incomparable type t cannot be compared */
const char *check_incomparable_cause(Checker *c, Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_SLICE: case TY_FUNC: case TY_MAP:
		return fmt("%s can only be compared to nil", check_kind_string(c, t), "");
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			if (!type_is_comparable(u->fields[i].type))
				return fmt("struct containing %s cannot be compared", type_string(u->fields[i].type, c->pkg), "");
		break;
	case TY_ARRAY:
		return fmt("%s cannot be compared", type_string(t, c->pkg), "");
	default:
		break;
	}
	return fmt("%s cannot be compared", type_string(t, c->pkg), "");
}

/* the predeclared nil, possibly already given the other operand's type */
static bool is_nil_value(Node *x)
{
	Node *u = ast_unparen(x);
	if (u->kind == N_IDENT && u->ident.obj && u->ident.obj->kind == OBJ_NIL) return true;
	return x->tv.type && x->tv.type->kind == TY_UNTYPED_NIL;
}

/* a value of type v may be assigned to type t (no untyped operands here) */
/* defined, predeclared and type parameter types have names (spec "Types") */
bool check_type_is_named(Type *t)
{
	return t->kind == TY_NAMED || t->kind == TY_TYPEPARAM || t->kind < TY_ARRAY;
}

bool check_types_assignable(Type *v, Type *t)
{
	if (type_identical(v, t)) return true;
	Type *vu = type_under(v), *tu = type_under(t);
	if (type_identical(vu, tu) && (!check_type_is_named(v) || !check_type_is_named(t))) return true;
	if (tu->kind == TY_INTERFACE && t->kind != TY_TYPEPARAM) {
		const char *missing;
		return check_implements(v, tu, &missing);
	}
	return vu->kind == TY_CHAN && tu->kind == TY_CHAN && vu->dir == CHAN_BOTH && type_identical(vu->elem, tu->elem) &&
	       (!check_type_is_named(v) || !check_type_is_named(t));
}

/* NULL if x op y is a valid comparison, else the cause; *errop is the
 * operand types2 reports it at. Untyped operands are already converted. */
const char *check_comparison_cause(Checker *c, Node *x, Node *y, Op op, Node **errop)
{
	Type *xt = x->tv.type, *yt = y->tv.type;
	*errop = x;
	bool xnil = is_nil_value(x), ynil = is_nil_value(y);
	if (!xnil && !ynil && !type_is_untyped(xt) && !type_is_untyped(yt) && !check_types_assignable(xt, yt) &&
	    !check_types_assignable(yt, xt)) {
		*errop = y;
		return fmt("mismatched types %s and %s", type_string(xt, c->pkg), type_string(yt, c->pkg));
	}
	if (op == OP_EQL || op == OP_NEQ) {
		if (xnil || ynil) {
			if (!type_has_nil(xnil ? yt : xt)) {
				*errop = y;
				return fmt("operator %s not defined on %s", op_string(op), check_kind_string(c, xt));
			}
			return NULL;
		}
		if (!type_is_comparable(xt)) return check_incomparable_cause(c, xt);
		if (!type_is_comparable(yt)) {
			*errop = y;
			return check_incomparable_cause(c, yt);
		}
		return NULL;
	}
	if (!type_is_ordered(xt)) return fmt("operator %s not defined on %s", op_string(op), check_kind_string(c, xt));
	if (!type_is_ordered(yt)) {
		*errop = y;
		return fmt("operator %s not defined on %s", op_string(op), check_kind_string(c, yt));
	}
	return NULL;
}
