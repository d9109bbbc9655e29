/* test_trace.c — the trace renderers on synthetic event sequences: the course's
 * count() example (Task-1 spawns Task-2..Task-4; each prints, sleeps 1 s, prints)
 * as a log, as lanes and as JSON lines, every event kind in every renderer,
 * JSON escaping, colours, folding lanes past the width, and the summary.
 * With HANDOFF_TRACE_SHOW=DIR set, each render is also written to DIR/<name>.txt
 * (that is how the examples in docs/trace.md are made). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace.h"

/* ------------------------------------------------------- building events */

static const AioTaskRef LOOP = {.id = 0, .name = "loop", .coro = NULL};
static const AioTaskRef T1 = {.id = 1, .name = "Task-1", .coro = "main"};
static const AioTaskRef T2 = {.id = 2, .name = "Task-2", .coro = "count"};
static const AioTaskRef T3 = {.id = 3, .name = "Task-3", .coro = "count"};
static const AioTaskRef T4 = {.id = 4, .name = "Task-4", .coro = "count"};

static AioEvent event(AioEventKind kind, double time, AioTaskRef task) {
    AioEvent e;
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.time = time;
    e.task = task;
    e.other = LOOP;
    e.until = -1;
    return e;
}

static AioEvent spawn(double time, AioTaskRef task, AioTaskRef by) {
    AioEvent e = event(AIO_EV_SPAWN, time, task);
    e.other = by;
    return e;
}

static AioEvent with_reason(AioEventKind kind, double time, AioTaskRef task, const char *reason) {
    AioEvent e = event(kind, time, task);
    e.reason = reason;
    return e;
}

static AioEvent with_detail(AioEventKind kind, double time, AioTaskRef task, const char *detail) {
    AioEvent e = event(kind, time, task);
    e.detail = detail;
    return e;
}

static AioEvent suspend(double time, AioTaskRef task, const char *on, double until) {
    AioEvent e = with_detail(AIO_EV_SUSPEND, time, task, on);
    e.until = until;
    return e;
}

static AioEvent idle(double time, double until) {
    AioEvent e = event(AIO_EV_IDLE, time, LOOP);
    e.until = until;
    return e;
}

/* asyncio.run(main()), where main gathers three count() tasks. */
static int count_events(AioEvent *out) {
    int n = 0;
    out[n++] = spawn(0, T1, LOOP);
    out[n++] = with_detail(AIO_EV_LOOP_START, 0, LOOP, "main");
    out[n++] = with_reason(AIO_EV_RESUME, 0, T1, "first step");
    out[n++] = spawn(0, T2, T1);
    out[n++] = spawn(0, T3, T1);
    out[n++] = spawn(0, T4, T1);
    out[n++] = suspend(0, T1, "gather of 3", -1);
    const AioTaskRef counts[3] = {T2, T3, T4};
    for (int i = 0; i < 3; i++) {
        out[n++] = with_reason(AIO_EV_RESUME, 0, counts[i], "first step");
        out[n++] = suspend(0, counts[i], "sleep(1)", 1.0);
    }
    out[n++] = idle(0, 1.0);
    /* As the loop sends them: a task's wake-up, then at once its resume. */
    for (int i = 0; i < 3; i++) {
        out[n++] = with_reason(AIO_EV_WAKE, 1.0, counts[i], "timer");
        out[n++] = with_reason(AIO_EV_RESUME, 1.0, counts[i], "timer");
        out[n++] = with_detail(AIO_EV_DONE, 1.0, counts[i], "None");
    }
    out[n++] = with_reason(AIO_EV_WAKE, 1.0, T1, "future done");
    out[n++] = with_reason(AIO_EV_RESUME, 1.0, T1, "future done");
    out[n++] = with_detail(AIO_EV_DONE, 1.0, T1, "None");
    out[n++] = event(AIO_EV_LOOP_END, 1.0, LOOP);
    return n;
}

/* Every other kind: a callback, a blocking time.sleep that delays two tasks, an
 * exception, a cancellation, a dropped coroutine, and a deadlock to end with. */
static int other_events(AioEvent *out) {
    static AioTaskRef delayed[2];
    delayed[0] = T3;
    delayed[1] = T4;
    int n = 0;
    out[n++] = spawn(0, T1, LOOP);
    out[n++] = with_detail(AIO_EV_LOOP_START, 0, LOOP, "main");
    out[n++] = with_reason(AIO_EV_RESUME, 0, T1, "first step");
    out[n++] = spawn(0, T2, T1);
    out[n++] = spawn(0, T3, T1);
    out[n++] = spawn(0, T4, T1);
    out[n++] = suspend(0, T1, "sleep(0)", -1);
    out[n++] = with_detail(AIO_EV_CALLBACK, 0, LOOP, "report()");
    out[n++] = with_reason(AIO_EV_RESUME, 0, T2, "first step");
    AioEvent blocking = with_detail(AIO_EV_BLOCKING, 0.25, T2, "time.sleep(0.25)");
    blocking.duration = 0.25;
    blocking.delayed = delayed;
    blocking.delayed_count = 2;
    out[n++] = blocking;
    out[n++] = with_detail(AIO_EV_RAISED, 0.25, T2, "ValueError: boom");
    out[n++] = with_reason(AIO_EV_RESUME, 0.25, T3, "first step");
    out[n++] = with_detail(AIO_EV_NEVER_AWAITED, 0.25, T3, "coroutine 'fetch' created at shop.py:12");
    AioEvent located = suspend(0.25, T3, "Lock.acquire", -1);
    located.file = "shop.py";
    located.line = 14;
    out[n++] = located;
    out[n++] = with_reason(AIO_EV_RESUME, 0.25, T4, "first step");
    out[n++] = event(AIO_EV_CANCELLED, 0.25, T4);
    out[n++] = with_reason(AIO_EV_RESUME, 0.25, T1, "sleep(0)");
    out[n++] = suspend(0.25, T1, "Task-3 (worker)", -1);
    out[n++] = with_detail(AIO_EV_DEADLOCK, 0.25, T1,
                           "deadlock: every task is waiting, and nothing is left to wake one:\n"
                           "  Task-1 waits on Task-3 (worker)\n"
                           "  Task-3 waits on Lock.acquire\n"
                           "deadlock: 2 tasks are waiting and nothing can wake them\n");
    out[n++] = event(AIO_EV_LOOP_END, 0.25, LOOP);
    return n;
}

/* ------------------------------------------------------------- rendering */

static void show(const char *name, const char *text) {
    const char *dir = getenv("HANDOFF_TRACE_SHOW");
    if (dir == NULL) return;
    char path[512];
    snprintf(path, sizeof path, "%s/%s.txt", dir, name);
    FILE *file = fopen(path, "w");
    if (file == NULL) return;
    fputs(text, file);
    fclose(file);
}

/* Renders `events` (and the summary when `summary`) into a string to free. */
static char *render(TraceKind kind, bool colour, int width, const AioEvent *events, int count, bool summary) {
    char *text = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    cr_assert_not_null(out);
    TraceOptions options = {.kind = kind, .out = out, .colour = colour, .width = width};
    Trace *trace = trace_new(&options);
    cr_assert_not_null(trace);
    for (int i = 0; i < count; i++) trace_sink(trace, &events[i]);
    if (summary) trace_finish(trace);
    trace_free(trace);
    fclose(out);
    return text;
}

static char *render_count(TraceKind kind, bool colour, int width, bool summary) {
    AioEvent events[64];
    int count = count_events(events);
    return render(kind, colour, width, events, count, summary);
}

static char *render_others(TraceKind kind, int width) {
    AioEvent events[64];
    int count = other_events(events);
    return render(kind, false, width, events, count, true);
}

/* Columns of one line of UTF-8 (colour sequences excluded). */
static int columns(const char *text, size_t length) {
    int width = 0;
    for (size_t i = 0; i < length; i++) {
        if (text[i] == '\x1b') {
            while (i < length && text[i] != 'm') i++;
            continue;
        }
        if (((unsigned char)text[i] & 0xC0) != 0x80) width++;
    }
    return width;
}

static int widest_line(const char *text) {
    int widest = 0;
    for (const char *line = text; *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t length = end != NULL ? (size_t)(end - line) : strlen(line);
        int width = columns(line, length);
        if (width > widest) widest = width;
        line += length + (end != NULL);
    }
    return widest;
}

/* ---------------------------------------------------- a tiny JSON checker */

typedef struct {
    const char *p;
} Json;

static void json_space(Json *j) {
    while (*j->p == ' ' || *j->p == '\t') j->p++;
}

static bool json_value(Json *j);

static bool json_string(Json *j) {
    if (*j->p != '"') return false;
    j->p++;
    while (*j->p != '"') {
        unsigned char c = (unsigned char)*j->p;
        if (c == '\0' || c < 0x20) return false;
        if (c == '\\') {
            j->p++;
            if (*j->p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (strchr("0123456789abcdefABCDEF", j->p[i]) == NULL || j->p[i] == '\0') return false;
                j->p += 4;
            } else if (strchr("\"\\/bfnrt", *j->p) == NULL || *j->p == '\0') {
                return false;
            }
        }
        j->p++;
    }
    j->p++;
    return true;
}

static bool json_number(Json *j) {
    const char *start = j->p;
    if (*j->p == '-') j->p++;
    if (*j->p == '0') j->p++;
    else if (*j->p >= '1' && *j->p <= '9') while (*j->p >= '0' && *j->p <= '9') j->p++;
    else return false;
    if (*j->p == '.') {
        j->p++;
        if (!(*j->p >= '0' && *j->p <= '9')) return false;
        while (*j->p >= '0' && *j->p <= '9') j->p++;
    }
    return j->p > start;
}

static bool json_sequence(Json *j, char close, bool object) {
    j->p++;
    json_space(j);
    if (*j->p == close) {
        j->p++;
        return true;
    }
    for (;;) {
        json_space(j);
        if (object) {
            if (!json_string(j)) return false;
            json_space(j);
            if (*j->p++ != ':') return false;
        }
        if (!json_value(j)) return false;
        json_space(j);
        if (*j->p == close) {
            j->p++;
            return true;
        }
        if (*j->p++ != ',') return false;
    }
}

static bool json_value(Json *j) {
    json_space(j);
    switch (*j->p) {
    case '{': return json_sequence(j, '}', true);
    case '[': return json_sequence(j, ']', false);
    case '"': return json_string(j);
    case 't': return strncmp(j->p, "true", 4) == 0 && (j->p += 4);
    case 'f': return strncmp(j->p, "false", 5) == 0 && (j->p += 5);
    case 'n': return strncmp(j->p, "null", 4) == 0 && (j->p += 4);
    default: return json_number(j);
    }
}

/* Every line is exactly one JSON object; returns the number of lines. */
static int check_json_lines(const char *text) {
    int lines = 0;
    for (const char *line = text; *line != '\0';) {
        const char *end = strchr(line, '\n');
        cr_assert_not_null(end, "the last line ends with a newline");
        char *copy = strndup(line, (size_t)(end - line));
        Json j = {copy};
        cr_assert(*copy == '{' && json_value(&j) && *j.p == '\0', "not one JSON object: %s", copy);
        free(copy);
        lines++;
        line = end + 1;
    }
    return lines;
}

/* ------------------------------------------------------------------ tests */

Test(trace, log_shows_count_example_hand_offs) {
    char *text = render_count(TRACE_LOG, false, 80, true);
    show("count_log", text);
    cr_assert_str_eq(text,
        "  0.000  loop    + spawns Task-1 main()\n"
        "  0.000  loop    ▶ asyncio.run(main()) starts the loop\n"
        "  0.000  loop    → Task-1 main()  first step\n"
        "  0.000  Task-1  + spawns Task-2 count()\n"
        "  0.000  Task-1  + spawns Task-3 count()\n"
        "  0.000  Task-1  + spawns Task-4 count()\n"
        "  0.000  Task-1  ⇢ gather of 3\n"
        "  0.000  loop    → Task-2 count()  first step\n"
        "  0.000  Task-2  ⇢ sleep(1) until t=1.000\n"
        "  0.000  loop    → Task-3 count()  first step\n"
        "  0.000  Task-3  ⇢ sleep(1) until t=1.000\n"
        "  0.000  loop    → Task-4 count()  first step\n"
        "  0.000  Task-4  ⇢ sleep(1) until t=1.000\n"
        "  0.000  loop    … idle until t=1.000\n"
        "  1.000  loop    → Task-2 count()  timer\n"
        "  1.000  Task-2  ✓ done → None\n"
        "  1.000  loop    → Task-3 count()  timer\n"
        "  1.000  Task-3  ✓ done → None\n"
        "  1.000  loop    → Task-4 count()  timer\n"
        "  1.000  Task-4  ✓ done → None\n"
        "  1.000  loop    → Task-1 main()  future done\n"
        "  1.000  Task-1  ✓ done → None\n"
        "  1.000  loop    ■ asyncio.run() returns\n"
        "summary: loop time 1.000 s, 8 hand-offs, 4 tasks\n"
        "  task    coroutine  running  waiting  resumed  outcome\n"
        "  Task-1  main()       0.000    1.000        2  done\n"
        "  Task-2  count()      0.000    1.000        2  done\n"
        "  Task-3  count()      0.000    1.000        2  done\n"
        "  Task-4  count()      0.000    1.000        2  done\n"
        "longest blocking call: none\n");
    free(text);
}

Test(trace, lanes_give_each_task_a_column_that_closes_when_it_ends) {
    char *text = render_count(TRACE_LANES, false, 80, true);
    show("count_lanes", text);
    cr_assert_str_eq(text,
        "   time  loop  Task-1\n"
        "  0.000  ┃     +       spawned by loop\n"
        "  0.000  ▶     │       run main()\n"
        "  0.000  ┃     →       first step\n"
        "   time  loop  Task-1  Task-2\n"
        "  0.000  │     ┃       +       spawned by Task-1\n"
        "   time  loop  Task-1  Task-2  Task-3\n"
        "  0.000  │     ┃       │       +       spawned by Task-1\n"
        "   time  loop  Task-1  Task-2  Task-3  Task-4\n"
        "  0.000  │     ┃       │       │       +       spawned by Task-1\n"
        "  0.000  │     ⇢       │       │       │       gather of 3\n"
        "  0.000  ┃     │       →       │       │       first step\n"
        "  0.000  │     │       ⇢       │       │       sleep(1) until t=1.000\n"
        "  0.000  ┃     │       │       →       │       first step\n"
        "  0.000  │     │       │       ⇢       │       sleep(1) until t=1.000\n"
        "  0.000  ┃     │       │       │       →       first step\n"
        "  0.000  │     │       │       │       ⇢       sleep(1) until t=1.000\n"
        "  0.000  …     │       │       │       │       idle until t=1.000\n"
        "  1.000  ┃     │       →       │       │       timer\n"
        "  1.000  │     │       ✓       │       │       done → None\n"
        "  1.000  ┃     │               →       │       timer\n"
        "  1.000  │     │               ✓       │       done → None\n"
        "  1.000  ┃     │                       →       timer\n"
        "  1.000  │     │                       ✓       done → None\n"
        "  1.000  ┃     →                               future done\n"
        "  1.000  │     ✓                               done → None\n"
        "  1.000  ■                                     run returns\n"
        "summary: loop time 1.000 s, 8 hand-offs, 4 tasks\n"
        "  task    coroutine  running  waiting  resumed  outcome\n"
        "  Task-1  main()       0.000    1.000        2  done\n"
        "  Task-2  count()      0.000    1.000        2  done\n"
        "  Task-3  count()      0.000    1.000        2  done\n"
        "  Task-4  count()      0.000    1.000        2  done\n"
        "longest blocking call: none\n");
    cr_assert_leq(widest_line(text), 80);
    free(text);
}

Test(trace, jsonl_shows_count_example_one_object_per_line) {
    char *text = render_count(TRACE_JSONL, false, 80, true);
    show("count_jsonl", text);
    cr_assert_eq(check_json_lines(text), 24); /* 23 events (the wake-ups are not shown) and the summary */
    cr_assert_str_eq(text,
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"by\":{\"id\":0,\"name\":\"loop\",\"coro\":null}}\n"
        "{\"t\":0.000,\"event\":\"loop_start\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null},\"main\":\"main\"}\n"
        "{\"t\":0.000,\"event\":\"resume\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"by\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"}}\n"
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"by\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"}}\n"
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"},\"by\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"}}\n"
        "{\"t\":0.000,\"event\":\"suspend\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"on\":\"gather of 3\",\"until\":null}\n"
        "{\"t\":0.000,\"event\":\"resume\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.000,\"event\":\"suspend\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"on\":\"sleep(1)\",\"until\":1.000}\n"
        "{\"t\":0.000,\"event\":\"resume\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.000,\"event\":\"suspend\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"on\":\"sleep(1)\",\"until\":1.000}\n"
        "{\"t\":0.000,\"event\":\"resume\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.000,\"event\":\"suspend\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"},\"on\":\"sleep(1)\",\"until\":1.000}\n"
        "{\"t\":0.000,\"event\":\"idle\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null},\"until\":1.000}\n"
        "{\"t\":1.000,\"event\":\"resume\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"reason\":\"timer\"}\n"
        "{\"t\":1.000,\"event\":\"done\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"result\":\"None\"}\n"
        "{\"t\":1.000,\"event\":\"resume\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"reason\":\"timer\"}\n"
        "{\"t\":1.000,\"event\":\"done\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"result\":\"None\"}\n"
        "{\"t\":1.000,\"event\":\"resume\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"},\"reason\":\"timer\"}\n"
        "{\"t\":1.000,\"event\":\"done\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"},\"result\":\"None\"}\n"
        "{\"t\":1.000,\"event\":\"resume\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"reason\":\"future done\"}\n"
        "{\"t\":1.000,\"event\":\"done\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"result\":\"None\"}\n"
        "{\"t\":1.000,\"event\":\"loop_end\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null}}\n"
        "{\"t\":1.000,\"event\":\"summary\",\"loop_time\":1.000,\"handoffs\":8,\"tasks\":[{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\",\"running\":0.000,\"waiting\":1.000,\"resumed\":2,\"outcome\":\"done\"},{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\",\"running\":0.000,\"waiting\":1.000,\"resumed\":2,\"outcome\":\"done\"},{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\",\"running\":0.000,\"waiting\":1.000,\"resumed\":2,\"outcome\":\"done\"},{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\",\"running\":0.000,\"waiting\":1.000,\"resumed\":2,\"outcome\":\"done\"}],\"longest_blocking\":null}\n");
    free(text);
}

Test(trace, every_event_kind_renders_in_the_log) {
    char *text = render_others(TRACE_LOG, 80);
    show("others_log", text);
    cr_assert_str_eq(text,
        "  0.000  loop    + spawns Task-1 main()\n"
        "  0.000  loop    ▶ asyncio.run(main()) starts the loop\n"
        "  0.000  loop    → Task-1 main()  first step\n"
        "  0.000  Task-1  + spawns Task-2 count()\n"
        "  0.000  Task-1  + spawns Task-3 count()\n"
        "  0.000  Task-1  + spawns Task-4 count()\n"
        "  0.000  Task-1  ⇢ sleep(0)\n"
        "  0.000  loop    ↻ callback report()\n"
        "  0.000  loop    → Task-2 count()  first step\n"
        "  0.250  Task-2  ⚠ blocked the loop for 0.250 s in time.sleep(0.25); delayed Task-3, Task-4\n"
        "  0.250  Task-2  ✗ raised ValueError: boom\n"
        "  0.250  loop    → Task-3 count()  first step\n"
        "  0.250  Task-3  ⚠ never awaited: coroutine 'fetch' created at shop.py:12\n"
        "  0.250  Task-3  ⇢ Lock.acquire  (shop.py:14)\n"
        "  0.250  loop    → Task-4 count()  first step\n"
        "  0.250  Task-4  ⊘ cancelled\n"
        "  0.250  loop    → Task-1 main()  sleep(0)\n"
        "  0.250  Task-1  ⇢ Task-3 (worker)\n"
        "  0.250  loop    ⊗ deadlock: every task is waiting, and nothing is left to wake one:\n"
        "                     Task-1 waits on Task-3 (worker)\n"
        "                     Task-3 waits on Lock.acquire\n"
        "                   deadlock: 2 tasks are waiting and nothing can wake them\n"
        "  0.250  loop    ■ asyncio.run() returns\n"
        "summary: loop time 0.250 s, 5 hand-offs, 4 tasks\n"
        "  task    coroutine  running  waiting  resumed  outcome\n"
        "  Task-1  main()       0.000    0.250        2  waiting\n"
        "  Task-2  count()      0.250    0.000        1  raised\n"
        "  Task-3  count()      0.000    0.250        1  waiting\n"
        "  Task-4  count()      0.000    0.250        1  cancelled\n"
        "longest blocking call: Task-2 held the loop for 0.250 s in time.sleep(0.25)\n");
    free(text);
}

Test(trace, every_event_kind_renders_in_lanes_within_the_width) {
    char *text = render_others(TRACE_LANES, 80);
    show("others_lanes", text);
    cr_assert_str_eq(text,
        "   time  loop  Task-1\n"
        "  0.000  ┃     +       spawned by loop\n"
        "  0.000  ▶     │       run main()\n"
        "  0.000  ┃     →       first step\n"
        "   time  loop  Task-1  Task-2\n"
        "  0.000  │     ┃       +       spawned by Task-1\n"
        "   time  loop  Task-1  Task-2  Task-3\n"
        "  0.000  │     ┃       │       +       spawned by Task-1\n"
        "   time  loop  Task-1  Task-2  Task-3  Task-4\n"
        "  0.000  │     ┃       │       │       +       spawned by Task-1\n"
        "  0.000  │     ⇢       │       │       │       sleep(0)\n"
        "  0.000  ↻     │       │       │       │       callback report()\n"
        "  0.000  ┃     │       →       │       │       first step\n"
        "  0.250  │     │       ⚠       │       │       blocked 0.250 s: time.sleep(0.25…\n"
        "  0.250  │     │       ✗       │       │       ValueError: boom\n"
        "  0.250  ┃     │               →       │       first step\n"
        "  0.250  │     │               ⚠       │       never awaited: coroutine 'fetch'…\n"
        "  0.250  │     │               ⇢       │       Lock.acquire\n"
        "  0.250  ┃     │               │       →       first step\n"
        "  0.250  │     │               │       ⊘       cancelled\n"
        "  0.250  ┃     →               │               sleep(0)\n"
        "  0.250  │     ⇢               │               Task-3 (worker)\n"
        "  0.250  ⊗     │               │               deadlock: every task is waiting,…\n"
        "           Task-1 waits on Task-3 (worker)\n"
        "           Task-3 waits on Lock.acquire\n"
        "         deadlock: 2 tasks are waiting and nothing can wake them\n"
        "  0.250  ■     │               │               run returns\n"
        "summary: loop time 0.250 s, 5 hand-offs, 4 tasks\n"
        "  task    coroutine  running  waiting  resumed  outcome\n"
        "  Task-1  main()       0.000    0.250        2  waiting\n"
        "  Task-2  count()      0.250    0.000        1  raised\n"
        "  Task-3  count()      0.000    0.250        1  waiting\n"
        "  Task-4  count()      0.000    0.250        1  cancelled\n"
        "longest blocking call: Task-2 held the loop for 0.250 s in time.sleep(0.25)\n");
    free(text);
}

Test(trace, every_event_kind_renders_as_json_with_its_fields) {
    char *text = render_others(TRACE_JSONL, 80);
    show("others_jsonl", text);
    check_json_lines(text);
    cr_assert_str_eq(text,
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"by\":{\"id\":0,\"name\":\"loop\",\"coro\":null}}\n"
        "{\"t\":0.000,\"event\":\"loop_start\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null},\"main\":\"main\"}\n"
        "{\"t\":0.000,\"event\":\"resume\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"by\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"}}\n"
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"by\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"}}\n"
        "{\"t\":0.000,\"event\":\"spawn\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"},\"by\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"}}\n"
        "{\"t\":0.000,\"event\":\"suspend\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"on\":\"sleep(0)\",\"until\":null}\n"
        "{\"t\":0.000,\"event\":\"callback\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null},\"callback\":\"report()\"}\n"
        "{\"t\":0.000,\"event\":\"resume\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.250,\"event\":\"blocking\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"what\":\"time.sleep(0.25)\",\"duration\":0.250,\"delayed\":[{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"}]}\n"
        "{\"t\":0.250,\"event\":\"raised\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"exception\":\"ValueError: boom\"}\n"
        "{\"t\":0.250,\"event\":\"resume\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.250,\"event\":\"never_awaited\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"what\":\"coroutine 'fetch' created at shop.py:12\"}\n"
        "{\"t\":0.250,\"event\":\"suspend\",\"task\":{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\"},\"on\":\"Lock.acquire\",\"until\":null,\"file\":\"shop.py\",\"line\":14}\n"
        "{\"t\":0.250,\"event\":\"resume\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"},\"reason\":\"first step\"}\n"
        "{\"t\":0.250,\"event\":\"cancelled\",\"task\":{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\"}}\n"
        "{\"t\":0.250,\"event\":\"resume\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"reason\":\"sleep(0)\"}\n"
        "{\"t\":0.250,\"event\":\"suspend\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"on\":\"Task-3 (worker)\",\"until\":null}\n"
        "{\"t\":0.250,\"event\":\"deadlock\",\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"chain\":\"deadlock: every task is waiting, and nothing is left to wake one:\\n  Task-1 waits on Task-3 (worker)\\n  Task-3 waits on Lock.acquire\\ndeadlock: 2 tasks are waiting and nothing can wake them\\n\"}\n"
        "{\"t\":0.250,\"event\":\"loop_end\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null}}\n"
        "{\"t\":0.250,\"event\":\"summary\",\"loop_time\":0.250,\"handoffs\":5,\"tasks\":[{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\",\"running\":0.000,\"waiting\":0.250,\"resumed\":2,\"outcome\":\"waiting\"},{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\",\"running\":0.250,\"waiting\":0.000,\"resumed\":1,\"outcome\":\"raised\"},{\"id\":3,\"name\":\"Task-3\",\"coro\":\"count\",\"running\":0.000,\"waiting\":0.250,\"resumed\":1,\"outcome\":\"waiting\"},{\"id\":4,\"name\":\"Task-4\",\"coro\":\"count\",\"running\":0.000,\"waiting\":0.250,\"resumed\":1,\"outcome\":\"cancelled\"}],\"longest_blocking\":{\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},\"duration\":0.250,\"what\":\"time.sleep(0.25)\"}}\n");
    free(text);
}

Test(trace, jsonl_escapes_quotes_backslashes_and_control_characters_and_keeps_utf8) {
    AioTaskRef odd = {.id = 7, .name = "naïve \"task\"", .coro = "f\\g"};
    AioEvent events[2];
    events[0] = with_detail(AIO_EV_DONE, 2.5, odd, "'a\"b'\n\t\x01\x1f é → ✓");
    events[1] = with_detail(AIO_EV_RAISED, 3, odd, "bad byte \xff here");
    char *text = render(TRACE_JSONL, false, 80, events, 2, false);
    cr_assert_eq(check_json_lines(text), 2);
    cr_assert_str_eq(text,
        "{\"t\":2.500,\"event\":\"done\",\"task\":{\"id\":7,\"name\":\"naïve \\\"task\\\"\",\"coro\":\"f\\\\g\"},"
        "\"result\":\"'a\\\"b'\\n\\t\\u0001\\u001f é → ✓\"}\n"
        "{\"t\":3.000,\"event\":\"raised\",\"task\":{\"id\":7,\"name\":\"naïve \\\"task\\\"\",\"coro\":\"f\\\\g\"},"
        "\"exception\":\"bad byte \\ufffd here\"}\n");
    free(text);
}

Test(trace, jsonl_times_have_three_decimals_and_impossible_numbers_are_null) {
    AioEvent events[3];
    events[0] = idle(0.0004, 1234.5678);
    events[1] = idle(-0.0004, 1.0 / 0.0);
    events[2] = suspend(12.9995, T2, "sleep(0.5)", 13.4995);
    char *text = render(TRACE_JSONL, false, 80, events, 3, false);
    check_json_lines(text);
    cr_assert_str_eq(text,
        "{\"t\":0.000,\"event\":\"idle\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null},\"until\":1234.568}\n"
        "{\"t\":0.000,\"event\":\"idle\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null},\"until\":null}\n"
        "{\"t\":13.000,\"event\":\"suspend\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"},"
        "\"on\":\"sleep(0.5)\",\"until\":13.500}\n");
    free(text);
}

/* Twenty tasks spawned at once: columns narrow, then the rest share a +N column. */
static int many_events(AioEvent *out, int tasks, AioTaskRef *refs, char names[][16]) {
    int n = 0;
    refs[0] = T1;
    out[n++] = spawn(0, T1, LOOP);
    out[n++] = with_reason(AIO_EV_RESUME, 0, T1, "first step");
    for (int i = 1; i <= tasks; i++) {
        snprintf(names[i], 16, "Task-%d", i + 1);
        refs[i] = (AioTaskRef){.id = i + 1, .name = names[i], .coro = "worker"};
        out[n++] = spawn(0, refs[i], T1);
    }
    out[n++] = suspend(0, T1, "gather of many", -1);
    for (int i = tasks; i >= 1; i--) {
        out[n++] = with_reason(AIO_EV_RESUME, 0.5, refs[i], "first step");
        out[n++] = with_detail(AIO_EV_DONE, 0.5, refs[i], "42");
    }
    return n;
}

Test(trace, lanes_narrow_then_fold_extra_tasks_into_a_plus_column) {
    AioEvent events[128];
    AioTaskRef refs[32];
    char names[32][16];
    int count = many_events(events, 20, refs, names);
    char *text = render(TRACE_LANES, false, 80, events, count, false);
    show("many_lanes_80", text);
    cr_assert_leq(widest_line(text), 80, "every line fits 80 columns");
    cr_assert_not_null(strstr(text, "+11"), "eleven tasks share the +N column:\n%s", text);
    cr_assert_not_null(strstr(text, "Task-21: done → 42"), "a folded task's event names it");
    free(text);

    text = render(TRACE_LANES, false, 40, events, count, false);
    cr_assert_leq(widest_line(text), 40, "even 40 columns hold");
    free(text);
}

Test(trace, lanes_fit_six_tasks_in_80_columns_with_their_names) {
    AioEvent events[64];
    AioTaskRef refs[16];
    char names[16][16];
    int count = many_events(events, 5, refs, names);
    char *text = render(TRACE_LANES, false, 80, events, count, false);
    cr_assert_leq(widest_line(text), 80);
    cr_assert_not_null(strstr(text, "   time  loop  Task-1 Task-2 Task-3 Task-4 Task-5 Task-6\n"), "%s", text);
    free(text);
}

Test(trace, colour_is_stable_per_task_and_absent_when_off) {
    char *text = render_count(TRACE_LOG, true, 80, false);
    cr_assert_not_null(strstr(text, "\x1b[38;5;39mTask-1\x1b[0m  + spawns \x1b[38;5;208mTask-2\x1b[0m count()"));
    cr_assert_not_null(strstr(text, "\x1b[38;5;208mTask-2\x1b[0m  ✓ done → None"));
    cr_assert_not_null(strstr(text, "\x1b[38;5;245mloop\x1b[0m"));
    free(text);
    text = render_count(TRACE_LANES, false, 80, true);
    cr_assert_null(strchr(text, '\x1b'));
    free(text);
    text = render_count(TRACE_LOG, false, 80, true);
    cr_assert_null(strchr(text, '\x1b'));
    free(text);
}

Test(trace, files_are_buffered_and_pipes_are_flushed_per_line) {
    FILE *file = tmpfile();
    cr_assert(trace_buffered_default(file));
    int ends[2];
    cr_assert_eq(pipe(ends), 0);
    FILE *reader = fdopen(ends[0], "r"), *writer = fdopen(ends[1], "w");
    cr_assert_not(trace_buffered_default(writer), "someone may be reading a pipe live");

    /* Flushed per line: each line can be read before the next event arrives. */
    TraceOptions options = {.kind = TRACE_JSONL, .out = writer};
    Trace *trace = trace_new(&options);
    AioEvent first = idle(0, 1);
    trace_sink(trace, &first);
    char line[256];
    cr_assert_not_null(fgets(line, sizeof line, reader));
    cr_assert_str_eq(line, "{\"t\":0.000,\"event\":\"idle\",\"task\":{\"id\":0,\"name\":\"loop\",\"coro\":null},"
                           "\"until\":1.000}\n");
    trace_free(trace);

    /* Buffered: the same text, written when the run ends. */
    options.out = file;
    options.buffered = true;
    trace = trace_new(&options);
    AioEvent events[64];
    int count = count_events(events);
    for (int i = 0; i < count; i++) trace_sink(trace, &events[i]);
    trace_finish(trace);
    trace_free(trace);
    char *expected = render_count(TRACE_JSONL, false, 80, true);
    rewind(file);
    char buffered[8192];
    size_t length = fread(buffered, 1, sizeof buffered - 1, file);
    buffered[length] = '\0';
    cr_assert_str_eq(buffered, expected);
    free(expected);
    fclose(file);
    fclose(reader);
    fclose(writer);
}

static void collect(void *data, const char *line, size_t length) {
    strncat(data, line, length);
}

Test(trace, lines_can_go_to_a_callback_instead_of_a_file) {
    char lines[512] = "";
    TraceOptions options = {.kind = TRACE_LOG, .on_line = collect, .line_data = lines};
    Trace *trace = trace_new(&options);
    AioEvent events[2] = {idle(0, 1.5), idle(2, -1)};
    trace_sink(trace, &events[0]);
    trace_sink(trace, &events[1]);
    trace_free(trace);
    cr_assert_str_eq(lines, "  0.000  loop    … idle until t=1.500\n"
                            "  2.000  loop    … idle: no timer, waiting for input\n");
}

Test(trace, colour_default_is_off_for_files_and_with_NO_COLOR) {
    FILE *file = tmpfile();
    cr_assert_not(trace_colour_default(file), "a file is no terminal");
    fclose(file);
    setenv("NO_COLOR", "1", 1);
    cr_assert_not(trace_colour_default(stderr));
    unsetenv("NO_COLOR");
}

/* The synchronous count(): Task-1 calls time.sleep(1) three times, holding the loop. */
Test(trace, summary_counts_running_waiting_and_the_longest_blocking_call) {
    AioEvent events[16];
    int n = 0;
    events[n++] = spawn(0, T1, LOOP);
    events[n++] = with_detail(AIO_EV_LOOP_START, 0, LOOP, "main");
    events[n++] = with_reason(AIO_EV_RESUME, 0, T1, "first step");
    events[n++] = spawn(0, T2, T1);
    for (int i = 1; i <= 3; i++) {
        AioEvent blocking = with_detail(AIO_EV_BLOCKING, i, T1, "time.sleep(1)");
        blocking.duration = i == 2 ? 1.5 : 1.0; /* the second one overslept */
        blocking.delayed = &T2;
        blocking.delayed_count = 1;
        events[n++] = blocking;
    }
    events[n++] = suspend(3, T1, "Task-2 (count)", -1);
    events[n++] = with_reason(AIO_EV_RESUME, 3, T2, "first step");
    events[n++] = with_detail(AIO_EV_DONE, 3.5, T2, "None");
    events[n++] = with_reason(AIO_EV_RESUME, 3.5, T1, "future done");
    events[n++] = with_detail(AIO_EV_DONE, 3.5, T1, "None");
    events[n++] = event(AIO_EV_LOOP_END, 4, LOOP);
    char *text = render(TRACE_LOG, false, 80, events, n, true);
    const char *summary = strstr(text, "summary:");
    cr_assert_not_null(summary);
    cr_assert_str_eq(summary,
        "summary: loop time 4.000 s, 3 hand-offs, 2 tasks\n"
        "  task    coroutine  running  waiting  resumed  outcome\n"
        "  Task-1  main()       3.000    0.500        2  done\n"
        "  Task-2  count()      0.500    3.000        1  done\n"
        "longest blocking call: Task-1 held the loop for 1.500 s in time.sleep(1)\n");
    free(text);
    text = render(TRACE_JSONL, false, 80, events, n, true);
    check_json_lines(text);
    summary = strstr(text, "{\"t\":4.000,\"event\":\"summary\"");
    cr_assert_not_null(summary);
    cr_assert_str_eq(summary,
        "{\"t\":4.000,\"event\":\"summary\",\"loop_time\":4.000,\"handoffs\":3,\"tasks\":["
        "{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\",\"running\":3.000,\"waiting\":0.500,\"resumed\":2,"
        "\"outcome\":\"done\"},"
        "{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\",\"running\":0.500,\"waiting\":3.000,\"resumed\":1,"
        "\"outcome\":\"done\"}],"
        "\"longest_blocking\":{\"task\":{\"id\":1,\"name\":\"Task-1\",\"coro\":\"main\"},\"duration\":1.500,"
        "\"what\":\"time.sleep(1)\"}}\n");
    free(text);
}

Test(trace, summary_of_many_tasks_lists_twenty_and_sums_the_rest) {
    AioEvent events[128];
    AioTaskRef refs[32];
    char names[32][16];
    int count = many_events(events, 25, refs, names);
    char *text = render(TRACE_LOG, false, 80, events, count, true);
    cr_assert_not_null(strstr(text, "  Task-20  worker()"));
    cr_assert_null(strstr(text, "  Task-21  worker()"));
    cr_assert_not_null(strstr(text, "  … and 6 more tasks: running 0.000 s, waiting 3.000 s in all\n"), "%s", text);
    free(text);
}

Test(trace, off_makes_no_trace_and_finish_writes_the_summary_once) {
    TraceOptions off = {.kind = TRACE_OFF};
    cr_assert_null(trace_new(&off));
    trace_finish(NULL);
    trace_free(NULL);
    char *text = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    TraceOptions options = {.kind = TRACE_JSONL, .out = out};
    Trace *trace = trace_new(&options);
    trace_finish(trace);
    trace_finish(trace);
    trace_free(trace);
    fclose(out);
    cr_assert_str_eq(text, "{\"t\":0.000,\"event\":\"summary\",\"loop_time\":0.000,\"handoffs\":0,\"tasks\":[],"
                           "\"longest_blocking\":null}\n");
    free(text);
}

Test(trace, kinds_are_named_as_on_the_command_line) {
    TraceKind kind = TRACE_OFF;
    cr_assert(trace_kind_from_name("lanes", &kind) && kind == TRACE_LANES);
    cr_assert(trace_kind_from_name("jsonl", &kind) && kind == TRACE_JSONL);
    cr_assert(trace_kind_from_name("log", &kind) && kind == TRACE_LOG);
    cr_assert(trace_kind_from_name("off", &kind) && kind == TRACE_OFF);
    cr_assert(trace_kind_from_name("narrate", &kind) && kind == TRACE_NARRATE);
    cr_assert_not(trace_kind_from_name("story", &kind));
    cr_assert_not(trace_kind_from_name(NULL, &kind));
}

/* ---------------------------------------------------------------- narrate */

Test(trace, narrate_tells_each_hand_off_in_a_sentence) {
    char *text = render_count(TRACE_NARRATE, false, 80, true);
    show("count_narrate", text);
    cr_assert_str_eq(text,
        "  0.000  asyncio.run(main()) wraps main() in Task-1 and starts the loop, which\n"
        "         picks Task-1 main() from the ready queue for its first step.\n"
        "  0.000  main() on Task-1 creates Task-2, Task-3 and Task-4 for count(); they\n"
        "         wait in the ready queue for their first step.\n"
        "  0.000  main() on Task-1 awaits gather of 3: it hands control back to the\n"
        "         loop, which picks Task-2 count() from the ready queue for its first\n"
        "         step.\n"
        "  0.000  count() on Task-2 awaits sleep(1): it hands control back to the loop,\n"
        "         which sets a timer for t=1.000 and picks Task-3 count() from the ready\n"
        "         queue for its first step.\n"
        "  0.000  count() on Task-3 awaits sleep(1): it hands control back to the loop,\n"
        "         which sets a timer for t=1.000 and picks Task-4 count() from the ready\n"
        "         queue for its first step.\n"
        "  0.000  count() on Task-4 awaits sleep(1): it hands control back to the loop,\n"
        "         which sets a timer for t=1.000 and finds nothing ready, so it sleeps\n"
        "         until t=1.000, its next timer.\n"
        "  1.000  The loop picks Task-2 count() from the ready queue (its sleep(1) is\n"
        "         over).\n"
        "  1.000  count() on Task-2 returns None: Task-2 is done and hands control back\n"
        "         to the loop, which picks Task-3 count() from the ready queue (its\n"
        "         sleep(1) is over).\n"
        "  1.000  count() on Task-3 returns None: Task-3 is done and hands control back\n"
        "         to the loop, which picks Task-4 count() from the ready queue (its\n"
        "         sleep(1) is over).\n"
        "  1.000  count() on Task-4 returns None: Task-4 is done and hands control back\n"
        "         to the loop, which picks Task-1 main() from the ready queue (its\n"
        "         gather of 3 is done).\n"
        "  1.000  main() on Task-1 returns None: Task-1 is done and hands control back\n"
        "         to the loop, which stops: asyncio.run() returns.\n"
        "summary: loop time 1.000 s, 8 hand-offs, 4 tasks\n"
        "  task    coroutine  running  waiting  resumed  outcome\n"
        "  Task-1  main()       0.000    1.000        2  done\n"
        "  Task-2  count()      0.000    1.000        2  done\n"
        "  Task-3  count()      0.000    1.000        2  done\n"
        "  Task-4  count()      0.000    1.000        2  done\n"
        "longest blocking call: none\n");
    free(text);
    /* In colour, the sequences take no room: the lines are cut at the same places. */
    char *coloured = render_count(TRACE_NARRATE, true, 80, true);
    cr_assert_leq(widest_line(coloured), 80);
    free(coloured);
}

Test(trace, narrate_tells_every_other_kind) {
    char *wrapped = render_others(TRACE_NARRATE, 80);
    show("others_narrate", wrapped);
    cr_assert_leq(widest_line(wrapped), 80, "%s", wrapped);
    free(wrapped);
    char *text = render_others(TRACE_NARRATE, 1000); /* a sentence a line, to look for them */
    const char *parts[] = {
        "main() on Task-1 awaits sleep(0): it hands control back to the loop, which puts it at the back of the ready queue and runs the callback report().\n",
        "  0.000  The loop picks Task-2 count() from the ready queue for its first step.\n",
        "count() on Task-2 held the loop for 0.250 s in time.sleep(0.25): nothing else could run, so Task-3 and Task-4, which were ready, had to wait.\n",
        "count() on Task-2 raises ValueError: boom; Task-2 fails and hands control back to the loop, which picks Task-3 count()",
        "Warning: the coroutine 'fetch' created at shop.py:12 was dropped without being awaited, so its code never ran.\n",
        "count() on Task-4 is cancelled: Task-4 ends and hands control back to the loop, which picks Task-1 main() from the ready queue again, after its sleep(0).\n",
        "main() on Task-1 awaits Task-3 (worker): it hands control back to the loop.\n",
        "  0.250  Deadlock: 2 tasks are waiting and nothing can wake them:\n"
        "           Task-1 waits on Task-3 (worker)\n"
        "           Task-3 waits on Lock.acquire\n"
        "  0.250  The loop stops: asyncio.run() returns.\n",
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        cr_assert_not_null(strstr(text, parts[i]), "expected\n%s\nin\n%s", parts[i], text);
    free(text);
}

/* Lines sent to a callback, as the REPL receives them. */
static char collected[4096];
static void collect_all(void *data, const char *line, size_t length) {
    (void)data;
    strncat(collected, line, length < sizeof collected - strlen(collected) - 1 ? length : 0);
}

Test(trace, narrate_holds_a_sentence_until_the_loop_moves_and_flush_ends_it) {
    collected[0] = '\0';
    TraceOptions options = {.kind = TRACE_NARRATE, .on_line = collect_all, .width = 1000};
    Trace *trace = trace_new(&options);
    AioEvent events[] = {spawn(0, T2, LOOP), with_reason(AIO_EV_RESUME, 0, T2, "first step"),
                         suspend(0, T2, "sleep(1) until t=1.000", 1.0)};
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) trace_sink(trace, &events[i]);
    cr_assert_str_eq(collected, "  0.000  The task Task-2 for count() is created; it waits in the ready queue for its first step.\n"
                                "  0.000  The loop picks Task-2 count() from the ready queue for its first step.\n",
                     "the suspend waits for the loop's next move: %s", collected);
    trace_flush(trace);
    cr_assert_str_eq(strstr(collected, "  0.000  count() on"),
                     "  0.000  count() on Task-2 awaits sleep(1): it hands control back to the loop, which sets a timer for t=1.000.\n");
    trace_free(trace);
}

/* ------------------------------------------- what the trace leaves out */

Test(trace, asyncio_helper_tasks_and_callbacks_are_not_shown) {
    const AioTaskRef helper = {.id = 5, .name = "Task-5", .coro = "_shutdown_step"};
    AioEvent events[] = {
        spawn(0, T1, LOOP),
        with_reason(AIO_EV_RESUME, 0, T1, "first step"),
        with_detail(AIO_EV_DONE, 0, T1, "None"),
        with_detail(AIO_EV_CALLBACK, 0, LOOP, "_done_callback"),
        with_detail(AIO_EV_CALLBACK, 0, LOOP, "report"),
        spawn(0, helper, LOOP),
        with_reason(AIO_EV_RESUME, 0, helper, "first step"),
        with_detail(AIO_EV_DONE, 0, helper, "None"),
    };
    for (TraceKind kind = TRACE_LOG; kind <= TRACE_NARRATE; kind++) {
        char *text = render(kind, false, 80, events, sizeof events / sizeof events[0], true);
        cr_assert_null(strstr(text, "_shutdown_step"), "%s", text);
        cr_assert_null(strstr(text, "_done_callback"), "%s", text);
        cr_assert_not_null(strstr(text, "report"), "a program's own callback is shown: %s", text);
        cr_assert_null(strstr(text, "Task-5"), "%s", text);
        free(text);
    }
    char *log = render(TRACE_LOG, false, 80, events, sizeof events / sizeof events[0], true);
    cr_assert_not_null(strstr(log, "summary: loop time 0.000 s, 1 hand-off, 1 task\n"), "%s", log);
    free(log);
}

Test(trace, a_wake_is_shown_only_when_its_resume_does_not_follow_at_once) {
    AioEvent events[] = {
        spawn(0, T2, LOOP), spawn(0, T3, LOOP),
        with_reason(AIO_EV_WAKE, 1, T2, "timer"), with_reason(AIO_EV_RESUME, 1, T2, "timer"),
        with_reason(AIO_EV_WAKE, 1, T3, "future done"), with_reason(AIO_EV_RESUME, 1, T2, "sleep(0)"),
        with_reason(AIO_EV_WAKE, 2, T2, "timer"),
    };
    char *text = render(TRACE_LOG, false, 80, events, sizeof events / sizeof events[0], true);
    cr_assert_null(strstr(text, "• timer fired → Task-2 count() ready\n  1.000"), "%s", text);
    cr_assert_not_null(strstr(text, "  1.000  loop    • future done → Task-3 count() ready\n"
                                    "  1.000  loop    → Task-2 count()  sleep(0)\n"), "%s", text);
    cr_assert_not_null(strstr(text, "  2.000  loop    • timer fired → Task-2 count() ready\nsummary"),
                       "a wake held at the end is shown before the summary: %s", text);
    free(text);
}

Test(trace, a_deadlock_on_the_screen_of_the_loops_report_is_one_line) {
    AioEvent events[64];
    int count = other_events(events);
    collected[0] = '\0';
    TraceOptions options = {.kind = TRACE_LOG, .on_line = collect_all};
    Trace *trace = trace_new(&options);
    for (int i = 0; i < count; i++) trace_sink(trace, &events[i]);
    trace_free(trace);
    cr_assert_not_null(strstr(collected, "  0.250  loop    ⊗ deadlock: 2 tasks are waiting and nothing can wake them "
                                         "(the loop's report says who waits on what)\n"
                                         "  0.250  loop    ■ asyncio.run() returns\n"),
                       "%s", collected);
    cr_assert_null(strstr(collected, "waits on Lock.acquire"), "the chain is not repeated: %s", collected);
}

Test(trace, narrate_tells_many_tasks_made_in_a_row_as_a_range) {
    static AioEvent events[210];
    static char names[210][16];
    int n = 0;
    events[n++] = spawn(0, T1, LOOP);
    events[n++] = with_detail(AIO_EV_LOOP_START, 0, LOOP, "main");
    events[n++] = with_reason(AIO_EV_RESUME, 0, T1, "first step");
    for (int i = 2; i <= 201; i++) {
        snprintf(names[i], sizeof names[i], "Task-%d", i);
        events[n++] = spawn(0, (AioTaskRef){.id = i, .name = names[i], .coro = "sleeper"}, T1);
    }
    events[n++] = suspend(0, T1, "gather of 200", -1);
    char *text = render(TRACE_NARRATE, false, 1000, events, n, false);
    cr_assert_not_null(strstr(text, "  0.000  main() on Task-1 creates 200 tasks (Task-2 to Task-201) for sleeper(); "
                                    "they wait in the ready queue for their first step.\n"),
                       "%s", text);
    cr_assert_not_null(strstr(text, "main() on Task-1 awaits gather of 200: it hands control back to the loop.\n"),
                       "trace_free ends the open sentence: %s", text);
    free(text);
}

Test(trace, jsonl_names_a_renamed_task_by_its_new_name) {
    const AioTaskRef renamed = {.id = 2, .name = "worker", .coro = "count"};
    AioEvent events[] = {
        spawn(0, T2, LOOP),
        with_reason(AIO_EV_RESUME, 0, T2, "first step"),
        suspend(0, renamed, "sleep(0)", -1),
        with_reason(AIO_EV_RESUME, 0, renamed, "sleep(0)"),
    };
    char *text = render(TRACE_JSONL, false, 80, events, 4, false);
    cr_assert_not_null(strstr(text, "\"event\":\"resume\",\"task\":{\"id\":2,\"name\":\"Task-2\",\"coro\":\"count\"}"), "%s", text);
    cr_assert_not_null(strstr(text, "\"event\":\"suspend\",\"task\":{\"id\":2,\"name\":\"worker\",\"coro\":\"count\"}"), "%s", text);
    cr_assert_not_null(strstr(text, "\"event\":\"resume\",\"task\":{\"id\":2,\"name\":\"worker\",\"coro\":\"count\"}"), "%s", text);
    free(text);
}
