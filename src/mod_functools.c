/* mod_functools.c — the `functools` module: partial, reduce, update_wrapper
 * and wraps, lru_cache and cache. partial objects and cache wrappers are
 * instances (with a dict, so .func/.args/__wrapped__ are plain attributes) of
 * classes whose __call__ and __repr__ are written here. */
#include "mod_functools.h"

#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

/* The module's classes, found again by the natives through the instance. */
static Value attr(VM *vm, ObjInstance *self, const char *name) {
    return dict_get_str(self->dict, str_intern_cstr(vm, name));
}

static void set_attr(VM *vm, ObjInstance *self, const char *name, Value value) {
    dict_set_str(vm, self->dict, str_intern_cstr(vm, name), value);
}

static ObjClass *make_class(VM *vm, ObjModule *module, const char *name) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, name), vm->types.object, OBJ_INSTANCE);
    cls->is_builtin = false; /* so that __repr__ and __call__ defined here are used */
    cls->construct = NULL;
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "functools")));
    if (module != NULL) dict_set_str(vm, module->dict, cls->name, OBJ_VAL(cls));
    return cls;
}

/* One of the module's classes, found through the imported module rather than
 * kept in a static (several VMs may each have the module). */
static ObjClass *module_class(VM *vm, const char *name) {
    Value module = dict_get_str(vm->modules, str_intern_cstr(vm, "functools"));
    Value cls = IS_MODULE(module) ? dict_get_str(AS_MODULE(module)->dict, str_intern_cstr(vm, name)) : EMPTY_VAL;
    if (IS_CLASS(cls)) return AS_CLASS(cls);
    vm_raise(vm, vm->types.RuntimeError, "functools.%s is missing: was functools removed from sys.modules?", name);
    return NULL;
}

/* Instances of partial are known by the class's own update helper. */
static bool is_partial(VM *vm, Value v) {
    return IS_INSTANCE(v) &&
           !IS_EMPTY(dict_get_str(AS_INSTANCE(v)->cls->dict, str_intern_cstr(vm, "_update_wrapper")));
}

static bool callable_value(VM *vm, Value v) {
    if (IS_FUNCTION(v) || IS_NATIVE(v) || IS_CLASS(v) || IS_BOUND_METHOD(v)) return true;
    return IS_INSTANCE(v) && !IS_EMPTY(class_lookup(AS_INSTANCE(v)->cls, vm->s_call));
}

/* ---------------------------------------------------------------- partial */

/* partial(func, /, *args, **keywords); a partial of a partial is flattened, as CPython. */
static Value partial_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int nkw = vm_kwcount(kwnames), npos = argc - 1 - nkw;
    if (npos < 1) return vm_raise(vm, vm->types.TypeError, "type 'partial' takes at least one argument");
    Value func = args[1];
    if (!callable_value(vm, func)) return vm_raise(vm, vm->types.TypeError, "the first argument must be callable");
    ObjInstance *self = instance_new(vm, AS_CLASS(args[0]));
    vm_push_root(vm, OBJ_VAL(self));
    ObjList *all_args = list_new(vm, 0);
    set_attr(vm, self, "args", OBJ_VAL(all_args)); /* rooted through self until replaced */
    ObjDict *keywords = dict_new(vm);
    set_attr(vm, self, "keywords", OBJ_VAL(keywords));
    if (is_partial(vm, func) && !IS_EMPTY(attr(vm, AS_INSTANCE(func), "func"))) {
        ObjInstance *inner = AS_INSTANCE(func);
        ObjTuple *inner_args = AS_TUPLE(attr(vm, inner, "args"));
        for (int64_t i = 0; i < inner_args->count; i++) list_append(vm, all_args, inner_args->items[i]);
        dict_update(vm, keywords, attr(vm, inner, "keywords"));
        func = attr(vm, inner, "func");
    }
    for (int i = 0; i < npos - 1; i++) list_append(vm, all_args, args[2 + i]);
    for (int k = 0; k < nkw; k++) dict_set(vm, keywords, kwnames->items[k], args[1 + npos + k]);
    set_attr(vm, self, "func", func);
    set_attr(vm, self, "args", OBJ_VAL(tuple_from_values(vm, all_args->count, all_args->items)));
    vm_pop_roots(vm, 1);
    return OBJ_VAL(self);
}

static ObjInstance *partial_self(VM *vm, int argc, Value *args, const char *name) {
    if (argc < 1 || !is_partial(vm, args[0]) || !IS_TUPLE(attr(vm, AS_INSTANCE(args[0]), "args")) ||
        !IS_DICT(attr(vm, AS_INSTANCE(args[0]), "keywords"))) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a 'functools.partial' object", name);
        return NULL;
    }
    return AS_INSTANCE(args[0]);
}

/* p(*args, **kwargs) calls p.func(*p.args, *args, **{**p.keywords, **kwargs}). */
static Value partial_call(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjInstance *self = partial_self(vm, argc, args, "__call__");
    if (self == NULL) return EMPTY_VAL;
    ObjTuple *stored = AS_TUPLE(attr(vm, self, "args"));
    int nkw = vm_kwcount(kwnames), npos = argc - 1 - nkw;
    ObjDict *keywords = dict_copy(vm, AS_DICT(attr(vm, self, "keywords")));
    vm_push_root(vm, OBJ_VAL(keywords));
    for (int k = 0; k < nkw; k++) dict_set(vm, keywords, kwnames->items[k], args[1 + npos + k]);
    int64_t total = stored->count + npos + keywords->count;
    ObjTuple *call_args = tuple_new(vm, total);
    vm_push_root(vm, OBJ_VAL(call_args));
    ObjTuple *names = keywords->count > 0 ? tuple_new(vm, keywords->count) : NULL;
    if (names != NULL) vm_push_root(vm, OBJ_VAL(names));
    int64_t at = 0;
    for (int64_t i = 0; i < stored->count; i++) call_args->items[at++] = stored->items[i];
    for (int i = 0; i < npos; i++) call_args->items[at++] = args[1 + i];
    Value key, value;
    int64_t name_at = 0;
    for (int64_t i = 0; dict_next(keywords, &i, &key, &value);) {
        if (!IS_STR(key)) {
            vm_pop_roots(vm, names != NULL ? 3 : 2);
            return vm_raise(vm, vm->types.TypeError, "keywords must be strings");
        }
        names->items[name_at++] = key;
        call_args->items[at++] = value;
    }
    Value result = vm_call_kw(vm, attr(vm, self, "func"), (int)total, call_args->items, names);
    vm_pop_roots(vm, names != NULL ? 3 : 2);
    return result;
}

/* functools.partial(<function f at 0x...>, 1, key='x') */
static Value partial_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(kwnames);
    ObjInstance *self = partial_self(vm, argc, args, "__repr__");
    if (self == NULL) return EMPTY_VAL;
    int entered = repr_enter(vm, (Obj *)self);
    if (entered <= 0) return entered == 0 ? OBJ_VAL(str_intern_cstr(vm, "...")) : EMPTY_VAL;
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_cstr(&buf, "functools.partial(");
    bool ok = value_repr_into(vm, &buf, attr(vm, self, "func"));
    ObjTuple *stored = AS_TUPLE(attr(vm, self, "args"));
    for (int64_t i = 0; ok && i < stored->count; i++) {
        strbuf_append_cstr(&buf, ", ");
        ok = value_repr_into(vm, &buf, stored->items[i]);
    }
    Value key, value;
    ObjDict *keywords = AS_DICT(attr(vm, self, "keywords"));
    for (int64_t i = 0; ok && dict_next(keywords, &i, &key, &value);) {
        strbuf_append_cstr(&buf, ", ");
        Value text = vm_str(vm, key);
        ok = !IS_EMPTY(text);
        if (ok) strbuf_append(&buf, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
        strbuf_append_char(&buf, '=');
        ok = ok && value_repr_into(vm, &buf, value);
    }
    repr_leave((Obj *)self);
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_char(&buf, ')');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

/* ----------------------------------------------------------------- reduce */

static Value functools_reduce(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "reduce() takes no keyword arguments");
    if (argc < 2) return vm_raise(vm, vm->types.TypeError, "reduce expected at least 2 arguments, got %d", argc);
    if (argc > 3) return vm_raise(vm, vm->types.TypeError, "reduce expected at most 3 arguments, got %d", argc);
    Value it = vm_iter(vm, args[1]);
    if (IS_EMPTY(it)) {
        if (!vm_exception_matches(vm, vm->types.TypeError)) return EMPTY_VAL;
        vm_take_exception(vm);
        return vm_raise(vm, vm->types.TypeError, "reduce() arg 2 must support iteration");
    }
    vm_push_root(vm, it);
    Value total = argc == 3 ? args[2] : EMPTY_VAL;
    vm_push_root(vm, total);
    Value item;
    int status;
    while ((status = vm_next(vm, it, &item)) > 0) {
        if (IS_EMPTY(total)) {
            total = item;
        } else {
            Value pair[2] = {total, item};
            total = vm_call(vm, args[0], 2, pair);
            if (IS_EMPTY(total)) {
                status = -1;
                break;
            }
        }
        vm->temp_roots[vm->temp_root_count - 1] = total;
    }
    vm_pop_roots(vm, 2);
    if (status < 0) return EMPTY_VAL;
    if (IS_EMPTY(total))
        return vm_raise(vm, vm->types.TypeError, "reduce() of empty iterable with no initial value");
    return total;
}

/* ------------------------------------------------------- update_wrapper, wraps */

static const char *const WRAPPER_ASSIGNMENTS[] = {"__module__", "__name__", "__qualname__", "__doc__"};

/* update_wrapper(wrapper, wrapped): copies the names, updates __dict__, sets __wrapped__. */
static Value functools_update_wrapper(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"wrapper", "wrapped", "assigned", "updated"};
    Value given[4];
    if (!vm_parse_args(vm, "update_wrapper", argc, args, kwnames, 4, params, 4, 2, given)) return EMPTY_VAL;
    Value wrapper = given[0], wrapped = given[1];
    for (size_t i = 0; i < sizeof WRAPPER_ASSIGNMENTS / sizeof WRAPPER_ASSIGNMENTS[0]; i++) {
        ObjStr *name = str_intern_cstr(vm, WRAPPER_ASSIGNMENTS[i]);
        Value value = vm_getattr_opt(vm, wrapped, name);
        if (IS_EMPTY(value)) {
            if (!IS_EMPTY(vm->exception)) {
                if (!vm_exception_matches(vm, vm->types.AttributeError)) return EMPTY_VAL;
                vm_take_exception(vm);
            }
            continue;
        }
        if (!vm_setattr(vm, wrapper, name, value)) return EMPTY_VAL;
    }
    Value wrapped_dict = vm_getattr_opt(vm, wrapped, vm->s_dict);
    if (IS_EMPTY(wrapped_dict) && !IS_EMPTY(vm->exception)) vm_take_exception(vm);
    if (IS_DICT(wrapped_dict) && AS_DICT(wrapped_dict)->count > 0) {
        vm_push_root(vm, wrapped_dict);
        Value key, value;
        for (int64_t i = 0; dict_next(AS_DICT(wrapped_dict), &i, &key, &value);) {
            if (IS_STR(key) && !vm_setattr(vm, wrapper, AS_STR(key), value)) {
                vm_pop_roots(vm, 1);
                return EMPTY_VAL;
            }
        }
        vm_pop_roots(vm, 1);
    }
    if (!vm_setattr(vm, wrapper, str_intern_cstr(vm, "__wrapped__"), wrapped)) return EMPTY_VAL;
    return wrapper;
}

/* wraps(wrapped) is partial(update_wrapper, wrapped=wrapped), as in CPython. */
static Value functools_wraps(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"wrapped", "assigned", "updated"};
    Value given[3];
    if (!vm_parse_args(vm, "wraps", argc, args, kwnames, 3, params, 3, 1, given)) return EMPTY_VAL;
    ObjClass *partial_class = module_class(vm, "partial");
    if (partial_class == NULL) return EMPTY_VAL;
    Value update = dict_get_str(partial_class->dict, str_intern_cstr(vm, "_update_wrapper"));
    Value construct_args[3] = {OBJ_VAL(partial_class), update, given[0]};
    ObjTuple *names = tuple_new(vm, 1);
    names->items[0] = OBJ_VAL(str_intern_cstr(vm, "wrapped"));
    vm_push_root(vm, OBJ_VAL(names));
    Value result = partial_construct(vm, 3, construct_args, names);
    vm_pop_roots(vm, 1);
    return result;
}

/* -------------------------------------------------------------- lru_cache */

/* The wrapper's fields (instance attributes): __wrapped__, the cache (a dict
 * in least-recently-used-first order), maxsize (None or an int), hits, misses. */
static ObjInstance *cache_self(VM *vm, int argc, Value *args, const char *name) {
    if (argc < 1 || !IS_INSTANCE(args[0]) || !IS_DICT(attr(vm, AS_INSTANCE(args[0]), "_cache"))) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a 'functools._lru_cache_wrapper' object", name);
        return NULL;
    }
    return AS_INSTANCE(args[0]);
}

static void bump(VM *vm, ObjInstance *self, const char *counter) {
    set_attr(vm, self, counter, INT_VAL(AS_INT(attr(vm, self, counter)) + 1));
}

/* The cache key: the positional arguments, then a marker and name, value pairs. */
static ObjTuple *cache_key(VM *vm, ObjClass *marker, int argc, Value *args, ObjTuple *kwnames) {
    int nkw = vm_kwcount(kwnames), npos = argc - nkw;
    ObjTuple *key = tuple_new(vm, npos + (nkw > 0 ? 1 + 2 * nkw : 0));
    for (int i = 0; i < npos; i++) key->items[i] = args[i];
    if (nkw > 0) {
        key->items[npos] = OBJ_VAL(marker); /* the wrapper's class: never an argument's hash twin */
        for (int k = 0; k < nkw; k++) {
            key->items[npos + 1 + 2 * k] = kwnames->items[k];
            key->items[npos + 2 + 2 * k] = args[npos + k];
        }
    }
    return key;
}

static Value cache_call(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjInstance *self = cache_self(vm, argc, args, "__call__");
    if (self == NULL) return EMPTY_VAL;
    ObjDict *cache = AS_DICT(attr(vm, self, "_cache"));
    Value maxsize = attr(vm, self, "_maxsize");
    if (IS_INT(maxsize) && AS_INT(maxsize) <= 0) { /* maxsize=0: no caching at all */
        bump(vm, self, "_misses");
        return vm_call_kw(vm, attr(vm, self, "__wrapped__"), argc - 1, args + 1, kwnames);
    }
    ObjTuple *key = cache_key(vm, self->cls, argc - 1, args + 1, kwnames);
    vm_push_root(vm, OBJ_VAL(key));
    Value found;
    int status = dict_get(vm, cache, OBJ_VAL(key), &found);
    if (status != 0) {
        if (status > 0) {
            bump(vm, self, "_hits");
            if (IS_INT(maxsize) && (dict_delete(vm, cache, OBJ_VAL(key)) < 0 || !dict_set(vm, cache, OBJ_VAL(key), found)))
                found = EMPTY_VAL; /* moved to the most recently used end */
        }
        vm_pop_roots(vm, 1);
        return status > 0 ? found : EMPTY_VAL;
    }
    bump(vm, self, "_misses");
    Value result = vm_call_kw(vm, attr(vm, self, "__wrapped__"), argc - 1, args + 1, kwnames);
    if (!IS_EMPTY(result)) {
        vm_push_root(vm, result);
        if (IS_INT(maxsize) && cache->count >= AS_INT(maxsize)) { /* evict the least recently used */
            Value old_key, old_value;
            int64_t position = 0;
            if (dict_next(cache, &position, &old_key, &old_value) && dict_delete(vm, cache, old_key) < 0)
                result = EMPTY_VAL;
        }
        if (!IS_EMPTY(result) && !dict_set(vm, cache, OBJ_VAL(key), result)) result = EMPTY_VAL;
        vm_pop_roots(vm, 1);
    }
    vm_pop_roots(vm, 1);
    return result;
}

static Value cache_info(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjInstance *self = cache_self(vm, argc, args, "cache_info");
    if (self == NULL || !vm_check_args(vm, "cache_info", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    ObjClass *cache_info_class = module_class(vm, "_CacheInfo");
    if (cache_info_class == NULL) return EMPTY_VAL;
    ObjInstance *info = instance_new(vm, cache_info_class);
    vm_push_root(vm, OBJ_VAL(info));
    set_attr(vm, info, "hits", attr(vm, self, "_hits"));
    set_attr(vm, info, "misses", attr(vm, self, "_misses"));
    set_attr(vm, info, "maxsize", attr(vm, self, "_maxsize"));
    set_attr(vm, info, "currsize", INT_VAL(AS_DICT(attr(vm, self, "_cache"))->count));
    vm_pop_roots(vm, 1);
    return OBJ_VAL(info);
}

static Value cache_clear(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjInstance *self = cache_self(vm, argc, args, "cache_clear");
    if (self == NULL || !vm_check_args(vm, "cache_clear", argc - 1, kwnames, 0, 0)) return EMPTY_VAL;
    set_attr(vm, self, "_cache", OBJ_VAL(dict_new(vm)));
    set_attr(vm, self, "_hits", INT_VAL(0));
    set_attr(vm, self, "_misses", INT_VAL(0));
    return NONE_VAL;
}

/* CacheInfo(hits=1, misses=2, maxsize=128, currsize=2) */
static Value cache_info_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(kwnames);
    if (argc < 1 || !IS_INSTANCE(args[0]) || IS_EMPTY(attr(vm, AS_INSTANCE(args[0]), "currsize")))
        return vm_raise(vm, vm->types.TypeError, "descriptor '__repr__' requires a 'CacheInfo' object");
    ObjInstance *info = AS_INSTANCE(args[0]);
    const char *names[] = {"hits", "misses", "maxsize", "currsize"};
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_append_cstr(&buf, "CacheInfo(");
    for (int i = 0; i < 4; i++) {
        strbuf_appendf(&buf, "%s%s=", i > 0 ? ", " : "", names[i]);
        if (!value_repr_into(vm, &buf, attr(vm, info, names[i]))) {
            strbuf_free(&buf);
            return EMPTY_VAL;
        }
    }
    strbuf_append_char(&buf, ')');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static Value make_cache_wrapper(VM *vm, Value function, Value maxsize) {
    ObjClass *cache_wrapper_class = module_class(vm, "_lru_cache_wrapper");
    if (cache_wrapper_class == NULL) return EMPTY_VAL;
    ObjInstance *self = instance_new(vm, cache_wrapper_class);
    vm_push_root(vm, OBJ_VAL(self));
    set_attr(vm, self, "_cache", OBJ_VAL(dict_new(vm)));
    set_attr(vm, self, "_maxsize", maxsize);
    set_attr(vm, self, "_hits", INT_VAL(0));
    set_attr(vm, self, "_misses", INT_VAL(0));
    Value update_args[2] = {OBJ_VAL(self), function};
    Value result = functools_update_wrapper(vm, 2, update_args, NULL);
    vm_pop_roots(vm, 1);
    return result;
}

/* The decorator lru_cache(maxsize) returns: partial(_lru_decorate, maxsize). */
static Value lru_decorate(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "lru_cache", argc, kwnames, 2, 2)) return EMPTY_VAL;
    return make_cache_wrapper(vm, args[1], args[0]);
}

/* lru_cache(maxsize=128, typed=False), or lru_cache(function) directly. */
static Value functools_lru_cache(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"maxsize", "typed"};
    Value given[2];
    if (!vm_parse_args(vm, "lru_cache", argc, args, kwnames, 2, params, 2, 0, given)) return EMPTY_VAL;
    Value maxsize = IS_EMPTY(given[0]) ? INT_VAL(128) : given[0];
    if (callable_value(vm, maxsize) && !IS_CLASS(maxsize)) return make_cache_wrapper(vm, maxsize, INT_VAL(128));
    if (IS_BOOL(maxsize)) maxsize = INT_VAL(AS_BOOL(maxsize));
    if (!IS_NONE(maxsize) && !IS_INT(maxsize))
        return vm_raise(vm, vm->types.TypeError, "Expected first argument to be an integer, a callable, or None");
    if (IS_INT(maxsize) && AS_INT(maxsize) < 0) maxsize = INT_VAL(0);
    ObjClass *partial_class = module_class(vm, "partial"), *cache_wrapper_class = module_class(vm, "_lru_cache_wrapper");
    if (partial_class == NULL || cache_wrapper_class == NULL) return EMPTY_VAL;
    Value decorate = dict_get_str(cache_wrapper_class->dict, str_intern_cstr(vm, "_decorate"));
    Value construct_args[3] = {OBJ_VAL(partial_class), decorate, maxsize};
    return partial_construct(vm, 3, construct_args, NULL);
}

static Value functools_cache(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "cache", argc, kwnames, 1, 1)) return EMPTY_VAL;
    return make_cache_wrapper(vm, args[0], NONE_VAL);
}

void functools_module_init(VM *vm, ObjModule *module) {
    ObjClass *partial_class = make_class(vm, module, "partial");
    partial_class->construct = partial_construct;
    vm_define_native(vm, partial_class->dict, "__call__", partial_call, partial_class);
    vm_define_native(vm, partial_class->dict, "__repr__", partial_repr, partial_class);
    vm_define_native(vm, partial_class->dict, "_update_wrapper", functools_update_wrapper, NULL);
    ObjClass *cache_wrapper_class = make_class(vm, NULL, "_lru_cache_wrapper");
    vm_define_native(vm, cache_wrapper_class->dict, "__call__", cache_call, cache_wrapper_class);
    vm_define_native(vm, cache_wrapper_class->dict, "cache_info", cache_info, cache_wrapper_class);
    vm_define_native(vm, cache_wrapper_class->dict, "cache_clear", cache_clear, cache_wrapper_class);
    vm_define_native(vm, cache_wrapper_class->dict, "_decorate", lru_decorate, NULL);
    dict_set_str(vm, module->dict, str_intern_cstr(vm, "_lru_cache_wrapper"), OBJ_VAL(cache_wrapper_class));
    ObjClass *cache_info_class = make_class(vm, NULL, "CacheInfo");
    vm_define_native(vm, cache_info_class->dict, "__repr__", cache_info_repr, cache_info_class);
    dict_set_str(vm, module->dict, str_intern_cstr(vm, "_CacheInfo"), OBJ_VAL(cache_info_class));
    vm_define_native(vm, module->dict, "reduce", functools_reduce, NULL);
    vm_define_native(vm, module->dict, "update_wrapper", functools_update_wrapper, NULL);
    vm_define_native(vm, module->dict, "wraps", functools_wraps, NULL);
    vm_define_native(vm, module->dict, "lru_cache", functools_lru_cache, NULL);
    vm_define_native(vm, module->dict, "cache", functools_cache, NULL);
}
