/* lessons_dir.h — where the lessons are: beside an installed binary, in the
 * source tree of a build, or where HANDOFF_LESSONS_DIR says. */
#ifndef HANDOFF_LESSONS_DIR_H
#define HANDOFF_LESSONS_DIR_H

#include <stdbool.h>
#include <stddef.h>

/* Stores in `out` the first of these that is a directory: $HANDOFF_LESSONS_DIR;
 * the installed layout relative to the running binary (bin/../share/handoff/lessons);
 * the source tree the binary was built from; the install prefix configured at build
 * time. Returns false (out empty) when none exists. */
bool lessons_find_dir(char *out, size_t size);

#endif
