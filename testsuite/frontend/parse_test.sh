#!/bin/sh
# parse_test.sh: parses every .go file under $GOROOT/src and $GOROOT/test
# with the frontend test driver. A file listed in parse_reject.txt passes
# if it gets at least one error, any other file if it gets none; a crash
# fails the whole run. With -sig (and go on PATH or in $GOROOT/../bin),
# also compares each tree with go/ast (astsig/). Differences by design: gc
# drops the parentheses of &(x), keeps the position of a re-associated
# <-chan type, and applies //line directives (go/ast positions here do not).
#
# usage: parse_test.sh [-sig] [PARSETEST [GOROOT]]
#   PARSETEST defaults to a driver built here with $CC (default cc).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
sig=0
if [ "${1:-}" = "-sig" ]; then sig=1; shift; fi
tool=${1:-}
goroot=${2:-/usr/share/go-1.19}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -z "$tool" ]; then
	tool=$tmp/parsetest
	fe=$top/frontend
	${CC:-cc} -std=c17 -O2 -o "$tool" \
		"$fe/arena.c" "$fe/strtab.c" "$fe/srcfile.c" "$fe/diag.c" "$fe/ast.c" \
		"$fe/ast_string.c" "$fe/ast_dump.c" "$fe/unicode.c" "$fe/lex.c" \
		"$fe/parse_expr.c" "$fe/parse_type.c" "$fe/parse_stmt.c" "$fe/parse_decl.c" \
		"$here/parsetest.c" "$here/astsig.c"
fi

find "$goroot/src" "$goroot/test" -name '*.go' -type f | LC_ALL=C sort > "$tmp/files"
"$tool" -list "$tmp/files" > "$tmp/out" 2>/dev/null || {
	echo "parse_test: driver failed (crash?)"; exit 1; }

awk -v root="$goroot/" -v rejf="$here/parse_reject.txt" '
BEGIN { while ((getline l < rejf) > 0) if (l !~ /^#/ && l != "") rej[root l] = 1 }
{
	n = $NF == "errors" ? $(NF-1) : 0
	path = $0; sub(/: [0-9]+ errors$/, "", path)
	if ((path in rej) ? n > 0 : n == 0) pass++
	else { fail++; print "FAIL " path " (" n " errors)" }
}
END { printf "%d passed, %d failed\n", pass, fail; exit fail > 0 }
' "$tmp/out"

if [ $sig = 1 ]; then
	go=$(command -v go || echo /usr/lib/go-1.19/bin/go)
	(cd "$here/astsig" && "$go" build -o "$tmp/astsig" main.go)
	awk -v root="$goroot/" -v rejf="$here/parse_reject.txt" '
	BEGIN { while ((getline l < rejf) > 0) if (l !~ /^#/ && l != "") rej[root l] = 1 }
	!($0 in rej)' "$tmp/files" > "$tmp/ok"
	"$tmp/astsig" < "$tmp/ok" > "$tmp/sig-go"
	"$tool" -sig -list "$tmp/ok" > "$tmp/sig-me" 2>/dev/null
	# files go/parser rejects (but gc accepts) have no go/ast signature
	python3 - "$tmp/sig-go" "$tmp/sig-me" <<'PY'
import sys
def load(p):
    d, cur = {}, None
    for l in open(p, encoding='utf-8', errors='replace'):
        if l.startswith('== '):
            cur = l[3:].rstrip('\n'); d[cur] = []
        else:
            d[cur].append(l)
    return d
g, m = load(sys.argv[1]), load(sys.argv[2])
both = [f for f in g if f in m]
bad = [f for f in both if g[f] != m[f]]
for f in bad:
    print('astsig differs:', f)
print('astsig: %d of %d files differ from go/ast' % (len(bad), len(both)))
PY
fi
