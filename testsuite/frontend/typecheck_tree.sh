#!/bin/sh
# typecheck_tree.sh GOLC [GOROOT]: runs `golc typecheck -e` over every .go file
# of Go's test/ tree. Each file must end with exit status 0 or 1 within 10 s:
# never a crash (signal), an internal error or a hang, whatever the input.
# Imports are not loaded (GOLC_NOLOAD=1) except for every 8th file, which
# exercises the package loader on the tree's odd imports without re-checking
# fmt and its dependencies for every file.
set -eu
golc=$(realpath "$1")
goroot=${2:-/usr/share/go-1.19}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$goroot/test"
find . -name '*.go' | sort > "$tmp/files"
xargs -P 2 -n 16 sh -c '
	for f; do
		n=$(cksum "$f" | cut -d" " -f1)
		if [ $((n % 8)) -eq 0 ]; then noload=0; else noload=1; fi
		GOLC_NOLOAD=$noload timeout 10 "$0" typecheck -e "$f" >/dev/null 2>&1 && rc=0 || rc=$?
		case $rc in 0|1) ;; *) echo "exit $rc: $f" ;; esac
	done' "$golc" < "$tmp/files" > "$tmp/bad" || true
total=$(wc -l < "$tmp/files")
bad=$(wc -l < "$tmp/bad")
cat "$tmp/bad"
echo "$((total - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
