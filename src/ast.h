/* ast.h — the abstract syntax tree the parser builds and the compiler walks.
 * Shapes follow CPython's `ast` module closely, so that CPython's documentation
 * of each node is also ours. Every node lives in an Arena freed after compiling. */
#ifndef HANDOFF_AST_H
#define HANDOFF_AST_H

#include "common.h"

/* ---- arena: every node, list and string of one parse ---- */
typedef struct ArenaBlock ArenaBlock;
typedef struct {
    ArenaBlock *head; /* newest block first; freed all at once */
} Arena;

void arena_init(Arena *arena);
void *arena_alloc(Arena *arena, size_t size); /* zeroed memory, never NULL (aborts on OOM) */
char *arena_strndup(Arena *arena, const char *text, size_t length);
void arena_free(Arena *arena);

typedef struct Expr Expr;
typedef struct Stmt Stmt;

/* Growable arrays of node pointers (items live in the arena). */
typedef struct { Expr **items; int count, capacity; } ExprList;
typedef struct { Stmt **items; int count, capacity; } StmtList;
void exprlist_push(Arena *arena, ExprList *list, Expr *item);
void stmtlist_push(Arena *arena, StmtList *list, Stmt *item);

/* A source position: 1-based line, 0-based byte column (as CPython's col_offset),
 * and the end of the node (end_line/end_col exclusive) for carets and messages. */
typedef struct { int line, col, end_line, end_col; } Pos;

typedef enum {
    OPR_ADD, OPR_SUB, OPR_MUL, OPR_MATMUL, OPR_DIV, OPR_FLOORDIV, OPR_MOD, OPR_POW,
    OPR_LSHIFT, OPR_RSHIFT, OPR_BITOR, OPR_BITXOR, OPR_BITAND,
} BinaryOperator;

typedef enum { UOP_NEG, UOP_POS, UOP_INVERT, UOP_NOT } UnaryOperator;

typedef enum {
    CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_IS, CMP_IS_NOT, CMP_IN, CMP_NOT_IN,
} CompareOperator;

/* Assignment context of Name/Attribute/Subscript/Starred/List/Tuple, as in CPython. */
typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprContext;

typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,     /* fits int64: int_value */
    CONST_BIGINT,  /* too large for int64: text holds the digits (no prefix, sign or '_'),
                    * int_value the base (10, 16, 8 or 2) */
    CONST_FLOAT,   /* float_value */
    CONST_IMAG,    /* 3j: float_value; the compiler rejects complex numbers */
    CONST_STR,     /* text/length: UTF-8 after escapes are decoded */
    CONST_BYTES,   /* b'..': text/length raw bytes; the compiler rejects bytes */
} ConstantKind;

typedef struct {
    Expr *target;   /* CTX_STORE */
    Expr *iter;
    ExprList ifs;
    bool is_async;  /* `async for` inside a comprehension */
} Comprehension;

typedef struct { Comprehension **items; int count, capacity; } ComprehensionList;

/* One parameter: `name: annotation = default` (annotation and default may be NULL). */
typedef struct {
    const char *name;
    Expr *annotation;
    Pos pos;
} Arg;
typedef struct { Arg **items; int count, capacity; } ArgList;

/* A parameter list, as CPython's ast.arguments. */
typedef struct {
    ArgList posonlyargs;   /* before `/` */
    ArgList args;          /* ordinary positional-or-keyword */
    Arg *vararg;           /* *args, or NULL */
    ArgList kwonlyargs;    /* after `*` or `*args` */
    ExprList kw_defaults;  /* one per kwonlyarg, NULL item where there is no default */
    Arg *kwarg;            /* **kwargs, or NULL */
    ExprList defaults;     /* defaults of the LAST len(defaults) of posonlyargs+args */
} Arguments;

/* `name=value` at a call; name NULL means `**value`. */
typedef struct { const char *name; Expr *value; Pos pos; } Keyword;
typedef struct { Keyword **items; int count, capacity; } KeywordList;

typedef enum {
    EXPR_BOOLOP, EXPR_NAMEDEXPR, EXPR_BINOP, EXPR_UNARYOP, EXPR_LAMBDA, EXPR_IFEXP,
    EXPR_DICT, EXPR_SET, EXPR_LISTCOMP, EXPR_SETCOMP, EXPR_DICTCOMP, EXPR_GENERATOREXP,
    EXPR_AWAIT, EXPR_YIELD, EXPR_YIELDFROM, EXPR_COMPARE, EXPR_CALL,
    EXPR_FORMATTEDVALUE, EXPR_JOINEDSTR, EXPR_CONSTANT, EXPR_ATTRIBUTE, EXPR_SUBSCRIPT,
    EXPR_STARRED, EXPR_NAME, EXPR_LIST, EXPR_TUPLE, EXPR_SLICE,
} ExprKind;

struct Expr {
    ExprKind kind;
    Pos pos;
    union {
        struct { bool is_and; ExprList values; } boolop;          /* a and b and c */
        struct { Expr *target; Expr *value; } namedexpr;          /* target is a Name */
        struct { BinaryOperator op; Expr *left, *right; } binop;
        struct { UnaryOperator op; Expr *operand; } unaryop;
        struct { Arguments *args; Expr *body; } lambda;
        struct { Expr *test, *body, *orelse; } ifexp;             /* body if test else orelse */
        struct { ExprList keys, values; } dict;                   /* key NULL: `**value` */
        struct { ExprList elts; } set;
        struct { Expr *elt; ComprehensionList generators; } comp; /* LISTCOMP, SETCOMP, GENERATOREXP */
        struct { Expr *key, *value; ComprehensionList generators; } dictcomp;
        struct { Expr *value; } await;
        struct { Expr *value; } yield;                            /* YIELD (value may be NULL), YIELDFROM */
        struct { Expr *left; int count; CompareOperator *ops; Expr **comparators; } compare;
        struct { Expr *func; ExprList args; KeywordList keywords; } call; /* args may hold Starred */
        /* f"{value!conversion:format_spec}": conversion is 0, 's', 'r' or 'a';
         * format_spec is a JoinedStr or NULL. For f"{x=}" the parser emits the
         * Constant "x=" before this node and sets conversion 'r' when none is given
         * and there is no format_spec, exactly as CPython does. */
        struct { Expr *value; int conversion; Expr *format_spec; } formatted;
        struct { ExprList values; } joinedstr;                    /* Constant str and FormattedValue */
        struct {
            ConstantKind kind;
            int64_t int_value;
            double float_value;
            const char *text;                                     /* STR/BYTES/BIGINT */
            size_t length;
        } constant;
        struct { Expr *value; const char *attr; ExprContext ctx; } attribute;
        struct { Expr *value; Expr *slice; ExprContext ctx; } subscript; /* slice: any expr, Slice, or Tuple */
        struct { Expr *value; ExprContext ctx; } starred;
        struct { const char *id; ExprContext ctx; } name;
        struct { ExprList elts; ExprContext ctx; } list;          /* LIST and TUPLE */
        struct { Expr *lower, *upper, *step; } slice;             /* each may be NULL */
    } as;
};

typedef struct { Expr *context_expr; Expr *optional_vars; } WithItem;
typedef struct { WithItem **items; int count, capacity; } WithItemList;

typedef struct { Expr *type; const char *name; StmtList body; Pos pos; } ExceptHandler;
typedef struct { ExceptHandler **items; int count, capacity; } HandlerList;

/* `import a.b as c` / `from m import x as y`: name may be dotted; asname may be NULL.
 * In ImportFrom, name "*" means `from m import *`. */
typedef struct { const char *name; const char *asname; Pos pos; } Alias;
typedef struct { Alias **items; int count, capacity; } AliasList;

typedef struct { const char **items; int count, capacity; } NameList;

typedef enum {
    STMT_FUNCTIONDEF, STMT_CLASSDEF, STMT_RETURN, STMT_DELETE, STMT_ASSIGN, STMT_AUGASSIGN,
    STMT_ANNASSIGN, STMT_FOR, STMT_WHILE, STMT_IF, STMT_WITH, STMT_RAISE, STMT_TRY,
    STMT_ASSERT, STMT_IMPORT, STMT_IMPORTFROM, STMT_GLOBAL, STMT_NONLOCAL, STMT_EXPR,
    STMT_PASS, STMT_BREAK, STMT_CONTINUE,
} StmtKind;

struct Stmt {
    StmtKind kind;
    Pos pos;
    union {
        struct {
            const char *name;
            Arguments *args;
            StmtList body;
            ExprList decorators;   /* outermost first, as written */
            Expr *returns;         /* annotation or NULL; ignored at run time */
            bool is_async;
        } functiondef;
        struct {
            const char *name;
            ExprList bases;
            KeywordList keywords;
            StmtList body;
            ExprList decorators;
        } classdef;
        struct { Expr *value; } return_;                 /* value may be NULL */
        struct { ExprList targets; } delete_;
        struct { ExprList targets; Expr *value; } assign; /* a = b = value: targets [a, b] */
        struct { Expr *target; BinaryOperator op; Expr *value; } augassign;
        /* x: int = 5. simple is true for a bare Name target not in parentheses. */
        struct { Expr *target; Expr *annotation; Expr *value; bool simple; } annassign;
        struct { Expr *target, *iter; StmtList body, orelse; bool is_async; } for_;
        struct { Expr *test; StmtList body, orelse; } while_;
        struct { Expr *test; StmtList body, orelse; } if_;  /* elif is a nested If in orelse */
        struct { WithItemList items; StmtList body; bool is_async; } with;
        struct { Expr *exc, *cause; } raise;              /* both may be NULL */
        struct { StmtList body; HandlerList handlers; StmtList orelse, finalbody; bool is_star; } try_;
        struct { Expr *test, *msg; } assert_;
        struct { AliasList names; } import;
        struct { const char *module; AliasList names; int level; } importfrom;
        struct { NameList names; } global;                /* GLOBAL and NONLOCAL */
        struct { Expr *value; } expr;
    } as;
};

/* A parsed module: its statements, and the docstring rule is the compiler's. */
typedef struct {
    StmtList body;
} Module;

#endif
