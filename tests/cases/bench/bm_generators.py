# Copied from /work/shared/bench/bm_generators.py with the default size reduced to 20
# (the benchmark's quick size) so it runs as a differential test case.
# Generators and iterators: generator pipelines, generator expressions,
# `yield from` (recursive tree walk), send()-driven coroutines, iterator
# classes with __iter__/__next__, enumerate/zip/reversed/range/iter/next.
import sys


def numbers(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x >> 12


def keep_odd(it):
    for v in it:
        if v & 1:
            yield v


def scale(it, k):
    for v in it:
        yield (v * k) % 100003


def windows(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            del buf[0]


def take(it, n):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current


class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build_tree(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build_tree(lo, mid), build_tree(mid + 1, hi))


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return total
        total += value
        count += 1
        avg = total // count


def chain(*iterables):
    for it in iterables:
        yield from it


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000000007


def run_round(seed, n):
    check = 0
    pipeline = windows(scale(keep_odd(numbers(n, seed)), 7), 3)
    for a, b, c in pipeline:
        check += (a ^ b) + c
    check += sum(v % 13 for v in numbers(n // 2, seed + 1))
    check += sum(x * y for x, y in zip(Countdown(500), reversed(range(500))))
    tree = build_tree(0, 1023)
    prev = -1
    ordered = True
    for v in tree:
        if v <= prev:
            ordered = False
        prev = v
    check += (1 if ordered else 0) + sum(tree) + max(x for x in tree if x % 3 == 0)
    co = averager()
    next(co)
    last = 0
    for v in take(numbers(2000, seed + 2), 1000):
        last = co.send(v % 1000)
    try:
        co.send(None)
    except StopIteration as stop:
        check += stop.value
    check += last
    check += sum(take(fib_gen(), 300)) % 1000000007
    it = iter(chain(range(5), Countdown(5), "abc", [7, 8]))
    check += len(list(it))
    squares = {k: v for k, v in ((i, i * i) for i in range(200))}
    check += sum(squares.values()) + any(v > 10000 for v in squares.values())
    check += all(v >= 0 for v in squares.values())
    return check


def main(n):
    total = 0
    for r in range(n):
        total = (total * 31 + run_round(r + 1, 6000)) % 1000000007
    print("checksum: " + str(total))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
