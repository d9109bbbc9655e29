/* parser_test.h — what the parser's unit tests share: parse a text and dump its AST,
 * or expect a syntax error and return it. */
#ifndef HANDOFF_PARSER_TEST_H
#define HANDOFF_PARSER_TEST_H

#include <criterion/criterion.h>

#include "ast_dump.h"
#include "parser.h"

/* Parse and dump; NULL (with *diag filled) on a syntax error. The caller frees. */
static inline char *parse_to_text(const char *source, size_t length, ParseMode mode, bool positions, Diagnostic *diag)
{
    Arena arena;
    arena_init(&arena);
    Module *module;
    char *text = NULL;
    if (parse_source(&arena, source, length, mode, &module, diag)) text = ast_dump_module(module, positions);
    arena_free(&arena);
    return text;
}

static inline void expect_dump(const char *source, const char *expected, bool positions)
{
    Diagnostic diag;
    char *got = parse_to_text(source, strlen(source), PARSE_FILE, positions, &diag);
    if (got == NULL) {
        cr_expect_fail("source: %s\n  unexpected %s: %s (%d:%d)", source, diag.kind, diag.message, diag.line, diag.col);
        return;
    }
    cr_expect_str_eq(got, expected, "source: %s", source);
    free(got);
}

/* Parse `source` expecting an error; returns it. */
static inline Diagnostic parse_error(const char *source, ParseMode mode)
{
    Diagnostic diag;
    char *got = parse_to_text(source, strlen(source), mode, false, &diag);
    cr_expect_null(got, "source: %s\n  parsed, expected an error", source);
    free(got);
    return diag;
}

#endif
