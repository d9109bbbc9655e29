/* numfmt.c — format(number, spec): the format-spec mini-language for int,
 * bool and float, as CPython 3.11's Python/formatter_unicode.c parses and
 * lays it out ([[fill]align][sign][z][#][0][width][grouping][.precision][type]).
 * f-strings and str.format reach it through vm_format. */
#include <limits.h>

#include "number.h"
#include "str_unicode.h"

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

/* Decodes the spec's UTF-8 into code points (specs are short). */
static uint32_t *decode_spec(const ObjStr *spec, int64_t *count) {
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)(spec->length + 1));
    if (cps == NULL) {
        fprintf(stderr, "handoff: out of memory parsing a format spec\n");
        abort();
    }
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
        int digit = unicode_decimal_value(cps[*pos]);
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
    uint32_t *cps = decode_spec(text, &end);
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
    free(cps);
    return ok;
}

/* ------------------------------------------------------------------- layout */

/* Digit groups as CPython's _PyUnicode_InsertThousandsGrouping builds them:
 * from the right, each group zero-padded while `min_width` asks for more
 * (the '0' fill of a '=' alignment goes inside the grouping). Writes into
 * out (filled from its end) when out is not NULL; returns the length. */
static int64_t group_digits(char *out, const char *digits, int64_t n_digits, int64_t min_width, char separator,
                            int group) {
    int64_t count = 0, remaining = n_digits, digits_pos = n_digits;
    if (min_width < 0) min_width = 0;
    bool use_separator = false, broken = false;
    char *p = out == NULL ? NULL : out; /* p walks backwards from out's end */
    for (int pass = 0; separator != 0 && !broken; pass++) {
        int64_t length = remaining > min_width ? remaining : min_width;
        if (length < 1) length = 1;
        if (length > group) length = group;
        int64_t zeros = length - remaining > 0 ? length - remaining : 0;
        int64_t chars = remaining < length ? (remaining > 0 ? remaining : 0) : length;
        count += (use_separator ? 1 : 0) + zeros + chars;
        if (p != NULL) {
            if (use_separator) *--p = separator;
            digits_pos -= chars;
            p -= chars;
            memcpy(p, digits + digits_pos, (size_t)chars);
            p -= zeros;
            memset(p, '0', (size_t)zeros);
        }
        use_separator = true;
        remaining -= chars;
        min_width -= length;
        if (remaining <= 0 && min_width <= 0) broken = true;
        else min_width -= 1;
    }
    if (!broken) { /* no grouping: zeros up to min_width, then the digits */
        int64_t length = remaining > min_width ? remaining : min_width;
        if (length < 1) length = 1;
        int64_t zeros = length - remaining > 0 ? length - remaining : 0;
        int64_t chars = remaining < length ? (remaining > 0 ? remaining : 0) : length;
        count += (use_separator ? 1 : 0) + zeros + chars;
        if (p != NULL) {
            if (use_separator) *--p = separator;
            digits_pos -= chars;
            p -= chars;
            memcpy(p, digits + digits_pos, (size_t)chars);
            p -= zeros;
            memset(p, '0', (size_t)zeros);
        }
    }
    return count;
}

static void append_fill(StrBuf *buf, uint32_t fill, int64_t count) {
    for (int64_t i = 0; i < count; i++) {
        if (fill < 0x80) strbuf_append_char(buf, (char)fill);
        else strbuf_append_codepoint(buf, fill);
    }
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
    StrBuf buf;
    strbuf_init(&buf);
    append_fill(&buf, spec->fill, left);
    if (sign != 0) strbuf_append_char(&buf, sign);
    strbuf_append(&buf, parts->prefix, (size_t)n_prefix);
    append_fill(&buf, spec->fill, inside);
    if (n_grouped > 0) {
        char *grouped = malloc((size_t)n_grouped);
        if (grouped == NULL) {
            fprintf(stderr, "handoff: out of memory formatting a number\n");
            abort();
        }
        group_digits(grouped + n_grouped, parts->digits, parts->n_digits, min_width, separator, spec->group);
        strbuf_append(&buf, grouped, (size_t)n_grouped);
        free(grouped);
    }
    strbuf_append(&buf, parts->rest, (size_t)parts->rest_bytes);
    append_fill(&buf, spec->fill, right);
    return OBJ_VAL(strbuf_finish(vm, &buf));
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
