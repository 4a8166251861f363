/*
 * typeset.c: type sets of constraint interfaces (Go spec "Interface types",
 * "General interfaces") and the questions asked of type parameters through
 * them.
 *
 * After completion (check_type.c) an interface's embeds hold its type
 * elements only — single types and TY_UNION terms, its own and those of the
 * interfaces it embeds — and its type set is their intersection: a list of
 * terms (T or ~T), or "all types" when there are no elements. Methods and
 * `comparable` restrict the set further; they are kept beside it.
 */
#include "frontend.h"

#include <string.h>

static bool term_add(TypeSet *s, Term t);

/* the terms of one type element (a type, or a union of terms) */
static TypeSet *element_terms(Type *e)
{
	TypeSet *s = arena_alloc(&perm, sizeof *s);
	int n = e->kind == TY_UNION ? e->nfields : 1;
	s->terms = arena_alloc(&perm, sizeof(Term) * (size_t)(n + 1));
	if (e->kind != TY_UNION) {
		Type *u = type_under(e);
		if (u->kind == TY_INTERFACE) return type_typeset(u);
		term_add(s, (Term){e, false});
		return s;
	}
	for (int i = 0; i < e->nfields; i++) {
		Type *t = e->fields[i].type;
		Type *u = type_under(t);
		if (u->kind == TY_INTERFACE && !e->fields[i].embedded) {
			/* a method-free interface in a union contributes its set */
			TypeSet *in = type_typeset(u);
			if (in->all) {
				s->all = true;
				s->nterms = 0;
				return s;
			}
			for (int k = 0; k < in->nterms; k++) {
				if (s->nterms == n) {
					Term *nt = arena_alloc(&perm, sizeof(Term) * (size_t)(2 * n + in->nterms));
					memcpy(nt, s->terms, sizeof(Term) * (size_t)s->nterms);
					s->terms = nt;
					n = 2 * n + in->nterms;
				}
				term_add(s, in->terms[k]);
			}
			continue;
		}
		if (s->nterms == n) {
			Term *nt = arena_alloc(&perm, sizeof(Term) * (size_t)(2 * n + 1));
			memcpy(nt, s->terms, sizeof(Term) * (size_t)s->nterms);
			s->terms = nt;
			n = 2 * n + 1;
		}
		term_add(s, (Term){t, e->fields[i].embedded});
	}
	return s;
}

/* appends t unless an equal term is there; the caller made room */
static bool term_add(TypeSet *s, Term t)
{
	for (int i = 0; i < s->nterms; i++)
		if (s->terms[i].tilde == t.tilde && type_identical(s->terms[i].type, t.type)) return false;
	s->terms[s->nterms++] = t;
	return true;
}

/* x ∩ y for single terms; false when empty */
static bool term_meet(Term x, Term y, Term *out)
{
	if (x.tilde && y.tilde) {
		if (!type_identical(x.type, y.type)) return false;
		*out = x;
		return true;
	}
	if (x.tilde || y.tilde) {
		Term t = x.tilde ? x : y, e = x.tilde ? y : x;   /* ~T ∩ E = E if E's underlying is T */
		if (!type_identical(type_under(e.type), t.type)) return false;
		*out = e;
		return true;
	}
	if (!type_identical(x.type, y.type)) return false;
	*out = x;
	return true;
}

static TypeSet *meet(TypeSet *a, TypeSet *b)
{
	if (a->all) return b;
	if (b->all) return a;
	TypeSet *s = arena_alloc(&perm, sizeof *s);
	s->terms = arena_alloc(&perm, sizeof(Term) * (size_t)(a->nterms * b->nterms + 1));
	for (int i = 0; i < a->nterms; i++)
		for (int k = 0; k < b->nterms; k++) {
			Term t;
			if (term_meet(a->terms[i], b->terms[k], &t)) term_add(s, t);
		}
	return s;
}

TypeSet *type_typeset(Type *iface)
{
	static TypeSet all = {.all = true};
	if (!iface || iface->kind != TY_INTERFACE) return &all;
	if (iface->tset) return iface->tset;
	TypeSet *s = &all;
	iface->tset = &all;     /* an invalid recursive interface ends here */
	for (int i = 0; i < iface->nembeds; i++) s = meet(s, element_terms(iface->embeds[i]));
	if (iface->is_comparable) {
		TypeSet *c = arena_alloc(&perm, sizeof *c);
		*c = *s;
		c->comparable = true;
		s = c;
	}
	iface->tset = s;
	return s;
}

/* the constraint interface (underlying) of a type parameter */
static Type *constraint_iface(Type *tp)
{
	Type *u = tp->constraint ? type_under(tp->constraint) : NULL;
	return u && u->kind == TY_INTERFACE ? u : NULL;
}

bool typeparam_all(Type *tp, bool (*pred)(Type *))
{
	TypeSet *s = type_typeset(constraint_iface(tp));
	if (s->all || s->nterms == 0) return false;
	for (int i = 0; i < s->nterms; i++)
		if (!pred(s->terms[i].type)) return false;
	return true;
}

bool typeparam_has_terms(Type *tp)
{
	TypeSet *s = type_typeset(constraint_iface(tp));
	return !s->all && s->nterms > 0;
}

TypeSet *typeparam_typeset(Type *tp)
{
	return type_typeset(constraint_iface(tp));
}

Type *type_core(Type *t)
{
	Type *u = type_under(t);
	if (!u || u->kind != TY_TYPEPARAM) return u;
	TypeSet *s = type_typeset(constraint_iface(u));
	if (s->all || s->nterms == 0) return NULL;
	Type *core = type_under(s->terms[0].type);
	for (int i = 1; i < s->nterms; i++)
		if (!type_identical(type_under(s->terms[i].type), core)) return NULL;
	return core;
}

bool typeset_includes(TypeSet *s, Type *t)
{
	if (s->all) return true;
	for (int i = 0; i < s->nterms; i++) {
		Term x = s->terms[i];
		if (x.tilde ? type_identical(type_under(t), x.type) : type_identical(t, x.type)) return true;
	}
	return false;
}

const char *typeset_string(TypeSet *s, Package *rel)
{
	if (s->all) return "any";
	size_t cap = 64, len = 0;
	char *buf = arena_alloc(&perm, cap);
	buf[0] = 0;
	for (int i = 0; i < s->nterms; i++) {
		const char *ts = type_string(s->terms[i].type, rel);
		size_t need = len + strlen(ts) + 5;
		if (need > cap) {
			char *nb = arena_alloc(&perm, need * 2);
			memcpy(nb, buf, len + 1);
			buf = nb;
			cap = need * 2;
		}
		len += (size_t)snprintf(buf + len, cap - len, "%s%s%s", i ? " | " : "", s->terms[i].tilde ? "~" : "", ts);
	}
	return buf;
}
