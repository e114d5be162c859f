def f(a, b):
    return a + b
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=1), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print(e)
def g(*, k): pass
try:
    g()
except TypeError as e:
    print(e)
try:
    g(1)
except TypeError as e:
    print(e)
try:
    len(1, 2)
except TypeError as e:
    print(e)
try:
    n = 5
    n()
except TypeError as e:
    print(e)
def h(**kw): pass
try:
    h(**{'a': 1}, a=2)
except TypeError as e:
    print(e)
