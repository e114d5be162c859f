# A full collection over 1,000,000 tracked objects (issue #8's benchmark):
# a heap of lists, dicts, tuples and instances that all survive, then one
# gc.collect() timed on its own. Run it under pyrite and under python3:
#   target/release/pyrite benches/gc_full_collection.py
#   python3 benches/gc_full_collection.py
# Prints the tracked-object count and the best of five full-collection times.
import gc
import sys
import time


class Node:
    def __init__(self, i):
        self.i = i
        self.kids = []


def build(n):
    keep = []
    for i in range(n // 4):
        node = Node(i)
        node.kids.append([i])
        keep.append((node, {"k": node}))
    return keep


gc.disable()
target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
heap = build(target)
gc.collect()
tracked = len(gc.get_objects())
best = None
for _ in range(5):
    t0 = time.perf_counter()
    gc.collect()
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
print("tracked objects:", tracked)
print("full collection: %.1f ms" % (best * 1000))
