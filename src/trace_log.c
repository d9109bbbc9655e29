/* trace_log.c — the `--trace=log` renderer: one aligned line per event,
 *   "  1.000  Task-2  ⇢ sleep(1) until t=1.000"
 * (loop time, who holds control, a glyph, the event in plain words), one colour per task. */
#include <stdlib.h>
#include <string.h>

#include "trace_internal.h"

enum { TIME_WIDTH = 7, HOLDER_MIN_WIDTH = 6 };

typedef struct {
    int holder_width;  /* grows with the longest holder name seen, so columns stay aligned */
} LogState;

static bool log_begin(Trace *trace) {
    LogState *state = malloc(sizeof *state);
    if (state == NULL) return false;
    state->holder_width = HOLDER_MIN_WIDTH;
    trace->renderer_state = state;
    return true;
}

static void log_end(Trace *trace) {
    free(trace->renderer_state);
    trace->renderer_state = NULL;
}

/* "Task-2 count()", in the task's colour. */
static void put_task(Trace *trace, const AioTaskRef *ref) {
    TraceBuf *line = &trace->line;
    trace_buf_puts(line, trace_colour(trace, ref->id));
    trace_buf_puts(line, trace_ref_name(ref));
    trace_buf_puts(line, trace_colour_reset(trace));
    if (ref->coro != NULL) {
        trace_buf_putc(line, ' ');
        trace_buf_puts(line, ref->coro);
        trace_buf_puts(line, "()");
    }
}

static void put_time_right(TraceBuf *line, double time) {
    char text[64];
    size_t from = line->length;
    trace_buf_seconds(line, time);
    size_t length = line->length - from;
    if (length >= TIME_WIDTH || length >= sizeof text) return;
    memcpy(text, line->data + from, length);
    line->length = from;
    for (size_t i = length; i < TIME_WIDTH; i++) trace_buf_putc(line, ' ');
    trace_buf_putn(line, text, length);
}

/* The event in plain words, after its glyph. Returns the detail's further lines
 * (a deadlock's wait-for chain), which go on lines of their own, or NULL. */
static const char *put_words(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    const char *detail = event->detail;
    switch (event->kind) {
    case AIO_EV_LOOP_START:
        trace_buf_puts(line, "asyncio.run(");
        if (detail != NULL) {
            trace_buf_puts(line, detail);
            trace_buf_puts(line, "()");
        }
        trace_buf_puts(line, ") starts the loop");
        break;
    case AIO_EV_SPAWN:
        trace_buf_puts(line, "spawns ");
        put_task(trace, &event->task);
        break;
    case AIO_EV_RESUME:
        put_task(trace, &event->task);
        if (event->reason != NULL) {
            trace_buf_puts(line, "  ");
            trace_buf_puts(line, event->reason);
        }
        break;
    case AIO_EV_SUSPEND:
        trace_buf_puts(line, detail != NULL ? detail : "suspends");
        /* The loop may already have said "until t=…" in the detail. */
        if (event->until >= 0 && (detail == NULL || strstr(detail, "until t=") == NULL)) {
            trace_buf_puts(line, " until t=");
            trace_buf_seconds(line, event->until);
        }
        break;
    case AIO_EV_WAKE:
        trace_buf_puts(line, trace_reason_words(event->reason));
        trace_buf_puts(line, " → ");
        put_task(trace, &event->task);
        trace_buf_puts(line, " ready");
        break;
    case AIO_EV_DONE:
        trace_buf_puts(line, "done → ");
        trace_buf_puts(line, detail != NULL ? detail : "None");
        break;
    case AIO_EV_RAISED:
        trace_buf_puts(line, "raised ");
        trace_buf_puts(line, detail != NULL ? detail : "an exception");
        break;
    case AIO_EV_CANCELLED: trace_buf_puts(line, "cancelled"); break;
    case AIO_EV_CALLBACK:
        trace_buf_puts(line, "callback ");
        trace_buf_puts(line, detail != NULL ? detail : "(unnamed)");
        break;
    case AIO_EV_BLOCKING:
        trace_buf_puts(line, "blocked the loop for ");
        trace_buf_seconds(line, event->duration);
        trace_buf_puts(line, " s");
        if (detail != NULL) {
            trace_buf_puts(line, " in ");
            trace_buf_puts(line, detail);
        }
        if (event->delayed_count > 0) {
            trace_buf_puts(line, "; delayed ");
            for (int i = 0; i < event->delayed_count; i++) {
                if (i > 0) trace_buf_puts(line, ", ");
                AioTaskRef name_only = event->delayed[i];
                name_only.coro = NULL;
                put_task(trace, &name_only);
            }
        } else {
            trace_buf_puts(line, "; no task was ready");
        }
        break;
    case AIO_EV_IDLE:
    case AIO_EV_DEADLOCK:
    case AIO_EV_NEVER_AWAITED: {
        const char *rest;
        trace_put_shared_words(trace, event, detail, &rest);
        return rest;
    }
    case AIO_EV_LOOP_END: trace_buf_puts(line, "asyncio.run() returns"); break;
    }
    return NULL;
}

static void log_event(Trace *trace, const AioEvent *event) {
    LogState *state = trace->renderer_state;
    TraceBuf *line = &trace->line;
    AioTaskRef holder = trace_holder(trace, event);
    const char *holder_name = trace_ref_name(&holder);
    int name_width = trace_text_width(holder_name, strlen(holder_name));
    if (name_width > state->holder_width) state->holder_width = name_width;

    put_time_right(line, event->time);
    trace_buf_puts(line, "  ");
    size_t from = line->length;
    trace_buf_puts(line, trace_colour(trace, holder.id));
    trace_buf_puts(line, holder_name);
    trace_buf_puts(line, trace_colour_reset(trace));
    trace_buf_pad(line, from, state->holder_width);
    trace_buf_puts(line, "  ");
    trace_buf_puts(line, trace_glyph(event->kind));
    trace_buf_putc(line, ' ');
    const char *more = put_words(trace, event);
    if (event->file != NULL) {
        trace_buf_puts(line, "  (");
        trace_buf_puts(line, event->file);
        trace_buf_putc(line, ':');
        trace_buf_int(line, event->line);
        trace_buf_putc(line, ')');
    }
    trace_line_end(trace);

    /* Further lines of a detail, under the words. */
    int indent = TIME_WIDTH + 2 + state->holder_width + 2 + 2;
    while (more != NULL && *more != '\0') {
        const char *newline = strchr(more, '\n');
        size_t length = newline != NULL ? (size_t)(newline - more) : strlen(more);
        for (int i = 0; i < indent; i++) trace_buf_putc(line, ' ');
        trace_buf_putn(line, more, length);
        trace_line_end(trace);
        more = newline != NULL ? newline + 1 : NULL;
    }
}

const TraceRenderer trace_log_renderer = {
    .name = "log",
    .begin = log_begin,
    .event = log_event,
    .summary = trace_summary_table,
    .end = log_end,
};
