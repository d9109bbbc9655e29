/* compiler_expr.c — code generation for expressions: constants and their
 * folding, operators, short-circuit and chained comparisons (also as jumps for
 * `if`/`while`), displays with unpacking, calls, f-strings, comprehensions,
 * yield/await, and the targets of assignment and `del`. */
#include "compiler_internal.h"

/* ------------------------------------------------------------ constants */

/* `...` is the builtins' Ellipsis object when the VM defines one (a constant,
 * as in CPython); otherwise the code looks the name up at run time. */
static bool ellipsis_value(Compiler *c, Value *out) {
    if (c->vm->builtins == NULL) return false;
    Value value = dict_get_str(c->vm->builtins, intern_name(c, "Ellipsis"));
    if (IS_EMPTY(value)) return false;
    *out = value;
    return true;
}

/* A literal too large for int64: its digits (no prefix, no '_') in `base`, which
 * the parser passes in int_value (0 meaning 10). */
static Value bigint_constant(Compiler *c, const char *digits, int64_t base) {
    mpz_t value;
    mpz_init(value);
    mpz_set_str(value, digits, base == 2 || base == 8 || base == 16 ? (int)base : 10);
    Value result = int_from_mpz(c->vm, value);
    mpz_clear(value);
    return result;
}

/* The value of a Constant node, or false (nothing reported) when it has none
 * handoff can represent: complex literals, and an Ellipsis the VM lacks. */
static bool literal_value(Compiler *c, Expr *e, Value *out) {
    switch (e->as.constant.kind) {
    case CONST_NONE: *out = NONE_VAL; return true;
    case CONST_TRUE: *out = TRUE_VAL; return true;
    case CONST_FALSE: *out = FALSE_VAL; return true;
    case CONST_ELLIPSIS: return ellipsis_value(c, out);
    case CONST_INT: *out = INT_VAL(e->as.constant.int_value); return true;
    case CONST_BIGINT: *out = bigint_constant(c, e->as.constant.text, e->as.constant.int_value); return true;
    case CONST_FLOAT: *out = FLOAT_VAL(e->as.constant.float_value); return true;
    case CONST_STR: *out = str_constant(c, e->as.constant.text, e->as.constant.length); return true;
    case CONST_BYTES:
        *out = OBJ_VAL(bytes_new(c->vm, e->as.constant.text, e->as.constant.length));
        return true;
    case CONST_IMAG: return false;
    }
    return false;
}

static bool negate_constant(Compiler *c, Value value, Value *out) {
    if (IS_INT(value)) {
        if (AS_INT(value) != INT64_MIN) {
            *out = INT_VAL(-AS_INT(value));
        } else {
            mpz_t big;
            mpz_init_set_si(big, INT64_MIN);
            mpz_neg(big, big);
            *out = int_from_mpz(c->vm, big);
            mpz_clear(big);
        }
        return true;
    }
    if (IS_FLOAT(value)) {
        *out = FLOAT_VAL(-AS_FLOAT(value));
        return true;
    }
    if (IS_BIGINT(value)) {
        mpz_t big;
        mpz_init(big);
        mpz_neg(big, AS_BIGINT(value)->value);
        *out = int_from_mpz(c->vm, big);
        mpz_clear(big);
        return true;
    }
    return false;
}

bool fold_constant(Compiler *c, Expr *e, Value *out) {
    if (compiler_too_deep(c)) return false;
    switch (e->kind) {
    case EXPR_CONSTANT: return literal_value(c, e, out);
    case EXPR_UNARYOP: {
        /* -5 is one constant, as CPython's AST optimizer makes it. */
        Value operand;
        return e->as.unaryop.op == UOP_NEG && fold_constant(c, e->as.unaryop.operand, &operand) &&
               negate_constant(c, operand, out);
    }
    case EXPR_TUPLE: {
        int count = e->as.list.elts.count;
        Value *items = compiler_realloc(NULL, sizeof(Value) * (size_t)count);
        bool ok = e->as.list.ctx == CTX_LOAD;
        for (int i = 0; ok && i < count; i++) ok = fold_constant(c, e->as.list.elts.items[i], &items[i]);
        if (ok) *out = OBJ_VAL(tuple_from_values(c->vm, count, items));
        free(items);
        return ok;
    }
    default: return false;
    }
}

static bool compile_constant(Compiler *c, Expr *e) {
    Value value;
    if (literal_value(c, e, &value)) {
        emit_const(c, value);
        return true;
    }
    switch (e->as.constant.kind) {
    case CONST_IMAG: return compiler_error(c, e->pos, "handoff does not support complex numbers");
    default: emit_name(c, OP_LOAD_GLOBAL, "Ellipsis"); return true;
    }
}

/* Truth of a constant known at compile time: 1 true, 0 false, -1 unknown. */
static int constant_truth(Expr *e) {
    if (e->kind != EXPR_CONSTANT) return -1;
    switch (e->as.constant.kind) {
    case CONST_NONE:
    case CONST_FALSE: return 0;
    case CONST_TRUE:
    case CONST_ELLIPSIS:
    case CONST_BIGINT: return 1;
    case CONST_INT: return e->as.constant.int_value != 0;
    case CONST_FLOAT: return e->as.constant.float_value != 0.0;
    case CONST_STR: return e->as.constant.length != 0;
    default: return -1;
    }
}

/* ------------------------------------------------------------ operators */

static void emit_compare(Compiler *c, CompareOperator op) {
    switch (op) {
    case CMP_IS: emit_arg(c, OP_IS_OP, 0); break;
    case CMP_IS_NOT: emit_arg(c, OP_IS_OP, 1); break;
    case CMP_IN: emit_arg(c, OP_CONTAINS_OP, 0); break;
    case CMP_NOT_IN: emit_arg(c, OP_CONTAINS_OP, 1); break;
    default: emit_arg(c, OP_COMPARE_OP, (int)op); break;
    }
}

/* a < b < c: each middle operand is evaluated once and kept with COPY/SWAP;
 * a false link jumps out with its result, dropping the kept operand. */
static bool compile_compare(Compiler *c, Expr *e) {
    int n = e->as.compare.count;
    compile_expr(c, e->as.compare.left);
    if (n == 1) {
        compile_expr(c, e->as.compare.comparators[0]);
        emit_compare(c, e->as.compare.ops[0]);
        return !c->failed;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < n - 1; i++) {
        compile_expr(c, e->as.compare.comparators[i]);
        emit_arg(c, OP_SWAP, 2);
        emit_arg(c, OP_COPY, 2);
        emit_compare(c, e->as.compare.ops[i]);
        emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_expr(c, e->as.compare.comparators[n - 1]);
    emit_compare(c, e->as.compare.ops[n - 1]);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit_arg(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP);
    bind_label(c, end);
    return !c->failed;
}

/* a < b < c as a condition: a false link jumps straight out (or to `label`). */
static bool jump_if_chained_compare(Compiler *c, Expr *e, bool cond, int label) {
    int n = e->as.compare.count;
    int cleanup = new_label(c), end = new_label(c);
    compile_expr(c, e->as.compare.left);
    for (int i = 0; i < n - 1; i++) {
        compile_expr(c, e->as.compare.comparators[i]);
        emit_arg(c, OP_SWAP, 2);
        emit_arg(c, OP_COPY, 2);
        emit_compare(c, e->as.compare.ops[i]);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup);
    }
    compile_expr(c, e->as.compare.comparators[n - 1]);
    emit_compare(c, e->as.compare.ops[n - 1]);
    emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit(c, OP_POP_TOP);
    if (!cond) emit_jump(c, OP_JUMP, label);
    bind_label(c, end);
    return !c->failed;
}

bool compile_jump_if(Compiler *c, Expr *e, bool cond, int label) {
    switch (e->kind) {
    case EXPR_UNARYOP:
        if (e->as.unaryop.op == UOP_NOT) return compile_jump_if(c, e->as.unaryop.operand, !cond, label);
        break;
    case EXPR_BOOLOP: {
        /* `a and b` jumps on false as soon as one operand is false, etc. */
        ExprList *values = &e->as.boolop.values;
        bool cond2 = !e->as.boolop.is_and;
        int next2 = cond2 != cond ? new_label(c) : label;
        for (int i = 0; i < values->count - 1; i++)
            if (!compile_jump_if(c, values->items[i], cond2, next2)) return false;
        if (!compile_jump_if(c, values->items[values->count - 1], cond, label)) return false;
        if (next2 != label) bind_label(c, next2);
        return !c->failed;
    }
    case EXPR_IFEXP: {
        int end = new_label(c), next2 = new_label(c);
        if (!compile_jump_if(c, e->as.ifexp.test, false, next2)) return false;
        if (!compile_jump_if(c, e->as.ifexp.body, cond, label)) return false;
        emit_jump(c, OP_JUMP, end);
        bind_label(c, next2);
        if (!compile_jump_if(c, e->as.ifexp.orelse, cond, label)) return false;
        bind_label(c, end);
        return !c->failed;
    }
    case EXPR_COMPARE:
        if (e->as.compare.count < 2) break;
        return jump_if_chained_compare(c, e, cond, label);
    case EXPR_CONSTANT: {
        int truth = constant_truth(e);
        if (truth < 0) break;
        if ((truth == 1) == cond) emit_jump(c, OP_JUMP, label);
        return !c->failed;
    }
    default: break;
    }
    if (!compile_expr(c, e)) return false;
    emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    return !c->failed;
}

static bool compile_boolop(Compiler *c, Expr *e) {
    ExprList *values = &e->as.boolop.values;
    int end = new_label(c);
    OpCode jump = e->as.boolop.is_and ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    for (int i = 0; i < values->count - 1; i++) {
        compile_expr(c, values->items[i]);
        emit_jump(c, jump, end);
    }
    compile_expr(c, values->items[values->count - 1]);
    bind_label(c, end);
    return !c->failed;
}

static bool compile_ifexp(Compiler *c, Expr *e) {
    int orelse = new_label(c), end = new_label(c);
    if (!compile_jump_if(c, e->as.ifexp.test, false, orelse)) return false;
    compile_expr(c, e->as.ifexp.body);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, orelse);
    compile_expr(c, e->as.ifexp.orelse);
    bind_label(c, end);
    return !c->failed;
}

static bool compile_unaryop(Compiler *c, Expr *e) {
    Value folded;
    if (e->as.unaryop.op == UOP_NEG && fold_constant(c, e, &folded)) {
        emit_const(c, folded);
        return !c->failed;
    }
    if (!compile_expr(c, e->as.unaryop.operand)) return false;
    static const OpCode ops[] = {
        [UOP_NEG] = OP_UNARY_NEGATIVE, [UOP_POS] = OP_UNARY_POSITIVE,
        [UOP_INVERT] = OP_UNARY_INVERT, [UOP_NOT] = OP_UNARY_NOT,
    };
    emit(c, ops[e->as.unaryop.op]);
    return !c->failed;
}

/* ------------------------------------------------------------ displays */

static bool has_starred(ExprList *elts) {
    for (int i = 0; i < elts->count; i++)
        if (elts->items[i]->kind == EXPR_STARRED) return true;
    return false;
}

/* Builds a list, set or tuple from `elts` with `pushed` items already on the
 * stack (CPython's starunpack_helper): one BUILD when it is small and has no
 * `*x`, else BUILD then APPEND/EXTEND item by item; tuples go through a list. */
static bool starunpack(Compiler *c, ExprList *elts, int pushed, OpCode build, OpCode add, OpCode extend,
                       bool tuple) {
    int n = elts->count;
    if (n > 2 && build == OP_BUILD_LIST) {
        Value folded;
        Expr probe = {.kind = EXPR_TUPLE, .as.list = {.elts = *elts, .ctx = CTX_LOAD}};
        if (fold_constant(c, &probe, &folded)) {
            if (tuple && pushed == 0) {
                emit_const(c, folded);
            } else {
                emit_arg(c, OP_BUILD_LIST, pushed);
                emit_const(c, folded);
                emit_arg(c, OP_LIST_EXTEND, 1);
                if (tuple) emit(c, OP_LIST_TO_TUPLE);
            }
            return !c->failed;
        }
    }
    if (n > 2 && build == OP_BUILD_SET) {
        /* As CPython: a display of constants becomes a frozenset constant merged
         * into a new set, which fixes the order the set prints in. */
        Value folded;
        Expr probe = {.kind = EXPR_TUPLE, .as.list = {.elts = *elts, .ctx = CTX_LOAD}};
        if (fold_constant(c, &probe, &folded)) {
            ObjSet *frozen = set_new(c->vm, true);
            ObjTuple *items = AS_TUPLE(folded);
            for (int64_t i = 0; i < items->count; i++) {
                if (!set_add(c->vm, frozen, items->items[i])) {
                    c->vm->exception = EMPTY_VAL;
                    goto not_constant;
                }
            }
            emit_arg(c, OP_BUILD_SET, pushed);
            emit_const(c, OBJ_VAL(frozen));
            emit_arg(c, OP_SET_UPDATE, 1);
            return !c->failed;
        }
    }
not_constant:;
    bool big = n + pushed > STACK_USE_GUIDELINE;
    if (!has_starred(elts) && !big) {
        if (!compile_exprs(c, elts)) return false;
        emit_arg(c, tuple ? OP_BUILD_TUPLE : build, n + pushed);
        return !c->failed;
    }
    bool built = false;
    if (big) {
        emit_arg(c, build, pushed);
        built = true;
    }
    for (int i = 0; i < n; i++) {
        Expr *elt = elts->items[i];
        if (elt->kind == EXPR_STARRED) {
            if (!built) {
                emit_arg(c, build, i + pushed);
                built = true;
            }
            compile_expr(c, elt->as.starred.value);
            emit_arg(c, extend, 1);
        } else {
            compile_expr(c, elt);
            if (built) emit_arg(c, add, 1);
        }
    }
    if (tuple) emit(c, OP_LIST_TO_TUPLE);
    return !c->failed;
}

/* key, value pairs [begin, end) as one BUILD_MAP. */
static void compile_subdict(Compiler *c, Expr *e, int begin, int end) {
    for (int i = begin; i < end; i++) {
        compile_expr(c, e->as.dict.keys.items[i]);
        compile_expr(c, e->as.dict.values.items[i]);
    }
    emit_arg(c, OP_BUILD_MAP, end - begin);
}

/* {a: 1, **b, c: 2}: runs of pairs become BUILD_MAP, merged with DICT_UPDATE. */
static bool compile_dict(Compiler *c, Expr *e) {
    int n = e->as.dict.values.count, elements = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        if (e->as.dict.keys.items[i] == NULL) {
            if (elements > 0) {
                compile_subdict(c, e, i - elements, i);
                if (have_dict) emit_arg(c, OP_DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                emit_arg(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            compile_expr(c, e->as.dict.values.items[i]);
            emit_arg(c, OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            compile_subdict(c, e, i - elements, i + 1);
            if (have_dict) emit_arg(c, OP_DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements > 0) {
        compile_subdict(c, e, n - elements, n);
        if (have_dict) emit_arg(c, OP_DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict) emit_arg(c, OP_BUILD_MAP, 0);
    return !c->failed;
}

static bool compile_tuple(Compiler *c, Expr *e) {
    Value folded;
    if (fold_constant(c, e, &folded)) {
        emit_const(c, folded);
        return !c->failed;
    }
    return starunpack(c, &e->as.list.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true);
}

static bool compile_slice(Compiler *c, Expr *e) {
    if (e->as.slice.lower) compile_expr(c, e->as.slice.lower);
    else emit_none(c);
    if (e->as.slice.upper) compile_expr(c, e->as.slice.upper);
    else emit_none(c);
    if (e->as.slice.step) compile_expr(c, e->as.slice.step);
    emit_arg(c, OP_BUILD_SLICE, e->as.slice.step ? 3 : 2);
    return !c->failed;
}

/* ------------------------------------------------------------ f-strings */

static bool compile_formatted(Compiler *c, Expr *e) {
    compile_expr(c, e->as.formatted.value);
    int flags = 0;
    switch (e->as.formatted.conversion) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    default: flags = 0; break;
    }
    if (e->as.formatted.format_spec) {
        compile_expr(c, e->as.formatted.format_spec);
        flags |= 4;
    }
    emit_arg(c, OP_FORMAT_VALUE, flags);
    return !c->failed;
}

/* Pieces are joined with BUILD_STRING, in chunks so the stack stays small. */
static bool compile_joinedstr(Compiler *c, Expr *e) {
    ExprList *values = &e->as.joinedstr.values;
    if (values->count == 1) return compile_expr(c, values->items[0]);
    int on_stack = 0;
    for (int i = 0; i < values->count; i++) {
        compile_expr(c, values->items[i]);
        if (++on_stack > STACK_USE_GUIDELINE) {
            emit_arg(c, OP_BUILD_STRING, on_stack);
            on_stack = 1;
        }
    }
    emit_arg(c, OP_BUILD_STRING, on_stack); /* f"" is BUILD_STRING 0: '' */
    return !c->failed;
}

/* ------------------------------------------------------------ calls */

/* "keyword argument repeated: x", reported at the repeat, as CPython. */
static bool validate_keywords(Compiler *c, KeywordList *keywords) {
    for (int i = 0; i < keywords->count; i++) {
        Keyword *keyword = keywords->items[i];
        if (keyword->name == NULL) continue;
        for (int j = i + 1; j < keywords->count; j++) {
            Keyword *other = keywords->items[j];
            if (other->name && strcmp(keyword->name, other->name) == 0)
                return compiler_error(c, other->pos, "keyword argument repeated: %s", keyword->name);
        }
    }
    return true;
}

/* The const tuple naming the keyword arguments of CALL_KW / CALL_METHOD_KW. */
static void emit_kwnames(Compiler *c, KeywordList *keywords) {
    Value *names = compiler_realloc(NULL, sizeof(Value) * (size_t)keywords->count);
    for (int i = 0; i < keywords->count; i++) names[i] = OBJ_VAL(intern_name(c, keywords->items[i]->name));
    emit_const(c, OBJ_VAL(tuple_from_values(c->vm, keywords->count, names)));
    free(names);
}

static void compile_keyword_values(Compiler *c, KeywordList *keywords) {
    for (int i = 0; i < keywords->count; i++) compile_expr(c, keywords->items[i]->value);
}

/* name=value keywords [begin, end) as one dict for CALL_EX. */
static void compile_subkwargs(Compiler *c, KeywordList *keywords, int begin, int end) {
    for (int i = begin; i < end; i++) {
        const char *name = keywords->items[i]->name;
        emit_const(c, str_constant(c, name, strlen(name)));
        compile_expr(c, keywords->items[i]->value);
    }
    emit_arg(c, OP_BUILD_MAP, end - begin);
}

bool compile_call_helper(Compiler *c, int prefix, ExprList *args, KeywordList *keywords, Pos pos) {
    if (!validate_keywords(c, keywords)) return false;
    int nargs = args->count, nkw = keywords->count;
    bool simple = nargs + nkw * 2 <= STACK_USE_GUIDELINE && !has_starred(args);
    for (int i = 0; simple && i < nkw; i++)
        if (keywords->items[i]->name == NULL) simple = false;
    if (simple) {
        compile_exprs(c, args);
        if (nkw > 0) {
            compile_keyword_values(c, keywords);
            emit_kwnames(c, keywords);
        }
        c->unit->line = pos.line;
        emit_arg(c, nkw > 0 ? OP_CALL_KW : OP_CALL, prefix + nargs + nkw);
        return !c->failed;
    }
    /* f(*a, **k): a tuple of the positional arguments (always a real tuple), and
     * a fresh dict of the keyword ones merged with DICT_MERGE (which rejects repeats). */
    if (!starunpack(c, args, prefix, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true)) return false;
    if (nkw > 0) {
        bool have_dict = false;
        int seen = 0;
        for (int i = 0; i < nkw; i++) {
            Keyword *keyword = keywords->items[i];
            if (keyword->name != NULL) {
                seen++;
                continue;
            }
            if (seen > 0) {
                compile_subkwargs(c, keywords, i - seen, i);
                if (have_dict) emit_arg(c, OP_DICT_MERGE, 1);
                have_dict = true;
                seen = 0;
            }
            if (!have_dict) {
                emit_arg(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            compile_expr(c, keyword->value);
            emit_arg(c, OP_DICT_MERGE, 1);
        }
        if (seen > 0) {
            compile_subkwargs(c, keywords, nkw - seen, nkw);
            if (have_dict) emit_arg(c, OP_DICT_MERGE, 1);
        }
    }
    c->unit->line = pos.line;
    emit_arg(c, OP_CALL_EX, nkw > 0 ? 1 : 0);
    return !c->failed;
}

/* obj.meth(args) without * or **: LOAD_METHOD spares the bound-method object.
 * The call's line is where the attribute ends, as CPython 3.11 reports it. */
static bool compile_method_call(Compiler *c, Expr *e) {
    Expr *attribute = e->as.call.func;
    ExprList *args = &e->as.call.args;
    KeywordList *keywords = &e->as.call.keywords;
    compile_expr(c, attribute->as.attribute.value);
    int line = attribute->pos.end_line > 0 ? attribute->pos.end_line : e->pos.line;
    c->unit->line = line;
    emit_name(c, OP_LOAD_METHOD, mangle(c, attribute->as.attribute.attr));
    compile_exprs(c, args);
    if (keywords->count > 0) {
        compile_keyword_values(c, keywords);
        emit_kwnames(c, keywords);
    }
    c->unit->line = line;
    int count = args->count + keywords->count;
    emit_arg(c, keywords->count > 0 ? OP_CALL_METHOD_KW : OP_CALL_METHOD, count);
    return !c->failed;
}

static bool is_method_call(Expr *e) {
    Expr *func = e->as.call.func;
    ExprList *args = &e->as.call.args;
    KeywordList *keywords = &e->as.call.keywords;
    if (func->kind != EXPR_ATTRIBUTE || func->as.attribute.ctx != CTX_LOAD) return false;
    if (args->count + keywords->count + (keywords->count != 0) >= STACK_USE_GUIDELINE) return false;
    if (has_starred(args)) return false;
    for (int i = 0; i < keywords->count; i++)
        if (keywords->items[i]->name == NULL) return false;
    return true;
}

static bool compile_call(Compiler *c, Expr *e) {
    if (!validate_keywords(c, &e->as.call.keywords)) return false;
    if (is_method_call(e)) return compile_method_call(c, e);
    if (!compile_expr(c, e->as.call.func)) return false;
    return compile_call_helper(c, 0, &e->as.call.args, &e->as.call.keywords, e->pos);
}

/* ------------------------------------------------------------ comprehensions */

typedef struct {
    ComprehensionKind kind;
    ComprehensionList *generators;
    Expr *elt;    /* the element, or the key of a dict comprehension */
    Expr *value;  /* dict comprehensions only */
} CompSpec;

static bool comprehension_generator(Compiler *c, CompSpec *spec, int index, int depth);

/* The innermost loop adds the element to the result (kept under `depth`
 * iterators), or yields it for a generator expression. */
static void comprehension_element(Compiler *c, CompSpec *spec, int depth) {
    switch (spec->kind) {
    case COMP_GENEXP:
        compile_expr(c, spec->elt);
        emit(c, OP_YIELD_VALUE);
        emit(c, OP_POP_TOP);
        break;
    case COMP_LIST:
        compile_expr(c, spec->elt);
        emit_arg(c, OP_LIST_APPEND, depth + 1);
        break;
    case COMP_SET:
        compile_expr(c, spec->elt);
        emit_arg(c, OP_SET_ADD, depth + 1);
        break;
    case COMP_DICT: /* the key is evaluated before the value, as in {k: v} */
        compile_expr(c, spec->elt);
        compile_expr(c, spec->value);
        emit_arg(c, OP_MAP_ADD, depth + 1);
        break;
    case COMP_NONE: break;
    }
}

static void comprehension_ifs_and_rest(Compiler *c, CompSpec *spec, Comprehension *gen, int index, int depth,
                                       int if_cleanup) {
    compile_store(c, gen->target);
    for (int i = 0; i < gen->ifs.count; i++) compile_jump_if(c, gen->ifs.items[i], false, if_cleanup);
    if (index + 1 < spec->generators->count) comprehension_generator(c, spec, index + 1, depth);
    else comprehension_element(c, spec, depth);
}

static bool comprehension_generator(Compiler *c, CompSpec *spec, int index, int depth) {
    Comprehension *gen = spec->generators->items[index];
    int start = new_label(c), if_cleanup = new_label(c), anchor = new_label(c);
    if (index == 0) {
        emit_arg(c, OP_LOAD_FAST, 0); /* `.0`, the outermost iterator */
    } else {
        compile_expr(c, gen->iter);
        emit(c, gen->is_async ? OP_GET_AITER : OP_GET_ITER);
    }
    bind_label(c, start);
    if (gen->is_async) {
        /* [ait] SETUP_FINALLY; GET_ANEXT; await; POP_BLOCK -> [ait, item];
         * StopAsyncIteration lands at `anchor` as [ait, exc]: END_ASYNC_FOR. */
        emit_jump(c, OP_SETUP_FINALLY, anchor);
        emit(c, OP_GET_ANEXT);
        emit_none(c);
        emit(c, OP_YIELD_FROM);
        emit(c, OP_POP_BLOCK);
    } else {
        emit_jump(c, OP_FOR_ITER, anchor);
    }
    comprehension_ifs_and_rest(c, spec, gen, index, depth + 1, if_cleanup);
    bind_label(c, if_cleanup);
    emit_jump(c, OP_JUMP_BACKWARD, start);
    bind_label(c, anchor);
    if (gen->is_async) emit(c, OP_END_ASYNC_FOR);
    return !c->failed;
}

/* A comprehension is a nested function called with its outermost iterator
 * (evaluated here, in the enclosing scope) as its only argument `.0`. */
static bool compile_comprehension(Compiler *c, Expr *e, const char *name, CompSpec *spec) {
    Comprehension *outermost = spec->generators->items[0];
    UnitKind enclosing = c->unit->kind;
    bool at_prompt = c->top_level_await && enclosing == UNIT_MODULE; /* the REPL awaits at the top level */
    if (!enter_unit(c, UNIT_COMPREHENSION, e, name, e->pos.line)) return false;
    set_pos(c, e->pos);
    c->unit->code->argcount = 1;
    bool is_async = c->unit->scope->is_coroutine;
    if (is_async && spec->kind != COMP_GENEXP && enclosing != UNIT_ASYNC_FUNCTION && enclosing != UNIT_COMPREHENSION &&
        !at_prompt)
        compiler_error(c, e->pos, "asynchronous comprehension outside of an asynchronous function");
    static const OpCode builds[] = {[COMP_LIST] = OP_BUILD_LIST, [COMP_SET] = OP_BUILD_SET, [COMP_DICT] = OP_BUILD_MAP};
    if (spec->kind != COMP_GENEXP) emit_arg(c, builds[spec->kind], 0);
    comprehension_generator(c, spec, 0, 0);
    if (spec->kind != COMP_GENEXP) emit(c, OP_RETURN_VALUE);
    ObjCode *code = exit_unit(c);
    if (code == NULL) return false;
    make_closure(c, code, 0);
    compile_expr(c, outermost->iter);
    set_pos(c, e->pos);
    emit(c, outermost->is_async ? OP_GET_AITER : OP_GET_ITER);
    emit_arg(c, OP_CALL, 1);
    /* An async list/set/dict comprehension is a coroutine: await it here. */
    if (is_async && spec->kind != COMP_GENEXP) {
        if (at_prompt) compiler_top_level_await(c);
        emit_await(c);
    }
    return !c->failed;
}

/* ------------------------------------------------------------ yield, await */

void emit_await(Compiler *c) {
    emit(c, OP_GET_AWAITABLE);
    emit_none(c);
    emit(c, OP_YIELD_FROM);
}

static bool compile_await(Compiler *c, Expr *e) {
    if (!compiler_top_level_await(c)) { /* the REPL allows it at the top level */
        if (c->unit->scope->type != BLOCK_FUNCTION) return compiler_error(c, e->pos, "'await' outside function");
        if (c->unit->kind != UNIT_ASYNC_FUNCTION && c->unit->kind != UNIT_COMPREHENSION)
            return compiler_error(c, e->pos, "'await' outside async function");
    }
    compile_expr(c, e->as.await.value);
    emit_await(c);
    return !c->failed;
}

static bool compile_yield(Compiler *c, Expr *e) {
    if (c->unit->scope->type != BLOCK_FUNCTION) return compiler_error(c, e->pos, "'yield' outside function");
    if (e->kind == EXPR_YIELDFROM) {
        if (c->unit->kind == UNIT_ASYNC_FUNCTION)
            return compiler_error(c, e->pos, "'yield from' inside async function");
        compile_expr(c, e->as.yield.value);
        emit(c, OP_GET_YIELD_FROM_ITER);
        emit_none(c);
        emit(c, OP_YIELD_FROM);
        return !c->failed;
    }
    if (e->as.yield.value) compile_expr(c, e->as.yield.value);
    else emit_none(c);
    emit(c, OP_YIELD_VALUE);
    return !c->failed;
}

/* ------------------------------------------------------------ expressions */

static bool compile_expr_kind(Compiler *c, Expr *e) {
    switch (e->kind) {
    case EXPR_BOOLOP: return compile_boolop(c, e);
    case EXPR_NAMEDEXPR:
        compile_expr(c, e->as.namedexpr.value);
        emit_arg(c, OP_COPY, 1);
        return compile_store(c, e->as.namedexpr.target);
    case EXPR_BINOP:
        compile_expr(c, e->as.binop.left);
        compile_expr(c, e->as.binop.right);
        emit_arg(c, OP_BINARY_OP, (int)e->as.binop.op);
        return !c->failed;
    case EXPR_UNARYOP: return compile_unaryop(c, e);
    case EXPR_LAMBDA: return compile_lambda(c, e);
    case EXPR_IFEXP: return compile_ifexp(c, e);
    case EXPR_DICT: return compile_dict(c, e);
    case EXPR_SET: return starunpack(c, &e->as.set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
    case EXPR_LISTCOMP: {
        CompSpec spec = {COMP_LIST, &e->as.comp.generators, e->as.comp.elt, NULL};
        return compile_comprehension(c, e, "<listcomp>", &spec);
    }
    case EXPR_SETCOMP: {
        CompSpec spec = {COMP_SET, &e->as.comp.generators, e->as.comp.elt, NULL};
        return compile_comprehension(c, e, "<setcomp>", &spec);
    }
    case EXPR_DICTCOMP: {
        CompSpec spec = {COMP_DICT, &e->as.dictcomp.generators, e->as.dictcomp.key, e->as.dictcomp.value};
        return compile_comprehension(c, e, "<dictcomp>", &spec);
    }
    case EXPR_GENERATOREXP: {
        CompSpec spec = {COMP_GENEXP, &e->as.comp.generators, e->as.comp.elt, NULL};
        return compile_comprehension(c, e, "<genexpr>", &spec);
    }
    case EXPR_AWAIT: return compile_await(c, e);
    case EXPR_YIELD:
    case EXPR_YIELDFROM: return compile_yield(c, e);
    case EXPR_COMPARE: return compile_compare(c, e);
    case EXPR_CALL: return compile_call(c, e);
    case EXPR_FORMATTEDVALUE: return compile_formatted(c, e);
    case EXPR_JOINEDSTR: return compile_joinedstr(c, e);
    case EXPR_CONSTANT: return compile_constant(c, e);
    case EXPR_ATTRIBUTE:
        compile_expr(c, e->as.attribute.value);
        emit_name(c, OP_LOAD_ATTR, mangle(c, e->as.attribute.attr));
        return !c->failed;
    case EXPR_SUBSCRIPT:
        compile_expr(c, e->as.subscript.value);
        compile_expr(c, e->as.subscript.slice);
        emit(c, OP_BINARY_SUBSCR);
        return !c->failed;
    case EXPR_STARRED: return compiler_error(c, e->pos, "can't use starred expression here");
    case EXPR_NAME:
        compile_nameop(c, e->as.name.id, CTX_LOAD);
        return !c->failed;
    case EXPR_LIST:
        return starunpack(c, &e->as.list.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, false);
    case EXPR_TUPLE: return compile_tuple(c, e);
    case EXPR_SLICE: return compile_slice(c, e);
    }
    return !c->failed;
}

/* Every instruction of an expression carries the expression's line; the
 * enclosing position comes back afterwards (CPython's SET_LOC discipline). */
bool compile_expr(Compiler *c, Expr *e) {
    if (c->failed || compiler_too_deep(c)) return false;
    Unit *u = c->unit;
    int saved_line = u->line;
    Pos saved_pos = u->pos;
    set_pos(c, e->pos);
    bool ok = compile_expr_kind(c, e);
    u->line = saved_line;
    u->pos = saved_pos;
    return ok && !c->failed;
}

bool compile_exprs(Compiler *c, ExprList *list) {
    for (int i = 0; i < list->count; i++)
        if (!compile_expr(c, list->items[i])) return false;
    return !c->failed;
}

/* ------------------------------------------------------------ targets */

/* [seq] -> its items, first on top: UNPACK_SEQUENCE, or UNPACK_EX around one `*x`. */
static bool unpack_targets(Compiler *c, Expr *e) {
    ExprList *elts = &e->as.list.elts;
    int n = elts->count;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        if (elts->items[i]->kind != EXPR_STARRED) continue;
        if (seen_star) return compiler_error(c, e->pos, "multiple starred expressions in assignment");
        int after = n - i - 1;
        if (i >= 256 || after >= 256)
            return compiler_error(c, e->pos, "too many expressions in star-unpacking assignment");
        emit_arg(c, OP_UNPACK_EX, i | (after << 8));
        seen_star = true;
    }
    if (!seen_star) emit_arg(c, OP_UNPACK_SEQUENCE, n);
    for (int i = 0; i < n; i++) {
        Expr *elt = elts->items[i];
        if (!compile_store(c, elt->kind == EXPR_STARRED ? elt->as.starred.value : elt)) return false;
    }
    return !c->failed;
}

static bool compile_store_kind(Compiler *c, Expr *target) {
    switch (target->kind) {
    case EXPR_NAME: compile_nameop(c, target->as.name.id, CTX_STORE); return !c->failed;
    case EXPR_ATTRIBUTE:
        compile_expr(c, target->as.attribute.value);
        emit_name(c, OP_STORE_ATTR, mangle(c, target->as.attribute.attr));
        return !c->failed;
    case EXPR_SUBSCRIPT:
        compile_expr(c, target->as.subscript.value);
        compile_expr(c, target->as.subscript.slice);
        emit(c, OP_STORE_SUBSCR);
        return !c->failed;
    case EXPR_TUPLE:
    case EXPR_LIST: return unpack_targets(c, target);
    case EXPR_STARRED:
        return compiler_error(c, target->pos, "starred assignment target must be in a list or tuple");
    default: return compiler_error(c, target->pos, "cannot assign to expression");
    }
}

bool compile_store(Compiler *c, Expr *target) {
    if (c->failed) return false;
    Unit *u = c->unit;
    int saved_line = u->line;
    Pos saved_pos = u->pos;
    set_pos(c, target->pos);
    bool ok = compile_store_kind(c, target);
    u->line = saved_line;
    u->pos = saved_pos;
    return ok && !c->failed;
}

bool compile_delete(Compiler *c, Expr *target) {
    if (c->failed) return false;
    set_pos(c, target->pos);
    switch (target->kind) {
    case EXPR_NAME: compile_nameop(c, target->as.name.id, CTX_DEL); break;
    case EXPR_ATTRIBUTE:
        compile_expr(c, target->as.attribute.value);
        emit_name(c, OP_DELETE_ATTR, mangle(c, target->as.attribute.attr));
        break;
    case EXPR_SUBSCRIPT:
        compile_expr(c, target->as.subscript.value);
        compile_expr(c, target->as.subscript.slice);
        emit(c, OP_DELETE_SUBSCR);
        break;
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (int i = 0; i < target->as.list.elts.count; i++)
            if (!compile_delete(c, target->as.list.elts.items[i])) return false;
        break;
    case EXPR_STARRED: return compiler_error(c, target->pos, "cannot delete starred");
    default: return compiler_error(c, target->pos, "cannot delete expression");
    }
    return !c->failed;
}
