/* containers.h — what the string and container modules (str*.c, strbuf.c,
 * tuple.c, list.c, dict.c, set.c, range.c) share with each other and with the
 * VM beyond object.h: UTF-8 helpers, the interned-string lookup and its weak
 * sweep, the sequence/set operations ops.c dispatches to, the built-in
 * iterators of these types, dict views, and argument checks worded as CPython. */
#ifndef HANDOFF_CONTAINERS_H
#define HANDOFF_CONTAINERS_H

#include "ast.h"
#include "opcodes.h"
#include "vm.h"

/* ------------------------------------------------------------ UTF-8, str */

/* Decodes the code point at `p` (valid UTF-8) and stores its byte size. */
uint32_t utf8_decode(const char *p, int *size);
/* Byte offset of code point `index` (0 <= index <= cp_count): O(1) for ASCII. */
int64_t str_byte_offset(const ObjStr *s, int64_t index);
/* Code point index of byte offset `offset` (a code point boundary). */
int64_t str_cp_index(const ObjStr *s, int64_t offset);
/* s[start:end] by code point (0 <= start <= end <= cp_count). */
ObjStr *str_substring(VM *vm, ObjStr *s, int64_t start, int64_t end);
/* A one-character str: chr(cp). cp must be <= 0x10FFFF. */
ObjStr *str_from_codepoint(VM *vm, uint32_t cp);
/* Byte offset of the first `needle` in `haystack`, or -1. */
int64_t bytes_find(const char *haystack, int64_t haystack_length,
                   const char *needle, int64_t needle_length);
/* Is the code point shown as itself by repr()? (CPython 3.11's str.isprintable) */
bool unicode_is_printable(uint32_t cp);
/* sep.join(iterable) (the str method), usable by the VM for f-strings. */
Value str_join(VM *vm, ObjStr *sep, Value iterable);
/* The str.format method's work: fmt.format(*args, **kwargs); kwargs may be NULL. */
Value str_format_method(VM *vm, ObjStr *fmt, int argc, Value *args, ObjDict *kwargs);
/* iter(s): "str_ascii_iterator" / "str_iterator", yields one-character strs. */
Value str_iter_new(VM *vm, ObjStr *s);
/* int(s) helpers are in int.c; float(s) in float.c. str(x) is vm_str. */

/* ------------------------------------------------- interning and the GC */

/* The str key of `dict` equal to these bytes, or NULL: str_intern's lookup,
 * which allocates nothing when the string is already interned. */
ObjStr *dict_find_str(ObjDict *dict, const char *chars, size_t length, uint64_t hash);
/* vm->interned is weak: after marking, the GC calls this to drop every entry
 * whose key string is unmarked, before sweeping frees those strings. */
void dict_remove_unmarked_str_keys(ObjDict *dict);
/* The entries[] index holding str key `key`, or -1 (for the VM's global cache). */
int64_t dict_find_str_index(ObjDict *dict, ObjStr *key);

/* ----------------------------------------------------- tuple and list */

Value tuple_concat(VM *vm, ObjTuple *a, ObjTuple *b);
Value tuple_repeat(VM *vm, ObjTuple *t, int64_t times);
/* hash(t): CPython 3.11's xxHash-based tuple hash; false if an item is unhashable. */
bool tuple_hash(VM *vm, ObjTuple *t, uint64_t *out);
Value list_concat(VM *vm, ObjList *a, ObjList *b);
Value list_repeat(VM *vm, ObjList *list, int64_t times);
bool list_inplace_repeat(VM *vm, ObjList *list, int64_t times);  /* l *= n */
ObjList *list_copy(VM *vm, ObjList *list);
/* Lexicographic comparison of two item arrays for tuple/list <, <=, ==, ...
 * (op is CMP_EQ..CMP_GE); items are compared with == first, as CPython does
 * (identity counts as equal). 1 true, 0 false, -1 exception. */
int seq_compare(VM *vm, Value *a, int64_t na, Value *b, int64_t nb, int op);
/* `item in seq` over an item array: 1, 0, -1 exception. */
int seq_contains(VM *vm, Value *items, int64_t count, Value item);
/* The int index of a subscript (int or bool) resolved against `length`
 * (negative counts from the end). Raises IndexError "<what> index out of range",
 * or TypeError when `index` is not an int. */
bool seq_resolve_index(VM *vm, Value index, int64_t length, const char *what, int64_t *out);
/* Iterators: "tuple_iterator", "list_iterator", "list_reverseiterator". */
Value tuple_iter_new(VM *vm, ObjTuple *t);
Value list_iter_new(VM *vm, ObjList *list);
Value list_reverse_iter_new(VM *vm, ObjList *list);

/* --------------------------------------------------------------- dict */

/* Dict views. d.keys()/values()/items() return an ObjIterator whose
 * type_name is "dict_keys", "dict_values" or "dict_items" and whose source is
 * the dict. They are NOT iterators: their `next` raises TypeError
 * "'dict_keys' object is not an iterator". ops.c should, when dict_is_view(v):
 * repr -> dict_view_repr, len -> dict_view_len, iter -> dict_view_iter,
 * `in` -> dict_view_contains, == -> dict_view_equal, and type(v) -> a class
 * named after type_name (vm->iterator_classes). */
typedef enum { DICT_KEYS, DICT_VALUES, DICT_ITEMS } DictViewKind;
Value dict_view_new(VM *vm, ObjDict *dict, DictViewKind kind);
bool dict_is_view(Value v);
Value dict_view_repr(VM *vm, ObjIterator *view);
int64_t dict_view_len(ObjIterator *view);
Value dict_view_iter(VM *vm, ObjIterator *view);
int dict_view_contains(VM *vm, ObjIterator *view, Value item);    /* 1, 0, -1 */
int dict_view_equal(VM *vm, ObjIterator *view, Value other);      /* keys/items vs set-like */
/* iter(d) and the views' iterators: "dict_keyiterator", "dict_valueiterator",
 * "dict_itemiterator"; RuntimeError "dictionary changed size during iteration". */
Value dict_iter_new(VM *vm, ObjDict *dict, DictViewKind kind);
ObjDict *dict_copy(VM *vm, ObjDict *dict);
int dict_equal(VM *vm, ObjDict *a, ObjDict *b);                   /* 1, 0, -1 */
/* d | other and d |= other (other must be a dict; else EMPTY, no exception). */
Value dict_merge_op(VM *vm, ObjDict *dict, Value other, bool in_place);
/* d[key] as the VM's subscript: raises KeyError(key) when missing. */
Value dict_getitem(VM *vm, ObjDict *dict, Value key);
/* Raises KeyError with `key` as its only argument (as CPython does). */
void dict_raise_key_error(VM *vm, Value key);

/* ---------------------------------------------------------------- set */

/* a | b, a & b, a - b, a ^ b for set/frozenset operands (op is OPR_BITOR,
 * OPR_BITAND, OPR_SUB or OPR_BITXOR, plus OPR_INPLACE_BASE for |= &= -= ^=,
 * which update a mutable `a` in place and return it). The result's type is
 * the left operand's, as CPython. When either operand is a keys() or items()
 * view, the other may be any iterable and the result is a new set (CPython's
 * dictviews_or ...). Returns EMPTY with no exception when the operands do not
 * apply (the VM then raises its TypeError). */
Value set_binary_op(VM *vm, int op, Value a, Value b);
/* a == b, a < b (proper subset), <=, >, >=, != for two sets: 1, 0, -1. */
int set_compare(VM *vm, int cmp_op, ObjSet *a, ObjSet *b);
/* hash(frozenset): CPython's algorithm. */
bool set_hash(VM *vm, ObjSet *set, uint64_t *out);
ObjSet *set_copy(VM *vm, ObjSet *set, bool frozen);
bool set_update(VM *vm, ObjSet *set, Value iterable);             /* false on exception */
Value set_iter_new(VM *vm, ObjSet *set);                          /* "set_iterator" */

/* -------------------------------------------------------------- bytes */

Value bytes_getitem(VM *vm, ObjBytes *b, Value index);            /* int or slice */
Value bytes_concat(VM *vm, ObjBytes *a, ObjBytes *b);
Value bytes_repeat(VM *vm, ObjBytes *b, int64_t times);
int bytes_compare(const ObjBytes *a, const ObjBytes *b);          /* <0, 0, >0 */
bool bytes_equal(const ObjBytes *a, const ObjBytes *b);
int bytes_contains(VM *vm, ObjBytes *b, Value item);              /* int or bytes: 1, 0, -1 */
Value bytes_iter_new(VM *vm, ObjBytes *b);                        /* "bytes_iterator" */
/* s.encode(encoding, errors) for str (str_methods.c's method calls it);
 * encoding/errors NULL for the defaults. */
Value bytes_encode_str(VM *vm, ObjStr *s, ObjStr *encoding, ObjStr *errors);
/* b.decode(encoding, errors), also str(b, encoding); NULL for the defaults. */
Value bytes_decode(VM *vm, ObjBytes *b, ObjStr *encoding, ObjStr *errors);

/* ------------------------------------------------------ range and slice */

Value range_getitem(VM *vm, ObjRange *range, Value index);        /* int or slice */
int range_contains(VM *vm, ObjRange *range, Value item);          /* 1, 0, -1 */
bool range_equal(ObjRange *a, ObjRange *b);                       /* same sequence */
uint64_t range_hash(VM *vm, ObjRange *range);
Value range_repr(VM *vm, ObjRange *range);                        /* range(0, 5) */
Value range_iter_new(VM *vm, ObjRange *range);                    /* "range_iterator" */
Value slice_repr(VM *vm, ObjSlice *slice);                        /* slice(1, 2, None) */
void slice_init_class(VM *vm, ObjClass *cls);                     /* slice(...) constructor */

/* -------------------------------------------------- repr of containers */

/* Guards list/dict/set repr against cycles ("[[...]]") and runaway depth:
 * 1 entered (call repr_leave after), 0 already being shown, -1 RecursionError raised. */
int repr_enter(VM *vm, Obj *container);
void repr_leave(Obj *container);
/* Appends repr(v) to buf (fast paths for str, int, None, bool); false on exception. */
bool value_repr_into(VM *vm, StrBuf *buf, Value v);

/* ------------------------------------ method arguments worded as CPython */

/* "list.clear() takes no arguments (1 given)"; argc counts self. */
bool args_none(VM *vm, const char *qualname, int argc, ObjTuple *kwnames);
/* "list.append() takes exactly one argument (2 given)". */
bool args_one(VM *vm, const char *qualname, int argc, ObjTuple *kwnames);
/* "pop expected at most 1 argument, got 2" (positional only; counts exclude self). */
bool args_range(VM *vm, const char *name, const char *qualname, int argc, ObjTuple *kwnames,
                int min, int max);
/* MemoryError for a size past any memory ([0] * 2**62), as CPython. */
void seq_raise_memory_error(VM *vm);
/* An int argument (int or bool) to int64, with CPython's TypeError
 * "'float' object cannot be interpreted as an integer". */
bool arg_int64(VM *vm, Value v, int64_t *out);

#endif
