/* trace.c — the trace sink: receives the loop's AioEvents, keeps per-task
 * statistics for the summary, and hands each event to the chosen renderer
 * (trace_log.c, trace_lanes.c, trace_jsonl.c). Also the line buffer and the
 * helpers the renderers share. It reads events only: never the VM or the loop. */
#include "trace_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The renderers by kind: a new one is a file and a line here. */
static const TraceRenderer *renderer_for(TraceKind kind) {
    switch (kind) {
    case TRACE_LOG: return &trace_log_renderer;
    case TRACE_LANES: return &trace_lanes_renderer;
    case TRACE_JSONL: return &trace_jsonl_renderer;
    case TRACE_NARRATE: return &trace_narrate_renderer;
    case TRACE_OFF: break;
    }
    return NULL;
}

bool trace_kind_from_name(const char *name, TraceKind *kind) {
    static const struct { const char *name; TraceKind kind; } names[] = {
        {"off", TRACE_OFF}, {"log", TRACE_LOG}, {"lanes", TRACE_LANES}, {"jsonl", TRACE_JSONL},
        {"narrate", TRACE_NARRATE},
    };
    for (size_t i = 0; name != NULL && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *kind = names[i].kind;
            return true;
        }
    }
    return false;
}

bool trace_colour_default(FILE *stream) {
    const char *no_colour = getenv("NO_COLOR");
    if (no_colour != NULL && no_colour[0] != '\0') return false; /* no-color.org: set and not empty */
    const char *term = getenv("TERM");
    if (term != NULL && strcmp(term, "dumb") == 0) return false;
    return stream != NULL && isatty(fileno(stream));
}

bool trace_buffered_default(FILE *stream) {
    struct stat status;
    if (stream == NULL || isatty(fileno(stream)) || fstat(fileno(stream), &status) != 0) return false;
    /* Pipes and sockets may have a reader watching live (| tee, | jq): line by line. */
    return S_ISREG(status.st_mode) || S_ISCHR(status.st_mode);
}

int trace_width_default(FILE *stream) {
    struct winsize size;
    if (stream != NULL && isatty(fileno(stream)) && ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 &&
        size.ws_col > 0)
        return size.ws_col;
    const char *columns = getenv("COLUMNS");
    if (columns != NULL) {
        int width = atoi(columns);
        if (width > 0) return width;
    }
    return 80;
}

/* ------------------------------------------------------------ the line buffer */

void trace_buf_grow(TraceBuf *buf, size_t more) {
    size_t capacity = buf->capacity < 256 ? 256 : buf->capacity;
    while (capacity < buf->length + more) capacity *= 2;
    char *data = realloc(buf->data, capacity);
    if (data == NULL) abort(); /* as the VM's reallocate does: no way to go on */
    buf->data = data;
    buf->capacity = capacity;
}

void trace_buf_int(TraceBuf *buf, int64_t value) {
    char digits[24];
    int n = 0;
    uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    do {
        digits[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    trace_buf_reserve(buf, (size_t)n + 1);
    if (value < 0) buf->data[buf->length++] = '-';
    while (n > 0) buf->data[buf->length++] = digits[--n];
}

void trace_put_time_slow(Trace *trace, TraceBuf *buf, double seconds) {
    size_t from = buf->length;
    trace_buf_seconds(buf, seconds);
    size_t length = buf->length - from;
    trace->time_length = 0;
    if (length < sizeof trace->time_text) {
        memcpy(trace->time_text, buf->data + from, length);
        trace->time_length = length;
        trace->time_cached = seconds;
    }
}

/* Hand-rolled rather than printf("%.3f"): this runs twice per hand-off. */
void trace_buf_seconds(TraceBuf *buf, double seconds) {
    if (isnan(seconds)) {
        trace_buf_puts(buf, "nan");
        return;
    }
    if (!(fabs(seconds) < 9e15)) { /* too large for exact milliseconds in an int64 */
        if (isinf(seconds)) {
            trace_buf_puts(buf, seconds < 0 ? "-inf" : "inf");
            return;
        }
        char text[400];
        snprintf(text, sizeof text, "%.3f", seconds);
        trace_buf_puts(buf, text);
        return;
    }
    int64_t millis = (int64_t)floor(fabs(seconds) * 1000.0 + 0.5);
    if (seconds < 0 && millis > 0) trace_buf_putc(buf, '-');
    trace_buf_int(buf, millis / 1000);
    int fraction = (int)(millis % 1000);
    char decimals[4] = {'.', (char)('0' + fraction / 100), (char)('0' + fraction / 10 % 10),
                        (char)('0' + fraction % 10)};
    trace_buf_putn(buf, decimals, 4);
}

int trace_text_width(const char *text, size_t length) {
    int width = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0x1b) { /* CSI ... final byte: no width */
            while (i + 1 < length && !((text[i + 1] >= '@' && text[i + 1] <= '~') && text[i + 1] != '['))
                i++;
            i++;
            continue;
        }
        if ((c & 0xC0) != 0x80) width++; /* count code points, not continuation bytes */
    }
    return width;
}

void trace_buf_pad(TraceBuf *buf, size_t from, int width) {
    int have = trace_text_width(buf->data + from, buf->length - from);
    if (have >= width) return;
    trace_buf_reserve(buf, (size_t)(width - have));
    memset(buf->data + buf->length, ' ', (size_t)(width - have));
    buf->length += (size_t)(width - have);
}

/* ------------------------------------------------------ helpers for renderers */


static void write_pending(Trace *trace) {
    TraceBuf *held = trace->line_is_pending ? &trace->line : &trace->pending;
    if (held->length == 0) return;
    fwrite(held->data, 1, held->length, trace->options.out);
    held->length = 0;
}

void trace_line_end_slow(Trace *trace) {
    trace_buf_putc(&trace->line, '\n');
    if (trace->options.on_line != NULL) {
        trace->options.on_line(trace->options.line_data, trace->line.data, trace->line.length);
        trace->line.length = 0;
        return;
    }
    if (trace->line_is_pending) { /* the line stays where it was rendered */
        if (trace->line.length >= TRACE_PENDING_LIMIT) write_pending(trace);
        return;
    }
    if (trace->own_buffer) {
        trace_buf_putn(&trace->pending, trace->line.data, trace->line.length);
        trace->line.length = 0;
        if (trace->pending.length >= TRACE_PENDING_LIMIT) write_pending(trace);
        return;
    }
    fwrite(trace->line.data, 1, trace->line.length, trace->options.out);
    /* Per line, so that on a terminal the trace and the program's output interleave
     * in true order; a file or /dev/null can take stdio's buffering (a write per
     * line would cost more than rendering it). */
    if (!trace->options.buffered) fflush(trace->options.out);
    trace->line.length = 0;
}

/* 256-colour codes, chosen to stay apart from each other on dark and light
 * backgrounds; task n gets entry (n-1) mod 12, so a task keeps its colour. */
static const char *const task_colours[] = {
    "\x1b[38;5;39m",  "\x1b[38;5;208m", "\x1b[38;5;76m",  "\x1b[38;5;170m",
    "\x1b[38;5;220m", "\x1b[38;5;44m",  "\x1b[38;5;203m", "\x1b[38;5;141m",
    "\x1b[38;5;113m", "\x1b[38;5;33m",  "\x1b[38;5;214m", "\x1b[38;5;177m",
};
#define LOOP_COLOUR "\x1b[38;5;245m"

const char *trace_colour(const Trace *trace, int64_t id) {
    if (!trace->options.colour) return "";
    if (id <= 0) return LOOP_COLOUR;
    return task_colours[(id - 1) % (int64_t)(sizeof task_colours / sizeof task_colours[0])];
}

const char *trace_colour_reset(const Trace *trace) {
    return trace->options.colour ? "\x1b[0m" : "";
}

const char *trace_ref_name(const AioTaskRef *ref) {
    const char *name = aio_ref_name(ref);
    if (name != NULL) return name;
    return ref->id <= 0 ? "loop" : "?";
}

static AioTaskRef loop_ref(void) {
    AioTaskRef ref = {.id = 0, .name = "loop", .coro = NULL};
    return ref;
}

static AioTaskRef ref_of_id(const Trace *trace, int64_t id) {
    TraceTask *task = trace_task(trace, id);
    if (task == NULL) return loop_ref();
    AioTaskRef ref = {.id = id, .name = task->name, .coro = task->coro[0] != '\0' ? task->coro : NULL};
    return ref;
}

AioTaskRef trace_holder(const Trace *trace, const AioEvent *event) {
    switch (event->kind) {
    case AIO_EV_SPAWN: return event->other.id > 0 ? event->other : loop_ref();
    case AIO_EV_SUSPEND:
    case AIO_EV_DONE:
    case AIO_EV_RAISED:
    case AIO_EV_CANCELLED:
    case AIO_EV_BLOCKING: return event->task.id > 0 ? event->task : loop_ref();
    case AIO_EV_NEVER_AWAITED: return ref_of_id(trace, trace->holder);
    default: return loop_ref();
    }
}

AioTaskRef trace_subject(const Trace *trace, const AioEvent *event) {
    switch (event->kind) {
    case AIO_EV_SPAWN:
    case AIO_EV_RESUME:
    case AIO_EV_WAKE:
    case AIO_EV_SUSPEND:
    case AIO_EV_DONE:
    case AIO_EV_RAISED:
    case AIO_EV_CANCELLED:
    case AIO_EV_BLOCKING: return event->task.id > 0 ? event->task : loop_ref();
    case AIO_EV_NEVER_AWAITED: return ref_of_id(trace, trace->holder);
    default: return loop_ref();
    }
}

const char *trace_glyph(AioEventKind kind) {
    switch (kind) {
    case AIO_EV_LOOP_START: return "▶";
    case AIO_EV_SPAWN: return "+";
    case AIO_EV_RESUME: return "→";
    case AIO_EV_SUSPEND: return "⇢";
    case AIO_EV_DONE: return "✓";
    case AIO_EV_RAISED: return "✗";
    case AIO_EV_CANCELLED: return "⊘";
    case AIO_EV_CALLBACK: return "↻";
    case AIO_EV_BLOCKING: return "⚠";
    case AIO_EV_IDLE: return "…";
    case AIO_EV_WAKE: return "•";
    case AIO_EV_DEADLOCK: return "⊗";
    case AIO_EV_NEVER_AWAITED: return "⚠";
    case AIO_EV_LOOP_END: return "■";
    }
    return "?";
}

const char *trace_deadlock_last_line(const char *detail, size_t *length) {
    const char *start = detail, *end = detail + strlen(detail);
    while (end > detail && end[-1] == '\n') end--;
    for (const char *at = detail; at < end; at++)
        if (*at == '\n') start = at + 1;
    *length = (size_t)(end - start);
    return start;
}

bool trace_put_shared_words(Trace *trace, const AioEvent *event, const char *detail, const char **rest) {
    TraceBuf *line = &trace->line;
    *rest = NULL;
    switch (event->kind) {
    case AIO_EV_IDLE:
        if (event->until >= 0) {
            trace_buf_puts(line, "idle until t=");
            trace_buf_seconds(line, event->until);
        } else {
            trace_buf_puts(line, "idle: no timer, waiting for input");
        }
        return true;
    case AIO_EV_DEADLOCK: {
        if (detail == NULL) {
            trace_buf_puts(line, "deadlock");
            return true;
        }
        if (trace->deadlock_shown_elsewhere) {
            size_t length;
            const char *last = trace_deadlock_last_line(detail, &length);
            trace_buf_putn(line, last, length);
            trace_buf_puts(line, " (the loop's report says who waits on what)");
            return true;
        }
        const char *newline = strchr(detail, '\n');
        trace_buf_putn(line, detail, newline != NULL ? (size_t)(newline - detail) : strlen(detail));
        *rest = newline != NULL ? newline + 1 : NULL;
        return true;
    }
    case AIO_EV_NEVER_AWAITED:
        trace_buf_puts(line, "never awaited: ");
        trace_buf_puts(line, detail != NULL ? detail : "a coroutine");
        return true;
    default: return false;
    }
}

const char *trace_reason_words(const char *reason) {
    if (reason == NULL) return "woken";
    if (strcmp(reason, "timer") == 0) return "timer fired";
    return reason;
}

const char *trace_outcome_word(TraceOutcome outcome) {
    switch (outcome) {
    case TRACE_ALIVE: return "waiting";
    case TRACE_DONE: return "done";
    case TRACE_RAISED: return "raised";
    case TRACE_CANCELLED: return "cancelled";
    }
    return "?";
}

double trace_total_time(const Trace *trace) {
    if (!trace->started) return 0;
    if (!trace->any_run) return trace->last_time - trace->first_time;
    double total = trace->loop_time;
    if (trace->run_started >= 0) total += trace->last_time - trace->run_started;
    return total;
}

double trace_task_lifetime(const Trace *trace, const TraceTask *task) {
    double end = task->ended >= 0 ? task->ended : trace->last_time;
    return end > task->born ? end - task->born : 0;
}

/* ------------------------------------------------------------- the records */

/* Copies `text` into `into` (size bytes), cutting at a character boundary and
 * marking the cut with "…" when it does not fit. */
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
    size_t keep = size - 4; /* room for "…" (3 bytes) and the NUL */
    while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80) keep--;
    memcpy(into, text, keep);
    memcpy(into + keep, "…", 4);
}

/* Whether `stored` (a record's field of `size` bytes) holds what copy_cut makes of
 * `text`. Inline and byte by byte: on every event the name is the same, and short. */
static bool record_matches(const char *stored, size_t size, const char *text) {
    size_t i = 0;
    while (stored[i] != '\0' && stored[i] == text[i]) i++;
    if (stored[i] == '\0' && text[i] == '\0') return true;
    if (strlen(text) < size) return false;
    char cut[64];
    copy_cut(cut, size < sizeof cut ? size : sizeof cut, text);
    return strcmp(cut, stored) == 0;
}

/* The record of the task `ref` names, created or renamed as needed. */
static inline TraceTask *touch_task(Trace *trace, const AioTaskRef *ref, double now) {
    int64_t id = ref->id;
    if (id <= 0 || id > ((int64_t)1 << 30)) return NULL;
    if (id >= trace->task_capacity) {
        int64_t capacity = trace->task_capacity < 64 ? 64 : trace->task_capacity;
        while (capacity <= id) capacity *= 2;
        TraceTask *tasks = realloc(trace->tasks, (size_t)capacity * sizeof(TraceTask));
        if (tasks == NULL) return NULL;
        memset(tasks + trace->task_capacity, 0, (size_t)(capacity - trace->task_capacity) * sizeof(TraceTask));
        trace->tasks = tasks;
        trace->task_capacity = capacity;
    }
    TraceTask *task = &trace->tasks[id];
    if (!task->seen) {
        task->seen = true;
        task->born = now;
        task->ended = -1;
        task->resumed_at = -1;
        task->slot = -1;
        if (id > trace->task_max_id) trace->task_max_id = id;
    }
    /* Cheap when nothing changed; set_name shows up at the next event. */
    /* The text is compared only when the loop says the name may have moved. */
    if ((ref->name != NULL || ref->default_number > 0) &&
        (ref->name_revision == 0 || ref->name_revision != task->name_seen)) {
        const char *name = aio_ref_name(ref);
        if (!record_matches(task->name, sizeof task->name, name)) {
            copy_cut(task->name, sizeof task->name, name);
            task->revision++;
        }
        task->name_seen = ref->name_revision;
    }
    if (ref->coro != NULL && task->coro[0] == '\0') {
        copy_cut(task->coro, sizeof task->coro, ref->coro);
        task->revision++;
    }
    return task;
}

static void stop_running(TraceTask *task, double now) {
    if (task->resumed_at >= 0) {
        if (now > task->resumed_at) task->running += now - task->resumed_at;
        task->resumed_at = -1;
    }
}

/* What a suspended task waits on, without " until t=…" (one pass: every hand-off). */
static void keep_waiting(TraceTask *task, const char *detail) {
    const char *on = detail != NULL ? detail : "";
    size_t length = 0;
    while (on[length] != '\0' && length < sizeof task->waiting - 1 &&
           !(on[length] == ' ' && strncmp(on + length, " until t=", 9) == 0)) {
        task->waiting[length] = on[length];
        length++;
    }
    task->waiting[length] = '\0';
}

/* Updates the statistics after the event was rendered. */
static void account(Trace *trace, const AioEvent *event, TraceTask *task) {
    double now = event->time;
    switch (event->kind) {
    case AIO_EV_LOOP_START:
        trace->any_run = true;
        trace->run_started = now;
        break;
    case AIO_EV_LOOP_END:
        if (trace->run_started >= 0 && now > trace->run_started) trace->loop_time += now - trace->run_started;
        trace->run_started = -1;
        break;
    case AIO_EV_RESUME:
        trace->handoffs++;
        trace->holder = event->task.id;
        if (task != NULL) {
            task->resumes++;
            task->resumed_at = now;
        }
        break;
    case AIO_EV_SUSPEND:
        if (task != NULL) {
            stop_running(task, now);
            if (trace->renderer->keeps_waiting) keep_waiting(task, event->detail);
        }
        trace->holder = 0;
        break;
    case AIO_EV_DONE:
    case AIO_EV_RAISED:
    case AIO_EV_CANCELLED:
        if (task != NULL) {
            stop_running(task, now);
            task->ended = now;
            task->outcome = event->kind == AIO_EV_DONE     ? TRACE_DONE
                            : event->kind == AIO_EV_RAISED ? TRACE_RAISED
                                                           : TRACE_CANCELLED;
        }
        if (trace->holder == event->task.id) trace->holder = 0;
        break;
    case AIO_EV_BLOCKING:
        if (!trace->longest.any || event->duration > trace->longest.duration) {
            trace->longest.any = true;
            trace->longest.duration = event->duration;
            trace->longest.task_id = event->task.id;
            copy_cut(trace->longest.who, sizeof trace->longest.who, trace_ref_name(&event->task));
            copy_cut(trace->longest.what, sizeof trace->longest.what, event->detail != NULL ? event->detail : "");
        }
        break;
    default: break;
    }
}

/* ------------------------------------------------------------------ the sink */

/* Whether two streams write to the same file (the trace on standard error). */
static bool same_file(FILE *a, FILE *b) {
    if (a == b) return true;
    struct stat sa, sb;
    if (a == NULL || b == NULL || fstat(fileno(a), &sa) != 0 || fstat(fileno(b), &sb) != 0) return false;
    /* Two terminals are one screen; /dev/null and other devices are not a screen. */
    if (isatty(fileno(a)) && isatty(fileno(b))) return true;
    return S_ISREG(sa.st_mode) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* asyncio's own helpers, written in handoff's Python (aio_prelude*.c): they are
 * how gather, wait, shield, wait_for and asyncio.run work inside, not hand-offs
 * of the learner's program, so no renderer shows them. Events name them only by
 * name; a learner's function of the same name would be hidden too, which the
 * leading underscore makes unlikely. */
bool trace_hides_coroutine(const char *coro) {
    return coro != NULL && strcmp(coro, "_shutdown_step") == 0;
}

bool trace_hides_callback(const char *name) {
    static const char *const names[] = {
        "_done_callback",       /* gather */
        "_release_waiter",      /* wait_for, wait */
        "_on_completion",       /* wait, as_completed */
        "_on_timeout",          /* as_completed */
        "_inner_done_callback", /* shield */
        "_outer_done_callback", /* shield */
        "_on_task_done",        /* TaskGroup */
    };
    for (size_t i = 0; name != NULL && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0) return true;
    return false;
}

/* Whether `event` is about one of asyncio's helpers (marking a helper task hidden at its spawn). */
static bool is_hidden(const AioEvent *event, TraceTask *task) {
    if (event->kind == AIO_EV_CALLBACK) return trace_hides_callback(event->detail);
    if (task == NULL) return false;
    if (event->kind == AIO_EV_SPAWN && trace_hides_coroutine(event->task.coro)) task->hidden = true;
    return task->hidden;
}

static void copy_into(char *into, size_t size, const char *text) {
    snprintf(into, size, "%s", text != NULL ? text : "");
}

static void hold_wake(Trace *trace, const AioEvent *event) {
    trace->wake_held = true;
    trace->held_wake = *event;
    copy_into(trace->held_name, sizeof trace->held_name, aio_ref_name(&event->task));
    copy_into(trace->held_coro, sizeof trace->held_coro, event->task.coro);
    copy_into(trace->held_reason, sizeof trace->held_reason, event->reason);
    copy_into(trace->held_detail, sizeof trace->held_detail, event->detail);
    trace->held_wake.task.name = aio_ref_name(&event->task) != NULL ? trace->held_name : NULL;
    trace->held_wake.task.default_number = 0;
    trace->held_wake.task.coro = event->task.coro != NULL ? trace->held_coro : NULL;
    trace->held_wake.reason = event->reason != NULL ? trace->held_reason : NULL;
    trace->held_wake.detail = event->detail != NULL ? trace->held_detail : NULL;
    trace->held_wake.file = NULL;
    trace->held_wake.reason_static = trace->held_wake.detail_static = false; /* copies now */
    trace->held_wake.delayed = NULL;
    trace->held_wake.delayed_count = 0;
}

/* The lines held in the own buffer, then stdio's. */
static void flush_out(Trace *trace) {
    write_pending(trace);
    fflush(trace->options.out);
}

/* Traces with an own buffer write it out when the process exits, as stdio does
 * for its streams (a fatal "out of memory" exit too). */
static Trace *live_traces;

static void flush_live_traces(void) {
    for (Trace *trace = live_traces; trace != NULL; trace = trace->next_live) flush_out(trace);
}

static void forget_live(Trace *trace) {
    for (Trace **at = &live_traces; *at != NULL; at = &(*at)->next_live) {
        if (*at == trace) {
            *at = trace->next_live;
            return;
        }
    }
}

static inline void dispatch(Trace *trace, const AioEvent *event, TraceTask *task) {
    trace->renderer->event(trace, event);
    account(trace, event, task);
    /* A buffered trace still shows whole runs when the program stops. */
    if (trace->options.buffered && (event->kind == AIO_EV_LOOP_END || event->kind == AIO_EV_DEADLOCK))
        flush_out(trace);
}

/* Shows the held WAKE, if any. */
static void release_wake(Trace *trace) {
    if (!trace->wake_held) return;
    trace->wake_held = false;
    dispatch(trace, &trace->held_wake, trace_task(trace, trace->held_wake.task.id));
}

Trace *trace_new(const TraceOptions *options) {
    const TraceRenderer *renderer = renderer_for(options->kind);
    if (renderer == NULL) return NULL;
    Trace *trace = calloc(1, sizeof *trace);
    if (trace == NULL) return NULL;
    trace->options = *options;
    if (trace->options.out == NULL) trace->options.out = stderr;
    if (trace->options.width <= 0) trace->options.width = trace_width_default(trace->options.out);
    trace->renderer = renderer;
    trace->run_started = -1;
    trace->deadlock_shown_elsewhere = trace->options.on_line != NULL || same_file(trace->options.out, stderr);
    trace_buf_reserve(&trace->line, 512); /* most lines fit: no growth while tracing */
    if (renderer->begin != NULL && !renderer->begin(trace)) {
        free(trace->line.data);
        free(trace);
        return NULL;
    }
    /* Not for standard output or error: the program's own lines there must stay in order. */
    if (trace->options.buffered && trace->options.on_line == NULL && trace->options.out != stderr &&
        trace->options.out != stdout) {
        static bool registered;
        if (!registered) registered = atexit(flush_live_traces) == 0;
        trace->own_buffer = registered;
        if (trace->own_buffer) {
            trace->line_is_pending = renderer->appends_only;
            trace->next_live = live_traces;
            live_traces = trace;
        }
    }
    return trace;
}

void trace_sink(void *data, const AioEvent *event) {
    Trace *trace = data;
    if (!trace->started) {
        trace->started = true;
        trace->first_time = trace->last_time = event->time;
    } else if (event->time > trace->last_time) {
        trace->last_time = event->time;
    }
    /* Records first, so the renderer sees names (a task's first event creates it). */
    TraceTask *task = touch_task(trace, &event->task, event->time);
    if (is_hidden(event, task)) return;
    if (event->kind == AIO_EV_SPAWN) touch_task(trace, &event->other, event->time);
    if (trace->wake_held) {
        if (event->kind == AIO_EV_RESUME && event->task.id == trace->held_wake.task.id) trace->wake_held = false;
        else release_wake(trace);
    }
    if (event->kind == AIO_EV_WAKE) {
        hold_wake(trace, event);
        return;
    }
    dispatch(trace, event, task);
}

void trace_flush(Trace *trace) {
    if (trace == NULL) return;
    release_wake(trace);
    if (trace->renderer->flush != NULL) trace->renderer->flush(trace);
    flush_out(trace);
}

void trace_finish(Trace *trace) {
    if (trace == NULL || trace->finished) return;
    trace_flush(trace);
    trace->finished = true;
    trace->renderer->summary(trace);
    flush_out(trace);
}

void trace_free(Trace *trace) {
    if (trace == NULL) return;
    if (!trace->finished) trace_flush(trace); /* what was held back is not lost */
    if (trace->renderer->end != NULL) trace->renderer->end(trace);
    flush_out(trace);
    forget_live(trace);
    free(trace->tasks);
    free(trace->line.data);
    free(trace->pending.data);
    free(trace);
}

/* ----------------------------------------------------- the summary as a table */

enum { SUMMARY_ROWS = 20 }; /* a table of 10,000 tasks helps nobody: the rest is one line */

static void put_coro(TraceBuf *buf, const TraceTask *task) {
    if (task->coro[0] == '\0') return;
    trace_buf_puts(buf, task->coro);
    trace_buf_puts(buf, "()");
}

static void put_seconds_right(TraceBuf *buf, double seconds, int width) {
    char text[64];
    /* Rendered into the line, then moved right: no buffer of its own. */
    size_t from = buf->length;
    trace_buf_seconds(buf, seconds);
    size_t length = buf->length - from;
    if ((int)length >= width || length >= sizeof text) return;
    memcpy(text, buf->data + from, length);
    buf->length = from;
    for (int i = (int)length; i < width; i++) trace_buf_putc(buf, ' ');
    trace_buf_putn(buf, text, length);
}

static void put_int_right(TraceBuf *buf, int64_t value, int width) {
    char text[24];
    size_t from = buf->length;
    trace_buf_int(buf, value);
    size_t length = buf->length - from;
    if ((int)length >= width) return;
    memcpy(text, buf->data + from, length);
    buf->length = from;
    for (int i = (int)length; i < width; i++) trace_buf_putc(buf, ' ');
    trace_buf_putn(buf, text, length);
}

/* Widths of the name and coroutine columns, over the rows shown; returns the task count. */
static int64_t measure_tasks(const Trace *trace, int *name_width, int *coro_width) {
    int64_t count = 0;
    for (int64_t id = 1; id <= trace->task_max_id; id++) {
        TraceTask *task = trace_task(trace, id);
        if (task == NULL) continue;
        if (count++ >= SUMMARY_ROWS) continue;
        int width = trace_text_width(task->name, strlen(task->name));
        if (width > *name_width) *name_width = width;
        width = task->coro[0] != '\0' ? trace_text_width(task->coro, strlen(task->coro)) + 2 : 0;
        if (width > *coro_width) *coro_width = width;
    }
    return count;
}

static void put_task_row(Trace *trace, int64_t id, const TraceTask *task, double waiting, int name_width,
                         int coro_width) {
    TraceBuf *line = &trace->line;
    size_t from = line->length;
    trace_buf_puts(line, "  ");
    trace_buf_puts(line, trace_colour(trace, id));
    trace_buf_puts(line, task->name);
    trace_buf_puts(line, trace_colour_reset(trace));
    trace_buf_pad(line, from, 2 + name_width + 2);
    put_coro(line, task);
    trace_buf_pad(line, from, 2 + name_width + 2 + coro_width);
    put_seconds_right(line, task->running, 9);
    put_seconds_right(line, waiting, 9);
    put_int_right(line, task->resumes, 9);
    trace_buf_puts(line, "  ");
    trace_buf_puts(line, trace_outcome_word(task->outcome));
    trace_line_end(trace);
}

static void put_longest_blocking(Trace *trace) {
    TraceBuf *line = &trace->line;
    trace_buf_puts(line, "longest blocking call: ");
    if (!trace->longest.any) {
        trace_buf_puts(line, "none");
    } else {
        trace_buf_puts(line, trace_colour(trace, trace->longest.task_id));
        trace_buf_puts(line, trace->longest.who);
        trace_buf_puts(line, trace_colour_reset(trace));
        trace_buf_puts(line, " held the loop for ");
        trace_buf_seconds(line, trace->longest.duration);
        trace_buf_puts(line, " s");
        if (trace->longest.what[0] != '\0') {
            trace_buf_puts(line, " in ");
            trace_buf_puts(line, trace->longest.what);
        }
    }
    trace_line_end(trace);
}

void trace_summary_table(Trace *trace) {
    TraceBuf *line = &trace->line;
    int name_width = 4, coro_width = 9;
    int64_t count = measure_tasks(trace, &name_width, &coro_width);
    trace_buf_puts(line, "summary: loop time ");
    trace_buf_seconds(line, trace_total_time(trace));
    trace_buf_puts(line, " s, ");
    trace_buf_int(line, trace->handoffs);
    trace_buf_puts(line, trace->handoffs == 1 ? " hand-off, " : " hand-offs, ");
    trace_buf_int(line, count);
    trace_buf_puts(line, count == 1 ? " task" : " tasks");
    trace_line_end(trace);
    if (count > 0) {
        size_t from = line->length;
        trace_buf_puts(line, "  task");
        trace_buf_pad(line, from, 2 + name_width + 2);
        trace_buf_puts(line, "coroutine");
        trace_buf_pad(line, from, 2 + name_width + 2 + coro_width);
        trace_buf_puts(line, "  running  waiting  resumed  outcome");
        trace_line_end(trace);
    }
    int64_t shown = 0;
    double rest_running = 0, rest_waiting = 0;
    for (int64_t id = 1; id <= trace->task_max_id; id++) {
        TraceTask *task = trace_task(trace, id);
        if (task == NULL) continue;
        double lifetime = trace_task_lifetime(trace, task);
        double waiting = lifetime > task->running ? lifetime - task->running : 0;
        if (shown++ < SUMMARY_ROWS) {
            put_task_row(trace, id, task, waiting, name_width, coro_width);
        } else {
            rest_running += task->running;
            rest_waiting += waiting;
        }
    }
    if (shown > SUMMARY_ROWS) {
        trace_buf_puts(line, "  … and ");
        trace_buf_int(line, shown - SUMMARY_ROWS);
        trace_buf_puts(line, " more tasks: running ");
        trace_buf_seconds(line, rest_running);
        trace_buf_puts(line, " s, waiting ");
        trace_buf_seconds(line, rest_waiting);
        trace_buf_puts(line, " s in all");
        trace_line_end(trace);
    }
    put_longest_blocking(trace);
}
