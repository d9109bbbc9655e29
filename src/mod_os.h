/* mod_os.h — the `os` module, reduced to getpid: programs run by handoff get
 * no file system or process access. */
#ifndef HANDOFF_MOD_OS_H
#define HANDOFF_MOD_OS_H

#include "vm.h"

void os_module_init(VM *vm, ObjModule *module);

#endif
