# A getset descriptor of a builtin type only applies to instances of that
# type: used on another object it raises TypeError.

class X:
    name = type.__dict__['__name__']
    qualname = type.__dict__['__qualname__']
    fname = (lambda: 0).__class__.__dict__['__name__']

def attempt(what, f):
    try:
        print(what, f())
    except (TypeError, AttributeError) as e:
        print(what, type(e).__name__ + ":", e)

x = X()
attempt("type getter", lambda: x.name)
attempt("type setter", lambda: setattr(x, "name", "Y"))
attempt("qualname getter", lambda: x.qualname)
attempt("function getter", lambda: x.fname)

class Meta(type):
    n = type.__dict__['__name__']

class Y(metaclass=Meta):
    pass

attempt("metaclass instance", lambda: Y.n)
Y.__name__ = "Renamed"
print(Y.__name__, Y.__qualname__)
