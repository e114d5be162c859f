print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(0.5 + 1e-9), round(1e20))
print(round(5, -1), round(15, -1), round(25, -1), round(-15, -1), round(123456, -3))
print(round(1.23456, 3), round(-1.5), round(0.0), round(-0.0), round(1.5, 0), round(-0.4))
print(round(10**20 + 0.5 if False else 10**20), type(round(1.5)).__name__, type(round(1.5, 1)).__name__)
try:
    round(float('inf'))
except OverflowError as e:
    print(e)
try:
    round(float('nan'))
except ValueError as e:
    print(e)
