t = (1, 'two', 3.0)
print(t, len(t), t[1], t[-1], t[:2], t[::-1], type(t).__name__)
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), 1, (1))
print(t + (4,), t * 2, (0,) * 3, 'two' in t, t.index(3.0), t.count(1))
a, b, c = t
print(a, b, c)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 99), () < (0,))
x = 1, 2
print(x, type(x).__name__)
