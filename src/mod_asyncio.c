/* mod_asyncio.c — the `asyncio` module: its classes (Future, Task, Handle, the
 * loop object, Timeout, CancelledError), the functions written in C (sleep,
 * create_task, ensure_future, current_task, ...). The functions whose order of
 * suspensions is their whole point (run, gather, wait, wait_for, shield,
 * as_completed) are written in Python, in aio_prelude.c. */
#include "mod_asyncio.h"

#include "containers.h"
#include "loop.h"
#include "memory.h"
#include "vm_internal.h"

static AioClasses classes;

/* Modules of upper files (queues, locks, TaskGroup) add their names to asyncio's
 * dict when it is imported, without changes here. */
enum { MAX_EXTENSIONS = 8 };
static ModuleInitFn extensions[MAX_EXTENSIONS];
static int extension_count;
static Value wrap_function = {VAL_EMPTY, {.integer = 0}}; /* the prelude's _wrap */

AioClasses *aio_classes(VM *vm) {
    UNUSED(vm);
    return &classes;
}

static AioLoop *running_loop(VM *vm) {
    AioLoop *loop = vm->loop;
    if (loop == NULL || !loop->running) {
        vm_raise(vm, vm->types.RuntimeError, "no running event loop");
        return NULL;
    }
    return loop;
}

static bool is_coroutine(Value v) { return IS_GENERATOR(v) && AS_GENERATOR(v)->kind == GEN_KIND_COROUTINE; }

static bool to_seconds(VM *vm, Value v, double *out) {
    if (IS_INT(v)) *out = (double)AS_INT(v);
    else if (IS_FLOAT(v)) *out = AS_FLOAT(v);
    else if (IS_BOOL(v)) *out = AS_BOOL(v);
    else {
        vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as a number of seconds",
                 vm_type_name(vm, v));
        return false;
    }
    return true;
}

/* --------------------------------------------------- awaitables made in C */

/* sleep() and the async context manager methods return one ObjIterator that is
 * its own awaitable; `step` says which: */
enum { AWAIT_DONE, AWAIT_SLEEP0, AWAIT_SLEEP };
static const char AWAITABLE_NAME[] = "aio_awaitable";

/* source: the result; extra: the sleep's future once a sleep started;
 * end: the delay's bits; index 0 not started, 1 suspended, 2 finished. */
static int awaitable_next(VM *vm, ObjIterator *it, Value *out) {
    if (it->index == 2) { /* CPython's sleep() is a coroutine: awaited twice, it says so */
        vm_raise(vm, vm->types.RuntimeError, "cannot reuse already awaited coroutine");
        return -1;
    }
    if (it->step == AWAIT_DONE) {
        it->index = 2;
        *out = it->source;
        return 0;
    }
    if (it->index == 0) {
        it->index = 1;
        if (it->step == AWAIT_SLEEP0) {
            *out = NONE_VAL;
            return 1;
        }
        if (running_loop(vm) == NULL) return -1;
        double delay;
        memcpy(&delay, &it->end, sizeof delay);
        AioFuture *future = future_new(vm, "sleep");
        future->until = loop_time(vm) + delay;
        future->result = it->source; /* what the timer sets */
        loop_sleep_until(vm, future, future->until);
        it->extra = OBJ_VAL(future);
        future->blocking = true;
        *out = OBJ_VAL(future);
        return 1;
    }
    it->index = 2;
    if (it->step == AWAIT_SLEEP0) {
        *out = it->source;
        return 0;
    }
    AioFuture *future = (AioFuture *)AS_OBJ(it->extra);
    future->timer_off = true;
    if (future->state == FUTURE_PENDING) {
        vm_raise(vm, vm->types.RuntimeError, "await wasn't used with future");
        return -1;
    }
    Value result = future_result(vm, future);
    if (IS_EMPTY(result)) return -1;
    *out = result;
    return 0;
}

/* The spare is one that an `await asyncio.sleep(0)` finished with and that nothing
 * else could reach (vm.c, YIELD_FROM): made again, it saves an allocation and a
 * collection on every hand-off. */
static ObjIterator *awaitable_new(VM *vm, int mode, Value result) {
    ObjIterator *it;
    Obj *spare = vm->spare_awaitable;
    if (spare != NULL && spare->type == OBJ_ITERATOR && ((ObjIterator *)spare)->type_name == AWAITABLE_NAME) {
        it = (ObjIterator *)spare;
        vm->spare_awaitable = NULL;
        it->source = result;
        it->index = 0;
        it->end = 0;
    } else {
        it = iterator_new(vm, AWAITABLE_NAME, awaitable_next, result);
    }
    it->step = mode;
    it->extra = EMPTY_VAL;
    return it;
}

static Value awaitable_self(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__await__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    return args[0];
}

/* throw(): the `finally: h.cancel()` of CPython's sleep, then the exception rises. */
static Value awaitable_throw(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "throw", argc - 1, kwnames, 1, 3)) return EMPTY_VAL;
    ObjIterator *it = AS_ITERATOR(args[0]);
    if (it->step == AWAIT_SLEEP && aio_is_future(it->extra)) ((AioFuture *)AS_OBJ(it->extra))->timer_off = true;
    it->index = 2;
    return vm_raise_value(vm, args[1]);
}

static Value awaitable_close(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "close", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    ObjIterator *it = AS_ITERATOR(args[0]);
    if (it->step == AWAIT_SLEEP && aio_is_future(it->extra)) ((AioFuture *)AS_OBJ(it->extra))->timer_off = true;
    it->index = 2;
    return NONE_VAL;
}

/* sleep() returns an awaitable iterator, not a coroutine: a task needs a coroutine,
 * so it is wrapped in one (`async def _wrap(aw): return await aw`) named after it. */
Value aio_coroutine_of(VM *vm, Value awaitable) {
    if (!IS_ITERATOR(awaitable) || AS_ITERATOR(awaitable)->type_name != AWAITABLE_NAME) return awaitable;
    if (IS_EMPTY(wrap_function)) return awaitable;
    Value coro = vm_call(vm, wrap_function, 1, &awaitable);
    if (IS_EMPTY(coro)) return EMPTY_VAL;
    if (IS_GENERATOR(coro)) {
        ObjStr *name = str_intern_cstr(vm, AS_ITERATOR(awaitable)->step == AWAIT_DONE ? "_wrap" : "sleep");
        AS_GENERATOR(coro)->name = name;
        AS_GENERATOR(coro)->qualname = name;
    }
    return coro;
}

/* ------------------------------------------------------------ functions */

static Value fn_sleep(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (argc == 1 && kwnames == NULL && IS_INT(args[0]) && AS_INT(args[0]) == 0) /* sleep(0): the hot path */
        return OBJ_VAL(awaitable_new(vm, AWAIT_SLEEP0, NONE_VAL));
    static const char *const params[] = {"delay", "result"};
    Value bound[2];
    if (!vm_parse_args(vm, "sleep", argc, args, kwnames, 2, params, 2, 1, bound)) return EMPTY_VAL;
    double delay;
    if (!to_seconds(vm, bound[0], &delay)) return EMPTY_VAL;
    Value result = IS_EMPTY(bound[1]) ? NONE_VAL : bound[1];
    ObjIterator *it = awaitable_new(vm, delay <= 0 ? AWAIT_SLEEP0 : AWAIT_SLEEP, result);
    memcpy(&it->end, &delay, sizeof delay);
    return OBJ_VAL(it);
}

static Value make_task(VM *vm, Value coro, Value name) {
    if (running_loop(vm) == NULL) {
        if (is_coroutine(coro)) AS_GENERATOR(coro)->awaited = true;
        return EMPTY_VAL;
    }
    AioTask *task = task_new(vm, coro, name);
    return task != NULL ? OBJ_VAL(task) : EMPTY_VAL;
}

static Value fn_create_task(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"coro", "name", "context"};
    Value bound[3];
    if (!vm_parse_args(vm, "create_task", argc, args, kwnames, 3, params, 1, 1, bound)) return EMPTY_VAL;
    /* asyncio.create_task names the task after making it: a Task-N number is used up. */
    Value task = make_task(vm, bound[0], NONE_VAL);
    if (IS_EMPTY(task) || IS_EMPTY(bound[1]) || IS_NONE(bound[1])) return task;
    Value name = vm_str(vm, bound[1]);
    if (IS_EMPTY(name)) return EMPTY_VAL;
    task_set_name((AioTask *)AS_OBJ(task), name);
    return task;
}

static Value fn_ensure_future(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"coro_or_future", "loop"};
    Value bound[2];
    if (!vm_parse_args(vm, "ensure_future", argc, args, kwnames, 2, params, 1, 1, bound)) return EMPTY_VAL;
    Value arg = bound[0];
    if (aio_is_future(arg)) return arg;
    if (is_coroutine(arg) || IS_ITERATOR(arg)) return make_task(vm, arg, NONE_VAL);
    /* Any other awaitable (a class with __await__) runs in a coroutine that
     * awaits it, as CPython's _wrap_awaitable does. */
    Value await = vm_getattr_opt(vm, arg, vm->s_await);
    if (IS_EMPTY(await) && !IS_EMPTY(vm->exception)) return EMPTY_VAL;
    if (!IS_EMPTY(await) && !IS_EMPTY(wrap_function)) {
        Value coro = vm_call(vm, wrap_function, 1, &arg);
        if (IS_EMPTY(coro)) return EMPTY_VAL;
        return make_task(vm, coro, NONE_VAL);
    }
    return vm_raise(vm, vm->types.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

static Value fn_current_task(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "current_task", argc, kwnames, 0, 1)) return EMPTY_VAL;
    if (running_loop(vm) == NULL) return EMPTY_VAL;
    AioTask *task = task_current(vm);
    return task != NULL ? OBJ_VAL(task) : NONE_VAL;
}

static Value pending_tasks_list(VM *vm) {
    AioLoop *loop = vm->loop;
    ObjList *list = list_new(vm, 0);
    for (AioTask *task = loop->tasks_head; task != NULL; task = task->next)
        if (task->future.state == FUTURE_PENDING) list_append(vm, list, OBJ_VAL(task));
    return OBJ_VAL(list);
}

static Value fn_all_tasks(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "all_tasks", argc, kwnames, 0, 1)) return EMPTY_VAL;
    if (running_loop(vm) == NULL) return EMPTY_VAL;
    Value list = pending_tasks_list(vm);
    vm_push_root(vm, list);
    ObjSet *set = set_new(vm, false);
    ObjList *items = AS_LIST(list);
    for (int64_t i = 0; i < items->count; i++) set_add(vm, set, items->items[i]);
    vm_pop_roots(vm, 1);
    return OBJ_VAL(set);
}

static Value fn_pending_tasks(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "_pending_tasks", argc, kwnames, 0, 0)) return EMPTY_VAL;
    return pending_tasks_list(vm);
}

static Value fn_get_running_loop(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "get_running_loop", argc, kwnames, 0, 0)) return EMPTY_VAL;
    AioLoop *loop = running_loop(vm);
    return loop != NULL ? loop->loop_object : EMPTY_VAL;
}

static Value fn_running(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "_running", argc, kwnames, 0, 0)) return EMPTY_VAL;
    AioLoop *loop = vm->loop;
    return BOOL_VAL(loop != NULL && loop->running);
}

static Value fn_iscoroutine(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "iscoroutine", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return BOOL_VAL((IS_GENERATOR(args[0]) && AS_GENERATOR(args[0])->kind != GEN_KIND_ASYNC_GENERATOR) ||
                    (IS_ITERATOR(args[0]) && AS_ITERATOR(args[0])->type_name == AWAITABLE_NAME));
}

static Value fn_isfuture(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "isfuture", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return BOOL_VAL(aio_is_future(args[0]));
}

static Value fn_iscoroutinefunction(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "iscoroutinefunction", argc, kwnames, 1, 1)) return EMPTY_VAL;
    Value f = args[0];
    if (IS_BOUND_METHOD(f)) f = AS_BOUND_METHOD(f)->callable;
    return BOOL_VAL(IS_FUNCTION(f) && (AS_FUNCTION(f)->code->flags & CODE_COROUTINE));
}

static Value fn_gathering_future(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "_gathering_future", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!IS_LIST(args[0])) return vm_raise(vm, vm->types.TypeError, "children must be a list");
    AioFuture *future = future_new(vm, "gather");
    future->children = AS_LIST(args[0]);
    future->gather_count = (int)AS_LIST(args[0])->count;
    return OBJ_VAL(future);
}

/* The Python face of the loop for one asyncio.run: its state lives in AioLoop. */
typedef struct {
    ObjNativeData base;
    bool closed;
} LoopObject;

static const NativeDataType LOOP_KIND = {"loop", NULL, NULL};

/* _run_begin(): the loop object of a new run (the run's state is reset). */
static Value fn_run_begin(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "_run_begin", argc, kwnames, 0, 0)) return EMPTY_VAL;
    AioLoop *loop = vm->loop;
    LoopObject *object = (LoopObject *)native_data_new(vm, classes.Loop, &LOOP_KIND, sizeof(LoopObject));
    object->closed = false;
    loop->loop_object = OBJ_VAL(object);
    loop->interrupt_count = 0;
    loop->deadlocked = false;
    return loop->loop_object;
}

static Value fn_run_until_complete(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "_run_until_complete", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!aio_is_future(args[0])) return vm_raise(vm, vm->types.TypeError, "a Future is required");
    AioLoop *loop = vm->loop;
    AioTask *previous_main = loop->main_task;
    if (loop->main_task == NULL && aio_is_task(args[0])) loop->main_task = (AioTask *)AS_OBJ(args[0]);
    if (loop_tracing(loop) && previous_main == NULL) {
        AioTask *main = loop->main_task;
        loop_emit(loop, AIO_EV_LOOP_START, NULL, NULL, NULL,
                  main != NULL && IS_GENERATOR(main->coro) ? AS_GENERATOR(main->coro)->qualname->chars : NULL,
                  -1, 0);
    }
    Value result = loop_run_until_complete(vm, (AioFuture *)AS_OBJ(args[0]));
    return result;
}

/* asyncio.run() typed at the REPL's prompt: the session's loop is running, but
 * no task is, so the prompt's own code called it. It runs the coroutine on the
 * session's loop (see _prompt_run in aio_prelude.c) rather than refusing, as
 * CPython's plain prompt would run it. */
static Value fn_at_prompt(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "_at_prompt", argc, kwnames, 0, 0)) return EMPTY_VAL;
    AioLoop *loop = vm->loop;
    return BOOL_VAL(loop != NULL && loop->session && task_current(vm) == NULL);
}

/* Drives the session's loop until `future` is done: Ctrl-C cancels it (then
 * KeyboardInterrupt), and a wait nothing can end is reported and cancelled. */
static void run_stuck(void *data) {
    static const char message[] = "deadlock: asyncio.run() waits, but nothing is ready and no timer is "
                                  "set, so nothing can wake it; it was cancelled\n";
    vm_write(data, 2, message, sizeof message - 1);
}

/* asyncio.run(main()) typed at the prompt: runs the task on the session's loop. */
static Value fn_session_until_complete(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "_session_until_complete", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!aio_is_future(args[0])) return vm_raise(vm, vm->types.TypeError, "a Future is required");
    AioFuture *future = (AioFuture *)AS_OBJ(args[0]);
    SessionRunHooks hooks = {.data = vm, .on_stuck = run_stuck};
    vm_push_root(vm, args[0]);
    SessionRunEnd end = loop_session_run_until(vm->loop, future, &hooks);
    vm_pop_roots(vm, 1);
    switch (end) {
    case SESSION_RUN_ERROR: return EMPTY_VAL;
    case SESSION_RUN_STUCK:
        return vm_raise(vm, vm->types.RuntimeError,
                        "asyncio.run() could not finish its coroutine: it was cancelled and still waits, with nothing to wake it");
    case SESSION_RUN_GIVEN_UP: return vm_raise_empty(vm, vm->types.KeyboardInterrupt);
    case SESSION_RUN_STOPPED:
    case SESSION_RUN_DONE: break;
    }
    if (future->state == FUTURE_PENDING)
        return vm_raise(vm, vm->types.RuntimeError, "asyncio.run() could not finish its coroutine");
    if (hooks.interrupted && future->state == FUTURE_CANCELLED) return vm_raise_empty(vm, vm->types.KeyboardInterrupt);
    return future_result(vm, future);
}

static Value fn_interrupted(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "_interrupted", argc, kwnames, 0, 0)) return EMPTY_VAL;
    return BOOL_VAL(((AioLoop *)vm->loop)->interrupt_count > 0);
}

static Value fn_deadlocked(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "_deadlocked", argc, kwnames, 0, 0)) return EMPTY_VAL;
    return BOOL_VAL(((AioLoop *)vm->loop)->deadlocked);
}

static Value fn_run_end(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "_run_end", argc, kwnames, 0, 0)) return EMPTY_VAL;
    AioLoop *loop = vm->loop;
    if (IS_NATIVE_DATA(loop->loop_object)) ((LoopObject *)AS_OBJ(loop->loop_object))->closed = true;
    loop->loop_object = EMPTY_VAL;
    loop->main_task = NULL;
    loop_emit(loop, AIO_EV_LOOP_END, NULL, NULL, NULL, NULL, -1, 0);
    /* Coroutines dropped during the run are reported here, in a predictable place. */
    gc_collect(vm);
    return NONE_VAL;
}

/* ------------------------------------------------------------ the loop object */

static bool check_loop_self(VM *vm, Value self) {
    if (!IS_NATIVE_DATA(self) || AS_NATIVE_DATA(self)->cls != classes.Loop) {
        vm_raise(vm, vm->types.TypeError, "an event loop is required");
        return false;
    }
    return true;
}

static Value args_tuple(VM *vm, int argc, Value *args) { return OBJ_VAL(tuple_from_values(vm, argc, args)); }

static Value lm_call_soon(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) argc -= vm_kwcount(kwnames); /* context= is accepted and ignored */
    if (argc < 2) return vm_raise(vm, vm->types.TypeError, "call_soon() missing 1 required positional argument: 'callback'");
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    Value tuple = args_tuple(vm, argc - 2, args + 2);
    vm_push_root(vm, tuple);
    AioHandle *handle = loop_call_soon_handle(vm, NULL, args[1], tuple);
    vm_pop_roots(vm, 1);
    return OBJ_VAL(handle);
}

static Value call_timer(VM *vm, int argc, Value *args, ObjTuple *kwnames, bool absolute) {
    const char *name = absolute ? "call_at" : "call_later";
    if (vm_kwcount(kwnames) > 0) argc -= vm_kwcount(kwnames);
    if (argc < 3) return vm_raise(vm, vm->types.TypeError, "%s() missing required arguments", name);
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    double seconds;
    if (!to_seconds(vm, args[1], &seconds)) return EMPTY_VAL;
    Value tuple = args_tuple(vm, argc - 3, args + 3);
    vm_push_root(vm, tuple);
    double when = absolute ? seconds : loop_time(vm) + seconds;
    AioHandle *handle = loop_call_at(vm, when, NULL, args[2], tuple);
    vm_pop_roots(vm, 1);
    return OBJ_VAL(handle);
}

static Value lm_call_later(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return call_timer(vm, argc, args, kwnames, false);
}

static Value lm_call_at(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return call_timer(vm, argc, args, kwnames, true);
}

static Value lm_time(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "time", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    return FLOAT_VAL(loop_time(vm));
}

static Value lm_create_future(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "create_future", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    return OBJ_VAL(future_new(vm, NULL));
}

static Value lm_create_task(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"self", "coro", "name", "context"};
    Value bound[4];
    if (!vm_parse_args(vm, "create_task", argc, args, kwnames, 4, params, 2, 2, bound)) return EMPTY_VAL;
    if (!check_loop_self(vm, bound[0])) return EMPTY_VAL;
    AioTask *task = task_new(vm, bound[1], IS_EMPTY(bound[2]) ? NONE_VAL : bound[2]);
    return task != NULL ? OBJ_VAL(task) : EMPTY_VAL;
}

/* The result of a run_in_executor function reaches its future (unless cancelled). */
static void deliver_executor_result(VM *vm, Value data, Value arg) {
    AioFuture *future = (AioFuture *)AS_OBJ(data);
    if (future->state != FUTURE_PENDING) return;
    ObjTuple *outcome = AS_TUPLE(arg);
    if (AS_BOOL(outcome->items[0])) future_set_exception(vm, future, outcome->items[1]);
    else future_set_result(vm, future, outcome->items[1]);
}

/* run_in_executor(None, fn, *args): handoff has no threads. As the conformance
 * oracle models a worker thread, fn runs now, to completion, but its time.sleep
 * calls pass on a clock of its own instead of blocking the loop; its result
 * reaches the future through a timer at now + the time it slept. */
static Value lm_run_in_executor(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "run_in_executor() takes no keyword arguments");
    if (argc < 3) return vm_raise(vm, vm->types.TypeError, "run_in_executor() missing required argument: 'func'");
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    AioLoop *loop = vm->loop;
    Value fn = args[2]; /* args may move while fn runs: keep what is needed after */
    AioFuture *future = future_new(vm, "run_in_executor");
    vm_push_root(vm, OBJ_VAL(future));
    double outer_spent = loop->worker_spent;
    loop->worker_depth++;
    loop->worker_spent = 0;
    Value result = vm_call(vm, args[2], argc - 3, args + 3);
    double spent = loop->worker_spent;
    loop->worker_depth--;
    loop->worker_spent = outer_spent;
    Value outcome[2] = {BOOL_VAL(IS_EMPTY(result)), IS_EMPTY(result) ? vm_take_exception(vm) : result};
    vm_push_root(vm, outcome[1]);
    Value tuple = OBJ_VAL(tuple_from_values(vm, 2, outcome));
    vm_push_root(vm, tuple);
    loop_call_at(vm, loop_time(vm) + spent, deliver_executor_result, OBJ_VAL(future), tuple);
    if (loop_tracing(loop)) {
        Value name = vm_getattr_opt(vm, fn, vm->s_name);
        char what[160];
        snprintf(what, sizeof what, "run_in_executor(%s)", IS_STR(name) ? AS_STR(name)->chars : "?");
        loop_report_blocking(vm, what, 0);
    }
    vm_pop_roots(vm, 3);
    return OBJ_VAL(future);
}

static Value lm_is_running(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "is_running", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    AioLoop *loop = vm->loop;
    return BOOL_VAL(loop->running && AS_OBJ(loop->loop_object) == AS_OBJ(args[0]));
}

static Value lm_is_closed(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "is_closed", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    return BOOL_VAL(((LoopObject *)AS_OBJ(args[0]))->closed);
}

static Value lm_stop(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "stop", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!check_loop_self(vm, args[0])) return EMPTY_VAL;
    loop_stop(vm);
    return NONE_VAL;
}

static Value lm_get_debug(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "get_debug", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    return FALSE_VAL;
}

/* ------------------------------------------------------------------ handles */

static AioHandle *self_handle(VM *vm, Value self) {
    if (!IS_NATIVE_DATA(self) ||
        (AS_NATIVE_DATA(self)->cls != classes.Handle && AS_NATIVE_DATA(self)->cls != classes.TimerHandle)) {
        vm_raise(vm, vm->types.TypeError, "a Handle is required");
        return NULL;
    }
    return (AioHandle *)AS_OBJ(self);
}

static Value hm_cancel(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "cancel", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    AioHandle *handle = self_handle(vm, args[0]);
    if (handle == NULL) return EMPTY_VAL;
    handle_cancel(vm, handle);
    return NONE_VAL;
}

static Value hm_cancelled(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "cancelled", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    AioHandle *handle = self_handle(vm, args[0]);
    if (handle == NULL) return EMPTY_VAL;
    return BOOL_VAL(handle->cancelled);
}

static Value hm_when(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "when", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    AioHandle *handle = self_handle(vm, args[0]);
    if (handle == NULL) return EMPTY_VAL;
    return FLOAT_VAL(handle->when);
}

/* ------------------------------------------------------------------ Timeout */

typedef enum { TIMEOUT_CREATED, TIMEOUT_ENTERED, TIMEOUT_EXPIRING, TIMEOUT_EXPIRED, TIMEOUT_EXITED } TimeoutState;

typedef struct {
    ObjNativeData base;
    TimeoutState state;
    Value when;             /* a float, or NONE */
    Value handler;          /* the Handle that expires it, or NONE */
    Value task;             /* the task it guards, or NONE */
} AioTimeout;

static void timeout_mark(VM *vm, void *object) {
    AioTimeout *timeout = object;
    gc_mark_value(vm, timeout->when);
    gc_mark_value(vm, timeout->handler);
    gc_mark_value(vm, timeout->task);
}

static const NativeDataType TIMEOUT_KIND = {"Timeout", timeout_mark, NULL};

static AioTimeout *self_timeout(VM *vm, Value self) {
    if (!IS_NATIVE_DATA(self) || AS_NATIVE_DATA(self)->kind != &TIMEOUT_KIND) {
        vm_raise(vm, vm->types.TypeError, "a Timeout is required");
        return NULL;
    }
    return (AioTimeout *)AS_OBJ(self);
}

static Value timeout_new(VM *vm, Value when) {
    AioTimeout *timeout = (AioTimeout *)native_data_new(vm, classes.Timeout, &TIMEOUT_KIND, sizeof(AioTimeout));
    timeout->state = TIMEOUT_CREATED;
    timeout->when = when;
    timeout->handler = NONE_VAL;
    timeout->task = NONE_VAL;
    return OBJ_VAL(timeout);
}

static void timeout_on_timeout(VM *vm, Value data, Value arg) {
    UNUSED(arg);
    AioTimeout *timeout = (AioTimeout *)AS_OBJ(data);
    if (aio_is_task(timeout->task)) task_cancel(vm, (AioTask *)AS_OBJ(timeout->task), NONE_VAL);
    timeout->state = TIMEOUT_EXPIRING;
    timeout->handler = NONE_VAL;
}

static const char *timeout_state_name(TimeoutState state) {
    static const char *const names[] = {"created", "active", "expiring", "expired", "finished"};
    return names[state];
}

static bool timeout_reschedule(VM *vm, AioTimeout *timeout, Value when) {
    if (timeout->state != TIMEOUT_ENTERED) {
        vm_raise(vm, vm->types.RuntimeError, "Cannot change state of %s Timeout", timeout_state_name(timeout->state));
        return false;
    }
    timeout->when = when;
    if (IS_NATIVE_DATA(timeout->handler)) handle_cancel(vm, (AioHandle *)AS_OBJ(timeout->handler));
    if (IS_NONE(when)) {
        timeout->handler = NONE_VAL;
        return true;
    }
    double seconds;
    if (!to_seconds(vm, when, &seconds)) return false;
    AioHandle *handle;
    if (seconds <= loop_time(vm)) handle = loop_call_soon_handle(vm, timeout_on_timeout, OBJ_VAL(timeout), EMPTY_VAL);
    else handle = loop_call_at(vm, seconds, timeout_on_timeout, OBJ_VAL(timeout), EMPTY_VAL);
    timeout->handler = OBJ_VAL(handle);
    return true;
}

static Value tm_when(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "when", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    AioTimeout *timeout = self_timeout(vm, args[0]);
    return timeout != NULL ? timeout->when : EMPTY_VAL;
}

static Value tm_reschedule(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "reschedule", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    AioTimeout *timeout = self_timeout(vm, args[0]);
    if (timeout == NULL || !timeout_reschedule(vm, timeout, args[1])) return EMPTY_VAL;
    return NONE_VAL;
}

static Value tm_expired(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "expired", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    AioTimeout *timeout = self_timeout(vm, args[0]);
    if (timeout == NULL) return EMPTY_VAL;
    return BOOL_VAL(timeout->state == TIMEOUT_EXPIRING || timeout->state == TIMEOUT_EXPIRED);
}

static Value tm_aenter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__aenter__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    AioTimeout *timeout = self_timeout(vm, args[0]);
    if (timeout == NULL) return EMPTY_VAL;
    timeout->state = TIMEOUT_ENTERED;
    AioTask *task = task_current(vm);
    if (task == NULL) return vm_raise(vm, vm->types.RuntimeError, "Timeout should be used inside a task");
    timeout->task = OBJ_VAL(task);
    if (!timeout_reschedule(vm, timeout, timeout->when)) return EMPTY_VAL;
    return OBJ_VAL(awaitable_new(vm, AWAIT_DONE, args[0]));
}

static Value tm_aexit(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__aexit__", argc - 1, kwnames, 3, 3)) return EMPTY_VAL;
    AioTimeout *timeout = self_timeout(vm, args[0]);
    if (timeout == NULL) return EMPTY_VAL;
    if (IS_NATIVE_DATA(timeout->handler)) handle_cancel(vm, (AioHandle *)AS_OBJ(timeout->handler));
    timeout->handler = NONE_VAL;
    if (timeout->state == TIMEOUT_EXPIRING) {
        timeout->state = TIMEOUT_EXPIRED;
        AioTask *task = (AioTask *)AS_OBJ(timeout->task);
        if (task->num_cancels_requested > 0) task->num_cancels_requested--;
        if (task->num_cancels_requested == 0 && IS_CLASS(args[1]) && AS_CLASS(args[1]) == classes.CancelledError)
            return vm_raise_empty(vm, vm->types.TimeoutError);
    } else if (timeout->state == TIMEOUT_ENTERED) {
        timeout->state = TIMEOUT_EXITED;
    }
    return OBJ_VAL(awaitable_new(vm, AWAIT_DONE, NONE_VAL));
}

static Value tm_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__repr__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    AioTimeout *timeout = self_timeout(vm, args[0]);
    if (timeout == NULL) return EMPTY_VAL;
    if (timeout->state == TIMEOUT_ENTERED) {
        Value when = vm_repr(vm, timeout->when);
        if (IS_EMPTY(when)) return EMPTY_VAL;
        return OBJ_VAL(str_printf(vm, "<Timeout [active] when=%s>", AS_STR(when)->chars));
    }
    return OBJ_VAL(str_printf(vm, "<Timeout [%s]>", timeout_state_name(timeout->state)));
}

static Value fn_timeout(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "timeout", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (running_loop(vm) == NULL) return EMPTY_VAL;
    if (IS_NONE(args[0])) return timeout_new(vm, NONE_VAL);
    double delay;
    if (!to_seconds(vm, args[0], &delay)) return EMPTY_VAL;
    return timeout_new(vm, FLOAT_VAL(loop_time(vm) + delay));
}

static Value fn_timeout_at(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "timeout_at", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return timeout_new(vm, args[0]);
}

/* ------------------------------------------------------------------ setup */

static ObjClass *make_class(VM *vm, const char *name, ObjClass *base, ObjType type) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, name), base, type);
    cls->is_builtin = false; /* so that its __repr__ and friends are used */
    cls->construct = NULL;
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "asyncio")));
    return cls;
}

void aio_classes_init(VM *vm) {
    memset(&classes, 0, sizeof classes);
    wrap_function = EMPTY_VAL;
    classes.Future = make_class(vm, "Future", vm->types.object, OBJ_NATIVE_DATA);
    classes.Task = make_class(vm, "Task", classes.Future, OBJ_NATIVE_DATA);
    classes.Handle = make_class(vm, "Handle", vm->types.object, OBJ_NATIVE_DATA);
    classes.TimerHandle = make_class(vm, "TimerHandle", classes.Handle, OBJ_NATIVE_DATA);
    classes.Loop = make_class(vm, "_UnixSelectorEventLoop", vm->types.object, OBJ_NATIVE_DATA);
    classes.Timeout = make_class(vm, "Timeout", vm->types.object, OBJ_NATIVE_DATA);
    ObjClass *cancelled = class_new(vm, str_intern_cstr(vm, "CancelledError"), vm->types.BaseException, OBJ_EXCEPTION);
    dict_set_str(vm, cancelled->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "asyncio.exceptions")));
    cancelled->is_builtin = true;
    classes.CancelledError = cancelled;
    vm->types.CancelledErrorPlaceholder = cancelled;
    ObjClass *invalid = class_new(vm, str_intern_cstr(vm, "InvalidStateError"), vm->types.Exception, OBJ_EXCEPTION);
    dict_set_str(vm, invalid->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "asyncio.exceptions")));
    invalid->is_builtin = true;
    classes.InvalidStateError = invalid;

    future_init_class(vm, classes.Future);
    task_init_class(vm, classes.Task);
    vm_define_native(vm, classes.Handle->dict, "cancel", hm_cancel, classes.Handle);
    vm_define_native(vm, classes.Handle->dict, "cancelled", hm_cancelled, classes.Handle);
    vm_define_native(vm, classes.TimerHandle->dict, "when", hm_when, classes.TimerHandle);

    struct {
        const char *name;
        NativeFn fn;
    } loop_methods[] = {
        {"call_soon", lm_call_soon},         {"call_later", lm_call_later},
        {"call_at", lm_call_at},             {"time", lm_time},
        {"create_future", lm_create_future}, {"create_task", lm_create_task},
        {"run_in_executor", lm_run_in_executor}, {"is_running", lm_is_running},
        {"is_closed", lm_is_closed},         {"stop", lm_stop},
        {"get_debug", lm_get_debug},
    };
    for (size_t i = 0; i < sizeof loop_methods / sizeof loop_methods[0]; i++)
        vm_define_native(vm, classes.Loop->dict, loop_methods[i].name, loop_methods[i].fn, classes.Loop);

    struct {
        const char *name;
        NativeFn fn;
    } timeout_methods[] = {
        {"when", tm_when},         {"reschedule", tm_reschedule}, {"expired", tm_expired},
        {"__aenter__", tm_aenter}, {"__aexit__", tm_aexit},       {"__repr__", tm_repr},
    };
    for (size_t i = 0; i < sizeof timeout_methods / sizeof timeout_methods[0]; i++)
        vm_define_native(vm, classes.Timeout->dict, timeout_methods[i].name, timeout_methods[i].fn, classes.Timeout);

    /* The awaitables sleep() returns are iterators: give their class the awaitable methods. */
    ObjIterator *probe = awaitable_new(vm, AWAIT_DONE, NONE_VAL);
    ObjClass *awaitable_class = vm_type_of(vm, OBJ_VAL(probe));
    vm_define_native(vm, awaitable_class->dict, "__await__", awaitable_self, awaitable_class);
    vm_define_native(vm, awaitable_class->dict, "throw", awaitable_throw, awaitable_class);
    vm_define_native(vm, awaitable_class->dict, "close", awaitable_close, awaitable_class);
}

void aio_classes_mark(VM *vm) {
    ObjClass **all = (ObjClass **)&classes;
    for (size_t i = 0; i < sizeof classes / sizeof(ObjClass *); i++) gc_mark_object(vm, (Obj *)all[i]);
    gc_mark_value(vm, wrap_function);
}

static void asyncio_module_init(VM *vm, ObjModule *module) {
    ObjDict *dict = module->dict;
    struct {
        const char *name;
        NativeFn fn;
    } functions[] = {
        {"sleep", fn_sleep},
        {"create_task", fn_create_task},
        {"ensure_future", fn_ensure_future},
        {"current_task", fn_current_task},
        {"all_tasks", fn_all_tasks},
        {"get_running_loop", fn_get_running_loop},
        {"iscoroutine", fn_iscoroutine},
        {"iscoroutinefunction", fn_iscoroutinefunction},
        {"isfuture", fn_isfuture},
        {"timeout", fn_timeout},
        {"timeout_at", fn_timeout_at},
        {"_pending_tasks", fn_pending_tasks},
        {"_running", fn_running},
        {"_gathering_future", fn_gathering_future},
        {"_run_begin", fn_run_begin},
        {"_run_until_complete", fn_run_until_complete},
        {"_interrupted", fn_interrupted},
        {"_at_prompt", fn_at_prompt},
        {"_session_until_complete", fn_session_until_complete},
        {"_run_end", fn_run_end},
        {"_deadlocked", fn_deadlocked},
    };
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        vm_define_native(vm, dict, functions[i].name, functions[i].fn, NULL);
    AS_NATIVE(dict_get_str(dict, str_intern_cstr(vm, "sleep")))->returns_fresh = true;
    vm_define_value(vm, dict, "Future", OBJ_VAL(classes.Future));
    vm_define_value(vm, dict, "Task", OBJ_VAL(classes.Task));
    vm_define_value(vm, dict, "Handle", OBJ_VAL(classes.Handle));
    vm_define_value(vm, dict, "TimerHandle", OBJ_VAL(classes.TimerHandle));
    vm_define_value(vm, dict, "Timeout", OBJ_VAL(classes.Timeout));
    vm_define_value(vm, dict, "CancelledError", OBJ_VAL(classes.CancelledError));
    vm_define_value(vm, dict, "InvalidStateError", OBJ_VAL(classes.InvalidStateError));
    vm_define_value(vm, dict, "TimeoutError", OBJ_VAL(vm->types.TimeoutError));
    vm->self_awaitable_name = AWAITABLE_NAME; /* its __await__ is awaitable_self */
    if (aio_run_prelude(vm, module)) wrap_function = dict_get_str(dict, str_intern_cstr(vm, "_wrap"));
    for (int i = 0; i < extension_count; i++) extensions[i](vm, module);
}

void asyncio_add_extension(ModuleInitFn init) {
    for (int i = 0; i < extension_count; i++)
        if (extensions[i] == init) return;
    if (extension_count < MAX_EXTENSIONS) extensions[extension_count++] = init;
}

void asyncio_register(VM *vm) { vm_register_module(vm, "asyncio", asyncio_module_init); }
