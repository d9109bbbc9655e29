#!/usr/bin/env python3
"""Run handoff's benchmarks under handoff and CPython side by side.

Each bench/*.py runs --runs times (default 5) under both; the table shows the
median wall time of each and the ratio handoff/python3 (below 1.00 means handoff
is faster). Then `handoff -c pass` is timed to show start-up cost. Both programs
must print the same thing, or the run fails. `make bench` calls this script.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT_DIR = os.path.dirname(BENCH_DIR)
BENCHMARKS = ["fib27.py", "loops.py"]
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handoff", default=os.path.join(ROOT_DIR, "build", "handoff"))
    parser.add_argument("--python", default="python3")
    parser.add_argument("--runs", type=int, default=5, help="runs per program (median)")
    parser.add_argument("benchmarks", nargs="*", default=BENCHMARKS)
    args = parser.parse_args()
    handoff = os.path.abspath(args.handoff)
    if not os.access(handoff, os.X_OK):
        sys.exit(f"bench: no handoff binary at {handoff}: run `make build` first")

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
