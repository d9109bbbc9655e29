/* mod_dictlike.h — collections.defaultdict and collections.Counter. */
#ifndef HANDOFF_MOD_DICTLIKE_H
#define HANDOFF_MOD_DICTLIKE_H

#include "vm.h"

/* Defines defaultdict and Counter in the collections module's dict. */
void dictlike_define(VM *vm, ObjModule *module);

#endif
