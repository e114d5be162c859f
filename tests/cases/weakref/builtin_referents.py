# Builtin types that support weak references, and their death.
import sys
import weakref


def f():
    pass


class K:
    def m(self):
        pass


def gen():
    yield 1


objs = [f, K, set(), frozenset([1]), K().m, gen(), sys]
for o in objs:
    r = weakref.ref(o)
    print(type(o).__name__, r() is o, weakref.getweakrefcount(o))
del r, o

# Each dies by reference count: its callback runs at once.
log = []
for name, make in [('function', lambda: (lambda: 0)),
                   ('set', set),
                   ('frozenset', lambda: frozenset([1, 2])),
                   ('method', lambda: K().m),
                   ('generator', gen)]:
    o = make()
    w = weakref.ref(o, lambda w, name=name: log.append(name))
    del o
    print(name, 'dead:', w() is None)
print(log)

# A started generator: the callback runs before the generator is closed.
def g2():
    try:
        yield 1
        yield 2
    finally:
        print('generator closed')


it = g2()
next(it)
w = weakref.ref(it, lambda w: print('generator callback'))
del it
print('end')
