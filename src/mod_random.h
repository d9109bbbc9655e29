/* mod_random.h — the `random` module (CPython's Mersenne Twister, seeded as
 * CPython seeds it, or from vm->seed under `handoff --seed N`). */
#ifndef HANDOFF_MOD_RANDOM_H
#define HANDOFF_MOD_RANDOM_H

#include "vm.h"

void random_module_init(VM *vm, ObjModule *module);

#endif
