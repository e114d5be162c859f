sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, z=2))
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])))
print(sq.__name__, (lambda: 0).__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(5) + '!')
print((lambda x=3, *, y=4: x * y)(), (lambda x, /: x)(1))
