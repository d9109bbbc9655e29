/* mod_asyncio.h — registers the `asyncio` module (mod_asyncio.c) with a VM whose
 * loop is installed (loop_install): `import asyncio` then finds it. */
#ifndef HANDOFF_MOD_ASYNCIO_H
#define HANDOFF_MOD_ASYNCIO_H

#include "aio.h"

void asyncio_register(VM *vm);
/* `init` also runs when asyncio is imported (after its own names are defined):
 * how Queue, Lock, Event, Semaphore, Condition and TaskGroup join the module. */
void asyncio_add_extension(ModuleInitFn init);
/* Compiles and runs the Python part of asyncio (aio_prelude.c) in the module's dict. */
bool aio_run_prelude(VM *vm, ObjModule *module);
/* Compiles and runs `source` (handoff's Python) in the module's dict; a failure is
 * reported on stderr under `filename` and returns false. */
bool aio_run_python(VM *vm, ObjModule *module, const char *filename, const char *source, size_t length);

#endif
