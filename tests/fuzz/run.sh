#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET ...] — runs each libFuzzer target
# built in BUILD_DIR (fuzz_<TARGET>) for SECONDS, one at a time under `nice`,
# then prints the executions per target. Seeds: tests/fuzz/corpus/<TARGET>/ (for
# repl: `:` command lines) and, for the compile target, every test program and
# lesson. New inputs collect in BUILD_DIR/fuzz-corpus/<TARGET>/; a crash is
# written to BUILD_DIR/fuzz-crashes/ and fails the run (copy it to
# tests/fuzz/regressions/<TARGET>/ once fixed).
set -euo pipefail

cd "$(dirname "$0")/../.."
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET ...]}
seconds=${2:?usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET ...]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for binary in "$build"/fuzz_*; do
        [ -x "$binary" ] && targets+=("${binary##*/fuzz_}")
    done
fi

mkdir -p "$build/fuzz-crashes"
failed=0
summary=()
for target in "${targets[@]}"; do
    binary="$build/fuzz_$target"
    [ -x "$binary" ] || { echo "no fuzz target $binary" >&2; exit 2; }
    work="$build/fuzz-corpus/$target"
    seeds=("$work")
    mkdir -p "$work"
    [ -d "tests/fuzz/corpus/$target" ] && seeds+=("tests/fuzz/corpus/$target")
    if [ "$target" = compile ]; then
        # The test programs and the lessons (Markdown around Python) as they are.
        seed_dir="$build/fuzz-seeds/compile"
        mkdir -p "$seed_dir"
        cp tests/lang/*.py tests/conformance/*.py "$seed_dir"/
        [ -d lessons ] && find lessons -name '*.md' -exec cp {} "$seed_dir"/ \;
        seeds+=("$seed_dir")
    fi
    if [ "$target" = lesson ] && [ -d lessons ]; then seeds+=("lessons"); fi
    # The VM target's bytes are a generator's choices: longer inputs make whole
    # programs, so it starts at full length instead of growing from a few bytes.
    extra=()
    if [ "$target" = vm ]; then extra=(-len_control=0 -max_len=2048); fi
    log="$build/fuzz-$target.log"
    echo "== fuzzing $target for ${seconds}s (log: $log)"
    status=0
    nice -n 19 "$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -max_len=65536 ${extra[@]+"${extra[@]}"} -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-crashes/$target-" "${seeds[@]}" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    summary+=("$target: ${runs:-?} executions in ${seconds}s")
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "FAILED: $target (exit $status); the end of $log:" >&2
        tail -n 40 "$log" >&2
    fi
done
printf '%s\n' "${summary[@]}"
exit "$failed"
