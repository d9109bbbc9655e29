/* loop.h — the asyncio event loop: a FIFO ready queue and a timer heap driven
 * by one libevent event_base, with CPython's BaseEventLoop._run_once order, and
 * the loop's clock (real, scaled by --speed, or virtual) behind the time module. */
#ifndef HANDOFF_LOOP_H
#define HANDOFF_LOOP_H

#include "aio.h"
#include "aio_events.h"

#include <signal.h>

struct event_base;
struct event;

typedef enum { CLOCK_REAL, CLOCK_VIRTUAL } LoopClockKind;

/* One entry of the ready queue, 32 bytes (100,000 tasks made at once are 100,000
 * entries): fn(data, arg); or, when fn is NULL, the Handle `data` is run unless
 * it was cancelled. */
typedef struct {
    AioCallbackFn fn;
    Value data;
    Obj *arg;               /* fn's second argument: an object, or NULL for EMPTY */
} ReadyEntry;

static inline AioHandle *ready_entry_handle(const ReadyEntry *entry) {
    return entry->fn == NULL ? (AioHandle *)AS_OBJ(entry->data) : NULL;
}

static inline Value ready_entry_arg(const ReadyEntry *entry) {
    return entry->arg != NULL ? OBJ_VAL(entry->arg) : EMPTY_VAL;
}

/* One timer: ordered by (when, sequence) so that ties fire in creation order. It
 * runs a Handle, or ends an asyncio.sleep() with no Handle at all: 100,000 sleeping
 * tasks then cost no Handle each (W2). */
typedef struct {
    double when;
    uint64_t sequence;
    Obj *target;            /* the AioHandle to run, or the AioFuture of a sleep it ends */
} TimerEntry;

struct AioLoop {
    VM *vm;
    struct event_base *base;
    struct event *wake_timer;   /* armed for the earliest deadline while the loop waits */
    struct event *sigint;       /* Ctrl-C while the loop waits in the kernel */
    struct event *run_ready;    /* activated once per iteration: its callback drains the ready queue */

    /* The clock (for the whole program, inside asyncio.run or not). */
    LoopClockKind clock;
    double speed;               /* real clock: loop time = elapsed wall time * speed */
    double coarse_max_speed;    /* held_time may use the coarse clock up to this speed (0: never) */
    double virtual_now;         /* loop time: the last deadline reached, plus time.sleep */
    double real_start;          /* CLOCK_MONOTONIC at start (real clock) */
    double wall_start;          /* CLOCK_REALTIME at start: time.time() = wall_start + loop time */

    /* The ready queue: a ring buffer whose capacity is a power of two (or 0). */
    ReadyEntry *ready;
    size_t ready_head, ready_count, ready_capacity;
    size_t ntodo;               /* handles the current iteration still runs */

    /* The timer heap. */
    TimerEntry *timers;
    size_t timer_count, timer_capacity;
    uint64_t timer_sequence;

    /* The current run (asyncio.run). */
    bool running, stopping;
    bool escaped;               /* a KeyboardInterrupt/SystemExit left a callback: stop and raise it */
    Value escaped_exception;
    AioTask *current;           /* the task being stepped */
    AioTask *tasks_head, *tasks_tail; /* pending tasks, in creation order */
    AioTask *main_task;         /* the task run_until_complete waits for */
    Value loop_object;          /* the Python loop object of this run, or EMPTY */
    int interrupt_count;        /* Ctrl-C presses that cancelled the main task */
    int io_watchers;            /* stdin, sockets (later): a loop with watchers is not deadlocked */
    int64_t task_name_counter;  /* Task-N names: like CPython, numbered for the whole program */
    int64_t task_ids;           /* trace ids */

    bool deadlocked;            /* the run ended in a deadlock: asyncio.run skips its cleanup */
    int worker_depth;           /* >0 while a run_in_executor function runs */
    double worker_spent;        /* what that function slept, on its own clock */

    AioEventSink sink;
    void *sink_data;

    /* The REPL's session (loop_session_begin): the loop runs as long as the prompt. */
    bool session;
    /* Set by the REPL: true (once) when Ctrl-C arrived while the loop waited, so
     * that asyncio.run() typed at the prompt can stop its coroutine. */
    bool (*session_interrupted)(void *data);
    void *session_data;
    volatile sig_atomic_t waiting; /* the loop waits in the kernel: Ctrl-C is for the prompt, not for code */
    /* In a session, for the REPL's Ctrl-C handler: the loop runs handles for the
     * REPL (loop_session_iterate or _step), and when the step that runs began
     * (CLOCK_MONOTONIC_COARSE, ns; 0 between steps). A step that has held the loop
     * for a while is stopped by Ctrl-C; one that is just passing by is not. */
    volatile sig_atomic_t iterating;
    volatile int64_t step_started_ns;
    bool timer_reached;         /* the last wait ended at its deadline (not on input) */
    double session_wall;        /* real clock in a session: loop time is session_loop_base at this */
    double session_loop_base;   /* CLOCK_MONOTONIC time, plus the wall time since, times speed */
    double idle_reported;       /* the deadline the last idle event named, so it is said once */
};

/* What one step of the session did. */
typedef enum {
    LOOP_RAN,    /* handles ran */
    LOOP_IDLE,   /* nothing ready, and no timer it may wait for */
    LOOP_WOKEN,  /* the wait for a timer ended early: input arrived, or Ctrl-C */
    LOOP_ERROR,  /* a KeyboardInterrupt or SystemExit left a callback: in vm->exception */
} LoopProgress;

/* Creates the loop for `vm` (vm->loop) and installs its clock as vm->clock_*.
 * speed applies to the real clock (> 0). */
AioLoop *loop_install(VM *vm, LoopClockKind clock, double speed);
/* After vm_free: releases what the loop owns outside the GC. */
void loop_free(AioLoop *loop);
AioLoop *loop_of(VM *vm);
struct event_base *loop_base(AioLoop *loop);
void loop_set_event_sink(AioLoop *loop, AioEventSink sink, void *data);

/* Runs until loop->stopping is set after an iteration. false: an exception to
 * propagate is in vm->exception (KeyboardInterrupt, SystemExit, deadlock). */
bool loop_run_forever(VM *vm);
/* Runs until `future` is done; its result, or EMPTY with the exception raised. */
Value loop_run_until_complete(VM *vm, AioFuture *future);
void loop_stop(VM *vm);

/* The pending tasks list (task.c adds on creation, removes when done). */
void loop_add_task(AioLoop *loop, AioTask *task);
void loop_remove_task(AioLoop *loop, AioTask *task);

/* CLOCK_MONOTONIC_COARSE in nanoseconds (never 0); safe in a signal handler. */
int64_t loop_coarse_ns(void);

/* Events: a single branch when no sink is set. */
static inline bool loop_tracing(const AioLoop *loop) { return loop != NULL && loop->sink != NULL; }
void loop_emit(AioLoop *loop, AioEventKind kind, AioTask *task, AioTask *other, const char *reason,
               const char *detail, double until, double duration);
/* loop_emit of an event whose detail is a string literal (AioEvent.detail_static). */
void loop_emit_literal(AioLoop *loop, AioEventKind kind, AioTask *task, const char *reason, const char *detail);
void loop_task_ref(AioTask *task, AioTaskRef *ref);

/* ---- the REPL's session ----
 * The loop stays running (create_task works at the prompt; asyncio.run typed at
 * the prompt drives it until its coroutine is done) and is driven one iteration at a time by the REPL,
 * whose stdin event shares loop->base. Nothing here adds work per handle. */
void loop_session_begin(AioLoop *loop);
void loop_session_end(AioLoop *loop);
/* :clock and :speed (speed <= 0 keeps it). */
void loop_set_clock(AioLoop *loop, LoopClockKind clock, double speed);
/* One iteration (_run_once), or the rest of one that :step began. With nothing
 * ready it waits for the first timer (real clock; input ends the wait early) or,
 * if `advance`, jumps to it (virtual clock); never for a timer past `limit` (>= 0). */
LoopProgress loop_session_iterate(AioLoop *loop, bool advance, double limit);

/* How loop_session_run_until ended. */
typedef enum {
    SESSION_RUN_DONE,        /* the future is done (cancelled included) */
    SESSION_RUN_STUCK,       /* nothing could wake it, and after it was cancelled still nothing can */
    SESSION_RUN_GIVEN_UP,    /* Ctrl-C a second time while it ignored the first: it stays pending */
    SESSION_RUN_STOPPED,     /* hooks->should_stop said so */
    SESSION_RUN_ERROR,       /* an exception left a callback (vm->exception) and on_escaped did not take it */
} SessionRunEnd;

/* What the caller of loop_session_run_until adds; any function may be NULL. */
typedef struct {
    void *data;
    /* A wait nothing can end was found: say so (the future is cancelled next, once). */
    void (*on_stuck)(void *data);
    /* True: stop waiting now (the REPL quits, or is terminated). */
    bool (*should_stop)(void *data);
    /* An exception left a callback: true when it was reported and the wait goes on. */
    bool (*on_escaped)(void *data);
    bool interrupted;        /* out: Ctrl-C cancelled the future */
    bool stuck;              /* out: a stuck wait cancelled the future */
} SessionRunHooks;

/* Drives the session loop until `future` (a Task or Future) is done: what
 * `await` and `asyncio.run()` typed at the prompt do. Ctrl-C (session_interrupted)
 * cancels it; a second Ctrl-C stops the wait. A wait nothing can end cancels it
 * too, and if it still waits after that, the wait stops. */
SessionRunEnd loop_session_run_until(AioLoop *loop, AioFuture *future, SessionRunHooks *hooks);
/* :step — exactly one hand-off: the next ready handle (a task's step or a
 * callback), beginning an iteration first (reaching the first timer) if needed.
 * *ran is the entry that ran. LOOP_WOKEN: the wait for the timer ended early. */
LoopProgress loop_session_step(AioLoop *loop, ReadyEntry *ran);
/* :run SECONDS: the clock reaches loop time `t` (jumps, or waits on the real clock). */
void loop_session_wait_until(AioLoop *loop, double t);
bool loop_has_ready(AioLoop *loop);
/* The first live timer's deadline; false when there is none. */
bool loop_next_timer(AioLoop *loop, double *when);
/* The ready queue's entry at `index` (0: next to run), or NULL past its end. */
ReadyEntry *loop_ready_at(AioLoop *loop, size_t index);
/* The future of the sleep a ready entry ends (its timer fired), or NULL. */
AioFuture *loop_entry_sleep(const ReadyEntry *entry);

/* A blocking call made by the running code (time.sleep, run_in_executor). */
void loop_report_blocking(VM *vm, const char *what, double duration);

#endif
