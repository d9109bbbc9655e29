/* test_inspect.c — the REPL's views on real programs under the virtual clock:
 * :tasks, :where, :loop and :history, taken at a known point. A program calls
 * loop.call_later(T, snapshot): between two hand-offs at loop time T (as when the
 * REPL pauses) snapshot() writes every view into a string the test then reads. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio_sync.h"
#include "compiler.h"
#include "inspect.h"
#include "loop.h"
#include "mod_asyncio.h"
#include "trace.h"
#include "vm.h"

static VM *vm;
static AioLoop *loop;
static History *history;
static char *tasks_view, *loop_view, *where_view, *history_view;
static const char *where_spec; /* the task :where shows at the snapshot */
static int history_last;       /* :history's N at the snapshot */

static void silence(void *data, int stream, const char *bytes, size_t length) {
    UNUSED(data);
    UNUSED(stream);
    UNUSED(bytes);
    UNUSED(length);
}

/* Runs `view` into a string to free. */
#define CAPTURE(into, ...)                                   \
    do {                                                     \
        size_t length_ = 0;                                  \
        FILE *out_ = open_memstream(&(into), &length_);      \
        cr_assert_not_null(out_);                            \
        __VA_ARGS__;                                         \
        fclose(out_);                                        \
    } while (0)

static Value fn_snapshot(VM *v, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(v);
    UNUSED(argc);
    UNUSED(args);
    UNUSED(kwnames);
    CAPTURE(tasks_view, inspect_tasks(loop, history, out_));
    CAPTURE(loop_view, inspect_loop(loop, out_));
    CAPTURE(history_view, history_print(history, history_last, out_));
    if (where_spec != NULL) {
        const char *why = NULL;
        AioTask *task = inspect_find_task(loop, where_spec, &why);
        cr_assert_not_null(task, "%s: %s", where_spec, why);
        CAPTURE(where_view, inspect_where(loop, task, out_));
    }
    return NONE_VAL;
}

static void start(void) {
    vm = vm_new();
    loop = loop_install(vm, CLOCK_VIRTUAL, 1);
    aio_sync_register();
    asyncio_register(vm);
    vm->write = silence;
    history = history_new(0);
    loop_set_event_sink(loop, history_sink, history);
    vm_define_native(vm, vm->main_globals, "snapshot", fn_snapshot, NULL);
    tasks_view = loop_view = where_view = history_view = NULL;
    where_spec = NULL;
    history_last = 0;
}

static void finish(void) {
    free(tasks_view);
    free(loop_view);
    free(where_view);
    free(history_view);
    history_free(history);
    vm->on_coroutine_dropped = NULL;
    vm_free(vm);
    loop_free(loop);
}

/* Runs `source` as prog.py (so :where can show its lines); true if it did not raise. */
static bool run_program(const char *source) {
    Diagnostic diag;
    vm_remember_source(vm, "prog.py", source, strlen(source));
    ObjCode *code = compiler_compile_source(vm, source, strlen(source), "prog.py", false, &diag);
    cr_assert_not_null(code, "%s (line %d)", diag.message, diag.line);
    Value result = vm_run_module(vm, code, vm->main_globals);
    if (IS_EMPTY(result)) vm_take_exception(vm);
    return !IS_EMPTY(result);
}

static void assert_has(const char *text, const char *part) {
    cr_assert_not_null(text);
    cr_assert_not_null(strstr(text, part), "expected\n%s\nin\n%s", part, text);
}

/* The course's count(): at t=0.5 every count() sleeps until t=1 and main() gathers them. */
static const char COUNT[] = "import asyncio\n"
                            "\n"
                            "async def count():\n"
                            "    print('One')\n"
                            "    await asyncio.sleep(1)\n"
                            "    print('Two')\n"
                            "\n"
                            "async def main():\n"
                            "    asyncio.get_running_loop().call_later(0.5, snapshot)\n"
                            "    await asyncio.gather(count(), count(), count())\n"
                            "\n"
                            "asyncio.run(main())\n";

Test(inspect, tasks_lists_each_task_with_what_it_waits_on_and_its_counts) {
    start();
    cr_assert(run_program(COUNT));
    cr_assert_str_eq(tasks_view,
                     "tasks at t=0.500:\n"
                     "  id  task    coroutine  state    waits on                since  resumed  running\n"
                     "   1  Task-1  main()     waiting  gather of 3             0.000        1    0.000\n"
                     "   2  Task-2  count()    waiting  sleep(1) until t=1.000  0.000        1    0.000\n"
                     "   3  Task-3  count()    waiting  sleep(1) until t=1.000  0.000        1    0.000\n"
                     "   4  Task-4  count()    waiting  sleep(1) until t=1.000  0.000        1    0.000\n");
    finish();
}

Test(inspect, tasks_keeps_finished_tasks_with_their_outcome) {
    start();
    cr_assert(run_program("import asyncio\n"
                          "async def ok():\n"
                          "    return 42\n"
                          "async def bad():\n"
                          "    raise ValueError('boom')\n"
                          "async def slow():\n"
                          "    await asyncio.sleep(5)\n"
                          "async def main():\n"
                          "    t1 = asyncio.create_task(ok())\n"
                          "    t2 = asyncio.create_task(bad())\n"
                          "    t3 = asyncio.create_task(slow(), name='sleeper')\n"
                          "    await asyncio.sleep(0)\n"
                          "    t3.cancel()\n"
                          "    await asyncio.sleep(0)\n"
                          "    snapshot()\n"
                          "asyncio.run(main())\n"));
    /* main() runs (it called snapshot); the others ended in the three ways a task can. */
    cr_assert_str_eq(tasks_view,
                     "tasks at t=0.000:\n"
                     "  id  task     coroutine  state      waits on          since  resumed  running\n"
                     "   1  Task-1   main()     running                      0.000        3    0.000\n"
                     "   2  Task-2   ok()       done       → 42              0.000        1    0.000\n"
                     "   3  Task-3   bad()      failed     ValueError: boom  0.000        1    0.000\n"
                     "   4  sleeper  slow()     cancelled                    0.000        2    0.000\n");
    finish();
}

Test(inspect, where_shows_the_await_chain_innermost_last_and_who_awaits) {
    start();
    where_spec = "Task-2";
    cr_assert(run_program("import asyncio\n"
                          "\n"
                          "async def fetch():\n"
                          "    await asyncio.sleep(2)\n"
                          "\n"
                          "async def worker():\n"
                          "    await fetch()\n"
                          "\n"
                          "async def main():\n"
                          "    asyncio.get_running_loop().call_later(1, snapshot)\n"
                          "    await asyncio.create_task(worker())\n"
                          "\n"
                          "asyncio.run(main())\n"));
    cr_assert_str_eq(where_view,
                     "Task-2 worker() is waiting on sleep until t=2.000\n"
                     "  File \"prog.py\", line 7, in worker\n"
                     "    await fetch()\n"
                     "  File \"prog.py\", line 4, in fetch\n"
                     "    await asyncio.sleep(2)\n"
                     "awaited by Task-1 main() at prog.py:11\n"
                     "  awaited by asyncio.run()\n");
    finish();
}

Test(inspect, where_names_the_gather_a_task_is_awaited_through) {
    start();
    where_spec = "3"; /* by id */
    cr_assert(run_program(COUNT));
    assert_has(where_view, "Task-3 count() is waiting on sleep until t=1.000\n"
                           "  File \"prog.py\", line 5, in count\n"
                           "    await asyncio.sleep(1)\n"
                           "awaited by Task-1 main() through gather of 3 at prog.py:10\n");
    finish();
}

Test(inspect, find_task_takes_a_name_an_id_or_a_lone_coroutine) {
    start();
    where_spec = "main()";
    cr_assert(run_program(COUNT));
    assert_has(where_view, "Task-1 main() is waiting on gather of 3\n");
    const char *why = NULL;
    cr_assert_null(inspect_find_task(loop, "count", &why), "three tasks run count()");
    cr_assert_not_null(why);
    cr_assert_null(inspect_find_task(loop, "Task-9", &why));
    assert_has(why, "no pending task");
    finish();
}

Test(inspect, loop_shows_ready_queue_timers_in_deadline_order_and_waiters) {
    start();
    /* As in CPython 3.11, create_task(name=...) still takes a Task-N number: the
     * unnamed tasks after 'late' and 'early' are Task-4 to Task-6. */
    cr_assert(run_program("import asyncio\n"
                          "\n"
                          "def report():\n"
                          "    pass\n"
                          "\n"
                          "async def nap(d):\n"
                          "    await asyncio.sleep(d)\n"
                          "\n"
                          "async def holder(lock):\n"
                          "    async with lock:\n"
                          "        await asyncio.sleep(3)\n"
                          "\n"
                          "async def main():\n"
                          "    lock = asyncio.Lock()\n"
                          "    loop = asyncio.get_running_loop()\n"
                          "    a = asyncio.create_task(nap(2), name='late')\n"
                          "    b = asyncio.create_task(nap(1), name='early')\n"
                          "    h = asyncio.create_task(holder(lock))\n"
                          "    w = asyncio.create_task(holder(lock))\n"
                          "    await asyncio.sleep(0.25)\n"
                          "    loop.call_soon(report)\n"
                          "    fresh = asyncio.create_task(nap(0))\n"
                          "    snapshot()\n"
                          "    await asyncio.gather(a, b, h, w, fresh)\n"
                          "\n"
                          "asyncio.run(main())\n"));
    cr_assert_str_eq(loop_view,
                     "loop at t=0.250, virtual clock\n"
                     "running: Task-1 main()\n"
                     "ready queue (2), in the order the loop runs it:\n"
                     "  1. callback report()\n"
                     "  2. step Task-6 nap() (first step)\n"
                     "timers (3):\n"
                     "  t=1.000  in 0.750 s  ends a sleep of early nap()\n"
                     "  t=2.000  in 1.750 s  ends a sleep of late nap()\n"
                     "  t=3.000  in 2.750 s  ends a sleep of Task-4 holder()\n"
                     "waiting (4):\n"
                     "  late nap() waits on sleep until t=2.000\n"
                     "  early nap() waits on sleep until t=1.000\n"
                     "  Task-4 holder() waits on sleep until t=3.000\n"
                     "  Task-5 holder() waits on Lock.acquire\n");
    finish();
}

Test(inspect, history_prints_the_last_hand_offs_as_log_lines) {
    start();
    history_last = 2;
    cr_assert(run_program(COUNT));
    cr_assert_str_eq(history_view, "  0.000  loop    → Task-3 count()  first step\n"
                                   "  0.000  Task-3  ⇢ sleep(1) until t=1.000\n"
                                   "  0.000  loop    → Task-4 count()  first step\n"
                                   "  0.000  Task-4  ⇢ sleep(1) until t=1.000\n"
                                   "  0.000  loop    … idle until t=0.500\n"
                                   "  0.500  loop    ↻ callback snapshot\n");
    finish();
}

Test(inspect, history_ring_is_capped_and_says_when_it_dropped_events) {
    start();
    history_free(history);
    history = history_new(8);
    loop_set_event_sink(loop, history_sink, history);
    cr_assert(run_program(COUNT));
    assert_has(history_view, "(older events are gone: the history keeps the last 8)\n");
    int lines = 0;
    for (const char *at = history_view; *at != '\0'; at++) lines += *at == '\n';
    cr_assert_eq(lines, 1 + 8, "%s", history_view);
    finish();
}

Test(inspect, history_table_forgets_the_oldest_finished_tasks_past_its_cap) {
    History *alone = history_new(4);
    for (int64_t id = 1; id <= HISTORY_FINISHED_KEPT + 10; id++) {
        AioEvent event;
        memset(&event, 0, sizeof event);
        event.task = (AioTaskRef){.id = id, .name = "Task", .coro = "f"};
        event.kind = AIO_EV_SPAWN;
        event.until = -1;
        history_sink(alone, &event);
        event.kind = AIO_EV_DONE;
        event.detail = "None";
        history_sink(alone, &event);
    }
    cr_assert_leq(history_task_count(alone), HISTORY_FINISHED_KEPT);
    cr_assert_eq(history_task_count(alone) + history_forgotten(alone), HISTORY_FINISHED_KEPT + 10);
    cr_assert_null(history_task(alone, 1), "the oldest finished task is forgotten");
    cr_assert_not_null(history_task(alone, HISTORY_FINISHED_KEPT + 10));
    history_clear(alone);
    cr_assert_eq(history_task_count(alone), 0);
    history_free(alone);
}

Test(inspect, tasks_after_the_run_lists_the_finished_tasks_but_not_asyncio_helpers) {
    start();
    cr_assert(run_program("import asyncio\n"
                          "async def count():\n"
                          "    await asyncio.sleep(1)\n"
                          "    return 'two'\n"
                          "async def main():\n"
                          "    await asyncio.gather(count(), count())\n"
                          "asyncio.run(main())\n"
                          "snapshot()\n"));
    /* asyncio.run's two _shutdown_step tasks (Task-4, Task-5) are left out, as in the trace. */
    cr_assert_str_eq(tasks_view,
                     "tasks at t=1.000:\n"
                     "  id  task    coroutine  state  waits on  since  resumed  running\n"
                     "   1  Task-1  main()     done   → None    1.000        2    0.000\n"
                     "   2  Task-2  count()    done   → 'two'   1.000        2    0.000\n"
                     "   3  Task-3  count()    done   → 'two'   1.000        2    0.000\n");
    finish();
}

Test(inspect, views_after_a_deadlock_show_who_waits_on_what) {
    start();
    cr_assert_not(run_program("import asyncio\n"
                              "\n"
                              "async def consumer(queue):\n"
                              "    item = await queue.get()\n"
                              "\n"
                              "async def main():\n"
                              "    queue = asyncio.Queue()\n"
                              "    await asyncio.create_task(consumer(queue), name='eater')\n"
                              "\n"
                              "asyncio.run(main())\n"),
                  "a deadlock ends the run with SystemExit(1)");
    char *view = NULL;
    CAPTURE(view, inspect_loop(loop, out_));
    cr_assert_str_eq(view, "loop at t=0.000, virtual clock\n"
                           "ready queue (0), in the order the loop runs it:\n"
                           "  empty\n"
                           "timers (0):\n"
                           "  none\n"
                           "waiting (2):\n"
                           "  Task-1 main() waits on eater (consumer)\n"
                           "  eater consumer() waits on Queue.get\n");
    free(view);
    const char *why;
    AioTask *eater = inspect_find_task(loop, "consumer()", &why);
    cr_assert_not_null(eater, "%s", why);
    CAPTURE(view, inspect_where(loop, eater, out_));
    cr_assert_str_eq(view, "eater consumer() is waiting on Queue.get\n"
                           "  File \"prog.py\", line 4, in consumer\n"
                           "    item = await queue.get()\n"
                           "  in Queue.get (asyncio)\n"
                           "awaited by Task-1 main() at prog.py:8\n");
    free(view);
    finish();
}

Test(inspect, loop_lists_a_gathers_children_and_where_says_when_no_task_awaits) {
    start();
    where_spec = "loner";
    cr_assert(run_program("import asyncio\n"
                          "async def count():\n"
                          "    await asyncio.sleep(1)\n"
                          "async def main():\n"
                          "    loner = asyncio.create_task(count(), name='loner')\n"
                          "    asyncio.get_running_loop().call_later(0.5, snapshot)\n"
                          "    await asyncio.gather(count(), count())\n"
                          "asyncio.run(main())\n"));
    assert_has(loop_view, "  Task-1 main() waits on gather of 2: Task-3 count() (pending), Task-4 count() (pending)\n");
    cr_assert_str_eq(where_view, "loner count() is waiting on sleep until t=1.000\n"
                                 "  File \"prog.py\", line 3, in count\n"
                                 "    await asyncio.sleep(1)\n"
                                 "no task awaits it directly\n");
    finish();
}
