/* lesson_tool.c — handoff's own lesson parser, for test_lessons.py: prints a parsed
 * lesson as JSON (dump), and evaluates a step's predict checks against the output
 * its code printed (check). The tests use this so that a lesson is read exactly as
 * the REPL reads it, and a check means what lesson_parse.c says it means. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson_parse.h"

static void json_string(const char *text) {
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\') printf("\\%c", *p);
        else if (*p == '\n') fputs("\\n", stdout);
        else if (*p < 0x20) printf("\\u%04x", *p);
        else putchar(*p);
    }
    putchar('"');
}

static void dump_predict(const LessonPredict *predict) {
    printf("{\"line\": %d, \"answer\": %d, \"options\": [", predict->line, predict->answer);
    for (int i = 0; i < predict->option_count; i++) {
        if (i > 0) fputs(", ", stdout);
        json_string(predict->options[i].text);
    }
    fputs("], \"checks\": [", stdout);
    for (int i = 0; i < predict->check_count; i++) {
        if (i > 0) fputs(", ", stdout);
        json_string(predict->checks[i].source);
    }
    fputs("], \"question\": ", stdout);
    json_string(predict->question);
    fputs("}", stdout);
}

static int dump(const Lesson *lesson) {
    fputs("{\"title\": ", stdout);
    json_string(lesson->title);
    fputs(", \"steps\": [", stdout);
    for (int s = 0; s < lesson->step_count; s++) {
        const LessonStep *step = &lesson->steps[s];
        printf("%s\n  {\"line\": %d, \"title\": ", s > 0 ? "," : "", step->line);
        json_string(step->title);
        fputs(", \"code\": [", stdout);
        bool first = true;
        for (int p = 0; p < step->part_count; p++) {
            if (step->parts[p].kind != LESSON_CODE) continue;
            printf("%s{\"line\": %d, \"text\": ", first ? "" : ", ", step->parts[p].line);
            json_string(step->parts[p].text);
            fputs("}", stdout);
            first = false;
        }
        fputs("], \"predict\": ", stdout);
        if (step->predict != NULL) dump_predict(step->predict);
        else fputs("null", stdout);
        fputs("}", stdout);
    }
    fputs("]}\n", stdout);
    return 0;
}

/* Prints one line per check of step STEP (1-based): "ok: CHECK" or
 * "FAILED: PATH:LINE: CHECK: WHY". Exit status 1 if any failed. */
static int check(const Lesson *lesson, int step_number, const char *output_path) {
    if (step_number < 1 || step_number > lesson->step_count) {
        fprintf(stderr, "lesson_tool: no step %d\n", step_number);
        return 2;
    }
    FILE *in = fopen(output_path, "rb");
    if (in == NULL) {
        fprintf(stderr, "lesson_tool: cannot read %s\n", output_path);
        return 2;
    }
    size_t capacity = 1 << 16, used = 0, n;
    char *output = malloc(capacity);
    while (output != NULL && (n = fread(output + used, 1, capacity - used, in)) > 0) {
        used += n;
        if (used == capacity) output = realloc(output, capacity *= 2);
    }
    fclose(in);
    if (output == NULL) return 2;
    const LessonPredict *predict = lesson->steps[step_number - 1].predict;
    int status = 0;
    for (int i = 0; predict != NULL && i < predict->check_count; i++) {
        char why[512];
        const LessonCheck *claim = &predict->checks[i];
        if (lesson_check_holds(claim, output, used, why, sizeof why)) {
            printf("ok: %s\n", claim->source);
        } else {
            printf("FAILED: %s:%d: %s: %s\n", lesson->path, claim->line, claim->source, why);
            status = 1;
        }
    }
    free(output);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 3 || (strcmp(argv[1], "dump") != 0 && strcmp(argv[1], "check") != 0) ||
        (strcmp(argv[1], "check") == 0 && argc != 5)) {
        fputs("usage: lesson_tool dump LESSON.md | lesson_tool check LESSON.md STEP OUTPUT\n", stderr);
        return 2;
    }
    char error[512];
    Lesson *lesson = lesson_load(argv[2], error, sizeof error);
    if (lesson == NULL) {
        fprintf(stderr, "%s\n", error);
        return 1;
    }
    int status = strcmp(argv[1], "dump") == 0 ? dump(lesson) : check(lesson, atoi(argv[3]), argv[4]);
    lesson_free(lesson);
    return status;
}
