#!/usr/bin/env python3
"""The lesson tests: a lesson can never teach a wrong order, and a lesson walked from
first step to last prints what it printed when its golden transcript was reviewed.

    test_lessons.py --handoff H --tool T claims LESSON.md
        Runs the lesson's python blocks, in order and in one namespace as the REPL runs
        them, under `handoff --clock=virtual` and under CPython on a virtual clock
        (tests/conformance/oracle.py): the two must print the same. Then every predict
        block's checks must hold for its step's output, and every predict block must
        have at least one check, so that its stated answer is what the loop really does.

    test_lessons.py --handoff H transcript LESSON.md [--regen]
        Walks the lesson under `--clock=virtual` with tests/lessons/NAME.in as standard
        input (answers to the predictions, some right, some wrong, and the commands that
        move between steps) and compares what handoff prints (output, trace and messages,
        in the order they appear) with tests/lessons/NAME.out; NAME.demo.in, if present,
        does the same with --demo, against NAME.demo.out. --regen writes the .out files
        from handoff's output instead: review them before keeping them. :edit in a
        transcript "edits" with EDITOR below.

    test_lessons.py --handoff H menu LESSON.md [--regen]
        `handoff learn`, a lesson that does not exist and a broken lesson file, against
        the golden tests/lessons/menu.out (LESSON.md names the lessons directory).

The tool T is lesson_tool (tests/lessons/lesson_tool.c): handoff's own lesson parser,
so that the tests read a lesson exactly as the REPL does.
"""

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, os.pardir, "conformance", "oracle.py")
MARK = "=== lesson step "   # printed between steps; no lesson prints it
TIMEOUT = 60
# :edit in a transcript runs this "editor" on the step's code: a fixed, visible change.
EDITOR = "sed -i -e s/range(2)/range(3)/"


def run(command, stdin=None, env=None):
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=TIMEOUT, env=env)


def load(tool, lesson):
    result = run([tool, "dump", lesson])
    if result.returncode != 0:
        sys.exit(f"FAIL: {lesson} does not parse:\n{result.stderr}")
    return json.loads(result.stdout)


def lesson_program(parsed):
    """The lesson's python blocks as one program, a marker line before each step."""
    parts = []
    for number, step in enumerate(parsed["steps"], 1):
        parts.append(f'print("{MARK}{number}")\n')
        parts.extend(block["text"] for block in step["code"])
    return "".join(parts)


def split_steps(output):
    """{step number: what that step printed} from a run of lesson_program."""
    steps, current = {}, None
    for line in output.splitlines(keepends=True):
        if line.startswith(MARK):
            current = int(line[len(MARK):])
            steps[current] = ""
        elif current is not None:
            steps[current] += line
    return steps


def show_diff(expected, actual, expected_name, actual_name):
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        expected_name, actual_name))


def claims(args):
    parsed = load(args.tool, args.lesson)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        program = os.path.join(work, "lesson_program.py")
        with open(program, "w") as out:
            out.write(lesson_program(parsed))
        ours = run([args.handoff, "--clock=virtual", "--trace=off", program])
        cpython = run([sys.executable, ORACLE, program])
        if ours.returncode != 0 or cpython.returncode != 0:
            failures.append(f"the lesson's code failed: handoff exit {ours.returncode}, CPython exit "
                            f"{cpython.returncode}\n--- handoff stderr:\n{ours.stderr}"
                            f"--- CPython stderr:\n{cpython.stderr}")
        if ours.stdout != cpython.stdout:
            failures.append("handoff and CPython print different things:\n" +
                            show_diff(cpython.stdout, ours.stdout, "CPython", "handoff"))
        outputs = split_steps(ours.stdout)
        for number, step in enumerate(parsed["steps"], 1):
            predict = step["predict"]
            if predict is None:
                continue
            where = f"{args.lesson}:{predict['line']} (step {number}, {step['title']!r})"
            if not predict["checks"]:
                failures.append(f"{where}: this predict block has no check: add a 'check:' line that "
                                "the stated answer makes true")
                continue
            output_file = os.path.join(work, f"step{number}.out")
            with open(output_file, "w") as out:
                out.write(outputs.get(number, ""))
            result = run([args.tool, "check", args.lesson, str(number), output_file])
            if result.returncode != 0:
                failures.append(f"{where}: the stated answer is not what the loop does:\n"
                                f"{result.stdout}{result.stderr}--- the step printed:\n"
                                f"{outputs.get(number, '')}")
    return failures


def walk(args, name, answers, golden, demo):
    """One walk through the lesson: [] if it printed its golden transcript."""
    with open(answers) as f:
        stdin = f.read()
    env = dict(os.environ, HANDOFF_LESSONS_DIR=os.path.dirname(os.path.abspath(args.lesson)),
               TERM="dumb", EDITOR=EDITOR)
    command = [args.handoff, "--clock=virtual", "--trace=log", "lesson", name] + (["--demo"] if demo else [])
    result = subprocess.run(command, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, timeout=TIMEOUT, env=env)
    actual = result.stdout + f"--- exit status {result.returncode}\n"
    if args.regen:
        with open(golden, "w") as out:
            out.write(actual)
        print(f"wrote {golden}: review it before keeping it")
        return []
    try:
        with open(golden) as f:
            expected = f.read()
    except FileNotFoundError:
        return [f"{golden} is missing: make it with --regen and review it"]
    if actual != expected:
        return [f"the transcript {os.path.basename(golden)} changed:\n" +
                show_diff(expected, actual, golden, "handoff")]
    return []


def transcript(args):
    """NAME.in walks the lesson at the prompt; NAME.demo.in, if there is one, with --demo."""
    name = os.path.splitext(os.path.basename(args.lesson))[0]
    failures = walk(args, name, os.path.join(HERE, name + ".in"), os.path.join(HERE, name + ".out"), False)
    demo_answers = os.path.join(HERE, name + ".demo.in")
    if os.path.exists(demo_answers):
        failures += walk(args, name, demo_answers, os.path.join(HERE, name + ".demo.out"), True)
    return failures


BROKEN_LESSON = """# A broken lesson

## The only step

```python
print("never closed")
"""


def menu(args):
    """`handoff learn`, a lesson name that does not exist, and a broken lesson file, in
    one golden transcript (tests/lessons/menu.out; its inputs are here, not in .in files)."""
    lessons_dir = os.path.dirname(os.path.abspath(args.lesson))
    scenarios = [  # (title, command after the options, standard input, lessons directory)
        ("the menu: a wrong choice, then lesson 3, a skipped prediction, :lessons",
         ["learn"], "nine\n3\n\n:lessons\n", lessons_dir),
        ("a lesson that does not exist", ["lesson", "nope"], "", lessons_dir),
        ("a broken lesson in the menu", ["learn"], "1\nq\n:lessons\n:lesson 1\n", "."),
        ("a broken lesson from the shell", ["lesson", "broken"], "", "."),
    ]
    actual = ""
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, "01-broken.md"), "w") as out:
            out.write(BROKEN_LESSON)
        with open(os.path.join(lessons_dir, "01-sync-vs-async.md")) as good, \
                open(os.path.join(work, "02-sync-vs-async.md"), "w") as out:
            out.write(good.read())
        for title, command, stdin, directory in scenarios:
            env = dict(os.environ, HANDOFF_LESSONS_DIR=directory, TERM="dumb")
            result = subprocess.run([args.handoff, "--clock=virtual", "--trace=off"] + command, input=stdin,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                    timeout=TIMEOUT, env=env, cwd=work)
            actual += f"=== {title}: handoff {' '.join(command)}\n{result.stdout}"
            actual += f"--- exit status {result.returncode}\n"
    golden = os.path.join(HERE, "menu.out")
    if args.regen:
        with open(golden, "w") as out:
            out.write(actual)
        print(f"wrote {golden}: review it before keeping it")
        return []
    try:
        with open(golden) as f:
            expected = f.read()
    except FileNotFoundError:
        return [f"{golden} is missing: make it with --regen and review it"]
    if actual != expected:
        return ["the menu transcript changed:\n" + show_diff(expected, actual, golden, "handoff")]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--handoff", required=True)
    parser.add_argument("--tool", help="lesson_tool (for claims)")
    parser.add_argument("--regen", action="store_true", help="write the golden transcript")
    parser.add_argument("mode", choices=["claims", "transcript", "menu"])
    parser.add_argument("lesson", help="the lesson file (for menu: any lesson in lessons/)")
    args = parser.parse_args()
    if args.mode == "claims" and args.tool is None:
        parser.error("claims needs --tool")
    failures = {"claims": claims, "transcript": transcript, "menu": menu}[args.mode](args)
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print(f"ok: {args.mode} {args.lesson}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
