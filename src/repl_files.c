/* repl_files.c — the only `:` commands that touch the file system: :load runs a
 * .py file the learner names in the session (as `handoff -i FILE` does before
 * its prompt), :export writes the hand-offs :history's ring holds to a file.
 * Each failure is one line saying what went wrong; the session goes on. */
#include "repl_internal.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

/* As `handoff FILE.py` (main.c): a bigger source file is refused. */
#define LOAD_MAX_BYTES (256u * 1024u * 1024u)

/* Reads the whole regular file `path`; NULL with errno set (EISDIR for a
 * directory, EFBIG past LOAD_MAX_BYTES, EINVAL for a device or a pipe, which
 * could block the session or never end). */
static char *read_whole_file(const char *path, size_t *length) {
    FILE *in = fopen(path, "rb");
    if (in == NULL) return NULL;
    struct stat info;
    char *data = NULL;
    int error = 0;
    if (fstat(fileno(in), &info) != 0) error = errno;
    else if (S_ISDIR(info.st_mode)) error = EISDIR;
    else if (!S_ISREG(info.st_mode)) error = EINVAL;
    else if ((uintmax_t)info.st_size > LOAD_MAX_BYTES) error = EFBIG;
    if (error == 0) {
        size_t size = (size_t)info.st_size;
        data = malloc(size + 1);
        if (data == NULL) error = ENOMEM;
        else {
            size_t used = fread(data, 1, size, in);
            /* A file that grew since fstat is read up to its size then; one that shrank, to its end. */
            if (ferror(in)) error = errno != 0 ? errno : EIO;
            data[used] = '\0';
            *length = used;
        }
    }
    fclose(in);
    if (error != 0) {
        free(data);
        errno = error;
        return NULL;
    }
    return data;
}

static bool cmd_load(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] == '\0') return false;
    size_t length = 0;
    char *source = read_whole_file(args, &length);
    if (source == NULL) {
        int error = errno;
        if (error == EFBIG)
            repl_printf(repl, "can't load '%s': the file is larger than %u MB\n", args, LOAD_MAX_BYTES >> 20);
        else if (error == EINVAL)
            repl_printf(repl, "can't load '%s': not a regular file\n", args);
        else
            repl_printf(repl, "can't load '%s': [Errno %d] %s\n", args, error, strerror(error));
        return true;
    }
    /* Tracebacks name the file as `handoff -i` does: by its absolute path. */
    char shown[4096], cwd[3072];
    if (args[0] != '/' && getcwd(cwd, sizeof cwd) != NULL) snprintf(shown, sizeof shown, "%s/%s", cwd, args);
    else snprintf(shown, sizeof shown, "%s", args);
    repl_run_program(repl, shown, source, length);
    free(source);
    return true;
}

/* FILE [jsonl|log]: the last word is the format when it names one and a file
 * name comes before it. */
static bool split_export_args(const char *args, char **path, TraceKind *kind) {
    *kind = TRACE_JSONL;
    size_t length = strlen(args);
    size_t word = length;
    while (word > 0 && args[word - 1] != ' ' && args[word - 1] != '\t') word--;
    size_t path_end = length;
    if (word > 0) {
        const char *format = args + word;
        if (strcmp(format, "jsonl") == 0 || strcmp(format, "log") == 0) {
            *kind = format[0] == 'j' ? TRACE_JSONL : TRACE_LOG;
            path_end = word;
            while (path_end > 0 && (args[path_end - 1] == ' ' || args[path_end - 1] == '\t')) path_end--;
        }
    }
    *path = strndup(args, path_end);
    return *path != NULL;
}

static bool cmd_export(Repl *repl, const char *args, void *data) {
    UNUSED(data);
    if (args[0] == '\0') return false;
    char *path = NULL;
    TraceKind kind;
    if (!split_export_args(args, &path, &kind)) return true;
    struct stat info;
    FILE *out = NULL;
    int error = 0;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) error = EISDIR;
    else if ((out = fopen(path, "w")) == NULL) error = errno;
    long written = 0;
    if (out != NULL) {
        written = history_export(repl->history, kind, out);
        if (ferror(out) && error == 0) error = errno != 0 ? errno : EIO;
        if (fclose(out) != 0 && error == 0) error = errno != 0 ? errno : EIO;
        if (written < 0 && error == 0) error = ENOMEM;
    }
    if (error != 0) {
        repl_printf(repl, "can't export to '%s': [Errno %d] %s\n", path, error, strerror(error));
    } else {
        uint64_t dropped = history_dropped(repl->history);
        char gone[160] = "";
        if (dropped > 0)
            snprintf(gone, sizeof gone, "; the history keeps the last %zu, %llu older are gone "
                     "(--trace-file=FILE keeps a whole run)", history_capacity(repl->history),
                     (unsigned long long)dropped);
        repl_printf(repl, "exported %ld %s to '%s' (%s%s)\n", written, written == 1 ? "event" : "events", path,
                    kind == TRACE_JSONL ? "jsonl" : "log", gone);
    }
    free(path);
    return true;
}

void files_commands_install(Repl *repl) {
    repl_add_command(repl, "load", ":load FILE", "run a .py file in this session (its names and tasks stay)",
                     "    Runs FILE as `handoff -i FILE` does before its prompt: as __main__, with the\n"
                     "    loop stopped, so asyncio.run works; the names it defines stay in the session.\n"
                     "    Only the file you name is read. A missing, unreadable or too large file, or a\n"
                     "    directory, is reported and the session goes on.\n",
                     cmd_load, NULL);
    repl_add_command(repl, "export", ":export FILE [jsonl|log]",
                     "write the last 1,000 events (what :history holds) to FILE",
                     "    jsonl (the default): one JSON object per event, as --trace=jsonl writes them;\n"
                     "    log: the trace log's lines. The history is a ring of the last 1,000 events;\n"
                     "    to keep a whole run, however long, start handoff with --trace-file=FILE\n"
                     "    (lines are streamed to the file as they happen, memory stays bounded).\n"
                     "    FILE is overwritten.\n",
                     cmd_export, NULL);
}
