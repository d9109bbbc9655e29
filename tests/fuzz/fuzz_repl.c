/* fuzz_repl.c — libFuzzer target: arbitrary bytes as lines of `:` commands fed
 * to the REPL's dispatcher (name, arguments, the nearest-name suggestion, each
 * command's argument parsing and what it then does), in one session made once
 * with plain input, the virtual clock and the trace off, with the lessons' commands. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lesson.h"
#include "loop.h"
#include "repl.h"

static Repl *session;
static char scratch[] = "/tmp/handoff-fuzz-repl-XXXXXX";

/* At exit: the files :export wrote, and the directory. */
static void remove_scratch(void) {
    DIR *dir = opendir(scratch);
    if (dir == NULL) return;
    for (struct dirent *entry; (entry = readdir(dir)) != NULL;) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        char path[sizeof scratch + 256 + 1];
        snprintf(path, sizeof path, "%s/%s", scratch, entry->d_name);
        unlink(path);
    }
    closedir(dir);
    rmdir(scratch);
}

/* A session for every input: making one per input would spend the time on
 * setting up asyncio instead of on the commands. :load and :export work in a
 * scratch directory of their own (see refused below). */
static Repl *session_once(void) {
    if (session != NULL) return session;
    /* No chdir: libFuzzer reads its corpus by relative paths after the first input. */
    if (mkdtemp(scratch) == NULL) abort();
    atexit(remove_scratch);
    /* Stdout carries what the commands print: nobody reads it here. */
    if (freopen("/dev/null", "w", stdout) == NULL) abort();
    ReplOptions options = {.clock = CLOCK_VIRTUAL, .speed = 1, .trace = "off", .force_plain = true};
    session = repl_new(&options);
    if (session == NULL) abort();
    lesson_install(session);
    return session;
}

/* Commands the target does not run: those that end the session or start an
 * editor, and :load or :export of a path with a slash (one that could leave
 * the scratch directory). */
static bool refused(const char *line, bool *files) {
    size_t n = strcspn(line, " \t");
    if ((n == 4 && strncmp(line, "quit", 4) == 0) || (n == 4 && strncmp(line, "edit", 4) == 0)) return true;
    *files = (n == 4 && strncmp(line, "load", 4) == 0) || (n == 6 && strncmp(line, "export", 6) == 0);
    return *files && strchr(line, '/') != NULL;
}

/* :load NAME / :export NAME as :load SCRATCH/NAME: the file is in the scratch directory. */
static void run_file_command(Repl *repl, const char *line) {
    size_t n = strcspn(line, " \t");
    const char *args = line + n;
    while (*args == ' ' || *args == '\t') args++;
    if (*args == '\0') {
        repl_command(repl, line); /* the usage message */
        return;
    }
    size_t size = n + 1 + sizeof scratch + strlen(args) + 1;
    char *confined = malloc(size);
    if (confined == NULL) return;
    snprintf(confined, size, "%.*s %s/%s", (int)n, line, scratch, args);
    repl_command(repl, confined);
    free(confined);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Repl *repl = session_once();
    char *text = malloc(size + 1);
    if (text == NULL) return 0;
    memcpy(text, data, size);
    text[size] = '\0'; /* a NUL inside ends the input, as it ends a C string read from a line */
    char *next = text;
    for (int lines = 0; next != NULL && lines < 16; lines++) {
        char *line = next;
        next = strchr(line, '\n');
        if (next != NULL) *next++ = '\0';
        if (line[0] == ':') line++;
        bool files = false;
        if (refused(line, &files)) continue;
        if (files) run_file_command(repl, line);
        else repl_command(repl, line);
        /* Keep every input quick and quiet: the virtual clock (a real one would
         * make :run SECONDS wait), and no trace (fuzz_vm renders traces). */
        repl_command(repl, "clock virtual");
        repl_command(repl, "trace off");
        /* A program's own sleeps may push the clock far (lessons sleep); :run
         * keeps it below 1e6 s, and so does this, for the loop's sake (see
         * LOOP_TIME_LIMIT in repl_commands.c). */
        if (loop_time(repl_vm(repl)) > 1e5) repl_command(repl, "reset");
    }
    free(text);
    return 0;
}
