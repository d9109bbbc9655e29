/* mod_itertools.h — the `itertools` module (lazy iterators as CPython's). */
#ifndef HANDOFF_MOD_ITERTOOLS_H
#define HANDOFF_MOD_ITERTOOLS_H

#include "vm.h"

void itertools_module_init(VM *vm, ObjModule *module);

#endif
