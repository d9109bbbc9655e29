/* numfmt.c — numbers as text. The float engine behind repr() and format()
 * (CPython's PyOS_double_to_string: Ryu for the shortest round-trip digits
 * of repr, the C library's correctly rounded digits for 'e', 'f' and 'g'),
 * and format(number, spec): the format-spec mini-language for int, bool and
 * float as CPython 3.11's Python/formatter_unicode.c parses and lays it out
 * ([[fill]align][sign][z][#][0][width][grouping][.precision][type]).
 * f-strings and str.format reach it through vm_format. */
#include <float.h>
#include <limits.h>
#include <math.h>

#include "number.h"
#include "str_unicode.h"

static char *checked_malloc(size_t size) {
    char *p = malloc(size);
    if (p == NULL) {
        fprintf(stderr, "handoff: out of memory formatting a number\n");
        abort();
    }
    return p;
}

/* ========================================================== float to text */

/* A decimal as David Gay's dtoa hands it to CPython: `digits` without leading
 * or trailing zeros (zero itself is "0"; a value rounded away entirely is ""),
 * and value = 0.DIGITS x 10**decpt. */
typedef struct {
    char *digits;            /* inline_digits, or malloc'ed for long ones */
    int length;
    int decpt;
    char inline_digits[48];
} Decimal;

static char *decimal_reserve(Decimal *dec, size_t size) {
    dec->digits = size <= sizeof dec->inline_digits ? dec->inline_digits : checked_malloc(size);
    dec->length = 0;
    return dec->digits;
}

static void decimal_free(Decimal *dec) {
    if (dec->digits != dec->inline_digits) free(dec->digits);
}

static void strip_trailing_zeros(Decimal *dec) {
    while (dec->length > 0 && dec->digits[dec->length - 1] == '0') dec->length--;
}

/* `ndigits` significant digits of d (> 0, finite), correctly rounded, read
 * out of "%.*e" (glibc prints exact decimal expansions, ties to even). Digits
 * are picked out of the text, so a locale's decimal point does not matter. */
static void digits_significant(double d, int ndigits, Decimal *dec) {
    char small[96];
    size_t size = (size_t)ndigits + 32;
    char *text = size <= sizeof small ? small : checked_malloc(size);
    snprintf(text, size, "%.*e", ndigits - 1, d);
    char *out = decimal_reserve(dec, (size_t)ndigits + 1);
    const char *p = text;
    for (; *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') out[dec->length++] = *p;
    dec->decpt = atoi(p + 1) + 1;
    if (text != small) free(text);
    strip_trailing_zeros(dec);
}

/* Appends the decimal digits of n to out; returns how many. */
static int u128_digits(unsigned __int128 n, char *out) {
    char text[48];
    int count = 0;
    while (n > UINT64_MAX) { /* peel 19 digits at a time off the high part */
        uint64_t low = (uint64_t)(n % 10000000000000000000u);
        n /= 10000000000000000000u;
        for (int i = 0; i < 19; i++, low /= 10) text[count++] = (char)('0' + low % 10);
    }
    for (uint64_t rest = (uint64_t)n; rest != 0; rest /= 10) text[count++] = (char)('0' + rest % 10);
    for (int i = 0; i < count; i++) out[i] = text[count - 1 - i];
    return count;
}

/* digits_fixed without the C library when d * 10**precision fits in 128
 * bits (d < 2**63, precision <= 19, d not tiny): d is mant * 2**e exactly,
 * so the rounding (ties to even, as glibc and Gay) is exact. */
static bool digits_fixed_fast(double d, int precision, Decimal *dec) {
    static const uint64_t powers_of_ten[20] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
        100000000u, 1000000000u, 10000000000u, 100000000000u, 1000000000000u, 10000000000000u,
        100000000000000u, 1000000000000000u, 10000000000000000u, 100000000000000000u,
        1000000000000000000u, 10000000000000000000u};
    if (precision > 19 || !(d < 9223372036854775808.0)) return false;
    int e;
    uint64_t mant = (uint64_t)ldexp(frexp(d, &e), DBL_MANT_DIG);
    e -= DBL_MANT_DIG;
    unsigned __int128 n = (unsigned __int128)mant * powers_of_ten[precision]; /* < 2**117 */
    if (e >= 0) {
        n <<= e; /* e <= 10 since d < 2**63 */
    } else {
        if (-e > 120) return false;
        unsigned __int128 rest = n & ((((unsigned __int128)1) << -e) - 1), half = ((unsigned __int128)1) << (-e - 1);
        n >>= -e;
        if (rest > half || (rest == half && (n & 1))) n++;
    }
    char *out = decimal_reserve(dec, 48);
    dec->length = n == 0 ? 0 : u128_digits(n, out);
    dec->decpt = dec->length - precision; /* also Gay's -precision when rounded away */
    strip_trailing_zeros(dec);
    return true;
}

/* d (>= 0, finite) rounded to `precision` digits after the point (Gay's
 * mode 3), exactly when it can, else from "%.*f". */
static void digits_fixed(double d, int precision, Decimal *dec) {
    if (digits_fixed_fast(d, precision, dec)) return;
    char small[512];
    size_t size = (size_t)precision + DBL_MAX_10_EXP + 8;
    char *text = size <= sizeof small ? small : checked_malloc(size);
    snprintf(text, size, "%.*f", precision, d);
    char *out = decimal_reserve(dec, size);
    int integer_digits = 0;
    bool after_point = false;
    for (const char *p = text; *p != '\0'; p++) {
        if (*p >= '0' && *p <= '9') {
            if (dec->length > 0 || *p != '0') out[dec->length++] = *p;
            else if (after_point) integer_digits--; /* a leading zero after the point */
        } else if (!after_point) {
            integer_digits = dec->length; /* the decimal point (whatever the locale draws) */
            after_point = true;
        }
    }
    if (!after_point) integer_digits = dec->length; /* precision 0: no point */
    dec->decpt = integer_digits;
    if (text != small) free(text);
    if (dec->length == 0) dec->decpt = -precision; /* rounded away: Gay's "no digits" */
    strip_trailing_zeros(dec);
}

/* ---- Ryu (Ulf Adams, 2018): the shortest digits that read back as d, the
 * nearest to d among equally short ones, ties to even: the digits of Gay's
 * mode 0, which CPython's repr prints. */

#define POW5_INV_COUNT 342  /* 2**k / 5**q for q up to log10(2**969) */
#define POW5_COUNT 326      /* 5**i for i up to 1076 - log10(5**1076) */
#define POW5_BITS 125

/* 125-bit fixed-point powers of five (low word first), computed once with
 * GMP: pow5[i] = 5**i scaled into [2**124, 2**125); pow5_inv[i] =
 * floor(2**(bits(5**i) - 1 + 125) / 5**i) + 1. Ryu ships these as tables. */
static uint64_t pow5[POW5_COUNT][2], pow5_inv[POW5_INV_COUNT][2];
static bool pow5_ready;

static void store_128(uint64_t out[2], const mpz_t value) {
    mpz_t part;
    mpz_init(part);
    mpz_fdiv_r_2exp(part, value, 64);
    out[0] = mpz_get_ui(part);
    mpz_fdiv_q_2exp(part, value, 64);
    out[1] = mpz_get_ui(part);
    mpz_clear(part);
}

static void compute_pow5_tables(void) {
    mpz_t power, scaled;
    mpz_inits(power, scaled, NULL);
    for (unsigned long i = 0; i < POW5_INV_COUNT; i++) {
        mpz_ui_pow_ui(power, 5, i);
        long bits = (long)mpz_sizeinbase(power, 2);
        if (i < POW5_COUNT) {
            if (bits <= POW5_BITS) mpz_mul_2exp(scaled, power, (mp_bitcnt_t)(POW5_BITS - bits));
            else mpz_fdiv_q_2exp(scaled, power, (mp_bitcnt_t)(bits - POW5_BITS));
            store_128(pow5[i], scaled);
        }
        mpz_set_ui(scaled, 1);
        mpz_mul_2exp(scaled, scaled, (mp_bitcnt_t)(bits - 1 + POW5_BITS));
        mpz_fdiv_q(scaled, scaled, power);
        mpz_add_ui(scaled, scaled, 1);
        store_128(pow5_inv[i], scaled);
    }
    mpz_clears(power, scaled, NULL);
    pow5_ready = true;
}

static inline int32_t pow5_bits(int32_t e) { return (int32_t)(((uint32_t)e * 1217359) >> 19) + 1; }
static inline uint32_t log10_pow2(int32_t e) { return ((uint32_t)e * 78913) >> 18; }
static inline uint32_t log10_pow5(int32_t e) { return ((uint32_t)e * 732923) >> 20; }

static inline uint32_t pow5_factor(uint64_t value) {
    uint32_t count = 0;
    while (value % 5 == 0) {
        value /= 5;
        count++;
    }
    return count;
}

static inline bool multiple_of_pow5(uint64_t value, uint32_t p) { return pow5_factor(value) >= p; }
static inline bool multiple_of_pow2(uint64_t value, uint32_t p) { return (value & ((1ull << p) - 1)) == 0; }

static inline uint64_t mul_shift(uint64_t m, const uint64_t mul[2], int32_t j) {
    unsigned __int128 low = (unsigned __int128)m * mul[0], high = (unsigned __int128)m * mul[1];
    return (uint64_t)(((low >> 64) + high) >> (j - 64));
}

/* The decimal interval of Ryu's step 3: vr is d, vp and vm its upper and
 * lower rounding bounds, all scaled by 10**-e10 and truncated. */
typedef struct {
    uint64_t vr, vp, vm;
    int32_t e10;
    bool accept_bounds;     /* the bounds themselves read back (strtod ties to even) */
    bool vm_trailing_zeros; /* vm's truncation dropped only zeros */
    bool vr_trailing_zeros;
} RyuInterval;

/* Ryu's steps 1-3: d > 0 and finite. */
static void ryu_interval(double d, RyuInterval *iv) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    uint64_t ieee_mantissa = bits & ((1ull << 52) - 1);
    uint32_t ieee_exponent = (uint32_t)(bits >> 52) & 0x7FF;
    int32_t e2;
    uint64_t m2;
    if (ieee_exponent == 0) { /* two extra bits for the bounds */
        e2 = 1 - 1023 - 52 - 2;
        m2 = ieee_mantissa;
    } else {
        e2 = (int32_t)ieee_exponent - 1023 - 52 - 2;
        m2 = (1ull << 52) | ieee_mantissa;
    }
    iv->accept_bounds = (m2 & 1) == 0;
    iv->vm_trailing_zeros = iv->vr_trailing_zeros = false;
    /* The decimals reading back as d lie in [mv - 1 - mm_shift, mv + 2] / 4 * 2**e2:
     * narrower below at powers of two (mm_shift 0). */
    uint64_t mv = 4 * m2;
    uint32_t mm_shift = ieee_mantissa != 0 || ieee_exponent <= 1;
    if (e2 >= 0) {
        uint32_t q = log10_pow2(e2) - (e2 > 3);
        iv->e10 = (int32_t)q;
        int32_t shift = -e2 + (int32_t)q + POW5_BITS + pow5_bits((int32_t)q) - 1;
        iv->vr = mul_shift(mv, pow5_inv[q], shift);
        iv->vp = mul_shift(mv + 2, pow5_inv[q], shift);
        iv->vm = mul_shift(mv - 1 - mm_shift, pow5_inv[q], shift);
        if (q <= 21) { /* only one of mp, mv, mm can be a multiple of 5 */
            if (mv % 5 == 0) iv->vr_trailing_zeros = multiple_of_pow5(mv, q);
            else if (iv->accept_bounds) iv->vm_trailing_zeros = multiple_of_pow5(mv - 1 - mm_shift, q);
            else iv->vp -= multiple_of_pow5(mv + 2, q);
        }
    } else {
        uint32_t q = log10_pow5(-e2) - (-e2 > 1);
        iv->e10 = (int32_t)q + e2;
        int32_t i = -e2 - (int32_t)q;
        int32_t shift = (int32_t)q - (pow5_bits(i) - POW5_BITS);
        iv->vr = mul_shift(mv, pow5[i], shift);
        iv->vp = mul_shift(mv + 2, pow5[i], shift);
        iv->vm = mul_shift(mv - 1 - mm_shift, pow5[i], shift);
        if (q <= 1) {
            iv->vr_trailing_zeros = true;
            if (iv->accept_bounds) iv->vm_trailing_zeros = mm_shift == 1;
            else iv->vp--;
        } else if (q < 63) {
            iv->vr_trailing_zeros = multiple_of_pow2(mv, q);
        }
    }
}

/* Ryu's step 4: drops digits while the interval still holds two candidates,
 * then rounds; returns the digits, *removed how many were dropped. */
static uint64_t ryu_shortest(RyuInterval *iv, int32_t *removed) {
    uint64_t vr = iv->vr, vp = iv->vp, vm = iv->vm;
    bool vm_zeros = iv->vm_trailing_zeros, vr_zeros = iv->vr_trailing_zeros;
    *removed = 0;
    if (!vm_zeros && !vr_zeros) { /* the common case */
        bool round_up = false;
        while (vp / 10 > vm / 10) {
            round_up = vr % 10 >= 5;
            vr /= 10, vp /= 10, vm /= 10;
            (*removed)++;
        }
        return vr + (vr == vm || round_up);
    }
    uint32_t last_removed = 0;
    while (vp / 10 > vm / 10) {
        vm_zeros &= vm % 10 == 0;
        vr_zeros &= last_removed == 0;
        last_removed = (uint32_t)(vr % 10);
        vr /= 10, vp /= 10, vm /= 10;
        (*removed)++;
    }
    while (vm_zeros && vm % 10 == 0) {
        vr_zeros &= last_removed == 0;
        last_removed = (uint32_t)(vr % 10);
        vr /= 10, vp /= 10, vm /= 10;
        (*removed)++;
    }
    if (vr_zeros && last_removed == 5 && vr % 2 == 0) last_removed = 4; /* an exact tie: to even */
    return vr + ((vr == vm && (!iv->accept_bounds || !vm_zeros)) || last_removed >= 5);
}

/* The shortest round-trip digits of d (> 0, finite), as Gay's digit string. */
static void digits_shortest(double d, Decimal *dec) {
    if (!pow5_ready) compute_pow5_tables();
    RyuInterval iv;
    ryu_interval(d, &iv);
    int32_t removed;
    uint64_t output = ryu_shortest(&iv, &removed);
    char text[24];
    int n = 0;
    do {
        text[n++] = (char)('0' + output % 10);
        output /= 10;
    } while (output != 0);
    char *out = decimal_reserve(dec, (size_t)n + 1);
    for (int i = 0; i < n; i++) out[i] = text[n - 1 - i];
    dec->length = n;
    dec->decpt = n + iv.e10 + removed;
    strip_trailing_zeros(dec);
}

/* CPython's format_float_short: lays out Gay-style digits for the modes
 * 'e', 'f', 'g' and 'r', padding with zeros on either side as needed. */
static void layout_digits(StrBuf *buf, const Decimal *dec, bool negative, char mode, int precision, int flags,
                          bool upper) {
    bool add_dot_0 = flags & FLOAT_ADD_DOT_0, alt = flags & FLOAT_ALT, use_exp = false;
    int decpt = dec->decpt, length = dec->length, vdigits_end = length, exponent = 0;
    switch (mode) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
        if (alt) vdigits_end = precision;
        break;
    default: /* 'r': exponent from 1e16 on, as CPython */
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    if (use_exp) {
        exponent = decpt - 1;
        decpt = 1;
    }
    /* The point must fall inside [vdigits_start, vdigits_end] of the virtual,
     * zero-padded digit string. */
    int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0) vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
    if ((flags & FLOAT_NO_NEG_0) && negative && (length == 0 || (length == 1 && dec->digits[0] == '0')))
        negative = false;

    char small[128];
    size_t size = (size_t)(vdigits_end - vdigits_start) + 16;
    char *text = size <= sizeof small ? small : checked_malloc(size), *p = text;
    if (negative) *p++ = '-';
    else if (flags & FLOAT_ALWAYS_SIGN) *p++ = '+';
    for (int i = vdigits_start; i < vdigits_end; i++) {
        if (i == decpt) *p++ = '.';
        *p++ = i >= 0 && i < length ? dec->digits[i] : '0';
    }
    if (decpt == vdigits_end && alt) *p++ = '.';
    if (use_exp) { /* e+05, e-300: at least two digits, as C */
        *p++ = upper ? 'E' : 'e';
        *p++ = exponent < 0 ? '-' : '+';
        int magnitude = abs(exponent);
        if (magnitude >= 100) *p++ = (char)('0' + magnitude / 100);
        *p++ = (char)('0' + magnitude / 10 % 10);
        *p++ = (char)('0' + magnitude % 10);
    }
    strbuf_append(buf, text, (size_t)(p - text));
    if (text != small) free(text);
}

void float_to_string(StrBuf *buf, double d, char type, int precision, int flags) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char mode = upper ? (char)(type - 'A' + 'a') : type;
    if (isnan(d)) {
        if (flags & FLOAT_ALWAYS_SIGN) strbuf_append_char(buf, '+');
        strbuf_append_cstr(buf, upper ? "NAN" : "nan");
        return;
    }
    bool negative = signbit(d);
    if (isinf(d)) {
        if (negative) strbuf_append_char(buf, '-');
        else if (flags & FLOAT_ALWAYS_SIGN) strbuf_append_char(buf, '+');
        strbuf_append_cstr(buf, upper ? "INF" : "inf");
        return;
    }
    double magnitude = fabs(d);
    Decimal dec;
    if (mode == 'g' && precision == 0) precision = 1;
    if (mode == 'e') precision++; /* 'e' counts digits after the point; Gay's mode 2 counts them all */
    if (magnitude == 0.0) {
        decimal_reserve(&dec, 2)[0] = '0';
        dec.length = 1;
        dec.decpt = 1;
    } else if (mode == 'r') {
        digits_shortest(magnitude, &dec);
    } else if (mode == 'f') {
        digits_fixed(magnitude, precision, &dec);
    } else {
        digits_significant(magnitude, precision, &dec);
    }
    layout_digits(buf, &dec, negative, mode, precision, flags, upper);
    decimal_free(&dec);
}

/* ======================================================= the format spec */

/* Widths and precisions past this are refused with MemoryError (CPython
 * would try to build a string of that size). */
#define MAX_FORMAT_WIDTH ((int64_t)1 << 27)

typedef struct {
    uint32_t fill;      /* the fill character */
    uint32_t align;     /* '<', '>', '^' or '=' */
    uint32_t sign;      /* '+', '-', ' ', or 0 when not given */
    bool no_neg_0;      /* 'z': negative zero prints as zero */
    bool alternate;     /* '#' */
    int64_t width;      /* -1 when not given */
    char separator;     /* ',' or '_' between digit groups, or 0 */
    int group;          /* digits per group: 3, or 4 for '_' with b/o/x/X */
    int64_t precision;  /* -1 when not given */
    uint32_t type;      /* the presentation type: when not given 'd' for ints, 0 for floats */
} FormatSpec;

/* ------------------------------------------------------------------ parsing */

/* Decodes the spec's UTF-8 into code points: into `small` (32 entries) when
 * it fits, as specs almost always do, else into a malloc'ed array. */
static uint32_t *decode_spec(const ObjStr *spec, uint32_t *small, int64_t *count) {
    uint32_t *cps = spec->length <= 32 ? small
                                       : (uint32_t *)(void *)checked_malloc(sizeof(uint32_t) * (size_t)spec->length);
    int64_t n = 0;
    for (int64_t i = 0; i < spec->length;) {
        unsigned char c = (unsigned char)spec->chars[i];
        int size = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        uint32_t cp = size == 1 ? c : c & (0x7Fu >> size);
        for (int k = 1; k < size && i + k < spec->length; k++) cp = (cp << 6) | (spec->chars[i + k] & 0x3F);
        cps[n++] = cp;
        i += size;
    }
    *count = n;
    return cps;
}

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads decimal digits (any Unicode Nd, as CPython) at *pos; -1 on overflow. */
static int get_integer(VM *vm, const uint32_t *cps, int64_t *pos, int64_t end, int64_t *result) {
    int64_t value = 0;
    int count = 0;
    for (; *pos < end; (*pos)++, count++) {
        uint32_t cp = cps[*pos];
        int digit = cp < 0x80 ? (cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1) : unicode_decimal_value(cp);
        if (digit < 0) break;
        if (value > (INT64_MAX - digit) / 10) {
            vm_raise(vm, vm->types.ValueError, "Too many decimal digits in format string");
            return -1;
        }
        value = value * 10 + digit;
    }
    *result = value;
    return count;
}

/* "'c'" for a printable ASCII code, "'\x..'" otherwise, as CPython words it. */
static void describe_code(char *out, size_t size, uint32_t code) {
    if (code > 32 && code < 128) snprintf(out, size, "'%c'", (char)code);
    else snprintf(out, size, "'\\x%x'", (unsigned)code);
}

static bool invalid_separator(VM *vm, char separator, uint32_t type) {
    char code[16];
    describe_code(code, sizeof code, type);
    vm_raise(vm, vm->types.ValueError, "Cannot specify '%c' with %s.", separator, code);
    return false;
}

/* CPython's parse_internal_render_format_spec, with its errors in its order. */
static bool parse_spec(VM *vm, ObjStr *text, Value v, uint32_t default_type, FormatSpec *spec) {
    int64_t end, pos = 0;
    uint32_t small[32];
    uint32_t *cps = decode_spec(text, small, &end);
    bool fill_given = false, align_given = false, ok = false;
    *spec = (FormatSpec){.fill = ' ', .align = '>', .width = -1, .precision = -1, .group = 3, .type = default_type};
    if (end - pos >= 2 && is_align(cps[pos + 1])) {
        spec->align = cps[pos + 1];
        spec->fill = cps[pos];
        fill_given = align_given = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(cps[pos])) {
        spec->align = cps[pos++];
        align_given = true;
    }
    if (pos < end && (cps[pos] == ' ' || cps[pos] == '+' || cps[pos] == '-')) spec->sign = cps[pos++];
    if (pos < end && cps[pos] == 'z') spec->no_neg_0 = true, pos++;
    if (pos < end && cps[pos] == '#') spec->alternate = true, pos++;
    if (!fill_given && pos < end && cps[pos] == '0') {
        spec->fill = '0';
        if (!align_given) spec->align = '=';
        pos++;
    }
    int consumed = get_integer(vm, cps, &pos, end, &spec->width);
    if (consumed < 0) goto done;
    if (consumed == 0) spec->width = -1;
    if (pos < end && cps[pos] == ',') spec->separator = ',', pos++;
    if (pos < end && cps[pos] == '_') {
        if (spec->separator != 0) {
            vm_raise(vm, vm->types.ValueError, "Cannot specify both ',' and '_'.");
            goto done;
        }
        spec->separator = '_';
        pos++;
    }
    if (pos < end && cps[pos] == ',' && spec->separator == '_') {
        vm_raise(vm, vm->types.ValueError, "Cannot specify both ',' and '_'.");
        goto done;
    }
    if (pos < end && cps[pos] == '.') {
        pos++;
        consumed = get_integer(vm, cps, &pos, end, &spec->precision);
        if (consumed < 0) goto done;
        if (consumed == 0) {
            vm_raise(vm, vm->types.ValueError, "Format specifier missing precision");
            goto done;
        }
    }
    if (end - pos > 1) {
        vm_raise(vm, vm->types.ValueError, "Invalid format specifier '%s' for object of type '%s'", text->chars,
                 vm_type_name(vm, v));
        goto done;
    }
    if (end - pos == 1) spec->type = cps[pos];
    if (spec->separator != 0) {
        switch (spec->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (spec->separator == '_') {
                spec->group = 4;
                break;
            }
            invalid_separator(vm, spec->separator, spec->type);
            goto done;
        default:
            invalid_separator(vm, spec->separator, spec->type);
            goto done;
        }
    }
    ok = true;
done:
    if (cps != small) free(cps);
    return ok;
}

/* ------------------------------------------------------------------- layout */

/* One step of the grouping below: `length` characters of digits, zero padded
 * on the left, with a separator to their right unless this is the first. */
typedef struct {
    char *p;               /* writes backwards from here; NULL when only counting */
    const char *digits;
    int64_t digits_pos;    /* digits[0..digits_pos) are still to place */
    int64_t remaining;     /* as digits_pos, when not counting */
    int64_t count;
    char separator;
    bool use_separator;
} Grouping;

static void emit_group(Grouping *g, int64_t length) {
    int64_t zeros = length > g->remaining ? length - g->remaining : 0;
    int64_t chars = g->remaining < length ? (g->remaining > 0 ? g->remaining : 0) : length;
    g->count += (g->use_separator ? 1 : 0) + zeros + chars;
    if (g->p != NULL) {
        if (g->use_separator) *--g->p = g->separator;
        g->digits_pos -= chars;
        g->p -= chars;
        memcpy(g->p, g->digits + g->digits_pos, (size_t)chars);
        g->p -= zeros;
        memset(g->p, '0', (size_t)zeros);
    }
    g->remaining -= chars;
    g->use_separator = true;
}

/* Digit groups as CPython's _PyUnicode_InsertThousandsGrouping builds them:
 * from the right, each group zero-padded while `min_width` asks for more
 * (the '0' fill of a '=' alignment goes inside the grouping). Writes into
 * out (filled backwards from out) when out is not NULL; returns the length. */
static int64_t group_digits(char *out, const char *digits, int64_t n_digits, int64_t min_width, char separator,
                            int group) {
    Grouping g = {out, digits, n_digits, n_digits, 0, separator, false};
    if (min_width < 0) min_width = 0;
    while (separator != 0) {
        int64_t length = g.remaining > min_width ? g.remaining : min_width;
        if (length < 1) length = 1;
        if (length > group) length = group;
        emit_group(&g, length);
        min_width -= length;
        if (g.remaining <= 0 && min_width <= 0) return g.count;
        min_width -= 1; /* the separator's width */
    }
    /* No grouping: zeros up to min_width, then the digits. */
    int64_t length = g.remaining > min_width ? g.remaining : min_width;
    emit_group(&g, length < 1 ? 1 : length);
    return g.count;
}

/* The fill character as UTF-8 into out[4]; returns its size. */
static int encode_fill(uint32_t fill, char out[4]) {
    if (fill < 0x80) return out[0] = (char)fill, 1;
    if (fill < 0x800) return out[0] = (char)(0xC0 | (fill >> 6)), out[1] = (char)(0x80 | (fill & 0x3F)), 2;
    if (fill < 0x10000) {
        out[0] = (char)(0xE0 | (fill >> 12)), out[1] = (char)(0x80 | ((fill >> 6) & 0x3F));
        out[2] = (char)(0x80 | (fill & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (fill >> 18)), out[1] = (char)(0x80 | ((fill >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((fill >> 6) & 0x3F)), out[3] = (char)(0x80 | (fill & 0x3F));
    return 4;
}

/* `count` copies of the encoded fill at p; returns the end. */
static char *put_fill(char *p, const char *fill, int fill_bytes, int64_t count) {
    for (int64_t i = 0; i < count; i++, p += fill_bytes) memcpy(p, fill, (size_t)fill_bytes);
    return p;
}

/* The parts of a formatted number, left to right. */
typedef struct {
    bool negative;
    const char *prefix;      /* "0x" and the like, or "" */
    const char *digits;      /* the integer digits, to be grouped */
    int64_t n_digits;
    const char *rest;        /* the point, fraction, exponent, '%', "inf", or the 'c' character */
    int64_t rest_bytes;
    int64_t rest_chars;      /* rest's length in characters (the 'c' character may be UTF-8) */
    bool grouped;            /* the separator applies (not for 'n' in the C locale) */
} NumberParts;

/* CPython's calc_number_widths and fill_number: sign, prefix, padding,
 * grouped digits and the rest, padded to the width as the alignment says. */
static Value layout_number(VM *vm, const FormatSpec *spec, const NumberParts *parts) {
    char sign = 0;
    if (spec->sign == '+') sign = parts->negative ? '-' : '+';
    else if (spec->sign == ' ') sign = parts->negative ? '-' : ' ';
    else if (parts->negative) sign = '-';
    int64_t n_prefix = (int64_t)strlen(parts->prefix);
    int64_t n_other = (sign != 0) + n_prefix + parts->rest_chars;
    int64_t min_width = spec->fill == '0' && spec->align == '=' ? spec->width - n_other : 0;
    char separator = parts->grouped ? spec->separator : 0;
    int64_t n_grouped =
        parts->n_digits == 0 ? 0 : group_digits(NULL, parts->digits, parts->n_digits, min_width, separator, spec->group);
    int64_t padding = spec->width - (n_other + n_grouped), left = 0, inside = 0, right = 0;
    if (padding > 0) {
        switch (spec->align) {
        case '<': right = padding; break;
        case '^': left = padding / 2, right = padding - left; break;
        case '=': inside = padding; break;
        default: left = padding; break;
        }
    }
    /* The whole text is measured first and built in one buffer, on the stack
     * when it is short (almost always): one allocation, the str itself. */
    char fill[4];
    int fill_bytes = encode_fill(spec->fill, fill);
    size_t total = (size_t)(fill_bytes * (left + inside + right) + (sign != 0) + n_prefix + n_grouped +
                            parts->rest_bytes);
    char small[256];
    char *text = total <= sizeof small ? small : checked_malloc(total);
    char *p = text;
    p = put_fill(p, fill, fill_bytes, left);
    if (sign != 0) *p++ = sign;
    memcpy(p, parts->prefix, (size_t)n_prefix);
    p = put_fill(p + n_prefix, fill, fill_bytes, inside);
    if (n_grouped > 0) group_digits(p + n_grouped, parts->digits, parts->n_digits, min_width, separator, spec->group);
    p += n_grouped;
    memcpy(p, parts->rest, (size_t)parts->rest_bytes);
    put_fill(p + parts->rest_bytes, fill, fill_bytes, right);
    ObjStr *result = str_new(vm, text, total);
    if (text != small) free(text);
    return OBJ_VAL(result);
}

/* -------------------------------------------------------- int and float */

static Value unknown_code(VM *vm, uint32_t type, Value v) {
    char code[16];
    describe_code(code, sizeof code, type);
    return vm_raise(vm, vm->types.ValueError, "Unknown format code %s for object of type '%s'", code,
                    vm_type_name(vm, v));
}

/* format_long_internal: the integer presentation types b c d o x X n. */
static Value format_int(VM *vm, Value v, const FormatSpec *spec) {
    if (spec->precision != -1)
        return vm_raise(vm, vm->types.ValueError, "Precision not allowed in integer format specifier");
    if (spec->no_neg_0)
        return vm_raise(vm, vm->types.ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
    NumberParts parts = {.prefix = "", .digits = "", .rest = "", .grouped = spec->type != 'n'};
    StrBuf digits;
    strbuf_init(&digits);
    if (spec->type == 'c') {
        if (spec->sign != 0)
            return vm_raise(vm, vm->types.ValueError, "Sign not allowed with integer format specifier 'c'");
        if (spec->alternate)
            return vm_raise(vm, vm->types.ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
        if (IS_BIGINT(v)) return vm_raise(vm, vm->types.OverflowError, "Python int too large to convert to C long");
        int64_t code = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
        if (code < 0 || code > 0x10FFFF)
            return vm_raise(vm, vm->types.OverflowError, "%%c arg not in range(0x110000)");
        strbuf_append_codepoint(&digits, (uint32_t)code);
        parts.rest = digits.data;
        parts.rest_bytes = (int64_t)digits.length;
        parts.rest_chars = 1;
    } else {
        int base = spec->type == 'b' ? 2 : spec->type == 'o' ? 8 : (spec->type == 'x' || spec->type == 'X') ? 16 : 10;
        if (!int_digits(vm, v, base, &digits, &parts.negative)) {
            strbuf_free(&digits);
            return EMPTY_VAL;
        }
        if (spec->type == 'X')
            for (size_t i = 0; i < digits.length; i++)
                if (digits.data[i] >= 'a') digits.data[i] = (char)(digits.data[i] - 'a' + 'A');
        if (spec->alternate && base != 10)
            parts.prefix = base == 2 ? "0b" : base == 8 ? "0o" : spec->type == 'X' ? "0X" : "0x";
        parts.digits = digits.data;
        parts.n_digits = (int64_t)digits.length;
    }
    Value result = layout_number(vm, spec, &parts);
    strbuf_free(&digits);
    return result;
}

/* format_float_internal: the float presentation types e E f F g G n % and none. */
static Value format_float(VM *vm, double value, const FormatSpec *spec) {
    if (spec->precision > INT_MAX) return vm_raise(vm, vm->types.ValueError, "precision too big");
    if (spec->precision > MAX_FORMAT_WIDTH) return int_too_large(vm);
    int precision = (int)spec->precision, default_precision = 6, flags = 0;
    char type = (char)spec->type;
    bool percent = false;
    if (spec->alternate) flags |= FLOAT_ALT;
    if (spec->no_neg_0) flags |= FLOAT_NO_NEG_0;
    if (type == 0) { /* like repr() without a precision, else 'g' keeping a ".0" */
        flags |= FLOAT_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        value *= 100;
        percent = true;
    }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    StrBuf text;
    strbuf_init(&text);
    float_to_string(&text, value, type, precision, flags);
    if (percent) strbuf_append_char(&text, '%');
    NumberParts parts = {.prefix = "", .grouped = spec->type != 'n'};
    const char *p = text.data;
    if (*p == '-') {
        parts.negative = true;
        p++;
    }
    parts.digits = p;
    while (*p >= '0' && *p <= '9') p++;
    parts.n_digits = p - parts.digits;
    parts.rest = p;
    parts.rest_bytes = parts.rest_chars = (int64_t)(text.data + text.length - p);
    Value result = layout_number(vm, spec, &parts);
    strbuf_free(&text);
    return result;
}

Value num_format_spec(VM *vm, Value v, ObjStr *spec_text) {
    if (spec_text->length == 0) {
        if (IS_FLOAT(v)) return float_repr(vm, AS_FLOAT(v));
        return int_repr(vm, v); /* "True" for a bool, as str() */
    }
    FormatSpec spec;
    if (!parse_spec(vm, spec_text, v, IS_FLOAT(v) ? 0 : 'd', &spec)) return EMPTY_VAL;
    if (spec.width > MAX_FORMAT_WIDTH) return int_too_large(vm);
    if (IS_FLOAT(v)) {
        switch (spec.type) {
        case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
            return format_float(vm, AS_FLOAT(v), &spec);
        default: return unknown_code(vm, spec.type, v);
        }
    }
    switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int(vm, v, &spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (!int_to_double(vm, v, &d)) return EMPTY_VAL;
        return format_float(vm, d, &spec);
    }
    default: return unknown_code(vm, spec.type, v);
    }
}
