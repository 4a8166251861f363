/*
 * parse_expr.c: the parser's token helpers, error recovery and the
 * expression grammar. The parser follows gc's (cmd/compile/internal/syntax)
 * decisions so that ambiguities (composite literals in statement headers,
 * generic instantiation versus index, <-chan) resolve the same way and
 * syntax errors read the same.
 */
#include <string.h>

#include "frontend.h"

#define TS(t) (1ull << (t))

/* Keywords that start a statement: recovery stops there inside functions. */
static const uint64_t stopset = TS(T_BREAK) | TS(T_CONST) | TS(T_CONTINUE) | TS(T_DEFER) |
	TS(T_FALLTHROUGH) | TS(T_FOR) | TS(T_GO) | TS(T_GOTO) | TS(T_IF) | TS(T_RETURN) |
	TS(T_SELECT) | TS(T_SWITCH) | TS(T_TYPE) | TS(T_VAR);

/* ------------------------------------------------------------ tokens */

void parse_next(Parser *p)
{
	lex_next(&p->lx);
}

bool parse_got(Parser *p, Token t)
{
	if (p->lx.tok == t) {
		parse_next(p);
		return true;
	}
	return false;
}

const char *parse_tokstring(Token t)
{
	if (t == T_COMMA)
		return "comma";
	if (t == T_SEMI)
		return "semicolon or newline";
	return tok_string(t);
}

void parse_want(Parser *p, Token t)
{
	if (!parse_got(p, t)) {
		char msg[64];
		snprintf(msg, sizeof msg, "expecting %s", parse_tokstring(t));
		parse_syntax_error(p, msg);
		parse_advance(p, 0);
	}
}

/* Like parse_got(p, T_ASSIGN) but also accepts (and reports) ":=". */
bool parse_got_assign(Parser *p)
{
	switch (p->lx.tok) {
	case T_DEFINE:
		parse_syntax_error(p, "expecting =");
		/* fallthrough */
	case T_ASSIGN:
		parse_next(p);
		return true;
	default:
		return false;
	}
}

bool parse_is_op(Parser *p, Op op)
{
	return p->lx.tok == T_OPERATOR && p->lx.op == op;
}

/* ------------------------------------------------------------ errors */

static bool has_errors(Parser *p)
{
	return p->errcnt > 0 || diag_count() > p->starterrs;
}

/* gc type-checks after parser errors that are not "syntax error"s */
static void soft_parse_error(Pos pos, const char *msg)
{
	diag_errorf(pos, "%s", msg);
	diag_note_soft_parse();
}

void parse_error_at(Parser *p, Pos pos, const char *msg)
{
	p->errcnt++;
	diag_errorf(pos, "%s", msg);
}

/* A syntax error: messages starting "in ", "at ", "after " or "expecting "
 * are completed with the current token ("unexpected x, expecting y"). */
void parse_syntax_error_at(Parser *p, Pos pos, const char *msg)
{
	if (p->lx.tok == T_EOF && has_errors(p))
		return;     /* avoid meaningless follow-up errors */

	const char *sep;
	if (msg[0] == '\0') {
		sep = "";
	} else if (strncmp(msg, "in ", 3) == 0 || strncmp(msg, "at ", 3) == 0 ||
	           strncmp(msg, "after ", 6) == 0) {
		sep = " ";
	} else if (strncmp(msg, "expecting ", 10) == 0) {
		sep = ", ";
	} else {
		p->errcnt++;
		diag_errorf(pos, "syntax error: %s", msg);
		return;
	}

	char tok[64];
	const char *t = tok;
	switch (p->lx.tok) {
	case T_NAME:
	case T_SEMI:
		t = p->lx.lit;
		break;
	case T_LITERAL:
		p->errcnt++;
		diag_errorf(pos, "syntax error: unexpected literal %.*s%s%s", p->lx.litlen, p->lx.lit,
		            sep, msg);
		return;
	case T_OPERATOR:
		t = op_string(p->lx.op);
		break;
	case T_ASSIGNOP:
		snprintf(tok, sizeof tok, "%s=", op_string(p->lx.op));
		break;
	case T_INCOP:
		snprintf(tok, sizeof tok, "%s%s", op_string(p->lx.op), op_string(p->lx.op));
		break;
	default:
		t = parse_tokstring(p->lx.tok);
	}
	p->errcnt++;
	diag_errorf(pos, "syntax error: unexpected %s%s%s", t, sep, msg);
}

void parse_syntax_error(Parser *p, const char *msg)
{
	parse_syntax_error_at(p, p->lx.pos, msg);
}

/* Skips tokens until one in followset (plus the statement keywords inside
 * functions) or EOF. With an empty followset exactly one token is skipped. */
void parse_advance(Parser *p, uint64_t followset)
{
	uint64_t set = TS(T_EOF);
	if (followset) {
		if (p->fnest > 0)
			set |= stopset;
		set |= followset;
	}
	while (!(set & TS(p->lx.tok))) {
		parse_next(p);
		if (!followset)
			break;
	}
}

/* ------------------------------------------------------------ nesting */

/* The depth of the syntax tree is bounded, as go/parser bounds it (its
 * maxNestLev, with the same message): each construct that nests counts one
 * level (a unary operation, each operand of a binary chain, each postfix
 * operation, a composite literal, a type, a statement). Past the limit the
 * file is rejected on the spot (longjmp to parse_file), so the passes that
 * recurse over the tree (checker, codegen) have a bounded depth; they run on
 * a large stack (bigstack.c). */
enum { MAXNEST = 100000 };

void parse_nest(Parser *p, int n)
{
	p->nest += n;
	if (p->nest <= MAXNEST || !p->bail)
		return;
	parse_error_at(p, p->lx.pos, "exceeded max nesting depth");
	longjmp(*p->bail, 1);
}

/* ------------------------------------------------------------ common */

Node *parse_bad(Parser *p)
{
	return ast_new(N_BAD, p->lx.pos);
}

Node *parse_name(Parser *p)
{
	Node *n = ast_new(N_IDENT, p->lx.pos);
	if (p->lx.tok == T_NAME) {
		n->ident.name = p->lx.lit;
		parse_next(p);
		return n;
	}
	n->ident.name = intern("_", 1);
	parse_syntax_error(p, "expecting name");
	parse_advance(p, 0);
	return n;
}

/* IdentifierList = identifier { "," identifier } . (first already parsed) */
NodeList parse_name_list(Parser *p, Node *first)
{
	NodeList l = {0};
	list_push(&l, first);
	while (parse_got(p, T_COMMA))
		list_push(&l, parse_name(p));
	return l;
}

Node *parse_oliteral(Parser *p)
{
	if (p->lx.tok != T_LITERAL)
		return NULL;
	Node *n = ast_new(N_BASICLIT, p->lx.pos);
	n->lit.kind = p->lx.kind;
	n->lit.raw = p->lx.lit;
	n->lit.len = p->lx.litlen;
	parse_next(p);
	return n;
}

/* ------------------------------------------------------------ expressions */

Node *parse_expr(Parser *p)
{
	return parse_binary_expr(p, NULL, 0);
}

/* Expression = UnaryExpr | Expression binary_op Expression . */
Node *parse_binary_expr(Parser *p, Node *x, int prec)
{
	if (!x)
		x = parse_unary_expr(p);
	int n = 0;
	for (; (p->lx.tok == T_OPERATOR || p->lx.tok == T_STAR) && p->lx.prec > prec; n++) {
		parse_nest(p, 1);
		Node *t = ast_new(N_BINARY, p->lx.pos);
		t->binary.op = p->lx.op;
		int tprec = p->lx.prec;
		parse_next(p);
		t->binary.x = x;
		t->binary.y = parse_binary_expr(p, NULL, tprec);
		x = t;
	}
	parse_nest(p, -n);
	return x;
}

static void syntax_errorf(Parser *p, const char *fmt, const char *arg)
{
	char msg[512];
	snprintf(msg, sizeof msg, fmt, arg);
	parse_syntax_error(p, msg);
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
static Node *unary_expr(Parser *p)
{
	switch (p->lx.tok) {
	case T_STAR: {
		Node *x = ast_new(N_STAR, p->lx.pos);
		parse_next(p);
		x->unary.op = OP_MUL;
		x->unary.x = parse_unary_expr(p);
		return x;
	}
	case T_OPERATOR:
		switch (p->lx.op) {
		case OP_ADD:
		case OP_SUB:
		case OP_NOT:
		case OP_XOR:
		case OP_TILDE:
		case OP_AND: {
			Node *x = ast_new(N_UNARY, p->lx.pos);
			x->unary.op = p->lx.op;
			parse_next(p);
			x->unary.x = parse_unary_expr(p);
			/* &(T{}) is &T{}: drop the parentheses */
			if (x->unary.op == OP_AND)
				x->unary.x = ast_unparen(x->unary.x);
			return x;
		}
		default:
			break;
		}
		break;
	case T_ARROW: {
		/* receive (<-x) or receive-only channel type (<-chan E) */
		Pos pos = p->lx.pos;
		parse_next(p);
		Node *x = parse_unary_expr(p);
		if (x->kind == N_CHANTYPE) {
			/* re-associate: <-(chan E) => (<-chan E), <-(chan<- E) => (<-chan (<-E)) */
			ChanDir dir = CHAN_SEND;
			Node *t = x;
			while (dir == CHAN_SEND) {
				if (t->kind != N_CHANTYPE)
					break;
				dir = t->chantype.dir;
				if (dir == CHAN_RECV)
					parse_syntax_error(p, "unexpected <-, expecting chan");
				t->chantype.dir = CHAN_RECV;
				t = t->chantype.elem;
			}
			if (dir == CHAN_SEND)
				syntax_errorf(p, "unexpected %s, expecting chan", ast_string(t));
			x->pos = pos;
			return x;
		}
		Node *o = ast_new(N_UNARY, pos);
		o->unary.op = OP_ARROW;
		o->unary.x = x;
		return o;
	}
	default:
		break;
	}
	return parse_pexpr(p, NULL, true);
}

Node *parse_unary_expr(Parser *p)
{
	parse_nest(p, 1);
	Node *x = unary_expr(p);
	parse_nest(p, -1);
	return x;
}

static Node *unnest(Parser *p, int n, Node *x)
{
	parse_nest(p, -n);
	return x;
}

/*
 * Operand     = Literal | OperandName | MethodExpr | "(" Expression ")" .
 * Literal     = BasicLit | CompositeLit | FunctionLit .
 * OperandName = identifier | QualifiedIdent .
 */
static Node *operand(Parser *p)
{
	switch (p->lx.tok) {
	case T_NAME:
		return parse_name(p);
	case T_LITERAL:
		return parse_oliteral(p);
	case T_LPAREN: {
		Node *x = ast_new(N_PAREN, p->lx.pos);
		parse_next(p);
		p->xnest++;
		x->unary.x = parse_expr(p);
		p->xnest--;
		parse_want(p, T_RPAREN);
		return x;
	}
	case T_FUNC: {
		Pos pos = p->lx.pos;
		parse_next(p);
		Node *ftyp = parse_func_type(p, "function type");
		if (p->lx.tok == T_LBRACE) {
			p->xnest++;
			Node *f = ast_new(N_FUNCLIT, pos);
			f->funclit.type = ftyp;
			f->funclit.body = parse_func_body(p);
			p->xnest--;
			return f;
		}
		return ftyp;
	}
	case T_LBRACK:
	case T_CHAN:
	case T_MAP:
	case T_STRUCT:
	case T_INTERFACE:
		return parse_type(p);
	default: {
		Node *x = parse_bad(p);
		parse_syntax_error(p, "expecting expression");
		parse_advance(p, TS(T_RPAREN) | TS(T_RBRACK) | TS(T_RBRACE));
		return x;
	}
	}
}

/* Reports whether x syntactically must be a value (not a type). */
static bool is_value(Node *x)
{
	switch (x->kind) {
	case N_BASICLIT:
	case N_COMPOSITELIT:
	case N_FUNCLIT:
	case N_SLICE:
	case N_TYPEASSERT:
	case N_CALL:
	case N_UNARY:
	case N_BINARY:
		return true;
	case N_PAREN:
		return is_value(x->unary.x);
	case N_INDEX:
		return is_value(x->index.x) || (x->index.index.n == 1 && is_value(x->index.index.v[0]));
	default:
		return false;
	}
}

/* argList = [ arg { "," arg } [ "..." ] [ "," ] ] ")" . */
static void arg_list(Parser *p, Node *call)
{
	p->xnest++;
	bool done = false;
	while (p->lx.tok != T_EOF && p->lx.tok != T_RPAREN && !done) {
		list_push(&call->call.args, parse_expr(p));
		call->call.dots = parse_got(p, T_DOTDOTDOT);
		done = call->call.dots;
		if (!parse_list_sep(p, "argument list", T_COMMA, T_RPAREN)) {
			call->call.rparen = p->lx.pos;
			p->xnest--;
			return;
		}
	}
	call->call.rparen = p->lx.pos;
	parse_want(p, T_RPAREN);
	p->xnest--;
}

/* After a list element: consumes sep, or reports a missing one and
 * resynchronizes. Returns false if the list is abandoned (no close token). */
bool parse_list_sep(Parser *p, const char *context, Token sep, Token close)
{
	if (!parse_got(p, sep) && p->lx.tok != close) {
		char msg[160];
		snprintf(msg, sizeof msg, "in %s; possibly missing %s or %s", context,
		         parse_tokstring(sep), parse_tokstring(close));
		parse_syntax_error(p, msg);
		parse_advance(p, TS(T_RPAREN) | TS(T_RBRACK) | TS(T_RBRACE));
		if (p->lx.tok != close)
			return false;
	}
	return true;
}

/*
 * PrimaryExpr = Operand | Conversion | PrimaryExpr Selector | PrimaryExpr Index |
 *               PrimaryExpr Slice | PrimaryExpr TypeAssertion | PrimaryExpr Arguments .
 * Selector      = "." identifier .
 * Index         = "[" Expression "]" .
 * Slice         = "[" [ Expression ] ":" [ Expression ] [ ":" Expression ] "]" .
 * TypeAssertion = "." "(" Type ")" .
 * Arguments     = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" .
 */
Node *parse_pexpr(Parser *p, Node *x, bool keep_parens)
{
	(void)keep_parens;      /* parentheses are always kept (N_PAREN) */
	if (!x)
		x = operand(p);

	for (int n = 1;; n++) {
		parse_nest(p, 1);       /* each postfix operation nests x one level deeper */
		Pos pos = p->lx.pos;
		switch (p->lx.tok) {
		case T_DOT:
			parse_next(p);
			if (p->lx.tok == T_NAME) {
				Node *t = ast_new(N_SELECTOR, pos);
				t->selector.x = x;
				t->selector.sel = parse_name(p);
				x = t;
			} else if (p->lx.tok == T_LPAREN) {
				parse_next(p);
				Node *t = ast_new(N_TYPEASSERT, pos);
				t->typeassert.x = x;
				if (!parse_got(p, T_TYPE))
					t->typeassert.type = parse_type(p);
				x = t;
				parse_want(p, T_RPAREN);
			} else {
				parse_syntax_error(p, "expecting name or (");
				parse_advance(p, TS(T_SEMI) | TS(T_RPAREN));
			}
			break;

		case T_LBRACK: {
			parse_next(p);
			if (p->lx.tok == T_RBRACK) {
				/* invalid empty instance, slice or index: accept but complain */
				parse_syntax_error(p, "expecting operand");
				parse_next(p);
				break;
			}
			Node *i = NULL;
			if (p->lx.tok != T_COLON) {
				bool comma;
				NodeList l = parse_type_list(p, &comma);
				if (comma || p->lx.tok == T_RBRACK) {
					Node *t = ast_new(N_INDEX, pos);
					t->index.rbrack = p->lx.pos;
					parse_want(p, T_RBRACK);
					t->index.x = x;
					t->index.index = l;
					x = t;
					break;
				}
				i = l.v[0];
			}
			/* x[i:... */
			if (!parse_got(p, T_COLON)) {
				parse_syntax_error(p, "expecting comma, : or ]");
				parse_advance(p, TS(T_COMMA) | TS(T_COLON) | TS(T_RBRACK));
			}
			p->xnest++;
			Node *t = ast_new(N_SLICE, pos);
			t->slice.x = x;
			t->slice.lo = i;
			if (p->lx.tok != T_COLON && p->lx.tok != T_RBRACK)
				t->slice.hi = parse_expr(p);
			if (p->lx.tok == T_COLON) {
				t->slice.slice3 = true;
				if (!t->slice.hi) {
					soft_parse_error(p->lx.pos, "middle index required in 3-index slice");
					t->slice.hi = parse_bad(p);
				}
				parse_next(p);
				if (p->lx.tok != T_RBRACK) {
					t->slice.max = parse_expr(p);
				} else {
					soft_parse_error(p->lx.pos, "final index required in 3-index slice");
					t->slice.max = parse_bad(p);
				}
			}
			p->xnest--;
			t->slice.rbrack = p->lx.pos;
			parse_want(p, T_RBRACK);
			x = t;
			break;
		}

		case T_LPAREN: {
			Node *t = ast_new(N_CALL, pos);
			t->call.lparen = pos;
			parse_next(p);
			t->call.fun = x;
			arg_list(p, t);
			x = t;
			break;
		}

		case T_LBRACE: {
			/* does '{' start a composite literal or a block? */
			Node *t = ast_unparen(x);
			bool complit_ok = false;
			switch (t->kind) {
			case N_IDENT:
			case N_SELECTOR:
				complit_ok = p->xnest >= 0;
				break;
			case N_INDEX:
				complit_ok = p->xnest >= 0 && !is_value(t);
				break;
			case N_ARRAYTYPE:
			case N_STRUCTTYPE:
			case N_MAPTYPE:
				complit_ok = true;
				break;
			default:
				break;
			}
			if (!complit_ok)
				return unnest(p, n, x);
			if (t != x)
				parse_syntax_error(p, "cannot parenthesize type in composite literal");
			Node *n = parse_complit(p);
			n->complit.type = x;
			x = n;
			break;
		}

		default:
			return unnest(p, n, x);
		}
	}
}

/* Element = Expression | LiteralValue . */
static Node *bare_complitexpr(Parser *p)
{
	if (p->lx.tok == T_LBRACE)
		return parse_complit(p);
	return parse_expr(p);
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" . */
Node *parse_complit(Parser *p)
{
	Node *x = ast_new(N_COMPOSITELIT, p->lx.pos);
	x->complit.lbrace = p->lx.pos;
	parse_nest(p, 1);
	p->xnest++;
	parse_want(p, T_LBRACE);
	while (p->lx.tok != T_EOF && p->lx.tok != T_RBRACE) {
		Node *e = bare_complitexpr(p);
		if (p->lx.tok == T_COLON) {
			Node *kv = ast_new(N_KEYVALUE, p->lx.pos);
			parse_next(p);
			kv->binary.x = e;
			kv->binary.y = bare_complitexpr(p);
			e = kv;
		}
		list_push(&x->complit.elts, e);
		if (!parse_list_sep(p, "composite literal", T_COMMA, T_RBRACE)) {
			x->complit.rbrace = p->lx.pos;
			p->xnest--;
			parse_nest(p, -1);
			return x;
		}
	}
	x->complit.rbrace = p->lx.pos;
	parse_want(p, T_RBRACE);
	p->xnest--;
	parse_nest(p, -1);
	return x;
}

/* ExpressionList = Expression { "," Expression } . */
NodeList parse_expr_list(Parser *p)
{
	NodeList l = {0};
	list_push(&l, parse_expr(p));
	while (parse_got(p, T_COMMA))
		list_push(&l, parse_expr(p));
	return l;
}

/* typeList = arg { "," arg } [ "," ] . The first element may be any
 * expression, the others must be types. *comma reports a comma. */
NodeList parse_type_list(Parser *p, bool *comma)
{
	NodeList l = {0};
	*comma = false;
	p->xnest++;
	list_push(&l, parse_expr(p));
	if (parse_got(p, T_COMMA)) {
		*comma = true;
		Node *t = parse_type_or_nil(p);
		if (t) {
			list_push(&l, t);
			while (parse_got(p, T_COMMA)) {
				if (!(t = parse_type_or_nil(p)))
					break;
				list_push(&l, t);
			}
		}
	}
	p->xnest--;
	return l;
}

/* Reports whether x is a (possibly parenthesized) type element expression;
 * false if x could also be an ordinary value expression. */
bool parse_is_type_elem(Node *x)
{
	switch (x->kind) {
	case N_ARRAYTYPE:
	case N_STRUCTTYPE:
	case N_FUNCTYPE:
	case N_INTERFACETYPE:
	case N_MAPTYPE:
	case N_CHANTYPE:
		return true;
	case N_BINARY:
		return parse_is_type_elem(x->binary.x) || parse_is_type_elem(x->binary.y);
	case N_UNARY:
		return parse_is_type_elem(x->unary.x) || x->unary.op == OP_TILDE;
	case N_STAR:
	case N_PAREN:
		return parse_is_type_elem(x->unary.x);
	default:
		return false;
	}
}
