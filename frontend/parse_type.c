/*
 * parse_type.c: type expressions, parameter lists (including type
 * parameters and the name/type distribution of gc), struct and interface
 * types.
 */
#include <string.h>

#include "frontend.h"

#define TS(t) (1ull << (t))

static Node *star(Pos pos, Node *x)
{
	Node *n = ast_new(N_STAR, pos);
	n->unary.op = OP_MUL;
	n->unary.x = x;
	return n;
}

Node *parse_type(Parser *p)
{
	Node *t = parse_type_or_nil(p);
	if (!t) {
		t = parse_bad(p);
		parse_syntax_error(p, "expecting type");
		parse_advance(p, TS(T_COMMA) | TS(T_COLON) | TS(T_SEMI) | TS(T_RPAREN) |
		                 TS(T_RBRACK) | TS(T_RBRACE));
	}
	return t;
}

static Node *chan_elem(Parser *p)
{
	Node *t = parse_type_or_nil(p);
	if (!t) {
		t = parse_bad(p);
		parse_syntax_error(p, "missing channel element type");
	}
	return t;
}

/*
 * Type     = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" .
 * TypeName = identifier | QualifiedIdent .
 * TypeLit  = ArrayType | StructType | PointerType | FunctionType | InterfaceType |
 *            SliceType | MapType | ChannelType .
 * Returns NULL (without an error) if there is no type.
 */
static Node *type_or_nil(Parser *p)
{
	Pos pos = p->lx.pos;
	switch (p->lx.tok) {
	case T_STAR:
		parse_next(p);
		return star(pos, parse_type(p));
	case T_ARROW: {
		parse_next(p);
		parse_want(p, T_CHAN);
		Node *t = ast_new(N_CHANTYPE, pos);
		t->chantype.dir = CHAN_RECV;
		t->chantype.elem = chan_elem(p);
		return t;
	}
	case T_FUNC:
		parse_next(p);
		return parse_func_type(p, "function type");
	case T_LBRACK:
		parse_next(p);
		if (parse_got(p, T_RBRACK))
			return parse_slice_type(p, pos);
		return parse_array_type(p, pos, NULL);
	case T_CHAN: {
		parse_next(p);
		Node *t = ast_new(N_CHANTYPE, pos);
		if (parse_got(p, T_ARROW))
			t->chantype.dir = CHAN_SEND;
		t->chantype.elem = chan_elem(p);
		return t;
	}
	case T_MAP: {
		parse_next(p);
		parse_want(p, T_LBRACK);
		Node *t = ast_new(N_MAPTYPE, pos);
		t->maptype.key = parse_type(p);
		parse_want(p, T_RBRACK);
		t->maptype.value = parse_type(p);
		return t;
	}
	case T_STRUCT:
		return parse_struct_type(p);
	case T_INTERFACE:
		return parse_interface_type(p);
	case T_NAME:
		return parse_qualified_name(p, NULL);
	case T_LPAREN: {
		/* kept as N_PAREN, like parenthesized expressions */
		Node *t = ast_new(N_PAREN, pos);
		parse_next(p);
		t->unary.x = parse_type(p);
		parse_want(p, T_RPAREN);
		return t;
	}
	default:
		return NULL;
	}
}

Node *parse_type_or_nil(Parser *p)
{
	parse_nest(p, 1);
	Node *t = type_or_nil(p);
	parse_nest(p, -1);
	return t;
}

/* TypeArgs = "[" TypeList [ "," ] "]" . */
static Node *type_instance(Parser *p, Node *typ)
{
	Node *x = ast_new(N_INDEX, p->lx.pos);
	parse_want(p, T_LBRACK);
	x->index.x = typ;
	if (p->lx.tok == T_RBRACK) {
		parse_syntax_error(p, "expecting type");
		list_push(&x->index.index, parse_bad(p));
	} else {
		bool comma;
		x->index.index = parse_type_list(p, &comma);
	}
	x->index.rbrack = p->lx.pos;
	parse_want(p, T_RBRACK);
	return x;
}

/* QualifiedIdent = [ PackageName "." ] identifier [ TypeArgs ] . */
Node *parse_qualified_name(Parser *p, Node *name)
{
	Node *x;
	if (name) {
		x = name;
	} else if (p->lx.tok == T_NAME) {
		x = parse_name(p);
	} else {
		x = ast_new(N_IDENT, p->lx.pos);
		x->ident.name = intern("_", 1);
		parse_syntax_error(p, "expecting name");
		parse_advance(p, TS(T_DOT) | TS(T_SEMI) | TS(T_RBRACE));
	}
	if (p->lx.tok == T_DOT) {
		Node *s = ast_new(N_SELECTOR, p->lx.pos);
		parse_next(p);
		s->selector.x = x;
		s->selector.sel = parse_name(p);
		x = s;
	}
	if (p->lx.tok == T_LBRACK)
		x = type_instance(p, x);
	return x;
}

/* Result = Parameters | Type . */
static NodeList func_result(Parser *p)
{
	NodeList l = {0};
	if (parse_got(p, T_LPAREN))
		return parse_param_list(p, NULL, NULL, T_RPAREN, false, NULL);
	Pos pos = p->lx.pos;
	Node *t = parse_type_or_nil(p);
	if (t) {
		Node *f = ast_new(N_FIELD, pos);
		f->field.type = t;
		list_push(&l, f);
	}
	return l;
}

/* Signature = [ TypeParams ] Parameters [ Result ] . ("func" consumed)
 * If context != "", type parameters are reported as not permitted. */
Node *parse_func_type(Parser *p, const char *context)
{
	Node *typ = ast_new(N_FUNCTYPE, p->lx.pos);
	if (parse_got(p, T_LBRACK)) {
		if (context[0]) {
			char msg[128];
			snprintf(msg, sizeof msg, "%s must have no type parameters", context);
			parse_syntax_error_at(p, typ->pos, msg);
		}
		if (p->lx.tok == T_RBRACK) {
			parse_syntax_error(p, "empty type parameter list");
			parse_next(p);
		} else {
			typ->functype.tparams = parse_param_list(p, NULL, NULL, T_RBRACK, true, NULL);
		}
	}
	parse_want(p, T_LPAREN);
	typ->functype.params = parse_param_list(p, NULL, NULL, T_RPAREN, false, NULL);
	typ->functype.results = func_result(p);
	return typ;
}

/* ArrayType = "[" ArrayLength "]" ElementType . ("[" consumed; len may be
 * already parsed) */
Node *parse_array_type(Parser *p, Pos lbrack, Node *len)
{
	if (!len) {
		if (p->lx.tok == T_DOTDOTDOT) {
			len = ast_new(N_ELLIPSIS, p->lx.pos);
			parse_next(p);
		} else {
			p->xnest++;
			len = parse_expr(p);
			p->xnest--;
		}
	}
	if (p->lx.tok == T_COMMA) {
		/* trailing commas are accepted in type parameter lists only */
		parse_syntax_error(p, "unexpected comma; expecting ]");
		parse_next(p);
	}
	parse_want(p, T_RBRACK);
	Node *t = ast_new(N_ARRAYTYPE, lbrack);
	t->arraytype.len = len;
	t->arraytype.elem = parse_type(p);
	return t;
}

/* SliceType = "[" "]" ElementType . ("[" "]" consumed) */
Node *parse_slice_type(Parser *p, Pos lbrack)
{
	Node *t = ast_new(N_ARRAYTYPE, lbrack);
	t->arraytype.elem = parse_type(p);
	return t;
}

/* Either an array type [n]E or type arguments [T1, T2] (whose x the caller
 * fills in). */
static Node *array_or_targs(Parser *p)
{
	Pos pos = p->lx.pos;
	parse_want(p, T_LBRACK);
	if (parse_got(p, T_RBRACK))
		return parse_slice_type(p, pos);
	bool comma;
	NodeList n = parse_type_list(p, &comma);
	Pos rbrack = p->lx.pos;
	parse_want(p, T_RBRACK);
	if (!comma) {
		Node *elem = parse_type_or_nil(p);
		if (elem) {
			Node *t = ast_new(N_ARRAYTYPE, pos);
			t->arraytype.len = n.v[0];
			t->arraytype.elem = elem;
			return t;
		}
	}
	Node *t = ast_new(N_INDEX, pos);
	t->index.index = n;
	t->index.rbrack = rbrack;
	return t;
}

static Node *new_field(Pos pos, Node *name, Node *typ, Node *tag, bool embedded)
{
	Node *f = ast_new(N_FIELD, pos);
	if (name)
		list_push(&f->field.names, name);
	f->field.type = typ;
	f->field.tag = tag;
	f->field.embedded = embedded;
	return f;
}

/*
 * FieldDecl     = ( IdentifierList Type | EmbeddedField ) [ Tag ] .
 * EmbeddedField = [ "*" ] TypeName [ TypeArgs ] .
 * Tag           = string_lit .
 */
static void field_decl(Parser *p, Node *styp)
{
	Pos pos = p->lx.pos;
	NodeList *fields = &styp->structtype.fields;
	switch (p->lx.tok) {
	case T_NAME: {
		Node *name = parse_name(p);
		Token t = p->lx.tok;
		if (t == T_DOT || t == T_LITERAL || t == T_SEMI || t == T_RBRACE) {
			Node *typ = parse_qualified_name(p, name);
			Node *tag = parse_oliteral(p);
			list_push(fields, new_field(pos, NULL, typ, tag, true));
			return;
		}
		NodeList names = parse_name_list(p, name);
		Node *typ;
		/* an embedded instance T[P1, P2] or a field T of type [P]E / []E? */
		if (names.n == 1 && p->lx.tok == T_LBRACK) {
			typ = array_or_targs(p);
			if (typ->kind == N_INDEX) {
				typ->index.x = name;
				Node *tag = parse_oliteral(p);
				list_push(fields, new_field(pos, NULL, typ, tag, true));
				return;
			}
		} else {
			typ = parse_type(p);
		}
		Node *f = ast_new(N_FIELD, pos);
		f->field.names = names;
		f->field.type = typ;
		f->field.tag = parse_oliteral(p);
		list_push(fields, f);
		return;
	}
	case T_STAR: {
		parse_next(p);
		Node *typ;
		if (p->lx.tok == T_LPAREN) {
			parse_syntax_error(p, "cannot parenthesize embedded type");
			parse_next(p);
			typ = parse_qualified_name(p, NULL);
			parse_got(p, T_RPAREN);
		} else {
			typ = parse_qualified_name(p, NULL);
		}
		Node *tag = parse_oliteral(p);
		list_push(fields, new_field(pos, NULL, star(pos, typ), tag, true));
		return;
	}
	case T_LPAREN: {
		parse_syntax_error(p, "cannot parenthesize embedded type");
		parse_next(p);
		Node *typ;
		if (p->lx.tok == T_STAR) {
			Pos spos = p->lx.pos;
			parse_next(p);
			typ = star(spos, parse_qualified_name(p, NULL));
		} else {
			typ = parse_qualified_name(p, NULL);
		}
		parse_got(p, T_RPAREN);
		Node *tag = parse_oliteral(p);
		list_push(fields, new_field(pos, NULL, typ, tag, true));
		return;
	}
	default:
		parse_syntax_error(p, "expecting field name or embedded type");
		parse_advance(p, TS(T_SEMI) | TS(T_RBRACE));
	}
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
Node *parse_struct_type(Parser *p)
{
	Node *typ = ast_new(N_STRUCTTYPE, p->lx.pos);
	parse_want(p, T_STRUCT);
	parse_want(p, T_LBRACE);
	while (p->lx.tok != T_EOF && p->lx.tok != T_RBRACE) {
		field_decl(p, typ);
		if (!parse_list_sep(p, "struct type", T_SEMI, T_RBRACE))
			return typ;
	}
	parse_want(p, T_RBRACE);
	return typ;
}

/* EmbeddedTerm = [ "~" ] Type . */
static Node *embedded_term(Parser *p)
{
	if (parse_is_op(p, OP_TILDE)) {
		Node *t = ast_new(N_UNARY, p->lx.pos);
		t->unary.op = OP_TILDE;
		parse_next(p);
		t->unary.x = parse_type(p);
		return t;
	}
	Node *t = parse_type_or_nil(p);
	if (!t) {
		t = parse_bad(p);
		parse_syntax_error(p, "expecting ~ term or type");
		parse_advance(p, TS(T_OPERATOR) | TS(T_SEMI) | TS(T_RPAREN) | TS(T_RBRACK) |
		                 TS(T_RBRACE));
	}
	return t;
}

/* EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm } .
 * f (may be NULL) holds the first term already parsed in f->field.type. */
static Node *embedded_elem(Parser *p, Node *f)
{
	if (!f) {
		f = ast_new(N_FIELD, p->lx.pos);
		f->field.type = embedded_term(p);
	}
	while (parse_is_op(p, OP_OR)) {
		Node *t = ast_new(N_BINARY, p->lx.pos);
		t->binary.op = OP_OR;
		parse_next(p);
		t->binary.x = f->field.type;
		t->binary.y = embedded_term(p);
		f->field.type = t;
	}
	return f;
}

/* MethodSpec = MethodName Signature | InterfaceTypeName . */
static Node *method_decl(Parser *p)
{
	Node *f = ast_new(N_FIELD, p->lx.pos);
	Node *name = parse_name(p);
	static const char context[] = "interface method";

	switch (p->lx.tok) {
	case T_LPAREN:
		list_push(&f->field.names, name);
		f->field.type = parse_func_type(p, context);
		break;

	case T_LBRACK: {
		/* a generic method m[T C](x T) (accepted, reported) or an
		 * embedded instance T[P1, P2] */
		Pos pos = p->lx.pos;
		parse_next(p);
		if (p->lx.tok == T_RBRACK) {
			Pos rpos = p->lx.pos;
			parse_next(p);
			if (p->lx.tok == T_LPAREN) {
				parse_error_at(p, rpos, "empty type parameter list");
				list_push(&f->field.names, name);
				f->field.type = parse_func_type(p, context);
			} else {
				parse_error_at(p, rpos, "empty type argument list");
				f->field.type = name;
			}
			break;
		}
		int count = 0;
		NodeList list = parse_param_list(p, NULL, NULL, T_RBRACK, false, &count);
		if (list.n == 0) {
			if (p->lx.tok == T_LPAREN) {
				list_push(&f->field.names, name);
				f->field.type = parse_func_type(p, context);
			} else {
				f->field.type = name;
			}
			break;
		}
		if (list.v[0]->field.names.n) {
			list_push(&f->field.names, name);
			f->field.type = parse_func_type(p, context);
			parse_error_at(p, pos, "interface method must have no type parameters");
			break;
		}
		Node *t = ast_new(N_INDEX, pos);
		t->index.x = name;
		for (int i = 0; i < list.n; i++)
			list_push(&t->index.index, list.v[i]->field.type);
		f->field.type = t;
		break;
	}

	default:
		f->field.type = parse_qualified_name(p, name);
	}
	return f;
}

/* InterfaceType = "interface" "{" { ( MethodSpec | EmbeddedElem ) ";" } "}" . */
Node *parse_interface_type(Parser *p)
{
	Node *typ = ast_new(N_INTERFACETYPE, p->lx.pos);
	parse_want(p, T_INTERFACE);
	parse_want(p, T_LBRACE);
	while (p->lx.tok != T_EOF && p->lx.tok != T_RBRACE) {
		Node *f = NULL;
		if (p->lx.tok == T_NAME)
			f = method_decl(p);
		if (!f || f->field.names.n == 0) {
			f = embedded_elem(p, f);
			f->field.embedded = true;
		}
		list_push(&typ->ifacetype.elems, f);
		if (!parse_list_sep(p, "interface type", T_SEMI, T_RBRACE))
			return typ;
	}
	parse_want(p, T_RBRACE);
	return typ;
}

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type .
 * Returns a provisional N_FIELD with at most one name, or NULL. */
static Node *param_decl_or_nil(Parser *p, Node *name, Token follow)
{
	bool typesets_ok = follow == T_RBRACK;      /* type parameter list */
	Pos pos = p->lx.pos;
	if (name)
		pos = name->pos;
	else if (typesets_ok && parse_is_op(p, OP_TILDE))
		return embedded_elem(p, NULL);

	Node *f = ast_new(N_FIELD, pos);
	if (p->lx.tok == T_NAME || name) {
		if (!name)
			name = parse_name(p);
		if (p->lx.tok == T_LBRACK) {
			/* name "[" ... */
			f->field.type = array_or_targs(p);
			if (f->field.type->kind == N_INDEX)
				f->field.type->index.x = name;
			else
				list_push(&f->field.names, name);
			if (typesets_ok && parse_is_op(p, OP_OR))
				f = embedded_elem(p, f);
			return f;
		}
		if (p->lx.tok == T_DOT) {
			/* name "." ... */
			f->field.type = parse_qualified_name(p, name);
			if (typesets_ok && parse_is_op(p, OP_OR))
				f = embedded_elem(p, f);
			return f;
		}
		if (typesets_ok && parse_is_op(p, OP_OR)) {
			/* name "|" ... */
			f->field.type = name;
			return embedded_elem(p, f);
		}
		list_push(&f->field.names, name);
	}

	if (p->lx.tok == T_DOTDOTDOT) {
		Node *t = ast_new(N_ELLIPSIS, p->lx.pos);
		parse_next(p);
		t->ellipsis.elem = parse_type_or_nil(p);
		if (!t->ellipsis.elem) {
			t->ellipsis.elem = parse_bad(p);
			parse_syntax_error(p, "... is missing type");
		}
		f->field.type = t;
		return f;
	}

	if (typesets_ok && parse_is_op(p, OP_TILDE)) {
		f->field.type = embedded_elem(p, NULL)->field.type;
		return f;
	}

	f->field.type = parse_type_or_nil(p);
	if (typesets_ok && parse_is_op(p, OP_OR) && f->field.type)
		f = embedded_elem(p, f);
	if (f->field.names.n || f->field.type)
		return f;

	char msg[64];
	snprintf(msg, sizeof msg, "expecting %s", parse_tokstring(follow));
	parse_syntax_error(p, msg);
	parse_advance(p, TS(T_COMMA) | TS(follow));
	return NULL;
}

/*
 * Parameters    = "(" [ ParameterList [ "," ] ] ")" .
 * ParameterList = ParameterDecl { "," ParameterDecl } .
 * TypeParams    = "[" TypeParamList [ "," ] "]" .
 * The opening token has been consumed. name (and typ) may be the already
 * parsed first parameter. Either all parameters end up named or none is.
 * Consecutive names sharing one type ("a, b int") form one N_FIELD.
 * *count (if not NULL) receives the number of parameter declarations.
 */
NodeList parse_param_list(Parser *p, Node *name, Node *typ, Token close,
                          bool require_names, int *count)
{
	NodeList list = {0};
	if (count)
		*count = 0;
	if (name && typ && p->lx.tok == close) {
		parse_next(p);
		list_push(&list, new_field(name->pos, name, typ, NULL, false));
		if (count)
			*count = 1;
		return list;
	}

	NodeList pars = {0};
	int named = 0, typed = 0;
	Pos end;
	for (;;) {
		if (p->lx.tok == T_EOF || p->lx.tok == close) {
			end = p->lx.pos;
			parse_want(p, close);
			break;
		}
		Node *par;
		if (typ)
			par = new_field(name->pos, name, typ, NULL, false);
		else
			par = param_decl_or_nil(p, name, close);
		name = typ = NULL;
		if (par) {
			if (par->field.names.n && par->field.type)
				named++;
			if (par->field.type)
				typed++;
			list_push(&pars, par);
		}
		if (!parse_list_sep(p, "parameter list", T_COMMA, close)) {
			end = p->lx.pos;
			break;
		}
	}
	if (count)
		*count = pars.n;
	if (pars.n == 0)
		return list;

	if (named == 0 && !require_names) {
		/* all unnamed: the names found are type names */
		for (int i = 0; i < pars.n; i++) {
			Node *par = pars.v[i];
			if (par->field.names.n) {
				par->field.type = par->field.names.v[0];
				par->field.names = (NodeList){0};
			}
		}
	} else if (named != pars.n) {
		/* some named: all must have names and types */
		Pos errpos = {0};
		Node *t = NULL;
		for (int i = pars.n - 1; i >= 0; i--) {
			Node *par = pars.v[i];
			if (par->field.type) {
				t = par->field.type;
				if (!par->field.names.n) {
					errpos = node_startpos(t);
					Node *blank = ast_new(N_IDENT, errpos);
					blank->ident.name = intern("_", 1);
					list_push(&par->field.names, blank);
				}
			} else if (t) {
				par->field.type = t;
			} else {
				errpos = par->field.names.v[0]->pos;
				par->field.type = ast_new(N_BAD, errpos);
			}
		}
		if (errpos.line) {
			const char *msg;
			if (require_names) {
				if (named == typed) {
					errpos = end;
					msg = "missing type constraint";
				} else {
					msg = "type parameters must be named";
				}
			} else {
				msg = "mixed named and unnamed parameters";
			}
			parse_syntax_error_at(p, errpos, msg);
		}
	}

	/* group "a, b T" into one field */
	for (int i = 0; i < pars.n; i++) {
		Node *par = pars.v[i];
		Node *last = list.n ? list.v[list.n - 1] : NULL;
		if (last && last->field.names.n && par->field.names.n &&
		    last->field.type == par->field.type) {
			list_push(&last->field.names, par->field.names.v[0]);
			continue;
		}
		list_push(&list, par);
	}
	return list;
}
