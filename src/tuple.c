/* tuple.c — handoff's tuple, and the sequence helpers tuple and list share:
 * index resolution, lexicographic comparison, `in`, and the argument checks
 * that word method-call errors as CPython does. */
#include "containers.h"

/* ----------------------------------------------------- shared sequence helpers */

bool seq_resolve_index(VM *vm, Value index, int64_t length, const char *what, int64_t *out) {
    int64_t i;
    if (IS_INT(index)) {
        i = AS_INT(index);
    } else if (IS_BOOL(index)) {
        i = AS_BOOL(index) ? 1 : 0;
    } else if (IS_BIGINT(index)) {
        vm_raise(vm, vm->types.IndexError, "cannot fit 'int' into an index-sized integer");
        return false;
    } else {
        vm_raise(vm, vm->types.TypeError, "%s indices must be integers or slices, not %s", what,
                 vm_type_name(vm, index));
        return false;
    }
    if (i < 0) i += length;
    if (i < 0 || i >= length) {
        vm_raise(vm, vm->types.IndexError, "%s index out of range", what);
        return false;
    }
    *out = i;
    return true;
}

/* Identity counts as equality in containers (CPython's PyObject_RichCompareBool). */
static bool identical(Value a, Value b) {
    if (a.type != b.type) return false;
    switch (a.type) {
    case VAL_OBJ: return a.as.obj == b.as.obj;
    case VAL_INT: return a.as.integer == b.as.integer;
    case VAL_BOOL: return a.as.boolean == b.as.boolean;
    case VAL_FLOAT: return a.as.number == b.as.number;
    default: return true;
    }
}

static bool compare_lengths(int64_t na, int64_t nb, int op) {
    switch (op) {
    case CMP_EQ: return na == nb;
    case CMP_NE: return na != nb;
    case CMP_LT: return na < nb;
    case CMP_LE: return na <= nb;
    case CMP_GT: return na > nb;
    default: return na >= nb;
    }
}

int seq_compare(VM *vm, Value *a, int64_t na, Value *b, int64_t nb, int op) {
    if ((op == CMP_EQ || op == CMP_NE) && na != nb) return op == CMP_NE;
    int64_t i = 0;
    for (; i < na && i < nb; i++) {
        if (identical(a[i], b[i])) continue;
        int equal = vm_equal(vm, a[i], b[i]);
        if (equal < 0) return -1;
        if (!equal) break;
    }
    if (i >= na || i >= nb) return compare_lengths(na, nb, op);
    if (op == CMP_EQ) return 0;
    if (op == CMP_NE) return 1;
    return vm_compare_bool(vm, op, a[i], b[i]);
}

int seq_contains(VM *vm, Value *items, int64_t count, Value item) {
    for (int64_t i = 0; i < count; i++) {
        if (identical(items[i], item)) return 1;
        int equal = vm_equal(vm, items[i], item);
        if (equal != 0) return equal;
    }
    return 0;
}

bool args_none(VM *vm, const char *qualname, int argc, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", qualname);
        return false;
    }
    if (argc != 1) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no arguments (%d given)", qualname, argc - 1);
        return false;
    }
    return true;
}

bool args_one(VM *vm, const char *qualname, int argc, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", qualname);
        return false;
    }
    if (argc != 2) {
        vm_raise(vm, vm->types.TypeError, "%s() takes exactly one argument (%d given)", qualname,
                 argc - 1);
        return false;
    }
    return true;
}

bool args_range(VM *vm, const char *name, const char *qualname, int argc, ObjTuple *kwnames,
                int min, int max) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", qualname);
        return false;
    }
    int given = argc - 1;
    if (given >= min && given <= max) return true;
    int expected = given < min ? min : max;
    const char *plural = expected == 1 ? "" : "s";
    if (min == max) {
        vm_raise(vm, vm->types.TypeError, "%s expected %d argument%s, got %d", name, expected,
                 plural, given);
    } else {
        vm_raise(vm, vm->types.TypeError, "%s expected %s %d argument%s, got %d", name,
                 given < min ? "at least" : "at most", expected, plural, given);
    }
    return false;
}

void seq_raise_memory_error(VM *vm) {
    /* vm_reserve raises CPython's bare MemoryError whenever a cap is set. */
    if (vm_reserve(vm, SIZE_MAX)) vm_raise(vm, vm->types.MemoryError, "out of memory");
}

bool arg_int64(VM *vm, Value v, int64_t *out) {
    if (IS_INT(v)) {
        *out = AS_INT(v);
        return true;
    }
    if (IS_BOOL(v)) {
        *out = AS_BOOL(v) ? 1 : 0;
        return true;
    }
    if (IS_BIGINT(v)) return int_as_int64(vm, v, out);
    vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
             vm_type_name(vm, v));
    return false;
}

/* ------------------------------------------------------------------- tuple */

ObjTuple *tuple_new(VM *vm, int64_t count) {
    ObjTuple *t = (ObjTuple *)obj_allocate(vm, sizeof(ObjTuple) + sizeof(Value) * (size_t)count,
                                           OBJ_TUPLE);
    t->count = count;
    for (int64_t i = 0; i < count; i++) t->items[i] = NONE_VAL;
    return t;
}

ObjTuple *tuple_from_values(VM *vm, int64_t count, const Value *items) {
    ObjTuple *t = (ObjTuple *)obj_allocate(vm, sizeof(ObjTuple) + sizeof(Value) * (size_t)count,
                                           OBJ_TUPLE);
    t->count = count;
    if (count > 0) memcpy(t->items, items, sizeof(Value) * (size_t)count);
    return t;
}

Value tuple_repr(VM *vm, ObjTuple *t) {
    if (t->count == 0) return OBJ_VAL(str_new(vm, "()", 2));
    int entered = repr_enter(vm, (Obj *)t);
    if (entered < 0) return EMPTY_VAL;
    if (entered == 0) return OBJ_VAL(str_new(vm, "(...)", 5));
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_char(&buf, '(');
    bool ok = true;
    for (int64_t i = 0; ok && i < t->count; i++) {
        if (i > 0) strbuf_append_cstr(&buf, ", ");
        ok = value_repr_into(vm, &buf, t->items[i]);
    }
    repr_leave((Obj *)t);
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_cstr(&buf, t->count == 1 ? ",)" : ")");
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

Value tuple_getitem(VM *vm, ObjTuple *t, Value index) {
    if (IS_SLICE(index)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, AS_SLICE(index), t->count, &start, &stop, &step, &count)) {
            return EMPTY_VAL;
        }
        if (step == 1 && count == t->count) return OBJ_VAL(t);
        ObjTuple *result = tuple_new(vm, count);
        for (int64_t k = 0, i = start; k < count; k++, i += step) result->items[k] = t->items[i];
        return OBJ_VAL(result);
    }
    int64_t i;
    if (!seq_resolve_index(vm, index, t->count, "tuple", &i)) return EMPTY_VAL;
    return t->items[i];
}

Value tuple_concat(VM *vm, ObjTuple *a, ObjTuple *b) {
    if (b->count == 0) return OBJ_VAL(a);
    if (a->count == 0) return OBJ_VAL(b);
    ObjTuple *t = tuple_new(vm, a->count + b->count);
    memcpy(t->items, a->items, sizeof(Value) * (size_t)a->count);
    memcpy(t->items + a->count, b->items, sizeof(Value) * (size_t)b->count);
    return OBJ_VAL(t);
}

Value tuple_repeat(VM *vm, ObjTuple *t, int64_t times) {
    if (times == 1) return OBJ_VAL(t);
    if (times <= 0 || t->count == 0) return OBJ_VAL(tuple_new(vm, 0));
    if (times > (INT64_MAX / (int64_t)sizeof(Value)) / t->count) {
        seq_raise_memory_error(vm);
        return EMPTY_VAL;
    }
    if (!vm_reserve(vm, sizeof(Value) * (size_t)(t->count * times))) return EMPTY_VAL;
    ObjTuple *result = tuple_new(vm, t->count * times);
    for (int64_t k = 0; k < times; k++) {
        memcpy(result->items + k * t->count, t->items, sizeof(Value) * (size_t)t->count);
    }
    return OBJ_VAL(result);
}

/* CPython 3.11's tuplehash (xxHash's round and constants), so that sets of
 * tuples of ints iterate in CPython's order. */
bool tuple_hash(VM *vm, ObjTuple *t, uint64_t *out) {
    const uint64_t prime1 = 11400714785074694791ULL;
    const uint64_t prime2 = 14029467366897019727ULL;
    const uint64_t prime5 = 2870177450012600261ULL;
    uint64_t acc = prime5;
    for (int64_t i = 0; i < t->count; i++) {
        uint64_t lane;
        if (!vm_hash(vm, t->items[i], &lane)) return false;
        acc += lane * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += (uint64_t)t->count ^ (prime5 ^ 3527539ULL);
    if (acc == UINT64_MAX) acc = 1546275796;
    *out = acc;
    return true;
}

static int tuple_iter_next(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(vm);
    ObjTuple *t = AS_TUPLE(it->source);
    if (it->index >= t->count) return 0;
    *out = t->items[it->index++];
    return 1;
}

Value tuple_iter_new(VM *vm, ObjTuple *t) {
    ObjIterator *it = iterator_new(vm, "tuple_iterator", tuple_iter_next, OBJ_VAL(t));
    it->index = 0;
    return OBJ_VAL(it);
}

/* ----------------------------------------------------------------- methods */

/* Resolves the optional start/end arguments of index() as CPython slices them. */
static bool resolve_bounds(VM *vm, int argc, Value *args, int first, int64_t length,
                           int64_t *start, int64_t *end) {
    *start = 0;
    *end = length;
    for (int k = 0; k < 2 && first + k < argc; k++) {
        int64_t value;
        Value arg = args[first + k];
        if (IS_NONE(arg)) continue;
        if (!IS_INT(arg) && !IS_BOOL(arg) && !IS_BIGINT(arg)) {
            vm_raise(vm, vm->types.TypeError,
                     "slice indices must be integers or have an __index__ method");
            return false;
        }
        if (IS_BIGINT(arg)) {
            value = mpz_sgn(AS_BIGINT(arg)->value) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        } else if (!arg_int64(vm, arg, &value)) {
            return false;
        }
        if (value < 0) {
            value += length;
            if (value < 0) value = 0;
        }
        if (value > length) value = length;
        *(k == 0 ? start : end) = value;
    }
    return true;
}

static Value tuple_index_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "index", "tuple.index", argc, kwnames, 1, 3)) return EMPTY_VAL;
    ObjTuple *t = AS_TUPLE(args[0]);
    int64_t start, end;
    if (!resolve_bounds(vm, argc, args, 2, t->count, &start, &end)) return EMPTY_VAL;
    for (int64_t i = start; i < end && i < t->count; i++) {
        if (identical(t->items[i], args[1])) return INT_VAL(i);
        int equal = vm_equal(vm, t->items[i], args[1]);
        if (equal < 0) return EMPTY_VAL;
        if (equal) return INT_VAL(i);
    }
    return vm_raise(vm, vm->types.ValueError, "tuple.index(x): x not in tuple");
}

static Value tuple_count_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "tuple.count", argc, kwnames)) return EMPTY_VAL;
    ObjTuple *t = AS_TUPLE(args[0]);
    int64_t count = 0;
    for (int64_t i = 0; i < t->count; i++) {
        if (identical(t->items[i], args[1])) {
            count++;
            continue;
        }
        int equal = vm_equal(vm, t->items[i], args[1]);
        if (equal < 0) return EMPTY_VAL;
        count += equal;
    }
    return INT_VAL(count);
}

/* tuple() and tuple(iterable): args[0] is the class. */
static Value tuple_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        return vm_raise(vm, vm->types.TypeError, "tuple() takes no keyword arguments");
    }
    if (!args_range(vm, "tuple", "tuple", argc, NULL, 0, 1)) return EMPTY_VAL;
    if (argc == 1) return OBJ_VAL(tuple_new(vm, 0));
    if (IS_TUPLE(args[1])) return args[1];
    if (IS_LIST(args[1])) {
        ObjList *list = AS_LIST(args[1]);
        return OBJ_VAL(tuple_from_values(vm, list->count, list->items));
    }
    Value list = vm_list_from_iterable(vm, args[1]);
    if (IS_EMPTY(list)) return EMPTY_VAL;
    return OBJ_VAL(tuple_from_values(vm, AS_LIST(list)->count, AS_LIST(list)->items));
}

void tuple_init_class(VM *vm, ObjClass *cls) {
    cls->construct = tuple_construct;
    vm_define_native(vm, cls->dict, "index", tuple_index_method, cls);
    vm_define_native(vm, cls->dict, "count", tuple_count_method, cls);
}
