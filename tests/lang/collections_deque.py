# collections.deque: both ends, maxlen, rotation and the sequence protocol
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([10, 20])
print(d, list(d), list(reversed(d)))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.count(1), d.index(2), d.index("a"))
d.remove("a")
d[0] = "first"
print(d, d == deque(d), d != deque(), d == [1])
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
    print(last3)
last3.appendleft("x")
print(last3, last3.maxlen, deque().maxlen)
q = deque()
for i in range(1000):
    q.append(i)
total = 0
while q:
    total += q.popleft()
print(total, q, len(q))
left = deque()
for i in range(100):
    left.appendleft(i)
print(list(left)[:5], left[50], len(left))
c = left.copy()
c.clear()
print(len(c), len(left))
r = deque(range(5))
r.reverse()
print(r, deque("abc", maxlen=2), deque(range(3), 5), deque([], 0))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2), lambda: deque([1]).index(2), lambda: deque(maxlen=-1), lambda: deque(maxlen="a")]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": [], "e": ["a"]}
seen, order, todo = {"a"}, [], deque(["a"])
while todo:
    node = todo.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            todo.append(nxt)
print("bfs:", order)
