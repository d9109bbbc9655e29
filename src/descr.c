/* descr.c — what a class attribute turns into when read through an instance
 * or the class: functions bind to the instance, and the three built-in
 * descriptors staticmethod, classmethod and property (with getter, setter,
 * deleter) behave as CPython's. ops.c calls descr_get on every class hit. */
#include "class.h"

#include "containers.h"
#include "vm_internal.h"

/* staticmethod(f) and classmethod(f). */
typedef struct {
    ObjNativeData data;
    Value function;
} ObjWrapper;

/* property(fget, fset, fdel, doc) */
typedef struct {
    ObjNativeData data;
    Value fget, fset, fdel, doc;  /* NONE when not given */
    ObjStr *name;                 /* the attribute name, for messages (NULL until known) */
} ObjProperty;

static void wrapper_mark(VM *vm, void *object) { gc_mark_value(vm, ((ObjWrapper *)object)->function); }

static void property_mark(VM *vm, void *object) {
    ObjProperty *property = object;
    gc_mark_value(vm, property->fget);
    gc_mark_value(vm, property->fset);
    gc_mark_value(vm, property->fdel);
    gc_mark_value(vm, property->doc);
    if (property->name != NULL) gc_mark_object(vm, (Obj *)property->name);
}

static const NativeDataType staticmethod_kind = {"staticmethod", wrapper_mark, NULL};
static const NativeDataType classmethod_kind = {"classmethod", wrapper_mark, NULL};
static const NativeDataType property_kind = {"property", property_mark, NULL};

static bool is_kind(Value v, const NativeDataType *kind) {
    return IS_NATIVE_DATA(v) && AS_NATIVE_DATA(v)->kind == kind;
}

bool descr_is_property(Value attr) { return is_kind(attr, &property_kind); }

Value descr_wrapped_function(Value attr) {
    if (is_kind(attr, &staticmethod_kind) || is_kind(attr, &classmethod_kind))
        return ((ObjWrapper *)AS_NATIVE_DATA(attr))->function;
    return EMPTY_VAL;
}

/* The property's name for messages: found by looking for it in the class. */
static const char *property_name(VM *vm, ObjProperty *property, ObjClass *cls) {
    if (property->name != NULL) return property->name->chars;
    for (ObjClass *c = cls; c != NULL; c = c->base) {
        Value key, value;
        for (int64_t i = 0; dict_next(c->dict, &i, &key, &value);) {
            if (IS_NATIVE_DATA(value) && AS_NATIVE_DATA(value) == &property->data && IS_STR(key)) {
                property->name = AS_STR(key);
                return property->name->chars;
            }
        }
    }
    UNUSED(vm);
    return "?";
}

Value descr_get(VM *vm, Value attr, Value instance, ObjClass *owner) {
    if (IS_FUNCTION(attr)) return IS_EMPTY(instance) ? attr : OBJ_VAL(bound_method_new(vm, instance, attr));
    if (IS_NATIVE(attr)) {
        /* Methods of built-in classes bind; plain built-in functions stored in a class do not. */
        if (IS_EMPTY(instance) || AS_NATIVE(attr)->owner == NULL) return attr;
        return OBJ_VAL(bound_method_new(vm, instance, attr));
    }
    if (!IS_NATIVE_DATA(attr)) return attr;
    const NativeDataType *kind = AS_NATIVE_DATA(attr)->kind;
    if (kind == &staticmethod_kind) return ((ObjWrapper *)AS_NATIVE_DATA(attr))->function;
    if (kind == &classmethod_kind)
        return OBJ_VAL(bound_method_new(vm, OBJ_VAL(owner), ((ObjWrapper *)AS_NATIVE_DATA(attr))->function));
    if (kind == &property_kind) {
        if (IS_EMPTY(instance)) return attr;
        ObjProperty *property = (ObjProperty *)AS_NATIVE_DATA(attr);
        if (IS_NONE(property->fget))
            return vm_raise(vm, vm->types.AttributeError, "property '%s' of '%s' object has no getter",
                            property_name(vm, property, owner), owner->name->chars);
        return vm_call(vm, property->fget, 1, &instance);
    }
    return attr;
}

bool descr_property_set(VM *vm, Value attr, Value instance, ObjStr *name, Value value) {
    ObjProperty *property = (ObjProperty *)AS_NATIVE_DATA(attr);
    if (property->name == NULL) property->name = name;
    bool deleting = IS_EMPTY(value);
    Value function = deleting ? property->fdel : property->fset;
    if (IS_NONE(function)) {
        vm_raise(vm, vm->types.AttributeError, "property '%s' of '%s' object has no %s", name->chars,
                 vm_type_name(vm, instance), deleting ? "deleter" : "setter");
        return false;
    }
    Value args[2] = {instance, value};
    return !IS_EMPTY(vm_call(vm, function, deleting ? 1 : 2, args));
}

/* ------------------------------------------------------- constructors */

static Value wrapper_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames, const NativeDataType *kind) {
    ObjClass *cls = AS_CLASS(args[0]);
    if (!vm_check_args(vm, kind->name, argc - 1, kwnames, 1, 1)) return EMPTY_VAL;
    ObjWrapper *wrapper = (ObjWrapper *)native_data_new(vm, cls, kind, sizeof(ObjWrapper));
    wrapper->function = args[1];
    return OBJ_VAL(wrapper);
}

static Value staticmethod_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return wrapper_construct(vm, argc, args, kwnames, &staticmethod_kind);
}

static Value classmethod_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return wrapper_construct(vm, argc, args, kwnames, &classmethod_kind);
}

static ObjProperty *property_new(VM *vm, ObjClass *cls) {
    ObjProperty *property = (ObjProperty *)native_data_new(vm, cls, &property_kind, sizeof(ObjProperty));
    property->fget = property->fset = property->fdel = property->doc = NONE_VAL;
    return property;
}

static Value property_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"fget", "fset", "fdel", "doc"};
    Value given[4];
    if (!vm_parse_args(vm, "property", argc - 1, args + 1, kwnames, 4, params, 4, 0, given)) return EMPTY_VAL;
    ObjProperty *property = property_new(vm, AS_CLASS(args[0]));
    Value *fields[4] = {&property->fget, &property->fset, &property->fdel, &property->doc};
    for (int i = 0; i < 4; i++)
        if (!IS_EMPTY(given[i])) *fields[i] = given[i];
    if (IS_NONE(property->doc) && IS_FUNCTION(property->fget)) property->doc = AS_FUNCTION(property->fget)->doc;
    return OBJ_VAL(property);
}

static ObjProperty *self_property(VM *vm, const char *method, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, method, argc - 1, kwnames, 1, 1)) return NULL;
    return (ObjProperty *)AS_NATIVE_DATA(args[0]);
}

/* p.getter(f) / p.setter(f) / p.deleter(f): a copy with one function replaced. */
static Value property_copy_with(VM *vm, ObjProperty *from, int which, Value function) {
    vm_push_root(vm, function);
    ObjProperty *property = property_new(vm, from->data.cls);
    vm_pop_roots(vm, 1);
    property->fget = from->fget, property->fset = from->fset, property->fdel = from->fdel;
    property->doc = from->doc;
    property->name = from->name;
    if (which == 0) property->fget = function;
    else if (which == 1) property->fset = function;
    else property->fdel = function;
    return OBJ_VAL(property);
}

static Value property_getter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjProperty *property = self_property(vm, "getter", argc, args, kwnames);
    return property == NULL ? EMPTY_VAL : property_copy_with(vm, property, 0, args[1]);
}

static Value property_setter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjProperty *property = self_property(vm, "setter", argc, args, kwnames);
    return property == NULL ? EMPTY_VAL : property_copy_with(vm, property, 1, args[1]);
}

static Value property_deleter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjProperty *property = self_property(vm, "deleter", argc, args, kwnames);
    return property == NULL ? EMPTY_VAL : property_copy_with(vm, property, 2, args[1]);
}

Value descr_special_attribute(VM *vm, Value obj, ObjStr *name) {
    if (descr_is_property(obj)) {
        ObjProperty *property = (ObjProperty *)AS_NATIVE_DATA(obj);
        if (strcmp(name->chars, "fget") == 0) return property->fget;
        if (strcmp(name->chars, "fset") == 0) return property->fset;
        if (strcmp(name->chars, "fdel") == 0) return property->fdel;
        if (name == vm->s_doc) return property->doc;
        return EMPTY_VAL;
    }
    Value function = descr_wrapped_function(obj);
    if (IS_EMPTY(function)) return EMPTY_VAL;
    if (strcmp(name->chars, "__func__") == 0 || strcmp(name->chars, "__wrapped__") == 0) return function;
    if (name == vm->s_doc || name == vm->s_name || name == vm->s_qualname) return vm_getattr_opt(vm, function, name);
    return EMPTY_VAL;
}

static ObjClass *descriptor_class(VM *vm, const char *name, NativeFn construct) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, name), vm->types.object, OBJ_NATIVE_DATA);
    cls->is_builtin = true;
    cls->construct = construct;
    vm_define_value(vm, vm->builtins, name, OBJ_VAL(cls));
    return cls;
}

void descr_init_builtins(VM *vm) {
    descriptor_class(vm, "staticmethod", staticmethod_construct);
    descriptor_class(vm, "classmethod", classmethod_construct);
    ObjClass *property_class = descriptor_class(vm, "property", property_construct);
    vm_define_native(vm, property_class->dict, "getter", property_getter, property_class);
    vm_define_native(vm, property_class->dict, "setter", property_setter, property_class);
    vm_define_native(vm, property_class->dict, "deleter", property_deleter, property_class);
}
