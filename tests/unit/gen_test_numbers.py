#!/usr/bin/env python3
"""Regenerates the tables of tests/unit/test_numbers.c with CPython 3.11.

Every expected string is what CPython prints for the case; the script rewrites
the region between the BEGIN/END GENERATED TABLES markers of the test file.
Usage: python3 gen_test_numbers.py path/to/test_numbers.c
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the tables must come from CPython 3.11"
random.seed(2024)

OPS = {'+': 'OPR_ADD', '-': 'OPR_SUB', '*': 'OPR_MUL', '@': 'OPR_MATMUL', '/': 'OPR_DIV', '//': 'OPR_FLOORDIV',
       '%': 'OPR_MOD', '**': 'OPR_POW', '<<': 'OPR_LSHIFT', '>>': 'OPR_RSHIFT', '|': 'OPR_BITOR', '^': 'OPR_BITXOR',
       '&': 'OPR_BITAND'}


def c_string(text):
    out = ['"']
    for byte in text.encode('utf-8'):
        ch = chr(byte)
        if ch in '"\\?':
            out.append('\\' + ch)
        elif 32 <= byte < 127:
            out.append(ch)
        else:
            out.append('\\%03o' % byte)
    out.append('"')
    return ''.join(out)


def operand(value):
    """The test's operand text for a Python value."""
    if isinstance(value, bool):
        return f'b:{value}'
    if isinstance(value, int):
        return f'i:{value}'
    if value is None:
        return 'n:None'
    return f'f:{value!r}'


def describe(thunk):
    try:
        result = thunk()
    except TypeError as error:
        if str(error).startswith('unsupported operand'):
            return 'unsupported'
        return f'TypeError: {error}'
    except Exception as error:  # noqa: BLE001 - every exception is data here
        return f'{type(error).__name__}: {error}'
    return describe_value(result)


def describe_value(result):
    if isinstance(result, bool):
        return f'bool {result}'
    if isinstance(result, int):
        return f'int {result}'
    if isinstance(result, float):
        return f'float {result!r}'
    if isinstance(result, str):
        return f'str {result}'
    if isinstance(result, complex):
        return 'complex'
    if isinstance(result, tuple):
        return 'tuple' + ''.join(f' ({describe_value(item)})' for item in result)
    raise AssertionError(result)


INF, NAN = float('inf'), float('nan')
BINARY_VALUES = [0, -7, 3, 2**63 - 1, -2**63, 2**64 + 3, -(10**30), True, False, -0.0, 2.5, INF, NAN]


def binary_cases():
    rows = []
    for a in BINARY_VALUES:
        for b in BINARY_VALUES:
            for symbol, name in OPS.items():
                huge = isinstance(b, int) and not isinstance(b, bool) and b > 64
                if symbol in ('**', '<<') and huge and a not in (0, 1, -1):
                    continue  # CPython would build a number with billions of digits
                if random.random() < 0.6:
                    continue  # a sample of the matrix keeps the table readable
                expected = describe(lambda: eval(f'a {symbol} b', {'a': a, 'b': b}))
                if 'complex' in expected:
                    continue  # handoff has no complex numbers
                rows.append(f'    {{{name}, {c_string(operand(a))}, {c_string(operand(b))}, {c_string(expected)}}},')
    # Overflow edges of the int64 fast paths and GMP's way back.
    extra = [(2**62, '+', 2**62), (-2**63, '-', 1), (2**32, '*', 2**31), (-2**63, '//', -1), (-2**63, '%', -1),
             (3, '**', 40), (-2, '**', 63), (-2, '**', 64), (1, '<<', 62), (1, '<<', 63), (-1, '<<', 63),
             (2**64, '-', 1), (2**64, '//', 2), (-(2**64), '>>', 1), (2**63, '-', 1), (-(2**63) - 1, '+', 1),
             (7, '/', 2), (-7, '//', 2), (7, '%', -2), (2**53 + 1, '/', 1), (1, '/', 2**53 + 1),
             (10**400, '/', 10**399), (10**400, '/', 3), (1, '/', 10**400), (-1, '/', 10**400), (0, '/', -5),
             (2**1024 - 2**970, '*', 1.0), (2**1024 - 2**970 - 1, '*', 1.0), (2**1100, '//', 1.5),
             (2**2000, '**', -1), (10, '**', -400), (0, '**', -1), (0.0, '**', -1), (2, '**', -1074),
             (-7.5, '//', 2), (7.5, '%', -2), (-0.0, '%', 2), (1e-300, '//', -1e300), (1e308, '//', 1e-308),
             (-1, '%', INF), (1, '//', -INF), (INF, '//', 1), (1e308, '*', 10), (2.0, '**', 10000),
             (-8.0, '**', 3), (INF, '**', -3), (-INF, '**', 3), (NAN, '**', 0), (1, '**', NAN), (-1, '**', INF),
             (True, '&', True), (True, '|', 2), (True, '^', True), (2**100, '&', -1), (-(2**100), '|', 5),
             (2**100, '^', 2**100), (5, '>>', 100), (-5, '>>', 100), (-5, '>>', 1), (2**200, '>>', 150),
             (1, '>>', -1), (1, '<<', -1), (2**70, '<<', -1), (0, '<<', 10**30), (2**70, '&', 1.5)]
    for a, symbol, b in extra:
        expected = describe(lambda: eval(f'a {symbol} b', {'a': a, 'b': b}))
        rows.append(f'    {{{OPS[symbol]}, {c_string(operand(a))}, {c_string(operand(b))}, {c_string(expected)}}},')
    return 'static const BinaryCase binary_cases[] = {', rows


def compare_cases():
    values = [0, 1, -1, 2**53, 2**53 + 1, 2.0**53, 2**63 - 1, 2**63, -2**63, 9.223372036854775e18, 2.0**63,
              -2.0**63, 10**400, -10**400, 1e308, INF, -INF, NAN, 0.5, -0.5, 0.0, -0.0, True, False,
              2**1024, 1.7976931348623157e308, 2**1024 - 2**970, 3, 2.9999999999999996]
    rows = []
    for a in values:
        for b in values:
            if random.random() > (0.25 if isinstance(a, float) != isinstance(b, float) else 0.08):
                continue
            c = 2 if (a != a or b != b) else (a > b) - (a < b)
            rows.append(f'    {{{c_string(operand(a))}, {c_string(operand(b))}, {c}}},')
    return 'static const CompareCase compare_cases[] = {', rows


def hash_cases():
    values = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -2**61, -2**61 + 1, 2**63 - 1, -2**63, 2**63, 2**64,
              -(2**100) - 12345, 10**30, True, False, 1.0, -1.0, 1.5, -1.5, 0.0, -0.0, 1e300, -1e-300, 5e-324,
              2.0**61, 2.0**62, INF, -INF, 0.1, 1e16, 4.5e15]
    for _ in range(20):
        values.append(random.getrandbits(random.randint(1, 200)) * random.choice([1, -1]))
        values.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(62)))[0])
    rows = [f'    {{{c_string(operand(v))}, INT64_C({hash(v)})}},' for v in values if v == v]
    return 'static const HashCase hash_cases[] = {', rows


def unary_cases():
    values = [0, 5, -5, 2**63 - 1, -2**63, 2**63, -(2**63) - 1, 2**100, True, False, -0.0, 2.5, -INF, NAN]
    rows = []
    for v in values:
        parts = [describe(lambda: -v), describe(lambda: ~v), describe(lambda: abs(v))]
        parts = ['unsupported' if p.startswith('TypeError: bad operand') else p for p in parts]
        rows.append(f'    {{{c_string(operand(v))}, ' + ', '.join(c_string(p) for p in parts) + '},')
    return 'static const UnaryCase unary_cases[] = {', rows


def exact_parts(d):
    """mantissa (< 2**53) and exponent with d == mantissa * 2**exponent."""
    numerator, denominator = d.as_integer_ratio()
    exponent = -(denominator.bit_length() - 1)
    while numerator and numerator % 2 == 0 and numerator.bit_length() > 53:
        numerator //= 2
        exponent += 1
    while numerator and numerator % 2 == 0 and exponent < 0:
        numerator //= 2
        exponent += 1
    assert math.ldexp(numerator, exponent) == d
    return numerator, exponent


def repr_cases():
    values = [0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 123456789.0,
              1.5e300, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
              2**53 + 2.0, 2.0**63, 1e22, 1e23, 0.1 + 0.2, 100.0, -2.5, 7.678447687145631e-239,
              1.1102230246251565e-16, 6.150157786156811e259]
    values += [2.0**e for e in range(-1074, 1024, 23)]
    for _ in range(150):
        d = struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
        if d == d and not math.isinf(d):
            values.append(d)
    for _ in range(50):
        values.append(round(random.random() * 10**random.randint(-8, 20), random.randint(0, 8)))
    rows = []
    for d in values:
        mantissa, exponent = exact_parts(abs(d))
        if math.copysign(1, d) < 0:
            mantissa = -mantissa
        if d == 0 and math.copysign(1, d) < 0:
            continue  # ldexp of an int mantissa cannot make -0.0; covered by the unary cases
        rows.append(f'    {{INT64_C({mantissa}), {exponent}, {c_string(repr(d))}}},')
    return 'static const ReprCase repr_cases[] = {', rows


def int_parse_cases():
    texts = ['0', '-0', '+0', '12', ' 12 ', '\t-15\n', '1_000', '1__0', '_10', '10_', '0x1F', '-0x1F', '  -0x1F ',
             '0x_1F', '0x1_F', '0x', '0x_', '0o17', '0b101', '0b', '0_7', '0_0', '00', '010', '09', '9_9', '1 2',
             '+', '-', '', '   ', '\u0661\u0662', '\u2003 12 \u2003', 'abc', 'z', 'Z', '1e5', '1.5',
             '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
             '18446744073709551616', '1' * 60, 'a' * 210, '\u00e9' * 205]
    rows = []
    for text in texts:
        for base in (0, 2, 8, 10, 16, 36):
            if base not in (10, 0, 16) and random.random() < 0.6:
                continue
            if len(text) > 100 and base != 10:
                continue  # long texts once: they pin the 200-character cut of the message
            expected = describe(lambda: int(text, base))
            rows.append(f'    {{{c_string(text)}, {base}, {c_string(expected)}}},')
    return 'static const IntParseCase int_parse_cases[] = {', rows


def float_parse_cases():
    texts = ['0', '-0', '1e5', ' 1e5 ', '\t-1.5\n', 'inf', '-Infinity', '+iNF', 'nan', ' +NaN ', '-nan', 'infinit',
             'infinityy', '1_0.5_5e1_0', '1_000.5', '1__0', '1_e5', '1e_5', '1e+_5', '1._5', '1_.5', '1.5_', '.5',
             '5.', '.', '1e', 'e5', '-.e5', '.5e-3', '1e500', '-1e500', '1e-500', '0x10', '++1', '', '   ', 'abc',
             '\u0661.\u0665', '\u2003 2.5', '4.9406564584124654e-324', '2.4703282292062327e-324',
             '2.4703282292062328e-324', '1.7976931348623157e308', '1.7976931348623159e308',
             '0.' + '0' * 400 + '1', '1' * 400, '1' * 400 + '.5e-400', '9007199254740993', '1e99999999999999999999',
             'a' * 250]
    rows = [f'    {{{c_string(t)}, {c_string(describe(lambda: float(t)))}}},' for t in texts]
    return 'static const FloatParseCase float_parse_cases[] = {', rows


def round_cases():
    values = [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 0.375, -0.0, 1e300, -1e300, 1.7976931348623157e308,
              5e-324, 0.49999999999999994, 4503599627370497.0, 1234.5678, -1250.0, 1250.0, 1350.0, INF, NAN,
              7, -15, -25, 1250, 2**63 + 5, 10**30 + 5 * 10**10, True, -0.4]
    ndigits = [None, 0, 1, 2, -1, -2, -308, -309, 323, 324, 2**70, -(2**70), True, 1.5]
    rows = []
    for v in values:
        for n in ndigits:
            if isinstance(v, int) and isinstance(n, int) and n < -10**6:
                continue  # CPython would build 10**(2**70)
            if random.random() < 0.45 and n not in (None, 0, -1, 2):
                continue
            expected = describe(lambda: round(v) if n is None else round(v, n))
            nd = 'NULL' if n is None else c_string(operand(n))
            rows.append(f'    {{{c_string(operand(v))}, {nd}, {c_string(expected)}}},')
    return 'static const RoundCase round_cases[] = {', rows


def format_cases():
    values = [0, 7, -42, 255, 1234567, -2**64, 10**30, 65, True, False,
              0.0, -0.0, 1.0, -1.5, 0.1, 1234567.891, -0.0001, 1e16, 1e-5, 123.456, 9.999, 1e100, 5e-324,
              2.675, 2.5, INF, -INF, NAN, 1 / 3]
    specs = ['', 'd', 'n', 'x', 'X', 'o', 'b', 'c', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's', '5', '<5', '^9', '=8',
             '*^11', '0>6', '010', '+', ' ', '#x', '#X', '#010x', '#_b', '_x', ',x', ',', '_', '015,', '0=15,',
             'x=15,', '.2', '.0', '.3', '.17', '.2f', '.0f', '.30f', '#.0f', '#.0', '#', '#g', '.0e', '#.0e',
             '.3E', '.0g', '.1%', 'z', 'z.2f', 'z.1', 'zd', ',.2f', '_.3f', '012,.2f', '^+12,.1f', '=+15,.3f',
             '.', ',,', ',_', '_,', 'ab', '.2d', '+c', '#c', ',c', ',n', '_n', '.2147483648f',
             '99999999999999999999999', '\u00e9^10', '\u20ac^11,.2f', '\u0663', '0=', ' #o', '-#b']
    rows = []
    for v in values:
        for s in specs:
            if random.random() < 0.82 and s not in ('', 'd', 'f', ',', '.2', 'z.1'):
                continue
            expected = describe(lambda: format(v, s))
            rows.append(f'    {{{c_string(operand(v))}, {c_string(s)}, {c_string(expected)}}},')
    return 'static const FormatCase format_cases[] = {', rows


def main():
    path = sys.argv[1]
    source = open(path, encoding='utf-8').read()
    begin = source.index('/* BEGIN GENERATED TABLES')
    begin = source.index('\n', begin) + 1
    end = source.index('/* END GENERATED TABLES */')
    tables = []
    for make in (binary_cases, compare_cases, hash_cases, unary_cases, repr_cases, int_parse_cases,
                 float_parse_cases, round_cases, format_cases):
        header, rows = make()
        tables.append(header + '\n' + '\n'.join(rows) + '\n};\n')
    source = source[:begin] + '\n'.join(tables) + source[end:]
    open(path, 'w', encoding='utf-8').write(source)


main()
