#!/bin/bash
# run.sh: builds libruntime (through its CMakeLists.txt) and runs the runtime
# tests for x86_64 (natively) and aarch64 (under qemu-aarch64):
#   - C unit tests: test_stackmap (with sm_input.ll), test_stack, test_note, test_print,
#     test_string, test_malloc, test_globals, test_gcroots (the collector's roots held by
#     runtime C code)
#   - hand-written IR programs (*.ll, emulating codegen): deep recursion over
#     many segments, GOLC_GCSTRESS, preemption, tracebacks and panics,
#     stack overflow, bad roots, unknown functions, stack-map counts
# Last line: "N passed, M failed"; the exit status is non-zero on failure.
#
# usage: run.sh [BUILD_DIR] [x86_64|aarch64]...
#   BUILD_DIR: a golc build tree with lib/golc/<arch>/libruntime.a (the
#   top-level ctest passes it); without one, libruntime is built here through
#   a throwaway top-level CMake project. Scratch files go to $OUT.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RT=$ROOT/libruntime
OUT=${OUT:-/tmp/golc-runtime-tests}
BUILD=
if [ $# -gt 0 ] && [ -d "$1" ]; then
	BUILD=$(cd "$1" && pwd)
	shift
fi
ARCHES=${*:-x86_64 aarch64}
PIPELINE='default<O2>,function(place-safepoints),rewrite-statepoints-for-gc'
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { # check NAME CONDITION-COMMAND...
	local name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name"; fi
}

# ---- libruntime: the given build tree's, or built here (throwaway top level)
if [ -n "$BUILD" ]; then
	LIBDIR=$BUILD/lib/golc
	if [ -f "$LIBDIR/x86_64/libruntime.a" ] && [ -f "$LIBDIR/aarch64/libruntime.a" ]; then
		ok "libruntime found in $LIBDIR"
	else
		bad "libruntime not built in $LIBDIR"
		echo "$pass passed, $fail failed"
		exit 1
	fi
else
	mkdir -p "$OUT/top"
	cat >"$OUT/top/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.20)
project(golc_runtime_tests C)
add_subdirectory($RT libruntime)
EOF
	if ! { cmake -S "$OUT/top" -B "$OUT/build" >"$OUT/cmake.log" 2>&1 &&
		cmake --build "$OUT/build" >>"$OUT/cmake.log" 2>&1; }; then
		cat "$OUT/cmake.log"
		bad "build libruntime"
		echo "$pass passed, $fail failed"
		exit 1
	fi
	if grep -q 'warning:' "$OUT/cmake.log"; then
		grep 'warning:' "$OUT/cmake.log"
		bad "libruntime builds without warnings"
	else
		ok "libruntime builds without warnings"
	fi
	LIBDIR=$OUT/build/lib/golc
fi
LDS=$LIBDIR/stackmaps.ld

for arch in $ARCHES; do
	T=$OUT/$arch
	mkdir -p "$T"
	case $arch in
	x86_64) SP=rsp RUN="" ;;
	aarch64) SP=sp RUN="qemu-aarch64 -L /usr/aarch64-linux-gnu" ;;
	esac
	CC="clang-19 --target=$arch-linux-gnu"
	CFLAGS="-O2 -g -fno-omit-frame-pointer -Wall -Wextra -I$RT -I$RT/include"
	LIB=$LIBDIR/$arch/libruntime.a
	GORT=$LIBDIR/$arch/runtime.o
	# the driver's link command (runtime.o: the runtime's Go part, whose error
	# descriptors libruntime refers to)
	link() { # link OUT OBJS...
		local o=$1
		shift
		# as golc links (driver/link.c): arm64 static with GNU ld (qemu-user
		# hangs in pthread_create with the dynamic cross glibc)
		local how="-fuse-ld=lld -no-pie"
		[ $arch = aarch64 ] && how="-fuse-ld=bfd -static"
		# -z now: no lazy PLT resolution on a goroutine segment (driver/link.c)
		$CC $how -Wl,-z,now -o "$o" "$@" "$GORT" "$LIB" -Wl,-T,"$LDS" -l:libffi.a -lpthread -lm
	}
	ir() { # ir NAME [opt passes]: NAME.ll -> $T/NAME.o
		local passes=${2:-$PIPELINE}
		sed "s/@SP@/$SP/" "$HERE/$1.ll" >"$T/$1.ll" &&
			opt-19 -mtriple=$arch-linux-gnu -passes="$passes" "$T/$1.ll" -o "$T/$1.bc" &&
			llc-19 -O2 -mtriple=$arch-linux-gnu -filetype=obj "$T/$1.bc" -o "$T/$1.o"
	}
	echo "== $arch"
	built=1
	{
		ir deep && ir panic_main && ir panic_lib && ir badroot && ir unknownfn &&
			ir sm_input rewrite-statepoints-for-gc &&
			$CC $CFLAGS -c "$HERE/testhelp.c" -o "$T/testhelp.o" &&
			link "$T/deep" "$T/deep.o" "$T/testhelp.o" &&
			link "$T/panic" "$T/panic_main.o" "$T/panic_lib.o" "$T/testhelp.o" &&
			link "$T/badroot" "$T/badroot.o" "$T/testhelp.o" &&
			link "$T/unknownfn" "$T/unknownfn.o" &&
			for u in test_stack test_print test_string test_note test_malloc test_globals test_gcroots; do
				$CC $CFLAGS -I"$HERE" "$HERE/$u.c" -c -o "$T/$u.o" && link "$T/$u" "$T/$u.o" || exit 1
			done &&
			$CC $CFLAGS -I"$HERE" "$HERE/test_stackmap.c" -c -o "$T/test_stackmap.o" &&
			link "$T/test_stackmap" "$T/test_stackmap.o" "$T/sm_input.o"
	} >"$T/build.log" 2>&1 || built=0
	if [ $built = 0 ]; then
		cat "$T/build.log"
		bad "$arch: build tests"
		continue
	fi
	ok "$arch: build tests (as golc links, stackmaps.ld)"

	# ---- C unit tests: add their CHECK counts
	# runtime.o's own records and functions come on top of a test's
	export GORT_RECORDS=$(llvm-readobj-19 --stackmap "$GORT" | grep -c 'Record ID')
	export GORT_FUNCS=$(llvm-readobj-19 --stackmap "$GORT" | sed -n 's/.*Num Functions: //p')
	for u in test_stackmap test_stack test_string test_note test_malloc test_globals test_gcroots "test_print $HERE/print_values.txt $HERE/print_golden.txt"; do
		$RUN $T/$u >"$T/unit.log" 2>&1
		rc=$?
		grep '^FAILED\|^line' "$T/unit.log"
		sum=$(tail -1 "$T/unit.log")
		p=$(echo "$sum" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
		f=$(echo "$sum" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
		if [ -z "$p" ] || [ $rc != 0 ]; then
			cat "$T/unit.log"
			bad "$arch: ${u%% *} (exit $rc)"
		else
			echo "PASS: $arch: ${u%% *}: $sum"
			pass=$((pass + p))
			fail=$((fail + f))
		fi
	done

	out=$($RUN $T/test_stack canary 2>&1)
	rc=$?
	check "$arch: an overwritten segment canary is fatal" \
		test $rc = 2 -a "$out" = "fatal error: stack: segment overflow (canary overwritten)"

	# ---- deep recursion across many segments
	out=$(DEPTH=1000000 GOLC_DEBUG=stack $RUN $T/deep 2>&1)
	splits=$(echo "$out" | sed -n 's/.*splits=\([0-9]*\).*/\1/p')
	less=$(echo "$out" | sed -n 's/.*lessstacks=\([0-9]*\).*/\1/p')
	arenas=$(echo "$out" | sed -n 's/.*arenas=\([0-9]*\).*/\1/p')
	check "$arch: deep recursion 1e6 over ${splits:-?} segments in ${arenas:-?} arenas" \
		test "$(echo "$out" | head -1)" = 1000001000000 -a "${splits:-0}" -gt 40 \
		-a "${splits:-0}" = "${less:-x}" -a "${arenas:-9}" -le 2

	# ---- GOLC_GCSTRESS: a full walk + root check at every allocation
	out=$(DEPTH=3000 GOLC_GCSTRESS=1 GOLC_DEBUG=gcstress $RUN $T/deep 2>&1)
	walks=$(echo "$out" | sed -n 's/.*walks=\([0-9]*\).*/\1/p')
	maxf=$(echo "$out" | sed -n 's/.*maxframes=\([0-9]*\).*/\1/p')
	maxs=$(echo "$out" | sed -n 's/.*maxsegs=\([0-9]*\).*/\1/p')
	# deepest walk: 3001 rec + main.main + per crossed boundary a rec frame
	# stuck in its prologue and an adapter frame
	check "$arch: gcstress walks ${maxf:-?} frames over ${maxs:-?} segments" \
		test "$(echo "$out" | head -1)" = 9003000 -a "${walks:-0}" = 3001 \
		-a "${maxs:-0}" -gt 5 -a "${maxf:-0}" = $((3002 + 2 * (${maxs:-1} - 1)))

	# ---- preemption request through the guard word
	out=$(PREEMPT=1 DEPTH=100 GOLC_DEBUG=stack $RUN $T/deep 2>&1)
	check "$arch: poisoned guard served as a preemption" \
		test "$(echo "$out" | head -1)" = 10100 -a -n "$(echo "$out" | grep 'preempts=1 ')"

	# ---- stack-map dump vs llvm-readobj
	for prog in "deep:deep:1" "panic:panic_main panic_lib:2" "badroot:badroot:1"; do
		IFS=: read -r name objs mods <<<"$prog"
		nrec=$GORT_RECORDS  # every program links runtime.o: one more module
		nfn=$GORT_FUNCS
		mods=$((mods + 1))
		for o in $objs; do
			nrec=$((nrec + $(llvm-readobj-19 --stackmap $T/$o.o | grep -c 'Record ID')))
			nfn=$((nfn + $(llvm-readobj-19 --stackmap $T/$o.o | sed -n 's/.*Num Functions: //p')))
		done
		out=$(GOLC_DEBUG=stackmaps KIND=99 DEPTH=1 $RUN $T/$name 2>&1)
		lines=$(echo "$out" | grep -c '^record id=')
		check "$arch: GOLC_DEBUG=stackmaps $name: $nrec records, $nfn functions, $mods modules" \
			test "$(echo "$out" | head -1)" = "stackmaps: $nrec records, $nfn functions, $mods modules" \
			-a "$lines" = "$nrec" -a -z "$(echo "$out" | grep '^record.*fn=?')"
	done

	# ---- panics and tracebacks (offsets masked, then checked against records)
	mask() { sed -e 's/ +0x[0-9a-f]*$/ +0x?/' -e 's/^panic: (?) 0x[0-9a-f]*$/panic: (?) 0x?/'; }
	out=$(DEPTH=3 $RUN $T/panic 2>&1)
	rc=$?
	check "$arch: panic(\"boom\") traceback (inlined frames, two modules)" \
		test $rc = 2 -a "$(echo "$out" | mask)" = "$(cat $HERE/panic_boom.out)"
	recs=$(GOLC_DEBUG=stackmaps KIND=99 DEPTH=1 $RUN $T/panic 2>&1 |
		sed -n 's/^record id=[0-9]* fn=\([^ ]*\) off=\([0-9]*\).*/\1 \2/p' |
		while read -r fn off; do printf '%s %x\n' "$fn" "$off"; done)
	badoff=$(echo "$out" | awk -v recs="$recs" '
		BEGIN { n = split(recs, a, "\n"); for (i = 1; i <= n; i++) ok[a[i]] = 1 }
		/^[^\t]/ { fn = $0; sub(/\(.*$/, "", fn) }
		/ \+0x/ { off = $NF; sub(/^\+0x/, "", off); if (!((fn " " off) in ok)) print fn, off }')
	check "$arch: traceback +0x offsets are call-site return addresses" test -z "$badoff"
	for k in $(seq 1 12); do
		echo "== KIND=$k"
		KIND=$k DEPTH=1 $RUN $T/panic 2>&1 | mask
		echo "exit ${PIPESTATUS[0]}"
	done >"$T/kinds.out"
	check "$arch: runtime errors and panic values (12 kinds)" diff -u "$HERE/panic_kinds.out" "$T/kinds.out"
	out=$(DEPTH=300 $RUN $T/panic 2>&1)
	check "$arch: traceback across segments stops at gc's 100-frame limit" \
		test "$(echo "$out" | grep -c '^main.f(')" = 99 -a -z "$(echo "$out" | grep 'adapt\|traceback stopped')"
	out=$(KIND=4 DEPTH=300 $RUN $T/panic 2>&1)
	check "$arch: runtime-error traceback limit (98 frames)" \
		test "$(echo "$out" | grep -c '^main\.f(\|^main\.fail(')" = 98

	# ---- stack overflow (1 GB of segments)
	out=$(DEPTH=100000000 $RUN $T/deep 2>&1)
	rc=$?
	check "$arch: stack overflow is fatal at 1 GB" test $rc = 2 \
		-a "$(echo "$out" | head -6 | mask | tr '\n' '|')" = "runtime: goroutine stack exceeds 1000000000-byte limit|fatal error: stack overflow||goroutine 1 [running]:|main.rec(...)|	/work/test/deep.go:5 +0x?|"

	# ---- bad roots and unknown functions
	out=$(GOLC_GCSTRESS=1 $RUN $T/badroot 2>&1)
	check "$arch: gcstress accepts interior and static roots" test "$out" = ok
	out=$(BAD=1 GOLC_GCSTRESS=1 $RUN $T/badroot 2>&1)
	rc=$?
	check "$arch: gcstress rejects a root into free heap" \
		test $rc = 2 -a -n "$(echo "$out" | grep -x 'fatal error: gcstress: bad root')" \
		-a -n "$(echo "$out" | grep -x '	/work/test/badroot.go:8 +0x[0-9a-f]*')"
	out=$($RUN $T/unknownfn 2>&1)
	rc=$?
	check "$arch: record of an unlisted function is fatal at startup" \
		test $rc = 2 -a "$out" = "fatal error: stackmap record for unknown function"
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
