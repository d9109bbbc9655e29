/* aio_test_session.c — the shared set-up of the asyncio unit suites: see
 * aio_test_session.h. */
#include "aio_test_session.h"

#include <criterion/criterion.h>

#include "aio_sync.h"
#include "compiler.h"
#include "mod_asyncio.h"

VM *aio_test_vm;
AioLoop *aio_test_loop;

static void silence(void *data, int stream, const char *bytes, size_t length) {
    UNUSED(data);
    UNUSED(stream);
    UNUSED(bytes);
    UNUSED(length);
}

void aio_test_start(AioEventSink sink, void *data) {
    aio_test_vm = vm_new();
    aio_test_loop = loop_install(aio_test_vm, CLOCK_VIRTUAL, 1);
    aio_sync_register();
    asyncio_register(aio_test_vm);
    aio_test_vm->write = silence;
    loop_set_event_sink(aio_test_loop, sink, data);
}

void aio_test_finish(void) {
    aio_test_vm->on_coroutine_dropped = NULL;
    vm_free(aio_test_vm);
    loop_free(aio_test_loop);
}

Value aio_test_run(const char *source) {
    VM *vm = aio_test_vm;
    Diagnostic diag;
    ObjCode *code = compiler_compile_source(vm, source, strlen(source), "<test>", false, &diag);
    cr_assert_not_null(code, "%s (line %d)", diag.message, diag.line);
    Value result = vm_run_module(vm, code, vm->main_globals);
    return IS_EMPTY(result) ? vm_take_exception(vm) : EMPTY_VAL;
}
