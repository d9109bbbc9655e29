/* trace_lanes.c — the `--trace=lanes` renderer: the loop and each task get a
 * column; each line marks the event's task with a glyph and whoever holds
 * control with ┃. A header names the columns whenever one appears; a finished
 * task's column shows ✓ ✗ or ⊘ and is then blank, free for the next task. */
#include <stdlib.h>
#include <string.h>

#include "trace_internal.h"

enum {
    TIME_WIDTH = 7,
    PREFIX_WIDTH = TIME_WIDTH + 2, /* "  1.000  " */
    LOOP_WIDTH = 6,                /* "loop  " */
    MIN_TEXT = 18,                 /* the words keep at least this much room */
    MAX_COLUMN = 8,
    MIN_COLUMN = 4,
    FOLDED = -2,                   /* TraceTask.slot of a task in the +N column */
};

typedef struct {
    int64_t *lanes;   /* the task id in each column, 0 when the column is free */
    int lane_count;
    int lane_capacity;
    int max_lanes;    /* columns that fit, keeping room for the +N column */
    int column_width; /* 8, narrowed (down to 4) as columns are added */
    int folded;       /* live tasks in the +N column */
    bool fold_shown;  /* the +N column exists (it stays once it appeared) */
    bool fold_grew;   /* +N changed since the header: say so after the spawns */
    bool header_due;
} LanesState;

static int available_width(const Trace *trace) {
    return trace->options.width - PREFIX_WIDTH - LOOP_WIDTH - MIN_TEXT;
}

static bool lanes_begin(Trace *trace) {
    LanesState *state = calloc(1, sizeof *state);
    if (state == NULL) return false;
    state->column_width = MAX_COLUMN;
    int available = available_width(trace);
    state->max_lanes = available / MIN_COLUMN - 1;
    if (state->max_lanes < 1) state->max_lanes = 1;
    state->header_due = true;
    trace->renderer_state = state;
    return true;
}

static void lanes_end(Trace *trace) {
    LanesState *state = trace->renderer_state;
    if (state != NULL) free(state->lanes);
    free(state);
    trace->renderer_state = NULL;
}

static void fit_columns(const Trace *trace, LanesState *state) {
    int columns = state->lane_count + (state->fold_shown ? 1 : 0);
    int width = columns > 0 ? available_width(trace) / columns : MAX_COLUMN;
    if (width > MAX_COLUMN) width = MAX_COLUMN;
    if (width < MIN_COLUMN) width = MIN_COLUMN;
    if (width < state->column_width) state->column_width = width; /* never widens: no jitter */
}

/* Gives task `id` a column: a free one, a new one, or the +N column. */
static void place_task(Trace *trace, LanesState *state, TraceTask *task, int64_t id) {
    for (int i = 0; i < state->lane_count; i++) {
        if (state->lanes[i] == 0) {
            state->lanes[i] = id;
            task->slot = i;
            state->header_due = true;
            return;
        }
    }
    if (state->lane_count < state->max_lanes) {
        if (state->lane_count == state->lane_capacity) {
            int capacity = state->lane_capacity < 8 ? 8 : state->lane_capacity * 2;
            int64_t *lanes = realloc(state->lanes, (size_t)capacity * sizeof *lanes);
            if (lanes == NULL) abort();
            state->lanes = lanes;
            state->lane_capacity = capacity;
        }
        state->lanes[state->lane_count] = id;
        task->slot = state->lane_count++;
        fit_columns(trace, state);
        state->header_due = true;
        return;
    }
    task->slot = FOLDED;
    state->folded++;
    state->fold_grew = true;
    if (!state->fold_shown) {
        state->fold_shown = true;
        fit_columns(trace, state);
        state->header_due = true;
    }
}

/* The column of task `id`: a lane index, FOLDED, or -1 (no column: the loop). */
static int column_of(Trace *trace, LanesState *state, int64_t id, bool place) {
    TraceTask *task = trace_task(trace, id);
    if (task == NULL) return -1;
    if (task->slot == FOLDED) return FOLDED;
    if (task->slot >= 0 && task->slot < state->lane_count && state->lanes[task->slot] == id) return task->slot;
    if (!place || task->ended >= 0) return -1;
    place_task(trace, state, task, id);
    return task->slot;
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

/* A column's label: the task's name, else "#id", else the name cut short. */
static void put_label(Trace *trace, TraceBuf *line, int64_t id, int width) {
    TraceTask *task = trace_task(trace, id);
    const char *name = task != NULL ? task->name : "?";
    size_t from = line->length;
    trace_buf_puts(line, trace_colour(trace, id));
    if (trace_text_width(name, strlen(name)) <= width - 1) {
        trace_buf_puts(line, name);
    } else {
        char number[24];
        snprintf(number, sizeof number, "#%lld", (long long)id);
        if ((int)strlen(number) <= width - 1) {
            trace_buf_puts(line, number);
        } else {
            int kept = 0;
            for (const char *p = name; *p != '\0'; p++) {
                if (((unsigned char)*p & 0xC0) != 0x80 && ++kept > width - 1) break;
                trace_buf_putc(line, *p);
            }
        }
    }
    trace_buf_puts(line, trace_colour_reset(trace));
    trace_buf_pad(line, from, width);
}

static void put_header(Trace *trace, LanesState *state) {
    TraceBuf *line = &trace->line;
    size_t from = line->length;
    trace_buf_puts(line, "   time  ");
    trace_buf_puts(line, trace_colour(trace, 0));
    trace_buf_puts(line, "loop");
    trace_buf_puts(line, trace_colour_reset(trace));
    trace_buf_pad(line, from, PREFIX_WIDTH + LOOP_WIDTH);
    for (int i = 0; i < state->lane_count; i++) {
        if (state->lanes[i] != 0) put_label(trace, line, state->lanes[i], state->column_width);
        else trace_buf_pad(line, line->length, state->column_width);
    }
    if (state->fold_shown) {
        char label[24];
        snprintf(label, sizeof label, "+%d", state->folded);
        size_t start = line->length;
        trace_buf_puts(line, label);
        trace_buf_pad(line, start, state->column_width);
    }
    while (line->length > 0 && line->data[line->length - 1] == ' ') line->length--;
    trace_line_end(trace);
}

/* One cell: the event's glyph, the holder's ┃, a waiting task's │, or blank.
 * Every mark is one column wide. */
static void put_cell(Trace *trace, TraceBuf *line, int64_t id, const char *mark, int width) {
    int spaces = width;
    if (mark != NULL) {
        if (trace->options.colour) trace_buf_puts(line, trace_colour(trace, id));
        trace_buf_puts(line, mark);
        if (trace->options.colour) trace_buf_puts(line, trace_colour_reset(trace));
        spaces--;
    }
    trace_buf_reserve(line, (size_t)spaces);
    memset(line->data + line->length, ' ', (size_t)spaces);
    line->length += (size_t)spaces;
}

/* The event in a few words (the column already says whose event it is). Returns
 * a deadlock's further lines, which follow uncut. */
static const char *put_words(Trace *trace, const AioEvent *event, bool folded) {
    TraceBuf *line = &trace->line;
    const char *detail = event->detail;
    if (folded) {
        trace_buf_puts(line, trace_ref_name(&event->task));
        trace_buf_puts(line, ": ");
    }
    switch (event->kind) {
    case AIO_EV_LOOP_START:
        trace_buf_puts(line, "run ");
        trace_buf_puts(line, detail != NULL ? detail : "main");
        trace_buf_puts(line, "()");
        break;
    case AIO_EV_SPAWN:
        trace_buf_puts(line, "spawned by ");
        trace_buf_puts(line, trace_ref_name(&event->other));
        break;
    case AIO_EV_RESUME: trace_buf_puts(line, event->reason != NULL ? event->reason : "resumed"); break;
    case AIO_EV_SUSPEND:
        trace_buf_puts(line, detail != NULL ? detail : "suspends");
        if (event->until >= 0 && (detail == NULL || strstr(detail, "until t=") == NULL)) {
            trace_buf_puts(line, " until t=");
            trace_buf_seconds(line, event->until);
        }
        break;
    case AIO_EV_WAKE: trace_buf_puts(line, trace_reason_words(event->reason)); break;
    case AIO_EV_DONE:
        trace_buf_puts(line, "done → ");
        trace_buf_puts(line, detail != NULL ? detail : "None");
        break;
    case AIO_EV_RAISED: trace_buf_puts(line, detail != NULL ? detail : "raised"); break;
    case AIO_EV_CANCELLED: trace_buf_puts(line, "cancelled"); break;
    case AIO_EV_CALLBACK:
        trace_buf_puts(line, "callback ");
        trace_buf_puts(line, detail != NULL ? detail : "(unnamed)");
        break;
    case AIO_EV_BLOCKING:
        trace_buf_puts(line, "blocked ");
        trace_buf_seconds(line, event->duration);
        trace_buf_puts(line, " s");
        if (detail != NULL) {
            trace_buf_puts(line, ": ");
            trace_buf_puts(line, detail);
        }
        for (int i = 0; i < event->delayed_count; i++) {
            trace_buf_puts(line, i == 0 ? ", delayed " : " ");
            trace_buf_puts(line, trace_ref_name(&event->delayed[i]));
        }
        break;
    case AIO_EV_IDLE:
    case AIO_EV_DEADLOCK:
    case AIO_EV_NEVER_AWAITED: {
        const char *rest;
        trace_put_shared_words(trace, event, detail, &rest);
        return rest;
    }
    case AIO_EV_LOOP_END: trace_buf_puts(line, "run returns"); break;
    }
    return NULL;
}

/* Cuts the words (from byte `from`) to `room` columns, ending with "…". */
static void cut_to(TraceBuf *line, size_t from, int room) {
    if (room < 1) room = 1;
    if (trace_text_width(line->data + from, line->length - from) <= room) return;
    int kept = 0;
    size_t at = from;
    while (at < line->length) {
        if (((unsigned char)line->data[at] & 0xC0) != 0x80 && ++kept > room - 1) break;
        at++;
    }
    line->length = at;
    trace_buf_puts(line, "…");
}

static void lanes_event(Trace *trace, const AioEvent *event) {
    LanesState *state = trace->renderer_state;
    TraceBuf *line = &trace->line;
    AioTaskRef subject = trace_subject(trace, event);
    int subject_column = column_of(trace, state, subject.id, true);
    int holder_column = trace->holder == 0 ? -1 : column_of(trace, state, trace->holder, false);
    /* A burst of spawns into +N gets one header after it, not one per spawn. */
    if (state->fold_grew && event->kind != AIO_EV_SPAWN) state->header_due = true;
    if (state->header_due) {
        put_header(trace, state);
        state->header_due = false;
        state->fold_grew = false;
    }
    const char *glyph = trace_glyph(event->kind);

    put_time_right(line, event->time);
    trace_buf_puts(line, "  ");
    const char *loop_mark = subject.id == 0 ? glyph : trace->holder == 0 ? "┃" : "│";
    put_cell(trace, line, 0, loop_mark, LOOP_WIDTH);
    for (int i = 0; i < state->lane_count; i++) {
        int64_t id = state->lanes[i];
        const char *mark = id == 0                ? NULL
                           : i == subject_column ? glyph
                           : i == holder_column  ? "┃"
                                                 : "│";
        put_cell(trace, line, id, mark, state->column_width);
    }
    if (state->fold_shown) {
        const char *mark = subject_column == FOLDED ? glyph
                           : holder_column == FOLDED ? "┃"
                           : state->folded > 0       ? "│"
                                                     : NULL;
        put_cell(trace, line, subject_column == FOLDED ? subject.id : 0, mark, state->column_width);
    }
    size_t words = line->length;
    int used = PREFIX_WIDTH + LOOP_WIDTH + state->column_width * (state->lane_count + (state->fold_shown ? 1 : 0));
    const char *more = put_words(trace, event, subject_column == FOLDED);
    cut_to(line, words, trace->options.width - used);
    trace_line_end(trace);
    while (more != NULL && *more != '\0') {
        const char *newline = strchr(more, '\n');
        size_t length = newline != NULL ? (size_t)(newline - more) : strlen(more);
        trace_buf_puts(line, "         ");
        trace_buf_putn(line, more, length);
        trace_line_end(trace);
        more = newline != NULL ? newline + 1 : NULL;
    }

    /* A finished task's column shows its end mark once, then closes. */
    if (event->kind == AIO_EV_DONE || event->kind == AIO_EV_RAISED || event->kind == AIO_EV_CANCELLED) {
        if (subject_column >= 0) state->lanes[subject_column] = 0;
        else if (subject_column == FOLDED && state->folded > 0) state->folded--;
    }
}


const TraceRenderer trace_lanes_renderer = {
    .name = "lanes",
    .begin = lanes_begin,
    .event = lanes_event,
    .summary = trace_summary_table,
    .end = lanes_end,
};
