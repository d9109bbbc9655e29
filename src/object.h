/* object.h — every heap object handoff's VM knows, and the functions each
 * runtime module (int.c, float.c, str.c, list.c, tuple.c, dict.c, set.c, ...)
 * provides. All objects are allocated through memory.c and found by the GC
 * through vm->objects; a module never frees an object itself. */
#ifndef HANDOFF_OBJECT_H
#define HANDOFF_OBJECT_H

#include <gmp.h>

#include "value.h"

typedef enum {
    OBJ_STR,
    OBJ_BIGINT,
    OBJ_TUPLE,
    OBJ_LIST,
    OBJ_DICT,
    OBJ_SET,          /* set and frozenset (ObjSet.frozen) */
    OBJ_RANGE,
    OBJ_SLICE,
    OBJ_CODE,
    OBJ_FUNCTION,
    OBJ_CELL,
    OBJ_NATIVE,       /* a built-in function or method implemented in C */
    OBJ_BOUND_METHOD,
    OBJ_CLASS,
    OBJ_INSTANCE,
    OBJ_EXCEPTION,
    OBJ_MODULE,
    OBJ_GENERATOR,    /* generator, coroutine and async generator */
    OBJ_ITERATOR,     /* built-in iterators: list_iterator, enumerate, zip, map, ... */
    OBJ_NATIVE_DATA,  /* objects of upper layers (asyncio Task, Future, ...) */
    OBJ_BYTES,        /* immutable bytes (bytes.c) */
} ObjType;

struct Obj {
    uint8_t type;      /* an ObjType */
    bool marked;       /* GC mark bit */
    /* Set while the object's only reference is the stack of the `await` running
     * it (and its task's delegate): a native marked returns_fresh made it and the
     * next instruction awaited it. That await may recycle it (vm.h, spare_awaitable). */
    bool await_only;
    uint32_t size;     /* ObjNativeData: the whole struct's size, for accounting (else 0) */
    struct Obj *next;  /* all objects, newest first (vm->objects) */
};

typedef struct ObjClass ObjClass;
typedef struct ObjStr ObjStr;
typedef struct ObjTuple ObjTuple;
typedef struct ObjDict ObjDict;

#define OBJ_TYPE(v) (AS_OBJ(v)->type)
static inline bool is_obj_type(Value v, ObjType t) { return IS_OBJ(v) && AS_OBJ(v)->type == t; }
#define IS_STR(v) is_obj_type(v, OBJ_STR)
#define IS_BIGINT(v) is_obj_type(v, OBJ_BIGINT)
#define IS_TUPLE(v) is_obj_type(v, OBJ_TUPLE)
#define IS_LIST(v) is_obj_type(v, OBJ_LIST)
#define IS_DICT(v) is_obj_type(v, OBJ_DICT)
#define IS_SET(v) is_obj_type(v, OBJ_SET)
#define IS_RANGE(v) is_obj_type(v, OBJ_RANGE)
#define IS_SLICE(v) is_obj_type(v, OBJ_SLICE)
#define IS_CODE(v) is_obj_type(v, OBJ_CODE)
#define IS_FUNCTION(v) is_obj_type(v, OBJ_FUNCTION)
#define IS_CELL(v) is_obj_type(v, OBJ_CELL)
#define IS_NATIVE(v) is_obj_type(v, OBJ_NATIVE)
#define IS_BOUND_METHOD(v) is_obj_type(v, OBJ_BOUND_METHOD)
#define IS_CLASS(v) is_obj_type(v, OBJ_CLASS)
#define IS_INSTANCE(v) is_obj_type(v, OBJ_INSTANCE)
#define IS_EXCEPTION(v) is_obj_type(v, OBJ_EXCEPTION)
#define IS_MODULE(v) is_obj_type(v, OBJ_MODULE)
#define IS_GENERATOR(v) is_obj_type(v, OBJ_GENERATOR)
#define IS_ITERATOR(v) is_obj_type(v, OBJ_ITERATOR)
#define IS_NATIVE_DATA(v) is_obj_type(v, OBJ_NATIVE_DATA)
#define IS_BYTES(v) is_obj_type(v, OBJ_BYTES)

#define AS_STR(v) ((ObjStr *)AS_OBJ(v))
#define AS_BIGINT(v) ((ObjBigInt *)AS_OBJ(v))
#define AS_TUPLE(v) ((ObjTuple *)AS_OBJ(v))
#define AS_LIST(v) ((ObjList *)AS_OBJ(v))
#define AS_DICT(v) ((ObjDict *)AS_OBJ(v))
#define AS_SET(v) ((ObjSet *)AS_OBJ(v))
#define AS_RANGE(v) ((ObjRange *)AS_OBJ(v))
#define AS_SLICE(v) ((ObjSlice *)AS_OBJ(v))
#define AS_CODE(v) ((ObjCode *)AS_OBJ(v))
#define AS_FUNCTION(v) ((ObjFunction *)AS_OBJ(v))
#define AS_CELL(v) ((ObjCell *)AS_OBJ(v))
#define AS_NATIVE(v) ((ObjNative *)AS_OBJ(v))
#define AS_BOUND_METHOD(v) ((ObjBoundMethod *)AS_OBJ(v))
#define AS_CLASS(v) ((ObjClass *)AS_OBJ(v))
#define AS_INSTANCE(v) ((ObjInstance *)AS_OBJ(v))
#define AS_EXCEPTION(v) ((ObjException *)AS_OBJ(v))
#define AS_MODULE(v) ((ObjModule *)AS_OBJ(v))
#define AS_GENERATOR(v) ((ObjGenerator *)AS_OBJ(v))
#define AS_ITERATOR(v) ((ObjIterator *)AS_OBJ(v))
#define AS_NATIVE_DATA(v) ((ObjNativeData *)AS_OBJ(v))
#define AS_BYTES(v) ((ObjBytes *)AS_OBJ(v))

/* ------------------------------------------------------------------ str.c */

/* An immutable UTF-8 string. `length` counts bytes, `cp_count` code points;
 * `is_ascii` makes indexing O(1) (otherwise indexing walks the bytes). */
struct ObjStr {
    Obj obj;
    int64_t length;
    int64_t cp_count;
    uint64_t hash;     /* computed at creation */
    bool is_ascii;
    bool interned;     /* lives in vm->interned; identity-comparable with other interned */
    char chars[];      /* length bytes plus a terminating NUL */
};

/* Creation (memory.c/str.c): the bytes must be valid UTF-8 (callers validate input). */
ObjStr *str_new(VM *vm, const char *chars, size_t length);
ObjStr *str_from_cstr(VM *vm, const char *cstr);
ObjStr *str_intern(VM *vm, const char *chars, size_t length);
ObjStr *str_intern_cstr(VM *vm, const char *cstr);
ObjStr *str_printf(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
uint64_t str_hash_bytes(const char *chars, size_t length);
bool str_equal(const ObjStr *a, const ObjStr *b);
bool utf8_valid(const char *chars, size_t length);

/* A growable byte buffer for building strings (malloc-based, not GC'd). */
typedef struct {
    char *data;
    size_t length, capacity;
} StrBuf;
void strbuf_init(StrBuf *buf);
void strbuf_append(StrBuf *buf, const char *chars, size_t length);
void strbuf_append_cstr(StrBuf *buf, const char *cstr);
void strbuf_append_char(StrBuf *buf, char c);
void strbuf_append_codepoint(StrBuf *buf, uint32_t cp); /* UTF-8 encodes */
void strbuf_appendf(StrBuf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
ObjStr *strbuf_finish(VM *vm, StrBuf *buf);              /* makes a str and frees the buffer */
void strbuf_free(StrBuf *buf);

/* str methods, repr, indexing, slicing, concatenation, comparison (str.c) */
Value str_repr(VM *vm, ObjStr *s);                     /* 'it\'s' as CPython: quotes, escapes */
void str_repr_into(StrBuf *buf, ObjStr *s);
Value str_getitem(VM *vm, ObjStr *s, Value index);     /* int index or slice */
Value str_concat(VM *vm, ObjStr *a, ObjStr *b);
Value str_repeat(VM *vm, ObjStr *s, int64_t times);
int str_compare(const ObjStr *a, const ObjStr *b);      /* <0, 0, >0 by code point */
bool str_contains(ObjStr *haystack, ObjStr *needle);
Value str_mod_format(VM *vm, ObjStr *fmt, Value args);  /* the % operator */
/* format(value, spec) for a str value (the str part of the format mini-language). */
Value str_format_spec(VM *vm, ObjStr *s, ObjStr *spec);
void str_init_class(VM *vm, ObjClass *cls);             /* adds str's methods; sets constructor */

/* -------------------------------------------------------------- bytes.c */

/* An immutable byte string; `hash` is str_hash_bytes of the data, so b'a'
 * and 'a' hash alike, as in CPython. */
typedef struct {
    Obj obj;
    int64_t length;
    uint64_t hash;
    unsigned char data[]; /* length bytes plus a terminating NUL */
} ObjBytes;

ObjBytes *bytes_new(VM *vm, const void *data, size_t length);
Value bytes_repr(VM *vm, ObjBytes *b);                   /* b'it\'s' as CPython */
void bytes_init_class(VM *vm, ObjClass *cls);           /* adds bytes' methods; sets constructor */

/* --------------------------------------------------------------- int.c */

/* An int outside int64. Invariant: never holds a value that fits int64. */
typedef struct {
    Obj obj;
    mpz_t value;
} ObjBigInt;

/* ------------------------------------------------------------ tuple.c/list.c */

struct ObjTuple {
    Obj obj;
    int64_t count;
    Value items[];
};

typedef struct {
    Obj obj;
    int64_t count, capacity;
    Value *items;
} ObjList;

ObjTuple *tuple_new(VM *vm, int64_t count);              /* items set to NONE_VAL */
ObjTuple *tuple_from_values(VM *vm, int64_t count, const Value *items);
Value tuple_repr(VM *vm, ObjTuple *t);
Value tuple_getitem(VM *vm, ObjTuple *t, Value index);
void tuple_init_class(VM *vm, ObjClass *cls);

ObjList *list_new(VM *vm, int64_t capacity);              /* count 0 */
void list_append(VM *vm, ObjList *list, Value value);
bool list_extend(VM *vm, ObjList *list, Value iterable); /* false on exception */
Value list_repr(VM *vm, ObjList *list);
Value list_getitem(VM *vm, ObjList *list, Value index);
bool list_setitem(VM *vm, ObjList *list, Value index, Value value);
bool list_delitem(VM *vm, ObjList *list, Value index);
/* Stable sort in place with optional key (EMPTY for none); false on exception. */
bool list_sort(VM *vm, ObjList *list, Value key, bool reverse);
void list_init_class(VM *vm, ObjClass *cls);

/* --------------------------------------------------------------- dict.c */

/* An insertion-ordered hash table, laid out as CPython's compact dict:
 * `entries` in insertion order (deleted ones have key EMPTY), and `indices`,
 * an open-addressed table of int32 positions into entries (-1 empty, -2 deleted). */
typedef struct {
    Value key;    /* EMPTY for a deleted entry */
    Value value;
    uint64_t hash;
} DictEntry;

struct ObjDict {
    Obj obj;
    int64_t count;           /* live entries */
    int64_t used;            /* entries[0..used) are in use, deleted included */
    int64_t entry_capacity;
    DictEntry *entries;
    int64_t index_capacity;  /* power of two, or 0 before the first insert */
    int32_t *indices;
    /* Changes whenever a key is added or removed or entries move (never when a
     * value is replaced); drawn from one process-wide counter, so no two dicts
     * share a version. The VM's global-name cache relies on it. */
    uint64_t keys_version;
};

/* A new keys_version (dict.c). */
uint64_t dict_next_version(void);

ObjDict *dict_new(VM *vm);
int dict_get(VM *vm, ObjDict *dict, Value key, Value *out);   /* 1 found, 0 missing, -1 exception */
bool dict_set(VM *vm, ObjDict *dict, Value key, Value value); /* false on exception */
int dict_delete(VM *vm, ObjDict *dict, Value key);            /* 1 deleted, 0 missing, -1 exception */
/* Fast paths for str keys (globals, attributes, kwargs); they cannot fail. */
Value dict_get_str(ObjDict *dict, ObjStr *key);               /* EMPTY when missing */
void dict_set_str(VM *vm, ObjDict *dict, ObjStr *key, Value value);
bool dict_delete_str(VM *vm, ObjDict *dict, ObjStr *key);     /* true if it was there */
/* Iterate: `for (int64_t i = 0; dict_next(d, &i, &k, &v);)` visits live entries in order. */
bool dict_next(ObjDict *dict, int64_t *position, Value *key, Value *value);
bool dict_update(VM *vm, ObjDict *dict, Value other);         /* dict or iterable of pairs */
Value dict_repr(VM *vm, ObjDict *dict);
void dict_init_class(VM *vm, ObjClass *cls);

/* ---------------------------------------------------------------- set.c */

/* set / frozenset: the table follows CPython 3.11's setobject.c exactly (size 8
 * to start, linear probes then perturbation, the same resize rule), so a set of
 * ints iterates and prints in the same order as CPython's. */
typedef struct {
    Value key;       /* EMPTY: never used; deleted slots have `dummy` set */
    uint64_t hash;
    bool dummy;
} SetEntry;

typedef struct {
    Obj obj;
    int64_t fill;     /* active + dummy */
    int64_t used;     /* active */
    int64_t mask;     /* table size - 1 */
    SetEntry *table;
    bool frozen;
    int64_t finger;   /* pop() search finger, as CPython */
} ObjSet;

ObjSet *set_new(VM *vm, bool frozen);
int set_contains(VM *vm, ObjSet *set, Value key);  /* 1, 0, -1 exception */
bool set_add(VM *vm, ObjSet *set, Value key);       /* false on exception */
int set_discard(VM *vm, ObjSet *set, Value key);   /* 1 removed, 0 missing, -1 exception */
bool set_next(ObjSet *set, int64_t *position, Value *key);
Value set_repr(VM *vm, ObjSet *set);
void set_init_class(VM *vm, ObjClass *cls, bool frozen);

/* ------------------------------------------------------- range.c, slices */

typedef struct {
    Obj obj;
    int64_t start, stop, step;  /* handoff's ranges are bounded by int64 */
    int64_t length;
} ObjRange;

typedef struct {
    Obj obj;
    Value start, stop, step;    /* NONE_VAL where omitted */
} ObjSlice;

ObjRange *range_new(VM *vm, int64_t start, int64_t stop, int64_t step);
ObjSlice *slice_new(VM *vm, Value start, Value stop, Value step);
/* Resolve a slice against a sequence length as PySlice_GetIndicesEx; false on TypeError/ValueError. */
bool slice_indices(VM *vm, ObjSlice *slice, int64_t length,
                   int64_t *start, int64_t *stop, int64_t *step, int64_t *slice_length);
void range_init_class(VM *vm, ObjClass *cls);

/* ------------------------------------------------------ code and functions */

enum {
    CODE_VARARGS = 1 << 0,      /* has *args */
    CODE_VARKEYWORDS = 1 << 1,  /* has **kwargs */
    CODE_GENERATOR = 1 << 2,    /* def with yield */
    CODE_COROUTINE = 1 << 3,    /* async def without yield */
    CODE_ASYNC_GENERATOR = 1 << 4, /* async def with yield */
    CODE_MODULE = 1 << 5,       /* module-level code */
    CODE_HAS_DOCSTRING = 1 << 6, /* constants[0] is the docstring (functions, modules) */
};

/* Compiled bytecode of one function, lambda, comprehension or module.
 * Frame slots: [0, nlocals) are locals (parameters first, in the order
 * posonly, args, kwonly, *args, **kwargs), then ncells cell variables and
 * nfree free variables (each slot holds an ObjCell), then the value stack. */
typedef struct {
    Obj obj;
    ObjStr *name;           /* "f", "<lambda>", "<listcomp>", "<module>" */
    ObjStr *qualname;       /* "outer.<locals>.f" */
    ObjStr *filename;
    int argcount;           /* positional parameters incl. posonly */
    int posonlyargcount;
    int kwonlyargcount;
    int nlocals;
    int ncells;
    int nfree;
    int flags;              /* CODE_* */
    int max_stack;          /* deepest value stack this code needs */
    int firstline;
    uint8_t *code;          /* bytecode (opcodes.h) */
    int code_length;
    int *lines;             /* source line of each byte of code (parallel array) */
    ValueArray constants;   /* ints, floats, strs, tuples of kwnames, nested ObjCode */
    ObjStr **names;         /* global/attribute/import names, interned */
    int name_count;
    ObjStr **localnames;    /* nlocals names, interned */
    ObjStr **cellnames;     /* ncells names */
    ObjStr **freenames;     /* nfree names */
    /* For each cell: the index of the parameter it captures, or -1.
     * At frame entry the VM moves that argument's value into the new cell. */
    int *cell2arg;
    /* LOAD_GLOBAL's cache, one entry per name (NULL until first used): where the
     * name was found, valid while the dicts' keys_version are unchanged. */
    struct GlobalCacheEntry *global_cache;
    /* LOAD_ATTR/LOAD_METHOD's cache for a module's attributes (`asyncio.sleep`),
     * one entry per name (NULL until first used). */
    struct AttrCacheEntry *attr_cache;
} ObjCode;

typedef struct GlobalCacheEntry {
    uint64_t globals_version;   /* 0: empty entry */
    uint64_t builtins_version;  /* for names found in builtins */
    int64_t index;              /* entries[index] of the dict where it was found */
    bool in_builtins;
} GlobalCacheEntry;

typedef struct AttrCacheEntry {
    uint64_t keys_version;      /* the module dict's keys_version when found; 0: empty */
    int64_t index;              /* entries[index] of that dict */
} AttrCacheEntry;

typedef struct {
    Obj obj;
    ObjCode *code;
    ObjDict *globals;
    ObjTuple *defaults;     /* NULL, or the defaults of the last positional params */
    ObjDict *kwdefaults;    /* NULL, or kw-only name -> default */
    ObjTuple *closure;      /* NULL, or nfree ObjCells */
    ObjStr *name;
    ObjStr *qualname;
    ObjDict *dict;          /* function attributes (NULL until one is set) */
    Value doc;              /* docstring or NONE */
} ObjFunction;

typedef struct {
    Obj obj;
    Value value;            /* EMPTY while unbound */
} ObjCell;

/* A native (C) function: args[0..argc) positional then keyword values; the names
 * of the last kwnames->count arguments are in kwnames (NULL when none), like
 * CPython's vectorcall. For methods args[0] is self. Returns EMPTY_VAL after
 * raising (vm_raise...). Must not keep args beyond the call. */
typedef Value (*NativeFn)(VM *vm, int argc, Value *args, ObjTuple *kwnames);

typedef struct {
    Obj obj;
    NativeFn fn;
    ObjStr *name;
    ObjClass *owner;        /* the class for methods (for messages), or NULL */
    Value data;             /* private data for the C function (e.g. partial), or NONE */
    /* The function returns a new object it keeps no reference to (asyncio.sleep):
     * `await f(...)` may then recycle that object when the await ends. */
    bool returns_fresh;
} ObjNative;

typedef struct {
    Obj obj;
    Value self;
    Value callable;         /* function or native */
} ObjBoundMethod;

ObjCode *code_new(VM *vm);
ObjFunction *function_new(VM *vm, ObjCode *code, ObjDict *globals);
ObjCell *cell_new(VM *vm, Value value);
ObjNative *native_new(VM *vm, const char *name, NativeFn fn, ObjClass *owner);
ObjBoundMethod *bound_method_new(VM *vm, Value self, Value callable);

/* ------------------------------------------------------ classes, instances */

/* Built-in and (issue 3) user classes. Calling a class calls `construct`
 * (args[0] is the class itself) when set; otherwise makes an instance. */
struct ObjClass {
    Obj obj;
    ObjStr *name;
    ObjClass *base;         /* single inheritance; NULL only for `object` */
    ObjDict *dict;          /* methods and class attributes */
    ObjType instance_type;  /* what its instances are: OBJ_INSTANCE, OBJ_EXCEPTION, OBJ_LIST, ... */
    NativeFn construct;     /* built-in constructor, or NULL */
    bool is_builtin;
    /* Caches of what the class or a base defines (class.c's class_refresh_flags):
     * they spare attribute access a walk up the bases on every lookup. */
    bool has_properties;    /* a property somewhere: it wins over the instance dict */
    bool has_getattr;       /* __getattr__, called when lookup fails */
    bool has_setattr;       /* __setattr__ defined in Python */
    /* A second class that subclass checks also accept, never searched for
     * attributes: ExceptionGroup is both a BaseExceptionGroup and an Exception.
     * Only ever a built-in class (kept alive as a root), so the GC need not mark it. */
    ObjClass *also_base;
};

typedef struct {
    Obj obj;
    ObjClass *cls;
    ObjDict *dict;
} ObjInstance;

ObjClass *class_new(VM *vm, ObjStr *name, ObjClass *base, ObjType instance_type);
ObjInstance *instance_new(VM *vm, ObjClass *cls);
bool class_is_subclass(const ObjClass *cls, const ObjClass *base);
/* Looks `name` up through cls and its bases; EMPTY when missing. Answers are
 * cached (object.c): whoever changes a class dict once the class is in use
 * must call class_invalidate_lookups() (vm_setattr/vm_delattr on classes do). */
Value class_lookup(ObjClass *cls, ObjStr *name);
void class_invalidate_lookups(void);

/* ------------------------------------------------------------- exceptions */

typedef struct {
    ObjCode *code;
    int line;
} TracebackEntry;

typedef struct {
    Obj obj;
    ObjClass *cls;
    ObjTuple *args;
    Value cause;            /* __cause__ (raise ... from X) or NONE */
    Value context;          /* __context__ (implicit chaining) or NONE */
    bool suppress_context;  /* set by `raise ... from` */
    TracebackEntry *traceback; /* innermost first, as the exception unwinds */
    int traceback_count, traceback_capacity;
    Value value;            /* StopIteration.value / the return value it carries */
    ObjDict *dict;          /* attributes set on it (issue 3), or NULL */
} ObjException;

ObjException *exception_new(VM *vm, ObjClass *cls, ObjTuple *args);
void exception_add_traceback(VM *vm, ObjException *exc, ObjCode *code, int line);
Value exception_str(VM *vm, ObjException *exc);  /* str(e) as CPython */
Value exception_repr(VM *vm, ObjException *exc); /* ValueError('boom') */

/* ----------------------------------------------------------------- modules */

typedef struct {
    Obj obj;
    ObjStr *name;
    ObjDict *dict;
} ObjModule;

ObjModule *module_new(VM *vm, ObjStr *name);

/* ------------------------------------------------------ generators (gen.c) */

typedef struct Fiber Fiber; /* vm.h */

typedef enum { GEN_KIND_GENERATOR, GEN_KIND_COROUTINE, GEN_KIND_ASYNC_GENERATOR } GenKind;
typedef enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED } GenState;

typedef struct {
    Obj obj;
    GenKind kind;
    GenState state;
    ObjFunction *function;
    Fiber *fiber;           /* its own value stack, frames and handlers */
    Value delegate;         /* what it is suspended in `yield from`/`await` on, or EMPTY */
    ObjStr *name, *qualname;
    bool awaited;           /* a coroutine that was ever awaited/sent (for "never awaited") */
    bool running_anext;     /* async generators: an __anext__/asend is in progress */
    bool via_await;         /* handed out by its own __await__() (CPython's coroutine_wrapper):
                             * `yield from` and a user __await__ may return it */
    ObjStr *created_file;   /* where it was created (the caller's file), or NULL: "never awaited" */
    int created_line;
} ObjGenerator;

/* -------------------------------------------------------------- iterators */

typedef struct ObjIterator ObjIterator;
/* 1: *out holds the next value; 0: exhausted; -1: exception raised.
 * On 0 an iterator may store its return value in *out (as a generator's
 * `return x` does): `yield from`/`await` on it then evaluates to that value.
 * Callers that want it set *out to NONE first; others ignore *out on 0. */
typedef int (*IterNextFn)(VM *vm, ObjIterator *it, Value *out);

/* One struct for every built-in iterator kind; each kind uses the fields it needs. */
struct ObjIterator {
    Obj obj;
    const char *type_name;  /* "list_iterator", "enumerate", "zip", ... (type(it).__name__) */
    IterNextFn next;
    Value source;           /* the iterated object (or a tuple of iterators for zip) */
    Value extra;            /* function for map/filter, etc. */
    int64_t index;
    int64_t end;
    int64_t step;
};

ObjIterator *iterator_new(VM *vm, const char *type_name, IterNextFn next, Value source);

/* ------------------------------------------------------ objects of upper layers */

/* How the GC treats an ObjNativeData of one kind (asyncio Task, Future, Queue ...). */
typedef struct {
    const char *name;                          /* for debugging */
    void (*mark)(VM *vm, void *object);        /* mark every Value/Obj it holds */
    void (*free)(VM *vm, void *object);        /* release non-GC memory it owns (may be NULL) */
} NativeDataType;

/* Upper layers embed this as the first member of their object structs. */
typedef struct {
    Obj obj;                /* obj.size: the whole struct's size, for accounting */
    ObjClass *cls;
    const NativeDataType *kind;
} ObjNativeData;

ObjNativeData *native_data_new(VM *vm, ObjClass *cls, const NativeDataType *kind, size_t size);

/* ------------------------------------------------- numbers (int.c, float.c) */

/* Normalizes: returns INT_VAL when the mpz fits int64, else a new ObjBigInt. */
Value int_from_mpz(VM *vm, const mpz_t value);
/* Sets `out` (already mpz_init'ed) from an int or bool value. */
void int_to_mpz(Value v, mpz_t out);
/* int(text, base) as CPython parses it (underscores, whitespace, sign, 0x with base 0);
 * raises ValueError "invalid literal for int() with base 10: 'x'". */
Value int_parse(VM *vm, const char *text, size_t length, int base);
Value int_repr(VM *vm, Value v);                          /* decimal text */
bool int_as_int64(VM *vm, Value v, int64_t *out);         /* OverflowError if too big */
Value float_repr(VM *vm, double d);                       /* 0.1, 1e+16, inf, nan, -0.0 */
void float_repr_into(StrBuf *buf, double d);
Value float_parse(VM *vm, const char *text, size_t length); /* float('1e5'), ' inf ' ... */
/* Arithmetic on int/bool/float operands (both numbers): op is a BinaryOperator
 * (ast.h). Raises ZeroDivisionError, OverflowError as CPython. Returns
 * EMPTY_VAL with no exception set when an operand is not a number. */
Value num_binary_op(VM *vm, int op, Value a, Value b);
/* Comparison of two numbers (exact across int, bigint and float, as CPython). */
int num_compare(VM *vm, Value a, Value b);                /* -1, 0, 1; 2 when either is nan */
bool num_equal(Value a, Value b);
uint64_t num_hash(Value v);                               /* CPython's numeric hash */
Value num_negate(VM *vm, Value v);
Value num_invert(VM *vm, Value v);                        /* ~x for ints */
Value num_abs(VM *vm, Value v);
Value num_round(VM *vm, Value v, Value ndigits);          /* round(x[, n]) as CPython; ndigits EMPTY if absent */
Value num_format_spec(VM *vm, Value v, ObjStr *spec);     /* format(number, spec) */
void int_init_class(VM *vm, ObjClass *cls);
void float_init_class(VM *vm, ObjClass *cls);
void bool_init_class(VM *vm, ObjClass *cls);

#endif
