/* aio_future.c — asyncio.Future with CPython 3.11's semantics: states, done
 * callbacks scheduled with call_soon in registration order, cancellation with a
 * message, and __await__ (an iterator that yields the future while it is pending). */
#include "aio.h"

#include "loop.h"
#include "memory.h"

static const char FUTURE_ITER_NAME[] = "future_iterator";

/* ------------------------------------------------------------------ basics */

void future_mark(VM *vm, void *object) {
    AioFuture *future = object;
    gc_mark_value(vm, future->result);
    gc_mark_value(vm, future->exception);
    gc_mark_object(vm, (Obj *)future->children);
    for (int i = 0; i < future->callback_count; i++) gc_mark_value(vm, future->callbacks[i].data);
}

void future_free(VM *vm, void *object) {
    AioFuture *future = object;
    FREE_ARRAY(vm, AioDoneCallback, future->callbacks, future->callback_capacity);
}

static const NativeDataType FUTURE_KIND = {"Future", future_mark, future_free};

bool aio_is_future(Value v) {
    return IS_NATIVE_DATA(v) && (AS_NATIVE_DATA(v)->kind == &FUTURE_KIND || aio_is_task(v));
}

/* Fills in a future's fields (tasks call it on their embedded future). */
void future_init_fields(AioFuture *future, const char *what) {
    future->state = FUTURE_PENDING;
    future->result = NONE_VAL;
    future->exception = EMPTY_VAL;
    future->callbacks = NULL;
    future->callback_count = future->callback_capacity = 0;
    future->children = NULL;
    future->what = what;
    future->until = -1;
    future->gather_count = 0;
    future->blocking = false;
    future->cancel_requested = false;
    future->is_task = false;
    future->timer_off = false;
}

AioFuture *future_new(VM *vm, const char *what) {
    AioFuture *future = (AioFuture *)native_data_new(vm, aio_classes(vm)->Future, &FUTURE_KIND, sizeof(AioFuture));
    future_init_fields(future, what != NULL ? what : "a Future");
    return future;
}

static void raise_invalid_state(VM *vm, const char *message) {
    vm_raise(vm, aio_classes(vm)->InvalidStateError, "%s", message);
}

/* ---------------------------------------------------------- done callbacks */

/* A Python done callback: callable(future). Its exception is reported, not raised. */
static void call_python_callback(VM *vm, Value callable, Value future) {
    AioLoop *loop = vm->loop;
    if (loop_tracing(loop)) {
        Value name = vm_getattr_opt(vm, callable, vm->s_name);
        loop_emit(loop, AIO_EV_CALLBACK, NULL, NULL, NULL, IS_STR(name) ? AS_STR(name)->chars : "callback", -1, 0);
    }
    Value result = vm_call(vm, callable, 1, &future);
    if (!IS_EMPTY(result)) return;
    if (vm_exception_matches(vm, vm->types.KeyboardInterrupt) || vm_exception_matches(vm, vm->types.SystemExit)) {
        loop->escaped = true;
        loop->escaped_exception = vm_take_exception(vm);
        return;
    }
    Value exc = vm_take_exception(vm);
    fflush(stdout);
    Value repr = vm_repr(vm, callable);
    if (IS_EMPTY(repr)) vm_take_exception(vm);
    /* Through vm_write: at the prompt, the REPL redraws the line being typed around it. */
    const char *name = IS_STR(repr) ? AS_STR(repr)->chars : "?";
    vm_write(vm, 2, "Exception in callback ", 22);
    vm_write(vm, 2, name, strlen(name));
    vm_write(vm, 2, "\n", 1);
    vm_print_exception(vm, exc);
    vm->exception = EMPTY_VAL;
}

static void schedule_callbacks(VM *vm, AioFuture *future) {
    int count = future->callback_count;
    future->callback_count = 0;
    for (int i = 0; i < count; i++) {
        AioDoneCallback *callback = &future->callbacks[i];
        loop_call_soon(vm, callback->fn != NULL ? callback->fn : call_python_callback, callback->data,
                       OBJ_VAL(future));
    }
}

void future_add_done_callback(VM *vm, AioFuture *future, AioCallbackFn fn, Value data) {
    if (future->state != FUTURE_PENDING) {
        loop_call_soon(vm, fn != NULL ? fn : call_python_callback, data, OBJ_VAL(future));
        return;
    }
    if (future->callback_count == future->callback_capacity) {
        /* Most futures get one callback (the task that awaits them): start with one. */
        int capacity = future->callback_capacity < 1 ? 1 : future->callback_capacity * 2;
        future->callbacks = GROW_ARRAY(vm, AioDoneCallback, future->callbacks, future->callback_capacity, capacity);
        future->callback_capacity = capacity;
    }
    future->callbacks[future->callback_count++] = (AioDoneCallback){fn, data};
}

int future_remove_done_callback(VM *vm, AioFuture *future, AioCallbackFn fn, Value data) {
    int kept = 0, removed = 0;
    for (int i = 0; i < future->callback_count; i++) {
        AioDoneCallback *callback = &future->callbacks[i];
        bool same;
        if (fn != NULL || callback->fn != NULL) {
            same = callback->fn == fn && callback->data.type == data.type &&
                   (!IS_OBJ(data) || AS_OBJ(data) == AS_OBJ(callback->data));
        } else {
            int equal = vm_equal(vm, callback->data, data);
            if (equal < 0) vm_take_exception(vm);
            same = equal > 0;
        }
        if (same) removed++;
        else future->callbacks[kept++] = *callback;
    }
    future->callback_count = kept;
    return removed;
}

/* ------------------------------------------------------------ completing */

void future_set_result(VM *vm, AioFuture *future, Value result) {
    future->result = result;
    future->state = FUTURE_FINISHED;
    schedule_callbacks(vm, future);
}

void future_set_exception(VM *vm, AioFuture *future, Value exc) {
    future->exception = exc;
    future->state = FUTURE_FINISHED;
    schedule_callbacks(vm, future);
}

bool future_cancel_plain(VM *vm, AioFuture *future, Value message) {
    if (future->state != FUTURE_PENDING) return false;
    future->state = FUTURE_CANCELLED;
    future->result = message;
    schedule_callbacks(vm, future);
    return true;
}

/* _GatheringFuture.cancel: cancels the children; the gather completes through them. */
static bool gather_cancel(VM *vm, AioFuture *future, Value message) {
    if (future->state != FUTURE_PENDING) return false;
    bool cancelled = false;
    ObjList *children = future->children;
    for (int64_t i = 0; i < children->count; i++) {
        if (future_cancel(vm, (AioFuture *)AS_OBJ(children->items[i]), message)) cancelled = true;
    }
    if (cancelled) future->cancel_requested = true;
    return cancelled;
}

bool future_cancel(VM *vm, AioFuture *future, Value message) {
    if (future->is_task) return task_cancel(vm, (AioTask *)future, message);
    if (future->children != NULL) return gather_cancel(vm, future, message);
    return future_cancel_plain(vm, future, message);
}

Value future_make_cancelled_error(VM *vm, AioFuture *future) {
    if (future->state == FUTURE_CANCELLED && !IS_EMPTY(future->exception)) {
        Value exc = future->exception; /* raised once, as CPython clears _cancelled_exc */
        future->exception = EMPTY_VAL;
        return exc;
    }
    Value cls = OBJ_VAL(aio_classes(vm)->CancelledError);
    Value message = future_cancel_message(future);
    if (IS_NONE(message)) return vm_call(vm, cls, 0, NULL);
    return vm_call(vm, cls, 1, &message);
}

Value future_cancel_message(const AioFuture *future) {
    return future->state == FUTURE_FINISHED ? NONE_VAL : future->result;
}

void future_set_cancel_message(AioFuture *future, Value message) {
    if (future->state == FUTURE_PENDING) future->result = message;
}

Value future_result(VM *vm, AioFuture *future) {
    if (future->state == FUTURE_CANCELLED) {
        Value exc = future_make_cancelled_error(vm, future);
        if (IS_EMPTY(exc)) return EMPTY_VAL;
        return vm_raise_value(vm, exc);
    }
    if (future->state != FUTURE_FINISHED) {
        raise_invalid_state(vm, "Result is not set.");
        return EMPTY_VAL;
    }
    if (!IS_EMPTY(future->exception)) return vm_raise_value(vm, future->exception);
    return future->result;
}

/* ------------------------------------------------------------- __await__ */

/* index 0: not started; 1: yielded the future; 2: finished. */
static int future_iter_next(VM *vm, ObjIterator *it, Value *out) {
    AioFuture *future = (AioFuture *)AS_OBJ(it->source);
    if (it->index == 2) return 0;
    if (it->index == 0) {
        it->index = 1;
        if (future->state == FUTURE_PENDING) {
            future->blocking = true;
            *out = it->source;
            return 1;
        }
    }
    it->index = 2;
    if (future->state == FUTURE_PENDING) {
        vm_raise(vm, vm->types.RuntimeError, "await wasn't used with future");
        return -1;
    }
    Value result = future_result(vm, future);
    if (IS_EMPTY(result)) return -1;
    *out = result;
    return 0;
}

Value future_await_iterator(VM *vm, AioFuture *future) {
    return OBJ_VAL(iterator_new(vm, FUTURE_ITER_NAME, future_iter_next, OBJ_VAL(future)));
}

/* ------------------------------------------------------------- the methods */

static AioFuture *self_future(VM *vm, Value self, const char *method) {
    if (!aio_is_future(self)) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a Future object", method);
        return NULL;
    }
    return (AioFuture *)AS_OBJ(self);
}

#define FUTURE_METHOD(cname, pyname, min, max)                                   \
    AioFuture *future = NULL;                                                    \
    if (!vm_check_args(vm, pyname, argc - 1, kwnames, min, max)) return EMPTY_VAL; \
    future = self_future(vm, args[0], pyname);                                   \
    if (future == NULL) return EMPTY_VAL;

static Value m_result(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_result, "result", 0, 0)
    return future_result(vm, future);
}

static Value m_exception(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_exception, "exception", 0, 0)
    if (future->state == FUTURE_CANCELLED) {
        Value exc = future_make_cancelled_error(vm, future);
        if (IS_EMPTY(exc)) return EMPTY_VAL;
        return vm_raise_value(vm, exc);
    }
    if (future->state != FUTURE_FINISHED) {
        raise_invalid_state(vm, "Exception is not set.");
        return EMPTY_VAL;
    }
    return IS_EMPTY(future->exception) ? NONE_VAL : future->exception;
}

static bool check_settable(VM *vm, AioFuture *future, Value self) {
    if (future->is_task) {
        vm_raise(vm, vm->types.RuntimeError, "Task does not support set_result() operation");
        return false;
    }
    UNUSED(self);
    if (future->state != FUTURE_PENDING) {
        /* The wording of CPython's C Future (_asyncio), which asyncio uses. */
        raise_invalid_state(vm, "invalid state");
        return false;
    }
    return true;
}

static Value m_set_result(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_set_result, "set_result", 1, 1)
    if (!check_settable(vm, future, args[0])) return EMPTY_VAL;
    future_set_result(vm, future, args[1]);
    return NONE_VAL;
}

static Value m_set_exception(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_set_exception, "set_exception", 1, 1)
    if (future->is_task) return vm_raise(vm, vm->types.RuntimeError, "Task does not support set_exception() operation");
    if (!check_settable(vm, future, args[0])) return EMPTY_VAL;
    Value exc = args[1];
    if (IS_CLASS(exc)) {
        exc = vm_call(vm, exc, 0, NULL);
        if (IS_EMPTY(exc)) return EMPTY_VAL;
    }
    if (!IS_EXCEPTION(exc)) return vm_raise(vm, vm->types.TypeError, "invalid exception object");
    if (AS_EXCEPTION(exc)->cls == vm->types.StopIteration)
        return vm_raise(vm, vm->types.TypeError,
                        "StopIteration interacts badly with generators and cannot be raised into a Future");
    future_set_exception(vm, future, exc);
    return NONE_VAL;
}

static Value m_done(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_done, "done", 0, 0)
    return BOOL_VAL(future->state != FUTURE_PENDING);
}

static Value m_cancelled(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_cancelled, "cancelled", 0, 0)
    return BOOL_VAL(future->state == FUTURE_CANCELLED);
}

static Value m_cancel(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"self", "msg"};
    Value bound[2];
    if (!vm_parse_args(vm, "cancel", argc, args, kwnames, 2, params, 2, 1, bound)) return EMPTY_VAL;
    AioFuture *future = self_future(vm, bound[0], "cancel");
    if (future == NULL) return EMPTY_VAL;
    Value message = IS_EMPTY(bound[1]) ? NONE_VAL : bound[1];
    return BOOL_VAL(future_cancel(vm, future, message));
}

static Value m_add_done_callback(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"self", "fn", "context"};
    Value bound[3];
    if (!vm_parse_args(vm, "add_done_callback", argc, args, kwnames, 3, params, 2, 2, bound)) return EMPTY_VAL;
    AioFuture *future = self_future(vm, bound[0], "add_done_callback");
    if (future == NULL) return EMPTY_VAL;
    future_add_done_callback(vm, future, NULL, bound[1]);
    return NONE_VAL;
}

static Value m_remove_done_callback(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_remove_done_callback, "remove_done_callback", 1, 1)
    return INT_VAL(future_remove_done_callback(vm, future, NULL, args[1]));
}

static Value m_get_loop(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_get_loop, "get_loop", 0, 0)
    AioLoop *loop = vm->loop;
    return IS_EMPTY(loop->loop_object) ? NONE_VAL : loop->loop_object;
}

static Value m_await(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_await, "__await__", 0, 0)
    return future_await_iterator(vm, future);
}

static Value m_make_cancelled_error(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_make_cancelled_error, "_make_cancelled_error", 0, 0)
    return future_make_cancelled_error(vm, future);
}

static Value m_cancel_message(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_cancel_message, "_cancel_message", 0, 0)
    return future_cancel_message(future);
}

static Value m_cancel_requested(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_cancel_requested, "_cancel_requested", 0, 0)
    return BOOL_VAL(future->cancel_requested);
}

/* Appends " result=1" / " exception=ValueError('x')" for reprs. */
bool future_repr_state(VM *vm, AioFuture *future, StrBuf *buf) {
    if (future->state == FUTURE_PENDING) {
        strbuf_append_cstr(buf, "pending");
        return true;
    }
    if (future->state == FUTURE_CANCELLED) {
        strbuf_append_cstr(buf, "cancelled");
        return true;
    }
    strbuf_append_cstr(buf, "finished");
    Value shown = IS_EMPTY(future->exception) ? future->result : future->exception;
    Value repr = vm_repr(vm, shown);
    if (IS_EMPTY(repr)) return false;
    strbuf_append_cstr(buf, IS_EMPTY(future->exception) ? " result=" : " exception=");
    strbuf_append(buf, AS_STR(repr)->chars, (size_t)AS_STR(repr)->length);
    return true;
}

static Value m_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    FUTURE_METHOD(m_repr, "__repr__", 0, 0)
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_cstr(&buf, "<Future ");
    if (!future_repr_state(vm, future, &buf)) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_char(&buf, '>');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static Value future_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"cls", "loop"};
    Value bound[2];
    if (!vm_parse_args(vm, "Future", argc, args, kwnames, 2, params, 1, 1, bound)) return EMPTY_VAL;
    return OBJ_VAL(future_new(vm, NULL));
}

void future_init_class(VM *vm, ObjClass *cls) {
    struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"result", m_result},
        {"exception", m_exception},
        {"set_result", m_set_result},
        {"set_exception", m_set_exception},
        {"done", m_done},
        {"cancelled", m_cancelled},
        {"cancel", m_cancel},
        {"add_done_callback", m_add_done_callback},
        {"remove_done_callback", m_remove_done_callback},
        {"get_loop", m_get_loop},
        {"__await__", m_await},
        {"__iter__", m_await},
        {"__repr__", m_repr},
        {"_make_cancelled_error", m_make_cancelled_error},
        {"_cancel_message", m_cancel_message},
        {"_cancel_requested", m_cancel_requested},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    cls->construct = future_construct;
}
