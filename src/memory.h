/* memory.h — the collector's functions beyond those in vm.h: marking a fiber
 * (used by the loop's root markers), freeing a fiber, and freeing everything
 * when the VM ends. */
#ifndef HANDOFF_MEMORY_H
#define HANDOFF_MEMORY_H

#include "vm.h"

void gc_mark_fiber(VM *vm, Fiber *fiber);
void fiber_free(VM *vm, Fiber *fiber);
void gc_free_all(VM *vm);

#endif
