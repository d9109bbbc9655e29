/* mod_math.c — the `math` module: the C library's functions with CPython's
 * checks around them ("math domain error", "math range error"), the integer
 * functions (gcd, lcm, factorial, comb, perm, isqrt) over GMP for ints of any
 * size, and CPython's exact fsum. */
#include "mod_math.h"

#include <float.h>
#include <math.h>

#include "ast.h"
#include "builtins_internal.h"
#include "containers.h"
#include "number.h"
#include "vm_internal.h"

/* ------------------------------------------------------------------ helpers */

/* A float argument as CPython's PyFloat_AsDouble takes it. */
static bool real_arg(VM *vm, Value v, double *out) {
    if (IS_FLOAT(v)) {
        *out = AS_FLOAT(v);
        return true;
    }
    if (builtins_is_integer(v)) return int_to_double(vm, v, out);
    vm_raise(vm, vm->types.TypeError, "must be real number, not %s", vm_type_name(vm, v));
    return false;
}

/* An integer argument (int or bool), as an mpz_init'ed value. */
static bool integer_arg(VM *vm, Value v, mpz_t out) {
    if (!builtins_is_integer(v)) {
        vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, v));
        return false;
    }
    int_to_mpz(v, out);
    return true;
}

static bool one_arg(VM *vm, const char *name, int argc, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "math.%s() takes no keyword arguments", name);
        return false;
    }
    if (argc != 1) {
        vm_raise(vm, vm->types.TypeError, "math.%s() takes exactly one argument (%d given)", name, argc);
        return false;
    }
    return true;
}

static bool two_args(VM *vm, const char *name, int argc, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", name);
        return false;
    }
    if (argc != 2) {
        vm_raise(vm, vm->types.TypeError, "%s expected 2 arguments, got %d", name, argc);
        return false;
    }
    return true;
}

static Value domain_error(VM *vm) { return vm_raise(vm, vm->types.ValueError, "math domain error"); }
static Value range_error(VM *vm) { return vm_raise(vm, vm->types.OverflowError, "math range error"); }

/* CPython's math_1: a nan from a non-nan is a domain error; an infinity from a
 * finite argument is a range error when the function can overflow, else a domain error. */
static Value checked_result(VM *vm, double x, double r, bool can_overflow) {
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
    return FLOAT_VAL(r);
}

/* ------------------------------------------------------ float -> float */

typedef struct {
    const char *name;
    double (*fn)(double);
    bool can_overflow;
} UnaryFunction;

static double degrees_of(double x) { return x * (180.0 / M_PI); }
static double radians_of(double x) { return x * (M_PI / 180.0); }

static const UnaryFunction UNARY[] = {
    {"sqrt", sqrt, false},   {"exp", exp, true},     {"expm1", expm1, true}, {"sin", sin, false},
    {"cos", cos, false},     {"tan", tan, false},    {"asin", asin, false},  {"acos", acos, false},
    {"atan", atan, false},   {"sinh", sinh, true},   {"cosh", cosh, true},   {"tanh", tanh, false},
    {"asinh", asinh, false}, {"acosh", acosh, false}, {"atanh", atanh, false}, {"fabs", fabs, false},
    {"erf", erf, false},     {"erfc", erfc, false},  {"log1p", log1p, false}, {"degrees", degrees_of, true},
    {"radians", radians_of, false}, {"cbrt", cbrt, false}, {"exp2", exp2, true},
};

/* The module's natives know which entry they are by their name. */
static Value unary_call(VM *vm, const UnaryFunction *f, int argc, Value *args, ObjTuple *kwnames) {
    if (!one_arg(vm, f->name, argc, kwnames)) return EMPTY_VAL;
    double x;
    if (!real_arg(vm, args[0], &x)) return EMPTY_VAL;
    return checked_result(vm, x, f->fn(x), f->can_overflow);
}

#define UNARY_NATIVE(index, cname) \
    static Value cname(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return unary_call(vm, &UNARY[index], argc, args, kwnames); }
UNARY_NATIVE(0, m_sqrt)
UNARY_NATIVE(1, m_exp)
UNARY_NATIVE(2, m_expm1)
UNARY_NATIVE(3, m_sin)
UNARY_NATIVE(4, m_cos)
UNARY_NATIVE(5, m_tan)
UNARY_NATIVE(6, m_asin)
UNARY_NATIVE(7, m_acos)
UNARY_NATIVE(8, m_atan)
UNARY_NATIVE(9, m_sinh)
UNARY_NATIVE(10, m_cosh)
UNARY_NATIVE(11, m_tanh)
UNARY_NATIVE(12, m_asinh)
UNARY_NATIVE(13, m_acosh)
UNARY_NATIVE(14, m_atanh)
UNARY_NATIVE(15, m_fabs)
UNARY_NATIVE(16, m_erf)
UNARY_NATIVE(17, m_erfc)
UNARY_NATIVE(18, m_log1p)
UNARY_NATIVE(19, m_degrees)
UNARY_NATIVE(20, m_radians)
UNARY_NATIVE(21, m_cbrt)
UNARY_NATIVE(22, m_exp2)

/* ------------------------------------------------------------ logarithms */

/* log of a positive value as CPython's loghelper: ints too large for a float
 * are taken apart as m * 2**e first. Domain error for x <= 0. */
static bool log_of(VM *vm, Value v, double (*fn)(double), double *out) {
    if (builtins_is_integer(v)) {
        mpz_t n;
        mpz_init(n);
        int_to_mpz(v, n);
        if (mpz_sgn(n) <= 0) {
            mpz_clear(n);
            domain_error(vm);
            return false;
        }
        double d;
        if (int_mpz_to_double(n, &d) && isfinite(d)) {
            *out = fn(d);
        } else {
            long exponent;
            double mantissa = mpz_get_d_2exp(&exponent, n);
            *out = fn(mantissa) + (double)exponent * fn(2.0);
        }
        mpz_clear(n);
        return true;
    }
    double x;
    if (!real_arg(vm, v, &x)) return false;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return true;
    }
    if (x <= 0) {
        domain_error(vm);
        return false;
    }
    *out = fn(x);
    return true;
}

static Value m_log(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "math.log() takes no keyword arguments");
    if (argc < 1 || argc > 2) return vm_raise(vm, vm->types.TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (!log_of(vm, args[0], log, &num)) return EMPTY_VAL;
    if (argc == 1) return FLOAT_VAL(num);
    if (!log_of(vm, args[1], log, &den)) return EMPTY_VAL;
    if (den == 0.0) return vm_raise(vm, vm->types.ZeroDivisionError, "float division by zero");
    return FLOAT_VAL(num / den);
}

static Value m_log2(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double r;
    if (!one_arg(vm, "log2", argc, kwnames) || !log_of(vm, args[0], log2, &r)) return EMPTY_VAL;
    return FLOAT_VAL(r);
}

static Value m_log10(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double r;
    if (!one_arg(vm, "log10", argc, kwnames) || !log_of(vm, args[0], log10, &r)) return EMPTY_VAL;
    return FLOAT_VAL(r);
}

/* ------------------------------------------------------ two float arguments */

static bool two_reals(VM *vm, const char *name, int argc, Value *args, ObjTuple *kwnames, double *x, double *y) {
    return two_args(vm, name, argc, kwnames) && real_arg(vm, args[0], x) && real_arg(vm, args[1], y);
}

static Value m_pow(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x, y;
    if (!two_reals(vm, "pow", argc, args, kwnames, &x, &y)) return EMPTY_VAL;
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    if (isinf(r) && isfinite(x) && isfinite(y)) return x == 0.0 ? domain_error(vm) : range_error(vm);
    return FLOAT_VAL(r);
}

static Value m_atan2(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double y, x;
    if (!two_reals(vm, "atan2", argc, args, kwnames, &y, &x)) return EMPTY_VAL;
    return FLOAT_VAL(atan2(y, x));
}

static Value m_copysign(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x, y;
    if (!two_reals(vm, "copysign", argc, args, kwnames, &x, &y)) return EMPTY_VAL;
    return FLOAT_VAL(copysign(x, y));
}

static Value m_fmod(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x, y;
    if (!two_reals(vm, "fmod", argc, args, kwnames, &x, &y)) return EMPTY_VAL;
    if (isinf(y) && isfinite(x)) return FLOAT_VAL(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    return FLOAT_VAL(r);
}

static Value m_ldexp(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!two_args(vm, "ldexp", argc, kwnames)) return EMPTY_VAL;
    double x;
    if (!real_arg(vm, args[0], &x)) return EMPTY_VAL;
    if (!builtins_is_integer(args[1]))
        return vm_raise(vm, vm->types.TypeError, "Expected an int as second argument to ldexp.");
    int64_t exponent;
    if (IS_BIGINT(args[1])) exponent = mpz_sgn(AS_BIGINT(args[1])->value) > 0 ? INT32_MAX : INT32_MIN;
    else exponent = IS_BOOL(args[1]) ? AS_BOOL(args[1]) : AS_INT(args[1]);
    if (exponent > INT32_MAX) exponent = INT32_MAX;
    if (exponent < INT32_MIN) exponent = INT32_MIN;
    if (x == 0.0 || !isfinite(x)) return FLOAT_VAL(x);
    double r = ldexp(x, (int)exponent);
    if (isinf(r)) return range_error(vm);
    return FLOAT_VAL(r);
}

static Value m_frexp(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x;
    if (!one_arg(vm, "frexp", argc, kwnames) || !real_arg(vm, args[0], &x)) return EMPTY_VAL;
    int exponent = 0;
    double mantissa = isfinite(x) && x != 0.0 ? frexp(x, &exponent) : x;
    Value pair[2] = {FLOAT_VAL(mantissa), INT_VAL(exponent)};
    return OBJ_VAL(tuple_from_values(vm, 2, pair));
}

static Value m_modf(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x;
    if (!one_arg(vm, "modf", argc, kwnames) || !real_arg(vm, args[0], &x)) return EMPTY_VAL;
    double whole;
    double fraction = isinf(x) ? copysign(0.0, x) : modf(x, &whole);
    if (isinf(x)) whole = x;
    Value pair[2] = {FLOAT_VAL(fraction), FLOAT_VAL(whole)};
    return OBJ_VAL(tuple_from_values(vm, 2, pair));
}

/* ---------------------------------------------------- float -> int, tests */

/* floor, ceil, trunc: an int stays itself (a bool becomes an int); a float rounds to an int. */
static Value round_to_int(VM *vm, const char *name, double (*fn)(double), int argc, Value *args, ObjTuple *kwnames) {
    if (!one_arg(vm, name, argc, kwnames)) return EMPTY_VAL;
    Value v = args[0];
    if (IS_BOOL(v)) return INT_VAL(AS_BOOL(v));
    if (IS_INT(v) || IS_BIGINT(v)) return v;
    if (!IS_FLOAT(v)) {
        if (fn == trunc)
            return vm_raise(vm, vm->types.TypeError, "type %s doesn't define __trunc__ method", vm_type_name(vm, v));
        return vm_raise(vm, vm->types.TypeError, "must be real number, not %s", vm_type_name(vm, v));
    }
    return int_from_double(vm, fn(AS_FLOAT(v)));
}

static Value m_floor(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return round_to_int(vm, "floor", floor, argc, args, kwnames); }
static Value m_ceil(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return round_to_int(vm, "ceil", ceil, argc, args, kwnames); }
static Value m_trunc(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return round_to_int(vm, "trunc", trunc, argc, args, kwnames); }

static Value m_isfinite(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x;
    if (!one_arg(vm, "isfinite", argc, kwnames) || !real_arg(vm, args[0], &x)) return EMPTY_VAL;
    return BOOL_VAL(isfinite(x));
}

static Value m_isinf(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x;
    if (!one_arg(vm, "isinf", argc, kwnames) || !real_arg(vm, args[0], &x)) return EMPTY_VAL;
    return BOOL_VAL(isinf(x));
}

static Value m_isnan(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x;
    if (!one_arg(vm, "isnan", argc, kwnames) || !real_arg(vm, args[0], &x)) return EMPTY_VAL;
    return BOOL_VAL(isnan(x));
}

static Value m_isclose(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"a", "b", "rel_tol", "abs_tol"};
    Value given[4];
    if (!vm_parse_args(vm, "isclose", argc, args, kwnames, 4, params, 2, 2, given)) return EMPTY_VAL;
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (!real_arg(vm, given[0], &a) || !real_arg(vm, given[1], &b)) return EMPTY_VAL;
    if (!IS_EMPTY(given[2]) && !real_arg(vm, given[2], &rel_tol)) return EMPTY_VAL;
    if (!IS_EMPTY(given[3]) && !real_arg(vm, given[3], &abs_tol)) return EMPTY_VAL;
    if (rel_tol < 0.0 || abs_tol < 0.0) return vm_raise(vm, vm->types.ValueError, "tolerances must be non-negative");
    if (a == b) return TRUE_VAL;
    if (isinf(a) || isinf(b)) return FALSE_VAL;
    double diff = fabs(b - a);
    return BOOL_VAL(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
}

/* -------------------------------------------------------- integer functions */

static Value m_gcd_or_lcm(VM *vm, int argc, Value *args, ObjTuple *kwnames, bool lcm) {
    if (vm_kwcount(kwnames) > 0)
        return vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", lcm ? "lcm" : "gcd");
    mpz_t result, n;
    mpz_init_set_ui(result, lcm ? 1 : 0);
    mpz_init(n);
    for (int i = 0; i < argc; i++) {
        if (!integer_arg(vm, args[i], n)) {
            mpz_clears(result, n, NULL);
            return EMPTY_VAL;
        }
        if (lcm) mpz_lcm(result, result, n);
        else mpz_gcd(result, result, n);
    }
    Value value = int_from_mpz(vm, result);
    mpz_clears(result, n, NULL);
    return value;
}

static Value m_gcd(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return m_gcd_or_lcm(vm, argc, args, kwnames, false); }
static Value m_lcm(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return m_gcd_or_lcm(vm, argc, args, kwnames, true); }

/* A non-negative integer argument small enough for GMP's unsigned long functions. */
static bool count_arg(VM *vm, Value v, const char *negative_message, const char *big_message, unsigned long *out) {
    if (!builtins_is_integer(v)) {
        vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, v));
        return false;
    }
    if (IS_BIGINT(v)) {
        if (mpz_sgn(AS_BIGINT(v)->value) < 0) vm_raise(vm, vm->types.ValueError, "%s", negative_message);
        else vm_raise(vm, vm->types.OverflowError, "%s", big_message);
        return false;
    }
    int64_t n = IS_BOOL(v) ? AS_BOOL(v) : AS_INT(v);
    if (n < 0) {
        vm_raise(vm, vm->types.ValueError, "%s", negative_message);
        return false;
    }
    *out = (unsigned long)n;
    return true;
}

/* Results past this many bits are refused before GMP would spend minutes on them. */
static bool result_too_large(VM *vm, double bits) {
    if (bits <= (double)INT_MAX_BITS) return false;
    int_too_large(vm);
    return true;
}

static Value m_factorial(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    unsigned long n;
    if (!one_arg(vm, "factorial", argc, kwnames) ||
        !count_arg(vm, args[0], "factorial() not defined for negative values",
                   "factorial() argument should not exceed 9223372036854775807", &n))
        return EMPTY_VAL;
    if (result_too_large(vm, (double)n * log2((double)n + 1))) return EMPTY_VAL;
    mpz_t result;
    mpz_init(result);
    mpz_fac_ui(result, n);
    Value value = int_from_mpz(vm, result);
    mpz_clear(result);
    return value;
}

static Value m_comb(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    unsigned long n, k;
    if (!two_args(vm, "comb", argc, kwnames) ||
        !count_arg(vm, args[0], "n must be a non-negative integer", "n must not exceed 9223372036854775807", &n) ||
        !count_arg(vm, args[1], "k must be a non-negative integer", "k must not exceed 9223372036854775807", &k))
        return EMPTY_VAL;
    if (k > n) return INT_VAL(0);
    unsigned long smaller = k < n - k ? k : n - k;
    if (result_too_large(vm, (double)smaller * log2((double)n + 1))) return EMPTY_VAL;
    mpz_t result;
    mpz_init(result);
    mpz_bin_uiui(result, n, k);
    Value value = int_from_mpz(vm, result);
    mpz_clear(result);
    return value;
}

static Value m_perm(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "perm() takes no keyword arguments");
    if (argc < 1 || argc > 2)
        return vm_raise(vm, vm->types.TypeError, "perm expected at most 2 arguments, got %d", argc);
    unsigned long n, k;
    if (!count_arg(vm, args[0], "n must be a non-negative integer", "n must not exceed 9223372036854775807", &n))
        return EMPTY_VAL;
    if (argc == 1 || IS_NONE(args[1])) k = n;
    else if (!count_arg(vm, args[1], "k must be a non-negative integer", "k must not exceed 9223372036854775807", &k))
        return EMPTY_VAL;
    if (k > n) return INT_VAL(0);
    if (result_too_large(vm, (double)k * log2((double)n + 1))) return EMPTY_VAL;
    mpz_t result, below;
    mpz_inits(result, below, NULL);
    mpz_fac_ui(result, n);
    mpz_fac_ui(below, n - k);
    mpz_divexact(result, result, below);
    Value value = int_from_mpz(vm, result);
    mpz_clears(result, below, NULL);
    return value;
}

static Value m_isqrt(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!one_arg(vm, "isqrt", argc, kwnames)) return EMPTY_VAL;
    mpz_t n;
    mpz_init(n);
    if (!integer_arg(vm, args[0], n)) {
        mpz_clear(n);
        return EMPTY_VAL;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        return vm_raise(vm, vm->types.ValueError, "isqrt() argument must be nonnegative");
    }
    mpz_sqrt(n, n);
    Value value = int_from_mpz(vm, n);
    mpz_clear(n);
    return value;
}

/* ---------------------------------------------------------- over iterables */

static Value m_prod(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"iterable", "start"};
    Value given[2];
    if (argc - vm_kwcount(kwnames) != 1)
        return vm_raise(vm, vm->types.TypeError, "prod() takes exactly 1 positional argument (%d given)",
                        argc - vm_kwcount(kwnames));
    if (!vm_parse_args(vm, "prod", argc, args, kwnames, 2, params, 1, 1, given)) return EMPTY_VAL;
    Value it = vm_iter(vm, given[0]);
    if (IS_EMPTY(it)) return EMPTY_VAL;
    vm_push_root(vm, it);
    Value result = IS_EMPTY(given[1]) ? INT_VAL(1) : given[1];
    vm_push_root(vm, result);
    Value item;
    int status;
    while ((status = vm_next(vm, it, &item)) > 0) {
        result = vm_binary_op(vm, OPR_MUL, result, item);
        if (IS_EMPTY(result)) break;
        vm->temp_roots[vm->temp_root_count - 1] = result;
    }
    vm_pop_roots(vm, 2);
    return status < 0 || IS_EMPTY(result) ? EMPTY_VAL : result;
}

/* CPython's fsum: Shewchuk's exact partial sums, with its handling of infinities and nan. */
typedef struct {
    double *items;
    size_t count, capacity;
} Partials;

static bool partials_push(Partials *p, double x) {
    if (p->count == p->capacity) {
        size_t capacity = p->capacity ? p->capacity * 2 : 32;
        double *grown = realloc(p->items, capacity * sizeof(double));
        if (grown == NULL) return false;
        p->items = grown, p->capacity = capacity;
    }
    p->items[p->count++] = x;
    return true;
}

static double partials_total(Partials *p) {
    size_t n = p->count;
    double hi = 0.0, lo = 0.0;
    if (n == 0) return hi;
    hi = p->items[--n];
    while (n > 0) {
        double x = hi, y = p->items[--n];
        hi = x + y;
        double yr = hi - x;
        lo = y - yr;
        if (lo != 0.0) break;
    }
    /* Round half-even correctly when the rest of the partials push the sum past a tie. */
    if (n > 0 && ((lo < 0.0 && p->items[n - 1] < 0.0) || (lo > 0.0 && p->items[n - 1] > 0.0))) {
        double y = lo * 2.0, x = hi + y, yr = x - hi;
        if (y == yr) hi = x;
    }
    return hi;
}

static Value m_fsum(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!one_arg(vm, "fsum", argc, kwnames)) return EMPTY_VAL;
    Value it = vm_iter(vm, args[0]);
    if (IS_EMPTY(it)) return EMPTY_VAL;
    vm_push_root(vm, it);
    Partials partials = {NULL, 0, 0};
    double special_sum = 0.0, inf_sum = 0.0;
    Value item, result = EMPTY_VAL;
    int status;
    while ((status = vm_next(vm, it, &item)) > 0) {
        double x;
        if (!real_arg(vm, item, &x)) {
            status = -1;
            break;
        }
        double saved = x;
        size_t kept = 0;
        for (size_t j = 0; j < partials.count; j++) {
            double y = partials.items[j];
            if (fabs(x) < fabs(y)) {
                double swap = x;
                x = y, y = swap;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) partials.items[kept++] = lo;
            x = hi;
        }
        partials.count = kept;
        if (x == 0.0) continue;
        if (!isfinite(x)) {
            if (isfinite(saved)) {
                vm_raise(vm, vm->types.OverflowError, "intermediate overflow in fsum");
                status = -1;
                break;
            }
            if (isinf(saved)) inf_sum += saved;
            special_sum += saved;
            partials.count = 0;
        } else if (!partials_push(&partials, x)) {
            vm_raise_empty(vm, vm->types.MemoryError);
            status = -1;
            break;
        }
    }
    if (status == 0) {
        if (special_sum != 0.0) {
            if (isnan(inf_sum)) vm_raise(vm, vm->types.ValueError, "-inf + inf in fsum");
            else result = FLOAT_VAL(special_sum);
        } else {
            result = FLOAT_VAL(partials_total(&partials));
        }
    }
    free(partials.items);
    vm_pop_roots(vm, 1);
    return result;
}

/* Exact products and sums of doubles (Dekker), for vector_norm. */
typedef struct {
    double hi, lo;
} DoubleLength;

static DoubleLength dl_fast_sum(double a, double b) {
    double x = a + b, z = x - a;
    return (DoubleLength){x, b - z};
}

static DoubleLength dl_split(double x) {
    double t = x * 134217729.0; /* Veltkamp's constant, 2**27 + 1 */
    double hi = t - (t - x);
    return (DoubleLength){hi, x - hi};
}

static DoubleLength dl_mul(double x, double y) {
    DoubleLength xx = dl_split(x), yy = dl_split(y);
    double p = xx.hi * yy.hi, q = xx.hi * yy.lo + xx.lo * yy.hi;
    double z = p + q;
    return (DoubleLength){z, p - z + q + xx.lo * yy.lo};
}

/* CPython's vector_norm: the values scaled by a power of two near the largest,
 * squared and summed without loss, then a square root with one correction step,
 * so hypot() and dist() give CPython's (nearly always correctly rounded) result. */
static double vector_norm(double *values, int64_t n, double max, bool found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) { /* ldexp(1.0, -max_e) would overflow: make subnormals normal */
        for (int64_t i = 0; i < n; i++) values[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(values, n, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double x = values[i] * scale;
        DoubleLength product = dl_mul(x, x), sum = dl_fast_sum(csum, product.hi);
        csum = sum.hi;
        frac1 += product.lo;
        frac2 += sum.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    DoubleLength product = dl_mul(-h, h), sum = dl_fast_sum(csum, product.hi);
    csum = sum.hi;
    frac1 += product.lo;
    frac2 += sum.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static Value m_hypot(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "hypot() takes no keyword arguments");
    double *values = malloc(sizeof(double) * (size_t)(argc > 0 ? argc : 1));
    if (values == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
    double max = 0.0;
    bool found_nan = false;
    for (int i = 0; i < argc; i++) {
        if (!real_arg(vm, args[i], &values[i])) {
            free(values);
            return EMPTY_VAL;
        }
        values[i] = fabs(values[i]);
        found_nan |= isnan(values[i]);
        if (values[i] > max) max = values[i];
    }
    double r = vector_norm(values, argc, max, found_nan);
    free(values);
    return FLOAT_VAL(r);
}

static Value m_dist(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!two_args(vm, "dist", argc, kwnames)) return EMPTY_VAL;
    for (int i = 0; i < 2; i++)
        if (!IS_TUPLE(args[i]) && !IS_LIST(args[i]))
            return vm_raise(vm, vm->types.TypeError, "dist(): argument %d must be tuple, not %s", i + 1,
                            vm_type_name(vm, args[i]));
    Value *p = IS_TUPLE(args[0]) ? AS_TUPLE(args[0])->items : AS_LIST(args[0])->items;
    Value *q = IS_TUPLE(args[1]) ? AS_TUPLE(args[1])->items : AS_LIST(args[1])->items;
    int64_t n = IS_TUPLE(args[0]) ? AS_TUPLE(args[0])->count : AS_LIST(args[0])->count;
    int64_t m = IS_TUPLE(args[1]) ? AS_TUPLE(args[1])->count : AS_LIST(args[1])->count;
    if (n != m) return vm_raise(vm, vm->types.ValueError, "both points must have the same number of dimensions");
    double *values = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    if (values == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
    double max = 0.0;
    bool found_nan = false;
    for (int64_t i = 0; i < n; i++) {
        double a, b;
        if (!real_arg(vm, p[i], &a) || !real_arg(vm, q[i], &b)) {
            free(values);
            return EMPTY_VAL;
        }
        values[i] = fabs(a - b);
        found_nan |= isnan(values[i]);
        if (values[i] > max) max = values[i];
    }
    double r = vector_norm(values, n, max, found_nan);
    free(values);
    return FLOAT_VAL(r);
}

void math_module_init(VM *vm, ObjModule *module) {
    static const struct {
        const char *name;
        NativeFn fn;
    } functions[] = {
        {"sqrt", m_sqrt},         {"exp", m_exp},           {"expm1", m_expm1},     {"sin", m_sin},
        {"cos", m_cos},           {"tan", m_tan},           {"asin", m_asin},       {"acos", m_acos},
        {"atan", m_atan},         {"sinh", m_sinh},         {"cosh", m_cosh},       {"tanh", m_tanh},
        {"asinh", m_asinh},       {"acosh", m_acosh},       {"atanh", m_atanh},     {"fabs", m_fabs},
        {"erf", m_erf},           {"erfc", m_erfc},         {"log1p", m_log1p},     {"degrees", m_degrees},
        {"radians", m_radians},   {"cbrt", m_cbrt},         {"exp2", m_exp2},       {"log", m_log},
        {"log2", m_log2},         {"log10", m_log10},       {"pow", m_pow},         {"atan2", m_atan2},
        {"copysign", m_copysign}, {"fmod", m_fmod},         {"ldexp", m_ldexp},     {"frexp", m_frexp},
        {"modf", m_modf},         {"floor", m_floor},       {"ceil", m_ceil},       {"trunc", m_trunc},
        {"isfinite", m_isfinite}, {"isinf", m_isinf},       {"isnan", m_isnan},     {"isclose", m_isclose},
        {"gcd", m_gcd},           {"lcm", m_lcm},           {"factorial", m_factorial}, {"comb", m_comb},
        {"perm", m_perm},         {"isqrt", m_isqrt},       {"prod", m_prod},       {"fsum", m_fsum},
        {"hypot", m_hypot},       {"dist", m_dist},
    };
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        vm_define_native(vm, module->dict, functions[i].name, functions[i].fn, NULL);
    vm_define_value(vm, module->dict, "pi", FLOAT_VAL(M_PI));
    vm_define_value(vm, module->dict, "e", FLOAT_VAL(M_E));
    vm_define_value(vm, module->dict, "tau", FLOAT_VAL(2.0 * M_PI));
    vm_define_value(vm, module->dict, "inf", FLOAT_VAL(INFINITY));
    vm_define_value(vm, module->dict, "nan", FLOAT_VAL(NAN));
}
