/* ast_dump.c — writes the AST in the compact form described in ast_dump.h, with Python's
 * repr for constants (shortest round-trip floats, quoted and escaped strings). */
#include "ast_dump.h"

#include <math.h>
#include <stdarg.h>

#include "lexer.h"

typedef struct {
    char *text;
    size_t length, capacity;
    bool positions;
} Out;

static void put(Out *out, const char *text, size_t length)
{
    if (out->length + length + 1 > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 256;
        while (out->length + length + 1 > capacity) capacity *= 2;
        char *bigger = realloc(out->text, capacity);
        if (bigger == NULL) abort();
        out->text = bigger;
        out->capacity = capacity;
    }
    memcpy(out->text + out->length, text, length);
    out->length += length;
    out->text[out->length] = '\0';
}

static void puts_(Out *out, const char *text)
{
    put(out, text, strlen(text));
}

static void putf(Out *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(Out *out, const char *fmt, ...)
{
    char buffer[128];
    va_list args;
    va_start(args, fmt);
    vsnprintf(buffer, sizeof buffer, fmt, args);
    va_end(args);
    puts_(out, buffer);
}

static void put_pos(Out *out, Pos pos)
{
    if (out->positions) putf(out, "@%d:%d-%d:%d", pos.line, pos.col, pos.end_line, pos.end_col);
}

/* "(Type" with its position; the caller writes the fields and ")". */
static void open_node(Out *out, const char *type, Pos pos)
{
    putf(out, "(%s", type);
    put_pos(out, pos);
}

/* ---- constants, as Python's repr ---- */

/* The shortest decimal digits that read back as `value` (finite, not negative), and
 * the exponent of the first: value = d.ddd * 10**exponent. Returns the digit count. */
static int shortest_digits(double value, char digits[24], int *exponent)
{
    char scientific[40];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(scientific, sizeof scientific, "%.*e", precision - 1, value);
        if (strtod(scientific, NULL) == value) break;
    }
    int count = 0;
    const char *s = scientific;
    for (; *s != 'e'; s++) {
        if (*s != '.') digits[count++] = *s;
    }
    *exponent = atoi(s + 1);
    while (count > 1 && digits[count - 1] == '0') count--;
    return count;
}

/* repr(float), in Python's layout: 0.1, 1.0, 1e+16, 1e-05, inf. */
static void put_float(Out *out, double value, bool imaginary)
{
    char text[64];
    char *t = text;
    if (isnan(value) || isinf(value)) {
        t += sprintf(t, isnan(value) ? "nan" : value < 0 ? "-inf" : "inf");
    } else {
        if (signbit(value)) *t++ = '-';
        char digits[24];
        int exponent, count = shortest_digits(fabs(value), digits, &exponent);
        if (exponent < -4 || exponent >= 16) {
            *t++ = digits[0];
            if (count > 1) t += sprintf(t, ".%.*s", count - 1, digits + 1);
            t += sprintf(t, "e%c%02d", exponent < 0 ? '-' : '+', abs(exponent));
        } else if (exponent < 0) {
            t += sprintf(t, "0.");
            for (int i = 0; i < -exponent - 1; i++) *t++ = '0';
            t += sprintf(t, "%.*s", count, digits);
        } else {
            for (int i = 0; i <= exponent; i++) *t++ = i < count ? digits[i] : '0';
            t += count > exponent + 1 ? sprintf(t, ".%.*s", count - exponent - 1, digits + exponent + 1)
                                      : sprintf(t, ".0");
        }
    }
    /* repr(3j) is '3j': no ".0" */
    if (imaginary && t - text > 2 && strcmp(t - 2, ".0") == 0) t -= 2;
    if (imaginary) *t++ = 'j';
    put(out, text, (size_t)(t - text));
}

/* A big integer's digits in `base`, written in decimal. */
static void put_bigint(Out *out, const char *text, size_t length, int base)
{
    /* Little-endian limbs of 9 decimal digits. */
    size_t capacity = length + 2, count = 1;
    uint32_t *limbs = calloc(capacity, sizeof *limbs);
    if (limbs == NULL) abort();
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        uint64_t carry = (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        for (size_t k = 0; k < count; k++) {
            uint64_t v = (uint64_t)limbs[k] * (uint64_t)base + carry;
            limbs[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) limbs[count++] = (uint32_t)carry;
    }
    putf(out, "%u", limbs[count - 1]);
    for (size_t k = count - 1; k-- > 0;) putf(out, "%09u", limbs[k]);
    free(limbs);
}

static void put_string(Out *out, const char *text, size_t length, bool bytes)
{
    bool has_single = memchr(text, '\'', length) != NULL, has_double = memchr(text, '"', length) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    if (bytes) puts_(out, "b");
    put(out, &quote, 1);
    for (size_t i = 0; i < length;) {
        unsigned char c = (unsigned char)text[i];
        if (c == (unsigned char)quote || c == '\\') { putf(out, "\\%c", c); i++; }
        else if (c == '\t') { puts_(out, "\\t"); i++; }
        else if (c == '\n') { puts_(out, "\\n"); i++; }
        else if (c == '\r') { puts_(out, "\\r"); i++; }
        else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) { putf(out, "\\x%02x", c); i++; }
        else if (c < 0x80) { put(out, (const char *)&text[i], 1); i++; }
        else {
            int size;
            uint32_t code = lexer_decode_utf8(text + i, &size);
            if (lexer_is_printable(code)) put(out, text + i, (size_t)size);
            else if (code <= 0xFF) putf(out, "\\x%02x", (unsigned)code);
            else if (code <= 0xFFFF) putf(out, "\\u%04x", (unsigned)code);
            else putf(out, "\\U%08x", (unsigned)code);
            i += (size_t)size;
        }
    }
    put(out, &quote, 1);
}

static void put_constant(Out *out, const Expr *e)
{
    switch (e->as.constant.kind) {
    case CONST_NONE: puts_(out, "None"); break;
    case CONST_TRUE: puts_(out, "True"); break;
    case CONST_FALSE: puts_(out, "False"); break;
    case CONST_ELLIPSIS: puts_(out, "..."); break;
    case CONST_INT: putf(out, "%lld", (long long)e->as.constant.int_value); break;
    case CONST_BIGINT:
        put_bigint(out, e->as.constant.text, e->as.constant.length, (int)e->as.constant.int_value);
        break;
    case CONST_FLOAT: put_float(out, e->as.constant.float_value, false); break;
    case CONST_IMAG: put_float(out, e->as.constant.float_value, true); break;
    case CONST_STR: put_string(out, e->as.constant.text, e->as.constant.length, false); break;
    case CONST_BYTES: put_string(out, e->as.constant.text, e->as.constant.length, true); break;
    }
    put_pos(out, e->pos);
}

/* ---- nodes ---- */

static const char *const binary_names[] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "FloorDiv", "Mod", "Pow",
    "LShift", "RShift", "BitOr", "BitXor", "BitAnd",
};
static const char *const unary_names[] = {"USub", "UAdd", "Invert", "Not"};
static const char *const compare_names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
static const char *const context_names[] = {"Load", "Store", "Del"};

static void put_expr(Out *out, const Expr *e);
static void put_stmts(Out *out, const StmtList *list);

static void put_field(Out *out, const char *text)
{
    puts_(out, " ");
    puts_(out, text ? text : "~");
}

static void put_expr_field(Out *out, const Expr *e)
{
    puts_(out, " ");
    put_expr(out, e);
}

static void put_exprs(Out *out, const ExprList *list)
{
    puts_(out, " [");
    for (int i = 0; i < list->count; i++) {
        if (i > 0) puts_(out, " ");
        put_expr(out, list->items[i]);
    }
    puts_(out, "]");
}

static void put_comprehensions(Out *out, const ComprehensionList *list)
{
    puts_(out, " [");
    for (int i = 0; i < list->count; i++) {
        const Comprehension *c = list->items[i];
        puts_(out, i > 0 ? " (comprehension" : "(comprehension");
        put_expr_field(out, c->target);
        put_expr_field(out, c->iter);
        put_exprs(out, &c->ifs);
        putf(out, " %d)", c->is_async ? 1 : 0);
    }
    puts_(out, "]");
}

static void put_arg(Out *out, const Arg *arg)
{
    if (arg == NULL) { puts_(out, "~"); return; }
    open_node(out, "arg", arg->pos);
    put_field(out, arg->name);
    put_expr_field(out, arg->annotation);
    puts_(out, ")");
}

static void put_args(Out *out, const ArgList *list)
{
    puts_(out, " [");
    for (int i = 0; i < list->count; i++) {
        if (i > 0) puts_(out, " ");
        put_arg(out, list->items[i]);
    }
    puts_(out, "]");
}

static void put_arguments(Out *out, const Arguments *a)
{
    puts_(out, " (arguments");
    put_args(out, &a->posonlyargs);
    put_args(out, &a->args);
    puts_(out, " ");
    put_arg(out, a->vararg);
    put_args(out, &a->kwonlyargs);
    put_exprs(out, &a->kw_defaults);
    puts_(out, " ");
    put_arg(out, a->kwarg);
    put_exprs(out, &a->defaults);
    puts_(out, ")");
}

static void put_keywords(Out *out, const KeywordList *list)
{
    puts_(out, " [");
    for (int i = 0; i < list->count; i++) {
        const Keyword *k = list->items[i];
        puts_(out, i > 0 ? " " : "");
        open_node(out, "keyword", k->pos);
        put_field(out, k->name);
        put_expr_field(out, k->value);
        puts_(out, ")");
    }
    puts_(out, "]");
}

static void put_expr(Out *out, const Expr *e)
{
    if (e == NULL) { puts_(out, "~"); return; }
    switch (e->kind) {
    case EXPR_CONSTANT: put_constant(out, e); return;
    case EXPR_NAME:
        if (e->as.name.ctx == CTX_LOAD) {
            puts_(out, e->as.name.id);
            put_pos(out, e->pos);
            return;
        }
        open_node(out, "Name", e->pos);
        put_field(out, e->as.name.id);
        put_field(out, context_names[e->as.name.ctx]);
        break;
    case EXPR_BOOLOP:
        open_node(out, "BoolOp", e->pos);
        put_field(out, e->as.boolop.is_and ? "And" : "Or");
        put_exprs(out, &e->as.boolop.values);
        break;
    case EXPR_NAMEDEXPR:
        open_node(out, "NamedExpr", e->pos);
        put_expr_field(out, e->as.namedexpr.target);
        put_expr_field(out, e->as.namedexpr.value);
        break;
    case EXPR_BINOP:
        open_node(out, "BinOp", e->pos);
        put_expr_field(out, e->as.binop.left);
        put_field(out, binary_names[e->as.binop.op]);
        put_expr_field(out, e->as.binop.right);
        break;
    case EXPR_UNARYOP:
        open_node(out, "UnaryOp", e->pos);
        put_field(out, unary_names[e->as.unaryop.op]);
        put_expr_field(out, e->as.unaryop.operand);
        break;
    case EXPR_LAMBDA:
        open_node(out, "Lambda", e->pos);
        put_arguments(out, e->as.lambda.args);
        put_expr_field(out, e->as.lambda.body);
        break;
    case EXPR_IFEXP:
        open_node(out, "IfExp", e->pos);
        put_expr_field(out, e->as.ifexp.test);
        put_expr_field(out, e->as.ifexp.body);
        put_expr_field(out, e->as.ifexp.orelse);
        break;
    case EXPR_DICT:
        open_node(out, "Dict", e->pos);
        put_exprs(out, &e->as.dict.keys);
        put_exprs(out, &e->as.dict.values);
        break;
    case EXPR_SET:
        open_node(out, "Set", e->pos);
        put_exprs(out, &e->as.set.elts);
        break;
    case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_GENERATOREXP:
        open_node(out, e->kind == EXPR_LISTCOMP ? "ListComp" : e->kind == EXPR_SETCOMP ? "SetComp" : "GeneratorExp", e->pos);
        put_expr_field(out, e->as.comp.elt);
        put_comprehensions(out, &e->as.comp.generators);
        break;
    case EXPR_DICTCOMP:
        open_node(out, "DictComp", e->pos);
        put_expr_field(out, e->as.dictcomp.key);
        put_expr_field(out, e->as.dictcomp.value);
        put_comprehensions(out, &e->as.dictcomp.generators);
        break;
    case EXPR_AWAIT:
        open_node(out, "Await", e->pos);
        put_expr_field(out, e->as.await.value);
        break;
    case EXPR_YIELD: case EXPR_YIELDFROM:
        open_node(out, e->kind == EXPR_YIELD ? "Yield" : "YieldFrom", e->pos);
        put_expr_field(out, e->as.yield.value);
        break;
    case EXPR_COMPARE:
        open_node(out, "Compare", e->pos);
        put_expr_field(out, e->as.compare.left);
        puts_(out, " [");
        for (int i = 0; i < e->as.compare.count; i++) putf(out, i ? " %s" : "%s", compare_names[e->as.compare.ops[i]]);
        puts_(out, "] [");
        for (int i = 0; i < e->as.compare.count; i++) {
            if (i > 0) puts_(out, " ");
            put_expr(out, e->as.compare.comparators[i]);
        }
        puts_(out, "]");
        break;
    case EXPR_CALL:
        open_node(out, "Call", e->pos);
        put_expr_field(out, e->as.call.func);
        put_exprs(out, &e->as.call.args);
        put_keywords(out, &e->as.call.keywords);
        break;
    case EXPR_FORMATTEDVALUE:
        open_node(out, "FormattedValue", e->pos);
        put_expr_field(out, e->as.formatted.value);
        putf(out, " %d", e->as.formatted.conversion ? e->as.formatted.conversion : -1);
        put_expr_field(out, e->as.formatted.format_spec);
        break;
    case EXPR_JOINEDSTR:
        open_node(out, "JoinedStr", e->pos);
        put_exprs(out, &e->as.joinedstr.values);
        break;
    case EXPR_ATTRIBUTE:
        open_node(out, "Attribute", e->pos);
        put_expr_field(out, e->as.attribute.value);
        put_field(out, e->as.attribute.attr);
        put_field(out, context_names[e->as.attribute.ctx]);
        break;
    case EXPR_SUBSCRIPT:
        open_node(out, "Subscript", e->pos);
        put_expr_field(out, e->as.subscript.value);
        put_expr_field(out, e->as.subscript.slice);
        put_field(out, context_names[e->as.subscript.ctx]);
        break;
    case EXPR_STARRED:
        open_node(out, "Starred", e->pos);
        put_expr_field(out, e->as.starred.value);
        put_field(out, context_names[e->as.starred.ctx]);
        break;
    case EXPR_LIST: case EXPR_TUPLE:
        open_node(out, e->kind == EXPR_LIST ? "List" : "Tuple", e->pos);
        put_exprs(out, &e->as.list.elts);
        put_field(out, context_names[e->as.list.ctx]);
        break;
    case EXPR_SLICE:
        open_node(out, "Slice", e->pos);
        put_expr_field(out, e->as.slice.lower);
        put_expr_field(out, e->as.slice.upper);
        put_expr_field(out, e->as.slice.step);
        break;
    }
    puts_(out, ")");
}

static void put_aliases(Out *out, const AliasList *list)
{
    puts_(out, " [");
    for (int i = 0; i < list->count; i++) {
        const Alias *alias = list->items[i];
        puts_(out, i > 0 ? " " : "");
        open_node(out, "alias", alias->pos);
        put_field(out, alias->name);
        put_field(out, alias->asname);
        puts_(out, ")");
    }
    puts_(out, "]");
}

static void put_stmt(Out *out, const Stmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
        open_node(out, s->as.functiondef.is_async ? "AsyncFunctionDef" : "FunctionDef", s->pos);
        put_field(out, s->as.functiondef.name);
        put_arguments(out, s->as.functiondef.args);
        put_stmts(out, &s->as.functiondef.body);
        put_exprs(out, &s->as.functiondef.decorators);
        put_expr_field(out, s->as.functiondef.returns);
        break;
    case STMT_CLASSDEF:
        open_node(out, "ClassDef", s->pos);
        put_field(out, s->as.classdef.name);
        put_exprs(out, &s->as.classdef.bases);
        put_keywords(out, &s->as.classdef.keywords);
        put_stmts(out, &s->as.classdef.body);
        put_exprs(out, &s->as.classdef.decorators);
        break;
    case STMT_RETURN:
        open_node(out, "Return", s->pos);
        put_expr_field(out, s->as.return_.value);
        break;
    case STMT_DELETE:
        open_node(out, "Delete", s->pos);
        put_exprs(out, &s->as.delete_.targets);
        break;
    case STMT_ASSIGN:
        open_node(out, "Assign", s->pos);
        put_exprs(out, &s->as.assign.targets);
        put_expr_field(out, s->as.assign.value);
        break;
    case STMT_AUGASSIGN:
        open_node(out, "AugAssign", s->pos);
        put_expr_field(out, s->as.augassign.target);
        put_field(out, binary_names[s->as.augassign.op]);
        put_expr_field(out, s->as.augassign.value);
        break;
    case STMT_ANNASSIGN:
        open_node(out, "AnnAssign", s->pos);
        put_expr_field(out, s->as.annassign.target);
        put_expr_field(out, s->as.annassign.annotation);
        put_expr_field(out, s->as.annassign.value);
        putf(out, " %d", s->as.annassign.simple ? 1 : 0);
        break;
    case STMT_FOR:
        open_node(out, s->as.for_.is_async ? "AsyncFor" : "For", s->pos);
        put_expr_field(out, s->as.for_.target);
        put_expr_field(out, s->as.for_.iter);
        put_stmts(out, &s->as.for_.body);
        put_stmts(out, &s->as.for_.orelse);
        break;
    case STMT_WHILE:
    case STMT_IF:
        open_node(out, s->kind == STMT_WHILE ? "While" : "If", s->pos);
        put_expr_field(out, s->as.if_.test);
        put_stmts(out, &s->as.if_.body);
        put_stmts(out, &s->as.if_.orelse);
        break;
    case STMT_WITH:
        open_node(out, s->as.with.is_async ? "AsyncWith" : "With", s->pos);
        puts_(out, " [");
        for (int i = 0; i < s->as.with.items.count; i++) {
            const WithItem *item = s->as.with.items.items[i];
            puts_(out, i > 0 ? " (withitem" : "(withitem");
            put_expr_field(out, item->context_expr);
            put_expr_field(out, item->optional_vars);
            puts_(out, ")");
        }
        puts_(out, "]");
        put_stmts(out, &s->as.with.body);
        break;
    case STMT_RAISE:
        open_node(out, "Raise", s->pos);
        put_expr_field(out, s->as.raise.exc);
        put_expr_field(out, s->as.raise.cause);
        break;
    case STMT_TRY:
        open_node(out, s->as.try_.is_star ? "TryStar" : "Try", s->pos);
        put_stmts(out, &s->as.try_.body);
        puts_(out, " [");
        for (int i = 0; i < s->as.try_.handlers.count; i++) {
            const ExceptHandler *h = s->as.try_.handlers.items[i];
            puts_(out, i > 0 ? " " : "");
            open_node(out, "ExceptHandler", h->pos);
            put_expr_field(out, h->type);
            put_field(out, h->name);
            put_stmts(out, &h->body);
            puts_(out, ")");
        }
        puts_(out, "]");
        put_stmts(out, &s->as.try_.orelse);
        put_stmts(out, &s->as.try_.finalbody);
        break;
    case STMT_ASSERT:
        open_node(out, "Assert", s->pos);
        put_expr_field(out, s->as.assert_.test);
        put_expr_field(out, s->as.assert_.msg);
        break;
    case STMT_IMPORT:
        open_node(out, "Import", s->pos);
        put_aliases(out, &s->as.import.names);
        break;
    case STMT_IMPORTFROM:
        open_node(out, "ImportFrom", s->pos);
        put_field(out, s->as.importfrom.module);
        put_aliases(out, &s->as.importfrom.names);
        putf(out, " %d", s->as.importfrom.level);
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        open_node(out, s->kind == STMT_GLOBAL ? "Global" : "Nonlocal", s->pos);
        puts_(out, " [");
        for (int i = 0; i < s->as.global.names.count; i++) putf(out, i ? " %s" : "%s", s->as.global.names.items[i]);
        puts_(out, "]");
        break;
    case STMT_EXPR:
        open_node(out, "Expr", s->pos);
        put_expr_field(out, s->as.expr.value);
        break;
    case STMT_PASS: open_node(out, "Pass", s->pos); break;
    case STMT_BREAK: open_node(out, "Break", s->pos); break;
    case STMT_CONTINUE: open_node(out, "Continue", s->pos); break;
    }
    puts_(out, ")");
}

static void put_stmts(Out *out, const StmtList *list)
{
    puts_(out, " [");
    for (int i = 0; i < list->count; i++) {
        if (i > 0) puts_(out, " ");
        put_stmt(out, list->items[i]);
    }
    puts_(out, "]");
}

char *ast_dump_module(const Module *module, bool positions)
{
    Out out = {.positions = positions};
    puts_(&out, "(Module");
    put_stmts(&out, &module->body);
    puts_(&out, ")");
    return out.text;
}

char *ast_dump_expr(const Expr *expr, bool positions)
{
    Out out = {.positions = positions};
    put_expr(&out, expr);
    return out.text;
}
