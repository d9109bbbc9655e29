/* fuzz_vm.c — libFuzzer target: the VM and asyncio on programs generated from a
 * small grammar of handoff's subset (classes, closures, generators, exceptions,
 * tasks that are spawned, awaited, cancelled and timed out). The input bytes are
 * the generator's choices; the program runs on the virtual clock with a trace.
 * HANDOFF_FUZZ_SHOW=1 prints the program for an input, to make a reproducer. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>

#include "aio_sync.h"
#include "compiler.h"
#include "loop.h"
#include "mod_asyncio.h"
#include "trace.h"
#include "vm.h"

/* Bounds that keep one input's run short: every loop is bounded, calls only go
 * to functions defined earlier (no recursion), and the instruction budget ends
 * whatever still runs away. */
#define MAX_DEPTH 3             /* nesting of blocks */
#define MAX_EXPR_DEPTH 3
#define MAX_STATEMENTS 8        /* per block */
#define MAX_FUNCTIONS 4         /* of each kind: def, async def, class */
#define INSTRUCTION_BUDGET 20000
#define MEMORY_CAP ((size_t)256 << 20)

typedef struct {
    const uint8_t *data;
    size_t size, pos;
    char *out;
    size_t length, capacity;
    int indent;
    int depth;                  /* block nesting */
    int loops;                  /* enclosing loops (break/continue allowed) */
    bool in_async;              /* inside an async def: await allowed */
    bool in_function;           /* return allowed */
    int functions, coroutines, classes; /* defined so far: callable by later code */
    bool have_agen, have_gen;
} Gen;

/* The next choice in [0, n): 0 once the input is used up, which is always the
 * choice that ends a construct soonest. */
static unsigned pick(Gen *g, unsigned n) {
    if (g->pos >= g->size || n <= 1) return 0;
    return g->data[g->pos++] % n;
}

static void emit(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emit(Gen *g, const char *fmt, ...) {
    for (;;) {
        va_list args;
        va_start(args, fmt);
        int n = vsnprintf(g->out + g->length, g->capacity - g->length, fmt, args);
        va_end(args);
        if (n >= 0 && (size_t)n < g->capacity - g->length) {
            g->length += (size_t)n;
            return;
        }
        g->capacity = g->capacity * 2 + (size_t)(n > 0 ? n : 0) + 64;
        g->out = realloc(g->out, g->capacity);
        if (g->out == NULL) abort();
    }
}

static void line(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line(Gen *g, const char *fmt, ...) {
    for (int i = 0; i < g->indent; i++) emit(g, "    ");
    char text[512];
    va_list args;
    va_start(args, fmt);
    vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    emit(g, "%s\n", text);
}

/* ------------------------------------------------------------ expressions */

static const char *const NAMES[] = {"x", "y", "z", "n"};
static const char *const ATOMS[] = {
    "0", "1", "2", "-1", "7", "3.5", "10**20", "'ab'", "''", "None", "True", "[1, 2, 3]",
    "(1, 'a')", "{'k': 1}", "{1, 2}", "float('inf')", "-0.0", "'x' * 3", "'\\u00e9x'", "range(3)",
};
static const char *const BINOPS[] = {"+", "-", "*", "//", "%", "**", "<", "==", "!=", ">=",
                                     "and", "or", "in", "is", "&", "|", "^", "<<", ">>", "/"};
static const char *const BUILTINS1[] = {"len", "str", "repr", "sorted", "sum", "min", "max", "abs",
                                        "int", "list", "tuple", "set", "bool", "hash", "type",
                                        "iter", "reversed", "enumerate", "float", "dict"};
static const char *const METHODS[] = {"append(1)", "pop()", "keys()", "upper()", "split()",
                                      "join(['a', 'b'])", "get(1)", "copy()", "count(1)",
                                      "index(1)", "items()", "add(3)", "format(1)", "sort()",
                                      "clear()", "strip()", "values()", "update({})",
                                      "insert(0, 5)", "__len__()"};

static void expr(Gen *g, int depth);

static void name(Gen *g) { emit(g, "%s", NAMES[pick(g, 4)]); }

static void expr(Gen *g, int depth) {
    if (depth >= MAX_EXPR_DEPTH) {
        if (pick(g, 2)) name(g);
        else emit(g, "%s", ATOMS[pick(g, 20)]);
        return;
    }
    switch (pick(g, 18)) {
    case 0: emit(g, "%s", ATOMS[pick(g, 20)]); break;
    case 1: name(g); break;
    case 2:
        emit(g, "(");
        expr(g, depth + 1);
        emit(g, " %s ", BINOPS[pick(g, 20)]);
        expr(g, depth + 1);
        emit(g, ")");
        break;
    case 3:
        emit(g, "%s(", BUILTINS1[pick(g, 20)]);
        expr(g, depth + 1);
        emit(g, ")");
        break;
    case 4:
        name(g);
        emit(g, ".%s", METHODS[pick(g, 20)]);
        break;
    case 5:
        name(g);
        emit(g, "[");
        expr(g, depth + 1);
        emit(g, "]");
        break;
    case 6:
        emit(g, "[");
        expr(g, depth + 1);
        emit(g, " for i in range(%u) if ", pick(g, 5));
        expr(g, depth + 1);
        emit(g, "]");
        break;
    case 7:
        emit(g, "(");
        expr(g, depth + 1);
        emit(g, " if ");
        expr(g, depth + 1);
        emit(g, " else ");
        expr(g, depth + 1);
        emit(g, ")");
        break;
    case 8:
        /* Names only: 3.11's f-strings cannot reuse the quote inside. */
        emit(g, "f'{");
        name(g);
        emit(g, "!r:>%u}-{", pick(g, 8));
        name(g);
        emit(g, "}'");
        break;
    case 9:
        if (g->functions > 0) {
            emit(g, "f%u(", pick(g, (unsigned)g->functions));
            expr(g, depth + 1);
            emit(g, ")");
        } else {
            emit(g, "(lambda v: v * 2)(");
            expr(g, depth + 1);
            emit(g, ")");
        }
        break;
    case 10:
        if (g->classes > 0) {
            emit(g, "K%u(", pick(g, (unsigned)g->classes));
            expr(g, depth + 1);
            emit(g, ")");
        } else {
            emit(g, "object()");
        }
        break;
    case 11:
        emit(g, "{");
        expr(g, depth + 1);
        emit(g, ": i for i in range(%u)}", pick(g, 4));
        break;
    case 12:
        name(g);
        emit(g, "[%d:%d:%d]", (int)pick(g, 5) - 2, (int)pick(g, 5) - 2, pick(g, 2) ? 1 : -1);
        break;
    case 13:
        emit(g, "(not ");
        expr(g, depth + 1);
        emit(g, ")");
        break;
    case 14:
        if (g->have_gen) emit(g, "list(gen(%u))", pick(g, 4));
        else emit(g, "sum(i * i for i in range(%u))", pick(g, 6));
        break;
    case 15:
        emit(g, "isinstance(");
        expr(g, depth + 1);
        emit(g, ", (int, str))");
        break;
    case 16:
        emit(g, "(-");
        expr(g, depth + 1);
        emit(g, ")");
        break;
    default:
        emit(g, "getattr(");
        expr(g, depth + 1);
        emit(g, ", 'v', %u)", pick(g, 3));
        break;
    }
}

/* ------------------------------------------------------------ statements */

static void block(Gen *g);

/* A header line then an indented block. */
static void nested(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void nested(Gen *g, const char *fmt, ...) {
    char text[512];
    va_list args;
    va_start(args, fmt);
    vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    line(g, "%s", text);
    g->indent++;
    g->depth++;
    block(g);
    g->depth--;
    g->indent--;
}

/* A statement as text on one line: expr() writes into the buffer, so the line
 * is started by hand. */
static void begin_line(Gen *g) {
    for (int i = 0; i < g->indent; i++) emit(g, "    ");
}

static const char *const CAUGHT[] = {
    "ValueError", "TypeError", "(KeyError, IndexError)", "ZeroDivisionError", "AttributeError",
    "(NameError, UnboundLocalError)", "asyncio.CancelledError", "TimeoutError", "OverflowError",
    "StopIteration", "AssertionError", "asyncio.InvalidStateError",
};

static void async_statement(Gen *g) {
    unsigned c = g->coroutines > 0 ? pick(g, (unsigned)g->coroutines) : 0;
    bool have = g->coroutines > 0;
    switch (pick(g, 16)) {
    case 0: line(g, "await asyncio.sleep(%s)", pick(g, 2) ? "0.5" : "0"); break;
    case 1:
        if (have) line(g, "tasks.append(asyncio.create_task(c%u(%u)))", c, pick(g, 4));
        else line(g, "tasks.append(asyncio.create_task(asyncio.sleep(%u)))", pick(g, 3));
        break;
    case 2: line(g, "for t in tasks[%u:]: t.cancel(%s)", pick(g, 3), pick(g, 2) ? "'why'" : ""); break;
    case 3:
        nested(g, "try:");
        g->indent++;
        line(g, "await asyncio.wait_for(%s, %s)", have ? "c0(1)" : "asyncio.sleep(2)", pick(g, 2) ? "0.25" : "3");
        g->indent--;
        line(g, "except TimeoutError:");
        line(g, "    print('timed out')");
        break;
    case 4:
        if (g->depth < MAX_DEPTH) nested(g, "async with asyncio.timeout(%s):", pick(g, 2) ? "0.75" : "None");
        break;
    case 5:
        line(g, "r = await asyncio.gather(%s, %s, return_exceptions=%s)", have ? "c0(2)" : "asyncio.sleep(0)",
             have ? "c0(0)" : "asyncio.sleep(1)", pick(g, 2) ? "True" : "False");
        line(g, "print(r)");
        break;
    case 6:
        line(g, "async with asyncio.TaskGroup() as tg:");
        line(g, "    tg.create_task(%s)", have ? "c0(3)" : "asyncio.sleep(0.1)");
        line(g, "    tg.create_task(asyncio.sleep(%u))", pick(g, 3));
        break;
    case 7:
        line(g, "for t in tasks: print(t.done(), t.cancelled())");
        break;
    case 8:
        line(g, "if tasks: print(await tasks[-1])");
        break;
    case 9:
        line(g, "done, pending = await asyncio.wait(tasks or [asyncio.create_task(asyncio.sleep(0))], timeout=%s)",
             pick(g, 2) ? "0.5" : "None");
        line(g, "print(len(done), len(pending))");
        break;
    case 10:
        line(g, "q.put_nowait(%u)", pick(g, 5));
        line(g, "print(await q.get(), q.qsize())");
        break;
    case 11:
        line(g, "async with lock:");
        line(g, "    await asyncio.sleep(0)");
        break;
    case 12:
        if (g->have_agen) {
            line(g, "async for v in agen(%u):", pick(g, 4));
            line(g, "    print(v)");
        } else {
            line(g, "ev.set()");
            line(g, "await ev.wait()");
        }
        break;
    case 13:
        line(g, "if tasks: print(await asyncio.shield(tasks[0]))");
        break;
    case 14:
        line(g, "print(asyncio.current_task() is not None, len(asyncio.all_tasks()))");
        break;
    default:
        if (have) line(g, "print(await c%u(%u))", c, pick(g, 3));
        else line(g, "await asyncio.sleep(0)");
        break;
    }
}

static void statement(Gen *g) {
    unsigned choice = pick(g, g->in_async ? 18 : 15);
    if (choice >= 15) {
        async_statement(g);
        return;
    }
    bool deeper = g->depth < MAX_DEPTH;
    switch (choice) {
    case 0:
        begin_line(g);
        emit(g, "print(");
        expr(g, 0);
        emit(g, ")\n");
        break;
    case 1:
        begin_line(g);
        name(g);
        emit(g, " = ");
        expr(g, 0);
        emit(g, "\n");
        break;
    case 2:
        begin_line(g);
        name(g);
        emit(g, " %s= ", BINOPS[pick(g, 6)]);
        expr(g, 0);
        emit(g, "\n");
        break;
    case 3:
        if (!deeper) break;
        begin_line(g);
        emit(g, "if ");
        expr(g, 0);
        emit(g, ":\n");
        g->indent++, g->depth++;
        block(g);
        g->indent--, g->depth--;
        if (pick(g, 2)) nested(g, "else:");
        break;
    case 4:
        if (!deeper) break;
        g->loops++;
        nested(g, "for i%d in %s:", g->depth, pick(g, 2) ? "range(4)" : "[1, 'a', None]");
        g->loops--;
        break;
    case 5:
        if (!deeper) break;
        line(g, "w%d = 0", g->depth);
        g->loops++;
        nested(g, "while (w%d := w%d + 1) < 5:", g->depth, g->depth);
        g->loops--;
        break;
    case 6:
        if (!deeper) break;
        nested(g, "try:");
        nested(g, "except %s as e%d:", CAUGHT[pick(g, 12)], g->depth);
        if (pick(g, 2)) nested(g, "finally:");
        break;
    case 7:
        if (g->loops > 0) line(g, "%s", pick(g, 2) ? "break" : "continue");
        break;
    case 8:
        if (g->in_function) {
            begin_line(g);
            emit(g, "return ");
            expr(g, 0);
            emit(g, "\n");
        }
        break;
    case 9:
        begin_line(g);
        emit(g, "raise %s(", pick(g, 2) ? "ValueError" : "KeyError");
        expr(g, 0);
        emit(g, ")\n");
        break;
    case 10:
        begin_line(g);
        name(g);
        emit(g, "[");
        expr(g, 1);
        emit(g, "] = ");
        expr(g, 1);
        emit(g, "\n");
        break;
    case 11:
        begin_line(g);
        emit(g, "assert ");
        expr(g, 0);
        emit(g, ", 'no'\n");
        break;
    case 12:
        line(g, "del %s", NAMES[pick(g, 4)]);
        break;
    case 13:
        if (!deeper) break;
        line(g, "with Ctx():");
        g->indent++, g->depth++;
        block(g);
        g->indent--, g->depth--;
        break;
    default:
        begin_line(g);
        name(g);
        emit(g, ".v = ");
        expr(g, 1);
        emit(g, "\n");
        break;
    }
}

/* The exceptions a body's statements are guarded against, so that a program
 * goes on after a TypeError and reaches its tasks. Never RuntimeError (the
 * instruction budget) nor CancelledError (cancellation must propagate). */
#define GUARDED "(ValueError, TypeError, KeyError, IndexError, AttributeError, ZeroDivisionError, " \
                "NameError, AssertionError, OverflowError, StopIteration, TimeoutError)"

static void block(Gen *g) {
    size_t before = g->length;
    unsigned count = 1 + pick(g, MAX_STATEMENTS);
    bool guard = g->depth == 0;
    for (unsigned i = 0; i < count; i++) {
        if (guard && pick(g, 4) != 0) {
            line(g, "try:");
            g->indent++;
            size_t start = g->length;
            statement(g);
            if (g->length == start) line(g, "pass");
            g->indent--;
            line(g, "except " GUARDED " as error:");
            line(g, "    print(type(error).__name__)");
        } else {
            statement(g);
        }
    }
    if (g->length == before) line(g, "pass");
}

/* The locals every body starts from, so that most names are bound. */
static void prologue(Gen *g) {
    line(g, "x, y, z, n = [1, 2], 'ab', {'k': 3}, 4");
}

static void functions(Gen *g) {
    unsigned count = pick(g, MAX_FUNCTIONS + 1);
    for (unsigned i = 0; i < count; i++) {
        switch (pick(g, 4)) {
        case 0: /* def fN */
            line(g, "def f%d(a, b=2, *rest, **kw):", g->functions);
            g->indent++;
            g->in_function = true;
            prologue(g);
            block(g);
            line(g, "return a");
            g->in_function = false;
            g->indent--;
            g->functions++;
            break;
        case 1: /* async def cN */
            line(g, "async def c%d(a):", g->coroutines);
            g->indent++;
            g->in_function = g->in_async = true;
            prologue(g);
            line(g, "tasks = []");
            block(g);
            line(g, "return a");
            g->in_function = g->in_async = false;
            g->indent--;
            g->coroutines++;
            break;
        case 2: /* class KN, with special methods */
            line(g, "class K%d%s:", g->classes, g->classes > 0 ? "(K0)" : "");
            line(g, "    def __init__(self, v=0):");
            line(g, "        self.v = v");
            line(g, "    def __repr__(self):");
            line(g, "        return f'K%d({self.v!r})'", g->classes);
            line(g, "    def __eq__(self, other):");
            line(g, "        return isinstance(other, K%d) and self.v == other.v", g->classes);
            line(g, "    def __hash__(self):");
            line(g, "        return hash(self.v)");
            line(g, "    def __add__(self, other):");
            line(g, "        return K%d(self.v + getattr(other, 'v', other))", g->classes);
            line(g, "    def __len__(self):");
            line(g, "        return %u", pick(g, 3));
            line(g, "    def __iter__(self):");
            line(g, "        yield self.v");
            line(g, "    def __lt__(self, other):");
            line(g, "        return self.v < other");
            g->classes++;
            break;
        default: /* generators, sync and async, and a closure */
            if (!g->have_gen) {
                line(g, "def gen(k):");
                line(g, "    total = 0");
                line(g, "    def add(d):");
                line(g, "        nonlocal total");
                line(g, "        total += d");
                line(g, "        return total");
                line(g, "    for j in range(k):");
                line(g, "        yield add(j)");
                g->have_gen = true;
            } else if (!g->have_agen) {
                line(g, "async def agen(k):");
                line(g, "    for j in range(k):");
                line(g, "        await asyncio.sleep(0.1)");
                line(g, "        yield j");
                g->have_agen = true;
            }
            break;
        }
    }
}

/* The whole program; returns it NUL-terminated (the caller frees it). */
static char *generate(const uint8_t *data, size_t size, size_t *length) {
    Gen g;
    memset(&g, 0, sizeof g);
    g.data = data;
    g.size = size;
    g.capacity = 4096;
    g.out = malloc(g.capacity);
    if (g.out == NULL) abort();
    line(&g, "import asyncio");
    line(&g, "class Ctx:");
    line(&g, "    def __enter__(self):");
    line(&g, "        return self");
    line(&g, "    def __exit__(self, *exc):");
    line(&g, "        return %s", pick(&g, 2) ? "True" : "False");
    line(&g, "q, lock, ev = asyncio.Queue(), asyncio.Lock(), asyncio.Event()");
    functions(&g);
    line(&g, "async def main():");
    g.indent = 1;
    g.in_function = g.in_async = true;
    prologue(&g);
    line(&g, "tasks = []");
    block(&g);
    line(&g, "return tasks");
    g.indent = 0;
    g.in_function = g.in_async = false;
    prologue(&g);
    block(&g);
    line(&g, "print(asyncio.run(main()))");
    *length = g.length;
    return g.out;
}

/* ------------------------------------------------------------ running */

static void discard(void *data, int stream, const char *bytes, size_t length) {
    (void)data, (void)stream, (void)bytes, (void)length;
}

/* The last resort against a program that outlives its instruction budget (a
 * `gather(return_exceptions=True)` swallows the RuntimeError): Ctrl-C, as a
 * learner would press it. */
static VM *running_vm;
static void on_alarm(int signal_number) {
    (void)signal_number;
    if (running_vm != NULL) running_vm->interrupted = 1;
}

static FILE *null_out;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool registered;
    if (!registered) {
        aio_sync_register();
        signal(SIGALRM, on_alarm);
        null_out = fopen("/dev/null", "w");
        registered = true;
    }
    size_t length = 0;
    char *source = generate(data, size, &length);
    if (getenv("HANDOFF_FUZZ_SHOW") != NULL) fputs(source, stdout);

    VM *vm = vm_new();
    vm->write = discard;
    vm->instruction_budget = INSTRUCTION_BUDGET;
    vm->max_memory = MEMORY_CAP;
    AioLoop *loop = loop_install(vm, CLOCK_VIRTUAL, 1.0);
    asyncio_register(vm);
    /* The first byte also picks the trace renderer, so the renderers see every program. */
    TraceOptions options = {.kind = size > 0 ? (TraceKind)(data[0] % 4) : TRACE_OFF,
                            .out = null_out, .width = 100, .buffered = true};
    Trace *trace = trace_new(&options);
    if (trace != NULL) loop_set_event_sink(loop, trace_sink, trace);

    vm_remember_source(vm, "<fuzz>", source, length);
    Diagnostic diag;
    ObjCode *code = compiler_compile_source(vm, source, length, "<fuzz>", false, &diag);
    if (code == NULL) {
        /* The grammar only makes valid programs: a syntax error is the generator's bug. */
        fprintf(stderr, "generated program does not compile: %s (line %d)\n%s", diag.message, diag.line,
                source);
        abort();
    }
    running_vm = vm;
    struct itimerval every_two_seconds = {{2, 0}, {2, 0}}, off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &every_two_seconds, NULL);
    Value result = vm_run_module(vm, code, vm->main_globals);
    if (IS_EMPTY(result)) vm_print_exception(vm, vm_take_exception(vm));
    setitimer(ITIMER_REAL, &off, NULL);
    running_vm = NULL;

    gc_collect(vm);
    vm->on_coroutine_dropped = NULL;
    trace_finish(trace);
    loop_set_event_sink(loop, NULL, NULL);
    vm_free(vm);
    loop_free(loop);
    trace_free(trace);
    free(source);
    return 0;
}
