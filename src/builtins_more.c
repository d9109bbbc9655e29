/* builtins_more.c — the built-in functions on numbers (abs, round, divmod, pow,
 * hex, oct, bin, ord, chr) and the reductions over iterables (sorted, min, max,
 * sum, any, all), worded as CPython 3.11 words their errors. */
#include <math.h>

#include "ast.h"
#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

/* ------------------------------------------------------------------ numbers */

static Value builtin_abs(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "abs", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (builtins_is_number(args[0])) return num_abs(vm, args[0]);
    Value result;
    int found = builtins_call_dunder(vm, args[0], "__abs__", 0, NULL, &result);
    if (found != 0) return found > 0 ? result : EMPTY_VAL;
    return vm_raise(vm, vm->types.TypeError, "bad operand type for abs(): '%s'",
                    vm_type_name(vm, args[0]));
}

static Value builtin_round(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"number", "ndigits"};
    Value given[2];
    if (!vm_parse_args(vm, "round", argc, args, kwnames, 2, params, 2, 1, given)) return EMPTY_VAL;
    Value ndigits = IS_NONE(given[1]) ? EMPTY_VAL : given[1];
    if (builtins_is_number(given[0])) return num_round(vm, given[0], ndigits);
    Value result;
    int found = builtins_call_dunder(vm, given[0], "__round__", IS_EMPTY(ndigits) ? 0 : 1,
                                     &ndigits, &result);
    if (found != 0) return found > 0 ? result : EMPTY_VAL;
    return vm_raise(vm, vm->types.TypeError, "type %s doesn't define __round__ method",
                    vm_type_name(vm, given[0]));
}

static Value builtin_divmod(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "divmod", argc, kwnames, 2, 2)) return EMPTY_VAL;
    Value a = args[0], b = args[1];
    if (builtins_is_number(a) && builtins_is_number(b)) {
        /* Floats have their own word for it; ints say "integer division or modulo by zero". */
        if ((IS_FLOAT(a) || IS_FLOAT(b)) && num_equal(b, INT_VAL(0)))
            return vm_raise(vm, vm->types.ZeroDivisionError, "float divmod()");
        Value pair[2];
        pair[0] = num_binary_op(vm, OPR_FLOORDIV, a, b);
        if (IS_EMPTY(pair[0])) return EMPTY_VAL;
        pair[1] = num_binary_op(vm, OPR_MOD, a, b);
        if (IS_EMPTY(pair[1])) return EMPTY_VAL;
        return OBJ_VAL(tuple_from_values(vm, 2, pair));
    }
    Value result;
    int found = builtins_call_dunder(vm, a, "__divmod__", 1, &b, &result);
    if (found == 0) found = builtins_call_dunder(vm, b, "__rdivmod__", 1, &a, &result);
    if (found != 0) return found > 0 ? result : EMPTY_VAL;
    return vm_raise(vm, vm->types.TypeError,
                    "unsupported operand type(s) for divmod(): '%s' and '%s'", vm_type_name(vm, a),
                    vm_type_name(vm, b));
}

/* pow(base, exp, mod): modular exponentiation of ints, with the modular
 * inverse for a negative exponent, the result taking the sign of mod. */
static Value modular_pow(VM *vm, Value base, Value exp, Value mod) {
    if (!builtins_is_integer(base) || !builtins_is_integer(exp) || !builtins_is_integer(mod))
        return vm_raise(vm, vm->types.TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    mpz_t b, e, m, r;
    mpz_inits(b, e, m, r, NULL);
    int_to_mpz(base, b);
    int_to_mpz(exp, e);
    int_to_mpz(mod, m);
    Value result = EMPTY_VAL;
    if (mpz_sgn(m) == 0) {
        vm_raise(vm, vm->types.ValueError, "pow() 3rd argument cannot be 0");
    } else if (mpz_sgn(e) < 0 && mpz_invert(b, b, m) == 0) {
        vm_raise(vm, vm->types.ValueError, "base is not invertible for the given modulus");
    } else {
        mpz_abs(e, e);
        mpz_powm(r, b, e, m); /* in [0, |m|) */
        if (mpz_sgn(m) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, m);
        result = int_from_mpz(vm, r);
    }
    mpz_clears(b, e, m, r, NULL);
    return result;
}

static Value builtin_pow(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"base", "exp", "mod"};
    Value given[3];
    if (!vm_parse_args(vm, "pow", argc, args, kwnames, 3, params, 3, 2, given)) return EMPTY_VAL;
    if (IS_EMPTY(given[2]) || IS_NONE(given[2])) return vm_binary_op(vm, OPR_POW, given[0], given[1]);
    return modular_pow(vm, given[0], given[1], given[2]);
}

/* hex/oct/bin: "-0x1f" for ints of any size. */
static Value int_to_base(VM *vm, Value v, int base, const char *prefix) {
    if (!builtins_is_integer(v)) {
        Value index;
        int found = builtins_call_dunder(vm, v, "__index__", 0, NULL, &index);
        if (found < 0) return EMPTY_VAL;
        if (found == 0 || !builtins_is_integer(index))
            return vm_raise(vm, vm->types.TypeError,
                            "'%s' object cannot be interpreted as an integer", vm_type_name(vm, v));
        v = index;
    }
    mpz_t n;
    mpz_init(n);
    int_to_mpz(v, n);
    bool negative = mpz_sgn(n) < 0;
    mpz_abs(n, n);
    size_t digits = mpz_sizeinbase(n, base);
    char *text = malloc(digits + 5);
    if (text == NULL) {
        mpz_clear(n);
        return vm_raise_empty(vm, vm->types.MemoryError);
    }
    size_t length = (size_t)sprintf(text, "%s%s", negative ? "-" : "", prefix);
    mpz_get_str(text + length, base, n);
    Value result = OBJ_VAL(str_from_cstr(vm, text));
    free(text);
    mpz_clear(n);
    return result;
}

static Value builtin_hex(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "hex", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return int_to_base(vm, args[0], 16, "0x");
}

static Value builtin_oct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "oct", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return int_to_base(vm, args[0], 8, "0o");
}

static Value builtin_bin(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "bin", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return int_to_base(vm, args[0], 2, "0b");
}

static Value builtin_ord(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "ord", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, vm->types.TypeError, "ord() expected string of length 1, but %s found",
                        vm_type_name(vm, args[0]));
    ObjStr *s = AS_STR(args[0]);
    if (s->cp_count != 1)
        return vm_raise(vm, vm->types.TypeError,
                        "ord() expected a character, but string of length %lld found",
                        (long long)s->cp_count);
    int size;
    return INT_VAL(utf8_decode(s->chars, &size));
}

static Value builtin_chr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "chr", argc, kwnames, 1, 1)) return EMPTY_VAL;
    Value v = args[0];
    if (!builtins_is_integer(v))
        return vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                        vm_type_name(vm, v));
    int64_t cp = IS_BOOL(v) ? AS_BOOL(v) : IS_INT(v) ? AS_INT(v) : INT64_MAX;
    if (cp < INT32_MIN || cp > INT32_MAX)
        return vm_raise(vm, vm->types.OverflowError, "Python int too large to convert to C int");
    if (cp < 0 || cp > 0x10FFFF)
        return vm_raise(vm, vm->types.ValueError, "chr() arg not in range(0x110000)");
    if (cp >= 0xD800 && cp <= 0xDFFF) /* handoff's str is UTF-8: no lone surrogates */
        return vm_raise(vm, vm->types.ValueError,
                        "chr() arg is a surrogate code point, which handoff's str cannot hold");
    return OBJ_VAL(str_from_codepoint(vm, (uint32_t)cp));
}

/* ------------------------------------------------------------- reductions */

static Value builtin_sorted(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const names[] = {"key", "reverse"};
    int count = argc - vm_kwcount(kwnames);
    if (count != 1)
        return vm_raise(vm, vm->types.TypeError, "sorted expected 1 argument, got %d", count);
    Value options[2];
    /* The keywords are list.sort's, and CPython's message names sort(). */
    if (!builtins_keywords(vm, "sort", argc, args, kwnames, 2, names, options)) return EMPTY_VAL;
    int64_t reverse = 0;
    if (!IS_EMPTY(options[1]) && !arg_int64(vm, options[1], &reverse)) return EMPTY_VAL;
    Value list = vm_list_from_iterable(vm, args[0]);
    if (IS_EMPTY(list)) return EMPTY_VAL;
    Value key = IS_NONE(options[0]) ? EMPTY_VAL : options[0];
    vm_push_root(vm, list);
    bool ok = list_sort(vm, AS_LIST(list), key, reverse != 0);
    vm_pop_roots(vm, 1);
    return ok ? list : EMPTY_VAL;
}

/* min() and max(): `op` is CMP_LT or CMP_GT; the first of equal items wins. */
static Value min_max(VM *vm, int argc, Value *args, ObjTuple *kwnames, int op, const char *name) {
    static const char *const names[] = {"key", "default"};
    Value options[2];
    if (!builtins_keywords(vm, name, argc, args, kwnames, 2, names, options)) return EMPTY_VAL;
    int count = argc - vm_kwcount(kwnames);
    if (count == 0)
        return vm_raise(vm, vm->types.TypeError, "%s expected at least 1 argument, got 0", name);
    if (count > 1 && !IS_EMPTY(options[1]))
        return vm_raise(vm, vm->types.TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments", name);
    Value key = IS_NONE(options[0]) ? EMPTY_VAL : options[0];
    /* With one argument, iterate it; with several, the arguments themselves. */
    Value it = count == 1 ? vm_iter(vm, args[0]) : OBJ_VAL(tuple_from_values(vm, count, args));
    if (IS_EMPTY(it)) return EMPTY_VAL;
    if (count > 1) it = vm_iter(vm, it);
    int base = vm->temp_root_count;
    vm_push_root(vm, it);
    vm_push_root(vm, EMPTY_VAL); /* best item */
    vm_push_root(vm, EMPTY_VAL); /* its key */
    Value item, result = EMPTY_VAL;
    bool failed = false;
    int status = 0;
    while (!failed && (status = vm_next(vm, it, &item)) > 0) {
        Value item_key = item;
        if (!IS_EMPTY(key)) {
            vm_push_root(vm, item);
            item_key = vm_call(vm, key, 1, &item);
            vm_pop_roots(vm, 1);
            if (IS_EMPTY(item_key)) failed = true;
        }
        Value best_key = vm->temp_roots[base + 2];
        int better = 1;
        if (!failed && !IS_EMPTY(best_key)) {
            vm_push_root(vm, item);
            vm_push_root(vm, item_key);
            better = vm_compare_bool(vm, op, item_key, best_key);
            vm_pop_roots(vm, 2);
            failed = better < 0;
        }
        if (!failed && better) {
            vm->temp_roots[base + 1] = item;
            vm->temp_roots[base + 2] = item_key;
        }
    }
    if (!failed && status == 0) {
        result = vm->temp_roots[base + 1];
        if (IS_EMPTY(result)) {
            result = !IS_EMPTY(options[1])
                         ? options[1]
                         : vm_raise(vm, vm->types.ValueError, "%s() arg is an empty sequence", name);
        }
    }
    vm_pop_roots(vm, 3);
    return result;
}

static Value builtin_min(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return min_max(vm, argc, args, kwnames, CMP_LT, "min");
}

static Value builtin_max(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return min_max(vm, argc, args, kwnames, CMP_GT, "max");
}

/* sum(iterable, /, start=0): plain left-to-right addition, as CPython 3.11
 * (no compensated float summation: that came in 3.12). */
static Value builtin_sum(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const names[] = {"start"};
    Value start;
    int count = argc - vm_kwcount(kwnames);
    if (count == 0)
        return vm_raise(vm, vm->types.TypeError,
                        "sum() takes at least 1 positional argument (0 given)");
    if (argc > 2)
        return vm_raise(vm, vm->types.TypeError, "sum() takes at most 2 arguments (%d given)", argc);
    if (!builtins_keywords(vm, "sum", argc, args, kwnames, 1, names, &start)) return EMPTY_VAL;
    if (count == 2) start = args[1];
    if (IS_EMPTY(start)) start = INT_VAL(0);
    if (IS_STR(start))
        return vm_raise(vm, vm->types.TypeError,
                        "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = vm_iter(vm, args[0]);
    if (IS_EMPTY(it)) return EMPTY_VAL;
    int base = vm->temp_root_count;
    vm_push_root(vm, it);
    vm_push_root(vm, start);
    Value total = start, item;
    int status;
    while ((status = vm_next(vm, it, &item)) > 0) {
        int64_t small;
        if (IS_INT(total) && IS_INT(item) && !__builtin_add_overflow(AS_INT(total), AS_INT(item), &small))
            total = INT_VAL(small);
        else if (builtins_is_number(total) && builtins_is_number(item))
            total = num_binary_op(vm, OPR_ADD, total, item);
        else
            total = vm_binary_op(vm, OPR_ADD, total, item);
        if (IS_EMPTY(total)) break;
        vm->temp_roots[base + 1] = total;
    }
    vm_pop_roots(vm, 2);
    return status < 0 || IS_EMPTY(total) ? EMPTY_VAL : total;
}

/* any() and all(): stop at the first item whose truth is `stop_when`. */
static Value any_all(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name,
                     bool stop_when) {
    if (!vm_check_args(vm, name, argc, kwnames, 1, 1)) return EMPTY_VAL;
    Value it = vm_iter(vm, args[0]);
    if (IS_EMPTY(it)) return EMPTY_VAL;
    vm_push_root(vm, it);
    Value item, result = BOOL_VAL(!stop_when);
    int status;
    while ((status = vm_next(vm, it, &item)) > 0) {
        int truth = vm_truthy(vm, item);
        if (truth < 0) {
            result = EMPTY_VAL;
            break;
        }
        if ((truth != 0) == stop_when) {
            result = BOOL_VAL(stop_when);
            break;
        }
    }
    vm_pop_roots(vm, 1);
    return status < 0 ? EMPTY_VAL : result;
}

static Value builtin_any(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return any_all(vm, argc, args, kwnames, "any", true);
}

static Value builtin_all(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return any_all(vm, argc, args, kwnames, "all", false);
}

void builtins_more_init(VM *vm) {
    struct {
        const char *name;
        NativeFn fn;
    } functions[] = {
        {"abs", builtin_abs}, {"round", builtin_round}, {"divmod", builtin_divmod},
        {"pow", builtin_pow}, {"hex", builtin_hex},     {"oct", builtin_oct},
        {"bin", builtin_bin}, {"ord", builtin_ord},     {"chr", builtin_chr},
        {"sorted", builtin_sorted}, {"min", builtin_min}, {"max", builtin_max},
        {"sum", builtin_sum}, {"any", builtin_any},     {"all", builtin_all},
    };
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        vm_define_native(vm, vm->builtins, functions[i].name, functions[i].fn, NULL);
}
