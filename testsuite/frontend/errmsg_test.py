#!/usr/bin/env python3
"""Compare the parser's syntax errors with the expectations of Go's own
errorcheck tests: test/syntax/*.go, every errorcheck file under test/
whose ERROR comments mention "syntax error", and those listed in
syntax_errorcheck.txt (gc reports syntax or lexical errors for them). An expectation is
`// ERROR "rx" ["rx" ...]` on a line: each regexp must match an error
reported on that line. Prints per-file misses with -v and a summary.

usage: errmsg_test.py PARSETEST [GOROOT] [-v]
"""
import os, re, subprocess, sys

args = [a for a in sys.argv[1:] if a != '-v']
verbose = '-v' in sys.argv
tool = args[0]
goroot = args[1] if len(args) > 1 else '/usr/share/go-1.19'
testdir = os.path.join(goroot, 'test')

err_re = re.compile(r'//\s*ERROR\s+(.*)$')
str_re = re.compile(r'"((?:[^"\\]|\\.)*)"|`([^`]*)`')

def expectations(path):
    exp = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for i, line in enumerate(f, 1):
            m = err_re.search(line)
            if not m:
                continue
            for s in str_re.finditer(m.group(1)):
                rx = s.group(1) if s.group(1) is not None else s.group(2)
                if s.group(1) is not None:
                    rx = rx.replace('\\"', '"').replace('\\\\', '\\')
                exp.append((i, rx))
    return exp

def files():
    out = []
    listed = set()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'syntax_errorcheck.txt')) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.add(os.path.join(testdir, line))
    for root, dirs, names in os.walk(testdir):
        for n in sorted(names):
            if not n.endswith('.go'):
                continue
            p = os.path.join(root, n)
            with open(p, encoding='utf-8', errors='replace') as f:
                head = f.read()
            if not head.lstrip().startswith('// errorcheck'):
                continue
            if os.path.basename(root) == 'syntax' or p in listed or \
               re.search(r'ERROR.*syntax error', head):
                out.append(p)
    return sorted(out)

total = ok = extra = 0
nfiles = 0
for p in files():
    exp = expectations(p)
    if not exp:
        continue
    nfiles += 1
    r = subprocess.run([tool, '-e', p], capture_output=True, text=True, errors='replace')
    got = {}
    for line in r.stderr.splitlines():
        m = re.match(r'^(.*?):(\d+):(?:\d+:)? (.*)$', line)
        # errors after a //line directive name the file as the directive does
        if m and os.path.basename(m.group(1)) == os.path.basename(p):
            got.setdefault(int(m.group(2)), []).append(m.group(3))
    explines = set(l for l, _ in exp)
    for l, rx in exp:
        total += 1
        try:
            c = re.compile(rx)
        except re.error:
            c = re.compile(re.escape(rx))
        if any(c.search(msg) for msg in got.get(l, [])):
            ok += 1
        elif verbose:
            print('MISS %s:%d: want /%s/ got %s' % (p, l, rx, got.get(l, [])))
    for l, msgs in got.items():
        if l not in explines:
            extra += len(msgs)
            if verbose:
                for msg in msgs:
                    print('EXTRA %s:%d: %s' % (p, l, msg))
print('%d files: %d of %d expectations matched, %d unexpected errors' % (nfiles, ok, total, extra))
