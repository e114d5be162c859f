# Copied from /work/shared/bench/bm_alloc_churn.py with the default size reduced to 40000
# (the benchmark's quick size) so it runs as a differential test case.
# Allocation churn: very many short-lived small objects -- tuples, small
# instances (with and without __slots__), tiny lists and dicts, boxed
# floats and ints outside the small-int cache, short strings -- each freed
# almost immediately. Stresses the small-object allocator and refcounting.
import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)


class Particle:
    def __init__(self, pos, vel, tag):
        self.pos = pos
        self.vel = vel
        self.tag = tag

    def moved(self, dt):
        return Particle(self.pos.add(self.vel.scale(dt)), self.vel, self.tag)


def tuple_churn(n):
    acc = 0
    a = (1, 2)
    for i in range(n):
        b = (i, i + 1000, i * 3)
        c = (a[0] + b[1], a[1] ^ b[2])
        d = c + (b[0],)
        a = (d[0] % 65536, d[1] % 65536)
        acc += len(d) + a[0] - a[1]
    return acc


def object_churn(n):
    parts = [Particle(Vec(i, -i), Vec(1, 2), i) for i in range(32)]
    acc = 0
    for step in range(n):
        k = step % 32
        p = parts[k].moved(3)
        if p.pos.x > 100000:
            p = Particle(Vec(0, 0), p.vel, p.tag)
        parts[k] = p
        acc += p.pos.x - p.pos.y + p.tag
    return acc


def container_churn(n):
    acc = 0
    for i in range(n):
        small = [i, i + 1, i + 2]
        d = {"a": i, "b": small, "c": (i, i)}
        small.append(len(d))
        key = "k" + str(i % 1000)
        d[key] = small[1:]
        acc += d["b"][3] + len(d[key]) + len(key)
    return acc


def number_churn(n):
    f = 0.5
    x = 1000
    acc = 0
    for i in range(n):
        f = f * 1.0000001 + 0.25
        if f > 1000.0:
            f = f / 1000.0
        x = (x * 7 + i) % 100003 + 300
        acc += x + int(f)
    return acc


def main(n):
    check = tuple_churn(n * 2)
    check += object_churn(n)
    check += container_churn(n)
    check += number_churn(n)
    print("checksum: " + str(check))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40000)
