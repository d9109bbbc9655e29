/* loop.c — the asyncio event loop on libevent. One iteration is CPython's
 * BaseEventLoop._run_once: drop cancelled timer heads, wait (in the kernel, or by
 * jumping the virtual clock) until the earliest timer, move due timers to the
 * ready queue in (when, sequence) order, then run exactly the handles that were
 * ready at that point. Also the loop's clock, which the time module reads. */
#include "loop.h"

#include <errno.h>
#include <event2/event.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <time.h>

#include "memory.h"

/* Like asyncio's debug-mode slow_callback_duration. */
#define SLOW_STEP_SECONDS 0.1
/* CPython's time.get_clock_info('monotonic').resolution. */
#define CLOCK_RESOLUTION 1e-9

/* ------------------------------------------------------------------ clock */

static double clock_seconds(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

int64_t loop_coarse_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now); /* async-signal-safe: the REPL's handler calls it */
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

/* Loop time is logical under both clocks: it moves when the loop reaches a timer
 * and when time.sleep blocks, so that output and printed times are the same under
 * both. The real clock differs only in waiting: it really sleeps (in the kernel)
 * until (deadline - now) / speed seconds of wall time have passed. Computation
 * does not move loop time (the trace's blocking reports measure it in wall time). */
static double loop_now(AioLoop *loop) { return loop->virtual_now; }

/* Moves loop time to `t`, never backwards. */
static void set_loop_time(AioLoop *loop, double t) {
    if (t > loop->virtual_now) loop->virtual_now = t;
}

static void session_sync_clock(AioLoop *loop);

static double clock_now(void *data) {
    AioLoop *loop = data;
    if (loop->session) session_sync_clock(loop); /* the REPL's real clock follows the wall clock */
    return loop->worker_depth > 0 ? loop_now(loop) + loop->worker_spent : loop_now(loop);
}

/* Elapsed wall time * speed: how long code really held the loop (blocking reports),
 * read once a step while tracing. The kernel's coarse clock reads in a quarter of
 * the time; it is used while its tick, in loop time, is within 5 ms (a twentieth
 * of the 100 ms a step must hold the loop to be reported). Both count from one origin. */
static double held_time(AioLoop *loop) {
    clockid_t clock = loop->speed <= loop->coarse_max_speed ? CLOCK_MONOTONIC_COARSE : CLOCK_MONOTONIC;
    return (clock_seconds(clock) - loop->real_start) * loop->speed;
}

static double clock_wall(void *data) {
    AioLoop *loop = data;
    return loop->wall_start + clock_now(data);
}

/* Real sleep of `seconds` of wall time; Ctrl-C (vm->interrupted) cuts it short.
 * Returns the wall time left unslept (0 when it slept it all). */
static double sleep_wall(VM *vm, double seconds) {
    struct timespec request, remaining;
    request.tv_sec = (time_t)seconds;
    request.tv_nsec = (long)((seconds - (double)request.tv_sec) * 1e9);
    if (request.tv_nsec >= 1000000000L) request.tv_sec++, request.tv_nsec -= 1000000000L;
    if (request.tv_nsec < 0) request.tv_nsec = 0;
    while (nanosleep(&request, &remaining) != 0 && errno == EINTR) {
        if (vm->interrupted) return (double)remaining.tv_sec + (double)remaining.tv_nsec / 1e9;
        request = remaining;
    }
    return 0;
}

/* time.sleep: blocks the whole loop, so it is reported as a blocking call. */
static void clock_sleep(void *data, double seconds) {
    AioLoop *loop = data;
    if (loop->worker_depth > 0) { /* a run_in_executor function: its own clock */
        loop->worker_spent += seconds;
        return;
    }
    if (loop->session) session_sync_clock(loop);
    double start = loop_now(loop);
    double slept = seconds;
    /* Cut short by Ctrl-C: the clock moves by the part that really passed. */
    if (loop->clock == CLOCK_REAL) slept -= sleep_wall(loop->vm, seconds / loop->speed) * loop->speed;
    if (slept < 0) slept = 0;
    set_loop_time(loop, start + slept);
    if (loop_tracing(loop) && loop->running) {
        char what[64];
        snprintf(what, sizeof what, "time.sleep(%g)", seconds);
        loop_report_blocking(loop->vm, what, slept);
    }
}

double loop_time(VM *vm) { return clock_now(vm->loop); }

/* ------------------------------------------------------------------ events */

/* Inline: every event makes two. */
static inline void task_ref(AioTask *task, AioTaskRef *ref) {
    if (task == NULL) {
        ref->id = 0;
        ref->name_revision = 1;
        ref->default_number = 0;
        ref->name = "loop";
        ref->coro = NULL;
        return;
    }
    ref->id = task->id;
    /* A default name stays a number here: writing it out on every event cost more
     * than the rest of the reference. */
    ref->name = IS_STR(task->name) ? AS_STR(task->name)->chars : IS_INT(task->name) ? NULL : "?";
    ref->default_number = IS_INT(task->name) ? AS_INT(task->name) : 0;
    ref->name_revision = task->name_revision + 1;
    ref->coro = IS_GENERATOR(task->coro) ? AS_GENERATOR(task->coro)->qualname->chars : NULL;
}

void loop_task_ref(AioTask *task, AioTaskRef *ref) { task_ref(task, ref); }

static void emit(AioLoop *loop, AioEventKind kind, AioTask *task, AioTask *other, const char *reason,
                 const char *detail, bool detail_static, double until, double duration) {
    /* Every field set one by one: a memset of the whole event was a string
     * instruction with a high start-up cost, twice a hand-off. */
    AioEvent event;
    event.kind = kind;
    event.time = clock_now(loop);
    task_ref(task, &event.task);
    task_ref(other, &event.other);
    event.reason = reason;
    event.detail = detail;
    event.until = until;
    event.duration = duration;
    event.delayed = NULL;
    event.delayed_count = 0;
    event.file = NULL;
    event.line = 0;
    event.reason_static = true; /* the loop's reasons are all literals */
    event.detail_static = detail_static;
    loop->sink(loop->sink_data, &event);
}

void loop_emit(AioLoop *loop, AioEventKind kind, AioTask *task, AioTask *other, const char *reason,
               const char *detail, double until, double duration) {
    if (loop_tracing(loop)) emit(loop, kind, task, other, reason, detail, false, until, duration);
}

void loop_emit_literal(AioLoop *loop, AioEventKind kind, AioTask *task, const char *reason, const char *detail) {
    if (loop_tracing(loop)) emit(loop, kind, task, NULL, reason, detail, true, -1, 0);
}

void loop_set_event_sink(AioLoop *loop, AioEventSink sink, void *data) {
    loop->sink = sink;
    loop->sink_data = data;
}

/* Tasks in the ready queue, for a blocking report. */
void loop_report_blocking(VM *vm, const char *what, double duration) {
    AioLoop *loop = vm->loop;
    if (!loop_tracing(loop)) return;
    enum { MAX_DELAYED = 16 };
    AioTaskRef delayed[MAX_DELAYED];
    int count = 0;
    for (size_t i = 0; i < loop->ready_count && count < MAX_DELAYED; i++) {
        ReadyEntry *entry = &loop->ready[(loop->ready_head + i) & (loop->ready_capacity - 1)];
        if (aio_is_task(entry->data)) loop_task_ref((AioTask *)AS_OBJ(entry->data), &delayed[count++]);
    }
    AioEvent event;
    memset(&event, 0, sizeof event);
    event.kind = AIO_EV_BLOCKING;
    event.time = clock_now(loop);
    loop_task_ref(loop->current, &event.task);
    loop_task_ref(NULL, &event.other);
    event.detail = what;
    event.until = -1;
    event.duration = duration;
    event.delayed = delayed;
    event.delayed_count = count;
    loop->sink(loop->sink_data, &event);
}

/* ------------------------------------------------------------- ready queue */

static void ready_grow(AioLoop *loop) {
    size_t capacity = loop->ready_capacity < 64 ? 64 : loop->ready_capacity * 2;
    ReadyEntry *grown = malloc(sizeof(ReadyEntry) * capacity);
    if (grown == NULL) {
        fprintf(stderr, "handoff: out of memory (ready queue)\n");
        abort();
    }
    for (size_t i = 0; i < loop->ready_count; i++)
        grown[i] = loop->ready[(loop->ready_head + i) & (loop->ready_capacity - 1)];
    free(loop->ready);
    loop->ready = grown;
    loop->ready_capacity = capacity;
    loop->ready_head = 0;
}

/* `arg` is EMPTY or an object (an exception, a future): what callbacks take. The
 * fields are stored one by one: a whole struct passed by value cost a stall (stores,
 * then a wider load of the same bytes) on every hand-off. */
static inline void ready_push(AioLoop *loop, AioCallbackFn fn, Value data, Value arg) {
    if (loop->ready_count == loop->ready_capacity) ready_grow(loop);
    ReadyEntry *entry = &loop->ready[(loop->ready_head + loop->ready_count) & (loop->ready_capacity - 1)];
    entry->fn = fn;
    entry->data = data;
    entry->arg = IS_OBJ(arg) ? AS_OBJ(arg) : NULL;
    loop->ready_count++;
}

static ReadyEntry ready_pop(AioLoop *loop) {
    ReadyEntry entry = loop->ready[loop->ready_head];
    loop->ready_head = (loop->ready_head + 1) & (loop->ready_capacity - 1);
    loop->ready_count--;
    return entry;
}

void loop_call_soon(VM *vm, AioCallbackFn fn, Value data, Value arg) {
    ready_push(vm->loop, fn, data, arg);
}

/* A message on standard error through vm_write (the REPL redraws its prompt
 * around it). Allocates no GC object. */
static void write_message(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void write_message(VM *vm, const char *fmt, ...) {
    char text[1024];
    va_list args;
    va_start(args, fmt);
    int length = vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    if (length < 0) return;
    if ((size_t)length >= sizeof text) length = (int)sizeof text - 1;
    vm_write(vm, 2, text, (size_t)length);
}

/* ------------------------------------------------------------------ handles */

static void handle_mark(VM *vm, void *object) {
    AioHandle *handle = object;
    gc_mark_value(vm, handle->callback);
    gc_mark_value(vm, handle->args);
}

static const NativeDataType HANDLE_KIND = {"Handle", handle_mark, NULL};

static AioHandle *handle_new(VM *vm, bool is_timer, AioCallbackFn fn, Value callback, Value args) {
    AioClasses *classes = aio_classes(vm);
    AioHandle *handle = (AioHandle *)native_data_new(
        vm, is_timer ? classes->TimerHandle : classes->Handle, &HANDLE_KIND, sizeof(AioHandle));
    handle->fn = fn;
    handle->callback = callback;
    handle->args = args;
    handle->when = -1;
    handle->is_timer = is_timer;
    return handle;
}

/* Runs a Handle's callback: C, or a Python callable with its argument tuple.
 * An exception from a plain callback is reported (as asyncio's default
 * exception handler does) and the loop goes on. */
static void run_handle(VM *vm, AioHandle *handle) {
    if (handle->fn != NULL) {
        handle->fn(vm, handle->callback, handle->args);
        return;
    }
    AioLoop *loop = vm->loop;
    if (loop_tracing(loop)) {
        Value name = vm_getattr_opt(vm, handle->callback, vm->s_name);
        loop_emit(loop, AIO_EV_CALLBACK, NULL, NULL, NULL, IS_STR(name) ? AS_STR(name)->chars : "callback", -1, 0);
    }
    ObjTuple *args = IS_TUPLE(handle->args) ? AS_TUPLE(handle->args) : NULL;
    Value result = vm_call(vm, handle->callback, args != NULL ? (int)args->count : 0,
                           args != NULL ? args->items : NULL);
    if (IS_EMPTY(result)) {
        if (vm_exception_matches(vm, vm->types.KeyboardInterrupt) ||
            vm_exception_matches(vm, vm->types.SystemExit)) {
            loop->escaped = true;
            loop->escaped_exception = vm_take_exception(vm);
            return;
        }
        Value exc = vm_take_exception(vm);
        fflush(stdout);
        Value repr = vm_repr(vm, handle->callback);
        if (IS_EMPTY(repr)) vm_take_exception(vm);
        write_message(vm, "Exception in callback %s\n", IS_STR(repr) ? AS_STR(repr)->chars : "?");
        vm_print_exception(vm, exc);
        vm->exception = EMPTY_VAL;
    }
}

AioHandle *loop_call_soon_handle(VM *vm, AioCallbackFn fn, Value callback, Value args) {
    AioHandle *handle = handle_new(vm, false, fn, callback, args);
    ready_push(vm->loop, NULL, OBJ_VAL(handle), EMPTY_VAL);
    return handle;
}

/* ------------------------------------------------------------------ timers */

static bool timer_before(const TimerEntry *a, const TimerEntry *b) {
    return a->when < b->when || (a->when == b->when && a->sequence < b->sequence);
}

static void heap_push(AioLoop *loop, TimerEntry entry) {
    if (loop->timer_count == loop->timer_capacity) {
        size_t capacity = loop->timer_capacity < 64 ? 64 : loop->timer_capacity * 2;
        TimerEntry *grown = realloc(loop->timers, sizeof(TimerEntry) * capacity);
        if (grown == NULL) {
            fprintf(stderr, "handoff: out of memory (timers)\n");
            abort();
        }
        loop->timers = grown;
        loop->timer_capacity = capacity;
    }
    size_t i = loop->timer_count++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!timer_before(&entry, &loop->timers[parent])) break;
        loop->timers[i] = loop->timers[parent];
        i = parent;
    }
    loop->timers[i] = entry;
}

static TimerEntry heap_pop(AioLoop *loop) {
    TimerEntry top = loop->timers[0];
    TimerEntry last = loop->timers[--loop->timer_count];
    size_t n = loop->timer_count, i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && timer_before(&loop->timers[child + 1], &loop->timers[child])) child++;
        if (!timer_before(&loop->timers[child], &last)) break;
        loop->timers[i] = loop->timers[child];
        i = child;
    }
    if (n > 0) loop->timers[i] = last;
    return top;
}

AioHandle *loop_call_at(VM *vm, double when, AioCallbackFn fn, Value callback, Value args) {
    AioLoop *loop = vm->loop;
    AioHandle *handle = handle_new(vm, true, fn, callback, args);
    handle->when = when;
    handle->scheduled = true;
    heap_push(loop, (TimerEntry){when, loop->timer_sequence++, (Obj *)handle});
    return handle;
}

void loop_sleep_until(VM *vm, AioFuture *future, double when) {
    AioLoop *loop = vm->loop;
    heap_push(loop, (TimerEntry){when, loop->timer_sequence++, (Obj *)future});
}

static bool timer_is_sleep(const TimerEntry *timer) { return aio_is_future(OBJ_VAL(timer->target)); }

static bool timer_cancelled(const TimerEntry *timer) {
    if (timer_is_sleep(timer)) return ((AioFuture *)timer->target)->timer_off;
    return ((AioHandle *)timer->target)->cancelled;
}

/* A sleep's timer ran: CPython's futures._set_result_unless_cancelled, unless its
 * h.cancel() came first (the sleep was thrown into or closed meanwhile). */
static void end_sleep(VM *vm, Value data, Value arg) {
    UNUSED(arg);
    AioFuture *future = (AioFuture *)AS_OBJ(data);
    if (future->state == FUTURE_PENDING && !future->timer_off) future_set_result(vm, future, future->result);
}

AioHandle *loop_call_later(VM *vm, double delay, AioCallbackFn fn, Value callback, Value args) {
    return loop_call_at(vm, loop_time(vm) + delay, fn, callback, args);
}

void handle_cancel(VM *vm, AioHandle *handle) {
    UNUSED(vm);
    handle->cancelled = true;
}

/* ------------------------------------------------------------ the iteration */

/* Runs one ready entry (the handle's cancelled flag was checked by the caller). */
static void run_entry(VM *vm, ReadyEntry *entry) {
    if (entry->fn == NULL) run_handle(vm, (AioHandle *)AS_OBJ(entry->data));
    else entry->fn(vm, entry->data, ready_entry_arg(entry));
}

/* Runs an entry taken off the ready queue (and not cancelled). When tracing,
 * *since is when the step began (< 0: now), and becomes when it ended: steps
 * run back to back, so each costs one clock reading, not two. */
static inline void run_popped_entry(AioLoop *loop, ReadyEntry *entry, double *since) {
    VM *vm = loop->vm;
    /* The entry left the queue: keep its values alive while it runs. */
    vm_push_root(vm, entry->data);
    vm_push_root(vm, ready_entry_arg(entry));
    if (loop->session) loop->step_started_ns = loop_coarse_ns();
    if (loop_tracing(loop)) {
        /* Like asyncio's debug mode: a step that holds the loop too long is reported. */
        double start = *since >= 0 ? *since : held_time(loop);
        run_entry(vm, entry);
        *since = held_time(loop);
        double held = *since - start;
        if (held > SLOW_STEP_SECONDS && aio_is_task(entry->data)) {
            AioTask *previous = loop->current;
            loop->current = (AioTask *)AS_OBJ(entry->data);
            loop_report_blocking(vm, "a step that held the loop", held);
            loop->current = previous;
        }
    } else {
        run_entry(vm, entry);
    }
    loop->step_started_ns = 0;
    vm_pop_roots(vm, 2);
}

/* libevent callback: runs exactly the `ntodo` handles that were ready when the
 * iteration began; handles they schedule wait for the next iteration. */
static void on_run_ready(evutil_socket_t fd, short what, void *data) {
    UNUSED(fd);
    UNUSED(what);
    AioLoop *loop = data;
    double since = -1;
    while (loop->ntodo > 0 && !loop->escaped) {
        loop->ntodo--;
        ReadyEntry entry = ready_pop(loop);
        if (entry.fn == NULL && ready_entry_handle(&entry)->cancelled) continue;
        run_popped_entry(loop, &entry, &since);
    }
    loop->ntodo = 0;
}

static void on_wake(evutil_socket_t fd, short what, void *data) {
    UNUSED(fd);
    UNUSED(what);
    AioLoop *loop = data;
    loop->timer_reached = true;
}

static void on_sigint(evutil_socket_t fd, short what, void *data) {
    UNUSED(fd);
    UNUSED(what);
    AioLoop *loop = data;
    loop->vm->interrupted = 1;
}

/* Waits up to `timeout` loop seconds for I/O, signals or the timer (real clock). */
static void wait_real(AioLoop *loop, double timeout) {
    if (timeout <= 0) {
        event_base_loop(loop->base, EVLOOP_NONBLOCK);
        return;
    }
    double seconds = timeout / loop->speed;
    struct timeval tv;
    tv.tv_sec = (time_t)seconds;
    tv.tv_usec = (suseconds_t)((seconds - (double)tv.tv_sec) * 1e6) + 1; /* never early */
    if (tv.tv_usec >= 1000000) tv.tv_sec++, tv.tv_usec -= 1000000;
    loop->timer_reached = false;
    evtimer_add(loop->wake_timer, &tv);
    /* In a session the REPL catches Ctrl-C itself (it must also stop busy code). */
    if (!loop->session) evsignal_add(loop->sigint, NULL);
    loop->waiting = 1;
    if (loop->vm->interrupted == 0) event_base_loop(loop->base, EVLOOP_ONCE);
    loop->waiting = 0;
    if (!loop->session) evsignal_del(loop->sigint);
    evtimer_del(loop->wake_timer);
}

/* What a pending task waits on, in the words of the conformance oracle. */
static void describe_waiter(AioTask *task, char *buf, size_t size) {
    if (!aio_is_future(task->fut_waiter)) {
        snprintf(buf, size, "nothing");
        return;
    }
    AioFuture *waited = (AioFuture *)AS_OBJ(task->fut_waiter);
    if (waited->is_task) {
        AioTask *other = (AioTask *)waited;
        char name[TASK_NAME_BUF];
        snprintf(buf, size, "%s", task_name(other, name));
    } else if (waited->children != NULL) {
        snprintf(buf, size, "a gather");
    } else if (strcmp(waited->what, "a Future") != 0) {
        snprintf(buf, size, "a Future (%s)", waited->what);
    } else {
        snprintf(buf, size, "a Future");
    }
}

/* Sort key of the oracle: Task-N by N first, then other names alphabetically. */
static int task_order(const void *a, const void *b) {
    const AioTask *x = *(AioTask *const *)a, *y = *(AioTask *const *)b;
    char bx[TASK_NAME_BUF], by[TASK_NAME_BUF];
    const char *nx = task_name(x, bx), *ny = task_name(y, by);
    char *end;
    long long ix = -1, iy = -1;
    if (strncmp(nx, "Task-", 5) == 0 && nx[5] != '\0') {
        ix = strtoll(nx + 5, &end, 10);
        if (*end != '\0') ix = -1;
    }
    if (strncmp(ny, "Task-", 5) == 0 && ny[5] != '\0') {
        iy = strtoll(ny + 5, &end, 10);
        if (*end != '\0') iy = -1;
    }
    if (ix >= 0 && iy >= 0) return ix < iy ? -1 : ix > iy;
    if (ix >= 0) return -1;
    if (iy >= 0) return 1;
    return strcmp(nx, ny);
}

/* Nothing ready, no timers, no watchers, but the main task is not done: CPython
 * would wait forever. Say who waits on what, then end the program with status 1
 * (SystemExit(1)); asyncio.run skips its cleanup, so no finally block runs. */
static bool report_deadlock(AioLoop *loop) {
    VM *vm = loop->vm;
    size_t count = 0;
    for (AioTask *task = loop->tasks_head; task != NULL; task = task->next)
        if (task->future.state == FUTURE_PENDING) count++;
    AioTask **waiting = malloc(sizeof(AioTask *) * (count + 1));
    size_t n = 0;
    for (AioTask *task = loop->tasks_head; task != NULL && waiting != NULL; task = task->next)
        if (task->future.state == FUTURE_PENDING) waiting[n++] = task;
    if (waiting != NULL) qsort(waiting, n, sizeof(AioTask *), task_order);
    StrBuf text;
    strbuf_init(&text);
    strbuf_append_cstr(&text, "deadlock: every task is waiting, and nothing is left to wake one:\n");
    for (size_t i = 0; i < n; i++) {
        char what[200];
        describe_waiter(waiting[i], what, sizeof what);
        char name[TASK_NAME_BUF];
        strbuf_appendf(&text, "  %s waits on %s\n", task_name(waiting[i], name), what);
    }
    strbuf_appendf(&text, "deadlock: %zu %s waiting and nothing can wake them\n", n,
                   n == 1 ? "task is" : "tasks are");
    free(waiting);
    fflush(stdout);
    /* The trace's deadlock line first: the report that follows explains it. */
    loop_emit(loop, AIO_EV_DEADLOCK, loop->main_task, NULL, NULL, text.data, -1, 0);
    vm_write(vm, 2, text.data, text.length);
    strbuf_free(&text);
    loop->deadlocked = true;
    Value code = INT_VAL(1);
    Value exit = vm_call(vm, OBJ_VAL(vm->types.SystemExit), 1, &code);
    if (!IS_EMPTY(exit)) vm_raise_value(vm, exit);
    return false;
}

/* Cancelled timers at the head of the heap are dropped before the loop waits. */
static void drop_cancelled_timers(AioLoop *loop) {
    while (loop->timer_count > 0 && timer_cancelled(&loop->timers[0])) {
        TimerEntry dropped = heap_pop(loop);
        if (!timer_is_sleep(&dropped)) ((AioHandle *)dropped.target)->scheduled = false;
    }
}

/* Timers due by now join the ready queue in (when, sequence) order, and the
 * iteration's handles are counted: those scheduled from now on wait for the next. */
static void begin_ready_run(AioLoop *loop) {
    double now = clock_now(loop);
    double end_time = now + CLOCK_RESOLUTION;
    /* Past about 1.6e7 s the resolution is lost in rounding: a timer due now must still run. */
    if (end_time <= now) end_time = nextafter(now, INFINITY);
    while (loop->timer_count > 0) {
        if (loop->timers[0].when >= end_time) break;
        TimerEntry due = heap_pop(loop);
        if (timer_is_sleep(&due)) {
            ready_push(loop, end_sleep, OBJ_VAL(due.target), EMPTY_VAL);
            continue;
        }
        AioHandle *handle = (AioHandle *)due.target;
        handle->scheduled = false;
        ready_push(loop, NULL, OBJ_VAL(handle), EMPTY_VAL);
    }
    loop->ntodo = loop->ready_count;
}

/* A KeyboardInterrupt or SystemExit left a callback: it becomes vm->exception. */
static bool take_escaped(AioLoop *loop) {
    if (!loop->escaped) return true;
    loop->escaped = false;
    loop->vm->exception = loop->escaped_exception;
    loop->escaped_exception = EMPTY_VAL;
    return false;
}

/* One iteration of the loop (CPython's _run_once). */
static bool run_once(AioLoop *loop) {
    VM *vm = loop->vm;
    drop_cancelled_timers(loop);
    if (loop->ready_count == 0 && !loop->stopping) {
        if (loop->timer_count == 0) {
            if (loop->io_watchers == 0) return report_deadlock(loop);
            if (loop->clock == CLOCK_REAL) wait_real(loop, 3600 * 24);
        } else {
            double when = loop->timers[0].when;
            loop_emit(loop, AIO_EV_IDLE, NULL, NULL, NULL, NULL, when, 0);
            if (loop->clock == CLOCK_VIRTUAL) {
                event_base_loop(loop->base, EVLOOP_NONBLOCK);
                set_loop_time(loop, when);
            } else {
                wait_real(loop, when - loop_now(loop));
                /* Reached the deadline (not woken early by Ctrl-C): time moves to it. */
                if (!vm->interrupted) set_loop_time(loop, when);
            }
        }
    } else {
        event_base_loop(loop->base, EVLOOP_NONBLOCK);
    }
    if (vm->interrupted) {
        vm->interrupted = 0;
        if (loop->main_task == NULL) {
            vm_raise_value(vm, OBJ_VAL(vm->types.KeyboardInterrupt));
            return false;
        }
        /* Ctrl-C while idle: cancel the main task, as asyncio.Runner does. */
        loop->interrupt_count++;
        task_cancel(vm, loop->main_task, NONE_VAL);
    }
    begin_ready_run(loop);
    if (loop->ntodo > 0) {
        event_active(loop->run_ready, EV_TIMEOUT, 0);
        event_base_loop(loop->base, EVLOOP_NONBLOCK);
    }
    return take_escaped(loop);
}

bool loop_run_forever(VM *vm) {
    AioLoop *loop = vm->loop;
    if (loop->running) {
        vm_raise(vm, vm->types.RuntimeError, "This event loop is already running");
        return false;
    }
    loop->running = true;
    bool ok = true;
    for (;;) {
        if (!run_once(loop)) {
            ok = false;
            break;
        }
        if (loop->stopping) break;
    }
    loop->stopping = false;
    loop->running = false;
    return ok;
}

void loop_stop(VM *vm) { ((AioLoop *)vm->loop)->stopping = true; }

/* _run_until_complete_cb: stops the loop, unless a KeyboardInterrupt/SystemExit
 * is on its way out (it stops the loop itself). */
static void run_until_complete_done(VM *vm, Value data, Value arg) {
    UNUSED(data);
    AioFuture *future = (AioFuture *)AS_OBJ(arg);
    if (future->state == FUTURE_FINISHED && !IS_EMPTY(future->exception) &&
        (vm_is_instance(vm, future->exception, vm->types.KeyboardInterrupt) ||
         vm_is_instance(vm, future->exception, vm->types.SystemExit)))
        return;
    loop_stop(vm);
}

Value loop_run_until_complete(VM *vm, AioFuture *future) {
    vm_push_root(vm, OBJ_VAL(future));
    future_add_done_callback(vm, future, run_until_complete_done, NONE_VAL);
    bool ok = loop_run_forever(vm);
    future_remove_done_callback(vm, future, run_until_complete_done, NONE_VAL);
    vm_pop_roots(vm, 1);
    if (!ok) return EMPTY_VAL;
    if (future->state == FUTURE_PENDING)
        return vm_raise(vm, vm->types.RuntimeError, "Event loop stopped before Future completed.");
    return future_result(vm, future);
}

/* ------------------------------------------------------------ the session */

/* Loop time `session_loop_base` stands for wall time `session_wall` from now on. */
static void session_rebase_clock(AioLoop *loop) {
    loop->session_wall = clock_seconds(CLOCK_MONOTONIC);
    loop->session_loop_base = loop->virtual_now;
}

void loop_session_begin(AioLoop *loop) {
    loop->session = true;
    loop->running = true;
    loop->stopping = false;
    session_rebase_clock(loop);
    loop->idle_reported = -1;
}

void loop_session_end(AioLoop *loop) {
    loop->session = false;
    loop->running = false;
}

/* Real clock: loop time follows the wall clock (times speed) between the
 * session's iterations, so that a timer set at the prompt fires when it should
 * even though the learner typed in between. The virtual clock only jumps. */
static void session_sync_clock(AioLoop *loop) {
    if (loop->clock != CLOCK_REAL) return;
    double now = clock_seconds(CLOCK_MONOTONIC);
    set_loop_time(loop, loop->session_loop_base + (now - loop->session_wall) * loop->speed);
}

void loop_set_clock(AioLoop *loop, LoopClockKind clock, double speed) {
    session_sync_clock(loop);
    loop->clock = clock;
    if (speed > 0) loop->speed = speed;
    session_rebase_clock(loop);
}

bool loop_has_ready(AioLoop *loop) { return loop->ntodo > 0 || loop->ready_count > 0; }

bool loop_next_timer(AioLoop *loop, double *when) {
    drop_cancelled_timers(loop);
    if (loop->timer_count == 0) return false;
    *when = loop->timers[0].when;
    return true;
}

/* Waits for (real clock) or jumps to (virtual clock) the first timer, when
 * nothing is ready. LOOP_IDLE: no timer, or one past `limit` (>= 0). */
static LoopProgress reach_first_timer(AioLoop *loop, bool advance, double limit) {
    session_sync_clock(loop);
    drop_cancelled_timers(loop);
    if (loop->ready_count > 0) return LOOP_RAN;
    if (loop->timer_count == 0) return LOOP_IDLE;
    double when = loop->timers[0].when;
    if (limit >= 0 && when > limit) return LOOP_IDLE;
    if (when <= loop_now(loop) + CLOCK_RESOLUTION) return LOOP_RAN;
    if (loop->clock == CLOCK_VIRTUAL && !advance) return LOOP_IDLE;
    if (when != loop->idle_reported) { /* once per deadline: keys typed wake the wait */
        loop->idle_reported = when;
        loop_emit(loop, AIO_EV_IDLE, NULL, NULL, NULL, NULL, when, 0);
    }
    if (loop->clock == CLOCK_VIRTUAL) {
        set_loop_time(loop, when);
        return LOOP_RAN;
    }
    wait_real(loop, when - loop_now(loop));
    bool reached = loop->timer_reached;
    session_sync_clock(loop);
    if (reached) set_loop_time(loop, when);
    return reached ? LOOP_RAN : LOOP_WOKEN;
}

static void cancel_future(VM *vm, AioFuture *future) {
    if (future->is_task) task_cancel(vm, (AioTask *)future, NONE_VAL);
    else future_cancel(vm, future, NONE_VAL);
}

SessionRunEnd loop_session_run_until(AioLoop *loop, AioFuture *future, SessionRunHooks *hooks) {
    VM *vm = loop->vm;
    hooks->interrupted = hooks->stuck = false;
    while (future->state == FUTURE_PENDING) {
        if (hooks->should_stop != NULL && hooks->should_stop(hooks->data)) return SESSION_RUN_STOPPED;
        if (loop->session_interrupted != NULL && loop->session_interrupted(loop->session_data)) {
            if (hooks->interrupted) return SESSION_RUN_GIVEN_UP;
            hooks->interrupted = true;
            cancel_future(vm, future);
        }
        LoopProgress progress = loop_session_iterate(loop, true, -1);
        if (progress == LOOP_ERROR) {
            if (hooks->on_escaped == NULL || !hooks->on_escaped(hooks->data)) return SESSION_RUN_ERROR;
        } else if (progress == LOOP_IDLE && future->state == FUTURE_PENDING) {
            /* Nothing is ready and no timer is set: nothing can ever wake it. */
            if (hooks->stuck) return SESSION_RUN_STUCK;
            hooks->stuck = true;
            if (hooks->on_stuck != NULL) hooks->on_stuck(hooks->data);
            cancel_future(vm, future);
        }
    }
    return SESSION_RUN_DONE;
}

static LoopProgress session_iterate(AioLoop *loop, bool advance, double limit) {
    if (loop->ntodo == 0) {
        LoopProgress reached = reach_first_timer(loop, advance, limit);
        if (reached != LOOP_RAN) return reached;
        begin_ready_run(loop);
        if (loop->ntodo == 0) return LOOP_WOKEN;
    }
    event_active(loop->run_ready, EV_TIMEOUT, 0);
    event_base_loop(loop->base, EVLOOP_NONBLOCK);
    return take_escaped(loop) ? LOOP_RAN : LOOP_ERROR;
}

static LoopProgress session_step(AioLoop *loop, ReadyEntry *ran) {
    VM *vm = loop->vm;
    for (;;) {
        if (loop->ntodo == 0) {
            LoopProgress reached = reach_first_timer(loop, true, -1);
            if (reached != LOOP_RAN) return reached; /* LOOP_WOKEN: the caller may step again */
            begin_ready_run(loop);
            if (loop->ntodo == 0) continue;
        }
        loop->ntodo--;
        ReadyEntry entry = ready_pop(loop);
        if (entry.fn == NULL && ready_entry_handle(&entry)->cancelled) continue; /* not a hand-off */
        *ran = entry;
        vm_push_root(vm, entry.data);
        double since = -1;
        run_popped_entry(loop, &entry, &since);
        vm_pop_roots(vm, 1);
        return take_escaped(loop) ? LOOP_RAN : LOOP_ERROR;
    }
}

LoopProgress loop_session_iterate(AioLoop *loop, bool advance, double limit) {
    loop->iterating = 1;
    LoopProgress progress = session_iterate(loop, advance, limit);
    loop->iterating = 0;
    return progress;
}

LoopProgress loop_session_step(AioLoop *loop, ReadyEntry *ran) {
    loop->iterating = 1;
    LoopProgress progress = session_step(loop, ran);
    loop->iterating = 0;
    return progress;
}

void loop_session_wait_until(AioLoop *loop, double t) {
    if (loop->clock == CLOCK_VIRTUAL) {
        set_loop_time(loop, t);
        return;
    }
    for (session_sync_clock(loop); loop_now(loop) < t && !loop->vm->interrupted; session_sync_clock(loop))
        wait_real(loop, t - loop_now(loop));
}

AioFuture *loop_entry_sleep(const ReadyEntry *entry) {
    return entry->fn == end_sleep ? (AioFuture *)AS_OBJ(entry->data) : NULL;
}

ReadyEntry *loop_ready_at(AioLoop *loop, size_t index) {
    if (index >= loop->ready_count) return NULL;
    return &loop->ready[(loop->ready_head + index) & (loop->ready_capacity - 1)];
}

/* ------------------------------------------------------------------ tasks */

void loop_add_task(AioLoop *loop, AioTask *task) {
    task->prev = loop->tasks_tail;
    task->next = NULL;
    if (loop->tasks_tail != NULL) loop->tasks_tail->next = task;
    else loop->tasks_head = task;
    loop->tasks_tail = task;
}

void loop_remove_task(AioLoop *loop, AioTask *task) {
    if (task->prev != NULL) task->prev->next = task->next;
    else if (loop->tasks_head == task) loop->tasks_head = task->next;
    else return; /* not in the list */
    if (task->next != NULL) task->next->prev = task->prev;
    else loop->tasks_tail = task->prev;
    task->prev = task->next = NULL;
}

/* ---------------------------------------------------------------- GC roots */

static void mark_loop(VM *vm, void *data) {
    AioLoop *loop = data;
    for (size_t i = 0; i < loop->ready_count; i++) {
        ReadyEntry *entry = &loop->ready[(loop->ready_head + i) & (loop->ready_capacity - 1)];
        gc_mark_value(vm, entry->data);
        gc_mark_object(vm, entry->arg);
    }
    for (size_t i = 0; i < loop->timer_count; i++) gc_mark_object(vm, loop->timers[i].target);
    for (AioTask *task = loop->tasks_head; task != NULL; task = task->next) gc_mark_object(vm, (Obj *)task);
    if (loop->current != NULL) gc_mark_object(vm, (Obj *)loop->current);
    if (loop->main_task != NULL) gc_mark_object(vm, (Obj *)loop->main_task);
    gc_mark_value(vm, loop->loop_object);
    gc_mark_value(vm, loop->escaped_exception);
    aio_classes_mark(vm);
}

/* ------------------------------------------------------------ never awaited */

/* Called by the GC for a coroutine freed before it ever ran: CPython's warning.
 * Allocates no GC object (it runs inside the sweep). */
static void on_coroutine_dropped(VM *vm, ObjGenerator *gen) {
    AioLoop *loop = vm->loop;
    const char *file = gen->created_file != NULL ? gen->created_file->chars : "sys";
    int line = gen->created_file != NULL ? gen->created_line : 1;
    fflush(stdout);
    write_message(vm, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file, line,
                  gen->qualname->chars);
    size_t length = 0;
    const char *source = gen->created_file != NULL ? vm_source_line(vm, file, line, &length) : NULL;
    if (source != NULL) {
        while (length > 0 && (*source == ' ' || *source == '\t')) source++, length--;
        while (length > 0 && (source[length - 1] == '\n' || source[length - 1] == '\r' ||
                              source[length - 1] == ' '))
            length--;
        write_message(vm, "  %.*s\n", (int)length, source);
    }
    write_message(vm, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    if (loop_tracing(loop)) {
        char detail[256];
        snprintf(detail, sizeof detail, "coroutine '%s' created at %s:%d", gen->qualname->chars, file, line);
        loop_emit(loop, AIO_EV_NEVER_AWAITED, NULL, NULL, NULL, detail, -1, 0);
    }
}

/* ---------------------------------------------------------------- lifetime */

AioLoop *loop_install(VM *vm, LoopClockKind clock, double speed) {
    AioLoop *loop = calloc(1, sizeof(AioLoop));
    if (loop == NULL) return NULL;
    loop->vm = vm;
    loop->base = event_base_new();
    loop->wake_timer = evtimer_new(loop->base, on_wake, loop);
    loop->sigint = evsignal_new(loop->base, SIGINT, on_sigint, loop);
    loop->run_ready = event_new(loop->base, -1, 0, on_run_ready, loop);
    loop->clock = clock;
    loop->speed = speed > 0 ? speed : 1;
    loop->real_start = clock_seconds(CLOCK_MONOTONIC);
    struct timespec tick;
    if (clock_getres(CLOCK_MONOTONIC_COARSE, &tick) == 0) {
        double seconds = (double)tick.tv_sec + (double)tick.tv_nsec * 1e-9;
        loop->coarse_max_speed = seconds > 0 ? 0.005 / seconds : 0;
    }
    /* The virtual clock's epoch is the conformance oracle's. */
    loop->wall_start = clock == CLOCK_VIRTUAL ? 1700000000.0 : clock_seconds(CLOCK_REALTIME);
    loop->escaped_exception = EMPTY_VAL;
    loop->loop_object = EMPTY_VAL;
    vm->loop = loop;
    vm->clock_now = clock_now;
    vm->clock_wall = clock_wall;
    vm->clock_sleep = clock_sleep;
    vm->clock_data = loop;
    vm->on_coroutine_dropped = on_coroutine_dropped;
    vm_add_root_marker(vm, mark_loop, loop);
    aio_classes_init(vm);
    return loop;
}

void loop_free(AioLoop *loop) {
    if (loop == NULL) return;
    event_free(loop->run_ready);
    event_free(loop->sigint);
    event_free(loop->wake_timer);
    event_base_free(loop->base);
    free(loop->ready);
    free(loop->timers);
    free(loop);
}

AioLoop *loop_of(VM *vm) { return vm->loop; }
struct event_base *loop_base(AioLoop *loop) { return loop->base; }
