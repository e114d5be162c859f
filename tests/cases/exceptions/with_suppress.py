class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print('suppressed', et.__name__, ev)
            return True
        return False
with Suppress(KeyError):
    {}['x']
print('after 1')
try:
    with Suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print('escaped', e)
import contextlib
with contextlib.suppress(ZeroDivisionError):
    1 / 0
    print('not reached')
print('after 2')
@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name
    finally:
        print(f'</{name}>')
with tag('a') as n:
    with tag('b'):
        print('inside', n)
try:
    with tag('c'):
        raise RuntimeError('x')
except RuntimeError as e:
    print('caught', e)
