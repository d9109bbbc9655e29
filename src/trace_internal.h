/* trace_internal.h — what the renderers share with trace.c: the Trace itself, its
 * reusable line buffer, the per-task records, and the TraceRenderer interface.
 * A new renderer is one file defining a TraceRenderer, plus its line in trace.c. */
#ifndef HANDOFF_TRACE_INTERNAL_H
#define HANDOFF_TRACE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "trace.h"

/* A growable byte buffer, reused for every line: it grows a few times at the
 * start and then never allocates again. */
typedef struct {
    char *data;
    size_t length;
    size_t capacity;
} TraceBuf;

typedef enum { TRACE_ALIVE, TRACE_DONE, TRACE_RAISED, TRACE_CANCELLED } TraceOutcome;

/* What the trace remembers of one task, indexed by its id. Names are copied
 * (an event's strings live only as long as the sink call) and cut to fit. */
typedef struct {
    /* What every event reads or updates comes first, within one cache line (with
     * coro's first byte): 10,000 traced tasks are 2 MB of records. */
    bool seen;            /* an event named this task */
    bool hidden;          /* one of asyncio's own helper tasks: none of its events is shown */
    TraceOutcome outcome;
    uint32_t revision;    /* counts changes of name or coro (a renderer's cache of them goes stale) */
    uint32_t name_seen;   /* the AioTaskRef.name_revision `name` was last checked against; 0: none */
    double running;       /* sum of RESUME -> SUSPEND/DONE spans */
    double resumed_at;    /* loop time of the RESUME it is running from, or -1 */
    int64_t resumes;      /* RESUME events */
    double born;          /* loop time of its first event (its SPAWN, normally) */
    double ended;         /* loop time of DONE/RAISED/CANCELLED, or -1 while alive */
    int slot;             /* free for the renderer (lanes: its column) */
    char coro[40];        /* the coroutine's qualified name, "" if unknown */
    char name[32];        /* the latest name ("Task-2", or set with set_name) */
    char waiting[48];     /* what its latest suspend waits on, without "until t=…" (narrate only) */
} TraceTask;

/* The longest blocking call so far. */
typedef struct {
    bool any;
    double duration;
    int64_t task_id;      /* who held the loop (0: the loop, in a callback) */
    char who[32];
    char what[64];        /* "time.sleep(1)" */
} TraceBlocking;

typedef struct TraceRenderer {
    const char *name;
    /* Optional: sets trace->renderer_state up. False on failure. */
    bool (*begin)(Trace *trace);
    /* Renders one event into trace->line and calls trace_line_end (once or more).
     * Called before the trace's records are updated for this event. */
    void (*event)(Trace *trace, const AioEvent *event);
    /* Renders the summary from the trace's records. */
    void (*summary)(Trace *trace);
    /* Optional: frees trace->renderer_state. */
    void (*end)(Trace *trace);
    /* Optional: writes out what the renderer holds back (narrate's open sentence). */
    void (*flush)(Trace *trace);
    /* It reads TraceTask.waiting (kept only for those that do: it costs on every suspend). */
    bool keeps_waiting;
    /* It only ever appends to trace->line: a trace with an own buffer then renders
     * straight into it, with no copy of each line. */
    bool appends_only;
} TraceRenderer;

extern const TraceRenderer trace_log_renderer;
extern const TraceRenderer trace_lanes_renderer;
extern const TraceRenderer trace_jsonl_renderer;
extern const TraceRenderer trace_narrate_renderer;

struct Trace {
    TraceOptions options;         /* out, colour, width: resolved (never NULL / <= 0) */
    const TraceRenderer *renderer;
    void *renderer_state;
    TraceBuf line;                /* the line being rendered */

    TraceTask *tasks;             /* indexed by task id; [0] is unused (the loop) */
    int64_t task_capacity;
    int64_t task_max_id;          /* the highest id seen */
    int64_t holder;               /* who holds control now: a task id, 0 for the loop */

    bool started;                 /* an event arrived */
    double first_time, last_time; /* loop times of the first and the latest event */
    double run_started;           /* time of the open LOOP_START, or -1 */
    double loop_time;             /* sum of closed LOOP_START -> LOOP_END spans */
    bool any_run;                 /* a LOOP_START arrived */
    int64_t handoffs;             /* RESUME events */
    TraceBlocking longest;
    bool finished;                /* trace_finish ran */

    /* The lines reach the screen where the loop prints its own deadlock report
     * (standard error, or an on_line callback): a deadlock's chain is not repeated. */
    bool deadlock_shown_elsewhere;
    /* A trace to a file of its own (--trace-file, buffered) gathers whole lines here
     * and writes them 64 KiB at a time: a stdio call per line was a sixth of the
     * cost of tracing. Written out at every flush point and at exit. */
    bool own_buffer;
    bool line_is_pending;         /* an appends_only renderer: `line` gathers the lines itself */
    TraceBuf pending;
    struct Trace *next_live;      /* the traces with an own buffer, for exit */
    /* The latest time rendered by trace_buf_event_time, and its text: most events
     * share the millisecond of the one before. */
    double time_cached;
    char time_text[32];
    size_t time_length;
    /* A WAKE is held until the next event: when that is the same task's RESUME
     * (which says why already) the WAKE is not shown. */
    bool wake_held;
    AioEvent held_wake;           /* its strings point into the buffers below */
    char held_name[32], held_coro[40], held_reason[24], held_detail[48];
};

/* ---- the line buffer ----
 * The appends are inline: a renderer makes a few dozen per event, mostly of
 * string literals whose length the compiler then knows. */
void trace_buf_grow(TraceBuf *buf, size_t more);

static inline void trace_buf_reserve(TraceBuf *buf, size_t more) {
    if (buf->length + more > buf->capacity) trace_buf_grow(buf, more);
}

static inline void trace_buf_putn(TraceBuf *buf, const char *text, size_t length) {
    if (length == 0) return; /* text may be an empty buffer's NULL */
    trace_buf_reserve(buf, length);
    memcpy(buf->data + buf->length, text, length);
    buf->length += length;
}

static inline void trace_buf_puts(TraceBuf *buf, const char *text) {
    if (text != NULL) trace_buf_putn(buf, text, strlen(text));
}

/* Appends the first `length` bytes of a buffer `padded` bytes long, copying all of it:
 * a copy of a constant size is a few moves, one of the exact length a call or a slow
 * string instruction. The bytes past `length` are overwritten by what follows. */
static inline void trace_buf_put_padded(TraceBuf *buf, const char *text, size_t padded, size_t length) {
    trace_buf_reserve(buf, padded);
    memcpy(buf->data + buf->length, text, padded);
    buf->length += length;
}

static inline void trace_buf_putc(TraceBuf *buf, char c) {
    trace_buf_reserve(buf, 1);
    buf->data[buf->length++] = c;
}

void trace_buf_int(TraceBuf *buf, int64_t value);
/* trace_buf_seconds of an event's time, through the trace's cache of the last one.
 * Inline, as the two hot helpers below: each event calls them. */
void trace_put_time_slow(Trace *trace, TraceBuf *buf, double seconds);
static inline void trace_put_time(Trace *trace, TraceBuf *buf, double seconds) {
    if (trace->time_length > 0 && seconds == trace->time_cached) {
        trace_buf_put_padded(buf, trace->time_text, sizeof trace->time_text, trace->time_length);
        return;
    }
    trace_put_time_slow(trace, buf, seconds);
}
/* Seconds with 3 decimals ("1.000"); NaN and infinities as "nan"/"inf". */
void trace_buf_seconds(TraceBuf *buf, double seconds);
/* Spaces until the text since byte `from` is `width` columns wide. */
void trace_buf_pad(TraceBuf *buf, size_t from, int width);
/* Columns of `length` bytes of UTF-8 text, skipping ANSI colour sequences. */
int trace_text_width(const char *text, size_t length);

/* ---- helpers for renderers ---- */
/* Writes trace->line and a newline to the output, flushes it, empties the line. */
/* A trace file's own buffer is written out once it holds this much. */
enum { TRACE_PENDING_LIMIT = 64 * 1024 };
void trace_line_end_slow(Trace *trace);
static inline void trace_line_end(Trace *trace) {
    if (trace->line_is_pending && trace->line.length + 1 < TRACE_PENDING_LIMIT) {
        trace_buf_putc(&trace->line, '\n'); /* it stays where it was rendered */
        return;
    }
    trace_line_end_slow(trace);
}
/* The SGR sequence colouring task `id` (id 0: the loop), or "" without colour. */
const char *trace_colour(const Trace *trace, int64_t id);
const char *trace_colour_reset(const Trace *trace);
/* The record of task `id` (NULL for the loop or an id never seen). */
static inline TraceTask *trace_task(const Trace *trace, int64_t id) {
    if (id <= 0 || id >= trace->task_capacity || !trace->tasks[id].seen || trace->tasks[id].hidden) return NULL;
    return &trace->tasks[id];
}
/* A task reference's name, never NULL ("loop" for id 0). */
const char *trace_ref_name(const AioTaskRef *ref);
/* Who holds control while `event` happens: the loop, the task, or the spawner. */
AioTaskRef trace_holder(const Trace *trace, const AioEvent *event);
/* The column (lanes) or line (log) an event is about: the task it names, else the holder. */
AioTaskRef trace_subject(const Trace *trace, const AioEvent *event);
/* One glyph per event kind, shared by the log and the lanes. */
const char *trace_glyph(AioEventKind kind);
/* Plain words for a wake-up reason ("timer" -> "timer fired"). */
const char *trace_reason_words(const char *reason);
/* The words log and lanes share for IDLE, DEADLOCK and NEVER_AWAITED, appended to
 * trace->line. Returns true when it wrote them; *rest receives the deadlock chain's
 * lines after the first (or NULL), which the renderer prints as more lines. When
 * the loop's own report is on the same screen, a deadlock is its last line only. */
bool trace_put_shared_words(Trace *trace, const AioEvent *event, const char *detail, const char **rest);
/* The last line of a deadlock report ("deadlock: 2 tasks are waiting …"), its length in *length. */
const char *trace_deadlock_last_line(const char *detail, size_t *length);
/* The summary of trace's run as an aligned table (log and lanes share it). */
void trace_summary_table(Trace *trace);
/* Lifetime and waiting time of a record, at the end of the run. */
double trace_task_lifetime(const Trace *trace, const TraceTask *task);
/* Total loop time: the closed runs, plus an open one up to the latest event. */
double trace_total_time(const Trace *trace);
/* Lowercase outcome word: "running", "done", "raised", "cancelled". */
const char *trace_outcome_word(TraceOutcome outcome);

#endif
