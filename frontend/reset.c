/*
 * reset.c: frontend_reset returns the frontend to its state before the first
 * file was read, so that one process can check many unrelated inputs (the
 * fuzzer, testsuite/fuzz). A compilation never calls it: golc checks one
 * program and exits.
 *
 * Every table that points into perm is emptied before perm itself is reset.
 * GMP storage of constants is malloc'd (const.c) and is not released here;
 * the fuzzer routes GMP through its own allocator and frees it.
 */
#include "frontend.h"

void frontend_reset(void)
{
	diag_reset();
	load_reset();
	check_generic_reset();
	const_reset();
	universe_reset();
	srcfile_reset();
	intern_reset();
	arena_reset(&perm);
}
