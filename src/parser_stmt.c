/* parser_stmt.c — statements: the simple statements of a logical line (assignments in
 * all their forms, import, del, return...), and compound statements with their blocks.
 * `match` is recognised, as CPython's soft keyword, only to say handoff lacks it. */
#include "parser_internal.h"

static void parse_statement(Parser *p, StmtList *body);
static void parse_simple_statements(Parser *p, StmtList *body);

static Pos end_of_body(const StmtList *body)
{
    return body->items[body->count - 1]->pos;
}

/* "expected an indented block after 'if' statement on line 3": where the input simply
 * ended, the REPL should read on, so the diagnostic is marked incomplete. */
static _Noreturn void indentation_error(Parser *p, const Token *at, const char *what, int line)
{
    Token token = *at;
    int end_col = token.end_line == token.line ? token.end_col : -1;
    bool ended = parser_at_end_of_input(p);
    parser_report(p, "IndentationError", token.line, parser_error_col(p, &token), token.line, end_col,
                  "expected an indented block after %s on line %d", what, line);
    p->diag->incomplete = ended;
    parser_fail(p);
}

/* ':' ending a compound statement's header. CPython says "expected ':'" where the line
 * ends instead, or (for `def`, `try`, `else`, `finally`: forced) wherever it is missing. */
static void expect_colon(Parser *p, bool forced)
{
    if (parser_accept(p, TOK_COLON)) return;
    if (forced || AT(p, TOK_NEWLINE)) parser_error_at_token(p, CUR(p), "expected ':'");
    parser_syntax_error(p);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static void parse_block(Parser *p, StmtList *body, const Token *header, const char *what)
{
    if (!AT(p, TOK_NEWLINE)) {
        parse_simple_statements(p, body);
        return;
    }
    parser_advance(p);
    if (!AT(p, TOK_INDENT)) indentation_error(p, CUR(p), what, header->line);
    parser_advance(p);
    while (!AT(p, TOK_DEDENT)) parse_statement(p, body);
    parser_advance(p);
}

static void parse_else_block(Parser *p, StmtList *orelse)
{
    Token keyword = parser_advance(p);
    expect_colon(p, true);
    parse_block(p, orelse, &keyword, "'else' statement");
}

/* ---- simple statements ---- */

/* What an assignment's first target list ends with, for CPython's messages about `=`. */
typedef struct {
    Expr *last;          /* the last element (the whole expression if not a tuple) */
    Token first;         /* its first token */
    bool grouped;        /* it was written in parentheses */
} LastElement;

/* yield_expr | star_expressions, noting the last element. */
static Expr *parse_statement_expressions(Parser *p, LastElement *last)
{
    last->first = *CUR(p);
    if (AT(p, TOK_YIELD)) {
        last->last = parse_yield_expr(p);
        last->grouped = false;
        return last->last;
    }
    Pos start = parser_token_pos(CUR(p));
    Expr *item = parse_star_expression(p);
    last->last = item;
    last->grouped = item == p->last_group;
    if (!AT(p, TOK_COMMA)) return item;
    ExprList elts = {0};
    exprlist_push(p->arena, &elts, item);
    while (parser_accept(p, TOK_COMMA)) {
        if (!AT(p, TOK_STAR) && !parser_starts_expression(CUR(p)->kind)) break;
        last->first = *CUR(p);
        item = parse_star_expression(p);
        last->last = item;
        last->grouped = item == p->last_group;
        exprlist_push(p->arena, &elts, item);
    }
    return parser_tuple_expr(p, elts, parser_span_to_previous(p, start));
}

static Expr *parse_assigned_value(Parser *p)
{
    return AT(p, TOK_YIELD) ? parse_yield_expr(p) : parse_star_expressions(p);
}

/* targets '=' ... '=' value, with CPython's invalid_assignment messages. */
static Stmt *parse_assignment(Parser *p, const Token *first, Expr *target, LastElement *last)
{
    Stmt *s = parser_new_stmt(p, STMT_ASSIGN, parser_token_pos(first));
    ExprList *targets = &s->as.assign.targets;
    exprlist_push(p->arena, targets, target);
    bool second_grouped = false;
    while (parser_accept(p, TOK_EQUAL)) {
        exprlist_push(p->arena, targets, parse_assigned_value(p));
        if (targets->count == 2) second_grouped = targets->items[1] == p->last_group;
    }
    s->as.assign.value = targets->items[--targets->count];
    for (int i = 0; i < targets->count; i++) {
        Expr *t = targets->items[i];
        Expr *bad = t->kind == EXPR_YIELD || t->kind == EXPR_YIELDFROM ? t : parser_invalid_target(t, TARGETS_STAR);
        if (bad == NULL) continue;
        /* CPython's invalid_named_expression looks at what follows the first '=': the
         * part its bitwise_or reads, unless that is itself followed by '='. */
        Expr *second = targets->count > 1 ? targets->items[1] : s->as.assign.value;
        Expr *b = parser_bitwise_or_prefix(second, second_grouped);
        if (b != NULL && !(b == second && targets->count > 1))
            parser_misplaced_equal(p, last->last, &last->first, last->grouped, b);
        if (bad->kind == EXPR_YIELD || bad->kind == EXPR_YIELDFROM)
            parser_error_at_node(p, bad->pos, "assignment to yield expression not possible");
        parser_error_at_node(p, bad->pos, "cannot assign to %s", parser_describe(bad));
    }
    for (int i = 0; i < targets->count; i++) parser_set_context(targets->items[i], CTX_STORE);
    s->pos = parser_span_to_previous(p, s->pos);
    return s;
}

/* target ':' annotation ['=' value] */
static Stmt *parse_annotated_assignment(Parser *p, const Token *first, Expr *target, const LastElement *last)
{
    Token colon = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_ANNASSIGN, parser_token_pos(first));
    bool valid = target->kind == EXPR_NAME || target->kind == EXPR_ATTRIBUTE || target->kind == EXPR_SUBSCRIPT;
    if (valid) {
        s->as.annassign.annotation = parse_expression(p);
    } else if (!parser_try_expr(p, parse_expression, &s->as.annassign.annotation)) {
        /* CPython names a bad target only once `target: annotation` reads; else its
         * first pass stopped at the ':'. */
        parser_error_at_token(p, &colon, "invalid syntax");
    }
    if (target->kind == EXPR_TUPLE || target->kind == EXPR_LIST) {
        bool bare_tuple = target->kind == EXPR_TUPLE && !(target == last->last && last->grouped);
        Expr *at = bare_tuple ? target->as.list.elts.items[0] : target;
        parser_error_at_node(p, at->pos, "only single target (not %s) can be annotated",
                             target->kind == EXPR_TUPLE ? "tuple" : "list");
    }
    if (!valid) parser_error_at_node(p, target->pos, "illegal target for annotation");
    s->as.annassign.target = target;
    if (parser_accept(p, TOK_EQUAL)) s->as.annassign.value = parse_assigned_value(p);
    s->as.annassign.simple = target->kind == EXPR_NAME && !(target == last->last && last->grouped);
    parser_set_context(target, CTX_STORE);
    s->pos = parser_span_to_previous(p, s->pos);
    return s;
}

static bool augmented_operator(TokenKind kind, BinaryOperator *op)
{
    switch (kind) {
    case TOK_PLUSEQUAL: *op = OPR_ADD; return true;
    case TOK_MINEQUAL: *op = OPR_SUB; return true;
    case TOK_STAREQUAL: *op = OPR_MUL; return true;
    case TOK_ATEQUAL: *op = OPR_MATMUL; return true;
    case TOK_SLASHEQUAL: *op = OPR_DIV; return true;
    case TOK_PERCENTEQUAL: *op = OPR_MOD; return true;
    case TOK_AMPEREQUAL: *op = OPR_BITAND; return true;
    case TOK_VBAREQUAL: *op = OPR_BITOR; return true;
    case TOK_CIRCUMFLEXEQUAL: *op = OPR_BITXOR; return true;
    case TOK_LEFTSHIFTEQUAL: *op = OPR_LSHIFT; return true;
    case TOK_RIGHTSHIFTEQUAL: *op = OPR_RSHIFT; return true;
    case TOK_DOUBLESTAREQUAL: *op = OPR_POW; return true;
    case TOK_DOUBLESLASHEQUAL: *op = OPR_FLOORDIV; return true;
    default: return false;
    }
}

/* An expression statement, or an assignment of any kind. */
static Stmt *parse_expression_statement(Parser *p)
{
    Token first = *CUR(p);
    LastElement last;
    Expr *e = parse_statement_expressions(p, &last);
    BinaryOperator op;
    if (AT(p, TOK_EQUAL)) return parse_assignment(p, &first, e, &last);
    if (AT(p, TOK_COLON)) return parse_annotated_assignment(p, &first, e, &last);
    if (augmented_operator(CUR(p)->kind, &op)) {
        if (e->kind != EXPR_NAME && e->kind != EXPR_ATTRIBUTE && e->kind != EXPR_SUBSCRIPT)
            parser_error_at_node(p, e->pos, "'%s' is an illegal expression for augmented assignment", parser_describe(e));
        parser_advance(p);
        Stmt *s = parser_new_stmt(p, STMT_AUGASSIGN, parser_token_pos(&first));
        s->as.augassign.target = e;
        s->as.augassign.op = op;
        s->as.augassign.value = parse_assigned_value(p);
        parser_set_context(e, CTX_STORE);
        s->pos = parser_span_to_previous(p, s->pos);
        return s;
    }
    if (AT(p, TOK_COLONEQUAL) && last.last->kind != EXPR_NAME)
        parser_error_at_node(p, last.last->pos, "cannot use assignment expressions with %s", parser_describe(last.last));
    Stmt *s = parser_new_stmt(p, STMT_EXPR, parser_span_to_previous(p, parser_token_pos(&first)));
    s->as.expr.value = e;
    return s;
}

static const char *parse_dotted_name(Parser *p)
{
    Token name = parser_expect(p, TOK_NAME);
    const char *start = name.start;
    size_t length = name.length;
    bool spaced = false; /* `a . b` is allowed, and spelled "a.b" */
    while (AT(p, TOK_DOT)) {
        parser_advance(p);
        Token part = parser_expect(p, TOK_NAME);
        if (part.start != start + length + 1 || start[length] != '.') spaced = true;
        length = (size_t)(part.start + part.length - start);
    }
    if (!spaced) return arena_strndup(p->arena, start, length);
    char *joined = arena_alloc(p->arena, length + 1);
    size_t n = 0;
    for (size_t i = 0; i < length; i++) {
        char c = start[i];
        if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\f') joined[n++] = c;
    }
    joined[n] = '\0';
    return joined;
}

static Alias *parse_alias(Parser *p, bool dotted)
{
    Alias *alias = arena_alloc(p->arena, sizeof *alias);
    Pos start = parser_token_pos(CUR(p));
    if (dotted) {
        alias->name = parse_dotted_name(p);
    } else {
        Token name = parser_expect(p, TOK_NAME);
        alias->name = parser_identifier(p, &name);
    }
    if (parser_accept(p, TOK_AS)) {
        Token asname = parser_expect(p, TOK_NAME);
        alias->asname = parser_identifier(p, &asname);
    }
    alias->pos = parser_span_to_previous(p, start);
    return alias;
}

static Stmt *parse_import(Parser *p)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_IMPORT, parser_token_pos(&keyword));
    do LIST_PUSH(p->arena, &s->as.import.names, parse_alias(p, true));
    while (parser_accept(p, TOK_COMMA));
    s->pos = parser_span_to_previous(p, s->pos);
    return s;
}

static Stmt *parse_from_import(Parser *p)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_IMPORTFROM, parser_token_pos(&keyword));
    for (;; parser_advance(p)) {
        if (AT(p, TOK_DOT)) s->as.importfrom.level += 1;
        else if (AT(p, TOK_ELLIPSIS)) s->as.importfrom.level += 3;
        else break;
    }
    if (!AT(p, TOK_IMPORT) || s->as.importfrom.level == 0) s->as.importfrom.module = parse_dotted_name(p);
    parser_expect(p, TOK_IMPORT);
    AliasList *names = &s->as.importfrom.names;
    if (AT(p, TOK_STAR)) {
        Token star = parser_advance(p);
        Alias *alias = arena_alloc(p->arena, sizeof *alias);
        alias->name = "*";
        alias->pos = parser_token_pos(&star);
        LIST_PUSH(p->arena, names, alias);
    } else if (parser_accept(p, TOK_LPAR)) {
        do {
            if (names->count > 0 && AT(p, TOK_RPAR)) break;
            LIST_PUSH(p->arena, names, parse_alias(p, false));
        } while (parser_accept(p, TOK_COMMA));
        parser_expect(p, TOK_RPAR);
    } else {
        LIST_PUSH(p->arena, names, parse_alias(p, false));
        while (parser_accept(p, TOK_COMMA)) {
            if (AT(p, TOK_NEWLINE))
                parser_error_at_token(p, CUR(p), "trailing comma not allowed without surrounding parentheses");
            LIST_PUSH(p->arena, names, parse_alias(p, false));
        }
    }
    s->pos = parser_span_to_previous(p, s->pos);
    return s;
}

static Stmt *parse_del(Parser *p)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_DELETE, parser_token_pos(&keyword));
    Expr *e = parse_star_expressions(p);
    ExprList *targets = &s->as.delete_.targets;
    if (e->kind == EXPR_TUPLE && e != p->last_group) *targets = e->as.list.elts;
    else exprlist_push(p->arena, targets, e);
    for (int i = 0; i < targets->count; i++) parser_make_target(p, targets->items[i], TARGETS_DEL);
    if (!AT(p, TOK_SEMI) && !AT(p, TOK_NEWLINE)) parser_syntax_error(p);
    s->pos = parser_span_to_previous(p, s->pos);
    return s;
}

static Stmt *parse_names_statement(Parser *p, StmtKind kind)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, kind, parser_token_pos(&keyword));
    do {
        Token name = parser_expect(p, TOK_NAME);
        LIST_PUSH(p->arena, &s->as.global.names, parser_identifier(p, &name));
    } while (parser_accept(p, TOK_COMMA));
    s->pos = parser_span_to_previous(p, s->pos);
    return s;
}

static Stmt *parse_simple_statement(Parser *p)
{
    Token keyword = *CUR(p);
    Stmt *s;
    switch (keyword.kind) {
    case TOK_PASS: case TOK_BREAK: case TOK_CONTINUE:
        parser_advance(p);
        return parser_new_stmt(p, keyword.kind == TOK_PASS ? STMT_PASS : keyword.kind == TOK_BREAK ? STMT_BREAK : STMT_CONTINUE,
                        parser_token_pos(&keyword));
    case TOK_RETURN:
        parser_advance(p);
        s = parser_new_stmt(p, STMT_RETURN, parser_token_pos(&keyword));
        if (AT(p, TOK_STAR) || parser_starts_expression(CUR(p)->kind)) s->as.return_.value = parse_star_expressions(p);
        break;
    case TOK_RAISE:
        parser_advance(p);
        s = parser_new_stmt(p, STMT_RAISE, parser_token_pos(&keyword));
        if (parser_starts_expression(CUR(p)->kind)) {
            s->as.raise.exc = parse_expression(p);
            if (parser_accept(p, TOK_FROM)) s->as.raise.cause = parse_expression(p);
        }
        break;
    case TOK_ASSERT:
        parser_advance(p);
        s = parser_new_stmt(p, STMT_ASSERT, parser_token_pos(&keyword));
        s->as.assert_.test = parse_expression(p);
        if (parser_accept(p, TOK_COMMA)) s->as.assert_.msg = parse_expression(p);
        break;
    case TOK_GLOBAL: return parse_names_statement(p, STMT_GLOBAL);
    case TOK_NONLOCAL: return parse_names_statement(p, STMT_NONLOCAL);
    case TOK_DEL: return parse_del(p);
    case TOK_IMPORT: return parse_import(p);
    case TOK_FROM: return parse_from_import(p);
    default: return parse_expression_statement(p);
    }
    s->pos = parser_span_to_previous(p, s->pos);
    return s;
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static void parse_simple_statements(Parser *p, StmtList *body)
{
    for (;;) {
        stmtlist_push(p->arena, body, parse_simple_statement(p));
        if (!parser_accept(p, TOK_SEMI) || AT(p, TOK_NEWLINE)) break;
    }
    parser_expect(p, TOK_NEWLINE);
}

/* ---- compound statements ---- */

/* 'if' and each 'elif': test ':' block. The chain is built without recursion, so that
 * a long elif chain cannot exhaust the C stack. */
static Stmt *parse_if_clause(Parser *p)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_IF, parser_token_pos(&keyword));
    s->as.if_.test = parse_named_expression(p);
    expect_colon(p, false);
    parse_block(p, &s->as.if_.body, &keyword, keyword.kind == TOK_IF ? "'if' statement" : "'elif' statement");
    return s;
}

static Stmt *parse_if(Parser *p)
{
    StmtList chain = {0};
    stmtlist_push(p->arena, &chain, parse_if_clause(p));
    while (AT(p, TOK_ELIF)) {
        Stmt *clause = parse_if_clause(p);
        stmtlist_push(p->arena, &chain.items[chain.count - 1]->as.if_.orelse, clause);
        stmtlist_push(p->arena, &chain, clause);
    }
    Stmt *last = chain.items[chain.count - 1];
    if (AT(p, TOK_ELSE)) parse_else_block(p, &last->as.if_.orelse);
    Pos end = end_of_body(last->as.if_.orelse.count > 0 ? &last->as.if_.orelse : &last->as.if_.body);
    for (int i = 0; i < chain.count; i++) chain.items[i]->pos = parser_span(chain.items[i]->pos, end);
    return chain.items[0];
}

static Stmt *parse_while(Parser *p)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_WHILE, parser_token_pos(&keyword));
    s->as.while_.test = parse_named_expression(p);
    expect_colon(p, false);
    parse_block(p, &s->as.while_.body, &keyword, "'while' statement");
    if (AT(p, TOK_ELSE)) parse_else_block(p, &s->as.while_.orelse);
    s->pos = parser_span(s->pos, end_of_body(s->as.while_.orelse.count ? &s->as.while_.orelse : &s->as.while_.body));
    return s;
}

static Stmt *parse_for(Parser *p, const Token *async)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_FOR, parser_token_pos(async ? async : &keyword));
    s->as.for_.is_async = async != NULL;
    Token first = *CUR(p);
    s->as.for_.target = parse_star_targets(p);
    parser_expect_in(p, s->as.for_.target, &first);
    s->as.for_.iter = parse_star_expressions(p);
    expect_colon(p, false);
    parse_block(p, &s->as.for_.body, &keyword, "'for' statement");
    if (AT(p, TOK_ELSE)) parse_else_block(p, &s->as.for_.orelse);
    s->pos = parser_span(s->pos, end_of_body(s->as.for_.orelse.count ? &s->as.for_.orelse : &s->as.for_.body));
    return s;
}

/* with_item: expression ['as' star_target] */
static WithItem *parse_with_item(Parser *p)
{
    WithItem *item = arena_alloc(p->arena, sizeof *item);
    item->context_expr = parse_expression(p);
    if (parser_accept(p, TOK_AS)) {
        Expr *target = parse_expression(p);
        if (!AT(p, TOK_COMMA) && !AT(p, TOK_RPAR) && !AT(p, TOK_COLON)) parser_syntax_error(p);
        parser_make_target(p, target, TARGETS_STAR);
        item->optional_vars = target;
    }
    return item;
}

/* `with (a as b, c as d):` — tried first, as CPython does; `with (a, b) as c:` is not it. */
static void parse_parenthesized_with_items(Parser *p, void *context)
{
    WithItemList *items = context;
    parser_advance(p);
    do {
        if (items->count > 0 && AT(p, TOK_RPAR)) break;
        LIST_PUSH(p->arena, items, parse_with_item(p));
    } while (parser_accept(p, TOK_COMMA));
    parser_expect(p, TOK_RPAR);
    if (!AT(p, TOK_COLON)) parser_syntax_error(p);
}

static Stmt *parse_with(Parser *p, const Token *async)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_WITH, parser_token_pos(async ? async : &keyword));
    s->as.with.is_async = async != NULL;
    WithItemList *items = &s->as.with.items;
    if (!AT(p, TOK_LPAR) || !parser_try(p, parse_parenthesized_with_items, items)) {
        *items = (WithItemList){0};
        do LIST_PUSH(p->arena, items, parse_with_item(p));
        while (parser_accept(p, TOK_COMMA));
    }
    expect_colon(p, false);
    parse_block(p, &s->as.with.body, &keyword, "'with' statement");
    s->pos = parser_span(s->pos, end_of_body(&s->as.with.body));
    return s;
}

/* `except A, B:` — the rest of CPython's invalid_except_stmt, after A. */
static void parse_more_exception_types(Parser *p, void *context)
{
    UNUSED(context);
    parser_advance(p);
    parse_star_expressions(p);
    if (parser_accept(p, TOK_AS)) parser_expect(p, TOK_NAME);
    parser_expect(p, TOK_COLON);
}

/* One handler; after the first, `except` and `except*` may not mix. */
static ExceptHandler *parse_except(Parser *p, Stmt *try_, bool first)
{
    Token keyword = parser_advance(p);
    ExceptHandler *handler = arena_alloc(p->arena, sizeof *handler);
    bool star = false;
    if (AT(p, TOK_STAR)) {
        Token star_token = parser_advance(p);
        star = true;
        if (AT(p, TOK_COLON) || AT(p, TOK_NEWLINE)) parser_error_at_token(p, CUR(p), "expected one or more exception types");
        if (!first && !try_->as.try_.is_star)
            parser_error_range(p, parser_token_pos(&keyword), parser_token_pos(&star_token),
                               "cannot have both 'except' and 'except*' on the same 'try'");
    } else if (!first && try_->as.try_.is_star) {
        parser_error_at_token(p, &keyword, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    try_->as.try_.is_star = star;
    if (!AT(p, TOK_COLON)) {
        handler->type = parse_expression(p);
        if (AT(p, TOK_COMMA) && parser_try(p, parse_more_exception_types, NULL))
            parser_error_from(p, handler->type->pos, p->previous.end_col, "multiple exception types must be parenthesized");
        if (parser_accept(p, TOK_AS)) {
            Token name = parser_expect(p, TOK_NAME);
            handler->name = parser_identifier(p, &name);
        }
    }
    expect_colon(p, false);
    parse_block(p, &handler->body, &keyword, star ? "'except*' statement" : "'except' statement");
    handler->pos = parser_span(parser_token_pos(&keyword), end_of_body(&handler->body));
    return handler;
}

static Stmt *parse_try(Parser *p)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_TRY, parser_token_pos(&keyword));
    expect_colon(p, true);
    parse_block(p, &s->as.try_.body, &keyword, "'try' statement");
    while (AT(p, TOK_EXCEPT)) {
        ExceptHandler *handler = parse_except(p, s, s->as.try_.handlers.count == 0);
        LIST_PUSH(p->arena, &s->as.try_.handlers, handler);
    }
    if (s->as.try_.handlers.count == 0 && !AT(p, TOK_FINALLY)) {
        Token at = *CUR(p);
        bool ended = parser_at_end_of_input(p); /* the REPL reads on */
        parser_report(p, "SyntaxError", at.line, at.col, at.end_line, at.end_col, "expected 'except' or 'finally' block");
        p->diag->incomplete = ended;
        parser_fail(p);
    }
    Pos end = s->as.try_.handlers.count > 0 ? s->as.try_.handlers.items[s->as.try_.handlers.count - 1]->pos
                                             : end_of_body(&s->as.try_.body);
    if (s->as.try_.handlers.count > 0 && AT(p, TOK_ELSE)) {
        parse_else_block(p, &s->as.try_.orelse);
        end = end_of_body(&s->as.try_.orelse);
    }
    if (AT(p, TOK_FINALLY)) {
        Token finally = parser_advance(p);
        expect_colon(p, true);
        parse_block(p, &s->as.try_.finalbody, &finally, "'finally' statement");
        end = end_of_body(&s->as.try_.finalbody);
    }
    s->pos = parser_span(s->pos, end);
    return s;
}

static Stmt *parse_def(Parser *p, ExprList decorators, const Token *async)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_FUNCTIONDEF, parser_token_pos(async ? async : &keyword));
    Token name = parser_expect(p, TOK_NAME);
    s->as.functiondef.name = parser_identifier(p, &name);
    s->as.functiondef.decorators = decorators;
    s->as.functiondef.is_async = async != NULL;
    parser_expect_forced(p, TOK_LPAR);
    s->as.functiondef.args = parse_parameters(p, false);
    parser_expect(p, TOK_RPAR);
    if (parser_accept(p, TOK_RARROW)) s->as.functiondef.returns = parse_expression(p);
    expect_colon(p, true);
    parse_block(p, &s->as.functiondef.body, &keyword, "function definition");
    s->pos = parser_span(s->pos, end_of_body(&s->as.functiondef.body));
    return s;
}

static Stmt *parse_class(Parser *p, ExprList decorators)
{
    Token keyword = parser_advance(p);
    Stmt *s = parser_new_stmt(p, STMT_CLASSDEF, parser_token_pos(&keyword));
    Token name = parser_expect(p, TOK_NAME);
    s->as.classdef.name = parser_identifier(p, &name);
    s->as.classdef.decorators = decorators;
    if (AT(p, TOK_LPAR)) {
        Token open = parser_advance(p);
        Expr call = {.kind = EXPR_CALL};
        parse_call_arguments(p, &call, &open, true);
        s->as.classdef.bases = call.as.call.args;
        s->as.classdef.keywords = call.as.call.keywords;
    }
    expect_colon(p, false);
    parse_block(p, &s->as.classdef.body, &keyword, "class definition");
    s->pos = parser_span(s->pos, end_of_body(&s->as.classdef.body));
    return s;
}

/* decorators: ('@' named_expression NEWLINE)+, then a def or class. */
static Stmt *parse_decorated(Parser *p)
{
    ExprList decorators = {0};
    while (parser_accept(p, TOK_AT)) {
        exprlist_push(p->arena, &decorators, parse_named_expression(p));
        parser_expect(p, TOK_NEWLINE);
    }
    if (AT(p, TOK_DEF)) return parse_def(p, decorators, NULL);
    if (AT(p, TOK_CLASS)) return parse_class(p, decorators);
    if (AT(p, TOK_ASYNC) && parser_peek(p, 1)->kind == TOK_DEF) {
        Token async = parser_advance(p);
        return parse_def(p, decorators, &async);
    }
    parser_syntax_error(p);
}

/* `match subject:` followed by a line end, where "match" is CPython's soft keyword. */
static void parse_match_header(Parser *p, void *context)
{
    UNUSED(context);
    parser_advance(p);
    parse_star_named_expressions(p);
    if (!AT(p, TOK_COLON) || parser_peek(p, 1)->kind != TOK_NEWLINE) parser_syntax_error(p);
}

/* `match subject` and the line's end: a match statement missing its ':'. */
static void parse_match_header_without_colon(Parser *p, void *context)
{
    UNUSED(context);
    parser_advance(p);
    parse_star_named_expressions(p);
    if (!AT(p, TOK_NEWLINE)) parser_syntax_error(p);
}

static void parse_simple_statements_rule(Parser *p, void *body)
{
    parse_simple_statements(p, body);
}

/* A line that starts with the name `match` but is no match statement: an expression
 * (`match(x)`), an assignment (`match = 3`)... or, where that fails and the line reads
 * as a match statement's header, CPython's "expected ':'". */
static void parse_match_line(Parser *p, StmtList *body)
{
    ParserMark mark = parser_mark(p);
    bool header = parser_try(p, parse_match_header_without_colon, NULL);
    const Token newline = *CUR(p);
    parser_reset(p, mark);
    parser_release(p);
    if (parser_try(p, parse_simple_statements_rule, body)) return;
    if (header) parser_error_at_token(p, &newline, "expected ':'");
    parse_simple_statements(p, body);
}

static bool at_match_statement(Parser *p)
{
    const Token *token = CUR(p);
    if (token->length != 5 || memcmp(token->start, "match", 5) != 0) return false;
    TokenKind next = parser_peek(p, 1)->kind;
    if (next != TOK_STAR && !parser_starts_expression(next)) return false;
    ParserMark mark = parser_mark(p);
    bool match = parser_try(p, parse_match_header, NULL);
    parser_reset(p, mark);
    parser_release(p);
    return match;
}

static void parse_statement(Parser *p, StmtList *body)
{
    Stmt *s;
    switch (CUR(p)->kind) {
    case TOK_IF: s = parse_if(p); break;
    case TOK_WHILE: s = parse_while(p); break;
    case TOK_FOR: s = parse_for(p, NULL); break;
    case TOK_WITH: s = parse_with(p, NULL); break;
    case TOK_TRY: s = parse_try(p); break;
    case TOK_DEF: s = parse_def(p, (ExprList){0}, NULL); break;
    case TOK_CLASS: s = parse_class(p, (ExprList){0}); break;
    case TOK_AT: s = parse_decorated(p); break;
    case TOK_ASYNC: {
        Token async = *CUR(p);
        TokenKind next = parser_peek(p, 1)->kind;
        if (next != TOK_DEF && next != TOK_FOR && next != TOK_WITH) {
            parser_advance(p);
            parser_syntax_error(p);
        }
        parser_advance(p);
        s = next == TOK_DEF ? parse_def(p, (ExprList){0}, &async)
          : next == TOK_FOR ? parse_for(p, &async) : parse_with(p, &async);
        break;
    }
    case TOK_INDENT:
    case TOK_DEDENT:
        parser_syntax_error(p);
    case TOK_NAME:
        if (at_match_statement(p))
            parser_error_at_token(p, CUR(p), "handoff does not support the 'match' statement");
        if (CUR(p)->length == 5 && memcmp(CUR(p)->start, "match", 5) == 0) {
            parse_match_line(p, body);
            return;
        }
        /* fall through */
    default:
        parse_simple_statements(p, body);
        return;
    }
    stmtlist_push(p->arena, body, s);
}

void parse_file(Parser *p, Module *module)
{
    while (!AT(p, TOK_ENDMARKER)) parse_statement(p, &module->body);
}

/* One REPL entry: a line of simple statements or one compound statement, as CPython's
 * "single" mode. An empty entry is an empty module. */
void parse_interactive(Parser *p, Module *module)
{
    if (AT(p, TOK_ENDMARKER)) return;
    bool compound = AT(p, TOK_IF) || AT(p, TOK_WHILE) || AT(p, TOK_FOR) || AT(p, TOK_WITH) || AT(p, TOK_TRY) ||
                    AT(p, TOK_DEF) || AT(p, TOK_CLASS) || AT(p, TOK_AT) || AT(p, TOK_ASYNC);
    parse_statement(p, &module->body);
    if (AT(p, TOK_ENDMARKER)) return;
    if (compound) parser_syntax_error(p);
    Token newline = p->previous;
    parser_error_at_token(p, &newline, "multiple statements found while compiling a single statement");
}
