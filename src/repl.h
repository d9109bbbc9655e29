/* repl.h — the interactive session: a prompt on the asyncio loop's event_base,
 * line editing through libedit's callback interface (or plain lines when stdin
 * is not a terminal), the `:` commands that drive and inspect the loop, and the
 * hooks the lessons (lesson.c) use to run code and ask the learner questions. */
#ifndef HANDOFF_REPL_H
#define HANDOFF_REPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loop.h"

typedef struct Repl Repl;

typedef struct {
    LoopClockKind clock;        /* --clock */
    double speed;               /* --speed */
    const char *trace;          /* --trace renderer name ("log", "lanes", "narrate", "jsonl", "off"), NULL: default */
    const char *trace_file;     /* --trace-file, or NULL for standard error */
    bool force_plain;           /* read plain lines even on a terminal (tests) */
    int64_t max_tasks;          /* --max-tasks (0: the VM's default) */
    size_t max_memory;          /* --max-memory in bytes (0: the VM's default) */
    bool seed_given;            /* --seed N */
    uint64_t seed;
} ReplOptions;

/* Makes a session (its VM, loop, namespace with asyncio, time and random
 * imported) without starting to read input. NULL with a message on stderr. */
Repl *repl_new(const ReplOptions *options);
void repl_free(Repl *repl);

/* Runs `source` in the session's namespace as if typed at the prompt: an
 * expression statement echoes its repr (unless `echo` is false), top-level
 * `await` works, and the loop runs until the code is done (tasks it created
 * keep running afterwards). An exception prints its traceback. Returns false
 * when the code raised or did not compile. `filename` names it in tracebacks. */
bool repl_run_source(Repl *repl, const char *source, const char *filename, bool echo);

/* Runs a whole program as __main__ before the prompt opens (`handoff -i FILE.py`),
 * with the loop as under `handoff FILE.py` (asyncio.run works); its names stay in
 * the session. false when it did not compile or raised (the traceback is printed). */
bool repl_run_program(Repl *repl, const char *filename, const char *source, size_t length);

/* Reads and runs input until the learner leaves (Ctrl-D, :quit, exit()).
 * Returns the exit status. */
int repl_main(Repl *repl);

/* Text for the learner, printed above the prompt (the line being edited is
 * cleared and redrawn around it). */
void repl_printf(Repl *repl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The next line the learner enters goes to `fn` instead of Python (a
 * prediction, "press Enter to continue"), shown with `prompt`. */
typedef void (*ReplLineFn)(Repl *repl, const char *line, void *data);
void repl_ask(Repl *repl, const char *prompt, ReplLineFn fn, void *data);

/* A `:name ARGS` command. `fn` returns false on a usage error (the REPL then
 * prints `usage`). Commands registered later may add to the built-in table
 * (the lessons add :lessons, :lesson, :next, :back, :again, :edit). */
typedef bool (*ReplCommandFn)(Repl *repl, const char *args, void *data);
void repl_add_command(Repl *repl, const char *name, const char *usage, const char *summary,
                      const char *help, ReplCommandFn fn, void *data);

/* Tab completion of lesson names after `:lesson `: the lessons module gives the list. */
typedef const char *const *(*ReplNamesFn)(void *data, int *count);
void repl_set_lesson_names(Repl *repl, ReplNamesFn fn, void *data);

/* Runs one `:` command line, given without its colon ("run 2"), as if typed at
 * the prompt (tests and the command fuzzer drive the session this way). */
void repl_command(Repl *repl, const char *line);

/* A fresh loop and namespace (:reset); the command table is kept. */
void repl_reset(Repl *repl);

/* The session's VM and loop, for the lessons and the inspection commands. */
VM *repl_vm(Repl *repl);
AioLoop *repl_loop(Repl *repl);

#endif
