/* mod_os.c — the `os` module, reduced on purpose to urandom and getpid:
 * programs run by handoff get no file system or process access. Any other
 * name is an AttributeError that says so, through the module's __getattr__ (PEP 562). */
#include "mod_os.h"

#include <errno.h>
#include <sys/random.h>
#include <unistd.h>

#include "vm_internal.h"

static Value os_getpid(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "getpid", argc, kwnames, 0, 0)) return EMPTY_VAL;
    return INT_VAL((int64_t)getpid());
}

/* urandom(size): from getrandom(2), which blocks only until the kernel's pool
 * is first initialized (early boot), as CPython's os.urandom. */
static Value os_urandom(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "urandom", argc, kwnames, 1, 1)) return EMPTY_VAL;
    int64_t size;
    if (IS_INT(args[0]) || IS_BOOL(args[0])) {
        size = IS_INT(args[0]) ? AS_INT(args[0]) : AS_BOOL(args[0]);
    } else if (IS_BIGINT(args[0])) {
        return vm_raise(vm, vm->types.OverflowError, "Python int too large to convert to C ssize_t");
    } else {
        return vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                        vm_type_name(vm, args[0]));
    }
    if (size < 0) return vm_raise(vm, vm->types.ValueError, "negative argument not allowed");
    if (!vm_reserve(vm, (size_t)size)) return EMPTY_VAL;
    unsigned char *data = malloc((size_t)size + 1);
    if (data == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
    for (int64_t done = 0; done < size;) {
        ssize_t got = getrandom(data + done, (size_t)(size - done), 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            free(data);
            return vm_raise(vm, vm->types.OSError, "[Errno %d] %s", errno, strerror(errno));
        }
        done += got;
    }
    ObjBytes *result = bytes_new(vm, data, (size_t)size);
    free(data);
    return OBJ_VAL(result);
}

/* __getattr__(name): every name the module does not have. */
static Value os_getattr(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "__getattr__", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, vm->types.TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[0]));
    return vm_raise(vm, vm->types.AttributeError,
                    "module 'os' has no attribute '%s' (handoff's os module only has urandom and getpid: "
                    "programs get no file system or process access)",
                    AS_STR(args[0])->chars);
}

void os_module_init(VM *vm, ObjModule *module) {
    vm_define_native(vm, module->dict, "urandom", os_urandom, NULL);
    vm_define_native(vm, module->dict, "getpid", os_getpid, NULL);
    vm_define_native(vm, module->dict, "__getattr__", os_getattr, NULL);
}
