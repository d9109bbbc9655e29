/* mod_random.c — the `random` module: CPython's Mersenne Twister (MT19937 with
 * init_by_array seeding) and the methods of random.Random, step for step as
 * CPython 3.11's random.py draws from it, so that a seeded program prints the
 * same numbers. The module's functions are bound methods of one hidden Random. */
#include "mod_random.h"

#include <math.h>
#include <sys/random.h>
#include <time.h>

#include "ast.h"
#include "builtins_internal.h"
#include "containers.h"
#include "number.h"
#include "sha512.h"
#include "vm_internal.h"

#define MT_N 624
#define MT_M 397

/* One generator: random.Random() and the module's hidden instance. */
typedef struct {
    ObjNativeData base;
    uint32_t state[MT_N];
    int index;               /* next word of state to temper; MT_N: regenerate first */
    bool has_gauss_next;     /* gauss() computes two values and keeps the second */
    double gauss_next;
} RandomObject;

static const NativeDataType RANDOM_KIND = {"Random", NULL, NULL};

/* ------------------------------------------------------------ the generator */

static void init_genrand(RandomObject *r, uint32_t s) {
    r->state[0] = s;
    for (int i = 1; i < MT_N; i++)
        r->state[i] = 1812433253U * (r->state[i - 1] ^ (r->state[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(RandomObject *r, const uint32_t *key, size_t key_length) {
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > key_length ? MT_N : key_length; k > 0; k--) {
        r->state[i] = (r->state[i] ^ ((r->state[i - 1] ^ (r->state[i - 1] >> 30)) * 1664525U)) + key[j] +
                      (uint32_t)j;
        i++, j++;
        if (i >= MT_N) r->state[0] = r->state[MT_N - 1], i = 1;
        if (j >= key_length) j = 0;
    }
    for (size_t k = MT_N - 1; k > 0; k--) {
        r->state[i] = (r->state[i] ^ ((r->state[i - 1] ^ (r->state[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) r->state[0] = r->state[MT_N - 1], i = 1;
    }
    r->state[0] = 0x80000000U; /* a non-zero initial state, as MT19937's reference code */
}

static uint32_t genrand_uint32(RandomObject *r) {
    static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    if (r->index >= MT_N) {
        int k;
        uint32_t y;
        for (k = 0; k < MT_N - MT_M; k++) {
            y = (r->state[k] & 0x80000000U) | (r->state[k + 1] & 0x7fffffffU);
            r->state[k] = r->state[k + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; k < MT_N - 1; k++) {
            y = (r->state[k] & 0x80000000U) | (r->state[k + 1] & 0x7fffffffU);
            r->state[k] = r->state[k + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (r->state[MT_N - 1] & 0x80000000U) | (r->state[0] & 0x7fffffffU);
        r->state[MT_N - 1] = r->state[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        r->index = 0;
    }
    uint32_t y = r->state[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

/* random(): 53 random bits as a float in [0, 1). */
static double random_double(RandomObject *r) {
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k) for 0 < k <= 64: 32-bit words, least significant first, the
 * last one cut to what remains. */
static uint64_t random_bits64(RandomObject *r, int k) {
    if (k <= 32) return genrand_uint32(r) >> (32 - k);
    uint64_t low = genrand_uint32(r);
    uint64_t high = genrand_uint32(r) >> (64 - k);
    return low | high << 32;
}

/* getrandbits(k) for any k >= 0, into an mpz_init'ed `out`. */
static void random_bits_mpz(RandomObject *r, uint64_t k, mpz_t out) {
    if (k <= 64) {
        uint64_t bits = k == 0 ? 0 : random_bits64(r, (int)k);
        mpz_set_ui(out, (unsigned long)(bits >> 32));
        mpz_mul_2exp(out, out, 32);
        mpz_add_ui(out, out, (unsigned long)(bits & 0xffffffffU));
        return;
    }
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *array = malloc(words * sizeof(uint32_t));
    if (array == NULL) {
        mpz_set_ui(out, 0);
        return;
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t word = genrand_uint32(r);
        if (k < 32) word >>= 32 - k;
        array[i] = word;
    }
    mpz_import(out, words, -1, sizeof(uint32_t), 0, 0, array);
    free(array);
}

/* _randbelow(n) for 0 < n < 2**64: getrandbits(n.bit_length()) until below n. */
static uint64_t randbelow64(RandomObject *r, uint64_t n) {
    int k = 64 - __builtin_clzll(n);
    uint64_t value;
    do value = random_bits64(r, k);
    while (value >= n);
    return value;
}

/* _randbelow(n) for any n > 0, into an mpz_init'ed `out`. */
static void randbelow_mpz(RandomObject *r, const mpz_t n, mpz_t out) {
    if (mpz_sizeinbase(n, 2) <= 64 && mpz_fits_ulong_p(n)) {
        uint64_t value = randbelow64(r, (uint64_t)mpz_get_ui(n));
        mpz_set_ui(out, (unsigned long)value);
        return;
    }
    uint64_t k = mpz_sizeinbase(n, 2);
    do random_bits_mpz(r, k, out);
    while (mpz_cmp(out, n) >= 0);
}

/* ------------------------------------------------------------------ seeding */

/* seed(n) for an int: init_by_array over the 32-bit words of |n|, least significant first. */
static void seed_from_mpz(RandomObject *r, const mpz_t n) {
    mpz_t magnitude;
    mpz_init(magnitude);
    mpz_abs(magnitude, n);
    size_t words = mpz_sgn(magnitude) == 0 ? 1 : (mpz_sizeinbase(magnitude, 2) + 31) / 32;
    uint32_t *key = calloc(words, sizeof(uint32_t));
    if (key != NULL) {
        size_t written = 0;
        mpz_export(key, &written, -1, sizeof(uint32_t), 0, 0, magnitude);
        init_by_array(r, key, words);
        free(key);
    }
    mpz_clear(magnitude);
    r->has_gauss_next = false;
}

/* seed() with no value: 624 words from the operating system, as CPython. */
static void seed_from_os(RandomObject *r) {
    uint32_t key[MT_N];
    size_t filled = 0;
    while (filled < sizeof key) {
        ssize_t got = getrandom((char *)key + filled, sizeof key - filled, 0);
        if (got <= 0) break;
        filled += (size_t)got;
    }
    if (filled < sizeof key) { /* no entropy source: the time and the address space */
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        key[0] = (uint32_t)now.tv_nsec ^ (uint32_t)(uintptr_t)r;
        key[1] = (uint32_t)now.tv_sec;
        init_by_array(r, key, 2);
    } else {
        init_by_array(r, key, MT_N);
    }
    r->has_gauss_next = false;
}

static void random_seed_u64(RandomObject *r, uint64_t seed) {
    mpz_t n;
    mpz_init(n);
    mpz_set_ui(n, (unsigned long)(seed >> 32));
    mpz_mul_2exp(n, n, 32);
    mpz_add_ui(n, n, (unsigned long)(seed & 0xffffffffU));
    seed_from_mpz(r, n);
    mpz_clear(n);
}

/* seed(str) in version 2: int.from_bytes(text.encode() + sha512(text.encode()).digest(), 'big'). */
static void seed_from_bytes(RandomObject *r, const char *bytes, size_t length) {
    uint8_t *joined = malloc(length + SHA512_DIGEST_SIZE);
    if (joined == NULL) return;
    memcpy(joined, bytes, length);
    sha512((const uint8_t *)bytes, length, joined + length);
    mpz_t n;
    mpz_init(n);
    mpz_import(n, length + SHA512_DIGEST_SIZE, 1, 1, 0, 0, joined);
    seed_from_mpz(r, n);
    mpz_clear(n);
    free(joined);
}

static bool seed_with(VM *vm, RandomObject *r, Value a) {
    if (IS_NONE(a) || IS_EMPTY(a)) {
        seed_from_os(r);
    } else if (builtins_is_integer(a)) {
        mpz_t n;
        mpz_init(n);
        int_to_mpz(a, n);
        seed_from_mpz(r, n);
        mpz_clear(n);
    } else if (IS_STR(a)) {
        seed_from_bytes(r, AS_STR(a)->chars, (size_t)AS_STR(a)->length);
    } else if (IS_BYTES(a)) { /* version 2 takes bytes as they are, as str after encoding */
        seed_from_bytes(r, (const char *)AS_BYTES(a)->data, (size_t)AS_BYTES(a)->length);
    } else if (IS_FLOAT(a)) { /* a float seeds with its hash taken as a size_t, as CPython's random_seed */
        uint64_t hash = num_hash(a);
        mpz_t n;
        mpz_init(n);
        mpz_set_ui(n, (unsigned long)(hash >> 32));
        mpz_mul_2exp(n, n, 32);
        mpz_add_ui(n, n, (unsigned long)(hash & 0xffffffffU));
        seed_from_mpz(r, n);
        mpz_clear(n);
    } else {
        vm_raise(vm, vm->types.TypeError, "The only supported seed types are: None,\n"
                                          "int, float, str, bytes, and bytearray.");
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ helpers */

static bool to_double(VM *vm, Value v, double *out) {
    if (IS_FLOAT(v)) {
        *out = AS_FLOAT(v);
        return true;
    }
    if (builtins_is_integer(v)) return int_to_double(vm, v, out);
    vm_raise(vm, vm->types.TypeError, "must be real number, not %s", vm_type_name(vm, v));
    return false;
}

static bool self_check(VM *vm, int argc, Value *args, const char *name) {
    if (argc < 1 || !IS_NATIVE_DATA(args[0]) || AS_NATIVE_DATA(args[0])->kind != &RANDOM_KIND) {
        vm_raise(vm, vm->types.TypeError, "descriptor '%s' requires a 'Random' object", name);
        return false;
    }
    return true;
}

#define SELF ((RandomObject *)AS_OBJ(args[0]))

/* Parses a method's arguments after self into out[]. */
#define PARSE(name, nparams, params, npositional, nrequired, out)                                      \
    if (!self_check(vm, argc, args, name) ||                                                           \
        !vm_parse_args(vm, name, argc - 1, args + 1, kwnames, nparams, params, npositional, nrequired, \
                       out))                                                                           \
        return EMPTY_VAL;

/* --------------------------------------------------------- integer methods */

static Value m_seed(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"a", "version"};
    Value given[2];
    PARSE("seed", 2, params, 2, 0, given);
    if (!IS_EMPTY(given[1]) && !(IS_INT(given[1]) && AS_INT(given[1]) == 2))
        return vm_raise(vm, vm->types.ValueError, "handoff's random.seed() supports only version=2");
    if (!seed_with(vm, SELF, given[0])) return EMPTY_VAL;
    return NONE_VAL;
}

static Value m_random(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!self_check(vm, argc, args, "random") || !vm_check_args(vm, "random", argc - 1, kwnames, 0, 0))
        return EMPTY_VAL;
    return FLOAT_VAL(random_double(SELF));
}

static Value m_getrandbits(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!self_check(vm, argc, args, "getrandbits") || !vm_check_args(vm, "getrandbits", argc - 1, kwnames, 1, 1))
        return EMPTY_VAL;
    int64_t k;
    if (!arg_int64(vm, args[1], &k)) return EMPTY_VAL;
    if (k < 0) return vm_raise(vm, vm->types.ValueError, "number of bits must be non-negative");
    if ((uint64_t)k > INT_MAX_BITS) return int_too_large(vm);
    if (k <= 63) return INT_VAL(k == 0 ? 0 : (int64_t)random_bits64(SELF, (int)k));
    mpz_t bits;
    mpz_init(bits);
    random_bits_mpz(SELF, (uint64_t)k, bits);
    Value result = int_from_mpz(vm, bits);
    mpz_clear(bits);
    return result;
}

/* An argument of randrange as an int: ints, and floats with an integral value
 * (CPython 3.11 still accepts them, with a DeprecationWarning). */
static bool index_arg(VM *vm, Value v, const char *which, mpz_t out) {
    if (builtins_is_integer(v)) {
        int_to_mpz(v, out);
        return true;
    }
    if (IS_FLOAT(v) && isfinite(AS_FLOAT(v))) {
        if (AS_FLOAT(v) != floor(AS_FLOAT(v))) {
            vm_raise(vm, vm->types.ValueError, "non-integer %s for randrange()", which);
            return false;
        }
        mpz_set_d(out, AS_FLOAT(v));
        return true;
    }
    if (IS_STR(v)) { /* CPython falls back on int(v): a numeral is refused as non-integer, else int()'s error */
        Value parsed = int_parse(vm, AS_STR(v)->chars, (size_t)AS_STR(v)->length, 10);
        if (!IS_EMPTY(parsed)) vm_raise(vm, vm->types.ValueError, "non-integer %s for randrange()", which);
        return false;
    }
    vm_raise(vm, vm->types.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
             vm_type_name(vm, v));
    return false;
}

static Value empty_range_message(VM *vm, mpz_t start, mpz_t stop, mpz_t width) {
    char *a = mpz_get_str(NULL, 10, start), *b = mpz_get_str(NULL, 10, stop), *c = mpz_get_str(NULL, 10, width);
    vm_raise(vm, vm->types.ValueError, "empty range for randrange() (%s, %s, %s)", a, b, c);
    void (*free_fn)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &free_fn);
    free_fn(a, strlen(a) + 1), free_fn(b, strlen(b) + 1), free_fn(c, strlen(c) + 1);
    return EMPTY_VAL;
}

/* randrange(start, stop, step) over GMP integers (any size); stop/step EMPTY when absent. */
static Value randrange_general(VM *vm, RandomObject *r, Value start_v, Value stop_v, Value step_v) {
    mpz_t start, stop, step, width, n, pick;
    mpz_inits(start, stop, step, width, n, pick, NULL);
    Value result = EMPTY_VAL;
    if (!index_arg(vm, start_v, "arg 1", start)) goto done;
    if (IS_EMPTY(stop_v) || IS_NONE(stop_v)) {
        if (!IS_EMPTY(step_v) && !(IS_INT(step_v) && AS_INT(step_v) == 1)) {
            vm_raise(vm, vm->types.TypeError, "Missing a non-None stop argument");
            goto done;
        }
        if (mpz_sgn(start) <= 0) {
            vm_raise(vm, vm->types.ValueError, "empty range for randrange()");
            goto done;
        }
        randbelow_mpz(r, start, pick);
        result = int_from_mpz(vm, pick);
        goto done;
    }
    if (!index_arg(vm, stop_v, "stop", stop)) goto done;
    mpz_sub(width, stop, start);
    if (IS_EMPTY(step_v)) mpz_set_ui(step, 1);
    else if (!index_arg(vm, step_v, "step", step)) goto done;
    if (mpz_cmp_ui(step, 1) == 0) {
        if (mpz_sgn(width) <= 0) {
            empty_range_message(vm, start, stop, width);
            goto done;
        }
        randbelow_mpz(r, width, pick);
        mpz_add(pick, pick, start);
        result = int_from_mpz(vm, pick);
        goto done;
    }
    if (mpz_sgn(step) == 0) {
        vm_raise(vm, vm->types.ValueError, "zero step for randrange()");
        goto done;
    }
    mpz_add(n, width, step); /* n = (width + step - 1) // step, or + 1 for a negative step */
    if (mpz_sgn(step) > 0) mpz_sub_ui(n, n, 1);
    else mpz_add_ui(n, n, 1);
    mpz_fdiv_q(n, n, step);
    if (mpz_sgn(n) <= 0) {
        vm_raise(vm, vm->types.ValueError, "empty range for randrange()");
        goto done;
    }
    randbelow_mpz(r, n, pick);
    mpz_mul(pick, pick, step);
    mpz_add(pick, pick, start);
    result = int_from_mpz(vm, pick);
done:
    mpz_clears(start, stop, step, width, n, pick, NULL);
    return result;
}

/* randrange(a, b) with int64 ends and step 1, the common case, without GMP. */
static Value randrange_fast(VM *vm, RandomObject *r, Value start_v, Value stop_v) {
    int64_t start = AS_INT(start_v), stop = AS_INT(stop_v);
    if (stop > start) {
        uint64_t width = (uint64_t)stop - (uint64_t)start;
        return INT_VAL((int64_t)((uint64_t)start + randbelow64(r, width)));
    }
    return randrange_general(vm, r, start_v, stop_v, EMPTY_VAL);
}

static Value m_randrange(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"start", "stop", "step"};
    Value given[3];
    PARSE("randrange", 3, params, 3, 1, given);
    if (IS_INT(given[0]) && IS_EMPTY(given[2])) {
        if (IS_EMPTY(given[1]) || IS_NONE(given[1])) {
            if (AS_INT(given[0]) > 0) return INT_VAL((int64_t)randbelow64(SELF, (uint64_t)AS_INT(given[0])));
        } else if (IS_INT(given[1])) {
            return randrange_fast(vm, SELF, given[0], given[1]);
        }
    }
    return randrange_general(vm, SELF, given[0], given[1], given[2]);
}

static Value m_randint(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"a", "b"};
    Value given[2];
    PARSE("randint", 2, params, 2, 2, given);
    if (IS_INT(given[0]) && IS_INT(given[1]) && AS_INT(given[1]) < INT64_MAX)
        return randrange_fast(vm, SELF, given[0], INT_VAL(AS_INT(given[1]) + 1));
    Value stop = vm_binary_op(vm, OPR_ADD, given[1], INT_VAL(1));
    if (IS_EMPTY(stop)) return EMPTY_VAL;
    vm_push_root(vm, stop);
    Value result = randrange_general(vm, SELF, given[0], stop, EMPTY_VAL);
    vm_pop_roots(vm, 1);
    return result;
}

/* ------------------------------------------------------- sequence methods */

static Value m_choice(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!self_check(vm, argc, args, "choice") || !vm_check_args(vm, "choice", argc - 1, kwnames, 1, 1))
        return EMPTY_VAL;
    Value seq = args[1];
    int64_t length;
    if (!vm_len(vm, seq, &length)) return EMPTY_VAL;
    if (length == 0) return vm_raise(vm, vm->types.IndexError, "Cannot choose from an empty sequence");
    int64_t index = (int64_t)randbelow64(SELF, (uint64_t)length);
    if (IS_LIST(seq)) return AS_LIST(seq)->items[index];
    if (IS_TUPLE(seq)) return AS_TUPLE(seq)->items[index];
    return vm_getitem(vm, seq, INT_VAL(index));
}

static Value m_shuffle(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!self_check(vm, argc, args, "shuffle") || !vm_check_args(vm, "shuffle", argc - 1, kwnames, 1, 1))
        return EMPTY_VAL;
    Value seq = args[1];
    int64_t length;
    if (!vm_len(vm, seq, &length)) return EMPTY_VAL;
    for (int64_t i = length - 1; i >= 1; i--) {
        int64_t j = (int64_t)randbelow64(SELF, (uint64_t)i + 1);
        if (IS_LIST(seq) && AS_LIST(seq)->count == length) {
            Value held = AS_LIST(seq)->items[i];
            AS_LIST(seq)->items[i] = AS_LIST(seq)->items[j];
            AS_LIST(seq)->items[j] = held;
            continue;
        }
        Value a = vm_getitem(vm, seq, INT_VAL(i));
        if (IS_EMPTY(a)) return EMPTY_VAL;
        vm_push_root(vm, a);
        Value b = vm_getitem(vm, seq, INT_VAL(j));
        bool ok = !IS_EMPTY(b);
        if (ok) vm_push_root(vm, b);
        ok = ok && vm_setitem(vm, seq, INT_VAL(i), b) && vm_setitem(vm, seq, INT_VAL(j), a);
        vm_pop_roots(vm, IS_EMPTY(b) ? 1 : 2);
        if (!ok) return EMPTY_VAL;
    }
    return NONE_VAL;
}

static bool is_sequence(Value v) { return IS_LIST(v) || IS_TUPLE(v) || IS_STR(v) || IS_RANGE(v); }

/* population[index] for the sequences sample() accepts. */
static Value item_at(VM *vm, Value seq, int64_t index) {
    if (IS_LIST(seq)) return AS_LIST(seq)->items[index];
    if (IS_TUPLE(seq)) return AS_TUPLE(seq)->items[index];
    return vm_getitem(vm, seq, INT_VAL(index));
}

/* Open-addressed set of the indices sample() has taken (big populations). */
typedef struct {
    int64_t *slots; /* -1: empty */
    size_t mask;
} IndexSet;

static bool index_set_add(IndexSet *set, int64_t index) { /* false when already there */
    size_t slot = (size_t)((uint64_t)index * 0x9E3779B97F4A7C15ULL) & set->mask;
    while (set->slots[slot] != -1) {
        if (set->slots[slot] == index) return false;
        slot = (slot + 1) & set->mask;
    }
    set->slots[slot] = index;
    return true;
}

/* The k picks of sample() without counts into result (rooted by the caller). */
static bool sample_into(VM *vm, RandomObject *r, Value population, int64_t n, int64_t k, ObjList *result) {
    int64_t setsize = 21;
    if (k > 5) setsize += (int64_t)pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    if (n <= setsize) {
        Value pool_value = vm_list_from_iterable(vm, population);
        if (IS_EMPTY(pool_value)) return false;
        ObjList *pool = AS_LIST(pool_value);
        for (int64_t i = 0; i < k; i++) {
            int64_t j = (int64_t)randbelow64(r, (uint64_t)(n - i));
            result->items[i] = pool->items[j];
            pool->items[j] = pool->items[n - i - 1];
        }
        return true;
    }
    size_t capacity = 16;
    while (capacity < (size_t)k * 2) capacity *= 2;
    IndexSet selected = {malloc(capacity * sizeof(int64_t)), capacity - 1};
    if (selected.slots == NULL) {
        vm_raise_empty(vm, vm->types.MemoryError);
        return false;
    }
    memset(selected.slots, 0xff, capacity * sizeof(int64_t));
    bool ok = true;
    for (int64_t i = 0; i < k && ok; i++) {
        int64_t j = (int64_t)randbelow64(r, (uint64_t)n);
        while (!index_set_add(&selected, j)) j = (int64_t)randbelow64(r, (uint64_t)n);
        Value item = item_at(vm, population, j);
        ok = !IS_EMPTY(item);
        result->items[i] = ok ? item : NONE_VAL;
    }
    free(selected.slots);
    return ok;
}

/* Index of the first cumulative weight greater than x in cum[0..hi) (bisect_right). */
static int bisect_right(VM *vm, ObjList *cum, Value x, int64_t hi, int64_t *out) {
    int64_t lo = 0;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        int less = vm_compare_bool(vm, CMP_LT, x, cum->items[mid]);
        if (less < 0) return -1;
        if (less) hi = mid;
        else lo = mid + 1;
    }
    *out = lo;
    return 0;
}

/* list(itertools.accumulate(values)) */
static Value accumulate_list(VM *vm, Value values) {
    Value list_value = vm_list_from_iterable(vm, values);
    if (IS_EMPTY(list_value)) return EMPTY_VAL;
    ObjList *list = AS_LIST(list_value);
    vm_push_root(vm, list_value);
    for (int64_t i = 1; i < list->count; i++) {
        Value sum = vm_binary_op(vm, OPR_ADD, list->items[i - 1], list->items[i]);
        if (IS_EMPTY(sum)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        list->items[i] = sum;
    }
    vm_pop_roots(vm, 1);
    return list_value;
}

static Value sample_with_counts(VM *vm, RandomObject *r, Value population, int64_t n, Value counts, Value k);

static Value m_sample(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"population", "k", "counts"};
    Value given[3];
    PARSE("sample", 3, params, 2, 2, given);
    Value population = given[0];
    if (!is_sequence(population))
        return vm_raise(vm, vm->types.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n;
    if (!vm_len(vm, population, &n)) return EMPTY_VAL;
    if (!IS_EMPTY(given[2]) && !IS_NONE(given[2]))
        return sample_with_counts(vm, SELF, population, n, given[2], given[1]);
    int64_t k;
    if (!arg_int64(vm, given[1], &k)) return EMPTY_VAL;
    if (k < 0 || k > n) return vm_raise(vm, vm->types.ValueError, "Sample larger than population or is negative");
    ObjList *result = list_new(vm, k);
    for (int64_t i = 0; i < k; i++) result->items[i] = NONE_VAL;
    result->count = k;
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = sample_into(vm, SELF, population, n, k, result);
    vm_pop_roots(vm, 1);
    return ok ? OBJ_VAL(result) : EMPTY_VAL;
}

/* sample(population, k, counts=...): a sample of range(total) mapped back through the cumulative counts. */
static Value sample_with_counts(VM *vm, RandomObject *r, Value population, int64_t n, Value counts, Value k_value) {
    Value cum_value = accumulate_list(vm, counts);
    if (IS_EMPTY(cum_value)) return EMPTY_VAL;
    ObjList *cum = AS_LIST(cum_value);
    vm_push_root(vm, cum_value);
    Value result = EMPTY_VAL;
    int64_t k, total;
    if (cum->count != n) {
        vm_raise(vm, vm->types.ValueError, "The number of counts does not match the population");
    } else if (n == 0) {
        vm_raise(vm, vm->types.IndexError, "pop from empty list");
    } else if (!builtins_is_integer(cum->items[n - 1])) {
        vm_raise(vm, vm->types.TypeError, "Counts must be integers");
    } else if (!int_as_int64(vm, cum->items[n - 1], &total)) {
    } else if (total <= 0) {
        vm_raise(vm, vm->types.ValueError, "Total of counts must be greater than zero");
    } else if (arg_int64(vm, k_value, &k)) {
        cum->count--; /* cum_counts.pop() */
        if (k < 0 || k > total) {
            vm_raise(vm, vm->types.ValueError, "Sample larger than population or is negative");
        } else {
            ObjList *picks = list_new(vm, k);
            for (int64_t i = 0; i < k; i++) picks->items[i] = NONE_VAL;
            picks->count = k;
            vm_push_root(vm, OBJ_VAL(picks));
            ObjRange *range = range_new(vm, 0, total, 1);
            vm_push_root(vm, OBJ_VAL(range));
            bool ok = sample_into(vm, r, OBJ_VAL(range), total, k, picks);
            for (int64_t i = 0; ok && i < k; i++) {
                int64_t position;
                ok = bisect_right(vm, cum, picks->items[i], cum->count, &position) == 0;
                if (ok) picks->items[i] = item_at(vm, population, position);
                ok = ok && !IS_EMPTY(picks->items[i]);
            }
            vm_pop_roots(vm, 2);
            if (ok) result = OBJ_VAL(picks);
        }
    }
    vm_pop_roots(vm, 1);
    return result;
}

static Value choices_weighted(VM *vm, RandomObject *r, Value population, int64_t n, ObjList *cum, int64_t k) {
    if (cum->count != n)
        return vm_raise(vm, vm->types.ValueError, "The number of weights does not match the population");
    if (n == 0) return vm_raise(vm, vm->types.IndexError, "list index out of range");
    Value total_value = vm_binary_op(vm, OPR_ADD, cum->items[n - 1], FLOAT_VAL(0.0));
    if (IS_EMPTY(total_value)) return EMPTY_VAL;
    double total = IS_FLOAT(total_value) ? AS_FLOAT(total_value) : 0.0;
    if (total <= 0.0) return vm_raise(vm, vm->types.ValueError, "Total of weights must be greater than zero");
    if (!isfinite(total)) return vm_raise(vm, vm->types.ValueError, "Total of weights must be finite");
    ObjList *result = list_new(vm, k > 0 ? k : 0);
    vm_push_root(vm, OBJ_VAL(result));
    for (int64_t i = 0; i < k; i++) {
        int64_t position;
        Value item = EMPTY_VAL;
        if (bisect_right(vm, cum, FLOAT_VAL(random_double(r) * total), n - 1, &position) == 0)
            item = item_at(vm, population, position);
        if (IS_EMPTY(item)) {
            vm_pop_roots(vm, 1);
            return EMPTY_VAL;
        }
        list_append(vm, result, item);
    }
    vm_pop_roots(vm, 1);
    return OBJ_VAL(result);
}

static Value m_choices(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"population", "weights", "cum_weights", "k"};
    Value given[4];
    PARSE("choices", 4, params, 2, 1, given);
    Value population = given[0], weights = given[1], cum_weights = given[2];
    int64_t n, k = 1;
    if (!vm_len(vm, population, &n)) return EMPTY_VAL;
    if (!IS_EMPTY(given[3]) && !arg_int64(vm, given[3], &k)) return EMPTY_VAL;
    bool no_weights = IS_EMPTY(weights) || IS_NONE(weights);
    if (IS_EMPTY(cum_weights) || IS_NONE(cum_weights)) {
        if (no_weights) {
            ObjList *result = list_new(vm, k > 0 ? k : 0);
            vm_push_root(vm, OBJ_VAL(result));
            for (int64_t i = 0; i < k; i++) {
                double index = floor(random_double(SELF) * (double)n);
                Value item = n > 0 ? item_at(vm, population, (int64_t)index)
                                   : vm_getitem(vm, population, INT_VAL(0));
                if (IS_EMPTY(item)) {
                    vm_pop_roots(vm, 1);
                    return EMPTY_VAL;
                }
                list_append(vm, result, item);
            }
            vm_pop_roots(vm, 1);
            return OBJ_VAL(result);
        }
        if (builtins_is_integer(weights))
            return vm_raise(vm, vm->types.TypeError, "The number of choices must be a keyword argument: k=%s",
                            AS_STR(int_repr(vm, weights))->chars);
        cum_weights = accumulate_list(vm, weights);
        if (IS_EMPTY(cum_weights)) return EMPTY_VAL;
    } else if (!no_weights) {
        return vm_raise(vm, vm->types.TypeError, "Cannot specify both weights and cumulative weights");
    } else {
        cum_weights = vm_list_from_iterable(vm, cum_weights);
        if (IS_EMPTY(cum_weights)) return EMPTY_VAL;
    }
    vm_push_root(vm, cum_weights);
    Value result = choices_weighted(vm, SELF, population, n, AS_LIST(cum_weights), k);
    vm_pop_roots(vm, 1);
    return result;
}

/* ------------------------------------------------------ real distributions */

static Value m_uniform(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"a", "b"};
    Value given[2];
    PARSE("uniform", 2, params, 2, 2, given);
    double a, b;
    if (num_is_number(given[0]) && num_is_number(given[1])) {
        if (!to_double(vm, given[0], &a) || !to_double(vm, given[1], &b)) return EMPTY_VAL;
        return FLOAT_VAL(a + (b - a) * random_double(SELF));
    }
    /* a + (b - a) * random() with the operators' own errors for other types */
    Value width = vm_binary_op(vm, OPR_SUB, given[1], given[0]);
    if (IS_EMPTY(width)) return EMPTY_VAL;
    vm_push_root(vm, width);
    Value scaled = vm_binary_op(vm, OPR_MUL, width, FLOAT_VAL(random_double(SELF)));
    vm_pop_roots(vm, 1);
    if (IS_EMPTY(scaled)) return EMPTY_VAL;
    vm_push_root(vm, scaled);
    Value result = vm_binary_op(vm, OPR_ADD, given[0], scaled);
    vm_pop_roots(vm, 1);
    return result;
}

static Value m_gauss(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"mu", "sigma"};
    Value given[2];
    PARSE("gauss", 2, params, 2, 0, given);
    double mu = 0.0, sigma = 1.0;
    if (!IS_EMPTY(given[0]) && !to_double(vm, given[0], &mu)) return EMPTY_VAL;
    if (!IS_EMPTY(given[1]) && !to_double(vm, given[1], &sigma)) return EMPTY_VAL;
    RandomObject *r = SELF;
    double z = r->gauss_next;
    bool had = r->has_gauss_next;
    r->has_gauss_next = false;
    if (!had) {
        double x2pi = random_double(r) * (2.0 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - random_double(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = sin(x2pi) * g2rad;
        r->has_gauss_next = true;
    }
    return FLOAT_VAL(mu + z * sigma);
}

static Value m_normalvariate(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"mu", "sigma"};
    Value given[2];
    PARSE("normalvariate", 2, params, 2, 0, given);
    double mu = 0.0, sigma = 1.0;
    if (!IS_EMPTY(given[0]) && !to_double(vm, given[0], &mu)) return EMPTY_VAL;
    if (!IS_EMPTY(given[1]) && !to_double(vm, given[1], &sigma)) return EMPTY_VAL;
    const double magic = 4 * exp(-0.5) / sqrt(2.0); /* Kinderman and Monahan's method */
    double z;
    for (;;) {
        double u1 = random_double(SELF), u2 = 1.0 - random_double(SELF);
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2)) break;
    }
    return FLOAT_VAL(mu + z * sigma);
}

static Value m_expovariate(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"lambd"};
    Value given[1];
    PARSE("expovariate", 1, params, 1, 1, given);
    double lambd;
    if (!to_double(vm, given[0], &lambd)) return EMPTY_VAL;
    if (lambd == 0.0) return vm_raise(vm, vm->types.ZeroDivisionError, "float division by zero");
    return FLOAT_VAL(-log(1.0 - random_double(SELF)) / lambd);
}

static Value m_triangular(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    static const char *const params[] = {"low", "high", "mode"};
    Value given[3];
    PARSE("triangular", 3, params, 3, 0, given);
    double low = 0.0, high = 1.0, mode = 0.0;
    if (!IS_EMPTY(given[0]) && !to_double(vm, given[0], &low)) return EMPTY_VAL;
    if (!IS_EMPTY(given[1]) && !to_double(vm, given[1], &high)) return EMPTY_VAL;
    bool has_mode = !IS_EMPTY(given[2]) && !IS_NONE(given[2]);
    if (has_mode && !to_double(vm, given[2], &mode)) return EMPTY_VAL;
    double u = random_double(SELF);
    if (high == low) return FLOAT_VAL(low); /* (mode - low) / (high - low) divides by zero */
    double c = has_mode ? (mode - low) / (high - low) : 0.5;
    if (u > c) {
        u = 1.0 - u, c = 1.0 - c;
        double swap = low;
        low = high, high = swap;
    }
    return FLOAT_VAL(low + (high - low) * sqrt(u * c));
}

/* ------------------------------------------------------------------ Random */

static RandomObject *random_new(VM *vm, ObjClass *cls) {
    return (RandomObject *)native_data_new(vm, cls, &RANDOM_KIND, sizeof(RandomObject));
}

/* Random(seed=None) */
static Value random_construct(VM *vm, int argc, Value *args, ObjTuple *kwnames) {
    if (!vm_check_args(vm, "Random", argc - 1, kwnames, 0, 1)) return EMPTY_VAL;
    RandomObject *r = random_new(vm, AS_CLASS(args[0]));
    if (!seed_with(vm, r, argc > 1 ? args[1] : NONE_VAL)) return EMPTY_VAL;
    return OBJ_VAL(r);
}

void random_module_init(VM *vm, ObjModule *module) {
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"seed", m_seed},           {"random", m_random},         {"getrandbits", m_getrandbits},
        {"randrange", m_randrange}, {"randint", m_randint},       {"choice", m_choice},
        {"choices", m_choices},     {"shuffle", m_shuffle},       {"sample", m_sample},
        {"uniform", m_uniform},     {"gauss", m_gauss},           {"normalvariate", m_normalvariate},
        {"expovariate", m_expovariate}, {"triangular", m_triangular},
    };
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, "Random"), vm->types.object, OBJ_NATIVE_DATA);
    cls->is_builtin = true;
    cls->construct = random_construct;
    dict_set_str(vm, module->dict, cls->name, OBJ_VAL(cls));
    dict_set_str(vm, cls->dict, vm->s_module, OBJ_VAL(str_intern_cstr(vm, "random")));
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    /* The functions of the module are the bound methods of one hidden instance. */
    RandomObject *instance = random_new(vm, cls);
    if (vm->seed_given) random_seed_u64(instance, vm->seed);
    else seed_from_os(instance);
    dict_set_str(vm, module->dict, str_intern_cstr(vm, "_inst"), OBJ_VAL(instance));
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        ObjStr *name = str_intern_cstr(vm, methods[i].name);
        Value method = dict_get_str(cls->dict, name);
        dict_set_str(vm, module->dict, name, OBJ_VAL(bound_method_new(vm, OBJ_VAL(instance), method)));
    }
}
