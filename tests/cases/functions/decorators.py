def trace(fn):
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, kwargs)
        r = fn(*args, **kwargs)
        print('ret', r)
        return r
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(name):
    return 'hi ' + name
print(hi('bob'))
def d1(f):
    print('apply d1'); return lambda: 'd1(' + f() + ')'
def d2(f):
    print('apply d2'); return lambda: 'd2(' + f() + ')'
@d1
@d2
def base():
    return 'base'
print(base())
import functools
def logged(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@logged
def documented():
    """doc here"""
print(documented.__name__, documented.__doc__)
