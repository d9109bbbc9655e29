/* main.c — the `handoff` command: run a file (`handoff FILE.py`), a string
 * (`-c CODE`) or standard input; print help and version; report compile
 * errors and uncaught exceptions as CPython does, with its exit statuses. */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compiler.h"
#include "containers.h"
#include "debug.h"
#include "exceptions.h"
#include "parser.h"
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

/* Parses, compiles and runs `source` as __main__. Returns the exit status. */
static int run_source(VM *vm, const char *filename, const char *source, size_t length, bool disassemble) {
    vm_remember_source(vm, filename, source, length);
    Arena arena;
    arena_init(&arena);
    Module *module = NULL;
    Diagnostic diag;
    memset(&diag, 0, sizeof diag);
    if (!parse_source(&arena, source, length, PARSE_FILE, &module, &diag)) {
        arena_free(&arena);
        return report_diagnostic(vm, &diag, filename, source, length);
    }
    ObjCode *code = compiler_compile(vm, module, filename, false, &diag);
    arena_free(&arena);
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
        if (strcmp(arg, "--dis") == 0) {
            disassemble = true;
            continue;
        }
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
        fprintf(stderr, "handoff %s: the interactive prompt is not here yet.\n"
                        "Run a program with 'handoff FILE.py' or 'handoff -c CODE' "
                        "(see 'handoff --help').\n",
                HANDOFF_VERSION);
        return 2;
    }

    VM *vm = vm_new();
    if (vm == NULL) {
        fprintf(stderr, "handoff: out of memory\n");
        return 70;
    }
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
            status = run_source(vm, file_arg, source, length, disassemble);
            free(source);
        }
    }
    fflush(stdout);
    signal_vm = NULL;
    vm_free(vm);
    return status;
}
