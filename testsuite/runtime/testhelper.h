/* testhelper.h: a tiny mimalloc-style test harness.
 *
 *   CHECK_BODY("name") { result = cond; ... }   one named check
 *   CHECK(name, cond)                           one-line check
 *   return print_test_summary();                 "N passed, M failed"
 */
#ifndef TESTHELPER_H
#define TESTHELPER_H

#include <stdbool.h>
#include <stdio.h>

static int ok_count, failed_count;

static bool check_result(bool result, const char *testname, const char *fname, long lineno)
{
	if (!result) {
		failed_count++;
		fprintf(stderr, "FAILED: %s: %s:%ld\n", testname, fname, lineno);
	} else {
		ok_count++;
		fprintf(stderr, "ok: %s\n", testname);
	}
	return true;
}

#define CHECK_BODY(name) \
	for (bool done = false, result = true; !done; done = check_result(result, name, __FILE__, __LINE__))

#define CHECK(name, expr) CHECK_BODY(name) { result = (expr); }

static int print_test_summary(void)
{
	fprintf(stderr, "%d passed, %d failed\n", ok_count, failed_count);
	return failed_count;
}

#endif
