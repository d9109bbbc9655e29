# format() of ints under the format-spec mini-language
# generated table: every value under every spec; errors show as their type and message
values = [
    0,
    1,
    -1,
    42,
    -42,
    255,
    1234567,
    -9876543210,
    2**64,
    -(2**70),
    True,
]
specs = [
    '', 'd', '5d', '<5', '>5', '^5', '=+8', '*^9',
    '05', '+d', ' d', '-d', 'x', 'X', '#x', '#X',
    'o', '#o', 'b', '#b', '#010b', ',', '_', '_x',
    '_b', '015,', ',d', 'c', 'e', 'E', '.2e', 'f',
    '.3f', 'g', 'G', '%', '.1%', 'n', '#08x', '+#x',
    '0=10', 'x<10', 'z',
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
