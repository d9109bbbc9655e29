/* test_loop.c — the asyncio event loop below the module: the ready queue is FIFO,
 * timers fire in (deadline, creation) order, the virtual clock jumps, cancelled
 * timers neither run nor move the clock, an idle real-clock loop sleeps in the
 * kernel, and Ctrl-C wakes it. C callbacks record what ran. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "compiler.h"
#include "loop.h"
#include "mod_asyncio.h"
#include "vm.h"

static VM *vm;
static AioLoop *loop;
static int64_t ran[64];
static int ran_count;

static void start(LoopClockKind clock, double speed) {
    vm = vm_new();
    loop = loop_install(vm, clock, speed);
    asyncio_register(vm);
    ran_count = 0;
}

static void finish(void) {
    vm->on_coroutine_dropped = NULL;
    vm_free(vm);
    loop_free(loop);
}

static void record(VM *v, Value data, Value arg) {
    UNUSED(v);
    UNUSED(arg);
    if (ran_count < 64) ran[ran_count++] = AS_INT(data);
}

static void stop(VM *v, Value data, Value arg) {
    UNUSED(data);
    UNUSED(arg);
    loop_stop(v);
}

/* Schedules record(value + 100) from inside a callback: it must wait one iteration. */
static void record_and_schedule(VM *v, Value data, Value arg) {
    record(v, data, arg);
    loop_call_soon(v, record, INT_VAL(AS_INT(data) + 100), EMPTY_VAL);
}

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec * 1e-6 +
           (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec * 1e-6;
}

static double wall_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

Test(loop, test_ready_queue_runs_callbacks_in_fifo_order) {
    start(CLOCK_VIRTUAL, 1);
    for (int i = 0; i < 40; i++) loop_call_soon(vm, record, INT_VAL(i), EMPTY_VAL);
    loop_call_soon(vm, stop, NONE_VAL, EMPTY_VAL);
    cr_assert(loop_run_forever(vm));
    cr_assert_eq(ran_count, 40);
    for (int i = 0; i < 40; i++) cr_assert_eq(ran[i], i);
    finish();
}

Test(loop, test_callback_scheduled_by_a_callback_runs_next_iteration) {
    start(CLOCK_VIRTUAL, 1);
    loop_call_soon(vm, record_and_schedule, INT_VAL(1), EMPTY_VAL);
    loop_call_soon(vm, record, INT_VAL(2), EMPTY_VAL);
    loop_call_soon(vm, stop, NONE_VAL, EMPTY_VAL);
    /* stop() ends the loop after the iteration: 101 was appended for the next one. */
    cr_assert(loop_run_forever(vm));
    cr_assert_eq(ran_count, 2);
    cr_assert_eq(ran[0], 1);
    cr_assert_eq(ran[1], 2);
    loop_call_soon(vm, stop, NONE_VAL, EMPTY_VAL);
    cr_assert(loop_run_forever(vm));
    cr_assert_eq(ran_count, 3);
    cr_assert_eq(ran[2], 101);
    finish();
}

Test(loop, test_sleep_ties_wake_in_creation_order) {
    start(CLOCK_VIRTUAL, 1);
    for (int i = 0; i < 10; i++) {
        loop_call_at(vm, 1.0, record, INT_VAL(i), EMPTY_VAL);
        loop_call_at(vm, 0.5, record, INT_VAL(100 + i), EMPTY_VAL);
    }
    loop_call_at(vm, 2.0, stop, NONE_VAL, EMPTY_VAL);
    cr_assert(loop_run_forever(vm));
    cr_assert_eq(ran_count, 20);
    for (int i = 0; i < 10; i++) {
        cr_assert_eq(ran[i], 100 + i, "0.5 s timers first, in creation order");
        cr_assert_eq(ran[10 + i], i, "then the 1 s timers, in creation order");
    }
    finish();
}

Test(loop, test_virtual_clock_jumps_to_the_next_timer) {
    start(CLOCK_VIRTUAL, 1);
    double begin = wall_seconds();
    loop_call_later(vm, 3600, record, INT_VAL(1), EMPTY_VAL);
    loop_call_later(vm, 3600, stop, NONE_VAL, EMPTY_VAL);
    cr_assert(loop_run_forever(vm));
    cr_assert_eq(ran_count, 1);
    cr_assert_float_eq(loop_time(vm), 3600.0, 1e-9);
    cr_assert_lt(wall_seconds() - begin, 1.0, "an hour of virtual time passes at once");
    finish();
}

Test(loop, test_cancelled_call_later_neither_runs_nor_moves_the_clock) {
    start(CLOCK_VIRTUAL, 1);
    AioHandle *late = loop_call_later(vm, 10, record, INT_VAL(10), EMPTY_VAL);
    loop_call_later(vm, 1, record, INT_VAL(1), EMPTY_VAL);
    loop_call_later(vm, 1, stop, NONE_VAL, EMPTY_VAL);
    handle_cancel(vm, late);
    cr_assert(loop_run_forever(vm));
    cr_assert_eq(ran_count, 1);
    cr_assert_eq(ran[0], 1);
    cr_assert_float_eq(loop_time(vm), 1.0, 1e-9);
    finish();
}

Test(loop, test_speed_scales_real_time) {
    start(CLOCK_REAL, 10);
    double begin = wall_seconds();
    double loop_begin = loop_time(vm);
    loop_call_later(vm, 1.0, stop, NONE_VAL, EMPTY_VAL);
    cr_assert(loop_run_forever(vm));
    double wall = wall_seconds() - begin;
    cr_assert_geq(loop_time(vm) - loop_begin, 1.0);
    cr_assert(wall >= 0.09 && wall < 0.5, "1 s at speed 10 took %.3f s", wall);
    finish();
}

Test(loop, test_idle_loop_sleeps_in_the_kernel) {
    start(CLOCK_REAL, 1);
    loop_call_later(vm, 0.3, stop, NONE_VAL, EMPTY_VAL);
    double cpu = cpu_seconds();
    double begin = wall_seconds();
    cr_assert(loop_run_forever(vm));
    double wall = wall_seconds() - begin;
    cpu = cpu_seconds() - cpu;
    cr_assert_geq(wall, 0.29);
    cr_assert_lt(cpu, 0.05, "an idle loop used %.3f s of CPU in %.3f s", cpu, wall);
    finish();
}

static void *send_sigint(void *data) {
    UNUSED(data);
    usleep(100 * 1000);
    kill(getpid(), SIGINT);
    return NULL;
}

Test(loop, test_sigint_wakes_an_idle_loop) {
    start(CLOCK_REAL, 1);
    loop_call_later(vm, 5, stop, NONE_VAL, EMPTY_VAL);
    pthread_t thread;
    double begin = wall_seconds();
    pthread_create(&thread, NULL, send_sigint, NULL);
    bool ok = loop_run_forever(vm);
    pthread_join(thread, NULL);
    cr_assert_not(ok, "Ctrl-C ends the run");
    cr_assert(vm_exception_matches(vm, vm->types.KeyboardInterrupt));
    vm_take_exception(vm);
    cr_assert_lt(wall_seconds() - begin, 2.0, "the loop woke up at once");
    finish();
}

/* ---- the event sink ---- */

static int event_counts[AIO_EV_LOOP_END + 1];
static char first_suspend[128];

static void count_event(void *data, const AioEvent *event) {
    UNUSED(data);
    event_counts[event->kind]++;
    if (event->kind == AIO_EV_SUSPEND && first_suspend[0] == '\0' && event->detail != NULL)
        snprintf(first_suspend, sizeof first_suspend, "%s", event->detail);
}

static void run_program(const char *source) {
    Diagnostic diag;
    ObjCode *code = compiler_compile_source(vm, source, strlen(source), "<test>", false, &diag);
    cr_assert_not_null(code, "%s (line %d)", diag.message, diag.line);
    Value result = vm_run_module(vm, code, vm->main_globals);
    cr_assert(!IS_EMPTY(result), "the program raised");
}

static void silence(void *data, int stream, const char *bytes, size_t length) {
    UNUSED(data);
    UNUSED(stream);
    UNUSED(bytes);
    UNUSED(length);
}

Test(loop, test_sink_hears_spawn_suspend_resume_and_done) {
    start(CLOCK_VIRTUAL, 1);
    vm->write = silence;
    memset(event_counts, 0, sizeof event_counts);
    first_suspend[0] = '\0';
    loop_set_event_sink(loop, count_event, NULL);
    run_program("import asyncio\n"
                "async def count():\n"
                "    await asyncio.sleep(1)\n"
                "    return 1\n"
                "async def main():\n"
                "    await asyncio.gather(count(), count())\n"
                "asyncio.run(main())\n");
    cr_assert_eq(event_counts[AIO_EV_LOOP_START], 1);
    cr_assert_geq(event_counts[AIO_EV_SPAWN], 3, "main and two children");
    cr_assert_geq(event_counts[AIO_EV_DONE], 3);
    cr_assert_geq(event_counts[AIO_EV_RESUME], 5);
    cr_assert_geq(event_counts[AIO_EV_IDLE], 1);
    cr_assert_eq(event_counts[AIO_EV_LOOP_END], 1);
    cr_assert_str_eq(first_suspend, "gather of 2");
    finish();
}

Test(loop, test_time_sleep_outside_asyncio_advances_the_virtual_clock) {
    start(CLOCK_VIRTUAL, 1);
    vm->write = silence;
    run_program("import time\n"
                "start = time.perf_counter()\n"
                "for i in range(3):\n"
                "    time.sleep(1)\n"
                "elapsed = time.perf_counter() - start\n"
                "assert elapsed == 3.0, elapsed\n");
    cr_assert_float_eq(loop_time(vm), 3.0, 1e-9);
    finish();
}
