/* lessons_dir.c — finding the lessons directory, so that the same binary works
 * from its build tree and after `cmake --install` (to any prefix). */
#include "lessons_dir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HANDOFF_LESSONS_SOURCE_DIR
#define HANDOFF_LESSONS_SOURCE_DIR ""
#endif
#ifndef HANDOFF_LESSONS_INSTALL_DIR
#define HANDOFF_LESSONS_INSTALL_DIR ""
#endif
#ifndef HANDOFF_LESSONS_RELATIVE_DIR
#define HANDOFF_LESSONS_RELATIVE_DIR "../share/handoff/lessons"
#endif

static bool is_directory(const char *path) {
    struct stat info;
    return path[0] != '\0' && stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

static bool take(char *out, size_t size, const char *path) {
    if (!is_directory(path) || strlen(path) + 1 > size) return false;
    snprintf(out, size, "%s", path);
    return true;
}

/* The installed layout: the lessons relative to the directory of the running binary. */
static bool beside_binary(char *out, size_t size) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return false;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL) return false;
    *slash = '\0';
    char candidate[PATH_MAX];
    if (snprintf(candidate, sizeof candidate, "%s/%s", exe, HANDOFF_LESSONS_RELATIVE_DIR) >= (int)sizeof candidate)
        return false;
    char resolved[PATH_MAX];
    if (realpath(candidate, resolved) == NULL) return false;
    return take(out, size, resolved);
}

bool lessons_find_dir(char *out, size_t size) {
    if (size > 0) out[0] = '\0';
    const char *from_env = getenv("HANDOFF_LESSONS_DIR");
    if (from_env != NULL && take(out, size, from_env)) return true;
    if (beside_binary(out, size)) return true;
    if (take(out, size, HANDOFF_LESSONS_SOURCE_DIR)) return true;
    if (take(out, size, HANDOFF_LESSONS_INSTALL_DIR)) return true;
    if (size > 0) out[0] = '\0';
    return false;
}
