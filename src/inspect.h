/* inspect.h — what the REPL's :tasks, :where, :loop, :history and :cancel
 * show: text views of the loop's tasks, ready queue, timers and waiters, and a
 * capped ring of the last hand-off events. Read-only over loop.h and aio.h. */
#ifndef HANDOFF_INSPECT_H
#define HANDOFF_INSPECT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "aio_events.h"
#include "loop.h"
#include "trace.h"

typedef struct History History;

/* :tasks — one row per task of the session (pending ones and those finished
 * since the last :reset, in creation order): id, name, coroutine, state
 * (running / ready / waiting / done / cancelled / failed), what it waits on,
 * since when, times resumed, time spent running. The per-task counts come
 * from `history`, which has seen every event since the session began. */
void inspect_tasks(AioLoop *loop, const History *history, FILE *out);

/* Finds a task by name ("Task-2"), by id ("2" or "#2"), or by coroutine name
 * when only one task runs it. NULL, with the reason in `why` (a static string), if none. */
AioTask *inspect_find_task(AioLoop *loop, const char *spec, const char **why);

/* :where TASK — the task's await chain with source lines, innermost last, and
 * which task awaits it. */
void inspect_where(AioLoop *loop, AioTask *task, FILE *out);

/* :loop — the ready queue in order, timers in deadline order with the time
 * left, and who waits on each Future / Queue / Lock / Event. */
void inspect_loop(AioLoop *loop, FILE *out);

/* :history — a ring of the last `capacity` events (documented in docs/repl.md)
 * and per-task counts (resumes, time running, waiting since). history_sink is
 * an AioEventSink; the REPL calls it beside the trace's sink, always. */
enum {
    HISTORY_DEFAULT_CAPACITY = 1000, /* events kept when history_new is given 0 */
    HISTORY_FINISHED_KEPT = 1000,    /* ended tasks kept in the task table; older ones are counted only */
};

typedef enum { HISTORY_ALIVE, HISTORY_DONE, HISTORY_RAISED, HISTORY_CANCELLED } HistoryOutcome;

/* What the history knows of one task (history.c), for :tasks. */
typedef struct {
    int64_t id;            /* the trace id: 1 for the first task */
    char name[32];         /* its latest name */
    char coro[40];         /* its coroutine's qualified name, "" if unknown */
    double born;           /* loop time of its spawn (or first event seen) */
    double since;          /* loop time its state last changed (spawn, resume, suspend, wake, end) */
    double running;        /* seconds from each resume to the next suspend or end */
    double resumed_at;     /* loop time of the resume it runs from, or -1 */
    int64_t resumes;       /* hand-offs to it */
    HistoryOutcome outcome;
    char waiting_on[64];   /* its latest suspend's words ("sleep(1) until t=1.000") */
    char result[64];       /* done: the result's repr; raised: "ValueError: boom" */
} HistoryTask;

History *history_new(size_t capacity);
void history_sink(void *history, const AioEvent *event);
void history_print(const History *history, int last_n, FILE *out);
void history_clear(History *history);
void history_free(History *history);
/* The task table, in id order: records of pending tasks and the last
 * HISTORY_FINISHED_KEPT ended ones. */
size_t history_task_count(const History *history);
const HistoryTask *history_task_at(const History *history, size_t index);
const HistoryTask *history_task(const History *history, int64_t id); /* NULL if unknown */
uint64_t history_forgotten(const History *history); /* ended tasks no longer in the table */
/* :export — the ring's events, oldest first, rendered as `kind` (TRACE_JSONL or
 * TRACE_LOG) into `out`; the count written, -1 when out of memory. */
long history_export(const History *history, TraceKind kind, FILE *out);
uint64_t history_dropped(const History *history); /* events gone from the ring */
size_t history_capacity(const History *history);  /* events the ring keeps */

#endif
