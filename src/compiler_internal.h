/* compiler_internal.h — what the compiler's three files share: the compilation
 * unit being emitted (one per code object), labels and jumps, constants and
 * names, the compile-time block stack, and the entry points of each file.
 * compiler.c: units, emission, code objects, the stack-depth pass, functions
 * and classes; compiler_expr.c: expressions; compiler_stmt.c: statements. */
#ifndef HANDOFF_COMPILER_INTERNAL_H
#define HANDOFF_COMPILER_INTERNAL_H

#include "compiler.h"
#include "opcodes.h"
#include "symtable.h"

/* CPython's STACK_USE_GUIDELINE: displays and calls with more items than this
 * are built incrementally, so the value stack stays small. */
#define STACK_USE_GUIDELINE 30
#define MAX_OPERAND 0xFFFF

typedef enum {
    UNIT_MODULE,
    UNIT_CLASS,
    UNIT_FUNCTION,
    UNIT_ASYNC_FUNCTION,
    UNIT_LAMBDA,
    UNIT_COMPREHENSION,
} UnitKind;

/* The compile-time block stack (CPython's fblockinfo): what a `break`,
 * `continue` or `return` must undo on its way out. */
typedef enum {
    FB_WHILE_LOOP,      /* nothing on the stack */
    FB_FOR_LOOP,        /* the iterator is on the stack (also `async for`) */
    FB_TRY_EXCEPT,      /* a SETUP_FINALLY block is active */
    FB_FINALLY_TRY,     /* a SETUP_FINALLY block is active; the finally body must run */
    FB_FINALLY_END,     /* running a finally body for an exception: [prev, exc] + cleanup block */
    FB_WITH,            /* [exit, enter_result] + the with block */
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP, /* inside an except body: [prev] + cleanup block (+ the `as` block) */
    FB_POP_VALUE,       /* a return value waits under an inlined finally body */
    FB_EXCEPT_STAR,     /* inside an except* body: break/continue/return may not leave it */
} FBlockKind;

typedef struct {
    FBlockKind kind;
    int continue_label;       /* loops: the loop head */
    int break_label;          /* loops: after the loop (and its else) */
    StmtList *finalbody;      /* FB_FINALLY_TRY: the body to inline */
    const char *handler_name; /* FB_HANDLER_CLEANUP: the `as` name, or NULL */
    Pos pos;                  /* FB_WITH: the with statement (line of the __exit__ call) */
} FBlock;

typedef struct {
    int at;    /* offset of the 4-byte operand */
    int label;
} JumpFixup;

typedef struct Unit Unit;
struct Unit {
    UnitKind kind;
    SymScope *scope;
    ObjCode *code;            /* made on entry: constants go straight into it */
    Unit *parent;
    const char *name;         /* "f", "<lambda>", "<module>" */
    char *qualname;           /* malloc'd */
    const char *private_name; /* enclosing class name for mangling, or NULL */

    uint8_t *bytes;           /* the bytecode being emitted */
    int *lines;               /* parallel: source line of each byte */
    int length, capacity;
    int line;                 /* the line of what is being compiled now */
    Pos pos;                  /* the node being compiled (for operand-limit errors) */
    int last_terminator_end;  /* offset just after the last RETURN/RAISE/JUMP, or -1 */
    int last_label_offset;    /* offset of the last label bound, or -1 */

    ObjStr **names;           /* code->names, interned, in order of first use */
    int name_count, name_capacity;
    int *name_index;          /* open-addressed hash over names (by pointer), -1 empty */
    int name_index_capacity;
    int *const_index;         /* open-addressed hash over code->constants, -1 empty */
    int const_index_capacity;

    const char **localnames;  /* parameters first, then locals in order of first use */
    int nlocals, locals_capacity;
    const char **cellnames;   /* sorted, as CPython; `__class__` first in class bodies */
    int ncells;
    const char **freenames;   /* sorted */
    int nfree;

    int *labels;              /* label -> offset, -1 while unbound */
    int label_count, label_capacity;
    JumpFixup *fixups;
    int fixup_count, fixup_capacity;
    FBlock *fblocks;
    int fblock_count, fblock_capacity;
    bool has_annotations;     /* class bodies: __annotations__ was made at the start */
};

typedef struct {
    VM *vm;
    Diagnostic *diag;
    bool failed;             /* the first error is in *diag; everything after is skipped */
    uintptr_t stack_base;    /* where the C stack stood when compiling began */
    SymTable symtable;
    Unit *unit;              /* innermost unit being compiled */
    int depth;               /* number of units open (1 = module) */
    bool interactive;
    bool top_level_await;    /* the REPL: await, async for, async with allowed in module code */
    bool future_annotations; /* `from __future__ import annotations`: annotations stay unevaluated */
    ObjStr *filename;
    Arena arena;             /* scratch strings (mangled names, import components) */
} Compiler;

/* ---- compiler.c: errors, memory, emission, labels ---- */
void *compiler_realloc(void *pointer, size_t size); /* scratch memory; exits when out of it */
bool compiler_error(Compiler *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* True when module code may await (the REPL, as `python -m asyncio`): the module's
 * code object is then marked CODE_COROUTINE, so that calling it makes a coroutine. */
bool compiler_top_level_await(Compiler *c);
/* True (with the error reported) when nesting has used up the compile stack budget. */
bool compiler_too_deep(Compiler *c);
void emit(Compiler *c, OpCode op);
void emit_arg(Compiler *c, OpCode op, int arg);
int new_label(Compiler *c);
void bind_label(Compiler *c, int label);
/* A jump to `label`: JUMP becomes JUMP_BACKWARD when the label is already bound. */
void emit_jump(Compiler *c, OpCode op, int label);
bool unit_reachable(Compiler *c);
void set_pos(Compiler *c, Pos pos);

/* ---- compiler.c: constants, names, variables ---- */
int add_const(Compiler *c, Value value);
void emit_const(Compiler *c, Value value);
void emit_none(Compiler *c);
ObjStr *intern_name(Compiler *c, const char *name);
int add_name(Compiler *c, const char *name);
void emit_name(Compiler *c, OpCode op, const char *name);
const char *mangle(Compiler *c, const char *name);
/* Loads, stores or deletes a variable with the opcode its scope calls for. */
void compile_nameop(Compiler *c, const char *name, ExprContext ctx);
/* A str constant: interned when it looks like an identifier, as CPython. */
Value str_constant(Compiler *c, const char *text, size_t length);

/* ---- compiler.c: units and code objects ---- */
bool enter_unit(Compiler *c, UnitKind kind, const void *node, const char *name, int firstline);
ObjCode *exit_unit(Compiler *c);
void abandon_unit(Compiler *c);
/* Emits [closure tuple], the code constant and MAKE_FUNCTION `flags` (| 8 when
 * the code has free variables). */
void make_closure(Compiler *c, ObjCode *code, int flags);
bool compile_function(Compiler *c, Stmt *s);
bool compile_class(Compiler *c, Stmt *s);
bool compile_lambda(Compiler *c, Expr *e);
/* Pushes the defaults tuple and the kw-only defaults dict; returns MAKE_FUNCTION flags. */
int compile_defaults(Compiler *c, Arguments *args);
/* Is the first statement a docstring (a str constant expression)? */
Expr *docstring_of(StmtList *body);

/* ---- compiler.c: the block stack ---- */
FBlock *push_fblock(Compiler *c, FBlockKind kind);
void pop_fblock(Compiler *c, FBlockKind kind);

/* ---- compiler_expr.c ---- */
bool compile_expr(Compiler *c, Expr *e);
bool compile_exprs(Compiler *c, ExprList *list);
/* Jumps to `label` when the truth of `e` equals `cond` (both forward jumps). */
bool compile_jump_if(Compiler *c, Expr *e, bool cond, int label);
/* Assignment target: stores the value on top of the stack. */
bool compile_store(Compiler *c, Expr *target);
bool compile_delete(Compiler *c, Expr *target);
/* A call whose callee and `prefix` first arguments are already on the stack. */
bool compile_call_helper(Compiler *c, int prefix, ExprList *args, KeywordList *keywords, Pos pos);
/* Evaluates a compile-time constant (literal, -literal, tuple of those) into *out. */
bool fold_constant(Compiler *c, Expr *e, Value *out);
/* GET_AWAITABLE; LOAD_CONST None; YIELD_FROM. */
void emit_await(Compiler *c);

/* ---- compiler_stmt.c ---- */
bool compile_stmt(Compiler *c, Stmt *s);
bool compile_stmts(Compiler *c, StmtList *list, int start);

#endif
