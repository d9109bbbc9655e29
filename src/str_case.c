/* str_case.c — str's case conversions (upper, lower, title, capitalize,
 * swapcase, casefold), its is*() predicates, and padding (center, ljust,
 * rjust, zfill, expandtabs), code point by code point with str_unicode.c. */
#include "containers.h"
#include "str_methods.h"
#include "str_unicode.h"

/* ------------------------------------------------------------- conversions */

typedef enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE } CaseMode;

/* Is the cased code point just before byte `at` or just after `end` cased?
 * For the final sigma rule: Σ lowers to ς at the end of a word. */
static bool cased_before(ObjStr *s, int64_t at) {
    if (at == 0) return false;
    do at--;
    while (at > 0 && ((uint8_t)s->chars[at] & 0xC0) == 0x80);
    int size;
    return unicode_is_cased(utf8_decode(s->chars + at, &size));
}

static bool cased_after(ObjStr *s, int64_t end) {
    if (end >= s->length) return false;
    int size;
    return unicode_is_cased(utf8_decode(s->chars + end, &size));
}

/* Lower-cases one code point, applying the final sigma rule. */
static void append_lower_at(StrBuf *buf, ObjStr *s, uint32_t cp, int64_t at, int size) {
    if (cp == 0x3A3 && cased_before(s, at) && !cased_after(s, at + size)) {
        strbuf_append_codepoint(buf, 0x3C2);
    } else {
        unicode_append_lower(buf, cp);
    }
}

static Value convert_case(VM *vm, ObjStr *s, CaseMode mode) {
    StrBuf buf;
    strbuf_init(&buf);
    bool previous_cased = false;
    for (int64_t i = 0, k = 0; i < s->length; k++) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        int64_t at = i;
        i += size;
        switch (mode) {
        case CASE_UPPER: unicode_append_upper(&buf, cp); break;
        case CASE_LOWER: append_lower_at(&buf, s, cp, at, size); break;
        case CASE_SWAP:
            if (unicode_is_upper(cp)) append_lower_at(&buf, s, cp, at, size);
            else if (unicode_is_lower(cp)) unicode_append_upper(&buf, cp);
            else strbuf_append_codepoint(&buf, cp);
            break;
        case CASE_FOLD:
            if (cp == 0xDF) strbuf_append_cstr(&buf, "ss");
            else if (cp == 0x17F) strbuf_append_char(&buf, 's');
            else if (cp == 0xB5) strbuf_append_codepoint(&buf, 0x3BC);
            else if (cp == 0x3C2) strbuf_append_codepoint(&buf, 0x3C3);
            else unicode_append_lower(&buf, cp);
            break;
        case CASE_TITLE:
            if (previous_cased) append_lower_at(&buf, s, cp, at, size);
            else unicode_append_title(&buf, cp);
            previous_cased = unicode_is_cased(cp);
            break;
        case CASE_CAPITALIZE:
            if (k == 0) unicode_append_title(&buf, cp);
            else append_lower_at(&buf, s, cp, at, size);
            break;
        }
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

#define CASE_METHOD(fn, qualname, mode)                                          \
    static Value fn(VM *vm, int argc, Value *args, ObjTuple *kwnames) {          \
        if (!args_none(vm, qualname, argc, kwnames)) return EMPTY_VAL;           \
        return convert_case(vm, AS_STR(args[0]), mode);                          \
    }

CASE_METHOD(str_upper, "str.upper", CASE_UPPER)
CASE_METHOD(str_lower, "str.lower", CASE_LOWER)
CASE_METHOD(str_swapcase, "str.swapcase", CASE_SWAP)
CASE_METHOD(str_casefold, "str.casefold", CASE_FOLD)
CASE_METHOD(str_title, "str.title", CASE_TITLE)
CASE_METHOD(str_capitalize, "str.capitalize", CASE_CAPITALIZE)

/* -------------------------------------------------------------- predicates */

/* True when the string is not empty and every code point passes `test`. */
static bool all_chars(ObjStr *s, bool (*test)(uint32_t)) {
    if (s->length == 0) return false;
    for (int64_t i = 0; i < s->length;) {
        int size;
        if (!test(utf8_decode(s->chars + i, &size))) return false;
        i += size;
    }
    return true;
}

static bool is_identifier(ObjStr *s) {
    if (s->length == 0) return false;
    for (int64_t i = 0, k = 0; i < s->length; k++) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        i += size;
        bool ok = cp == '_' || unicode_is_alpha(cp) ||
                  (k > 0 && (unicode_is_decimal(cp) || (cp >= 0x300 && cp <= 0x36F)));
        if (!ok) return false;
    }
    return true;
}

/* isupper / islower: at least one cased character, none of the other case. */
static bool only_case(ObjStr *s, bool upper) {
    bool cased = false;
    for (int64_t i = 0; i < s->length;) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        i += size;
        if (unicode_is_title(cp) || (upper ? unicode_is_lower(cp) : unicode_is_upper(cp))) return false;
        if (upper ? unicode_is_upper(cp) : unicode_is_lower(cp)) cased = true;
    }
    return cased;
}

static bool is_title(ObjStr *s) {
    bool cased = false, previous_cased = false;
    for (int64_t i = 0; i < s->length;) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        i += size;
        if (unicode_is_upper(cp) || unicode_is_title(cp)) {
            if (previous_cased) return false;
            previous_cased = cased = true;
        } else if (unicode_is_lower(cp)) {
            if (!previous_cased) return false;
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return cased;
}

static bool is_printable(ObjStr *s) {
    for (int64_t i = 0; i < s->length;) {
        int size;
        if (!unicode_is_printable(utf8_decode(s->chars + i, &size))) return false;
        i += size;
    }
    return true;
}

#define PREDICATE(fn, qualname, expression)                                      \
    static Value fn(VM *vm, int argc, Value *args, ObjTuple *kwnames) {          \
        if (!args_none(vm, qualname, argc, kwnames)) return EMPTY_VAL;           \
        ObjStr *s = AS_STR(args[0]);                                             \
        return BOOL_VAL(expression);                                             \
    }

PREDICATE(str_isdigit, "str.isdigit", all_chars(s, unicode_is_digit))
PREDICATE(str_isdecimal, "str.isdecimal", all_chars(s, unicode_is_decimal))
PREDICATE(str_isnumeric, "str.isnumeric", all_chars(s, unicode_is_numeric))
PREDICATE(str_isalpha, "str.isalpha", all_chars(s, unicode_is_alpha))
PREDICATE(str_isalnum, "str.isalnum", all_chars(s, unicode_is_alnum))
PREDICATE(str_isspace, "str.isspace", all_chars(s, unicode_is_space))
PREDICATE(str_isupper, "str.isupper", only_case(s, true))
PREDICATE(str_islower, "str.islower", only_case(s, false))
PREDICATE(str_istitle, "str.istitle", is_title(s))
PREDICATE(str_isidentifier, "str.isidentifier", is_identifier(s))
PREDICATE(str_isprintable, "str.isprintable", is_printable(s))
PREDICATE(str_isascii, "str.isascii", s->is_ascii)

/* ----------------------------------------------------------------- padding */

/* A width argument; widths past the memory cap are a MemoryError. */
static bool width_arg(VM *vm, Value v, int64_t *width) {
    if (!arg_int64(vm, v, width)) return false;
    return *width <= 0 || vm_reserve(vm, (size_t)*width);
}

static bool fill_arg(VM *vm, int argc, Value *args, ObjStr **fill) {
    *fill = NULL;
    if (argc < 3) return true;
    if (!IS_STR(args[2])) {
        vm_raise(vm, vm->types.TypeError, "The fill character must be a unicode character, not %s",
                 vm_type_name(vm, args[2]));
        return false;
    }
    if (AS_STR(args[2])->cp_count != 1) {
        vm_raise(vm, vm->types.TypeError, "The fill character must be exactly one character long");
        return false;
    }
    *fill = AS_STR(args[2]);
    return true;
}

static void append_fill(StrBuf *buf, ObjStr *fill, int64_t count) {
    for (int64_t i = 0; i < count; i++) {
        if (fill == NULL) strbuf_append_char(buf, ' ');
        else strbuf_append(buf, fill->chars, (size_t)fill->length);
    }
}

/* where: 0 left-justify, 1 right-justify, 2 center. */
static Value pad_common(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name,
                        const char *qualname, int where) {
    if (!args_range(vm, name, qualname, argc, kwnames, 1, 2)) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]);
    int64_t width;
    ObjStr *fill;
    if (!width_arg(vm, args[1], &width) || !fill_arg(vm, argc, args, &fill)) return EMPTY_VAL;
    if (s->cp_count >= width) return args[0];
    int64_t margin = width - s->cp_count, left;
    if (where == 0) left = 0;
    else if (where == 1) left = margin;
    else left = margin / 2 + (margin & width & 1);  /* CPython's rounding */
    StrBuf buf;
    strbuf_init(&buf);
    append_fill(&buf, fill, left);
    strbuf_append(&buf, s->chars, (size_t)s->length);
    append_fill(&buf, fill, margin - left);
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static Value str_ljust(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return pad_common(vm, argc, args, kwnames, "ljust", "str.ljust", 0);
}

static Value str_rjust(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return pad_common(vm, argc, args, kwnames, "rjust", "str.rjust", 1);
}

static Value str_center(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return pad_common(vm, argc, args, kwnames, "center", "str.center", 2);
}

static Value str_zfill(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "str.zfill", argc, kwnames)) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]);
    int64_t width;
    if (!width_arg(vm, args[1], &width)) return EMPTY_VAL;
    if (s->cp_count >= width) return args[0];
    StrBuf buf;
    strbuf_init(&buf);
    int64_t skip = 0;
    if (s->length > 0 && (s->chars[0] == '+' || s->chars[0] == '-')) {
        strbuf_append_char(&buf, s->chars[0]);  /* the sign stays in front */
        skip = 1;
    }
    for (int64_t i = 0; i < width - s->cp_count; i++) strbuf_append_char(&buf, '0');
    strbuf_append(&buf, s->chars + skip, (size_t)(s->length - skip));
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static Value str_expandtabs(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"tabsize"};
    if (argc - vm_kwcount(kwnames) > 2) {
        return vm_raise(vm, vm->types.TypeError, "expandtabs() takes at most 1 argument (%d given)",
                        argc - 1);
    }
    Value given[1];
    if (!vm_parse_args(vm, "expandtabs", argc - 1, args + 1, kwnames, 1, params, 1, 0, given)) {
        return EMPTY_VAL;
    }
    int64_t tabsize = 8;
    if (!IS_EMPTY(given[0]) && !width_arg(vm, given[0], &tabsize)) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]);
    StrBuf buf;
    strbuf_init(&buf);
    int64_t column = 0;
    for (int64_t i = 0; i < s->length;) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        if (cp == '\t') {
            if (tabsize > 0) {
                int64_t spaces = tabsize - column % tabsize;
                for (int64_t k = 0; k < spaces; k++) strbuf_append_char(&buf, ' ');
                column += spaces;
            }
        } else {
            strbuf_append(&buf, s->chars + i, (size_t)size);
            column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
        }
        i += size;
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

void str_case_init(VM *vm, ObjClass *cls) {
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"upper", str_upper}, {"lower", str_lower}, {"swapcase", str_swapcase},
        {"casefold", str_casefold}, {"title", str_title}, {"capitalize", str_capitalize},
        {"isdigit", str_isdigit}, {"isdecimal", str_isdecimal}, {"isnumeric", str_isnumeric},
        {"isalpha", str_isalpha}, {"isalnum", str_isalnum}, {"isspace", str_isspace},
        {"isupper", str_isupper}, {"islower", str_islower}, {"istitle", str_istitle},
        {"isidentifier", str_isidentifier}, {"isprintable", str_isprintable},
        {"isascii", str_isascii}, {"ljust", str_ljust}, {"rjust", str_rjust},
        {"center", str_center}, {"zfill", str_zfill}, {"expandtabs", str_expandtabs},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    }
}
