/* main.c — the `handoff` command: run a file (`handoff FILE.py`), a string
 * (`-c CODE`) or standard input; open the interactive prompt (no file on a
 * terminal, `-i`, `handoff learn`, `handoff lesson NAME`); print help and
 * version; report compile errors and uncaught exceptions as CPython does. */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aio_sync.h"
#include "compiler.h"
#include "containers.h"
#include "debug.h"
#include "exceptions.h"
#include "lesson.h"
#include "lessons_dir.h"
#include "loop.h"
#include "mod_asyncio.h"
#include "repl.h"
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
          "       handoff learn | handoff lesson NAME [--demo]\n"
          "\n"
          "Run a program written in handoff's Python subset, showing how asyncio hands off control,\n"
          "or type Python at its prompt and drive the loop yourself (see docs/repl.md).\n"
          "\n"
          "Commands:\n"
          "  learn          open the prompt with the list of lessons\n"
          "  lesson NAME    open the prompt on a lesson; --demo: one step per screen, Enter advances\n"
          "\n"
          "Options:\n"
          "  -c CODE        run CODE (a string of Python) as the program\n"
          "  -i             open the prompt after running the program (its names and tasks stay)\n"
          "  --dis          print the bytecode of the program instead of running it\n"
          "  --clock=real|virtual  asyncio's clock: wall time (the default), or a virtual\n"
          "                 clock that jumps to the next timer when nothing is ready\n"
          "  --speed=X      with the real clock, time passes X times faster (default 1)\n"
          "  --trace=log|lanes|narrate|jsonl|off  how to show the hand-offs of control\n"
          "                 (default: log when standard error is a terminal, else off)\n"
          "  --trace-file=F write the trace to F instead of standard error\n"
          "  --max-tasks=N  at most N live tasks (RuntimeError past them)\n"
          "  --max-memory=SIZE  MemoryError past SIZE bytes of objects (512M, 2G, ...)\n"
          "  --seed=N       the random module starts from seed N\n"
          "  --lessons-dir  print the directory handoff reads its lessons from, and exit\n"
          "  -h, --help     show this help and exit\n"
          "  -V, --version  print handoff's version and exit\n"
          "\n"
          "Arguments:\n"
          "  file           a .py file to run; '-' (or none, with input piped) reads standard input\n"
          "  arg ...        passed to the program as sys.argv[1:]\n"
          "\n"
          "Without a file on a terminal, handoff opens its interactive prompt (:help lists its\n"
          "commands); with standard input piped and no -i, it runs standard input as the program.\n"
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
    const char *trace;       /* "log", "lanes", "narrate", "jsonl", "off", or NULL: the default */
    const char *trace_file;  /* NULL: standard error */
    int64_t max_tasks;       /* 0: the VM's default */
    size_t max_memory;       /* 0: the VM's default */
    bool seed_given;
    uint64_t seed;
} RunOptions;

/* "512M", "2G", "64K" or a number of bytes; false when it is none of them. */
static bool parse_size(const char *text, size_t *out) {
    char *end = NULL;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (end == text || errno != 0 || text[0] == '-') return false;
    unsigned long long scale = 1;
    if (*end == 'K' || *end == 'k') scale = 1ull << 10, end++;
    else if (*end == 'M' || *end == 'm') scale = 1ull << 20, end++;
    else if (*end == 'G' || *end == 'g') scale = 1ull << 30, end++;
    if (*end == 'B' || *end == 'b') end++;
    if (*end != '\0' || value == 0 || value > (unsigned long long)SIZE_MAX / scale) return false;
    *out = (size_t)(value * scale);
    return true;
}

/* --max-tasks, --max-memory and --seed, as `--name=VALUE` or `--name VALUE`.
 * Returns how many arguments it took (0: none of them), -1 after an error. */
static int parse_limit_option(int argc, char **argv, int i, RunOptions *options) {
    static const char *const names[] = {"--max-tasks", "--max-memory", "--seed"};
    for (int which = 0; which < 3; which++) {
        size_t n = strlen(names[which]);
        if (strncmp(argv[i], names[which], n) != 0 || (argv[i][n] != '\0' && argv[i][n] != '=')) continue;
        const char *value = argv[i][n] == '=' ? argv[i] + n + 1 : i + 1 < argc ? argv[i + 1] : NULL;
        int taken = argv[i][n] == '=' ? 1 : 2;
        if (value == NULL) {
            fprintf(stderr, "handoff: %s needs a value\n", names[which]);
            return -1;
        }
        char *end = NULL;
        errno = 0;
        if (which == 0) {
            long long tasks = strtoll(value, &end, 10);
            if (*value == '\0' || *end != '\0' || errno != 0 || tasks < 1) {
                fprintf(stderr, "handoff: --max-tasks must be a whole number of at least 1, not '%s'\n", value);
                return -1;
            }
            options->max_tasks = tasks;
        } else if (which == 1) {
            if (!parse_size(value, &options->max_memory)) {
                fprintf(stderr, "handoff: --max-memory must be a size such as 512M or 2G, not '%s'\n", value);
                return -1;
            }
        } else {
            unsigned long long seed = strtoull(value, &end, 10);
            if (*value == '\0' || *value == '-' || *end != '\0' || errno != 0) {
                fprintf(stderr, "handoff: --seed must be a whole number, not '%s'\n", value);
                return -1;
            }
            options->seed_given = true;
            options->seed = seed;
        }
        return taken;
    }
    return 0;
}

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
        TraceKind kind;
        if (!trace_kind_from_name(value, &kind)) {
            fprintf(stderr, "handoff: --trace must be 'log', 'lanes', 'narrate', 'jsonl' or 'off', not '%s'\n",
                    value);
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

/* What the prompt is opened for. */
typedef struct {
    bool inspect;            /* -i: after the program */
    bool learn;              /* handoff learn */
    const char *lesson;      /* handoff lesson NAME */
    bool demo;               /* --demo */
} PromptRequest;

/* The interactive session: after the program (-i), on a lesson, or on its own. */
static int run_prompt(const RunOptions *options, const PromptRequest *request, const char *code_arg,
                      const char *file_arg, int argc, char **argv) {
    ReplOptions repl_options = {.clock = options->clock,
                                .speed = options->speed,
                                .trace = options->trace,
                                .trace_file = options->trace_file,
                                .max_tasks = options->max_tasks,
                                .max_memory = options->max_memory,
                                .seed_given = options->seed_given,
                                .seed = options->seed};
    Repl *repl = repl_new(&repl_options);
    if (repl == NULL) return 70;
    lesson_install(repl);
    VM *vm = repl_vm(repl);
    if (code_arg != NULL) {
        set_argv(vm, argc, argv, "-c");
        repl_run_program(repl, "<string>", code_arg, strlen(code_arg));
    } else if (file_arg != NULL && strcmp(file_arg, "-") != 0) {
        set_argv(vm, argc, argv, file_arg);
        size_t length = 0;
        char *source = read_file(file_arg, &length);
        if (source == NULL) {
            fprintf(stderr, "handoff: can't open file '%s': [Errno %d] %s\n", file_arg, errno, strerror(errno));
            lesson_uninstall(repl);
            repl_free(repl);
            return 2;
        }
        char shown[4096];
        char cwd[3072];
        if (file_arg[0] != '/' && getcwd(cwd, sizeof cwd) != NULL) snprintf(shown, sizeof shown, "%s/%s", cwd, file_arg);
        else snprintf(shown, sizeof shown, "%s", file_arg);
        repl_run_program(repl, shown, source, length);
        free(source);
    } else {
        set_argv(vm, argc, argv, "");
    }
    if ((request->learn || request->lesson != NULL) && !lesson_start(repl, request->lesson, request->demo)) {
        lesson_uninstall(repl);
        repl_free(repl);
        return 2;
    }
    int status = repl_main(repl);
    lesson_uninstall(repl);
    repl_free(repl);
    return status;
}

int main(int argc, char **argv) {
    const char *code_arg = NULL;
    const char *file_arg = NULL;
    bool disassemble = false;
    RunOptions options = {CLOCK_REAL, 1.0, NULL, NULL, 0, 0, false, 0};
    PromptRequest prompt = {false, false, NULL, false};
    int i = 1;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-i") == 0) {
            prompt.inspect = true;
            continue;
        }
        if (strcmp(arg, "--demo") == 0) {
            prompt.demo = true;
            continue;
        }
        int taken = parse_limit_option(argc, argv, i, &options);
        if (taken < 0) {
            fprintf(stderr, "Try 'handoff --help' for more information.\n");
            return 2;
        }
        if (taken > 0) {
            i += taken - 1;
            continue;
        }
        if (strcmp(arg, "learn") == 0 || strcmp(arg, "lesson") == 0) {
            /* Subcommands, as the first word that is no option. */
            if (arg[5] == '\0') {
                prompt.learn = true;
            } else if (i + 1 >= argc || argv[i + 1][0] == '-') {
                fprintf(stderr, "handoff: lesson needs a name: handoff lesson NAME (handoff learn lists them)\n");
                return 2;
            } else {
                prompt.lesson = argv[++i];
            }
            for (i++; i < argc; i++) {
                if (strcmp(argv[i], "--demo") == 0) {
                    prompt.demo = true;
                    continue;
                }
                int option = parse_run_option(argv[i], &options);
                if (option == 0) option = taken = parse_limit_option(argc, argv, i, &options);
                if (option > 0) {
                    if (option == taken) i += taken - 1;
                    continue;
                }
                if (option == 0) fprintf(stderr, "handoff: unknown argument '%s'\n", argv[i]);
                fprintf(stderr, "Try 'handoff --help' for more information.\n");
                return 2;
            }
            break;
        }
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

    if (prompt.demo && prompt.lesson == NULL) {
        fprintf(stderr, "handoff: --demo goes with a lesson: handoff lesson NAME --demo\n");
        return 2;
    }
    bool open_prompt = prompt.inspect || prompt.learn || prompt.lesson != NULL ||
                       (code_arg == NULL && file_arg == NULL && isatty(STDIN_FILENO));
    if (open_prompt && !disassemble)
        return run_prompt(&options, &prompt, prompt.learn || prompt.lesson != NULL ? NULL : code_arg,
                          prompt.learn || prompt.lesson != NULL ? NULL : file_arg, argc - i, argv + i);

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
    if (options.max_tasks > 0) vm->max_tasks = options.max_tasks;
    if (options.max_memory > 0) vm->max_memory = options.max_memory;
    vm->seed_given = options.seed_given;
    vm->seed = options.seed;

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
