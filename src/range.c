/* range.c — range objects (bounded by int64) and slice objects, with
 * slice_indices resolving a slice against a length exactly as CPython's
 * PySlice_GetIndicesEx, which every sequence's slicing goes through. */
#include "containers.h"

/* ------------------------------------------------------------------- slices */

ObjSlice *slice_new(VM *vm, Value start, Value stop, Value step) {
    ObjSlice *slice = (ObjSlice *)obj_allocate(vm, sizeof(ObjSlice), OBJ_SLICE);
    slice->start = start;
    slice->stop = stop;
    slice->step = step;
    return slice;
}

/* One slice bound as an int64; big ints clip to the int64 range, as
 * CPython clips to Py_ssize_t. */
static bool slice_bound(VM *vm, Value v, int64_t *out) {
    if (IS_INT(v)) {
        *out = AS_INT(v);
    } else if (IS_BOOL(v)) {
        *out = AS_BOOL(v) ? 1 : 0;
    } else if (IS_BIGINT(v)) {
        *out = mpz_sgn(AS_BIGINT(v)->value) < 0 ? INT64_MIN : INT64_MAX;
    } else {
        vm_raise(vm, vm->types.TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    return true;
}

bool slice_indices(VM *vm, ObjSlice *slice, int64_t length,
                   int64_t *start_out, int64_t *stop_out, int64_t *step_out,
                   int64_t *slice_length) {
    int64_t start, stop, step = 1;
    if (!IS_NONE(slice->step)) {
        if (!slice_bound(vm, slice->step, &step)) return false;
        if (step == 0) {
            vm_raise(vm, vm->types.ValueError, "slice step cannot be zero");
            return false;
        }
        if (step < -INT64_MAX) step = -INT64_MAX;  /* so that -step cannot overflow */
    }
    if (IS_NONE(slice->start)) {
        start = step < 0 ? INT64_MAX : 0;
    } else if (!slice_bound(vm, slice->start, &start)) {
        return false;
    }
    if (IS_NONE(slice->stop)) {
        stop = step < 0 ? INT64_MIN : INT64_MAX;
    } else if (!slice_bound(vm, slice->stop, &stop)) {
        return false;
    }
    /* PySlice_AdjustIndices */
    if (start < 0) {
        start += length;
        if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
        stop += length;
        if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
    }
    int64_t count = 0;
    if (step < 0) {
        if (stop < start) count = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        count = (stop - start - 1) / step + 1;
    }
    *start_out = start;
    *stop_out = stop;
    *step_out = step;
    *slice_length = count;
    return true;
}

Value slice_repr(VM *vm, ObjSlice *slice) {
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_cstr(&buf, "slice(");
    bool ok = value_repr_into(vm, &buf, slice->start);
    strbuf_append_cstr(&buf, ", ");
    ok = ok && value_repr_into(vm, &buf, slice->stop);
    strbuf_append_cstr(&buf, ", ");
    ok = ok && value_repr_into(vm, &buf, slice->step);
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_char(&buf, ')');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* slice(stop), slice(start, stop[, step]): args[0] is the class. */
static Value slice_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        return vm_raise(vm, vm->types.TypeError, "slice() takes no keyword arguments");
    }
    if (!args_range(vm, "slice", "slice", argc, NULL, 1, 3)) return EMPTY_VAL;
    if (argc == 2) return OBJ_VAL(slice_new(vm, NONE_VAL, args[1], NONE_VAL));
    return OBJ_VAL(slice_new(vm, args[1], args[2], argc > 3 ? args[3] : NONE_VAL));
}

void slice_init_class(VM *vm, ObjClass *cls) {
    UNUSED(vm);
    cls->construct = slice_construct;
}

/* ------------------------------------------------------------------- ranges */

/* The number of values, computed without overflow (CPython's get_len_of_range). */
static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) {
        return (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    }
    if (step < 0 && start > stop) {
        return (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1);
    }
    return 0;
}

ObjRange *range_new(VM *vm, int64_t start, int64_t stop, int64_t step) {
    ObjRange *range = (ObjRange *)obj_allocate(vm, sizeof(ObjRange), OBJ_RANGE);
    range->start = start;
    range->stop = stop;
    range->step = step;
    range->length = range_length(start, stop, step);
    return range;
}

/* The i-th value (0 <= i < length): always between start and stop, so it fits. */
static int64_t range_item(ObjRange *range, int64_t i) {
    return (int64_t)((uint64_t)range->start + (uint64_t)i * (uint64_t)range->step);
}

Value range_getitem(VM *vm, ObjRange *range, Value index) {
    if (IS_SLICE(index)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, AS_SLICE(index), range->length, &start, &stop, &step, &count)) {
            return EMPTY_VAL;
        }
        int64_t new_start, new_stop, new_step, offset;
        if (__builtin_mul_overflow(start, range->step, &offset) ||
            __builtin_add_overflow(range->start, offset, &new_start) ||
            __builtin_mul_overflow(stop, range->step, &offset) ||
            __builtin_add_overflow(range->start, offset, &new_stop) ||
            __builtin_mul_overflow(step, range->step, &new_step)) {
            return vm_raise(vm, vm->types.OverflowError,
                            "Python int too large to convert to C long");
        }
        return OBJ_VAL(range_new(vm, new_start, new_stop, new_step));
    }
    int64_t i;
    if (!seq_resolve_index(vm, index, range->length, "range object", &i)) {
        if (vm_exception_matches(vm, vm->types.TypeError)) {
            vm_take_exception(vm);
            vm_raise(vm, vm->types.TypeError, "range indices must be integers or slices, not %s",
                     vm_type_name(vm, index));
        }
        return EMPTY_VAL;
    }
    return INT_VAL(range_item(range, i));
}

static bool contains_int(ObjRange *range, int64_t v) {
    if (range->length == 0) return false;
    if (range->step > 0 ? (v < range->start || v >= range->stop)
                        : (v > range->start || v <= range->stop)) {
        return false;
    }
    uint64_t distance = range->step > 0 ? (uint64_t)v - (uint64_t)range->start
                                        : (uint64_t)range->start - (uint64_t)v;
    uint64_t step = range->step > 0 ? (uint64_t)range->step : 0 - (uint64_t)range->step;
    return distance % step == 0;
}

int range_contains(VM *vm, ObjRange *range, Value item) {
    if (IS_INT(item)) return contains_int(range, AS_INT(item));
    if (IS_BOOL(item)) return contains_int(range, AS_BOOL(item) ? 1 : 0);
    if (IS_BIGINT(item)) return 0;  /* ranges are bounded by int64 */
    /* Anything else compares equal item by item, as CPython. */
    for (int64_t i = 0; i < range->length; i++) {
        int equal = vm_equal(vm, INT_VAL(range_item(range, i)), item);
        if (equal != 0) return equal;
    }
    return 0;
}

bool range_equal(ObjRange *a, ObjRange *b) {
    if (a == b) return true;
    if (a->length != b->length) return false;
    if (a->length == 0) return true;
    if (a->start != b->start) return false;
    if (a->length == 1) return true;
    return a->step == b->step;
}

/* Hashes what equality looks at: (length, start, step) with the parts that do
 * not matter left out, as CPython's range_hash. */
uint64_t range_hash(VM *vm, ObjRange *range) {
    UNUSED(vm);
    uint64_t parts[3] = {(uint64_t)range->length, 0, 0};
    if (range->length > 0) parts[1] = num_hash(INT_VAL(range->start));
    if (range->length > 1) parts[2] = num_hash(INT_VAL(range->step));
    uint64_t acc = 2870177450012600261ULL;
    for (int i = 0; i < 3; i++) {
        acc += parts[i] * 14029467366897019727ULL;
        acc = (acc << 31) | (acc >> 33);
        acc *= 11400714785074694791ULL;
    }
    return acc == UINT64_MAX ? 1546275796 : acc;
}

Value range_repr(VM *vm, ObjRange *range) {
    if (range->step == 1) {
        return OBJ_VAL(str_printf(vm, "range(%lld, %lld)", (long long)range->start,
                                  (long long)range->stop));
    }
    return OBJ_VAL(str_printf(vm, "range(%lld, %lld, %lld)", (long long)range->start,
                              (long long)range->stop, (long long)range->step));
}

static int range_iter_next(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(vm);
    ObjRange *range = AS_RANGE(it->source);
    if (it->index >= range->length) return 0;
    *out = INT_VAL(range_item(range, it->index++));
    return 1;
}

Value range_iter_new(VM *vm, ObjRange *range) {
    ObjIterator *it = iterator_new(vm, "range_iterator", range_iter_next, OBJ_VAL(range));
    it->index = 0;
    return OBJ_VAL(it);
}

/* ------------------------------------------------------------------ methods */

static Value range_count_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "range.count", argc, kwnames)) return EMPTY_VAL;
    ObjRange *range = AS_RANGE(args[0]);
    if (IS_INT(args[1]) || IS_BOOL(args[1])) return INT_VAL(range_contains(vm, range, args[1]));
    int64_t count = 0;
    for (int64_t i = 0; i < range->length; i++) {
        int equal = vm_equal(vm, INT_VAL(range_item(range, i)), args[1]);
        if (equal < 0) return EMPTY_VAL;
        count += equal;
    }
    return INT_VAL(count);
}

static Value range_index_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "range.index", argc, kwnames)) return EMPTY_VAL;
    ObjRange *range = AS_RANGE(args[0]);
    Value item = args[1];
    if (IS_INT(item) || IS_BOOL(item)) {
        int64_t v = IS_INT(item) ? AS_INT(item) : AS_BOOL(item);
        if (contains_int(range, v)) {
            uint64_t distance = (uint64_t)v - (uint64_t)range->start;
            return INT_VAL((int64_t)distance / range->step);
        }
    } else {
        /* CPython searches any other value as a generic sequence. */
        for (int64_t i = 0; i < range->length; i++) {
            int equal = vm_equal(vm, INT_VAL(range_item(range, i)), item);
            if (equal < 0) return EMPTY_VAL;
            if (equal) return INT_VAL(i);
        }
        return vm_raise(vm, vm->types.ValueError, "sequence.index(x): x not in sequence");
    }
    StrBuf buf;
    strbuf_init(&buf);
    if (!value_repr_into(vm, &buf, item)) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    vm_raise(vm, vm->types.ValueError, "%s is not in range", buf.data);
    strbuf_free(&buf);
    return EMPTY_VAL;
}

/* range(stop), range(start, stop[, step]): args[0] is the class. */
static Value range_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        return vm_raise(vm, vm->types.TypeError, "range() takes no keyword arguments");
    }
    if (!args_range(vm, "range", "range", argc, NULL, 1, 3)) return EMPTY_VAL;
    int64_t bounds[3] = {0, 0, 1};
    for (int i = 1; i < argc; i++) {
        if (!arg_int64(vm, args[i], &bounds[i - 1])) return EMPTY_VAL;
    }
    if (argc == 2) {
        bounds[1] = bounds[0];
        bounds[0] = 0;
    }
    if (bounds[2] == 0) return vm_raise(vm, vm->types.ValueError, "range() arg 3 must not be zero");
    return OBJ_VAL(range_new(vm, bounds[0], bounds[1], bounds[2]));
}

void range_init_class(VM *vm, ObjClass *cls) {
    cls->construct = range_construct;
    vm_define_native(vm, cls->dict, "count", range_count_method, cls);
    vm_define_native(vm, cls->dict, "index", range_index_method, cls);
}
