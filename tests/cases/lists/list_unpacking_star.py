a = [1, 2]
b = [*a, 3, *range(4, 6)]
print(b)
print([*'ab', *(1,)], [*[]])
def f(*args):
    return args
print(f(*b), f(*a, *a))
first, *rest = b
print(first, rest)
