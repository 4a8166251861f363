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

/* main.c */
const char *goarch_triple(const char *goarch);  /* NULL for an unsupported GOARCH */
const char *goarch_host(void);
void remove_tree(const char *dir);
CgOptions build_options(const char *triple, int optlevel);
int build_program(Package *main, CgOptions *co, const char *out);

/* gotest.c: golc test */
int cmd_test(int argc, char **argv);

/* testmain.c: the generated main package of a test binary */
typedef struct TestSet TestSet;
TestSet *testmain_new(void);
void testmain_collect(TestSet *s, Package *p, const char *alias);   /* diag errors */
int testmain_count(TestSet *s);
char *testmain_source(TestSet *s, const char *importpath, bool has_ptest, bool has_xtest);

/* link.c */
const char *golc_libdir(void);      /* <bindir>/../lib/golc */
int link_program(const char *triple, const char **objs, int nobjs, const char *out);
int run_program(const char *goarch, const char *exe, int argc, char **argv);
char **program_argv(const char *goarch, const char *exe, int argc, char **args);  /* qemu for arm64 */

#endif
