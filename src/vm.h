/* vm.h — the virtual machine: fibers of frames, the dispatch loop, and the C API
 * every runtime module uses (raising, calling, the object protocols).
 * A generator or coroutine owns a Fiber (its own value stack, frames and
 * exception blocks); suspending is saving `ip` and returning from vm_run. */
#ifndef HANDOFF_VM_H
#define HANDOFF_VM_H

#include <signal.h>

#include "object.h"

/* One activation of a Python function. */
typedef struct {
    ObjFunction *function;
    uint8_t *ip;            /* next instruction */
    Value *slots;           /* locals, then cells/free vars, then the value stack */
    int block_base;         /* fiber->blocks index where this frame's blocks start */
    ObjDict *class_ns;      /* namespace of a class body (LOAD_NAME/STORE_NAME), or NULL */
    bool c_boundary;        /* entered from C (vm_call): returning from it leaves vm_run */
    bool returns_self;      /* __init__ run by a class call: returning gives slots[-1], the new instance */
} CallFrame;

/* An exception handler pushed by SETUP_FINALLY. */
typedef struct {
    uint8_t *target;
    int depth;              /* value stack depth (from the frame's stack base) at setup */
} Block;

/* The execution state of the main program or of one generator/coroutine. */
struct Fiber {
    Value *stack;
    Value *stack_top;       /* next free slot */
    int64_t stack_capacity;
    CallFrame *frames;
    int frame_count, frame_capacity;
    Block *blocks;
    int block_count, block_capacity;
    Value handled;          /* the exception being handled (bare `raise`, __context__), or NONE */
    Value pending_throw;    /* set by gen_throw before resuming; EMPTY otherwise */
    struct Fiber *caller;   /* the fiber that resumed this one, while it runs */
    ObjGenerator *owner;    /* NULL for the main fiber */
    bool yielded_from;      /* the last suspension was YIELD_FROM passing a value through */
};

typedef enum { RESUME_YIELD, RESUME_RETURN, RESUME_ERROR } ResumeResult;

/* Special-method names the object protocols look up on user classes, interned
 * once per VM (ops.c). One line per name: NAME, "spelling". */
#define DUNDER_LIST(X)                                                                     \
    X(BOOL, "__bool__") X(LEN, "__len__") X(CONTAINS, "__contains__")                        \
    X(GETITEM, "__getitem__") X(SETITEM, "__setitem__") X(DELITEM, "__delitem__")            \
    X(ITER, "__iter__") X(NEXT, "__next__") X(REPR, "__repr__") X(STR, "__str__")             \
    X(FORMAT, "__format__") X(SETATTR, "__setattr__") X(HASH, "__hash__")                    \
    X(CLASS_GETITEM, "__class_getitem__")                                                   \
    X(EQ, "__eq__") X(NE, "__ne__") X(LT, "__lt__") X(LE, "__le__") X(GT, "__gt__")           \
    X(GE, "__ge__")                                                                          \
    X(ADD, "__add__") X(SUB, "__sub__") X(MUL, "__mul__") X(MATMUL, "__matmul__")            \
    X(TRUEDIV, "__truediv__") X(FLOORDIV, "__floordiv__") X(MOD, "__mod__")                  \
    X(POW, "__pow__") X(LSHIFT, "__lshift__") X(RSHIFT, "__rshift__") X(OR, "__or__")        \
    X(XOR, "__xor__") X(AND, "__and__")                                                      \
    X(RADD, "__radd__") X(RSUB, "__rsub__") X(RMUL, "__rmul__") X(RMATMUL, "__rmatmul__")    \
    X(RTRUEDIV, "__rtruediv__") X(RFLOORDIV, "__rfloordiv__") X(RMOD, "__rmod__")            \
    X(RPOW, "__rpow__") X(RLSHIFT, "__rlshift__") X(RRSHIFT, "__rrshift__")                  \
    X(ROR, "__ror__") X(RXOR, "__rxor__") X(RAND, "__rand__")                                \
    X(IADD, "__iadd__") X(ISUB, "__isub__") X(IMUL, "__imul__") X(IMATMUL, "__imatmul__")    \
    X(ITRUEDIV, "__itruediv__") X(IFLOORDIV, "__ifloordiv__") X(IMOD, "__imod__")            \
    X(IPOW, "__ipow__") X(ILSHIFT, "__ilshift__") X(IRSHIFT, "__irshift__")                  \
    X(IOR, "__ior__") X(IXOR, "__ixor__") X(IAND, "__iand__")                                \
    X(NEG, "__neg__") X(POS, "__pos__") X(INVERT, "__invert__")

typedef enum {
#define DUNDER_ENUM(name, spelling) DUNDER_##name,
    DUNDER_LIST(DUNDER_ENUM)
#undef DUNDER_ENUM
    DUNDER_COUNT
} DunderName;

/* Built-in classes the VM and runtime modules refer to. */
typedef struct {
    ObjClass *object, *type, *none, *bool_, *int_, *float_, *str, *list, *tuple, *dict, *set,
        *frozenset, *range, *slice, *function, *builtin_function, *method, *cell, *code,
        *module, *generator, *coroutine, *async_generator, *ellipsis, *not_implemented;
    ObjClass *bytes; /* bytes.c */
    /* exceptions */
    ObjClass *BaseException, *Exception, *SystemExit, *KeyboardInterrupt, *GeneratorExit,
        *StopIteration, *StopAsyncIteration, *ArithmeticError, *ZeroDivisionError,
        *OverflowError, *AssertionError, *AttributeError, *LookupError, *IndexError, *KeyError,
        *NameError, *UnboundLocalError, *RuntimeError, *RecursionError, *NotImplementedError,
        *TypeError, *ValueError, *UnicodeError, *ImportError, *ModuleNotFoundError, *OSError,
        *TimeoutError, *MemoryError, *SyntaxError, *IndentationError, *TabError,
        *ExceptionGroup, *BaseExceptionGroup, *Warning, *RuntimeWarning, *DeprecationWarning,
        *UserWarning, *BufferError, *EOFError, *ConnectionError, *PermissionError,
        *FileNotFoundError, *CancelledErrorPlaceholder;
} BuiltinClasses;

typedef void (*ModuleInitFn)(VM *vm, ObjModule *module);
typedef struct {
    const char *name;
    ModuleInitFn init;
} ModuleEntry;

/* Upper layers (the asyncio loop) register a function that marks their roots. */
typedef void (*RootMarker)(VM *vm, void *data);

/* Where program output and messages go (the REPL redirects to redraw its prompt). */
typedef void (*WriteHook)(void *data, int stream, const char *bytes, size_t length);

/* Source text kept for tracebacks, by file name. */
typedef struct SourceFile {
    char *filename;
    char *text;
    size_t length;
    struct SourceFile *next;
} SourceFile;

struct VM {
    Fiber *fiber;               /* the running fiber */
    Fiber *main_fiber;
    Value exception;            /* the exception being raised (natives return EMPTY), or EMPTY */

    ObjDict *builtins;          /* the builtins module's dict */
    ObjDict *main_globals;      /* __main__'s dict */
    ObjDict *modules;           /* name -> ObjModule (imported so far) */
    ModuleEntry *module_table;  /* built-in modules that can be imported */
    int module_count, module_capacity;
    BuiltinClasses types;
    ObjDict *interned;          /* interned strings (weak: swept ones are removed) */
    ObjDict *iterator_classes;  /* type_name -> class, made on first type() of an iterator */
    /* The same, found by the type_name's address (iterators' names are static
     * strings): the hot path of type() on an iterator, e.g. every `await sleep()`. */
    struct { const char *type_name; ObjClass *cls; } iterator_class_cache[16];

    /* Interned names the VM uses often. */
    ObjStr *dunder[DUNDER_COUNT]; /* DUNDER_LIST, interned */
    ObjStr *s_new, *s_getattr, *s_delattr; /* set and kept alive by class.c */
    ObjStr *s_init, *s_name, *s_qualname, *s_module, *s_main, *s_doc, *s_enter, *s_exit,
        *s_aenter, *s_aexit, *s_await, *s_aiter, *s_anext, *s_iter, *s_next, *s_call,
        *s_repr, *s_str, *s_args, *s_send, *s_throw, *s_close, *s_dict, *s_class;

    /* Memory and GC */
    Obj *objects;
    size_t bytes_allocated;
    size_t next_gc;
    size_t max_memory;          /* MemoryError past this (0: no cap) */
    bool gc_pending;            /* an allocation asked for a collection at the next safe point */
    bool gc_stress;
    Obj **gray_stack;
    int gray_count, gray_capacity;
    Value *temp_roots;          /* values natives protect while calling back into Python */
    int temp_root_count, temp_root_capacity;
    struct { RootMarker mark; void *data; } root_markers[8];
    int root_marker_count;

    /* Limits and interrupts */
    int depth;                  /* Python frames + generator resumptions in progress */
    int recursion_limit;        /* RecursionError past this (default 1000, as CPython) */
    int c_depth;                /* nested vm_run invocations */
    volatile sig_atomic_t interrupted; /* Ctrl-C arrived: raise KeyboardInterrupt at a safe point */
    int64_t instruction_budget; /* tests only: RuntimeError when it reaches 0; <0 unlimited */
    int64_t max_tasks;          /* asyncio: RuntimeError naming the cap past this many live tasks (--max-tasks) */
    bool seed_given;            /* --seed N: the random module starts from `seed` instead of the OS */
    uint64_t seed;

    /* Clock hooks for the time module (the asyncio loop replaces them). */
    double (*clock_now)(void *data);                 /* seconds, monotonic */
    double (*clock_wall)(void *data);                /* seconds since the epoch */
    void (*clock_sleep)(void *data, double seconds); /* time.sleep: a blocking call */
    void *clock_data;

    WriteHook write;
    void *write_data;
    SourceFile *sources;
    ObjStr *argv0;              /* sys.argv[0] */
    ObjList *argv;              /* sys.argv */
    void *loop;                 /* the asyncio loop of the upper layer, or NULL */
    uintptr_t c_stack_base;     /* the C stack's position when the VM was made */
    size_t c_stack_limit;       /* C recursion (repr, ==, hash of nested data) stops past this */
    Value ellipsis;             /* the Ellipsis singleton (`...`) */
    Value not_implemented;      /* the NotImplemented singleton */
    /* Set by the asyncio loop: called by the GC for a coroutine freed in state
     * GEN_CREATED (never awaited). Must not allocate GC objects. NULL: nothing. */
    void (*on_coroutine_dropped)(VM *vm, ObjGenerator *gen);
    /* An upper layer's awaitable iterator kind whose __await__ returns itself
     * (asyncio's sleep()): `await` takes it as it is, with no call. NULL: none. */
    const char *self_awaitable_name;
    /* One finished awaitable of that kind, ready to be made again: an `await`
     * whose awaitable was await_only leaves it here when it ends (a GC root). */
    Obj *spare_awaitable;
};

/* ---- lifetime ---- */
VM *vm_new(void);
void vm_free(VM *vm);
void vm_register_module(VM *vm, const char *name, ModuleInitFn init);
void vm_add_root_marker(VM *vm, RootMarker mark, void *data);
void vm_remember_source(VM *vm, const char *filename, const char *text, size_t length);
const char *vm_source_line(VM *vm, const char *filename, int line, size_t *length);

/* ---- running code ---- */
/* Runs module-level code in `globals`; returns the value (NONE) or EMPTY with vm->exception set. */
Value vm_run_module(VM *vm, ObjCode *code, ObjDict *globals);
/* Prints vm->exception as CPython's traceback to stderr, and clears it. */
void vm_print_exception(VM *vm, Value exc);
/* Generators and coroutines: resume with a value, or throw an exception into them. */
ResumeResult gen_send(VM *vm, ObjGenerator *gen, Value value, Value *out);
ResumeResult gen_throw(VM *vm, ObjGenerator *gen, Value exc, Value *out);
Value gen_close(VM *vm, ObjGenerator *gen);      /* NONE, or EMPTY with vm->exception */

/* ---- raising ---- */
Value vm_raise(VM *vm, ObjClass *cls, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
Value vm_raise_value(VM *vm, Value exc);         /* an exception instance or class */
bool vm_exception_matches(VM *vm, ObjClass *cls); /* is the pending exception a cls? */
Value vm_take_exception(VM *vm);                 /* returns and clears vm->exception */

/* ---- the object protocols (ops.c) ---- */
/* True, with RecursionError(message) raised, when C recursion over nested data
 * has used up vm->c_stack_limit of the C stack. */
bool vm_c_stack_exhausted(VM *vm, const char *message);
ObjClass *vm_type_of(VM *vm, Value v);
const char *vm_type_name(VM *vm, Value v);       /* "int", "list", ... */
bool vm_is_instance(VM *vm, Value v, ObjClass *cls);
Value vm_repr(VM *vm, Value v);                  /* a str value, or EMPTY */
Value vm_str(VM *vm, Value v);
int vm_truthy(VM *vm, Value v);                  /* 1, 0, -1 exception */
int vm_equal(VM *vm, Value a, Value b);          /* 1, 0, -1 */
bool vm_hash(VM *vm, Value v, uint64_t *out);    /* TypeError "unhashable type: 'list'" */
Value vm_compare(VM *vm, int cmp_op, Value a, Value b);  /* CMP_EQ..CMP_GE; the result value */
int vm_compare_bool(VM *vm, int cmp_op, Value a, Value b); /* 1, 0, -1 */
Value vm_binary_op(VM *vm, int op, Value a, Value b);    /* BinaryOperator (+OPR_INPLACE_BASE) */
Value vm_unary_op(VM *vm, int uop, Value a);
Value vm_getattr(VM *vm, Value obj, ObjStr *name);       /* AttributeError when missing */
Value vm_getattr_opt(VM *vm, Value obj, ObjStr *name);   /* EMPTY, no exception, when missing */
bool vm_setattr(VM *vm, Value obj, ObjStr *name, Value value);
bool vm_delattr(VM *vm, Value obj, ObjStr *name);
Value vm_getitem(VM *vm, Value obj, Value key);
bool vm_setitem(VM *vm, Value obj, Value key, Value value);
bool vm_delitem(VM *vm, Value obj, Value key);
Value vm_iter(VM *vm, Value v);                  /* iter(v) */
int vm_next(VM *vm, Value iter, Value *out);     /* 1 value, 0 exhausted, -1 exception */
bool vm_len(VM *vm, Value v, int64_t *out);
int vm_contains(VM *vm, Value container, Value item); /* 1, 0, -1 */
Value vm_format(VM *vm, Value v, ObjStr *spec);  /* format(v, spec) */
/* Collects an iterable into a new list (EMPTY on exception). */
Value vm_list_from_iterable(VM *vm, Value iterable);

/* ---- calling ---- */
Value vm_call(VM *vm, Value callable, int argc, Value *args);
Value vm_call_kw(VM *vm, Value callable, int argc, Value *args, ObjTuple *kwnames);
Value vm_call_method(VM *vm, Value self, ObjStr *name, int argc, Value *args);

/* ---- helpers for natives ---- */
/* Binds a native's arguments by name: params[0..nparams) names, the first
 * `npositional` may be given by position, the first `nrequired` are required.
 * out[i] is EMPTY when not given. Raises TypeError worded as CPython. */
bool vm_parse_args(VM *vm, const char *fname, int argc, Value *args, ObjTuple *kwnames,
                   int nparams, const char *const *params, int npositional, int nrequired,
                   Value *out);
bool vm_check_args(VM *vm, const char *fname, int argc, ObjTuple *kwnames, int min, int max);
void vm_define_native(VM *vm, ObjDict *dict, const char *name, NativeFn fn, ObjClass *owner);
void vm_define_value(VM *vm, ObjDict *dict, const char *name, Value value);
void vm_grow_roots(VM *vm);
/* Keep v alive across calls back into Python; inline: the loop does it on every step. */
static inline void vm_push_root(VM *vm, Value v) {
    if (vm->temp_root_count == vm->temp_root_capacity) vm_grow_roots(vm);
    vm->temp_roots[vm->temp_root_count++] = v;
}
static inline void vm_pop_roots(VM *vm, int count) { vm->temp_root_count -= count; }
void vm_write(VM *vm, int stream, const char *bytes, size_t length); /* 1 stdout, 2 stderr */
int vm_kwcount(ObjTuple *kwnames);               /* 0 for NULL */

/* ---- memory (memory.c) ---- */
void *reallocate(VM *vm, void *pointer, size_t old_size, size_t new_size);
Obj *obj_allocate(VM *vm, size_t size, ObjType type);
#define ALLOCATE(vm, type, count) ((type *)reallocate(vm, NULL, 0, sizeof(type) * (count)))
#define GROW_ARRAY(vm, type, pointer, old_count, new_count) \
    ((type *)reallocate(vm, pointer, sizeof(type) * (old_count), sizeof(type) * (new_count)))
#define FREE_ARRAY(vm, type, pointer, old_count) \
    reallocate(vm, pointer, sizeof(type) * (old_count), 0)
#define GROW_CAPACITY(capacity) ((capacity) < 8 ? 8 : (capacity) * 2)
void gc_collect(VM *vm);
/* Before an allocation whose size a program chooses ([0] * n, " " * n, ...):
 * raises MemoryError and returns false when it would pass vm->max_memory. */
bool vm_reserve(VM *vm, size_t bytes);
void gc_mark_value(VM *vm, Value v);
void gc_mark_object(VM *vm, Obj *obj);

#endif
