#!/usr/bin/env python3
"""test_repl.py — handoff's prompt as a learner meets it.

--mode pty drives the real binary through a pseudo-terminal (libedit's line
editing, Tab, Ctrl-C, Ctrl-D, output arriving above a half-typed line);
--mode piped feeds the same flows on standard input (`handoff -i`), where each
line is echoed after its prompt. Each check names the behaviour it pins; the
script exits 1 if any failed. Waits are generous timeouts, never assertions
on timing.

usage: test_repl.py --handoff PATH --mode pty|piped
"""
import argparse
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time

TIMEOUT = 15.0
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\x07]")

COUNT_PY = """\
import asyncio

async def count(name):
    print(name, "one")
    await asyncio.sleep(1)
    print(name, "two")

async def main():
    await asyncio.gather(count("a"), count("b"))
"""

failures = []


def check(name, condition, detail=""):
    if condition:
        print(f"ok   {name}")
    else:
        print(f"FAIL {name}")
        if detail:
            print("     " + detail.replace("\n", "\n     "))
        failures.append(name)


def clean(data):
    """The terminal's bytes without escape sequences and backspaces, as text."""
    text = ANSI.sub(b"", data).decode("utf-8", "replace")
    return text.replace("\r\n", "\n").replace("\b", "")


class Terminal:
    """handoff on a pseudo-terminal: type keys, wait for what it shows."""

    def __init__(self, handoff, args, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(handoff, [handoff] + args, env)
        import fcntl
        import termios
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 200, 0, 0))
        self.data = b""
        self.mark = 0  # expect() looks after this offset
        self.status = None

    def read_some(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            return None
        self.data += chunk
        return True

    def expect(self, pattern, timeout=TIMEOUT):
        """Waits until the cleaned output after the mark matches; moves the mark past it."""
        deadline = time.time() + timeout
        regex = re.compile(pattern, re.S)
        while True:
            text = clean(self.data[self.mark:])
            match = regex.search(text)
            if match:
                # Move the mark to the raw offset of the match's end (approximately:
                # the cleaned text only drops bytes, so search the raw data for its tail).
                self.mark = self._raw_offset(match.end())
                return match
            left = deadline - time.time()
            if left <= 0 or self.read_some(min(left, 0.2)) is None:
                return None

    def _raw_offset(self, clean_end):
        for offset in range(self.mark, len(self.data) + 1):
            if len(clean(self.data[self.mark:offset])) >= clean_end:
                return offset
        return len(self.data)

    def type(self, keys):
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)

    def settle(self, seconds=0.3):
        end = time.time() + seconds
        while True:
            left = end - time.time()  # read once: checked, then waited on
            if left <= 0 or self.read_some(left) is None:
                break

    def wait(self, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid != 0:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self.read_some(0.1)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)

    def tail(self):
        return clean(self.data[-1500:])


def read_history(path):
    """libedit's history file, with its \\040 escapes undone."""
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return f.read().replace("\\040", " ")


def environment(state_dir):
    env = dict(os.environ)
    env.update({"TERM": "xterm", "NO_COLOR": "1", "XDG_STATE_HOME": state_dir, "HOME": state_dir})
    env.pop("EDITOR", None)
    return env


# ------------------------------------------------------------------ the pty flows


def pty_flows(handoff, work):
    state = os.path.join(work, "state")
    os.makedirs(state, exist_ok=True)
    env = environment(state)
    count_py = os.path.join(work, "count.py")
    with open(count_py, "w") as f:
        f.write(COUNT_PY)

    # Typing, echo, line editing, blocks, top-level await, Tab, Ctrl-C at the prompt.
    t = Terminal(handoff, ["--clock=virtual", "--trace=off"], env)
    try:
        check("welcome says how to get help and start a lesson",
              t.expect(r":help.*:lessons.*\n>>> ") is not None, t.tail())
        t.type("1 + 1\r")
        check("an expression echoes its repr", t.expect(r"1 \+ 1\n2\n>>> ") is not None, t.tail())
        t.type("None\r")
        check("None stays silent", t.expect(r"None\n>>> ") is not None, t.tail())
        t.type("abc\x01x\x05y\r")  # Ctrl-A, Ctrl-E
        check("line editing: Ctrl-A and Ctrl-E move the cursor",
              t.expect(r"NameError: name 'xabcy' is not defined\n>>> ") is not None, t.tail())
        t.type("12\x1b[D3\r")  # left arrow, then insert
        check("line editing: the left arrow inserts before the cursor", t.expect(r"\n132\n>>> ") is not None,
              t.tail())
        t.type("def f():\r")
        check("a block continues with '... '", t.expect(r"def f\(\):\n\.\.\. ") is not None, t.tail())
        t.type("    return 6 * 7\r")
        t.expect(r"\.\.\. ")
        t.type("\r")
        check("a blank line ends the block", t.expect(r"\n>>> ") is not None, t.tail())
        t.type("f()\r")
        check("the block's function runs", t.expect(r"f\(\)\n42\n>>> ") is not None, t.tail())
        t.type("if True: print('one line')\r")
        check("a one-line compound statement still waits for a blank line",
              t.expect(r"one line'\)\n\.\.\. ") is not None, t.tail())
        t.type("\r")
        t.expect(r"one line\n>>> ")
        t.type("await asyncio.sleep(5, result='slept')\r")
        check("top-level await runs and echoes the result", t.expect(r"'slept'\n>>> ") is not None, t.tail())
        t.type("time.monotonic() >= 5\r")
        check("the virtual clock moved while the await ran", t.expect(r"True\n>>> ") is not None, t.tail())
        t.type("1/0\r")
        check("an exception prints its traceback and the session goes on",
              t.expect(r"ZeroDivisionError: division by zero\n>>> ") is not None, t.tail())
        # The completed line is run: what the terminal shows is redrawn in place.
        t.type(":he\t")
        t.settle()
        t.type("\r")
        check("Tab completes a command", t.expect(r"Commands \(:help CMD.*\n>>> ") is not None, t.tail())
        t.type("asyncio.slee\t")
        t.settle()
        t.type("\r")
        check("Tab completes a module's names", t.expect(r"<built-in function sleep>\n>>> ") is not None, t.tail())
        t.type("half typed")
        t.settle()
        t.type("\x03")
        check("Ctrl-C at the prompt drops the line", t.expect(r"KeyboardInterrupt\n>>> ") is not None, t.tail())
        t.type("7 * 6\r")
        check("after Ctrl-C at the prompt the next line runs alone", t.expect(r"7 \* 6\n42\n>>> ") is not None,
              t.tail())
        t.type("\x1b[A\r")  # up arrow: the previous line again
        check("the up arrow brings back the previous line", t.expect(r"\n42\n>>> ") is not None, t.tail())
        t.type(":stpe\r")
        check("an unknown command suggests the nearest", t.expect(r"Did you mean ':step'\?") is not None, t.tail())
        t.type("asyncio.run(asyncio.sleep(0, 'ran'))\r")
        check("asyncio.run at the prompt runs the coroutine, as at python's prompt",
              t.expect(r"\n'ran'\n>>> ") is not None, t.tail())
        t.type("\x04")
        check("Ctrl-D leaves with status 0", t.wait() == 0, f"status {t.status}")
    finally:
        t.close()
    history = os.path.join(state, "handoff", "history")
    saved = read_history(history)
    check("the history is saved in $XDG_STATE_HOME/handoff/history", "7 * 6" in saved, repr(saved[-300:]))

    # Ctrl-C while code runs, on the real clock.
    t = Terminal(handoff, ["--trace=off"], env)
    try:
        t.expect(r">>> ")
        t.type("while True: pass\r\r")
        t.settle(0.5)
        t.type("\x03")
        check("Ctrl-C stops `while True: pass` with KeyboardInterrupt",
              t.expect(r"KeyboardInterrupt\n>>> ") is not None, t.tail())
        t.type("async def spin():\r    while True: pass\r\r")
        t.expect(r"\n>>> ")
        t.type("task = asyncio.create_task(spin())\r")
        t.settle(0.5)
        t.type("\x03")
        check("Ctrl-C stops a task stuck in a busy loop", t.expect(r"KeyboardInterrupt\n>>> ") is not None,
              t.tail())
        t.type("task.done(), type(task.exception()).__name__\r")
        check("the task ended with the KeyboardInterrupt",
              t.expect(r"\(True, 'KeyboardInterrupt'\)\n>>> ") is not None, t.tail())
        t.type("await asyncio.sleep(1000)\r")
        t.settle(0.5)
        t.type("\x03")
        check("Ctrl-C during a top-level await returns to the prompt",
              t.expect(r"KeyboardInterrupt\n>>> ") is not None, t.tail())
        t.type("'intact'\r")
        check("the session is intact after Ctrl-C", t.expect(r"'intact'\n>>> ") is not None, t.tail())
        # A line printed in two pieces: its start waits above the prompt for its end.
        t.type("async def pieces():\r    await asyncio.sleep(0.3)\r    print('ti', end='')\r"
               "    await asyncio.sleep(0.2)\r    print('ck!')\r\r")
        t.expect(r"\n>>> ")
        t.type("task = asyncio.create_task(pieces())\r")
        t.expect(r"\n>>> ")
        t.type("6 *")
        check("a line printed in pieces arrives whole above the half-typed line",
              t.expect(r"[\r\n]tick!\n>>> 6 \*") is not None, t.tail())
        t.type(" 7\r")
        t.expect(r"\n42\n>>> ")
        t.type(":quit\r")
        check(":quit leaves with status 0", t.wait() == 0, f"status {t.status}")
    finally:
        t.close()

    # Output of a task arriving while a line is half typed: the line is redrawn.
    t = Terminal(handoff, ["--trace=log"], env)
    try:
        t.expect(r">>> ")
        t.type("async def later():\r    await asyncio.sleep(0.5)\r    print('tick!')\r\r")
        t.expect(r"\n>>> ")
        t.type("task = asyncio.create_task(later())\r")
        t.expect(r"\n>>> ")
        t.type("40 +")
        match = t.expect(r"tick!\n(.*\n)?>>> 40 \+", timeout=TIMEOUT)
        check("a task's output arrives above the half-typed line, which is redrawn", match is not None, t.tail())
        check("trace lines arrive above the half-typed line too",
              re.search(r"idle until t=.*\n>>> 40 \+", clean(t.data)) is not None, t.tail())
        t.type(" 2\r")
        check("the redrawn line runs as typed", t.expect(r"\n42\n>>> ") is not None, t.tail())
        t.type("exit()\r")
        check("exit() leaves with status 0", t.wait() == 0, f"status {t.status}")
    finally:
        t.close()

    # Driving the loop on a known program, under the virtual clock.
    t = Terminal(handoff, ["--clock=virtual", "--trace=off", "-i", count_py], env)
    try:
        t.expect(r">>> ")
        loop_commands(t)
        t.type(f":load {count_py}\r")
        t.expect(r"\n>>> ")
        t.type(f":export {os.path.join(work, 'pty.jsonl')} log\r")
        check(":load and :export on a terminal: the file runs, the history is written",
              t.expect(r"exported \d+ events to '.*pty\.jsonl' \(log\)\n>>> ") is not None, t.tail())
        t.type(f":load {work}/cou\t")
        check("Tab completes a file name after :load", t.expect(r"/cou[^\n]*nt\.py ") is not None, t.tail())
        t.type("\r")
        t.expect(r"\n>>> ")
        t.type(":load no_such_file.py\r")
        check(":load of a missing file on a terminal is one line and the prompt comes back",
              t.expect(r"can't load 'no_such_file\.py': \[Errno 2\] No such file or directory\n>>> ") is not None,
              t.tail())
        t.type("exit(3)\r")
        check("exit(3) leaves with status 3", t.wait() == 3, f"status {t.status}")
    finally:
        t.close()

    # A terminal libedit cannot draw on (TERM=dumb): plain lines, with prompts, not echoed twice.
    dumb = dict(env, TERM="dumb")
    t = Terminal(handoff, ["--clock=virtual", "--trace=off"], dumb)
    try:
        check("TERM=dumb: the prompt shows", t.expect(r">>> ") is not None, t.tail())
        t.type("6 * 7\r")
        check("TERM=dumb: a line runs and is shown once", t.expect(r"^6 \* 7\n42\n>>> $") is not None, t.tail())
        t.type("\x04")
        check("TERM=dumb: Ctrl-D leaves with status 0", t.wait() == 0, f"status {t.status}")
    finally:
        t.close()

    # SIGTERM leaves cleanly, saving the history.
    t = Terminal(handoff, ["--trace=off"], env)
    try:
        t.expect(r">>> ")
        t.type("'before sigterm'\r")
        t.expect(r"'before sigterm'\n>>> ")
        os.kill(t.pid, signal.SIGTERM)
        check("SIGTERM leaves with status 128+15", t.wait() == 143, f"status {t.status}")
    finally:
        t.close()
    saved = read_history(history)
    check("SIGTERM saves the history", "before sigterm" in saved, repr(saved[-300:]))


def loop_commands(t):
    """:pause, :step, :tasks, :where, :loop and :run on count.py's main()."""
    t.type(":pause\r")
    check(":pause pauses the loop", t.expect(r"the loop is paused.*\n>>> ") is not None, t.tail())
    t.type("task = asyncio.create_task(main())\r")
    t.expect(r"\n>>> ")
    t.type(":loop\r")
    check(":loop shows the new task in the ready queue",
          t.expect(r"ready queue \(1\).*Task-1 main\(\).*\n>>> ") is not None, t.tail())
    t.type(":step\r")
    check(":step runs exactly main's first step",
          t.expect(r"step: ran a step of Task-1 \(main\).*ready queue \(2\).*Task-2 count\(\).*Task-3 count\(\)"
                   r".*\n>>> ") is not None, t.tail())
    t.type(":step\r")
    check(":step runs count('a') until it sleeps",
          t.expect(r"a one\n.*step: ran a step of Task-2 \(count\).*ready queue \(1\).*\n>>> ") is not None,
          t.tail())
    t.type(":tasks\r")
    check(":tasks shows who waits and who is ready",
          t.expect(r"Task-1\s+main\(\)\s+waiting.*Task-2\s+count\(\)\s+waiting.*Task-3\s+count\(\)\s+ready"
                   r".*\n>>> ") is not None, t.tail())
    t.type(":where Task-2\r")
    check(":where shows the await chain with its source line",
          t.expect(r"line 5, in count.*await asyncio\.sleep\(1\).*awaited by Task-1.*\n>>> ") is not None,
          t.tail())
    t.type(":run\r")
    check(":run runs the loop until nothing is left",
          t.expect(r"b one\n.*a two\nb two\n.*ran at t=1\.000: 0 tasks pending\n>>> ") is not None, t.tail())
    t.type("task.done()\r")
    check("the task :run finished is done", t.expect(r"True\n>>> ") is not None, t.tail())


# --------------------------------------------------------------- the piped flows


def run_piped(handoff, args, text, env, timeout=60, cwd=None):
    result = subprocess.run([handoff] + args, input=text.encode(), capture_output=True, env=env, timeout=timeout,
                            cwd=cwd)
    return result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


def piped_flows(handoff, work):
    state = os.path.join(work, "state")
    os.makedirs(state, exist_ok=True)
    env = environment(state)
    count_py = os.path.join(work, "count.py")
    with open(count_py, "w") as f:
        f.write(COUNT_PY)

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], "1 + 1\nNone\nx = 5\nx * 2\n", env)
    check("piped: each line is echoed after its prompt, expressions echo their repr",
          out == ">>> 1 + 1\n2\n>>> None\n>>> x = 5\n>>> x * 2\n10\n", repr(out))
    check("piped: the end of input leaves with status 0", status == 0, f"status {status}, stderr {err!r}")

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                 "def f():\n    return 42\n\nf()\nif True:\n    print('in block')\n\n", env)
    check("piped: a block continues until a blank line",
          out == ">>> def f():\n...     return 42\n... \n>>> f()\n42\n>>> if True:\n...     print('in block')\n"
                 "... \nin block\n", repr(out))

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                 "await asyncio.sleep(3, result='done')\nround(time.monotonic(), 3)\n"
                                 "async def numbers():\n    yield 1\n    yield 2\n\n"
                                 "async for n in numbers(): print('got', n)\n\n"
                                 "async with asyncio.Lock(): print('locked')\n\n"
                                 "[await asyncio.sleep(0, i) for i in range(3)]\n", env)
    check("piped: top-level await echoes its result and the virtual clock moved",
          "'done'\n>>> round(time.monotonic(), 3)\n3.0\n" in out, repr(out) + err)
    check("piped: async for and async with work at the top level",
          "got 1\ngot 2\n" in out and "locked\n" in out and err == "", repr(out) + err)
    check("piped: a comprehension awaits at the top level", "[0, 1, 2]\n" in out, repr(out))

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], "1/0\nprint('after')\n", env)
    check("piped: an exception prints its traceback on stderr and the session goes on",
          "ZeroDivisionError: division by zero" in err and "after\n" in out, repr(out) + repr(err))

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], "if True:\n    print('last block')", env)
    check("piped: a block the input ends in runs", out.endswith("last block\n") and status == 0, repr(out) + err)

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], "x = (1,\n2)\nx\n", env)
    check("piped: an open bracket continues and ends when it closes",
          out == ">>> x = (1,\n... 2)\n>>> x\n(1, 2)\n", repr(out))

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], "x = = 1\n'next'\n", env)
    check("piped: a syntax error is reported with its caret",
          "SyntaxError: invalid syntax" in err and "'next'" in out, repr(err))

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], "exit(3)\nprint('not reached')\n", env)
    check("piped: exit(3) leaves with status 3 at once", status == 3 and "not reached" not in out,
          f"status {status} {out!r}")

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], ":quit\nprint('not reached')\n", env)
    check("piped: :quit leaves with status 0", status == 0 and "not reached" not in out, f"status {status}")

    program = ("async def main():\n"
               "    left = asyncio.create_task(asyncio.sleep(5), name='left')\n"
               "    await asyncio.sleep(1)\n"
               "    print('main done at', asyncio.get_running_loop().time())\n"
               "    return left\n"
               "\n"
               "left = asyncio.run(main())\n"
               "left.cancelled()\n"
               "async def nested():\n"
               "    asyncio.run(asyncio.sleep(0))\n"
               "\n"
               "await nested()\n")
    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], program, env)
    check("piped: asyncio.run at the prompt runs main() on the session's loop",
          "main done at 1.0\n" in out, out)
    check("piped: asyncio.run at the prompt cancels the tasks main() left, as CPython's does",
          ">>> left.cancelled()\nTrue\n" in out, out)
    check("piped: asyncio.run inside a coroutine still refuses, as CPython's does",
          "RuntimeError: asyncio.run() cannot be called from a running event loop" in err, err)

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                 "async def f():\n    await asyncio.Event().wait()\n\nawait f()\n'next'\n", env)
    check("piped: an await nothing can wake is cancelled with a deadlock message",
          "deadlock" in out and "'next'" in out, repr(out) + err)

    stubborn = ("async def stubborn():\n    try:\n        await asyncio.Future()\n"
                "    except asyncio.CancelledError:\n        await asyncio.Future()\n\n")
    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], stubborn + "await stubborn()\n'next'\n",
                                 env, timeout=20)
    check("piped: an await that ignores its cancellation and waits on is left pending, and the prompt goes on",
          "ignored its cancellation and still waits; it is left pending" in out and "'next'" in out,
          repr(out) + err)
    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                 stubborn + "asyncio.run(stubborn())\n'next'\n", env, timeout=20)
    check("piped: asyncio.run of such a coroutine at the prompt raises, and the prompt goes on",
          "RuntimeError: asyncio.run() could not finish its coroutine: it was cancelled and still waits" in err
          and "'next'" in out, repr(out) + err)

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual", count_py],
                                 ":pause\ntask = asyncio.create_task(main())\n:loop\n:step\n:step\n:tasks\n"
                                 ":where Task-2\n:run\ntask.done()\n", env)
    check("piped: -i FILE keeps the program's names", "NameError" not in err, err)
    check("piped: :step runs one hand-off at a time",
          re.search(r"step: ran a step of Task-1 \(main\).*>>> :step\na one\nstep: ran a step of Task-2", out,
                    re.S) is not None, out)
    check("piped: :tasks shows states",
          re.search(r"Task-2\s+count\(\)\s+waiting.*Task-3\s+count\(\)\s+ready", out, re.S) is not None, out)
    check("piped: :where shows the await chain", "await asyncio.sleep(1)" in out, out)
    check("piped: :run finishes the program", out.endswith(">>> task.done()\nTrue\n"), out[-300:])

    # Stepping never changes the order in which the loop runs things.
    program = "".join(f"    print('{name}', {i})\n    await asyncio.sleep({delay})\n"
                      for i, (name, delay) in enumerate([("x", 0), ("y", 0.5), ("z", 0)]))
    source = ("async def worker(name):\n" + program.replace("'x'", "name").replace("'y'", "name")
              .replace("'z'", "name") + "\n")
    spawn = "tasks = [asyncio.create_task(worker(n)) for n in 'abc']\n"
    status, ran, err = run_piped(handoff, ["-i", "--clock=virtual"], source + ":pause\n" + spawn + ":run\n", env)
    status, stepped, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                     source + ":pause\n" + spawn + ":step\n" * 40 + ":run\n", env)
    def program_lines(out):
        return [line for line in out.splitlines() if re.fullmatch(r"[abc] \d", line)]
    check("piped: :step runs the tasks in the same order as :run",
          len(program_lines(ran)) == 9 and program_lines(stepped) == program_lines(ran),
          f"{program_lines(ran)} vs {program_lines(stepped)}")
    status, ticked, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                    source + ":pause\n" + spawn + ":tick\n" * 20 + ":run\n", env)
    check("piped: :tick runs the tasks in the same order as :run", program_lines(ticked) == program_lines(ran),
          f"{program_lines(ran)} vs {program_lines(ticked)}")

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                 "t = asyncio.create_task(asyncio.sleep(10))\n:cancel Task-1\n:run\nt.cancelled()\n"
                                 ":reset\nt\n:help step\n:bogus\n", env)
    check("piped: :cancel cancels a task", "True\n" in out, out)
    check("piped: :reset gives a fresh namespace", "NameError: name 't' is not defined" in err, err)
    check("piped: :help CMD explains one command", ":step\n    run exactly one hand-off" in out, out)
    check("piped: an unknown command says so", "unknown command ':bogus'" in out, out)

    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"],
                                 "t = asyncio.create_task(asyncio.sleep(2, result='late'))\nt.done()\n"
                                 ":run 1\nt.done()\n:run 1\nt.result()\n", env)
    check("piped: under the virtual clock time moves only when asked",
          "t.done()\nFalse\n>>> :run 1\nran at t=1.000: 1 task pending\n>>> t.done()\nFalse\n" in out, out)
    check("piped: :run SECONDS reaches the timer", "t.result()\n'late'\n" in out, out)

    file_command_flows(handoff, work, env)

    status, out, err = run_piped(handoff, ["-c", "print('no prompt')"], "", env)
    check("piped: without -i, -c runs as before", out == "no prompt\n" and status == 0, out)
    status, out, err = run_piped(handoff, [], "print('script')\n", env)
    check("piped: standard input without -i is a program, as before", out == "script\n", out)


def unwritable_path(work):
    """A path the export cannot create: root writes anywhere it has a file system,
    so as root a file in sysfs (which refuses new files); else a read-only directory."""
    if os.geteuid() == 0:
        return "/sys/kernel/handoff-export.jsonl"
    locked = os.path.join(work, "locked")
    os.makedirs(locked, exist_ok=True)
    os.chmod(locked, 0o500)
    return os.path.join(locked, "out.jsonl")


def file_command_flows(handoff, work, env):
    """:load and :export, and every bad path they can be given: one clear line each, the session goes on."""
    program = os.path.join(work, "ticker.py")
    with open(program, "w") as f:
        f.write("import asyncio\n\nasync def tick(n):\n    for i in range(n):\n        await asyncio.sleep(1)\n"
                "    return n\n\nloaded = 'yes'\nprint('ticker loaded')\n")
    with open(os.path.join(work, "raises.py"), "w") as f:
        f.write("x = 1\nraise ValueError('in the file')\n")
    with open(os.path.join(work, "binary.py"), "wb") as f:
        f.write(bytes(range(256)))
    with open(os.path.join(work, "not_utf8.py"), "wb") as f:
        f.write(b"ok = 1\ns = '\xff'\n")
    with open(os.path.join(work, "large.py"), "wb") as f:
        f.truncate(300 * 1024 * 1024)  # sparse: too large without taking the space
    os.makedirs(os.path.join(work, "a_directory"), exist_ok=True)
    unreadable = os.path.join(work, "unreadable.py")
    with open(unreadable, "w") as f:
        f.write("print('read')\n")
    os.chmod(unreadable, 0)
    keeper = "t = asyncio.create_task(tick(3))\n"

    lines = (":load ticker.py\nloaded\n" + keeper + ":run 1\n"
             ":load no_such_file.py\n:load a_directory\n:load binary.py\n:load not_utf8.py\n:load large.py\n"
             ":load raises.py\nx\n:load\n:load /dev/zero\n:load unreadable.py\n:run 1e300\n"
             ":run\nt.result()\n"
             ":export trace.jsonl\n:export trace.log log\n:export a_directory\n:export missing_dir/x.jsonl\n"
             f":export {unwritable_path(work)}\n:export /dev/full\n:export\n:tasks\n"
             ":help\n:help load\n:help export\n'still here'\n")
    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], lines, env, cwd=work)
    subprocess.run(["chmod", "-R", "u+rwx", work], check=False)
    os.chmod(unreadable, 0o600)
    check("piped: :load runs a file in the session, its names stay",
          "ticker loaded\n>>> loaded\n'yes'\n" in out, out)
    check("piped: a missing file is one clear line",
          "can't load 'no_such_file.py': [Errno 2] No such file or directory\n" in out, out)
    check("piped: a directory is one clear line", "can't load 'a_directory': [Errno 21] Is a directory\n" in out, out)
    check("piped: a binary file is a located SyntaxError",
          re.search(r'File ".*binary\.py", line 1\n.*SyntaxError: source code cannot contain null bytes', err, re.S)
          is not None, err)
    check("piped: invalid UTF-8 is a located SyntaxError",
          re.search(r'File ".*not_utf8\.py", line 2\n.*SyntaxError: \(unicode error\)', err, re.S) is not None, err)
    check("piped: a file past the size cap is refused", "can't load 'large.py': the file is larger than 256 MB\n" in out,
          out)
    check("piped: an exception in a loaded file prints its traceback, names bound before it stay",
          "ValueError: in the file" in err and ">>> x\n1\n" in out, out + err)
    check("piped: :load without a file prints its usage", "usage: :load FILE\n" in out, out)
    check("piped: a device is not loaded", "can't load '/dev/zero': not a regular file\n" in out, out)
    if os.geteuid() == 0:  # root reads a file of mode 000
        check("piped: :load of a file of mode 000 reads it as root", ">>> :load unreadable.py\nread\n" in out, out)
    else:
        check("piped: an unreadable file is one clear line",
              "can't load 'unreadable.py': [Errno 13] Permission denied\n" in out, out)
    check("piped: :run refuses to push the clock past its limit",
          "can't run for 1e+300 s: the loop's clock stays below 1e+06 s (t=1.000 now)\n" in out, out)
    check("piped: the session's task survives every bad :load", ">>> t.result()\n3\n" in out, out)
    check("piped: :export reports the events written",
          re.search(r"exported (\d+) events to 'trace\.jsonl' \(jsonl\)\n", out) is not None, out)
    check("piped: :export FILE log writes the log's lines",
          re.search(r"exported \d+ events to 'trace\.log' \(log\)\n", out) is not None, out)
    check("piped: :export to a directory is one clear line",
          "can't export to 'a_directory': [Errno 21] Is a directory\n" in out, out)
    check("piped: :export into a missing directory is one clear line",
          "can't export to 'missing_dir/x.jsonl': [Errno 2] No such file or directory\n" in out, out)
    check("piped: :export to an unwritable path is one clear line",
          re.search(r"can't export to '[^']*': \[Errno (13|30)\] ", out) is not None, out)
    check("piped: :export to a full device reports the failed write",
          "can't export to '/dev/full': [Errno 28] No space left on device\n" in out, out)
    check("piped: :export without a file prints its usage", "usage: :export FILE [jsonl|log]\n" in out, out)
    check("piped: :help lists :load and :export",
          re.search(r"\n  :load FILE +run a \.py file.*\n  :export FILE \[jsonl\|log\] +write the last 1,000 events",
                    out, re.S) is not None, out)
    check("piped: :help export says the ring holds the last 1,000 events and --trace-file keeps a run",
          "ring of the last 1,000 events" in out and "--trace-file=FILE" in out, out)
    check("piped: the session goes on after every bad path", out.endswith(">>> 'still here'\n'still here'\n"),
          out[-300:])

    exported = []
    try:
        with open(os.path.join(work, "trace.jsonl")) as f:
            exported = [json.loads(line) for line in f]
    except (OSError, ValueError) as error:
        check("piped: the exported JSON lines parse", False, str(error))
    direct = subprocess.run([handoff, "--clock=virtual", "--trace=jsonl", "-c",
                             "import asyncio\n" + open(program).read().split("loaded =")[0] +
                             "async def main():\n    t = asyncio.create_task(tick(3))\n    await t\n"
                             "asyncio.run(main())\n"],
                            capture_output=True, text=True, env=env, timeout=60)
    traced = [json.loads(line) for line in direct.stderr.splitlines() if line.startswith("{")]
    def task_events(events):
        return [(e["event"], e["t"]) for e in events if e.get("task", {}).get("coro") == "tick"]
    check("piped: :export's JSON lines are --trace=jsonl's, for the same task",
          exported and task_events(exported) == task_events(traced),
          f"{task_events(exported)}\nvs\n{task_events(traced)}")
    with open(os.path.join(work, "trace.log")) as f:
        log = f.read()
    check("piped: :export log writes the log renderer's lines", "✓ done → 3" in log and "\x1b[" not in log, log)

    # Past the ring's 1,000 events: the export says how many are gone.
    lines = ("async def spin():\n    for i in range(600):\n        await asyncio.sleep(0)\n\n"
             "await spin()\n:export many.jsonl\n")
    status, out, err = run_piped(handoff, ["-i", "--clock=virtual"], lines, env, cwd=work)
    with open(os.path.join(work, "many.jsonl")) as f:
        count = sum(1 for _ in f)
    check("piped: :export of a long run writes the ring's last 1,000 events and says older are gone",
          re.search(r"exported 1000 events to 'many\.jsonl' \(jsonl; the history keeps the last 1000, \d+ older "
                    r"are gone \(--trace-file=FILE keeps a whole run\)\)\n", out) is not None and 900 < count <= 1000,
          f"{count} lines; {out}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--handoff", required=True)
    parser.add_argument("--mode", choices=["pty", "piped"], required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if args.mode == "pty":
            pty_flows(os.path.abspath(args.handoff), work)
        else:
            piped_flows(os.path.abspath(args.handoff), work)
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
