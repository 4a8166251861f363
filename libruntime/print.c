/*
 * print.c: the print/println builtins (runtime.print*), formatted as gc's.
 *
 * Output goes to fd 2 through a per-thread buffer, written with a raw
 * write(2) when a statement ends (printnl, printunlock), when the buffer is
 * full, or after every call made outside printlock/printunlock. Everything
 * here runs on a goroutine segment without a stack check: frames stay small
 * (the largest is the 20-byte number buffer) and no libc is called.
 *
 * Formats (gc 1.19, verified byte-for-byte by testsuite/runtime/test_print.c):
 *   int/uint   decimal                 hex/pointer   0x + lowercase hex
 *   bool       true / false            complex       (re im i), e.g. (+1.000000e+000+2.000000e+000i)
 *   slice      [len/cap]0xptr          interface     (0xtype,0xdata)
 *   float      +d.dddddde+ddd: 7 significant digits, 3-digit exponent; NaN, +Inf, -Inf.
 *              The value is scaled into [1, 10) by repeated *10 or /10 in
 *              double arithmetic and rounded by adding 5e-7; those inexact
 *              steps are part of the format (they decide the last digit).
 *
 * Rejected: stdio (its locks and buffers are not ours to flush at exit and
 * its frames are large); a global buffer (needs the lock even for the
 * unlocked calls the runtime makes while dying).
 */
#include "rt.h"

#define PRINTBUF 512

typedef struct {
	int depth;              /* open printlock calls on this thread */
	size_t n;               /* buffered bytes */
	char buf[PRINTBUF];
} PrintBuf;

static __thread PrintBuf pb __attribute__((tls_model("initial-exec")));
static RtLock printlk;

void rt_print_flush(void)
{
	if (pb.n) {
		rt_os_write(2, pb.buf, pb.n);
		pb.n = 0;
	}
}

void rt_print_bytes(const void *p, size_t n)
{
	const char *s = p;
	while (n > 0) {
		if (pb.n == PRINTBUF)
			rt_print_flush();
		size_t k = PRINTBUF - pb.n < n ? PRINTBUF - pb.n : n;
		for (size_t i = 0; i < k; i++)
			pb.buf[pb.n + i] = s[i];
		pb.n += k;
		s += k;
		n -= k;
	}
	if (pb.depth <= 0)
		rt_print_flush();
}

void rt_print_cstr(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	rt_print_bytes(s, n);
}

void rt_printlock(void)
{
	if (pb.depth++ == 0)
		rt_lock(&printlk);
}

void rt_printunlock(void)
{
	if (pb.depth <= 0)
		return;
	if (--pb.depth == 0) {
		rt_print_flush();
		rt_unlock(&printlk);
	}
}

void rt_printbool(int8_t b)
{
	rt_print_cstr(b ? "true" : "false");
}

void rt_printuint(uint64_t v)
{
	char buf[20];
	int i = sizeof buf;
	do
		buf[--i] = (char)('0' + v % 10);
	while (v /= 10);
	rt_print_bytes(buf + i, sizeof buf - (size_t)i);
}

void rt_printint(int64_t v)
{
	if (v < 0) {
		rt_print_bytes("-", 1);
		rt_printuint(0 - (uint64_t)v);
		return;
	}
	rt_printuint((uint64_t)v);
}

void rt_printhex(uint64_t v)
{
	static const char dig[] = "0123456789abcdef";
	char buf[18];
	int i = sizeof buf;
	do
		buf[--i] = dig[v & 15];
	while (v >>= 4);
	buf[--i] = 'x';
	buf[--i] = '0';
	rt_print_bytes(buf + i, sizeof buf - (size_t)i);
}

void rt_printpointer(void *p)
{
	rt_printhex((uint64_t)(uintptr_t)p);
}

/* Formats v into buf (at least 14 bytes) the way gc's print does. */
int rt_format_float(char *buf, double v)
{
	enum { NDIG = 7 };
	if (v != v) {
		buf[0] = 'N', buf[1] = 'a', buf[2] = 'N';
		return 3;
	}
	if (v + v == v && v != 0) {
		buf[0] = v > 0 ? '+' : '-';
		buf[1] = 'I', buf[2] = 'n', buf[3] = 'f';
		return 4;
	}
	char sign = '+';
	int e = 0;
	if (v == 0) {
		if (__builtin_signbit(v))
			sign = '-';
	} else {
		if (v < 0) {
			v = -v;
			sign = '-';
		}
		while (v >= 10) {
			v /= 10;
			e++;
		}
		while (v < 1) {
			v *= 10;
			e--;
		}
		double half = 5;        /* round at the 7th digit: + 5e-7, built by division */
		for (int i = 0; i < NDIG; i++)
			half /= 10;
		v += half;
		if (v >= 10) {
			v /= 10;
			e++;
		}
	}
	char dig[NDIG];
	for (int i = 0; i < NDIG; i++) {
		int d = (int)v;
		dig[i] = (char)('0' + d);
		v -= d;
		v *= 10;
	}
	int n = 0;
	buf[n++] = sign;
	buf[n++] = dig[0];
	buf[n++] = '.';
	for (int i = 1; i < NDIG; i++)
		buf[n++] = dig[i];
	buf[n++] = 'e';
	buf[n++] = e < 0 ? '-' : '+';
	if (e < 0)
		e = -e;
	buf[n++] = (char)('0' + e / 100);
	buf[n++] = (char)('0' + e / 10 % 10);
	buf[n++] = (char)('0' + e % 10);
	return n;
}

void rt_printfloat(double v)
{
	char buf[16];
	rt_print_bytes(buf, (size_t)rt_format_float(buf, v));
}

void rt_printcomplex(double re, double im)
{
	rt_print_bytes("(", 1);
	rt_printfloat(re);
	rt_printfloat(im);
	rt_print_bytes("i)", 2);
}

void rt_printstring(const uint8_t *p, intptr_t n)
{
	if (n > 0)
		rt_print_bytes(p, (size_t)n);
}

/* gc: [len/cap]0xptr */
void rt_printslice(void *p, intptr_t len, intptr_t cap)
{
	rt_print_bytes("[", 1);
	rt_printint(len);
	rt_print_bytes("/", 1);
	rt_printint(cap);
	rt_print_bytes("]", 1);
	rt_printpointer(p);
}

/* gc: (0xtype,0xdata) */
void rt_printeface(const void *t, void *data)
{
	rt_print_bytes("(", 1);
	rt_printpointer((void *)t);
	rt_print_bytes(",", 1);
	rt_printpointer(data);
	rt_print_bytes(")", 1);
}

void rt_printsp(void)
{
	rt_print_bytes(" ", 1);
}

void rt_printnl(void)
{
	rt_print_bytes("\n", 1);
	rt_print_flush();
}
