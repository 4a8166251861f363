/*
 * parse_decl.c: source files and declarations: the package clause,
 * imports, const/type/var groups, function and method declarations, and
 * the attachment of //go: directives to functions.
 */
#include <string.h>

#include "frontend.h"

#include <stdarg.h>
#include <stdlib.h>

#define TS(t) (1ull << (t))

/* ImportSpec = [ "." | PackageName ] ImportPath . */
static Node *import_spec(Parser *p)
{
	Node *d = ast_new(N_IMPORTSPEC, p->lx.pos);
	switch (p->lx.tok) {
	case T_NAME:
		d->importspec.name = parse_name(p);
		break;
	case T_DOT:
		d->importspec.name = ast_new(N_IDENT, p->lx.pos);
		d->importspec.name->ident.name = intern(".", 1);
		parse_next(p);
		break;
	default:
		break;
	}
	d->importspec.path = parse_oliteral(p);
	if (!d->importspec.path) {
		parse_syntax_error(p, "missing import path");
		parse_advance(p, TS(T_SEMI) | TS(T_RPAREN));
		return NULL;
	}
	if (d->importspec.path->lit.kind != LIT_STRING)
		parse_syntax_error(p, "import path must be a string");
	return d;
}

/* ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] . */
static Node *const_spec(Parser *p)
{
	Node *d = ast_new(N_VALUESPEC, p->lx.pos);
	d->valuespec.names = parse_name_list(p, parse_name(p));
	if (p->lx.tok != T_EOF && p->lx.tok != T_SEMI && p->lx.tok != T_RPAREN) {
		d->valuespec.type = parse_type_or_nil(p);
		if (parse_got_assign(p))
			d->valuespec.values = parse_expr_list(p);
	}
	return d;
}

/* VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) . */
static Node *var_spec(Parser *p)
{
	Node *d = ast_new(N_VALUESPEC, p->lx.pos);
	d->valuespec.names = parse_name_list(p, parse_name(p));
	if (parse_got_assign(p)) {
		d->valuespec.values = parse_expr_list(p);
	} else {
		d->valuespec.type = parse_type(p);
		if (parse_got_assign(p))
			d->valuespec.values = parse_expr_list(p);
	}
	return d;
}

/*
 * Splits x into a type parameter name and its constraint if x can be read
 * as "name expr": P *C, P *C|D, P(C), P ~int|string. The split happens
 * only if expr is clearly a type element, or if force is set. If x is a
 * plain name, returns it with *expr = NULL; if no split, returns NULL with
 * *expr = x.
 */
static Node *extract_name(Node *x, bool force, Node **expr)
{
	switch (x->kind) {
	case N_IDENT:
		*expr = NULL;
		return x;
	case N_BINARY:
		if (x->binary.op == OP_MUL) {
			if (x->binary.x->kind == N_IDENT && (force || parse_is_type_elem(x->binary.y))) {
				Node *s = ast_new(N_STAR, x->pos);
				s->unary.op = OP_MUL;
				s->unary.x = x->binary.y;
				*expr = s;
				return x->binary.x;
			}
		} else if (x->binary.op == OP_OR) {
			Node *lhs;
			Node *name = extract_name(x->binary.x, force || parse_is_type_elem(x->binary.y), &lhs);
			if (name && lhs) {
				Node *o = ast_new(N_BINARY, x->pos);
				o->binary.op = OP_OR;
				o->binary.x = lhs;
				o->binary.y = x->binary.y;
				*expr = o;
				return name;
			}
		}
		break;
	case N_CALL:
		if (x->call.fun->kind == N_IDENT && x->call.args.n == 1 && !x->call.dots &&
		    (force || parse_is_type_elem(x->call.args.v[0]))) {
			*expr = x->call.args.v[0];
			return x->call.fun;
		}
		break;
	default:
		break;
	}
	*expr = x;
	return NULL;
}

/* TypeSpec = identifier [ TypeParams ] [ "=" ] Type . */
static Node *type_spec(Parser *p)
{
	Node *d = ast_new(N_TYPESPEC, p->lx.pos);
	d->typespec.name = parse_name(p);
	if (p->lx.tok == T_LBRACK) {
		/* an array/slice type or a type parameter list */
		Pos pos = p->lx.pos;
		parse_next(p);
		switch (p->lx.tok) {
		case T_NAME: {
			/* A constraint may start with "[" (P []E); an array length
			 * is never an index expression, so name "[" means that. */
			Node *x = parse_name(p);
			if (p->lx.tok != T_LBRACK) {
				p->xnest++;
				x = parse_binary_expr(p, parse_pexpr(p, x, false), 0);
				p->xnest--;
			}
			Node *ptype;
			Node *pname = extract_name(x, p->lx.tok == T_COMMA, &ptype);
			if (pname && (ptype || p->lx.tok != T_RBRACK)) {
				d->typespec.tparams = parse_param_list(p, pname, ptype, T_RBRACK, true, NULL);
				d->typespec.alias = parse_got_assign(p);
				d->typespec.type = parse_type_or_nil(p);
			} else {
				d->typespec.type = parse_array_type(p, pos, x);
			}
			break;
		}
		case T_RBRACK:
			parse_next(p);
			d->typespec.type = parse_slice_type(p, pos);
			break;
		default:
			d->typespec.type = parse_array_type(p, pos, NULL);
		}
	} else {
		d->typespec.alias = parse_got_assign(p);
		d->typespec.type = parse_type_or_nil(p);
	}
	if (!d->typespec.type) {
		d->typespec.type = parse_bad(p);
		parse_syntax_error(p, "in type declaration");
		parse_advance(p, TS(T_SEMI) | TS(T_RPAREN));
	}
	return d;
}

static Node *spec(Parser *p, DeclKind kind)
{
	switch (kind) {
	case DECL_IMPORT: return import_spec(p);
	case DECL_CONST: return const_spec(p);
	case DECL_TYPE: return type_spec(p);
	case DECL_VAR: return var_spec(p);
	}
	return NULL;
}

/* For const groups: iota is the index in the group; a spec without values
 * repeats the type and values of the last spec that had them. */
static void add_spec(Node *d, Node *s, DeclKind kind, Node **last)
{
	if (!s)
		return;
	if (kind == DECL_CONST || kind == DECL_VAR) {
		s->valuespec.iota = d->gendecl.specs.n;
		if (kind == DECL_CONST) {
			if (s->valuespec.values.n)
				*last = s;
			else
				s->valuespec.group_prev = *last;
		}
	}
	list_push(&d->gendecl.specs, s);
}

/* ------------------------------------------------------------ directives */

/* gc's function pragmas; the write barrier ones are runtime-only */
#define FUNC_DIRECTIVES (PRAGMA_NOINLINE | PRAGMA_NOSPLIT | PRAGMA_NOESCAPE | PRAGMA_NORACE | PRAGMA_NOCHECKPTR | \
                         PRAGMA_UINTPTRESCAPES | PRAGMA_REGISTERPARAMS | PRAGMA_NOINTERFACE | DIR_RUNTIME)

/* directive errors do not stop type checking (gc reports them from the noder) */
static void soft_error(Pos pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void soft_error(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verrorf(pos, fmt, ap);
	va_end(ap);
	diag_note_soft();
}

/* the file imports path (written plainly: "path" or `path`) */
static bool imports_path(Node *file, const char *path)
{
	size_t n = strlen(path);
	for (int i = 0; file && i < file->file.imports.n; i++) {
		Node *lit = file->file.imports.v[i]->importspec.path;
		if (lit->lit.len == (int)n + 2 && memcmp(lit->lit.raw + 1, path, n) == 0)
			return true;
	}
	return false;
}

/* The directives seen since the last take belong to the declaration now
 * parsed: those it does not allow are misplaced (gc's reportUnused). A
 * //go:embed is kept for the var spec (check_embed). Returns the PRAGMA_ bits. */
uint32_t parse_take_directives(Parser *p, uint32_t allowed)
{
	const char *pkg = p->file && p->file->file.pkgname ? p->file->file.pkgname->ident.name : NULL;
	for (int i = 0; i < p->lx.ndirs; i++) {
		LexDirective *d = &p->lx.dirs[i];
		if ((d->flag & DIR_RUNTIME) && (!pkg || strcmp(pkg, "runtime") != 0))
			soft_error(d->pos, "//%s only allowed in runtime", d->verb);
		if (d->flag == DIR_EMBED) {
			if (allowed & DIR_EMBED) {
				p->embed = *d;
				p->has_embed = true;
			} else {
				soft_error(d->pos, "misplaced go:embed directive");
			}
		} else if (d->flag & ~allowed) {
			soft_error(d->pos, "misplaced compiler directive");
		}
	}
	p->lx.ndirs = 0;
	uint32_t bits = p->lx.pragma & allowed;
	p->lx.pragma = 0;
	return bits;
}

/* At a place that takes no directives (gc's clearPragma). */
void parse_clear_directives(Parser *p)
{
	parse_take_directives(p, 0);
}

/* gc's checkEmbed for a var spec with a //go:embed directive */
static void check_embed(Parser *p, Node *s)
{
	const char *err = NULL;
	if (!imports_path(p->file, "embed"))
		err = "go:embed only allowed in Go files that import \"embed\"";
	else if (s->valuespec.names.n > 1)
		err = "go:embed cannot apply to multiple vars";
	else if (s->valuespec.values.n)
		err = "go:embed cannot apply to var with initializer";
	else if (!s->valuespec.type)
		err = "go:embed cannot apply to var without type";
	else if (p->fnest > 0)
		err = "go:embed cannot apply to var inside func";
	if (err)
		soft_error(p->embed.pos, "%s", err);
	p->has_embed = false;
}

/* A spec takes the directives before it (types: //go:notinheap, unless an alias). */
static Node *spec_with_directives(Parser *p, DeclKind kind)
{
	uint32_t allowed = kind == DECL_TYPE ? DIR_NOTINHEAP : kind == DECL_VAR ? DIR_EMBED : 0;
	LexDirective *saved = NULL;
	int nsaved = 0;
	if (kind == DECL_TYPE && p->lx.ndirs) {
		/* an alias takes none: decide after the spec (in perm: parse_nest may
		 * leave the spec by longjmp) */
		saved = arena_alloc(&perm, sizeof(LexDirective) * (size_t)p->lx.ndirs);
		memcpy(saved, p->lx.dirs, sizeof(LexDirective) * (size_t)p->lx.ndirs);
		nsaved = p->lx.ndirs;
		p->lx.ndirs = 0;
	} else {
		parse_take_directives(p, allowed);
	}
	Node *s = spec(p, kind);
	if (kind == DECL_TYPE && nsaved) {
		bool alias = s && s->typespec.alias;
		for (int i = 0; i < nsaved; i++)
			if (saved[i].flag & ~(alias ? 0 : DIR_NOTINHEAP))
				soft_error(saved[i].pos, "misplaced compiler directive");
	}
	if (p->has_embed) {
		if (s && kind == DECL_VAR)
			check_embed(p, s);
		p->has_embed = false;
	}
	return s;
}

/* Decl = keyword ( Spec | "(" { Spec ";" } ")" ) . At the keyword. */
Node *parse_gendecl(Parser *p, DeclKind kind)
{
	Node *d = ast_new(N_GENDECL, p->lx.pos);
	d->gendecl.kind = kind;
	parse_next(p);      /* keyword */
	Node *last = NULL;
	if (p->lx.tok == T_LPAREN) {
		d->gendecl.lparen = p->lx.pos;
		parse_clear_directives(p);  /* before consuming "(" */
		parse_next(p);
		while (p->lx.tok != T_EOF && p->lx.tok != T_RPAREN) {
			add_spec(d, spec_with_directives(p, kind), kind, &last);
			if (!parse_list_sep(p, "grouped declaration", T_SEMI, T_RPAREN))
				return d;
		}
		parse_want(p, T_RPAREN);
	} else {
		add_spec(d, spec_with_directives(p, kind), kind, &last);
	}
	return d;
}

/*
 * FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) .
 * MethodDecl   = "func" Receiver MethodName ( Function | Signature ) .
 * Receiver     = Parameters .
 * At "func"; returns NULL after a syntax error in the name.
 */
static Node *func_decl_or_nil(Parser *p)
{
	Node *f = ast_new(N_FUNCDECL, p->lx.pos);
	parse_next(p);      /* func */
	f->funcdecl.pragma = parse_take_directives(p, FUNC_DIRECTIVES) & ~(uint32_t)PRAGMA_LINKNAME;

	if (parse_got(p, T_LPAREN)) {
		int count;
		NodeList rcvr = parse_param_list(p, NULL, NULL, T_RPAREN, false, &count);
		if (count == 0)
			parse_error_at(p, p->lx.pos, "method has no receiver");
		else if (count > 1)
			parse_error_at(p, p->lx.pos, "method has multiple receivers");
		if (rcvr.n > 0)
			f->funcdecl.recv = rcvr.v[0];
	}

	if (p->lx.tok != T_NAME) {
		parse_syntax_error(p, "expecting name or (");
		parse_advance(p, TS(T_LBRACE) | TS(T_SEMI));
		return NULL;
	}
	f->funcdecl.name = parse_name(p);
	f->funcdecl.type = parse_func_type(p, f->funcdecl.recv ? "method" : "");
	if (p->lx.tok == T_LBRACE)
		f->funcdecl.body = parse_func_body(p);
	return f;
}

/* //go:linkname local target applies to the function named local. */
static void attach_linknames(Parser *p, Node *file)
{
	Lexer *l = &p->lx;
	for (int i = 0; i + 1 < l->nlinknames; i += 2) {
		const char *local = l->linknames[i], *target = l->linknames[i + 1];
		Node *kv = ast_new(N_KEYVALUE, l->linknamepos[i / 2]);
		kv->binary.x = ast_new(N_IDENT, (Pos){0});
		kv->binary.x->ident.name = local;
		if (target) {
			kv->binary.y = ast_new(N_IDENT, (Pos){0});
			kv->binary.y->ident.name = target;
		}
		list_push(&file->file.linknames, kv);
		if (!target)
			continue;
		for (int j = 0; j < file->file.decls.n; j++) {
			Node *d = file->file.decls.v[j];
			if (d->kind == N_FUNCDECL && !d->funcdecl.recv && d->funcdecl.name->ident.name == local) {
				d->funcdecl.pragma |= PRAGMA_LINKNAME;
				d->funcdecl.linkname = target;
			}
		}
	}
}

static void add_decl(Node *file, Node *d)
{
	list_push(&file->file.decls, d);
	if (d->kind == N_GENDECL && d->gendecl.kind == DECL_IMPORT) {
		for (int i = 0; i < d->gendecl.specs.n; i++)
			list_push(&file->file.imports, d->gendecl.specs.v[i]);
	}
}

static void finish(Parser *p, Node *file)
{
	parse_clear_directives(p);
	free(p->lx.dirs);
	p->lx.dirs = NULL;
	file->file.gobuild = p->lx.gobuild;
	file->file.plusbuild_lines = p->lx.plusbuild;
	file->file.nplusbuild = p->lx.nplusbuild;
	attach_linknames(p, file);
}

static void init_parser(Parser *p, int32_t file)
{
	memset(p, 0, sizeof *p);
	p->starterrs = diag_count();
	lex_init(&p->lx, file);
	parse_next(p);
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
Node *parse_file(int32_t fileidx)
{
	Parser parser, *p = &parser;
	init_parser(p, fileidx);
	Node *file = ast_new(N_FILE, p->lx.pos);
	file->file.file = fileidx;
	jmp_buf bail;
	p->bail = &bail;
	if (setjmp(bail)) {
		/* too deep (parse_nest): the declarations so far are kept */
		finish(p, file);
		return file;
	}

	if (p->lx.tok != T_PACKAGE) {
		parse_syntax_error(p, "package statement must be first");
		finish(p, file);
		return file;
	}
	p->lx.header = false;
	p->file = file;
	parse_next(p);
	int before = diag_count();
	parse_take_directives(p, DIR_GOBUILD);
	p->starterrs += diag_count() - before; /* misplaced directives are no syntax errors */
	file->file.pkgname = parse_name(p);
	parse_want(p, T_SEMI);
	if (p->errcnt > 0 || diag_count() > p->starterrs) {
		finish(p, file);
		return file;
	}

	while (p->lx.tok == T_IMPORT) {
		add_decl(file, parse_gendecl(p, DECL_IMPORT));
		parse_want(p, T_SEMI);
	}

	while (p->lx.tok != T_EOF) {
		switch (p->lx.tok) {
		case T_CONST:
			add_decl(file, parse_gendecl(p, DECL_CONST));
			break;
		case T_TYPE:
			add_decl(file, parse_gendecl(p, DECL_TYPE));
			break;
		case T_VAR:
			add_decl(file, parse_gendecl(p, DECL_VAR));
			break;
		case T_FUNC: {
			Node *d = func_decl_or_nil(p);
			if (d)
				add_decl(file, d);
			break;
		}
		default: {
			NodeList *dl = &file->file.decls;
			Node *last = dl->n ? dl->v[dl->n - 1] : NULL;
			if (p->lx.tok == T_LBRACE && last && last->kind == N_FUNCDECL && !last->funcdecl.body)
				parse_syntax_error(p, "unexpected semicolon or newline before {");
			else
				parse_syntax_error(p, "non-declaration statement outside function body");
			parse_advance(p, TS(T_CONST) | TS(T_TYPE) | TS(T_VAR) | TS(T_FUNC));
			continue;
		}
		}
		/* clear pragmas before consuming ';': comments after it belong
		 * to the next declaration */
		parse_clear_directives(p);
		if (p->lx.tok != T_EOF && !parse_got(p, T_SEMI)) {
			parse_syntax_error(p, "after top level declaration");
			parse_advance(p, TS(T_CONST) | TS(T_TYPE) | TS(T_VAR) | TS(T_FUNC));
		}
	}
	finish(p, file);
	return file;
}

/* Reads only the package clause and the build constraints before it.
 * Reports no errors; returns false if there is no package clause. */
bool parse_header(int32_t fileidx, const char **pkgname, const char **gobuild,
                  const char ***plusbuild, int *nplusbuild)
{
	Lexer l;
	lex_init(&l, fileidx);
	l.quiet = true;
	lex_next(&l);
	bool ok = false;
	*pkgname = NULL;
	if (l.tok == T_PACKAGE) {
		l.header = false;
		lex_next(&l);
		if (l.tok == T_NAME) {
			*pkgname = l.lit;
			ok = true;
		}
	}
	if (gobuild)
		*gobuild = l.gobuild;
	if (plusbuild)
		*plusbuild = l.plusbuild;
	if (nplusbuild)
		*nplusbuild = l.nplusbuild;
	free(l.dirs);          /* the directives are parse_file's business */
	return ok;
}
