/* mod_sys.h — the `sys` module (argv, stdout/stderr, exit, version_info,
 * recursion limit, modules). */
#ifndef HANDOFF_MOD_SYS_H
#define HANDOFF_MOD_SYS_H

#include "vm.h"

void sys_module_init(VM *vm, ObjModule *module);

#endif
