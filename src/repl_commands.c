/* repl_commands.c — the REPL's `:` commands: the table (built in, and those the
 * lessons add), :help and the nearest-name suggestion for a mistyped command,
 * driving the loop (:pause, :resume, :step, :tick, :run, :clock, :speed), seeing
 * inside it (:tasks, :where, :loop, :trace, :history, :cancel, through inspect.h)
 * and the session (:reset, :quit). */
#include "repl_internal.h"

#include <errno.h>
#include <math.h>

/* :history without N shows this many hand-offs. */
#define HISTORY_DEFAULT 20

/* :run SECONDS leaves the loop's clock below this (about 11.5 days): past
 * about 1.6e7 s, loop time plus the clock's resolution (1e-9) rounds back to
 * loop time, and the loop (loop.c's begin_ready_run) no longer runs a timer
 * that is due; a learner's demo never needs more. */
#define LOOP_TIME_LIMIT 1e6

/* ---------------------------------------------------------------- the table */

void repl_add_command(Repl *repl, const char *name, const char *usage, const char *summary, const char *help,
                      ReplCommandFn fn, void *data) {
    ReplCommand *command = NULL;
    for (int i = 0; i < repl->command_count; i++)
        if (strcmp(repl->commands[i].name, name) == 0) command = &repl->commands[i];
    if (command == NULL) {
        if (repl->command_count == repl->command_capacity) {
            int capacity = repl->command_capacity < 16 ? 16 : repl->command_capacity * 2;
            ReplCommand *grown = realloc(repl->commands, sizeof(ReplCommand) * (size_t)capacity);
            if (grown == NULL) return;
            repl->commands = grown;
            repl->command_capacity = capacity;
        }
        command = &repl->commands[repl->command_count++];
    } else {
        free(command->name);
        free(command->usage);
        free(command->summary);
        free(command->help);
    }
    command->name = strdup(name);
    command->usage = strdup(usage != NULL ? usage : name);
    command->summary = strdup(summary != NULL ? summary : "");
    command->help = strdup(help != NULL ? help : "");
    command->fn = fn;
    command->data = data;
}

void repl_set_lesson_names(Repl *repl, ReplNamesFn fn, void *data) {
    repl->lesson_names = fn;
    repl->lesson_names_data = data;
}

const ReplCommand *commands_find(Repl *repl, const char *name) {
    for (int i = 0; i < repl->command_count; i++)
        if (strcmp(repl->commands[i].name, name) == 0) return &repl->commands[i];
    return NULL;
}

void commands_free(Repl *repl) {
    for (int i = 0; i < repl->command_count; i++) {
        free(repl->commands[i].name);
        free(repl->commands[i].usage);
        free(repl->commands[i].summary);
        free(repl->commands[i].help);
    }
    free(repl->commands);
    repl->commands = NULL;
    repl->command_count = repl->command_capacity = 0;
}

/* Levenshtein distance, for "did you mean". */
static size_t edit_distance(const char *a, const char *b) {
    size_t n = strlen(b);
    size_t row[64];
    if (n >= 64) return 64;
    for (size_t j = 0; j <= n; j++) row[j] = j;
    for (size_t i = 1; a[i - 1] != '\0'; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t above = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diagonal + cost;
            if (above + 1 < best) best = above + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[n];
}

void commands_run(Repl *repl, const char *line) {
    char name[64];
    size_t n = 0;
    while (line[n] != '\0' && line[n] != ' ' && line[n] != '\t' && n + 1 < sizeof name) {
        name[n] = line[n];
        n++;
    }
    name[n] = '\0';
    const char *args = line + n;
    while (*args == ' ' || *args == '\t') args++;
    char *trimmed = strdup(args);
    if (trimmed == NULL) return;
    for (size_t end = strlen(trimmed); end > 0 && (trimmed[end - 1] == ' ' || trimmed[end - 1] == '\t');)
        trimmed[--end] = '\0';
    const ReplCommand *command = commands_find(repl, name);
    if (command == NULL) {
        const ReplCommand *nearest = NULL;
        size_t best = 0;
        for (int i = 0; i < repl->command_count; i++) {
            size_t distance = edit_distance(name, repl->commands[i].name);
            if (nearest == NULL || distance < best) nearest = &repl->commands[i], best = distance;
        }
        if (nearest != NULL && best <= 3 && name[0] != '\0')
            repl_printf(repl, "unknown command ':%s'. Did you mean ':%s'? (:help lists the commands)\n", name,
                        nearest->name);
        else
            repl_printf(repl, "unknown command ':%s' (:help lists the commands)\n", name);
    } else {
        /* The table may grow while the command runs (a lesson adds commands). */
        char *usage = strdup(command->usage);
        if (!command->fn(repl, trimmed, command->data) && usage != NULL) repl_printf(repl, "usage: %s\n", usage);
        free(usage);
    }
    free(trimmed);
}

/* ------------------------------------------------------------------ helpers */

/* Runs `show` into a memory stream, then prints it above the prompt. */
#define CAPTURE(repl, out, statement)                              \
    do {                                                           \
        char *captured_text = NULL;                                \
        size_t captured_length = 0;                                \
        FILE *out = open_memstream(&captured_text, &captured_length); \
        if (out == NULL) break;                                    \
        statement;                                                 \
        fclose(out);                                               \
        repl_print_captured(repl, captured_text, captured_length); \
    } while (0)

static bool parse_number(const char *text, double *out) {
    char *end = NULL;
    errno = 0;
    double value = strtod(text, &end);
    if (*text == '\0' || end == NULL || *end != '\0' || errno != 0 || !isfinite(value)) return false;
    *out = value;
    return true;
}

static double loop_now_of(Repl *repl) { return loop_time(repl->vm); }

/* What a ready-queue entry stands for, in a learner's words. */
static void describe_entry(const ReadyEntry *entry, char *buf, size_t size) {
    if (aio_is_task(entry->data)) {
        char task[160];
        task_describe((AioTask *)AS_OBJ(entry->data), task, sizeof task);
        snprintf(buf, size, "a step of %s", task);
    } else if (entry->fn == NULL && ready_entry_handle(entry)->fn == NULL) {
        snprintf(buf, size, "a callback (call_soon, call_later or call_at)");
    } else if (loop_entry_sleep(entry) != NULL || (entry->fn == NULL && ready_entry_handle(entry)->is_timer)) {
        snprintf(buf, size, "a timer's callback (a sleep ends, or a timeout)");
    } else {
        snprintf(buf, size, "a callback of the loop");
    }
}

static void show_loop(Repl *repl) { CAPTURE(repl, out, inspect_loop(repl->loop, out)); }

/* --------------------------------------------------------- driving the loop */

static bool cmd_pause(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] != '\0') return false;
    repl->paused = true;
    repl_printf(repl, "the loop is paused: nothing runs until :step, :tick or :run (or :resume)\n");
    return true;
}

static bool cmd_resume(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] != '\0') return false;
    repl->paused = false;
    repl_printf(repl, "the loop runs\n");
    return true;
}

static bool cmd_step(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] != '\0') return false;
    ReadyEntry ran;
    memset(&ran, 0, sizeof ran);
    char what[200] = "";
    /* Describe it before it runs: a task that finishes may not say much after. */
    ReadyEntry *next = loop_ready_at(repl->loop, 0);
    if (next != NULL && !(next->fn == NULL && ready_entry_handle(next)->cancelled)) describe_entry(next, what, sizeof what);
    LoopProgress progress;
    while ((progress = loop_session_step(repl->loop, &ran)) == LOOP_WOKEN) {
        if (repl_take_interrupt(repl) || repl_terminate) {
            repl_printf(repl, "step interrupted (Ctrl-C) before the first timer was reached\n");
            return true;
        }
    }
    if (progress == LOOP_IDLE) {
        repl_printf(repl, "nothing to step: no task is ready and no timer is set\n");
        return true;
    }
    if (what[0] == '\0' || next == NULL) describe_entry(&ran, what, sizeof what);
    if (progress == LOOP_ERROR) repl_report_escaped(repl);
    repl_printf(repl, "step: ran %s, t=%.3f\n", what, loop_now_of(repl));
    show_loop(repl);
    return true;
}

static bool cmd_tick(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] != '\0') return false;
    LoopProgress progress = loop_session_iterate(repl->loop, true, -1);
    if (progress == LOOP_IDLE) {
        repl_printf(repl, "nothing to run: no task is ready and no timer is set\n");
        return true;
    }
    if (progress == LOOP_ERROR) repl_report_escaped(repl);
    repl_printf(repl, "tick: one iteration of the loop, t=%.3f\n", loop_now_of(repl));
    show_loop(repl);
    return true;
}

static bool cmd_run(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    double seconds = -1;
    if (args[0] != '\0' && (!parse_number(args, &seconds) || seconds < 0)) return false;
    if (seconds >= 0 && loop_now_of(repl) + seconds > LOOP_TIME_LIMIT) {
        repl_printf(repl, "can't run for %g s: the loop's clock stays below %g s (t=%.3f now)\n", seconds,
                    LOOP_TIME_LIMIT, loop_now_of(repl));
        return true;
    }
    double limit = seconds >= 0 ? loop_now_of(repl) + seconds : -1;
    bool interrupted = false;
    while (!repl->quit && !repl_terminate) {
        if (repl_take_interrupt(repl)) {
            interrupted = true;
            break;
        }
        LoopProgress progress = loop_session_iterate(repl->loop, true, limit);
        if (progress == LOOP_ERROR) repl_report_escaped(repl);
        if (progress == LOOP_IDLE) break;
    }
    if (limit >= 0 && !interrupted) loop_session_wait_until(repl->loop, limit);
    int pending = 0;
    for (AioTask *task = repl->loop->tasks_head; task != NULL; task = task->next) pending++;
    repl_printf(repl, "%s at t=%.3f: %d %s pending\n", interrupted ? "stopped (Ctrl-C)" : "ran", loop_now_of(repl),
                pending, pending == 1 ? "task" : "tasks");
    return true;
}

static bool cmd_clock(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] == '\0') {
        repl_printf(repl, "clock: %s, speed %g\n", repl->loop->clock == CLOCK_REAL ? "real" : "virtual",
                    repl->loop->speed);
        return true;
    }
    if (strcmp(args, "real") == 0) loop_set_clock(repl->loop, CLOCK_REAL, 0);
    else if (strcmp(args, "virtual") == 0) loop_set_clock(repl->loop, CLOCK_VIRTUAL, 0);
    else return false;
    repl_printf(repl, "clock: %s\n", args);
    return true;
}

static bool cmd_speed(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    double speed;
    if (!parse_number(args, &speed) || !(speed > 0) || speed > 1e9) return false;
    loop_set_clock(repl->loop, repl->loop->clock, speed);
    repl_printf(repl, "speed: %g (the real clock runs %g times faster)\n", speed, speed);
    return true;
}

/* ------------------------------------------------------------- seeing inside */

static bool cmd_tasks(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] != '\0') return false;
    CAPTURE(repl, out, inspect_tasks(repl->loop, repl->history, out));
    return true;
}

static AioTask *find_task(Repl *repl, const char *spec) {
    const char *why = NULL;
    AioTask *task = inspect_find_task(repl->loop, spec, &why);
    if (task == NULL) repl_printf(repl, "%s\n", why != NULL ? why : "no such task");
    return task;
}

static bool cmd_where(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] == '\0') return false;
    AioTask *task = find_task(repl, args);
    if (task != NULL) CAPTURE(repl, out, inspect_where(repl->loop, task, out));
    return true;
}

static bool cmd_loop(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] != '\0') return false;
    show_loop(repl);
    return true;
}

static bool cmd_trace(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] == '\0') {
        repl_printf(repl, "trace: %s\n", repl->trace_name);
        return true;
    }
    if (!repl_set_trace(repl, args)) return false;
    repl_printf(repl, "trace: %s\n", args);
    return true;
}

static bool cmd_history(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    double n = HISTORY_DEFAULT;
    if (args[0] != '\0' && (!parse_number(args, &n) || n < 1 || n != floor(n) || n > 1e6)) return false;
    CAPTURE(repl, out, history_print(repl->history, (int)n, out));
    return true;
}

static bool cmd_cancel(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] == '\0') return false;
    AioTask *task = find_task(repl, args);
    if (task == NULL) return true;
    char name[160];
    task_describe(task, name, sizeof name);
    if (task->future.state != FUTURE_PENDING) {
        repl_printf(repl, "%s is already done\n", name);
        return true;
    }
    task_cancel(repl->vm, task, NONE_VAL);
    repl_printf(repl, "%s will get CancelledError at its next step%s\n", name,
                repl->paused ? " (the loop is paused: :step or :resume)" : "");
    return true;
}

/* ---------------------------------------------------------------- session */

static bool cmd_reset(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] != '\0') return false;
    repl_reset(repl);
    repl_printf(repl, "a fresh loop and namespace (asyncio, time and random imported)\n");
    return true;
}

static bool cmd_quit(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    UNUSED(args);
    repl->quit = true;
    repl->exit_status = 0;
    return true;
}

static bool cmd_help(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] == ':') args++;
    if (args[0] != '\0') {
        const ReplCommand *command = commands_find(repl, args);
        if (command == NULL) {
            repl_printf(repl, "no command ':%s' (:help lists the commands)\n", args);
            return true;
        }
        repl_printf(repl, "%s\n    %s\n%s%s", command->usage, command->summary, command->help,
                    command->help[0] != '\0' && command->help[strlen(command->help) - 1] != '\n' ? "\n" : "");
        return true;
    }
    StrBuf text;
    strbuf_init(&text);
    strbuf_append_cstr(&text, "Type Python, as at python's prompt (`await` works at the top level).\n"
                              "Commands (:help CMD for more about one):\n");
    for (int i = 0; i < repl->command_count; i++)
        strbuf_appendf(&text, "  %-22s %s\n", repl->commands[i].usage, repl->commands[i].summary);
    strbuf_append_cstr(&text, "Keys: Tab completes, Ctrl-C stops the running code, Ctrl-D leaves.\n");
    term_write(repl, 1, text.data, text.length);
    strbuf_free(&text);
    return true;
}

void commands_install(Repl *repl) {
    static const struct {
        const char *name, *usage, *summary, *help;
        ReplCommandFn fn;
    } builtins[] = {
        {"help", ":help [CMD]", "list the commands, or explain one", "", cmd_help},
        {"pause", ":pause", "pause the loop: nothing runs until :step, :tick, :run or :resume",
         "    Code typed at the prompt still runs, and an `await` at the prompt runs the loop\n"
         "    until it is done; tasks it creates then wait, paused, for you to move the loop.\n",
         cmd_pause},
        {"resume", ":resume", "let the loop run again (tasks run while you type)", "", cmd_resume},
        {"step", ":step", "run exactly one hand-off (one task step or one callback), then show the loop",
         "    Runs the next entry of the ready queue: a task resumes and runs until it gives\n"
         "    control back, or a callback runs. With nothing ready, the loop first moves to\n"
         "    its first timer (the virtual clock jumps; the real clock waits for it).\n",
         cmd_step},
        {"tick", ":tick", "run one loop iteration (everything ready at this instant), then show the loop",
         "    One iteration of the loop (CPython's _run_once): waits for or jumps to the first\n"
         "    timer if nothing is ready, moves due timers to the ready queue, then runs the\n"
         "    handles that were ready at that point; those they schedule wait for the next.\n",
         cmd_tick},
        {"run", ":run [SECONDS]", "run the loop until nothing is left to do, or for SECONDS of loop time",
         "    Without SECONDS, runs until no task is ready and no timer is set (a task that\n"
         "    never ends keeps it running: Ctrl-C stops it). With SECONDS, runs the timers due\n"
         "    in that time and leaves the clock SECONDS later.\n",
         cmd_run},
        {"clock", ":clock [real|virtual]", "show or set the loop's clock",
         "    real: timers fire on the wall clock (times :speed), and tasks run while you type.\n"
         "    virtual: time moves only when code runs or :step, :tick or :run ask; a timer is\n"
         "    reached by jumping to it, at once.\n",
         cmd_clock},
        {"speed", ":speed X", "with the real clock, let time pass X times faster", "", cmd_speed},
        {"tasks", ":tasks", "the tasks: state, what each waits on, since when, times resumed, time running",
         "", cmd_tasks},
        {"where", ":where TASK", "a task's await chain, innermost last, and who awaits it",
         "    TASK is a name (Task-2), an id (#2) or the coroutine's name when one task runs it.\n",
         cmd_where},
        {"loop", ":loop", "the ready queue, the timers and who waits on what", "", cmd_loop},
        {"trace", ":trace [log|lanes|narrate|jsonl|off]", "how the hand-offs are shown as they happen",
         "    log: a line per event; lanes: a column per task; narrate: each hand-off in\n"
         "    plain words; jsonl: one JSON object per event; off: nothing.\n",
         cmd_trace},
        {"history", ":history [N]", "the last N hand-offs (default 20)", "", cmd_history},
        {"cancel", ":cancel TASK", "cancel a task (it gets CancelledError at its next step)", "", cmd_cancel},
        {"reset", ":reset", "a fresh loop and namespace", "", cmd_reset},
        {"quit", ":quit", "leave (as Ctrl-D or exit())", "", cmd_quit},
    };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        repl_add_command(repl, builtins[i].name, builtins[i].usage, builtins[i].summary, builtins[i].help,
                         builtins[i].fn, NULL);
    files_commands_install(repl);
}

void repl_command(Repl *repl, const char *line) { commands_run(repl, line); }
