/* mod_collections.c — the `collections` module: deque here (namedtuple is in
 * mod_namedtuple.c, defaultdict and Counter in mod_dictlike.c). A deque shows
 * as CPython's (deque([1, 2], maxlen=3)); it is an instance whose dict holds
 * `maxlen` and, under mangled names, a list of its items and the index of the
 * first one: popleft moves that index and appendleft uses the room left before
 * it, so both are O(1) amortized. */
#include "mod_collections.h"

#include "mod_dictlike.h"
#include "mod_namedtuple.h"

#include "ast.h"
#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

typedef struct {
    ObjList *items; /* items[head .. count) are the deque's, left to right */
    int64_t head;
    int64_t maxlen; /* -1: unbounded */
} Deque;

static bool as_deque(VM *vm, Value v, Deque *out, const char *name) {
    if (IS_INSTANCE(v)) { /* a deque is known by its items (several VMs may each have the class) */
        ObjDict *dict = AS_INSTANCE(v)->dict;
        Value items = dict_get_str(dict, str_intern_cstr(vm, "_deque__items"));
        Value head = dict_get_str(dict, str_intern_cstr(vm, "_deque__head"));
        Value maxlen = dict_get_str(dict, str_intern_cstr(vm, "maxlen"));
        if (IS_LIST(items) && IS_INT(head)) {
            out->items = AS_LIST(items);
            out->head = AS_INT(head);
            out->maxlen = IS_INT(maxlen) ? AS_INT(maxlen) : -1;
            return true;
        }
    }
    if (name != NULL)
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' for 'collections.deque' objects doesn't apply to a '%s' object",
                 name, vm_type_name(vm, v));
    return false;
}

static void set_head(VM *vm, Value self, int64_t head) {
    dict_set_str(vm, AS_INSTANCE(self)->dict, str_intern_cstr(vm, "_deque__head"), INT_VAL(head));
}

static int64_t deque_length(const Deque *d) { return d->items->count - d->head; }
static Value *deque_at(const Deque *d, int64_t i) { return &d->items->items[d->head + i]; }

static Value pop_left(VM *vm, Value self, Deque *d) {
    Value item = *deque_at(d, 0);
    *deque_at(d, 0) = NONE_VAL;
    d->head++;
    if (d->head == d->items->count) d->items->count = 0, d->head = 0;
    else if (d->head > 32 && d->head * 2 > d->items->count) { /* give the room back */
        int64_t live = deque_length(d);
        memmove(d->items->items, deque_at(d, 0), sizeof(Value) * (size_t)live);
        d->items->count = live;
        d->head = 0;
    }
    set_head(vm, self, d->head);
    return item;
}

static Value pop_right(Deque *d) {
    Value item = d->items->items[--d->items->count];
    if (d->items->count == d->head) d->items->count = 0, d->head = 0;
    return item;
}

static void push_right(VM *vm, Value self, Deque *d, Value item) {
    if (d->maxlen == 0) return;
    list_append(vm, d->items, item);
    if (d->maxlen > 0 && deque_length(d) > d->maxlen) pop_left(vm, self, d);
}

static void push_left(VM *vm, Value self, Deque *d, Value item) {
    if (d->maxlen == 0) return;
    if (d->head == 0) { /* make room before the first item: as much as there are items */
        int64_t live = deque_length(d), room = live < 8 ? 8 : live;
        for (int64_t i = 0; i < room; i++) list_append(vm, d->items, NONE_VAL);
        memmove(d->items->items + room, d->items->items, sizeof(Value) * (size_t)live);
        for (int64_t i = 0; i < room; i++) d->items->items[i] = NONE_VAL;
        d->head = room;
    }
    d->items->items[--d->head] = item;
    if (d->maxlen > 0 && deque_length(d) > d->maxlen) pop_right(d);
    set_head(vm, self, d->head);
}

/* ------------------------------------------------------------------ making */

static bool maxlen_arg(VM *vm, Value v, int64_t *out) {
    if (IS_EMPTY(v) || IS_NONE(v)) {
        *out = -1;
        return true;
    }
    if (!builtins_is_integer(v)) {
        vm_raise(vm, vm->types.TypeError, "an integer is required");
        return false;
    }
    if (!int_as_int64(vm, v, out)) return false;
    if (*out < 0) {
        vm_raise(vm, vm->types.ValueError, "maxlen must be non-negative");
        return false;
    }
    return true;
}

static bool extend_right(VM *vm, Value self, Value iterable, bool to_left) {
    Value list = vm_list_from_iterable(vm, iterable); /* d.extend(d) sees the items from before */
    if (IS_EMPTY(list)) return false;
    vm_push_root(vm, list);
    Deque d;
    bool ok = as_deque(vm, self, &d, "extend");
    for (int64_t i = 0; ok && i < AS_LIST(list)->count; i++) {
        if (to_left) push_left(vm, self, &d, AS_LIST(list)->items[i]);
        else push_right(vm, self, &d, AS_LIST(list)->items[i]);
    }
    vm_pop_roots(vm, 1);
    return ok;
}

static Value make_deque(VM *vm, ObjClass *cls, int64_t maxlen) {
    ObjInstance *self = instance_new(vm, cls);
    vm_push_root(vm, OBJ_VAL(self));
    dict_set_str(vm, self->dict, str_intern_cstr(vm, "_deque__items"), OBJ_VAL(list_new(vm, 0)));
    dict_set_str(vm, self->dict, str_intern_cstr(vm, "_deque__head"), INT_VAL(0));
    dict_set_str(vm, self->dict, str_intern_cstr(vm, "maxlen"), maxlen < 0 ? NONE_VAL : INT_VAL(maxlen));
    vm_pop_roots(vm, 1);
    return OBJ_VAL(self);
}

/* deque(iterable=(), maxlen=None) */
static Value deque_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"iterable", "maxlen"};
    Value given[2];
    if (!vm_parse_args(vm, "deque", argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    int64_t maxlen;
    if (!maxlen_arg(vm, given[1], &maxlen)) return EMPTY_VAL;
    Value self = make_deque(vm, AS_CLASS(args[0]), maxlen);
    if (IS_EMPTY(given[0])) return self;
    vm_push_root(vm, self);
    bool ok = extend_right(vm, self, given[0], false);
    vm_pop_roots(vm, 1);
    return ok ? self : EMPTY_VAL;
}

/* ----------------------------------------------------------------- methods */

#define DEQUE_METHOD(cname, pyname, min, max, ...)                                         \
    static Value cname(VM *vm, int argc, Value *args, ObjTuple *kwnames) {                  \
        Deque d;                                                                            \
        if (!as_deque(vm, argc > 0 ? args[0] : NONE_VAL, &d, pyname)) return EMPTY_VAL;    \
        if (!vm_check_args(vm, pyname, argc - 1, kwnames, min, max)) return EMPTY_VAL;      \
        Value self = args[0];                                                               \
        UNUSED(self);                                                                       \
        __VA_ARGS__                                                                         \
    }

DEQUE_METHOD(m_append, "append", 1, 1, {
    push_right(vm, self, &d, args[1]);
    return NONE_VAL;
})

DEQUE_METHOD(m_appendleft, "appendleft", 1, 1, {
    push_left(vm, self, &d, args[1]);
    return NONE_VAL;
})

DEQUE_METHOD(m_pop, "pop", 0, 0, {
    if (deque_length(&d) == 0) return vm_raise(vm, vm->types.IndexError, "pop from an empty deque");
    Value item = pop_right(&d);
    set_head(vm, self, d.head);
    return item;
})

DEQUE_METHOD(m_popleft, "popleft", 0, 0, {
    if (deque_length(&d) == 0) return vm_raise(vm, vm->types.IndexError, "pop from an empty deque");
    return pop_left(vm, self, &d);
})

DEQUE_METHOD(m_extend, "extend", 1, 1, { return extend_right(vm, self, args[1], false) ? NONE_VAL : EMPTY_VAL; })

DEQUE_METHOD(m_extendleft, "extendleft", 1, 1, { return extend_right(vm, self, args[1], true) ? NONE_VAL : EMPTY_VAL; })

DEQUE_METHOD(m_clear, "clear", 0, 0, {
    d.items->count = 0;
    set_head(vm, self, 0);
    return NONE_VAL;
})

/* rotate(n): n steps to the right (negative: to the left). */
DEQUE_METHOD(m_rotate, "rotate", 0, 1, {
    int64_t n = 1, length = deque_length(&d);
    if (argc > 1 && !arg_int64(vm, args[1], &n)) return EMPTY_VAL;
    if (length <= 1) return NONE_VAL;
    n %= length;
    if (n < 0) n += length;
    if (n == 0) return NONE_VAL;
    Value *copy = malloc(sizeof(Value) * (size_t)length);
    if (copy == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
    for (int64_t i = 0; i < length; i++) copy[(i + n) % length] = *deque_at(&d, i);
    memcpy(deque_at(&d, 0), copy, sizeof(Value) * (size_t)length);
    free(copy);
    return NONE_VAL;
})

DEQUE_METHOD(m_reverse, "reverse", 0, 0, {
    for (int64_t i = 0, j = deque_length(&d) - 1; i < j; i++, j--) {
        Value swap = *deque_at(&d, i);
        *deque_at(&d, i) = *deque_at(&d, j);
        *deque_at(&d, j) = swap;
    }
    return NONE_VAL;
})

DEQUE_METHOD(m_count, "count", 1, 1, {
    int64_t found = 0;
    for (int64_t i = 0; as_deque(vm, self, &d, NULL) && i < deque_length(&d); i++) {
        int equal = vm_equal(vm, *deque_at(&d, i), args[1]);
        if (equal < 0) return EMPTY_VAL;
        found += equal;
    }
    return INT_VAL(found);
})

/* The index of the first item equal to x in [start, stop), or -1 (-2 on exception). */
static int64_t find_item(VM *vm, Value self, Value x, int64_t start, int64_t stop) {
    Deque d;
    for (int64_t i = start; as_deque(vm, self, &d, NULL) && i < stop && i < deque_length(&d); i++) {
        int equal = vm_equal(vm, *deque_at(&d, i), x);
        if (equal < 0) return -2;
        if (equal) return i;
    }
    return -1;
}

DEQUE_METHOD(m_index, "index", 1, 3, {
    int64_t length = deque_length(&d), start = 0, stop = length;
    if (argc > 2 && !arg_int64(vm, args[2], &start)) return EMPTY_VAL;
    if (argc > 3 && !arg_int64(vm, args[3], &stop)) return EMPTY_VAL;
    if (start < 0) start = start + length < 0 ? 0 : start + length;
    if (stop < 0) stop = stop + length < 0 ? 0 : stop + length;
    int64_t at = find_item(vm, self, args[1], start, stop);
    if (at == -2) return EMPTY_VAL;
    if (at >= 0) return INT_VAL(at);
    Value text = vm_repr(vm, args[1]);
    if (IS_EMPTY(text)) return EMPTY_VAL;
    return vm_raise(vm, vm->types.ValueError, "%s is not in deque", AS_STR(text)->chars);
})

DEQUE_METHOD(m_remove, "remove", 1, 1, {
    int64_t at = find_item(vm, self, args[1], 0, INT64_MAX);
    if (at == -2) return EMPTY_VAL;
    if (at < 0) {
        Value text = vm_repr(vm, args[1]);
        if (IS_EMPTY(text)) return EMPTY_VAL;
        return vm_raise(vm, vm->types.ValueError, "%s is not in deque", AS_STR(text)->chars);
    }
    as_deque(vm, self, &d, NULL);
    memmove(deque_at(&d, at), deque_at(&d, at + 1), sizeof(Value) * (size_t)(deque_length(&d) - at - 1));
    d.items->count--;
    if (d.items->count == d.head) d.items->count = 0, set_head(vm, self, 0);
    return NONE_VAL;
})

DEQUE_METHOD(m_copy, "copy", 0, 0, {
    Value copy = make_deque(vm, AS_INSTANCE(self)->cls, d.maxlen);
    vm_push_root(vm, copy);
    Deque c;
    as_deque(vm, copy, &c, NULL);
    for (int64_t i = 0; i < deque_length(&d); i++) list_append(vm, c.items, *deque_at(&d, i));
    vm_pop_roots(vm, 1);
    return copy;
})

DEQUE_METHOD(m_len, "__len__", 0, 0, { return INT_VAL(deque_length(&d)); })

DEQUE_METHOD(m_bool, "__bool__", 0, 0, { return BOOL_VAL(deque_length(&d) > 0); })

/* Iterates over a snapshot of the items. */
DEQUE_METHOD(m_iter, "__iter__", 0, 0, {
    return tuple_iter_new(vm, tuple_from_values(vm, deque_length(&d), deque_at(&d, 0)));
})

DEQUE_METHOD(m_reversed, "__reversed__", 0, 0, {
    ObjList *items = list_new(vm, deque_length(&d));
    for (int64_t i = deque_length(&d) - 1; i >= 0; i--) list_append(vm, items, *deque_at(&d, i));
    vm_push_root(vm, OBJ_VAL(items));
    Value it = list_iter_new(vm, items);
    vm_pop_roots(vm, 1);
    return it;
})

static bool deque_index(VM *vm, const Deque *d, Value index, int64_t *out) {
    return seq_resolve_index(vm, index, deque_length(d), "deque", out);
}

DEQUE_METHOD(m_getitem, "__getitem__", 1, 1, {
    if (IS_SLICE(args[1])) return vm_raise(vm, vm->types.TypeError, "sequence index must be integer, not 'slice'");
    int64_t i;
    if (!deque_index(vm, &d, args[1], &i)) return EMPTY_VAL;
    return *deque_at(&d, i);
})

DEQUE_METHOD(m_setitem, "__setitem__", 2, 2, {
    int64_t i;
    if (!deque_index(vm, &d, args[1], &i)) return EMPTY_VAL;
    *deque_at(&d, i) = args[2];
    return NONE_VAL;
})

DEQUE_METHOD(m_contains, "__contains__", 1, 1, {
    int64_t at = find_item(vm, self, args[1], 0, INT64_MAX);
    return at == -2 ? EMPTY_VAL : BOOL_VAL(at >= 0);
})

DEQUE_METHOD(m_eq, "__eq__", 1, 1, {
    Deque other;
    if (!as_deque(vm, args[1], &other, NULL)) return vm->not_implemented;
    int result = seq_compare(vm, deque_at(&d, 0), deque_length(&d), deque_at(&other, 0), deque_length(&other), CMP_EQ);
    return result < 0 ? EMPTY_VAL : BOOL_VAL(result);
})

DEQUE_METHOD(m_ne, "__ne__", 1, 1, {
    Deque other;
    if (!as_deque(vm, args[1], &other, NULL)) return vm->not_implemented;
    int result = seq_compare(vm, deque_at(&d, 0), deque_length(&d), deque_at(&other, 0), deque_length(&other), CMP_NE);
    return result < 0 ? EMPTY_VAL : BOOL_VAL(result);
})

/* deque([1, 2]) or deque([1, 2], maxlen=3) */
DEQUE_METHOD(m_repr, "__repr__", 0, 0, {
    int entered = repr_enter(vm, AS_OBJ(self));
    if (entered <= 0) return entered == 0 ? OBJ_VAL(str_intern_cstr(vm, "[...]")) : EMPTY_VAL;
    ObjList *snapshot = list_new(vm, deque_length(&d));
    for (int64_t i = 0; i < deque_length(&d); i++) list_append(vm, snapshot, *deque_at(&d, i));
    vm_push_root(vm, OBJ_VAL(snapshot));
    Value items = list_repr(vm, snapshot);
    vm_pop_roots(vm, 1);
    repr_leave(AS_OBJ(self));
    if (IS_EMPTY(items)) return EMPTY_VAL;
    if (d.maxlen < 0) return OBJ_VAL(str_printf(vm, "deque(%s)", AS_STR(items)->chars));
    return OBJ_VAL(str_printf(vm, "deque(%s, maxlen=%lld)", AS_STR(items)->chars, (long long)d.maxlen));
})

void collections_module_init(VM *vm, ObjModule *module) {
    ObjClass *deque_class = class_new(vm, str_intern_cstr(vm, "deque"), vm->types.object, OBJ_INSTANCE);
    deque_class->is_builtin = false; /* so that the special methods below are used */
    deque_class->construct = deque_construct;
    dict_set_str(vm, deque_class->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "collections")));
    dict_set_str(vm, module->dict, deque_class->name, OBJ_VAL(deque_class));
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"append", m_append},       {"appendleft", m_appendleft}, {"pop", m_pop},
        {"popleft", m_popleft},     {"extend", m_extend},         {"extendleft", m_extendleft},
        {"clear", m_clear},         {"rotate", m_rotate},         {"reverse", m_reverse},
        {"count", m_count},         {"index", m_index},           {"remove", m_remove},
        {"copy", m_copy},           {"__len__", m_len},           {"__bool__", m_bool},
        {"__iter__", m_iter},       {"__reversed__", m_reversed}, {"__getitem__", m_getitem},
        {"__setitem__", m_setitem}, {"__contains__", m_contains}, {"__eq__", m_eq},
        {"__ne__", m_ne},           {"__repr__", m_repr},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, deque_class->dict, methods[i].name, methods[i].fn, deque_class);
    namedtuple_define(vm, module);
    dictlike_define(vm, module);
}
