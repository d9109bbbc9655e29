# send and throw interleaved on one generator.
def worker():
    results = []
    while True:
        try:
            job = yield len(results)
            results.append(job * 2)
        except ValueError:
            results.append("error")
        except GeneratorExit:
            print("  closing with", results)
            raise


w = worker()
print(next(w))
print(w.send(5))
print(w.throw(ValueError))
print(w.send(7))
w.close()
print("closed")
