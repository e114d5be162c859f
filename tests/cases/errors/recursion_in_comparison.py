# Comparing self-referencing or very deep containers raises RecursionError
# (CPython's "in comparison" message), never overflows the native stack.
import sys

a = []
a.append(a)
b = []
b.append(b)
for expr in ['a == b', 'a < b', 'a in [b]', '[a].index(b)', 'max([a, b])', 'sorted([a, b])', 'a != b']:
    try:
        print(expr, eval(expr))
    except RecursionError as e:
        print(expr, 'RecursionError:', e)
d = {}
d[1] = d
e = {}
e[1] = e
try:
    print(d == e)
except RecursionError as ex:
    print('dict RecursionError:', ex)
t = (1,)
u = (1,)
for i in range(20000):
    t = (t,)
    u = (u,)
try:
    print(t == u)
except RecursionError as ex:
    print('tuple RecursionError:', ex)
x = []
y = x
for i in range(200000):
    y.append([])
    y = y[0]
try:
    print(x == x[:])
except RecursionError as ex:
    print('deep RecursionError:', ex)
del x, y


# Deep Python recursion under a raised limit reaches CPython's depths.
def f(n):
    return f(n + 1) if n < 100000 else n


sys.setrecursionlimit(10**6)
print(f(0))
