# Does RSS fall back after a large population of small objects is freed?
#
# Reads VmRSS (kB) from /proc/self/status, allocates about 2 million small
# objects (tuples, floats and instances of a small class), reads VmRSS again,
# frees them all, and reads VmRSS a third time. Prints the three figures and
# the fraction of the growth that is still held after the free:
#     ratio = (after_free - start) / (peak - start)
# With arenas returned to the OS the ratio should be close to 0.
#
# Usage: rss_release.py [N]   (N objects in total, default 2_000_000; Linux only)
import sys


def vmrss_kb():
    with open("/proc/self/status") as f:
        for line in f.read().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


class Small:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def build(n):
    third = n // 3
    objs = []
    for i in range(third):
        objs.append((i, i + 1))          # tuple of two (plus an int >= 257)
    for i in range(third):
        objs.append(i + 0.5)             # boxed float
    for i in range(n - 2 * third):
        objs.append(Small(i, None))      # small instance with __slots__
    return objs


def main(n):
    start = vmrss_kb()
    objs = build(n)
    peak = vmrss_kb()
    count = len(objs)
    del objs
    after = vmrss_kb()
    growth = peak - start
    ratio = (after - start) / growth if growth > 0 else 0.0
    print("objects:       " + str(count))
    print("start_kB:      " + str(start))
    print("peak_kB:       " + str(peak))
    print("after_free_kB: " + str(after))
    print("retained_ratio: %.3f" % ratio)
    if len(sys.argv) > 2 and sys.argv[2] == "stats" and hasattr(sys, "_debugmallocstats"):
        sys._debugmallocstats()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000000)
