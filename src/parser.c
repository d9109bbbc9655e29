/* parser.c — parse_source, and the machinery the grammar files share: the window of
 * tokens over the lexer, speculation, node constructors, and errors that report a
 * Diagnostic (columns counted in characters, as CPython's SyntaxError.offset) and unwind
 * with longjmp to parse_source. Every allocation is in the arena, so unwinding leaks nothing. */
#include "parser_internal.h"

#include <stdarg.h>

/* ---- the token window ---- */

static void fetch(Parser *p)
{
    if (p->token_count == p->token_capacity) {
        if (p->marks == 0 && p->position > 0) {
            /* Consumed tokens are no longer needed: slide the window down. */
            int live = p->token_count - p->position;
            memmove(p->tokens, p->tokens + p->position, sizeof(Token) * (size_t)live);
            p->token_count = live;
            p->position = 0;
        } else {
            int grown = p->token_capacity * 2;
            Token *bigger = arena_alloc(p->arena, sizeof(Token) * (size_t)grown);
            memcpy(bigger, p->tokens, sizeof(Token) * (size_t)p->token_count);
            p->tokens = bigger;
            p->token_capacity = grown;
        }
    }
    Token token = lexer_next(&p->lexer);
    if (token.kind == TOK_ERROR) {
        p->root->lexer_error = true;
        longjmp(*p->on_error, 1);
    }
    p->tokens[p->token_count++] = token;
    p->root->last_fetched_line = token.line;
}

void parser_init(Parser *p, Arena *arena, Diagnostic *diag, const char *text, size_t length,
                 int token_capacity)
{
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->diag = diag;
    p->text = text;
    p->text_end = text + length;
    p->root = p;
    p->token_capacity = token_capacity;
    p->tokens = arena_alloc(arena, sizeof(Token) * (size_t)p->token_capacity);
}

const Token *parser_peek(Parser *p, int ahead)
{
    while (p->position + ahead >= p->token_count) fetch(p);
    return &p->tokens[p->position + ahead];
}

const Token *parser_peek_far(Parser *p, int ahead)
{
    const Token *token = parser_peek(p, ahead);
    const Token *furthest = &p->furthest;
    if (token->line > furthest->line || (token->line == furthest->line && token->col > furthest->col))
        p->furthest = *token;
    return token;
}

Token parser_advance(Parser *p)
{
    Token token = p->tokens[p->position++];
    p->previous = token;
    if (p->position == p->token_count) {
        if (p->marks == 0) p->position = p->token_count = 0;
        fetch(p);
    }
    return token;
}

bool parser_accept(Parser *p, TokenKind kind)
{
    if (!AT(p, kind)) return false;
    parser_advance(p);
    return true;
}

Token parser_expect(Parser *p, TokenKind kind)
{
    if (!AT(p, kind)) parser_syntax_error(p);
    return parser_advance(p);
}

Token parser_expect_forced(Parser *p, TokenKind kind)
{
    if (!AT(p, kind)) parser_error_at_token(p, CUR(p), "expected '%s'", lexer_token_spelling(kind));
    return parser_advance(p);
}

ParserMark parser_mark(Parser *p)
{
    p->marks++;
    ParserMark mark = {p->position, p->depth, p->no_invalid_rules, p->previous, p->last_group};
    return mark;
}

void parser_reset(Parser *p, ParserMark mark)
{
    p->position = mark.position;
    p->depth = mark.depth;
    p->no_invalid_rules = mark.no_invalid_rules;
    p->previous = mark.previous;
    p->last_group = mark.last_group;
}

void parser_release(Parser *p)
{
    p->marks--;
}

bool parser_try(Parser *p, void (*rule)(Parser *p, void *context), void *context)
{
    Diagnostic saved_diag = *p->diag;
    jmp_buf *saved_handler = p->on_error;
    jmp_buf handler;
    ParserMark mark = parser_mark(p);
    p->on_error = &handler;
    if (setjmp(handler) == 0) {
        rule(p, context);
        p->on_error = saved_handler;
        parser_release(p);
        return true;
    }
    p->on_error = saved_handler;
    parser_release(p);
    if (p->root->lexer_error) longjmp(*p->on_error, 1);
    *p->diag = saved_diag;
    parser_reset(p, mark);
    return false;
}

typedef struct { Expr *(*rule)(Parser *); Expr *result; } ExprRule;

static void run_expr_rule(Parser *p, void *context)
{
    ExprRule *expr_rule = context;
    expr_rule->result = expr_rule->rule(p);
}

bool parser_try_expr(Parser *p, Expr *(*rule)(Parser *), Expr **result)
{
    ExprRule expr_rule = {rule, NULL};
    bool ok = parser_try(p, run_expr_rule, &expr_rule);
    *result = expr_rule.result;
    return ok;
}

void parser_enter(Parser *p)
{
    /* CPython runs out of memory here; brackets alone stop earlier, in the lexer. */
    if (++p->depth > PARSER_MAX_DEPTH) parser_error_at_token(p, CUR(p), "too many nested expressions");
}

/* ---- errors ---- */

_Noreturn void parser_fail(Parser *p)
{
    p->root->lexer_error = false;
    longjmp(*p->on_error, 1);
}

/* The first byte of 1-based `line`. Errors are rare, so this walks from the top. */
static const char *line_start_of(Parser *p, int line)
{
    const char *text = p->text;
    if (p->text_end - text >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) text += 3;
    for (int l = 1; l < line; l++) {
        const char *newline = memchr(text, '\n', (size_t)(p->text_end - text));
        if (newline == NULL) break;
        text = newline + 1;
    }
    return text;
}

static void report(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                   const char *fmt, va_list args)
{
    char message[sizeof p->diag->message];
    vsnprintf(message, sizeof message, fmt, args);
    const char *start = line_start_of(p, line);
    int offset = col < 0 ? 0 : lexer_count_chars(start, (size_t)col) + 1;
    /* Errors in an f-string's field say so, once (CPython's fstring_input rule). */
    bool prefix = p->fstring_depth > 0 && strncmp(message, "f-string", 8) != 0;
    diag_set(p->diag, kind, line, offset, "%s%s", prefix ? "f-string: " : "", message);
    if (end_col >= 0 && end_line == line) {
        int end_offset = lexer_count_chars(start, (size_t)end_col) + 1;
        if (end_offset > offset) p->diag->end_col = end_offset;
    }
}

void parser_report(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                   const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    report(p, kind, line, col, end_line, end_col, fmt, args);
    va_end(args);
}

_Noreturn void parser_error(Parser *p, const char *kind, int line, int col, int end_line,
                            int end_col, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    report(p, kind, line, col, end_line, end_col, fmt, args);
    va_end(args);
    parser_fail(p);
}

_Noreturn void parser_error_at_token(Parser *p, const Token *token, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    report(p, "SyntaxError", token->line, token->col, token->end_line, token->end_col, fmt, args);
    va_end(args);
    parser_fail(p);
}

_Noreturn void parser_error_at_node(Parser *p, Pos pos, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    report(p, "SyntaxError", pos.line, pos.col, pos.end_line, pos.end_col, fmt, args);
    va_end(args);
    parser_fail(p);
}

_Noreturn void parser_error_range(Parser *p, Pos from, Pos to, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    report(p, "SyntaxError", from.line, from.col, to.end_line, to.end_col, fmt, args);
    va_end(args);
    parser_fail(p);
}

_Noreturn void parser_error_from(Parser *p, Pos from, int end_col, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    report(p, "SyntaxError", from.line, from.col, from.line, end_col - 1, fmt, args);
    va_end(args);
    parser_fail(p);
}

bool parser_at_end_of_input(Parser *p)
{
    int ahead = 0;
    while (parser_peek(p, ahead)->kind == TOK_DEDENT) ahead++;
    return parser_peek(p, ahead)->kind == TOK_ENDMARKER;
}

int parser_error_col(Parser *p, const Token *token)
{
    bool layout = token->kind == TOK_INDENT || (token->kind == TOK_DEDENT && !parser_at_end_of_input(p));
    return layout ? token->col - 1 : token->col;
}

_Noreturn void parser_syntax_error(Parser *p)
{
    const Token *token = CUR(p);
    if (token->kind == TOK_INDENT || token->kind == TOK_DEDENT) {
        Token layout = *token;
        bool ended = parser_at_end_of_input(p);
        parser_report(p, "IndentationError", layout.line, parser_error_col(p, &layout), layout.line, -1,
                      layout.kind == TOK_INDENT ? "unexpected indent" : "unexpected unindent");
        p->diag->incomplete = ended;
        parser_fail(p);
    }
    if (token->kind == TOK_ENDMARKER && p->fstring_depth == 0) {
        /* CPython's end marker has no column; the REPL should read on. */
        diag_set(p->diag, "SyntaxError", token->line, 0, "invalid syntax");
        p->diag->incomplete = true;
        parser_fail(p);
    }
    const Token *furthest = &p->furthest;
    if (p->marks == 0 && (furthest->line > token->line || (furthest->line == token->line && furthest->col > token->col)))
        token = furthest;
    parser_error_at_token(p, token, "invalid syntax");
}

/* ---- nodes ---- */

Pos parser_token_pos(const Token *token)
{
    Pos pos = {token->line, token->col, token->end_line, token->end_col};
    return pos;
}

Pos parser_span(Pos from, Pos to)
{
    Pos pos = {from.line, from.col, to.end_line, to.end_col};
    return pos;
}

Pos parser_span_to_previous(Parser *p, Pos from)
{
    from.end_line = p->previous.end_line;
    from.end_col = p->previous.end_col;
    return from;
}

Expr *parser_new_expr(Parser *p, ExprKind kind, Pos pos)
{
    Expr *e = arena_alloc(p->arena, sizeof *e);
    e->kind = kind;
    e->pos = pos;
    return e;
}

Stmt *parser_new_stmt(Parser *p, StmtKind kind, Pos pos)
{
    Stmt *s = arena_alloc(p->arena, sizeof *s);
    s->kind = kind;
    s->pos = pos;
    return s;
}

const char *parser_identifier(Parser *p, const Token *name)
{
    return arena_strndup(p->arena, name->start, name->length);
}

Expr *parser_name_expr(Parser *p, const Token *name, ExprContext ctx)
{
    Expr *e = parser_new_expr(p, EXPR_NAME, parser_token_pos(name));
    e->as.name.id = parser_identifier(p, name);
    e->as.name.ctx = ctx;
    return e;
}

Expr *parser_tuple_expr(Parser *p, ExprList elts, Pos pos)
{
    Expr *e = parser_new_expr(p, EXPR_TUPLE, pos);
    e->as.list.elts = elts;
    e->as.list.ctx = CTX_LOAD;
    return e;
}

/* ---- the entry point ---- */

/* Check that the source is UTF-8 with no NUL byte, as CPython does before tokenizing. */
static bool check_encoding(const char *source, size_t length, Diagnostic *diag)
{
    const unsigned char *s = (const unsigned char *)source;
    size_t line_start = 0;
    int line = 1;
    for (size_t i = 0; i < length;) {
        unsigned char c = s[i];
        if (c == '\n') { line++; line_start = ++i; continue; }
        if (c == 0) {
            diag_set(diag, "SyntaxError", line, lexer_count_chars(source + line_start, i - line_start) + 1,
                     "source code cannot contain null bytes");
            return false;
        }
        if (c < 0x80) { i++; continue; }
        size_t size = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        const char *problem = size == 0 ? "invalid start byte" : NULL;
        for (size_t k = 1; problem == NULL && k < size; k++) {
            if (i + k >= length) { problem = "unexpected end of data"; break; }
            unsigned char next = s[i + k];
            bool ok = (next & 0xC0) == 0x80;
            if (k == 1 && c == 0xE0) ok = ok && next >= 0xA0;  /* overlong */
            if (k == 1 && c == 0xED) ok = ok && next < 0xA0;   /* surrogates */
            if (k == 1 && c == 0xF0) ok = ok && next >= 0x90;  /* overlong */
            if (k == 1 && c == 0xF4) ok = ok && next < 0x90;   /* beyond U+10FFFF */
            if (!ok) problem = "invalid continuation byte";
        }
        if (problem != NULL) {
            diag_set(diag, "SyntaxError", line, lexer_count_chars(source + line_start, i - line_start) + 1,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                     c, i - line_start, problem);
            return false;
        }
        i += size;
    }
    return true;
}

/* Universal newlines: "\r\n" and a lone "\r" become "\n", as CPython reads source. */
static char *normalize_newlines(const char *source, size_t length, size_t *new_length)
{
    char *copy = malloc(length + 1);
    if (copy == NULL) {
        fprintf(stderr, "handoff: out of memory while parsing\n");
        abort();
    }
    size_t n = 0;
    for (size_t i = 0; i < length; i++) {
        if (source[i] == '\r') {
            copy[n++] = '\n';
            if (i + 1 < length && source[i + 1] == '\n') i++;
        } else {
            copy[n++] = source[i];
        }
    }
    copy[n] = '\0';
    *new_length = n;
    return copy;
}

/* The part that may unwind: `p` lives in the caller, so it is intact after longjmp. */
static bool run_parser(Parser *p, Module *module)
{
    jmp_buf handler;
    p->on_error = &handler;
    if (setjmp(handler) != 0) return false;
    parser_peek(p, 0);
    if (p->mode == PARSE_INTERACTIVE) parse_interactive(p, module);
    else parse_file(p, module);
    return true;
}

/* After a parser error CPython reads the rest of the file: a tokenizer error there (an
 * unterminated string, a bad character) is reported instead, and so is a bracket left
 * open on a line before the error. */
static void prefer_later_lexer_error(Parser *p)
{
    if (p->lexer_error || p->lexer.failed) return;
    Diagnostic parser_diag = *p->diag;
    if (strncmp(parser_diag.message, "unexpected ", 11) == 0 && strcmp(parser_diag.kind, "IndentationError") == 0)
        return; /* CPython reports "unexpected indent" before reading on */
    Token token;
    do token = lexer_next(&p->lexer);
    while (token.kind != TOK_ERROR && token.kind != TOK_ENDMARKER);
    bool replace = token.kind == TOK_ERROR && p->lexer.error_from_scan;
    /* A bracket never closed counts if it opened on a line before the last token the
     * parser read. */
    if (replace && p->lexer.error_unclosed) replace = p->last_fetched_line > p->diag->line;
    if (!replace) *p->diag = parser_diag;
}

bool parse_source(Arena *arena, const char *source, size_t length, ParseMode mode,
                  Module **out, Diagnostic *diag)
{
    memset(diag, 0, sizeof *diag);
    diag->kind = "SyntaxError";
    if (!check_encoding(source, length, diag)) return false;
    char *normalized = NULL;
    if (memchr(source, '\r', length) != NULL) {
        normalized = normalize_newlines(source, length, &length);
        source = normalized;
    }
    Parser parser;
    parser_init(&parser, arena, diag, source, length, 64);
    parser.mode = mode;
    lexer_init(&parser.lexer, source, length, diag);
    Module *module = arena_alloc(arena, sizeof *module);
    bool ok = run_parser(&parser, module);
    if (!ok) prefer_later_lexer_error(&parser);
    free(normalized);
    if (ok) *out = module;
    return ok;
}
