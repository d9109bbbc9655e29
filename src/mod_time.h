/* mod_time.h — the default clocks behind the `time` module (the module's
 * functions themselves are declared in builtins.h). */
#ifndef HANDOFF_MOD_TIME_H
#define HANDOFF_MOD_TIME_H

#include "vm.h"

/* Sets vm->clock_now (CLOCK_MONOTONIC), vm->clock_wall (CLOCK_REALTIME) and
 * vm->clock_sleep (nanosleep, cut short by Ctrl-C), with vm as their data.
 * The asyncio loop later replaces them with its own clock. */
void time_default_clocks(VM *vm);

#endif
