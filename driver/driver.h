/* driver.h: the golc command's internal header (main.c, link.c). */
#ifndef DRIVER_H
#define DRIVER_H

#define GOLC_GOROOT "/usr/share/go-1.19"

/* build.c: compile a package (in a child process, again with measured frames
 * if it asks for that) / every package main imports, through the build cache;
 * objects of a cache that is off go below nocache_dir */
#include "codegen.h"
typedef struct Package Package;
int build_unit(Package *p, const CgOptions *co);
int build_deps(Package *main, const CgOptions *co, const char *nocache_dir, const char ***objs, int *nobjs);

/* link.c */
const char *golc_libdir(void);      /* <bindir>/../lib/golc */
int link_program(const char *triple, const char **objs, int nobjs, const char *out);
int run_program(const char *goarch, const char *exe, int argc, char **argv);

#endif
