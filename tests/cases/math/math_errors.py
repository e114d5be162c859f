import math
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2), (math.factorial, -1)]:
    try:
        f(arg)
    except ValueError as e:
        print(f.__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(math.floor(float('inf')) if False else 'skip', math.isqrt(10**40))
try:
    math.floor(float('nan'))
except ValueError as e:
    print(e)
