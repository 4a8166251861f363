#!/bin/sh
# typecheck_generic.sh GOLC [GOROOT]: every `// run` test of Go's test/typeparam
# tree must type-check with zero errors (they are valid programs), except the
# ones listed in typecheck_generic.known with the reason.
set -eu
golc=$(realpath "$1")
goroot=${2:-/usr/share/go-1.19}
here=$(cd "$(dirname "$0")" && pwd)
known=$(grep -v '^#' "$here/typecheck_generic.known" | cut -d' ' -f1)
cd "$goroot/test"
pass=0
fail=0
for f in $(grep -l '^// run$' typeparam/*.go typeparam/*/*.go | sort); do
	if echo "$known" | grep -qx "$f"; then
		continue
	fi
	if timeout 20 "$golc" typecheck "$f" >/tmp/tcg.$$ 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $f: $(head -1 /tmp/tcg.$$)"
	fi
done
rm -f /tmp/tcg.$$
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
