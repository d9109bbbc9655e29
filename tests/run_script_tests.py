#!/usr/bin/env python3
"""Script tests for handoff: run tests/<dir>/NAME.py and compare with CPython's behaviour.

Each NAME.py may have beside it:
  NAME.out  the exact stdout CPython 3.11 printed (missing means empty);
  NAME.err  present only when the program fails: line 1 is `exit: N` (CPython's
            exit status), line 2 the last line of CPython's stderr.
Without a NAME.err the program must exit with status 0. stdout is compared byte
for byte; stderr only through its last line, so tracebacks may differ in detail.

Expectations are never written by hand: `--regen DIR` produces them by running
python3. The one exception is tests/lang_errors/, where handoff must reject a
construct outside its subset that CPython runs happily (a `match` statement):
its NAME.err files are written by hand and --regen refuses to touch them.

tests/conformance/ holds asyncio programs. Their expectations come from
tests/conformance/oracle.py, which runs CPython on a virtual clock, and handoff
runs them as `handoff --clock=virtual --trace=off NAME.py` (or, with
--real-speed N, `--clock=real --speed=N`). Until handoff has asyncio they are
checked only when named, or when HANDOFF_CONFORMANCE is on (the constant below,
the environment variable HANDOFF_CONFORMANCE=ON, or --with-conformance).

Usage:
  run_script_tests.py [--handoff PATH] [-j N] [-v] [TEST ...]   check handoff
  run_script_tests.py --real-speed N [TEST ...]                  check conformance programs on
                                                                 the real clock, sped up N times
  run_script_tests.py --regen OUTDIR [TEST ...]                  write .out/.err from python3
                                                                 (no TEST: OUTDIR's own tests, in place)
  run_script_tests.py --conformance [DIR ...]                    regenerate into a temp dir and
                                                                 fail on any difference
TEST is a .py file, a directory of them, or a test name (`int_bigint_mul`,
`lang/int_bigint_mul`) looked up in tests/lang, tests/conformance, tests/lang_errors.
"""

import argparse
import concurrent.futures
import difflib
import os
import signal
import subprocess
import sys
import tempfile

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT_DIR = os.path.dirname(TESTS_DIR)
ALL_DIRS = ["lang", "conformance", "lang_errors"]
REGEN_DIRS = ["lang", "conformance"]
HAND_CHECKED_DIRS = {"lang_errors"}

# The asyncio programs of tests/conformance/ join the default run (and ctest, through
# the CMake option of the same name) once handoff has asyncio: flip this to True then.
HANDOFF_CONFORMANCE = True
CONFORMANCE_DIR = "conformance"
ORACLE_NAME = "oracle.py"             # beside the conformance programs; not a test itself
NOT_TESTS = {ORACLE_NAME}
HANDOFF_CONFORMANCE_FLAGS = ["--clock=virtual", "--trace=off"]
# --real-speed without test names runs these: in each, timers that fall due close together
# were set in the order they fall due, so real-clock jitter cannot reorder them.
REAL_SPEED_TESTS = [
    "course_count_async_gather", "course_count_sync_time_sleep", "course_chained_coroutines",
    "time_sleep_blocks_whole_loop", "timeout_context_manager_expires",
    "run_in_executor_does_not_block_loop", "semaphore_limits_concurrency",
    "taskgroup_failure_cancels_siblings", "wait_timeout_returns_pending",
    "sleep_ties_wake_in_fifo_order",
]
TIMEOUT_SECONDS = 30
DIFF_LINES = 20
SANITIZER_MARKERS = (b"AddressSanitizer", b"LeakSanitizer", b"UndefinedBehaviorSanitizer",
                     b"runtime error:")


# ---------------------------------------------------------------- finding tests

def find_tests(names, default_dirs):
    """Turn command-line names into a sorted list of absolute .py paths."""
    if not names:
        names = [os.path.join(TESTS_DIR, d) for d in default_dirs]
    found = []
    for name in names:
        if os.path.isdir(name):
            found += [os.path.join(os.path.abspath(name), f)
                      for f in sorted(os.listdir(name))
                      if f.endswith(".py") and f not in NOT_TESTS]
        elif os.path.isfile(name):
            found.append(os.path.abspath(name))
        else:
            path = lookup_name(name)
            if path is None:
                sys.exit(f"run_script_tests: no test named {name!r}")
            found.append(path)
    return found


def lookup_name(name):
    stem = name[:-3] if name.endswith(".py") else name
    candidates = [os.path.join(TESTS_DIR, stem + ".py")]
    candidates += [os.path.join(TESTS_DIR, d, stem + ".py") for d in ALL_DIRS]
    for path in candidates:
        if os.path.isfile(path) and os.path.basename(path) not in NOT_TESTS:
            return path
    return None


def test_label(path):
    """`lang/int_bigint_mul`: the name ctest and the summaries use."""
    directory, filename = os.path.split(path)
    return f"{os.path.basename(directory)}/{filename[:-3]}"


def is_conformance(path):
    return os.path.basename(os.path.dirname(path)) == CONFORMANCE_DIR


def conformance_enabled(args):
    """HANDOFF_CONFORMANCE: the constant, overridden by the environment, forced by the flag."""
    setting = os.environ.get("HANDOFF_CONFORMANCE", "").strip().upper()
    enabled = HANDOFF_CONFORMANCE
    if setting in ("1", "ON", "TRUE", "YES"):
        enabled = True
    elif setting in ("0", "OFF", "FALSE", "NO"):
        enabled = False
    return enabled or args.with_conformance


def check_dirs(args):
    """The directories a bare `run_script_tests.py` checks."""
    return [d for d in ALL_DIRS if d != CONFORMANCE_DIR or conformance_enabled(args)]


# ---------------------------------------------------------------- running programs

class Result:
    """What one run of a program did."""

    def __init__(self, stdout=b"", stderr=b"", status=None, timed_out=False):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status        # exit status; negative: killed by that signal
        self.timed_out = timed_out

    def last_stderr_line(self):
        # handoff adds a note after ModuleNotFoundError's line naming the modules
        # it has (CPython has no such note): the line compared is the one before it.
        lines = [l for l in self.stderr.decode("utf-8", "replace").splitlines()
                 if l.strip() and not l.startswith("handoff provides only these modules: ")]
        return lines[-1].rstrip() if lines else ""


def run_program(command, path, timeout, env=None):
    directory, filename = os.path.split(path)
    try:
        done = subprocess.run(command + [filename], cwd=directory, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, env=env)
    except subprocess.TimeoutExpired as expired:
        return Result(expired.stdout or b"", expired.stderr or b"", None, timed_out=True)
    return Result(done.stdout, done.stderr, done.returncode)


def describe_status(result):
    if result.timed_out:
        return "timed out"
    if result.status is not None and result.status < 0:
        try:
            return f"killed by {signal.Signals(-result.status).name}"
        except ValueError:
            return f"killed by signal {-result.status}"
    return f"exit status {result.status}"


# ---------------------------------------------------------------- expectations

def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def read_expected_error(path):
    """Parse NAME.err into (status, last stderr line), or None when absent."""
    data = read_bytes(path)
    if data is None:
        return None
    lines = data.decode("utf-8").splitlines()
    if len(lines) < 2 or not lines[0].startswith("exit: "):
        raise ValueError(f"{path}: expected 'exit: N' then the last stderr line")
    return int(lines[0][len("exit: "):]), lines[1].rstrip()


def format_expected_error(status, last_line):
    return f"exit: {status}\n{last_line}\n".encode("utf-8")


# ---------------------------------------------------------------- checking handoff

def handoff_command(handoff, path, real_speed):
    """How handoff runs one program: conformance programs get an explicit clock."""
    if not is_conformance(path):
        return [handoff]
    if real_speed is not None:
        return [handoff, "--clock=real", f"--speed={real_speed:g}", "--trace=off"]
    return [handoff] + HANDOFF_CONFORMANCE_FLAGS


def check_test(handoff, path, timeout, real_speed=None):
    """Run one test under handoff; return a list of failure lines (empty: passed)."""
    stem = path[:-3]
    expected_out = read_bytes(stem + ".out") or b""
    expected_err = read_expected_error(stem + ".err")
    result = run_program(handoff_command(handoff, path, real_speed), path, timeout)
    problems = []

    if result.timed_out:
        problems.append(f"timed out after {timeout} s")
    elif result.status < 0:
        problems.append(describe_status(result))
    sanitizer_report = any(marker in result.stderr for marker in SANITIZER_MARKERS)
    if sanitizer_report:
        problems.append("sanitizer report on stderr:")
        problems += indent(result.stderr.decode("utf-8", "replace").splitlines()[:40])

    if result.stdout != expected_out:
        problems.append("stdout differs (- expected, + actual):")
        problems += indent(stdout_diff(expected_out, result.stdout))

    if not result.timed_out and result.status >= 0 and not sanitizer_report:
        if expected_err is None:
            if result.status != 0:
                problems.append(f"expected exit status 0, got {result.status}; stderr ends:")
                problems += indent(stderr_tail(result))
        else:
            status, last_line = expected_err
            if result.status != status:
                problems.append(f"expected exit status {status}, got {result.status}")
            if result.last_stderr_line() != last_line:
                problems.append("last line of stderr differs:")
                problems.append(f"  expected: {last_line}")
                problems.append(f"  actual:   {result.last_stderr_line()}")
                problems += indent(["stderr ends:"] + stderr_tail(result))
    return problems


def stdout_diff(expected, actual):
    exp = expected.decode("utf-8", "replace").splitlines(keepends=True)
    act = actual.decode("utf-8", "replace").splitlines(keepends=True)
    lines = [l.rstrip("\n") for l in difflib.unified_diff(exp, act, "expected", "actual", n=1)]
    if not lines:  # same text, different bytes (invalid UTF-8, or a final newline)
        lines = [f"expected: {expected[-80:]!r}", f"actual:   {actual[-80:]!r}"]
    elif exp and act and exp[-1].endswith("\n") != act[-1].endswith("\n"):
        lines.append("(the two differ in their final newline)")
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more diff lines)"]
    return lines


def stderr_tail(result, count=8):
    lines = result.stderr.decode("utf-8", "replace").splitlines()
    return lines[-count:] if lines else ["(empty)"]


def indent(lines):
    return ["    " + line for line in lines]


def run_checks(args):
    handoff = os.path.abspath(args.handoff)
    if not os.access(handoff, os.X_OK):
        print(f"run_script_tests: no handoff binary at {handoff}: run `make build` first",
              file=sys.stderr)
        return 2
    names = args.tests
    if args.real_speed is not None and not names:
        names = [os.path.join(TESTS_DIR, CONFORMANCE_DIR, n + ".py") for n in REAL_SPEED_TESTS]
    tests = find_tests(names, check_dirs(args))
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = pool.map(
            lambda p: (p, check_test(handoff, p, args.timeout, args.real_speed)), tests)
        for path, problems in outcomes:
            if problems:
                failed += 1
                print(f"FAIL {test_label(path)}")
                print("\n".join(indent(problems)))
            else:
                passed += 1
                if args.verbose or len(tests) == 1:
                    print(f"PASS {test_label(path)}")
            sys.stdout.flush()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not tests else 0


# ---------------------------------------------------------------- regenerating with python3

def python_env(hash_seed):
    env = dict(os.environ)
    env.update(PYTHONHASHSEED=str(hash_seed), PYTHONUTF8="1", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1")
    for name in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS"):
        env.pop(name, None)
    return env


def python_command(python, path):
    """CPython for lang/; the virtual-clock oracle beside them for conformance/."""
    if is_conformance(path):
        return [python, os.path.join(os.path.dirname(path), ORACLE_NAME)]
    return [python]


def outcome(result):
    return (result.stdout, result.status, result.last_stderr_line())


def regen_one(python, path, out_dir, timeout):
    """Write out_dir/NAME.out (and NAME.err when CPython fails); return problems."""
    # Two hash seeds: a test whose output hangs on str hashing (set order) is caught here.
    command = python_command(python, path)
    first = run_program(command, path, timeout, python_env(0))
    second = run_program(command, path, timeout, python_env(1))
    if first.timed_out or first.status < 0:
        return [f"python3: {describe_status(first)}"]
    if outcome(first) != outcome(second):
        return ["output depends on the hash seed (set or dict-of-str order?): not deterministic"]
    if is_conformance(path):
        # Same seed again: asyncio programs can also hang on object addresses (sets of tasks).
        again = run_program(command, path, timeout, python_env(0))
        if outcome(again) != outcome(first):
            return ["two runs under the oracle differ (set of tasks order?): not deterministic"]
    stem = os.path.join(out_dir, os.path.basename(path)[:-3])
    with open(stem + ".out", "wb") as f:
        f.write(first.stdout)
    if first.status != 0:
        with open(stem + ".err", "wb") as f:
            f.write(format_expected_error(first.status, first.last_stderr_line()))
    elif os.path.exists(stem + ".err"):
        os.remove(stem + ".err")
    return []


def check_python(python, any_python):
    version = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    if version != "3.11" and not any_python:
        sys.exit(f"run_script_tests: expectations come from CPython 3.11, but {python} is "
                 f"{version}; pass --python python3.11 (or --any-python to go ahead anyway)")


def regen(tests, python, out_dir, timeout, jobs):
    """Regenerate expectations for `tests` into out_dir; return the number of problems."""
    os.makedirs(out_dir, exist_ok=True)
    problems = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        outcomes = pool.map(lambda p: (p, regen_one(python, p, out_dir, timeout)), tests)
        for path, messages in outcomes:
            if messages:
                problems += 1
                print(f"REGEN FAILED {test_label(path)}")
                print("\n".join(indent(messages)))
    return problems


def hand_checked(path):
    return os.path.basename(os.path.dirname(path)) in HAND_CHECKED_DIRS


def run_regen(args):
    check_python(args.python, args.any_python)
    if not args.tests:  # `--regen tests/lang`: regenerate that directory in place
        if not (os.path.isdir(args.regen)
                and any(f.endswith(".py") for f in os.listdir(args.regen))):
            sys.exit("run_script_tests: --regen OUTDIR needs the tests to regenerate, "
                     "unless OUTDIR is itself a directory of tests")
        args.tests = [args.regen]
    tests = find_tests(args.tests, REGEN_DIRS)
    skipped = [p for p in tests if hand_checked(p)]
    for path in skipped:
        print(f"skipped {test_label(path)}: its expectation is hand-checked")
    tests = [p for p in tests if not hand_checked(p)]
    names = [os.path.basename(p) for p in tests]
    if len(set(names)) != len(names):
        sys.exit("run_script_tests: two tests share a name; regenerate one directory at a time")
    problems = regen(tests, args.python, os.path.abspath(args.regen), args.timeout, args.jobs)
    print(f"regenerated {len(tests) - problems} of {len(tests)} into {args.regen}")
    return 1 if problems else 0


def run_conformance(args):
    """Regenerate every expectation into a temp dir and compare with the committed files."""
    check_python(args.python, args.any_python)
    directories = args.tests or [os.path.join(TESTS_DIR, d) for d in REGEN_DIRS]
    differing, problems, total = [], 0, 0
    with tempfile.TemporaryDirectory(prefix="handoff-conformance-") as scratch:
        for directory in directories:
            directory = os.path.abspath(directory)
            if os.path.basename(directory) in HAND_CHECKED_DIRS:
                continue
            tests = find_tests([directory], [])
            total += len(tests)
            out_dir = os.path.join(scratch, os.path.basename(directory))
            problems += regen(tests, args.python, out_dir, args.timeout, args.jobs)
            differing += compare_dirs(directory, out_dir, tests)
    for name in differing:
        print(f"DIFFERS {name}")
    print(f"conformance: {total} tests, {len(differing)} differ from python3, "
          f"{problems} could not be regenerated")
    if differing:
        print("regenerate with `make regen` (or run_script_tests.py --regen DIR) and review the diff")
    return 1 if differing or problems else 0


def compare_dirs(committed_dir, fresh_dir, tests):
    """Names of the expectation files that differ; also reports orphan .out/.err files."""
    differing = []
    label = os.path.basename(committed_dir)
    stems = {os.path.basename(p)[:-3] for p in tests}
    for stem in sorted(stems):
        for suffix in (".out", ".err"):
            committed = read_bytes(os.path.join(committed_dir, stem + suffix))
            fresh = read_bytes(os.path.join(fresh_dir, stem + suffix))
            if committed != fresh:
                differing.append(f"{label}/{stem}{suffix}")
    for filename in sorted(os.listdir(committed_dir)):
        stem, suffix = os.path.splitext(filename)
        if suffix in (".out", ".err") and stem not in stems:
            differing.append(f"{label}/{filename} (no {stem}.py beside it)")
    return differing


# ---------------------------------------------------------------- command line

def main():
    parser = argparse.ArgumentParser(
        description="Run handoff's script tests, or regenerate their expectations with python3.")
    parser.add_argument("tests", nargs="*", help="test files, directories or names")
    parser.add_argument("--handoff", default=os.path.join(ROOT_DIR, "build", "handoff"),
                        help="the handoff binary (default: build/handoff)")
    parser.add_argument("--python", default=os.environ.get("PYTHON", "python3"),
                        help="the CPython used by --regen and --conformance")
    parser.add_argument("--any-python", action="store_true",
                        help="regenerate even when python is not 3.11")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS,
                        help="seconds per program (default: 30)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="programs run at once")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list passing tests")
    parser.add_argument("--with-conformance", action="store_true",
                        help="also check tests/conformance (asyncio) when no TEST is named")
    parser.add_argument("--real-speed", type=float, metavar="N",
                        help="run conformance programs with --clock=real --speed=N "
                             "(no TEST: a handful of them)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--regen", metavar="OUTDIR",
                      help="write .out/.err from python3 into OUTDIR (may be the test dir itself)")
    mode.add_argument("--conformance", action="store_true",
                      help="regenerate into a temp dir and fail on any difference")
    args = parser.parse_args()
    if args.real_speed is not None and (args.regen or args.conformance):
        parser.error("--real-speed checks handoff; it does not go with --regen or --conformance")
    if args.real_speed is not None and args.real_speed <= 0:
        parser.error("--real-speed needs a positive factor")
    if args.regen:
        return run_regen(args)
    if args.conformance:
        return run_conformance(args)
    return run_checks(args)


if __name__ == "__main__":
    sys.exit(main())
