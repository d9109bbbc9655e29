/* mod_time.c — the `time` module: perf_counter, monotonic, time, sleep (and
 * their _ns forms, strftime, ctime), all through the VM's clock hooks so that
 * the asyncio loop can substitute its own clock; plus the default clocks. */
#include "mod_time.h"

#include <errno.h>
#include <math.h>
#include <time.h>

#include "builtins.h"
#include "vm_internal.h"

/* Nanoseconds in _PyTime_t (int64) bound how long a sleep may be, as in CPython. */
#define MAX_SLEEP_SECONDS (INT64_MAX / 1000000000)

/* ----------------------------------------------------------- default clocks */

static double clock_seconds(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

static double default_now(void *data) {
    UNUSED(data);
    return clock_seconds(CLOCK_MONOTONIC);
}

static double default_wall(void *data) {
    UNUSED(data);
    return clock_seconds(CLOCK_REALTIME);
}

/* Sleeps the whole time unless a signal handler set vm->interrupted (Ctrl-C):
 * other signals only resume the sleep for what remains. */
static void default_sleep(void *data, double seconds) {
    VM *vm = data;
    struct timespec request, remaining;
    request.tv_sec = (time_t)seconds;
    request.tv_nsec = (long)((seconds - (double)request.tv_sec) * 1e9);
    if (request.tv_nsec >= 1000000000L) request.tv_sec++, request.tv_nsec -= 1000000000L;
    while (nanosleep(&request, &remaining) != 0 && errno == EINTR) {
        if (vm->interrupted) return;
        request = remaining;
    }
}

void time_default_clocks(VM *vm) {
    vm->clock_now = default_now;
    vm->clock_wall = default_wall;
    vm->clock_sleep = default_sleep;
    vm->clock_data = vm;
}

/* ------------------------------------------------------------ the functions */

static bool no_arguments(VM *vm, const char *name, int argc, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0) {
        vm_raise(vm, vm->types.TypeError, "time.%s() takes no keyword arguments", name);
        return false;
    }
    if (argc > 0) {
        vm_raise(vm, vm->types.TypeError, "time.%s() takes no arguments (%d given)", name, argc);
        return false;
    }
    return true;
}

static Value nanoseconds(double seconds) { return INT_VAL((int64_t)llround(seconds * 1e9)); }

static Value time_perf_counter(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!no_arguments(vm, "perf_counter", argc, kwnames)) return EMPTY_VAL;
    return FLOAT_VAL(vm->clock_now(vm->clock_data));
}

static Value time_monotonic(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!no_arguments(vm, "monotonic", argc, kwnames)) return EMPTY_VAL;
    return FLOAT_VAL(vm->clock_now(vm->clock_data));
}

static Value time_time(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!no_arguments(vm, "time", argc, kwnames)) return EMPTY_VAL;
    return FLOAT_VAL(vm->clock_wall(vm->clock_data));
}

static Value time_perf_counter_ns(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!no_arguments(vm, "perf_counter_ns", argc, kwnames)) return EMPTY_VAL;
    return nanoseconds(vm->clock_now(vm->clock_data));
}

static Value time_monotonic_ns(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!no_arguments(vm, "monotonic_ns", argc, kwnames)) return EMPTY_VAL;
    return nanoseconds(vm->clock_now(vm->clock_data));
}

static Value time_time_ns(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!no_arguments(vm, "time_ns", argc, kwnames)) return EMPTY_VAL;
    return nanoseconds(vm->clock_wall(vm->clock_data));
}

/* The seconds of time.sleep(secs), checked as CPython checks them. */
static bool sleep_seconds(VM *vm, Value secs, double *out) {
    if (IS_FLOAT(secs)) {
        double seconds = AS_FLOAT(secs);
        if (isnan(seconds)) {
            vm_raise(vm, vm->types.ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        if (seconds < 0) {
            vm_raise(vm, vm->types.ValueError, "sleep length must be non-negative");
            return false;
        }
        if (seconds > (double)MAX_SLEEP_SECONDS) {
            vm_raise(vm, vm->types.OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        *out = seconds;
        return true;
    }
    if (IS_INT(secs) || IS_BOOL(secs) || IS_BIGINT(secs)) {
        int64_t seconds = IS_BOOL(secs) ? AS_BOOL(secs) : IS_INT(secs) ? AS_INT(secs) : INT64_MAX;
        bool negative = IS_BIGINT(secs) && mpz_sgn(AS_BIGINT(secs)->value) < 0;
        if (seconds < 0 || negative) {
            vm_raise(vm, vm->types.ValueError, "sleep length must be non-negative");
            return false;
        }
        if (seconds > MAX_SLEEP_SECONDS) {
            vm_raise(vm, vm->types.OverflowError, "timestamp too large to convert to C _PyTime_t");
            return false;
        }
        *out = (double)seconds;
        return true;
    }
    vm_raise(vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
             vm_type_name(vm, secs));
    return false;
}

static Value time_sleep(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (vm_kwcount(kwnames) > 0)
        return vm_raise(vm, vm->types.TypeError, "time.sleep() takes no keyword arguments");
    if (argc != 1)
        return vm_raise(vm, vm->types.TypeError,
                        "time.sleep() takes exactly one argument (%d given)", argc);
    double seconds;
    if (!sleep_seconds(vm, args[0], &seconds)) return EMPTY_VAL;
    fflush(stdout); /* a program that prints, then sleeps, shows its line first */
    vm->clock_sleep(vm->clock_data, seconds);
    if (vm->interrupted) { /* Ctrl-C ended the sleep: raise here, as CPython */
        vm->interrupted = 0;
        return vm_raise_empty(vm, vm->types.KeyboardInterrupt);
    }
    return NONE_VAL;
}

/* strftime(format): the local time now, formatted by the C library. */
static Value time_strftime(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "strftime", argc, kwnames, 1, 1)) return EMPTY_VAL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, vm->types.TypeError, "strftime() argument 1 must be str, not %s",
                        vm_type_name(vm, args[0]));
    time_t now = (time_t)vm->clock_wall(vm->clock_data);
    struct tm local;
    localtime_r(&now, &local);
    ObjStr *format = AS_STR(args[0]);
    if (format->length == 0) return args[0];
    for (size_t capacity = 256;; capacity *= 2) {
        char *text = malloc(capacity);
        if (text == NULL) return vm_raise_empty(vm, vm->types.MemoryError);
        size_t length = strftime(text, capacity, format->chars, &local);
        /* 0 is ambiguous (too small, or an empty result): give up past a generous size. */
        if (length > 0 || capacity > 256 * (size_t)format->length) {
            Value result = utf8_valid(text, length) ? OBJ_VAL(str_new(vm, text, length))
                                                    : OBJ_VAL(str_new(vm, "", 0));
            free(text);
            return result;
        }
        free(text);
    }
}

/* ctime(): "Sat Nov 22 02:34:00 2025" for now. */
static Value time_ctime(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(args);
    if (!vm_check_args(vm, "ctime", argc, kwnames, 0, 0)) return EMPTY_VAL;
    time_t now = (time_t)vm->clock_wall(vm->clock_data);
    struct tm local;
    char text[64];
    localtime_r(&now, &local);
    size_t length = strftime(text, sizeof text, "%a %b %e %H:%M:%S %Y", &local);
    return OBJ_VAL(str_new(vm, text, length));
}

void time_module_init(VM *vm, ObjModule *module) {
    struct {
        const char *name;
        NativeFn fn;
    } functions[] = {
        {"perf_counter", time_perf_counter}, {"perf_counter_ns", time_perf_counter_ns},
        {"monotonic", time_monotonic},       {"monotonic_ns", time_monotonic_ns},
        {"time", time_time},                 {"time_ns", time_time_ns},
        {"sleep", time_sleep},               {"strftime", time_strftime},
        {"ctime", time_ctime},
    };
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        vm_define_native(vm, module->dict, functions[i].name, functions[i].fn, NULL);
}
