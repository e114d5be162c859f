# gc.callbacks (GC-13), automatic collections and generation choice (GC-5,
# GC-6; checks C23-C26) and errors in callbacks.
import gc
import sys

log = []
gc.callbacks.append(lambda phase, info: log.append((phase, info)))
print(gc.collect(1))
for e in log:
    print(e)
gc.callbacks.clear()

gc.collect()
log = []
gc.callbacks.append(lambda phase, info: log.append((phase, info["generation"])))
x = [[] for _ in range(800)]
print(log[:2])
gc.callbacks.clear()

gc.collect()
log = []
gc.callbacks.append(lambda p, i: p == "start" and log.append(i["generation"]))
for _ in range(100000):
    a = []
    b = [a]
    a.append(b)
print(2 in log, 1 in log, gc.get_count()[2] > 10)
gc.callbacks.clear()

gc.collect()
log = []
gc.callbacks.append(lambda p, i: p == "start" and log.append(i["generation"]))
keep = []
for i in range(200000):
    keep.append([])
print(2 in log)
gc.callbacks.clear()
del keep


def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, u.err_msg, u.object.__name__)


sys.unraisablehook = hook


def bad(phase, info):
    raise ValueError(phase)


def good(phase, info):
    print("good", phase, info["collected"])


gc.callbacks.extend([bad, good])
a = []
a.append(a)
del a
print(gc.collect())
gc.callbacks.clear()

# A callback that collects gets 0 (a collection is running).
def nested(phase, info):
    if phase == "start":
        print("nested collect ->", gc.collect())


gc.callbacks.append(nested)
print(gc.collect())
gc.callbacks.clear()

# Stats accumulate per generation.
before = gc.get_stats()[2]["collections"]
gc.collect()
gc.collect()
print(gc.get_stats()[2]["collections"] - before)
