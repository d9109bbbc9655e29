/* mod_string.h — the `string` module: its character-class constants and capwords. */
#ifndef HANDOFF_MOD_STRING_H
#define HANDOFF_MOD_STRING_H

#include "vm.h"

void string_module_init(VM *vm, ObjModule *module);

#endif
