/* bytes.c — the immutable `bytes` type: creation, repr as CPython's, indexing,
 * slicing, concatenation, comparison, iteration, and its methods (decode, hex,
 * fromhex, find, split, join ...), plus str.encode's codecs (utf-8, ascii,
 * latin-1) with CPython's UnicodeEncodeError/UnicodeDecodeError messages. */
#include <ctype.h>

#include "containers.h"
#include "str_methods.h"
#include "vm_internal.h"

/* A bytes object whose data the caller fills in, then hashes (bytes_rehash). */
static ObjBytes *bytes_alloc(VM *vm, size_t length) {
    ObjBytes *b = (ObjBytes *)obj_allocate(vm, sizeof(ObjBytes) + length + 1, OBJ_BYTES);
    b->data[length] = '\0';
    b->length = (int64_t)length;
    b->hash = 0;
    return b;
}

static void bytes_rehash(ObjBytes *b) { b->hash = str_hash_bytes((const char *)b->data, (size_t)b->length); }

ObjBytes *bytes_new(VM *vm, const void *data, size_t length) {
    ObjBytes *b = bytes_alloc(vm, length);
    if (length > 0) memcpy(b->data, data, length);
    bytes_rehash(b);
    return b;
}

/* ------------------------------------------------------------------ repr */

Value bytes_repr(VM *vm, ObjBytes *b) {
    /* CPython's bytes_repr: single quotes unless the data has ' and no ". */
    bool has_single = memchr(b->data, '\'', (size_t)b->length) != NULL;
    bool has_double = memchr(b->data, '"', (size_t)b->length) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_char(&buf, 'b');
    strbuf_append_char(&buf, quote);
    for (int64_t i = 0; i < b->length; i++) {
        unsigned char c = b->data[i];
        if (c == quote || c == '\\') {
            strbuf_append_char(&buf, '\\');
            strbuf_append_char(&buf, (char)c);
        } else if (c == '\t') strbuf_append_cstr(&buf, "\\t");
        else if (c == '\n') strbuf_append_cstr(&buf, "\\n");
        else if (c == '\r') strbuf_append_cstr(&buf, "\\r");
        else if (c < 0x20 || c >= 0x7f) strbuf_appendf(&buf, "\\x%02x", c);
        else strbuf_append_char(&buf, (char)c);
    }
    strbuf_append_char(&buf, quote);
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* ------------------------------------------------- indexing and operators */

Value bytes_getitem(VM *vm, ObjBytes *b, Value index) {
    if (IS_SLICE(index)) {
        int64_t start, stop, step, count;
        if (!slice_indices(vm, AS_SLICE(index), b->length, &start, &stop, &step, &count)) return EMPTY_VAL;
        if (step == 1) return OBJ_VAL(bytes_new(vm, b->data + start, (size_t)count));
        unsigned char *out = malloc((size_t)count + 1);
        if (out == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
        for (int64_t i = 0; i < count; i++) out[i] = b->data[start + i * step];
        ObjBytes *result = bytes_new(vm, out, (size_t)count);
        free(out);
        return OBJ_VAL(result);
    }
    if (!IS_INT(index) && !IS_BOOL(index) && !IS_BIGINT(index))
        return vm_raise(vm, vm->types.TypeError, "byte indices must be integers or slices, not %s",
                        vm_type_name(vm, index));
    if (IS_BIGINT(index))
        return vm_raise(vm, vm->types.IndexError, "cannot fit 'int' into an index-sized integer");
    int64_t i = IS_INT(index) ? AS_INT(index) : AS_BOOL(index);
    if (i < 0) i += b->length;
    if (i < 0 || i >= b->length) return vm_raise(vm, vm->types.IndexError, "index out of range");
    return INT_VAL(b->data[i]);
}

Value bytes_concat(VM *vm, ObjBytes *a, ObjBytes *b) {
    if (b->length == 0) return OBJ_VAL(a);
    if (a->length == 0) return OBJ_VAL(b);
    if (!vm_reserve(vm, (size_t)(a->length + b->length))) return EMPTY_VAL;
    ObjBytes *r = bytes_alloc(vm, (size_t)(a->length + b->length));
    memcpy(r->data, a->data, (size_t)a->length);
    memcpy(r->data + a->length, b->data, (size_t)b->length);
    bytes_rehash(r);
    return OBJ_VAL(r);
}

Value bytes_repeat(VM *vm, ObjBytes *b, int64_t times) {
    if (times <= 0 || b->length == 0) return OBJ_VAL(bytes_new(vm, "", 0));
    if (times == 1) return OBJ_VAL(b);
    if (times > INT64_MAX / b->length)
        return vm_raise(vm, vm->types.OverflowError, "repeated bytes are too long");
    if (!vm_reserve(vm, (size_t)(b->length * times))) return EMPTY_VAL;
    size_t total = (size_t)(b->length * times);
    unsigned char *out = malloc(total);
    if (out == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
    for (int64_t k = 0; k < times; k++) memcpy(out + k * b->length, b->data, (size_t)b->length);
    ObjBytes *r = bytes_new(vm, out, total);
    free(out);
    return OBJ_VAL(r);
}

int bytes_compare(const ObjBytes *a, const ObjBytes *b) {
    int64_t n = a->length < b->length ? a->length : b->length;
    int c = n > 0 ? memcmp(a->data, b->data, (size_t)n) : 0;
    if (c != 0) return c;
    return a->length < b->length ? -1 : a->length > b->length;
}

bool bytes_equal(const ObjBytes *a, const ObjBytes *b) {
    return a->length == b->length && a->hash == b->hash && memcmp(a->data, b->data, (size_t)a->length) == 0;
}

/* The byte value of an int argument (`in`, count, find ...): ValueError outside 0..255. */
static bool byte_value(VM *vm, Value v, int *out) {
    int64_t n;
    if (IS_BIGINT(v)) n = -1;
    else if (!arg_int64(vm, v, &n)) return false;
    if (n < 0 || n > 255) {
        vm_raise(vm, vm->types.ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = (int)n;
    return true;
}

int bytes_contains(VM *vm, ObjBytes *b, Value item) {
    if (IS_BYTES(item)) {
        ObjBytes *needle = AS_BYTES(item);
        return bytes_find((const char *)b->data, b->length, (const char *)needle->data, needle->length) >= 0;
    }
    if (!IS_INT(item) && !IS_BOOL(item) && !IS_BIGINT(item)) {
        vm_raise(vm, vm->types.TypeError, "a bytes-like object is required, not '%s'", vm_type_name(vm, item));
        return -1;
    }
    int c;
    if (!byte_value(vm, item, &c)) return -1;
    return memchr(b->data, c, (size_t)b->length) != NULL;
}

static int bytes_iterator_next(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(vm);
    ObjBytes *b = AS_BYTES(it->source);
    if (it->index >= b->length) return 0;
    *out = INT_VAL(b->data[it->index++]);
    return 1;
}

Value bytes_iter_new(VM *vm, ObjBytes *b) {
    return OBJ_VAL(iterator_new(vm, "bytes_iterator", bytes_iterator_next, OBJ_VAL(b)));
}

/* ---------------------------------------------------------------- codecs */

typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UNKNOWN } Codec;
typedef enum { ERRORS_STRICT, ERRORS_IGNORE, ERRORS_REPLACE, ERRORS_UNKNOWN } Errors;

/* Encoding names as CPython's normalization accepts them for these three codecs. */
static Codec codec_named(ObjStr *name, const char **canonical) {
    char norm[32];
    size_t n = 0;
    if (name == NULL) {
        *canonical = "utf-8";
        return CODEC_UTF8;
    }
    for (int64_t i = 0; i < name->length && n + 1 < sizeof norm; i++) {
        char c = (char)tolower((unsigned char)name->chars[i]);
        norm[n++] = c == '_' || c == ' ' ? '-' : c;
    }
    norm[n] = '\0';
    if ((size_t)name->length >= sizeof norm) return CODEC_UNKNOWN;
    if (strcmp(norm, "utf-8") == 0 || strcmp(norm, "utf8") == 0 || strcmp(norm, "u8") == 0) {
        *canonical = "utf-8";
        return CODEC_UTF8;
    }
    if (strcmp(norm, "ascii") == 0 || strcmp(norm, "us-ascii") == 0) {
        *canonical = "ascii";
        return CODEC_ASCII;
    }
    if (strcmp(norm, "latin-1") == 0 || strcmp(norm, "latin1") == 0 || strcmp(norm, "iso-8859-1") == 0 ||
        strcmp(norm, "iso8859-1") == 0 || strcmp(norm, "l1") == 0) {
        *canonical = "latin-1";
        return CODEC_LATIN1;
    }
    return CODEC_UNKNOWN;
}

static Errors errors_named(ObjStr *name) {
    if (name == NULL || strcmp(name->chars, "strict") == 0) return ERRORS_STRICT;
    if (strcmp(name->chars, "ignore") == 0) return ERRORS_IGNORE;
    if (strcmp(name->chars, "replace") == 0) return ERRORS_REPLACE;
    return ERRORS_UNKNOWN;
}

static ObjClass *builtin_class(VM *vm, const char *name) {
    Value cls = dict_get_str(vm->builtins, str_intern_cstr(vm, name));
    return IS_CLASS(cls) ? AS_CLASS(cls) : vm->types.UnicodeError;
}

static bool check_codec(VM *vm, Codec codec, ObjStr *encoding, Errors errors, ObjStr *errors_name) {
    if (codec == CODEC_UNKNOWN) {
        vm_raise(vm, builtin_class(vm, "LookupError"), "unknown encoding: %s", encoding->chars);
        return false;
    }
    UNUSED(errors);
    UNUSED(errors_name);
    return true;
}

/* CPython looks the error handler up only when an error happens. */
static bool known_handler(VM *vm, Errors errors, ObjStr *errors_name) {
    if (errors != ERRORS_UNKNOWN) return true;
    vm_raise(vm, builtin_class(vm, "LookupError"), "unknown error handler name '%s'", errors_name->chars);
    return false;
}

/* The escape CPython's messages show for a code point: '\xe9', '\u20ac', '\U0001f600'. */
static void append_char_escape(StrBuf *buf, uint32_t cp) {
    if (cp <= 0xFF) strbuf_appendf(buf, "\\x%02x", cp);
    else if (cp <= 0xFFFF) strbuf_appendf(buf, "\\u%04x", cp);
    else strbuf_appendf(buf, "\\U%08x", cp);
}

Value bytes_encode_str(VM *vm, ObjStr *s, ObjStr *encoding, ObjStr *errors_name) {
    const char *canonical = "";
    Codec codec = codec_named(encoding, &canonical);
    Errors errors = errors_named(errors_name);
    if (!check_codec(vm, codec, encoding, errors, errors_name)) return EMPTY_VAL;
    /* handoff's strs are valid UTF-8 without surrogates, so utf-8 cannot fail. */
    if (codec == CODEC_UTF8 || s->is_ascii) return OBJ_VAL(bytes_new(vm, s->chars, (size_t)s->length));
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : 0x100;
    StrBuf out;
    strbuf_init(&out);
    int64_t position = 0;
    for (int64_t i = 0; i < s->length; position++) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        if (cp < limit) {
            strbuf_append_char(&out, (char)cp);
            i += size;
            continue;
        }
        if (!known_handler(vm, errors, errors_name)) {
            strbuf_free(&out);
            return EMPTY_VAL;
        }
        if (errors == ERRORS_IGNORE) {
            i += size;
            continue;
        }
        if (errors == ERRORS_REPLACE) {
            strbuf_append_char(&out, '?');
            i += size;
            continue;
        }
        /* strict: the error covers the whole run of unencodable characters, as CPython's. */
        int64_t end = position + 1, j = i + size;
        while (j < s->length) {
            int next_size;
            if (utf8_decode(s->chars + j, &next_size) < limit) break;
            j += next_size;
            end++;
        }
        strbuf_free(&out);
        StrBuf message;
        strbuf_init(&message);
        if (end - position == 1) {
            strbuf_appendf(&message, "'%s' codec can't encode character '", canonical);
            append_char_escape(&message, cp);
            strbuf_appendf(&message, "' in position %lld", (long long)position);
        } else {
            strbuf_appendf(&message, "'%s' codec can't encode characters in position %lld-%lld", canonical,
                           (long long)position, (long long)end - 1);
        }
        strbuf_appendf(&message, ": ordinal not in range(%u)", limit);
        vm_raise(vm, builtin_class(vm, "UnicodeEncodeError"), "%s", message.data);
        strbuf_free(&message);
        return EMPTY_VAL;
    }
    ObjBytes *result = bytes_new(vm, out.data, out.length);
    strbuf_free(&out);
    return OBJ_VAL(result);
}

/* The length of the malformed UTF-8 at data[i] (1..3) and why, as CPython's decoder reports it. */
static int utf8_error_at(const unsigned char *data, int64_t length, int64_t i, const char **reason) {
    unsigned char c = data[i];
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *reason = "invalid start byte";
        return 1;
    }
    for (int k = 1; k <= need; k++) {
        if (i + k >= length) {
            *reason = "unexpected end of data";
            return (int)(length - i);
        }
        unsigned char next = data[i + k];
        bool ok = k == 1 ? next >= lo && next <= hi : next >= 0x80 && next <= 0xBF;
        if (!ok) {
            *reason = "invalid continuation byte";
            return k;
        }
    }
    *reason = NULL;
    return need + 1;
}

Value bytes_decode(VM *vm, ObjBytes *b, ObjStr *encoding, ObjStr *errors_name) {
    const char *canonical = "";
    Codec codec = codec_named(encoding, &canonical);
    Errors errors = errors_named(errors_name);
    if (!check_codec(vm, codec, encoding, errors, errors_name)) return EMPTY_VAL;
    StrBuf out;
    strbuf_init(&out);
    for (int64_t i = 0; i < b->length;) {
        unsigned char c = b->data[i];
        if (c < 0x80) {
            strbuf_append_char(&out, (char)c);
            i++;
            continue;
        }
        if (codec == CODEC_LATIN1) {
            strbuf_append_codepoint(&out, c);
            i++;
            continue;
        }
        const char *reason = "ordinal not in range(128)";
        int bad = 1;
        if (codec == CODEC_UTF8) {
            bad = utf8_error_at(b->data, b->length, i, &reason);
            if (reason == NULL) {
                strbuf_append(&out, (const char *)b->data + i, (size_t)bad);
                i += bad;
                continue;
            }
        }
        if (!known_handler(vm, errors, errors_name)) {
            strbuf_free(&out);
            return EMPTY_VAL;
        }
        if (errors == ERRORS_IGNORE) {
            i += bad;
            continue;
        }
        if (errors == ERRORS_REPLACE) {
            strbuf_append_codepoint(&out, 0xFFFD);
            i += bad;
            continue;
        }
        strbuf_free(&out);
        if (bad == 1)
            return vm_raise(vm, builtin_class(vm, "UnicodeDecodeError"),
                            "'%s' codec can't decode byte 0x%02x in position %lld: %s", canonical, c,
                            (long long)i, reason);
        return vm_raise(vm, builtin_class(vm, "UnicodeDecodeError"),
                        "'%s' codec can't decode bytes in position %lld-%lld: %s", canonical, (long long)i,
                        (long long)(i + bad - 1), reason);
    }
    return OBJ_VAL(strbuf_finish(vm, &out));
}

/* ----------------------------------------------------------- constructor */

/* An optional str argument (encoding=, errors=): NULL when absent. */
static bool opt_str(VM *vm, const char *fname, const char *param, int index, Value v, ObjStr **out) {
    if (IS_EMPTY(v)) {
        *out = NULL;
        return true;
    }
    if (!IS_STR(v)) {
        vm_raise(vm, vm->types.TypeError, "%s() argument '%s' must be str, not %s", fname, param,
                 vm_type_name(vm, v));
        return false;
    }
    UNUSED(index);
    *out = AS_STR(v);
    return true;
}

/* bytes(iterable_of_ints): each item an int in 0..255. */
static Value bytes_from_iterable(VM *vm, Value source) {
    Value iter = vm_iter(vm, source);
    if (IS_EMPTY(iter)) return EMPTY_VAL;
    vm_push_root(vm, iter);
    StrBuf buf;
    strbuf_init(&buf);
    for (;;) {
        Value item;
        int status = vm_next(vm, iter, &item);
        if (status == 0) break;
        int64_t n;
        if (status < 0 || (!IS_BIGINT(item) && !arg_int64(vm, item, &n))) {
            strbuf_free(&buf);
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        if (IS_BIGINT(item) || n < 0 || n > 255) {
            strbuf_free(&buf);
            vm_pop_roots(vm, 1);
            return vm_raise(vm, vm->types.ValueError, "bytes must be in range(0, 256)");
        }
        strbuf_append_char(&buf, (char)n);
    }
    vm_pop_roots(vm, 1);
    ObjBytes *result = bytes_new(vm, buf.data, buf.length);
    strbuf_free(&buf);
    return OBJ_VAL(result);
}

static Value bytes_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"source", "encoding", "errors"};
    if (argc - 1 > 3)
        return vm_raise(vm, vm->types.TypeError, "bytes() takes at most 3 arguments (%d given)", argc - 1);
    Value given[3];
    if (!vm_parse_args(vm, "bytes", argc - 1, args + 1, kwnames, 3, params, 3, 0, given)) return EMPTY_VAL;
    Value source = given[0];
    ObjStr *encoding, *errors;
    if (!opt_str(vm, "bytes", "encoding", 2, given[1], &encoding) ||
        !opt_str(vm, "bytes", "errors", 3, given[2], &errors))
        return EMPTY_VAL;
    if (IS_EMPTY(source)) {
        if (encoding != NULL || errors != NULL)
            return vm_raise(vm, vm->types.TypeError, encoding != NULL ? "encoding without a string argument"
                                                                      : "errors without a string argument");
        return OBJ_VAL(bytes_new(vm, "", 0));
    }
    if (IS_STR(source)) {
        if (encoding == NULL) return vm_raise(vm, vm->types.TypeError, "string argument without an encoding");
        return bytes_encode_str(vm, AS_STR(source), encoding, errors);
    }
    if (encoding != NULL) return vm_raise(vm, vm->types.TypeError, "encoding without a string argument");
    if (errors != NULL) return vm_raise(vm, vm->types.TypeError, "errors without a string argument");
    if (IS_BYTES(source)) return source;
    if (IS_INT(source) || IS_BOOL(source) || IS_BIGINT(source)) {
        int64_t n;
        if (!arg_int64(vm, source, &n)) {
            if (vm_exception_matches(vm, vm->types.OverflowError)) {
                vm_take_exception(vm);
                return vm_raise(vm, vm->types.OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            return EMPTY_VAL;
        }
        if (n < 0) return vm_raise(vm, vm->types.ValueError, "negative count");
        if (!vm_reserve(vm, (size_t)n)) return EMPTY_VAL;
        unsigned char *zeros = calloc((size_t)n + 1, 1);
        if (zeros == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
        ObjBytes *result = bytes_new(vm, zeros, (size_t)n);
        free(zeros);
        return OBJ_VAL(result);
    }
    if (!vm_is_iterable(vm, source))
        return vm_raise(vm, vm->types.TypeError, "cannot convert '%s' object to bytes", vm_type_name(vm, source));
    return bytes_from_iterable(vm, source);
}

/* --------------------------------------------------------------- methods */

#define SELF AS_BYTES(args[0])

static Value m_decode(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"encoding", "errors"};
    Value given[2];
    if (!vm_parse_args(vm, "decode", argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    ObjStr *encoding, *errors;
    if (!opt_str(vm, "decode", "encoding", 1, given[0], &encoding) ||
        !opt_str(vm, "decode", "errors", 2, given[1], &errors))
        return EMPTY_VAL;
    return bytes_decode(vm, SELF, encoding, errors);
}

static Value m_hex(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"sep", "bytes_per_sep"};
    Value given[2];
    if (!vm_parse_args(vm, "hex", argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    const char *sep = NULL;
    int64_t per = 1;
    if (!IS_EMPTY(given[0])) {
        if (IS_STR(given[0]) && AS_STR(given[0])->is_ascii) sep = AS_STR(given[0])->chars;
        else if (IS_BYTES(given[0])) sep = (const char *)AS_BYTES(given[0])->data;
        else if (IS_STR(given[0])) return vm_raise(vm, vm->types.ValueError, "sep must be ASCII.");
        else if (IS_NONE(given[0]) || IS_FLOAT(given[0]) || IS_INT(given[0]) || IS_BOOL(given[0]) ||
                 IS_BIGINT(given[0]))
            return vm_raise(vm, vm->types.TypeError, "object of type '%s' has no len()", vm_type_name(vm, given[0]));
        else return vm_raise(vm, vm->types.TypeError, "sep must be str or bytes.");
        int64_t sep_length = IS_STR(given[0]) ? AS_STR(given[0])->length : AS_BYTES(given[0])->length;
        if (sep_length != 1) return vm_raise(vm, vm->types.ValueError, "sep must be length 1.");
    }
    if (!IS_EMPTY(given[1]) && !arg_int64(vm, given[1], &per)) return EMPTY_VAL;
    ObjBytes *b = SELF;
    StrBuf buf;
    strbuf_init(&buf);
    int64_t group = per < 0 ? -per : per;
    for (int64_t i = 0; i < b->length; i++) {
        if (sep != NULL && group > 0 && i > 0) {
            /* Positive counts group from the right, negative from the left, as CPython. */
            bool boundary = per > 0 ? (b->length - i) % group == 0 : i % group == 0;
            if (boundary) strbuf_append_char(&buf, sep[0]);
        }
        strbuf_appendf(&buf, "%02x", b->data[i]);
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* bytes.fromhex(text): called on the class, so args[0] is the text. */
static Value m_fromhex(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "fromhex", argc + 1, kwnames)) return EMPTY_VAL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, vm->types.TypeError, "fromhex() argument must be str, not %s",
                        vm_type_name(vm, args[0]));
    ObjStr *s = AS_STR(args[0]);
    StrBuf buf;
    strbuf_init(&buf);
    int64_t i = 0;
    for (;;) {
        while (i < s->length && (s->chars[i] == ' ' || (s->chars[i] >= '\t' && s->chars[i] <= '\r'))) i++;
        if (i >= s->length) break;
        int hi = hex_digit(s->chars[i]);
        int lo = i + 1 < s->length ? hex_digit(s->chars[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            strbuf_free(&buf);
            int64_t position = hi < 0 ? i : i + 1;
            return vm_raise(vm, vm->types.ValueError,
                            "non-hexadecimal number found in fromhex() arg at position %lld",
                            (long long)str_cp_index(s, position < s->length ? position : s->length));
        }
        strbuf_append_char(&buf, (char)(hi * 16 + lo));
        i += 2;
    }
    ObjBytes *result = bytes_new(vm, buf.data, buf.length);
    strbuf_free(&buf);
    return OBJ_VAL(result);
}

/* The sub-sequence argument of count/find/index: bytes or an int 0..255. */
static bool needle_arg(VM *vm, Value v, unsigned char *single, const unsigned char **data, int64_t *length) {
    if (IS_BYTES(v)) {
        *data = AS_BYTES(v)->data;
        *length = AS_BYTES(v)->length;
        return true;
    }
    if (IS_INT(v) || IS_BOOL(v) || IS_BIGINT(v)) {
        int c;
        if (!byte_value(vm, v, &c)) return false;
        *single = (unsigned char)c;
        *data = single;
        *length = 1;
        return true;
    }
    vm_raise(vm, vm->types.TypeError, "argument should be integer or bytes-like object, not '%s'",
             vm_type_name(vm, v));
    return false;
}

/* start/end as a slice clamps them (find, count, startswith ...). */
static bool bounds(VM *vm, int argc, Value *args, int first, int64_t length, int64_t *start, int64_t *end) {
    *start = 0;
    *end = length;
    for (int k = 0; k < 2; k++) {
        int i = first + k;
        if (i >= argc || IS_NONE(args[i])) continue;
        int64_t n;
        if (IS_BIGINT(args[i])) n = mpz_sgn(AS_BIGINT(args[i])->value) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        else if (IS_INT(args[i]) || IS_BOOL(args[i])) n = IS_INT(args[i]) ? AS_INT(args[i]) : AS_BOOL(args[i]);
        else {
            vm_raise(vm, vm->types.TypeError, "slice indices must be integers or None or have an __index__ method");
            return false;
        }
        if (n < 0) n += length;
        if (n < 0) n = 0;
        if (n > length) n = length;
        if (k == 0) *start = n;
        else *end = n;
    }
    return true;
}

/* Shared by find, index and count: the position (find/index) or the count. */
static Value search(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name, bool count, bool raise) {
    if (!str_args_varargs(vm, name, argc, kwnames, 1, 3)) return EMPTY_VAL;
    ObjBytes *b = SELF;
    unsigned char single;
    const unsigned char *needle;
    int64_t needle_length, start, end;
    if (!needle_arg(vm, args[1], &single, &needle, &needle_length)) return EMPTY_VAL;
    if (!bounds(vm, argc, args, 2, b->length, &start, &end)) return EMPTY_VAL;
    if (count) {
        if (end - start < needle_length) return INT_VAL(0);
        if (needle_length == 0) return INT_VAL(end - start + 1);
        int64_t n = 0;
        for (int64_t i = start; i + needle_length <= end;) {
            int64_t at = bytes_find((const char *)b->data + i, end - i, (const char *)needle, needle_length);
            if (at < 0) break;
            n++;
            i += at + needle_length;
        }
        return INT_VAL(n);
    }
    int64_t at = -1;
    if (end - start >= needle_length) {
        at = bytes_find((const char *)b->data + start, end - start, (const char *)needle, needle_length);
        if (at >= 0) at += start;
    }
    if (at < 0 && raise) return vm_raise(vm, vm->types.ValueError, "subsection not found");
    return INT_VAL(at);
}

static Value m_find(VM *vm, int argc, Value *args, ObjTuple *kw) {
    return search(vm, argc, args, kw, "find", false, false);
}
static Value m_index(VM *vm, int argc, Value *args, ObjTuple *kw) {
    return search(vm, argc, args, kw, "index", false, true);
}
static Value m_count(VM *vm, int argc, Value *args, ObjTuple *kw) {
    return search(vm, argc, args, kw, "count", true, false);
}

static Value affix(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name, bool at_end) {
    if (!str_args_varargs(vm, name, argc, kwnames, 1, 3)) return EMPTY_VAL;
    ObjBytes *b = SELF;
    int64_t start, end;
    if (!bounds(vm, argc, args, 2, b->length, &start, &end)) return EMPTY_VAL;
    Value affixes = args[1];
    int64_t n = 1;
    Value *items = &affixes;
    if (IS_TUPLE(affixes)) {
        n = AS_TUPLE(affixes)->count;
        items = AS_TUPLE(affixes)->items;
    }
    for (int64_t k = 0; k < n; k++) {
        if (!IS_BYTES(items[k])) {
            if (IS_TUPLE(affixes))
                return vm_raise(vm, vm->types.TypeError, "a bytes-like object is required, not '%s'",
                                vm_type_name(vm, items[k]));
            return vm_raise(vm, vm->types.TypeError,
                            "%s first arg must be bytes or a tuple of bytes, not %s", name,
                            vm_type_name(vm, affixes));
        }
        ObjBytes *a = AS_BYTES(items[k]);
        if (end - start < a->length) continue;
        const unsigned char *at = at_end ? b->data + end - a->length : b->data + start;
        if (a->length == 0 || memcmp(at, a->data, (size_t)a->length) == 0) return TRUE_VAL;
    }
    return FALSE_VAL;
}

static Value m_startswith(VM *vm, int argc, Value *args, ObjTuple *kw) {
    return affix(vm, argc, args, kw, "startswith", false);
}
static Value m_endswith(VM *vm, int argc, Value *args, ObjTuple *kw) {
    return affix(vm, argc, args, kw, "endswith", true);
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static Value m_split(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"sep", "maxsplit"};
    Value given[2];
    if (!vm_parse_args(vm, "split", argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    int64_t maxsplit = -1;
    if (!IS_EMPTY(given[1]) && !arg_int64(vm, given[1], &maxsplit)) return EMPTY_VAL;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    ObjBytes *b = SELF;
    ObjList *result = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(result));
    const unsigned char *d = b->data;
    int64_t n = b->length;
    if (IS_EMPTY(given[0]) || IS_NONE(given[0])) {
        int64_t i = 0, splits = 0;
        for (;;) {
            while (i < n && is_space(d[i])) i++;
            if (i >= n) break;
            int64_t j = i;
            if (splits >= maxsplit) {
                j = n; /* the rest, trailing whitespace included, as CPython */
            } else {
                while (j < n && !is_space(d[j])) j++;
            }
            list_append(vm, result, OBJ_VAL(bytes_new(vm, d + i, (size_t)(j - i))));
            splits++;
            i = j;
            if (j >= n || splits > maxsplit) break;
        }
    } else {
        if (!IS_BYTES(given[0])) {
            vm_pop_roots(vm, 1);
            return vm_raise(vm, vm->types.TypeError, "a bytes-like object is required, not '%s'",
                            vm_type_name(vm, given[0]));
        }
        ObjBytes *sep = AS_BYTES(given[0]);
        if (sep->length == 0) {
            vm_pop_roots(vm, 1);
            return vm_raise(vm, vm->types.ValueError, "empty separator");
        }
        int64_t i = 0, splits = 0;
        while (splits < maxsplit) {
            int64_t at = bytes_find((const char *)d + i, n - i, (const char *)sep->data, sep->length);
            if (at < 0) break;
            list_append(vm, result, OBJ_VAL(bytes_new(vm, d + i, (size_t)at)));
            i += at + sep->length;
            splits++;
        }
        list_append(vm, result, OBJ_VAL(bytes_new(vm, d + i, (size_t)(n - i))));
    }
    vm_pop_roots(vm, 1);
    return OBJ_VAL(result);
}

static Value m_join(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "bytes.join", argc, kwnames)) return EMPTY_VAL;
    Value items = vm_list_from_iterable(vm, args[1]);
    if (IS_EMPTY(items)) return EMPTY_VAL;
    ObjList *list = AS_LIST(items);
    ObjBytes *sep = SELF;
    StrBuf buf;
    strbuf_init(&buf);
    for (int64_t i = 0; i < list->count; i++) {
        if (!IS_BYTES(list->items[i])) {
            strbuf_free(&buf);
            return vm_raise(vm, vm->types.TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                            (long long)i, vm_type_name(vm, list->items[i]));
        }
        if (i > 0) strbuf_append(&buf, (const char *)sep->data, (size_t)sep->length);
        strbuf_append(&buf, (const char *)AS_BYTES(list->items[i])->data, (size_t)AS_BYTES(list->items[i])->length);
    }
    ObjBytes *result = bytes_new(vm, buf.data, buf.length);
    strbuf_free(&buf);
    return OBJ_VAL(result);
}

static Value change_case(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name, bool upper) {
    if (!args_none(vm, name, argc, kwnames)) return EMPTY_VAL;
    ObjBytes *b = SELF;
    ObjBytes *r = bytes_new(vm, b->data, (size_t)b->length);
    for (int64_t i = 0; i < r->length; i++) {
        unsigned char c = r->data[i];
        if (upper && c >= 'a' && c <= 'z') r->data[i] = (unsigned char)(c - 32);
        if (!upper && c >= 'A' && c <= 'Z') r->data[i] = (unsigned char)(c + 32);
    }
    bytes_rehash(r);
    return OBJ_VAL(r);
}

static Value m_upper(VM *vm, int argc, Value *args, ObjTuple *kw) { return change_case(vm, argc, args, kw, "bytes.upper", true); }
static Value m_lower(VM *vm, int argc, Value *args, ObjTuple *kw) { return change_case(vm, argc, args, kw, "bytes.lower", false); }

/* strip/lstrip/rstrip: `which` bit 1 strips the left, bit 2 the right. */
static Value strip(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name, int which) {
    if (!args_range(vm, name, name, argc, kwnames, 0, 1)) return EMPTY_VAL;
    ObjBytes *b = SELF;
    const unsigned char *chars = NULL;
    int64_t nchars = 0;
    if (argc > 1 && !IS_NONE(args[1])) {
        if (!IS_BYTES(args[1]))
            return vm_raise(vm, vm->types.TypeError, "a bytes-like object is required, not '%s'",
                            vm_type_name(vm, args[1]));
        chars = AS_BYTES(args[1])->data;
        nchars = AS_BYTES(args[1])->length;
    }
    int64_t i = 0, j = b->length;
#define STRIPPED(c) (chars == NULL ? is_space(c) : memchr(chars, (c), (size_t)nchars) != NULL)
    if (which & 1)
        while (i < j && STRIPPED(b->data[i])) i++;
    if (which & 2)
        while (j > i && STRIPPED(b->data[j - 1])) j--;
#undef STRIPPED
    if (i == 0 && j == b->length) return args[0];
    return OBJ_VAL(bytes_new(vm, b->data + i, (size_t)(j - i)));
}

static Value m_strip(VM *vm, int argc, Value *args, ObjTuple *kw) { return strip(vm, argc, args, kw, "strip", 3); }
static Value m_lstrip(VM *vm, int argc, Value *args, ObjTuple *kw) { return strip(vm, argc, args, kw, "lstrip", 1); }
static Value m_rstrip(VM *vm, int argc, Value *args, ObjTuple *kw) { return strip(vm, argc, args, kw, "rstrip", 2); }

void bytes_init_class(VM *vm, ObjClass *cls) {
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"decode", m_decode},     {"hex", m_hex},         {"find", m_find},       {"index", m_index},
        {"count", m_count},       {"startswith", m_startswith}, {"endswith", m_endswith},
        {"split", m_split},       {"join", m_join},       {"upper", m_upper},     {"lower", m_lower},
        {"strip", m_strip},       {"lstrip", m_lstrip},   {"rstrip", m_rstrip},
    };
    cls->construct = bytes_construct;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    /* No owner: called on the class, its first argument is the text. */
    vm_define_native(vm, cls->dict, "fromhex", m_fromhex, NULL);
}
