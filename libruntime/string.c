/*
 * string.c: the string operations codegen lowers to calls.
 *
 *   runtime.eqstring(a, b)      -> bool    (leaf)
 *   runtime.cmpstring(a, b)     -> -1/0/1  (leaf; bytewise, like gc)
 *   runtime.concatstring2(a, b) -> string  (allocates: RT_GOENTRY)
 *   runtime.intstring(v)        -> string  (allocates: RT_GOENTRY; UTF-8 of
 *                                 a rune, U+FFFD for invalid code points)
 *
 * Strings are {ptr, len}; results come back as a GoString (two registers,
 * as LLVM returns {ptr, i64}). Everything here runs on a goroutine segment
 * without a stack check: no libc (memcmp/memcpy through the PLT could run
 * the lazy-binding resolver, which saves vector state on this stack), tiny
 * frames; rt_mallocgc switches to the system stack when it maps memory.
 * (Slice and interface printing, once here, live in print.c.)
 */
#include "rt.h"

int8_t rt_eqstring(const uint8_t *p, intptr_t n, const uint8_t *q, intptr_t m)
{
	if (n != m)
		return 0;
	if (p == q)
		return 1;
	for (intptr_t i = 0; i < n; i++)
		if (p[i] != q[i])
			return 0;
	return 1;
}

intptr_t rt_cmpstring(const uint8_t *p, intptr_t n, const uint8_t *q, intptr_t m)
{
	intptr_t k = n < m ? n : m;
	for (intptr_t i = 0; i < k; i++)
		if (p[i] != q[i])
			return p[i] < q[i] ? -1 : 1;
	return n < m ? -1 : n > m;
}

GoString rt_concatstring2_c(const uint8_t *p, intptr_t n, const uint8_t *q, intptr_t m)
{
	if (n == 0)
		return (GoString){q, m};
	if (m == 0)
		return (GoString){p, n};
	uint8_t *r = rt_mallocgc((size_t)(n + m), NULL);
	for (intptr_t i = 0; i < n; i++)
		r[i] = p[i];
	for (intptr_t i = 0; i < m; i++)
		r[n + i] = q[i];
	return (GoString){r, n + m};
}

GoString rt_intstring_c(int64_t v)
{
	uint8_t b[4];
	int n;
	if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	if (v < 0x80) {
		b[0] = (uint8_t)v;
		n = 1;
	} else if (v < 0x800) {
		b[0] = (uint8_t)(0xC0 | v >> 6);
		b[1] = (uint8_t)(0x80 | (v & 0x3F));
		n = 2;
	} else if (v < 0x10000) {
		b[0] = (uint8_t)(0xE0 | v >> 12);
		b[1] = (uint8_t)(0x80 | (v >> 6 & 0x3F));
		b[2] = (uint8_t)(0x80 | (v & 0x3F));
		n = 3;
	} else {
		b[0] = (uint8_t)(0xF0 | v >> 18);
		b[1] = (uint8_t)(0x80 | (v >> 12 & 0x3F));
		b[2] = (uint8_t)(0x80 | (v >> 6 & 0x3F));
		b[3] = (uint8_t)(0x80 | (v & 0x3F));
		n = 4;
	}
	uint8_t *r = rt_mallocgc((size_t)n, NULL);
	for (int i = 0; i < n; i++)
		r[i] = b[i];
	return (GoString){r, n};
}

/* a C string as a Go string (no copy) */
GoString rt_gostring(const char *s)
{
	intptr_t n = 0;
	while (s[n])
		n++;
	return (GoString){(const uint8_t *)s, n};
}
