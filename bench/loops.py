# Benchmark: loops over lists: building, appending, indexing, summing, comprehensions.
def build(n):
    items = []
    for i in range(n):
        items.append((i * 7 + 3) % 1000)
    return items


def prefix_sums(items):
    sums = [0] * len(items)
    running = 0
    i = 0
    while i < len(items):
        running += items[i]
        sums[i] = running
        i += 1
    return sums


def main():
    checksum = 0
    for round_number in range(25):
        items = build(40000)
        squares = [x * x for x in items]
        evens = [x for x in squares if x % 2 == 0]
        sums = prefix_sums(items)
        checksum += sum(evens) % 1000003 + sums[-1] + len(evens)
        for i in range(0, len(items), 7):
            checksum += items[i] - items[i // 2]
        checksum %= 1000000007
    print(checksum)


main()
