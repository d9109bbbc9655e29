/* aio_sync.c — the C helpers under asyncio's queues, locks and TaskGroup
 * (aio_prelude_sync.c): making their classes and exceptions without a `class`
 * statement, and waiter futures that say what they wait for in deadlock reports. */
#include "aio_sync.h"

#include "containers.h"
#include "loop.h"

/* The descriptions a waiter may carry: future->what must outlive the future,
 * so only these static strings are stored. */
static const char *const WAITER_KINDS[] = {
    "Queue.get", "Queue.put", "Queue.join", "Lock.acquire", "Event.wait",
    "Semaphore.acquire", "Condition.wait", "TaskGroup",
};

/* _waiter(what): loop.create_future(), described as `what` for deadlock reports. */
static Value fn_waiter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "_waiter", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (vm->loop == NULL || !((AioLoop *)vm->loop)->running)
        return vm_raise(vm, vm->types.RuntimeError, "no running event loop");
    const char *what = NULL;
    if (IS_STR(args[0])) {
        for (size_t i = 0; i < sizeof WAITER_KINDS / sizeof WAITER_KINDS[0]; i++)
            if (strcmp(AS_STR(args[0])->chars, WAITER_KINDS[i]) == 0) what = WAITER_KINDS[i];
    }
    return OBJ_VAL(future_new(vm, what));
}

/* Names a method after its class ("Lock.acquire"), as CPython's tracebacks and
 * "never awaited" warnings show it. Each method's code belongs to it alone; the
 * __aenter__/__aexit__ that several classes share keep their own names. */
static void name_method(VM *vm, ObjClass *cls, ObjStr *key, Value value) {
    if (!IS_FUNCTION(value)) return;
    ObjFunction *function = AS_FUNCTION(value);
    if (function->name->chars[0] != '_') return;                /* named already */
    if (strncmp(function->name->chars, "_cm_", 4) == 0) return; /* shared __aenter__/__aexit__ */
    ObjStr *qualname = str_printf(vm, "%s.%s", cls->name->chars, key->chars);
    function->name = key;
    function->qualname = qualname;
    function->code->name = key; /* tracebacks name the code: "in get_nowait" */
    function->code->qualname = qualname;
}

/* _make_class(name, base or None, namespace): a class whose instances are plain
 * objects with a dict, calling namespace['__init__'] when made. */
static Value fn_make_class(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "_make_class", argc, kwnames, 3, 3)) return EMPTY_VAL;
    if (!IS_STR(args[0]) || !IS_DICT(args[2]) || !(IS_NONE(args[1]) || IS_CLASS(args[1])))
        return vm_raise(vm, vm->types.TypeError, "_make_class(name, base, namespace)");
    ObjClass *base = IS_NONE(args[1]) ? vm->types.object : AS_CLASS(args[1]);
    ObjStr *name = str_intern(vm, AS_STR(args[0])->chars, (size_t)AS_STR(args[0])->length);
    vm_push_root(vm, OBJ_VAL(name));
    ObjClass *cls = class_new(vm, name, base, OBJ_INSTANCE);
    vm_pop_roots(vm, 1);
    vm_push_root(vm, OBJ_VAL(cls));
    cls->construct = NULL; /* calling it makes an instance and runs __init__ */
    cls->is_builtin = false;
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "asyncio")));
    Value key, value;
    for (int64_t i = 0; dict_next(AS_DICT(args[2]), &i, &key, &value);) {
        if (!IS_STR(key)) continue;
        ObjStr *interned = str_intern(vm, AS_STR(key)->chars, (size_t)AS_STR(key)->length);
        vm_push_root(vm, OBJ_VAL(interned));
        dict_set_str(vm, cls->dict, interned, value);
        name_method(vm, cls, interned, value);
        vm_pop_roots(vm, 1);
    }
    vm_pop_roots(vm, 1);
    return OBJ_VAL(cls);
}

/* _make_exception(name, module): an Exception subclass shown as module.name. */
static Value fn_make_exception(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "_make_exception", argc, kwnames, 2, 2)) return EMPTY_VAL;
    if (!IS_STR(args[0]) || !IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError, "_make_exception(name, module)");
    ObjStr *name = str_intern(vm, AS_STR(args[0])->chars, (size_t)AS_STR(args[0])->length);
    vm_push_root(vm, OBJ_VAL(name));
    ObjClass *cls = class_new(vm, name, vm->types.Exception, OBJ_EXCEPTION);
    vm_pop_roots(vm, 1);
    vm_push_root(vm, OBJ_VAL(cls));
    cls->is_builtin = true;
    ObjStr *module = str_intern(vm, AS_STR(args[1])->chars, (size_t)AS_STR(args[1])->length);
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(module));
    vm_pop_roots(vm, 1);
    return OBJ_VAL(cls);
}

static void sync_module_init(VM *vm, ObjModule *module) {
    vm_define_native(vm, module->dict, "_waiter", fn_waiter, NULL);
    vm_define_native(vm, module->dict, "_make_class", fn_make_class, NULL);
    vm_define_native(vm, module->dict, "_make_exception", fn_make_exception, NULL);
    aio_sync_run_prelude(vm, module);
}

void aio_sync_register(void) { asyncio_add_extension(sync_module_init); }
