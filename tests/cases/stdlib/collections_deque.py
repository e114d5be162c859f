from collections import deque

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy')
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(list(reversed(d)), d.count(1), d.index(2))
d.remove('a'); d.insert(1, 'ins'); d[0] = 'first'; del d[2]
print(d)
d.reverse()
print(d, d == deque(list(d)), d != deque())
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10); b.appendleft(-1)
print(b)
for bad in (deque().pop, deque().popleft):
    try:
        bad()
    except IndexError as e:
        print('IndexError:', e)
try:
    deque([1])[5]
except IndexError as e:
    print('IndexError:', e)
try:
    deque([1]).remove(7)
except ValueError as e:
    print('ValueError:', e)
dd = deque([1, 2])
try:
    for x in dd:
        dd.append(x)
except RuntimeError as e:
    print('RuntimeError:', e)
print(deque('abc') + deque('de'), deque([1]) * 3, bool(deque()), bool(deque([0])))
q = deque()
for i in range(5):
    q.append(i)
out = []
while q:
    out.append(q.popleft())
print(out, deque([], maxlen=0), deque(maxlen=2))
c = d.copy(); c.clear()
print(c, d)
