/*
 * complex.c: complex division with Go's semantics (runtime.complex128div).
 *
 * x / y is computed by Smith's method (R. L. Smith, "Algorithm 116: Complex
 * division", CACM 1962): divide through by the larger component of y, which
 * avoids the overflow of the textbook (ac+bd)/(c²+d²). When that yields NaN
 * for both parts, the result is corrected toward infinities and zeros as C99
 * Annex G specifies for the multiplicative operators, as Go does: x/0 with a
 * non-NaN x is an infinity, an infinite x over a finite y is infinite, a
 * finite x over an infinite y is zero. complex64 division is done in double
 * precision by codegen and rounded back.
 *
 * Pure computation: called as a gc-leaf function; uses compiler builtins only
 * (no libc calls on a goroutine stack).
 */
#include "rt.h"

static int isnan_(double x) { return __builtin_isnan(x); }
static int isinf_(double x) { return __builtin_isinf(x); }
static int finite_(double x) { return !isnan_(x) && !isinf_(x); }
static double sign1(int inf, double x) { return __builtin_copysign(inf ? 1.0 : 0.0, x); }

GoComplex128 rt_complex128div(double a, double b, double c, double d)
{
	double e, f;
	if (__builtin_fabs(c) >= __builtin_fabs(d)) {
		double r = d / c, den = c + r * d;
		e = (a + b * r) / den;
		f = (b - a * r) / den;
	} else {
		double r = c / d, den = d + r * c;
		e = (a * r + b) / den;
		f = (b * r - a) / den;
	}
	if (isnan_(e) && isnan_(f)) {
		double inf = __builtin_inf();
		if (c == 0 && d == 0 && (!isnan_(a) || !isnan_(b))) {
			e = __builtin_copysign(inf, c) * a;
			f = __builtin_copysign(inf, c) * b;
		} else if ((isinf_(a) || isinf_(b)) && finite_(c) && finite_(d)) {
			a = sign1(isinf_(a), a);
			b = sign1(isinf_(b), b);
			e = inf * (a * c + b * d);
			f = inf * (b * c - a * d);
		} else if ((isinf_(c) || isinf_(d)) && finite_(a) && finite_(b)) {
			c = sign1(isinf_(c), c);
			d = sign1(isinf_(d), d);
			e = 0.0 * (a * c + b * d);
			f = 0.0 * (b * c - a * d);
		}
	}
	return (GoComplex128){e, f};
}
