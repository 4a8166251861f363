/*
 * const.c: exact arithmetic on Go's untyped and typed constants.
 *
 * Integers are GMP mpz values of unbounded size. Floats are exact rationals
 * (mpq) like go/constant's small values, so 1.0/3*3 == 1 holds as in gc;
 * a float whose exponent gets too large for a sensible rational switches to
 * a 512-bit MPFR value. Complex constants are two floats. Storage comes from
 * malloc through GMP and lives for the whole compilation.
 *
 * Invariant: a Const is immutable once built; every operation makes a new one.
 */
#include "frontend.h"

#include <gmp.h>
#include <mpfr.h>
#include <stdlib.h>
#include <string.h>

#define FPREC 512

typedef struct Flt {
	bool rat;               /* exact rational in q, else f */
	mpq_t q;
	mpfr_t f;
} Flt;

static Const *mk(ConstKind k)
{
	Const *c = arena_alloc(&perm, sizeof *c);
	c->kind = k;
	return c;
}

static mpz_t *zval(const Const *c) { return (mpz_t *)c->num; }
static Flt *fval(const Const *c) { return (Flt *)c->num; }

static Flt *flt_new(void)
{
	static bool wide;
	if (!wide) {
		/* gc's constants (big.Float) reach binary exponents up to 2^31-1:
		 * 1e646456992 is finite (test/fixedbugs/issue11326b.go), beyond
		 * MPFR's default range; tiny values like 1e-600000000 still
		 * underflow to zero as in gc (fixedbugs/issue20227.go) */
		mpfr_set_emax(2147483647L < mpfr_get_emax_max() ? 2147483647L : mpfr_get_emax_max());
		wide = true;
	}
	Flt *f = arena_alloc(&perm, sizeof *f);
	f->rat = true;
	mpq_init(f->q);
	return f;
}

static void flt_to_mpfr(const Flt *f, mpfr_t out)
{
	mpfr_init2(out, FPREC);
	if (f->rat) mpfr_set_q(out, f->q, MPFR_RNDN);
	else mpfr_set(out, f->f, MPFR_RNDN);
}

/* a rational whose numerator or denominator has grown past this many bits is
 * kept as a float instead (go/constant does the same with big.Rat/big.Float) */
#define MAXRATBITS 4096

static Flt *flt_normalize(Flt *f)
{
	if (f->rat && (mpz_sizeinbase(mpq_numref(f->q), 2) > MAXRATBITS ||
	               mpz_sizeinbase(mpq_denref(f->q), 2) > MAXRATBITS)) {
		mpfr_init2(f->f, FPREC);
		mpfr_set_q(f->f, f->q, MPFR_RNDN);
		f->rat = false;
	}
	return f;
}

Const *const_make_bool(bool b)
{
	Const *c = mk(CONST_BOOL);
	c->b = b;
	return c;
}

Const *const_make_string(const char *s, size_t n)
{
	Const *c = mk(CONST_STRING);
	c->s = s;
	c->slen = n;
	return c;
}

Const *const_make_int64(int64_t v)
{
	Const *c = mk(CONST_INT);
	mpz_t *z = arena_alloc(&perm, sizeof(mpz_t));
	mpz_init_set_si(*z, v);
	c->num = z;
	return c;
}

static Const *make_int_z(mpz_t v)
{
	Const *c = mk(CONST_INT);
	mpz_t *z = arena_alloc(&perm, sizeof(mpz_t));
	mpz_init_set(*z, v);
	c->num = z;
	return c;
}

static Const *make_float(Flt *f)
{
	Const *c = mk(CONST_FLOAT);
	c->num = flt_normalize(f);
	return c;
}

/* ------------------------------------------------------------ conversions */

static Flt *to_flt(const Const *c)
{
	Flt *f = flt_new();
	if (c->kind == CONST_INT) {
		mpq_set_z(f->q, *zval(c));
	} else if (c->kind == CONST_FLOAT) {
		Flt *g = fval(c);
		f->rat = g->rat;
		if (g->rat) mpq_set(f->q, g->q);
		else mpfr_init2(f->f, FPREC), mpfr_set(f->f, g->f, MPFR_RNDN);
	} else if (c->kind == CONST_COMPLEX) {
		return to_flt(&(Const){.kind = CONST_FLOAT, .num = c->num});
	}
	return f;
}

static Const *float_zero(void) { return make_float(flt_new()); }

Const *const_to_float(const Const *c)
{
	if (c->kind == CONST_FLOAT) return (Const *)c;
	if (c->kind == CONST_COMPLEX) return make_float(to_flt(c));
	return make_float(to_flt(c));
}

Const *const_to_complex(const Const *c)
{
	if (c->kind == CONST_COMPLEX) return (Const *)c;
	Const *r = mk(CONST_COMPLEX);
	r->num = to_flt(c);
	r->imag = flt_new();
	return r;
}

/* integral float -> int; returns NULL if not an integer */
/* go/constant's smallFloat: a float with a binary exponent of 4096 or more is
 * not taken for an integer (gc: "truncated"), nor turned into one of
 * millions of bits (1e64645699 would be 27 MB) */
static bool small_float(const mpfr_t f)
{
	if (mpfr_zero_p(f)) return true;
	if (!mpfr_number_p(f)) return false;
	mpfr_exp_t e = mpfr_get_exp(f);
	return -4096 < e && e < 4096;
}

Const *const_to_int(const Const *c)
{
	if (c->kind == CONST_INT) return (Const *)c;
	const Flt *f;
	if (c->kind == CONST_COMPLEX) {
		Flt *im = c->imag;
		if (im->rat ? mpq_sgn(im->q) != 0 : !mpfr_zero_p(im->f)) return NULL;
		f = c->num;
	} else if (c->kind == CONST_FLOAT) {
		f = fval(c);
	} else {
		return NULL;
	}
	if (f->rat ? mpz_cmp_ui(mpq_denref(f->q), 1) != 0 : !mpfr_integer_p(f->f) || !small_float(f->f))
		return NULL;
	mpz_t z;
	mpz_init(z);
	if (f->rat) mpz_set(z, mpq_numref(f->q));
	else mpfr_get_z(z, f->f, MPFR_RNDN);
	Const *r = make_int_z(z);
	mpz_clear(z);
	return r;
}

bool const_is_int(const Const *c) { return c->kind == CONST_INT; }

int const_sign(const Const *c)
{
	switch (c->kind) {
	case CONST_INT: return mpz_sgn(*zval(c));
	case CONST_FLOAT: return fval(c)->rat ? mpq_sgn(fval(c)->q) : mpfr_sgn(fval(c)->f);
	default: return 0;
	}
}

int64_t const_int64(const Const *c)
{
	if (c->kind == CONST_BOOL) return c->b;
	if (c->kind != CONST_INT) c = const_to_int(c);
	if (!c) return 0;
	mpz_srcptr z = *zval(c);
	if (mpz_fits_slong_p(z)) return mpz_get_si(z);
	/* wrap to 64 bits (e.g. uint64 values above MaxInt64) */
	mpz_t t;
	mpz_init(t);
	mpz_fdiv_r_2exp(t, z, 64);
	uint64_t lo = mpz_get_ui(t);
	mpz_clear(t);
	return (int64_t)lo;
}

uint64_t const_uint64(const Const *c) { return (uint64_t)const_int64(c); }

static double flt_double(const Flt *f)
{
	mpfr_t t;
	flt_to_mpfr(f, t);
	double d = mpfr_get_d(t, MPFR_RNDN);
	mpfr_clear(t);
	return d;
}

static float flt_float(const Flt *f)
{
	mpfr_t t;
	flt_to_mpfr(f, t);
	float d = mpfr_get_flt(t, MPFR_RNDN);
	mpfr_clear(t);
	return d;
}

double const_double(const Const *c)
{
	switch (c->kind) {
	case CONST_INT: {
		Flt *f = to_flt(c);
		return flt_double(f);
	}
	case CONST_FLOAT: return flt_double(fval(c));
	case CONST_COMPLEX: return flt_double(c->num);
	default: return 0;
	}
}

void const_complex(const Const *c, double *re, double *im)
{
	if (c->kind == CONST_COMPLEX) {
		*re = flt_double(c->num);
		*im = flt_double(c->imag);
	} else {
		*re = const_double(c);
		*im = 0;
	}
}

/* ------------------------------------------------------------ literals */

static int hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

static size_t utf8_encode(char *out, uint32_t r)
{
	if (r < 0x80) { out[0] = r; return 1; }
	if (r < 0x800) { out[0] = 0xC0 | (r >> 6); out[1] = 0x80 | (r & 0x3F); return 2; }
	if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
	if (r < 0x10000) {
		out[0] = 0xE0 | (r >> 12); out[1] = 0x80 | ((r >> 6) & 0x3F); out[2] = 0x80 | (r & 0x3F);
		return 3;
	}
	out[0] = 0xF0 | (r >> 18); out[1] = 0x80 | ((r >> 12) & 0x3F);
	out[2] = 0x80 | ((r >> 6) & 0x3F); out[3] = 0x80 | (r & 0x3F);
	return 4;
}

size_t utf8_encode_rune(char *out, uint32_t r) { return utf8_encode(out, r); }

/* Decode one (already validated) escape or UTF-8 character at *p.
 * Returns the value; *isbyte is set for \x and octal escapes in strings. */
static uint32_t decode_char(const char **pp, bool *isbyte)
{
	const unsigned char *p = (const unsigned char *)*pp;
	*isbyte = false;
	if (*p != '\\') {
		uint32_t r;
		int n;
		if (p[0] < 0x80) r = p[0], n = 1;
		else if ((p[0] & 0xE0) == 0xC0) r = p[0] & 0x1F, n = 2;
		else if ((p[0] & 0xF0) == 0xE0) r = p[0] & 0x0F, n = 3;
		else r = p[0] & 0x07, n = 4;
		for (int i = 1; i < n; i++) r = (r << 6) | (p[i] & 0x3F);
		*pp += n;
		return r;
	}
	p++;
	uint32_t v = 0;
	int n = 0;
	switch (*p) {
	case 'a': *pp += 2; return 7;
	case 'b': *pp += 2; return 8;
	case 'f': *pp += 2; return 12;
	case 'n': *pp += 2; return 10;
	case 'r': *pp += 2; return 13;
	case 't': *pp += 2; return 9;
	case 'v': *pp += 2; return 11;
	case '\\': *pp += 2; return '\\';
	case '\'': *pp += 2; return '\'';
	case '"': *pp += 2; return '"';
	case 'x': n = 2; *isbyte = true; p++; break;
	case 'u': n = 4; p++; break;
	case 'U': n = 8; p++; break;
	default:
		for (int i = 0; i < 3 && p[i] >= '0' && p[i] <= '7'; i++) v = v * 8 + (p[i] - '0');
		*isbyte = true;
		*pp += 4;
		return v;
	}
	for (int i = 0; i < n; i++) v = v * 16 + hexval(p[i]);
	*pp = (const char *)p + n;
	return v;
}

/* the bytes of a (validated) string literal */
char *const_unquote(const char *raw, int len, size_t *outlen)
{
	char *out = arena_alloc(&perm, (size_t)len + 1);
	size_t n = 0;
	if (raw[0] == '`') {
		for (int i = 1; i < len - 1; i++)
			if (raw[i] != '\r') out[n++] = raw[i];
	} else {
		const char *p = raw + 1, *end = raw + len - 1;
		while (p < end) {
			bool isbyte;
			uint32_t r = decode_char(&p, &isbyte);
			if (isbyte) out[n++] = (char)r;
			else n += utf8_encode(out + n, r);
		}
	}
	out[n] = 0;
	*outlen = n;
	return out;
}

static Const *parse_number(const char *raw, int len, bool *ok)
{
	char *buf = malloc(len + 1);
	int n = 0;
	for (int i = 0; i < len; i++)
		if (raw[i] != '_') buf[n++] = raw[i];
	buf[n] = 0;
	*ok = true;
	Const *c = NULL;
	int base = 10;
	const char *digits = buf;
	if (n > 1 && buf[0] == '0') {
		char b = buf[1] | 0x20;
		if (b == 'x') base = 16, digits = buf + 2;
		else if (b == 'b') base = 2, digits = buf + 2;
		else if (b == 'o') base = 8, digits = buf + 2;
	}
	bool isfloat = false;
	for (int i = 0; buf[i]; i++) {
		char ch = buf[i] | 0x20;
		if (buf[i] == '.' || (base == 10 && ch == 'e') || (base == 16 && ch == 'p')) isfloat = true;
	}
	if (!isfloat) {
		if (base == 10 && n > 1 && buf[0] == '0') base = 8, digits = buf + 1; /* legacy octal */
		mpz_t z;
		if (mpz_init_set_str(z, digits, base) != 0) *ok = false;
		c = make_int_z(z);
		mpz_clear(z);
	} else if (base == 10) {
		/* mantissa digits and a decimal exponent -> exact rational */
		char *e = strpbrk(buf, "eE");
		long exp = 0;
		if (e) exp = strtol(e + 1, NULL, 10), *e = 0;
		mpz_t m;
		mpz_init(m);
		char *dot = strchr(buf, '.');
		int frac = 0;
		if (dot) {
			frac = (int)strlen(dot + 1);
			memmove(dot, dot + 1, strlen(dot + 1) + 1);
		}
		if (buf[0] == 0) mpz_set_ui(m, 0);
		else if (mpz_set_str(m, buf, 10) != 0) *ok = false;
		exp -= frac;
		Flt *f = flt_new();
		if (exp > 10000 || exp < -10000) {
			f->rat = false;
			mpfr_init2(f->f, FPREC);
			char *s = malloc(64 + mpz_sizeinbase(m, 10));
			gmp_sprintf(s, "%Zde%ld", m, exp);
			mpfr_set_str(f->f, s, 10, MPFR_RNDN);
			free(s);
		} else {
			mpz_t p;
			mpz_init(p);
			mpz_ui_pow_ui(p, 10, exp < 0 ? -exp : exp);
			if (exp >= 0) {
				mpz_mul(m, m, p);
				mpq_set_z(f->q, m);
			} else {
				mpq_set_num(f->q, m);
				mpq_set_den(f->q, p);
				mpq_canonicalize(f->q);
			}
			mpz_clear(p);
		}
		mpz_clear(m);
		c = make_float(f);
	} else {
		/* hex float: 0xMANT.FRACpEXP */
		char *pch = strpbrk(digits, "pP");
		long exp = pch ? strtol(pch + 1, NULL, 10) : 0;
		if (pch) *pch = 0;
		char *dot = strchr(digits, '.');
		int frac = 0;
		if (dot) {
			frac = (int)strlen(dot + 1);
			memmove(dot, dot + 1, strlen(dot + 1) + 1);
		}
		mpz_t m;
		mpz_init(m);
		if (digits[0] && mpz_set_str(m, digits, 16) != 0) *ok = false;
		exp -= 4L * frac;
		Flt *f = flt_new();
		mpq_set_z(f->q, m);
		if (exp > 10000 || exp < -10000) {
			f->rat = false;
			mpfr_init2(f->f, FPREC);
			mpfr_set_z(f->f, m, MPFR_RNDN);
			if (exp >= 0) mpfr_mul_2ui(f->f, f->f, exp, MPFR_RNDN);
			else mpfr_div_2ui(f->f, f->f, -exp, MPFR_RNDN);
		} else if (exp >= 0) {
			mpq_mul_2exp(f->q, f->q, exp);
		} else {
			mpq_div_2exp(f->q, f->q, -exp);
		}
		mpz_clear(m);
		c = make_float(f);
	}
	free(buf);
	return c;
}

/* the value of a N_BASICLIT; NULL (with *ok false) if malformed */
Const *const_from_lit(const Node *lit, bool *ok)
{
	*ok = true;
	const char *raw = lit->lit.raw;
	int len = lit->lit.len;
	switch (lit->lit.kind) {
	case LIT_INT:
	case LIT_FLOAT:
		return parse_number(raw, len, ok);
	case LIT_IMAG: {
		Const *im = parse_number(raw, len - 1, ok);
		/* "0123i" is decimal for backwards compatibility */
		if (len > 2 && raw[0] == '0' && im->kind == CONST_INT && strpbrk(raw, "xXbBoO") == NULL) {
			char *t = arena_strndup(&perm, raw, len - 1);
			while (t[0] == '0' && t[1]) t++;
			im = parse_number(t, (int)strlen(t), ok);
		}
		Const *c = mk(CONST_COMPLEX);
		c->num = flt_new();
		c->imag = to_flt(im);
		return c;
	}
	case LIT_RUNE: {
		const char *p = raw + 1;
		bool isbyte;
		return const_make_int64(decode_char(&p, &isbyte));
	}
	case LIT_STRING: {
		size_t n;
		char *s = const_unquote(raw, len, &n);
		return const_make_string(s, n);
	}
	}
	*ok = false;
	return NULL;
}

/* ------------------------------------------------------------ arithmetic */

static Flt *flt_binop(Op op, const Flt *a, const Flt *b)
{
	Flt *r = flt_new();
	if (a->rat && b->rat) {
		switch (op) {
		case OP_ADD: mpq_add(r->q, a->q, b->q); break;
		case OP_SUB: mpq_sub(r->q, a->q, b->q); break;
		case OP_MUL: mpq_mul(r->q, a->q, b->q); break;
		case OP_QUO: mpq_div(r->q, a->q, b->q); break;
		default: break;
		}
		return flt_normalize(r);
	}
	mpfr_t x, y;
	flt_to_mpfr(a, x);
	flt_to_mpfr(b, y);
	r->rat = false;
	mpfr_init2(r->f, FPREC);
	switch (op) {
	case OP_ADD: mpfr_add(r->f, x, y, MPFR_RNDN); break;
	case OP_SUB: mpfr_sub(r->f, x, y, MPFR_RNDN); break;
	case OP_MUL: mpfr_mul(r->f, x, y, MPFR_RNDN); break;
	case OP_QUO: mpfr_div(r->f, x, y, MPFR_RNDN); break;
	default: break;
	}
	mpfr_clear(x);
	mpfr_clear(y);
	return r;
}

static int flt_cmp(const Flt *a, const Flt *b)
{
	if (a->rat && b->rat) return mpq_cmp(a->q, b->q);
	mpfr_t x, y;
	flt_to_mpfr(a, x);
	flt_to_mpfr(b, y);
	int c = mpfr_cmp(x, y);
	mpfr_clear(x);
	mpfr_clear(y);
	return c;
}

static bool flt_iszero(const Flt *a) { return a->rat ? mpq_sgn(a->q) == 0 : mpfr_zero_p(a->f); }

static ConstKind match(const Const **x, const Const **y)
{
	ConstKind k = (*x)->kind > (*y)->kind ? (*x)->kind : (*y)->kind;
	if (k == CONST_FLOAT) *x = const_to_float(*x), *y = const_to_float(*y);
	if (k == CONST_COMPLEX) *x = const_to_complex(*x), *y = const_to_complex(*y);
	return k;
}

/* String concatenation appends in place when x is the latest result and
 * nothing was appended to its buffer since, so a chain "a" + "b" + ... takes
 * linear time and memory, not quadratic (time/tzdata's zipdata.go: 7,098
 * terms, 1.4 MB; 1.5 GB before). Earlier results keep their prefix of the
 * buffer; string constants are never NUL-terminated (Const.slen). */
static struct {
	char *buf;
	size_t len, cap;
} cat;

static Const *concat(const Const *x, const Const *y)
{
	size_t n = x->slen + y->slen;
	if (x->s != cat.buf || x->slen != cat.len || n > cat.cap) {
		size_t cap = n < 64 ? 64 : 2 * n;
		char *b = arena_alloc(&perm, cap);
		memcpy(b, x->s, x->slen);
		cat.buf = b;
		cat.cap = cap;
	}
	memcpy(cat.buf + x->slen, y->s, y->slen);
	cat.len = n;
	return const_make_string(cat.buf, n);
}

/* forgets the concatenation buffer (perm is reset next) */
void const_reset(void)
{
	cat.buf = NULL;
	cat.len = cat.cap = 0;
}

/* x op y for arithmetic ops. intdiv: '/' truncates (both operands integer
 * typed or untyped int). Division by zero must be checked by the caller. */
Const *const_binop(Op op, const Const *x, const Const *y, bool intdiv)
{
	if (x->kind == CONST_STRING && op == OP_ADD) return concat(x, y);
	if (x->kind == CONST_BOOL) {
		if (op == OP_LAND) return const_make_bool(x->b && y->b);
		if (op == OP_LOR) return const_make_bool(x->b || y->b);
		return NULL;
	}
	ConstKind k = match(&x, &y);
	if (k == CONST_INT && !(op == OP_QUO && !intdiv)) {
		mpz_t r;
		mpz_init(r);
		mpz_srcptr a = *zval(x), b = *zval(y);
		switch (op) {
		case OP_ADD: mpz_add(r, a, b); break;
		case OP_SUB: mpz_sub(r, a, b); break;
		case OP_MUL: mpz_mul(r, a, b); break;
		case OP_QUO: mpz_tdiv_q(r, a, b); break;
		case OP_REM: mpz_tdiv_r(r, a, b); break;
		case OP_AND: mpz_and(r, a, b); break;
		case OP_OR: mpz_ior(r, a, b); break;
		case OP_XOR: mpz_xor(r, a, b); break;
		case OP_ANDNOT: {
			mpz_t t;
			mpz_init(t);
			mpz_com(t, b);
			mpz_and(r, a, t);
			mpz_clear(t);
			break;
		}
		default: break;
		}
		Const *c = make_int_z(r);
		mpz_clear(r);
		return c;
	}
	if (k == CONST_INT || k == CONST_FLOAT) {
		x = const_to_float(x), y = const_to_float(y);
		return make_float(flt_binop(op, fval(x), fval(y)));
	}
	/* complex */
	const Flt *a = x->num, *b = x->imag, *c = y->num, *d = y->imag;
	Const *r = mk(CONST_COMPLEX);
	switch (op) {
	case OP_ADD: r->num = flt_binop(OP_ADD, a, c); r->imag = flt_binop(OP_ADD, b, d); break;
	case OP_SUB: r->num = flt_binop(OP_SUB, a, c); r->imag = flt_binop(OP_SUB, b, d); break;
	case OP_MUL:
		r->num = flt_binop(OP_SUB, flt_binop(OP_MUL, a, c), flt_binop(OP_MUL, b, d));
		r->imag = flt_binop(OP_ADD, flt_binop(OP_MUL, a, d), flt_binop(OP_MUL, b, c));
		break;
	case OP_QUO: {
		Flt *den = flt_binop(OP_ADD, flt_binop(OP_MUL, c, c), flt_binop(OP_MUL, d, d));
		Flt *re = flt_binop(OP_ADD, flt_binop(OP_MUL, a, c), flt_binop(OP_MUL, b, d));
		Flt *im = flt_binop(OP_SUB, flt_binop(OP_MUL, b, c), flt_binop(OP_MUL, a, d));
		r->num = flt_binop(OP_QUO, re, den);
		r->imag = flt_binop(OP_QUO, im, den);
		break;
	}
	default: return NULL;
	}
	return r;
}

bool const_is_zero(const Const *c)
{
	switch (c->kind) {
	case CONST_INT: return mpz_sgn(*zval(c)) == 0;
	case CONST_FLOAT: return flt_iszero(fval(c));
	case CONST_COMPLEX: return flt_iszero(c->num) && flt_iszero(c->imag);
	default: return false;
	}
}

bool const_compare(Op op, const Const *x, const Const *y)
{
	int c = 0;
	if (x->kind == CONST_BOOL) {
		c = x->b == y->b ? 0 : 1;
	} else if (x->kind == CONST_STRING) {
		size_t n = x->slen < y->slen ? x->slen : y->slen;
		c = memcmp(x->s, y->s, n);
		if (c == 0) c = x->slen < y->slen ? -1 : x->slen > y->slen;
	} else {
		ConstKind k = match(&x, &y);
		if (k == CONST_INT) c = mpz_cmp(*zval(x), *zval(y));
		else if (k == CONST_FLOAT) c = flt_cmp(fval(x), fval(y));
		else c = (flt_cmp(x->num, y->num) != 0 || flt_cmp(x->imag, y->imag) != 0);
	}
	switch (op) {
	case OP_EQL: return c == 0;
	case OP_NEQ: return c != 0;
	case OP_LSS: return c < 0;
	case OP_LEQ: return c <= 0;
	case OP_GTR: return c > 0;
	case OP_GEQ: return c >= 0;
	default: return false;
	}
}

/* unary op; for ^x on unsigned types, bits is the type's width (0 = signed) */
Const *const_unop(Op op, const Const *x, int ubits)
{
	if (op == OP_NOT) return const_make_bool(!x->b);
	if (op == OP_ADD) return (Const *)x;
	if (x->kind == CONST_INT) {
		mpz_t r;
		mpz_init(r);
		if (op == OP_SUB) {
			mpz_neg(r, *zval(x));
		} else { /* OP_XOR */
			mpz_com(r, *zval(x));
			if (ubits > 0) { /* ^x for unsigned: x XOR all-ones of the type's width */
				mpz_t m;
				mpz_init(m);
				mpz_setbit(m, ubits);
				mpz_sub_ui(m, m, 1);
				mpz_and(r, r, m);
				mpz_clear(m);
			}
		}
		Const *c = make_int_z(r);
		mpz_clear(r);
		return c;
	}
	if (op == OP_SUB) return const_binop(OP_SUB, x->kind == CONST_COMPLEX ? const_to_complex(const_make_int64(0)) : float_zero(), x, false);
	return NULL;
}

Const *const_shift(Op op, const Const *x, uint64_t s)
{
	x = const_to_int(x);
	mpz_t r;
	mpz_init(r);
	if (op == OP_SHL) mpz_mul_2exp(r, *zval(x), s);
	else mpz_fdiv_q_2exp(r, *zval(x), s);
	Const *c = make_int_z(r);
	mpz_clear(r);
	return c;
}

/* bit length of an integer constant (for overflow checks of untyped values) */
size_t const_bitlen(const Const *c)
{
	if (c->kind != CONST_INT) return 0;
	return mpz_sizeinbase(*zval(c), 2);
}

/* Does c fit the basic type kind k? On success *out is c rounded to the type
 * (floats rounded to float32/float64 precision). */
bool const_representable(const Const *c, TypeKind k, Const **out)
{
	*out = (Const *)c;
	switch (k) {
	case TY_BOOL:
	case TY_UNTYPED_BOOL:
		return c->kind == CONST_BOOL;
	case TY_STRING:
	case TY_UNTYPED_STRING:
		return c->kind == CONST_STRING;
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
	case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: {
		if (c->kind == CONST_BOOL || c->kind == CONST_STRING) return false;
		/* a huge float cannot fit 64 bits: do not expand it to an integer */
		if (k != TY_UNTYPED_INT && k != TY_UNTYPED_RUNE && c->kind == CONST_FLOAT && !fval(c)->rat &&
		    mpfr_number_p(fval(c)->f) && !mpfr_zero_p(fval(c)->f) && mpfr_get_exp(fval(c)->f) > 66)
			return false;
		const Const *i = const_to_int(c);
		if (!i) return false;
		*out = (Const *)i;
		if (k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE) return true;
		static const int bits[] = {[TY_INT] = 64, [TY_INT8] = 8, [TY_INT16] = 16, [TY_INT32] = 32,
		                           [TY_INT64] = 64, [TY_UINT] = 64, [TY_UINT8] = 8, [TY_UINT16] = 16,
		                           [TY_UINT32] = 32, [TY_UINT64] = 64, [TY_UINTPTR] = 64};
		bool sgn = k <= TY_INT64;
		mpz_srcptr z = *zval(i);
		if (!sgn) return mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= (size_t)bits[k];
		if (mpz_sgn(z) >= 0) return mpz_sizeinbase(z, 2) <= (size_t)bits[k] - 1;
		/* negative: -2^(n-1) <= z */
		mpz_t t;
		mpz_init(t);
		mpz_neg(t, z);
		mpz_sub_ui(t, t, 1);
		bool ok = mpz_sizeinbase(t, 2) <= (size_t)bits[k] - 1 || mpz_sgn(t) == 0;
		mpz_clear(t);
		return ok;
	}
	case TY_FLOAT32:
	case TY_FLOAT64:
	case TY_UNTYPED_FLOAT: {
		if (c->kind == CONST_BOOL || c->kind == CONST_STRING) return false;
		if (c->kind == CONST_COMPLEX) {
			Flt *im = c->imag;
			if (!flt_iszero(im)) return false;
		}
		Const *f = const_to_float(c);
		if (k == TY_UNTYPED_FLOAT) {
			*out = f;
			return true;
		}
		mpfr_t t;
		flt_to_mpfr(fval(f), t);
		bool ok;
		Flt *r = flt_new();
		if (k == TY_FLOAT64) {
			double d = mpfr_get_d(t, MPFR_RNDN);
			ok = d - d == 0; /* finite */
			if (ok) mpq_set_d(r->q, d);
		} else {
			float d = mpfr_get_flt(t, MPFR_RNDN);
			ok = d - d == 0;
			if (ok) mpq_set_d(r->q, d);
		}
		mpfr_clear(t);
		*out = make_float(r);
		return ok;
	}
	case TY_COMPLEX64:
	case TY_COMPLEX128:
	case TY_UNTYPED_COMPLEX: {
		if (c->kind == CONST_BOOL || c->kind == CONST_STRING) return false;
		Const *x = const_to_complex(c);
		if (k == TY_UNTYPED_COMPLEX) {
			*out = x;
			return true;
		}
		TypeKind fk = k == TY_COMPLEX64 ? TY_FLOAT32 : TY_FLOAT64;
		Const *re, *im;
		Const rc = {.kind = CONST_FLOAT, .num = x->num}, ic = {.kind = CONST_FLOAT, .num = x->imag};
		if (!const_representable(&rc, fk, &re) || !const_representable(&ic, fk, &im)) return false;
		Const *r = mk(CONST_COMPLEX);
		r->num = re->num;
		r->imag = im->num;
		*out = r;
		return true;
	}
	default:
		return false;
	}
}

/* decimal text of z in perm (GMP's own allocation would need GMP's free function) */
static const char *zstring(const mpz_t z)
{
	char *s = arena_alloc(&perm, mpz_sizeinbase(z, 10) + 2);
	return mpz_get_str(s, 10, z);
}

/* gc-style text of a constant for diagnostics ("300", "1.5", "\"s\"", "true") */
const char *const_string(const Const *c)
{
	switch (c->kind) {
	case CONST_BOOL: return c->b ? "true" : "false";
	case CONST_STRING: {
		size_t n = c->slen > 70 ? 70 : c->slen;
		char *s = arena_alloc(&perm, n + 8);
		s[0] = '"';
		memcpy(s + 1, c->s, n);
		strcpy(s + 1 + n, c->slen > 70 ? "...\"" : "\"");
		return s;
	}
	case CONST_INT:
		return zstring(*zval(c));
	case CONST_FLOAT: {
		/* go/constant's float String(): 6 significant digits, even for integral values */
		const Flt *f = fval(c);
		char buf[64];
		mpfr_t t;
		flt_to_mpfr(f, t);
		mpfr_snprintf(buf, sizeof buf, "%.6Rg", t);
		mpfr_clear(t);
		return arena_strndup(&perm, buf, strlen(buf));
	}
	case CONST_COMPLEX: {
		char buf[128];
		snprintf(buf, sizeof buf, "(%g + %gi)", flt_double(c->num), flt_double(c->imag));
		return arena_strndup(&perm, buf, strlen(buf));
	}
	}
	return "?";
}

float const_float32(const Const *c)
{
	if (c->kind == CONST_FLOAT) return flt_float(fval(c));
	return (float)const_double(c);
}
