/* ast_dump.h — the AST as compact text, for tests and debugging. The form mirrors
 * CPython's ast.dump so that a few lines of Python print the same text from CPython's
 * own parse (tests/unit/test_parser.c holds them): `(BinOp 1 Add x)`, where a node is
 * (Type field...) with CPython's field order, a list is [a b], a missing node is ~,
 * a Constant is its repr and a Name in Load context is its bare id. */
#ifndef HANDOFF_AST_DUMP_H
#define HANDOFF_AST_DUMP_H

#include "ast.h"

/* A malloc'd string the caller frees. With `positions`, every node that has a position
 * is followed by @line:col-end_line:end_col (columns in bytes, as CPython's). */
char *ast_dump_module(const Module *module, bool positions);
char *ast_dump_expr(const Expr *expr, bool positions);

#endif
