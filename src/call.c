/* call.c — calling: binding arguments to parameters as CPython does (with its
 * error messages), calling any callable from C (vm_call), and the helpers
 * natives use to read their arguments and define themselves. */
#include <stdarg.h>

#include "class.h"
#include "containers.h"
#include "vm_internal.h"

static bool same_name(ObjStr *a, ObjStr *b) {
    return a == b || (a->hash == b->hash && str_equal(a, b));
}

static void join_names(StrBuf *buf, ObjStr **names, int count) {
    for (int i = 0; i < count; i++) {
        if (i > 0) strbuf_append_cstr(buf, count == 2 ? " and " : (i == count - 1 ? ", and " : ", "));
        strbuf_appendf(buf, "'%s'", names[i]->chars);
    }
}

static bool missing_arguments(VM *vm, ObjFunction *function, ObjStr **names, int count, bool kwonly) {
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_appendf(&buf, "%s() missing %d required %s argument%s: ", function->qualname->chars, count,
                   kwonly ? "keyword-only" : "positional", count == 1 ? "" : "s");
    join_names(&buf, names, count);
    ObjStr *message = strbuf_finish(vm, &buf);
    vm_raise(vm, vm->types.TypeError, "%s", message->chars);
    return false;
}

static bool too_many_positional(VM *vm, ObjFunction *function, int given, int kw_given) {
    ObjCode *code = function->code;
    int ndefaults = function->defaults != NULL ? (int)function->defaults->count : 0;
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_appendf(&buf, "%s() takes ", function->qualname->chars);
    if (ndefaults > 0)
        strbuf_appendf(&buf, "from %d to %d positional arguments", code->argcount - ndefaults, code->argcount);
    else
        strbuf_appendf(&buf, "%d positional argument%s", code->argcount, code->argcount == 1 ? "" : "s");
    if (kw_given > 0)
        strbuf_appendf(&buf, " but %d positional argument%s (and %d keyword-only argument%s) were given",
                       given, given == 1 ? "" : "s", kw_given, kw_given == 1 ? "" : "s");
    else
        strbuf_appendf(&buf, " but %d %s given", given, given == 1 ? "was" : "were");
    ObjStr *message = strbuf_finish(vm, &buf);
    vm_raise(vm, vm->types.TypeError, "%s", message->chars);
    return false;
}

bool vm_bind_arguments(VM *vm, ObjFunction *function, Value *args, int argc, ObjTuple *kwnames,
                       Value *locals) {
    ObjCode *code = function->code;
    int nkw = vm_kwcount(kwnames);
    int npos = argc - nkw;
    int total_named = code->argcount + code->kwonlyargcount;
    for (int i = 0; i < code->nlocals; i++) locals[i] = EMPTY_VAL;

    int n = npos < code->argcount ? npos : code->argcount;
    for (int i = 0; i < n; i++) locals[i] = args[i];
    int next_slot = total_named;
    if (code->flags & CODE_VARARGS) {
        int extra = npos > code->argcount ? npos - code->argcount : 0;
        locals[next_slot++] = OBJ_VAL(tuple_from_values(vm, extra, args + code->argcount));
    } else if (npos > code->argcount) {
        int kw_given = 0;
        for (int k = 0; k < nkw; k++) {
            ObjStr *name = AS_STR(kwnames->items[k]);
            for (int i = code->argcount; i < total_named; i++)
                if (same_name(name, code->localnames[i])) kw_given++;
        }
        return too_many_positional(vm, function, npos, kw_given);
    }
    ObjDict *kwdict = NULL;
    if (code->flags & CODE_VARKEYWORDS) {
        kwdict = dict_new(vm);
        locals[next_slot] = OBJ_VAL(kwdict);
    }
    for (int k = 0; k < nkw; k++) {
        ObjStr *name = AS_STR(kwnames->items[k]);
        Value value = args[npos + k];
        int found = -1;
        for (int i = code->posonlyargcount; i < total_named; i++) {
            if (same_name(name, code->localnames[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            if (kwdict != NULL) {
                dict_set_str(vm, kwdict, name, value);
                continue;
            }
            for (int i = 0; i < code->posonlyargcount; i++) {
                if (same_name(name, code->localnames[i])) {
                    vm_raise(vm, vm->types.TypeError,
                             "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                             function->qualname->chars, name->chars);
                    return false;
                }
            }
            vm_raise(vm, vm->types.TypeError, "%s() got an unexpected keyword argument '%s'",
                     function->qualname->chars, name->chars);
            return false;
        }
        if (!IS_EMPTY(locals[found])) {
            vm_raise(vm, vm->types.TypeError, "%s() got multiple values for argument '%s'",
                     function->qualname->chars, name->chars);
            return false;
        }
        locals[found] = value;
    }
    /* Defaults for the last positional parameters, then report what is still missing. */
    int ndefaults = function->defaults != NULL ? (int)function->defaults->count : 0;
    int first_default = code->argcount - ndefaults;
    ObjStr *missing_names[64];
    int missing = 0;
    for (int i = 0; i < code->argcount; i++) {
        if (!IS_EMPTY(locals[i])) continue;
        if (i >= first_default) locals[i] = function->defaults->items[i - first_default];
        else if (missing < 64) missing_names[missing++] = code->localnames[i];
    }
    if (missing > 0) return missing_arguments(vm, function, missing_names, missing, false);
    for (int i = code->argcount; i < total_named; i++) {
        if (!IS_EMPTY(locals[i])) continue;
        Value fallback = function->kwdefaults != NULL ? dict_get_str(function->kwdefaults, code->localnames[i])
                                                      : EMPTY_VAL;
        if (!IS_EMPTY(fallback)) locals[i] = fallback;
        else if (missing < 64) missing_names[missing++] = code->localnames[i];
    }
    if (missing > 0) return missing_arguments(vm, function, missing_names, missing, true);
    return true;
}

/* ------------------------------------------------------------ calling from C */

static Value call_class(VM *vm, ObjClass *cls, int argc, Value *args, ObjTuple *kwnames) {
    if (cls->construct != NULL) return cls->construct(vm, argc + 1, args - 1, kwnames);
    return class_instantiate(vm, cls, argc, args, kwnames); /* __new__, then __init__ */
}

/* A method taken from its class (list.append) is called with self first:
 * check it is one, as CPython's method descriptors do. */
static bool check_unbound_self(VM *vm, ObjNative *native, int argc, Value *args, ObjTuple *kwnames) {
    ObjClass *owner = native->owner;
    if (argc - vm_kwcount(kwnames) < 1) {
        vm_raise(vm, vm->types.TypeError, "unbound method %s.%s() needs an argument", owner->name->chars,
                 native->name->chars);
        return false;
    }
    if (vm_is_instance(vm, args[0], owner)) return true;
    vm_raise(vm, vm->types.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
             native->name->chars, owner->name->chars, vm_type_name(vm, args[0]));
    return false;
}

Value vm_call_native_like(VM *vm, Value callable, int argc, Value *args, ObjTuple *kwnames) {
    if (IS_NATIVE(callable)) {
        ObjNative *native = AS_NATIVE(callable);
        if (native->owner != NULL && !check_unbound_self(vm, native, argc, args, kwnames)) return EMPTY_VAL;
        return native->fn(vm, argc, args, kwnames);
    }
    if (IS_CLASS(callable)) return call_class(vm, AS_CLASS(callable), argc, args, kwnames);
    if (IS_BOUND_METHOD(callable)) {
        ObjBoundMethod *method = AS_BOUND_METHOD(callable);
        if (IS_NATIVE(method->callable)) {
            /* args[-1] is the callee's own slot: self takes its place. */
            vm_push_root(vm, callable);
            args[-1] = method->self;
            Value result = AS_NATIVE(method->callable)->fn(vm, argc + 1, args - 1, kwnames);
            vm_pop_roots(vm, 1);
            return result;
        }
        Value *with_self = malloc(sizeof(Value) * (size_t)(argc + 1));
        if (with_self == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
        with_self[0] = method->self;
        if (argc > 0) memcpy(with_self + 1, args, sizeof(Value) * (size_t)argc);
        vm_push_root(vm, callable);
        Value result = vm_call_kw(vm, method->callable, argc + 1, with_self, kwnames);
        vm_pop_roots(vm, 1);
        free(with_self);
        return result;
    }
    if (IS_FUNCTION(callable)) return vm_call_kw(vm, callable, argc, args, kwnames);
    if (IS_INSTANCE(callable)) {
        Value call = class_lookup(AS_INSTANCE(callable)->cls, vm->s_call);
        if (!IS_EMPTY(call)) {
            Value *with_self = malloc(sizeof(Value) * (size_t)(argc + 1));
            if (with_self == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
            with_self[0] = callable;
            if (argc > 0) memcpy(with_self + 1, args, sizeof(Value) * (size_t)argc);
            Value result = vm_call_kw(vm, call, argc + 1, with_self, kwnames);
            free(with_self);
            return result;
        }
    }
    return vm_raise(vm, vm->types.TypeError, "'%s' object is not callable", vm_type_name(vm, callable));
}

Value vm_call_kw(VM *vm, Value callable, int argc, Value *args, ObjTuple *kwnames) {
    if (vm->c_depth > 600) {
        return vm_raise(vm, vm->types.RecursionError, "maximum recursion depth exceeded");
    }
    Fiber *fiber = vm->fiber;
    /* Natives pass arguments that lie on this very stack: if growing it moves
     * the stack, find them again at the same offset. */
    bool on_stack = args >= fiber->stack && args < fiber->stack + fiber->stack_capacity;
    int64_t args_at = on_stack ? args - fiber->stack : 0;
    if (!fiber_ensure_stack(vm, fiber, argc + 1 + STACK_SLACK)) return EMPTY_VAL;
    if (on_stack) args = fiber->stack + args_at;
    /* Offsets, not pointers: the call may grow (move) this fiber's stack. */
    int64_t base_offset = fiber->stack_top - fiber->stack;
    Value *base = fiber->stack_top;
    base[0] = callable;
    if (argc > 0) memcpy(base + 1, args, sizeof(Value) * (size_t)argc);
    fiber->stack_top = base + 1 + argc;
    if (kwnames != NULL) vm_push_root(vm, OBJ_VAL(kwnames));
    Value result;
    if (IS_FUNCTION(callable)) {
        Value generator = EMPTY_VAL;
        if (!vm_push_call(vm, AS_FUNCTION(callable), base + 1, argc, kwnames, true, &generator)) {
            result = EMPTY_VAL;
            fiber->stack_top = fiber->stack + base_offset;
        } else if (!IS_EMPTY(generator)) {
            result = generator;
            fiber->stack_top = fiber->stack + base_offset;
        } else {
            vm->c_depth++;
            ExecResult status = vm_execute(vm, &result);
            vm->c_depth--;
            if (status != EXEC_RETURN) result = EMPTY_VAL;
        }
    } else {
        vm->c_depth++;
        result = vm_call_native_like(vm, callable, argc, base + 1, kwnames);
        vm->c_depth--;
        fiber->stack_top = fiber->stack + base_offset;
    }
    if (kwnames != NULL) vm_pop_roots(vm, 1);
    return result;
}

Value vm_call(VM *vm, Value callable, int argc, Value *args) {
    return vm_call_kw(vm, callable, argc, args, NULL);
}

Value vm_call_method(VM *vm, Value self, ObjStr *name, int argc, Value *args) {
    Value method, bound_self;
    if (!vm_load_method(vm, self, name, &method, &bound_self)) return EMPTY_VAL;
    if (IS_EMPTY(bound_self)) return vm_call(vm, method, argc, args);
    Value stack_args[8];
    Value *with_self = argc < 8 ? stack_args : malloc(sizeof(Value) * (size_t)(argc + 1));
    if (with_self == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
    with_self[0] = bound_self;
    if (argc > 0) memcpy(with_self + 1, args, sizeof(Value) * (size_t)argc);
    Value result = vm_call(vm, method, argc + 1, with_self);
    if (with_self != stack_args) free(with_self);
    return result;
}

/* ------------------------------------------------------ helpers for natives */

int vm_kwcount(ObjTuple *kwnames) { return kwnames == NULL ? 0 : (int)kwnames->count; }

bool vm_check_args(VM *vm, const char *fname, int argc, ObjTuple *kwnames, int min, int max) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", fname);
        return false;
    }
    if (argc >= min && argc <= max) return true;
    if (min == max) {
        if (min == 0) vm_raise(vm, vm->types.TypeError, "%s() takes no arguments (%d given)", fname, argc);
        else if (min == 1)
            vm_raise(vm, vm->types.TypeError, "%s() takes exactly one argument (%d given)", fname, argc);
        else
            vm_raise(vm, vm->types.TypeError, "%s expected %d arguments, got %d", fname, min, argc);
    } else if (argc < min) {
        vm_raise(vm, vm->types.TypeError, "%s expected at least %d argument%s, got %d", fname, min,
                 min == 1 ? "" : "s", argc);
    } else {
        vm_raise(vm, vm->types.TypeError, "%s expected at most %d argument%s, got %d", fname, max,
                 max == 1 ? "" : "s", argc);
    }
    return false;
}

bool vm_parse_args(VM *vm, const char *fname, int argc, Value *args, ObjTuple *kwnames, int nparams,
                   const char *const *params, int npositional, int nrequired, Value *out) {
    int nkw = vm_kwcount(kwnames);
    int npos = argc - nkw;
    for (int i = 0; i < nparams; i++) out[i] = EMPTY_VAL;
    if (npos > npositional) {
        if (npositional == nrequired)
            vm_raise(vm, vm->types.TypeError, "%s() takes exactly %d positional argument%s (%d given)", fname,
                     npositional, npositional == 1 ? "" : "s", npos);
        else
            vm_raise(vm, vm->types.TypeError, "%s() takes at most %d positional argument%s (%d given)", fname,
                     npositional, npositional == 1 ? "" : "s", npos);
        return false;
    }
    for (int i = 0; i < npos; i++) out[i] = args[i];
    for (int k = 0; k < nkw; k++) {
        ObjStr *name = AS_STR(kwnames->items[k]);
        int found = -1;
        for (int i = 0; i < nparams; i++) {
            if (strcmp(params[i], name->chars) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            vm_raise(vm, vm->types.TypeError, "'%s' is an invalid keyword argument for %s()", name->chars,
                     fname);
            return false;
        }
        if (!IS_EMPTY(out[found])) {
            vm_raise(vm, vm->types.TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, name->chars, found + 1);
            return false;
        }
        out[found] = args[npos + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (IS_EMPTY(out[i])) {
            if (i < npositional)
                vm_raise(vm, vm->types.TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                         params[i], i + 1);
            else
                vm_raise(vm, vm->types.TypeError, "%s() missing required argument '%s'", fname, params[i]);
            return false;
        }
    }
    return true;
}

void vm_define_native(VM *vm, ObjDict *dict, const char *name, NativeFn fn, ObjClass *owner) {
    ObjNative *native = native_new(vm, name, fn, owner);
    dict_set_str(vm, dict, native->name, OBJ_VAL(native));
}

void vm_define_value(VM *vm, ObjDict *dict, const char *name, Value value) {
    dict_set_str(vm, dict, str_intern_cstr(vm, name), value);
}

void vm_grow_roots(VM *vm) {
    int old = vm->temp_root_capacity;
    vm->temp_root_capacity = GROW_CAPACITY(old);
    vm->temp_roots = GROW_ARRAY(vm, Value, vm->temp_roots, old, vm->temp_root_capacity);
}

void vm_write(VM *vm, int stream, const char *bytes, size_t length) {
    if (length == 0) return;
    if (vm->write != NULL) {
        vm->write(vm->write_data, stream, bytes, length);
        return;
    }
    FILE *out = stream == 2 ? stderr : stdout;
    fwrite(bytes, 1, length, out);
}
