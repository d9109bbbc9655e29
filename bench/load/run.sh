#!/usr/bin/env bash
# bench/load/run.sh HANDOFF — the load figures of docs/reliability.md: a million
# tasks spawned and finished, and ten million hand-offs with the JSON Lines trace
# streamed to a file. Prints wall time, peak RSS (from /usr/bin/time -v) and the
# trace file's size and line count. Takes minutes; not part of CI.
set -euo pipefail

handoff=${1:?usage: bench/load/run.sh HANDOFF}
handoff=$(cd "$(dirname "$handoff")" && pwd)/$(basename "$handoff")
cd "$(dirname "$0")"
trace=${TRACE_FILE:-/tmp/handoff-load-trace.jsonl}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

measure() {  # LABEL COMMAND...: runs it and prints the figures
    local label=$1
    shift
    local report
    report=$(mktemp)
    /usr/bin/time -v "$@" >"$report.out" 2>"$report"
    printf '%s\n' "== $label"
    sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): /  wall time: /p;
            s/^\tMaximum resident set size (kbytes): /  peak RSS (KB): /p;
            s/^\tExit status: /  exit status: /p' "$report"
    sed 's/^/  output: /' "$report.out"
    rm -f "$report" "$report.out"
}

measure "1,000,000 tasks spawned and finished (trace off)" \
    "$handoff" --clock=virtual --trace=off tasks_million.py
measure "10,000,000 hand-offs, trace off" \
    "$handoff" --clock=virtual --trace=off handoffs_ten_million.py
measure "10,000,000 hand-offs, --trace=jsonl --trace-file=$trace" \
    "$handoff" --clock=virtual --trace=jsonl --trace-file="$trace" handoffs_ten_million.py
echo "  trace file: $(du -h "$trace" | cut -f1), $(wc -l <"$trace") lines"
rm -f "$trace"
