/*
 * ast_dump.c: an indented S-expression dump of the syntax tree for tests:
 *   (Binary @3:9 op=+
 *     (Ident @3:7 x)
 *     (BasicLit @3:11 INT 1))
 * Lists print as [ ... ]; absent children as -.
 */
#include "frontend.h"

static const char *kindname[N_KIND_COUNT] = {
	[N_BAD] = "Bad", [N_IDENT] = "Ident", [N_BASICLIT] = "BasicLit",
	[N_COMPOSITELIT] = "CompositeLit", [N_FUNCLIT] = "FuncLit", [N_PAREN] = "Paren",
	[N_SELECTOR] = "Selector", [N_INDEX] = "Index", [N_SLICE] = "Slice",
	[N_TYPEASSERT] = "TypeAssert", [N_CALL] = "Call", [N_STAR] = "Star",
	[N_UNARY] = "Unary", [N_BINARY] = "Binary", [N_KEYVALUE] = "KeyValue",
	[N_ARRAYTYPE] = "ArrayType", [N_STRUCTTYPE] = "StructType", [N_FUNCTYPE] = "FuncType",
	[N_INTERFACETYPE] = "InterfaceType", [N_MAPTYPE] = "MapType", [N_CHANTYPE] = "ChanType",
	[N_ELLIPSIS] = "Ellipsis", [N_FIELD] = "Field", [N_BADSTMT] = "BadStmt",
	[N_DECLSTMT] = "DeclStmt", [N_EMPTYSTMT] = "EmptyStmt", [N_LABELED] = "Labeled",
	[N_EXPRSTMT] = "ExprStmt", [N_SENDSTMT] = "Send", [N_INCDEC] = "IncDec",
	[N_ASSIGN] = "Assign", [N_GOSTMT] = "Go", [N_DEFERSTMT] = "Defer", [N_RETURN] = "Return",
	[N_BRANCH] = "Branch", [N_BLOCK] = "Block", [N_IF] = "If", [N_CASECLAUSE] = "CaseClause",
	[N_SWITCH] = "Switch", [N_TYPESWITCH] = "TypeSwitch", [N_COMMCLAUSE] = "CommClause",
	[N_SELECT] = "Select", [N_FOR] = "For", [N_RANGE] = "Range",
	[N_IMPORTSPEC] = "ImportSpec", [N_VALUESPEC] = "ValueSpec", [N_TYPESPEC] = "TypeSpec",
	[N_GENDECL] = "GenDecl", [N_FUNCDECL] = "FuncDecl", [N_FILE] = "File",
};

static const char *litname[] = {"INT", "FLOAT", "IMAG", "RUNE", "STRING"};
static const char *declname[] = {"import", "const", "type", "var"};
static const char *branchname[] = {"break", "continue", "goto", "fallthrough"};
static const char *dirname[] = {"both", "send", "recv"};

static void dump(Node *n, FILE *out, int depth);

static void indent(FILE *out, int depth)
{
	fputc('\n', out);
	for (int i = 0; i < depth; i++)
		fputs("  ", out);
}

static void child(Node *n, FILE *out, int depth)
{
	indent(out, depth);
	if (!n)
		fputc('-', out);
	else
		dump(n, out, depth);
}

static void list(NodeList l, FILE *out, int depth)
{
	indent(out, depth);
	fputc('[', out);
	for (int i = 0; i < l.n; i++)
		child(l.v[i], out, depth + 1);
	fputc(']', out);
}

static void dump(Node *n, FILE *out, int depth)
{
	const char *kn = n->kind < N_KIND_COUNT && kindname[n->kind] ? kindname[n->kind] : "?";
	fprintf(out, "(%s @%d:%d", kn, n->pos.line, n->pos.col);
	int d = depth + 1;
	switch (n->kind) {
	case N_IDENT:
		fprintf(out, " %s", n->ident.name);
		break;
	case N_BASICLIT:
		fprintf(out, " %s %.*s", litname[n->lit.kind], n->lit.len, n->lit.raw);
		break;
	case N_COMPOSITELIT:
		child(n->complit.type, out, d);
		list(n->complit.elts, out, d);
		break;
	case N_FUNCLIT:
		child(n->funclit.type, out, d);
		child(n->funclit.body, out, d);
		break;
	case N_PAREN:
	case N_STAR:
		child(n->unary.x, out, d);
		break;
	case N_SELECTOR:
		child(n->selector.x, out, d);
		child(n->selector.sel, out, d);
		break;
	case N_INDEX:
		child(n->index.x, out, d);
		list(n->index.index, out, d);
		break;
	case N_SLICE:
		if (n->slice.slice3)
			fputs(" slice3", out);
		child(n->slice.x, out, d);
		child(n->slice.lo, out, d);
		child(n->slice.hi, out, d);
		child(n->slice.max, out, d);
		break;
	case N_TYPEASSERT:
		child(n->typeassert.x, out, d);
		child(n->typeassert.type, out, d);
		break;
	case N_CALL:
		if (n->call.dots)
			fputs(" dots", out);
		child(n->call.fun, out, d);
		list(n->call.args, out, d);
		break;
	case N_UNARY:
		fprintf(out, " op=%s", op_string(n->unary.op));
		child(n->unary.x, out, d);
		break;
	case N_BINARY:
		fprintf(out, " op=%s", op_string(n->binary.op));
		/* fallthrough */
	case N_KEYVALUE:
		child(n->binary.x, out, d);
		child(n->binary.y, out, d);
		break;
	case N_ARRAYTYPE:
		child(n->arraytype.len, out, d);
		child(n->arraytype.elem, out, d);
		break;
	case N_STRUCTTYPE:
		list(n->structtype.fields, out, d);
		break;
	case N_FUNCTYPE:
		if (n->functype.tparams.n)
			list(n->functype.tparams, out, d);
		list(n->functype.params, out, d);
		list(n->functype.results, out, d);
		break;
	case N_INTERFACETYPE:
		list(n->ifacetype.elems, out, d);
		break;
	case N_MAPTYPE:
		child(n->maptype.key, out, d);
		child(n->maptype.value, out, d);
		break;
	case N_CHANTYPE:
		fprintf(out, " %s", dirname[n->chantype.dir]);
		child(n->chantype.elem, out, d);
		break;
	case N_ELLIPSIS:
		child(n->ellipsis.elem, out, d);
		break;
	case N_FIELD:
		if (n->field.embedded)
			fputs(" embedded", out);
		list(n->field.names, out, d);
		child(n->field.type, out, d);
		if (n->field.tag)
			child(n->field.tag, out, d);
		break;
	case N_DECLSTMT:
		child(n->declstmt.decl, out, d);
		break;
	case N_LABELED:
		child(n->labeled.label, out, d);
		child(n->labeled.stmt, out, d);
		break;
	case N_EXPRSTMT:
		child(n->exprstmt.x, out, d);
		break;
	case N_SENDSTMT:
		child(n->send.ch, out, d);
		child(n->send.value, out, d);
		break;
	case N_INCDEC:
		fputs(n->incdec.inc ? " ++" : " --", out);
		child(n->incdec.x, out, d);
		break;
	case N_ASSIGN:
		fprintf(out, " op=%s", op_string(n->assign.op));
		list(n->assign.lhs, out, d);
		list(n->assign.rhs, out, d);
		break;
	case N_GOSTMT:
	case N_DEFERSTMT:
		child(n->gostmt.call, out, d);
		break;
	case N_RETURN:
		list(n->ret.results, out, d);
		break;
	case N_BRANCH:
		fprintf(out, " %s", branchname[n->branch.kind]);
		if (n->branch.label)
			fprintf(out, " %s", n->branch.label->ident.name);
		break;
	case N_BLOCK:
		list(n->block.stmts, out, d);
		break;
	case N_IF:
		child(n->ifstmt.init, out, d);
		child(n->ifstmt.cond, out, d);
		child(n->ifstmt.then, out, d);
		child(n->ifstmt.els, out, d);
		break;
	case N_CASECLAUSE:
		if (n->caseclause.is_default)
			fputs(" default", out);
		list(n->caseclause.list, out, d);
		list(n->caseclause.body, out, d);
		break;
	case N_SWITCH:
	case N_TYPESWITCH:
		if (n->switchstmt.label)
			fprintf(out, " label=%s", n->switchstmt.label->ident.name);
		child(n->switchstmt.init, out, d);
		child(n->switchstmt.tag, out, d);
		list(n->switchstmt.clauses, out, d);
		break;
	case N_COMMCLAUSE:
		if (n->commclause.is_default)
			fputs(" default", out);
		child(n->commclause.comm, out, d);
		list(n->commclause.body, out, d);
		break;
	case N_SELECT:
		if (n->selectstmt.label)
			fprintf(out, " label=%s", n->selectstmt.label->ident.name);
		list(n->selectstmt.clauses, out, d);
		break;
	case N_FOR:
		if (n->forstmt.label)
			fprintf(out, " label=%s", n->forstmt.label->ident.name);
		child(n->forstmt.init, out, d);
		child(n->forstmt.cond, out, d);
		child(n->forstmt.post, out, d);
		child(n->forstmt.body, out, d);
		break;
	case N_RANGE:
		fprintf(out, " op=%s", op_string(n->rangestmt.op));
		if (n->rangestmt.label)
			fprintf(out, " label=%s", n->rangestmt.label->ident.name);
		child(n->rangestmt.key, out, d);
		child(n->rangestmt.value, out, d);
		child(n->rangestmt.x, out, d);
		child(n->rangestmt.body, out, d);
		break;
	case N_IMPORTSPEC:
		child(n->importspec.name, out, d);
		child(n->importspec.path, out, d);
		break;
	case N_VALUESPEC:
		fprintf(out, " iota=%d", n->valuespec.iota);
		if (n->valuespec.group_prev)
			fprintf(out, " prev=@%d:%d", n->valuespec.group_prev->pos.line,
			        n->valuespec.group_prev->pos.col);
		list(n->valuespec.names, out, d);
		child(n->valuespec.type, out, d);
		list(n->valuespec.values, out, d);
		break;
	case N_TYPESPEC:
		if (n->typespec.alias)
			fputs(" alias", out);
		child(n->typespec.name, out, d);
		if (n->typespec.tparams.n)
			list(n->typespec.tparams, out, d);
		child(n->typespec.type, out, d);
		break;
	case N_GENDECL:
		fprintf(out, " %s", declname[n->gendecl.kind]);
		list(n->gendecl.specs, out, d);
		break;
	case N_FUNCDECL:
		if (n->funcdecl.pragma)
			fprintf(out, " pragma=%#x", n->funcdecl.pragma);
		if (n->funcdecl.linkname)
			fprintf(out, " linkname=%s", n->funcdecl.linkname);
		child(n->funcdecl.recv, out, d);
		child(n->funcdecl.name, out, d);
		child(n->funcdecl.type, out, d);
		child(n->funcdecl.body, out, d);
		break;
	case N_FILE:
		if (n->file.gobuild)
			fprintf(out, " gobuild=\"%s\"", n->file.gobuild);
		for (int i = 0; i < n->file.nplusbuild; i++)
			fprintf(out, " plusbuild=\"%s\"", n->file.plusbuild_lines[i]);
		child(n->file.pkgname, out, d);
		list(n->file.decls, out, d);
		break;
	default:
		break;
	}
	fputc(')', out);
}

void ast_dump(Node *n, FILE *out)
{
	if (n)
		dump(n, out, 0);
	else
		fputc('-', out);
	fputc('\n', out);
}
