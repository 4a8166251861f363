/*
 * cg_funcval.c: lowers function values: top-level functions used as values
 * (static funcvals), function literals (closures) and calls through func
 * values.
 *
 * A func value is a GC pointer to a funcval, as in gc:
 *     funcval = { code pointer, captured variable cells... }
 * A call loads the code pointer from word 0 and passes the funcval itself as
 * the closure context in LLVM's `nest` parameter (r10 on amd64, x18 on arm64;
 * the static-chain register libffi's ffi_call_go uses). Closures declare that
 * parameter last (after the sret pointer and the parameters);
 * top-level functions do not, and simply ignore the register, so a
 * top-level function's funcval points at the function itself (a constant
 * `<name>·f` global cast to addrspace(1); the GC ignores non-heap pointers).
 *
 * Closures capture by reference: the checker marks every captured variable
 * (Obj.captured), so it already lives in a heap cell; the funcval holds the
 * cell pointers (a runtime.newobject of a struct {F uintptr; X0 *T0; ...}
 * whose pointer mask covers the cells). Inside the closure a captured
 * variable is a heap local whose cell is loaded from the context at entry.
 * Captures of nested closures are transitive: a closure also captures what
 * its inner closures need from outside it.
 *
 * Closure bodies are emitted after all top-level functions (cg_pending_closures)
 * and named like gc: main.f.func1, main.f.func1.1, main.glob..func1.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

typedef struct Closure {
	Obj *fn;                /* the closure's Obj (funclit.fn) */
	Node *lit;
	const char *name;
	LLVMValueRef llfn;
	Obj **caps;             /* captured variables, in first-use order */
	int ncaps;
	Type *envtype;          /* struct {F uintptr; X0 *T0; ...} (ncaps > 0) */
	int nchildren;          /* closures numbered inside this one */
	struct Closure *next;
} Closure;

static Closure *pending, **pending_tail = &pending;
static Closure *all_closures;   /* by Obj: linear list (few closures per package) */
static LLVMValueRef counter_fn; /* function whose top-level closures are being numbered */
static int counter;

/* ------------------------------------------------------------ captures */

/* is variable o declared inside closure c (or one of c's inner closures)? */
static bool owned_by(Obj *o, Obj *c)
{
	for (Obj *p = o->fn; p; p = p->fn)
		if (p == c) return true;
	return false;
}

typedef struct Caps {
	Obj *c;
	Obj **v;
	int n, cap;
} Caps;

static void add_cap(Caps *cs, Obj *o)
{
	for (int i = 0; i < cs->n; i++)
		if (cs->v[i] == o) return;
	if (cs->n == cs->cap) {
		int nc = cs->cap ? cs->cap * 2 : 8;
		Obj **nv = arena_alloc(&perm, sizeof(Obj *) * nc);
		if (cs->n) memcpy(nv, cs->v, sizeof(Obj *) * cs->n);
		cs->v = nv;
		cs->cap = nc;
	}
	cs->v[cs->n++] = o;
}

static void walk(Node *n, Caps *cs);

static void walk_list(NodeList *l, Caps *cs)
{
	for (int i = 0; i < l->n; i++) walk(l->v[i], cs);
}

static void walk(Node *n, Caps *cs)
{
	if (!n) return;
	switch (n->kind) {
	case N_IDENT: {
		Obj *o = n->ident.obj;
		if (o && o->kind == OBJ_VAR && !o->global && !o->field && o->fn && !owned_by(o, cs->c)) add_cap(cs, o);
		return;
	}
	case N_COMPOSITELIT: walk_list(&n->complit.elts, cs); return;
	case N_FUNCLIT: walk(n->funclit.body, cs); return;
	case N_PAREN: case N_STAR: case N_UNARY: walk(n->unary.x, cs); return;
	case N_SELECTOR: walk(n->selector.x, cs); return;
	case N_INDEX: walk(n->index.x, cs); walk_list(&n->index.index, cs); return;
	case N_SLICE: walk(n->slice.x, cs); walk(n->slice.lo, cs); walk(n->slice.hi, cs); walk(n->slice.max, cs); return;
	case N_TYPEASSERT: walk(n->typeassert.x, cs); return;
	case N_CALL: walk(n->call.fun, cs); walk_list(&n->call.args, cs); return;
	case N_BINARY: walk(n->binary.x, cs); walk(n->binary.y, cs); return;
	case N_KEYVALUE:
		/* struct literal keys are field names (field objects are skipped) */
		walk(n->binary.x, cs);
		walk(n->binary.y, cs);
		return;
	case N_DECLSTMT: {
		Node *d = n->declstmt.decl;
		if (d->kind != N_GENDECL) return;
		for (int i = 0; i < d->gendecl.specs.n; i++) {
			Node *s = d->gendecl.specs.v[i];
			if (s->kind == N_VALUESPEC) walk_list(&s->valuespec.values, cs);
		}
		return;
	}
	case N_LABELED: walk(n->labeled.stmt, cs); return;
	case N_EXPRSTMT: walk(n->exprstmt.x, cs); return;
	case N_SENDSTMT: walk(n->send.ch, cs); walk(n->send.value, cs); return;
	case N_INCDEC: walk(n->incdec.x, cs); return;
	case N_ASSIGN: walk_list(&n->assign.lhs, cs); walk_list(&n->assign.rhs, cs); return;
	case N_GOSTMT: case N_DEFERSTMT: walk(n->gostmt.call, cs); return;
	case N_RETURN: walk_list(&n->ret.results, cs); return;
	case N_BLOCK: walk_list(&n->block.stmts, cs); return;
	case N_IF: walk(n->ifstmt.init, cs); walk(n->ifstmt.cond, cs); walk(n->ifstmt.then, cs); walk(n->ifstmt.els, cs); return;
	case N_CASECLAUSE: walk_list(&n->caseclause.list, cs); walk_list(&n->caseclause.body, cs); return;
	case N_SWITCH: case N_TYPESWITCH:
		walk(n->switchstmt.init, cs);
		walk(n->switchstmt.tag, cs);
		walk_list(&n->switchstmt.clauses, cs);
		return;
	case N_COMMCLAUSE: walk(n->commclause.comm, cs); walk_list(&n->commclause.body, cs); return;
	case N_SELECT: walk_list(&n->selectstmt.clauses, cs); return;
	case N_FOR: walk(n->forstmt.init, cs); walk(n->forstmt.cond, cs); walk(n->forstmt.post, cs); walk(n->forstmt.body, cs); return;
	case N_RANGE:
		walk(n->rangestmt.key, cs);
		walk(n->rangestmt.value, cs);
		walk(n->rangestmt.x, cs);
		walk(n->rangestmt.body, cs);
		return;
	default:
		return; /* literals, types, branches */
	}
}

/* ------------------------------------------------------------ names */

static Closure *find_closure(Obj *fn)
{
	for (Closure *c = all_closures; c; c = c->next)
		if (c->fn == fn) return c;
	return NULL;
}

/* gc's closure names: <outer>.funcN for closures of a declared function
 * (glob. for package-level initializers), <parent>.N for nested ones */
static const char *closure_name(CG *cg)
{
	char buf[600];
	Fn *f = cg->fn;
	Closure *parent = f && f->obj ? find_closure(f->obj) : NULL;
	if (parent) {
		snprintf(buf, sizeof buf, "%s.%d", parent->name, ++parent->nchildren);
	} else {
		if (!f || counter_fn != f->fn) counter_fn = f ? f->fn : NULL, counter = 0;
		const char *outer = f && f->obj ? LLVMGetValueName(f->fn) : NULL;
		if (outer) snprintf(buf, sizeof buf, "%s.func%d", outer, ++counter);
		else snprintf(buf, sizeof buf, "%s.glob..func%d", cg->pkg->path, ++counter);
	}
	return arena_strndup(&perm, buf, strlen(buf));
}

/* ------------------------------------------------------------ funcvals */

static LLVMValueRef funcval_global(CG *cg, LLVMValueRef fn)
{
	char name[640];
	snprintf(name, sizeof name, "%s\xc2\xb7" "f", LLVMGetValueName(fn));
	LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
	if (!g) {
		LLVMTypeRef st = LLVMStructTypeInContext(cg->ctx, &cg->ptr, 1, 0);
		g = LLVMAddGlobal(cg->mod, st, name);
		LLVMSetInitializer(g, LLVMConstNamedStruct(st, &fn, 1));
		LLVMSetGlobalConstant(g, 1);
		LLVMSetLinkage(g, LLVMPrivateLinkage);
		LLVMSetAlignment(g, 8);
	}
	return LLVMConstAddrSpaceCast(g, cg->gptr);
}

/* a top-level function used as a value */
Val cg_func_value(CG *cg, Obj *fn, Type *t)
{
	return cg_val1(cg, funcval_global(cg, cg_func_decl(cg, fn)), t);
}

/* the closure context parameter's index (0-based) in a closure's LLVM type: the last one */
static unsigned ctx_index(CG *cg, Type *sig) { return LLVMCountParamTypes(cg_fntype(cg, sig, true)) - 1; }

/* a function literal: queue its body, build its funcval */
Val cg_funclit(CG *cg, Node *n)
{
	Obj *fo = n->funclit.fn;
	Closure *c = find_closure(fo);
	if (!c) {
		c = arena_alloc(&perm, sizeof *c);
		memset(c, 0, sizeof *c);
		c->fn = fo;
		c->lit = n;
		c->name = closure_name(cg);
		Caps cs = {.c = fo};
		walk(n->funclit.body, &cs);
		c->caps = cs.v;
		c->ncaps = cs.n;
		Type *sig = fo->type;
		c->llfn = LLVMAddFunction(cg->mod, c->name, cg_fntype(cg, sig, true));
		LLVMAddAttributeAtIndex(c->llfn, ctx_index(cg, sig) + 1, cg_enumattr(cg, "nest"));
		fo->cg = c->llfn;
		if (c->ncaps) {
			Type *st = type_new(TY_STRUCT);
			st->cg_record = true;
			st->nfields = c->ncaps + 1;
			st->fields = arena_alloc(&perm, sizeof(Field) * st->nfields);
			memset(st->fields, 0, sizeof(Field) * st->nfields);
			st->fields[0].name = intern_cstr("F");
			st->fields[0].type = types_basic[TY_UINTPTR];
			for (int i = 0; i < c->ncaps; i++) {
				char nm[16];
				snprintf(nm, sizeof nm, "X%d", i);
				st->fields[i + 1].name = intern_cstr(nm);
				st->fields[i + 1].type = type_pointer(c->caps[i]->type);
			}
			types_layout(st);
			c->envtype = st;
		}
		c->next = all_closures;
		all_closures = c;
		Closure *q = arena_alloc(&perm, sizeof *q);
		*q = *c;
		q->next = NULL;
		*pending_tail = q;
		pending_tail = &q->next;
	}
	if (!c->ncaps) return cg_val1(cg, funcval_global(cg, c->llfn), n->tv.type);
	/* cells first (loads), then the allocation */
	LLVMValueRef env = cg_new(cg, c->envtype);
	LLVMBuildStore(cg->b, c->llfn, env);
	for (int i = 0; i < c->ncaps; i++) {
		Obj *o = c->caps[i];
		Local *l = cg_local(cg, o);
		if (!l->heap) cg_fatal("captured variable %s is not a heap cell", o->name);
		LLVMValueRef cell = LLVMBuildLoad2(cg->b, cg->gptr, l->addr, o->name);
		LLVMBuildStore(cg->b, cell, cg_addr_off(cg, env, 8 * (i + 1)));
	}
	return cg_val1(cg, env, n->tv.type);
}

/* ------------------------------------------------------------ calls */

/* f(args) where f is a func value: args[] is [sret], the flattened
 * arguments and a last slot for the context */
LLVMValueRef cg_call_funcval(CG *cg, Type *sig, LLVMValueRef fv, LLVMValueRef *args, int n, Pos pos)
{
	cg_nilcheck(cg, fv, pos);
	unsigned ci = ctx_index(cg, sig);
	args[ci] = fv;
	LLVMValueRef code = LLVMBuildLoad2(cg->b, cg->ptr, fv, "fn");
	LLVMTypeRef fty = cg_fntype(cg, sig, true);
	cg_set_pos(cg, pos);
	LLVMValueRef c = cg_call(cg, fty, code, args, n, pos);
	LLVMAddCallSiteAttribute(c, ci + 1, cg_enumattr(cg, "nest"));
	return c;
}

/* ------------------------------------------------------------ methods */

/* struct {F uintptr; R <recv>} */
static Type *bound_type(Type *rt)
{
	Type *st = type_new(TY_STRUCT);
	st->cg_record = true;
	st->nfields = 2;
	st->fields = arena_alloc(&perm, sizeof(Field) * 2);
	memset(st->fields, 0, sizeof(Field) * 2);
	st->fields[0].name = intern_cstr("F");
	st->fields[0].type = types_basic[TY_UINTPTR];
	st->fields[1].name = intern_cstr("R");
	st->fields[1].type = rt;
	types_layout(st);
	return st;
}

/* <method>-fm (gc's name): the code of a method value; the funcval holds the
 * bound receiver. A wrapper (hidden in tracebacks). */
static LLVMValueRef method_fm(CG *cg, Obj *m, Type *sig, Type *bt, Pos pos)
{
	LLVMValueRef mf = cg_func_decl(cg, m);
	char name[600];
	snprintf(name, sizeof name, "%s-fm", LLVMGetValueName(mf));
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, name);
	if (f) return f;
	f = LLVMAddFunction(cg->mod, name, cg_fntype(cg, sig, true));
	unsigned ci = ctx_index(cg, sig);
	LLVMSetLinkage(f, LLVMInternalLinkage);
	LLVMSetGC(f, "statepoint-example");
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "frame-pointer", "all"));
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "disable-tail-calls", "true"));
	LLVMAddAttributeAtIndex(f, ci + 1, cg_enumattr(cg, "nest"));
	BuilderState saved = cg_builder_save(cg);
	const char *pname = arena_strndup(&perm, name, strlen(name));
	Fn wf = {.fn = f, .fnty = LLVMGlobalGetValueType(f), .sig = sig};
	wf.rec = cg_func_rec(cg, pname, pname, pos, GO_FUNC_WRAPPER);
	cg->funcs[wf.rec].rsig = sig;
	LLVMMetadataRef sp = cg_subprogram(cg, &cg->funcs[wf.rec], pos, f);
	cg->fn = &wf;
	wf.entry = wf.body = LLVMAppendBasicBlockInContext(cg->ctx, f, "entry");
	LLVMPositionBuilderAtEnd(cg->b, wf.entry);
	cg_set_pos(cg, pos);
	Val env = cg_load(cg, LLVMGetParam(f, ci), bt);
	unsigned np = LLVMCountParams(f);
	LLVMValueRef *args = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (np + env.n + 1));
	int k = 0;
	bool sret = cg_sret(cg, sig);
	if (sret) args[k++] = LLVMGetParam(f, 0);
	for (int i = 1; i < env.n; i++) args[k++] = env.v[i];
	for (unsigned i = sret ? 1 : 0; i < ci; i++) args[k++] = LLVMGetParam(f, i);
	LLVMValueRef r = cg_call(cg, LLVMGlobalGetValueType(mf), mf, args, k, pos);
	if (LLVMGetTypeKind(LLVMGetReturnType(wf.fnty)) == LLVMVoidTypeKind) LLVMBuildRetVoid(cg->b);
	else LLVMBuildRet(cg->b, r);
	LLVMDIBuilderFinalizeSubprogram(cg->di, sp);
	cg_builder_restore(cg, saved);
	return f;
}

/* from a receiver value v of type t: the embedded field at the end of path
 * (through pointers), then the receiver m wants (value or pointer) or, for an
 * interface method (m without receiver), the interface value itself */
Val cg_recv_path(CG *cg, Val v, Type *t, int *path, int npath, Obj *m, Pos pos, Type **outt)
{
	LLVMValueRef addr = NULL;       /* set: the value of type t is in memory there */
	for (int i = 0; i < npath; i++) {
		if (!addr && type_under(t)->kind == TY_POINTER) {
			addr = v.v[0];
			cg_nilcheck(cg, addr, pos);
			t = type_under(t)->elem;
		} else if (addr && type_under(t)->kind == TY_POINTER) {
			addr = cg_load(cg, addr, t).v[0];
			cg_nilcheck(cg, addr, pos);
			t = type_under(t)->elem;
		}
		Type *st = type_under(t);
		types_layout(st);
		Type *ft = st->fields[path[i]].type;
		if (addr) addr = cg_addr_off(cg, addr, st->fields[path[i]].offset);
		else v = cg_field(cg, v, st, path[i]);
		t = ft;
	}
	*outt = t;
	bool wantptr = m->type->recv && type_under(m->type->recv->type)->kind == TY_POINTER &&
	               m->type->recv->type->kind != TY_NAMED;
	if (wantptr) {
		if (addr && type_under(t)->kind != TY_POINTER) return cg_val1(cg, addr, type_pointer(t));
		if (addr) return cg_load(cg, addr, t);
		return v;
	}
	if (addr) v = cg_load(cg, addr, t);     /* then maybe through an embedded pointer */
	if (m->type->recv && type_under(t)->kind == TY_POINTER && type_under(m->type->recv->type)->kind != TY_POINTER) {
		cg_nilcheck(cg, v.v[0], pos);
		return cg_load(cg, v.v[0], type_under(t)->elem);
	}
	return v;
}

/* the code of a method value or method expression that cannot be the method
 * itself: bt != NULL: a method value whose funcval binds a receiver of type
 * xt (struct {F; R}); bt == NULL: a method expression whose first parameter
 * is the receiver of type xt. A wrapper (hidden in tracebacks). */
static LLVMValueRef method_thunk(CG *cg, Obj *m, int *path, int npath, Type *xt, Type *sig, Type *bt, Pos pos)
{
	static int nthunks;
	char name[700];
	const char *mname = m->type->recv ? LLVMGetValueName(cg_func_decl(cg, m)) : m->name;
	snprintf(name, sizeof name, "%s.%s-thunk%d", type_string(xt, cg->pkg), mname, nthunks++);
	LLVMValueRef f = LLVMAddFunction(cg->mod, name, cg_fntype(cg, sig, true));
	unsigned ci = ctx_index(cg, sig);
	LLVMSetLinkage(f, LLVMInternalLinkage);
	LLVMSetGC(f, "statepoint-example");
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "frame-pointer", "all"));
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, cg_strattr(cg, "disable-tail-calls", "true"));
	LLVMAddAttributeAtIndex(f, ci + 1, cg_enumattr(cg, "nest"));
	BuilderState saved = cg_builder_save(cg);
	const char *pname = arena_strndup(&perm, name, strlen(name));
	Fn wf = {.fn = f, .fnty = LLVMGlobalGetValueType(f), .sig = sig};
	wf.rec = cg_func_rec(cg, pname, pname, pos, GO_FUNC_WRAPPER);
	cg->funcs[wf.rec].rsig = sig;
	LLVMMetadataRef sp = cg_subprogram(cg, &cg->funcs[wf.rec], pos, f);
	cg->fn = &wf;
	wf.entry = wf.body = LLVMAppendBasicBlockInContext(cg->ctx, f, "entry");
	LLVMPositionBuilderAtEnd(cg->b, wf.entry);
	cg_set_pos(cg, pos);
	bool sret = cg_sret(cg, sig);
	unsigned p = sret ? 1 : 0;
	/* the receiver: bound in the context, or the first parameter */
	Val rv;
	if (bt) {
		Val env = cg_load(cg, LLVMGetParam(f, ci), bt);
		rv = cg_extract(cg, env, 1, env.n - 1, xt);
	} else {
		int nr = cg_nscalars(cg, xt);
		rv = cg_mkval(cg, nr, xt);
		for (int i = 0; i < nr; i++) rv.v[i] = LLVMGetParam(f, p++);
	}
	Type *t;
	Val recv = cg_recv_path(cg, rv, xt, path, npath, m, pos, &t);
	unsigned np = LLVMCountParams(f);
	LLVMValueRef *args = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (np + recv.n + 2));
	int k = 0;
	if (sret) args[k++] = LLVMGetParam(f, 0);
	LLVMValueRef callee;
	LLVMTypeRef cty;
	if (m->type->recv) {
		for (int i = 0; i < recv.n; i++) args[k++] = recv.v[i];
		callee = cg_func_decl(cg, m);
		cty = LLVMGlobalGetValueType(callee);
	} else {
		/* through the itab: the data word is the receiver */
		callee = cg_iface_method_fn(cg, recv, t, m, pos);
		args[k++] = recv.v[1];
		Type *isig = type_new(TY_FUNC);
		*isig = *m->type;
		Field *rf = arena_alloc(&perm, sizeof(Field));
		memset(rf, 0, sizeof *rf);
		rf->type = types_basic[TY_UNSAFEPTR];
		isig->recv = rf;
		isig->cg = NULL;
		cty = cg_fntype(cg, isig, false);
	}
	for (unsigned i = p; i < ci; i++) args[k++] = LLVMGetParam(f, i);
	LLVMValueRef r = cg_call(cg, cty, callee, args, k, pos);
	if (LLVMGetTypeKind(LLVMGetReturnType(wf.fnty)) == LLVMVoidTypeKind) LLVMBuildRetVoid(cg->b);
	else LLVMBuildRet(cg->b, r);
	LLVMDIBuilderFinalizeSubprogram(cg->di, sp);
	cg_builder_restore(cg, saved);
	return f;
}

/* x.M as a value: the receiver is evaluated (and copied) now */
Val cg_method_value(CG *cg, Node *n)
{
	Selection *s = n->selector.info;
	Obj *m = s->obj;
	if (s->kind == SEL_IFACE || !m->type->recv) {
		/* an interface method: the funcval binds the interface value; a nil
		 * interface panics now, as with gc */
		Type *it;
		Val iv = cg_iface_recv(cg, n, &it);
		cg_nilcheck(cg, iv.v[0], n->pos);
		Type *bt = bound_type(it);
		LLVMValueRef code = method_thunk(cg, m, NULL, 0, it, type_under(n->tv.type), bt, n->pos);
		LLVMValueRef env = cg_new(cg, bt);
		Val v = cg_mkval(cg, 1 + iv.n, bt);
		v.v[0] = LLVMBuildPtrToInt(cg->b, code, cg->i64, "");
		for (int i = 0; i < iv.n; i++) v.v[1 + i] = iv.v[i];
		cg_store(cg, env, v);
		return cg_val1(cg, env, n->tv.type);
	}
	Type *rt = m->type->recv->type;
	Val recv = cg_method_recv(cg, n, m);
	Type *bt = bound_type(rt);
	LLVMValueRef code = method_fm(cg, m, type_under(n->tv.type), bt, n->pos);
	LLVMValueRef env = cg_new(cg, bt);
	Val v = cg_mkval(cg, 1 + recv.n, bt);
	v.v[0] = LLVMBuildPtrToInt(cg->b, code, cg->i64, "");
	for (int i = 0; i < recv.n; i++) v.v[1 + i] = recv.v[i];
	cg_store(cg, env, v);
	return cg_val1(cg, env, n->tv.type);
}

/* T.M / (*T).M / I.M: the method takes the receiver as its first argument */
Val cg_method_expr(CG *cg, Node *n)
{
	Selection *s = n->selector.info;
	Obj *m = s->obj;
	Type *xt = n->selector.x->tv.type;
	if (m->type->recv) {
		Type *rt = m->type->recv->type;
		bool wantptr = type_under(rt)->kind == TY_POINTER && rt->kind != TY_NAMED;
		bool isptr = type_under(xt)->kind == TY_POINTER;
		if (s->npath == 0 && wantptr == isptr)
			return cg_val1(cg, funcval_global(cg, cg_func_decl(cg, m)), n->tv.type);
	}
	/* a thunk: follow embedded fields, adjust the receiver, or dispatch */
	LLVMValueRef code = method_thunk(cg, m, s->path, s->npath, xt, type_under(n->tv.type), NULL, n->pos);
	return cg_val1(cg, funcval_global(cg, code), n->tv.type);
}

/* ------------------------------------------------------------ bodies */

static void emit_closure(CG *cg, Closure *c)
{
	Obj *fo = c->fn;
	Type *sig = fo->type;
	Node *lit = c->lit;
	Fn f = {.obj = fo, .sig = sig, .fn = c->llfn};
	f.fnty = LLVMGlobalGetValueType(f.fn);
	f.rec = cg_func_rec(cg, c->name, c->name, lit->pos, 0);
	cg->funcs[f.rec].rsig = sig;
	cg->fn = &f;
	cg_func_begin(cg, &f, lit->pos);
	unsigned k = cg_sret(cg, sig) ? 1 : 0;
	LLVMValueRef ctx = LLVMGetParam(f.fn, ctx_index(cg, sig));
	for (int i = 0; i < c->ncaps; i++) {
		Obj *o = c->caps[i];
		Local *l = arena_alloc(cg->fnarena, sizeof *l);
		memset(l, 0, sizeof *l);
		l->heap = true;
		l->addr = cg_alloca(cg, cg->gptr, o->name);
		LLVMValueRef cell = LLVMBuildLoad2(cg->b, cg->gptr, cg_addr_off(cg, ctx, 8 * (i + 1)), o->name);
		LLVMBuildStore(cg->b, cell, l->addr);
		o->cg = l;
	}
	for (int i = 0; i < sig->nfields; i++) {
		Field *fl = &sig->fields[i];
		int n = cg_nscalars(cg, fl->type);
		Val v = cg_mkval(cg, n, fl->type);
		for (int j = 0; j < n; j++) v.v[j] = LLVMGetParam(f.fn, k++);
		if (fl->obj && fl->name && fl->name != intern_cstr("_")) {
			fl->obj->cg = NULL;
			cg_declare_local(cg, fl->obj, &v);
		}
	}
	f.resloc = arena_alloc(cg->fnarena, sizeof(Local *) * (sig->nresults + 1));
	bool hasdefer = cg_defer_needed(lit->funclit.body);
	for (int i = 0; i < sig->nresults; i++) {
		Obj *o = sig->results[i].obj;
		if (!o || o->name == intern_cstr("_")) {
			o = obj_new(OBJ_VAR, intern_cstr("~r"), lit->pos, cg->pkg);
			o->type = sig->results[i].type;
			sig->results[i].obj = o;
		}
		o->cg = NULL;
		if (hasdefer) o->addrtaken = true; /* a heap cell: see cg_defer.c */
		cg_declare_local(cg, o, NULL);
		f.resloc[i] = o->cg;
	}
	if (hasdefer) cg_defer_begin(cg);
	cg_stmt_list(cg, &lit->funclit.body->block.stmts);
	cg_defer_end(cg);
	cg_func_end(cg, &f);
	cg->fn = NULL;
}

/* emit the queued closure bodies (inner closures queue more) */
void cg_pending_closures(CG *cg)
{
	while (pending) {
		Closure *c = pending;
		pending = c->next;
		if (!pending) pending_tail = &pending;
		Closure *real = find_closure(c->fn);
		emit_closure(cg, real ? real : c);
	}
}
