/* aio_sync.h — asyncio's Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty,
 * Lock, Event, Semaphore, BoundedSemaphore, Condition and TaskGroup. They are
 * written in handoff's Python (aio_prelude_sync.c) over the helpers of aio_sync.c,
 * and join the `asyncio` module through asyncio_add_extension. */
#ifndef HANDOFF_AIO_SYNC_H
#define HANDOFF_AIO_SYNC_H

#include "mod_asyncio.h"

/* Call once before asyncio_register: `import asyncio` then defines these names. */
void aio_sync_register(void);
/* Compiles and runs the Python part (aio_prelude_sync.c) in asyncio's dict. */
bool aio_sync_run_prelude(VM *vm, ObjModule *module);

#endif
