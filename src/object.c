/* object.c — constructors of the small heap objects (code, functions, cells,
 * natives, bound methods, classes, instances, modules, iterators, upper-layer
 * data) and the class lookup that attribute access and isinstance use. */
#include "containers.h"
#include "vm.h"

void value_array_init(ValueArray *array) {
    array->items = NULL;
    array->count = array->capacity = 0;
}

void value_array_push(VM *vm, ValueArray *array, Value value) {
    if (array->count + 1 > array->capacity) {
        int old = array->capacity;
        array->capacity = GROW_CAPACITY(old);
        array->items = GROW_ARRAY(vm, Value, array->items, old, array->capacity);
    }
    array->items[array->count++] = value;
}

void value_array_free(VM *vm, ValueArray *array) {
    FREE_ARRAY(vm, Value, array->items, array->capacity);
    value_array_init(array);
}

ObjCode *code_new(VM *vm) {
    ObjCode *code = (ObjCode *)obj_allocate(vm, sizeof(ObjCode), OBJ_CODE);
    value_array_init(&code->constants);
    return code;
}

ObjFunction *function_new(VM *vm, ObjCode *code, ObjDict *globals) {
    ObjFunction *function = (ObjFunction *)obj_allocate(vm, sizeof(ObjFunction), OBJ_FUNCTION);
    function->code = code;
    function->globals = globals;
    function->name = code->name;
    function->qualname = code->qualname;
    function->doc = (code->flags & CODE_HAS_DOCSTRING) && code->constants.count > 0
                        ? code->constants.items[0]
                        : NONE_VAL;
    return function;
}

ObjCell *cell_new(VM *vm, Value value) {
    ObjCell *cell = (ObjCell *)obj_allocate(vm, sizeof(ObjCell), OBJ_CELL);
    cell->value = value;
    return cell;
}

ObjNative *native_new(VM *vm, const char *name, NativeFn fn, ObjClass *owner) {
    ObjStr *interned = str_intern_cstr(vm, name);
    ObjNative *native = (ObjNative *)obj_allocate(vm, sizeof(ObjNative), OBJ_NATIVE);
    native->fn = fn;
    native->name = interned;
    native->owner = owner;
    native->data = NONE_VAL;
    return native;
}

ObjBoundMethod *bound_method_new(VM *vm, Value self, Value callable) {
    ObjBoundMethod *method =
        (ObjBoundMethod *)obj_allocate(vm, sizeof(ObjBoundMethod), OBJ_BOUND_METHOD);
    method->self = self;
    method->callable = callable;
    return method;
}

ObjClass *class_new(VM *vm, ObjStr *name, ObjClass *base, ObjType instance_type) {
    ObjDict *dict = dict_new(vm);
    ObjClass *cls = (ObjClass *)obj_allocate(vm, sizeof(ObjClass), OBJ_CLASS);
    cls->name = name;
    cls->base = base;
    cls->dict = dict;
    cls->instance_type = instance_type;
    cls->construct = base != NULL ? base->construct : NULL;
    class_invalidate_lookups();
    return cls;
}

ObjInstance *instance_new(VM *vm, ObjClass *cls) {
    ObjDict *dict = dict_new(vm);
    ObjInstance *instance = (ObjInstance *)obj_allocate(vm, sizeof(ObjInstance), OBJ_INSTANCE);
    instance->cls = cls;
    instance->dict = dict;
    return instance;
}

bool class_is_subclass(const ObjClass *cls, const ObjClass *base) {
    for (; cls != NULL; cls = cls->base) {
        if (cls == base) return true;
        if (cls->also_base != NULL && class_is_subclass(cls->also_base, base)) return true;
    }
    return false;
}

/* The lookup cache: (class, name) -> where class_lookup found it (a class
 * dict and an entry index, or nothing), valid while class_version is
 * unchanged. Adding or removing a name in a class dict, and every new class
 * (which may reuse a freed class's address), moves the version on; replacing
 * the value of a name (A.count += 1) does not, as the entry stays where it is.
 * The found dict's keys_version is checked too, and the name's hash kept, so
 * that a freed name whose address is reused by another string cannot match. */
#define CLASS_CACHE_SIZE 4096
typedef struct {
    const ObjClass *cls;
    const ObjStr *name;
    uint64_t hash;
    uint64_t version;
    ObjDict *dict;              /* where it was found, or NULL: not found */
    int64_t index;              /* dict->entries[index] */
    uint64_t keys_version;      /* dict->keys_version when found */
} ClassCacheEntry;

static ClassCacheEntry class_cache[CLASS_CACHE_SIZE];
static uint64_t class_version = 1;

void class_invalidate_lookups(void) { class_version++; }

Value class_lookup(ObjClass *cls, ObjStr *name) {
    size_t slot = (((uintptr_t)cls >> 4) ^ ((uintptr_t)name >> 3) ^ (size_t)name->hash) & (CLASS_CACHE_SIZE - 1);
    ClassCacheEntry *entry = &class_cache[slot];
    if (entry->cls == cls && entry->name == name && entry->hash == name->hash && entry->version == class_version) {
        if (entry->dict == NULL) return EMPTY_VAL;
        if (entry->dict->keys_version == entry->keys_version) return entry->dict->entries[entry->index].value;
    }
    ObjDict *found_in = NULL;
    int64_t index = -1;
    for (ObjClass *c = cls; c != NULL; c = c->base) {
        index = dict_find_str_index(c->dict, name);
        if (index >= 0) {
            found_in = c->dict;
            break;
        }
    }
    if (name->interned) {
        entry->cls = cls;
        entry->name = name;
        entry->hash = name->hash;
        entry->version = class_version;
        entry->dict = found_in;
        entry->index = index;
        entry->keys_version = found_in != NULL ? found_in->keys_version : 0;
    }
    return found_in != NULL ? found_in->entries[index].value : EMPTY_VAL;
}

ObjModule *module_new(VM *vm, ObjStr *name) {
    ObjDict *dict = dict_new(vm);
    ObjModule *module = (ObjModule *)obj_allocate(vm, sizeof(ObjModule), OBJ_MODULE);
    module->name = name;
    module->dict = dict;
    dict_set_str(vm, dict, vm->s_name, OBJ_VAL(name));
    return module;
}

ObjIterator *iterator_new(VM *vm, const char *type_name, IterNextFn next, Value source) {
    ObjIterator *it = (ObjIterator *)obj_allocate(vm, sizeof(ObjIterator), OBJ_ITERATOR);
    it->type_name = type_name;
    it->next = next;
    it->source = source;
    it->extra = NONE_VAL;
    return it;
}

ObjNativeData *native_data_new(VM *vm, ObjClass *cls, const NativeDataType *kind, size_t size) {
    ObjNativeData *data = (ObjNativeData *)obj_allocate(vm, size, OBJ_NATIVE_DATA);
    data->cls = cls;
    data->kind = kind;
    data->obj.size = (uint32_t)size;
    return data;
}
