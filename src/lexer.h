/* lexer.h — Python source text to tokens, handed out one at a time.
 * Indentation follows MicroPython's py/lexer.c: a stack of indent levels, with the
 * INDENT/DEDENT tokens a line produces kept pending and handed out one per call. */
#ifndef HANDOFF_LEXER_H
#define HANDOFF_LEXER_H

#include "common.h"
#include "diag.h"

#define LEXER_MAX_INDENT 100   /* CPython's MAXINDENT: "too many levels of indentation" */
#define LEXER_MAX_BRACKETS 200 /* CPython's MAXLEVEL: "too many nested parentheses" */

/* X(name, spelling): every token kind. The spelling of operators and keywords is their
 * text; keywords come last so that a name can be looked up among them. */
#define TOKEN_KINDS(X)                                                                    \
    X(ENDMARKER, "end of input") X(NEWLINE, "newline") X(INDENT, "indent")                \
    X(DEDENT, "dedent") X(NAME, "name") X(NUMBER, "number") X(STRING, "string")           \
    X(ERROR, "error") X(OP, "operator")                                                   \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(LBRACE, "{") X(RBRACE, "}")     \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")      \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=")   \
    X(DOT, ".") X(PERCENT, "%") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")     \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") X(LEFTSHIFT, "<<")             \
    X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") X(PLUSEQUAL, "+=") X(MINEQUAL, "-=")          \
    X(STAREQUAL, "*=") X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=")      \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")                  \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") X(DOUBLESLASH, "//")              \
    X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=") X(RARROW, "->")                \
    X(ELLIPSIS, "...") X(COLONEQUAL, ":=")                                                \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") X(AS, "as")           \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break")             \
    X(CLASS, "class") X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del") X(ELIF, "elif") \
    X(ELSE, "else") X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for")               \
    X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") X(IN, "in")       \
    X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") X(NOT, "not") X(OR, "or")     \
    X(PASS, "pass") X(RAISE, "raise") X(RETURN, "return") X(TRY, "try") X(WHILE, "while") \
    X(WITH, "with") X(YIELD, "yield")

typedef enum {
#define TOKEN_ENUM(name, spelling) TOK_##name,
    TOKEN_KINDS(TOKEN_ENUM)
#undef TOKEN_ENUM
    TOKEN_KIND_COUNT
} TokenKind;

#define TOK_FIRST_KEYWORD TOK_FALSE

typedef struct {
    TokenKind kind;
    const char *start;  /* first byte in the source; a STRING includes prefix and quotes */
    size_t length;      /* bytes */
    int line, col;      /* start: 1-based line, 0-based byte column (CPython's col_offset) */
    /* Exclusive end. end_col is -1 where CPython leaves it unknown (INDENT, DEDENT,
     * ENDMARKER), which makes a diagnostic there a single caret. */
    int end_line, end_col;
    int bracket_depth;  /* brackets open after this token (CPython's token level) */
} Token;

typedef struct {
    const char *source;      /* the text being read, and its end */
    const char *end;
    const char *cursor;      /* next byte to read */
    const char *line_start;  /* first byte of the line holding the cursor */
    int line;                /* 1-based line of the cursor */
    const char *previous_line_start; /* the line before: where ENDMARKER goes after a '\n' */
    Diagnostic *diag;        /* where an error goes before TOK_ERROR is returned */

    int indents[LEXER_MAX_INDENT + 1];     /* column of each open block; indents[0] is 0 */
    int alt_indents[LEXER_MAX_INDENT + 1]; /* the same with a tab as one column, so that an
                                              order that depends on the tab size is a TabError */
    int indent_depth;        /* blocks open */
    int pending;             /* INDENTs (> 0) or DEDENTs (< 0) still to hand out */
    bool at_line_start;      /* the next token begins a logical line: measure its indent */
    bool line_has_tokens;    /* a token came since the last NEWLINE (EOF then adds one) */
    bool failed;             /* an error was reported: only TOK_ERROR from now on */
    Token end_token;         /* the DEDENT handed out at the end of input, for the others */

    char brackets[LEXER_MAX_BRACKETS];      /* open brackets, innermost last */
    int bracket_lines[LEXER_MAX_BRACKETS];  /* where each was opened, for "never closed" */
    int bracket_cols[LEXER_MAX_BRACKETS];   /* its 0-based byte column */
    int bracket_depth;

    /* A lexer over the expression inside an f-string's braces acts as if inside one
     * pair of parentheses (as CPython 3.11 compiles "(expr)"): no NEWLINE, no INDENT. */
    bool inside_fstring;
    /* Errors found by scanning text (strings, numbers, characters) are set with
     * lexer_error and may replace a parser error found earlier in the file, as CPython
     * tokenizes the rest of the file after a syntax error; indentation errors may not. */
    bool error_from_scan;
    bool error_unclosed;     /* the error is "'(' was never closed" at the end of input */
} Lexer;

/* Read `length` bytes at `source` (valid UTF-8 without NUL bytes: the parser checks). */
void lexer_init(Lexer *lexer, const char *source, size_t length, Diagnostic *diag);

/* Read the expression of an f-string replacement field: the bytes [start, end) of a
 * larger text, where `start` is on `line` and that line begins at `line_start`. */
void lexer_init_fstring(Lexer *lexer, const char *start, const char *end, int line,
                        const char *line_start, Diagnostic *diag);

/* The next token. On an error fills the diagnostic and returns TOK_ERROR, and keeps
 * returning TOK_ERROR after that. */
Token lexer_next(Lexer *lexer);

/* A token kind's spelling: "(" for TOK_LPAR, "if" for TOK_IF, "name" for TOK_NAME. */
const char *lexer_token_spelling(TokenKind kind);

/* The number of characters (code points) in the `bytes` bytes at `text`: CPython counts
 * columns of diagnostics in characters and AST columns in bytes. */
int lexer_count_chars(const char *text, size_t bytes);

/* Identifier characters beyond ASCII, as str.isidentifier (lexer_unicode.c). */
bool lexer_is_ident_start(uint32_t code);
bool lexer_is_ident_continue(uint32_t code);
bool lexer_is_printable(uint32_t code);

/* Decode one UTF-8 sequence at `text` (valid UTF-8), storing its length in *size. */
uint32_t lexer_decode_utf8(const char *text, int *size);

#endif
