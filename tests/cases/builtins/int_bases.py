print(int('42'), int('-42'), int('101', 2), int('ff', 16), int('FF', 16), int('0o17', 0), int('17', 8), int('zz', 36))
print(int('0x1f', 16), int('0b11', 2), int('  7  '), int('1_2_3'), int(3.99), int(-3.99), int(True))
print(int(), int('0'), int('000'), int('00', 0))
try:
    int('08', 0)
except ValueError as e:
    print(e)
try:
    int(1.5, 2)
except TypeError as e:
    print(e)
try:
    int('1', 1)
except ValueError as e:
    print(e)
print(int(float('1e20')), int('1' * 30))
try:
    int(float('inf'))
except OverflowError as e:
    print(e)
try:
    int(float('nan'))
except ValueError as e:
    print(e)
