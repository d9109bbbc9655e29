/* str_format.c — the three ways a str formats values, with CPython's rules
 * and messages: the % operator (str_mod_format), str.format / format_map
 * (fields, conversions, nested specs), and the format mini-language for str
 * values (str_format_spec). Numbers format through num_format_spec. */
#include "containers.h"
#include "number.h"
#include "str_methods.h"

/* --------------------------------------------------- the str mini-language */

static bool is_align(uint32_t cp) {
    return cp == '<' || cp == '>' || cp == '^' || cp == '=';
}

/* Reads decimal digits at *pos; -1 when there are none. */
static int64_t read_integer(const char *spec, int64_t length, int64_t *pos) {
    int64_t value = -1;
    while (*pos < length && spec[*pos] >= '0' && spec[*pos] <= '9') {
        int digit = spec[(*pos)++] - '0';
        value = value < 0 ? digit : (value > (INT64_MAX - digit) / 10 ? INT64_MAX : value * 10 + digit);
    }
    return value;
}

typedef struct {
    uint32_t fill;
    char align, sign, type, grouping;
    bool alternate, no_neg_0;
    int64_t width, precision;  /* -1 when absent */
} StrSpec;

static bool parse_spec(VM *vm, ObjStr *spec, StrSpec *out) {
    const char *p = spec->chars;
    int64_t n = spec->length, pos = 0;
    *out = (StrSpec){' ', '<', 0, 's', 0, false, false, -1, -1};
    int first_size = 0, second_size = 0;
    uint32_t first = n > 0 ? utf8_decode(p, &first_size) : 0;
    uint32_t second = n > first_size ? utf8_decode(p + first_size, &second_size) : 0;
    bool fill_given = false;
    if (n > first_size && is_align(second)) {
        out->fill = first, out->align = (char)second, fill_given = true;
        pos = first_size + second_size;
    } else if (n > 0 && is_align(first)) {
        out->align = (char)first;
        pos = 1;
    }
    if (pos < n && (p[pos] == '+' || p[pos] == '-' || p[pos] == ' ')) out->sign = p[pos++];
    if (pos < n && p[pos] == 'z') out->no_neg_0 = true, pos++;
    if (pos < n && p[pos] == '#') out->alternate = true, pos++;
    if (!fill_given && pos < n && p[pos] == '0') out->fill = '0', pos++;
    out->width = read_integer(p, n, &pos);
    if (pos < n && (p[pos] == ',' || p[pos] == '_')) out->grouping = p[pos++];
    if (pos < n && (p[pos] == ',' || p[pos] == '_')) {
        vm_raise(vm, vm->types.ValueError, "Cannot specify both ',' and '_'.");
        return false;
    }
    if (pos < n && p[pos] == '.') {
        pos++;
        out->precision = read_integer(p, n, &pos);
        if (out->precision < 0) {
            vm_raise(vm, vm->types.ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (n - pos > 1) {
        vm_raise(vm, vm->types.ValueError, "Invalid format specifier '%s' for object of type 'str'",
                 spec->chars);
        return false;
    }
    if (n - pos == 1) out->type = p[pos];
    /* As CPython's parser: grouping suits the number types (and '_' the
     * power-of-two bases); the type itself is checked afterwards. */
    bool grouping_fits = out->grouping == 0 || strchr("defgEGF%", out->type) != NULL ||
                         (out->grouping == '_' && strchr("boxX", out->type) != NULL);
    if (!grouping_fits) {
        vm_raise(vm, vm->types.ValueError, "Cannot specify '%c' with '%c'.", out->grouping, out->type);
        return false;
    }
    return true;
}

static void append_repeated(StrBuf *buf, uint32_t cp, int64_t count) {
    for (int64_t i = 0; i < count; i++) strbuf_append_codepoint(buf, cp);
}

Value str_format_spec(VM *vm, ObjStr *s, ObjStr *spec) {
    if (spec->length == 0) return OBJ_VAL(s);
    StrSpec f;
    if (!parse_spec(vm, spec, &f)) return EMPTY_VAL;
    if (f.type != 's') {
        if ((uint8_t)f.type >= 0x20 && (uint8_t)f.type < 0x7F) {
            return vm_raise(vm, vm->types.ValueError,
                            "Unknown format code '%c' for object of type 'str'", f.type);
        }
        return vm_raise(vm, vm->types.ValueError,
                        "Unknown format code '\\x%x' for object of type 'str'", (uint8_t)f.type);
    }
    const char *refusal = f.sign == ' ' ? "Space not allowed in string format specifier"
                        : f.sign ? "Sign not allowed in string format specifier"
                        : f.no_neg_0 ? "Negative zero coercion (z) not allowed in string format specifier"
                        : f.alternate ? "Alternate form (#) not allowed in string format specifier"
                        : f.align == '=' ? "'=' alignment not allowed in string format specifier"
                        : NULL;
    if (refusal != NULL) return vm_raise(vm, vm->types.ValueError, "%s", refusal);
    int64_t length = s->cp_count;
    if ((f.width < 0 || f.width <= length) && (f.precision < 0 || f.precision >= length)) {
        return OBJ_VAL(s);
    }
    if (f.precision >= 0 && length >= f.precision) length = f.precision;
    int64_t total = f.width > length ? f.width : length;
    if (total > length && !vm_reserve(vm, (size_t)(total - length) * 4)) return EMPTY_VAL;
    int64_t left = f.align == '>' ? total - length : f.align == '^' ? (total - length) / 2 : 0;
    StrBuf buf;
    strbuf_init(&buf);
    append_repeated(&buf, f.fill, left);
    strbuf_append(&buf, s->chars, (size_t)str_byte_offset(s, length));
    append_repeated(&buf, f.fill, total - length - left);
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* ascii(): repr with every non-ASCII code point escaped. */
static void append_ascii(StrBuf *buf, ObjStr *repr) {
    for (int64_t i = 0; i < repr->length;) {
        int size;
        uint32_t cp = utf8_decode(repr->chars + i, &size);
        i += size;
        if (cp < 0x80) strbuf_append_char(buf, (char)cp);
        else if (cp < 0x100) strbuf_appendf(buf, "\\x%02x", cp);
        else if (cp < 0x10000) strbuf_appendf(buf, "\\u%04x", cp);
        else strbuf_appendf(buf, "\\U%08x", cp);
    }
}

static Value ascii_of(VM *vm, Value v) {
    Value repr = vm_repr(vm, v);
    if (IS_EMPTY(repr) || AS_STR(repr)->is_ascii) return repr;
    StrBuf buf;
    strbuf_init(&buf);
    append_ascii(&buf, AS_STR(repr));
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* ------------------------------------------------------------- str.format */

typedef struct {
    VM *vm;
    Value *args;          /* positional arguments */
    int argc;
    ObjDict *kwargs;      /* keyword arguments (format), or NULL */
    Value mapping;        /* format_map's mapping, or EMPTY */
    int auto_index;       /* next automatic field number; -1 once manual numbering is used */
    bool used_auto;
    ObjTuple *kwnames;    /* or keyword arguments as a call passes them: names ... */
    Value *kwvalues;      /* ... and values (s.format(name=...) makes no dict) */
} FormatState;

static bool all_digits(const char *p, int64_t n) {
    if (n == 0) return false;
    for (int64_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return false;
    }
    return true;
}

static int64_t digits_value(const char *p, int64_t n) {
    int64_t value = 0;
    for (int64_t i = 0; i < n; i++) value = value > INT64_MAX / 10 - 10 ? INT64_MAX : value * 10 + (p[i] - '0');
    return value;
}

/* The object the first part of a field name designates. */
static Value field_base(FormatState *st, const char *name, int64_t n) {
    VM *vm = st->vm;
    if (n == 0 || all_digits(name, n)) {
        int64_t index;
        if (n == 0) {
            if (st->auto_index < 0) {
                return vm_raise(vm, vm->types.ValueError,
                                "cannot switch from manual field specification to automatic field numbering");
            }
            index = st->auto_index++;
            st->used_auto = true;
        } else {
            if (st->used_auto) {
                return vm_raise(vm, vm->types.ValueError,
                                "cannot switch from automatic field numbering to manual field specification");
            }
            st->auto_index = -1;
            index = digits_value(name, n);
        }
        if (!IS_EMPTY(st->mapping)) {
            return vm_raise(vm, vm->types.ValueError, "Format string contains positional fields");
        }
        if (index >= st->argc) {
            return vm_raise(vm, vm->types.IndexError,
                            "Replacement index %lld out of range for positional args tuple",
                            (long long)index);
        }
        return st->args[index];
    }
    for (int64_t k = 0; st->kwnames != NULL && k < st->kwnames->count; k++) {
        ObjStr *keyword = AS_STR(st->kwnames->items[k]);
        if (keyword->length == n && memcmp(keyword->chars, name, (size_t)n) == 0) return st->kwvalues[k];
    }
    if (IS_EMPTY(st->mapping) && st->kwargs != NULL) {
        /* The keyword's own key string, found without making a new str. */
        ObjStr *key = dict_find_str(st->kwargs, name, (size_t)n, str_hash_bytes(name, (size_t)n));
        if (key != NULL) return dict_get_str(st->kwargs, key);
    }
    ObjStr *key = str_new(vm, name, (size_t)n);
    if (!IS_EMPTY(st->mapping)) return vm_getitem(vm, st->mapping, OBJ_VAL(key));
    Value found = st->kwargs != NULL ? dict_get_str(st->kwargs, key) : EMPTY_VAL;
    if (IS_EMPTY(found)) dict_raise_key_error(vm, OBJ_VAL(key));
    return found;
}

/* Resolves "name.attr[key]..." to the value to format. */
static Value resolve_field(FormatState *st, const char *name, int64_t n) {
    VM *vm = st->vm;
    int64_t first = 0;
    while (first < n && name[first] != '.' && name[first] != '[') first++;
    Value value = field_base(st, name, first);
    for (int64_t i = first; i < n && !IS_EMPTY(value);) {
        if (name[i] == '.') {
            int64_t start = ++i;
            while (i < n && name[i] != '.' && name[i] != '[') i++;
            if (i == start) return vm_raise(vm, vm->types.ValueError, "Empty attribute in format string");
            value = vm_getattr(vm, value, str_intern(vm, name + start, (size_t)(i - start)));
        } else if (name[i] == '[') {
            int64_t start = ++i;
            while (i < n && name[i] != ']') i++;
            if (i == start) return vm_raise(vm, vm->types.ValueError, "Empty attribute in format string");
            if (i == n) return vm_raise(vm, vm->types.ValueError, "Missing ']' in format string");
            Value key = all_digits(name + start, i - start)
                            ? INT_VAL(digits_value(name + start, i - start))
                            : OBJ_VAL(str_new(vm, name + start, (size_t)(i - start)));
            value = vm_getitem(vm, value, key);
            i++;
            if (i < n && name[i] != '.' && name[i] != '[') {
                return vm_raise(vm, vm->types.ValueError,
                                "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            return vm_raise(vm, vm->types.ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return value;
}

static bool render(FormatState *st, const char *fmt, int64_t n, int depth, StrBuf *out);

/* Formats one field "{name!conv:spec}" whose text is fmt[start..end). */
static bool render_field(FormatState *st, const char *name, int64_t name_length, char conversion,
                         const char *spec, int64_t spec_length, int depth, StrBuf *out) {
    VM *vm = st->vm;
    Value value = resolve_field(st, name, name_length);
    if (IS_EMPTY(value)) return false;
    if (conversion == 'r') value = vm_repr(vm, value);
    else if (conversion == 's') value = vm_str(vm, value);
    else if (conversion == 'a') value = ascii_of(vm, value);
    if (IS_EMPTY(value)) return false;
    if (spec_length == 0 && IS_STR(value)) { /* "{}" of a str: the text itself */
        strbuf_append(out, AS_STR(value)->chars, (size_t)AS_STR(value)->length);
        return true;
    }
    if (spec_length == 0 && IS_INT(value)) {
        strbuf_appendf(out, "%lld", (long long)AS_INT(value));
        return true;
    }
    vm_push_root(vm, value);
    /* Only a spec with fields in it is expanded (one level down). A plain spec
     * is interned: the same spec used again costs no new string. */
    bool nested = memchr(spec, '{', (size_t)spec_length) != NULL;
    Value text = EMPTY_VAL;
    if (nested) {
        StrBuf spec_buf;
        strbuf_init(&spec_buf);
        if (render(st, spec, spec_length, depth - 1, &spec_buf)) {
            ObjStr *spec_str = strbuf_finish(vm, &spec_buf);
            vm_push_root(vm, OBJ_VAL(spec_str)); /* a __format__ in Python may collect */
            text = vm_format(vm, value, spec_str);
            vm_pop_roots(vm, 1);
        } else {
            strbuf_free(&spec_buf);
        }
    } else {
        ObjStr *spec_str = str_intern(vm, spec, (size_t)spec_length);
        vm_push_root(vm, OBJ_VAL(spec_str));
        text = vm_format(vm, value, spec_str);
        vm_pop_roots(vm, 1);
    }
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(text)) return false;
    strbuf_append(out, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
    return true;
}

/* Parses the field starting after its '{' at fmt[*pos]; leaves *pos after its '}'. */
static bool parse_field(FormatState *st, const char *fmt, int64_t n, int64_t *pos, int depth,
                        StrBuf *out) {
    VM *vm = st->vm;
    int64_t i = *pos, name_start = i;
    while (i < n && fmt[i] != ':' && fmt[i] != '!' && fmt[i] != '}') {
        if (fmt[i] == '{') {
            vm_raise(vm, vm->types.ValueError, "unexpected '{' in field name");
            return false;
        }
        if (fmt[i] == '[') {
            while (i < n && fmt[i] != ']') i++;
        }
        if (i < n) i++;
    }
    if (i >= n) {
        vm_raise(vm, vm->types.ValueError, "expected '}' before end of string");
        return false;
    }
    int64_t name_end = i;
    char conversion = 0;
    if (fmt[i] == '!') {
        if (++i >= n) {
            vm_raise(vm, vm->types.ValueError, "end of string while looking for conversion specifier");
            return false;
        }
        conversion = fmt[i++];
        if (i >= n) {
            vm_raise(vm, vm->types.ValueError, "expected '}' before end of string");
            return false;
        }
        if (fmt[i] != ':' && fmt[i] != '}') {
            vm_raise(vm, vm->types.ValueError, "expected ':' after conversion specifier");
            return false;
        }
        if (conversion != 'r' && conversion != 's' && conversion != 'a') {
            vm_raise(vm, vm->types.ValueError, "Unknown conversion specifier %c", conversion);
            return false;
        }
    }
    int64_t spec_start = i, spec_end = i;
    if (fmt[i] == ':') {
        spec_start = ++i;
        int nesting = 1;
        for (; i < n; i++) {
            if (fmt[i] == '{') nesting++;
            else if (fmt[i] == '}' && --nesting == 0) break;
        }
        if (i >= n) {
            vm_raise(vm, vm->types.ValueError, "expected '}' before end of string");
            return false;
        }
        spec_end = i;
    }
    *pos = i + 1;  /* past the closing '}' */
    return render_field(st, fmt + name_start, name_end - name_start, conversion, fmt + spec_start,
                        spec_end - spec_start, depth, out);
}

/* Expands a format string (or a nested format spec) into out. */
static bool render(FormatState *st, const char *fmt, int64_t n, int depth, StrBuf *out) {
    VM *vm = st->vm;
    if (depth <= 0) {
        vm_raise(vm, vm->types.ValueError, "Max string recursion exceeded");
        return false;
    }
    int64_t i = 0;
    while (i < n) {
        int64_t start = i;
        while (i < n && fmt[i] != '{' && fmt[i] != '}') i++;
        strbuf_append(out, fmt + start, (size_t)(i - start));
        if (i >= n) break;
        char brace = fmt[i++];
        if (i < n && fmt[i] == brace) {  /* {{ or }} */
            strbuf_append_char(out, brace);
            i++;
            continue;
        }
        if (brace == '}') {
            vm_raise(vm, vm->types.ValueError, "Single '}' encountered in format string");
            return false;
        }
        if (i >= n) {
            vm_raise(vm, vm->types.ValueError, "Single '{' encountered in format string");
            return false;
        }
        if (!parse_field(st, fmt, n, &i, depth, out)) return false;
    }
    return true;
}

static Value format_with(FormatState *st, ObjStr *fmt) {
    StrBuf out;
    strbuf_init(&out);
    if (!render(st, fmt->chars, fmt->length, 2, &out)) {
        strbuf_free(&out);
        return EMPTY_VAL;
    }
    return OBJ_VAL(strbuf_finish(st->vm, &out));
}

Value str_format_method(VM *vm, ObjStr *fmt, int argc, Value *args, ObjDict *kwargs) {
    FormatState st = {vm, args, argc, kwargs, EMPTY_VAL, 0, false, NULL, NULL};
    return format_with(&st, fmt);
}

Value str_format_call(VM *vm, ObjStr *fmt, int argc, Value *args, ObjTuple *kwnames) {
    int kwcount = vm_kwcount(kwnames);
    FormatState st = {vm, args, argc - kwcount, NULL, EMPTY_VAL, 0, false, kwcount > 0 ? kwnames : NULL,
                      args + argc - kwcount};
    return format_with(&st, fmt);
}

Value str_format_map(VM *vm, ObjStr *fmt, Value mapping) {
    FormatState st = {vm, NULL, 0, NULL, mapping, 0, false, NULL, NULL};
    return format_with(&st, fmt);
}

/* ---------------------------------------------------------- the % operator */

typedef struct {
    VM *vm;
    Value *items;     /* the argument tuple's items, or &single */
    int64_t count;    /* -1: a single non-tuple argument */
    int64_t next;
    Value single;
    Value mapping;    /* for %(name)s, or EMPTY */
} ModArgs;

static bool next_arg(ModArgs *a, Value *out) {
    int64_t count = a->count < 0 ? 1 : a->count;
    if (a->next >= count) {
        vm_raise(a->vm, a->vm->types.TypeError, "not enough arguments for format string");
        return false;
    }
    *out = a->count < 0 ? a->single : a->items[a->next];
    a->next++;
    return true;
}

typedef struct {
    bool left, plus, space, alternate, zero;
    int64_t width, precision;  /* -1 when absent */
    char type;
} ModSpec;

/* Pads `body` (code points counted) to the width: left-justified with '-',
 * else right-justified with spaces. */
static void append_padded(StrBuf *out, const char *body, int64_t bytes, int64_t chars,
                          const ModSpec *m) {
    int64_t padding = m->width > chars ? m->width - chars : 0;
    if (!m->left) for (int64_t i = 0; i < padding; i++) strbuf_append_char(out, ' ');
    strbuf_append(out, body, (size_t)bytes);
    if (m->left) for (int64_t i = 0; i < padding; i++) strbuf_append_char(out, ' ');
}

/* Digits of |v| in base 10, 16 or 8 (int or big int). */
/* The digits of `magnitude` in base 8, 10 or 16, written at the end of
 * buffer[72]; returns how many. */
static size_t small_digits(uint64_t magnitude, int base, bool upper, char buffer[72]) {
    const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t count = 0;
    do {
        buffer[71 - count++] = alphabet[magnitude % (unsigned)base];
        magnitude /= (unsigned)base;
    } while (magnitude != 0);
    return count;
}

static void integer_digits(Value v, int base, bool upper, StrBuf *digits, bool *negative) {
    if (IS_INT(v) || IS_BOOL(v)) {
        int64_t n = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
        *negative = n < 0;
        uint64_t magnitude = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
        const char *fmt = base == 10 ? "%llu" : base == 8 ? "%llo" : upper ? "%llX" : "%llx";
        strbuf_appendf(digits, fmt, (unsigned long long)magnitude);
        return;
    }
    mpz_t magnitude;
    mpz_init(magnitude);
    mpz_abs(magnitude, AS_BIGINT(v)->value);
    *negative = mpz_sgn(AS_BIGINT(v)->value) < 0;
    char *text = mpz_get_str(NULL, upper ? -base : base, magnitude);
    strbuf_append_cstr(digits, text);
    void (*release)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &release);
    release(text, strlen(text) + 1);
    mpz_clear(magnitude);
}

static bool format_integer(VM *vm, Value v, const ModSpec *m, StrBuf *out) {
    char type = m->type;
    bool is_int = IS_INT(v) || IS_BOOL(v) || IS_BIGINT(v);
    if (!is_int) {
        if (IS_FLOAT(v) && (type == 'd' || type == 'i' || type == 'u')) {
            double d = AS_FLOAT(v);
            if (d != d || d == 1.0 / 0.0 || d == -1.0 / 0.0) {
                vm_raise(vm, d != d ? vm->types.ValueError : vm->types.OverflowError,
                         d != d ? "cannot convert float NaN to integer"
                                : "cannot convert float infinity to integer");
                return false;
            }
            mpz_t z;
            mpz_init_set_d(z, d);  /* truncates toward zero, as int() */
            v = int_from_mpz(vm, z);
            mpz_clear(z);
        } else if (type == 'd' || type == 'i' || type == 'u') {
            vm_raise(vm, vm->types.TypeError, "%%%c format: a real number is required, not %s", type,
                     vm_type_name(vm, v));
            return false;
        } else {
            vm_raise(vm, vm->types.TypeError, "%%%c format: an integer is required, not %s", type,
                     vm_type_name(vm, v));
            return false;
        }
    }
    int base = (type == 'x' || type == 'X') ? 16 : type == 'o' ? 8 : 10;
    /* An int64's digits go to a local buffer; only big ints need a StrBuf. */
    char small[72];
    const char *digit_chars;
    size_t digit_count;
    bool negative;
    StrBuf digits;
    strbuf_init(&digits);
    if (IS_INT(v) || IS_BOOL(v)) {
        int64_t n = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
        negative = n < 0;
        digit_count = small_digits(n < 0 ? 0 - (uint64_t)n : (uint64_t)n, base, type == 'X', small);
        digit_chars = small + sizeof small - digit_count;
    } else {
        integer_digits(v, base, type == 'X', &digits, &negative);
        digit_chars = digits.data;
        digit_count = digits.length;
    }
    const char *sign = negative ? "-" : m->plus ? "+" : m->space ? " " : "";
    const char *prefix = !m->alternate ? "" : type == 'x' ? "0x" : type == 'X' ? "0X" : type == 'o' ? "0o" : "";
    int64_t zeros = m->precision > (int64_t)digit_count ? m->precision - (int64_t)digit_count : 0;
    int64_t body = (int64_t)(strlen(sign) + strlen(prefix) + digit_count) + zeros;
    if (m->zero && !m->left && m->width > body) zeros += m->width - body, body = m->width;
    int64_t padding = m->width > body ? m->width - body : 0;
    if (!m->left) for (int64_t i = 0; i < padding; i++) strbuf_append_char(out, ' ');
    strbuf_append_cstr(out, sign);
    strbuf_append_cstr(out, prefix);
    for (int64_t i = 0; i < zeros; i++) strbuf_append_char(out, '0');
    strbuf_append(out, digit_chars, digit_count);
    if (m->left) for (int64_t i = 0; i < padding; i++) strbuf_append_char(out, ' ');
    strbuf_free(&digits);
    return true;
}

static bool format_float(VM *vm, Value v, const ModSpec *m, StrBuf *out) {
    double d;
    if (IS_FLOAT(v)) d = AS_FLOAT(v);
    else if (IS_INT(v)) d = (double)AS_INT(v);
    else if (IS_BOOL(v)) d = AS_BOOL(v);
    else if (IS_BIGINT(v)) {
        if (!int_to_double(vm, v, &d)) return false; /* correctly rounded; OverflowError past a float */
    } else {
        vm_raise(vm, vm->types.TypeError, "must be real number, not %s", vm_type_name(vm, v));
        return false;
    }
    /* C's printf agrees with Python's % for these conversions. */
    char cfmt[16];
    int k = 0;
    cfmt[k++] = '%';
    if (m->left) cfmt[k++] = '-';
    if (m->plus) cfmt[k++] = '+';
    if (m->space) cfmt[k++] = ' ';
    if (m->alternate) cfmt[k++] = '#';
    if (m->zero) cfmt[k++] = '0';
    memcpy(cfmt + k, "*.*", 3);
    k += 3;
    cfmt[k++] = m->type;
    cfmt[k] = '\0';
    int width = m->width > 100000 ? 100000 : (int)m->width;
    int precision = m->precision < 0 ? 6 : m->precision > 100000 ? 100000 : (int)m->precision;
    strbuf_appendf(out, cfmt, width < 0 ? 0 : width, precision, d);
    return true;
}

static bool format_char(VM *vm, Value v, const ModSpec *m, StrBuf *out) {
    StrBuf text;
    strbuf_init(&text);
    if (IS_STR(v) && AS_STR(v)->cp_count == 1) {
        strbuf_append(&text, AS_STR(v)->chars, (size_t)AS_STR(v)->length);
    } else if (IS_INT(v) || IS_BOOL(v) || IS_BIGINT(v)) {
        int64_t cp = IS_INT(v) ? AS_INT(v) : IS_BOOL(v) ? AS_BOOL(v) : -1;
        if (cp < 0 || cp > 0x10FFFF) {
            vm_raise(vm, vm->types.OverflowError, "%%c arg not in range(0x110000)");
            return false;
        }
        strbuf_append_codepoint(&text, (uint32_t)cp);
    } else {
        vm_raise(vm, vm->types.TypeError, "%%c requires int or char");
        return false;
    }
    append_padded(out, text.data, (int64_t)text.length, 1, m);
    strbuf_free(&text);
    return true;
}

static bool format_text(VM *vm, Value v, const ModSpec *m, StrBuf *out) {
    if (m->type != 'a' && IS_INT(v)) { /* str() and repr() of an int64 agree: no string object needed */
        char small[72];
        int64_t n = AS_INT(v);
        size_t count = small_digits(n < 0 ? 0 - (uint64_t)n : (uint64_t)n, 10, false, small);
        if (n < 0) small[71 - count++] = '-';
        int64_t chars = m->precision >= 0 && m->precision < (int64_t)count ? m->precision : (int64_t)count;
        append_padded(out, small + sizeof small - count, chars, chars, m);
        return true;
    }
    Value text = m->type == 's' ? vm_str(vm, v) : m->type == 'r' ? vm_repr(vm, v) : ascii_of(vm, v);
    if (IS_EMPTY(text)) return false;
    ObjStr *s = AS_STR(text);
    int64_t chars = s->cp_count;
    if (m->precision >= 0 && m->precision < chars) chars = m->precision;
    append_padded(out, s->chars, str_byte_offset(s, chars), chars, m);
    return true;
}

/* A '*' width or precision taken from the arguments. */
static bool star_arg(ModArgs *a, int64_t *out) {
    Value v;
    if (!next_arg(a, &v)) return false;
    if (!IS_INT(v) && !IS_BOOL(v)) {
        vm_raise(a->vm, a->vm->types.TypeError, "* wants int");
        return false;
    }
    *out = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
    return true;
}

/* A "%(key)" prefix at fmt[*i]: the mapping's value for key, or EMPTY with
 * *i unchanged when there is no key (or EMPTY with an exception). */
static bool mod_key(ModArgs *a, const char *p, int64_t n, int64_t *i, Value *value) {
    VM *vm = a->vm;
    if (*i >= n || p[*i] != '(') return true;
    if (IS_EMPTY(a->mapping)) {
        vm_raise(vm, vm->types.TypeError, "format requires a mapping");
        return false;
    }
    int64_t start = ++*i, depth = 1;
    for (; *i < n; (*i)++) {
        if (p[*i] == '(') depth++;
        else if (p[*i] == ')' && --depth == 0) break;
    }
    if (*i >= n) {
        vm_raise(vm, vm->types.ValueError, "incomplete format key");
        return false;
    }
    ObjStr *key = str_new(vm, p + start, (size_t)(*i - start));
    (*i)++;
    *value = vm_getitem(vm, a->mapping, OBJ_VAL(key));
    return !IS_EMPTY(*value);
}

/* Flags, width and precision (either may be '*'), then the type character. */
static bool mod_spec(ModArgs *a, const char *p, int64_t n, int64_t *i, ModSpec *m) {
    *m = (ModSpec){false, false, false, false, false, -1, -1, 0};
    for (; *i < n; (*i)++) {
        if (p[*i] == '-') m->left = true;
        else if (p[*i] == '+') m->plus = true;
        else if (p[*i] == ' ') m->space = true;
        else if (p[*i] == '#') m->alternate = true;
        else if (p[*i] == '0') m->zero = true;
        else break;
    }
    if (*i < n && p[*i] == '*') {
        if (!star_arg(a, &m->width)) return false;
        if (m->width < 0) m->left = true, m->width = -m->width;
        (*i)++;
    } else {
        m->width = read_integer(p, n, i);
    }
    if (*i < n && p[*i] == '.') {
        (*i)++;
        if (*i < n && p[*i] == '*') {
            if (!star_arg(a, &m->precision)) return false;
            (*i)++;
        } else {
            m->precision = read_integer(p, n, i);
        }
        if (m->precision < 0) m->precision = 0;
    }
    while (*i < n && (p[*i] == 'h' || p[*i] == 'l' || p[*i] == 'L')) (*i)++;  /* ignored */
    int64_t largest = m->width > m->precision ? m->width : m->precision;
    if (largest > 0 && !vm_reserve(a->vm, (size_t)largest)) return false;
    if (*i >= n) {
        vm_raise(a->vm, a->vm->types.ValueError, "incomplete format");
        return false;
    }
    m->type = p[*i];
    return true;
}

/* Parses one conversion after its '%' at fmt[*pos] and appends its text. */
static bool mod_conversion(ModArgs *a, ObjStr *fmt, int64_t *pos, StrBuf *out) {
    VM *vm = a->vm;
    const char *p = fmt->chars;
    int64_t n = fmt->length, i = *pos;
    Value value = EMPTY_VAL;
    ModSpec m;
    if (!mod_key(a, p, n, &i, &value)) return false;
    /* As CPython: a keyed conversion uses the mapping up, so a later plain %s finds no argument. */
    if (!IS_EMPTY(value)) a->next = a->count < 0 ? 1 : a->count;
    if (!mod_spec(a, p, n, &i, &m)) return false;
    *pos = i + 1;
    if (IS_EMPTY(value) && !next_arg(a, &value)) return false;
    switch (m.type) {
    case 's': case 'r': case 'a': return format_text(vm, value, &m, out);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': return format_integer(vm, value, &m, out);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return format_float(vm, value, &m, out);
    case 'c': return format_char(vm, value, &m, out);
    default: {
        int size;
        uint32_t cp = utf8_decode(p + i, &size);
        vm_raise(vm, vm->types.ValueError, "unsupported format character '%.*s' (0x%x) at index %lld",
                 size, p + i, cp, (long long)str_cp_index(fmt, i));
        return false;
    }
    }
}

Value str_mod_format(VM *vm, ObjStr *fmt, Value args) {
    ModArgs a = {vm, NULL, -1, 0, args, EMPTY_VAL};
    if (IS_TUPLE(args)) {
        a.items = AS_TUPLE(args)->items;
        a.count = AS_TUPLE(args)->count;
    } else if (IS_DICT(args) || IS_LIST(args) || IS_RANGE(args) || IS_INSTANCE(args)) {
        a.mapping = args;  /* CPython: anything with __getitem__ but tuple and str */
    }
    StrBuf out;
    strbuf_init(&out);
    const char *p = fmt->chars;
    int64_t n = fmt->length, i = 0;
    while (i < n) {
        int64_t start = i;
        while (i < n && p[i] != '%') i++;
        strbuf_append(&out, p + start, (size_t)(i - start));
        if (i >= n) break;
        i++;
        if (i < n && p[i] == '%') {
            strbuf_append_char(&out, '%');
            i++;
            continue;
        }
        if (!mod_conversion(&a, fmt, &i, &out)) {
            strbuf_free(&out);
            return EMPTY_VAL;
        }
    }
    int64_t count = a.count < 0 ? 1 : a.count;
    if (a.next < count && IS_EMPTY(a.mapping)) {
        strbuf_free(&out);
        return vm_raise(vm, vm->types.TypeError, "not all arguments converted during string formatting");
    }
    return OBJ_VAL(strbuf_finish(vm, &out));
}
