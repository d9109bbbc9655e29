/* float.c — Python's float: arithmetic with CPython's special cases and
 * errors, float() parsing, round(), hash(), repr() (on numfmt.c's engine)
 * and the float class. Text handed to strtod never holds a decimal point
 * (a locale could change it): it is written "DIGITSe<exponent>". */
#include <errno.h>
#include <float.h>
#include <math.h>

#include "ast.h"
#include "number.h"
#include "str_unicode.h"

void float_repr_into(StrBuf *buf, double d) {
    float_to_string(buf, d, 'r', 0, FLOAT_ADD_DOT_0);
}

Value float_repr(VM *vm, double d) {
    StrBuf buf;
    strbuf_init(&buf);
    float_repr_into(&buf, d);
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* ------------------------------------------------------------------ parsing */

static bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Python's rule for '_' in numbers: only single underscores between digits. */
static const char *scan_digits(const char *p, const char *end, StrBuf *out, int *count) {
    *count = 0;
    while (p < end) {
        if (*p >= '0' && *p <= '9') {
            strbuf_append_char(out, *p++);
            (*count)++;
        } else if (*p == '_' && *count > 0 && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
            p++;
        } else {
            break;
        }
    }
    return p;
}

static bool match_word(const char *p, const char *end, const char *word) {
    size_t length = strlen(word);
    if ((size_t)(end - p) != length) return false;
    for (size_t i = 0; i < length; i++)
        if ((p[i] | 0x20) != word[i]) return false;
    return true;
}

/* Parses ASCII text (already stripped) as float() does; false if it is not a float. */
static bool parse_ascii_float(const char *p, const char *end, double *out) {
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
    if (match_word(p, end, "inf") || match_word(p, end, "infinity")) {
        *out = negative ? -INFINITY : INFINITY;
        return true;
    }
    if (match_word(p, end, "nan")) {
        *out = negative ? -NAN : NAN;
        return true;
    }
    StrBuf mantissa;
    strbuf_init(&mantissa);
    int integer_count, fraction_count = 0;
    p = scan_digits(p, end, &mantissa, &integer_count);
    if (p < end && *p == '.') p = scan_digits(p + 1, end, &mantissa, &fraction_count);
    long long exponent = 0;
    bool ok = integer_count + fraction_count > 0;
    if (ok && p < end && (*p == 'e' || *p == 'E')) {
        p++;
        bool exp_negative = false;
        if (p < end && (*p == '+' || *p == '-')) exp_negative = *p++ == '-';
        StrBuf exp_digits;
        strbuf_init(&exp_digits);
        int exp_count;
        p = scan_digits(p, end, &exp_digits, &exp_count);
        ok = exp_count > 0;
        for (int i = 0; ok && i < exp_count; i++)
            if (exponent < 1000000000000LL) exponent = exponent * 10 + (exp_digits.data[i] - '0');
        if (exp_negative) exponent = -exponent;
        strbuf_free(&exp_digits);
    }
    if (ok && p == end) {
        strbuf_appendf(&mantissa, "e%lld", exponent - fraction_count);
        double value = strtod(mantissa.data, NULL);
        *out = negative ? -value : value;
    }
    strbuf_free(&mantissa);
    return ok && p == end;
}

char *num_ascii_text(const char *text, size_t length, size_t *out_length) {
    char *ascii = malloc(length + 1);
    if (ascii == NULL) {
        fprintf(stderr, "handoff: out of memory reading a number\n");
        abort();
    }
    size_t n = 0;
    for (size_t i = 0; i < length;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            ascii[n++] = (char)c;
            i++;
            continue;
        }
        int size = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        uint32_t cp = c & (0x7F >> size);
        for (int k = 1; k < size && i + (size_t)k < length; k++) cp = (cp << 6) | (text[i + k] & 0x3F);
        i += (size_t)size;
        int digit = unicode_decimal_value(cp);
        if (digit >= 0) ascii[n++] = (char)('0' + digit);
        else if (unicode_is_space(cp)) ascii[n++] = ' ';
        else ascii[n++] = '?';
    }
    ascii[n] = '\0';
    *out_length = n;
    return ascii;
}

Value float_parse(VM *vm, const char *text, size_t length) {
    size_t ascii_length;
    char *ascii = num_ascii_text(text, length, &ascii_length);
    const char *p = ascii, *end = ascii + ascii_length;
    while (p < end && is_ascii_space(*p)) p++;
    while (end > p && is_ascii_space(end[-1])) end--;
    double value;
    bool ok = parse_ascii_float(p, end, &value);
    free(ascii);
    if (ok) return FLOAT_VAL(value);
    StrBuf message;
    strbuf_init(&message);
    str_repr_into(&message, str_new(vm, text, length));
    vm_raise(vm, vm->types.ValueError, "could not convert string to float: %s", message.data);
    strbuf_free(&message);
    return EMPTY_VAL;
}

/* --------------------------------------------------------------- arithmetic */

/* CPython's _float_div_mod: the remainder takes the divisor's sign, and the
 * quotient is snapped to the integral value it must be. */
static void float_div_mod(double vx, double wx, double *floordiv, double *mod) {
    *mod = fmod(vx, wx);
    double div = (vx - *mod) / wx;
    if (*mod != 0.0) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div != 0.0) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* OverflowError(34, 'Numerical result out of range'): CPython raises it from
 * errno ERANGE, so str() of it shows the errno pair. */
static Value raise_range_error(VM *vm) {
    Value items[2] = {INT_VAL(ERANGE), OBJ_VAL(str_from_cstr(vm, "Numerical result out of range"))};
    ObjException *exc = exception_new(vm, vm->types.OverflowError, tuple_from_values(vm, 2, items));
    return vm_raise_value(vm, OBJ_VAL(exc));
}

/* CPython's float_pow, special cases first (C's pow disagrees on some). */
static Value float_pow(VM *vm, double iv, double iw) {
    if (iw == 0) return FLOAT_VAL(1.0);
    if (isnan(iv)) return FLOAT_VAL(iv);
    if (isnan(iw)) return FLOAT_VAL(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return FLOAT_VAL(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return FLOAT_VAL(fabs(iw));
        return FLOAT_VAL(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return FLOAT_VAL(odd ? iv : fabs(iv));
        return FLOAT_VAL(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return vm_raise(vm, vm->types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return FLOAT_VAL(is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw))
            /* CPython returns a complex number here; handoff has none. */
            return vm_raise(vm, vm->types.ValueError, "negative number cannot be raised to a fractional power");
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return FLOAT_VAL(negate ? -1.0 : 1.0);
    double ix = pow(iv, iw);
    if (isinf(ix)) return raise_range_error(vm);
    return FLOAT_VAL(negate ? -ix : ix);
}

Value float_binary_op(VM *vm, int op, double a, double b) {
    double quotient, remainder;
    switch (op) {
    case OPR_ADD: return FLOAT_VAL(a + b);
    case OPR_SUB: return FLOAT_VAL(a - b);
    case OPR_MUL: return FLOAT_VAL(a * b);
    case OPR_DIV:
        if (b == 0.0) return vm_raise(vm, vm->types.ZeroDivisionError, "float division by zero");
        return FLOAT_VAL(a / b);
    case OPR_FLOORDIV:
        if (b == 0.0) return vm_raise(vm, vm->types.ZeroDivisionError, "float floor division by zero");
        float_div_mod(a, b, &quotient, &remainder);
        return FLOAT_VAL(quotient);
    case OPR_MOD:
        if (b == 0.0) return vm_raise(vm, vm->types.ZeroDivisionError, "float modulo");
        remainder = fmod(a, b);
        if (remainder != 0.0) {
            if ((b < 0) != (remainder < 0)) remainder += b;
        } else {
            remainder = copysign(0.0, b);
        }
        return FLOAT_VAL(remainder);
    case OPR_POW: return float_pow(vm, a, b);
    default: return EMPTY_VAL;
    }
}

/* --------------------------------------------------------------- hashing */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

/* CPython's _Py_HashDouble: the value of d modulo 2**61 - 1, so that equal
 * ints and floats hash alike. */
uint64_t float_hash(double d) {
    if (isnan(d)) return 0;
    if (isinf(d)) return d > 0 ? HASH_INF : (uint64_t)-HASH_INF;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    if (sign < 0) x = (uint64_t)0 - x;
    if (x == (uint64_t)-1) x = (uint64_t)-2;
    return x;
}

/* ---------------------------------------------------------------- rounding */

/* x rounded to `places` (>= 0) digits after the point, as CPython: the
 * correctly rounded decimal ('f' format) read back by strtod. */
static double round_to_places(double x, int places) {
    StrBuf text;
    strbuf_init(&text);
    float_to_string(&text, x, 'f', places, 0);
    char *point = strchr(text.data, '.');
    if (point != NULL) { /* "12.35" -> "1235e-2" */
        memmove(point, point + 1, strlen(point));
        text.length--;
    }
    strbuf_appendf(&text, "e-%d", places);
    double value = strtod(text.data, NULL);
    strbuf_free(&text);
    return value;
}

/* x rounded to 10**-ndigits for ndigits < 0: exact, with ties to even, on
 * the integer part (the fraction only breaks ties upward). */
static bool round_to_tens(double x, int ndigits, double *out) {
    double magnitude = fabs(x), integral = trunc(magnitude);
    bool has_fraction = magnitude != integral;
    mpz_t value, unit, remainder;
    mpz_inits(value, unit, remainder, NULL);
    mpz_set_d(value, integral);
    mpz_ui_pow_ui(unit, 10, (unsigned long)-ndigits);
    mpz_tdiv_qr(value, remainder, value, unit);
    mpz_mul_2exp(remainder, remainder, 1);
    int half = mpz_cmp(remainder, unit);
    if (half > 0 || (half == 0 && (has_fraction || mpz_odd_p(value)))) mpz_add_ui(value, value, 1);
    mpz_mul(value, value, unit);
    double result;
    bool ok = int_mpz_to_double(value, &result);
    mpz_clears(value, unit, remainder, NULL);
    *out = signbit(x) ? -result : result;
    return ok;
}

Value float_round(VM *vm, double x, int64_t places, bool has_ndigits) {
    if (!has_ndigits) {
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5) rounded = 2.0 * round(x / 2.0); /* ties to even */
        return int_from_double(vm, rounded);
    }
    if (!isfinite(x)) return FLOAT_VAL(x);
    /* Past these, x rounds to itself or to zero (0.30103 > log10(2)). */
    if (places > (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103)) return FLOAT_VAL(x);
    if (places < -(int)((DBL_MAX_EXP + 1) * 0.30103)) return FLOAT_VAL(0.0 * x);
    double result;
    if (places >= 0) {
        result = round_to_places(x, (int)places);
        if (isinf(result))
            return vm_raise(vm, vm->types.OverflowError, "rounded value too large to represent");
    } else if (!round_to_tens(x, (int)places, &result)) {
        return vm_raise(vm, vm->types.OverflowError, "rounded value too large to represent");
    }
    return FLOAT_VAL(result);
}

/* ---------------------------------------------------------- the float class */

static Value float_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "float() takes no keyword arguments");
    if (argc - 1 > 1)
        return vm_raise(vm, vm->types.TypeError, "float expected at most 1 argument, got %d", argc - 1);
    if (argc == 1) return FLOAT_VAL(0.0);
    Value x = args[1];
    if (IS_FLOAT(x)) return x;
    if (num_is_int(x)) {
        double d;
        return int_to_double(vm, x, &d) ? FLOAT_VAL(d) : EMPTY_VAL;
    }
    if (IS_STR(x)) return float_parse(vm, AS_STR(x)->chars, (size_t)AS_STR(x)->length);
    return vm_raise(vm, vm->types.TypeError, "float() argument must be a string or a real number, not '%s'",
                    vm_type_name(vm, x));
}

static bool float_self(VM *vm, const char *name, int argc, Value *args, ObjTuple *kwnames, double *out) {
    if (!vm_check_args(vm, name, argc - 1, kwnames, 0, 0)) return false;
    if (!IS_FLOAT(args[0])) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' for 'float' objects doesn't apply to a '%s' object",
                 strchr(name, '.') + 1, vm_type_name(vm, args[0]));
        return false;
    }
    *out = AS_FLOAT(args[0]);
    return true;
}

static Value float_is_integer(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x;
    if (!float_self(vm, "float.is_integer", argc, args, kwnames, &x)) return EMPTY_VAL;
    return BOOL_VAL(isfinite(x) && floor(x) == x);
}

static Value float_as_integer_ratio(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    double x;
    if (!float_self(vm, "float.as_integer_ratio", argc, args, kwnames, &x)) return EMPTY_VAL;
    if (isinf(x)) return vm_raise(vm, vm->types.OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return vm_raise(vm, vm->types.ValueError, "cannot convert NaN to integer ratio");
    int exponent;
    double mantissa = frexp(x, &exponent);
    for (int i = 0; i < 300 && mantissa != floor(mantissa); i++) {
        mantissa *= 2.0;
        exponent--;
    }
    mpz_t numerator, denominator;
    mpz_init_set_d(numerator, mantissa);
    mpz_init_set_ui(denominator, 1);
    if (exponent > 0) mpz_mul_2exp(numerator, numerator, (mp_bitcnt_t)exponent);
    else mpz_mul_2exp(denominator, denominator, (mp_bitcnt_t)-exponent);
    Value pair[2] = {int_from_mpz(vm, numerator), int_from_mpz(vm, denominator)};
    mpz_clears(numerator, denominator, NULL);
    return OBJ_VAL(tuple_from_values(vm, 2, pair));
}

void float_init_class(VM *vm, ObjClass *cls) {
    cls->construct = float_construct;
    vm_define_native(vm, cls->dict, "is_integer", float_is_integer, cls);
    vm_define_native(vm, cls->dict, "as_integer_ratio", float_as_integer_ratio, cls);
}
