/* aio_test_session.h — a VM with the asyncio loop on the virtual clock, its
 * output silenced and its events sent to the test's sink, for the unit suites
 * that run small asyncio programs (test_aio_sync.c, test_aio_tasks.c). */
#ifndef HANDOFF_AIO_TEST_SESSION_H
#define HANDOFF_AIO_TEST_SESSION_H

#include "loop.h"
#include "vm.h"

/* The session's VM and loop, between aio_test_start and aio_test_finish. */
extern VM *aio_test_vm;
extern AioLoop *aio_test_loop;

void aio_test_start(AioEventSink sink, void *data);
void aio_test_finish(void);

/* Compiles and runs `source` as __main__ (a compile error fails the test);
 * returns the exception it raised, or EMPTY. */
Value aio_test_run(const char *source);

#endif
