/* lesson.c — walking through a lesson in the REPL: the :lessons, :lesson, :next,
 * :back, :again and :edit commands, showing a step (prose, its code listed, a
 * prediction asked), running the step's code in the session with the trace on,
 * and saying whether the prediction was right. The format is lesson_parse.c's. */
#include "lesson.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lessons_dir.h"

#define CLEAR_SCREEN "\033[H\033[2J"

/* One session's lesson state, made by lesson_install. */
typedef struct LessonSession {
    Repl *repl;
    char **names;         /* lesson file names without ".md", sorted ("01-sync-vs-async") */
    char **short_names;   /* the same without their "NN-" ("sync-vs-async"), for Tab completion */
    int lesson_count;
    Lesson *lesson;       /* the open lesson, or NULL */
    char *lesson_name;    /* its short name */
    int step;             /* index of the step shown */
    char **edited;        /* per step, the code as :edit left it, or NULL: the lesson's own */
    bool demo;            /* one step per screen, Enter advances */
    struct LessonSession *next;
} LessonSession;

/* Every installed session, so lesson_start and lesson_uninstall can find theirs. */
static LessonSession *sessions;

static LessonSession *find_session(Repl *repl) {
    for (LessonSession *session = sessions; session != NULL; session = session->next)
        if (session->repl == repl) return session;
    return NULL;
}

static char *duplicate(const char *text) {
    size_t n = strlen(text);
    char *copy = malloc(n + 1);
    if (copy == NULL) {
        fputs("handoff: out of memory\n", stderr);
        abort();
    }
    memcpy(copy, text, n + 1);
    return copy;
}

/* ---------------------------------------------------------------- the lessons directory */

static void forget_names(LessonSession *session) {
    for (int i = 0; i < session->lesson_count; i++) {
        free(session->names[i]);
        free(session->short_names[i]);
    }
    free(session->names);
    free(session->short_names);
    session->names = session->short_names = NULL;
    session->lesson_count = 0;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *short_name(const char *name) {
    const char *p = name;
    while (isdigit((unsigned char)*p)) p++;
    return p != name && *p == '-' && p[1] != '\0' ? p + 1 : name;
}

/* Reads the lesson names again, so that a lesson written during the session shows up. */
static bool scan_lessons(LessonSession *session, char *dir, size_t dir_size) {
    forget_names(session);
    if (!lessons_find_dir(dir, dir_size)) return false;
    DIR *listing = opendir(dir);
    if (listing == NULL) return false;
    int capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(listing)) != NULL) {
        size_t n = strlen(entry->d_name);
        if (n <= 3 || strcmp(entry->d_name + n - 3, ".md") != 0 || strcmp(entry->d_name, "README.md") == 0)
            continue;
        if (session->lesson_count == capacity) {
            capacity = capacity == 0 ? 8 : capacity * 2;
            char **grown = realloc(session->names, sizeof *grown * (size_t)capacity);
            if (grown == NULL) break;
            session->names = grown;
        }
        char *name = duplicate(entry->d_name);
        name[n - 3] = '\0';
        session->names[session->lesson_count++] = name;
    }
    closedir(listing);
    if (session->lesson_count > 0) {
        qsort(session->names, (size_t)session->lesson_count, sizeof *session->names, compare_names);
        session->short_names = malloc(sizeof *session->short_names * (size_t)session->lesson_count);
        if (session->short_names == NULL) abort();
        for (int i = 0; i < session->lesson_count; i++)
            session->short_names[i] = duplicate(short_name(session->names[i]));
    }
    return true;
}

/* The index of the lesson `wanted` names: its number in :lessons, its file
 * name without ".md", or that without its "NN-". -1 if none. */
static int lookup_lesson(const LessonSession *session, const char *wanted) {
    char *end = NULL;
    long number = strtol(wanted, &end, 10);
    if (end != wanted && *end == '\0') return number >= 1 && number <= session->lesson_count ? (int)number - 1 : -1;
    for (int i = 0; i < session->lesson_count; i++)
        if (strcmp(wanted, session->names[i]) == 0 || strcmp(wanted, session->short_names[i]) == 0) return i;
    return -1;
}

static const char *const *lesson_names(void *data, int *count) {
    LessonSession *session = data;
    char dir[4096];
    scan_lessons(session, dir, sizeof dir);
    *count = session->lesson_count;
    return (const char *const *)session->short_names;
}

static void lesson_path(const char *dir, const char *name, char *out, size_t size) {
    snprintf(out, size, "%s/%s.md", dir, name);
}

/* ---------------------------------------------------------------- showing a step */

static void show_step(LessonSession *session);
static void finish_step(LessonSession *session, int answer);

static void print_text(Repl *repl, const char *text, const char *indent) {
    const char *line = text;
    while (*line != '\0') {
        const char *end = strchr(line, '\n');
        size_t n = end != NULL ? (size_t)(end - line) : strlen(line);
        repl_printf(repl, "%s%.*s\n", n > 0 ? indent : "", (int)n, line);
        line += n + (end != NULL);
    }
}

static int last_code_part(const LessonStep *step) {
    int last = -1;
    for (int p = 0; p < step->part_count; p++)
        if (step->parts[p].kind == LESSON_CODE) last = p;
    return last;
}

static void print_heading(LessonSession *session, const LessonStep *step) {
    Repl *repl = session->repl;
    int number = session->step + 1, total = session->lesson->step_count;
    if (session->demo) {
        if (isatty(STDOUT_FILENO)) repl_printf(repl, "%s", CLEAR_SCREEN);
        repl_printf(repl, "\n==============================================================\n\n"
                          "    %s\n\n    STEP %d OF %d:  %s\n\n"
                          "==============================================================\n\n",
                    session->lesson->title, number, total, step->title);
        return;
    }
    repl_printf(repl, "\n-- Step %d of %d: %s --\n\n", number, total, step->title);
}

/* The prose and code up to the step's last python block: what comes before the run. */
static void print_before_run(LessonSession *session, const LessonStep *step) {
    int last = last_code_part(step);
    bool edited = session->edited[session->step] != NULL;
    for (int p = 0; p <= last; p++) {
        const LessonPart *part = &step->parts[p];
        if (part->kind == LESSON_PROSE) {
            print_text(session->repl, part->text, "");
            repl_printf(session->repl, "\n");
        } else if (!edited) {
            print_text(session->repl, part->text, "    ");
            repl_printf(session->repl, "\n");
        }
    }
    if (edited) {
        repl_printf(session->repl, "Your edited code (:edit):\n\n");
        print_text(session->repl, session->edited[session->step], "    ");
        repl_printf(session->repl, "\n");
    }
}

static void print_options(Repl *repl, const LessonPredict *predict) {
    for (int i = 0; i < predict->option_count; i++)
        repl_printf(repl, "  %c) %s\n", lesson_option_letter(i), predict->options[i].text);
}

/* Runs the step's code (or the learner's edit of it) in the session. Each block
 * runs as a program, as it would under CPython (asyncio.run works; expressions are
 * not echoed), and its names stay in the session for later steps and the prompt. */
static void run_step_code(LessonSession *session) {
    const LessonStep *step = &session->lesson->steps[session->step];
    const char *edited = session->edited[session->step];
    if (edited == NULL && last_code_part(step) < 0) return; /* a step of prose only */
    char filename[64];
    snprintf(filename, sizeof filename, "<lesson step %d>", session->step + 1);
    repl_printf(session->repl, "Running the code:\n");
    if (edited != NULL) {
        repl_run_program(session->repl, filename, edited, strlen(edited));
        return;
    }
    for (int p = 0; p < step->part_count; p++) {
        const LessonPart *part = &step->parts[p];
        if (part->kind != LESSON_CODE) continue;
        if (!repl_run_program(session->repl, filename, part->text, strlen(part->text))) break;
    }
}

static void on_demo_key(Repl *repl, const char *line, void *data);

static void ask_demo_key(LessonSession *session) {
    const char *prompt = session->step + 1 < session->lesson->step_count
                             ? "[Enter] next step   b back   a again   q leave the demo: "
                             : "[Enter] end the lesson   b back   a again: ";
    repl_ask(session->repl, prompt, on_demo_key, session);
}

static void print_footer(LessonSession *session) {
    Repl *repl = session->repl;
    if (session->demo) {
        repl_printf(repl, "\n");
        ask_demo_key(session);
        return;
    }
    if (session->step + 1 < session->lesson->step_count)
        repl_printf(repl, "\n(:next for the next step, :again to run this one again, :edit to change its code, "
                          ":back to go back)\n");
    else
        repl_printf(repl, "\nThat was the last step of '%s'. :lessons lists the lessons; "
                          ":again runs this step again.\n", session->lesson_name);
}

/* After the prediction (answer -1: none given): run, say who was right, comment. */
static void finish_step(LessonSession *session, int answer) {
    Repl *repl = session->repl;
    const LessonStep *step = &session->lesson->steps[session->step];
    run_step_code(session);
    const LessonPredict *predict = step->predict;
    if (predict != NULL) {
        char right = lesson_option_letter(predict->answer);
        const char *right_text = predict->options[predict->answer].text;
        repl_printf(repl, "\n");
        if (answer < 0)
            repl_printf(repl, "The answer: %c) %s\n", right, right_text);
        else if (answer == predict->answer)
            repl_printf(repl, "Right: %c) %s\n", right, right_text);
        else
            repl_printf(repl, "Not quite: you predicted %c) %s; the answer is %c) %s\n",
                        lesson_option_letter(answer), predict->options[answer].text, right, right_text);
        if (predict->explanation[0] != '\0') print_text(repl, predict->explanation, "");
    }
    int last = last_code_part(step);
    for (int p = last + 1; p < step->part_count; p++) {
        repl_printf(repl, "\n");
        print_text(repl, step->parts[p].text, "");
    }
    print_footer(session);
}

/* The learner's prediction: one letter ("b", "B", "b)", "b) Task-3"), or an
 * empty line to see the run without predicting. */
static void on_prediction(Repl *repl, const char *line, void *data) {
    LessonSession *session = data;
    if (session->lesson == NULL) return;
    const LessonPredict *predict = session->lesson->steps[session->step].predict;
    while (isspace((unsigned char)*line)) line++;
    if (*line == '\0') {
        finish_step(session, -1);
        return;
    }
    int index = tolower((unsigned char)line[0]) - 'a';
    bool one_letter = line[1] == '\0' || line[1] == ')' || isspace((unsigned char)line[1]);
    if (!one_letter || index < 0 || index >= predict->option_count) {
        if (line[0] == ':')
            repl_printf(repl, "Commands wait until the prediction is answered: a letter, a to %c, or Enter "
                              "to skip it.\n", lesson_option_letter(predict->option_count - 1));
        else
            repl_printf(repl, "Answer with one letter, a to %c (or press Enter to just run it).\n",
                        lesson_option_letter(predict->option_count - 1));
        repl_ask(repl, "Your prediction? ", on_prediction, session);
        return;
    }
    finish_step(session, index);
}

static void show_step(LessonSession *session) {
    const LessonStep *step = &session->lesson->steps[session->step];
    print_heading(session, step);
    print_before_run(session, step);
    if (step->predict == NULL) {
        finish_step(session, -1);
        return;
    }
    const LessonPredict *predict = step->predict;
    repl_printf(session->repl, "Predict before it runs:\n");
    print_text(session->repl, predict->question, "  ");
    print_options(session->repl, predict);
    char prompt[64];
    snprintf(prompt, sizeof prompt, "Your prediction (a-%c, Enter to skip)? ",
             lesson_option_letter(predict->option_count - 1));
    repl_ask(session->repl, prompt, on_prediction, session);
}

/* ---------------------------------------------------------------- opening and closing */

static void close_lesson(LessonSession *session) {
    if (session->lesson != NULL) {
        for (int i = 0; i < session->lesson->step_count; i++) free(session->edited[i]);
        free(session->edited);
        lesson_free(session->lesson);
    }
    free(session->lesson_name);
    session->lesson = NULL;
    session->lesson_name = NULL;
    session->edited = NULL;
    session->step = 0;
}

/* Opens the lesson `wanted` names and shows its first step. On failure says why:
 * on stderr when `to_stderr` (from the shell), else in the session. */
static bool open_lesson(LessonSession *session, const char *wanted, bool demo, bool to_stderr) {
    char dir[4096], path[4200], error[512];
    if (!scan_lessons(session, dir, sizeof dir)) {
        const char *message = "handoff: no lessons directory found (set HANDOFF_LESSONS_DIR)\n";
        if (to_stderr) fputs(message, stderr);
        else repl_printf(session->repl, "%s", message);
        return false;
    }
    int index = lookup_lesson(session, wanted);
    if (index < 0) {
        char names[1024] = "";
        for (int i = 0; i < session->lesson_count; i++) {
            size_t used = strlen(names);
            snprintf(names + used, sizeof names - used, "%s%s", i > 0 ? ", " : "", session->short_names[i]);
        }
        if (to_stderr) fprintf(stderr, "handoff: no lesson '%s'; the lessons are: %s\n", wanted, names);
        else repl_printf(session->repl, "No lesson '%s'. The lessons are: %s (or their numbers in :lessons).\n",
                         wanted, names);
        return false;
    }
    lesson_path(dir, session->names[index], path, sizeof path);
    Lesson *lesson = lesson_load(path, error, sizeof error);
    if (lesson == NULL) {
        if (to_stderr) fprintf(stderr, "handoff: %s\n", error);
        else repl_printf(session->repl, "This lesson file is broken: %s\n", error);
        return false;
    }
    close_lesson(session);
    session->lesson = lesson;
    session->lesson_name = duplicate(session->short_names[index]);
    session->edited = calloc((size_t)lesson->step_count, sizeof *session->edited);
    if (session->edited == NULL) abort();
    session->demo = demo;
    session->step = 0;
    if (!demo || !isatty(STDOUT_FILENO)) repl_printf(session->repl, "\n%s\n\n", lesson->title);
    if (lesson->intro[0] != '\0' && !demo) {
        print_text(session->repl, lesson->intro, "");
        repl_printf(session->repl, "\n");
    }
    repl_printf(session->repl, "%d steps. %s\n", lesson->step_count,
                demo ? "Press Enter to advance." : ":next and :back move between them; :lessons lists the lessons.");
    show_step(session);
    return true;
}

static void on_demo_key(Repl *repl, const char *line, void *data) {
    LessonSession *session = data;
    if (session->lesson == NULL) return;
    while (isspace((unsigned char)*line)) line++;
    if (*line == '\0') {
        if (session->step + 1 < session->lesson->step_count) {
            session->step++;
            show_step(session);
        } else {
            repl_printf(repl, "\nEnd of '%s'. The prompt is yours.\n", session->lesson_name);
            session->demo = false;
        }
    } else if (strcmp(line, "b") == 0) {
        if (session->step > 0) session->step--;
        show_step(session);
    } else if (strcmp(line, "a") == 0) {
        show_step(session);
    } else if (strcmp(line, "q") == 0) {
        repl_printf(repl, "Left the demo at step %d; :next goes on.\n", session->step + 1);
        session->demo = false;
    } else {
        repl_printf(repl, "Enter: next step, b: back, a: again, q: leave the demo.\n");
        ask_demo_key(session);
    }
}

/* ---------------------------------------------------------------- the commands */

static bool need_lesson(LessonSession *session) {
    if (session->lesson != NULL) return true;
    repl_printf(session->repl, "No lesson is open: :lessons lists them, :lesson N starts one.\n");
    return false;
}

static void print_menu(LessonSession *session) {
    char dir[4096], path[4200], error[512];
    Repl *repl = session->repl;
    if (!scan_lessons(session, dir, sizeof dir)) {
        repl_printf(repl, "No lessons directory found (set HANDOFF_LESSONS_DIR).\n");
        return;
    }
    if (session->lesson_count == 0) {
        repl_printf(repl, "There are no lessons in %s.\n", dir);
        return;
    }
    repl_printf(repl, "Lessons:\n");
    for (int i = 0; i < session->lesson_count; i++) {
        lesson_path(dir, session->names[i], path, sizeof path);
        Lesson *lesson = lesson_load(path, error, sizeof error);
        bool current = session->lesson_name != NULL && strcmp(session->lesson_name, session->short_names[i]) == 0;
        if (lesson != NULL)
            repl_printf(repl, "%c %d. %-24s %s (%d steps)\n", current ? '*' : ' ', i + 1, session->short_names[i],
                        lesson->title, lesson->step_count);
        else
            repl_printf(repl, "%c %d. %-24s (broken: %s)\n", current ? '*' : ' ', i + 1, session->short_names[i],
                        error);
        lesson_free(lesson);
    }
}

static bool command_lessons(Repl *repl, const char *args, void *data) {
    UNUSED(repl);
    if (args[0] != '\0') return false;
    print_menu(data);
    repl_printf(repl, ":lesson N or :lesson NAME starts one.\n");
    return true;
}

static bool command_lesson(Repl *repl, const char *args, void *data) {
    UNUSED(repl);
    if (args[0] == '\0') return false;
    open_lesson(data, args, false, false);
    return true;
}

static bool command_next(Repl *repl, const char *args, void *data) {
    LessonSession *session = data;
    if (args[0] != '\0') return false;
    if (!need_lesson(session)) return true;
    if (session->step + 1 >= session->lesson->step_count) {
        repl_printf(repl, "This is the last step of '%s'. :lessons lists the lessons.\n", session->lesson_name);
        return true;
    }
    session->step++;
    show_step(session);
    return true;
}

static bool command_back(Repl *repl, const char *args, void *data) {
    LessonSession *session = data;
    if (args[0] != '\0') return false;
    if (!need_lesson(session)) return true;
    if (session->step == 0) {
        repl_printf(repl, "This is the first step.\n");
        return true;
    }
    session->step--;
    show_step(session);
    return true;
}

static bool command_again(Repl *repl, const char *args, void *data) {
    LessonSession *session = data;
    if (args[0] != '\0') return false;
    if (!need_lesson(session)) return true;
    if (last_code_part(&session->lesson->steps[session->step]) < 0 && session->edited[session->step] == NULL) {
        repl_printf(repl, "This step has no code to run (:edit writes some).\n");
        return true;
    }
    run_step_code(session);
    return true;
}

/* Runs the learner's editor on `path`: $EDITOR may hold arguments ("code -w"),
 * so the shell splits it. Returns the editor's exit status, or -1. */
static int run_editor(const char *path) {
    pid_t child = fork();
    if (child < 0) return -1;
    if (child == 0) {
        execl("/bin/sh", "sh", "-c", "exec ${EDITOR:-vi} \"$1\"", "sh", path, (char *)NULL);
        _exit(127);
    }
    int status;
    while (waitpid(child, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *read_whole_file(const char *path) {
    FILE *in = fopen(path, "rb");
    if (in == NULL) return NULL;
    size_t capacity = 4096, used = 0;
    char *text = malloc(capacity);
    size_t n;
    while (text != NULL && (n = fread(text + used, 1, capacity - used - 1, in)) > 0) {
        used += n;
        if (used + 1 == capacity) {
            char *grown = realloc(text, capacity * 2);
            if (grown == NULL) {
                free(text);
                text = NULL;
                break;
            }
            text = grown;
            capacity *= 2;
        }
    }
    fclose(in);
    if (text != NULL) text[used] = '\0';
    return text;
}

static bool command_edit(Repl *repl, const char *args, void *data) {
    LessonSession *session = data;
    if (args[0] != '\0') return false;
    if (!need_lesson(session)) return true;
    char *code = session->edited[session->step] != NULL ? duplicate(session->edited[session->step])
                                                        : lesson_step_code(&session->lesson->steps[session->step]);
    char path[] = "/tmp/handoff-step-XXXXXX.py";
    int fd = mkstemps(path, 3);
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (out == NULL) {
        repl_printf(repl, "Cannot write the code to a temporary file: %s\n", strerror(errno));
        if (fd >= 0) close(fd);
        free(code);
        return true;
    }
    fputs(code, out);
    fclose(out);
    free(code);
    int status = run_editor(path);
    char *edited = status == 0 ? read_whole_file(path) : NULL;
    unlink(path);
    if (edited == NULL) {
        repl_printf(repl, "The editor (%s) did not finish cleanly; the code is unchanged.\n",
                    getenv("EDITOR") != NULL && getenv("EDITOR")[0] != '\0' ? getenv("EDITOR") : "vi");
        return true;
    }
    free(session->edited[session->step]);
    session->edited[session->step] = edited;
    repl_printf(repl, "Your edited code (:again runs it again, :lesson starts afresh with the lesson's own):\n\n");
    print_text(repl, edited, "    ");
    repl_printf(repl, "\n");
    run_step_code(session);
    return true;
}

/* ---------------------------------------------------------------- the menu (`handoff learn`) */

static void on_menu_choice(Repl *repl, const char *line, void *data) {
    LessonSession *session = data;
    while (isspace((unsigned char)*line)) line++;
    if (strcmp(line, "q") == 0) {
        repl_printf(repl, "The prompt is yours: :lessons shows the lessons again.\n");
        return;
    }
    if (open_lesson(session, *line == '\0' ? "1" : line, false, false)) return;
    repl_ask(repl, "Which lesson (a number or a name, q to skip)? ", on_menu_choice, session);
}

/* ---------------------------------------------------------------- the interface */

void lesson_install(Repl *repl) {
    LessonSession *session = calloc(1, sizeof *session);
    if (session == NULL) abort();
    session->repl = repl;
    session->next = sessions;
    sessions = session;
    repl_add_command(repl, "lessons", ":lessons", "list the lessons, numbered, with their titles",
                     "Lists the lessons in the lessons directory with their titles and number of steps;\n"
                     "the open one is marked with *. :lesson N or :lesson NAME starts one.",
                     command_lessons, session);
    repl_add_command(repl, "lesson", ":lesson N|NAME", "start a lesson",
                     "Starts the lesson numbered N in :lessons, or named NAME (with or without its\n"
                     "number, as 'sync-vs-async' or '01-sync-vs-async'), at its first step.",
                     command_lesson, session);
    repl_add_command(repl, "next", ":next", "show the lesson's next step",
                     "Shows the next step of the open lesson: its text, its code, a prediction to make,\n"
                     "then runs the code in this session with the trace on.",
                     command_next, session);
    repl_add_command(repl, "back", ":back", "show the lesson's previous step",
                     "Shows the previous step of the open lesson again, and runs its code again.", command_back,
                     session);
    repl_add_command(repl, "again", ":again", "run the step's code again",
                     "Runs the current step's code again in this session (your edited version after :edit).",
                     command_again, session);
    repl_add_command(repl, "edit", ":edit", "change the step's code in $EDITOR, then run it",
                     "Writes the current step's code to a temporary file and opens it in $EDITOR (vi if\n"
                     "unset); when the editor exits, runs what you saved. :again then reruns your version;\n"
                     "opening the lesson again brings back the lesson's own code.",
                     command_edit, session);
    repl_set_lesson_names(repl, lesson_names, session);
}

bool lesson_start(Repl *repl, const char *name, bool demo) {
    LessonSession *session = find_session(repl);
    if (session == NULL) {
        lesson_install(repl);
        session = find_session(repl);
    }
    if (name != NULL) return open_lesson(session, name, demo, true);
    char dir[4096];
    if (!scan_lessons(session, dir, sizeof dir)) {
        fputs("handoff: no lessons directory found (set HANDOFF_LESSONS_DIR)\n", stderr);
        return false;
    }
    if (session->lesson_count == 0) {
        fprintf(stderr, "handoff: there are no lessons in %s\n", dir);
        return false;
    }
    print_menu(session);
    repl_ask(repl, "Which lesson (a number or a name, Enter for 1)? ", on_menu_choice, session);
    return true;
}

void lesson_uninstall(Repl *repl) {
    for (LessonSession **link = &sessions; *link != NULL; link = &(*link)->next) {
        LessonSession *session = *link;
        if (session->repl != repl) continue;
        *link = session->next;
        close_lesson(session);
        forget_names(session);
        free(session);
        return;
    }
}
