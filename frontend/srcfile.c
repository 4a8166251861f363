/* srcfile.c: the table of source files that Pos.file indexes. */
#define _DEFAULT_SOURCE     /* realpath, PATH_MAX */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontend.h"

static SrcFile **files;         /* index 0 is unused: a zero Pos has no file */
static int32_t nfiles = 1, capfiles;

static const char *abspath_of(const char *path)
{
	char buf[PATH_MAX];
	if (realpath(path, buf))
		return arena_strndup(&perm, buf, strlen(buf));
	if (path[0] == '/' || !getcwd(buf, sizeof buf))
		return arena_strndup(&perm, path, strlen(path));
	size_t n = strlen(buf), m = strlen(path);
	char *s = arena_alloc(&perm, n + m + 2);
	memcpy(s, buf, n);
	s[n] = '/';
	memcpy(s + n + 1, path, m);
	return s;
}

int32_t srcfile_add(const char *path, const char *src, size_t len)
{
	if (nfiles >= capfiles) {
		capfiles = capfiles ? 2 * capfiles : 64;
		files = realloc(files, capfiles * sizeof *files);
		if (!files)
			abort();
	}
	SrcFile *f = arena_alloc(&perm, sizeof *f);
	f->path = arena_strndup(&perm, path, strlen(path));
	f->abspath = abspath_of(path);
	f->src = src;
	f->len = len;
	files[nfiles] = f;
	return nfiles++;
}

SrcFile *srcfile_get(int32_t file)
{
	if (file <= 0 || file >= nfiles)
		return NULL;
	return files[file];
}

int32_t srcfile_count(void)
{
	return nfiles;
}

/* forgets every file (the SrcFiles live in perm; the caller owns the sources) */
void srcfile_reset(void)
{
	nfiles = 1;
}

/* Reads path into the permanent arena. On failure returns -1 with errno
 * set; the caller prints gc's "open x.go: no such file or directory". */
int32_t srcfile_load(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (!buf) {
			fclose(fp);
			errno = ENOMEM;
			return -1;
		}
		len += fread(buf + len, 1, cap - len, fp);
		if (len < cap)
			break;
		cap *= 2;
		buf = realloc(buf, cap);
	}
	int err = ferror(fp) ? errno : 0;
	fclose(fp);
	if (err) {
		free(buf);
		errno = err ? err : EIO;
		return -1;
	}
	char *src = arena_strndup(&perm, buf, len);
	free(buf);
	return srcfile_add(path, src, len);
}
