/* mod_namedtuple.c — collections.namedtuple: makes a class whose instances
 * behave as tuples (index, unpack, compare, hash, len) and show as
 * Point(x=1, y=2). Each instance keeps its fields in its dict, by name, so
 * that p.x is a plain attribute; the class keeps _fields and _field_defaults. */
#include "mod_namedtuple.h"

#include <ctype.h>

#include "builtins_internal.h"
#include "containers.h"
#include "vm_internal.h"

static ObjTuple *class_fields(VM *vm, ObjClass *cls) {
    Value fields = dict_get_str(cls->dict, str_intern_cstr(vm, "_fields"));
    return IS_TUPLE(fields) ? AS_TUPLE(fields) : NULL;
}

/* The instance's values in field order, as a new tuple (NULL, raised, if v is not one). */
static ObjTuple *values_of(VM *vm, Value v, const char *name) {
    ObjTuple *fields = IS_INSTANCE(v) ? class_fields(vm, AS_INSTANCE(v)->cls) : NULL;
    if (fields == NULL) {
        if (name != NULL)
            vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a named tuple, not '%s'", name,
                     vm_type_name(vm, v));
        return NULL;
    }
    ObjTuple *values = tuple_new(vm, fields->count);
    for (int64_t i = 0; i < fields->count; i++) {
        Value value = dict_get_str(AS_INSTANCE(v)->dict, AS_STR(fields->items[i]));
        values->items[i] = IS_EMPTY(value) ? NONE_VAL : value;
    }
    return values;
}

/* Point(1, y=2): positional and keyword arguments bound to the fields, then the defaults. */
static Value namedtuple_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjClass *cls = AS_CLASS(args[0]);
    ObjTuple *fields = class_fields(vm, cls);
    Value defaults_value = dict_get_str(cls->dict, str_intern_cstr(vm, "_field_defaults"));
    ObjDict *defaults = IS_DICT(defaults_value) ? AS_DICT(defaults_value) : NULL;
    int nkw = vm_kwcount(kwnames), npos = argc - 1 - nkw;
    int64_t nfields = fields->count, ndefaults = defaults != NULL ? defaults->count : 0;
    const char *name = cls->name->chars;
    if (npos > nfields) {
        if (ndefaults == 0)
            return vm_raise(vm, vm->types.TypeError, "%s.__new__() takes %lld positional arguments but %d were given",
                            name, (long long)nfields + 1, npos + 1);
        return vm_raise(vm, vm->types.TypeError,
                        "%s.__new__() takes from %lld to %lld positional arguments but %d were given", name,
                        (long long)(nfields - ndefaults + 1), (long long)nfields + 1, npos + 1);
    }
    ObjInstance *self = instance_new(vm, cls);
    vm_push_root(vm, OBJ_VAL(self));
    for (int i = 0; i < npos; i++) dict_set_str(vm, self->dict, AS_STR(fields->items[i]), args[1 + i]);
    for (int k = 0; k < nkw; k++) {
        ObjStr *keyword = AS_STR(kwnames->items[k]);
        int64_t at = -1;
        for (int64_t i = 0; i < nfields && at < 0; i++)
            if (str_equal(AS_STR(fields->items[i]), keyword)) at = i;
        Value error = EMPTY_VAL;
        if (at < 0)
            error = vm_raise(vm, vm->types.TypeError, "%s.__new__() got an unexpected keyword argument '%s'", name,
                             keyword->chars);
        else if (at < npos)
            error = vm_raise(vm, vm->types.TypeError, "%s.__new__() got multiple values for argument '%s'", name,
                             keyword->chars);
        if (at < 0 || at < npos) {
            vm_pop_roots(vm, 1);
            return error;
        }
        dict_set_str(vm, self->dict, keyword, args[1 + npos + k]);
    }
    /* Missing fields take their defaults; CPython names every one still missing. */
    StrBuf missing;
    strbuf_init(&missing);
    int missing_count = 0;
    for (int64_t i = 0; i < nfields; i++) {
        ObjStr *field = AS_STR(fields->items[i]);
        if (!IS_EMPTY(dict_get_str(self->dict, field))) continue;
        Value fallback = defaults != NULL ? dict_get_str(defaults, field) : EMPTY_VAL;
        if (!IS_EMPTY(fallback)) {
            dict_set_str(vm, self->dict, field, fallback);
            continue;
        }
        missing_count++;
        strbuf_appendf(&missing, "%s'%s'", missing.length > 0 ? "|" : "", field->chars);
    }
    vm_pop_roots(vm, 1);
    if (missing_count == 0) {
        strbuf_free(&missing);
        return OBJ_VAL(self);
    }
    /* 'x', 'y' and 'z' as CPython lists them */
    StrBuf names;
    strbuf_init(&names);
    int seen = 0;
    for (size_t i = 0, start = 0; i <= missing.length; i++) {
        if (i < missing.length && missing.data[i] != '|') continue;
        seen++;
        if (seen > 1) strbuf_append_cstr(&names, seen == missing_count ? (missing_count == 2 ? " and " : ", and ") : ", ");
        strbuf_append(&names, missing.data + start, i - start);
        start = i + 1;
    }
    Value error = vm_raise(vm, vm->types.TypeError, "%s.__new__() missing %d required positional argument%s: %s", name,
                           missing_count, missing_count == 1 ? "" : "s", names.data);
    strbuf_free(&names);
    strbuf_free(&missing);
    return error;
}

/* ------------------------------------------------------ tuple behaviour */

#define WITH_VALUES(name, argc_wanted)                                                       \
    if (!vm_check_args(vm, name, argc - 1, kwnames, argc_wanted, argc_wanted)) return EMPTY_VAL; \
    ObjTuple *values = values_of(vm, args[0], name);                                         \
    if (values == NULL) return EMPTY_VAL;

static Value nt_len(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    WITH_VALUES("__len__", 0);
    return INT_VAL(values->count);
}

static Value nt_iter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    WITH_VALUES("__iter__", 0);
    return tuple_iter_new(vm, values);
}

static Value nt_getitem(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    WITH_VALUES("__getitem__", 1);
    vm_push_root(vm, OBJ_VAL(values));
    Value item = tuple_getitem(vm, values, args[1]);
    vm_pop_roots(vm, 1);
    return item;
}

static Value nt_contains(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    WITH_VALUES("__contains__", 1);
    vm_push_root(vm, OBJ_VAL(values));
    int found = seq_contains(vm, values->items, values->count, args[1]);
    vm_pop_roots(vm, 1);
    return found < 0 ? EMPTY_VAL : BOOL_VAL(found);
}

static Value nt_hash(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    WITH_VALUES("__hash__", 0);
    vm_push_root(vm, OBJ_VAL(values));
    uint64_t hash;
    bool ok = tuple_hash(vm, values, &hash);
    vm_pop_roots(vm, 1);
    return ok ? INT_VAL((int64_t)hash) : EMPTY_VAL;
}

/* Comparisons are the tuples': with a plain tuple or another named tuple. */
static Value nt_compare(VM *vm, int argc, Value *args, ObjTuple *kwnames, const char *name, int op) {
    WITH_VALUES(name, 1);
    vm_push_root(vm, OBJ_VAL(values));
    Value other = args[1];
    if (!IS_TUPLE(other)) {
        ObjTuple *other_values = values_of(vm, other, NULL);
        if (other_values == NULL) {
            vm_pop_roots(vm, 1);
            return vm->not_implemented;
        }
        other = OBJ_VAL(other_values);
    }
    vm_push_root(vm, other);
    Value result = vm_compare(vm, op, OBJ_VAL(values), other);
    vm_pop_roots(vm, 2);
    return result;
}

#define NT_COMPARE(cname, spelling, op) \
    static Value cname(VM *vm, int argc, Value *args, ObjTuple *kwnames) { return nt_compare(vm, argc, args, kwnames, spelling, op); }
NT_COMPARE(nt_eq, "__eq__", CMP_EQ)
NT_COMPARE(nt_ne, "__ne__", CMP_NE)
NT_COMPARE(nt_lt, "__lt__", CMP_LT)
NT_COMPARE(nt_le, "__le__", CMP_LE)
NT_COMPARE(nt_gt, "__gt__", CMP_GT)
NT_COMPARE(nt_ge, "__ge__", CMP_GE)

/* Point(x=1, y=2) */
static Value nt_repr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    WITH_VALUES("__repr__", 0);
    ObjTuple *fields = class_fields(vm, AS_INSTANCE(args[0])->cls);
    int entered = repr_enter(vm, AS_OBJ(args[0]));
    if (entered <= 0) return entered == 0 ? OBJ_VAL(str_intern_cstr(vm, "...")) : EMPTY_VAL;
    vm_push_root(vm, OBJ_VAL(values));
    StrBuf buf;
    strbuf_init(&buf);
    strbuf_appendf(&buf, "%s(", AS_INSTANCE(args[0])->cls->name->chars);
    bool ok = true;
    for (int64_t i = 0; ok && i < values->count; i++) {
        strbuf_appendf(&buf, "%s%s=", i > 0 ? ", " : "", AS_STR(fields->items[i])->chars);
        ok = value_repr_into(vm, &buf, values->items[i]);
    }
    vm_pop_roots(vm, 1);
    repr_leave(AS_OBJ(args[0]));
    if (!ok) {
        strbuf_free(&buf);
        return EMPTY_VAL;
    }
    strbuf_append_char(&buf, ')');
    return OBJ_VAL(strbuf_finish(vm, &buf));
}

static Value nt_asdict(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    WITH_VALUES("_asdict", 0);
    ObjTuple *fields = class_fields(vm, AS_INSTANCE(args[0])->cls);
    vm_push_root(vm, OBJ_VAL(values));
    ObjDict *dict = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(dict));
    for (int64_t i = 0; i < values->count; i++) dict_set_str(vm, dict, AS_STR(fields->items[i]), values->items[i]);
    vm_pop_roots(vm, 2);
    return OBJ_VAL(dict);
}

/* p._replace(y=5): a new instance with those fields changed. */
static Value nt_replace(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    int nkw = vm_kwcount(kwnames);
    if (argc - 1 - nkw != 0)
        return vm_raise(vm, vm->types.TypeError, "_replace() takes 1 positional argument but %d were given", argc - nkw);
    ObjTuple *values = values_of(vm, args[0], "_replace");
    if (values == NULL) return EMPTY_VAL;
    ObjClass *cls = AS_INSTANCE(args[0])->cls;
    ObjTuple *fields = class_fields(vm, cls);
    vm_push_root(vm, OBJ_VAL(values));
    ObjInstance *copy = instance_new(vm, cls);
    vm_push_root(vm, OBJ_VAL(copy));
    for (int64_t i = 0; i < values->count; i++) dict_set_str(vm, copy->dict, AS_STR(fields->items[i]), values->items[i]);
    StrBuf unexpected;
    strbuf_init(&unexpected);
    for (int k = 0; k < nkw; k++) {
        ObjStr *keyword = AS_STR(kwnames->items[k]);
        if (IS_EMPTY(dict_get_str(copy->dict, keyword))) {
            strbuf_appendf(&unexpected, "%s'%s'", unexpected.length > 0 ? ", " : "", keyword->chars);
            continue;
        }
        dict_set_str(vm, copy->dict, keyword, args[argc - nkw + k]);
    }
    vm_pop_roots(vm, 2);
    if (unexpected.length > 0) {
        Value error = vm_raise(vm, vm->types.ValueError, "Got unexpected field names: [%s]", unexpected.data);
        strbuf_free(&unexpected);
        return error;
    }
    strbuf_free(&unexpected);
    return OBJ_VAL(copy);
}

/* ------------------------------------------------------------ namedtuple() */

static bool is_keyword(const char *name) {
    static const char *const keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await",
                                           "break", "class", "continue", "def", "del", "elif", "else", "except",
                                           "finally", "for", "from", "global", "if", "import", "in", "is",
                                           "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
                                           "while", "with", "yield"};
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(keywords[i], name) == 0) return true;
    return false;
}

static bool is_identifier(const ObjStr *s) {
    if (s->length == 0 || isdigit((unsigned char)s->chars[0])) return false;
    for (int64_t i = 0; i < s->length; i++) {
        unsigned char c = (unsigned char)s->chars[i];
        if (!(isalnum(c) || c == '_' || c >= 0x80)) return false;
    }
    return true;
}

static bool check_name(VM *vm, ObjStr *name, bool is_field) {
    if (!is_identifier(name)) {
        vm_raise(vm, vm->types.ValueError, "Type names and field names must be valid identifiers: '%s'", name->chars);
        return false;
    }
    if (is_keyword(name->chars)) {
        vm_raise(vm, vm->types.ValueError, "Type names and field names cannot be a keyword: '%s'", name->chars);
        return false;
    }
    if (is_field && name->chars[0] == '_') {
        vm_raise(vm, vm->types.ValueError, "Field names cannot start with an underscore: '%s'", name->chars);
        return false;
    }
    return true;
}

/* The field names: a str split on commas and white space, or an iterable of strs. */
static Value field_names(VM *vm, Value spec) {
    if (IS_STR(spec)) {
        ObjStr *text = AS_STR(spec);
        ObjList *names = list_new(vm, 0);
        vm_push_root(vm, OBJ_VAL(names));
        for (int64_t i = 0; i < text->length;) {
            while (i < text->length && (text->chars[i] == ',' || isspace((unsigned char)text->chars[i]))) i++;
            int64_t start = i;
            while (i < text->length && text->chars[i] != ',' && !isspace((unsigned char)text->chars[i])) i++;
            if (i > start) list_append(vm, names, OBJ_VAL(str_intern(vm, text->chars + start, (size_t)(i - start))));
        }
        vm_pop_roots(vm, 1);
        return OBJ_VAL(names);
    }
    Value list = vm_list_from_iterable(vm, spec);
    if (IS_EMPTY(list)) return EMPTY_VAL;
    vm_push_root(vm, list); /* str() of a name may run Python code */
    ObjList *names = AS_LIST(list);
    for (int64_t i = 0; i < names->count; i++) {
        Value text = vm_str(vm, names->items[i]);
        if (IS_EMPTY(text)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        names->items[i] = OBJ_VAL(str_intern(vm, AS_STR(text)->chars, (size_t)AS_STR(text)->length));
    }
    vm_pop_roots(vm, 1);
    return list;
}

static Value namedtuple_make(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"typename", "field_names", "rename", "defaults", "module"};
    Value given[5];
    if (!vm_parse_args(vm, "namedtuple", argc, args, kwnames, 5, params, 2, 2, given)) return EMPTY_VAL;
    if (!IS_STR(given[0])) return vm_raise(vm, vm->types.TypeError, "typename must be str, not %s", vm_type_name(vm, given[0]));
    ObjStr *type_name = str_intern(vm, AS_STR(given[0])->chars, (size_t)AS_STR(given[0])->length);
    vm_push_root(vm, OBJ_VAL(type_name));
    Value names_value = field_names(vm, given[1]);
    if (IS_EMPTY(names_value) || !check_name(vm, type_name, false)) {
        vm_pop_roots(vm, 1);
        return EMPTY_VAL;
    }
    vm_push_root(vm, names_value);
    ObjList *names = AS_LIST(names_value);
    for (int64_t i = 0; i < names->count; i++) {
        bool ok = check_name(vm, AS_STR(names->items[i]), true);
        for (int64_t j = 0; ok && j < i; j++)
            if (str_equal(AS_STR(names->items[i]), AS_STR(names->items[j])))
                ok = !IS_EMPTY(vm_raise(vm, vm->types.ValueError, "Encountered duplicate field name: '%s'",
                                        AS_STR(names->items[i])->chars));
        if (!ok) {
            vm_pop_roots(vm, 2);
            return EMPTY_VAL;
        }
    }
    Value defaults = EMPTY_VAL;
    if (!IS_EMPTY(given[3]) && !IS_NONE(given[3])) {
        defaults = vm_list_from_iterable(vm, given[3]);
        if (IS_EMPTY(defaults)) {
            vm_pop_roots(vm, 2);
            return EMPTY_VAL;
        }
        if (AS_LIST(defaults)->count > names->count) {
            vm_pop_roots(vm, 2);
            return vm_raise(vm, vm->types.TypeError, "Got more default values than field names");
        }
    }
    vm_push_root(vm, defaults);
    ObjClass *cls = class_new(vm, type_name, vm->types.object, OBJ_INSTANCE);
    cls->is_builtin = false; /* so that its special methods are used */
    cls->construct = namedtuple_construct;
    vm_push_root(vm, OBJ_VAL(cls));
    dict_set_str(vm, cls->dict, str_intern_cstr(vm, "_fields"),
                 OBJ_VAL(tuple_from_values(vm, names->count, names->items)));
    ObjDict *field_defaults = dict_new(vm);
    dict_set_str(vm, cls->dict, str_intern_cstr(vm, "_field_defaults"), OBJ_VAL(field_defaults));
    if (!IS_EMPTY(defaults)) {
        ObjList *values = AS_LIST(defaults);
        int64_t first = names->count - values->count;
        for (int64_t i = 0; i < values->count; i++)
            dict_set_str(vm, field_defaults, AS_STR(names->items[first + i]), values->items[i]);
    }
    Value module = !IS_EMPTY(given[4]) && IS_STR(given[4]) ? given[4] : OBJ_VAL(vm->s_main);
    dict_set_str(vm, cls->dict, vm->s_module, module);
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"__len__", nt_len},         {"__iter__", nt_iter},     {"__getitem__", nt_getitem},
        {"__contains__", nt_contains}, {"__hash__", nt_hash},   {"__eq__", nt_eq},
        {"__ne__", nt_ne},           {"__lt__", nt_lt},         {"__le__", nt_le},
        {"__gt__", nt_gt},           {"__ge__", nt_ge},         {"__repr__", nt_repr},
        {"_asdict", nt_asdict},      {"_replace", nt_replace},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    vm_pop_roots(vm, 4);
    return OBJ_VAL(cls);
}

void namedtuple_define(VM *vm, ObjModule *module) {
    vm_define_native(vm, module->dict, "namedtuple", namedtuple_make, NULL);
}
