/* repl_internal.h — the session's state shared by the REPL's files: repl.c (the
 * session, running entries, the main loop), repl_term.c (input, line editing,
 * output above the prompt, history, completion) and repl_commands.c (the `:`
 * commands). Nothing outside the REPL includes it. */
#ifndef HANDOFF_REPL_INTERNAL_H
#define HANDOFF_REPL_INTERNAL_H

#include <signal.h>
#include <stdio.h>

#include "inspect.h"
#include "repl.h"
#include "trace.h"

/* One `:` command. */
typedef struct {
    char *name;          /* without the colon */
    char *usage;         /* ":run [SECONDS]" */
    char *summary;       /* one line for :help */
    char *help;          /* :help NAME; may be several lines */
    ReplCommandFn fn;
    void *data;
} ReplCommand;

/* A line read and not yet handled; `text` NULL stands for the end of input. */
typedef struct ReplLine {
    char *text;
    struct ReplLine *next;
} ReplLine;

struct Repl {
    ReplOptions options;
    char *trace_name;           /* the renderer in use ("off" when none) */

    /* The session: rebuilt by :reset. */
    VM *vm;
    AioLoop *loop;
    Trace *trace;               /* NULL when the trace is off */
    FILE *trace_out;            /* --trace-file, or NULL (lines go above the prompt) */
    History *history;
    AioTask *entry_task;        /* the task running top-level await code, or NULL */
    bool paused;                /* :pause: the loop runs only when asked */

    /* Input. */
    bool editing;               /* libedit on a terminal; false: plain lines */
    bool stdin_tty;             /* plain lines typed on a terminal are not echoed again */
    bool reading;               /* the prompt is up and stdin is watched */
    struct event *stdin_event;
    struct event *signal_event; /* the read end of signal_pipe */
    int signal_pipe[2];         /* the signal handlers write a byte to wake the loop */
    char *plain_buffer;         /* plain mode: bytes read, not yet a whole line */
    size_t plain_length, plain_capacity;
    ReplLine *lines_head, *lines_tail; /* lines read, oldest first */
    char *source;               /* the entry being typed (lines so far), or NULL */
    size_t source_length;
    bool block;                 /* the entry is a compound statement: it ends at a blank line */
    char *history_path;         /* NULL: history is not kept */

    /* Output. */
    bool at_line_start;         /* the last byte written was a newline */
    char *partial;              /* while the prompt is up: the start of a line whose end is to come */
    size_t partial_length;
    int partial_stream;

    /* repl_ask: the next line goes here instead of Python. */
    ReplLineFn ask_fn;
    void *ask_data;
    char *ask_prompt;

    /* Commands. */
    ReplCommand *commands;
    int command_count, command_capacity;
    ReplNamesFn lesson_names;
    void *lesson_names_data;

    bool quit;
    int exit_status;
};

/* Signals, set by the handlers in repl.c. */
extern volatile sig_atomic_t repl_sigint_pending; /* Ctrl-C while nothing ran */
extern volatile sig_atomic_t repl_terminate;      /* SIGTERM or SIGHUP: its number */

/* ---- repl_term.c ---- */
/* Sets up reading: libedit on a terminal (unless options.force_plain), plain lines
 * otherwise; loads the history. */
void term_open(Repl *repl);
void term_close(Repl *repl);
/* Shows the prompt (">>> ", "... " or a question's) and watches stdin; and stops. */
void term_start_reading(Repl *repl);
void term_stop_reading(Repl *repl);
/* Ctrl-C at the prompt: the line is dropped, a fresh prompt shown. */
void term_clear_line(Repl *repl);
/* Writes program output, trace lines and messages above the line being edited. */
void term_write(Repl *repl, int stream, const char *bytes, size_t length);
/* The next line read, or false; *line NULL means the end of input. Caller frees. */
bool term_take_line(Repl *repl, char **line);
void term_add_history(Repl *repl, const char *entry);
/* (Re)binds stdin's event to the session's event_base (after :reset). */
void term_attach(Repl *repl);
void term_detach(Repl *repl);

/* ---- repl_commands.c ---- */
void commands_install(Repl *repl);
void commands_free(Repl *repl);
/* Runs ":name args" (line without the colon). */
void commands_run(Repl *repl, const char *line);
/* The registered command names, for completion. */
const ReplCommand *commands_find(Repl *repl, const char *name);

/* ---- repl_files.c ---- */
/* Adds :load and :export to the table. */
void files_commands_install(Repl *repl);

/* ---- repl.c ---- */
/* Drives the loop until entry_task is done (loop_session_run_until: Ctrl-C cancels
 * it, a second Ctrl-C leaves it pending), then reports it. */
void repl_finish_entry(Repl *repl);
/* Prints an exception raised at the prompt; SystemExit ends the session instead. */
void repl_report_exception(Repl *repl, Value exc);
/* A stream's text (from open_memstream) printed above the prompt; frees it. */
void repl_print_captured(Repl *repl, char *text, size_t length);
/* Starts (or restarts) the trace with renderer `name`; false for no such renderer. */
bool repl_set_trace(Repl *repl, const char *name);
/* True, once, after a Ctrl-C that no running code took. */
bool repl_take_interrupt(Repl *repl);
/* Reports vm->exception after the loop raised out of an iteration. */
void repl_report_escaped(Repl *repl);
/* ">>> ", "... ", or the question's prompt. */
const char *repl_prompt(Repl *repl);
/* Drops the entry being typed (Ctrl-C at the prompt). */
void repl_clear_entry(Repl *repl);

#endif
