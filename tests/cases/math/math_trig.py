import math
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), round(math.cos(math.pi), 12))
print(math.atan2(1, 1), math.asin(1), math.acos(1), math.atan(1) * 4)
print(math.degrees(math.pi), math.radians(180), math.sinh(0), math.cosh(0), math.tanh(0))
print(round(math.sin(1), 10), round(math.cos(1), 10), round(math.tan(1), 10))
