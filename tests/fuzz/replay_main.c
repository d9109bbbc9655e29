/* replay_main.c — runs a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer: how ctest replays tests/fuzz/corpus/ and tests/fuzz/regressions/
 * with gcc or clang, on the normal and the sanitizer builds. Arguments are files
 * or directories (every file in them); a crash or a sanitizer report fails. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replayed;

static int replay_file(const char *path) {
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        perror(path);
        return 1;
    }
    size_t capacity = 4096, size = 0;
    uint8_t *data = malloc(capacity);
    size_t n;
    while (data != NULL && (n = fread(data + size, 1, capacity - size, in)) > 0) {
        size += n;
        if (size == capacity) data = realloc(data, capacity *= 2);
    }
    fclose(in);
    if (data == NULL) {
        fprintf(stderr, "%s: out of memory\n", path);
        return 1;
    }
    /* An exact-size copy, so that ASan sees a read past the input's end. */
    uint8_t *exact = malloc(size > 0 ? size : 1);
    if (exact == NULL) return 1;
    memcpy(exact, data, size);
    free(data);
    fprintf(stderr, "replaying %s (%zu bytes)\n", path, size);
    LLVMFuzzerTestOneInput(exact, size);
    free(exact);
    replayed++;
    return 0;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay(const char *path) {
    struct stat info;
    if (stat(path, &info) != 0) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(info.st_mode)) return replay_file(path);
    DIR *dir = opendir(path);
    if (dir == NULL) {
        perror(path);
        return 1;
    }
    /* In name order, so that a failure is the same one on every machine. */
    char **names = NULL;
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        names = realloc(names, (count + 1) * sizeof *names);
        if (names == NULL) return 1;
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    if (count > 0) qsort(names, count, sizeof *names, compare_names);
    int failures = 0;
    for (size_t i = 0; i < count; i++) {
        size_t length = strlen(path) + strlen(names[i]) + 2;
        char *child = malloc(length);
        if (child == NULL) return 1;
        snprintf(child, length, "%s/%s", path, names[i]);
        failures += replay(child);
        free(child);
        free(names[i]);
    }
    free(names);
    return failures;
}

int main(int argc, char **argv) {
    int failures = 0;
    for (int i = 1; i < argc; i++) failures += replay(argv[i]);
    fprintf(stderr, "replayed %d inputs\n", replayed);
    return failures > 0 ? 1 : 0;
}
