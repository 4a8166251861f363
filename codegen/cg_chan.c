/*
 * cg_chan.c: lowers channels and select to the runtime (libruntime/chan.c):
 * make(chan T, n), ch <- v, <-ch, v, ok := <-ch, close, len/cap, range over
 * a channel, and select statements.
 *
 * A channel is a pointer to the runtime's Hchan (nil is NULL). Elements
 * travel through memory: the address of the value to send, or of the slot
 * a receive fills, is passed to the runtime, which may hand it to another
 * goroutine while this one is parked. Like map keys (cg_map.c), the slot is
 * an entry-block alloca for pointer-free element types and a fresh heap
 * cell otherwise, so that no GC pointer sits in a frame outside the stack
 * maps while the goroutine waits. The runtime gets the cell as a plain ptr,
 * so the cell is kept live past the call (and past the load of a received
 * value) with cg_keepalive: it is a root of the parked goroutine's frame.
 *
 * select: every channel operand and send value is evaluated once, in
 * source order; the cases go to runtime.selectgo as an array of {chan,
 * elem} (sends first, then receives, each in source order) and it returns
 * the chosen case (-1: default) and, for a receive, whether a value came.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

static LLVMValueRef i64c(CG *cg, int64_t x) { return LLVMConstInt(cg->i64, (unsigned long long)x, 0); }

/* a slot for one element of type et (plain ptr, valid during the call);
 * *cell: the heap cell to keep alive, or NULL (cg_scratch) */
static LLVMValueRef elem_slot(CG *cg, Type *et, LLVMValueRef *cell) { return cg_scratch(cg, et, "chanelem", cell); }

static Type *elem_type(Type *ct) { return type_under(ct)->elem; }

Val cg_makechan(CG *cg, Node *n)
{
	NodeList *args = &n->call.args;
	LLVMValueRef size = args->n > 1 ? cg_int_arg(cg, args->v[1]).v[0] : i64c(cg, 0);
	cg_set_pos(cg, n->pos);
	LLVMValueRef a[2] = {cg_typedesc(cg, n->tv.type), size};
	return cg_val1(cg, cg_rt_call(cg, "runtime.makechan", cg->gptr, a, 2, false), n->tv.type);
}

void cg_chansend(CG *cg, Val ch, Val v, Type *ct, Pos pos)
{
	Type *et = elem_type(ct);
	LLVMValueRef cell, slot = elem_slot(cg, et, &cell);
	v.t = et;
	cg_store(cg, slot, v);
	cg_set_pos(cg, pos);
	LLVMValueRef a[2] = {ch.v[0], slot};
	cg_rt_call(cg, "runtime.chansend1", cg->vd, a, 2, false);
	cg_keepalive(cg, cell);
}

/* <-ch; ok (if wanted) tells whether a value was sent */
Val cg_chanrecv(CG *cg, Val ch, Type *ct, Pos pos, Val *ok)
{
	Type *et = elem_type(ct);
	LLVMValueRef cell, slot = elem_slot(cg, et, &cell);
	cg_set_pos(cg, pos);
	LLVMValueRef a[2] = {ch.v[0], slot};
	if (ok) {
		LLVMValueRef r = cg_rt_call(cg, "runtime.chanrecv2", cg->i8, a, 2, false);
		*ok = cg_val1(cg, LLVMBuildTrunc(cg->b, r, cg->i1, ""), types_basic[TY_BOOL]);
	} else {
		cg_rt_call(cg, "runtime.chanrecv1", cg->vd, a, 2, false);
	}
	Val v = cg_load(cg, slot, et);  /* an in-memory et: a copy, which may collect */
	cg_keepalive(cg, cell);
	return v;
}

void cg_send_stmt(CG *cg, Node *n)
{
	Type *ct = n->send.ch->tv.type;
	Val ch = cg_expr(cg, n->send.ch);
	Val v = cg_expr_to(cg, n->send.value, elem_type(ct));
	cg_chansend(cg, ch, v, ct, n->pos);
}

Val cg_close(CG *cg, Val ch, Pos pos)
{
	cg_set_pos(cg, pos);
	cg_rt_call(cg, "runtime.closechan", cg->vd, ch.v, 1, false);
	return cg_mkval(cg, 0, NULL);
}

LLVMValueRef cg_chanlencap(CG *cg, Val ch, bool iscap)
{
	return cg_rt_call(cg, iscap ? "runtime.chancap" : "runtime.chanlen", cg->i64, ch.v, 1, true);
}

/* ------------------------------------------------------------ select */

/* the receive a select case performs: <-ch in `case <-ch`, `case v = <-ch`,
 * `case v, ok := <-ch` */
static Node *recv_expr(Node *comm)
{
	Node *e = NULL;
	if (comm->kind == N_EXPRSTMT) e = comm->exprstmt.x;
	else if (comm->kind == N_ASSIGN) e = comm->assign.rhs.v[0];
	e = e ? ast_unparen(e) : NULL;
	return e && e->kind == N_UNARY && e->unary.op == OP_ARROW ? e : NULL;
}

/* store a received value (and ok) into the case's variables */
static void recv_assign(CG *cg, Node *comm, Val v, Val ok)
{
	if (comm->kind != N_ASSIGN) return;
	Val vals[2] = {v, ok};
	NodeList *lhs = &comm->assign.lhs;
	for (int i = 0; i < lhs->n && i < 2; i++) {
		Node *l = lhs->v[i];
		Node *lu = ast_unparen(l);
		if (lu->kind == N_IDENT && lu->ident.name == intern_cstr("_")) continue;
		if (comm->assign.op == OP_DEFINE) {
			Obj *o = lu->ident.obj;
			Val x = cg_convert(cg, vals[i], o->type);
			cg_declare_local(cg, o, &x);
			continue;
		}
		LVal lv = cg_lval(cg, l);
		cg_lval_store(cg, &lv, cg_convert(cg, vals[i], lv.t));
	}
}

void cg_select(CG *cg, Node *n)
{
	NodeList *cl = &n->selectstmt.clauses;
	int nc = cl->n, nsend = 0, nrecv = 0, def = -1;
	int *caseof = arena_alloc(cg->fnarena, sizeof(int) * (nc + 1));   /* clause -> case index */
	Val *chans = arena_alloc(cg->fnarena, sizeof(Val) * (nc + 1));
	LLVMValueRef *slots = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (nc + 1));
	LLVMValueRef *cells = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (nc + 1));
	/* operands in source order */
	for (int i = 0; i < nc; i++) {
		Node *c = cl->v[i], *comm = c->commclause.comm;
		slots[i] = cells[i] = NULL;
		if (!comm) {
			def = i;
			continue;
		}
		if (comm->kind == N_SENDSTMT) {
			Type *ct = comm->send.ch->tv.type;
			chans[i] = cg_expr(cg, comm->send.ch);
			Val v = cg_expr_to(cg, comm->send.value, elem_type(ct));
			slots[i] = elem_slot(cg, elem_type(ct), &cells[i]);
			v.t = elem_type(ct);
			cg_store(cg, slots[i], v);
			nsend++;
		} else {
			Node *r = recv_expr(comm);
			if (!r) cg_unsupported(cg, comm, "this select case");
			chans[i] = cg_expr(cg, r->unary.x);
			slots[i] = elem_slot(cg, elem_type(r->unary.x->tv.type), &cells[i]);
			nrecv++;
		}
	}
	int ncases = nsend + nrecv;
	LLVMTypeRef sc = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->gptr, cg->ptr}, 2, 0);
	LLVMValueRef arr = cg_alloca(cg, LLVMArrayType2(sc, ncases ? ncases : 1), "scases");
	int ks = 0, kr = nsend;
	for (int i = 0; i < nc; i++) {
		Node *comm = cl->v[i]->commclause.comm;
		if (!comm) continue;
		int k = comm->kind == N_SENDSTMT ? ks++ : kr++;
		caseof[i] = k;
		LLVMValueRef idx[2] = {i64c(cg, 0), i64c(cg, k)};
		LLVMValueRef p = LLVMBuildGEP2(cg->b, LLVMArrayType2(sc, ncases ? ncases : 1), arr, idx, 2, "");
		LLVMBuildStore(cg->b, chans[i].v[0], LLVMBuildStructGEP2(cg->b, sc, p, 0, ""));
		LLVMBuildStore(cg->b, slots[i], LLVMBuildStructGEP2(cg->b, sc, p, 1, ""));
	}
	cg_set_pos(cg, n->pos);
	LLVMTypeRef rt = LLVMStructTypeInContext(cg->ctx, (LLVMTypeRef[]){cg->i64, cg->i8}, 2, 0);
	LLVMValueRef a[4] = {arr, i64c(cg, nsend), i64c(cg, nrecv), LLVMConstInt(cg->i8, def < 0, 0)};
	LLVMValueRef r = cg_rt_call(cg, "runtime.selectgo", rt, a, 4, false);
	LLVMValueRef chosen = LLVMBuildExtractValue(cg->b, r, 0, "");
	LLVMValueRef recvok = LLVMBuildTrunc(cg->b, LLVMBuildExtractValue(cg->b, r, 1, ""), cg->i1, "");
	/* the channels and cells sat in scases (frame memory) during the call */
	for (int i = 0; i < nc; i++) {
		if (!cl->v[i]->commclause.comm) continue;
		cg_keepalive(cg, chans[i].v[0]);
		cg_keepalive(cg, cells[i]);
	}
	/* dispatch */
	LLVMBasicBlockRef done = cg_block(cg, "select.done");
	LLVMBasicBlockRef other = cg_block(cg, "select.none");
	LLVMValueRef sw = LLVMBuildSwitch(cg->b, chosen, other, nc);
	cg_push_target(cg, n, done, NULL);
	for (int i = 0; i < nc; i++) {
		Node *c = cl->v[i], *comm = c->commclause.comm;
		LLVMBasicBlockRef bb = cg_block(cg, "select.case");
		LLVMAddCase(sw, LLVMConstInt(cg->i64, comm ? (unsigned long long)caseof[i] : (unsigned long long)-1, 1), bb);
		cg_position(cg, bb);
		if (comm && comm->kind != N_SENDSTMT) {
			Node *rx = recv_expr(comm);
			Type *et = elem_type(rx->unary.x->tv.type);
			Val v = cg_load(cg, slots[i], et);
			cg_keepalive(cg, cells[i]);
			recv_assign(cg, comm, v, cg_val1(cg, recvok, types_basic[TY_BOOL]));
		}
		cg_stmt_list(cg, &c->commclause.body);
		if (!cg_terminated(cg)) LLVMBuildBr(cg->b, done);
	}
	cg->fn->ntargets--;
	cg_position(cg, other);
	LLVMBuildUnreachable(cg->b);
	cg_position(cg, done);
}
