/*
 * debug.c: environment switches read once at startup.
 *
 *   GOLC_DEBUG=name[,name...]   stackmaps  dump stack-map records at startup
 *                               stack      segment statistics at exit
 *                               gcstress   GOLC_GCSTRESS statistics at exit
 *                               globals    global roots per module at startup
 *   GOLC_GCSTRESS=1             walk and verify the stack at every allocation
 *   GOLC_GCSTRESS=gc[:N]        collect after every (N-th) allocation, at the
 *                               next safepoint; freed objects are poisoned
 *   GOLC_GCSTRESS=all           ... and every other started goroutine's
 *                               (when GOMAXPROCS is 1)
 *
 * Unknown GOLC_DEBUG names are reported on stderr and ignored.
 */
#include "rt.h"

#include <string.h>

unsigned rt_debug;
int rt_gcstress;
long rt_gcstress_every;

static const struct {
	const char *name;
	unsigned bit;
} switches[] = {
	{"stackmaps", RT_DBG_STACKMAPS},
	{"stack", RT_DBG_STACK},
	{"gcstress", RT_DBG_GCSTRESS},
	{"globals", RT_DBG_GLOBALS},
};

/* Parses a comma-separated list; empty items are ignored. */
unsigned rt_debug_parse(const char *s, void (*unknown)(const char *name, size_t n))
{
	unsigned bits = 0;
	while (s && *s) {
		size_t n = strcspn(s, ",");
		size_t i;
		for (i = 0; i < sizeof switches / sizeof switches[0]; i++)
			if (strlen(switches[i].name) == n && !memcmp(switches[i].name, s, n))
				break;
		if (i < sizeof switches / sizeof switches[0])
			bits |= switches[i].bit;
		else if (n > 0 && unknown)
			unknown(s, n);
		s += n;
		if (*s == ',')
			s++;
	}
	return bits;
}

static void warn_unknown(const char *name, size_t n)
{
	rt_print_cstr("GOLC_DEBUG: unknown switch ");
	rt_print_bytes(name, n);
	rt_print_cstr("\n");
}

void rt_debug_init(void)
{
	rt_debug = rt_debug_parse(rt_os_getenv("GOLC_DEBUG"), warn_unknown);
	const char *s = rt_os_getenv("GOLC_GCSTRESS");
	if (s && !strncmp(s, "gc", 2)) {
		/* gc[:N]: a collection after every N-th allocation (mgc.c) */
		long n = 0;
		for (const char *p = s[2] == ':' ? s + 3 : ""; *p >= '0' && *p <= '9'; p++) n = n * 10 + (*p - '0');
		rt_gcstress_every = n > 0 ? n : 1;
		return;
	}
	rt_gcstress = !s || !*s || !strcmp(s, "0") ? 0 : !strcmp(s, "all") ? 2 : 1;
}
