try:
    raise ValueError('x')
except ValueError as err:
    print('inside', err)
try:
    print(err)
except NameError as e:
    print(e)
e2 = 'keep'
try:
    1 / 0
except ZeroDivisionError as e2:
    pass
print('e2' in globals())
