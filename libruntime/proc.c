/*
 * proc.c: program startup: C main -> main goroutine -> main.init, main.main.
 *
 * Order (all on the thread's own stack, which becomes its system stack):
 *   1. record argc/argv/envp; read GOLC_DEBUG / GOLC_GCSTRESS
 *   2. parse .llvm_stackmaps, load the golc_modules descriptors, bind and
 *      validate records (fatal errors are reported before any Go code runs)
 *   3. map the first heap chunk
 *   4. create G 1 with an RT_STACK_MIN (8 KB) first segment and run
 *      main.init then main.main on it (rt_gostart_asm)
 *   5. back on the system stack: exit(0)
 *
 * The scheduler (Ms, Ps, more goroutines) replaces step 4 later; this file
 * then keeps only startup.
 */
#include "rt.h"

#include <stdlib.h>

int rt_argc;
char **rt_argv;
char **rt_envp;

static G g1;

/* Runs on the main goroutine's first segment: keep the frame small. */
static void gomain(void *arg)
{
	(void)arg;
	go_main_init();
	go_main_main();
}

int main(int argc, char **argv, char **envp)
{
	rt_argc = argc;
	rt_argv = argv;
	rt_envp = envp;
	rt_debug_init();
	rt_stackmap_init();
	rt_symtab_init();
	rt_stackmap_check_locs();
	rt_malloc_init();

	G *g = &g1;
	g->goid = 1;
	rt_stack_init_g(g, RT_STACK_MIN);
	rt_curg = g;
	rt_gostart_asm(gomain, NULL, g->seg0);
	rt_print_flush();
	if (rt_debug & RT_DBG_STACK)
		rt_stack_report();
	if (rt_debug & RT_DBG_GCSTRESS)
		rt_gcstress_report();
	exit(0);
}
