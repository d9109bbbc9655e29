/* vm_setup.c — making and ending a VM: the built-in classes, the builtins
 * module, the table of importable modules, the source text kept for
 * tracebacks, and running a module's code. */
#include <sys/resource.h>
#include <unistd.h>

#include "builtins.h"
#include "containers.h"
#include "memory.h"
#include "mod_collections.h"
#include "mod_functools.h"
#include "mod_itertools.h"
#include "mod_math.h"
#include "mod_os.h"
#include "mod_random.h"
#include "mod_string.h"
#include "mod_sys.h"
#include "mod_time.h"
#include "vm_internal.h"

/* The main fiber starts large enough that ordinary recursion never moves it. */
#define MAIN_STACK_SLOTS (64 * 1024)

static ObjClass *make_class(VM *vm, const char *name, ObjClass *base, ObjType instance_type) {
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, name), base, instance_type);
    cls->is_builtin = true;
    cls->construct = NULL;
    return cls;
}

static Value class_not_constructible(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    UNUSED(argc);
    UNUSED(kwnames);
    return vm_raise(vm, vm->types.TypeError, "cannot create '%s' instances", AS_CLASS(args[0])->name->chars);
}

static Value object_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (argc > 1 || vm_kwcount(kwnames) > 0) return vm_raise(vm, vm->types.TypeError, "object() takes no arguments");
    return OBJ_VAL(instance_new(vm, AS_CLASS(args[0])));
}

static void make_core_classes(VM *vm) {
    BuiltinClasses *t = &vm->types;
    t->object = make_class(vm, "object", NULL, OBJ_INSTANCE);
    t->object->construct = object_construct;
    t->type = make_class(vm, "type", t->object, OBJ_CLASS);
    t->none = make_class(vm, "NoneType", t->object, OBJ_INSTANCE);
    t->int_ = make_class(vm, "int", t->object, OBJ_BIGINT);
    t->bool_ = make_class(vm, "bool", t->int_, OBJ_BIGINT);
    t->float_ = make_class(vm, "float", t->object, OBJ_INSTANCE);
    t->str = make_class(vm, "str", t->object, OBJ_STR);
    t->list = make_class(vm, "list", t->object, OBJ_LIST);
    t->tuple = make_class(vm, "tuple", t->object, OBJ_TUPLE);
    t->dict = make_class(vm, "dict", t->object, OBJ_DICT);
    t->set = make_class(vm, "set", t->object, OBJ_SET);
    t->frozenset = make_class(vm, "frozenset", t->object, OBJ_SET);
    t->range = make_class(vm, "range", t->object, OBJ_RANGE);
    t->bytes = make_class(vm, "bytes", t->object, OBJ_BYTES);
    t->slice = make_class(vm, "slice", t->object, OBJ_SLICE);
    t->function = make_class(vm, "function", t->object, OBJ_FUNCTION);
    t->builtin_function = make_class(vm, "builtin_function_or_method", t->object, OBJ_NATIVE);
    t->method = make_class(vm, "method", t->object, OBJ_BOUND_METHOD);
    t->cell = make_class(vm, "cell", t->object, OBJ_CELL);
    t->code = make_class(vm, "code", t->object, OBJ_CODE);
    t->module = make_class(vm, "module", t->object, OBJ_MODULE);
    t->generator = make_class(vm, "generator", t->object, OBJ_GENERATOR);
    t->coroutine = make_class(vm, "coroutine", t->object, OBJ_GENERATOR);
    t->async_generator = make_class(vm, "async_generator", t->object, OBJ_GENERATOR);
    t->ellipsis = make_class(vm, "ellipsis", t->object, OBJ_INSTANCE);
    t->not_implemented = make_class(vm, "NotImplementedType", t->object, OBJ_INSTANCE);
    ObjClass *uncallable[] = {t->none, t->function, t->builtin_function, t->method, t->cell, t->code,
                              t->module, t->generator, t->coroutine, t->async_generator, t->ellipsis,
                              t->not_implemented};
    for (size_t i = 0; i < sizeof uncallable / sizeof uncallable[0]; i++)
        uncallable[i]->construct = class_not_constructible;
    vm->ellipsis = OBJ_VAL(instance_new(vm, t->ellipsis));
    vm->not_implemented = OBJ_VAL(instance_new(vm, t->not_implemented));

    int_init_class(vm, t->int_);
    bool_init_class(vm, t->bool_);
    float_init_class(vm, t->float_);
    str_init_class(vm, t->str);
    list_init_class(vm, t->list);
    tuple_init_class(vm, t->tuple);
    dict_init_class(vm, t->dict);
    set_init_class(vm, t->set, false);
    set_init_class(vm, t->frozenset, true);
    range_init_class(vm, t->range);
    bytes_init_class(vm, t->bytes);
    slice_init_class(vm, t->slice);
    gen_init_classes(vm);
}

/* `from __future__ import annotations` is common in tutorials; handoff never
 * evaluates annotations, so the features are accepted and change nothing. */
static void future_module_init(VM *vm, ObjModule *module) {
    const char *features[] = {"annotations", "generator_stop", "division", "print_function",
                              "absolute_import", "with_statement", "nested_scopes", "generators",
                              "unicode_literals"};
    for (size_t i = 0; i < sizeof features / sizeof features[0]; i++)
        vm_define_value(vm, module->dict, features[i], TRUE_VAL);
}

static const char *const dunder_spellings[DUNDER_COUNT] = {
#define DUNDER_SPELLING(name, spelling) spelling,
    DUNDER_LIST(DUNDER_SPELLING)
#undef DUNDER_SPELLING
};

static void intern_names(VM *vm) {
    for (int i = 0; i < DUNDER_COUNT; i++) vm->dunder[i] = str_intern_cstr(vm, dunder_spellings[i]);
    vm->s_init = str_intern_cstr(vm, "__init__");
    vm->s_name = str_intern_cstr(vm, "__name__");
    vm->s_qualname = str_intern_cstr(vm, "__qualname__");
    vm->s_module = str_intern_cstr(vm, "__module__");
    vm->s_main = str_intern_cstr(vm, "__main__");
    vm->s_doc = str_intern_cstr(vm, "__doc__");
    vm->s_enter = str_intern_cstr(vm, "__enter__");
    vm->s_exit = str_intern_cstr(vm, "__exit__");
    vm->s_aenter = str_intern_cstr(vm, "__aenter__");
    vm->s_aexit = str_intern_cstr(vm, "__aexit__");
    vm->s_await = str_intern_cstr(vm, "__await__");
    vm->s_aiter = str_intern_cstr(vm, "__aiter__");
    vm->s_anext = str_intern_cstr(vm, "__anext__");
    vm->s_iter = str_intern_cstr(vm, "__iter__");
    vm->s_next = str_intern_cstr(vm, "__next__");
    vm->s_call = str_intern_cstr(vm, "__call__");
    vm->s_repr = str_intern_cstr(vm, "__repr__");
    vm->s_str = str_intern_cstr(vm, "__str__");
    vm->s_args = str_intern_cstr(vm, "args");
    vm->s_send = str_intern_cstr(vm, "send");
    vm->s_throw = str_intern_cstr(vm, "throw");
    vm->s_close = str_intern_cstr(vm, "close");
    vm->s_dict = str_intern_cstr(vm, "__dict__");
    vm->s_class = str_intern_cstr(vm, "__class__");
}

VM *vm_new(void) {
    VM *vm = calloc(1, sizeof(VM));
    if (vm == NULL) return NULL;
    /* Half of the C stack (at most 4 MiB, counted from here) for recursion over
     * nested data; the rest is headroom for the frames below and above it. */
    char stack_marker;
    vm->c_stack_base = (uintptr_t)&stack_marker;
    struct rlimit stack_limit;
    size_t half = getrlimit(RLIMIT_STACK, &stack_limit) == 0 && stack_limit.rlim_cur != RLIM_INFINITY
                      ? (size_t)stack_limit.rlim_cur / 2
                      : (size_t)8 << 20;
    vm->c_stack_limit = half < ((size_t)4 << 20) ? half : ((size_t)4 << 20);
    vm->exception = EMPTY_VAL;
    vm->ellipsis = NONE_VAL;
    vm->not_implemented = NONE_VAL;
    vm->next_gc = 1024 * 1024;
    vm->recursion_limit = 1000;
    /* By default a program may use half of the machine's memory before MemoryError. */
    long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
    vm->max_memory = pages > 0 && page_size > 0 ? (size_t)pages * (size_t)page_size / 2 : (size_t)4 << 30;
    vm->instruction_budget = -1;
    vm->max_tasks = 1000000;
    const char *stress = getenv("HANDOFF_GC_STRESS");
#ifdef HANDOFF_GC_STRESS
    vm->gc_stress = true;
#else
    vm->gc_stress = stress != NULL && stress[0] != '\0' && stress[0] != '0';
#endif
    /* No collection can run until the dispatch loop does, so setting up needs no rooting. */
    vm->main_fiber = fiber_new(vm, MAIN_STACK_SLOTS);
    vm->fiber = vm->main_fiber;
    vm->interned = dict_new(vm);
    intern_names(vm);
    vm->iterator_classes = dict_new(vm);
    vm->modules = dict_new(vm);
    vm->builtins = dict_new(vm);
    make_core_classes(vm);
    exceptions_init(vm);
    builtins_init(vm);
    vm_define_value(vm, vm->builtins, "Ellipsis", vm->ellipsis);
    vm_define_value(vm, vm->builtins, "NotImplemented", vm->not_implemented);
    vm_define_value(vm, vm->builtins, "__name__", OBJ_VAL(str_intern_cstr(vm, "builtins")));
    time_default_clocks(vm);
    vm_register_module(vm, "time", time_module_init);
    vm_register_module(vm, "random", random_module_init);
    vm_register_module(vm, "math", math_module_init);
    vm_register_module(vm, "sys", sys_module_init);
    vm_register_module(vm, "os", os_module_init);
    vm_register_module(vm, "string", string_module_init);
    vm_register_module(vm, "itertools", itertools_module_init);
    vm_register_module(vm, "functools", functools_module_init);
    vm_register_module(vm, "collections", collections_module_init);
    vm_register_module(vm, "__future__", future_module_init);
    vm_register_module(vm, "dataclasses", dataclasses_module_init);
    vm->main_globals = dict_new(vm);
    dict_set_str(vm, vm->main_globals, vm->s_name, OBJ_VAL(vm->s_main));
    dict_set_str(vm, vm->main_globals, vm->s_doc, NONE_VAL);
    vm->argv = list_new(vm, 0);
    return vm;
}

void vm_free(VM *vm) {
    if (vm == NULL) return;
    gc_free_all(vm);
    fiber_free(vm, vm->main_fiber);
    free(vm->module_table);
    FREE_ARRAY(vm, Value, vm->temp_roots, vm->temp_root_capacity);
    for (SourceFile *source = vm->sources; source != NULL;) {
        SourceFile *next = source->next;
        free(source->filename);
        free(source->text);
        free(source);
        source = next;
    }
    free(vm);
}

void vm_register_module(VM *vm, const char *name, ModuleInitFn init) {
    for (int i = 0; i < vm->module_count; i++) {
        if (strcmp(vm->module_table[i].name, name) == 0) {
            vm->module_table[i].init = init;
            return;
        }
    }
    if (vm->module_count + 1 > vm->module_capacity) {
        vm->module_capacity = GROW_CAPACITY(vm->module_capacity);
        ModuleEntry *grown = realloc(vm->module_table, sizeof(ModuleEntry) * (size_t)vm->module_capacity);
        if (grown == NULL) {
            fprintf(stderr, "handoff: out of memory registering module %s\n", name);
            exit(70);
        }
        vm->module_table = grown;
    }
    vm->module_table[vm->module_count].name = name;
    vm->module_table[vm->module_count].init = init;
    vm->module_count++;
}

void vm_add_root_marker(VM *vm, RootMarker mark, void *data) {
    if (vm->root_marker_count >= (int)(sizeof vm->root_markers / sizeof vm->root_markers[0])) {
        fprintf(stderr, "handoff: too many root markers\n");
        abort();
    }
    vm->root_markers[vm->root_marker_count].mark = mark;
    vm->root_markers[vm->root_marker_count].data = data;
    vm->root_marker_count++;
}

static int compare_module_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* CPython's "No module named 'x'", with e.name set, and a note (printed after
 * the message in tracebacks, never part of str(e)) naming what handoff has. */
static Value module_not_found(VM *vm, ObjStr *name) {
    vm_raise(vm, vm->types.ModuleNotFoundError, "No module named '%s'", name->chars);
    if (!IS_EXCEPTION(vm->exception)) return EMPTY_VAL;
    ObjException *exc = AS_EXCEPTION(vm->exception);
    const char **names = malloc(sizeof(const char *) * (size_t)(vm->module_count + 1));
    if (names == NULL) return EMPTY_VAL;
    int count = 0;
    for (int i = 0; i < vm->module_count; i++)
        if (vm->module_table[i].name[0] != '_') names[count++] = vm->module_table[i].name;
    qsort(names, (size_t)count, sizeof(const char *), compare_module_names);
    StrBuf note;
    strbuf_init(&note);
    strbuf_append_cstr(&note, "handoff provides only these modules: ");
    for (int i = 0; i < count; i++) {
        if (i > 0) strbuf_append_cstr(&note, ", ");
        strbuf_append_cstr(&note, names[i]);
    }
    free(names);
    /* Nothing below collects: the exception is also held by vm->exception. */
    if (exc->dict == NULL) exc->dict = dict_new(vm);
    dict_set_str(vm, exc->dict, str_intern_cstr(vm, "name"), OBJ_VAL(name));
    ObjList *notes = list_new(vm, 1);
    dict_set_str(vm, exc->dict, str_intern_cstr(vm, "__notes__"), OBJ_VAL(notes));
    list_append(vm, notes, OBJ_VAL(strbuf_finish(vm, &note)));
    return EMPTY_VAL;
}

Value vm_import(VM *vm, ObjStr *name) {
    Value module = dict_get_str(vm->modules, name);
    if (!IS_EMPTY(module)) return module;
    for (int i = 0; i < vm->module_count; i++) {
        if (strcmp(vm->module_table[i].name, name->chars) != 0) continue;
        ObjModule *created = module_new(vm, name);
        dict_set_str(vm, vm->modules, name, OBJ_VAL(created));
        vm->module_table[i].init(vm, created);
        return OBJ_VAL(created);
    }
    return module_not_found(vm, name);
}

/* ----------------------------------------------------------- source text */

void vm_remember_source(VM *vm, const char *filename, const char *text, size_t length) {
    for (SourceFile *source = vm->sources; source != NULL; source = source->next) {
        if (strcmp(source->filename, filename) == 0) {
            char *copy = malloc(length + 1);
            if (copy == NULL) return;
            memcpy(copy, text, length);
            copy[length] = '\0';
            free(source->text);
            source->text = copy;
            source->length = length;
            return;
        }
    }
    SourceFile *source = malloc(sizeof(SourceFile));
    char *name = strdup(filename);
    char *copy = malloc(length + 1);
    if (source == NULL || name == NULL || copy == NULL) {
        free(source);
        free(name);
        free(copy);
        return;
    }
    memcpy(copy, text, length);
    copy[length] = '\0';
    source->filename = name;
    source->text = copy;
    source->length = length;
    source->next = vm->sources;
    vm->sources = source;
}

const char *vm_source_line(VM *vm, const char *filename, int line, size_t *length) {
    for (SourceFile *source = vm->sources; source != NULL; source = source->next) {
        if (strcmp(source->filename, filename) != 0) continue;
        const char *p = source->text, *end = source->text + source->length;
        for (int current = 1; current < line && p < end; current++) {
            const char *newline = memchr(p, '\n', (size_t)(end - p));
            if (newline == NULL) return NULL;
            p = newline + 1;
        }
        if (p >= end) return NULL;
        const char *newline = memchr(p, '\n', (size_t)(end - p));
        size_t n = newline != NULL ? (size_t)(newline - p) : (size_t)(end - p);
        if (n > 0 && p[n - 1] == '\r') n--;
        *length = n;
        return p;
    }
    return NULL;
}

/* ------------------------------------------------------------------ running */

Value vm_run_module(VM *vm, ObjCode *code, ObjDict *globals) {
    /* Ctrl-C while the module was compiled: the program stops before its first
     * line (straight-line code may reach no safe point at all). */
    if (vm->interrupted) {
        vm->interrupted = 0;
        return vm_raise_empty(vm, vm->types.KeyboardInterrupt);
    }
    ObjFunction *function = function_new(vm, code, globals);
    return vm_call(vm, OBJ_VAL(function), 0, NULL);
}
