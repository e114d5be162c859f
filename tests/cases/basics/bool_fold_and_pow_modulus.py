print(True & False, True | False, True ^ True)
try:
    pow(2, 3, 5.0)
except TypeError as e:
    print(e)
