/* gen.c — generators, coroutines and async generators. Each owns a Fiber;
 * resuming switches vm->fiber to it and runs the dispatch loop until the
 * generator's frame yields or returns. `yield from` and `await` delegate
 * through vm_delegate_send/throw, one C call per level of the await chain. */
#include "containers.h"
#include "memory.h"
#include "vm_internal.h"

static const char *kind_word(const ObjGenerator *gen) {
    switch (gen->kind) {
    case GEN_KIND_COROUTINE: return "coroutine";
    case GEN_KIND_ASYNC_GENERATOR: return "async generator";
    default: return "generator";
    }
}

ObjGenerator *gen_new(VM *vm, ObjFunction *function, Value *locals) {
    ObjCode *code = function->code;
    int nslots = code->nlocals + code->ncells + code->nfree;
    Fiber *fiber = fiber_new(vm, 1 + nslots + code->max_stack + GEN_STACK_SLACK);
    fiber->stack[0] = OBJ_VAL(function); /* the base frame's result slot */
    Value *slots = fiber->stack + 1;
    memcpy(slots, locals, sizeof(Value) * (size_t)code->nlocals);
    for (int i = code->nlocals; i < nslots; i++) slots[i] = EMPTY_VAL;
    fiber->stack_top = slots + nslots;
    fiber->frames = ALLOCATE(vm, CallFrame, 1);
    fiber->frame_capacity = 1;
    fiber->frame_count = 1;
    CallFrame *frame = &fiber->frames[0];
    frame->function = function;
    frame->ip = code->code;
    frame->slots = slots;
    frame->block_base = 0;
    frame->class_ns = NULL;
    frame->c_boundary = true;
    frame->returns_self = false;

    ObjGenerator *gen = (ObjGenerator *)obj_allocate(vm, sizeof(ObjGenerator), OBJ_GENERATOR);
    gen->kind = (code->flags & CODE_ASYNC_GENERATOR) ? GEN_KIND_ASYNC_GENERATOR
                : (code->flags & CODE_COROUTINE)     ? GEN_KIND_COROUTINE
                                                     : GEN_KIND_GENERATOR;
    gen->state = GEN_CREATED;
    gen->function = function;
    gen->fiber = fiber;
    gen->delegate = EMPTY_VAL;
    gen->name = function->name;
    gen->qualname = function->qualname;
    gen->created_file = NULL;
    gen->created_line = 0;
    if (vm->fiber != NULL && vm->fiber->frame_count > 0) {
        /* Where the coroutine was made, for "coroutine 'f' was never awaited". */
        CallFrame *caller = &vm->fiber->frames[vm->fiber->frame_count - 1];
        ObjCode *caller_code = caller->function->code;
        int offset = (int)(caller->ip - caller_code->code) - 1;
        if (offset < 0) offset = 0;
        if (offset < caller_code->code_length) gen->created_line = caller_code->lines[offset];
        gen->created_file = caller_code->filename;
    }
    fiber->owner = gen;
    /* Cells are made after the generator exists so a collection cannot free the fiber. */
    if (code->ncells + code->nfree > 0) vm_init_cells(vm, function, slots);
    return gen;
}

static void finish(VM *vm, ObjGenerator *gen) {
    gen->state = GEN_CLOSED;
    gen->delegate = EMPTY_VAL;
    fiber_free(vm, gen->fiber);
    gen->fiber = NULL;
}

/* Runs the generator's fiber until it yields, returns or raises. */
static ResumeResult resume(VM *vm, ObjGenerator *gen, Value *out) {
    if (vm->depth >= vm->recursion_limit || vm->c_depth > 600) {
        gen->fiber->pending_throw = EMPTY_VAL;
        vm_raise(vm, vm->types.RecursionError, "maximum recursion depth exceeded");
        return RESUME_ERROR;
    }
    Fiber *fiber = gen->fiber;
    Fiber *caller = vm->fiber;
    fiber->caller = caller;
    vm->fiber = fiber;
    gen->state = GEN_RUNNING;
    gen->awaited = true;
    vm->depth++;
    vm->c_depth++;
    Value result = NONE_VAL;
    ExecResult status = vm_execute(vm, &result);
    vm->c_depth--;
    vm->fiber = caller;
    fiber->caller = NULL;
    if (status == EXEC_YIELD) {
        vm->depth--; /* the frame is suspended, no longer on the active chain */
        gen->state = GEN_SUSPENDED;
        *out = result;
        return RESUME_YIELD;
    }
    finish(vm, gen);
    if (status == EXEC_RETURN) {
        *out = result;
        return RESUME_RETURN;
    }
    /* PEP 479: a StopIteration escaping a generator becomes a RuntimeError. */
    ObjClass *escaped = gen->kind == GEN_KIND_ASYNC_GENERATOR ? vm->types.StopAsyncIteration : NULL;
    if (vm_exception_matches(vm, vm->types.StopIteration) ||
        (escaped != NULL && vm_exception_matches(vm, escaped))) {
        Value inner = vm_take_exception(vm);
        vm_raise(vm, vm->types.RuntimeError, "%s raised %s", kind_word(gen),
                 AS_EXCEPTION(inner)->cls->name->chars);
        if (IS_EXCEPTION(vm->exception)) {
            AS_EXCEPTION(vm->exception)->cause = inner;
            AS_EXCEPTION(vm->exception)->context = inner;
            AS_EXCEPTION(vm->exception)->suppress_context = true;
        }
    }
    return RESUME_ERROR;
}

static bool check_resumable(VM *vm, ObjGenerator *gen) {
    if (gen->state == GEN_RUNNING) {
        vm_raise(vm, vm->types.ValueError, "%s already executing", kind_word(gen));
        return false;
    }
    return true;
}

ResumeResult gen_send(VM *vm, ObjGenerator *gen, Value value, Value *out) {
    if (!check_resumable(vm, gen)) return RESUME_ERROR;
    if (gen->state == GEN_CLOSED) {
        if (gen->kind == GEN_KIND_COROUTINE) {
            vm_raise(vm, vm->types.RuntimeError, "cannot reuse already awaited coroutine");
            return RESUME_ERROR;
        }
        *out = NONE_VAL;
        return RESUME_RETURN;
    }
    if (gen->state == GEN_CREATED) {
        if (!IS_NONE(value)) {
            vm_raise(vm, vm->types.TypeError, "can't send non-None value to a just-started %s",
                     kind_word(gen));
            return RESUME_ERROR;
        }
    } else {
        *gen->fiber->stack_top++ = value;
    }
    return resume(vm, gen, out);
}

/* Makes an exception instance from a class or instance (throw's argument). */
static Value exception_instance(VM *vm, Value exc) {
    if (IS_CLASS(exc) && class_is_subclass(AS_CLASS(exc), vm->types.BaseException))
        return vm_call(vm, exc, 0, NULL);
    if (IS_EXCEPTION(exc)) return exc;
    return vm_raise(vm, vm->types.TypeError, "exceptions must be classes or instances deriving from "
                                             "BaseException, not %s", vm_type_name(vm, exc));
}

ResumeResult gen_throw(VM *vm, ObjGenerator *gen, Value exc, Value *out) {
    if (!check_resumable(vm, gen)) return RESUME_ERROR;
    exc = exception_instance(vm, exc);
    if (IS_EMPTY(exc)) return RESUME_ERROR;
    if (gen->state == GEN_CLOSED) {
        vm_raise_value(vm, exc);
        return RESUME_ERROR;
    }
    if (gen->state == GEN_SUSPENDED) *gen->fiber->stack_top++ = NONE_VAL;
    gen->fiber->pending_throw = exc;
    return resume(vm, gen, out);
}

Value gen_close(VM *vm, ObjGenerator *gen) {
    if (gen->state == GEN_CREATED || gen->state == GEN_CLOSED) {
        if (gen->state == GEN_CREATED) finish(vm, gen);
        return NONE_VAL;
    }
    Value out;
    Value exit_exc = vm_call(vm, OBJ_VAL(vm->types.GeneratorExit), 0, NULL);
    if (IS_EMPTY(exit_exc)) return EMPTY_VAL;
    ResumeResult status = gen_throw(vm, gen, exit_exc, &out);
    if (status == RESUME_YIELD) {
        return vm_raise(vm, vm->types.RuntimeError, "%s ignored GeneratorExit", kind_word(gen));
    }
    if (status == RESUME_ERROR) {
        if (vm_exception_matches(vm, vm->types.GeneratorExit) ||
            vm_exception_matches(vm, vm->types.StopIteration)) {
            vm_take_exception(vm);
            return NONE_VAL;
        }
        return EMPTY_VAL;
    }
    return NONE_VAL;
}

/* --------------------------------------------------- async generator steps */

/* The awaitable that __anext__/asend/athrow/aclose return: an ObjIterator whose
 * source is the async generator, extra the value (or exception) to pass in, and
 * index its state: 0 not started, 1 running, 2 finished. */
enum { ASEND_SEND, ASEND_THROW, ASEND_CLOSE };
static const char ASEND_NAME[] = "async_generator_asend";
static const char ATHROW_NAME[] = "async_generator_athrow";

static bool is_async_step(Value v) {
    return IS_ITERATOR(v) &&
           (AS_ITERATOR(v)->type_name == ASEND_NAME || AS_ITERATOR(v)->type_name == ATHROW_NAME);
}

static int async_step_next(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(it);
    UNUSED(out);
    vm_raise(vm, vm->types.TypeError, "async generator steps are awaited, not iterated");
    return -1;
}

static ObjIterator *async_step_new(VM *vm, ObjGenerator *gen, int mode, Value value) {
    ObjIterator *it = iterator_new(vm, mode == ASEND_SEND ? ASEND_NAME : ATHROW_NAME, async_step_next,
                                   OBJ_VAL(gen));
    it->extra = value;
    it->step = mode;
    return it;
}

static ResumeResult async_step_resume(VM *vm, ObjIterator *it, Value value, Value exc, Value *out) {
    ObjGenerator *gen = AS_GENERATOR(it->source);
    if (it->index == 2) {
        vm_raise(vm, vm->types.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return RESUME_ERROR;
    }
    ResumeResult status;
    if (it->index == 0) {
        it->index = 1;
        if (it->step == ASEND_SEND) status = gen_send(vm, gen, it->extra, out);
        else if (it->step == ASEND_THROW) status = gen_throw(vm, gen, it->extra, out);
        else {
            if (gen->state == GEN_CREATED || gen->state == GEN_CLOSED) {
                if (gen->state == GEN_CREATED) finish(vm, gen);
                it->index = 2;
                *out = NONE_VAL;
                return RESUME_RETURN;
            }
            Value exit_exc = vm_call(vm, OBJ_VAL(vm->types.GeneratorExit), 0, NULL);
            if (IS_EMPTY(exit_exc)) return RESUME_ERROR;
            status = gen_throw(vm, gen, exit_exc, out);
        }
    } else if (!IS_EMPTY(exc)) {
        status = gen_throw(vm, gen, exc, out);
    } else {
        status = gen_send(vm, gen, value, out);
    }
    if (status == RESUME_YIELD) {
        if (gen->fiber != NULL && gen->fiber->yielded_from) return RESUME_YIELD; /* an await inside */
        /* A `yield v` in the async generator: this step is complete with v. */
        it->index = 2;
        if (it->step == ASEND_CLOSE) {
            vm_raise(vm, vm->types.RuntimeError, "async generator ignored GeneratorExit");
            return RESUME_ERROR;
        }
        return RESUME_RETURN;
    }
    it->index = 2;
    if (status == RESUME_RETURN) {
        if (it->step == ASEND_CLOSE) {
            *out = NONE_VAL;
            return RESUME_RETURN;
        }
        vm_raise_empty(vm, vm->types.StopAsyncIteration);
        return RESUME_ERROR;
    }
    if (it->step == ASEND_CLOSE && (vm_exception_matches(vm, vm->types.GeneratorExit) ||
                                    vm_exception_matches(vm, vm->types.StopAsyncIteration))) {
        vm_take_exception(vm);
        *out = NONE_VAL;
        return RESUME_RETURN;
    }
    return RESUME_ERROR;
}

/* -------------------------------------------------------------- delegation */

/* Turns a "raised StopIteration" into a return with its value. */
static ResumeResult result_of_call(VM *vm, Value result, Value *out) {
    if (!IS_EMPTY(result)) {
        *out = result;
        return RESUME_YIELD;
    }
    if (vm_exception_matches(vm, vm->types.StopIteration)) {
        Value stop = vm_take_exception(vm);
        *out = IS_EXCEPTION(stop) ? AS_EXCEPTION(stop)->value : NONE_VAL;
        if (IS_EMPTY(*out)) *out = NONE_VAL;
        return RESUME_RETURN;
    }
    return RESUME_ERROR;
}

ResumeResult vm_delegate_send(VM *vm, Value iter, Value value, Value *out) {
    if (IS_GENERATOR(iter)) return gen_send(vm, AS_GENERATOR(iter), value, out);
    if (IS_ITERATOR(iter) && AS_ITERATOR(iter)->type_name == vm->self_awaitable_name && IS_NONE(value)) {
        *out = NONE_VAL; /* asyncio.sleep()'s awaitable: its next, with no detour */
        int status = AS_ITERATOR(iter)->next(vm, AS_ITERATOR(iter), out);
        if (status > 0) return RESUME_YIELD;
        return status == 0 ? RESUME_RETURN : result_of_call(vm, EMPTY_VAL, out);
    }
    if (is_async_step(iter)) return async_step_resume(vm, AS_ITERATOR(iter), value, EMPTY_VAL, out);
    if (IS_NONE(value)) {
        /* An iterator may leave its return value in *out when it is exhausted
         * (object.h, IterNextFn): that is what `await future` produces. */
        *out = NONE_VAL;
        int status = vm_next(vm, iter, out);
        if (status > 0) return RESUME_YIELD;
        if (status < 0) return result_of_call(vm, EMPTY_VAL, out);
        return RESUME_RETURN;
    }
    return result_of_call(vm, vm_call_method(vm, iter, vm->s_send, 1, &value), out);
}

ResumeResult vm_delegate_throw(VM *vm, Value iter, Value exc, Value *out) {
    if (IS_EXCEPTION(exc) && class_is_subclass(AS_EXCEPTION(exc)->cls, vm->types.GeneratorExit)) {
        /* close() the delegate first, then let GeneratorExit rise in the delegator. */
        if (IS_GENERATOR(iter)) {
            if (IS_EMPTY(gen_close(vm, AS_GENERATOR(iter)))) return RESUME_ERROR;
        } else if (!is_async_step(iter)) {
            Value close = vm_getattr_opt(vm, iter, vm->s_close);
            if (!IS_EMPTY(close) && IS_EMPTY(vm_call(vm, close, 0, NULL))) return RESUME_ERROR;
        }
        vm_raise_value(vm, exc);
        return RESUME_ERROR;
    }
    if (IS_GENERATOR(iter)) return gen_throw(vm, AS_GENERATOR(iter), exc, out);
    if (is_async_step(iter)) return async_step_resume(vm, AS_ITERATOR(iter), NONE_VAL, exc, out);
    Value throw_method = vm_getattr_opt(vm, iter, vm->s_throw);
    if (IS_EMPTY(throw_method)) {
        if (!IS_EMPTY(vm->exception)) return RESUME_ERROR;
        vm_raise_value(vm, exc);
        return RESUME_ERROR;
    }
    return result_of_call(vm, vm_call(vm, throw_method, 1, &exc), out);
}

/* ------------------------------------------------------------ await, async for */

Value vm_get_awaitable(VM *vm, Value v) {
    if (IS_GENERATOR(v) && AS_GENERATOR(v)->kind == GEN_KIND_COROUTINE) {
        ObjGenerator *gen = AS_GENERATOR(v);
        if (gen->state == GEN_CLOSED)
            return vm_raise(vm, vm->types.RuntimeError, "cannot reuse already awaited coroutine");
        if (gen->state == GEN_RUNNING || !IS_EMPTY(gen->delegate))
            return vm_raise(vm, vm->types.RuntimeError, "coroutine is being awaited already");
        return v;
    }
    if (is_async_step(v)) return v;
    if (IS_ITERATOR(v) && AS_ITERATOR(v)->type_name == vm->self_awaitable_name) return v;
    if (!IS_GENERATOR(v)) {
        /* Found on the class and called with self: no bound method is made, which
         * matters on the hot path of every `await future`. */
        Value await = class_lookup(vm_type_of(vm, v), vm->s_await);
        if (IS_NATIVE(await) || IS_FUNCTION(await)) {
            Value it = vm_call(vm, await, 1, &v);
            if (IS_EMPTY(it)) return EMPTY_VAL;
            if (IS_GENERATOR(it) && AS_GENERATOR(it)->kind == GEN_KIND_COROUTINE && !AS_GENERATOR(it)->via_await)
                return vm_raise(vm, vm->types.TypeError, "__await__() returned a coroutine");
            if (!IS_GENERATOR(it) && !IS_ITERATOR(it) && IS_EMPTY(vm_getattr_opt(vm, it, vm->s_next)))
                return vm_raise(vm, vm->types.TypeError, "__await__() returned non-iterator of type '%s'",
                                vm_type_name(vm, it));
            return it;
        }
    }
    return vm_raise(vm, vm->types.TypeError, "object %s can't be used in 'await' expression",
                    vm_type_name(vm, v));
}

Value vm_get_aiter(VM *vm, Value v) {
    if (IS_GENERATOR(v) && AS_GENERATOR(v)->kind == GEN_KIND_ASYNC_GENERATOR) return v;
    Value aiter = IS_GENERATOR(v) ? EMPTY_VAL : vm_getattr_opt(vm, v, vm->s_aiter);
    if (IS_EMPTY(aiter)) {
        if (!IS_EMPTY(vm->exception)) return EMPTY_VAL;
        return vm_raise(vm, vm->types.TypeError, "'async for' requires an object with __aiter__ method, got %s",
                        vm_type_name(vm, v));
    }
    return vm_call(vm, aiter, 0, NULL);
}

Value vm_get_anext(VM *vm, Value aiter) {
    if (IS_GENERATOR(aiter) && AS_GENERATOR(aiter)->kind == GEN_KIND_ASYNC_GENERATOR)
        return OBJ_VAL(async_step_new(vm, AS_GENERATOR(aiter), ASEND_SEND, NONE_VAL));
    Value anext = IS_GENERATOR(aiter) ? EMPTY_VAL : vm_getattr_opt(vm, aiter, vm->s_anext);
    if (IS_EMPTY(anext)) {
        if (!IS_EMPTY(vm->exception)) return EMPTY_VAL;
        return vm_raise(vm, vm->types.TypeError,
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        vm_type_name(vm, aiter));
    }
    Value awaitable = vm_call(vm, anext, 0, NULL);
    if (IS_EMPTY(awaitable)) return EMPTY_VAL;
    return vm_get_awaitable(vm, awaitable);
}

/* ------------------------------------------------------------ the methods */

static ObjGenerator *self_generator(VM *vm, Value self, const char *method) {
    if (!IS_GENERATOR(self)) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a generator object", method);
        return NULL;
    }
    return AS_GENERATOR(self);
}

/* next(gen) and gen.send(v): a return becomes StopIteration(value). */
static Value send_or_stop(VM *vm, ObjGenerator *gen, ResumeResult status, Value out) {
    if (status == RESUME_YIELD) return out;
    if (status == RESUME_ERROR) return EMPTY_VAL;
    if (gen->kind == GEN_KIND_ASYNC_GENERATOR) return vm_raise_empty(vm, vm->types.StopAsyncIteration);
    if (IS_NONE(out)) return vm_raise_empty(vm, vm->types.StopIteration);
    Value exc = vm_call(vm, OBJ_VAL(vm->types.StopIteration), 1, &out);
    if (IS_EMPTY(exc)) return EMPTY_VAL;
    return vm_raise_value(vm, exc);
}

static Value gen_next_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__next__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "__next__");
    if (gen == NULL) return EMPTY_VAL;
    Value out;
    ResumeResult status = gen_send(vm, gen, NONE_VAL, &out);
    return send_or_stop(vm, gen, status, out);
}

static Value gen_send_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "send", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "send");
    if (gen == NULL) return EMPTY_VAL;
    Value out;
    ResumeResult status = gen_send(vm, gen, args[1], &out);
    return send_or_stop(vm, gen, status, out);
}

static Value gen_throw_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "throw", argc - 1, kwnames, 1, 3)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "throw");
    if (gen == NULL) return EMPTY_VAL;
    Value exc = args[1];
    if (argc >= 3 && IS_CLASS(exc) && !IS_NONE(args[2])) {
        exc = IS_EXCEPTION(args[2]) ? args[2] : vm_call(vm, exc, 1, &args[2]);
        if (IS_EMPTY(exc)) return EMPTY_VAL;
    }
    Value out;
    ResumeResult status = gen_throw(vm, gen, exc, &out);
    return send_or_stop(vm, gen, status, out);
}

static Value gen_close_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "close", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "close");
    if (gen == NULL) return EMPTY_VAL;
    return gen_close(vm, gen);
}

static Value gen_self_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__iter__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    return args[0];
}

/* coroutine.__await__(): the coroutine itself, marked as the iterator CPython
 * would wrap it in, so that `yield from` and a user __await__ can return it. */
static Value coro_await_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__await__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!IS_GENERATOR(args[0])) return vm_raise(vm, vm->types.TypeError, "descriptor '__await__' requires a coroutine");
    AS_GENERATOR(args[0])->via_await = true;
    return args[0];
}

static Value agen_anext_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__anext__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "__anext__");
    if (gen == NULL) return EMPTY_VAL;
    return OBJ_VAL(async_step_new(vm, gen, ASEND_SEND, NONE_VAL));
}

static Value agen_asend_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "asend", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "asend");
    if (gen == NULL) return EMPTY_VAL;
    return OBJ_VAL(async_step_new(vm, gen, ASEND_SEND, args[1]));
}

static Value agen_athrow_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "athrow", argc - 1, kwnames, 1, 3)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "athrow");
    if (gen == NULL) return EMPTY_VAL;
    Value exc = exception_instance(vm, args[1]);
    if (IS_EMPTY(exc)) return EMPTY_VAL;
    return OBJ_VAL(async_step_new(vm, gen, ASEND_THROW, exc));
}

static Value agen_aclose_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "aclose", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    ObjGenerator *gen = self_generator(vm, args[0], "aclose");
    if (gen == NULL) return EMPTY_VAL;
    return OBJ_VAL(async_step_new(vm, gen, ASEND_CLOSE, NONE_VAL));
}

void gen_init_classes(VM *vm) {
    ObjClass *generator = vm->types.generator, *coroutine = vm->types.coroutine,
             *async_gen = vm->types.async_generator;
    vm_define_native(vm, generator->dict, "__next__", gen_next_native, generator);
    vm_define_native(vm, generator->dict, "__iter__", gen_self_native, generator);
    vm_define_native(vm, generator->dict, "send", gen_send_native, generator);
    vm_define_native(vm, generator->dict, "throw", gen_throw_native, generator);
    vm_define_native(vm, generator->dict, "close", gen_close_native, generator);
    vm_define_native(vm, coroutine->dict, "send", gen_send_native, coroutine);
    vm_define_native(vm, coroutine->dict, "throw", gen_throw_native, coroutine);
    vm_define_native(vm, coroutine->dict, "close", gen_close_native, coroutine);
    vm_define_native(vm, coroutine->dict, "__await__", coro_await_native, coroutine);
    vm_define_native(vm, async_gen->dict, "__aiter__", gen_self_native, async_gen);
    vm_define_native(vm, async_gen->dict, "__anext__", agen_anext_native, async_gen);
    vm_define_native(vm, async_gen->dict, "asend", agen_asend_native, async_gen);
    vm_define_native(vm, async_gen->dict, "athrow", agen_athrow_native, async_gen);
    vm_define_native(vm, async_gen->dict, "aclose", agen_aclose_native, async_gen);
}
