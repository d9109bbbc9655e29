/* int.c — Python's int and bool: int64 fast paths that detect overflow and
 * fall back to GMP (ObjBigInt, normalized back to VAL_INT whenever the
 * value fits), conversions to and from float and text, and the num_*
 * entry points (arithmetic, comparison, hashing, unary operators, round)
 * that dispatch on int, bool and float operands. */
#include <float.h>
#include <math.h>

#include "ast.h"
#include "containers.h"
#include "number.h"
#include "vm_internal.h"

/* GMP's _si/_ui functions take long: int64 values pass through them whole. */
_Static_assert(sizeof(long) == sizeof(int64_t), "handoff needs a 64-bit long for GMP");

#define EXACT_DOUBLE_INT ((int64_t)1 << DBL_MANT_DIG) /* every int up to this is a double */
#define TWO_TO_63 9223372036854775808.0

/* --------------------------------------------------------- GMP and int64 */

/* GMP allocates limbs itself; counting them keeps the collector's view of the
 * heap true (memory.c subtracts the same amount when the int is freed). */
static void count_limbs(VM *vm, ObjBigInt *big) {
    size_t limbs = (size_t)big->value->_mp_alloc * sizeof(mp_limb_t);
    vm->bytes_allocated += limbs;
    if (vm->bytes_allocated > vm->next_gc) vm->gc_pending = true;
}

Value int_from_mpz(VM *vm, const mpz_t value) {
    if (mpz_fits_slong_p(value)) return INT_VAL(mpz_get_si(value));
    ObjBigInt *big = (ObjBigInt *)obj_allocate(vm, sizeof(ObjBigInt), OBJ_BIGINT);
    mpz_init_set(big->value, value);
    count_limbs(vm, big);
    return OBJ_VAL(big);
}

void int_to_mpz(Value v, mpz_t out) {
    if (IS_INT(v)) mpz_set_si(out, AS_INT(v));
    else if (IS_BOOL(v)) mpz_set_ui(out, AS_BOOL(v));
    else mpz_set(out, AS_BIGINT(v)->value);
}

/* The value of an int or bool known not to be an ObjBigInt. */
static inline int64_t small_value(Value v) { return IS_INT(v) ? AS_INT(v) : (int64_t)AS_BOOL(v); }

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "one GMP limb must hold an int64's magnitude");

/* Room for a read-only GMP view of a small int (see int_view). */
typedef struct {
    mpz_t view;
    mp_limb_t limb;
} IntView;

/* Any int as a read-only mpz, without copying or allocating: a bigint's own
 * value, or a view of a small int's magnitude kept in *storage. */
static mpz_srcptr int_view(Value v, IntView *storage) {
    if (IS_BIGINT(v)) return AS_BIGINT(v)->value;
    int64_t x = small_value(v);
    storage->limb = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    return mpz_roinit_n(storage->view, &storage->limb, x < 0 ? -1 : x > 0);
}

/* int_from_mpz for a temporary: takes over its limbs (no copy) and clears it. */
static Value int_take_mpz(VM *vm, mpz_t value) {
    if (mpz_fits_slong_p(value)) {
        Value small = INT_VAL(mpz_get_si(value));
        mpz_clear(value);
        return small;
    }
    ObjBigInt *big = (ObjBigInt *)obj_allocate(vm, sizeof(ObjBigInt), OBJ_BIGINT);
    mpz_init(big->value);
    mpz_swap(big->value, value);
    mpz_clear(value);
    count_limbs(vm, big);
    return OBJ_VAL(big);
}

Value int_too_large(VM *vm) {
    /* CPython's MemoryError carries no message either. */
    return vm_raise_value(vm, OBJ_VAL(exception_new(vm, vm->types.MemoryError, NULL)));
}

bool int_as_int64(VM *vm, Value v, int64_t *out) {
    if (IS_INT(v) || IS_BOOL(v)) {
        *out = small_value(v);
        return true;
    }
    if (IS_BIGINT(v)) {
        vm_raise(vm, vm->types.OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, v));
    return false;
}

/* ------------------------------------------------------ int <-> float */

/* Rounds q to drop its `drop` (>= 1) lowest bits, ties to even. When bits
 * were already cut off below q, its lowest bit is a sticky bit for them
 * (and drop >= 2, so that bit is never the half-way one). q < 2**62. */
static uint64_t round_drop_bits(uint64_t q, int drop) {
    uint64_t mask = ((uint64_t)1 << drop) - 1, half = (uint64_t)1 << (drop - 1);
    uint64_t rest = q & mask;
    q >>= drop;
    if (rest > half || (rest == half && (q & 1))) q++;
    return q;
}

bool int_mpz_to_double(const mpz_t value, double *out) {
    size_t bits = mpz_sizeinbase(value, 2);
    if (bits <= DBL_MANT_DIG) {
        *out = mpz_get_d(value); /* exact */
        return true;
    }
    if (bits > DBL_MAX_EXP) return false;
    /* Keep the top 55 bits (a sticky bit standing for any dropped below
     * them), then round once to 53. */
    mpz_t top;
    mpz_init(top);
    mpz_abs(top, value);
    size_t shift = bits > DBL_MANT_DIG + 2 ? bits - (DBL_MANT_DIG + 2) : 0;
    bool sticky = mpz_scan1(top, 0) < shift;
    mpz_tdiv_q_2exp(top, top, shift);
    uint64_t q = mpz_get_ui(top) | sticky;
    mpz_clear(top);
    int drop = (int)(bits - shift) - DBL_MANT_DIG;
    double result = ldexp((double)round_drop_bits(q, drop), (int)shift + drop);
    if (isinf(result)) return false;
    *out = mpz_sgn(value) < 0 ? -result : result;
    return true;
}

bool int_to_double(VM *vm, Value v, double *out) {
    if (!IS_BIGINT(v)) {
        *out = (double)small_value(v);
        return true;
    }
    if (int_mpz_to_double(AS_BIGINT(v)->value, out)) return true;
    vm_raise(vm, vm->types.OverflowError, "int too large to convert to float");
    return false;
}

Value int_from_double(VM *vm, double d) {
    if (isinf(d)) return vm_raise(vm, vm->types.OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return vm_raise(vm, vm->types.ValueError, "cannot convert float NaN to integer");
    double t = trunc(d);
    if (t >= -TWO_TO_63 && t < TWO_TO_63) return INT_VAL((int64_t)t);
    mpz_t value;
    mpz_init_set_d(value, t);
    Value result = int_from_mpz(vm, value);
    mpz_clear(value);
    return result;
}

/* a / b for integers, correctly rounded as CPython's long_true_divide: a
 * quotient of 55-56 bits (fewer where the result is subnormal) with a sticky
 * bit for the remainder, rounded once. b != 0. */
static bool mpz_true_divide(const mpz_t a, const mpz_t b, double *out) {
    bool negative = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) {
        *out = negative ? -0.0 : 0.0;
        return true;
    }
    long diff = (long)mpz_sizeinbase(a, 2) - (long)mpz_sizeinbase(b, 2); /* a/b in [2**(diff-1), 2**(diff+1)) */
    if (diff > DBL_MAX_EXP + 1) return false;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) { /* below half the smallest subnormal */
        *out = negative ? -0.0 : 0.0;
        return true;
    }
    /* q = floor(|a| * 2**shift / |b|); its lowest bit weighs 2**-shift, never
     * finer than 2**-1076 (two bits below the smallest subnormal). */
    long shift = DBL_MANT_DIG + 2 - diff;
    long min_shift_limit = DBL_MANT_DIG - DBL_MIN_EXP + 2; /* 1076 */
    if (shift > min_shift_limit) shift = min_shift_limit;
    mpz_t numerator, denominator, remainder;
    mpz_inits(numerator, denominator, remainder, NULL);
    mpz_abs(numerator, a);
    mpz_abs(denominator, b);
    if (shift >= 0) mpz_mul_2exp(numerator, numerator, (mp_bitcnt_t)shift);
    else mpz_mul_2exp(denominator, denominator, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(numerator, remainder, numerator, denominator);
    uint64_t q = mpz_get_ui(numerator) | (mpz_sgn(remainder) != 0);
    long q_bits = (long)mpz_sizeinbase(numerator, 2);
    mpz_clears(numerator, denominator, remainder, NULL);
    /* Drop what a double (or a subnormal) cannot hold. */
    long drop = q_bits - DBL_MANT_DIG;
    if (shift - (min_shift_limit - 2) > drop) drop = shift - (min_shift_limit - 2);
    double result = ldexp((double)round_drop_bits(q, (int)drop), (int)(drop - shift));
    if (isinf(result)) return false;
    *out = negative ? -result : result;
    return true;
}

/* ------------------------------------------------------------- arithmetic */

static Value raise_negative_shift(VM *vm) { return vm_raise(vm, vm->types.ValueError, "negative shift count"); }

/* int ** negative int, and int/int too large for the fast path: CPython
 * computes both in floating point. */
static Value pow_as_floats(VM *vm, Value a, Value b) {
    double x, y;
    if (!int_to_double(vm, a, &x) || !int_to_double(vm, b, &y)) return EMPTY_VAL;
    return float_binary_op(vm, OPR_POW, x, y);
}

/* x ** y for y >= 0 in int64, false on overflow. Squaring only happens when a
 * later bit of y will multiply it in, so its overflow is the result's. */
static bool small_pow(int64_t x, int64_t y, int64_t *out) {
    int64_t result = 1, base = x;
    for (uint64_t e = (uint64_t)y;;) {
        if ((e & 1) && __builtin_mul_overflow(result, base, &result)) return false;
        e >>= 1;
        if (e == 0) break;
        if (__builtin_mul_overflow(base, base, &base)) return false;
    }
    *out = result;
    return true;
}

/* Two ints that fit int64 (bools included). Returns true when *out is the
 * answer (or EMPTY after raising); false sends the operation to GMP. */
static bool small_binary_op(VM *vm, int op, int64_t x, int64_t y, bool both_bool, Value *out) {
    int64_t r;
    switch (op) {
    case OPR_ADD:
        if (__builtin_add_overflow(x, y, &r)) return false;
        break;
    case OPR_SUB:
        if (__builtin_sub_overflow(x, y, &r)) return false;
        break;
    case OPR_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return false;
        break;
    case OPR_DIV:
        if (y == 0) {
            *out = vm_raise(vm, vm->types.ZeroDivisionError, "division by zero");
            return true;
        }
        if (x < -EXACT_DOUBLE_INT || x > EXACT_DOUBLE_INT || y < -EXACT_DOUBLE_INT || y > EXACT_DOUBLE_INT)
            return false;
        *out = FLOAT_VAL((double)x / (double)y); /* both exact: one rounding */
        return true;
    case OPR_FLOORDIV:
        if (y == 0) {
            *out = vm_raise(vm, vm->types.ZeroDivisionError, "integer division or modulo by zero");
            return true;
        }
        if (x == INT64_MIN && y == -1) return false;
        r = x / y;
        if (x % y != 0 && ((x < 0) != (y < 0))) r--;
        break;
    case OPR_MOD:
        if (y == 0) {
            *out = vm_raise(vm, vm->types.ZeroDivisionError, "integer modulo by zero");
            return true;
        }
        r = y == -1 ? 0 : x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        break;
    case OPR_POW:
        if (y < 0) {
            *out = pow_as_floats(vm, INT_VAL(x), INT_VAL(y));
            return true;
        }
        if (!small_pow(x, y, &r)) return false;
        break;
    case OPR_LSHIFT:
        if (y < 0) {
            *out = raise_negative_shift(vm);
            return true;
        }
        if (x == 0) {
            r = 0;
            break;
        }
        if (y > 62) return false;
        if (x > (INT64_MAX >> y) || x < -(INT64_MAX >> y) - 1) return false;
        r = x * ((int64_t)1 << y);
        break;
    case OPR_RSHIFT:
        if (y < 0) {
            *out = raise_negative_shift(vm);
            return true;
        }
        if (y > 63) r = x < 0 ? -1 : 0;
        else r = x >= 0 ? x >> y : ~(~x >> y); /* floor, without shifting a negative */
        break;
    case OPR_BITAND:
    case OPR_BITOR:
    case OPR_BITXOR:
        r = op == OPR_BITAND ? (x & y) : op == OPR_BITOR ? (x | y) : (x ^ y);
        *out = both_bool ? BOOL_VAL(r != 0) : INT_VAL(r);
        return true;
    default: /* @ */
        *out = EMPTY_VAL;
        return true;
    }
    *out = INT_VAL(r);
    return true;
}

/* x ** y with GMP (y >= 0), refusing results past INT_MAX_BITS. */
static bool big_pow(VM *vm, mpz_t result, const mpz_t x, const mpz_t y) {
    if (mpz_cmpabs_ui(x, 1) <= 0) { /* 0, 1, -1: any exponent */
        if (mpz_sgn(x) == 0) mpz_set_ui(result, mpz_sgn(y) == 0);
        else if (mpz_sgn(x) > 0 || mpz_even_p(y)) mpz_set_ui(result, 1);
        else mpz_set_si(result, -1);
        return true;
    }
    long exponent;
    double mantissa = mpz_get_d_2exp(&exponent, x); /* |x| = |mantissa| * 2**exponent */
    double bits = ((double)exponent + log2(fabs(mantissa))) * mpz_get_d(y);
    if (!mpz_fits_ulong_p(y) || bits > (double)INT_MAX_BITS) {
        int_too_large(vm);
        return false;
    }
    mpz_pow_ui(result, x, mpz_get_ui(y));
    return true;
}

static bool big_shift(VM *vm, int op, mpz_t result, const mpz_t x, const mpz_t y) {
    if (mpz_sgn(y) < 0) {
        raise_negative_shift(vm);
        return false;
    }
    if (op == OPR_RSHIFT) {
        if (!mpz_fits_ulong_p(y) || mpz_get_ui(y) >= mpz_sizeinbase(x, 2)) mpz_set_si(result, mpz_sgn(x) < 0 ? -1 : 0);
        else mpz_fdiv_q_2exp(result, x, mpz_get_ui(y));
        return true;
    }
    if (mpz_sgn(x) == 0) {
        mpz_set_ui(result, 0);
        return true;
    }
    uint64_t bits = mpz_sizeinbase(x, 2);
    if (!mpz_fits_ulong_p(y) || bits > INT_MAX_BITS || mpz_get_ui(y) > INT_MAX_BITS - bits) {
        int_too_large(vm);
        return false;
    }
    mpz_mul_2exp(result, x, mpz_get_ui(y));
    return true;
}

/* Any two ints, through GMP. */
static Value big_binary_op(VM *vm, int op, Value a, Value b) {
    if (op == OPR_MATMUL) return EMPTY_VAL;
    if (op == OPR_POW && (IS_BIGINT(b) ? mpz_sgn(AS_BIGINT(b)->value) < 0 : small_value(b) < 0))
        return pow_as_floats(vm, a, b);
    IntView a_storage, b_storage;
    mpz_srcptr x = int_view(a, &a_storage), y = int_view(b, &b_storage);
    mpz_t r;
    mpz_init(r);
    bool ok = true;
    Value result = EMPTY_VAL;
    if ((op == OPR_DIV || op == OPR_FLOORDIV || op == OPR_MOD) && mpz_sgn(y) == 0) {
        vm_raise(vm, vm->types.ZeroDivisionError, "%s",
                 op == OPR_DIV ? "division by zero"
                 : op == OPR_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
        ok = false;
    } else if (op == OPR_MUL && mpz_sizeinbase(x, 2) + mpz_sizeinbase(y, 2) > INT_MAX_BITS) {
        int_too_large(vm);
        ok = false;
    } else {
        switch (op) {
        case OPR_ADD: mpz_add(r, x, y); break;
        case OPR_SUB: mpz_sub(r, x, y); break;
        case OPR_MUL: mpz_mul(r, x, y); break;
        case OPR_FLOORDIV: mpz_fdiv_q(r, x, y); break;
        case OPR_MOD: mpz_fdiv_r(r, x, y); break;
        case OPR_POW: ok = big_pow(vm, r, x, y); break;
        case OPR_LSHIFT:
        case OPR_RSHIFT: ok = big_shift(vm, op, r, x, y); break;
        case OPR_BITAND: mpz_and(r, x, y); break;
        case OPR_BITOR: mpz_ior(r, x, y); break;
        case OPR_BITXOR: mpz_xor(r, x, y); break;
        case OPR_DIV: {
            double quotient;
            if (mpz_true_divide(x, y, &quotient)) result = FLOAT_VAL(quotient);
            else vm_raise(vm, vm->types.OverflowError, "integer division result too large for a float");
            ok = false; /* result (or the exception) is already set */
            break;
        }
        default: ok = false; break;
        }
    }
    if (ok) return int_take_mpz(vm, r);
    mpz_clear(r);
    return result;
}

Value num_binary_op(VM *vm, int op, Value a, Value b) {
    if (num_is_int(a) && num_is_int(b)) {
        if (!IS_BIGINT(a) && !IS_BIGINT(b)) {
            Value result;
            if (small_binary_op(vm, op, small_value(a), small_value(b), IS_BOOL(a) && IS_BOOL(b), &result))
                return result;
        }
        return big_binary_op(vm, op, a, b);
    }
    if (!num_is_number(a) || !num_is_number(b)) return EMPTY_VAL;
    /* At least one float: the bitwise operators and @ do not apply (and must
     * not convert a huge int first, which could raise). */
    if (op != OPR_ADD && op != OPR_SUB && op != OPR_MUL && op != OPR_DIV && op != OPR_FLOORDIV &&
        op != OPR_MOD && op != OPR_POW)
        return EMPTY_VAL;
    double x, y;
    if (IS_FLOAT(a)) x = AS_FLOAT(a);
    else if (!int_to_double(vm, a, &x)) return EMPTY_VAL;
    if (IS_FLOAT(b)) y = AS_FLOAT(b);
    else if (!int_to_double(vm, b, &y)) return EMPTY_VAL;
    return float_binary_op(vm, op, x, y);
}

/* ------------------------------------------------------------- comparison */

static int sign_of(double d) { return (d > 0) - (d < 0); }

/* An int against a float, exactly (CPython's float_richcompare does the
 * same): -1, 0, 1, or 2 for nan. */
static int compare_int_float(Value i, double d) {
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (IS_BIGINT(i)) return sign_of((double)mpz_cmp_d(AS_BIGINT(i)->value, d));
    int64_t x = small_value(i);
    if (d >= TWO_TO_63) return -1;
    if (d < -TWO_TO_63) return 1;
    int64_t whole = (int64_t)d; /* exact: |d| < 2**63 */
    if (x != whole) return x < whole ? -1 : 1;
    double fraction = d - (double)whole;
    return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
}

int num_compare(VM *vm, Value a, Value b) {
    UNUSED(vm);
    if (IS_FLOAT(a) && IS_FLOAT(b)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        if (isnan(x) || isnan(y)) return 2;
        return (x > y) - (x < y);
    }
    if (IS_FLOAT(a)) {
        int c = compare_int_float(b, AS_FLOAT(a));
        return c == 2 ? 2 : -c;
    }
    if (IS_FLOAT(b)) return compare_int_float(a, AS_FLOAT(b));
    if (IS_BIGINT(a) && IS_BIGINT(b)) return sign_of(mpz_cmp(AS_BIGINT(a)->value, AS_BIGINT(b)->value));
    /* A bigint lies outside int64, so its sign decides against a small int. */
    if (IS_BIGINT(a)) return mpz_sgn(AS_BIGINT(a)->value);
    if (IS_BIGINT(b)) return -mpz_sgn(AS_BIGINT(b)->value);
    int64_t x = small_value(a), y = small_value(b);
    return (x > y) - (x < y);
}

bool num_equal(Value a, Value b) {
    if (!num_is_number(a) || !num_is_number(b)) return false;
    return num_compare(NULL, a, b) == 0;
}

/* ---------------------------------------------------------------- hashing */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

/* CPython's hash of an int: |v| mod 2**61-1 with v's sign, -1 becoming -2. */
static uint64_t signed_hash(uint64_t magnitude_mod, bool negative) {
    uint64_t h = negative ? (uint64_t)0 - magnitude_mod : magnitude_mod;
    return h == (uint64_t)-1 ? (uint64_t)-2 : h;
}

uint64_t num_hash(Value v) {
    if (IS_FLOAT(v)) return float_hash(AS_FLOAT(v));
    if (IS_BIGINT(v)) {
        const mpz_t *z = &AS_BIGINT(v)->value;
        return signed_hash(mpz_tdiv_ui(*z, HASH_MODULUS), mpz_sgn(*z) < 0);
    }
    int64_t x = small_value(v);
    uint64_t magnitude = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    return signed_hash(magnitude % HASH_MODULUS, x < 0);
}

/* ---------------------------------------------------------- unary operators */

/* f(v) through GMP for the cases that leave int64. */
static Value big_unary(VM *vm, Value v, void (*f)(mpz_ptr, mpz_srcptr)) {
    IntView storage;
    mpz_t x;
    mpz_init(x);
    f(x, int_view(v, &storage));
    return int_take_mpz(vm, x);
}

Value num_negate(VM *vm, Value v) {
    if (IS_FLOAT(v)) return FLOAT_VAL(-AS_FLOAT(v));
    if (!num_is_int(v)) return EMPTY_VAL;
    if (!IS_BIGINT(v) && small_value(v) != INT64_MIN) return INT_VAL(-small_value(v));
    return big_unary(vm, v, mpz_neg);
}

Value num_invert(VM *vm, Value v) {
    if (!num_is_int(v)) return EMPTY_VAL; /* ~ on a float is the caller's TypeError */
    if (!IS_BIGINT(v)) return INT_VAL(~small_value(v));
    return big_unary(vm, v, mpz_com);
}

Value num_abs(VM *vm, Value v) {
    if (IS_FLOAT(v)) return FLOAT_VAL(fabs(AS_FLOAT(v)));
    if (!num_is_int(v)) return EMPTY_VAL;
    if (!IS_BIGINT(v) && small_value(v) != INT64_MIN) return INT_VAL(llabs(small_value(v)));
    return big_unary(vm, v, mpz_abs);
}

/* ------------------------------------------------------------------ round */

/* round(v, ndigits) for an int and ndigits < 0: to the nearest multiple of
 * 10**-ndigits, ties to even (CPython's _PyLong_Round). */
static Value int_round_tens(VM *vm, Value v, int64_t ndigits) {
    mpz_t x, unit, remainder;
    mpz_inits(x, unit, remainder, NULL);
    int_to_mpz(v, x);
    /* 10**-ndigits beyond twice |v| rounds everything to 0 (and CPython would
     * spend forever building that power). */
    if ((uint64_t)-(ndigits + 1) >= mpz_sizeinbase(x, 10)) {
        mpz_clears(x, unit, remainder, NULL);
        return INT_VAL(0);
    }
    mpz_ui_pow_ui(unit, 10, (unsigned long)-ndigits);
    mpz_fdiv_qr(x, remainder, x, unit);
    mpz_mul_2exp(remainder, remainder, 1);
    int half = mpz_cmp(remainder, unit);
    if (half > 0 || (half == 0 && mpz_odd_p(x))) mpz_add_ui(x, x, 1);
    mpz_mul(x, x, unit);
    Value result = int_from_mpz(vm, x);
    mpz_clears(x, unit, remainder, NULL);
    return result;
}

Value num_round(VM *vm, Value v, Value ndigits) {
    bool has_ndigits = !IS_EMPTY(ndigits) && !IS_NONE(ndigits);
    int64_t places = 0;
    if (has_ndigits) {
        /* CPython clamps a huge ndigits (PyNumber_AsSsize_t) rather than failing. */
        if (IS_BIGINT(ndigits)) places = mpz_sgn(AS_BIGINT(ndigits)->value) < 0 ? INT64_MIN : INT64_MAX;
        else if (num_is_int(ndigits)) places = small_value(ndigits);
        else
            return vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                            vm_type_name(vm, ndigits));
    }
    if (IS_FLOAT(v)) return float_round(vm, AS_FLOAT(v), places, has_ndigits);
    if (!num_is_int(v)) return EMPTY_VAL;
    if (!has_ndigits || places >= 0) return IS_BOOL(v) ? INT_VAL(AS_BOOL(v)) : v;
    return int_round_tens(vm, v, places);
}

/* ------------------------------------------------------------------- text */

#define MAX_STR_DIGITS_TO_STR \
    "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
#define MAX_STR_DIGITS_TO_INT                                                                            \
    "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; use " \
    "sys.set_int_max_str_digits() to increase the limit"

bool int_digits(VM *vm, Value v, int base, StrBuf *buf, bool *negative) {
    static const char digit_chars[] = "0123456789abcdef";
    if (!IS_BIGINT(v)) {
        int64_t x = small_value(v);
        uint64_t magnitude = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        char text[64];
        int n = 0;
        do {
            text[n++] = digit_chars[magnitude % (uint64_t)base];
            magnitude /= (uint64_t)base;
        } while (magnitude != 0);
        while (n > 0) strbuf_append_char(buf, text[--n]);
        *negative = x < 0;
        return true;
    }
    const mpz_t *z = &AS_BIGINT(v)->value;
    size_t size = mpz_sizeinbase(*z, base); /* exact, or one too many */
    if (base == 10 && size - 1 > INT_MAX_STR_DIGITS) {
        vm_raise(vm, vm->types.ValueError, MAX_STR_DIGITS_TO_STR, INT_MAX_STR_DIGITS);
        return false;
    }
    char small[128];
    char *text = size + 2 <= sizeof small ? small : malloc(size + 2);
    if (text == NULL) {
        fprintf(stderr, "handoff: out of memory converting an int to text\n");
        abort();
    }
    mpz_get_str(text, base, *z);
    *negative = text[0] == '-';
    const char *digits = text + *negative;
    size_t length = strlen(digits);
    bool ok = base != 10 || length <= INT_MAX_STR_DIGITS;
    if (ok) strbuf_append(buf, digits, length);
    else vm_raise(vm, vm->types.ValueError, MAX_STR_DIGITS_TO_STR, INT_MAX_STR_DIGITS);
    if (text != small) free(text);
    return ok;
}

Value int_repr(VM *vm, Value v) {
    if (IS_BOOL(v)) return OBJ_VAL(str_from_cstr(vm, AS_BOOL(v) ? "True" : "False"));
    if (IS_INT(v)) { /* by hand: snprintf costs more than the rest of str(i) */
        char text[24], *p = text + sizeof text;
        int64_t x = AS_INT(v);
        uint64_t magnitude = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        do {
            *--p = (char)('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude != 0);
        if (x < 0) *--p = '-';
        return OBJ_VAL(str_new(vm, p, (size_t)(text + sizeof text - p)));
    }
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_char(&buf, '-');
    bool negative;
    if (!int_digits(vm, v, 10, &buf, &negative)) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    if (!negative) memmove(buf.data, buf.data + 1, buf.length--);
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* ValueError "invalid literal for int() with base 10: 'x'", the repr cut at
 * 200 characters as CPython's %.200R. */
static Value raise_invalid_literal(VM *vm, const char *text, size_t length, int base) {
    StrBuf repr;
    strbuf_init(&repr);
    str_repr_into(&repr, str_new(vm, text, length));
    size_t cut = 0;
    for (int chars = 0; cut < repr.length; cut++) {
        if ((repr.data[cut] & 0xC0) != 0x80 && chars++ == 200) break;
    }
    vm_raise(vm, vm->types.ValueError, "invalid literal for int() with base %d: %.*s", base, (int)cut, repr.data);
    strbuf_free(&repr);
    return EMPTY_VAL;
}

/* Parses the digits [p, end) (underscores already checked) in base. */
static Value digits_to_int(VM *vm, const char *p, const char *end, int base, bool negative) {
    uint64_t value = 0;
    bool fits = true;
    for (const char *q = p; q < end && fits; q++) {
        if (*q == '_') continue;
        fits = !__builtin_mul_overflow(value, (uint64_t)base, &value) &&
               !__builtin_add_overflow(value, (uint64_t)digit_value(*q), &value);
    }
    if (fits && value <= (uint64_t)INT64_MAX) return INT_VAL(negative ? -(int64_t)value : (int64_t)value);
    char *clean = malloc((size_t)(end - p) + 2);
    if (clean == NULL) {
        fprintf(stderr, "handoff: out of memory parsing an int\n");
        abort();
    }
    size_t n = 0;
    if (negative) clean[n++] = '-';
    for (const char *q = p; q < end; q++)
        if (*q != '_') clean[n++] = *q;
    clean[n] = '\0';
    mpz_t z;
    mpz_init_set_str(z, clean, base);
    free(clean);
    Value result = int_from_mpz(vm, z);
    mpz_clear(z);
    return result;
}

/* CPython's PyLong_FromString, step for step (its errors and their order). */
Value int_parse(VM *vm, const char *text, size_t length, int base) {
    size_t ascii_length;
    char *ascii = num_ascii_text(text, length, &ascii_length);
    const char *p = ascii, *end = ascii + ascii_length; /* *end is NUL: p[1] is always readable */
    Value result = EMPTY_VAL;
    bool negative = false, error_if_nonzero = false;
    int parse_base = base;
    while (p < end && is_space(*p)) p++;
    if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
    if (parse_base == 0) {
        if (p[0] != '0') parse_base = 10;
        else if (p[1] == 'x' || p[1] == 'X') parse_base = 16;
        else if (p[1] == 'o' || p[1] == 'O') parse_base = 8;
        else if (p[1] == 'b' || p[1] == 'B') parse_base = 2;
        else error_if_nonzero = true, parse_base = 10; /* "010" is no longer octal; "0", "00" still parse */
    }
    if (p[0] == '0' && ((parse_base == 16 && (p[1] == 'x' || p[1] == 'X')) ||
                        (parse_base == 8 && (p[1] == 'o' || p[1] == 'O')) ||
                        (parse_base == 2 && (p[1] == 'b' || p[1] == 'B')))) {
        p += 2;
        if (*p == '_') p++; /* one underscore may follow the prefix */
    }
    const char *start = p;
    size_t digits = 0;
    char previous = '\0';
    bool valid = *p != '_';
    for (; valid && p < end && (digit_value(*p) < parse_base || *p == '_'); previous = *p++) {
        if (*p != '_') digits++;
        else if (previous == '_') valid = false;
    }
    if (previous == '_') valid = false;
    bool binary_base = (parse_base & (parse_base - 1)) == 0;
    if (valid && !binary_base && digits > INT_MAX_STR_DIGITS) {
        vm_raise(vm, vm->types.ValueError, MAX_STR_DIGITS_TO_INT, INT_MAX_STR_DIGITS, digits);
        free(ascii);
        return EMPTY_VAL;
    }
    const char *digits_end = p;
    while (p < end && is_space(*p)) p++;
    if (valid && digits > 0 && p == end) {
        result = digits_to_int(vm, start, digits_end, parse_base, negative);
        if (error_if_nonzero && !(IS_INT(result) && AS_INT(result) == 0)) result = EMPTY_VAL;
    }
    free(ascii);
    if (IS_EMPTY(result)) return raise_invalid_literal(vm, text, length, base);
    return result;
}

/* ------------------------------------------------------- int and bool classes */

/* int(x) with no base: CPython's PyNumber_Long for the built-in types. */
static Value int_of(VM *vm, Value x) {
    if (IS_BOOL(x)) return INT_VAL(AS_BOOL(x));
    if (num_is_int(x)) return x;
    if (IS_FLOAT(x)) return int_from_double(vm, AS_FLOAT(x));
    if (IS_STR(x)) return int_parse(vm, AS_STR(x)->chars, (size_t)AS_STR(x)->length, 10);
    return vm_raise(vm, vm->types.TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    vm_type_name(vm, x));
}

/* int([x]) and int(x, base=10): args[0] is the class. x is positional-only. */
static Value int_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"", "base"};
    if (argc - 1 > 2) return vm_raise(vm, vm->types.TypeError, "int() takes at most 2 arguments (%d given)", argc - 1);
    Value given[2];
    if (!vm_parse_args(vm, "int", argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    Value x = given[0], base_value = given[1];
    if (IS_EMPTY(x)) {
        if (!IS_EMPTY(base_value)) return vm_raise(vm, vm->types.TypeError, "int() missing string argument");
        return INT_VAL(0);
    }
    if (IS_EMPTY(base_value)) return int_of(vm, x);
    int64_t base;
    if (IS_BIGINT(base_value)) base = INT64_MAX; /* clamped, as PyNumber_AsSsize_t; fails the range check */
    else if (num_is_int(base_value)) base = small_value(base_value);
    else
        return vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                        vm_type_name(vm, base_value));
    if ((base != 0 && base < 2) || base > 36)
        return vm_raise(vm, vm->types.ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!IS_STR(x)) return vm_raise(vm, vm->types.TypeError, "int() can't convert non-string with explicit base");
    return int_parse(vm, AS_STR(x)->chars, (size_t)AS_STR(x)->length, (int)base);
}

static Value bool_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "bool() takes no keyword arguments");
    if (argc - 1 > 1)
        return vm_raise(vm, vm->types.TypeError, "bool expected at most 1 argument, got %d", argc - 1);
    if (argc == 1) return FALSE_VAL;
    int truth = vm_truthy(vm, args[1]);
    return truth < 0 ? EMPTY_VAL : BOOL_VAL(truth);
}

/* Checks a method of int was called on an int with no arguments. */
static bool int_self(VM *vm, const char *name, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, name, argc - 1, kwnames, 0, 0)) return false;
    if (num_is_int(args[0])) return true;
    vm_raise(vm, vm->types.TypeError, "descriptor '%s' for 'int' objects doesn't apply to a '%s' object",
             strchr(name, '.') + 1, vm_type_name(vm, args[0]));
    return false;
}

static Value int_bit_length(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!int_self(vm, "int.bit_length", argc, args, kwnames)) return EMPTY_VAL;
    if (IS_BIGINT(args[0])) return INT_VAL((int64_t)mpz_sizeinbase(AS_BIGINT(args[0])->value, 2));
    int64_t x = small_value(args[0]);
    uint64_t magnitude = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    return INT_VAL(magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude));
}

static Value int_bit_count(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!int_self(vm, "int.bit_count", argc, args, kwnames)) return EMPTY_VAL;
    if (IS_BIGINT(args[0])) {
        mpz_t magnitude;
        mpz_init(magnitude);
        mpz_abs(magnitude, AS_BIGINT(args[0])->value);
        int64_t count = (int64_t)mpz_popcount(magnitude);
        mpz_clear(magnitude);
        return INT_VAL(count);
    }
    int64_t x = small_value(args[0]);
    uint64_t magnitude = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    return INT_VAL(__builtin_popcountll(magnitude));
}

static Value int_as_integer_ratio(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!int_self(vm, "int.as_integer_ratio", argc, args, kwnames)) return EMPTY_VAL;
    Value pair[2] = {IS_BOOL(args[0]) ? INT_VAL(AS_BOOL(args[0])) : args[0], INT_VAL(1)};
    return OBJ_VAL(tuple_from_values(vm, 2, pair));
}

/* byteorder of from_bytes/to_bytes: 1 big, -1 little, 0 after raising. */
static int byteorder_arg(VM *vm, Value v) {
    if (IS_EMPTY(v)) return 1; /* 3.11's default is 'big' */
    if (!IS_STR(v)) {
        vm_raise(vm, vm->types.TypeError, "argument 'byteorder' must be str, not %s", vm_type_name(vm, v));
        return 0;
    }
    if (strcmp(AS_STR(v)->chars, "big") == 0) return 1;
    if (strcmp(AS_STR(v)->chars, "little") == 0) return -1;
    vm_raise(vm, vm->types.ValueError, "byteorder must be either 'little' or 'big'");
    return 0;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): meant to be called
 * on the class (natives have no classmethods), so args[0] is the bytes. */
static Value int_from_bytes(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"bytes", "byteorder", "signed"};
    Value given[3];
    if (!vm_parse_args(vm, "from_bytes", argc, args, kwnames, 3, params, 2, 1, given)) return EMPTY_VAL;
    int order = byteorder_arg(vm, given[1]);
    if (order == 0) return EMPTY_VAL;
    int is_signed = IS_EMPTY(given[2]) ? 0 : vm_truthy(vm, given[2]);
    if (is_signed < 0) return EMPTY_VAL;
    Value data = given[0];
    if (IS_STR(data) || num_is_int(data) || IS_FLOAT(data) || IS_NONE(data))
        return vm_raise(vm, vm->types.TypeError, "cannot convert '%s' object to bytes", vm_type_name(vm, data));
    if (!IS_BYTES(data)) {
        data = vm_call(vm, OBJ_VAL(vm->types.bytes), 1, &data);
        if (IS_EMPTY(data)) return EMPTY_VAL;
    }
    ObjBytes *b = AS_BYTES(data);
    mpz_t n;
    mpz_init(n);
    if (b->length > 0) mpz_import(n, (size_t)b->length, order, 1, 0, 0, b->data);
    if (is_signed && b->length > 0 && (b->data[order > 0 ? 0 : b->length - 1] & 0x80)) {
        mpz_t wrap;
        mpz_init(wrap);
        mpz_setbit(wrap, (mp_bitcnt_t)b->length * 8);
        mpz_sub(n, n, wrap);
        mpz_clear(wrap);
    }
    Value result = int_from_mpz(vm, n);
    mpz_clear(n);
    return result;
}

/* n.to_bytes(length=1, byteorder='big', *, signed=False) */
static Value int_to_bytes(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"length", "byteorder", "signed"};
    Value given[3];
    if (!vm_parse_args(vm, "to_bytes", argc - 1, args + 1, kwnames, 3, params, 2, 0, given)) return EMPTY_VAL;
    int64_t length = 1;
    if (!IS_EMPTY(given[0]) && !arg_int64(vm, given[0], &length)) return EMPTY_VAL;
    if (length < 0) return vm_raise(vm, vm->types.ValueError, "length argument must be non-negative");
    int order = byteorder_arg(vm, given[1]);
    if (order == 0) return EMPTY_VAL;
    int is_signed = IS_EMPTY(given[2]) ? 0 : vm_truthy(vm, given[2]);
    if (is_signed < 0) return EMPTY_VAL;
    mpz_t n, limit;
    mpz_init(n);
    mpz_init(limit);
    int_to_mpz(args[0], n);
    bool fits;
    if (mpz_sgn(n) < 0 && !is_signed) {
        mpz_clears(n, limit, NULL);
        return vm_raise(vm, vm->types.OverflowError, "can't convert negative int to unsigned");
    }
    if (is_signed) {
        /* -2**(8*length-1) <= n < 2**(8*length-1) */
        if (length == 0) fits = mpz_sgn(n) == 0;
        else {
            mpz_setbit(limit, (mp_bitcnt_t)length * 8 - 1);
            fits = mpz_cmp(n, limit) < 0;
            mpz_neg(limit, limit);
            fits = fits && mpz_cmp(n, limit) >= 0;
            mpz_neg(limit, limit);
            mpz_mul_2exp(limit, limit, 1);
            if (mpz_sgn(n) < 0) mpz_add(n, n, limit); /* two's complement */
        }
    } else {
        fits = mpz_sizeinbase(n, 2) <= (size_t)length * 8 || mpz_sgn(n) == 0;
    }
    if (!fits) {
        mpz_clears(n, limit, NULL);
        return vm_raise(vm, vm->types.OverflowError, "int too big to convert");
    }
    if (!vm_reserve(vm, (size_t)length)) {
        mpz_clears(n, limit, NULL);
        return EMPTY_VAL;
    }
    unsigned char *out = calloc((size_t)length + 1, 1);
    if (out == NULL) {
        mpz_clears(n, limit, NULL);
        return vm_raise_empty(vm, vm->types.MemoryError);
    }
    size_t count = 0;
    if (mpz_sgn(n) != 0) {
        /* Export little-endian into the low end, then place it as the order asks. */
        unsigned char *tmp = malloc((size_t)length + 1);
        if (tmp != NULL) {
            mpz_export(tmp, &count, -1, 1, 0, 0, n);
            for (size_t i = 0; i < count; i++)
                out[order > 0 ? (size_t)length - 1 - i : i] = tmp[i];
            free(tmp);
        }
    }
    mpz_clears(n, limit, NULL);
    ObjBytes *result = bytes_new(vm, out, (size_t)length);
    free(out);
    return OBJ_VAL(result);
}

void int_init_class(VM *vm, ObjClass *cls) {
    cls->construct = int_construct;
    vm_define_native(vm, cls->dict, "bit_length", int_bit_length, cls);
    vm_define_native(vm, cls->dict, "bit_count", int_bit_count, cls);
    vm_define_native(vm, cls->dict, "as_integer_ratio", int_as_integer_ratio, cls);
    vm_define_native(vm, cls->dict, "to_bytes", int_to_bytes, cls);
    /* No owner: called on the class, its first argument is the bytes. */
    vm_define_native(vm, cls->dict, "from_bytes", int_from_bytes, NULL);
}

void bool_init_class(VM *vm, ObjClass *cls) {
    /* bool's methods are int's, found through its base class. */
    UNUSED(vm);
    cls->construct = bool_construct;
}
