/*
 * replay_main.c: a main() for the fuzz target without libFuzzer (the
 * golc-fuzz-replay binary of the default build). It runs the target once on
 * each file named on the command line, or on each file of a named directory,
 * in one process, as libFuzzer replays a corpus; a crash or hang is the
 * failure. testsuite/fuzz/regressions.sh runs it on regressions/.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return 1;
	}
	size_t cap = 1 << 16, len = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + len, 1, cap - len, fp)) > 0) {
		len += got;
		if (len == cap) buf = realloc(buf, cap *= 2);
	}
	fclose(fp);
	if (!buf) {
		fprintf(stderr, "%s: out of memory\n", path);
		return 1;
	}
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* the files of dir, sorted, each run in turn */
static int run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		return 1;
	}
	char **v = NULL;
	int n = 0, rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.') continue;
		v = realloc(v, sizeof(char *) * (n + 1));
		v[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
		sprintf(v[n++], "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(v, n, sizeof(char *), cmpstr);
	for (int i = 0; i < n; i++) {
		rc |= run_file(v[i]);
		free(v[i]);
	}
	free(v);
	printf("%s: %d inputs\n", dir, n);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: golc-fuzz-replay file-or-dir...\n");
		return 2;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) rc |= run_dir(argv[i]);
		else rc |= run_file(argv[i]);
	}
	return rc;
}
