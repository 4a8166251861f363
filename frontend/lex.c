/*
 * lex.c: the Go lexer. Produces one token at a time (lex_next), inserts
 * semicolons after lines ending in an operand-like token, keeps literals as
 * raw source text and reports malformed input with gc's messages.
 *
 * Positions: lines are 1-based, columns 1-based and counted in bytes, as gc
 * does. Comments are skipped; //go: directives set Lexer.pragma bits and
 * //go:linkname lines are recorded; //go:build and // +build lines seen
 * before the package clause are collected for package loading.
 */
#include <stdlib.h>
#include <string.h>

#include "frontend.h"

static const char *tokstr[] = {
#define TOK(kind, str) str,
#include "tokens.h"
#undef TOK
};

const char *tok_string(Token t)
{
	return t >= 0 && t < T_COUNT ? tokstr[t] : "?";
}

/* ------------------------------------------------------------ errors */

static void error_at(Lexer *l, int32_t line, int32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The position of physical (line, col) relative to the last //line
 * directive: a directive without a column makes columns unknown (0). */
static Pos mkpos(Lexer *l, int32_t line, int32_t col)
{
	if (!l->bfile)
		return (Pos){l->file, line, col};
	int32_t c = 0;
	if (l->bcol)
		c = line == l->bpline ? l->bcol + (col - l->bpcol) : col;
	return (Pos){l->bfile, l->bline + (line - l->bpline), c};
}

static void error_at(Lexer *l, int32_t line, int32_t col, const char *fmt, ...)
{
	if (l->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	diag_verrorf(mkpos(l, line, col), fmt, ap);
	va_end(ap);
}

/* Errors at the current character use error_at(l, l->line, l->col + 1, ...);
 * errors relative to the token start use l->tline, l->tcol + off. */

static int utf8_encode(char *buf, int32_t c)
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xC0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xE0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Go's %#U: U+0023 '#' (the quoted form only when printable). */
static const char *fmt_U(char *buf, int32_t c)
{
	int n = sprintf(buf, "U+%04X", (unsigned)c);
	if (c >= 0 && c <= 0x10FFFF && is_unicode_print(c)) {
		buf[n++] = ' ';
		buf[n++] = '\'';
		n += utf8_encode(buf + n, c);
		buf[n++] = '\'';
	}
	buf[n] = '\0';
	return buf;
}

/* Go's %q of a rune: 'x', '\n', '\x00', '\u00a0'. */
static const char *fmt_q(char *buf, int32_t c)
{
	int n = 0;
	buf[n++] = '\'';
	switch (c) {
	case '\a': n += sprintf(buf + n, "\\a"); break;
	case '\b': n += sprintf(buf + n, "\\b"); break;
	case '\f': n += sprintf(buf + n, "\\f"); break;
	case '\n': n += sprintf(buf + n, "\\n"); break;
	case '\r': n += sprintf(buf + n, "\\r"); break;
	case '\t': n += sprintf(buf + n, "\\t"); break;
	case '\v': n += sprintf(buf + n, "\\v"); break;
	case '\\': n += sprintf(buf + n, "\\\\"); break;
	case '\'': n += sprintf(buf + n, "\\'"); break;
	default:
		if (c >= 0 && c <= 0x10FFFF && is_unicode_print(c))
			n += utf8_encode(buf + n, c);
		else if (c < ' ' || c == 0x7F)
			n += sprintf(buf + n, "\\x%02x", (unsigned)c);
		else if (c < 0x10000)
			n += sprintf(buf + n, "\\u%04x", (unsigned)c);
		else
			n += sprintf(buf + n, "\\U%08x", (unsigned)c);
	}
	buf[n++] = '\'';
	buf[n] = '\0';
	return buf;
}

/* ------------------------------------------------------------ reader */

/* Decodes one UTF-8 sequence at s (n bytes available); returns the rune
 * and its width, or -1 (width 1) for an invalid encoding. */
static int32_t utf8_decode(const unsigned char *s, size_t n, int *w)
{
	unsigned c = s[0];
	int need;
	int32_t r, min;
	*w = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1, r = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2, r = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3, r = c & 0x07, min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)need >= n)
		return -1;
	for (int i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		r = (r << 6) | (s[i] & 0x3F);
	}
	if (r < min || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000))
		return -1;
	*w = need + 1;
	return r;
}

int32_t utf8_decode_rune(const char *s, size_t n, int *w)
{
	int32_t r = utf8_decode((const unsigned char *)s, n, w);
	return r < 0 ? 0xFFFD : r;
}

static void nextch(Lexer *l)
{
redo:
	l->col += l->chw;
	if (l->ch == '\n') {
		l->line++;
		l->col = 0;
	}
	if (l->r >= l->len) {
		l->ch = -1;
		l->chw = 0;
		return;
	}
	unsigned char c = (unsigned char)l->src[l->r];
	if (c < 0x80) {
		l->r++;
		l->chw = 1;
		l->ch = c;
		if (c == 0) {
			error_at(l, l->line, l->col + 1, "invalid NUL character");
			goto redo;
		}
		return;
	}
	int w;
	int32_t r = utf8_decode((const unsigned char *)l->src + l->r, l->len - l->r, &w);
	l->r += w;
	l->chw = w;
	if (r < 0) {
		l->ch = 0xFFFD;
		error_at(l, l->line, l->col + 1, "invalid UTF-8 encoding");
		goto redo;
	}
	l->ch = r;
	if (r == 0xFEFF) {
		if (l->line > 1 || l->col > 0)
			error_at(l, l->line, l->col + 1, "invalid BOM in the middle of the file");
		goto redo;
	}
}

/* Offset of the current character (the end of a token ending before it). */
static size_t curoff(Lexer *l)
{
	return l->r - l->chw;
}

void lex_init(Lexer *l, int32_t file)
{
	SrcFile *f = srcfile_get(file);
	memset(l, 0, sizeof *l);
	l->file = file;
	l->src = f->src;
	l->len = f->len;
	l->line = 1;
	l->ch = ' ';
	l->header = true;
	nextch(l);
}

/* ------------------------------------------------------------ identifiers */

static bool is_letter(int32_t c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
}

static bool is_decimal(int32_t c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex(int32_t c)
{
	return is_decimal(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static bool at_ident_char(Lexer *l, bool first)
{
	char buf[32];
	if (l->ch < 0)
		return false;
	if (is_unicode_letter(l->ch) || l->ch == '_')
		return true;
	if (is_unicode_digit(l->ch)) {
		if (first)
			error_at(l, l->line, l->col + 1, "identifier cannot begin with digit %s",
			         fmt_U(buf, l->ch));
		return true;
	}
	if (l->ch >= 0x80) {
		error_at(l, l->line, l->col + 1, "invalid character %s in identifier", fmt_U(buf, l->ch));
		return true;
	}
	return false;
}

static Token keyword(const char *s, int n)
{
	static Token tab[128];
	static bool init;
	if (!init) {
		for (Token t = T_BREAK; t <= T_VAR; t++) {
			const char *k = tokstr[t];
			unsigned h = ((unsigned)k[0] * 7 + (unsigned)k[1] * 3 + (unsigned)strlen(k)) & 127;
			while (tab[h])
				h = (h + 1) & 127;
			tab[h] = t;
		}
		init = true;
	}
	if (n < 2 || n > 11)
		return T_NONE;
	unsigned h = ((unsigned)s[0] * 7 + (unsigned)s[1] * 3 + (unsigned)n) & 127;
	for (; tab[h]; h = (h + 1) & 127) {
		const char *k = tokstr[tab[h]];
		if ((int)strlen(k) == n && memcmp(k, s, n) == 0)
			return tab[h];
	}
	return T_NONE;
}

static void ident(Lexer *l)
{
	while (is_letter(l->ch) || is_decimal(l->ch))
		nextch(l);
	if (l->ch >= 0x80) {
		while (at_ident_char(l, false))
			nextch(l);
	}
	const char *s = l->src + l->start;
	int n = (int)(curoff(l) - l->start);
	Token t = keyword(s, n);
	if (t != T_NONE) {
		l->nlsemi = t == T_BREAK || t == T_CONTINUE || t == T_FALLTHROUGH || t == T_RETURN;
		l->tok = t;
		return;
	}
	l->nlsemi = true;
	l->tok = T_NAME;
	l->lit = intern(s, n);
	l->litlen = n;
}

/* ------------------------------------------------------------ numbers */

static const char *basename(int base)
{
	switch (base) {
	case 2: return "binary";
	case 8: return "octal";
	case 10: return "decimal";
	}
	return "hexadecimal";
}

static void setlit(Lexer *l, LitKind kind, bool ok)
{
	l->nlsemi = true;
	l->tok = T_LITERAL;
	l->kind = kind;
	l->bad = !ok;
	l->lit = l->src + l->start;
	l->litlen = (int)(curoff(l) - l->start);
}

/* digits = { digit | "_" }. For base <= 10 any decimal digit is accepted
 * and the first one >= base is recorded in *invalid (an offset from the
 * literal start). Returns bit 0: saw a digit, bit 1: saw a '_'. */
static int digits(Lexer *l, int base, int *invalid)
{
	int digsep = 0;
	if (base <= 10) {
		int max = '0' + base;
		while (is_decimal(l->ch) || l->ch == '_') {
			int ds = 1;
			if (l->ch == '_')
				ds = 2;
			else if (l->ch >= max && invalid && *invalid < 0)
				*invalid = (int)(curoff(l) - l->start);
			digsep |= ds;
			nextch(l);
		}
	} else {
		while (is_hex(l->ch) || l->ch == '_') {
			digsep |= l->ch == '_' ? 2 : 1;
			nextch(l);
		}
	}
	return digsep;
}

/* Index of the first misplaced '_' in the literal x, or -1. */
static int invalid_sep(const char *x, int n)
{
	int x1 = ' ';   /* prefix char; only 'x' matters */
	int d = '.';    /* '_', '0' (a digit) or '.' (anything else) */
	int i = 0;
	if (n >= 2 && x[0] == '0') {
		x1 = x[1] | 0x20;
		if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
			d = '0';
			i = 2;
		}
	}
	for (; i < n; i++) {
		int p = d;
		d = (unsigned char)x[i];
		if (d == '_') {
			if (p != '0')
				return i;
		} else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
			d = '0';
		} else {
			if (p == '_')
				return i - 1;
			d = '.';
		}
	}
	if (d == '_')
		return n - 1;
	return -1;
}

static void number(Lexer *l, bool seen_point)
{
	bool ok = true;
	LitKind kind = LIT_INT;
	int base = 10, prefix = 0, digsep = 0, invalid = -1;

	if (!seen_point) {
		if (l->ch == '0') {
			nextch(l);
			switch (l->ch | 0x20) {
			case 'x':
				nextch(l);
				base = 16, prefix = 'x';
				break;
			case 'o':
				nextch(l);
				base = 8, prefix = 'o';
				break;
			case 'b':
				nextch(l);
				base = 2, prefix = 'b';
				break;
			default:
				base = 8, prefix = '0';
				digsep = 1;     /* leading 0 */
			}
		}
		digsep |= digits(l, base, &invalid);
		if (l->ch == '.') {
			if (prefix == 'o' || prefix == 'b') {
				error_at(l, l->line, l->col + 1, "invalid radix point in %s literal",
				         basename(base));
				ok = false;
			}
			nextch(l);
			seen_point = true;
		}
	}
	if (seen_point) {
		kind = LIT_FLOAT;
		digsep |= digits(l, base, &invalid);
	}
	if ((digsep & 1) == 0 && ok) {
		error_at(l, l->line, l->col + 1, "%s literal has no digits", basename(base));
		ok = false;
	}

	int e = l->ch | 0x20;
	if (l->ch >= 0 && (e == 'e' || e == 'p')) {
		if (ok) {
			if (e == 'e' && prefix != 0 && prefix != '0') {
				error_at(l, l->line, l->col + 1, "'%c' exponent requires decimal mantissa",
				         (char)l->ch);
				ok = false;
			} else if (e == 'p' && prefix != 'x') {
				error_at(l, l->line, l->col + 1, "'%c' exponent requires hexadecimal mantissa",
				         (char)l->ch);
				ok = false;
			}
		}
		nextch(l);
		kind = LIT_FLOAT;
		if (l->ch == '+' || l->ch == '-')
			nextch(l);
		digsep = digits(l, 10, NULL) | (digsep & 2);
		if ((digsep & 1) == 0 && ok) {
			error_at(l, l->line, l->col + 1, "exponent has no digits");
			ok = false;
		}
	} else if (prefix == 'x' && kind == LIT_FLOAT && ok) {
		error_at(l, l->line, l->col + 1, "hexadecimal mantissa requires a 'p' exponent");
		ok = false;
	}

	if (l->ch == 'i') {
		kind = LIT_IMAG;
		nextch(l);
	}
	setlit(l, kind, ok);

	char buf[32];
	if (kind == LIT_INT && invalid >= 0 && ok) {
		error_at(l, l->tline, l->tcol + invalid, "invalid digit %s in %s literal",
		         fmt_q(buf, (unsigned char)l->lit[invalid]), basename(base));
		ok = false;
	}
	if ((digsep & 2) && ok) {
		int i = invalid_sep(l->lit, l->litlen);
		if (i >= 0) {
			error_at(l, l->tline, l->tcol + i, "'_' must separate successive digits");
			ok = false;
		}
	}
	l->bad = !ok;
}

/* ------------------------------------------------------------ strings */

static bool escape(Lexer *l, int32_t quote)
{
	int n;
	uint32_t base, max;
	char buf[32];

	if (l->ch == quote) {
		nextch(l);
		return true;
	}
	switch (l->ch) {
	case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
		nextch(l);
		return true;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		n = 3, base = 8, max = 255;
		break;
	case 'x':
		nextch(l);
		n = 2, base = 16, max = 255;
		break;
	case 'u':
		nextch(l);
		n = 4, base = 16, max = 0x10FFFF;
		break;
	case 'U':
		nextch(l);
		n = 8, base = 16, max = 0x10FFFF;
		break;
	default:
		if (l->ch < 0)
			return true;    /* the caller complains about EOF */
		error_at(l, l->line, l->col + 1, "unknown escape");
		return false;
	}

	uint32_t x = 0;
	for (int i = n; i > 0; i--) {
		if (l->ch < 0)
			return true;
		uint32_t d = base;
		if (is_decimal(l->ch))
			d = (uint32_t)(l->ch - '0');
		else if ((l->ch | 0x20) >= 'a' && (l->ch | 0x20) <= 'f')
			d = (uint32_t)((l->ch | 0x20) - 'a' + 10);
		if (d >= base) {
			error_at(l, l->line, l->col + 1, "invalid character %s in %s escape",
			         fmt_q(buf, l->ch), basename((int)base));
			return false;
		}
		x = x * base + d;
		nextch(l);
	}
	if (x > max && base == 8) {
		error_at(l, l->line, l->col + 1, "octal escape value %u > 255", x);
		return false;
	}
	if (x > max || (x >= 0xD800 && x < 0xE000)) {
		error_at(l, l->line, l->col + 1, "escape is invalid Unicode code point %s",
		         fmt_U(buf, (int32_t)x));
		return false;
	}
	return true;
}

static void rune_lit(Lexer *l)
{
	bool ok = true;
	nextch(l);
	for (int n = 0;; n++) {
		if (l->ch == '\'') {
			if (ok) {
				if (n == 0) {
					error_at(l, l->line, l->col + 1, "empty rune literal or unescaped '");
					ok = false;
				} else if (n != 1) {
					error_at(l, l->tline, l->tcol, "more than one character in rune literal");
					ok = false;
				}
			}
			nextch(l);
			break;
		}
		if (l->ch == '\\') {
			nextch(l);
			if (!escape(l, '\''))
				ok = false;
			continue;
		}
		if (l->ch == '\n') {
			if (ok) {
				error_at(l, l->line, l->col + 1, "newline in rune literal");
				ok = false;
			}
			break;
		}
		if (l->ch < 0) {
			if (ok) {
				error_at(l, l->tline, l->tcol, "rune literal not terminated");
				ok = false;
			}
			break;
		}
		nextch(l);
	}
	setlit(l, LIT_RUNE, ok);
}

static void std_string(Lexer *l)
{
	bool ok = true;
	nextch(l);
	for (;;) {
		if (l->ch == '"') {
			nextch(l);
			break;
		}
		if (l->ch == '\\') {
			nextch(l);
			if (!escape(l, '"'))
				ok = false;
			continue;
		}
		if (l->ch == '\n') {
			error_at(l, l->line, l->col + 1, "newline in string");
			ok = false;
			break;
		}
		if (l->ch < 0) {
			error_at(l, l->tline, l->tcol, "string not terminated");
			ok = false;
			break;
		}
		nextch(l);
	}
	setlit(l, LIT_STRING, ok);
}

/* Raw strings keep their text minus carriage returns (which are not part
 * of the value), so the checker can take the bytes between the quotes. */
static void raw_string(Lexer *l)
{
	bool ok = true, cr = false;
	nextch(l);
	for (;;) {
		if (l->ch == '`') {
			nextch(l);
			break;
		}
		if (l->ch < 0) {
			error_at(l, l->tline, l->tcol, "string not terminated");
			ok = false;
			break;
		}
		if (l->ch == '\r')
			cr = true;
		nextch(l);
	}
	setlit(l, LIT_STRING, ok);
	if (cr) {
		char *s = arena_alloc(&perm, (size_t)l->litlen + 1);
		int n = 0;
		for (int i = 0; i < l->litlen; i++) {
			if (l->lit[i] != '\r')
				s[n++] = l->lit[i];
		}
		s[n] = '\0';
		l->lit = s;
		l->litlen = n;
	}
}

/* ------------------------------------------------------------ comments */

static bool has_prefix(const char *s, size_t n, const char *pre)
{
	size_t m = strlen(pre);
	return n >= m && memcmp(s, pre, m) == 0;
}

static bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static const char *trimmed(const char *s, size_t n)
{
	while (n > 0 && is_space((unsigned char)*s))
		s++, n--;
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	return arena_strndup(&perm, s, n);
}

static void push_str(const char ***v, int *n, const char *s)
{
	if ((*n & (*n - 1)) == 0) {
		const char **nv = arena_alloc(&perm, (*n ? 2 * *n : 2) * sizeof(char *));
		if (*n)
			memcpy(nv, *v, *n * sizeof(char *));
		*v = nv;
	}
	(*v)[(*n)++] = s;
}

/* Parses the trailing ":digits" of s[0:n]: returns the index after the
 * colon (0 if there is no colon) and the value in *v; *ok reports valid
 * digits. */
static size_t trailing_digits(const char *s, size_t n, uint32_t *v, bool *ok)
{
	size_t i = n;
	while (i > 0 && s[i - 1] != ':')
		i--;
	*v = 0;
	*ok = false;
	if (i == 0)
		return 0;
	if (i == n)
		return i;
	uint64_t x = 0;
	for (size_t j = i; j < n; j++) {
		if (!is_decimal((unsigned char)s[j]) || x > 0xFFFFFFFFu)
			return i;
		x = x * 10 + (uint64_t)(s[j] - '0');
	}
	if (x > 0xFFFFFFFFu)
		return i;
	*v = (uint32_t)x;
	*ok = true;
	return i;
}

/* A line directive "//line filename:line[:col]" or its block comment form;
 * text is after "line ";
 * (tline, tcol) is where text starts; (nline, ncol) is the position the
 * directive applies from. */
static void line_directive(Lexer *l, const char *text, size_t n, int32_t tline, int32_t tcol,
                           int32_t nline, int32_t ncol)
{
	uint32_t v, v2, line, col = 0;
	bool ok, ok2;
	size_t i = trailing_digits(text, n, &v, &ok);
	if (i == 0)
		return;     /* not a line directive */
	if (!ok) {
		error_at(l, tline, tcol + (int32_t)i, "invalid line number: %.*s", (int)(n - i), text + i);
		return;
	}
	size_t i2 = trailing_digits(text, i - 1, &v2, &ok2);
	size_t fn = i - 1;
	if (ok2) {
		line = v2, col = v;
		if (col == 0 || col > (1u << 30)) {
			error_at(l, tline, tcol + (int32_t)i, "invalid column number: %.*s", (int)(n - i),
			         text + i);
			return;
		}
		fn = i2 - 1;
		i = i2;
	} else {
		line = v;
	}
	if (line == 0 || line > (1u << 30)) {
		error_at(l, tline, tcol + (int32_t)i, "invalid line number: %.*s", (int)(n - i), text + i);
		return;
	}
	/* Each directive gets its own SrcFile, like a gc position base:
	 * diagnostics sort by base first, then by line and column. */
	const char *name;
	if (fn == 0 && ok2)
		name = srcfile_get(l->bfile ? l->bfile : l->file)->path;
	else
		name = intern(text, fn);
	int32_t f = srcfile_add(name, l->src, l->len);
	l->bfile = f;
	l->bpline = nline;
	l->bpcol = ncol;
	l->bline = (int32_t)line;
	l->bcol = (int32_t)col;
}

static const struct {
	const char *name;
	uint32_t bit;
} pragmas[] = {
	{"noinline", PRAGMA_NOINLINE},
	{"nosplit", PRAGMA_NOSPLIT},
	{"noescape", PRAGMA_NOESCAPE},
	{"norace", PRAGMA_NORACE},
	{"nocheckptr", PRAGMA_NOCHECKPTR},
	{"uintptrescapes", PRAGMA_UINTPTRESCAPES},
	{"registerparams", PRAGMA_REGISTERPARAMS},
	{"systemstack", PRAGMA_SYSTEMSTACK},
	{"nowritebarrier", PRAGMA_NOWRITEBARRIER},
	{"nointerface", PRAGMA_NOINTERFACE},
};

static bool is_verb(const char *s, size_t w, const char *verb)
{
	return strlen(verb) == w && memcmp(s, verb, w) == 0;
}

/* //go:cgo_ldflag "arg": exactly one quoted argument (gc's pragcgo) */
static void check_cgo_ldflag(Lexer *l, const char *s, size_t n, size_t w)
{
	size_t i = w, nf = 0, qstart = 0, qend = 0;
	while (i < n) {
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		if (i == n)
			break;
		size_t j = i;
		while (j < n && !is_space((unsigned char)s[j]))
			j++;
		nf++, qstart = i, qend = j;
		i = j;
	}
	if (nf != 1 || qend - qstart < 2 || s[qstart] != '"' || s[qend - 1] != '"')
	{
		error_at(l, l->tline, l->tcol + 2, "usage: //go:cgo_ldflag \"arg\"");
		if (!l->quiet)
			diag_note_soft();
	}
}

/* Records the directive "go:" s[0:w] for the parser; s is after "go:". */
static void record_directive(Lexer *l, const char *s, size_t n, size_t w, uint32_t flag)
{
	if (is_verb(s, w, "notinheap"))
		flag = DIR_NOTINHEAP;
	else if (is_verb(s, w, "build"))
		flag = DIR_GOBUILD;
	else if (is_verb(s, w, "embed"))
		flag = DIR_EMBED;
	else if (is_verb(s, w, "nowritebarrierrec"))
		flag = 1 << 23;
	else if (is_verb(s, w, "yeswritebarrierrec"))
		flag = 1 << 24;
	else if (is_verb(s, w, "cgo_ldflag"))
		check_cgo_ldflag(l, s, n, w);
	/* gc: a directive must be on a line by itself */
	Pos at = mkpos(l, l->tline, l->tcol + 2);
	if (l->ntoks && l->lasttokline == l->tline) {
		error_at(l, l->tline, l->tcol + 2, "misplaced compiler directive");
		if (!l->quiet)
			diag_note_soft();
		return;
	}
	if (l->ndirs == l->capdirs) {
		l->capdirs = l->capdirs ? l->capdirs * 2 : 8;
		l->dirs = realloc(l->dirs, sizeof(LexDirective) * (size_t)l->capdirs);
	}
	char *verb = arena_alloc(&perm, w + 4);
	memcpy(verb, "go:", 3);
	memcpy(verb + 3, s, w);
	verb[w + 3] = 0;
	l->dirs[l->ndirs++] = (LexDirective){at, flag, verb};
}

/* A line comment; s points after the "//", n excludes the newline. */
static void line_comment(Lexer *l, const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (l->tcol == 1 && has_prefix(s, n, "line ")) {
		line_directive(l, s + 5, n - 5, l->tline, l->tcol + 7, l->tline + 1, 1);
		return;
	}
	if (l->header && has_prefix(s, n, "go:build") && (n == 8 || is_space((unsigned char)s[8]))) {
		if (!l->gobuild)
			l->gobuild = trimmed(s + 8, n - 8);
		return;
	}
	if (l->header) {
		size_t i = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (has_prefix(s + i, n - i, "+build") && (n - i == 6 || is_space((unsigned char)s[i + 6]))) {
			push_str(&l->plusbuild, &l->nplusbuild, trimmed(s + i + 6, n - i - 6));
			return;
		}
	}
	if (!has_prefix(s, n, "go:"))
		return;
	s += 3, n -= 3;
	size_t w = 0;
	while (w < n && !is_space((unsigned char)s[w]))
		w++;
	if (w == 8 && memcmp(s, "linkname", 8) == 0) {
		const char *f[2] = {NULL, NULL};
		size_t i = w;
		for (int k = 0; k < 2; k++) {
			while (i < n && is_space((unsigned char)s[i]))
				i++;
			size_t j = i;
			while (j < n && !is_space((unsigned char)s[j]))
				j++;
			if (j > i)
				f[k] = intern(s + i, j - i);
			i = j;
		}
		if (f[0]) {
			push_str(&l->linknames, &l->nlinknames, f[0]);
			push_str(&l->linknames, &l->nlinknames, f[1]);
			int k = l->nlinknames / 2;  /* pairs; in perm, doubling at powers of two */
			if ((k & (k - 1)) == 0) {
				Pos *v = arena_alloc(&perm, sizeof(Pos) * (size_t)(2 * k));
				if (k > 1) memcpy(v, l->linknamepos, sizeof(Pos) * (size_t)(k - 1));
				l->linknamepos = v;
			}
			l->linknamepos[k - 1] = mkpos(l, l->tline, l->tcol + 2);
		}
		l->pragma |= PRAGMA_LINKNAME;
		return;
	}
	uint32_t flag = 0;
	for (size_t k = 0; k < sizeof pragmas / sizeof pragmas[0]; k++) {
		if (strlen(pragmas[k].name) == w && memcmp(s, pragmas[k].name, w) == 0) {
			l->pragma |= pragmas[k].bit;
			flag = pragmas[k].bit;
		}
	}
	record_directive(l, s, n, w, flag);
}

/* ------------------------------------------------------------ tokens */

static void op(Lexer *l, Op o, int prec)
{
	l->op = o;
	l->prec = prec;
}

/* After an operator character: op= or the operator alone. */
static void assignop(Lexer *l)
{
	if (l->ch == '=') {
		nextch(l);
		l->tok = T_ASSIGNOP;
		return;
	}
	l->tok = T_OPERATOR;
}

void lex_next(Lexer *l)
{
	bool nlsemi = l->nlsemi;
	l->nlsemi = false;
	char buf[32];
	if (l->tok != T_NONE || l->ntoks) {
		l->lasttokline = l->tline;
		l->ntoks++;
	}

redo:
	while (l->ch == ' ' || l->ch == '\t' || (l->ch == '\n' && !nlsemi) || l->ch == '\r')
		nextch(l);

	l->tline = l->line;
	l->tcol = l->col + 1;
	l->pos = mkpos(l, l->tline, l->tcol);
	l->start = curoff(l);
	l->lit = NULL;
	l->litlen = 0;
	l->op = OP_NONE;
	l->prec = 0;

	if (is_letter(l->ch) || (l->ch >= 0x80 && at_ident_char(l, true))) {
		nextch(l);
		ident(l);
		return;
	}

	switch (l->ch) {
	case -1:
		if (nlsemi) {
			l->lit = "EOF";
			l->tok = T_SEMI;
			break;
		}
		l->tok = T_EOF;
		break;
	case '\n':
		nextch(l);
		l->lit = "newline";
		l->tok = T_SEMI;
		break;
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		number(l, false);
		break;
	case '"':
		std_string(l);
		break;
	case '`':
		raw_string(l);
		break;
	case '\'':
		rune_lit(l);
		break;
	case '(':
		nextch(l);
		l->tok = T_LPAREN;
		break;
	case '[':
		nextch(l);
		l->tok = T_LBRACK;
		break;
	case '{':
		nextch(l);
		l->tok = T_LBRACE;
		break;
	case ',':
		nextch(l);
		l->tok = T_COMMA;
		break;
	case ';':
		nextch(l);
		l->lit = "semicolon";
		l->tok = T_SEMI;
		break;
	case ')':
		nextch(l);
		l->nlsemi = true;
		l->tok = T_RPAREN;
		break;
	case ']':
		nextch(l);
		l->nlsemi = true;
		l->tok = T_RBRACK;
		break;
	case '}':
		nextch(l);
		l->nlsemi = true;
		l->tok = T_RBRACE;
		break;
	case ':':
		nextch(l);
		if (l->ch == '=') {
			nextch(l);
			l->tok = T_DEFINE;
			break;
		}
		l->tok = T_COLON;
		break;
	case '.':
		nextch(l);
		if (is_decimal(l->ch)) {
			number(l, true);
			break;
		}
		if (l->ch == '.' && l->r < l->len && l->src[l->r] == '.') {
			nextch(l);
			nextch(l);
			l->tok = T_DOTDOTDOT;
			break;
		}
		l->tok = T_DOT;
		break;
	case '+':
		nextch(l);
		op(l, OP_ADD, PREC_ADD);
		if (l->ch != '+') {
			assignop(l);
			break;
		}
		nextch(l);
		l->nlsemi = true;
		l->tok = T_INCOP;
		break;
	case '-':
		nextch(l);
		op(l, OP_SUB, PREC_ADD);
		if (l->ch != '-') {
			assignop(l);
			break;
		}
		nextch(l);
		l->nlsemi = true;
		l->tok = T_INCOP;
		break;
	case '*':
		nextch(l);
		op(l, OP_MUL, PREC_MUL);
		if (l->ch == '=') {
			nextch(l);
			l->tok = T_ASSIGNOP;
			break;
		}
		l->tok = T_STAR;
		break;
	case '/':
		nextch(l);
		if (l->ch == '/') {
			nextch(l);
			size_t s = curoff(l);
			while (l->ch >= 0 && l->ch != '\n')
				nextch(l);
			line_comment(l, l->src + s, curoff(l) - s);
			goto redo;
		}
		if (l->ch == '*') {
			nextch(l);
			bool closed = false;
			while (l->ch >= 0) {
				if (l->ch == '*') {
					nextch(l);
					if (l->ch == '/') {
						nextch(l);
						closed = true;
						break;
					}
					continue;
				}
				nextch(l);
			}
			if (!closed) {
				error_at(l, l->tline, l->tcol, "comment not terminated");
			} else {
				const char *c = l->src + l->start + 2;
				size_t cn = curoff(l) - l->start - 4;
				if (has_prefix(c, cn, "line "))
					line_directive(l, c + 5, cn - 5, l->tline, l->tcol + 7, l->line, l->col + 1);
			}
			if (l->line > l->tline && nlsemi) {
				/* a multi-line comment acts like a newline */
				l->lit = "newline";
				l->tok = T_SEMI;
				break;
			}
			goto redo;
		}
		op(l, OP_QUO, PREC_MUL);
		assignop(l);
		break;
	case '%':
		nextch(l);
		op(l, OP_REM, PREC_MUL);
		assignop(l);
		break;
	case '&':
		nextch(l);
		if (l->ch == '&') {
			nextch(l);
			op(l, OP_LAND, PREC_ANDAND);
			l->tok = T_OPERATOR;
			break;
		}
		op(l, OP_AND, PREC_MUL);
		if (l->ch == '^') {
			nextch(l);
			l->op = OP_ANDNOT;
		}
		assignop(l);
		break;
	case '|':
		nextch(l);
		if (l->ch == '|') {
			nextch(l);
			op(l, OP_LOR, PREC_OROR);
			l->tok = T_OPERATOR;
			break;
		}
		op(l, OP_OR, PREC_ADD);
		assignop(l);
		break;
	case '^':
		nextch(l);
		op(l, OP_XOR, PREC_ADD);
		assignop(l);
		break;
	case '<':
		nextch(l);
		if (l->ch == '=') {
			nextch(l);
			op(l, OP_LEQ, PREC_CMP);
			l->tok = T_OPERATOR;
			break;
		}
		if (l->ch == '<') {
			nextch(l);
			op(l, OP_SHL, PREC_MUL);
			assignop(l);
			break;
		}
		if (l->ch == '-') {
			nextch(l);
			l->op = OP_ARROW;
			l->tok = T_ARROW;
			break;
		}
		op(l, OP_LSS, PREC_CMP);
		l->tok = T_OPERATOR;
		break;
	case '>':
		nextch(l);
		if (l->ch == '=') {
			nextch(l);
			op(l, OP_GEQ, PREC_CMP);
			l->tok = T_OPERATOR;
			break;
		}
		if (l->ch == '>') {
			nextch(l);
			op(l, OP_SHR, PREC_MUL);
			assignop(l);
			break;
		}
		op(l, OP_GTR, PREC_CMP);
		l->tok = T_OPERATOR;
		break;
	case '=':
		nextch(l);
		if (l->ch == '=') {
			nextch(l);
			op(l, OP_EQL, PREC_CMP);
			l->tok = T_OPERATOR;
			break;
		}
		l->tok = T_ASSIGN;
		break;
	case '!':
		nextch(l);
		if (l->ch == '=') {
			nextch(l);
			op(l, OP_NEQ, PREC_CMP);
			l->tok = T_OPERATOR;
			break;
		}
		op(l, OP_NOT, 0);
		l->tok = T_OPERATOR;
		break;
	case '~':
		nextch(l);
		op(l, OP_TILDE, 0);
		l->tok = T_OPERATOR;
		break;
	default:
		error_at(l, l->line, l->col + 1, "invalid character %s", fmt_U(buf, l->ch));
		nextch(l);
		goto redo;
	}
}
