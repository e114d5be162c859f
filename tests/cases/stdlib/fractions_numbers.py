from fractions import Fraction as F
import math, numbers
a, b = F(1, 3), F(3, 4)
print(a, repr(b), a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(F(-2, 6)), a ** 2, F(2, 3) ** -2, 2 ** F(3))
print(F(6, -4), F('3/4'), F(' -1.25 '), F('1e-3'), F(0.1), F(2.5), F(7), F(F(1, 2), F(1, 3)))
print(a + 1, 1 + a, a + 0.5, 0.5 * a, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, a < b, b >= 0.75, a > 0)
print(float(a), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(12345, 100), 1))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)) == hash(F(2, 6)))
print(F(3.141592653589793).limit_denominator(1000), F(1, 3).limit_denominator(2), F(1, 7).as_integer_ratio())
print(isinstance(F(1), numbers.Rational), isinstance(3, numbers.Integral), isinstance(2.0, numbers.Real), isinstance(2.0, numbers.Rational))
print(sum([F(1, n) for n in range(1, 6)]), sorted([F(1, 2), F(1, 3), 0.4]), F(7, 2).__divmod__(F(1, 3)), bool(F(0)))
for bad in ('x', '1/0/1', '', '1.2.3'):
    try:
        F(bad)
    except ValueError as e:
        print(e)
try:
    F(1, 0)
except ZeroDivisionError as e:
    print(e)
