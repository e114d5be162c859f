def show(**kw):
    return list(kw.items())
print(show(z=1, a=2, m=3))
print(show(**{'b': 1}, a=2))
def f(a, b, c):
    return a, b, c
print(f(c=3, a=1, b=2), f(1, c=3, b=2))
d = {'c': 'C', 'b': 'B'}
print(f('A', **d))
