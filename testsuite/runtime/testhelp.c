/* testhelp.c: C helpers for the hand-written IR tests (*.ll), called from
 * Go-like code as gc-leaf functions; they switch to the system stack because
 * libc needs more than a segment's slack. */
#include "rt.h"

#include <stdlib.h>

typedef struct {
	const char *name;
	int64_t def, val;
} EnvArg;

static void env_int(void *arg)
{
	EnvArg *a = arg;
	const char *s = getenv(a->name);
	a->val = s && *s ? strtoll(s, NULL, 0) : a->def;
}

int64_t test_env_int(const char *name, int64_t def)
{
	EnvArg a = {name, def, 0};
	rt_systemstack(env_int, &a);
	return a.val;
}
