#!/bin/sh
# regressions.sh GOLC REPLAY DIR: the inputs the fuzzer once failed on (DIR, one minimized
# reproducer per fixed bug, named after the bug). `golc typecheck -e` must end each with exit
# status 0 or 1 within 10 s (imports not loaded, as the fuzz target does not load them), and
# REPLAY (golc-fuzz-replay) must run the fuzz target over all of them in one process.
set -u
golc=$1 replay=$2 dir=$3
n=0 bad=0
for f in "$dir"/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	GOLC_NOLOAD=1 timeout 10 "$golc" typecheck -e "$f" >/dev/null 2>&1
	rc=$?
	case $rc in
	0|1) ;;
	*) echo "FAIL: golc typecheck -e $f: exit $rc"; bad=$((bad + 1)) ;;
	esac
done
if ! timeout 60 "$replay" "$dir" >/dev/null; then
	echo "FAIL: $replay $dir"
	bad=$((bad + 1))
fi
echo "fuzz-regressions: $n inputs, $bad failed"
[ "$bad" -eq 0 ]
