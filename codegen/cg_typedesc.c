/*
 * cg_typedesc.c: lowers Go types to gc 1.19 type descriptors (runtime._type
 * plus the kind-specific extension, uncommonType and method table), names
 * and itabs (../shared/stdlib/REFLECT.md).
 *
 * A descriptor is one linkonce_odr comdat global `type:<gc type string>`:
 *
 *   rtype (48 B) | kind extension | [uncommonType (16 B)] | [extra arrays]
 *
 * ptr/slice: elem; array: elem, slice, len; chan: elem, dir; func: inCount,
 * outCount (bit 15 variadic), then [uncommon], then in+out *rtype; interface:
 * pkgPath name, imethods slice -> {name nameOff, typ typeOff}; map: key,
 * elem (the rest zero for now); struct: pkgPath, fields slice ->
 * {name *byte, typ *rtype, offset}. Named types and pointers to them carry an
 * uncommonType whose methods {name, mtyp, ifn, tfn} are the type's method set
 * sorted by name (tfn only for methods declared on t or, in *T, on T).
 * nameOff/typeOff/textOff are 32-bit offsets from the rtype
 * (trunc(target - base)), so the runtime resolves them as base + off.
 *
 * `name`s are separate comdat globals `name:<flag><bytes>`: flag byte
 * (1 exported, 8 embedded), uvarint length, bytes.
 *
 * `equal` is a static funcval {runtime.golcequal, rtype} for comparable
 * types (NULL otherwise); the runtime compares by walking the descriptor.
 *
 * Itabs {inter, typ, hash, pad, fun[N]} for static conversions are comdat
 * globals `itab:<T>,<I>`; fun[i] is the ifn of the method: the method itself
 * when its receiver is the data word, otherwise a wrapper (emitted after all
 * functions, cg_typedesc_finish) that unboxes the receiver and follows the
 * embedded-field path.
 */
#include "cg.h"
#include "goabi.h"

#include <string.h>

/* ------------------------------------------------------------ type strings */

typedef struct SBuf {
	char *p;
	size_t n, cap;
} SBuf;

static void sput(SBuf *b, const char *s)
{
	size_t k = strlen(s);
	if (b->n + k + 1 > b->cap) {
		size_t nc = (b->n + k + 1) * 2 + 64;
		char *np = arena_alloc(&perm, nc);
		if (b->n) memcpy(np, b->p, b->n);
		b->p = np;
		b->cap = nc;
	}
	memcpy(b->p + b->n, s, k);
	b->n += k;
	b->p[b->n] = 0;
}

static void gcstr(SBuf *b, Type *t);

/* s as strconv.Quote writes it (tags in type strings); non-ASCII bytes are
 * kept, as Quote keeps printable runes */
static void sput_quoted(SBuf *b, const char *s)
{
	static const char esc[] = "\a\b\t\n\v\f\r";
	char buf[8];
	sput(b, "\"");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf[0] = '\\', buf[1] = (char)*p, buf[2] = 0;
		} else if (*p >= 7 && *p <= 13) {
			buf[0] = '\\', buf[1] = esc[2 * (*p - 7) + 1], buf[2] = 0;
		} else if (*p < 0x20 || *p == 0x7f) {
			snprintf(buf, sizeof buf, "\\x%02x", *p);
		} else {
			buf[0] = (char)*p, buf[1] = 0;
		}
		sput(b, buf);
	}
	sput(b, "\"");
}
static bool linkname;   /* gcstr for symbol names: local types get a suffix */

static void gcsig(SBuf *b, Type *f)
{
	sput(b, "(");
	for (int i = 0; i < f->nfields; i++) {
		if (i) sput(b, ", ");
		if (f->variadic && i == f->nfields - 1) {
			sput(b, "...");
			gcstr(b, type_under(f->fields[i].type)->elem);
		} else gcstr(b, f->fields[i].type);
	}
	sput(b, ")");
	if (f->nresults == 1) {
		sput(b, " ");
		gcstr(b, f->results[0].type);
	} else if (f->nresults > 1) {
		sput(b, " (");
		for (int i = 0; i < f->nresults; i++) {
			if (i) sput(b, ", ");
			gcstr(b, f->results[i].type);
		}
		sput(b, ")");
	}
}

/* gc's runtime/reflect type string: main.T, []int, struct { X int }, interface {} */
static void gcstr(SBuf *b, Type *t)
{
	char num[32];
	switch (t->kind) {
	case TY_NAMED:
		if (t->obj->pkg) {
			sput(b, t->obj->pkg->name);
			sput(b, ".");
		}
		sput(b, t->obj->name);
		if (linkname && t->obj->pkg && t->obj->scope != t->obj->pkg->scope) {
			char loc[48];
			snprintf(loc, sizeof loc, "\xc2\xb7%d.%d", t->obj->pos.line, t->obj->pos.col);
			sput(b, loc);
		}
		return;
	case TY_ARRAY:
		snprintf(num, sizeof num, "[%lld]", (long long)t->len);
		sput(b, num);
		gcstr(b, t->elem);
		return;
	case TY_SLICE: sput(b, "[]"); gcstr(b, t->elem); return;
	case TY_POINTER: sput(b, "*"); gcstr(b, t->elem); return;
	case TY_MAP:
		sput(b, "map[");
		gcstr(b, t->key);
		sput(b, "]");
		gcstr(b, t->elem);
		return;
	case TY_CHAN:
		sput(b, t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ");
		if (t->dir == CHAN_BOTH && t->elem->kind == TY_CHAN && t->elem->dir == CHAN_RECV) {
			sput(b, "(");
			gcstr(b, t->elem);
			sput(b, ")");
		} else gcstr(b, t->elem);
		return;
	case TY_FUNC: sput(b, "func"); gcsig(b, t); return;
	case TY_STRUCT:
		if (!t->nfields) {
			sput(b, "struct {}");
			return;
		}
		sput(b, "struct {");
		for (int i = 0; i < t->nfields; i++) {
			sput(b, i ? "; " : " ");
			Type *ft = t->fields[i].type;
			if (type_under(ft)->kind == TY_POINTER && ft->kind != TY_NAMED) ft = type_under(ft)->elem;
			const char *tn = ft->obj ? ft->obj->name : NULL;
			if (!t->fields[i].embedded || !tn || strcmp(tn, t->fields[i].name)) {
				/* embedded through an alias: the field name differs from the type's */
				sput(b, t->fields[i].name);
				sput(b, " ");
			}
			gcstr(b, t->fields[i].type);
			if (t->fields[i].tag && t->fields[i].tag[0]) {  /* an empty tag is no tag */
				sput(b, " ");
				sput_quoted(b, t->fields[i].tag);
			}
		}
		sput(b, " }");
		return;
	case TY_INTERFACE:
		if (!t->nmethods) {
			sput(b, "interface {}");
			return;
		}
		sput(b, "interface {");
		for (int i = 0; i < t->nmethods; i++) {
			sput(b, i ? "; " : " ");
			sput(b, t->methods[i]->name);
			gcsig(b, t->methods[i]->type);
		}
		sput(b, " }");
		return;
	default:
		if (t->kind >= TY_BOOL && t->kind <= TY_UNSAFEPTR) {
			const char *s = type_string(types_basic[t->kind], NULL);
			sput(b, t->kind == TY_UNSAFEPTR ? "unsafe.Pointer" : s);
			return;
		}
		sput(b, type_string(t, NULL));
	}
}

const char *cg_type_gcstring(Type *t)
{
	SBuf b = {0};
	sput(&b, "");
	gcstr(&b, t);
	return b.p;
}

/* ------------------------------------------------------------ kinds */

static uint8_t kind_of(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_BOOL: return GO_KIND_BOOL;
	case TY_INT: return GO_KIND_INT;
	case TY_INT8: return GO_KIND_INT8;
	case TY_INT16: return GO_KIND_INT16;
	case TY_INT32: return GO_KIND_INT32;
	case TY_INT64: return GO_KIND_INT64;
	case TY_UINT: return GO_KIND_UINT;
	case TY_UINT8: return GO_KIND_UINT8;
	case TY_UINT16: return GO_KIND_UINT16;
	case TY_UINT32: return GO_KIND_UINT32;
	case TY_UINT64: return GO_KIND_UINT64;
	case TY_UINTPTR: return GO_KIND_UINTPTR;
	case TY_FLOAT32: return GO_KIND_FLOAT32;
	case TY_FLOAT64: return GO_KIND_FLOAT64;
	case TY_COMPLEX64: return GO_KIND_COMPLEX64;
	case TY_COMPLEX128: return GO_KIND_COMPLEX128;
	case TY_ARRAY: return GO_KIND_ARRAY;
	case TY_CHAN: return GO_KIND_CHAN;
	case TY_FUNC: return GO_KIND_FUNC;
	case TY_INTERFACE: return GO_KIND_INTERFACE;
	case TY_MAP: return GO_KIND_MAP;
	case TY_POINTER: return GO_KIND_POINTER;
	case TY_SLICE: return GO_KIND_SLICE;
	case TY_STRING: return GO_KIND_STRING;
	case TY_STRUCT: return GO_KIND_STRUCT;
	case TY_UNSAFEPTR: return GO_KIND_UNSAFE_POINTER;
	default: return 0;
	}
}

/* pointer words of t's memory layout (gc's convention: both interface words) */
static void ptrmask(Type *t, int64_t base, uint8_t *mask, int64_t *ptrdata)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_STRING: case TY_SLICE: case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC:
	case TY_UNSAFEPTR:
		mask[base / 64] |= 1 << ((base / 8) % 8);
		if (base + 8 > *ptrdata) *ptrdata = base + 8;
		return;
	case TY_INTERFACE:
		mask[base / 64] |= 1 << ((base / 8) % 8);
		mask[(base + 8) / 64] |= 1 << (((base + 8) / 8) % 8);
		if (base + 16 > *ptrdata) *ptrdata = base + 16;
		return;
	case TY_STRUCT:
		types_layout(u);
		for (int i = 0; i < u->nfields; i++) ptrmask(u->fields[i].type, base + u->fields[i].offset, mask, ptrdata);
		return;
	case TY_ARRAY: {
		int64_t esz = type_size(u->elem);
		if (!cg_has_pointers(u->elem)) return;
		for (int64_t i = 0; i < u->len; i++) ptrmask(u->elem, base + i * esz, mask, ptrdata);
		return;
	}
	default:
		return;
	}
}

/* kindDirectIface: the interface data word holds the value itself */
bool cg_direct_iface(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR: return true;
	case TY_STRUCT: return u->nfields == 1 && cg_direct_iface(u->fields[0].type);
	case TY_ARRAY: return u->len == 1 && cg_direct_iface(u->elem);
	default: return false;
	}
}

static uint32_t fnv(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

static bool exported(const char *s) { return s[0] >= 'A' && s[0] <= 'Z'; }

static LLVMValueRef comdat_global(CG *cg, const char *name, LLVMValueRef init)
{
	LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), name);
	LLVMSetInitializer(g, init);
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
	LLVMSetComdat(g, LLVMGetOrInsertComdat(cg->mod, name));
	return g;
}

static size_t put_uvarint(char *buf, size_t v)
{
	size_t k = 0;
	for (;; v >>= 7) {
		if (v < 0x80) {
			buf[k++] = (char)v;
			return k;
		}
		buf[k++] = (char)(0x80 | (v & 0x7f));
	}
}

/* a gc `name`: flag byte (1 exported, 2 tag follows, 8 embedded), uvarint
 * length, bytes, [uvarint tag length, tag bytes] */
static LLVMValueRef name_global_tag(CG *cg, const char *s, const char *tag, uint8_t flag)
{
	size_t n = strlen(s), tn = tag ? strlen(tag) : 0;
	if (tn) flag |= 2;
	char *buf = arena_alloc(&perm, n + tn + 32);
	size_t k = 0;
	buf[k++] = (char)flag;
	k += put_uvarint(buf + k, n);
	memcpy(buf + k, s, n);
	k += n;
	if (tn) {
		k += put_uvarint(buf + k, tn);
		memcpy(buf + k, tag, tn);
		k += tn;
	}
	char *gname = arena_alloc(&perm, n + tn + 16);
	snprintf(gname, n + tn + 16, "name:%c%s%s%s", '0' + flag, s, tn ? "\"" : "", tn ? tag : "");
	LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, gname);
	if (g) return g;
	return comdat_global(cg, gname, LLVMConstStringInContext(cg->ctx, buf, (unsigned)k, 1));
}

static LLVMValueRef name_global(CG *cg, const char *s, uint8_t flag) { return name_global_tag(cg, s, NULL, flag); }

/* ------------------------------------------------------------ method sets */

typedef struct MEnt {
	const char *name;
	Obj *m;                 /* the method (its receiver type is the declaring type) */
	int *path, npath;
	LLVMValueRef ifn, tfn;  /* filled lazily (tfn NULL: not emitted yet) */
} MEnt;

/* the method names of t's method set and the packages that declared them
 * (an unexported name is visible only from its own package) */
static void collect_names(Type *t, const char ***names, Package ***pkgs, int *n, int *cap, int depth)
{
	if (depth > 8) return;
	/* declared methods, or an embedded interface's method set */
	Type *mt = t->kind == TY_NAMED && type_under(t)->kind != TY_INTERFACE ? t : NULL;
	if (depth > 0 && type_under(t)->kind == TY_INTERFACE) mt = type_under(t);
	if (mt) {
		for (int i = 0; i < mt->nmethods; i++) {
			const char *nm = mt->methods[i]->name;
			Package *pk = mt->methods[i]->pkg;
			bool dup = false;
			for (int k = 0; k < *n; k++) dup |= (*names)[k] == nm && (exported(nm) || (*pkgs)[k] == pk);
			if (dup) continue;
			if (*n == *cap) {
				*cap = *cap * 2 + 8;
				const char **nn = arena_alloc(&perm, sizeof(char *) * *cap);
				Package **np = arena_alloc(&perm, sizeof(Package *) * *cap);
				if (*n) memcpy(nn, *names, sizeof(char *) * *n), memcpy(np, *pkgs, sizeof(Package *) * *n);
				*names = nn;
				*pkgs = np;
			}
			(*names)[*n] = nm;
			(*pkgs)[(*n)++] = pk;
		}
	}
	Type *u = type_under(t);
	if (u->kind != TY_STRUCT) return;
	for (int i = 0; i < u->nfields; i++) {
		if (!u->fields[i].embedded) continue;
		Type *ft = u->fields[i].type;
		if (type_under(ft)->kind == TY_POINTER) ft = type_under(ft)->elem;
		collect_names(ft, names, pkgs, n, cap, depth + 1);
	}
}

static int ment_cmp(const void *a, const void *b) { return strcmp(((const MEnt *)a)->name, ((const MEnt *)b)->name); }

/* the method set of concrete type t, sorted by name */
static int method_set(CG *cg, Type *t, MEnt **out)
{
	(void)cg;
	Type *base = t;
	bool isptr = t->kind != TY_NAMED && type_under(t)->kind == TY_POINTER;
	if (isptr) base = type_under(t)->elem;
	if (type_under(base)->kind == TY_INTERFACE || (isptr && base->kind != TY_NAMED && type_under(base)->kind != TY_STRUCT)) {
		*out = NULL;
		return 0;
	}
	const char **names = NULL;
	Package **pkgs = NULL;
	int nn = 0, cap = 0;
	collect_names(base, &names, &pkgs, &nn, &cap, 0);
	MEnt *ms = arena_alloc(&perm, sizeof(MEnt) * (nn + 1));
	int k = 0;
	for (int i = 0; i < nn; i++) {
		int *path, np;
		bool ind;
		/* every method, whichever package emits the descriptor (one comdat) */
		Obj *m = lookup_field_or_method(t, false, pkgs[i] ? pkgs[i] : cg->pkg, names[i], &path, &np, &ind);
		if (!m || m->kind != OBJ_FUNC) continue;
		if (cg->fieldtrack && m->decl && m->decl->kind == N_FUNCDECL && (m->decl->funcdecl.pragma & PRAGMA_NOINTERFACE))
			continue;   /* gc: not in any interface's method table */
		if (!m->type->recv) { /* promoted from an embedded interface field */
			if (!np) continue;
			ms[k++] = (MEnt){.name = names[i], .m = m, .path = path, .npath = np};
			continue;
		}
		Type *rt = m->type->recv->type;
		bool ptrrecv = rt->kind != TY_NAMED && type_under(rt)->kind == TY_POINTER;
		if (ptrrecv && !isptr) {
			/* in T's method set only through an embedded pointer holding the receiver */
			Type *c = base;
			bool lastptr = false;
			for (int j = 0; j < np; j++) {
				Type *su = type_under(c);
				c = su->fields[path[j]].type;
				lastptr = type_under(c)->kind == TY_POINTER;
				if (lastptr) c = type_under(c)->elem;
			}
			if (!lastptr) continue;
		}
		ms[k++] = (MEnt){.name = names[i], .m = m, .path = path, .npath = np};
	}
	qsort(ms, k, sizeof(MEnt), ment_cmp);
	*out = ms;
	return k;
}

/* func type of a method without its receiver */
static Type *method_functype(Type *sig)
{
	if (!sig->recv) return sig;
	Type *f = type_new(TY_FUNC);
	*f = *sig;
	f->recv = NULL;
	f->cg = NULL;
	return f;
}

/* ------------------------------------------------------------ descriptor builder */

typedef enum { IT_INT, IT_PTR, IT_REL, IT_SELFPTR } ItemKind;

typedef struct Item {
	ItemKind kind;
	int bytes;              /* IT_INT width */
	uint64_t v;             /* IT_INT value; IT_SELFPTR byte offset */
	LLVMValueRef target;    /* IT_PTR/IT_REL (NULL: null / 0) */
} Item;

typedef struct DB {
	CG *cg;
	bool vals;              /* false: layout pass (no targets computed) */
	Item *it;
	int n, cap;
	int64_t off;
} DB;

static void db_add(DB *d, Item it, int size)
{
	if (d->n == d->cap) {
		d->cap = d->cap * 2 + 32;
		Item *ni = arena_alloc(&perm, sizeof(Item) * d->cap);
		if (d->n) memcpy(ni, d->it, sizeof(Item) * d->n);
		d->it = ni;
	}
	d->it[d->n++] = it;
	d->off += size;
}
static void db_int(DB *d, int bytes, uint64_t v) { db_add(d, (Item){IT_INT, bytes, v, NULL}, bytes); }
static void db_ptr(DB *d, LLVMValueRef t) { db_add(d, (Item){IT_PTR, 8, 0, t}, 8); }
static void db_rel(DB *d, LLVMValueRef t) { db_add(d, (Item){IT_REL, 4, 0, t}, 4); }
static void db_selfptr(DB *d, int64_t off) { db_add(d, (Item){IT_SELFPTR, 8, (uint64_t)off, NULL}, 8); }
static void db_align(DB *d, int a)
{
	while (d->off % a) db_int(d, 1, 0);
}

#define TD(t) (d->vals ? cg_typedesc(d->cg, (t)) : NULL)

/* rest of the method table is filled by emit_methods */
static void build(DB *d, Type *t, const char *ts, MEnt *ms, int nm)
{
	CG *cg = d->cg;
	Type *u = type_under(t);
	int64_t size = type_size(t);
	int64_t ptrdata = 0;
	uint8_t *mask = arena_alloc(&perm, (size_t)((size + 7) / 8 + 8) / 8 + 1);
	ptrmask(t, 0, mask, &ptrdata);
	int nmask = (int)((ptrdata / 8 + 7) / 8);
	LLVMValueRef gcdata = NULL, equal = NULL, str = NULL;
	if (d->vals) {
		if (nmask > 0) {
			char *mname = arena_alloc(&perm, strlen(cg_typedesc_name(t)) + 10);
			sprintf(mname, "gcmask:%s", cg_typedesc_name(t) + 5);
			gcdata = LLVMGetNamedGlobal(cg->mod, mname);
			if (!gcdata) gcdata = comdat_global(cg, mname, LLVMConstStringInContext(cg->ctx, (const char *)mask, nmask, 1));
		}
		str = name_global(cg, ts, 0);
	}
	bool hasunc = nm > 0 || t->kind == TY_NAMED || t->kind == TY_UNSAFEPTR;
	uint8_t tflag = (hasunc ? 1 : 0) | (t->kind == TY_NAMED || (t->kind >= TY_BOOL && t->kind <= TY_UNSAFEPTR) ? 4 : 0);
	uint8_t kind = kind_of(t) | (cg_direct_iface(t) ? GO_KIND_DIRECT_IFACE : 0);
	db_int(d, 8, size);
	db_int(d, 8, ptrdata);
	db_int(d, 4, fnv(ts));
	db_int(d, 1, tflag);
	db_int(d, 1, type_align(t));
	db_int(d, 1, type_align(t));
	db_int(d, 1, kind);
	if (d->vals && type_is_comparable(t)) {
		char *ename = arena_alloc(&perm, strlen(cg_typedesc_name(t)) + 10);
		sprintf(ename, "equal:%s", cg_typedesc_name(t) + 5);
		equal = LLVMGetNamedGlobal(cg->mod, ename);
		if (!equal) {
			LLVMValueRef fn = cg_rt_fn(cg, "runtime.golcequal", cg->vd, NULL, 0, true);
			LLVMValueRef two[2] = {fn, LLVMGetNamedGlobal(cg->mod, cg_typedesc_name(t))};
			equal = comdat_global(cg, ename, LLVMConstStructInContext(cg->ctx, two, 2, 0));
		}
	}
	db_ptr(d, equal);
	db_ptr(d, gcdata);
	db_rel(d, str);
	/* ptrToThis: *T for named types with methods, so that reflect's
	 * PointerTo(T) finds *T's method table (gc emits *T for them too) */
	Type *tu = type_under(t);
	bool ptrto = t->kind == TY_NAMED && tu->kind != TY_INTERFACE && tu->kind != TY_POINTER &&
	             t->nmethods > 0 && !t->ntargs;
	db_rel(d, ptrto ? TD(type_pointer(t)) : NULL);
	/* kind extension */
	int64_t arrpos = -1;    /* position of the trailing array (func in/out, imethods, fields) */
	int narr = 0;
	switch (u->kind) {
	case TY_POINTER: case TY_SLICE:
		db_ptr(d, TD(u->elem));
		break;
	case TY_ARRAY:
		db_ptr(d, TD(u->elem));
		db_ptr(d, TD(type_slice(u->elem)));
		db_int(d, 8, u->len);
		break;
	case TY_CHAN:
		db_ptr(d, TD(u->elem));
		db_int(d, 8, u->dir == CHAN_RECV ? 1 : u->dir == CHAN_SEND ? 2 : 3);
		break;
	case TY_MAP:
		db_ptr(d, TD(u->key));
		db_ptr(d, TD(u->elem));
		db_ptr(d, d->vals ? cg_mapdesc(d->cg, NULL, t) : NULL); /* gc: bucket; golc: the GoMapDesc (reflect) */
		db_ptr(d, NULL);
		db_int(d, 8, 0);
		break;
	case TY_FUNC:
		db_int(d, 2, u->nfields);
		db_int(d, 2, u->nresults | (u->variadic ? 0x8000 : 0));
		db_int(d, 4, 0);
		narr = u->nfields + u->nresults;
		break;
	case TY_INTERFACE:
		db_ptr(d, NULL); /* pkgPath */
		db_selfptr(d, 0); /* patched below */
		db_int(d, 8, u->nmethods);
		db_int(d, 8, u->nmethods);
		narr = u->nmethods;
		break;
	case TY_STRUCT: {
		/* pkgPath: the package of the unexported field names (reflect's
		 * StructField.PkgPath) */
		const char *pp = NULL;
		for (int i = 0; i < u->nfields && !pp; i++)
			if (!exported(u->fields[i].name) && u->fields[i].obj && u->fields[i].obj->pkg)
				pp = u->fields[i].obj->pkg->path;
		db_ptr(d, d->vals && pp ? name_global(cg, pp, 0) : NULL);
		db_selfptr(d, 0);
		db_int(d, 8, u->nfields);
		db_int(d, 8, u->nfields);
		narr = u->nfields;
		break;
	}
	default:
		break;
	}
	int selfitem = -1;
	for (int i = 0; i < d->n; i++)
		if (d->it[i].kind == IT_SELFPTR) selfitem = i;
	if (hasunc) {
		int64_t uncpos = d->off;
		int nx = 0;
		for (int i = 0; i < nm; i++) nx += exported(ms[i].name);
		/* the type's own package (not the one emitting the comdat) */
		const char *pp = t->kind == TY_UNSAFEPTR ? "unsafe"
		                 : t->kind == TY_NAMED && t->obj && t->obj->pkg ? t->obj->pkg->path : NULL;
		db_rel(d, d->vals && pp ? name_global(cg, pp, 0) : NULL);
		db_int(d, 2, nm);
		db_int(d, 2, nx);
		db_int(d, 4, 0); /* moff: patched */
		db_int(d, 4, 0);
		/* func types: in/out come right after the uncommon type */
		if (u->kind == TY_FUNC) {
			arrpos = d->off;
			for (int i = 0; i < u->nfields; i++) db_ptr(d, TD(u->fields[i].type));
			for (int i = 0; i < u->nresults; i++) db_ptr(d, TD(u->results[i].type));
			narr = 0;
		}
		int64_t moff = d->off - uncpos;
		d->it[d->n - 2 - (u->kind == TY_FUNC ? u->nfields + u->nresults : 0)].v = (uint64_t)moff;
		for (int i = 0; i < nm; i++) {
			db_rel(d, d->vals ? name_global(cg, ms[i].name, exported(ms[i].name) ? 1 : 0) : NULL);
			db_rel(d, TD(method_functype(ms[i].m->type)));
			db_rel(d, d->vals ? ms[i].ifn : NULL);
			db_rel(d, d->vals ? ms[i].tfn : NULL);
		}
	}
	if (narr) {
		if (u->kind == TY_FUNC) {
			for (int i = 0; i < u->nfields; i++) db_ptr(d, TD(u->fields[i].type));
			for (int i = 0; i < u->nresults; i++) db_ptr(d, TD(u->results[i].type));
		} else if (u->kind == TY_INTERFACE) {
			db_align(d, 8);
			arrpos = d->off;
			for (int i = 0; i < u->nmethods; i++) {
				Obj *m = u->methods[i];
				db_rel(d, d->vals ? name_global(cg, m->name, exported(m->name) ? 1 : 0) : NULL);
				db_rel(d, TD(method_functype(m->type)));
			}
		} else if (u->kind == TY_STRUCT) {
			db_align(d, 8);
			arrpos = d->off;
			types_layout(u);
			for (int i = 0; i < u->nfields; i++) {
				Field *f = &u->fields[i];
				uint8_t fl = (exported(f->name) ? 1 : 0) | (f->embedded ? 8 : 0);
				db_ptr(d, d->vals ? name_global_tag(cg, f->name, f->tag, fl) : NULL);
				db_ptr(d, TD(f->type));
				db_int(d, 8, f->offset);
			}
		}
	}
	if (selfitem >= 0) d->it[selfitem].v = (uint64_t)arrpos;
}

const char *cg_typedesc_name(Type *t)
{
	if (t->kind >= TY_BOOL && t->kind <= TY_UNSAFEPTR) t = types_basic[t->kind];
	linkname = true;
	const char *ts = cg_type_gcstring(t);
	linkname = false;
	char *name = arena_alloc(&perm, strlen(ts) + 8);
	sprintf(name, "type:%s", ts);
	return name;
}

/* pending ifn wrappers (emitted by cg_typedesc_finish) */
typedef struct Wrap {
	Type *t;
	MEnt e;
	LLVMValueRef fn;
} Wrap;
static Wrap *wraps;
static int nwraps, capwraps;

static LLVMValueRef method_ifn(CG *cg, Type *t, MEnt *e);

LLVMValueRef cg_typedesc(CG *cg, Type *t)
{
	if (t->kind >= TY_BOOL && t->kind <= TY_UNSAFEPTR) t = types_basic[t->kind]; /* byte is uint8 */
	const char *name = cg_typedesc_name(t);
	LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
	if (g) return g;
	const char *ts = cg_type_gcstring(t);
	MEnt *ms = NULL;
	int nm = type_under(t)->kind == TY_INTERFACE ? 0 : method_set(cg, t, &ms);
	/* layout pass */
	DB d = {.cg = cg};
	build(&d, t, ts, ms, nm);
	LLVMTypeRef *tys = arena_alloc(&perm, sizeof(LLVMTypeRef) * (d.n + 1));
	for (int i = 0; i < d.n; i++) {
		Item *it = &d.it[i];
		tys[i] = it->kind == IT_INT ? LLVMIntTypeInContext(cg->ctx, it->bytes * 8) : it->kind == IT_REL ? cg->i32 : cg->ptr;
	}
	LLVMTypeRef st = LLVMStructTypeInContext(cg->ctx, tys, d.n, 1);
	g = LLVMAddGlobal(cg->mod, st, name);
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMLinkOnceODRLinkage);
	LLVMSetComdat(g, LLVMGetOrInsertComdat(cg->mod, name));
	LLVMSetAlignment(g, 8);
	/* values pass (may recurse into other descriptors: g is registered) */
	for (int i = 0; i < nm; i++) {
		ms[i].ifn = method_ifn(cg, t, &ms[i]);
		/* tfn takes the receiver as a t value: the method itself when its
		 * receiver type is t, the ifn wrapper for T's methods in *T's table */
		Field *r = ms[i].m->type->recv;
		bool isptr = t->kind != TY_NAMED && type_under(t)->kind == TY_POINTER;
		if (r && !ms[i].npath) {
			bool ptrrecv = r->type->kind != TY_NAMED && type_under(r->type)->kind == TY_POINTER;
			ms[i].tfn = ptrrecv == isptr ? cg_func_decl(cg, ms[i].m) : isptr ? ms[i].ifn : NULL;
		}
	}
	DB v = {.cg = cg, .vals = true};
	build(&v, t, ts, ms, nm);
	LLVMValueRef *vals = arena_alloc(&perm, sizeof(LLVMValueRef) * (v.n + 1));
	LLVMValueRef base = LLVMConstPtrToInt(g, cg->i64);
	for (int i = 0; i < v.n; i++) {
		Item *it = &v.it[i];
		switch (it->kind) {
		case IT_INT: vals[i] = LLVMConstInt(tys[i], it->v, 0); break;
		case IT_PTR: vals[i] = it->target ? it->target : LLVMConstPointerNull(cg->ptr); break;
		case IT_SELFPTR: {
			LLVMValueRef off = LLVMConstInt(cg->i64, it->v, 0);
			vals[i] = LLVMConstGEP2(cg->i8, g, &off, 1);
			break;
		}
		case IT_REL:
			if (!it->target) vals[i] = LLVMConstInt(cg->i32, 0, 0);
			else vals[i] = LLVMConstTrunc(LLVMConstSub(LLVMConstPtrToInt(it->target, cg->i64), base), cg->i32);
			break;
		}
	}
	LLVMSetInitializer(g, LLVMConstStructInContext(cg->ctx, vals, v.n, 1));
	/* reflect.typelinks: unnamed composite types, so that PtrTo, SliceOf,
	 * FuncOf, MapOf, ... find the program's own descriptor for a type (type
	 * identity is descriptor identity); one entry per comdat */
	switch (t->kind) {
	case TY_POINTER: case TY_ARRAY: case TY_CHAN: case TY_FUNC: case TY_MAP: case TY_SLICE: case TY_STRUCT: {
		char *ln = arena_alloc(&perm, strlen(name) + 16);
		sprintf(ln, "typelink:%s", name + 5);
		LLVMValueRef l = LLVMAddGlobal(cg->mod, cg->ptr, ln);
		LLVMSetInitializer(l, g);
		LLVMSetGlobalConstant(l, 1);
		LLVMSetLinkage(l, LLVMLinkOnceODRLinkage);
		LLVMSetComdat(l, LLVMGetComdat(g));
		LLVMSetSection(l, "golc_typelinks");
		LLVMSetAlignment(l, 8);
		cg_keep(cg, l);
		break;
	}
	default:
		break;
	}
	return g;
}

/* ------------------------------------------------------------ ifn and itabs */

/* the wrapper's signature: the method's with the receiver as one data word */
static Type *ifn_sig(Type *msig)
{
	Type *f = type_new(TY_FUNC);
	*f = *msig;
	Field *r = arena_alloc(&perm, sizeof(Field));
	r->type = types_basic[TY_UNSAFEPTR];
	f->recv = r;
	f->cg = NULL;
	return f;
}

static LLVMValueRef method_ifn(CG *cg, Type *t, MEnt *e)
{
	Obj *m = e->m;
	Type *rt = m->type->recv ? m->type->recv->type : NULL;
	bool ptrrecv = rt && rt->kind != TY_NAMED && type_under(rt)->kind == TY_POINTER;
	bool isptr = t->kind != TY_NAMED && type_under(t)->kind == TY_POINTER;
	/* the receiver is the data word itself */
	if (e->npath == 0 && ((isptr && ptrrecv) || (!ptrrecv && !isptr && cg_direct_iface(t) && cg_nscalars(cg, t) == 1 &&
	                                              type_under(t)->kind != TY_STRUCT && type_under(t)->kind != TY_ARRAY)))
		return cg_func_decl(cg, m);
	const char *tl = cg_typedesc_name(t) + 5;
	char *name = arena_alloc(&perm, strlen(tl) + strlen(e->name) + 16);
	sprintf(name, "golc.ifn.%s.%s", tl, e->name);
	LLVMValueRef f = LLVMGetNamedFunction(cg->mod, name);
	if (f) return f;
	f = LLVMAddFunction(cg->mod, name, cg_fntype(cg, ifn_sig(m->type), false));
	LLVMSetLinkage(f, LLVMInternalLinkage);
	if (nwraps == capwraps) {
		capwraps = capwraps * 2 + 16;
		Wrap *nw = malloc(sizeof(Wrap) * capwraps);
		if (nwraps) memcpy(nw, wraps, sizeof(Wrap) * nwraps);
		free(wraps);
		wraps = nw;
	}
	wraps[nwraps++] = (Wrap){t, *e, f};
	return f;
}

static void emit_wrapper(CG *cg, Wrap *w)
{
	Obj *m = w->e.m;
	Type *t = w->t;
	Type *rt = m->type->recv ? m->type->recv->type : NULL; /* NULL: promoted from an interface */
	bool ptrrecv = rt && rt->kind != TY_NAMED && type_under(rt)->kind == TY_POINTER;
	bool isptr = t->kind != TY_NAMED && type_under(t)->kind == TY_POINTER;
	char gname[600];
	if (isptr) snprintf(gname, sizeof gname, "%s.%s", cg_type_gcstring(t), w->e.name);
	else snprintf(gname, sizeof gname, "%s.(*%s).%s", t->kind == TY_NAMED && t->obj->pkg ? t->obj->pkg->name : "main",
	                t->kind == TY_NAMED ? t->obj->name : "?", w->e.name);
	Fn f = {.obj = NULL, .sig = m->type, .fn = w->fn, .fnty = LLVMGlobalGetValueType(w->fn)};
	f.rec = cg_func_rec(cg, arena_strndup(&perm, gname, strlen(gname)), LLVMGetValueName(w->fn), m->pos, GO_FUNC_WRAPPER);
	cg->funcs[f.rec].rsig = cg_func_value_sig(ifn_sig(m->type));
	cg->fn = &f;
	cg_func_begin(cg, &f, m->pos);
	bool sret = cg_sret(cg, m->type);
	unsigned k = sret ? 1 : 0;
	LLVMValueRef data = LLVMGetParam(w->fn, k++);
	/* the receiver */
	Val recv;
	Type *itype = NULL;
	if (cg_direct_iface(t) && !isptr && !w->e.npath && !ptrrecv) {
		recv = cg_mkval(cg, 1, rt);
		recv.v[0] = data;
	} else {
		Type *c = isptr ? type_under(t)->elem : t;
		LLVMValueRef addr = data;
		if (cg_direct_iface(t) && !isptr) {
			/* struct{*T} / [1]*T held in the data word: walk from a copy */
			addr = cg_new(cg, t);
			Val v = cg_mkval(cg, 1, t);
			v.v[0] = data;
			cg_store(cg, addr, v);
		}
		if (isptr) cg_nilcheck(cg, addr, m->pos);
		for (int i = 0; i < w->e.npath; i++) {
			Type *su = type_under(c);
			types_layout(su);
			Field *fl = &su->fields[w->e.path[i]];
			addr = cg_addr_off(cg, addr, fl->offset);
			c = fl->type;
			if (type_under(c)->kind == TY_POINTER) {
				addr = cg_load(cg, addr, c).v[0];
				/* a pointer method gets a nil embedded pointer as its receiver */
				if (!(ptrrecv && i + 1 == w->e.npath)) cg_nilcheck(cg, addr, m->pos);
				c = type_under(c)->elem;
			}
		}
		if (!rt) {
			itype = c;
			recv = cg_load(cg, addr, c);
		} else if (ptrrecv) recv = cg_val1(cg, addr, rt);
		else recv = cg_load(cg, addr, rt);
	}
	/* forward (through the embedded interface's itab: its data word) */
	LLVMValueRef callee;
	LLVMTypeRef cty;
	if (itype) {
		callee = cg_iface_method_fn(cg, recv, itype, m, m->pos);
		cty = LLVMGlobalGetValueType(w->fn);
		recv = cg_extract(cg, recv, 1, 1, types_basic[TY_UNSAFEPTR]);
	} else {
		callee = cg_func_decl(cg, m);
		cty = LLVMGlobalGetValueType(callee);
	}
	unsigned nparams = LLVMCountParams(w->fn);
	int nargs = (int)(nparams - 1 + recv.n);
	LLVMValueRef *args = arena_alloc(cg->fnarena, sizeof(LLVMValueRef) * (nargs + 1));
	int a = 0;
	if (sret) args[a++] = LLVMGetParam(w->fn, 0);
	for (int i = 0; i < recv.n; i++) args[a++] = recv.v[i];
	for (unsigned i = k; i < nparams; i++) args[a++] = LLVMGetParam(w->fn, i);
	LLVMValueRef r = cg_call(cg, cty, callee, args, a, m->pos);
	if (LLVMGetTypeKind(LLVMGetReturnType(cty)) == LLVMVoidTypeKind) LLVMBuildRetVoid(cg->b);
	else LLVMBuildRet(cg->b, r);
	LLVMPositionBuilderAtEnd(cg->b, f.entry);
	LLVMBuildBr(cg->b, f.body);
	cg->fn = NULL;
}

/* emit the pending wrappers (after all functions; wrappers may add more) */
void cg_typedesc_finish(CG *cg)
{
	for (int i = 0; i < nwraps; i++) {
		Wrap w = wraps[i];
		emit_wrapper(cg, &w);
		arena_reset(cg->fnarena);
	}
	nwraps = 0;
}

/* ------------------------------------------------------------ signatures for reflect */

/* a method's signature as a function's (receiver first): the ABI0 frame
 * reflect.call builds for a method or its ifn starts with the receiver */
Type *cg_func_value_sig(Type *sig)
{
	if (!sig->recv) return sig;
	Type *f = type_new(TY_FUNC);
	*f = *sig;
	f->recv = NULL;
	f->cg = NULL;
	f->nfields = sig->nfields + 1;
	f->fields = arena_alloc(&perm, sizeof(Field) * f->nfields);
	f->fields[0] = *sig->recv;
	memcpy(f->fields + 1, sig->fields, sizeof(Field) * sig->nfields);
	return f;
}

static bool address_taken(LLVMValueRef fn)
{
	for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u);
		if (!LLVMIsACallInst(user) || LLVMGetCalledValue(user) != fn) return true;
	}
	return false;
}

/* GoFuncInfo.ftype: reflect.call is given only a code pointer, so every
 * function whose address is taken (func values, closures, method tables,
 * wrappers) names the descriptor of the signature it is called by. New
 * descriptors bring method tables (more address-taken functions) and ifn
 * wrappers (more functions): repeat until nothing changes. */
void cg_reflect_sigs(CG *cg)
{
	for (bool changed = true; changed;) {
		changed = false;
		for (int i = 0; i < cg->nfuncs; i++) {
			FuncRec *r = &cg->funcs[i];
			if (!r->rsig || r->ftype) continue;
			LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, r->llname);
			if (!fn || !address_taken(fn)) continue;
			LLVMValueRef d = cg_typedesc(cg, r->rsig);
			cg->funcs[i].ftype = d;     /* cg->funcs may have moved */
			changed = true;
		}
		if (nwraps) {
			cg_typedesc_finish(cg);
			changed = true;
		}
	}
	/* the function table refers to them only after the passes, which would
	 * drop unused linkonce descriptors */
	for (int i = 0; i < cg->nfuncs; i++)
		if (cg->funcs[i].ftype) cg_keep(cg, cg->funcs[i].ftype);
}

void cg_keep(CG *cg, LLVMValueRef g)
{
	for (int k = 0; k < cg->nkeep; k++)
		if (cg->keep[k] == g) return;
	if (cg->nkeep == cg->capkeep) {
		cg->capkeep = cg->capkeep ? 2 * cg->capkeep : 64;
		cg->keep = realloc(cg->keep, sizeof(LLVMValueRef) * cg->capkeep);
	}
	cg->keep[cg->nkeep++] = g;
}

/* llvm.compiler.used: everything cg_keep collected (before the passes) */
void cg_emit_kept(CG *cg)
{
	if (!cg->nkeep) return;
	LLVMValueRef used = LLVMAddGlobal(cg->mod, LLVMArrayType2(cg->ptr, cg->nkeep), "llvm.compiler.used");
	LLVMSetInitializer(used, LLVMConstArray2(cg->ptr, cg->keep, cg->nkeep));
	LLVMSetLinkage(used, LLVMAppendingLinkage);
	LLVMSetSection(used, "llvm.metadata");
}

/* itab of concrete type t for non-empty interface it (static conversion) */
LLVMValueRef cg_itab(CG *cg, Type *t, Type *it)
{
	const char *ts = cg_typedesc_name(t) + 5, *is = cg_typedesc_name(it) + 5;
	char *name = arena_alloc(&perm, strlen(ts) + strlen(is) + 8);
	sprintf(name, "itab:%s,%s", ts, is);
	LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
	if (g) return g;
	Type *iu = type_under(it);
	MEnt *ms;
	int nm = method_set(cg, t, &ms);
	int n = iu->nmethods;
	LLVMValueRef *fun = arena_alloc(&perm, sizeof(LLVMValueRef) * (n + 1));
	for (int i = 0; i < n; i++) {
		fun[i] = NULL;
		for (int k = 0; k < nm; k++)
			if (ms[k].name == iu->methods[i]->name) fun[i] = method_ifn(cg, t, &ms[k]);
		if (!fun[i]) cg_unsupported(cg, NULL, "this interface conversion (method through an embedded interface)");
	}
	LLVMValueRef td = cg_typedesc(cg, t);
	LLVMValueRef vals[5] = {
		cg_typedesc(cg, it), td, LLVMConstInt(cg->i32, fnv(cg_type_gcstring(t)), 0), LLVMConstInt(cg->i32, 0, 0),
		LLVMConstArray2(cg->ptr, fun, n),
	};
	return comdat_global(cg, name, LLVMConstStructInContext(cg->ctx, vals, 5, 0));
}
