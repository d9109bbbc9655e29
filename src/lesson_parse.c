/* lesson_parse.c — reads the lesson format (docs/lessons.md): a `# Title`, steps
 * at `## ` headings, ```python and ```predict blocks, into a Lesson; and checks a
 * predict block's claims against a step's output. Errors name the file and line
 * of the problem, because instructors write these files by hand. */
#include "lesson_parse.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "parser.h"

/* ---------------------------------------------------------------- memory */

/* The lesson's own memory is plain malloc: it holds no VM values. Running out
 * while reading a lesson file is not worth recovering from. */
static void *grow(void *pointer, size_t size) {
    void *grown = realloc(pointer, size == 0 ? 1 : size);
    if (grown == NULL) {
        fputs("handoff: out of memory reading a lesson\n", stderr);
        abort();
    }
    return grown;
}

static char *copy_text(const char *text, size_t length) {
    char *copy = grow(NULL, length + 1);
    memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

/* A growing string, always NUL-terminated once anything is appended. */
typedef struct {
    char *chars;
    size_t length, capacity;
} Text;

static void text_append(Text *text, const char *chars, size_t length) {
    if (text->length + length + 1 > text->capacity) {
        size_t capacity = text->capacity < 64 ? 64 : text->capacity;
        while (capacity < text->length + length + 1) capacity *= 2;
        text->chars = grow(text->chars, capacity);
        text->capacity = capacity;
    }
    memcpy(text->chars + text->length, chars, length);
    text->length += length;
    text->chars[text->length] = '\0';
}

/* Takes the string out of `text` (an empty one if nothing was appended). */
static char *text_take(Text *text) {
    char *chars = text->chars != NULL ? text->chars : copy_text("", 0);
    *text = (Text){0};
    return chars;
}

/* Drops blank lines at the end (the text keeps its last '\n'). */
static void text_trim_blank_end(Text *text) {
    while (text->length > 0) {
        size_t end = text->length;
        if (text->chars[end - 1] == '\n') end--;
        size_t start = end;
        while (start > 0 && text->chars[start - 1] != '\n') start--;
        bool blank = true;
        for (size_t i = start; i < end; i++)
            if (!isspace((unsigned char)text->chars[i])) blank = false;
        if (!blank) break;
        text->length = start;
        text->chars[start] = '\0';
    }
}

/* ---------------------------------------------------------------- lines */

typedef struct {
    const char *start;  /* not NUL-terminated */
    size_t length;      /* without the line end */
    int number;         /* 1-based line in the file */
} Line;

static bool line_is_blank(Line line) {
    for (size_t i = 0; i < line.length; i++)
        if (!isspace((unsigned char)line.start[i])) return false;
    return true;
}

/* The line without leading and trailing white space. */
static Line line_strip(Line line) {
    while (line.length > 0 && isspace((unsigned char)line.start[0])) {
        line.start++;
        line.length--;
    }
    while (line.length > 0 && isspace((unsigned char)line.start[line.length - 1])) line.length--;
    return line;
}

static bool line_starts_with(Line line, const char *prefix) {
    size_t n = strlen(prefix);
    return line.length >= n && memcmp(line.start, prefix, n) == 0;
}

/* ---------------------------------------------------------------- the parser's state */

typedef enum { FENCE_NONE, FENCE_PYTHON, FENCE_PREDICT, FENCE_OTHER } FenceKind;

typedef struct {
    const char *path;
    char *error;
    size_t error_size;
    bool failed;

    Lesson *lesson;
    LessonStep *step;       /* the step being read, NULL before the first `## ` */
    Text prose;             /* prose not yet closed into a part (or the intro) */
    int prose_line;         /* line of the prose's first non-blank line */

    FenceKind fence;        /* the fenced block we are inside, if any */
    char fence_char;        /* '`' or '~' */
    size_t fence_width;     /* how many of them opened it */
    int fence_line;         /* line of the opening fence */
    Text block;             /* the block's lines (python and predict blocks) */
    Line *block_lines;      /* the same lines with their numbers (predict blocks) */
    int block_line_count, block_line_capacity;
} Reader;

static void fail(Reader *reader, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail(Reader *reader, int line, const char *fmt, ...) {
    if (reader->failed) return;
    reader->failed = true;
    if (reader->error_size == 0) return;
    int used = snprintf(reader->error, reader->error_size, "%s:%d: ", reader->path, line);
    if (used < 0 || (size_t)used >= reader->error_size) return;
    va_list args;
    va_start(args, fmt);
    vsnprintf(reader->error + used, reader->error_size - (size_t)used, fmt, args);
    va_end(args);
}

static void add_part(Reader *reader, LessonPartKind kind, char *text, int line) {
    LessonStep *step = reader->step;
    step->parts = grow(step->parts, sizeof *step->parts * (size_t)(step->part_count + 1));
    step->parts[step->part_count++] = (LessonPart){kind, text, line};
}

/* Closes the prose read so far into a part of the step (or the lesson's intro). */
static void flush_prose(Reader *reader) {
    text_trim_blank_end(&reader->prose);
    if (reader->prose.length == 0) {
        free(text_take(&reader->prose));
        return;
    }
    char *text = text_take(&reader->prose);
    if (reader->step == NULL) {
        free(reader->lesson->intro);
        reader->lesson->intro = text;
    } else {
        add_part(reader, LESSON_PROSE, text, reader->prose_line);
    }
}

static void add_prose_line(Reader *reader, Line line) {
    if (reader->prose.length == 0 && line_is_blank(line)) return; /* no leading blank lines */
    if (reader->prose.length == 0) reader->prose_line = line.number;
    text_append(&reader->prose, line.start, line.length);
    text_append(&reader->prose, "\n", 1);
}

/* ---------------------------------------------------------------- checks */

/* Reads a "quoted string" (with \" and \\) at *at; advances past it. */
static bool read_quoted(const char **at, const char *end, char **out) {
    const char *p = *at;
    while (p < end && *p == ' ') p++;
    if (p >= end || *p != '"') return false;
    p++;
    Text text = {0};
    while (p < end && *p != '"') {
        if (*p == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\')) p++;
        text_append(&text, p, 1);
        p++;
    }
    if (p >= end) {
        free(text.chars);
        return false;
    }
    *out = text_take(&text);
    *at = p + 1;
    return true;
}

/* Matches a literal word sequence at *at (after spaces); advances past it. */
static bool read_words(const char **at, const char *end, const char *words) {
    const char *p = *at;
    while (p < end && *p == ' ') p++;
    size_t n = strlen(words);
    if ((size_t)(end - p) < n || strncmp(p, words, n) != 0) return false;
    *at = p + n;
    return true;
}

static bool read_number(const char **at, const char *end, int *out) {
    const char *p = *at;
    while (p < end && *p == ' ') p++;
    long value = 0;
    const char *digits = p;
    while (p < end && isdigit((unsigned char)*p) && value < 1000000) value = value * 10 + (*p++ - '0');
    if (p == digits || value < 1 || value >= 1000000) return false;
    *out = (int)value;
    *at = p;
    return true;
}

static bool at_end(const char *at, const char *end) {
    while (at < end && *at == ' ') at++;
    return at == end;
}

/* Parses what follows "check:". Each form is tried in turn on a fresh cursor. */
static bool parse_check(Line body, LessonCheck *check) {
    const char *end = body.start + body.length;
    const char *at;
    char *text = NULL, *other = NULL;
    int number = 0;
    *check = (LessonCheck){0};
#define TRY(kind_, condition)                                                        \
    do {                                                                             \
        at = body.start;                                                             \
        if (condition) {                                                             \
            check->kind = kind_;                                                     \
            check->text = text;                                                      \
            check->other = other;                                                    \
            check->number = number;                                                  \
            return true;                                                             \
        }                                                                            \
        free(text);                                                                  \
        free(other);                                                                 \
        text = other = NULL;                                                         \
        number = 0;                                                                  \
    } while (0)
    TRY(CHECK_LINE_IS, read_words(&at, end, "first line is") && read_quoted(&at, end, &text) &&
                           at_end(at, end) && (number = 1));
    TRY(CHECK_LAST_LINE_IS, read_words(&at, end, "last line is") && read_quoted(&at, end, &text) &&
                                at_end(at, end));
    TRY(CHECK_LINE_IS, read_words(&at, end, "line") && read_number(&at, end, &number) &&
                           read_words(&at, end, "is") && read_quoted(&at, end, &text) && at_end(at, end));
    TRY(CHECK_COUNT, read_words(&at, end, "prints") && read_quoted(&at, end, &text) &&
                         read_number(&at, end, &number) && read_words(&at, end, "times") && at_end(at, end));
    TRY(CHECK_PRINTS, read_words(&at, end, "prints") && read_quoted(&at, end, &text) && at_end(at, end));
    TRY(CHECK_DOES_NOT_PRINT, read_words(&at, end, "does not print") && read_quoted(&at, end, &text) &&
                                  at_end(at, end));
    TRY(CHECK_BEFORE, read_quoted(&at, end, &text) && read_words(&at, end, "before") &&
                          read_quoted(&at, end, &other) && at_end(at, end));
#undef TRY
    return false;
}

/* ---------------------------------------------------------------- predict blocks */

/* "b) Task-3": the letter's index, and the text after ") ". -1 if not an option. */
static int option_index(Line line, Line *text) {
    Line stripped = line_strip(line);
    if (stripped.length < 3 || !islower((unsigned char)stripped.start[0]) || stripped.start[1] != ')' ||
        stripped.start[2] != ' ')
        return -1;
    *text = line_strip((Line){stripped.start + 2, stripped.length - 2, line.number});
    return stripped.start[0] - 'a';
}

static void append_line(Text *text, Line line) {
    text_append(text, line.start, line.length);
    text_append(text, "\n", 1);
}

static void free_predict(LessonPredict *predict) {
    if (predict == NULL) return;
    free(predict->question);
    for (int i = 0; i < predict->option_count; i++) free(predict->options[i].text);
    free(predict->options);
    for (int i = 0; i < predict->check_count; i++) {
        free(predict->checks[i].text);
        free(predict->checks[i].other);
        free(predict->checks[i].source);
    }
    free(predict->checks);
    free(predict->explanation);
    free(predict);
}

#define CHECK_FORMS                                                                                  \
    "line N is \"TEXT\", first line is \"TEXT\", last line is \"TEXT\", prints \"TEXT\", prints \"TEXT\" " \
    "N times, does not print \"TEXT\", \"A\" before \"B\""

/* Reads the answer line and what follows it: checks and the explanation. */
static bool parse_predict_tail(Reader *reader, LessonPredict *predict, int from) {
    bool have_answer = false;
    Text explanation = {0};
    for (int i = from; i < reader->block_line_count && !reader->failed; i++) {
        Line line = line_strip(reader->block_lines[i]);
        if (!have_answer) {
            if (line.length == 0) continue;
            if (!line_starts_with(line, "answer:")) {
                fail(reader, line.number, "expected 'answer: LETTER' after the options, not '%.*s'",
                     (int)line.length, line.start);
                break;
            }
            Line letter = line_strip((Line){line.start + 7, line.length - 7, line.number});
            if (letter.length == 2 && letter.start[1] == ')') letter.length = 1;
            int index = letter.length == 1 ? tolower((unsigned char)letter.start[0]) - 'a' : -1;
            if (index < 0 || index >= predict->option_count) {
                fail(reader, line.number, "'answer: %.*s' names no option (the options are a) to %c))",
                     (int)letter.length, letter.start, lesson_option_letter(predict->option_count - 1));
                break;
            }
            predict->answer = index;
            have_answer = true;
        } else if (line_starts_with(line, "answer:")) {
            fail(reader, line.number, "a predict block has one 'answer:' line");
        } else if (line_starts_with(line, "check:")) {
            Line body = line_strip((Line){line.start + 6, line.length - 6, line.number});
            LessonCheck check;
            if (!parse_check(body, &check)) {
                fail(reader, line.number, "unknown check '%.*s': write one of " CHECK_FORMS, (int)body.length,
                     body.start);
                break;
            }
            check.source = copy_text(body.start, body.length);
            check.line = line.number;
            predict->checks = grow(predict->checks, sizeof *predict->checks * (size_t)(predict->check_count + 1));
            predict->checks[predict->check_count++] = check;
        } else if (line.length > 0 || explanation.length > 0) {
            append_line(&explanation, reader->block_lines[i]);
        }
    }
    text_trim_blank_end(&explanation);
    predict->explanation = text_take(&explanation);
    if (!have_answer && !reader->failed)
        fail(reader, reader->fence_line, "this predict block has no 'answer: LETTER' line saying which option is right");
    return !reader->failed;
}

/* Called at the closing fence of a ```predict block. */
static void finish_predict(Reader *reader) {
    if (reader->step->predict != NULL) {
        fail(reader, reader->fence_line, "a step asks one prediction; this step (line %d) already has one",
             reader->step->line);
        return;
    }
    LessonPredict *predict = grow(NULL, sizeof *predict);
    *predict = (LessonPredict){.line = reader->fence_line};
    Text question = {0};
    int i = 0;
    for (; i < reader->block_line_count; i++) {
        Line text;
        Line line = reader->block_lines[i];
        int index = option_index(line, &text);
        if (index >= 0) {
            if (question.length == 0) {
                fail(reader, line.number, "a predict block starts with its question, before the options");
                break;
            }
            if (index != predict->option_count) {
                fail(reader, line.number, "options go a), b), c) in order: expected '%c)' here",
                     lesson_option_letter(predict->option_count));
                break;
            }
            predict->options = grow(predict->options, sizeof *predict->options * (size_t)(index + 1));
            predict->options[predict->option_count++].text = copy_text(text.start, text.length);
            continue;
        }
        if (predict->option_count > 0) break; /* the options are over */
        if (line_starts_with(line_strip(line), "answer:")) {
            fail(reader, line.number, "the options a), b), ... come before 'answer:'");
            break;
        }
        if (question.length > 0 || !line_is_blank(line)) append_line(&question, line);
    }
    text_trim_blank_end(&question);
    predict->question = text_take(&question);
    if (!reader->failed && predict->question[0] == '\0')
        fail(reader, reader->fence_line, "this predict block is empty: write a question, options a) b) ..., and 'answer: LETTER'");
    if (!reader->failed && predict->option_count < 2)
        fail(reader, reader->fence_line, "a predict block needs at least two options, 'a) ...' and 'b) ...'");
    if (reader->failed || !parse_predict_tail(reader, predict, i)) {
        free_predict(predict);
        return;
    }
    reader->step->predict = predict;
}

/* ---------------------------------------------------------------- fences */

/* An opening or closing fence: up to three spaces, then ``` or ~~~ (or more). */
static bool fence_open(Line line, char *fence_char, size_t *width, Line *info) {
    size_t i = 0;
    while (i < line.length && i < 3 && line.start[i] == ' ') i++;
    if (i >= line.length || (line.start[i] != '`' && line.start[i] != '~')) return false;
    char c = line.start[i];
    size_t n = 0;
    while (i + n < line.length && line.start[i + n] == c) n++;
    if (n < 3) return false;
    *fence_char = c;
    *width = n;
    *info = line_strip((Line){line.start + i + n, line.length - i - n, line.number});
    return true;
}

static bool fence_closes(const Reader *reader, Line line) {
    char c;
    size_t width;
    Line info;
    return fence_open(line, &c, &width, &info) && c == reader->fence_char && width >= reader->fence_width &&
           info.length == 0;
}

static FenceKind fence_kind(Line info) {
    size_t word = 0;
    while (word < info.length && !isspace((unsigned char)info.start[word])) word++;
    if (word == 6 && memcmp(info.start, "python", 6) == 0) return FENCE_PYTHON;
    if (word == 7 && memcmp(info.start, "predict", 7) == 0) return FENCE_PREDICT;
    return FENCE_OTHER;
}

static const char *fence_name(FenceKind kind) {
    return kind == FENCE_PYTHON ? "```python block" : kind == FENCE_PREDICT ? "```predict block" : "fenced block";
}

/* Called at the closing fence of a ```python block: it must parse as Python. */
static void finish_python(Reader *reader) {
    bool blank = true;
    for (size_t i = 0; i < reader->block.length; i++)
        if (!isspace((unsigned char)reader->block.chars[i])) blank = false;
    if (blank) {
        fail(reader, reader->fence_line, "this ```python block is empty");
        return;
    }
    Arena arena;
    arena_init(&arena);
    Module *module = NULL;
    Diagnostic diag;
    bool parsed = parse_source(&arena, reader->block.chars, reader->block.length, PARSE_FILE, &module, &diag);
    arena_free(&arena);
    if (!parsed) {
        int line = reader->fence_line + (diag.line > 0 ? diag.line : 1);
        fail(reader, line, "this python code does not parse: %s: %s", diag.kind, diag.message);
        return;
    }
    add_part(reader, LESSON_CODE, text_take(&reader->block), reader->fence_line + 1);
}

static void open_fence(Reader *reader, Line line, char fence_char, size_t width, Line info) {
    FenceKind kind = fence_kind(info);
    if (kind != FENCE_OTHER && reader->step == NULL) {
        fail(reader, line.number, "a %s must be inside a step: steps start at '## ' headings", fence_name(kind));
        return;
    }
    reader->fence = kind;
    reader->fence_char = fence_char;
    reader->fence_width = width;
    reader->fence_line = line.number;
    reader->block_line_count = 0;
    if (kind == FENCE_OTHER) add_prose_line(reader, line); /* shown as it is, fences and all */
    else flush_prose(reader);
}

static void close_fence(Reader *reader, Line line) {
    FenceKind kind = reader->fence;
    reader->fence = FENCE_NONE;
    if (kind == FENCE_OTHER) {
        add_prose_line(reader, line);
        return;
    }
    if (kind == FENCE_PYTHON) finish_python(reader);
    else finish_predict(reader);
    free(text_take(&reader->block));
}

static void block_line(Reader *reader, Line line) {
    if (reader->fence == FENCE_OTHER) {
        add_prose_line(reader, line);
        return;
    }
    append_line(&reader->block, line);
    if (reader->block_line_count == reader->block_line_capacity) {
        reader->block_line_capacity = reader->block_line_capacity < 16 ? 16 : reader->block_line_capacity * 2;
        reader->block_lines = grow(reader->block_lines, sizeof *reader->block_lines * (size_t)reader->block_line_capacity);
    }
    reader->block_lines[reader->block_line_count++] = line;
}

/* ---------------------------------------------------------------- headings and lines */

static void start_step(Reader *reader, Line line) {
    Line title = line_strip((Line){line.start + 3, line.length - 3, line.number});
    if (title.length == 0) {
        fail(reader, line.number, "a step's '## ' heading needs a title");
        return;
    }
    flush_prose(reader);
    Lesson *lesson = reader->lesson;
    lesson->steps = grow(lesson->steps, sizeof *lesson->steps * (size_t)(lesson->step_count + 1));
    LessonStep *step = &lesson->steps[lesson->step_count++];
    *step = (LessonStep){.title = copy_text(title.start, title.length), .line = line.number};
    reader->step = step;
}

static void read_line(Reader *reader, Line line) {
    if (reader->fence != FENCE_NONE) {
        if (fence_closes(reader, line)) close_fence(reader, line);
        else block_line(reader, line);
        return;
    }
    if (reader->lesson->title == NULL) {
        if (line_is_blank(line)) return;
        if (!line_starts_with(line, "# ") || line_strip((Line){line.start + 2, line.length - 2, 0}).length == 0) {
            fail(reader, line.number, "a lesson starts with its title, a line '# Title'");
            return;
        }
        Line title = line_strip((Line){line.start + 2, line.length - 2, line.number});
        reader->lesson->title = copy_text(title.start, title.length);
        return;
    }
    char fence_char;
    size_t width;
    Line info;
    if (fence_open(line, &fence_char, &width, &info)) {
        open_fence(reader, line, fence_char, width, info);
    } else if (line_starts_with(line, "## ")) {
        start_step(reader, line);
    } else if (line_starts_with(line, "# ")) {
        fail(reader, line.number, "a lesson has one '# ' title; a step starts with '## '");
    } else {
        add_prose_line(reader, line);
    }
}

/* Checks that need the whole file: steps exist, predictions have code to run. */
static void finish_lesson(Reader *reader, int last_line) {
    if (reader->fence != FENCE_NONE) {
        fail(reader, reader->fence_line, "the %s opened here is never closed (expected a closing '%.*s')",
             fence_name(reader->fence), (int)reader->fence_width,
             reader->fence_char == '`' ? "``````````````````" : "~~~~~~~~~~~~~~~~~~");
        return;
    }
    flush_prose(reader);
    Lesson *lesson = reader->lesson;
    if (lesson->title == NULL) {
        fail(reader, last_line, "the file is empty: a lesson starts with its title, a line '# Title'");
        return;
    }
    if (lesson->step_count == 0) {
        fail(reader, last_line, "the lesson has no steps: each step starts at a '## ' heading");
        return;
    }
    for (int i = 0; i < lesson->step_count; i++) {
        LessonStep *step = &lesson->steps[i];
        bool has_code = false;
        for (int p = 0; p < step->part_count; p++)
            if (step->parts[p].kind == LESSON_CODE) has_code = true;
        if (step->predict != NULL && !has_code) {
            fail(reader, step->predict->line,
                 "a predict block needs a ```python block in its step: the code whose run it predicts");
            return;
        }
    }
}

Lesson *lesson_parse(const char *text, size_t length, const char *path, char *error, size_t error_size) {
    if (error_size > 0) error[0] = '\0';
    if (path == NULL) path = "<lesson>";
    Lesson *lesson = grow(NULL, sizeof *lesson);
    *lesson = (Lesson){.path = copy_text(path, strlen(path))};
    Reader reader = {.path = path, .error = error, .error_size = error_size, .lesson = lesson};
    int number = 0;
    size_t at = 0;
    while (at < length && !reader.failed) {
        size_t end = at;
        while (end < length && text[end] != '\n') end++;
        Line line = {text + at, end - at, ++number};
        if (memchr(line.start, '\0', line.length) != NULL) {
            fail(&reader, number, "the file contains a NUL byte: is it a text file?");
            break;
        }
        if (line.length > 0 && line.start[line.length - 1] == '\r') line.length--;
        read_line(&reader, line);
        at = end + 1;
    }
    if (!reader.failed) finish_lesson(&reader, number > 0 ? number : 1);
    free(text_take(&reader.prose));
    free(text_take(&reader.block));
    free(reader.block_lines);
    if (reader.failed) {
        lesson_free(lesson);
        return NULL;
    }
    if (lesson->intro == NULL) lesson->intro = copy_text("", 0);
    return lesson;
}

Lesson *lesson_load(const char *path, char *error, size_t error_size) {
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        snprintf(error, error_size, "%s: cannot open the lesson file", path);
        return NULL;
    }
    Text text = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) text_append(&text, chunk, n);
    bool broken = ferror(in) != 0;
    fclose(in);
    if (broken) {
        free(text.chars);
        snprintf(error, error_size, "%s: cannot read the lesson file", path);
        return NULL;
    }
    Lesson *lesson = lesson_parse(text.chars != NULL ? text.chars : "", text.length, path, error, error_size);
    free(text.chars);
    return lesson;
}

void lesson_free(Lesson *lesson) {
    if (lesson == NULL) return;
    for (int i = 0; i < lesson->step_count; i++) {
        LessonStep *step = &lesson->steps[i];
        free(step->title);
        for (int p = 0; p < step->part_count; p++) free(step->parts[p].text);
        free(step->parts);
        free_predict(step->predict);
    }
    free(lesson->steps);
    free(lesson->intro);
    free(lesson->title);
    free(lesson->path);
    free(lesson);
}

char *lesson_step_code(const LessonStep *step) {
    Text code = {0};
    for (int p = 0; p < step->part_count; p++)
        if (step->parts[p].kind == LESSON_CODE) text_append(&code, step->parts[p].text, strlen(step->parts[p].text));
    return text_take(&code);
}

char lesson_option_letter(int index) {
    return (char)('a' + index);
}

/* ---------------------------------------------------------------- evaluating checks */

/* The output's lines, without their '\n' (a last line without one still counts). */
typedef struct {
    Line *lines;
    int count;
} Lines;

static Lines split_lines(const char *output, size_t length) {
    Lines lines = {0};
    size_t at = 0;
    while (at < length) {
        size_t end = at;
        while (end < length && output[end] != '\n') end++;
        lines.lines = grow(lines.lines, sizeof *lines.lines * (size_t)(lines.count + 1));
        lines.lines[lines.count] = (Line){output + at, end - at, lines.count + 1};
        lines.count++;
        at = end + 1;
    }
    return lines;
}

static bool line_equals(Line line, const char *text) {
    return line.length == strlen(text) && memcmp(line.start, text, line.length) == 0;
}

/* The index of the first line equal to `text`, or -1. */
static int find_line(Lines lines, const char *text) {
    for (int i = 0; i < lines.count; i++)
        if (line_equals(lines.lines[i], text)) return i;
    return -1;
}

bool lesson_check_holds(const LessonCheck *check, const char *output, size_t length, char *why, size_t why_size) {
    Lines lines = split_lines(output, length);
    bool holds = false;
    if (why_size > 0) why[0] = '\0';
    switch (check->kind) {
    case CHECK_LINE_IS:
    case CHECK_LAST_LINE_IS: {
        int index = check->kind == CHECK_LINE_IS ? check->number - 1 : lines.count - 1;
        if (index < 0 || index >= lines.count) {
            snprintf(why, why_size, "the output has %d line%s", lines.count, lines.count == 1 ? "" : "s");
        } else {
            holds = line_equals(lines.lines[index], check->text);
            if (!holds)
                snprintf(why, why_size, "line %d is \"%.*s\"", index + 1, (int)lines.lines[index].length,
                         lines.lines[index].start);
        }
        break;
    }
    case CHECK_PRINTS:
        holds = find_line(lines, check->text) >= 0;
        if (!holds) snprintf(why, why_size, "no line is \"%s\"", check->text);
        break;
    case CHECK_DOES_NOT_PRINT: {
        int index = find_line(lines, check->text);
        holds = index < 0;
        if (!holds) snprintf(why, why_size, "line %d is \"%s\"", index + 1, check->text);
        break;
    }
    case CHECK_COUNT: {
        int count = 0;
        for (int i = 0; i < lines.count; i++) count += line_equals(lines.lines[i], check->text);
        holds = count == check->number;
        if (!holds) snprintf(why, why_size, "it prints it %d time%s", count, count == 1 ? "" : "s");
        break;
    }
    case CHECK_BEFORE: {
        int first = find_line(lines, check->text), second = find_line(lines, check->other);
        holds = first >= 0 && second >= 0 && first < second;
        if (first < 0) snprintf(why, why_size, "no line is \"%s\"", check->text);
        else if (second < 0) snprintf(why, why_size, "no line is \"%s\"", check->other);
        else if (!holds) snprintf(why, why_size, "\"%s\" is line %d, \"%s\" line %d", check->text, first + 1,
                                  check->other, second + 1);
        break;
    }
    }
    free(lines.lines);
    return holds;
}
