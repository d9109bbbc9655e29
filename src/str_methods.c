/* str_methods.c — the searching, splitting and joining methods of str
 * (find, count, split, join, replace, strip, partition, startswith ...), with
 * CPython's semantics and error messages, and str_init_class, which registers
 * every str method (the case, predicate and padding ones are in str_case.c). */
#include "containers.h"
#include "str_methods.h"
#include "str_unicode.h"

/* ------------------------------------------------------------ argument help */

/* "find() takes at least 1 argument (0 given)": METH_VARARGS wording; argc counts self. */
bool str_args_varargs(VM *vm, const char *name, int argc, ObjTuple *kwnames, int min, int max) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", name);
        return false;
    }
    int given = argc - 1;
    if (given >= min && given <= max) return true;
    int expected = given < min ? min : max;
    vm_raise(vm, vm->types.TypeError, "%s() takes %s %d argument%s (%d given)", name,
             given < min ? "at least" : "at most", expected, expected == 1 ? "" : "s", given);
    return false;
}

/* A required str argument; message is "must be str, not int" unless `what` says more. */
bool str_want(VM *vm, Value v, const char *what) {
    if (IS_STR(v)) return true;
    vm_raise(vm, vm->types.TypeError, "%smust be str, not %s", what, vm_type_name(vm, v));
    return false;
}

/* One optional start/end bound of find(), count(), startswith() ... */
static bool bound(VM *vm, int argc, Value *args, int i, int64_t *out) {
    if (i >= argc || IS_NONE(args[i])) return true;
    Value v = args[i];
    if (IS_INT(v)) *out = AS_INT(v);
    else if (IS_BOOL(v)) *out = AS_BOOL(v);
    else if (IS_BIGINT(v)) *out = mpz_sgn(AS_BIGINT(v)->value) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    else {
        vm_raise(vm, vm->types.TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    return true;
}

/* start/end as code point indices, adjusted as CPython's ADJUST_INDICES
 * (end clipped to the length; start may stay beyond it). */
static bool start_end(VM *vm, ObjStr *s, int argc, Value *args, int first, int64_t *start,
                      int64_t *end) {
    int64_t length = s->cp_count;
    *start = 0;
    *end = length;
    if (!bound(vm, argc, args, first, start) || !bound(vm, argc, args, first + 1, end)) return false;
    if (*end > length) {
        *end = length;
    } else if (*end < 0) {
        *end += length;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = 0;
    }
    return true;
}

/* ------------------------------------------------------------ find, count */

static int64_t bytes_rfind(const char *haystack, int64_t length, const char *needle,
                           int64_t needle_length) {
    for (int64_t i = length - needle_length; i >= 0; i--) {
        if (memcmp(haystack + i, needle, (size_t)needle_length) == 0) return i;
    }
    return -1;
}

/* The code point index of sub in s[start:end] (from the right when `reverse`),
 * -1 when absent, -2 on error. */
static int64_t find_in(VM *vm, int argc, Value *args, bool reverse) {
    ObjStr *s = AS_STR(args[0]);
    if (!str_want(vm, args[1], "")) return -2;
    ObjStr *sub = AS_STR(args[1]);
    int64_t start, end;
    if (!start_end(vm, s, argc, args, 2, &start, &end)) return -2;
    if (end - start < sub->cp_count) return -1;
    int64_t from = str_byte_offset(s, start), to = str_byte_offset(s, end);
    int64_t at = reverse ? bytes_rfind(s->chars + from, to - from, sub->chars, sub->length)
                         : bytes_find(s->chars + from, to - from, sub->chars, sub->length);
    if (at < 0) return -1;
    return s->is_ascii ? from + at : start + str_cp_index(s, from + at) - str_cp_index(s, from);
}

static Value str_find(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!str_args_varargs(vm, "find", argc, kwnames, 1, 3)) return EMPTY_VAL;
    int64_t at = find_in(vm, argc, args, false);
    return at == -2 ? EMPTY_VAL : INT_VAL(at);
}

static Value str_rfind(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!str_args_varargs(vm, "rfind", argc, kwnames, 1, 3)) return EMPTY_VAL;
    int64_t at = find_in(vm, argc, args, true);
    return at == -2 ? EMPTY_VAL : INT_VAL(at);
}

static Value str_index(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!str_args_varargs(vm, "index", argc, kwnames, 1, 3)) return EMPTY_VAL;
    int64_t at = find_in(vm, argc, args, false);
    if (at == -1) return vm_raise(vm, vm->types.ValueError, "substring not found");
    return at == -2 ? EMPTY_VAL : INT_VAL(at);
}

static Value str_rindex(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!str_args_varargs(vm, "rindex", argc, kwnames, 1, 3)) return EMPTY_VAL;
    int64_t at = find_in(vm, argc, args, true);
    if (at == -1) return vm_raise(vm, vm->types.ValueError, "substring not found");
    return at == -2 ? EMPTY_VAL : INT_VAL(at);
}

static Value str_count(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!str_args_varargs(vm, "count", argc, kwnames, 1, 3)) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]);
    if (!str_want(vm, args[1], "")) return EMPTY_VAL;
    ObjStr *sub = AS_STR(args[1]);
    int64_t start, end;
    if (!start_end(vm, s, argc, args, 2, &start, &end)) return EMPTY_VAL;
    if (end - start < sub->cp_count) return INT_VAL(0);
    if (sub->length == 0) return INT_VAL(end - start + 1);
    int64_t from = str_byte_offset(s, start), to = str_byte_offset(s, end);
    int64_t count = 0;
    for (int64_t at = from;;) {
        int64_t found = bytes_find(s->chars + at, to - at, sub->chars, sub->length);
        if (found < 0) break;
        count++;
        at += found + sub->length;
    }
    return INT_VAL(count);
}

/* Does s[start:end] start (or end) with prefix? */
static bool matches_at(ObjStr *s, ObjStr *prefix, int64_t start, int64_t end, bool at_end) {
    if (end - prefix->cp_count < start) return false;
    if (prefix->length == 0) return true;
    int64_t from = str_byte_offset(s, start), to = str_byte_offset(s, end);
    if (to - from < prefix->length) return false;
    const char *where = at_end ? s->chars + to - prefix->length : s->chars + from;
    return memcmp(where, prefix->chars, (size_t)prefix->length) == 0;
}

static Value starts_or_ends(VM *vm, int argc, Value *args, ObjTuple *kwnames, bool at_end) {
    const char *name = at_end ? "endswith" : "startswith";
    if (!str_args_varargs(vm, name, argc, kwnames, 1, 3)) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]);
    int64_t start, end;
    if (!start_end(vm, s, argc, args, 2, &start, &end)) return EMPTY_VAL;
    if (IS_TUPLE(args[1])) {
        ObjTuple *options = AS_TUPLE(args[1]);
        for (int64_t i = 0; i < options->count; i++) {
            if (!IS_STR(options->items[i])) {
                return vm_raise(vm, vm->types.TypeError, "tuple for %s must only contain str, not %s",
                                name, vm_type_name(vm, options->items[i]));
            }
            if (matches_at(s, AS_STR(options->items[i]), start, end, at_end)) return TRUE_VAL;
        }
        return FALSE_VAL;
    }
    if (!IS_STR(args[1])) {
        return vm_raise(vm, vm->types.TypeError, "%s first arg must be str or a tuple of str, not %s",
                        name, vm_type_name(vm, args[1]));
    }
    return BOOL_VAL(matches_at(s, AS_STR(args[1]), start, end, at_end));
}

static Value str_startswith(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return starts_or_ends(vm, argc, args, kwnames, false);
}

static Value str_endswith(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return starts_or_ends(vm, argc, args, kwnames, true);
}

/* --------------------------------------------------------------- splitting */

static ObjStr *bytes_str(VM *vm, ObjStr *s, int64_t from, int64_t to) {
    if (from == 0 && to == s->length) return s;
    return str_new(vm, s->chars + from, (size_t)(to - from));
}

/* The size of the whitespace character at `at`, or 0 when it is not one. */
static int space_at(ObjStr *s, int64_t at) {
    uint8_t c = (uint8_t)s->chars[at];
    if (c < 0x80) return unicode_is_space(c) ? 1 : 0;
    int size;
    uint32_t cp = utf8_decode(s->chars + at, &size);
    return unicode_is_space(cp) ? size : 0;
}

static int char_size(ObjStr *s, int64_t at) {
    uint8_t c = (uint8_t)s->chars[at];
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The start of the character that ends just before byte `at`. */
static int64_t previous_char(ObjStr *s, int64_t at) {
    do at--;
    while (at > 0 && ((uint8_t)s->chars[at] & 0xC0) == 0x80);
    return at;
}

static void split_whitespace(VM *vm, ObjStr *s, int64_t maxsplit, ObjList *out) {
    int64_t i = 0, n = s->length;
    while (maxsplit-- != 0) {
        int size;
        while (i < n && (size = space_at(s, i)) > 0) i += size;
        if (i == n) return;
        int64_t j = i;
        while (j < n && space_at(s, j) == 0) j += char_size(s, j);
        list_append(vm, out, OBJ_VAL(bytes_str(vm, s, i, j)));
        i = j;
    }
    int size;
    while (i < n && (size = space_at(s, i)) > 0) i += size;
    if (i < n) list_append(vm, out, OBJ_VAL(bytes_str(vm, s, i, n)));
}

static void rsplit_whitespace(VM *vm, ObjStr *s, int64_t maxsplit, ObjList *out) {
    int64_t end = s->length;
    while (maxsplit-- != 0) {
        while (end > 0 && space_at(s, previous_char(s, end)) > 0) end = previous_char(s, end);
        if (end == 0) return;
        int64_t start = end;
        while (start > 0 && space_at(s, previous_char(s, start)) == 0) start = previous_char(s, start);
        list_append(vm, out, OBJ_VAL(bytes_str(vm, s, start, end)));
        end = start;
    }
    while (end > 0 && space_at(s, previous_char(s, end)) > 0) end = previous_char(s, end);
    if (end > 0) list_append(vm, out, OBJ_VAL(bytes_str(vm, s, 0, end)));
}

static void split_separator(VM *vm, ObjStr *s, ObjStr *sep, int64_t maxsplit, ObjList *out) {
    int64_t i = 0;
    while (maxsplit-- != 0) {
        int64_t found = bytes_find(s->chars + i, s->length - i, sep->chars, sep->length);
        if (found < 0) break;
        list_append(vm, out, OBJ_VAL(bytes_str(vm, s, i, i + found)));
        i += found + sep->length;
    }
    list_append(vm, out, OBJ_VAL(bytes_str(vm, s, i, s->length)));
}

static void rsplit_separator(VM *vm, ObjStr *s, ObjStr *sep, int64_t maxsplit, ObjList *out) {
    int64_t end = s->length;
    while (maxsplit-- != 0) {
        int64_t found = bytes_rfind(s->chars, end, sep->chars, sep->length);
        if (found < 0) break;
        list_append(vm, out, OBJ_VAL(bytes_str(vm, s, found + sep->length, end)));
        end = found;
    }
    list_append(vm, out, OBJ_VAL(bytes_str(vm, s, 0, end)));
    /* Built right to left: put it in reading order. */
    for (int64_t i = 0, j = out->count - 1; i < j; i++, j--) {
        Value swap = out->items[i];
        out->items[i] = out->items[j];
        out->items[j] = swap;
    }
}

static Value split_common(VM *vm, int argc, Value *args, ObjTuple *kwnames, bool reverse) {
    static const char *const params[] = {"sep", "maxsplit"};
    const char *name = reverse ? "rsplit" : "split";
    if (argc - vm_kwcount(kwnames) > 3) {
        return vm_raise(vm, vm->types.TypeError, "%s() takes at most 2 arguments (%d given)", name,
                        argc - 1);
    }
    Value given[2];
    if (!vm_parse_args(vm, name, argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) {
        return EMPTY_VAL;
    }
    ObjStr *s = AS_STR(args[0]);
    int64_t maxsplit = -1;
    if (!IS_EMPTY(given[1]) && !arg_int64(vm, given[1], &maxsplit)) return EMPTY_VAL;
    if (maxsplit < 0) maxsplit = -1;
    ObjList *out = list_new(vm, 0);
    if (IS_EMPTY(given[0]) || IS_NONE(given[0])) {
        if (reverse) {
            rsplit_whitespace(vm, s, maxsplit, out);
            for (int64_t i = 0, j = out->count - 1; i < j; i++, j--) {
                Value swap = out->items[i];
                out->items[i] = out->items[j];
                out->items[j] = swap;
            }
        } else {
            split_whitespace(vm, s, maxsplit, out);
        }
        return OBJ_VAL(out);
    }
    if (!IS_STR(given[0])) {
        return vm_raise(vm, vm->types.TypeError, "must be str or None, not %s",
                        vm_type_name(vm, given[0]));
    }
    ObjStr *sep = AS_STR(given[0]);
    if (sep->length == 0) return vm_raise(vm, vm->types.ValueError, "empty separator");
    if (reverse) rsplit_separator(vm, s, sep, maxsplit, out);
    else split_separator(vm, s, sep, maxsplit, out);
    return OBJ_VAL(out);
}

static Value str_split(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return split_common(vm, argc, args, kwnames, false);
}

static Value str_rsplit(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return split_common(vm, argc, args, kwnames, true);
}

static Value str_splitlines(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"keepends"};
    if (argc - vm_kwcount(kwnames) > 2) {
        return vm_raise(vm, vm->types.TypeError, "splitlines() takes at most 1 argument (%d given)",
                        argc - 1);
    }
    Value given[1];
    if (!vm_parse_args(vm, "splitlines", argc - 1, args + 1, kwnames, 1, params, 1, 0, given)) {
        return EMPTY_VAL;
    }
    bool keepends = false;
    if (!IS_EMPTY(given[0])) {
        int64_t flag;
        if (!arg_int64(vm, given[0], &flag)) return EMPTY_VAL;
        keepends = flag != 0;
    }
    ObjStr *s = AS_STR(args[0]);
    ObjList *out = list_new(vm, 0);
    int64_t line_start = 0, i = 0;
    while (i < s->length) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        if (!unicode_is_linebreak(cp)) {
            i += size;
            continue;
        }
        int64_t line_end = i;
        i += size;
        if (cp == '\r' && i < s->length && s->chars[i] == '\n') i++;
        list_append(vm, out, OBJ_VAL(bytes_str(vm, s, line_start, keepends ? i : line_end)));
        line_start = i;
    }
    if (line_start < s->length) list_append(vm, out, OBJ_VAL(bytes_str(vm, s, line_start, s->length)));
    return OBJ_VAL(out);
}

/* ------------------------------------------------------------------- join */

Value str_join(VM *vm, ObjStr *sep, Value iterable) {
    Value sequence = iterable;
    if (!IS_LIST(iterable) && !IS_TUPLE(iterable)) {
        sequence = vm_list_from_iterable(vm, iterable);
        if (IS_EMPTY(sequence)) {
            if (vm_exception_matches(vm, vm->types.TypeError)) {
                vm_take_exception(vm);
                vm_raise(vm, vm->types.TypeError, "can only join an iterable");
            }
            return EMPTY_VAL;
        }
    }
    Value *items = IS_TUPLE(sequence) ? AS_TUPLE(sequence)->items : AS_LIST(sequence)->items;
    int64_t count = IS_TUPLE(sequence) ? AS_TUPLE(sequence)->count : AS_LIST(sequence)->count;
    if (count == 1 && IS_STR(items[0])) return items[0];
    StrBuf buf;
    strbuf_init(&buf);
    for (int64_t i = 0; i < count; i++) {
        if (!IS_STR(items[i])) {
            strbuf_free(&buf);
            return vm_raise(vm, vm->types.TypeError, "sequence item %lld: expected str instance, %s found",
                            (long long)i, vm_type_name(vm, items[i]));
        }
        if (i > 0) strbuf_append(&buf, sep->chars, (size_t)sep->length);
        strbuf_append(&buf, AS_STR(items[i])->chars, (size_t)AS_STR(items[i])->length);
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static Value str_join_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "str.join", argc, kwnames)) return EMPTY_VAL;
    return str_join(vm, AS_STR(args[0]), args[1]);
}

/* ---------------------------------------------------------------- replace */

static Value str_replace(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "replace", "str.replace", argc, kwnames, 2, 3)) return EMPTY_VAL;
    if (!str_want(vm, args[1], "replace() argument 1 ")) return EMPTY_VAL;
    if (!str_want(vm, args[2], "replace() argument 2 ")) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]), *old = AS_STR(args[1]), *new = AS_STR(args[2]);
    int64_t count = -1;
    if (argc > 3 && !arg_int64(vm, args[3], &count)) return EMPTY_VAL;
    if (count < 0) count = INT64_MAX;
    StrBuf buf;
    strbuf_init(&buf);
    int64_t i = 0;
    if (old->length == 0) {
        /* An empty pattern matches before every character and at the end. */
        while (i <= s->length && count-- > 0) {
            strbuf_append(&buf, new->chars, (size_t)new->length);
            if (i == s->length) {
                i++;
                break;
            }
            int size = 1;
            if (!s->is_ascii) utf8_decode(s->chars + i, &size);
            strbuf_append(&buf, s->chars + i, (size_t)size);
            i += size;
        }
        if (i < s->length) strbuf_append(&buf, s->chars + i, (size_t)(s->length - i));
        return OBJ_VAL(strbuf_finish(vm, &buf));
    }
    while (count-- > 0) {
        int64_t found = bytes_find(s->chars + i, s->length - i, old->chars, old->length);
        if (found < 0) break;
        strbuf_append(&buf, s->chars + i, (size_t)found);
        strbuf_append(&buf, new->chars, (size_t)new->length);
        i += found + old->length;
    }
    if (i == 0) {
        strbuf_free(&buf);
        return args[0];
    }
    strbuf_append(&buf, s->chars + i, (size_t)(s->length - i));
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* ------------------------------------------------------------------ strip */

static bool in_chars(ObjStr *chars, uint32_t cp) {
    if (chars == NULL) return unicode_is_space(cp);
    for (int64_t i = 0; i < chars->length;) {
        int size;
        if (utf8_decode(chars->chars + i, &size) == cp) return true;
        i += size;
    }
    return false;
}

/* mode: 1 left, 2 right, 3 both. */
static Value strip_common(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name,
                          const char *qualname, int mode) {
    if (!args_range(vm, name, qualname, argc, kwnames, 0, 1)) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]);
    ObjStr *chars = NULL;
    if (argc > 1 && !IS_NONE(args[1])) {
        if (!IS_STR(args[1])) {
            return vm_raise(vm, vm->types.TypeError, "%s arg must be None or str", name);
        }
        chars = AS_STR(args[1]);
    }
    int64_t start = 0, end = s->length;
    if (mode & 1) {
        while (start < end) {
            int size;
            if (!in_chars(chars, utf8_decode(s->chars + start, &size))) break;
            start += size;
        }
    }
    if (mode & 2) {
        while (end > start) {
            int64_t previous = previous_char(s, end);
            int size;
            if (!in_chars(chars, utf8_decode(s->chars + previous, &size))) break;
            end = previous;
        }
    }
    return OBJ_VAL(bytes_str(vm, s, start, end));
}

static Value str_strip(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return strip_common(vm, argc, args, kwnames, "strip", "str.strip", 3);
}

static Value str_lstrip(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return strip_common(vm, argc, args, kwnames, "lstrip", "str.lstrip", 1);
}

static Value str_rstrip(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return strip_common(vm, argc, args, kwnames, "rstrip", "str.rstrip", 2);
}

/* -------------------------------------------------------------- partition */

static Value partition_common(VM *vm, int argc, Value *args, ObjTuple *kwnames, bool reverse) {
    if (!args_one(vm, reverse ? "str.rpartition" : "str.partition", argc, kwnames)) return EMPTY_VAL;
    if (!str_want(vm, args[1], "")) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]), *sep = AS_STR(args[1]);
    if (sep->length == 0) return vm_raise(vm, vm->types.ValueError, "empty separator");
    int64_t at = reverse ? bytes_rfind(s->chars, s->length, sep->chars, sep->length)
                         : bytes_find(s->chars, s->length, sep->chars, sep->length);
    Value parts[3];
    ObjStr *empty = str_new(vm, "", 0);
    if (at < 0) {
        parts[0] = OBJ_VAL(reverse ? empty : s);
        parts[1] = OBJ_VAL(empty);
        parts[2] = OBJ_VAL(reverse ? s : empty);
    } else {
        parts[0] = OBJ_VAL(bytes_str(vm, s, 0, at));
        parts[1] = args[1];
        parts[2] = OBJ_VAL(bytes_str(vm, s, at + sep->length, s->length));
    }
    return OBJ_VAL(tuple_from_values(vm, 3, parts));
}

static Value str_partition(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return partition_common(vm, argc, args, kwnames, false);
}

static Value str_rpartition(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return partition_common(vm, argc, args, kwnames, true);
}

static Value remove_affix(VM *vm, int argc, Value *args, ObjTuple *kwnames, bool suffix) {
    const char *name = suffix ? "removesuffix" : "removeprefix";
    if (!args_one(vm, suffix ? "str.removesuffix" : "str.removeprefix", argc, kwnames)) {
        return EMPTY_VAL;
    }
    if (!IS_STR(args[1])) {
        return vm_raise(vm, vm->types.TypeError, "%s() argument must be str, not %s", name,
                        vm_type_name(vm, args[1]));
    }
    ObjStr *s = AS_STR(args[0]), *affix = AS_STR(args[1]);
    if (affix->length == 0 || affix->length > s->length) return args[0];
    if (suffix) {
        if (memcmp(s->chars + s->length - affix->length, affix->chars, (size_t)affix->length) != 0) {
            return args[0];
        }
        return OBJ_VAL(bytes_str(vm, s, 0, s->length - affix->length));
    }
    if (memcmp(s->chars, affix->chars, (size_t)affix->length) != 0) return args[0];
    return OBJ_VAL(bytes_str(vm, s, affix->length, s->length));
}

static Value str_removeprefix(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return remove_affix(vm, argc, args, kwnames, false);
}

static Value str_removesuffix(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return remove_affix(vm, argc, args, kwnames, true);
}

/* ------------------------------------------------------ maketrans, translate */

/* str.maketrans(x[, y[, z]]): meant to be called on the class (natives have
 * no staticmethods), so args has no self. */
static Value str_maketrans(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "maketrans", "str.maketrans", argc + 1, kwnames, 1, 3)) return EMPTY_VAL;
    ObjDict *table = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(table));
    Value result = OBJ_VAL(table);
    if (argc == 1) {
        if (!IS_DICT(args[0])) {
            result = vm_raise(vm, vm->types.TypeError,
                              "if you give only one argument to maketrans it must be a dict");
        }
        Value key, value;
        for (int64_t i = 0; !IS_EMPTY(result) && dict_next(AS_DICT(args[0]), &i, &key, &value);) {
            if (IS_STR(key) && AS_STR(key)->cp_count != 1) {
                result = vm_raise(vm, vm->types.ValueError,
                                  "string keys in translate table must be of length 1");
            } else if (IS_STR(key)) {
                int size;
                dict_set(vm, table, INT_VAL(utf8_decode(AS_STR(key)->chars, &size)), value);
            } else if (!dict_set(vm, table, key, value)) {
                result = EMPTY_VAL;
            }
        }
    } else if (!str_want(vm, args[0], "maketrans() argument 1 ") ||
               !str_want(vm, args[1], "maketrans() argument 2 ") ||
               (argc > 2 && !str_want(vm, args[2], "maketrans() argument 3 "))) {
        result = EMPTY_VAL;
    } else if (AS_STR(args[0])->cp_count != AS_STR(args[1])->cp_count) {
        result = vm_raise(vm, vm->types.ValueError,
                          "the first two maketrans arguments must have equal length");
    } else {
        ObjStr *from = AS_STR(args[0]), *to = AS_STR(args[1]);
        for (int64_t i = 0, j = 0; i < from->length;) {
            int a, b;
            uint32_t cp = utf8_decode(from->chars + i, &a);
            dict_set(vm, table, INT_VAL(cp), INT_VAL(utf8_decode(to->chars + j, &b)));
            i += a, j += b;
        }
        for (int64_t i = 0; argc > 2 && i < AS_STR(args[2])->length;) {
            int a;
            dict_set(vm, table, INT_VAL(utf8_decode(AS_STR(args[2])->chars + i, &a)), NONE_VAL);
            i += a;
        }
    }
    vm_pop_roots(vm, 1);
    return result;
}

/* Appends the translation of one code point; false on error. */
static bool translate_char(VM *vm, Value table, uint32_t cp, const char *bytes, int size,
                           StrBuf *out) {
    Value mapped;
    if (IS_DICT(table)) {
        int found = dict_get(vm, AS_DICT(table), INT_VAL(cp), &mapped);
        if (found < 0) return false;
        if (found == 0) mapped = EMPTY_VAL;
    } else {
        mapped = vm_getitem(vm, table, INT_VAL(cp));
        if (IS_EMPTY(mapped)) {
            if (!vm_exception_matches(vm, vm->types.LookupError)) return false;
            vm_take_exception(vm);
        }
    }
    if (IS_EMPTY(mapped)) {
        strbuf_append(out, bytes, (size_t)size);  /* not in the table: unchanged */
    } else if (IS_STR(mapped)) {
        strbuf_append(out, AS_STR(mapped)->chars, (size_t)AS_STR(mapped)->length);
    } else if (IS_INT(mapped)) {
        if (AS_INT(mapped) < 0 || AS_INT(mapped) > 0x10FFFF) {
            vm_raise(vm, vm->types.ValueError, "character mapping must be in range(0x110000)");
            return false;
        }
        strbuf_append_codepoint(out, (uint32_t)AS_INT(mapped));
    } else if (!IS_NONE(mapped)) {
        vm_raise(vm, vm->types.TypeError, "character mapping must return integer, None or str");
        return false;
    }
    return true;
}

static Value str_translate(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "str.translate", argc, kwnames)) return EMPTY_VAL;
    ObjStr *s = AS_STR(args[0]);
    StrBuf out;
    strbuf_init(&out);
    for (int64_t i = 0; i < s->length;) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        if (!translate_char(vm, args[1], cp, s->chars + i, size, &out)) {
            strbuf_free(&out);
            return EMPTY_VAL;
        }
        i += size;
    }
    return OBJ_VAL(strbuf_finish(vm, &out));
}

/* ------------------------------------------------------------- the class */

/* str(), str(object), str(object=x); a second argument would mean decoding bytes. */
static Value str_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"object", "encoding", "errors"};
    if (argc - vm_kwcount(kwnames) > 4) {
        return vm_raise(vm, vm->types.TypeError, "str() takes at most 3 arguments (%d given)",
                        argc - 1);
    }
    Value given[3];
    if (!vm_parse_args(vm, "str", argc - 1, args + 1, kwnames, 3, params, 3, 0, given)) {
        return EMPTY_VAL;
    }
    if (!IS_EMPTY(given[1]) || !IS_EMPTY(given[2])) {
        if (IS_EMPTY(given[0])) return OBJ_VAL(str_new(vm, "", 0));
        for (int i = 1; i < 3; i++)
            if (!IS_EMPTY(given[i]) && !IS_STR(given[i]))
                return vm_raise(vm, vm->types.TypeError, "str() argument '%s' must be str, not %s", params[i],
                                vm_type_name(vm, given[i]));
        if (IS_BYTES(given[0]))
            return bytes_decode(vm, AS_BYTES(given[0]), IS_EMPTY(given[1]) ? NULL : AS_STR(given[1]),
                                IS_EMPTY(given[2]) ? NULL : AS_STR(given[2]));
        if (IS_STR(given[0])) return vm_raise(vm, vm->types.TypeError, "decoding str is not supported");
        return vm_raise(vm, vm->types.TypeError, "decoding to str: need a bytes-like object, %s found",
                        vm_type_name(vm, given[0]));
    }
    if (IS_EMPTY(given[0])) return OBJ_VAL(str_new(vm, "", 0));
    return vm_str(vm, given[0]);
}

/* s.encode(encoding='utf-8', errors='strict'): the codecs are bytes.c's. */
static Value str_encode(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"encoding", "errors"};
    Value given[2];
    if (!vm_parse_args(vm, "encode", argc - 1, args + 1, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    for (int i = 0; i < 2; i++)
        if (!IS_EMPTY(given[i]) && !IS_STR(given[i]))
            return vm_raise(vm, vm->types.TypeError, "encode() argument '%s' must be str, not %s", params[i],
                            vm_type_name(vm, given[i]));
    return bytes_encode_str(vm, AS_STR(args[0]), IS_EMPTY(given[0]) ? NULL : AS_STR(given[0]),
                            IS_EMPTY(given[1]) ? NULL : AS_STR(given[1]));
}

static Value str_format_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return str_format_call(vm, AS_STR(args[0]), argc - 1, args + 1, kwnames);
}

static Value str_format_map_native(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "str.format_map", argc, kwnames)) return EMPTY_VAL;
    return str_format_map(vm, AS_STR(args[0]), args[1]);
}

void str_init_class(VM *vm, ObjClass *cls) {
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"find", str_find}, {"rfind", str_rfind}, {"index", str_index}, {"rindex", str_rindex},
        {"count", str_count}, {"startswith", str_startswith}, {"endswith", str_endswith},
        {"split", str_split}, {"rsplit", str_rsplit}, {"splitlines", str_splitlines},
        {"join", str_join_method}, {"replace", str_replace}, {"strip", str_strip},
        {"lstrip", str_lstrip}, {"rstrip", str_rstrip}, {"partition", str_partition},
        {"rpartition", str_rpartition}, {"removeprefix", str_removeprefix},
        {"removesuffix", str_removesuffix}, {"format", str_format_native},
        {"format_map", str_format_map_native}, {"translate", str_translate},
        {"encode", str_encode},
    };
    cls->construct = str_construct;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    }
    /* No owner: called on the class, its first argument is not a str. */
    vm_define_native(vm, cls->dict, "maketrans", str_maketrans, NULL);
    str_case_init(vm, cls);
}
