/* lesson.h — step-through lessons: Markdown files in lessons/ parsed into
 * steps (prose, python blocks that run in the session, predict blocks that ask
 * before revealing), and the REPL commands that walk through them. */
#ifndef HANDOFF_LESSON_H
#define HANDOFF_LESSON_H

#include <stdbool.h>

#include "lesson_parse.h"
#include "repl.h"

/* Registers :lessons, :lesson, :next, :back, :again and :edit with the
 * session, and the lesson names for Tab completion. */
void lesson_install(Repl *repl);

/* `handoff learn` (name NULL: the menu) and `handoff lesson NAME [--demo]`:
 * starts the lesson in the session before the prompt reads input. false, with
 * a message on stderr naming the lessons there are, when there is no such lesson. */
bool lesson_start(Repl *repl, const char *name, bool demo);

/* Frees what lesson_install made for this session; call before repl_free. */
void lesson_uninstall(Repl *repl);

#endif
