#!/usr/bin/env python3
"""test_interrupts.py — Ctrl-C at the prompt's hard moments, through a pseudo-terminal.

Each flow presses Ctrl-C while something holds the loop (a blocking time.sleep at the
prompt, a callback that never returns, a task blocked in time.sleep) or while the trace
floods the screen, then checks that the prompt comes back, the session is intact, and
:tasks shows every task in a true state. Real clock; waits are generous timeouts.

usage: test_interrupts.py --handoff PATH
"""
import argparse
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_repl import Terminal, check, environment, failures  # noqa: E402


def define(t, source):
    t.type(source.replace("\n", "\r") + "\r")
    t.expect(r"\n>>> ")


def interrupt(t, line, settle=0.8):
    t.type(line + "\r")
    t.settle(settle)
    t.type("\x03")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handoff", required=True)
    handoff = os.path.abspath(parser.parse_args().handoff)
    with tempfile.TemporaryDirectory(prefix="handoff-interrupts-") as state:
        env = environment(state)
        t = Terminal(handoff, ["--trace=log"], env)
        try:
            t.expect(r">>> ")
            define(t, "def spin():\n    while True: pass\n")
            define(t, "async def sleeper():\n    await asyncio.sleep(1000)\n")
            define(t, "async def blocker():\n    time.sleep(1000)\n")
            define(t, "async def ping():\n    while True: await asyncio.sleep(0.005)\n")
            t.type("s = asyncio.create_task(sleeper(), name='sleeper')\r")
            t.expect(r"sleep\(1000\)")

            interrupt(t, "time.sleep(1000)")
            check("Ctrl-C cuts a blocking time.sleep at the prompt short",
                  t.expect(r"KeyboardInterrupt\n") is not None, t.tail())
            t.type(":tasks\r")
            match = t.expect(r"tasks at t=([0-9.]+)")
            check("the loop's clock moved only by the part of time.sleep that passed",
                  match is not None and float(match.group(1)) < 100, t.tail())

            interrupt(t, "asyncio.get_running_loop().call_soon(spin)")
            check("Ctrl-C stops a callback that never returns",
                  t.expect(r"in spin.*KeyboardInterrupt") is not None, t.tail())
            t.type("'after the callback'\r")
            check("the prompt answers after the callback was stopped",
                  t.expect(r"'after the callback'\n") is not None, t.tail())

            interrupt(t, "b = asyncio.create_task(blocker(), name='blocker')")
            check("Ctrl-C stops a task blocked in time.sleep",
                  t.expect(r"in blocker.*KeyboardInterrupt") is not None, t.tail())
            t.type(":tasks\r")
            rows = t.expect(r"sleeper\(\)\s+(\w+).*blocker\(\)\s+(\w+)")
            check(":tasks afterwards: the sleeping task still waits, the blocked one failed",
                  rows is not None and rows.groups() == ("waiting", "failed"), t.tail())

            # A top-level await of a task that catches its cancellation: the first
            # Ctrl-C cancels it, the second stops the wait and leaves it pending.
            define(t, "async def stubborn():\n    try:\n        await asyncio.sleep(1000)\n"
                      "    except asyncio.CancelledError:\n        await asyncio.sleep(1000)\n")
            interrupt(t, "await stubborn()")
            t.settle(0.8)
            t.type("\x03")
            check("a second Ctrl-C stops waiting for code that ignored the first",
                  t.expect(r"KeyboardInterrupt: Task-\d+ \(<module>\) ignored its cancellation and still "
                           r"waits; it is left pending") is not None, t.tail())
            t.type("'after the second Ctrl-C'\r")
            check("the prompt answers after the wait was given up",
                  t.expect(r"'after the second Ctrl-C'\n>>> ") is not None, t.tail())

            # A task whose steps are short but back to back (20 ms of work by the
            # clock, whatever the build's speed, then a hand-off): Ctrl-C pressed to
            # drop a half-typed line lands in one of its steps nearly every time, and
            # must drop the line, not stop the task.
            define(t, "async def chunky():\n    while True:\n        start = time.perf_counter()\n"
                      "        while time.perf_counter() - start < 0.02: pass\n"
                      "        await asyncio.sleep(0)\n")
            t.type("c = asyncio.create_task(chunky(), name='chunky')\r")
            t.settle(0.5)
            for _ in range(5):
                t.type("'a half-typed line")
                t.settle(0.25)
                t.type("\x03")
                t.settle(0.25)
            t.mark = len(t.data)
            t.type(":tasks\r")
            row = t.expect(r"\n\s+\d+\s+chunky\s+chunky\(\)\s+(\w+)")  # its :tasks row, not a trace line
            check("Ctrl-C to drop a line leaves a task with short steps running",
                  row is not None and row.group(1) in ("running", "ready", "waiting"), t.tail())
            t.type(":cancel chunky\r")
            t.settle(0.5)
            t.mark = len(t.data)
            t.type("'dropped lines'\r")
            check("the half-typed lines were dropped", t.expect(r">>> 'dropped lines'\n'dropped lines'\n") is not None,
                  t.tail())

            # The trace floods the screen, and the loop can still be paused and
            # inspected (Ctrl-C into short steps is the chunky flow above).
            t.type("p = asyncio.create_task(ping(), name='ping')\r")
            t.settle(1.0)
            t.mark = len(t.data)  # what the flood printed so far is not searched again
            t.type(":pause\r")
            check(":pause works while the trace floods the screen",
                  t.expect(r"the loop is paused") is not None, t.tail())
            t.settle(0.5)
            t.mark = len(t.data)
            t.type(":tasks\r")
            row = t.expect(r"ping\(\)\s+(\w+)")
            check(":tasks shows the flooding task ready or waiting while paused",
                  row is not None and row.group(1) in ("ready", "waiting"), t.tail())
            t.type(":cancel ping\r")
            t.type(":resume\r")
            t.settle(0.5)
            t.mark = len(t.data)
            t.type(":tasks\r")
            row = t.expect(r"ping\(\)\s+(\w+)")
            check("the flooding task is cancelled after :cancel and :resume",
                  row is not None and row.group(1) == "cancelled", t.tail())
            t.type("'intact'\r")
            check("the session is intact after every interrupt", t.expect(r"'intact'\n>>> ") is not None, t.tail())
            t.settle(0.3)
            t.type("\x04")
            # Generous: a sanitizer build checks for leaks on its way out.
            check("Ctrl-D still leaves with status 0", t.wait(timeout=120) == 0, f"status {t.status}")
        finally:
            t.close()
    if failures:
        print(f"{len(failures)} failed")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
