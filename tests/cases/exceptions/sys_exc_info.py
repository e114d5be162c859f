import sys
print(sys.exc_info())
try:
    raise KeyError('x')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
    print(sys.exception() is v if hasattr(sys, 'exception') else True)
print(sys.exc_info())
def inner():
    return sys.exc_info()[0]
try:
    1 / 0
except ZeroDivisionError:
    print(inner().__name__)
