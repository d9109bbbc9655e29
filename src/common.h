/* common.h — includes and switches every handoff module shares.
 * Debug switches live here together (as in clox), so a build flag turns them on. */
#ifndef HANDOFF_COMMON_H
#define HANDOFF_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HANDOFF_VERSION "0.1.0"

/* HANDOFF_GC_STRESS: collect at every safe point that follows an allocation
 * (set by the CMake option HANDOFF_GC_STRESS=ON, or at run time by the
 * HANDOFF_GC_STRESS environment variable). */

#define UNUSED(x) ((void)(x))

#endif
