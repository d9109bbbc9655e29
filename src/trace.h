/* trace.h — the hand-off trace: a sink for the loop's AioEvents that keeps each
 * task's running and waiting time and renders every event as a log line, as
 * lanes (a column per task) or as a JSON line, then a summary at the end. */
#ifndef HANDOFF_TRACE_H
#define HANDOFF_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "aio_events.h"

/* The renderers. TRACE_OFF makes trace_new return NULL: the loop then has no sink. */
typedef enum {
    TRACE_OFF,
    TRACE_LOG,    /* one aligned line per event (trace_log.c) */
    TRACE_LANES,  /* a column per task, the loop as its own column (trace_lanes.c) */
    TRACE_JSONL,  /* one JSON object per event (trace_jsonl.c) */
    TRACE_NARRATE, /* each hand-off in plain words, for learners (trace_narrate.c) */
} TraceKind;

/* Where a finished line goes instead of `out`, when set: the REPL clears the line
 * being edited, prints the trace line, and redraws. `line` ends with '\n'. */
typedef void (*TraceLineFn)(void *data, const char *line, size_t length);

typedef struct {
    TraceKind kind;
    FILE *out;    /* where lines go (NULL: stderr); the caller opens and closes it */
    bool colour;  /* ANSI colours, one per task (log and lanes); see trace_colour_default */
    int width;    /* terminal columns for lanes (<= 0: trace_width_default(out)) */
    bool buffered; /* false: flush every line; true: leave it to stdio (see trace_buffered_default) */
    TraceLineFn on_line; /* optional: receives each line instead of `out`; the trace then
                          * takes it that they share a screen with standard error */
    void *line_data;     /* on_line's own data */
} TraceOptions;

typedef struct Trace Trace;

/* "log", "lanes", "jsonl", "narrate" or "off" to a kind; false for anything else. */
bool trace_kind_from_name(const char *name, TraceKind *kind);

/* Colour is on when `stream` is a terminal, NO_COLOR is unset or empty, and TERM is not "dumb". */
bool trace_colour_default(FILE *stream);

/* True when `stream` is a regular file or a device that is no terminal (/dev/null):
 * nobody reads it live, so stdio may buffer. Terminals, pipes and sockets: false. */
bool trace_buffered_default(FILE *stream);

/* The terminal's width if `stream` is one, else $COLUMNS, else 80. */
int trace_width_default(FILE *stream);

/* A trace for `options`, or NULL for TRACE_OFF (or when out of memory). */
Trace *trace_new(const TraceOptions *options);

/* The AioEventSink: pass `trace_sink` and the Trace as its data to loop_set_event_sink.
 * Writes one line per event (a deadlock adds its wait-for chain, unless the trace
 * shares standard error's screen, where the loop has printed it), flushed unless
 * buffered. asyncio's own helper tasks and callbacks are not shown, nor a wake-up
 * that the task's resume follows at once (the resume says why). */
void trace_sink(void *trace, const AioEvent *event);

/* Whether the trace leaves out a task running this coroutine, or a callback of this
 * name: asyncio's own helpers (asyncio.run's _shutdown_step, gather's _done_callback, …),
 * which are how asyncio works inside, not hand-offs of the program. The REPL's views
 * leave them out too. */
bool trace_hides_coroutine(const char *coro);
bool trace_hides_callback(const char *name);

/* Writes out what the trace holds back until the next event tells how to say it
 * (narrate's sentence waiting for the loop's next choice, a wake-up) and flushes.
 * The REPL calls it when the loop stops, before it shows the prompt. NULL is ignored. */
void trace_flush(Trace *trace);

/* Writes the summary (total loop time, hand-offs, each task's running and waiting
 * time, the longest blocking call). Only the first call writes; NULL is ignored. */
void trace_finish(Trace *trace);

/* Frees the trace (not its FILE). NULL is ignored. */
void trace_free(Trace *trace);

#endif
