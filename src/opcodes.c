/* opcodes.c — the tables generated from OPCODE_LIST: names for the
 * disassembler and the trace, and each instruction's operand width. */
#include "opcodes.h"

const char *const opcode_names[OPCODE_COUNT] = {
#define OPCODE_NAME(name, arg) #name,
    OPCODE_LIST(OPCODE_NAME)
#undef OPCODE_NAME
};

const unsigned char opcode_arg_bytes[OPCODE_COUNT] = {
#define OPCODE_ARG(name, arg) arg,
    OPCODE_LIST(OPCODE_ARG)
#undef OPCODE_ARG
};
