/* codegen.h: what the driver calls (the public face of codegen/). */
#ifndef CODEGEN_H
#define CODEGEN_H

#include <stdbool.h>

typedef struct Package Package;

typedef struct CgOptions {
	const char *triple;     /* normalized by codegen: x86_64-unknown-linux-gnu ... */
	int optlevel;           /* 0, 1, 2 */
	const char *obj_out;    /* object file to write, or NULL */
	const char *ll_out;     /* final textual IR (after all passes), or NULL; "-" = stdout */
	const char *ll_before;  /* IR before passes (debugging), or NULL */
	const char *bigframes;  /* frames measured by an earlier attempt: "SIZE LLNAME\n"... */
	bool fieldtrack;        /* GOEXPERIMENT=fieldtrack: //go:nointerface methods stay out of interfaces */
	int maxssa;           /* struct/array types of more scalars live in memory (0: 64) */
	char *toobig;           /* out (CG_RETRY): the frames too big for a plain check, same format */
} CgOptions;

/* cg_package's result when functions have frames too big for the plain
 * split-stack check and no trampoline was planned for them: compile again
 * with opt->bigframes = opt->toobig (the driver re-runs itself). */
#define CG_RETRY 75

/* Compile one checked package to an object file / IR. Returns 0 on success. */
int cg_package(Package *pkg, CgOptions *opt);

#endif
