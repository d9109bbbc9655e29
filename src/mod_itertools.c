/* mod_itertools.c — the `itertools` module: lazy iterators, each an ObjIterator
 * whose `next` does one step as CPython's itertoolsmodule.c does (same order of
 * pulls from the source, same results), with classes of the same names. State
 * that does not fit the iterator's fields lives in private tuples and lists. */
#include "mod_itertools.h"

#include "ast.h"
#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

static ObjIterator *new_iterator(VM *vm, const char *type_name, IterNextFn next, Value source) {
    ObjIterator *it = iterator_new(vm, type_name, next, source);
    it->index = 0;
    it->end = 0;
    it->step = 0;
    return it;
}

/* A private mutable tuple of `count` NONE values (state the iterator owns). */
static ObjTuple *state_tuple(VM *vm, int64_t count) { return tuple_new(vm, count); }

/* tuple(iterable), as a pool for product, permutations and combinations. */
static Value pool_of(VM *vm, Value iterable) {
    if (IS_TUPLE(iterable)) return iterable;
    Value list = vm_list_from_iterable(vm, iterable);
    if (IS_EMPTY(list)) return EMPTY_VAL;
    return OBJ_VAL(tuple_from_values(vm, AS_LIST(list)->count, AS_LIST(list)->items));
}

static bool no_keywords(VM *vm, const char *name, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) == 0) return true;
    vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", name);
    return false;
}

static bool positional_count(VM *vm, const char *name, int given, int min, int max) {
    if (given >= min && given <= max) return true;
    if (min == max)
        vm_raise(vm, vm->types.TypeError, "%s expected %d argument%s, got %d", name, min, min == 1 ? "" : "s", given);
    else if (given < min)
        vm_raise(vm, vm->types.TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s",
                 given);
    else
        vm_raise(vm, vm->types.TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s",
                 given);
    return false;
}

/* --------------------------------------------------------- count, repeat */

/* extra: the next value; source: the step. */
static int count_next(VM *vm, ObjIterator *it, Value *out) {
    *out = it->extra;
    if (IS_INT(it->extra) && IS_INT(it->source)) {
        int64_t sum;
        if (!__builtin_add_overflow(AS_INT(it->extra), AS_INT(it->source), &sum)) {
            it->extra = INT_VAL(sum);
            return 1;
        }
    }
    vm_push_root(vm, *out);
    Value next = vm_binary_op(vm, OPR_ADD, it->extra, it->source);
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(next)) return -1;
    it->extra = next;
    return 1;
}

static Value count_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"start", "step"};
    Value given[2];
    if (!vm_parse_args(vm, "count", argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    Value start = IS_EMPTY(given[0]) ? INT_VAL(0) : given[0];
    Value step = IS_EMPTY(given[1]) ? INT_VAL(1) : given[1];
    if (!builtins_is_number(start) || !builtins_is_number(step))
        return vm_raise(vm, vm->types.TypeError, "a number is required");
    if (IS_BOOL(start)) start = INT_VAL(AS_BOOL(start));
    ObjIterator *it = new_iterator(vm, "count", count_next, step);
    it->extra = start;
    return OBJ_VAL(it);
}

/* count(5), count(5, 2): CPython leaves out a step that is the int 1. */
static Value count_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__repr__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!IS_ITERATOR(args[0]) || AS_ITERATOR(args[0])->next != count_next)
        return vm_raise(vm, vm->types.TypeError, "descriptor '__repr__' requires a 'itertools.count' object");
    ObjIterator *it = AS_ITERATOR(args[0]);
    Value start = vm_repr(vm, it->extra);
    if (IS_EMPTY(start)) return EMPTY_VAL;
    if (IS_INT(it->source) && AS_INT(it->source) == 1)
        return OBJ_VAL(str_printf(vm, "count(%s)", AS_STR(start)->chars));
    vm_push_root(vm, start);
    Value step = vm_repr(vm, it->source);
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(step)) return EMPTY_VAL;
    return OBJ_VAL(str_printf(vm, "count(%s, %s)", AS_STR(start)->chars, AS_STR(step)->chars));
}

/* source: the object; index: how many remain, or -1 for ever. */
static int repeat_next(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(vm);
    if (it->index == 0) return 0;
    if (it->index > 0) it->index--;
    *out = it->source;
    return 1;
}

static Value repeat_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"object", "times"};
    Value given[2];
    if (!vm_parse_args(vm, "repeat", argc - 1, args + 1, kwnames, 2, params, 2, 1, given)) return EMPTY_VAL;
    int64_t times = -1;
    if (!IS_EMPTY(given[1])) {
        if (!arg_int64(vm, given[1], &times)) return EMPTY_VAL;
        if (times < 0) times = 0;
    }
    ObjIterator *it = new_iterator(vm, "repeat", repeat_next, given[0]);
    it->index = times;
    return OBJ_VAL(it);
}

/* repeat('a'), repeat('a', 3): the times still to come. */
static Value repeat_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__repr__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (!IS_ITERATOR(args[0]) || AS_ITERATOR(args[0])->next != repeat_next)
        return vm_raise(vm, vm->types.TypeError, "descriptor '__repr__' requires a 'itertools.repeat' object");
    ObjIterator *it = AS_ITERATOR(args[0]);
    Value object = vm_repr(vm, it->source);
    if (IS_EMPTY(object)) return EMPTY_VAL;
    if (it->index < 0) return OBJ_VAL(str_printf(vm, "repeat(%s)", AS_STR(object)->chars));
    return OBJ_VAL(str_printf(vm, "repeat(%s, %lld)", AS_STR(object)->chars, (long long)it->index));
}

/* ------------------------------------------------------------------ cycle */

/* source: the iterator (NONE once exhausted); extra: the saved items; index: replay position. */
static int cycle_next(VM *vm, ObjIterator *it, Value *out) {
    ObjList *saved = AS_LIST(it->extra);
    if (!IS_NONE(it->source)) {
        int status = vm_next(vm, it->source, out);
        if (status < 0) return -1;
        if (status > 0) {
            list_append(vm, saved, *out);
            return 1;
        }
        it->source = NONE_VAL;
    }
    if (saved->count == 0) return 0;
    *out = saved->items[it->index];
    it->index = (it->index + 1) % saved->count;
    return 1;
}

static Value cycle_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!no_keywords(vm, "cycle", kwnames) || !positional_count(vm, "cycle", argc - 1, 1, 1)) return EMPTY_VAL;
    Value source = vm_iter(vm, args[1]);
    if (IS_EMPTY(source)) return EMPTY_VAL;
    vm_push_root(vm, source);
    ObjList *saved = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(saved));
    ObjIterator *it = new_iterator(vm, "cycle", cycle_next, source);
    it->extra = OBJ_VAL(saved);
    vm_pop_roots(vm, 2);
    return OBJ_VAL(it);
}

/* ----------------------------------------------------------------- islice */

/* source: the iterator (NONE once done); index: the position to yield next;
 * end: stop or -1; step; extra: how many items were taken from the source. */
static int islice_next(VM *vm, ObjIterator *it, Value *out) {
    if (IS_NONE(it->source)) return 0;
    int64_t taken = AS_INT(it->extra);
    while (taken < it->index) {
        int status = vm_next(vm, it->source, out);
        if (status <= 0) {
            it->source = NONE_VAL;
            return status;
        }
        it->extra = INT_VAL(++taken);
    }
    if (it->end != -1 && taken >= it->end) {
        it->source = NONE_VAL;
        return 0;
    }
    int status = vm_next(vm, it->source, out);
    if (status <= 0) {
        it->source = NONE_VAL;
        return status;
    }
    it->extra = INT_VAL(taken + 1);
    int64_t next;
    if (__builtin_add_overflow(it->index, it->step, &next) || (it->end != -1 && next > it->end)) next = it->end;
    it->index = next;
    return 1;
}

/* An islice bound: None or an int in [0, sys.maxsize]. */
static bool islice_bound(VM *vm, Value v, int64_t none_value, const char *message, int64_t *out) {
    if (IS_NONE(v)) {
        *out = none_value;
        return true;
    }
    if (builtins_is_integer(v) && !IS_BIGINT(v)) {
        int64_t n = IS_BOOL(v) ? AS_BOOL(v) : AS_INT(v);
        if (n >= 0) {
            *out = n;
            return true;
        }
    }
    vm_raise(vm, vm->types.ValueError, "%s", message);
    return false;
}

static Value islice_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!no_keywords(vm, "islice", kwnames) || !positional_count(vm, "islice", argc - 1, 2, 4)) return EMPTY_VAL;
    static const char stop_message[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char index_message[] = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    int64_t start = 0, stop, step = 1;
    if (argc - 1 == 2) {
        if (!islice_bound(vm, args[2], -1, stop_message, &stop)) return EMPTY_VAL;
    } else {
        if (!islice_bound(vm, args[2], 0, index_message, &start) ||
            !islice_bound(vm, args[3], -1, stop_message, &stop))
            return EMPTY_VAL;
        if (argc - 1 == 4 && !islice_bound(vm, args[4], 1, "Step for islice() must be a positive integer or None.", &step))
            return EMPTY_VAL;
        if (step == 0) return vm_raise(vm, vm->types.ValueError, "Step for islice() must be a positive integer or None.");
    }
    Value source = vm_iter(vm, args[1]);
    if (IS_EMPTY(source)) return EMPTY_VAL;
    ObjIterator *it = new_iterator(vm, "islice", islice_next, source);
    it->index = start;
    it->end = stop;
    it->step = step;
    it->extra = INT_VAL(0);
    return OBJ_VAL(it);
}

/* ------------------------------------------------------------------ chain */

/* source: an iterator over the iterables; extra: the current iterator, or NONE. */
static int chain_next(VM *vm, ObjIterator *it, Value *out) {
    for (;;) {
        if (IS_NONE(it->extra)) {
            if (IS_NONE(it->source)) return 0;
            Value iterable;
            int status = vm_next(vm, it->source, &iterable);
            if (status <= 0) {
                it->source = NONE_VAL;
                return status;
            }
            Value current = vm_iter(vm, iterable);
            if (IS_EMPTY(current)) return -1;
            it->extra = current;
        }
        int status = vm_next(vm, it->extra, out);
        if (status != 0) return status;
        it->extra = NONE_VAL;
    }
}

static Value chain_new(VM *vm, Value iterables) {
    Value source = vm_iter(vm, iterables);
    if (IS_EMPTY(source)) return EMPTY_VAL;
    return OBJ_VAL(new_iterator(vm, "chain", chain_next, source));
}

static Value chain_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!no_keywords(vm, "chain", kwnames)) return EMPTY_VAL;
    return chain_new(vm, OBJ_VAL(tuple_from_values(vm, argc - 1, args + 1)));
}

static Value chain_from_iterable(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "from_iterable", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return chain_new(vm, args[0]);
}

/* ------------------------------------------------------------ combinatorics */

/* The state of product, permutations and combinations*: source is a tuple
 * (pools..., then index arrays as tuples of ints); index: 0 before the first
 * result, 1 after, -1 when done. These follow CPython's odometer algorithms. */

static int64_t int_at(ObjTuple *t, int64_t i) { return AS_INT(t->items[i]); }
static void int_put(ObjTuple *t, int64_t i, int64_t v) { t->items[i] = INT_VAL(v); }

/* product: source = (pools tuple, indices tuple). */
static int product_next(VM *vm, ObjIterator *it, Value *out) {
    if (it->index < 0) return 0;
    ObjTuple *pools = AS_TUPLE(AS_TUPLE(it->source)->items[0]);
    ObjTuple *indices = AS_TUPLE(AS_TUPLE(it->source)->items[1]);
    int64_t n = pools->count;
    if (it->index == 0) {
        for (int64_t i = 0; i < n; i++)
            if (AS_TUPLE(pools->items[i])->count == 0) return (it->index = -1, 0);
        it->index = 1;
    } else {
        int64_t i = n - 1;
        for (; i >= 0; i--) {
            int64_t next = int_at(indices, i) + 1;
            if (next < AS_TUPLE(pools->items[i])->count) {
                int_put(indices, i, next);
                break;
            }
            int_put(indices, i, 0);
        }
        if (i < 0) return (it->index = -1, 0);
    }
    ObjTuple *result = tuple_new(vm, n);
    for (int64_t i = 0; i < n; i++) result->items[i] = AS_TUPLE(pools->items[i])->items[int_at(indices, i)];
    *out = OBJ_VAL(result);
    return 1;
}

static Value product_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int nkw = vm_kwcount(kwnames), npos = argc - 1 - nkw;
    int64_t repeat = 1;
    for (int k = 0; k < nkw; k++) {
        if (strcmp(AS_STR(kwnames->items[k])->chars, "repeat") != 0)
            return vm_raise(vm, vm->types.TypeError, "product() got an unexpected keyword argument '%s'",
                            AS_STR(kwnames->items[k])->chars);
        if (!arg_int64(vm, args[1 + npos + k], &repeat)) return EMPTY_VAL;
        if (repeat < 0) return vm_raise(vm, vm->types.ValueError, "repeat argument cannot be negative");
    }
    if (repeat > 0 && npos > INT32_MAX / repeat) return vm_raise(vm, vm->types.OverflowError, "repeat argument too large");
    ObjTuple *state = state_tuple(vm, 2);
    vm_push_root(vm, OBJ_VAL(state));
    ObjTuple *pools = tuple_new(vm, npos * repeat);
    state->items[0] = OBJ_VAL(pools);
    for (int i = 0; i < npos; i++) {
        Value pool = pool_of(vm, args[1 + i]);
        if (IS_EMPTY(pool)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        for (int64_t r = 0; r < repeat; r++) pools->items[r * npos + i] = pool;
    }
    ObjTuple *indices = tuple_new(vm, pools->count);
    for (int64_t i = 0; i < indices->count; i++) int_put(indices, i, 0);
    state->items[1] = OBJ_VAL(indices);
    ObjIterator *it = new_iterator(vm, "product", product_next, OBJ_VAL(state));
    vm_pop_roots(vm, 1);
    return OBJ_VAL(it);
}

/* combinations: source = (pool, indices); end = r. */
static int combinations_next(VM *vm, ObjIterator *it, Value *out) {
    if (it->index < 0) return 0;
    ObjTuple *pool = AS_TUPLE(AS_TUPLE(it->source)->items[0]);
    ObjTuple *indices = AS_TUPLE(AS_TUPLE(it->source)->items[1]);
    int64_t n = pool->count, r = it->end;
    bool with_replacement = it->step;
    if (it->index == 0) {
        if (r > n && !(with_replacement && n > 0)) return (it->index = -1, 0);
        if (with_replacement && n == 0 && r > 0) return (it->index = -1, 0);
        it->index = 1;
    } else {
        int64_t i = r - 1;
        if (with_replacement) {
            while (i >= 0 && int_at(indices, i) == n - 1) i--;
            if (i < 0) return (it->index = -1, 0);
            int64_t value = int_at(indices, i) + 1;
            for (int64_t j = i; j < r; j++) int_put(indices, j, value);
        } else {
            while (i >= 0 && int_at(indices, i) == i + n - r) i--;
            if (i < 0) return (it->index = -1, 0);
            int_put(indices, i, int_at(indices, i) + 1);
            for (int64_t j = i + 1; j < r; j++) int_put(indices, j, int_at(indices, j - 1) + 1);
        }
    }
    ObjTuple *result = tuple_new(vm, r);
    for (int64_t i = 0; i < r; i++) result->items[i] = pool->items[int_at(indices, i)];
    *out = OBJ_VAL(result);
    return 1;
}

static Value combinations_make(VM *vm, const char *name, int argc, Value *args, ObjTuple *kwnames, bool with_replacement) {
    static const char *const params[] = {"iterable", "r"};
    Value given[2];
    if (!vm_parse_args(vm, name, argc - 1, args + 1, kwnames, 2, params, 2, 2, given)) return EMPTY_VAL;
    int64_t r;
    if (!arg_int64(vm, given[1], &r)) return EMPTY_VAL;
    if (r < 0) return vm_raise(vm, vm->types.ValueError, "r must be non-negative");
    ObjTuple *state = state_tuple(vm, 2);
    vm_push_root(vm, OBJ_VAL(state));
    Value pool = pool_of(vm, given[0]);
    if (IS_EMPTY(pool)) {
        vm_pop_roots(vm, 1);
        return EMPTY_VAL;
    }
    state->items[0] = pool;
    ObjTuple *indices = tuple_new(vm, r);
    for (int64_t i = 0; i < r; i++) int_put(indices, i, with_replacement ? 0 : i);
    state->items[1] = OBJ_VAL(indices);
    ObjIterator *it = new_iterator(vm, with_replacement ? "combinations_with_replacement" : "combinations",
                                   combinations_next, OBJ_VAL(state));
    it->end = r;
    it->step = with_replacement;
    vm_pop_roots(vm, 1);
    return OBJ_VAL(it);
}

static Value combinations_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return combinations_make(vm, "combinations", argc, args, kwnames, false);
}

static Value cwr_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return combinations_make(vm, "combinations_with_replacement", argc, args, kwnames, true);
}

/* permutations: source = (pool, indices, cycles); end = r. */
static int permutations_next(VM *vm, ObjIterator *it, Value *out) {
    if (it->index < 0) return 0;
    ObjTuple *state = AS_TUPLE(it->source);
    ObjTuple *pool = AS_TUPLE(state->items[0]), *indices = AS_TUPLE(state->items[1]);
    ObjTuple *cycles = AS_TUPLE(state->items[2]);
    int64_t n = pool->count, r = it->end;
    if (it->index == 0) {
        if (r > n) return (it->index = -1, 0);
        it->index = 1;
    } else {
        if (n == 0) return (it->index = -1, 0);
        int64_t i = r - 1;
        for (; i >= 0; i--) {
            int64_t c = int_at(cycles, i) - 1;
            int_put(cycles, i, c);
            if (c == 0) { /* rotate indices[i:] left by one */
                Value first = indices->items[i];
                for (int64_t j = i; j < n - 1; j++) indices->items[j] = indices->items[j + 1];
                indices->items[n - 1] = first;
                int_put(cycles, i, n - i);
            } else {
                int64_t j = n - c;
                Value swap = indices->items[i];
                indices->items[i] = indices->items[j];
                indices->items[j] = swap;
                break;
            }
        }
        if (i < 0) return (it->index = -1, 0);
    }
    ObjTuple *result = tuple_new(vm, r);
    for (int64_t i = 0; i < r; i++) result->items[i] = pool->items[int_at(indices, i)];
    *out = OBJ_VAL(result);
    return 1;
}

static Value permutations_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"iterable", "r"};
    Value given[2];
    if (!vm_parse_args(vm, "permutations", argc - 1, args + 1, kwnames, 2, params, 2, 1, given)) return EMPTY_VAL;
    ObjTuple *state = state_tuple(vm, 3);
    vm_push_root(vm, OBJ_VAL(state));
    Value pool = pool_of(vm, given[0]);
    if (IS_EMPTY(pool)) {
        vm_pop_roots(vm, 1);
        return EMPTY_VAL;
    }
    state->items[0] = pool;
    int64_t n = AS_TUPLE(pool)->count, r = n;
    if (!IS_EMPTY(given[1]) && !IS_NONE(given[1])) {
        if (!arg_int64(vm, given[1], &r)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        if (r < 0) {
            vm_pop_roots(vm, 1);
            return vm_raise(vm, vm->types.ValueError, "r must be non-negative");
        }
    }
    ObjTuple *indices = tuple_new(vm, n);
    for (int64_t i = 0; i < n; i++) int_put(indices, i, i);
    state->items[1] = OBJ_VAL(indices);
    int64_t ncycles = r < n ? r : n;
    ObjTuple *cycles = tuple_new(vm, ncycles);
    for (int64_t i = 0; i < ncycles; i++) int_put(cycles, i, n - i);
    state->items[2] = OBJ_VAL(cycles);
    ObjIterator *it = new_iterator(vm, "permutations", permutations_next, OBJ_VAL(state));
    it->end = r;
    vm_pop_roots(vm, 1);
    return OBJ_VAL(it);
}

/* ------------------------------------------------------------- accumulate */

/* source: the iterator; extra: (total or EMPTY, func or None, initial or EMPTY). */
static int accumulate_next(VM *vm, ObjIterator *it, Value *out) {
    ObjTuple *state = AS_TUPLE(it->extra);
    if (!IS_EMPTY(state->items[2])) { /* initial comes first */
        *out = state->items[0] = state->items[2];
        state->items[2] = EMPTY_VAL;
        return 1;
    }
    Value item;
    int status = vm_next(vm, it->source, &item);
    if (status <= 0) return status;
    if (IS_EMPTY(state->items[0])) {
        *out = state->items[0] = item;
        return 1;
    }
    vm_push_root(vm, item);
    Value total;
    if (IS_NONE(state->items[1])) {
        total = vm_binary_op(vm, OPR_ADD, state->items[0], item);
    } else {
        Value call_args[2] = {state->items[0], item};
        total = vm_call(vm, state->items[1], 2, call_args);
    }
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(total)) return -1;
    *out = state->items[0] = total;
    return 1;
}

static Value accumulate_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"iterable", "func", "initial"};
    Value given[3];
    if (!vm_parse_args(vm, "accumulate", argc - 1, args + 1, kwnames, 3, params, 2, 1, given)) return EMPTY_VAL;
    ObjTuple *state = state_tuple(vm, 3);
    state->items[0] = EMPTY_VAL;
    state->items[1] = IS_EMPTY(given[1]) ? NONE_VAL : given[1];
    state->items[2] = IS_EMPTY(given[2]) || IS_NONE(given[2]) ? EMPTY_VAL : given[2];
    vm_push_root(vm, OBJ_VAL(state));
    Value source = vm_iter(vm, given[0]);
    ObjIterator *it = IS_EMPTY(source) ? NULL : new_iterator(vm, "accumulate", accumulate_next, source);
    if (it != NULL) it->extra = OBJ_VAL(state);
    vm_pop_roots(vm, 1);
    return it == NULL ? EMPTY_VAL : OBJ_VAL(it);
}

/* ---------------------------------------------------------------- groupby */

/* groupby's state (its `extra`): the fields of CPython's groupbyobject. */
enum { GB_IT, GB_KEYFUNC, GB_TGTKEY, GB_CURRKEY, GB_CURRVALUE, GB_CURRGROUPER, GB_FIELDS };

/* Pulls the next value and its key into currvalue/currkey: 1, 0 at the end, -1. */
static int groupby_step(VM *vm, ObjTuple *state) {
    Value value;
    int status = vm_next(vm, state->items[GB_IT], &value);
    if (status <= 0) return status;
    Value key = value;
    if (!IS_NONE(state->items[GB_KEYFUNC])) {
        vm_push_root(vm, value);
        key = vm_call(vm, state->items[GB_KEYFUNC], 1, &value);
        vm_pop_roots(vm, 1);
        if (IS_EMPTY(key)) return -1;
    }
    state->items[GB_CURRVALUE] = value;
    state->items[GB_CURRKEY] = key;
    return 1;
}

/* A group: source is the groupby's state; extra its key. */
static int grouper_next(VM *vm, ObjIterator *it, Value *out) {
    ObjTuple *state = AS_TUPLE(it->source);
    if (!IS_OBJ(state->items[GB_CURRGROUPER]) || AS_OBJ(state->items[GB_CURRGROUPER]) != (Obj *)it) return 0;
    if (IS_EMPTY(state->items[GB_CURRVALUE])) {
        int status = groupby_step(vm, state);
        if (status <= 0) return status;
    }
    int equal = vm_equal(vm, it->extra, state->items[GB_CURRKEY]);
    if (equal <= 0) return equal;
    *out = state->items[GB_CURRVALUE];
    state->items[GB_CURRVALUE] = EMPTY_VAL;
    return 1;
}

static int groupby_next(VM *vm, ObjIterator *it, Value *out) {
    ObjTuple *state = AS_TUPLE(it->extra);
    state->items[GB_CURRGROUPER] = NONE_VAL;
    for (;;) { /* skip to the next group */
        if (IS_EMPTY(state->items[GB_CURRKEY])) {
        } else if (IS_EMPTY(state->items[GB_TGTKEY])) {
            break;
        } else {
            int equal = vm_equal(vm, state->items[GB_TGTKEY], state->items[GB_CURRKEY]);
            if (equal < 0) return -1;
            if (!equal) break;
        }
        int status = groupby_step(vm, state);
        if (status <= 0) return status;
    }
    state->items[GB_TGTKEY] = state->items[GB_CURRKEY];
    ObjIterator *grouper = new_iterator(vm, "_grouper", grouper_next, OBJ_VAL(state));
    grouper->extra = state->items[GB_TGTKEY];
    state->items[GB_CURRGROUPER] = OBJ_VAL(grouper);
    Value pair[2] = {state->items[GB_CURRKEY], OBJ_VAL(grouper)};
    *out = OBJ_VAL(tuple_from_values(vm, 2, pair));
    return 1;
}

static Value groupby_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"iterable", "key"};
    Value given[2];
    if (!vm_parse_args(vm, "groupby", argc - 1, args + 1, kwnames, 2, params, 2, 1, given)) return EMPTY_VAL;
    ObjTuple *state = state_tuple(vm, GB_FIELDS);
    vm_push_root(vm, OBJ_VAL(state));
    state->items[GB_KEYFUNC] = IS_EMPTY(given[1]) ? NONE_VAL : given[1];
    state->items[GB_TGTKEY] = state->items[GB_CURRKEY] = state->items[GB_CURRVALUE] = EMPTY_VAL;
    Value source = vm_iter(vm, given[0]);
    ObjIterator *it = NULL;
    if (!IS_EMPTY(source)) {
        state->items[GB_IT] = source;
        it = new_iterator(vm, "groupby", groupby_next, NONE_VAL);
        it->extra = OBJ_VAL(state);
    }
    vm_pop_roots(vm, 1);
    return it == NULL ? EMPTY_VAL : OBJ_VAL(it);
}

/* ------------------------------------------------------------ zip_longest */

/* source: a tuple of iterators (NONE where exhausted); extra: fillvalue; index: how many are active. */
static int zip_longest_next(VM *vm, ObjIterator *it, Value *out) {
    ObjTuple *iterators = AS_TUPLE(it->source);
    if (iterators->count == 0 || it->index == 0) return 0;
    ObjTuple *result = tuple_new(vm, iterators->count);
    vm_push_root(vm, OBJ_VAL(result));
    for (int64_t i = 0; i < iterators->count; i++) {
        Value item = it->extra;
        if (!IS_NONE(iterators->items[i])) {
            int status = vm_next(vm, iterators->items[i], &item);
            if (status < 0) {
                vm_pop_roots(vm, 1);
                return -1;
            }
            if (status == 0) {
                iterators->items[i] = NONE_VAL;
                item = it->extra;
                if (--it->index == 0) {
                    vm_pop_roots(vm, 1);
                    return 0;
                }
            }
        }
        result->items[i] = item;
    }
    vm_pop_roots(vm, 1);
    *out = OBJ_VAL(result);
    return 1;
}

static Value zip_longest_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int nkw = vm_kwcount(kwnames), npos = argc - 1 - nkw;
    Value fillvalue = NONE_VAL;
    for (int k = 0; k < nkw; k++) {
        if (strcmp(AS_STR(kwnames->items[k])->chars, "fillvalue") != 0)
            return vm_raise(vm, vm->types.TypeError, "zip_longest() got an unexpected keyword argument '%s'",
                            AS_STR(kwnames->items[k])->chars);
        fillvalue = args[1 + npos + k];
    }
    ObjTuple *iterators = tuple_new(vm, npos);
    vm_push_root(vm, OBJ_VAL(iterators));
    for (int i = 0; i < npos; i++) {
        Value source = vm_iter(vm, args[1 + i]);
        if (IS_EMPTY(source)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        iterators->items[i] = source;
    }
    ObjIterator *it = new_iterator(vm, "zip_longest", zip_longest_next, OBJ_VAL(iterators));
    it->extra = fillvalue;
    it->index = npos;
    vm_pop_roots(vm, 1);
    return OBJ_VAL(it);
}

/* ------------------------------------- starmap, takewhile, dropwhile, ... */

/* source: the iterator; extra: the function. */
static int starmap_next(VM *vm, ObjIterator *it, Value *out) {
    Value item;
    int status = vm_next(vm, it->source, &item);
    if (status <= 0) return status;
    Value arguments = IS_TUPLE(item) ? item : vm_list_from_iterable(vm, item);
    if (IS_EMPTY(arguments)) return -1;
    vm_push_root(vm, arguments);
    Value *items = IS_TUPLE(arguments) ? AS_TUPLE(arguments)->items : AS_LIST(arguments)->items;
    int64_t count = IS_TUPLE(arguments) ? AS_TUPLE(arguments)->count : AS_LIST(arguments)->count;
    *out = vm_call(vm, it->extra, (int)count, items);
    vm_pop_roots(vm, 1);
    return IS_EMPTY(*out) ? -1 : 1;
}

/* pred(item) as a truth value: 1, 0, -1. pred None means the item itself. */
static int predicate(VM *vm, Value pred, Value item) {
    if (IS_NONE(pred)) return vm_truthy(vm, item);
    vm_push_root(vm, item);
    Value verdict = vm_call(vm, pred, 1, &item);
    int truth = IS_EMPTY(verdict) ? -1 : vm_truthy(vm, verdict);
    vm_pop_roots(vm, 1);
    return truth;
}

/* index: 1 once the predicate failed. */
static int takewhile_next(VM *vm, ObjIterator *it, Value *out) {
    if (it->index) return 0;
    int status = vm_next(vm, it->source, out);
    if (status <= 0) return status;
    int truth = predicate(vm, it->extra, *out);
    if (truth < 0) return -1;
    if (truth) return 1;
    it->index = 1;
    return 0;
}

/* index: 1 once the predicate failed (everything passes from then on). */
static int dropwhile_next(VM *vm, ObjIterator *it, Value *out) {
    for (;;) {
        int status = vm_next(vm, it->source, out);
        if (status <= 0 || it->index) return status;
        int truth = predicate(vm, it->extra, *out);
        if (truth < 0) return -1;
        if (!truth) {
            it->index = 1;
            return 1;
        }
    }
}

static int filterfalse_next(VM *vm, ObjIterator *it, Value *out) {
    for (;;) {
        int status = vm_next(vm, it->source, out);
        if (status <= 0) return status;
        int truth = predicate(vm, it->extra, *out);
        if (truth < 0) return -1;
        if (!truth) return 1;
    }
}

/* Constructors of the (function, iterable) iterators. */
static Value function_iterable(VM *vm, const char *name, IterNextFn next, int argc, Value *args, ObjTuple *kwnames) {
    if (!no_keywords(vm, name, kwnames) || !positional_count(vm, name, argc - 1, 2, 2)) return EMPTY_VAL;
    Value source = vm_iter(vm, args[2]);
    if (IS_EMPTY(source)) return EMPTY_VAL;
    ObjIterator *it = new_iterator(vm, name, next, source);
    it->extra = args[1];
    return OBJ_VAL(it);
}

static Value starmap_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return function_iterable(vm, "starmap", starmap_next, argc, args, kwnames);
}
static Value takewhile_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return function_iterable(vm, "takewhile", takewhile_next, argc, args, kwnames);
}
static Value dropwhile_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return function_iterable(vm, "dropwhile", dropwhile_next, argc, args, kwnames);
}
static Value filterfalse_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return function_iterable(vm, "filterfalse", filterfalse_next, argc, args, kwnames);
}

/* source: the iterator; extra: the previous item, EMPTY before the first. */
static int pairwise_next(VM *vm, ObjIterator *it, Value *out) {
    if (IS_EMPTY(it->extra)) {
        int status = vm_next(vm, it->source, &it->extra);
        if (status <= 0) {
            it->extra = EMPTY_VAL;
            return status;
        }
    }
    Value item;
    int status = vm_next(vm, it->source, &item);
    if (status <= 0) return status;
    Value pair[2] = {it->extra, item};
    it->extra = item;
    *out = OBJ_VAL(tuple_from_values(vm, 2, pair));
    return 1;
}

static Value pairwise_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!no_keywords(vm, "pairwise", kwnames) || !positional_count(vm, "pairwise", argc - 1, 1, 1)) return EMPTY_VAL;
    Value source = vm_iter(vm, args[1]);
    if (IS_EMPTY(source)) return EMPTY_VAL;
    ObjIterator *it = new_iterator(vm, "pairwise", pairwise_next, source);
    it->extra = EMPTY_VAL;
    return OBJ_VAL(it);
}

/* ------------------------------------------------------------------- tee */

/* The copies share (source iterator, buffer list, offset): buffer[0] is item
 * number `offset`; items every copy has passed are dropped from the front.
 * Each copy: source = the shared tuple; index = its next item's number;
 * extra = the tuple of all copies' iterators (to find the slowest). */
enum { TEE_SOURCE, TEE_BUFFER, TEE_OFFSET, TEE_COPIES, TEE_FIELDS };

static void tee_trim(ObjTuple *shared) {
    ObjTuple *copies = AS_TUPLE(shared->items[TEE_COPIES]);
    int64_t offset = AS_INT(shared->items[TEE_OFFSET]), slowest = INT64_MAX;
    for (int64_t i = 0; i < copies->count; i++)
        if (AS_ITERATOR(copies->items[i])->index < slowest) slowest = AS_ITERATOR(copies->items[i])->index;
    ObjList *buffer = AS_LIST(shared->items[TEE_BUFFER]);
    int64_t drop = slowest - offset;
    if (drop < 64 || drop * 2 < buffer->count) return; /* drop in batches: memmove stays cheap */
    memmove(buffer->items, buffer->items + drop, sizeof(Value) * (size_t)(buffer->count - drop));
    buffer->count -= drop;
    shared->items[TEE_OFFSET] = INT_VAL(slowest);
}

static int tee_next(VM *vm, ObjIterator *it, Value *out) {
    ObjTuple *shared = AS_TUPLE(it->source);
    ObjList *buffer = AS_LIST(shared->items[TEE_BUFFER]);
    int64_t position = it->index - AS_INT(shared->items[TEE_OFFSET]);
    if (position >= buffer->count) {
        if (IS_NONE(shared->items[TEE_SOURCE])) return 0;
        int status = vm_next(vm, shared->items[TEE_SOURCE], out);
        if (status <= 0) {
            if (status == 0) shared->items[TEE_SOURCE] = NONE_VAL;
            return status;
        }
        list_append(vm, buffer, *out);
    } else {
        *out = buffer->items[position];
    }
    it->index++;
    tee_trim(shared);
    return 1;
}

static Value itertools_tee(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!no_keywords(vm, "tee", kwnames) || !positional_count(vm, "tee", argc, 1, 2)) return EMPTY_VAL;
    int64_t n = 2;
    if (argc == 2 && !arg_int64(vm, args[1], &n)) return EMPTY_VAL;
    if (n < 0) return vm_raise(vm, vm->types.ValueError, "n must be >= 0");
    ObjTuple *shared = state_tuple(vm, TEE_FIELDS);
    vm_push_root(vm, OBJ_VAL(shared));
    Value source = vm_iter(vm, args[0]);
    if (IS_EMPTY(source)) {
        vm_pop_roots(vm, 1);
        return EMPTY_VAL;
    }
    shared->items[TEE_SOURCE] = source;
    shared->items[TEE_BUFFER] = OBJ_VAL(list_new(vm, 0));
    shared->items[TEE_OFFSET] = INT_VAL(0);
    ObjTuple *copies = tuple_new(vm, n);
    shared->items[TEE_COPIES] = OBJ_VAL(copies);
    for (int64_t i = 0; i < n; i++) copies->items[i] = OBJ_VAL(new_iterator(vm, "_tee", tee_next, OBJ_VAL(shared)));
    vm_pop_roots(vm, 1);
    return OBJ_VAL(tuple_from_values(vm, n, copies->items));
}

/* ------------------------------------------------------------------ module */

/* type(group)() and type(copy)() are refused, as in CPython. */
static Value not_constructible(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(argc);
    UNUSED(kwnames);
    return vm_raise(vm, vm->types.TypeError, "cannot create 'itertools.%s' instances", AS_CLASS(args[0])->name->chars);
}

static ObjClass *iterator_class(VM *vm, ObjModule *module, const char *name, NativeFn construct) {
    ObjStr *interned = str_intern_cstr(vm, name);
    ObjClass *cls = class_new(vm, interned, vm->types.object, OBJ_ITERATOR);
    cls->is_builtin = true;
    cls->construct = construct;
    iter_add_protocol_methods(vm, cls);
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "itertools")));
    dict_set_str(vm, vm->iterator_classes, interned, OBJ_VAL(cls));
    if (module != NULL) dict_set_str(vm, module->dict, interned, OBJ_VAL(cls));
    return cls;
}

void itertools_module_init(VM *vm, ObjModule *module) {
    static const struct {
        const char *name;
        NativeFn construct;
    } classes[] = {
        {"count", count_construct},
        {"repeat", repeat_construct},
        {"cycle", cycle_construct},
        {"islice", islice_construct},
        {"chain", chain_construct},
        {"product", product_construct},
        {"permutations", permutations_construct},
        {"combinations", combinations_construct},
        {"combinations_with_replacement", cwr_construct},
        {"accumulate", accumulate_construct},
        {"groupby", groupby_construct},
        {"zip_longest", zip_longest_construct},
        {"starmap", starmap_construct},
        {"takewhile", takewhile_construct},
        {"dropwhile", dropwhile_construct},
        {"filterfalse", filterfalse_construct},
        {"pairwise", pairwise_construct},
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        ObjClass *cls = iterator_class(vm, module, classes[i].name, classes[i].construct);
        if (strcmp(classes[i].name, "chain") == 0)
            vm_define_native(vm, cls->dict, "from_iterable", chain_from_iterable, NULL);
        if (strcmp(classes[i].name, "count") == 0) vm_define_native(vm, cls->dict, "__repr__", count_repr, cls);
        if (strcmp(classes[i].name, "repeat") == 0) vm_define_native(vm, cls->dict, "__repr__", repeat_repr, cls);
    }
    iterator_class(vm, NULL, "_grouper", not_constructible);
    iterator_class(vm, NULL, "_tee", not_constructible);
    vm_define_native(vm, module->dict, "tee", itertools_tee, NULL);
}
