/* parse_stmt.c: statements, blocks and function bodies. */
#include <string.h>

#include "frontend.h"

#define TS(t) (1ull << (t))

static Node *stmt_or_nil(Parser *p);

static Node *expr_stmt(Node *x)
{
	Node *s = ast_new(N_EXPRSTMT, x->pos);
	s->exprstmt.x = x;
	return s;
}

static Node *assign(Pos pos, Op op, NodeList lhs, NodeList rhs)
{
	Node *a = ast_new(N_ASSIGN, pos);
	a->assign.op = op;
	a->assign.lhs = lhs;
	a->assign.rhs = rhs;
	return a;
}

/* RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
 * Returns an N_RANGE without body; the for statement completes it. */
static Node *range_clause(Parser *p, NodeList *lhs, Op op)
{
	Node *r = ast_new(N_RANGE, p->lx.pos);
	parse_next(p);      /* range */
	r->rangestmt.op = op;
	if (lhs) {
		if (lhs->n > 0)
			r->rangestmt.key = lhs->v[0];
		if (lhs->n > 1)
			r->rangestmt.value = lhs->v[1];
		if (lhs->n > 2)
			parse_error_at(p, node_startpos(lhs->v[2]),
			               "range clause permits at most two iteration variables");
	}
	r->rangestmt.x = parse_expr(p);
	return r;
}

static bool is_guard(Node *x)
{
	return x->kind == N_TYPEASSERT && !x->typeassert.type;
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
 * lhs (may be NULL) is an already parsed expression list; keyword is the
 * statement header being parsed (T_FOR permits a range clause). */
static Node *simple_stmt(Parser *p, NodeList *plhs, Token keyword)
{
	if (keyword == T_FOR && p->lx.tok == T_RANGE)
		return range_clause(p, NULL, OP_NONE);

	NodeList lhs = plhs ? *plhs : parse_expr_list(p);

	if (lhs.n == 1 && p->lx.tok != T_ASSIGN && p->lx.tok != T_DEFINE) {
		Node *x = lhs.v[0];
		Pos pos = p->lx.pos;
		switch (p->lx.tok) {
		case T_ASSIGNOP: {
			Op op = p->lx.op;
			parse_next(p);
			NodeList rhs = {0};
			list_push(&rhs, parse_expr(p));
			return assign(pos, op, lhs, rhs);
		}
		case T_INCOP: {
			Node *s = ast_new(N_INCDEC, pos);
			s->incdec.inc = p->lx.op == OP_ADD;
			s->incdec.x = x;
			parse_next(p);
			return s;
		}
		case T_ARROW: {
			Node *s = ast_new(N_SENDSTMT, pos);
			parse_next(p);
			s->send.ch = x;
			s->send.value = parse_expr(p);
			return s;
		}
		default:
			return expr_stmt(x);
		}
	}

	switch (p->lx.tok) {
	case T_ASSIGN:
	case T_DEFINE: {
		Pos pos = p->lx.pos;
		Op op = p->lx.tok == T_DEFINE ? OP_DEFINE : OP_ASSIGN;
		parse_next(p);
		if (keyword == T_FOR && p->lx.tok == T_RANGE)
			return range_clause(p, &lhs, op);
		NodeList rhs = parse_expr_list(p);
		return assign(pos, op, lhs, rhs);
	}
	default:
		parse_syntax_error(p, "expecting := or = or comma");
		parse_advance(p, TS(T_SEMI) | TS(T_RBRACE));
		return expr_stmt(lhs.v[0]);
	}
}

/* Block = "{" StatementList "}" . context names the construct for errors. */
Node *parse_block(Parser *p, const char *context)
{
	Node *s = ast_new(N_BLOCK, p->lx.pos);
	if (!parse_got(p, T_LBRACE)) {
		char msg[64];
		snprintf(msg, sizeof msg, "expecting { after %s", context);
		parse_syntax_error(p, msg);
		parse_advance(p, TS(T_NAME) | TS(T_RBRACE));
		s->block.rbrace = p->lx.pos;
		if (parse_got(p, T_RBRACE))
			return s;
	}
	s->block.stmts = parse_stmt_list(p);
	s->block.rbrace = p->lx.pos;
	parse_want(p, T_RBRACE);
	return s;
}

Node *parse_func_body(Parser *p)
{
	p->fnest++;
	Node *body = parse_block(p, "");
	p->fnest--;
	return body;
}

/* LabeledStmt = Label ":" Statement . */
static Node *labeled_stmt_or_nil(Parser *p, Node *label)
{
	Node *s = ast_new(N_LABELED, p->lx.pos);
	s->labeled.label = label;
	parse_want(p, T_COLON);
	if (p->lx.tok == T_RBRACE) {
		/* an empty statement, its semicolon omitted before "}" */
		s->labeled.stmt = ast_new(N_EMPTYSTMT, p->lx.pos);
		return s;
	}
	Node *st = stmt_or_nil(p);
	if (st) {
		s->labeled.stmt = st;
		switch (st->kind) {
		case N_FOR: st->forstmt.label = label; break;
		case N_RANGE: st->rangestmt.label = label; break;
		case N_SWITCH:
		case N_TYPESWITCH: st->switchstmt.label = label; break;
		case N_SELECT: st->selectstmt.label = label; break;
		default: break;
		}
		return s;
	}
	parse_syntax_error_at(p, s->pos, "missing statement after label");
	return NULL;
}

/* The header of if, for and switch:
 *   [ SimpleStmt ";" ] Expression       (if)
 *   [ SimpleStmt ";" ] [ Expression ]   (switch; a type switch guard is a cond)
 *   [ Init ] ";" [ Cond ] ";" [ Post ] | Cond | RangeClause   (for)
 * Composite literals need parentheses here (xnest < 0). */
static void header(Parser *p, Token keyword, Node **init, Node **cond, Node **post)
{
	*init = *cond = *post = NULL;
	parse_want(p, keyword);
	if (p->lx.tok == T_LBRACE) {
		if (keyword == T_IF) {
			parse_syntax_error(p, "missing condition in if statement");
			*cond = parse_bad(p);
		}
		return;
	}

	int outer = p->xnest;
	p->xnest = -1;

	if (p->lx.tok != T_SEMI) {
		if (parse_got(p, T_VAR)) {
			char msg[64];
			snprintf(msg, sizeof msg, "var declaration not allowed in %s initializer",
			         parse_tokstring(keyword));
			parse_syntax_error(p, msg);
		}
		*init = simple_stmt(p, NULL, keyword);
		if ((*init)->kind == N_RANGE) {
			p->xnest = outer;
			return;
		}
	}

	Node *cs = NULL;
	Pos semipos = {0};
	const char *semilit = NULL;
	if (p->lx.tok != T_LBRACE) {
		if (p->lx.tok == T_SEMI) {
			semipos = p->lx.pos;
			semilit = p->lx.lit;
			parse_next(p);
		} else {
			/* asking for '{' rather than ';' gives a better message */
			parse_want(p, T_LBRACE);
			if (p->lx.tok != T_LBRACE)
				parse_advance(p, TS(T_LBRACE) | TS(T_RBRACE));
		}
		if (keyword == T_FOR) {
			if (p->lx.tok != T_SEMI) {
				if (p->lx.tok == T_LBRACE) {
					parse_syntax_error(p, "expecting for loop condition");
					goto done;
				}
				cs = simple_stmt(p, NULL, T_NONE);
			}
			parse_want(p, T_SEMI);
			if (p->lx.tok != T_LBRACE) {
				*post = simple_stmt(p, NULL, T_NONE);
				if ((*post)->kind == N_ASSIGN && (*post)->assign.op == OP_DEFINE)
					parse_syntax_error_at(p, (*post)->pos,
					                      "cannot declare in post statement of for loop");
			}
		} else if (p->lx.tok != T_LBRACE) {
			cs = simple_stmt(p, NULL, keyword);
		}
	} else {
		cs = *init;
		*init = NULL;
	}

done:
	if (!cs) {
		if (keyword == T_IF && semipos.line) {
			char msg[96];
			if (strcmp(semilit, "semicolon") != 0) {
				snprintf(msg, sizeof msg, "unexpected %s, expecting { after if clause", semilit);
				parse_syntax_error_at(p, semipos, msg);
			} else {
				parse_syntax_error_at(p, semipos, "missing condition in if statement");
			}
			*cond = ast_new(N_BAD, semipos);
		}
	} else if (cs->kind == N_EXPRSTMT) {
		*cond = cs->exprstmt.x;
	} else if (keyword == T_SWITCH && cs->kind == N_ASSIGN && cs->assign.op == OP_DEFINE &&
	           cs->assign.lhs.n == 1 && cs->assign.lhs.v[0]->kind == N_IDENT &&
	           cs->assign.rhs.n == 1 && is_guard(cs->assign.rhs.v[0])) {
		*cond = cs;     /* switch x := y.(type) */
	} else {
		char msg[1024];
		if (cs->kind == N_ASSIGN && cs->assign.op == OP_ASSIGN) {
			/* emphasize the sides of '=': "assignment (x) = (y)" */
			NodeList l = cs->assign.lhs, r = cs->assign.rhs;
			char ls[400] = "", rs[400] = "";
			for (int i = 0; i < l.n; i++)
				snprintf(ls + strlen(ls), sizeof ls - strlen(ls), "%s%s", i ? ", " : "",
				         ast_string(l.v[i]));
			for (int i = 0; i < r.n; i++)
				snprintf(rs + strlen(rs), sizeof rs - strlen(rs), "%s%s", i ? ", " : "",
				         ast_string(r.v[i]));
			snprintf(msg, sizeof msg, "cannot use assignment (%s) = (%s) as value", ls, rs);
		} else {
			snprintf(msg, sizeof msg, "cannot use %s as value", ast_string(cs));
		}
		parse_syntax_error_at(p, cs->pos, msg);
	}
	p->xnest = outer;
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static Node *if_stmt(Parser *p)
{
	Node *s = ast_new(N_IF, p->lx.pos);
	Node *post;
	header(p, T_IF, &s->ifstmt.init, &s->ifstmt.cond, &post);
	s->ifstmt.then = parse_block(p, "if clause");
	if (parse_got(p, T_ELSE)) {
		switch (p->lx.tok) {
		case T_IF:
			parse_nest(p, 1);   /* an else-if chain nests */
			s->ifstmt.els = if_stmt(p);
			parse_nest(p, -1);
			break;
		case T_LBRACE:
			s->ifstmt.els = parse_block(p, "");
			break;
		default:
			parse_syntax_error(p, "else must be followed by if or statement block");
			parse_advance(p, TS(T_NAME) | TS(T_RBRACE));
		}
	}
	return s;
}

/* ForStmt = "for" [ Condition | ForClause | RangeClause ] Block . */
static Node *for_stmt(Parser *p)
{
	Pos pos = p->lx.pos;
	Node *init, *cond, *post;
	header(p, T_FOR, &init, &cond, &post);
	Node *s;
	if (init && init->kind == N_RANGE) {
		s = init;
		s->pos = pos;
		s->rangestmt.body = parse_block(p, "for clause");
	} else {
		s = ast_new(N_FOR, pos);
		s->forstmt.init = init;
		s->forstmt.cond = cond;
		s->forstmt.post = post;
		s->forstmt.body = parse_block(p, "for clause");
	}
	return s;
}

/* ExprCaseClause = ( "case" ExpressionList | "default" ) ":" StatementList . */
static Node *case_clause(Parser *p)
{
	Node *c = ast_new(N_CASECLAUSE, p->lx.pos);
	switch (p->lx.tok) {
	case T_CASE:
		parse_next(p);
		c->caseclause.list = parse_expr_list(p);
		break;
	case T_DEFAULT:
		parse_next(p);
		c->caseclause.is_default = true;
		break;
	default:
		parse_syntax_error(p, "expecting case or default or }");
		parse_advance(p, TS(T_COLON) | TS(T_CASE) | TS(T_DEFAULT) | TS(T_RBRACE));
	}
	c->caseclause.colon = p->lx.pos;
	parse_want(p, T_COLON);
	c->caseclause.body = parse_stmt_list(p);
	return c;
}

/* CommClause = ( "case" ( SendStmt | RecvStmt ) | "default" ) ":" StatementList . */
static Node *comm_clause(Parser *p)
{
	Node *c = ast_new(N_COMMCLAUSE, p->lx.pos);
	switch (p->lx.tok) {
	case T_CASE:
		parse_next(p);
		c->commclause.comm = simple_stmt(p, NULL, T_NONE);
		break;
	case T_DEFAULT:
		parse_next(p);
		c->commclause.is_default = true;
		break;
	default:
		parse_syntax_error(p, "expecting case or default or }");
		parse_advance(p, TS(T_COLON) | TS(T_CASE) | TS(T_DEFAULT) | TS(T_RBRACE));
	}
	c->commclause.colon = p->lx.pos;
	parse_want(p, T_COLON);
	c->commclause.body = parse_stmt_list(p);
	return c;
}

/* SwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression | TypeSwitchGuard ]
 *              "{" { CaseClause } "}" . */
static Node *switch_stmt(Parser *p)
{
	Node *s = ast_new(N_SWITCH, p->lx.pos);
	Node *post;
	header(p, T_SWITCH, &s->switchstmt.init, &s->switchstmt.tag, &post);
	Node *tag = s->switchstmt.tag;
	if (tag && tag->kind == N_ASSIGN) {
		s->kind = N_TYPESWITCH;
	} else if (tag && is_guard(tag)) {
		s->kind = N_TYPESWITCH;
		s->switchstmt.tag = expr_stmt(tag);
	}
	s->switchstmt.lbrace = p->lx.pos;
	if (!parse_got(p, T_LBRACE)) {
		parse_syntax_error(p, "missing { after switch clause");
		parse_advance(p, TS(T_CASE) | TS(T_DEFAULT) | TS(T_RBRACE));
	}
	while (p->lx.tok != T_EOF && p->lx.tok != T_RBRACE)
		list_push(&s->switchstmt.clauses, case_clause(p));
	s->switchstmt.rbrace = p->lx.pos;
	parse_want(p, T_RBRACE);
	return s;
}

/* SelectStmt = "select" "{" { CommClause } "}" . */
static Node *select_stmt(Parser *p)
{
	Node *s = ast_new(N_SELECT, p->lx.pos);
	parse_want(p, T_SELECT);
	if (!parse_got(p, T_LBRACE)) {
		parse_syntax_error(p, "missing { after select clause");
		parse_advance(p, TS(T_CASE) | TS(T_DEFAULT) | TS(T_RBRACE));
	}
	while (p->lx.tok != T_EOF && p->lx.tok != T_RBRACE)
		list_push(&s->selectstmt.clauses, comm_clause(p));
	s->selectstmt.rbrace = p->lx.pos;
	parse_want(p, T_RBRACE);
	return s;
}

/* GoStmt = "go" Expression .  DeferStmt = "defer" Expression . */
static Node *call_stmt(Parser *p)
{
	Node *s = ast_new(p->lx.tok == T_GO ? N_GOSTMT : N_DEFERSTMT, p->lx.pos);
	const char *kw = p->lx.tok == T_GO ? "go" : "defer";
	parse_next(p);
	Node *x = parse_pexpr(p, NULL, p->lx.tok == T_LPAREN);
	Node *t = ast_unparen(x);
	char msg[64];
	if (t != x) {
		snprintf(msg, sizeof msg, "expression in %s must not be parenthesized", kw);
		parse_error_at(p, x->pos, msg);
		x = t;
	}
	if (x->kind != N_CALL) {
		snprintf(msg, sizeof msg, "expression in %s must be function call", kw);
		parse_error_at(p, x->pos, msg);
		Node *cx = ast_new(N_CALL, x->pos);
		cx->call.fun = x;   /* assume the common error of missing parentheses */
		x = cx;
	}
	s->gostmt.call = x;
	return s;
}

static Node *decl_stmt(Parser *p, DeclKind kind)
{
	Node *s = ast_new(N_DECLSTMT, p->lx.pos);
	s->declstmt.decl = parse_gendecl(p, kind);
	return s;
}

static Node *branch(Parser *p, BranchKind kind)
{
	Node *s = ast_new(N_BRANCH, p->lx.pos);
	s->branch.kind = kind;
	parse_next(p);
	return s;
}

/*
 * Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt |
 *             BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt | Block |
 *             IfStmt | SwitchStmt | SelectStmt | ForStmt | DeferStmt .
 * Returns NULL if there is no statement here.
 */
static Node *stmt(Parser *p)
{
	if (p->lx.tok == T_NAME) {
		parse_clear_directives(p);
		NodeList lhs = parse_expr_list(p);
		if (lhs.n == 1 && lhs.v[0]->kind == N_IDENT && p->lx.tok == T_COLON)
			return labeled_stmt_or_nil(p, lhs.v[0]);
		return simple_stmt(p, &lhs, T_NONE);
	}

	switch (p->lx.tok) {
	case T_VAR:
		return decl_stmt(p, DECL_VAR);
	case T_CONST:
		return decl_stmt(p, DECL_CONST);
	case T_TYPE:
		return decl_stmt(p, DECL_TYPE);
	default:
		break;
	}

	parse_clear_directives(p);

	switch (p->lx.tok) {
	case T_LBRACE:
		return parse_block(p, "");
	case T_OPERATOR:
		switch (p->lx.op) {
		case OP_ADD:
		case OP_SUB:
		case OP_AND:
		case OP_XOR:
		case OP_NOT:
			return simple_stmt(p, NULL, T_NONE);
		default:
			return NULL;
		}
	case T_STAR:
	case T_LITERAL:
	case T_FUNC:
	case T_LPAREN:
	case T_LBRACK:
	case T_STRUCT:
	case T_MAP:
	case T_CHAN:
	case T_INTERFACE:
	case T_ARROW:
		return simple_stmt(p, NULL, T_NONE);
	case T_FOR:
		return for_stmt(p);
	case T_SWITCH:
		return switch_stmt(p);
	case T_SELECT:
		return select_stmt(p);
	case T_IF:
		return if_stmt(p);
	case T_FALLTHROUGH:
		return branch(p, BR_FALLTHROUGH);
	case T_BREAK:
	case T_CONTINUE: {
		Node *s = branch(p, p->lx.tok == T_BREAK ? BR_BREAK : BR_CONTINUE);
		if (p->lx.tok == T_NAME)
			s->branch.label = parse_name(p);
		return s;
	}
	case T_GO:
	case T_DEFER:
		return call_stmt(p);
	case T_GOTO: {
		Node *s = branch(p, BR_GOTO);
		s->branch.label = parse_name(p);
		return s;
	}
	case T_RETURN: {
		Node *s = ast_new(N_RETURN, p->lx.pos);
		parse_next(p);
		if (p->lx.tok != T_SEMI && p->lx.tok != T_RBRACE)
			s->ret.results = parse_expr_list(p);
		return s;
	}
	case T_SEMI:
		return ast_new(N_EMPTYSTMT, p->lx.pos);
	default:
		return NULL;
	}
}

static Node *stmt_or_nil(Parser *p)
{
	parse_nest(p, 1);
	Node *s = stmt(p);
	parse_nest(p, -1);
	return s;
}

/* StatementList = { Statement ";" } . */
NodeList parse_stmt_list(Parser *p)
{
	NodeList l = {0};
	while (p->lx.tok != T_EOF && p->lx.tok != T_RBRACE && p->lx.tok != T_CASE &&
	       p->lx.tok != T_DEFAULT) {
		Node *s = stmt_or_nil(p);
		parse_clear_directives(p);
		if (!s)
			break;
		list_push(&l, s);
		/* ";" is optional before "}" */
		if (!parse_got(p, T_SEMI) && p->lx.tok != T_RBRACE) {
			parse_syntax_error(p, "at end of statement");
			parse_advance(p, TS(T_SEMI) | TS(T_RBRACE) | TS(T_CASE) | TS(T_DEFAULT));
			parse_got(p, T_SEMI);
		}
	}
	return l;
}
