/* test_aio_tasks.c — what the trace says when a task wakes (a lock acquired, a
 * queue item, an event set rather than a bare "future done"), and the cap on live
 * tasks (vm->max_tasks, --max-tasks): past it, creating a task raises RuntimeError. */
#include <criterion/criterion.h>

#include "aio_test_session.h"

static VM *vm;
static AioLoop *loop;
enum { MAX_RECORDED = 64 };
static char wakes[MAX_RECORDED][96];   /* "Task-2 wake lock acquired", in order */
static int wake_count;

/* Records the WAKE and RESUME events of named tasks with their reasons. */
static void record_wake(void *data, const AioEvent *event) {
    UNUSED(data);
    if ((event->kind != AIO_EV_WAKE && event->kind != AIO_EV_RESUME) || wake_count >= MAX_RECORDED) return;
    snprintf(wakes[wake_count++], sizeof wakes[0], "%s %s %s", aio_ref_name(&event->task),
             event->kind == AIO_EV_WAKE ? "wake" : "resume", event->reason != NULL ? event->reason : "-");
}

static void start(void) {
    wake_count = 0;
    aio_test_start(record_wake, NULL);
    vm = aio_test_vm;
    loop = aio_test_loop;
}

static void finish(void) { aio_test_finish(); }

/* Runs a program; returns the exception it raised, or EMPTY. */
static Value run_program(const char *source) { return aio_test_run(source); }

static bool recorded(const char *line) {
    for (int i = 0; i < wake_count; i++)
        if (strcmp(wakes[i], line) == 0) return true;
    return false;
}

static void assert_recorded(const char *line) {
    cr_assert(recorded(line), "no trace event \"%s\" among %d", line, wake_count);
}

Test(aio_tasks, test_task_woken_by_lock_release_wakes_with_lock_acquired) {
    start();
    Value raised = run_program("import asyncio\n"
                               "async def waiter(lock):\n"
                               "    async with lock:\n"
                               "        pass\n"
                               "async def main():\n"
                               "    lock = asyncio.Lock()\n"
                               "    await lock.acquire()\n"
                               "    t = asyncio.create_task(waiter(lock), name='waiter')\n"
                               "    await asyncio.sleep(0)\n"
                               "    lock.release()\n"
                               "    await t\n"
                               "asyncio.run(main())\n");
    cr_assert(IS_EMPTY(raised), "the program raised");
    assert_recorded("waiter wake lock acquired");
    assert_recorded("waiter resume lock acquired");
    cr_assert(!recorded("waiter wake future done"));
    finish();
}

Test(aio_tasks, test_task_woken_by_queue_put_wakes_with_queue_item) {
    start();
    Value raised = run_program("import asyncio\n"
                               "async def consumer(q):\n"
                               "    return await q.get()\n"
                               "async def main():\n"
                               "    q = asyncio.Queue()\n"
                               "    t = asyncio.create_task(consumer(q), name='consumer')\n"
                               "    await asyncio.sleep(0)\n"
                               "    q.put_nowait(1)\n"
                               "    assert await t == 1\n"
                               "asyncio.run(main())\n");
    cr_assert(IS_EMPTY(raised), "the program raised");
    assert_recorded("consumer wake queue item");
    assert_recorded("consumer resume queue item");
    finish();
}

Test(aio_tasks, test_task_woken_by_event_set_wakes_with_event_set) {
    start();
    Value raised = run_program("import asyncio\n"
                               "async def main():\n"
                               "    ev = asyncio.Event()\n"
                               "    t = asyncio.create_task(ev.wait(), name='watcher')\n"
                               "    await asyncio.sleep(0)\n"
                               "    ev.set()\n"
                               "    await t\n"
                               "asyncio.run(main())\n");
    cr_assert(IS_EMPTY(raised), "the program raised");
    assert_recorded("watcher wake event set");
    assert_recorded("watcher resume event set");
    finish();
}

Test(aio_tasks, test_task_awaiting_a_plain_future_or_task_wakes_with_future_done) {
    start();
    Value raised = run_program("import asyncio\n"
                               "async def child():\n"
                               "    await asyncio.sleep(0)\n"
                               "async def main():\n"
                               "    await asyncio.create_task(child())\n"
                               "asyncio.run(main())\n");
    cr_assert(IS_EMPTY(raised), "the program raised");
    assert_recorded("Task-1 wake future done");
    assert_recorded("Task-2 resume sleep(0)");
    finish();
}

Test(aio_tasks, test_creating_a_task_past_max_tasks_raises_runtime_error_naming_the_option) {
    start();
    vm->max_tasks = 3; /* Task-1 (main) and two more */
    Value raised = run_program("import asyncio\n"
                               "async def sleeper():\n"
                               "    await asyncio.sleep(1)\n"
                               "async def main():\n"
                               "    a = asyncio.create_task(sleeper())\n"
                               "    b = asyncio.create_task(sleeper())\n"
                               "    try:\n"
                               "        asyncio.create_task(sleeper())\n"
                               "    except RuntimeError as e:\n"
                               "        assert str(e) == \"too many tasks: 3 live tasks is handoff's limit "
                               "(--max-tasks)\", str(e)\n"
                               "    else:\n"
                               "        raise AssertionError('no RuntimeError')\n"
                               "    await a\n"
                               "    await b\n"
                               "    # finished tasks no longer count: two more fit again\n"
                               "    c = asyncio.create_task(sleeper())\n"
                               "    d = asyncio.create_task(sleeper())\n"
                               "    await asyncio.gather(c, d)\n"
                               "asyncio.run(main())\n");
    cr_assert(IS_EMPTY(raised), "the program raised");
    finish();
}

Test(aio_tasks, test_max_tasks_error_escapes_asyncio_run_uncaught) {
    start();
    vm->max_tasks = 1;
    Value raised = run_program("import asyncio\n"
                               "async def main():\n"
                               "    asyncio.create_task(main())\n"
                               "asyncio.run(main())\n");
    cr_assert(vm_is_instance(vm, raised, vm->types.RuntimeError));
    finish();
}
