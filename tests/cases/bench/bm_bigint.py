# Copied from /work/shared/bench/bm_bigint.py with the default size reduced to 800
# (the benchmark's quick size) so it runs as a differential test case.
# Integer arithmetic, small and big: digits of pi by an unbounded spigot
# (big-integer multiply/add/floor-divide), big factorials and Fibonacci
# numbers, modular exponentiation, gcd, and small-int bit operations with
# Python's floor-division/modulo semantics for negative operands.
import sys


def pi_digits(count):
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < count:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return digits


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def big_fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


def small_int_mix(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
        y = (x >> 7) ^ (x << 3) & 0xFFFF
        a = y - 40000
        acc += a // 7 + a % 7 + (-a) // 3 - (a % -5)
        acc ^= (i << 2) | (y & 15)
        acc = acc % 1000000007 if acc >= 0 else -((-acc) % 1000000007)
    return acc


def main(n):
    digits = pi_digits(n)
    check = 0
    for d in digits:
        check = (check * 10 + d) % 998244353
    head = "".join([str(d) for d in digits[:30]])
    check += int(head[:18])
    f = factorial(300 + (n // 10) % 700)
    check += f % 1000000007 + len(str(f)) + f.bit_length()
    fb = big_fib(2000 + n)
    check += fb % 999999937 + gcd(fb, big_fib(1500 + n // 2)) + gcd(f, fb) % 1000
    check += pow(3, 10 ** 6 + n, 10 ** 9 + 7) + pow(fb, 65537, f + 1) % 1000003
    check += (fb * fb - (fb - 1) * (fb + 1)) + (f // (fb % 1000 + 1)) % 1009
    check += (-fb) // 1000000 % 1000 + (-f) % 12345
    check += small_int_mix(n * 40)
    print("checksum: " + str(check))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 800)
