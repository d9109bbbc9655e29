/* test_lesson.c — the lesson format (lesson_parse.c): a good lesson read into steps,
 * prose, code and predict blocks; every broken lesson refused with its file and line;
 * the predict checks evaluated against a step's output; and the lessons shipped in
 * lessons/ all parse. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "lesson_parse.h"

static Lesson *parse(const char *text, char *error, size_t error_size) {
    return lesson_parse(text, strlen(text), "demo.md", error, error_size);
}

/* Parses `text`, which must fail with `expected` in the message. */
static void expect_error(const char *text, const char *expected) {
    char error[512];
    Lesson *lesson = parse(text, error, sizeof error);
    cr_assert_null(lesson, "parsed although it should fail with: %s", expected);
    cr_assert(strstr(error, expected) != NULL, "error was '%s', expected it to contain '%s'", error, expected);
}

static const char *GOOD =
    "# Counting\n"
    "\n"
    "An introduction.\n"
    "\n"
    "## First step\n"
    "\n"
    "Some prose.\n"
    "\n"
    "```python\n"
    "print('One')\n"
    "print('Two')\n"
    "```\n"
    "\n"
    "## Second step\n"
    "\n"
    "```predict\n"
    "Which line is first?\n"
    "a) One\n"
    "b) Two\n"
    "answer: b\n"
    "check: first line is \"Two\"\n"
    "check: \"Two\" before \"One\"\n"
    "Because the second print runs first.\n"
    "```\n"
    "\n"
    "```python\n"
    "print('Two')\n"
    "```\n"
    "\n"
    "```python\n"
    "print('One')\n"
    "```\n"
    "\n"
    "After the run.\n";

Test(lesson_format, good_lesson_is_read_into_title_intro_and_steps) {
    char error[512];
    Lesson *lesson = parse(GOOD, error, sizeof error);
    cr_assert_not_null(lesson, "%s", error);
    cr_assert_str_eq(lesson->title, "Counting");
    cr_assert_str_eq(lesson->intro, "An introduction.\n");
    cr_assert_eq(lesson->step_count, 2);
    cr_assert_str_eq(lesson->steps[0].title, "First step");
    cr_assert_eq(lesson->steps[0].line, 5);
    cr_assert_null(lesson->steps[0].predict);
    lesson_free(lesson);
}

Test(lesson_format, parts_keep_the_files_order_and_lines) {
    char error[512];
    Lesson *lesson = parse(GOOD, error, sizeof error);
    cr_assert_not_null(lesson, "%s", error);
    LessonStep *first = &lesson->steps[0];
    cr_assert_eq(first->part_count, 2);
    cr_assert_eq(first->parts[0].kind, LESSON_PROSE);
    cr_assert_str_eq(first->parts[0].text, "Some prose.\n");
    cr_assert_eq(first->parts[1].kind, LESSON_CODE);
    cr_assert_str_eq(first->parts[1].text, "print('One')\nprint('Two')\n");
    cr_assert_eq(first->parts[1].line, 10);
    LessonStep *second = &lesson->steps[1];
    cr_assert_eq(second->part_count, 3);
    cr_assert_eq(second->parts[0].kind, LESSON_CODE);
    cr_assert_eq(second->parts[1].kind, LESSON_CODE);
    cr_assert_eq(second->parts[2].kind, LESSON_PROSE);
    cr_assert_str_eq(second->parts[2].text, "After the run.\n");
    char *code = lesson_step_code(second);
    cr_assert_str_eq(code, "print('Two')\nprint('One')\n");
    free(code);
    lesson_free(lesson);
}

Test(lesson_format, predict_block_has_question_options_answer_checks_and_explanation) {
    char error[512];
    Lesson *lesson = parse(GOOD, error, sizeof error);
    cr_assert_not_null(lesson, "%s", error);
    LessonPredict *predict = lesson->steps[1].predict;
    cr_assert_not_null(predict);
    cr_assert_eq(predict->line, 16);
    cr_assert_str_eq(predict->question, "Which line is first?\n");
    cr_assert_eq(predict->option_count, 2);
    cr_assert_str_eq(predict->options[0].text, "One");
    cr_assert_str_eq(predict->options[1].text, "Two");
    cr_assert_eq(predict->answer, 1);
    cr_assert_eq(predict->check_count, 2);
    cr_assert_eq(predict->checks[0].kind, CHECK_LINE_IS);
    cr_assert_eq(predict->checks[0].number, 1);
    cr_assert_str_eq(predict->checks[0].text, "Two");
    cr_assert_eq(predict->checks[0].line, 21);
    cr_assert_eq(predict->checks[1].kind, CHECK_BEFORE);
    cr_assert_str_eq(predict->checks[1].text, "Two");
    cr_assert_str_eq(predict->checks[1].other, "One");
    cr_assert_str_eq(predict->explanation, "Because the second print runs first.\n");
    lesson_free(lesson);
}

Test(lesson_format, every_check_form_is_understood) {
    const char *text =
        "# T\n## S\n```python\nprint(1)\n```\n```predict\nQ?\na) x\nb) y\nanswer: B\n"
        "check: line 12 is \"a \\\"quoted\\\" \\\\ line\"\n"
        "check: last line is \"end\"\n"
        "check: prints \"x\"\n"
        "check: prints \"x\" 3 times\n"
        "check: does not print \"y\"\n"
        "check: \"a\" before \"b\"\n"
        "```\n";
    char error[512];
    Lesson *lesson = parse(text, error, sizeof error);
    cr_assert_not_null(lesson, "%s", error);
    LessonPredict *predict = lesson->steps[0].predict;
    cr_assert_eq(predict->answer, 1, "answer letters are not case-sensitive");
    cr_assert_eq(predict->check_count, 6);
    cr_assert_eq(predict->checks[0].kind, CHECK_LINE_IS);
    cr_assert_eq(predict->checks[0].number, 12);
    cr_assert_str_eq(predict->checks[0].text, "a \"quoted\" \\ line");
    cr_assert_eq(predict->checks[1].kind, CHECK_LAST_LINE_IS);
    cr_assert_eq(predict->checks[2].kind, CHECK_PRINTS);
    cr_assert_eq(predict->checks[3].kind, CHECK_COUNT);
    cr_assert_eq(predict->checks[3].number, 3);
    cr_assert_eq(predict->checks[4].kind, CHECK_DOES_NOT_PRINT);
    cr_assert_eq(predict->checks[5].kind, CHECK_BEFORE);
    lesson_free(lesson);
}

Test(lesson_format, other_fenced_blocks_are_prose_and_hide_headings) {
    const char *text = "# T\n## S\n```text\n## not a step\n```python inside text\n```\n```python\nx = 1\n```\n";
    char error[512];
    Lesson *lesson = parse(text, error, sizeof error);
    cr_assert_not_null(lesson, "%s", error);
    cr_assert_eq(lesson->step_count, 1);
    cr_assert_eq(lesson->steps[0].parts[0].kind, LESSON_PROSE);
    cr_assert_str_eq(lesson->steps[0].parts[0].text, "```text\n## not a step\n```python inside text\n```\n");
    cr_assert_eq(lesson->steps[0].parts[1].kind, LESSON_CODE);
    lesson_free(lesson);
}

Test(lesson_format, windows_line_ends_and_tilde_fences_are_accepted) {
    const char *text = "# T\r\n\r\n## S\r\n~~~~python\r\nprint(1)\r\n~~~~\r\n";
    char error[512];
    Lesson *lesson = parse(text, error, sizeof error);
    cr_assert_not_null(lesson, "%s", error);
    cr_assert_str_eq(lesson->title, "T");
    cr_assert_str_eq(lesson->steps[0].parts[0].text, "print(1)\n");
    lesson_free(lesson);
}

Test(lesson_errors, a_lesson_starts_with_its_title) {
    expect_error("Some text\n## S\n", "demo.md:1: a lesson starts with its title");
    expect_error("", "demo.md:1: the file is empty");
    expect_error("\n\n#\n", "demo.md:3: a lesson starts with its title");
}

Test(lesson_errors, a_lesson_needs_steps) {
    expect_error("# T\n\nOnly prose.\n", "demo.md:3: the lesson has no steps");
    expect_error("# T\n## S\n# Another title\n", "demo.md:3: a lesson has one '# ' title");
    expect_error("# T\n##   \n", "demo.md:2: a step's '## ' heading needs a title");
}

Test(lesson_errors, unterminated_fences_name_the_opening_line) {
    expect_error("# T\n## S\n```python\nprint(1)\n", "demo.md:3: the ```python block opened here is never closed");
    expect_error("# T\n## S\n```predict\nQ?\n", "demo.md:3: the ```predict block opened here is never closed");
    expect_error("# T\n## S\n````python\nx\n```\n", "demo.md:3: the ```python block opened here is never closed (expected a closing '````')");
    expect_error("# T\n## S\n```text\nx\n", "demo.md:3: the fenced block opened here is never closed");
}

Test(lesson_errors, broken_python_names_the_line_in_the_file) {
    expect_error("# T\n## S\n```python\nx = 1\nif x\n    pass\n```\n",
                 "demo.md:5: this python code does not parse: SyntaxError: expected ':'");
    expect_error("# T\n## S\n```python\n\n   \n```\n", "demo.md:3: this ```python block is empty");
}

Test(lesson_errors, code_and_predictions_belong_to_a_step) {
    expect_error("# T\n```python\nx = 1\n```\n## S\n", "demo.md:2: a ```python block must be inside a step");
    expect_error("# T\n## S\n```predict\nQ?\na) x\nb) y\nanswer: a\n```\n",
                 "demo.md:3: a predict block needs a ```python block in its step");
    expect_error("# T\n## S\n```python\nx = 1\n```\n```predict\nQ?\na) x\nb) y\nanswer: a\n```\n"
                 "```predict\nQ?\na) x\nb) y\nanswer: a\n```\n",
                 "demo.md:12: a step asks one prediction");
}

Test(lesson_errors, a_predict_block_needs_question_options_and_answer) {
    const char *code = "# T\n## S\n```python\nx = 1\n```\n";
    char text[512];
    snprintf(text, sizeof text, "%s```predict\nQ?\na) x\nb) y\n```\n", code);
    expect_error(text, "demo.md:6: this predict block has no 'answer: LETTER' line");
    snprintf(text, sizeof text, "%s```predict\nQ?\na) x\nb) y\nanswer: c\n```\n", code);
    expect_error(text, "demo.md:10: 'answer: c' names no option (the options are a) to b))");
    snprintf(text, sizeof text, "%s```predict\nQ?\na) x\nc) y\nanswer: a\n```\n", code);
    expect_error(text, "demo.md:9: options go a), b), c) in order: expected 'b)' here");
    snprintf(text, sizeof text, "%s```predict\nQ?\na) x\nanswer: a\n```\n", code);
    expect_error(text, "demo.md:6: a predict block needs at least two options");
    snprintf(text, sizeof text, "%s```predict\na) x\nb) y\nanswer: a\n```\n", code);
    expect_error(text, "demo.md:7: a predict block starts with its question");
    snprintf(text, sizeof text, "%s```predict\n```\n", code);
    expect_error(text, "demo.md:6: this predict block is empty");
    snprintf(text, sizeof text, "%s```predict\nQ?\nanswer: a\na) x\nb) y\n```\n", code);
    expect_error(text, "demo.md:8: the options a), b), ... come before 'answer:'");
    snprintf(text, sizeof text, "%s```predict\nQ?\na) x\nb) y\nthe end\nanswer: a\n```\n", code);
    expect_error(text, "demo.md:10: expected 'answer: LETTER' after the options, not 'the end'");
    snprintf(text, sizeof text, "%s```predict\nQ?\na) x\nb) y\nanswer: a\nanswer: b\n```\n", code);
    expect_error(text, "demo.md:11: a predict block has one 'answer:' line");
}

Test(lesson_errors, an_unknown_check_lists_the_forms) {
    const char *code = "# T\n## S\n```python\nx = 1\n```\n";
    const char *bad[] = {
        "check: line 0 is \"x\"",  "check: line 2 is x",        "check: prints \"x\" times",
        "check: \"a\" after \"b\"", "check: first line is \"x", "check: output is anything",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "%s```predict\nQ?\na) x\nb) y\nanswer: a\n%s\n```\n", code, bad[i]);
        expect_error(text, "demo.md:11: unknown check");
        expect_error(text, "write one of line N is \"TEXT\"");
    }
}

Test(lesson_errors, binary_files_are_refused_without_reading_past_the_buffer) {
    const char text[] = {'#', ' ', 'T', '\n', '#', '#', ' ', 'S', '\0', '\n'};
    char error[512];
    cr_assert_null(lesson_parse(text, sizeof text, "bin.md", error, sizeof error));
    cr_assert_str_eq(error, "bin.md:2: the file contains a NUL byte: is it a text file?");
    /* Not NUL-terminated: the parser reads `length` bytes and no more. */
    char exact[] = {'#', ' ', 'T', '\n', '#', '#', ' ', 'S'};
    Lesson *lesson = lesson_parse(exact, sizeof exact, "exact.md", error, sizeof error);
    cr_assert_not_null(lesson, "%s", error);
    cr_assert_str_eq(lesson->steps[0].title, "S");
    lesson_free(lesson);
    cr_assert_null(lesson_parse(text, sizeof text, "tiny.md", error, 8), "a short error buffer still fails");
    cr_assert_str_eq(error, "tiny.md");
}

/* ------------------------------------------------------------ checks against output */

static LessonCheck *parse_check(const char *check_text, Lesson **owner) {
    char text[512], error[512];
    snprintf(text, sizeof text, "# T\n## S\n```python\nx = 1\n```\n```predict\nQ?\na) x\nb) y\nanswer: a\ncheck: %s\n```\n",
             check_text);
    *owner = parse(text, error, sizeof error);
    cr_assert_not_null(*owner, "%s", error);
    return &(*owner)->steps[0].predict->checks[0];
}

static void expect_check(const char *check_text, const char *output, bool holds, const char *why) {
    Lesson *owner;
    LessonCheck *check = parse_check(check_text, &owner);
    char reason[256];
    bool result = lesson_check_holds(check, output, strlen(output), reason, sizeof reason);
    cr_assert_eq(result, holds, "check '%s' on '%s'", check_text, output);
    if (why != NULL) cr_assert_str_eq(reason, why);
    lesson_free(owner);
}

Test(lesson_checks, line_checks_compare_whole_lines) {
    expect_check("line 2 is \"Two\"", "One\nTwo\n", true, NULL);
    expect_check("line 2 is \"Tw\"", "One\nTwo\n", false, "line 2 is \"Two\"");
    expect_check("line 3 is \"x\"", "One\nTwo\n", false, "the output has 2 lines");
    expect_check("first line is \"One\"", "One\nTwo", true, NULL);
    expect_check("last line is \"Two\"", "One\nTwo", true, "");
    expect_check("last line is \"One\"", "One\nTwo\n", false, "line 2 is \"Two\"");
    expect_check("last line is \"One\"", "", false, "the output has 0 lines");
}

Test(lesson_checks, prints_and_counts_look_at_every_line) {
    expect_check("prints \"b\"", "a\nb\nc\n", true, NULL);
    expect_check("prints \"b\"", "a\nbb\n", false, "no line is \"b\"");
    expect_check("does not print \"b\"", "a\nc\n", true, NULL);
    expect_check("does not print \"c\"", "a\nc\n", false, "line 2 is \"c\"");
    expect_check("prints \"One\" 3 times", "One\nOne\nTwo\nOne\n", true, NULL);
    expect_check("prints \"One\" 2 times", "One\nOne\nTwo\nOne\n", false, "it prints it 3 times");
}

Test(lesson_checks, before_compares_first_appearances) {
    expect_check("\"a\" before \"b\"", "a\nb\na\n", true, NULL);
    expect_check("\"b\" before \"a\"", "a\nb\na\n", false, "\"b\" is line 2, \"a\" line 1");
    expect_check("\"a\" before \"z\"", "a\nb\n", false, "no line is \"z\"");
    expect_check("\"z\" before \"a\"", "a\nb\n", false, "no line is \"z\"");
}

/* ------------------------------------------------------------ the shipped lessons */

Test(lesson_files, every_lesson_in_lessons_parses_and_asks_something) {
    DIR *dir = opendir(HANDOFF_LESSONS_SOURCE_DIR);
    cr_assert_not_null(dir, "cannot open %s", HANDOFF_LESSONS_SOURCE_DIR);
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        size_t n = strlen(entry->d_name);
        if (n <= 3 || strcmp(entry->d_name + n - 3, ".md") != 0 || strcmp(entry->d_name, "README.md") == 0) continue;
        char path[4096], error[512];
        snprintf(path, sizeof path, "%s/%s", HANDOFF_LESSONS_SOURCE_DIR, entry->d_name);
        Lesson *lesson = lesson_load(path, error, sizeof error);
        cr_expect_not_null(lesson, "%s", error);
        if (lesson != NULL) {
            int predictions = 0;
            for (int i = 0; i < lesson->step_count; i++) predictions += lesson->steps[i].predict != NULL;
            cr_expect_gt(predictions, 0, "%s asks no prediction", path);
        }
        lesson_free(lesson);
        count++;
    }
    closedir(dir);
    cr_assert_geq(count, 3);
}

Test(lesson_files, a_missing_file_says_so) {
    char error[512];
    cr_assert_null(lesson_load("/nonexistent/lesson.md", error, sizeof error));
    cr_assert_str_eq(error, "/nonexistent/lesson.md: cannot open the lesson file");
}
