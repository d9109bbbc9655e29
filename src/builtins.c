/* builtins.c — the builtins module: print, input and exit; the object-model
 * functions (type, isinstance, getattr, id, hash, repr, dir, globals, ...);
 * iter and next; and builtins_init, which defines every built-in name.
 * Numbers and reductions are in builtins_more.c, the iterator classes in iter.c. */
#include <errno.h>

#include "builtins_internal.h"
#include "class.h"
#include "containers.h"
#include "exceptions.h"
#include "vm_internal.h"

/* ------------------------------------------------------------------ helpers */

bool builtins_keywords(VM *vm, const char *fname, int argc, Value *args, ObjTuple *kwnames,
                       int nnames, const char *const *names, Value *out) {
    int kwcount = vm_kwcount(kwnames);
    for (int i = 0; i < nnames; i++) out[i] = EMPTY_VAL;
    for (int k = 0; k < kwcount; k++) {
        ObjStr *keyword = AS_STR(kwnames->items[k]);
        int found = -1;
        for (int i = 0; i < nnames && found < 0; i++)
            if (strcmp(keyword->chars, names[i]) == 0) found = i;
        if (found < 0) {
            vm_raise(vm, vm->types.TypeError, "'%s' is an invalid keyword argument for %s()",
                     keyword->chars, fname);
            return false;
        }
        out[found] = args[argc - kwcount + k];
    }
    return true;
}

int builtins_call_dunder(VM *vm, Value self, const char *name, int argc, Value *args, Value *out) {
    if (!IS_INSTANCE(self) && !IS_EXCEPTION(self) && !IS_NATIVE_DATA(self)) return 0;
    ObjClass *cls = vm_type_of(vm, self);
    if (cls->is_builtin) return 0;
    Value method = class_lookup(cls, str_intern_cstr(vm, name));
    if (IS_EMPTY(method)) return 0;
    Value with_self[4]; /* the dunders called here take at most 3 arguments */
    if (argc > 3) return 0;
    with_self[0] = self;
    for (int i = 0; i < argc; i++) with_self[i + 1] = args[i];
    *out = vm_call(vm, method, argc + 1, with_self);
    return IS_EMPTY(*out) ? -1 : 1;
}

bool builtins_append_str(VM *vm, StrBuf *buf, Value v) {
    Value text = vm_str(vm, v);
    if (IS_EMPTY(text)) return false;
    strbuf_append(buf, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
    return true;
}

/* ------------------------------------------------------------- print, input */

/* print's sep and end: None or absent mean the default. */
static bool print_separator(VM *vm, const char *what, Value given, const char *otherwise,
                            const char **chars, size_t *length) {
    if (IS_EMPTY(given) || IS_NONE(given)) {
        *chars = otherwise, *length = strlen(otherwise);
        return true;
    }
    if (!IS_STR(given)) {
        vm_raise(vm, vm->types.TypeError, "%s must be None or a string, not %s", what,
                 vm_type_name(vm, given));
        return false;
    }
    *chars = AS_STR(given)->chars, *length = (size_t)AS_STR(given)->length;
    return true;
}

/* print(..., file=f): f.write(piece) for each piece as CPython does, then
 * f.flush() when asked. sep and end are str values. */
static bool print_to_file(VM *vm, Value file, int count, Value *items, Value sep, Value end,
                          bool flush) {
    Value write = vm_getattr(vm, file, str_intern_cstr(vm, "write"));
    if (IS_EMPTY(write)) return false;
    vm_push_root(vm, write);
    bool ok = true;
    for (int i = 0; i < count && ok; i++) {
        Value piece = vm_str(vm, items[i]);
        ok = !IS_EMPTY(piece) && !IS_EMPTY(vm_call(vm, write, 1, &piece));
        if (ok && i + 1 < count) ok = !IS_EMPTY(vm_call(vm, write, 1, &sep));
    }
    if (ok) ok = !IS_EMPTY(vm_call(vm, write, 1, &end));
    vm_pop_roots(vm, 1);
    Value flush_method = ok && flush ? vm_getattr_opt(vm, file, str_intern_cstr(vm, "flush"))
                                     : EMPTY_VAL;
    if (!IS_EMPTY(flush_method)) ok = !IS_EMPTY(vm_call(vm, flush_method, 0, NULL));
    return ok;
}

static Value builtin_print(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const names[] = {"sep", "end", "file", "flush"};
    Value options[4];
    if (!builtins_keywords(vm, "print", argc, args, kwnames, 4, names, options)) return EMPTY_VAL;
    int count = argc - vm_kwcount(kwnames);
    const char *sep, *end;
    size_t sep_length, end_length;
    if (!print_separator(vm, "sep", options[0], " ", &sep, &sep_length) ||
        !print_separator(vm, "end", options[1], "\n", &end, &end_length))
        return EMPTY_VAL;
    int flush = IS_EMPTY(options[3]) ? 0 : vm_truthy(vm, options[3]);
    if (flush < 0) return EMPTY_VAL;
    Value file = options[2];
    if (!IS_EMPTY(file) && !IS_NONE(file)) {
        Value sep_value = IS_STR(options[0]) ? options[0] : OBJ_VAL(str_new(vm, sep, sep_length));
        vm_push_root(vm, sep_value);
        Value end_value = IS_STR(options[1]) ? options[1] : OBJ_VAL(str_new(vm, end, end_length));
        vm_push_root(vm, end_value);
        bool ok = print_to_file(vm, file, count, args, sep_value, end_value, flush);
        vm_pop_roots(vm, 2);
        return ok ? NONE_VAL : EMPTY_VAL;
    }
    StrBuf line; /* one write for the whole line */
    strbuf_init(&line);
    for (int i = 0; i < count; i++) {
        if (i > 0) strbuf_append(&line, sep, sep_length);
        if (!builtins_append_str(vm, &line, args[i])) {
            strbuf_free(&line);
            return EMPTY_VAL;
        }
    }
    strbuf_append(&line, end, end_length);
    vm_write(vm, 1, line.data, line.length);
    strbuf_free(&line);
    if (flush) fflush(stdout);
    return NONE_VAL;
}

/* UnicodeDecodeError for a line that is not UTF-8, worded as CPython. */
static Value raise_decode_error(VM *vm, const char *text, size_t length) {
    size_t position = 0, size = 1;
    while (position < length) {
        uint8_t lead = (uint8_t)text[position];
        size = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3
             : (lead & 0xF8) == 0xF0 ? 4 : 0;
        if (size == 0 || position + size > length || !utf8_valid(text + position, size)) break;
        position += size;
    }
    const char *reason = size == 0                   ? "invalid start byte"
                         : position + size > length ? "unexpected end of data"
                                                    : "invalid continuation byte";
    Value cls = dict_get_str(vm->builtins, str_intern_cstr(vm, "UnicodeDecodeError"));
    return vm_raise(vm, IS_CLASS(cls) ? AS_CLASS(cls) : vm->types.UnicodeError,
                    "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                    (unsigned)(uint8_t)text[position], position, reason);
}

/* input(prompt=''): one line of stdin without its newline; EOFError at the end. */
static Value builtin_input(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "input", argc, kwnames, 0, 1)) return EMPTY_VAL;
    if (argc == 1) {
        Value prompt = vm_str(vm, args[0]);
        if (IS_EMPTY(prompt)) return EMPTY_VAL;
        vm_write(vm, 1, AS_STR(prompt)->chars, (size_t)AS_STR(prompt)->length);
    }
    fflush(stdout);
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    for (;;) {
        errno = 0;
        length = getline(&line, &capacity, stdin);
        if (length >= 0 || errno != EINTR) break;
        clearerr(stdin);
        if (vm->interrupted) { /* Ctrl-C while waiting for the line */
            vm->interrupted = 0;
            free(line);
            return vm_raise_empty(vm, vm->types.KeyboardInterrupt);
        }
    }
    if (length < 0) {
        free(line);
        return vm_raise(vm, vm->types.EOFError, "EOF when reading a line");
    }
    if (length > 0 && line[length - 1] == '\n') length--;
    if (length > 0 && line[length - 1] == '\r') length--;
    Value result = utf8_valid(line, (size_t)length)
                       ? OBJ_VAL(str_new(vm, line, (size_t)length))
                       : raise_decode_error(vm, line, (size_t)length);
    free(line);
    return result;
}

/* exit(code=None) / quit(code=None): raise SystemExit(code). */
static Value builtin_exit(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const names[] = {"code"};
    Value code;
    int count = argc - vm_kwcount(kwnames);
    if (count > 1)
        return vm_raise(vm, vm->types.TypeError,
                        "Quitter.__call__() takes from 1 to 2 positional arguments but %d were given",
                        count + 1);
    if (!builtins_keywords(vm, "Quitter.__call__", argc, args, kwnames, 1, names, &code))
        return EMPTY_VAL;
    if (count == 1) code = args[0];
    if (IS_EMPTY(code)) code = NONE_VAL;
    ObjTuple *exc_args = tuple_from_values(vm, 1, &code);
    return vm_raise_value(vm, OBJ_VAL(exception_new(vm, vm->types.SystemExit, exc_args)));
}

/* ------------------------------------------------------- text of objects */

static Value builtin_len(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "len", argc, kwnames, 1, 1)) return EMPTY_VAL;
    int64_t length;
    if (!vm_len(vm, args[0], &length)) return EMPTY_VAL;
    return INT_VAL(length);
}

static Value builtin_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "repr", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return vm_repr(vm, args[0]);
}

static Value builtin_ascii(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "ascii", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return vm_ascii(vm, args[0]);
}

static Value builtin_format(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "format", argc, kwnames, 1, 2)) return EMPTY_VAL;
    if (argc == 2 && !IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError, "format() argument 2 must be str, not %s",
                        vm_type_name(vm, args[1]));
    return vm_format(vm, args[0], argc == 2 ? AS_STR(args[1]) : vm_empty_str(vm));
}

/* ---------------------------------------------------- identity and hashing */

static Value builtin_hash(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "hash", argc, kwnames, 1, 1)) return EMPTY_VAL;
    uint64_t hash;
    if (!vm_hash(vm, args[0], &hash)) return EMPTY_VAL;
    return INT_VAL((int64_t)hash);
}

/* id(x): the address of a heap object. Values stored inline (int, float, bool,
 * None) have no address: they get a number above every address, made from
 * their kind and bits, so equal ids still mean the same value. */
static Value builtin_id(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "id", argc, kwnames, 1, 1)) return EMPTY_VAL;
    Value v = args[0];
    if (IS_OBJ(v)) return INT_VAL((int64_t)(intptr_t)AS_OBJ(v));
    uint64_t bits = 0;
    if (IS_INT(v)) bits = (uint64_t)AS_INT(v);
    else if (IS_FLOAT(v)) memcpy(&bits, &AS_FLOAT(v), sizeof bits);
    else if (IS_BOOL(v)) bits = AS_BOOL(v);
    mpz_t id;
    mpz_init_set_ui(id, (unsigned long)v.type + 1);
    mpz_mul_2exp(id, id, 64);
    mpz_add_ui(id, id, (unsigned long)(bits >> 32));
    mpz_mul_2exp(id, id, 32);
    mpz_add_ui(id, id, (unsigned long)(bits & 0xFFFFFFFFu));
    Value result = int_from_mpz(vm, id);
    mpz_clear(id);
    return result;
}

static bool is_callable(VM *vm, Value v) {
    if (IS_FUNCTION(v) || IS_NATIVE(v) || IS_BOUND_METHOD(v) || IS_CLASS(v)) return true;
    if (IS_INSTANCE(v) || IS_NATIVE_DATA(v) || IS_EXCEPTION(v))
        return !IS_EMPTY(class_lookup(vm_type_of(vm, v), vm->s_call));
    return false;
}

static Value builtin_callable(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "callable", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return BOOL_VAL(is_callable(vm, args[0]));
}

/* -------------------------------------------------------------- attributes */

static bool attribute_name(VM *vm, Value name) {
    if (IS_STR(name)) return true;
    vm_raise(vm, vm->types.TypeError, "attribute name must be string, not '%s'",
             vm_type_name(vm, name));
    return false;
}

static Value builtin_getattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "getattr", argc, kwnames, 2, 3) || !attribute_name(vm, args[1]))
        return EMPTY_VAL;
    Value found = vm_getattr(vm, args[0], AS_STR(args[1]));
    if (IS_EMPTY(found) && argc == 3 && vm_exception_matches(vm, vm->types.AttributeError)) {
        vm_take_exception(vm);
        return args[2];
    }
    return found;
}

static Value builtin_setattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "setattr", argc, kwnames, 3, 3) || !attribute_name(vm, args[1]))
        return EMPTY_VAL;
    return vm_setattr(vm, args[0], AS_STR(args[1]), args[2]) ? NONE_VAL : EMPTY_VAL;
}

static Value builtin_delattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "delattr", argc, kwnames, 2, 2) || !attribute_name(vm, args[1]))
        return EMPTY_VAL;
    return vm_delattr(vm, args[0], AS_STR(args[1])) ? NONE_VAL : EMPTY_VAL;
}

static Value builtin_hasattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "hasattr", argc, kwnames, 2, 2) || !attribute_name(vm, args[1]))
        return EMPTY_VAL;
    Value found = vm_getattr(vm, args[0], AS_STR(args[1]));
    if (!IS_EMPTY(found)) return TRUE_VAL;
    if (!vm_exception_matches(vm, vm->types.AttributeError)) return EMPTY_VAL;
    vm_take_exception(vm);
    return FALSE_VAL;
}

/* ------------------------------------------------------------------- types */

/* isinstance/issubclass against a class or a (nested) tuple of classes:
 * 1, 0, or -1 with TypeError when something that is not a class comes up. */
static int matches_classinfo(VM *vm, ObjClass *cls, Value classinfo, const char *error) {
    if (IS_CLASS(classinfo)) return class_is_subclass(cls, AS_CLASS(classinfo));
    if (IS_TUPLE(classinfo)) {
        ObjTuple *tuple = AS_TUPLE(classinfo);
        for (int64_t i = 0; i < tuple->count; i++) {
            int found = matches_classinfo(vm, cls, tuple->items[i], error);
            if (found != 0) return found;
        }
        return 0;
    }
    vm_raise(vm, vm->types.TypeError, "%s", error);
    return -1;
}

static Value builtin_isinstance(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "isinstance", argc, kwnames, 2, 2)) return EMPTY_VAL;
    int found = matches_classinfo(vm, vm_type_of(vm, args[0]), args[1],
                                  "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return found < 0 ? EMPTY_VAL : BOOL_VAL(found);
}

static Value builtin_issubclass(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "issubclass", argc, kwnames, 2, 2)) return EMPTY_VAL;
    if (!IS_CLASS(args[0]))
        return vm_raise(vm, vm->types.TypeError, "issubclass() arg 1 must be a class");
    int found = matches_classinfo(vm, AS_CLASS(args[0]), args[1],
                                  "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return found < 0 ? EMPTY_VAL : BOOL_VAL(found);
}

/* type(x) is x's class; type(name, bases, dict) makes a class as a class statement does. */
static Value type_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int count = argc - 1;
    if (count == 1 && vm_kwcount(kwnames) == 0) return OBJ_VAL(vm_type_of(vm, args[1]));
    if (count == 3 && vm_kwcount(kwnames) == 0) return class_from_type_call(vm, args[1], args[2], args[3]);
    return vm_raise(vm, vm->types.TypeError, "type() takes 1 or 3 arguments");
}

/* ------------------------------------------------------ namespaces and dir */

static CallFrame *current_frame(VM *vm) {
    Fiber *fiber = vm->fiber;
    return fiber != NULL && fiber->frame_count > 0 ? &fiber->frames[fiber->frame_count - 1] : NULL;
}

static Value builtin_globals(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "globals", argc, kwnames, 0, 0)) return EMPTY_VAL;
    CallFrame *frame = current_frame(vm);
    return OBJ_VAL(frame != NULL ? frame->function->globals : vm->main_globals);
}

/* locals(): the module's or class body's namespace itself, or for a function
 * a new dict of its bound local, cell and free variables (as CPython). */
static Value current_locals(VM *vm) {
    CallFrame *frame = current_frame(vm);
    if (frame == NULL) return OBJ_VAL(vm->main_globals);
    if (frame->class_ns != NULL) return OBJ_VAL(frame->class_ns);
    ObjCode *code = frame->function->code;
    if (code->flags & CODE_MODULE) return OBJ_VAL(frame->function->globals);
    ObjDict *locals = dict_new(vm);
    for (int i = 0; i < code->nlocals; i++)
        if (!IS_EMPTY(frame->slots[i])) dict_set_str(vm, locals, code->localnames[i], frame->slots[i]);
    for (int i = 0; i < code->ncells + code->nfree; i++) {
        Value cell = frame->slots[code->nlocals + i];
        ObjStr *name = i < code->ncells ? code->cellnames[i] : code->freenames[i - code->ncells];
        if (IS_CELL(cell) && !IS_EMPTY(AS_CELL(cell)->value))
            dict_set_str(vm, locals, name, AS_CELL(cell)->value);
    }
    return OBJ_VAL(locals);
}

static Value builtin_locals(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "locals", argc, kwnames, 0, 0)) return EMPTY_VAL;
    return current_locals(vm);
}

static Value builtin_vars(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "vars", argc, kwnames, 0, 1)) return EMPTY_VAL;
    if (argc == 0) return current_locals(vm);
    Value dict = vm_getattr(vm, args[0], vm->s_dict);
    if (IS_EMPTY(dict) && vm_exception_matches(vm, vm->types.AttributeError)) {
        vm_take_exception(vm);
        return vm_raise(vm, vm->types.TypeError, "vars() argument must have __dict__ attribute");
    }
    return dict;
}

static void add_names(VM *vm, ObjDict *names, ObjDict *dict) {
    Value key, value;
    if (dict == NULL) return;
    for (int64_t i = 0; dict_next(dict, &i, &key, &value);)
        if (IS_STR(key)) dict_set_str(vm, names, AS_STR(key), NONE_VAL);
}

static Value sorted_keys(VM *vm, ObjDict *names) {
    ObjList *list = list_new(vm, names->count);
    Value key, value;
    for (int64_t i = 0; dict_next(names, &i, &key, &value);) list_append(vm, list, key);
    vm_push_root(vm, OBJ_VAL(list));
    bool ok = list_sort(vm, list, EMPTY_VAL, false);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(list) : EMPTY_VAL;
}

Value builtins_dir(VM *vm, Value obj) {
    ObjDict *names = dict_new(vm);
    if (IS_MODULE(obj)) return sorted_keys(vm, AS_MODULE(obj)->dict);
    if (IS_INSTANCE(obj)) add_names(vm, names, AS_INSTANCE(obj)->dict);
    if (IS_FUNCTION(obj)) add_names(vm, names, AS_FUNCTION(obj)->dict);
    if (IS_EXCEPTION(obj)) {
        static const char *const attributes[] = {"args", "__cause__", "__context__",
                                                 "__suppress_context__", "__traceback__"};
        for (size_t i = 0; i < sizeof attributes / sizeof attributes[0]; i++)
            dict_set_str(vm, names, str_intern_cstr(vm, attributes[i]), NONE_VAL);
        add_names(vm, names, AS_EXCEPTION(obj)->dict);
    }
    for (ObjClass *cls = IS_CLASS(obj) ? AS_CLASS(obj) : vm_type_of(vm, obj); cls != NULL;
         cls = cls->base)
        add_names(vm, names, cls->dict);
    return sorted_keys(vm, names);
}

static Value builtin_dir(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "dir", argc, kwnames, 0, 1)) return EMPTY_VAL;
    if (argc == 1) return builtins_dir(vm, args[0]);
    Value locals = current_locals(vm);
    vm_push_root(vm, locals);
    Value names = sorted_keys(vm, AS_DICT(locals));
    vm_pop_roots(vm, 1);
    return names;
}

/* --------------------------------------------------------------- iteration */

static Value builtin_iter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "iter", argc, kwnames, 1, 2)) return EMPTY_VAL;
    if (argc == 1) return vm_iter(vm, args[0]);
    if (!is_callable(vm, args[0]))
        return vm_raise(vm, vm->types.TypeError, "iter(v, w): v must be callable");
    return iter_callable_new(vm, args[0], args[1]);
}

/* StopIteration carrying a generator's return value (none for None, as CPython). */
static Value raise_stop_iteration(VM *vm, Value value) {
    ObjTuple *exc_args = IS_NONE(value) ? tuple_new(vm, 0) : tuple_from_values(vm, 1, &value);
    return vm_raise_value(vm, OBJ_VAL(exception_new(vm, vm->types.StopIteration, exc_args)));
}

static Value builtin_next(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "next", argc, kwnames, 1, 2)) return EMPTY_VAL;
    Value it = args[0], item = NONE_VAL;
    if (IS_GENERATOR(it) && AS_GENERATOR(it)->kind == GEN_KIND_GENERATOR) {
        ResumeResult status = gen_send(vm, AS_GENERATOR(it), NONE_VAL, &item);
        if (status == RESUME_YIELD) return item;
        if (status == RESUME_ERROR) return EMPTY_VAL;
        return argc == 2 ? args[1] : raise_stop_iteration(vm, item);
    }
    int status = vm_next(vm, it, &item);
    if (status > 0) return item;
    if (status == 0) return argc == 2 ? args[1] : vm_raise_empty(vm, vm->types.StopIteration);
    if (argc == 2 && vm_exception_matches(vm, vm->types.StopIteration)) {
        vm_take_exception(vm);
        return args[1];
    }
    return EMPTY_VAL;
}

/* ------------------------------------------------------------------- setup */

void builtins_init(VM *vm) {
    ObjDict *b = vm->builtins;
    BuiltinClasses *t = &vm->types;
    t->type->construct = type_construct;
    struct {
        const char *name;
        ObjClass *cls;
    } classes[] = {{"object", t->object}, {"type", t->type},   {"int", t->int_},
                   {"float", t->float_},  {"bool", t->bool_},  {"str", t->str},
                   {"list", t->list},     {"tuple", t->tuple}, {"dict", t->dict},
                   {"set", t->set},       {"frozenset", t->frozenset},
                   {"range", t->range},   {"slice", t->slice},
                   {"bytes", t->bytes}};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        vm_define_value(vm, b, classes[i].name, OBJ_VAL(classes[i].cls));

    struct {
        const char *name;
        NativeFn fn;
    } functions[] = {
        {"print", builtin_print},       {"input", builtin_input},
        {"exit", builtin_exit},         {"quit", builtin_exit},
        {"len", builtin_len},           {"repr", builtin_repr},
        {"ascii", builtin_ascii},       {"format", builtin_format},
        {"hash", builtin_hash},         {"id", builtin_id},
        {"callable", builtin_callable}, {"getattr", builtin_getattr},
        {"setattr", builtin_setattr},   {"delattr", builtin_delattr},
        {"hasattr", builtin_hasattr},   {"isinstance", builtin_isinstance},
        {"issubclass", builtin_issubclass}, {"globals", builtin_globals},
        {"locals", builtin_locals},     {"vars", builtin_vars},
        {"dir", builtin_dir},           {"iter", builtin_iter},
        {"next", builtin_next},
    };
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        vm_define_native(vm, b, functions[i].name, functions[i].fn, NULL);
    builtins_more_init(vm);
    iter_init_classes(vm);
    class_init_builtins(vm);
}
