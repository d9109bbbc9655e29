/* number.h — what the number modules share beyond object.h's public API:
 * int.c (int and bool, and the num_* entry points that dispatch on the
 * operands), float.c (float arithmetic, parsing, round, hash) and numfmt.c
 * (numbers as text: the float engine and the format-spec mini-language). */
#ifndef HANDOFF_NUMBER_H
#define HANDOFF_NUMBER_H

#include "vm.h"

/* CPython 3.11's default sys.get_int_max_str_digits(): converting an int with
 * more decimal digits to or from text is a ValueError (powers of two bases are free). */
#define INT_MAX_STR_DIGITS 4300

/* The largest int handoff builds, in bits (128 MiB). CPython would try and
 * take minutes or exhaust memory; GMP would abort the process. Past this a
 * result raises MemoryError. */
#define INT_MAX_BITS ((uint64_t)1 << 30)

static inline bool num_is_int(Value v) { return IS_INT(v) || IS_BOOL(v) || IS_BIGINT(v); }
static inline bool num_is_number(Value v) { return IS_INT(v) || IS_FLOAT(v) || IS_BOOL(v) || IS_BIGINT(v); }

/* ------------------------------------------------------------------ int.c */

/* float(v) for an int or bool, correctly rounded as CPython's; raises
 * OverflowError "int too large to convert to float". */
bool int_to_double(VM *vm, Value v, double *out);
/* int(d): truncates; OverflowError for infinities, ValueError for nan. */
Value int_from_double(VM *vm, double d);
/* The digits of |v| in base 2, 8, 10 or 16 (lowercase), appended to buf;
 * *negative tells the sign. Base 10 honours INT_MAX_STR_DIGITS (ValueError). */
bool int_digits(VM *vm, Value v, int base, StrBuf *buf, bool *negative);
/* A GMP integer as the nearest double (ties to even); false if it is too large. */
bool int_mpz_to_double(const mpz_t value, double *out);
/* Raises the MemoryError of a result past INT_MAX_BITS; returns EMPTY_VAL. */
Value int_too_large(VM *vm);

/* ---------------------------------------------------------------- float.c */

/* a op b for two floats (ints already converted): the operators that apply
 * to floats, with CPython's errors and special cases; EMPTY (no exception)
 * for the bitwise operators and @. */
Value float_binary_op(VM *vm, int op, double a, double b);
/* CPython's float hash (_Py_HashDouble); nan hashes to 0 (CPython 3.10+
 * hashes nan by identity, which handoff's inline floats cannot). */
uint64_t float_hash(double d);
/* round(x) (an int) and round(x, ndigits) (a float), as CPython's float.__round__. */
Value float_round(VM *vm, double x, int64_t ndigits, bool has_ndigits);
/* Text as int() and float() read it: Unicode decimal digits become ASCII
 * digits and Unicode white space a space, as CPython's
 * _PyUnicode_TransformDecimalAndSpaceToASCII; any other non-ASCII character
 * becomes '?', which no parser accepts. Returns a malloc'ed, NUL-terminated copy. */
char *num_ascii_text(const char *text, size_t length, size_t *out_length);

/* --------------------------------------------------------------- numfmt.c */

/* CPython's PyOS_double_to_string: type 'e', 'f', 'g' (with precision) or
 * 'r' (repr: shortest round-trip, precision ignored); uppercase 'E', 'F',
 * 'G' give "E", "INF", "NAN". Appends the text to buf. */
enum {
    FLOAT_ALWAYS_SIGN = 1 << 0, /* a '+' on non-negative values */
    FLOAT_ADD_DOT_0 = 1 << 1,   /* "1.0", not "1", when the text would look like an int */
    FLOAT_ALT = 1 << 2,         /* '#': keep the point and trailing zeros */
    FLOAT_NO_NEG_0 = 1 << 3,    /* 'z': a negative value that rounds to zero loses its sign */
};
void float_to_string(StrBuf *buf, double d, char type, int precision, int flags);

#endif
