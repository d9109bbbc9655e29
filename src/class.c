/* class.c — user-defined classes: __build_class__ (what a `class` statement
 * calls), type(name, bases, dict), making instances through __new__/__init__,
 * super() in both forms, and object's own methods. Attribute lookup through
 * classes is ops.c's; the descriptors (staticmethod, classmethod, property)
 * are descr.c's. handoff classes have one base: CPython's MRO is the chain. */
#include "class.h"

#include "containers.h"
#include "exceptions.h"
#include "vm_internal.h"

/* ------------------------------------------------------------- names */

static Value dict_str_item(VM *vm, ObjDict *dict, const char *name) {
    return dict_get_str(dict, str_intern_cstr(vm, name));
}

ObjStr *class_module(VM *vm, ObjClass *cls) {
    Value module = dict_get_str(cls->dict, vm->s_module);
    if (IS_STR(module)) return AS_STR(module);
    return str_intern_cstr(vm, cls->is_builtin ? "builtins" : "__main__");
}

ObjStr *class_qualname(VM *vm, ObjClass *cls) {
    Value qualname = dict_get_str(cls->dict, vm->s_qualname);
    return IS_STR(qualname) ? AS_STR(qualname) : cls->name;
}

void class_refresh_flags(VM *vm, ObjClass *cls) {
    ObjClass *base = cls->base;
    cls->has_properties = base != NULL && base->has_properties;
    cls->has_getattr = base != NULL && base->has_getattr;
    cls->has_setattr = base != NULL && base->has_setattr;
    Value key, value;
    for (int64_t i = 0; dict_next(cls->dict, &i, &key, &value);) {
        if (descr_is_property(value)) cls->has_properties = true;
        if (IS_STR(key) && AS_STR(key) == vm->s_getattr) cls->has_getattr = true;
        if (IS_STR(key) && AS_STR(key) == vm->dunder[DUNDER_SETATTR]) cls->has_setattr = true;
    }
}

/* --------------------------------------------------------- making classes */

/* Which classes a handoff class may derive from: object, the exceptions, and
 * classes written in Python (user classes, asyncio's Python-made classes). */
static bool acceptable_base(VM *vm, ObjClass *base) {
    if (base == vm->types.object) return true;
    if (base->instance_type == OBJ_EXCEPTION) return true;
    return !base->is_builtin && base->instance_type == OBJ_INSTANCE && base->construct == NULL;
}

Value class_create(VM *vm, ObjStr *name, int base_count, Value *bases, ObjDict *ns) {
    if (base_count > 1) {
        StrBuf buf;
        strbuf_init(&buf);
        for (int i = 0; i < base_count; i++) {
            if (i > 0) strbuf_append_cstr(&buf, ", ");
            strbuf_append_cstr(&buf, IS_CLASS(bases[i]) ? AS_CLASS(bases[i])->name->chars : vm_type_name(vm, bases[i]));
        }
        strbuf_append_char(&buf, '\0');
        vm_raise(vm, vm->types.TypeError,
                 "handoff supports single inheritance only: class '%s' cannot derive from %s",
                 name->chars, buf.data);
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    ObjClass *base = vm->types.object;
    if (base_count == 1) {
        if (!IS_CLASS(bases[0]))
            return vm_raise(vm, vm->types.TypeError, "a base class must be a class, not '%s' (class '%s')",
                            vm_type_name(vm, bases[0]), name->chars);
        base = AS_CLASS(bases[0]);
        if (base == vm->types.type)
            return vm_raise(vm, vm->types.TypeError,
                            "handoff does not support metaclasses (class '%s' derives from type)", name->chars);
        if (base == vm->types.bool_ || base == vm->types.none)
            return vm_raise(vm, vm->types.TypeError, "type '%s' is not an acceptable base type",
                            base->name->chars);
        if (!acceptable_base(vm, base))
            return vm_raise(vm, vm->types.TypeError,
                            "handoff does not support subclassing the built-in type '%s' (class '%s'): "
                            "derive from object and keep a %s in an attribute",
                            base->name->chars, name->chars, base->name->chars);
    }
    ObjStr *interned = str_intern(vm, name->chars, (size_t)name->length);
    vm_push_root(vm, OBJ_VAL(interned));
    ObjClass *cls = class_new(vm, interned, base, base->instance_type);
    cls->dict = ns;
    class_invalidate_lookups();
    cls->is_builtin = false;
    cls->construct = NULL;
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(dict_get_str(ns, vm->s_module)))
        dict_set_str(vm, ns, vm->s_module, OBJ_VAL(vm->s_main));
    /* A class that defines __eq__ but not __hash__ is unhashable, as CPython. */
    if (!IS_EMPTY(dict_get_str(ns, vm->dunder[DUNDER_EQ])) && IS_EMPTY(dict_get_str(ns, vm->dunder[DUNDER_HASH])))
        dict_set_str(vm, ns, vm->dunder[DUNDER_HASH], NONE_VAL);
    /* super() and __class__ in methods read the cell the body returned. */
    ObjStr *classcell = str_intern_cstr(vm, "__classcell__");
    Value cell = dict_get_str(ns, classcell);
    if (IS_CELL(cell)) {
        AS_CELL(cell)->value = OBJ_VAL(cls);
        dict_delete_str(vm, ns, classcell);
    }
    class_refresh_flags(vm, cls);
    return OBJ_VAL(cls);
}

/* Runs a class body with `ns` as its namespace (LOAD_NAME/STORE_NAME). */
static Value run_class_body(VM *vm, ObjFunction *body, ObjDict *ns) {
    Fiber *fiber = vm->fiber;
    if (!fiber_ensure_stack(vm, fiber, 1 + STACK_SLACK)) return EMPTY_VAL;
    int64_t base_offset = fiber->stack_top - fiber->stack;
    Value *base = fiber->stack_top;
    base[0] = OBJ_VAL(body);
    fiber->stack_top = base + 1;
    Value generator = EMPTY_VAL, result;
    if (!vm_push_call(vm, body, base + 1, 0, NULL, true, &generator)) {
        fiber->stack_top = fiber->stack + base_offset;
        return EMPTY_VAL;
    }
    fiber->frames[fiber->frame_count - 1].class_ns = ns;
    vm->c_depth++;
    ExecResult status = vm_execute(vm, &result);
    vm->c_depth--;
    return status == EXEC_RETURN ? result : EMPTY_VAL;
}

/* __build_class__(body, name, *bases, **keywords) */
static Value builtin_build_class(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int nkw = vm_kwcount(kwnames), npos = argc - nkw;
    if (npos < 2) return vm_raise(vm, vm->types.TypeError, "__build_class__: not enough arguments");
    if (!IS_FUNCTION(args[0])) return vm_raise(vm, vm->types.TypeError, "__build_class__: func must be a function");
    if (!IS_STR(args[1])) return vm_raise(vm, vm->types.TypeError, "__build_class__: name is not a string");
    ObjStr *name = AS_STR(args[1]);
    for (int k = 0; k < nkw; k++) {
        if (strcmp(AS_STR(kwnames->items[k])->chars, "metaclass") == 0)
            return vm_raise(vm, vm->types.TypeError,
                            "handoff does not support metaclasses (class '%s' has metaclass=...)", name->chars);
    }
    if (nkw > 0)
        return vm_raise(vm, vm->types.TypeError, "%s.__init_subclass__() takes no keyword arguments", name->chars);
    if (npos - 2 > 1) return class_create(vm, name, npos - 2, args + 2, NULL);
    if (npos == 3 && (!IS_CLASS(args[2]) || !acceptable_base(vm, AS_CLASS(args[2]))))
        return class_create(vm, name, 1, args + 2, NULL); /* raises before the body runs */
    /* Copied out of args, which the body's run may move (the stack can grow). */
    Value base = npos == 3 ? args[2] : EMPTY_VAL;
    ObjDict *ns = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(ns));
    vm_push_root(vm, OBJ_VAL(name));
    vm_push_root(vm, base);
    Value result = run_class_body(vm, AS_FUNCTION(args[0]), ns);
    Value cls = IS_EMPTY(result) ? EMPTY_VAL : class_create(vm, name, npos - 2, &base, ns);
    vm_pop_roots(vm, 3);
    return cls;
}

/* type(name, bases, dict) */
Value class_from_type_call(VM *vm, Value name, Value bases, Value dict) {
    if (!IS_STR(name)) return vm_raise(vm, vm->types.TypeError, "type.__new__() argument 1 must be str, not %s", vm_type_name(vm, name));
    if (!IS_TUPLE(bases)) return vm_raise(vm, vm->types.TypeError, "type.__new__() argument 2 must be tuple, not %s", vm_type_name(vm, bases));
    if (!IS_DICT(dict)) return vm_raise(vm, vm->types.TypeError, "type.__new__() argument 3 must be dict, not %s", vm_type_name(vm, dict));
    ObjDict *ns = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(ns));
    Value key, value;
    for (int64_t i = 0; dict_next(AS_DICT(dict), &i, &key, &value);) {
        if (!IS_STR(key)) continue;
        dict_set_str(vm, ns, str_intern(vm, AS_STR(key)->chars, (size_t)AS_STR(key)->length), value);
    }
    if (IS_EMPTY(dict_get_str(ns, vm->s_qualname))) dict_set_str(vm, ns, vm->s_qualname, name);
    Value cls = class_create(vm, AS_STR(name), (int)AS_TUPLE(bases)->count, AS_TUPLE(bases)->items, ns);
    vm_pop_roots(vm, 1);
    return cls;
}

/* ------------------------------------------------------- making instances */

/* Is it one of object's own methods (object.__new__ has no owner: it takes the class)? */
static bool is_object_method(VM *vm, Value method) {
    if (!IS_NATIVE(method)) return false;
    ObjNative *native = AS_NATIVE(method);
    return native->owner == vm->types.object ||
           (IS_CLASS(native->data) && AS_CLASS(native->data) == vm->types.object);
}

static Value blank_instance(VM *vm, ObjClass *cls, int npositional, Value *args) {
    if (cls->instance_type == OBJ_EXCEPTION)
        return OBJ_VAL(exception_new(vm, cls, tuple_from_values(vm, npositional, args)));
    return OBJ_VAL(instance_new(vm, cls));
}

/* Calls `function(first, *args, **kw)`. */
static Value call_with_first(VM *vm, Value function, Value first, int argc, Value *args, ObjTuple *kwnames) {
    Value stack_args[8];
    Value *with_first = argc < 8 ? stack_args : malloc(sizeof(Value) * (size_t)(argc + 1));
    if (with_first == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
    with_first[0] = first;
    if (argc > 0) memcpy(with_first + 1, args, sizeof(Value) * (size_t)argc);
    Value result = vm_call_kw(vm, function, argc + 1, with_first, kwnames);
    if (with_first != stack_args) free(with_first);
    return result;
}

Value class_plain_init(VM *vm, ObjClass *cls) {
    if (cls->construct != NULL || cls->instance_type != OBJ_INSTANCE || cls->is_builtin) return EMPTY_VAL;
    Value init = class_lookup(cls, vm->s_init);
    if (!IS_FUNCTION(init)) return EMPTY_VAL;
    Value new_method = class_lookup(cls, vm->s_new);
    return is_object_method(vm, new_method) ? init : EMPTY_VAL;
}

Value class_instantiate(VM *vm, ObjClass *cls, int argc, Value *args, ObjTuple *kwnames) {
    Value new_method = class_lookup(cls, vm->s_new);
    Value init = class_lookup(cls, vm->s_init);
    bool custom_new = !IS_EMPTY(new_method) && !is_object_method(vm, new_method);
    bool custom_init = !IS_EMPTY(init) && !is_object_method(vm, init);
    Value instance;
    if (custom_new) {
        Value function = descr_wrapped_function(new_method);
        if (IS_EMPTY(function)) function = new_method;
        /* args may lie on the stack, which __new__ may grow (move): find them again after. */
        Fiber *fiber = vm->fiber;
        bool on_stack = args >= fiber->stack && args < fiber->stack + fiber->stack_capacity;
        int64_t args_at = on_stack ? args - fiber->stack : 0;
        vm_push_root(vm, init);
        instance = call_with_first(vm, function, OBJ_VAL(cls), argc, args, kwnames);
        vm_pop_roots(vm, 1);
        if (on_stack) args = vm->fiber->stack + args_at;
        if (IS_EMPTY(instance) || !vm_is_instance(vm, instance, cls)) return instance;
    } else {
        if (!custom_init && argc > 0)
            return vm_raise(vm, vm->types.TypeError, "%s() takes no arguments", cls->name->chars);
        instance = blank_instance(vm, cls, argc - vm_kwcount(kwnames), args);
    }
    if (!custom_init) return instance;
    vm_push_root(vm, instance);
    Value result = call_with_first(vm, init, instance, argc, args, kwnames);
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(result)) return EMPTY_VAL;
    if (!IS_NONE(result))
        return vm_raise(vm, vm->types.TypeError, "__init__() should return None, not '%s'", vm_type_name(vm, result));
    return instance;
}

/* -------------------------------------------------------- object's methods */

static Value object_init(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (argc > 1 || vm_kwcount(kwnames) > 0) {
        /* CPython accepts extra arguments only when __new__ is overridden. */
        ObjClass *cls = vm_type_of(vm, args[0]);
        Value new_method = class_lookup(cls, vm->s_new);
        if (IS_EMPTY(new_method) || is_object_method(vm, new_method))
            return vm_raise(vm, vm->types.TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    return NONE_VAL;
}

static Value object_new(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (argc - vm_kwcount(kwnames) < 1)
        return vm_raise(vm, vm->types.TypeError, "object.__new__(): not enough arguments");
    if (!IS_CLASS(args[0]))
        return vm_raise(vm, vm->types.TypeError, "object.__new__(X): X is not a type object (%s)",
                        vm_type_name(vm, args[0]));
    ObjClass *cls = AS_CLASS(args[0]);
    if (cls->is_builtin && cls != vm->types.object)
        return vm_raise(vm, vm->types.TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                        cls->name->chars, cls->name->chars);
    return blank_instance(vm, cls, 0, NULL);
}

static Value object_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__repr__", argc, kwnames, 1, 1)) return EMPTY_VAL;
    Value self = args[0];
    ObjClass *cls = vm_type_of(vm, self);
    if (!IS_OBJ(self)) return vm_repr(vm, self);
    ObjStr *module = class_module(vm, cls);
    if (strcmp(module->chars, "builtins") == 0)
        return OBJ_VAL(str_printf(vm, "<%s object at %p>", class_qualname(vm, cls)->chars, (void *)AS_OBJ(self)));
    return OBJ_VAL(str_printf(vm, "<%s.%s object at %p>", module->chars, class_qualname(vm, cls)->chars,
                              (void *)AS_OBJ(self)));
}

static Value object_str(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__str__", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return vm_repr(vm, args[0]);
}

/* object.__setattr__(self, name, value): the plain store, bypassing a
 * __setattr__ the class defines (what such a method calls in the end). */
static Value object_setattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__setattr__", argc, kwnames, 3, 3)) return EMPTY_VAL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[1]));
    ObjStr *name = str_intern(vm, AS_STR(args[1])->chars, (size_t)AS_STR(args[1])->length);
    if (IS_INSTANCE(args[0])) {
        ObjInstance *instance = AS_INSTANCE(args[0]);
        if (instance->cls->has_properties) {
            Value attr = class_lookup(instance->cls, name);
            if (descr_is_property(attr))
                return descr_property_set(vm, attr, args[0], name, args[2]) ? NONE_VAL : EMPTY_VAL;
        }
        dict_set_str(vm, instance->dict, name, args[2]);
        return NONE_VAL;
    }
    return vm_setattr(vm, args[0], name, args[2]) ? NONE_VAL : EMPTY_VAL;
}

static Value object_delattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__delattr__", argc, kwnames, 2, 2)) return EMPTY_VAL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[1]));
    return vm_delattr(vm, args[0], AS_STR(args[1])) ? NONE_VAL : EMPTY_VAL;
}

static Value object_getattribute(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__getattribute__", argc, kwnames, 2, 2)) return EMPTY_VAL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->types.TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[1]));
    return vm_getattr(vm, args[0], AS_STR(args[1]));
}

static Value object_eq(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__eq__", argc, kwnames, 2, 2)) return EMPTY_VAL;
    if (IS_OBJ(args[0]) && IS_OBJ(args[1]) && AS_OBJ(args[0]) == AS_OBJ(args[1])) return TRUE_VAL;
    return vm->not_implemented;
}

static Value object_ne(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__ne__", argc, kwnames, 2, 2)) return EMPTY_VAL;
    Value eq = vm_compare(vm, CMP_EQ, args[0], args[1]);
    if (IS_EMPTY(eq)) return EMPTY_VAL;
    int truth = vm_truthy(vm, eq);
    return truth < 0 ? EMPTY_VAL : BOOL_VAL(!truth);
}

static Value object_hash(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__hash__", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!IS_OBJ(args[0])) {
        uint64_t hash;
        if (!vm_hash(vm, args[0], &hash)) return EMPTY_VAL;
        return INT_VAL((int64_t)hash);
    }
    return INT_VAL((int64_t)((uint64_t)(uintptr_t)AS_OBJ(args[0]) >> 4));
}

/* ------------------------------------------------------------------ super */

typedef struct {
    ObjNativeData data;
    ObjClass *start;        /* lookups begin after this class */
    Value self;             /* the instance, or the class (in classmethods) */
} ObjSuper;

static void super_mark(VM *vm, void *object) {
    ObjSuper *super = object;
    gc_mark_object(vm, (Obj *)super->start);
    gc_mark_value(vm, super->self);
}

static const NativeDataType super_kind = {"super", super_mark, NULL};

bool class_is_super(Value v) { return IS_NATIVE_DATA(v) && AS_NATIVE_DATA(v)->kind == &super_kind; }

/* super(): the class from the caller's __class__ cell, self from its first argument. */
static bool zero_arg_super(VM *vm, ObjClass **start, Value *self) {
    Fiber *fiber = vm->fiber;
    if (fiber == NULL || fiber->frame_count == 0) {
        vm_raise(vm, vm->types.RuntimeError, "super(): no current frame");
        return false;
    }
    CallFrame *frame = &fiber->frames[fiber->frame_count - 1];
    ObjCode *code = frame->function->code;
    if (code->argcount == 0 && !(code->flags & CODE_VARARGS)) {
        vm_raise(vm, vm->types.RuntimeError, "super(): no arguments");
        return false;
    }
    Value first = frame->slots[0];
    for (int i = 0; i < code->ncells; i++) {
        if (code->cell2arg != NULL && code->cell2arg[i] == 0) {
            first = AS_CELL(frame->slots[code->nlocals + i])->value;
            break;
        }
    }
    if (code->argcount == 0 && IS_TUPLE(first) && AS_TUPLE(first)->count > 0) first = AS_TUPLE(first)->items[0];
    if (IS_EMPTY(first)) {
        vm_raise(vm, vm->types.RuntimeError, "super(): arg[0] deleted");
        return false;
    }
    for (int i = 0; i < code->nfree; i++) {
        if (strcmp(code->freenames[i]->chars, "__class__") != 0) continue;
        Value cell = frame->slots[code->nlocals + code->ncells + i];
        Value cls = IS_CELL(cell) ? AS_CELL(cell)->value : EMPTY_VAL;
        if (!IS_CLASS(cls)) {
            vm_raise(vm, vm->types.RuntimeError, "super(): empty __class__ cell");
            return false;
        }
        *start = AS_CLASS(cls);
        *self = first;
        return true;
    }
    vm_raise(vm, vm->types.RuntimeError, "super(): __class__ cell not found");
    return false;
}

static Value super_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "super() takes no keyword arguments");
    ObjClass *start;
    Value self;
    if (argc == 1) {
        if (!zero_arg_super(vm, &start, &self)) return EMPTY_VAL;
    } else if (argc == 3) {
        if (!IS_CLASS(args[1]))
            return vm_raise(vm, vm->types.TypeError, "super() argument 1 must be a type, not %s",
                            vm_type_name(vm, args[1]));
        start = AS_CLASS(args[1]);
        self = args[2];
    } else {
        return vm_raise(vm, vm->types.TypeError, "handoff supports super() and super(type, obj) only");
    }
    bool is_instance = vm_is_instance(vm, self, start);
    bool is_subclass = IS_CLASS(self) && class_is_subclass(AS_CLASS(self), start);
    if (!is_instance && !is_subclass)
        return vm_raise(vm, vm->types.TypeError, "super(type, obj): obj must be an instance or subtype of type");
    ObjSuper *super = (ObjSuper *)native_data_new(vm, AS_CLASS(args[0]), &super_kind, sizeof(ObjSuper));
    super->start = start;
    super->self = self;
    return OBJ_VAL(super);
}

bool class_super_method(VM *vm, Value value, ObjStr *name, Value *method, Value *self) {
    ObjSuper *super = (ObjSuper *)AS_NATIVE_DATA(value);
    if (IS_CLASS(super->self) && class_is_subclass(AS_CLASS(super->self), super->start)) return false;
    UNUSED(vm);
    for (ObjClass *cls = super->start->base; cls != NULL; cls = cls->base) {
        Value found = dict_get_str(cls->dict, name);
        if (IS_EMPTY(found)) continue;
        if (!IS_FUNCTION(found)) return false;
        *method = found;
        *self = super->self;
        return true;
    }
    return false;
}

Value class_super_getattr(VM *vm, Value value, ObjStr *name) {
    ObjSuper *super = (ObjSuper *)AS_NATIVE_DATA(value);
    if (name == vm->s_class) return OBJ_VAL(super->data.cls);
    bool through_class = IS_CLASS(super->self) && class_is_subclass(AS_CLASS(super->self), super->start);
    ObjClass *owner = through_class ? AS_CLASS(super->self) : vm_type_of(vm, super->self);
    for (ObjClass *cls = super->start->base; cls != NULL; cls = cls->base) {
        Value found = dict_get_str(cls->dict, name);
        if (IS_EMPTY(found)) continue;
        return descr_get(vm, found, through_class ? EMPTY_VAL : super->self, owner);
    }
    return vm_raise(vm, vm->types.AttributeError, "'super' object has no attribute '%s'", name->chars);
}

/* ------------------------------------------------------------------ setup */

static void mark_names(VM *vm, void *data) {
    UNUSED(data);
    gc_mark_object(vm, (Obj *)vm->s_new);
    gc_mark_object(vm, (Obj *)vm->s_getattr);
    gc_mark_object(vm, (Obj *)vm->s_delattr);
}

void class_init_builtins(VM *vm) {
    ObjClass *object = vm->types.object;
    vm->s_new = str_intern_cstr(vm, "__new__");
    vm->s_getattr = str_intern_cstr(vm, "__getattr__");
    vm->s_delattr = str_intern_cstr(vm, "__delattr__");
    vm_add_root_marker(vm, mark_names, NULL);
    vm_define_native(vm, object->dict, "__init__", object_init, object);
    vm_define_native(vm, object->dict, "__new__", object_new, object);
    vm_define_native(vm, object->dict, "__repr__", object_repr, object);
    vm_define_native(vm, object->dict, "__str__", object_str, object);
    vm_define_native(vm, object->dict, "__setattr__", object_setattr, object);
    vm_define_native(vm, object->dict, "__delattr__", object_delattr, object);
    vm_define_native(vm, object->dict, "__getattribute__", object_getattribute, object);
    vm_define_native(vm, object->dict, "__eq__", object_eq, object);
    vm_define_native(vm, object->dict, "__ne__", object_ne, object);
    vm_define_native(vm, object->dict, "__hash__", object_hash, object);
    /* object.__new__ is called with the class first: not a method of instances. */
    ObjNative *new_native = AS_NATIVE(dict_str_item(vm, object->dict, "__new__"));
    new_native->owner = NULL;
    new_native->data = OBJ_VAL(object);

    vm_define_native(vm, vm->builtins, "__build_class__", builtin_build_class, NULL);
    ObjClass *super_class = class_new(vm, str_intern_cstr(vm, "super"), object, OBJ_NATIVE_DATA);
    super_class->is_builtin = true;
    super_class->construct = super_construct;
    vm_define_value(vm, vm->builtins, "super", OBJ_VAL(super_class));
    descr_init_builtins(vm);
}
