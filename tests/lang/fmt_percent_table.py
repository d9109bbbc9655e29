# %-formatting: every value under every conversion; errors show as their type and message
values = [
    0,
    42,
    -42,
    3.14159,
    -0.5,
    255,
    2**64,
    -(2**70),
    1e20,
    'text',
    True,
    None,
    (1, 2),
    [1, 2],
    2.0**70,
    2**70 + 2**17 + 1,
    10**400,
]
specs = [
    '%s', '%r', '%a', '%d', '%i', '%5d', '%-5d|', '%05d',
    '%+d', '% d', '%x', '%X', '%#x', '%o', '%#o', '%e',
    '%E', '%.2e', '%f', '%.1f', '%10.3f', '%-10.3f|', '%+.2f', '%g',
    '%G', '%.3g', '%#g', '%10s|', '%-10s|', '%.2s', '%c', '%%d',
    '%u', '%08.3f', '%#.0f', '%5.1s|',
]
for value in values:
    print(repr(value))
    for spec in specs:
        try:
            text = spec % (value,)
        except (ValueError, TypeError, OverflowError) as e:
            text = type(e).__name__ + ': ' + str(e)
        print('   ', repr(spec), '->', repr(text))
