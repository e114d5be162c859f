# Exceptions raised in weakref callbacks go to sys.unraisablehook with the
# callback as the object and err_msg None; the other callbacks still run.
import sys
import weakref


def hook(u):
    print('hook:', type(u.exc_value).__name__, u.exc_value, u.err_msg, u.object.__name__)


class C:
    pass


def bad(w):
    print('bad runs, referent is', w())
    1 / 0


def good(w):
    print('good runs')


c = C()
r1 = weakref.ref(c, bad)
r2 = weakref.ref(c, good)
orig_hook = sys.unraisablehook
sys.unraisablehook = hook
del c
print('after first death')

# With the default hook the report goes to stderr.
sys.unraisablehook = orig_hook


class RaisesKey:
    def __call__(self, w):
        raise KeyError('k')

    def __repr__(self):
        return '<RaisesKey callback>'


d = C()
r3 = weakref.ref(d, RaisesKey())
del d
print('after second death')
