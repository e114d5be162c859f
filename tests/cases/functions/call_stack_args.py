def f(a, b, *c, d=4, **e):
    return locals()
print(f(1, 2))
print(f(1, 2, 3, d=5, z=9))
def g():
    a = 1
    b = 'x'
    return sorted(locals().items())
print(g())
