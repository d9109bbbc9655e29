/* exceptions_group.c — what exception groups do beyond holding members:
 * split, subgroup and derive (with the metadata copy CPython makes), and the
 * two steps of `except*`: matching one clause against what is left of the
 * group, and building what is raised again once every clause has run. */
#include "exceptions.h"

#include "containers.h"

/* ------------------------------------------------------------- matching */

/* A type (or tuple of types), a predicate, or a set of leaf identities
 * (except*'s projection: only those very exceptions match, never a group whole). */
typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_LEAF_IDS } MatcherKind;

static bool is_exception_class(VM *vm, Value v) {
    return IS_CLASS(v) && class_is_subclass(AS_CLASS(v), vm->types.BaseException);
}

static bool is_type_matcher(VM *vm, Value v) {
    if (is_exception_class(vm, v)) return true;
    if (!IS_TUPLE(v)) return false;
    for (int64_t i = 0; i < AS_TUPLE(v)->count; i++)
        if (!is_exception_class(vm, AS_TUPLE(v)->items[i])) return false;
    return true;
}

static bool class_matches(VM *vm, ObjClass *cls, Value matcher) {
    if (IS_CLASS(matcher)) return class_is_subclass(cls, AS_CLASS(matcher));
    for (int64_t i = 0; i < AS_TUPLE(matcher)->count; i++)
        if (class_is_subclass(cls, AS_CLASS(AS_TUPLE(matcher)->items[i]))) return true;
    UNUSED(vm);
    return false;
}

/* 1 match, 0 no match, -1 exception (a predicate raised). */
static int matches(VM *vm, MatcherKind kind, Value matcher, Value exc) {
    if (kind == MATCH_TYPE) return class_matches(vm, vm_type_of(vm, exc), matcher);
    if (kind == MATCH_LEAF_IDS) {
        if (exception_is_group(vm, AS_EXCEPTION(exc))) return 0;
        return set_contains(vm, AS_SET(matcher), INT_VAL((int64_t)(intptr_t)AS_OBJ(exc)));
    }
    Value result = vm_call(vm, matcher, 1, &exc);
    if (IS_EMPTY(result)) return -1;
    return vm_truthy(vm, result);
}

/* ------------------------------------------------------- derive and copy */

/* The new group gets the original's traceback, cause, context and notes, as
 * CPython's split copies them. */
static void copy_metadata(VM *vm, ObjException *from, ObjException *to) {
    to->traceback_count = 0;
    for (int i = 0; i < from->traceback_count; i++)
        exception_add_traceback(vm, to, from->traceback[i].code, from->traceback[i].line);
    to->cause = from->cause;
    to->context = from->context;
    to->suppress_context = from->suppress_context;
    Value notes = exception_getattr(vm, from, str_intern_cstr(vm, "__notes__"));
    if (IS_LIST(notes)) {
        ObjList *copy = list_new(vm, AS_LIST(notes)->count);
        for (int64_t i = 0; i < AS_LIST(notes)->count; i++) list_append(vm, copy, AS_LIST(notes)->items[i]);
        exception_setattr(vm, to, str_intern_cstr(vm, "__notes__"), OBJ_VAL(copy));
    }
}

/* eg.derive(members) (a method a subclass may override), then the metadata copy. */
static Value derive_and_copy(VM *vm, ObjException *eg, ObjList *members) {
    Value arg = OBJ_VAL(members);
    Value derived = vm_call_method(vm, OBJ_VAL(eg), str_intern_cstr(vm, "derive"), 1, &arg);
    if (IS_EMPTY(derived)) return EMPTY_VAL;
    if (!IS_EXCEPTION(derived) || !exception_is_group(vm, AS_EXCEPTION(derived)))
        return vm_raise(vm, vm->types.TypeError, "derive must return an instance of BaseExceptionGroup");
    copy_metadata(vm, eg, AS_EXCEPTION(derived));
    return derived;
}

/* Splits exc by the matcher into *match and *rest (each NONE when empty). */
static bool split_recursive(VM *vm, Value exc, MatcherKind kind, Value matcher, bool want_rest,
                            Value *match, Value *rest) {
    *match = NONE_VAL, *rest = NONE_VAL;
    int full = matches(vm, kind, matcher, exc);
    if (full < 0) return false;
    if (full) {
        *match = exc;
        return true;
    }
    ObjException *eg = AS_EXCEPTION(exc);
    if (!exception_is_group(vm, eg) || exception_group_members(eg) == NULL) {
        if (want_rest) *rest = exc;
        return true;
    }
    if (vm_c_stack_exhausted(vm, "maximum recursion depth exceeded")) return false;
    ObjTuple *members = exception_group_members(eg);
    ObjList *match_list = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(match_list));
    ObjList *rest_list = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(rest_list));
    bool ok = true;
    for (int64_t i = 0; i < members->count && ok; i++) {
        Value sub_match, sub_rest;
        ok = split_recursive(vm, members->items[i], kind, matcher, want_rest, &sub_match, &sub_rest);
        if (!ok) break;
        if (!IS_NONE(sub_match)) list_append(vm, match_list, sub_match);
        if (!IS_NONE(sub_rest)) list_append(vm, rest_list, sub_rest);
    }
    if (ok && match_list->count > 0) {
        *match = derive_and_copy(vm, eg, match_list);
        ok = !IS_EMPTY(*match);
    }
    if (ok && want_rest && rest_list->count > 0) {
        vm_push_root(vm, *match);
        *rest = derive_and_copy(vm, eg, rest_list);
        vm_pop_roots(vm, 1);
        ok = !IS_EMPTY(*rest);
    }
    vm_pop_roots(vm, 2);
    return ok;
}

static bool matcher_kind(VM *vm, Value matcher, MatcherKind *kind) {
    if (is_type_matcher(vm, matcher)) {
        *kind = MATCH_TYPE;
        return true;
    }
    if (IS_FUNCTION(matcher) || IS_NATIVE(matcher) || IS_BOUND_METHOD(matcher)) {
        *kind = MATCH_PREDICATE;
        return true;
    }
    vm_raise(vm, vm->types.TypeError, "expected a function, exception type or tuple of exception types");
    return false;
}

static ObjException *self_group(VM *vm, const char *method, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, method, argc - 1, kwnames, 1, 1)) return NULL;
    if (IS_EXCEPTION(args[0]) && exception_is_group(vm, AS_EXCEPTION(args[0]))) return AS_EXCEPTION(args[0]);
    vm_raise(vm, vm->types.TypeError, "descriptor '%s' for 'BaseExceptionGroup' objects doesn't apply to a '%s' object",
             method, vm_type_name(vm, args[0]));
    return NULL;
}

/* eg.split(condition) -> (match, rest) */
static Value group_split(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    MatcherKind kind;
    if (self_group(vm, "split", argc, args, kwnames) == NULL || !matcher_kind(vm, args[1], &kind)) return EMPTY_VAL;
    Value pair[2];
    if (!split_recursive(vm, args[0], kind, args[1], true, &pair[0], &pair[1])) return EMPTY_VAL;
    return OBJ_VAL(tuple_from_values(vm, 2, pair));
}

/* eg.subgroup(condition) -> match */
static Value group_subgroup(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    MatcherKind kind;
    if (self_group(vm, "subgroup", argc, args, kwnames) == NULL || !matcher_kind(vm, args[1], &kind)) return EMPTY_VAL;
    Value match, rest;
    if (!split_recursive(vm, args[0], kind, args[1], false, &match, &rest)) return EMPTY_VAL;
    return match;
}

/* eg.derive(excs): a BaseExceptionGroup (ExceptionGroup when it can be) with
 * the same message; subclasses override it to keep their own type. */
static Value group_derive(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    ObjException *eg = self_group(vm, "derive", argc, args, kwnames);
    if (eg == NULL) return EMPTY_VAL;
    Value call_args[2] = {eg->args->count > 0 ? eg->args->items[0] : NONE_VAL, args[1]};
    return vm_call(vm, OBJ_VAL(vm->types.BaseExceptionGroup), 2, call_args);
}

/* --------------------------------------------------------------- except* */

bool exception_star_match(VM *vm, Value exc, Value type, Value *match, Value *rest) {
    Value types = type;
    int64_t count = IS_TUPLE(type) ? AS_TUPLE(type)->count : 1;
    for (int64_t i = 0; i < count; i++) {
        Value t = IS_TUPLE(types) ? AS_TUPLE(types)->items[i] : types;
        if (!is_exception_class(vm, t)) {
            vm_raise(vm, vm->types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
            return false;
        }
        if (class_is_subclass(AS_CLASS(t), vm->types.BaseExceptionGroup)) {
            vm_raise(vm, vm->types.TypeError,
                     "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return false;
        }
    }
    *match = NONE_VAL, *rest = exc;
    if (IS_NONE(exc)) return true;
    if (class_matches(vm, vm_type_of(vm, exc), type)) {
        *rest = NONE_VAL;
        if (exception_is_group(vm, AS_EXCEPTION(exc))) {
            *match = exc;
            return true;
        }
        /* A naked exception is wrapped in a group with an empty message. */
        ObjTuple *members = tuple_from_values(vm, 1, &exc);
        vm_push_root(vm, OBJ_VAL(members));
        Value group_args[2] = {OBJ_VAL(str_new(vm, "", 0)), OBJ_VAL(members)};
        ObjException *wrapped = exception_new(vm, vm->types.ExceptionGroup, tuple_from_values(vm, 2, group_args));
        if (!class_is_subclass(AS_EXCEPTION(exc)->cls, vm->types.Exception)) wrapped->cls = vm->types.BaseExceptionGroup;
        vm_pop_roots(vm, 1);
        *match = OBJ_VAL(wrapped);
        return true;
    }
    if (!exception_is_group(vm, AS_EXCEPTION(exc))) return true;
    Value match_rest;
    if (!split_recursive(vm, exc, MATCH_TYPE, type, true, match, &match_rest)) return false;
    *rest = match_rest;
    return true;
}

/* Adds the identities of every leaf (non-group exception) under exc to ids. */
static void collect_leaves(VM *vm, Value exc, ObjSet *ids) {
    if (!IS_EXCEPTION(exc)) return;
    ObjTuple *members = exception_is_group(vm, AS_EXCEPTION(exc)) ? exception_group_members(AS_EXCEPTION(exc)) : NULL;
    if (members == NULL) {
        set_add(vm, ids, INT_VAL((int64_t)(intptr_t)AS_OBJ(exc)));
        return;
    }
    for (int64_t i = 0; i < members->count; i++) collect_leaves(vm, members->items[i], ids);
}

/* Is every leaf of exc one of the original group's (a re-raise, as with a bare `raise`)? */
static bool all_leaves_in(VM *vm, Value exc, ObjSet *ids) {
    ObjTuple *members = exception_is_group(vm, AS_EXCEPTION(exc)) ? exception_group_members(AS_EXCEPTION(exc)) : NULL;
    if (members == NULL) return set_contains(vm, ids, INT_VAL((int64_t)(intptr_t)AS_OBJ(exc))) == 1;
    for (int64_t i = 0; i < members->count; i++)
        if (!all_leaves_in(vm, members->items[i], ids)) return false;
    return true;
}

/* orig restricted to the leaves of the re-raised exceptions (CPython's
 * exception_group_projection), or NONE. */
static bool project(VM *vm, Value orig, ObjList *reraised, Value *out) {
    *out = NONE_VAL;
    if (reraised->count == 0) return true;
    ObjSet *ids = set_new(vm, false);
    vm_push_root(vm, OBJ_VAL(ids));
    for (int64_t i = 0; i < reraised->count; i++) collect_leaves(vm, reraised->items[i], ids);
    Value rest;
    bool ok = split_recursive(vm, orig, MATCH_LEAF_IDS, OBJ_VAL(ids), false, out, &rest);
    vm_pop_roots(vm, 1);
    return ok;
}

Value exception_prep_reraise_star(VM *vm, Value orig, ObjList *raised_and_rest) {
    int64_t count = raised_and_rest->count;
    if (count == 0) return NONE_VAL;
    if (!IS_EXCEPTION(orig) || !exception_is_group(vm, AS_EXCEPTION(orig))) {
        /* A naked exception: at most one clause ran, so at most one thing to raise. */
        for (int64_t i = 0; i < count; i++)
            if (!IS_NONE(raised_and_rest->items[i])) return raised_and_rest->items[i];
        return NONE_VAL;
    }
    ObjSet *ids = set_new(vm, false);
    vm_push_root(vm, OBJ_VAL(ids));
    collect_leaves(vm, orig, ids);
    ObjList *raised = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(raised));
    ObjList *reraised = list_new(vm, 0);
    vm_push_root(vm, OBJ_VAL(reraised));
    for (int64_t i = 0; i < count; i++) {
        Value e = raised_and_rest->items[i];
        if (IS_NONE(e)) continue;
        list_append(vm, all_leaves_in(vm, e, ids) ? reraised : raised, e);
    }
    Value reraised_group;
    Value result = EMPTY_VAL;
    if (project(vm, orig, reraised, &reraised_group)) {
        if (raised->count == 0) {
            result = reraised_group;
        } else {
            if (!IS_NONE(reraised_group)) list_append(vm, raised, reraised_group);
            if (raised->count == 1) {
                result = raised->items[0];
            } else {
                Value group_args[2] = {OBJ_VAL(str_new(vm, "", 0)), OBJ_VAL(raised)};
                result = vm_call(vm, OBJ_VAL(vm->types.ExceptionGroup), 2, group_args);
                if (IS_EMPTY(result) && vm_exception_matches(vm, vm->types.TypeError)) {
                    vm_take_exception(vm);
                    result = vm_call(vm, OBJ_VAL(vm->types.BaseExceptionGroup), 2, group_args);
                }
            }
        }
    }
    vm_pop_roots(vm, 3);
    return result;
}

/* ------------------------------------------------------------------ setup */

void exceptions_group_init(VM *vm) {
    ObjClass *group = vm->types.BaseExceptionGroup;
    vm_define_native(vm, group->dict, "split", group_split, group);
    vm_define_native(vm, group->dict, "subgroup", group_subgroup, group);
    vm_define_native(vm, group->dict, "derive", group_derive, group);
}
