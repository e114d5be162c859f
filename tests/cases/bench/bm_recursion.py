# Copied from /work/shared/bench/bm_recursion.py with the default size reduced to 40
# (the benchmark's quick size) so it runs as a differential test case.
# Recursive function calls: fib, tak, mutual recursion, recursion with
# keyword/default arguments and tuple results.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hanoi(n, src=0, dst=2, via=1, moves=None):
    # counts moves per (src, dst) pair, passing arguments by keyword
    if moves is None:
        moves = [0] * 9
    if n == 0:
        return moves
    hanoi(n - 1, src=src, dst=via, via=dst, moves=moves)
    moves[src * 3 + dst] += 1
    hanoi(n - 1, src=via, dst=dst, via=src, moves=moves)
    return moves


def min_max_sum(items, lo, hi):
    # divide and conquer returning tuples
    if hi - lo == 1:
        v = items[lo]
        return v, v, v
    mid = (lo + hi) // 2
    a_min, a_max, a_sum = min_max_sum(items, lo, mid)
    b_min, b_max, b_sum = min_max_sum(items, mid, hi)
    return (a_min if a_min < b_min else b_min,
            a_max if a_max > b_max else b_max,
            a_sum + b_sum)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def main(n):
    total = 0
    items = [(i * 7919) % 1009 - 500 for i in range(2048)]
    for i in range(n):
        total += fib(18 + i % 4)
        total += tak(12 + i % 3, 8, 4)
        total += 1 if is_even(200 + i % 500) else 2
        moves = hanoi(9 + i % 3)
        total += moves[2] * 3 + moves[1]
        lo, hi, s = min_max_sum(items, 0, len(items) - (i % 5))
        total += lo + hi * 2 + s
        total += ackermann(2, 20 + i % 10)
        total %= 1000000007
    print("checksum: " + str(total))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
