/* fuzz_compile.c — libFuzzer target: arbitrary bytes through the lexer, parser
 * and compiler (file and interactive mode), then what the CLI does with the
 * outcome: disassemble the code, or print the SyntaxError with its caret. */
#include <stdint.h>
#include <stdio.h>

#include "compiler.h"
#include "debug.h"
#include "exceptions.h"
#include "vm.h"

/* Program output and tracebacks are thrown away: only crashes and sanitizer
 * reports matter here. */
static void discard(void *data, int stream, const char *bytes, size_t length) {
    (void)data, (void)stream, (void)bytes, (void)length;
}

static FILE *null_out;

static void compile_once(VM *vm, const char *source, size_t length, bool interactive) {
    Diagnostic diag;
    memset(&diag, 0, sizeof diag);
    ObjCode *code = compiler_compile_source(vm, source, length, "<fuzz>", interactive, &diag);
    if (code != NULL) {
        debug_disassemble(code, null_out);
        return;
    }
    /* The CLI's path for an error: the diagnostic's line, its exception, the traceback. */
    size_t line_length = 0;
    const char *line = diag.line > 0 ? vm_source_line(vm, "<fuzz>", diag.line, &line_length) : NULL;
    ObjException *exc = exception_from_diagnostic(vm, &diag, "<fuzz>", line, line_length);
    vm_print_exception(vm, OBJ_VAL(exc));
    vm->exception = EMPTY_VAL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (null_out == NULL) null_out = fopen("/dev/null", "w");
    /* A fresh VM per input: a leak or a stale pointer cannot hide behind state
     * that an earlier input left behind. */
    VM *vm = vm_new();
    vm->write = discard;
    const char *source = (const char *)data;
    vm_remember_source(vm, "<fuzz>", source, size);
    compile_once(vm, source, size, false);
    compile_once(vm, source, size, true);
    vm_free(vm);
    return 0;
}
