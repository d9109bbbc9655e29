/* test_builtins.c — the builtins module, the exception hierarchy, tracebacks,
 * the built-in iterators and the time module, through small programs whose
 * expected output is what CPython 3.11 prints for the same program (the
 * traceback cases avoid lines where CPython adds its ^^^ position markers,
 * which handoff does not draw). */
#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "builtins.h"
#include "exceptions.h"
#include "compiler.h"
#include "containers.h"
#include "vm.h"

typedef struct {
    StrBuf out;
    StrBuf err;
} Captured;

static void capture(void *data, int stream, const char *bytes, size_t length) {
    Captured *captured = data;
    strbuf_append(stream == 2 ? &captured->err : &captured->out, bytes, length);
}

static VM *vm;
static Captured captured;

static void setup(void) {
    vm = vm_new();
    strbuf_init(&captured.out);
    strbuf_init(&captured.err);
    vm->write = capture;
    vm->write_data = &captured;
}

static void teardown(void) {
    vm_free(vm);
    strbuf_free(&captured.out);
    strbuf_free(&captured.err);
}

/* Compiles and runs `source` as __main__ from the file "<test>"; returns the
 * result (EMPTY with vm->exception set when an exception escaped). */
static Value run(const char *source) {
    Diagnostic diag;
    vm_remember_source(vm, "<test>", source, strlen(source));
    ObjCode *code = compiler_compile_source(vm, source, strlen(source), "<test>", false, &diag);
    cr_assert_not_null(code, "compile: %s (line %d)", diag.message, diag.line);
    return vm_run_module(vm, code, vm->main_globals);
}

static const char *text_of(StrBuf *buf) {
    strbuf_append_char(buf, '\0');
    buf->length--;
    return buf->data;
}

/* The program runs to the end and prints `expected` on stdout. */
static void expect_output(const char *source, const char *expected) {
    Value result = run(source);
    if (IS_EMPTY(result)) {
        vm_print_exception(vm, vm->exception);
        cr_assert_fail("uncaught exception:\n%s", text_of(&captured.err));
    }
    cr_assert_str_eq(text_of(&captured.out), expected);
}

/* The program ends with an exception whose report on stderr is `expected`. */
static void expect_traceback(const char *source, const char *expected) {
    Value result = run(source);
    cr_assert(IS_EMPTY(result), "the program should have raised");
    vm_print_exception(vm, vm->exception);
    cr_assert(IS_EMPTY(vm->exception), "printing clears the exception");
    cr_assert_str_eq(text_of(&captured.err), expected);
}

TestSuite(builtins, .init = setup, .fini = teardown);

/* ---------------------------------------- behaviour checked against CPython */

Test(builtins, print_joins_its_arguments_with_sep_and_end) {
    expect_output(
        "print(1, 'a', None, sep='-', end='!\\n')\n"
        "print()\n"
        "print('x', 'y', sep=None, end=None)\n"
        "print(*[1, 2, 3], sep='')\n",
        "1-a-None!\n"
        "\n"
        "x y\n"
        "123\n");
}

Test(builtins, print_rejects_a_separator_that_is_not_a_string) {
    expect_output(
        "try:\n"
        "    print(1, sep=3)\n"
        "except TypeError as e:\n"
        "    print(e)\n"
        "try:\n"
        "    print(1, foo=3)\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "sep must be None or a string, not int\n"
        "'foo' is an invalid keyword argument for print()\n");
}

Test(builtins, sorted_keeps_equal_keys_in_order_and_reverses) {
    expect_output(
        "words = ['bb', 'a', 'ccc', 'dd', 'e']\n"
        "print(sorted(words, key=len))\n"
        "print(sorted(words, key=len, reverse=True))\n"
        "print(sorted({3: 'x', 1: 'y', 2: 'z'}))\n"
        "print(sorted('banana'))\n"
        "try:\n"
        "    sorted([1], foo=2)\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "['a', 'e', 'bb', 'dd', 'ccc']\n"
        "['ccc', 'bb', 'dd', 'a', 'e']\n"
        "[1, 2, 3]\n"
        "['a', 'a', 'a', 'b', 'n', 'n']\n"
        "'foo' is an invalid keyword argument for sort()\n");
}

Test(builtins, min_and_max_take_key_default_and_several_arguments) {
    expect_output(
        "print(max([3, 1, 4, 1, 5], key=lambda x: -x), min(3, 1, 2), max('abc'))\n"
        "print(min([], default='none'), max([(1, 'b'), (1, 'a')]))\n"
        "print(max([1, 3, 3.0], key=lambda x: x))\n"
        "for call in (lambda: max([]), lambda: min(), lambda: max(1, 2, default=0)):\n"
        "    try:\n"
        "        call()\n"
        "    except (ValueError, TypeError) as e:\n"
        "        print(type(e).__name__, e)\n",
        "1 1 c\n"
        "none (1, 'b')\n"
        "3\n"
        "ValueError max() arg is an empty sequence\n"
        "TypeError min expected at least 1 argument, got 0\n"
        "TypeError Cannot specify a default for max() with multiple positional arguments\n");
}

Test(builtins, sum_adds_left_to_right_from_start) {
    expect_output(
        "print(sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []), sum([1, 2], start=10))\n"
        "print(sum([2**62, 2**62, 2**62]), sum([True, True, 1.5]))\n"
        "try:\n"
        "    sum(['a', 'b'], '')\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "0.9999999999999999 5050 [1, 2] 13\n"
        "13835058055282163712 3.5\n"
        "sum() can't sum strings [use ''.join(seq) instead]\n");
}

Test(builtins, any_and_all_stop_at_the_deciding_item) {
    expect_output(
        "def noisy(values):\n"
        "    for v in values:\n"
        "        print('saw', v)\n"
        "        yield v\n"
        "print(any(noisy([0, 3, 5])), all(noisy([1, 0, 2])), any([]), all([]))\n",
        "saw 0\n"
        "saw 3\n"
        "saw 1\n"
        "saw 0\n"
        "True False False True\n");
}

Test(builtins, enumerate_counts_from_start_even_past_int64) {
    expect_output(
        "print(list(enumerate('abc')), list(enumerate('ab', start=5)))\n"
        "print(list(enumerate('ab', 2**63 - 1)))\n"
        "print(type(enumerate([])).__name__, isinstance(enumerate([]), enumerate))\n",
        "[(0, 'a'), (1, 'b'), (2, 'c')] [(5, 'a'), (6, 'b')]\n"
        "[(9223372036854775807, 'a'), (9223372036854775808, 'b')]\n"
        "enumerate True\n");
}

Test(builtins, zip_stops_at_the_shortest_and_strict_names_the_culprit) {
    expect_output(
        "print(list(zip('abc', [1, 2])), list(zip()), list(zip([1, 2], [3, 4], strict=True)))\n"
        "for args in (([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [1])):\n"
        "    try:\n"
        "        list(zip(*args, strict=True))\n"
        "    except ValueError as e:\n"
        "        print(e)\n",
        "[('a', 1), ('b', 2)] [] [(1, 3), (2, 4)]\n"
        "zip() argument 2 is longer than argument 1\n"
        "zip() argument 2 is shorter than argument 1\n"
        "zip() argument 3 is shorter than arguments 1-2\n");
}

Test(builtins, map_and_filter_are_lazy) {
    expect_output(
        "def show(x):\n"
        "    print('map', x)\n"
        "    return x * 2\n"
        "m = map(show, [1, 2])\n"
        "print('made')\n"
        "print(list(m), list(map(pow, [2, 3], [3, 2])))\n"
        "print(list(filter(None, [0, 1, '', 'a'])), list(filter(lambda x: x % 2, range(6))))\n"
        "try:\n"
        "    map(len)\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "made\n"
        "map 1\n"
        "map 2\n"
        "[2, 4] [8, 9]\n"
        "[1, 'a'] [1, 3, 5]\n"
        "map() must have at least two arguments.\n");
}

Test(builtins, reversed_walks_sequences_backwards) {
    expect_output(
        "print(list(reversed('héllo')), list(reversed((1, 2, 3))), list(reversed(range(1, 10, 3))))\n"
        "print(list(reversed({'a': 1, 'b': 2})), list(reversed({'a': 1}.items())))\n"
        "print(type(reversed([])).__name__, type(reversed(())).__name__, type(reversed(range(2))).__name__)\n"
        "try:\n"
        "    reversed({1})\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "['o', 'l', 'l', 'é', 'h'] [3, 2, 1] [7, 4, 1]\n"
        "['b', 'a'] [('a', 1)]\n"
        "list_reverseiterator reversed range_iterator\n"
        "'set' object is not reversible\n");
}

Test(builtins, a_dict_that_changes_size_stops_its_reverse_iteration) {
    expect_output(
        "d = {'a': 1, 'b': 2}\n"
        "try:\n"
        "    for k in reversed(d):\n"
        "        d['c'] = 3\n"
        "except RuntimeError as e:\n"
        "    print(e)\n",
        "dictionary changed size during iteration\n");
}

Test(builtins, iter_with_a_sentinel_calls_until_it_appears) {
    expect_output(
        "values = [1, 2, 3, 4]\n"
        "it = iter(lambda: values.pop(0), 3)\n"
        "print(list(it), type(it).__name__)\n",
        "[1, 2] callable_iterator\n");
}

Test(builtins, next_returns_the_default_or_raises_stop_iteration_with_the_value) {
    expect_output(
        "def gen():\n"
        "    yield 1\n"
        "    return 'done'\n"
        "g = gen()\n"
        "print(next(g))\n"
        "try:\n"
        "    next(g)\n"
        "except StopIteration as e:\n"
        "    print('stop', e.value)\n"
        "print(next(g, 'default'), next(iter([]), 0))\n"
        "try:\n"
        "    next([1])\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "1\n"
        "stop done\n"
        "default 0\n"
        "'list' object is not an iterator\n");
}

Test(builtins, isinstance_and_issubclass_accept_tuples) {
    expect_output(
        "print(isinstance(1, (str, int)), isinstance(True, int), isinstance('a', ((list,), str)))\n"
        "print(issubclass(bool, int), issubclass(KeyError, (ValueError, LookupError)))\n"
        "try:\n"
        "    isinstance(1, 2)\n"
        "except TypeError as e:\n"
        "    print(e)\n"
        "try:\n"
        "    issubclass(1, int)\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "True True True\n"
        "True True\n"
        "isinstance() arg 2 must be a type, a tuple of types, or a union\n"
        "issubclass() arg 1 must be a class\n");
}

Test(builtins, getattr_hasattr_setattr_work_on_exceptions) {
    expect_output(
        "e = ValueError('x')\n"
        "setattr(e, 'detail', 42)\n"
        "print(getattr(e, 'detail'), getattr(e, 'missing', 'dflt'), hasattr(e, 'args'), hasattr(e, 'nope'))\n"
        "try:\n"
        "    getattr(e, 1)\n"
        "except TypeError as err:\n"
        "    print(err)\n",
        "42 dflt True False\n"
        "attribute name must be string, not 'int'\n");
}

Test(builtins, type_returns_the_class_and_names_it) {
    expect_output(
        "print(type(1).__name__, type('a') is str, type(type), type(None).__name__)\n"
        "print(type(iter([])).__name__, type(iter('abc')).__name__, type(iter('é')).__name__)\n"
        "try:\n"
        "    type(1, 2)\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "int True <class 'type'> NoneType\n"
        "list_iterator str_ascii_iterator str_iterator\n"
        "type() takes 1 or 3 arguments\n");
}

Test(builtins, numbers_builtins_match_cpython) {
    expect_output(
        "print(abs(-3), abs(-2.5), round(2.5), round(2.675, 2), round(7, -1))\n"
        "print(divmod(7, -2), divmod(-7.5, 2), pow(2, 10), pow(3, -1, 7), pow(2, 3, -5))\n"
        "print(hex(255), hex(-2**63), oct(8), bin(-5), hex(2**70))\n"
        "print(ord('é'), chr(233), chr(0x1F600) == '\\U0001F600')\n"
        "for call in (lambda: divmod(1.0, 0), lambda: chr(-1), lambda: ord('ab'), lambda: abs('a'), lambda: pow(2, -1, 4)):\n"
        "    try:\n"
        "        call()\n"
        "    except (ValueError, TypeError, ZeroDivisionError) as e:\n"
        "        print(type(e).__name__, e)\n",
        "3 2.5 2 2.67 10\n"
        "(-4, -1) (-4.0, 0.5) 1024 5 -2\n"
        "0xff -0x8000000000000000 0o10 -0b101 0x400000000000000000\n"
        "233 é True\n"
        "ZeroDivisionError float divmod()\n"
        "ValueError chr() arg not in range(0x110000)\n"
        "TypeError ord() expected a character, but string of length 2 found\n"
        "TypeError bad operand type for abs(): 'str'\n"
        "ValueError base is not invertible for the given modulus\n");
}

Test(builtins, misc_builtins) {
    expect_output(
        "a = [1]\n"
        "print(id(a) == id(a), id(a) == id([1]), callable(print), callable(1), callable(int))\n"
        "print(ascii('é'), repr('a'), format(3.14159, '.2f'), len([1, 2]), hash(1) == hash(1.0))\n"
        "def f(x):\n"
        "    y = x + 1\n"
        "    return sorted(locals().items())\n"
        "print(f(1), 'f' in globals(), globals()['__name__'])\n",
        "True False True False True\n"
        "'\\xe9' 'a' 3.14 2 True\n"
        "[('x', 1), ('y', 2)] True __main__\n");
}

Test(builtins, exception_str_and_repr_follow_the_arguments) {
    expect_output(
        "for e in (ValueError(), ValueError('boom'), ValueError(1, 2), KeyError('k'), KeyError('a', 'b'), StopIteration(5)):\n"
        "    print(repr(str(e)), repr(e))\n"
        "print(StopIteration(5).value, SystemExit(3).code, StopIteration().value)\n"
        "print(OSError(2, 'No such file'), NameError('n', name='x').name)\n"
        "try:\n"
        "    ValueError(x=1)\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "'' ValueError()\n"
        "'boom' ValueError('boom')\n"
        "'(1, 2)' ValueError(1, 2)\n"
        "\"'k'\" KeyError('k')\n"
        "\"('a', 'b')\" KeyError('a', 'b')\n"
        "'5' StopIteration(5)\n"
        "5 3 None\n"
        "[Errno 2] No such file x\n"
        "ValueError() takes no keyword arguments\n");
}

Test(builtins, exception_chaining_attributes) {
    expect_output(
        "try:\n"
        "    try:\n"
        "        1 / 0\n"
        "    except ZeroDivisionError as inner:\n"
        "        raise ValueError('outer') from inner\n"
        "except ValueError as e:\n"
        "    print(type(e.__cause__).__name__, e.__suppress_context__, type(e.__context__).__name__)\n"
        "e = ValueError()\n"
        "e.args = [1, 2]\n"
        "print(e.args, e.with_traceback(None) is e, e.__traceback__)\n"
        "try:\n"
        "    e.__cause__ = 1\n"
        "except TypeError as err:\n"
        "    print(err)\n",
        "ZeroDivisionError True ZeroDivisionError\n"
        "(1, 2) True None\n"
        "exception cause must be None or derive from BaseException\n");
}

Test(builtins, the_exception_hierarchy_is_cpythons) {
    expect_output(
        "print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError))\n"
        "print(issubclass(KeyboardInterrupt, Exception), issubclass(TimeoutError, OSError))\n"
        "print(issubclass(ModuleNotFoundError, ImportError), issubclass(TabError, SyntaxError))\n"
        "print(issubclass(UnboundLocalError, NameError), issubclass(StopAsyncIteration, Exception))\n"
        "try:\n"
        "    raise ExceptionGroup('group', [ValueError(1), TypeError(2)])\n"
        "except Exception as e:\n"
        "    print(type(e).__name__, e, len(e.exceptions), e.message)\n"
        "print(type(BaseExceptionGroup('g', [ValueError()])).__name__)\n"
        "try:\n"
        "    ExceptionGroup('g', [KeyboardInterrupt()])\n"
        "except TypeError as e:\n"
        "    print(e)\n",
        "True True\n"
        "False True\n"
        "True True\n"
        "True True\n"
        "ExceptionGroup group (2 sub-exceptions) 2 group\n"
        "ExceptionGroup\n"
        "Cannot nest BaseExceptions in an ExceptionGroup\n");
}

Test(builtins, traceback_shows_each_frame_and_its_line) {
    expect_traceback(
        "def inner():\n"
        "    raise ValueError('boom')\n"
        "\n"
        "def outer():\n"
        "    inner()\n"
        "\n"
        "outer()\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 7, in <module>\n"
        "    outer()\n"
        "  File \"<test>\", line 5, in outer\n"
        "    inner()\n"
        "  File \"<test>\", line 2, in inner\n"
        "    raise ValueError('boom')\n"
        "ValueError: boom\n");
}

Test(builtins, traceback_of_an_exception_with_no_message_shows_its_name) {
    expect_traceback(
        "raise KeyError\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 1, in <module>\n"
        "    raise KeyError\n"
        "KeyError\n");
}

Test(builtins, traceback_collapses_repeated_lines) {
    expect_traceback(
        "def down(n):\n"
        "    if n == 0:\n"
        "        raise RecursionError('bottom')\n"
        "    down(n - 1)\n"
        "\n"
        "down(8)\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 6, in <module>\n"
        "    down(8)\n"
        "  File \"<test>\", line 4, in down\n"
        "    down(n - 1)\n"
        "  File \"<test>\", line 4, in down\n"
        "    down(n - 1)\n"
        "  File \"<test>\", line 4, in down\n"
        "    down(n - 1)\n"
        "  [Previous line repeated 5 more times]\n"
        "  File \"<test>\", line 3, in down\n"
        "    raise RecursionError('bottom')\n"
        "RecursionError: bottom\n");
}

Test(builtins, traceback_shows_the_context_first) {
    expect_traceback(
        "try:\n"
        "    {}.pop('missing')\n"
        "except KeyError:\n"
        "    raise RuntimeError('while handling')\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 2, in <module>\n"
        "    {}.pop('missing')\n"
        "KeyError: 'missing'\n"
        "\n"
        "During handling of the above exception, another exception occurred:\n"
        "\n"
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 4, in <module>\n"
        "    raise RuntimeError('while handling')\n"
        "RuntimeError: while handling\n");
}

Test(builtins, traceback_shows_the_cause_first) {
    expect_traceback(
        "def load():\n"
        "    try:\n"
        "        int('x')\n"
        "    except ValueError as e:\n"
        "        raise LookupError('bad config') from e\n"
        "\n"
        "load()\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 3, in load\n"
        "    int('x')\n"
        "ValueError: invalid literal for int() with base 10: 'x'\n"
        "\n"
        "The above exception was the direct cause of the following exception:\n"
        "\n"
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 7, in <module>\n"
        "    load()\n"
        "  File \"<test>\", line 5, in load\n"
        "    raise LookupError('bad config') from e\n"
        "LookupError: bad config\n");
}

Test(builtins, traceback_hides_a_suppressed_context) {
    expect_traceback(
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    raise ValueError('clean') from None\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 4, in <module>\n"
        "    raise ValueError('clean') from None\n"
        "ValueError: clean\n");
}

Test(builtins, traceback_prints_notes_after_the_message) {
    expect_traceback(
        "e = TypeError('typed')\n"
        "e.add_note('first note')\n"
        "e.add_note('second\\nline')\n"
        "raise e\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 4, in <module>\n"
        "    raise e\n"
        "TypeError: typed\n"
        "first note\n"
        "second\n"
        "line\n");
}

Test(builtins, traceback_suggests_a_close_name) {
    expect_traceback(
        "def greet():\n"
        "    message = 'hi'\n"
        "    mesage\n"
        "\n"
        "greet()\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 5, in <module>\n"
        "    greet()\n"
        "  File \"<test>\", line 3, in greet\n"
        "    mesage\n"
        "NameError: name 'mesage' is not defined. Did you mean: 'message'?\n");
}

Test(builtins, traceback_suggests_a_builtin_name) {
    expect_traceback(
        "prnt\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 1, in <module>\n"
        "    prnt\n"
        "NameError: name 'prnt' is not defined. Did you mean: 'print'?\n");
}

Test(builtins, traceback_draws_exception_groups) {
    expect_traceback(
        "def fail(n):\n"
        "    raise ValueError(n)\n"
        "\n"
        "def collect():\n"
        "    errors = []\n"
        "    for i in range(2):\n"
        "        try:\n"
        "            fail(i)\n"
        "        except ValueError as e:\n"
        "            errors.append(e)\n"
        "    raise ExceptionGroup('two failures', errors + [TypeError('plain')])\n"
        "\n"
        "collect()\n",
        "  + Exception Group Traceback (most recent call last):\n"
        "  |   File \"<test>\", line 13, in <module>\n"
        "  |     collect()\n"
        "  |   File \"<test>\", line 11, in collect\n"
        "  |     raise ExceptionGroup('two failures', errors + [TypeError('plain')])\n"
        "  | ExceptionGroup: two failures (3 sub-exceptions)\n"
        "  +-+---------------- 1 ----------------\n"
        "    | Traceback (most recent call last):\n"
        "    |   File \"<test>\", line 8, in collect\n"
        "    |     fail(i)\n"
        "    |   File \"<test>\", line 2, in fail\n"
        "    |     raise ValueError(n)\n"
        "    | ValueError: 0\n"
        "    +---------------- 2 ----------------\n"
        "    | Traceback (most recent call last):\n"
        "    |   File \"<test>\", line 8, in collect\n"
        "    |     fail(i)\n"
        "    |   File \"<test>\", line 2, in fail\n"
        "    |     raise ValueError(n)\n"
        "    | ValueError: 1\n"
        "    +---------------- 3 ----------------\n"
        "    | TypeError: plain\n"
        "    +------------------------------------\n");
}

Test(builtins, traceback_of_a_syntax_error_points_at_the_column) {
    expect_traceback(
        "raise SyntaxError('invalid syntax', ('prog.py', 2, 5, 'x = = 1\\n', 2, 6))\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 1, in <module>\n"
        "    raise SyntaxError('invalid syntax', ('prog.py', 2, 5, 'x = = 1\\n', 2, 6))\n"
        "  File \"prog.py\", line 2\n"
        "    x = = 1\n"
        "        ^\n"
        "SyntaxError: invalid syntax\n");
}

Test(builtins, traceback_suggests_an_attribute_when_the_error_knows_the_object) {
    expect_traceback(
        "raise AttributeError(\"'list' object has no attribute 'apend'\", name='apend', obj=[])\n",
        "Traceback (most recent call last):\n"
        "  File \"<test>\", line 1, in <module>\n"
        "    raise AttributeError(\"'list' object has no attribute 'apend'\", name='apend', obj=[])\n"
        "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?\n");
}

Test(builtins, iterators_of_builtins_answer_next_and_iter) {
    expect_output(
        "it = iter([1, 2])\n"
        "print(it.__next__(), it.__iter__() is it, next(it, 'end'), next(it, 'end'))\n"
        "e = enumerate('a')\n"
        "print(e.__next__())\n"
        "try:\n"
        "    type(iter(()))()\n"
        "except TypeError as err:\n"
        "    print(err)\n",
        "1 True 2 end\n"
        "(0, 'a')\n"
        "cannot create 'tuple_iterator' instances\n");
}

/* --------------------------------------------- behaviour of the C interfaces */

static double fake_now(void *data) {
    UNUSED(data);
    return 12.5;
}

static double slept;

static void fake_sleep(void *data, double seconds) {
    UNUSED(data);
    slept += seconds;
}

static void interrupted_sleep(void *data, double seconds) {
    UNUSED(seconds);
    ((VM *)data)->interrupted = 1;
}

Test(builtins, time_functions_go_through_the_clock_hooks) {
    vm->clock_now = fake_now;
    vm->clock_wall = fake_now;
    vm->clock_sleep = fake_sleep;
    slept = 0;
    expect_output("import time\ntime.sleep(0.25)\ntime.sleep(2)\n"
                  "print(time.monotonic(), time.perf_counter(), time.time(), time.time_ns())\n",
                  "12.5 12.5 12.5 12500000000\n");
    cr_assert_float_eq(slept, 2.25, 1e-12);
}

Test(builtins, sleep_refuses_negative_and_non_numeric_lengths) {
    expect_output("import time\n"
                  "for bad in (-1, 'x', float('nan')):\n"
                  "    try:\n"
                  "        time.sleep(bad)\n"
                  "    except (ValueError, TypeError) as e:\n"
                  "        print(type(e).__name__, e)\n",
                  "ValueError sleep length must be non-negative\n"
                  "TypeError 'str' object cannot be interpreted as an integer\n"
                  "ValueError Invalid value NaN (not a number)\n");
}

Test(builtins, ctrl_c_ends_a_sleep_with_keyboard_interrupt) {
    vm->clock_sleep = interrupted_sleep;
    vm->clock_data = vm;
    expect_traceback("import time\ntime.sleep(100)\n",
                     "Traceback (most recent call last):\n"
                     "  File \"<test>\", line 2, in <module>\n"
                     "    time.sleep(100)\n"
                     "KeyboardInterrupt\n");
    cr_assert_eq(vm->interrupted, 0);
}

Test(builtins, default_sleep_really_waits) {
    double before = vm->clock_now(vm->clock_data);
    vm->clock_sleep(vm->clock_data, 0.02);
    double waited = vm->clock_now(vm->clock_data) - before;
    cr_assert(waited >= 0.019 && waited < 1.0, "waited %f", waited);
}

Test(builtins, input_reads_a_line_and_raises_eof_error_at_the_end) {
    cr_redirect_stdin();
    FILE *in = cr_get_redirected_stdin();
    fputs("first line\nlast", in);
    fclose(in);
    expect_output("a = input('> ')\nb = input()\nprint(repr(a), repr(b))\n"
                  "try:\n    input()\nexcept EOFError as e:\n    print('EOFError', e)\n",
                  "> 'first line' 'last'\nEOFError EOF when reading a line\n");
}

Test(builtins, every_exception_class_is_in_types_and_builtins) {
    const char *names[] = {"BaseException", "ValueError", "KeyError", "StopIteration",
                           "TimeoutError", "ExceptionGroup", "RecursionError"};
    ObjClass *classes[] = {vm->types.BaseException, vm->types.ValueError, vm->types.KeyError,
                           vm->types.StopIteration, vm->types.TimeoutError,
                           vm->types.ExceptionGroup, vm->types.RecursionError};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        Value found = dict_get_str(vm->builtins, str_intern_cstr(vm, names[i]));
        cr_assert(IS_CLASS(found) && AS_CLASS(found) == classes[i], "%s", names[i]);
        cr_assert_eq(classes[i]->instance_type, OBJ_EXCEPTION);
    }
    cr_assert_null(vm->types.CancelledErrorPlaceholder);
    cr_assert(class_is_subclass(vm->types.ZeroDivisionError, vm->types.ArithmeticError));
    cr_assert(!class_is_subclass(vm->types.KeyboardInterrupt, vm->types.Exception));
}

Test(builtins, a_diagnostic_prints_as_cpythons_syntax_error) {
    Diagnostic diag = {.kind = "SyntaxError", .line = 1, .col = 5, .end_col = 6};
    strcpy(diag.message, "invalid syntax");
    ObjException *exc = exception_from_diagnostic(vm, &diag, "prog.py", "x = = 1", 7);
    vm_print_exception(vm, OBJ_VAL(exc));
    cr_assert_str_eq(text_of(&captured.err), "  File \"prog.py\", line 1\n"
                                             "    x = = 1\n"
                                             "        ^\n"
                                             "SyntaxError: invalid syntax\n");
}

Test(builtins, a_cycle_of_contexts_prints_each_exception_once) {
    ObjException *a = exception_new(vm, vm->types.ValueError, NULL);
    ObjException *b = exception_new(vm, vm->types.TypeError, NULL);
    a->context = OBJ_VAL(b);
    b->context = OBJ_VAL(a);
    vm_print_exception(vm, OBJ_VAL(a));
    cr_assert_str_eq(text_of(&captured.err),
                     "TypeError\n\nDuring handling of the above exception, another exception "
                     "occurred:\n\nValueError\n");
}

Test(builtins, exception_attributes_unknown_to_the_exception_are_left_to_the_class) {
    ObjException *exc = exception_new(vm, vm->types.ValueError, NULL);
    cr_assert(IS_EMPTY(exception_getattr(vm, exc, str_intern_cstr(vm, "with_traceback"))));
    cr_assert(IS_EMPTY(vm->exception));
    cr_assert(IS_TUPLE(exception_getattr(vm, exc, str_intern_cstr(vm, "args"))));
}
