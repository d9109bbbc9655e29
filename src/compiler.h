/* compiler.h — AST (ast.h) to bytecode (opcodes.h): scope analysis (locals,
 * cells, free variables, globals), code generation, and the stack-depth pass.
 * Constructs outside handoff's subset are reported here as a Diagnostic. */
#ifndef HANDOFF_COMPILER_H
#define HANDOFF_COMPILER_H

#include "ast.h"
#include "diag.h"
#include "vm.h"

/* Compiles a parsed module into its module-level code object.
 * `interactive`: top-level expression statements print their repr (PRINT_EXPR),
 * as at CPython's prompt. Returns NULL with *diag filled on error.
 * No garbage collection happens while compiling (GC runs only at safe points
 * of the dispatch loop), so the compiler needs no rooting. */
ObjCode *compiler_compile(VM *vm, Module *module, const char *filename, bool interactive,
                          Diagnostic *diag);

/* Parses and compiles `length` bytes of source in one step (the syntax tree
 * lives only while compiling). Returns NULL with *diag filled on a syntax or
 * compile error. What the CLI, asyncio's prelude and the tests call. */
ObjCode *compiler_compile_source(VM *vm, const char *source, size_t length, const char *filename,
                                 bool interactive, Diagnostic *diag);

/* The REPL's entry: `await`, `async for` and `async with` are allowed at the top
 * level (as under `python -m asyncio`); code that uses them is marked
 * CODE_COROUTINE, so calling it as a function of the namespace makes a coroutine,
 * which the REPL runs as a task. `single`: one statement, as typed at the prompt
 * (else a whole file, as a lesson's block); `echo`: expression statements print
 * their repr (PRINT_EXPR). */
ObjCode *compiler_compile_prompt(VM *vm, const char *source, size_t length, const char *filename,
                                 bool single, bool echo, Diagnostic *diag);

#endif
