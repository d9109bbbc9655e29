/* compiler.c — AST to bytecode, modeled on CPython 3.11's compile.c. This file
 * holds the compilation units (one per code object), emission with labels and
 * jumps, constants and names, the ObjCode assembly with its stack-depth pass,
 * and def/lambda/class; expressions and statements are in compiler_expr.c and
 * compiler_stmt.c. Scope analysis comes first, from symtable.c. */
#include "compiler_internal.h"
#include "parser.h"

#include <assert.h>
#include <stdarg.h>

/* ------------------------------------------------------------ errors */

bool compiler_error(Compiler *c, Pos pos, const char *fmt, ...) {
    if (c->failed) return false;
    c->failed = true;
    char message[sizeof c->diag->message];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    diag_set(c->diag, "SyntaxError", pos.line, pos.col + 1, "%s", message);
    c->diag->end_col = pos.end_line == pos.line ? pos.end_col + 1 : 0;
    return false;
}

/* The compiler's scratch memory is plain malloc, freed when its unit closes
 * (only the finished ObjCode goes through the VM); running out is fatal, as in
 * reallocate(). */
void *compiler_realloc(void *pointer, size_t size) {
    void *result = realloc(pointer, size > 0 ? size : 1);
    if (result == NULL) {
        fprintf(stderr, "handoff: out of memory while compiling\n");
        exit(70);
    }
    return result;
}

static void *grow(void *items, int count, int *capacity, size_t size) {
    if (count < *capacity) return items;
    int new_capacity = *capacity < 8 ? 8 : *capacity * 2;
    *capacity = new_capacity;
    return compiler_realloc(items, size * (size_t)new_capacity);
}

/* ------------------------------------------------------------ emission */

void set_pos(Compiler *c, Pos pos) {
    c->unit->line = pos.line;
    c->unit->pos = pos;
}

static void emit_byte(Unit *u, uint8_t byte) {
    if (u->length + 1 > u->capacity) {
        int capacity = u->capacity;
        u->bytes = grow(u->bytes, u->length, &capacity, sizeof(uint8_t));
        u->lines = compiler_realloc(u->lines, sizeof(int) * (size_t)capacity);
        u->capacity = capacity;
    }
    u->bytes[u->length] = byte;
    u->lines[u->length] = u->line;
    u->length++;
}

static bool is_terminator(OpCode op) {
    return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_POP_EXCEPT_AND_RERAISE ||
           op == OP_JUMP || op == OP_JUMP_BACKWARD;
}

static void note_terminator(Unit *u, OpCode op) {
    if (is_terminator(op)) u->last_terminator_end = u->length;
}

void emit(Compiler *c, OpCode op) {
    if (c->failed) return;
    assert(opcode_arg_bytes[op] == ARG_NONE);
    emit_byte(c->unit, (uint8_t)op);
    note_terminator(c->unit, op);
}

void emit_arg(Compiler *c, OpCode op, int arg) {
    if (c->failed) return;
    assert(opcode_arg_bytes[op] == ARG_U16);
    if (arg < 0 || arg > MAX_OPERAND) {
        compiler_error(c, c->unit->pos, "too many items in one expression for handoff (the limit is %d)",
                       MAX_OPERAND);
        return;
    }
    Unit *u = c->unit;
    emit_byte(u, (uint8_t)op);
    emit_byte(u, (uint8_t)(arg & 0xFF));
    emit_byte(u, (uint8_t)(arg >> 8));
    note_terminator(u, op);
}

int new_label(Compiler *c) {
    Unit *u = c->unit;
    u->labels = grow(u->labels, u->label_count, &u->label_capacity, sizeof(int));
    u->labels[u->label_count] = -1;
    return u->label_count++;
}

void bind_label(Compiler *c, int label) {
    Unit *u = c->unit;
    assert(u->labels[label] < 0);
    u->labels[label] = u->length;
    u->last_label_offset = u->length;
}

static void write_u32(uint8_t *at, uint32_t value) {
    for (int i = 0; i < 4; i++) at[i] = (uint8_t)(value >> (8 * i));
}

static uint32_t read_u32(const uint8_t *at) {
    return (uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16 | (uint32_t)at[3] << 24;
}

void emit_jump(Compiler *c, OpCode op, int label) {
    if (c->failed) return;
    Unit *u = c->unit;
    assert(opcode_arg_bytes[op] == ARG_JUMP);
    int target = u->labels[label];
    if (target >= 0) {
        /* Every backward jump is JUMP_BACKWARD: the VM's safe point. Conditional
         * jumps are always emitted forward. */
        assert(op == OP_JUMP || op == OP_JUMP_BACKWARD);
        op = OP_JUMP_BACKWARD;
    } else if (op == OP_JUMP_BACKWARD) {
        op = OP_JUMP;
    }
    emit_byte(u, (uint8_t)op);
    u->fixups = grow(u->fixups, u->fixup_count, &u->fixup_capacity, sizeof(JumpFixup));
    u->fixups[u->fixup_count++] = (JumpFixup){u->length, label};
    for (int i = 0; i < 4; i++) emit_byte(u, 0);
    note_terminator(u, op);
}

/* False right after an unconditional transfer that no jump lands behind, so that
 * an implicit `return None` is not emitted after an explicit return. */
bool unit_reachable(Compiler *c) {
    Unit *u = c->unit;
    return !(u->last_terminator_end == u->length && u->last_label_offset != u->length);
}

/* ------------------------------------------------------------ constants */

static uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static uint64_t hash_bytes(const char *bytes, size_t length) {
    uint64_t hash = 1469598103934665603ull;
    for (size_t i = 0; i < length; i++) hash = (hash ^ (unsigned char)bytes[i]) * 1099511628211ull;
    return hash;
}

static uint64_t hash_constant(Value v) {
    switch (v.type) {
    case VAL_EMPTY: return 0;
    case VAL_NONE: return 1;
    case VAL_BOOL: return 2 + (uint64_t)AS_BOOL(v);
    case VAL_INT: return mix64((uint64_t)AS_INT(v) ^ 0x1234);
    case VAL_FLOAT: {
        uint64_t bits;
        memcpy(&bits, &v.as.number, sizeof bits);
        return mix64(bits ^ 0x5678);
    }
    case VAL_OBJ: break;
    }
    Obj *obj = AS_OBJ(v);
    switch ((ObjType)obj->type) {
    case OBJ_STR: return hash_bytes(((ObjStr *)obj)->chars, (size_t)((ObjStr *)obj)->length);
    case OBJ_BIGINT: return mix64(mpz_getlimbn(((ObjBigInt *)obj)->value, 0) ^ 0x9abc);
    case OBJ_TUPLE: {
        ObjTuple *tuple = (ObjTuple *)obj;
        uint64_t hash = 0x7777 + (uint64_t)tuple->count;
        for (int64_t i = 0; i < tuple->count; i++) hash = mix64(hash ^ hash_constant(tuple->items[i]));
        return hash;
    }
    default: return mix64((uint64_t)(uintptr_t)obj);
    }
}

/* Constants are shared when they are the same type and value: 1, 1.0 and True
 * stay distinct, and 0.0 / -0.0 too (compared bit for bit), as CPython. */
static bool same_constant(Value a, Value b) {
    if (a.type != b.type) return false;
    switch (a.type) {
    case VAL_EMPTY:
    case VAL_NONE: return true;
    case VAL_BOOL: return AS_BOOL(a) == AS_BOOL(b);
    case VAL_INT: return AS_INT(a) == AS_INT(b);
    case VAL_FLOAT: return memcmp(&a.as.number, &b.as.number, sizeof(double)) == 0;
    case VAL_OBJ: break;
    }
    Obj *x = AS_OBJ(a), *y = AS_OBJ(b);
    if (x == y) return true;
    if (x->type != y->type) return false;
    switch (x->type) {
    case OBJ_STR: {
        ObjStr *s = (ObjStr *)x, *t = (ObjStr *)y;
        return s->length == t->length && memcmp(s->chars, t->chars, (size_t)s->length) == 0;
    }
    case OBJ_BIGINT: return mpz_cmp(((ObjBigInt *)x)->value, ((ObjBigInt *)y)->value) == 0;
    case OBJ_TUPLE: {
        ObjTuple *s = (ObjTuple *)x, *t = (ObjTuple *)y;
        if (s->count != t->count) return false;
        for (int64_t i = 0; i < s->count; i++)
            if (!same_constant(s->items[i], t->items[i])) return false;
        return true;
    }
    default: return false;
    }
}

static void index_constant(Unit *u, int i) {
    uint32_t mask = (uint32_t)u->const_index_capacity - 1;
    uint32_t slot = (uint32_t)hash_constant(u->code->constants.items[i]) & mask;
    while (u->const_index[slot] >= 0) slot = (slot + 1) & mask;
    u->const_index[slot] = i;
}

int add_const(Compiler *c, Value value) {
    Unit *u = c->unit;
    ValueArray *constants = &u->code->constants;
    if (u->const_index_capacity > 0) {
        uint32_t mask = (uint32_t)u->const_index_capacity - 1;
        for (uint32_t slot = (uint32_t)hash_constant(value) & mask; u->const_index[slot] >= 0;
             slot = (slot + 1) & mask)
            if (same_constant(constants->items[u->const_index[slot]], value)) return u->const_index[slot];
    }
    if (constants->count > MAX_OPERAND) {
        compiler_error(c, u->pos, "too many constants in one function for handoff (the limit is %d)",
                       MAX_OPERAND + 1);
        return 0;
    }
    value_array_push(c->vm, constants, value);
    if (constants->count * 2 > u->const_index_capacity) {
        free(u->const_index);
        u->const_index_capacity = u->const_index_capacity < 16 ? 16 : u->const_index_capacity * 2;
        u->const_index = compiler_realloc(NULL, sizeof(int) * (size_t)u->const_index_capacity);
        for (int i = 0; i < u->const_index_capacity; i++) u->const_index[i] = -1;
        for (int i = 0; i < constants->count; i++) index_constant(u, i);
    } else {
        index_constant(u, constants->count - 1);
    }
    return constants->count - 1;
}

void emit_const(Compiler *c, Value value) {
    if (c->failed) return;
    emit_arg(c, OP_LOAD_CONST, add_const(c, value));
}

void emit_none(Compiler *c) { emit_const(c, NONE_VAL); }

static bool looks_like_identifier(const char *text, size_t length) {
    for (size_t i = 0; i < length; i++) {
        char ch = text[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

Value str_constant(Compiler *c, const char *text, size_t length) {
    /* Identifier-like strings are interned (CPython does the same), so keyword
     * names and attribute strings compare by identity in the VM. */
    if (looks_like_identifier(text, length)) return OBJ_VAL(str_intern(c->vm, text, length));
    return OBJ_VAL(str_new(c->vm, text, length));
}

/* ------------------------------------------------------------ names */

ObjStr *intern_name(Compiler *c, const char *name) { return str_intern(c->vm, name, strlen(name)); }

static uint32_t hash_pointer(const void *pointer) { return (uint32_t)mix64((uint64_t)(uintptr_t)pointer); }

static void index_name(Unit *u, int i) {
    uint32_t mask = (uint32_t)u->name_index_capacity - 1;
    uint32_t slot = hash_pointer(u->names[i]) & mask;
    while (u->name_index[slot] >= 0) slot = (slot + 1) & mask;
    u->name_index[slot] = i;
}

int add_name(Compiler *c, const char *name) {
    Unit *u = c->unit;
    ObjStr *interned = intern_name(c, name);
    if (u->name_index_capacity > 0) {
        uint32_t mask = (uint32_t)u->name_index_capacity - 1;
        for (uint32_t slot = hash_pointer(interned) & mask; u->name_index[slot] >= 0; slot = (slot + 1) & mask)
            if (u->names[u->name_index[slot]] == interned) return u->name_index[slot];
    }
    if (u->name_count > MAX_OPERAND) {
        compiler_error(c, u->pos, "too many names in one function for handoff (the limit is %d)", MAX_OPERAND + 1);
        return 0;
    }
    u->names = grow(u->names, u->name_count, &u->name_capacity, sizeof(ObjStr *));
    u->names[u->name_count++] = interned;
    if (u->name_count * 2 > u->name_index_capacity) {
        free(u->name_index);
        u->name_index_capacity = u->name_index_capacity < 16 ? 16 : u->name_index_capacity * 2;
        u->name_index = compiler_realloc(NULL, sizeof(int) * (size_t)u->name_index_capacity);
        for (int i = 0; i < u->name_index_capacity; i++) u->name_index[i] = -1;
        for (int i = 0; i < u->name_count; i++) index_name(u, i);
    } else {
        index_name(u, u->name_count - 1);
    }
    return u->name_count - 1;
}

void emit_name(Compiler *c, OpCode op, const char *name) {
    if (c->failed) return;
    emit_arg(c, op, add_name(c, name));
}

const char *mangle(Compiler *c, const char *name) {
    return symtable_mangle(&c->arena, c->unit->private_name, name);
}

static int local_index(Compiler *c, const char *name) {
    Unit *u = c->unit;
    for (int i = 0; i < u->nlocals; i++)
        if (strcmp(u->localnames[i], name) == 0) return i;
    u->localnames = grow(u->localnames, u->nlocals, &u->locals_capacity, sizeof(const char *));
    u->localnames[u->nlocals] = name;
    return u->nlocals++;
}

/* Index of a cell or free variable in the frame's cell area: cells first. */
static int deref_index(Unit *u, const char *name) {
    for (int i = 0; i < u->ncells; i++)
        if (strcmp(u->cellnames[i], name) == 0) return i;
    for (int i = 0; i < u->nfree; i++)
        if (strcmp(u->freenames[i], name) == 0) return u->ncells + i;
    return -1;
}

void compile_nameop(Compiler *c, const char *name, ExprContext ctx) {
    if (c->failed) return;
    Unit *u = c->unit;
    const char *mangled = mangle(c, name);
    bool in_function = u->scope->type == BLOCK_FUNCTION;
    enum { BY_FAST, BY_DEREF, BY_GLOBAL, BY_NAME } how = BY_NAME;
    switch (symscope_name_scope(u->scope, mangled)) {
    case NAME_FREE:
    case NAME_CELL: how = BY_DEREF; break;
    case NAME_LOCAL: how = in_function ? BY_FAST : BY_NAME; break;
    case NAME_GLOBAL_IMPLICIT: how = in_function ? BY_GLOBAL : BY_NAME; break;
    case NAME_GLOBAL_EXPLICIT: how = BY_GLOBAL; break;
    case NAME_UNKNOWN: break;
    }
    /* The module's namespace is its globals, so module code uses *_GLOBAL. */
    if (how == BY_NAME && u->scope->type == BLOCK_MODULE) how = BY_GLOBAL;
    static const OpCode ops[4][3] = {
        {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
        {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
    };
    int which = ctx == CTX_LOAD ? 0 : ctx == CTX_STORE ? 1 : 2;
    OpCode op = ops[how][which];
    switch (how) {
    case BY_FAST: emit_arg(c, op, local_index(c, mangled)); break;
    case BY_DEREF: {
        int index = deref_index(u, mangled);
        if (index < 0) {
            compiler_error(c, u->pos, "internal compiler error: no cell for '%s'", mangled);
            return;
        }
        emit_arg(c, op, index);
        break;
    }
    case BY_GLOBAL:
    case BY_NAME: emit_name(c, op, mangled); break;
    }
}

/* ------------------------------------------------------------ block stack */

FBlock *push_fblock(Compiler *c, FBlockKind kind) {
    Unit *u = c->unit;
    u->fblocks = grow(u->fblocks, u->fblock_count, &u->fblock_capacity, sizeof(FBlock));
    FBlock *block = &u->fblocks[u->fblock_count++];
    memset(block, 0, sizeof *block);
    block->kind = kind;
    block->continue_label = block->break_label = -1;
    return block;
}

void pop_fblock(Compiler *c, FBlockKind kind) {
    Unit *u = c->unit;
    assert(u->fblock_count > 0 && u->fblocks[u->fblock_count - 1].kind == kind);
    (void)kind;
    u->fblock_count--;
}

/* ------------------------------------------------------------ units */

static int compare_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* CPython's qualified name: `outer.<locals>.f`, `C.method`; a def declared
 * global in its enclosing function is named from the top again. */
static char *make_qualname(Compiler *c, Unit *u) {
    Unit *parent = u->parent;
    const char *base = NULL;
    bool add_locals = false;
    if (parent && parent->kind != UNIT_MODULE) {
        bool force_global = false;
        if (u->kind == UNIT_FUNCTION || u->kind == UNIT_ASYNC_FUNCTION || u->kind == UNIT_CLASS) {
            const char *mangled = symtable_mangle(&c->arena, parent->private_name, u->name);
            force_global = symscope_name_scope(parent->scope, mangled) == NAME_GLOBAL_EXPLICIT;
        }
        if (!force_global) {
            base = parent->qualname;
            add_locals = parent->kind == UNIT_FUNCTION || parent->kind == UNIT_ASYNC_FUNCTION ||
                         parent->kind == UNIT_LAMBDA;
        }
    }
    size_t size = strlen(u->name) + 1 + (base ? strlen(base) + 10 : 0);
    char *qualname = compiler_realloc(NULL, size);
    if (base)
        snprintf(qualname, size, "%s%s.%s", base, add_locals ? ".<locals>" : "", u->name);
    else
        snprintf(qualname, size, "%s", u->name);
    return qualname;
}

/* Cells and free variables are known from the analysis; locals beyond the
 * parameters are numbered as the code first mentions them (as CPython). */
static void collect_variables(Unit *u) {
    SymScope *scope = u->scope;
    u->localnames = compiler_realloc(NULL, sizeof(const char *) * (size_t)(scope->param_count + 8));
    u->locals_capacity = scope->param_count + 8;
    for (int i = 0; i < scope->param_count; i++) u->localnames[i] = scope->params[i];
    u->nlocals = scope->param_count;
    u->cellnames = compiler_realloc(NULL, sizeof(const char *) * (size_t)(scope->symbol_count + 1));
    u->freenames = compiler_realloc(NULL, sizeof(const char *) * (size_t)(scope->symbol_count + 1));
    int class_cell = scope->needs_class_closure ? 1 : 0;
    if (class_cell) u->cellnames[0] = "__class__";
    for (int i = 0; i < scope->symbol_count; i++) {
        Symbol *symbol = &scope->symbols[i];
        if (symbol->scope == NAME_CELL) u->cellnames[u->ncells++ + class_cell] = symbol->name;
        else if (symbol->scope == NAME_FREE || (symbol->flags & SYM_DEF_FREE_CLASS))
            u->freenames[u->nfree++] = symbol->name;
    }
    qsort(u->cellnames + class_cell, (size_t)u->ncells, sizeof(const char *), compare_names);
    qsort(u->freenames, (size_t)u->nfree, sizeof(const char *), compare_names);
    u->ncells += class_cell;
}

bool enter_unit(Compiler *c, UnitKind kind, const void *node, const char *name, int firstline) {
    SymScope *scope = symtable_scope_of(&c->symtable, node);
    if (scope == NULL) return compiler_error(c, c->unit ? c->unit->pos : (Pos){1, 0, 1, 0},
                                             "internal compiler error: no scope for '%s'", name);
    Unit *u = compiler_realloc(NULL, sizeof(Unit));
    memset(u, 0, sizeof *u);
    u->kind = kind;
    u->scope = scope;
    u->name = name;
    u->parent = c->unit;
    u->private_name = c->unit ? c->unit->private_name : NULL;
    u->code = code_new(c->vm);
    u->code->firstline = firstline;
    u->line = firstline;
    u->pos = scope->pos;
    u->last_terminator_end = -1;
    u->last_label_offset = -1;
    collect_variables(u);
    u->qualname = make_qualname(c, u);
    c->unit = u;
    c->depth++;
    return true;
}

static void free_unit(Unit *u) {
    free(u->bytes);
    free(u->lines);
    free(u->names);
    free(u->name_index);
    free(u->const_index);
    free(u->localnames);
    free(u->cellnames);
    free(u->freenames);
    free(u->labels);
    free(u->fixups);
    free(u->fblocks);
    free(u->qualname);
    free(u);
}

void abandon_unit(Compiler *c) {
    Unit *u = c->unit;
    c->unit = u->parent;
    c->depth--;
    free_unit(u);
}

/* ------------------------------------------------------------ stack depth */

/* How an instruction changes the stack depth when it falls through (jump false)
 * or takes its jump / exception edge (jump true). */
static int stack_effect(OpCode op, int arg, bool jump) {
    switch (op) {
    case OP_NOP: case OP_SWAP: case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_GLOBAL:
    case OP_DELETE_NAME: case OP_LOAD_ATTR: case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE:
    case OP_UNARY_INVERT: case OP_UNARY_NOT: case OP_JUMP: case OP_JUMP_BACKWARD: case OP_GET_ITER:
    case OP_LIST_TO_TUPLE: case OP_YIELD_VALUE: case OP_GET_YIELD_FROM_ITER: case OP_GET_AWAITABLE:
    case OP_GET_AITER: case OP_POP_BLOCK: case OP_CHECK_EXC_MATCH: case OP_CHECK_EG_MATCH:
        return 0;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_GLOBAL: case OP_STORE_NAME:
    case OP_DELETE_ATTR: case OP_BINARY_SUBSCR: case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP:
    case OP_CONTAINS_OP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_LIST_APPEND:
    case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE:
    case OP_RETURN_VALUE: case OP_YIELD_FROM: case OP_POP_EXCEPT: case OP_IMPORT_STAR: case OP_PRINT_EXPR:
    case OP_PREP_RERAISE_STAR:
        return -1;
    case OP_COPY: case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF: case OP_LOAD_CLOSURE:
    case OP_LOAD_GLOBAL: case OP_LOAD_NAME: case OP_LOAD_METHOD: case OP_GET_ANEXT: case OP_PUSH_EXC_INFO:
    case OP_LOAD_ASSERTION_ERROR: case OP_BEFORE_WITH: case OP_BEFORE_ASYNC_WITH: case OP_WITH_EXCEPT_START:
    case OP_IMPORT_NAME: case OP_IMPORT_FROM: case OP_LOAD_BUILD_CLASS:
        return 1;
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD: case OP_END_ASYNC_FOR:
    case OP_POP_EXCEPT_AND_RERAISE:
        return -2;
    case OP_STORE_SUBSCR: return -3;
    case OP_BUILD_SLICE: case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_SETUP_FINALLY: return jump ? 1 : 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_CALL: return -arg;
    case OP_CALL_KW: case OP_CALL_METHOD: return -arg - 1;
    case OP_CALL_METHOD_KW: return -arg - 2;
    case OP_CALL_EX: return -1 - (arg & 1);
    case OP_MAKE_FUNCTION: return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 8) != 0);
    case OP_RAISE_VARARGS: return -arg;
    case OPCODE_COUNT: break;
    }
    return 0;
}

static bool has_jump(OpCode op) {
    return opcode_arg_bytes[op] == ARG_JUMP;
}

/* The deepest value stack the code needs, by a flow analysis over every path
 * (as CPython's stackdepth()); an exception handler starts at the depth its
 * SETUP_FINALLY recorded plus the exception. Returns -1 on an inconsistency,
 * which would be a bug in this compiler. */
static int compute_max_stack(const uint8_t *code, int length) {
    int *depth_at = compiler_realloc(NULL, sizeof(int) * (size_t)(length + 1));
    int *worklist = compiler_realloc(NULL, sizeof(int) * (size_t)(length + 1));
    for (int i = 0; i <= length; i++) depth_at[i] = -1;
    int pending = 0, max_depth = 0;
    bool consistent = true;
#define MERGE(offset, depth)                                                                       \
    do {                                                                                           \
        int at_ = (offset), d_ = (depth);                                                          \
        if (d_ < 0 || at_ < 0 || at_ >= length) {                                                  \
            consistent = false;                                                                    \
        } else if (depth_at[at_] < 0) {                                                            \
            depth_at[at_] = d_;                                                                    \
            worklist[pending++] = at_;                                                             \
            if (d_ > max_depth) max_depth = d_;                                                    \
        } else if (depth_at[at_] != d_) {                                                          \
            consistent = false;                                                                    \
        }                                                                                          \
    } while (0)
    MERGE(0, 0);
    while (pending > 0 && consistent) {
        int offset = worklist[--pending];
        int depth = depth_at[offset];
        OpCode op = (OpCode)code[offset];
        int arg = 0, next = offset + 1 + opcode_arg_bytes[op];
        if (opcode_arg_bytes[op] == ARG_U16) arg = code[offset + 1] | code[offset + 2] << 8;
        if (has_jump(op)) MERGE((int)read_u32(code + offset + 1), depth + stack_effect(op, arg, true));
        if (!is_terminator(op)) MERGE(next, depth + stack_effect(op, arg, false));
        else if (depth + stack_effect(op, arg, false) < 0) consistent = false;
    }
#undef MERGE
    free(depth_at);
    free(worklist);
    assert(consistent && "stack depth analysis found an inconsistent or negative depth");
    return consistent ? max_depth : -1;
}

/* ------------------------------------------------------------ code objects */

static int code_flags(Unit *u) {
    SymScope *scope = u->scope;
    int flags = u->code->flags;
    if (u->kind == UNIT_MODULE) flags |= CODE_MODULE;
    if (scope->type == BLOCK_FUNCTION) {
        if (scope->has_varargs) flags |= CODE_VARARGS;
        if (scope->has_varkeywords) flags |= CODE_VARKEYWORDS;
        if (scope->is_coroutine && scope->is_generator) flags |= CODE_ASYNC_GENERATOR;
        else if (scope->is_coroutine) flags |= CODE_COROUTINE;
        else if (scope->is_generator) flags |= CODE_GENERATOR;
    }
    return flags;
}

static ObjStr **intern_all(Compiler *c, const char **names, int count) {
    ObjStr **interned = ALLOCATE(c->vm, ObjStr *, count);
    for (int i = 0; i < count; i++) interned[i] = intern_name(c, names[i]);
    return interned;
}

/* Closes the innermost unit: implicit `return None`, jump targets, the arrays of
 * the ObjCode (allocated through the VM so the GC frees them), max_stack. */
ObjCode *exit_unit(Compiler *c) {
    Unit *u = c->unit;
    if (!c->failed && unit_reachable(c) && u->kind != UNIT_CLASS) {
        emit_none(c);
        emit(c, OP_RETURN_VALUE);
    }
    for (int i = 0; !c->failed && i < u->fixup_count; i++) {
        int target = u->labels[u->fixups[i].label];
        if (target < 0) compiler_error(c, u->pos, "internal compiler error: unbound label");
        else write_u32(u->bytes + u->fixups[i].at, (uint32_t)target);
    }
    int max_stack = c->failed ? 0 : compute_max_stack(u->bytes, u->length);
    if (max_stack < 0) compiler_error(c, u->pos, "internal compiler error: inconsistent stack depth");
    if (c->failed) {
        abandon_unit(c);
        return NULL;
    }
    VM *vm = c->vm;
    ObjCode *code = u->code;
    code->name = intern_name(c, u->name);
    code->qualname = str_new(vm, u->qualname, strlen(u->qualname));
    code->filename = c->filename;
    code->flags = code_flags(u);
    code->max_stack = max_stack;
    code->code = ALLOCATE(vm, uint8_t, u->length);
    memcpy(code->code, u->bytes, (size_t)u->length);
    code->lines = ALLOCATE(vm, int, u->length);
    memcpy(code->lines, u->lines, sizeof(int) * (size_t)u->length);
    code->code_length = u->length;
    code->names = ALLOCATE(vm, ObjStr *, u->name_count);
    if (u->name_count > 0) memcpy(code->names, u->names, sizeof(ObjStr *) * (size_t)u->name_count);
    code->name_count = u->name_count;
    code->localnames = intern_all(c, u->localnames, u->nlocals);
    code->nlocals = u->nlocals;
    code->cellnames = intern_all(c, u->cellnames, u->ncells);
    code->ncells = u->ncells;
    code->freenames = intern_all(c, u->freenames, u->nfree);
    code->nfree = u->nfree;
    /* A captured parameter starts in its cell: the VM moves the argument there. */
    code->cell2arg = ALLOCATE(vm, int, u->ncells);
    for (int i = 0; i < u->ncells; i++) {
        code->cell2arg[i] = -1;
        for (int j = 0; j < u->scope->param_count; j++)
            if (strcmp(u->scope->params[j], u->cellnames[i]) == 0) code->cell2arg[i] = j;
    }
    abandon_unit(c);
    return code;
}

/* ------------------------------------------------------------ functions */

Expr *docstring_of(StmtList *body) {
    if (body->count == 0) return NULL;
    Stmt *first = body->items[0];
    if (first->kind != STMT_EXPR) return NULL;
    Expr *value = first->as.expr.value;
    if (value->kind != EXPR_CONSTANT || value->as.constant.kind != CONST_STR) return NULL;
    return value;
}

void make_closure(Compiler *c, ObjCode *code, int flags) {
    if (c->failed || code == NULL) return;
    if (code->nfree > 0) {
        for (int i = 0; i < code->nfree; i++) {
            int index = deref_index(c->unit, code->freenames[i]->chars);
            if (index < 0) {
                compiler_error(c, c->unit->pos, "internal compiler error: no cell for '%s'",
                               code->freenames[i]->chars);
                return;
            }
            emit_arg(c, OP_LOAD_CLOSURE, index);
        }
        emit_arg(c, OP_BUILD_TUPLE, code->nfree);
        flags |= 8;
    }
    emit_const(c, OBJ_VAL(code));
    emit_arg(c, OP_MAKE_FUNCTION, flags);
}

int compile_defaults(Compiler *c, Arguments *args) {
    int flags = 0;
    if (args->defaults.count > 0) {
        Value *folded = compiler_realloc(NULL, sizeof(Value) * (size_t)args->defaults.count);
        bool all_constant = true;
        for (int i = 0; all_constant && i < args->defaults.count; i++)
            all_constant = fold_constant(c, args->defaults.items[i], &folded[i]);
        if (all_constant) emit_const(c, OBJ_VAL(tuple_from_values(c->vm, args->defaults.count, folded)));
        free(folded);
        if (!all_constant) {
            compile_exprs(c, &args->defaults);
            emit_arg(c, OP_BUILD_TUPLE, args->defaults.count);
        }
        flags |= 1;
    }
    int kw_count = 0;
    for (int i = 0; i < args->kwonlyargs.count && i < args->kw_defaults.count; i++) {
        Expr *value = args->kw_defaults.items[i];
        if (value == NULL) continue;
        const char *name = mangle(c, args->kwonlyargs.items[i]->name);
        emit_const(c, str_constant(c, name, strlen(name)));
        compile_expr(c, value);
        kw_count++;
    }
    if (kw_count > 0) {
        emit_arg(c, OP_BUILD_MAP, kw_count);
        flags |= 2;
    }
    return flags;
}

static void set_argcounts(Compiler *c, Arguments *args) {
    ObjCode *code = c->unit->code;
    code->posonlyargcount = args->posonlyargs.count;
    code->argcount = args->posonlyargs.count + args->args.count;
    code->kwonlyargcount = args->kwonlyargs.count;
}

/* Decorators apply innermost first: [d1, d2, fn] -> d1(d2(fn)). */
static void apply_decorators(Compiler *c, ExprList *decorators) {
    for (int i = 0; i < decorators->count; i++) emit_arg(c, OP_CALL, 1);
}

bool compile_function(Compiler *c, Stmt *s) {
    Arguments *args = s->as.functiondef.args;
    ExprList *decorators = &s->as.functiondef.decorators;
    if (!compile_exprs(c, decorators)) return false;
    int firstline = decorators->count > 0 ? decorators->items[0]->pos.line : s->pos.line;
    set_pos(c, s->pos);
    int flags = compile_defaults(c, args);
    /* Annotations (parameters and return) are not evaluated: handoff accepts
     * them and ignores them, where CPython evaluates them into __annotations__. */
    UnitKind kind = s->as.functiondef.is_async ? UNIT_ASYNC_FUNCTION : UNIT_FUNCTION;
    if (!enter_unit(c, kind, s, s->as.functiondef.name, firstline)) return false;
    set_argcounts(c, args);
    Expr *doc = docstring_of(&s->as.functiondef.body);
    if (doc) {
        add_const(c, str_constant(c, doc->as.constant.text, doc->as.constant.length)); /* constants[0] */
        c->unit->code->flags |= CODE_HAS_DOCSTRING;
    }
    compile_stmts(c, &s->as.functiondef.body, doc ? 1 : 0);
    ObjCode *code = exit_unit(c);
    if (code == NULL) return false;
    set_pos(c, s->pos);
    make_closure(c, code, flags);
    apply_decorators(c, decorators);
    compile_nameop(c, s->as.functiondef.name, CTX_STORE);
    return !c->failed;
}

bool compile_lambda(Compiler *c, Expr *e) {
    Arguments *args = e->as.lambda.args;
    int flags = compile_defaults(c, args);
    if (!enter_unit(c, UNIT_LAMBDA, e, "<lambda>", e->pos.line)) return false;
    set_argcounts(c, args);
    set_pos(c, e->as.lambda.body->pos);
    compile_expr(c, e->as.lambda.body);
    /* A generator lambda returns None when exhausted, not its body's value. */
    emit(c, c->unit->scope->is_generator ? OP_POP_TOP : OP_RETURN_VALUE);
    ObjCode *code = exit_unit(c);
    if (code == NULL) return false;
    make_closure(c, code, flags);
    return !c->failed;
}

/* ------------------------------------------------------------ classes */

/* The body runs as a function with the class namespace as its locals (the VM's
 * __build_class__ provides it); it stores __module__ and __qualname__ first and
 * returns the __class__ cell when methods use super() or __class__ (the VM sets
 * it to the new class), else None. Then:
 * LOAD_BUILD_CLASS; <body function>; LOAD_CONST name; bases...; CALL/CALL_KW. */
bool compile_class(Compiler *c, Stmt *s) {
    ExprList *decorators = &s->as.classdef.decorators;
    if (!compile_exprs(c, decorators)) return false;
    int firstline = decorators->count > 0 ? decorators->items[0]->pos.line : s->pos.line;
    if (!enter_unit(c, UNIT_CLASS, s, s->as.classdef.name, firstline)) return false;
    c->unit->private_name = s->as.classdef.name;
    set_pos(c, s->pos);
    compile_nameop(c, "__name__", CTX_LOAD);
    compile_nameop(c, "__module__", CTX_STORE);
    emit_const(c, str_constant(c, c->unit->qualname, strlen(c->unit->qualname)));
    compile_nameop(c, "__qualname__", CTX_STORE);
    Expr *doc = docstring_of(&s->as.classdef.body);
    if (doc) {
        emit_const(c, str_constant(c, doc->as.constant.text, doc->as.constant.length));
        compile_nameop(c, "__doc__", CTX_STORE);
    }
    /* `x: int = 0` in the body records x in __annotations__ (dataclasses read it). */
    for (int i = 0; i < s->as.classdef.body.count && !c->unit->has_annotations; i++) {
        Stmt *item = s->as.classdef.body.items[i];
        if (item->kind == STMT_ANNASSIGN && item->as.annassign.simple) {
            emit_arg(c, OP_BUILD_MAP, 0);
            compile_nameop(c, "__annotations__", CTX_STORE);
            c->unit->has_annotations = true;
        }
    }
    compile_stmts(c, &s->as.classdef.body, doc ? 1 : 0);
    if (c->unit->scope->needs_class_closure) {
        emit_arg(c, OP_LOAD_CLOSURE, 0); /* __class__ is always cell 0 */
        emit_arg(c, OP_COPY, 1);
        compile_nameop(c, "__classcell__", CTX_STORE);
    } else {
        emit_none(c);
    }
    emit(c, OP_RETURN_VALUE);
    ObjCode *code = exit_unit(c);
    if (code == NULL) return false;
    set_pos(c, s->pos);
    emit(c, OP_LOAD_BUILD_CLASS);
    make_closure(c, code, 0);
    const char *name = s->as.classdef.name;
    emit_const(c, str_constant(c, name, strlen(name)));
    if (!compile_call_helper(c, 2, &s->as.classdef.bases, &s->as.classdef.keywords, s->pos)) return false;
    apply_decorators(c, decorators);
    compile_nameop(c, name, CTX_STORE);
    return !c->failed;
}

/* ------------------------------------------------------------ entry point */

bool compiler_too_deep(Compiler *c) {
    if (stack_used_since(c->stack_base) < COMPILE_STACK_LIMIT) return false;
    if (!c->failed) {
        c->failed = true;
        diag_set(c->diag, "RecursionError", 0, 0, "maximum recursion depth exceeded during compilation");
    }
    return true;
}

bool compiler_top_level_await(Compiler *c) {
    if (!c->top_level_await || c->unit->kind != UNIT_MODULE) return false;
    c->unit->code->flags |= CODE_COROUTINE;
    return true;
}

static ObjCode *compile_module(VM *vm, Module *module, const char *filename, bool interactive,
                               bool top_level_await, Diagnostic *diag) {
    Compiler compiler;
    memset(&compiler, 0, sizeof compiler);
    Compiler *c = &compiler;
    c->stack_base = (uintptr_t)&compiler;
    c->vm = vm;
    c->diag = diag;
    c->interactive = interactive;
    c->top_level_await = top_level_await;
    arena_init(&c->arena);
    ObjCode *code = NULL;
    for (int i = 0; i < module->body.count; i++) {
        Stmt *s = module->body.items[i];
        if (s->kind != STMT_IMPORTFROM || s->as.importfrom.module == NULL ||
            strcmp(s->as.importfrom.module, "__future__") != 0)
            continue;
        for (int k = 0; k < s->as.importfrom.names.count; k++)
            if (strcmp(s->as.importfrom.names.items[k]->name, "annotations") == 0) c->future_annotations = true;
    }
    if (symtable_build(&c->symtable, module, diag)) {
        c->filename = str_intern(vm, filename, strlen(filename));
        if (enter_unit(c, UNIT_MODULE, module, "<module>", 1)) {
            int start = 0;
            Expr *doc = interactive ? NULL : docstring_of(&module->body);
            if (doc) {
                /* The docstring is constants[0] and is also stored as __doc__. */
                set_pos(c, doc->pos);
                c->unit->code->flags |= CODE_HAS_DOCSTRING;
                emit_const(c, str_constant(c, doc->as.constant.text, doc->as.constant.length));
                compile_nameop(c, "__doc__", CTX_STORE);
                start = 1;
            }
            compile_stmts(c, &module->body, start);
            code = exit_unit(c);
        }
    }
    while (c->unit) abandon_unit(c);
    symtable_free(&c->symtable);
    arena_free(&c->arena);
    return c->failed ? NULL : code;
}

ObjCode *compiler_compile(VM *vm, Module *module, const char *filename, bool interactive, Diagnostic *diag) {
    return compile_module(vm, module, filename, interactive, false, diag);
}

ObjCode *compiler_compile_prompt(VM *vm, const char *source, size_t length, const char *filename,
                                 bool single, bool echo, Diagnostic *diag) {
    Arena arena;
    arena_init(&arena);
    Module *module = NULL;
    memset(diag, 0, sizeof *diag);
    ObjCode *code = NULL;
    if (parse_source(&arena, source, length, single ? PARSE_INTERACTIVE : PARSE_FILE, &module, diag))
        code = compile_module(vm, module, filename, echo, true, diag);
    arena_free(&arena);
    return code;
}

ObjCode *compiler_compile_source(VM *vm, const char *source, size_t length, const char *filename,
                                 bool interactive, Diagnostic *diag) {
    Arena arena;
    arena_init(&arena);
    Module *module = NULL;
    memset(diag, 0, sizeof *diag);
    ObjCode *code = NULL;
    if (parse_source(&arena, source, length, interactive ? PARSE_INTERACTIVE : PARSE_FILE, &module, diag))
        code = compiler_compile(vm, module, filename, interactive, diag);
    arena_free(&arena);
    return code;
}
