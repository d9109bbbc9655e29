/* lesson_parse.h — a lesson file as data: the Markdown format of docs/lessons.md
 * parsed into steps (prose, python blocks, at most one predict block each), and
 * the predict blocks' checks evaluated against what a step's code printed.
 * Nothing here runs code: lesson.c does that in the REPL's session. */
#ifndef HANDOFF_LESSON_PARSE_H
#define HANDOFF_LESSON_PARSE_H

#include <stdbool.h>
#include <stddef.h>

/* One piece of a step, in the order the file has them. */
typedef enum {
    LESSON_PROSE,  /* Markdown text shown as it is (other fenced blocks included) */
    LESSON_CODE,   /* a ```python block: listed, then run in the session */
} LessonPartKind;

typedef struct {
    LessonPartKind kind;
    char *text;    /* the lines, each ending in '\n' (no fence lines) */
    int line;      /* line in the file of its first line of text */
} LessonPart;

/* A claim about the step's standard output that the lesson tests verify, so
 * that the stated answer is what the loop really does. */
typedef enum {
    CHECK_LINE_IS,        /* line N is "TEXT" (N from 1; "first line" is 1) */
    CHECK_LAST_LINE_IS,   /* last line is "TEXT" */
    CHECK_PRINTS,         /* prints "TEXT": some line is exactly TEXT */
    CHECK_DOES_NOT_PRINT, /* does not print "TEXT": no line is exactly TEXT */
    CHECK_BEFORE,         /* "A" before "B": the first line A comes before the first line B */
    CHECK_COUNT,          /* prints "TEXT" N times: exactly N lines are TEXT */
} LessonCheckKind;

typedef struct {
    LessonCheckKind kind;
    int number;        /* the line number (CHECK_LINE_IS) or count (CHECK_COUNT) */
    char *text;        /* TEXT, or A for CHECK_BEFORE */
    char *other;       /* B for CHECK_BEFORE, else NULL */
    char *source;      /* the check as written, after "check:", for messages */
    int line;          /* its line in the file */
} LessonCheck;

typedef struct {
    char *text;        /* "Task-3" (after "b) ") */
} LessonOption;

/* A ```predict block: a question, options a) b) ..., the right answer, checks,
 * and an explanation shown after the code has run. */
typedef struct {
    char *question;          /* the lines before the first option */
    LessonOption *options;   /* options[0] is a), options[1] is b), ... */
    int option_count;
    int answer;              /* index into options */
    LessonCheck *checks;
    int check_count;
    char *explanation;       /* the lines after answer:/check:, or "" */
    int line;                /* line of the opening fence */
} LessonPredict;

typedef struct {
    char *title;             /* the `## ` heading's text */
    int line;                /* the heading's line */
    LessonPart *parts;
    int part_count;
    LessonPredict *predict;  /* NULL when the step asks nothing */
} LessonStep;

typedef struct {
    char *path;              /* as given to lesson_parse, for messages */
    char *title;             /* the `# ` heading's text */
    char *intro;             /* prose between the title and the first step, or "" */
    LessonStep *steps;
    int step_count;
} Lesson;

/* Parses `length` bytes of `text` (need not be NUL-terminated). Returns NULL
 * and writes "PATH:LINE: what is wrong" into `error` when the file breaks the
 * format: no title, no steps, an unterminated fence, a python block that does
 * not parse, a predict without a question, options or answer, an unknown check. */
Lesson *lesson_parse(const char *text, size_t length, const char *path, char *error, size_t error_size);

/* Reads and parses a file; NULL with a message in `error` as above. */
Lesson *lesson_load(const char *path, char *error, size_t error_size);

void lesson_free(Lesson *lesson);

/* The step's python blocks joined in order, a fresh string the caller frees. */
char *lesson_step_code(const LessonStep *step);

/* True when `check` holds for `output` (what the step's code printed). If not,
 * `why` says what the output had instead. */
bool lesson_check_holds(const LessonCheck *check, const char *output, size_t length, char *why,
                        size_t why_size);

/* The letter of option `index` ('a' for 0). */
char lesson_option_letter(int index);

#endif
