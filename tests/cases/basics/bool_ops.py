print(True and False, True or False, not True, not 0, not '')
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, '' or 'x', None or 0)
print([] or [1], [0] and 'yes')
print(True + 1, True * 3, False - 1)
print(bool(0), bool(1), bool(''), bool('a'), bool([]), bool([0]), bool(None), bool(0.0), bool({}))
print(True == 1, False == 0, True is True, isinstance(True, int))
def side(x):
    print('eval', x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(0) or side(3))
