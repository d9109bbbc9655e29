# format() of strs under the format-spec mini-language
# generated table: every value under every spec; errors show as their type and message
values = [
    '',
    'a',
    'hello',
    'héllo',
    '日本',
    'a\tb',
    'x' * 12,
]
specs = [
    '', 's', '10', '<10', '>10', '^10', '*^11', '-<8',
    '.3', '10.2', '^9.1', '=10', '+', 'd', ',', '#',
    '05', 'x', '0>6',
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
