#!/usr/bin/env python3
"""Conformance runner: Go 1.19's test/ suite judged as Go's own test/run.go judges it.

The suite (/usr/share/go-1.19/test, Debian package golang-1.19-src) is copied to
build/conformance/<arch>/test first, because some tests write into their directory.
Each test's header is read the way run.go reads it (recipe before the first blank line,
"+build" first line dropped, shell-style split, flags, program arguments), its build
constraints are evaluated for linux/<goarch>, and the selected actions are judged:

  run           golc build -o T/test.exe F [extra .go args]; run T/test.exe ARGS in test/;
                stdout+stderr (one buffer, \\r\\n -> \\n) must equal F.out, or be empty.
  runoutput     as run, then the output is written to T/tmp__.go, built and run the same way.
  build         golc build -o T/a.exe F must succeed.
  buildrun      build, then run ./a.exe ARGS in T and compare the output.
  compile       golc build -o T/a.o F must succeed (F is usually a non-main package).
  errorcheck    golc build -e -o T/a.o F must fail (unless -0); its diagnostics are matched
                against the // ERROR "regexp" comments exactly as run.go's errorCheck does.
  errorcheckoutput  run F, errorcheck the generated T/tmp__.go.

Directory actions (rundir, compiledir, errorcheckdir, ...) and asmcheck are reported as SKIP.
By default only `run` tests are judged when the whole suite is selected; naming tests or a
passing list enables every implemented action (override with --actions).

The compiler is $GOLC or --golc (default <root>/build/bin/golc). It is invoked as
`golc build [-e] [-lang=go1.N] -o OUT FILES...` with GOOS=linux GOARCH=<arch> in the environment;
the test's gc-specific flags (e.g. -gcflags=-l=4, -race, -m) are passed in $GOLC_TEST_FLAGS as a
JSON list, which golc ignores (but -lang) and gc_as_golc.py (the reference-compiler wrapper, --gc) uses.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
GOROOT_TEST = "/usr/share/go-1.19/test"
QEMU = ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"]

# Directories run.go scans (only *.go files directly in them), in its order.
SCAN_DIRS = [".", "ken", "chan", "interface", "syntax", "dwarf", "fixedbugs", "codegen",
             "runtime", "abi", "typeparam", "typeparam/mdempsky"]

# Actions run.go knows. Everything else is "unknown pattern" (a skip error in run.go).
KNOWN_ACTIONS = {"compile", "compiledir", "build", "builddir", "buildrundir", "run", "buildrun",
                 "runoutput", "rundir", "runindir", "asmcheck", "errorcheckandrundir",
                 "errorcheckwithauto", "errorcheck", "errorcheckdir", "errorcheckoutput", "skip"}
IMPLEMENTED = ["run", "runoutput", "build", "buildrun", "compile", "errorcheck",
               "errorcheckoutput"]

# go1.19 build.Default.ToolTags on linux/amd64 and linux/arm64 (go list -f {{context.ToolTags}}).
TOOL_TAGS = {"amd64": {"goexperiment.regabiwrappers", "goexperiment.regabiargs"},
             "arm64": {"goexperiment.regabiwrappers", "goexperiment.regabiargs"}}
# The "cgo" tag is true on both, as on a native linux host with a C compiler (gc's counts: 930
# run tests selected on amd64, 924 on arm64). A cross `go env` (GOARCH=arm64 on amd64) would say
# CGO_ENABLED=0 and select 921; --no-cgo reproduces that.
CGO_ENABLED = {"amd64": True, "arm64": True}

# run.go's expected-failure lists for gc 1.19 (types2Failures + go118Failures). golc is judged
# on these normally; the list only annotates results.
GC_EXPECTED_FAILURES = {
    "notinheap.go", "shift1.go", "fixedbugs/issue10700.go", "fixedbugs/issue18331.go",
    "fixedbugs/issue18419.go", "fixedbugs/issue20233.go", "fixedbugs/issue20245.go",
    "fixedbugs/issue31053.go", "typeparam/nested.go", "typeparam/issue51521.go"}


# ---------------------------------------------------------------------------------------------
# Build constraints (go/build/constraint semantics)

class ConstraintSyntaxError(Exception):
    pass


def _is_tag_char(c):
    return c.isalpha() or c.isdigit() or c == "_" or c == "."


def _valid_tag(word):
    return word != "" and all(_is_tag_char(c) for c in word)


def _split_go_build(line):
    if line.endswith("\n"):
        line = line[:-1]
    if "\n" in line or not line.startswith("//go:build"):
        return None
    line = line.strip()[len("//go:build"):]
    trim = line.strip()
    if len(line) == len(trim) and line != "":
        return None  # //go:buildfoo
    return trim


def _split_plus_build(line):
    if line.endswith("\n"):
        line = line[:-1]
    if "\n" in line or not line.startswith("//"):
        return None
    line = line[2:].strip()
    if not line.startswith("+build"):
        return None
    line = line[len("+build"):]
    trim = line.strip()
    if len(line) == len(trim) and line != "":
        return None  # // +buildfoo
    return trim


# Expressions are tuples: ("tag", name) | ("not", x) | ("and", x, y) | ("or", x, y).

class _ExprParser:
    def __init__(self, s):
        self.s, self.i, self.tok, self.is_tag, self.pos = s, 0, "", False, 0

    def parse(self):
        x = self.or_()
        if self.tok != "":
            raise ConstraintSyntaxError("unexpected token " + self.tok)
        return x

    def or_(self):
        x = self.and_()
        while self.tok == "||":
            x = ("or", x, self.and_())
        return x

    def and_(self):
        x = self.not_()
        while self.tok == "&&":
            x = ("and", x, self.not_())
        return x

    def not_(self):
        self.lex()
        if self.tok == "!":
            self.lex()
            if self.tok == "!":
                raise ConstraintSyntaxError("double negation not allowed")
            return ("not", self.atom())
        return self.atom()

    def atom(self):
        if self.tok == "(":
            x = self.or_()
            if self.tok != ")":
                raise ConstraintSyntaxError("missing close paren")
            self.lex()
            return x
        if not self.is_tag:
            raise ConstraintSyntaxError("unexpected token or end of expression")
        tok = self.tok
        self.lex()
        return ("tag", tok)

    def lex(self):
        s = self.s
        self.is_tag = False
        while self.i < len(s) and s[self.i] in " \t":
            self.i += 1
        if self.i >= len(s):
            self.tok, self.pos = "", self.i
            return
        c = s[self.i]
        if c in "()!":
            self.pos, self.tok = self.i, c
            self.i += 1
            return
        if c in "&|":
            if self.i + 1 >= len(s) or s[self.i + 1] != c:
                raise ConstraintSyntaxError("invalid syntax at " + c)
            self.pos, self.tok = self.i, c + c
            self.i += 2
            return
        j = self.i
        while j < len(s) and _is_tag_char(s[j]):
            j += 1
        if j == self.i:
            raise ConstraintSyntaxError("invalid syntax at " + c)
        self.pos, self.tok, self.is_tag = self.i, s[self.i:j], True
        self.i = j


def _parse_plus_build(text):
    x = None
    for clause in text.split():
        y = None
        for lit in clause.split(","):
            if lit.startswith("!!") or lit == "!":
                z = ("tag", "ignore")
            else:
                neg = lit.startswith("!")
                if neg:
                    lit = lit[1:]
                z = ("tag", lit) if _valid_tag(lit) else ("tag", "ignore")
                if neg:
                    z = ("not", z)
            y = z if y is None else ("and", y, z)
        x = y if x is None else ("or", x, y)
    return x if x is not None else ("tag", "ignore")


def parse_constraint(line):
    """Returns an expression for a //go:build or // +build line, or None if the line is not a
    (valid) constraint; like constraint.Parse, whose errors run.go ignores."""
    text = _split_go_build(line)
    if text is not None:
        try:
            return _ExprParser(text).parse()
        except ConstraintSyntaxError:
            return None
    text = _split_plus_build(line)
    if text is not None:
        return _parse_plus_build(text)
    return None


def eval_constraint(x, match):
    k = x[0]
    if k == "tag":
        return match(x[1])
    if k == "not":
        return not eval_constraint(x[1], match)
    a, b = eval_constraint(x[1], match), eval_constraint(x[2], match)
    return (a and b) if k == "and" else (a or b)


def make_matcher(goarch, goos="linux", cgo=None):
    gcflags = os.environ.get("GO_GCFLAGS", "")
    noopt = "-N" in gcflags or "-l" in gcflags
    tool_tags = TOOL_TAGS[goarch]
    cgo = CGO_ENABLED[goarch] if cgo is None else cgo

    def match(name):
        if not _valid_tag(name):
            return False
        if name.startswith("goexperiment."):
            return name in tool_tags
        if name == "cgo" and cgo:
            return True
        if name in (goos, goarch, "gc", "test_run"):
            return True
        if noopt and name == "gcflags_noopt":
            return True
        return False
    return match


def should_test(header, match):
    for line in header.split("\n"):
        if line.startswith("package "):
            break
        x = parse_constraint(line)
        if x is not None and not eval_constraint(x, match):
            return False, line
    return True, ""


# ---------------------------------------------------------------------------------------------
# Test headers

def split_quoted(s):
    """Shell-style split as go/build's splitQuoted: quotes group, backslash escapes."""
    args, cur = [], []
    escaped = quoted = False
    quote = None
    for c in s:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
            continue
        elif quote is not None:
            if c == quote:
                quote = None
                continue
        elif c in "\"'":
            quoted, quote = True, c
            continue
        elif c.isspace():
            if quoted or cur:
                quoted = False
                args.append("".join(cur))
                cur = []
            continue
        cur.append(c)
    if quoted or cur:
        args.append("".join(cur))
    if quote is not None:
        raise ValueError("unclosed quote")
    if escaped:
        raise ValueError("unfinished escaping")
    return args


class Test:
    def __init__(self, name):
        self.name = name                # e.g. "ken/simpbool.go", "235.go"
        self.action = None
        self.selected = False           # passes the build constraints
        self.why = ""                   # why not selected / why skipped
        self.error = None               # header error (run.go: t.err before running)
        self.flags, self.args, self.runenv = [], [], []
        self.timeout = 0                # -t N (unscaled)
        self.want_error = self.want_auto = self.single_file_pkgs = False
        self.result, self.reason, self.log, self.secs = None, "", "", 0.0
        self.imports = False            # the file has an import declaration


def parse_test(testdir, name, match):
    t = Test(name)
    with open(os.path.join(testdir, name), "rb") as f:
        src = f.read().decode("utf-8", "surrogateescape")
    if src.startswith("\n"):
        t.error = "starts with newline"
        return t
    if "\n\n" not in src:
        t.error = "double newline ending execution recipe not found"
        return t
    t.imports = re.search(r"(?m)^import\b", src) is not None
    action = src.split("\n\n", 1)[0]
    first, nl, rest = action.partition("\n")
    if nl and "+build" in first:
        action = rest
    if action.startswith("//"):
        action = action[2:]
    header, sep, _ = src.partition("\npackage")
    if not sep:
        header = action
    ok, why = should_test(header, match)
    if not ok:
        t.why = "build constraint: " + why
        return t
    t.selected = True
    try:
        words = split_quoted(action)
    except ValueError as e:
        t.error = "invalid test recipe: %s" % e
        return t
    if words:
        action, args = words[0], words[1:]
    else:
        action, args = "", []
    if action in ("errorcheckandrundir",):
        pass
    elif action == "errorcheckwithauto":
        action, t.want_auto, t.want_error = "errorcheck", True, True
    elif action in ("errorcheck", "errorcheckdir", "errorcheckoutput"):
        t.want_error = True
    elif action not in KNOWN_ACTIONS:
        t.action = action
        t.error = "skipped; unknown pattern: " + action
        return t
    t.action = action
    goexp = os.environ.get("GOEXPERIMENT", "")
    while args and args[0].startswith("-"):
        a = args[0]
        if a == "-1":
            t.want_error = True
        elif a == "-0":
            t.want_error = False
        elif a == "-s":
            t.single_file_pkgs = True
        elif a == "-t":
            args = args[1:]
            try:
                t.timeout = int(args[0]) if args else 0
            except ValueError:
                t.error = "need number of seconds for -t timeout, got %s instead" % args[0]
        elif a == "-goexperiment":
            args = args[1:]
            goexp = (goexp + "," if goexp else "") + (args[0] if args else "")
            t.runenv.append("GOEXPERIMENT=" + goexp)
        else:
            t.flags.append(a)
        args = args[1:]
    t.args = args
    if action == "errorcheck":
        for i, f in enumerate(t.flags):
            if f.startswith("-d="):
                t.flags[i] = f + ",ssa/check/on"
                break
        else:
            t.flags.append("-d=ssa/check/on")
    return t


def go_files(testdir, d):
    full = os.path.join(testdir, d)
    names = sorted(n for n in os.listdir(full)
                   if n.endswith(".go") and not n.startswith(".")
                   and os.path.isfile(os.path.join(full, n)))
    return [n if d == "." else d + "/" + n for n in names]


# ---------------------------------------------------------------------------------------------
# errorcheck judging (run.go's errorCheck / wantedErrors / splitOutput)

def re2_to_python(rx):
    """Best-effort RE2 -> Python re translation of the ERROR regexps."""
    out, i, n, in_class = [], 0, len(rx), False
    posix = {"alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z",
             "lower": "a-z", "space": r"\t\n\v\f\r ", "word": r"\w", "xdigit": "0-9A-Fa-f",
             "punct": r"!-/:-@\[-`{-~", "print": r" -~", "graph": r"!-~", "cntrl": r"\x00-\x1f\x7f",
             "blank": r" \t", "ascii": r"\x00-\x7f"}
    uni = {"L": r"^\W\d_", "Lu": "A-Z", "Ll": "a-z", "N": r"\d", "Nd": r"\d"}
    while i < n:
        c = rx[i]
        if c == "\\" and i + 1 < n:
            d = rx[i + 1]
            if d == "Q":
                j = rx.find("\\E", i + 2)
                lit = rx[i + 2:] if j < 0 else rx[i + 2:j]
                out.append(re.escape(lit))
                i = n if j < 0 else j + 2
                continue
            if d == "z":
                out.append(r"\Z")
                i += 2
                continue
            if d in "pP":
                if i + 2 < n and rx[i + 2] == "{":
                    j = rx.find("}", i + 3)
                    name, i = rx[i + 3:j], j + 1
                else:
                    name, i = rx[i + 2:i + 3], i + 3
                cls = uni.get(name, r"^\W\d_")
                neg = d == "P"
                if cls.startswith("^"):
                    body = cls[1:]
                    neg = not neg
                else:
                    body = cls
                if in_class:
                    out.append(body)  # approximation inside a class
                else:
                    out.append("[" + ("^" if neg else "") + body + "]")
                continue
            if d == "x" and i + 2 < n and rx[i + 2] == "{":
                j = rx.find("}", i + 3)
                out.append("\\U%08x" % int(rx[i + 3:j], 16))
                i = j + 1
                continue
            out.append(rx[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and rx.startswith("[:", i):
                j = rx.find(":]", i + 2)
                if j > 0:
                    name = rx[i + 2:j]
                    neg = name.startswith("^")
                    out.append(posix.get(name.lstrip("^"), "") if not neg else "")
                    i = j + 2
                    continue
            if c == "[":
                out.append("\\[")
                i += 1
                continue
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and rx[i] == "^":
                out.append("^")
                i += 1
            if i < n and rx[i] == "]":  # leading ] is literal
                out.append("\\]")
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


_RE_CACHE = {}
_RE_LOCK = threading.Lock()


def compile_re2(rx):
    with _RE_LOCK:
        r = _RE_CACHE.get(rx)
        if r is None:
            r = re.compile(re2_to_python(rx), re.ASCII)
            _RE_CACHE[rx] = r
        return r


ERR_RX = re.compile(r"// (?:GC_)?ERROR (.*)")
ERR_AUTO_RX = re.compile(r"// (?:GC_)?ERRORAUTO (.*)")
ERR_QUOTES_RX = re.compile(r'"([^"]*)"')
LINE_RX = re.compile(r"LINE(([+-])([0-9]+))?")


def split_output(out, want_auto):
    res = []
    for line in out.split("\n"):
        if line.endswith("\r"):
            line = line[:-1]
        if line.startswith("\t"):
            if res:
                res[-1] += "\n" + line
        elif (line.startswith("go tool") or line.startswith("#")
              or (not want_auto and line.startswith("<autogenerated>"))):
            continue
        elif line.strip() != "":
            res.append(line)
    return res


def match_prefix(s, prefix):
    i = s.find(":")
    if i < 0:
        return False
    j = s.rfind("/", 0, i)
    s = s[j + 1:]
    if len(s) <= len(prefix) or not s.startswith(prefix):
        return False
    return s[len(prefix)] in "[:"


def wanted_errors(full, short):
    errs = []
    with open(full, "rb") as f:
        src = f.read().decode("utf-8", "surrogateescape")
    for i, line in enumerate(src.split("\n")):
        lineno = i + 1
        if "////" in line:
            continue
        auto = False
        m = ERR_AUTO_RX.search(line)
        if m:
            auto = True
        else:
            m = ERR_RX.search(line)
        if not m:
            continue
        quoted = ERR_QUOTES_RX.findall(m.group(1))
        if not quoted:
            raise ValueError("%s:%d: invalid errchk line: %s" % (short, lineno, line))
        for q in quoted:
            def repl(mm, lineno=lineno):
                k = lineno
                s = mm.group(0)
                if s.startswith("LINE+"):
                    k += int(s[5:])
                elif s.startswith("LINE-"):
                    k -= int(s[5:])
                return "%s:%d" % (short, k)
            rx = LINE_RX.sub(repl, q)
            try:
                cre = compile_re2(rx)
            except re.error as e:
                raise ValueError("%s:%d: invalid regexp \"%s\" in ERROR line: %s"
                                 % (short, lineno, rx, e))
            errs.append({"rx": rx, "re": cre, "line": lineno, "auto": auto, "file": short,
                         "prefix": "%s:%d" % (short, lineno)})
    return errs


def error_check(out_str, want_auto, fullshort):
    """Returns None if the compiler output matches the ERROR comments, else a message."""
    errs = []
    out = split_output(out_str, want_auto)
    for i in range(len(out)):
        for full, short in fullshort:
            out[i] = out[i].replace(full, short)
    want = []
    for full, short in fullshort:
        want += wanted_errors(full, short)
    for we in want:
        prefix = "<autogenerated>" if we["auto"] else we["prefix"]
        msgs = [s for s in out if match_prefix(s, prefix)]
        out = [s for s in out if not match_prefix(s, prefix)]
        if not msgs:
            errs.append("%s:%d: missing error %s" % (we["file"], we["line"], json.dumps(we["rx"])))
            continue
        matched = False
        n = len(out)
        for msg in msgs:
            text = msg.split(" ", 1)[1] if " " in msg else msg
            if we["re"].search(text):
                matched = True
            else:
                out.append(msg)
        if not matched:
            errs.append("%s:%d: no match for `%s` in:\n\t%s"
                        % (we["file"], we["line"], we["rx"], "\n\t".join(out[n:])))
    if out:
        errs.append("Unmatched Errors:")
        errs += out
    if not errs:
        return None
    return "\n".join(errs)


# ---------------------------------------------------------------------------------------------
# Running

class Failure(Exception):
    def __init__(self, reason, log=""):
        Exception.__init__(self, reason)
        self.reason, self.log = reason, log


class Runner:
    def __init__(self, opts, testdir, tmproot):
        self.o = opts
        self.testdir = testdir
        self.tmproot = tmproot
        self.scale = opts.timeout_scale
        self.execdir = None
        if opts.goarch != "amd64":
            # The go command runs cross-compiled binaries through go_$GOOS_$GOARCH_exec.
            self.execdir = os.path.join(tmproot, "bin")
            os.makedirs(self.execdir, exist_ok=True)
            script = os.path.join(self.execdir, "go_linux_%s_exec" % opts.goarch)
            with open(script, "w") as f:
                f.write("#!/bin/sh\nexec %s \"$@\"\n" % " ".join(QEMU))
            os.chmod(script, 0o755)

    def env(self, t, extra=()):
        e = dict(os.environ)
        e.update({"GOOS": "linux", "GOARCH": self.o.goarch, "GOENV": "off", "GOFLAGS": "",
                  "GOLC_TEST_FLAGS": json.dumps(t.flags), "GOLC_TEST_ARGS": json.dumps(t.args),
                  "GOLC_TEST_ACTION": t.action})
        # run.go puts the bin directory of its GOROOT first in PATH: several tests run `go`.
        if self.o.gc_bin and os.path.isdir(self.o.gc_bin):
            e["PATH"] = self.o.gc_bin + os.pathsep + e.get("PATH", "")
        if self.execdir:  # go_linux_arm64_exec: lets `go run` inside tests use qemu
            e["PATH"] = self.execdir + os.pathsep + e.get("PATH", "")
        for kv in list(t.runenv) + list(extra):
            k, _, v = kv.partition("=")
            e[k] = v
        return e

    def cmd(self, argv, cwd, env, timeout):
        """Runs argv with stdout and stderr in one buffer; returns (rc, bytes). rc None = timeout."""
        try:
            p = subprocess.Popen(argv, cwd=cwd, env=dict(env, PWD=cwd), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 start_new_session=True)
        except OSError as e:
            return 127, ("%s: %s\n" % (argv[0], e)).encode()
        try:
            out, _ = p.communicate(timeout=timeout)
            return p.returncode, out
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGINT)
                time.sleep(1)
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            out, _ = p.communicate()
            return None, out

    def exec_timeout(self, t):
        return (t.timeout if t.timeout else self.o.timeout) * self.scale

    def build(self, t, tmp, out, files, cwd, errorcheck=False, obj=False):
        """golc build; obj=True compiles to an object only (go tool compile's job)."""
        # the language version (-lang=go1.N) is the one gc flag golc honors
        lang = [f for f in t.flags if f.startswith("-lang=")]
        argv = ([self.o.golc, "build"] + (["-c"] if obj else []) + (["-e"] if errorcheck else [])
                + lang + ["-o", out] + files)
        rc, output = self.cmd(argv, cwd, self.env(t), self.o.compile_timeout * self.scale)
        return rc, output, argv

    def must_build(self, t, tmp, out, files, cwd, obj=False):
        rc, output, argv = self.build(t, tmp, out, files, cwd, obj=obj)
        if rc != 0:
            what = "compile timed out" if rc is None else "compile failed (exit %d)" % rc
            raise Failure(what + ": " + first_line(output), shlex.join(argv) + "\n" + dec(output))

    def execute(self, t, exe, args, cwd):
        argv = ([] if self.o.goarch == "amd64" else QEMU) + [exe] + args
        rc, output = self.cmd(argv, cwd, self.env(t), self.exec_timeout(t))
        if rc is None:
            raise Failure("timeout after %ds" % self.exec_timeout(t), dec(output))
        if rc != 0:
            sig = " (signal %d)" % -rc if rc < 0 else ""
            raise Failure("exit status %d%s: %s" % (rc, sig, last_line(output)),
                          shlex.join(argv) + "\n" + dec(output))
        return output

    def check_output(self, t, got):
        got = got.replace(b"\r\n", b"\n")
        outfile = os.path.join(self.testdir, t.name[:-3] + ".out")
        try:
            with open(outfile, "rb") as f:
                want = f.read()
        except OSError:
            want = None
        if got != (want or b""):
            diff = unified_diff(want or b"", got, t.name[:-3] + ".out")
            if want is None:
                raise Failure("output should be empty (no .out file)", diff)
            raise Failure("output does not match " + os.path.basename(outfile), diff)

    def run_test(self, t):
        start = time.time()
        tmp = tempfile.mkdtemp(prefix="t", dir=self.tmproot)
        os.mkdir(os.path.join(tmp, "test"))
        try:
            getattr(self, "do_" + t.action)(t, tmp)
            t.result = "PASS"
        except Failure as f:
            t.result, t.reason, t.log = "FAIL", f.reason, f.log
        except Exception as e:  # a runner bug must not hide the other results
            t.result, t.reason, t.log = "FAIL", "runner error: %r" % e, ""
        finally:
            if not self.o.keep:
                shutil.rmtree(tmp, ignore_errors=True)
        t.secs = time.time() - start
        if t.name in GC_EXPECTED_FAILURES and t.result == "FAIL":
            t.reason += " (on run.go's gc expected-failure list)"
        return t

    # -- actions ------------------------------------------------------------------------------

    @staticmethod
    def go_run_files(t):
        """`go run F ARGS`: leading ARGS ending in .go are more source files."""
        files, args = [t.name], list(t.args)
        while args and args[0].endswith(".go"):
            files.append(args.pop(0))
        return files, args

    def do_run(self, t, tmp):
        files, args = self.go_run_files(t)
        exe = os.path.join(tmp, "test.exe")
        self.must_build(t, tmp, exe, files, self.testdir)
        self.check_output(t, self.execute(t, exe, args, self.testdir))

    def do_runoutput(self, t, tmp):
        exe = os.path.join(tmp, "gen.exe")
        files, args = self.go_run_files(t)
        self.must_build(t, tmp, exe, files, self.testdir)
        gen = self.execute(t, exe, args, self.testdir)
        src = os.path.join(tmp, "tmp__.go")
        with open(src, "wb") as f:
            f.write(gen)
        exe2 = os.path.join(tmp, "test.exe")
        self.must_build(t, tmp, exe2, [src], self.testdir)
        self.check_output(t, self.execute(t, exe2, [], self.testdir))

    def do_build(self, t, tmp):
        self.must_build(t, tmp, os.path.join(tmp, "a.exe"),
                        [os.path.join(self.testdir, t.name)], tmp, obj=True)

    def do_buildrun(self, t, tmp):
        exe = os.path.join(tmp, "a.exe")
        self.must_build(t, tmp, exe, [os.path.join(self.testdir, t.name)], tmp)
        self.check_output(t, self.execute(t, exe, t.args, tmp))

    def do_compile(self, t, tmp):
        self.must_build(t, tmp, os.path.join(tmp, "a.o"),
                        [os.path.join(self.testdir, t.name)], tmp)

    def errorcheck_compile(self, t, tmp, path):
        rc, out, argv = self.build(t, tmp, os.path.join(tmp, "a.o"), [path], tmp, errorcheck=True, obj=True)
        log = shlex.join(argv) + "\n" + dec(out)
        if rc is None:
            raise Failure("compilation timed out", log)
        if t.want_error and rc == 0:
            raise Failure("compilation succeeded unexpectedly", log)
        if not t.want_error and rc != 0:
            raise Failure("compile failed (exit %d): %s" % (rc, first_line(out)), log)
        if rc < 0:  # killed by a signal: a crash, whatever it printed
            raise Failure("compiler crashed (signal %d): %s" % (-rc, last_line(out)), log)
        return out

    def do_errorcheck(self, t, tmp):
        full = os.path.join(self.testdir, t.name)
        out = self.errorcheck_compile(t, tmp, full)
        try:
            msg = error_check(dec(out), t.want_auto, [(full, os.path.basename(t.name))])
        except ValueError as e:
            raise Failure(str(e))
        if msg:
            raise Failure("errorcheck: " + msg.split("\n")[0], msg + "\n--- output:\n" + dec(out))

    def do_errorcheckoutput(self, t, tmp):
        exe = os.path.join(tmp, "gen.exe")
        files, args = self.go_run_files(t)
        self.must_build(t, tmp, exe, files, self.testdir)
        gen = self.execute(t, exe, args, self.testdir)
        src = os.path.join(tmp, "tmp__.go")
        with open(src, "wb") as f:
            f.write(gen)
        out = self.errorcheck_compile(t, tmp, src)
        try:
            msg = error_check(dec(out), False, [(src, "tmp__.go")])
        except ValueError as e:
            raise Failure(str(e))
        if msg:
            raise Failure("errorcheck: " + msg.split("\n")[0], msg + "\n--- output:\n" + dec(out))


def devnull_ok():
    try:
        return stat.S_ISCHR(os.stat("/dev/null").st_mode)
    except OSError:
        return False


def repair_devnull():
    """Some toolchains remove their -o file first; as root that can delete /dev/null, and every
    later test then fails. Put it back (root only) and say so."""
    try:
        if os.path.lexists("/dev/null"):
            os.remove("/dev/null")
        os.mknod("/dev/null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        os.chmod("/dev/null", 0o666)
        return True
    except OSError:
        return False


def dec(b):
    return b.decode("utf-8", "replace")


def first_line(b):
    lines = [l for l in dec(b).split("\n") if l.strip() and not l.startswith("#")]
    return clean(lines[0]) if lines else ""


def last_line(b):
    lines = [l for l in dec(b).split("\n") if l.strip()]
    return clean(lines[-1]) if lines else ""


def clean(s, n=200):
    s = s.replace("\t", " ").replace("\r", " ")
    return s if len(s) <= n else s[:n] + "..."


def unified_diff(want, got, name):
    import difflib
    a = dec(want).splitlines(keepends=True)
    b = dec(got).splitlines(keepends=True)
    d = "".join(difflib.unified_diff(a, b, "want/" + name, "got/" + name))
    if len(d) > 20000:
        d = d[:20000] + "\n... (diff truncated)\n"
    return d


# ---------------------------------------------------------------------------------------------
# Passing lists, tiers, summary

def read_list(path):
    names = []
    if not os.path.exists(path):
        return names
    with open(path) as f:
        for line in f:
            s = line.split("#", 1)[0].strip()
            if s:
                names.append(s)
    return names


def update_passing(path, new):
    """Adds tests to a passing list; never removes. Leading comment lines stay on top; each
    comment block between entries stays attached to the entry that follows it; entries sorted."""
    header, entries, pending = [], [], []
    if os.path.exists(path):
        with open(path) as f:
            lines = f.read().splitlines()
        seen_entry = False
        for line in lines:
            key = line.split("#", 1)[0].strip()
            if not key:
                (pending if seen_entry else header).append(line)
                continue
            seen_entry = True
            entries.append((key, pending + [line]))
            pending = []
    have = {k for k, _ in entries}
    added = sorted(set(new) - have)
    entries += [(k, [k]) for k in added]
    entries.sort(key=lambda e: e[0])
    with open(path, "w") as f:
        for line in header:
            f.write(line + "\n")
        for _, ls in entries:
            for line in ls:
                f.write(line + "\n")
        for line in pending:
            f.write(line + "\n")
    return added


def read_tiers(shared):
    tiers = []
    d = os.path.join(shared, "conformance")
    if not os.path.isdir(d):
        return tiers
    order = ["T0", "T0G", "T1", "T2", "T3", "T4", "GEN", "ALL"]
    found = sorted((n[5:-4] for n in os.listdir(d) if n.startswith("tier_") and n.endswith(".txt")),
                   key=lambda n: (order.index(n) if n in order else len(order), n))
    for n in found:
        tiers.append((n, set(read_list(os.path.join(d, "tier_%s.txt" % n)))))
    return tiers


def summarize(tests, opts, elapsed, tiers):
    lines = []
    judged = [t for t in tests if t.result in ("PASS", "FAIL")]
    npass = sum(t.result == "PASS" for t in judged)
    nfail = len(judged) - npass
    nskip = sum(t.result == "SKIP" for t in tests)
    lines.append("conformance %s (golc=%s, actions=%s, jobs=%d): %d judged, %d passed, "
                 "%d failed, %d skipped, %.0f s"
                 % (opts.goarch, opts.golc, ",".join(opts.actions), opts.jobs, len(judged),
                    npass, nfail, nskip, elapsed))
    by_action = {}
    for t in judged:
        a = by_action.setdefault(t.action, [0, 0])
        a[0 if t.result == "PASS" else 1] += 1
    for a in sorted(by_action):
        p, f = by_action[a]
        lines.append("  action %-18s %5d judged %5d pass %5d fail" % (a, p + f, p, f))
    noimp = [t for t in tests if t.action == "run" and t.selected and not t.imports]
    if noimp:
        p = sum(t.result == "PASS" for t in noimp)
        j = sum(t.result in ("PASS", "FAIL") for t in noimp)
        lines.append("  run tests without imports: %d selected, %d judged, %d pass" % (len(noimp), j, p))
    # errorcheck tests without gc-only flags (the harness's own -d=ssa/check/on aside)
    ff = [t for t in judged if t.action == "errorcheck" and t.flags == ["-d=ssa/check/on"]]
    if ff:
        p = sum(t.result == "PASS" for t in ff)
        lines.append("  errorcheck without gc-only flags: %d judged, %d pass (%.1f%%)"
                     % (len(ff), p, 100.0 * p / len(ff)))
    lines.append("per directory (judged tests):")
    by_dir = {}
    for t in judged:
        d = os.path.dirname(t.name) or "."
        a = by_dir.setdefault(d, [0, 0])
        a[0 if t.result == "PASS" else 1] += 1
    for d in SCAN_DIRS + sorted(set(by_dir) - set(SCAN_DIRS)):
        if d in by_dir:
            p, f = by_dir[d]
            lines.append("  %-20s %5d judged %5d pass %5d fail" % (d, p + f, p, f))
    if tiers:
        res = {t.name: t for t in tests}
        lines.append("per tier (// run tests; 'selected' = selected on linux/%s):" % opts.goarch)
        for name, members in tiers:
            sel = [res[m] for m in members if m in res and res[m].selected]
            p = sum(t.result == "PASS" for t in sel)
            f = sum(t.result == "FAIL" for t in sel)
            lines.append("  %-5s %5d tests %5d selected %5d pass %5d fail %5d not run"
                         % (name, len(members), len(sel), p, f, len(sel) - p - f))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("tests", nargs="*", help="test files or scanned directories, relative to "
                    "the suite (e.g. ken/simpbool.go, fixedbugs); default: everything run.go scans")
    ap.add_argument("--goarch", default=os.environ.get("GOARCH", "amd64"),
                    choices=["amd64", "arm64"])
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--actions", help="comma list of actions to judge (%s, or 'all'); default: "
                    "run for the whole suite, all for named tests and passing lists"
                    % ",".join(IMPLEMENTED))
    ap.add_argument("--golc", default=os.environ.get("GOLC"),
                    help="compiler (default $GOLC or <root>/build/bin/golc)")
    ap.add_argument("--gc", action="store_true",
                    help="use gc 1.19 through gc_as_golc.py instead of golc (validates the runner)")
    ap.add_argument("--gc-bin", default="/usr/lib/go-1.19/bin",
                    help="put first in PATH as run.go does with its GOROOT/bin (tests run `go`)")
    ap.add_argument("--suite", default=GOROOT_TEST, help="pristine test/ directory to copy")
    ap.add_argument("--out", help="output directory (default <root>/build/conformance/<arch>)")
    ap.add_argument("--shared", default=os.environ.get("GOLC_SHARED"),
                    help="shared material (tier lists); default <root>/../shared")
    ap.add_argument("--timeout", type=float, default=60,
                    help="seconds per program run when the test has no -t (default 60)")
    ap.add_argument("--compile-timeout", type=float, default=300,
                    help="seconds per compile (default 300)")
    ap.add_argument("--timeout-scale", type=float,
                    default=float(os.environ.get("GO_TEST_TIMEOUT_SCALE") or 1),
                    help="multiplies every timeout (default $GO_TEST_TIMEOUT_SCALE or 1)")
    ap.add_argument("--passing", help="run only the tests listed in this file; exit 1 if any fails")
    ap.add_argument("--update-passing", action="store_true",
                    help="add newly passing tests to the passing list (--passing, default "
                    "testsuite/conformance/passing-<arch>.txt); runs the whole selection")
    ap.add_argument("--no-cgo", action="store_true",
                    help="evaluate build constraints with the cgo tag false")
    ap.add_argument("--list", action="store_true", help="print the selection and exit")
    ap.add_argument("--keep", action="store_true", help="keep per-test temporary directories")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every result")
    o = ap.parse_args()

    if o.gc:
        o.golc = os.path.join(HERE, "gc_as_golc.py")
    if not o.golc:
        o.golc = os.path.join(ROOT, "build", "bin", "golc")
    o.golc = os.path.abspath(o.golc)
    o.out = os.path.abspath(o.out or os.path.join(ROOT, "build", "conformance", o.goarch))
    shared = o.shared or os.path.join(ROOT, "..", "shared")
    passing_file = o.passing
    if o.update_passing and not passing_file:
        passing_file = os.path.join(HERE, "passing-%s.txt" % o.goarch)
    listed = read_list(passing_file) if passing_file else []

    # Which tests?
    explicit = list(o.tests)
    if o.passing and not o.update_passing:
        explicit += listed
    if o.actions:
        o.actions = IMPLEMENTED if o.actions == "all" else o.actions.split(",")
    else:
        o.actions = IMPLEMENTED if explicit else ["run"]
    for a in o.actions:
        if a not in IMPLEMENTED:
            ap.error("unknown or unimplemented action %r (implemented: %s)"
                     % (a, ",".join(IMPLEMENTED)))

    # Fresh scratch copy of the suite.
    testdir = os.path.join(o.out, "test")
    os.makedirs(o.out, exist_ok=True)
    if not o.list:
        shutil.rmtree(testdir, ignore_errors=True)
        shutil.copytree(o.suite, testdir, symlinks=True)
    else:
        testdir = o.suite

    names = []
    if explicit or (o.passing and not o.update_passing):
        for a in explicit:
            a = a[2:] if a.startswith("./") else a
            if os.path.isdir(os.path.join(testdir, a)):
                names += go_files(testdir, a.rstrip("/") or ".")
            elif a.endswith(".go") and os.path.isfile(os.path.join(testdir, a)):
                names.append(a)
            else:
                ap.error("no such test: %s" % a)
        names = list(dict.fromkeys(names))
    else:
        for d in SCAN_DIRS:
            names += go_files(testdir, d)

    match = make_matcher(o.goarch, cgo=False if o.no_cgo else None)
    tests = [parse_test(testdir, n, match) for n in names]
    todo = []
    for t in tests:
        if not t.selected:
            t.result, t.reason = "SKIP", t.why
        elif t.error:
            # run.go reports these as errors ("unexpected skip"); they are not golc's fault.
            t.result, t.reason = "SKIP", "header: " + t.error
        elif t.action == "skip":
            t.result, t.reason = "SKIP", "// skip"
        elif t.action not in IMPLEMENTED:
            t.result, t.reason = "SKIP", "unsupported action " + t.action
        elif t.action not in o.actions:
            t.result, t.reason = "SKIP", "action %s not selected" % t.action
        else:
            todo.append(t)

    if o.list:
        for t in todo:
            print(t.name)
        sel = {}
        for t in tests:
            if t.selected and t.action:
                sel[t.action] = sel.get(t.action, 0) + 1
        print("# %s: %d scanned; selected by build constraints, per action: %s; to judge: %d"
              % (o.goarch, len(tests), ", ".join("%s %d" % kv for kv in sorted(sel.items())),
                 len(todo)), file=sys.stderr)
        return 0

    if not os.access(o.golc, os.X_OK):
        print("run.py: compiler %s not found or not executable" % o.golc, file=sys.stderr)
        return 2

    tmproot = os.path.join(o.out, "tmp")
    shutil.rmtree(tmproot, ignore_errors=True)
    os.makedirs(tmproot)
    logdir = os.path.join(o.out, "logs")
    shutil.rmtree(logdir, ignore_errors=True)
    os.makedirs(logdir)

    runner = Runner(o, testdir, tmproot)
    start = time.time()
    done = 0
    print("conformance %s: judging %d tests with %s, %d jobs"
          % (o.goarch, len(todo), o.golc, o.jobs), flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, o.jobs)) as ex:
        for t in ex.map(runner.run_test, todo):
            done += 1
            if not devnull_ok():
                fixed = repair_devnull()
                print("run.py: /dev/null was removed or replaced (noticed after %s); %s"
                      % (t.name, "recreated it" if fixed else "could not recreate it"),
                      file=sys.stderr, flush=True)
            if t.result == "FAIL":
                log = os.path.join(logdir, t.name.replace("/", "__") + ".log")
                with open(log, "w") as f:
                    f.write("%s: %s\n%s" % (t.name, t.reason, t.log))
                if o.verbose or (o.passing and t.name in listed) or len(todo) <= 50:
                    print("FAIL %s: %s" % (t.name, t.reason), flush=True)
            elif o.verbose:
                print("PASS %s (%.1fs)" % (t.name, t.secs), flush=True)
            if not o.verbose and done % 100 == 0:
                print("  ... %d/%d done, %.0f s" % (done, len(todo), time.time() - start),
                      flush=True)
    elapsed = time.time() - start

    with open(os.path.join(o.out, "results.tsv"), "w") as f:
        f.write("test\tresult\treason\n")
        for t in sorted(tests, key=lambda t: t.name):
            f.write("%s\t%s\t%s\n" % (t.name, t.result, clean(t.reason, 300)))
    summary = summarize(tests, o, elapsed, read_tiers(shared))
    rc = 0
    if listed:
        res = {t.name: t for t in tests}
        bad = [n for n in listed if n in res and res[n].result == "FAIL"]
        unrun = [n for n in listed if n not in res or res[n].result != "PASS" and n not in bad]
        summary += "passing list %s: %d listed, %d passed, %d failed, %d not run\n" % (
            os.path.relpath(passing_file), len(listed), len(listed) - len(bad) - len(unrun),
            len(bad), len(unrun))
        for n in bad:
            summary += "  REGRESSION %s: %s\n" % (n, res[n].reason)
        for n in unrun:
            summary += "  not run %s: %s\n" % (n, res[n].reason if n in res else "not selected")
        if bad:
            rc = 1
    if o.update_passing:
        added = update_passing(passing_file, [t.name for t in tests if t.result == "PASS"])
        summary += "added %d tests to %s\n" % (len(added), os.path.relpath(passing_file))
        for n in added:
            summary += "  + %s\n" % n
    with open(os.path.join(o.out, "summary.txt"), "w") as f:
        f.write(summary)
    sys.stdout.write(summary)
    print("results: %s, failure logs: %s" % (os.path.join(o.out, "results.tsv"), logdir))
    return rc


if __name__ == "__main__":
    sys.exit(main())
