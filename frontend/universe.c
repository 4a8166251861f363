/* universe.c: the universe scope (predeclared types, constants, nil,
 * builtin functions) and package unsafe. */
#include "frontend.h"

Scope *universe;
Obj *universe_iota;
Type *types_basic[TY_UNTYPED_NIL + 1];
Type *type_error;
Type *type_any;
Type *type_comparable;
static Package *unsafe_pkg;

static Obj *declare(Scope *s, ObjKind k, const char *name, Type *t, Package *pkg)
{
	Obj *o = obj_new(k, intern_cstr(name), (Pos){0}, pkg);
	o->type = t;
	scope_insert(s, o);
	return o;
}

static Type *named(const char *name, Type *under)
{
	Type *t = type_new(TY_NAMED);
	t->underlying = under;
	t->obj = declare(universe, OBJ_TYPE, name, t, NULL);
	return t;
}

static const struct { const char *name; Builtin b; } builtins[] = {
	{"append", BI_APPEND}, {"cap", BI_CAP}, {"close", BI_CLOSE}, {"complex", BI_COMPLEX},
	{"copy", BI_COPY}, {"delete", BI_DELETE}, {"imag", BI_IMAG}, {"len", BI_LEN},
	{"make", BI_MAKE}, {"new", BI_NEW}, {"panic", BI_PANIC}, {"print", BI_PRINT},
	{"println", BI_PRINTLN}, {"real", BI_REAL}, {"recover", BI_RECOVER},
};

static const struct { const char *name; Builtin b; } unsafe_builtins[] = {
	{"Alignof", BI_ALIGNOF}, {"Offsetof", BI_OFFSETOF}, {"Sizeof", BI_SIZEOF},
	{"Add", BI_ADD}, {"Slice", BI_SLICE},
};

void universe_init(void)
{
	if (universe) return;
	universe = scope_new(NULL, NULL);
	for (int k = TY_INVALID; k <= TY_UNTYPED_NIL; k++) types_basic[k] = type_new(k);
	static const char *names[] = {
		[TY_BOOL] = "bool", [TY_INT] = "int", [TY_INT8] = "int8", [TY_INT16] = "int16",
		[TY_INT32] = "int32", [TY_INT64] = "int64", [TY_UINT] = "uint", [TY_UINT8] = "uint8",
		[TY_UINT16] = "uint16", [TY_UINT32] = "uint32", [TY_UINT64] = "uint64",
		[TY_UINTPTR] = "uintptr", [TY_FLOAT32] = "float32", [TY_FLOAT64] = "float64",
		[TY_COMPLEX64] = "complex64", [TY_COMPLEX128] = "complex128", [TY_STRING] = "string",
	};
	for (int k = TY_BOOL; k <= TY_STRING; k++) declare(universe, OBJ_TYPE, names[k], types_basic[k], NULL);
	/* byte and rune are aliases of uint8 and int32: identical types (same
	 * kind), kept as distinct objects so diagnostics print the name used,
	 * as types2 does */
	Type *byte = type_new(TY_UINT8), *rune = type_new(TY_INT32);
	byte->obj = declare(universe, OBJ_TYPE, "byte", byte, NULL);
	rune->obj = declare(universe, OBJ_TYPE, "rune", rune, NULL);

	type_any = type_new(TY_INTERFACE);
	type_any->complete = true;
	declare(universe, OBJ_TYPE, "any", type_any, NULL);

	/* type error interface { Error() string } */
	Type *sig = type_new(TY_FUNC);
	sig->results = arena_alloc(&perm, sizeof(Field));
	sig->results[0].type = types_basic[TY_STRING];
	sig->nresults = 1;
	Type *iface = type_new(TY_INTERFACE);
	iface->methods = arena_alloc(&perm, sizeof(Obj *));
	iface->methods[0] = obj_new(OBJ_FUNC, intern_cstr("Error"), (Pos){0}, NULL);
	iface->methods[0]->type = sig;
	iface->nmethods = 1;
	iface->complete = true;
	type_error = named("error", iface);

	Type *cmp = type_new(TY_INTERFACE);
	cmp->complete = true;
	cmp->is_comparable = true;
	type_comparable = named("comparable", cmp);

	Obj *t = declare(universe, OBJ_CONST, "true", types_basic[TY_UNTYPED_BOOL], NULL);
	t->val = const_make_bool(true);
	Obj *f = declare(universe, OBJ_CONST, "false", types_basic[TY_UNTYPED_BOOL], NULL);
	f->val = const_make_bool(false);
	universe_iota = declare(universe, OBJ_CONST, "iota", types_basic[TY_UNTYPED_INT], NULL);
	universe_iota->val = const_make_int64(0);
	declare(universe, OBJ_NIL, "nil", types_basic[TY_UNTYPED_NIL], NULL);
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
		Obj *o = declare(universe, OBJ_BUILTIN, builtins[i].name, types_basic[TY_INVALID], NULL);
		o->builtin = builtins[i].b;
	}
}

/* the next universe_init builds a new universe (after perm is reset) */
void universe_reset(void)
{
	universe = NULL;
	universe_iota = NULL;
	type_error = type_any = type_comparable = NULL;
	for (int k = 0; k <= TY_UNTYPED_NIL; k++) types_basic[k] = NULL;
	unsafe_pkg = NULL;
}

Package *unsafe_package(void)
{
	if (unsafe_pkg) return unsafe_pkg;
	unsafe_pkg = arena_alloc(&perm, sizeof *unsafe_pkg);
	unsafe_pkg->path = intern_cstr("unsafe");
	unsafe_pkg->name = unsafe_pkg->path;
	unsafe_pkg->scope = scope_new(universe, NULL);
	unsafe_pkg->checked = true;
	unsafe_pkg->is_unsafe = true;
	declare(unsafe_pkg->scope, OBJ_TYPE, "Pointer", types_basic[TY_UNSAFEPTR], unsafe_pkg);
	for (size_t i = 0; i < sizeof unsafe_builtins / sizeof unsafe_builtins[0]; i++) {
		Obj *o = declare(unsafe_pkg->scope, OBJ_BUILTIN, unsafe_builtins[i].name, types_basic[TY_INVALID],
		                 unsafe_pkg);
		o->builtin = unsafe_builtins[i].b;
	}
	return unsafe_pkg;
}

/* the byte alias type (string indexing yields byte) */
Type *universe_byte(void)
{
	return scope_lookup_local(universe, intern_cstr("byte"))->type;
}
