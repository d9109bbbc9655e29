/* diag.h — a compile-time diagnostic (SyntaxError, IndentationError, or a
 * construct outside the subset) as data. The lexer, parser and compiler fill
 * one in and return false; the caller decides how to show it (CLI, REPL). */
#ifndef HANDOFF_DIAG_H
#define HANDOFF_DIAG_H

#include "common.h"

typedef struct {
    /* "SyntaxError", "IndentationError" or "TabError": the Python exception class name. */
    const char *kind;
    char message[256];   /* CPython's wording, e.g. "invalid syntax", "expected ':'" */
    int line;            /* 1-based; 0 if unknown */
    int col;             /* 1-based column of the caret as CPython prints it (offset) */
    int end_col;         /* 1-based exclusive end of the caret run, or 0 for a single caret */
    /* True when the input ended inside an unfinished construct (open bracket,
     * unterminated triple-quoted string, block header with no body): the REPL
     * then reads another line instead of reporting the error (like Lua's "<eof>"). */
    bool incomplete;
} Diagnostic;

/* Fill in a diagnostic with a printf-style message. */
void diag_set(Diagnostic *diag, const char *kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
