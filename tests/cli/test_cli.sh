#!/usr/bin/env bash
# test_cli.sh — the command line as a user meets it: options, exit statuses,
# messages, standard input, the trace file, and finding the lessons from the
# build tree and after `cmake --install`. Usage: test_cli.sh HANDOFF BUILD_DIR
set -u
handoff=$1
build_dir=$2
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() { # name, then a command that must succeed
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name"
    fi
}

run() { # runs handoff, keeping stdout, stderr and the status
    "$handoff" "$@" >"$work/out" 2>"$work/err" </dev/null
    status=$?
}

run --version
check "version prints the version" grep -qx 'handoff [0-9.]*' "$work/out"
check "version exits 0" test "$status" -eq 0

run --help
check "help exits 0" test "$status" -eq 0
for option in -c --dis --clock= --speed= --trace= --trace-file= --lessons-dir --help --version; do
    check "help lists $option" grep -q -- "$option" "$work/out"
done

run --bogus
check "unknown option exits 2" test "$status" -eq 2
check "unknown option is named" grep -q "unknown option '--bogus'" "$work/err"

run --clock=sideways -c pass
check "bad --clock exits 2" test "$status" -eq 2
run --speed=0 -c pass
check "bad --speed exits 2" test "$status" -eq 2

run -c 'print(1 + 1)'
check "-c runs code" grep -qx 2 "$work/out"

run -c 'raise ValueError("boom")'
check "uncaught exception exits 1" test "$status" -eq 1
check "uncaught exception ends stderr" test "$(tail -n 1 "$work/err")" = "ValueError: boom"

run -c 'if x'
check "syntax error exits 1" test "$status" -eq 1
check "syntax error message" test "$(tail -n 1 "$work/err")" = "SyntaxError: expected ':'"

run "$work/missing.py"
check "missing file exits 2" test "$status" -eq 2
check "missing file is named" grep -q "can't open file" "$work/err"

echo 'print(sum(range(4)))' | "$handoff" >"$work/out" 2>"$work/err"
check "standard input runs as the program" grep -qx 6 "$work/out"

printf 'def f(x):\n    return x + 1\n' >"$work/dis.py"
run --dis "$work/dis.py"
check "--dis disassembles" grep -q "RETURN_VALUE" "$work/out"

printf 'import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print("done")\nasyncio.run(main())\n' >"$work/traced.py"
run --clock=virtual --trace=jsonl --trace-file="$work/trace.jsonl" "$work/traced.py"
check "a traced run prints the program's output" grep -qx done "$work/out"
check "the trace goes to the trace file" test -s "$work/trace.jsonl"
check "every trace line is JSON" python3 -c '
import json, sys
for line in open(sys.argv[1]):
    json.loads(line)
' "$work/trace.jsonl"

# A trace file gathers lines in its own buffer, written 64 KiB at a time: whatever the
# run's end, every line must reach the file, the summary last.
cat >"$work/many.py" <<'PY'
import asyncio, sys
async def worker():
    for _ in range(3):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*(worker() for _ in range(2000)))
    if sys.argv[1] == "raise":
        raise ValueError("after the gather")
    if sys.argv[1] == "exit":
        sys.exit(3)
asyncio.run(main())
PY
trace_is_whole() { # the file's every line is JSON, it ends with the summary, and no resume is lost
    python3 -c '
import json, sys
events = [json.loads(line) for line in open(sys.argv[1])]
resumes = sum(1 for e in events if e["event"] == "resume")
assert events[-1]["event"] == "summary", events[-1]
assert events[-1]["handoffs"] == resumes == 8002, (events[-1]["handoffs"], resumes)
' "$1"
}
for ending in return raise exit; do
    run --clock=virtual --trace=jsonl --trace-file="$work/many.jsonl" "$work/many.py" "$ending"
    check "a trace file is whole when the program ends by $ending" trace_is_whole "$work/many.jsonl"
done
check "the traced program that exits keeps its status" test "$status" -eq 3

for option in -i --max-tasks --max-memory --seed learn lesson; do
    run --help
    check "help lists $option" grep -q -- "$option" "$work/out"
done

run --max-memory=lots -c pass
check "bad --max-memory exits 2" test "$status" -eq 2
check "bad --max-memory is explained" grep -q "512M or 2G" "$work/err"
run --max-memory 512M --max-tasks=10 --seed 7 -c 'print("limits")'
check "--max-memory 512M, --max-tasks and --seed are accepted" grep -qx limits "$work/out"
run --max-tasks=0 -c pass
check "--max-tasks 0 exits 2" test "$status" -eq 2

printf 'x = 6 * 7\nx\n' | "$handoff" -i >"$work/out" 2>"$work/err"
status=$?
check "-i with piped input opens the prompt" test "$(cat "$work/out")" = "$(printf '>>> x = 6 * 7\n>>> x\n42')"
check "-i leaves with status 0 at the end of input" test "$status" -eq 0

printf 'y = 5\n' >"$work/names.py"
echo 'y + 1' | "$handoff" -i "$work/names.py" >"$work/out" 2>"$work/err"
check "-i FILE keeps the program's names" grep -qx 6 "$work/out"

run lesson no-such-lesson
check "an unknown lesson exits 2" test "$status" -eq 2
run --demo -c pass
check "--demo without a lesson exits 2" test "$status" -eq 2

run --lessons-dir
check "lessons are found in the source tree" test "$(cat "$work/out")" = "$source_dir/lessons"

if cmake --install "$build_dir" --prefix "$work/prefix" >"$work/install.log" 2>&1; then
    "$work/prefix/bin/handoff" --lessons-dir >"$work/out" 2>"$work/err"
    check "an installed handoff finds its installed lessons" \
        test "$(cat "$work/out")" = "$(cd "$work/prefix/share/handoff/lessons" && pwd -P)"
    check "the lessons are installed" test -f "$work/prefix/share/handoff/lessons/README.md"
else
    check "cmake --install works" false
    cat "$work/install.log"
fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0
