# atexit: functions run at exit, last registered first, after the script.
import atexit


def bye(*args, **kwargs):
    print('bye', args, sorted(kwargs.items()))


print(atexit.register(bye, 1) is bye)
atexit.register(bye, 2, k='v')


@atexit.register
def decorated():
    print('decorated')


def removed():
    print('never printed')


atexit.register(removed)
atexit.register(removed)
atexit.unregister(removed)


class Fails:
    def __call__(self):
        raise RuntimeError('exit function failed')

    def __repr__(self):
        return '<Fails>'


atexit.register(Fails())
try:
    atexit.register(5)
except TypeError as e:
    print('TypeError:', e)
print('end of script')
