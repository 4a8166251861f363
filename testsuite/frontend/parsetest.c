/*
 * parsetest.c: frontend test driver. Parses each file argument and prints
 * its errors like gc; with -dump prints the AST; with -e shows all errors.
 * With -list FILE reads file names (one per line) from FILE and prints
 * "path: N errors" per file (for the tree-wide test). With -sig prints
 * the AST signature of each error-free file instead (see astsig/).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../frontend/frontend.h"

void astsig_print(Node *file, const char *path, FILE *out);

static bool sig;

static int parse_one(const char *path, bool dump)
{
	int32_t f = srcfile_load(path);
	if (f < 0) {
		fprintf(stderr, "open %s: %s\n", path, strerror(errno));
		return -1;
	}
	Node *file = parse_file(f);
	if (dump)
		ast_dump(file, stdout);
	int n = diag_parse_count(); /* directive errors are the noder's, not the parser's */
	if (sig && n == 0)
		astsig_print(file, path, stdout);
	return n;
}

int main(int argc, char **argv)
{
	bool dump = false;
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-dump") == 0) {
			dump = true;
		} else if (strcmp(argv[i], "-sig") == 0) {
			sig = true;
		} else if (strcmp(argv[i], "-e") == 0) {
			diag_set_all(true);
		} else if (strcmp(argv[i], "-list") == 0 && i + 1 < argc) {
			FILE *fp = fopen(argv[++i], "r");
			char line[4096];
			if (!fp)
				return 2;
			diag_set_all(true);
			while (fgets(line, sizeof line, fp)) {
				line[strcspn(line, "\n")] = '\0';
				if (!line[0])
					continue;
				int n = parse_one(line, false);
				diag_flush();
				if (!sig)
					printf("%s: %d errors\n", line, n);
			}
			fclose(fp);
		} else {
			int n = parse_one(argv[i], dump);
			if (n)
				rc = 1;
			diag_flush();
		}
	}
	return rc;
}
