# golc top-level wrapper around CMake.
#
#   make                 install missing packages (Debian 12) if needed, configure, build
#   make deps            install the Debian packages (apt-get; root or sudo)
#   make check           build, then ctest: lit (amd64, arm64), runtime unit tests,
#                        conformance passing lists; ends with "check: N passed, M failed"
#   make conformance     whole Go 1.19 conformance suite (GOARCH=arm64 for arm64, JOBS=n)
#   make bench           bench/run.sh
#   make stress          testsuite/stress/chanstress.go: 8x10^6 channel operations at
#                        GOMAXPROCS=2 and 8 (GOARCH=arm64: under qemu; STRESS_N=values each)
#   make fuzz            libFuzzer+ASan target over the frontend (docs/fuzzing.md):
#                        FUZZ_SECONDS=600 FUZZ_JOBS=1 (at most 2) FUZZ_FLAGS=extra libFuzzer flags
#   make clean
SHELL := /bin/bash

BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
GOARCH     ?= amd64
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
PYTHON     ?= python3
LIT        ?= /usr/lib/llvm-19/build/utils/lit/lit.py

# Everything the build and the tests need (all in Debian 12 bookworm/main).
PACKAGES := cmake ninja-build python3 pkg-config \
	llvm-19-dev clang-19 lld-19 llvm-19-tools \
	libffi-dev libgmp-dev libmpfr-dev libxxhash-dev \
	qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross libffi-dev:arm64 \
	golang-1.19-src golang-1.19-go gccgo-12 \
	libfuzzer-19-dev libclang-rt-19-dev hyperfine

# Fast check (no dpkg): files the packages above provide.
DEP_FILES := /usr/bin/cmake /usr/bin/clang-19 /usr/bin/llvm-config-19 /usr/bin/ld.lld-19 \
	/usr/lib/llvm-19/lib/cmake/llvm/LLVMConfig.cmake /usr/lib/llvm-19/bin/FileCheck \
	/usr/lib/llvm-19/build/utils/lit/lit.py /usr/bin/qemu-aarch64 /usr/bin/aarch64-linux-gnu-gcc \
	/usr/aarch64-linux-gnu/lib/libc.so.6 /usr/lib/aarch64-linux-gnu/libffi.so \
	/usr/include/mpfr.h /usr/include/xxhash.h /usr/include/x86_64-linux-gnu/gmp.h /usr/include/x86_64-linux-gnu/ffi.h \
	/usr/share/go-1.19/test/run.go /usr/share/go-1.19/src/fmt/print.go \
	/usr/lib/go-1.19/bin/go /usr/bin/gccgo-12 /usr/bin/hyperfine /usr/bin/pkg-config \
	/usr/lib/llvm-19/lib/libFuzzer.a

ifeq ($(shell id -u),0)
SUDO :=
else
SUDO := sudo
endif

GENERATOR := $(if $(shell command -v ninja 2>/dev/null),Ninja,Unix Makefiles)

.PHONY: all deps deps-if-missing configure build check check-gcstress conformance bench stress fuzz clean

all: build

# Installs only when something is missing, so `make` is quick on a provisioned machine.
deps-if-missing:
	@missing=""; for f in $(DEP_FILES); do [ -e $$f ] || missing="$$missing $$f"; done; \
	if [ -n "$$missing" ]; then echo "deps: missing:$$missing"; $(MAKE) --no-print-directory deps; fi

deps:
	@set -e; \
	if ! command -v apt-get >/dev/null; then echo "deps: apt-get not found (Debian 12 expected)" >&2; exit 1; fi; \
	updated=0; \
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then \
		echo "deps: dpkg --add-architecture arm64"; $(SUDO) dpkg --add-architecture arm64; \
	fi; \
	missing=""; for p in $(PACKAGES); do \
		dpkg-query -W -f='$${db:Status-Abbrev}' $$p 2>/dev/null | grep -q '^ii' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all packages installed"; exit 0; fi; \
	echo "deps: installing:$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	$(SUDO) apt-get update -q; \
	$(SUDO) apt-get install -y -q --no-install-recommends $(PACKAGES)

# The generator's own file marks a finished configure (a failed one can leave CMakeCache.txt).
BUILD_STAMP := $(BUILD)/$(if $(filter Ninja,$(GENERATOR)),build.ninja,Makefile)

$(BUILD_STAMP):
	cmake -S . -B $(BUILD) -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_C_COMPILER=/usr/bin/clang-19

configure: deps-if-missing $(BUILD_STAMP)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# ctest runs lit-amd64, lit-arm64, runtime-unit, conformance-passing. The last line is for CI.
check: build
	@set -o pipefail; rc=0; \
	ctest --test-dir $(BUILD) --output-on-failure 2>&1 | tee $(BUILD)/check.log || rc=$$?; \
	total=$$(grep -Eo 'tests passed, [0-9]+ tests failed out of [0-9]+' $(BUILD)/check.log | tail -1 | grep -Eo '[0-9]+$$'); \
	failed=$$(grep -Eo '[0-9]+ tests failed out of' $(BUILD)/check.log | tail -1 | grep -Eo '^[0-9]+'); \
	skipped=$$(grep -Ec '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*\*\*\*Skipped' $(BUILD)/check.log); \
	total=$${total:-0}; failed=$${failed:-0}; passed=$$((total - failed - skipped)); \
	if [ $$rc -ne 0 ] && [ $$failed -eq 0 ]; then failed=1; fi; \
	[ $$skipped -eq 0 ] || echo "check: $$skipped skipped (not counted)"; \
	echo "check: $$passed passed, $$failed failed"; \
	exit $$rc

conformance: build
	$(PYTHON) testsuite/conformance/run.py --goarch $(GOARCH) --jobs $(JOBS) --golc $(BUILD)/bin/golc $(CONFORMANCE_FLAGS)

bench: build
	@if [ -x bench/run.sh ]; then bench/run.sh; \
	elif [ -f bench/run.sh ]; then bash bench/run.sh; \
	else echo "bench: no bench/run.sh yet (see /work/shared/bench for the plan)"; fi

STRESS_N ?= 1000000
stress: build
	@set -e; exe=$(BUILD)/stress/chanstress-$(GOARCH); mkdir -p $(BUILD)/stress; \
	GOARCH=$(GOARCH) $(BUILD)/bin/golc build -o $$exe testsuite/stress/chanstress.go; \
	run=""; [ "$(GOARCH)" = arm64 ] && run="qemu-aarch64 -L /usr/aarch64-linux-gnu"; \
	for p in 2 8; do echo "stress: GOMAXPROCS=$$p N=$(STRESS_N)"; GOMAXPROCS=$$p $$run $$exe $(STRESS_N); done

# Every run and panic test (both architectures) and both conformance passing lists with a
# collection after every $(GCSTRESS)-th allocation (freed objects poisoned).
GCSTRESS ?= gc:100
check-gcstress: build
	@set -e; export GOLC=$(CURDIR)/$(BUILD)/bin/golc GOLC_BUILD_DIR=$(CURDIR)/$(BUILD) \
		GOLC_SOURCE_DIR=$(CURDIR) GOLC_GCSTRESS=$(GCSTRESS); rc=0; \
	for a in amd64 arm64; do \
		$(PYTHON) $(LIT) -s --param goarch=$$a --param build_dir=$(CURDIR)/$(BUILD) \
			testsuite/run testsuite/panic || rc=1; \
		$(PYTHON) testsuite/conformance/run.py --goarch $$a --jobs $(JOBS) --golc $$GOLC \
			--passing testsuite/conformance/passing-$$a.txt || rc=1; \
	done; \
	echo "check-gcstress ($(GCSTRESS)): $$([ $$rc = 0 ] && echo passed || echo FAILED)"; exit $$rc

FUZZ_SECONDS ?= 600
FUZZ_JOBS    ?= 1
FUZZ_FLAGS   ?=

# Not part of `make`/`make check`: builds the ASan fuzzer only here.
fuzz: configure
	cmake --build $(BUILD) -j $(JOBS) --target golc-fuzz
	testsuite/fuzz/fuzz.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_FLAGS)

clean:
	rm -rf $(BUILD)
