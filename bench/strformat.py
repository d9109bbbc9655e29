# Benchmark: string formatting as programs print their results: f-strings with
# format specs (width, precision, grouping, alignment), str.format with
# positional and keyword fields, %-formatting, and repr/str of numbers.
def report_lines(n):
    total = 0
    for i in range(n):
        price = i * 0.37 + 1.5
        line = f"{i:>6d} | {price:10.2f} | {price * 1000:>14,.1f} | {i % 97:#06x} | {price / 7:.3e}"
        total += len(line)
    return total


def format_method(n):
    total = 0
    template = "{name:<12}{qty:>5}{unit:>9.2f}{share:>8.1%}"
    for i in range(n):
        text = template.format(name="item" + str(i % 50), qty=i % 1000, unit=i / 3, share=(i % 100) / 100)
        total += len(text)
        total += len("{0}-{1}-{0}".format(i, i + 1))
    return total


def percent_format(n):
    total = 0
    for i in range(n):
        text = "%5d %-8s %8.3f %x %s" % (i, "row", i / 7, i, i * 2)
        total += len(text)
    return total


def reprs(n):
    total = 0
    values = [0.1, 1e-05, 123456.789, -0.0, 2.5, 1 / 3]
    for i in range(n):
        for v in values:
            total += len(repr(v * i)) + len(str(i))
    return total


n = 60000
print(report_lines(n), format_method(n), percent_format(n), reprs(n // 2))
