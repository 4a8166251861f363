"""lit test format for testsuite/run/: Go's test/ convention (golden output).

X.go is built with golc for the lit param goarch, run (under qemu-aarch64 on arm64) in X.go's
directory with stdin closed and stdout+stderr captured together, and the output (\\r\\n -> \\n)
must equal X.out byte for byte (an absent X.out means no output). The exit status must be the
one given by an optional header line `// exit: N` (default 0); `// args: a b c` passes program
arguments; `// env: K=V ...` sets environment variables for the run. REQUIRES:/UNSUPPORTED:/
XFAIL: work as usual. A file with RUN: lines is run as an ordinary lit shell test instead.
"""
import difflib
import os
import re
import shlex
import signal
import subprocess

import lit.formats
import lit.Test
import lit.TestRunner

_HDR = re.compile(r"^//\s*(exit|args|env):\s*(.*?)\s*$")


def _header(path):
    opts = {"exit": 0, "args": [], "env": {}}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("package "):
                break
            m = _HDR.match(line)
            if m and m.group(1) == "exit":
                opts["exit"] = int(m.group(2))
            elif m and m.group(1) == "env":
                for kv in shlex.split(m.group(2)):
                    k, _, v = kv.partition("=")
                    opts["env"][k] = v
            elif m:
                opts["args"] = shlex.split(m.group(2))
    return opts


def _run(argv, cwd, env, timeout):
    p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        return None, out


class GoRunTest(lit.formats.FileBasedTest):
    def __init__(self, compile_timeout=300, run_timeout=60):
        self.compile_timeout = compile_timeout
        self.run_timeout = run_timeout
        self.sh = lit.formats.ShTest(execute_external=False)

    def execute(self, test, lit_config):
        src = test.getSourcePath()
        with open(src, "rb") as f:
            if re.search(rb"^\s*//\s*RUN:", f.read(), re.M):
                return self.sh.execute(test, lit_config)
        parsed = lit.TestRunner.parseIntegratedTestScript(test, require_script=False)
        if isinstance(parsed, lit.Test.Result):
            return parsed
        if lit_config.noExecute:
            return lit.Test.Result(lit.Test.PASS)
        cfg = test.config
        opts = _header(src)
        tmp_dir, tmp_base = lit.TestRunner.getTempPaths(test)
        os.makedirs(tmp_dir, exist_ok=True)
        exe = tmp_base + ".exe"
        env = dict(os.environ)
        env.update(cfg.environment)
        timeout = lit_config.maxIndividualTestTime or None

        argv = [cfg.golc, "build", "-o", exe, src]
        rc, out = _run(argv, os.path.dirname(src), env, timeout or self.compile_timeout)
        if rc != 0:
            why = "timed out" if rc is None else "exit status %d" % rc
            return lit.Test.Result(lit.Test.FAIL, "compile %s: %s\n%s" % (
                why, " ".join(map(shlex.quote, argv)), out.decode("utf-8", "replace")))

        argv = cfg.run_prefix + [exe] + opts["args"]
        env.update(opts["env"])
        rc, got = _run(argv, os.path.dirname(src), env, timeout or self.run_timeout)
        got = got.replace(b"\r\n", b"\n")
        golden = os.path.splitext(src)[0] + ".out"
        want = b""
        if os.path.exists(golden):
            with open(golden, "rb") as f:
                want = f.read()
        problems = []
        if rc is None:
            problems.append("timed out")
        elif rc != opts["exit"]:
            problems.append("exit status %d, want %d" % (rc, opts["exit"]))
        if got != want:
            diff = "".join(difflib.unified_diff(
                want.decode("utf-8", "replace").splitlines(True),
                got.decode("utf-8", "replace").splitlines(True),
                os.path.basename(golden) + " (want)", "output (got)"))
            problems.append("output differs from %s:\n%s" % (
                os.path.basename(golden) if os.path.exists(golden) else "empty output (no .out)",
                diff))
        if problems:
            return lit.Test.Result(lit.Test.FAIL, "$ %s\n%s" % (
                " ".join(map(shlex.quote, argv)), "\n".join(problems)))
        return lit.Test.Result(lit.Test.PASS)
