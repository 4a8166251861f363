#!/bin/sh
# fuzz.sh BUILD SECONDS JOBS [libFuzzer flags...]: runs the frontend fuzz target
# (BUILD/bin/golc-fuzz, `make fuzz` builds it) for SECONDS with JOBS processes (1 or 2).
#   BUILD/fuzz/seeds/      every .go file of Go's test/ tree, of go/types' and types2's testdata
#                          and of golc's testsuite/ (made once)
#   BUILD/fuzz/corpus/     inputs found by fuzzing (kept between runs)
#   BUILD/fuzz/artifacts/  crash-*, leak-*, timeout-*, oom-*, slow-unit-* reproducers
#   BUILD/fuzz/fuzz-N.log  each job's output when JOBS > 1
# The run fails if libFuzzer fails or writes any artifact (a slow unit took as long as the
# -timeout: a hang for our purposes). Reproduce one: BUILD/bin/golc-fuzz ARTIFACT
# (docs/fuzzing.md).
set -eu
build=$(realpath "$1")
seconds=$2
jobs=$3
shift 3
src=$(cd "$(dirname "$0")/../.." && pwd)
goroot=${GOLC_GOROOT:-/usr/share/go-1.19}
fuzz=$build/fuzz
mkdir -p "$fuzz/corpus" "$fuzz/artifacts"
roots="$goroot/test $goroot/src/go/types/testdata $goroot/src/cmd/compile/internal/types2/testdata $src/testsuite"
if [ "$(cat "$fuzz/seeds/.done" 2>/dev/null)" != "$roots" ]; then
	rm -rf "$fuzz/seeds"
	mkdir -p "$fuzz/seeds"
	n=0
	for root in $roots; do
		n=$((n + 1))
		(cd "$root" && find . -name '*.go' -type f) | sort | while read -r f; do
			cp "$root/$f" "$fuzz/seeds/${n}_$(echo "${f#./}" | tr / _)"
		done
	done
	echo "$roots" > "$fuzz/seeds/.done"
fi
echo "fuzz: $(ls "$fuzz/seeds" | wc -l) seeds, $(ls "$fuzz/corpus" | wc -l) corpus inputs"
set -- -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
	-max_total_time="$seconds" -dict="$src/testsuite/fuzz/go.dict" \
	-artifact_prefix="$fuzz/artifacts/" -print_final_stats=1 "$@"
if [ "$jobs" -gt 1 ]; then
	set -- -jobs="$jobs" -workers="$jobs" "$@"
fi
cd "$fuzz"
rm -f fuzz-*.log
before=$(ls artifacts | wc -l)
echo "fuzz: $build/bin/golc-fuzz $* corpus seeds"
rc=0
"$build/bin/golc-fuzz" "$@" corpus seeds || rc=$?
if [ "$jobs" -gt 1 ]; then
	for log in fuzz-*.log; do
		echo "== $log"
		grep -E '^(#[0-9]+ +DONE|Done|stat::|==[0-9]+==ERROR|SUMMARY|artifact_prefix)' "$log" || true
	done
fi
after=$(ls artifacts | wc -l)
if [ "$after" -ne "$before" ]; then
	echo "fuzz: new artifacts:"
	ls -t artifacts | head -n $((after - before))
	rc=1
fi
echo "fuzz: exit $rc"
exit $rc
