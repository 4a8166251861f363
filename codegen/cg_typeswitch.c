/*
 * cg_typeswitch.c: lowers type switches
 *
 *   switch [v :=] x.(type) { case T1, T2: ... case nil: ... default: ... }
 *
 * x is evaluated once and its dynamic type descriptor read once; the cases
 * are tested in source order (descriptor pointer compares for concrete
 * types, runtime.getitab(canfail) for interfaces, nil for `case nil`). A
 * clause with a single type binds v to x as that type, other clauses bind v
 * to x itself (the checker gives each clause its own variable).
 */
#include "cg.h"

void cg_typeswitch(CG *cg, Node *n)
{
	if (n->switchstmt.init) cg_stmt(cg, n->switchstmt.init);
	Node *g = n->switchstmt.tag;
	Node *ta = ast_unparen(g->kind == N_ASSIGN ? g->assign.rhs.v[0] : g->exprstmt.x);
	Node *x = ta->typeassert.x;
	Type *xt = x->tv.type;
	Val xv = cg_expr(cg, x);
	xv.t = xt;
	LLVMValueRef typ = cg_iface_dyntype(cg, xv, xt);
	int nc = n->switchstmt.clauses.n;
	LLVMBasicBlockRef done = cg_block(cg, "ts.done");
	LLVMBasicBlockRef *bodies = arena_alloc(cg->fnarena, sizeof(LLVMBasicBlockRef) * (nc + 1));
	for (int i = 0; i < nc; i++) bodies[i] = cg_block(cg, "ts.case");
	int def = -1;
	for (int i = 0; i < nc; i++) {
		Node *cl = n->switchstmt.clauses.v[i];
		if (cl->caseclause.is_default) {
			def = i;
			continue;
		}
		for (int k = 0; k < cl->caseclause.list.n; k++) {
			Node *e = ast_unparen(cl->caseclause.list.v[k]);
			bool isnil = e->kind == N_IDENT && e->tv.mode != MODE_TYPE;
			LLVMValueRef c = cg_iface_is(cg, typ, isnil ? NULL : e->tv.type, e->pos);
			LLVMBasicBlockRef next = cg_block(cg, "ts.next");
			LLVMBuildCondBr(cg->b, c, bodies[i], next);
			cg_position(cg, next);
		}
	}
	LLVMBuildBr(cg->b, def >= 0 ? bodies[def] : done);
	cg_push_target(cg, n, done, NULL);
	for (int i = 0; i < nc; i++) {
		Node *cl = n->switchstmt.clauses.v[i];
		cg_position(cg, bodies[i]);
		Obj *v = cl->caseclause.tsvar;
		if (v && v->name != intern_cstr("_")) {
			Val cv = xv;
			if (!type_identical(v->type, xt)) cv = cg_iface_as(cg, xv, typ, v->type, cl->pos);
			cv.t = v->type;
			cg_declare_local(cg, v, &cv);
		}
		cg_stmt_list(cg, &cl->caseclause.body);
		if (!cg_terminated(cg)) LLVMBuildBr(cg->b, done);
	}
	cg->fn->ntargets--;
	cg_position(cg, done);
}
