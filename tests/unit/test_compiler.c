/* test_compiler.c — the compiler through compiler_compile: scope analysis
 * (locals, cells, free variables, globals), the instruction sequences the VM
 * relies on (exception blocks, with, async for, calls), code flags, max_stack,
 * line numbers, and SyntaxErrors with CPython's wording and positions. */
#include <criterion/criterion.h>
#include <stdarg.h>

#include "compiler.h"
#include "debug.h"
#include "opcodes.h"
#include "parser.h"
#include "vm.h"

static VM *vm;

static void setup(void) { vm = vm_new(); }
static void teardown(void) { vm_free(vm); }

TestSuite(compiler, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

static ObjCode *try_compile(const char *source, bool interactive, Diagnostic *diag) {
    Arena arena;
    arena_init(&arena);
    Module *module = NULL;
    memset(diag, 0, sizeof *diag);
    bool parsed = parse_source(&arena, source, strlen(source), interactive ? PARSE_INTERACTIVE : PARSE_FILE,
                               &module, diag);
    cr_assert(parsed, "parse error: %s (line %d) in:\n%s", diag->message, diag->line, source);
    ObjCode *code = compiler_compile(vm, module, "<test>", interactive, diag);
    arena_free(&arena);
    return code;
}

static ObjCode *compile(const char *source) {
    Diagnostic diag;
    ObjCode *code = try_compile(source, false, &diag);
    cr_assert_not_null(code, "compile error: %s (line %d) in:\n%s", diag.message, diag.line, source);
    return code;
}

static Diagnostic compile_error(const char *source) {
    Diagnostic diag;
    ObjCode *code = try_compile(source, false, &diag);
    cr_assert_null(code, "expected a compile error for:\n%s", source);
    return diag;
}

static void expect_error(const char *source, const char *message, int line, int col) {
    Diagnostic diag = compile_error(source);
    cr_expect_str_eq(diag.message, message, "for:\n%s", source);
    cr_expect_str_eq(diag.kind, "SyntaxError", "for:\n%s", source);
    cr_expect_eq(diag.line, line, "line %d, expected %d, for:\n%s", diag.line, line, source);
    cr_expect_eq(diag.col, col, "col %d, expected %d, for:\n%s", diag.col, col, source);
}

/* The opcodes of one code object, space-separated: "LOAD_CONST STORE_GLOBAL ...". */
static char *ops(ObjCode *code) {
    static char text[8192];
    size_t length = 0;
    text[0] = '\0';
    for (int offset = 0; offset < code->code_length;) {
        OpCode op = (OpCode)code->code[offset];
        length += (size_t)snprintf(text + length, sizeof text - length, "%s%s", length ? " " : "", opcode_names[op]);
        offset += 1 + opcode_arg_bytes[op];
    }
    return text;
}

/* The operand of the `nth` (0-based) instruction `op`, or -1. */
static int operand_of(ObjCode *code, OpCode wanted, int nth) {
    for (int offset = 0; offset < code->code_length;) {
        OpCode op = (OpCode)code->code[offset];
        if (op == wanted && nth-- == 0) return code->code[offset + 1] | code->code[offset + 2] << 8;
        offset += 1 + opcode_arg_bytes[op];
    }
    return -1;
}

static int count_op(ObjCode *code, OpCode wanted) {
    int count = 0;
    for (int offset = 0; offset < code->code_length;) {
        OpCode op = (OpCode)code->code[offset];
        if (op == wanted) count++;
        offset += 1 + opcode_arg_bytes[op];
    }
    return count;
}

/* The code object named `qualname` among the constants, searched depth first. */
static ObjCode *nested(ObjCode *code, const char *qualname) {
    for (int i = 0; i < code->constants.count; i++) {
        Value v = code->constants.items[i];
        if (!IS_CODE(v)) continue;
        ObjCode *inner = AS_CODE(v);
        if (strcmp(inner->qualname->chars, qualname) == 0) return inner;
        ObjCode *found = nested(inner, qualname);
        if (found) return found;
    }
    return NULL;
}

static ObjCode *must_find(ObjCode *code, const char *qualname) {
    ObjCode *found = nested(code, qualname);
    cr_assert_not_null(found, "no nested code %s", qualname);
    return found;
}

static char *names_of(ObjStr **names, int count) {
    static char text[1024];
    size_t length = 0;
    text[0] = '\0';
    for (int i = 0; i < count; i++)
        length += (size_t)snprintf(text + length, sizeof text - length, "%s%s", i ? " " : "", names[i]->chars);
    return text;
}

static char *disassembly(ObjCode *code) {
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    debug_disassemble(code, out);
    fclose(out);
    return text;
}

/* ------------------------------------------------------------ scopes */

Test(compiler, module_names_are_globals) {
    ObjCode *code = compile("x = 1\nprint(x)\n");
    cr_expect_str_eq(ops(code), "LOAD_CONST STORE_GLOBAL LOAD_GLOBAL LOAD_GLOBAL CALL POP_TOP LOAD_CONST RETURN_VALUE");
    cr_expect(code->flags & CODE_MODULE);
    cr_expect_str_eq(code->name->chars, "<module>");
}

Test(compiler, parameters_come_first_in_frame_order_then_locals_by_first_use) {
    ObjCode *code = compile("def f(p, /, a, b=2, *args, c, d=3, **kw):\n    y = 1\n    x = a\n    return x\n");
    ObjCode *f = must_find(code, "f");
    cr_expect_str_eq(names_of(f->localnames, f->nlocals), "p a b c d args kw y x");
    cr_expect_eq(f->argcount, 3);
    cr_expect_eq(f->posonlyargcount, 1);
    cr_expect_eq(f->kwonlyargcount, 2);
    cr_expect_eq(f->flags & (CODE_VARARGS | CODE_VARKEYWORDS), CODE_VARARGS | CODE_VARKEYWORDS);
    /* defaults tuple (folded to a constant) and the kw-only defaults dict */
    cr_expect_eq(operand_of(code, OP_MAKE_FUNCTION, 0), 1 | 2);
    cr_expect_str_eq(ops(code), "LOAD_CONST LOAD_CONST LOAD_CONST BUILD_MAP LOAD_CONST MAKE_FUNCTION STORE_GLOBAL "
                                "LOAD_CONST RETURN_VALUE");
}

Test(compiler, captured_variables_become_cells_and_free_variables) {
    ObjCode *code = compile("def outer(a):\n"
                            "    b = 1\n"
                            "    c = 2\n"
                            "    def inner():\n"
                            "        return a + b\n"
                            "    return inner\n");
    ObjCode *outer = must_find(code, "outer");
    ObjCode *inner = must_find(code, "outer.<locals>.inner");
    cr_expect_str_eq(names_of(outer->cellnames, outer->ncells), "a b");
    cr_expect_eq(outer->cell2arg[0], 0, "the parameter a starts in its cell");
    cr_expect_eq(outer->cell2arg[1], -1);
    cr_expect_str_eq(names_of(outer->localnames, outer->nlocals), "a c inner");
    cr_expect_str_eq(names_of(inner->freenames, inner->nfree), "a b");
    cr_expect_str_eq(ops(inner), "LOAD_DEREF LOAD_DEREF BINARY_OP RETURN_VALUE");
    cr_expect_str_eq(ops(outer), "LOAD_CONST STORE_DEREF LOAD_CONST STORE_FAST LOAD_CLOSURE LOAD_CLOSURE "
                                 "BUILD_TUPLE LOAD_CONST MAKE_FUNCTION STORE_FAST LOAD_FAST RETURN_VALUE");
    cr_expect_eq(operand_of(outer, OP_MAKE_FUNCTION, 0), 8);
}

Test(compiler, free_variables_pass_through_intermediate_functions) {
    ObjCode *code = compile("def a():\n    x = 1\n    def b():\n        def c():\n            return x\n"
                            "        return c\n    return b\n");
    ObjCode *b = must_find(code, "a.<locals>.b");
    cr_expect_str_eq(names_of(b->freenames, b->nfree), "x");
    cr_expect_str_eq(ops(b), "LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION STORE_FAST LOAD_FAST RETURN_VALUE");
}

Test(compiler, nonlocal_and_global_declarations) {
    ObjCode *code = compile("def f():\n"
                            "    x = 0\n"
                            "    def g():\n"
                            "        nonlocal x\n"
                            "        global y\n"
                            "        x += 1\n"
                            "        y = len\n"
                            "    return g\n");
    ObjCode *g = must_find(code, "f.<locals>.g");
    cr_expect_str_eq(ops(g), "LOAD_DEREF LOAD_CONST BINARY_OP STORE_DEREF LOAD_GLOBAL STORE_GLOBAL LOAD_CONST "
                             "RETURN_VALUE");
    cr_expect_eq(operand_of(g, OP_BINARY_OP, 0), OPR_INPLACE_BASE + OPR_ADD);
}

Test(compiler, comprehensions_are_functions_called_with_their_first_iterator) {
    ObjCode *code = compile("ys = [x * 2 for x in range(3) if x]\n");
    cr_expect_str_eq(ops(code), "LOAD_CONST MAKE_FUNCTION LOAD_GLOBAL LOAD_CONST CALL GET_ITER CALL STORE_GLOBAL "
                                "LOAD_CONST RETURN_VALUE");
    ObjCode *listcomp = must_find(code, "<listcomp>");
    cr_expect_eq(listcomp->argcount, 1);
    cr_expect_str_eq(names_of(listcomp->localnames, listcomp->nlocals), ".0 x");
    cr_expect_str_eq(ops(listcomp), "BUILD_LIST LOAD_FAST FOR_ITER STORE_FAST LOAD_FAST POP_JUMP_IF_FALSE "
                                    "LOAD_FAST LOAD_CONST BINARY_OP LIST_APPEND JUMP_BACKWARD RETURN_VALUE");
    cr_expect_eq(operand_of(listcomp, OP_LIST_APPEND, 0), 2);
    ObjCode *genexpr = must_find(compile("g = (x for x in y)\n"), "<genexpr>");
    cr_expect(genexpr->flags & CODE_GENERATOR);
}

Test(compiler, walrus_in_a_comprehension_binds_in_the_enclosing_function) {
    ObjCode *code = compile("def f(ys):\n    [z := y for y in ys]\n    return z\n");
    ObjCode *f = must_find(code, "f");
    ObjCode *listcomp = must_find(code, "f.<locals>.<listcomp>");
    cr_expect_str_eq(names_of(f->cellnames, f->ncells), "z");
    cr_expect_str_eq(names_of(listcomp->freenames, listcomp->nfree), "z");
    cr_expect(count_op(listcomp, OP_STORE_DEREF) == 1);
    ObjCode *module = compile("[w := y for y in ys]\n");
    cr_expect(count_op(must_find(module, "<listcomp>"), OP_STORE_GLOBAL) == 1);
}

Test(compiler, qualified_names_follow_cpython) {
    ObjCode *code = compile("def outer():\n"
                            "    def inner():\n"
                            "        return lambda: [i for i in ()]\n"
                            "    global g\n"
                            "    def g(): pass\n");
    must_find(code, "outer.<locals>.inner");
    must_find(code, "outer.<locals>.inner.<locals>.<lambda>");
    must_find(code, "outer.<locals>.inner.<locals>.<lambda>.<locals>.<listcomp>");
    ObjCode *g = must_find(code, "g");
    cr_expect_str_eq(g->name->chars, "g");
    ObjCode *lambda = must_find(code, "outer.<locals>.inner.<locals>.<lambda>");
    cr_expect_str_eq(lambda->name->chars, "<lambda>");
}

/* ------------------------------------------------------------ flags */

Test(compiler, generator_and_coroutine_flags) {
    ObjCode *code = compile("def gen():\n    yield 1\n"
                            "async def co():\n    pass\n"
                            "async def agen():\n    yield 1\n"
                            "def plain():\n    return 1\n");
    cr_expect_eq(must_find(code, "gen")->flags & 0x1c, CODE_GENERATOR);
    cr_expect_eq(must_find(code, "co")->flags & 0x1c, CODE_COROUTINE);
    cr_expect_eq(must_find(code, "agen")->flags & 0x1c, CODE_ASYNC_GENERATOR);
    cr_expect_eq(must_find(code, "plain")->flags & 0x1c, 0);
    /* nothing special at the start: creating the generator runs no code */
    cr_expect_str_eq(ops(must_find(code, "gen")), "LOAD_CONST YIELD_VALUE POP_TOP LOAD_CONST RETURN_VALUE");
}

Test(compiler, docstrings_are_constant_zero) {
    ObjCode *code = compile("'module doc'\ndef f():\n    'function doc'\n    return 1\n");
    cr_expect(code->flags & CODE_HAS_DOCSTRING);
    cr_expect_str_eq(AS_STR(code->constants.items[0])->chars, "module doc");
    cr_expect_str_eq(ops(code), "LOAD_CONST STORE_GLOBAL LOAD_CONST MAKE_FUNCTION STORE_GLOBAL LOAD_CONST "
                                "RETURN_VALUE");
    ObjCode *f = must_find(code, "f");
    cr_expect(f->flags & CODE_HAS_DOCSTRING);
    cr_expect_str_eq(AS_STR(f->constants.items[0])->chars, "function doc");
    cr_expect_str_eq(ops(f), "LOAD_CONST RETURN_VALUE");
    cr_expect_not(must_find(compile("def g():\n    x = 'not first'\n"), "g")->flags & CODE_HAS_DOCSTRING);
}

/* ------------------------------------------------------------ expressions */

Test(compiler, chained_comparison_evaluates_middle_operands_once) {
    ObjCode *code = compile("r = a < b() < c\n");
    cr_expect_str_eq(ops(code), "LOAD_GLOBAL LOAD_GLOBAL CALL SWAP COPY COMPARE_OP JUMP_IF_FALSE_OR_POP LOAD_GLOBAL "
                                "COMPARE_OP JUMP SWAP POP_TOP STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    cr_expect_eq(count_op(code, OP_CALL), 1);
}

Test(compiler, boolean_operators_short_circuit) {
    cr_expect_str_eq(ops(compile("r = a and b or c\n")),
                     "LOAD_GLOBAL JUMP_IF_FALSE_OR_POP LOAD_GLOBAL JUMP_IF_TRUE_OR_POP LOAD_GLOBAL STORE_GLOBAL "
                     "LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(ops(compile("if not a and b:\n    f()\n")),
                     "LOAD_GLOBAL POP_JUMP_IF_TRUE LOAD_GLOBAL POP_JUMP_IF_FALSE LOAD_GLOBAL CALL POP_TOP "
                     "LOAD_CONST RETURN_VALUE");
}

Test(compiler, augmented_assignment_evaluates_container_and_key_once) {
    cr_expect_str_eq(ops(compile("a[i] += 1\n")),
                     "LOAD_GLOBAL LOAD_GLOBAL COPY COPY BINARY_SUBSCR LOAD_CONST BINARY_OP SWAP SWAP STORE_SUBSCR "
                     "LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(ops(compile("a.b -= 1\n")),
                     "LOAD_GLOBAL COPY LOAD_ATTR LOAD_CONST BINARY_OP SWAP STORE_ATTR LOAD_CONST RETURN_VALUE");
}

Test(compiler, unpacking_assignments) {
    ObjCode *code = compile("a, *b, c = x\n");
    cr_expect_eq(operand_of(code, OP_UNPACK_EX, 0), 1 | (1 << 8));
    cr_expect_str_eq(ops(compile("(a, [b, c]) = x\n")),
                     "LOAD_GLOBAL UNPACK_SEQUENCE STORE_GLOBAL UNPACK_SEQUENCE STORE_GLOBAL STORE_GLOBAL LOAD_CONST "
                     "RETURN_VALUE");
    cr_expect_str_eq(ops(compile("a = b = f()\n")),
                     "LOAD_GLOBAL CALL COPY STORE_GLOBAL STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(ops(compile("a, b = b, a\n")),
                     "LOAD_GLOBAL LOAD_GLOBAL SWAP STORE_GLOBAL STORE_GLOBAL LOAD_CONST RETURN_VALUE");
}

Test(compiler, calls_by_kind) {
    ObjCode *code = compile("f(1, k=2)\n");
    cr_expect_str_eq(ops(code), "LOAD_GLOBAL LOAD_CONST LOAD_CONST LOAD_CONST CALL_KW POP_TOP LOAD_CONST RETURN_VALUE");
    cr_expect_eq(operand_of(code, OP_CALL_KW, 0), 2);
    Value names = code->constants.items[operand_of(code, OP_LOAD_CONST, 2)];
    cr_assert(IS_TUPLE(names));
    cr_expect_eq(AS_TUPLE(names)->count, 1);
    cr_expect_str_eq(AS_STR(AS_TUPLE(names)->items[0])->chars, "k");
    cr_expect_str_eq(ops(compile("o.m(1)\n")), "LOAD_GLOBAL LOAD_METHOD LOAD_CONST CALL_METHOD POP_TOP LOAD_CONST "
                                                "RETURN_VALUE");
    cr_expect_str_eq(ops(compile("o.m(x=1)\n")), "LOAD_GLOBAL LOAD_METHOD LOAD_CONST LOAD_CONST CALL_METHOD_KW "
                                                  "POP_TOP LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(ops(compile("f(a, *b, c, k=1, **d)\n")),
                     "LOAD_GLOBAL LOAD_GLOBAL BUILD_LIST LOAD_GLOBAL LIST_EXTEND LOAD_GLOBAL LIST_APPEND LIST_TO_TUPLE "
                     "LOAD_CONST LOAD_CONST BUILD_MAP LOAD_GLOBAL DICT_MERGE CALL_EX POP_TOP LOAD_CONST RETURN_VALUE");
    cr_expect_eq(operand_of(compile("f(*a)\n"), OP_CALL_EX, 0), 0);
}

Test(compiler, displays_with_unpacking) {
    cr_expect_str_eq(ops(compile("x = [*a, 1]\n")),
                     "BUILD_LIST LOAD_GLOBAL LIST_EXTEND LOAD_CONST LIST_APPEND STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(ops(compile("x = {1, *a}\n")),
                     "LOAD_CONST BUILD_SET LOAD_GLOBAL SET_UPDATE STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(ops(compile("x = {'a': 1, **d}\n")),
                     "LOAD_CONST LOAD_CONST BUILD_MAP LOAD_GLOBAL DICT_UPDATE STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(ops(compile("x = (*a,)\n")),
                     "BUILD_LIST LOAD_GLOBAL LIST_EXTEND LIST_TO_TUPLE STORE_GLOBAL LOAD_CONST RETURN_VALUE");
}

Test(compiler, constants_are_folded_and_shared) {
    ObjCode *code = compile("x = (1, 2.5, 'a', (None, -3))\ny = -7\nz = 1\nw = 1.0\nv = True\n");
    Value tuple = code->constants.items[operand_of(code, OP_LOAD_CONST, 0)];
    cr_assert(IS_TUPLE(tuple));
    cr_expect_eq(AS_TUPLE(tuple)->count, 4);
    Value minus_seven = code->constants.items[operand_of(code, OP_LOAD_CONST, 1)];
    cr_expect(IS_INT(minus_seven) && AS_INT(minus_seven) == -7);
    /* 1, 1.0 and True are three constants */
    cr_expect_neq(operand_of(code, OP_LOAD_CONST, 2), operand_of(code, OP_LOAD_CONST, 3));
    cr_expect_neq(operand_of(code, OP_LOAD_CONST, 2), operand_of(code, OP_LOAD_CONST, 4));
    ObjCode *twice = compile("a = 'hello'\nb = 'hello'\n");
    cr_expect_eq(operand_of(twice, OP_LOAD_CONST, 0), operand_of(twice, OP_LOAD_CONST, 1));
}

Test(compiler, big_integer_literals) {
    ObjCode *code = compile("x = 123456789012345678901234567890\ny = -9223372036854775808\nz = 0xFFFFFFFFFFFFFFFFFFFF\n");
    Value big = code->constants.items[operand_of(code, OP_LOAD_CONST, 0)];
    cr_expect(IS_BIGINT(big));
    Value hex = code->constants.items[operand_of(code, OP_LOAD_CONST, 2)];
    cr_assert(IS_BIGINT(hex));
    cr_expect_eq(mpz_sizeinbase(AS_BIGINT(hex)->value, 2), 80);
    Value min = code->constants.items[operand_of(code, OP_LOAD_CONST, 1)];
    cr_expect(IS_INT(min) && AS_INT(min) == INT64_MIN);
}

Test(compiler, fstrings_format_and_join) {
    ObjCode *code = compile("s = f'a{x!r:>{w}}b{y}'\n");
    cr_expect_str_eq(ops(code), "LOAD_CONST LOAD_GLOBAL LOAD_CONST LOAD_GLOBAL FORMAT_VALUE BUILD_STRING FORMAT_VALUE "
                                "LOAD_CONST LOAD_GLOBAL FORMAT_VALUE BUILD_STRING STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    cr_expect_eq(operand_of(code, OP_FORMAT_VALUE, 1), 2 | 4);
    cr_expect_eq(operand_of(code, OP_BUILD_STRING, 1), 4);
}

Test(compiler, yield_from_and_await) {
    ObjCode *code = compile("def g():\n    x = yield\n    yield from h()\n"
                            "async def c():\n    await d()\n");
    cr_expect_str_eq(ops(must_find(code, "g")), "LOAD_CONST YIELD_VALUE STORE_FAST LOAD_GLOBAL CALL "
                                                "GET_YIELD_FROM_ITER LOAD_CONST YIELD_FROM POP_TOP LOAD_CONST "
                                                "RETURN_VALUE");
    cr_expect_str_eq(ops(must_find(code, "c")), "LOAD_GLOBAL CALL GET_AWAITABLE LOAD_CONST YIELD_FROM POP_TOP "
                                                "LOAD_CONST RETURN_VALUE");
}

Test(compiler, async_comprehension_is_awaited_coroutine) {
    ObjCode *code = compile("async def f(a):\n    return [x async for x in a]\n");
    ObjCode *f = must_find(code, "f");
    ObjCode *listcomp = must_find(code, "f.<locals>.<listcomp>");
    cr_expect(listcomp->flags & CODE_COROUTINE);
    cr_expect_str_eq(ops(f), "LOAD_CONST MAKE_FUNCTION LOAD_FAST GET_AITER CALL GET_AWAITABLE LOAD_CONST YIELD_FROM "
                             "RETURN_VALUE");
    cr_expect_str_eq(ops(listcomp), "BUILD_LIST LOAD_FAST SETUP_FINALLY GET_ANEXT LOAD_CONST YIELD_FROM POP_BLOCK "
                                    "STORE_FAST LOAD_FAST LIST_APPEND JUMP_BACKWARD END_ASYNC_FOR RETURN_VALUE");
}

/* ------------------------------------------------------------ statements */

Test(compiler, for_loop_with_else_and_break) {
    ObjCode *code = compile("for x in y:\n    if x:\n        break\nelse:\n    f()\n");
    cr_expect_str_eq(ops(code), "LOAD_GLOBAL GET_ITER FOR_ITER STORE_GLOBAL LOAD_GLOBAL POP_JUMP_IF_FALSE POP_TOP JUMP "
                                "JUMP_BACKWARD LOAD_GLOBAL CALL POP_TOP LOAD_CONST RETURN_VALUE");
}

Test(compiler, every_backward_jump_is_jump_backward) {
    ObjCode *code = compile("while a:\n    if b:\n        continue\n    for x in c:\n        continue\n");
    for (int offset = 0; offset < code->code_length;) {
        OpCode op = (OpCode)code->code[offset];
        if (opcode_arg_bytes[op] == ARG_JUMP) {
            const uint8_t *at = code->code + offset + 1;
            int target = at[0] | at[1] << 8 | at[2] << 16 | at[3] << 24;
            if (target <= offset) cr_expect_eq(op, OP_JUMP_BACKWARD, "backward %s at %d", opcode_names[op], offset);
            else cr_expect_neq(op, OP_JUMP_BACKWARD, "forward JUMP_BACKWARD at %d", offset);
        }
        offset += 1 + opcode_arg_bytes[op];
    }
}

Test(compiler, try_except_sequence) {
    ObjCode *code = compile("try:\n    a()\nexcept E as e:\n    b()\nexcept F:\n    c()\n");
    cr_expect_str_eq(ops(code),
                     "SETUP_FINALLY LOAD_GLOBAL CALL POP_TOP POP_BLOCK JUMP "
                     "SETUP_FINALLY PUSH_EXC_INFO "
                     "LOAD_GLOBAL CHECK_EXC_MATCH POP_JUMP_IF_FALSE STORE_GLOBAL SETUP_FINALLY "
                     "LOAD_GLOBAL CALL POP_TOP POP_BLOCK POP_BLOCK POP_EXCEPT LOAD_CONST STORE_GLOBAL DELETE_GLOBAL JUMP "
                     "LOAD_CONST STORE_GLOBAL DELETE_GLOBAL POP_BLOCK POP_EXCEPT_AND_RERAISE "
                     "LOAD_GLOBAL CHECK_EXC_MATCH POP_JUMP_IF_FALSE POP_TOP LOAD_GLOBAL CALL POP_TOP POP_BLOCK "
                     "POP_EXCEPT JUMP "
                     "POP_BLOCK POP_EXCEPT_AND_RERAISE "
                     "POP_EXCEPT_AND_RERAISE "
                     "LOAD_CONST RETURN_VALUE");
    cr_expect_eq(code->max_stack, 3);
}

Test(compiler, try_finally_sequence) {
    ObjCode *code = compile("try:\n    a()\nfinally:\n    b()\n");
    cr_expect_str_eq(ops(code), "SETUP_FINALLY LOAD_GLOBAL CALL POP_TOP POP_BLOCK LOAD_GLOBAL CALL POP_TOP JUMP "
                                "SETUP_FINALLY PUSH_EXC_INFO LOAD_GLOBAL CALL POP_TOP POP_BLOCK POP_EXCEPT_AND_RERAISE "
                                "POP_EXCEPT_AND_RERAISE LOAD_CONST RETURN_VALUE");
}

Test(compiler, return_through_finally_runs_it_inline) {
    ObjCode *code = compile("def f():\n    for x in y:\n        try:\n            return g()\n        finally:\n"
                            "            h()\n");
    ObjCode *f = must_find(code, "f");
    /* h() runs on the return path and on the exception path (the body never falls through) */
    cr_expect_eq(count_op(f, OP_CALL), 3);
    cr_expect_str_eq(ops(f), "LOAD_GLOBAL GET_ITER FOR_ITER STORE_FAST SETUP_FINALLY LOAD_GLOBAL CALL POP_BLOCK "
                             "LOAD_GLOBAL CALL POP_TOP SWAP POP_TOP RETURN_VALUE "
                             "SETUP_FINALLY PUSH_EXC_INFO LOAD_GLOBAL CALL POP_TOP POP_BLOCK POP_EXCEPT_AND_RERAISE "
                             "POP_EXCEPT_AND_RERAISE JUMP_BACKWARD LOAD_CONST RETURN_VALUE");
}

Test(compiler, return_inside_except_handler_pops_the_exception_state) {
    ObjCode *f = must_find(compile("def f():\n    try:\n        pass\n    except E as e:\n        return e\n"), "f");
    cr_expect_str_eq(ops(f), "SETUP_FINALLY POP_BLOCK JUMP "
                             "SETUP_FINALLY PUSH_EXC_INFO LOAD_GLOBAL CHECK_EXC_MATCH POP_JUMP_IF_FALSE STORE_FAST "
                             "SETUP_FINALLY LOAD_FAST POP_BLOCK POP_BLOCK SWAP POP_EXCEPT LOAD_CONST STORE_FAST "
                             "DELETE_FAST RETURN_VALUE "
                             "LOAD_CONST STORE_FAST DELETE_FAST POP_BLOCK POP_EXCEPT_AND_RERAISE "
                             "POP_BLOCK POP_EXCEPT_AND_RERAISE POP_EXCEPT_AND_RERAISE LOAD_CONST RETURN_VALUE");
}

Test(compiler, with_sequence) {
    ObjCode *code = compile("with cm() as x:\n    f(x)\n");
    cr_expect_str_eq(ops(code), "LOAD_GLOBAL CALL BEFORE_WITH SETUP_FINALLY COPY STORE_GLOBAL LOAD_GLOBAL LOAD_GLOBAL "
                                "CALL POP_TOP POP_BLOCK POP_TOP LOAD_CONST LOAD_CONST LOAD_CONST CALL POP_TOP JUMP "
                                "SWAP POP_TOP SETUP_FINALLY PUSH_EXC_INFO WITH_EXCEPT_START POP_JUMP_IF_TRUE POP_BLOCK "
                                "POP_EXCEPT_AND_RERAISE POP_BLOCK POP_TOP POP_EXCEPT POP_TOP JUMP "
                                "POP_EXCEPT_AND_RERAISE LOAD_CONST RETURN_VALUE");
    cr_expect_eq(operand_of(code, OP_CALL, 2), 3);
    cr_expect_eq(code->max_stack, 4); /* [exit, enter_result, f, x] and [exit, None, None, None] */
}

Test(compiler, async_with_awaits_enter_and_exit) {
    ObjCode *f = must_find(compile("async def f():\n    async with cm:\n        pass\n"), "f");
    cr_expect_str_eq(ops(f), "LOAD_GLOBAL BEFORE_ASYNC_WITH GET_AWAITABLE LOAD_CONST YIELD_FROM SETUP_FINALLY "
                             "POP_BLOCK POP_TOP LOAD_CONST LOAD_CONST LOAD_CONST CALL GET_AWAITABLE LOAD_CONST "
                             "YIELD_FROM POP_TOP JUMP "
                             "SWAP POP_TOP SETUP_FINALLY PUSH_EXC_INFO WITH_EXCEPT_START GET_AWAITABLE LOAD_CONST "
                             "YIELD_FROM POP_JUMP_IF_TRUE POP_BLOCK POP_EXCEPT_AND_RERAISE POP_BLOCK POP_TOP "
                             "POP_EXCEPT POP_TOP JUMP POP_EXCEPT_AND_RERAISE LOAD_CONST RETURN_VALUE");
}

Test(compiler, async_for_sequence) {
    ObjCode *f = must_find(compile("async def f():\n    async for x in it:\n        g(x)\n    else:\n        h()\n"),
                           "f");
    cr_expect_str_eq(ops(f), "LOAD_GLOBAL GET_AITER SETUP_FINALLY GET_ANEXT LOAD_CONST YIELD_FROM POP_BLOCK "
                             "STORE_FAST LOAD_GLOBAL LOAD_FAST CALL POP_TOP JUMP_BACKWARD END_ASYNC_FOR LOAD_GLOBAL "
                             "CALL POP_TOP LOAD_CONST RETURN_VALUE");
}

Test(compiler, imports) {
    ObjCode *code = compile("import a.b\nimport c.d as e\nfrom m import x, y as z\nfrom n import *\n");
    cr_expect_str_eq(ops(code), "IMPORT_NAME POP_TOP IMPORT_NAME STORE_GLOBAL IMPORT_NAME STORE_GLOBAL IMPORT_NAME "
                                "IMPORT_FROM STORE_GLOBAL IMPORT_FROM STORE_GLOBAL POP_TOP IMPORT_NAME IMPORT_STAR "
                                "LOAD_CONST RETURN_VALUE");
    cr_expect_str_eq(names_of(code->names, code->name_count), "a.b a c.d e m x y z n");
}

Test(compiler, assert_raise_and_del) {
    cr_expect_str_eq(ops(compile("assert x, 'msg'\n")),
                     "LOAD_GLOBAL POP_JUMP_IF_TRUE LOAD_ASSERTION_ERROR LOAD_CONST CALL RAISE_VARARGS LOAD_CONST "
                     "RETURN_VALUE");
    /* nothing follows a raise that nothing jumps past: no implicit return */
    cr_expect_str_eq(ops(compile("raise E from c\n")), "LOAD_GLOBAL LOAD_GLOBAL RAISE_VARARGS");
    cr_expect_str_eq(ops(must_find(compile("def f(a):\n    del a, b.c, d[1]\n"), "f")),
                     "DELETE_FAST LOAD_GLOBAL DELETE_ATTR LOAD_GLOBAL LOAD_CONST DELETE_SUBSCR LOAD_CONST "
                     "RETURN_VALUE");
}

Test(compiler, decorators_apply_innermost_first) {
    cr_expect_str_eq(ops(compile("@a\n@b(1)\ndef f(): pass\n")),
                     "LOAD_GLOBAL LOAD_GLOBAL LOAD_CONST CALL LOAD_CONST MAKE_FUNCTION CALL CALL STORE_GLOBAL "
                     "LOAD_CONST RETURN_VALUE");
    cr_expect_eq(must_find(compile("@a\n\ndef f(): pass\n"), "f")->firstline, 1);
}

Test(compiler, annotations_are_not_evaluated) {
    ObjCode *code = compile("x: int = 1\ny: list[int]\ndef f(a: int) -> str:\n    z: int\n    return z\n");
    cr_expect_str_eq(ops(code), "LOAD_CONST STORE_GLOBAL LOAD_CONST MAKE_FUNCTION STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    /* an annotated name is still a local of the function */
    cr_expect_str_eq(ops(must_find(code, "f")), "LOAD_FAST RETURN_VALUE");
}

Test(compiler, interactive_expressions_print) {
    Diagnostic diag;
    ObjCode *code = try_compile("1 + x\n", true, &diag);
    cr_assert_not_null(code, "%s", diag.message);
    cr_expect_str_eq(ops(code), "LOAD_CONST LOAD_GLOBAL BINARY_OP PRINT_EXPR LOAD_CONST RETURN_VALUE");
    /* as at CPython's prompt: module-level statements inside a loop print too, function bodies do not */
    code = try_compile("for i in range(2):\n    i\n", true, &diag);
    cr_assert_not_null(code, "%s", diag.message);
    cr_expect_eq(count_op(code, OP_PRINT_EXPR), 1);
    code = try_compile("def f():\n    1 + x\n", true, &diag);
    cr_assert_not_null(code, "%s", diag.message);
    cr_expect_eq(count_op(must_find(code, "f"), OP_PRINT_EXPR), 0);
    /* no docstring at the prompt: a string is shown like any value */
    code = try_compile("'text'\n", true, &diag);
    cr_assert_not_null(code, "%s", diag.message);
    cr_expect_not(code->flags & CODE_HAS_DOCSTRING);
    cr_expect_eq(count_op(code, OP_PRINT_EXPR), 1);
}

Test(compiler, lines_follow_the_source) {
    ObjCode *code = compile("x = 1\n\ny = (2 +\n     f())\n");
    cr_expect_eq(code->lines[0], 1);
    int call = 0;
    while (code->code[call] != OP_CALL) call += 1 + opcode_arg_bytes[code->code[call]];
    cr_expect_eq(code->lines[call], 4, "a call is on the line of the call expression");
    char *text = disassembly(code);
    cr_expect(strstr(text, "   3         6 LOAD_CONST") != NULL, "%s", text);
    free(text);
}

Test(compiler, max_stack_counts_the_deepest_point) {
    cr_expect_eq(compile("f(a, b, c)\n")->max_stack, 4);
    cr_expect_eq(compile("x = 1\n")->max_stack, 1);
    cr_expect_eq(must_find(compile("def f():\n    for x in y:\n        for z in x:\n            g(z)\n"), "f")->max_stack,
                 4);
}

Test(compiler, disassembly_shows_operands_and_nested_code) {
    char *text = disassembly(compile("def f(a):\n    return a + 1\nf(2)\n"));
    cr_expect(strstr(text, "Disassembly of <module> (<test>, line 1):") != NULL, "%s", text);
    cr_expect(strstr(text, "LOAD_CONST                   0 (<code f>)") != NULL, "%s", text);
    cr_expect(strstr(text, "Disassembly of f (<test>, line 1):") != NULL, "%s", text);
    cr_expect(strstr(text, "BINARY_OP                    0 (+)") != NULL, "%s", text);
    cr_expect(strstr(text, "LOAD_FAST                    0 (a)") != NULL, "%s", text);
    free(text);
}

/* ------------------------------------------------------------ errors */

Test(compiler, syntax_errors_worded_and_placed_as_cpython) {
    expect_error("return 1\n", "'return' outside function", 1, 1);
    expect_error("x = 1\nyield 2\n", "'yield' outside function", 2, 1);
    expect_error("await x\n", "'await' outside function", 1, 1);
    expect_error("def f():\n    await x\n", "'await' outside async function", 2, 5);
    expect_error("def f():\n    async for x in y: pass\n", "'async for' outside async function", 2, 5);
    expect_error("def f():\n    async with x: pass\n", "'async with' outside async function", 2, 5);
    expect_error("break\n", "'break' outside loop", 1, 1);
    expect_error("continue\n", "'continue' not properly in loop", 1, 1);
    expect_error("for x in y:\n    def f():\n        break\n", "'break' outside loop", 3, 9);
    expect_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
    expect_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5);
    expect_error("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5);
    expect_error("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5);
    expect_error("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5);
    expect_error("print(*a)\nx = *a\n", "can't use starred expression here", 2, 5);
    expect_error("a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1);
    expect_error("[(yield) for x in y]\n", "'yield' inside list comprehension", 1, 3);
    expect_error("((yield) for x in y)\n", "'yield' inside generator expression", 1, 3);
    expect_error("def f():\n    nonlocal x\n    global x\n", "name 'x' is nonlocal and global", 2, 5);
    expect_error("def f():\n    [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function",
                 2, 5);
    expect_error("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5);
    expect_error("[x := 1 for x in z]\n", "assignment expression cannot rebind comprehension iteration variable 'x'",
                 1, 2);
    expect_error("def f():\n    from m import *\n", "import * only allowed at module level", 2, 19);
    expect_error("*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1);
    expect_error("async def f():\n    yield from g()\n", "'yield from' inside async function", 2, 5);
    expect_error("def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global", 3, 5);
    expect_error("async def f():\n    lambda: await x\n", "'await' outside async function", 2, 13);
    expect_error("[x for x in (y := 1)]\n",
                 "assignment expression cannot be used in a comprehension iterable expression", 1, 14);
    /* errors in code that can never run are still errors, as in CPython */
    expect_error("def f():\n    try:\n        return 1\n    except E:\n        pass\n    else:\n        break\n",
                 "'break' outside loop", 7, 9);
}

Test(compiler, constructs_outside_the_subset_are_named) {
    expect_error("x = 3j\n", "handoff does not support complex numbers", 1, 5);
    expect_error("from . import x\n", "handoff has no packages: relative imports are not supported", 1, 1);
}

Test(compiler, too_many_constants_is_an_error_not_a_crash) {
    size_t size = 70000 * 16;
    char *source = malloc(size);
    size_t length = 0;
    for (int i = 0; i < 70000; i++) length += (size_t)snprintf(source + length, size - length, "x = %d\n", i);
    Diagnostic diag = compile_error(source);
    cr_expect(strstr(diag.message, "too many constants") != NULL, "%s", diag.message);
    length = 0;
    for (int i = 0; i < 70000; i++) length += (size_t)snprintf(source + length, size - length, "a%d = 0\n", i);
    diag = compile_error(source);
    cr_expect(strstr(diag.message, "too many names") != NULL, "%s", diag.message);
    free(source);
}

/* Every construct at once: the stack-depth pass checks each path's depth. */
Test(compiler, everything_compiles_with_consistent_stack_depths) {
    compile("import time\n"
            "from time import sleep as s\n"
            "def gen(n, *a, k=1, **kw):\n"
            "    '''doc'''\n"
            "    total = 0\n"
            "    for i in range(n):\n"
            "        try:\n"
            "            if i % 2:\n"
            "                continue\n"
            "            elif i > 10:\n"
            "                break\n"
            "            total += yield i\n"
            "        except (ValueError, TypeError) as e:\n"
            "            raise RuntimeError('x') from e\n"
            "        except Exception:\n"
            "            raise\n"
            "        else:\n"
            "            pass\n"
            "        finally:\n"
            "            total -= 1\n"
            "    else:\n"
            "        total = None\n"
            "    while total:\n"
            "        with open(f) as (a, b), g():\n"
            "            if a: return a\n"
            "            del b\n"
            "    return [x for x in a if x] + list({k: v for k, v in kw.items()}) + [*{1, 2}]\n"
            "async def co(q):\n"
            "    async with q as r:\n"
            "        async for item in r:\n"
            "            try:\n"
            "                await item\n"
            "            finally:\n"
            "                return\n"
            "    return [await z async for z in q if await z]\n"
            "x = lambda a, *, b=2: (a, b, (yield))\n"
            "y = f'{x!r:{width}.{prec}}' if x else {**{}, 'a': [1, 2, 3][1:2:-1]}\n"
            "assert x is not None and not y, 'msg'\n"
            "a, *b = c = d[0], e.f = 1, 2\n");
}
