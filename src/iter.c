/* iter.c — the iterator classes of the builtins: enumerate, zip, map, filter,
 * reversed (and dict's reverse iterators), and iter(callable, sentinel)'s
 * callable_iterator. Each is an ObjIterator whose `next` does one step; the
 * iterators of str, list, tuple, dict, set and range are the containers'. */
#include "ast.h"
#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

/* ----------------------------------------------------------------- enumerate */

/* source: the iterator; extra: the next count (an int, big once past int64). */
static int enumerate_next(VM *vm, ObjIterator *it, Value *out) {
    Value item;
    int status = vm_next(vm, it->source, &item);
    if (status <= 0) return status;
    Value pair[2] = {it->extra, item};
    *out = OBJ_VAL(tuple_from_values(vm, 2, pair));
    if (IS_INT(it->extra) && AS_INT(it->extra) < INT64_MAX) {
        it->extra = INT_VAL(AS_INT(it->extra) + 1);
    } else {
        vm_push_root(vm, *out);
        it->extra = num_binary_op(vm, OPR_ADD, it->extra, INT_VAL(1));
        vm_pop_roots(vm, 1);
    }
    return 1;
}

static Value enumerate_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"iterable", "start"};
    Value given[2];
    if (argc - 1 > 2)
        return vm_raise(vm, vm->types.TypeError, "enumerate() takes at most 2 arguments (%d given)",
                        argc - 1);
    if (!vm_parse_args(vm, "enumerate", argc - 1, args + 1, kwnames, 2, params, 2, 0, given))
        return EMPTY_VAL;
    if (IS_EMPTY(given[0]))
        return vm_raise(vm, vm->types.TypeError, "enumerate() missing required argument 'iterable'");
    Value start = IS_EMPTY(given[1]) ? INT_VAL(0) : given[1];
    if (!builtins_is_integer(start))
        return vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                        vm_type_name(vm, start));
    if (IS_BOOL(start)) start = INT_VAL(AS_BOOL(start));
    Value source = vm_iter(vm, given[0]);
    if (IS_EMPTY(source)) return EMPTY_VAL;
    ObjIterator *it = iterator_new(vm, "enumerate", enumerate_next, source);
    it->extra = start;
    return OBJ_VAL(it);
}

/* -------------------------------------------------------------- zip and map */

/* A tuple of iter(x) for each of `count` iterables (EMPTY on exception). */
static Value iterators_of(VM *vm, int count, Value *iterables) {
    ObjTuple *iterators = tuple_new(vm, count);
    vm_push_root(vm, OBJ_VAL(iterators));
    for (int i = 0; i < count; i++) {
        Value it = vm_iter(vm, iterables[i]);
        if (IS_EMPTY(it)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        iterators->items[i] = it;
    }
    vm_pop_roots(vm, 1);
    return OBJ_VAL(iterators);
}

/* Next item of every iterator into values[]: 1, 0 when iterator *stopped_at
 * is exhausted, -1 on exception. values must be rooted by the caller. */
static int next_of_each(VM *vm, ObjTuple *iterators, Value *values, int64_t *stopped_at) {
    for (int64_t i = 0; i < iterators->count; i++) {
        int status = vm_next(vm, iterators->items[i], &values[i]);
        if (status <= 0) {
            *stopped_at = i;
            return status;
        }
    }
    return 1;
}

/* zip(strict=True): once argument `stopped_at` is exhausted, every other must be too. */
static int zip_check_strict(VM *vm, ObjTuple *iterators, int64_t stopped_at) {
    const char *plural = stopped_at == 1 ? " " : "s 1-";
    if (stopped_at > 0) {
        vm_raise(vm, vm->types.ValueError, "zip() argument %lld is shorter than argument%s%lld",
                 (long long)stopped_at + 1, plural, (long long)stopped_at);
        return -1;
    }
    for (int64_t i = 1; i < iterators->count; i++) {
        Value item;
        int status = vm_next(vm, iterators->items[i], &item);
        if (status < 0) return -1;
        if (status > 0) {
            vm_raise(vm, vm->types.ValueError, "zip() argument %lld is longer than argument%s%lld",
                     (long long)i + 1, i == 1 ? " " : "s 1-", (long long)i);
            return -1;
        }
    }
    return 0;
}

/* source: tuple of iterators; step: 1 for strict=True. */
static int zip_next(VM *vm, ObjIterator *it, Value *out) {
    ObjTuple *iterators = AS_TUPLE(it->source);
    if (iterators->count == 0) return 0;
    ObjTuple *result = tuple_new(vm, iterators->count);
    vm_push_root(vm, OBJ_VAL(result));
    int64_t stopped_at = 0;
    int status = next_of_each(vm, iterators, result->items, &stopped_at);
    if (status == 0 && it->step) status = zip_check_strict(vm, iterators, stopped_at);
    vm_pop_roots(vm, 1);
    if (status > 0) *out = OBJ_VAL(result);
    return status;
}

static Value zip_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int kwcount = vm_kwcount(kwnames), count = argc - 1 - kwcount;
    bool strict = false;
    if (kwcount > 1)
        return vm_raise(vm, vm->types.TypeError,
                        "zip() takes at most 1 keyword argument (%d given)", kwcount);
    if (kwcount == 1) {
        ObjStr *keyword = AS_STR(kwnames->items[0]);
        if (strcmp(keyword->chars, "strict") != 0)
            return vm_raise(vm, vm->types.TypeError,
                            "'%s' is an invalid keyword argument for zip()", keyword->chars);
        int truth = vm_truthy(vm, args[argc - 1]);
        if (truth < 0) return EMPTY_VAL;
        strict = truth;
    }
    Value iterators = iterators_of(vm, count, args + 1);
    if (IS_EMPTY(iterators)) return EMPTY_VAL;
    ObjIterator *it = iterator_new(vm, "zip", zip_next, iterators);
    it->step = strict;
    return OBJ_VAL(it);
}

/* source: tuple of iterators; extra: the function. */
static int map_next(VM *vm, ObjIterator *it, Value *out) {
    ObjTuple *iterators = AS_TUPLE(it->source);
    int64_t count = iterators->count, stopped_at;
    Value one;
    int status;
    if (count == 1) {
        status = vm_next(vm, iterators->items[0], &one);
        if (status > 0) *out = vm_call(vm, it->extra, 1, &one); /* vm_call roots its arguments */
    } else {
        ObjTuple *values = tuple_new(vm, count);
        vm_push_root(vm, OBJ_VAL(values));
        status = next_of_each(vm, iterators, values->items, &stopped_at);
        if (status > 0) *out = vm_call(vm, it->extra, (int)count, values->items);
        vm_pop_roots(vm, 1);
    }
    if (status > 0 && IS_EMPTY(*out)) return -1;
    return status;
}

static Value map_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0)
        return vm_raise(vm, vm->types.TypeError, "map() takes no keyword arguments");
    if (argc - 1 < 2)
        return vm_raise(vm, vm->types.TypeError, "map() must have at least two arguments.");
    Value iterators = iterators_of(vm, argc - 2, args + 2);
    if (IS_EMPTY(iterators)) return EMPTY_VAL;
    ObjIterator *it = iterator_new(vm, "map", map_next, iterators);
    it->extra = args[1];
    return OBJ_VAL(it);
}

/* -------------------------------------------------------------------- filter */

/* source: the iterator; extra: the predicate, or None for truthiness. */
static int filter_next(VM *vm, ObjIterator *it, Value *out) {
    bool plain = IS_NONE(it->extra) || (IS_CLASS(it->extra) && AS_CLASS(it->extra) == vm->types.bool_);
    for (;;) {
        Value item;
        int status = vm_next(vm, it->source, &item);
        if (status <= 0) return status;
        vm_push_root(vm, item);
        Value verdict = plain ? item : vm_call(vm, it->extra, 1, &item);
        int truth = IS_EMPTY(verdict) ? -1 : vm_truthy(vm, verdict);
        vm_pop_roots(vm, 1);
        if (truth < 0) return -1;
        if (truth) {
            *out = item;
            return 1;
        }
    }
}

static Value filter_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0)
        return vm_raise(vm, vm->types.TypeError, "filter() takes no keyword arguments");
    if (argc - 1 != 2)
        return vm_raise(vm, vm->types.TypeError, "filter expected 2 arguments, got %d", argc - 1);
    Value source = vm_iter(vm, args[2]);
    if (IS_EMPTY(source)) return EMPTY_VAL;
    ObjIterator *it = iterator_new(vm, "filter", filter_next, source);
    it->extra = args[1];
    return OBJ_VAL(it);
}

/* ------------------------------------------------------------------ reversed */

/* "reversed" over a tuple, a str or any sequence with __len__ and __getitem__.
 * index: the next item's index (for a str, the byte offset just past it); -1 when done. */
static int reversed_next(VM *vm, ObjIterator *it, Value *out) {
    if (it->index < 0) return 0;
    Value seq = it->source;
    if (IS_TUPLE(seq)) {
        *out = AS_TUPLE(seq)->items[it->index--];
        return 1;
    }
    if (IS_STR(seq)) {
        ObjStr *s = AS_STR(seq);
        int64_t end = it->index, start = end - 1;
        if (end <= 0) return (it->index = -1, 0);
        while (start > 0 && ((uint8_t)s->chars[start] & 0xC0) == 0x80) start--;
        *out = OBJ_VAL(str_new(vm, s->chars + start, (size_t)(end - start)));
        it->index = start;
        return 1;
    }
    Value item = vm_getitem(vm, seq, INT_VAL(it->index));
    if (IS_EMPTY(item)) {
        if (!vm_exception_matches(vm, vm->types.IndexError) &&
            !vm_exception_matches(vm, vm->types.StopIteration))
            return -1;
        vm_take_exception(vm);
        it->index = -1;
        return 0;
    }
    it->index--;
    *out = item;
    return 1;
}

/* dict_reversekeyiterator & co. source: the dict; index: the entry to look at
 * next; end: the dict's size when made (-1 once it changed); step: the kind. */
static int dict_reverse_next(VM *vm, ObjIterator *it, Value *out) {
    ObjDict *dict = AS_DICT(it->source);
    if (it->end != dict->count || it->end < 0) {
        it->end = -1; /* stays broken, as CPython */
        vm_raise(vm, vm->types.RuntimeError, "dictionary changed size during iteration");
        return -1;
    }
    while (it->index >= 0 && it->index < dict->used && IS_EMPTY(dict->entries[it->index].key))
        it->index--;
    if (it->index < 0 || it->index >= dict->used) {
        it->index = -1;
        return 0;
    }
    DictEntry *entry = &dict->entries[it->index--];
    if (it->step == DICT_KEYS) *out = entry->key;
    else if (it->step == DICT_VALUES) *out = entry->value;
    else *out = OBJ_VAL(tuple_from_values(vm, 2, (Value[2]){entry->key, entry->value}));
    return 1;
}

static Value dict_reverse_new(VM *vm, ObjDict *dict, DictViewKind kind) {
    static const char *const names[] = {"dict_reversekeyiterator", "dict_reversevalueiterator",
                                        "dict_reverseitemiterator"};
    ObjIterator *it = iterator_new(vm, names[kind], dict_reverse_next, OBJ_VAL(dict));
    it->index = dict->used - 1;
    it->end = dict->count;
    it->step = kind;
    return OBJ_VAL(it);
}

/* reversed(range) is a range_iterator over the reversed range, as CPython. */
static Value range_reverse_new(VM *vm, ObjRange *range) {
    int64_t last, stop, step;
    if (range->length == 0) return range_iter_new(vm, range_new(vm, 0, 0, 1));
    if (__builtin_mul_overflow(range->length - 1, range->step, &last) ||
        __builtin_add_overflow(range->start, last, &last) ||
        __builtin_sub_overflow(range->start, range->step, &stop) ||
        __builtin_sub_overflow((int64_t)0, range->step, &step)) {
        ObjIterator *it = iterator_new(vm, "reversed", reversed_next, OBJ_VAL(range));
        it->index = range->length - 1;
        return OBJ_VAL(it);
    }
    return range_iter_new(vm, range_new(vm, last, stop, step));
}

static Value reversed_sequence(VM *vm, Value seq) {
    int64_t length;
    if (!vm_len(vm, seq, &length)) return EMPTY_VAL;
    ObjIterator *it = iterator_new(vm, "reversed", reversed_next, seq);
    it->index = IS_STR(seq) ? AS_STR(seq)->length : length - 1;
    return OBJ_VAL(it);
}

static Value reversed_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0)
        return vm_raise(vm, vm->types.TypeError, "reversed() takes no keyword arguments");
    if (argc - 1 != 1)
        return vm_raise(vm, vm->types.TypeError, "reversed expected 1 argument, got %d", argc - 1);
    Value seq = args[1];
    if (IS_LIST(seq)) return list_reverse_iter_new(vm, AS_LIST(seq));
    if (IS_TUPLE(seq) || IS_STR(seq) || IS_BYTES(seq)) return reversed_sequence(vm, seq);
    if (IS_RANGE(seq)) return range_reverse_new(vm, AS_RANGE(seq));
    if (IS_DICT(seq)) return dict_reverse_new(vm, AS_DICT(seq), DICT_KEYS);
    if (dict_is_view(seq))
        return dict_reverse_new(vm, AS_DICT(AS_ITERATOR(seq)->source),
                                (DictViewKind)AS_ITERATOR(seq)->step);
    Value result;
    int found = builtins_call_dunder(vm, seq, "__reversed__", 0, NULL, &result);
    if (found != 0) return found > 0 ? result : EMPTY_VAL;
    ObjClass *cls = vm_type_of(vm, seq);
    if (IS_INSTANCE(seq) && !IS_EMPTY(class_lookup(cls, str_intern_cstr(vm, "__len__"))) &&
        !IS_EMPTY(class_lookup(cls, str_intern_cstr(vm, "__getitem__"))))
        return reversed_sequence(vm, seq);
    return vm_raise(vm, vm->types.TypeError, "'%s' object is not reversible", cls->name->chars);
}

/* --------------------------------------------------------- callable_iterator */

/* source: the callable (None once the sentinel came); extra: the sentinel. */
static int callable_next(VM *vm, ObjIterator *it, Value *out) {
    if (IS_NONE(it->source)) return 0;
    Value result = vm_call(vm, it->source, 0, NULL);
    if (IS_EMPTY(result)) {
        if (!vm_exception_matches(vm, vm->types.StopIteration)) return -1;
        vm_take_exception(vm);
        it->source = NONE_VAL;
        return 0;
    }
    vm_push_root(vm, result);
    int equal = vm_equal(vm, result, it->extra);
    vm_pop_roots(vm, 1);
    if (equal < 0) return -1;
    if (equal) {
        it->source = NONE_VAL;
        return 0;
    }
    *out = result;
    return 1;
}

Value iter_callable_new(VM *vm, Value callable, Value sentinel) {
    ObjIterator *it = iterator_new(vm, "callable_iterator", callable_next, callable);
    it->extra = sentinel;
    return OBJ_VAL(it);
}

/* ------------------------------------------------------------------- classes */

static Value iterator_iter_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "__iter__", argc, kwnames)) return EMPTY_VAL;
    return args[0];
}

static Value iterator_next_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "__next__", argc, kwnames)) return EMPTY_VAL;
    Value item;
    int status = vm_next(vm, args[0], &item);
    if (status > 0) return item;
    return status == 0 ? vm_raise_empty(vm, vm->types.StopIteration) : EMPTY_VAL;
}

void iter_add_protocol_methods(VM *vm, ObjClass *cls) {
    vm_define_native(vm, cls->dict, "__iter__", iterator_iter_method, cls);
    vm_define_native(vm, cls->dict, "__next__", iterator_next_method, cls);
}

/* The iterators of the built-in containers, made in their own modules: their
 * classes are registered here so that it.__next__() and it.__iter__() work. */
static const char *const container_iterators[] = {
    "str_ascii_iterator", "str_iterator", "list_iterator", "list_reverseiterator",
    "tuple_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
    "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator",
    "set_iterator", "range_iterator", "callable_iterator",
};

/* type(iter([]))() is refused, as in CPython. */
static Value not_constructible(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(argc);
    UNUSED(kwnames);
    return vm_raise(vm, vm->types.TypeError, "cannot create '%s' instances",
                    AS_CLASS(args[0])->name->chars);
}

static ObjClass *iterator_class_new(VM *vm, const char *type_name, NativeFn construct) {
    ObjStr *name = str_intern_cstr(vm, type_name);
    ObjClass *cls = class_new(vm, name, vm->types.object, OBJ_ITERATOR);
    cls->is_builtin = true;
    cls->construct = construct;
    iter_add_protocol_methods(vm, cls);
    dict_set_str(vm, vm->iterator_classes, name, OBJ_VAL(cls));
    return cls;
}

void iter_init_classes(VM *vm) {
    struct {
        const char *name;
        NativeFn construct;
    } classes[] = {{"enumerate", enumerate_construct}, {"zip", zip_construct},
                   {"map", map_construct},             {"filter", filter_construct},
                   {"reversed", reversed_construct}};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        ObjClass *cls = iterator_class_new(vm, classes[i].name, classes[i].construct);
        dict_set_str(vm, vm->builtins, cls->name, OBJ_VAL(cls));
    }
    for (size_t i = 0; i < sizeof container_iterators / sizeof container_iterators[0]; i++)
        iterator_class_new(vm, container_iterators[i], not_constructible);
}
