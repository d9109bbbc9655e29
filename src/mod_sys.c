/* mod_sys.c — the `sys` module: argv, stdout/stderr objects whose write()
 * goes through vm_write (so the REPL can redraw around it), exit, the
 * version as CPython 3.11.7 reports it, the recursion limit, and modules. */
#include "mod_sys.h"

#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

/* --------------------------------------------------- stdout and stderr */

typedef struct {
    ObjNativeData base;
    int stream; /* 1 stdout, 2 stderr (vm_write's numbering) */
} StreamObject;

static const NativeDataType STREAM_KIND = {"TextIOWrapper", NULL, NULL};

static StreamObject *stream_self(VM *vm, int argc, Value *args, const char *name) {
    if (argc < 1 || !IS_NATIVE_DATA(args[0]) || AS_NATIVE_DATA(args[0])->kind != &STREAM_KIND) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a '_io.TextIOWrapper' object", name);
        return NULL;
    }
    return (StreamObject *)AS_OBJ(args[0]);
}

/* write(text): the number of characters written, as CPython's text files. */
static Value stream_write(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    StreamObject *stream = stream_self(vm, argc, args, "write");
    if (stream == NULL || !vm_check_args(vm, "write", argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError, "write() argument must be str, not %s", vm_type_name(vm, args[1]));
    ObjStr *text = AS_STR(args[1]);
    vm_write(vm, stream->stream, text->chars, (size_t)text->length);
    return INT_VAL(text->cp_count);
}

static Value stream_flush(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    StreamObject *stream = stream_self(vm, argc, args, "flush");
    if (stream == NULL || !vm_check_args(vm, "flush", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    if (vm->write == NULL) fflush(stream->stream == 2 ? stderr : stdout);
    return NONE_VAL;
}

static Value stream_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    StreamObject *stream = stream_self(vm, argc, args, "__repr__");
    if (stream == NULL || !vm_check_args(vm, "__repr__", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    return OBJ_VAL(str_printf(vm, "<_io.TextIOWrapper name='<%s>' mode='w' encoding='utf-8'>",
                              stream->stream == 2 ? "stderr" : "stdout"));
}

static ObjClass *stream_class(VM *vm) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, "TextIOWrapper"), vm->types.object, OBJ_NATIVE_DATA);
    cls->is_builtin = false; /* so that its __repr__ is used */
    cls->construct = NULL;
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "_io")));
    vm_define_native(vm, cls->dict, "write", stream_write, cls);
    vm_define_native(vm, cls->dict, "flush", stream_flush, cls);
    vm_define_native(vm, cls->dict, "__repr__", stream_repr, cls);
    return cls;
}

/* ------------------------------------------------------------ version_info */

#define VERSION_MAJOR 3
#define VERSION_MINOR 11
#define VERSION_MICRO 7

/* sys.version_info: a tuple in behaviour (index, compare, unpack), shown as
 * CPython's struct sequence; its fields are class attributes (one instance). */
typedef struct {
    ObjNativeData base;
    ObjTuple *items;
} VersionObject;

static void version_mark(VM *vm, void *object) { gc_mark_object(vm, (Obj *)((VersionObject *)object)->items); }

static const NativeDataType VERSION_KIND = {"version_info", version_mark, NULL};

static bool is_version(Value v) { return IS_NATIVE_DATA(v) && AS_NATIVE_DATA(v)->kind == &VERSION_KIND; }

/* The tuple behind a version_info argument (args[0]), or NULL after raising. */
static ObjTuple *version_items(VM *vm, int argc, Value *args, const char *name, int extra) {
    if (argc < 1 || !is_version(args[0])) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a 'sys.version_info' object", name);
        return NULL;
    }
    if (argc - 1 != extra) {
        vm_raise(vm, vm->types.TypeError, "expected %d argument%s, got %d", extra, extra == 1 ? "" : "s", argc - 1);
        return NULL;
    }
    return ((VersionObject *)AS_OBJ(args[0]))->items;
}

static Value version_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(kwnames);
    if (version_items(vm, argc, args, "__repr__", 0) == NULL) return EMPTY_VAL;
    return OBJ_VAL(str_printf(vm, "sys.version_info(major=%d, minor=%d, micro=%d, releaselevel='final', serial=0)",
                              VERSION_MAJOR, VERSION_MINOR, VERSION_MICRO));
}

static Value version_getitem(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(kwnames);
    ObjTuple *items = version_items(vm, argc, args, "__getitem__", 1);
    return items == NULL ? EMPTY_VAL : tuple_getitem(vm, items, args[1]);
}

static Value version_len(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(kwnames);
    ObjTuple *items = version_items(vm, argc, args, "__len__", 0);
    return items == NULL ? EMPTY_VAL : INT_VAL(items->count);
}

static Value version_iter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(kwnames);
    ObjTuple *items = version_items(vm, argc, args, "__iter__", 0);
    return items == NULL ? EMPTY_VAL : tuple_iter_new(vm, items);
}

static Value version_hash(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(kwnames);
    ObjTuple *items = version_items(vm, argc, args, "__hash__", 0);
    uint64_t hash;
    if (items == NULL || !tuple_hash(vm, items, &hash)) return EMPTY_VAL;
    return INT_VAL((int64_t)hash);
}

static Value version_compare(VM *vm, int argc, Value *args, const char *name, int op) {
    ObjTuple *items = version_items(vm, argc, args, name, 1);
    if (items == NULL) return EMPTY_VAL;
    Value other = is_version(args[1]) ? OBJ_VAL(((VersionObject *)AS_OBJ(args[1]))->items) : args[1];
    if (!IS_TUPLE(other)) return vm->not_implemented;
    return vm_compare(vm, op, OBJ_VAL(items), other);
}

#define VERSION_COMPARE(cname, spelling, op)                                  \
    static Value cname(VM *vm, int argc, Value *args, ObjTuple *kwnames) {    \
        UNUSED(kwnames);                                                      \
        return version_compare(vm, argc, args, spelling, op);                 \
    }
VERSION_COMPARE(version_eq, "__eq__", CMP_EQ)
VERSION_COMPARE(version_ne, "__ne__", CMP_NE)
VERSION_COMPARE(version_lt, "__lt__", CMP_LT)
VERSION_COMPARE(version_le, "__le__", CMP_LE)
VERSION_COMPARE(version_gt, "__gt__", CMP_GT)
VERSION_COMPARE(version_ge, "__ge__", CMP_GE)

static Value make_version_info(VM *vm) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, "version_info"), vm->types.object, OBJ_NATIVE_DATA);
    cls->is_builtin = false; /* so that its special methods are used */
    cls->construct = NULL;
    vm_push_root(vm, OBJ_VAL(cls));
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "sys")));
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"__repr__", version_repr}, {"__getitem__", version_getitem}, {"__len__", version_len},
        {"__iter__", version_iter}, {"__hash__", version_hash},       {"__eq__", version_eq},
        {"__ne__", version_ne},     {"__lt__", version_lt},           {"__le__", version_le},
        {"__gt__", version_gt},     {"__ge__", version_ge},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    Value fields[5] = {INT_VAL(VERSION_MAJOR), INT_VAL(VERSION_MINOR), INT_VAL(VERSION_MICRO),
                       OBJ_VAL(str_intern_cstr(vm, "final")), INT_VAL(0)};
    const char *names[5] = {"major", "minor", "micro", "releaselevel", "serial"};
    ObjTuple *items = tuple_from_values(vm, 5, fields);
    vm_push_root(vm, OBJ_VAL(items));
    for (int i = 0; i < 5; i++) vm_define_value(vm, cls->dict, names[i], fields[i]);
    VersionObject *version = (VersionObject *)native_data_new(vm, cls, &VERSION_KIND, sizeof(VersionObject));
    version->items = items;
    vm_pop_roots(vm, 2);
    return OBJ_VAL(version);
}

/* --------------------------------------------------------------- functions */

static Value sys_exit(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "exit", argc, kwnames, 0, 1)) return EMPTY_VAL;
    ObjTuple *exit_args = tuple_from_values(vm, argc, args);
    vm_push_root(vm, OBJ_VAL(exit_args));
    ObjException *exc = exception_new(vm, vm->types.SystemExit, exit_args);
    vm_pop_roots(vm, 1);
    return vm_raise_value(vm, OBJ_VAL(exc));
}

static Value sys_getrecursionlimit(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "getrecursionlimit", argc, kwnames, 0, 0)) return EMPTY_VAL;
    return INT_VAL(vm->recursion_limit);
}

/* The limit counts Python frames; handoff's own stack is sized for far more
 * than any limit a program sets, and the C stack guard stays in place. */
static Value sys_setrecursionlimit(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "setrecursionlimit", argc, kwnames, 1, 1)) return EMPTY_VAL;
    int64_t limit;
    if (!arg_int64(vm, args[0], &limit)) return EMPTY_VAL;
    if (limit < 1) return vm_raise(vm, vm->types.ValueError, "recursion limit must be greater or equal than 1");
    if (limit > INT32_MAX) return vm_raise(vm, vm->types.OverflowError, "Python int too large to convert to C int");
    if (limit <= vm->depth)
        return vm_raise(vm, vm->types.RecursionError,
                        "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                        (long long)limit, vm->depth);
    vm->recursion_limit = (int)limit;
    return NONE_VAL;
}

static Value make_implementation(VM *vm, Value version_info) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, "SimpleNamespace"), vm->types.object, OBJ_INSTANCE);
    cls->is_builtin = true;
    cls->construct = NULL;
    vm_push_root(vm, OBJ_VAL(cls));
    ObjInstance *implementation = instance_new(vm, cls);
    vm_push_root(vm, OBJ_VAL(implementation));
    vm_define_value(vm, implementation->dict, "name", OBJ_VAL(str_intern_cstr(vm, "handoff")));
    vm_define_value(vm, implementation->dict, "cache_tag", NONE_VAL);
    vm_define_value(vm, implementation->dict, "version", version_info);
    vm_pop_roots(vm, 2);
    return OBJ_VAL(implementation);
}

void sys_module_init(VM *vm, ObjModule *module) {
    ObjDict *dict = module->dict;
    vm_define_native(vm, dict, "exit", sys_exit, NULL);
    vm_define_native(vm, dict, "getrecursionlimit", sys_getrecursionlimit, NULL);
    vm_define_native(vm, dict, "setrecursionlimit", sys_setrecursionlimit, NULL);
    vm_define_value(vm, dict, "argv", OBJ_VAL(vm->argv));
    vm_define_value(vm, dict, "modules", OBJ_VAL(vm->modules));
    vm_define_value(vm, dict, "maxsize", INT_VAL(INT64_MAX));
    vm_define_value(vm, dict, "version", OBJ_VAL(str_intern_cstr(vm, "3.11.7 (handoff)")));
#ifdef __APPLE__
    vm_define_value(vm, dict, "platform", OBJ_VAL(str_intern_cstr(vm, "darwin")));
#else
    vm_define_value(vm, dict, "platform", OBJ_VAL(str_intern_cstr(vm, "linux")));
#endif
    vm_define_value(vm, dict, "byteorder", OBJ_VAL(str_intern_cstr(vm, "little")));
    Value version_info = make_version_info(vm);
    vm_define_value(vm, dict, "version_info", version_info);
    vm_define_value(vm, dict, "implementation", make_implementation(vm, version_info));
    ObjClass *streams = stream_class(vm);
    vm_push_root(vm, OBJ_VAL(streams));
    for (int stream = 1; stream <= 2; stream++) {
        StreamObject *object = (StreamObject *)native_data_new(vm, streams, &STREAM_KIND, sizeof(StreamObject));
        object->stream = stream;
        vm_define_value(vm, dict, stream == 1 ? "stdout" : "stderr", OBJ_VAL(object));
        vm_define_value(vm, dict, stream == 1 ? "__stdout__" : "__stderr__", OBJ_VAL(object));
    }
    vm_pop_roots(vm, 1);
}
