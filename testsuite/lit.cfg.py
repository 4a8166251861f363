# lit configuration for golc's own tests.
#
#   python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv --param goarch=amd64 testsuite
#
# Params: goarch=amd64|arm64 (default amd64); build_dir=<cmake build dir> (default ../build).
# Substitutions: %golc (the built compiler, with GOARCH set), %run (empty on amd64,
# qemu-aarch64 -L /usr/aarch64-linux-gnu on arm64), %goarch, %qemu.
# Features: the goarch (amd64 or arm64), for REQUIRES:/UNSUPPORTED:.
# Directories: compile/ (IR FileCheck), errors/ (diagnostics), panic/ (FileCheck on panic output):
# ordinary RUN-line tests; run/: golden-output tests (litgo.GoRunTest, see run/lit.local.cfg);
# bench/: the benchmark programs (bench/programs) at small sizes against gc's output.
import os
import sys

import lit.formats

config.name = "golc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".go"]
# runtime/ and conformance/ have their own drivers (ctest runtime-unit, conformance-passing);
# frontend/ holds the frontend's own harness (not lit); fuzz/ the fuzz target and the inputs it
# once failed on (ctest fuzz-regressions); stress/ the programs of `make stress`; stdtest/ the
# std packages' own tests (ctest std-tests).
config.excludes = ["Inputs", "conformance", "runtime", "frontend", "fuzz", "tools", "stress", "stdtest"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, config.test_source_root)        # for litgo.py (run/lit.local.cfg)

goarch = lit_config.params.get("goarch", "amd64")
if goarch not in ("amd64", "arm64"):
    lit_config.fatal("goarch must be amd64 or arm64, not %r" % goarch)
build_dir = os.path.abspath(lit_config.params.get(
    "build_dir", os.path.join(config.test_source_root, "..", "build")))
config.test_exec_root = os.path.join(build_dir, "testsuite", goarch)

golc = os.path.join(build_dir, "bin", "golc")
if not os.path.exists(golc):
    lit_config.warning("golc not built: %s" % golc)
qemu = "qemu-aarch64 -L /usr/aarch64-linux-gnu"

config.goarch = goarch
config.golc = golc
config.run_prefix = [] if goarch == "amd64" else qemu.split()

config.substitutions.append(("%golc", ("env GOARCH=arm64 " if goarch == "arm64" else "") + golc))
config.substitutions.append(("%run", "" if goarch == "amd64" else qemu))
config.substitutions.append(("%goarch", goarch))
config.substitutions.append(("%stackmap-check", "python3 " + os.path.join(config.test_source_root, "tools", "stackmap-check")))
config.substitutions.append(("%check-prologues", "python3 " + os.path.join(config.test_source_root, "tools", "check-prologues")))
# %expect-exit N cmd...: cmd must exit with status N (lit's shell has no $?)
config.substitutions.append(("%expect-exit", "python3 " + os.path.join(config.test_source_root, "tools", "expect-exit")))
config.substitutions.append(("%qemu", qemu))
config.available_features.add(goarch)
# GOLC_GCSTRESS=gc[:N] (make check-gcstress): tests too slow under it say UNSUPPORTED: gcstress
if os.environ.get("GOLC_GCSTRESS", "").startswith("gc"):
    config.available_features.add("gcstress")

# FileCheck, not, count live in LLVM's bin dir, which is not on PATH on Debian.
llvm_bin = "/usr/lib/llvm-19/bin"
config.environment["PATH"] = os.pathsep.join([llvm_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["GOOS"] = "linux"
config.environment["GOARCH"] = goarch
# Debug and stress switches reach the compiler and the programs (GOLC_DEBUG, GOLC_GCSTRESS, ...).
for k, v in os.environ.items():
    if k.startswith("GOLC_") or k in ("HOME", "TMPDIR", "GODEBUG", "GOGC", "GOMAXPROCS",
                                      "GOTRACEBACK", "GOMEMLIMIT"):
        config.environment[k] = v
