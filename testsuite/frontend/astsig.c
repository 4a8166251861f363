/*
 * astsig.c: the parser's side of the AST signature comparison with go/ast
 * (astsig/main.go): one record per node, keyed by position, sorted.
 */
#define _DEFAULT_SOURCE     /* strdup */
#include <stdlib.h>
#include <string.h>

#include "../../frontend/frontend.h"

static char **recs;
static int nrecs, caprecs;

static void emit(Pos pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emit(Pos pos, const char *fmt, ...)
{
	char buf[1 << 16];
	int n = 0;
	if (pos.line || pos.col)
		n = snprintf(buf, sizeof buf, "%d:%d ", pos.line, pos.col);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof buf - n, fmt, ap);
	va_end(ap);
	char esc[1 << 17];
	int j = 0;
	for (int i = 0; buf[i] && j < (int)sizeof esc - 3; i++) {
		if (buf[i] == '\n') {
			esc[j++] = '\\';
			esc[j++] = 'n';
		} else {
			esc[j++] = buf[i];
		}
	}
	esc[j < 200 ? j : 200] = '\0';
	if (nrecs == caprecs) {
		caprecs = caprecs ? 2 * caprecs : 1024;
		recs = realloc(recs, caprecs * sizeof *recs);
	}
	recs[nrecs++] = strdup(esc);
}

static void walk(Node *n);

/* The leftmost position of an expression (gc's StartPos stops at slices
 * and key:value pairs; go/ast's does not). */
static Pos leftmost(Node *n)
{
	for (;;) {
		switch (n->kind) {
		case N_SLICE:
			n = n->slice.x;
			break;
		case N_KEYVALUE:
			n = n->binary.x;
			break;
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
		case N_FIELD:
			if (n->field.names.n)
				return n->field.names.v[0]->pos;
			n = n->field.type;
			break;
		default:
			return n->pos;
		}
	}
}

static void walklist(NodeList l)
{
	for (int i = 0; i < l.n; i++)
		walk(l.v[i]);
}

static const char *assign_tok(Op op)
{
	static char buf[8];
	if (op == OP_DEFINE || op == OP_ASSIGN)
		return op_string(op);
	snprintf(buf, sizeof buf, "%s=", op_string(op));
	return buf;
}

static void walk(Node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case N_IDENT:
		emit(n->pos, "I %s", n->ident.name);
		break;
	case N_BASICLIT:
		emit(n->pos, "L %.*s", n->lit.len, n->lit.raw);
		break;
	case N_COMPOSITELIT:
		emit(n->pos, "CL %d", n->complit.elts.n);
		walk(n->complit.type);
		walklist(n->complit.elts);
		break;
	case N_FUNCLIT:
		emit(n->pos, "FL");
		walk(n->funclit.type);
		walk(n->funclit.body);
		break;
	case N_PAREN:
		emit(n->pos, "P");
		walk(n->unary.x);
		break;
	case N_SELECTOR:
		emit(leftmost(n->selector.x), "SEL");
		walk(n->selector.x);
		walk(n->selector.sel);
		break;
	case N_INDEX:
		emit(n->pos, "X %d", n->index.index.n);
		walk(n->index.x);
		walklist(n->index.index);
		break;
	case N_SLICE:
		emit(n->pos, "SL %s", n->slice.slice3 ? "true" : "false");
		walk(n->slice.x);
		walk(n->slice.lo);
		walk(n->slice.hi);
		walk(n->slice.max);
		break;
	case N_TYPEASSERT:
		emit(leftmost(n->typeassert.x), "TA %s", n->typeassert.type ? "false" : "true");
		walk(n->typeassert.x);
		walk(n->typeassert.type);
		break;
	case N_CALL:
		emit(n->pos, "C %d %s", n->call.args.n, n->call.dots ? "true" : "false");
		walk(n->call.fun);
		walklist(n->call.args);
		break;
	case N_STAR:
		emit(n->pos, "*");
		walk(n->unary.x);
		break;
	case N_UNARY:
		emit(n->pos, "U %s", op_string(n->unary.op));
		walk(n->unary.x);
		break;
	case N_BINARY: {
		Pos x = leftmost(n->binary.x);
		emit(n->pos, "B %s x=%d:%d", op_string(n->binary.op), x.line, x.col);
		walk(n->binary.x);
		walk(n->binary.y);
		break;
	}
	case N_KEYVALUE:
		emit(n->pos, "KV");
		walk(n->binary.x);
		walk(n->binary.y);
		break;
	case N_ARRAYTYPE:
		emit(n->pos, "AT %s", n->arraytype.len ? "true" : "false");
		walk(n->arraytype.len);
		walk(n->arraytype.elem);
		break;
	case N_STRUCTTYPE:
		emit(n->pos, "ST");
		walklist(n->structtype.fields);
		break;
	case N_FUNCTYPE:
		emit((Pos){0}, "FT");
		walklist(n->functype.tparams);
		walklist(n->functype.params);
		walklist(n->functype.results);
		break;
	case N_INTERFACETYPE:
		emit(n->pos, "IT");
		walklist(n->ifacetype.elems);
		break;
	case N_MAPTYPE:
		emit(n->pos, "MT");
		walk(n->maptype.key);
		walk(n->maptype.value);
		break;
	case N_CHANTYPE:
		/* go/ast ChanDir: SEND=1, RECV=2, both=3 */
		emit(n->pos, "CT %d", n->chantype.dir == CHAN_SEND ? 1 : n->chantype.dir == CHAN_RECV ? 2 : 3);
		walk(n->chantype.elem);
		break;
	case N_ELLIPSIS:
		emit(n->pos, "E");
		walk(n->ellipsis.elem);
		break;
	case N_FIELD:
		emit(leftmost(n), "F %d", n->field.names.n);
		walklist(n->field.names);
		walk(n->field.type);
		walk(n->field.tag);
		break;
	case N_DECLSTMT:
		emit(n->pos, "DS");
		walk(n->declstmt.decl);
		break;
	case N_LABELED:
		emit(n->pos, "LB");
		walk(n->labeled.label);
		walk(n->labeled.stmt);
		break;
	case N_EXPRSTMT:
		emit(leftmost(n->exprstmt.x), "ES");
		walk(n->exprstmt.x);
		break;
	case N_SENDSTMT:
		emit(n->pos, "SD");
		walk(n->send.ch);
		walk(n->send.value);
		break;
	case N_INCDEC:
		emit(n->pos, "ID %s", n->incdec.inc ? "++" : "--");
		walk(n->incdec.x);
		break;
	case N_ASSIGN:
		emit(n->pos, "A %s %d %d", assign_tok(n->assign.op), n->assign.lhs.n, n->assign.rhs.n);
		walklist(n->assign.lhs);
		walklist(n->assign.rhs);
		break;
	case N_GOSTMT:
	case N_DEFERSTMT:
		emit(n->pos, n->kind == N_GOSTMT ? "GO" : "DF");
		walk(n->gostmt.call);
		break;
	case N_RETURN:
		emit(n->pos, "RET %d", n->ret.results.n);
		walklist(n->ret.results);
		break;
	case N_BRANCH: {
		static const char *bk[] = {"break", "continue", "goto", "fallthrough"};
		emit(n->pos, "BR %s", bk[n->branch.kind]);
		walk(n->branch.label);
		break;
	}
	case N_BLOCK:
		emit(n->pos, "BL");
		walklist(n->block.stmts);
		break;
	case N_IF:
		emit(n->pos, "IF");
		walk(n->ifstmt.init);
		walk(n->ifstmt.cond);
		walk(n->ifstmt.then);
		walk(n->ifstmt.els);
		break;
	case N_CASECLAUSE:
		emit(n->pos, "CC %d", n->caseclause.list.n);
		walklist(n->caseclause.list);
		walklist(n->caseclause.body);
		break;
	case N_SWITCH:
	case N_TYPESWITCH:
		emit(n->pos, n->kind == N_SWITCH ? "SW" : "TS");
		walk(n->switchstmt.init);
		walk(n->switchstmt.tag);
		walklist(n->switchstmt.clauses);
		break;
	case N_COMMCLAUSE:
		emit(n->pos, "CM");
		walk(n->commclause.comm);
		walklist(n->commclause.body);
		break;
	case N_SELECT:
		emit(n->pos, "SE");
		walklist(n->selectstmt.clauses);
		break;
	case N_FOR:
		emit(n->pos, "FOR");
		walk(n->forstmt.init);
		walk(n->forstmt.cond);
		walk(n->forstmt.post);
		walk(n->forstmt.body);
		break;
	case N_RANGE:
		emit(n->pos, "RG %s", n->rangestmt.op == OP_NONE ? "ILLEGAL" : op_string(n->rangestmt.op));
		walk(n->rangestmt.key);
		walk(n->rangestmt.value);
		walk(n->rangestmt.x);
		walk(n->rangestmt.body);
		break;
	case N_IMPORTSPEC:
		emit(n->pos, "IS");
		walk(n->importspec.name);
		walk(n->importspec.path);
		break;
	case N_VALUESPEC:
		emit(n->pos, "VS %d %d", n->valuespec.names.n, n->valuespec.values.n);
		walklist(n->valuespec.names);
		walk(n->valuespec.type);
		walklist(n->valuespec.values);
		break;
	case N_TYPESPEC:
		emit(n->pos, "TY %s", n->typespec.alias ? "true" : "false");
		walk(n->typespec.name);
		walklist(n->typespec.tparams);
		walk(n->typespec.type);
		break;
	case N_GENDECL: {
		static const char *dk[] = {"import", "const", "type", "var"};
		emit(n->pos, "GD %s %d", dk[n->gendecl.kind], n->gendecl.specs.n);
		walklist(n->gendecl.specs);
		break;
	}
	case N_FUNCDECL:
		emit(n->pos, "FD");
		walk(n->funcdecl.recv);
		walk(n->funcdecl.name);
		walk(n->funcdecl.type);
		walk(n->funcdecl.body);
		break;
	case N_FILE:
		emit(n->pos, "FILE");
		walk(n->file.pkgname);
		walklist(n->file.decls);
		break;
	default:
		break;
	}
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void astsig_print(Node *file, const char *path, FILE *out)
{
	nrecs = 0;
	walk(file);
	qsort(recs, nrecs, sizeof *recs, cmp);
	fprintf(out, "== %s\n", path);
	for (int i = 0; i < nrecs; i++) {
		fprintf(out, "%s\n", recs[i]);
		free(recs[i]);
	}
}
