/* aio_task.c — asyncio.Task: a Future driven by a coroutine. Each step sends
 * None (or throws) into the coroutine with gen_send/gen_throw and looks at what
 * it yielded, exactly as CPython 3.11's Task.__step and __wakeup do. */
#include "aio.h"

#include "loop.h"
#include "memory.h"

static void task_mark(VM *vm, void *object) {
    AioTask *task = object;
    future_mark(vm, &task->future);
    gc_mark_value(vm, task->coro);
    gc_mark_value(vm, task->fut_waiter);
    gc_mark_value(vm, task->name);
}

static const NativeDataType TASK_KIND = {"Task", task_mark, future_free};

bool aio_is_task(Value v) { return IS_NATIVE_DATA(v) && AS_NATIVE_DATA(v)->kind == &TASK_KIND; }

AioTask *task_current(VM *vm) {
    AioLoop *loop = vm->loop;
    return loop != NULL ? loop->current : NULL;
}

const char *task_name(const AioTask *task, char buf[TASK_NAME_BUF]) {
    if (IS_STR(task->name)) return AS_STR(task->name)->chars;
    if (!IS_INT(task->name)) return "?";
    return aio_default_task_name(AS_INT(task->name), buf);
}

Value task_name_value(VM *vm, AioTask *task) {
    if (!IS_STR(task->name)) {
        char buf[TASK_NAME_BUF];
        const char *text = task_name(task, buf);
        task->name = OBJ_VAL(str_new(vm, text, strlen(text)));
    }
    return task->name;
}

void task_set_name(AioTask *task, Value name) {
    task->name = name;
    task->name_revision++;
}

void task_describe(AioTask *task, char *buf, size_t size) {
    char name_buf[TASK_NAME_BUF];
    const char *name = task_name(task, name_buf);
    const char *coro = IS_GENERATOR(task->coro) ? AS_GENERATOR(task->coro)->qualname->chars : "?";
    snprintf(buf, size, "%s (%s)", name, coro);
}

/* ------------------------------------------------------------------ stepping */

static void task_step_callback(VM *vm, Value data, Value arg);
static void task_wakeup_callback(VM *vm, Value data, Value arg);

static bool is_cancelled_error(VM *vm, Value exc) {
    return IS_EXCEPTION(exc) && class_is_subclass(AS_EXCEPTION(exc)->cls, aio_classes(vm)->CancelledError);
}

/* Tasks created and not yet finished, for vm->max_tasks (--max-tasks). Every
 * task enters the loop's pending list in task_new and leaves it only in
 * task_finished, so this count is that list's length without walking it. */
static int64_t live_tasks;

/* The task finished (any way): it leaves the pending list; the trace hears of it. */
static void task_finished(VM *vm, AioTask *task) {
    AioLoop *loop = vm->loop;
    if (task->prev != NULL || loop->tasks_head == task) live_tasks--; /* it was in the list */
    loop_remove_task(loop, task);
    if (!loop_tracing(loop)) return;
    AioFuture *future = &task->future;
    if (future->state == FUTURE_CANCELLED) {
        loop_emit(loop, AIO_EV_CANCELLED, task, NULL, NULL, NULL, -1, 0);
        return;
    }
    Value shown = IS_EMPTY(future->exception) ? future->result : future->exception;
    Value text = IS_EMPTY(future->exception) ? vm_repr(vm, shown) : vm_str(vm, shown);
    if (IS_EMPTY(text)) {
        vm_take_exception(vm);
        text = OBJ_VAL(str_intern_cstr(vm, "?"));
    }
    char detail[300];
    if (IS_EMPTY(future->exception)) {
        snprintf(detail, sizeof detail, "%s", AS_STR(text)->chars);
        loop_emit(loop, AIO_EV_DONE, task, NULL, NULL, detail, -1, 0);
    } else {
        const char *cls = AS_EXCEPTION(shown)->cls->name->chars;
        if (AS_STR(text)->length > 0) snprintf(detail, sizeof detail, "%s: %s", cls, AS_STR(text)->chars);
        else snprintf(detail, sizeof detail, "%s", cls);
        loop_emit(loop, AIO_EV_RAISED, task, NULL, NULL, detail, -1, 0);
    }
}

/* Schedules the next step with an exception to throw in (a RuntimeError made here). */
static void step_later_with_error(VM *vm, AioTask *task, const char *fmt, Value shown) {
    Value repr = vm_repr(vm, shown);
    if (IS_EMPTY(repr)) {
        vm_take_exception(vm);
        repr = OBJ_VAL(str_intern_cstr(vm, "?"));
    }
    vm_raise(vm, vm->types.RuntimeError, fmt, AS_STR(repr)->chars);
    Value exc = vm_take_exception(vm);
    loop_call_soon(vm, task_step_callback, OBJ_VAL(task), exc);
}

/* The coroutine yielded `yielded`: decide how the task waits. */
static void task_handle_yield(VM *vm, AioTask *task, Value yielded) {
    AioLoop *loop = vm->loop;
    if (aio_is_future(yielded)) {
        AioFuture *waited = (AioFuture *)AS_OBJ(yielded);
        if (!waited->blocking) {
            step_later_with_error(vm, task, "yield was used instead of yield from in task with %s", yielded);
            return;
        }
        if (waited == &task->future) {
            step_later_with_error(vm, task, "Task cannot await on itself: %s", yielded);
            return;
        }
        waited->blocking = false;
        future_add_done_callback(vm, waited, task_wakeup_callback, OBJ_VAL(task));
        task->fut_waiter = yielded;
        if (loop_tracing(loop)) {
            char detail[160];
            if (waited->is_task) task_describe((AioTask *)waited, detail, sizeof detail);
            else if (waited->gather_count > 0) snprintf(detail, sizeof detail, "gather of %d", waited->gather_count);
            else if (waited->until >= 0)
                snprintf(detail, sizeof detail, "%s(%g) until t=%.3f", waited->what, waited->until - loop_time(vm),
                         waited->until);
            else snprintf(detail, sizeof detail, "%s", waited->what);
            loop_emit(loop, AIO_EV_SUSPEND, task, NULL, NULL, detail, waited->until, 0);
        }
        if (task->must_cancel) {
            if (future_cancel(vm, waited, future_cancel_message(&task->future))) task->must_cancel = false;
        }
        return;
    }
    if (IS_NONE(yielded)) {
        /* A bare yield (sleep(0)) gives up control for one iteration. */
        loop_emit_literal(loop, AIO_EV_SUSPEND, task, NULL, "sleep(0)");
        task->resume_reason = "sleep(0)";
        loop_call_soon(vm, task_step_callback, OBJ_VAL(task), EMPTY_VAL);
        return;
    }
    if (IS_GENERATOR(yielded) && AS_GENERATOR(yielded)->kind == GEN_KIND_GENERATOR) {
        step_later_with_error(vm, task, "yield was used instead of yield from for generator in task with %s",
                              yielded);
        return;
    }
    step_later_with_error(vm, task, "Task got bad yield: %s", yielded);
}

static void task_step(VM *vm, AioTask *task, Value exc) {
    AioLoop *loop = vm->loop;
    if (task->future.state != FUTURE_PENDING) return; /* CPython raises InvalidStateError into the loop */
    if (task->must_cancel) {
        if (!is_cancelled_error(vm, exc)) {
            exc = future_make_cancelled_error(vm, &task->future);
            if (IS_EMPTY(exc)) exc = vm_take_exception(vm);
        }
        task->must_cancel = false;
    }
    task->fut_waiter = EMPTY_VAL;
    AioTask *previous = loop->current;
    loop->current = task;
    if (loop_tracing(loop)) {
        const char *reason = IS_GENERATOR(task->coro) && AS_GENERATOR(task->coro)->state == GEN_CREATED
                                 ? "first step"
                             : task->resume_reason != NULL ? task->resume_reason
                                                           : "callback";
        loop_emit(loop, AIO_EV_RESUME, task, NULL, reason, NULL, -1, 0);
    }
    task->resume_reason = NULL;
    Value out = NONE_VAL;
    ResumeResult status;
    ObjGenerator *coro = AS_GENERATOR(task->coro);
    if (IS_EMPTY(exc)) status = gen_send(vm, coro, NONE_VAL, &out);
    else status = gen_throw(vm, coro, exc, &out);
    loop->current = previous;
    if (status == RESUME_YIELD) {
        vm_push_root(vm, out);
        task_handle_yield(vm, task, out);
        vm_pop_roots(vm, 1);
        return;
    }
    if (status == RESUME_RETURN) {
        if (task->must_cancel) {
            task->must_cancel = false;
            future_cancel_plain(vm, &task->future, future_cancel_message(&task->future));
        } else {
            future_set_result(vm, &task->future, out);
        }
        task_finished(vm, task);
        return;
    }
    Value raised = vm_take_exception(vm);
    if (is_cancelled_error(vm, raised)) {
        future_cancel_plain(vm, &task->future, NONE_VAL);
        task->future.exception = raised; /* raised again by future_make_cancelled_error */
    } else {
        future_set_exception(vm, &task->future, raised);
        if (vm_is_instance(vm, raised, vm->types.KeyboardInterrupt) ||
            vm_is_instance(vm, raised, vm->types.SystemExit)) {
            loop->escaped = true;
            loop->escaped_exception = raised;
        }
    }
    task_finished(vm, task);
}

static void task_step_callback(VM *vm, Value data, Value arg) {
    task_step(vm, (AioTask *)AS_OBJ(data), arg);
}

/* Why a task waiting on `waited` runs again, in the trace's words: the waiter
 * futures of Lock, Queue and Event say what happened rather than "future done". */
static const char *wake_reason(const AioFuture *waited) {
    /* A cancelled sleep has a deadline too: cancellation comes first. */
    if (waited->state == FUTURE_CANCELLED) return "cancelled";
    if (waited->until >= 0) return "timer";
    if (strcmp(waited->what, "Lock.acquire") == 0) return "lock acquired";
    if (strcmp(waited->what, "Queue.get") == 0) return "queue item";
    if (strcmp(waited->what, "Event.wait") == 0) return "event set";
    return "future done";
}

/* __wakeup: the awaited future is done; step with its result or exception. */
static void task_wakeup_callback(VM *vm, Value data, Value arg) {
    AioTask *task = (AioTask *)AS_OBJ(data);
    AioFuture *waited = (AioFuture *)AS_OBJ(arg);
    task->resume_reason = wake_reason(waited);
    loop_emit(vm->loop, AIO_EV_WAKE, task, NULL, task->resume_reason, waited->what, -1, 0);
    Value result = future_result(vm, (AioFuture *)AS_OBJ(arg));
    if (IS_EMPTY(result)) {
        Value exc = vm_take_exception(vm);
        vm_push_root(vm, exc);
        task_step(vm, task, exc);
        vm_pop_roots(vm, 1);
        return;
    }
    task_step(vm, task, EMPTY_VAL);
}

/* ------------------------------------------------------------------ creating */

AioTask *task_new(VM *vm, Value coro, Value name) {
    AioLoop *loop = vm->loop;
    coro = aio_coroutine_of(vm, coro);
    if (IS_EMPTY(coro)) return NULL;
    if (!IS_GENERATOR(coro) || AS_GENERATOR(coro)->kind != GEN_KIND_COROUTINE) {
        Value repr = vm_repr(vm, coro);
        if (IS_EMPTY(repr)) return NULL;
        vm_raise(vm, vm->types.TypeError, "a coroutine was expected, got %s", AS_STR(repr)->chars);
        return NULL;
    }
    if (vm->max_tasks > 0 && live_tasks >= vm->max_tasks) {
        vm_raise(vm, vm->types.RuntimeError, "too many tasks: %lld live tasks is handoff's limit (--max-tasks)",
                 (long long)vm->max_tasks);
        return NULL;
    }
    if (IS_NONE(name) || IS_EMPTY(name)) {
        name = INT_VAL(++loop->task_name_counter); /* "Task-n", made when asked for */
    } else if (!IS_STR(name)) {
        name = vm_str(vm, name);
        if (IS_EMPTY(name)) return NULL;
    }
    vm_push_root(vm, coro);
    vm_push_root(vm, name);
    AioTask *task = (AioTask *)native_data_new(vm, aio_classes(vm)->Task, &TASK_KIND, sizeof(AioTask));
    vm_pop_roots(vm, 2);
    future_init_fields(&task->future, "a Task");
    task->future.is_task = true;
    task->coro = coro;
    task->fut_waiter = EMPTY_VAL;
    task->name = name;
    task->name_revision = 0;
    task->id = ++loop->task_ids;
    task->num_cancels_requested = 0;
    task->must_cancel = false;
    task->resume_reason = NULL;
    task->prev = task->next = NULL;
    loop_call_soon(vm, task_step_callback, OBJ_VAL(task), EMPTY_VAL);
    loop_add_task(loop, task);
    live_tasks++;
    loop_emit(loop, AIO_EV_SPAWN, task, loop->current, NULL, NULL, -1, 0);
    return task;
}

/* Task.cancel (3.11): counts the request, cancels what it waits on, or throws at the next step. */
bool task_cancel(VM *vm, AioTask *task, Value message) {
    if (task->future.state != FUTURE_PENDING) return false;
    task->num_cancels_requested++;
    if (aio_is_future(task->fut_waiter)) {
        if (future_cancel(vm, (AioFuture *)AS_OBJ(task->fut_waiter), message)) return true;
    }
    task->must_cancel = true;
    future_set_cancel_message(&task->future, message);
    return true;
}

/* ------------------------------------------------------------------ methods */

static AioTask *self_task(VM *vm, Value self, const char *method) {
    if (!aio_is_task(self)) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a Task object", method);
        return NULL;
    }
    return (AioTask *)AS_OBJ(self);
}

#define TASK_METHOD(pyname, min, max)                                            \
    AioTask *task = NULL;                                                        \
    if (!vm_check_args(vm, pyname, argc - 1, kwnames, min, max)) return EMPTY_VAL; \
    task = self_task(vm, args[0], pyname);                                       \
    if (task == NULL) return EMPTY_VAL;

static Value m_get_name(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    TASK_METHOD("get_name", 0, 0)
    return task_name_value(vm, task);
}

static Value m_set_name(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    TASK_METHOD("set_name", 1, 1)
    Value name = vm_str(vm, args[1]);
    if (IS_EMPTY(name)) return EMPTY_VAL;
    task_set_name(task, name);
    return NONE_VAL;
}

static Value m_get_coro(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    TASK_METHOD("get_coro", 0, 0)
    return task->coro;
}

static Value m_cancel(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"self", "msg"};
    Value bound[2];
    if (!vm_parse_args(vm, "cancel", argc, args, kwnames, 2, params, 2, 1, bound)) return EMPTY_VAL;
    AioTask *task = self_task(vm, bound[0], "cancel");
    if (task == NULL) return EMPTY_VAL;
    return BOOL_VAL(task_cancel(vm, task, IS_EMPTY(bound[1]) ? NONE_VAL : bound[1]));
}

static Value m_cancelling(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    TASK_METHOD("cancelling", 0, 0)
    return INT_VAL(task->num_cancels_requested);
}

static Value m_uncancel(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    TASK_METHOD("uncancel", 0, 0)
    if (task->num_cancels_requested > 0) task->num_cancels_requested--;
    return INT_VAL(task->num_cancels_requested);
}

static Value m_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    TASK_METHOD("__repr__", 0, 0)
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_cstr(&buf, "<Task ");
    AioFuture *future = &task->future;
    strbuf_append_cstr(&buf, future->state == FUTURE_PENDING     ? "pending"
                             : future->state == FUTURE_CANCELLED ? "cancelled"
                                                                 : "finished");
    strbuf_append_cstr(&buf, " name=");
    str_repr_into(&buf, AS_STR(task_name_value(vm, task)));
    strbuf_appendf(&buf, " coro=%s()", IS_GENERATOR(task->coro) ? AS_GENERATOR(task->coro)->qualname->chars : "?");
    if (future->state == FUTURE_FINISHED) {
        bool failed = !IS_EMPTY(future->exception);
        Value repr = vm_repr(vm, failed ? future->exception : future->result);
        if (IS_EMPTY(repr)) {
            strbuf_free(&buf);
            return EMPTY_VAL;
        }
        strbuf_append_cstr(&buf, failed ? " exception=" : " result=");
        strbuf_append(&buf, AS_STR(repr)->chars, (size_t)AS_STR(repr)->length);
    }
    strbuf_append_char(&buf, '>');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static Value task_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"cls", "coro", "loop", "name", "context"};
    Value bound[5];
    if (!vm_parse_args(vm, "Task", argc, args, kwnames, 5, params, 2, 2, bound)) return EMPTY_VAL;
    if (vm->loop == NULL || !((AioLoop *)vm->loop)->running)
        return vm_raise(vm, vm->types.RuntimeError, "no running event loop");
    AioTask *task = task_new(vm, bound[1], IS_EMPTY(bound[3]) ? NONE_VAL : bound[3]);
    return task != NULL ? OBJ_VAL(task) : EMPTY_VAL;
}

void task_init_class(VM *vm, ObjClass *cls) {
    struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"get_name", m_get_name}, {"set_name", m_set_name},     {"get_coro", m_get_coro},
        {"cancel", m_cancel},     {"cancelling", m_cancelling}, {"uncancel", m_uncancel},
        {"__repr__", m_repr},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    cls->construct = task_construct;
    live_tasks = 0; /* a new VM's loop: no task yet */
}
