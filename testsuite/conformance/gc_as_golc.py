#!/usr/bin/env python3
"""Stands in for golc using gc 1.19, to validate the conformance runner (run.py --gc).

Accepts what run.py passes to golc: `build [-e] -o OUT FILES...`, with the test's gc flags in
$GOLC_TEST_FLAGS (JSON list) and the test's action in $GOLC_TEST_ACTION, and runs the gc
command test/run.go would run for that action.
"""
import json
import os
import subprocess
import sys

GO = os.environ.get("GC_GO", "/usr/lib/go-1.19/bin/go")
GOROOT = os.path.dirname(os.path.dirname(os.path.realpath(GO)))


def goarch():
    return os.environ.get("GOARCH") or "amd64"


def main(argv):
    if len(argv) < 1 or argv[0] != "build":
        sys.stderr.write("gc_as_golc: only `build [-e] -o OUT FILES...` is supported\n")
        return 2
    argv = argv[1:]
    errorcheck = False
    out = "a.out"
    files = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-e":
            errorcheck = True
        elif a.startswith("-lang=") or a == "-c":
            pass  # -lang is in GOLC_TEST_FLAGS too
        elif a == "-o":
            i += 1
            out = argv[i]
        else:
            files.append(a)
        i += 1
    flags = json.loads(os.environ.get("GOLC_TEST_FLAGS") or "[]")
    action = os.environ.get("GOLC_TEST_ACTION", "run")
    if errorcheck:
        cmd = [GO, "tool", "compile", "-p=p", "-d=panic"]
        if action == "errorcheck":
            cmd.append("-C")
        cmd += ["-e", "-o", out] + flags + files
    elif action == "compile":
        cmd = [GO, "tool", "compile", "-e", "-p=p", "-o", out] + flags + files
    elif (action in ("run", "runoutput", "errorcheckoutput") and not flags
          and not json.loads(os.environ.get("GOLC_TEST_ARGS") or "[]")
          and not os.environ.get("GO_GCFLAGS") and not os.environ.get("GOEXPERIMENT")
          and os.path.isdir(os.path.join(GOROOT, "pkg", "linux_" + goarch()))):
        # run.go's fast path: compile and link directly against the installed std packages.
        pkg = out + ".pkg.a"
        rc = subprocess.call([GO, "tool", "compile", "-p=main", "-o", pkg] + files)
        if rc != 0:
            return rc
        cmd = [GO, "tool", "link", "-s", "-w", "-o", out, pkg]
    else:
        gcflags = "-gcflags=all=" + os.environ.get("GO_GCFLAGS", "")
        cmd = [GO, "build", gcflags] + flags + ["-o", out] + files
    if os.environ.get("GOARCH") == "arm64" and "CC" not in os.environ:
        os.environ["CC"] = "aarch64-linux-gnu-gcc"   # cgo tests cross-compile for arm64
        os.environ.setdefault("CGO_ENABLED", "1")
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
