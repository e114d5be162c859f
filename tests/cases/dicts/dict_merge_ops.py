a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a)
a |= b
print(a)
print({**a, 'w': 0}, {**b, **{'y': -1}})
print(dict(a, **{'q': 1}))
print(a == dict(sorted(a.items())), {1: 2} == {1: 2.0})
