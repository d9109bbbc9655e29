/* symtable.h — scope analysis, the compiler's first pass (as CPython's symtable.c).
 * One SymScope per module, function, lambda, class body and comprehension records
 * how each name is used there; the analysis then decides, for every name, whether
 * it is a local, a cell, a free variable, an explicit or an implicit global. */
#ifndef HANDOFF_SYMTABLE_H
#define HANDOFF_SYMTABLE_H

#include "ast.h"
#include "diag.h"

typedef enum { BLOCK_MODULE, BLOCK_FUNCTION, BLOCK_CLASS } BlockType;

/* Which kind of comprehension a BLOCK_FUNCTION scope is (COMP_NONE for def/lambda). */
typedef enum { COMP_NONE, COMP_LIST, COMP_SET, COMP_DICT, COMP_GENEXP } ComprehensionKind;

/* How a name is used in one scope (bits of Symbol.flags), as CPython's DEF_* flags. */
enum {
    SYM_DEF_GLOBAL = 1 << 0,    /* `global x` (or a walrus in a module-level comprehension) */
    SYM_DEF_LOCAL = 1 << 1,     /* assigned, deleted, a def/class name, a for/with/except target */
    SYM_DEF_PARAM = 1 << 2,     /* a parameter */
    SYM_DEF_NONLOCAL = 1 << 3,  /* `nonlocal x` (or a walrus inside a comprehension) */
    SYM_USE = 1 << 4,           /* read */
    SYM_DEF_FREE_CLASS = 1 << 5, /* bound in a class body and free in one of its methods */
    SYM_DEF_IMPORT = 1 << 6,    /* bound by an import */
    SYM_DEF_ANNOT = 1 << 7,     /* `x: T` */
    SYM_DEF_COMP_ITER = 1 << 8, /* a comprehension's iteration variable */
};
#define SYM_DEF_BOUND (SYM_DEF_LOCAL | SYM_DEF_PARAM | SYM_DEF_IMPORT)

/* The result of the analysis for one name in one scope. */
typedef enum {
    NAME_UNKNOWN = 0,      /* not used in this scope at all */
    NAME_LOCAL,            /* a fast local (functions) or a namespace entry (module, class) */
    NAME_GLOBAL_EXPLICIT,  /* declared `global` here or in an enclosing scope */
    NAME_GLOBAL_IMPLICIT,  /* never bound in any enclosing function: global or builtin */
    NAME_FREE,             /* bound in an enclosing function: reached through a cell */
    NAME_CELL,             /* local here and used by an inner function: lives in a cell */
} NameScope;

typedef struct {
    const char *name;  /* mangled in class bodies (__x -> _C__x), as CPython */
    int flags;         /* SYM_* bits */
    NameScope scope;   /* set by the analysis */
} Symbol;

/* A `global`/`nonlocal` statement naming `name`, kept for error locations. */
typedef struct {
    const char *name;
    Pos pos;
} Directive;

typedef struct SymScope SymScope;
struct SymScope {
    BlockType type;
    ComprehensionKind comprehension;
    const char *name;          /* "top", the def/class name, "lambda", "listcomp", ... */
    const void *node;          /* the AST node it belongs to (its key) */
    Pos pos;
    SymScope *parent;
    SymScope **children;       /* in source order */
    int child_count, child_capacity;

    Symbol *symbols;           /* in order of first appearance */
    int symbol_count, symbol_capacity;
    int *index;                /* open-addressed hash of symbols: -1 empty */
    int index_capacity;        /* power of two */

    const char **params;       /* parameter names in frame order (CPython's ste_varnames) */
    int param_count, param_capacity;
    Directive *directives;
    int directive_count, directive_capacity;

    bool is_generator;         /* contains yield (or is a generator expression) */
    bool is_coroutine;         /* async def, or contains await / an async comprehension */
    bool has_varargs, has_varkeywords;
    bool has_free;             /* some name here is free */
    bool child_has_free;       /* some nested scope has free names */
    bool needs_class_closure;  /* a class body whose methods use __class__ or super() */
    bool returns_value;
    int comp_iter_expr;        /* > 0 while visiting a comprehension's iterable */
    bool comp_iter_target;     /* while visiting a comprehension's target */
};

typedef struct {
    Arena arena;               /* every scope, array and mangled name */
    SymScope *top;             /* the module scope */
    SymScope *current;         /* while building */
    const char *private_name;  /* the enclosing class name, for mangling, or NULL */
    Diagnostic *diag;
    bool failed;
    uintptr_t stack_base;      /* where the C stack stood when the walk began */
    /* node -> scope, open-addressed by pointer */
    SymScope **by_node;
    int by_node_capacity, by_node_count;
} SymTable;

/* Builds and analyses the scopes of `module`. On a SyntaxError fills *diag and
 * returns false; either way symtable_free must be called. */
bool symtable_build(SymTable *table, Module *module, Diagnostic *diag);
void symtable_free(SymTable *table);

/* The scope created for a FunctionDef/ClassDef statement, a Lambda or comprehension
 * expression, or the Module itself; NULL if there is none. */
SymScope *symtable_scope_of(SymTable *table, const void *node);

/* The symbol `name` (already mangled) of a scope, or NULL. */
Symbol *symscope_lookup(SymScope *scope, const char *name);
NameScope symscope_name_scope(SymScope *scope, const char *name);

/* CPython's private-name mangling: inside class `private_name`, `__x` (not ending
 * in two underscores, no dots) becomes `_Class__x` (leading underscores of the class
 * name stripped). Returns `name` itself when nothing changes. */
const char *symtable_mangle(Arena *arena, const char *private_name, const char *name);

#endif
