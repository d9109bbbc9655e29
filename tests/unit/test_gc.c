/* test_gc.c — the collector: garbage is freed, suspended generators keep
 * their frames alive, temporary roots protect values, interned strings are
 * weak, and a program under GC stress prints what it prints without it. */
#include <criterion/criterion.h>

#include "compiler.h"
#include "containers.h"
#include "vm.h"

static VM *vm;
static StrBuf out;

static void capture(void *data, int stream, const char *bytes, size_t length) {
    UNUSED(data);
    if (stream == 1) strbuf_append(&out, bytes, length);
}

static void setup(void) {
    vm = vm_new();
    strbuf_init(&out);
    vm->write = capture;
}

static void teardown(void) {
    vm_free(vm);
    strbuf_free(&out);
}

static Value run(const char *source) {
    Diagnostic diag;
    ObjCode *code = compiler_compile_source(vm, source, strlen(source), "<test>", false, &diag);
    cr_assert_not_null(code, "%s (line %d)", diag.message, diag.line);
    return vm_run_module(vm, code, vm->main_globals);
}

static const char *output(void) {
    strbuf_append_char(&out, '\0');
    out.length--;
    return out.data;
}

static size_t count_objects(void) {
    size_t n = 0;
    for (Obj *o = vm->objects; o != NULL; o = o->next) n++;
    return n;
}

TestSuite(gc, .init = setup, .fini = teardown);

Test(gc, test_garbage_made_in_a_loop_is_freed) {
    gc_collect(vm);
    size_t before = count_objects();
    cr_assert(!IS_EMPTY(run("for i in range(2000):\n    x = [i, str(i), (i, i)]\nx = None\n")));
    gc_collect(vm);
    size_t after = count_objects();
    /* The module's code, its constants and a few names remain; 2000 lists do not. */
    cr_assert_lt(after, before + 200, "before %zu after %zu", before, after);
}

Test(gc, test_suspended_generator_keeps_its_locals_across_collections) {
    cr_assert(!IS_EMPTY(run("def g():\n"
                            "    data = [str(i) for i in range(100)]\n"
                            "    yield len(data)\n"
                            "    yield ''.join(data[:5])\n"
                            "gen = g()\n"
                            "next(gen)\n")));
    for (int i = 0; i < 3; i++) gc_collect(vm);
    Value gen = dict_get_str(vm->main_globals, str_intern_cstr(vm, "gen"));
    Value result;
    cr_assert_eq(gen_send(vm, AS_GENERATOR(gen), NONE_VAL, &result), RESUME_YIELD);
    cr_assert(IS_STR(result));
    cr_assert_str_eq(AS_STR(result)->chars, "01234");
}

Test(gc, test_temporary_roots_survive_and_unrooted_objects_do_not) {
    ObjList *kept = list_new(vm, 0);
    list_append(vm, kept, OBJ_VAL(str_from_cstr(vm, "kept alive")));
    vm_push_root(vm, OBJ_VAL(kept));
    gc_collect(vm);
    cr_assert_str_eq(AS_STR(kept->items[0])->chars, "kept alive");
    vm_pop_roots(vm, 1);
    size_t before = count_objects();
    gc_collect(vm);
    cr_assert_eq(count_objects(), before - 2);
}

Test(gc, test_interned_strings_are_weak) {
    str_intern_cstr(vm, "an interned name nobody keeps");
    gc_collect(vm);
    cr_assert_null(dict_find_str(vm->interned, "an interned name nobody keeps", 29,
                                 str_hash_bytes("an interned name nobody keeps", 29)));
}

Test(gc, test_program_under_gc_stress_prints_the_same) {
    vm->gc_stress = true;
    cr_assert(!IS_EMPTY(run("def pairs(n):\n"
                            "    for i in range(n):\n"
                            "        yield (i, [i] * 3, {'k': str(i)})\n"
                            "total = 0\n"
                            "words = []\n"
                            "for i, xs, d in pairs(50):\n"
                            "    total += sum(xs)\n"
                            "    words.append(d['k'])\n"
                            "print(total, ','.join(words[-3:]))\n"
                            "print(sorted({str(i): i for i in range(20)}, key=lambda s: -len(s))[:3])\n")));
    cr_assert_str_eq(output(), "3675 47,48,49\n['10', '11', '12']\n");
}
