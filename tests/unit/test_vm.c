/* test_vm.c — the VM through its public API: running code, generators and
 * coroutines driven from C (the API the event loop uses), exceptions,
 * recursion limits and interrupts. Programs are compiled from source. */
#include <criterion/criterion.h>

#include "compiler.h"
#include "containers.h"
#include "vm.h"

typedef struct {
    StrBuf out;
    StrBuf err;
} Captured;

static void capture(void *data, int stream, const char *bytes, size_t length) {
    Captured *captured = data;
    strbuf_append(stream == 2 ? &captured->err : &captured->out, bytes, length);
}

static VM *vm;
static Captured captured;

static void setup(void) {
    vm = vm_new();
    strbuf_init(&captured.out);
    strbuf_init(&captured.err);
    vm->write = capture;
    vm->write_data = &captured;
}

static void teardown(void) {
    vm_free(vm);
    strbuf_free(&captured.out);
    strbuf_free(&captured.err);
}

/* Compiles and runs `source` as __main__; returns the result (EMPTY on an exception). */
static Value run(const char *source) {
    Diagnostic diag;
    vm_remember_source(vm, "<test>", source, strlen(source));
    ObjCode *code = compiler_compile_source(vm, source, strlen(source), "<test>", false, &diag);
    cr_assert_not_null(code, "compile: %s (line %d)", diag.message, diag.line);
    return vm_run_module(vm, code, vm->main_globals);
}

static const char *output(void) {
    strbuf_append_char(&captured.out, '\0');
    captured.out.length--;
    return captured.out.data;
}

static Value global(const char *name) { return dict_get_str(vm->main_globals, str_intern_cstr(vm, name)); }

TestSuite(vm, .init = setup, .fini = teardown);

Test(vm, test_print_goes_through_the_write_hook) {
    cr_assert(!IS_EMPTY(run("print('hello', 42)\n")));
    cr_assert_str_eq(output(), "hello 42\n");
}

Test(vm, test_calling_a_coroutine_function_runs_nothing) {
    cr_assert(!IS_EMPTY(run("async def f():\n    print('ran')\n    return 5\nc = f()\n")));
    cr_assert_str_eq(output(), "");
    Value coro = global("c");
    cr_assert(IS_GENERATOR(coro));
    cr_assert_eq(AS_GENERATOR(coro)->kind, GEN_KIND_COROUTINE);
    Value out;
    cr_assert_eq(gen_send(vm, AS_GENERATOR(coro), NONE_VAL, &out), RESUME_RETURN);
    cr_assert_str_eq(output(), "ran\n");
    cr_assert(IS_INT(out) && AS_INT(out) == 5);
}

Test(vm, test_await_chain_suspends_whole_task_and_reports_what_it_awaits) {
    cr_assert(!IS_EMPTY(run("async def inner():\n"
                            "    x = 0\n"
                            "    for i in range(1):\n"
                            "        x = await coro_step()\n"
                            "    return x * 2\n"
                            "async def coro_step():\n"
                            "    return 21\n"
                            "async def outer():\n"
                            "    r = await inner()\n"
                            "    print('outer got', r)\n"
                            "    return r + 1\n"
                            "c = outer()\n")));
    Value out;
    cr_assert_eq(gen_send(vm, AS_GENERATOR(global("c")), NONE_VAL, &out), RESUME_RETURN);
    cr_assert(IS_INT(out) && AS_INT(out) == 43);
    cr_assert_str_eq(output(), "outer got 42\n");
}

Test(vm, test_generator_yield_send_and_return_value) {
    cr_assert(!IS_EMPTY(run("def g():\n"
                            "    total = 0\n"
                            "    while True:\n"
                            "        x = yield total\n"
                            "        if x is None:\n"
                            "            return total\n"
                            "        total += x\n"
                            "gen = g()\n")));
    ObjGenerator *gen = AS_GENERATOR(global("gen"));
    Value out;
    cr_assert_eq(gen_send(vm, gen, NONE_VAL, &out), RESUME_YIELD);
    cr_assert_eq(AS_INT(out), 0);
    cr_assert_eq(gen_send(vm, gen, INT_VAL(5), &out), RESUME_YIELD);
    cr_assert_eq(AS_INT(out), 5);
    cr_assert_eq(gen_send(vm, gen, INT_VAL(7), &out), RESUME_YIELD);
    cr_assert_eq(AS_INT(out), 12);
    cr_assert_eq(gen_send(vm, gen, NONE_VAL, &out), RESUME_RETURN);
    cr_assert_eq(AS_INT(out), 12);
    cr_assert_eq(gen->state, GEN_CLOSED);
}

Test(vm, test_throw_into_suspended_coroutine_runs_its_finally) {
    cr_assert(!IS_EMPTY(run("def gen_worker():\n"
                            "    try:\n"
                            "        yield 1\n"
                            "    finally:\n"
                            "        print('cleanup')\n"
                            "g = gen_worker()\n")));
    ObjGenerator *gen = AS_GENERATOR(global("g"));
    Value out;
    cr_assert_eq(gen_send(vm, gen, NONE_VAL, &out), RESUME_YIELD);
    Value exc = OBJ_VAL(vm->types.ValueError);
    cr_assert_eq(gen_throw(vm, gen, exc, &out), RESUME_ERROR);
    cr_assert_str_eq(output(), "cleanup\n");
    cr_assert(vm_exception_matches(vm, vm->types.ValueError));
    vm_take_exception(vm);
}

Test(vm, test_uncaught_exception_carries_one_traceback_line_per_frame) {
    Value result = run("def a():\n    return 1 / 0\ndef b():\n    return a()\nb()\n");
    cr_assert(IS_EMPTY(result));
    Value exc = vm_take_exception(vm);
    cr_assert(IS_EXCEPTION(exc));
    ObjException *e = AS_EXCEPTION(exc);
    cr_assert_eq(e->cls, vm->types.ZeroDivisionError);
    cr_assert_eq(e->traceback_count, 3);
    cr_assert_eq(e->traceback[0].line, 2); /* innermost first */
    cr_assert_eq(e->traceback[1].line, 4);
    cr_assert_eq(e->traceback[2].line, 5);
}

Test(vm, test_deep_recursion_raises_recursion_error_not_a_crash) {
    Value result = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    cr_assert(IS_EMPTY(result));
    cr_assert(vm_exception_matches(vm, vm->types.RecursionError));
    vm_take_exception(vm);
    /* The VM is usable afterwards. */
    cr_assert(!IS_EMPTY(run("print(sum(range(10)))\n")));
    cr_assert_str_eq(output(), "45\n");
}

Test(vm, test_interrupt_flag_raises_keyboard_interrupt_in_a_busy_loop) {
    vm->interrupted = 1;
    Value result = run("while True:\n    pass\n");
    cr_assert(IS_EMPTY(result));
    cr_assert(vm_exception_matches(vm, vm->types.KeyboardInterrupt));
    vm_take_exception(vm);
}

Test(vm, test_instruction_budget_stops_a_runaway_loop) {
    vm->instruction_budget = 1000;
    Value result = run("n = 0\nwhile True:\n    n += 1\n");
    cr_assert(IS_EMPTY(result));
    cr_assert(vm_exception_matches(vm, vm->types.RuntimeError));
    vm_take_exception(vm);
}

Test(vm, test_closures_share_a_cell) {
    cr_assert(!IS_EMPTY(run("def counter():\n"
                            "    n = 0\n"
                            "    def inc():\n"
                            "        nonlocal n\n"
                            "        n += 1\n"
                            "        return n\n"
                            "    return inc\n"
                            "c = counter()\n"
                            "c()\nc()\n"
                            "print(c())\n")));
    cr_assert_str_eq(output(), "3\n");
}

Test(vm, test_growing_past_the_memory_cap_raises_memory_error_and_the_vm_survives) {
    vm->max_memory = vm->bytes_allocated + 4 * 1024 * 1024;
    vm->instruction_budget = 10 * 1000 * 1000; /* without the cap: RuntimeError, not a hang */
    Value result = run("x = []\nwhile True:\n    x.append([0] * 100)\n");
    cr_assert(IS_EMPTY(result));
    cr_assert(vm_exception_matches(vm, vm->types.MemoryError));
    vm_take_exception(vm);
    vm->instruction_budget = -1;
    dict_set_str(vm, vm->main_globals, str_intern_cstr(vm, "x"), NONE_VAL);
    gc_collect(vm);
    cr_assert(!IS_EMPTY(run("print('still here', len([1, 2, 3]))\n")));
    cr_assert_str_eq(output(), "still here 3\n");
}

Test(vm, test_a_huge_repeat_raises_memory_error_before_allocating) {
    Value result = run("x = [0] * (10 ** 12)\n");
    cr_assert(IS_EMPTY(result));
    cr_assert(vm_exception_matches(vm, vm->types.MemoryError));
    vm_take_exception(vm);
    result = run("s = 'ab' * (10 ** 12)\n");
    cr_assert(IS_EMPTY(result));
    cr_assert(vm_exception_matches(vm, vm->types.MemoryError));
    vm_take_exception(vm);
}
