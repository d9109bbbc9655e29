# format() of floats under the format-spec mini-language
# generated table: every value under every spec; errors show as their type and message
values = [
    0.0,
    -0.0,
    1.0,
    -1.5,
    3.14159265358979,
    2.5,
    0.000123456,
    123456789.123,
    1e16,
    1e-5,
    1e300,
    float('inf'),
    float('-inf'),
    float('nan'),
    0.5,
    1.25,
    100.0,
]
specs = [
    '', 'f', '.0f', '.1f', '.2f', '.10f', 'e', '.0e',
    '.3e', 'E', 'g', '.3g', '.10g', 'G', '#g', '#.3g',
    '%', '.0%', '.2%', '10.2f', '<10.2f', '^12.3e', '>+10.1f', '=+10.1f',
    '010.2f', '+.2f', ' .2f', ',.2f', '_.3f', '*>12,.1f', '#.0f', '#.0e',
    'z.1f', '.2', '.12', 'r', 'n', '10', '<10', '0',
    'd', 'x', ',', '_',
]
for value in values:
    row = []
    for spec in specs:
        try:
            row.append(format(value, spec))
        except (ValueError, TypeError, OverflowError) as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(repr(value))
    for spec, text in zip(specs, row):
        print('   ', repr(spec), '->', repr(text))
