/* test_string.c: string.c (comparisons, concatenation, string(rune)) and the
 * slice/interface print formats, called directly from C (system stack). */
#define _GNU_SOURCE
#include "rt.h"
#include "testhelper.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define S(lit) (const uint8_t *)(lit), (intptr_t)(sizeof(lit) - 1)

static int is(GoString s, const char *want)
{
	return s.n == (intptr_t)strlen(want) && !memcmp(s.p, want, (size_t)s.n);
}

int main(void)
{
	rt_malloc_init();
	CHECK("string: eqstring", rt_eqstring(S("abc"), S("abc")) && !rt_eqstring(S("abc"), S("abd")) &&
		  !rt_eqstring(S("ab"), S("abc")) && rt_eqstring(S(""), S("")));
	CHECK("string: cmpstring is bytewise", rt_cmpstring(S("a"), S("b")) == -1 && rt_cmpstring(S("b"), S("a")) == 1 &&
		  rt_cmpstring(S("ab"), S("abc")) == -1 && rt_cmpstring(S("abc"), S("abc")) == 0 &&
		  rt_cmpstring(S("\xff"), S("a")) == 1);
	CHECK_BODY("string: concatstring2")
	{
		GoString s = rt_concatstring2_c(S("foo"), S("bar"));
		uintptr_t st, en;
		result = is(s, "foobar") && rt_heap_find((uintptr_t)s.p, &st, &en) == RT_HEAP_OBJECT;
		GoString t = rt_concatstring2_c(S(""), S("bar"));
		result = result && is(t, "bar") && rt_heap_find((uintptr_t)t.p, &st, &en) == RT_HEAP_OUTSIDE;
	}
	CHECK("string: intstring (gc: A 日 � � � 𐀀)",
	      is(rt_intstring_c(65), "A") && is(rt_intstring_c(0x65e5), "\xe6\x97\xa5") &&
		      is(rt_intstring_c(-1), "\xef\xbf\xbd") && is(rt_intstring_c(0x110000), "\xef\xbf\xbd") &&
		      is(rt_intstring_c(0xD800), "\xef\xbf\xbd") && is(rt_intstring_c(0x10000), "\xf0\x90\x80\x80") &&
		      is(rt_intstring_c(0x7ff), "\xdf\xbf"));
	CHECK_BODY("print: slices and interfaces like gc")
	{
		FILE *out = tmpfile();
		int saved = dup(2);
		dup2(fileno(out), 2);
		rt_printslice((void *)0xc000036748, 3, 5);
		rt_printsp();
		rt_printslice(NULL, 0, 0);
		rt_printsp();
		rt_printeface((void *)0x45c0c0, (void *)0x47b848);
		rt_printsp();
		rt_printeface(NULL, NULL);
		rt_printnl();
		dup2(saved, 2);
		char buf[128] = {0};
		fseek(out, 0, SEEK_SET);
		size_t n = fread(buf, 1, sizeof buf - 1, out);
		const char *want = "[3/5]0xc000036748 [0/0]0x0 (0x45c0c0,0x47b848) (0x0,0x0)\n";
		result = n == strlen(want) && !strcmp(buf, want);
	}
	return print_test_summary();
}
