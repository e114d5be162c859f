print(1 < 2, 2 <= 2, 3 > 4, 3 >= 3, 1 == 1.0, 1 != 2)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1.0, 1 < 2 > 0)
print('abc' < 'abd', 'a' < 'B', 'Z' < 'a', '' < 'a', 'ab' < 'abc')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] == [])
x = 1
print(None is None, None == None, x is not None)
def v(x):
    print('v', x)
    return x
print(v(1) < v(2) < v(0) < v(5))
print(1 in [1, 2], 3 not in (1, 2), 'b' in 'abc', 'ac' in 'abc')
print(float('nan') in [float('nan')])
x = float('nan'); print(x in [x])
