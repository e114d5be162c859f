for bad in ['x', '', ' ', '1e5', '0x1G']:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int('9', 8)
except ValueError as e:
    print(e)
try:
    int('10', 99)
except ValueError as e:
    print(e)
for bad in ['', 'x1', '1.2.3']:
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    [].index(1)
except ValueError as e:
    print(e)
try:
    a, b = 'xyz'
except ValueError as e:
    print(e)
try:
    import math; math.sqrt(-1)
except ValueError as e:
    print(e)
