/* driver.h: the golc command's internal header (main.c, link.c). */
#ifndef DRIVER_H
#define DRIVER_H

#define GOLC_GOROOT "/usr/share/go-1.19"

/* link.c */
const char *golc_libdir(void);      /* <bindir>/../lib/golc */
int link_program(const char *triple, const char **objs, int nobjs, const char *out);
int run_program(const char *goarch, const char *exe, int argc, char **argv);

#endif
