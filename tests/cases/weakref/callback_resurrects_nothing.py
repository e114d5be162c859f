# A callback cannot get the referent back: w() is None inside it, and the
# object is gone afterwards even if the callback stores the reference.
import weakref

saved = []


class C:
    def __del__(self):
        print('__del__ runs once')


def cb(w):
    print('in callback:', w(), w.__callback__)
    saved.append(w)


c = C()
r = weakref.ref(c, cb)
del c
print(len(saved), saved[0] is r, saved[0]())
print('callback cleared:', r.__callback__)
