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

/* Recursive passes over a syntax tree (symbol table, compiler) stop with
 * "maximum recursion depth exceeded during compilation", as CPython does,
 * before they use this much C stack. Counting bytes rather than calls keeps
 * the limit right whatever a frame costs (sanitizer builds have big frames). */
#define COMPILE_STACK_LIMIT ((size_t)2 * 1024 * 1024)

/* Bytes of C stack used since `base` (an address taken at the start of a pass);
 * the stack grows down on every platform handoff builds for. */
static inline size_t stack_used_since(uintptr_t base) {
    char here;
    uintptr_t now = (uintptr_t)&here;
    return base > now ? (size_t)(base - now) : 0;
}

#endif
