/*
 * cg_stmt.c: lowers statements: assignments and declarations, control flow
 * (if/for/switch, break/continue/goto, labels), returns, and package-level
 * variables with their initialization.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

void cg_declare_local(CG *cg, Obj *o, Val *v);

/* ------------------------------------------------------------ globals */

/* a package-level variable: Go memory layout, zero-initialized */
LLVMValueRef cg_global(CG *cg, Obj *o)
{
	if (o->cg) return o->cg;
	char name[512];
	snprintf(name, sizeof name, "%s.%s", o->pkg ? o->pkg->path : cg->pkg->path, o->name);
	LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
	if (!g) {
		int64_t size = type_size(o->type);
		LLVMTypeRef t = LLVMArrayType2(cg->i8, size ? size : 1);
		g = LLVMAddGlobal(cg->mod, t, name);
		if (!o->pkg || o->pkg == cg->pkg) LLVMSetInitializer(g, LLVMConstNull(t));
		LLVMSetAlignment(g, type_align(o->type) < 8 ? 8 : type_align(o->type));
	}
	o->cg = g;
	return g;
}

/* package var initialization, in the checker's dependency order */
void cg_global_init(CG *cg, Node *spec)
{
	NodeList *names = &spec->valuespec.names, *vals = &spec->valuespec.values;
	if (vals->n == 0) return;
	cg_set_pos(cg, spec->pos);
	if (vals->n == names->n) {
		for (int i = 0; i < names->n; i++) {
			Obj *o = names->v[i]->ident.obj;
			Val v = cg_expr_to(cg, vals->v[i], o->type);
			if (o->name == intern_cstr("_")) continue;
			cg_store(cg, cg_global(cg, o), v);
		}
		return;
	}
	if (vals->v[0]->tv.mode == MODE_COMMAOK && names->n == 2) {
		Val pair[2];
		pair[0] = cg_commaok(cg, vals->v[0], &pair[1]);
		for (int i = 0; i < 2; i++) {
			Obj *o = names->v[i]->ident.obj;
			if (o->name != intern_cstr("_")) cg_store(cg, cg_global(cg, o), cg_convert(cg, pair[i], o->type));
		}
		return;
	}
	Type *tt = vals->v[0]->tv.type;
	if (!tt || tt->kind != TY_TUPLE) cg_unsupported(cg, spec, "comma-ok initialization");
	Val t = cg_expr(cg, vals->v[0]);
	int k = 0;
	for (int i = 0; i < names->n; i++) {
		Obj *o = names->v[i]->ident.obj;
		int n = cg_nscalars(cg, tt->fields[i].type);
		Val e = cg_extract(cg, t, k, n, tt->fields[i].type);
		k += n;
		if (o->name != intern_cstr("_")) cg_store(cg, cg_global(cg, o), cg_convert(cg, e, o->type));
	}
}

/* ------------------------------------------------------------ assignments */

static void assign(CG *cg, Node *n)
{
	NodeList *lhs = &n->assign.lhs, *rhs = &n->assign.rhs;
	Op op = n->assign.op;
	if (op != OP_ASSIGN && op != OP_DEFINE) {
		LVal lv = cg_lval(cg, lhs->v[0]);
		Val x = cg_lval_load(cg, &lv);
		Node *y = rhs->v[0];
		Val r;
		if (op == OP_SHL || op == OP_SHR) {
			Type *st = y->tv.type;
			if (type_is_untyped(st)) st = types_basic[TY_UINT];
			Val s = cg_expr_to(cg, y, st);
			r = cg_shift(cg, op, x, s, lv.t, st, n->pos);
		} else {
			Val yv = cg_expr_to(cg, y, lv.t);
			r = cg_binary(cg, op, x, yv, lv.t, n->pos);
		}
		cg_lval_store(cg, &lv, r);
		return;
	}
	int nl = lhs->n;
	/* the spec's two phases: first the operands of index expressions and
	 * pointer indirections on the left, then the right-hand sides, in the
	 * usual order; then the assignments (x, y = y, x) */
	LVal *lvs = NULL;
	if (op != OP_DEFINE) {
		lvs = arena_alloc(cg->fnarena, sizeof(LVal) * (nl + 1));
		for (int i = 0; i < nl; i++) lvs[i] = cg_lval(cg, lhs->v[i]);
	}
	Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (nl + 1));
	Type **lt = arena_alloc(cg->fnarena, sizeof(Type *) * (nl + 1));
	for (int i = 0; i < nl; i++) {
		Node *l = lhs->v[i];
		lt[i] = l->tv.type;
		if (!lt[i] && l->kind == N_IDENT && l->ident.obj) lt[i] = l->ident.obj->type;
	}
	if (rhs->n == nl) {
		for (int i = 0; i < nl; i++) {
			Type *t = lt[i] ? lt[i] : rhs->v[i]->tv.type;
			if (type_is_untyped(t)) t = type_default(t);
			vals[i] = cg_expr_to(cg, rhs->v[i], t);
		}
	} else {
		Node *r = rhs->v[0];
		Type *tt = r->tv.type;
		if (r->tv.mode == MODE_COMMAOK && nl == 2) {
			vals[0] = cg_commaok(cg, r, &vals[1]);
			for (int i = 0; i < 2; i++)
				if (lt[i]) vals[i] = cg_convert(cg, vals[i], lt[i]);
			goto store;
		}
		if (!tt || tt->kind != TY_TUPLE) cg_unsupported(cg, n, "comma-ok assignment");
		Val t = cg_expr(cg, r);
		int k = 0;
		for (int i = 0; i < nl; i++) {
			int m = cg_nscalars(cg, tt->fields[i].type);
			vals[i] = cg_extract(cg, t, k, m, tt->fields[i].type);
			if (lt[i]) vals[i] = cg_convert(cg, vals[i], lt[i]);
			k += m;
		}
	}
store:
	if (op == OP_DEFINE) {
		for (int i = 0; i < nl; i++) {
			Node *l = lhs->v[i];
			Obj *o = l->ident.obj;
			if (!o || l->ident.name == intern_cstr("_")) continue;
			if (!o->cg && !o->global) {
				cg_declare_local(cg, o, &vals[i]);
			} else {
				LVal lv = cg_lval(cg, l);
				cg_lval_store(cg, &lv, vals[i]);
			}
		}
		return;
	}
	for (int i = 0; i < nl; i++) cg_lval_store(cg, &lvs[i], vals[i]);
}

static void local_decl(CG *cg, Node *d)
{
	if (d->gendecl.kind != DECL_VAR) return; /* consts and types need no code */
	for (int i = 0; i < d->gendecl.specs.n; i++) {
		Node *s = d->gendecl.specs.v[i];
		NodeList *names = &s->valuespec.names, *vals = &s->valuespec.values;
		if (vals->n == 0) {
			for (int k = 0; k < names->n; k++) cg_declare_local(cg, names->v[k]->ident.obj, NULL);
			continue;
		}
		Val *vs = arena_alloc(cg->fnarena, sizeof(Val) * (names->n + 1));
		if (vals->n == names->n) {
			for (int k = 0; k < names->n; k++) vs[k] = cg_expr_to(cg, vals->v[k], names->v[k]->ident.obj->type);
		} else if (vals->v[0]->tv.mode == MODE_COMMAOK && names->n == 2) {
			vs[0] = cg_commaok(cg, vals->v[0], &vs[1]);
			for (int k = 0; k < 2; k++) vs[k] = cg_convert(cg, vs[k], names->v[k]->ident.obj->type);
		} else {
			Type *tt = vals->v[0]->tv.type;
			if (!tt || tt->kind != TY_TUPLE) cg_unsupported(cg, s, "comma-ok declaration");
			Val t = cg_expr(cg, vals->v[0]);
			int off = 0;
			for (int k = 0; k < names->n; k++) {
				int m = cg_nscalars(cg, tt->fields[k].type);
				vs[k] = cg_convert(cg, cg_extract(cg, t, off, m, tt->fields[k].type), names->v[k]->ident.obj->type);
				off += m;
			}
		}
		for (int k = 0; k < names->n; k++) cg_declare_local(cg, names->v[k]->ident.obj, &vs[k]);
	}
}

/* ------------------------------------------------------------ control flow */

void cg_push_target(CG *cg, Node *stmt, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont)
{
	Fn *f = cg->fn;
	if (f->ntargets == f->captargets) {
		int nc = f->captargets ? f->captargets * 2 : 8;
		struct Target *nt = arena_alloc(cg->fnarena, sizeof(*nt) * nc);
		if (f->ntargets) memcpy(nt, f->targets, sizeof(*nt) * f->ntargets);
		f->targets = nt;
		f->captargets = nc;
	}
	f->targets[f->ntargets++] = (struct Target){stmt, brk, cont};
}

static LLVMBasicBlockRef label_block(CG *cg, Node *labeled)
{
	Fn *f = cg->fn;
	for (int i = 0; i < f->nlabels; i++)
		if (f->labels[i].stmt == labeled) return f->labels[i].bb;
	if (f->nlabels == f->caplabels) {
		int nc = f->caplabels ? f->caplabels * 2 : 8;
		struct LabelBB *nl = arena_alloc(cg->fnarena, sizeof(*nl) * nc);
		if (f->nlabels) memcpy(nl, f->labels, sizeof(*nl) * f->nlabels);
		f->labels = nl;
		f->caplabels = nc;
	}
	LLVMBasicBlockRef bb = cg_block(cg, labeled->labeled.label->ident.name);
	f->labels[f->nlabels++] = (struct LabelBB){labeled, bb};
	return bb;
}

/* after a jump: later code in this block is dead; give it a block of its own */
static void dead_block(CG *cg) { cg_position(cg, cg_block(cg, "dead")); }

static void branch(CG *cg, Node *n)
{
	Fn *f = cg->fn;
	if (n->branch.kind == BR_GOTO) {
		LLVMBuildBr(cg->b, label_block(cg, n->branch.target));
		dead_block(cg);
		return;
	}
	if (n->branch.kind == BR_FALLTHROUGH) return; /* handled by switch */
	for (int i = f->ntargets - 1; i >= 0; i--) {
		if (f->targets[i].stmt != n->branch.target) continue;
		LLVMBuildBr(cg->b, n->branch.kind == BR_BREAK ? f->targets[i].brk : f->targets[i].cont);
		dead_block(cg);
		return;
	}
	cg_fatal("branch target not found");
}

static void ret(CG *cg, Node *n)
{
	Fn *f = cg->fn;
	Type *sig = f->sig;
	NodeList *r = &n->ret.results;
	Val *vals = arena_alloc(cg->fnarena, sizeof(Val) * (sig->nresults + 1));
	if (r->n == 0) {
		for (int i = 0; i < sig->nresults; i++) {
			Obj *o = sig->results[i].obj;
			LVal lv = {.t = o->type};
			Local *l = o->cg;
			if (l->heap) lv.kind = LV_MEM, lv.addr = LLVMBuildLoad2(cg->b, cg->gptr, l->addr, "");
			else lv.kind = LV_LOCAL, lv.slots = l->slots;
			vals[i] = cg_lval_load(cg, &lv);
		}
	} else if (r->n == sig->nresults) {
		for (int i = 0; i < r->n; i++) vals[i] = cg_expr_to(cg, r->v[i], sig->results[i].type);
	} else {
		Val t = cg_expr(cg, r->v[0]);
		Type *tt = r->v[0]->tv.type;
		int k = 0;
		for (int i = 0; i < sig->nresults; i++) {
			int m = cg_nscalars(cg, tt->fields[i].type);
			vals[i] = cg_convert(cg, cg_extract(cg, t, k, m, tt->fields[i].type), sig->results[i].type);
			k += m;
		}
	}
	cg_set_pos(cg, n->pos);
	if (cg_defer_return(cg, vals)) return; /* results, then the deferred calls */
	LLVMTypeRef rt = LLVMGetReturnType(f->fnty);
	if (cg_sret(cg, sig)) {
		/* results through the caller's memory (cg_sret), stored just before returning */
		LLVMTypeRef st = cg_result_type(cg, sig);
		LLVMValueRef agg = LLVMGetUndef(st);
		int k = 0;
		for (int i = 0; i < sig->nresults; i++)
			for (int j = 0; j < vals[i].n; j++) agg = LLVMBuildInsertValue(cg->b, agg, vals[i].v[j], k++, "");
		LLVMBuildStore(cg->b, agg, LLVMGetParam(f->fn, 0));
		LLVMBuildRetVoid(cg->b);
	} else if (LLVMGetTypeKind(rt) == LLVMVoidTypeKind) {
		LLVMBuildRetVoid(cg->b);
	} else if (LLVMGetTypeKind(rt) != LLVMStructTypeKind) {
		LLVMBuildRet(cg->b, vals[0].v[0]);
	} else {
		LLVMValueRef agg = LLVMGetUndef(rt);
		int k = 0;
		for (int i = 0; i < sig->nresults; i++)
			for (int j = 0; j < vals[i].n; j++) agg = LLVMBuildInsertValue(cg->b, agg, vals[i].v[j], k++, "");
		LLVMBuildRet(cg->b, agg);
	}
	dead_block(cg);
}

static void if_stmt(CG *cg, Node *n)
{
	if (n->ifstmt.init) cg_stmt(cg, n->ifstmt.init);
	LLVMValueRef c = cg_cond(cg, n->ifstmt.cond);
	LLVMBasicBlockRef then = cg_block(cg, "if.then"), els = n->ifstmt.els ? cg_block(cg, "if.else") : NULL;
	LLVMBasicBlockRef done = cg_block(cg, "if.done");
	LLVMBuildCondBr(cg->b, c, then, els ? els : done);
	cg_position(cg, then);
	cg_stmt_list(cg, &n->ifstmt.then->block.stmts);
	if (!cg_terminated(cg)) LLVMBuildBr(cg->b, done);
	if (els) {
		cg_position(cg, els);
		cg_stmt(cg, n->ifstmt.els);
		if (!cg_terminated(cg)) LLVMBuildBr(cg->b, done);
	}
	cg_position(cg, done);
}

static void for_stmt(CG *cg, Node *n)
{
	if (n->forstmt.init) cg_stmt(cg, n->forstmt.init);
	LLVMBasicBlockRef cond = cg_block(cg, "for.cond"), body = cg_block(cg, "for.body");
	LLVMBasicBlockRef post = cg_block(cg, "for.post"), done = cg_block(cg, "for.done");
	LLVMBuildBr(cg->b, cond);
	cg_position(cg, cond);
	if (n->forstmt.cond) LLVMBuildCondBr(cg->b, cg_cond(cg, n->forstmt.cond), body, done);
	else LLVMBuildBr(cg->b, body);
	cg_position(cg, body);
	cg_push_target(cg, n, done, post);
	cg_stmt_list(cg, &n->forstmt.body->block.stmts);
	cg->fn->ntargets--;
	if (!cg_terminated(cg)) LLVMBuildBr(cg->b, post);
	cg_position(cg, post);
	if (n->forstmt.post) cg_stmt(cg, n->forstmt.post);
	LLVMBuildBr(cg->b, cond);
	cg_position(cg, done);
}

static void switch_stmt(CG *cg, Node *n)
{
	if (n->switchstmt.init) cg_stmt(cg, n->switchstmt.init);
	Val tag = {0};
	Type *tt = NULL;
	if (n->switchstmt.tag) {
		tt = n->switchstmt.tag->tv.type;
		tag = cg_expr_to(cg, n->switchstmt.tag, tt);
	}
	int nc = n->switchstmt.clauses.n;
	LLVMBasicBlockRef done = cg_block(cg, "sw.done");
	LLVMBasicBlockRef *bodies = arena_alloc(cg->fnarena, sizeof(LLVMBasicBlockRef) * (nc + 1));
	for (int i = 0; i < nc; i++) bodies[i] = cg_block(cg, "sw.case");
	int def = -1;
	for (int i = 0; i < nc; i++) {
		Node *cl = n->switchstmt.clauses.v[i];
		if (cl->caseclause.is_default) {
			def = i;
			continue;
		}
		for (int k = 0; k < cl->caseclause.list.n; k++) {
			Node *e = cl->caseclause.list.v[k];
			LLVMValueRef c;
			if (tag.n) {
				Type *ct = tt;
				Val ev = cg_expr_to(cg, e, ct);
				c = cg_compare_vals(cg, OP_EQL, tag, ev, ct, e->pos).v[0];
			} else if (type_is_interface(e->tv.type)) {      /* case i: i == true */
				Val ev = cg_expr(cg, e);
				Val t = cg_convert(cg, cg_val1(cg, LLVMConstInt(cg->i1, 1, 0), types_basic[TY_BOOL]), e->tv.type);
				c = cg_compare_vals(cg, OP_EQL, ev, t, e->tv.type, e->pos).v[0];
			} else {
				c = cg_cond(cg, e);
			}
			LLVMBasicBlockRef next = cg_block(cg, "sw.next");
			LLVMBuildCondBr(cg->b, c, bodies[i], next);
			cg_position(cg, next);
		}
	}
	LLVMBuildBr(cg->b, def >= 0 ? bodies[def] : done);
	cg_push_target(cg, n, done, NULL);
	for (int i = 0; i < nc; i++) {
		Node *cl = n->switchstmt.clauses.v[i];
		cg_position(cg, bodies[i]);
		cg_stmt_list(cg, &cl->caseclause.body);
		NodeList *b = &cl->caseclause.body;
		bool ft = b->n && b->v[b->n - 1]->kind == N_BRANCH && b->v[b->n - 1]->branch.kind == BR_FALLTHROUGH;
		if (!cg_terminated(cg)) LLVMBuildBr(cg->b, ft && i + 1 < nc ? bodies[i + 1] : done);
	}
	cg->fn->ntargets--;
	cg_position(cg, done);
}

/* ------------------------------------------------------------ dispatch */

void cg_stmt(CG *cg, Node *n)
{
	cg_set_pos(cg, n->pos);
	switch (n->kind) {
	case N_EMPTYSTMT:
		return;
	case N_EXPRSTMT:
		cg_expr(cg, n->exprstmt.x);
		return;
	case N_ASSIGN:
		assign(cg, n);
		return;
	case N_INCDEC: {
		LVal lv = cg_lval(cg, n->incdec.x);
		Val x = cg_lval_load(cg, &lv);
		Val one = cg_const(cg, const_make_int64(1), lv.t);
		if (type_is_float(lv.t)) one = cg_convert(cg, cg_const(cg, const_make_int64(1), types_basic[TY_INT]), lv.t);
		cg_lval_store(cg, &lv, cg_binary(cg, n->incdec.inc ? OP_ADD : OP_SUB, x, one, lv.t, n->pos));
		return;
	}
	case N_DECLSTMT:
		local_decl(cg, n->declstmt.decl);
		return;
	case N_BLOCK:
		cg_stmt_list(cg, &n->block.stmts);
		return;
	case N_IF:
		if_stmt(cg, n);
		return;
	case N_FOR:
		for_stmt(cg, n);
		return;
	case N_SWITCH:
		switch_stmt(cg, n);
		return;
	case N_RETURN:
		ret(cg, n);
		return;
	case N_BRANCH:
		branch(cg, n);
		return;
	case N_LABELED: {
		LLVMBasicBlockRef bb = label_block(cg, n);
		if (!cg_terminated(cg)) LLVMBuildBr(cg->b, bb);
		cg_position(cg, bb);
		cg_stmt(cg, n->labeled.stmt);
		return;
	}
	case N_GOSTMT:
		cg_go_stmt(cg, n);
		return;
	case N_DEFERSTMT:
		cg_defer_stmt(cg, n);
		return;
	case N_RANGE:
		cg_range(cg, n);
		return;
	case N_TYPESWITCH:
		cg_typeswitch(cg, n);
		return;
	case N_SELECT:
		cg_select(cg, n);
		return;
	case N_SENDSTMT:
		cg_send_stmt(cg, n);
		return;
	default:
		cg_unsupported(cg, n, "this statement");
	}
}

void cg_stmt_list(CG *cg, NodeList *l)
{
	for (int i = 0; i < l->n; i++) cg_stmt(cg, l->v[i]);
}
