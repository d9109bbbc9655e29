# A small program: round-robin scheduling of generators, the idea behind an event loop.
def task(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        yield
    return f"{name} finished"


def run_all(tasks):
    ready = list(tasks)
    results = []
    while ready:
        current = ready.pop(0)
        try:
            next(current)
        except StopIteration as e:
            results.append(e.value)
        else:
            ready.append(current)
    return results


print(run_all([task("a", 3), task("b", 1), task("c", 2)]))
