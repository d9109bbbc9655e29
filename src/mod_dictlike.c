/* mod_dictlike.c — collections.defaultdict and collections.Counter. handoff's
 * classes cannot derive from dict, so each is an instance keeping its items in
 * a dict under a mangled name; the special methods and dict's methods (keys,
 * items, get, ...) are natives that act on that dict, and reprs, missing keys
 * and Counter's counting and arithmetic follow CPython's collections. */
#include "mod_dictlike.h"

#include "ast.h"
#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

static ObjStr *data_name(VM *vm) { return str_intern_cstr(vm, "_dictlike__data"); }

/* A Counter's class says so in its dict (several VMs may each have the classes). */
static bool is_counter(VM *vm, Value v) {
    return IS_INSTANCE(v) && !IS_EMPTY(dict_get_str(AS_INSTANCE(v)->cls->dict, str_intern_cstr(vm, "_count_of")));
}

/* The dict behind a defaultdict or Counter, or NULL. */
static ObjDict *data_of(VM *vm, Value v) {
    if (!IS_INSTANCE(v)) return NULL;
    Value data = dict_get_str(AS_INSTANCE(v)->dict, data_name(vm));
    return IS_DICT(data) ? AS_DICT(data) : NULL;
}

static ObjDict *self_data(VM *vm, int argc, Value *args, const char *name) {
    ObjDict *data = argc > 0 ? data_of(vm, args[0]) : NULL;
    if (data == NULL) vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a defaultdict or Counter", name);
    return data;
}

static Value make_instance(VM *vm, ObjClass *cls, ObjDict *data) {
    ObjInstance *self = instance_new(vm, cls);
    vm_push_root(vm, OBJ_VAL(self));
    dict_set_str(vm, self->dict, data_name(vm), OBJ_VAL(data != NULL ? data : dict_new(vm)));
    vm_pop_roots(vm, 1);
    return OBJ_VAL(self);
}

/* A mapping argument's dict: a dict, or a defaultdict's or Counter's. */
static ObjDict *mapping_of(VM *vm, Value v) { return IS_DICT(v) ? AS_DICT(v) : data_of(vm, v); }

/* ------------------------------------------- dict's methods, on the data */

/* Calls dict's own method `name` with the data in place of self. */
static Value forward(VM *vm, const char *name, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, name);
    if (data == NULL) return EMPTY_VAL;
    Value method = dict_get_str(vm->types.dict->dict, str_intern_cstr(vm, name));
    Value saved = args[0];
    vm_push_root(vm, saved); /* the caller's slot holds the data during the call */
    args[0] = OBJ_VAL(data);
    Value result = vm_call_kw(vm, method, argc, args, kwnames);
    args[0] = saved;
    vm_pop_roots(vm, 1);
    return result;
}

#define FORWARD(cname, name) \
    static Value cname(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return forward(vm, name, argc, args, kwnames); }
FORWARD(f_keys, "keys")
FORWARD(f_values, "values")
FORWARD(f_items, "items")
FORWARD(f_get, "get")
FORWARD(f_pop, "pop")
FORWARD(f_popitem, "popitem")
FORWARD(f_setdefault, "setdefault")
FORWARD(f_clear, "clear")

static Value m_len(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__len__");
    if (data == NULL || !vm_check_args(vm, "__len__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    return INT_VAL(data->count);
}

static Value m_iter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__iter__");
    if (data == NULL || !vm_check_args(vm, "__iter__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    return dict_iter_new(vm, data, DICT_KEYS);
}

static Value m_contains(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__contains__");
    if (data == NULL || !vm_check_args(vm, "__contains__", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    Value ignored;
    int found = dict_get(vm, data, args[1], &ignored);
    return found < 0 ? EMPTY_VAL : BOOL_VAL(found);
}

static Value m_setitem(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__setitem__");
    if (data == NULL || !vm_check_args(vm, "__setitem__", argc - 1, kwnames, 2, 2)) return EMPTY_VAL;
    return dict_set(vm, data, args[1], args[2]) ? NONE_VAL : EMPTY_VAL;
}

static Value m_delitem(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__delitem__");
    if (data == NULL || !vm_check_args(vm, "__delitem__", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    int status = dict_delete(vm, data, args[1]);
    if (status < 0) return EMPTY_VAL;
    if (status == 0 && !is_counter(vm, args[0])) { /* a Counter ignores a missing key */
        dict_raise_key_error(vm, args[1]);
        return EMPTY_VAL;
    }
    return NONE_VAL;
}

/* Equal to a dict, a defaultdict or a Counter with the same items. */
static Value m_eq(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__eq__");
    if (data == NULL || !vm_check_args(vm, "__eq__", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    ObjDict *other = mapping_of(vm, args[1]);
    if (other == NULL) return vm->not_implemented;
    int equal = dict_equal(vm, data, other);
    return equal < 0 ? EMPTY_VAL : BOOL_VAL(equal);
}

static Value m_ne(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    Value equal = m_eq(vm, argc, args, kwnames);
    return IS_BOOL(equal) ? BOOL_VAL(!AS_BOOL(equal)) : equal;
}

/* ------------------------------------------------------------- defaultdict */

/* defaultdict(default_factory=None, /, *args, **kwargs): the rest as dict(). */
static Value defaultdict_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int nkw = vm_kwcount(kwnames), npos = argc - 1 - nkw;
    Value factory = npos > 0 ? args[1] : NONE_VAL;
    if (!IS_NONE(factory) && !IS_FUNCTION(factory) && !IS_NATIVE(factory) && !IS_CLASS(factory) &&
        !IS_BOUND_METHOD(factory) && !(IS_INSTANCE(factory) && !IS_EMPTY(class_lookup(AS_INSTANCE(factory)->cls, vm->s_call))))
        return vm_raise(vm, vm->types.TypeError, "first argument must be callable or None");
    if (npos > 2) return vm_raise(vm, vm->types.TypeError, "dict expected at most 1 argument, got %d", npos - 1);
    Value self = make_instance(vm, AS_CLASS(args[0]), NULL);
    vm_push_root(vm, self);
    vm_define_value(vm, AS_INSTANCE(self)->dict, "default_factory", factory);
    ObjDict *data = data_of(vm, self);
    bool ok = npos < 2 || dict_update(vm, data, args[2]);
    for (int k = 0; ok && k < nkw; k++) ok = dict_set(vm, data, kwnames->items[k], args[1 + npos + k]);
    vm_pop_roots(vm, 1);
    return ok ? self : EMPTY_VAL;
}

/* d[key]: a missing key gets default_factory() (KeyError when it is None). */
static Value defaultdict_getitem(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__getitem__");
    if (data == NULL || !vm_check_args(vm, "__getitem__", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    Value found;
    int status = dict_get(vm, data, args[1], &found);
    if (status != 0) return status > 0 ? found : EMPTY_VAL;
    Value factory = dict_get_str(AS_INSTANCE(args[0])->dict, str_intern_cstr(vm, "default_factory"));
    if (IS_EMPTY(factory) || IS_NONE(factory)) {
        dict_raise_key_error(vm, args[1]);
        return EMPTY_VAL;
    }
    Value value = vm_call(vm, factory, 0, NULL);
    if (IS_EMPTY(value)) return EMPTY_VAL;
    vm_push_root(vm, value);
    bool ok = dict_set(vm, data, args[1], value);
    vm_pop_roots(vm, 1);
    return ok ? value : EMPTY_VAL;
}

/* defaultdict(<class 'list'>, {'a': [1]}) */
static Value defaultdict_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__repr__");
    if (data == NULL || !vm_check_args(vm, "__repr__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    Value factory = dict_get_str(AS_INSTANCE(args[0])->dict, str_intern_cstr(vm, "default_factory"));
    Value factory_text = vm_repr(vm, IS_EMPTY(factory) ? NONE_VAL : factory);
    if (IS_EMPTY(factory_text)) return EMPTY_VAL;
    vm_push_root(vm, factory_text);
    Value items = dict_repr(vm, data);
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(items)) return EMPTY_VAL;
    return OBJ_VAL(str_printf(vm, "defaultdict(%s, %s)", AS_STR(factory_text)->chars, AS_STR(items)->chars));
}

static Value defaultdict_copy(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "copy");
    if (data == NULL || !vm_check_args(vm, "copy", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    Value copy = make_instance(vm, AS_INSTANCE(args[0])->cls, dict_copy(vm, data));
    vm_push_root(vm, copy);
    Value factory = dict_get_str(AS_INSTANCE(args[0])->dict, str_intern_cstr(vm, "default_factory"));
    vm_define_value(vm, AS_INSTANCE(copy)->dict, "default_factory", IS_EMPTY(factory) ? NONE_VAL : factory);
    vm_pop_roots(vm, 1);
    return copy;
}

/* ----------------------------------------------------------------- Counter */

/* counts[key] += amount (or -=), with counts missing as 0. */
static bool add_count(VM *vm, ObjDict *counts, Value key, Value amount, bool subtract) {
    Value current;
    int status = dict_get(vm, counts, key, &current);
    if (status < 0) return false;
    if (status == 0) current = INT_VAL(0);
    Value sum = vm_binary_op(vm, subtract ? OPR_SUB : OPR_ADD, current, amount);
    return !IS_EMPTY(sum) && dict_set(vm, counts, key, sum);
}

/* update()/subtract(): a mapping adds its counts, an iterable counts its items. */
static bool count_from(VM *vm, ObjDict *counts, Value source, bool subtract) {
    ObjDict *mapping = mapping_of(vm, source);
    if (mapping != NULL) {
        if (!subtract && counts->count == 0 && IS_DICT(source)) return dict_update(vm, counts, source);
        vm_push_root(vm, OBJ_VAL(mapping));
        Value key, value;
        bool ok = true;
        for (int64_t i = 0; ok && dict_next(mapping, &i, &key, &value);) ok = add_count(vm, counts, key, value, subtract);
        vm_pop_roots(vm, 1);
        return ok;
    }
    Value it = vm_iter(vm, source);
    if (IS_EMPTY(it)) return false;
    vm_push_root(vm, it);
    Value item;
    int status;
    bool ok = true;
    while (ok && (status = vm_next(vm, it, &item)) > 0) {
        vm_push_root(vm, item);
        ok = add_count(vm, counts, item, INT_VAL(1), subtract);
        vm_pop_roots(vm, 1);
    }
    vm_pop_roots(vm, 1);
    return ok && status == 0;
}

static bool counter_fill(VM *vm, ObjDict *counts, int argc, Value *args, ObjTuple *kwnames, const char *name,
                         bool subtract) {
    int nkw = vm_kwcount(kwnames), npos = argc - nkw;
    if (npos > 1) {
        vm_raise(vm, vm->types.TypeError, "expected at most 1 argument, got %d", npos);
        return false;
    }
    UNUSED(name);
    if (npos == 1 && !IS_NONE(args[0]) && !count_from(vm, counts, args[0], subtract)) return false;
    for (int k = 0; k < nkw; k++)
        if (!add_count(vm, counts, kwnames->items[k], args[npos + k], subtract)) return false;
    return true;
}

static Value counter_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    Value self = make_instance(vm, AS_CLASS(args[0]), NULL);
    vm_push_root(vm, self);
    bool ok = counter_fill(vm, data_of(vm, self), argc - 1, args + 1, kwnames, "Counter", false);
    vm_pop_roots(vm, 1);
    return ok ? self : EMPTY_VAL;
}

static Value counter_update(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "update");
    if (data == NULL || !counter_fill(vm, data, argc - 1, args + 1, kwnames, "update", false)) return EMPTY_VAL;
    return NONE_VAL;
}

static Value counter_subtract(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "subtract");
    if (data == NULL || !counter_fill(vm, data, argc - 1, args + 1, kwnames, "subtract", true)) return EMPTY_VAL;
    return NONE_VAL;
}

/* c[key]: 0 for a missing key (not stored). */
static Value counter_getitem(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__getitem__");
    if (data == NULL || !vm_check_args(vm, "__getitem__", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    Value found;
    int status = dict_get(vm, data, args[1], &found);
    if (status < 0) return EMPTY_VAL;
    return status > 0 ? found : INT_VAL(0);
}

/* The (item, count) pairs from the most common down; equal counts keep insertion order. */
static Value sorted_items(VM *vm, ObjClass *cls, ObjDict *data) {
    ObjList *pairs = list_new(vm, data->count);
    vm_push_root(vm, OBJ_VAL(pairs));
    Value key, value;
    for (int64_t i = 0; dict_next(data, &i, &key, &value);) {
        Value pair[2] = {key, value};
        list_append(vm, pairs, OBJ_VAL(tuple_from_values(vm, 2, pair)));
    }
    Value by_count = dict_get_str(cls->dict, str_intern_cstr(vm, "_count_of"));
    bool ok = list_sort(vm, pairs, by_count, true);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(pairs) : EMPTY_VAL;
}

static Value counter_count_of(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "_count_of", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return IS_TUPLE(args[0]) && AS_TUPLE(args[0])->count == 2 ? AS_TUPLE(args[0])->items[1] : NONE_VAL;
}

static Value counter_most_common(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "most_common");
    if (data == NULL || !vm_check_args(vm, "most_common", argc - 1, kwnames, 0, 1)) return EMPTY_VAL;
    Value pairs = sorted_items(vm, AS_INSTANCE(args[0])->cls, data);
    if (IS_EMPTY(pairs) || argc < 2 || IS_NONE(args[1])) return pairs;
    int64_t n;
    if (!arg_int64(vm, args[1], &n)) return EMPTY_VAL;
    if (n < 0) n = 0;
    if (n < AS_LIST(pairs)->count) AS_LIST(pairs)->count = n;
    return pairs;
}

static Value counter_total(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "total");
    if (data == NULL || !vm_check_args(vm, "total", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    Value total = INT_VAL(0), key, value;
    vm_push_root(vm, total);
    for (int64_t i = 0; dict_next(data, &i, &key, &value);) {
        total = vm_binary_op(vm, OPR_ADD, total, value);
        if (IS_EMPTY(total)) break;
        vm->temp_roots[vm->temp_root_count - 1] = total;
    }
    vm_pop_roots(vm, 1);
    return total;
}

/* elements(): each item repeated as often as its count, in insertion order. */
static Value counter_elements(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "elements");
    if (data == NULL || !vm_check_args(vm, "elements", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    ObjList *items = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(items));
    Value key, value;
    for (int64_t i = 0; dict_next(data, &i, &key, &value);) {
        int64_t count = IS_INT(value) ? AS_INT(value) : IS_BOOL(value) ? AS_BOOL(value) : 0;
        for (int64_t c = 0; c < count; c++) list_append(vm, items, key);
    }
    Value it = list_iter_new(vm, items);
    vm_pop_roots(vm, 1);
    return it;
}

/* Counter({'a': 2, 'b': 1}), most common first; Counter() when empty. */
static Value counter_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "__repr__");
    if (data == NULL || !vm_check_args(vm, "__repr__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    const char *name = AS_INSTANCE(args[0])->cls->name->chars;
    if (data->count == 0) return OBJ_VAL(str_printf(vm, "%s()", name));
    Value pairs = sorted_items(vm, AS_INSTANCE(args[0])->cls, data);
    if (IS_EMPTY(pairs)) return EMPTY_VAL;
    vm_push_root(vm, pairs);
    ObjDict *ordered = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(ordered));
    bool ok = true;
    for (int64_t i = 0; ok && i < AS_LIST(pairs)->count; i++) {
        ObjTuple *pair = AS_TUPLE(AS_LIST(pairs)->items[i]);
        ok = dict_set(vm, ordered, pair->items[0], pair->items[1]);
    }
    Value text = ok ? dict_repr(vm, ordered) : EMPTY_VAL;
    vm_pop_roots(vm, 2);
    if (IS_EMPTY(text)) return EMPTY_VAL;
    return OBJ_VAL(str_printf(vm, "%s(%s)", name, AS_STR(text)->chars));
}

/* a + b, a - b, a | b, a & b as CPython's Counter: only positive counts are kept. */
typedef enum { COUNT_ADD, COUNT_SUB, COUNT_OR, COUNT_AND } CountOp;

static int count_in(VM *vm, ObjDict *counts, Value key, Value *out) {
    int status = dict_get(vm, counts, key, out);
    if (status == 0) *out = INT_VAL(0);
    return status;
}

static int positive(VM *vm, Value v) {
    Value test = vm_compare(vm, CMP_GT, v, INT_VAL(0));
    return IS_EMPTY(test) ? -1 : vm_truthy(vm, test);
}

static bool combine_own(VM *vm, ObjDict *a, ObjDict *b, ObjDict *result, CountOp op) {
    Value key, count;
    for (int64_t i = 0; dict_next(a, &i, &key, &count);) {
        Value other, value;
        if (count_in(vm, b, key, &other) < 0) return false;
        if (op == COUNT_ADD || op == COUNT_SUB) {
            value = vm_binary_op(vm, op == COUNT_ADD ? OPR_ADD : OPR_SUB, count, other);
        } else {
            int less = vm_compare_bool(vm, CMP_LT, count, other);
            if (less < 0) return false;
            value = (op == COUNT_OR) == (bool)less ? other : count;
        }
        if (IS_EMPTY(value)) return false;
        vm_push_root(vm, value);
        int keep = positive(vm, value);
        bool ok = keep >= 0 && (!keep || dict_set(vm, result, key, value));
        vm_pop_roots(vm, 1);
        if (!ok) return false;
    }
    return true;
}

static bool combine_other(VM *vm, ObjDict *a, ObjDict *b, ObjDict *result, CountOp op) {
    if (op == COUNT_AND) return true;
    Value key, count;
    for (int64_t i = 0; dict_next(b, &i, &key, &count);) {
        Value ignored;
        int in_a = dict_get(vm, a, key, &ignored);
        if (in_a < 0) return false;
        if (in_a) continue;
        Value value = op == COUNT_SUB ? vm_binary_op(vm, OPR_SUB, INT_VAL(0), count) : count;
        if (IS_EMPTY(value)) return false;
        vm_push_root(vm, value);
        int keep = positive(vm, value);
        bool ok = keep >= 0 && (!keep || dict_set(vm, result, key, value));
        vm_pop_roots(vm, 1);
        if (!ok) return false;
    }
    return true;
}

static Value counter_binary(VM *vm, int argc, Value *args, const char *name, CountOp op) {
    ObjDict *a = self_data(vm, argc, args, name);
    if (a == NULL) return EMPTY_VAL;
    if (argc != 2) return vm_raise(vm, vm->types.TypeError, "expected 1 argument, got %d", argc - 1);
    if (!is_counter(vm, args[0]) || !is_counter(vm, args[1])) return vm->not_implemented;
    ObjDict *b = data_of(vm, args[1]);
    Value result = make_instance(vm, AS_INSTANCE(args[0])->cls, NULL);
    vm_push_root(vm, result);
    ObjDict *out = data_of(vm, result);
    bool ok = combine_own(vm, a, b, out, op) && combine_other(vm, a, b, out, op);
    vm_pop_roots(vm, 1);
    return ok ? result : EMPTY_VAL;
}

#define COUNTER_OP(cname, spelling, op) \
    static Value cname(VM *vm, int argc, Value *args, ObjTuple *kwnames) { UNUSED(kwnames); return counter_binary(vm, argc, args, spelling, op); }
COUNTER_OP(counter_add, "__add__", COUNT_ADD)
COUNTER_OP(counter_sub, "__sub__", COUNT_SUB)
COUNTER_OP(counter_or, "__or__", COUNT_OR)
COUNTER_OP(counter_and, "__and__", COUNT_AND)

static Value counter_copy(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjDict *data = self_data(vm, argc, args, "copy");
    if (data == NULL || !vm_check_args(vm, "copy", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    return make_instance(vm, AS_INSTANCE(args[0])->cls, dict_copy(vm, data));
}

/* ------------------------------------------------------------------ classes */

typedef struct {
    const char *name;
    NativeFn fn;
} Method;

static const Method SHARED[] = {
    {"keys", f_keys},         {"values", f_values},     {"items", f_items},       {"get", f_get},
    {"pop", f_pop},           {"popitem", f_popitem},   {"setdefault", f_setdefault}, {"clear", f_clear},
    {"__len__", m_len},       {"__iter__", m_iter},     {"__contains__", m_contains}, {"__setitem__", m_setitem},
    {"__delitem__", m_delitem}, {"__eq__", m_eq},       {"__ne__", m_ne},
};

static ObjClass *dictlike_class(VM *vm, ObjModule *module, const char *name, NativeFn construct,
                                const Method *own, size_t own_count) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, name), vm->types.object, OBJ_INSTANCE);
    cls->is_builtin = false; /* so that the special methods below are used */
    cls->construct = construct;
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "collections")));
    dict_set_str(vm, module->dict, cls->name, OBJ_VAL(cls));
    for (size_t i = 0; i < sizeof SHARED / sizeof SHARED[0]; i++)
        vm_define_native(vm, cls->dict, SHARED[i].name, SHARED[i].fn, cls);
    for (size_t i = 0; i < own_count; i++) vm_define_native(vm, cls->dict, own[i].name, own[i].fn, cls);
    return cls;
}

void dictlike_define(VM *vm, ObjModule *module) {
    static const Method defaultdict_methods[] = {
        {"__getitem__", defaultdict_getitem}, {"__repr__", defaultdict_repr}, {"copy", defaultdict_copy},
    };
    static const Method counter_methods[] = {
        {"__getitem__", counter_getitem}, {"__repr__", counter_repr},   {"update", counter_update},
        {"subtract", counter_subtract},   {"most_common", counter_most_common}, {"total", counter_total},
        {"elements", counter_elements},   {"__add__", counter_add},     {"__sub__", counter_sub},
        {"__or__", counter_or},           {"__and__", counter_and},     {"copy", counter_copy},
    };
    dictlike_class(vm, module, "defaultdict", defaultdict_construct, defaultdict_methods,
                                       sizeof defaultdict_methods / sizeof defaultdict_methods[0]);
    ObjClass *counter_class = dictlike_class(vm, module, "Counter", counter_construct, counter_methods,
                                             sizeof counter_methods / sizeof counter_methods[0]);
    vm_define_native(vm, counter_class->dict, "_count_of", counter_count_of, NULL);
}
