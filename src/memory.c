/* memory.c — the one door for memory (reallocate) and the mark-and-sweep
 * garbage collector. Collection happens only at safe points of the dispatch
 * loop (calls and backward jumps), never inside an allocation, so C code
 * holding fresh objects in locals is safe until it calls back into Python. */
#include "memory.h"

#include "containers.h"
#include "vm_internal.h"

void *reallocate(VM *vm, void *pointer, size_t old_size, size_t new_size) {
    if (new_size > old_size) {
        vm->bytes_allocated += new_size - old_size;
        if (vm->bytes_allocated > vm->next_gc || vm->gc_stress) vm->gc_pending = true;
    } else {
        size_t freed = old_size - new_size;
        vm->bytes_allocated = freed > vm->bytes_allocated ? 0 : vm->bytes_allocated - freed;
    }
    if (new_size == 0) {
        free(pointer);
        return NULL;
    }
    void *result = realloc(pointer, new_size);
    if (result == NULL) {
        /* The memory cap (--max-memory) turns growth into MemoryError long before
         * the system refuses; reaching here means the machine itself is out. */
        fprintf(stderr, "handoff: out of memory (asked for %zu bytes)\n", new_size);
        exit(70);
    }
    return result;
}

bool vm_reserve(VM *vm, size_t bytes) {
    if (vm->max_memory == 0 || bytes <= vm->max_memory - (vm->bytes_allocated < vm->max_memory
                                                               ? vm->bytes_allocated
                                                               : vm->max_memory))
        return true;
    vm_raise_empty(vm, vm->types.MemoryError);
    return false;
}

Obj *obj_allocate(VM *vm, size_t size, ObjType type) {
    Obj *object = reallocate(vm, NULL, 0, size);
    memset(object, 0, size);
    object->type = type;
    object->marked = false;
    object->next = vm->objects;
    vm->objects = object;
    return object;
}

/* ------------------------------------------------------------------ marking */

void gc_mark_object(VM *vm, Obj *object) {
    if (object == NULL || object->marked) return;
    object->marked = true;
    if (vm->gray_count + 1 > vm->gray_capacity) {
        vm->gray_capacity = GROW_CAPACITY(vm->gray_capacity);
        /* The gray stack is the collector's own: plain realloc, not counted. */
        Obj **grown = realloc(vm->gray_stack, sizeof(Obj *) * (size_t)vm->gray_capacity);
        if (grown == NULL) {
            fprintf(stderr, "handoff: out of memory while collecting garbage\n");
            exit(70);
        }
        vm->gray_stack = grown;
    }
    vm->gray_stack[vm->gray_count++] = object;
}

void gc_mark_value(VM *vm, Value value) {
    if (IS_OBJ(value)) gc_mark_object(vm, AS_OBJ(value));
}

static void mark_values(VM *vm, const Value *values, int64_t count) {
    for (int64_t i = 0; i < count; i++) gc_mark_value(vm, values[i]);
}

void gc_mark_fiber(VM *vm, Fiber *fiber) {
    if (fiber == NULL) return;
    mark_values(vm, fiber->stack, fiber->stack_top - fiber->stack);
    for (int i = 0; i < fiber->frame_count; i++) {
        gc_mark_object(vm, (Obj *)fiber->frames[i].function);
        gc_mark_object(vm, (Obj *)fiber->frames[i].class_ns);
    }
    gc_mark_value(vm, fiber->handled);
    gc_mark_value(vm, fiber->pending_throw);
    gc_mark_object(vm, (Obj *)fiber->owner);
}

static void blacken(VM *vm, Obj *object) {
    switch ((ObjType)object->type) {
    case OBJ_STR:
    case OBJ_BIGINT:
    case OBJ_RANGE:
    case OBJ_BYTES:
        break;
    case OBJ_TUPLE: {
        ObjTuple *tuple = (ObjTuple *)object;
        mark_values(vm, tuple->items, tuple->count);
        break;
    }
    case OBJ_LIST: {
        ObjList *list = (ObjList *)object;
        mark_values(vm, list->items, list->count);
        break;
    }
    case OBJ_DICT: {
        ObjDict *dict = (ObjDict *)object;
        for (int64_t i = 0; i < dict->used; i++) {
            gc_mark_value(vm, dict->entries[i].key);
            gc_mark_value(vm, dict->entries[i].value);
        }
        break;
    }
    case OBJ_SET: {
        ObjSet *set = (ObjSet *)object;
        if (set->table != NULL)
            for (int64_t i = 0; i <= set->mask; i++) gc_mark_value(vm, set->table[i].key);
        break;
    }
    case OBJ_SLICE: {
        ObjSlice *slice = (ObjSlice *)object;
        gc_mark_value(vm, slice->start);
        gc_mark_value(vm, slice->stop);
        gc_mark_value(vm, slice->step);
        break;
    }
    case OBJ_CODE: {
        ObjCode *code = (ObjCode *)object;
        gc_mark_object(vm, (Obj *)code->name);
        gc_mark_object(vm, (Obj *)code->qualname);
        gc_mark_object(vm, (Obj *)code->filename);
        mark_values(vm, code->constants.items, code->constants.count);
        for (int i = 0; i < code->name_count; i++) gc_mark_object(vm, (Obj *)code->names[i]);
        if (code->localnames)
            for (int i = 0; i < code->nlocals; i++) gc_mark_object(vm, (Obj *)code->localnames[i]);
        if (code->cellnames)
            for (int i = 0; i < code->ncells; i++) gc_mark_object(vm, (Obj *)code->cellnames[i]);
        if (code->freenames)
            for (int i = 0; i < code->nfree; i++) gc_mark_object(vm, (Obj *)code->freenames[i]);
        break;
    }
    case OBJ_FUNCTION: {
        ObjFunction *function = (ObjFunction *)object;
        gc_mark_object(vm, (Obj *)function->code);
        gc_mark_object(vm, (Obj *)function->globals);
        gc_mark_object(vm, (Obj *)function->defaults);
        gc_mark_object(vm, (Obj *)function->kwdefaults);
        gc_mark_object(vm, (Obj *)function->closure);
        gc_mark_object(vm, (Obj *)function->name);
        gc_mark_object(vm, (Obj *)function->qualname);
        gc_mark_object(vm, (Obj *)function->dict);
        gc_mark_value(vm, function->doc);
        break;
    }
    case OBJ_CELL:
        gc_mark_value(vm, ((ObjCell *)object)->value);
        break;
    case OBJ_NATIVE: {
        ObjNative *native = (ObjNative *)object;
        gc_mark_object(vm, (Obj *)native->name);
        gc_mark_object(vm, (Obj *)native->owner);
        gc_mark_value(vm, native->data);
        break;
    }
    case OBJ_BOUND_METHOD:
        gc_mark_value(vm, ((ObjBoundMethod *)object)->self);
        gc_mark_value(vm, ((ObjBoundMethod *)object)->callable);
        break;
    case OBJ_CLASS: {
        ObjClass *cls = (ObjClass *)object;
        gc_mark_object(vm, (Obj *)cls->name);
        gc_mark_object(vm, (Obj *)cls->base);
        gc_mark_object(vm, (Obj *)cls->dict);
        break;
    }
    case OBJ_INSTANCE:
        gc_mark_object(vm, (Obj *)((ObjInstance *)object)->cls);
        gc_mark_object(vm, (Obj *)((ObjInstance *)object)->dict);
        break;
    case OBJ_EXCEPTION: {
        ObjException *exc = (ObjException *)object;
        gc_mark_object(vm, (Obj *)exc->cls);
        gc_mark_object(vm, (Obj *)exc->args);
        gc_mark_value(vm, exc->cause);
        gc_mark_value(vm, exc->context);
        gc_mark_value(vm, exc->value);
        gc_mark_object(vm, (Obj *)exc->dict);
        for (int i = 0; i < exc->traceback_count; i++)
            gc_mark_object(vm, (Obj *)exc->traceback[i].code);
        break;
    }
    case OBJ_MODULE:
        gc_mark_object(vm, (Obj *)((ObjModule *)object)->name);
        gc_mark_object(vm, (Obj *)((ObjModule *)object)->dict);
        break;
    case OBJ_GENERATOR: {
        ObjGenerator *gen = (ObjGenerator *)object;
        gc_mark_object(vm, (Obj *)gen->function);
        gc_mark_object(vm, (Obj *)gen->name);
        gc_mark_object(vm, (Obj *)gen->qualname);
        gc_mark_object(vm, (Obj *)gen->created_file);
        gc_mark_value(vm, gen->delegate);
        gc_mark_fiber(vm, gen->fiber);
        break;
    }
    case OBJ_ITERATOR: {
        ObjIterator *it = (ObjIterator *)object;
        gc_mark_value(vm, it->source);
        gc_mark_value(vm, it->extra);
        break;
    }
    case OBJ_NATIVE_DATA: {
        ObjNativeData *data = (ObjNativeData *)object;
        gc_mark_object(vm, (Obj *)data->cls);
        if (data->kind->mark != NULL) data->kind->mark(vm, data);
        break;
    }
    }
}

/* ------------------------------------------------------------------ freeing */

void fiber_free(VM *vm, Fiber *fiber) {
    if (fiber == NULL) return;
    FREE_ARRAY(vm, Value, fiber->stack, fiber->stack_capacity);
    FREE_ARRAY(vm, CallFrame, fiber->frames, fiber->frame_capacity);
    FREE_ARRAY(vm, Block, fiber->blocks, fiber->block_capacity);
    reallocate(vm, fiber, sizeof(Fiber), 0);
}

static void free_object(VM *vm, Obj *object) {
    switch ((ObjType)object->type) {
    case OBJ_STR:
        reallocate(vm, object, sizeof(ObjStr) + (size_t)((ObjStr *)object)->length + 1, 0);
        return;
    case OBJ_BIGINT: {
        /* The limbs were counted when the int was made (int.c); ints never change. */
        size_t limbs = (size_t)((ObjBigInt *)object)->value->_mp_alloc * sizeof(mp_limb_t);
        mpz_clear(((ObjBigInt *)object)->value);
        reallocate(vm, object, sizeof(ObjBigInt) + limbs, 0);
        return;
    }
    case OBJ_TUPLE:
        reallocate(vm, object, sizeof(ObjTuple) + sizeof(Value) * (size_t)((ObjTuple *)object)->count, 0);
        return;
    case OBJ_LIST:
        FREE_ARRAY(vm, Value, ((ObjList *)object)->items, ((ObjList *)object)->capacity);
        reallocate(vm, object, sizeof(ObjList), 0);
        return;
    case OBJ_DICT: {
        ObjDict *dict = (ObjDict *)object;
        FREE_ARRAY(vm, DictEntry, dict->entries, dict->entry_capacity);
        FREE_ARRAY(vm, int32_t, dict->indices, dict->index_capacity);
        reallocate(vm, object, sizeof(ObjDict), 0);
        return;
    }
    case OBJ_SET: {
        ObjSet *set = (ObjSet *)object;
        if (set->table != NULL) FREE_ARRAY(vm, SetEntry, set->table, set->mask + 1);
        reallocate(vm, object, sizeof(ObjSet), 0);
        return;
    }
    case OBJ_RANGE: reallocate(vm, object, sizeof(ObjRange), 0); return;
    case OBJ_BYTES:
        reallocate(vm, object, sizeof(ObjBytes) + (size_t)((ObjBytes *)object)->length + 1, 0);
        return;
    case OBJ_SLICE: reallocate(vm, object, sizeof(ObjSlice), 0); return;
    case OBJ_CODE: {
        ObjCode *code = (ObjCode *)object;
        FREE_ARRAY(vm, uint8_t, code->code, code->code_length);
        FREE_ARRAY(vm, int, code->lines, code->code_length);
        value_array_free(vm, &code->constants);
        FREE_ARRAY(vm, ObjStr *, code->names, code->name_count);
        FREE_ARRAY(vm, ObjStr *, code->localnames, code->nlocals);
        FREE_ARRAY(vm, ObjStr *, code->cellnames, code->ncells);
        FREE_ARRAY(vm, ObjStr *, code->freenames, code->nfree);
        FREE_ARRAY(vm, int, code->cell2arg, code->ncells);
        if (code->global_cache != NULL) FREE_ARRAY(vm, GlobalCacheEntry, code->global_cache, code->name_count);
        if (code->attr_cache != NULL) FREE_ARRAY(vm, AttrCacheEntry, code->attr_cache, code->name_count);
        reallocate(vm, object, sizeof(ObjCode), 0);
        return;
    }
    case OBJ_FUNCTION: reallocate(vm, object, sizeof(ObjFunction), 0); return;
    case OBJ_CELL: reallocate(vm, object, sizeof(ObjCell), 0); return;
    case OBJ_NATIVE: reallocate(vm, object, sizeof(ObjNative), 0); return;
    case OBJ_BOUND_METHOD: reallocate(vm, object, sizeof(ObjBoundMethod), 0); return;
    case OBJ_CLASS: reallocate(vm, object, sizeof(ObjClass), 0); return;
    case OBJ_INSTANCE: reallocate(vm, object, sizeof(ObjInstance), 0); return;
    case OBJ_EXCEPTION: {
        ObjException *exc = (ObjException *)object;
        FREE_ARRAY(vm, TracebackEntry, exc->traceback, exc->traceback_capacity);
        reallocate(vm, object, sizeof(ObjException), 0);
        return;
    }
    case OBJ_MODULE: reallocate(vm, object, sizeof(ObjModule), 0); return;
    case OBJ_GENERATOR:
        if (vm->on_coroutine_dropped != NULL && ((ObjGenerator *)object)->state == GEN_CREATED &&
            ((ObjGenerator *)object)->kind == GEN_KIND_COROUTINE)
            vm->on_coroutine_dropped(vm, (ObjGenerator *)object);
        fiber_free(vm, ((ObjGenerator *)object)->fiber);
        reallocate(vm, object, sizeof(ObjGenerator), 0);
        return;
    case OBJ_ITERATOR: reallocate(vm, object, sizeof(ObjIterator), 0); return;
    case OBJ_NATIVE_DATA: {
        ObjNativeData *data = (ObjNativeData *)object;
        if (data->kind->free != NULL) data->kind->free(vm, data);
        reallocate(vm, object, data->obj.size, 0);
        return;
    }
    }
}

/* ------------------------------------------------------------------ collecting */

static void mark_roots(VM *vm) {
    for (Fiber *fiber = vm->fiber; fiber != NULL; fiber = fiber->caller) gc_mark_fiber(vm, fiber);
    gc_mark_fiber(vm, vm->main_fiber);
    gc_mark_value(vm, vm->exception);
    gc_mark_object(vm, (Obj *)vm->builtins);
    gc_mark_object(vm, (Obj *)vm->main_globals);
    gc_mark_object(vm, (Obj *)vm->modules);
    gc_mark_object(vm, (Obj *)vm->iterator_classes);
    gc_mark_object(vm, (Obj *)vm->argv0);
    gc_mark_object(vm, (Obj *)vm->argv);
    ObjClass **classes = (ObjClass **)&vm->types;
    for (size_t i = 0; i < sizeof(vm->types) / sizeof(ObjClass *); i++)
        gc_mark_object(vm, (Obj *)classes[i]);
    for (int i = 0; i < DUNDER_COUNT; i++) gc_mark_object(vm, (Obj *)vm->dunder[i]);
    ObjStr **names = &vm->s_init;
    for (ObjStr **name = names; name <= &vm->s_class; name++) gc_mark_object(vm, (Obj *)*name);
    mark_values(vm, vm->temp_roots, vm->temp_root_count);
    gc_mark_object(vm, vm->spare_awaitable);
    for (int i = 0; i < vm->root_marker_count; i++)
        vm->root_markers[i].mark(vm, vm->root_markers[i].data);
    /* The interned table is weak: the dict itself stays, its keys do not keep strings alive. */
    if (vm->interned != NULL) vm->interned->obj.marked = true;
}

static void trace_references(VM *vm) {
    while (vm->gray_count > 0) blacken(vm, vm->gray_stack[--vm->gray_count]);
}

static void sweep(VM *vm) {
    Obj *previous = NULL;
    Obj *object = vm->objects;
    while (object != NULL) {
        if (object->marked) {
            object->marked = false;
            previous = object;
            object = object->next;
            continue;
        }
        Obj *unreached = object;
        object = object->next;
        if (previous != NULL) previous->next = object;
        else vm->objects = object;
        free_object(vm, unreached);
    }
}

void gc_collect(VM *vm) {
    vm->gc_pending = false;
    mark_roots(vm);
    trace_references(vm);
    if (vm->interned != NULL) dict_remove_unmarked_str_keys(vm->interned);
    sweep(vm);
    size_t floor = 1024 * 1024;
    vm->next_gc = vm->bytes_allocated * 2 > floor ? vm->bytes_allocated * 2 : floor;
}

void gc_free_all(VM *vm) {
    Obj *object = vm->objects;
    while (object != NULL) {
        Obj *next = object->next;
        free_object(vm, object);
        object = next;
    }
    vm->objects = NULL;
    free(vm->gray_stack);
    vm->gray_stack = NULL;
    vm->gray_count = vm->gray_capacity = 0;
}
