class C:
    def __del__(self): print('__del__, weakref alive:', r() is not None)
import weakref
c = C(); r = weakref.ref(c, lambda w: print('callback, referent:', w()))
del c
print(r())
