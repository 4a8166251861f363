#!/bin/sh
# Go 1.19's own tests of std packages under `golc test` (ctest std-tests):
#   testsuite/stdtest/run.sh <golc> [importpath...]
# Every package listed in packages.txt (or given) must print "ok"; the tests
# that need what golc lacks are skipped by driver/testskips.txt. Each run is
# bounded by -timeout (the test binary panics with its goroutines' traces
# when it passes; golc test kills it a minute later).
golc=${1:?usage: run.sh <golc> [importpath...]}
shift
dir=$(dirname "$0")
pkgs=$*
[ -n "$pkgs" ] || pkgs=$(grep -v '^#' "$dir/packages.txt")
fail=0
for p in $pkgs; do
	if ! "$golc" test -timeout "${STDTEST_TIMEOUT:-5m}" "$p"; then
		fail=1
	fi
done
exit $fail
