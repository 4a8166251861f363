/*
 * ast.h: the typed syntax tree, the one frontend header codegen sees.
 *
 * The parser builds Nodes (syntax only); the checker fills in the semantic
 * annotations (Node.tv, Node.obj, Node.sel, ...) and the Type/Obj graph.
 * Everything lives in the compilation's permanent arena and is never freed.
 *
 * Layout: one Node struct with a kind and a union of per-kind payloads
 * (n->call.fun, n->binary.x). Lists are arena arrays (NodeList).
 */
#ifndef AST_H
#define AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Node Node;
typedef struct Type Type;
typedef struct Obj Obj;
typedef struct Scope Scope;
typedef struct Const Const;
typedef struct Package Package;
typedef struct Selection Selection;
typedef struct SrcFile SrcFile;

/* ------------------------------------------------------------ positions */
/* file indexes the global source-file table (srcfile_get); line/col are
 * 1-based, columns count bytes like gc's. A zero Pos means "no position".
 * After a //line directive, file is a SrcFile named by the directive and
 * col may be 0 (unknown column; printed as "file:line: msg"). */
typedef struct Pos {
	int32_t file;
	int32_t line;
	int32_t col;
} Pos;

struct SrcFile {
	const char *path;       /* as given on the command line / found on disk */
	const char *abspath;    /* absolute, for tracebacks and debug info */
	const char *src;        /* contents, NUL-terminated */
	size_t len;
};

SrcFile *srcfile_get(int32_t file);
int32_t srcfile_add(const char *path, const char *src, size_t len);

typedef struct NodeList {
	Node **v;
	int n;
} NodeList;

/* ------------------------------------------------------------ operators */
typedef enum Op {
	OP_NONE,
	/* binary arithmetic (also the op of `x op= y`) */
	OP_ADD,     // +
	OP_SUB,     // -
	OP_MUL,     // *
	OP_QUO,     // /
	OP_REM,     // %
	OP_AND,     // &
	OP_OR,      // |
	OP_XOR,     // ^
	OP_SHL,     // <<
	OP_SHR,     // >>
	OP_ANDNOT,  // &^
	/* logical and comparison */
	OP_LAND,    // &&
	OP_LOR,     // ||
	OP_EQL,     // ==
	OP_NEQ,     // !=
	OP_LSS,     // <
	OP_LEQ,     // <=
	OP_GTR,     // >
	OP_GEQ,     // >=
	/* unary only */
	OP_NOT,     // !
	OP_ARROW,   // <- (receive)
	OP_TILDE,   // ~ (constraint term)
	/* assignment forms (N_ASSIGN.op besides the arithmetic ones) */
	OP_DEFINE,  // :=
	OP_ASSIGN,  // =
} Op;

/* literal kinds of N_BASICLIT */
typedef enum LitKind {
	LIT_INT,
	LIT_FLOAT,
	LIT_IMAG,
	LIT_RUNE,
	LIT_STRING,
} LitKind;

/* branch statements */
typedef enum BranchKind {
	BR_BREAK,
	BR_CONTINUE,
	BR_GOTO,
	BR_FALLTHROUGH,
} BranchKind;

/* declaration keyword of N_GENDECL */
typedef enum DeclKind {
	DECL_IMPORT,
	DECL_CONST,
	DECL_TYPE,
	DECL_VAR,
} DeclKind;

/* channel direction (N_CHANTYPE, TY_CHAN) */
typedef enum ChanDir {
	CHAN_BOTH,
	CHAN_SEND,  // chan<- T
	CHAN_RECV,  // <-chan T
} ChanDir;

/* //go: directives on a function declaration (FuncDecl.pragma bits) */
enum {
	PRAGMA_NOINLINE = 1 << 0,
	PRAGMA_NOSPLIT = 1 << 1,
	PRAGMA_NOESCAPE = 1 << 2,
	PRAGMA_NORACE = 1 << 3,
	PRAGMA_NOCHECKPTR = 1 << 4,
	PRAGMA_LINKNAME = 1 << 5,   /* FuncDecl.linkname holds the target */
	PRAGMA_UINTPTRESCAPES = 1 << 6,
	PRAGMA_REGISTERPARAMS = 1 << 7,
	PRAGMA_SYSTEMSTACK = 1 << 8,
	PRAGMA_NOWRITEBARRIER = 1 << 9,
	PRAGMA_NOINTERFACE = 1 << 10,   /* honored under GOEXPERIMENT=fieldtrack (codegen) */
};

/* ------------------------------------------------------------ node kinds */
typedef enum NodeKind {
	N_BAD,
	/* expressions */
	N_IDENT,          // ident: name
	N_BASICLIT,       // lit: 42, 1.5, 2i, 'a', "s", `raw`
	N_COMPOSITELIT,   // complit: T{elts}; type may be NULL inside another literal
	N_FUNCLIT,        // funclit: func(params) results { body }
	N_PAREN,          // unary.x: (x)
	N_SELECTOR,       // selector: x.sel
	N_INDEX,          // index: x[i] or generic instantiation x[T1, T2]
	N_SLICE,          // slice: x[lo:hi] / x[lo:hi:max]
	N_TYPEASSERT,     // typeassert: x.(T); type NULL for x.(type)
	N_CALL,           // call: fun(args) / fun(args...)
	N_STAR,           // unary.x: *x (dereference or pointer type)
	N_UNARY,          // unary: op x  (+ - ! ^ & <- ~)
	N_BINARY,         // binary: x op y (also the '|' of constraint unions)
	N_KEYVALUE,       // binary.x: binary.y inside composite literals (op OP_NONE)
	/* type expressions */
	N_ARRAYTYPE,      // arraytype: [len]elem, [...]elem (len = N_ELLIPSIS), []elem (len NULL)
	N_STRUCTTYPE,     // structtype: struct { fields }
	N_FUNCTYPE,       // functype: func[tparams](params) results
	N_INTERFACETYPE,  // ifacetype: interface { methods and embedded elements }
	N_MAPTYPE,        // maptype: map[key]value
	N_CHANTYPE,       // chantype: chan elem, chan<- elem, <-chan elem
	N_ELLIPSIS,       // ellipsis: ...elem (variadic parameter type) or [...] (elem NULL)
	N_FIELD,          // field: names type `tag` (params, results, struct fields, methods)
	/* statements */
	N_BADSTMT,
	N_DECLSTMT,       // declstmt: a N_GENDECL inside a function
	N_EMPTYSTMT,
	N_LABELED,        // labeled: label: stmt
	N_EXPRSTMT,       // exprstmt: x
	N_SENDSTMT,       // send: ch <- value
	N_INCDEC,         // incdec: x++ / x--
	N_ASSIGN,         // assign: lhs op rhs (op = OP_ASSIGN, OP_DEFINE, or arithmetic)
	N_GOSTMT,         // gostmt: go call
	N_DEFERSTMT,      // gostmt: defer call
	N_RETURN,         // ret: return results
	N_BRANCH,         // branch: break/continue/goto/fallthrough [label]
	N_BLOCK,          // block: { stmts }
	N_IF,             // ifstmt: if init; cond { then } else els
	N_CASECLAUSE,     // caseclause: case list: body (list.n == 0 && is_default for default)
	N_SWITCH,         // switchstmt: switch init; tag { clauses }
	N_TYPESWITCH,     // switchstmt: switch init; [x :=] y.(type) { clauses }; tag = assign/exprstmt
	N_COMMCLAUSE,     // commclause: case comm: body (comm NULL = default)
	N_SELECT,         // selectstmt: select { clauses }
	N_FOR,            // forstmt: for init; cond; post { body }
	N_RANGE,          // rangestmt: for key, value := range x { body }
	/* declarations */
	N_IMPORTSPEC,     // importspec: [name] "path"
	N_VALUESPEC,      // valuespec: names [type] [= values] (const and var)
	N_TYPESPEC,       // typespec: name [tparams] [=] type
	N_GENDECL,        // gendecl: import/const/type/var ( specs )
	N_FUNCDECL,       // funcdecl: func (recv) name[tparams](params) results { body }
	N_FILE,           // file: package name; imports; decls
	N_KIND_COUNT
} NodeKind;

/* ------------------------------------------------------ checker results */
/* What an expression denotes (set by the checker in Node.tv). */
typedef enum ExprMode {
	MODE_INVALID,   /* error already reported */
	MODE_NOVALUE,   /* call of a function without results */
	MODE_BUILTIN,   /* a builtin function name (Obj.builtin says which) */
	MODE_TYPE,      /* a type expression */
	MODE_CONST,     /* a constant (TypeAndValue.val) */
	MODE_VAR,       /* an addressable variable */
	MODE_MAPINDEX,  /* m[k]: assignable, not addressable */
	MODE_VALUE,     /* a computed value */
	MODE_COMMAOK,   /* a value that may also be used as v, ok */
} ExprMode;

typedef struct TypeAndValue {
	ExprMode mode;
	Type *type;     /* for untyped constants, the final (defaulted or converted) type */
	Const *val;     /* MODE_CONST only */
	Type **targs;   /* an expression denoting a generic function: its type arguments */
	int ntargs;     /* (fewer than the parameters while a call still infers the rest) */
} TypeAndValue;

/* ------------------------------------------------------------ the node */
struct Node {
	NodeKind kind;
	Pos pos;                 /* gc's (cmd/compile/internal/syntax) position: the operator
	                            of binary/unary expressions, the '(' of calls, the '.' of
	                            selectors, the '[' of index/slice expressions, the first
	                            token otherwise. Diagnostics use node_startpos(). */
	TypeAndValue tv;         /* checker: expressions and type expressions */
	union {
		struct { const char *name; Obj *obj; } ident;               /* name is interned */
		struct { LitKind kind; const char *raw; int len; } lit;      /* raw source text */
		struct { Node *type; NodeList elts; Pos lbrace, rbrace; } complit;
		struct { Node *type; Node *body; Obj *fn; } funclit;        /* type: N_FUNCTYPE */
		struct { Node *x; Node *sel; Selection *info; } selector;   /* sel: N_IDENT */
		struct { Node *x; NodeList index; Pos rbrack; } index;
		struct { Node *x; Node *lo, *hi, *max; bool slice3; Pos rbrack; } slice;
		struct { Node *x; Node *type; } typeassert;
		struct { Node *fun; NodeList args; bool dots; Pos lparen, rparen; } call;
		struct { Op op; Node *x; } unary;                          /* also N_PAREN, N_STAR */
		struct { Op op; Node *x, *y; } binary;                     /* also N_KEYVALUE */
		struct { Node *len; Node *elem; } arraytype;
		struct { NodeList fields; } structtype;                    /* N_FIELD list */
		struct { NodeList tparams, params, results; } functype;    /* N_FIELD lists */
		struct { NodeList elems; } ifacetype;   /* N_FIELD: methods have names and a
		                                           N_FUNCTYPE; embedded elements have no names */
		struct { Node *key, *value; } maptype;
		struct { ChanDir dir; Node *elem; } chantype;
		struct { Node *elem; } ellipsis;
		struct { NodeList names; Node *type; Node *tag; bool embedded; } field;
		/* statements */
		struct { Node *decl; } declstmt;
		struct { Node *label; Node *stmt; } labeled;               /* label: N_IDENT */
		struct { Node *x; } exprstmt;
		struct { Node *ch, *value; } send;
		struct { Node *x; bool inc; } incdec;
		struct { Op op; NodeList lhs, rhs; } assign;
		struct { Node *call; } gostmt;                             /* go and defer */
		struct { NodeList results; } ret;
		struct { BranchKind kind; Node *label; Node *target; } branch; /* target: checker */
		struct { NodeList stmts; Pos rbrace; } block;
		struct { Node *init; Node *cond; Node *then; Node *els; } ifstmt; /* els: N_IF or N_BLOCK */
		struct { NodeList list; NodeList body; bool is_default; Pos colon; Obj *tsvar; } caseclause;
		struct { Node *init; Node *tag; NodeList clauses; Pos lbrace, rbrace; Node *label; } switchstmt;
		struct { Node *comm; NodeList body; bool is_default; Pos colon; } commclause;
		struct { NodeList clauses; Pos rbrace; Node *label; } selectstmt;
		struct { Node *init; Node *cond; Node *post; Node *body; Node *label; } forstmt;
		struct { Node *key, *value; Op op; Node *x; Node *body; Node *label; } rangestmt; /* op: OP_DEFINE, OP_ASSIGN or OP_NONE */
		/* declarations */
		struct { Node *name; Node *path; Package *pkg; } importspec; /* name NULL, "_" or "." */
		struct { NodeList names; Node *type; NodeList values; int iota; Node *group_prev; } valuespec;
		/* group_prev: for const specs without values, the spec whose values repeat */
		struct { Node *name; NodeList tparams; bool alias; Node *type; } typespec;
		struct { DeclKind kind; NodeList specs; Pos lparen; } gendecl;
		struct {
			Node *recv;          /* N_FIELD or NULL */
			Node *name;          /* N_IDENT */
			Node *type;          /* N_FUNCTYPE (tparams for generic functions) */
			Node *body;          /* N_BLOCK, NULL for bodyless (assembly / runtime-provided) */
			uint32_t pragma;     /* PRAGMA_* */
			const char *linkname;/* //go:linkname localname target */
			Obj *fn;             /* checker */
		} funcdecl;
		struct {
			Node *pkgname;       /* N_IDENT */
			NodeList imports;    /* N_IMPORTSPEC (also present inside decls) */
			NodeList decls;      /* N_GENDECL and N_FUNCDECL */
			const char *gobuild; /* text after //go:build, or NULL */
			NodeList plusbuild;  /* unused: legacy // +build lines are in plusbuild_lines */
			const char **plusbuild_lines; int nplusbuild;
			NodeList linknames;  /* reserved */
			int32_t file;        /* SrcFile index */
		} file;
	};
};

/* ------------------------------------------------------------ types */
typedef enum TypeKind {
	TY_INVALID,
	/* basic types, in Go's reflect.Kind order */
	TY_BOOL,
	TY_INT, TY_INT8, TY_INT16, TY_INT32, TY_INT64,
	TY_UINT, TY_UINT8, TY_UINT16, TY_UINT32, TY_UINT64, TY_UINTPTR,
	TY_FLOAT32, TY_FLOAT64,
	TY_COMPLEX64, TY_COMPLEX128,
	TY_STRING,
	TY_UNSAFEPTR,
	/* untyped constant kinds */
	TY_UNTYPED_BOOL, TY_UNTYPED_INT, TY_UNTYPED_RUNE, TY_UNTYPED_FLOAT,
	TY_UNTYPED_COMPLEX, TY_UNTYPED_STRING, TY_UNTYPED_NIL,
	/* composite */
	TY_ARRAY,      // [len]elem
	TY_SLICE,      // []elem
	TY_STRUCT,     // fields
	TY_POINTER,    // *elem
	TY_FUNC,       // signature: params, results, variadic (recv for methods)
	TY_INTERFACE,  // methods (complete, sorted), embedded
	TY_MAP,        // map[key]elem
	TY_CHAN,       // chan elem, dir
	TY_NAMED,      // defined type: obj, underlying, methods
	TY_TYPEPARAM,  // type parameter: obj, constraint
	TY_TUPLE,      // multiple results of a call
	TY_UNION,      // constraint union t1 | ~t2 | ...: fields[i].type, fields[i].embedded = '~'
} TypeKind;

/* a struct field, parameter or result */
typedef struct Field {
	const char *name;       /* interned; NULL for unnamed params/results; "_" allowed */
	Type *type;
	Obj *obj;               /* the variable (params/results) or field object */
	const char *tag;        /* struct tag value (unquoted), or NULL */
	bool embedded;
	int64_t offset;         /* struct fields: byte offset (types_layout) */
	Pos pos;
} Field;

struct Type {
	TypeKind kind;
	Type *elem;             /* ARRAY, SLICE, POINTER, MAP (value), CHAN */
	Type *key;              /* MAP */
	int64_t len;            /* ARRAY (-1 while unknown) */
	ChanDir dir;            /* CHAN */
	Field *fields;          /* STRUCT fields; FUNC params; TUPLE elements */
	int nfields;
	Field *results;         /* FUNC results */
	int nresults;
	bool variadic;          /* FUNC: last param is ...T (its type is []T) */
	Field *recv;            /* FUNC: method receiver, or NULL */
	Obj **methods;          /* INTERFACE: full method set sorted by name; NAMED: declared methods */
	int nmethods;
	Type **embeds;          /* INTERFACE: embedded types and union terms (constraints) */
	int nembeds;
	bool complete;          /* INTERFACE: method set computed */
	Obj *obj;               /* NAMED, TYPEPARAM: the type name */
	Type *underlying;       /* NAMED: resolved underlying type (NULL while resolving) */
	Type *constraint;       /* TYPEPARAM */
	Type **targs;           /* NAMED instantiation: type arguments */
	int ntargs;
	Type *orig;             /* NAMED instantiation: the generic type */
	Type **tparams;         /* FUNC: type parameters of a generic function (TYPEPARAM types) */
	int ntparams;
	struct TypeSet *tset;   /* INTERFACE: type set, computed on demand (typeset.c) */
	bool is_comparable;     /* INTERFACE: is or embeds the predeclared comparable */
	bool implicit;          /* INTERFACE: a bare constraint ([T ~int]) wrapped as interface{~int} */
	int64_t size, align;    /* types_layout; -1 = not computed yet */
	uint32_t hash;          /* identity hash (types.c), for descriptor tables */
	void *cg;               /* codegen cache (LLVM types, descriptors) */
	bool cg_record;         /* STRUCT made by codegen (defer records, closure
	                         * environments): never held in memory as a whole */
};

/* ------------------------------------------------------------ constants */
typedef enum ConstKind {
	CONST_BOOL,
	CONST_STRING,
	CONST_INT,      /* exact integer (GMP mpz) */
	CONST_FLOAT,    /* exact rational when small (mpq), else 512-bit MPFR */
	CONST_COMPLEX,
} ConstKind;

/* Values are handled through const.c (frontend.h); codegen reads them with
 * const_int64 / const_uint64 / const_double / const_string. The storage is
 * opaque here so that ast.h does not pull in GMP. */
struct Const {
	ConstKind kind;
	bool b;                 /* CONST_BOOL */
	const char *s;          /* CONST_STRING bytes (not NUL-terminated semantics) */
	size_t slen;
	void *num;              /* const.c: mpz / mpq / mpfr storage */
	void *imag;             /* CONST_COMPLEX imaginary part */
};

int64_t const_int64(const Const *c);
uint64_t const_uint64(const Const *c);
double const_double(const Const *c);
void const_complex(const Const *c, double *re, double *im);

/* ------------------------------------------------------------ objects */
typedef enum ObjKind {
	OBJ_BAD,
	OBJ_PKGNAME,   // import name
	OBJ_CONST,
	OBJ_TYPE,
	OBJ_VAR,       // variable, parameter, result or struct field
	OBJ_FUNC,      // function or method
	OBJ_LABEL,
	OBJ_BUILTIN,
	OBJ_NIL,
} ObjKind;

typedef enum Builtin {
	BI_NONE,
	BI_APPEND, BI_CAP, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG,
	BI_LEN, BI_MAKE, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL,
	BI_RECOVER,
	/* package unsafe */
	BI_ALIGNOF, BI_OFFSETOF, BI_SIZEOF, BI_ADD, BI_SLICE,
	BI_COUNT
} Builtin;

struct Obj {
	ObjKind kind;
	const char *name;       /* interned */
	Pos pos;
	Type *type;
	Package *pkg;           /* NULL for universe objects */
	Node *decl;             /* declaring spec / funcdecl / field / assign */
	Scope *scope;           /* scope the object is declared in */
	Const *val;             /* OBJ_CONST */
	Builtin builtin;        /* OBJ_BUILTIN */
	Package *imported;      /* OBJ_PKGNAME */
	Obj *fn;                /* OBJ_VAR: enclosing function (NULL for globals) */
	bool used;              /* "declared but not used" / "imported and not used" */
	bool global;            /* package-level var/func */
	bool param;             /* parameter or result */
	bool field;             /* struct field */
	bool embedded;          /* embedded struct field */
	bool captured;          /* OBJ_VAR: referenced from a closure */
	bool addrtaken;         /* OBJ_VAR: &v, or method call needing &v */
	int color;              /* checker: 0 white, 1 grey (resolving), 2 black */
	Scope *filescope;       /* package-level objects: scope of the declaring file */
	int64_t iota;           /* OBJ_CONST: iota of its spec */
	Node *init;             /* OBJ_VAR/OBJ_CONST: initializer expression, if any */
	int initidx;            /* index of this name among the spec's names */
	void *cg;               /* codegen storage (locals, globals, functions) */
};

struct Scope {
	Scope *parent;
	Obj **objs;             /* hash table of objects by interned name */
	int cap, n;
	Node *node;             /* the block/func/file that opened it */
	bool is_func;           /* function scope boundary (closures) */
};

/* --------------------------------------------------- selections (x.f) */
typedef enum SelKind {
	SEL_PKG,        /* pkg.Name: the selector's ident.obj is the object */
	SEL_FIELD,      /* struct field, possibly promoted through embedded fields */
	SEL_METHOD,     /* method value or call x.m (concrete receiver) */
	SEL_IFACE,      /* interface method x.m */
	SEL_METHODEXPR, /* T.m / (*T).m */
} SelKind;

struct Selection {
	SelKind kind;
	Obj *obj;               /* field var or method func */
	Type *recv;             /* type of x */
	int *path;              /* field indices through embedded fields, last = obj's index */
	int npath;
	bool indirect;          /* a pointer was dereferenced along the path */
};

/* ------------------------------------------------------------ packages */
struct Package {
	const char *path;       /* import path, "main" for the main package */
	const char *name;       /* package clause name */
	Scope *scope;           /* package scope */
	Node **files;           /* N_FILE */
	int nfiles;
	Package **imports;      /* direct imports */
	int nimports;
	Obj **inits;            /* package-level vars in initialization order */
	int ninits;
	Node **initassigns;     /* the spec/assignment initializing each var group, in order */
	int ninitassigns;
	Obj **initfuncs;        /* func init() declarations, in source order */
	int ninitfuncs;
	Obj **funcs;            /* every function/method with a body, plus closures */
	int nfuncs;
	bool checked;
	bool is_unsafe;
	int8_t cg_needs_init;   /* codegen's memo: 0 unknown, 1 no, 2 yes */
};

/* standard types (universe.c); indexes are TypeKind for basic kinds */
extern Type *types_basic[TY_UNTYPED_NIL + 1];
extern Type *type_error;    /* the universe error interface (named) */

#endif
