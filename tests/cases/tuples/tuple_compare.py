print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
print(max([(1, 2), (1, 3), (0, 9)]), min((3, 1), (2, 9)))
print((1, 2, 3) == (1, 2, 3), (1, 2) != (1, 2, 3))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print(e)
