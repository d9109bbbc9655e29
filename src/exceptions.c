/* exceptions.c — the built-in exception classes in CPython 3.11's hierarchy,
 * exception objects (construction, str(), repr()), their attributes (args,
 * __cause__, __context__, StopIteration.value, ...), their methods
 * (with_traceback, add_note) and exception groups. Printing is traceback.c's. */
#include "exceptions.h"

#include <stddef.h>

#include "builtins_internal.h"
#include "containers.h"

/* ------------------------------------------------------------ the hierarchy */

#define NO_SLOT SIZE_MAX
#define SLOT(field) offsetof(BuiltinClasses, field)

typedef struct {
    const char *name;
    const char *base;  /* a class defined earlier in the table; NULL: object */
    size_t slot;       /* where vm->types keeps it, or NO_SLOT */
} ExceptionSpec;

/* Parents come before their children. ExceptionGroup derives from
 * BaseExceptionGroup, and Exception is its `also_base` (exceptions_init): CPython
 * gives it both bases, and handoff classes have one base to search. */
static const ExceptionSpec exception_specs[] = {
    {"BaseException", NULL, SLOT(BaseException)},
    {"BaseExceptionGroup", "BaseException", SLOT(BaseExceptionGroup)},
    {"GeneratorExit", "BaseException", SLOT(GeneratorExit)},
    {"KeyboardInterrupt", "BaseException", SLOT(KeyboardInterrupt)},
    {"SystemExit", "BaseException", SLOT(SystemExit)},
    {"Exception", "BaseException", SLOT(Exception)},
    {"ArithmeticError", "Exception", SLOT(ArithmeticError)},
    {"FloatingPointError", "ArithmeticError", NO_SLOT},
    {"OverflowError", "ArithmeticError", SLOT(OverflowError)},
    {"ZeroDivisionError", "ArithmeticError", SLOT(ZeroDivisionError)},
    {"AssertionError", "Exception", SLOT(AssertionError)},
    {"AttributeError", "Exception", SLOT(AttributeError)},
    {"BufferError", "Exception", SLOT(BufferError)},
    {"EOFError", "Exception", SLOT(EOFError)},
    {"ExceptionGroup", "BaseExceptionGroup", SLOT(ExceptionGroup)},
    {"ImportError", "Exception", SLOT(ImportError)},
    {"ModuleNotFoundError", "ImportError", SLOT(ModuleNotFoundError)},
    {"LookupError", "Exception", SLOT(LookupError)},
    {"IndexError", "LookupError", SLOT(IndexError)},
    {"KeyError", "LookupError", SLOT(KeyError)},
    {"MemoryError", "Exception", SLOT(MemoryError)},
    {"NameError", "Exception", SLOT(NameError)},
    {"UnboundLocalError", "NameError", SLOT(UnboundLocalError)},
    {"OSError", "Exception", SLOT(OSError)},
    {"BlockingIOError", "OSError", NO_SLOT},
    {"ChildProcessError", "OSError", NO_SLOT},
    {"ConnectionError", "OSError", SLOT(ConnectionError)},
    {"BrokenPipeError", "ConnectionError", NO_SLOT},
    {"ConnectionAbortedError", "ConnectionError", NO_SLOT},
    {"ConnectionRefusedError", "ConnectionError", NO_SLOT},
    {"ConnectionResetError", "ConnectionError", NO_SLOT},
    {"FileExistsError", "OSError", NO_SLOT},
    {"FileNotFoundError", "OSError", SLOT(FileNotFoundError)},
    {"InterruptedError", "OSError", NO_SLOT},
    {"IsADirectoryError", "OSError", NO_SLOT},
    {"NotADirectoryError", "OSError", NO_SLOT},
    {"PermissionError", "OSError", SLOT(PermissionError)},
    {"ProcessLookupError", "OSError", NO_SLOT},
    {"TimeoutError", "OSError", SLOT(TimeoutError)},
    {"ReferenceError", "Exception", NO_SLOT},
    {"RuntimeError", "Exception", SLOT(RuntimeError)},
    {"NotImplementedError", "RuntimeError", SLOT(NotImplementedError)},
    {"RecursionError", "RuntimeError", SLOT(RecursionError)},
    {"StopAsyncIteration", "Exception", SLOT(StopAsyncIteration)},
    {"StopIteration", "Exception", SLOT(StopIteration)},
    {"SyntaxError", "Exception", SLOT(SyntaxError)},
    {"IndentationError", "SyntaxError", SLOT(IndentationError)},
    {"TabError", "IndentationError", SLOT(TabError)},
    {"SystemError", "Exception", NO_SLOT},
    {"TypeError", "Exception", SLOT(TypeError)},
    {"ValueError", "Exception", SLOT(ValueError)},
    {"UnicodeError", "ValueError", SLOT(UnicodeError)},
    {"UnicodeDecodeError", "UnicodeError", NO_SLOT},
    {"UnicodeEncodeError", "UnicodeError", NO_SLOT},
    {"UnicodeTranslateError", "UnicodeError", NO_SLOT},
    {"Warning", "Exception", SLOT(Warning)},
    {"BytesWarning", "Warning", NO_SLOT},
    {"DeprecationWarning", "Warning", SLOT(DeprecationWarning)},
    {"EncodingWarning", "Warning", NO_SLOT},
    {"FutureWarning", "Warning", NO_SLOT},
    {"ImportWarning", "Warning", NO_SLOT},
    {"PendingDeprecationWarning", "Warning", NO_SLOT},
    {"ResourceWarning", "Warning", NO_SLOT},
    {"RuntimeWarning", "Warning", SLOT(RuntimeWarning)},
    {"SyntaxWarning", "Warning", NO_SLOT},
    {"UnicodeWarning", "Warning", NO_SLOT},
    {"UserWarning", "Warning", SLOT(UserWarning)},
};

static bool is_a(const ObjException *exc, const ObjClass *cls) {
    return class_is_subclass(exc->cls, cls);
}

static bool name_is(const ObjStr *name, const char *literal) {
    size_t length = strlen(literal);
    return (size_t)name->length == length && memcmp(name->chars, literal, length) == 0;
}

/* An attribute set on the exception, looked up without making a str. */
static Value get_attr(ObjException *exc, const char *name) {
    if (exc->dict == NULL) return EMPTY_VAL;
    size_t length = strlen(name);
    ObjStr *key = dict_find_str(exc->dict, name, length, str_hash_bytes(name, length));
    return key != NULL ? dict_get_str(exc->dict, key) : EMPTY_VAL;
}

static void set_attr(VM *vm, ObjException *exc, const char *name, Value value) {
    if (exc->dict == NULL) exc->dict = dict_new(vm);
    dict_set_str(vm, exc->dict, str_intern_cstr(vm, name), value);
}

bool exception_is_group(VM *vm, ObjException *exc) {
    return is_a(exc, vm->types.BaseExceptionGroup) || is_a(exc, vm->types.ExceptionGroup);
}

ObjTuple *exception_group_members(ObjException *exc) {
    return IS_TUPLE(exc->value) ? AS_TUPLE(exc->value) : NULL;
}

/* ------------------------------------------------------- per-class arguments */

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])). */
static void init_syntax_error(VM *vm, ObjException *exc) {
    static const char *const fields[] = {"filename", "lineno", "offset", "text",
                                         "end_lineno", "end_offset"};
    ObjTuple *args = exc->args;
    if (args->count >= 1) set_attr(vm, exc, "msg", args->items[0]);
    if (args->count != 2) return;
    Value details = args->items[1];
    Value *items = IS_TUPLE(details) ? AS_TUPLE(details)->items
                   : IS_LIST(details) ? AS_LIST(details)->items : NULL;
    int64_t count = IS_TUPLE(details) ? AS_TUPLE(details)->count
                    : IS_LIST(details) ? AS_LIST(details)->count : 0;
    if (count < 4 || count > 6) return;
    for (int64_t i = 0; i < count; i++) set_attr(vm, exc, fields[i], items[i]);
}

/* OSError(errno, strerror[, filename]): as CPython, args keeps only the first two. */
static void init_os_error(VM *vm, ObjException *exc) {
    ObjTuple *args = exc->args;
    if (args->count < 2 || args->count > 5) return;
    set_attr(vm, exc, "errno", args->items[0]);
    set_attr(vm, exc, "strerror", args->items[1]);
    if (args->count >= 3) {
        set_attr(vm, exc, "filename", args->items[2]);
        exc->args = tuple_from_values(vm, 2, args->items);
    }
}

/* What CPython's exception __init__ derives from args, for every class. */
static void init_from_args(VM *vm, ObjException *exc) {
    ObjTuple *args = exc->args;
    if (is_a(exc, vm->types.StopIteration)) {
        exc->value = args->count > 0 ? args->items[0] : NONE_VAL;
    } else if (is_a(exc, vm->types.SyntaxError)) {
        init_syntax_error(vm, exc);
    } else if (is_a(exc, vm->types.OSError)) {
        init_os_error(vm, exc);
    } else if (exception_is_group(vm, exc) && args->count == 2) {
        /* exc->value holds the members for groups (nothing else uses it there). */
        Value members = args->items[1];
        if (IS_LIST(members))
            exc->value = OBJ_VAL(tuple_from_values(vm, AS_LIST(members)->count,
                                                   AS_LIST(members)->items));
        else if (IS_TUPLE(members))
            exc->value = members;
    }
}

ObjException *exception_new(VM *vm, ObjClass *cls, ObjTuple *args) {
    if (args == NULL) args = tuple_new(vm, 0);
    ObjException *exc = (ObjException *)obj_allocate(vm, sizeof(ObjException), OBJ_EXCEPTION);
    exc->cls = cls;
    exc->args = args;
    exc->cause = NONE_VAL;
    exc->context = NONE_VAL;
    exc->value = NONE_VAL;
    init_from_args(vm, exc);
    return exc;
}

void exception_add_traceback(VM *vm, ObjException *exc, ObjCode *code, int line) {
    if (exc->traceback_count + 1 > exc->traceback_capacity) {
        int old = exc->traceback_capacity;
        exc->traceback_capacity = GROW_CAPACITY(old);
        exc->traceback =
            GROW_ARRAY(vm, TracebackEntry, exc->traceback, old, exc->traceback_capacity);
    }
    exc->traceback[exc->traceback_count].code = code;
    exc->traceback[exc->traceback_count].line = line;
    exc->traceback_count++;
}

/* The keyword arguments a class accepts (CPython 3.10+), or NULL for none. */
static const char *const *allowed_keywords(VM *vm, ObjClass *cls) {
    static const char *const import_keywords[] = {"name", "path", NULL};
    static const char *const attribute_keywords[] = {"name", "obj", NULL};
    static const char *const name_keywords[] = {"name", NULL};
    if (class_is_subclass(cls, vm->types.ImportError)) return import_keywords;
    if (class_is_subclass(cls, vm->types.AttributeError)) return attribute_keywords;
    if (class_is_subclass(cls, vm->types.NameError)) return name_keywords;
    return NULL;
}

/* Checks the keyword arguments (values at kwvalues) before anything is made. */
static bool check_keywords(VM *vm, ObjClass *cls, ObjTuple *kwnames) {
    int kwcount = vm_kwcount(kwnames);
    if (kwcount == 0) return true;
    const char *const *allowed = allowed_keywords(vm, cls);
    if (allowed == NULL) {
        vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", cls->name->chars);
        return false;
    }
    for (int k = 0; k < kwcount; k++) {
        ObjStr *keyword = AS_STR(kwnames->items[k]);
        bool known = false;
        for (int a = 0; allowed[a] != NULL && !known; a++) known = name_is(keyword, allowed[a]);
        if (!known) {
            vm_raise(vm, vm->types.TypeError, "'%s' is an invalid keyword argument for %s()",
                     keyword->chars, cls->name->chars);
            return false;
        }
    }
    return true;
}

static void apply_keywords(VM *vm, ObjException *exc, ObjTuple *kwnames, Value *kwvalues) {
    for (int k = 0; k < vm_kwcount(kwnames); k++) {
        if (exc->dict == NULL) exc->dict = dict_new(vm);
        dict_set_str(vm, exc->dict, AS_STR(kwnames->items[k]), kwvalues[k]);
    }
}

/* SyntaxError(msg, details): details must hold 4 to 6 items, as CPython checks. */
static bool check_syntax_details(VM *vm, Value details) {
    int64_t count;
    if (IS_TUPLE(details)) {
        count = AS_TUPLE(details)->count;
    } else {
        Value items = vm_list_from_iterable(vm, details);
        if (IS_EMPTY(items)) return false;
        count = AS_LIST(items)->count;
    }
    if (count >= 4 && count <= 6) return true;
    vm_raise(vm, vm->types.TypeError, "function takes at %s %d arguments (%lld given)",
             count < 4 ? "least" : "most", count < 4 ? 4 : 6, (long long)count);
    return false;
}

/* The constructor of every exception class: args[0] is the class. */
static Value exception_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjClass *cls = AS_CLASS(args[0]);
    int npositional = argc - 1 - vm_kwcount(kwnames);
    if (!check_keywords(vm, cls, kwnames)) return EMPTY_VAL;
    if (npositional == 2 && class_is_subclass(cls, vm->types.SyntaxError) &&
        !check_syntax_details(vm, args[2]))
        return EMPTY_VAL;
    ObjException *exc = exception_new(vm, cls, tuple_from_values(vm, npositional, args + 1));
    apply_keywords(vm, exc, kwnames, args + 1 + npositional);
    return OBJ_VAL(exc);
}

/* BaseExceptionGroup(message, exceptions): CPython's checks, and the class
 * switch from BaseExceptionGroup to ExceptionGroup when every member is an Exception. */
static Value group_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjClass *cls = AS_CLASS(args[0]);
    ObjClass *base_group = vm->types.BaseExceptionGroup, *group = vm->types.ExceptionGroup;
    if (vm_kwcount(kwnames) > 0)
        return vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments",
                        cls->name->chars);
    if (argc - 1 != 2)
        return vm_raise(vm, vm->types.TypeError,
                        "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
                        argc - 1);
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError,
                        "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        vm_type_name(vm, args[1]));
    Value *items;
    int64_t count;
    if (IS_LIST(args[2])) {
        items = AS_LIST(args[2])->items, count = AS_LIST(args[2])->count;
    } else if (IS_TUPLE(args[2])) {
        items = AS_TUPLE(args[2])->items, count = AS_TUPLE(args[2])->count;
    } else {
        return vm_raise(vm, vm->types.TypeError, "second argument (exceptions) must be a sequence");
    }
    if (count == 0)
        return vm_raise(vm, vm->types.ValueError,
                        "second argument (exceptions) must be a non-empty sequence");
    bool nested_base_exceptions = false;
    for (int64_t i = 0; i < count; i++) {
        if (!IS_EXCEPTION(items[i]))
            return vm_raise(vm, vm->types.ValueError,
                            "Item %lld of second argument (exceptions) is not an exception",
                            (long long)i);
        if (!is_a(AS_EXCEPTION(items[i]), vm->types.Exception)) nested_base_exceptions = true;
    }
    if (cls == base_group) {
        if (!nested_base_exceptions) cls = group;
    } else if (cls == group) {
        if (nested_base_exceptions)
            return vm_raise(vm, vm->types.TypeError,
                            "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nested_base_exceptions && class_is_subclass(cls, vm->types.Exception)) {
        return vm_raise(vm, vm->types.TypeError, "Cannot nest BaseExceptions in '%s'",
                        cls->name->chars);
    }
    return OBJ_VAL(exception_new(vm, cls, tuple_from_values(vm, 2, args + 1)));
}

/* BaseException.__new__(cls, *args): what a user-defined exception class's
 * instances are made by (and what super().__new__(cls, ...) calls in a
 * subclass of ExceptionGroup that defines __new__). Keywords are left to __init__. */
static Value exception_new_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int npositional = argc - vm_kwcount(kwnames);
    if (npositional < 1 || !IS_CLASS(args[0]) || !class_is_subclass(AS_CLASS(args[0]), vm->types.BaseException))
        return vm_raise(vm, vm->types.TypeError, "BaseException.__new__(X): X is not a subtype of BaseException");
    ObjClass *cls = AS_CLASS(args[0]);
    if (class_is_subclass(cls, vm->types.BaseExceptionGroup))
        return group_construct(vm, npositional, args, NULL);
    return OBJ_VAL(exception_new(vm, cls, tuple_from_values(vm, npositional - 1, args + 1)));
}

/* ------------------------------------------------------------ str and repr */

static const char *basename_of(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* "msg (file.py, line 3)" as CPython's SyntaxError_str. */
static Value syntax_error_str(VM *vm, ObjException *exc) {
    Value msg = get_attr(exc, "msg");
    Value text = vm_str(vm, IS_EMPTY(msg) ? NONE_VAL : msg);
    if (IS_EMPTY(text)) return EMPTY_VAL;
    Value filename = get_attr(exc, "filename");
    Value lineno = get_attr(exc, "lineno");
    bool have_file = IS_STR(filename), have_line = IS_INT(lineno);
    if (!have_file && !have_line) return text;
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append(&buf, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
    strbuf_append_cstr(&buf, " (");
    if (have_file) strbuf_append_cstr(&buf, basename_of(AS_STR(filename)->chars));
    if (have_file && have_line) strbuf_append_cstr(&buf, ", ");
    if (have_line) strbuf_appendf(&buf, "line %lld", (long long)AS_INT(lineno));
    strbuf_append_char(&buf, ')');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* "[Errno 2] No such file: 'x'", when errno and strerror were given. */
static Value os_error_str(VM *vm, ObjException *exc) {
    Value error_number = get_attr(exc, "errno"), strerror = get_attr(exc, "strerror");
    Value filename = get_attr(exc, "filename");
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_cstr(&buf, "[Errno ");
    bool ok = builtins_append_str(vm, &buf, error_number);
    strbuf_append_cstr(&buf, "] ");
    ok = ok && builtins_append_str(vm, &buf, strerror);
    if (ok && !IS_EMPTY(filename) && !IS_NONE(filename)) {
        strbuf_append_cstr(&buf, ": ");
        ok = value_repr_into(vm, &buf, filename);
    }
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* "message (2 sub-exceptions)" */
static Value group_str(VM *vm, ObjException *exc, ObjTuple *members) {
    StrBuf buf;
    strbuf_init(&buf);
    if (exc->args->count > 0 && !builtins_append_str(vm, &buf, exc->args->items[0])) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_appendf(&buf, " (%lld sub-exception%s)", (long long)members->count,
                   members->count > 1 ? "s" : "");
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

Value exception_str(VM *vm, ObjException *exc) {
    ObjTuple *args = exc->args;
    if (is_a(exc, vm->types.KeyError) && args->count == 1) return vm_repr(vm, args->items[0]);
    if (is_a(exc, vm->types.SyntaxError)) return syntax_error_str(vm, exc);
    if (is_a(exc, vm->types.OSError) && !IS_EMPTY(get_attr(exc, "strerror")))
        return os_error_str(vm, exc);
    ObjTuple *members = exception_is_group(vm, exc) ? exception_group_members(exc) : NULL;
    if (members != NULL) return group_str(vm, exc, members);
    if (args->count == 0) return OBJ_VAL(str_new(vm, "", 0));
    if (args->count == 1) return vm_str(vm, args->items[0]);
    return tuple_repr(vm, args);
}

Value exception_repr(VM *vm, ObjException *exc) {
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append(&buf, exc->cls->name->chars, (size_t)exc->cls->name->length);
    bool ok;
    if (exc->args->count == 1) {
        strbuf_append_char(&buf, '(');
        ok = value_repr_into(vm, &buf, exc->args->items[0]);
        strbuf_append_char(&buf, ')');
    } else {
        Value args = tuple_repr(vm, exc->args);
        ok = !IS_EMPTY(args);
        if (ok) strbuf_append(&buf, AS_STR(args)->chars, (size_t)AS_STR(args)->length);
    }
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* -------------------------------------------------------------- attributes */

/* Attributes some classes always have, None until given. */
static bool has_default_attr(VM *vm, ObjException *exc, ObjStr *name) {
    static const char *const syntax_fields[] = {"msg", "filename", "lineno", "offset",
                                                "text", "end_lineno", "end_offset",
                                                "print_file_and_line", NULL};
    static const char *const os_fields[] = {"errno", "strerror", "filename", "filename2", NULL};
    static const char *const import_fields[] = {"msg", "name", "path", NULL};
    const char *const *fields = NULL;
    if (is_a(exc, vm->types.SyntaxError)) fields = syntax_fields;
    else if (is_a(exc, vm->types.OSError)) fields = os_fields;
    else if (is_a(exc, vm->types.ImportError)) fields = import_fields;
    else if (is_a(exc, vm->types.NameError)) return name_is(name, "name");
    else if (is_a(exc, vm->types.AttributeError)) return name_is(name, "name") || name_is(name, "obj");
    for (int i = 0; fields != NULL && fields[i] != NULL; i++)
        if (name_is(name, fields[i])) return true;
    return false;
}

Value exception_getattr(VM *vm, ObjException *exc, ObjStr *name) {
    if (name == vm->s_args || name_is(name, "args")) return OBJ_VAL(exc->args);
    if (name->length >= 4 && name->chars[0] == '_' && name->chars[1] == '_') {
        if (name_is(name, "__cause__")) return exc->cause;
        if (name_is(name, "__context__")) return exc->context;
        if (name_is(name, "__suppress_context__")) return BOOL_VAL(exc->suppress_context);
        if (name_is(name, "__traceback__")) return NONE_VAL;
        if (name == vm->s_dict) {
            if (exc->dict == NULL) exc->dict = dict_new(vm);
            return OBJ_VAL(exc->dict);
        }
    }
    if (is_a(exc, vm->types.StopIteration) && name_is(name, "value")) return exc->value;
    Value found = exc->dict != NULL ? dict_get_str(exc->dict, name) : EMPTY_VAL;
    if (!IS_EMPTY(found)) return found;
    if (is_a(exc, vm->types.SystemExit) && name_is(name, "code")) {
        if (exc->args->count == 0) return NONE_VAL;
        return exc->args->count == 1 ? exc->args->items[0] : OBJ_VAL(exc->args);
    }
    if (is_a(exc, vm->types.ImportError) && name_is(name, "msg"))
        return exc->args->count == 1 ? exc->args->items[0] : NONE_VAL;
    if (exception_is_group(vm, exc)) {
        if (name_is(name, "message"))
            return exc->args->count > 0 ? exc->args->items[0] : NONE_VAL;
        if (name_is(name, "exceptions") && exception_group_members(exc) != NULL)
            return exc->value;
    }
    if (has_default_attr(vm, exc, name)) return NONE_VAL;
    return EMPTY_VAL;
}

bool exception_setattr(VM *vm, ObjException *exc, ObjStr *name, Value value) {
    bool is_exception_or_none = IS_NONE(value) || IS_EXCEPTION(value);
    if (name_is(name, "__cause__")) {
        if (!is_exception_or_none) {
            vm_raise(vm, vm->types.TypeError,
                     "exception cause must be None or derive from BaseException");
            return false;
        }
        exc->cause = value;
        exc->suppress_context = true; /* as CPython's setter */
    } else if (name_is(name, "__context__")) {
        if (!is_exception_or_none) {
            vm_raise(vm, vm->types.TypeError,
                     "exception context must be None or derive from BaseException");
            return false;
        }
        exc->context = value;
    } else if (name_is(name, "__suppress_context__")) {
        if (!IS_BOOL(value)) {
            vm_raise(vm, vm->types.TypeError, "attribute value type must be bool");
            return false;
        }
        exc->suppress_context = AS_BOOL(value);
    } else if (name_is(name, "__traceback__")) {
        if (!IS_NONE(value)) {
            vm_raise(vm, vm->types.TypeError, "__traceback__ must be a traceback or None");
            return false;
        }
    } else if (name_is(name, "args")) {
        Value list = vm_list_from_iterable(vm, value);
        if (IS_EMPTY(list)) return false;
        exc->args = tuple_from_values(vm, AS_LIST(list)->count, AS_LIST(list)->items);
    } else if (is_a(exc, vm->types.StopIteration) && name_is(name, "value")) {
        exc->value = value;
    } else {
        if (exc->dict == NULL) exc->dict = dict_new(vm);
        dict_set_str(vm, exc->dict, name, value);
    }
    return true;
}

/* ----------------------------------------------------------------- methods */

static ObjException *self_exception(VM *vm, const char *method, int argc, Value *args) {
    if (argc >= 1 && IS_EXCEPTION(args[0])) return AS_EXCEPTION(args[0]);
    vm_raise(vm, vm->types.TypeError,
             "descriptor '%s' for 'BaseException' objects doesn't apply to a '%s' object", method,
             argc >= 1 ? vm_type_name(vm, args[0]) : "NoneType");
    return NULL;
}

/* BaseException.__init__(self, *args): what super().__init__(msg) does. */
static Value exception_init_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjException *exc = self_exception(vm, "__init__", argc, args);
    if (exc == NULL || !check_keywords(vm, exc->cls, kwnames)) return EMPTY_VAL;
    int npositional = argc - 1 - vm_kwcount(kwnames);
    exc->args = tuple_from_values(vm, npositional, args + 1);
    init_from_args(vm, exc);
    apply_keywords(vm, exc, kwnames, args + 1 + npositional);
    return NONE_VAL;
}

static Value exception_str_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjException *exc = self_exception(vm, "__str__", argc, args);
    if (exc == NULL || !args_none(vm, "BaseException.__str__", argc, kwnames)) return EMPTY_VAL;
    return exception_str(vm, exc);
}

static Value exception_repr_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjException *exc = self_exception(vm, "__repr__", argc, args);
    if (exc == NULL || !args_none(vm, "BaseException.__repr__", argc, kwnames)) return EMPTY_VAL;
    return exception_repr(vm, exc);
}

/* e.with_traceback(tb): handoff has no traceback objects, so only None (what
 * e.__traceback__ gives) is accepted; the exception keeps its own entries. */
static Value exception_with_traceback(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjException *exc = self_exception(vm, "with_traceback", argc, args);
    if (exc == NULL || !args_one(vm, "BaseException.with_traceback", argc, kwnames))
        return EMPTY_VAL;
    if (!IS_NONE(args[1]))
        return vm_raise(vm, vm->types.TypeError, "__traceback__ must be a traceback or None");
    return args[0];
}

/* e.add_note(note): appended to e.__notes__, printed after the message. */
static Value exception_add_note(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjException *exc = self_exception(vm, "add_note", argc, args);
    if (exc == NULL || !args_one(vm, "BaseException.add_note", argc, kwnames)) return EMPTY_VAL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError, "note must be a str, not '%s'",
                        vm_type_name(vm, args[1]));
    Value notes = get_attr(exc, "__notes__");
    if (IS_EMPTY(notes)) {
        notes = OBJ_VAL(list_new(vm, 1));
        set_attr(vm, exc, "__notes__", notes);
    } else if (!IS_LIST(notes)) {
        return vm_raise(vm, vm->types.TypeError, "Cannot add note: __notes__ is not a list");
    }
    list_append(vm, AS_LIST(notes), args[1]);
    return NONE_VAL;
}

/* ------------------------------------------------------------------- setup */

void exception_set_attribute_context(VM *vm, Value obj, ObjStr *name) {
    if (!IS_EXCEPTION(vm->exception)) return;
    ObjException *exc = AS_EXCEPTION(vm->exception);
    if (!is_a(exc, vm->types.AttributeError)) return;
    set_attr(vm, exc, "name", OBJ_VAL(name));
    set_attr(vm, exc, "obj", obj);
}

ObjException *exception_from_diagnostic(VM *vm, const Diagnostic *diag, const char *filename,
                                        const char *line_text, size_t line_length) {
    if (strcmp(diag->kind, "RecursionError") == 0) {
        /* Nesting too deep to compile: CPython shows only the message, no location. */
        Value message = OBJ_VAL(str_from_cstr(vm, diag->message));
        return exception_new(vm, vm->types.RecursionError, tuple_from_values(vm, 1, &message));
    }
    ObjClass *cls = vm->types.SyntaxError;
    if (strcmp(diag->kind, "IndentationError") == 0) cls = vm->types.IndentationError;
    else if (strcmp(diag->kind, "TabError") == 0) cls = vm->types.TabError;
    Value details[6];
    details[0] = OBJ_VAL(str_from_cstr(vm, filename));
    details[1] = diag->line > 0 ? INT_VAL(diag->line) : NONE_VAL;
    details[2] = INT_VAL(diag->col);
    details[3] = line_text != NULL && utf8_valid(line_text, line_length)
                     ? OBJ_VAL(str_new(vm, line_text, line_length))
                     : NONE_VAL;
    details[4] = details[1];
    details[5] = INT_VAL(diag->end_col > 0 ? diag->end_col : diag->col + 1);
    Value args[2] = {OBJ_VAL(str_from_cstr(vm, diag->message)),
                     OBJ_VAL(tuple_from_values(vm, 6, details))};
    return exception_new(vm, cls, tuple_from_values(vm, 2, args));
}

static ObjClass *find_spec_class(VM *vm, const char *name) {
    Value found = dict_get_str(vm->builtins, str_intern_cstr(vm, name));
    return IS_CLASS(found) ? AS_CLASS(found) : NULL;
}

void exceptions_init(VM *vm) {
    size_t count = sizeof exception_specs / sizeof exception_specs[0];
    for (size_t i = 0; i < count; i++) {
        const ExceptionSpec *spec = &exception_specs[i];
        ObjClass *base = spec->base != NULL ? find_spec_class(vm, spec->base) : vm->types.object;
        ObjClass *cls = class_new(vm, str_intern_cstr(vm, spec->name), base, OBJ_EXCEPTION);
        cls->is_builtin = true;
        if (spec->base == NULL) cls->construct = exception_construct; /* the rest inherit it */
        if (spec->slot != NO_SLOT) *(ObjClass **)((char *)&vm->types + spec->slot) = cls;
        vm_define_value(vm, vm->builtins, spec->name, OBJ_VAL(cls));
    }
    vm->types.BaseExceptionGroup->construct = group_construct;
    vm->types.ExceptionGroup->construct = group_construct;
    vm->types.ExceptionGroup->also_base = vm->types.Exception;
    vm->types.CancelledErrorPlaceholder = NULL;
    /* Old names CPython keeps for OSError. */
    vm_define_value(vm, vm->builtins, "EnvironmentError", OBJ_VAL(vm->types.OSError));
    vm_define_value(vm, vm->builtins, "IOError", OBJ_VAL(vm->types.OSError));

    ObjClass *base = vm->types.BaseException;
    vm_define_native(vm, base->dict, "__init__", exception_init_method, base);
    vm_define_native(vm, base->dict, "__str__", exception_str_method, base);
    vm_define_native(vm, base->dict, "__repr__", exception_repr_method, base);
    vm_define_native(vm, base->dict, "with_traceback", exception_with_traceback, base);
    vm_define_native(vm, base->dict, "add_note", exception_add_note, base);
    /* BaseException.__new__ takes the class first: no owner, so it is never bound. */
    ObjNative *new_native = native_new(vm, "__new__", exception_new_method, NULL);
    new_native->data = OBJ_VAL(base);
    dict_set_str(vm, base->dict, new_native->name, OBJ_VAL(new_native));
    exceptions_group_init(vm);
}
