print((1,), (1, 2), ((1,), ()), ('a', "b'"), (None, True), (1.5, -0.0))
print(repr(()), str((1,)), [(1, 2)])
t = tuple(range(5))
print(t, t[1:4], t[::2])
