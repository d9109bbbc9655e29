/* mod_os.c — the `os` module, reduced on purpose to getpid: programs run by
 * handoff get no file system or process access. Any other name is an
 * AttributeError that says so, through the module's __getattr__ (PEP 562).
 * (os.urandom needs bytes, which handoff does not have.) */
#include "mod_os.h"

#include <unistd.h>

#include "vm_internal.h"

static Value os_getpid(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "getpid", argc, kwnames, 0, 0)) return EMPTY_VAL;
    return INT_VAL((int64_t)getpid());
}

/* __getattr__(name): every name the module does not have. */
static Value os_getattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__getattr__", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, vm->types.TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[0]));
    return vm_raise(vm, vm->types.AttributeError,
                    "module 'os' has no attribute '%s' (handoff's os module only has getpid: "
                    "programs get no file system or process access)",
                    AS_STR(args[0])->chars);
}

void os_module_init(VM *vm, ObjModule *module) {
    vm_define_native(vm, module->dict, "getpid", os_getpid, NULL);
    vm_define_native(vm, module->dict, "__getattr__", os_getattr, NULL);
}
