/*
 * bigstack.c: runs a function on a thread with a large stack. The parser
 * bounds the depth of the syntax tree (parse_nest, as go/parser does), but
 * the checker and codegen recurse over that tree and over chains of
 * declarations, which can take far more than the main thread's 8 MB; gc's
 * goroutine stacks grow to 1 GB. The stack is address space: only the pages
 * a deep input touches get memory.
 */
#include "frontend.h"

#include <pthread.h>

enum { BIGSTACK = 1 << 30 };

typedef struct Call {
	int (*fn)(void *);
	void *arg;
	int ret;
} Call;

static void *start(void *p)
{
	Call *c = p;
	c->ret = c->fn(c->arg);
	return NULL;
}

int bigstack_run(int (*fn)(void *), void *arg)
{
	Call c = {fn, arg, 0};
	pthread_attr_t attr;
	pthread_t t;
	if (pthread_attr_init(&attr) != 0) return fn(arg);
	bool ok = pthread_attr_setstacksize(&attr, BIGSTACK) == 0 && pthread_create(&t, &attr, start, &c) == 0;
	pthread_attr_destroy(&attr);
	if (!ok) return fn(arg);    /* no room for the stack: the caller's */
	pthread_join(t, NULL);
	return c.ret;
}
