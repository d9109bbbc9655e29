/* dict.c — handoff's dict, laid out as CPython's compact dict: `entries` keep
 * insertion order, `indices` is the open-addressed hash table of positions
 * into entries. Also the str-keyed fast paths (globals, attributes, the
 * interned-string table), dict views, dict iterators and dict's methods. */
#include "containers.h"

#define DICT_MIN_SIZE 8
#define PERTURB_SHIFT 5
#define IX_EMPTY (-1)
#define IX_DUMMY (-2)

/* Two thirds of the index table may hold entries (CPython's USABLE_FRACTION). */
static int64_t usable_fraction(int64_t size) {
    return (size << 1) / 3;
}

/* Identity: the same object, or the same inline value. */
static bool same_value(Value a, Value b) {
    if (a.type != b.type) return false;
    switch (a.type) {
    case VAL_OBJ: return a.as.obj == b.as.obj;
    case VAL_INT: return a.as.integer == b.as.integer;
    case VAL_BOOL: return a.as.boolean == b.as.boolean;
    case VAL_FLOAT: return memcmp(&a.as.number, &b.as.number, sizeof(double)) == 0;
    default: return true;
    }
}

static bool key_hash(VM *vm, Value key, uint64_t *hash) {
    if (IS_STR(key)) {
        *hash = AS_STR(key)->hash;
        return true;
    }
    return vm_hash(vm, key, hash);
}

/* ------------------------------------------------------------------ probing */

/* Finds `key`: its entry index (and its slot in indices), -1 when missing,
 * -2 when a comparison raised. An __eq__ that mutates the dict restarts the
 * search, as CPython does. */
static int64_t lookup(VM *vm, ObjDict *dict, Value key, uint64_t hash, size_t *slot_out) {
restart:
    if (dict->index_capacity == 0) return -1;
    size_t mask = (size_t)dict->index_capacity - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = hash;
    for (;;) {
        int32_t ix = dict->indices[i];
        if (ix == IX_EMPTY) return -1;
        if (ix >= 0) {
            DictEntry *entry = &dict->entries[ix];
            if (entry->hash == hash) {
                if (same_value(entry->key, key)) {
                    if (slot_out != NULL) *slot_out = i;
                    return ix;
                }
                int equal;
                if (IS_STR(entry->key) && IS_STR(key)) {
                    equal = str_equal(AS_STR(entry->key), AS_STR(key));
                } else if (IS_INT(entry->key) && IS_INT(key)) {
                    equal = 0;
                } else {
                    DictEntry *entries = dict->entries;
                    Value start_key = entry->key;
                    equal = vm_equal(vm, start_key, key);
                    if (equal < 0) return -2;
                    if (entries != dict->entries || !same_value(dict->entries[ix].key, start_key)) {
                        goto restart;
                    }
                }
                if (equal) {
                    if (slot_out != NULL) *slot_out = i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The slot a new entry with this hash goes to: the first empty or dummy one. */
static size_t find_empty_slot(ObjDict *dict, uint64_t hash) {
    size_t mask = (size_t)dict->index_capacity - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = hash;
    while (dict->indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The slot holding entry `ix` (known to be present). */
static size_t slot_of_entry(ObjDict *dict, int64_t ix) {
    size_t mask = (size_t)dict->index_capacity - 1;
    uint64_t hash = dict->entries[ix].hash;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = hash;
    while (dict->indices[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

uint64_t dict_next_version(void) {
    static uint64_t last_version;
    return ++last_version;
}

/* Rebuilds the table with room for `min_size` slots, dropping deleted
 * entries; live entries keep their order. */
static void resize(VM *vm, ObjDict *dict, int64_t min_size) {
    int64_t size = DICT_MIN_SIZE;
    while (size < min_size) size <<= 1;
    int64_t entry_capacity = usable_fraction(size);
    int32_t *indices = ALLOCATE(vm, int32_t, (size_t)size);
    for (int64_t i = 0; i < size; i++) indices[i] = IX_EMPTY;
    DictEntry *entries = ALLOCATE(vm, DictEntry, (size_t)entry_capacity);
    int64_t count = 0;
    size_t mask = (size_t)size - 1;
    for (int64_t j = 0; j < dict->used; j++) {
        DictEntry *old = &dict->entries[j];
        if (IS_EMPTY(old->key)) continue;
        entries[count] = *old;
        size_t i = (size_t)old->hash & mask;
        uint64_t perturb = old->hash;
        while (indices[i] != IX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        indices[i] = (int32_t)count;
        count++;
    }
    FREE_ARRAY(vm, DictEntry, dict->entries, (size_t)dict->entry_capacity);
    FREE_ARRAY(vm, int32_t, dict->indices, (size_t)dict->index_capacity);
    dict->entries = entries;
    dict->entry_capacity = entry_capacity;
    dict->indices = indices;
    dict->index_capacity = size;
    dict->used = count;
    dict->count = count;
    dict->keys_version = dict_next_version();
}

/* Appends a key known to be absent. */
static void insert_new(VM *vm, ObjDict *dict, Value key, uint64_t hash, Value value) {
    if (dict->used >= dict->entry_capacity) resize(vm, dict, dict->count * 3);
    size_t slot = find_empty_slot(dict, hash);
    DictEntry *entry = &dict->entries[dict->used];
    entry->key = key;
    entry->value = value;
    entry->hash = hash;
    dict->indices[slot] = (int32_t)dict->used;
    dict->used++;
    dict->count++;
    dict->keys_version = dict_next_version();
}

static bool insert(VM *vm, ObjDict *dict, Value key, uint64_t hash, Value value) {
    int64_t ix = lookup(vm, dict, key, hash, NULL);
    if (ix == -2) return false;
    if (ix >= 0) {
        dict->entries[ix].value = value;  /* the first key object stays, as CPython */
        return true;
    }
    insert_new(vm, dict, key, hash, value);
    return true;
}

static void delete_entry(ObjDict *dict, int64_t ix, size_t slot) {
    dict->indices[slot] = IX_DUMMY;
    dict->entries[ix].key = EMPTY_VAL;
    dict->entries[ix].value = EMPTY_VAL;
    dict->count--;
    dict->keys_version = dict_next_version();
}

/* --------------------------------------------------------------- the C API */

ObjDict *dict_new(VM *vm) {
    ObjDict *dict = (ObjDict *)obj_allocate(vm, sizeof(ObjDict), OBJ_DICT);
    dict->count = 0;
    dict->used = 0;
    dict->entry_capacity = 0;
    dict->entries = NULL;
    dict->index_capacity = 0;
    dict->indices = NULL;
    dict->keys_version = dict_next_version();
    return dict;
}

int dict_get(VM *vm, ObjDict *dict, Value key, Value *out) {
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return -1;
    int64_t ix = lookup(vm, dict, key, hash, NULL);
    if (ix == -2) return -1;
    if (ix == -1) return 0;
    *out = dict->entries[ix].value;
    return 1;
}

bool dict_set(VM *vm, ObjDict *dict, Value key, Value value) {
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return false;
    return insert(vm, dict, key, hash, value);
}

int dict_delete(VM *vm, ObjDict *dict, Value key) {
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return -1;
    size_t slot;
    int64_t ix = lookup(vm, dict, key, hash, &slot);
    if (ix == -2) return -1;
    if (ix == -1) return 0;
    delete_entry(dict, ix, slot);
    return 1;
}

/* str keys: compare by identity, then bytes; other key types never match. */
static int64_t lookup_str(ObjDict *dict, ObjStr *key, size_t *slot_out) {
    if (dict->index_capacity == 0) return -1;
    size_t mask = (size_t)dict->index_capacity - 1;
    size_t i = (size_t)key->hash & mask;
    uint64_t perturb = key->hash;
    for (;;) {
        int32_t ix = dict->indices[i];
        if (ix == IX_EMPTY) return -1;
        if (ix >= 0) {
            DictEntry *entry = &dict->entries[ix];
            if (entry->hash == key->hash && IS_STR(entry->key) &&
                str_equal(AS_STR(entry->key), key)) {
                if (slot_out != NULL) *slot_out = i;
                return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value dict_get_str(ObjDict *dict, ObjStr *key) {
    int64_t ix = lookup_str(dict, key, NULL);
    return ix < 0 ? EMPTY_VAL : dict->entries[ix].value;
}

int64_t dict_find_str_index(ObjDict *dict, ObjStr *key) {
    if (dict->count == 0) return -1;
    return lookup_str(dict, key, NULL);
}

void dict_set_str(VM *vm, ObjDict *dict, ObjStr *key, Value value) {
    int64_t ix = lookup_str(dict, key, NULL);
    if (ix >= 0) {
        dict->entries[ix].value = value;
        return;
    }
    insert_new(vm, dict, OBJ_VAL(key), key->hash, value);
}

bool dict_delete_str(VM *vm, ObjDict *dict, ObjStr *key) {
    UNUSED(vm);
    size_t slot;
    int64_t ix = lookup_str(dict, key, &slot);
    if (ix < 0) return false;
    delete_entry(dict, ix, slot);
    return true;
}

bool dict_next(ObjDict *dict, int64_t *position, Value *key, Value *value) {
    while (*position < dict->used) {
        DictEntry *entry = &dict->entries[(*position)++];
        if (IS_EMPTY(entry->key)) continue;
        if (key != NULL) *key = entry->key;
        if (value != NULL) *value = entry->value;
        return true;
    }
    return false;
}

ObjStr *dict_find_str(ObjDict *dict, const char *chars, size_t length, uint64_t hash) {
    if (dict->index_capacity == 0) return NULL;
    size_t mask = (size_t)dict->index_capacity - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = hash;
    for (;;) {
        int32_t ix = dict->indices[i];
        if (ix == IX_EMPTY) return NULL;
        if (ix >= 0) {
            DictEntry *entry = &dict->entries[ix];
            if (entry->hash == hash && IS_STR(entry->key)) {
                ObjStr *s = AS_STR(entry->key);
                if ((size_t)s->length == length && memcmp(s->chars, chars, length) == 0) return s;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void dict_remove_unmarked_str_keys(ObjDict *dict) {
    for (int64_t ix = 0; ix < dict->used; ix++) {
        Value key = dict->entries[ix].key;
        if (IS_OBJ(key) && !AS_OBJ(key)->marked) delete_entry(dict, ix, slot_of_entry(dict, ix));
    }
}

ObjDict *dict_copy(VM *vm, ObjDict *dict) {
    ObjDict *copy = dict_new(vm);
    if (dict->count == 0) return copy;
    resize(vm, copy, dict->count * 3 / 2 + 1);
    for (int64_t ix = 0; ix < dict->used; ix++) {
        DictEntry *entry = &dict->entries[ix];
        if (!IS_EMPTY(entry->key)) insert_new(vm, copy, entry->key, entry->hash, entry->value);
    }
    return copy;
}

void dict_raise_key_error(VM *vm, Value key) {
    ObjTuple *args = tuple_from_values(vm, 1, &key);
    vm_raise_value(vm, OBJ_VAL(exception_new(vm, vm->types.KeyError, args)));
}

Value dict_getitem(VM *vm, ObjDict *dict, Value key) {
    Value value;
    int found = dict_get(vm, dict, key, &value);
    if (found < 0) return EMPTY_VAL;
    if (found == 0) {
        dict_raise_key_error(vm, key);
        return EMPTY_VAL;
    }
    return value;
}

int dict_equal(VM *vm, ObjDict *a, ObjDict *b) {
    if (a == b) return 1;
    if (a->count != b->count) return 0;
    for (int64_t ix = 0; ix < a->used; ix++) {
        DictEntry *entry = &a->entries[ix];
        if (IS_EMPTY(entry->key)) continue;
        Value key = entry->key, value = entry->value;
        int64_t bx = lookup(vm, b, key, entry->hash, NULL);
        if (bx == -2) return -1;
        if (bx == -1) return 0;
        Value other = b->entries[bx].value;
        if (same_value(value, other)) continue;
        int equal = vm_equal(vm, value, other);
        if (equal <= 0) return equal;
        if (ix >= a->used) break;  /* an __eq__ emptied the dict */
    }
    return 1;
}

/* ------------------------------------------------------ update and merging */

/* Adds one (key, value) pair taken from an element of an iterable. */
static bool update_from_pair(VM *vm, ObjDict *dict, Value item, int64_t position) {
    Value *pair;
    int64_t length;
    Value converted = EMPTY_VAL;
    if (IS_TUPLE(item)) {
        pair = AS_TUPLE(item)->items, length = AS_TUPLE(item)->count;
    } else if (IS_LIST(item)) {
        pair = AS_LIST(item)->items, length = AS_LIST(item)->count;
    } else {
        converted = vm_list_from_iterable(vm, item);
        if (IS_EMPTY(converted)) {
            if (!vm_exception_matches(vm, vm->types.TypeError)) return false;
            vm_take_exception(vm);
            vm_raise(vm, vm->types.TypeError,
                     "cannot convert dictionary update sequence element #%lld to a sequence",
                     (long long)position);
            return false;
        }
        pair = AS_LIST(converted)->items, length = AS_LIST(converted)->count;
    }
    if (length != 2) {
        vm_raise(vm, vm->types.ValueError,
                 "dictionary update sequence element #%lld has length %lld; 2 is required",
                 (long long)position, (long long)length);
        return false;
    }
    vm_push_root(vm, converted);
    bool ok = dict_set(vm, dict, pair[0], pair[1]);
    vm_pop_roots(vm, 1);
    return ok;
}

/* A non-dict with a keys() method is a mapping: d[k] = other[k] for k in keys(). */
static bool update_from_mapping(VM *vm, ObjDict *dict, Value other, Value keys_method) {
    Value keys = vm_call(vm, keys_method, 0, NULL);
    if (IS_EMPTY(keys)) return false;
    vm_push_root(vm, keys);
    Value iter = vm_iter(vm, keys);
    bool ok = !IS_EMPTY(iter);
    if (ok) vm_push_root(vm, iter);
    while (ok) {
        Value key;
        int more = vm_next(vm, iter, &key);
        if (more <= 0) {
            ok = more == 0;
            break;
        }
        vm_push_root(vm, key);
        Value value = vm_getitem(vm, other, key);
        ok = !IS_EMPTY(value);
        if (ok) {
            vm_push_root(vm, value);  /* hashing the key may run Python code */
            ok = dict_set(vm, dict, key, value);
            vm_pop_roots(vm, 1);
        }
        vm_pop_roots(vm, 1);
    }
    vm_pop_roots(vm, IS_EMPTY(iter) ? 1 : 2);
    return ok;
}

bool dict_update(VM *vm, ObjDict *dict, Value other) {
    if (IS_DICT(other)) {
        ObjDict *source = AS_DICT(other);
        if (source == dict) return true;
        for (int64_t ix = 0; ix < source->used; ix++) {
            DictEntry *entry = &source->entries[ix];
            if (IS_EMPTY(entry->key)) continue;
            if (!insert(vm, dict, entry->key, entry->hash, entry->value)) return false;
        }
        return true;
    }
    if (IS_INSTANCE(other)) {
        ObjStr *keys_name = str_intern_cstr(vm, "keys");
        Value keys_method = vm_getattr_opt(vm, other, keys_name);
        if (!IS_EMPTY(keys_method)) return update_from_mapping(vm, dict, other, keys_method);
    }
    Value iter = vm_iter(vm, other);
    if (IS_EMPTY(iter)) return false;
    vm_push_root(vm, iter);
    bool ok = true;
    for (int64_t position = 0;; position++) {
        Value item;
        int more = vm_next(vm, iter, &item);
        if (more <= 0) {
            ok = more == 0;
            break;
        }
        vm_push_root(vm, item);
        ok = update_from_pair(vm, dict, item, position);
        vm_pop_roots(vm, 1);
        if (!ok) break;
    }
    vm_pop_roots(vm, 1);
    return ok;
}

Value dict_merge_op(VM *vm, ObjDict *dict, Value other, bool in_place) {
    if (in_place) {
        if (!dict_update(vm, dict, other)) return EMPTY_VAL;
        return OBJ_VAL(dict);
    }
    if (!IS_DICT(other)) return EMPTY_VAL;
    ObjDict *result = dict_copy(vm, dict);
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = dict_update(vm, result, other);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(result) : EMPTY_VAL;
}

/* -------------------------------------------------------------------- repr */

Value dict_repr(VM *vm, ObjDict *dict) {
    if (dict->count == 0) return OBJ_VAL(str_new(vm, "{}", 2));
    int entered = repr_enter(vm, (Obj *)dict);
    if (entered < 0) return EMPTY_VAL;
    if (entered == 0) return OBJ_VAL(str_new(vm, "{...}", 5));
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_char(&buf, '{');
    bool ok = true, first = true;
    /* Index by position each time: a __repr__ may change the dict under us. */
    for (int64_t ix = 0; ok && ix < dict->used; ix++) {
        DictEntry entry = dict->entries[ix];
        if (IS_EMPTY(entry.key)) continue;
        if (!first) strbuf_append_cstr(&buf, ", ");
        first = false;
        ok = value_repr_into(vm, &buf, entry.key);
        if (ok) {
            strbuf_append_cstr(&buf, ": ");
            ok = value_repr_into(vm, &buf, entry.value);
        }
    }
    repr_leave((Obj *)dict);
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_char(&buf, '}');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* --------------------------------------------------------------- iterators */

static int dict_iter_next(VM *vm, ObjIterator *it, Value *out) {
    ObjDict *dict = AS_DICT(it->source);
    if (it->end == -1) return 0;  /* exhausted */
    if (dict->count != it->end) {
        it->end = -2;  /* sticky: every later call raises too, as CPython */
        vm_raise(vm, vm->types.RuntimeError, "dictionary changed size during iteration");
        return -1;
    }
    while (it->index < dict->used) {
        DictEntry *entry = &dict->entries[it->index++];
        if (IS_EMPTY(entry->key)) continue;
        /* `extra` counts the entries still expected: one more means the
         * dict was changed under us (a delete and an insert). */
        if (AS_INT(it->extra) == 0) {
            it->end = -1;
            vm_raise(vm, vm->types.RuntimeError, "dictionary keys changed during iteration");
            return -1;
        }
        it->extra = INT_VAL(AS_INT(it->extra) - 1);
        switch ((DictViewKind)it->step) {
        case DICT_KEYS: *out = entry->key; break;
        case DICT_VALUES: *out = entry->value; break;
        case DICT_ITEMS: {
            Value pair[2] = {entry->key, entry->value};
            *out = OBJ_VAL(tuple_from_values(vm, 2, pair));
            break;
        }
        }
        return 1;
    }
    it->end = -1;
    return 0;
}

Value dict_iter_new(VM *vm, ObjDict *dict, DictViewKind kind) {
    static const char *const names[] = {"dict_keyiterator", "dict_valueiterator",
                                        "dict_itemiterator"};
    ObjIterator *it = iterator_new(vm, names[kind], dict_iter_next, OBJ_VAL(dict));
    it->index = 0;
    it->end = dict->count;  /* the size it must keep */
    it->step = kind;
    it->extra = INT_VAL(dict->count);  /* entries still to visit */
    return OBJ_VAL(it);
}

/* ------------------------------------------------------------------- views */

static const char *const view_names[] = {"dict_keys", "dict_values", "dict_items"};

/* Views are not iterators: next(d.keys()) is a TypeError, as in CPython. */
static int view_not_an_iterator(VM *vm, ObjIterator *it, Value *out) {
    UNUSED(out);
    vm_raise(vm, vm->types.TypeError, "'%s' object is not an iterator", it->type_name);
    return -1;
}

Value dict_view_new(VM *vm, ObjDict *dict, DictViewKind kind) {
    ObjIterator *view = iterator_new(vm, view_names[kind], view_not_an_iterator, OBJ_VAL(dict));
    view->index = 0;
    view->end = 0;
    view->step = kind;
    view->extra = NONE_VAL;
    return OBJ_VAL(view);
}

bool dict_is_view(Value v) {
    return IS_ITERATOR(v) && AS_ITERATOR(v)->next == view_not_an_iterator;
}

int64_t dict_view_len(ObjIterator *view) {
    return AS_DICT(view->source)->count;
}

Value dict_view_iter(VM *vm, ObjIterator *view) {
    return dict_iter_new(vm, AS_DICT(view->source), (DictViewKind)view->step);
}

Value dict_view_repr(VM *vm, ObjIterator *view) {
    ObjDict *dict = AS_DICT(view->source);
    int entered = repr_enter(vm, (Obj *)view);
    if (entered < 0) return EMPTY_VAL;
    if (entered == 0) return OBJ_VAL(str_new(vm, "...", 3));
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_appendf(&buf, "%s([", view->type_name);
    bool ok = true, first = true;
    for (int64_t ix = 0; ok && ix < dict->used; ix++) {
        DictEntry entry = dict->entries[ix];
        if (IS_EMPTY(entry.key)) continue;
        if (!first) strbuf_append_cstr(&buf, ", ");
        first = false;
        switch ((DictViewKind)view->step) {
        case DICT_KEYS: ok = value_repr_into(vm, &buf, entry.key); break;
        case DICT_VALUES: ok = value_repr_into(vm, &buf, entry.value); break;
        case DICT_ITEMS:
            strbuf_append_char(&buf, '(');
            ok = value_repr_into(vm, &buf, entry.key);
            strbuf_append_cstr(&buf, ", ");
            ok = ok && value_repr_into(vm, &buf, entry.value);
            strbuf_append_char(&buf, ')');
            break;
        }
    }
    repr_leave((Obj *)view);
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_cstr(&buf, "])");
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

int dict_view_contains(VM *vm, ObjIterator *view, Value item) {
    ObjDict *dict = AS_DICT(view->source);
    Value value;
    switch ((DictViewKind)view->step) {
    case DICT_KEYS: return dict_get(vm, dict, item, &value);
    case DICT_VALUES:
        for (int64_t ix = 0; ix < dict->used; ix++) {
            DictEntry entry = dict->entries[ix];
            if (IS_EMPTY(entry.key)) continue;
            if (same_value(entry.value, item)) return 1;
            int equal = vm_equal(vm, entry.value, item);
            if (equal != 0) return equal;
        }
        return 0;
    case DICT_ITEMS: {
        if (!IS_TUPLE(item) || AS_TUPLE(item)->count != 2) return 0;
        int found = dict_get(vm, dict, AS_TUPLE(item)->items[0], &value);
        if (found <= 0) return found;
        if (same_value(value, AS_TUPLE(item)->items[1])) return 1;
        return vm_equal(vm, value, AS_TUPLE(item)->items[1]);
    }
    }
    return 0;
}

/* keys() and items() views equal any set-like of the same elements. */
int dict_view_equal(VM *vm, ObjIterator *view, Value other) {
    if ((DictViewKind)view->step == DICT_VALUES) return IS_OBJ(other) && AS_OBJ(other) == (Obj *)view;
    int64_t other_length;
    if (IS_SET(other)) {
        other_length = AS_SET(other)->used;
    } else if (dict_is_view(other) && AS_ITERATOR(other)->step != DICT_VALUES) {
        other_length = dict_view_len(AS_ITERATOR(other));
    } else {
        return 0;
    }
    if (other_length != dict_view_len(view)) return 0;
    Value iter = dict_view_iter(vm, view);
    vm_push_root(vm, iter);
    int result = 1;
    for (;;) {
        Value item;
        int more = vm_next(vm, iter, &item);
        if (more <= 0) {
            if (more < 0) result = -1;
            break;
        }
        vm_push_root(vm, item);
        int found = IS_SET(other) ? set_contains(vm, AS_SET(other), item)
                                  : dict_view_contains(vm, AS_ITERATOR(other), item);
        vm_pop_roots(vm, 1);
        if (found <= 0) {
            result = found;
            break;
        }
    }
    vm_pop_roots(vm, 1);
    return result;
}

/* ----------------------------------------------------------------- methods */

static Value dict_get_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "get", "dict.get", argc, kwnames, 1, 2)) return EMPTY_VAL;
    Value value;
    int found = dict_get(vm, AS_DICT(args[0]), args[1], &value);
    if (found < 0) return EMPTY_VAL;
    if (found) return value;
    return argc > 2 ? args[2] : NONE_VAL;
}

static Value dict_setdefault_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "setdefault", "dict.setdefault", argc, kwnames, 1, 2)) return EMPTY_VAL;
    ObjDict *dict = AS_DICT(args[0]);
    Value fallback = argc > 2 ? args[2] : NONE_VAL;
    uint64_t hash;
    if (!key_hash(vm, args[1], &hash)) return EMPTY_VAL;
    int64_t ix = lookup(vm, dict, args[1], hash, NULL);
    if (ix == -2) return EMPTY_VAL;
    if (ix >= 0) return dict->entries[ix].value;
    insert_new(vm, dict, args[1], hash, fallback);
    return fallback;
}

static Value dict_pop_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "pop", "dict.pop", argc, kwnames, 1, 2)) return EMPTY_VAL;
    ObjDict *dict = AS_DICT(args[0]);
    uint64_t hash;
    if (!key_hash(vm, args[1], &hash)) return EMPTY_VAL;
    size_t slot;
    int64_t ix = lookup(vm, dict, args[1], hash, &slot);
    if (ix == -2) return EMPTY_VAL;
    if (ix == -1) {
        if (argc > 2) return args[2];
        dict_raise_key_error(vm, args[1]);
        return EMPTY_VAL;
    }
    Value value = dict->entries[ix].value;
    delete_entry(dict, ix, slot);
    return value;
}

static Value dict_popitem_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "dict.popitem", argc, kwnames)) return EMPTY_VAL;
    ObjDict *dict = AS_DICT(args[0]);
    if (dict->count == 0) {
        return vm_raise(vm, vm->types.KeyError, "popitem(): dictionary is empty");
    }
    int64_t ix = dict->used - 1;
    while (IS_EMPTY(dict->entries[ix].key)) ix--;
    Value pair[2] = {dict->entries[ix].key, dict->entries[ix].value};
    ObjTuple *item = tuple_from_values(vm, 2, pair);
    delete_entry(dict, ix, slot_of_entry(dict, ix));
    dict->used = ix;  /* the freed tail is reused, as CPython's popitem does */
    return OBJ_VAL(item);
}

static Value dict_keys_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "dict.keys", argc, kwnames)) return EMPTY_VAL;
    return dict_view_new(vm, AS_DICT(args[0]), DICT_KEYS);
}

static Value dict_values_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "dict.values", argc, kwnames)) return EMPTY_VAL;
    return dict_view_new(vm, AS_DICT(args[0]), DICT_VALUES);
}

static Value dict_items_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "dict.items", argc, kwnames)) return EMPTY_VAL;
    return dict_view_new(vm, AS_DICT(args[0]), DICT_ITEMS);
}

/* Adds the keyword arguments of a call (the last kwcount args) to dict. */
static void update_from_kwargs(VM *vm, ObjDict *dict, int argc, Value *args, ObjTuple *kwnames) {
    int kwcount = vm_kwcount(kwnames);
    for (int k = 0; k < kwcount; k++) {
        dict_set_str(vm, dict, AS_STR(kwnames->items[k]), args[argc - kwcount + k]);
    }
}

static Value dict_update_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int positional = argc - vm_kwcount(kwnames);
    if (positional > 2) {
        return vm_raise(vm, vm->types.TypeError, "update expected at most 1 argument, got %d",
                        positional - 1);
    }
    ObjDict *dict = AS_DICT(args[0]);
    if (positional == 2 && !dict_update(vm, dict, args[1])) return EMPTY_VAL;
    update_from_kwargs(vm, dict, argc, args, kwnames);
    return NONE_VAL;
}

static Value dict_clear_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "dict.clear", argc, kwnames)) return EMPTY_VAL;
    ObjDict *dict = AS_DICT(args[0]);
    FREE_ARRAY(vm, DictEntry, dict->entries, (size_t)dict->entry_capacity);
    FREE_ARRAY(vm, int32_t, dict->indices, (size_t)dict->index_capacity);
    dict->entries = NULL;
    dict->indices = NULL;
    dict->entry_capacity = dict->index_capacity = 0;
    dict->count = dict->used = 0;
    dict->keys_version = dict_next_version();
    return NONE_VAL;
}

static Value dict_copy_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "dict.copy", argc, kwnames)) return EMPTY_VAL;
    return OBJ_VAL(dict_copy(vm, AS_DICT(args[0])));
}

/* dict.fromkeys(iterable, value=None). Natives have no classmethods, so this
 * is meant to be called on the class (dict.fromkeys(keys)): args[0] is the
 * iterable. d.fromkeys(keys) on an instance would pass d as the iterable. */
static Value dict_fromkeys_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_range(vm, "fromkeys", "dict.fromkeys", argc + 1, kwnames, 1, 2)) return EMPTY_VAL;
    Value value = argc > 1 ? args[1] : NONE_VAL;
    ObjDict *dict = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(dict));
    Value iter = vm_iter(vm, args[0]);
    bool ok = !IS_EMPTY(iter);
    if (ok) vm_push_root(vm, iter);
    while (ok) {
        Value key;
        int more = vm_next(vm, iter, &key);
        if (more <= 0) {
            ok = more == 0;
            break;
        }
        ok = dict_set(vm, dict, key, value);
    }
    vm_pop_roots(vm, IS_EMPTY(iter) ? 1 : 2);
    return ok ? OBJ_VAL(dict) : EMPTY_VAL;
}

/* dict(), dict(mapping_or_pairs), dict(**kwargs): args[0] is the class. */
static Value dict_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int positional = argc - vm_kwcount(kwnames);
    if (positional > 2) {
        return vm_raise(vm, vm->types.TypeError, "dict expected at most 1 argument, got %d",
                        positional - 1);
    }
    ObjDict *dict = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(dict));
    bool ok = positional < 2 || dict_update(vm, dict, args[1]);
    if (ok) update_from_kwargs(vm, dict, argc, args, kwnames);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(dict) : EMPTY_VAL;
}

void dict_init_class(VM *vm, ObjClass *cls) {
    cls->construct = dict_construct;
    vm_define_native(vm, cls->dict, "get", dict_get_method, cls);
    vm_define_native(vm, cls->dict, "setdefault", dict_setdefault_method, cls);
    vm_define_native(vm, cls->dict, "pop", dict_pop_method, cls);
    vm_define_native(vm, cls->dict, "popitem", dict_popitem_method, cls);
    vm_define_native(vm, cls->dict, "keys", dict_keys_method, cls);
    vm_define_native(vm, cls->dict, "values", dict_values_method, cls);
    vm_define_native(vm, cls->dict, "items", dict_items_method, cls);
    vm_define_native(vm, cls->dict, "update", dict_update_method, cls);
    vm_define_native(vm, cls->dict, "clear", dict_clear_method, cls);
    vm_define_native(vm, cls->dict, "copy", dict_copy_method, cls);
    /* No owner: called on the class, its first argument is not a dict. */
    vm_define_native(vm, cls->dict, "fromkeys", dict_fromkeys_method, NULL);
}
