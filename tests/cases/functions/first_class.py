def apply(f, *args):
    return f(*args)
print(apply(max, 3, 9, 2), apply(str.upper, 'x'), apply(len, [1, 2]))
ops = {'add': lambda a, b: a + b, 'mul': lambda a, b: a * b}
print({k: v(3, 4) for k, v in ops.items()})
funcs = [abs, str, bool]
print([fn(-1) for fn in funcs])
def make_multiplier(n):
    def m(x): return x * n
    return m
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), list(map(double, range(4))))
