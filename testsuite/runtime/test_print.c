/* test_print.c: runtime.print* against gc's output, byte for byte.
 * usage: test_print print_values.txt print_golden.txt
 * Prints every value of print_values.txt with libruntime into a pipe-less
 * temporary file (fd 2 redirected) and compares with print_golden.txt. */
#define _GNU_SOURCE
#include "rt.h"
#include "testhelper.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static double bits2f(unsigned long long b)
{
	double d;
	memcpy(&d, &b, 8);
	return d;
}

static char *slurp(FILE *f, size_t *n)
{
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = malloc((size_t)len + 1);
	*n = fread(p, 1, (size_t)len, f);
	p[*n] = 0;
	return p;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_print VALUES GOLDEN\n");
		return 2;
	}
	FILE *vals = fopen(argv[1], "r"), *golden = fopen(argv[2], "r");
	FILE *out = tmpfile();
	if (!vals || !golden || !out) {
		perror("open");
		return 2;
	}
	int saved = dup(2);
	dup2(fileno(out), 2);
	char line[4096];
	int nvals = 0;
	while (fgets(line, sizeof line, vals)) {
		line[strcspn(line, "\n")] = 0;
		const char *a = line + 2;
		rt_printlock();
		switch (line[0]) {
		case 'i': rt_printint(strtoll(a, NULL, 10)); break;
		case 'u': rt_printuint(strtoull(a, NULL, 10)); break;
		case 'p': rt_printpointer((void *)(uintptr_t)strtoull(a, NULL, 16)); break;
		case 'f': rt_printfloat(bits2f(strtoull(a, NULL, 16))); break;
		case 'c': {
			char *end;
			unsigned long long re = strtoull(a, &end, 16), im = strtoull(end, NULL, 16);
			rt_printcomplex(bits2f(re), bits2f(im));
			break;
		}
		case 'b': rt_printbool(a[0] == '1'); break;
		case 's': rt_printstring((const uint8_t *)a, (intptr_t)strlen(a)); break;
		case 'l': {
			char *end;
			long long x = strtoll(a, &end, 10), y = strtoll(end, NULL, 10);
			rt_printint(x);
			rt_printsp();
			rt_printint(y);
			break;
		}
		}
		rt_printnl();
		rt_printunlock();
		nvals++;
	}
	/* unlocked calls flush immediately */
	rt_printhex(0);
	rt_printsp();
	rt_printhex(0xdeadbeef);
	rt_printnl();
	fflush(stderr);
	dup2(saved, 2);

	size_t ng, no;
	char *g = slurp(golden, &ng), *o = slurp(out, &no);
	CHECK("print: value count", nvals > 800);
	CHECK_BODY("print: every value formats like gc")
	{
		const char *gp = g, *op = o;
		int lineno = 1;
		while (*gp && *op) {
			size_t gl = strcspn(gp, "\n"), ol = strcspn(op, "\n");
			if (gl != ol || memcmp(gp, op, gl)) {
				fprintf(stderr, "line %d (%s): gc %.*s, ours %.*s\n", lineno, "value",
					(int)gl, gp, (int)ol, op);
				result = false;
			}
			gp += gl + (gp[gl] != 0);
			op += ol + (op[ol] != 0);
			lineno++;
		}
		if (*gp)
			result = false;
	}
	CHECK("print: printhex and unlocked flush", no >= ng + 15 && !memcmp(o + ng, "0x0 0xdeadbeef\n", 15));
	CHECK_BODY("print: rt_format_float specials")
	{
		char b[16];
		int n = rt_format_float(b, 1.0);
		result = n == 14 && !memcmp(b, "+1.000000e+000", 14);
		n = rt_format_float(b, -1e-100);
		result = result && n == 14 && !memcmp(b, "-1.000000e-100", 14);
		n = rt_format_float(b, bits2f(0x7ff8000000000001ull));
		result = result && n == 3 && !memcmp(b, "NaN", 3);
	}
	return print_test_summary();
}
