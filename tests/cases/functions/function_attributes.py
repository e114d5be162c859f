def f(a, b=1, *args, c, d=2, **kw):
    """Docstring."""
    x = 1
    return x
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:6])
f.custom = 'attr'
print(f.custom, f.__dict__)
class C:
    def m(self): pass
    class Inner:
        def n(self): pass
print(C.m.__qualname__, C.Inner.n.__qualname__, C().m.__func__ is C.m)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, f.__module__)
