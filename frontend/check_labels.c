/*
 * check_labels.c: labels and gotos of one function body, checked the way
 * gc's syntax package checks branches: labels defined and not used, gotos
 * jumping into a block, and forward gotos jumping over a variable
 * declaration of the label's block.
 *
 * One walk over the statements records, per statement list ("block"), its
 * start position, its parent and the index of the statement in the parent
 * that contains it; the labels, gotos and variable declarations with the
 * index of their statement. Then each goto is resolved:
 *  - the label's block must enclose the goto (else "jumps into block");
 *  - for a forward goto, the last variable declaration before the label in
 *    the label's block must not come after the goto's statement there.
 * Undefined labels and duplicates are reported by check_stmt.c.
 */
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct LBlock LBlock;
struct LBlock {
	LBlock *parent;
	int index;              /* statement of parent containing this block */
	Pos start;
};

typedef struct LItem {
	LBlock *block;
	int index;              /* statement of block */
	Node *node;             /* N_LABELED, goto N_BRANCH, or the declaring statement */
	Pos pos;                /* variable declarations: gc's position */
	const char *name;       /* variable declarations: the declared names */
} LItem;

typedef struct LWalk {
	LItem *labels, *gotos, *vars;
	int nlabels, ngotos, nvars;
	LBlock **blocks;
	int nblocks;
} LWalk;

static void add(LItem **v, int *n, LItem it)
{
	if ((*n & (*n - 1)) == 0) *v = realloc(*v, sizeof(LItem) * (*n ? *n * 2 : 1));
	(*v)[(*n)++] = it;
}

static LBlock *new_block(LWalk *w, LBlock *parent, int index, Pos start)
{
	LBlock *b = calloc(1, sizeof *b);
	b->parent = parent, b->index = index, b->start = start;
	if ((w->nblocks & (w->nblocks - 1)) == 0)
		w->blocks = realloc(w->blocks, sizeof(LBlock *) * (w->nblocks ? w->nblocks * 2 : 1));
	w->blocks[w->nblocks++] = b;
	return b;
}

/* "x" for var x, "a, b" for a, b := ... */
static const char *names_string(NodeList *l)
{
	char buf[512] = "";
	for (int i = 0; i < l->n; i++) {
		if (i) strncat(buf, ", ", sizeof buf - strlen(buf) - 1);
		strncat(buf, ast_string(l->v[i]), sizeof buf - strlen(buf) - 1);
	}
	return arena_strndup(&perm, buf, strlen(buf));
}

static void walk_list(LWalk *w, LBlock *parent, int pindex, Pos start, NodeList *l);

static void walk_one(LWalk *w, LBlock *parent, int pindex, Pos start, Node *s)
{
	NodeList one = {.v = &s, .n = 1};
	walk_list(w, parent, pindex, start, &one);
}

static void walk_list(LWalk *w, LBlock *parent, int pindex, Pos start, NodeList *l)
{
	LBlock *b = new_block(w, parent, pindex, start);
	for (int i = 0; i < l->n; i++) {
		Node *s = l->v[i];
		while (s->kind == N_LABELED) {
			if (s->labeled.label->ident.name != intern_cstr("_"))
				add(&w->labels, &w->nlabels, (LItem){.block = b, .index = i, .node = s});
			s = s->labeled.stmt;
		}
		switch (s->kind) {
		case N_DECLSTMT: {
			Node *d = s->declstmt.decl;
			if (d->gendecl.kind == DECL_VAR && d->gendecl.specs.n > 0) {
				Node *spec = d->gendecl.specs.v[0];
				Node *name = spec->valuespec.names.v[0];
				add(&w->vars, &w->nvars, (LItem){.block = b, .index = i, .node = s, .pos = name->pos,
				                                 .name = name->ident.name});
			}
			break;
		}
		case N_ASSIGN:
			if (s->assign.op == OP_DEFINE)
				add(&w->vars, &w->nvars, (LItem){.block = b, .index = i, .node = s, .pos = s->pos,
				                                 .name = names_string(&s->assign.lhs)});
			break;
		case N_BRANCH:
			if (s->branch.kind == BR_GOTO && s->branch.label) add(&w->gotos, &w->ngotos, (LItem){.block = b, .index = i, .node = s});
			break;
		case N_BLOCK: walk_list(w, b, i, s->pos, &s->block.stmts); break;
		case N_IF:
			walk_list(w, b, i, s->ifstmt.then->pos, &s->ifstmt.then->block.stmts);
			if (s->ifstmt.els) walk_one(w, b, i, s->ifstmt.els->pos, s->ifstmt.els);
			break;
		case N_FOR: walk_list(w, b, i, s->forstmt.body->pos, &s->forstmt.body->block.stmts); break;
		case N_RANGE: walk_list(w, b, i, s->rangestmt.body->pos, &s->rangestmt.body->block.stmts); break;
		case N_SWITCH:
		case N_TYPESWITCH:
			for (int k = 0; k < s->switchstmt.clauses.n; k++) {
				Node *cl = s->switchstmt.clauses.v[k];
				walk_list(w, b, i, cl->pos, &cl->caseclause.body);
			}
			break;
		case N_SELECT:
			for (int k = 0; k < s->selectstmt.clauses.n; k++) {
				Node *cl = s->selectstmt.clauses.v[k];
				walk_list(w, b, i, cl->pos, &cl->commclause.body);
			}
			break;
		default: break;
		}
	}
}

static LItem *find_label(LWalk *w, const char *name)
{
	for (int i = 0; i < w->nlabels; i++)
		if (w->labels[i].node->labeled.label->ident.name == name) return &w->labels[i];
	return NULL;
}

static void check_goto(Checker *c, LWalk *w, LItem *g)
{
	const char *name = g->node->branch.label->ident.name;
	LItem *l = find_label(w, name);
	if (!l) return; /* "label not defined": check_stmt.c */
	/* the goto's statement in the label's block */
	LBlock *b = g->block;
	int gi = g->index;
	while (b && b != l->block) {
		gi = b->index;
		b = b->parent;
	}
	if (!b) {
		check_errorf(c, g->node->branch.label->pos, "goto %s jumps into block starting at %s", name,
		             diag_posstr(l->block->start));
		return;
	}
	if (l->index <= gi) return; /* backward */
	LItem *last = NULL;
	for (int i = 0; i < w->nvars; i++)
		if (w->vars[i].block == l->block && w->vars[i].index < l->index) last = &w->vars[i];
	if (last && last->index > gi)
		check_errorf(c, g->node->branch.label->pos, "goto %s jumps over declaration of %s at %s", name, last->name,
		             diag_posstr(last->pos));
}

void check_labels(Checker *c, Node *body)
{
	LWalk w = {0};
	walk_list(&w, NULL, 0, body->pos, &body->block.stmts);
	for (int i = 0; i < w.ngotos; i++) check_goto(c, &w, &w.gotos[i]);
	for (int i = 0; i < w.nlabels; i++) {
		Node *lab = w.labels[i].node->labeled.label;
		Obj *o = lab->ident.obj;
		if (o && !o->used) check_errorf(c, lab->pos, "label %s defined and not used", lab->ident.name);
	}
	for (int i = 0; i < w.nblocks; i++) free(w.blocks[i]);
	free(w.blocks);
	free(w.labels);
	free(w.gotos);
	free(w.vars);
}
