/*
 * rt0.c: the C main of every program (in its own object, so that runtime
 * unit tests can link libruntime with a main of their own).
 *
 *   1. record argc/argv/envp; read GOLC_DEBUG / GOLC_GCSTRESS
 *   2. parse .llvm_stackmaps, load the golc_modules descriptors, bind and
 *      validate records (fatal errors are reported before any Go code runs)
 *   3. map the first heap chunk
 *   4. run main.init then main.main on goroutine 1 (proc.c's scheduler);
 *      when main.main returns, the program exits with status 0
 */
#include "rt.h"

#include <stdlib.h>

static void exit_main(void *arg)
{
	(void)arg;
	rt_print_flush();
	if (rt_debug & RT_DBG_STACK)
		rt_stack_report();
	if (rt_debug & RT_DBG_GCSTRESS)
		rt_gcstress_report();
	rt_os_exit(0);          /* exit_group: other threads stop where they are */
}

/* G 1: the package initializers, then main.main */
static void gomain(void *arg)
{
	(void)arg;
	go_main_init();
	go_main_main();
	rt_systemstack(exit_main, NULL);
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
	rt_sched_main(gomain);
}
