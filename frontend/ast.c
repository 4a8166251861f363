/* ast.c: node construction and small queries over the syntax tree. */
#include <string.h>

#include "frontend.h"

Node *ast_new(NodeKind kind, Pos pos)
{
	Node *n = arena_alloc(&perm, sizeof(Node));
	n->kind = kind;
	n->pos = pos;
	return n;
}

/* Lists grow by doubling; the capacity is implied by n (powers of two). */
void list_push(NodeList *l, Node *n)
{
	if (l->n == 0 || (l->n >= 4 && (l->n & (l->n - 1)) == 0)) {
		int cap = l->n == 0 ? 4 : 2 * l->n;
		Node **v = arena_alloc(&perm, cap * sizeof(Node *));
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(Node *));
		l->v = v;
	}
	l->v[l->n++] = n;
}

Node *ast_unparen(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->unary.x;
	return n;
}

/* The start position of n for diagnostics, as gc's syntax.StartPos
 * computes it (which types2 uses for error positions): x+y starts at x,
 * f(x) at f, x.f at x, T{...} at T; unary expressions, slices (the '['),
 * key:value (the ':') and statements other than assignments and sends
 * start at their own position. */
Pos node_startpos(Node *n)
{
	for (;;) {
		if (!n)
			return (Pos){0};
		switch (n->kind) {
		case N_COMPOSITELIT:
			if (!n->complit.type)
				return n->pos;
			n = n->complit.type;
			break;
		case N_SELECTOR:
			n = n->selector.x;
			break;
		case N_INDEX:
			n = n->index.x;
			break;
		case N_TYPEASSERT:
			n = n->typeassert.x;
			break;
		case N_CALL:
			n = n->call.fun;
			break;
		case N_BINARY:
			n = n->binary.x;
			break;
		case N_SENDSTMT:
			n = n->send.ch;
			break;
		case N_INCDEC:
			n = n->incdec.x;
			break;
		case N_ASSIGN:
			if (!n->assign.lhs.n)
				return n->pos;
			n = n->assign.lhs.v[0];
			break;
		default:
			return n->pos;
		}
	}
}

const char *op_string(Op op)
{
	switch (op) {
	case OP_NONE: return "";
	case OP_ADD: return "+";
	case OP_SUB: return "-";
	case OP_MUL: return "*";
	case OP_QUO: return "/";
	case OP_REM: return "%";
	case OP_AND: return "&";
	case OP_OR: return "|";
	case OP_XOR: return "^";
	case OP_SHL: return "<<";
	case OP_SHR: return ">>";
	case OP_ANDNOT: return "&^";
	case OP_LAND: return "&&";
	case OP_LOR: return "||";
	case OP_EQL: return "==";
	case OP_NEQ: return "!=";
	case OP_LSS: return "<";
	case OP_LEQ: return "<=";
	case OP_GTR: return ">";
	case OP_GEQ: return ">=";
	case OP_NOT: return "!";
	case OP_ARROW: return "<-";
	case OP_TILDE: return "~";
	case OP_DEFINE: return ":=";
	case OP_ASSIGN: return "=";
	}
	return "?";
}
