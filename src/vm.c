/* vm.c — the dispatch loop. It runs the top frame of the current fiber;
 * Python-to-Python calls push a frame and continue in the same loop, and a
 * generator's `yield` saves ip and returns from here (no C stack switching).
 * Exceptions unwind through the blocks pushed by SETUP_FINALLY. */
#include <math.h>

#include "ast.h"
#include "class.h"
#include "containers.h"
#include "exceptions.h"
#include "opcodes.h"
#include "vm_internal.h"

/* ------------------------------------------------------------- fibers */

Fiber *fiber_new(VM *vm, int64_t stack_capacity) {
    Fiber *fiber = reallocate(vm, NULL, 0, sizeof(Fiber));
    memset(fiber, 0, sizeof(Fiber));
    if (stack_capacity < 4) stack_capacity = 4;
    fiber->stack = ALLOCATE(vm, Value, stack_capacity);
    fiber->stack_capacity = stack_capacity;
    fiber->stack_top = fiber->stack;
    fiber->handled = NONE_VAL;
    fiber->pending_throw = EMPTY_VAL;
    return fiber;
}

bool fiber_ensure_stack(VM *vm, Fiber *fiber, int64_t needed) {
    int64_t used = fiber->stack_top - fiber->stack;
    if (used + needed <= fiber->stack_capacity) return true;
    int64_t capacity = fiber->stack_capacity;
    while (capacity < used + needed) capacity *= 2;
    /* Checked before growing: doubling a stack of gigabytes would pass the cap by as much. */
    if (!vm_reserve(vm, (size_t)(capacity - fiber->stack_capacity) * sizeof(Value))) return false;
    Value *old = fiber->stack;
    fiber->stack = GROW_ARRAY(vm, Value, fiber->stack, fiber->stack_capacity, capacity);
    fiber->stack_capacity = capacity;
    if (fiber->stack != old) {
        for (int i = 0; i < fiber->frame_count; i++)
            fiber->frames[i].slots = fiber->stack + (fiber->frames[i].slots - old);
        fiber->stack_top = fiber->stack + used;
    }
    return true;
}

static CallFrame *push_frame_record(VM *vm, Fiber *fiber) {
    if (fiber->frame_count + 1 > fiber->frame_capacity) {
        int old = fiber->frame_capacity;
        int grown = old < 4 ? 4 : old * 2;
        if (!vm_reserve(vm, sizeof(CallFrame) * (size_t)(grown - old))) return NULL;
        fiber->frame_capacity = grown;
        fiber->frames = GROW_ARRAY(vm, CallFrame, fiber->frames, old, fiber->frame_capacity);
        /* Records start zeroed: the dispatch loop's inline call relies on returns_self being false. */
        memset(fiber->frames + old, 0, sizeof(CallFrame) * (size_t)(fiber->frame_capacity - old));
    }
    return &fiber->frames[fiber->frame_count++];
}

static void push_block(VM *vm, Fiber *fiber, uint8_t *target, int depth) {
    if (fiber->block_count + 1 > fiber->block_capacity) {
        int old = fiber->block_capacity;
        fiber->block_capacity = old < 4 ? 4 : old * 2;
        fiber->blocks = GROW_ARRAY(vm, Block, fiber->blocks, old, fiber->block_capacity);
    }
    fiber->blocks[fiber->block_count].target = target;
    fiber->blocks[fiber->block_count].depth = depth;
    fiber->block_count++;
}

/* --------------------------------------------------------------- calls */

bool vm_push_call(VM *vm, ObjFunction *function, Value *args, int argc, ObjTuple *kwnames,
                  bool c_boundary, Value *made_generator) {
    ObjCode *code = function->code;
    Fiber *fiber = vm->fiber;
    int nslots = code->nlocals + code->ncells + code->nfree;
    if (code->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNC_GENERATOR)) {
        Value stack_locals[16];
        Value *locals = code->nlocals <= 16 ? stack_locals : malloc(sizeof(Value) * (size_t)code->nlocals);
        if (locals == NULL) {
            vm_raise(vm, vm->types.MemoryError, "out of memory binding arguments");
            return false;
        }
        bool ok = vm_bind_arguments(vm, function, args, argc, kwnames, locals);
        if (ok) *made_generator = OBJ_VAL(gen_new(vm, function, locals));
        if (locals != stack_locals) free(locals);
        return ok;
    }
    if (vm->depth >= vm->recursion_limit) {
        vm_raise(vm, vm->types.RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    /* Room for every slot and the deepest value stack, computed before binding
     * because growing may move the stack (and `args` with it). */
    int64_t args_offset = args - fiber->stack;
    int64_t need = (int64_t)(fiber->stack_top - args) > nslots ? 0 : nslots - (fiber->stack_top - args);
    if (!fiber_ensure_stack(vm, fiber, need + code->max_stack + STACK_SLACK)) return false;
    args = fiber->stack + args_offset;

    bool simple = kwnames == NULL && argc == code->argcount && code->kwonlyargcount == 0 &&
                  !(code->flags & (CODE_VARARGS | CODE_VARKEYWORDS));
    if (simple) {
        for (int i = argc; i < code->nlocals; i++) args[i] = EMPTY_VAL;
    } else {
        Value stack_locals[16];
        Value *locals = code->nlocals <= 16 ? stack_locals : malloc(sizeof(Value) * (size_t)code->nlocals);
        if (locals == NULL) {
            vm_raise(vm, vm->types.MemoryError, "out of memory binding arguments");
            return false;
        }
        bool ok = vm_bind_arguments(vm, function, args, argc, kwnames, locals);
        if (ok) memcpy(args, locals, sizeof(Value) * (size_t)code->nlocals);
        if (locals != stack_locals) free(locals);
        if (!ok) return false;
    }
    if (code->ncells + code->nfree > 0) vm_init_cells(vm, function, args);
    CallFrame *frame = push_frame_record(vm, fiber);
    if (frame == NULL) return false;
    frame->function = function;
    frame->ip = code->code;
    frame->slots = args;
    frame->block_base = fiber->block_count;
    frame->class_ns = NULL;
    frame->c_boundary = c_boundary;
    frame->returns_self = false;
    fiber->stack_top = args + nslots;
    vm->depth++;
    return true;
}

void vm_init_cells(VM *vm, ObjFunction *function, Value *slots) {
    ObjCode *code = function->code;
    for (int i = 0; i < code->ncells; i++) {
        int arg = code->cell2arg != NULL ? code->cell2arg[i] : -1;
        slots[code->nlocals + i] = OBJ_VAL(cell_new(vm, arg >= 0 ? slots[arg] : EMPTY_VAL));
    }
    for (int i = 0; i < code->nfree; i++)
        slots[code->nlocals + code->ncells + i] = function->closure->items[i];
}

/* ----------------------------------------------------- the dispatch loop */

static int line_at(ObjCode *code, const uint8_t *ip) {
    int64_t offset = ip - code->code - 1;
    if (offset < 0) offset = 0;
    if (offset >= code->code_length) offset = code->code_length - 1;
    return code->code_length > 0 ? code->lines[offset] : code->firstline;
}

/* {**m} and f(**m) take any mapping: a dict, or an instance with keys(). */
static bool has_keys_method(VM *vm, Value v) {
    if (!IS_INSTANCE(v)) return false;
    return !IS_EMPTY(vm_getattr_opt(vm, v, str_intern_cstr(vm, "keys")));
}

/* Built-ins CPython has and handoff leaves out on purpose (docs/reliability.md):
 * the NameError says why, so a learner does not take it for a typo. */
static const char *missing_builtin_reason(const char *name) {
    static const struct {
        const char *name, *reason;
    } reasons[] = {
        {"open", "handoff programs cannot open files"},
        {"exec", "handoff programs cannot run code from strings"},
        {"eval", "handoff programs cannot run code from strings"},
        {"compile", "handoff programs cannot run code from strings"},
        {"__import__", "handoff programs import with the import statement"},
        {"breakpoint", "handoff has no debugger; its trace and :where show where tasks are"},
        {"help", "at handoff's prompt, :help lists its commands"},
    };
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (strcmp(reasons[i].name, name) == 0) return reasons[i].reason;
    return NULL;
}

static Value name_error(VM *vm, ObjStr *name) {
    const char *reason = missing_builtin_reason(name->chars);
    if (reason != NULL)
        return vm_raise(vm, vm->types.NameError, "name '%s' is not defined (%s)", name->chars, reason);
    return vm_raise(vm, vm->types.NameError, "name '%s' is not defined", name->chars);
}

/* Looks a global name up in globals, then builtins, and remembers where it
 * was found in the code's cache (valid while neither dict's keys change). */
static bool load_global_slow(VM *vm, ObjCode *code, unsigned index, ObjDict *globals, ObjStr *name,
                             Value *out) {
    if (code->global_cache == NULL) {
        code->global_cache = ALLOCATE(vm, GlobalCacheEntry, (size_t)code->name_count);
        memset(code->global_cache, 0, sizeof(GlobalCacheEntry) * (size_t)code->name_count);
    }
    GlobalCacheEntry *entry = &code->global_cache[index];
    int64_t position = dict_find_str_index(globals, name);
    if (position >= 0) {
        entry->globals_version = globals->keys_version;
        entry->in_builtins = false;
        entry->index = position;
        *out = globals->entries[position].value;
        return true;
    }
    position = dict_find_str_index(vm->builtins, name);
    if (position >= 0) {
        entry->globals_version = globals->keys_version;
        entry->builtins_version = vm->builtins->keys_version;
        entry->in_builtins = true;
        entry->index = position;
        *out = vm->builtins->entries[position].value;
        return true;
    }
    return false;
}

/* A module's attribute, found in its dict (where vm_getattr looks first) through
 * the code's cache; keys_version numbers are never reused, so a matching version
 * names the very dict and key layout. False when the dict lacks the name. */
static bool module_attr_slow(VM *vm, ObjCode *code, unsigned index, ObjDict *dict, Value *out) {
    int64_t position = dict_find_str_index(dict, code->names[index]);
    if (position < 0) return false;
    if (code->attr_cache == NULL) {
        code->attr_cache = ALLOCATE(vm, AttrCacheEntry, (size_t)code->name_count);
        memset(code->attr_cache, 0, sizeof(AttrCacheEntry) * (size_t)code->name_count);
    }
    code->attr_cache[index].keys_version = dict->keys_version;
    code->attr_cache[index].index = position;
    *out = dict->entries[position].value;
    return true;
}

static inline bool module_attr(VM *vm, ObjCode *code, unsigned index, ObjModule *module, Value *out) {
    ObjDict *dict = module->dict;
    if (code->attr_cache != NULL && code->attr_cache[index].keys_version == dict->keys_version) {
        *out = dict->entries[code->attr_cache[index].index].value;
        return true;
    }
    return module_attr_slow(vm, code, index, dict, out);
}

static Value unbound_local(VM *vm, ObjStr *name) {
    return vm_raise(vm, vm->types.UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    name->chars);
}

/* Makes the exception instance for `raise X` (X a class or an instance). */
static Value make_exception(VM *vm, Value value) {
    if (IS_CLASS(value) && class_is_subclass(AS_CLASS(value), vm->types.BaseException))
        return vm_call(vm, value, 0, NULL);
    if (IS_EXCEPTION(value)) return value;
    return vm_raise(vm, vm->types.TypeError, "exceptions must derive from BaseException");
}

static bool exception_matches(VM *vm, Value exc, Value type, bool *ok) {
    *ok = true;
    ObjClass *cls = vm_type_of(vm, exc);
    if (IS_TUPLE(type)) {
        ObjTuple *tuple = AS_TUPLE(type);
        for (int64_t i = 0; i < tuple->count; i++) {
            if (exception_matches(vm, exc, tuple->items[i], ok)) return true;
            if (!*ok) return false;
        }
        return false;
    }
    if (!IS_CLASS(type) || !class_is_subclass(AS_CLASS(type), vm->types.BaseException)) {
        vm_raise(vm, vm->types.TypeError,
                 "catching classes that do not inherit from BaseException is not allowed");
        *ok = false;
        return false;
    }
    return class_is_subclass(cls, AS_CLASS(type));
}

static int unpack_into(VM *vm, Value seq, int64_t before, int64_t after, bool starred, Value *dest);

/* What a class call that ran __init__ in the loop gives: the instance, once
 * __init__ has returned None. Kept out of the dispatch loop's hot path. */
__attribute__((noinline)) static Value init_result(VM *vm, Value returned, Value instance) {
    if (IS_NONE(returned)) return instance;
    return vm_raise(vm, vm->types.TypeError, "__init__() should return None, not '%s'", vm_type_name(vm, returned));
}

ExecResult vm_execute(VM *vm, Value *result) {
    Fiber *fiber;
    CallFrame *frame;
    uint8_t *ip;
    Value *slots;
    Value *sp;
    ObjCode *code;
    Value *consts;
    bool reraise = false; /* the pending exception adds no traceback line here */

#define SYNC() (frame->ip = ip, fiber->stack_top = sp)
#define RELOAD()                                                   \
    do {                                                           \
        fiber = vm->fiber;                                         \
        frame = &fiber->frames[fiber->frame_count - 1];            \
        ip = frame->ip;                                            \
        slots = frame->slots;                                      \
        sp = fiber->stack_top;                                     \
        code = frame->function->code;                              \
        consts = code->constants.items;                            \
    } while (0)
#define READ_BYTE() (*ip++)
#define READ_U16() (ip += 2, (unsigned)(ip[-2] | (ip[-1] << 8)))
#define READ_JUMP()                                                                      \
    (ip += 4, (uint32_t)ip[-4] | ((uint32_t)ip[-3] << 8) | ((uint32_t)ip[-2] << 16) |   \
                  ((uint32_t)ip[-1] << 24))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define PEEK(n) (sp[-(int)(n)])
#define NAME(i) (code->names[(i)])
/* Calls out of the loop: save registers, call, reload (the stack may move). */
#define CALL_OUT(expr) (SYNC(), (expr))
/* For instructions that replace TOS with what a helper makes of it. */
#define REPLACE_TOP(call)                  \
    do {                                   \
        SYNC();                            \
        Value replacement = (call);        \
        RELOAD();                          \
        if (IS_EMPTY(replacement)) goto error; \
        PEEK(1) = replacement;             \
        DISPATCH();                        \
    } while (0)
#define CHECK(value_expr)                  \
    do {                                   \
        if (IS_EMPTY(value_expr)) {        \
            goto error;                    \
        }                                  \
    } while (0)

    RELOAD();
    if (!IS_EMPTY(fiber->pending_throw) && *ip != OP_YIELD_FROM) {
        vm->exception = fiber->pending_throw;
        fiber->pending_throw = EMPTY_VAL;
        goto error;
    }

#if defined(__GNUC__)
    static void *dispatch_table[] = {
#define OPCODE_LABEL(name, arg) &&op_##name,
        OPCODE_LIST(OPCODE_LABEL)
#undef OPCODE_LABEL
    };
#define DISPATCH() goto *dispatch_table[*ip++]
#define CASE(name) op_##name:
    DISPATCH();
#else
#define DISPATCH() goto dispatch
#define CASE(name) case OP_##name:
dispatch:
    switch (*ip++) {
#endif

    CASE(NOP) { DISPATCH(); }
    CASE(POP_TOP) {
        sp--;
        DISPATCH();
    }
    CASE(COPY) {
        unsigned n = READ_U16();
        Value v = PEEK(n);
        PUSH(v);
        DISPATCH();
    }
    CASE(SWAP) {
        unsigned n = READ_U16();
        Value top = PEEK(1);
        PEEK(1) = PEEK(n);
        PEEK(n) = top;
        DISPATCH();
    }
    CASE(LOAD_CONST) {
        PUSH(consts[READ_U16()]);
        DISPATCH();
    }
    CASE(LOAD_FAST) {
        unsigned i = READ_U16();
        Value v = slots[i];
        if (IS_EMPTY(v)) {
            SYNC();
            unbound_local(vm, code->localnames[i]);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_FAST) {
        slots[READ_U16()] = POP();
        DISPATCH();
    }
    CASE(DELETE_FAST) {
        unsigned i = READ_U16();
        if (IS_EMPTY(slots[i])) {
            SYNC();
            unbound_local(vm, code->localnames[i]);
            goto error;
        }
        slots[i] = EMPTY_VAL;
        DISPATCH();
    }
    CASE(LOAD_DEREF) {
        unsigned i = READ_U16();
        Value v = AS_CELL(slots[code->nlocals + i])->value;
        if (IS_EMPTY(v)) {
            SYNC();
            if ((int)i < code->ncells) unbound_local(vm, code->cellnames[i]);
            else
                vm_raise(vm, vm->types.NameError,
                         "cannot access free variable '%s' where it is not associated with a value"
                         " in enclosing scope",
                         code->freenames[i - (unsigned)code->ncells]->chars);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_DEREF) {
        unsigned i = READ_U16();
        AS_CELL(slots[code->nlocals + i])->value = POP();
        DISPATCH();
    }
    CASE(DELETE_DEREF) {
        unsigned i = READ_U16();
        ObjCell *cell = AS_CELL(slots[code->nlocals + i]);
        if (IS_EMPTY(cell->value)) {
            SYNC();
            unbound_local(vm, (int)i < code->ncells ? code->cellnames[i]
                                                    : code->freenames[i - (unsigned)code->ncells]);
            goto error;
        }
        cell->value = EMPTY_VAL;
        DISPATCH();
    }
    CASE(LOAD_CLOSURE) {
        PUSH(slots[code->nlocals + READ_U16()]);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL) {
        unsigned index = READ_U16();
        ObjDict *globals = frame->function->globals;
        if (code->global_cache != NULL) {
            GlobalCacheEntry *entry = &code->global_cache[index];
            if (entry->globals_version == globals->keys_version) {
                if (!entry->in_builtins) {
                    PUSH(globals->entries[entry->index].value);
                    DISPATCH();
                }
                if (entry->builtins_version == vm->builtins->keys_version) {
                    PUSH(vm->builtins->entries[entry->index].value);
                    DISPATCH();
                }
            }
        }
        ObjStr *name = NAME(index);
        Value v;
        if (!load_global_slow(vm, code, index, globals, name, &v)) {
            SYNC();
            name_error(vm, name);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_GLOBAL) {
        ObjStr *name = NAME(READ_U16());
        dict_set_str(vm, frame->function->globals, name, PEEK(1));
        sp--;
        DISPATCH();
    }
    CASE(DELETE_GLOBAL) {
        ObjStr *name = NAME(READ_U16());
        if (!dict_delete_str(vm, frame->function->globals, name)) {
            SYNC();
            name_error(vm, name);
            goto error;
        }
        DISPATCH();
    }
    CASE(LOAD_NAME) {
        ObjStr *name = NAME(READ_U16());
        Value v = frame->class_ns != NULL ? dict_get_str(frame->class_ns, name) : EMPTY_VAL;
        if (IS_EMPTY(v)) v = dict_get_str(frame->function->globals, name);
        if (IS_EMPTY(v)) v = dict_get_str(vm->builtins, name);
        if (IS_EMPTY(v)) {
            SYNC();
            name_error(vm, name);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_NAME) {
        ObjStr *name = NAME(READ_U16());
        dict_set_str(vm, frame->class_ns != NULL ? frame->class_ns : frame->function->globals, name,
                     PEEK(1));
        sp--;
        DISPATCH();
    }
    CASE(DELETE_NAME) {
        ObjStr *name = NAME(READ_U16());
        if (!dict_delete_str(vm, frame->class_ns != NULL ? frame->class_ns : frame->function->globals,
                             name)) {
            SYNC();
            name_error(vm, name);
            goto error;
        }
        DISPATCH();
    }
    CASE(LOAD_ATTR) {
        unsigned index = READ_U16();
        if (IS_MODULE(PEEK(1))) {
            Value v;
            if (module_attr(vm, code, index, AS_MODULE(PEEK(1)), &v)) {
                PEEK(1) = v;
                DISPATCH();
            }
        }
        ObjStr *name = NAME(index);
        SYNC();
        Value v = vm_getattr(vm, PEEK(1), name);
        RELOAD();
        CHECK(v);
        PEEK(1) = v;
        DISPATCH();
    }
    CASE(STORE_ATTR) {
        ObjStr *name = NAME(READ_U16());
        SYNC();
        bool ok = vm_setattr(vm, PEEK(1), name, PEEK(2));
        RELOAD();
        if (!ok) goto error;
        sp -= 2;
        DISPATCH();
    }
    CASE(DELETE_ATTR) {
        ObjStr *name = NAME(READ_U16());
        SYNC();
        bool ok = vm_delattr(vm, PEEK(1), name);
        RELOAD();
        if (!ok) goto error;
        sp--;
        DISPATCH();
    }
    CASE(LOAD_METHOD) {
        unsigned index = READ_U16();
        if (IS_MODULE(PEEK(1))) { /* asyncio.sleep(0): a plain attribute, no self */
            Value v;
            if (module_attr(vm, code, index, AS_MODULE(PEEK(1)), &v)) {
                PEEK(1) = v;
                PUSH(EMPTY_VAL);
                DISPATCH();
            }
        }
        ObjStr *name = NAME(index);
        Value method, self;
        SYNC();
        bool ok = vm_load_method(vm, PEEK(1), name, &method, &self);
        RELOAD();
        if (!ok) goto error;
        PEEK(1) = method;
        PUSH(self);
        DISPATCH();
    }
    CASE(BINARY_SUBSCR) {
        Value container = PEEK(2), key = PEEK(1);
        Value v;
        if (IS_LIST(container) && IS_INT(key)) {
            ObjList *list = AS_LIST(container);
            int64_t index = AS_INT(key);
            if (index < 0) index += list->count;
            if (index >= 0 && index < list->count) {
                sp -= 2;
                PUSH(list->items[index]);
                DISPATCH();
            }
        }
        SYNC();
        v = vm_getitem(vm, container, key);
        RELOAD();
        CHECK(v);
        sp -= 2;
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_SUBSCR) {
        Value container = PEEK(2), key = PEEK(1), value = PEEK(3);
        if (IS_LIST(container) && IS_INT(key)) {
            ObjList *list = AS_LIST(container);
            int64_t index = AS_INT(key);
            if (index < 0) index += list->count;
            if (index >= 0 && index < list->count) {
                list->items[index] = value;
                sp -= 3;
                DISPATCH();
            }
        }
        SYNC();
        bool ok = vm_setitem(vm, container, key, value);
        RELOAD();
        if (!ok) goto error;
        sp -= 3;
        DISPATCH();
    }
    CASE(DELETE_SUBSCR) {
        SYNC();
        bool ok = vm_delitem(vm, PEEK(2), PEEK(1));
        RELOAD();
        if (!ok) goto error;
        sp -= 2;
        DISPATCH();
    }
    CASE(BUILD_SLICE) {
        unsigned n = READ_U16();
        Value step = n == 3 ? PEEK(1) : NONE_VAL;
        Value stop = PEEK(n == 3 ? 2 : 1), start = PEEK(n == 3 ? 3 : 2);
        ObjSlice *slice = slice_new(vm, start, stop, step);
        sp -= n;
        PUSH(OBJ_VAL(slice));
        DISPATCH();
    }
    CASE(BINARY_OP) {
        unsigned op = READ_U16();
        Value a = PEEK(2), b = PEEK(1);
        if (IS_INT(a) && IS_INT(b)) {
            int64_t x = AS_INT(a), y = AS_INT(b), r;
            unsigned base = op >= OPR_INPLACE_BASE ? op - OPR_INPLACE_BASE : op;
            switch (base) {
            case OPR_ADD:
                if (!__builtin_add_overflow(x, y, &r)) goto int_result;
                break;
            case OPR_SUB:
                if (!__builtin_sub_overflow(x, y, &r)) goto int_result;
                break;
            case OPR_MUL:
                if (!__builtin_mul_overflow(x, y, &r)) goto int_result;
                break;
            case OPR_FLOORDIV:
                if (y > 0 && x >= 0) {
                    r = x / y;
                    goto int_result;
                }
                break;
            case OPR_MOD:
                if (y > 0 && x >= 0) {
                    r = x % y;
                    goto int_result;
                }
                break;
            case OPR_BITAND: r = x & y; goto int_result;
            case OPR_BITOR: r = x | y; goto int_result;
            case OPR_BITXOR: r = x ^ y; goto int_result;
            default: break;
            }
            goto binary_slow;
        int_result:
            sp--;
            PEEK(1) = INT_VAL(r);
            DISPATCH();
        }
        if (IS_FLOAT(a) && IS_FLOAT(b)) {
            double x = AS_FLOAT(a), y = AS_FLOAT(b), r;
            unsigned base = op >= OPR_INPLACE_BASE ? op - OPR_INPLACE_BASE : op;
            switch (base) {
            case OPR_ADD: r = x + y; break;
            case OPR_SUB: r = x - y; break;
            case OPR_MUL: r = x * y; break;
            default: goto binary_slow;
            }
            sp--;
            PEEK(1) = FLOAT_VAL(r);
            DISPATCH();
        }
    binary_slow:
        SYNC();
        Value v = vm_binary_op(vm, (int)op, a, b);
        RELOAD();
        CHECK(v);
        sp--;
        PEEK(1) = v;
        DISPATCH();
    }
    CASE(UNARY_NEGATIVE) {
        Value a = PEEK(1);
        if (IS_INT(a) && AS_INT(a) != INT64_MIN) {
            PEEK(1) = INT_VAL(-AS_INT(a));
            DISPATCH();
        }
        SYNC();
        Value v = vm_unary_op(vm, UOP_NEG, a);
        RELOAD();
        CHECK(v);
        PEEK(1) = v;
        DISPATCH();
    }
    CASE(UNARY_POSITIVE) { REPLACE_TOP(vm_unary_op(vm, UOP_POS, PEEK(1))); }
    CASE(UNARY_INVERT) { REPLACE_TOP(vm_unary_op(vm, UOP_INVERT, PEEK(1))); }
    CASE(UNARY_NOT) {
        Value a = PEEK(1);
        if (IS_BOOL(a)) {
            PEEK(1) = BOOL_VAL(!AS_BOOL(a));
            DISPATCH();
        }
        SYNC();
        int truth = vm_truthy(vm, a);
        RELOAD();
        if (truth < 0) goto error;
        PEEK(1) = BOOL_VAL(!truth);
        DISPATCH();
    }
    CASE(COMPARE_OP) {
        unsigned op = READ_U16();
        Value a = PEEK(2), b = PEEK(1);
        if (IS_INT(a) && IS_INT(b)) {
            int64_t x = AS_INT(a), y = AS_INT(b);
            bool r;
            switch (op) {
            case CMP_EQ: r = x == y; break;
            case CMP_NE: r = x != y; break;
            case CMP_LT: r = x < y; break;
            case CMP_LE: r = x <= y; break;
            case CMP_GT: r = x > y; break;
            default: r = x >= y; break;
            }
            sp--;
            PEEK(1) = BOOL_VAL(r);
            DISPATCH();
        }
        SYNC();
        Value v = vm_compare(vm, (int)op, a, b);
        RELOAD();
        CHECK(v);
        sp--;
        PEEK(1) = v;
        DISPATCH();
    }
    CASE(IS_OP) {
        unsigned invert = READ_U16();
        Value a = PEEK(2), b = PEEK(1);
        bool same = a.type == b.type &&
                    (a.type == VAL_NONE || a.type == VAL_EMPTY ||
                     (a.type == VAL_BOOL && AS_BOOL(a) == AS_BOOL(b)) ||
                     (a.type == VAL_INT && AS_INT(a) == AS_INT(b)) ||
                     (a.type == VAL_FLOAT && memcmp(&a.as.number, &b.as.number, sizeof(double)) == 0) ||
                     (a.type == VAL_OBJ && AS_OBJ(a) == AS_OBJ(b)));
        sp--;
        PEEK(1) = BOOL_VAL(invert ? !same : same);
        DISPATCH();
    }
    CASE(CONTAINS_OP) {
        unsigned invert = READ_U16();
        SYNC();
        int found = vm_contains(vm, PEEK(1), PEEK(2));
        RELOAD();
        if (found < 0) goto error;
        sp--;
        PEEK(1) = BOOL_VAL(invert ? !found : found);
        DISPATCH();
    }
    CASE(JUMP) {
        uint32_t target = READ_JUMP();
        ip = code->code + target;
        DISPATCH();
    }
    CASE(JUMP_BACKWARD) {
        uint32_t target = READ_JUMP();
        /* The safe point runs before the jump, so an exception raised here
         * (Ctrl-C, MemoryError) is reported on the loop's last line. */
        if (vm->gc_pending || vm->interrupted || vm->instruction_budget >= 0) {
            SYNC();
            if (vm->interrupted) {
                vm->interrupted = 0;
                vm_raise_empty(vm, vm->types.KeyboardInterrupt);
                goto error;
            }
            /* Spent stays spent (0): a program that catches the error is stopped again. */
            if (vm->instruction_budget >= 0 && vm->instruction_budget-- == 0) {
                vm->instruction_budget = 0;
                vm_raise(vm, vm->types.RuntimeError, "instruction budget exhausted");
                goto error;
            }
            if (vm->gc_pending) {
                gc_collect(vm);
                if (vm->max_memory != 0 && vm->bytes_allocated > vm->max_memory) {
                    vm_raise_empty(vm, vm->types.MemoryError);
                    goto error;
                }
            }
        }
        ip = code->code + target;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE) {
        uint32_t target = READ_JUMP();
        Value v = POP();
        int truth;
        if (IS_BOOL(v)) truth = AS_BOOL(v);
        else {
            sp++;
            SYNC();
            truth = vm_truthy(vm, v);
            RELOAD();
            if (truth < 0) goto error;
            sp--;
        }
        if (!truth) ip = code->code + target;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE) {
        uint32_t target = READ_JUMP();
        Value v = POP();
        int truth;
        if (IS_BOOL(v)) truth = AS_BOOL(v);
        else {
            sp++;
            SYNC();
            truth = vm_truthy(vm, v);
            RELOAD();
            if (truth < 0) goto error;
            sp--;
        }
        if (truth) ip = code->code + target;
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP) {
        uint32_t target = READ_JUMP();
        SYNC();
        int truth = vm_truthy(vm, PEEK(1));
        RELOAD();
        if (truth < 0) goto error;
        if (!truth) ip = code->code + target;
        else sp--;
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP) {
        uint32_t target = READ_JUMP();
        SYNC();
        int truth = vm_truthy(vm, PEEK(1));
        RELOAD();
        if (truth < 0) goto error;
        if (truth) ip = code->code + target;
        else sp--;
        DISPATCH();
    }
    CASE(GET_ITER) { REPLACE_TOP(vm_iter(vm, PEEK(1))); }
    CASE(FOR_ITER) {
        uint32_t target = READ_JUMP();
        Value it = PEEK(1);
        Value next;
        int status;
        if (IS_ITERATOR(it)) {
            SYNC();
            status = AS_ITERATOR(it)->next(vm, AS_ITERATOR(it), &next);
        } else {
            SYNC();
            status = vm_next(vm, it, &next);
        }
        RELOAD();
        if (status < 0) goto error;
        if (status == 0) {
            sp--;
            ip = code->code + target;
            DISPATCH();
        }
        PUSH(next);
        DISPATCH();
    }
    CASE(BUILD_TUPLE) {
        unsigned n = READ_U16();
        ObjTuple *tuple = tuple_from_values(vm, n, sp - n);
        sp -= n;
        PUSH(OBJ_VAL(tuple));
        DISPATCH();
    }
    CASE(BUILD_LIST) {
        unsigned n = READ_U16();
        ObjList *list = list_new(vm, n);
        for (unsigned i = 0; i < n; i++) list->items[i] = sp[(int)i - (int)n];
        list->count = n;
        sp -= n;
        PUSH(OBJ_VAL(list));
        DISPATCH();
    }
    CASE(BUILD_SET) {
        unsigned n = READ_U16();
        ObjSet *set = set_new(vm, false);
        PUSH(OBJ_VAL(set));
        SYNC();
        for (unsigned i = 0; i < n; i++) {
            /* Index from the fiber each time: hashing may run Python and move the stack. */
            if (!set_add(vm, set, vm->fiber->stack_top[(int)i - (int)n - 1])) {
                RELOAD();
                goto error;
            }
        }
        RELOAD();
        sp -= n + 1;
        PUSH(OBJ_VAL(set));
        DISPATCH();
    }
    CASE(BUILD_MAP) {
        unsigned n = READ_U16();
        ObjDict *dict = dict_new(vm);
        PUSH(OBJ_VAL(dict));
        SYNC();
        for (unsigned i = 0; i < n; i++) {
            Value *pair = vm->fiber->stack_top - 1 - 2 * (int)n + 2 * (int)i;
            if (!dict_set(vm, dict, pair[0], pair[1])) {
                RELOAD();
                goto error;
            }
        }
        RELOAD();
        sp -= 2 * n + 1;
        PUSH(OBJ_VAL(dict));
        DISPATCH();
    }
    CASE(LIST_APPEND) {
        unsigned n = READ_U16();
        Value v = PEEK(1);
        list_append(vm, AS_LIST(PEEK((int)n + 1)), v);
        sp--;
        DISPATCH();
    }
    CASE(SET_ADD) {
        unsigned n = READ_U16();
        SYNC();
        bool ok = set_add(vm, AS_SET(PEEK((int)n + 1)), PEEK(1));
        RELOAD();
        if (!ok) goto error;
        sp--;
        DISPATCH();
    }
    CASE(MAP_ADD) {
        unsigned n = READ_U16();
        SYNC();
        bool ok = dict_set(vm, AS_DICT(PEEK((int)n + 2)), PEEK(2), PEEK(1));
        RELOAD();
        if (!ok) goto error;
        sp -= 2;
        DISPATCH();
    }
    CASE(LIST_EXTEND) {
        unsigned n = READ_U16();
        SYNC();
        if (!vm_is_iterable(vm, PEEK(1))) {
            vm_raise(vm, vm->types.TypeError, "Value after * must be an iterable, not %s",
                     vm_type_name(vm, PEEK(1)));
            goto error;
        }
        bool ok = list_extend(vm, AS_LIST(PEEK((int)n + 1)), PEEK(1));
        RELOAD();
        if (!ok) goto error;
        sp--;
        DISPATCH();
    }
    CASE(SET_UPDATE) {
        unsigned n = READ_U16();
        SYNC();
        bool ok = set_update(vm, AS_SET(PEEK((int)n + 1)), PEEK(1));
        RELOAD();
        if (!ok) goto error;
        sp--;
        DISPATCH();
    }
    CASE(DICT_UPDATE) {
        unsigned n = READ_U16();
        Value other = PEEK(1);
        SYNC();
        if (!IS_DICT(other) && !has_keys_method(vm, other)) {
            if (!IS_EMPTY(vm->exception)) goto error;
            vm_raise(vm, vm->types.TypeError, "'%s' object is not a mapping", vm_type_name(vm, other));
            goto error;
        }
        SYNC();
        bool ok = dict_update(vm, AS_DICT(PEEK((int)n + 1)), other);
        RELOAD();
        if (!ok) goto error;
        sp--;
        DISPATCH();
    }
    CASE(DICT_MERGE) {
        unsigned n = READ_U16();
        Value other = PEEK(1);
        ObjDict *target = AS_DICT(PEEK((int)n + 1));
        SYNC();
        if (!IS_DICT(other) && has_keys_method(vm, other)) {
            /* Another mapping (a defaultdict, a class with keys()): its items, in a dict. */
            ObjDict *copy = dict_new(vm);
            PEEK(1) = OBJ_VAL(copy);
            vm_push_root(vm, other);
            bool ok = dict_update(vm, copy, other);
            vm_pop_roots(vm, 1);
            RELOAD();
            if (!ok) goto error;
            other = PEEK(1);
            target = AS_DICT(PEEK((int)n + 1));
        }
        if (!IS_EMPTY(vm->exception)) goto error;
        if (!IS_DICT(other)) {
            /* The callee sits below the kwargs dict and the args tuple. */
            Value callee = PEEK((int)n + 3);
            vm_raise(vm, vm->types.TypeError, "%s argument after ** must be a mapping, not %s",
                     vm_callable_description(vm, callee), vm_type_name(vm, other));
            goto error;
        }
        Value key, value;
        for (int64_t position = 0; dict_next(AS_DICT(other), &position, &key, &value);) {
            Value existing;
            int found = dict_get(vm, target, key, &existing);
            if (found < 0) goto error;
            if (found > 0) {
                RELOAD();
                Value callee = PEEK((int)n + 3);
                if (IS_STR(key))
                    vm_raise(vm, vm->types.TypeError, "%s got multiple values for keyword argument '%s'",
                             vm_callable_description(vm, callee), AS_STR(key)->chars);
                else
                    vm_raise(vm, vm->types.TypeError, "keywords must be strings");
                goto error;
            }
            if (!dict_set(vm, target, key, value)) goto error;
        }
        RELOAD();
        sp--;
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE) {
        ObjList *list = AS_LIST(PEEK(1));
        ObjTuple *tuple = tuple_from_values(vm, list->count, list->items);
        PEEK(1) = OBJ_VAL(tuple);
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE) {
        unsigned n = READ_U16();
        Value seq = PEEK(1);
        if (IS_TUPLE(seq) && AS_TUPLE(seq)->count == (int64_t)n) {
            sp--;
            for (int i = (int)n - 1; i >= 0; i--) PUSH(AS_TUPLE(seq)->items[i]);
            DISPATCH();
        }
        SYNC(); /* before growing: the stack may move */
        bool grown = fiber_ensure_stack(vm, fiber, (int64_t)n + STACK_SLACK);
        RELOAD();
        if (!grown) goto error;
        Value seq_value = PEEK(1);
        SYNC();
        int status = unpack_into(vm, seq_value, n, 0, false, sp - 1);
        RELOAD();
        if (status < 0) goto error;
        sp += (int)n - 1;
        DISPATCH();
    }
    CASE(UNPACK_EX) {
        unsigned arg = READ_U16();
        unsigned before = arg & 0xFF, after = arg >> 8;
        SYNC(); /* before growing: the stack may move */
        bool grown = fiber_ensure_stack(vm, fiber, (int64_t)(before + after + 1) + STACK_SLACK);
        RELOAD();
        if (!grown) goto error;
        Value seq_value = PEEK(1);
        SYNC();
        int status = unpack_into(vm, seq_value, before, after, true, sp - 1);
        RELOAD();
        if (status < 0) goto error;
        sp += (int)(before + after + 1) - 1;
        DISPATCH();
    }
    CASE(FORMAT_VALUE) {
        unsigned flags = READ_U16();
        bool has_spec = flags & 4;
        Value v = has_spec ? PEEK(2) : PEEK(1);
        ObjStr *spec = has_spec ? AS_STR(PEEK(1)) : NULL;
        SYNC();
        Value converted = v;
        switch (flags & 3) {
        case 1: converted = vm_str(vm, v); break;
        case 2: converted = vm_repr(vm, v); break;
        case 3: converted = vm_ascii(vm, v); break;
        default: break;
        }
        if (IS_EMPTY(converted)) {
            RELOAD();
            goto error;
        }
        Value formatted;
        if (spec == NULL && IS_STR(converted)) formatted = converted;
        else {
            if (has_spec) PEEK(2) = converted; /* keep it rooted while formatting */
            formatted = vm_format(vm, converted, spec != NULL ? spec : vm_empty_str(vm));
        }
        RELOAD();
        CHECK(formatted);
        if (has_spec) sp--;
        PEEK(1) = formatted;
        DISPATCH();
    }
    CASE(BUILD_STRING) {
        unsigned n = READ_U16();
        StrBuf buf;
        strbuf_init(&buf);
        for (unsigned i = 0; i < n; i++) {
            ObjStr *part = AS_STR(sp[(int)i - (int)n]);
            strbuf_append(&buf, part->chars, (size_t)part->length);
        }
        ObjStr *joined = strbuf_finish(vm, &buf);
        sp -= n;
        PUSH(OBJ_VAL(joined));
        DISPATCH();
    }
    CASE(CALL) {
        unsigned argc = READ_U16();
        ObjTuple *kwnames = NULL;
        Value *args = sp - argc;
        Value callee = args[-1];
        goto do_call;
    CASE(CALL_KW)
        argc = READ_U16();
        kwnames = AS_TUPLE(POP());
        args = sp - argc;
        callee = args[-1];
        goto do_call;
    CASE(CALL_METHOD)
        argc = READ_U16();
        kwnames = NULL;
        goto do_method_call;
    CASE(CALL_METHOD_KW)
        argc = READ_U16();
        kwnames = AS_TUPLE(POP());
    do_method_call:
        args = sp - argc;
        if (IS_EMPTY(args[-1])) {
            /* [attr, EMPTY, args]: drop the EMPTY so the layout is that of CALL. */
            memmove(args - 1, args, sizeof(Value) * argc);
            sp--;
            args--;
        } else {
            args--;
            argc++;
        }
        callee = args[-1];
    do_call:
        if (IS_FUNCTION(callee)) {
            ObjFunction *function = AS_FUNCTION(callee);
            ObjCode *callee_code = function->code;
            /* The common case inline: positional arguments that match the
             * parameters exactly, no cells, room on the stack. */
            if (kwnames == NULL && (int)argc == callee_code->argcount &&
                callee_code->kwonlyargcount == 0 && callee_code->ncells + callee_code->nfree == 0 &&
                !(callee_code->flags & (CODE_VARARGS | CODE_VARKEYWORDS | CODE_GENERATOR |
                                        CODE_COROUTINE | CODE_ASYNC_GENERATOR)) &&
                vm->depth < vm->recursion_limit && fiber->frame_count < fiber->frame_capacity &&
                args + callee_code->nlocals + callee_code->max_stack + STACK_SLACK <=
                    fiber->stack + fiber->stack_capacity) {
                for (int i = (int)argc; i < callee_code->nlocals; i++) args[i] = EMPTY_VAL;
                frame->ip = ip;
                frame = &fiber->frames[fiber->frame_count++];
                frame->function = function;
                frame->ip = callee_code->code;
                frame->slots = args;
                frame->block_base = fiber->block_count;
                frame->class_ns = NULL;
                frame->c_boundary = false;
                vm->depth++; /* returns_self is false in every record not running an __init__ */
                ip = callee_code->code;
                slots = args;
                sp = args + callee_code->nlocals;
                code = callee_code;
                consts = code->constants.items;
                if (vm->gc_pending || vm->interrupted) goto call_safe_point;
                DISPATCH();
            }
            Value generator = EMPTY_VAL;
            fiber->stack_top = sp;
            frame->ip = ip;
            int64_t args_offset = args - fiber->stack; /* the call may move the stack */
            if (!vm_push_call(vm, function, args, (int)argc, kwnames, false, &generator)) {
                RELOAD();
                goto error;
            }
            if (!IS_EMPTY(generator)) {
                RELOAD();
                sp = fiber->stack + args_offset - 1;
                PUSH(generator);
                DISPATCH();
            }
            RELOAD();
            if (vm->gc_pending || vm->interrupted) {
            call_safe_point:
                SYNC();
                if (vm->interrupted) {
                    vm->interrupted = 0;
                    vm_raise_empty(vm, vm->types.KeyboardInterrupt);
                    goto error;
                }
                gc_collect(vm);
                if (vm->max_memory != 0 && vm->bytes_allocated > vm->max_memory) {
                    vm_raise_empty(vm, vm->types.MemoryError);
                    goto error;
                }
            }
            DISPATCH();
        }
        if (IS_CLASS(callee)) {
            /* A class whose __init__ is a Python function (and __new__ is
             * object's): make the instance here and run __init__ in this loop;
             * its RETURN_VALUE gives the instance, left in the callee's slot. */
            Value init = class_plain_init(vm, AS_CLASS(callee));
            if (IS_FUNCTION(init)) {
                Value instance = OBJ_VAL(instance_new(vm, AS_CLASS(callee)));
                args[-1] = instance;
                memmove(args + 1, args, sizeof(Value) * argc); /* the slack has room for one more */
                args[0] = instance;
                sp++;
                argc++;
                Value generator = EMPTY_VAL;
                SYNC();
                if (!vm_push_call(vm, AS_FUNCTION(init), args, (int)argc, kwnames, false, &generator)) {
                    RELOAD();
                    goto error;
                }
                RELOAD();
                if (!IS_EMPTY(generator)) {
                    vm_raise(vm, vm->types.TypeError, "__init__() should return None, not 'generator'");
                    goto error;
                }
                frame->returns_self = true;
                if (vm->gc_pending || vm->interrupted) goto call_safe_point;
                DISPATCH();
            }
        }
        if (IS_BOUND_METHOD(callee) && IS_FUNCTION(AS_BOUND_METHOD(callee)->callable)) {
            /* [bm, a1..an] -> [bm, self, a1..an]: the slack keeps room for one more. */
            memmove(args + 1, args, sizeof(Value) * argc);
            args[0] = AS_BOUND_METHOD(callee)->self;
            sp++;
            argc++;
            callee = AS_BOUND_METHOD(callee)->callable;
            goto do_call;
        }
        SYNC();
        int64_t native_args_offset = args - fiber->stack; /* natives may re-enter and move it */
        Value result = vm_call_native_like(vm, callee, (int)argc, args, kwnames);
        RELOAD();
        CHECK(result);
        /* `await asyncio.sleep(0)`: the new awaitable goes straight to the await. */
        if (IS_NATIVE(callee) && AS_NATIVE(callee)->returns_fresh && *ip == OP_GET_AWAITABLE && IS_OBJ(result))
            AS_OBJ(result)->await_only = true;
        sp = fiber->stack + native_args_offset - 1;
        PUSH(result);
        DISPATCH();
    }
    CASE(CALL_EX) {
        unsigned flags = READ_U16();
        Value kwargs = (flags & 1) ? PEEK(1) : EMPTY_VAL;
        Value positional = (flags & 1) ? PEEK(2) : PEEK(1);
        Value *callee_slot = sp - ((flags & 1) ? 3 : 2);
        ObjTuple *pos = AS_TUPLE(positional);
        int64_t npos = pos->count;
        int64_t nkw = IS_EMPTY(kwargs) ? 0 : AS_DICT(kwargs)->count;
        SYNC(); /* before growing: the stack may move */
        bool grown = fiber_ensure_stack(vm, fiber, npos + nkw + STACK_SLACK);
        RELOAD();
        if (!grown) goto error;
        callee_slot = sp - ((flags & 1) ? 3 : 2);
        /* Lay out [callee, positional..., keyword values...] over the old slots;
         * the tuple and dict stay reachable from the pushed copies below. */
        Value tuple_value = callee_slot[1];
        Value dict_value = (flags & 1) ? callee_slot[2] : EMPTY_VAL;
        ObjTuple *kwnames = NULL;
        Value *args = callee_slot + 1;
        sp = args;
        for (int64_t i = 0; i < AS_TUPLE(tuple_value)->count; i++) PUSH(AS_TUPLE(tuple_value)->items[i]);
        if (!IS_EMPTY(dict_value) && AS_DICT(dict_value)->count > 0) {
            /* No collection can happen before the call: the tuple and dict may
             * rest in C locals while their items are copied onto the stack. */
            ObjDict *dict = AS_DICT(dict_value);
            kwnames = tuple_new(vm, dict->count);
            Value key, value;
            int64_t i = 0;
            for (int64_t position = 0; dict_next(dict, &position, &key, &value); i++) {
                if (!IS_STR(key)) {
                    SYNC();
                    vm_raise(vm, vm->types.TypeError, "keywords must be strings");
                    goto error;
                }
                kwnames->items[i] = key;
                PUSH(value);
            }
        }
        Value callee = callee_slot[0];
        unsigned argc = (unsigned)(sp - args);
        int64_t args_offset = args - fiber->stack; /* calls may move the stack */
        if (IS_FUNCTION(callee)) {
            Value generator = EMPTY_VAL;
            SYNC();
            if (kwnames != NULL) vm_push_root(vm, OBJ_VAL(kwnames));
            bool ok = vm_push_call(vm, AS_FUNCTION(callee), args, (int)argc, kwnames, false, &generator);
            if (kwnames != NULL) vm_pop_roots(vm, 1);
            RELOAD();
            if (!ok) goto error;
            if (!IS_EMPTY(generator)) {
                sp = fiber->stack + args_offset - 1;
                PUSH(generator);
            }
            DISPATCH();
        }
        SYNC();
        if (kwnames != NULL) vm_push_root(vm, OBJ_VAL(kwnames));
        Value result = vm_call_native_like(vm, callee, (int)argc, args, kwnames);
        if (kwnames != NULL) vm_pop_roots(vm, 1);
        RELOAD();
        CHECK(result);
        sp = fiber->stack + args_offset - 1;
        PUSH(result);
        DISPATCH();
    }
    CASE(MAKE_FUNCTION) {
        unsigned flags = READ_U16();
        ObjCode *fcode = AS_CODE(POP());
        ObjTuple *closure = (flags & 8) ? AS_TUPLE(POP()) : NULL;
        ObjDict *kwdefaults = (flags & 2) ? AS_DICT(POP()) : NULL;
        ObjTuple *defaults = (flags & 1) ? AS_TUPLE(POP()) : NULL;
        ObjFunction *function = function_new(vm, fcode, frame->function->globals);
        function->closure = closure;
        function->kwdefaults = kwdefaults;
        function->defaults = defaults;
        PUSH(OBJ_VAL(function));
        DISPATCH();
    }
    CASE(RETURN_VALUE) {
        Value value = POP();
        Value *result_slot = slots - 1;
        if (__builtin_expect(frame->returns_self, 0)) {
            SYNC();
            value = init_result(vm, value, *result_slot);
            if (IS_EMPTY(value)) goto error;
            frame->returns_self = false;
        }
        bool boundary = frame->c_boundary;
        fiber->block_count = frame->block_base;
        fiber->frame_count--;
        vm->depth--;
        if (boundary) {
            fiber->stack_top = result_slot;
            *result = value;
            return EXEC_RETURN;
        }
        fiber->stack_top = result_slot;
        *fiber->stack_top++ = value;
        RELOAD();
        DISPATCH();
    }
    CASE(YIELD_VALUE) {
        Value value = POP();
        fiber->yielded_from = false;
        SYNC();
        *result = value;
        return EXEC_YIELD;
    }
    CASE(YIELD_FROM) {
        Value iter = PEEK(2);
        Value out;
        ResumeResult status;
        SYNC();
        if (!IS_EMPTY(fiber->pending_throw)) {
            Value exc = fiber->pending_throw;
            fiber->pending_throw = EMPTY_VAL;
            status = vm_delegate_throw(vm, iter, exc, &out);
        } else {
            status = vm_delegate_send(vm, iter, PEEK(1), &out);
        }
        RELOAD();
        if (status == RESUME_YIELD) {
            sp--;          /* [iter]; resuming pushes the sent value: [iter, sent] */
            ip--;          /* re-run YIELD_FROM on resume */
            fiber->yielded_from = true;
            if (fiber->owner != NULL) fiber->owner->delegate = iter;
            SYNC();
            *result = out;
            return EXEC_YIELD;
        }
        if (fiber->owner != NULL) fiber->owner->delegate = EMPTY_VAL;
        if (status == RESUME_ERROR) goto error;
        if (IS_OBJ(iter) && AS_OBJ(iter)->await_only) { /* nothing else can reach it: made again by its native */
            AS_OBJ(iter)->await_only = false;
            if (vm->spare_awaitable == NULL) vm->spare_awaitable = AS_OBJ(iter);
        }
        sp -= 2;
        PUSH(out);
        DISPATCH();
    }
    CASE(GET_YIELD_FROM_ITER) {
        Value v = PEEK(1);
        if (IS_GENERATOR(v)) {
            ObjGenerator *gen = AS_GENERATOR(v);
            if (gen->kind == GEN_KIND_COROUTINE && !(code->flags & (CODE_COROUTINE)) && !gen->via_await) {
                SYNC();
                vm_raise(vm, vm->types.TypeError,
                         "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            DISPATCH();
        }
        REPLACE_TOP(vm_iter(vm, v));
    }
    CASE(GET_AWAITABLE) {
        Value v = PEEK(1);
        if (IS_ITERATOR(v) && AS_ITERATOR(v)->type_name == vm->self_awaitable_name) DISPATCH(); /* sleep() */
        REPLACE_TOP(vm_get_awaitable(vm, v));
    }
    CASE(GET_AITER) { REPLACE_TOP(vm_get_aiter(vm, PEEK(1))); }
    CASE(GET_ANEXT) {
        SYNC();
        Value awaitable = vm_get_anext(vm, PEEK(1));
        RELOAD();
        CHECK(awaitable);
        PUSH(awaitable);
        DISPATCH();
    }
    CASE(END_ASYNC_FOR) {
        Value exc = PEEK(1);
        if (IS_EXCEPTION(exc) && class_is_subclass(AS_EXCEPTION(exc)->cls, vm->types.StopAsyncIteration)) {
            sp -= 2;
            DISPATCH();
        }
        vm->exception = exc;
        sp--;
        reraise = true;
        goto error_reraise;
    }
    CASE(SETUP_FINALLY) {
        uint32_t target = READ_JUMP();
        push_block(vm, fiber, code->code + target,
                   (int)(sp - (slots + code->nlocals + code->ncells + code->nfree)));
        DISPATCH();
    }
    CASE(POP_BLOCK) {
        fiber->block_count--;
        DISPATCH();
    }
    CASE(PUSH_EXC_INFO) {
        Value exc = PEEK(1);
        PEEK(1) = fiber->handled;
        PUSH(exc);
        fiber->handled = exc;
        DISPATCH();
    }
    CASE(POP_EXCEPT) {
        fiber->handled = POP();
        DISPATCH();
    }
    CASE(POP_EXCEPT_AND_RERAISE) {
        Value exc = POP();
        fiber->handled = POP();
        vm->exception = exc;
        reraise = true;
        goto error_reraise;
    }
    CASE(CHECK_EXC_MATCH) {
        bool ok;
        SYNC();
        bool match = exception_matches(vm, PEEK(2), PEEK(1), &ok);
        RELOAD();
        if (!ok) goto error;
        PEEK(1) = BOOL_VAL(match);
        DISPATCH();
    }
    CASE(RAISE_VARARGS) {
        unsigned n = READ_U16();
        SYNC();
        if (n == 0) {
            Value handled = vm_handled_exception(vm);
            if (IS_NONE(handled)) {
                vm_raise(vm, vm->types.RuntimeError, "No active exception to reraise");
                goto error;
            }
            vm->exception = handled;
            reraise = true;
            goto error_reraise;
        }
        Value cause = EMPTY_VAL;
        if (n == 2) {
            Value cause_value = PEEK(1);
            if (IS_NONE(cause_value)) cause = NONE_VAL;
            else {
                cause = make_exception(vm, cause_value);
                RELOAD();
                if (IS_EMPTY(cause)) {
                    if (vm_exception_matches(vm, vm->types.TypeError)) {
                        vm_take_exception(vm);
                        vm_raise(vm, vm->types.TypeError, "exception causes must derive from BaseException");
                    }
                    goto error;
                }
            }
        }
        Value exc = make_exception(vm, PEEK(n));
        RELOAD();
        CHECK(exc);
        if (n == 2) {
            AS_EXCEPTION(exc)->cause = cause;
            AS_EXCEPTION(exc)->suppress_context = true;
        }
        sp -= n;
        SYNC();
        vm_raise_value(vm, exc);
        goto error;
    }
    CASE(LOAD_ASSERTION_ERROR) {
        PUSH(OBJ_VAL(vm->types.AssertionError));
        DISPATCH();
    }
    CASE(BEFORE_WITH) {
        SYNC();
        bool ok = vm_before_with(vm, sp - 1, false);
        RELOAD();
        if (!ok) goto error;
        sp++;
        DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH) {
        SYNC();
        bool ok = vm_before_with(vm, sp - 1, true);
        RELOAD();
        if (!ok) goto error;
        sp++;
        DISPATCH();
    }
    CASE(WITH_EXCEPT_START) {
        Value exit = PEEK(3), exc = PEEK(1);
        Value args[3] = {OBJ_VAL(vm_type_of(vm, exc)), exc, NONE_VAL};
        SYNC();
        Value r = vm_call(vm, exit, 3, args);
        RELOAD();
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    CASE(IMPORT_NAME) {
        ObjStr *name = NAME(READ_U16());
        SYNC();
        Value module = vm_import(vm, name);
        RELOAD();
        CHECK(module);
        PUSH(module);
        DISPATCH();
    }
    CASE(IMPORT_FROM) {
        ObjStr *name = NAME(READ_U16());
        Value module = PEEK(1);
        SYNC();
        Value v = vm_getattr_opt(vm, module, name);
        RELOAD();
        if (IS_EMPTY(v)) {
            if (!IS_EMPTY(vm->exception)) goto error;
            SYNC();
            vm_raise(vm, vm->types.ImportError, "cannot import name '%s' from '%s' (unknown location)",
                     name->chars, IS_MODULE(module) ? AS_MODULE(module)->name->chars : "?");
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(IMPORT_STAR) {
        Value module = PEEK(1);
        if (IS_MODULE(module)) {
            Value key, value;
            ObjDict *source = AS_MODULE(module)->dict;
            for (int64_t position = 0; dict_next(source, &position, &key, &value);) {
                if (IS_STR(key) && AS_STR(key)->chars[0] != '_')
                    dict_set_str(vm, frame->function->globals, AS_STR(key), value);
            }
        }
        sp--;
        DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS) {
        Value build = dict_get_str(vm->builtins, str_intern_cstr(vm, "__build_class__"));
        if (IS_EMPTY(build)) {
            SYNC();
            vm_raise(vm, vm->types.NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(build);
        DISPATCH();
    }
    CASE(CHECK_EG_MATCH) {
        Value match, rest;
        SYNC();
        bool ok = exception_star_match(vm, PEEK(2), PEEK(1), &match, &rest);
        RELOAD();
        if (!ok) goto error;
        PEEK(2) = rest;
        PEEK(1) = match;
        if (!IS_NONE(match)) fiber->handled = match;
        DISPATCH();
    }
    CASE(PREP_RERAISE_STAR) {
        SYNC();
        Value result = exception_prep_reraise_star(vm, PEEK(2), AS_LIST(PEEK(1)));
        RELOAD();
        CHECK(result);
        sp--;
        PEEK(1) = result;
        DISPATCH();
    }
    CASE(PRINT_EXPR) {
        Value v = PEEK(1);
        if (!IS_NONE(v)) {
            SYNC();
            Value text = vm_repr(vm, v);
            RELOAD();
            CHECK(text);
            vm_write(vm, 1, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
            vm_write(vm, 1, "\n", 1);
            dict_set_str(vm, vm->builtins, str_intern_cstr(vm, "_"), v);
        }
        sp--;
        DISPATCH();
    }

#if !defined(__GNUC__)
    }
#endif

error:
    reraise = false;
error_reraise:
    /* vm->exception holds the exception; find a handler in this fiber, leaving
     * frames (and adding traceback lines) until one is found or the boundary
     * frame is left. */
    for (;;) {
        fiber = vm->fiber;
        frame = &fiber->frames[fiber->frame_count - 1];
        code = frame->function->code;
        if (!reraise && IS_EXCEPTION(vm->exception))
            exception_add_traceback(vm, AS_EXCEPTION(vm->exception), code, line_at(code, frame->ip));
        reraise = false;
        if (fiber->block_count > frame->block_base) {
            Block *block = &fiber->blocks[--fiber->block_count];
            Value *stack_base = frame->slots + code->nlocals + code->ncells + code->nfree;
            fiber->stack_top = stack_base + block->depth;
            *fiber->stack_top++ = vm->exception;
            vm->exception = EMPTY_VAL;
            frame->ip = block->target;
            RELOAD();
            DISPATCH();
        }
        bool boundary = frame->c_boundary;
        fiber->stack_top = frame->slots - 1;
        frame->returns_self = false;
        fiber->frame_count--;
        vm->depth--;
        if (boundary) return EXEC_ERROR;
    }

#undef SYNC
#undef RELOAD
#undef READ_BYTE
#undef READ_U16
#undef READ_JUMP
#undef PUSH
#undef POP
#undef PEEK
#undef NAME
#undef CHECK
#undef REPLACE_TOP
#undef DISPATCH
#undef CASE
}

/* Unpacks `seq` into dest[...] so that the first item ends on top of the stack:
 * dest[count-1] is the first item (as UNPACK_SEQUENCE leaves them). With
 * `starred`, the middle items are collected in a list. Returns -1 on error. */
static int unpack_into(VM *vm, Value seq, int64_t before, int64_t after, bool starred, Value *dest) {
    Value list_value = vm_list_for_unpack(vm, seq);
    if (IS_EMPTY(list_value)) return -1;
    ObjList *items = AS_LIST(list_value);
    int64_t n = items->count;
    if (!starred) {
        if (n != before) {
            if (n < before)
                vm_raise(vm, vm->types.ValueError, "not enough values to unpack (expected %lld, got %lld)",
                         (long long)before, (long long)n);
            else
                vm_raise(vm, vm->types.ValueError, "too many values to unpack (expected %lld)",
                         (long long)before);
            return -1;
        }
        for (int64_t i = 0; i < n; i++) dest[n - 1 - i] = items->items[i];
        return 0;
    }
    if (n < before + after) {
        vm_raise(vm, vm->types.ValueError, "not enough values to unpack (expected at least %lld, got %lld)",
                 (long long)(before + after), (long long)n);
        return -1;
    }
    int64_t total = before + after + 1;
    int64_t middle = n - before - after;
    /* dest[total-1] = first, ... dest[total-1-before] = the starred list, then the rest. */
    for (int64_t i = 0; i < before; i++) dest[total - 1 - i] = items->items[i];
    ObjList *rest = list_new(vm, middle);
    for (int64_t i = 0; i < middle; i++) rest->items[i] = items->items[before + i];
    rest->count = middle;
    dest[total - 1 - before] = OBJ_VAL(rest);
    for (int64_t i = 0; i < after; i++) dest[after - 1 - i] = items->items[before + middle + i];
    return 0;
}
