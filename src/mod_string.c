/* mod_string.c — the `string` module: the character-class constants
 * (ascii_letters, digits, punctuation, ...) and capwords, which is
 * (sep or ' ').join(word.capitalize() for word in s.split(sep)) as in CPython. */
#include "mod_string.h"

#include "containers.h"
#include "vm_internal.h"

static Value string_capwords(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"s", "sep"};
    Value given[2];
    if (!vm_parse_args(vm, "capwords", argc, args, kwnames, 2, params, 2, 1, given)) return EMPTY_VAL;
    Value sep = IS_EMPTY(given[1]) ? NONE_VAL : given[1];
    Value words = vm_call_method(vm, given[0], str_intern_cstr(vm, "split"), 1, &sep);
    if (IS_EMPTY(words)) return EMPTY_VAL;
    if (!IS_LIST(words)) return vm_raise(vm, vm->types.TypeError, "split() did not return a list");
    vm_push_root(vm, words);
    ObjList *list = AS_LIST(words);
    ObjStr *capitalize = str_intern_cstr(vm, "capitalize");
    for (int64_t i = 0; i < list->count; i++) {
        Value word = vm_call_method(vm, list->items[i], capitalize, 0, NULL);
        if (IS_EMPTY(word)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        list->items[i] = word;
    }
    int truth = vm_truthy(vm, sep);
    Value joiner = truth > 0 ? sep : OBJ_VAL(str_intern_cstr(vm, " "));
    Value result = truth < 0 ? EMPTY_VAL
                   : IS_STR(joiner) ? str_join(vm, AS_STR(joiner), words)
                                    : vm_call_method(vm, joiner, str_intern_cstr(vm, "join"), 1, &words);
    vm_pop_roots(vm, 1);
    return result;
}

void string_module_init(VM *vm, ObjModule *module) {
    static const char lowercase[] = "abcdefghijklmnopqrstuvwxyz";
    static const char uppercase[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static const char digits[] = "0123456789";
    static const char punctuation[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    static const char whitespace[] = " \t\n\r\x0b\x0c";
    static const struct {
        const char *name, *value;
    } constants[] = {
        {"ascii_lowercase", lowercase},
        {"ascii_uppercase", uppercase},
        {"ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
        {"digits", digits},
        {"hexdigits", "0123456789abcdefABCDEF"},
        {"octdigits", "01234567"},
        {"punctuation", punctuation},
        {"whitespace", whitespace},
        {"printable", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c"},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        vm_define_value(vm, module->dict, constants[i].name, OBJ_VAL(str_from_cstr(vm, constants[i].value)));
    vm_define_native(vm, module->dict, "capwords", string_capwords, NULL);
}
