/* debug.h — the disassembler: a readable listing of a code object (offset,
 * line, instruction, operand and what it refers to), then of every code object
 * nested in its constants. The VM can use the one-instruction form as a trace. */
#ifndef HANDOFF_DEBUG_H
#define HANDOFF_DEBUG_H

#include "object.h"

/* Prints the whole listing of `code` and, after it, of its nested code objects. */
void debug_disassemble(ObjCode *code, FILE *out);

/* Prints the instruction at `offset` on one line; returns the next offset. */
int debug_disassemble_instruction(ObjCode *code, int offset, FILE *out);

#endif
