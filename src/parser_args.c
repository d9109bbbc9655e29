/* parser_args.c — the parts of the grammar that bind names: assignment and deletion
 * targets (ExprContext), the parameters of def and lambda, and the arguments of a call,
 * with CPython 3.11's messages for each way they go wrong. */
#include "parser_internal.h"

/* ---- targets ---- */

/* How CPython names an expression in "cannot assign to %s" (_PyPegen_get_expr_name). */
const char *parser_describe(const Expr *e)
{
    switch (e->kind) {
    case EXPR_ATTRIBUTE: return "attribute";
    case EXPR_SUBSCRIPT: return "subscript";
    case EXPR_STARRED: return "starred";
    case EXPR_NAME: return "name";
    case EXPR_LIST: return "list";
    case EXPR_TUPLE: return "tuple";
    case EXPR_LAMBDA: return "lambda";
    case EXPR_CALL: return "function call";
    case EXPR_BOOLOP: case EXPR_BINOP: case EXPR_UNARYOP: return "expression";
    case EXPR_GENERATOREXP: return "generator expression";
    case EXPR_YIELD: case EXPR_YIELDFROM: return "yield expression";
    case EXPR_AWAIT: return "await expression";
    case EXPR_LISTCOMP: return "list comprehension";
    case EXPR_SETCOMP: return "set comprehension";
    case EXPR_DICTCOMP: return "dict comprehension";
    case EXPR_DICT: return "dict literal";
    case EXPR_SET: return "set display";
    case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE: return "f-string expression";
    case EXPR_CONSTANT:
        switch (e->as.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_FALSE: return "False";
        case CONST_TRUE: return "True";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case EXPR_COMPARE: return "comparison";
    case EXPR_IFEXP: return "conditional expression";
    case EXPR_NAMEDEXPR: return "named expression";
    case EXPR_SLICE: return "slice";
    }
    return "expression";
}

/* The first part of `e` that cannot be a target, or NULL (_PyPegen_get_invalid_target). */
Expr *parser_invalid_target(Expr *e, TargetsType type)
{
    switch (e->kind) {
    case EXPR_LIST:
    case EXPR_TUPLE:
        for (int i = 0; i < e->as.list.elts.count; i++) {
            Expr *bad = parser_invalid_target(e->as.list.elts.items[i], type);
            if (bad != NULL) return bad;
        }
        return NULL;
    case EXPR_STARRED:
        return type == TARGETS_DEL ? e : parser_invalid_target(e->as.starred.value, type);
    case EXPR_COMPARE:
        /* `for a in b` read as an expression is a comparison: look at its left side. */
        if (type == TARGETS_FOR)
            return e->as.compare.ops[0] == CMP_IN ? parser_invalid_target(e->as.compare.left, type) : NULL;
        return e;
    case EXPR_NAME:
    case EXPR_SUBSCRIPT:
    case EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

void parser_set_context(Expr *e, ExprContext ctx)
{
    switch (e->kind) {
    case EXPR_NAME: e->as.name.ctx = ctx; break;
    case EXPR_ATTRIBUTE: e->as.attribute.ctx = ctx; break;
    case EXPR_SUBSCRIPT: e->as.subscript.ctx = ctx; break;
    case EXPR_STARRED:
        e->as.starred.ctx = ctx;
        parser_set_context(e->as.starred.value, ctx);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        e->as.list.ctx = ctx;
        for (int i = 0; i < e->as.list.elts.count; i++) parser_set_context(e->as.list.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

void parser_make_target(Parser *p, Expr *e, TargetsType type)
{
    Expr *bad = parser_invalid_target(e, type);
    if (bad != NULL) {
        parser_error_at_node(p, bad->pos, type == TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                             parser_describe(bad));
    }
    parser_set_context(e, type == TARGETS_DEL ? CTX_DEL : CTX_STORE);
}

static bool starts_target(TokenKind kind)
{
    return kind == TOK_STAR || parser_starts_expression(kind);
}

static Expr *parse_star_target(Parser *p)
{
    if (!AT(p, TOK_STAR)) return parse_bitwise_or(p);
    Token star = parser_advance(p);
    Expr *value = parse_star_target(p);
    Expr *e = parser_new_expr(p, EXPR_STARRED, parser_span_to_previous(p, parser_token_pos(&star)));
    e->as.starred.value = value;
    return e;
}

/* star_targets of `for` loops and comprehensions: read as expressions up to `in` (no
 * comparisons), then made targets. */
Expr *parse_star_targets(Parser *p)
{
    Pos start = parser_token_pos(CUR(p));
    Expr *first = parse_star_target(p);
    Expr *target = first;
    if (AT(p, TOK_COMMA)) {
        ExprList elts = {0};
        exprlist_push(p->arena, &elts, first);
        while (parser_accept(p, TOK_COMMA) && starts_target(CUR(p)->kind))
            exprlist_push(p->arena, &elts, parse_star_target(p));
        target = parser_tuple_expr(p, elts, parser_span_to_previous(p, start));
    }
    parser_make_target(p, target, TARGETS_FOR);
    return target;
}

void parser_expect_in(Parser *p, Expr *target, const Token *target_first)
{
    if (parser_accept(p, TOK_IN)) return;
    if (parser_starts_expression(CUR(p)->kind)) {
        /* CPython reads the target as an expression here (invalid_for_target). */
        bool bare_tuple = target->kind == EXPR_TUPLE && target != p->last_group;
        Expr *last = bare_tuple ? target->as.list.elts.items[target->as.list.elts.count - 1] : target;
        Token first = *target_first;
        if (bare_tuple) first.kind = TOK_ERROR; /* not the first token of the last element */
        parser_check_adjacent(p, &first, last);
    }
    parser_syntax_error(p);
}

/* ---- parameters of def and lambda ---- */

typedef struct {
    Arguments *args;
    bool lambda;          /* no annotations; the list ends at ':' rather than ')' */
    bool seen_slash, seen_star, seen_default;
    Token star;           /* the first '*', for "* argument may appear only once" */
} ParameterState;

static TokenKind parameters_end(const ParameterState *state)
{
    return state->lambda ? TOK_COLON : TOK_RPAR;
}

static void check_duplicate(Parser *p, const Arguments *args, const Arg *arg)
{
    const ArgList *lists[] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
    for (int l = 0; l < 3; l++) {
        for (int i = 0; i < lists[l]->count; i++) {
            if (strcmp(lists[l]->items[i]->name, arg->name) == 0) goto duplicate;
        }
    }
    if ((args->vararg && strcmp(args->vararg->name, arg->name) == 0) ||
        (args->kwarg && strcmp(args->kwarg->name, arg->name) == 0))
        goto duplicate;
    return;
duplicate:
    parser_error_at_node(p, arg->pos, "duplicate argument '%s' in function definition", arg->name);
}

/* NAME [':' annotation], where `*args` may be annotated with a starred expression. */
static Arg *parse_param(Parser *p, ParameterState *state, bool star_annotation)
{
    Token name = parser_expect(p, TOK_NAME);
    Arg *arg = arena_alloc(p->arena, sizeof *arg);
    arg->name = parser_identifier(p, &name);
    if (!state->lambda && parser_accept(p, TOK_COLON)) {
        if (star_annotation && AT(p, TOK_STAR)) {
            Token star = parser_advance(p);
            Expr *value = parse_bitwise_or(p);
            arg->annotation = parser_new_expr(p, EXPR_STARRED, parser_span_to_previous(p, parser_token_pos(&star)));
            arg->annotation->as.starred.value = value;
        } else {
            arg->annotation = parse_expression(p);
        }
    }
    arg->pos = parser_span_to_previous(p, parser_token_pos(&name));
    check_duplicate(p, state->args, arg);
    return arg;
}

/* '=' expression after a parameter, or NULL. */
static Expr *parse_default(Parser *p, ParameterState *state)
{
    if (!AT(p, TOK_EQUAL)) return NULL;
    Token equal = parser_advance(p);
    if (AT(p, TOK_COMMA) || AT(p, parameters_end(state)))
        parser_error_at_token(p, &equal, "expected default value expression");
    return parse_expression(p);
}

static void parse_slash(Parser *p, ParameterState *state)
{
    Token slash = parser_advance(p);
    Arguments *args = state->args;
    if (state->seen_slash) parser_error_at_token(p, &slash, "/ may appear only once");
    if (state->seen_star) parser_error_at_token(p, &slash, "/ must be ahead of *");
    if (args->args.count == 0) {
        if (AT(p, TOK_COMMA)) parser_error_at_token(p, &slash, "at least one argument must precede /");
        parser_error_at_token(p, &slash, "invalid syntax");
    }
    state->seen_slash = true;
    args->posonlyargs = args->args;
    args->args = (ArgList){0};
}

static void parse_star(Parser *p, ParameterState *state)
{
    Token star = parser_advance(p);
    Arguments *args = state->args;
    if (state->seen_star) parser_error_at_token(p, &star, "* argument may appear only once");
    state->seen_star = true;
    state->star = star;
    if (AT(p, TOK_COMMA) || AT(p, parameters_end(state))) {
        /* A bare '*' must be followed by keyword-only parameters. */
        bool followed = AT(p, TOK_COMMA) && parser_peek(p, 1)->kind == TOK_NAME;
        if (!followed) {
            if (state->lambda) parser_error_at_token(p, parser_peek(p, AT(p, TOK_COMMA) ? 1 : 0),
                                                     "named arguments must follow bare *");
            parser_error_at_token(p, &star, "named arguments must follow bare *");
        }
        return;
    }
    args->vararg = parse_param(p, state, true);
    if (AT(p, TOK_EQUAL)) parser_error_at_token(p, CUR(p), "var-positional argument cannot have default value");
}

static void parse_double_star(Parser *p, ParameterState *state)
{
    parser_advance(p);
    state->args->kwarg = parse_param(p, state, false);
    if (AT(p, TOK_EQUAL)) parser_error_at_token(p, CUR(p), "var-keyword argument cannot have default value");
    if (parser_accept(p, TOK_COMMA) && !AT(p, parameters_end(state))) {
        if (AT(p, TOK_NAME) || AT(p, TOK_STAR) || AT(p, TOK_DOUBLESTAR) || AT(p, TOK_SLASH))
            parser_error_at_token(p, CUR(p), "arguments cannot follow var-keyword argument");
        parser_syntax_error(p);
    }
}

/* One plain parameter, with its default. */
static void parse_plain_parameter(Parser *p, ParameterState *state)
{
    Arguments *args = state->args;
    Arg *arg = parse_param(p, state, false);
    Expr *value = parse_default(p, state);
    if (state->seen_star) {
        LIST_PUSH(p->arena, &args->kwonlyargs, arg);
        exprlist_push(p->arena, &args->kw_defaults, value);
    } else if (value != NULL) {
        state->seen_default = true;
        LIST_PUSH(p->arena, &args->args, arg);
        exprlist_push(p->arena, &args->defaults, value);
    } else {
        if (state->seen_default) {
            if (!AT(p, TOK_COMMA) && !AT(p, parameters_end(state))) parser_syntax_error(p);
            parser_error_at_node(p, arg->pos, "non-default argument follows default argument");
        }
        LIST_PUSH(p->arena, &args->args, arg);
    }
}

/* The parameters up to (not including) ')' for def or ':' for lambda. */
Arguments *parse_parameters(Parser *p, bool lambda)
{
    ParameterState state = {.args = arena_alloc(p->arena, sizeof(Arguments)), .lambda = lambda};
    TokenKind end = parameters_end(&state);
    while (!AT(p, end)) {
        switch (CUR(p)->kind) {
        case TOK_SLASH: parse_slash(p, &state); break;
        case TOK_STAR: parse_star(p, &state); break;
        case TOK_DOUBLESTAR: parse_double_star(p, &state); return state.args;
        case TOK_NAME: parse_plain_parameter(p, &state); break;
        case TOK_LPAR: {
            /* `def f((a, b)):` */
            Token open = *CUR(p);
            int depth = 0;
            for (int ahead = 0;; ahead++) {
                const Token *t = parser_peek(p, ahead);
                if (t->kind == TOK_LPAR) depth++;
                else if (t->kind == TOK_RPAR && --depth == 0) {
                    Token close = *t;
                    parser_error_range(p, parser_token_pos(&open), parser_token_pos(&close), lambda
                                       ? "Lambda expression parameters cannot be parenthesized"
                                       : "Function parameters cannot be parenthesized");
                } else if (t->kind != TOK_NAME && t->kind != TOK_COMMA) {
                    break;
                }
            }
            parser_syntax_error(p);
        }
        default:
            parser_syntax_error(p);
        }
        if (AT(p, end)) break;
        if (AT(p, TOK_STAR) && p->previous.kind == TOK_SLASH)
            parser_error_at_token(p, CUR(p), "expected comma between / and *");
        parser_expect(p, TOK_COMMA);
    }
    return state.args;
}

/* ---- call arguments ---- */

static void check_repeated_keyword(Parser *p, const KeywordList *keywords, const Keyword *keyword)
{
    if (keyword->name == NULL) return;
    for (int i = 0; i < keywords->count; i++) {
        if (keywords->items[i]->name && strcmp(keywords->items[i]->name, keyword->name) == 0)
            parser_error_at_node(p, keyword->pos, "keyword argument repeated: %s", keyword->name);
    }
}

/* `f(x for x in y)`: a generator expression must be the only argument. */
static Expr *call_generator(Parser *p, Expr *call, Expr *elt, const Token *open)
{
    Expr *genexp = parser_new_expr(p, EXPR_GENERATOREXP, parser_token_pos(open));
    genexp->as.comp.elt = elt;
    if (elt->kind == EXPR_STARRED)
        parser_error_at_node(p, elt->pos, "iterable unpacking cannot be used in comprehension");
    parse_comprehension_clauses(p, &genexp->as.comp.generators);
    bool alone = call->as.call.args.count == 0 && call->as.call.keywords.count == 0 && AT(p, TOK_RPAR);
    if (!alone)
        parser_error_range(p, elt->pos, parser_last_comprehension_item(genexp), "Generator expression must be parenthesized");
    genexp->pos = parser_span(parser_token_pos(open), parser_token_pos(CUR(p)));
    return genexp;
}

/* A keyword argument `name=value` (the current token is the name). */
static Keyword *parse_keyword_argument(Parser *p)
{
    Token name = parser_advance(p);
    Token equal = parser_advance(p);
    Keyword *keyword = arena_alloc(p->arena, sizeof *keyword);
    keyword->name = parser_identifier(p, &name);
    keyword->value = parse_expression(p);
    if (AT(p, TOK_FOR))
        parser_error_range(p, parser_token_pos(&name), parser_token_pos(&equal),
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    keyword->pos = parser_span_to_previous(p, parser_token_pos(&name));
    return keyword;
}

/* After '(' of a call (or class bases): arguments up to and including ')'. */
void parse_call_arguments(Parser *p, Expr *call, const Token *open, bool class_bases)
{
    ExprList *args = &call->as.call.args;
    KeywordList *keywords = &call->as.call.keywords;
    bool seen_double_star = false;
    const char *misplaced = NULL; /* a positional argument after keywords */
    while (!AT(p, TOK_RPAR)) {
        TokenKind kind = CUR(p)->kind;
        if (kind == TOK_STAR) {
            Token star = parser_advance(p);
            if (seen_double_star)
                parser_error_at_token(p, &star, "iterable argument unpacking follows keyword argument unpacking");
            Expr *value = parse_expression(p);
            Expr *starred = parser_new_expr(p, EXPR_STARRED, parser_span_to_previous(p, parser_token_pos(&star)));
            starred->as.starred.value = value;
            exprlist_push(p->arena, args, starred);
        } else if (kind == TOK_DOUBLESTAR) {
            Token stars = parser_advance(p);
            Keyword *keyword = arena_alloc(p->arena, sizeof *keyword);
            keyword->value = parse_expression(p);
            keyword->pos = parser_span_to_previous(p, parser_token_pos(&stars));
            LIST_PUSH(p->arena, keywords, keyword);
            seen_double_star = true;
        } else if (kind == TOK_NAME && parser_peek(p, 1)->kind == TOK_EQUAL) {
            Keyword *keyword = parse_keyword_argument(p);
            check_repeated_keyword(p, keywords, keyword);
            LIST_PUSH(p->arena, keywords, keyword);
        } else if ((kind == TOK_TRUE || kind == TOK_FALSE || kind == TOK_NONE) &&
                   parser_peek(p, 1)->kind == TOK_EQUAL) {
            Token constant = *CUR(p);
            parser_error_range(p, parser_token_pos(&constant), parser_token_pos(parser_peek(p, 1)), "cannot assign to %s",
                               lexer_token_spelling(kind));
        } else {
            Expr *value = parse_argument(p);
            if (AT(p, TOK_EQUAL))
                parser_error_range(p, value->pos, parser_token_pos(CUR(p)),
                                   "expression cannot contain assignment, perhaps you meant \"==\"?");
            if (AT(p, TOK_FOR) || (AT(p, TOK_ASYNC) && parser_peek(p, 1)->kind == TOK_FOR)) {
                if (class_bases) parser_syntax_error(p);
                value = call_generator(p, call, value, open);
            }
            if (keywords->count > 0 && misplaced == NULL)
                misplaced = seen_double_star ? "positional argument follows keyword argument unpacking"
                                             : "positional argument follows keyword argument";
            exprlist_push(p->arena, args, value);
        }
        if (!parser_accept(p, TOK_COMMA)) break;
    }
    if (!AT(p, TOK_RPAR)) parser_syntax_error(p);
    if (misplaced) parser_error_at_token(p, CUR(p), "%s", misplaced);
    parser_advance(p);
}
