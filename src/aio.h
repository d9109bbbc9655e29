/* aio.h — the C API of asyncio's futures, tasks and handles, shared by the
 * loop (loop.c), futures (aio_future.c), tasks (aio_task.c), the module
 * (mod_asyncio.c) and the synchronization primitives built on top of them.
 * Every object here is an ObjNativeData: the GC finds its Values through its kind's mark. */
#ifndef HANDOFF_AIO_H
#define HANDOFF_AIO_H

#include "vm.h"

typedef struct AioLoop AioLoop; /* loop.h */

/* A callback the loop runs from its ready queue: `data` is the callback's own
 * value (a task, a callable, a future), `arg` its argument (or EMPTY). */
typedef void (*AioCallbackFn)(VM *vm, Value data, Value arg);

typedef enum { FUTURE_PENDING, FUTURE_CANCELLED, FUTURE_FINISHED } FutureState;

/* One done callback: a C function with its data, or a Python callable (fn NULL). */
typedef struct {
    AioCallbackFn fn;
    Value data;             /* fn's data, or the Python callable */
} AioDoneCallback;

/* asyncio.Future (and the Future part of every Task). */
/* Laid out to fit 120 bytes (a 128-byte block): every sleeping task holds one,
 * and is one (W2's budget is 1 KiB a task). */
typedef struct AioFuture {
    ObjNativeData base;
    /* Four of CPython's attributes in two slots, as no state needs more than two
     * (every waiting task holds a future, and 100,000 may wait: bytes count).
     * result:    FINISHED: set_result's value; PENDING and CANCELLED: cancel(msg)'s
     *            msg, or NONE (read it with future_cancel_message).
     *            A sleep's future, while PENDING, holds here the result its timer sets.
     * exception: FINISHED: set_exception's exception, or EMPTY; CANCELLED: the
     *            CancelledError the coroutine raised, which future_make_cancelled_error
     *            raises again once, or EMPTY. */
    Value result;
    Value exception;
    AioDoneCallback *callbacks; /* in registration order */
    int callback_count, callback_capacity;
    ObjList *children;      /* a gather's children, or NULL for other futures */
    const char *what;       /* what it stands for, for deadlock reports: "a Future", "sleep", "Queue.get" */
    double until;           /* sleep(d): the loop time it completes, else -1 */
    FutureState state;
    int gather_count;       /* gather: how many children, for "gather of 3" */
    bool blocking;          /* _asyncio_future_blocking: yielded by __await__, not yet taken by a task */
    bool cancel_requested;  /* a gather whose cancel() reached its children */
    bool is_task;
    bool timer_off;         /* a sleep's timer was cancelled (CPython's h.cancel() in sleep's finally) */
} AioFuture;

/* asyncio.Task: a Future driven by a coroutine. */
typedef struct AioTask {
    AioFuture future;
    Value coro;             /* the coroutine it drives */
    Value fut_waiter;       /* the future it waits on, or EMPTY */
    /* The name given, as a str; or INT_VAL(n) for the default "Task-n", made into a
     * str only when asked for (task_name_value): most tasks never are, and a string
     * a task is 80 bytes of W2's budget. Read it with task_name. */
    Value name;
    int64_t id;             /* 1 for the first task of a run... (trace ids) */
    const char *resume_reason; /* why its next step runs, for the trace: "timer", "future done", ... */
    struct AioTask *prev, *next; /* the loop's pending tasks, in creation order */
    int32_t num_cancels_requested; /* cancelling() */
    uint32_t name_revision; /* counts set_name (and create_task's name=): the trace compares names only when it moved */
    bool must_cancel;       /* cancel() arrived while no future was awaited: throw at the next step */
} AioTask;

/* A callback scheduled with call_soon/call_later/call_at; cancel() keeps it from running. */
typedef struct AioHandle {
    ObjNativeData base;
    AioCallbackFn fn;       /* C callback, or NULL to call `callback(*args)` */
    Value callback;         /* fn's data, or the Python callable */
    Value args;             /* fn's arg, or a tuple of the callable's arguments */
    double when;            /* timers: the loop time it is due */
    bool cancelled;
    bool is_timer;
    bool scheduled;         /* in the timer heap */
} AioHandle;

/* ---- futures (aio_future.c) ---- */
bool aio_is_future(Value v);                     /* Future or Task */
AioFuture *future_new(VM *vm, const char *what);
void future_set_result(VM *vm, AioFuture *future, Value result);   /* pending only */
void future_set_exception(VM *vm, AioFuture *future, Value exc);   /* pending only; exc an instance */
bool future_cancel(VM *vm, AioFuture *future, Value message);      /* Future.cancel (gathers: theirs) */
bool future_cancel_plain(VM *vm, AioFuture *future, Value message); /* Future.cancel itself */
void future_add_done_callback(VM *vm, AioFuture *future, AioCallbackFn fn, Value data);
int future_remove_done_callback(VM *vm, AioFuture *future, AioCallbackFn fn, Value data);
/* result(): the value, or EMPTY with the exception (or CancelledError) raised. */
Value future_result(VM *vm, AioFuture *future);
Value future_make_cancelled_error(VM *vm, AioFuture *future);
Value future_cancel_message(const AioFuture *future); /* cancel(msg)'s msg, or NONE */
void future_set_cancel_message(AioFuture *future, Value message); /* pending only */
Value future_await_iterator(VM *vm, AioFuture *future); /* what __await__ returns */
void future_init_fields(AioFuture *future, const char *what); /* for structs that embed a future */
bool future_repr_state(VM *vm, AioFuture *future, StrBuf *buf); /* "pending", "finished result=1" */
void future_mark(VM *vm, void *object);
void future_free(VM *vm, void *object);
void future_init_class(VM *vm, ObjClass *cls);

/* ---- tasks (aio_task.c) ---- */
bool aio_is_task(Value v);
/* Task(coro, name=): scheduled to take its first step with call_soon. */
AioTask *task_new(VM *vm, Value coro, Value name);
AioTask *task_current(VM *vm);                   /* the task being stepped, or NULL */
Value aio_coroutine_of(VM *vm, Value awaitable); /* sleep()'s awaitable -> a coroutine (mod_asyncio.c) */
bool task_cancel(VM *vm, AioTask *task, Value message);
void task_init_class(VM *vm, ObjClass *cls);
/* "Task-2 (worker)" for diagnostics, into buf. */
void task_describe(AioTask *task, char *buf, size_t size);
/* The task's name: its str's text, or the default "Task-n" written into buf. */
enum { TASK_NAME_BUF = 32 };
const char *task_name(const AioTask *task, char buf[TASK_NAME_BUF]);
/* The name as a str (get_name, repr), made once from the default and kept. */
Value task_name_value(VM *vm, AioTask *task);
/* Gives the task a new name (a str). */
void task_set_name(AioTask *task, Value name);

/* ---- handles and scheduling (loop.c) ---- */
/* Schedules fn(data, arg) for the loop's next iteration (no Handle object is made). */
void loop_call_soon(VM *vm, AioCallbackFn fn, Value data, Value arg);
/* A cancellable handle: call_soon with a Handle, and timers. Python callables have fn NULL. */
AioHandle *loop_call_soon_handle(VM *vm, AioCallbackFn fn, Value callback, Value args);
AioHandle *loop_call_at(VM *vm, double when, AioCallbackFn fn, Value callback, Value args);
/* asyncio.sleep's timer: at `when`, the pending `future` gets its result (what it
 * holds meanwhile), unless future->timer_off was set first. No Handle is made. */
void loop_sleep_until(VM *vm, AioFuture *future, double when);
AioHandle *loop_call_later(VM *vm, double delay, AioCallbackFn fn, Value callback, Value args);
void handle_cancel(VM *vm, AioHandle *handle);
double loop_time(VM *vm);

/* Classes of the module's objects (made by mod_asyncio.c), and CancelledError. */
typedef struct {
    ObjClass *Future, *Task, *Handle, *TimerHandle, *Loop, *Timeout;
    ObjClass *CancelledError, *InvalidStateError;
} AioClasses;
AioClasses *aio_classes(VM *vm);
void aio_classes_init(VM *vm);   /* mod_asyncio.c; loop_install calls it */
void aio_classes_mark(VM *vm);   /* from the loop's root marker */

#endif
