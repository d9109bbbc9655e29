/* aio_events.h — the hand-off events the asyncio loop produces, as plain data.
 * The loop fills one in and passes it to its sink; the trace layer (trace.c)
 * renders events as a log, as lanes or as JSON lines. The loop knows nothing
 * of renderers, and renderers never reach into the VM or the loop. */
#ifndef HANDOFF_AIO_EVENTS_H
#define HANDOFF_AIO_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    AIO_EV_LOOP_START,    /* asyncio.run began: detail = the main coroutine's name */
    AIO_EV_SPAWN,         /* a task was created: task = the new task, other = its creator (0: the loop/none) */
    AIO_EV_RESUME,        /* the loop hands control to `task`; reason says why */
    AIO_EV_SUSPEND,       /* `task` hands control back to the loop; detail says on what it waits */
    AIO_EV_DONE,          /* `task` finished; detail = repr of its result */
    AIO_EV_RAISED,        /* `task` finished with an exception; detail = "ValueError: boom" */
    AIO_EV_CANCELLED,     /* `task` finished cancelled */
    AIO_EV_CALLBACK,      /* the loop ran a plain callback; detail = its name */
    AIO_EV_BLOCKING,      /* `task` held the loop for `duration` s (> the threshold, or time.sleep);
                           * detail = what blocked ("time.sleep(1)"), delayed = tasks kept waiting */
    AIO_EV_IDLE,          /* nothing is ready: the loop waits until `until` (loop time) */
    AIO_EV_WAKE,          /* a timer or future made `task` ready; reason says which */
    AIO_EV_DEADLOCK,      /* nothing ready, no timers, tasks still waiting; detail = the wait-for chain */
    AIO_EV_NEVER_AWAITED, /* a coroutine was dropped without being awaited; detail = "coroutine 'f'
                           * created at x.py:12" */
    AIO_EV_LOOP_END,      /* asyncio.run returned */
} AioEventKind;

/* A task as the trace names it. id 0 is the loop itself. */
typedef struct {
    int64_t id;           /* 1 for Task-1, ... (creation order) */
    const char *name;     /* "Task-1" or the name given */
    const char *coro;     /* the coroutine's qualified name, "count" */
    /* Changes whenever the task's name does; 0: unknown (a consumer compares the text). */
    uint32_t name_revision;
    char name_buf[32];    /* where `name` is written when the task has only its default name */
} AioTaskRef;

typedef struct {
    AioEventKind kind;
    double time;          /* loop time (virtual or scaled real), seconds */
    AioTaskRef task;      /* who the event is about (id 0: the loop) */
    AioTaskRef other;     /* the spawner for SPAWN; else id 0 */
    const char *reason;   /* RESUME/WAKE: "first step", "timer", "future done", "lock acquired",
                           * "queue item", "event set", "callback", "sleep(0)"; else NULL */
    const char *detail;   /* see each kind; may be NULL */
    double until;         /* SUSPEND on a timer and IDLE: the loop time it waits until, else -1 */
    double duration;      /* BLOCKING: seconds; DONE/RAISED/CANCELLED: time the task spent running */
    const AioTaskRef *delayed; /* BLOCKING: tasks that were ready but kept waiting */
    int delayed_count;
    const char *file;     /* source position of the task's current line, or NULL */
    int line;
} AioEvent;

/* Where the loop sends events. `data` is the sink's own state. */
typedef void (*AioEventSink)(void *data, const AioEvent *event);

#endif
