/* set.c — handoff's set and frozenset. The table follows CPython 3.11's
 * Objects/setobject.c step for step (8 slots to start, 9 linear probes then
 * perturbation, dummies for deleted slots, resizing when fill*5 >= mask*3 to
 * used*4, the same reinsertion order, and the same algorithm for every set
 * operation), so a set of ints iterates and prints in CPython's order. */
#include "containers.h"

#define SET_MIN_SIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY_HASH UINT64_MAX  /* CPython's -1 */

static bool is_unused(const SetEntry *entry) {
    return IS_EMPTY(entry->key) && !entry->dummy;
}

static bool is_active(const SetEntry *entry) {
    return !IS_EMPTY(entry->key);
}

static SetEntry *new_table(VM *vm, size_t size) {
    SetEntry *table = ALLOCATE(vm, SetEntry, size);
    for (size_t i = 0; i < size; i++) {
        table[i].key = EMPTY_VAL;
        table[i].hash = 0;
        table[i].dummy = false;
    }
    return table;
}

static bool key_hash(VM *vm, Value key, uint64_t *hash) {
    if (IS_STR(key)) {
        *hash = AS_STR(key)->hash;
        return true;
    }
    return vm_hash(vm, key, hash);
}

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

/* Equality of a stored key and a probe key with the same hash: 1, 0, -1. */
static int keys_equal(VM *vm, Value stored, Value key) {
    if (same_value(stored, key)) return 1;
    if (IS_STR(stored) && IS_STR(key)) return str_equal(AS_STR(stored), AS_STR(key));
    if (IS_INT(stored) && IS_INT(key)) return 0;
    return vm_equal(vm, stored, key);
}

/* ------------------------------------------------------------------ probing */

/* The active entry holding key, or the unused entry that ends its probe
 * sequence; NULL when a comparison raised. */
static SetEntry *lookkey(VM *vm, ObjSet *set, Value key, uint64_t hash) {
restart:;
    size_t mask = (size_t)set->mask;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = hash;
    for (;;) {
        SetEntry *entry = &set->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (is_unused(entry)) return entry;
            if (!entry->dummy && entry->hash == hash) {
                SetEntry *table = set->table;
                Value start_key = entry->key;
                int equal = keys_equal(vm, start_key, key);
                if (equal < 0) return NULL;
                if (table != set->table || !same_value(entry->key, start_key)) goto restart;
                if (equal > 0) return entry;
                mask = (size_t)set->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Inserts a key known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, size_t mask, Value key, uint64_t hash) {
    size_t i = (size_t)hash & mask;
    uint64_t perturb = hash;
    for (;;) {
        SetEntry *entry = &table[i];
        if (IS_EMPTY(entry->key)) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (IS_EMPTY(entry->key)) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuilds the table with the smallest power of two > minused slots,
 * reinserting the active entries in table order. */
static void table_resize(VM *vm, ObjSet *set, int64_t minused) {
    size_t size = SET_MIN_SIZE;
    while (size <= (size_t)minused) size <<= 1;
    if (size == SET_MIN_SIZE && set->mask == SET_MIN_SIZE - 1 && set->fill == set->used) {
        return;  /* already minimal and without dummies */
    }
    SetEntry *old = set->table;
    size_t old_size = (size_t)set->mask + 1;
    SetEntry *table = new_table(vm, size);
    for (size_t i = 0; i < old_size; i++) {
        if (is_active(&old[i])) insert_clean(table, size - 1, old[i].key, old[i].hash);
    }
    FREE_ARRAY(vm, SetEntry, old, old_size);
    set->table = table;
    set->mask = (int64_t)size - 1;
    set->fill = set->used;
}

/* CPython's set_add_entry: reuses the last dummy seen on the probe path. */
static bool add_entry(VM *vm, ObjSet *set, Value key, uint64_t hash) {
restart:;
    size_t mask = (size_t)set->mask;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = hash;
    SetEntry *freeslot = NULL;
    SetEntry *entry;
    for (;;) {
        entry = &set->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (is_unused(entry)) goto found_unused_or_dummy;
            if (!entry->dummy && entry->hash == hash) {
                SetEntry *table = set->table;
                Value start_key = entry->key;
                int equal = keys_equal(vm, start_key, key);
                if (equal > 0) return true;  /* already there */
                if (equal < 0) return false;
                if (table != set->table || !same_value(entry->key, start_key)) goto restart;
                mask = (size_t)set->mask;
            } else if (entry->dummy) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        set->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        freeslot->dummy = false;
        return true;
    }
    set->fill++;
    set->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)set->fill * 5 < mask * 3) return true;
    table_resize(vm, set, set->used > 50000 ? set->used * 2 : set->used * 4);
    return true;
}

static int contains_entry(VM *vm, ObjSet *set, Value key, uint64_t hash) {
    SetEntry *entry = lookkey(vm, set, key, hash);
    if (entry == NULL) return -1;
    return is_active(entry);
}

static int discard_entry(VM *vm, ObjSet *set, Value key, uint64_t hash) {
    SetEntry *entry = lookkey(vm, set, key, hash);
    if (entry == NULL) return -1;
    if (!is_active(entry)) return 0;
    entry->key = EMPTY_VAL;
    entry->hash = DUMMY_HASH;
    entry->dummy = true;
    set->used--;
    return 1;
}

/* Iterates active entries in table order. */
static bool next_entry(ObjSet *set, int64_t *position, SetEntry **out) {
    while (*position <= set->mask) {
        SetEntry *entry = &set->table[(*position)++];
        if (is_active(entry)) {
            *out = entry;
            return true;
        }
    }
    return false;
}

static void clear_table(VM *vm, ObjSet *set) {
    FREE_ARRAY(vm, SetEntry, set->table, (size_t)set->mask + 1);
    set->table = new_table(vm, SET_MIN_SIZE);
    set->mask = SET_MIN_SIZE - 1;
    set->fill = set->used = 0;
}

/* --------------------------------------------------------------- the C API */

ObjSet *set_new(VM *vm, bool frozen) {
    ObjSet *set = (ObjSet *)obj_allocate(vm, sizeof(ObjSet), OBJ_SET);
    set->fill = 0;
    set->used = 0;
    set->mask = SET_MIN_SIZE - 1;
    set->frozen = frozen;
    set->finger = 0;
    set->table = NULL;
    set->table = new_table(vm, SET_MIN_SIZE);
    return set;
}

int set_contains(VM *vm, ObjSet *set, Value key) {
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return -1;
    return contains_entry(vm, set, key, hash);
}

bool set_add(VM *vm, ObjSet *set, Value key) {
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return false;
    return add_entry(vm, set, key, hash);
}

int set_discard(VM *vm, ObjSet *set, Value key) {
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return -1;
    return discard_entry(vm, set, key, hash);
}

bool set_next(ObjSet *set, int64_t *position, Value *key) {
    SetEntry *entry;
    if (!next_entry(set, position, &entry)) return false;
    *key = entry->key;
    return true;
}

/* CPython's set_merge: one big resize first, then a straight copy when the
 * tables match, clean inserts into an empty table, or normal adds. */
static bool merge(VM *vm, ObjSet *set, ObjSet *other) {
    if (other == set || other->used == 0) return true;
    if ((set->fill + other->used) * 5 >= set->mask * 3) {
        table_resize(vm, set, (set->used + other->used) * 2);
    }
    if (set->fill == 0 && set->mask == other->mask && other->fill == other->used) {
        for (int64_t i = 0; i <= other->mask; i++) {
            if (is_active(&other->table[i])) set->table[i] = other->table[i];
        }
        set->fill = other->fill;
        set->used = other->used;
        return true;
    }
    if (set->fill == 0) {
        set->fill = set->used = other->used;
        for (int64_t i = 0; i <= other->mask; i++) {
            SetEntry *entry = &other->table[i];
            if (is_active(entry)) insert_clean(set->table, (size_t)set->mask, entry->key, entry->hash);
        }
        return true;
    }
    for (int64_t i = 0; i <= other->mask; i++) {
        SetEntry entry = other->table[i];
        if (is_active(&entry) && !add_entry(vm, set, entry.key, entry.hash)) return false;
    }
    return true;
}

/* CPython's set_update_internal: sets merge, dicts add their keys with
 * their known hashes, anything else is iterated. */
bool set_update(VM *vm, ObjSet *set, Value iterable) {
    if (IS_SET(iterable)) return merge(vm, set, AS_SET(iterable));
    if (IS_DICT(iterable)) {
        ObjDict *dict = AS_DICT(iterable);
        if ((set->fill + dict->count) * 5 >= set->mask * 3) {
            table_resize(vm, set, (set->used + dict->count) * 2);
        }
        for (int64_t ix = 0; ix < dict->used; ix++) {
            DictEntry entry = dict->entries[ix];
            if (!IS_EMPTY(entry.key) && !add_entry(vm, set, entry.key, entry.hash)) return false;
        }
        return true;
    }
    Value iter = vm_iter(vm, iterable);
    if (IS_EMPTY(iter)) return false;
    vm_push_root(vm, iter);
    bool ok = true;
    for (;;) {
        Value key;
        int more = vm_next(vm, iter, &key);
        if (more <= 0) {
            ok = more == 0;
            break;
        }
        vm_push_root(vm, key);
        ok = set_add(vm, set, key);
        vm_pop_roots(vm, 1);
        if (!ok) break;
    }
    vm_pop_roots(vm, 1);
    return ok;
}

ObjSet *set_copy(VM *vm, ObjSet *set, bool frozen) {
    ObjSet *copy = set_new(vm, frozen);
    merge(vm, copy, set);  /* cannot fail: no comparisons into an empty set */
    return copy;
}

/* Makes a new set (of the given frozenness) from any iterable; NULL on error. */
static ObjSet *set_from_iterable(VM *vm, Value iterable, bool frozen) {
    ObjSet *set = set_new(vm, frozen);
    vm_push_root(vm, OBJ_VAL(set));
    bool ok = set_update(vm, set, iterable);
    vm_pop_roots(vm, 1);
    return ok ? set : NULL;
}

/* ------------------------------------------------------------- operations */

static ObjSet *intersection(VM *vm, ObjSet *set, Value other) {
    if (IS_SET(other) && AS_SET(other) == set) return set_copy(vm, set, set->frozen);
    ObjSet *result = set_new(vm, set->frozen);
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = true;
    if (IS_SET(other)) {
        ObjSet *big = set, *small = AS_SET(other);
        if (small->used > big->used) {
            big = AS_SET(other);
            small = set;
        }
        int64_t position = 0;
        SetEntry *entry;
        while (ok && next_entry(small, &position, &entry)) {
            Value key = entry->key;
            uint64_t hash = entry->hash;
            int found = contains_entry(vm, big, key, hash);
            ok = found >= 0 && (found == 0 || add_entry(vm, result, key, hash));
        }
    } else {
        Value iter = vm_iter(vm, other);
        ok = !IS_EMPTY(iter);
        if (ok) vm_push_root(vm, iter);
        while (ok) {
            Value key;
            int more = vm_next(vm, iter, &key);
            if (more <= 0) {
                ok = more == 0;
                break;
            }
            uint64_t hash;
            vm_push_root(vm, key);
            ok = key_hash(vm, key, &hash);
            int found = ok ? contains_entry(vm, set, key, hash) : -1;
            ok = found >= 0 && (found == 0 || add_entry(vm, result, key, hash));
            vm_pop_roots(vm, 1);
            if (ok && found == 1 && result->used >= set->used) break;
        }
        if (!IS_EMPTY(iter)) vm_pop_roots(vm, 1);
    }
    vm_pop_roots(vm, 1);
    return ok ? result : NULL;
}

static bool difference_update(VM *vm, ObjSet *set, Value other) {
    if (IS_SET(other) && AS_SET(other) == set) {
        clear_table(vm, set);
        return true;
    }
    bool ok = true;
    if (IS_SET(other)) {
        ObjSet *source = AS_SET(other);
        /* When the other set is much larger, only the common part matters. */
        if ((source->used >> 3) > set->used) {
            source = intersection(vm, set, other);
            if (source == NULL) return false;
        }
        vm_push_root(vm, OBJ_VAL(source));
        int64_t position = 0;
        SetEntry *entry;
        while (ok && next_entry(source, &position, &entry)) {
            ok = discard_entry(vm, set, entry->key, entry->hash) >= 0;
        }
        vm_pop_roots(vm, 1);
    } else {
        Value iter = vm_iter(vm, other);
        if (IS_EMPTY(iter)) return false;
        vm_push_root(vm, iter);
        for (;;) {
            Value key;
            int more = vm_next(vm, iter, &key);
            if (more <= 0) {
                ok = more == 0;
                break;
            }
            vm_push_root(vm, key);
            ok = set_discard(vm, set, key) >= 0;
            vm_pop_roots(vm, 1);
            if (!ok) break;
        }
        vm_pop_roots(vm, 1);
    }
    if (!ok) return false;
    /* More than a quarter dummies: resize them away. */
    if ((size_t)(set->fill - set->used) <= (size_t)set->mask / 4) return true;
    table_resize(vm, set, set->used > 50000 ? set->used * 2 : set->used * 4);
    return true;
}

static ObjSet *difference(VM *vm, ObjSet *set, Value other) {
    int64_t other_size;
    if (IS_SET(other)) other_size = AS_SET(other)->used;
    else if (IS_DICT(other)) other_size = AS_DICT(other)->count;
    else other_size = -1;
    if (other_size < 0 || (set->used >> 2) > other_size) {
        ObjSet *result = set_copy(vm, set, set->frozen);
        vm_push_root(vm, OBJ_VAL(result));
        bool ok = difference_update(vm, result, other);
        vm_pop_roots(vm, 1);
        return ok ? result : NULL;
    }
    ObjSet *result = set_new(vm, set->frozen);
    vm_push_root(vm, OBJ_VAL(result));
    int64_t position = 0;
    SetEntry *entry;
    bool ok = true;
    while (ok && next_entry(set, &position, &entry)) {
        Value key = entry->key;
        uint64_t hash = entry->hash;
        int found;
        if (IS_DICT(other)) {
            Value ignored;
            found = dict_get(vm, AS_DICT(other), key, &ignored);
        } else {
            found = contains_entry(vm, AS_SET(other), key, hash);
        }
        ok = found >= 0 && (found == 1 || add_entry(vm, result, key, hash));
    }
    vm_pop_roots(vm, 1);
    return ok ? result : NULL;
}

static bool symmetric_difference_update(VM *vm, ObjSet *set, Value other) {
    if (IS_SET(other) && AS_SET(other) == set) {
        clear_table(vm, set);
        return true;
    }
    ObjSet *source;
    if (IS_DICT(other)) {
        ObjDict *dict = AS_DICT(other);
        for (int64_t ix = 0; ix < dict->used; ix++) {
            DictEntry entry = dict->entries[ix];
            if (IS_EMPTY(entry.key)) continue;
            int removed = discard_entry(vm, set, entry.key, entry.hash);
            if (removed < 0) return false;
            if (removed == 0 && !add_entry(vm, set, entry.key, entry.hash)) return false;
        }
        return true;
    }
    if (IS_SET(other)) {
        source = AS_SET(other);
    } else {
        source = set_from_iterable(vm, other, set->frozen);
        if (source == NULL) return false;
    }
    vm_push_root(vm, OBJ_VAL(source));
    int64_t position = 0;
    SetEntry *entry;
    bool ok = true;
    while (ok && next_entry(source, &position, &entry)) {
        Value key = entry->key;
        uint64_t hash = entry->hash;
        int removed = discard_entry(vm, set, key, hash);
        ok = removed >= 0 && (removed == 1 || add_entry(vm, set, key, hash));
    }
    vm_pop_roots(vm, 1);
    return ok;
}

static ObjSet *symmetric_difference(VM *vm, ObjSet *set, Value other) {
    ObjSet *result = set_from_iterable(vm, other, set->frozen);
    if (result == NULL) return NULL;
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = symmetric_difference_update(vm, result, OBJ_VAL(set));
    vm_pop_roots(vm, 1);
    return ok ? result : NULL;
}

static ObjSet *set_union(VM *vm, ObjSet *set, Value other) {
    ObjSet *result = set_copy(vm, set, set->frozen);
    if (IS_SET(other) && AS_SET(other) == set) return result;
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = set_update(vm, result, other);
    vm_pop_roots(vm, 1);
    return ok ? result : NULL;
}

/* Gives `set` the body (table and counts) of `other`: intersection_update. */
static void swap_bodies(ObjSet *set, ObjSet *other) {
    SetEntry *table = set->table;
    int64_t fill = set->fill, used = set->used, mask = set->mask;
    set->table = other->table, set->fill = other->fill, set->used = other->used;
    set->mask = other->mask;
    other->table = table, other->fill = fill, other->used = used, other->mask = mask;
}

/* ------------------------------------------- set operations on dict views */

static bool is_set_view(Value v) {
    return dict_is_view(v) && AS_ITERATOR(v)->step != DICT_VALUES;
}

/* CPython's _PyDictView_Intersect: `view` & other (any iterable). */
static ObjSet *view_intersection(VM *vm, Value view, Value other) {
    int64_t view_length = dict_view_len(AS_ITERATOR(view));
    if (IS_SET(other) && !AS_SET(other)->frozen && view_length <= AS_SET(other)->used) {
        return intersection(vm, AS_SET(other), view);
    }
    if (is_set_view(other) && dict_view_len(AS_ITERATOR(other)) > view_length) {
        Value swap = view;
        view = other;
        other = swap;
    }
    ObjSet *result = set_new(vm, false);
    vm_push_root(vm, OBJ_VAL(result));
    Value iter = vm_iter(vm, other);
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
        int found = dict_view_contains(vm, AS_ITERATOR(view), key);
        ok = found >= 0 && (found == 0 || set_add(vm, result, key));
        vm_pop_roots(vm, 1);
    }
    vm_pop_roots(vm, IS_EMPTY(iter) ? 1 : 2);
    return ok ? result : NULL;
}

/* keys()/items() views combine with any iterable into a new set, as
 * CPython's dictviews_or/sub/xor/and: set(a) <op>= b. */
static Value view_binary_op(VM *vm, int op, Value a, Value b) {
    if (op == OPR_BITAND) {
        ObjSet *result = is_set_view(a) ? view_intersection(vm, a, b) : view_intersection(vm, b, a);
        return result == NULL ? EMPTY_VAL : OBJ_VAL(result);
    }
    Value source = a;
    if (dict_is_view(a) && AS_ITERATOR(a)->step == DICT_KEYS) source = AS_ITERATOR(a)->source;
    ObjSet *result = set_from_iterable(vm, source, false);
    if (result == NULL) return EMPTY_VAL;
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = op == OPR_BITOR ? set_update(vm, result, b)
            : op == OPR_SUB ? difference_update(vm, result, b)
            : symmetric_difference_update(vm, result, b);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(result) : EMPTY_VAL;
}

Value set_binary_op(VM *vm, int op, Value a, Value b) {
    int base = op >= OPR_INPLACE_BASE ? op - OPR_INPLACE_BASE : op;
    if (base != OPR_BITOR && base != OPR_BITAND && base != OPR_SUB && base != OPR_BITXOR) {
        return EMPTY_VAL;
    }
    if (is_set_view(a) || is_set_view(b)) return view_binary_op(vm, base, a, b);
    if (!IS_SET(a) || !IS_SET(b)) return EMPTY_VAL;
    ObjSet *set = AS_SET(a);
    bool in_place = op >= OPR_INPLACE_BASE && !set->frozen;
    if (op >= OPR_INPLACE_BASE) op -= OPR_INPLACE_BASE;
    if (in_place) {
        bool ok;
        switch (op) {
        case OPR_BITOR: ok = set_update(vm, set, b); break;
        case OPR_BITAND: {
            ObjSet *common = intersection(vm, set, b);
            ok = common != NULL;
            if (ok) swap_bodies(set, common);
            break;
        }
        case OPR_SUB: ok = difference_update(vm, set, b); break;
        case OPR_BITXOR: ok = symmetric_difference_update(vm, set, b); break;
        default: return EMPTY_VAL;
        }
        return ok ? a : EMPTY_VAL;
    }
    ObjSet *result;
    switch (op) {
    case OPR_BITOR: result = set_union(vm, set, b); break;
    case OPR_BITAND: result = intersection(vm, set, b); break;
    case OPR_SUB: result = difference(vm, set, b); break;
    case OPR_BITXOR: result = symmetric_difference(vm, set, b); break;
    default: return EMPTY_VAL;
    }
    return result == NULL ? EMPTY_VAL : OBJ_VAL(result);
}

/* ------------------------------------------------------------- comparisons */

static int is_subset(VM *vm, ObjSet *set, ObjSet *other) {
    if (set->used > other->used) return 0;
    int64_t position = 0;
    SetEntry *entry;
    while (next_entry(set, &position, &entry)) {
        int found = contains_entry(vm, other, entry->key, entry->hash);
        if (found <= 0) return found;
    }
    return 1;
}

int set_compare(VM *vm, int cmp_op, ObjSet *a, ObjSet *b) {
    switch (cmp_op) {
    case CMP_EQ: return a->used == b->used ? is_subset(vm, a, b) : 0;
    case CMP_NE: {
        if (a->used != b->used) return 1;
        int equal = is_subset(vm, a, b);
        return equal < 0 ? -1 : !equal;
    }
    case CMP_LE: return is_subset(vm, a, b);
    case CMP_GE: return is_subset(vm, b, a);
    case CMP_LT: return a->used < b->used ? is_subset(vm, a, b) : 0;
    case CMP_GT: return a->used > b->used ? is_subset(vm, b, a) : 0;
    default: return 0;
    }
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* CPython's frozenset_hash: order-independent xor of shuffled entry hashes. */
bool set_hash(VM *vm, ObjSet *set, uint64_t *out) {
    UNUSED(vm);
    uint64_t hash = 0;
    for (int64_t i = 0; i <= set->mask; i++) {
        SetEntry *entry = &set->table[i];
        hash ^= shuffle_bits(entry->dummy ? DUMMY_HASH : is_active(entry) ? entry->hash : 0);
    }
    if ((set->mask + 1 - set->fill) & 1) hash ^= shuffle_bits(0);
    if ((set->fill - set->used) & 1) hash ^= shuffle_bits(DUMMY_HASH);
    hash ^= ((uint64_t)set->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == UINT64_MAX) hash = 590923713ULL;
    *out = hash;
    return true;
}

/* -------------------------------------------------------------------- repr */

Value set_repr(VM *vm, ObjSet *set) {
    const char *name = set->frozen ? "frozenset" : "set";
    if (set->used == 0) return OBJ_VAL(str_printf(vm, "%s()", name));
    int entered = repr_enter(vm, (Obj *)set);
    if (entered < 0) return EMPTY_VAL;
    if (entered == 0) return OBJ_VAL(str_printf(vm, "%s(...)", name));
    StrBuf buf;
    strbuf_init(&buf);
    if (set->frozen) strbuf_append_cstr(&buf, "frozenset(");
    strbuf_append_char(&buf, '{');
    /* Snapshot the keys: an element's __repr__ could change the set. */
    ObjList *keys = list_new(vm, set->used);
    int64_t position = 0;
    SetEntry *entry;
    while (next_entry(set, &position, &entry)) keys->items[keys->count++] = entry->key;
    vm_push_root(vm, OBJ_VAL(keys));
    bool ok = true;
    for (int64_t i = 0; ok && i < keys->count; i++) {
        if (i > 0) strbuf_append_cstr(&buf, ", ");
        ok = value_repr_into(vm, &buf, keys->items[i]);
    }
    vm_pop_roots(vm, 1);
    repr_leave((Obj *)set);
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_cstr(&buf, set->frozen ? "})" : "}");
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* --------------------------------------------------------------- iterator */

static int set_iter_next(VM *vm, ObjIterator *it, Value *out) {
    ObjSet *set = AS_SET(it->source);
    if (it->end == -1) return 0;  /* exhausted */
    if (set->used != it->end) {
        it->end = -2;  /* sticky: every later call raises too, as CPython */
        vm_raise(vm, vm->types.RuntimeError, "Set changed size during iteration");
        return -1;
    }
    SetEntry *entry;
    if (!next_entry(set, &it->index, &entry)) {
        it->end = -1;
        return 0;
    }
    *out = entry->key;
    return 1;
}

Value set_iter_new(VM *vm, ObjSet *set) {
    ObjIterator *it = iterator_new(vm, "set_iterator", set_iter_next, OBJ_VAL(set));
    it->index = 0;
    it->end = set->used;
    return OBJ_VAL(it);
}

/* ----------------------------------------------------------------- methods */

static const char *qualified(ObjSet *set, const char *method, char *buf, size_t size) {
    snprintf(buf, size, "%s.%s", set->frozen ? "frozenset" : "set", method);
    return buf;
}

static Value set_add_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "set.add", argc, kwnames)) return EMPTY_VAL;
    return set_add(vm, AS_SET(args[0]), args[1]) ? NONE_VAL : EMPTY_VAL;
}

static Value set_discard_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "set.discard", argc, kwnames)) return EMPTY_VAL;
    return set_discard(vm, AS_SET(args[0]), args[1]) < 0 ? EMPTY_VAL : NONE_VAL;
}

static Value set_remove_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_one(vm, "set.remove", argc, kwnames)) return EMPTY_VAL;
    int removed = set_discard(vm, AS_SET(args[0]), args[1]);
    if (removed < 0) return EMPTY_VAL;
    if (removed == 0) {
        dict_raise_key_error(vm, args[1]);
        return EMPTY_VAL;
    }
    return NONE_VAL;
}

static Value set_pop_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "set.pop", argc, kwnames)) return EMPTY_VAL;
    ObjSet *set = AS_SET(args[0]);
    if (set->used == 0) return vm_raise(vm, vm->types.KeyError, "pop from an empty set");
    /* The search finger spreads successive pops over the table, as CPython. */
    int64_t i = set->finger & set->mask;
    while (!is_active(&set->table[i])) {
        i++;
        if (i > set->mask) i = 0;
    }
    SetEntry *entry = &set->table[i];
    Value key = entry->key;
    entry->key = EMPTY_VAL;
    entry->hash = DUMMY_HASH;
    entry->dummy = true;
    set->used--;
    set->finger = i + 1;
    return key;
}

static Value set_clear_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!args_none(vm, "set.clear", argc, kwnames)) return EMPTY_VAL;
    clear_table(vm, AS_SET(args[0]));
    return NONE_VAL;
}

static Value set_copy_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    char name[32];
    ObjSet *set = AS_SET(args[0]);
    if (!args_none(vm, qualified(set, "copy", name, sizeof name), argc, kwnames)) return EMPTY_VAL;
    if (set->frozen) return args[0];  /* immutable: a copy is itself */
    return OBJ_VAL(set_copy(vm, set, false));
}

static bool no_keywords(VM *vm, ObjSet *set, const char *method, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) == 0) return true;
    char name[48];
    vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments",
             qualified(set, method, name, sizeof name));
    return false;
}

static Value set_update_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!no_keywords(vm, AS_SET(args[0]), "update", kwnames)) return EMPTY_VAL;
    for (int i = 1; i < argc; i++) {
        if (!set_update(vm, AS_SET(args[0]), args[i])) return EMPTY_VAL;
    }
    return NONE_VAL;
}

static Value set_union_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjSet *set = AS_SET(args[0]);
    if (!no_keywords(vm, set, "union", kwnames)) return EMPTY_VAL;
    ObjSet *result = set_copy(vm, set, set->frozen);
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = true;
    for (int i = 1; ok && i < argc; i++) {
        if (IS_SET(args[i]) && AS_SET(args[i]) == set) continue;
        ok = set_update(vm, result, args[i]);
    }
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(result) : EMPTY_VAL;
}

/* intersection(*others): chained pairwise, as set_intersection_multi. */
static ObjSet *intersection_multi(VM *vm, ObjSet *set, int count, Value *others) {
    if (count == 0) return set_copy(vm, set, set->frozen);
    ObjSet *result = set;
    for (int i = 0; i < count && result != NULL; i++) {
        vm_push_root(vm, OBJ_VAL(result));
        ObjSet *next = intersection(vm, result, others[i]);
        vm_pop_roots(vm, 1);
        result = next;
    }
    return result;
}

static Value set_intersection_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjSet *set = AS_SET(args[0]);
    if (!no_keywords(vm, set, "intersection", kwnames)) return EMPTY_VAL;
    ObjSet *result = intersection_multi(vm, set, argc - 1, args + 1);
    return result == NULL ? EMPTY_VAL : OBJ_VAL(result);
}

static Value set_intersection_update_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjSet *set = AS_SET(args[0]);
    if (!no_keywords(vm, set, "intersection_update", kwnames)) return EMPTY_VAL;
    ObjSet *result = intersection_multi(vm, set, argc - 1, args + 1);
    if (result == NULL) return EMPTY_VAL;
    swap_bodies(set, result);
    return NONE_VAL;
}

static Value set_difference_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjSet *set = AS_SET(args[0]);
    if (!no_keywords(vm, set, "difference", kwnames)) return EMPTY_VAL;
    if (argc == 1) return OBJ_VAL(set_copy(vm, set, set->frozen));
    ObjSet *result = difference(vm, set, args[1]);
    if (result == NULL) return EMPTY_VAL;
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = true;
    for (int i = 2; ok && i < argc; i++) ok = difference_update(vm, result, args[i]);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(result) : EMPTY_VAL;
}

static Value set_difference_update_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjSet *set = AS_SET(args[0]);
    if (!no_keywords(vm, set, "difference_update", kwnames)) return EMPTY_VAL;
    for (int i = 1; i < argc; i++) {
        if (!difference_update(vm, set, args[i])) return EMPTY_VAL;
    }
    return NONE_VAL;
}

static Value set_symmetric_difference_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    char name[48];
    ObjSet *set = AS_SET(args[0]);
    if (!args_one(vm, qualified(set, "symmetric_difference", name, sizeof name), argc, kwnames)) {
        return EMPTY_VAL;
    }
    ObjSet *result = symmetric_difference(vm, set, args[1]);
    return result == NULL ? EMPTY_VAL : OBJ_VAL(result);
}

static Value set_symmetric_difference_update_method(VM *vm, int argc, Value *args,
                                                    ObjTuple *kwnames) {
    if (!args_one(vm, "set.symmetric_difference_update", argc, kwnames)) return EMPTY_VAL;
    return symmetric_difference_update(vm, AS_SET(args[0]), args[1]) ? NONE_VAL : EMPTY_VAL;
}

/* A set view of any iterable argument (the set itself when it is one). */
static ObjSet *as_set(VM *vm, Value other) {
    if (IS_SET(other)) return AS_SET(other);
    return set_from_iterable(vm, other, false);
}

static Value set_issubset_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    char name[32];
    ObjSet *set = AS_SET(args[0]);
    if (!args_one(vm, qualified(set, "issubset", name, sizeof name), argc, kwnames)) return EMPTY_VAL;
    ObjSet *other = as_set(vm, args[1]);
    if (other == NULL) return EMPTY_VAL;
    vm_push_root(vm, OBJ_VAL(other));
    int result = is_subset(vm, set, other);
    vm_pop_roots(vm, 1);
    return result < 0 ? EMPTY_VAL : BOOL_VAL(result);
}

static Value set_issuperset_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    char name[32];
    ObjSet *set = AS_SET(args[0]);
    if (!args_one(vm, qualified(set, "issuperset", name, sizeof name), argc, kwnames)) {
        return EMPTY_VAL;
    }
    ObjSet *other = as_set(vm, args[1]);
    if (other == NULL) return EMPTY_VAL;
    vm_push_root(vm, OBJ_VAL(other));
    int result = is_subset(vm, other, set);
    vm_pop_roots(vm, 1);
    return result < 0 ? EMPTY_VAL : BOOL_VAL(result);
}

static Value set_isdisjoint_method(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    char name[32];
    ObjSet *set = AS_SET(args[0]);
    if (!args_one(vm, qualified(set, "isdisjoint", name, sizeof name), argc, kwnames)) {
        return EMPTY_VAL;
    }
    ObjSet *common = intersection(vm, set, args[1]);
    if (common == NULL) return EMPTY_VAL;
    return BOOL_VAL(common->used == 0);
}

/* set(), set(iterable); frozenset(), frozenset(iterable): args[0] is the class. */
static Value construct(VM *vm, int argc, Value *args, ObjTuple *kwnames, bool frozen) {
    const char *name = frozen ? "frozenset" : "set";
    if (vm_kwcount(kwnames) > 0) {
        return vm_raise(vm, vm->types.TypeError, "%s() takes no keyword arguments", name);
    }
    if (!args_range(vm, name, name, argc, NULL, 0, 1)) return EMPTY_VAL;
    if (argc == 1) return OBJ_VAL(set_new(vm, frozen));
    if (frozen && IS_SET(args[1]) && AS_SET(args[1])->frozen) return args[1];
    ObjSet *set = set_from_iterable(vm, args[1], frozen);
    return set == NULL ? EMPTY_VAL : OBJ_VAL(set);
}

static Value set_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return construct(vm, argc, args, kwnames, false);
}

static Value frozenset_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    return construct(vm, argc, args, kwnames, true);
}

void set_init_class(VM *vm, ObjClass *cls, bool frozen) {
    cls->construct = frozen ? frozenset_construct : set_construct;
    vm_define_native(vm, cls->dict, "copy", set_copy_method, cls);
    vm_define_native(vm, cls->dict, "union", set_union_method, cls);
    vm_define_native(vm, cls->dict, "intersection", set_intersection_method, cls);
    vm_define_native(vm, cls->dict, "difference", set_difference_method, cls);
    vm_define_native(vm, cls->dict, "symmetric_difference", set_symmetric_difference_method, cls);
    vm_define_native(vm, cls->dict, "issubset", set_issubset_method, cls);
    vm_define_native(vm, cls->dict, "issuperset", set_issuperset_method, cls);
    vm_define_native(vm, cls->dict, "isdisjoint", set_isdisjoint_method, cls);
    if (frozen) return;
    vm_define_native(vm, cls->dict, "add", set_add_method, cls);
    vm_define_native(vm, cls->dict, "discard", set_discard_method, cls);
    vm_define_native(vm, cls->dict, "remove", set_remove_method, cls);
    vm_define_native(vm, cls->dict, "pop", set_pop_method, cls);
    vm_define_native(vm, cls->dict, "clear", set_clear_method, cls);
    vm_define_native(vm, cls->dict, "update", set_update_method, cls);
    vm_define_native(vm, cls->dict, "intersection_update", set_intersection_update_method, cls);
    vm_define_native(vm, cls->dict, "difference_update", set_difference_update_method, cls);
    vm_define_native(vm, cls->dict, "symmetric_difference_update",
                     set_symmetric_difference_update_method, cls);
}
