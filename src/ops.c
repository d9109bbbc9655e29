/* ops.c — the object protocols: type, repr/str, truth, equality, hashing,
 * comparison, arithmetic, attributes, subscripts, iteration, len, `in`,
 * format. Each dispatches on the value's kind to the type's own module
 * (int.c, str.c, list.c, ...) and raises CPython's TypeError otherwise. */
#include <stdarg.h>

#include "class.h"
#include "containers.h"
#include "exceptions.h"
#include "opcodes.h"
#include "vm_internal.h"

/* ------------------------------------------------------------------ types */

static ObjClass *iterator_class(VM *vm, const char *type_name) {
    /* Classes stay alive in vm->iterator_classes, so the cache may point at them. */
    size_t slot = ((uintptr_t)type_name >> 3) % (sizeof vm->iterator_class_cache / sizeof vm->iterator_class_cache[0]);
    if (vm->iterator_class_cache[slot].type_name == type_name) return vm->iterator_class_cache[slot].cls;
    ObjStr *name = str_intern_cstr(vm, type_name);
    Value found = dict_get_str(vm->iterator_classes, name);
    ObjClass *cls;
    if (!IS_EMPTY(found)) {
        cls = AS_CLASS(found);
    } else {
        cls = class_new(vm, name, vm->types.object, OBJ_ITERATOR);
        cls->is_builtin = true;
        cls->construct = NULL;
        dict_set_str(vm, vm->iterator_classes, name, OBJ_VAL(cls));
    }
    vm->iterator_class_cache[slot].type_name = type_name;
    vm->iterator_class_cache[slot].cls = cls;
    return cls;
}

ObjClass *vm_type_of(VM *vm, Value v) {
    switch (v.type) {
    case VAL_NONE: return vm->types.none;
    case VAL_BOOL: return vm->types.bool_;
    case VAL_INT: return vm->types.int_;
    case VAL_FLOAT: return vm->types.float_;
    case VAL_EMPTY: return vm->types.none;
    case VAL_OBJ: break;
    }
    switch (OBJ_TYPE(v)) {
    case OBJ_STR: return vm->types.str;
    case OBJ_BIGINT: return vm->types.int_;
    case OBJ_TUPLE: return vm->types.tuple;
    case OBJ_LIST: return vm->types.list;
    case OBJ_DICT: return vm->types.dict;
    case OBJ_SET: return AS_SET(v)->frozen ? vm->types.frozenset : vm->types.set;
    case OBJ_RANGE: return vm->types.range;
    case OBJ_SLICE: return vm->types.slice;
    case OBJ_CODE: return vm->types.code;
    case OBJ_FUNCTION: return vm->types.function;
    case OBJ_CELL: return vm->types.cell;
    case OBJ_NATIVE: return vm->types.builtin_function;
    case OBJ_BOUND_METHOD: return vm->types.method;
    case OBJ_CLASS: return vm->types.type;
    case OBJ_INSTANCE: return AS_INSTANCE(v)->cls;
    case OBJ_EXCEPTION: return AS_EXCEPTION(v)->cls;
    case OBJ_MODULE: return vm->types.module;
    case OBJ_GENERATOR:
        switch (AS_GENERATOR(v)->kind) {
        case GEN_KIND_COROUTINE: return vm->types.coroutine;
        case GEN_KIND_ASYNC_GENERATOR: return vm->types.async_generator;
        default: return vm->types.generator;
        }
    case OBJ_ITERATOR: return iterator_class(vm, AS_ITERATOR(v)->type_name);
    case OBJ_NATIVE_DATA: return AS_NATIVE_DATA(v)->cls;
    case OBJ_BYTES: return vm->types.bytes;
    }
    return vm->types.object;
}

const char *vm_type_name(VM *vm, Value v) { return vm_type_of(vm, v)->name->chars; }

bool vm_is_instance(VM *vm, Value v, ObjClass *cls) { return class_is_subclass(vm_type_of(vm, v), cls); }

static bool is_number(Value v) { return IS_INT(v) || IS_BOOL(v) || IS_FLOAT(v) || IS_BIGINT(v); }

/* A method defined in Python (a user class) for a dunder name, or EMPTY. */
static Value user_method(VM *vm, Value v, DunderName name) {
    if (!IS_INSTANCE(v) && !IS_EXCEPTION(v) && !IS_NATIVE_DATA(v)) return EMPTY_VAL;
    ObjClass *cls = vm_type_of(vm, v);
    if (cls->is_builtin) return EMPTY_VAL;
    Value method = class_lookup(cls, vm->dunder[name]);
    if (IS_FUNCTION(method)) return method;
    /* object's own methods are the default behaviour the caller falls back to. */
    if (IS_NATIVE(method) && AS_NATIVE(method)->owner != vm->types.object) return method;
    return EMPTY_VAL;
}

static Value call_user_method(VM *vm, Value method, Value self, int argc, Value *args) {
    Value with_self[4];
    with_self[0] = self;
    for (int i = 0; i < argc && i < 3; i++) with_self[i + 1] = args[i];
    return vm_call(vm, method, argc + 1, with_self);
}

bool vm_c_stack_exhausted(VM *vm, const char *message) {
    if (stack_used_since(vm->c_stack_base) < vm->c_stack_limit) return false;
    vm_raise(vm, vm->types.RecursionError, "%s", message);
    return true;
}

/* ------------------------------------------------------------ repr and str */

static Value address_repr(VM *vm, const char *prefix, const char *name, const void *address) {
    return OBJ_VAL(str_printf(vm, "<%s%s at %p>", prefix, name, address));
}

Value vm_repr(VM *vm, Value v) {
    switch (v.type) {
    case VAL_NONE: return OBJ_VAL(str_intern_cstr(vm, "None"));
    case VAL_BOOL: return OBJ_VAL(str_intern_cstr(vm, AS_BOOL(v) ? "True" : "False"));
    case VAL_INT: return int_repr(vm, v);
    case VAL_FLOAT: return float_repr(vm, AS_FLOAT(v));
    case VAL_EMPTY: return OBJ_VAL(str_intern_cstr(vm, "<unbound>"));
    case VAL_OBJ: break;
    }
    if (vm_c_stack_exhausted(vm, "maximum recursion depth exceeded while getting the repr of an object"))
        return EMPTY_VAL;
    Value custom = user_method(vm, v, DUNDER_REPR);
    if (!IS_EMPTY(custom)) {
        Value text = call_user_method(vm, custom, v, 0, NULL);
        if (!IS_EMPTY(text) && !IS_STR(text))
            return vm_raise(vm, vm->types.TypeError, "__repr__ returned non-string (type %s)",
                            vm_type_name(vm, text));
        return text;
    }
    switch (OBJ_TYPE(v)) {
    case OBJ_STR: return str_repr(vm, AS_STR(v));
    case OBJ_BIGINT: return int_repr(vm, v);
    case OBJ_TUPLE: return tuple_repr(vm, AS_TUPLE(v));
    case OBJ_LIST: return list_repr(vm, AS_LIST(v));
    case OBJ_DICT: return dict_repr(vm, AS_DICT(v));
    case OBJ_SET: return set_repr(vm, AS_SET(v));
    case OBJ_RANGE: return range_repr(vm, AS_RANGE(v));
    case OBJ_SLICE: return slice_repr(vm, AS_SLICE(v));
    case OBJ_CODE: return address_repr(vm, "code object ", AS_CODE(v)->name->chars, AS_OBJ(v));
    case OBJ_FUNCTION: return address_repr(vm, "function ", AS_FUNCTION(v)->qualname->chars, AS_OBJ(v));
    case OBJ_CELL: return address_repr(vm, "cell", "", AS_OBJ(v));
    case OBJ_NATIVE: {
        ObjNative *native = AS_NATIVE(v);
        if (native->owner != NULL)
            return OBJ_VAL(str_printf(vm, "<method '%s' of '%s' objects>", native->name->chars,
                                      native->owner->name->chars));
        return OBJ_VAL(str_printf(vm, "<built-in function %s>", native->name->chars));
    }
    case OBJ_BOUND_METHOD: {
        ObjBoundMethod *method = AS_BOUND_METHOD(v);
        Value self_repr = vm_repr(vm, method->self);
        if (IS_EMPTY(self_repr)) return EMPTY_VAL;
        if (IS_NATIVE(method->callable))
            return OBJ_VAL(str_printf(vm, "<built-in method %s of %s object at %p>",
                                      AS_NATIVE(method->callable)->name->chars,
                                      vm_type_name(vm, method->self), (void *)AS_OBJ(method->self)));
        const char *name = IS_FUNCTION(method->callable) ? AS_FUNCTION(method->callable)->qualname->chars : "?";
        return OBJ_VAL(str_printf(vm, "<bound method %s of %s>", name, AS_STR(self_repr)->chars));
    }
    case OBJ_CLASS: {
        ObjClass *cls = AS_CLASS(v);
        if (cls->is_builtin) return OBJ_VAL(str_printf(vm, "<class '%s'>", cls->name->chars));
        return OBJ_VAL(str_printf(vm, "<class '%s.%s'>", class_module(vm, cls)->chars,
                                  class_qualname(vm, cls)->chars));
    }
    case OBJ_INSTANCE: {
        ObjClass *cls = AS_INSTANCE(v)->cls;
        if (cls == vm->types.not_implemented) return OBJ_VAL(str_intern_cstr(vm, "NotImplemented"));
        if (cls == vm->types.ellipsis) return OBJ_VAL(str_intern_cstr(vm, "Ellipsis"));
        if (cls->is_builtin)
            return OBJ_VAL(str_printf(vm, "<%s object at %p>", cls->name->chars, (void *)AS_OBJ(v)));
        return OBJ_VAL(str_printf(vm, "<%s.%s object at %p>", class_module(vm, cls)->chars,
                                  class_qualname(vm, cls)->chars, (void *)AS_OBJ(v)));
    }
    case OBJ_EXCEPTION: return exception_repr(vm, AS_EXCEPTION(v));
    case OBJ_MODULE: return OBJ_VAL(str_printf(vm, "<module '%s' (built-in)>", AS_MODULE(v)->name->chars));
    case OBJ_GENERATOR: {
        ObjGenerator *gen = AS_GENERATOR(v);
        const char *kind = gen->kind == GEN_KIND_COROUTINE        ? "coroutine"
                           : gen->kind == GEN_KIND_ASYNC_GENERATOR ? "async_generator"
                                                                   : "generator";
        return OBJ_VAL(str_printf(vm, "<%s object %s at %p>", kind, gen->qualname->chars, (void *)gen));
    }
    case OBJ_ITERATOR: {
        if (dict_is_view(v)) return dict_view_repr(vm, AS_ITERATOR(v));
        /* A kind with a repr of its own (itertools.count(5)) says so on its class. */
        Value custom = class_lookup(vm_type_of(vm, v), vm->dunder[DUNDER_REPR]);
        if (IS_NATIVE(custom)) return vm_call(vm, custom, 1, &v);
        return OBJ_VAL(str_printf(vm, "<%s object at %p>", AS_ITERATOR(v)->type_name, (void *)AS_OBJ(v)));
    }
    case OBJ_NATIVE_DATA:
        return OBJ_VAL(str_printf(vm, "<%s object at %p>", AS_NATIVE_DATA(v)->cls->name->chars,
                                  (void *)AS_OBJ(v)));
    case OBJ_BYTES: return bytes_repr(vm, AS_BYTES(v));
    }
    return EMPTY_VAL;
}

Value vm_str(VM *vm, Value v) {
    if (IS_STR(v)) return v;
    Value custom = user_method(vm, v, DUNDER_STR);
    if (!IS_EMPTY(custom)) {
        Value text = call_user_method(vm, custom, v, 0, NULL);
        if (!IS_EMPTY(text) && !IS_STR(text))
            return vm_raise(vm, vm->types.TypeError, "__str__ returned non-string (type %s)",
                            vm_type_name(vm, text));
        return text;
    }
    if (IS_EXCEPTION(v)) return exception_str(vm, AS_EXCEPTION(v));
    return vm_repr(vm, v);
}

Value vm_ascii(VM *vm, Value v) {
    Value text = vm_repr(vm, v);
    if (IS_EMPTY(text)) return EMPTY_VAL;
    ObjStr *s = AS_STR(text);
    if (s->is_ascii) return text;
    StrBuf buf;
    strbuf_init(&buf);
    for (int64_t i = 0; i < s->length;) {
        int size;
        uint32_t cp = utf8_decode(s->chars + i, &size);
        if (cp < 0x80) strbuf_append_char(&buf, (char)cp);
        else if (cp <= 0xFF) strbuf_appendf(&buf, "\\x%02x", cp);
        else if (cp <= 0xFFFF) strbuf_appendf(&buf, "\\u%04x", cp);
        else strbuf_appendf(&buf, "\\U%08x", cp);
        i += size;
    }
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

ObjStr *vm_empty_str(VM *vm) { return str_intern(vm, "", 0); }

/* ------------------------------------------------------- truth and equality */

int vm_truthy(VM *vm, Value v) {
    switch (v.type) {
    case VAL_NONE:
    case VAL_EMPTY: return 0;
    case VAL_BOOL: return AS_BOOL(v);
    case VAL_INT: return AS_INT(v) != 0;
    case VAL_FLOAT: return AS_FLOAT(v) != 0.0;
    case VAL_OBJ: break;
    }
    switch (OBJ_TYPE(v)) {
    case OBJ_STR: return AS_STR(v)->length > 0;
    case OBJ_BIGINT: return 1;
    case OBJ_TUPLE: return AS_TUPLE(v)->count > 0;
    case OBJ_LIST: return AS_LIST(v)->count > 0;
    case OBJ_DICT: return AS_DICT(v)->count > 0;
    case OBJ_SET: return AS_SET(v)->used > 0;
    case OBJ_RANGE: return AS_RANGE(v)->length > 0;
    case OBJ_BYTES: return AS_BYTES(v)->length > 0;
    case OBJ_ITERATOR:
        if (dict_is_view(v)) return dict_view_len(AS_ITERATOR(v)) > 0;
        return 1;
    default: break;
    }
    Value method = user_method(vm, v, DUNDER_BOOL);
    if (!IS_EMPTY(method)) {
        Value result = call_user_method(vm, method, v, 0, NULL);
        if (IS_EMPTY(result)) return -1;
        if (!IS_BOOL(result)) {
            vm_raise(vm, vm->types.TypeError, "__bool__ should return bool, returned %s", vm_type_name(vm, result));
            return -1;
        }
        return AS_BOOL(result);
    }
    method = user_method(vm, v, DUNDER_LEN);
    if (!IS_EMPTY(method)) {
        int64_t length;
        if (!vm_len(vm, v, &length)) return -1;
        return length > 0;
    }
    return 1;
}

static bool same_object(Value a, Value b) {
    return a.type == VAL_OBJ && b.type == VAL_OBJ && AS_OBJ(a) == AS_OBJ(b);
}

int vm_equal(VM *vm, Value a, Value b) {
    if (IS_INT(a) && IS_INT(b)) return AS_INT(a) == AS_INT(b);
    if (is_number(a) && is_number(b)) return num_equal(a, b);
    if (IS_STR(a) && IS_STR(b)) return AS_STR(a) == AS_STR(b) || str_equal(AS_STR(a), AS_STR(b));
    if (IS_BYTES(a) && IS_BYTES(b)) return bytes_equal(AS_BYTES(a), AS_BYTES(b));
    if (IS_NONE(a) || IS_NONE(b)) return IS_NONE(a) && IS_NONE(b);
    Value method = user_method(vm, a, DUNDER_EQ);
    if (IS_EMPTY(method)) method = user_method(vm, b, DUNDER_EQ);
    if (!IS_EMPTY(method)) {
        Value result = vm_compare(vm, CMP_EQ, a, b);
        if (IS_EMPTY(result)) return -1;
        return vm_truthy(vm, result);
    }
    if (same_object(a, b)) return 1;
    if (!IS_OBJ(a) || !IS_OBJ(b)) return 0;
    if (vm_c_stack_exhausted(vm, "maximum recursion depth exceeded in comparison")) return -1;
    if (IS_TUPLE(a) && IS_TUPLE(b))
        return seq_compare(vm, AS_TUPLE(a)->items, AS_TUPLE(a)->count, AS_TUPLE(b)->items, AS_TUPLE(b)->count,
                           CMP_EQ);
    if (IS_LIST(a) && IS_LIST(b))
        return seq_compare(vm, AS_LIST(a)->items, AS_LIST(a)->count, AS_LIST(b)->items, AS_LIST(b)->count,
                           CMP_EQ);
    if (IS_DICT(a) && IS_DICT(b)) return dict_equal(vm, AS_DICT(a), AS_DICT(b));
    if (IS_SET(a) && IS_SET(b)) return set_compare(vm, CMP_EQ, AS_SET(a), AS_SET(b));
    if (IS_RANGE(a) && IS_RANGE(b)) return range_equal(AS_RANGE(a), AS_RANGE(b));
    if (dict_is_view(a)) return dict_view_equal(vm, AS_ITERATOR(a), b);
    if (dict_is_view(b)) return dict_view_equal(vm, AS_ITERATOR(b), a);
    if (IS_SLICE(a) && IS_SLICE(b)) {
        Value ta[3] = {AS_SLICE(a)->start, AS_SLICE(a)->stop, AS_SLICE(a)->step};
        Value tb[3] = {AS_SLICE(b)->start, AS_SLICE(b)->stop, AS_SLICE(b)->step};
        return seq_compare(vm, ta, 3, tb, 3, CMP_EQ);
    }
    if (IS_BOUND_METHOD(a) && IS_BOUND_METHOD(b)) {
        return same_object(AS_BOUND_METHOD(a)->self, AS_BOUND_METHOD(b)->self) &&
               same_object(AS_BOUND_METHOD(a)->callable, AS_BOUND_METHOD(b)->callable);
    }
    return 0;
}

bool vm_hash(VM *vm, Value v, uint64_t *out) {
    switch (v.type) {
    case VAL_NONE: *out = 0xFCA86420u; return true;
    case VAL_BOOL:
    case VAL_INT:
    case VAL_FLOAT: *out = num_hash(v); return true;
    case VAL_EMPTY: *out = 0; return true;
    case VAL_OBJ: break;
    }
    if (vm_c_stack_exhausted(vm, "maximum recursion depth exceeded")) return false;
    switch (OBJ_TYPE(v)) {
    case OBJ_STR: *out = AS_STR(v)->hash; return true;
    case OBJ_BYTES: *out = AS_BYTES(v)->hash; return true;
    case OBJ_BIGINT: *out = num_hash(v); return true;
    case OBJ_TUPLE: return tuple_hash(vm, AS_TUPLE(v), out);
    case OBJ_SET:
        if (AS_SET(v)->frozen) return set_hash(vm, AS_SET(v), out);
        break;
    case OBJ_RANGE: *out = range_hash(vm, AS_RANGE(v)); return true;
    case OBJ_LIST:
    case OBJ_DICT:
    case OBJ_SLICE: break;
    case OBJ_ITERATOR:
        if (dict_is_view(v)) break;
        *out = (uint64_t)(uintptr_t)AS_OBJ(v) >> 4;
        return true;
    case OBJ_INSTANCE: {
        ObjClass *cls = AS_INSTANCE(v)->cls;
        Value hash = class_lookup(cls, vm->dunder[DUNDER_HASH]);
        if (IS_NONE(hash)) break;
        if (IS_FUNCTION(hash) || IS_NATIVE(hash)) {
            Value result = vm_call(vm, hash, 1, &v);
            if (IS_EMPTY(result)) return false;
            if (!IS_INT(result) && !IS_BIGINT(result) && !IS_BOOL(result)) {
                vm_raise(vm, vm->types.TypeError, "__hash__ method should return an integer");
                return false;
            }
            /* A native __hash__ (a named tuple's) returns the hash itself, as a
             * built-in type's tp_hash does; a Python one returns an int to hash. */
            *out = IS_NATIVE(hash) && IS_INT(result) ? (uint64_t)AS_INT(result) : num_hash(result);
            return true;
        }
        if (IS_EMPTY(hash) && !IS_EMPTY(class_lookup(cls, vm->dunder[DUNDER_EQ]))) break;
        *out = (uint64_t)(uintptr_t)AS_OBJ(v) >> 4;
        return true;
    }
    default: *out = (uint64_t)(uintptr_t)AS_OBJ(v) >> 4; return true;
    }
    vm_raise(vm, vm->types.TypeError, "unhashable type: '%s'", vm_type_name(vm, v));
    return false;
}

/* -------------------------------------------------------------- comparison */

static const char *const compare_symbols[] = {"==", "!=", "<", "<=", ">", ">="};
static const DunderName compare_dunders[] = {DUNDER_EQ, DUNDER_NE, DUNDER_LT, DUNDER_LE, DUNDER_GT, DUNDER_GE};
static const int compare_swapped[] = {CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_LT, CMP_LE};

static int order_result(int cmp_op, int c) {
    switch (cmp_op) {
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

Value vm_compare(VM *vm, int cmp_op, Value a, Value b) {
    /* User-defined rich comparisons first (the reflected one on the right operand). */
    Value method = user_method(vm, a, compare_dunders[cmp_op]);
    if (!IS_EMPTY(method)) {
        Value result = call_user_method(vm, method, a, 1, &b);
        if (IS_EMPTY(result)) return EMPTY_VAL;
        if (!vm_is_instance(vm, result, vm->types.not_implemented)) return result;
    }
    method = user_method(vm, b, compare_dunders[compare_swapped[cmp_op]]);
    if (!IS_EMPTY(method)) {
        Value result = call_user_method(vm, method, b, 1, &a);
        if (IS_EMPTY(result)) return EMPTY_VAL;
        if (!vm_is_instance(vm, result, vm->types.not_implemented)) return result;
    }
    if (cmp_op == CMP_NE && (!IS_EMPTY(user_method(vm, a, DUNDER_EQ)) || !IS_EMPTY(user_method(vm, b, DUNDER_EQ)))) {
        /* object.__ne__ inverts __eq__. */
        Value eq = vm_compare(vm, CMP_EQ, a, b);
        if (IS_EMPTY(eq)) return EMPTY_VAL;
        int truth = vm_truthy(vm, eq);
        return truth < 0 ? EMPTY_VAL : BOOL_VAL(!truth);
    }
    if (cmp_op == CMP_EQ || cmp_op == CMP_NE) {
        if (IS_INSTANCE(a) || IS_INSTANCE(b)) {
            bool same = same_object(a, b);
            return BOOL_VAL(cmp_op == CMP_EQ ? same : !same);
        }
        int eq = vm_equal(vm, a, b);
        if (eq < 0) return EMPTY_VAL;
        return BOOL_VAL(cmp_op == CMP_EQ ? eq : !eq);
    }
    if (vm_c_stack_exhausted(vm, "maximum recursion depth exceeded in comparison")) return EMPTY_VAL;
    if (is_number(a) && is_number(b)) {
        int c = num_compare(vm, a, b);
        if (c == 2) return FALSE_VAL;
        return BOOL_VAL(order_result(cmp_op, c));
    }
    if (IS_STR(a) && IS_STR(b)) return BOOL_VAL(order_result(cmp_op, str_compare(AS_STR(a), AS_STR(b))));
    if (IS_BYTES(a) && IS_BYTES(b))
        return BOOL_VAL(order_result(cmp_op, bytes_compare(AS_BYTES(a), AS_BYTES(b))));
    if (IS_TUPLE(a) && IS_TUPLE(b)) {
        int r = seq_compare(vm, AS_TUPLE(a)->items, AS_TUPLE(a)->count, AS_TUPLE(b)->items,
                            AS_TUPLE(b)->count, cmp_op);
        return r < 0 ? EMPTY_VAL : BOOL_VAL(r);
    }
    if (IS_LIST(a) && IS_LIST(b)) {
        int r = seq_compare(vm, AS_LIST(a)->items, AS_LIST(a)->count, AS_LIST(b)->items, AS_LIST(b)->count,
                            cmp_op);
        return r < 0 ? EMPTY_VAL : BOOL_VAL(r);
    }
    if (IS_SET(a) && IS_SET(b)) {
        int r = set_compare(vm, cmp_op, AS_SET(a), AS_SET(b));
        return r < 0 ? EMPTY_VAL : BOOL_VAL(r);
    }
    return vm_raise(vm, vm->types.TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    compare_symbols[cmp_op], vm_type_name(vm, a), vm_type_name(vm, b));
}

int vm_compare_bool(VM *vm, int cmp_op, Value a, Value b) {
    if (IS_INT(a) && IS_INT(b)) return order_result(cmp_op, AS_INT(a) < AS_INT(b) ? -1 : AS_INT(a) > AS_INT(b));
    Value result = vm_compare(vm, cmp_op, a, b);
    if (IS_EMPTY(result)) return -1;
    if (IS_BOOL(result)) return AS_BOOL(result);
    return vm_truthy(vm, result);
}

/* -------------------------------------------------------------- arithmetic */

static const char *const binary_symbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"};
/* Indexed by BinaryOperator (ast.h): the plain, reflected and in-place names. */
static const DunderName binary_dunders[] = {DUNDER_ADD, DUNDER_SUB, DUNDER_MUL, DUNDER_MATMUL, DUNDER_TRUEDIV,
                                            DUNDER_FLOORDIV, DUNDER_MOD, DUNDER_POW, DUNDER_LSHIFT,
                                            DUNDER_RSHIFT, DUNDER_OR, DUNDER_XOR, DUNDER_AND};
static const DunderName binary_rdunders[] = {DUNDER_RADD, DUNDER_RSUB, DUNDER_RMUL, DUNDER_RMATMUL,
                                             DUNDER_RTRUEDIV, DUNDER_RFLOORDIV, DUNDER_RMOD, DUNDER_RPOW,
                                             DUNDER_RLSHIFT, DUNDER_RRSHIFT, DUNDER_ROR, DUNDER_RXOR, DUNDER_RAND};
static const DunderName binary_idunders[] = {DUNDER_IADD, DUNDER_ISUB, DUNDER_IMUL, DUNDER_IMATMUL,
                                             DUNDER_ITRUEDIV, DUNDER_IFLOORDIV, DUNDER_IMOD, DUNDER_IPOW,
                                             DUNDER_ILSHIFT, DUNDER_IRSHIFT, DUNDER_IOR, DUNDER_IXOR, DUNDER_IAND};

static bool int_operand(Value v, int64_t *out) {
    if (IS_INT(v)) {
        *out = AS_INT(v);
        return true;
    }
    if (IS_BOOL(v)) {
        *out = AS_BOOL(v);
        return true;
    }
    return false;
}

static Value sequence_repeat(VM *vm, Value seq, Value count) {
    int64_t times;
    if (IS_BIGINT(count)) {
        return vm_raise(vm, vm->types.OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    if (!int_operand(count, &times))
        return vm_raise(vm, vm->types.TypeError, "can't multiply sequence by non-int of type '%s'",
                        vm_type_name(vm, count));
    if (IS_STR(seq)) return str_repeat(vm, AS_STR(seq), times);
    if (IS_BYTES(seq)) return bytes_repeat(vm, AS_BYTES(seq), times);
    if (IS_LIST(seq)) return list_repeat(vm, AS_LIST(seq), times);
    return tuple_repeat(vm, AS_TUPLE(seq), times);
}

static bool is_sequence(Value v) { return IS_STR(v) || IS_LIST(v) || IS_TUPLE(v) || IS_BYTES(v); }

Value vm_binary_op(VM *vm, int op, Value a, Value b) {
    bool inplace = op >= OPR_INPLACE_BASE;
    int base = inplace ? op - OPR_INPLACE_BASE : op;
    if (inplace) {
        Value method = user_method(vm, a, binary_idunders[base]);
        if (!IS_EMPTY(method)) {
            Value result = call_user_method(vm, method, a, 1, &b);
            if (IS_EMPTY(result) || !vm_is_instance(vm, result, vm->types.not_implemented)) return result;
        }
        if (IS_LIST(a) && base == OPR_ADD) {
            if (!list_extend(vm, AS_LIST(a), b)) return EMPTY_VAL;
            return a;
        }
        if (IS_LIST(a) && base == OPR_MUL) {
            int64_t times;
            if (!int_operand(b, &times))
                return vm_raise(vm, vm->types.TypeError, "can't multiply sequence by non-int of type '%s'",
                                vm_type_name(vm, b));
            if (!list_inplace_repeat(vm, AS_LIST(a), times)) return EMPTY_VAL;
            return a;
        }
        if (IS_SET(a) && IS_SET(b) && !AS_SET(a)->frozen) {
            Value result = set_binary_op(vm, op, a, b);
            if (!IS_EMPTY(result) || !IS_EMPTY(vm->exception)) return result;
        }
        if (IS_DICT(a) && base == OPR_BITOR) {
            Value result = dict_merge_op(vm, AS_DICT(a), b, true);
            if (!IS_EMPTY(result) || !IS_EMPTY(vm->exception)) return result;
        }
    }
    if (is_number(a) && is_number(b)) {
        Value result = num_binary_op(vm, base, a, b);
        if (!IS_EMPTY(result) || !IS_EMPTY(vm->exception)) return result;
    }
    Value method = user_method(vm, a, binary_dunders[base]);
    if (!IS_EMPTY(method)) {
        Value result = call_user_method(vm, method, a, 1, &b);
        if (IS_EMPTY(result) || !vm_is_instance(vm, result, vm->types.not_implemented)) return result;
    }
    method = user_method(vm, b, binary_rdunders[base]);
    if (!IS_EMPTY(method)) {
        Value result = call_user_method(vm, method, b, 1, &a);
        if (IS_EMPTY(result) || !vm_is_instance(vm, result, vm->types.not_implemented)) return result;
    }
    switch (base) {
    case OPR_ADD:
        if (IS_STR(a) && IS_STR(b)) return str_concat(vm, AS_STR(a), AS_STR(b));
        if (IS_LIST(a) && IS_LIST(b)) return list_concat(vm, AS_LIST(a), AS_LIST(b));
        if (IS_TUPLE(a) && IS_TUPLE(b)) return tuple_concat(vm, AS_TUPLE(a), AS_TUPLE(b));
        if (IS_BYTES(a) && IS_BYTES(b)) return bytes_concat(vm, AS_BYTES(a), AS_BYTES(b));
        if (IS_BYTES(a))
            return vm_raise(vm, vm->types.TypeError, "can't concat %s to bytes", vm_type_name(vm, b));
        if (IS_STR(a))
            return vm_raise(vm, vm->types.TypeError, "can only concatenate str (not \"%s\") to str",
                            vm_type_name(vm, b));
        if (IS_LIST(a))
            return vm_raise(vm, vm->types.TypeError, "can only concatenate list (not \"%s\") to list",
                            vm_type_name(vm, b));
        if (IS_TUPLE(a))
            return vm_raise(vm, vm->types.TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                            vm_type_name(vm, b));
        break;
    case OPR_MUL:
        /* A sequence times anything that is not a user object: CPython's message
         * for a non-int count is "can't multiply sequence by non-int". */
        if (is_sequence(a) && !IS_INSTANCE(b)) return sequence_repeat(vm, a, b);
        if (is_sequence(b) && !IS_INSTANCE(a)) return sequence_repeat(vm, b, a);
        break;
    case OPR_MOD:
        if (IS_STR(a)) return str_mod_format(vm, AS_STR(a), b);
        break;
    case OPR_BITOR:
    case OPR_BITAND:
    case OPR_SUB:
    case OPR_BITXOR:
        if (IS_SET(a) || IS_SET(b) || dict_is_view(a) || dict_is_view(b)) {
            Value result = set_binary_op(vm, base, a, b);
            if (!IS_EMPTY(result) || !IS_EMPTY(vm->exception)) return result;
        }
        if (base == OPR_BITOR && IS_DICT(a) && IS_DICT(b)) return dict_merge_op(vm, AS_DICT(a), b, false);
        break;
    default: break;
    }
    if (base == OPR_POW)
        return vm_raise(vm, vm->types.TypeError, "unsupported operand type(s) for %s or pow(): '%s' and '%s'",
                        inplace ? "**=" : "**", vm_type_name(vm, a), vm_type_name(vm, b));
    return vm_raise(vm, vm->types.TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                    binary_symbols[base], inplace ? "=" : "", vm_type_name(vm, a), vm_type_name(vm, b));
}

Value vm_unary_op(VM *vm, int uop, Value a) {
    static const DunderName dunders[] = {DUNDER_NEG, DUNDER_POS, DUNDER_INVERT};
    static const char *const symbols[] = {"-", "+", "~"};
    if (uop == UOP_NOT) {
        int truth = vm_truthy(vm, a);
        return truth < 0 ? EMPTY_VAL : BOOL_VAL(!truth);
    }
    if (is_number(a)) {
        if (uop == UOP_NEG) return num_negate(vm, a);
        if (uop == UOP_POS) return IS_BOOL(a) ? INT_VAL(AS_BOOL(a)) : a;
        if (!IS_FLOAT(a)) return num_invert(vm, a);
    }
    Value method = user_method(vm, a, dunders[uop]);
    if (!IS_EMPTY(method)) return call_user_method(vm, method, a, 0, NULL);
    return vm_raise(vm, vm->types.TypeError, "bad operand type for unary %s: '%s'", symbols[uop],
                    vm_type_name(vm, a));
}

/* -------------------------------------------------------------- attributes */

static Value bind_if_method(VM *vm, Value self, Value attr) {
    if (IS_FUNCTION(attr) || IS_NATIVE(attr)) return OBJ_VAL(bound_method_new(vm, self, attr));
    if (IS_NATIVE_DATA(attr)) return descr_get(vm, attr, self, vm_type_of(vm, self));
    return attr;
}

static Value module_name_of(VM *vm, ObjDict *globals) {
    Value name = dict_get_str(globals, vm->s_name);
    return IS_EMPTY(name) ? NONE_VAL : name;
}

/* Attributes every object of a kind has that are not in its class dict. */
static Value special_attribute(VM *vm, Value obj, ObjStr *name) {
    if (name == vm->s_class) return OBJ_VAL(vm_type_of(vm, obj));
    switch (OBJ_TYPE(obj)) {
    case OBJ_FUNCTION: {
        ObjFunction *function = AS_FUNCTION(obj);
        if (name == vm->s_name) return OBJ_VAL(function->name);
        if (name == vm->s_qualname) return OBJ_VAL(function->qualname);
        if (name == vm->s_doc) return function->doc;
        if (name == vm->s_module) return module_name_of(vm, function->globals);
        if (name == vm->s_dict) {
            if (function->dict == NULL) function->dict = dict_new(vm);
            return OBJ_VAL(function->dict);
        }
        if (strcmp(name->chars, "__defaults__") == 0)
            return function->defaults != NULL ? OBJ_VAL(function->defaults) : NONE_VAL;
        if (strcmp(name->chars, "__kwdefaults__") == 0)
            return function->kwdefaults != NULL ? OBJ_VAL(function->kwdefaults) : NONE_VAL;
        if (function->dict != NULL) return dict_get_str(function->dict, name);
        return EMPTY_VAL;
    }
    case OBJ_NATIVE:
        if (name == vm->s_name) return OBJ_VAL(AS_NATIVE(obj)->name);
        if (name == vm->s_qualname) {
            ObjNative *native = AS_NATIVE(obj);
            if (native->owner == NULL) return OBJ_VAL(native->name);
            return OBJ_VAL(str_printf(vm, "%s.%s", native->owner->name->chars, native->name->chars));
        }
        if (name == vm->s_doc) return NONE_VAL;
        return EMPTY_VAL;
    case OBJ_BOUND_METHOD:
        if (strcmp(name->chars, "__self__") == 0) return AS_BOUND_METHOD(obj)->self;
        if (strcmp(name->chars, "__func__") == 0) return AS_BOUND_METHOD(obj)->callable;
        return vm_getattr_opt(vm, AS_BOUND_METHOD(obj)->callable, name);
    case OBJ_CLASS: {
        ObjClass *cls = AS_CLASS(obj);
        if (name == vm->s_name) return OBJ_VAL(cls->name);
        if (name == vm->s_qualname) return OBJ_VAL(class_qualname(vm, cls));
        if (name == vm->s_module) return OBJ_VAL(class_module(vm, cls));
        if (strcmp(name->chars, "__base__") == 0) return cls->base != NULL ? OBJ_VAL(cls->base) : NONE_VAL;
        if (strcmp(name->chars, "__bases__") == 0) {
            if (cls->base == NULL) return OBJ_VAL(tuple_new(vm, 0));
            Value base = OBJ_VAL(cls->base);
            return OBJ_VAL(tuple_from_values(vm, 1, &base));
        }
        if (strcmp(name->chars, "__mro__") == 0) {
            int count = 0;
            for (ObjClass *c = cls; c != NULL; c = c->base) count++;
            ObjTuple *mro = tuple_new(vm, count);
            int i = 0;
            for (ObjClass *c = cls; c != NULL; c = c->base) mro->items[i++] = OBJ_VAL(c);
            return OBJ_VAL(mro);
        }
        if (name == vm->s_dict) {
            /* A copy: CPython's is a read-only view, and the lookup cache must see every change. */
            ObjDict *copy = dict_new(vm);
            vm_push_root(vm, OBJ_VAL(copy));
            dict_update(vm, copy, OBJ_VAL(cls->dict));
            vm_pop_roots(vm, 1);
            return OBJ_VAL(copy);
        }
        if (name == vm->s_doc) {
            Value doc = dict_get_str(cls->dict, vm->s_doc);
            return IS_EMPTY(doc) ? NONE_VAL : doc;
        }
        return EMPTY_VAL;
    }
    case OBJ_MODULE: /* its dict was read first, in vm_getattr_opt */
        return name == vm->s_dict ? OBJ_VAL(AS_MODULE(obj)->dict) : EMPTY_VAL;
    case OBJ_GENERATOR: {
        ObjGenerator *gen = AS_GENERATOR(obj);
        if (name == vm->s_name) return OBJ_VAL(gen->name);
        if (name == vm->s_qualname) return OBJ_VAL(gen->qualname);
        const char *n = name->chars;
        if (strcmp(n, "gi_running") == 0 || strcmp(n, "cr_running") == 0 || strcmp(n, "ag_running") == 0)
            return BOOL_VAL(gen->state == GEN_RUNNING);
        if (strcmp(n, "gi_yieldfrom") == 0 || strcmp(n, "cr_await") == 0 || strcmp(n, "ag_await") == 0) {
            if (IS_EMPTY(gen->delegate)) return NONE_VAL;
            AS_OBJ(gen->delegate)->await_only = false; /* a second reference: never recycled */
            return gen->delegate;
        }
        if (strcmp(n, "gi_suspended") == 0 || strcmp(n, "cr_suspended") == 0)
            return BOOL_VAL(gen->state == GEN_SUSPENDED);
        return EMPTY_VAL;
    }
    case OBJ_INSTANCE:
        if (name == vm->s_dict) return OBJ_VAL(AS_INSTANCE(obj)->dict);
        return EMPTY_VAL;
    case OBJ_RANGE: {
        ObjRange *range = AS_RANGE(obj);
        if (strcmp(name->chars, "start") == 0) return INT_VAL(range->start);
        if (strcmp(name->chars, "stop") == 0) return INT_VAL(range->stop);
        if (strcmp(name->chars, "step") == 0) return INT_VAL(range->step);
        return EMPTY_VAL;
    }
    case OBJ_SLICE: {
        ObjSlice *slice = AS_SLICE(obj);
        if (strcmp(name->chars, "start") == 0) return slice->start;
        if (strcmp(name->chars, "stop") == 0) return slice->stop;
        if (strcmp(name->chars, "step") == 0) return slice->step;
        return EMPTY_VAL;
    }
    case OBJ_EXCEPTION: return exception_getattr(vm, AS_EXCEPTION(obj), name);
    case OBJ_NATIVE_DATA:
        if (class_is_super(obj)) return class_super_getattr(vm, obj, name);
        return descr_special_attribute(vm, obj, name);
    default: return EMPTY_VAL;
    }
}

/* A failed lookup on an instance whose class defines __getattr__. */
static Value call_getattr_hook(VM *vm, Value obj, ObjClass *cls, ObjStr *name) {
    Value hook = class_lookup(cls, vm->s_getattr);
    if (!IS_FUNCTION(hook)) return EMPTY_VAL;
    Value args[2] = {obj, OBJ_VAL(name)};
    return vm_call(vm, hook, 2, args);
}

Value vm_getattr_opt(VM *vm, Value obj, ObjStr *name) {
    if (!name->interned) name = str_intern(vm, name->chars, (size_t)name->length);
    if (IS_INSTANCE(obj)) {
        ObjInstance *instance = AS_INSTANCE(obj);
        ObjClass *cls = instance->cls;
        /* A property (a data descriptor) would win over the instance dict, but
         * setting a property's name never stores into the dict (vm_setattr),
         * so the dict can be read first. */
        Value found = dict_get_str(instance->dict, name);
        if (!IS_EMPTY(found)) return found;
        found = class_lookup(cls, name);
        if (!IS_EMPTY(found)) return descr_get(vm, found, obj, cls);
        found = special_attribute(vm, obj, name);
        if (IS_EMPTY(found) && cls->has_getattr) return call_getattr_hook(vm, obj, cls, name);
        return found;
    }
    if (IS_MODULE(obj)) {
        /* asyncio.sleep, time.time: the module's dict first, as it almost always has the name. */
        Value found = dict_get_str(AS_MODULE(obj)->dict, name);
        if (!IS_EMPTY(found)) return found;
    }
    if (IS_CLASS(obj) && name->chars[0] != '_') {
        /* Ordinary class attributes (A.count, A.method) before the special ones. */
        Value found = class_lookup(AS_CLASS(obj), name);
        if (!IS_EMPTY(found)) return IS_NATIVE_DATA(found) ? descr_get(vm, found, EMPTY_VAL, AS_CLASS(obj)) : found;
    }
    if (IS_OBJ(obj)) {
        Value special = special_attribute(vm, obj, name);
        if (!IS_EMPTY(special) || !IS_EMPTY(vm->exception)) return special;
        if (IS_CLASS(obj)) {
            Value found = class_lookup(AS_CLASS(obj), name);
            return IS_NATIVE_DATA(found) ? descr_get(vm, found, EMPTY_VAL, AS_CLASS(obj)) : found;
        }
        if (IS_MODULE(obj)) return EMPTY_VAL;
    } else if (name == vm->s_class) {
        return OBJ_VAL(vm_type_of(vm, obj));
    }
    Value found = class_lookup(vm_type_of(vm, obj), name);
    if (IS_EMPTY(found)) return EMPTY_VAL;
    return bind_if_method(vm, obj, found);
}

Value vm_getattr(VM *vm, Value obj, ObjStr *name) {
    Value found = vm_getattr_opt(vm, obj, name);
    if (!IS_EMPTY(found) || !IS_EMPTY(vm->exception)) return found;
    if (IS_MODULE(obj)) {
        /* A module's own __getattr__ (PEP 562) answers names it does not have. */
        Value hook = dict_get_str(AS_MODULE(obj)->dict, vm->s_getattr);
        if (IS_NATIVE(hook) || IS_FUNCTION(hook)) {
            Value arg = OBJ_VAL(name);
            return vm_call(vm, hook, 1, &arg);
        }
        return vm_raise(vm, vm->types.AttributeError, "module '%s' has no attribute '%s'",
                        AS_MODULE(obj)->name->chars, name->chars);
    }
    if (IS_CLASS(obj))
        return vm_raise(vm, vm->types.AttributeError, "type object '%s' has no attribute '%s'",
                        AS_CLASS(obj)->name->chars, name->chars);
    vm_raise(vm, vm->types.AttributeError, "'%s' object has no attribute '%s'", vm_type_name(vm, obj),
             name->chars);
    exception_set_attribute_context(vm, obj, name); /* for "Did you mean: ...?" */
    return EMPTY_VAL;
}

bool vm_load_method(VM *vm, Value obj, ObjStr *name, Value *method, Value *self) {
    if (IS_OBJ(obj) && !IS_INSTANCE(obj) && !IS_CLASS(obj) && !IS_MODULE(obj) && !IS_EXCEPTION(obj) &&
        !IS_FUNCTION(obj) && !class_is_super(obj)) {
        Value found = class_lookup(vm_type_of(vm, obj), name);
        if (IS_NATIVE(found) || IS_FUNCTION(found)) {
            *method = found;
            *self = obj;
            return true;
        }
    } else if (IS_INSTANCE(obj)) {
        ObjInstance *instance = AS_INSTANCE(obj);
        Value found = dict_get_str(instance->dict, name);
        if (IS_EMPTY(found)) {
            found = class_lookup(instance->cls, name);
            if (IS_NATIVE(found) || IS_FUNCTION(found)) {
                *method = found;
                *self = obj;
                return true;
            }
        }
    } else if (!IS_OBJ(obj)) {
        Value found = class_lookup(vm_type_of(vm, obj), name);
        if (IS_NATIVE(found) || IS_FUNCTION(found)) {
            *method = found;
            *self = obj;
            return true;
        }
    } else if (class_is_super(obj) && class_super_method(vm, obj, name, method, self)) {
        return true; /* super().f(...): no bound method made */
    }
    Value attr = vm_getattr(vm, obj, name);
    if (IS_EMPTY(attr)) return false;
    *method = attr;
    *self = EMPTY_VAL;
    return true;
}

bool vm_setattr(VM *vm, Value obj, ObjStr *name, Value value) {
    if (!name->interned) name = str_intern(vm, name->chars, (size_t)name->length);
    if (IS_INSTANCE(obj)) {
        ObjClass *cls = AS_INSTANCE(obj)->cls;
        if (cls->has_setattr) {
            Value setter = user_method(vm, obj, DUNDER_SETATTR);
            if (!IS_EMPTY(setter)) {
                Value args[2] = {OBJ_VAL(name), value};
                return !IS_EMPTY(call_user_method(vm, setter, obj, 2, args));
            }
        }
        if (cls->has_properties && IS_EMPTY(dict_get_str(AS_INSTANCE(obj)->dict, name))) {
            Value attr = class_lookup(cls, name);
            if (descr_is_property(attr)) return descr_property_set(vm, attr, obj, name, value);
        }
        dict_set_str(vm, AS_INSTANCE(obj)->dict, name, value);
        return true;
    }
    if (IS_FUNCTION(obj)) {
        ObjFunction *function = AS_FUNCTION(obj);
        if (name == vm->s_name && IS_STR(value)) function->name = AS_STR(value);
        else if (name == vm->s_qualname && IS_STR(value)) function->qualname = AS_STR(value);
        else if (name == vm->s_doc) function->doc = value;
        else {
            if (function->dict == NULL) function->dict = dict_new(vm);
            dict_set_str(vm, function->dict, name, value);
        }
        return true;
    }
    if (IS_MODULE(obj)) {
        dict_set_str(vm, AS_MODULE(obj)->dict, name, value);
        return true;
    }
    if (IS_CLASS(obj) && !AS_CLASS(obj)->is_builtin) {
        bool is_new = IS_EMPTY(dict_get_str(AS_CLASS(obj)->dict, name));
        dict_set_str(vm, AS_CLASS(obj)->dict, name, value);
        if (is_new) class_invalidate_lookups(); /* a replaced value stays where the cache points */
        if (descr_is_property(value) || (name->length > 4 && name->chars[0] == '_' && name->chars[1] == '_'))
            class_refresh_flags(vm, AS_CLASS(obj));
        return true;
    }
    if (IS_CLASS(obj)) {
        vm_raise(vm, vm->types.TypeError, "cannot set '%s' attribute of immutable type '%s'", name->chars,
                 AS_CLASS(obj)->name->chars);
        return false;
    }
    if (IS_EXCEPTION(obj)) return exception_setattr(vm, AS_EXCEPTION(obj), name, value);
    Value existing = class_lookup(vm_type_of(vm, obj), name);
    if (!IS_EMPTY(existing))
        vm_raise(vm, vm->types.AttributeError, "'%s' object attribute '%s' is read-only", vm_type_name(vm, obj),
                 name->chars);
    else
        vm_raise(vm, vm->types.AttributeError, "'%s' object has no attribute '%s'", vm_type_name(vm, obj),
                 name->chars);
    return false;
}

bool vm_delattr(VM *vm, Value obj, ObjStr *name) {
    if (!name->interned) name = str_intern(vm, name->chars, (size_t)name->length);
    ObjDict *dict = NULL;
    if (IS_INSTANCE(obj) && !AS_INSTANCE(obj)->cls->is_builtin) {
        Value hook = class_lookup(AS_INSTANCE(obj)->cls, vm->s_delattr);
        if (IS_FUNCTION(hook)) {
            Value args[2] = {obj, OBJ_VAL(name)};
            return !IS_EMPTY(vm_call(vm, hook, 2, args));
        }
    }
    if (IS_INSTANCE(obj) && AS_INSTANCE(obj)->cls->has_properties) {
        Value attr = class_lookup(AS_INSTANCE(obj)->cls, name);
        if (descr_is_property(attr)) return descr_property_set(vm, attr, obj, name, EMPTY_VAL);
    }
    if (IS_INSTANCE(obj)) dict = AS_INSTANCE(obj)->dict;
    else if (IS_MODULE(obj)) dict = AS_MODULE(obj)->dict;
    else if (IS_FUNCTION(obj)) dict = AS_FUNCTION(obj)->dict;
    else if (IS_CLASS(obj) && !AS_CLASS(obj)->is_builtin) {
        dict = AS_CLASS(obj)->dict;
        class_invalidate_lookups();
    }
    else if (IS_EXCEPTION(obj)) dict = AS_EXCEPTION(obj)->dict;
    if (dict != NULL && dict_delete_str(vm, dict, name)) return true;
    if (IS_MODULE(obj))
        vm_raise(vm, vm->types.AttributeError, "module '%s' has no attribute '%s'", AS_MODULE(obj)->name->chars,
                 name->chars);
    else
        vm_raise(vm, vm->types.AttributeError, "'%s' object has no attribute '%s'", vm_type_name(vm, obj),
                 name->chars);
    return false;
}

/* -------------------------------------------------------------- subscripts */

Value vm_getitem(VM *vm, Value obj, Value key) {
    if (IS_OBJ(obj)) {
        switch (OBJ_TYPE(obj)) {
        case OBJ_LIST: return list_getitem(vm, AS_LIST(obj), key);
        case OBJ_TUPLE: return tuple_getitem(vm, AS_TUPLE(obj), key);
        case OBJ_STR: return str_getitem(vm, AS_STR(obj), key);
        case OBJ_DICT: return dict_getitem(vm, AS_DICT(obj), key);
        case OBJ_RANGE: return range_getitem(vm, AS_RANGE(obj), key);
        case OBJ_BYTES: return bytes_getitem(vm, AS_BYTES(obj), key);
        default: break;
        }
        Value method = user_method(vm, obj, DUNDER_GETITEM);
        if (!IS_EMPTY(method)) return call_user_method(vm, method, obj, 1, &key);
        if (IS_CLASS(obj)) {
            Value class_getitem = class_lookup(AS_CLASS(obj), vm->dunder[DUNDER_CLASS_GETITEM]);
            if (!IS_EMPTY(class_getitem)) return vm_call(vm, class_getitem, 1, &key);
            if (AS_CLASS(obj)->is_builtin) return obj; /* list[int] in annotations: the class itself */
            return vm_raise(vm, vm->types.TypeError, "type '%s' is not subscriptable", AS_CLASS(obj)->name->chars);
        }
    }
    return vm_raise(vm, vm->types.TypeError, "'%s' object is not subscriptable", vm_type_name(vm, obj));
}

bool vm_setitem(VM *vm, Value obj, Value key, Value value) {
    if (IS_LIST(obj)) return list_setitem(vm, AS_LIST(obj), key, value);
    if (IS_DICT(obj)) return dict_set(vm, AS_DICT(obj), key, value);
    Value method = user_method(vm, obj, DUNDER_SETITEM);
    if (!IS_EMPTY(method)) {
        Value args[2] = {key, value};
        return !IS_EMPTY(call_user_method(vm, method, obj, 2, args));
    }
    vm_raise(vm, vm->types.TypeError, "'%s' object does not support item assignment", vm_type_name(vm, obj));
    return false;
}

bool vm_delitem(VM *vm, Value obj, Value key) {
    if (IS_LIST(obj)) return list_delitem(vm, AS_LIST(obj), key);
    if (IS_DICT(obj)) {
        int status = dict_delete(vm, AS_DICT(obj), key);
        if (status == 0) dict_raise_key_error(vm, key);
        return status > 0;
    }
    Value method = user_method(vm, obj, DUNDER_DELITEM);
    if (!IS_EMPTY(method)) return !IS_EMPTY(call_user_method(vm, method, obj, 1, &key));
    vm_raise(vm, vm->types.TypeError, "'%s' object doesn't support item deletion", vm_type_name(vm, obj));
    return false;
}

/* --------------------------------------------------------------- iteration */

/* CPython's "iterator": a class with __getitem__ but no __iter__ is iterated
 * by index from 0 until __getitem__ raises IndexError (or StopIteration). */
static int sequence_iterator_next(VM *vm, ObjIterator *it, Value *out) {
    if (IS_NONE(it->source)) return 0;
    Value item = vm_getitem(vm, it->source, INT_VAL(it->index));
    if (IS_EMPTY(item)) {
        if (!vm_exception_matches(vm, vm->types.IndexError) && !vm_exception_matches(vm, vm->types.StopIteration))
            return -1;
        vm_take_exception(vm);
        it->source = NONE_VAL;
        return 0;
    }
    it->index++;
    *out = item;
    return 1;
}

Value vm_iter(VM *vm, Value v) {
    if (IS_OBJ(v)) {
        switch (OBJ_TYPE(v)) {
        case OBJ_STR: return str_iter_new(vm, AS_STR(v));
        case OBJ_LIST: return list_iter_new(vm, AS_LIST(v));
        case OBJ_TUPLE: return tuple_iter_new(vm, AS_TUPLE(v));
        case OBJ_DICT: return dict_iter_new(vm, AS_DICT(v), DICT_KEYS);
        case OBJ_SET: return set_iter_new(vm, AS_SET(v));
        case OBJ_RANGE: return range_iter_new(vm, AS_RANGE(v));
        case OBJ_BYTES: return bytes_iter_new(vm, AS_BYTES(v));
        case OBJ_ITERATOR:
            if (dict_is_view(v)) return dict_view_iter(vm, AS_ITERATOR(v));
            return v;
        case OBJ_GENERATOR:
            if (AS_GENERATOR(v)->kind == GEN_KIND_GENERATOR) return v;
            break;
        default: break;
        }
        Value method = user_method(vm, v, DUNDER_ITER);
        if (!IS_EMPTY(method)) {
            Value it = call_user_method(vm, method, v, 0, NULL);
            if (IS_EMPTY(it)) return EMPTY_VAL;
            if (!IS_ITERATOR(it) && !IS_GENERATOR(it) && IS_EMPTY(user_method(vm, it, DUNDER_NEXT)))
                return vm_raise(vm, vm->types.TypeError, "iter() returned non-iterator of type '%s'",
                                vm_type_name(vm, it));
            return it;
        }
        if (!IS_CLASS(v) && !IS_EMPTY(user_method(vm, v, DUNDER_GETITEM)))
            return OBJ_VAL(iterator_new(vm, "iterator", sequence_iterator_next, v));
    }
    return vm_raise(vm, vm->types.TypeError, "'%s' object is not iterable", vm_type_name(vm, v));
}

bool vm_is_iterable(VM *vm, Value v) {
    if (!IS_OBJ(v)) return false;
    switch (OBJ_TYPE(v)) {
    case OBJ_STR:
    case OBJ_LIST:
    case OBJ_TUPLE:
    case OBJ_DICT:
    case OBJ_SET:
    case OBJ_RANGE:
    case OBJ_BYTES:
    case OBJ_ITERATOR: return true;
    case OBJ_GENERATOR: return AS_GENERATOR(v)->kind == GEN_KIND_GENERATOR;
    default: return !IS_EMPTY(user_method(vm, v, DUNDER_ITER)) || (!IS_CLASS(v) && !IS_EMPTY(user_method(vm, v, DUNDER_GETITEM)));
    }
}

int vm_next(VM *vm, Value iter, Value *out) {
    if (IS_ITERATOR(iter)) return AS_ITERATOR(iter)->next(vm, AS_ITERATOR(iter), out);
    if (IS_GENERATOR(iter) && AS_GENERATOR(iter)->kind == GEN_KIND_GENERATOR) {
        ResumeResult status = gen_send(vm, AS_GENERATOR(iter), NONE_VAL, out);
        if (status == RESUME_YIELD) return 1;
        return status == RESUME_RETURN ? 0 : -1;
    }
    Value method = user_method(vm, iter, DUNDER_NEXT);
    if (!IS_EMPTY(method)) {
        Value result = call_user_method(vm, method, iter, 0, NULL);
        if (!IS_EMPTY(result)) {
            *out = result;
            return 1;
        }
        if (vm_exception_matches(vm, vm->types.StopIteration)) {
            vm_take_exception(vm);
            return 0;
        }
        return -1;
    }
    vm_raise(vm, vm->types.TypeError, "'%s' object is not an iterator", vm_type_name(vm, iter));
    return -1;
}

Value vm_list_from_iterable(VM *vm, Value iterable) {
    if (IS_LIST(iterable)) return OBJ_VAL(list_copy(vm, AS_LIST(iterable)));
    if (IS_TUPLE(iterable)) {
        ObjList *list = list_new(vm, AS_TUPLE(iterable)->count);
        memcpy(list->items, AS_TUPLE(iterable)->items, sizeof(Value) * (size_t)AS_TUPLE(iterable)->count);
        list->count = AS_TUPLE(iterable)->count;
        return OBJ_VAL(list);
    }
    Value it = vm_iter(vm, iterable);
    if (IS_EMPTY(it)) return EMPTY_VAL;
    vm_push_root(vm, it);
    ObjList *list = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(list));
    Value item;
    int status;
    while ((status = vm_next(vm, it, &item)) > 0) list_append(vm, list, item);
    vm_pop_roots(vm, 2);
    return status < 0 ? EMPTY_VAL : OBJ_VAL(list);
}

Value vm_list_for_unpack(VM *vm, Value seq) {
    if (!vm_is_iterable(vm, seq))
        return vm_raise(vm, vm->types.TypeError, "cannot unpack non-iterable %s object", vm_type_name(vm, seq));
    return vm_list_from_iterable(vm, seq);
}

bool vm_len(VM *vm, Value v, int64_t *out) {
    if (IS_OBJ(v)) {
        switch (OBJ_TYPE(v)) {
        case OBJ_STR: *out = AS_STR(v)->cp_count; return true;
        case OBJ_LIST: *out = AS_LIST(v)->count; return true;
        case OBJ_TUPLE: *out = AS_TUPLE(v)->count; return true;
        case OBJ_DICT: *out = AS_DICT(v)->count; return true;
        case OBJ_SET: *out = AS_SET(v)->used; return true;
        case OBJ_RANGE: *out = AS_RANGE(v)->length; return true;
        case OBJ_BYTES: *out = AS_BYTES(v)->length; return true;
        case OBJ_ITERATOR:
            if (dict_is_view(v)) {
                *out = dict_view_len(AS_ITERATOR(v));
                return true;
            }
            break;
        default: break;
        }
        Value method = user_method(vm, v, DUNDER_LEN);
        if (!IS_EMPTY(method)) {
            Value result = call_user_method(vm, method, v, 0, NULL);
            if (IS_EMPTY(result)) return false;
            if (!IS_INT(result) && !IS_BOOL(result)) {
                vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                         vm_type_name(vm, result));
                return false;
            }
            int64_t length = IS_BOOL(result) ? AS_BOOL(result) : AS_INT(result);
            if (length < 0) {
                vm_raise(vm, vm->types.ValueError, "__len__() should return >= 0");
                return false;
            }
            *out = length;
            return true;
        }
    }
    vm_raise(vm, vm->types.TypeError, "object of type '%s' has no len()", vm_type_name(vm, v));
    return false;
}

int vm_contains(VM *vm, Value container, Value item) {
    if (IS_OBJ(container)) {
        switch (OBJ_TYPE(container)) {
        case OBJ_STR:
            if (!IS_STR(item)) {
                vm_raise(vm, vm->types.TypeError, "'in <string>' requires string as left operand, not %s",
                         vm_type_name(vm, item));
                return -1;
            }
            return str_contains(AS_STR(container), AS_STR(item));
        case OBJ_LIST: return seq_contains(vm, AS_LIST(container)->items, AS_LIST(container)->count, item);
        case OBJ_TUPLE: return seq_contains(vm, AS_TUPLE(container)->items, AS_TUPLE(container)->count, item);
        case OBJ_DICT: {
            Value ignored;
            return dict_get(vm, AS_DICT(container), item, &ignored);
        }
        case OBJ_SET: return set_contains(vm, AS_SET(container), item);
        case OBJ_RANGE: return range_contains(vm, AS_RANGE(container), item);
        case OBJ_BYTES: return bytes_contains(vm, AS_BYTES(container), item);
        case OBJ_ITERATOR:
            if (dict_is_view(container)) return dict_view_contains(vm, AS_ITERATOR(container), item);
            break;
        default: break;
        }
        Value method = user_method(vm, container, DUNDER_CONTAINS);
        if (!IS_EMPTY(method)) {
            Value result = call_user_method(vm, method, container, 1, &item);
            if (IS_EMPTY(result)) return -1;
            return vm_truthy(vm, result);
        }
        if (vm_is_iterable(vm, container)) {
            Value it = vm_iter(vm, container);
            if (IS_EMPTY(it)) return -1;
            vm_push_root(vm, it);
            Value next;
            int status;
            while ((status = vm_next(vm, it, &next)) > 0) {
                int eq = vm_equal(vm, next, item);
                if (eq != 0) {
                    vm_pop_roots(vm, 1);
                    return eq;
                }
            }
            vm_pop_roots(vm, 1);
            return status < 0 ? -1 : 0;
        }
    }
    vm_raise(vm, vm->types.TypeError, "argument of type '%s' is not iterable", vm_type_name(vm, container));
    return -1;
}

Value vm_format(VM *vm, Value v, ObjStr *spec) {
    if (IS_STR(v)) return str_format_spec(vm, AS_STR(v), spec);
    if (is_number(v)) return num_format_spec(vm, v, spec);
    Value method = user_method(vm, v, DUNDER_FORMAT);
    if (!IS_EMPTY(method)) {
        Value arg = OBJ_VAL(spec);
        Value result = call_user_method(vm, method, v, 1, &arg);
        if (!IS_EMPTY(result) && !IS_STR(result))
            return vm_raise(vm, vm->types.TypeError, "__format__ must return a str, not %s", vm_type_name(vm, result));
        return result;
    }
    if (spec->length == 0) return vm_str(vm, v);
    return vm_raise(vm, vm->types.TypeError, "unsupported format string passed to %s.__format__",
                    vm_type_name(vm, v));
}

/* -------------------------------------------------- with, calls, messages */

bool vm_before_with(VM *vm, Value *slot, bool is_async) {
    Value manager = slot[0];
    ObjStr *enter_name = is_async ? vm->s_aenter : vm->s_enter;
    ObjStr *exit_name = is_async ? vm->s_aexit : vm->s_exit;
    ObjClass *cls = vm_type_of(vm, manager);
    Value enter = class_lookup(cls, enter_name);
    Value exit = class_lookup(cls, exit_name);
    if (IS_EMPTY(enter) || IS_EMPTY(exit)) {
        vm_raise(vm, vm->types.TypeError, "'%s' object does not support the %scontext manager protocol",
                 cls->name->chars, is_async ? "asynchronous " : "");
        return false;
    }
    Value bound_exit = bind_if_method(vm, manager, exit);
    slot[0] = bound_exit; /* keeps it alive while __enter__ runs */
    Value entered = vm_call_method(vm, manager, enter_name, 0, NULL);
    if (IS_EMPTY(entered)) return false;
    /* The call may have moved the stack: write through the fiber, not `slot`. */
    vm->fiber->stack_top[-1] = bound_exit;
    vm->fiber->stack_top[0] = entered;
    return true;
}

/* "module.qualname()", as CPython's _PyObject_FunctionStr names a function. */
static void describe_function(VM *vm, ObjFunction *function, char *out, size_t size) {
    Value module = dict_get_str(function->globals, vm->s_name);
    if (IS_STR(module) && strcmp(AS_STR(module)->chars, "builtins") != 0)
        snprintf(out, size, "%s.%s()", AS_STR(module)->chars, function->qualname->chars);
    else
        snprintf(out, size, "%s()", function->qualname->chars);
}

const char *vm_callable_description(VM *vm, Value callee) {
    static char description[160];
    if (IS_FUNCTION(callee))
        describe_function(vm, AS_FUNCTION(callee), description, sizeof description);
    else if (IS_NATIVE(callee))
        snprintf(description, sizeof description, "%s()", AS_NATIVE(callee)->name->chars);
    else if (IS_BOUND_METHOD(callee) && IS_FUNCTION(AS_BOUND_METHOD(callee)->callable))
        describe_function(vm, AS_FUNCTION(AS_BOUND_METHOD(callee)->callable), description, sizeof description);
    else if (IS_CLASS(callee))
        snprintf(description, sizeof description, "%s()", AS_CLASS(callee)->name->chars);
    else
        snprintf(description, sizeof description, "%s object", vm_type_name(vm, callee));
    return description;
}

/* ----------------------------------------------------------------- raising */

Value vm_handled_exception(VM *vm) {
    for (Fiber *fiber = vm->fiber; fiber != NULL; fiber = fiber->caller)
        if (!IS_NONE(fiber->handled)) return fiber->handled;
    return NONE_VAL;
}

Value vm_raise_value(VM *vm, Value exc) {
    if (IS_CLASS(exc)) {
        exc = vm_call(vm, exc, 0, NULL);
        if (IS_EMPTY(exc)) return EMPTY_VAL;
    }
    if (IS_EXCEPTION(exc)) {
        Value handled = vm_handled_exception(vm);
        if (IS_EXCEPTION(handled) && !same_object(handled, exc)) {
            /* Break a cycle the new context would make, as CPython does. */
            Value link = handled;
            while (IS_EXCEPTION(link)) {
                ObjException *e = AS_EXCEPTION(link);
                if (same_object(e->context, exc)) {
                    e->context = NONE_VAL;
                    break;
                }
                link = e->context;
            }
            AS_EXCEPTION(exc)->context = handled;
        }
    }
    vm->exception = exc;
    return EMPTY_VAL;
}

Value vm_raise(VM *vm, ObjClass *cls, const char *fmt, ...) {
    char stack_buffer[512];
    va_list args;
    va_start(args, fmt);
    int length = vsnprintf(stack_buffer, sizeof stack_buffer, fmt, args);
    va_end(args);
    ObjStr *message;
    if (length < 0) length = 0;
    if ((size_t)length < sizeof stack_buffer) {
        message = str_new(vm, stack_buffer, (size_t)length);
    } else {
        char *heap = malloc((size_t)length + 1);
        if (heap == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
        va_start(args, fmt);
        vsnprintf(heap, (size_t)length + 1, fmt, args);
        va_end(args);
        message = str_new(vm, heap, (size_t)length);
        free(heap);
    }
    Value item = OBJ_VAL(message);
    ObjTuple *exc_args = tuple_from_values(vm, 1, &item);
    return vm_raise_value(vm, OBJ_VAL(exception_new(vm, cls, exc_args)));
}

Value vm_raise_empty(VM *vm, ObjClass *cls) {
    return vm_raise_value(vm, OBJ_VAL(exception_new(vm, cls, tuple_new(vm, 0))));
}

bool vm_exception_matches(VM *vm, ObjClass *cls) {
    return IS_EXCEPTION(vm->exception) && class_is_subclass(AS_EXCEPTION(vm->exception)->cls, cls);
}

Value vm_take_exception(VM *vm) {
    Value exc = vm->exception;
    vm->exception = EMPTY_VAL;
    return exc;
}
