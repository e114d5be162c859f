# An exception kept in a local of the frame its traceback points to: the
# traceback's frame sees the frame's locals as they are now (CPython's frame
# objects are live), so exception -> traceback -> frame -> exception is a
# cycle that only the collector frees. pyrite's tracebacks keep a snapshot of
# the locals taken when the exception left the frame (frames are not objects
# yet), so there is no cycle: a known failure until frames are objects.
import gc


class Sentinel:
    def __del__(self):
        print("freed by", "the collector" if collecting else "reference counting")


collecting = False


def f():
    try:
        raise ValueError("boom")
    except ValueError as e:
        err = e
    err.s = Sentinel()


gc.collect()
f()
collecting = True
print(gc.collect() > 0)
