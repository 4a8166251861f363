/* test_globals.c: rt_globals_roots (symtab.c) over a hand-made module
 * descriptor in section golc_modules, as codegen emits one (goabi.h
 * GoGlobal): every word whose mask bit is set, in every module, and nothing
 * past a variable's size. */
#include "rt.h"
#include "testhelper.h"

#include <string.h>

static struct {
	void *a;                /* word 0: pointer */
	uintptr_t n;            /* word 1 */
	void *b;                /* word 2: pointer */
} v1;
static const uint8_t mask1[] = {0x05};

static void *v2[70];        /* every word a pointer: the mask spans 9 bytes */
static const uint8_t mask2[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f};

static uintptr_t v3[2];     /* the mask's bits beyond the size (2 words) are ignored */
static const uint8_t mask3[] = {0xfe};

static const GoGlobal globals[] = {
	{&v1, sizeof v1, mask1},
	{v2, sizeof v2, mask2},
	{v3, sizeof v3, mask3},
};
static const GoModule module = {.pkgpath = "test", .nglobals = 3, .globals = globals};
__attribute__((used, section("golc_modules"))) static const GoModule *const moduleptr = &module;

typedef struct Seen {
	uintptr_t *slots[128];
	int n, other;           /* other: roots of other modules (runtime.o) */
} Seen;

static int mine(uintptr_t *slot)
{
	uintptr_t p = (uintptr_t)slot;
	return (p >= (uintptr_t)&v1 && p < (uintptr_t)(&v1 + 1)) || (p >= (uintptr_t)v2 && p < (uintptr_t)(v2 + 70)) ||
	       (p >= (uintptr_t)v3 && p < (uintptr_t)(v3 + 2));
}

static void record(uintptr_t *slot, void *arg)
{
	Seen *s = arg;
	if (!mine(slot))
		s->other++;
	else if (s->n < 128)
		s->slots[s->n++] = slot;
}

int main(void)
{
	Seen s;
	memset(&s, 0, sizeof s);
	rt_globals_roots(record, &s);
	CHECK("globals: 2 + 70 + 1 marked words of this module", s.n == 73);
	CHECK("globals: struct words 0 and 2, in order",
	      s.n > 2 && s.slots[0] == (uintptr_t *)&v1.a && s.slots[1] == (uintptr_t *)&v1.b);
	CHECK_BODY("globals: all 70 words of the array, in order")
	{
		for (int i = 0; i < 70; i++)
			result = result && s.n > 2 + i && s.slots[2 + i] == (uintptr_t *)&v2[i];
	}
	CHECK("globals: word 1 of the two-word variable, none past its end",
	      s.n == 73 && s.slots[72] == &v3[1]);
	return print_test_summary();
}
