#!/usr/bin/env python3
"""Run handoff's benchmarks under handoff and CPython side by side.

Each bench/*.py runs --runs times (default 5) under both; the table shows the
median wall time of each and the ratio handoff/python3 (below 1.00 means handoff
is faster). Then `handoff -c pass` is timed to show start-up cost. Both programs
must print the same thing, or the run fails. `make bench` calls this script.
With --asyncio it runs the asyncio workloads of bench/asyncio instead (issue 4 §8).
"""

import argparse
import os
import statistics
import shutil
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT_DIR = os.path.dirname(BENCH_DIR)
BENCHMARKS = ["fib27.py", "loops.py", "methods.py", "strformat.py"]
STARTUP_RUNS = 21


# CPython runs isolated and without `site` (-I -S): a site-packages scan can add a
# tenth of a second to every start on some installs, which is not the work measured.
PYTHON_FLAGS = ["-I", "-S"]


def timed_run(command):
    """Run command once; return (seconds, stdout). Fails loudly on a non-zero exit."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=BENCH_DIR, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip().splitlines()
        sys.exit(f"bench: `{' '.join(command)}` exited with {done.returncode}: "
                 f"{stderr[-1] if stderr else '(no stderr)'}")
    return elapsed, done.stdout


def median_time(command, runs):
    times, outputs = [], set()
    for _ in range(runs):
        elapsed, stdout = timed_run(command)
        times.append(elapsed)
        outputs.add(stdout)
    return statistics.median(times), outputs


# ---------------------------------------------------------------- asyncio

ASYNCIO_DIR = os.path.join(BENCH_DIR, "asyncio")
# handoff runs the asyncio workloads on the virtual clock (W3's sleeps then cost no wall
# time under handoff, while CPython really sleeps up to 1 s: W3 compares the rest).
HANDOFF_ASYNCIO = ["--trace=off", "--clock=virtual"]
W2_TASKS = 100_000


def measured_run(command):
    """Run command once; return (CPU seconds, peak RSS in KiB, stdout). CPU time (user +
    system) rather than wall time: the machine is shared, and W3's CPython really sleeps."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=ASYNCIO_DIR, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = usage.ru_utime + usage.ru_stime
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            lines = err.read().decode("utf-8", "replace").strip().splitlines()
            sys.exit(f"bench: `{' '.join(command)}` exited with {process.returncode}: "
                     f"{lines[-1] if lines else '(no stderr)'}")
        return elapsed, usage.ru_maxrss, out.read()


def median_measure(command, runs):
    """Median seconds and median peak RSS (KiB) over runs; the set of outputs."""
    results = [measured_run(command) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            {r[2] for r in results})


def interleaved_measure(commands, runs):
    """Each command once a round, `runs` rounds, so that all meet the machine in the
    same state. Per command: its runs' (seconds, peak RSS, stdout), in round order."""
    results = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            results[i].append(measured_run(command))
    return results


def summary(results):
    """Median seconds, median peak RSS and the set of outputs of one command's runs."""
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            {r[2] for r in results})


def same_output(name, ours, theirs):
    if ours != theirs:
        sys.exit(f"bench: {name}: handoff printed {sorted(ours)!r}, python3 printed {sorted(theirs)!r}")


def run_asyncio(handoff, python, node, runs):
    """W1 (switch), W2 (memory a task), W3 (scale) and the cost of tracing W1:
    handoff beside CPython (and Node for W1), medians of `runs` runs each."""
    ours_cmd = [handoff, *HANDOFF_ASYNCIO]
    theirs_cmd = [python, *PYTHON_FLAGS]
    print(f"asyncio workloads, median of {runs} runs (CPU seconds, user + system; peak RSS)")

    # W1 untraced, traced, under CPython and under Node, one of each a round.
    w1 = "w1_switch.py"
    commands = [[*ours_cmd, w1], [handoff, "--trace=jsonl", "--trace-file=/dev/null", "--clock=virtual", w1],
                [*theirs_cmd, w1]]
    if shutil.which(node):
        commands.append([node, "w1_switch.mjs"])
    results = interleaved_measure(commands, runs)
    ours_t, ours_m, ours_out = summary(results[0])
    traced_t, _, traced_out = summary(results[1])
    theirs_t, theirs_m, theirs_out = summary(results[2])
    same_output(w1, ours_out, theirs_out)
    same_output(w1 + " traced", traced_out, ours_out)
    line = (f"W1 switch (1,000,000 hand-offs): handoff {ours_t:.3f} s {ours_m / 1024:.0f} MB, "
            f"python3 {theirs_t:.3f} s {theirs_m / 1024:.0f} MB")
    if len(results) > 3:
        node_t, node_m, _ = summary(results[3])
        line += f", node {node_t:.3f} s {node_m / 1024:.0f} MB"
    print(line)
    print(f"   handoff makes {theirs_t / ours_t:.1f}x CPython's hand-offs per second (target: 10x)")
    # Each traced run against the untraced run of its own round: the ratio moves less.
    ratios = [traced[0] / plain[0] for traced, plain in zip(results[1], results[0])]
    print(f"Tracing: W1 with --trace=jsonl --trace-file=/dev/null {traced_t:.3f} s, "
          f"{statistics.median(ratios):.2f}x untraced, median of each round's ratio (target: at most 2x)")

    w2 = "w2_memory.py"
    per_task = {}
    for who, command in (("handoff", ours_cmd), ("python3", theirs_cmd)):
        _, empty_m, _ = median_measure([*command, w2, "0"], runs)
        _, full_m, out = median_measure([*command, w2, str(W2_TASKS)], runs)
        if f"tasks: {W2_TASKS},".encode() not in next(iter(out)):
            sys.exit(f"bench: {w2} under {who} did not take its task count from argv: {sorted(out)!r}")
        per_task[who] = (full_m - empty_m) * 1024 / W2_TASKS
    print(f"W2 memory ({W2_TASKS:,} tasks in sleep): handoff {per_task['handoff']:.0f} bytes a task, "
          f"python3 {per_task['python3']:.0f} bytes a task (target: at most 1024)")

    w3 = "w3_scale.py"
    ours_t, ours_m, ours_out = median_measure([*ours_cmd, "--max-tasks=2000000", w3], runs)
    theirs_t, theirs_m, theirs_out = median_measure([*theirs_cmd, w3], runs)
    same_output(w3, ours_out, theirs_out)
    print(f"W3 scale (1,000,000 tasks): handoff {ours_t:.2f} s {ours_m / 1024:.0f} MB, "
          f"python3 {theirs_t:.2f} s {theirs_m / 1024:.0f} MB (target: less of both)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handoff", default=os.path.join(ROOT_DIR, "build", "handoff"))
    parser.add_argument("--python", default="python3")
    parser.add_argument("--runs", type=int, default=5, help="runs per program (median)")
    parser.add_argument("--asyncio", action="store_true",
                        help="run the asyncio workloads of bench/asyncio (W1, W2, W3, tracing) instead")
    parser.add_argument("--node", default="node", help="Node 20 for W1's counterpart (skipped if absent)")
    parser.add_argument("benchmarks", nargs="*", default=BENCHMARKS)
    args = parser.parse_args()
    handoff = os.path.abspath(args.handoff)
    if not os.access(handoff, os.X_OK):
        sys.exit(f"bench: no handoff binary at {handoff}: run `make build` first")

    if args.asyncio:
        run_asyncio(handoff, args.python, args.node, args.runs)
        return 0

    print(f"median of {args.runs} runs, wall-clock seconds (ratio < 1.00: handoff is faster)")
    print(f"{'benchmark':<14}{'handoff':>10}{'python3':>10}{'ratio':>9}")
    slower = []
    for name in args.benchmarks:
        ours, our_out = median_time([handoff, name], args.runs)
        theirs, their_out = median_time([args.python, *PYTHON_FLAGS, name], args.runs)
        if our_out != their_out:
            sys.exit(f"bench: {name}: handoff printed {sorted(our_out)!r}, "
                     f"python3 printed {sorted(their_out)!r}")
        ratio = ours / theirs
        print(f"{name:<14}{ours:>10.3f}{theirs:>10.3f}{ratio:>8.2f}x")
        if ratio > 1.0:
            slower.append(name)

    ours, _ = median_time([handoff, "-c", "pass"], STARTUP_RUNS)
    theirs, _ = median_time([args.python, *PYTHON_FLAGS, "-c", "pass"], STARTUP_RUNS)
    print(f"{'-c pass':<14}{ours * 1000:>8.1f}ms{theirs * 1000:>8.1f}ms"
          f"   (start-up, median of {STARTUP_RUNS}; target: handoff under 5 ms)")
    if slower:
        print(f"handoff is slower than python3 on: {', '.join(slower)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
