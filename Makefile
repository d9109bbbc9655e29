# Makefile — a thin wrapper over CMake, so that set-up is `make run` and `make test`.
# Every target first runs .ci/deps.sh, which is silent and quick when nothing is missing.

BUILD_DIR    ?= build
SANITIZE_DIR ?= build-sanitize
FUZZ_DIR     ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
JOBS         ?= 2
PYTHON       ?= python3
CMAKE        ?= cmake
CTEST        ?= ctest
ARGS         ?=

RUNNER := $(PYTHON) tests/run_script_tests.py

# cmake --build runs make again; the "Entering directory" lines are only noise.
MAKEFLAGS += --no-print-directory

.PHONY: all build run test conformance regen sanitize gc-stress fuzz load bench clean deps

all: build

deps:
	@.ci/deps.sh

# Configure once; afterwards `cmake --build` re-runs CMake by itself when needed.
$(BUILD_DIR)/CMakeCache.txt: | deps
	$(CMAKE) -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/CMakeCache.txt
	$(CMAKE) --build $(BUILD_DIR) --parallel $(JOBS)

# `make run ARGS=hello.py` passes arguments on.
run: build
	exec ./$(BUILD_DIR)/handoff $(ARGS)

test: build
	$(CTEST) --test-dir $(BUILD_DIR) --output-on-failure --parallel $(JOBS)

# Regenerate every expectation with python3 into a temp dir; fail on any difference.
conformance: deps
	$(RUNNER) --python $(PYTHON) --conformance tests/lang tests/conformance

# Rewrite the expectations in place from python3 (review the diff before committing).
regen: deps
	$(RUNNER) --python $(PYTHON) --regen tests/lang
	@if ls tests/conformance/*.py >/dev/null 2>&1; then \
	    $(RUNNER) --python $(PYTHON) --regen tests/conformance; fi

sanitize: deps
	$(CMAKE) -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Debug -DHANDOFF_SANITIZE=ON
	$(CMAKE) --build $(SANITIZE_DIR) --parallel $(JOBS)
	$(CTEST) --test-dir $(SANITIZE_DIR) --output-on-failure --parallel $(JOBS)

# Every script test again on the sanitizer build, collecting garbage at every safe
# point that follows an allocation: a value the collector cannot see fails loudly.
gc-stress: deps
	$(CMAKE) -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Debug -DHANDOFF_SANITIZE=ON
	$(CMAKE) --build $(SANITIZE_DIR) --parallel $(JOBS)
	HANDOFF_GC_STRESS=1 $(RUNNER) --handoff ./$(SANITIZE_DIR)/handoff -j $(JOBS)

# libFuzzer targets (tests/fuzz): clang with ASan + UBSan, in their own build
# directory, each run FUZZ_SECONDS (one at a time, under nice). Not part of `test`.
# `make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS=vm` fuzzes one target for ten minutes.
fuzz: deps
	@command -v clang >/dev/null || { echo "make fuzz needs clang and libFuzzer:" \
	    "apt-get install -y clang libclang-rt-14-dev" >&2; exit 1; }
	$(CMAKE) -S . -B $(FUZZ_DIR) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DHANDOFF_FUZZ=ON -DHANDOFF_BUILD_TESTS=OFF
	$(CMAKE) --build $(FUZZ_DIR) --parallel $(JOBS)
	tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Load figures (bench/load): a million tasks, ten million hand-offs traced to a
# file; peak memory from /usr/bin/time. Takes minutes; not part of CI.
load: build
	bench/load/run.sh ./$(BUILD_DIR)/handoff

bench: build
	$(PYTHON) bench/run.py --handoff ./$(BUILD_DIR)/handoff --python $(PYTHON)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR)
