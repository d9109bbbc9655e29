#!/usr/bin/env bash
# test_max_tasks.sh — --max-tasks as a user meets it: a program that keeps more tasks
# alive than the limit stops with a RuntimeError naming the limit and the option, and
# tasks that finished no longer count. Usage: test_max_tasks.sh HANDOFF
set -u
handoff=$1
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

run() { # runs handoff on the virtual clock, keeping stdout, stderr and the status
    "$handoff" --clock=virtual --trace=off "$@" >"$work/out" 2>"$work/err" </dev/null
    status=$?
}

# main (Task-1) and four sleepers are five live tasks: the fifth sleeper is one too many.
cat >"$work/spawn.py" <<'PY'
import asyncio

async def sleeper():
    await asyncio.sleep(1)

async def main():
    tasks = []
    for i in range(5):
        tasks.append(asyncio.create_task(sleeper()))
        print("created", i + 1)
    await asyncio.gather(*tasks)

asyncio.run(main())
PY

run --max-tasks=5 "$work/spawn.py"
check "the task past the limit is not created" grep -qx "created 4" "$work/out"
check "no task is created past the limit" test "$(grep -c created "$work/out")" -eq 4
check "the error names the limit and the option" \
    grep -qx "RuntimeError: too many tasks: 5 live tasks is handoff's limit (--max-tasks)" "$work/err"
check "an uncaught limit error exits 1" test "$status" -eq 1

run --max-tasks 6 "$work/spawn.py"
check "within the limit the program runs" grep -qx "created 5" "$work/out"
check "within the limit it exits 0" test "$status" -eq 0

# Finished tasks leave the count: 3 at a time, 9 in all, under a limit of 4.
cat >"$work/waves.py" <<'PY'
import asyncio

async def work(n):
    await asyncio.sleep(0.1)
    return n

async def main():
    total = 0
    for wave in range(3):
        total += sum(await asyncio.gather(*(work(n) for n in range(3))))
    print("total", total)

asyncio.run(main())
PY

run --max-tasks=4 "$work/waves.py"
check "finished tasks no longer count" grep -qx "total 9" "$work/out"
check "waves within the limit exit 0" test "$status" -eq 0

# The default limit is a million live tasks.
run -c 'import asyncio
async def main():
    pass
asyncio.run(main())'
check "the default limit lets a small program run" test "$status" -eq 0

echo "$passed passed, $failed failed"
test "$failed" -eq 0
