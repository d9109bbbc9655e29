/* str_methods.h — what the str method files (str_methods.c, str_case.c,
 * str_format.c) share: argument checks worded as CPython's str methods and
 * the registration of the methods each file defines. */
#ifndef HANDOFF_STR_METHODS_H
#define HANDOFF_STR_METHODS_H

#include "vm.h"

/* "find() takes at least 1 argument (0 given)"; argc counts self. */
bool str_args_varargs(VM *vm, const char *name, int argc, ObjTuple *kwnames, int min, int max);
/* TypeError "<what>must be str, not int" unless v is a str. */
bool str_want(VM *vm, Value v, const char *what);
/* Registers the case, predicate and padding methods (str_case.c). */
void str_case_init(VM *vm, ObjClass *cls);
/* fmt.format(*args, **kwargs) with the arguments as a call passes them: the
 * last vm_kwcount(kwnames) of args[0..argc) are the keywords (str_format.c). */
Value str_format_call(VM *vm, ObjStr *fmt, int argc, Value *args, ObjTuple *kwnames);
/* fmt.format_map(mapping) (str_format.c). */
Value str_format_map(VM *vm, ObjStr *fmt, Value mapping);

#endif
