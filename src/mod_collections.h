/* mod_collections.h — the `collections` module (deque). */
#ifndef HANDOFF_MOD_COLLECTIONS_H
#define HANDOFF_MOD_COLLECTIONS_H

#include "vm.h"

void collections_module_init(VM *vm, ObjModule *module);

#endif
