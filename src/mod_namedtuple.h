/* mod_namedtuple.h — collections.namedtuple (classes of tuple-like records). */
#ifndef HANDOFF_MOD_NAMEDTUPLE_H
#define HANDOFF_MOD_NAMEDTUPLE_H

#include "vm.h"

/* Defines namedtuple in the collections module's dict. */
void namedtuple_define(VM *vm, ObjModule *module);

#endif
