/* history.c — what the REPL remembers of the loop's hand-offs: a capped ring of
 * the last events (for :history, printed as trace log lines) and a table of each
 * task's counts (for :tasks: resumes, time running, since when in its state, how
 * it ended). It is an AioEventSink beside the trace's, and copies what it keeps:
 * an event's strings live only for the call. */
#include <stdlib.h>
#include <string.h>

#include "inspect.h"
#include "trace.h"

enum { HISTORY_DELAYED = 4 }; /* delayed tasks a blocking event keeps by name */

/* One event as the ring keeps it: its strings copied, cut to fit. */
typedef struct {
    AioEventKind kind;
    double time, until, duration;
    int64_t task_id, other_id;
    char task_name[32], task_coro[40];
    char other_name[32], other_coro[40];
    bool task_has_coro, other_has_coro;
    char reason[24];
    bool has_reason, has_detail;
    char detail[240];     /* a deadlock's chain is the longest; cut with "…" past this */
    int delayed_count;    /* BLOCKING: the first HISTORY_DELAYED delayed tasks */
    int64_t delayed_id[HISTORY_DELAYED];
    char delayed_name[HISTORY_DELAYED][32];
    char file[64];
    int line;
} HistoryEvent;

struct History {
    HistoryEvent *ring;
    size_t capacity;      /* events kept */
    size_t head;          /* index of the oldest event */
    size_t count;         /* events in the ring */
    uint64_t seen;        /* events since the last clear (more than count: the oldest were dropped) */

    HistoryTask *tasks;   /* sorted by id */
    size_t task_count, task_capacity;
    size_t finished;      /* records of ended tasks in `tasks` */
    uint64_t forgotten;   /* ended tasks dropped from the table past HISTORY_FINISHED_KEPT */
};

/* Copies `text` into `into`, cutting at a character boundary with "…". */
static void copy_cut(char *into, size_t size, const char *text) {
    if (text == NULL) {
        into[0] = '\0';
        return;
    }
    size_t length = strlen(text);
    if (length < size) {
        memcpy(into, text, length + 1);
        return;
    }
    size_t keep = size - 4;
    while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80) keep--;
    memcpy(into, text, keep);
    memcpy(into + keep, "…", 4);
}

History *history_new(size_t capacity) {
    if (capacity == 0) capacity = HISTORY_DEFAULT_CAPACITY;
    History *history = calloc(1, sizeof *history);
    if (history == NULL) return NULL;
    history->ring = calloc(capacity, sizeof(HistoryEvent));
    if (history->ring == NULL) {
        free(history);
        return NULL;
    }
    history->capacity = capacity;
    return history;
}

void history_clear(History *history) {
    if (history == NULL) return;
    history->head = history->count = 0;
    history->seen = 0;
    history->task_count = history->finished = 0;
    history->forgotten = 0;
}

void history_free(History *history) {
    if (history == NULL) return;
    free(history->tasks);
    free(history->ring);
    free(history);
}

/* ------------------------------------------------------------ the task table */

/* The index of the first record whose id is >= id. */
static size_t lower_bound(const History *history, int64_t id) {
    size_t low = 0, high = history->task_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (history->tasks[middle].id < id) low = middle + 1;
        else high = middle;
    }
    return low;
}

size_t history_task_count(const History *history) { return history != NULL ? history->task_count : 0; }

const HistoryTask *history_task_at(const History *history, size_t index) {
    return history != NULL && index < history->task_count ? &history->tasks[index] : NULL;
}

const HistoryTask *history_task(const History *history, int64_t id) {
    if (history == NULL) return NULL;
    size_t at = lower_bound(history, id);
    return at < history->task_count && history->tasks[at].id == id ? &history->tasks[at] : NULL;
}

uint64_t history_forgotten(const History *history) { return history != NULL ? history->forgotten : 0; }

/* Drops the oldest ended records once more than HISTORY_FINISHED_KEPT are kept,
 * so that a long session's table stays bounded by its pending tasks. */
static void forget_finished(History *history) {
    if (history->finished <= HISTORY_FINISHED_KEPT) return;
    size_t drop = history->finished - HISTORY_FINISHED_KEPT / 2; /* in batches: not once per task */
    size_t kept = 0;
    for (size_t i = 0; i < history->task_count; i++) {
        if (drop > 0 && history->tasks[i].outcome != HISTORY_ALIVE) {
            drop--;
            history->finished--;
            history->forgotten++;
            continue;
        }
        history->tasks[kept++] = history->tasks[i];
    }
    history->task_count = kept;
}

/* The record of the task `ref` names, made (in id order) the first time. */
static HistoryTask *touch_task(History *history, const AioTaskRef *ref, double now) {
    if (ref->id <= 0) return NULL;
    size_t at = lower_bound(history, ref->id);
    if (at == history->task_count || history->tasks[at].id != ref->id) {
        if (history->task_count == history->task_capacity) {
            size_t capacity = history->task_capacity < 16 ? 16 : history->task_capacity * 2;
            HistoryTask *tasks = realloc(history->tasks, capacity * sizeof(HistoryTask));
            if (tasks == NULL) return NULL;
            history->tasks = tasks;
            history->task_capacity = capacity;
        }
        memmove(&history->tasks[at + 1], &history->tasks[at], (history->task_count - at) * sizeof(HistoryTask));
        history->task_count++;
        HistoryTask *task = &history->tasks[at];
        memset(task, 0, sizeof *task);
        task->id = ref->id;
        task->born = task->since = now;
        task->resumed_at = -1;
        task->outcome = HISTORY_ALIVE;
    }
    HistoryTask *task = &history->tasks[at];
    const char *name = aio_ref_name(ref);
    if (name != NULL && strncmp(task->name, name, sizeof task->name) != 0) copy_cut(task->name, sizeof task->name, name);
    if (ref->coro != NULL && task->coro[0] == '\0') copy_cut(task->coro, sizeof task->coro, ref->coro);
    return task;
}

static void stop_running(HistoryTask *task, double now) {
    if (task->resumed_at < 0) return;
    if (now > task->resumed_at) task->running += now - task->resumed_at;
    task->resumed_at = -1;
}

static void account(History *history, const AioEvent *event) {
    double now = event->time;
    HistoryTask *task = touch_task(history, &event->task, now);
    if (event->kind == AIO_EV_SPAWN) touch_task(history, &event->other, now);
    if (task == NULL) return;
    switch (event->kind) {
    case AIO_EV_SPAWN: task->since = now; break;
    case AIO_EV_RESUME:
        task->resumes++;
        task->resumed_at = now;
        task->since = now;
        task->waiting_on[0] = '\0';
        break;
    case AIO_EV_SUSPEND:
        stop_running(task, now);
        task->since = now;
        copy_cut(task->waiting_on, sizeof task->waiting_on, event->detail != NULL ? event->detail : "");
        break;
    case AIO_EV_WAKE: task->since = now; break;
    case AIO_EV_DONE:
    case AIO_EV_RAISED:
    case AIO_EV_CANCELLED:
        if (task->outcome != HISTORY_ALIVE) break;
        stop_running(task, now);
        task->since = now;
        task->waiting_on[0] = '\0';
        task->outcome = event->kind == AIO_EV_DONE     ? HISTORY_DONE
                        : event->kind == AIO_EV_RAISED ? HISTORY_RAISED
                                                       : HISTORY_CANCELLED;
        copy_cut(task->result, sizeof task->result, event->kind == AIO_EV_CANCELLED ? "" : event->detail);
        history->finished++;
        forget_finished(history);
        break;
    default: break;
    }
}

/* ------------------------------------------------------------------ the ring */

static void keep_ref(const AioTaskRef *ref, int64_t *id, char *name, size_t name_size, char *coro,
                     size_t coro_size, bool *has_coro) {
    *id = ref->id;
    copy_cut(name, name_size, aio_ref_name(ref));
    copy_cut(coro, coro_size, ref->coro);
    *has_coro = ref->coro != NULL;
}

void history_sink(void *data, const AioEvent *event) {
    History *history = data;
    if (history == NULL) return;
    account(history, event);
    size_t slot = (history->head + history->count) % history->capacity;
    if (history->count == history->capacity) history->head = (history->head + 1) % history->capacity;
    else history->count++;
    history->seen++;
    HistoryEvent *kept = &history->ring[slot];
    kept->kind = event->kind;
    kept->time = event->time;
    kept->until = event->until;
    kept->duration = event->duration;
    keep_ref(&event->task, &kept->task_id, kept->task_name, sizeof kept->task_name, kept->task_coro,
             sizeof kept->task_coro, &kept->task_has_coro);
    keep_ref(&event->other, &kept->other_id, kept->other_name, sizeof kept->other_name, kept->other_coro,
             sizeof kept->other_coro, &kept->other_has_coro);
    kept->has_reason = event->reason != NULL;
    copy_cut(kept->reason, sizeof kept->reason, event->reason);
    kept->has_detail = event->detail != NULL;
    copy_cut(kept->detail, sizeof kept->detail, event->detail);
    kept->delayed_count = event->delayed_count;
    for (int i = 0; i < event->delayed_count && i < HISTORY_DELAYED; i++) {
        kept->delayed_id[i] = event->delayed[i].id;
        copy_cut(kept->delayed_name[i], sizeof kept->delayed_name[i], aio_ref_name(&event->delayed[i]));
    }
    copy_cut(kept->file, sizeof kept->file, event->file);
    kept->line = event->line;
}

/* The kept event back as an AioEvent whose strings point into it. */
static AioEvent replay(const HistoryEvent *kept, AioTaskRef *delayed) {
    AioEvent event;
    memset(&event, 0, sizeof event);
    event.kind = kept->kind;
    event.time = kept->time;
    event.until = kept->until;
    event.duration = kept->duration;
    event.task = (AioTaskRef){.id = kept->task_id, .name = kept->task_name, .coro = kept->task_has_coro ? kept->task_coro : NULL};
    event.other = (AioTaskRef){.id = kept->other_id, .name = kept->other_name, .coro = kept->other_has_coro ? kept->other_coro : NULL};
    event.reason = kept->has_reason ? kept->reason : NULL;
    event.detail = kept->has_detail ? kept->detail : NULL;
    int shown = kept->delayed_count < HISTORY_DELAYED ? kept->delayed_count : HISTORY_DELAYED;
    for (int i = 0; i < shown; i++) delayed[i] = (AioTaskRef){.id = kept->delayed_id[i], .name = kept->delayed_name[i], .coro = NULL};
    event.delayed = delayed;
    event.delayed_count = shown;
    event.file = kept->file[0] != '\0' ? kept->file : NULL;
    event.line = kept->line;
    return event;
}

static const HistoryEvent *ring_at(const History *history, size_t index) {
    return &history->ring[(history->head + index) % history->capacity];
}

/* Prints the events from the last_n-th last hand-off (RESUME) on, as the trace's
 * log renders them; last_n <= 0: everything the ring holds. */
void history_print(const History *history, int last_n, FILE *out) {
    if (history == NULL || history->count == 0) {
        fputs("no hand-offs yet\n", out);
        return;
    }
    size_t from = 0;
    int handoffs = 0;
    if (last_n > 0) {
        for (size_t i = history->count; i-- > 0;) {
            if (ring_at(history, i)->kind != AIO_EV_RESUME) continue;
            from = i;
            if (++handoffs == last_n) break;
        }
        if (handoffs < last_n) from = 0; /* fewer in the ring: all of it */
    }
    bool dropped = history->seen > history->count;
    if (dropped && from == 0)
        fprintf(out, "(older events are gone: the history keeps the last %zu)\n", history->capacity);
    TraceOptions options = {
        .kind = TRACE_LOG, .out = out, .colour = trace_colour_default(out), .buffered = true};
    Trace *trace = trace_new(&options);
    if (trace == NULL) return;
    for (size_t i = from; i < history->count; i++) {
        AioTaskRef delayed[HISTORY_DELAYED];
        AioEvent event = replay(ring_at(history, i), delayed);
        trace_sink(trace, &event);
    }
    trace_free(trace);
}

/* Writes every event the ring holds, oldest first, as the renderer `kind` draws
 * it (jsonl: the --trace=jsonl schema; log: the log's lines, without colour).
 * No summary: the ring is the end of a run, not all of it. Returns the events
 * written, or -1 when the renderer could not be made; the caller checks `out`. */
long history_export(const History *history, TraceKind kind, FILE *out) {
    if (history == NULL || history->count == 0) return 0;
    TraceOptions options = {.kind = kind, .out = out, .colour = false, .width = 100, .buffered = true};
    Trace *trace = trace_new(&options);
    if (trace == NULL) return -1;
    for (size_t i = 0; i < history->count; i++) {
        AioTaskRef delayed[HISTORY_DELAYED];
        AioEvent event = replay(ring_at(history, i), delayed);
        trace_sink(trace, &event);
    }
    trace_flush(trace); /* a wake-up held back for the resume that never came */
    trace_free(trace);
    return (long)history->count;
}

uint64_t history_dropped(const History *history) {
    return history != NULL && history->seen > history->count ? history->seen - history->count : 0;
}

size_t history_capacity(const History *history) { return history != NULL ? history->capacity : 0; }
