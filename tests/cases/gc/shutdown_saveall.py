# GC-12: under DEBUG_SAVEALL the saved garbage is not reported at exit, and
# the shutdown collections still finalize cyclic garbage.
import gc


class F:
    def __del__(self):
        print("finalized")


gc.set_debug(gc.DEBUG_SAVEALL)
f = F()
f.me = f
del f
print("collected", gc.collect(), len(gc.garbage))
print("end")
