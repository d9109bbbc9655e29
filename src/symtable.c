/* symtable.c — the compiler's first pass: walk the AST once to record how every
 * name is used in every scope, then analyse the scopes top-down to decide which
 * names are locals, cells, free variables or globals. The rules, and the order of
 * the checks behind each SyntaxError, follow CPython 3.11's Python/symtable.c. */
#include "symtable.h"

#include <stdarg.h>

/* ------------------------------------------------------------ small helpers */

/* Grows an arena-held array to hold one more item (the old block is simply left
 * in the arena, which is freed as a whole). */
static void *grow_array(Arena *arena, void *items, int count, int *capacity, size_t size) {
    if (count < *capacity) return items;
    int new_capacity = *capacity < 8 ? 8 : *capacity * 2;
    void *grown = arena_alloc(arena, size * (size_t)new_capacity);
    if (count > 0) memcpy(grown, items, size * (size_t)count);
    *capacity = new_capacity;
    return grown;
}

static uint32_t hash_name(const char *name) {
    uint32_t hash = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) hash = (hash ^ *p) * 16777619u;
    return hash;
}

/* Reports the first error only: later ones are consequences. */
static bool fail_at(SymTable *st, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail_at(SymTable *st, Pos pos, const char *fmt, ...) {
    if (st->failed) return false;
    st->failed = true;
    char message[sizeof st->diag->message];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    diag_set(st->diag, "SyntaxError", pos.line, pos.col + 1, "%s", message);
    st->diag->end_col = pos.end_line == pos.line ? pos.end_col + 1 : 0;
    return false;
}

const char *symtable_mangle(Arena *arena, const char *private_name, const char *name) {
    if (private_name == NULL || name[0] != '_' || name[1] != '_') return name;
    size_t length = strlen(name);
    /* Dunder names (__init__) and dotted import names are never mangled. */
    if ((name[length - 1] == '_' && name[length - 2] == '_') || strchr(name, '.') != NULL) return name;
    while (*private_name == '_') private_name++;
    if (*private_name == '\0') return name; /* a class named only with underscores */
    size_t private_length = strlen(private_name);
    char *mangled = arena_alloc(arena, 1 + private_length + length + 1);
    mangled[0] = '_';
    memcpy(mangled + 1, private_name, private_length);
    memcpy(mangled + 1 + private_length, name, length + 1);
    return mangled;
}

/* ------------------------------------------------------------ symbols */

Symbol *symscope_lookup(SymScope *scope, const char *name) {
    if (scope->index_capacity == 0) return NULL;
    uint32_t mask = (uint32_t)scope->index_capacity - 1;
    for (uint32_t slot = hash_name(name) & mask;; slot = (slot + 1) & mask) {
        int i = scope->index[slot];
        if (i < 0) return NULL;
        if (strcmp(scope->symbols[i].name, name) == 0) return &scope->symbols[i];
    }
}

NameScope symscope_name_scope(SymScope *scope, const char *name) {
    Symbol *symbol = symscope_lookup(scope, name);
    return symbol ? symbol->scope : NAME_UNKNOWN;
}

static void reindex(Arena *arena, SymScope *scope) {
    int capacity = scope->index_capacity < 16 ? 16 : scope->index_capacity * 2;
    scope->index = arena_alloc(arena, sizeof(int) * (size_t)capacity);
    scope->index_capacity = capacity;
    for (int i = 0; i < capacity; i++) scope->index[i] = -1;
    uint32_t mask = (uint32_t)capacity - 1;
    for (int i = 0; i < scope->symbol_count; i++) {
        uint32_t slot = hash_name(scope->symbols[i].name) & mask;
        while (scope->index[slot] >= 0) slot = (slot + 1) & mask;
        scope->index[slot] = i;
    }
}

/* Returns the symbol for `name` (not mangled here), creating it with no flags. */
static Symbol *intern_symbol(Arena *arena, SymScope *scope, const char *name) {
    Symbol *symbol = symscope_lookup(scope, name);
    if (symbol) return symbol;
    scope->symbols = grow_array(arena, scope->symbols, scope->symbol_count, &scope->symbol_capacity,
                                sizeof(Symbol));
    symbol = &scope->symbols[scope->symbol_count++];
    symbol->name = name;
    symbol->flags = 0;
    symbol->scope = NAME_UNKNOWN;
    if (scope->symbol_count * 2 > scope->index_capacity) {
        reindex(arena, scope);
    } else {
        uint32_t mask = (uint32_t)scope->index_capacity - 1;
        uint32_t slot = hash_name(name) & mask;
        while (scope->index[slot] >= 0) slot = (slot + 1) & mask;
        scope->index[slot] = scope->symbol_count - 1;
    }
    return symbol;
}

/* CPython's symtable_add_def_helper: records `flag` for `name` in `scope`. */
static bool add_def_in(SymTable *st, SymScope *scope, const char *name, int flag, Pos pos) {
    const char *mangled = symtable_mangle(&st->arena, st->private_name, name);
    Symbol *existing = symscope_lookup(scope, mangled);
    if (existing && (flag & SYM_DEF_PARAM) && (existing->flags & SYM_DEF_PARAM))
        return fail_at(st, pos, "duplicate argument '%s' in function definition", name);
    int flags = (existing ? existing->flags : 0) | flag;
    if (scope->comp_iter_target) {
        /* An iteration variable: it may not also be a walrus target of this comprehension. */
        if (flags & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL))
            return fail_at(st, pos, "comprehension inner loop cannot rebind assignment expression target '%s'",
                           name);
        flags |= SYM_DEF_COMP_ITER;
    }
    Symbol *symbol = existing ? existing : intern_symbol(&st->arena, scope, mangled);
    symbol->flags = flags;
    if (flag & SYM_DEF_PARAM) {
        scope->params = grow_array(&st->arena, scope->params, scope->param_count, &scope->param_capacity,
                                   sizeof(const char *));
        scope->params[scope->param_count++] = mangled;
    }
    return true;
}

static bool add_def(SymTable *st, const char *name, int flag, Pos pos) {
    return add_def_in(st, st->current, name, flag, pos);
}

static int lookup_flags(SymTable *st, const char *name) {
    Symbol *symbol = symscope_lookup(st->current, symtable_mangle(&st->arena, st->private_name, name));
    return symbol ? symbol->flags : 0;
}

static void record_directive(SymTable *st, const char *name, Pos pos) {
    SymScope *scope = st->current;
    scope->directives = grow_array(&st->arena, scope->directives, scope->directive_count,
                                   &scope->directive_capacity, sizeof(Directive));
    scope->directives[scope->directive_count++] = (Directive){name, pos};
}

/* ------------------------------------------------------------ scopes by node */

static uint32_t hash_pointer(const void *pointer) {
    uint64_t x = (uint64_t)(uintptr_t)pointer;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static void map_node(SymTable *st, SymScope *scope) {
    if ((st->by_node_count + 1) * 2 > st->by_node_capacity) {
        int old_capacity = st->by_node_capacity;
        SymScope **old = st->by_node;
        st->by_node_capacity = old_capacity < 16 ? 16 : old_capacity * 2;
        st->by_node = arena_alloc(&st->arena, sizeof(SymScope *) * (size_t)st->by_node_capacity);
        st->by_node_count = 0;
        for (int i = 0; i < old_capacity; i++)
            if (old[i]) map_node(st, old[i]);
    }
    uint32_t mask = (uint32_t)st->by_node_capacity - 1;
    uint32_t slot = hash_pointer(scope->node) & mask;
    while (st->by_node[slot]) slot = (slot + 1) & mask;
    st->by_node[slot] = scope;
    st->by_node_count++;
}

SymScope *symtable_scope_of(SymTable *st, const void *node) {
    if (st->by_node_capacity == 0) return NULL;
    uint32_t mask = (uint32_t)st->by_node_capacity - 1;
    for (uint32_t slot = hash_pointer(node) & mask; st->by_node[slot]; slot = (slot + 1) & mask)
        if (st->by_node[slot]->node == node) return st->by_node[slot];
    return NULL;
}

static void enter_block(SymTable *st, const char *name, BlockType type, const void *node, Pos pos) {
    SymScope *scope = arena_alloc(&st->arena, sizeof(SymScope));
    scope->type = type;
    scope->name = name;
    scope->node = node;
    scope->pos = pos;
    scope->parent = st->current;
    if (st->current) {
        SymScope *parent = st->current;
        parent->children = grow_array(&st->arena, parent->children, parent->child_count,
                                      &parent->child_capacity, sizeof(SymScope *));
        parent->children[parent->child_count++] = scope;
    }
    map_node(st, scope);
    st->current = scope;
}

static void exit_block(SymTable *st) { st->current = st->current->parent; }

/* ------------------------------------------------------------ the visitor */

static bool visit_stmt(SymTable *st, Stmt *s);
static bool visit_expr(SymTable *st, Expr *e);

static bool visit_stmts(SymTable *st, StmtList *list) {
    for (int i = 0; i < list->count; i++)
        if (!visit_stmt(st, list->items[i])) return false;
    return true;
}

static bool visit_exprs(SymTable *st, ExprList *list) {
    for (int i = 0; i < list->count; i++)
        if (list->items[i] && !visit_expr(st, list->items[i])) return false;
    return true;
}

static bool visit_params(SymTable *st, ArgList *params) {
    for (int i = 0; i < params->count; i++)
        if (!add_def(st, params->items[i]->name, SYM_DEF_PARAM, params->items[i]->pos)) return false;
    return true;
}

/* Parameters in frame order: posonly, args, kwonly, *args, **kwargs.
 * Annotations are not visited: handoff never evaluates them. */
static bool visit_arguments(SymTable *st, Arguments *args) {
    if (!visit_params(st, &args->posonlyargs) || !visit_params(st, &args->args) ||
        !visit_params(st, &args->kwonlyargs))
        return false;
    if (args->vararg) {
        if (!add_def(st, args->vararg->name, SYM_DEF_PARAM, args->vararg->pos)) return false;
        st->current->has_varargs = true;
    }
    if (args->kwarg) {
        if (!add_def(st, args->kwarg->name, SYM_DEF_PARAM, args->kwarg->pos)) return false;
        st->current->has_varkeywords = true;
    }
    return true;
}

/* Defaults are evaluated in the enclosing scope, when the def runs. */
static bool visit_defaults(SymTable *st, Arguments *args) {
    return visit_exprs(st, &args->defaults) && visit_exprs(st, &args->kw_defaults);
}

static bool visit_function(SymTable *st, Stmt *s) {
    if (!add_def(st, s->as.functiondef.name, SYM_DEF_LOCAL, s->pos)) return false;
    if (!visit_defaults(st, s->as.functiondef.args)) return false;
    if (!visit_exprs(st, &s->as.functiondef.decorators)) return false;
    enter_block(st, s->as.functiondef.name, BLOCK_FUNCTION, s, s->pos);
    st->current->is_coroutine = s->as.functiondef.is_async;
    bool ok = visit_arguments(st, s->as.functiondef.args) && visit_stmts(st, &s->as.functiondef.body);
    exit_block(st);
    return ok;
}

static bool visit_class(SymTable *st, Stmt *s) {
    if (!add_def(st, s->as.classdef.name, SYM_DEF_LOCAL, s->pos)) return false;
    if (!visit_exprs(st, &s->as.classdef.bases)) return false;
    for (int i = 0; i < s->as.classdef.keywords.count; i++)
        if (!visit_expr(st, s->as.classdef.keywords.items[i]->value)) return false;
    if (!visit_exprs(st, &s->as.classdef.decorators)) return false;
    enter_block(st, s->as.classdef.name, BLOCK_CLASS, s, s->pos);
    const char *saved_private = st->private_name;
    st->private_name = s->as.classdef.name;
    bool ok = visit_stmts(st, &s->as.classdef.body);
    st->private_name = saved_private;
    exit_block(st);
    return ok;
}

/* `global x` / `nonlocal x`: the name may not have been used, assigned, annotated
 * or be a parameter earlier in the same scope. */
static bool visit_declaration(SymTable *st, Stmt *s) {
    bool global = s->kind == STMT_GLOBAL;
    const char *what = global ? "global" : "nonlocal";
    for (int i = 0; i < s->as.global.names.count; i++) {
        const char *name = s->as.global.names.items[i];
        int current = lookup_flags(st, name);
        if (current & (SYM_DEF_PARAM | SYM_DEF_LOCAL | SYM_USE | SYM_DEF_ANNOT)) {
            if (current & SYM_DEF_PARAM) return fail_at(st, s->pos, "name '%s' is parameter and %s", name, what);
            if (current & SYM_USE)
                return fail_at(st, s->pos, "name '%s' is used prior to %s declaration", name, what);
            if (current & SYM_DEF_ANNOT) return fail_at(st, s->pos, "annotated name '%s' can't be %s", name, what);
            return fail_at(st, s->pos, "name '%s' is assigned to before %s declaration", name, what);
        }
        if (!add_def(st, name, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, s->pos)) return false;
        record_directive(st, symtable_mangle(&st->arena, st->private_name, name), s->pos);
    }
    return true;
}

static bool visit_annassign(SymTable *st, Stmt *s) {
    Expr *target = s->as.annassign.target;
    if (target->kind == EXPR_NAME) {
        const char *name = target->as.name.id;
        int current = lookup_flags(st, name);
        if ((current & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && st->current != st->top && s->as.annassign.simple)
            return fail_at(st, s->pos, "annotated name '%s' can't be %s", name,
                           (current & SYM_DEF_GLOBAL) ? "global" : "nonlocal");
        /* `x: int` alone still makes x local to a function, as in CPython. */
        if (s->as.annassign.simple) {
            if (!add_def(st, name, SYM_DEF_ANNOT | SYM_DEF_LOCAL, target->pos)) return false;
        } else if (s->as.annassign.value && !add_def(st, name, SYM_DEF_LOCAL, target->pos)) {
            return false;
        }
    } else if (!visit_expr(st, target)) {
        return false;
    }
    return s->as.annassign.value == NULL || visit_expr(st, s->as.annassign.value);
}

static bool visit_alias(SymTable *st, Alias *alias) {
    if (strcmp(alias->name, "*") == 0) {
        if (st->current->type != BLOCK_MODULE)
            return fail_at(st, alias->pos, "import * only allowed at module level");
        return true;
    }
    /* `import a.b` binds `a`. */
    const char *store = alias->asname;
    if (store == NULL) {
        const char *dot = strchr(alias->name, '.');
        store = dot ? arena_strndup(&st->arena, alias->name, (size_t)(dot - alias->name)) : alias->name;
    }
    return add_def(st, store, SYM_DEF_IMPORT, alias->pos);
}

/* Deeply nested code: stop before the C stack runs out (see common.h). */
static bool too_deep(SymTable *st) {
    if (stack_used_since(st->stack_base) < COMPILE_STACK_LIMIT) return false;
    if (!st->failed) {
        st->failed = true;
        diag_set(st->diag, "RecursionError", 0, 0, "maximum recursion depth exceeded during compilation");
    }
    return true;
}

static bool visit_stmt(SymTable *st, Stmt *s) {
    if (st->failed || too_deep(st)) return false;
    switch (s->kind) {
    case STMT_FUNCTIONDEF: return visit_function(st, s);
    case STMT_CLASSDEF: return visit_class(st, s);
    case STMT_RETURN:
        if (s->as.return_.value) {
            if (!visit_expr(st, s->as.return_.value)) return false;
            st->current->returns_value = true;
        }
        return true;
    case STMT_DELETE: return visit_exprs(st, &s->as.delete_.targets);
    case STMT_ASSIGN: return visit_exprs(st, &s->as.assign.targets) && visit_expr(st, s->as.assign.value);
    case STMT_AUGASSIGN: return visit_expr(st, s->as.augassign.target) && visit_expr(st, s->as.augassign.value);
    case STMT_ANNASSIGN: return visit_annassign(st, s);
    case STMT_FOR:
        return visit_expr(st, s->as.for_.target) && visit_expr(st, s->as.for_.iter) &&
               visit_stmts(st, &s->as.for_.body) && visit_stmts(st, &s->as.for_.orelse);
    case STMT_WHILE:
        return visit_expr(st, s->as.while_.test) && visit_stmts(st, &s->as.while_.body) &&
               visit_stmts(st, &s->as.while_.orelse);
    case STMT_IF:
        return visit_expr(st, s->as.if_.test) && visit_stmts(st, &s->as.if_.body) &&
               visit_stmts(st, &s->as.if_.orelse);
    case STMT_WITH:
        for (int i = 0; i < s->as.with.items.count; i++) {
            WithItem *item = s->as.with.items.items[i];
            if (!visit_expr(st, item->context_expr)) return false;
            if (item->optional_vars && !visit_expr(st, item->optional_vars)) return false;
        }
        return visit_stmts(st, &s->as.with.body);
    case STMT_RAISE:
        return (s->as.raise.exc == NULL || visit_expr(st, s->as.raise.exc)) &&
               (s->as.raise.cause == NULL || visit_expr(st, s->as.raise.cause));
    case STMT_TRY:
        if (!visit_stmts(st, &s->as.try_.body) || !visit_stmts(st, &s->as.try_.orelse)) return false;
        for (int i = 0; i < s->as.try_.handlers.count; i++) {
            ExceptHandler *handler = s->as.try_.handlers.items[i];
            if (handler->type && !visit_expr(st, handler->type)) return false;
            if (handler->name && !add_def(st, handler->name, SYM_DEF_LOCAL, handler->pos)) return false;
            if (!visit_stmts(st, &handler->body)) return false;
        }
        return visit_stmts(st, &s->as.try_.finalbody);
    case STMT_ASSERT:
        return visit_expr(st, s->as.assert_.test) && (s->as.assert_.msg == NULL || visit_expr(st, s->as.assert_.msg));
    case STMT_IMPORT:
        for (int i = 0; i < s->as.import.names.count; i++)
            if (!visit_alias(st, s->as.import.names.items[i])) return false;
        return true;
    case STMT_IMPORTFROM:
        for (int i = 0; i < s->as.importfrom.names.count; i++)
            if (!visit_alias(st, s->as.importfrom.names.items[i])) return false;
        return true;
    case STMT_GLOBAL:
    case STMT_NONLOCAL: return visit_declaration(st, s);
    case STMT_EXPR: return visit_expr(st, s->as.expr.value);
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE: return true;
    }
    return true;
}

/* A walrus inside a comprehension binds in the nearest enclosing scope that is not
 * a comprehension (CPython's symtable_extend_namedexpr_scope). */
static bool extend_namedexpr_scope(SymTable *st, Expr *target) {
    const char *name = target->as.name.id;
    for (SymScope *scope = st->current; scope; scope = scope->parent) {
        if (scope->comprehension != COMP_NONE) {
            Symbol *symbol = symscope_lookup(scope, name);
            if (symbol && (symbol->flags & SYM_DEF_COMP_ITER))
                return fail_at(st, target->pos,
                               "assignment expression cannot rebind comprehension iteration variable '%s'", name);
            continue;
        }
        if (scope->type == BLOCK_FUNCTION) {
            Symbol *symbol = symscope_lookup(scope, name);
            int flag = symbol && (symbol->flags & SYM_DEF_GLOBAL) ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL;
            if (!add_def(st, name, flag, target->pos)) return false;
            record_directive(st, symtable_mangle(&st->arena, st->private_name, name), target->pos);
            return add_def_in(st, scope, name, SYM_DEF_LOCAL, target->pos);
        }
        if (scope->type == BLOCK_MODULE) {
            if (!add_def(st, name, SYM_DEF_GLOBAL, target->pos)) return false;
            record_directive(st, symtable_mangle(&st->arena, st->private_name, name), target->pos);
            return add_def_in(st, scope, name, SYM_DEF_GLOBAL, target->pos);
        }
        return fail_at(st, target->pos,
                       "assignment expression within a comprehension cannot be used in a class body");
    }
    return true;
}

static bool visit_namedexpr(SymTable *st, Expr *e) {
    if (st->current->comp_iter_expr > 0)
        return fail_at(st, e->pos, "assignment expression cannot be used in a comprehension iterable expression");
    if (st->current->comprehension != COMP_NONE && !extend_namedexpr_scope(st, e->as.namedexpr.target))
        return false;
    return visit_expr(st, e->as.namedexpr.value) && visit_expr(st, e->as.namedexpr.target);
}

static bool visit_comprehension(SymTable *st, Comprehension *comp) {
    st->current->comp_iter_target = true;
    bool ok = visit_expr(st, comp->target);
    st->current->comp_iter_target = false;
    if (!ok) return false;
    st->current->comp_iter_expr++;
    ok = visit_expr(st, comp->iter);
    st->current->comp_iter_expr--;
    if (!ok || !visit_exprs(st, &comp->ifs)) return false;
    if (comp->is_async) st->current->is_coroutine = true;
    return true;
}

/* A comprehension is a function of its own whose single parameter `.0` is the
 * outermost iterator, evaluated in the enclosing scope (as CPython 3.11). */
static bool visit_comprehension_scope(SymTable *st, Expr *e, const char *scope_name, ComprehensionList *generators,
                                      Expr *elt, Expr *value, ComprehensionKind kind) {
    Comprehension *outermost = generators->items[0];
    st->current->comp_iter_expr++;
    bool ok = visit_expr(st, outermost->iter);
    st->current->comp_iter_expr--;
    if (!ok) return false;
    enter_block(st, scope_name, BLOCK_FUNCTION, e, e->pos);
    SymScope *scope = st->current;
    scope->comprehension = kind;
    if (outermost->is_async) scope->is_coroutine = true;
    ok = add_def(st, ".0", SYM_DEF_PARAM, e->pos);
    if (ok) {
        scope->comp_iter_target = true;
        ok = visit_expr(st, outermost->target);
        scope->comp_iter_target = false;
    }
    ok = ok && visit_exprs(st, &outermost->ifs);
    for (int i = 1; ok && i < generators->count; i++) ok = visit_comprehension(st, generators->items[i]);
    if (ok && value) ok = visit_expr(st, value);
    ok = ok && visit_expr(st, elt);
    scope->is_generator = kind == COMP_GENEXP;
    bool is_async = scope->is_coroutine && kind != COMP_GENEXP;
    exit_block(st);
    /* An async comprehension nested in another makes the outer one async too. */
    if (is_async) st->current->is_coroutine = true;
    return ok;
}

static bool visit_yield(SymTable *st, Expr *e) {
    switch (st->current->comprehension) {
    case COMP_LIST: return fail_at(st, e->pos, "'yield' inside list comprehension");
    case COMP_SET: return fail_at(st, e->pos, "'yield' inside set comprehension");
    case COMP_DICT: return fail_at(st, e->pos, "'yield' inside dict comprehension");
    case COMP_GENEXP: return fail_at(st, e->pos, "'yield' inside generator expression");
    case COMP_NONE: break;
    }
    if (e->as.yield.value && !visit_expr(st, e->as.yield.value)) return false;
    st->current->is_generator = true;
    return true;
}

static bool visit_name(SymTable *st, Expr *e) {
    bool load = e->as.name.ctx == CTX_LOAD;
    if (!add_def(st, e->as.name.id, load ? SYM_USE : SYM_DEF_LOCAL, e->pos)) return false;
    /* super() reads the __class__ cell of the enclosing class body. */
    if (load && st->current->type == BLOCK_FUNCTION && strcmp(e->as.name.id, "super") == 0)
        return add_def(st, "__class__", SYM_USE, e->pos);
    return true;
}

static bool visit_expr(SymTable *st, Expr *e) {
    if (st->failed || too_deep(st)) return false;
    if (st->failed) return false;
    switch (e->kind) {
    case EXPR_BOOLOP: return visit_exprs(st, &e->as.boolop.values);
    case EXPR_NAMEDEXPR: return visit_namedexpr(st, e);
    case EXPR_BINOP: return visit_expr(st, e->as.binop.left) && visit_expr(st, e->as.binop.right);
    case EXPR_UNARYOP: return visit_expr(st, e->as.unaryop.operand);
    case EXPR_LAMBDA: {
        if (!visit_defaults(st, e->as.lambda.args)) return false;
        enter_block(st, "lambda", BLOCK_FUNCTION, e, e->pos);
        bool ok = visit_arguments(st, e->as.lambda.args) && visit_expr(st, e->as.lambda.body);
        exit_block(st);
        return ok;
    }
    case EXPR_IFEXP:
        return visit_expr(st, e->as.ifexp.test) && visit_expr(st, e->as.ifexp.body) &&
               visit_expr(st, e->as.ifexp.orelse);
    case EXPR_DICT: return visit_exprs(st, &e->as.dict.keys) && visit_exprs(st, &e->as.dict.values);
    case EXPR_SET: return visit_exprs(st, &e->as.set.elts);
    case EXPR_GENERATOREXP:
        return visit_comprehension_scope(st, e, "genexpr", &e->as.comp.generators, e->as.comp.elt, NULL,
                                         COMP_GENEXP);
    case EXPR_LISTCOMP:
        return visit_comprehension_scope(st, e, "listcomp", &e->as.comp.generators, e->as.comp.elt, NULL,
                                         COMP_LIST);
    case EXPR_SETCOMP:
        return visit_comprehension_scope(st, e, "setcomp", &e->as.comp.generators, e->as.comp.elt, NULL,
                                         COMP_SET);
    case EXPR_DICTCOMP:
        return visit_comprehension_scope(st, e, "dictcomp", &e->as.dictcomp.generators, e->as.dictcomp.key,
                                         e->as.dictcomp.value, COMP_DICT);
    case EXPR_AWAIT:
        if (!visit_expr(st, e->as.await.value)) return false;
        st->current->is_coroutine = true;
        return true;
    case EXPR_YIELD:
    case EXPR_YIELDFROM: return visit_yield(st, e);
    case EXPR_COMPARE:
        if (!visit_expr(st, e->as.compare.left)) return false;
        for (int i = 0; i < e->as.compare.count; i++)
            if (!visit_expr(st, e->as.compare.comparators[i])) return false;
        return true;
    case EXPR_CALL:
        if (!visit_expr(st, e->as.call.func) || !visit_exprs(st, &e->as.call.args)) return false;
        for (int i = 0; i < e->as.call.keywords.count; i++)
            if (!visit_expr(st, e->as.call.keywords.items[i]->value)) return false;
        return true;
    case EXPR_FORMATTEDVALUE:
        return visit_expr(st, e->as.formatted.value) &&
               (e->as.formatted.format_spec == NULL || visit_expr(st, e->as.formatted.format_spec));
    case EXPR_JOINEDSTR: return visit_exprs(st, &e->as.joinedstr.values);
    case EXPR_CONSTANT: return true;
    case EXPR_ATTRIBUTE: return visit_expr(st, e->as.attribute.value);
    case EXPR_SUBSCRIPT: return visit_expr(st, e->as.subscript.value) && visit_expr(st, e->as.subscript.slice);
    case EXPR_STARRED: return visit_expr(st, e->as.starred.value);
    case EXPR_NAME: return visit_name(st, e);
    case EXPR_LIST:
    case EXPR_TUPLE: return visit_exprs(st, &e->as.list.elts);
    case EXPR_SLICE:
        return (e->as.slice.lower == NULL || visit_expr(st, e->as.slice.lower)) &&
               (e->as.slice.upper == NULL || visit_expr(st, e->as.slice.upper)) &&
               (e->as.slice.step == NULL || visit_expr(st, e->as.slice.step));
    }
    return true;
}

/* ------------------------------------------------------------ analysis */

/* A set of names for the analysis (CPython uses Python sets): open addressing
 * with tombstones, malloc-backed because the sets are short-lived copies. */
typedef struct {
    const char **keys; /* NULL empty, TOMBSTONE deleted */
    int capacity, used;
} NameSet;

static const char TOMBSTONE_MARK;
#define TOMBSTONE (&TOMBSTONE_MARK)

static void nameset_add(NameSet *set, const char *name);

static void nameset_free(NameSet *set) {
    free(set->keys);
    set->keys = NULL;
    set->capacity = set->used = 0;
}

static int nameset_find(const NameSet *set, const char *name) {
    if (set->capacity == 0) return -1;
    uint32_t mask = (uint32_t)set->capacity - 1;
    for (uint32_t slot = hash_name(name) & mask;; slot = (slot + 1) & mask) {
        const char *key = set->keys[slot];
        if (key == NULL) return -1;
        if (key != TOMBSTONE && strcmp(key, name) == 0) return (int)slot;
    }
}

static bool nameset_contains(const NameSet *set, const char *name) { return nameset_find(set, name) >= 0; }

static void nameset_discard(NameSet *set, const char *name) {
    int slot = nameset_find(set, name);
    if (slot >= 0) set->keys[slot] = TOMBSTONE;
}

static void nameset_resize(NameSet *set) {
    NameSet old = *set;
    set->capacity = old.capacity < 16 ? 16 : old.capacity * 2;
    set->keys = calloc((size_t)set->capacity, sizeof(const char *));
    if (set->keys == NULL) {
        fprintf(stderr, "handoff: out of memory\n");
        exit(70);
    }
    set->used = 0;
    for (int i = 0; i < old.capacity; i++)
        if (old.keys[i] && old.keys[i] != TOMBSTONE) nameset_add(set, old.keys[i]);
    free(old.keys);
}

static void nameset_add(NameSet *set, const char *name) {
    if (nameset_contains(set, name)) return;
    if ((set->used + 1) * 2 > set->capacity) nameset_resize(set);
    uint32_t mask = (uint32_t)set->capacity - 1;
    uint32_t slot = hash_name(name) & mask;
    while (set->keys[slot] != NULL) slot = (slot + 1) & mask; /* tombstones are not reused: simpler */
    set->keys[slot] = name;
    set->used++;
}

static void nameset_union(NameSet *into, const NameSet *from) {
    for (int i = 0; i < from->capacity; i++)
        if (from->keys[i] && from->keys[i] != TOMBSTONE) nameset_add(into, from->keys[i]);
}

static NameSet nameset_copy(const NameSet *from) {
    NameSet copy = {0};
    if (from) nameset_union(&copy, from);
    return copy;
}

/* Errors about a declared name point at its first global/nonlocal statement. */
static Pos directive_pos(SymScope *scope, const char *name) {
    for (int i = 0; i < scope->directive_count; i++)
        if (strcmp(scope->directives[i].name, name) == 0) return scope->directives[i].pos;
    return scope->pos;
}

static bool analyze_name(SymTable *st, SymScope *scope, Symbol *symbol, NameSet *bound, NameSet *local,
                         NameSet *free, NameSet *global) {
    /* `bound`: names bound in enclosing functions (NULL at module level);
     * `global`: names declared global in enclosing scopes. */
    const char *name = symbol->name;
    int flags = symbol->flags;
    if (flags & SYM_DEF_GLOBAL) {
        if (flags & SYM_DEF_NONLOCAL)
            return fail_at(st, directive_pos(scope, name), "name '%s' is nonlocal and global", name);
        symbol->scope = NAME_GLOBAL_EXPLICIT;
        nameset_add(global, name);
        if (bound) nameset_discard(bound, name);
        return true;
    }
    if (flags & SYM_DEF_NONLOCAL) {
        if (bound == NULL)
            return fail_at(st, directive_pos(scope, name), "nonlocal declaration not allowed at module level");
        if (!nameset_contains(bound, name))
            return fail_at(st, directive_pos(scope, name), "no binding for nonlocal '%s' found", name);
        symbol->scope = NAME_FREE;
        scope->has_free = true;
        nameset_add(free, name);
        return true;
    }
    if (flags & SYM_DEF_BOUND) {
        symbol->scope = NAME_LOCAL;
        nameset_add(local, name);
        nameset_discard(global, name);
        return true;
    }
    if (bound && nameset_contains(bound, name)) {
        symbol->scope = NAME_FREE;
        scope->has_free = true;
        nameset_add(free, name);
        return true;
    }
    /* Declared global in an enclosing scope, or never bound anywhere: either way
     * a global (or builtin), as CPython. */
    symbol->scope = NAME_GLOBAL_IMPLICIT;
    return true;
}

/* A local of this function that some inner scope uses freely becomes a cell. */
static void analyze_cells(SymScope *scope, NameSet *free) {
    for (int i = 0; i < scope->symbol_count; i++) {
        Symbol *symbol = &scope->symbols[i];
        if (symbol->scope == NAME_LOCAL && nameset_contains(free, symbol->name)) {
            symbol->scope = NAME_CELL;
            nameset_discard(free, symbol->name);
        }
    }
}

/* Methods using __class__ (or super()) get it from a cell of the class body. */
static void drop_class_free(SymScope *scope, NameSet *free) {
    if (nameset_contains(free, "__class__")) {
        nameset_discard(free, "__class__");
        scope->needs_class_closure = true;
    }
}

/* Free names of children that this scope does not bind pass through it as free
 * names of its own, so that its closure can hand them down. */
static void update_symbols(SymTable *st, SymScope *scope, NameSet *bound, NameSet *free, bool is_class) {
    for (int i = 0; i < free->capacity; i++) {
        const char *name = free->keys[i];
        if (name == NULL || name == TOMBSTONE) continue;
        Symbol *symbol = symscope_lookup(scope, name);
        if (symbol) {
            /* A method's free variable that the class body itself also binds. */
            if (is_class && (symbol->flags & (SYM_DEF_BOUND | SYM_DEF_GLOBAL))) symbol->flags |= SYM_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !nameset_contains(bound, name)) continue; /* a global */
        intern_symbol(&st->arena, scope, name)->scope = NAME_FREE;
    }
}

static bool analyze_block(SymTable *st, SymScope *scope, NameSet *bound, NameSet *free, NameSet *global);

static bool analyze_child(SymTable *st, SymScope *child, NameSet *bound, NameSet *free, NameSet *global,
                          NameSet *child_free) {
    /* Each child works on copies, so siblings do not see each other's changes. */
    NameSet temp_bound = nameset_copy(bound), temp_free = nameset_copy(free), temp_global = nameset_copy(global);
    bool ok = analyze_block(st, child, &temp_bound, &temp_free, &temp_global);
    if (ok) nameset_union(child_free, &temp_free);
    nameset_free(&temp_bound);
    nameset_free(&temp_free);
    nameset_free(&temp_global);
    return ok;
}

static bool analyze_block(SymTable *st, SymScope *scope, NameSet *bound, NameSet *free, NameSet *global) {
    NameSet local = {0}, new_bound = {0}, new_free = {0}, new_global = {0}, all_free = {0};
    bool ok = true;
    /* A class body's own names are not visible in its methods: what its children
     * see is decided before its names are analysed. */
    if (scope->type == BLOCK_CLASS) {
        nameset_union(&new_global, global);
        if (bound) nameset_union(&new_bound, bound);
    }
    for (int i = 0; ok && i < scope->symbol_count; i++)
        ok = analyze_name(st, scope, &scope->symbols[i], bound, &local, free, global);
    if (ok) {
        if (scope->type != BLOCK_CLASS) {
            if (scope->type == BLOCK_FUNCTION) nameset_union(&new_bound, &local);
            if (bound) nameset_union(&new_bound, bound);
            nameset_union(&new_global, global);
        } else {
            nameset_add(&new_bound, "__class__");
        }
    }
    for (int i = 0; ok && i < scope->child_count; i++) {
        SymScope *child = scope->children[i];
        ok = analyze_child(st, child, &new_bound, &new_free, &new_global, &all_free);
        if (child->has_free || child->child_has_free) scope->child_has_free = true;
    }
    if (ok) {
        nameset_union(&new_free, &all_free);
        if (scope->type == BLOCK_FUNCTION) analyze_cells(scope, &new_free);
        else if (scope->type == BLOCK_CLASS) drop_class_free(scope, &new_free);
        update_symbols(st, scope, bound, &new_free, scope->type == BLOCK_CLASS);
        nameset_union(free, &new_free);
    }
    nameset_free(&local);
    nameset_free(&new_bound);
    nameset_free(&new_free);
    nameset_free(&new_global);
    nameset_free(&all_free);
    return ok;
}

/* ------------------------------------------------------------ entry points */

bool symtable_build(SymTable *st, Module *module, Diagnostic *diag) {
    char base;
    memset(st, 0, sizeof *st);
    st->stack_base = (uintptr_t)&base;
    arena_init(&st->arena);
    st->diag = diag;
    enter_block(st, "top", BLOCK_MODULE, module, (Pos){1, 0, 1, 0});
    st->top = st->current;
    bool ok = visit_stmts(st, &module->body);
    st->current = st->top;
    if (!ok || st->failed) return false;
    NameSet free = {0}, global = {0};
    ok = analyze_block(st, st->top, NULL, &free, &global);
    nameset_free(&free);
    nameset_free(&global);
    return ok && !st->failed;
}

void symtable_free(SymTable *st) {
    arena_free(&st->arena);
    st->top = st->current = NULL;
    st->by_node = NULL;
    st->by_node_capacity = st->by_node_count = 0;
}
