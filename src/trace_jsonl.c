/* trace_jsonl.c — the `--trace=jsonl` renderer: one JSON object per event and a
 * final {"event": "summary", ...}, each on one line, for tools and tests. The
 * schema is documented in docs/trace.md; keys come in a fixed order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace_internal.h"

static const char *event_name(AioEventKind kind) {
    switch (kind) {
    case AIO_EV_LOOP_START: return "loop_start";
    case AIO_EV_SPAWN: return "spawn";
    case AIO_EV_RESUME: return "resume";
    case AIO_EV_SUSPEND: return "suspend";
    case AIO_EV_DONE: return "done";
    case AIO_EV_RAISED: return "raised";
    case AIO_EV_CANCELLED: return "cancelled";
    case AIO_EV_CALLBACK: return "callback";
    case AIO_EV_BLOCKING: return "blocking";
    case AIO_EV_IDLE: return "idle";
    case AIO_EV_WAKE: return "wake";
    case AIO_EV_DEADLOCK: return "deadlock";
    case AIO_EV_NEVER_AWAITED: return "never_awaited";
    case AIO_EV_LOOP_END: return "loop_end";
    }
    return "unknown";
}

/* Length of the valid UTF-8 sequence at `text` (1-4), or 0 if it is not one. */
static size_t utf8_sequence(const unsigned char *text) {
    unsigned char c = text[0];
    size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (c >= 0xF5) return 0;
    for (size_t i = 1; i < length; i++)
        if ((text[i] & 0xC0) != 0x80) return 0;
    return length;
}

/* A JSON string: quotes, backslashes and control characters escaped, UTF-8 kept
 * as it is, and bytes that are not UTF-8 replaced by U+FFFD so the line stays valid. */
static void put_string_escaped(TraceBuf *buf, const unsigned char *p) {
    static const char hex[] = "0123456789abcdef";
    while (*p != '\0') {
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\') p++;
        if (p > run) trace_buf_putn(buf, (const char *)run, (size_t)(p - run));
        unsigned char c = *p;
        if (c == '\0') break;
        if (c >= 0x80) {
            size_t length = utf8_sequence(p);
            if (length == 0) {
                trace_buf_puts(buf, "\\ufffd");
                p++;
            } else {
                trace_buf_putn(buf, (const char *)p, length);
                p += length;
            }
            continue;
        }
        p++;
        switch (c) {
        case '"': trace_buf_puts(buf, "\\\""); break;
        case '\\': trace_buf_puts(buf, "\\\\"); break;
        case '\n': trace_buf_puts(buf, "\\n"); break;
        case '\r': trace_buf_puts(buf, "\\r"); break;
        case '\t': trace_buf_puts(buf, "\\t"); break;
        case '\b': trace_buf_puts(buf, "\\b"); break;
        case '\f': trace_buf_puts(buf, "\\f"); break;
        default: {
            char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            trace_buf_putn(buf, escape, 6);
        }
        }
    }
}

/* Printable ASCII but for '"' and '\\': a byte a JSON string takes as it is
 * (filled by jsonl_begin: one lookup a byte instead of four comparisons). */
static bool plain_byte[256];

static void fill_plain_bytes(void) {
    for (int c = 0x20; c < 0x7f; c++) plain_byte[c] = c != '"' && c != '\\';
}

/* The common case, a short string of plain ASCII, is copied as it is scanned. */
enum { SHORT_STRING = 62 };

static void put_string(TraceBuf *buf, const char *text) {
    if (text == NULL) {
        trace_buf_puts(buf, "null");
        return;
    }
    trace_buf_reserve(buf, SHORT_STRING + 2);
    unsigned char *out = (unsigned char *)buf->data + buf->length;
    const unsigned char *p = (const unsigned char *)text;
    *out++ = '"';
    int room = SHORT_STRING;
    while (room-- > 0 && plain_byte[*p]) *out++ = *p++;
    buf->length = (size_t)((char *)out - buf->data);
    if (*p != '\0') put_string_escaped(buf, p); /* long, or something to escape */
    trace_buf_putc(buf, '"');
}

/* Seconds with 3 decimals; JSON has no NaN or infinity, so those are null. */
static void put_seconds(TraceBuf *buf, double seconds) {
    if (isnan(seconds) || isinf(seconds)) trace_buf_puts(buf, "null");
    else trace_buf_seconds(buf, seconds);
}

static void put_until(TraceBuf *buf, double until) {
    if (until >= 0) put_seconds(buf, until);
    else trace_buf_puts(buf, "null");
}

static void put_ref(TraceBuf *buf, const AioTaskRef *ref) {
    trace_buf_puts(buf, "{\"id\":");
    trace_buf_int(buf, ref->id);
    trace_buf_puts(buf, ",\"name\":");
    put_string(buf, trace_ref_name(ref));
    trace_buf_puts(buf, ",\"coro\":");
    put_string(buf, ref->coro);
    trace_buf_putc(buf, '}');
}

/* `,"key":"text"` (or null); `key` is a string literal. */
#define PUT_FIELD(buf, key, text) (trace_buf_putn((buf), ",\"" key "\":", sizeof(",\"" key "\":") - 1), \
                                   put_string((buf), (text)))

/* The JSON of each task's reference, kept once rendered: every event names its task,
 * and rendering it again each time was a third of the renderer's work. A slot holds
 * the record's revision it was made from, so a renamed task is rendered anew. */
enum { REF_SLOT = 64, REF_JSON_MAX = REF_SLOT - sizeof(uint32_t) - 1 };

typedef struct {
    uint32_t revision;
    unsigned char length;            /* 0: nothing kept */
    char json[REF_JSON_MAX];
} RefSlot;

/* What put_string made of a string literal the loop named (AioEvent.reason_static,
 * detail_static), kept by its address: "sleep(0)" is in two events a hand-off. */
enum { LITERALS = 16, LITERAL_JSON_MAX = 48 };

typedef struct {
    const char *text;                /* NULL: empty */
    unsigned char length;
    char json[LITERAL_JSON_MAX];
} LiteralSlot;

typedef struct {
    RefSlot *slots;                  /* indexed by task id, grown as ids come */
    int64_t capacity;
    LiteralSlot literals[LITERALS];
} JsonState;

static bool jsonl_begin(Trace *trace) {
    fill_plain_bytes();
    JsonState *state = calloc(1, sizeof *state);
    if (state == NULL) return false;
    trace->renderer_state = state;
    return true;
}

static void jsonl_end(Trace *trace) {
    JsonState *state = trace->renderer_state;
    free(state->slots);
    free(state);
    trace->renderer_state = NULL;
}

static RefSlot *ref_slot(JsonState *state, int64_t id) {
    if (id >= state->capacity) {
        int64_t capacity = state->capacity < 64 ? 64 : state->capacity;
        while (capacity <= id) capacity *= 2;
        RefSlot *slots = realloc(state->slots, (size_t)capacity * sizeof(RefSlot));
        if (slots == NULL) return NULL;
        memset(slots + state->capacity, 0, (size_t)(capacity - state->capacity) * sizeof(RefSlot));
        state->slots = slots;
        state->capacity = capacity;
    }
    return &state->slots[id];
}

/* put_string of a string literal, from the cache when it holds it. */
static void put_literal(JsonState *state, TraceBuf *buf, const char *text) {
    LiteralSlot *slot = &state->literals[((uintptr_t)text >> 3) % LITERALS];
    if (text != NULL && slot->text == text) {
        trace_buf_put_padded(buf, slot->json, LITERAL_JSON_MAX, slot->length);
        return;
    }
    size_t from = buf->length;
    put_string(buf, text);
    size_t length = buf->length - from;
    if (text == NULL || length > LITERAL_JSON_MAX) return;
    memcpy(slot->json, buf->data + from, length);
    slot->length = (unsigned char)length;
    slot->text = text;
}

/* put_ref for the event's own task, from the slot when it is current. */
static void put_task_ref(Trace *trace, const AioTaskRef *ref) {
    TraceBuf *line = &trace->line;
    TraceTask *task = ref->id > 0 ? trace_task(trace, ref->id) : NULL;
    RefSlot *slot = task != NULL ? ref_slot(trace->renderer_state, ref->id) : NULL;
    if (slot == NULL) {
        put_ref(line, ref);
        return;
    }
    if (slot->length > 0 && slot->revision == task->revision) {
        trace_buf_put_padded(line, slot->json, REF_JSON_MAX, slot->length);
        return;
    }
    size_t from = line->length;
    put_ref(line, ref);
    size_t length = line->length - from;
    /* Kept only when the record holds this very name and coroutine (a cut one does not). */
    bool same = strcmp(task->name, trace_ref_name(ref)) == 0 &&
                (ref->coro != NULL ? strcmp(task->coro, ref->coro) == 0 : task->coro[0] == '\0');
    slot->length = 0;
    if (same && length <= REF_JSON_MAX) {
        memcpy(slot->json, line->data + from, length);
        slot->length = (unsigned char)length;
        slot->revision = task->revision;
    }
}

/* `,"event":"<name>","task":` of each kind, padded to a constant-size copy. */
typedef struct {
    char text[48];
    size_t length;
} EventHead;

static const EventHead *event_head(AioEventKind kind) {
    static EventHead heads[AIO_EV_LOOP_END + 1];
    EventHead *head = &heads[kind];
    if (head->length == 0) {
        int length = snprintf(head->text, sizeof head->text, ",\"event\":\"%s\",\"task\":", event_name(kind));
        head->length = length > 0 && (size_t)length < sizeof head->text ? (size_t)length : 0;
    }
    return head;
}

static void jsonl_event(Trace *trace, const AioEvent *event) {
    TraceBuf *line = &trace->line;
    trace_buf_putn(line, "{\"t\":", 5);
    if (isnan(event->time) || isinf(event->time)) trace_buf_puts(line, "null");
    else trace_put_time(trace, line, event->time);
    const EventHead *head = event_head(event->kind);
    trace_buf_put_padded(line, head->text, sizeof head->text, head->length);
    put_task_ref(trace, &event->task);
    const char *detail = event->detail;
    switch (event->kind) {
    case AIO_EV_LOOP_START: PUT_FIELD(line, "main", detail); break;
    case AIO_EV_SPAWN:
        trace_buf_puts(line, ",\"by\":");
        put_ref(line, &event->other);
        break;
    case AIO_EV_RESUME:
    case AIO_EV_WAKE:
        trace_buf_putn(line, ",\"reason\":", 10);
        if (event->reason_static) put_literal(trace->renderer_state, line, event->reason);
        else put_string(line, event->reason);
        break;
    case AIO_EV_SUSPEND:
        trace_buf_putn(line, ",\"on\":", 6);
        if (event->detail_static) put_literal(trace->renderer_state, line, detail);
        else put_string(line, detail);
        trace_buf_puts(line, ",\"until\":");
        put_until(line, event->until);
        break;
    case AIO_EV_DONE: PUT_FIELD(line, "result", detail); break;
    case AIO_EV_RAISED: PUT_FIELD(line, "exception", detail); break;
    case AIO_EV_CANCELLED: break;
    case AIO_EV_CALLBACK: PUT_FIELD(line, "callback", detail); break;
    case AIO_EV_BLOCKING:
        PUT_FIELD(line, "what", detail);
        trace_buf_puts(line, ",\"duration\":");
        put_seconds(line, event->duration);
        trace_buf_puts(line, ",\"delayed\":[");
        for (int i = 0; i < event->delayed_count; i++) {
            if (i > 0) trace_buf_putc(line, ',');
            put_ref(line, &event->delayed[i]);
        }
        trace_buf_putc(line, ']');
        break;
    case AIO_EV_IDLE:
        trace_buf_puts(line, ",\"until\":");
        put_until(line, event->until);
        break;
    case AIO_EV_DEADLOCK: PUT_FIELD(line, "chain", detail); break;
    case AIO_EV_NEVER_AWAITED: PUT_FIELD(line, "what", detail); break;
    case AIO_EV_LOOP_END: break;
    }
    if (event->file != NULL) {
        PUT_FIELD(line, "file", event->file);
        trace_buf_puts(line, ",\"line\":");
        trace_buf_int(line, event->line);
    }
    trace_buf_putc(line, '}');
    trace_line_end(trace);
}

static void jsonl_summary(Trace *trace) {
    TraceBuf *line = &trace->line;
    trace_buf_puts(line, "{\"t\":");
    put_seconds(line, trace->last_time);
    trace_buf_puts(line, ",\"event\":\"summary\",\"loop_time\":");
    put_seconds(line, trace_total_time(trace));
    trace_buf_puts(line, ",\"handoffs\":");
    trace_buf_int(line, trace->handoffs);
    trace_buf_puts(line, ",\"tasks\":[");
    bool first = true;
    for (int64_t id = 1; id <= trace->task_max_id; id++) {
        TraceTask *task = trace_task(trace, id);
        if (task == NULL) continue;
        double lifetime = trace_task_lifetime(trace, task);
        if (!first) trace_buf_putc(line, ',');
        first = false;
        AioTaskRef ref = {.id = id, .name = task->name, .coro = task->coro[0] != '\0' ? task->coro : NULL};
        put_ref(line, &ref);
        line->length--; /* reopen the task object: its statistics follow */
        trace_buf_puts(line, ",\"running\":");
        put_seconds(line, task->running);
        trace_buf_puts(line, ",\"waiting\":");
        put_seconds(line, lifetime > task->running ? lifetime - task->running : 0);
        trace_buf_puts(line, ",\"resumed\":");
        trace_buf_int(line, task->resumes);
        trace_buf_puts(line, ",\"outcome\":\"");
        trace_buf_puts(line, trace_outcome_word(task->outcome));
        trace_buf_puts(line, "\"}");
    }
    trace_buf_puts(line, "],\"longest_blocking\":");
    if (!trace->longest.any) {
        trace_buf_puts(line, "null");
    } else {
        TraceTask *who = trace_task(trace, trace->longest.task_id);
        AioTaskRef ref = {.id = trace->longest.task_id, .name = trace->longest.who, .coro = who != NULL && who->coro[0] != '\0' ? who->coro : NULL};
        trace_buf_puts(line, "{\"task\":");
        put_ref(line, &ref);
        trace_buf_puts(line, ",\"duration\":");
        put_seconds(line, trace->longest.duration);
        PUT_FIELD(line, "what", trace->longest.what);
        trace_buf_putc(line, '}');
    }
    trace_buf_putc(line, '}');
    trace_line_end(trace);
}

const TraceRenderer trace_jsonl_renderer = {
    .name = "jsonl",
    .appends_only = true,
    .begin = jsonl_begin,
    .event = jsonl_event,
    .summary = jsonl_summary,
    .end = jsonl_end,
};
