/* list.c — handoff's list: growth, indexing, slice assignment and deletion,
 * a stable merge sort that survives raising comparisons, the list methods,
 * and the repr cycle guard that list, tuple, dict and set share. */
#include "containers.h"

/* ------------------------------------------------------------ repr guard */

/* The containers whose repr is being built, innermost last (CPython's
 * Py_ReprEnter). A repr never suspends a task, so one stack serves all. */
static Obj **repr_stack;
static int repr_count, repr_capacity;

int repr_enter(VM *vm, Obj *container) {
    for (int i = 0; i < repr_count; i++) {
        if (repr_stack[i] == container) return 0;
    }
    int limit = vm->recursion_limit > 0 ? vm->recursion_limit : 1000;
    if (repr_count >= limit) {
        vm_raise(vm, vm->types.RecursionError,
                 "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    if (repr_count == repr_capacity) {
        repr_capacity = repr_capacity < 16 ? 16 : repr_capacity * 2;
        Obj **grown = realloc(repr_stack, sizeof(Obj *) * (size_t)repr_capacity);
        if (grown == NULL) {
            fprintf(stderr, "handoff: out of memory\n");
            abort();
        }
        repr_stack = grown;
    }
    repr_stack[repr_count++] = container;
    return 1;
}

void repr_leave(Obj *container) {
    if (repr_count > 0 && repr_stack[repr_count - 1] == container) {
        repr_count--;
        if (repr_count == 0) {
            free(repr_stack);
            repr_stack = NULL;
            repr_capacity = 0;
        }
    }
}

bool value_repr_into(VM *vm, StrBuf *buf, Value v) {
    switch (v.type) {
    case VAL_NONE: strbuf_append_cstr(buf, "None"); return true;
    case VAL_BOOL: strbuf_append_cstr(buf, AS_BOOL(v) ? "True" : "False"); return true;
    case VAL_INT: strbuf_appendf(buf, "%lld", (long long)AS_INT(v)); return true;
    case VAL_FLOAT: float_repr_into(buf, AS_FLOAT(v)); return true;
    default: break;
    }
    if (IS_STR(v)) {
        str_repr_into(buf, AS_STR(v));
        return true;
    }
    Value text = vm_repr(vm, v);
    if (IS_EMPTY(text)) return false;
    strbuf_append(buf, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
    return true;
}

/* --------------------------------------------------------------- growth */

ObjList *list_new(VM *vm, int64_t capacity) {
    ObjList *list = (ObjList *)obj_allocate(vm, sizeof(ObjList), OBJ_LIST);
    list->count = 0;
    list->capacity = 0;
    list->items = NULL;
    if (capacity > 0) {
        list->items = ALLOCATE(vm, Value, (size_t)capacity);
        list->capacity = capacity;
    }
    return list;
}

/* Makes room for at least `needed` items. */
static void reserve(VM *vm, ObjList *list, int64_t needed) {
    if (needed <= list->capacity) return;
    int64_t capacity = GROW_CAPACITY(list->capacity);
    if (capacity < needed) capacity = needed;
    list->items = GROW_ARRAY(vm, Value, list->items, (size_t)list->capacity, (size_t)capacity);
    list->capacity = capacity;
}

void list_append(VM *vm, ObjList *list, Value value) {
    if (list->count == list->capacity) reserve(vm, list, list->count + 1);
    list->items[list->count++] = value;
}

/* Appends items[0..count); `items` may point into the list itself. */
static void append_items(VM *vm, ObjList *list, const Value *items, int64_t count, bool self) {
    if (count == 0) return;  /* items may be NULL */
    reserve(vm, list, list->count + count);
    if (self) items = list->items;  /* reserve may have moved them */
    memmove(list->items + list->count, items, sizeof(Value) * (size_t)count);
    list->count += count;
}

bool list_extend(VM *vm, ObjList *list, Value iterable) {
    if (IS_LIST(iterable)) {
        ObjList *other = AS_LIST(iterable);
        append_items(vm, list, other->items, other->count, other == list);
        return true;
    }
    if (IS_TUPLE(iterable)) {
        append_items(vm, list, AS_TUPLE(iterable)->items, AS_TUPLE(iterable)->count, false);
        return true;
    }
    Value iter = vm_iter(vm, iterable);
    if (IS_EMPTY(iter)) return false;
    vm_push_root(vm, iter);
    int more;
    Value item;
    while ((more = vm_next(vm, iter, &item)) > 0) list_append(vm, list, item);
    vm_pop_roots(vm, 1);
    return more == 0;
}

ObjList *list_copy(VM *vm, ObjList *list) {
    ObjList *copy = list_new(vm, list->count);
    if (list->count > 0) memcpy(copy->items, list->items, sizeof(Value) * (size_t)list->count);
    copy->count = list->count;
    return copy;
}

Value list_concat(VM *vm, ObjList *a, ObjList *b) {
    ObjList *result = list_new(vm, a->count + b->count);
    if (a->count > 0) memcpy(result->items, a->items, sizeof(Value) * (size_t)a->count);
    if (b->count > 0) {
        memcpy(result->items + a->count, b->items, sizeof(Value) * (size_t)b->count);
    }
    result->count = a->count + b->count;
    return OBJ_VAL(result);
}

/* [x] * n beyond what memory allows: MemoryError (vm_reserve), as CPython. */
static bool repeat_too_long(VM *vm, int64_t count, int64_t times) {
    if (count > 0 && times > (INT64_MAX / (int64_t)sizeof(Value)) / count) {
        seq_raise_memory_error(vm);
        return true;
    }
    return !vm_reserve(vm, sizeof(Value) * (size_t)(count * times));
}

Value list_repeat(VM *vm, ObjList *list, int64_t times) {
    if (times <= 0 || list->count == 0) return OBJ_VAL(list_new(vm, 0));
    if (repeat_too_long(vm, list->count, times)) return EMPTY_VAL;
    ObjList *result = list_new(vm, list->count * times);
    for (int64_t k = 0; k < times; k++) {
        memcpy(result->items + k * list->count, list->items, sizeof(Value) * (size_t)list->count);
    }
    result->count = list->count * times;
    return OBJ_VAL(result);
}

bool list_inplace_repeat(VM *vm, ObjList *list, int64_t times) {
    if (times <= 0 || list->count == 0) {
        list->count = 0;
        return true;
    }
    if (repeat_too_long(vm, list->count, times)) return false;
    int64_t count = list->count;
    reserve(vm, list, count * times);
    for (int64_t k = 1; k < times; k++) {
        memcpy(list->items + k * count, list->items, sizeof(Value) * (size_t)count);
    }
    list->count = count * times;
    return true;
}

/* ------------------------------------------------------------------- repr */

Value list_repr(VM *vm, ObjList *list) {
    if (list->count == 0) return OBJ_VAL(str_new(vm, "[]", 2));
    int entered = repr_enter(vm, (Obj *)list);
    if (entered < 0) return EMPTY_VAL;
    if (entered == 0) return OBJ_VAL(str_new(vm, "[...]", 5));
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_char(&buf, '[');
    bool ok = true;
    /* Re-read count each time: an item's __repr__ may change the list. */
    for (int64_t i = 0; ok && i < list->count; i++) {
        if (i > 0) strbuf_append_cstr(&buf, ", ");
        ok = value_repr_into(vm, &buf, list->items[i]);
    }
    repr_leave((Obj *)list);
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_char(&buf, ']');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* -------------------------------------------------- indexing and slicing */

Value list_getitem(VM *vm, ObjList *list, Value index) {
    if (IS_SLICE(index)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, AS_SLICE(index), list->count, &start, &stop, &step, &count)) {
            return EMPTY_VAL;
        }
        ObjList *result = list_new(vm, count);
        for (int64_t k = 0, i = start; k < count; k++, i += step) result->items[k] = list->items[i];
        result->count = count;
        return OBJ_VAL(result);
    }
    int64_t i;
    if (!seq_resolve_index(vm, index, list->count, "list", &i)) return EMPTY_VAL;
    return list->items[i];
}

/* Replaces list[start:start+length] by items[0..count) (a plain slice). */
static void replace_range(VM *vm, ObjList *list, int64_t start, int64_t length,
                          const Value *items, int64_t count) {
    int64_t tail = list->count - (start + length);
    int64_t new_count = list->count - length + count;
    reserve(vm, list, new_count);
    if (tail > 0) {
        memmove(list->items + start + count, list->items + start + length,
                sizeof(Value) * (size_t)tail);
    }
    if (count > 0) memcpy(list->items + start, items, sizeof(Value) * (size_t)count);
    list->count = new_count;
}

static bool assign_slice(VM *vm, ObjList *list, ObjSlice *slice, Value value) {
    int64_t start, stop, step, length;
    if (!slice_indices(vm, slice, list->count, &start, &stop, &step, &length)) return false;
    /* Take a snapshot of the new items: `value` may be the list itself. */
    Value snapshot;
    if (IS_TUPLE(value)) {
        snapshot = value;
    } else if (IS_LIST(value)) {
        snapshot = OBJ_VAL(list_copy(vm, AS_LIST(value)));
    } else {
        snapshot = vm_list_from_iterable(vm, value);
        if (IS_EMPTY(snapshot)) {
            if (vm_exception_matches(vm, vm->types.TypeError)) {
                vm_take_exception(vm);
                vm_raise(vm, vm->types.TypeError, step == 1 ? "can only assign an iterable"
                                                            : "must assign iterable to extended slice");
            }
            return false;
        }
    }
    const Value *items = IS_TUPLE(snapshot) ? AS_TUPLE(snapshot)->items : AS_LIST(snapshot)->items;
    int64_t count = IS_TUPLE(snapshot) ? AS_TUPLE(snapshot)->count : AS_LIST(snapshot)->count;
    if (step == 1) {
        replace_range(vm, list, start, length, items, count);
        return true;
    }
    if (count != length) {
        vm_raise(vm, vm->types.ValueError,
                 "attempt to assign sequence of size %lld to extended slice of size %lld",
                 (long long)count, (long long)length);
        return false;
    }
    for (int64_t k = 0, i = start; k < length; k++, i += step) list->items[i] = items[k];
    return true;
}

bool list_setitem(VM *vm, ObjList *list, Value index, Value value) {
    if (IS_SLICE(index)) return assign_slice(vm, list, AS_SLICE(index), value);
    int64_t i;
    if (!seq_resolve_index(vm, index, list->count, "list assignment", &i)) {
        /* "list assignment indices must be ..." is not CPython's wording for a bad type. */
        if (vm_exception_matches(vm, vm->types.TypeError)) {
            vm_take_exception(vm);
            vm_raise(vm, vm->types.TypeError, "list indices must be integers or slices, not %s",
                     vm_type_name(vm, index));
        }
        return false;
    }
    list->items[i] = value;
    return true;
}

bool list_delitem(VM *vm, ObjList *list, Value index) {
    if (IS_SLICE(index)) {
        int64_t start, stop, step, length;
        if (!slice_indices(vm, AS_SLICE(index), list->count, &start, &stop, &step, &length)) {
            return false;
        }
        if (length <= 0) return true;
        if (step < 0) {  /* the same items, walked upwards */
            start = start + step * (length - 1);
            step = -step;
        }
        if (step == 1) {
            replace_range(vm, list, start, length, NULL, 0);
            return true;
        }
        int64_t write = start;
        for (int64_t read = start, k = 0; read < list->count; read++) {
            if (k < length && read == start + k * step) {
                k++;
                continue;
            }
            list->items[write++] = list->items[read];
        }
        list->count = write;
        return true;
    }
    int64_t i;
    if (!seq_resolve_index(vm, index, list->count, "list assignment", &i)) {
        if (vm_exception_matches(vm, vm->types.TypeError)) {
            vm_take_exception(vm);
            vm_raise(vm, vm->types.TypeError, "list indices must be integers or slices, not %s",
                     vm_type_name(vm, index));
        }
        return false;
    }
    memmove(list->items + i, list->items + i + 1, sizeof(Value) * (size_t)(list->count - i - 1));
    list->count--;
    return true;
}

/* ------------------------------------------------------------------- sort */

/* One element being sorted: its key (the item itself without key=) and the item. */
typedef struct {
    Value key;
    Value item;
} SortItem;

/* When every key has the same simple type, comparisons skip the VM
 * (as CPython's unsafe_long_compare and friends). */
typedef enum { KEYS_INT, KEYS_FLOAT, KEYS_STR, KEYS_ANY } KeyKind;

typedef struct {
    VM *vm;
    KeyKind kind;
    bool reverse;
    bool failed;     /* a comparison raised: stop comparing, keep the order valid */
} SortState;

static KeyKind key_kind(const SortItem *items, int64_t count) {
    if (count == 0) return KEYS_ANY;
    ValueType type = items[0].key.type;
    bool str = IS_STR(items[0].key);
    for (int64_t i = 1; i < count; i++) {
        if (items[i].key.type != type || (str && !IS_STR(items[i].key))) return KEYS_ANY;
    }
    if (type == VAL_INT) return KEYS_INT;
    if (type == VAL_FLOAT) return KEYS_FLOAT;
    return str ? KEYS_STR : KEYS_ANY;
}

static bool less_than(SortState *state, Value a, Value b) {
    switch (state->kind) {
    case KEYS_INT: return AS_INT(a) < AS_INT(b);
    case KEYS_FLOAT: return AS_FLOAT(a) < AS_FLOAT(b);
    case KEYS_STR: return str_compare(AS_STR(a), AS_STR(b)) < 0;
    case KEYS_ANY: break;
    }
    if (state->failed) return false;
    int result = vm_compare_bool(state->vm, CMP_LT, a, b);
    if (result < 0) state->failed = true;
    return result == 1;
}

/* Does `a` go strictly before `b`? With reverse, b < a: equal keys keep
 * their original order both ways (stability). */
static inline bool goes_before(SortState *state, const SortItem *a, const SortItem *b) {
    return state->reverse ? less_than(state, b->key, a->key) : less_than(state, a->key, b->key);
}

static void insertion_sort(SortState *state, SortItem *items, int64_t count) {
    for (int64_t i = 1; i < count; i++) {
        SortItem item = items[i];
        int64_t j = i;
        while (j > 0 && goes_before(state, &item, &items[j - 1])) {
            items[j] = items[j - 1];
            j--;
        }
        items[j] = item;
    }
}

/* Top-down merge sort; an already ordered pair of halves costs one comparison. */
static void merge_sort(SortState *state, SortItem *items, SortItem *scratch, int64_t count) {
    if (count <= 12) {
        insertion_sort(state, items, count);
        return;
    }
    int64_t half = count / 2;
    merge_sort(state, items, scratch, half);
    merge_sort(state, items + half, scratch, count - half);
    if (state->failed || !goes_before(state, &items[half], &items[half - 1])) return;
    memcpy(scratch, items, sizeof(SortItem) * (size_t)half);
    int64_t left = 0, right = half, out = 0;
    while (left < half && right < count) {
        /* Take from the right only when it goes strictly before: stable. */
        if (goes_before(state, &items[right], &scratch[left])) items[out++] = items[right++];
        else items[out++] = scratch[left++];
    }
    while (left < half) items[out++] = scratch[left++];
}

/* Keys are computed once, into a rooted list, while the items live in a
 * rooted copy: key functions and comparisons may run Python code. The list
 * is emptied meanwhile so that a change during the sort is detected
 * ("list modified during sort"). On failure the original order is kept. */
bool list_sort(VM *vm, ObjList *list, Value key, bool reverse) {
    int64_t count = list->count;
    ObjList *items = list_copy(vm, list);
    vm_push_root(vm, OBJ_VAL(items));
    ObjList *keys = items;
    Value *saved = list->items;
    int64_t saved_capacity = list->capacity;
    list->items = NULL;
    list->count = list->capacity = 0;
    bool ok = true;
    if (!IS_EMPTY(key) && !IS_NONE(key)) {
        keys = list_new(vm, count);
        vm_push_root(vm, OBJ_VAL(keys));
        for (int64_t i = 0; ok && i < count; i++) {
            Value k = vm_call(vm, key, 1, &items->items[i]);
            if (IS_EMPTY(k)) ok = false;
            else keys->items[keys->count++] = k;
        }
    }
    SortItem *work = malloc(sizeof(SortItem) * (size_t)(count > 0 ? count * 2 : 1));
    for (int64_t i = 0; ok && i < count; i++) work[i] = (SortItem){keys->items[i], items->items[i]};
    if (ok && count > 1) {
        SortState state = {vm, key_kind(work, count), reverse, false};
        merge_sort(&state, work, work + count, count);
        ok = !state.failed;
    }
    for (int64_t i = 0; i < count; i++) saved[i] = ok ? work[i].item : items->items[i];
    free(work);
    vm_pop_roots(vm, keys == items ? 1 : 2);
    bool modified = list->items != NULL || list->count != 0;
    FREE_ARRAY(vm, Value, list->items, (size_t)list->capacity);
    list->items = saved;
    list->capacity = saved_capacity;
    list->count = count;
    if (ok && modified) {
        vm_raise(vm, vm->types.ValueError, "list modified during sort");
        return false;
    }
    return ok;
}

/* --------------------------------------------------------------- iterators */

static int list_iter_next(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(vm);
    ObjList *list = AS_LIST(it->source);
    if (it->end != 0 || it->index >= list->count) {
        it->end = 1;  /* exhausted for good, even if the list grows later */
        return 0;
    }
    *out = list->items[it->index++];
    return 1;
}

Value list_iter_new(VM *vm, ObjList *list) {
    ObjIterator *it = iterator_new(vm, "list_iterator", list_iter_next, OBJ_VAL(list));
    it->index = 0;
    it->end = 0;
    return OBJ_VAL(it);
}

static int list_reverse_iter_next(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(vm);
    ObjList *list = AS_LIST(it->source);
    if (it->index < 0 || it->index >= list->count) {
        it->index = -1;
        return 0;
    }
    *out = list->items[it->index--];
    return 1;
}

Value list_reverse_iter_new(VM *vm, ObjList *list) {
    ObjIterator *it = iterator_new(vm, "list_reverseiterator", list_reverse_iter_next,
                                   OBJ_VAL(list));
    it->index = list->count - 1;
    return OBJ_VAL(it);
}

/* ----------------------------------------------------------------- methods */

static Value list_append_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "list.append", argc, kwnames)) return EMPTY_VAL;
    list_append(vm, AS_LIST(args[0]), args[1]);
    return NONE_VAL;
}

static Value list_extend_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "list.extend", argc, kwnames)) return EMPTY_VAL;
    if (!list_extend(vm, AS_LIST(args[0]), args[1])) return EMPTY_VAL;
    return NONE_VAL;
}

static Value list_insert_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "insert", "list.insert", argc, kwnames, 2, 2)) return EMPTY_VAL;
    ObjList *list = AS_LIST(args[0]);
    int64_t i;
    if (IS_BIGINT(args[1])) {
        i = mpz_sgn(AS_BIGINT(args[1])->value) < 0 ? 0 : list->count;
    } else if (!arg_int64(vm, args[1], &i)) {
        return EMPTY_VAL;
    }
    if (i < 0) {
        i += list->count;
        if (i < 0) i = 0;
    }
    if (i > list->count) i = list->count;
    replace_range(vm, list, i, 0, &args[2], 1);
    return NONE_VAL;
}

static Value list_pop_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "pop", "list.pop", argc, kwnames, 0, 1)) return EMPTY_VAL;
    ObjList *list = AS_LIST(args[0]);
    int64_t i = -1;
    if (argc > 1 && !arg_int64(vm, args[1], &i)) return EMPTY_VAL;
    if (list->count == 0) return vm_raise(vm, vm->types.IndexError, "pop from empty list");
    if (i < 0) i += list->count;
    if (i < 0 || i >= list->count) return vm_raise(vm, vm->types.IndexError, "pop index out of range");
    Value item = list->items[i];
    memmove(list->items + i, list->items + i + 1, sizeof(Value) * (size_t)(list->count - i - 1));
    list->count--;
    return item;
}

/* The position of the first item == value in [start, end) (re-reading the
 * list each step, as an __eq__ may change it): >= 0, -1 missing, -2 raised. */
static int64_t find_item(VM *vm, ObjList *list, Value value, int64_t start, int64_t end) {
    for (int64_t i = start; i < end && i < list->count; i++) {
        Value item = list->items[i];
        if (IS_OBJ(item) && IS_OBJ(value) && AS_OBJ(item) == AS_OBJ(value)) return i;
        int equal = vm_equal(vm, item, value);
        if (equal < 0) return -2;
        if (equal) return i;
    }
    return -1;
}

static Value list_remove_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "list.remove", argc, kwnames)) return EMPTY_VAL;
    ObjList *list = AS_LIST(args[0]);
    int64_t i = find_item(vm, list, args[1], 0, list->count);
    if (i == -2) return EMPTY_VAL;
    if (i == -1) return vm_raise(vm, vm->types.ValueError, "list.remove(x): x not in list");
    memmove(list->items + i, list->items + i + 1, sizeof(Value) * (size_t)(list->count - i - 1));
    list->count--;
    return NONE_VAL;
}

/* Clamps an optional index()/count() bound the way slices clamp. */
static bool clamp_bound(VM *vm, Value arg, int64_t length, int64_t *out) {
    int64_t value;
    if (IS_BIGINT(arg)) {
        value = mpz_sgn(AS_BIGINT(arg)->value) < 0 ? -length - 1 : length;
    } else if (IS_INT(arg) || IS_BOOL(arg)) {
        arg_int64(vm, arg, &value);
    } else {
        vm_raise(vm, vm->types.TypeError, "slice indices must be integers or have an __index__ method");
        return false;
    }
    if (value < 0) {
        value += length;
        if (value < 0) value = 0;
    }
    *out = value > length ? length : value;
    return true;
}

static Value list_index_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "index", "list.index", argc, kwnames, 1, 3)) return EMPTY_VAL;
    ObjList *list = AS_LIST(args[0]);
    int64_t start = 0, end = list->count;
    if (argc > 2 && !clamp_bound(vm, args[2], list->count, &start)) return EMPTY_VAL;
    if (argc > 3 && !clamp_bound(vm, args[3], list->count, &end)) return EMPTY_VAL;
    int64_t i = find_item(vm, list, args[1], start, end);
    if (i == -2) return EMPTY_VAL;
    if (i >= 0) return INT_VAL(i);
    StrBuf buf;
    strbuf_init(&buf);
    if (!value_repr_into(vm, &buf, args[1])) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    vm_raise(vm, vm->types.ValueError, "%s is not in list", buf.data);
    strbuf_free(&buf);
    return EMPTY_VAL;
}

static Value list_count_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "list.count", argc, kwnames)) return EMPTY_VAL;
    ObjList *list = AS_LIST(args[0]);
    int64_t count = 0;
    for (int64_t i = 0; i < list->count; i++) {
        Value item = list->items[i];
        if (IS_OBJ(item) && IS_OBJ(args[1]) && AS_OBJ(item) == AS_OBJ(args[1])) {
            count++;
            continue;
        }
        int equal = vm_equal(vm, item, args[1]);
        if (equal < 0) return EMPTY_VAL;
        count += equal;
    }
    return INT_VAL(count);
}

static Value list_clear_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "list.clear", argc, kwnames)) return EMPTY_VAL;
    ObjList *list = AS_LIST(args[0]);
    FREE_ARRAY(vm, Value, list->items, (size_t)list->capacity);
    list->items = NULL;
    list->count = list->capacity = 0;
    return NONE_VAL;
}

static Value list_copy_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "list.copy", argc, kwnames)) return EMPTY_VAL;
    return OBJ_VAL(list_copy(vm, AS_LIST(args[0])));
}

static Value list_reverse_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "list.reverse", argc, kwnames)) return EMPTY_VAL;
    ObjList *list = AS_LIST(args[0]);
    for (int64_t i = 0, j = list->count - 1; i < j; i++, j--) {
        Value swap = list->items[i];
        list->items[i] = list->items[j];
        list->items[j] = swap;
    }
    return NONE_VAL;
}

/* sort(*, key=None, reverse=False) */
static Value list_sort_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int kwcount = vm_kwcount(kwnames);
    if (argc - kwcount > 1) {
        return vm_raise(vm, vm->types.TypeError, "sort() takes no positional arguments");
    }
    Value key = NONE_VAL;
    bool reverse = false;
    for (int k = 0; k < kwcount; k++) {
        ObjStr *name = AS_STR(kwnames->items[k]);
        Value value = args[argc - kwcount + k];
        if (strcmp(name->chars, "key") == 0) {
            key = value;
        } else if (strcmp(name->chars, "reverse") == 0) {
            if (IS_FLOAT(value)) {
                return vm_raise(vm, vm->types.TypeError,
                                "'float' object cannot be interpreted as an integer");
            }
            int truth = vm_truthy(vm, value);
            if (truth < 0) return EMPTY_VAL;
            reverse = truth == 1;
        } else {
            return vm_raise(vm, vm->types.TypeError, "'%s' is an invalid keyword argument for sort()",
                            name->chars);
        }
    }
    if (!list_sort(vm, AS_LIST(args[0]), key, reverse)) return EMPTY_VAL;
    return NONE_VAL;
}

/* list() and list(iterable): args[0] is the class. */
static Value list_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        return vm_raise(vm, vm->types.TypeError, "list() takes no keyword arguments");
    }
    if (!args_range(vm, "list", "list", argc, NULL, 0, 1)) return EMPTY_VAL;
    ObjList *list = list_new(vm, 0);
    if (argc == 1) return OBJ_VAL(list);
    vm_push_root(vm, OBJ_VAL(list));
    bool ok = list_extend(vm, list, args[1]);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(list) : EMPTY_VAL;
}

void list_init_class(VM *vm, ObjClass *cls) {
    cls->construct = list_construct;
    vm_define_native(vm, cls->dict, "append", list_append_method, cls);
    vm_define_native(vm, cls->dict, "extend", list_extend_method, cls);
    vm_define_native(vm, cls->dict, "insert", list_insert_method, cls);
    vm_define_native(vm, cls->dict, "pop", list_pop_method, cls);
    vm_define_native(vm, cls->dict, "remove", list_remove_method, cls);
    vm_define_native(vm, cls->dict, "index", list_index_method, cls);
    vm_define_native(vm, cls->dict, "count", list_count_method, cls);
    vm_define_native(vm, cls->dict, "clear", list_clear_method, cls);
    vm_define_native(vm, cls->dict, "copy", list_copy_method, cls);
    vm_define_native(vm, cls->dict, "reverse", list_reverse_method, cls);
    vm_define_native(vm, cls->dict, "sort", list_sort_method, cls);
}
