import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.pow(2, 10), math.exp(1), math.log(math.e))
print(math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(0), math.expm1(0))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.fmod(-7, 3), math.copysign(3, -0.0), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.factorial(20), math.gcd(12, 18), math.gcd(0, 0), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
