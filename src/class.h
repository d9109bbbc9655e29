/* class.h — user-defined classes: the `class` statement's __build_class__,
 * making instances (__new__, __init__), super(), the methods of `object`, and
 * the descriptors staticmethod, classmethod and property (descr.c). */
#ifndef HANDOFF_CLASS_H
#define HANDOFF_CLASS_H

#include "vm.h"

/* Defines __build_class__, super, staticmethod, classmethod and property in
 * vm->builtins and object's own methods (__init__, __new__, __setattr__, ...).
 * Called by builtins_init. */
void class_init_builtins(VM *vm);

/* Makes a class as the class statement does: `bases` holds 0 or 1 class,
 * `ns` becomes the class dict. Raises TypeError for what handoff leaves out
 * (several bases, metaclasses, built-in bases other than object/exceptions). */
Value class_create(VM *vm, ObjStr *name, int base_count, Value *bases, ObjDict *ns);

/* type(name, bases, dict) */
Value class_from_type_call(VM *vm, Value name, Value bases, Value dict);

/* The __init__ a call of cls runs when the dispatch loop can make the instance
 * itself (a Python function, object's __new__, plain instances), else EMPTY. */
Value class_plain_init(VM *vm, ObjClass *cls);

/* Calls a user-defined class: __new__ when it defines one, then __init__. */
Value class_instantiate(VM *vm, ObjClass *cls, int argc, Value *args, ObjTuple *kwnames);

/* Recomputes the cached has_* flags of cls from its dict and its base (after
 * the class is made, and when a special name is assigned on the class). */
void class_refresh_flags(VM *vm, ObjClass *cls);

/* The name shown for a class: "__main__.A" style text is module + qualname. */
ObjStr *class_qualname(VM *vm, ObjClass *cls);
ObjStr *class_module(VM *vm, ObjClass *cls);  /* "builtins" for built-in classes */

/* super objects: is v one, and v.name looked up past its class. */
bool class_is_super(Value v);
/* super().name when it is a Python function: *method and *self to call it with. */
bool class_super_method(VM *vm, Value super, ObjStr *name, Value *method, Value *self);
Value class_super_getattr(VM *vm, Value super, ObjStr *name);

/* ---- descriptors (descr.c) ---- */
void descr_init_builtins(VM *vm);
bool descr_is_property(Value attr);
/* What `owner_or_instance.name` gives for `attr` found in a class dict:
 * functions (and methods of built-in classes) bind to an instance; a
 * classmethod binds to the class; a staticmethod gives its function; a
 * property calls its getter on an instance. `instance` is EMPTY for access
 * through the class itself. EMPTY with an exception raised on error. */
Value descr_get(VM *vm, Value attr, Value instance, ObjClass *owner);
/* instance.name = value (value EMPTY: del instance.name) through a property. */
bool descr_property_set(VM *vm, Value property, Value instance, ObjStr *name, Value value);
/* p.fget, p.fset, p.fdel, p.__doc__ of a property; f.__func__ of a
 * staticmethod/classmethod; EMPTY when obj is none of these or has no such name. */
Value descr_special_attribute(VM *vm, Value obj, ObjStr *name);
/* The function a staticmethod/classmethod wraps, or EMPTY. */
Value descr_wrapped_function(Value attr);

#endif
