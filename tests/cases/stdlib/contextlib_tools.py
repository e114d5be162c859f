from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack

log = []

@contextmanager
def tag(name):
    log.append('<' + name + '>')
    try:
        yield name.upper()
    finally:
        log.append('</' + name + '>')

with tag('b') as t:
    log.append(t)
print(log)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print('swallowed', e)

with swallow():
    raise ValueError('boom')
print('after swallow')

try:
    with tag('i'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e, log[-1])

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
try:
    with suppress(KeyError):
        raise IndexError('idx')
except IndexError as e:
    print('not suppressed', e)

class Res:
    def close(self):
        print('closed')
with closing(Res()) as r:
    print(type(r).__name__)

with nullcontext(5) as v:
    print(v)

@tag('deco')
def decorated():
    log.append('body')
log.clear()
decorated()
print(log)

with ExitStack() as stack:
    for n in 'xy':
        stack.enter_context(tag(n))
    stack.callback(lambda: log.append('cb'))
    log.append('inside')
print(log)

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)
