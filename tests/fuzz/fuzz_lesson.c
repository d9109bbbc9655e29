/* fuzz_lesson.c — libFuzzer target: arbitrary bytes as a lesson file through
 * lesson_parse, then what the session does with a lesson that parsed: each
 * step's code joined, and each check of a predict block tried on two outputs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lesson_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char error[512];
    Lesson *lesson = lesson_parse((const char *)data, size, "fuzz.md", error, sizeof error);
    if (lesson == NULL) {
        /* The message must be a terminated string: the session prints it. */
        if (strlen(error) >= sizeof error) abort();
        return 0;
    }
    /* Output to check against: the input itself (lines the checks may name) and nothing. */
    const char *outputs[] = {(const char *)data, ""};
    size_t lengths[] = {size, 0};
    for (int s = 0; s < lesson->step_count; s++) {
        const LessonStep *step = &lesson->steps[s];
        char *code = lesson_step_code(step);
        free(code);
        if (step->predict == NULL) continue;
        if (step->predict->answer < 0 || step->predict->answer >= step->predict->option_count) abort();
        for (int c = 0; c < step->predict->check_count; c++) {
            for (int o = 0; o < 2; o++) {
                char why[256];
                lesson_check_holds(&step->predict->checks[c], outputs[o], lengths[o], why, sizeof why);
            }
        }
    }
    lesson_free(lesson);
    return 0;
}
