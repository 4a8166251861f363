#!/usr/bin/env bash
# bench/run.sh: builds bench/programs/*.go (the benchmark corpus of
# ../shared/bench, real fmt/os programs taking their size as the first
# argument) with golc, gc 1.19 and gccgo-12, checks that the three binaries
# print the same output (lines starting with '#' are timing lines and are not
# compared), then times them with hyperfine and prints mean wall times and
# ratios to gc.
#
# usage: bench/run.sh [-r RUNS] [-w WARMUP] [-p "prog1 prog2"] [-s prog=N] [-o OUTDIR]
# env:   GOLC (default build/bin/golc), GO (default /usr/lib/go-1.19/bin/go),
#        GCCGO (default gccgo-12). A missing gc or gccgo is skipped.
# The default programs: all of them; -p picks some.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GOLC=${GOLC:-$ROOT/build/bin/golc}
GO=${GO:-/usr/lib/go-1.19/bin/go}
GCCGO=${GCCGO:-gccgo-12}
RUNS=3 WARMUP=1 PROGS="" OUT=$ROOT/build/bench
declare -A SIZE=([startup]=1 [binarytrees]=18 [fannkuch]=11 [nbody]=10000000 [spectralnorm]=5500
	[mandelbrot]=5000 [knucleotide]=3000000 [chanring]=10000000 [pingpong]=8000000
	[spawn]=250000 [gcstress]=400 [deeprec]=1000000 [apicost]=100)
while getopts "r:w:p:s:o:h" opt; do
	case $opt in
	r) RUNS=$OPTARG ;;
	w) WARMUP=$OPTARG ;;
	p) PROGS=$OPTARG ;;
	s) SIZE[${OPTARG%%=*}]=${OPTARG#*=} ;;
	o) OUT=$OPTARG ;;
	*) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
	esac
done
[ -n "$PROGS" ] || PROGS="startup binarytrees fannkuch nbody spectralnorm mandelbrot knucleotide deeprec gcstress chanring pingpong spawn apicost"
command -v hyperfine >/dev/null || { echo "bench: hyperfine not found (make deps)" >&2; exit 1; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
res=$OUT/results.tsv
printf 'program\tcompiler\tmean_s\tstddev_s\toutput\tmaxrss_kb\tmaxpause_ms\n' >"$res"

compilers="golc"
[ -x "$GO" ] && compilers="$compilers gc"
command -v "$GCCGO" >/dev/null && compilers="$compilers gccgo"

build() { # compiler src out
	case $1 in
	golc) "$GOLC" build -o "$3" "$2" ;;
	gc) (cd "$(dirname "$2")" && env GO111MODULE=off GOCACHE="$OUT/gocache" "$GO" build -o "$3" "$2") ;;
	gccgo) "$GCCGO" -O2 -o "$3" "$2" ;;
	esac
}

for p in $PROGS; do
	src=$ROOT/bench/programs/$p.go
	ref=""
	cmds=()
	names=()
	for c in $compilers; do
		bin=$OUT/$p.$c
		if ! build "$c" "$src" "$bin" >"$OUT/$p.$c.build.log" 2>&1; then
			printf '%s\t%s\tNA\tNA\tbuild-failed\t0\t0\n' "$p" "$c" >>"$res"
			echo "bench: $p: $c build failed (see $OUT/$p.$c.build.log)" >&2
			continue
		fi
		/usr/bin/time -f %M -o "$OUT/$p.$c.rss" "$bin" "${SIZE[$p]:-}" >"$OUT/$p.$c.raw" 2>&1
		grep -v '^#' "$OUT/$p.$c.raw" >"$OUT/$p.$c.out"
		case $p in binarytrees | gcstress | deeprec)   # the collector's pauses, from gctrace
			GODEBUG=gctrace=1 "$bin" "${SIZE[$p]:-}" 2>"$OUT/$p.$c.gctrace" >/dev/null ;;
		esac
		status=match
		if [ -z "$ref" ]; then ref=$OUT/$p.$c.out; elif ! cmp -s "$ref" "$OUT/$p.$c.out"; then status=DIFFERENT; fi
		echo "$status" >"$OUT/$p.$c.status"
		cmds+=("$bin ${SIZE[$p]:-}")
		names+=("$c")
	done
	[ ${#cmds[@]} -gt 0 ] || continue
	hyperfine -N -r "$RUNS" -w "$WARMUP" --export-json "$OUT/$p.json" --output=null "${cmds[@]}" >/dev/null 2>&1 ||
		hyperfine -r "$RUNS" -w "$WARMUP" --export-json "$OUT/$p.json" --output=null "${cmds[@]}" >/dev/null 2>&1
	python3 - "$OUT/$p.json" "$p" "$OUT" "${names[@]}" >>"$res" <<'EOF'
import json, sys
path, prog, out, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
data = json.load(open(path))["results"]
for name, r in zip(names, data):
    status = open("%s/%s.%s.status" % (out, prog, name)).read().strip()
    try:
        rss = int(open("%s/%s.%s.rss" % (out, prog, name)).read().split()[-1])
    except (OSError, ValueError, IndexError):
        rss = 0
    # max stop-the-world pause: golc stops the world for a whole cycle (the three clock
    # terms); gc and gccgo for sweep and mark termination (the first and third)
    pause = 0.0
    try:
        for line in open("%s/%s.%s.gctrace" % (out, prog, name)):
            if not line.startswith("gc ") or " ms clock" not in line:
                continue
            terms = [float(x) for x in line.split(": ", 1)[1].split(" ms clock")[0].split("+")]
            pause = max(pause, sum(terms) if name == "golc" else max(terms[0], terms[-1]))
    except (OSError, ValueError, IndexError):
        pass
    print("%s\t%s\t%.3f\t%.3f\t%s\t%d\t%.2f" % (prog, name, r["mean"], r["stddev"] or 0.0, status, rss, pause))
EOF
done

python3 - "$res" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
progs = []
t = {}
mem = {}
for p, c, mean, sd, st, rss, pause in rows:
    if p not in progs:
        progs.append(p)
    t[p, c] = (mean, st)
    mem[p, c] = (int(rss), float(pause))
def f(p, c):
    v = t.get((p, c))
    return v[0] if v else "-"
def ratio(p, c):
    a, b = t.get((p, c)), t.get((p, "gc"))
    if not a or not b or a[0] == "NA" or b[0] == "NA":
        return "-"
    return "%.2f" % (float(a[0]) / float(b[0]))
print("| program | golc s | gc s | gccgo s | golc/gc | gccgo/gc | output |")
print("|---|---|---|---|---|---|---|")
for p in progs:
    sts = {t[k][1] for k in t if k[0] == p}
    print("| %s | %s | %s | %s | %s | %s | %s |" % (p, f(p, "golc"), f(p, "gc"), f(p, "gccgo"),
          ratio(p, "golc"), ratio(p, "gccgo"), "match" if sts == {"match"} else ",".join(sorted(sts))))
print()
print("| program | golc peak RSS MB | gc | gccgo | golc/gc RSS | golc max pause ms | gc | gccgo |")
print("|---|---|---|---|---|---|---|---|")
for p in progs:
    r = {c: mem.get((p, c), (0, 0.0)) for c in ("golc", "gc", "gccgo")}
    q = "%.2f" % (r["golc"][0] / r["gc"][0]) if r["gc"][0] else "-"
    print("| %s | %.1f | %.1f | %.1f | %s | %.2f | %.2f | %.2f |" % (p, r["golc"][0] / 1024, r["gc"][0] / 1024,
          r["gccgo"][0] / 1024, q, r["golc"][1], r["gc"][1], r["gccgo"][1]))
EOF
# apicost: its per-operation costs (the '# api' lines: name, ns/op, ns/op
# net of the closure call), golc against gc from the same run
if [ -f "$OUT/apicost.golc.raw" ] && [ -f "$OUT/apicost.gc.raw" ]; then
	python3 - "$OUT/apicost.golc.raw" "$OUT/apicost.gc.raw" <<'EOF'
import sys
def rows(path):
    r = {}
    for l in open(path):
        f = l.rstrip("\n").split("\t")
        if f[0] == "# api" and len(f) >= 4:
            r[f[1]] = float(f[2])
    return r
a, b = rows(sys.argv[1]), rows(sys.argv[2])
print()
print("| apicost operation | golc ns/op | gc ns/op | golc/gc |")
print("|---|---|---|---|")
for k in a:
    if k in b:
        print("| %s | %.1f | %.1f | %.2f |" % (k, a[k], b[k], a[k] / b[k] if b[k] else 0))
EOF
fi
echo "bench: raw results in $res"
