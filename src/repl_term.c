/* repl_term.c — the REPL's input and output: libedit's readline-compatible
 * callback interface on a terminal (stdin is a libevent read event on the loop's
 * event_base, so tasks run while the learner types), plain lines otherwise (each
 * echoed after its prompt, so that a piped session reads as a transcript), the
 * redraw that keeps the line being edited intact when output arrives, the
 * history file and Tab completion. */
#include "repl_internal.h"

#include <editline/readline.h>
#include <dirent.h>
#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Lines kept in the history file. */
#define HISTORY_LINES 1000

static Repl *term_repl; /* libedit's callbacks carry no data pointer */

/* ------------------------------------------------------------------ output */

/* Erases the prompt and the half-typed line (the cursor goes to column 0). */
static void hide_line(void) {
    fputs("\r\033[K", stdout);
    fflush(stdout);
}

static void write_out(Repl *repl, int stream, const char *bytes, size_t length) {
    if (length == 0) return;
    FILE *out = stream == 2 ? stderr : stdout;
    if (stream == 2) fflush(stdout); /* program output before a message, in true order */
    fwrite(bytes, 1, length, out);
    fflush(out);
    repl->at_line_start = bytes[length - 1] == '\n';
}

static void keep_partial(Repl *repl, int stream, const char *bytes, size_t length) {
    if (length == 0) return;
    char *grown = realloc(repl->partial, repl->partial_length + length);
    if (grown == NULL) return;
    repl->partial = grown;
    memcpy(repl->partial + repl->partial_length, bytes, length);
    repl->partial_length += length;
    repl->partial_stream = stream;
}

/* The start of a line kept while the prompt was up, written as it is. */
static void write_partial(Repl *repl) {
    size_t length = repl->partial_length;
    repl->partial_length = 0;
    write_out(repl, repl->partial_stream, repl->partial, length);
}

/* While the prompt is up, output goes above it a whole line at a time (a line's
 * start waits for its end), and the prompt and the half-typed line are redrawn. */
void term_write(Repl *repl, int stream, const char *bytes, size_t length) {
    if (length == 0) return;
    if (!(repl->editing && repl->reading)) {
        if (repl->partial_length > 0) write_partial(repl);
        write_out(repl, stream, bytes, length);
        return;
    }
    if (repl->partial_length > 0 && repl->partial_stream != stream) {
        hide_line();
        write_partial(repl);
        write_out(repl, repl->partial_stream, "\n", 1);
        rl_forced_update_display();
    }
    size_t whole = length;
    while (whole > 0 && bytes[whole - 1] != '\n') whole--;
    if (whole == 0) {
        keep_partial(repl, stream, bytes, length);
        return;
    }
    hide_line();
    if (repl->partial_length > 0) write_partial(repl);
    write_out(repl, stream, bytes, whole);
    keep_partial(repl, stream, bytes + whole, length - whole);
    rl_forced_update_display();
}

/* ------------------------------------------------------------------- input */

static void queue_line(Repl *repl, char *text) {
    ReplLine *line = malloc(sizeof(ReplLine));
    if (line == NULL) {
        fprintf(stderr, "handoff: out of memory\n");
        exit(70);
    }
    line->text = text;
    line->next = NULL;
    if (repl->lines_tail != NULL) repl->lines_tail->next = line;
    else repl->lines_head = line;
    repl->lines_tail = line;
}

/* libedit hands over a whole line (NULL for Ctrl-D on an empty line). Reading
 * stops at once: the next byte belongs to the next prompt. */
static void on_readline_line(char *text) {
    Repl *repl = term_repl;
    queue_line(repl, text);
    term_stop_reading(repl);
}

/* Plain mode: whole lines are cut from what was read; the end of input is a NULL line. */
static void read_plain(Repl *repl) {
    char chunk[4096];
    ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (n <= 0) {
        if (repl->plain_length > 0) {
            queue_line(repl, strndup(repl->plain_buffer, repl->plain_length));
            repl->plain_length = 0;
        }
        queue_line(repl, NULL);
        if (repl->stdin_event != NULL) event_del(repl->stdin_event);
        repl->reading = false;
        return;
    }
    if (repl->plain_length + (size_t)n > repl->plain_capacity) {
        size_t capacity = (repl->plain_length + (size_t)n) * 2;
        char *grown = realloc(repl->plain_buffer, capacity);
        if (grown == NULL) {
            fprintf(stderr, "handoff: out of memory\n");
            exit(70);
        }
        repl->plain_buffer = grown;
        repl->plain_capacity = capacity;
    }
    memcpy(repl->plain_buffer + repl->plain_length, chunk, (size_t)n);
    repl->plain_length += (size_t)n;
    size_t start = 0;
    for (size_t i = 0; i < repl->plain_length; i++) {
        if (repl->plain_buffer[i] != '\n') continue;
        size_t end = i > start && repl->plain_buffer[i - 1] == '\r' ? i - 1 : i;
        queue_line(repl, strndup(repl->plain_buffer + start, end - start));
        start = i + 1;
    }
    memmove(repl->plain_buffer, repl->plain_buffer + start, repl->plain_length - start);
    repl->plain_length -= start;
}

static void on_stdin(evutil_socket_t fd, short what, void *data) {
    UNUSED(fd);
    UNUSED(what);
    Repl *repl = data;
    if (!repl->reading) return;
    if (repl->editing) rl_callback_read_char();
    else read_plain(repl);
}

/* The signal handlers only write a byte; the main loop reads the flags. */
static void on_signal_pipe(evutil_socket_t fd, short what, void *data) {
    UNUSED(what);
    UNUSED(data);
    char bytes[64];
    while (read(fd, bytes, sizeof bytes) > 0) {
    }
}

bool term_take_line(Repl *repl, char **text) {
    ReplLine *line = repl->lines_head;
    if (line == NULL) return false;
    repl->lines_head = line->next;
    if (repl->lines_head == NULL) repl->lines_tail = NULL;
    *text = line->text;
    free(line);
    if (!repl->editing && !repl->stdin_tty && *text != NULL) {
        /* A piped session reads as a transcript: each line after its prompt. */
        const char *prompt = repl_prompt(repl);
        term_write(repl, 1, prompt, strlen(prompt));
        term_write(repl, 1, *text, strlen(*text));
        term_write(repl, 1, "\n", 1);
    }
    return true;
}

void term_start_reading(Repl *repl) {
    if (repl->reading || repl->stdin_event == NULL) return;
    trace_flush(repl->trace); /* the loop stopped for the prompt: the trace says all it held */
    if (repl->lines_tail != NULL && repl->lines_tail->text == NULL) return; /* input ended */
    repl->reading = true;
    event_add(repl->stdin_event, NULL);
    if (repl->editing) {
        if (!repl->at_line_start) {
            fputc('\n', stdout);
            repl->at_line_start = true;
        }
        fflush(stderr);
        rl_callback_handler_install(repl_prompt(repl), on_readline_line);
    } else if (repl->stdin_tty && repl->lines_head == NULL) {
        /* Plain lines typed on a terminal (TERM=dumb): the prompt, and the terminal echoes. */
        const char *prompt = repl_prompt(repl);
        write_out(repl, 1, prompt, strlen(prompt));
    }
}

void term_stop_reading(Repl *repl) {
    if (!repl->reading) return;
    repl->reading = false;
    event_del(repl->stdin_event);
    if (repl->editing) rl_callback_handler_remove();
    if (repl->partial_length > 0) write_partial(repl);
}

void term_clear_line(Repl *repl) {
    repl_clear_entry(repl);
    if (repl->editing && repl->reading) {
        rl_replace_line("", 0);
        fputs("\nKeyboardInterrupt\n", stdout);
        fflush(stdout);
        repl->reading = false;
        rl_callback_handler_remove();
        event_del(repl->stdin_event);
        term_start_reading(repl);
    } else {
        term_write(repl, 2, "\nKeyboardInterrupt\n", 19);
        if (repl->reading) { /* a fresh prompt */
            term_stop_reading(repl);
            term_start_reading(repl);
        }
    }
}

/* ---------------------------------------------------------------- history */

static char *history_file(void) {
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    char dir[4096];
    if (state != NULL && state[0] == '/') snprintf(dir, sizeof dir, "%s/handoff", state);
    else if (home != NULL && home[0] != '\0') snprintf(dir, sizeof dir, "%s/.local/state/handoff", home);
    else return NULL;
    /* mkdir -p: each component, ignoring those that exist. */
    for (char *p = dir + 1; *p != '\0'; p++) {
        if (*p != '/') continue;
        *p = '\0';
        mkdir(dir, 0700);
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) return NULL;
    size_t length = strlen(dir) + sizeof "/history";
    char *path = malloc(length);
    if (path != NULL) snprintf(path, length, "%s/history", dir);
    return path;
}

void term_add_history(Repl *repl, const char *entry) {
    if (!repl->editing || entry[0] == '\0') return;
    add_history(entry);
}

/* ------------------------------------------------------------- completion */

static char **candidates;
static size_t candidate_count, candidate_capacity;

static void add_candidate(const char *prefix, const char *name, size_t name_length) {
    if (candidate_count == candidate_capacity) {
        size_t capacity = candidate_capacity < 64 ? 64 : candidate_capacity * 2;
        char **grown = realloc(candidates, capacity * sizeof(char *));
        if (grown == NULL) return;
        candidates = grown;
        candidate_capacity = capacity;
    }
    size_t prefix_length = strlen(prefix);
    char *text = malloc(prefix_length + name_length + 1);
    if (text == NULL) return;
    memcpy(text, prefix, prefix_length);
    memcpy(text + prefix_length, name, name_length);
    text[prefix_length + name_length] = '\0';
    for (size_t i = 0; i < candidate_count; i++) {
        if (strcmp(candidates[i], text) == 0) {
            free(text);
            return;
        }
    }
    candidates[candidate_count++] = text;
}

static void clear_candidates(void) {
    for (size_t i = 0; i < candidate_count; i++) free(candidates[i]);
    candidate_count = 0;
}

static void add_dict_names(const char *prefix, ObjDict *dict) {
    Value key, value;
    for (int64_t i = 0; dict_next(dict, &i, &key, &value);)
        if (IS_STR(key)) add_candidate(prefix, AS_STR(key)->chars, (size_t)AS_STR(key)->length);
}

static void add_python_names(Repl *repl, const char *text) {
    static const char *const keywords[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield"};
    VM *vm = repl->vm;
    const char *dot = strrchr(text, '.');
    if (dot != NULL) {
        /* module.name: only modules are looked into (no code runs to complete). */
        size_t head_length = (size_t)(dot - text);
        char *head = strndup(text, head_length + 1);
        if (head == NULL) return;
        head[head_length] = '\0';
        Value module = dict_get_str(vm->main_globals, str_intern_cstr(vm, head));
        head[head_length] = '.';
        if (IS_MODULE(module)) add_dict_names(head, AS_MODULE(module)->dict);
        free(head);
        return;
    }
    add_dict_names("", vm->main_globals);
    add_dict_names("", vm->builtins);
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        add_candidate("", keywords[i], strlen(keywords[i]));
}

static char *next_candidate(const char *text, int state) {
    static size_t index;
    if (state == 0) index = 0;
    size_t length = strlen(text);
    while (index < candidate_count) {
        const char *candidate = candidates[index++];
        if (strncmp(candidate, text, length) == 0) return strdup(candidate);
    }
    return NULL;
}

/* After `:load ` and `:export `: the entries of the directory the argument
 * (`length` bytes) names so far. `/` and `-` end readline's words, so the word
 * being completed starts `text_offset` bytes into the argument: what was typed
 * of the file name before it is matched, and left out of the candidates. */
static void add_file_names(const char *argument, size_t length, size_t text_offset) {
    char *typed_path = strndup(argument, length);
    if (typed_path == NULL) return;
    const char *slash = strrchr(typed_path, '/');
    size_t dir_length = slash != NULL ? (size_t)(slash - typed_path) + 1 : 0;
    char *dir = dir_length > 0 ? strndup(typed_path, dir_length) : strdup(".");
    const char *typed = typed_path + dir_length; /* the file name so far */
    size_t typed_length = strlen(typed);
    size_t before_text = text_offset > dir_length ? text_offset - dir_length : 0;
    /* When the word starts before the file name (libedit takes the whole path as
     * one word), the candidates carry the directory typed within the word. */
    char *directory_in_text = strndup(typed_path + (text_offset < dir_length ? text_offset : dir_length),
                                      text_offset < dir_length ? dir_length - text_offset : 0);
    DIR *entries = dir != NULL && directory_in_text != NULL ? opendir(dir) : NULL;
    for (struct dirent *entry; entries != NULL && (entry = readdir(entries)) != NULL;) {
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
        if (strncmp(name, typed, typed_length) != 0 || (name[0] == '.' && typed[0] != '.')) continue;
        if (before_text > 0) add_candidate("", name + before_text, strlen(name + before_text));
        else add_candidate(directory_in_text, name, strlen(name));
    }
    if (entries != NULL) closedir(entries);
    free(directory_in_text);
    free(dir);
    free(typed_path);
}

/* Commands after a leading colon, lesson names after `:lesson `, task names after
 * `:where ` and `:cancel `, names in scope (and a module's names after `module.`). */
static char **complete(const char *text, int start, int end) {
    UNUSED(end);
    Repl *repl = term_repl;
    rl_attempted_completion_over = 1;
    clear_candidates();
    const char *line = rl_line_buffer;
    while (*line == ' ' || *line == '\t') line++;
    if (repl->source == NULL && line[0] == ':') {
        int command_start = (int)(line - rl_line_buffer);
        if (start <= command_start) {
            for (int i = 0; i < repl->command_count; i++)
                add_candidate(":", repl->commands[i].name, strlen(repl->commands[i].name));
        } else if (strncmp(line, ":lesson ", 8) == 0 && repl->lesson_names != NULL) {
            int count = 0;
            const char *const *names = repl->lesson_names(repl->lesson_names_data, &count);
            for (int i = 0; i < count; i++) add_candidate("", names[i], strlen(names[i]));
        } else if (strncmp(line, ":where ", 7) == 0 || strncmp(line, ":cancel ", 8) == 0) {
            for (AioTask *task = repl->loop->tasks_head; task != NULL; task = task->next) {
                char buf[TASK_NAME_BUF];
                const char *name = task_name(task, buf);
                add_candidate("", name, strlen(name));
            }
        } else if (strncmp(line, ":trace ", 7) == 0) {
            static const char *const renderers[] = {"log", "lanes", "narrate", "jsonl", "off"};
            for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++)
                add_candidate("", renderers[i], strlen(renderers[i]));
        } else if (strncmp(line, ":load ", 6) == 0 || strncmp(line, ":export ", 8) == 0) {
            const char *argument = line + strcspn(line, " ");
            while (*argument == ' ') argument++;
            int offset = (int)(argument - rl_line_buffer);
            if (end >= offset && start >= offset)
                add_file_names(argument, (size_t)(end - offset), (size_t)(start - offset));
        } else if (strncmp(line, ":clock ", 7) == 0) {
            add_candidate("", "real", 4);
            add_candidate("", "virtual", 7);
        }
    } else {
        add_python_names(repl, text);
    }
    return rl_completion_matches(text, next_candidate);
}

/* --------------------------------------------------------------- lifetime */

void term_open(Repl *repl) {
    term_repl = repl;
    /* libedit needs a terminal it can draw on; a dumb one gets plain lines. */
    const char *term = getenv("TERM");
    repl->stdin_tty = isatty(STDIN_FILENO);
    repl->editing = !repl->options.force_plain && repl->stdin_tty && isatty(STDOUT_FILENO) && term != NULL &&
                    term[0] != '\0' && strcmp(term, "dumb") != 0;
    for (int i = 0; i < 2; i++) {
        int flags = fcntl(repl->signal_pipe[i], F_GETFL);
        if (flags >= 0) fcntl(repl->signal_pipe[i], F_SETFL, flags | O_NONBLOCK);
    }
    if (!repl->editing) {
        /* A file or /dev/null cannot be watched by epoll: it never blocks, so
         * read it all now. */
        struct stat info;
        if (fstat(STDIN_FILENO, &info) == 0 && (S_ISREG(info.st_mode) || S_ISCHR(info.st_mode)) &&
            !isatty(STDIN_FILENO)) {
            repl->reading = true;
            while (repl->lines_tail == NULL || repl->lines_tail->text != NULL) read_plain(repl);
            repl->reading = false;
        }
        return;
    }
    rl_readline_name = "handoff";
    rl_catch_signals = 0;
    rl_attempted_completion_function = complete;
    /* Dots and colons are part of a word: `asyncio.sl<Tab>`, `:he<Tab>`. */
    rl_completer_word_break_characters = (char *)" \t\n\"'`@$><=;|&{(,[)]+-*/%!~^";
    rl_initialize();
    using_history();
    stifle_history(HISTORY_LINES);
    repl->history_path = history_file();
    if (repl->history_path != NULL) read_history(repl->history_path);
}

void term_close(Repl *repl) {
    if (repl->reading && repl->editing) rl_callback_handler_remove();
    repl->reading = false;
    if (repl->editing && repl->history_path != NULL) {
        write_history(repl->history_path);
        history_truncate_file(repl->history_path, HISTORY_LINES);
    }
    if (repl->partial_length > 0) write_partial(repl);
    free(repl->partial);
    repl->partial = NULL;
    free(repl->history_path);
    repl->history_path = NULL;
    clear_candidates();
    free(candidates);
    candidates = NULL;
    candidate_capacity = 0;
    term_repl = NULL;
}

void term_attach(Repl *repl) {
    struct event_base *base = loop_base(repl->loop);
    repl->stdin_event = event_new(base, STDIN_FILENO, EV_READ | EV_PERSIST, on_stdin, repl);
    repl->signal_event = event_new(base, repl->signal_pipe[0], EV_READ | EV_PERSIST, on_signal_pipe, repl);
    event_add(repl->signal_event, NULL);
}

void term_detach(Repl *repl) {
    if (repl->reading) term_stop_reading(repl);
    if (repl->stdin_event != NULL) event_free(repl->stdin_event);
    if (repl->signal_event != NULL) event_free(repl->signal_event);
    repl->stdin_event = NULL;
    repl->signal_event = NULL;
}
