/* mod_functools.h — the `functools` module (partial, reduce, wraps, lru_cache, cache). */
#ifndef HANDOFF_MOD_FUNCTOOLS_H
#define HANDOFF_MOD_FUNCTOOLS_H

#include "vm.h"

void functools_module_init(VM *vm, ObjModule *module);

#endif
