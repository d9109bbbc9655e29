/* diag.c — filling in a Diagnostic (diag.h). Every call starts a fresh diagnostic:
 * the caret run (end_col) and the REPL's `incomplete` are cleared for the caller to set. */
#include "diag.h"

#include <stdarg.h>

void diag_set(Diagnostic *diag, const char *kind, int line, int col, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(diag->message, sizeof diag->message, fmt, args);
    va_end(args);
    diag->kind = kind;
    diag->line = line;
    diag->col = col;
    diag->end_col = 0;
    diag->incomplete = false;
}
