/* parser_expr.c — expressions, from `x if c else y` and lambda down to atoms, with
 * Python's precedence, displays, comprehensions, calls, subscripts and slices. Rule names
 * follow CPython 3.11's grammar; where CPython has an "invalid_" rule for a better message,
 * the same check runs at the point where the parse would otherwise fail. */
#include "parser_internal.h"

static Expr *parse_lambda(Parser *p);
static Expr *parse_atom(Parser *p);
static Expr *group_contents(Parser *p, const Token *open, TokenKind close);

bool parser_starts_expression(TokenKind kind)
{
    switch (kind) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_ELLIPSIS:
    case TOK_NONE: case TOK_TRUE: case TOK_FALSE: case TOK_NOT: case TOK_LAMBDA: case TOK_AWAIT:
        return true;
    default:
        return false;
    }
}

static bool starts_star_expression(TokenKind kind)
{
    return kind == TOK_STAR || parser_starts_expression(kind);
}

/* CPython 3.11 compares a name with its soft keywords by prefix, so `c`, `ma` or `cas`
 * count as one too (and so change which message a missing comma gets): so here. */
static bool is_soft_keyword(const Token *token)
{
    static const char *const soft_keywords[] = {"match", "case", "_"};
    if (token->kind != TOK_NAME) return false;
    for (size_t i = 0; i < sizeof soft_keywords / sizeof soft_keywords[0]; i++) {
        if (token->length <= strlen(soft_keywords[i]) && memcmp(token->start, soft_keywords[i], token->length) == 0)
            return true;
    }
    return false;
}

static bool same_start(Pos a, Pos b)
{
    return a.line == b.line && a.col == b.col;
}

static Expr *parse_expression_without_invalid(Parser *p)
{
    p->no_invalid_rules++;
    Expr *e = parse_expression(p);
    p->no_invalid_rules--;
    return e;
}

static bool is_legacy_statement(const Expr *e)
{
    return e->kind == EXPR_NAME && (strcmp(e->as.name.id, "print") == 0 || strcmp(e->as.name.id, "exec") == 0);
}

/* `print x` read as Python 2's statement (CPython's invalid_legacy_expression): an error
 * if what follows the name reads as expressions; else nothing. */
static void check_legacy_statement(Parser *p, Expr *name)
{
    Expr *b;
    if (parser_try_expr(p, parse_star_expressions, &b))
        parser_error_range(p, name->pos, b->pos, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                           name->as.name.id, name->as.name.id);
}

/* An expression `a` is followed by the start of another. CPython's second pass then
 * tries invalid_legacy_expression (`print "x"`) and invalid_expression (a missing comma
 * inside brackets); otherwise the caller's "invalid syntax" stands. */
void parser_check_adjacent(Parser *p, const Token *first, Expr *a)
{
    bool bare_name = a->kind == EXPR_NAME && first->kind == TOK_NAME && same_start(a->pos, parser_token_pos(first))
                  && a->pos.end_col == first->end_col && a->pos.end_line == first->end_line;
    if (bare_name && is_legacy_statement(a)) {
        check_legacy_statement(p, a);
        return;
    }
    if ((bare_name && AT(p, TOK_STRING)) || is_soft_keyword(first)) return;
    ParserMark mark = parser_mark(p);
    Expr *b;
    bool ok = parser_try_expr(p, parse_expression_without_invalid, &b);
    int level = p->previous.bracket_depth;
    parser_reset(p, mark);
    parser_release(p);
    if (ok && level > 0) parser_error_range(p, a->pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
Expr *parse_expression(Parser *p)
{
    parser_enter(p);
    Expr *result;
    if (AT(p, TOK_LAMBDA)) {
        result = parse_lambda(p);
    } else {
        Token first = *CUR(p);
        Expr *body = parse_disjunction(p);
        if (AT(p, TOK_IF)) {
            parser_advance(p);
            Expr *test = parse_disjunction(p);
            if (!AT(p, TOK_ELSE)) {
                if (!AT(p, TOK_COLON) && p->no_invalid_rules == 0)
                    parser_error_range(p, body->pos, test->pos, "expected 'else' after 'if' expression");
                parser_syntax_error(p);
            }
            parser_advance(p);
            Expr *orelse = parse_expression(p);
            result = parser_new_expr(p, EXPR_IFEXP, parser_span_to_previous(p, parser_token_pos(&first)));
            result->as.ifexp.test = test;
            result->as.ifexp.body = body;
            result->as.ifexp.orelse = orelse;
        } else {
            if (p->no_invalid_rules == 0 && parser_starts_expression(CUR(p)->kind))
                parser_check_adjacent(p, &first, body);
            result = body;
        }
    }
    parser_leave(p);
    return result;
}

/* ---- `=` where it cannot be: CPython's invalid_named_expression ---- */

/* The kind of the node that starts where `e` starts, deepest first: tells `[a] + b`
 * (starts with a list) from `(a) + b` (starts with a group). */
static ExprKind leftmost_kind(const Expr *e)
{
    for (;;) {
        const Expr *child = NULL;
        switch (e->kind) {
        case EXPR_BINOP: child = e->as.binop.left; break;
        case EXPR_CALL: child = e->as.call.func; break;
        case EXPR_ATTRIBUTE: child = e->as.attribute.value; break;
        case EXPR_SUBSCRIPT: child = e->as.subscript.value; break;
        case EXPR_COMPARE: child = e->as.compare.left; break;
        case EXPR_BOOLOP: child = e->as.boolop.values.items[0]; break;
        case EXPR_IFEXP: child = e->as.ifexp.body; break;
        default: break;
        }
        if (child == NULL || !same_start(child->pos, e->pos)) return e->kind;
        e = child;
    }
}

/* Could `e` have been parsed by CPython's bitwise_or (no comparison, `not`, `and`...)? */
static bool is_bitwise_or(const Expr *e, bool grouped)
{
    if (grouped) return true;
    switch (e->kind) {
    case EXPR_BOOLOP: case EXPR_COMPARE: case EXPR_IFEXP: case EXPR_LAMBDA: case EXPR_STARRED:
    case EXPR_NAMEDEXPR: case EXPR_YIELD: case EXPR_YIELDFROM:
        return false;
    case EXPR_UNARYOP:
        return e->as.unaryop.op != UOP_NOT;
    case EXPR_TUPLE:
        return false; /* a bare tuple; a parenthesized one is grouped */
    default:
        return true;
    }
}

/* The part of `e` (parsed after an '=') that CPython's bitwise_or reads first, or NULL
 * when e starts with `not`, lambda, '*' or yield. A child that starts where its parent
 * does was not written in parentheses. */
Expr *parser_bitwise_or_prefix(Expr *e, bool grouped)
{
    while (!grouped) {
        Expr *child;
        switch (e->kind) {
        case EXPR_TUPLE: child = e->as.list.elts.count ? e->as.list.elts.items[0] : NULL; break;
        case EXPR_COMPARE: child = e->as.compare.left; break;
        case EXPR_BOOLOP: child = e->as.boolop.values.items[0]; break;
        case EXPR_IFEXP: child = e->as.ifexp.body; break;
        case EXPR_LAMBDA: case EXPR_STARRED: case EXPR_YIELD: case EXPR_YIELDFROM: case EXPR_NAMEDEXPR:
            return NULL;
        case EXPR_UNARYOP: return e->as.unaryop.op == UOP_NOT ? NULL : e;
        default: return e;
        }
        if (child == NULL) return e; /* () */
        grouped = !same_start(child->pos, e->pos);
        e = child;
    }
    return e;
}

void parser_check_misplaced_equal(Parser *p, Expr *a, const Token *first, bool grouped)
{
    if (p->no_invalid_rules > 0) return;
    ParserMark mark = parser_mark(p);
    parser_advance(p); /* '=' */
    Expr *b;
    bool ok = parser_try_expr(p, parse_bitwise_or, &b);
    bool chained = ok && (AT(p, TOK_EQUAL) || AT(p, TOK_COLONEQUAL));
    parser_reset(p, mark);
    parser_release(p);
    if (ok && !chained) parser_misplaced_equal(p, a, first, grouped, b);
}

void parser_misplaced_equal(Parser *p, Expr *a, const Token *first, bool grouped, Expr *b)
{
    if (a->kind == EXPR_NAME && !grouped && first->kind == TOK_NAME)
        parser_error_range(p, a->pos, b->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (first->kind == TOK_TRUE || first->kind == TOK_FALSE || first->kind == TOK_NONE) return;
    ExprKind start = leftmost_kind(a);
    if ((first->kind == TOK_LSQB && start == EXPR_LIST) ||
        (first->kind == TOK_LPAR && (start == EXPR_TUPLE || start == EXPR_GENERATOREXP)))
        return;
    if (is_bitwise_or(a, grouped))
        parser_error_at_node(p, a->pos, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                             parser_describe(a));
}

/* assignment_expression | expression, as a call's argument (where CPython's
 * invalid_kwarg, not invalid_named_expression, explains a misplaced '='). */
Expr *parse_argument(Parser *p)
{
    if (AT(p, TOK_NAME) && parser_peek(p, 1)->kind == TOK_COLONEQUAL) {
        Token name = parser_advance(p);
        parser_advance(p);
        Expr *value = parse_expression(p);
        Expr *e = parser_new_expr(p, EXPR_NAMEDEXPR, parser_span_to_previous(p, parser_token_pos(&name)));
        e->as.namedexpr.target = parser_name_expr(p, &name, CTX_STORE);
        e->as.namedexpr.value = value;
        return e;
    }
    Expr *e = parse_expression(p);
    if (AT(p, TOK_COLONEQUAL) && p->no_invalid_rules == 0)
        parser_error_at_node(p, e->pos, "cannot use assignment expressions with %s", parser_describe(e));
    return e;
}

/* named_expression: NAME ':=' expression | expression */
Expr *parse_named_expression(Parser *p)
{
    Token first = *CUR(p);
    Expr *e = parse_argument(p);
    if (AT(p, TOK_EQUAL) && e->kind != EXPR_NAMEDEXPR)
        parser_check_misplaced_equal(p, e, &first, e == p->last_group);
    return e;
}

/* '*' bitwise_or, as in star_expression and star_named_expression. */
static Expr *parse_starred(Parser *p)
{
    Token star = parser_advance(p);
    Expr *value = parse_bitwise_or(p);
    Expr *e = parser_new_expr(p, EXPR_STARRED, parser_span_to_previous(p, parser_token_pos(&star)));
    e->as.starred.value = value;
    e->as.starred.ctx = CTX_LOAD;
    return e;
}

Expr *parse_star_expression(Parser *p)
{
    return AT(p, TOK_STAR) ? parse_starred(p) : parse_expression(p);
}

static Expr *parse_star_named_expression(Parser *p)
{
    return AT(p, TOK_STAR) ? parse_starred(p) : parse_named_expression(p);
}

/* A comma-separated run of `item`s: one item alone, else a Tuple (trailing comma allowed). */
static Expr *parse_tuple_of(Parser *p, Expr *(*item)(Parser *))
{
    Pos start = parser_token_pos(CUR(p));
    Expr *first = item(p);
    if (!AT(p, TOK_COMMA)) return first;
    ExprList elts = {0};
    exprlist_push(p->arena, &elts, first);
    while (parser_accept(p, TOK_COMMA)) {
        if (!starts_star_expression(CUR(p)->kind)) break;
        exprlist_push(p->arena, &elts, item(p));
    }
    return parser_tuple_expr(p, elts, parser_span_to_previous(p, start));
}

Expr *parse_star_expressions(Parser *p)
{
    return parse_tuple_of(p, parse_star_expression);
}

Expr *parse_star_named_expressions(Parser *p)
{
    return parse_tuple_of(p, parse_star_named_expression);
}

/* ---- boolean operators and comparisons ---- */

static Expr *parse_conjunction(Parser *p);
static Expr *parse_inversion(Parser *p);

static Expr *parse_boolop(Parser *p, TokenKind op, Expr *(*operand)(Parser *))
{
    Pos start = parser_token_pos(CUR(p));
    Expr *first = operand(p);
    if (!AT(p, op)) return first;
    Expr *e = parser_new_expr(p, EXPR_BOOLOP, start);
    e->as.boolop.is_and = op == TOK_AND;
    exprlist_push(p->arena, &e->as.boolop.values, first);
    while (parser_accept(p, op)) exprlist_push(p->arena, &e->as.boolop.values, operand(p));
    e->pos = parser_span_to_previous(p, start);
    return e;
}

Expr *parse_disjunction(Parser *p)
{
    return parse_boolop(p, TOK_OR, parse_conjunction);
}

static Expr *parse_conjunction(Parser *p)
{
    return parse_boolop(p, TOK_AND, parse_inversion);
}

static Expr *parse_comparison(Parser *p);

static Expr *parse_inversion(Parser *p)
{
    if (!AT(p, TOK_NOT)) return parse_comparison(p);
    Token not_token = parser_advance(p);
    parser_enter(p);
    Expr *operand = parse_inversion(p);
    parser_leave(p);
    Expr *e = parser_new_expr(p, EXPR_UNARYOP, parser_span_to_previous(p, parser_token_pos(&not_token)));
    e->as.unaryop.op = UOP_NOT;
    e->as.unaryop.operand = operand;
    return e;
}

/* The comparison operator at the current token (two tokens for `not in`, `is not`),
 * consuming it; false if there is none. */
static bool accept_comparison_operator(Parser *p, CompareOperator *op)
{
    switch (CUR(p)->kind) {
    case TOK_EQEQUAL: *op = CMP_EQ; break;
    case TOK_NOTEQUAL: *op = CMP_NE; break;
    case TOK_LESS: *op = CMP_LT; break;
    case TOK_LESSEQUAL: *op = CMP_LE; break;
    case TOK_GREATER: *op = CMP_GT; break;
    case TOK_GREATEREQUAL: *op = CMP_GE; break;
    case TOK_IN: *op = CMP_IN; break;
    case TOK_IS:
        parser_advance(p);
        *op = parser_accept(p, TOK_NOT) ? CMP_IS_NOT : CMP_IS;
        return true;
    case TOK_NOT:
        if (parser_peek_far(p, 1)->kind != TOK_IN) return false;
        parser_advance(p);
        *op = CMP_NOT_IN;
        break;
    default:
        return false;
    }
    parser_advance(p);
    return true;
}

static Expr *parse_comparison(Parser *p)
{
    Pos start = parser_token_pos(CUR(p));
    Expr *left = parse_bitwise_or(p);
    CompareOperator op;
    if (!accept_comparison_operator(p, &op)) return left;
    int count = 0, capacity = 0;
    CompareOperator *ops = NULL;
    Expr **comparators = NULL;
    do {
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 2;
            CompareOperator *more_ops = arena_alloc(p->arena, sizeof *ops * (size_t)capacity);
            Expr **more_comparators = arena_alloc(p->arena, sizeof *comparators * (size_t)capacity);
            if (count > 0) {
                memcpy(more_ops, ops, sizeof *ops * (size_t)count);
                memcpy(more_comparators, comparators, sizeof *comparators * (size_t)count);
            }
            ops = more_ops;
            comparators = more_comparators;
        }
        ops[count] = op;
        comparators[count++] = parse_bitwise_or(p);
    } while (accept_comparison_operator(p, &op));
    Expr *e = parser_new_expr(p, EXPR_COMPARE, parser_span_to_previous(p, start));
    e->as.compare.left = left;
    e->as.compare.count = count;
    e->as.compare.ops = ops;
    e->as.compare.comparators = comparators;
    return e;
}

/* ---- binary operators, tightest last ---- */

static bool binary_operator(TokenKind kind, int level, BinaryOperator *op)
{
    static const struct { TokenKind token; int level; BinaryOperator op; } table[] = {
        {TOK_VBAR, 0, OPR_BITOR}, {TOK_CIRCUMFLEX, 1, OPR_BITXOR}, {TOK_AMPER, 2, OPR_BITAND},
        {TOK_LEFTSHIFT, 3, OPR_LSHIFT}, {TOK_RIGHTSHIFT, 3, OPR_RSHIFT},
        {TOK_PLUS, 4, OPR_ADD}, {TOK_MINUS, 4, OPR_SUB},
        {TOK_STAR, 5, OPR_MUL}, {TOK_SLASH, 5, OPR_DIV}, {TOK_DOUBLESLASH, 5, OPR_FLOORDIV},
        {TOK_PERCENT, 5, OPR_MOD}, {TOK_AT, 5, OPR_MATMUL},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].token == kind && table[i].level == level) {
            *op = table[i].op;
            return true;
        }
    }
    return false;
}

static Expr *parse_factor(Parser *p);

/* Levels 0..5: | ^ & (<< >>) (+ -) (* / // % @), all left-associative. */
static Expr *parse_binary(Parser *p, int level)
{
    Pos start = parser_token_pos(CUR(p));
    Expr *left = level == 5 ? parse_factor(p) : parse_binary(p, level + 1);
    BinaryOperator op;
    while (binary_operator(CUR(p)->kind, level, &op)) {
        parser_advance(p);
        Expr *right = level == 5 ? parse_factor(p) : parse_binary(p, level + 1);
        Expr *e = parser_new_expr(p, EXPR_BINOP, parser_span_to_previous(p, start));
        e->as.binop.op = op;
        e->as.binop.left = left;
        e->as.binop.right = right;
        left = e;
    }
    return left;
}

Expr *parse_bitwise_or(Parser *p)
{
    return parse_binary(p, 0);
}

static Expr *parse_power(Parser *p);

/* factor: ('+' | '-' | '~') factor | power  — so -2**2 is -(2**2). */
static Expr *parse_factor(Parser *p)
{
    UnaryOperator op;
    switch (CUR(p)->kind) {
    case TOK_MINUS: op = UOP_NEG; break;
    case TOK_PLUS: op = UOP_POS; break;
    case TOK_TILDE: op = UOP_INVERT; break;
    default: return parse_power(p);
    }
    Token sign = parser_advance(p);
    parser_enter(p);
    Expr *operand = parse_factor(p);
    parser_leave(p);
    Expr *e = parser_new_expr(p, EXPR_UNARYOP, parser_span_to_previous(p, parser_token_pos(&sign)));
    e->as.unaryop.op = op;
    e->as.unaryop.operand = operand;
    return e;
}

static Expr *parse_primary(Parser *p);

/* power: await_primary ['**' factor]  — right-associative through factor. */
static Expr *parse_power(Parser *p)
{
    Pos start = parser_token_pos(CUR(p));
    Expr *left;
    if (AT(p, TOK_AWAIT)) {
        parser_advance(p);
        Expr *value = parse_primary(p);
        left = parser_new_expr(p, EXPR_AWAIT, parser_span_to_previous(p, start));
        left->as.await.value = value;
    } else {
        left = parse_primary(p);
    }
    if (!parser_accept(p, TOK_DOUBLESTAR)) return left;
    parser_enter(p);
    Expr *right = parse_factor(p);
    parser_leave(p);
    Expr *e = parser_new_expr(p, EXPR_BINOP, parser_span_to_previous(p, start));
    e->as.binop.op = OPR_POW;
    e->as.binop.left = left;
    e->as.binop.right = right;
    return e;
}

/* ---- primaries: atom followed by .name, (args), [slices] ---- */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Expr *parse_slice(Parser *p)
{
    if (AT(p, TOK_STAR)) {
        Token star = parser_advance(p);
        Expr *value = parse_expression(p);
        Expr *e = parser_new_expr(p, EXPR_STARRED, parser_span_to_previous(p, parser_token_pos(&star)));
        e->as.starred.value = value;
        e->as.starred.ctx = CTX_LOAD;
        return e;
    }
    Expr *lower = NULL;
    Pos start = parser_token_pos(CUR(p));
    if (!AT(p, TOK_COLON)) {
        lower = parse_named_expression(p);
        if (!AT(p, TOK_COLON)) return lower;
    }
    parser_advance(p);
    Expr *upper = NULL, *step = NULL;
    if (parser_starts_expression(CUR(p)->kind)) upper = parse_expression(p);
    if (parser_accept(p, TOK_COLON) && parser_starts_expression(CUR(p)->kind)) step = parse_expression(p);
    Expr *e = parser_new_expr(p, EXPR_SLICE, parser_span_to_previous(p, start));
    e->as.slice.lower = lower;
    e->as.slice.upper = upper;
    e->as.slice.step = step;
    return e;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Expr *parse_slices(Parser *p)
{
    Pos start = parser_token_pos(CUR(p));
    Expr *first = parse_slice(p);
    if (!AT(p, TOK_COMMA) && first->kind != EXPR_STARRED) return first;
    ExprList elts = {0};
    exprlist_push(p->arena, &elts, first);
    while (parser_accept(p, TOK_COMMA)) {
        if (!AT(p, TOK_COLON) && !starts_star_expression(CUR(p)->kind)) break;
        exprlist_push(p->arena, &elts, parse_slice(p));
    }
    return parser_tuple_expr(p, elts, parser_span_to_previous(p, start));
}

static void parse_subscript_trailer(Parser *p, void *context)
{
    UNUSED(context);
    parser_advance(p);
    parse_slices(p);
    parser_expect(p, TOK_RSQB);
}

static Expr *parse_primary(Parser *p)
{
    Pos start = parser_token_pos(CUR(p));
    Expr *e = parse_atom(p);
    if (is_legacy_statement(e) && AT(p, TOK_LSQB) && p->no_invalid_rules == 0) {
        /* `print [x for x in y]`: a subscript that fails may be Python 2's print. */
        ParserMark mark = parser_mark(p);
        if (!parser_try(p, parse_subscript_trailer, NULL)) check_legacy_statement(p, e);
        parser_reset(p, mark);
        parser_release(p);
    }
    for (;;) {
        if (AT(p, TOK_DOT)) {
            parser_advance(p);
            Token name = parser_expect(p, TOK_NAME);
            Expr *attribute = parser_new_expr(p, EXPR_ATTRIBUTE, parser_span_to_previous(p, start));
            attribute->as.attribute.value = e;
            attribute->as.attribute.attr = parser_identifier(p, &name);
            attribute->as.attribute.ctx = CTX_LOAD;
            e = attribute;
        } else if (AT(p, TOK_LPAR)) {
            Token open = parser_advance(p);
            Expr *call = parser_new_expr(p, EXPR_CALL, e->pos);
            call->as.call.func = e;
            parse_call_arguments(p, call, &open, false);
            call->pos = parser_span_to_previous(p, start);
            e = call;
        } else if (AT(p, TOK_LSQB)) {
            parser_advance(p);
            Expr *slice = parse_slices(p);
            parser_expect(p, TOK_RSQB);
            Expr *subscript = parser_new_expr(p, EXPR_SUBSCRIPT, parser_span_to_previous(p, start));
            subscript->as.subscript.value = e;
            subscript->as.subscript.slice = slice;
            subscript->as.subscript.ctx = CTX_LOAD;
            e = subscript;
        } else {
            return e;
        }
    }
}

/* ---- comprehensions ---- */

static bool at_comprehension(Parser *p)
{
    return AT(p, TOK_FOR) || (AT(p, TOK_ASYNC) && parser_peek(p, 1)->kind == TOK_FOR);
}

/* for_if_clauses: (ASYNC? 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
void parse_comprehension_clauses(Parser *p, ComprehensionList *generators)
{
    while (at_comprehension(p)) {
        Comprehension *clause = arena_alloc(p->arena, sizeof *clause);
        clause->is_async = parser_accept(p, TOK_ASYNC);
        parser_advance(p); /* for */
        Token first = *CUR(p);
        clause->target = parse_star_targets(p);
        parser_expect_in(p, clause->target, &first);
        clause->iter = parse_disjunction(p);
        while (parser_accept(p, TOK_IF)) exprlist_push(p->arena, &clause->ifs, parse_disjunction(p));
        LIST_PUSH(p->arena, generators, clause);
    }
}

static Expr *comprehension(Parser *p, ExprKind kind, Expr *elt, Pos start)
{
    if (elt->kind == EXPR_STARRED)
        parser_error_at_node(p, elt->pos, "iterable unpacking cannot be used in comprehension");
    Expr *e = parser_new_expr(p, kind, start);
    e->as.comp.elt = elt;
    parse_comprehension_clauses(p, &e->as.comp.generators);
    return e;
}

/* The last item of a comprehension, where CPython's caret run ends. */
static Pos last_comprehension_item(const ComprehensionList *generators)
{
    const Comprehension *last = generators->items[generators->count - 1];
    return last->ifs.count > 0 ? last->ifs.items[last->ifs.count - 1]->pos : last->iter->pos;
}

Pos parser_last_comprehension_item(const Expr *comprehension)
{
    return last_comprehension_item(&comprehension->as.comp.generators);
}

/* ---- atoms ---- */

/* After '(' (or, for an f-string's field, at its start): a group, tuple, generator
 * expression or yield; consumes `close`. Whatever it returns was written in parentheses,
 * which p->last_group remembers. */
Expr *parse_group_contents(Parser *p, const Token *open, TokenKind close)
{
    Expr *e = group_contents(p, open, close);
    p->last_group = e;
    return e;
}
static Expr *group_contents(Parser *p, const Token *open, TokenKind close)
{
    Pos start = open ? parser_token_pos(open) : parser_token_pos(CUR(p));
    if (open && AT(p, close)) {
        parser_advance(p);
        return parser_tuple_expr(p, (ExprList){0}, parser_span_to_previous(p, start));
    }
    if (AT(p, TOK_YIELD)) {
        Expr *e = parse_yield_expr(p);
        parser_expect(p, close);
        return e;
    }
    if (AT(p, TOK_DOUBLESTAR)) {
        Token stars = *CUR(p);
        parser_advance(p);
        parse_expression(p);
        if (AT(p, close)) parser_error_at_token(p, &stars, "cannot use double starred expression here");
        parser_syntax_error(p);
    }
    Expr *first = parse_star_named_expression(p);
    if (at_comprehension(p)) {
        Expr *e = comprehension(p, EXPR_GENERATOREXP, first, start);
        parser_expect(p, close);
        e->pos = parser_span_to_previous(p, start);
        return e;
    }
    if (AT(p, TOK_COMMA)) {
        ExprList elts = {0};
        exprlist_push(p->arena, &elts, first);
        while (parser_accept(p, TOK_COMMA) && !AT(p, close))
            exprlist_push(p->arena, &elts, parse_star_named_expression(p));
        parser_expect(p, close);
        /* In an f-string's field CPython reads "(a, b)" in place of "{a, b}". */
        return parser_tuple_expr(p, elts, open ? parser_span_to_previous(p, start) : p->fstring_group);
    }
    if (!AT(p, close)) parser_syntax_error(p);
    if (first->kind == EXPR_STARRED) parser_error_at_node(p, first->pos, "cannot use starred expression here");
    parser_advance(p);
    return first;
}

/* `[a, b for x in y]`: CPython's invalid_comprehension. The caret runs to the last
 * element, or to the comma after a single one. */
static void check_forgotten_parentheses(Parser *p, const ExprList *elts)
{
    if (!at_comprehension(p) || (elts->count == 1 && p->previous.kind != TOK_COMMA)) return;
    Pos to = elts->count > 1 ? elts->items[elts->count - 1]->pos : parser_token_pos(&p->previous);
    parser_error_range(p, elts->items[0]->pos, to, "did you forget parentheses around the comprehension target?");
}

/* The elements of a list or set display after the first, up to (not including) `close`. */
static void parse_display_items(Parser *p, ExprList *elts, TokenKind close)
{
    while (parser_accept(p, TOK_COMMA)) {
        check_forgotten_parentheses(p, elts);
        if (AT(p, close)) break;
        exprlist_push(p->arena, elts, parse_star_named_expression(p));
    }
    check_forgotten_parentheses(p, elts);
}

/* '[' ... ']': a list or a list comprehension. */
static Expr *parse_list(Parser *p)
{
    Token open = parser_advance(p);
    Pos start = parser_token_pos(&open);
    Expr *e = parser_new_expr(p, EXPR_LIST, start);
    e->as.list.ctx = CTX_LOAD;
    if (!AT(p, TOK_RSQB)) {
        Expr *first = parse_star_named_expression(p);
        if (at_comprehension(p)) {
            e = comprehension(p, EXPR_LISTCOMP, first, start);
        } else {
            exprlist_push(p->arena, &e->as.list.elts, first);
            parse_display_items(p, &e->as.list.elts, TOK_RSQB);
        }
    }
    parser_expect(p, TOK_RSQB);
    e->pos = parser_span_to_previous(p, start);
    return e;
}

/* The value after `key:` in a dict display. */
static Expr *parse_dict_value(Parser *p, const Token *colon)
{
    if (AT(p, TOK_STAR)) {
        /* CPython's caret runs to where its tokenizer stands: past the next token. */
        Pos star = parser_token_pos(CUR(p));
        parser_advance(p);
        parse_bitwise_or(p);
        parser_error_from(p, star, CUR(p)->end_col, "cannot use a starred expression in a dictionary value");
    }
    if (AT(p, TOK_RBRACE) || AT(p, TOK_COMMA))
        parser_error_at_token(p, colon, "expression expected after dictionary key and ':'");
    return parse_expression(p);
}

/* The rest of a dict display after its first key and value. */
static void parse_dict_items(Parser *p, Expr *dict)
{
    while (parser_accept(p, TOK_COMMA) && !AT(p, TOK_RBRACE)) {
        if (parser_accept(p, TOK_DOUBLESTAR)) {
            exprlist_push(p->arena, &dict->as.dict.keys, NULL);
            exprlist_push(p->arena, &dict->as.dict.values, parse_bitwise_or(p));
            continue;
        }
        Expr *key = parse_expression(p);
        if (!AT(p, TOK_COLON)) {
            if (AT(p, TOK_COMMA) || AT(p, TOK_RBRACE))
                parser_error(p, "SyntaxError", key->pos.line, key->pos.end_col - 1, key->pos.end_line, -1,
                             "':' expected after dictionary key");
            parser_syntax_error(p);
        }
        Token colon = parser_advance(p);
        exprlist_push(p->arena, &dict->as.dict.keys, key);
        exprlist_push(p->arena, &dict->as.dict.values, parse_dict_value(p, &colon));
    }
}

/* '{' ... '}': dict, set, or their comprehensions. */
static Expr *parse_braces(Parser *p)
{
    Token open = parser_advance(p);
    Pos start = parser_token_pos(&open);
    Expr *e;
    if (AT(p, TOK_RBRACE)) {
        e = parser_new_expr(p, EXPR_DICT, start);
    } else if (AT(p, TOK_DOUBLESTAR)) {
        Token stars = parser_advance(p);
        Expr *value = parse_bitwise_or(p);
        if (at_comprehension(p)) parser_error_at_token(p, &stars, "dict unpacking cannot be used in dict comprehension");
        e = parser_new_expr(p, EXPR_DICT, start);
        exprlist_push(p->arena, &e->as.dict.keys, NULL);
        exprlist_push(p->arena, &e->as.dict.values, value);
        parse_dict_items(p, e);
    } else {
        Expr *first = parse_star_named_expression(p);
        if (AT(p, TOK_COLON) && first->kind != EXPR_STARRED) {
            Token colon = parser_advance(p);
            Expr *value = parse_dict_value(p, &colon);
            if (at_comprehension(p)) {
                e = parser_new_expr(p, EXPR_DICTCOMP, start);
                e->as.dictcomp.key = first;
                e->as.dictcomp.value = value;
                parse_comprehension_clauses(p, &e->as.dictcomp.generators);
            } else {
                e = parser_new_expr(p, EXPR_DICT, start);
                exprlist_push(p->arena, &e->as.dict.keys, first);
                exprlist_push(p->arena, &e->as.dict.values, value);
                parse_dict_items(p, e);
            }
        } else if (at_comprehension(p)) {
            e = comprehension(p, EXPR_SETCOMP, first, start);
        } else {
            e = parser_new_expr(p, EXPR_SET, start);
            exprlist_push(p->arena, &e->as.set.elts, first);
            parse_display_items(p, &e->as.set.elts, TOK_RBRACE);
        }
    }
    parser_expect(p, TOK_RBRACE);
    e->pos = parser_span_to_previous(p, start);
    return e;
}

static Expr *constant(Parser *p, ConstantKind kind)
{
    Token token = parser_advance(p);
    Expr *e = parser_new_expr(p, EXPR_CONSTANT, parser_token_pos(&token));
    e->as.constant.kind = kind;
    return e;
}

static Expr *parse_atom(Parser *p)
{
    switch (CUR(p)->kind) {
    case TOK_NAME: {
        Token name = parser_advance(p);
        return parser_name_expr(p, &name, CTX_LOAD);
    }
    case TOK_TRUE: return constant(p, CONST_TRUE);
    case TOK_FALSE: return constant(p, CONST_FALSE);
    case TOK_NONE: return constant(p, CONST_NONE);
    case TOK_ELLIPSIS: return constant(p, CONST_ELLIPSIS);
    case TOK_NUMBER: return parse_number(p);
    case TOK_STRING: return parse_strings(p);
    case TOK_LPAR: {
        Token open = parser_advance(p);
        return parse_group_contents(p, &open, TOK_RPAR);
    }
    case TOK_LSQB: return parse_list(p);
    case TOK_LBRACE: return parse_braces(p);
    default: parser_syntax_error(p);
    }
}

/* ---- lambda and yield ---- */

static Expr *parse_lambda(Parser *p)
{
    Token keyword = parser_advance(p);
    Arguments *args = parse_parameters(p, true);
    parser_expect(p, TOK_COLON);
    Expr *body = parse_expression(p);
    Expr *e = parser_new_expr(p, EXPR_LAMBDA, parser_span_to_previous(p, parser_token_pos(&keyword)));
    e->as.lambda.args = args;
    e->as.lambda.body = body;
    return e;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
Expr *parse_yield_expr(Parser *p)
{
    Token keyword = parser_advance(p);
    Pos start = parser_token_pos(&keyword);
    if (parser_accept(p, TOK_FROM)) {
        Expr *value = parse_expression(p);
        Expr *e = parser_new_expr(p, EXPR_YIELDFROM, parser_span_to_previous(p, start));
        e->as.yield.value = value;
        return e;
    }
    Expr *value = starts_star_expression(CUR(p)->kind) ? parse_star_expressions(p) : NULL;
    Expr *e = parser_new_expr(p, EXPR_YIELD, parser_span_to_previous(p, start));
    e->as.yield.value = value;
    return e;
}
