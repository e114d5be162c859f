class C:
    data = [1, 2, 3]
    total = sum(x for x in data)
print(C.total)
def f():
    vals = [1, 2]
    return list(v * n for n in range(2) for v in vals)
print(f())
try:
    class D:
        k = 2
        vals = [x * k for x in range(3)]
except NameError as e:
    print(e)
