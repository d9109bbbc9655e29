/* exceptions.h — what the exception objects offer beyond object.h: their
 * attributes for ops.c (args, __cause__, __context__, value, ...), exception
 * groups for the traceback printer, and a SyntaxError built from a Diagnostic. */
#ifndef HANDOFF_EXCEPTIONS_H
#define HANDOFF_EXCEPTIONS_H

#include "diag.h"
#include "vm.h"

/* The attribute `name` of an exception instance: args, __cause__, __context__,
 * __suppress_context__, __traceback__ (always None: handoff has no traceback
 * objects), StopIteration.value, SystemExit.code, the per-class attributes
 * (NameError.name, SyntaxError.lineno, ExceptionGroup.exceptions, ...) and
 * anything set on it. EMPTY, with no exception raised, when it has none of
 * these: ops.c then looks in the class (methods such as with_traceback). */
Value exception_getattr(VM *vm, ObjException *exc, ObjStr *name);

/* exc.name = value. Checks __cause__/__context__/__suppress_context__/args as
 * CPython does (TypeError); anything else goes into exc->dict. False on error. */
bool exception_setattr(VM *vm, ObjException *exc, ObjStr *name, Value value);

/* After raising AttributeError for obj.name, records them as the exception's
 * `obj` and `name` (as CPython's VM does), which lets the traceback suggest
 * "Did you mean: 'append'?". Does nothing if vm->exception is not an AttributeError. */
void exception_set_attribute_context(VM *vm, Value obj, ObjStr *name);

/* Is it a BaseExceptionGroup or ExceptionGroup (ExceptionGroup derives from
 * Exception only: classes have a single base in handoff)? */
bool exception_is_group(VM *vm, ObjException *exc);
/* A group's sub-exceptions (the tuple behind eg.exceptions). */
ObjTuple *exception_group_members(ObjException *exc);

/* except* (exceptions_group.c). Matches one clause's `type` against exc (what
 * is left of the group, or NONE): *match is the matching part (a naked
 * exception comes wrapped in ExceptionGroup('', (exc,))) or NONE, *rest what
 * is left. TypeError for a type that is not an exception class or is a group. */
bool exception_star_match(VM *vm, Value exc, Value type, Value *match, Value *rest);
/* After every clause: what to raise, given the original exception and the list
 * of exceptions the clauses raised followed by the unmatched rest (NONE
 * entries skipped); NONE when nothing is left. EMPTY on error. */
Value exception_prep_reraise_star(VM *vm, Value orig, ObjList *raised_and_rest);
/* Adds split, subgroup and derive to BaseExceptionGroup (exceptions_init calls it). */
void exceptions_group_init(VM *vm);

/* A SyntaxError/IndentationError/TabError instance carrying a diagnostic as
 * CPython's attributes (msg, filename, lineno, offset, text, end_lineno,
 * end_offset), so that vm_print_exception shows it as CPython does.
 * `line_text` is the source line (may be NULL). */
ObjException *exception_from_diagnostic(VM *vm, const Diagnostic *diag, const char *filename,
                                        const char *line_text, size_t line_length);

#endif
