/*
 * check_init.c: package initialization order (Go spec "Package
 * initialization"). After all bodies are checked, each package-level variable
 * spec's dependencies are the package-level variables its initializer
 * references, directly or through the bodies of functions and methods it
 * references (transitively). The specs are then ordered by repeatedly taking
 * the earliest spec in declaration order whose dependencies are all
 * initialized; Package.initassigns and Package.inits are rewritten in that
 * order. Cycles through expressions alone were reported while resolving; a
 * cycle through function bodies is reported here as gc does ("initialization
 * loop for x" with the chain of references) and the cycle's first spec is
 * then taken as if ready, so every cycle is reported once.
 */
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

typedef struct Refs {
	Obj **v;
	int n, cap;
} Refs;

static void add(Refs *r, Obj *o)
{
	for (int i = 0; i < r->n; i++)
		if (r->v[i] == o) return;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = realloc(r->v, sizeof(Obj *) * r->cap);
	}
	r->v[r->n++] = o;
}

static Package *cur;

static void walk(Node *n, Refs *r);

static void walk_list(NodeList *l, Refs *r)
{
	for (int i = 0; i < l->n; i++) walk(l->v[i], r);
}

static void ref(Obj *o, Refs *r)
{
	if (o && o->pkg == cur && o->global && (o->kind == OBJ_VAR || (o->kind == OBJ_FUNC && o->decl))) add(r, o);
}

/* the package-level vars and funcs (and methods) n references directly */
static void walk(Node *n, Refs *r)
{
	if (!n) return;
	switch (n->kind) {
	case N_IDENT: ref(n->ident.obj, r); break;
	case N_COMPOSITELIT: walk_list(&n->complit.elts, r); break;
	case N_FUNCLIT: walk(n->funclit.body, r); break;
	case N_PAREN:
	case N_STAR:
	case N_UNARY: walk(n->unary.x, r); break;
	case N_SELECTOR:
		walk(n->selector.x, r);
		if (n->selector.info) ref(n->selector.info->obj, r);
		break;
	case N_INDEX: walk(n->index.x, r); walk_list(&n->index.index, r); break;
	case N_SLICE: walk(n->slice.x, r); walk(n->slice.lo, r); walk(n->slice.hi, r); walk(n->slice.max, r); break;
	case N_TYPEASSERT: walk(n->typeassert.x, r); break;
	case N_CALL: walk(n->call.fun, r); walk_list(&n->call.args, r); break;
	case N_BINARY:
	case N_KEYVALUE: walk(n->binary.x, r); walk(n->binary.y, r); break;
	case N_DECLSTMT: walk(n->declstmt.decl, r); break;
	case N_GENDECL: walk_list(&n->gendecl.specs, r); break;
	case N_VALUESPEC: walk_list(&n->valuespec.values, r); break;
	case N_LABELED: walk(n->labeled.stmt, r); break;
	case N_EXPRSTMT: walk(n->exprstmt.x, r); break;
	case N_SENDSTMT: walk(n->send.ch, r); walk(n->send.value, r); break;
	case N_INCDEC: walk(n->incdec.x, r); break;
	case N_ASSIGN: walk_list(&n->assign.lhs, r); walk_list(&n->assign.rhs, r); break;
	case N_GOSTMT:
	case N_DEFERSTMT: walk(n->gostmt.call, r); break;
	case N_RETURN: walk_list(&n->ret.results, r); break;
	case N_BLOCK: walk_list(&n->block.stmts, r); break;
	case N_IF: walk(n->ifstmt.init, r); walk(n->ifstmt.cond, r); walk(n->ifstmt.then, r); walk(n->ifstmt.els, r); break;
	case N_CASECLAUSE: walk_list(&n->caseclause.list, r); walk_list(&n->caseclause.body, r); break;
	case N_SWITCH:
	case N_TYPESWITCH:
		walk(n->switchstmt.init, r);
		walk(n->switchstmt.tag, r);
		walk_list(&n->switchstmt.clauses, r);
		break;
	case N_COMMCLAUSE: walk(n->commclause.comm, r); walk_list(&n->commclause.body, r); break;
	case N_SELECT: walk_list(&n->selectstmt.clauses, r); break;
	case N_FOR: walk(n->forstmt.init, r); walk(n->forstmt.cond, r); walk(n->forstmt.post, r); walk(n->forstmt.body, r); break;
	case N_RANGE: walk(n->rangestmt.key, r); walk(n->rangestmt.value, r); walk(n->rangestmt.x, r); walk(n->rangestmt.body, r); break;
	default: break;
	}
}

/* memoized direct references of functions */
typedef struct FnRefs {
	Obj *fn;
	Refs refs;
} FnRefs;

static FnRefs *fnrefs;
static int nfnrefs, capfnrefs;

static Refs *func_refs(Obj *fn)
{
	for (int i = 0; i < nfnrefs; i++)
		if (fnrefs[i].fn == fn) return &fnrefs[i].refs;
	if (nfnrefs == capfnrefs) {
		capfnrefs = capfnrefs ? capfnrefs * 2 : 64;
		fnrefs = realloc(fnrefs, sizeof(FnRefs) * capfnrefs);
	}
	FnRefs *f = &fnrefs[nfnrefs++];
	f->fn = fn;
	memset(&f->refs, 0, sizeof f->refs);
	Refs tmp = {0};
	if (fn->decl && fn->decl->kind == N_FUNCDECL) walk(fn->decl->funcdecl.body, &tmp);
	/* fnrefs may have moved: look the slot up again */
	for (int i = 0; i < nfnrefs; i++)
		if (fnrefs[i].fn == fn) {
			fnrefs[i].refs = tmp;
			return &fnrefs[i].refs;
		}
	return NULL;
}

/* the vars reachable from r through function bodies */
static void closure(Refs *r, Refs *vars, Refs *seen)
{
	for (int i = 0; i < r->n; i++) {
		Obj *o = r->v[i];
		if (o->kind == OBJ_VAR) {
			add(vars, o);
			continue;
		}
		bool was = false;
		for (int k = 0; k < seen->n && !was; k++) was = seen->v[k] == o;
		if (was) continue;
		add(seen, o);
		Refs copy = *func_refs(o);
		closure(&copy, vars, seen);
	}
}

static bool spec_declares(Node *s, Obj *o)
{
	for (int i = 0; i < s->valuespec.names.n; i++)
		if (s->valuespec.names.v[i]->ident.obj == o) return true;
	return false;
}

static Node **gspecs;   /* the package's var specs with initializers */
static int ngspecs;

/* an object's direct references: a variable's initializer, a function's body */
static Refs obj_edges(Obj *o)
{
	Refs r = {0};
	if (o->kind == OBJ_FUNC) {
		Refs *f = func_refs(o);
		for (int i = 0; i < f->n; i++) add(&r, f->v[i]);
		return r;
	}
	for (int i = 0; i < ngspecs; i++)
		if (spec_declares(gspecs[i], o)) {
			walk_list(&gspecs[i]->valuespec.values, &r);
			break;
		}
	return r;
}

/* a path from -> ... -> to, appended to path in reverse (to first), as types2's findPath */
static bool find_path(Obj *from, Obj *to, Refs *seen, Refs *path)
{
	bool was = false;
	for (int k = 0; k < seen->n && !was; k++) was = seen->v[k] == from;
	if (was) return false;
	add(seen, from);
	Refs e = obj_edges(from);
	bool found = false;
	for (int i = 0; i < e.n && !found; i++) {
		if (e.v[i] == to) {
			add(path, to);
			found = true;
		} else if (find_path(e.v[i], to, seen, path)) {
			found = true;
		}
		if (found && e.v[i] != to) {
			/* path is a set-like list: a duplicate would be dropped, so append by hand */
			if (path->n == path->cap) {
				path->cap = path->cap ? path->cap * 2 : 8;
				path->v = realloc(path->v, sizeof(Obj *) * path->cap);
			}
			path->v[path->n++] = e.v[i];
		}
	}
	free(e.v);
	return found;
}

/* reports the cycle through spec s's first variable on one; false if none is */
static bool report_cycle(Node *s)
{
	for (int i = 0; i < s->valuespec.names.n; i++) {
		Obj *v = s->valuespec.names.v[i]->ident.obj;
		if (!v) continue;
		Refs seen = {0}, cycle = {0};
		bool found = find_path(v, v, &seen, &cycle);
		free(seen.v);
		if (!found) {
			free(cycle.v);
			continue;
		}
		/* gc: "initialization loop for x", then x refers to / ... / x */
		size_t cap = 256, len = 0;
		char *msg = malloc(cap);
		len += snprintf(msg, cap, "initialization loop for %s", v->name);
		Obj *o = cycle.v[0];
		for (int k = cycle.n; k >= 0; k--) {
			const char *ps = diag_posstr(o->pos);
			size_t need = len + strlen(ps) + strlen(o->name) + 32;
			if (need > cap) msg = realloc(msg, cap = need * 2);
			len += snprintf(msg + len, cap - len, "\n\t%s: %s%s", ps, o->name, k > 0 ? " refers to" : "");
			if (k > 0) o = cycle.v[k - 1];
		}
		diag_errorf(v->pos, "%s", msg);
		free(msg);
		free(cycle.v);
		return true;
	}
	return false;
}

void check_init_order(Checker *c)
{
	Package *p = c->pkg;
	int n = p->ninitassigns;
	if (n < 1) return;
	cur = p;
	nfnrefs = 0;
	/* specs in declaration order */
	Node **specs = calloc(n, sizeof(Node *));
	int ns = 0;
	for (int i = 0; i < p->nfiles; i++) {
		Node *f = p->files[i];
		for (int k = 0; k < f->file.decls.n; k++) {
			Node *d = f->file.decls.v[k];
			if (d->kind != N_GENDECL || d->gendecl.kind != DECL_VAR) continue;
			for (int j = 0; j < d->gendecl.specs.n; j++) {
				Node *s = d->gendecl.specs.v[j];
				for (int m = 0; m < n; m++)
					if (p->initassigns[m] == s) {
						if (ns < n) specs[ns++] = s;
						break;
					}
			}
		}
	}
	if (ns != n) {
		free(specs);
		return;
	}
	gspecs = specs;
	ngspecs = n;
	/* dependencies: for each spec, the specs declaring the vars it needs */
	int **deps = calloc(n, sizeof(int *));
	int *ndeps = calloc(n, sizeof(int));
	for (int i = 0; i < n; i++) {
		Refs direct = {0}, vars = {0}, seen = {0};
		walk_list(&specs[i]->valuespec.values, &direct);
		closure(&direct, &vars, &seen);
		deps[i] = calloc(vars.n + 1, sizeof(int));
		for (int k = 0; k < vars.n; k++)
			for (int j = 0; j < n; j++)
				if (spec_declares(specs[j], vars.v[k])) {
					deps[i][ndeps[i]++] = j;
					break;
				}
		free(direct.v);
		free(vars.v);
		free(seen.v);
	}
	/* repeatedly the earliest ready spec */
	bool *done = calloc(n, sizeof(bool));
	Node **order = arena_alloc(&perm, sizeof(Node *) * (n + 1));
	int no = 0;
	while (no < n) {
		int pick = -1;
		for (int i = 0; i < n && pick < 0; i++) {
			if (done[i]) continue;
			bool ready = true;
			for (int k = 0; k < ndeps[i] && ready; k++) ready = done[deps[i][k]];
			if (ready) pick = i;
		}
		if (pick < 0) { /* a cycle: report it at its first spec in declaration order */
			for (int i = 0; i < n && pick < 0; i++)
				if (!done[i] && report_cycle(specs[i])) pick = i;
			for (int i = 0; i < n && pick < 0; i++)
				if (!done[i]) pick = i;
		}
		done[pick] = true;
		order[no++] = specs[pick];
	}
	p->initassigns = order;
	/* inits follows the same order */
	Obj **inits = arena_alloc(&perm, sizeof(Obj *) * (p->ninits + 1));
	int ni = 0;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < p->ninits; k++)
			if (p->inits[k] && spec_declares(order[i], p->inits[k])) inits[ni++] = p->inits[k];
	if (ni == p->ninits) p->inits = inits;
	for (int i = 0; i < n; i++) free(deps[i]);
	free(deps);
	free(ndeps);
	free(done);
	free(specs);
	for (int i = 0; i < nfnrefs; i++) free(fnrefs[i].refs.v);
	nfnrefs = 0;
}
