/* repl.c — the interactive session: a VM and its asyncio loop kept running for
 * as long as the prompt (as under `python -m asyncio`), the entries typed at the
 * prompt (echoed expressions, blocks ended by a blank line, top-level await run
 * as a task), the main loop that shares one event_base between the learner's
 * keys and the tasks, and Ctrl-C, SIGTERM and SIGHUP. Input and output are in
 * repl_term.c, the `:` commands in repl_commands.c. */
#include "repl_internal.h"

#include <errno.h>
#include <event2/event.h>
#include <stdarg.h>
#include <unistd.h>

#include "aio_sync.h"
#include "compiler.h"
#include "exceptions.h"
#include "mod_asyncio.h"

/* After an entry, the loop runs what became ready (up to this many iterations)
 * before the next line is taken: piped input then reads like a session typed
 * by hand, and a task that never stops yielding cannot starve the prompt. */
#define SETTLE_ITERATIONS 100

/* The names a session starts with, as `python -m asyncio` (random when it exists). */
static const char *const PRELOADED_MODULES[] = {"asyncio", "time", "random"};

volatile sig_atomic_t repl_sigint_pending;
volatile sig_atomic_t repl_terminate;
static Repl *signal_repl; /* the session the handlers speak to */

/* ------------------------------------------------------------------ signals */

static void wake_main_loop(void) {
    if (signal_repl == NULL) return;
    int saved = errno;
    char byte = 1;
    ssize_t ignored = write(signal_repl->signal_pipe[1], &byte, 1);
    (void)ignored;
    errno = saved;
}

/* A step the loop runs for the prompt (a background task, or one an `await` at the
 * prompt waits on) must hold the loop this long before Ctrl-C stops it: a short
 * step that Ctrl-C happened to land in is not its target (the line being typed, or
 * the awaited code, which the entry's cancellation reaches). */
#define BACKGROUND_STEP_NS (100 * 1000000LL)

/* Ctrl-C: code that runs gets a KeyboardInterrupt at its next safe point; when
 * the loop only waits (the prompt, a sleep), or runs a short background step, the
 * main loop hears of it instead and the prompt drops the line. */
static void on_sigint(int signal_number) {
    UNUSED(signal_number);
    if (signal_repl == NULL) return;
    AioLoop *loop = signal_repl->loop;
    bool for_prompt = loop != NULL && loop->waiting;
    if (loop != NULL && !for_prompt && loop->iterating) { /* the loop runs tasks for the prompt */
        int64_t started = loop->step_started_ns;
        for_prompt = started == 0 || loop_coarse_ns() - started < BACKGROUND_STEP_NS;
    }
    if (for_prompt) {
        repl_sigint_pending = 1;
        wake_main_loop();
    } else if (signal_repl->vm != NULL) {
        signal_repl->vm->interrupted = 1;
    }
}

static void on_terminate(int signal_number) {
    repl_terminate = signal_number;
    if (signal_repl != NULL && signal_repl->vm != NULL) signal_repl->vm->interrupted = 1;
    wake_main_loop();
}

static void install_signals(Repl *repl) {
    signal_repl = repl;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_sigint;
    sigaction(SIGINT, &action, NULL);
    action.sa_handler = on_terminate;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

/* ------------------------------------------------------------ the session */

static void write_hook(void *data, int stream, const char *bytes, size_t length) {
    term_write(data, stream, bytes, length);
}

static void trace_line(void *data, const char *line, size_t length) { term_write(data, 2, line, length); }

/* Every event goes to :history's ring, and to the trace when it is on. */
static void event_sink(void *data, const AioEvent *event) {
    Repl *repl = data;
    history_sink(repl->history, event);
    if (repl->trace != NULL) trace_sink(repl->trace, event);
}

static void mark_repl(VM *vm, void *data) {
    Repl *repl = data;
    if (repl->entry_task != NULL) gc_mark_object(vm, (Obj *)repl->entry_task);
}

/* Starts (or restarts) the trace with the renderer `name`; false if no such renderer. */
bool repl_set_trace(Repl *repl, const char *name) {
    TraceKind kind;
    if (!trace_kind_from_name(name, &kind)) return false;
    Trace *old = repl->trace;
    repl->trace = NULL;
    trace_free(old);
    FILE *out = repl->trace_out != NULL ? repl->trace_out : stderr;
    TraceOptions options = {.kind = kind,
                            .out = out,
                            .colour = trace_colour_default(out),
                            .width = trace_width_default(out),
                            .buffered = repl->trace_out != NULL && trace_buffered_default(out),
                            .on_line = repl->trace_out != NULL ? NULL : trace_line,
                            .line_data = repl};
    repl->trace = trace_new(&options);
    free(repl->trace_name);
    repl->trace_name = strdup(name);
    return true;
}

static bool session_interrupted(void *data) { return repl_take_interrupt(data); }

static ObjDict *module_dict(VM *vm, const char *name) {
    Value module = dict_get_str(vm->modules, str_intern_cstr(vm, name));
    return IS_MODULE(module) ? AS_MODULE(module)->dict : NULL;
}

/* The loop runs from now on for good: asyncio's loop object exists (as inside
 * asyncio.run) and the prompt's code runs as one of the loop's callbacks. */
static void session_loop_start(Repl *repl) {
    VM *vm = repl->vm;
    ObjDict *asyncio = module_dict(vm, "asyncio");
    Value begin = asyncio != NULL ? dict_get_str(asyncio, str_intern_cstr(vm, "_run_begin")) : EMPTY_VAL;
    if (!IS_EMPTY(begin) && IS_EMPTY(vm_call(vm, begin, 0, NULL))) vm_print_exception(vm, vm_take_exception(vm));
    loop_session_begin(repl->loop);
}

static void session_loop_stop(Repl *repl) {
    loop_session_end(repl->loop);
    repl->loop->loop_object = EMPTY_VAL;
}

static bool module_exists(VM *vm, const char *name) {
    for (int i = 0; i < vm->module_count; i++)
        if (strcmp(vm->module_table[i].name, name) == 0) return true;
    return false;
}

static void preload_modules(Repl *repl) {
    for (size_t i = 0; i < sizeof PRELOADED_MODULES / sizeof PRELOADED_MODULES[0]; i++) {
        if (!module_exists(repl->vm, PRELOADED_MODULES[i])) continue;
        char source[64];
        snprintf(source, sizeof source, "import %s\n", PRELOADED_MODULES[i]);
        repl_run_source(repl, source, "<session>", false);
    }
}

static bool session_open(Repl *repl, LoopClockKind clock, double speed) {
    VM *vm = vm_new();
    if (vm == NULL) return false;
    const ReplOptions *o = &repl->options;
    if (o->max_tasks > 0) vm->max_tasks = o->max_tasks;
    if (o->max_memory > 0) vm->max_memory = o->max_memory;
    vm->seed_given = o->seed_given;
    vm->seed = o->seed;
    AioLoop *loop = loop_install(vm, clock, speed);
    if (loop == NULL) {
        vm_free(vm);
        return false;
    }
    repl->vm = vm;
    repl->loop = loop;
    aio_sync_register();
    asyncio_register(vm);
    vm->write = write_hook;
    vm->write_data = repl;
    vm_add_root_marker(vm, mark_repl, repl);
    repl->history = history_new(1000);
    repl->entry_task = NULL;
    repl->paused = false;
    if (repl->trace_name != NULL && strcmp(repl->trace_name, "off") != 0) {
        char *name = strdup(repl->trace_name);
        repl_set_trace(repl, name);
        free(name);
    }
    loop_set_event_sink(loop, event_sink, repl);
    loop->session_interrupted = session_interrupted;
    loop->session_data = repl;
    preload_modules(repl);
    session_loop_start(repl);
    return true;
}

static void session_close(Repl *repl) {
    if (repl->vm == NULL) return;
    VM *vm = repl->vm;
    session_loop_stop(repl);
    repl->entry_task = NULL;
    gc_collect(vm); /* coroutines never awaited are reported now */
    vm->on_coroutine_dropped = NULL;
    loop_set_event_sink(repl->loop, NULL, NULL);
    vm_free(vm);
    loop_free(repl->loop);
    repl->vm = NULL;
    repl->loop = NULL;
    trace_free(repl->trace);
    repl->trace = NULL;
    history_free(repl->history);
    repl->history = NULL;
}

Repl *repl_new(const ReplOptions *options) {
    Repl *repl = calloc(1, sizeof(Repl));
    if (repl == NULL) {
        fprintf(stderr, "handoff: out of memory\n");
        return NULL;
    }
    repl->options = *options;
    repl->options.trace = NULL;
    repl->options.trace_file = NULL;
    repl->at_line_start = true;
    repl->signal_pipe[0] = repl->signal_pipe[1] = -1;
    if (options->trace_file != NULL) {
        repl->trace_out = fopen(options->trace_file, "w");
        if (repl->trace_out == NULL) {
            fprintf(stderr, "handoff: can't write the trace to '%s': %s\n", options->trace_file, strerror(errno));
            free(repl);
            return NULL;
        }
    }
    const char *trace = options->trace;
    if (trace == NULL) trace = options->trace_file != NULL || isatty(STDERR_FILENO) ? "log" : "off";
    repl->trace_name = strdup(trace);
    commands_install(repl);
    if (pipe(repl->signal_pipe) != 0 || !session_open(repl, options->clock, options->speed)) {
        fprintf(stderr, "handoff: cannot start the session\n");
        repl_free(repl);
        return NULL;
    }
    term_open(repl);
    term_attach(repl);
    install_signals(repl);
    return repl;
}

void repl_free(Repl *repl) {
    if (repl == NULL) return;
    if (repl->vm != NULL) term_detach(repl);
    term_close(repl);
    session_close(repl);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal_repl = NULL;
    commands_free(repl);
    for (ReplLine *line = repl->lines_head, *next; line != NULL; line = next) {
        next = line->next;
        free(line->text);
        free(line);
    }
    if (repl->signal_pipe[0] >= 0) close(repl->signal_pipe[0]);
    if (repl->signal_pipe[1] >= 0) close(repl->signal_pipe[1]);
    if (repl->trace_out != NULL) fclose(repl->trace_out);
    free(repl->trace_name);
    free(repl->source);
    free(repl->ask_prompt);
    free(repl->plain_buffer);
    free(repl);
}

void repl_reset(Repl *repl) {
    LoopClockKind clock = repl->loop->clock;
    double speed = repl->loop->speed;
    term_detach(repl);
    session_close(repl);
    if (!session_open(repl, clock, speed)) {
        fprintf(stderr, "handoff: out of memory\n");
        exit(70);
    }
    term_attach(repl);
}

VM *repl_vm(Repl *repl) { return repl->vm; }
AioLoop *repl_loop(Repl *repl) { return repl->loop; }

/* --------------------------------------------------------------- reporting */

void repl_report_exception(Repl *repl, Value exc) {
    VM *vm = repl->vm;
    if (IS_EXCEPTION(exc) && class_is_subclass(AS_EXCEPTION(exc)->cls, vm->types.SystemExit)) {
        /* exit(), quit(), sys.exit(): leave, with CPython's status. */
        ObjTuple *args = AS_EXCEPTION(exc)->args;
        Value code = args != NULL && args->count > 0 ? args->items[0] : NONE_VAL;
        repl->quit = true;
        if (IS_NONE(code)) repl->exit_status = 0;
        else if (IS_INT(code)) repl->exit_status = (int)(AS_INT(code) & 0xFF);
        else if (IS_BOOL(code)) repl->exit_status = AS_BOOL(code);
        else {
            vm_push_root(vm, exc); /* str() may run Python, and collect */
            Value text = vm_str(vm, code);
            if (!IS_EMPTY(text)) {
                vm_write(vm, 2, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
                vm_write(vm, 2, "\n", 1);
            }
            vm_pop_roots(vm, 1);
            vm->exception = EMPTY_VAL;
            repl->exit_status = 1;
        }
        return;
    }
    vm_print_exception(vm, exc);
    vm->exception = EMPTY_VAL;
}

void repl_print_captured(Repl *repl, char *text, size_t length) {
    if (text != NULL && length > 0) term_write(repl, 1, text, length);
    free(text);
}

void repl_printf(Repl *repl, const char *fmt, ...) {
    va_list args, again;
    va_start(args, fmt);
    va_copy(again, args);
    int length = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    char *text = length >= 0 ? malloc((size_t)length + 1) : NULL;
    if (text != NULL) {
        vsnprintf(text, (size_t)length + 1, fmt, again);
        term_write(repl, 1, text, (size_t)length);
    }
    va_end(again);
    free(text);
}

/* The n-th line (1-based) of `source`, for a SyntaxError's caret. */
static const char *source_line(const char *source, int n, size_t *length) {
    const char *p = source;
    for (int i = 1; i < n && p != NULL; i++) {
        p = strchr(p, '\n');
        if (p != NULL) p++;
    }
    if (p == NULL || *p == '\0') return NULL;
    const char *end = strchr(p, '\n');
    *length = end != NULL ? (size_t)(end - p) : strlen(p);
    return p;
}

static void report_diagnostic(Repl *repl, const Diagnostic *diag, const char *filename, const char *source) {
    VM *vm = repl->vm;
    size_t length = 0;
    const char *line = diag->line > 0 ? source_line(source, diag->line, &length) : NULL;
    ObjException *exc = exception_from_diagnostic(vm, diag, filename, line, length);
    vm_print_exception(vm, OBJ_VAL(exc));
    vm->exception = EMPTY_VAL;
}

/* ----------------------------------------------------------------- entries */

/* The loop raised out of an iteration (KeyboardInterrupt or SystemExit left a
 * task or a callback). The entry's own exception is reported when it finishes. */
void repl_report_escaped(Repl *repl) {
    Value exc = vm_take_exception(repl->vm);
    AioTask *entry = repl->entry_task;
    if (entry != NULL && IS_OBJ(entry->future.exception) && IS_OBJ(exc) &&
        AS_OBJ(entry->future.exception) == AS_OBJ(exc))
        return;
    repl_report_exception(repl, exc);
}

/* Ctrl-C that no running code took: it cancels the entry, if one runs. */
bool repl_take_interrupt(Repl *repl) {
    if (repl->vm->interrupted) {
        repl->vm->interrupted = 0;
        repl_sigint_pending = 1;
    }
    if (!repl_sigint_pending) return false;
    repl_sigint_pending = 0;
    return true;
}

static void entry_stuck(void *data) {
    Repl *repl = data;
    char name[160];
    task_describe(repl->entry_task, name, sizeof name);
    repl_printf(repl, "deadlock: the code waits, but nothing is ready and no timer is set, so "
                      "nothing can wake it; it was cancelled (%s)\n", name);
}

static bool entry_should_stop(void *data) { return ((Repl *)data)->quit || repl_terminate; }

static bool entry_escaped(void *data) {
    repl_report_escaped(data);
    return true;
}

void repl_finish_entry(Repl *repl) {
    VM *vm = repl->vm;
    AioTask *task = repl->entry_task;
    SessionRunHooks hooks = {.data = repl, .on_stuck = entry_stuck, .should_stop = entry_should_stop,
                             .on_escaped = entry_escaped};
    SessionRunEnd end = loop_session_run_until(repl->loop, &task->future, &hooks);
    if (end == SESSION_RUN_STOPPED && repl_terminate) return;
    repl->entry_task = NULL;
    char name[160];
    if (end == SESSION_RUN_STUCK || end == SESSION_RUN_GIVEN_UP) {
        /* It caught its cancellation and waits again: it stays a pending task of the session. */
        task_describe(task, name, sizeof name);
        repl_printf(repl, "%s%s ignored its cancellation and still waits; it is left pending "
                          "(:tasks shows it, :cancel cancels it again)\n",
                    end == SESSION_RUN_GIVEN_UP ? "KeyboardInterrupt: " : "", name);
    } else if (task->future.state == FUTURE_CANCELLED) {
        if (hooks.interrupted) {
            Value interrupt = vm_call(vm, OBJ_VAL(vm->types.KeyboardInterrupt), 0, NULL);
            if (IS_EMPTY(interrupt)) interrupt = vm_take_exception(vm);
            vm_print_exception(vm, interrupt);
        } else if (!hooks.stuck) {
            vm_push_root(vm, OBJ_VAL(task));
            Value result = future_result(vm, &task->future);
            if (IS_EMPTY(result)) repl_report_exception(repl, vm_take_exception(vm));
            vm_pop_roots(vm, 1);
        }
    } else if (task->future.state == FUTURE_FINISHED && !IS_EMPTY(task->future.exception)) {
        repl_report_exception(repl, task->future.exception);
    }
}

/* Runs compiled code in the session's namespace: directly, or, when it awaits
 * at the top level, as a task the loop runs until it is done. */
static bool run_code(Repl *repl, ObjCode *code) {
    VM *vm = repl->vm;
    ObjFunction *function = function_new(vm, code, vm->main_globals);
    vm_push_root(vm, OBJ_VAL(function));
    Value result = vm_call(vm, OBJ_VAL(function), 0, NULL);
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(result)) {
        repl_report_exception(repl, vm_take_exception(vm));
        return false;
    }
    if (!(code->flags & CODE_COROUTINE)) return true;
    vm_push_root(vm, result);
    AioTask *task = task_new(vm, result, NONE_VAL);
    vm_pop_roots(vm, 1);
    if (task == NULL) {
        repl_report_exception(repl, vm_take_exception(vm));
        return false;
    }
    repl->entry_task = task;
    repl_finish_entry(repl);
    return task->future.state == FUTURE_FINISHED && IS_EMPTY(task->future.exception);
}

bool repl_run_source(Repl *repl, const char *source, const char *filename, bool echo) {
    VM *vm = repl->vm;
    size_t length = strlen(source);
    vm_remember_source(vm, filename, source, length);
    Diagnostic diag;
    ObjCode *code = compiler_compile_prompt(vm, source, length, filename, false, echo, &diag);
    if (code == NULL) {
        report_diagnostic(repl, &diag, filename, source);
        return false;
    }
    return run_code(repl, code);
}

bool repl_run_program(Repl *repl, const char *filename, const char *source, size_t length) {
    VM *vm = repl->vm;
    /* As `handoff FILE.py`: the loop is not running, so asyncio.run works. */
    session_loop_stop(repl);
    vm_remember_source(vm, filename, source, length);
    Diagnostic diag;
    bool ok = false;
    ObjCode *code = compiler_compile_source(vm, source, length, filename, false, &diag);
    if (code == NULL) {
        report_diagnostic(repl, &diag, filename, source);
    } else {
        dict_set_str(vm, vm->main_globals, str_intern_cstr(vm, "__file__"),
                     OBJ_VAL(str_from_cstr(vm, filename)));
        Value result = vm_run_module(vm, code, vm->main_globals);
        ok = !IS_EMPTY(result);
        /* As python -i: even SystemExit only prints its traceback; the prompt opens. */
        if (!ok) vm_print_exception(vm, vm_take_exception(vm));
    }
    fflush(stdout);
    session_loop_start(repl);
    return ok;
}

/* --------------------------------------------------------------- the prompt */

static bool is_blank(const char *line) {
    for (; *line != '\0'; line++)
        if (*line != ' ' && *line != '\t' && *line != '\r' && *line != '\f') return false;
    return true;
}

/* A compound statement goes on until a blank line, even when it is complete
 * (`def f(): pass`), as at CPython's prompt. */
static bool starts_block(const char *line) {
    static const char *const keywords[] = {"if", "while", "for", "with", "try", "def", "class", "async", "match"};
    while (*line == ' ' || *line == '\t') line++;
    if (*line == '@') return true;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        size_t n = strlen(keywords[i]);
        if (strncmp(line, keywords[i], n) != 0) continue;
        char next = line[n];
        if (next == ' ' || next == '\t' || next == ':' || next == '(' || next == '\0') {
            /* `match` is a soft keyword: `match = 1` is an assignment. */
            if (strcmp(keywords[i], "match") == 0 && (strchr(line, ':') == NULL || strchr(line, '=') != NULL))
                return false;
            return true;
        }
    }
    return false;
}

static void append_source(Repl *repl, const char *line) {
    size_t n = strlen(line);
    char *grown = realloc(repl->source, repl->source_length + n + 2);
    if (grown == NULL) {
        fprintf(stderr, "handoff: out of memory\n");
        exit(70);
    }
    repl->source = grown;
    memcpy(repl->source + repl->source_length, line, n);
    repl->source_length += n;
    repl->source[repl->source_length++] = '\n';
    repl->source[repl->source_length] = '\0';
}

static void drop_source(Repl *repl) {
    free(repl->source);
    repl->source = NULL;
    repl->source_length = 0;
    repl->block = false;
}

const char *repl_prompt(Repl *repl) {
    if (repl->ask_fn != NULL) return repl->ask_prompt != NULL ? repl->ask_prompt : "";
    return repl->source != NULL ? "... " : ">>> ";
}

/* One line of Python: more lines are needed, or the entry runs. */
static void handle_python_line(Repl *repl, const char *line) {
    bool first = repl->source == NULL;
    if (first && is_blank(line)) return;
    append_source(repl, line);
    if (first) repl->block = starts_block(line);
    bool blank = !first && is_blank(line);
    if (repl->block && !blank) return;
    Diagnostic diag;
    ObjCode *code =
        compiler_compile_prompt(repl->vm, repl->source, repl->source_length, "<stdin>", true, true, &diag);
    if (code == NULL && diag.incomplete && !(repl->block && blank)) return;
    char *source = repl->source;
    repl->source = NULL;
    drop_source(repl);
    if (code == NULL) report_diagnostic(repl, &diag, "<stdin>", source);
    else run_code(repl, code);
    free(source);
}

void repl_ask(Repl *repl, const char *prompt, ReplLineFn fn, void *data) {
    free(repl->ask_prompt);
    repl->ask_prompt = strdup(prompt != NULL ? prompt : "");
    repl->ask_fn = fn;
    repl->ask_data = data;
}

static void handle_line(Repl *repl, char *line) {
    if (line == NULL) { /* Ctrl-D, or the end of piped input */
        if (repl->editing) term_write(repl, 1, "\n", 1);
        else if (repl->source != NULL && repl->block) handle_python_line(repl, ""); /* a file's last block */
        repl->quit = true;
        return;
    }
    if (repl->ask_fn != NULL) {
        ReplLineFn fn = repl->ask_fn;
        void *data = repl->ask_data;
        repl->ask_fn = NULL;
        repl->ask_data = NULL;
        fn(repl, line, data);
        return;
    }
    term_add_history(repl, line);
    const char *p = line;
    while (*p == ' ' || *p == '\t') p++;
    if (repl->source == NULL && *p == ':') {
        commands_run(repl, p + 1);
        return;
    }
    handle_python_line(repl, line);
}

void repl_clear_entry(Repl *repl) { drop_source(repl); }

/* Ctrl-C and SIGTERM/SIGHUP while the prompt waits. */
static bool handle_signals(Repl *repl) {
    if (repl_terminate) return false;
    if (repl_take_interrupt(repl)) term_clear_line(repl);
    return true;
}

/* Waits for input, a signal or (with loop->waiting set) nothing else. */
static void wait_for_input(Repl *repl) {
    repl->loop->waiting = 1;
    if (!repl_sigint_pending && !repl_terminate) event_base_loop(repl->loop->base, EVLOOP_ONCE);
    repl->loop->waiting = 0;
}

/* One iteration of the loop while the prompt is up; returns false when it had nothing to do. */
static bool run_background(Repl *repl) {
    LoopProgress progress = loop_session_iterate(repl->loop, false, -1);
    if (progress == LOOP_ERROR) repl_report_escaped(repl);
    return progress != LOOP_IDLE;
}

int repl_main(Repl *repl) {
    if (repl->editing)
        repl_printf(repl, "handoff %s: Python's asyncio, one hand-off at a time. Type :help for the commands, "
                          ":lessons to start the first lesson, Ctrl-D to leave.\n",
                    HANDOFF_VERSION);
    int settle = 0;
    term_start_reading(repl);
    while (!repl->quit && handle_signals(repl)) {
        bool ready = !repl->paused && loop_has_ready(repl->loop);
        if (ready && settle < SETTLE_ITERATIONS) {
            settle++;
            run_background(repl);
            continue;
        }
        char *line = NULL;
        if (term_take_line(repl, &line)) {
            settle = 0;
            term_stop_reading(repl);
            handle_line(repl, line);
            free(line);
            if (!repl->quit) term_start_reading(repl);
            continue;
        }
        /* The loop is about to wait: what the trace holds back is written first. */
        if (!ready) trace_flush(repl->trace);
        double when;
        if (!repl->paused && (ready || (repl->loop->clock == CLOCK_REAL && loop_next_timer(repl->loop, &when))))
            if (run_background(repl)) continue;
        wait_for_input(repl);
    }
    term_stop_reading(repl);
    if (repl_terminate) repl->exit_status = 128 + repl_terminate;
    return repl->exit_status;
}
