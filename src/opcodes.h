/* opcodes.h — handoff's instruction set, in one X-macro list from which the
 * enum, the disassembler and the names in traces are generated.
 *
 * Encoding: one opcode byte, then its operand: ARG_NONE (no bytes), ARG_U16
 * (2 bytes, little-endian) or ARG_JUMP (4 bytes, little-endian absolute byte
 * offset into the code). Stack pictures read bottom -> top: [a, b] means b is TOS.
 * Names: `name` operands index code->names, `const` index code->constants,
 * `local` index the frame's locals, `cell` index cells then free vars
 * (0 .. ncells+nfree). A "block" is an exception handler pushed by SETUP_FINALLY:
 * it records the target and the value-stack depth at the time of SETUP_FINALLY.
 * When an exception is raised, the innermost block of the current frame is
 * popped, the value stack is cut back to its recorded depth, the exception is
 * pushed, and execution jumps to its target. With no block, the frame is left
 * (traceback entry added) and the exception propagates to the caller. */
#ifndef HANDOFF_OPCODES_H
#define HANDOFF_OPCODES_H

#define ARG_NONE 0
#define ARG_U16 2
#define ARG_JUMP 4

#define OPCODE_LIST(OP)                                                                     \
    OP(NOP, ARG_NONE)                                                                       \
    OP(POP_TOP, ARG_NONE)            /* [a] -> [] */                                         \
    OP(COPY, ARG_U16)                /* n>=1: push a copy of the nth item (1 = TOS) */        \
    OP(SWAP, ARG_U16)                /* n>=2: swap TOS with the nth item */                   \
    OP(LOAD_CONST, ARG_U16)          /* [] -> [const] */                                      \
    OP(LOAD_FAST, ARG_U16)           /* [] -> [local]; UnboundLocalError if unbound */        \
    OP(STORE_FAST, ARG_U16)          /* [v] -> [] */                                          \
    OP(DELETE_FAST, ARG_U16)         /* unbinds; UnboundLocalError if unbound */              \
    OP(LOAD_DEREF, ARG_U16)          /* [] -> [cell.value]; NameError/UnboundLocalError */    \
    OP(STORE_DEREF, ARG_U16)         /* [v] -> [] */                                          \
    OP(DELETE_DEREF, ARG_U16)                                                               \
    OP(LOAD_CLOSURE, ARG_U16)        /* [] -> [the cell object itself] */                     \
    OP(LOAD_GLOBAL, ARG_U16)         /* [] -> [globals[name] or builtins[name]]; NameError */ \
    OP(STORE_GLOBAL, ARG_U16)        /* [v] -> [] */                                          \
    OP(DELETE_GLOBAL, ARG_U16)                                                              \
    OP(LOAD_NAME, ARG_U16)           /* class bodies: class ns, then globals, builtins */     \
    OP(STORE_NAME, ARG_U16)          /* class bodies: into the class namespace */             \
    OP(DELETE_NAME, ARG_U16)                                                                \
    OP(LOAD_ATTR, ARG_U16)           /* [obj] -> [obj.name] */                                \
    OP(STORE_ATTR, ARG_U16)          /* [v, obj] -> []  (obj.name = v) */                     \
    OP(DELETE_ATTR, ARG_U16)         /* [obj] -> [] */                                        \
    OP(LOAD_METHOD, ARG_U16)         /* [obj] -> [method, obj] or [attr, EMPTY] */            \
    OP(BINARY_SUBSCR, ARG_NONE)      /* [c, k] -> [c[k]] */                                   \
    OP(STORE_SUBSCR, ARG_NONE)       /* [v, c, k] -> []  (c[k] = v) */                        \
    OP(DELETE_SUBSCR, ARG_NONE)      /* [c, k] -> [] */                                       \
    OP(BUILD_SLICE, ARG_U16)         /* 2: [a, b] -> [slice(a,b)]; 3: [a, b, c] -> [slice] */ \
    OP(BINARY_OP, ARG_U16)           /* [a, b] -> [a op b]; op = BinaryOperator (ast.h), */   \
                                     /* +OPR_INPLACE_BASE for `a op= b` (list += extends) */  \
    OP(UNARY_NEGATIVE, ARG_NONE)                                                            \
    OP(UNARY_POSITIVE, ARG_NONE)                                                            \
    OP(UNARY_INVERT, ARG_NONE)                                                              \
    OP(UNARY_NOT, ARG_NONE)          /* [a] -> [not a] (a bool) */                            \
    OP(COMPARE_OP, ARG_U16)          /* [a, b] -> [a op b]; op = CMP_EQ .. CMP_GE only */     \
    OP(IS_OP, ARG_U16)               /* [a, b] -> [a is b] (arg 1: is not) */                 \
    OP(CONTAINS_OP, ARG_U16)         /* [a, b] -> [a in b] (arg 1: not in) */                 \
    OP(JUMP, ARG_JUMP)               /* forward jump */                                       \
    OP(JUMP_BACKWARD, ARG_JUMP)      /* backward jump: a safe point (GC, Ctrl-C, budget) */   \
    OP(POP_JUMP_IF_FALSE, ARG_JUMP)  /* [a] -> []; jump if not truthy */                      \
    OP(POP_JUMP_IF_TRUE, ARG_JUMP)                                                          \
    OP(JUMP_IF_FALSE_OR_POP, ARG_JUMP) /* `and`: falsy: keep a and jump; else pop */          \
    OP(JUMP_IF_TRUE_OR_POP, ARG_JUMP)  /* `or` */                                             \
    OP(GET_ITER, ARG_NONE)           /* [x] -> [iter(x)] */                                   \
    OP(FOR_ITER, ARG_JUMP)           /* [it] -> [it, next(it)]; exhausted: pop it, jump */    \
    OP(BUILD_TUPLE, ARG_U16)         /* [a1..an] -> [(a1..an)] */                             \
    OP(BUILD_LIST, ARG_U16)                                                                 \
    OP(BUILD_SET, ARG_U16)                                                                  \
    OP(BUILD_MAP, ARG_U16)           /* [k1, v1, .. kn, vn] -> [dict] */                      \
    OP(LIST_APPEND, ARG_U16)         /* [.. list .., v] -> [.. list ..]; list at depth n    */\
                                     /* counted after popping v (1 = new TOS), as CPython */ \
    OP(SET_ADD, ARG_U16)             /* like LIST_APPEND */                                   \
    OP(MAP_ADD, ARG_U16)             /* [.. d .., k, v] -> [.. d ..]; d at depth n after pop */\
    OP(LIST_EXTEND, ARG_U16)         /* [.. list .., it] -> [.. list ..] (depth as above) */  \
    OP(SET_UPDATE, ARG_U16)                                                                 \
    OP(DICT_UPDATE, ARG_U16)         /* {**x} in displays */                                  \
    OP(DICT_MERGE, ARG_U16)          /* f(**x): TypeError on a repeated keyword */            \
    OP(LIST_TO_TUPLE, ARG_NONE)      /* [list] -> [tuple] */                                  \
    OP(UNPACK_SEQUENCE, ARG_U16)     /* [seq] -> [xn .. x1] (x1 on top); ValueError counts */ \
    OP(UNPACK_EX, ARG_U16)           /* a, *b, c: arg = before | (after << 8) */              \
    OP(FORMAT_VALUE, ARG_U16)        /* arg & 3: 0 none, 1 str, 2 repr, 3 ascii; */           \
                                     /* arg & 4: [v, spec] -> [s] else [v] -> [s] */          \
    OP(BUILD_STRING, ARG_U16)        /* [s1..sn] -> [s1+..+sn] */                             \
    OP(CALL, ARG_U16)                /* [f, a1..an] -> [f(a1..an)] */                         \
    OP(CALL_KW, ARG_U16)             /* [f, a1..an, names] -> [result]; names: const tuple */ \
                                     /* of the last len(names) args' keywords; n counts all */\
    OP(CALL_METHOD, ARG_U16)         /* [m, self|EMPTY, a1..an] -> [result] */                \
    OP(CALL_METHOD_KW, ARG_U16)      /* [m, self|EMPTY, a1..an, names] -> [result] */         \
    OP(CALL_EX, ARG_U16)             /* arg 0: [f, args_tuple]; arg 1: [f, args, kwargs] */   \
    OP(MAKE_FUNCTION, ARG_U16)       /* [defaults?, kwdefaults?, closure?, code] -> [fn]  */  \
                                     /* flags: 1 defaults tuple, 2 kwdefaults dict,       */  \
                                     /* 8 closure tuple of cells (as CPython, no annots) */   \
    OP(RETURN_VALUE, ARG_NONE)       /* [v] -> return v to the caller */                      \
    OP(YIELD_VALUE, ARG_NONE)        /* [v] -> suspend yielding v; resumed: [sent] */         \
    OP(YIELD_FROM, ARG_NONE)         /* [it, v]: send v into it (or throw the pending    */  \
                                     /* exception); it yields w: suspend yielding w and  */  \
                                     /* re-run YIELD_FROM on resume with [it, sent];     */  \
                                     /* it returns r: [it, v] -> [r] and go on           */  \
    OP(GET_YIELD_FROM_ITER, ARG_NONE) /* [x] -> [iter(x)] (generators pass through) */        \
    OP(GET_AWAITABLE, ARG_NONE)      /* [x] -> [awaitable iterator of x]; TypeError */        \
    OP(GET_AITER, ARG_NONE)          /* [x] -> [x.__aiter__()] */                             \
    OP(GET_ANEXT, ARG_NONE)          /* [ait] -> [ait, awaitable of ait.__anext__()] */       \
    OP(END_ASYNC_FOR, ARG_NONE)      /* handler: [ait, exc] -> [] if StopAsyncIteration, */   \
                                     /* else re-raise exc */                                  \
    OP(SETUP_FINALLY, ARG_JUMP)      /* push a block (handler target, current depth) */       \
    OP(POP_BLOCK, ARG_NONE)          /* pop the innermost block of this frame */              \
    OP(PUSH_EXC_INFO, ARG_NONE)      /* [exc] -> [prev_handled, exc]; handled = exc */        \
    OP(POP_EXCEPT, ARG_NONE)         /* [prev] -> []; handled = prev */                       \
    OP(POP_EXCEPT_AND_RERAISE, ARG_NONE) /* [prev, exc] -> raise exc (no new traceback   */   \
                                     /* line for this frame); handled = prev first */         \
    OP(CHECK_EXC_MATCH, ARG_NONE)    /* [exc, type] -> [exc, bool]; type a class or tuple */  \
    OP(RAISE_VARARGS, ARG_U16)       /* 0: re-raise handled; 1: [e]; 2: [e, cause] */         \
    OP(LOAD_ASSERTION_ERROR, ARG_NONE) /* [] -> [AssertionError] */                           \
    OP(BEFORE_WITH, ARG_NONE)        /* [cm] -> [bound cm.__exit__, cm.__enter__()] */        \
    OP(BEFORE_ASYNC_WITH, ARG_NONE)  /* [cm] -> [bound __aexit__, cm.__aenter__()] */         \
    OP(WITH_EXCEPT_START, ARG_NONE)  /* [exit, prev, exc] -> [exit, prev, exc, r], */         \
                                     /* r = exit(type(exc), exc, None) */                     \
    OP(IMPORT_NAME, ARG_U16)         /* [] -> [module]; ModuleNotFoundError */                \
    OP(IMPORT_FROM, ARG_U16)         /* [m] -> [m, m.name]; ImportError */                    \
    OP(IMPORT_STAR, ARG_NONE)        /* [m] -> []; copies public names into globals */        \
    OP(LOAD_BUILD_CLASS, ARG_NONE)   /* [] -> [__build_class__] (classes: issue 3) */         \
    OP(PRINT_EXPR, ARG_NONE)         /* REPL: [v] -> []; prints repr(v) unless None */         \
    OP(CHECK_EG_MATCH, ARG_NONE)     /* except*: [rest, type] -> [rest', match]; match None */ \
                                     /* (rest unchanged) or the matching part, and then   */  \
                                     /* handled = match; TypeError for a bad type          */  \
    OP(PREP_RERAISE_STAR, ARG_NONE)  /* [orig, list] -> [exc or None]: what except* raises */

typedef enum {
#define OPCODE_ENUM(name, arg) OP_##name,
    OPCODE_LIST(OPCODE_ENUM)
#undef OPCODE_ENUM
    OPCODE_COUNT
} OpCode;

/* BINARY_OP's operand for `a op= b` is OPR_INPLACE_BASE + op. */
#define OPR_INPLACE_BASE 16

extern const char *const opcode_names[OPCODE_COUNT];   /* "LOAD_CONST", ... */
extern const unsigned char opcode_arg_bytes[OPCODE_COUNT]; /* 0, 2 or 4 */

#endif
