# Copied from /work/shared/bench/bm_sort.py with the default size reduced to 3
# (the benchmark's quick size) so it runs as a differential test case.
# Lists: sort/sorted of ints, floats, strings and tuples (key=, reverse=,
# stability), list comprehensions (nested, filtered), slicing and slice
# assignment, list methods, a hand-written merge sort and binary search.
import sys


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def merge_sort(items):
    if len(items) <= 16:
        out = items[:]
        for i in range(1, len(out)):
            v = out[i]
            j = i - 1
            while j >= 0 and out[j] > v:
                out[j + 1] = out[j]
                j -= 1
            out[j + 1] = v
        return out
    mid = len(items) // 2
    left = merge_sort(items[:mid])
    right = merge_sort(items[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def bisect_left(items, x):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def run_round(rng, size):
    ints = [rng.next(1000000) - 500000 for _ in range(size)]
    floats = [x / 7.0 for x in ints[: size // 2]]
    names = ["n" + str(rng.next(5000)) for _ in range(size // 2)]
    check = 0

    s = sorted(ints)
    check += s[0] + s[-1] + s[len(s) // 2]
    m = merge_sort(ints[: size // 4])
    check += 1 if m == sorted(ints[: size // 4]) else 0
    desc = sorted(ints, reverse=True)
    check += desc[10] - desc[-10]
    fs = sorted(floats)
    check += round(fs[len(fs) // 3] * 1000)
    names.sort()
    check += len(names[0]) + len(names[-1]) + bisect_left(names, "n2500")
    by_len = sorted(names, key=len)
    check += len(by_len[0]) * 7
    # stability: sort records by one field, then another
    records = [(ints[i] % 100, i, names[i % len(names)]) for i in range(size // 2)]
    records.sort(key=lambda r: r[2])
    records.sort(key=lambda r: r[0])
    check += sum([r[1] for r in records[:50]]) % 100000
    pairs = sorted(zip(names, ints))
    check += pairs[3][1] + pairs[-3][1]
    # comprehensions
    evens = [x for x in s if x % 2 == 0]
    squares = [x * x % 1000 for x in evens[:2000]]
    matrix = [[(i * j) % 17 for j in range(30)] for i in range(30)]
    transposed = [[row[i] for row in matrix] for i in range(30)]
    flat = [v for row in transposed for v in row if v > 8]
    check += len(evens) + sum(squares) + sum(flat)
    # list methods and slicing
    work = s[::5]
    work.insert(0, 42)
    work.append(-42)
    work.extend(work[1:10])
    work[5:15] = [0] * 3
    del work[::7]
    work.reverse()
    check += len(work) + work.index(0) + work.count(0) + work.pop() + work.pop(0)
    for x in ints[:200]:
        i = bisect_left(s, x)
        check += i & 1023
    return check


def main(n):
    rng = Rng(99)
    total = 0
    for _ in range(n):
        total = (total * 31 + run_round(rng, 20000)) % 1000000007
    print("checksum: " + str(total))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
