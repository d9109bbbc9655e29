/* mod_math.h — the `math` module (the C library's functions with CPython's
 * errors, and the integer functions over GMP). */
#ifndef HANDOFF_MOD_MATH_H
#define HANDOFF_MOD_MATH_H

#include "vm.h"

void math_module_init(VM *vm, ObjModule *module);

#endif
