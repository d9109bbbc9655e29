/* debug.c — the disassembler. Each instruction is one line, CPython dis-style:
 *
 *     3    >>   12 LOAD_FAST                0 (x)
 *
 * the source line (shown where it changes), ">>" on jump targets, the byte
 * offset, the opcode, its operand and, in parentheses, the constant, name,
 * operator or jump target it means. Constants are shown with small reprs of
 * their own, so the listing needs nothing from the runtime. */
#include "debug.h"

#include <math.h>

#include "ast.h"
#include "opcodes.h"

static void print_constant(FILE *out, Value v);

static void print_str_repr(FILE *out, const ObjStr *s) {
    bool has_single = memchr(s->chars, '\'', (size_t)s->length) != NULL;
    bool has_double = memchr(s->chars, '"', (size_t)s->length) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    fputc(quote, out);
    for (int64_t i = 0; i < s->length; i++) {
        unsigned char ch = (unsigned char)s->chars[i];
        switch (ch) {
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (ch == (unsigned char)quote) fprintf(out, "\\%c", quote);
            else if (ch < 0x20 || ch == 0x7f) fprintf(out, "\\x%02x", ch);
            else fputc(ch, out);
        }
    }
    fputc(quote, out);
}

/* Shortest text that reads back as the same double; whole numbers keep ".0". */
static void print_float(FILE *out, double d) {
    if (isnan(d)) {
        fputs("nan", out);
        return;
    }
    if (isinf(d)) {
        fputs(d < 0 ? "-inf" : "inf", out);
        return;
    }
    char text[40];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(text, sizeof text, "%.*g", precision, d);
        if (strtod(text, NULL) == d) break;
    }
    if (d == floor(d) && fabs(d) < 1e16 && !strchr(text, 'e')) {
        fprintf(out, "%s.0", text);
        return;
    }
    fputs(text, out);
}

static void print_constant(FILE *out, Value v) {
    switch (v.type) {
    case VAL_EMPTY: fputs("<empty>", out); return;
    case VAL_NONE: fputs("None", out); return;
    case VAL_BOOL: fputs(AS_BOOL(v) ? "True" : "False", out); return;
    case VAL_INT: fprintf(out, "%lld", (long long)AS_INT(v)); return;
    case VAL_FLOAT: print_float(out, AS_FLOAT(v)); return;
    case VAL_OBJ: break;
    }
    Obj *obj = AS_OBJ(v);
    switch ((ObjType)obj->type) {
    case OBJ_STR: print_str_repr(out, (ObjStr *)obj); return;
    case OBJ_BIGINT: {
        const mpz_t *value = &((ObjBigInt *)obj)->value;
        char *digits = malloc(mpz_sizeinbase(*value, 10) + 2);
        if (digits == NULL) return;
        fputs(mpz_get_str(digits, 10, *value), out);
        free(digits);
        return;
    }
    case OBJ_TUPLE: {
        ObjTuple *tuple = (ObjTuple *)obj;
        fputc('(', out);
        for (int64_t i = 0; i < tuple->count; i++) {
            if (i > 0) fputs(", ", out);
            print_constant(out, tuple->items[i]);
        }
        fputs(tuple->count == 1 ? ",)" : ")", out);
        return;
    }
    case OBJ_CODE: {
        ObjCode *code = (ObjCode *)obj;
        fprintf(out, "<code %s>", code->qualname ? code->qualname->chars : "?");
        return;
    }
    default: fputs("<object>", out); return;
    }
}

static const char *name_at(ObjStr **names, int count, int index) {
    return names && index >= 0 && index < count && names[index] ? names[index]->chars : "?";
}

static const char *deref_name(ObjCode *code, int index) {
    if (index < code->ncells) return name_at(code->cellnames, code->ncells, index);
    return name_at(code->freenames, code->nfree, index - code->ncells);
}

static const char *binary_operator(int op) {
    static const char *const symbols[] = {
        [OPR_ADD] = "+",       [OPR_SUB] = "-",     [OPR_MUL] = "*",    [OPR_MATMUL] = "@",
        [OPR_DIV] = "/",       [OPR_FLOORDIV] = "//", [OPR_MOD] = "%",  [OPR_POW] = "**",
        [OPR_LSHIFT] = "<<",   [OPR_RSHIFT] = ">>", [OPR_BITOR] = "|",  [OPR_BITXOR] = "^",
        [OPR_BITAND] = "&",
    };
    int base = op >= OPR_INPLACE_BASE ? op - OPR_INPLACE_BASE : op;
    if (base < 0 || base > OPR_BITAND) return "?";
    return symbols[base];
}

static void describe(ObjCode *code, OpCode op, int arg, FILE *out) {
    switch (op) {
    case OP_LOAD_CONST:
        fputs(" (", out);
        if (arg < code->constants.count) print_constant(out, code->constants.items[arg]);
        else fputc('?', out);
        fputc(')', out);
        return;
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST:
        fprintf(out, " (%s)", name_at(code->localnames, code->nlocals, arg));
        return;
    case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLOSURE:
        fprintf(out, " (%s)", deref_name(code, arg));
        return;
    case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_NAME:
    case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_ATTR: case OP_STORE_ATTR:
    case OP_DELETE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
        fprintf(out, " (%s)", name_at(code->names, code->name_count, arg));
        return;
    case OP_BINARY_OP:
        fprintf(out, " (%s%s)", binary_operator(arg), arg >= OPR_INPLACE_BASE ? "=" : "");
        return;
    case OP_COMPARE_OP: {
        static const char *const symbols[] = {"==", "!=", "<", "<=", ">", ">="};
        fprintf(out, " (%s)", arg >= 0 && arg <= CMP_GE ? symbols[arg] : "?");
        return;
    }
    case OP_IS_OP: fputs(arg ? " (is not)" : " (is)", out); return;
    case OP_CONTAINS_OP: fputs(arg ? " (not in)" : " (in)", out); return;
    case OP_FORMAT_VALUE: {
        static const char *const conversions[] = {"", "str", "repr", "ascii"};
        const char *conversion = conversions[arg & 3];
        if (*conversion || (arg & 4))
            fprintf(out, " (%s%s%s)", conversion, *conversion && (arg & 4) ? ", " : "",
                    (arg & 4) ? "with format" : "");
        return;
    }
    case OP_MAKE_FUNCTION: {
        const char *separator = " (";
        static const struct { int bit; const char *name; } parts[] = {
            {1, "defaults"}, {2, "kwdefaults"}, {8, "closure"}};
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
            if (arg & parts[i].bit) {
                fprintf(out, "%s%s", separator, parts[i].name);
                separator = ", ";
            }
        if (arg) fputc(')', out);
        return;
    }
    case OP_UNPACK_EX: fprintf(out, " (%d before, %d after)", arg & 0xFF, arg >> 8); return;
    default: return;
    }
}

static int read_operand(const ObjCode *code, int offset, OpCode op) {
    const uint8_t *at = code->code + offset + 1;
    if (opcode_arg_bytes[op] == ARG_U16) return at[0] | at[1] << 8;
    if (opcode_arg_bytes[op] == ARG_JUMP)
        return (int)((uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16 | (uint32_t)at[3] << 24);
    return 0;
}

static bool is_jump_target(ObjCode *code, int target) {
    for (int offset = 0; offset < code->code_length;) {
        OpCode op = (OpCode)code->code[offset];
        if (op >= OPCODE_COUNT) return false;
        if (opcode_arg_bytes[op] == ARG_JUMP && read_operand(code, offset, op) == target) return true;
        offset += 1 + opcode_arg_bytes[op];
    }
    return false;
}

static void print_instruction(ObjCode *code, int offset, bool show_line, FILE *out) {
    OpCode op = (OpCode)code->code[offset];
    if (show_line) fprintf(out, "%4d", code->lines[offset]);
    else fputs("    ", out);
    fprintf(out, " %s %6d ", is_jump_target(code, offset) ? ">>" : "  ", offset);
    if (op >= OPCODE_COUNT) {
        fprintf(out, "<bad opcode %d>\n", (int)op);
        return;
    }
    if (opcode_arg_bytes[op] == ARG_NONE) {
        fprintf(out, "%s\n", opcode_names[op]);
        return;
    }
    int arg = read_operand(code, offset, op);
    fprintf(out, "%-24s %5d", opcode_names[op], arg);
    if (opcode_arg_bytes[op] == ARG_JUMP) fprintf(out, " (to %d)", arg);
    else describe(code, op, arg, out);
    fputc('\n', out);
}

int debug_disassemble_instruction(ObjCode *code, int offset, FILE *out) {
    print_instruction(code, offset, true, out);
    OpCode op = (OpCode)code->code[offset];
    return offset + 1 + (op < OPCODE_COUNT ? opcode_arg_bytes[op] : 0);
}

static void print_names(FILE *out, const char *label, ObjStr **names, int count) {
    fprintf(out, "%s:", label);
    for (int i = 0; i < count; i++) fprintf(out, "%s%s", i ? ", " : " ", name_at(names, count, i));
    fputc('\n', out);
}

static void print_header(ObjCode *code, FILE *out) {
    fprintf(out, "Disassembly of %s (%s, line %d):\n", code->qualname ? code->qualname->chars : "?",
            code->filename ? code->filename->chars : "?", code->firstline);
    static const struct { int bit; const char *name; } flags[] = {
        {CODE_MODULE, "MODULE"},       {CODE_GENERATOR, "GENERATOR"},
        {CODE_COROUTINE, "COROUTINE"}, {CODE_ASYNC_GENERATOR, "ASYNC_GENERATOR"},
        {CODE_VARARGS, "VARARGS"},     {CODE_VARKEYWORDS, "VARKEYWORDS"},
        {CODE_HAS_DOCSTRING, "HAS_DOCSTRING"},
    };
    fputs("flags:", out);
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (code->flags & flags[i].bit) fprintf(out, " %s", flags[i].name);
    fprintf(out, "\nargs: %d (posonly %d, kwonly %d), max_stack: %d\n", code->argcount, code->posonlyargcount,
            code->kwonlyargcount, code->max_stack);
    print_names(out, "locals", code->localnames, code->nlocals);
    if (code->ncells > 0) {
        fputs("cells:", out);
        for (int i = 0; i < code->ncells; i++) {
            fprintf(out, "%s%s", i ? ", " : " ", name_at(code->cellnames, code->ncells, i));
            if (code->cell2arg && code->cell2arg[i] >= 0) fprintf(out, " (arg %d)", code->cell2arg[i]);
        }
        fputc('\n', out);
    }
    if (code->nfree > 0) print_names(out, "free", code->freenames, code->nfree);
}

void debug_disassemble(ObjCode *code, FILE *out) {
    print_header(code, out);
    int previous_line = -1;
    for (int offset = 0; offset < code->code_length;) {
        int line = code->lines[offset];
        print_instruction(code, offset, line != previous_line, out);
        previous_line = line;
        OpCode op = (OpCode)code->code[offset];
        offset += 1 + (op < OPCODE_COUNT ? opcode_arg_bytes[op] : 0);
    }
    for (int i = 0; i < code->constants.count; i++) {
        Value v = code->constants.items[i];
        if (IS_OBJ(v) && AS_OBJ(v)->type == OBJ_CODE) {
            fputc('\n', out);
            debug_disassemble((ObjCode *)AS_OBJ(v), out);
        }
    }
}
