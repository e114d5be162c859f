b = b'abc'
try:
    b[0] = 1
except TypeError as e:
    print(e)
try:
    b + 'str'
except TypeError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b[10]
except IndexError as e:
    print(e)
try:
    bytes('abc')
except TypeError as e:
    print(e)
