stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
q = [1, 2, 3]
q.pop(0)
q.append(4)
print(q)
from collections import deque
d = deque([1, 2, 3])
d.appendleft(0); d.append(4)
print(d, d.popleft(), d.pop(), list(d), len(d))
d.rotate(1); print(d)
print(deque(maxlen=2).maxlen, deque('abc', maxlen=2))
