/* main.c — the `handoff` command: run a file (`handoff FILE.py`), a string
 * (`-c CODE`) or standard input; print help and version; report compile
 * errors and uncaught exceptions as CPython does, with its exit statuses. */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aio_sync.h"
#include "compiler.h"
#include "containers.h"
#include "debug.h"
#include "exceptions.h"
#include "lessons_dir.h"
#include "loop.h"
#include "mod_asyncio.h"
#include "trace.h"
#include "vm.h"

/* Source files larger than this are refused with a clear message. */
#define MAX_SOURCE_BYTES (256u * 1024u * 1024u)

static VM *signal_vm;

static void on_sigint(int signal_number) {
    UNUSED(signal_number);
    if (signal_vm != NULL) signal_vm->interrupted = 1;
}

static void usage(FILE *out) {
    fputs("usage: handoff [option] ... [-c cmd | file | -] [arg] ...\n"
          "\n"
          "Run a program written in handoff's Python subset, showing how asyncio hands off control.\n"
          "\n"
          "Options:\n"
          "  -c CODE        run CODE (a string of Python) as the program\n"
          "  --dis          print the bytecode of the program instead of running it\n"
          "  --clock=real|virtual  asyncio's clock: wall time (the default), or a virtual\n"
          "                 clock that jumps to the next timer when nothing is ready\n"
          "  --speed=X      with the real clock, time passes X times faster (default 1)\n"
          "  --trace=log|lanes|jsonl|off  how to show the hand-offs of control (default:\n"
          "                 log when standard error is a terminal, else off)\n"
          "  --trace-file=F write the trace to F instead of standard error\n"
          "  --lessons-dir  print the directory handoff reads its lessons from, and exit\n"
          "  -h, --help     show this help and exit\n"
          "  -V, --version  print handoff's version and exit\n"
          "\n"
          "Arguments:\n"
          "  file           a .py file to run; '-' (or none, with input piped) reads standard input\n"
          "  arg ...        passed to the program as sys.argv[1:]\n"
          "\n"
          "Without a file on a terminal, handoff will open its interactive prompt (coming soon).\n"
          "Documentation: README.md and docs/ in handoff's source tree.\n",
          out);
}

/* Reads a whole stream; NULL with errno set on failure. */
static char *read_stream(FILE *in, size_t *length) {
    size_t capacity = 64 * 1024, used = 0;
    char *data = malloc(capacity + 1);
    if (data == NULL) return NULL;
    for (;;) {
        if (used == capacity) {
            if (capacity >= MAX_SOURCE_BYTES) {
                free(data);
                errno = EFBIG;
                return NULL;
            }
            capacity *= 2;
            char *grown = realloc(data, capacity + 1);
            if (grown == NULL) {
                free(data);
                return NULL;
            }
            data = grown;
        }
        size_t n = fread(data + used, 1, capacity - used, in);
        used += n;
        if (n == 0) {
            if (ferror(in)) {
                free(data);
                return NULL;
            }
            break;
        }
    }
    data[used] = '\0';
    *length = used;
    return data;
}

static char *read_file(const char *path, size_t *length) {
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) {
        errno = EISDIR;
        return NULL;
    }
    FILE *in = fopen(path, "rb");
    if (in == NULL) return NULL;
    char *data = read_stream(in, length);
    int saved = errno;
    fclose(in);
    errno = saved;
    return data;
}

/* Exit status for an uncaught exception, printing it as CPython does. */
static int report_exception(VM *vm, Value exc) {
    if (IS_EXCEPTION(exc) && class_is_subclass(AS_EXCEPTION(exc)->cls, vm->types.SystemExit)) {
        ObjTuple *args = AS_EXCEPTION(exc)->args;
        Value code = args != NULL && args->count > 0 ? args->items[0] : NONE_VAL;
        if (args != NULL && args->count > 1) code = OBJ_VAL(args);
        if (IS_NONE(code)) return 0;
        if (IS_INT(code)) return (int)(AS_INT(code) & 0xFF);
        if (IS_BOOL(code)) return AS_BOOL(code);
        Value text = vm_str(vm, code);
        if (!IS_EMPTY(text)) {
            vm_write(vm, 2, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
            vm_write(vm, 2, "\n", 1);
        }
        vm->exception = EMPTY_VAL;
        return 1;
    }
    fflush(stdout);
    vm_print_exception(vm, exc);
    vm->exception = EMPTY_VAL;
    if (IS_EXCEPTION(exc) && class_is_subclass(AS_EXCEPTION(exc)->cls, vm->types.KeyboardInterrupt)) return 130;
    return 1;
}

static int report_diagnostic(VM *vm, const Diagnostic *diag, const char *filename, const char *source,
                             size_t length) {
    UNUSED(length);
    size_t line_length = 0;
    const char *line = diag->line > 0 ? vm_source_line(vm, filename, diag->line, &line_length) : NULL;
    UNUSED(source);
    ObjException *exc = exception_from_diagnostic(vm, diag, filename, line, line_length);
    fflush(stdout);
    vm_print_exception(vm, OBJ_VAL(exc));
    vm->exception = EMPTY_VAL;
    return 1;
}

/* The run's options that are not about which program to run. */
typedef struct {
    LoopClockKind clock;
    double speed;
    const char *trace;       /* "log", "lanes", "jsonl", "off", or NULL: the default */
    const char *trace_file;  /* NULL: standard error */
} RunOptions;

/* Parses --clock=, --speed=, --trace=, --trace-file=. Returns 1 if `arg` was one
 * of them, 0 if not, -1 after printing an error for a bad value. */
static int parse_run_option(const char *arg, RunOptions *options) {
    if (strncmp(arg, "--clock=", 8) == 0) {
        const char *value = arg + 8;
        if (strcmp(value, "real") == 0) options->clock = CLOCK_REAL;
        else if (strcmp(value, "virtual") == 0) options->clock = CLOCK_VIRTUAL;
        else {
            fprintf(stderr, "handoff: --clock must be 'real' or 'virtual', not '%s'\n", value);
            return -1;
        }
        return 1;
    }
    if (strncmp(arg, "--speed=", 8) == 0) {
        const char *value = arg + 8;
        char *end = NULL;
        errno = 0;
        double speed = strtod(value, &end);
        if (*value == '\0' || end == NULL || *end != '\0' || errno != 0 || !(speed > 0) || speed > 1e9) {
            fprintf(stderr, "handoff: --speed must be a number greater than 0, not '%s'\n", value);
            return -1;
        }
        options->speed = speed;
        return 1;
    }
    if (strncmp(arg, "--trace=", 8) == 0) {
        const char *value = arg + 8;
        if (strcmp(value, "log") != 0 && strcmp(value, "lanes") != 0 && strcmp(value, "jsonl") != 0 &&
            strcmp(value, "off") != 0) {
            fprintf(stderr, "handoff: --trace must be 'log', 'lanes', 'jsonl' or 'off', not '%s'\n", value);
            return -1;
        }
        options->trace = value;
        return 1;
    }
    if (strncmp(arg, "--trace-file=", 13) == 0) {
        if (arg[13] == '\0') {
            fprintf(stderr, "handoff: --trace-file needs a file name: --trace-file=F\n");
            return -1;
        }
        options->trace_file = arg + 13;
        return 1;
    }
    return 0;
}

/* Parses, compiles and runs `source` as __main__. Returns the exit status. */
static int run_source(VM *vm, const char *filename, const char *source, size_t length, bool disassemble) {
    vm_remember_source(vm, filename, source, length);
    Diagnostic diag;
    ObjCode *code = compiler_compile_source(vm, source, length, filename, false, &diag);
    if (code == NULL) return report_diagnostic(vm, &diag, filename, source, length);
    if (disassemble) {
        debug_disassemble(code, stdout);
        return 0;
    }
    dict_set_str(vm, vm->main_globals, str_intern_cstr(vm, "__file__"), OBJ_VAL(str_from_cstr(vm, filename)));
    Value result = vm_run_module(vm, code, vm->main_globals);
    int status = 0;
    if (IS_EMPTY(result)) status = report_exception(vm, vm_take_exception(vm));
    fflush(stdout);
    return status;
}

static void set_argv(VM *vm, int argc, char **argv, const char *program_name) {
    list_append(vm, vm->argv, OBJ_VAL(str_from_cstr(vm, program_name)));
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (utf8_valid(argv[i], n)) list_append(vm, vm->argv, OBJ_VAL(str_new(vm, argv[i], n)));
    }
}

int main(int argc, char **argv) {
    const char *code_arg = NULL;
    const char *file_arg = NULL;
    bool disassemble = false;
    RunOptions options = {CLOCK_REAL, 1.0, NULL, NULL};
    int i = 1;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
            printf("handoff %s\n", HANDOFF_VERSION);
            return 0;
        }
        if (strcmp(arg, "--lessons-dir") == 0) {
            char dir[4096];
            if (!lessons_find_dir(dir, sizeof dir)) {
                fprintf(stderr, "handoff: no lessons directory found (set HANDOFF_LESSONS_DIR)\n");
                return 1;
            }
            printf("%s\n", dir);
            return 0;
        }
        if (strcmp(arg, "--dis") == 0) {
            disassemble = true;
            continue;
        }
        int option = parse_run_option(arg, &options);
        if (option < 0) {
            fprintf(stderr, "Try 'handoff --help' for more information.\n");
            return 2;
        }
        if (option > 0) continue;
        if (strcmp(arg, "-c") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "handoff: option -c needs an argument: handoff -c CODE\n"
                                "Try 'handoff --help' for more information.\n");
                return 2;
            }
            code_arg = argv[++i];
            i++;
            break;
        }
        if (strncmp(arg, "-c", 2) == 0) {
            code_arg = arg + 2;
            i++;
            break;
        }
        if (strcmp(arg, "--") == 0) {
            i++;
            if (i < argc) file_arg = argv[i++];
            break;
        }
        if (arg[0] == '-' && arg[1] != '\0') {
            fprintf(stderr, "handoff: unknown option '%s'\nTry 'handoff --help' for more information.\n", arg);
            return 2;
        }
        file_arg = arg;
        i++;
        break;
    }

    if (code_arg == NULL && file_arg == NULL && isatty(STDIN_FILENO)) {
        /* Not an error: `make run` lands here until the prompt exists. */
        printf("handoff %s: the interactive prompt is not here yet.\n"
               "Run a program with 'handoff FILE.py' or 'handoff -c CODE' (see 'handoff --help').\n",
               HANDOFF_VERSION);
        return 0;
    }

    VM *vm = vm_new();
    if (vm == NULL) {
        fprintf(stderr, "handoff: out of memory\n");
        return 70;
    }
    AioLoop *loop = loop_install(vm, options.clock, options.speed);
    if (loop == NULL) {
        fprintf(stderr, "handoff: cannot create the event loop\n");
        vm_free(vm);
        return 70;
    }
    aio_sync_register(); /* Queue, Lock, Event, ..., TaskGroup join asyncio when it is imported */
    asyncio_register(vm);

    /* The trace: --trace, or by default a log when standard error is a terminal. */
    FILE *trace_out = stderr;
    if (options.trace_file != NULL) {
        trace_out = fopen(options.trace_file, "w");
        if (trace_out == NULL) {
            fprintf(stderr, "handoff: can't write the trace to '%s': %s\n", options.trace_file, strerror(errno));
            loop_free(loop);
            vm_free(vm);
            return 2;
        }
    }
    TraceOptions trace_options = {.out = trace_out,
                                  .colour = trace_colour_default(trace_out),
                                  .width = trace_width_default(trace_out),
                                  .buffered = trace_buffered_default(trace_out)};
    if (options.trace != NULL) trace_kind_from_name(options.trace, &trace_options.kind);
    else if (options.trace_file != NULL || isatty(STDERR_FILENO)) trace_options.kind = TRACE_LOG;
    else trace_options.kind = TRACE_OFF;
    Trace *trace = disassemble ? NULL : trace_new(&trace_options);
    if (trace != NULL) loop_set_event_sink(loop, trace_sink, trace);
    /* On a terminal, program output and trace lines interleave in true order. */
    if (isatty(STDOUT_FILENO)) setvbuf(stdout, NULL, _IOLBF, 0);

    signal_vm = vm;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);

    int status;
    if (code_arg != NULL) {
        set_argv(vm, argc - i, argv + i, "-c");
        status = run_source(vm, "<string>", code_arg, strlen(code_arg), disassemble);
    } else if (file_arg == NULL || strcmp(file_arg, "-") == 0) {
        set_argv(vm, argc - i, argv + i, file_arg == NULL ? "" : "-");
        size_t length = 0;
        char *source = read_stream(stdin, &length);
        if (source == NULL) {
            fprintf(stderr, "handoff: can't read standard input: %s\n", strerror(errno));
            status = 2;
        } else {
            status = run_source(vm, "<stdin>", source, length, disassemble);
            free(source);
        }
    } else {
        set_argv(vm, argc - i, argv + i, file_arg);
        size_t length = 0;
        char *source = read_file(file_arg, &length);
        if (source == NULL) {
            fprintf(stderr, "handoff: can't open file '%s': [Errno %d] %s\n", file_arg, errno, strerror(errno));
            status = 2;
        } else {
            /* As CPython 3.11: a relative script path is shown prefixed with the
             * working directory (not normalized) in tracebacks and __file__. */
            char shown[4096];
            char cwd[3072];
            if (file_arg[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
                snprintf(shown, sizeof shown, "%s/%s", cwd, file_arg);
            else
                snprintf(shown, sizeof shown, "%s", file_arg);
            status = run_source(vm, shown, source, length, disassemble);
            free(source);
        }
    }
    fflush(stdout);
    /* Coroutines dropped and never awaited are reported now, before the exit. */
    gc_collect(vm);
    vm->on_coroutine_dropped = NULL;
    fflush(stdout);
    trace_finish(trace);
    loop_set_event_sink(loop, NULL, NULL); /* nothing is reported while the VM is freed */
    signal_vm = NULL;
    vm_free(vm);
    loop_free(loop);
    trace_free(trace);
    if (trace_out != stderr) fclose(trace_out);
    return status;
}
