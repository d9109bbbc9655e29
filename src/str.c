/* str.c — handoff's str: creation, interning, hashing, UTF-8, repr, indexing,
 * slicing, concatenation, comparison and iteration. Strings are UTF-8 indexed
 * by code point: ASCII strings index in O(1), others walk their bytes.
 * The methods live in str_methods.c and the formatting in str_format.c. */
#include <stdarg.h>

#include "containers.h"

/* ------------------------------------------------------------ hashing, UTF-8 */

/* FNV-1a over the bytes, then a 64-bit finalizer (from MurmurHash3) so that
 * short strings that differ in one byte spread over the whole table. */
uint64_t str_hash_bytes(const char *chars, size_t length) {
    uint64_t hash = 14695981039346656037ULL;
    for (size_t i = 0; i < length; i++) {
        hash ^= (uint8_t)chars[i];
        hash *= 1099511628211ULL;
    }
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ULL;
    hash ^= hash >> 33;
    return hash;
}

/* Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF. */
bool utf8_valid(const char *chars, size_t length) {
    const uint8_t *p = (const uint8_t *)chars;
    size_t i = 0;
    while (i < length) {
        uint8_t c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int extra;
        uint32_t cp, min;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if ((size_t)extra >= length - i) return false;  /* truncated sequence */
        for (int k = 1; k <= extra; k++) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += (size_t)extra + 1;
    }
    return true;
}

uint32_t utf8_decode(const char *chars, int *size) {
    const uint8_t *p = (const uint8_t *)chars;
    if (p[0] < 0x80) {
        *size = 1;
        return p[0];
    }
    if ((p[0] & 0xE0) == 0xC0) {
        *size = 2;
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if ((p[0] & 0xF0) == 0xE0) {
        *size = 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *size = 4;
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

int64_t str_byte_offset(const ObjStr *s, int64_t index) {
    if (s->is_ascii) return index;
    if (index >= s->cp_count) return s->length;
    /* Walk from whichever end is nearer. */
    if (index <= s->cp_count / 2) {
        int64_t offset = 0;
        for (int64_t seen = 0; seen < index; offset++) {
            if (((uint8_t)s->chars[offset + 1] & 0xC0) != 0x80) seen++;
        }
        return offset;
    }
    int64_t offset = s->length;
    for (int64_t remaining = s->cp_count - index; remaining > 0;) {
        offset--;
        if (((uint8_t)s->chars[offset] & 0xC0) != 0x80) remaining--;
    }
    return offset;
}

int64_t str_cp_index(const ObjStr *s, int64_t offset) {
    if (s->is_ascii) return offset;
    int64_t index = 0;
    for (int64_t i = 0; i < offset; i++) {
        if (((uint8_t)s->chars[i] & 0xC0) != 0x80) index++;
    }
    return index;
}

int64_t bytes_find(const char *haystack, int64_t haystack_length,
                   const char *needle, int64_t needle_length) {
    if (needle_length == 0) return 0;
    if (needle_length > haystack_length) return -1;
    const char *end = haystack + (haystack_length - needle_length);
    for (const char *p = haystack; p <= end;) {
        p = memchr(p, needle[0], (size_t)(end - p + 1));
        if (p == NULL) return -1;
        if (memcmp(p, needle, (size_t)needle_length) == 0) return p - haystack;
        p++;
    }
    return -1;
}

/* ------------------------------------------------------------------- creation */

ObjStr *str_new(VM *vm, const char *chars, size_t length) {
    ObjStr *s = (ObjStr *)obj_allocate(vm, sizeof(ObjStr) + length + 1, OBJ_STR);
    if (length > 0) memcpy(s->chars, chars, length);
    s->chars[length] = '\0';
    s->length = (int64_t)length;
    int64_t cp_count = 0;
    for (size_t i = 0; i < length; i++) {
        if (((uint8_t)chars[i] & 0xC0) != 0x80) cp_count++;
    }
    s->cp_count = cp_count;
    s->is_ascii = cp_count == (int64_t)length;
    s->hash = str_hash_bytes(chars, length);
    s->interned = false;
    return s;
}

ObjStr *str_from_cstr(VM *vm, const char *cstr) {
    return str_new(vm, cstr, strlen(cstr));
}

ObjStr *str_intern(VM *vm, const char *chars, size_t length) {
    uint64_t hash = str_hash_bytes(chars, length);
    if (vm->interned != NULL) {
        ObjStr *existing = dict_find_str(vm->interned, chars, length, hash);
        if (existing != NULL) return existing;
    }
    ObjStr *s = str_new(vm, chars, length);
    if (vm->interned != NULL) {
        s->interned = true;
        dict_set_str(vm, vm->interned, s, OBJ_VAL(s));
    }
    return s;
}

ObjStr *str_intern_cstr(VM *vm, const char *cstr) {
    return str_intern(vm, cstr, strlen(cstr));
}

ObjStr *str_printf(VM *vm, const char *fmt, ...) {
    char small[256];
    va_list args;
    va_start(args, fmt);
    va_list copy;
    va_copy(copy, args);
    int needed = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (needed < 0) needed = 0;
    char *text = small;
    if ((size_t)needed >= sizeof small) {
        text = malloc((size_t)needed + 1);
        vsnprintf(text, (size_t)needed + 1, fmt, args);
    }
    va_end(args);
    ObjStr *s = str_new(vm, text, (size_t)needed);
    if (text != small) free(text);
    return s;
}

ObjStr *str_from_codepoint(VM *vm, uint32_t cp) {
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_codepoint(&buf, cp);
    ObjStr *s = str_new(vm, buf.data, buf.length);
    strbuf_free(&buf);
    return s;
}

ObjStr *str_substring(VM *vm, ObjStr *s, int64_t start, int64_t end) {
    if (start == 0 && end == s->cp_count) return s;  /* immutable: share it */
    int64_t from = str_byte_offset(s, start);
    int64_t to = s->is_ascii ? end : from + (str_byte_offset(s, end) - from);
    return str_new(vm, s->chars + from, (size_t)(to - from));
}

/* -------------------------------------------------------------- comparison */

bool str_equal(const ObjStr *a, const ObjStr *b) {
    if (a == b) return true;
    if (a->interned && b->interned) return false;
    return a->length == b->length && a->hash == b->hash &&
           memcmp(a->chars, b->chars, (size_t)a->length) == 0;
}

/* Byte order of UTF-8 is code point order, so memcmp compares by code point. */
int str_compare(const ObjStr *a, const ObjStr *b) {
    int64_t n = a->length < b->length ? a->length : b->length;
    int c = memcmp(a->chars, b->chars, (size_t)n);
    if (c != 0) return c < 0 ? -1 : 1;
    return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

bool str_contains(ObjStr *haystack, ObjStr *needle) {
    return bytes_find(haystack->chars, haystack->length, needle->chars, needle->length) >= 0;
}

/* ------------------------------------------------------------------- repr */

/* CPython's choice: single quotes unless the text has ' and no ". */
void str_repr_into(StrBuf *buf, ObjStr *s) {
    bool has_single = memchr(s->chars, '\'', (size_t)s->length) != NULL;
    bool has_double = memchr(s->chars, '"', (size_t)s->length) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    strbuf_append_char(buf, quote);
    int64_t i = 0;
    while (i < s->length) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        if (cp == (uint32_t)quote || cp == '\\') {
            strbuf_append_char(buf, '\\');
            strbuf_append_char(buf, (char)cp);
        } else if (cp == '\n') {
            strbuf_append_cstr(buf, "\\n");
        } else if (cp == '\t') {
            strbuf_append_cstr(buf, "\\t");
        } else if (cp == '\r') {
            strbuf_append_cstr(buf, "\\r");
        } else if (unicode_is_printable(cp)) {
            strbuf_append(buf, s->chars + i, (size_t)size);
        } else if (cp < 0x100) {
            strbuf_appendf(buf, "\\x%02x", cp);
        } else if (cp < 0x10000) {
            strbuf_appendf(buf, "\\u%04x", cp);
        } else {
            strbuf_appendf(buf, "\\U%08x", cp);
        }
        i += size;
    }
    strbuf_append_char(buf, quote);
}

Value str_repr(VM *vm, ObjStr *s) {
    StrBuf buf;
    strbuf_init(&buf);
    str_repr_into(&buf, s);
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* --------------------------------------------------- indexing and slicing */

static Value str_slice(VM *vm, ObjStr *s, ObjSlice *slice) {
    int64_t start, stop, step, count;
    if (!slice_indices(vm, slice, s->cp_count, &start, &stop, &step, &count)) return EMPTY_VAL;
    if (count <= 0) return OBJ_VAL(str_new(vm, "", 0));
    if (step == 1) return OBJ_VAL(str_substring(vm, s, start, start + count));
    StrBuf buf;
    strbuf_init(&buf);
    if (s->is_ascii) {
        for (int64_t k = 0, i = start; k < count; k++, i += step) {
            strbuf_append_char(&buf, s->chars[i]);
        }
    } else {
        /* One pass to find every code point's offset, then pick. */
        int64_t *offsets = malloc(sizeof(int64_t) * (size_t)(s->cp_count + 1));
        int64_t n = 0;
        for (int64_t i = 0; i < s->length; i++) {
            if (((uint8_t)s->chars[i] & 0xC0) != 0x80) offsets[n++] = i;
        }
        offsets[n] = s->length;
        for (int64_t k = 0, i = start; k < count; k++, i += step) {
            strbuf_append(&buf, s->chars + offsets[i], (size_t)(offsets[i + 1] - offsets[i]));
        }
        free(offsets);
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

Value str_getitem(VM *vm, ObjStr *s, Value index) {
    if (IS_SLICE(index)) return str_slice(vm, s, AS_SLICE(index));
    if (!IS_INT(index) && !IS_BOOL(index) && !IS_BIGINT(index)) {
        return vm_raise(vm, vm->types.TypeError, "string indices must be integers, not '%s'",
                        vm_type_name(vm, index));
    }
    int64_t i;
    if (!seq_resolve_index(vm, index, s->cp_count, "string", &i)) return EMPTY_VAL;
    return OBJ_VAL(str_substring(vm, s, i, i + 1));
}

/* ----------------------------------------------------- concatenation, repeat */

Value str_concat(VM *vm, ObjStr *a, ObjStr *b) {
    if (a->length == 0) return OBJ_VAL(b);
    if (b->length == 0) return OBJ_VAL(a);
    ObjStr *s = (ObjStr *)obj_allocate(vm, sizeof(ObjStr) + (size_t)(a->length + b->length) + 1,
                                       OBJ_STR);
    memcpy(s->chars, a->chars, (size_t)a->length);
    memcpy(s->chars + a->length, b->chars, (size_t)b->length);
    s->length = a->length + b->length;
    s->chars[s->length] = '\0';
    s->cp_count = a->cp_count + b->cp_count;
    s->is_ascii = a->is_ascii && b->is_ascii;
    s->hash = str_hash_bytes(s->chars, (size_t)s->length);
    s->interned = false;
    return OBJ_VAL(s);
}

Value str_repeat(VM *vm, ObjStr *s, int64_t times) {
    if (times <= 0 || s->length == 0) return OBJ_VAL(str_new(vm, "", 0));
    if (times == 1) return OBJ_VAL(s);
    if (times > (INT64_MAX / 2) / s->length) {
        return vm_raise(vm, vm->types.OverflowError, "repeated string is too long");
    }
    int64_t length = s->length * times;
    if (!vm_reserve(vm, sizeof(ObjStr) + (size_t)length + 1)) return EMPTY_VAL;
    ObjStr *r = (ObjStr *)obj_allocate(vm, sizeof(ObjStr) + (size_t)length + 1, OBJ_STR);
    /* Doubling copies: log(times) memcpy calls. */
    memcpy(r->chars, s->chars, (size_t)s->length);
    int64_t done = s->length;
    while (done < length) {
        int64_t chunk = done <= length - done ? done : length - done;
        memcpy(r->chars + done, r->chars, (size_t)chunk);
        done += chunk;
    }
    r->chars[length] = '\0';
    r->length = length;
    r->cp_count = s->cp_count * times;
    r->is_ascii = s->is_ascii;
    r->hash = str_hash_bytes(r->chars, (size_t)length);
    r->interned = false;
    return OBJ_VAL(r);
}

/* ---------------------------------------------------------------- iteration */

static int str_iter_next(VM *vm, ObjIterator *it, Value *out) {
    ObjStr *s = AS_STR(it->source);
    if (it->index >= s->length) return 0;
    int size = 1;
    if (!s->is_ascii) utf8_decode(s->chars + it->index, &size);
    *out = OBJ_VAL(str_new(vm, s->chars + it->index, (size_t)size));
    it->index += size;
    return 1;
}

Value str_iter_new(VM *vm, ObjStr *s) {
    ObjIterator *it = iterator_new(vm, s->is_ascii ? "str_ascii_iterator" : "str_iterator",
                                   str_iter_next, OBJ_VAL(s));
    it->index = 0;  /* a byte offset */
    return OBJ_VAL(it);
}
