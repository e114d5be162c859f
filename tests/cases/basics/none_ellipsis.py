print(None, repr(None), type(None).__name__)
print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
print(NotImplemented, bool(None))
def f(): pass
print(f())
x = None
print(x is None, x == None, x != 0)
