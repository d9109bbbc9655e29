/* traceback.c — vm_print_exception: CPython 3.11's report of an uncaught
 * exception on stderr: chained exceptions first, "Traceback (most recent call
 * last):", each entry with its source line (runs of identical lines collapsed),
 * SyntaxError's caret, exception groups drawn in boxes, notes, and the
 * "Did you mean: ...?" suggestions of NameError and AttributeError. */
#include "builtins_internal.h"
#include "containers.h"
#include "exceptions.h"

#define RECURSIVE_CUTOFF 3    /* identical lines shown before "[Previous line repeated" */
#define TRACEBACK_LIMIT 1000  /* sys.tracebacklimit's default */
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

static const char cause_message[] =
    "The above exception was the direct cause of the following exception:\n";
static const char context_message[] =
    "During handling of the above exception, another exception occurred:\n";

/* The state of one report, as CPython's exception_print_context. */
typedef struct {
    VM *vm;
    StrBuf out;          /* written to stderr before any call back into Python */
    int group_depth;     /* nesting of exception groups being drawn */
    bool need_close;     /* the innermost group box still needs its bottom line */
    Obj **seen;          /* exceptions already shown: chains may loop */
    int seen_count, seen_capacity;
} Printer;

static void emit(Printer *p, const char *text) { strbuf_append_cstr(&p->out, text); }

static void flush_output(Printer *p) {
    if (p->out.length > 0) vm_write(p->vm, 2, p->out.data, p->out.length);
    p->out.length = 0;
}

static void emit_indent(Printer *p, int count) {
    for (int i = 0; i < count; i++) strbuf_append_char(&p->out, ' ');
}

/* The left margin inside exception groups: "    | ". */
static void emit_margin(Printer *p) {
    emit_indent(p, 2 * p->group_depth);
    if (p->group_depth > 0) emit(p, "| ");
}

static bool was_seen(Printer *p, Obj *exc) {
    for (int i = 0; i < p->seen_count; i++)
        if (p->seen[i] == exc) return true;
    return false;
}

static void mark_seen(Printer *p, Obj *exc) {
    if (p->seen_count == p->seen_capacity) {
        p->seen_capacity = GROW_CAPACITY(p->seen_capacity);
        Obj **grown = realloc(p->seen, sizeof(Obj *) * (size_t)p->seen_capacity);
        if (grown == NULL) return; /* only loses cycle detection for the rest */
        p->seen = grown;
    }
    p->seen[p->seen_count++] = exc;
}

/* ------------------------------------------------------------ the entries */

static bool same_str(const ObjStr *a, const ObjStr *b) {
    if (a == NULL || b == NULL) return a == b;
    return str_equal(a, b);
}

/* The source line, stripped of surrounding whitespace, under its entry. */
static void emit_source_line(Printer *p, ObjStr *filename, int line) {
    size_t length = 0;
    const char *text = filename != NULL ? vm_source_line(p->vm, filename->chars, line, &length)
                                        : NULL;
    if (text == NULL) return;
    while (length > 0 && (*text == ' ' || *text == '\t' || *text == '\f')) text++, length--;
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r' ||
                          text[length - 1] == ' ' || text[length - 1] == '\t'))
        length--;
    if (length == 0) return;
    emit_margin(p);
    emit(p, "    ");
    strbuf_append(&p->out, text, length);
    emit(p, "\n");
}

static void emit_repeated(Printer *p, int count) {
    count -= RECURSIVE_CUTOFF;
    /* No margin, as CPython 3.11 (inside a group box too). */
    strbuf_appendf(&p->out, "  [Previous line repeated %d more time%s]\n", count,
                   count > 1 ? "s" : "");
}

static void print_entries(Printer *p, ObjException *exc) {
    if (exc->traceback_count == 0) return;
    bool group = exception_is_group(p->vm, exc);
    emit_indent(p, 2 * p->group_depth);
    if (group && p->group_depth == 1) emit(p, "+ ");
    else if (p->group_depth > 0) emit(p, "| ");
    emit(p, group ? "Exception Group Traceback (most recent call last):\n"
                  : "Traceback (most recent call last):\n");
    /* Stored innermost first; shown outermost first, the outermost beyond the limit cut. */
    int first = exc->traceback_count - 1;
    if (exc->traceback_count > TRACEBACK_LIMIT) first = TRACEBACK_LIMIT - 1;
    ObjStr *last_file = NULL, *last_name = NULL;
    int last_line = -1, count = 0;
    for (int i = first; i >= 0; i--) {
        TracebackEntry *entry = &exc->traceback[i];
        ObjStr *file = entry->code->filename, *name = entry->code->name;
        if (count == 0 || !same_str(file, last_file) || entry->line != last_line ||
            !same_str(name, last_name)) {
            if (count > RECURSIVE_CUTOFF) emit_repeated(p, count);
            last_file = file, last_line = entry->line, last_name = name;
            count = 0;
        }
        if (++count > RECURSIVE_CUTOFF) continue;
        emit_margin(p);
        strbuf_appendf(&p->out, "  File \"%s\", line %d, in %s\n",
                       file != NULL ? file->chars : "<unknown>", entry->line,
                       name != NULL ? name->chars : "<unknown>");
        emit_source_line(p, file, entry->line);
    }
    if (count > RECURSIVE_CUTOFF) emit_repeated(p, count);
}

/* ------------------------------------------------------- SyntaxError lines */

static Value exc_attr(VM *vm, ObjException *exc, const char *name) {
    Value v = exception_getattr(vm, exc, str_intern_cstr(vm, name));
    return IS_EMPTY(v) ? NONE_VAL : v;
}

/* The offending line and its caret(s), as CPython's print_error_text. */
static void emit_error_text(Printer *p, int64_t offset, int64_t end_offset, ObjStr *text_obj) {
    int64_t carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char *text = text_obj->chars;
    offset--; /* 1-based to 0-based */
    while (*text == ' ' || *text == '\t' || *text == '\f') text++, offset--;
    int64_t length = (int64_t)strlen(text);
    if (length > 0 && text[length - 1] == '\n') length--;
    if (offset > length) offset = length;
    for (;;) { /* skip past newlines embedded in the text */
        const char *newline = strchr(text, '\n');
        if (newline == NULL || newline - text >= offset) break;
        int64_t skip = newline - text + 1;
        text += skip, length -= skip, offset -= skip;
    }
    emit_margin(p);
    emit(p, "    ");
    emit(p, text);
    if (text[length] != '\n') emit(p, "\n");
    if (offset < 0) return;
    emit_margin(p);
    emit(p, "    ");
    emit_indent(p, (int)offset);
    for (int64_t i = 0; i < carets; i++) strbuf_append_char(&p->out, '^');
    emit(p, "\n");
}

/* For a SyntaxError with a line number: `  File "x.py", line 3`, the line and
 * the caret; returns what the message line shows instead of str(exc) (its msg). */
static Value print_file_and_line(Printer *p, ObjException *exc, Value shown) {
    VM *vm = p->vm;
    if (!class_is_subclass(exc->cls, vm->types.SyntaxError)) return shown;
    Value lineno = exc_attr(vm, exc, "lineno");
    if (!IS_INT(lineno)) return shown;
    Value filename = exc_attr(vm, exc, "filename");
    Value offset = exc_attr(vm, exc, "offset");
    Value text = exc_attr(vm, exc, "text");
    int64_t line = AS_INT(lineno), end_line = line, end_offset = -1;
    if (exc->cls == vm->types.SyntaxError) {
        Value v = exc_attr(vm, exc, "end_lineno");
        if (IS_INT(v)) end_line = AS_INT(v);
        v = exc_attr(vm, exc, "end_offset");
        if (IS_INT(v)) end_offset = AS_INT(v);
    }
    emit_margin(p);
    strbuf_appendf(&p->out, "  File \"%s\", line %lld\n",
                   IS_STR(filename) ? AS_STR(filename)->chars : "<string>", (long long)line);
    if (IS_STR(text)) {
        int64_t size = AS_STR(text)->length;
        if (end_line > line) end_offset = size;
        if (end_offset > size + 1) end_offset = size + 1;
        emit_error_text(p, IS_INT(offset) ? AS_INT(offset) : -1, end_offset, AS_STR(text));
    }
    return exc_attr(vm, exc, "msg");
}

/* ------------------------------------------------------------ suggestions */

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static int substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

/* CPython's Levenshtein distance with case-flip discounts, cut off at max_cost. */
static size_t levenshtein_distance(const char *a, size_t a_size, const char *b, size_t b_size,
                                   size_t max_cost) {
    size_t buffer[MAX_STRING_SIZE];
    while (a_size > 0 && b_size > 0 && a[0] == b[0]) a++, b++, a_size--, b_size--;
    while (a_size > 0 && b_size > 0 && a[a_size - 1] == b[b_size - 1]) a_size--, b_size--;
    if (a_size == 0 || b_size == 0) return (a_size + b_size) * MOVE_COST;
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE) return max_cost + 1;
    if (b_size < a_size) { /* the shorter one indexes the buffer */
        const char *t = a;
        a = b, b = t;
        size_t t_size = a_size;
        a_size = b_size, b_size = t_size;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost) return max_cost + 1;
    for (size_t i = 0; i < a_size; i++) buffer[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t b_index = 0; b_index < b_size; b_index++) {
        char code = b[b_index];
        size_t distance = result = b_index * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a_size; index++) {
            size_t substitute = distance + (size_t)substitution_cost(code, a[index]);
            distance = buffer[index];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[index] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* The search for the candidate closest to `name` (calculate_suggestions). */
typedef struct {
    ObjStr *name;
    ObjStr *best;          /* NULL until one is close enough */
    size_t best_distance;
} Suggestion;

static void consider(Suggestion *s, Value candidate) {
    if (!IS_STR(candidate)) return;
    ObjStr *item = AS_STR(candidate);
    if (str_equal(item, s->name)) return;
    /* No more than a third of the characters may change, and it must beat the best. */
    size_t max_distance = ((size_t)s->name->length + (size_t)item->length + 3) * MOVE_COST / 6;
    if (s->best != NULL && s->best_distance - 1 < max_distance) max_distance = s->best_distance - 1;
    size_t distance = levenshtein_distance(s->name->chars, (size_t)s->name->length, item->chars,
                                           (size_t)item->length, max_distance);
    if (distance > max_distance) return;
    if (s->best == NULL || distance < s->best_distance) s->best = item, s->best_distance = distance;
}

static ObjStr *closest_in_dict(ObjStr *name, ObjDict *dict) {
    Suggestion s = {name, NULL, 0};
    if (dict == NULL || dict->count >= MAX_CANDIDATE_ITEMS) return NULL;
    for (int64_t i = 0; i < dict->used; i++) consider(&s, dict->entries[i].key);
    return s.best;
}

/* The name a NameError is about: its `name` attribute, else read from the
 * message "name 'x' is not defined" that the VM raises. */
static ObjStr *name_error_name(VM *vm, ObjException *exc) {
    Value name = exc_attr(vm, exc, "name");
    if (IS_STR(name)) return AS_STR(name);
    if (exc->args->count != 1 || !IS_STR(exc->args->items[0])) return NULL;
    ObjStr *message = AS_STR(exc->args->items[0]);
    static const char prefix[] = "name '", suffix[] = "' is not defined";
    size_t prefix_length = sizeof prefix - 1, suffix_length = sizeof suffix - 1;
    size_t length = (size_t)message->length;
    if (length <= prefix_length + suffix_length ||
        memcmp(message->chars, prefix, prefix_length) != 0 ||
        memcmp(message->chars + length - suffix_length, suffix, suffix_length) != 0)
        return NULL;
    return str_new(vm, message->chars + prefix_length, length - prefix_length - suffix_length);
}

/* CPython 3.11's _Py_Offer_Suggestions: only for exactly NameError (the
 * innermost frame's locals, then globals, then builtins) and AttributeError
 * (dir(obj), which needs the `obj` and `name` attributes). */
static ObjStr *offer_suggestion(Printer *p, ObjException *exc) {
    VM *vm = p->vm;
    if (exc->cls == vm->types.NameError) {
        ObjStr *name = name_error_name(vm, exc);
        if (name == NULL || exc->traceback_count == 0) return NULL;
        ObjCode *code = exc->traceback[0].code;
        Suggestion s = {name, NULL, 0};
        if (code->localnames != NULL && code->nlocals < MAX_CANDIDATE_ITEMS)
            for (int i = 0; i < code->nlocals; i++) consider(&s, OBJ_VAL(code->localnames[i]));
        if (s.best != NULL) return s.best;
        /* handoff's programs are one module: its globals are __main__'s. */
        ObjStr *found = closest_in_dict(name, vm->main_globals);
        return found != NULL ? found : closest_in_dict(name, vm->builtins);
    }
    if (exc->cls == vm->types.AttributeError) {
        /* `obj` must have been given (AttributeError(name=, obj=) or by the VM). */
        Value name = exc_attr(vm, exc, "name");
        Value obj = exc->dict != NULL ? dict_get_str(exc->dict, str_intern_cstr(vm, "obj"))
                                      : EMPTY_VAL;
        if (!IS_STR(name) || IS_EMPTY(obj)) return NULL;
        flush_output(p);
        Value names = builtins_dir(vm, obj);
        Suggestion s = {AS_STR(name), NULL, 0};
        if (IS_EMPTY(names)) {
            vm_take_exception(vm);
        } else if (AS_LIST(names)->count < MAX_CANDIDATE_ITEMS) {
            for (int64_t i = 0; i < AS_LIST(names)->count; i++) consider(&s, AS_LIST(names)->items[i]);
        }
        return s.best;
    }
    return NULL;
}

/* -------------------------------------------------------- the message line */

/* "module." for classes of modules other than builtins and __main__. */
static void emit_class_name(Printer *p, ObjClass *cls) {
    VM *vm = p->vm;
    Value module = vm->s_module != NULL ? dict_get_str(cls->dict, vm->s_module) : EMPTY_VAL;
    if (IS_STR(module) && strcmp(AS_STR(module)->chars, "builtins") != 0 &&
        strcmp(AS_STR(module)->chars, "__main__") != 0) {
        emit(p, AS_STR(module)->chars);
        emit(p, ".");
    }
    Value qualname = vm->s_qualname != NULL ? dict_get_str(cls->dict, vm->s_qualname) : EMPTY_VAL;
    emit(p, IS_STR(qualname) ? AS_STR(qualname)->chars : cls->name->chars);
}

/* "ValueError: boom", or "ValueError" when str(e) is empty; `shown` is the
 * exception itself, or a SyntaxError's msg. */
static void print_message(Printer *p, ObjException *exc, Value shown) {
    VM *vm = p->vm;
    emit_margin(p);
    emit_class_name(p, exc->cls);
    if (!IS_NONE(shown)) {
        flush_output(p);
        Value text = vm_str(vm, shown);
        if (IS_EMPTY(text)) {
            vm_take_exception(vm);
            emit(p, ": <exception str() failed>");
        } else if (AS_STR(text)->length > 0) {
            emit(p, ": ");
            strbuf_append(&p->out, AS_STR(text)->chars, (size_t)AS_STR(text)->length);
        }
    }
    ObjStr *suggestion = offer_suggestion(p, exc);
    if (suggestion != NULL) strbuf_appendf(&p->out, ". Did you mean: '%s'?", suggestion->chars);
    emit(p, "\n");
}

/* Each note of e.__notes__, every line behind the margin. */
static void print_notes(Printer *p, ObjException *exc) {
    VM *vm = p->vm;
    Value notes = exc->dict != NULL ? dict_get_str(exc->dict, str_intern_cstr(vm, "__notes__"))
                                    : EMPTY_VAL;
    if (IS_EMPTY(notes)) return;
    if (!IS_LIST(notes) && !IS_TUPLE(notes)) {
        emit_margin(p);
        flush_output(p);
        Value text = vm_repr(vm, notes);
        if (IS_EMPTY(text)) vm_take_exception(vm), emit(p, "<__notes__ repr() failed>");
        else emit(p, AS_STR(text)->chars);
        emit(p, "\n");
        return;
    }
    for (int64_t i = 0;; i++) {
        /* Re-read each time: str() of a note may run Python code. */
        int64_t count = IS_LIST(notes) ? AS_LIST(notes)->count : AS_TUPLE(notes)->count;
        if (i >= count) break;
        Value note = IS_LIST(notes) ? AS_LIST(notes)->items[i] : AS_TUPLE(notes)->items[i];
        flush_output(p);
        Value text = vm_str(vm, note);
        if (IS_EMPTY(text)) {
            vm_take_exception(vm);
            emit(p, "<note str() failed>");
        } else {
            const char *line = AS_STR(text)->chars, *end = line + AS_STR(text)->length;
            while (line < end) {
                const char *newline = memchr(line, '\n', (size_t)(end - line));
                const char *stop = newline != NULL ? newline + 1 : end;
                emit_margin(p);
                strbuf_append(&p->out, line, (size_t)(stop - line));
                line = stop;
            }
        }
        emit(p, "\n");
    }
}

/* ------------------------------------------------------- one whole report */

static void print_recursive(Printer *p, Value value);

static void print_single(Printer *p, Value value) {
    if (!IS_EXCEPTION(value)) {
        emit(p, "TypeError: print_exception(): Exception expected for value, ");
        emit(p, vm_type_name(p->vm, value));
        emit(p, " found\n");
        return;
    }
    ObjException *exc = AS_EXCEPTION(value);
    print_entries(p, exc);
    Value shown = print_file_and_line(p, exc, value);
    print_message(p, exc, shown);
    print_notes(p, exc);
}

/* A group, then each member in its box (CPython's print_exception_group). */
static void print_group(Printer *p, ObjException *exc) {
    if (p->group_depth > MAX_GROUP_DEPTH) {
        emit_margin(p);
        strbuf_appendf(&p->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (p->group_depth == 0) p->group_depth++;
    print_single(p, OBJ_VAL(exc));
    ObjTuple *members = exception_group_members(exc);
    int64_t total = members != NULL ? members->count : 0;
    int64_t shown = total <= MAX_GROUP_WIDTH ? total : MAX_GROUP_WIDTH + 1;
    p->need_close = false;
    for (int64_t i = 0; i < shown; i++) {
        bool last = i == shown - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last) p->need_close = true; /* the closing line may come from a nested call */
        emit_indent(p, 2 * p->group_depth);
        if (truncated) strbuf_appendf(&p->out, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        else strbuf_appendf(&p->out, "%s+---------------- %lld ----------------\n",
                            i == 0 ? "+-" : "  ", (long long)(i + 1));
        p->group_depth++;
        if (!truncated) {
            print_recursive(p, members->items[i]);
        } else {
            int64_t remaining = total - MAX_GROUP_WIDTH;
            emit_margin(p);
            strbuf_appendf(&p->out, "and %lld more exception%s\n", (long long)remaining,
                           remaining > 1 ? "s" : "");
        }
        if (last && p->need_close) {
            emit_indent(p, 2 * p->group_depth);
            emit(p, "+------------------------------------\n");
            p->need_close = false;
        }
        p->group_depth--;
    }
    if (p->group_depth == 1) p->group_depth--;
}

/* One exception of a chain and the sentence that links the older one before it. */
typedef struct {
    Value exc;
    const char *link;  /* shown after the older exception, or NULL */
} ChainLink;

/* Collects value, its cause or context, theirs, ... (stopping at one already
 * shown); returns the count. *chain is `small` or a malloc'ed array. */
static int collect_chain(Printer *p, Value value, ChainLink *small, int small_capacity,
                         ChainLink **chain) {
    int count = 0, capacity = small_capacity;
    *chain = small;
    for (Value current = value;;) {
        if (count == capacity) {
            ChainLink *grown = malloc(sizeof(ChainLink) * (size_t)capacity * 2);
            if (grown == NULL) break;
            memcpy(grown, *chain, sizeof(ChainLink) * (size_t)count);
            if (*chain != small) free(*chain);
            *chain = grown, capacity *= 2;
        }
        (*chain)[count++] = (ChainLink){current, NULL};
        if (IS_OBJ(current)) mark_seen(p, AS_OBJ(current));
        if (!IS_EXCEPTION(current)) break;
        ObjException *exc = AS_EXCEPTION(current);
        Value next;
        const char *link;
        if (!IS_NONE(exc->cause)) {
            next = exc->cause, link = cause_message;
        } else if (!IS_NONE(exc->context) && !exc->suppress_context) {
            next = exc->context, link = context_message;
        } else {
            break;
        }
        if (!IS_OBJ(next) || was_seen(p, AS_OBJ(next))) break;
        (*chain)[count - 1].link = link;
        current = next;
    }
    return count;
}

/* The exception after its chain: causes and contexts first, oldest first,
 * each followed by the sentence that links it to the next. */
static void print_recursive(Printer *p, Value value) {
    ChainLink small[16], *chain;
    int count = collect_chain(p, value, small, 16, &chain);
    bool need_close = p->need_close;
    for (int i = count - 1; i >= 0; i--) {
        p->need_close = need_close;
        Value exc = chain[i].exc;
        if (IS_EXCEPTION(exc) && exception_is_group(p->vm, AS_EXCEPTION(exc)))
            print_group(p, AS_EXCEPTION(exc));
        else
            print_single(p, exc);
        if (i > 0) {
            emit_margin(p);
            emit(p, "\n");
            emit_margin(p);
            emit(p, chain[i - 1].link);
            emit_margin(p);
            emit(p, "\n");
        }
    }
    if (chain != small) free(chain);
}

void vm_print_exception(VM *vm, Value exc) {
    vm->exception = EMPTY_VAL;
    vm_push_root(vm, exc);
    fflush(stdout); /* the program's output first, as CPython */
    Printer printer = {.vm = vm};
    strbuf_init(&printer.out);
    print_recursive(&printer, exc);
    flush_output(&printer);
    strbuf_free(&printer.out);
    free(printer.seen);
    vm_pop_roots(vm, 1);
    vm->exception = EMPTY_VAL;
}
