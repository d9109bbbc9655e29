/* parser_internal.h — what the parser's files share: the Parser (a token window over the
 * lexer), errors that unwind to parse_source with longjmp, speculation (mark and reset,
 * for CPython's second-pass error rules and soft keywords), and node constructors.
 * parser.c holds these; parser_stmt.c, parser_expr.c, parser_args.c and parser_string.c
 * hold the grammar, which follows CPython 3.11's Grammar/python.gram. */
#ifndef HANDOFF_PARSER_INTERNAL_H
#define HANDOFF_PARSER_INTERNAL_H

#include "lexer.h"
#include "parser.h"

#include <setjmp.h>

/* How deep expressions may nest (parentheses, unary operators, lambdas...) before a
 * SyntaxError, so that hostile input cannot exhaust the C stack. Brackets alone stop
 * at LEXER_MAX_BRACKETS, as in CPython. */
#define PARSER_MAX_DEPTH 1000

typedef struct Parser Parser;
struct Parser {
    Lexer lexer;
    Arena *arena;
    Diagnostic *diag;
    ParseMode mode;
    const char *text;        /* the whole source (an f-string's parser reads a part of it) */
    const char *text_end;
    jmp_buf *on_error;       /* where an error unwinds to */

    /* Tokens read but not yet consumed, in the arena (so an error leaks nothing):
     * tokens[position] is the current token. While speculating (marks > 0) consumed
     * tokens are kept, so that parser_reset can go back to them. */
    Token *tokens;
    int token_count, token_capacity, position;
    int marks;
    Token previous;          /* the token consumed last: where a node ends */
    Token furthest;          /* the furthest token looked at with parser_peek_far: CPython
                                reports "invalid syntax" at the furthest token it read */

    int depth;               /* nesting of expressions, against PARSER_MAX_DEPTH */
    int fstring_depth;       /* > 0 inside an f-string's replacement field */
    Pos fstring_group;       /* where CPython's "(expr)" stands for this field: from its
                                '{' to the character after the expression */
    Expr *last_group;        /* the last expression written in parentheses `(e)`, to
                                tell `(a) = 1` and `(a): int` from `a = 1`, `a: int` */
    Parser *root;            /* the parser of the whole source (itself, unless this one
                                reads an f-string's replacement field) */
    bool lexer_error;        /* (root only) the diagnostic came from the lexer */
    int last_fetched_line;   /* (root only) line of the last token read from any lexer */
    int no_invalid_rules;    /* > 0 while parsing CPython's expression_without_invalid */
};

/* A point to return to: parser_mark, then parser_reset or parser_release. */
typedef struct { int position, depth, no_invalid_rules; Token previous; Expr *last_group; } ParserMark;

/* Grow a node list (any of ast.h's {items, count, capacity} lists) in the arena. */
#define LIST_PUSH(arena, list, item)                                                         \
    do {                                                                                     \
        if ((list)->count == (list)->capacity) {                                             \
            int grown_ = (list)->capacity > 0 ? (list)->capacity * 2 : 4;                    \
            void *bigger_ = arena_alloc((arena), sizeof *(list)->items * (size_t)grown_);    \
            if ((list)->count > 0)                                                           \
                memcpy(bigger_, (list)->items, sizeof *(list)->items * (size_t)(list)->count); \
            (list)->items = bigger_;                                                         \
            (list)->capacity = grown_;                                                       \
        }                                                                                    \
        (list)->items[(list)->count++] = (item);                                             \
    } while (0)

/* ---- tokens (parser.c) ---- */
void parser_init(Parser *p, Arena *arena, Diagnostic *diag, const char *text, size_t length,
                 int token_capacity);
const Token *parser_peek(Parser *p, int ahead);        /* 0: the current token */
/* parser_peek where CPython's parser also reads that far before failing. */
const Token *parser_peek_far(Parser *p, int ahead);
#define CUR(p) (&(p)->tokens[(p)->position])
#define AT(p, k) (CUR(p)->kind == (k))
Token parser_advance(Parser *p);
bool parser_accept(Parser *p, TokenKind kind);
Token parser_expect(Parser *p, TokenKind kind);      /* else "invalid syntax" */
Token parser_expect_forced(Parser *p, TokenKind kind); /* else "expected ':'" (CPython's &&) */

ParserMark parser_mark(Parser *p);
void parser_reset(Parser *p, ParserMark mark);
void parser_release(Parser *p);

/* Run `rule` speculatively: true if it parsed (the tokens it read are consumed); false
 * if it raised a SyntaxError (position back where it was, nothing reported). Lexer errors
 * still unwind, as in CPython, where the tokenizer's errors end the parse at once. */
bool parser_try(Parser *p, void (*rule)(Parser *p, void *context), void *context);
bool parser_try_expr(Parser *p, Expr *(*rule)(Parser *), Expr **result);

void parser_enter(Parser *p);   /* one level deeper, or "too many nested expressions" */
#define parser_leave(p) ((p)->depth--)

/* ---- errors (parser.c): all unwind to parse_source ---- */
_Noreturn void parser_fail(Parser *p);
/* Fill in the diagnostic (as parser_error) without unwinding yet. */
void parser_report(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                   const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* A SyntaxError (or `kind`) from line:col to end_line:end_col, columns in bytes (0-based)
 * as in Pos; end_col < 0 for a single caret. */
_Noreturn void parser_error(Parser *p, const char *kind, int line, int col, int end_line,
                            int end_col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
_Noreturn void parser_error_at_token(Parser *p, const Token *token, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void parser_error_at_node(Parser *p, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void parser_error_range(Parser *p, Pos from, Pos to, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* CPython's "starting from": the caret runs from `from` to byte column `end_col` of its
 * line (where CPython's tokenizer stood). */
_Noreturn void parser_error_from(Parser *p, Pos from, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Only DEDENTs and ENDMARKER are left: the input ended (the REPL may read on). */
bool parser_at_end_of_input(Parser *p);
/* The byte column to report an error at `token` from: CPython places INDENT and a DEDENT
 * within the file where its cursor is, after the indentation (so one column less). */
int parser_error_col(Parser *p, const Token *token);
/* "invalid syntax" (or "unexpected indent", "'(' was never closed"...) at the current token. */
_Noreturn void parser_syntax_error(Parser *p);

/* ---- nodes (parser.c) ---- */
Pos parser_token_pos(const Token *token);
Pos parser_span(Pos from, Pos to);            /* from's start, to's end */
Pos parser_span_to_previous(Parser *p, Pos from); /* from's start to the end of the last token */
Expr *parser_new_expr(Parser *p, ExprKind kind, Pos pos);
Stmt *parser_new_stmt(Parser *p, StmtKind kind, Pos pos);
Expr *parser_name_expr(Parser *p, const Token *name, ExprContext ctx);
const char *parser_identifier(Parser *p, const Token *name);
Expr *parser_tuple_expr(Parser *p, ExprList elts, Pos pos);

/* ---- expressions (parser_expr.c) ---- */
Expr *parse_expression(Parser *p);             /* ifexp, lambda, disjunction */
Expr *parse_named_expression(Parser *p);       /* `x := e` or expression */
Expr *parse_argument(Parser *p);               /* the same, where '=' may follow */
Expr *parse_star_expressions(Parser *p);       /* a, *b, c  (a tuple when commas) */
Expr *parse_star_expression(Parser *p);        /* '*' bitwise_or | expression */
Expr *parse_star_named_expressions(Parser *p); /* the same with walrus (match subjects) */
Expr *parse_disjunction(Parser *p);
Expr *parse_bitwise_or(Parser *p);
Expr *parse_yield_expr(Parser *p);
Expr *parse_group_contents(Parser *p, const Token *open, TokenKind close); /* inside ( ) */
bool parser_starts_expression(TokenKind kind);
void parse_comprehension_clauses(Parser *p, ComprehensionList *generators);
Pos parser_last_comprehension_item(const Expr *comprehension);
/* An expression `a` (first token `first`) followed by another's first token: CPython's
 * messages for a missing comma or Python 2's print; returns if neither applies. */
void parser_check_adjacent(Parser *p, const Token *first, Expr *a);
/* At '=' after `a` where no assignment can be: CPython's invalid_named_expression
 * ("cannot assign to X here. Maybe you meant '==' instead of '='?"). `first` is a's
 * first token; `grouped` says a was written in parentheses. Returns if no rule applies. */
void parser_check_misplaced_equal(Parser *p, Expr *a, const Token *first, bool grouped);
/* The same, given what CPython's bitwise_or would read after the '=' (not followed by
 * another '='). */
void parser_misplaced_equal(Parser *p, Expr *a, const Token *first, bool grouped, Expr *b);
Expr *parser_bitwise_or_prefix(Expr *e, bool grouped);

/* ---- targets, parameters and call arguments (parser_args.c) ---- */
typedef enum { TARGETS_STAR, TARGETS_DEL, TARGETS_FOR } TargetsType;
const char *parser_describe(const Expr *e);      /* "function call", "literal"... */
Expr *parser_invalid_target(Expr *e, TargetsType type);
void parser_set_context(Expr *e, ExprContext ctx);
/* Make `e` an assignment target, or report "cannot assign to %s" (or delete). */
void parser_make_target(Parser *p, Expr *e, TargetsType type);
Expr *parse_star_targets(Parser *p);           /* for-loop and comprehension targets */
/* 'in' after a for-target, else CPython's messages for `for x inrange(3)`. */
void parser_expect_in(Parser *p, Expr *target, const Token *target_first);
Arguments *parse_parameters(Parser *p, bool lambda);
/* `class_bases` refuses a bare generator expression, as CPython's class rule does. */
void parse_call_arguments(Parser *p, Expr *call, const Token *open, bool class_bases);

/* ---- literals (parser_string.c) ---- */
Expr *parse_strings(Parser *p);                /* adjacent STRING tokens */
Expr *parse_number(Parser *p);

/* ---- statements (parser_stmt.c) ---- */
void parse_file(Parser *p, Module *module);
void parse_interactive(Parser *p, Module *module);

#endif
