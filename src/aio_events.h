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
    /* The name given; NULL while the task has its default name "Task-<default_number>",
     * which aio_ref_name writes out only for a consumer that reads it (most events
     * are rendered from what the trace kept of the task). */
    const char *name;
    const char *coro;     /* the coroutine's qualified name, "count" */
    int64_t default_number;
    /* Changes whenever the task's name does; 0: unknown (a consumer compares the text). */
    uint32_t name_revision;
    char name_buf[32];    /* aio_ref_name's scratch */
} AioTaskRef;

/* "Task-<n>" into buf (32 bytes), with no printf: the loop names tasks this way. */
static inline const char *aio_default_task_name(int64_t n, char *buf) {
    char digits[24];
    int count = 0;
    uint64_t rest = n < 0 ? 0 : (uint64_t)n;
    do {
        digits[count++] = (char)('0' + rest % 10);
        rest /= 10;
    } while (rest > 0);
    const char prefix[] = "Task-";
    int at = 0;
    for (; prefix[at] != '\0'; at++) buf[at] = prefix[at];
    while (count > 0) buf[at++] = digits[--count];
    buf[at] = '\0';
    return buf;
}

/* A reference's name (NULL for none): the one given, or its default written into
 * the reference's own scratch buffer (valid while the reference is). */
static inline const char *aio_ref_name(const AioTaskRef *ref) {
    if (ref->name != NULL || ref->default_number <= 0) return ref->name;
    return aio_default_task_name(ref->default_number, ((AioTaskRef *)ref)->name_buf);
}

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
    /* The reason, the detail, is a string literal: a renderer may keep what it made
     * of it by its address (the hot path's "sleep(0)"). False: it must read it. */
    bool reason_static, detail_static;
} AioEvent;

/* Where the loop sends events. `data` is the sink's own state. */
typedef void (*AioEventSink)(void *data, const AioEvent *event);

#endif
