/* test_aio_sync.c — asyncio's queues, locks and TaskGroup (aio_sync.c and
 * aio_prelude_sync.c): their names join the module through the extension hook,
 * each waiter future names what it waits for (the trace and deadlock reports
 * show it), and the wake-up orders CPython 3.11 has. Programs assert their own order. */
#include <criterion/criterion.h>

#include "aio_test_session.h"

static VM *vm;
static AioLoop *loop;
static char suspends[16][64]; /* the details of the tasks' suspensions, in order */
static int suspend_count;

static void record_suspend(void *data, const AioEvent *event) {
    UNUSED(data);
    if (event->kind != AIO_EV_SUSPEND || event->detail == NULL || suspend_count >= 16) return;
    snprintf(suspends[suspend_count++], sizeof suspends[0], "%s", event->detail);
}

static void start(void) {
    suspend_count = 0;
    aio_test_start(record_suspend, NULL);
    vm = aio_test_vm;
    loop = aio_test_loop;
}

static void finish(void) { aio_test_finish(); }

/* Runs a program that must not raise (its asserts check the order). */
static void run_program(const char *source) {
    Value raised = aio_test_run(source);
    cr_assert(IS_EMPTY(raised), "the program raised");
}

static bool suspended_on(const char *what) {
    for (int i = 0; i < suspend_count; i++)
        if (strcmp(suspends[i], what) == 0) return true;
    return false;
}

Test(aio_sync, test_queue_getter_waits_on_a_future_named_queue_get) {
    start();
    run_program("import asyncio\n"
                "async def consumer(q, out):\n"
                "    out.append(await q.get())\n"
                "async def main():\n"
                "    q = asyncio.Queue()\n"
                "    out = []\n"
                "    t = asyncio.create_task(consumer(q, out))\n"
                "    await asyncio.sleep(0)\n"
                "    q.put_nowait('item')\n"
                "    await t\n"
                "    assert out == ['item'], out\n"
                "asyncio.run(main())\n");
    cr_assert(suspended_on("Queue.get"));
    finish();
}

Test(aio_sync, test_waiters_name_lock_event_semaphore_and_condition) {
    start();
    run_program("import asyncio\n"
                "async def main():\n"
                "    lock, event = asyncio.Lock(), asyncio.Event()\n"
                "    sem, cond = asyncio.Semaphore(0), asyncio.Condition()\n"
                "    async def use_lock():\n"
                "        async with lock:\n"
                "            pass\n"
                "    async def use_cond():\n"
                "        async with cond:\n"
                "            await cond.wait()\n"
                "    await lock.acquire()\n"
                "    tasks = [asyncio.create_task(use_lock()), asyncio.create_task(event.wait()),\n"
                "             asyncio.create_task(sem.acquire()), asyncio.create_task(use_cond())]\n"
                "    await asyncio.sleep(0)\n"
                "    lock.release()\n"
                "    event.set()\n"
                "    sem.release()\n"
                "    async with cond:\n"
                "        cond.notify_all()\n"
                "    await asyncio.gather(*tasks)\n"
                "asyncio.run(main())\n");
    cr_assert(suspended_on("Lock.acquire"));
    cr_assert(suspended_on("Event.wait"));
    cr_assert(suspended_on("Semaphore.acquire"));
    cr_assert(suspended_on("Condition.wait"));
    finish();
}

Test(aio_sync, test_lock_waiters_are_served_in_fifo_order_skipping_cancelled) {
    start();
    run_program("import asyncio\n"
                "order = []\n"
                "async def worker(lock, i):\n"
                "    try:\n"
                "        async with lock:\n"
                "            order.append(i)\n"
                "            await asyncio.sleep(0.1)\n"
                "    except asyncio.CancelledError:\n"
                "        order.append(-i)\n"
                "async def main():\n"
                "    lock = asyncio.Lock()\n"
                "    tasks = [asyncio.create_task(worker(lock, i)) for i in range(1, 5)]\n"
                "    await asyncio.sleep(0)\n"
                "    tasks[1].cancel()\n"
                "    await asyncio.gather(*tasks)\n"
                "    assert order == [1, -2, 3, 4], order\n"
                "asyncio.run(main())\n");
    finish();
}

Test(aio_sync, test_taskgroup_collects_failures_and_cancels_siblings) {
    start();
    run_program("import asyncio\n"
                "events = []\n"
                "async def fail(d, msg):\n"
                "    await asyncio.sleep(d)\n"
                "    raise ValueError(msg)\n"
                "async def slow():\n"
                "    try:\n"
                "        await asyncio.sleep(10)\n"
                "    except asyncio.CancelledError:\n"
                "        events.append('slow cancelled')\n"
                "        raise\n"
                "async def main():\n"
                "    try:\n"
                "        async with asyncio.TaskGroup() as tg:\n"
                "            tg.create_task(slow())\n"
                "            tg.create_task(fail(1, 'a'), name='failing')\n"
                "            tg.create_task(fail(1, 'b'))\n"
                "    except ExceptionGroup as eg:\n"
                "        events.append(str(eg))\n"
                "        events.append([str(e) for e in eg.exceptions])\n"
                "    assert events == ['slow cancelled', 'unhandled errors in a TaskGroup (2 sub-exceptions)',\n"
                "                      ['a', 'b']], events\n"
                "    assert asyncio.get_running_loop().time() == 1.0\n"
                "asyncio.run(main())\n");
    finish();
}

Test(aio_sync, test_priority_queue_pops_as_heapq) {
    start();
    run_program("import asyncio\n"
                "async def main():\n"
                "    q = asyncio.PriorityQueue()\n"
                "    for x in [5, 1, 4, 1, 3, 9, 2, 6]:\n"
                "        q.put_nowait(x)\n"
                "    assert [q.get_nowait() for _ in range(8)] == [1, 1, 2, 3, 4, 5, 6, 9]\n"
                "    lifo = asyncio.LifoQueue()\n"
                "    for x in 'abc':\n"
                "        lifo.put_nowait(x)\n"
                "    assert lifo.get_nowait() + lifo.get_nowait() + lifo.get_nowait() == 'cba'\n"
                "asyncio.run(main())\n");
    finish();
}
