#!/usr/bin/env python3
"""The conformance oracle: run an asyncio program under CPython 3.11 on a virtual clock.

    python3 tests/conformance/oracle.py PROGRAM.py [ARG ...]

The program runs as `__main__` (sys.argv[0] is its path) on an event loop whose clock
only moves when nothing is ready: it then jumps to the earliest timer, without sleeping.
Timers with equal deadlines fire in the order they were set. `time.sleep(d)` advances the
clock by d (blocking the whole loop, as a blocking call does) and `time.perf_counter`,
`monotonic`, `time` (and their `_ns` forms) read the same clock, which starts at 0.0.
What it prints is what `handoff --clock=virtual` must print; tests/conformance/README.md
says which choices here handoff copies (deadlock line, run_in_executor's model).
"""

import asyncio
import heapq
import os
import runpy
import selectors
import sys
import time

EPOCH = 1_700_000_000.0     # time.time() is the virtual clock plus this
CLOCK_RESOLUTION = 1e-9     # a timer fires when its deadline < now + this (as on Linux)


# ---------------------------------------------------------------- the clock

class VirtualClock:
    """One clock for the loop and the time module. Code running "in an executor thread"
    (see run_in_executor below) sleeps on a private offset instead of the shared clock."""

    def __init__(self):
        self.now = 0.0              # seconds since the program started
        self.worker_depth = 0       # >0 while a run_in_executor function runs
        self.worker_spent = 0.0     # what that function has slept so far

    def read(self):
        return self.now + self.worker_spent if self.worker_depth else self.now

    def sleep(self, seconds):
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if self.worker_depth:
            self.worker_spent += seconds
        else:
            self.now += seconds


CLOCK = VirtualClock()


def install_time_functions():
    """Point the time module at the virtual clock, before the program imports it."""
    time.sleep = lambda seconds: CLOCK.sleep(seconds)
    time.perf_counter = lambda: CLOCK.read()
    time.monotonic = lambda: CLOCK.read()
    time.time = lambda: EPOCH + CLOCK.read()
    time.perf_counter_ns = lambda: int(round(CLOCK.read() * 1e9))
    time.monotonic_ns = lambda: int(round(CLOCK.read() * 1e9))
    time.time_ns = lambda: int(round((EPOCH + CLOCK.read()) * 1e9))


# ---------------------------------------------------------------- the loop

class OrderedTimerHandle(asyncio.TimerHandle):
    """CPython's TimerHandle orders by deadline only, and heapq is not stable, so equal
    deadlines would fire in an undefined order. This one breaks ties by creation order."""

    __slots__ = ("_seq",)

    def __init__(self, when, callback, args, loop, context, seq):
        super().__init__(when, callback, args, loop, context)
        self._seq = seq

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __le__(self, other):
        return not self.__gt__(other)

    def __ge__(self, other):
        return not self.__lt__(other)


class VirtualSelector(selectors.DefaultSelector):
    """The loop calls select(timeout) once per iteration: timeout 0 when something is
    ready, the time to the earliest timer when only timers remain, None when nothing is
    left. We never block: jump the clock to the timer, or report a deadlock."""

    loop = None

    def select(self, timeout=None):
        loop = self.loop
        if timeout is None and not self.has_other_sources():
            report_deadlock(loop)
        if timeout is not None and timeout > 0 and loop._scheduled:
            CLOCK.now = max(CLOCK.now, loop._scheduled[0]._when)
            timeout = 0
        return super().select(timeout)

    def has_other_sources(self):
        own = self.loop._ssock.fileno() if self.loop._ssock is not None else None
        return any(key.fd != own for key in self.get_map().values())


class VirtualEventLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._clock_resolution = CLOCK_RESOLUTION
        self._timer_seq = 0

    def time(self):
        return CLOCK.read()

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        self._timer_seq += 1
        timer = OrderedTimerHandle(when, callback, args, self, context, self._timer_seq)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor, func, *args):
        """A deterministic stand-in for a worker thread. The function runs at once, to
        completion, but its time.sleep calls do not block the loop: they add up on a
        private clock. Its result (or exception) reaches the returned Future through a
        callback at now + that total, as a real thread's result arrives when it finishes.
        Programs must not print from such a function (in CPython its timing is racy)."""
        self._check_closed()
        if executor is not None:
            raise NotImplementedError("the oracle only models the default executor (None)")
        future = self.create_future()
        outer_spent = CLOCK.worker_spent
        CLOCK.worker_depth += 1
        CLOCK.worker_spent = 0.0
        result = error = None
        try:
            result = func(*args)
        except BaseException as exc:  # a worker thread reports every exception
            error = exc
        finally:
            spent = CLOCK.worker_spent
            CLOCK.worker_depth -= 1
            CLOCK.worker_spent = outer_spent

        def deliver():
            if future.cancelled():
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)

        self.call_at(self.time() + spent, deliver)
        return future


class VirtualEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


# ---------------------------------------------------------------- deadlock

def report_deadlock(loop):
    """Nothing is ready, no timer is set and there is no I/O: CPython would wait forever.
    Say who waits on what, then exit 1 at once (no finally block of a waiting task runs)."""
    waiting = [t for t in asyncio.all_tasks(loop) if not t.done()]
    waiting.sort(key=task_order)
    sys.stdout.flush()
    lines = ["deadlock: every task is waiting, and nothing is left to wake one:"]
    for task in waiting:
        lines.append(f"  {task.get_name()} waits on {describe_waiter(task)}")
    noun = "task is" if len(waiting) == 1 else "tasks are"
    lines.append(f"deadlock: {len(waiting)} {noun} waiting and nothing can wake them")
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()
    os._exit(1)


def task_order(task):
    name = task.get_name()
    number = name[5:] if name.startswith("Task-") else ""
    return (0, int(number), "") if number.isdigit() else (1, 0, name)


def describe_waiter(task):
    waiter = getattr(task, "_fut_waiter", None)
    if waiter is None:
        return "nothing"
    if isinstance(waiter, asyncio.Task):
        return waiter.get_name()
    if type(waiter).__name__ == "_GatheringFuture":
        return "a gather"
    return "a Future"


# ---------------------------------------------------------------- main

def main():
    if len(sys.argv) < 2:
        sys.exit("usage: oracle.py PROGRAM.py [ARG ...]")
    path = sys.argv[1]
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    install_time_functions()
    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    runpy.run_path(path, run_name="__main__")


if __name__ == "__main__":
    main()
