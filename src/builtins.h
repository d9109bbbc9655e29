/* builtins.h — the builtins module (print, len, sorted, ...), the built-in
 * exception hierarchy, the built-in iterators and the `time` module. */
#ifndef HANDOFF_BUILTINS_H
#define HANDOFF_BUILTINS_H

#include "vm.h"

/* Creates every exception class (BaseException .. ExceptionGroup) with CPython's
 * hierarchy, stores them in vm->types, and defines them in vm->builtins.
 * Called by vm_new after the core classes exist and vm->builtins is created. */
void exceptions_init(VM *vm);

/* Defines every built-in function and the built-in classes' names
 * (int, str, list, ...) in vm->builtins. Called by vm_new after exceptions_init. */
void builtins_init(VM *vm);

/* The `dataclasses` module (mod_dataclasses.c, written in handoff's Python). */
void dataclasses_module_init(VM *vm, ObjModule *module);

/* The `time` module: perf_counter, monotonic, time, sleep (through vm->clock_*). */
void time_module_init(VM *vm, ObjModule *module);

#endif
