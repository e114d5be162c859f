def g():
    yield 1
    raise StopIteration('inside')
try:
    list(g())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def h():
    yield 1
    return 5
it = h()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def empty():
    return 'x'
    yield
try:
    next(empty())
except StopIteration as e:
    print(repr(e.value))
