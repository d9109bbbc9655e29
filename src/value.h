/* value.h — the Value every slot, constant and container holds: a small tagged
 * union. Small ints, floats, bools and None live inline; everything else is a
 * pointer to a heap Obj (object.h). An int that fits int64 is ALWAYS VAL_INT;
 * only values outside int64 are ObjBigInt (int.c keeps this invariant). */
#ifndef HANDOFF_VALUE_H
#define HANDOFF_VALUE_H

#include "common.h"

typedef struct Obj Obj;
typedef struct VM VM;

typedef enum {
    /* No value: an unbound local, an empty dict slot, a "not found" answer, and the
     * return of a native that raised (the exception is then in vm->exception). */
    VAL_EMPTY,
    VAL_NONE,
    VAL_BOOL,
    VAL_INT,    /* Python int within int64 (bool is NOT stored here: VAL_BOOL) */
    VAL_FLOAT,
    VAL_OBJ,
} ValueType;

typedef struct {
    ValueType type;
    union {
        bool boolean;
        int64_t integer;
        double number;
        Obj *obj;
    } as;
} Value;

#define EMPTY_VAL ((Value){VAL_EMPTY, {.integer = 0}})
#define NONE_VAL ((Value){VAL_NONE, {.integer = 0}})
#define BOOL_VAL(b) ((Value){VAL_BOOL, {.boolean = (b)}})
#define TRUE_VAL BOOL_VAL(true)
#define FALSE_VAL BOOL_VAL(false)
#define INT_VAL(i) ((Value){VAL_INT, {.integer = (i)}})
#define FLOAT_VAL(d) ((Value){VAL_FLOAT, {.number = (d)}})
#define OBJ_VAL(o) ((Value){VAL_OBJ, {.obj = (Obj *)(o)}})

#define IS_EMPTY(v) ((v).type == VAL_EMPTY)
#define IS_NONE(v) ((v).type == VAL_NONE)
#define IS_BOOL(v) ((v).type == VAL_BOOL)
#define IS_INT(v) ((v).type == VAL_INT)
#define IS_FLOAT(v) ((v).type == VAL_FLOAT)
#define IS_OBJ(v) ((v).type == VAL_OBJ)

#define AS_BOOL(v) ((v).as.boolean)
#define AS_INT(v) ((v).as.integer)
#define AS_FLOAT(v) ((v).as.number)
#define AS_OBJ(v) ((v).as.obj)

/* A growable array of values (code constants, argument building). */
typedef struct {
    Value *items;
    int count, capacity;
} ValueArray;

void value_array_init(ValueArray *array);
void value_array_push(VM *vm, ValueArray *array, Value value);
void value_array_free(VM *vm, ValueArray *array);

#endif
