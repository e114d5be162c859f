print(float(), float(1), float('3.25'), float('  -1.5e2 '), float('INF'), float('-Infinity'), float('nan'))
print(float(10**20), float(True), float('1_000.5'), float('.5'), float('5.'))
print((1.5).is_integer(), float.fromhex('0x1.8p1'), (3.0).hex(), float('0.1') == 0.1)
try:
    float('1,5')
except ValueError as e:
    print(e)
try:
    float(10**400)
except OverflowError as e:
    print(e)
try:
    float([])
except TypeError as e:
    print(e)
