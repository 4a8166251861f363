/*
 * frontend.h: the frontend's internal header (lexer, parser, checker).
 * Sections follow the .c file that implements them. Only ast.h leaves
 * frontend/.
 */
#ifndef FRONTEND_H
#define FRONTEND_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ast.h"

typedef struct Arena Arena;
typedef struct Lexer Lexer;
typedef struct Parser Parser;

/* arena.c */
struct Arena {
	struct ArenaChunk *head;    /* newest chunk first */
	char *cur, *end;            /* free space in head */
};
extern Arena perm;              /* AST, types, interned strings: never freed */
void *arena_alloc(Arena *a, size_t n);              /* zeroed, 16-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_reset(Arena *a);                         /* frees all but the first chunk */

/* bigstack.c */
int bigstack_run(int (*fn)(void *), void *arg);     /* fn(arg) on a 1 GB stack */

/* reset.c */
void frontend_reset(void);          /* back to the state before the first file (the fuzzer) */

/* strtab.c */
const char *intern(const char *s, size_t n);        /* equal strings, equal pointers */
const char *intern_cstr(const char *s);
void intern_reset(void);

/* srcfile.c */
int32_t srcfile_load(const char *path);             /* -1 with errno set on failure */
int32_t srcfile_count(void);
void srcfile_reset(void);

/* diag.c */
void diag_errorf(Pos pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_verrorf(Pos pos, const char *fmt, va_list ap);
const char *diag_posstr(Pos pos);   /* "file:line:col" as diagnostics print it (arena string) */
int diag_flush(void);               /* prints sorted errors to stderr; returns the count */
int diag_count(void);
void diag_note_soft(void);          /* the error just reported does not stop type checking */
void diag_note_soft_parse(void);    /* same, for a parser error (3-index slices) */
int diag_hard_count(void);          /* errors that stop the loader after parsing */
int diag_parse_count(void);         /* errors of the parser proper (not the noder's directive checks) */
int diag_syntax_count(void);        /* gc type-checks only if this is 0 (lexical errors don't stop it) */
void diag_set_all(bool all);        /* gc's -e: no "too many errors" cut-off */
void diag_reset(void);              /* drops the errors unprinted */

/* ast.c */
Node *ast_new(NodeKind kind, Pos pos);
void list_push(NodeList *l, Node *n);
Pos node_startpos(Node *n);         /* gc's syntax.StartPos: x of x+y, fun of f(), '[' of a slice */
Node *ast_unparen(Node *n);
const char *op_string(Op op);

/* ast_string.c */
const char *ast_string(Node *n);    /* gc's short form: x + y, f(a, b), T{…} */

/* unicode.c: is_unicode_* below */

/* lex.c */
typedef enum Token {
#define TOK(kind, str) kind,
#include "tokens.h"
#undef TOK
	T_COUNT
} Token;

/* operator precedences (Lexer.prec) */
enum {
	PREC_OROR = 1,
	PREC_ANDAND,
	PREC_CMP,
	PREC_ADD,
	PREC_MUL,
};

/* A //go: directive as the parser sees it (gc's pragmaPos): flag is its
 * PRAGMA_* / DIR_* bit, 0 for directives that are never misplaced. */
typedef struct LexDirective {
	Pos pos;                    /* the "go:" after the slashes */
	uint32_t flag;
	const char *verb;           /* "go:noinline" */
} LexDirective;

enum {
	DIR_NOTINHEAP = 1 << 20,    /* type declarations only */
	DIR_GOBUILD = 1 << 21,      /* before the package clause only */
	DIR_EMBED = 1 << 22,        /* package-level var declarations only */
	DIR_RUNTIME = PRAGMA_SYSTEMSTACK | PRAGMA_NOWRITEBARRIER | 1 << 23 | 1 << 24, /* + (yes|no)writebarrierrec */
};

struct Lexer {
	int32_t file;
	const char *src;            /* SrcFile.src, NUL-terminated */
	size_t len;
	/* reader */
	size_t r;                   /* offset just past ch */
	int32_t ch;                 /* current character, -1 at EOF */
	int chw;                    /* byte width of ch */
	int32_t line, col;          /* 1-based line and 0-based byte column of ch */
	size_t start;               /* token start offset */
	bool nlsemi;                /* a newline becomes a ';' */
	int32_t tline, tcol;        /* physical token start */
	/* the last //line directive (bfile 0: none) */
	int32_t bfile;              /* SrcFile named by the directive */
	int32_t bpline, bpcol;      /* physical position it applies from */
	int32_t bline, bcol;        /* line and column (0: unknown) there */
	/* current token */
	Token tok;
	Pos pos;                    /* token start (after //line directives) */
	const char *lit;            /* T_NAME: interned; T_LITERAL: raw text; T_SEMI: "semicolon", "newline", "EOF" */
	int litlen;
	LitKind kind;               /* T_LITERAL */
	bool bad;                   /* T_LITERAL had an error */
	Op op;                      /* T_OPERATOR, T_ASSIGNOP, T_INCOP, T_STAR */
	int prec;                   /* T_OPERATOR, T_STAR */
	/* directives */
	bool header;                /* before the package clause: collect build lines */
	bool quiet;                 /* report no errors (parse_header) */
	uint32_t pragma;            /* PRAGMA_* seen since the parser last took them */
	const char *gobuild;        /* //go:build expression */
	const char **plusbuild;     /* // +build lines (text after "+build") */
	int nplusbuild;
	const char **linknames;     /* pairs: local, target (target may be NULL) */
	int nlinknames;
	Pos *linknamepos;           /* one per pair: the directive */
	int32_t lasttokline;        /* physical line of the previous token */
	int ntoks;
	LexDirective *dirs;         /* //go: directives since the parser last took them */
	int ndirs, capdirs;
};

void lex_init(Lexer *l, int32_t file);
void lex_next(Lexer *l);
const char *tok_string(Token t);    /* the spelling: "(" "func" "name" */
bool is_unicode_letter(int32_t c);  /* unicode.IsLetter */
bool is_unicode_digit(int32_t c);   /* unicode.IsDigit */
bool is_unicode_print(int32_t c);   /* unicode.IsPrint */
int32_t utf8_decode_rune(const char *s, size_t n, int *w);  /* 0xFFFD, w = 1 for bad bytes */

/* parse_*.c */
struct Parser {
	Lexer lx;                   /* lx.tok is the current token */
	int fnest;                  /* function nesting (error recovery) */
	int xnest;                  /* expression nesting: < 0 in if/for/switch headers */
	int errcnt;                 /* errors reported while parsing this file */
	int starterrs;              /* diag_count() when parsing started */
	int nest;                   /* depth of the tree being built (parse_nest) */
	jmp_buf *bail;              /* parse_file's exit when nest passes its limit */
	Node *file;                 /* the file being parsed (its package name and imports) */
	LexDirective embed;         /* a //go:embed taken by the var spec being parsed */
	bool has_embed;
};

/* parse_decl.c: //go: directives between declarations (gc's noder checkUnused) */
void parse_clear_directives(Parser *p);
uint32_t parse_take_directives(Parser *p, uint32_t allowed);

Node *parse_file(int32_t file);     /* never NULL */
bool parse_header(int32_t file, const char **pkgname, const char **gobuild,
                  const char ***plusbuild, int *nplusbuild);

/* parse_expr.c: shared parser helpers and expressions */
void parse_next(Parser *p);
bool parse_got(Parser *p, Token t);
void parse_want(Parser *p, Token t);
bool parse_got_assign(Parser *p);
bool parse_is_op(Parser *p, Op op);
void parse_error_at(Parser *p, Pos pos, const char *msg);
void parse_syntax_error_at(Parser *p, Pos pos, const char *msg);
void parse_syntax_error(Parser *p, const char *msg);
void parse_advance(Parser *p, uint64_t followset);  /* 0: skip one token */
void parse_nest(Parser *p, int n);                  /* n levels deeper (< 0: back up) */
bool parse_list_sep(Parser *p, const char *context, Token sep, Token close);
const char *parse_tokstring(Token t);
Node *parse_name(Parser *p);
Node *parse_bad(Parser *p);
Node *parse_oliteral(Parser *p);
Node *parse_expr(Parser *p);
Node *parse_binary_expr(Parser *p, Node *x, int prec);
Node *parse_unary_expr(Parser *p);
Node *parse_pexpr(Parser *p, Node *x, bool keep_parens);
NodeList parse_expr_list(Parser *p);
NodeList parse_type_list(Parser *p, bool *comma);
Node *parse_complit(Parser *p);
NodeList parse_name_list(Parser *p, Node *first);
bool parse_is_type_elem(Node *x);

/* parse_type.c */
Node *parse_type(Parser *p);
Node *parse_type_or_nil(Parser *p);
Node *parse_qualified_name(Parser *p, Node *name);
Node *parse_func_type(Parser *p, const char *context);  /* after "func"; context != "": no tparams */
Node *parse_array_type(Parser *p, Pos lbrack, Node *len);
Node *parse_slice_type(Parser *p, Pos lbrack);
NodeList parse_param_list(Parser *p, Node *name, Node *typ, Token close,
                          bool require_names, int *count);
Node *parse_struct_type(Parser *p);
Node *parse_interface_type(Parser *p);

/* parse_stmt.c */
NodeList parse_stmt_list(Parser *p);
Node *parse_block(Parser *p, const char *context);
Node *parse_func_body(Parser *p);

/* parse_decl.c */
Node *parse_gendecl(Parser *p, DeclKind kind);     /* at the keyword */

/* ast_dump.c */
void ast_dump(Node *n, FILE *out);

/* ---- checker (lead) ---- */
/* const.c */
Const *const_make_bool(bool b);
Const *const_make_string(const char *s, size_t n);
Const *const_make_int64(int64_t v);
Const *const_from_lit(const Node *lit, bool *ok);
Const *const_to_float(const Const *c);
Const *const_to_complex(const Const *c);
Const *const_to_int(const Const *c);
bool const_is_int(const Const *c);
bool const_is_zero(const Const *c);
int const_sign(const Const *c);
Const *const_binop(Op op, const Const *x, const Const *y, bool intdiv);
Const *const_unop(Op op, const Const *x, int ubits);
Const *const_shift(Op op, const Const *x, uint64_t s);
bool const_compare(Op op, const Const *x, const Const *y);
bool const_representable(const Const *c, TypeKind k, Const **out);
size_t const_bitlen(const Const *c);
const char *const_string(const Const *c);
char *const_unquote(const char *raw, int len, size_t *outlen);
void const_reset(void);
size_t utf8_encode_rune(char *out, uint32_t r);
float const_float32(const Const *c);

/* scope.c */
Scope *scope_new(Scope *parent, Node *node);
Obj *scope_lookup_local(Scope *s, const char *name);
Obj *scope_lookup(Scope *s, const char *name, Scope **found);
Obj *scope_insert(Scope *s, Obj *o);    /* returns the previous object of that name, if any */
Obj *obj_new(ObjKind k, const char *name, Pos pos, Package *pkg);

/* universe.c */
extern Scope *universe;
extern Obj *universe_iota;
extern Type *type_any;          /* interface{} */
Type *universe_byte(void);
extern Type *type_comparable;
void universe_init(void);
void universe_reset(void);
Package *unsafe_package(void);

/* types.c */
Type *type_new(TypeKind k);
Type *type_pointer(Type *elem);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
Type *type_map(Type *key, Type *elem);
Type *type_chan(Type *elem, ChanDir dir);
Type *type_tuple(Field *f, int n);
Type *type_under(Type *t);      /* underlying type */
bool type_identical(Type *a, Type *b);
bool type_identical_ignore_tags(Type *a, Type *b); /* conversions ignore struct tags */
bool type_is_untyped(Type *t);
bool type_is_basic(Type *t);     /* bool, numeric, string, unsafe.Pointer (after under) */
bool type_is_integer(Type *t);
bool type_is_unsigned(Type *t);
bool type_is_float(Type *t);
bool type_is_complex(Type *t);
bool type_is_numeric(Type *t);
bool type_is_string(Type *t);
bool type_is_boolean(Type *t);
bool type_is_interface(Type *t);
bool type_is_comparable(Type *t);
bool type_is_ordered(Type *t);
bool type_has_nil(Type *t);
Type *type_default(Type *t);    /* default type of an untyped constant kind */
const char *type_string(Type *t, Package *rel);   /* rel: names from this package unqualified */
void types_layout(Type *t);     /* size, align, field offsets (64-bit targets) */
int64_t type_size(Type *t);
int64_t type_align(Type *t);
int type_int_bits(Type *t);     /* width of an integer type */

/* check_*.c */
typedef struct Checker Checker;
typedef struct FuncCtx FuncCtx;

struct FuncCtx {
	Obj *fn;                /* the function (or closure) being checked */
	Type *sig;
	FuncCtx *outer;         /* enclosing function for closures */
	Node *body;
};

struct Checker {
	Package *pkg;
	Scope *scope;           /* current scope */
	FuncCtx *fn;            /* NULL at package level */
	Node *iota_spec;        /* const spec being evaluated (iota) */
	int64_t iota;
	Obj *decl_obj;          /* package-level object being resolved (cycles, init deps) */
};

void check_errorf(Checker *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void check_package_files(Checker *c);
Type *check_type(Checker *c, Node *n);
Type *check_signature(Checker *c, Node *ftype, Node *recv, Scope *scope);
void check_expr(Checker *c, Node *n, Type *hint);
void check_expr_or_type(Checker *c, Node *n);
void check_multi(Checker *c, Node *n);
void check_assignable(Checker *c, Node *x, Type *t, const char *context);
void check_convert_untyped(Checker *c, Node *x, Type *target);
void check_use(Checker *c, Node *n);
void check_func_body(Checker *c, Obj *fn, Type *sig, Node *body);
void check_stmt_list(Checker *c, NodeList *l);
int var_arity_error(Checker *c, Node *valuespec);   /* check_stmt.c */
void check_resolve_obj(Checker *c, Obj *o);
bool check_builtin(Checker *c, Node *call, Builtin b);
bool check_valid_index(Checker *c, Node *x, const char *what, bool allowneg);  /* check_call.c */
void check_call(Checker *c, Node *n);
void check_selector(Checker *c, Node *n);
const char *check_describe(Checker *c, Node *x);
bool check_is_terminating(Node *s, const char *label);
Obj *lookup_field_or_method(Type *t, bool addressable, Package *pkg, const char *name,
                            int **path, int *npath, bool *indirect);
void package_add_func(Package *p, Obj *fn);

/* check_decl.c */
extern Package *(*check_importer)(const char *path, Pos pos);
extern int check_lang_minor;    /* -lang=go1.N (default 19): version-dependent checks */
Package *check_package(const char *path, Node **files, int nfiles);
void check_named_underlying(Checker *c, Type *t, Type *u);
void check_note_dot_use(Scope *fs, Obj *o);   /* o, found in file scope fs, came from a dot import */

/* build_tags.c */
void build_set_goarch(const char *goarch);
bool build_tag_ok(const char *tag, size_t n);
bool build_eval_expr(const char *expr, bool *ok);   /* //go:build; *ok: syntax ok */
bool build_eval_plus(const char **lines, int n);    /* // +build lines */
bool build_match_name(const char *name);            /* _test, _GOOS, _GOARCH rules */
int build_file_override(const char *path);
/* check_call.c: does a checked expression contain a non-constant call or a
 * receive (len/cap of an array, range over one, are then not constant)? */
bool has_call_or_recv(Node *n);         /* golc's own file choices (internal/abi) */

/* load.c */
void load_init(const char *goroot, const char *overlay, const char *goarch);
Package *load_lookup(const char *path, Pos pos);    /* check_importer */
Package *load_import(const char *path, Pos pos);    /* NULL after an error */
/* flags: LOAD_DEP (an import: errors name the package and exit), LOAD_SELECT (files
 * listed from a directory: build constraints apply, as to imports) */
enum { LOAD_DEP = 1, LOAD_SELECT = 2 };
Package *load_files(const char *path, const char **files, int n, int flags);
int load_dir_files(const char *dir, const char ***out);
void load_push_main(const char *path);
void load_set_files(const char *path, const char **files, int n);   /* golc test */
const char *load_file_package(const char *path);    /* NULL: unreadable or excluded */
void load_set_module(const char *path, const char *dir);
char *load_import_dir(const char *path);            /* NULL: not found */
void load_reset(void);

/* check_compare.c */
const char *check_kind_string(Checker *c, Type *t);
const char *check_incomparable_cause(Checker *c, Type *t);
bool check_types_assignable(Type *v, Type *t);
bool check_type_is_named(Type *t);                 /* defined, predeclared or type parameter */      /* typed values, no untyped operands */
const char *check_comparison_cause(Checker *c, Node *x, Node *y, Op op, Node **errop);

/* check_later.c: checks needing complete types, at the end of the package */
void check_later_map_key(Type *k, Pos pos);
void check_later_embedded(Type *t, Pos pos);
void check_later_chan_elem(Type *elem, Pos pos);
void check_later_array(Type *t, Pos pos);
void check_run_later(Checker *c);

/* check_labels.c */
void check_labels(Checker *c, Node *body);  /* unused labels, gotos into blocks / over declarations */

/* check_init.c */
void check_init_order(Checker *c);  /* Package.initassigns in the spec's order */

/* typeset.c: type sets of constraint interfaces */
typedef struct Term {
	Type *type;
	bool tilde;             /* ~T: every type whose underlying type is T */
} Term;
typedef struct TypeSet {
	bool all;               /* no type elements: every type (methods aside) */
	Term *terms;            /* otherwise the union of these (none: the empty set) */
	int nterms;
	bool comparable;        /* restricted to comparable types */
} TypeSet;
TypeSet *type_typeset(Type *iface);
TypeSet *typeparam_typeset(Type *tp);
bool typeparam_all(Type *tp, bool (*pred)(Type *));   /* pred holds for every term (and there are terms) */
bool typeparam_has_terms(Type *tp);
Type *type_core(Type *t);       /* underlying type; of a type parameter, its terms' common underlying type or NULL */
bool typeset_includes(TypeSet *s, Type *t);
const char *typeset_string(TypeSet *s, Package *rel);

/* check_generic.c */
void check_generic_type(Checker *c, Obj *o);
Scope *check_recv_tparams(Checker *c, Node *recv, Scope *parent);
bool check_generic_index(Checker *c, Node *n);
void check_func_tparams(Checker *c, NodeList *tparams, Scope *s, Type *sig);
Type *check_infer_call(Checker *c, Node *call, Type *sig, Type **targs, int ntargs, Type ***out);
bool check_generic_uninstantiated(Checker *c, Node *n);
bool check_implements(Type *t, Type *iface, const char **missing);
void check_generic_methods_ready(Package *pkg);
void check_generic_reset(void);

/* check_expr.c */
void check_mark_addrtaken(Node *x);
const char *check_values_string(Checker *c, NodeList *l);
void check_default_untyped(Checker *c, Node *n);
bool check_implements(Type *t, Type *iface, const char **missing);   /* t's method set has iface's */

#endif
