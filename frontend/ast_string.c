/*
 * ast_string.c: expressions, types and simple statements as source text,
 * in the short form gc uses in messages: composite literal and function
 * literal bodies print as {…}.
 */
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

typedef struct Buf {
	char *s;
	size_t n, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			abort();
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void puts_(Buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void node(Buf *b, Node *n);

static void list(Buf *b, NodeList l)
{
	for (int i = 0; i < l.n; i++) {
		if (i > 0)
			puts_(b, ", ");
		node(b, l.v[i]);
	}
}

static void field(Buf *b, Node *f)
{
	if (f->field.names.n) {
		list(b, f->field.names);
		puts_(b, " ");
	}
	node(b, ast_unparen(f->field.type));
}

static void params(Buf *b, NodeList l, const char *open, const char *close)
{
	puts_(b, open);
	for (int i = 0; i < l.n; i++) {
		if (i > 0)
			puts_(b, ", ");
		field(b, l.v[i]);
	}
	puts_(b, close);
}

static void signature(Buf *b, Node *ft)
{
	params(b, ft->functype.params, "(", ")");
	NodeList r = ft->functype.results;
	if (r.n) {
		puts_(b, " ");
		if (r.n == 1 && !r.v[0]->field.names.n)
			node(b, r.v[0]->field.type);
		else
			params(b, r, "(", ")");
	}
}

static void node(Buf *b, Node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case N_BAD:
		puts_(b, "<bad expr>");
		break;
	case N_IDENT:
		puts_(b, n->ident.name);
		break;
	case N_BASICLIT:
		put(b, n->lit.raw, n->lit.len);
		break;
	case N_COMPOSITELIT:
		node(b, n->complit.type);
		puts_(b, n->complit.elts.n ? "{…}" : "{}");
		break;
	case N_FUNCLIT:
		node(b, n->funclit.type);
		puts_(b, n->funclit.body && n->funclit.body->block.stmts.n ? " {…}" : " {}");
		break;
	case N_PAREN:
		puts_(b, "(");
		node(b, n->unary.x);
		puts_(b, ")");
		break;
	case N_SELECTOR:
		node(b, n->selector.x);
		puts_(b, ".");
		node(b, n->selector.sel);
		break;
	case N_INDEX:
		node(b, n->index.x);
		puts_(b, "[");
		list(b, n->index.index);
		puts_(b, "]");
		break;
	case N_SLICE:
		node(b, n->slice.x);
		puts_(b, "[");
		node(b, n->slice.lo);
		puts_(b, ":");
		node(b, n->slice.hi);
		if (n->slice.max) {
			puts_(b, ":");
			node(b, n->slice.max);
		}
		puts_(b, "]");
		break;
	case N_TYPEASSERT:
		node(b, n->typeassert.x);
		puts_(b, ".(");
		if (n->typeassert.type)
			node(b, n->typeassert.type);
		else
			puts_(b, "type");
		puts_(b, ")");
		break;
	case N_CALL:
		node(b, n->call.fun);
		puts_(b, "(");
		list(b, n->call.args);
		if (n->call.dots)
			puts_(b, "...");
		puts_(b, ")");
		break;
	case N_STAR:
		puts_(b, "*");
		node(b, n->unary.x);
		break;
	case N_UNARY:
		puts_(b, op_string(n->unary.op));
		node(b, n->unary.x);
		break;
	case N_BINARY:
		node(b, n->binary.x);
		puts_(b, " ");
		puts_(b, op_string(n->binary.op));
		puts_(b, " ");
		node(b, n->binary.y);
		break;
	case N_KEYVALUE:
		node(b, n->binary.x);
		puts_(b, ": ");
		node(b, n->binary.y);
		break;
	case N_ARRAYTYPE:
		puts_(b, "[");
		if (n->arraytype.len && n->arraytype.len->kind == N_ELLIPSIS)
			puts_(b, "...");
		else
			node(b, n->arraytype.len);
		puts_(b, "]");
		node(b, n->arraytype.elem);
		break;
	case N_STRUCTTYPE:
		puts_(b, "struct{");
		for (int i = 0; i < n->structtype.fields.n; i++) {
			Node *f = n->structtype.fields.v[i];
			if (i > 0)
				puts_(b, "; ");
			field(b, f);
			if (f->field.tag) {
				puts_(b, " ");
				node(b, f->field.tag);
			}
		}
		puts_(b, "}");
		break;
	case N_FUNCTYPE:
		puts_(b, "func");
		if (n->functype.tparams.n)
			params(b, n->functype.tparams, "[", "]");
		signature(b, n);
		break;
	case N_INTERFACETYPE:
		puts_(b, "interface{");
		for (int i = 0; i < n->ifacetype.elems.n; i++) {
			Node *f = n->ifacetype.elems.v[i];
			if (i > 0)
				puts_(b, "; ");
			if (f->field.names.n && f->field.type && f->field.type->kind == N_FUNCTYPE) {
				node(b, f->field.names.v[0]);
				signature(b, f->field.type);
			} else {
				node(b, f->field.type);
			}
		}
		puts_(b, "}");
		break;
	case N_MAPTYPE:
		puts_(b, "map[");
		node(b, n->maptype.key);
		puts_(b, "]");
		node(b, n->maptype.value);
		break;
	case N_CHANTYPE: {
		Node *e = n->chantype.elem;
		puts_(b, n->chantype.dir == CHAN_RECV ? "<-chan " :
		         n->chantype.dir == CHAN_SEND ? "chan<- " : "chan ");
		bool paren = n->chantype.dir == CHAN_BOTH && e && e->kind == N_CHANTYPE &&
		             e->chantype.dir == CHAN_RECV;
		if (paren)
			puts_(b, "(");
		node(b, e);
		if (paren)
			puts_(b, ")");
		break;
	}
	case N_ELLIPSIS:
		puts_(b, "...");
		node(b, n->ellipsis.elem);
		break;
	case N_FIELD:
		field(b, n);
		break;
	case N_EXPRSTMT:
		node(b, n->exprstmt.x);
		break;
	case N_SENDSTMT:
		node(b, n->send.ch);
		puts_(b, " <- ");
		node(b, n->send.value);
		break;
	case N_INCDEC:
		node(b, n->incdec.x);
		puts_(b, n->incdec.inc ? "++" : "--");
		break;
	case N_ASSIGN:
		list(b, n->assign.lhs);
		puts_(b, " ");
		if (n->assign.op == OP_DEFINE || n->assign.op == OP_ASSIGN) {
			puts_(b, op_string(n->assign.op));
		} else {
			puts_(b, op_string(n->assign.op));
			puts_(b, "=");
		}
		puts_(b, " ");
		list(b, n->assign.rhs);
		break;
	case N_RANGE:
		if (n->rangestmt.key) {
			node(b, n->rangestmt.key);
			if (n->rangestmt.value) {
				puts_(b, ", ");
				node(b, n->rangestmt.value);
			}
			puts_(b, n->rangestmt.op == OP_DEFINE ? " := " : " = ");
		}
		puts_(b, "range ");
		node(b, n->rangestmt.x);
		break;
	default:
		puts_(b, "<node>");
	}
}

const char *ast_string(Node *n)
{
	Buf b = {0};
	puts_(&b, "");
	node(&b, n);
	const char *s = arena_strndup(&perm, b.s, b.n);
	free(b.s);
	return s;
}
