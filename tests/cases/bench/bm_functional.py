# Copied from /work/shared/bench/bm_functional.py with the default size reduced to 12
# (the benchmark's quick size) so it runs as a differential test case.
# Functional style: closures (with nonlocal state), lambdas, function
# composition, map/filter/sorted/min/max with key functions, a
# hand-written reduce, partial application, default-argument capture,
# *args/**kwargs forwarding, and decorators built from closures.
import sys


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


def reduce(fn, items, initial):
    acc = initial
    for item in items:
        acc = fn(acc, item)
    return acc


def partial(fn, *bound, **bound_kw):
    def call(*args, **kwargs):
        kw = dict(bound_kw)
        kw.update(kwargs)
        return fn(*(bound + args), **kw)
    return call


def make_counter():
    count = 0

    def bump(by=1):
        nonlocal count
        count += by
        return count
    return bump


def memoize(fn):
    cache = {}

    def wrapper(*args):
        if args in cache:
            return cache[args]
        result = fn(*args)
        cache[args] = result
        return result
    wrapper.cache = cache
    return wrapper


def counted(counter):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            counter()
            return fn(*args, **kwargs)
        return wrapper
    return decorate


calls = make_counter()


@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return (paths(r - 1, c) + paths(r, c - 1)) % 1000000007


@counted(calls)
def weight(x, bias=0, scale=1):
    return (x * scale + bias) % 1009


def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]


def run_round(r, size):
    data = [(i * 7919 + r * 104729) % 10007 for i in range(size)]
    inc = lambda x: x + 1
    dbl = lambda x: x * 2
    sq = lambda x: x * x % 65521
    pipeline = compose(sq, dbl, inc)
    mapped = list(map(pipeline, data))
    picked = list(filter(lambda v: v % 3 != 0, mapped))
    check = reduce(lambda a, b: (a * 31 + b) % 1000000007, picked, 17)
    people = [("p" + str(i % 97), (i * 37) % 90, (i * 11) % 7) for i in range(size // 4)]
    by_age = sorted(people, key=lambda p: (p[1], p[0]))
    by_group = sorted(people, key=lambda p: -p[2])
    check += by_age[0][1] + by_age[-1][1] + by_group[0][2] + len(by_group[5][0])
    oldest = max(people, key=lambda p: p[1] * 10 + p[2])
    youngest = min(people, key=lambda p: (p[1], p[2]))
    check += oldest[1] + youngest[2]
    adders = make_adders(20)
    check += sum([f(i) for i, f in enumerate(adders)])
    scaled = partial(weight, bias=r, scale=3)
    check += sum(map(scaled, data[:500]))
    check += sum(map(lambda x: weight(x, scale=2), data[500:1000]))
    counter = make_counter()
    for v in data[:2000]:
        if v & 1:
            counter(v & 7)
    check += counter(0)
    zipped = list(map(lambda a, b: a ^ b, data[:1000], data[1000:2000]))
    check += sum(sorted(zipped, key=lambda v: (v % 10, v))[:10])
    groups = {}
    for k, v in map(lambda x: (x % 16, x), data):
        groups.setdefault(k, []).append(v)
    check += sum(map(lambda kv: kv[0] * len(kv[1]), sorted(groups.items())))
    check += paths(r % 40 + 20, 30)
    return check % 1000000007


def main(n):
    total = 0
    for r in range(n):
        total = (total * 31 + run_round(r, 6000)) % 1000000007
    total = total * 1000 + calls(0) % 997
    print("checksum: " + str(total))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
