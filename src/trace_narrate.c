/* trace_narrate.c — the `--trace=narrate` renderer: each hand-off told in plain
 * words for learners, one sentence a line,
 *   "  0.000  count() on Task-2 awaits sleep(1): it hands control back to the loop,
 *             which sets a timer for t=1.000 and picks Task-3 count() from the ready queue …"
 * A sentence that ends with control going back to the loop stays open until the
 * loop's next move (it picks a task, runs a callback, sleeps, stops) completes it. */
#include <stdlib.h>
#include <string.h>

#include "trace_internal.h"

enum {
    TIME_WIDTH = 7,
    SPAWNS_NAMED = 5, /* more tasks made in a row are told as "N tasks (first to last)" */
};

typedef struct {
    bool open;               /* trace->line holds a sentence ending "…back to the loop," */
    double timer_until;      /* the open sentence's task set a timer for then (else -1) */
    bool back_of_queue;      /* the open sentence's task yielded with sleep(0) */
    /* Spawns by one creator in a row, told as one sentence. */
    int spawn_count;
    AioTaskRef spawner;      /* name and coro point into the two buffers below */
    char spawner_name[32], spawner_coro[40];
    double spawn_time;
    TraceBuf wrapped;        /* a long sentence, while it is cut into lines */
    TraceBuf spawned;        /* "Task-2, Task-3" */
    TraceBuf spawned_full;   /* "Task-2 produce(), Task-3 consume()", told when the coroutines differ */
    size_t last_comma_full;
    char first_spawned[32], last_spawned[32]; /* for a long list: "200 tasks (Task-2 to Task-201)" */
    int64_t first_spawned_id, last_spawned_id;
    bool spawn_same_coro;    /* every spawned task runs the same coroutine */
    char spawn_coro[40];
    size_t last_comma;       /* where in `spawned` the last ", " starts (told as " and ") */
} NarrateState;

static bool narrate_begin(Trace *trace) {
    NarrateState *state = calloc(1, sizeof *state);
    if (state == NULL) return false;
    state->timer_until = -1;
    trace->renderer_state = state;
    return true;
}

static void narrate_end(Trace *trace) {
    NarrateState *state = trace->renderer_state;
    free(state->wrapped.data);
    free(state->spawned.data);
    free(state->spawned_full.data);
    free(state);
    trace->renderer_state = NULL;
}

/* ------------------------------------------------------------------ words */

/* Bytes of the character (or colour sequence) at `text`, and its columns in *columns. */
static size_t char_at(const char *text, size_t length, int *columns) {
    if (text[0] == '\x1b') { /* CSI …m: no width */
        size_t i = 1;
        while (i < length && text[i] != 'm') i++;
        *columns = 0;
        return i < length ? i + 1 : length;
    }
    size_t i = 1;
    while (i < length && ((unsigned char)text[i] & 0xC0) == 0x80) i++;
    *columns = 1;
    return i;
}

/* Ends the sentence in trace->line: cut at spaces to the trace's width, the lines
 * after the first indented under the words, so that the times stay a column. */
static void end_sentence(Trace *trace) {
    NarrateState *state = trace->renderer_state;
    TraceBuf *line = &trace->line;
    int width = trace->options.width;
    if (width < 40 || trace_text_width(line->data, line->length) <= width) {
        trace_line_end(trace);
        return;
    }
    TraceBuf *text = &state->wrapped;
    text->length = 0;
    trace_buf_putn(text, line->data, line->length);
    line->length = 0;
    size_t at = 0;
    int room = width;
    while (at < text->length) {
        size_t end = at, cut = at;
        int used = 0;
        while (end < text->length) {
            int columns;
            size_t bytes = char_at(text->data + end, text->length - end, &columns);
            if (used + columns > room) break;
            if (text->data[end] == ' ') cut = end;
            used += columns;
            end += bytes;
        }
        if (end < text->length && cut > at) end = cut; /* a word that does not fit goes on */
        trace_buf_putn(line, text->data + at, end - at);
        trace_line_end(trace);
        at = end;
        while (at < text->length && text->data[at] == ' ') at++;
        if (at < text->length) {
            for (int i = 0; i < TIME_WIDTH + 2; i++) trace_buf_putc(line, ' ');
            room = width - (TIME_WIDTH + 2);
        }
    }
}

static void put_time(TraceBuf *line, double time) {
    size_t from = line->length;
    trace_buf_seconds(line, time);
    size_t length = line->length - from;
    if (length < TIME_WIDTH) {
        size_t pad = TIME_WIDTH - length;
        trace_buf_reserve(line, pad);
        memmove(line->data + from + pad, line->data + from, length);
        memset(line->data + from, ' ', pad);
        line->length += pad;
    }
    trace_buf_puts(line, "  ");
}

static void put_name(Trace *trace, const AioTaskRef *ref) {
    trace_buf_puts(&trace->line, trace_colour(trace, ref->id));
    trace_buf_puts(&trace->line, trace_ref_name(ref));
    trace_buf_puts(&trace->line, trace_colour_reset(trace));
}

/* "Task-2 count()" */
static void put_task(Trace *trace, const AioTaskRef *ref) {
    put_name(trace, ref);
    if (ref->coro != NULL) {
        trace_buf_putc(&trace->line, ' ');
        trace_buf_puts(&trace->line, ref->coro);
        trace_buf_puts(&trace->line, "()");
    }
}

/* "count() on Task-2": the code that acts, then the task it runs in. */
static void put_actor(Trace *trace, const AioTaskRef *ref) {
    if (ref->coro != NULL) {
        trace_buf_puts(&trace->line, ref->coro);
        trace_buf_puts(&trace->line, "() on ");
    }
    put_name(trace, ref);
}

/* Why the loop resumes a task, from the resume's reason and what the task awaited. */
static void put_reason(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    const char *reason = event->reason;
    TraceTask *task = trace_task(trace, event->task.id);
    const char *on = task != NULL && task->waiting[0] != '\0' ? task->waiting : NULL;
    if (reason == NULL || strcmp(reason, "callback") == 0) return;
    if (strcmp(reason, "first step") == 0) {
        trace_buf_puts(line, " for its first step");
    } else if (strcmp(reason, "timer") == 0) {
        trace_buf_puts(line, " (its ");
        trace_buf_puts(line, on != NULL ? on : "timer");
        trace_buf_puts(line, on != NULL ? " is over)" : " fired)");
    } else if (strcmp(reason, "sleep(0)") == 0) {
        trace_buf_puts(line, " again, after its sleep(0)");
    } else if (strcmp(reason, "cancelled") == 0) {
        trace_buf_puts(line, " to throw CancelledError into it");
    } else if (strcmp(reason, "lock acquired") == 0) {
        trace_buf_puts(line, " (it has the lock now)");
    } else if (strcmp(reason, "queue item") == 0) {
        trace_buf_puts(line, " (an item came for its Queue.get)");
    } else if (strcmp(reason, "event set") == 0) {
        trace_buf_puts(line, " (the event it waits for is set)");
    } else if (on == NULL || strcmp(on, "a Future") == 0) {
        trace_buf_puts(line, " (the future it awaits is done)");
    } else if (strncmp(on, "gather", 6) == 0) {
        trace_buf_puts(line, " (its ");
        trace_buf_puts(line, on);
        trace_buf_puts(line, " is done)");
    } else {
        trace_buf_puts(line, " (");
        trace_buf_puts(line, on);
        trace_buf_puts(line, " is done)");
    }
}

/* ------------------------------------------------------------- sentences */

/* Ends the open sentence with a full stop: the loop's next move is told anew. */
static void close_open(Trace *trace) {
    NarrateState *state = trace->renderer_state;
    if (!state->open) return;
    state->open = false;
    if (state->timer_until >= 0) {
        trace_buf_puts(&trace->line, " which sets a timer for t=");
        trace_buf_seconds(&trace->line, state->timer_until);
        trace_buf_putc(&trace->line, '.');
    } else if (state->back_of_queue) {
        trace_buf_puts(&trace->line, " which puts it at the back of the ready queue.");
    } else {
        trace->line.data[trace->line.length - 1] = '.'; /* the comma after "loop" */
    }
    end_sentence(trace);
}

/* "Task-2 for count(), Task-3 for count()": tells the spawns held so far. */
static void tell_spawns(Trace *trace) {
    NarrateState *state = trace->renderer_state;
    if (state->spawn_count == 0) return;
    int count = state->spawn_count;
    state->spawn_count = 0;
    TraceBuf *line = &trace->line;
    put_time(line, state->spawn_time);
    if (state->spawner.id > 0) {
        put_actor(trace, &state->spawner);
        trace_buf_puts(line, " creates ");
    } else {
        trace_buf_puts(line, count == 1 ? "The task " : "The tasks ");
    }
    bool same = state->spawn_same_coro;
    const TraceBuf *list = same ? &state->spawned : &state->spawned_full;
    size_t last_comma = same ? state->last_comma : state->last_comma_full;
    if (count > SPAWNS_NAMED) { /* "200 tasks (Task-2 to Task-201)" */
        trace_buf_int(line, count);
        trace_buf_puts(line, " tasks (");
        put_name(trace, &(AioTaskRef){.id = state->first_spawned_id, .name = state->first_spawned, .coro = NULL});
        trace_buf_puts(line, " to ");
        put_name(trace, &(AioTaskRef){.id = state->last_spawned_id, .name = state->last_spawned, .coro = NULL});
        trace_buf_putc(line, ')');
    } else if (count > 1) { /* "Task-2, Task-3 and Task-4" */
        trace_buf_putn(line, list->data, last_comma);
        trace_buf_puts(line, " and ");
        trace_buf_putn(line, list->data + last_comma + 2, list->length - last_comma - 2);
    } else {
        trace_buf_putn(line, list->data, list->length);
    }
    if (state->spawn_same_coro && state->spawn_coro[0] != '\0') {
        trace_buf_puts(line, " for ");
        trace_buf_puts(line, state->spawn_coro);
        trace_buf_puts(line, "()");
    }
    if (state->spawner.id <= 0) trace_buf_puts(line, count == 1 ? " is created" : " are created");
    trace_buf_puts(line, count == 1 ? "; it waits in the ready queue for its first step."
                                    : "; they wait in the ready queue for their first step.");
    end_sentence(trace);
    state->spawned.length = state->spawned_full.length = 0;
}

/* Starts a sentence at `time`, ending an open one (and telling held spawns) first. */
static void start_line(Trace *trace, double time) {
    close_open(trace);
    tell_spawns(trace);
    put_time(&trace->line, time);
}

/* "…: it hands control back to the loop," — the loop's next move completes it. */
static void open_sentence(Trace *trace, double timer_until, bool back_of_queue) {
    NarrateState *state = trace->renderer_state;
    trace_buf_puts(&trace->line, " hands control back to the loop,");
    state->open = true;
    state->timer_until = timer_until;
    state->back_of_queue = back_of_queue;
}

/* The loop's next move: completes the open sentence ("…, which …") or starts one ("The loop …"). */
static void loop_moves(Trace *trace, double time) {
    NarrateState *state = trace->renderer_state;
    tell_spawns(trace);
    if (!state->open) {
        put_time(&trace->line, time);
        trace_buf_puts(&trace->line, "The loop");
        return;
    }
    trace_buf_puts(&trace->line, " which");
    if (state->timer_until >= 0) {
        trace_buf_puts(&trace->line, " sets a timer for t=");
        trace_buf_seconds(&trace->line, state->timer_until);
        trace_buf_puts(&trace->line, " and");
    } else if (state->back_of_queue) {
        trace_buf_puts(&trace->line, " puts it at the back of the ready queue and");
    }
    state->open = false;
}

static void hold_spawn(Trace *trace, const AioEvent *event) {
    NarrateState *state = trace->renderer_state;
    if (state->spawn_count > 0 && state->spawner.id != event->other.id) tell_spawns(trace);
    close_open(trace);
    TraceBuf *spawned = &state->spawned;
    if (state->spawn_count == 0) {
        TraceTask *spawner = trace_task(trace, event->other.id);
        /* Copied: the event's strings do not outlive it, and the records move as they grow. */
        state->spawner = (AioTaskRef){.id = 0, .name = NULL, .coro = NULL};
        if (spawner != NULL) {
            snprintf(state->spawner_name, sizeof state->spawner_name, "%s", spawner->name);
            snprintf(state->spawner_coro, sizeof state->spawner_coro, "%s", spawner->coro);
            state->spawner = (AioTaskRef){.id = event->other.id, .name = state->spawner_name, .coro = spawner->coro[0] != '\0' ? state->spawner_coro : NULL};
        }
        state->spawn_time = event->time;
        state->spawn_same_coro = true;
        snprintf(state->spawn_coro, sizeof state->spawn_coro, "%s", event->task.coro != NULL ? event->task.coro : "");
    } else if (strcmp(state->spawn_coro, event->task.coro != NULL ? event->task.coro : "") != 0) {
        state->spawn_same_coro = false;
    }
    TraceBuf *full = &state->spawned_full;
    if (state->spawn_count == 0) {
        snprintf(state->first_spawned, sizeof state->first_spawned, "%s", trace_ref_name(&event->task));
        state->first_spawned_id = event->task.id;
    }
    snprintf(state->last_spawned, sizeof state->last_spawned, "%s", trace_ref_name(&event->task));
    state->last_spawned_id = event->task.id;
    if (state->spawn_count >= SPAWNS_NAMED) { /* the names are not told: stop listing them */
        state->spawn_count++;
        return;
    }
    if (state->spawn_count > 0) {
        state->last_comma = spawned->length;
        trace_buf_puts(spawned, ", ");
        state->last_comma_full = full->length;
        trace_buf_puts(full, ", ");
    }
    trace_buf_puts(spawned, trace_colour(trace, event->task.id));
    trace_buf_puts(spawned, trace_ref_name(&event->task));
    trace_buf_puts(spawned, trace_colour_reset(trace));
    trace_buf_puts(full, trace_colour(trace, event->task.id));
    trace_buf_puts(full, trace_ref_name(&event->task));
    trace_buf_puts(full, trace_colour_reset(trace));
    if (event->task.coro != NULL) {
        trace_buf_putc(full, ' ');
        trace_buf_puts(full, event->task.coro);
        trace_buf_puts(full, "()");
    }
    state->spawn_count++;
}

static void tell_suspend(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    start_line(trace, event->time);
    put_actor(trace, &event->task);
    const char *on = event->detail != NULL ? event->detail : "something";
    const char *until = event->until >= 0 ? strstr(on, " until t=") : NULL;
    trace_buf_puts(line, " awaits ");
    trace_buf_putn(line, on, until != NULL ? (size_t)(until - on) : strlen(on));
    trace_buf_puts(line, ": it");
    open_sentence(trace, event->until, strcmp(on, "sleep(0)") == 0);
}

static void tell_end(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    start_line(trace, event->time);
    put_actor(trace, &event->task);
    const char *detail = event->detail;
    if (event->kind == AIO_EV_DONE) {
        trace_buf_puts(line, " returns ");
        trace_buf_puts(line, detail != NULL ? detail : "None");
        trace_buf_puts(line, ": ");
        put_name(trace, &event->task);
        trace_buf_puts(line, " is done and");
    } else if (event->kind == AIO_EV_RAISED) {
        trace_buf_puts(line, " raises ");
        trace_buf_puts(line, detail != NULL ? detail : "an exception");
        trace_buf_puts(line, "; ");
        put_name(trace, &event->task);
        trace_buf_puts(line, " fails and");
    } else {
        trace_buf_puts(line, " is cancelled: ");
        put_name(trace, &event->task);
        trace_buf_puts(line, " ends and");
    }
    open_sentence(trace, -1, false);
}

static void tell_blocking(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    start_line(trace, event->time);
    if (event->task.id > 0) put_actor(trace, &event->task);
    else trace_buf_puts(line, "A callback");
    trace_buf_puts(line, " held the loop for ");
    trace_buf_seconds(line, event->duration);
    trace_buf_puts(line, " s");
    if (event->detail != NULL) {
        trace_buf_puts(line, " in ");
        trace_buf_puts(line, event->detail);
    }
    if (event->delayed_count == 0) {
        trace_buf_puts(line, ": nothing else could run (no other task was ready).");
    } else {
        trace_buf_puts(line, ": nothing else could run, so ");
        for (int i = 0; i < event->delayed_count; i++) {
            if (i > 0) trace_buf_puts(line, i == event->delayed_count - 1 ? " and " : ", ");
            put_name(trace, &event->delayed[i]);
        }
        trace_buf_puts(line, event->delayed_count == 1 ? ", which was ready, had to wait." : ", which were ready, had to wait.");
    }
    end_sentence(trace);
}

static void tell_deadlock(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    start_line(trace, event->time);
    const char *detail = event->detail != NULL ? event->detail : "";
    size_t length;
    const char *last = trace_deadlock_last_line(detail, &length);
    if (length > 10 && strncmp(last, "deadlock: ", 10) == 0) last += 10, length -= 10;
    trace_buf_puts(line, "Deadlock: ");
    trace_buf_putn(line, last, length);
    if (trace->deadlock_shown_elsewhere || detail[0] == '\0') {
        trace_buf_puts(line, trace->deadlock_shown_elsewhere ? "; the loop's report says who waits on what."
                                                            : ".");
        end_sentence(trace);
        return;
    }
    trace_buf_puts(line, ":");
    end_sentence(trace);
    /* The chain's lines between the first and the last: "  Task-1 waits on …". */
    const char *at = strchr(detail, '\n');
    while (at != NULL && at + 1 < last) {
        const char *next = strchr(at + 1, '\n');
        if (next == NULL || next >= last) break;
        for (int i = 0; i < TIME_WIDTH + 2; i++) trace_buf_putc(line, ' ');
        trace_buf_putn(line, at + 1, (size_t)(next - at - 1));
        trace_line_end(trace);
        at = next;
    }
}

/* asyncio.run starts the loop; the loop's own spawn of the main task joins the sentence. */
static void tell_loop_start(Trace *trace, const AioEvent *event) {
    NarrateState *state = trace->renderer_state;
    TraceBuf *line = &trace->line;
    close_open(trace);
    bool main_task = state->spawn_count == 1 && state->spawner.id <= 0;
    if (!main_task) tell_spawns(trace);
    put_time(line, main_task ? state->spawn_time : event->time);
    trace_buf_puts(line, "asyncio.run(");
    if (event->detail != NULL) {
        trace_buf_puts(line, event->detail);
        trace_buf_puts(line, "()");
    }
    trace_buf_puts(line, ")");
    if (main_task) {
        trace_buf_puts(line, " wraps ");
        trace_buf_puts(line, event->detail != NULL ? event->detail : "the coroutine");
        trace_buf_puts(line, event->detail != NULL ? "() in " : " in ");
        trace_buf_putn(line, state->spawned.data, state->spawned.length);
        trace_buf_puts(line, " and");
        state->spawn_count = 0;
        state->spawned.length = state->spawned_full.length = 0;
    }
    trace_buf_puts(line, " starts the loop,");
    state->open = true;
    state->timer_until = -1;
    state->back_of_queue = false;
}

/* The loop picks a task (RESUME) or runs a callback. */
static void tell_pick(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    loop_moves(trace, event->time);
    if (event->kind == AIO_EV_RESUME) {
        trace_buf_puts(line, " picks ");
        put_task(trace, &event->task);
        trace_buf_puts(line, " from the ready queue");
        put_reason(trace, event);
        trace_buf_putc(line, '.');
    } else {
        trace_buf_puts(line, " runs the callback ");
        trace_buf_puts(line, event->detail != NULL ? event->detail : "(unnamed)");
        trace_buf_puts(line, event->detail != NULL && strchr(event->detail, '(') == NULL ? "()." : ".");
    }
    end_sentence(trace);
}

static void tell_idle(Trace *trace, const AioEvent *event) {
    NarrateState *state = trace->renderer_state;
    TraceBuf *line = &trace->line;
    if (state->open) {
        loop_moves(trace, event->time);
        trace_buf_puts(line, event->until >= 0 ? " finds nothing ready, so it sleeps until t="
                                               : " finds nothing ready and no timer set, so it waits for input.");
    } else {
        start_line(trace, event->time);
        trace_buf_puts(line, event->until >= 0 ? "Nothing is ready: the loop sleeps until t="
                                               : "Nothing is ready and no timer is set: the loop waits for input.");
    }
    if (event->until >= 0) {
        trace_buf_seconds(line, event->until);
        trace_buf_puts(line, ", its next timer.");
    }
    end_sentence(trace);
}

static void tell_wake(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    start_line(trace, event->time);
    put_task(trace, &event->task);
    trace_buf_puts(line, " is ready again");
    size_t from = line->length;
    put_reason(trace, event);
    if (line->length == from) trace_buf_puts(line, " (woken)");
    trace_buf_puts(line, ": it waits in the ready queue.");
    end_sentence(trace);
}

static void tell_never_awaited(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    start_line(trace, event->time);
    trace_buf_puts(line, "Warning: the ");
    trace_buf_puts(line, event->detail != NULL ? event->detail : "coroutine");
    trace_buf_puts(line, " was dropped without being awaited, so its code never ran.");
    end_sentence(trace);
}

static void tell_loop_end(Trace *trace, const AioEvent *event) {
    NarrateState *state = trace->renderer_state;
    if (state->open) {
        loop_moves(trace, event->time);
        trace_buf_puts(&trace->line, " stops: asyncio.run() returns.");
    } else {
        start_line(trace, event->time);
        trace_buf_puts(&trace->line, "The loop stops: asyncio.run() returns.");
    }
    end_sentence(trace);
}

static void narrate_event(Trace *trace, const AioEvent *event) {
    switch (event->kind) {
    case AIO_EV_SPAWN: hold_spawn(trace, event); break;
    case AIO_EV_LOOP_START: tell_loop_start(trace, event); break;
    case AIO_EV_RESUME:
    case AIO_EV_CALLBACK: tell_pick(trace, event); break;
    case AIO_EV_SUSPEND: tell_suspend(trace, event); break;
    case AIO_EV_DONE:
    case AIO_EV_RAISED:
    case AIO_EV_CANCELLED: tell_end(trace, event); break;
    case AIO_EV_IDLE: tell_idle(trace, event); break;
    case AIO_EV_WAKE: tell_wake(trace, event); break;
    case AIO_EV_BLOCKING: tell_blocking(trace, event); break;
    case AIO_EV_NEVER_AWAITED: tell_never_awaited(trace, event); break;
    case AIO_EV_DEADLOCK: tell_deadlock(trace, event); break;
    case AIO_EV_LOOP_END: tell_loop_end(trace, event); break;
    }
}

static void narrate_flush(Trace *trace) {
    close_open(trace);
    tell_spawns(trace);
}

static void narrate_summary(Trace *trace) {
    narrate_flush(trace);
    trace_summary_table(trace);
}

const TraceRenderer trace_narrate_renderer = {
    .name = "narrate",
    .keeps_waiting = true,
    .begin = narrate_begin,
    .event = narrate_event,
    .summary = narrate_summary,
    .end = narrate_end,
    .flush = narrate_flush,
};
