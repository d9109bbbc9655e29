/* builtins_internal.h — what the files of the builtins module (builtins.c,
 * builtins_more.c, iter.c) and the traceback printer share: dir(), the
 * iterator classes, and small helpers for arguments and user-defined dunders. */
#ifndef HANDOFF_BUILTINS_INTERNAL_H
#define HANDOFF_BUILTINS_INTERNAL_H

#include "builtins.h"

static inline bool builtins_is_integer(Value v) { return IS_INT(v) || IS_BOOL(v) || IS_BIGINT(v); }
static inline bool builtins_is_number(Value v) { return builtins_is_integer(v) || IS_FLOAT(v); }

/* Appends str(v) to buf; false with the exception raised by str(). */
bool builtins_append_str(VM *vm, StrBuf *buf, Value v);

/* dir(obj): the sorted list of its attribute names (EMPTY on exception). */
Value builtins_dir(VM *vm, Value obj);

/* Defines abs, round, divmod, pow, hex, oct, bin, ord, chr, sorted, min, max,
 * sum, any and all in vm->builtins (builtins_more.c). */
void builtins_more_init(VM *vm);

/* Defines the classes enumerate, zip, map, filter and reversed (iter.c), and
 * registers them in vm->iterator_classes so that type(enumerate(x)) is enumerate. */
void iter_init_classes(VM *vm);
/* Gives an iterator class __iter__ (returns self) and __next__. */
void iter_add_protocol_methods(VM *vm, ObjClass *cls);
/* iter(callable, sentinel): a "callable_iterator". */
Value iter_callable_new(VM *vm, Value callable, Value sentinel);

/* Calls the dunder `name` a user-defined class gives `self` (issue 3's classes):
 * 1 called (*out holds the result), 0 the class defines none, -1 exception. */
int builtins_call_dunder(VM *vm, Value self, const char *name, int argc, Value *args, Value *out);

/* Finds keyword argument values by name: names[i]'s value goes to out[i]
 * (EMPTY when absent); an unknown keyword raises CPython's
 * "'x' is an invalid keyword argument for fname()". */
bool builtins_keywords(VM *vm, const char *fname, int argc, Value *args, ObjTuple *kwnames,
                       int nnames, const char *const *names, Value *out);

#endif
