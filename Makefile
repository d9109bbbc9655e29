# Makefile — a thin wrapper over CMake, so that set-up is `make run` and `make test`.
# Every target first runs .ci/deps.sh, which is silent and quick when nothing is missing.

BUILD_DIR    ?= build
SANITIZE_DIR ?= build-sanitize
JOBS         ?= 2
PYTHON       ?= python3
CMAKE        ?= cmake
CTEST        ?= ctest
ARGS         ?=

RUNNER := $(PYTHON) tests/run_script_tests.py

# cmake --build runs make again; the "Entering directory" lines are only noise.
MAKEFLAGS += --no-print-directory

.PHONY: all build run test conformance regen sanitize gc-stress bench clean deps

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

bench: build
	$(PYTHON) bench/run.py --handoff ./$(BUILD_DIR)/handoff --python $(PYTHON)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)
