/* parser.h — source text to AST (ast.h), by recursive descent over lexer tokens.
 * Errors come back as a Diagnostic worded as CPython 3.11 words them. */
#ifndef HANDOFF_PARSER_H
#define HANDOFF_PARSER_H

#include "ast.h"
#include "diag.h"

typedef enum {
    PARSE_FILE,        /* a whole module (python3 FILE.py, -c CODE) */
    PARSE_INTERACTIVE, /* one REPL entry: a simple statement line or one compound statement */
} ParseMode;

/* Parse `length` bytes of UTF-8 `source`. On success stores the module in *out
 * (all memory in `arena`) and returns true. On error fills *diag and returns false.
 * The source need not end in a newline; NUL bytes and invalid UTF-8 are errors
 * ("source code cannot contain null bytes", "(unicode error) ..."). */
bool parse_source(Arena *arena, const char *source, size_t length, ParseMode mode,
                  Module **out, Diagnostic *diag);

#endif
