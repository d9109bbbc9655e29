/* vm_internal.h — what vm.c, call.c, gen.c and ops.c share and nothing
 * above the VM needs: fibers, running a fiber, binding arguments. */
#ifndef HANDOFF_VM_INTERNAL_H
#define HANDOFF_VM_INTERNAL_H

#include "vm.h"

/* Spare value slots above every frame's computed max_stack: calls shift their
 * arguments up by one (bound methods) and natives may push a few values. */
#define STACK_SLACK 8
/* A generator's or coroutine's own (first) frame gets less: there, only one-value
 * shifts write past max_stack (a bound method's self, a with statement's __enter__
 * result); whatever pushes more makes room first (fiber_ensure_stack), and frames
 * called from it get the whole STACK_SLACK. Six slots less are 96 bytes a task. */
#define GEN_STACK_SLACK 2

typedef enum { EXEC_RETURN, EXEC_YIELD, EXEC_ERROR } ExecResult;

Fiber *fiber_new(VM *vm, int64_t stack_capacity);
/* Makes room for `needed` more values above fiber->stack_top, moving the stack
 * (and every frame's slots pointer) if it must. */
/* Room for `needed` more values. false, with MemoryError raised, when growing
 * would pass vm->max_memory (deep recursion under a huge recursion limit). */
bool fiber_ensure_stack(VM *vm, Fiber *fiber, int64_t needed);

/* Runs vm->fiber from its top frame until that frame chain returns to a frame
 * marked c_boundary (EXEC_RETURN, *result set), the fiber's base frame yields
 * (EXEC_YIELD, *result is the yielded value), or an exception escapes the
 * boundary frame (EXEC_ERROR, vm->exception set). */
ExecResult vm_execute(VM *vm, Value *result);

/* Pushes a frame for `function` on vm->fiber, binding argc arguments found at
 * `args` (which lie on that fiber's stack, just above the result slot).
 * Generator and coroutine functions are not run: *made_generator receives the
 * new generator object instead. Returns false with an exception raised. */
bool vm_push_call(VM *vm, ObjFunction *function, Value *args, int argc, ObjTuple *kwnames,
                  bool c_boundary, Value *made_generator);

/* Binds arguments into `locals` (code->nlocals slots) as CPython does;
 * raises TypeError worded as CPython on a mismatch. */
bool vm_bind_arguments(VM *vm, ObjFunction *function, Value *args, int argc, ObjTuple *kwnames,
                       Value *locals);

/* Makes the cells of a new frame (cell variables, then free variables). */
void vm_init_cells(VM *vm, ObjFunction *function, Value *slots);

/* Creates the generator/coroutine object for a call of `function`, with its own fiber. */
ObjGenerator *gen_new(VM *vm, ObjFunction *function, Value *locals);
/* Send or throw into anything that `yield from`/`await` delegates to. */
ResumeResult vm_delegate_send(VM *vm, Value iter, Value value, Value *out);
ResumeResult vm_delegate_throw(VM *vm, Value iter, Value exc, Value *out);
void gen_init_classes(VM *vm);

/* Imports a built-in module by name (IMPORT_NAME). */
Value vm_import(VM *vm, ObjStr *name);
/* The current exception being handled (for bare raise and __context__), or NONE. */
Value vm_handled_exception(VM *vm);
/* Attribute lookup used by LOAD_METHOD: [method, self] when a plain method is
 * found on the class (no bound object made), else [attr, EMPTY]. */
bool vm_load_method(VM *vm, Value obj, ObjStr *name, Value *method, Value *self);
/* Calls `callable` whose arguments lie at args[0..argc) on vm->fiber's stack with
 * the result slot at args[-1]: used by the dispatch loop for non-Python callees. */
Value vm_call_native_like(VM *vm, Value callable, int argc, Value *args, ObjTuple *kwnames);

/* Helpers of the dispatch loop that live in ops.c. */
bool vm_is_iterable(VM *vm, Value v);
Value vm_list_for_unpack(VM *vm, Value seq);     /* "cannot unpack non-iterable int object" */
const char *vm_callable_description(VM *vm, Value callee); /* "f()" for messages */
Value vm_ascii(VM *vm, Value v);
ObjStr *vm_empty_str(VM *vm);
Value vm_get_awaitable(VM *vm, Value v);
Value vm_get_aiter(VM *vm, Value v);
Value vm_get_anext(VM *vm, Value aiter);
/* BEFORE_WITH: slot[0] holds the manager; writes [exit, enter()] into slot[0..1]. */
bool vm_before_with(VM *vm, Value *slot, bool is_async);
Value vm_raise_empty(VM *vm, ObjClass *cls);     /* raise cls() with no arguments */

#endif
