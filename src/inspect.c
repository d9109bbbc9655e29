/* inspect.c — the REPL's views of the loop: :tasks (a table of every task),
 * :where (a task's await chain with source lines, and who awaits it) and :loop
 * (the ready queue, the timers, who waits on what). They only read the loop,
 * its tasks and their coroutines' frames, and allocate no Python object, so the
 * REPL may show them at any point between two steps. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "inspect.h"
#include "trace.h"

enum {
    TASK_ROWS = 100,  /* :tasks shows this many rows; the rest are counted */
    LOOP_ROWS = 50,   /* :loop shows this many entries of each list */
    AWAITER_DEPTH = 8 /* :where follows awaiters this far out (a cycle would not end) */
};

/* asyncio's own Python (aio_prelude*.c) is compiled from files named "<asyncio>",
 * "<asyncio.locks>", ...: its frames and callbacks are not the learner's code. */
static bool is_asyncio_file(const ObjStr *file) {
    return file != NULL && strncmp(file->chars, "<asyncio", 8) == 0;
}

/* ------------------------------------------------------------------ names */


static const char *coro_name(const AioTask *task) {
    return IS_GENERATOR(task->coro) ? AS_GENERATOR(task->coro)->qualname->chars : NULL;
}

/* "Task-2 count()" */
static void put_task(FILE *out, const AioTask *task) {
    const char *coro = coro_name(task);
    char name_buf[TASK_NAME_BUF];
    fprintf(out, "%s", task_name(task, name_buf));
    if (coro != NULL) fprintf(out, " %s()", coro);
}

/* What a future stands for, in the trace's words: "Task-3 (worker)", "gather of 3",
 * "sleep until t=1.000", "Queue.get", "a Future". */
static void describe_future(const AioFuture *future, char *buf, size_t size) {
    if (future->is_task) {
        const AioTask *task = (const AioTask *)future;
        const char *coro = coro_name(task);
        char name_buf[TASK_NAME_BUF];
        if (coro != NULL) snprintf(buf, size, "%s (%s)", task_name(task, name_buf), coro);
        else snprintf(buf, size, "%s", task_name(task, name_buf));
    } else if (future->gather_count > 0 || future->children != NULL) {
        snprintf(buf, size, "gather of %d", future->gather_count);
    } else if (future->until >= 0) {
        snprintf(buf, size, "%s until t=%.3f", future->what, future->until);
    } else {
        snprintf(buf, size, "%s", future->what);
    }
}

/* A callable's name for a callback: "report()", or "?" for objects without one. */
static void describe_callable(Value callable, char *buf, size_t size, bool *internal) {
    *internal = false;
    if (IS_BOUND_METHOD(callable)) callable = AS_BOUND_METHOD(callable)->callable;
    if (IS_FUNCTION(callable)) {
        ObjFunction *function = AS_FUNCTION(callable);
        snprintf(buf, size, "%s()", function->qualname->chars);
        *internal = is_asyncio_file(function->code->filename);
    } else if (IS_NATIVE(callable)) {
        snprintf(buf, size, "%s()", AS_NATIVE(callable)->name->chars);
    } else {
        snprintf(buf, size, "a callable");
    }
}

/* ------------------------------------------------------------------ states */

typedef enum { STATE_RUNNING, STATE_READY, STATE_WAITING } TaskState;

/* The tasks the ready queue will step (a first step, a wake-up), sorted, so that
 * the state of each of many tasks is a binary search, not a walk of the queue. */
typedef struct {
    const Obj **tasks;
    size_t count;
} ReadySet;

static int pointer_order(const void *a, const void *b) {
    uintptr_t x = (uintptr_t)*(const Obj *const *)a, y = (uintptr_t)*(const Obj *const *)b;
    return x < y ? -1 : x > y;
}

static ReadySet ready_set_of(const AioLoop *loop) {
    ReadySet set = {malloc((loop->ready_count + 1) * sizeof(const Obj *)), 0};
    if (set.tasks == NULL) return set;
    for (size_t i = 0; i < loop->ready_count; i++) {
        const ReadyEntry *entry = &loop->ready[(loop->ready_head + i) % loop->ready_capacity];
        if (entry->fn != NULL && aio_is_task(entry->data)) set.tasks[set.count++] = AS_OBJ(entry->data);
    }
    qsort(set.tasks, set.count, sizeof(const Obj *), pointer_order);
    return set;
}

static bool ready_set_has(const ReadySet *set, const AioTask *task) {
    const Obj *key = (const Obj *)task;
    return set->count > 0 && bsearch(&key, set->tasks, set->count, sizeof(const Obj *), pointer_order) != NULL;
}

static TaskState state_of(const AioLoop *loop, const ReadySet *ready, const AioTask *task) {
    if (loop->current == task) return STATE_RUNNING;
    if (ready_set_has(ready, task) || !aio_is_future(task->fut_waiter)) return STATE_READY;
    return STATE_WAITING;
}

static bool not_started(const AioTask *task) {
    return IS_GENERATOR(task->coro) && AS_GENERATOR(task->coro)->state == GEN_CREATED;
}

/* ------------------------------------------------------------------ :tasks */

typedef struct {
    int64_t id;
    char name[32], coro[44], state[12], waits[72], since[16], resumed[16], running[16];
} TaskRow;

static void seconds_text(char *buf, size_t size, double seconds) {
    if (seconds < 0 || !isfinite(seconds)) snprintf(buf, size, "-");
    else snprintf(buf, size, "%.3f", seconds);
}

static void row_from_history(TaskRow *row, const HistoryTask *known, double now) {
    snprintf(row->since, sizeof row->since, "%.3f", known->since);
    snprintf(row->resumed, sizeof row->resumed, "%lld", (long long)known->resumes);
    double running = known->running;
    if (known->resumed_at >= 0 && now > known->resumed_at) running += now - known->resumed_at;
    seconds_text(row->running, sizeof row->running, running);
}

static void live_row(TaskRow *row, const AioLoop *loop, const ReadySet *ready, const AioTask *task,
                     const HistoryTask *known) {
    row->id = task->id;
    char name_buf[TASK_NAME_BUF];
    snprintf(row->name, sizeof row->name, "%s", task_name(task, name_buf));
    const char *coro = coro_name(task);
    snprintf(row->coro, sizeof row->coro, "%s%s", coro != NULL ? coro : "", coro != NULL ? "()" : "");
    TaskState state = state_of(loop, ready, task);
    snprintf(row->state, sizeof row->state, "%s",
             state == STATE_RUNNING ? "running" : state == STATE_READY ? "ready" : "waiting");
    if (state == STATE_WAITING) {
        if (known != NULL && known->waiting_on[0] != '\0') {
            snprintf(row->waits, sizeof row->waits, "%s", known->waiting_on);
        } else {
            describe_future((const AioFuture *)AS_OBJ(task->fut_waiter), row->waits, sizeof row->waits);
        }
    } else if (state == STATE_READY && not_started(task)) {
        snprintf(row->waits, sizeof row->waits, "(not started)");
    }
    if (known != NULL) {
        row_from_history(row, known, loop->virtual_now);
    } else { /* the history began after this task did */
        snprintf(row->since, sizeof row->since, "?");
        snprintf(row->resumed, sizeof row->resumed, "?");
        snprintf(row->running, sizeof row->running, "?");
    }
}

static void ended_row(TaskRow *row, const HistoryTask *known, double now) {
    row->id = known->id;
    snprintf(row->name, sizeof row->name, "%s", known->name);
    snprintf(row->coro, sizeof row->coro, "%s%s", known->coro, known->coro[0] != '\0' ? "()" : "");
    const char *state = known->outcome == HISTORY_DONE        ? "done"
                        : known->outcome == HISTORY_RAISED    ? "failed"
                        : known->outcome == HISTORY_CANCELLED ? "cancelled"
                                                              : "gone";
    snprintf(row->state, sizeof row->state, "%s", state);
    if (known->outcome == HISTORY_DONE) snprintf(row->waits, sizeof row->waits, "→ %s", known->result);
    else if (known->outcome == HISTORY_RAISED) snprintf(row->waits, sizeof row->waits, "%s", known->result);
    row_from_history(row, known, now);
}

/* Columns of UTF-8 text (the "→" of a result counts one). */
static int text_width(const char *text) {
    int width = 0;
    for (; *text != '\0'; text++)
        if (((unsigned char)*text & 0xC0) != 0x80) width++;
    return width;
}

static void put_padded(FILE *out, const char *text, int width, bool right) {
    int pad = width - text_width(text);
    if (right)
        for (int i = 0; i < pad; i++) fputc(' ', out);
    fputs(text, out);
    if (!right)
        for (int i = 0; i < pad; i++) fputc(' ', out);
}

static void print_task_rows(const TaskRow *rows, size_t count, FILE *out) {
    static const char *const headers[] = {"task", "coroutine", "state", "waits on", "since", "resumed", "running"};
    int widths[7], id_width = 2;
    for (int c = 0; c < 7; c++) widths[c] = text_width(headers[c]);
    for (size_t i = 0; i < count; i++) {
        const char *cells[] = {rows[i].name,  rows[i].coro,    rows[i].state,  rows[i].waits,
                               rows[i].since, rows[i].resumed, rows[i].running};
        for (int c = 0; c < 7; c++)
            if (text_width(cells[c]) > widths[c]) widths[c] = text_width(cells[c]);
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)rows[i].id);
        if ((int)strlen(id) > id_width) id_width = (int)strlen(id);
    }
    fputs("  ", out);
    put_padded(out, "id", id_width, true);
    for (int c = 0; c < 7; c++) {
        fputs("  ", out);
        put_padded(out, headers[c], c == 6 ? 0 : widths[c], c >= 4);
    }
    fputc('\n', out);
    for (size_t i = 0; i < count; i++) {
        const char *cells[] = {rows[i].name,  rows[i].coro,    rows[i].state,  rows[i].waits,
                               rows[i].since, rows[i].resumed, rows[i].running};
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)rows[i].id);
        fputs("  ", out);
        put_padded(out, id, id_width, true);
        for (int c = 0; c < 7; c++) {
            fputs("  ", out);
            put_padded(out, cells[c], widths[c], c >= 4);
        }
        fputc('\n', out);
    }
}

void inspect_tasks(AioLoop *loop, const History *history, FILE *out) {
    TaskRow *rows = malloc(TASK_ROWS * sizeof(TaskRow));
    if (rows == NULL) return;
    ReadySet ready = ready_set_of(loop);
    size_t count = 0, more = 0, known_index = 0, known_count = history_task_count(history);
    const AioTask *live = loop->tasks_head;
    /* Both lists are in id order: merge them. */
    while (live != NULL || known_index < known_count) {
        const HistoryTask *known = history_task_at(history, known_index);
        TaskRow row;
        memset(&row, 0, sizeof row);
        if (live != NULL && (known == NULL || live->id <= known->id)) {
            const HistoryTask *same = known != NULL && known->id == live->id ? known : NULL;
            const AioTask *task = live;
            if (same != NULL) known_index++;
            live = live->next;
            if (trace_hides_coroutine(coro_name(task))) continue; /* asyncio's own, as in the trace */
            if (count == TASK_ROWS) {
                more++;
                continue;
            }
            live_row(&row, loop, &ready, task, same);
        } else {
            known_index++;
            if (known->outcome == HISTORY_ALIVE) continue; /* pending in the history, gone from the loop (:reset) */
            if (trace_hides_coroutine(known->coro)) continue;
            if (count == TASK_ROWS) {
                more++;
                continue;
            }
            ended_row(&row, known, loop->virtual_now);
        }
        rows[count++] = row;
    }
    fprintf(out, "tasks at t=%.3f", loop->virtual_now);
    uint64_t forgotten = history_forgotten(history);
    if (forgotten > 0) fprintf(out, " (%llu older finished tasks not listed)", (unsigned long long)forgotten);
    fputs(":\n", out);
    if (count == 0) fputs("  none\n", out);
    else print_task_rows(rows, count, out);
    if (more > 0) fprintf(out, "  … and %zu more tasks\n", more);
    free(ready.tasks);
    free(rows);
}

/* ------------------------------------------------------------ finding a task */

static bool parse_id(const char *text, int64_t *id) {
    if (*text == '#') text++;
    if (*text < '0' || *text > '9') return false;
    char *end;
    long long value = strtoll(text, &end, 10);
    if (*end != '\0') return false;
    *id = value;
    return true;
}

AioTask *inspect_find_task(AioLoop *loop, const char *spec, const char **why) {
    *why = NULL;
    while (*spec == ' ') spec++;
    size_t length = strlen(spec);
    while (length > 0 && spec[length - 1] == ' ') length--;
    if (length == 0) {
        *why = "name a task: its name (Task-2), its id (2 or #2) or its coroutine (count)";
        return NULL;
    }
    char wanted[128];
    if (length >= sizeof wanted) length = sizeof wanted - 1;
    memcpy(wanted, spec, length);
    wanted[length] = '\0';
    for (AioTask *task = loop->tasks_head; task != NULL; task = task->next) {
        char name_buf[TASK_NAME_BUF];
        if (strcmp(task_name(task, name_buf), wanted) == 0) return task;
    }
    int64_t id;
    if (parse_id(wanted, &id)) {
        for (AioTask *task = loop->tasks_head; task != NULL; task = task->next)
            if (task->id == id) return task;
    }
    /* A coroutine's name, with or without its parentheses. */
    if (length > 2 && strcmp(wanted + length - 2, "()") == 0) wanted[length - 2] = '\0';
    AioTask *found = NULL;
    int matches = 0;
    for (AioTask *task = loop->tasks_head; task != NULL; task = task->next) {
        const char *coro = coro_name(task);
        if (coro != NULL && strcmp(coro, wanted) == 0) {
            found = task;
            matches++;
        }
    }
    if (matches == 1) return found;
    *why = matches > 1 ? "several tasks run that coroutine: name one by its task name or id (see :tasks)"
                       : "no pending task by that name or id (finished tasks leave the loop: see :tasks)";
    return NULL;
}

/* ------------------------------------------------------------------ :where */

static int frame_line(const CallFrame *frame) {
    ObjCode *code = frame->function->code;
    if (code->code_length == 0) return code->firstline;
    int64_t offset = frame->ip - code->code - 1;
    if (offset < 0) offset = 0;
    if (offset >= code->code_length) offset = code->code_length - 1;
    return code->lines[offset];
}

/* One frame as a traceback shows it, with its source line. asyncio's own frames
 * get one short line: their source is not the learner's. */
static void put_frame(VM *vm, ObjCode *code, int line, FILE *out) {
    const char *file = code->filename != NULL ? code->filename->chars : "?";
    if (is_asyncio_file(code->filename)) {
        fprintf(out, "  in %s (asyncio)\n", code->qualname->chars);
        return;
    }
    fprintf(out, "  File \"%s\", line %d, in %s\n", file, line, code->qualname->chars);
    size_t length = 0;
    const char *source = vm_source_line(vm, file, line, &length);
    if (source == NULL) return;
    while (length > 0 && (*source == ' ' || *source == '\t')) source++, length--;
    while (length > 0 && (source[length - 1] == '\n' || source[length - 1] == '\r' || source[length - 1] == ' '))
        length--;
    if (length > 0) fprintf(out, "    %.*s\n", (int)length, source);
}

/* The coroutines `coro` awaits through, outermost first. */
static void put_await_chain(VM *vm, Value coro, FILE *out) {
    for (int depth = 0; IS_GENERATOR(coro) && depth < 64; depth++) {
        ObjGenerator *gen = AS_GENERATOR(coro);
        ObjCode *code = gen->function->code;
        if (gen->state == GEN_CREATED || gen->fiber == NULL || gen->fiber->frame_count == 0) {
            put_frame(vm, code, code->firstline, out);
            return;
        }
        const CallFrame *frame = &gen->fiber->frames[gen->fiber->frame_count - 1];
        put_frame(vm, frame->function->code, frame_line(frame), out);
        coro = gen->delegate;
    }
}

/* The innermost frame of `task` in the learner's code, as "count.py:9", or "". */
static void user_location(const AioTask *task, char *buf, size_t size) {
    buf[0] = '\0';
    Value coro = task->coro;
    for (int depth = 0; IS_GENERATOR(coro) && depth < 64; depth++) {
        ObjGenerator *gen = AS_GENERATOR(coro);
        if (gen->fiber == NULL || gen->fiber->frame_count == 0 || gen->state == GEN_CREATED) return;
        const CallFrame *frame = &gen->fiber->frames[gen->fiber->frame_count - 1];
        ObjStr *file = frame->function->code->filename;
        if (file != NULL && !is_asyncio_file(file))
            snprintf(buf, size, "%s:%d", file->chars, frame_line(frame));
        coro = gen->delegate;
    }
}

/* Whether `future` waits for `task`: it is the task, or a gather holding it. */
static bool future_holds(const AioFuture *future, const AioTask *task, int depth) {
    if (future == &task->future) return true;
    if (future->children == NULL || depth > 4) return false;
    const ObjList *children = future->children;
    for (int64_t i = 0; i < children->count; i++) {
        Value child = children->items[i];
        if (aio_is_future(child) && future_holds((const AioFuture *)AS_OBJ(child), task, depth + 1)) return true;
    }
    return false;
}

static void put_awaiters(AioLoop *loop, const AioTask *task, int depth, FILE *out) {
    bool any = false;
    for (AioTask *other = loop->tasks_head; other != NULL; other = other->next) {
        if (other == task || !aio_is_future(other->fut_waiter)) continue;
        const AioFuture *waited = (const AioFuture *)AS_OBJ(other->fut_waiter);
        if (!future_holds(waited, task, 0)) continue;
        any = true;
        fprintf(out, "%*sawaited by ", 2 * depth, "");
        put_task(out, other);
        if (!waited->is_task) {
            char what[80];
            describe_future(waited, what, sizeof what);
            fprintf(out, " through %s", what);
        }
        char where[200];
        user_location(other, where, sizeof where);
        if (where[0] != '\0') fprintf(out, " at %s", where);
        fputc('\n', out);
        if (depth + 1 < AWAITER_DEPTH) put_awaiters(loop, other, depth + 1, out);
    }
    if (any) return;
    if (loop->main_task == task) fprintf(out, "%*sawaited by asyncio.run()\n", 2 * depth, "");
    else if (depth == 0) fputs("no task awaits it directly\n", out);
}

void inspect_where(AioLoop *loop, AioTask *task, FILE *out) {
    VM *vm = loop->vm;
    put_task(out, task);
    if (task->future.state != FUTURE_PENDING) {
        fputs(" has finished\n", out);
        return;
    }
    ReadySet ready = ready_set_of(loop);
    TaskState state = state_of(loop, &ready, task);
    free(ready.tasks);
    if (state == STATE_RUNNING) {
        fputs(" is running\n", out);
    } else if (not_started(task)) {
        fputs(" has not started: it takes its first step when the loop reaches it in the ready queue\n", out);
    } else if (state == STATE_READY) {
        fputs(" is ready: it goes on when the loop reaches it in the ready queue\n", out);
    } else {
        char what[120];
        describe_future((const AioFuture *)AS_OBJ(task->fut_waiter), what, sizeof what);
        fprintf(out, " is waiting on %s\n", what);
    }
    put_await_chain(vm, task->coro, out);
    put_awaiters(loop, task, 0, out);
}

/* ------------------------------------------------------------------ :loop */

/* The task whose fut_waiter is `future`, or NULL. */
static const AioTask *waiter_of(const AioLoop *loop, const AioFuture *future) {
    for (const AioTask *task = loop->tasks_head; task != NULL; task = task->next)
        if (IS_OBJ(task->fut_waiter) && AS_OBJ(task->fut_waiter) == (const Obj *)future) return task;
    return NULL;
}

/* "timer: sleep(1) is over, for Task-2 count()" */
static void put_timer_end(const AioLoop *loop, const AioFuture *future, FILE *out) {
    char name[160];
    const AioTask *waiter = waiter_of(loop, future);
    describe_future(future, name, sizeof name);
    fprintf(out, "timer: %s is over", name);
    if (waiter != NULL) {
        fputs(", for ", out);
        put_task(out, waiter);
    }
}

/* One ready entry in words: a task's step, its wake-up, or a callback. */
static void put_ready_entry(const AioLoop *loop, const ReadyEntry *entry, FILE *out) {
    char name[160];
    bool internal;
    const AioFuture *slept = loop_entry_sleep(entry);
    if (slept != NULL) {
        put_timer_end(loop, slept, out);
        return;
    }
    if (entry->fn == NULL) {
        const AioHandle *handle = ready_entry_handle(entry);
        if (handle->fn == NULL) {
            describe_callable(handle->callback, name, sizeof name, &internal);
            fprintf(out, "callback %s%s", name, internal ? " (asyncio)" : "");
        } else if (aio_is_future(handle->callback)) {
            put_timer_end(loop, (const AioFuture *)AS_OBJ(handle->callback), out);
        } else {
            fputs("callback (asyncio)", out);
        }
        return;
    }
    Value arg = ready_entry_arg(entry);
    if (aio_is_task(entry->data)) {
        const AioTask *task = (const AioTask *)AS_OBJ(entry->data);
        if (aio_is_future(arg)) {
            describe_future((const AioFuture *)AS_OBJ(arg), name, sizeof name);
            fputs("wake ", out);
            put_task(out, task);
            fprintf(out, ": %s is done", name);
        } else {
            fputs("step ", out);
            put_task(out, task);
            if (not_started(task)) fputs(" (first step)", out);
            else if (!IS_EMPTY(arg)) fputs(" (throws an exception into it)", out);
        }
        return;
    }
    if (aio_is_future(arg) && !IS_NONE(entry->data) && !IS_EMPTY(entry->data)) {
        describe_callable(entry->data, name, sizeof name, &internal);
        fprintf(out, "done callback %s%s", name, internal ? " (asyncio)" : "");
        return;
    }
    fputs("callback (asyncio)", out);
}

typedef struct {
    double when;
    uint64_t sequence;
    const Obj *target;      /* an AioHandle, or the AioFuture of a sleep */
} TimerRow;

static int timer_order(const void *a, const void *b) {
    const TimerRow *x = a, *y = b;
    if (x->when != y->when) return x->when < y->when ? -1 : 1;
    return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

static void put_timers(const AioLoop *loop, FILE *out) {
    size_t count = 0;
    TimerRow *rows = malloc((loop->timer_count + 1) * sizeof(TimerRow));
    if (rows == NULL) return;
    for (size_t i = 0; i < loop->timer_count; i++) {
        const TimerEntry *timer = &loop->timers[i];
        bool sleep = aio_is_future(OBJ_VAL(timer->target));
        if (sleep ? ((const AioFuture *)timer->target)->timer_off : ((const AioHandle *)timer->target)->cancelled)
            continue;
        rows[count++] = (TimerRow){timer->when, timer->sequence, timer->target};
    }
    qsort(rows, count, sizeof(TimerRow), timer_order);
    fprintf(out, "timers (%zu):\n", count);
    if (count == 0) fputs("  none\n", out);
    for (size_t i = 0; i < count && i < LOOP_ROWS; i++) {
        double left = rows[i].when - loop->virtual_now;
        fprintf(out, "  t=%.3f  in %.3f s  ", rows[i].when, left > 0 ? left : 0);
        char name[160];
        bool internal;
        const AioHandle *handle = (const AioHandle *)rows[i].target;
        if (aio_is_future(OBJ_VAL((Obj *)rows[i].target))) {
            const AioFuture *future = (const AioFuture *)rows[i].target;
            const AioTask *waiter = waiter_of(loop, future);
            fputs("ends a sleep", out);
            if (waiter != NULL) {
                fputs(" of ", out);
                put_task(out, waiter);
            }
        } else if (handle->fn == NULL) {
            describe_callable(handle->callback, name, sizeof name, &internal);
            fprintf(out, "callback %s%s", name, internal ? " (asyncio)" : "");
        } else {
            fputs("callback (asyncio)", out);
        }
        fputc('\n', out);
    }
    if (count > LOOP_ROWS) fprintf(out, "  … and %zu more\n", count - LOOP_ROWS);
    free(rows);
}

/* Who waits on what: each waiting task with its future, and a gather's children. */
static void put_waiters(const AioLoop *loop, FILE *out) {
    ReadySet ready = ready_set_of(loop);
    size_t count = 0;
    for (const AioTask *task = loop->tasks_head; task != NULL; task = task->next)
        if (state_of(loop, &ready, task) == STATE_WAITING) count++;
    fprintf(out, "waiting (%zu):\n", count);
    if (count == 0) fputs("  none\n", out);
    size_t shown = 0;
    for (const AioTask *task = loop->tasks_head; task != NULL && shown < LOOP_ROWS; task = task->next) {
        if (state_of(loop, &ready, task) != STATE_WAITING) continue;
        shown++;
        const AioFuture *future = (const AioFuture *)AS_OBJ(task->fut_waiter);
        char what[120];
        describe_future(future, what, sizeof what);
        fputs("  ", out);
        put_task(out, task);
        fprintf(out, " waits on %s", what);
        if (future->children != NULL) {
            const ObjList *children = future->children;
            fputs(":", out);
            for (int64_t i = 0; i < children->count && i < 8; i++) {
                if (!aio_is_future(children->items[i])) continue;
                const AioFuture *child = (const AioFuture *)AS_OBJ(children->items[i]);
                fputs(i > 0 ? ", " : " ", out);
                if (child->is_task) {
                    put_task(out, (const AioTask *)child);
                } else {
                    char name[120];
                    describe_future(child, name, sizeof name);
                    fputs(name, out);
                }
                fprintf(out, " (%s)", child->state == FUTURE_PENDING     ? "pending"
                                      : child->state == FUTURE_CANCELLED ? "cancelled"
                                                                         : "done");
            }
            if (children->count > 8) fprintf(out, ", … %lld in all", (long long)children->count);
        }
        fputc('\n', out);
    }
    if (count > shown) fprintf(out, "  … and %zu more\n", count - shown);
    free(ready.tasks);
}

void inspect_loop(AioLoop *loop, FILE *out) {
    fprintf(out, "loop at t=%.3f, %s clock\n", loop->virtual_now, loop->clock == CLOCK_VIRTUAL ? "virtual" : "real");
    if (loop->current != NULL) {
        fputs("running: ", out);
        put_task(out, loop->current);
        fputc('\n', out);
    }
    size_t live = 0;
    for (size_t i = 0; i < loop->ready_count; i++) {
        const ReadyEntry *entry = &loop->ready[(loop->ready_head + i) % loop->ready_capacity];
        if (entry->fn != NULL || !ready_entry_handle(entry)->cancelled) live++;
    }
    fprintf(out, "ready queue (%zu), in the order the loop runs it:\n", live);
    if (live == 0) fputs("  empty\n", out);
    size_t shown = 0;
    for (size_t i = 0; i < loop->ready_count && shown < LOOP_ROWS; i++) {
        const ReadyEntry *entry = &loop->ready[(loop->ready_head + i) % loop->ready_capacity];
        if (entry->fn == NULL && ready_entry_handle(entry)->cancelled) continue;
        fprintf(out, "  %zu. ", ++shown);
        put_ready_entry(loop, entry, out);
        fputc('\n', out);
    }
    if (live > shown) fprintf(out, "  … and %zu more\n", live - shown);
    put_timers(loop, out);
    put_waiters(loop, out);
}
