import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 0))
p = functools.partial(int, base=2)
print(p('1010'), p('11'))
def add3(a, b, c): return a + b + c
print(functools.partial(add3, 1, 2)(3))
